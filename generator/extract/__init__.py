"""Extraction: an Article and its parsed paragraphs in, a Briefing out.

Extraction is a loop over ``STAGES``, each a :class:`~generator.extract.stage.Stage`: a name, what
it needs, what it adds, and a function that returns its items and its problems (the briefing's
warnings, each owned by the stage that found it). A new stage is a module of its own and one line
here; CONTRIBUTING.md has the recipe.
"""

from __future__ import annotations

from dataclasses import replace

from ..clean import clean
from ..derive import derive
from ..model import Article, Briefing, Problem
from ..nlp import INVISIBLE_CHARS
from .actors import extract_actors
from .actors_evidence import settle_people
from .quotes import quotes_and_problems
from .quotes_transcript import label_turns
from .speakers import add_descriptive_speakers
from .stage import CORE, Found, Output, Stage, run_stages
from .timeline import extract_events


def _actors(f: Found) -> Output:
    rejected: list[str] = []
    return Output({"actors": extract_actors(f.text, f.docs, rejected), "_rejected": rejected})


def _quotes(f: Found) -> Output:
    quotes, marks = quotes_and_problems(f.text, f.docs, f["actors"])
    problems = [
        Problem("", f"A quotation was not extracted ({m}): where it ends would be a guess.", m.paragraph, m.offset)
        for m in marks
    ]
    return Output({"quotes": quotes}, problems)


def _speakers(f: Found) -> Output:
    """Speakers the article describes but does not name, turns of a transcript, and who is a person."""
    rejected = list(f["_rejected"])
    actors, quotes = add_descriptive_speakers(f.text, f.docs, f["actors"], f["quotes"])
    actors, quotes = label_turns(f.text.paragraphs, actors, quotes)
    actors, quotes = settle_people(actors, quotes, rejected, f.text.paragraphs)
    problems = []
    if rejected:
        problems.append(Problem("", "Not taken as actors: " + "; ".join(rejected) + "."))
    unresolved = sum(1 for q in quotes if q.speaker is None)
    if unresolved:
        problems.append(Problem("", f"{unresolved} quote(s) could not be attributed to a speaker."))
    described = sum(1 for q in quotes if (a := _by_id(actors, q.speaker)) and a.described)
    if described:
        problems.append(
            Problem("", f"{described} quote(s) come from a speaker the article describes but does not name.")
        )
    return Output({"actors": actors, "quotes": quotes, "_rejected": rejected}, problems)


def _events(f: Found) -> Output:
    problems = []
    if f.text.published is None:
        problems.append(
            Problem(
                "", 'No publication date was given: relative dates ("on Tuesday", "last week") are left unresolved.'
            )
        )
    return Output({"events": extract_events(f.text, f.docs, f["actors"], f["quotes"])}, problems)


STAGES: list[Stage] = [
    Stage("actors", needs=(), adds=("actors", "_rejected"), run=_actors),
    Stage("quotes", needs=("actors",), adds=("quotes",), run=_quotes),
    Stage("speakers", needs=("actors", "quotes", "_rejected"), adds=("actors", "quotes", "_rejected"), run=_speakers),
    Stage("events", needs=("actors", "quotes"), adds=("events",), run=_events),
]
"""The stages, in the order they run (``stage.check_order`` checks it; a test runs it)."""


def extract_briefing(article: Article, docs: list, stages: list[Stage] | None = None) -> Briefing:
    """`docs` are the parses of ``clean(article).article`` (what :func:`generator.nlp.parse` gives)."""
    stages = STAGES if stages is None else stages
    cleaned = clean(article)
    found = Found(cleaned.article, docs)
    warnings: list[Problem] = []
    if cleaned.left_out:
        kinds = sorted({f.kind for f in cleaned.left_out})
        warnings.append(
            Problem(
                "clean",
                f"{len(cleaned.left_out)} passage(s) left out as page furniture or wire markup ({', '.join(kinds)}).",
            )
        )
    warnings += run_stages(stages, found)
    actors, quotes, events = (found.items.get(name, []) for name in CORE)
    if cleaned.left_out or any(c in p for p in article.paragraphs for c in INVISIBLE_CHARS):
        # A span may take in the blanked furniture at its edge (a dateline before an event's clause),
        # run over an inline mark or start at an invisible character the parse read as a space: trim
        # the edge, and give back the words as written.
        quotes = [_quote_as_written(q, article, cleaned) for q in quotes]
        events = [_event_as_written(e, article, cleaned) for e in events]
        actors = [_actor_as_written(a, article, cleaned) for a in actors]
    extra = {s.name: tuple(found.items[s.name]) for s in stages if s.item_type is not None and s.name in found.items}
    briefing = Briefing(
        article=article,
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        warnings=tuple(warnings),
        left_out=cleaned.left_out,
        dateline=cleaned.dateline,
        extra=extra,
    )
    return derive(briefing)


def _by_id(actors, actor_id):
    return next((a for a in actors if a.id == actor_id), None)


def _outside(article: Article, cleaned, paragraph: int, start: int, end: int) -> dict:
    """Start and end moved off the blanked furniture at a span's edges, and the text as written."""
    text = cleaned.article.paragraphs[paragraph - 1]
    while start < end and (text[start].isspace() or text[start] in INVISIBLE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE_CHARS):
        end -= 1
    return {"start": start, "end": end, "text": article.paragraphs[paragraph - 1][start:end]}


def _actor_as_written(actor, article: Article, cleaned):
    """Mentions and roles give back the text as written, like quotes and events."""
    mentions = tuple(_mention_as_written(m, article, cleaned) for m in actor.mentions)
    roles = tuple(
        replace(r, **_outside(article, cleaned, r.paragraph, r.start, r.end)) if r.paragraph else r for r in actor.roles
    )
    return replace(actor, mentions=mentions, roles=roles)


def _mention_as_written(m, article: Article, cleaned):
    from ..model import Mention

    return None if m is None else Mention(m.paragraph, **_outside(article, cleaned, m.paragraph, m.start, m.end))


def _quote_as_written(q, article: Article, cleaned):
    return replace(
        q,
        **_outside(article, cleaned, q.paragraph, q.start, q.end),
        speaker_mention=_mention_as_written(q.speaker_mention, article, cleaned),
        speaker_antecedent=_mention_as_written(q.speaker_antecedent, article, cleaned),
    )


def _event_as_written(e, article: Article, cleaned):
    e = replace(e, **_outside(article, cleaned, e.paragraph, e.start, e.end))
    d = e.date
    if d is not None and d.paragraph:
        d = replace(d, phrase=article.paragraphs[d.paragraph - 1][d.offset : d.offset + len(d.phrase)])
        e = replace(e, date=d)
    return e
