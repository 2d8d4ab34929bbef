"""Briefing -> Markdown pages, through Jinja2 templates.

Rendering reads only the model. Every value that reaches a page is escaped
by default (see :mod:`generator.markup`); only Markdown the renderer builds
itself is marked :class:`Raw`.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import jinja2

from .contested import Contest, contests
from .derive import best_name, merge_actors
from .export_timeline import MONTH_NAMES, display_date
from .markup import Raw, attr_escape, md_escape, url_escape
from .model import ACTOR_TYPES, Actor, Briefing, Event, Quote, TimeValue
from .visual import LEGEND, Row, actor_edges, actor_graph_svg, timeline_svg

TEMPLATES = Path(__file__).parent / "templates"
PAGES = {
    "index.md": "overview.md.j2",
    "actors.md": "actors.md.j2",
    "timeline.md": "timeline.md.j2",
    "quotes.md": "quotes.md.j2",
    "source.md": "source.md.j2",
}
PAGE_TITLES = {
    "index.md": "Overview",
    "actors.md": "Actors",
    "timeline.md": "Timeline",
    "quotes.md": "Quotes",
    "source.md": "Source",
}
TYPE_HEADINGS = {
    "person": "People",
    "organisation": "Organisations",
    "country": "Countries",
    "place": "Places",
    "group": "Groups",
}


def _env(extra_dir: Path | None = None) -> jinja2.Environment:
    loaders = [jinja2.FileSystemLoader(str(extra_dir))] if extra_dir else []
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,
        finalize=md_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["raw"] = Raw
    env.filters["attr"] = lambda v: Raw(attr_escape(v))
    env.filters["url"] = lambda v: Raw(url_escape(v))
    env.filters["para"] = para_link
    env.filters["when"] = describe_time
    env.filters["day"] = long_date
    env.filters["front"] = front_matter
    return env


_TAG_UNSAFE = re.compile(r"[^\w .'’&-]+")
# Speakers as written that name nobody until resolved.
_UNRESOLVED = frozenset("he she they it we i you who which that this these those".split())


def clean_tag(text: str) -> str:
    """A tag made of words only: tags reach Material's templates and YAML front matter."""
    return " ".join(_TAG_UNSAFE.sub(" ", text).split())[:60]


def front_matter(tags: list[str], title: str | None = None) -> Raw:
    """YAML front matter: the page's title and tags (ASCII JSON strings are valid YAML scalars, whatever
    characters the title holds: YAML refuses some, such as U+007F, unescaped).

    The title is HTML-escaped because Material prints page titles into the nav and tag listings as HTML."""
    tags = [t for t in dict.fromkeys(clean_tag(t) for t in tags) if t]
    lines = [f"title: {json.dumps(html.escape(title, quote=False))}\n"] if title else []
    if tags:
        lines += ["tags:\n", *(f"  - {json.dumps(t)}\n" for t in tags)]
    return Raw("---\n" + "".join(lines) + "---\n\n") if lines else Raw("")


def para_link(paragraph: int, page: str = "source.md") -> Raw:
    return Raw(f"[¶{int(paragraph)}]({page}#p{int(paragraph)})")


def long_date(d: date | None) -> str:
    if d is None:
        return "no date given"
    return f"{d.strftime('%A')} {d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def describe_time(t: TimeValue | None) -> str:
    """A date at its precision: 'Tuesday 14 May 2019', 'week of 6 May 2019', 'late 2018'."""
    if t is None or not t.value or not t.start:
        return "date unresolved"
    if t.granularity == "day":
        return long_date(date.fromisoformat(t.start))
    return display_date(t)


