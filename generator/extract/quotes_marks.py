"""Quotation marks: pairing them, paragraph by paragraph, without spaCy.

Double marks open and close quotations: curly, straight, low-9 and
guillemets, and the two-character forms of archive and typeset text (two
apostrophes for both ends, as some newspaper archives print them, and two
backticks to open). Single marks are left alone where an article uses
double ones, because ’ is also the apostrophe ("Kenya’s", "don’t",
"players’") and a guess there would split quotes. An article with no double
marks at all that opens quotations with ‘ (the house style of some British
papers) has its single marks paired: ’ closes only where it cannot be an
apostrophe (not before a letter, not after a space, not a plural possessive
as in "the players’ union").

A quotation still open at the end of a paragraph runs on into the next one
only when the next paragraph shows it (it starts with an opening mark, the
newspaper convention, or its first mark is a closing one). Any other unclosed
or stray mark is reported as a problem and yields no quotation: refusing
beats guessing where a quote ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..lexicon import pronouns

OPENERS = "“„‟«"
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
# Characters after which a straight mark reads as an opening one.
_OPEN_BEFORE = " \t\n([{—–-/:;,"
# A mark: one character, two apostrophes (three when a single quotation
# nested inside begins or ends at the same place), or two backticks.
_MARK_RE = re.compile("'{2,3}|``|[" + re.escape(MARKS) + "]")


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch of a paragraph, marks excluded."""

    paragraph: int
    open: int
    """Offset of the opening mark; -1 when the quote runs on from the previous paragraph without one."""
    close: int
    """Offset of the closing mark; len(paragraph) when it runs on into the next paragraph."""
    runs_on: bool = False
    """The quotation continues in the next paragraph."""
    continued: bool = False
    """This piece continues a quotation from the previous paragraph."""
    open_width: int = 1
    close_width: int = 1
    """How many characters the marks take: 2 for two apostrophes or backticks."""

    @property
    def start(self) -> int:
        return self.open + self.open_width

    @property
    def end(self) -> int:
        return self.close

    @property
    def after(self) -> int:
        """Offset just past the closing mark."""
        return self.close + self.close_width


_SINGLE_OPEN_BEFORE = ' \t\n([{—–-/:;,“"'


# A quotation in straight single marks that cannot be read otherwise: opening before a capital at
# a paragraph's or a clause's start, closing after its sentence's punctuation ("'We are sorry,'
# Roe said.", "Roe said: 'We are sorry.'").
_STRAIGHT_SINGLE_QUOTE = re.compile(r"(?:^|(?<=[\s:(—–-]))'[A-Z\[.…][^\n]*?[.,!?]'(?=[\s)]|$)")
STRAIGHT_SINGLE_MIN = 2
_DOUBLE_QUOTED = re.compile(r'“[^”]*”|"[^"\n]*"|\'\'.*?\'\'')
_ELISIONS = (
    "em",
    "til",
    "cause",
    "tis",
    "twas",
    "n",
)  # 'em, 'til, 'tis: an apostrophe, no opening mark  # such quotations an article needs before its straight single marks are quotation marks


def uses_single_marks(paragraphs: tuple[str, ...] | list[str]) -> str:
    """How the article quotes with single marks: 'curly' (‘…’, when it has no double marks and opens
    a single one before a word), 'straight' ('…', the house style of some web papers: at least
    two quotations that can only be so read, and no more double marks than them, which then are
    quotations inside them), or '' (single marks are apostrophes)."""
    doubles = sum(len(_MARK_RE.findall(p)) for p in paragraphs)
    # (Quotations in single marks inside double ones are nested quotations, not the house style.)
    straight = sum(len(_STRAIGHT_SINGLE_QUOTE.findall(_DOUBLE_QUOTED.sub(" ", p))) for p in paragraphs)
    if straight >= STRAIGHT_SINGLE_MIN and doubles / 2 < straight:
        return "straight"
    if doubles:
        return ""
    curly = any(
        (i == 0 or p[i - 1] in _SINGLE_OPEN_BEFORE) and p[i + 1 : i + 2].isalpha()
        for p in paragraphs
        for i, ch in enumerate(p)
        if ch == "‘"
    )
    return "curly" if curly else ""


