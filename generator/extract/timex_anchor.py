"""References back: time expressions dated from the last date the text gave, not from publication.

"That year", "the following day", "a year earlier", "the year-ago quarter",
"the new fiscal year" name a time relative to another one the text has just
given. :func:`anchor_timexes` walks a document's expressions in reading order,
keeps the last resolved date as the anchor (HeidelTime's narrative mode) and
dates each reference back from it. Such a value is marked ``inferred=True``:
it is read from the text around the phrase, not from the phrase itself.

Which words make a reference back, and how far each moves, is data:
``generator/resources/en/timex_anchor.yml``, with an example per rule that
tests/test_timex.py runs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from ..lexicon import alternation, wordlist
from ..model import TimeValue
from .timex_calendar import (
    HOLIDAYS,
    _shift_month,
    day_value,
    decade_value,
    half_value,
    month_value,
    quarter_value,
    season_value,
    week_value,
    year_value,
)
from .timex_rules import PARTS_OF_DAY, _number

DATA = Path(__file__).resolve().parents[1] / "resources" / "en" / "timex_anchor.yml"

# granularities from fine to coarse
_ORDER = ["day", "week", "month", "season", "quarter", "half", "year", "decade"]


@lru_cache(maxsize=1)
def rules() -> list[dict]:
    """The reference-back rules, each with a compiled ``regex`` (matched against the whole phrase)."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    out = []
    for r in data["rules"]:
        out.append({**r, "regex": re.compile(r"(?:" + r["pattern"] + r")", re.I | re.X)})
    return out


def _coarser_or_same(a: str, b: str) -> bool:
    return _ORDER.index(a) >= _ORDER.index(b)


def period(d: date, gran: str) -> TimeValue | None:
    """The period of granularity ``gran`` that contains ``d``."""
    if gran == "day":
        return day_value(d)
    if gran == "week":
        return week_value(d)
    if gran == "month":
        return month_value(d.year, d.month)
    if gran == "quarter":
        return quarter_value(d.year, (d.month - 1) // 3 + 1)
    if gran == "half":
        return half_value(d.year, 1 if d.month <= 6 else 2)
    if gran == "year":
        return year_value(d.year)
    if gran == "decade":
        return decade_value(d.year)
    return None


def move(d: date, unit: str, k: int) -> date:
    """``d`` moved ``k`` units (calendar months keep the day where they can)."""
    if unit == "day":
        return d + timedelta(days=k)
    if unit == "week":
        return d + timedelta(weeks=k)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12, "decade": 120}.get(unit)
    if months is None:
        return d
    if unit == "season":  # the following summer is a year on
        months = 12
    y, m = _shift_month(d.year, d.month, k * months)
    last = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return date(y, m, min(d.day, last[m - 1]))


def _season_of(tv: TimeValue) -> str | None:
    m = re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", tv.value or "")
    return m[1] if m else None


def rule_for(phrase: str) -> tuple[dict, re.Match] | None:
    """The reference-back rule that reads ``phrase`` whole, with its match."""
    text = re.sub(r"\s+", " ", phrase.strip().lower().replace("’", "'"))
    for r in rules():
        m = r["regex"].fullmatch(text)
        if m:
            return r, m
    return None


def resolve(phrase: str, anchors: list[TimeValue] | TimeValue | None, weekday: int | None = None) -> TimeValue | None:
    """The date a reference back names, counted from the latest of ``anchors`` fine enough for it.

    None when the phrase is no reference back or no anchor can place it.
    """
    found = rule_for(phrase)
    if found is None or not anchors:
        return None
    r, m = found
    if isinstance(anchors, TimeValue):
        anchors = [anchors]
    unit = r.get("unit") or (m.groupdict().get("unit") or "").rstrip("s")
    unit = "day" if unit in PARTS_OF_DAY else unit
    need = r.get("granularity")
    for anchor in reversed(anchors):
        if anchor.start is None or anchor.granularity not in _ORDER:
            continue
        u = unit or anchor.granularity
        if u not in _ORDER or not _coarser_or_same(u, anchor.granularity):
            continue  # 'the following day' after 'in March': look further back
        if need and not _coarser_or_same(need, anchor.granularity):
            continue  # 'the year-ago quarter' needs a quarter or a day to count from
        placed = _place(r, m, anchor, u, weekday)
        if placed is not None and need and placed.granularity != need and placed.start:
            placed = period(date.fromisoformat(placed.start), need)
        return placed
    return None


