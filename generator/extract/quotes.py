"""Quotes: direct, partial and reported speech with their speakers.

The stage works in passes over the article:

1. pair the quotation marks (:mod:`.quotes_marks`); unpaired marks yield no
   quote and are listed by :func:`find_quote_problems`;
2. attribute each quotation to the speech cue that governs it in the parse
   (:mod:`.quotes_cues`), and a pronoun speaker to its antecedent
   (:mod:`.quotes_coref`);
3. give a cue-less quotation the speaker of the quotation right before it
   when nothing intervenes (marked ``speaker_inferred``), or of an
   introducing "X said:" that ends the previous paragraph;
4. add reported speech without marks (:mod:`.quotes_reported`);
5. drop quotes repeated by a near-copy of an earlier paragraph, and marks
   that quote nobody (the author's scare quotes and titles: a short or
   title-cased fragment with no cue in its sentence; markup attributes).

The speaker span as written is ``speaker_mention``; for pronouns and
relative pronouns the span they refer to is ``speaker_antecedent``, and
the actor id comes from whichever of the two names someone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import islice
from typing import TYPE_CHECKING

from ..lexicon import GENDERED, THIRD_PERSON, alternation, pronouns, wordset
from ..model import Actor, Article, Mention, Quote, QuoteKind
from .common import actor_at
from .names import gender
from .quotes_coref import PRONOUNS, resolve_pronoun
from .quotes_cues import RELATIVES, cue_text, is_cue, named_apposition, np_tokens, relative_antecedent, speaker_of
from .quotes_marks import MarkProblem, QuoteSpan, find_quote_spans
from .quotes_reported import owned_claim, reported_speech

_NAMING = wordset("naming_verbs")
_VOICING = wordset("voicing_verbs")
_STANCES = wordset("stance_nouns")

if TYPE_CHECKING:
    from spacy.tokens import Token

_TERMINAL = ".!?…"
# Pronouns for a person or people, as a subject ('he', 'she', 'they'; not 'it').
_PEOPLE_PRONOUNS = pronouns(*GENDERED, "third_plural", cases=("subject",))
_CLOSE_TRAIL = "”\"'’)]»"


@dataclass
class _Found:
    """A quotation or report on its way to becoming a Quote."""

    kind: QuoteKind
    paragraph: int
    start: int
    end: int
    cue: Token | None = None
    speaker: Token | None = None  # the head of the speaker phrase
    cue_paragraph: int = 0
    inferred_from: _Found | None = None
    span: QuoteSpan | None = None
    """The quotation marks' span; None for reported speech only."""
    sentence: tuple[int, int] = (0, 0)
    linked: bool = False
    """The parse links the quotation and its cue (not only nearness)."""
    credited: bool = False
    """The speaker is the source credited in brackets at the paragraph's end ('… [Example Post.]')."""


def find_quote_problems(article: Article) -> list[str]:
    """Quotation marks that could not be paired, as 'paragraph N, offset K: reason'.

    Such a quotation yields no Quote: where it ends would be a guess.
    """
    return [str(p) for p in find_quote_spans(article.paragraphs)[1]]


class _Para:
    """One paragraph: text, parse, quotation ranges and quote-aware sentences."""

    def __init__(self, n: int, text: str, doc, spans: list[QuoteSpan]):
        self.n, self.text, self.doc, self.spans = n, text, doc, spans
        self.ranges = [(max(s.open, 0), min(s.after, len(text))) for s in spans]
        # Sorted, merged ranges and token starts for bisection: every lookup below runs once per
        # quotation, so a scan of the whole paragraph here made long paragraphs quadratic.
        self._merged = _merge(self.ranges)
        self._merged_starts = [a for a, _ in self._merged]
        self._starts = [t.idx for t in doc]
        self.sentences = self._sentences()
        self._sentence_starts = [s for s, _ in self.sentences]
        self._sentence_ends = [e for _, e in self.sentences]

    def inside(self, off: int) -> bool:
        k = bisect_right(self._merged_starts, off) - 1
        return k >= 0 and off < self._merged[k][1]

    def _sentences(self) -> list[tuple[int, int]]:
        # spaCy's sentence starts, except inside quotations and where the text
        # before does not end a sentence ('“A,” he said, “B.”' is one sentence).
        starts = [0]
        for sent in self.doc.sents:
            off = sent.start_char
            # A sentence the parser starts inside a two-character mark ('' or ``) starts at the mark.
            off = next((a for a, _ in self.ranges if 0 < off - a <= 2 and not self.text[a:off].strip("'`\"“‘")), off)
            if off == 0 or self.inside(off) and not any(a == off for a, _ in self.ranges):
                continue
            before = self.text[:off].rstrip().rstrip(_CLOSE_TRAIL)
            if before and before[-1] in _TERMINAL and not self._attribution_after_question(off, before):
                starts.append(off)
        ends = starts[1:] + [len(self.text)]
        return list(zip(starts, ends, strict=True))

    def _attribution_after_question(self, off: int, before: str) -> bool:
        """'“Why now?” one voter asked.': a quoted question or exclamation and
        the attribution after it are one sentence, though spaCy splits them."""
        if before[-1] not in "?!" or self.text[:off].rstrip()[-1:] not in _CLOSE_TRAIL:
            return False
        if self.text[off : off + 1].islower():
            return True
        head = [t for t in self.doc if off <= t.idx and not self.inside(t.idx)][:5]
        return any(is_cue(t) for t in head)

    def sentence_of(self, a: int, b: int) -> tuple[int, int]:
        """The quote-aware sentence range covering [a, b)."""
        lo = self._sentence_starts[bisect_right(self._sentence_starts, max(a, 0)) - 1]
        k = bisect_left(self._sentence_ends, b)
        hi = self._sentence_ends[k] if k < len(self._sentence_ends) else len(self.text)
        return lo, hi

    def iter_frame(self, lo: int, hi: int):
        """Tokens of [lo, hi) outside every quotation, lazily."""
        for t in self.doc[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]:
            if not self.inside(t.idx):
                yield t

    def frame(self, lo: int, hi: int) -> list:
        """Tokens of [lo, hi) outside every quotation."""
        return list(self.iter_frame(lo, hi))

    def tokens(self, a: int, b: int) -> list:
        return list(self.doc[bisect_left(self._starts, a) : bisect_left(self._starts, b)])

    def token_from(self, off: int):
        """The first token starting at or after `off`, or None."""
        k = bisect_left(self._starts, off)
        return self.doc[k] if k < len(self.doc) else None


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[0] < r[1]):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _ancestors(tok):
    depth = 0
    while tok.head.i != tok.i:
        tok = tok.head
        depth += 1
        yield depth, tok