def _single_marks(text: str, straight: bool = False) -> list[tuple[int, int, str]]:
    opening, closing = ("‘'", "’'") if straight else ("‘", "’")
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in opening and before in _SINGLE_OPEN_BEFORE and not after.isspace() and not after.isdigit():
            word = re.match(r"[A-Za-z]*", text[i + 1 :])
            if (text[i + 2 : i + 3] in closing and text[i + 3 : i + 4] in (" ", "")) or (
                ch == "'" and word is not None and word.group(0).lower() in _ELISIONS
            ):
                continue  # 'rock ‘n’ roll', "round 'em up"
            out.append((i, 1, "open"))
        elif ch in closing and not after.isalnum() and not before.isspace() and text[i - 2 : i - 1] not in opening:
            if before == "s" and after == " " and _possessed(text[i + 2 :]):
                continue  # 'the players’ union': a plural possessive
            out.append((i, 1, "close"))
    return out


# Words that do not follow a plural possessive: after 'cuts’ and', the mark closes. Function words,
# and the personal pronouns' subject forms ('the players’ they').
_NOT_POSSESSED = frozenset(
    "and or but nor as in on to for with at by from of that which who is was were are be been "
    "said says say told added than then so if when while".split()
) | pronouns(cases=("subject",))


def _possessed(rest: str) -> bool:
    word = rest.split(maxsplit=1)[0].strip(".,;:!?") if rest.split() else ""
    return word.islower() and word not in _NOT_POSSESSED


def _marks(text: str, single: str = "") -> list[tuple[int, int, str]]:
    """(offset, width, role) of every quotation mark in the text.

    Of three apostrophes, the double mark is the first two when they open
    (a single quotation nested at the start) and the last two when they close.
    With `single`, ‘ and ’ are marks too, and ' with 'straight' (see :func:`uses_single_marks`).
    """
    out = _single_marks(text, single == "straight") if single else []
    for m in _MARK_RE.finditer(text):
        i, width = m.start(), len(m.group())
        role = _mark_role(text, i, width)
        if width == 3:
            out.append((i + 1, 2, role) if role == "close" else (i, 2, role))
        else:
            out.append((i, width, role))
    return sorted(out)


def _mark_role(text: str, i: int, width: int = 1) -> str:
    """'open', 'close' or 'either' for the mark at text[i : i + width]."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if ch == "`":
        return "open"
    # Curly marks typed the wrong way round ('called it “abhorrent“ in'):
    # a mark glued to the end of a word and followed by a space closes.
    if ch in OPENERS:
        return "close" if (before.isalnum() or before in ".,!?") and (after.isspace() or after in ".,;:!?") else "open"
    if ch in CLOSERS:
        return "open" if before.isspace() and after.isalnum() else "close"
    if before in _OPEN_BEFORE and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-'’" or i + width == len(text):
        return "close"
    return "either"


_Mark = tuple[int, int]  # (offset, width)
# A sentence's end, then the space before the next sentence's opening mark.
_SENTENCE_END = re.compile(r"[.!?…][’'”)]?\s+$")


def _family(text: str, i: int) -> str:
    """Marks of one family pair with each other: curly, straight, guillemets, doubled."""
    ch = text[i]
    if ch in "‘’" or (ch == "'" and text[i + 1 : i + 2] != "'"):
        return "single"  # a lone straight mark is one only when the article quotes so (`_single_marks`)
    if ch in "“”„‟":
        return "curly"
    if ch in "«»":
        return "guillemet"
    return "straight" if ch == STRAIGHT else "doubled"


class _Scan(NamedTuple):
    pairs: list[tuple[_Mark, _Mark]]
    open_at: _Mark | None
    """The last opener left unclosed."""
    stray_close: _Mark | None
    """The first closer with nothing open: it may close a quote begun in the previous paragraph."""
    problems: list[tuple[int, str]]
    first: int
    """Offset of the paragraph's first mark, -2 when it has none."""