def fallback_anchor(phrase: str, dct: date | None) -> TimeValue | None:
    """The anchor a rule falls back on when the text gave none: ``fallback: last_quarter`` is the
    last quarter completed before publication ('the quarter' in a results report)."""
    found = rule_for(phrase)
    if found is None or dct is None or found[0].get("fallback") != "last_quarter":
        return None
    q = (dct.month - 1) // 3  # the current quarter, 0-based; the last completed is q - 1
    y, q = (dct.year, q) if q else (dct.year - 1, 4)
    return quarter_value(y, q)


def _place(r: dict, m: re.Match, anchor: TimeValue, unit: str, weekday: int | None) -> TimeValue | None:
    assert anchor.start is not None and anchor.granularity is not None  # resolve() passes only such anchors
    k = int(r.get("shift", 0))
    if m.groupdict().get("n"):
        k *= _count(m["n"])
    start = date.fromisoformat(anchor.start)
    if m.groupdict().get("year"):  # 'the 1988 quarter': the anchor's quarter, in the year given
        start = start.replace(year=int(m["year"]), day=min(start.day, 28))
    # 'a year earlier' than a quarter is that quarter a year before
    gran = anchor.granularity if r.get("keep_anchor_granularity") else unit
    if gran == "season":
        s = _season_of(anchor)
        return season_value(start.year + k, s) if s else None
    if r.get("weekday") and weekday is not None:
        if anchor.granularity != "day":
            return None
        step = 1 if k > 0 else -1
        d = start + timedelta(days=step)
        while d.weekday() != weekday:
            d += timedelta(days=step)
        return day_value(d)
    return period(move(start, unit, k), gran)


def _count(word: str) -> int:
    n = _number(word)
    return int(n) if n is not None and n == int(n) else 1


_WEEKDAYS = list(wordlist("weekdays"))
_WEEKDAY = re.compile(rf"\b({alternation(_WEEKDAYS)})\b", re.I)


def from_value(value: str) -> TimeValue | None:
    """A TimeValue from a TIMEX3 calendar value ('1989-Q3', '1989-09-30', '1989-W40', '1989')."""
    m = re.fullmatch(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|W(\d{2})|H([12])|(SP|SU|FA|WI)))?", value)
    if not m:
        return None
    y = int(m[1])
    if m[3]:
        return day_value(date(y, int(m[2]), int(m[3])))
    if m[2]:
        return month_value(y, int(m[2]))
    if m[4]:
        return quarter_value(y, int(m[4]))
    if m[5]:
        return week_value(date.fromisocalendar(y, int(m[5]), 1))
    if m[6]:
        return half_value(y, int(m[6]))
    if m[7]:
        return season_value(y, m[7])
    return year_value(y)


def is_anchor(tv: TimeValue) -> bool:
    """Can later references count from this expression? A resolved calendar date or time."""
    return (
        tv.value is not None
        and tv.kind in ("date", "time")
        and tv.start is not None
        and tv.granularity in _ORDER
        and bool(re.match(r"\d{4}", tv.value))
    )