def _attribute(para: _Para, span: QuoteSpan, prev: _Found | None) -> _Found:
    lo, hi = para.sentence_of(span.open, span.close)
    found = _Found("direct", para.n, span.start, span.end, span=span, sentence=(lo, hi), cue_paragraph=para.n)
    found.kind = _kind(para, found, prev)
    frame = para.frame(lo, hi)
    inner = para.tokens(span.start, span.end)
    ids = {t.i for t in inner}
    words = {t.i for t in inner if not t.is_punct}  # a comma inside the marks hangs anywhere
    for t in frame:
        claim = owned_claim(t) if t.pos_ == "NOUN" and words else None
        if claim is None:
            continue
        content, owner = claim
        if owner.pos_ in ("PROPN", "PRON") and words <= {c.i for c in content} and not para.inside(owner.idx):
            # 'Roe's answer was that “…”': the words are those of the one whose answer it was.
            found.cue, found.speaker, found.linked = t, owner, True
            return found
    cues = [t for t in frame if is_cue(t)]
    if not cues:
        return found
    # The quotation's own heads; a comma inside the marks hangs on whatever verb follows.
    roots = [t for t in inner if t.head.i not in ids and not t.is_punct] or [t for t in inner if t.head.i not in ids]
    ranked: list[tuple[int, int, Token]] = []
    cue_ids = {c.i: c for c in cues}
    for r in roots:
        for depth, anc in _ancestors(r):
            if anc.i in cue_ids:  # the cue governs the quotation
                ranked.append((0, depth, anc))
                break
    quote_ancestors = {anc.i for r in roots for _, anc in _ancestors(r)} | {r.i for r in roots}
    for c in cues:
        if any(anc.i in ids for _, anc in _ancestors(c)):  # '"…," he said' hangs off the quote
            ranked.append((1, _distance(c, span), c))
        elif c.dep_ in ("parataxis", "ccomp") and c.head.i in quote_ancestors:
            # '… decided because of “…”, said a spokesperson': the cue hangs off the clause holding the quote
            ranked.append((1, _distance(c, span), c))
    adjacent = _adjacent_cue(para, span, cues) if found.kind == "direct" else None
    if adjacent is None and found.kind == "partial":
        adjacent = _adjacent_cue(para, span, cues)
        if adjacent is not None and adjacent.lemma_.lower() != "report":
            adjacent = None  # only the relaying outlet's cue is looked at for a fragment
    if adjacent is not None:
        ranked.append((-1, 0, adjacent))
        intro = _introducing_cue(para, span, cues) if adjacent.lemma_.lower() == "report" else None
        if intro is not None:
            # 'Roe said: “…,” the Gazette reported': Roe speaks; the outlet reports it.
            ranked.append((-2, 0, intro))
        elif adjacent.lemma_.lower() == "report":
            # 'Roe said the ferry tilted and “…,” the Gazette reports': the cue that governs the
            # quotation is Roe's; the outlet relays what Roe said.
            above = [(d, a) for r in roots for d, a in _ancestors(r) if a.i in cue_ids and a.i != adjacent.i]
            ranked += [(-2, d, a) for d, a in above]
    if found.kind != "partial":
        # A whole quoted sentence belongs to the nearest cue; a fragment only to a
        # cue the parse links it to (not 'the show “X”, Y said later').
        ranked += [(2, _distance(c, span), c) for c in cues]
    if not ranked:
        return found
    ranked.sort(key=lambda x: (x[0], x[1]))
    failed: set[int] = set()
    for rank, _, cue in ranked:
        if any(anc.i in failed for _, anc in _ancestors(cue)):
            continue  # 'when Poe asked him' under a cue whose speaker was not found: not the speaker either
        spk = speaker_of(cue, quote_before=cue.idx > span.close)
        if spk is not None and para.inside(spk.idx):
            spk = _named_after(para, spk, span)
        rel = relative_antecedent(spk) if spk is not None and spk.lower_ in RELATIVES else None
        if rel is not None and (para.inside(rel.idx) or _np_holds(rel, span)):
            spk = None  # 'a “trade tsar” who reports to …': the quoted term is no speaker of itself
        if spk is not None and not para.inside(spk.idx) and not _holds(spk, span):
            if found.kind == "partial" and rank == 0:
                cue, spk = _outer_source(para, span, cue, spk)
            found.cue, found.speaker, found.linked = cue, spk, rank < 2
            return found
        failed.add(cue.i)
    found.cue, found.linked = ranked[0][2], ranked[0][0] < 2
    return found


