"""The rule table of time expressions: each rule a compiled pattern and the value it produces.

Patterns are built from the vocabularies of generator/resources/en/timex_words.yml
(through generator/lexicon.py) and the holiday names of holidays.yml. Each rule is a
regex and a function (match, dct, tense) -> TimeValue | None, registered in ``RULES``
in order (on matches of equal length the earlier rule wins). ``normalise`` runs the
table on one phrase; find_timexes (timex.py) runs it over a paragraph, with the
patterns ``_YEAR_RANGE``, ``_SECOND_DAY`` and ``_A_UNIT`` read beside the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..lexicon import (
    THIRD_PERSON,
    alternation,
    month_numbers,
    pronouns,
    season_codes,
    season_names,
    weekday_numbers,
    wordlist,
    wordset,
    wordtable,
)
from ..model import TimeValue
from .timex_calendar import (
    HOLIDAYS,
    UNITS,
    _duration_value,
    _iso,
    _tv,
    century_value,
    day_value,
    decade_value,
    half_value,
    month_value,
    quarter_value,
    season_value,
    shift,
    unresolved,
    week_value,
    with_modifier,
    year_value,
)
from .timex_tense import (
    Tense,
    _direction,
    resolve_day_of_month,
    resolve_month,
    resolve_quarter,
    resolve_season,
    resolve_weekday,
)

# ---------------------------------------------------------------- vocabularies

# The calendar's names (words.yml): lower case, to the month's number and the weekday's (Monday 0).
MONTHS = month_numbers()
WEEKDAYS = weekday_numbers()
# Number words and the nouns of amounts (words.yml), and the article, which counts one ('a day').
_NUMBER_WORDS = wordtable("number_words")
NUMBERS = {"a": 1, "an": 1} | _NUMBER_WORDS | wordtable("amount_words")
ORDINALS = wordtable("ordinals")
SEASONS = season_codes()
PARTS_OF_DAY = wordtable("parts_of_day")
MOD_WORDS = wordtable("period_modifiers")
FREQUENCY_ADVERBS = wordtable("frequency_adverbs")


def _calendar_re(names: Sequence[str], abbreviations: Sequence[str] = (), optional_stop: bool = False) -> str:
    """Capitalised names, and abbreviations with their full stop (or also without), case-sensitive."""
    short = [a.capitalize() + "." for a in abbreviations]
    short += [a.capitalize() for a in abbreviations] if optional_stop else []
    # a whole word, a full name also as a plural ('Sundays'): 'Mar' starts neither 'Marsh' nor 'Mars'
    full = "(?:" + alternation([n.capitalize() for n in names]) + r")(?!(?!s\b)[A-Za-z])"
    return "(?-i:" + full + ("|(?:" + alternation(short) + ")(?![A-Za-z])" if short else "") + ")"


# Calendar words that are common words too (words.yml ambiguous_calendar_words): "May" alone is the
# modal verb as often as the month, only taken with a day, a year or a cue; 'Sun.', 'Sat.' and 'Wed.'
# are no weekday (a newspaper, a verb and a verb end sentences too); 'Mar', 'Jan' need their full stop.
_AMBIGUOUS = wordset("ambiguous_calendar_words")
_AMBIGUOUS_ABBREVIATIONS = _AMBIGUOUS & (wordset("month_abbreviations") | wordset("weekday_abbreviations"))
_MONTH_NAMES, _MONTH_SHORT = list(wordlist("months")), list(wordlist("month_abbreviations"))
_MONTH_RE = _calendar_re(_MONTH_NAMES, _MONTH_SHORT, optional_stop=True)
_MONTH_NOT_MAY = _calendar_re([m for m in _MONTH_NAMES if m not in _AMBIGUOUS], _MONTH_SHORT, optional_stop=True)
_MONTH_MAY = _calendar_re([m for m in _MONTH_NAMES if m in _AMBIGUOUS])
_WEEKDAY_NAME_RE = _calendar_re(list(wordlist("weekdays")))
_WEEKDAY_RE = _calendar_re(
    list(wordlist("weekdays")), [a for a in wordlist("weekday_abbreviations") if a not in _AMBIGUOUS]
)
_SEASON_RE = alternation(SEASONS)
# After 'the' or 'that' a season by its first name only: 'the fall' is as often a drop as a season.
_SEASON_AFTER_THE_RE = alternation(season_names().values())
_ONES = alternation(w for w, n in _NUMBER_WORDS.items() if n < 10)
_TEEN_WORDS = alternation(w for w, n in _NUMBER_WORDS.items() if 10 <= n < 20)
_TEENS = rf"(?:{_TEEN_WORDS})"
_TENS = rf"(?:{alternation(w for w, n in _NUMBER_WORDS.items() if n >= 20)})(?:[\s-](?:{_ONES}))?"
_NUMWORD = rf"{_TENS}|{_ONES}|{_TEEN_WORDS}|a\s+hundred|hundred|a\s+dozen|dozen|half\s+a|a\s+half"
_ORDINAL_RE = alternation(ORDINALS)
_ORDINAL_WORD_RE = alternation(w for w in ORDINALS if w.isalpha())
_NUM = (
    rf"(?:(?:(?<!\d)\d{{1,3}}(?:\.\d+|\s+1/2)?(?!\d)|{_NUMWORD}|(?:a\s+)?couple\s+of|a\s+few|several|few|many|some|a|an)"
    r"(?:\s+(?:more|additional|further|extra))?)"
)
_UNIT = rf"(?:{alternation([*UNITS, 'centurie'])})"  # 'centurie' + 's': the plural of 'century'
# 'a year and a half', 'two hours and a half': half a unit more
_HALF = r"(?:\s+and\s+a\s+half)"
# 'five business days', 'three straight weeks' (timex_words.yml)
_UNIT_QUALIFIER = rf"(?:(?:{alternation(wordlist('unit_qualifiers'))})[\s-]+)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# Before a period: the modifiers of one word but the comparatives ('early', 'mid', 'late'; 'earlier' and
# 'later' only stand before 'this' or 'next'), and those ending in 'of' ('the end of').
_MOD_ONE = alternation(w for w in MOD_WORDS if " " not in w and not w.endswith("er"))
_MOD = rf"(?:(?:{_MOD_ONE})-|{_MOD_ONE}|(?:the\s+)?(?:{alternation(w for w in MOD_WORDS if w.endswith(' of'))}))"
_DAYPART = rf"(?:{alternation(PARTS_OF_DAY)})"
_DAYPARTS = rf"(?:{alternation(p + 's' for p in PARTS_OF_DAY)})"  # 'on Tuesday nights'
# After 'the' and 'this' the parts of the day that are no unit of time ('this morning', not 'this night').
_DAYPART_NOT_UNIT = rf"(?:{alternation(p for p in PARTS_OF_DAY if p not in UNITS)})"

# ---------------------------------------------------------------- reading words


def _mod_of(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.lower().strip()).removeprefix("the ").rstrip("-")
    return MOD_WORDS.get(t)


def _number(text: str) -> float | None:
    """'two' -> 2, 'twenty four' -> 24, '3' -> 3, 'several' -> None (unknown amount)."""
    t = re.sub(r"[\s-]+", " ", text.lower().strip())
    t = re.sub(r"\s+(more|additional|further|extra)$", "", t)
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t)
    if re.fullmatch(r"\d+ 1/2", t):
        return float(t.split()[0]) + 0.5
    if t in ("a couple of", "a couple", "couple of"):
        return 2
    if t in ("half a", "a half"):
        return 0.5
    words = [w for w in t.split() if w not in ("a", "an")] or ["a"]
    if any(w not in NUMBERS for w in words):
        return None
    total = 0.0
    for w in words:
        n = NUMBERS[w]
        total = total * n if n == 100 and total else total + n
    return total


def _unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    return "century" if w in ("centurie", "century") else w


# ---------------------------------------------------------------- the rules
#
# Each rule is a regex and a function (match, dct, tense) -> TimeValue | None.
# find_timexes runs every rule over the text and keeps the longest non-overlapping
# matches; normalise(phrase) runs them with fullmatch.

Rule = tuple[str, re.Pattern, Callable[[re.Match, date | None, Tense], TimeValue | None]]
RULES: list[Rule] = []


def rule(name: str, pattern: str):
    def register(fn):
        # (?<!\w): a rule never starts inside a word ('know' holds 'now')
        RULES.append((name, re.compile(r"(?<!\w)(?:" + pattern + ")", re.I | re.X), fn))
        return fn

    return register


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday_num(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


@rule("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
def _iso_rule(m, dct, tense):
    try:
        return day_value(date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


@rule("numeric", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
def _numeric_rule(m, dct, tense):
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    mo, d = (b, a) if a > 12 else (a, b)  # US order unless the first number cannot be a month
    try:
        return day_value(date(y, mo, d))
    except ValueError:
        return None


def _day_month(dct, tense, mo: int, d: int, y: str | None, wd: str | None = None) -> TimeValue | None:
    if y:
        try:
            return day_value(date(int(y), mo, d))
        except ValueError:
            return None
    if dct is None:
        return unresolved(granularity="day")
    if wd:  # 'Saturday, April 25': the weekday tells the year
        for year in (dct.year, dct.year + 1, dct.year - 1):
            try:
                cand = date(year, mo, d)
            except ValueError:
                continue
            if cand.weekday() == _weekday_num(wd):
                return day_value(cand)
    found = resolve_day_of_month(dct, mo, d, tense)
    return day_value(found) if found else None


@rule(
    "day_month",
    rf"""(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mo>{_MONTH_RE})
         (?:,?\s+(?P<y>{_YEAR})\b)?""",
)
def _dmy_rule(m, dct, tense):
    return _day_month(dct, tense, _month_num(m["mo"]), int(m["d"]), m["y"], m["wd"])


@rule(
    "month_day",
    rf"""(?:(?P<wd>{_WEEKDAY_RE}),?\s+)?(?P<mo>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\d))
         (?:,?\s+(?P<y>{_YEAR})\b)?""",
)
def _mdy_rule(m, dct, tense):
    return _day_month(dct, tense, _month_num(m["mo"]), int(m["d"]), m["y"], m["wd"])


@rule("month_year", rf"(?:(?P<mod>{_MOD})\s*)?(?P<mo>{_MONTH_RE}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b")
def _month_year_rule(m, dct, tense):
    return with_modifier(month_value(int(m["y"]), _month_num(m["mo"])), _mod_of(m["mod"]))


_MAY_CUES = {
    "in",
    "since",
    "until",
    "by",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "of",
    "and",
    "or",
    "between",
}


def _possessed_name(m: re.Match) -> bool:
    """A bare month after an owner, with nothing after it that it could date ("the Farmers' March through
    Arden"; not "Vistacorp's March figures", the figures of March)."""
    before, after = m.string[: m.start()], m.string[m.end() :]
    if re.match(rf"\s*(?:,|and|or)\s+(?:{_MONTH_RE})\b", after):
        return False  # "Vistacorp's March and April sales": two months
    return bool(
        re.search(r"\w(?:'s|’s|s'|s’)\s+$", before)
        and re.match(r"\s*(?:$|[,.;:!?)]|(?:in|on|at|to|for|from|and|of|through|across|with)\b)", after)
    )


@rule(
    "month",
    rf"""(?:(?P<mod>{_MOD})\s*(?P<rel1>last|next|this)?\s*(?P<mo1>{_MONTH_RE})
        |(?P<rel2>last|next|this|past|coming)\s+(?P<mo2>{_MONTH_RE})
        |(?P<mo3>{_MONTH_NOT_MAY})
        |(?P<mo4>{_MONTH_MAY}))\b""",
)
def _month_rule(m, dct, tense):
    word = m["mo1"] or m["mo2"] or m["mo3"] or m["mo4"]
    if (m["mo3"] or m["mo4"]) and re.match(r"\s+(?:of|for|on|to)\s+(?:the\s+)?(?-i:[A-Z])", m.string[m.end() :]):
        return None  # 'the March for Life', 'the March of the Combatant Mothers': a march, a name
    if (m["mo3"] or m["mo4"]) and _possessed_name(m):
        return None  # "the Farmers' March through Eastbrook", "the People's May": an owner's march, a name
    if m["mo4"] and m.start() > 0:
        before = m.string[: m.start()].split()[-1:] or [""]
        if before[0].lower() not in _MAY_CUES:
            return None
    if (
        word.lower().rstrip(".") in _AMBIGUOUS_ABBREVIATIONS
        and not word.endswith(".")
        and word[0].isupper()
        and len(word) <= 3
    ):
        return None  # a capitalised abbreviation without its full stop is seldom a month
    if m["mo3"] and word.rstrip(".").lower() in wordset("month_abbreviations"):
        return None  # bare abbreviations ("Dec.") are too ambiguous without a day
    mo = _month_num(word)
    rel = (m["rel1"] or m["rel2"] or "").lower()
    mod = _mod_of(m["mod"])
    if dct is None:
        return unresolved(granularity="month", modifier=mod)
    if rel in ("last", "past"):
        y = dct.year if mo < dct.month else dct.year - 1
    elif rel in ("next", "coming"):
        y = dct.year if mo > dct.month else dct.year + 1
    elif rel == "this":
        y = dct.year
    else:
        y = resolve_month(dct, mo, tense)
    return with_modifier(month_value(y, mo), mod)


@rule(
    "quarter",
    rf"""(?:the\s+)?(?:(?:(?P<ago>year[\s-](?:ago|earlier)|prior[\s-]year|last\s+year['’]s)|(?P<ry>this|next)\s+year['’]s)[\s-]+(?=(?:{_ORDINAL_RE})[\s-]))?(?:(?P<which>{_ORDINAL_RE}|final|last|latest|current|this|next|past|previous|same|year-earlier|year-ago)[\s-]+)?
        (?:(?P<fiscal>fiscal|calendar)[\s-]+)?quarter(?!ly|-to-|[\s-]+(?:century|of\s+a\s+century|point|percentage|mile))
        (?:(?:\s+of|,)?\s+(?:fiscal\s+)?(?P<y>\d{{4}}))?""",
)
def _quarter_rule(m, dct, tense):
    which = (m["which"] or "").lower()
    text = m.group(0).lower()
    if not which and not m["y"] and not text.startswith("the "):
        return None  # a bare 'quarter' is usually 'a quarter of', a fraction
    if which in ORDINALS:
        q = ORDINALS[which]
        if m["y"]:
            return quarter_value(int(m["y"]), q)
        if dct is None:
            return unresolved(granularity="quarter")
        if m["ago"]:  # 'the year-ago third quarter': that quarter of the year before
            return quarter_value(resolve_quarter(dct, q, "past") - 1, q)
        if m["ry"]:  # 'this year's second quarter'
            return quarter_value(dct.year + (1 if m["ry"].lower() == "next" else 0), q)
        return quarter_value(resolve_quarter(dct, q, tense), q)
    if m["y"] and not which:
        return None
    if dct is None:
        return unresolved(granularity="quarter")
    if which in ("last", "previous", "past") and text.startswith("last"):
        return shift(dct, "quarter", -1)
    if which in ("this", "current"):
        return shift(dct, "quarter", 0)
    if which == "next":
        return shift(dct, "quarter", 1)
    if which in ("latest", "last", "past") and text.startswith("the"):
        # 'the latest quarter': the last one completed before publication (results follow a quarter's end)
        return shift(dct, "quarter", -1)
    return unresolved(granularity="quarter")  # 'the quarter', 'the same quarter': anaphoric


@rule("q_abbrev", r"(?-i:Q(?P<q>[1-4])|(?P<h>H[12]))(?:\s+(?P<y>\d{4}))?\b")
def _q_abbrev_rule(m, dct, tense):
    if m["h"]:
        return half_value(int(m["y"]), int(m["h"][1])) if m["y"] else unresolved(granularity="half")
    q = int(m["q"])
    if m["y"]:
        return quarter_value(int(m["y"]), q)
    return quarter_value(resolve_quarter(dct, q, tense), q) if dct else unresolved(granularity="quarter")


@rule(
    "half",
    r"""(?:the\s+)?(?P<which>first|second|latter|last)\s+half(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>this|last|next)\s+year|the\s+year))?""",
)
def _half_rule(m, dct, tense):
    h = 1 if m["which"].lower() == "first" else 2
    if m["y"]:
        return half_value(int(m["y"]), h)
    rel = (m["rel"] or "").lower()
    if not rel:
        return None if "year" not in m.group(0).lower() else unresolved(granularity="half")
    if dct is None:
        return unresolved(granularity="half")
    return half_value(dct.year + {"this": 0, "last": -1, "next": 1}[rel], h)


@rule(
    "season",
    rf"""(?:(?P<mod>early|mid-?|late)\s*)?(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<s>{_SEASON_RE})
        (?:(?:\s+of)?\s+(?P<y>\d{{4}}))?\b""",
)
def _season_rule(m, dct, tense):
    s = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    mod = _mod_of(m["mod"])
    if m["y"]:
        return with_modifier(season_value(int(m["y"]), s), mod)
    if not rel and not mod:
        return None  # 'the fall of the regime', 'summer' as a noun modifier
    if dct is None:
        return unresolved(granularity="season", modifier=mod)
    return with_modifier(resolve_season(dct, s, rel, tense), mod)


@rule("decade", r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<d>1[5-9]\d0|20[0-9]0)'?s\b")
def _decade_rule(m, dct, tense):
    return with_modifier(decade_value(int(m["d"])), _mod_of(m["mod"]))


@rule(
    "century",
    r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?P<c>1[0-9]|2[01])(?:st|nd|rd|th)[\s-]+century\b",
)
def _century_rule(m, dct, tense):
    return with_modifier(century_value(int(m["c"])), _mod_of(m["mod"]))