def anchor_timexes(
    paragraphs: list[list[TimeValue]], dct: date | None = None, texts: list[str] | None = None
) -> list[list[TimeValue]]:
    """The same expressions, with references back dated from the last date before them (``inferred``).

    Anchors are the dates the text gives itself; a value inferred here anchors nothing,
    so one wrong reference does not carry on down the text. A rule marked ``anchor: dct``
    ('the current fiscal year') counts from the publication date instead. With the paragraphs'
    ``texts``, a month or season named without its year right before 'of' or 'in' and a reference
    back to a year ('by June 30 of the following year') takes that year, counted from the date
    before both.
    """
    anchors: list[TimeValue] = []
    out = []
    for n, tvs in enumerate(paragraphs):
        done: list[TimeValue] = []
        for tv in tvs:
            if _year_told_after(done, tv, texts[n] if texts is not None else None):
                own = bool(anchors) and anchors[-1] is done[-1]  # the date before it, whose year it tells
                found = resolve(tv.phrase, anchors[:-1] if own else anchors)
                if found is not None and found.granularity == "year" and found.value is not None:
                    if own:
                        anchors.pop()  # it did not know its year: no anchor
                    done[-1] = _in_year(done[-1], int(found.value))
                    done.append(_anchored(tv, found, inferred=True))
                    continue
            if tv.value is not None and anchors:
                rule = rule_for(tv.phrase)
                if rule is not None and anchors[-1].granularity in rule[0].get("only_after", ()):
                    found = resolve(tv.phrase, anchors[-1:])
                    if found is not None:
                        done.append(_anchored(tv, found, inferred=True))
                        continue
            if tv.value is None and tv.kind in ("date", "time"):
                rule = rule_for(tv.phrase)
                from_dct = rule is not None and rule[0].get("anchor") == "dct"
                if from_dct and dct is not None:
                    found = resolve(tv.phrase, [day_value(dct)])
                else:
                    wd = _WEEKDAY.search(tv.phrase)
                    found = resolve(tv.phrase, anchors, _WEEKDAYS.index(wd[1].lower()) if wd else None)
                    if found is None:
                        fallback = fallback_anchor(tv.phrase, dct)
                        found = resolve(tv.phrase, [fallback]) if fallback else None
                if found is not None:
                    tv = _anchored(tv, found, inferred=not from_dct)
            elif is_anchor(tv):
                anchors.append(tv)
            elif dct is not None and _YEAR_TO_DATE.fullmatch(tv.phrase.strip()):
                # 'in the first eight months ... against a year earlier': the months so far of the year, compared by year
                anchors.append(year_value(dct.year))
            done.append(tv)
        out.append(done)
    return out


# A year written out; a weekday or a holiday named ('Easter Sunday', 'Saturday'): moved to another
# year, its day would change
_YEAR_OR_MOVING = re.compile(
    rf"\b\d{{4}}\b|'\d{{2}}\b|\b(?:{alternation(_WEEKDAYS)})\b|\b(?:{alternation(HOLIDAYS)})\b",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s+(?:of|in)\s+")


def _year_told_after(done: list[TimeValue], tv: TimeValue, text: str | None) -> bool:
    """True when ``tv`` is a reference back to a year ('that year', 'the following year') right
    after 'of'/'in' and a month, a month's day or a season of this paragraph named without a year."""
    if text is None or not done or tv.value is not None or tv.kind not in ("date", "time"):
        return False
    before = done[-1]
    found = rule_for(tv.phrase)
    if found is None or (found[0].get("unit") or found[1].groupdict().get("unit") or "") != "year":
        return False
    if before.value is None or before.inferred or before.granularity not in ("day", "month", "season"):
        return False
    if _YEAR_OR_MOVING.search(before.phrase):
        return False  # a year of its own; a weekday or a holiday, whose day moves with the year
    between = text[before.offset + len(before.phrase) : tv.offset]
    return _JOIN.fullmatch(between) is not None


def _in_year(tv: TimeValue, year: int) -> TimeValue:
    """The expression moved to ``year`` (its month, day or season kept), marked inferred."""
    moved = from_value(f"{year}{tv.value[4:]}") if tv.value else None
    if moved is None:
        return tv
    return replace(tv, value=moved.value, start=moved.start, end=moved.end, inferred=True)


# 'the eight months', 'the first six months': the months of the year so far, in a report
_YEAR_TO_DATE = re.compile(r"the\s+(?:first\s+)?(?:\w+|\d+)\s+months", re.I)


def _anchored(tv: TimeValue, found: TimeValue, inferred: bool) -> TimeValue:
    """The expression with the value its anchor gives it."""
    return replace(
        tv, value=found.value, start=found.start, end=found.end, granularity=found.granularity, inferred=inferred
    )
