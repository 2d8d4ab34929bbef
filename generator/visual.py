"""Pictures made at build time: a visual timeline and an actor graph, as inline SVG.

Static SVG needs no script and fetches nothing. Every piece of article text is
escaped (``html.escape``) and also given in full in a ``<title>`` element,
which browsers show as a tooltip and screen readers read.
The output is one line per element with no blank line, so Python-Markdown
keeps the whole figure as one raw HTML block. Links are ``xlink:href``, written for the page's
URL: Zensical rewrites a raw ``href`` as if it were relative to the Markdown file, MkDocs leaves it
as written, and both leave ``xlink:href`` alone, so the figure links the same in both sites. A figure
wider than a phone scrolls: its box is a named region that takes the keyboard focus, so it can be
scrolled without a mouse (axe: scrollable-region-focusable; axe does not count ``xlink:href`` links).
Figures are kept out of the search index: their labels repeat the page's text, and their hover text
is no content. Pagefind, the site's search, reads no SVG text, and ``data-pagefind-ignore`` keeps it
so for anything a figure may hold besides its SVG; ``data-search-exclude`` is for the engines' own
search (off in mkdocs.yml).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from .model import Actor, Relation


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Row:
    """One date on the visual timeline."""

    label: str
    items: tuple[tuple[str, str], ...]
    """(text, link) of each event on that date."""


def timeline_svg(rows: list[Row], title: str) -> str:
    """A vertical timeline: one dot per date, its events beside it, linked to their paragraphs."""
    if not rows:
        return ""
    width, top, line_h, gap = 720, 24, 22, 16
    parts: list[str] = []
    y = top
    for row in rows:
        parts.append(f'<circle cx="20" cy="{y - 5}" r="6" class="tl-dot"/>')
        parts.append(f'<text x="36" y="{y}" class="tl-date">{_e(row.label)}</text>')
        y += line_h
        for text, link in row.items:
            label = _e(_short(text, 78))
            parts.append(
                f'<a xlink:href="{_e(link)}"><title>{_e(text)}</title><text x="36" y="{y}" class="tl-event">{label}</text></a>'
            )
            y += line_h
        y += gap
    height = y - gap
    axis = f'<line x1="20" y1="{top - 5}" x2="20" y2="{height - line_h - 5}" class="tl-axis"/>'
    body = "".join([axis, *parts])
    return (
        f'<div class="briefing-figure briefing-timeline-figure" data-search-exclude="" data-pagefind-ignore="" tabindex="0" role="region" aria-labelledby="tl-title"><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" role="group" '
        f'aria-labelledby="tl-title" viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet">'
        f'<title id="tl-title">{_e(title)}</title>{body}</svg></div>\n'
    )


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    kind: str
    """'quotes' (a's quote names b), 'contradicts' or 'co-mention' (same paragraph)."""
    weight: int
    note: str


_EDGE_NOTES = {
    "quotes": "is quoted naming",
    "contradicts": "contradicts",
    "co-mention": "named in the same paragraph as",
}


def actor_edges(relations: tuple[Relation, ...] | list[Relation]) -> list[Edge]:
    """The graph's edges: the relations of ``Briefing.derived`` (generator/derive.py), with their words."""
    return [Edge(r.a, r.b, r.kind, r.weight, f"{_EDGE_NOTES[r.kind]} ({r.weight}×)") for r in relations]


def actor_graph_svg(actors: list[Actor], edges: list[Edge], title: str, link: str = "#{id}", limit: int = 12) -> str:
    """A circle of the most present actors; lines for quotes, contradictions and co-mentions."""
    shown = actors[:limit]
    if len(shown) < 2:
        return ""
    ids = {a.id for a in shown}
    names = {a.id: a.name for a in shown}
    size, cx, cy, r = 640, 320, 300, 215
    pos = {}
    for i, a in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / len(shown)
        pos[a.id] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
    lines = []
    kept = [e for e in edges if e.a in ids and e.b in ids]
    # Co-mentions are the background; quotes and contradictions are drawn last, on top.
    for e in sorted(kept, key=lambda e: e.kind != "co-mention"):
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        if e.kind == "co-mention" and e.weight < 2:
            continue  # one shared paragraph is noise at this size
        stroke = min(1 + e.weight, 6)
        marker = ' marker-end="url(#ag-arrow)"' if e.kind != "co-mention" else ""
        text = f"{names[e.a]} {e.note} {names[e.b]}"
        lines.append(
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" class="ag-edge ag-{e.kind}" '
            f'stroke-width="{stroke}"{marker}><title>{_e(text)}</title></line>'
        )
    nodes = []
    for a in shown:
        x, y = pos[a.id]
        anchor = "middle" if abs(x - cx) < 40 else ("start" if x > cx else "end")
        dx = 0 if anchor == "middle" else (12 if anchor == "start" else -12)
        dy = -14 if y < cy - 100 else (22 if y > cy + 100 else 5)
        href = link.format(id=a.id)
        nodes.append(
            f'<a xlink:href="{_e(href)}"><title>{_e(a.name)} ({_e(a.type)}, {len(a.mentions)} mentions)</title>'
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="9" class="ag-node ag-{_e(a.type)}"/>'
            f'<text x="{x + dx:.0f}" y="{y + dy:.0f}" text-anchor="{anchor}" class="ag-label">{_e(_short(a.name, 24))}</text></a>'
        )
    defs = (
        '<defs><marker id="ag-arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="ag-arrowhead"/></marker></defs>'
    )
    return (
        f'<div class="briefing-figure briefing-graph-figure" data-search-exclude="" data-pagefind-ignore="" tabindex="0" role="region" aria-labelledby="ag-title"><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" role="group" '
        f'aria-labelledby="ag-title" viewBox="-70 {cy - r - 40} {size + 140} {2 * r + 90}" width="100%">'
        f'<title id="ag-title">{_e(title)}</title>{defs}{"".join(lines)}{"".join(nodes)}</svg></div>\n'
    )


LEGEND = (
    "Lines: **arrow** = the first actor is quoted naming the second; **red arrow** = contradicts; "
    "**pale line** = named together in two or more paragraphs. Dots: blue = person, green = country or place, "
    "orange = organisation or group. Hover a line or a name for details; "
    "a name opens that actor.\n{: .briefing-meta }"
)


# ---- A map of places, drawn at build time from Natural Earth outlines (generator/data/README.md).

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def _world() -> dict[str, tuple[str, float, float, str, tuple[float, float, float, float]]]:
    """alpha2 -> (name, label longitude, label latitude, SVG path in degrees, its box x0 y0 x1 y1)."""
    out = {}
    for line in (DATA / "world_110m.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, name, lon, lat, path = line.split("\t")
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
        box = (min(nums[0::2]), min(nums[1::2]), max(nums[0::2]), max(nums[1::2]))
        out[code] = (name, float(lon), float(lat), path, box)
    return out


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Lower-case country name or alternative name -> (alpha2, capital)."""
    out: dict[str, tuple[str, str]] = {}
    for line in (DATA / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, alpha2, _alpha3, _demonym, capital, _pop, alt = (line.split("\t") + [""] * 7)[:7]
        for n in [name, *alt.split("|")]:
            if n and len(n) > 3:
                out.setdefault(n.lower(), (alpha2, capital.split("|")[0]))
    return out


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, float, float]]:
    """Lower-case city name -> (country code, latitude, longitude) of the most populous of that name."""
    best: dict[str, tuple[int, str, float, float]] = {}
    for line in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, code, lat, lon, pop, alts = line.split("\t")
        for key in [name.lower(), *(a.lower() for a in alts.split("|") if a)]:
            if key not in best or int(pop) > best[key][0]:
                best[key] = (int(pop), code, float(lat), float(lon))
    return {k: v[1:] for k, v in best.items()}


@dataclass(frozen=True)
class Spot:
    """An actor on the map: a country (outline and label) or a city (a dot)."""

    actor: Actor
    kind: str
    """'country' or 'city'."""
    lon: float
    lat: float
    code: str = ""


def locate(actors: list[Actor]) -> tuple[list[Spot], list[Actor]]:
    """The countries and places that can be put on the map, and those that cannot (regions, seas)."""
    spots, missing = [], []
    world, countries, cities = _world(), _countries(), _cities()
    for a in actors:
        names = [a.name, *a.aliases]
        hit = None
        if a.type == "country":
            code = next((countries[n.lower()] for n in names if n.lower() in countries), None)
            if code and code[0] in world:
                _, lon, lat, _, _ = world[code[0]]
                hit = Spot(a, "country", lon, lat, code[0])
            elif code and code[1].lower() in cities:  # too small for the 1:110m outlines: its capital
                _, lat, lon = cities[code[1].lower()]
                hit = Spot(a, "city", lon, lat, code[0])
        if hit is None and a.type in ("place", "country"):
            city = next((cities[n.lower()] for n in names if n.lower() in cities), None)
            if city:
                hit = Spot(a, "city", city[2], city[1], city[0])
        if hit is not None:
            spots.append(hit)
        elif a.type in ("place", "country"):
            missing.append(a)
    return spots, missing


def map_svg(spots: list[Spot], title: str, link: str = "#{id}") -> str:
    """A map of the named countries (shaded, labelled) and cities (dots), each linked to its actor.

    Equirectangular, cropped to the named places with a margin; every country's outline is drawn
    so the region is recognisable. No tiles, no script, no request."""
    if not spots:
        return ""
    world = _world()
    xs = [s.lon for s in spots]
    ys = [-s.lat for s in spots]
    x0, x1, y0, y1 = min(xs) - 20, max(xs) + 20, min(ys) - 8, max(ys) + 8
    w, h = max(x1 - x0, 40.0), max(y1 - y0, 24.0)
    if w / h > 2:
        h = w / 2
    else:
        w = h * 2
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    x0, y0 = max(-180.0, cx - w / 2), max(-90.0, cy - h / 2)
    font = w / 55
    named = {s.code for s in spots if s.kind == "country"}
    land = "".join(
        f'<path d="{path}" class="map-land"/>'
        for code, (_, _, _, path, (bx0, by0, bx1, by1)) in world.items()
        if code not in named and bx1 >= x0 and bx0 <= x0 + w and by1 >= y0 and by0 <= y0 + h
    )
    shapes: list[str] = []
    labels: list[str] = []
    placed: list[tuple[float, float, float, float]] = []

    def free(box: tuple[float, float, float, float]) -> bool:
        return not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed)

    # Countries first (their labels sit on their outline), then cities beside their dots, each label
    # moved round its point until it overlaps no earlier one.
    for s in sorted(spots, key=lambda s: s.kind != "country"):
        name = _e(s.actor.name)
        href = _e(link.format(id=s.actor.id))
        text = _short(s.actor.name, 24)
        size = font if s.kind == "country" else font * 0.8
        tw, x, y = 0.58 * size * len(text), s.lon, -s.lat
        if s.kind == "country":
            shapes.append(
                f'<a xlink:href="{href}"><title>{name} (country)</title><path d="{world[s.code][3]}" class="map-named"/></a>'
            )
            tries = [(x - tw / 2, y), (x - tw / 2, y + size), (x - tw / 2, y - size)]
        else:
            r = size / 2.5
            tries = [(x + r * 1.5, y + size / 3), (x - r * 1.5 - tw, y + size / 3), (x - tw / 2, y - r * 1.5),
                     (x - tw / 2, y + r * 1.5 + size * 0.8), (x + r * 1.5, y + size * 1.2), (x + r * 1.5, y - size * 0.6)]  # fmt: skip
        tx, ty = next((t for t in tries if free((t[0], t[1] - size * 0.8, t[0] + tw, t[1]))), tries[0])
        placed.append((tx, ty - size * 0.8, tx + tw, ty))
        dot = f'<circle cx="{x:.2f}" cy="{y:.2f}" r="{size / 2.5:.2f}" class="map-dot"/>' if s.kind == "city" else ""
        labels.append(
            f'<a xlink:href="{href}"><title>{name} ({"country" if s.kind == "country" else "place"})</title>{dot}'
            f'<text x="{tx:.2f}" y="{ty:.2f}" class="map-{s.kind}" style="font-size:{size:.2f}px">{_e(text)}</text></a>'
        )
    return (
        f'<div class="briefing-figure briefing-map-figure" data-search-exclude="" data-pagefind-ignore="" tabindex="0" role="region" aria-labelledby="map-title"><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" role="group" '
        f'aria-labelledby="map-title" viewBox="{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}" width="100%">'
        f'<title id="map-title">{_e(title)}</title><rect x="-180" y="-90" width="360" height="180" class="map-sea"/>'
        f"{land}{''.join(shapes)}{''.join(labels)}</svg></div>\n"
    )
