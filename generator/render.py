"""Briefing -> Markdown pages, through Jinja2 templates.

Rendering reads only the model. Every value that reaches a page is escaped
by default (see :mod:`generator.markup`); only Markdown the renderer builds
itself is marked :class:`Raw`.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import jinja2

from .markup import Raw, attr_escape, md_escape
from .model import ACTOR_TYPES, Actor, Briefing, Event, Quote, TimeValue

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
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MODIFIER_WORDS = {"START": "early", "MID": "mid-", "END": "late", "APPROX": "about"}


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
    env.filters["para"] = para_link
    env.filters["when"] = describe_time
    env.filters["day"] = long_date
    return env


def para_link(paragraph: int, page: str = "source.md") -> Raw:
    return Raw(f"[¶{int(paragraph)}]({page}#p{int(paragraph)})")


def long_date(d: date | None) -> str:
    if d is None:
        return "no date given"
    return f"{d.strftime('%A')} {d.day} {MONTHS[d.month - 1]} {d.year}"


def describe_time(t: TimeValue | None) -> str:
    """A date at its precision: '14 May 2019', 'week of 6 May 2019', 'late 2018'."""
    if t is None or not t.value:
        return "date unresolved"
    v, g = t.value, t.granularity
    start = date.fromisoformat(t.start) if t.start else None
    text = v
    if g == "day" and start:
        text = long_date(start)
    elif g == "week" and start:
        text = f"week of {start.day} {MONTHS[start.month - 1]} {start.year}"
    elif g == "month" and start:
        text = f"{MONTHS[start.month - 1]} {start.year}"
    elif g == "quarter" and len(v) >= 7:
        text = f"Q{v[-1]} {v[:4]}"
    elif g in ("year", "half", "season") or len(v) == 4:
        text = v[:4] if g == "year" else v
    if t.modifier in MODIFIER_WORDS:
        word = MODIFIER_WORDS[t.modifier]
        text = f"{word}{text}" if word.endswith("-") else f"{word} {text}"
    return text


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

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.actors_by_id.get(actor_id) if actor_id else None

    def actor_link(self, actor_id: str | None, page: str = "actors.md") -> Raw:
        a = self.actor(actor_id)
        if a is None:
            return Raw("")
        return Raw(f"[{md_escape(a.name)}]({page}#{a.id})")

    def quotes_by(self, actor_id: str) -> list[Quote]:
        return [q for q in self.b.quotes if q.speaker == actor_id]

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

    def quote_marks(self, q: Quote) -> str:
        return q.text if q.kind == "reported" else f"“{q.text}”"

    @property
    def lede(self) -> str:
        return self.article.paragraphs[0]

    @property
    def key_actors(self) -> list[Actor]:
        return self.actors_ranked[:6]

    @property
    def key_quotes(self) -> list[Quote]:
        direct = [q for q in self.b.quotes if q.kind != "reported" and q.speaker]
        return direct[:3]


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
