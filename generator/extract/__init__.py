"""Extraction: an Article and its parsed paragraphs in, a Briefing out.

Each stage is a module with one public function and no side effects on the
spaCy docs:

* ``actors.extract_actors(article, docs) -> list[Actor]``
* ``quotes.extract_quotes(article, docs, actors) -> list[Quote]``
* ``timeline.extract_events(article, docs, actors) -> list[Event]``
"""

from __future__ import annotations

from dataclasses import replace

from ..clean import clean
from ..model import Article, Briefing
from .actors import extract_actors
from .actors_evidence import settle_people
from .quotes import extract_quotes, find_quote_problems
from .quotes_transcript import label_turns
from .speakers import add_descriptive_speakers
from .timeline import extract_events


def extract_briefing(article: Article, docs: list) -> Briefing:
    """`docs` are the parses of ``clean(article).article`` (what :func:`generator.nlp.parse` gives)."""
    cleaned = clean(article)
    text = cleaned.article
    rejected: list[str] = []
    actors = extract_actors(text, docs, rejected)
    quotes = extract_quotes(text, docs, actors)
    actors, quotes = add_descriptive_speakers(text, docs, actors, quotes)
    actors, quotes = label_turns(text.paragraphs, actors, quotes)
    actors, quotes = settle_people(actors, quotes, rejected, text.paragraphs)
    events = extract_events(text, docs, actors)
    if cleaned.left_out:
        # A span may take in the blanked furniture at its edge (a dateline before an event's clause)
        # or run over an inline mark: trim the edge, and give back the words as written.
        quotes = [_quote_as_written(q, article, cleaned) for q in quotes]
        events = [_event_as_written(e, article, cleaned) for e in events]
        actors = [_actor_as_written(a, article, cleaned) for a in actors]
    warnings = []
    if article.published is None:
        warnings.append(
            'No publication date was given: relative dates ("on Tuesday", "last week") are left unresolved.'
        )
    if cleaned.left_out:
        kinds = sorted({f.kind for f in cleaned.left_out})
        warnings.append(
            f"{len(cleaned.left_out)} passage(s) left out as page furniture or wire markup ({', '.join(kinds)})."
        )
    if rejected:
        warnings.append("Not taken as actors: " + "; ".join(rejected) + ".")
    for problem in find_quote_problems(text):
        warnings.append(f"A quotation was not extracted ({problem}): where it ends would be a guess.")
    unresolved = sum(1 for q in quotes if q.speaker is None)
    if unresolved:
        warnings.append(f"{unresolved} quote(s) could not be attributed to a speaker.")
    described = sum(
        1 for q in quotes if (a := _by_id(actors, q.speaker)) and a.notes and a.notes[0].startswith("unnamed")
    )
    if described:
        warnings.append(f"{described} quote(s) come from a speaker the article describes but does not name.")
    return Briefing(
        article=article,
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        warnings=tuple(warnings),
        left_out=cleaned.left_out,
        dateline=cleaned.dateline,
    )


def _by_id(actors, actor_id):
    return next((a for a in actors if a.id == actor_id), None)


def _outside(article: Article, cleaned, paragraph: int, start: int, end: int) -> dict:
    """Start and end moved off the blanked furniture at a span's edges, and the text as written."""
    text = cleaned.article.paragraphs[paragraph - 1]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
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