def _named_after(para: _Para, subj, span: QuoteSpan):
    """'“Great game, great game,” Roe, the club's captain, said': the parse took a word of
    the quotation for the subject and hung the name after it on that word as an apposition. The
    name right after the closing mark, set off by a comma, is the speaker; else None."""
    for t in subj.children:
        if t.dep_ == "appos" and t.pos_ == "PROPN" and not para.inside(t.idx) and t.idx > span.close:
            name = np_tokens(t)
            between = para.text[span.close + 1 : name[0].idx].strip()
            if between in ("", ","):
                return t
    return None


def _outer_source(para: _Para, span: QuoteSpan, cue, spk):
    """'Roe said the board were calling “every hour”': a fragment quoted inside
    what someone reports is the reporter's words, as the writer heard them. The
    outermost speech cue whose complement holds the inner one, and its speaker; but
    a name a naming cue gives ('had called the plan “a sham”') is its own speaker's."""
    if cue.lemma_.lower() in _NAMING and _names_as(para, span, cue):
        # 'claimed Roe had called it “a sham”': the one who named the thing so said the words
        return cue, spk
    tok = cue
    while tok.dep_ in ("ccomp", "acl") and tok.head.i != tok.i:
        outer = tok.head
        if outer.lemma_.lower() in _STANCES and outer.dep_ == "dobj" and outer.head.lemma_.lower() in _VOICING:
            outer = outer.head  # 'voiced surprise that Poe had put it “…”': the one surprised
        elif tok.dep_ == "acl":
            break
        if is_cue(outer) or outer.lemma_.lower() in _VOICING:
            outer_spk = speaker_of(outer, quote_before=outer.idx > span.close)
            if outer_spk is not None and not para.inside(outer_spk.idx) and not _holds(outer_spk, span):
                cue, spk = outer, outer_spk
        tok = outer
    return cue, spk


def _names_as(para: _Para, span: QuoteSpan, cue) -> bool:
    """The quotation is the name a naming cue gives a thing ('called the plan “a sham”',
    'described as “sound” every one of them'), not any words after it ('called the line “every hour”')."""
    for t in para.tokens(span.start, span.end):
        if t.is_punct:
            continue
        for _, anc in islice(_ancestors(t), 3):
            if anc.i == cue.i:
                break
            if anc.dep_ == "oprd" and anc.head.i == cue.i or anc.lower_ == "as" and anc.head.i == cue.i:
                return True
    return False


def _adjacent_cue(para: _Para, span: QuoteSpan, cues: list):
    """'“…,” Roe said': a cue within the first words after a quotation that
    ends on a comma, question or exclamation mark, news style's own
    attribution, which outranks a cue the parse links from further away."""
    if span.runs_on or span.open < 0:
        return None
    inner = para.text[span.start : span.end].rstrip()
    if not inner or inner[-1] not in ",?!—–-":
        return None
    ids = {c.i for c in cues}
    for t in islice((t for t in para.iter_frame(span.after, len(para.text)) if not t.is_punct), 4):
        if t.i in ids:
            return t
    return None


def _introducing_cue(para: _Para, span: QuoteSpan, cues: list):
    """'Roe said: “…”': a cue among the last words before the opening mark, with a colon
    or comma between them."""
    if span.open < 0:
        return None
    before = para.text[: span.open].rstrip()
    if not before.endswith((":", ",")):
        return None
    ids = {c.i for c in cues}
    words = [t for t in para.iter_frame(max(0, len(before) - 80), len(before) - 1) if not t.is_punct]
    return next((t for t in reversed(words[-3:]) if t.i in ids), None)


def _holds(head, span: QuoteSpan) -> bool:
    """The speaker phrase, its relative clauses and appositions included,
    contains the quotation ('the “Stop Smith” movement continues'; '“…,” said
    Roe, whose book features “rebel” voices': the book's words, not Roe's)."""
    toks = np_tokens(head)
    if toks[0].idx <= span.open and span.close < toks[-1].idx + len(toks[-1]):
        return True
    sub = list(head.subtree)
    return sub[0].idx <= span.open and span.close < sub[-1].idx + len(sub[-1]) and head.idx < span.open