# The possessive determiners of the third person and of 'we' ('their 2019 results', 'our 2020 plan').
_POSSESSIVES = alternation(pronouns(*THIRD_PERSON, "first_plural", cases=("determiner",)))


@rule(
    "year",
    rf"""(?:(?P<mod>{_MOD})\s*)?(?:(?P<fiscal>fiscal|calendar|financial)(?:\s+year)?\s+)?(?<![$£€\d.,])(?P<y>{_YEAR})\b
         (?!\s*(?:%|percent|\.\d|,\d)|[-–]\d)""",
)
def _year_rule(m, dct, tense):
    y = int(m["y"])
    if m["fiscal"] is None and not (1800 <= y <= 2099):
        return None
    # '2009 votes' is a count, 'a 2009 analysis' and 'the 2016 elections' are years
    if re.match(r"\s+(?:[a-z]+s|people|men|women)\b", m.string[m.end() :]) and not m["mod"] and not m["fiscal"]:
        if not re.search(
            rf"\b(?:a|an|the|{_POSSESSIVES}|this|that|whose)\s+(?:(?:pre|post|mid)-)?$",
            m.string[: m.start()],
            re.I,
        ):
            return None
    return with_modifier(year_value(y), _mod_of(m["mod"]))


def _copula_near(m) -> bool:
    """A form of 'be' in the expression's sentence before it, or right after it ('stocks are up 3%
    this week', 'this week is the worst'): a state, read in the week ending, not an act ahead."""
    before = re.split(r"[.!?]\s", m.string[: m.start()])[-1]
    after = m.string[m.end() : m.end() + 6]
    be = r"\b(?:is|are|was|were|been|be)\b"
    return bool(re.search(be, before, re.I) or re.match(r"\s+(?:is|was)\b", after))


