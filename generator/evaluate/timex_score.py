"""TIMEX3 views of a found time expression, for scoring against TimeML gold (`briefing evaluate timex`).

``timex3_value`` writes the value TimeML would ('2019-05-14TNI', 'PAST_REF'),
``timex3_type`` the TIMEX3 type, ``vague_ref`` the reference of a vague phrase.
The product never shows these; generator/extract/timex.py imports them for the
callers that import them from there.
"""

from __future__ import annotations

import re

from ..lexicon import alternation, wordtable
from ..model import TimeValue

# The parts of the day (timex_words.yml) to their TIMEX3 code ('night' -> 'NI').
PARTS_OF_DAY = wordtable("parts_of_day")


def vague_ref(phrase: str) -> str | None:
    """TimeML's PAST_REF / PRESENT_REF / FUTURE_REF for a vague phrase."""
    p = phrase.lower()
    if re.search(r"\b(now|current|currently|nowadays|present|presently|these days|today)\b", p):
        return "PRESENT_REF"
    if re.search(r"\b(soon|future|coming|term)\b", p):
        return "FUTURE_REF"
    if re.search(r"\b(recent|recently|lately|previously|past|earlier|former)\b", p):
        return "PAST_REF"
    return None


def timex3_value(tv: TimeValue) -> str | None:
    """The TIMEX3 value TimeML would write ('2019-05-14TNI', 'PAST_REF'), for scoring."""
    if tv.kind == "vague":
        return vague_ref(tv.phrase)
    if tv.value is None or tv.kind in ("duration", "set"):
        return tv.value
    if tv.granularity == "day" and "T" not in tv.value:
        part = re.search(rf"\b({alternation(PARTS_OF_DAY)}|tonight)\b", tv.phrase.lower())
        if part:
            return f"{tv.value}T{PARTS_OF_DAY.get(part[1], 'NI')}"
    return tv.value


def timex3_type(tv: TimeValue) -> str:
    return {"duration": "DURATION", "set": "SET", "time": "TIME"}.get(tv.kind, "DATE")