def _np_holds(head, span: QuoteSpan) -> bool:
    """The noun phrase itself, its clauses left out, contains the quotation ('a “trade tsar”')."""
    toks = np_tokens(head)
    return toks[0].idx <= span.open and span.close < toks[-1].idx + len(toks[-1])


def _distance(tok, span: QuoteSpan) -> int:
    return min(abs(tok.idx - span.open), abs(tok.idx - span.close))


def _kind(para: _Para, f: _Found, prev: _Found | None) -> QuoteKind:
    span = f.span
    assert span is not None  # a quotation, not a report
    if span.continued or span.open < 0:
        return "direct"
    lo, _ = f.sentence
    before = para.text[lo : span.open].strip()
    if not before or before.endswith(":"):
        return "direct"
    if prev is not None and prev.kind == "direct" and prev.paragraph == f.paragraph and prev.sentence == f.sentence:
        assert prev.span is not None  # a quotation too
        between = para.text[prev.span.after : span.open]
        if any(is_cue(t) for t in para.tokens(prev.span.after, span.open)) and "." not in between:
            return "direct"  # the second half of '“A,” he said, “B.”'
    left = [t for t in para.frame(lo, span.open) if not t.is_punct]
    inner = para.tokens(span.start, span.end)
    has_clause = any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in inner)
    if left and is_cue(left[-1]) and has_clause:
        return "direct"  # 'saying “…”' with a whole clause quoted
    return "partial"


def _continue(found: list[_Found], paras: dict[int, _Para]) -> None:
    """Cue-less quotations take the speaker of what introduces them or of the quote right before."""
    for i, f in enumerate(found):
        if f.speaker is not None or f.kind == "reported":
            continue
        prev = found[i - 1] if i else None
        para = paras[f.paragraph]
        assert f.span is not None  # reports, the only items without marks, are added later
        if f.span.continued and prev is not None and prev.span is not None and prev.span.runs_on:
            f.cue, f.speaker, f.cue_paragraph = prev.cue, prev.speaker, prev.cue_paragraph
            f.inferred_from = prev.inferred_from
            continue
        if f.cue is not None:
            continue  # a cue with no findable speaker: leave it unattributed
        credit = _bracket_credit(para)
        if credit is not None:
            # A digest quoting outlets: 'HEADLINE “…” [Example Post.]'; the credit is the source.
            f.speaker, f.cue_paragraph, f.credited = credit, f.paragraph, True
            continue
        opens_para = not para.text[: max(f.span.open, 0)].strip()
        if opens_para and f.paragraph > 1:
            intro = _introducer(paras[f.paragraph - 1])
            if intro is not None:
                f.cue, f.speaker, f.cue_paragraph = intro[0], intro[1], f.paragraph - 1
                continue
        if prev is not None and prev.speaker is not None and prev.span is not None:
            if prev.paragraph == f.paragraph:
                adjacent = _next_sentence(para, prev.sentence) == f.sentence or prev.sentence == f.sentence
            else:
                pp = paras[prev.paragraph]
                adjacent = prev.paragraph == f.paragraph - 1 and opens_para and prev.sentence[1] >= pp.sentences[-1][0]
            # A sentence with a subject of its own outside the marks ('“…” the crowd
            # echoed') is about someone else: the previous speaker does not carry over.
            own_subject = any(
                t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") for t in para.frame(*f.sentence)
            )
            if adjacent and not own_subject:
                f.cue, f.speaker, f.cue_paragraph = prev.cue, prev.speaker, prev.cue_paragraph
                f.inferred_from = prev
                continue
        said = _said_before(para, f)
        if said is not None:
            # 'Roe recalled the flood. “We lost everything.”': a quotation that opens the sentence
            # after one whose speech verb has a speaker, in the same paragraph, is that speaker's.
            f.cue, f.speaker, f.cue_paragraph = said[0], said[1], f.paragraph


def _said_before(para: _Para, f: _Found):
    """(cue, speaker) of the sentence before a cue-less quotation that is its own sentence, in
    the same paragraph, when that sentence's main verb is a speech verb with a speaker and the
    quotation's sentence names no subject of its own outside the marks; else None."""
    assert f.span is not None
    if para.text[f.sentence[0] : max(f.span.open, f.sentence[0])].strip():
        return None
    if any(ch.isalnum() for ch in para.text[f.span.after : f.sentence[1]]):
        return None  # '“…” was the reply from Tom Poe': the sentence goes on past the marks
    before = [s for s in para.sentences if s[1] <= f.sentence[0]]
    if not before or para.inside(before[-1][0]):
        return None
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") for t in para.frame(*f.sentence)):
        return None
    frame = para.frame(*before[-1])
    for root in (t for t in frame if t.dep_ == "ROOT" and is_cue(t)):
        spk = speaker_of(root)
        if spk is not None and not para.inside(spk.idx):
            return root, spk
    return None


_CREDIT = re.compile(r"\[\s*([A-Z][\w.&'’ -]{0,40}?)\.?\s*\]\s*$")