def _scan(text: str, single: str = "") -> _Scan:
    """Pair the marks of one paragraph.

    Inside an open quotation, a mark of another family that can only open
    starts a quotation nested in it ('"She said “no” twice"'): the marks up
    to its closing one belong to the outer quotation.
    """
    pairs: list[tuple[_Mark, _Mark]] = []
    problems: list[tuple[int, str]] = []
    open_at: _Mark | None = None
    nested: str | None = None  # family of a quotation open inside the current one
    stray_close: _Mark | None = None
    collapsed = False  # the paragraph runs together several paragraphs of one quotation
    marks = _marks(text, single)
    for i, width, role in marks:
        if open_at is None:
            if role == "close" and width == 1 and text[i] in "’'":
                continue  # a closing single mark with nothing open is an apostrophe
            if role == "close" and not pairs and stray_close is None:
                stray_close = (i, width)
            elif role == "close":
                problems.append((i, "closing quotation mark with no opening mark"))
            else:
                open_at = (i, width)
            continue
        family, open_family = _family(text, i), _family(text, open_at[0])
        if nested is not None:
            if family == nested and role != "open":
                nested = None
        elif role == "open" and family != open_family:
            nested = family
        elif family != open_family and "single" in (family, open_family):
            continue  # single and double marks never close each other
        elif role == "open" and (
            (text[i] in OPENERS and text[open_at[0]] in OPENERS) or (text[i] == text[open_at[0]] and text[i] in "‘'")
        ):
            # Two openers in a row: the first was never closed.
            problems.append((open_at[0], "unclosed quotation mark"))
            open_at = (i, width)
        elif role == "open" and text[i] == text[open_at[0]] == STRAIGHT and _SENTENCE_END.search(text[:i]):
            # '"We ran. "Then it flipped.': paragraphs of one quotation, each opening with a
            # mark and none closed but the last (the newspaper convention), run together into
            # one paragraph by a crawl. Each piece ends where the next one opens.
            pairs.append((open_at, (len(text[:i].rstrip()), 0)))
            collapsed = True
            open_at = (i, width)
        else:
            pairs.append((open_at, (i, width)))
            open_at = None
    if collapsed and open_at is not None and _SENTENCE_END.search(text.rstrip() + " "):
        # The last piece of such a run: its closing mark is the one the crawl lost with the breaks.
        pairs.append((open_at, (len(text.rstrip()), 0)))
        open_at = None
    return _Scan(pairs, open_at, stray_close, problems, marks[0][0] if marks else -2)


class MarkProblem(NamedTuple):
    """A quotation mark that could not be paired: its paragraph (from 1), offset and what is wrong."""

    paragraph: int
    offset: int
    message: str

    def __str__(self) -> str:
        return f"paragraph {self.paragraph}, offset {self.offset}: {self.message}"


def find_quote_spans(paragraphs: tuple[str, ...] | list[str]) -> tuple[list[QuoteSpan], list[MarkProblem]]:
    """Every paired quotation in the paragraphs, and the problems found (``str(problem)`` reads
    ``"paragraph 3, offset 17: unclosed quotation mark"``)."""
    single = uses_single_marks(paragraphs)
    scans = [_scan(p, single) for p in paragraphs]
    spans: list[QuoteSpan] = []
    problems: list[MarkProblem] = []
    carried = False  # the previous paragraph ended inside a quotation
    for n, (text, (pairs, open_at, stray_close, probs, _)) in enumerate(zip(paragraphs, scans, strict=True), start=1):
        local = list(probs)
        if stray_close is not None:
            if carried:
                spans.append(QuoteSpan(n, -1, stray_close[0], continued=True, close_width=stray_close[1]))
            else:
                local.append((stray_close[0], "closing quotation mark with no opening mark"))
        for (o, ow), (c, cw) in pairs:
            spans.append(QuoteSpan(n, o, c, open_width=ow, close_width=cw))
        if text.strip():
            carried = False
        else:
            continue  # a paragraph left out (a caption between two of a quotation's paragraphs)
        if open_at is not None:
            k = next((k for k in range(n, len(paragraphs)) if paragraphs[k].strip()), None)
            if k is not None and _runs_on(paragraphs[k], scans[k]):
                spans.append(QuoteSpan(n, open_at[0], len(text.rstrip()), runs_on=True, open_width=open_at[1]))
                carried = True
            else:
                local.append((open_at[0], "unclosed quotation mark"))
        problems.extend(MarkProblem(n, off, msg) for off, msg in sorted(local))
    spans.sort(key=lambda s: (s.paragraph, s.open))
    return _mark_continued(spans), problems


def _opens_para(text: str, i: int) -> bool:
    return not text[:i].strip()


def _runs_on(next_text: str, next_scan: _Scan) -> bool:
    first = next_scan.first
    return next_scan.stray_close is not None or (first >= 0 and _opens_para(next_text, first))


def _mark_continued(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """A piece opening a paragraph after a run-on piece continues that quotation."""
    out: list[QuoteSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        cont = s.continued or (prev is not None and prev.runs_on and prev.paragraph < s.paragraph)
        out.append(replace(s, continued=cont) if cont != s.continued else s)
    return out


def quote_problems(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    return [str(p) for p in find_quote_spans(paragraphs)[1]]
