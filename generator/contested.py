"""Contested statements: one actor contradicting, denying or disputing another's claim.

A general, conservative rule over the typed model (no parsing here): a quote is
contesting when a contradiction verb ("contradicted", "denied", "disputed",
"rejected", "dismissed", "refuted", "rebutted", "countered") stands in the
same sentence before the quoted content starts, and the words right after that verb name
another actor who has statements of their own in the article. That actor's
statements (the nearest ones at or before the contesting quote) are the claim
being contested. Anything less clear is not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import alternation, wordset
from .model import Briefing, Quote

# Any form of a verb of contradiction (words.yml contradiction_verbs).
CONTRADICTION = re.compile(rf"\b({alternation(wordset('contradiction_verbs'))})\b(?!-)", re.IGNORECASE)
# How far after the verb the contested actor may be named: "contradicted Maj Gen X",
# "denied claims by the X", "rejected the X's assertion".
OBJECT_WINDOW = 60


@dataclass(frozen=True)
class Contest:
    """``by`` (speaker of ``quote``) contests ``target``'s ``claims``."""

    by: str
    target: str
    verb: str
    quote: Quote
    claims: tuple[Quote, ...]


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos), text.rfind("! ", 0, pos))
    return 0 if cut < 0 else cut + 2


def contests(briefing: Briefing) -> list[Contest]:
    """Every contesting quote, with the claims it contests, in article order."""
    found: list[Contest] = []
    seen: set[tuple[str, str, int]] = set()
    paragraphs = briefing.article.paragraphs
    for q in briefing.quotes:
        if not q.speaker or not (1 <= q.paragraph <= len(paragraphs)):
            continue
        text = paragraphs[q.paragraph - 1]
        start = _sentence_start(text, q.start)
        # Only the reporting frame before the content counts: "X contradicted Y, saying …".
        # A verb inside the quoted words ("I never disputed a word") is what was said, not the act.
        for verb in CONTRADICTION.finditer(text, start, q.start):
            target = _named_after(briefing, q, verb.end())
            if target is None:
                continue
            claims = _claims(briefing, target, q)
            key = (q.speaker, target, q.paragraph)
            if claims and key not in seen:
                seen.add(key)
                found.append(Contest(q.speaker, target, verb.group(0), q, claims))
            break
    return found


def _named_after(briefing: Briefing, q: Quote, pos: int) -> str | None:
    """The actor (not the speaker) first named within OBJECT_WINDOW characters after ``pos``."""
    best: tuple[int, str] | None = None
    for actor in briefing.actors:
        if actor.id == q.speaker:
            continue
        for m in actor.mentions:
            if m.paragraph == q.paragraph and pos <= m.start <= pos + OBJECT_WINDOW:
                if best is None or m.start < best[0]:
                    best = (m.start, actor.id)
    return best[1] if best else None


def _claims(briefing: Briefing, target: str, q: Quote) -> tuple[Quote, ...]:
    """The target's statements in the nearest paragraph at or before the contesting quote."""
    before = [c for c in briefing.quotes if c.speaker == target and (c.paragraph, c.start) < (q.paragraph, q.start)]
    if not before:
        return ()
    last = max(c.paragraph for c in before)
    return tuple(c for c in before if c.paragraph == last)
