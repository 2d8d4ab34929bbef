"""Tense: which way from publication a time expression looks.

A calendar name without a year ('Tuesday', 'September', 'the third quarter', 'last
summer') is dated by the tense of the clause it stands in: ``resolve_weekday``,
``resolve_month``, ``resolve_day_of_month``, ``resolve_quarter`` and ``resolve_season``
look back for a past event (never dating it after publication) and ahead for a
future one. The tense comes from the spaCy parse (``tense_from_doc``: the governing
verb's tense, aspect, auxiliaries and modals) or, without one, from auxiliaries near
the phrase (``tense_from_text``); ``_points_ahead`` reads the words that put a time
after the event ('postponed until', 'effective').
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import wordset
from ..model import TimeValue
from .timex_calendar import _season_days, season_value

Tense = str | None  # "past", "present", "future" or None

# ------------------------------------------------------- resolving by direction


def _direction(tense: Tense) -> int:
    return {"past": -1, "future": 1}.get(tense or "", 0)


def resolve_weekday(dct: date, wd: int, tense: Tense) -> date:
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    direction = _direction(tense)
    # with no tense to go by, lean to the past by a day: news mostly reports what happened
    if direction < 0 or (direction == 0 and back <= fwd + 1):
        return dct - timedelta(days=back)
    return dct + timedelta(days=fwd)


def resolve_month(dct: date, m: int, tense: Tense) -> int:
    """The year of a bare month name.

    A past tense looks back ('was hit in September' in May is last September): a
    past event is never dated after publication. 'Gave it until January' looks ahead,
    but that is decided by the preposition before the month (:func:`find_timexes`).
    """
    back = (dct.month - m) % 12
    fwd = (m - dct.month) % 12
    direction = _direction(tense)
    # a past tense looks back, but not over the coming month: 'a cutback in September' in an
    # August article is this September, the clause's tense is often the reporting verb's
    if (direction < 0 and not 0 < fwd <= 1) or (direction == 0 and back <= fwd):
        return dct.year if m <= dct.month else dct.year - 1
    return dct.year if m >= dct.month else dct.year + 1


def resolve_day_of_month(dct: date, m: int, d: int, tense: Tense) -> date | None:
    candidates = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(y, m, d))
        except ValueError:
            continue
    if not candidates:
        return None
    # 'extended to Nov. 16' in an October article is this November although the verb is
    # in the past tense: find_timexes reads that from the preposition, not from here
    direction = _direction(tense)
    past = [c for c in candidates if dct - timedelta(days=366) < c <= dct]
    future = [c for c in candidates if c >= dct]
    soon = [c for c in future if (c - dct).days <= 45]
    if direction < 0 and past and not soon:  # a past event is not dated after publication
        return max(past)
    if direction > 0 and future:
        # 'will vote by March 3' in a text dated March 4 was written before the date, not a year ahead
        just_past = [c for c in past if (dct - c).days <= 7]
        return max(just_past) if just_past and (min(future) - dct).days > 300 else min(future)
    return min(candidates, key=lambda c: (abs((c - dct).days), c > dct))


def resolve_quarter(dct: date, q: int, tense: Tense) -> int:
    """The year of 'the third quarter'. The current and the last quarter win whatever the tense:
    results are announced, and expected, after a quarter ends ('expects to report a third-quarter loss')."""
    cur = (dct.month - 1) // 3 + 1
    back, fwd = (cur - q) % 4, (q - cur) % 4
    direction = _direction(tense)
    if back <= 1 or direction < 0 or (direction == 0 and back <= fwd):
        return dct.year if q <= cur else dct.year - 1
    return dct.year if q >= cur else dct.year + 1


def resolve_season(dct: date, s: str, rel: str, tense: Tense) -> TimeValue:
    """'last summer' is the latest summer over before publication, 'next winter' the first one not begun;
    a bare season is the one under way, else the nearer one in the tense's direction; 'this fall'
    said in April is the fall of the same year."""
    years = (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)
    days = {y: _season_days(y, s) for y in years}  # each year's season: first and last day
    over = [y for y in years if days[y][1] < dct]
    ahead = [y for y in years if days[y][0] > dct]
    if rel in ("last", "past"):
        return season_value(over[-1], s)
    if rel in ("next", "coming"):
        return season_value(ahead[0], s)
    current = [y for y in years if days[y][0] <= dct <= days[y][1]]
    if current:
        return season_value(current[0], s)
    if rel == "this":
        return season_value(dct.year, s)
    direction = _direction(tense)
    if direction < 0 or (direction == 0 and (days[ahead[0]][0] - dct) > (dct - days[over[-1]][1])):
        return season_value(over[-1], s)
    return season_value(ahead[0], s)


# ---------------------------------------------------------------- tense without a parse

_FUTURE_CUE = re.compile(
    r"\b(will|'ll|shall|going\s+to|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|plans?\s+to|expected\s+to|would)\b",
    re.I,
)
_PAST_CUE = re.compile(r"\b(was|were|had|did|said|\w+ed)\b", re.I)


def tense_from_text(text: str, start: int, end: int) -> Tense:
    """A fallback without a parse: auxiliaries in the same sentence."""
    left = text.rfind(".", 0, start) + 1
    right = text.find(".", end)
    right = right if right >= 0 else len(text)
    cues = [(m.start(), "future") for m in _FUTURE_CUE.finditer(text, left, right)]
    cues += [(m.start(), "past") for m in _PAST_CUE.finditer(text, left, right)]
    if not cues:
        return None
    return min(cues, key=lambda c: min(abs(c[0] - start), abs(c[0] - end)))[1]


_DEFER = None


def _points_ahead(text: str, start: int) -> bool:
    """A time after a verb of deferring and 'until' / 'to' / 'till' lies after the deferring:
    'postponed until Saturday', 'extended the deadline to Nov. 16', 'gave them until January';
    so does one right after a word that points ahead ('payable Dec. 7', 'effective Feb. 1')."""
    global _DEFER
    if _DEFER is None:
        from .timex_data import ahead_words, deferring_verbs

        verbs = "|".join(sorted(deferring_verbs(), key=len, reverse=True))
        ahead = "|".join(sorted(ahead_words(), key=len, reverse=True))
        _DEFER = re.compile(
            rf"(?:\b(?:{verbs})\w*\b(?:\s+[\w'’$.,-]+){{0,10}}?\s+(?:until|till|til|to|through|for)"
            rf"|\b(?:{ahead}))\s+(?:the\s+)?$",
            re.I,
        )
    return bool(_DEFER.search(text[max(0, start - 100) : start]))


# ---------------------------------------------------------------- tense from a parse

_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "would", "'d", "’d"}
_MODALS = {"could", "might", "may", "can", "should", "must", "ought"}
_REACHED = frozenset({"reach", "contact"})  # news style: "could not be reached for comment"
# Verbs whose time adjunct is the time of the planned thing: 'planned a rally on Saturday'.
_PLAN_VERBS = wordset("plan_verbs")


def tense_from_doc(doc, start: int, end: int) -> Tense:
    """Tense of the verb that governs the expression at [start, end) in ``doc``.

    Walks up from the expression to the first verb with a tense: 'will'/'would'
    or 'going to', an infinitive or a verb of planning make it future; a past-tense
    verb, auxiliary or bare participle ('the ruling announced Wednesday') makes it
    past; a present tense verb is 'present'. A possessive ("Wednesday's ruling")
    names a day independent of the clause's tense: None, so the nearer day wins.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # the possessive ends the expression ('Wednesday's'), not one inside a name ('New Year's Eve')
    if (
        span[-1].tag_ == "POS"
        or span[-1].dep_ == "case"
        or span[-1].i + 1 < len(doc)
        and doc[span[-1].i + 1].tag_ == "POS"
    ):
        return None
    before = span.start - 1
    if before >= 0 and doc[before].lower_ in ("on", "late", "early"):
        before -= 1
    if before >= 0 and doc[before].tag_ == "VBD" and doc[before].lemma_.lower() in wordset("speech_verbs"):
        # 'said on Tuesday they would inspect it': the day is the saying's, whatever the parse hangs it on
        return "past"
    tok = span.root
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.i not in range(span.start, span.end):
            t = _verb_tense(tok)
            if t:
                return None if t == _EITHER else t
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


# What _verb_tense says of a plan that may be over or ahead: the nearer day, and no verb further up decides
_EITHER = "either"


def _past_perfect(verb) -> bool:
    """'had been scheduled', 'had been due' (the copula's auxiliaries for an adjective)."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.dep_ == "acomp":
        words |= {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
    return "had" in words


def _clause_verb(tok):
    """The verb of the clause a word stands in: the word itself or the first verb above it."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _mandated(verb, auxes) -> bool:
    """A 'that' clause in the base form, what someone demands or orders be done ('ordered that the
    files be released', 'asked that she leave')."""
    if verb.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    if auxes:
        return all(a.lower_ == "be" and a.tag_ == "VB" for a in auxes)
    return verb.tag_ == "VB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _verb_tense(verb, depth: int = 0) -> Tense:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lower = {a.lower_ for a in auxes}
    if lower & _FUTURE_AUX:
        return "future"
    if "could" in lower and any(c.dep_ == "neg" for c in verb.children) and verb.lemma_.lower() in _REACHED:
        return "past"  # 'could not be contacted Saturday': an attempt made ('could not attend on Monday' looks ahead)
    if lower & _MODALS:
        # 'could have big consequences in November' looks ahead; 'could have done' looks back
        return "past" if verb.tag_ == "VBN" and "have" in lower else "future"
    if verb.lemma_.lower() in _PLAN_VERBS:
        if verb.dep_ == "acomp":  # 'had been due to close': the auxiliaries are the copula's
            lower |= {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        if "had" in lower or (verb.tag_ == "VBD" and not auxes):
            # 'had been scheduled to expire Friday', 'set Friday as the deadline', 'planned a service
            # for Saturday': a plan told in the past is as likely over as ahead: the nearer day wins
            return _EITHER
        if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod") and depth < 3:
            # 'a picnic planned for Saturday was called off', 'the fair set for May 3': a plan named
            # inside a clause that does not look ahead may be over: the nearer day
            clause = _clause_verb(verb.head)
            if clause is None or _verb_tense(clause, depth + 1) not in ("present", "future"):
                return _EITHER
        return "future"
    if verb.tag_ == "VB" and "to" in lower:
        # 'plans to visit on Friday' looks ahead; 'was due to expire Friday' may be either side
        head = verb.head if verb.head.i != verb.i else None
        if head is not None and depth < 3 and head.pos_ in ("VERB", "AUX", "ADJ"):
            head_tense = _verb_tense(head, depth + 1)
            plan = head.lemma_.lower() in _PLAN_VERBS
            if head_tense is None and head.pos_ == "ADJ" and not plan and head.head.i != head.i:
                # 'made it hard to ship boats into the winter': the tense is the clause's
                clause = _clause_verb(head.head)
                head_tense = _verb_tense(clause, depth + 1) if clause is not None else None
            if head_tense == "past" and not plan:
                return None
            if head_tense in (None, _EITHER) and plan and _past_perfect(head):
                return _EITHER  # 'had been set to close on Friday': the plan's own reading (the nearer day) holds
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        return "future"
    if _mandated(verb, auxes):
        return "future"  # 'ordered that the files be released by Thursday': after the order
    if any(a.tag_ == "VBD" or "Past" in a.morph.get("Tense") for a in auxes if a.lower_ != "to"):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past" if any(a.tag_ in ("VBZ", "VBP", "VBD") for a in auxes) else None
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl", "relcl", "amod"):
        return "past"  # 'the decision, announced Wednesday': a bare participle reports what was done
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        if verb.lower_ in ("says", "say"):
            return "past"  # reporting verbs in the present still report what happened
        return "present"
    return None
