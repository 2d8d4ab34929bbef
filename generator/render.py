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
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2

from .contested import Contest
from .derive import Cast, best_name, date_order, dated_events, newest_first, newest_key
from .export_timeline import MONTH_NAMES, display_date
from .lexicon import pronouns, wordset
from .markup import Raw, attr_escape, md_escape, url_escape
from .model import ACTOR_TYPES, Actor, Briefing, Event, Quote, TimeValue
from .visual import LEGEND, Row, actor_edges, actor_graph_svg, locate, map_svg, timeline_svg

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class BriefingPage:
    """One page of every briefing: the overview's links, each page's line of links, the tests and
    their golden files loop over ``PAGES``."""

    file: str
    template: str
    """A template of generator/templates (or of the folder given to :func:`render_pages`)."""
    title: str
    about: str
    """What the overview's "Read on" list says of it."""
    needs: str | None = None
    """A stage whose items the page shows (``Briefing.extra``): a briefing where it found nothing (or
    did not run) has no such page."""

    def shown_for(self, briefing: Briefing) -> bool:
        return self.needs is None or bool(briefing.extra.get(self.needs))


PAGES: list[BriefingPage] = [
    BriefingPage("index.md", "overview.md.j2", "Overview", "what happened, who, when and where"),
    BriefingPage("actors.md", "actors.md.j2", "Actors", "who is who, what each said and what was said of them"),
    BriefingPage("timeline.md", "timeline.md.j2", "Timeline", "dated events in order, drawn and listed"),
    BriefingPage("quotes.md", "quotes.md.j2", "Quotes", "who said what, and when, grouped by speaker"),
    BriefingPage("source.md", "source.md.j2", "Source", "the article text, every quote marked with its speaker"),
]


def pages_of(briefing: Briefing) -> list[BriefingPage]:
    """The pages this briefing has, in order (a page of a stage that found nothing is left out)."""
    return [p for p in PAGES if p.shown_for(briefing)]


TYPE_HEADINGS = {
    "person": "People",
    "organisation": "Organisations",
    "country": "Countries",
    "place": "Places",
    "group": "Groups",
}


@lru_cache(maxsize=8)
def _env(extra_dir: Path | None = None) -> jinja2.Environment:
    """One environment per template folder, so each template is compiled once per process (not once
    per briefing: 60-70 ms a briefing, measured at scale)."""
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
# Speakers as written that name nobody until resolved: a personal pronoun's subject form, a demonstrative, a relative.
_UNRESOLVED = pronouns(cases=("subject",)) | wordset("pronouns.demonstrative") | wordset("pronouns.relative")


def _safe_id(text: str) -> str:
    """An id made of word characters and hyphens only."""
    return re.sub(r"[^\w-]", "", text)


UNSEARCHED = ("actors.md", "quotes.md", "timeline.md")
"""A briefing's pages that the search index leaves out (issue 15): what they say of the article, its
actors' names, the quotes and the dated sentences, is in its Source page word for word, and in the
pages across briefings; indexed, one name gave five results of one briefing, and Pagefind read
twice the pages. Their front matter says ``search: exclude`` (Material's key), and the overrides'
main.html then marks no body for Pagefind."""


def clean_tag(text: str) -> str:
    """A tag made of words only: tags reach Material's templates and YAML front matter."""
    return " ".join(_TAG_UNSAFE.sub(" ", text).split())[:60]


