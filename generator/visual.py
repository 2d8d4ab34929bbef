"""Pictures made at build time: a visual timeline and an actor graph, as inline SVG.

Static SVG needs no script and fetches nothing. Every piece of article text is
escaped (``html.escape``) and also given in full in a ``<title>`` element,
which browsers show as a tooltip and screen readers read.
The output is one line per element with no blank line, so Python-Markdown
keeps the whole figure as one raw HTML block.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape

from .model import Actor, Briefing


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
                f'<a href="{_e(link)}"><title>{_e(text)}</title><text x="36" y="{y}" class="tl-event">{label}</text></a>'
            )
            y += line_h
        y += gap
    height = y - gap
    axis = f'<line x1="20" y1="{top - 5}" x2="20" y2="{height - line_h - 5}" class="tl-axis"/>'
    body = "".join([axis, *parts])
    return (
        f'<div class="briefing-figure briefing-timeline-figure"><svg xmlns="http://www.w3.org/2000/svg" role="group" '
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


def actor_edges(briefing: Briefing, contested_pairs: list[tuple[str, str]] = ()) -> list[Edge]:
    """Who quotes, mentions or contradicts whom, from quotes and paragraph co-mentions."""
    edges: dict[tuple[str, str, str], int] = Counter()
    for q in briefing.quotes:
        if not q.speaker:
            continue
        for actor in briefing.actors:
            if actor.id == q.speaker:
                continue
            if any(m.paragraph == q.paragraph and q.start <= m.start and m.end <= q.end for m in actor.mentions):
                edges[(q.speaker, actor.id, "quotes")] += 1
    for a, b in contested_pairs:
        edges[(a, b, "contradicts")] += 1
    paragraphs: dict[int, set[str]] = {}
    for actor in briefing.actors:
        for m in actor.mentions:
            paragraphs.setdefault(m.paragraph, set()).add(actor.id)
    directed = {(a, b) for a, b, _ in edges} | {(b, a) for a, b, _ in edges}
    for ids in paragraphs.values():
        ordered = sorted(ids)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if (a, b) not in directed:
                    edges[(a, b, "co-mention")] += 1
    out = []
    for (a, b, kind), n in sorted(edges.items()):
        note = {
            "quotes": "is quoted naming",
            "contradicts": "contradicts",
            "co-mention": "named in the same paragraph as",
        }[kind]
        out.append(Edge(a, b, kind, n, f"{note} ({n}×)"))
    return out


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
            f'<a href="{_e(href)}"><title>{_e(a.name)} ({_e(a.type)}, {len(a.mentions)} mentions)</title>'
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="9" class="ag-node ag-{_e(a.type)}"/>'
            f'<text x="{x + dx:.0f}" y="{y + dy:.0f}" text-anchor="{anchor}" class="ag-label">{_e(_short(a.name, 24))}</text></a>'
        )
    defs = (
        '<defs><marker id="ag-arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="ag-arrowhead"/></marker></defs>'
    )
    return (
        f'<div class="briefing-figure briefing-graph-figure"><svg xmlns="http://www.w3.org/2000/svg" role="group" '
        f'aria-labelledby="ag-title" viewBox="-70 {cy - r - 40} {size + 140} {2 * r + 90}" width="100%">'
        f'<title id="ag-title">{_e(title)}</title>{defs}{"".join(lines)}{"".join(nodes)}</svg></div>\n'
    )


LEGEND = (
    "Lines: **arrow** = the first actor is quoted naming the second; **red arrow** = contradicts; "
    "**pale line** = named together in two or more paragraphs. Dots: blue = person, green = country or place, "
    "orange = organisation or group. Hover a line or a name for details; "
    "a name opens that actor.\n{: .briefing-meta }"
)
