"""Time expressions: find them in text and normalise them against the publication date.

Two pure entry points, usable without spaCy:

* ``normalise(phrase, dct, tense) -> TimeValue`` reads one expression ("last week",
  "Tuesday night", "15 May 2019", "two days ago") and resolves it against the
  document creation time ``dct`` (the publication date).
* ``find_timexes(text_or_doc, dct) -> list[TimeValue]`` finds every expression in a
  paragraph. Given a spaCy ``Doc`` it reads the tense of the governing verb from
  the parse; given plain text it falls back to auxiliaries near the phrase.

Values follow TIMEX3: ``2019-05-14``, ``2019-W19``, ``2019-05``, ``2018-Q4``,
``2018-SU``, ``2018``, ``201`` (decade), durations ``P3D``. What cannot be resolved
without guessing (no publication date, "the following day", "a year earlier")
keeps ``value=None``: the timeline shows such events as undated, never invented.

Tense decides direction for calendar names without a year: a weekday in a past-tense
sentence is the latest such day on or before publication (so "on Wednesday" in an
article published on a Wednesday is that same day); in a future-tense sentence it is
the next one on or after; with no clear tense the nearer of the two wins.

The code is split by concern: timex_calendar.py (calendar arithmetic), timex_rules.py
(the rule table, and ``normalise``), timex_tense.py (tense from the parse or nearby
words, and dating by direction), holidays in generator/resources/en/holidays.yml, and
the TIMEX3 views for scoring in generator/evaluate/timex_score.py. This module keeps
the public API and finds the expressions in a paragraph: the rules' matches, less
names, longest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from ..lexicon import pronouns
from ..model import TimeValue
from .timex_calendar import HOLIDAYS, _duration_value, day_value, year_value
from .timex_rules import (
    _A_UNIT,
    _SECOND_DAY,
    _YEAR_RANGE,
    MONTHS,
    RULES,
    WEEKDAYS,
    _day_month,
    _month_num,
    _unit_of,
    normalise,
)
from .timex_tense import Tense, _points_ahead, tense_from_doc, tense_from_text

# What callers import from here.
__all__ = [
    "HOLIDAYS",
    "Tense",
    "find_timexes",
    "normalise",
    "tense_from_doc",
    "tense_from_text",
]


def _candidates(text: str) -> list[tuple[int, int, int, re.Match]]:
    found = []
    for i, (_name, pattern, _fn) in enumerate(RULES):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), i, m))
    return found


def _select(found: list) -> list:
    """Longest non-overlapping matches; on equal length the earlier rule wins."""
    chosen: list = []
    for c in sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    return sorted(chosen)


_QUOTES = "\"“”'‘’`"
# Capitalised words a time expression may hold anywhere in a sentence: calendar names
_PROPER_TIME_WORDS = set(MONTHS) | set(WEEKDAYS) | pronouns("first_singular", cases=("subject",))


def _sentence_start(text: str, start: int) -> bool:
    """Nothing but a sentence end, a colon or an opening quote before ``start``."""
    i = start
    quoted = False
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in _QUOTES):
        quoted = quoted or text[i - 1] in _QUOTES
        i -= 1
    if i == 0:
        return True
    return text[i - 1] in ".!?:;" or (quoted and text[i - 1] in ",(") or text[i - 1] in ")]-—–"


def _a_name(text: str, start: int, end: int) -> bool:
    """A time expression that is a name or part of one.

    A common time word capitalised inside a sentence ('ABC's "This Week"', 'VOA Today',
    '60 Minutes', 'High Noon'), or a year right after a capitalised word that is not a
    calendar name ('Euro 2016', 'Orion 1980', 'Case 2000').
    """
    phrase = text[start:end]
    words = re.findall(r"[A-Za-z]+", phrase)
    from .timex_data import holiday_words

    proper = _PROPER_TIME_WORDS | holiday_words()
    caps = [
        w
        for w in words
        if w[0].isupper() and w.lower() not in proper and w.lower()[:-1] not in proper and not w.isupper()
    ]
    if caps and not _sentence_start(text, start):
        if not (len(caps) == 1 and phrase.startswith(caps[0]) and _title_line(text)):
            return True
    if re.fullmatch(r"the\s+(?-i:[A-Z][a-z]+)", phrase) and not _sentence_start(text, start):
        return True  # 'Player of the Week', 'Person of the Year': a title's capitalised unit
    if words and all(w.isupper() and len(w) > 1 for w in words) and not text.isupper():
        # 'VISTARIA TODAY', 'EXAMPLE THIS MORNING': a time word in capitals after a word in capitals, in a
        # paragraph written in lower case, is a name's
        if re.search(r"\b[A-Z]{2,}[.’']?\s+$", text[max(0, start - 30) : start]):
            return True
    if re.fullmatch(r"\d{4}", phrase):
        before = re.search(r"([A-Za-z][\w.&'-]*)\s+$", text[max(0, start - 40) : start])
        if before:
            word = before[1]
            if (
                word[0].isupper()
                and not word.endswith(("'s", "’s", "s'"))  # "Navigation Mixte's 1989 profit"
                and word.lower().rstrip(".") not in proper
                and word.lower() not in _YEAR_LEAD_WORDS
                and not _sentence_start(text, start - len(before[0]))
            ):
                return True
    return False


# Words that may stand capitalised before a year without making it a name ('In 1953', 'Fiscal 1989')
_YEAR_LEAD_WORDS = {"in", "since", "by", "until", "from", "before", "after", "during", "fiscal", "of", "for", "through",
                    "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "and", "to", "the", "year",
                    "around", "circa", "about", "between", "christmas", "easter"}  # fmt: skip


def _title_line(text: str) -> bool:
    """A headline in Title Case: every long word capitalised."""
    long_words = re.findall(r"[A-Za-z]{4,}", text)
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def find_timexes(
    source, dct: date | None = None, *, paragraph: int = 0, tense_of: Callable[[int, int], Tense] | None = None
) -> list[TimeValue]:
    """Every time expression in one paragraph, normalised against ``dct``.

    ``source`` is the paragraph text or its spaCy ``Doc``; with a Doc the tense
    comes from the parse (:func:`tense_from_doc`), otherwise from nearby auxiliaries.
    """
    text = source if isinstance(source, str) else source.text
    if tense_of is None:
        if isinstance(source, str):
            tense_of = lambda s, e: tense_from_text(text, s, e)  # noqa: E731
        else:
            tense_of = lambda s, e: tense_from_doc(source, s, e)  # noqa: E731
    found = []
    for start, end, i, m in _candidates(text):
        if _a_name(text, start, end):
            continue  # 'ABC's "This Week"', '60 Minutes', 'Orion 1980': names, not times
        tense = tense_of(start, end) if dct is not None else None
        if tense in ("past", "present") and _points_ahead(text, start):
            tense = "future"  # 'postponed until Saturday', 'extended to Nov. 16': after the event
        tv = RULES[i][2](m, dct, tense)
        if tv is not None:
            found.append((start, end, i, tv))
    # a range of years gives both ends: '2009-2010', '1957-58'
    for m in _YEAR_RANGE.finditer(text):
        y1, y2 = int(m["y1"]), m["y2"]
        y2n = int(y2) if len(y2) == 4 else y1 - y1 % 100 + int(y2)
        if not y1 < y2n <= y1 + 30 or _a_name(text, m.start(), m.end("y1")):
            continue
        found.append((m.start("y1"), m.end("y1"), -1, year_value(y1)))
        found.append((m.start("y2"), m.end("y2"), -1, year_value(y2n)))
    # a day of a month after another: 'on April 24 and 25'
    for m in _SECOND_DAY.finditer(text):
        mo, d = _month_num(m["mo"]), int(m["d2"])
        if not 1 <= d <= 31 or d <= int(m["d1"]):
            continue
        first = _day_month(dct, tense_of(m.start(), m.end()) if dct else None, mo, int(m["d1"]), m["y"])
        if first is None or first.value is None:
            continue
        try:
            tv = day_value(date.fromisoformat(first.value).replace(day=d))
        except ValueError:
            continue
        found.append((m.start("d2"), m.end("d2"), len(RULES) + 1, tv))
    # 'a year' is a duration only after a preposition or degree word ('for a year'); alone it is often a rate
    for m in _A_UNIT.finditer(text):
        unit = _unit_of(m["tv"].split()[-1])
        tv = TimeValue(
            value=_duration_value(1, unit), start=None, end=None, granularity=None, phrase="", kind="duration"
        )
        found.append((m.start("tv"), m.end("tv"), len(RULES), tv))
    out = []
    for start, end, _i, tv in _select(found):
        phrase = text[start:end].rstrip(" ,")
        if phrase.lower().endswith((" of", " the")) or not phrase:
            continue
        out.append(replace(tv, phrase=phrase, paragraph=paragraph, offset=start))
    return out
