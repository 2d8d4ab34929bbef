"""The one typed model between extraction and rendering.

Paragraphs are numbered from 1. Every offset is a character offset into the
text of its paragraph, so ``article.paragraphs[p - 1][start:end]`` gives back
the span an item was extracted from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

ActorType = Literal["person", "organisation", "country", "place", "group"]
QuoteKind = Literal["direct", "partial", "reported"]
Granularity = Literal["day", "week", "month", "quarter", "half", "season", "year", "decade", "century"]

ACTOR_TYPES: tuple[str, ...] = ("person", "organisation", "country", "place", "group")
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "reported")


@dataclass(frozen=True)
class Article:
    """A validated input article."""

    id: str
    """URL-safe slug, unique within the site."""
    title: str
    published: date | None
    """Publication date; None when the metadata gives none (relative dates stay unresolved)."""
    source: str | None
    url: str | None
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    """Body paragraphs, without the title; paragraph n is ``paragraphs[n - 1]``."""
    path: str = ""
    """The seed file it was read from, relative to the seeds folder."""
    authors: tuple[str, ...] = ()
    """From the metadata's ``author`` or ``authors``."""
    extra: dict = field(default_factory=dict, compare=True)
    """Metadata keys this tool does not use, passed through to the JSON as they were."""


@dataclass(frozen=True)
class Mention:
    """A span of text in one paragraph."""

    paragraph: int
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Role:
    """A role or title the text gives an actor, with the affiliation it names."""

    text: str
    affiliation: str | None = None
    """Actor id of the country or organisation the role belongs to, when named."""
    paragraph: int = 0
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Actor:
    """One real-world person, organisation, country, place or group."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    """Every other surface form that refers to this actor in the article."""
    roles: tuple[Role, ...] = ()
    mentions: tuple[Mention, ...] = ()
    affiliation: str | None = None
    """Actor id of the country or organisation this actor belongs to, when the text says."""
    notes: tuple[str, ...] = ()
    """Flags such as 'capital used for its government'."""
    evidence: tuple[str, ...] = ()
    """Why a person is taken for one ('a personal title', 'a full name', 'speaks or is quoted')."""
    corrected: tuple[str, ...] = ()
    """What a correction by hand changed ('renamed from …'); empty when nothing was."""
    described: bool = False
    """The article describes this actor ('a senior official') but does not name them: such an actor
    is never merged with another, across articles or within one."""


@dataclass(frozen=True)
class Quote:
    """Direct, partial or reported speech, attributed where the text allows."""

    id: str
    kind: QuoteKind
    text: str
    """The quoted or reported content, as written (without the quotation marks)."""
    speaker: str | None
    """Actor id of the speaker, or None when it cannot be resolved."""
    speaker_text: str | None
    """The speaker as written ('he', 'a US embassy spokesperson')."""
    cue: str | None
    """The speech verb or phrase ('said', 'according to')."""
    paragraph: int
    start: int
    end: int
    speaker_inferred: bool = False
    """True when the speaker comes from a pronoun or from a preceding quote, not a name."""
    speaker_mention: Mention | None = None
    speaker_antecedent: Mention | None = None
    """For a pronoun or relative speaker ('he', 'who'): the earlier mention it refers to."""
    attribution: str = ""
    """How the speaker was reached ('named at the cue', 'pronoun', 'continues the previous quote' …),
    or, for an unattributed quote, why there is none."""
    corrected: tuple[str, ...] = ()
    """What a correction by hand changed ('speaker set by hand'); empty when nothing was."""


@dataclass(frozen=True)
class TimeValue:
    """A normalised time expression (TIMEX3-style value)."""

    value: str | None
    """'2019-05-14', '2019-W19', '2019-05', '2018-Q4', '2018'; None when unresolved."""
    start: str | None
    """First day covered (ISO date), None when unresolved."""
    end: str | None
    """Last day covered (ISO date), None when unresolved."""
    granularity: str | None
    phrase: str
    """The expression as written."""
    paragraph: int = 0
    offset: int = 0
    """Character offset of the phrase in its paragraph."""
    modifier: str | None = None
    """TIMEX3 mod: 'START', 'MID', 'END', 'APPROX' ('late last year' is END of 2018)."""
    kind: str = "date"
    """'date', 'time', 'duration', 'set' (frequency) or 'vague'; only date/time are placed."""
    inferred: bool = False
    """True when the value counts from the last date the text gave before the phrase ('the following
    day', 'that year', 'a year earlier'), not from the phrase and the publication date alone."""


@dataclass(frozen=True)
class Event:
    """A dated (or only ordered) event: the clause a time expression anchors."""

    id: str
    text: str
    date: TimeValue | None
    actors: tuple[str, ...]
    paragraph: int
    start: int = 0
    end: int = 0
    corrected: tuple[str, ...] = ()
    """What a correction by hand changed ('date set by hand'); empty when nothing was."""
    reads: str = ""
    """How the event reads on the timeline when not as the excerpt: a pronoun subject the text ties to
    a name shows the name in brackets ('[Jane Roe] praised …'). Empty: as ``text``."""
    background: str = ""
    """Why the clause is background, folded under the timeline rather than on it (a figure, a
    comparison, quoted words, a subject the reader cannot place). Empty: an event of the timeline."""

    @property
    def line(self) -> str:
        """The event as the timeline shows it."""
        return self.reads or self.text


@dataclass(frozen=True)
class LeftOut:
    """Text kept out of extraction: page furniture, wire markup, a dateline (shown as written)."""

    paragraph: int
    start: int
    end: int
    kind: str
    """What it was, for the reader: 'dateline', 'image credit', 'newsletter or sign-up form' …"""
    rule: str
    """The furniture rule that recognised it (generator/resources/en/furniture.yml)."""
    text: str = ""


@dataclass(frozen=True)
class Dateline:
    """The 'CITY (Agency) —' opening of wire copy: where it was filed and by whom."""

    place: str | None
    agency: str | None
    paragraph: int = 1
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Problem:
    """What a stage could not settle, for the reader; where it is when it is in one place."""

    stage: str
    """The stage (or 'reading', for what reading the article file noticed) that found it."""
    text: str
    paragraph: int | None = None
    start: int | None = None


@dataclass(frozen=True)
class Contested:
    """Actor ``by``, in quote ``quote``, contradicts, denies or disputes ``target``'s quotes ``claims``."""

    by: str
    target: str
    verb: str
    quote: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Relation:
    """How two actors connect: 'quotes' (a quote of ``a`` names ``b``), 'contradicts', or 'co-mention'
    (named in the same paragraph), and how many times."""

    a: str
    b: str
    kind: str
    weight: int


@dataclass(frozen=True)
class Said:
    """When quote ``quote`` was said: the date of its speech clause (event ``event``: 'said on
    Tuesday that …'); ``date`` and ``event`` None when the clause gives none (the pages then say
    'reported' with the publication date)."""

    quote: str
    date: TimeValue | None
    event: str | None = None


@dataclass(frozen=True)
class Derived:
    """What several pages and the export need, computed once from the items (generator/derive.py)."""

    contested: tuple[Contested, ...] = ()
    relations: tuple[Relation, ...] = ()
    said: tuple[Said, ...] = ()
    summary: tuple[Mention, ...] = ()
    """What happened: two to four of the article's own sentences, in order (generator/summary.py)."""


@dataclass(frozen=True)
class Briefing:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[Problem, ...] = field(default=())
    """What the stages could not settle, for the reader ('no publication date …')."""
    left_out: tuple[LeftOut, ...] = ()
    """Page furniture and wire markup that no actor, quote or event was read from."""
    dateline: Dateline | None = None
    corrections: tuple[str, ...] = ()
    """Every correction by hand applied, in words ('quote ¶3 “We will …”: dropped')."""
    extra: dict[str, tuple] = field(default_factory=dict)
    """The items of stages beyond actors, quotes and events, by stage name (see generator/extract)."""
    derived: Derived = field(default_factory=Derived)
    """Computed from the items above once they are final (after corrections by hand)."""

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


def to_dict(obj: DataclassInstance) -> dict:
    """Plain-data form of any model object (dates as ISO strings, tuples as lists): what
    ``dataclasses.asdict`` gives, without its deep copies (a third of the time, issue 15)."""
    plain = _plain(obj)
    assert isinstance(plain, dict)
    return plain


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: object) -> object:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value):
        names = _FIELDS.get(type(value))
        if names is None:
            names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
        return {n: _plain(getattr(value, n)) for n in names}
    return value
