"""Calendar arithmetic for time expressions: pure date computation, no text and no parse.

The periods a TIMEX3 value names and their first and last days (``day_value``,
``week_value``, ``month_value``, ``quarter_value``, ``half_value``, ``season_value``,
``year_value``, ``decade_value``, ``century_value``), an expression found but not
dated (``unresolved``), the narrowing of a period to its start, middle or end
(``with_modifier``), moving by whole periods (``shift``), ISO 8601 durations
(``_duration_value``), and the holidays' dates: Easter, the n-th weekday of a month
and the table ``HOLIDAYS`` built from generator/resources/en/holidays.yml.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from ..lexicon import wordtable
from ..model import TimeValue
from .timex_data import holiday_specs

UNITS: dict[str, str] = wordtable("time_units")
"""The units of time to their ISO 8601 duration letter (timex_words.yml)."""

# ---------------------------------------------------------------- periods


def _iso(d: date) -> str:
    return d.isoformat()


def _tv(value: str | None, start: date | None, end: date | None, gran: str | None, **kw) -> TimeValue:
    return TimeValue(
        value=value,
        start=_iso(start) if start else None,
        end=_iso(end) if end else None,
        granularity=gran,
        phrase=kw.pop("phrase", ""),
        **kw,
    )


def day_value(d: date, **kw) -> TimeValue:
    return _tv(_iso(d), d, d, "day", **kw)


def week_value(d: date, **kw) -> TimeValue:
    """The ISO week containing ``d`` (Monday to Sunday)."""
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _tv(f"{y}-W{w:02d}", monday, monday + timedelta(days=6), "week", **kw)


def month_value(y: int, m: int, **kw) -> TimeValue:
    return _tv(f"{y}-{m:02d}", date(y, m, 1), date(y, m, monthrange(y, m)[1]), "month", **kw)


def quarter_value(y: int, q: int, **kw) -> TimeValue:
    m = 3 * (q - 1) + 1
    return _tv(f"{y}-Q{q}", date(y, m, 1), date(y, m + 2, monthrange(y, m + 2)[1]), "quarter", **kw)


def half_value(y: int, h: int, **kw) -> TimeValue:
    return _tv(f"{y}-H{h}", date(y, 1 if h == 1 else 7, 1), date(y, 6, 30) if h == 1 else date(y, 12, 31), "half", **kw)


def _season_days(y: int, s: str) -> tuple[date, date]:
    """The first and last day of season `s` ('SP', 'SU', 'FA', 'WI') of year `y`."""
    spans = {"SP": ((3, 1), (5, 31)), "SU": ((6, 1), (8, 31)), "FA": ((9, 1), (11, 30))}
    if s == "WI":  # northern winter: December to February
        return date(y, 12, 1), date(y + 1, 2, monthrange(y + 1, 2)[1])
    (m1, d1), (m2, d2) = spans[s]
    return date(y, m1, d1), date(y, m2, d2)


def season_value(y: int, s: str, **kw) -> TimeValue:
    first, last = _season_days(y, s)
    return _tv(f"{y}-{s}", first, last, "season", **kw)


def year_value(y: int, **kw) -> TimeValue:
    return _tv(str(y), date(y, 1, 1), date(y, 12, 31), "year", **kw)


def decade_value(y: int, **kw) -> TimeValue:
    d = y - y % 10
    return _tv(str(d // 10), date(d, 1, 1), date(d + 9, 12, 31), "decade", **kw)


def century_value(c: int, **kw) -> TimeValue:
    """The c-th century (c=20 is 1901..2000; TIMEX3 writes it '19')."""
    return _tv(f"{c - 1:02d}", date(100 * (c - 1) + 1, 1, 1), date(100 * c, 12, 31), "century", **kw)


def unresolved(kind: str = "date", **kw) -> TimeValue:
    return TimeValue(
        value=None,
        start=None,
        end=None,
        granularity=kw.pop("granularity", None),
        phrase=kw.pop("phrase", ""),
        kind=kind,
        **kw,
    )


def with_modifier(tv: TimeValue, mod: str | None) -> TimeValue:
    """Narrow start..end to the first, middle or last third of the period ("late 2018" is Sep-Dec 2018)."""
    if not mod or tv.start is None or tv.end is None:
        return replace(tv, modifier=mod or tv.modifier)
    s, e = date.fromisoformat(tv.start), date.fromisoformat(tv.end)
    if tv.granularity == "year":  # whole months read better than day counts
        y = s.year
        s, e = {
            "START": (date(y, 1, 1), date(y, 4, 30)),
            "MID": (date(y, 5, 1), date(y, 8, 31)),
            "END": (date(y, 9, 1), date(y, 12, 31)),
        }[mod]
    elif mod in ("START", "MID", "END"):
        n = (e - s).days + 1
        third = max(1, round(n / 3))
        if mod == "START":
            e = s + timedelta(days=third - 1)
        elif mod == "MID":
            s, e = s + timedelta(days=third), e - timedelta(days=third)
        else:
            s = e - timedelta(days=third - 1)
    return replace(tv, start=_iso(s), end=_iso(e), modifier=mod)


def _duration_value(n: float | None, unit: str) -> str:
    code = UNITS[unit]
    if code == "WE":
        code = "WE"
    if code == "DE":
        return f"P{int(n * 10)}Y" if n is not None and n == int(n) else "PXDE"
    if code == "CE":
        return f"P{int(n * 100)}Y" if n is not None and n == int(n) else "PXCE"
    if code == "Q":
        return f"P{int(n)}Q" if n is not None and n == int(n) else "PXQ"
    time_unit = unit in ("second", "minute", "hour")
    minute = (60, "S") if unit == "minute" else (None, None)  # '3 1/2 minutes' is PT3M30S
    sub = {"Y": (12, "M"), "H": (60, "M"), "D": (24, "H"), "M": minute}.get(code)
    if n is not None and n != int(n) and sub and sub[0] and (n * sub[0]) == int(n * sub[0]):
        # '2 1/2 years' is P2Y6M, '5 1/2 hours' PT5H30M
        whole, rest = int(n), int(round((n - int(n)) * sub[0]))
        head = f"{whole}{code}" if whole else ""
        t = "T" if time_unit or code == "D" else ""
        if code == "D":
            return f"P{head}T{rest}H"
        return f"P{t}{head}{rest}{sub[1]}"
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    else:
        amount = str(n)
    return f"P{'T' if time_unit else ''}{amount}{code}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def shift(dct: date, unit: str, k: int) -> TimeValue | None:
    """The period ``k`` units from the one containing ``dct`` ('last week' is shift(dct, 'week', -1))."""
    if unit == "day":
        return day_value(dct + timedelta(days=k))
    if unit in ("week", "fortnight"):
        return week_value(dct + timedelta(weeks=k))
    if unit == "weekend":  # Saturday and Sunday of the ISO week
        sat = dct - timedelta(days=dct.weekday()) + timedelta(days=5, weeks=k)
        y, w, _ = sat.isocalendar()
        return _tv(f"{y}-W{w:02d}-WE", sat, sat + timedelta(days=1), "week")
    if unit == "month":
        y, m = _shift_month(dct.year, dct.month, k)
        return month_value(y, m)
    if unit == "quarter":
        q = (dct.month - 1) // 3 + k
        return quarter_value(dct.year + q // 4, q % 4 + 1)
    if unit == "year":
        return year_value(dct.year + k)
    if unit == "decade":
        return decade_value(dct.year + 10 * k)
    if unit == "century":
        return century_value((dct.year - 1) // 100 + 1 + k)
    return None


# ---------------------------------------------------------------- holidays


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday of a month (n=-1: the last one)."""
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(y, month, monthrange(y, month)[1])
    return last - timedelta(days=(last.weekday() - wd) % 7)


def holiday_rule(spec: dict) -> Callable[[int], date]:
    """The date function of one holiday of generator/resources/en/holidays.yml."""
    if "fixed" in spec:
        month, day = spec["fixed"]
        return lambda y: date(y, month, day)
    if "easter" in spec:
        days = int(spec["easter"])
        return lambda y: easter(y) + timedelta(days=days)
    month, wd, n = spec["nth_weekday"]
    offset = int(spec.get("offset", 0))
    return lambda y: _nth_weekday(y, month, wd, n) + timedelta(days=offset)


# Fixed, Easter-relative and n-th-weekday holidays commonly named in English-language news: data.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    name: holiday_rule(spec) for spec in holiday_specs() for name in spec["names"]
}