class View:
    """What the templates need from a briefing, computed once."""

    def __init__(self, briefing: Briefing, json_name: str = "briefing.json"):
        self.b = briefing
        self.article = briefing.article
        self.json_name = json_name
        self.actors_by_id = {a.id: a for a in briefing.actors}
        said = Counter(q.speaker for q in briefing.quotes if q.speaker)
        self.quote_count = said
        self.actors_ranked = sorted(
            briefing.actors, key=lambda a: (-(len(a.mentions) + 2 * said[a.id]), a.name.lower())
        )
        self.actors_by_type = [
            (t, TYPE_HEADINGS[t], [a for a in self.actors_ranked if a.type == t]) for t in ACTOR_TYPES
        ]
        self.actors_by_type = [s for s in self.actors_by_type if s[2]]
        dated = [e for e in briefing.events if e.date and e.date.value and e.date.start]
        self.dated_events = sorted(dated, key=lambda e: (e.date.start, e.date.end or "", e.paragraph, e.start))
        self.undated_events = [e for e in briefing.events if e not in dated]
        self.date_groups: list[tuple[str, list[Event]]] = []
        for e in self.dated_events:
            label = describe_time(e.date)
            if self.date_groups and self.date_groups[-1][0] == label:
                self.date_groups[-1][1].append(e)
            else:
                self.date_groups.append((label, [e]))
        self.contests: list[Contest] = contests(briefing)

    @property
    def tags(self) -> list[str]:
        """The article's own tags, its main countries, and its most present people and organisations.

        Only the Overview carries them, so the tags page lists each briefing once."""
        countries = [a.name for a in self.actors_ranked if a.type == "country"][:4]
        key = [a.name for a in self.actors_ranked if a.type in ("person", "organisation")][:3]
        return [*self.article.tags, *countries, *key]

    def quote_when(self, q: Quote) -> str:
        """When a quote was said: the date of its speech clause, else the publication date."""
        lo = q.start
        if q.speaker_mention and q.speaker_mention.paragraph == q.paragraph:
            lo = min(lo, q.speaker_mention.start)
        cue = (q.cue or "").lower()
        for e in self.dated_events:
            # Only the clause of the saying itself dates the quote ("said on Tuesday that …"),
            # not a date inside what was said ("said losses began last year").
            if cue and e.paragraph == q.paragraph and e.start < q.end and e.end > lo and cue in e.text.lower():
                return f"said {describe_time(e.date)}"
        if self.article.published:
            return f"reported {long_date(self.article.published)}"
        return ""

    def speaker_line(self, q: Quote, page: str = "actors.md") -> Raw:
        """'— **Name**, role · said when · ¶n' under a blockquote."""
        a = self.actor(q.speaker)
        if a is not None:
            who = f"**{self.actor_link(q.speaker, page)}**"
            role = self.role_text(a)
            if role:
                who += f", {md_escape(role)}"
        elif q.speaker_antecedent is not None and q.speaker_text:
            # 'Opponents, who called it …': name the one the pronoun stands for.
            who = (
                f"{md_escape(q.speaker_antecedent.text)} *(“{md_escape(q.speaker_text)}”; not linked to a known actor)*"
            )
        elif q.speaker_text and q.speaker_text.lower() in _UNRESOLVED:
            who = f"*speaker unknown* (“{md_escape(q.speaker_text)}” could not be resolved)"
        elif q.speaker_text:
            who = f"{md_escape(q.speaker_text)} *(not linked to a known actor)*"
        else:
            who = "*speaker unknown*"
        when = self.quote_when(q)
        parts = [f"— {who}"] + ([md_escape(when)] if when else []) + [para_link(q.paragraph)]
        return Raw(" · ".join(parts))

    def timeline_figure(self, source: str = "../source/") -> Raw:
        rows = [
            Row(label, tuple((e.text, f"{source}#p{e.paragraph}") for e in events))
            for label, events in self.date_groups
        ]
        return Raw(timeline_svg(rows, f"Timeline of {self.article.title}: {len(self.dated_events)} dated events"))

    def actor_figure(self) -> Raw:
        pairs = [(c.by, c.target) for c in self.contests]
        svg = actor_graph_svg(
            self.actors_ranked, actor_edges(self.b, pairs), f"Actors of {self.article.title} and how they connect"
        )
        return Raw(svg + "\n" + LEGEND) if svg else Raw("")

    @property
    def where(self) -> list[Actor]:
        return [a for a in self.actors_ranked if a.type in ("country", "place")][:6]

    @property
    def span_label(self) -> str:
        if not self.dated_events:
            return ""
        first, last = describe_time(self.dated_events[0].date), describe_time(self.dated_events[-1].date)
        return first if first == last else f"from {first} to {last}"

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.actors_by_id.get(actor_id) if actor_id else None

    def actor_link(self, actor_id: str | None, page: str = "actors.md") -> Raw:
        a = self.actor(actor_id)
        if a is None:
            return Raw("")
        return Raw(f"[{md_escape(a.name)}]({page}#{a.id})")

    def quotes_by(self, actor_id: str) -> list[Quote]:
        return [q for q in self.b.quotes if q.speaker == actor_id]

    def reported_about(self, actor: Actor) -> list[Quote]:
        """What others said or reported that mentions this actor."""
        return [
            q
            for q in self.b.quotes
            if q.speaker != actor.id
            and any(m.paragraph == q.paragraph and q.start <= m.start and m.end <= q.end for m in actor.mentions)
        ]

    def events_of(self, actor_id: str) -> list[Event]:
        return [e for e in self.b.events if actor_id in e.actors]

    def paragraphs_of(self, actor: Actor) -> list[int]:
        return sorted({m.paragraph for m in actor.mentions})

    def role_text(self, actor: Actor) -> str:
        seen: list[str] = []
        for r in actor.roles:
            if r.text not in seen:
                seen.append(r.text)
        return "; ".join(seen)

    @property
    def quotes_by_speaker(self) -> list[tuple[Actor | None, list[Quote]]]:
        """Quotes grouped by speaker, in order of each speaker's first quote; unattributed last."""
        groups: dict[str | None, list[Quote]] = {}
        for q in self.b.quotes:
            key = q.speaker if self.actor(q.speaker) is not None else None
            groups.setdefault(key, []).append(q)
        out = [(self.actor(k), qs) for k, qs in groups.items() if k is not None]
        if None in groups:
            out.append((None, groups[None]))
        return out

    def quote_line(self, q: Quote) -> Raw:
        """'direct · reported Wednesday … · ¶n' under a quote of the speaker's section."""
        parts = [f"{q.kind}" + (f", “{md_escape(q.cue)}”" if q.cue else "")]
        if q.speaker is None or self.actor(q.speaker) is None:
            # Plain words: emphasis marks around a value could fail to pair and change the page's shape.
            parts.append(f"unattributed: {self.unattributed_text(q).strip()}")
        when = self.quote_when(q)
        parts += ([md_escape(when)] if when else []) + [para_link(q.paragraph)]
        return Raw(" · ".join(parts))

    def unattributed_text(self, q: Quote) -> str:
        if q.speaker_antecedent is not None and q.speaker_text:
            return (
                f"{md_escape(q.speaker_antecedent.text)} (“{md_escape(q.speaker_text)}”), not linked to a known actor"
            )
        if q.speaker_text and q.speaker_text.lower() in _UNRESOLVED:
            return f"“{md_escape(q.speaker_text)}” could not be resolved"
        if q.speaker_text:
            return f"{md_escape(q.speaker_text)}, not linked to a known actor"
        return "speaker unknown"

    def how_attributed(self, q: Quote) -> Raw:
        """How the speaker was found, folded away: an HTML details element (text escaped)."""
        how = q.attribution or ("unattributed" if q.speaker is None else "named at the speech verb")
        bits = [how]
        if q.speaker_text:
            bits.append(f"written “{q.speaker_text}”")
        if q.speaker_antecedent is not None:
            bits.append(f"refers to “{q.speaker_antecedent.text}” (¶{q.speaker_antecedent.paragraph})")
        text = html.escape("; ".join(bits))
        return Raw(f'<details class="briefing-how"><summary>How attributed</summary>{text}</details>')

    def quote_marks(self, q: Quote) -> str:
        return q.text if q.kind == "reported" else f"“{q.text}”"

    @property
    def lede_paragraph(self) -> int:
        """The first paragraph of the story: page furniture before it (a sign-up form) is skipped."""
        whole = {
            f.paragraph
            for f in self.b.left_out
            if f.start == 0 and f.end >= len(self.article.paragraphs[f.paragraph - 1])
        }
        return next((n for n in range(1, len(self.article.paragraphs) + 1) if n not in whole), 1)

    @property
    def lede(self) -> str:
        n = self.lede_paragraph
        text = self.article.paragraphs[n - 1]
        cut = max((f.end for f in self.b.left_out if f.paragraph == n and f.start == 0), default=0)
        return text[cut:].strip() or text

    @property
    def key_actors(self) -> list[Actor]:
        """The six most prominent actors, people and bodies first: countries and
        places are already the 'where', and would otherwise crowd out the people."""
        agents = [a for a in self.actors_ranked if a.type in ("person", "organisation", "group")]
        others = [a for a in self.actors_ranked if a not in agents]
        return (agents + others)[:6]

    @property
    def key_quotes(self) -> list[Quote]:
        """Up to three voices, one quote each (the first direct one), in article order."""
        chosen: dict[str, Quote] = {}
        for q in self.b.quotes:
            if not q.speaker or q.kind == "reported" or len(q.text.split()) < 6:
                continue  # a two-word fragment says little out of context
            if q.speaker not in chosen or (chosen[q.speaker].kind != "direct" and q.kind == "direct"):
                chosen[q.speaker] = q
        ranked = sorted(chosen.values(), key=lambda q: -self.quote_count[q.speaker])[:3]
        return sorted(ranked, key=lambda q: (q.paragraph, q.start))