def front_matter(tags: list[str], title: str | None = None, searched: bool = True) -> Raw:
    """YAML front matter: the page's title and tags (ASCII JSON strings are valid YAML scalars, whatever
    characters the title holds: YAML refuses some, such as U+007F, unescaped), and ``search: exclude``
    for a page the search index leaves out (``searched`` false; see :data:`UNSEARCHED`).

    The title is HTML-escaped because Material prints page titles into the nav and tag listings as HTML."""
    tags = [t for t in dict.fromkeys(clean_tag(t) for t in tags) if t]
    lines = [f"title: {json.dumps(html.escape(title, quote=False))}\n"] if title else []
    if tags:
        lines += ["tags:\n", *(f"  - {json.dumps(t)}\n" for t in tags)]
    if not searched:
        lines += ["search:\n", "  exclude: true\n"]
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
        self.dated_events = dated_events(briefing)
        dated = set(self.dated_events)
        self.undated_events = [e for e in briefing.events if e not in dated and not e.background]
        self.background_events = [e for e in briefing.events if e.background]
        self.date_groups: list[tuple[str, list[Event]]] = []
        for e in self.dated_events:
            label = describe_time(e.date)
            if self.date_groups and self.date_groups[-1][0] == label:
                self.date_groups[-1][1].append(e)
            else:
                self.date_groups.append((label, [e]))
        quotes = {q.id: q for q in briefing.quotes}
        self.contests = [
            Contest(c.by, c.target, c.verb, quotes[c.quote], tuple(quotes[x] for x in c.claims))
            for c in briefing.derived.contested
        ]
        self.said = {s.quote: s for s in briefing.derived.said}
        self.edges = actor_edges(briefing.derived.relations)
        self.pages = pages_of(briefing)

    @property
    def tags(self) -> list[str]:
        """The article's own tags, its main countries (three at most) and its two most present people.

        Only the Overview carries them, so the tags page lists each briefing once."""
        countries = [a.name for a in self.actors_ranked if a.type == "country"][:3]
        # Named people only: a tag for every organisation and description ('an analyst') made the
        # tags page list thousands of one-off tags at a thousand briefings.
        key = [a.name for a in self.actors_ranked if a.type == "person" and not _described(a)][:2]
        return [*self.article.tags, *countries, *key]

    def quote_when(self, q: Quote) -> str:
        """When a quote was said: the date of its speech clause, else the publication date."""
        said = self.said.get(q.id)
        if said is not None and said.date is not None:
            return f"said {describe_time(said.date)}"
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
        parts = [f"— {who}"] + ([md_escape(when)] if when else []) + [self.quote_link(q)]
        return Raw(" · ".join(parts))

    def timeline_figure(self, source: str = "../source/") -> Raw:
        rows = [
            Row(label, tuple((e.line, f"{source}#{_safe_id(e.id)}") for e in events))
            for label, events in self.date_groups
        ]
        return Raw(timeline_svg(rows, f"Timeline of {self.article.title}: {len(self.dated_events)} dated events"))

    def actor_figure(self) -> Raw:
        svg = actor_graph_svg(self.actors_ranked, self.edges, f"Actors of {self.article.title} and how they connect")
        return Raw(svg + "\n" + LEGEND) if svg else Raw("")

    # ---- Overview (issue 17): what happened, in the article's own sentences (generator/summary.py).

    @property
    def summary(self) -> list[tuple[str, int]]:
        return [(m.text, m.paragraph) for m in self.b.derived.summary]

    # ---- Source page (issue 17): quotes marked in the text with their speaker, mentions linked.

    def speaker_label(self, q: Quote) -> str:
        a = self.actor(q.speaker)
        if a is not None:
            return a.name
        if q.speaker_antecedent is not None:
            return q.speaker_antecedent.text
        if q.speaker_text and q.speaker_text.lower() not in _UNRESOLVED:
            return q.speaker_text
        return "speaker unknown"

    def _spans(self, n: int) -> list[tuple[int, int, Quote | Actor | Event]]:
        """The quotes and actor mentions of paragraph ``n`` as properly nested spans (start, end, what).

        A quote that crosses the end of an earlier one is cut at it; a mention that crosses a
        quote's edge or another mention is left unlinked."""
        length = len(self.article.paragraphs[n - 1])
        quotes = sorted(
            (q for q in self.b.quotes if q.paragraph == n and 0 <= q.start < q.end),
            key=lambda q: (q.start, -q.end),
        )
        spans: list[tuple[int, int, Quote | Actor | Event]] = []
        for q in quotes:
            start, end = q.start, min(q.end, length)
            for s0, e0, _ in spans:
                if s0 <= start < e0 < end:
                    end = e0
            if start < end:
                spans.append((start, end, q))
        mentions = sorted(
            ((m.start, m.end, a) for a in self.b.actors for m in a.mentions if m.paragraph == n and m.start < m.end),
            key=lambda t: (t[0], -t[1]),
        )
        taken: list[tuple[int, int]] = []
        for start, end, a in mentions:
            if end > length:
                continue
            crosses = any(s0 < start < e0 < end or start < s0 < end < e0 for s0, e0, _ in spans)
            if crosses or any(start < e1 and s1 < end for s1, e1 in taken):
                continue
            taken.append((start, end))
            spans.append((start, end, a))
        for e in self.b.events:  # an event's id marks where its clause starts (a zero-width anchor)
            if e.paragraph == n and 0 <= e.start <= length:
                spans.append((e.start, e.start, e))
        return sorted(spans, key=lambda t: (t[0], -t[1], isinstance(t[2], Actor)))

    def marked_paragraph(self, n: int) -> Raw:
        """Paragraph ``n`` as Markdown: every quote in a <mark> headed by its speaker, every actor
        mention a link to the Actors page. Article text is escaped (md_escape); only the tags and
        links built here are markup."""
        text = self.article.paragraphs[n - 1]
        spans = self._spans(n)
        out: list[str] = []

        def emit(
            lo: int, hi: int, inner: list[tuple[int, int, Quote | Actor | Event]], outer: str | None = None
        ) -> None:
            pos = lo
            i = 0
            while i < len(inner):
                start, end, what = inner[i]
                children = []
                j = i + 1
                while j < len(inner) and inner[j][0] < end:
                    children.append(inner[j])
                    j += 1
                out.append(md_escape(text[pos:start]))
                if isinstance(what, Event):
                    out.append(f'<span class="briefing-anchor" id="{_safe_id(what.id)}"></span>')
                elif isinstance(what, Actor):
                    # Only event anchors can fall inside a mention: they go just before it.
                    out.extend(f'<span class="briefing-anchor" id="{_safe_id(c[2].id)}"></span>' for c in children)
                    out.append(f"[{md_escape(text[start:end])}](actors.md#{attr_escape(what.id)})")
                else:
                    q = what
                    who = self.speaker_label(q)
                    a = self.actor(q.speaker)
                    linked = a is not None and who != outer  # no link a sighted reader cannot see
                    label = f"[{md_escape(who)}](actors.md#{attr_escape(a.id)})" if a and linked else md_escape(who)
                    # No article text in an attribute: Markdown would read a link inside it.
                    qid = _safe_id(q.id)
                    out.append(
                        f'<mark class="briefing-quote briefing-{attr_escape(q.kind)}" id="{qid}" data-quote="{qid}">'
                        # Inside a quote of the same speaker the label is for screen readers only.
                        f'<span class="briefing-who{" briefing-sr" if who == outer else ""}">{label}'
                        f'<span class="briefing-sr">, {attr_escape(q.kind)} speech:</span></span>'
                        + ("" if who == outer else " ")
                    )
                    emit(start, end, children, who)
                    out.append("</mark>")
                pos = end
                i = j
            out.append(md_escape(text[pos:hi]))

        emit(0, len(text), spans)
        return Raw("".join(out))

    # ---- Actors page (issue 17): main actors as cards, the others in tables.

    @property
    def main_actors(self) -> list[Actor]:
        """The people and bodies who speak or act: anyone quoted, and people, organisations and
        groups that have a role or are named in three or more places."""
        out = []
        for a in self.actors_ranked:
            body = a.type in ("person", "organisation", "group")
            if self.quote_count[a.id] or (body and (a.roles or len(a.mentions) >= 3)):
                out.append(a)
        return out

    @property
    def minor_actors(self) -> list[Actor]:
        main = set(map(id, self.main_actors))
        return [a for a in self.actors_ranked if id(a) not in main and a.type not in ("country", "place")]

    @property
    def minor_places(self) -> list[Actor]:
        main = set(map(id, self.main_actors))
        return [a for a in self.actors_ranked if id(a) not in main and a.type in ("country", "place")]

    def anchor(self, actor: Actor) -> Raw:
        """An empty element carrying an actor's id, so links to actors.md#id land in a table row."""
        return Raw(f'<span id="{attr_escape(actor.id)}"></span>')

    def mention_links(self, actor: Actor, page: str = "source.md") -> Raw:
        return Raw(" ".join(para_link(p, page) for p in self.paragraphs_of(actor)))

    def role_line(self, actor: Actor) -> Raw:
        """'secretary of state, United States' (the affiliation linked on the page), escaped."""
        role = self.role_text(actor)
        bits = [md_escape(role)] if role else []
        aff = self.actor(actor.affiliation or next((r.affiliation for r in actor.roles if r.affiliation), None))
        if aff is not None and aff.id != actor.id and aff.name.lower() not in role.lower():
            bits.append(self.actor_link(aff.id, ""))
        return Raw(", ".join(b for b in bits if b))

    def quote_link(self, q: Quote, page: str = "source.md") -> Raw:
        """A link to the quote's own span on the Source page, named by its paragraph."""
        return Raw(f"[¶{int(q.paragraph)}]({page}#{_safe_id(q.id)})")

    def event_link(self, e: Event, page: str = "source.md") -> Raw:
        """A link to where the event's clause starts on the Source page, named by its paragraph."""
        return Raw(f"[¶{int(e.paragraph)}]({page}#{_safe_id(e.id)})")

    def short(self, text: str, limit: int = 140) -> str:
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"

    def short_quote(self, q: Quote, limit: int = 140) -> str:
        text = self.short(q.text, limit)
        return text if q.kind == "reported" else f"“{text}”"

    def map_figure(self) -> Raw:
        """Every country and city the article names on an offline map; the rest listed under it."""
        spots, missing = locate(self.actors_ranked)
        svg = map_svg(spots, f"Map of the places named in {self.article.title}")
        if not svg:
            return Raw("")
        note = ""
        if missing:
            names = ", ".join(self.actor_link(a.id, "") for a in missing)
            note = f"Not on the map (a region, a sea, or a place too small for the gazetteer): {names}\n{{: .briefing-meta }}\n"
        key = "Shaded: a country named in the article; dot: a city. Each opens that actor.\n{: .briefing-meta }\n"
        return Raw(svg + "\n" + key + ("\n" + note if note else ""))

    def graph_figure(self) -> Raw:
        """The actor graph of people and organisations only, with the same content as a list."""
        bodies = [a for a in self.actors_ranked if a.type in ("person", "organisation", "group")]
        shown = bodies[:8]
        ids = {a.id for a in shown}
        edges = [e for e in self.edges if e.a in ids and e.b in ids]
        svg = actor_graph_svg(shown, edges, f"People and organisations of {self.article.title} and how they connect")
        if not svg:
            return Raw("")
        names = {a.id: a.name for a in shown}
        drawn = [e for e in edges if e.kind != "co-mention" or e.weight >= 2]
        items = "".join(
            f"<li>{html.escape(names[e.a])} {html.escape(e.note)} {html.escape(names[e.b])}</li>" for e in drawn
        )
        listing = (
            '<details class="briefing-how briefing-graph-list"><summary>The graph as a list</summary>'
            f"<ul>{items or '<li>No links between these actors.</li>'}</ul></details>"
        )
        return Raw(svg + "\n" + LEGEND + "\n\n" + listing + "\n")

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
        parts += ([md_escape(when)] if when else []) + [self.quote_link(q)]
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

    def background_list(self, source: str = "../source/") -> Raw:
        """The clauses a date anchors that are no timeline events (figures, comparisons, quoted words,
        a subject the reader cannot place), folded away with why: an HTML details element (text escaped)."""
        if not self.background_events:
            return Raw("")
        items = "".join(
            f"<li>{html.escape(' '.join(e.line.split()))}"
            + (f", <em>“{html.escape(e.date.phrase)}”</em>" if e.date else "")
            + f" <small>({html.escape(e.background)};"
            + f' <a href="{attr_escape(source)}#{_safe_id(e.id)}">¶{int(e.paragraph)}</a>)</small></li>'
            for e in self.background_events
        )
        n = len(self.background_events)
        summary = f"Background: {n} dated line{'s' if n > 1 else ''} that {'are' if n > 1 else 'is'} no event"
        return Raw(f'<details class="briefing-how"><summary>{summary}</summary><ul>{items}</ul></details>')

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
        ranked = sorted(chosen.values(), key=lambda q: -self.quote_count[q.speaker or ""])[:3]
        return sorted(ranked, key=lambda q: (q.paragraph, q.start))