def _bracket_credit(para: _Para):
    """The head token of a source credited in brackets at the paragraph's end, or None."""
    m = _CREDIT.search(para.text)
    if m is None:
        return None
    toks = [t for t in para.tokens(m.start(1), m.end(1)) if not t.is_punct]
    return toks[-1] if toks and all(t.text[:1].isupper() for t in toks) else None


def _next_sentence(para: _Para, sent: tuple[int, int]) -> tuple[int, int] | None:
    for s in para.sentences:
        if s[0] >= sent[1]:
            return s
    return None


def _introducer(para: _Para):
    """'X said:' ending a paragraph introduces the quotation that opens the next one."""
    if not para.text.rstrip().endswith(":"):
        return None
    lo = para.sentences[-1][0]
    frame = para.frame(lo, len(para.text))
    for cue in reversed([t for t in frame if is_cue(t)]):
        spk = speaker_of(cue)
        if spk is not None:
            return cue, spk
    # 'X released the following statement:' - the main verb's named subject.
    for root in (t for t in frame if t.dep_ == "ROOT" and t.pos_ == "VERB"):
        spk = speaker_of(root)
        if spk is not None and (spk.ent_type_ in ("PERSON", "ORG") or spk.lower_ in _PEOPLE_PRONOUNS):
            return root, spk
    return None


def _not_a_quotation(f: _Found, para: _Para) -> bool:
    """Marks that quote nobody: markup attribute values; titles of works and
    names in marks; headings; and the author's own scare quotes (a short or
    title-cased fragment with no cue), and names in marks that no speaker is
    found for, even beside a cue."""
    assert f.span is not None  # a quotation, not a report
    if para.text[: max(f.span.open, 0)].endswith("="):
        return True
    if _is_title(para, f) or _is_byline_title(para, f) or _is_nickname(para, f):
        return True
    if _is_heading(para, f) or _is_aside(para, f) or _is_citation(para, f):
        return True
    if f.kind == "partial" and f.speaker is None and _is_name(para.tokens(f.start, f.end)):
        return True  # a title or name in marks ('on the show “Morning Talk”')
    if f.kind != "partial" or f.speaker is not None or f.cue is not None:
        return False
    words = para.text[f.start : f.end].split()
    titled = all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return len(words) <= 3 or titled


def _is_name(tokens: list) -> bool:
    """Title-cased words that are names: proper nouns or a named entity, no verb."""
    words = [t for t in tokens if not t.is_punct]
    if any(t.text in "!?" for t in tokens) or len(words) < 2 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if not all(t.is_title or t.is_upper or not t.is_alpha or t.is_stop for t in words):
        return False
    named = [t for t in words if t.pos_ == "PROPN" or t.ent_type_ or t.is_stop]
    return len(named) == len(words)


# Words before a title in marks: 'on “X”', 'told “Y”', 'titled “Z”'.
_TITLING = wordset("naming_participles.titling")
_TITLE_BEFORE = frozenset("on in of from at with during including told to".split()) | _TITLING
# Participles that name what precedes them: 'a play called “X”', 'a blog, named “Y”'.
_NAMED = wordset("naming_participles")
# Small words a title leaves in lower case, English and the particles of names
# and titles in other languages ('Los Hijos de la Noche', 'Ludwig van Beethoven').
_TITLE_SMALL = frozenset(
    "a an the of and & with to for in on at or is are be de del la le les el y da di du des van von der".split()
)
# Nouns that name a work, a label or a name given, before it in marks:
# 'his 2012 book, “X”', 'the podcast “Y”', 'under the pseudonym “Z”'; and 'dubbed', 'named'.
_WORK_NOUNS = wordset("work_nouns") | wordset("naming_participles.naming")
# After a title, an apposition naming the work: '“Blue Hour,” a novel by …', '“The Plan,” a document'.
_WORK_AFTER = re.compile(
    rf"\s*([,(—–-]?)\s*(?:a|an|the|{alternation(pronouns(*THIRD_PERSON, cases=('determiner',)))})\s+"
    r"(?:[\w-]+\s+){0,2}?([a-z-]+)\b"
)
_BY_AUTHOR = re.compile(r"[,.]?\s*by\s+(?:the\s+)?[A-Z]")
_TERMINAL_IN = re.compile(r"[.!?…]")


def _title_cased(words: list[str]) -> bool:
    return (
        bool(words)
        and (words[0][:1].isupper() or words[0][:1].isdigit())
        and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL for w in words)
    )


