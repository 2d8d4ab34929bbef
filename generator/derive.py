"""What is computed from extracted briefings, once: for one briefing, its contested statements,
the relations between its actors, when each statement was made and what happened (the summary) (:func:`derive`, stored in
``Briefing.derived`` and exported); across briefings, one cast (:func:`merge_actors`).

Actors are merged across articles only on strong evidence (issue: one real person,
one entry): the same full name; a surname alone joins the one full name of the site
that ends with it when their roles do not conflict; organisations, countries, places
and named groups by type and name. A described actor ("an analyst", "a spokesman")
is never merged across articles: two articles' analysts are not one person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

from .contested import contests
from .model import Actor, Briefing, Contested, Derived, Event, Relation, Said
from .summary import summary


def derive(briefing: Briefing) -> Briefing:
    """The briefing with ``derived`` computed from its final items (run again after corrections)."""
    found = tuple(
        Contested(c.by, c.target, c.verb, c.quote.id, tuple(x.id for x in c.claims)) for c in contests(briefing)
    )
    relations = _relations(briefing, [(c.by, c.target) for c in found])
    return replace(briefing, derived=Derived(found, relations, _said(briefing), summary(briefing)))


def _relations(briefing: Briefing, contested_pairs: list[tuple[str, str]]) -> tuple[Relation, ...]:
    """Who is quoted naming, contradicts or is named beside whom, from quotes and paragraphs."""
    edges: Counter = Counter()
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
    return tuple(Relation(a, b, kind, n) for (a, b, kind), n in sorted(edges.items()))


def date_order(e: Event) -> tuple:
    """A dated event's place in time: its start, its end, then where it is in the text."""
    d = e.date
    return (d.start if d else "", (d.end if d else "") or "", e.paragraph, e.start)


def dated_events(briefing: Briefing) -> list[Event]:
    """The events with a resolved date, in time order (the timeline's)."""
    events = (e for e in briefing.events if e.date and e.date.value and e.date.start and not e.background)
    return sorted(events, key=date_order)


def _said(briefing: Briefing) -> tuple[Said, ...]:
    """For each quote, the dated event of its own speech clause ('said on Tuesday that …'), if any."""
    dated = dated_events(briefing)
    out = []
    for q in briefing.quotes:
        lo = q.start
        if q.speaker_mention and q.speaker_mention.paragraph == q.paragraph:
            lo = min(lo, q.speaker_mention.start)
        cue = (q.cue or "").lower()
        # Only the clause of the saying itself dates the quote ("said on Tuesday that …"), not a
        # date inside what was said ("said losses began last year").
        clause = next(
            (
                e
                for e in dated
                if cue and e.paragraph == q.paragraph and e.start < q.end and e.end > lo and cue in e.text.lower()
            ),
            None,
        )
        out.append(Said(q.id, clause.date, clause.id) if clause else Said(q.id, None))
    return tuple(out)


def _key(actor: Actor) -> tuple[str, str]:
    return actor.type, " ".join(actor.name.replace("\u2019", "'").casefold().split())


def _role_keys(actors: list[Actor]) -> set[str]:
    return {" ".join(r.text.casefold().split()) for a in actors for r in a.roles}


Cast = list[list[tuple[Briefing, Actor]]]
"""Groups of (briefing, actor) that are one real-world actor."""


def newest_key(b: Briefing) -> tuple:
    return (b.article.published or date.min, b.article.title)


def newest_first(briefings: list[Briefing]) -> list[Briefing]:
    """Briefings by publication date, newest first (undated last), then by title."""
    return sorted(briefings, key=newest_key, reverse=True)


def cast(briefings: list[Briefing]) -> Cast:
    """The actors of every briefing merged across briefings, newest briefing first (the order the
    gathered pages list them in)."""
    return merge_actors(newest_first(briefings))


def merge_actors(briefings: list[Briefing]) -> list[list[tuple[Briefing, Actor]]]:
    """Groups of (briefing, actor) that are one real-world actor, in first-seen order."""
    groups: dict[tuple, list[tuple[Briefing, Actor]]] = {}
    for b in briefings:
        for a in b.actors:
            key = ("unnamed", b.article.id, a.id) if a.described else _key(a)
            groups.setdefault(key, []).append((b, a))
    # A surname alone ('Reagan') joins the one full name of the site that ends with it.
    full_by_last: dict[str, list[tuple]] = defaultdict(list)
    for key in groups:
        if key[0] == "person" and len(key[1].split()) > 1:
            full_by_last[key[1].split()[-1]].append(key)
    for key in list(groups):
        if key[0] != "person" or len(key[1].split()) != 1:
            continue
        targets = full_by_last.get(key[1], [])
        if len(targets) != 1:
            continue
        short = [a for _, a in groups[key]]
        full = [a for _, a in groups[targets[0]]]
        roles_short, roles_full = _role_keys(short), _role_keys(full)
        if roles_short and roles_full and not roles_short & roles_full:
            continue  # 'Reagan, the senator' and 'Ronald Reagan, the president': not shown to be one
        groups[targets[0]].extend(groups.pop(key))
    return list(groups.values())


def best_name(group: list[tuple[Briefing, Actor]]) -> Actor:
    """The member whose name is the fullest (more words, then longer)."""
    return max((a for _, a in group), key=lambda a: (len(a.name.split()), len(a.name)))
