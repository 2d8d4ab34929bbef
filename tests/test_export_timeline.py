"""TimelineJS and iCalendar exports from a fixed briefing (no spaCy)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from generator.export_timeline import dated_events, display_date, fold, ical_escape, icalendar, timelinejs
from generator.model import Article, Briefing, Event, TimeValue

LONG = (
    "The ministry said on Tuesday; it had ordered the departure of non-emergency staff, "
    "from the embassy in the capital and the consulate in the north — “a precaution”, officials said"
)
ARTICLE = Article(
    id="test-article",
    title="Staff leave, embassy; consulate shut",
    published=date(2019, 5, 15),
    source="Example News",
    url="https://example.org/story",
    tags=(),
    paragraphs=("x",) * 6,
)


def tv(value, start, end, gran, phrase, modifier=None, kind="date") -> TimeValue:
    return TimeValue(
        value=value, start=start, end=end, granularity=gran, phrase=phrase, paragraph=1, modifier=modifier, kind=kind
    )


EVENTS = (
    Event("e1", LONG, tv("2019-05-14", "2019-05-14", "2019-05-14", "day", "Tuesday"), ("ministry",), 1, 0, len(LONG)),
    Event("e2", "Minister flew to the capital", tv("2019-W19", "2019-05-06", "2019-05-12", "week", "last week"), (), 2),
    Event(
        "e3",
        "The consulate shut <quietly> & fast",
        tv("2018", "2018-09-01", "2018-12-31", "year", "late last year", "END"),
        (),
        3,
    ),
    Event("e4", "Unease mounted", tv(None, None, None, None, "days after the attack", "AFTER"), (), 4),
    Event("e5", "Prices rose in March", tv("2019-03", "2019-03-01", "2019-03-31", "month", "in March"), (), 5),
    Event("e6", "It recently expanded", tv(None, None, None, None, "recently", kind="vague"), (), 6),
)
BRIEFING = Briefing(article=ARTICLE, events=EVENTS)


def test_only_dated_events_in_chronological_order():
    assert [e.id for e in dated_events(BRIEFING)] == ["e3", "e5", "e2", "e1"]


def test_display_dates_at_their_precision():
    shown = {e.id: display_date(e.date) for e in EVENTS}
    assert shown == {
        "e1": "14 May 2019",
        "e2": "week of 6 May 2019",
        "e3": "late 2018",
        "e4": "undated",
        "e5": "March 2019",
        "e6": "undated",
    }
    assert display_date(tv("2018-Q4", "2018-10-01", "2018-12-31", "quarter", "the fourth quarter")) == "Q4 2018"


# ------------------------------------------------------------------ TimelineJS


def test_timelinejs_structure():
    data = timelinejs(BRIEFING)
    json.dumps(data)  # plain JSON
    assert data["title"]["text"]["headline"] == "Staff leave, embassy; consulate shut"
    events = data["events"]
    assert [e["unique_id"] for e in events] == ["e3", "e5", "e2", "e1"]
    for e in events:
        assert set(e) >= {"start_date", "text", "unique_id"}
        assert e["start_date"]["year"].isdigit()
        assert set(e["text"]) == {"headline", "text"}
    by_id = {e["unique_id"]: e for e in events}
    assert by_id["e1"]["start_date"] == {"year": "2019", "month": "5", "day": "14"}
    assert "end_date" not in by_id["e1"]
    assert by_id["e2"]["start_date"] == {"year": "2019", "month": "5", "day": "6"}
    assert by_id["e2"]["end_date"] == {"year": "2019", "month": "5", "day": "12"}
    assert by_id["e5"]["start_date"] == {"year": "2019", "month": "3"}  # a whole month at month precision
    # 'late 2018' is narrowed to Sep-Dec, so it is given by days
    assert by_id["e3"]["start_date"] == {"year": "2018", "month": "9", "day": "1"}
    assert by_id["e3"]["end_date"] == {"year": "2018", "month": "12", "day": "31"}
    assert by_id["e3"]["display_date"] == "late 2018"


def test_timelinejs_escapes_article_text_as_html():
    text = timelinejs(BRIEFING)["events"][0]["text"]["text"]
    assert "&lt;quietly&gt; &amp; fast" in text and "<quietly>" not in text
    assert "late last year" in text and "paragraph 3" in text


# ------------------------------------------------------------------ iCalendar


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_ics_crlf_and_folding():
    ics = icalendar(BRIEFING)
    assert ics.endswith("\r\n")
    assert "\n" not in ics.replace("\r\n", "")  # no bare line feeds
    physical = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical), "the long SUMMARY must be folded"
    summary = next(line for line in unfold(ics) if line.startswith("SUMMARY:The ministry"))
    assert summary == "SUMMARY:" + ical_escape(LONG)


def test_fold_never_splits_a_utf8_character():
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
        part.encode("utf-8").decode("utf-8")
    assert folded.replace("\r\n ", "") == line


def test_ical_escape():
    assert ical_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_ics_events_are_all_day_and_deterministic():
    ics = icalendar(BRIEFING)
    assert ics == icalendar(BRIEFING)
    lines = unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR" and "VERSION:2.0" in lines and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 4  # undated and only-ordered events stay out
    assert "DTSTART;VALUE=DATE:20190506" in lines and "DTEND;VALUE=DATE:20190513" in lines  # week: exclusive end
    assert "DTSTART;VALUE=DATE:20180901" in lines and "DTEND;VALUE=DATE:20190101" in lines
    assert lines.count("DTSTAMP:20190515T000000Z") == 4
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 4


def test_ics_without_publication_date_is_still_deterministic():
    b = replace(BRIEFING, article=replace(ARTICLE, published=None))
    assert icalendar(b) == icalendar(b)
    assert "DTSTAMP:20180901T000000Z" in unfold(icalendar(b))


def test_ics_parses_back():
    ical = pytest.importorskip("icalendar", reason="icalendar (test extra) not installed")
    cal = ical.Calendar.from_ical(icalendar(BRIEFING))
    events = {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}
    assert len(events) == 4
    day = events["test-article-e1@briefing"]
    assert day.decoded("DTSTART") == date(2019, 5, 14)
    assert day.decoded("DTEND") == date(2019, 5, 15)
    assert str(day["SUMMARY"]) == LONG
    week = events["test-article-e2@briefing"]
    assert (week.decoded("DTSTART"), week.decoded("DTEND")) == (date(2019, 5, 6), date(2019, 5, 13))
    # the parser leaves X- properties escaped as written, so compare the TEXT escaping itself
    assert "X-WR-CALNAME:Staff leave\\, embassy\\; consulate shut" in unfold(icalendar(BRIEFING))