def _is_title(para: _Para, f: _Found) -> bool:
    """A show, book or film named in marks: 'on CNN’s “State of the Union”',
    'starred in “X”', 'her memoir, “Y”', 'the “Z” star', 'the “Z” hats'."""
    assert f.span is not None  # a quotation, not a report
    if f.span.open < 0:
        return False
    words = para.text[f.start : f.end].strip(" .,").split()
    if len(words) > 12 or not _title_cased(words):
        return False
    before = para.text[: f.span.open].rstrip().rstrip(",").split()
    if before and before[-1].lower() in ("the", "a", "an"):
        before = before[:-1]
    last = before[-1].lower().strip("(,") if before else ""
    if last.endswith(("’s", "'s")) or last in _TITLE_BEFORE or last in _WORK_NOUNS:
        return True
    if last in _NAMED:
        toks = [t for t in para.doc if t.idx < f.span.open and t.lower_ == last]
        if toks and (
            toks[-1].dep_ == "acl"
            or toks[-1].tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass") for c in toks[-1].children)
        ):
            return True
    if last == "as" and len(before) > 1 and before[-2].lower() == "known":
        return True
    m = _WORK_AFTER.match(para.text, f.span.after)
    if m and m.group(2) in _WORK_NOUNS and (m.group(1) or para.text[f.start : f.end].rstrip().endswith(",")):
        # Not where the work then speaks: '“Leave is unpaid,” the document states'.
        nxt = para.token_from(m.end(2))
        if not (nxt is not None and is_cue(nxt) and nxt.tag_ in ("VBZ", "VBD", "VBP")):
            return True
    # The title modifies the noun after it: '“Some Show” star Jane Roe'.
    after = para.token_from(f.span.after)
    return len(words) <= 6 and after is not None and after.pos_ == "NOUN" and after.is_lower


def _is_byline_title(para: _Para, f: _Found) -> bool:
    """A headline or title credited to its author: '“Museum to close,” by Jane Roe'
    (not a passive cue's agent: 'was called “a mistake” by the mayor')."""
    assert f.span is not None  # a quotation, not a report
    if f.span.open < 0 or f.span.runs_on:
        return False
    cue_before = any(is_cue(t) for t in para.frame(f.sentence[0], f.span.open))
    if cue_before and not _title_cased(para.text[f.start : f.end].split()):
        return False
    return bool(_BY_AUTHOR.match(para.text, f.span.after))


def _is_aside(para: _Para, f: _Found) -> bool:
    """Words wholly in parentheses: a transcript's '“(CROSSTALK)”'."""
    text = para.text[f.start : f.end].strip(" .,")
    return text.startswith("(") and text.endswith(")") and "(" not in text[1:]


def _is_nickname(para: _Para, f: _Found) -> bool:
    """A name's nickname in marks between its parts: 'Margaret “Peggy” Roe'."""
    assert f.span is not None  # a quotation, not a report
    words = para.text[f.start : f.end].split()
    if not 1 <= len(words) <= 2 or not _title_cased(words) or f.span.open < 1:
        return False
    before = para.text[: f.span.open]
    after = para.text[f.span.after :]
    return (
        before.endswith(" ")
        and before.rstrip()[-1:].isalpha()
        and before.split()[-1][:1].isupper()
        and (after[:1] == " " and after[1:2].isupper())
    )


def _is_heading(para: _Para, f: _Found) -> bool:
    """A title-cased or capitalised fragment without a sentence's end, that no
    cue governs in the parse: a heading, a name or a slogan ('“Related”:')."""
    text = para.text[f.start : f.end].strip(" ,:;")
    words = text.split()
    # Capitals throughout ('“NEW RULES FOR OLD”') make a heading even where a cue follows.
    capitals = len(words) >= 2 and all(w.isupper() for w in words if any(ch.isalpha() for ch in w))
    if f.linked and f.inferred_from is None and not capitals:
        return False
    return len(words) <= 6 and _title_cased(words) and not _TERMINAL_IN.search(text)


_CITATION_AFTER = re.compile(r",?\s*[A-Z][\w.&' -]{1,40}(?:,[^)]{0,30})?\)")


def _is_citation(para: _Para, f: _Found) -> bool:
    """A headline cited in parentheses: '(“Mayor quits,” Daily Ledger, Monday)'."""
    assert f.span is not None  # a quotation, not a report
    if f.span.open < 1 or para.text[: f.span.open].rstrip()[-1:] != "(":
        return False
    return bool(_CITATION_AFTER.match(para.text, f.span.after))


_JOINED = re.compile(r"^\s*,?\s*(?:and|or|not|nor|,)?\s*$")


def _titles_joined(found: list[_Found], dropped: set[int], paras: dict[int, _Para]) -> set[int]:
    """Titles in a row: '“Title One” and “Title Two”', '“Original,” or “Translation”'.
    A title-cased quotation joined by 'and', 'or', 'not' or a comma to one read
    as a title is a title too."""
    out = set()
    for k in range(1, len(found)):
        f, prev = found[k], found[k - 1]
        if k in dropped or ((k - 1) not in dropped and (k - 1) not in out):
            continue
        if f.paragraph != prev.paragraph or f.span is None or prev.span is None or f.span.open < 0:
            continue
        para = paras[f.paragraph]
        between = para.text[prev.span.after : f.span.open]
        if _JOINED.match(between) and _title_cased(para.text[f.start : f.end].strip(" .,").split()):
            out.add(k)
    return out


# Up to this many paragraphs every pair is compared; a longer text (no news article is) compares
# each paragraph with the ones just before it and finds exact repeats anywhere, so that the work
# stays linear in its length.
_EXHAUSTIVE = 400