@rule(
    "relative",
    rf"""(?:(?P<mod>{_MOD}|earlier|later)\s+)?(?:the\s+)?(?P<rel>last|next|this|current|coming|past|previous|following|same)\s+
         (?P<unit>week|weekend|month|year|decade|century|fortnight)\b""",
)
def _relative_rule(m, dct, tense):
    rel, unit = m["rel"].lower(), m["unit"].lower()
    mod = _mod_of(m["mod"])
    text = m.group(0).lower()
    if rel in ("previous", "following", "same"):
        return unresolved(
            granularity=unit if unit in ("week", "month", "year") else None, modifier=mod
        )  # relative to another event
    if rel == "coming" and not m["mod"]:
        return TimeValue(
            value=_duration_value(1, unit), start=None, end=None, granularity=None, phrase="", kind="duration"
        )
    if dct is None:
        return unresolved(granularity=unit, modifier=mod)
    k = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if (
        (rel, unit) == ("this", "week")
        and dct.weekday() == 6
        and tense in ("present", "future")
        and not m["mod"]
        and not _copula_near(m)
    ):
        k = 1  # on a Sunday, 'makes its debut this week' looks at the week starting then (a past verb: the week ending)
    # '(this|the) past week': the seven days up to publication, named by the week that holds most of
    # them (the one of the fourth day back); 'last week' is the calendar week before.
    tv = week_value(dct - timedelta(days=3)) if (rel, unit) == ("past", "week") else shift(dct, unit, k)
    if tv is None:
        return None
    if text.startswith("earlier"):  # 'earlier this year': from the start of the period to publication
        return replace(tv, end=_iso(min(dct, date.fromisoformat(tv.end))), modifier="START")
    if text.startswith("later"):
        return replace(tv, start=_iso(max(dct, date.fromisoformat(tv.start))), modifier="END")
    return with_modifier(tv, mod)


