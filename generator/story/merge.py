"""One story across its articles, worked out once before any page is written: the merged cast,
one timeline, who said what, and where they disagree (:func:`digest`).

The cast is merged on strong evidence only: the same type and the same name once normalised
(case, accents, punctuation, a leading 'the'), or a name that is an alias another article's
extraction already gave one actor of the same type (and only one). A described actor ('an
analyst') is never merged across articles. The same event told by two articles (same date,
words largely shared) is shown once with both sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..contested import Contest
from ..derive import dated_events
from ..lexicon import THIRD_PERSON, pronouns
from ..model import Actor, Briefing, Event, Quote, TimeValue
from . import Story
from .cluster import normal_name

EVENT_OVERLAP = 0.6
"""Share of the shorter event's content words the other must have for two events of one date to be one."""
EVENT_MIN_SHARED = 3
# Words that say nothing of what an event is: function words, and the third person's pronouns
# (subject and possessive determiner: 'he', 'its', 'their').
_STOP = frozenset(
    "a an the and or of to in on at for by with from as is was were be been has have had that this "
    "said says will would after before".split()
) | pronouns(*THIRD_PERSON, cases=("subject", "determiner"))


@dataclass
class CastMember:
    name: str
    type: str
    anchor: str
    members: list[tuple[Briefing, Actor]] = field(default_factory=list)

    @property
    def articles(self) -> list[Briefing]:
        return list({b.article.id: b for b, _ in self.members}.values())

    @property
    def mentions(self) -> int:
        return sum(len(a.mentions) for _, a in self.members)

    @property
    def roles(self) -> list[str]:
        seen: list[str] = []
        for _, a in self.members:
            for r in a.roles:
                if r.text not in seen:
                    seen.append(r.text)
        return seen


@dataclass
class StoryEvent:
    event: Event
    sources: list[tuple[Briefing, Event]]

    @property
    def date(self) -> TimeValue:
        """The event's date: the timeline holds dated events only."""
        assert self.event.date is not None
        return self.event.date


def merge_cast(briefings: list[Briefing]) -> list[CastMember]:
    """Actors across the story's articles, one entry per real actor (strong evidence only)."""
    parent: dict[tuple, tuple] = {}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    nodes: dict[tuple, list[tuple[Briefing, Actor]]] = {}
    for b in briefings:
        for a in b.actors:
            key = ("unnamed", b.article.id, a.id) if a.described else (a.type, normal_name(a.name) or a.id)
            nodes.setdefault(key, []).append((b, a))
            parent.setdefault(key, key)
    # Alias evidence: a name one article's extraction gave as the alias of exactly one actor.
    alias_of: dict[tuple, set[tuple]] = {}
    for key, members in nodes.items():
        if key[0] == "unnamed":
            continue
        for _, a in members:
            for alias in a.aliases:
                alias_of.setdefault((a.type, normal_name(alias)), set()).add(key)
    for key in nodes:
        owners = alias_of.get(key, set()) - {key}
        if key[0] != "unnamed" and len(owners) == 1:
            parent[find(key)] = find(next(iter(owners)))
    groups: dict[tuple, list[tuple[Briefing, Actor]]] = {}
    for key, members in nodes.items():
        groups.setdefault(find(key), []).extend(members)
    cast = []
    used: set[str] = set()
    ranked = sorted(
        groups.values(), key=lambda g: (-len({b.article.id for b, _ in g}), -sum(len(a.mentions) for _, a in g))
    )
    for group in ranked:
        # The fullest name, then the most mentioned; the first article's on a tie.
        rep = max((a for _, a in group), key=lambda a: (len(a.name.split()), len(a.mentions)))
        anchor = re.sub(r"[^a-z0-9]+", "-", normal_name(rep.name)).strip("-") or "actor"
        base, n = anchor, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        cast.append(CastMember(rep.name, rep.type, anchor, group))
    return cast


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if w not in _STOP}


def _same_event(a: Event, b: Event) -> bool:
    """The same words, or most of the shorter telling's words in the longer one (three at least)."""
    wa, wb = _words(a.text), _words(b.text)
    if wa and wa == wb:
        return True  # the same words ('the strike began')
    shared = len(wa & wb)
    return shared >= EVENT_MIN_SHARED and shared / min(len(wa), len(wb)) >= EVENT_OVERLAP


def merge_timeline(briefings: list[Briefing]) -> list[StoryEvent]:
    """Every dated event of the story in order; one told by two articles is one entry with both."""
    out: list[StoryEvent] = []
    for b in briefings:
        for e in dated_events(b):
            when = e.date
            assert when is not None  # derive.dated_events are the dated ones
            key = (when.start, when.end, when.granularity)
            twin = next(
                (
                    s
                    for s in out
                    if (s.date.start, s.date.end, s.date.granularity) == key
                    and all(src.article.id != b.article.id for src, _ in s.sources)
                    and _same_event(s.event, e)
                ),
                None,
            )
            if twin is not None:
                twin.sources.append((b, e))
            else:
                out.append(StoryEvent(e, [(b, e)]))
    out.sort(key=lambda s: (s.date.start, s.date.end or "", s.sources[0][0].article.id, s.event.paragraph))
    return out


@dataclass
class StoryDigest:
    """What the story page and the stories' JSON show, computed once from the briefings."""

    story: Story
    briefings: list[Briefing]
    cast: list[CastMember]
    timeline: list[StoryEvent]
    speakers: list[tuple[CastMember, list[tuple[Briefing, Quote]]]]
    """Each speaker of the cast with their quotes, most sources first."""
    contests: list[tuple[Briefing, Contest, CastMember, CastMember]]
    """Where one of the cast contradicts, denies or disputes another (each briefing's derived contests)."""
    unattributed: int


def digest(story: Story, briefings: dict[str, Briefing]) -> StoryDigest:
    chosen = [briefings[a] for a in story.articles]
    cast = merge_cast(chosen)
    member_of = {(b.article.id, a.id): c for c in cast for b, a in c.members}
    groups: dict[str, tuple[CastMember, list[tuple[Briefing, Quote]]]] = {}
    for b in chosen:
        for q in b.quotes:
            c = member_of.get((b.article.id, q.speaker)) if q.speaker else None
            if c is not None:
                groups.setdefault(c.anchor, (c, []))[1].append((b, q))
    speakers = sorted(groups.values(), key=lambda g: (-len({b.article.id for b, _ in g[1]}), -len(g[1])))
    contests: list[tuple[Briefing, Contest, CastMember, CastMember]] = []
    for b in chosen:
        quotes = {q.id: q for q in b.quotes}
        for d in b.derived.contested:
            by, target = member_of.get((b.article.id, d.by)), member_of.get((b.article.id, d.target))
            if by is not None and target is not None:
                said = Contest(d.by, d.target, d.verb, quotes[d.quote], tuple(quotes[x] for x in d.claims))
                contests.append((b, said, by, target))
    unattributed = sum(
        1 for b in chosen for q in b.quotes if not (q.speaker and (b.article.id, q.speaker) in member_of)
    )
    return StoryDigest(story, chosen, cast, merge_timeline(chosen), speakers, contests, unattributed)
