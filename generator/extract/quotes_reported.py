"""Reported speech: 'X said (that) …', 'X accuses Y of …', 'according to X, …'.

A report is emitted only when its content holds no quotation: the quote
record already carries that attribution, and a reader should not see the
same words twice. Indirect questions ('declined to say how …'), negated
or refused cues, and complements without a subject of their own (as in
'the threat they say is escalating') are not claims and are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .quotes_cues import REPORT_VERBS, speaker_of

_WH = frozenset("how when where why whether if what who whom which".split())
_BLOCKING_HEADS = frozenset({"decline", "refuse", "fail"})


@dataclass(frozen=True)
class Report:
    start: int
    end: int
    cue: object
    speaker: object


def _span(tokens: list) -> tuple[int, int]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("mark", "cc") and tokens[0].lower_ in ("that", "and")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return 0, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _content(verb) -> list | None:
    """The tokens a speech verb reports, or None."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "ccomp":
            sub = list(c.subtree)
            if sub[0].lower_ in _WH or not any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in c.children):
                return None
            if c.i < verb.i and any(t.i > verb.i for t in sub):
                return None
            return sub
    if lemma in ("accuse", "deny", "allege", "admit", "confirm", "announce"):
        objs = [c for c in verb.children if c.dep_ in ("dobj", "prep") and c.i > verb.i]
        if lemma == "accuse":
            objs = [c for c in verb.children if c.dep_ in ("dobj", "prep") and c.i > verb.i]
            if not any(c.dep_ == "prep" and c.lower_ == "of" for c in objs):
                return None
        elif not any(c.dep_ == "dobj" for c in objs):
            return None
        return [t for c in objs for t in c.subtree]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # 'The plan is dead, he said.': the head clause, minus the cue's own words.
        own = {t.i for t in verb.subtree}
        sub = [t for t in verb.head.subtree if t.i not in own and t.i < verb.i]
        if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in verb.head.children):
            return sub
    return None


def _according(tok) -> tuple[list, object] | None:
    """'According to X, <clause>': the clause and X."""
    head = tok.head
    if tok.dep_ != "prep" or head.i == tok.i:
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    if pobj is None or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    own = {t.i for t in tok.subtree}
    return [t for t in head.subtree if t.i not in own], pobj


def reported_speech(doc, inside_quote: Callable[[int], bool]) -> Iterator[Report]:
    """Reports in one paragraph's Doc whose content holds no quotation."""
    for tok in doc:
        if inside_quote(tok.idx):
            continue
        if tok.lower_ == "according":
            got = _according(tok)
            if got is None:
                continue
            content, speaker = got
            cue = tok
        else:
            if tok.lemma_.lower() not in REPORT_VERBS or not tok.tag_.startswith("VB"):
                continue
            if any(c.dep_ == "neg" for c in tok.children) or tok.head.lemma_.lower() in _BLOCKING_HEADS:
                continue
            content = _content(tok)
            if not content:
                continue
            speaker = speaker_of(tok)
            cue = tok
        if speaker is None or inside_quote(speaker.idx):
            continue
        start, end = _span(content)
        if end - start < 8 or any(inside_quote(i) for i in range(start, end)):
            continue
        if any(ch in doc.text[start:end] for ch in '“”"'):
            continue
        yield Report(start, end, cue, speaker)