def render_pages(briefing: Briefing, templates_dir: Path | None = None) -> dict[str, str]:
    """The Markdown pages of one briefing: {file name: content}."""
    env = _env(templates_dir)
    view = View(briefing)
    return {name: env.get_template(tpl).render(v=view, b=briefing, a=briefing.article) for name, tpl in PAGES.items()}


def render_index(
    briefings: list[Briefing], errors: list[str], prefix: str = "", templates_dir: Path | None = None, level: int = 3
) -> str:
    """The list of briefings, newest first (Markdown), with links relative to ``prefix``.

    ``level`` is the heading level of each entry: one below the heading above the list, so the
    page's heading order has no gap (axe heading-order)."""
    env = _env(templates_dir)
    ordered = sorted(briefings, key=lambda b: (b.article.published or date.min, b.article.title), reverse=True)
    return env.get_template("list.md.j2").render(
        briefings=ordered, errors=errors, prefix=prefix, hashes=Raw("#" * level)
    )


COLLECTION_PAGES = {
    "all-actors.md": "Actors, all briefings",
    "all-timeline.md": "Timeline, all briefings",
    "tags.md": "Tags",
}


class CollectionView:
    """Every briefing at once: actors merged by name and type, events on one timeline."""

    def __init__(self, briefings: list[Briefing]):
        self.briefings = sorted(
            briefings, key=lambda b: (b.article.published or date.min, b.article.title), reverse=True
        )
        self.views = {b.article.id: View(b) for b in self.briefings}
        merged: dict[tuple[str, str], dict] = {}
        for k, group in enumerate(merge_actors(self.briefings)):
            rep = best_name(group)
            entry = merged.setdefault(
                (rep.type, f"{rep.name.lower()}#{k}"), {"actor": rep, "in": [], "mentions": 0, "roles": []}
            )
            for b, a in group:
                view = self.views[b.article.id]
                entry["in"].append((b, a))
                entry["mentions"] += len(a.mentions)
                entry["quotes"] = entry.get("quotes", 0) + view.quote_count[a.id]
                for r in view.role_text(a).split("; "):
                    if r and r not in entry["roles"]:
                        entry["roles"].append(r)
        used: set[str] = set()
        self.actors = []
        for (kind, _), entry in sorted(
            merged.items(), key=lambda kv: (-len(kv[1]["in"]), -kv[1]["mentions"], kv[0][1])
        ):
            anchor = entry["actor"].id if entry["actor"].id not in used else f"{entry['actor'].id}-{kind}"
            used.add(anchor)
            entry["anchor"] = anchor
            self.actors.append(entry)
        self.actors_by_type = [
            (t, TYPE_HEADINGS[t], [e for e in self.actors if e["actor"].type == t]) for t in ACTOR_TYPES
        ]
        self.actors_by_type = [s for s in self.actors_by_type if s[2]]
        events = [(e, b) for b in self.briefings for e in self.views[b.article.id].dated_events]
        events.sort(key=lambda eb: (eb[0].date.start, eb[0].date.end or "", eb[1].article.title, eb[0].paragraph))
        self.date_groups: list[tuple[str, list[tuple[Event, Briefing]]]] = []
        for e, b in events:
            label = describe_time(e.date)
            if self.date_groups and self.date_groups[-1][0] == label:
                self.date_groups[-1][1].append((e, b))
            else:
                self.date_groups.append((label, [(e, b)]))

    def timeline_figure(self) -> Raw:
        rows = [
            Row(label, tuple((e.text, f"../{b.article.id}/source/#p{e.paragraph}") for e, b in group))
            for label, group in self.date_groups
        ]
        return Raw(timeline_svg(rows, f"Timeline of {len(self.briefings)} briefings"))

    def actor_figure(self) -> Raw:
        # The graph joins every briefing's edges on merged actors.
        key_of: dict[tuple[str, str], str] = {}
        reps = []
        for entry in self.actors:
            rep = Actor(
                id=entry["anchor"],
                name=entry["actor"].name,
                type=entry["actor"].type,
                mentions=tuple(m for _, a in entry["in"] for m in a.mentions),
            )
            reps.append(rep)
            for b, a in entry["in"]:
                key_of[(b.article.id, a.id)] = rep.id
        weights: Counter = Counter()
        notes: dict = {}
        for b in self.briefings:
            pairs = [(c.by, c.target) for c in self.views[b.article.id].contests]
            for e in actor_edges(b, pairs):
                k = (key_of[(b.article.id, e.a)], key_of[(b.article.id, e.b)], e.kind)
                weights[k] += e.weight
                notes[k] = e.note.split(" (")[0]
        from .visual import Edge

        edges = [Edge(a, b, kind, n, f"{notes[(a, b, kind)]} ({n}×)") for (a, b, kind), n in sorted(weights.items())]
        weight = {e["anchor"]: e["mentions"] + 2 * e["quotes"] for e in self.actors}
        reps.sort(key=lambda r: -weight[r.id])  # as on a briefing's page: mentions, and quotes twice
        svg = actor_graph_svg(reps, edges, f"Actors across {len(self.briefings)} briefings and how they connect")
        return Raw(svg + "\n" + LEGEND) if svg else Raw("")


def render_collection(briefings: list[Briefing], templates_dir: Path | None = None) -> dict[str, str]:
    """The pages that gather every briefing: actors index, combined timeline, tags (Markdown)."""
    env = _env(templates_dir)
    view = CollectionView(briefings)
    return {
        "all-actors.md": env.get_template("all_actors.md.j2").render(c=view),
        "all-timeline.md": env.get_template("all_timeline.md.j2").render(c=view),
        "tags.md": "# Tags\n\nCountries and key actors of every briefing, with the pages that carry them.\n\n<!-- material/tags -->\n",
    }