@rule(
    "day_relative",
    rf"""(?:(?P<mod>early|late|earlier|later|mid-?(?:morning|afternoon|day))\s+)?(?:(?P<the>the\s+day\s+(?:before|after)\s+)?(?P<word>yesterday|today|tomorrow)|(?P<tonight>tonight)|(?P<lastnight>last\s+night)
        |(?P<this>this)\s+(?P<part1>{_DAYPART_NOT_UNIT}))(?:\s+(?P<part>{_DAYPART}))?\b""",
)
def _day_relative_rule(m, dct, tense):
    if dct is None:
        return unresolved(granularity="day")
    word = (m["word"] or "").lower()
    k = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(word, 0)
    if m["the"]:
        k += -1 if "before" in m["the"].lower() else 1
    if m["lastnight"]:
        k = -1
    tv = day_value(dct + timedelta(days=k))
    mid = bool(m["mod"]) and m["mod"].lower().startswith("mid")  # 'mid-morning yesterday': a part of the day
    mod = _mod_of(m["mod"]) if m["mod"] and not mid else None
    part = m["part"] or m["part1"] or m["tonight"] or m["lastnight"] or mid
    return replace(tv, modifier=mod, kind="time" if part else "date")


_NOT_NAME_WORDS = {"on", "by", "since", "until", "till", "last", "next", "this", "early", "late", "from", "and", "but",
                   "or", "before", "after", "every", "each", "through", "to", "at", "in", "that", "said", "says"}  # fmt: skip


def _in_a_name(m: re.Match) -> bool:
    """A weekday between 'the' or a capitalised word and another capitalised word is part of a name."""
    # A window, not the whole rest of the paragraph: the regexes below scanned it on every match.
    before, after = m.string[max(0, m.start() - 200) : m.start()], m.string[m.end() : m.end() + 200]
    prev = re.search(r"(\S+)\s+$", before)
    if not prev or not re.match(r"\s+(?-i:[A-Z])(?!r\b|rs\b|s\b)", after) or re.match(r"\s+" + _MONTH_RE, after):
        return False
    word = prev[1]
    return word.lower() == "the" or (word[:1].isupper() and word.lower().strip(",.") not in _NOT_NAME_WORDS)


@rule(
    "weekday",
    rf"""(?:(?P<mod>early|late|mid-?(?:morning|afternoon|day))\s+)?(?:(?P<rel>last|next|this|past|coming|the\s+previous|the\s+following|the\s+next)\s+)?
        (?P<wd>{_WEEKDAY_RE})(?:\s+(?P<part>{_DAYPART}))?\b""",
)
def _weekday_rule(m, dct, tense):
    if _in_a_name(m):
        return None  # 'the Sunday Times', 'the Good Friday Agreement': a weekday inside a name
    if re.match(
        rf"\s+(?:and|or)\s+{_WEEKDAY_NAME_RE}(?:s\b|\s+{_DAYPARTS}\b)",
        m.string[m.end() :],
    ):
        return None  # 'on Monday and Tuesday nights': every Monday night, a set
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if dct is None or rel.startswith("the "):
        return unresolved(granularity="day")  # 'the following Friday' counts from another event
    wd = _weekday_num(m["wd"])
    if rel in ("last", "past"):
        d = resolve_weekday(dct - timedelta(days=1), wd, "past")
    elif rel in ("next", "coming"):
        d = resolve_weekday(dct + timedelta(days=1), wd, "future")
    else:
        d = resolve_weekday(dct, wd, tense)
    mod = _mod_of((m["mod"] or "").split("-")[0]) if m["mod"] and not m["mod"].lower().startswith("mid") else None
    # 'early Thursday' is a part of a day as 'early yesterday' is: a date; 'mid-morning Thursday' names a time
    mid = bool(m["mod"]) and m["mod"].lower().startswith("mid")
    return replace(day_value(d), kind="time" if m["part"] or mid else "date", modifier=mod)


