"""TIMEX3 views of a found time expression, for scoring against TimeML gold (`briefing evaluate timex`).

``timex3_value`` writes the value TimeML would ('2019-05-14TNI', 'PAST_REF'),
``timex3_type`` the TIMEX3 type, ``vague_ref`` the reference of a vague phrase.
The product never shows these; generator/extract/timex.py imports them for the
callers that import them from there.
"""

from __future__ import annotations

import re

from ..extract.timex_calendar import _duration_value
from ..extract.timex_rules import _HALF, _NUM, _number, _unit_of
from ..lexicon import alternation, wordlist, wordtable
from ..model import TimeValue

# The parts of the day (timex_words.yml) to their TIMEX3 code ('night' -> 'NI').
PARTS_OF_DAY = wordtable("parts_of_day")


# 'five hours later', 'a few minutes earlier': TimeML marks the length, 'later' is a signal (timex_words.yml)
_LENGTH_THEN_SIGNAL = re.compile(
    rf"(?P<n>{_NUM})[\s-]+(?P<unit>{alternation(wordlist('signal_length_units'))})s?(?P<half>{_HALF})?\s+(?:later|earlier)",
    re.I,
)


def signal_length(tv: TimeValue) -> str | None:
    """The TIMEX3 DURATION value of 'five hours later' (PT5H), None for any other phrase."""
    m = _LENGTH_THEN_SIGNAL.fullmatch(tv.phrase.strip()) if tv.kind in ("date", "time") else None
    if m is None:
        return None
    n = _number(m["n"])
    return _duration_value(n + 0.5 if n is not None and m["half"] else n, _unit_of(m["unit"]))


def vague_ref(phrase: str) -> str | None:
    """TimeML's PAST_REF / PRESENT_REF / FUTURE_REF for a vague phrase."""
    p = phrase.lower()
    if re.match(r"then\b", p):  # 'its then current owner': present when it was told, past now
        return "PAST_REF"
    if re.search(r"\b(now|current|currently|nowadays|present|presently|these days|today)\b", p):
        return "PRESENT_REF"
    if re.search(r"\b(soon|future|coming|term)\b|^one\s+day$", p):
        return "FUTURE_REF"
    if re.search(r"\b(recent|recently|lately|previously|past|earlier|former)\b|^(?:the\s+)?last\s", p):
        return "PAST_REF"
    return None


def timex3_value(tv: TimeValue) -> str | None:
    """The TIMEX3 value TimeML would write ('2019-05-14TNI', 'PAST_REF'), for scoring."""
    if tv.kind == "vague":
        return vague_ref(tv.phrase)
    length = signal_length(tv)
    if length:
        return length
    if tv.value is None or tv.kind in ("duration", "set"):
        return tv.value
    if tv.granularity == "day" and "T" not in tv.value:
        part = re.search(rf"\b({alternation(PARTS_OF_DAY)}|tonight)\b", tv.phrase.lower())
        if part:
            return f"{tv.value}T{PARTS_OF_DAY.get(part[1], 'NI')}"
    return tv.value


def timex3_type(tv: TimeValue) -> str:
    if signal_length(tv):
        return "DURATION"
    return {"duration": "DURATION", "set": "SET", "time": "TIME"}.get(tv.kind, "DATE")