def render_pages(briefing: Briefing, templates_dir: Path | None = None) -> dict[str, str]:
    """The Markdown pages of one briefing: {file name: content}, each with the briefing's own nav
    under its heading (the site's nav holds sections only, so that it does not grow with the site)."""
    env = _env(templates_dir)
    view = View(briefing)
    return {
        p.file: with_local_nav(
            env.get_template(p.template).render(v=view, b=briefing, a=briefing.article),
            p.file,
            view.json_name,
            view.pages,
        )
        for p in view.pages
    }


def local_nav(current: str, json_name: str = "briefing.json", pages: list[BriefingPage] | None = None) -> str:
    """One line of links to the briefing's pages (the current one in bold) and its JSON."""
    pages = PAGES if pages is None else pages
    links = [f"**{p.title}**" if p.file == current else f"[{p.title}]({p.file})" for p in pages]
    return (
        " · ".join([*links, f"[JSON]({json_name})"])
        + ' · [All briefings](../index.md)\n{: .briefing-localnav role="navigation" aria-label="This briefing" }\n'
    )


def with_local_nav(
    text: str, name: str, json_name: str = "briefing.json", pages: list[BriefingPage] | None = None
) -> str:
    """The page with :func:`local_nav` after its first heading."""
    heading = _FIRST_HEADING.search(text)
    if heading is None:
        return text
    return f"{text[: heading.end()]}\n\n{local_nav(name, json_name, pages).rstrip()}{text[heading.end() :]}"


