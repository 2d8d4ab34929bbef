"""What happened, in the article's own sentences: the Overview's summary, worked out once
(:func:`generator.derive.derive` stores it in ``Briefing.derived.summary``).

Two to four sentences that say what happened, each a span of its paragraph: the lede's first
sentence, then the sentences of the first third of the story that carry a dated event or an
attributed statement, in article order, skipping one that mostly repeats what is already chosen
or is only a quotation. Nothing is written that the text does not say.
"""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import wordset
from .model import Briefing, Mention

# A sentence ends at . ! or ? (and a closing quote) before a space and a capital, digit or opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])([”’\"')]?)\s+(?=[“‘\"'(]?[A-Z0-9])")
# Words that open a photo caption, which wire copy often puts before the story.
_CAPTION_WORDS = wordset("caption_words")
_ABBREVIATIONS = wordset("sentence_abbreviations")


def story_sentence(text: str) -> bool:
    """A sentence that can tell what happened: of a reasonable length, not only a quotation, not a
    photo caption or a byline ('In this file photo …', 'Jane Roe, Example.com')."""
    text = text.strip()
    words = text.split()
    if not 8 <= len(words) <= 60 or text.startswith(("“", '"', "‘")):
        return False
    head = {w.strip(",.()").lower() for w in words[:12]}
    return not head & _CAPTION_WORDS


def sentences(briefing: Briefing, n: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of paragraph ``n``, split at . ! ? before a capital or a quote."""
    text = briefing.article.paragraphs[n - 1]
    out, start = [], 0
    furniture = [(f.start, f.end) for f in briefing.left_out if f.paragraph == n]
    for m in _SENTENCE_END.finditer(text):
        word = text[: m.start()].rsplit(None, 1)[-1] if text[: m.start()].strip() else ""
        if word.rstrip(".").lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", word):
            continue
        out.append((start, m.end(1)))
        start = m.end()
    out.append((start, len(text)))
    # Page furniture (a copyright line, a sign-up form) is no sentence of the story; a dateline
    # before the first sentence is cut off it.
    kept = []
    for a, b in out:
        for s0, e in furniture:
            if s0 <= a < e:
                a = e
        a += len(text[a:b]) - len(text[a:b].lstrip())
        if a < b and not any(a < e and s0 < b for s0, e in furniture):
            kept.append((a, b))
    return kept


def lede_paragraph(briefing: Briefing) -> int:
    """The first paragraph of the story: page furniture before it (a sign-up form) is skipped."""
    paragraphs = briefing.article.paragraphs
    whole = {f.paragraph for f in briefing.left_out if f.start == 0 and f.end >= len(paragraphs[f.paragraph - 1])}
    return next((n for n in range(1, len(paragraphs) + 1) if n not in whole), 1)


def lede(briefing: Briefing) -> str:
    """The lede paragraph's text, less the furniture (a dateline) that opens it."""
    n = lede_paragraph(briefing)
    text = briefing.article.paragraphs[n - 1]
    cut = max((f.end for f in briefing.left_out if f.paragraph == n and f.start == 0), default=0)
    return text[cut:].strip() or text


def summary(briefing: Briefing) -> tuple[Mention, ...]:
    """The sentences that say what happened (see the module's docstring), in article order."""
    n0 = lede_paragraph(briefing)
    paragraphs = briefing.article.paragraphs
    offset = len(paragraphs[n0 - 1]) - len(lede(briefing))
    chosen: list[tuple[int, int, int]] = []
    for n in range(n0, len(paragraphs) + 1):  # the lede: its first sentence that is a sentence of the story
        first = next(
            ((a, b) for a, b in sentences(briefing, n) if b > offset and story_sentence(paragraphs[n - 1][a:b])),
            None,
        )
        if first:
            chosen.append((n, max(first[0], offset if n == n0 else 0), first[1]))
            break
    last = max(n0 + 3, n0 + len(paragraphs) // 3)
    known = {a.id for a in briefing.actors}
    anchors: dict[tuple[int, int], int] = Counter()
    for e in briefing.events:
        anchors[(e.paragraph, e.start)] += 2
    for q in briefing.quotes:
        if q.speaker and q.speaker in known:
            anchors[(q.paragraph, q.start)] += 1
    candidates = []
    for n in range(n0, min(last, len(paragraphs)) + 1):
        for a, b in sentences(briefing, n):
            if (n, a, b) in chosen:
                continue
            score = sum(w for (p, at), w in anchors.items() if p == n and a <= at < b)
            text = paragraphs[n - 1][a:b].strip()
            if score and story_sentence(text):
                candidates.append((n, a, b))

    def words(t: tuple[int, int, int]) -> set[str]:
        return {w.lower() for w in re.findall(r"\w{4,}", paragraphs[t[0] - 1][t[1] : t[2]])}

    for c in candidates:
        if len(chosen) >= 3:
            break
        new = words(c)
        if any(len(new & words(t)) > 0.5 * len(new) for t in chosen):
            continue
        chosen.append(c)
    if len(chosen) < 2:  # too few marked sentences: the next sentences of the story
        for n in range(n0, len(paragraphs) + 1):
            for a, b in sentences(briefing, n):
                t = (n, a, b)
                text = paragraphs[n - 1][a:b].strip()
                fresh = all(a >= e or b <= s0 for p, s0, e in chosen if p == n)
                if len(chosen) < 2 and fresh and story_sentence(text):
                    chosen.append(t)
    chosen.sort()
    out = []
    for n, a, b in chosen:
        text = paragraphs[n - 1]
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b -= len(text[a:b]) - len(text[a:b].rstrip())
        out.append(Mention(n, a, b, text[a:b]))
    return tuple(out)