@rule(
    "ago",
    rf"""(?:(?P<approx>more\s+than|less\s+than|about|nearly|almost|some|roughly|around|over)\s+)?(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT})s?(?P<orso>\s+or\s+so)?\s+ago\b""",
)
def _ago_rule(m, dct, tense):
    unit = _unit_of(m["unit"])
    n = _number(m["n"])
    mod = "APPROX" if m["approx"] or m["orso"] else None
    if dct is None or n is None or n != int(n) or unit in ("second", "minute", "hour"):
        return unresolved(granularity=None, modifier=mod)
    n = int(n)
    if unit in ("day", "night"):
        tv = day_value(dct - timedelta(days=n))
    elif unit in ("week", "fortnight"):
        tv = week_value(dct - timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    else:
        tv = shift(dct, unit, -n)
    return replace(tv, modifier=mod) if tv and mod else tv


@rule(
    "clock",
    r"""(?:(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|(?P<h2>\d{1,2}):(?P<mi2>\d{2})(?!\d|[:.]\d)|(?P<noon>noon|midday|midnight(?!\s+(?:"""
    + alternation(wordlist("colour_terms"))
    + r""")\b)|(?<=at\s)midnight|(?<=by\s)midnight|(?<=until\s)midnight|(?<=before\s)midnight|(?<=after\s)midnight|(?<=past\s)midnight))
        (?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC)|local\s+time))?"""
    # the same time in another zone may stand between the time and its day: '9:40 a.m. (1440 GMT) Sunday'
    + r"""(?:\s+\(\d{1,2}(?::?\d{2})?(?:\s*[ap]\.m\.|\s*[ap]m)?(?:\s+[A-Za-z]{2,5})?\)(?=,?\s+\w))?"""
    + rf"""(?:,?\s+(?P<day>yesterday|today|tomorrow|{_WEEKDAY_RE}|{_MONTH_RE}\s+\d{{1,2}}(?:,\s+\d{{4}})?)\b)?""",
)
def _clock_rule(m, dct, tense):
    if m["noon"]:
        hh, mm = (24, 0) if m["noon"].lower() == "midnight" else (12, 0)
    else:
        hh, mm = int(m["h"] or m["h2"]), int(m["mi"] or m["mi2"] or 0)
        ampm = (m["ampm"] or "").lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        if ampm.startswith("a") and hh == 12:
            hh = 0
        if hh > 24 or mm > 59 or (not ampm and hh > 23):
            return None
        if m["h2"] and _after_a_name(m):
            return None  # 'Ephesians 5:11', 'Article 2:30': a chapter and verse, a reference, no time
    day = normalise(m["day"], dct, tense) if m["day"] else (day_value(dct) if dct else None)
    if day is None or day.value is None:
        return unresolved(kind="time", granularity="day")
    return replace(day, value=f"{day.value}T{hh:02d}:{mm:02d}", kind="time")


def _after_a_name(m) -> bool:
    """A bare 'H:MM' right after a capitalised word inside a sentence (not 'At 5:30 …') that is no
    weekday or month."""
    before = re.search(r"(?<=[a-z,;]\s)([A-Z][A-Za-z]+)\s+$", m.string[: m.start()])
    return before is not None and before[1].lower() not in WEEKDAYS and before[1].lower() not in MONTHS


@rule("clock_duration", r"(?<![\d:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?:\.(?P<f>\d+))?(?![\d:])")
def _clock_duration_rule(m, dct, tense):
    """'finished in 3:07:35' is a running time (PT3H7M35S), not a time of day."""
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"])
    parts = (
        (f"{h}H" if h else "")
        + (f"{mi}M" if mi else "")
        + (f"{sec}{'.' + m['f'] if m['f'] else ''}S" if sec or m["f"] else "")
    )
    return TimeValue(value=f"PT{parts or '0S'}", start=None, end=None, granularity=None, phrase="", kind="duration")


@rule(
    "set",
    rf"""(?:(?:every|each)\s+(?P<mo>{_MONTH_NOT_MAY}|{_MONTH_MAY})\b
        |(?P<wdp>{_WEEKDAY_NAME_RE})(?:s\b|\s+(?P<partp>{_DAYPARTS})\b
            |(?=\s+(?:and|or)\s+{_WEEKDAY_NAME_RE}(?:s\b|\s+(?P<partc>{_DAYPARTS})\b)))
        |(?P<qs>{_ORDINAL_WORD_RE})(?:[\s-]+quarters\b|(?=\s+(?:and|or)\s+(?:the\s+)?(?:{_ORDINAL_WORD_RE})[\s-]+quarters\b))
        |(?:every|each)\s+(?:other\s+)?(?:(?P<n>{_NUMWORD}|\d+)\s+)?(?P<unit>{_UNIT}|{_WEEKDAY_RE})s?
        |(?P<adv>{alternation(FREQUENCY_ADVERBS)})
        |(?P<times>once|twice|(?:{_NUMWORD}|\d+)\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>{_UNIT})
        |(?:the\s+)?(?:past|last|next|coming|previous)\s+(?:{_NUMWORD}|\d+)\s+(?P<seasons>{_SEASON_RE})s\b)""",
)
def _set_rule(m, dct, tense):
    if m["seasons"]:  # 'the last two winters': each winter of them (TIMEX3 XXXX-WI)
        code = SEASONS[m["seasons"].lower()]
        return TimeValue(value=f"XXXX-{code}", start=None, end=None, granularity=None, phrase="", kind="set")
    if m["mo"]:  # 'each July'
        return TimeValue(
            value=f"XXXX-{_month_num(m['mo']):02d}", start=None, end=None, granularity=None, phrase="", kind="set"
        )
    if m["qs"]:  # 'the second and fourth quarters' of every year
        return TimeValue(
            value=f"XXXX-Q{ORDINALS[m['qs'].lower()]}", start=None, end=None, granularity=None, phrase="", kind="set"
        )
    if m["wdp"]:  # 'on Mondays', 'Tuesday nights', 'on Monday and Tuesday nights'
        partword = m["partp"] or m["partc"]
        part = PARTS_OF_DAY[partword.lower()[:-1]] if partword else ""
        value = f"XXXX-WXX-{WEEKDAYS[m['wdp'].lower()] + 1}{'T' + part if part else ''}"
        return TimeValue(value=value, start=None, end=None, granularity=None, phrase="", kind="set")
    if m["adv"] and re.search(
        r"(?:\d|%|\bpercent|\baverage|\bunits)\s*$", m.string[max(0, m.start() - 12) : m.start()]
    ):
        return None  # a rate of a quantity ('rise 8.5% annually', 'average daily volume'), not a recurring time
    if m["adv"]:
        unit = FREQUENCY_ADVERBS[m["adv"].lower()]
        if unit == "year":  # 'annually': every year, TIMEX3 writes the year left open
            return TimeValue(value="XXXX", start=None, end=None, granularity=None, phrase="", kind="set")
        n = 1.0
    elif m["unit"]:
        word = m["unit"].rstrip(".").lower()
        if word in WEEKDAYS:
            return TimeValue(
                value=f"XXXX-WXX-{WEEKDAYS[word] + 1}", start=None, end=None, granularity=None, phrase="", kind="set"
            )
        unit = _unit_of(word)
        n = _number(m["n"]) if m["n"] else 1.0
        if "other" in m.group(0).lower() and n:
            n *= 2
    else:
        unit = _unit_of(m["unit2"])
        n = 1.0
    return TimeValue(value=_duration_value(n, unit), start=None, end=None, granularity=None, phrase="", kind="set")


# 'could one day house', 'hopes he one day': after a modal or a subject pronoun 'one day' is some day (timex_words.yml)
_SOME_DAY = re.compile(r"one\s+day", re.I)
_BEFORE_SOME_DAY = re.compile(
    rf"\b(?:{alternation([*wordlist('some_day_after'), *pronouns(cases=('subject',))])})\s+$", re.I
)


@rule(
    "duration",
    rf"""(?:(?P<the>the\s+)?(?P<rel>past|last|next|coming|first|previous|following|latest|final|same|recent)\s+|the\s+(?=\w+\s+\w+s\b))?
        (?:(?P<approx>more\s+than|less\s+than|fewer\s+than|about|nearly|almost|over|at\s+least|up\s+to|roughly|around|approximately|some)\s+)?
        (?P<n>{_NUM})[\s-]+{_UNIT_QUALIFIER}?(?P<unit>{_UNIT})s?(?P<half>{_HALF})?(?P<tail>[\s-]+long|[\s-]+old)?\b(?P<of>(?=\s+of\b))?(?!\s+(?:ago|earlier|later))""",
)
def _duration_rule(m, dct, tense):
    unit = _unit_of(m["unit"])
    tail = (m["tail"] or "").strip(" -").lower()
    if tail == "old" or (unit == "quarter" and (m["of"] is not None or "-" in m.group(0))):
        return None  # ages ('a 44-year-old') and fractions ('three-quarters of') are no time
    nword = m["n"].lower()
    n = _number(m["n"])
    if _SOME_DAY.fullmatch(m.group(0)) and _BEFORE_SOME_DAY.search(m.string[: m.start()]):
        return unresolved(kind="vague")  # 'it could one day house': some day, not a day's length
    if (m["rel"] or "").lower() in ("past", "last") and nword in ("few", "several", "a few"):
        return unresolved(kind="vague")  # 'the last few months': some time before now (TIMEX3 PAST_REF)
    if nword in ("a", "an") and not (m["rel"] or m["approx"] or m["half"]):
        return None  # 'a year' alone: left to the contextual check in find_timexes
    if m["half"] and n is not None:
        n += 0.5
    if nword in ("some", "many", "few") and not m.group(0).lower().rstrip().endswith("s"):
        return None
    kw: dict = {}
    if m["approx"]:
        a = m["approx"].lower()
        kw["modifier"] = (
            "MORE_THAN"
            if a in ("more than", "over")
            else "LESS_THAN"
            if a in ("less than", "fewer than")
            else "EQUAL_OR_MORE"
            if a == "at least"
            else "EQUAL_OR_LESS"
            if a == "up to"
            else "APPROX"
        )
    return TimeValue(
        value=_duration_value(n, unit), start=None, end=None, granularity=None, phrase="", kind="duration", **kw
    )


# Plural units read alone ('for years'); two joined are one vague length, as long as the first ('days or weeks')
_BARE_UNITS = r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_AROUND_AN_EVENT = re.compile(rf"\s+(?:{alternation(wordlist('around_an_event'))})\b", re.I)


@rule(
    "bare_units",
    rf"""(?:(?P<the>the\s+)?(?P<rel>past|last|next|coming|recent)\s+)?(?P<unit>{_BARE_UNITS})\b(?![\s-]+old\b)
        (?:\s+(?:or|and)\s+(?:{_BARE_UNITS})\b(?![\s-]+old\b))?""",
)
def _bare_units_rule(m, dct, tense):
    rel = (m["rel"] or "").lower()
    unit = _unit_of(m["unit"])
    if rel == "recent":
        return unresolved(kind="vague")
    if not rel and _THE_BEFORE.search(m.string[: m.start()]) and _AROUND_AN_EVENT.match(m.string[m.end() :]):
        return unresolved(granularity=None)  # 'the months before a launch': a time around an event, not a length
    return TimeValue(
        value=_duration_value(None, unit), start=None, end=None, granularity=None, phrase="", kind="duration"
    )


@rule(
    "a_while",
    r"(?<=for\s)(?:a\s+(?:long\s+|short\s+|little\s+)?while|some\s+time)\b(?!\s+(?:ago|now|later|earlier|before|after)\b)",
)
def _a_while_rule(m, dct, tense):
    """'for a while', 'for some time': a length not given (TIMEX3 PXX)."""
    return TimeValue(value="PXX", start=None, end=None, granularity=None, phrase="", kind="duration")


@rule(
    "vague",
    r"""(?:recently|currently|nowadays|lately|presently|now|at\s+present|these\s+days|recent|(?:then[\s-]+)?current
        |(?:the\s+)?(?:near|distant|immediate|foreseeable)\s+future|the\s+future|the\s+past
        |the\s+(?:near|short|long)\s+term|(?<!as\s)soon(?!\s+(?:as|after|afterwards?)\b))\b(?!-)""",
)
def _vague_rule(m, dct, tense):
    # 'soon' is a time only where the clause looks ahead ('will soon seek'); 'was soon released', 'soon after'
    # and 'as soon as' tell an order or a manner
    if m.group(0).lower() == "soon" and tense != "future":
        return None
    return unresolved(kind="vague")


_SPOKEN_YEAR = (
    rf"(?:(?:the\s+year\s+)?(?:nineteen|eighteen)[\s-]+(?:{_TENS}|{_TEENS}|oh[\s-](?:{_ONES}))"
    rf"|the\s+year\s+two\s+thousand(?:\s+and)?(?:\s+(?:{_ONES}|{_TEENS}))?)"
)
# The decades in words are the tens' plurals ('twenty' -> 'twenties').
DECADE_WORDS = {w[:-1] + "ies": n // 10 for w, n in _NUMBER_WORDS.items() if n >= 20}


def spoken_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'the year two thousand' -> 2000 (broadcast transcripts spell years out)."""
    t = re.sub(r"[\s-]+", " ", text.lower()).removeprefix("the year ").strip()
    if t.startswith("two thousand"):
        rest = t.removeprefix("two thousand").removeprefix(" and").strip()
        n = _number(rest) if rest else 0
        return 2000 + int(n) if n is not None else None
    head, _, rest = t.partition(" ")
    rest = rest.removeprefix("oh ")
    century = {"nineteen": 1900, "eighteen": 1800}.get(head)
    n = _number(rest)
    return century + int(n) if century and n is not None and n < 100 else None


@rule(
    "spoken_year",
    rf"(?:(?P<mo>{_MONTH_RE})\s+|(?:the\s+)?(?P<s>{_SEASON_RE})\s+of\s+)?(?P<y>{_SPOKEN_YEAR})\b",
)
def _spoken_year_rule(m, dct, tense):
    y = spoken_year(m["y"])
    if y is None:
        return None
    if m["s"]:  # 'the winter of nineteen eighty-two'
        return season_value(y, SEASONS[m["s"].lower()])
    return month_value(y, _month_num(m["mo"])) if m["mo"] else year_value(y)


@rule(
    "decade_words",
    rf"the\s+(?:(?P<mod>early|mid-?|late)[\s-]*)?(?:nineteen[\s-])?(?P<d>{alternation(DECADE_WORDS)})\b",
)
def _decade_words_rule(m, dct, tense):
    return with_modifier(decade_value(1900 + 10 * DECADE_WORDS[m["d"].lower()]), _mod_of(m["mod"]))


@rule("month_rel_year", rf"(?P<mo>{_MONTH_RE})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b")
def _month_rel_year_rule(m, dct, tense):
    if dct is None:
        return unresolved(granularity="month")
    return month_value(dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()], _month_num(m["mo"]))


@rule(
    "year_quarter",
    rf"(?:the\s+)?(?P<y>{_YEAR})[\s-]+(?:(?P<which>{_ORDINAL_RE})[\s-]+)?(?:fiscal\s+)?(?P<unit>quarter|period|half)\b",
)
def _year_quarter_rule(m, dct, tense):
    which = (m["which"] or "").lower()
    if which and m["unit"].lower() == "quarter":
        return quarter_value(int(m["y"]), ORDINALS[which])
    if which and m["unit"].lower() == "half" and ORDINALS[which] <= 2:
        return half_value(int(m["y"]), ORDINALS[which])
    return unresolved(
        granularity="quarter" if m["unit"].lower() == "quarter" else None
    )  # which part of the year: anaphoric


@rule(
    "year_end",
    r"(?:(?P<rel>this|last|next)\s+)?(?:year[\s-]end|year's\s+end|the\s+end\s+of\s+(?:the|this|next|last)\s+year)\b",
)
def _year_end_rule(m, dct, tense):
    if dct is None:
        return unresolved(granularity="year", modifier="END")
    text = m.group(0).lower()
    k = -1 if "last" in text else 1 if "next" in text else 0
    return with_modifier(year_value(dct.year + k), "END")


def _holiday_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace("’", "").replace("'", ""))


_HOLIDAY_KEYS = {_holiday_key(name): fn for name, fn in HOLIDAYS.items()}
_HOLIDAY_RE = "|".join(
    re.escape(h).replace("'", "['’]?").replace(r"\ ", r"\s+") for h in sorted(HOLIDAYS, key=len, reverse=True)
)


_ON_THE_DAY = re.compile(rf"\b(?:{alternation(wordlist('on_the_day_words'))})\s+(?:the\s+)?$", re.I)


@rule(
    "holiday",
    rf"(?P<h>(?=(?-i:[A-Z]))(?:{_HOLIDAY_RE}))(?:\s+(?P<y>{_YEAR}))?\b(?!\s+(?:week|season|holiday|holidays|break|period)\b|\s+(?-i:[A-Z]))",
)
def _holiday_rule(m, dct, tense):
    fn = _HOLIDAY_KEYS[_holiday_key(m["h"])]
    if m["y"]:
        return day_value(fn(int(m["y"])))
    if dct is None:
        return unresolved(granularity="day")
    candidates = [fn(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    direction = _direction(tense)
    # 'collided on Halloween': a past event on the holiday is never after publication; one a past
    # clause is for or before ('hired staff for Christmas') may lie ahead, within half a year
    when = _ON_THE_DAY.search(m.string[: m.start()])
    past = [c for c in candidates if c <= dct and (when or c >= dct - timedelta(days=183))]
    future = [c for c in candidates if c >= dct]
    if direction < 0 and past:
        return day_value(max(past))
    if direction > 0 and future:
        return day_value(min(future))
    return day_value(min(candidates, key=lambda c: abs((c - dct).days)))


@rule(
    "day_around",
    rf"""(?:the\s+)?day\s+(?P<ba>before|after)\s+(?P<inner>(?:(?:last|next|this)\s+)?{_WEEKDAY_RE}
        |{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?|yesterday|today|tomorrow)\b""",
)
def _day_around_rule(m, dct, tense):
    """'the day after last Friday', 'the day after May 3': a day next to a day the text names."""
    inner = normalise(re.sub(r"\s+", " ", m["inner"]), dct, tense)
    if inner is None or inner.value is None or inner.granularity != "day":
        return unresolved(granularity="day")
    return day_value(date.fromisoformat(inner.value[:10]) + timedelta(days=1 if m["ba"].lower() == "after" else -1))


@rule("period_end", r"the\s+(?P<which>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>week|month)\b")
def _period_end_rule(m, dct, tense):
    if dct is None:
        return unresolved(granularity=m["unit"].lower())
    tv = shift(dct, m["unit"].lower(), 0)
    return with_modifier(tv, _mod_of(m["which"] + " of"))


@rule(
    "fiscal_year",
    r"the\s+(?:(?:current|latest|previous|prior|full|same)\s+)?(?:(?:fiscal|financial|calendar|full)\s+)year\b",
)
def _fiscal_year_rule(m, dct, tense):
    if _ENDED.match(m.string[m.end() :]):  # 'the fiscal year ended June 30': a year's length, as 'the year ended'
        return TimeValue(value="P1Y", start=None, end=None, granularity=None, phrase="", kind="duration")
    return unresolved(granularity="year")  # which fiscal year depends on the company: not guessed


_ENDED = re.compile(r"\s+(?:ended|ending)\b")


@rule("week_of", rf"the\s+week\s+of\s+(?P<date>(?P<mo>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:,\s+(?P<y>{_YEAR}))?)\b")
def _week_of_rule(m, dct, tense):
    day = _day_month(dct, tense, _month_num(m["mo"]), int(m["d"]), m["y"])
    if day is None or day.value is None:
        return unresolved(granularity="week")
    return week_value(date.fromisoformat(day.value))


@rule(
    "the_period",
    r"(?:(?:earlier|later)\s+in\s+)?the\s+(?:week|month|year)\b(?![\s-]+(?:earlier|ago|before|end|old|long|two)\b|-)",
)
def _the_period_rule(m, dct, tense):
    """'the year', 'earlier in the year': the period under way, dated in timex_anchor;
    'the year ended March 31' is a year's length (a fiscal year), P1Y."""
    unit = m.group(0).split()[-1].lower()
    if _ENDED.match(m.string[m.end() :]):
        return TimeValue(
            value=_duration_value(1, unit), start=None, end=None, granularity=None, phrase="", kind="duration"
        )
    return unresolved(granularity=unit)


@rule("the_weekend", r"the\s+weekend\b")
def _the_weekend_rule(m, dct, tense):
    if dct is None:
        return unresolved(granularity="week")
    sat = resolve_weekday(dct, 5, tense if tense in ("past", "future") else "past")
    y, w, _ = sat.isocalendar()
    return _tv(f"{y}-W{w:02d}-WE", sat, sat + timedelta(days=1), "week")


@rule("the_season", rf"the\s+(?P<s>{_SEASON_AFTER_THE_RE})\b(?!\s+of\b)")
def _the_season_rule(m, dct, tense):
    if m["s"][:1].isupper() and re.match(r"\s+[A-Z]", m.string[m.end() :]):
        return None  # 'the Winter Games', 'the Spring Fair': a season in a name
    if dct is None:
        return unresolved(granularity="season")
    return resolve_season(dct, SEASONS[m["s"].lower()], "", tense)


@rule(
    "anaphoric",
    rf"""(?:(?:that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+prior|the\s+preceding)\s+
            (?:day|week|weekend|month|year|quarter|{_DAYPART}|{_SEASON_AFTER_THE_RE})
        |(?:earlier|later)\s+that\s+(?:day|week|month|year|{_DAYPART})
        |(?P<n>{_NUM})[\s-]+(?:{_UNIT})s?{_HALF}?\s+(?:earlier|later)
        |year[\s-](?:earlier|ago)(?:\s+(?:period|quarter))?|the\s+year[\s-](?:earlier|ago)\s+(?:period|quarter|year|month)
        |the\s+(?:latest|same|comparable|prior|previous)\s+(?:period|quarter|year-ago\s+(?:period|quarter)))\b""",
)
def _anaphoric_rule(m, dct, tense):
    """Times relative to another event ('the following day', 'a year earlier'): found, never dated."""
    return unresolved(granularity=None)


@rule("part_of_day", rf"(?:(?P<mod>early|late)\s+)?the\s+(?P<part>{_DAYPART_NOT_UNIT})\b")
def _part_of_day_rule(m, dct, tense):
    return unresolved(kind="time", granularity="day")


# ---------------------------------------------------------------- one phrase


def normalise(phrase: str, dct: date | None, tense: Tense = None) -> TimeValue | None:
    """Normalise one time expression as written; None when the phrase is not one ('we')."""
    text = phrase.strip()
    for _name, pattern, fn in RULES:
        m = pattern.fullmatch(text)
        if m:
            tv = fn(m, dct, tense)
            if tv is not None:
                return replace(tv, phrase=phrase)
    return None


# ---------------------------------------------------------------- patterns find_timexes reads beside the rules

_YEAR_RANGE = re.compile(rf"(?<![\w$£€.,/-])(?P<y1>{_YEAR})\s*[-–—/]\s*(?P<y2>{_YEAR}|\d{{2}})(?![\w%/-]|\.\d|,\d)")


_SECOND_DAY = re.compile(
    rf"(?<!\w)(?P<mo>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|or|&)\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\d|\.\d))(?:,?\s+(?P<y>{_YEAR})\b)?"
)


_A_UNIT = re.compile(
    r"\b(?:for|in|within|over|about|nearly|almost|than|of|after|before|by|only|just)\s+(?P<tv>an?\s+(?:year|month|week|day|decade|hour|minute)s?)\b(?!\s+(?:ago|earlier|later))",
    re.I,
)