def _near_copies(article: Article) -> dict[int, int]:
    """Paragraph -> the earlier paragraph it nearly repeats."""
    out: dict[int, int] = {}
    words = [p.lower().split() for p in article.paragraphs]
    first: dict[tuple[str, ...], int] = {}
    # One matcher per paragraph (difflib caches the second sequence), and its cheap upper
    # bounds before the ratio itself: the same answers, without building every match.
    matcher = SequenceMatcher(None, autojunk=False)
    for j in range(len(words)):
        key = tuple(words[j])
        start = 0 if len(words) <= _EXHAUSTIVE else max(0, j - _EXHAUSTIVE // 8)
        if len(words[j]) >= 8:
            if start and key in first:
                out[j + 1] = first[key] + 1
            else:
                matcher.set_seq2(words[j])
                for i in range(start, j):
                    matcher.set_seq1(words[i])
                    if matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                        out[j + 1] = i + 1
                        break
        first.setdefault(key, j)
    return out


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .,;:")


def extract_quotes(article: Article, docs: list, actors: list[Actor]) -> list[Quote]:
    return quotes_and_problems(article, docs, actors)[0]


def quotes_and_problems(article: Article, docs: list, actors: list[Actor]) -> tuple[list[Quote], list[MarkProblem]]:
    """The quotes, and the quotation marks that could not be paired (each yields no quote: where it
    ends would be a guess). The marks are paired once, here."""
    spans, problems = find_quote_spans(article.paragraphs)
    by_paragraph: dict[int, list[QuoteSpan]] = {}
    for span in spans:
        by_paragraph.setdefault(span.paragraph, []).append(span)
    paras = {
        n: _Para(n, text, docs[n - 1], by_paragraph.get(n, [])) for n, text in enumerate(article.paragraphs, start=1)
    }
    found: list[_Found] = []
    for para in paras.values():
        prev = None
        for span in para.spans:
            if span.end - span.start <= 0 or not para.text[span.start : span.end].strip():
                continue
            f = _attribute(para, span, prev)
            found.append(f)
            prev = f
    _continue(found, paras)
    dropped = {k for k, f in enumerate(found) if _not_a_quotation(f, paras[f.paragraph])}
    dropped |= _titles_joined(found, dropped, paras)
    found = [f for k, f in enumerate(found) if k not in dropped]
    for para in paras.values():
        for r in reported_speech(para.doc, para.inside):
            found.append(_Found("reported", para.n, r.start, r.end, cue=r.cue, speaker=r.speaker, cue_paragraph=para.n))
    found = _dedupe(found, article, _near_copies(article))
    found.sort(key=lambda f: (f.paragraph, f.start))
    inside = lambda p, off: paras[p].inside(off)  # noqa: E731
    people = tuple(a.name for a in actors if a.type == "person")
    return [_to_quote(f, i, article, docs, actors, inside, people) for i, f in enumerate(found, start=1)], problems


def _dedupe(found: list[_Found], article: Article, copies: dict[int, int]) -> list[_Found]:
    texts: dict[int, set[str]] = {}
    for g in found:
        if g.paragraph in copies.values():
            texts.setdefault(g.paragraph, set()).add(_norm(article.paragraphs[g.paragraph - 1][g.start : g.end]))
    keep = []
    for f in found:
        orig = copies.get(f.paragraph)
        text = _norm(article.paragraphs[f.paragraph - 1][f.start : f.end])
        if orig is not None and text in texts.get(orig, ()):
            continue
        keep.append(f)
    return keep


def _clean_span(text: str, start: int, end: int, kind: str) -> tuple[int, int]:
    """Trim spaces, and the comma or colon a cue leaves inside the marks ('“A,” he said')."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or (kind != "reported" and text[end - 1] in ",:;")):
        end -= 1
    if kind == "reported":
        while end > start and text[end - 1] in ".,;:":
            end -= 1
    return start, end


def _actor_for(actors: list[Actor], paragraph: int, start: int, end: int) -> Actor | None:
    """The actor named at the span, else the one the actor stage gave that role to
    ('the deputy commander …, said' when the commander is named later)."""
    found = actor_at(actors, paragraph, start, end)
    if found is not None:
        return found
    for actor in actors:
        for role in actor.roles:
            if role.paragraph == paragraph and role.start < end and start < role.end:
                return actor
    return None


def _person_named(actors: list[Actor], name: str, want: str | None) -> Actor | None:
    """'Roe said', 'Roe continued …. “…,” she said', where the tagger left that 'Roe' unmarked: the
    one person the article names so or of that family name, of the pronoun's gender where the
    given name shows one (two people of one family name: the one of that gender); else None."""
    if len(name.split()) != 1 or not name[:1].isupper():
        return None
    fits = [
        a
        for a in actors
        if a.type == "person"
        and (a.name == name or (len(a.name.split()) > 1 and a.name.split()[-1] == name))
        and (want is None or gender(a.name.split()[0]) in (want, None) or len(a.name.split()) == 1)
    ]
    if want is not None and len(fits) > 1:
        fits = [a for a in fits if len(a.name.split()) > 1 and gender(a.name.split()[0]) == want]
    return fits[0] if len(fits) == 1 else None


def _head_span(head) -> tuple[int, int]:
    """A name's whole span ('Jane Moreau'), else the head word's."""
    if head.ent_type_ and head.ent_iob_ != "O":
        # Walk the IOB tags rather than every entity of the paragraph (once per quote).
        doc, lo, hi = head.doc, head.i, head.i + 1
        while doc[lo].ent_iob_ == "I" and lo > 0:
            lo -= 1
        while hi < len(doc) and doc[hi].ent_iob_ == "I":
            hi += 1
        return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    return head.idx, head.idx + len(head)


def _how(f: _Found, head, actor, antecedent) -> str:
    """How the speaker was reached, or why there is none, in words for the reader."""
    if f.speaker is None:
        if f.cue is None:
            return "unattributed: no speech verb or source in the sentence, and no speaker before it to continue"
        return f"unattributed: “{cue_text(f.cue)}” has no speaker the parse can find"
    if f.credited:
        how = "credited in brackets at the end of the paragraph"
    elif f.inferred_from is not None:
        how = "continues the quote before it"
    elif f.cue_paragraph != f.paragraph:
        how = "introduced at the end of the paragraph before"
    elif head is not None and head.lower_ in PRONOUNS:
        how = "pronoun" + (" (resolved to the nearest fitting earlier mention)" if antecedent else "")
    elif head is not None and head.lower_ in RELATIVES:
        how = "relative pronoun"
    elif f.cue is not None and f.cue.lower_ == "according":
        how = "according to"
    elif f.cue is not None and f.span is not None and f.cue.idx < f.sentence[0] <= f.span.open:
        how = "introduced by the sentence before"
    else:
        how = "named at the speech verb"
    if actor is None and head is not None and head.lower_ in PRONOUNS and antecedent is None:
        return f"unattributed: “{head.text}” could mean more than one person named before, or none"
    if actor is None:
        return f"unattributed: {how}, but “{head.text if head is not None else ''}” is no actor of the article"
    return how


def _to_quote(
    f: _Found, i: int, article: Article, docs: list, actors: list[Actor], inside, people: tuple[str, ...]
) -> Quote:
    """`people`: the full names of the persons the actor stage found (for pronouns' genders)."""
    text = article.paragraphs[f.paragraph - 1]
    start, end = _clean_span(text, f.start, f.end, f.kind)
    mention = antecedent = None
    speaker_text = None
    target: tuple[int, int, int] | None = None
    inferred = f.inferred_from is not None
    if f.speaker is not None:
        head = f.speaker
        if head.lower_ not in PRONOUNS and head.lower_ not in RELATIVES:
            head = named_apposition(head)
        toks = [head] if head.lower_ in PRONOUNS or head.lower_ in RELATIVES else np_tokens(head)
        ptext = article.paragraphs[f.cue_paragraph - 1]
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1])
        mention = Mention(f.cue_paragraph, s, e, ptext[s:e])
        speaker_text = mention.text
        # The actor is looked up at the phrase's head, so that 'a US embassy
        # spokesperson' is not given to the embassy it names (only to an actor
        # the actor stage made for the spokesperson).
        target = (f.cue_paragraph, *_head_span(head))
        rel = relative_antecedent(head)
        if rel is not None:
            rt = np_tokens(rel)
            s, e = rt[0].idx, rt[-1].idx + len(rt[-1])
            antecedent = Mention(f.cue_paragraph, s, e, ptext[s:e])
            target = (f.cue_paragraph, *_head_span(named_apposition(rel)))
            if inside(f.cue_paragraph, rel.idx):
                target = None  # 'appointing a “trade tsar” who reports to …': a quoted term speaks for no one
        elif head.lower_ in PRONOUNS:
            ante = resolve_pronoun(head, f.cue_paragraph, docs, inside, people=people)
            inferred = True
            target = None
            if ante is not None:
                antecedent = Mention(ante.paragraph, ante.start, ante.end, ante.text)
                target = (ante.paragraph, ante.head_start, ante.head_end)
    actor = _actor_for(actors, *target) if mention is not None and target is not None else None
    if actor is None and antecedent is not None and f.speaker is not None and f.speaker.lower_ in PRONOUNS:
        want = PRONOUNS.get(f.speaker.lower_)
        actor = _person_named(actors, antecedent.text, want) if want in ("he", "she") else None
    elif actor is None and antecedent is None and mention is not None and f.speaker is not None:
        actor = _person_named(actors, f.speaker.text if f.speaker.pos_ == "PROPN" else "", None)
    return Quote(
        attribution=_how(f, head if mention is not None else None, actor, antecedent),
        id=f"q{i}",
        kind=f.kind,
        text=text[start:end],
        speaker=actor.id if actor else None,
        speaker_text=speaker_text,
        cue=cue_text(f.cue) if f.cue is not None else None,
        paragraph=f.paragraph,
        start=start,
        end=end,
        speaker_inferred=inferred,
        speaker_mention=mention,
        speaker_antecedent=antecedent,
    )


__all__ = ["extract_quotes", "find_quote_problems", "quotes_and_problems"]