_FIRST_HEADING = re.compile(r"^# .*$", re.M)


def render_index(
    briefings: list[Briefing], errors: list[str], prefix: str = "", templates_dir: Path | None = None, level: int = 3
) -> str:
    """The list of briefings, newest first (Markdown), with links relative to ``prefix``.

    ``level`` is the heading level of each entry: one below the heading above the list, so the
    page's heading order has no gap (axe heading-order)."""
    env = _env(templates_dir)
    ordered = newest_first(briefings)
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

    def __init__(self, briefings: list[Briefing], cast: Cast):
        self.on_first_page: set[str] | None = None
        """Anchors of the actors on the first Actors page, when it is paginated: the graph's nodes."""
        self.briefings = newest_first(briefings)
        self.views = {b.article.id: View(b) for b in self.briefings}
        merged: dict[tuple[str, str], dict] = {}
        for k, group in enumerate(cast):
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
        events.sort(key=lambda eb: (*date_order(eb[0])[:2], eb[1].article.title, eb[0].paragraph))
        self.date_groups: list[tuple[str, list[tuple[Event, Briefing]]]] = []
        for e, b in events:
            label = describe_time(e.date)
            if self.date_groups and self.date_groups[-1][0] == label:
                self.date_groups[-1][1].append((e, b))
            else:
                self.date_groups.append((label, [(e, b)]))

    def timeline_figure(self, groups: list | None = None, up: str = "") -> Raw:
        groups = self.date_groups if groups is None else groups
        rows = [
            Row(label, tuple((e.line, f"{up}../{b.article.id}/source/#p{e.paragraph}") for e, b in group))
            for label, group in groups
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
            for e in self.views[b.article.id].edges:
                k = (key_of[(b.article.id, e.a)], key_of[(b.article.id, e.b)], e.kind)
                weights[k] += e.weight
                notes[k] = e.note.split(" (")[0]
        from .visual import Edge

        edges = [Edge(a, b, kind, n, f"{notes[(a, b, kind)]} ({n}×)") for (a, b, kind), n in sorted(weights.items())]
        weight = {e["anchor"]: e["mentions"] + 2 * e["quotes"] for e in self.actors}
        reps.sort(key=lambda r: -weight[r.id])  # as on a briefing's page: mentions, and quotes twice
        if self.on_first_page is not None:  # a node links to its heading: only those on the page
            reps = [r for r in reps if r.id in self.on_first_page]
        svg = actor_graph_svg(reps, edges, f"Actors across {len(self.briefings)} briefings and how they connect")
        return Raw(svg + "\n" + LEGEND) if svg else Raw("")


BRIEFINGS_PER_ACTOR = 8
"""On the gathered Actors page, an actor's newest briefings; the count says how many more."""
PAGE_SIZE = 200
"""Entries (actors, dated events) on one page of a gathered list: past it the list goes on in
``<name>/2.md``, ``<name>/3.md`` … so that no page grows with the site."""


class Page:
    """One page of a paginated list: its entries, where the others are, and the way back up."""

    def __init__(self, name: str, number: int, count: int, items: list):
        self.number, self.count, self.items = number, count, items
        self.up = "../" if number > 1 else ""  # pages 2 … live one folder down
        here = f"{name}/{number}.md" if number > 1 else f"{name}.md"
        self.file = here
        links = []
        for k in range(1, count + 1):
            target = f"{self.up}{name}.md" if k == 1 else (f"{k}.md" if number > 1 else f"{name}/{k}.md")
            links.append(f"**{k}**" if k == number else f"[{k}]({target})")
        self.pager = Raw("Pages: " + " · ".join(links) + "\n{: .briefing-meta }\n") if count > 1 else Raw("")


def paginate(name: str, items: list, size: int | None = None) -> list[Page]:
    size = size or PAGE_SIZE
    chunks = [items[k : k + size] for k in range(0, len(items), size)] or [[]]
    return [Page(name, n, len(chunks), chunk) for n, chunk in enumerate(chunks, 1)]


def render_collection(briefings: list[Briefing], cast: Cast, templates_dir: Path | None = None) -> dict[str, str]:
    """The pages that gather every briefing: actors index, combined timeline, tags (Markdown);
    ``cast`` is the briefings' actors merged across them (:func:`generator.derive.cast`).

    Actors in two or more briefings come first; actors the text only describes ('an analyst') are
    not gathered (each briefing lists them). Both lists are paginated (:data:`PAGE_SIZE`)."""
    env = _env(templates_dir)
    view = CollectionView(briefings, cast)
    out = {}
    entries = []
    for e in view.actors:
        if _described(e["actor"]):
            continue
        newest = sorted(e["in"], key=lambda ba: newest_key(ba[0]), reverse=True)
        entries.append({**e, "shown": newest[:BRIEFINGS_PER_ACTOR], "more": max(0, len(newest) - BRIEFINGS_PER_ACTOR)})
    pages = paginate("all-actors", entries)
    view.on_first_page = {e["anchor"] for e in pages[0].items}
    for page in pages:
        sections = [(t, TYPE_HEADINGS[t], [e for e in page.items if e["actor"].type == t]) for t in ACTOR_TYPES]
        out[page.file] = env.get_template("all_actors.md.j2").render(
            c=view, page=page, sections=[s for s in sections if s[2]], shown=len(entries)
        )
    events = [(label, e, b) for label, group in view.date_groups for e, b in group]
    for page in paginate("all-timeline", events):
        groups: list[tuple[str, list]] = []
        for label, e, b in page.items:
            if groups and groups[-1][0] == label:
                groups[-1][1].append((e, b))
            else:
                groups.append((label, [(e, b)]))
        out[page.file] = env.get_template("all_timeline.md.j2").render(
            c=view, page=page, groups=groups, figure=view.timeline_figure(groups, page.up)
        )
    out["tags.md"] = (
        "# Tags\n\nCountries and key actors of every briefing, with the pages that carry them.\n\n<!-- material/tags -->\n"
    )
    return out


def _described(actor: Actor) -> bool:
    """An actor the article describes but does not name ('a police spokesman')."""
    return actor.described
