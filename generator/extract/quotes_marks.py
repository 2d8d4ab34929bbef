"""Quotation marks: pairing them, paragraph by paragraph, without spaCy.

Only double marks open and close quotations (curly, straight, low-9 and
guillemets). Single marks are left alone because ’ is also the apostrophe
("Kenya’s", "don’t", "players’"), and a guess there would split quotes.

A quotation still open at the end of a paragraph runs on into the next one
only when the next paragraph shows it (it starts with an opening mark, the
newspaper convention, or its first mark is a closing one). Any other unclosed
or stray mark is reported as a problem and yields no quotation: refusing
beats guessing where a quote ends.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = "“„‟«"
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
# Characters after which a straight mark reads as an opening one.
_OPEN_BEFORE = " \t\n([{—–-/:;,"


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

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _mark_role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the mark at text[i]."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # Curly marks typed the wrong way round ('called it “abhorrent“ in'):
    # a mark glued to the end of a word and followed by a space closes.
    if ch in OPENERS:
        return "close" if (before.isalnum() or before in ".,!?") and (after.isspace() or after in ".,;:!?") else "open"
    if ch in CLOSERS:
        return "open" if before.isspace() and after.isalnum() else "close"
    if before in _OPEN_BEFORE and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-'’" or i + 1 == len(text):
        return "close"
    return "either"


def _scan(text: str) -> tuple[list[tuple[int, int]], int | None, int | None, list[tuple[int, str]]]:
    """Pairs (open, close), the last unclosed opener, the first stray closer, and problems."""
    pairs: list[tuple[int, int]] = []
    problems: list[tuple[int, str]] = []
    open_at: int | None = None
    stray_close: int | None = None
    for i, ch in enumerate(text):
        if ch not in MARKS:
            continue
        role = _mark_role(text, i)
        if open_at is None:
            if role == "close" and not pairs and stray_close is None:
                stray_close = i  # may close a quote begun in the previous paragraph
            elif role == "close":
                problems.append((i, "closing quotation mark with no opening mark"))
            else:
                open_at = i
        elif role == "open" and text[i] in OPENERS and text[open_at] in OPENERS:
            # Two curly openers in a row: the first was never closed.
            problems.append((open_at, "unclosed quotation mark"))
            open_at = i
        else:
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at, stray_close, problems


def find_quote_spans(paragraphs: tuple[str, ...] | list[str]) -> tuple[list[QuoteSpan], list[str]]:
    """Every paired quotation in the paragraphs, and the problems found.

    Problems name the paragraph (from 1) and the character offset of the
    mark, e.g. ``"paragraph 3, offset 17: unclosed quotation mark"``.
    """
    scans = [_scan(p) for p in paragraphs]
    spans: list[QuoteSpan] = []
    problems: list[str] = []
    carried = False  # the previous paragraph ended inside a quotation
    for n, (text, (pairs, open_at, stray_close, probs)) in enumerate(zip(paragraphs, scans, strict=True), start=1):
        local = list(probs)
        if stray_close is not None:
            if carried:
                spans.append(QuoteSpan(n, -1, stray_close, continued=True))
            else:
                local.append((stray_close, "closing quotation mark with no opening mark"))
        for o, c in pairs:
            spans.append(QuoteSpan(n, o, c))
        carried = False
        if open_at is not None:
            nxt = scans[n] if n < len(paragraphs) else None
            if nxt is not None and _runs_on(paragraphs[n], nxt):
                spans.append(QuoteSpan(n, open_at, len(text.rstrip()), runs_on=True))
                carried = True
            else:
                local.append((open_at, "unclosed quotation mark"))
        problems.extend(f"paragraph {n}, offset {off}: {msg}" for off, msg in sorted(local))
    spans.sort(key=lambda s: (s.paragraph, s.open))
    return _mark_continued(spans), problems


def _first_mark(text: str) -> int:
    return next((i for i, ch in enumerate(text) if ch in MARKS), -2)


def _opens_para(text: str, i: int) -> bool:
    return not text[:i].strip()


def _runs_on(next_text: str, next_scan: tuple) -> bool:
    pairs, open_at, stray_close, _ = next_scan
    first = _first_mark(next_text)
    return stray_close is not None or (first >= 0 and _opens_para(next_text, first))


def _mark_continued(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """A piece opening a paragraph after a run-on piece continues that quotation."""
    out: list[QuoteSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        cont = s.continued or (prev is not None and prev.runs_on and prev.paragraph == s.paragraph - 1)
        out.append(QuoteSpan(s.paragraph, s.open, s.close, s.runs_on, cont) if cont != s.continued else s)
    return out


def quote_problems(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    return find_quote_spans(paragraphs)[1]
