"""Pronoun speakers: the nearest suitable earlier mention they refer to.

A deliberately small resolver: it looks back sentence by sentence (the
pronoun's own sentence first, then earlier ones, across up to three
paragraphs) and, within a sentence, prefers grammatical subjects, then the
leftmost mention. Candidates must agree with the pronoun: "he"/"she" a
person (titles such as Mr/Ms must not contradict), "they" a group,
organisation, nationality or plural person noun, "it" an organisation or
country. Mentions inside quotations are not candidates: quoted words talk
about people, they do not introduce the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import text_of
from .quotes_cues import SUBJECT_DEPS, np_tokens

PERSON_NOUNS = frozenset(
    """
    spokesperson spokesman spokeswoman official minister president leader director secretary senator
    governor mayor ambassador diplomat commander general officer chief chairman chairwoman chair head
    executive ceo founder manager analyst expert economist lawyer attorney prosecutor judge candidate
    lawmaker legislator congressman congresswoman representative aide adviser advisor strategist
    spokespeople source sources official officials member members resident residents witness witnesses
    activist activists researcher researchers scientist scientists professor teacher doctor police
    people voter voters supporter supporters critic critics protester protesters worker workers
    negotiator envoy prime king queen prince princess pope cleric mp mps deputy colonel captain
    farmer parent student nurse patient fan player citizen employee staff investor trader owner
    family families neighbour neighbor victim survivor refugee migrant immigrant politician campaigner
    """.split()
)
ORG_NOUNS = frozenset(
    """
    government department ministry agency company firm group party campaign committee commission council
    administration office court military army navy embassy consulate bank union organisation organization
    newspaper network channel website board police authority authorities regime coalition alliance
    airline carrier club team school university college hospital city country nation state corporation
    manufacturer retailer operator provider charity foundation institute service force study report
    survey poll statement magazine paper station broadcaster parliament congress senate house cabinet
    """.split()
)
_FEMALE = frozenset("mrs ms miss madam dame lady queen princess spokeswoman chairwoman congresswoman woman she".split())
_MALE = frozenset("mr sir lord king prince spokesman chairman congressman man he".split())
PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she", "they": "they", "them": "they", "it": "it"}


@dataclass(frozen=True)
class Antecedent:
    paragraph: int
    start: int
    end: int
    text: str
    head_start: int = 0
    head_end: int = 0
    """The head of the mention ('the airline' -> 'airline'; a name is its own head)."""


# Agent-noun endings ("farmers", "activists", "residents"): a weak sign of people,
# used only for grammatical subjects, where a speech verb needs a person anyway.
_AGENT_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents")


def _kind(tokens: list, label: str | None) -> set[str]:
    """The pronouns a candidate mention can be referred to by."""
    words = {t.lower_.rstrip(".") for t in tokens}
    root = max(tokens, key=lambda t: t.head not in tokens)
    if label == "PERSON":
        if words & _FEMALE:
            return {"she"}
        if words & _MALE:
            return {"he"}
        return {"he", "she"}
    if label in ("ORG", "GPE"):
        return {"it", "they"}
    if label == "NORP":
        return {"they"}
    lemma = root.lemma_.lower()
    plural = root.tag_ in ("NNS", "NNPS")
    if lemma in PERSON_NOUNS or root.lower_ in PERSON_NOUNS:
        if plural:
            return {"they"}
        if words & _FEMALE:
            return {"she"}
        if words & _MALE:
            return {"he"}
        return {"he", "she"}
    if lemma in ORG_NOUNS:
        return {"they"} if plural else {"it", "they"}
    if plural and root.dep_ in SUBJECT_DEPS and root.lower_.endswith(_AGENT_SUFFIXES):
        return {"they"}
    return set()


def _candidates(doc, sent, before: int | None, inside) -> list[tuple[bool, int, list, set[str], list]]:
    """(is_subject, position, tokens, pronouns, head tokens) for the mentions in a sentence."""
    out = []
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.start < sent.start or ent.end > sent.end or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if before is not None and ent.end > before or inside(ent.start_char):
            continue
        toks = list(ent)
        subj = ent.root.dep_ in SUBJECT_DEPS or (
            ent.root.dep_ in ("compound", "poss") and ent.root.head.dep_ in SUBJECT_DEPS
        )
        out.append((subj, ent.start, toks, _kind(toks, ent.label_), toks))
        seen.update(t.i for t in toks)
    for tok in sent:
        if before is not None and tok.i >= before or tok.i in seen or inside(tok.idx):
            continue
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "poss"):
            kinds = _kind([tok], None)
            if kinds:
                toks = np_tokens(tok)
                out.append((tok.dep_ in SUBJECT_DEPS, toks[0].i, toks, kinds, [tok]))
    # Subjects first, then left to right, as a reader's attention runs.
    out.sort(key=lambda c: (not c[0], c[1]))
    return out


def resolve_pronoun(pronoun, paragraph: int, docs: list, inside_quote) -> Antecedent | None:
    """The mention a speaker pronoun refers to, or None when no earlier mention fits.

    `inside_quote(paragraph, offset)` says whether an offset lies in a quotation.
    """
    want = PRONOUNS.get(pronoun.lower_)
    if want is None:
        return None
    for p in range(paragraph, max(0, paragraph - 4), -1):
        doc = docs[p - 1]
        sents = list(doc.sents)
        if p == paragraph:
            sents = [s for s in sents if s.start <= pronoun.i]
        for sent in reversed(sents):
            before = pronoun.i if p == paragraph and sent.start <= pronoun.i < sent.end else None
            for _subj, _pos, toks, kinds, head in _candidates(doc, sent, before, lambda off, p=p: inside_quote(p, off)):
                if want in kinds:
                    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
                    return Antecedent(p, start, end, text_of(doc)[start:end], head[0].idx, head[-1].idx + len(head[-1]))
    return None
