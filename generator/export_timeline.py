"""Timeline exports: TimelineJS3 JSON and an iCalendar (.ics) file.

Only events with a resolved date are exported; an undated or only-ordered event
has no place on a calendar. Both outputs are deterministic: the same briefing
gives the same bytes (DTSTAMP comes from the publication date, not the clock).
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from . import derive
from .lexicon import first_words, season_names, wordlist
from .model import Briefing, Event, TimeValue

MONTH_NAMES = tuple(m.capitalize() for m in wordlist("months"))
SEASON_NAMES = season_names()
# A modifier by its first word in timex_words.yml ('early', 'mid', 'late'); an approximate time 'around'.
MODIFIER_WORDS = first_words("period_modifiers") | {"APPROX": "around"}


def dated_events(briefing: Briefing) -> list[Event]:
    """The timeline's events (derive.dated_events) that have an end date, as the exports need."""
    return [e for e in derive.dated_events(briefing) if e.date is not None and e.date.end]


def display_date(tv: TimeValue) -> str:
    """A date at its own precision: '14 May 2019', 'week of 6 May 2019', 'May 2019', 'Q4 2018', 'late 2018'."""
    if tv.value is None or tv.start is None:
        return "undated"
    start = date.fromisoformat(tv.start)
    value = tv.value
    gran = tv.granularity
    day = f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year}"
    if gran == "day":
        text = day
    elif gran == "week":
        text = f"{'weekend' if value.endswith('-WE') else 'week'} of {day}"
    elif gran == "month":
        text = f"{MONTH_NAMES[start.month - 1]} {start.year}"
    elif gran == "quarter":
        text = f"Q{value[-1]} {value[:4]}"
    elif gran == "half":
        text = f"{'first' if value.endswith('H1') else 'second'} half of {value[:4]}"
    elif gran == "season":
        text = f"{SEASON_NAMES.get(value[-2:], value[-2:])} {value[:4]}"
    elif gran == "decade":
        text = f"the {value}0s"
    elif gran == "century":
        text = f"the {_ordinal(int(value) + 1)} century"
    else:
        text = value
    mod = MODIFIER_WORDS.get(tv.modifier or "")
    if mod and gran != "day":
        if tv.modifier == "START" and tv.phrase.lower().startswith("earlier"):
            mod = "earlier in"
        text = f"{mod} {text}"
    return text


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# ------------------------------------------------------------------ TimelineJS3


def _tl_date(d: date, gran: str | None, *, whole: bool) -> dict:
    """A TimelineJS date object; a whole month or year is given without its smaller parts."""
    out = {"year": str(d.year)}
    if whole and gran in ("year", "decade", "century"):
        return out
    out["month"] = str(d.month)
    if whole and gran == "month":
        return out
    out["day"] = str(d.day)
    return out


def timelinejs(briefing: Briefing) -> dict:
    """A TimelineJS3 timeline (the JSON object passed to ``new TL.Timeline``)."""
    art = briefing.article
    events = []
    for e in dated_events(briefing):
        tv = e.date
        assert tv is not None and tv.start and tv.end
        start, end = date.fromisoformat(tv.start), date.fromisoformat(tv.end)
        # a modifier narrows a period to part of it, so exact days are the truthful form
        whole = tv.modifier is None or tv.modifier == "APPROX"
        item: dict = {
            "unique_id": e.id,
            "start_date": _tl_date(start, tv.granularity, whole=whole),
            "display_date": display_date(tv),
            # TimelineJS renders text as HTML: the article's words are escaped
            "text": {
                "headline": display_date(tv),
                "text": f"{escape(e.line)} <small>(“{escape(tv.phrase)}”, paragraph {e.paragraph})</small>",
            },
            "group": tv.granularity or "date",
        }
        if end > start and not (whole and tv.granularity in ("month", "year")):
            item["end_date"] = _tl_date(end, tv.granularity, whole=False)
        events.append(item)
    title_text = " · ".join(x for x in (art.source, art.published.isoformat() if art.published else None) if x)
    return {"title": {"text": {"headline": escape(art.title), "text": escape(title_text)}}, "events": events}


# ------------------------------------------------------------------ iCalendar (RFC 5545)


def ical_escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets (RFC 5545 3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size = " ", 1  # a continuation line starts with one space, which counts
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _ics_date(d: date) -> str:
    return d.strftime("%Y%m%d")


def icalendar(briefing: Briefing) -> str:
    """All dated events as all-day VEVENTs (DTEND is the day after the last day, as RFC 5545 wants)."""
    art = briefing.article
    events = dated_events(briefing)
    stamp_day = art.published or (date.fromisoformat(events[0].date.start) if events else date(1970, 1, 1))  # type: ignore[union-attr, arg-type]
    stamp = f"{_ics_date(stamp_day)}T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Briefing//Timeline export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ical_escape(art.title)}",
    ]
    for e in events:
        tv = e.date
        assert tv is not None and tv.start and tv.end
        start, end = date.fromisoformat(tv.start), date.fromisoformat(tv.end)
        description = f"{display_date(tv)} (“{tv.phrase}”, {tv.value}). Paragraph {e.paragraph}."
        lines += [
            "BEGIN:VEVENT",
            f"UID:{art.id}-{e.id}@briefing",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_ics_date(start)}",
            f"DTEND;VALUE=DATE:{_ics_date(end + timedelta(days=1))}",
            f"SUMMARY:{ical_escape(e.line)}",
            f"DESCRIPTION:{ical_escape(description)}",
        ]
        if art.url:
            lines.append(f"URL:{art.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
