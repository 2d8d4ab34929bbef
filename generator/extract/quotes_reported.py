"""Reported speech: 'X said (that) …', 'X accuses Y of …', 'according to X, …', 'X: …'.

A report whose content is a quotation is left to the quote record (a reader
should not see the same words twice); one that mixes the writer's words with
a quoted fragment is a report too, beside the fragment's own record. Indirect questions ('declined to say how …'), negated
or refused cues, and complements without a subject of their own (as in
'the threat they say is escalating') are not claims and are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import person_nouns, wordset
from .common import text_of
from .quotes_cues import _INVERTIBLE, REPORT_VERBS, is_cue, is_source, speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_WH = frozenset("how when where why whether if what who whom which".split())
_BLOCKING_HEADS = wordset("unrealised_speech_heads")  # 'declined to say', 'is considering announcing'

# Commitments reported with an infinitive ('vowed to …') and appeals ('urged X to …', 'called for …').
_PROMISES = wordset("promise_verbs")
_APPEALS = wordset("appeal_verbs")
# 'The poll found that …', 'Figures show …': sources that report without speaking.
EVIDENCE_VERBS = wordset("evidence_verbs")
# The frames below read their words from resources/<language>/words.yml.
_JUDGES = wordset("judgement_verbs")
_JUDGES_ALONE = wordset("judgement_verbs_alone")
_QUESTIONS = wordset("question_verbs")
_ADVOCATES = wordset("advocacy_verbs")
_SPEECH_NOUNS = wordset("speech_nouns")
_DISPUTING = wordset("disputing_verbs")
_VOICING = wordset("voicing_verbs")
_PUBLICATIONS = wordset("publication_nouns")
_STANCES = wordset("stance_nouns")
# 'called X a Y', 'described X as Y': what someone said a thing is.
_NAMING = wordset("naming_verbs")
# 'told X that …', 'warned X that …': the object is the one spoken to.
_SPOKEN_TO = wordset("spoken_to_verbs")
# 'confirmed the deal', 'accused X of …': the object is what was said.
_WITH_OBJECT = wordset("speech_verbs.with_object")
_OBJECT_PREPS = wordset("speech_object_prepositions")
_CUE_LEMMAS = REPORT_VERBS | EVIDENCE_VERBS | _APPEALS | _JUDGES | _QUESTIONS | _ADVOCATES | _NAMING


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _frame(verb, lemma: str) -> list | None:
    """Speech acts without a 'that' clause: 'criticised X for Y', 'asked X if Y',
    'called on X to Y', 'argued for Y'. None when the verb is passive (the one
    written as its subject is the one spoken to or of, not the speaker)."""
    if _passive(verb):
        return None
    after = [c for c in verb.children if c.i > verb.i]
    if lemma in _JUDGES:
        obj = next((c for c in after if c.dep_ == "dobj"), None)
        why = next((c for c in after if c.dep_ == "prep" and c.lower_ == "for"), None)
        if obj is not None and (why is not None or lemma in _JUDGES_ALONE):
            return [t for c in (obj, why) if c is not None for t in c.subtree]
    if lemma in _QUESTIONS:
        # 'asked the minister if the hospital would stay open': the question, with its 'if';
        # 'asked when each tenant moved in', 'questioned how Roe could …': with its question word.
        for c in after:
            if c.dep_ in ("ccomp", "advcl") and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children
            ):
                return list(c.subtree)
            if c.dep_ == "ccomp" and c.left_edge.lower_ in _WH and c.left_edge.i > verb.i:
                return list(c.subtree)
    if lemma == "call":
        on = next((c for c in after if c.dep_ == "prep" and c.lower_ == "on"), None)
        whom = next((g for g in on.children if g.dep_ == "pobj"), None) if on is not None else None
        to = [c for c in (*after, *(whom.children if whom is not None else ())) if c.dep_ in ("xcomp", "acl")]
        if whom is not None and to:
            return [t for c in (whom, to[0]) for t in c.subtree]
    if lemma in _ADVOCATES:
        why = next((c for c in after if c.dep_ == "prep" and c.lower_ == "for"), None)
        if why is not None:
            return [t for c in why.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
    return None


def _noun_claim(noun) -> tuple[list, Token] | None:
    """'repeated his claim that the bridge is unsafe', 'expressed concern that …': the clause a speech noun introduces,
    said by the subject of the verb that takes the noun as its object, unless that verb
    disputes it ('rejected the claim that …')."""
    if noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head
    voiced = noun.lemma_.lower() in _STANCES and verb.lemma_.lower() in _VOICING
    if noun.lemma_.lower() not in _SPEECH_NOUNS and not voiced:
        return None
    if verb.lemma_.lower() in _DISPUTING or any(c.dep_ == "neg" for c in verb.children) or _passive(verb):
        return None
    clause = _that_clause(noun)
    if clause is not None:
        return clause, verb
    if voiced:
        return list(noun.subtree), verb  # 'voiced deep concern about the policy'
    return None


def _sourced_claim(noun) -> tuple[list, Token] | None:
    """'a report in the Ledger that …', 'Roe's claim that …': a speech or publication noun that
    names its own source says what that source said, whoever repeats or disputes it."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or (lemma not in _SPEECH_NOUNS and lemma not in _PUBLICATIONS):
        return None
    source = None
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            source = c
        elif c.dep_ == "prep" and c.lower_ in ("in", "by", "from") and c.i < noun.i + 3:
            source = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), source)
    if source is None:
        return None
    clause = _that_clause(noun, relative_too=True)
    return (clause, source) if clause is not None else None


def _predicate_claim(noun) -> tuple[list, Token] | None:
    """'Roe's reply was that owners should not pay twice': the clause a speech noun is said to be,
    said by the noun's owner (a name, a description or a pronoun, resolved as a subject is)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _SPEECH_NOUNS or noun.dep_ != "nsubj":
        return None
    verb = noun.head
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
        return None
    for c in verb.children:
        # ('… was that “…,” so the levy must stay': the parse may hang the 'that' clause lower)
        marked = c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"
        subject = any(m.dep_ in ("nsubj", "nsubjpass", "expl") for m in c.children)
        if c.dep_ == "ccomp" and c.i > verb.i and marked and subject:
            return list(c.subtree), owner
    return None


def owned_claim(noun) -> tuple[list, Token] | None:
    """A speech noun that names whose words it holds ('Roe's claim that …', 'Roe's answer was
    that …'): its clause's tokens and the owner."""
    return _sourced_claim(noun) or _predicate_claim(noun)


def _that_clause(noun, relative_too: bool = False) -> list | None:
    """The tokens of the 'that …' clause a noun introduces ('the claim that the bridge is unsafe');
    with `relative_too`, also one the parser read as a relative clause (see :func:`_complement_that`)."""
    for c in noun.children:
        if c.i <= noun.i or not any(m.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for m in c.children):
            continue
        marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        if c.dep_ in ("acl", "ccomp", "relcl") and marked or relative_too and c.dep_ == "relcl" and _complement_that(c):
            return list(c.subtree)
    return None


def _complement_that(verb) -> bool:
    """'a report that Roe is weighing a run', parsed as a relative clause with 'that' for its
    object: a complement, when the verb has an object or complement of its own besides it."""
    first = next(iter(verb.subtree))
    if first.lower_ != "that" or first.dep_ not in ("dobj", "mark", "nsubj"):
        return False
    own = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and c.i != first.i]
    return first.dep_ == "dobj" and bool(own)


@dataclass(frozen=True)
class Report:
    start: int
    end: int
    cue: Token
    speaker: Token


def _span(tokens: list) -> tuple[int, int]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].is_punct or tokens[0].dep_ in ("mark", "cc", "dobj") and tokens[0].lower_ in ("that", "and")
    ):
        tokens = tokens[1:]
    # A clause cut before a later one leaves its conjunction behind ('… lines and').
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in ("and", "but", "or", "so", "while")):
        tokens = tokens[:-1]
    if not tokens:
        return 0, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _has_subject(clause) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in clause.children)


def _colon_after(clause) -> bool:
    nxt = clause.right_edge.i + 1
    return nxt < len(clause.doc) and clause.doc[nxt].text in (":", ";", "—", "–")


def _content(verb) -> list | None:
    """The tokens a speech verb reports, or None."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in children
    ):
        # 'After lunch, at which she spoke of X, Roe insisted that …': the clause 'that' opens after the
        # cue is what was said; a clause the parse also hung on the cue before it is scene-setting.
        children = [c for c in children if not (c.dep_ == "ccomp" and c.i < verb.i)]
    elif any(c.dep_ == "ccomp" and c.i > verb.i and _has_subject(c) for c in children):
        # 'Reviews were harsh: the Gazette said Lee had …': a clause ended by a colon before the cue,
        # with the cue's own clause after it, is the writer's lead-in.
        children = [c for c in children if not (c.dep_ == "ccomp" and c.i < verb.i and _colon_after(c))]
    for c in children:
        if c.dep_ == "ccomp" and (gap := _relative_content(verb, c)) is not None:
            return gap
        if c.dep_ == "ccomp":
            sub = list(c.subtree)
            wh = sub[0].lower_ in _WH and not _opens_adverbial(sub[0], c)
            if not wh and not any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in c.children):
                lost = _lost_subject(verb, c)
                if lost is not None:
                    return lost + sub
            if wh or not any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for t in c.children):
                return None
            if c.i < verb.i and any(t.i > verb.i for t in sub):
                return None
            subj = next((t for t in c.children if t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
            if c.i > verb.i and subj is not None:
                # 'said on Wednesday it had …': a time or place phrase right after the cue is the cue's.
                lead = {
                    t.i
                    for d in c.children
                    if d.dep_ in ("prep", "npadvmod", "advmod")
                    and d.right_edge.i < subj.left_edge.i
                    and d.left_edge.i <= verb.i + 1
                    for t in d.subtree
                }
                sub = [t for t in sub if t.i not in lead]
            if c.i > verb.i:
                # 'said the plan is dead, the money is gone': the parser may give
                # the verb a second complement clause that goes on with the first.
                for d in verb.children:
                    if d.dep_ == "ccomp" and d.i > max(t.i for t in sub) and d.lower_ not in _WH:
                        sub += list(d.subtree)
            return sub
    if lemma in _SPOKEN_TO:
        # 'told the Daily Ledger that Roe had left': the parse may hang the clause on the one told as
        # a relative clause; opened by 'that' as a conjunction and with a subject of its own, it is what was said.
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
            for clause in (c for c in obj.children if c.dep_ == "relcl" and c.i > obj.i):
                mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "that"), None)
                if mark is not None and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
                    return [t for t in clause.subtree if t.i > mark.i]
    if lemma in _NAMING and not _passive(verb):
        # 'called the plan a “disaster”', 'described her as a workhorse': what the subject said
        # the thing is, as the object and what it is called.
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        what = next(
            (
                c
                for c in verb.children
                if c.i > verb.i
                and (c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" and list(c.children))
            ),
            None,
        )
        if obj is not None and what is not None and obj.tag_ not in ("WDT", "WP") and what.i > obj.i:
            return [t for c in (obj, what) for t in c.subtree]
    if lemma in _PROMISES:
        # 'vowed to rebuild the bridge': what the subject committed to, as the infinitive clause.
        for c in verb.children:
            if c.dep_ == "xcomp" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return list(c.subtree)
    if lemma in _APPEALS:
        # 'urged the government to hold elections', 'called for an inquiry', 'recommended that …'
        objs = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "ccomp")]
        fors = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i]
        marks: set[int] = set()
        if lemma == "call":
            objs = [g for f in fors for g in f.children if g.dep_ == "pobj"]
            for c in verb.children:
                # 'called for engineers to repair the bridge': the parse makes 'for' the mark of the clause.
                mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"), None)
                if c.dep_ == "advcl" and c.i > verb.i and mark is not None and mark.i == verb.i + 1:
                    objs.append(c)
                    marks.add(mark.i)
        if objs and (lemma != "urge" or any(c.dep_ in ("xcomp", "ccomp") for c in objs) or len(objs) > 0):
            return [t for c in objs for t in c.subtree if t.i not in marks]
        return None
    if lemma in _WITH_OBJECT:
        # The object, and what it is praised or blamed for ('praised the staff for their work'), not
        # when or where ('on Monday', 'in Arden').
        objs = [
            c
            for c in verb.children
            if c.i > verb.i and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)
        ]
        if lemma == "accuse":
            if not any(c.dep_ == "prep" and c.lower_ == "of" for c in objs):
                return None
        elif not any(c.dep_ == "dobj" for c in objs):
            return None
        return [t for c in objs for t in c.subtree]
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        # 'The plan, she said, is dead.': the clause around a cue set off by commas
        # (the span keeps the cue's words between its two halves).
        own = sorted(t.i for t in verb.subtree)
        doc = verb.doc

        def comma(i: int) -> bool:
            return 0 <= i < len(doc) and doc[i].text == ","

        set_off = (comma(own[0]) or comma(own[0] - 1)) and (comma(own[-1]) or comma(own[-1] + 1))
        head = verb.head
        if (
            set_off
            and own[0] > head.left_edge.i
            and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in head.children)
        ):
            return list(head.subtree)
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # 'The plan is dead, he said.': the head clause, minus the cue's own words.
        cue_words = {t.i for t in verb.subtree}
        sub = [t for t in verb.head.subtree if t.i not in cue_words and t.i < verb.i]
        if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in verb.head.children):
            return sub
    return None


def _opens_adverbial(word, clause) -> bool:
    """'When the wind dropped, it landed safely, he said': the 'when' opens a clause of time inside
    what was said, not an indirect question ('said when it would land')."""
    head = word.head
    return head.i != clause.i and head.dep_ == "advcl" and head.head.i == clause.i and head.i < clause.i


def _relative_content(verb, clause) -> list | None:
    """'letters, which Roe says she kept for a decade', 'a quarrel she said took place in May',
    'what they said was a need for …': a cue inside a relative clause reports what follows it
    (the relative word before the cue stands for what the clause is about)."""
    sub = list(clause.subtree)
    if clause.i < verb.i or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    fronted = sub[0].i < verb.i and sub[0].lower_ in _WH
    if verb.dep_ not in ("relcl", "pcomp") and not fronted:
        return None
    after = [t for t in sub if t.i > verb.i]
    if len(after) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in after):
        return None
    return after


def _lost_subject(verb, clause) -> list | None:
    """'said about half of the rise reflected …': the parse hung the clause's subject on the cue
    as a phrase of its own. The words between the cue and the clause are that subject when they
    are one phrase of the cue (not a date, not 'to' someone) and the clause has none."""
    if verb.lemma_.lower() != "say" or clause.i < verb.i:
        return None
    between = [c for c in verb.children if verb.i < c.i < clause.i and not c.is_punct]
    if len(between) != 1 or between[0].dep_ not in ("prep", "dobj", "npadvmod"):
        return None
    phrase = sorted(between[0].subtree, key=lambda t: t.i)
    if phrase[0].i != verb.i + 1 or phrase[-1].i + 1 != clause.left_edge.i:
        return None
    if between[0].lower_ in ("to", "on", "in", "at", "during", "after", "before", "since") or any(
        t.ent_type_ in ("DATE", "TIME") for t in phrase
    ):
        return None
    return phrase


def _relays(cue, content: list) -> bool:
    """'The Post reported that Roe said he …': the content is someone else's statement, reported
    on its own (speaker Roe); the outlet only relays it."""
    return any(
        t.head.i == cue.i
        and t.dep_ == "ccomp"
        and is_cue(t)
        and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in t.children)
        and any(c.dep_ == "ccomp" for c in t.children)  # a statement of its own, not 'were calling often'
        for t in content
    )


def _before_nested_cue(content: list, cue) -> list:
    """Cut the content before a clause with its own speech cue ('…, citing what it
    claimed were “…”'): that clause is a separate attribution."""
    content = sorted(content, key=lambda t: t.i)
    first = content[0].i if content else 0
    for t in content:
        if (
            t.i > first + 1
            and t.i != cue.i
            and is_cue(t)
            and t.dep_ in ("advcl", "conj", "xcomp", "relcl")
            and not (t.dep_ == "xcomp" and t.head.lemma_.lower() in _BLOCKING_HEADS)
        ):
            cut = min(x.i for x in t.subtree)
            if cut > first + 1:
                return [x for x in content if x.i < cut]
    return content


_INVERTED = _INVERTIBLE | {"report"}
_SAYER_HEADS = wordset("group_heads") | wordset("organisation_heads") | wordset("organisation_nouns")


def _statement_before(sent, end: int) -> list | None:
    """The sentence's words before a closing attribution at token `end`, when they make a statement
    (a subject of their own, not a question opened by 'how', 'whether' …)."""
    content = [t for t in sent if t.i < end]
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in content) or any(t.lower_ in _WH for t in content[:1]):
        return None
    return content


def _inverted_tail(tok) -> tuple[list, Token] | None:
    """'…, reported the Daily Ledger.', '…, said Jane Roe, a spokeswoman.' where the parse joined
    the cue to the clause before it as a second verb: the source is the phrase after the cue
    (to the end of the sentence), the content is the sentence before the comma."""
    if tok.lemma_.lower() not in _INVERTED or tok.dep_ != "conj" or tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return None
    after = [c for c in tok.children if c.i > tok.i and c.dep_ in ("dobj", "nsubj", "attr")]
    if len(after) != 1 or not is_source(after[0]):
        return None
    source = after[0]
    lemma = source.lemma_.lower()
    if source.pos_ != "PROPN" and lemma not in person_nouns() | _SAYER_HEADS:
        return None  # 'said hello': an object, not a source
    sent = tok.sent
    rest = [t for t in sent if t.i > tok.i and not t.is_punct]
    if any(t.i not in {x.i for x in source.subtree} for t in rest):
        return None  # more after the source: not a tail attribution
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children):
        return None  # the cue has its own subject before it: an ordinary clause
    content = _statement_before(sent, tok.i - 1)
    return (content, source) if content is not None else None


def _trailing_source(tok) -> tuple[list, Token] | None:
    """'<a sentence>, the Daily Ledger reports.' where the parse hung the cue inside the sentence
    (on a noun as a relative clause, or as a second verb): the cue and its subject close the
    sentence after a comma, so the sentence before the comma is what they report."""
    if tok.lemma_.lower() not in _INVERTED or tok.dep_ not in ("relcl", "conj", "advcl", "acl") or tok.i < 4:
        return None
    sent = tok.sent
    if any(not t.is_punct for t in sent if t.i > tok.i) or any(c.i > tok.i and not c.is_punct for c in tok.children):
        return None  # more after the cue: not a closing attribution
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or not is_source(subj) or subj.right_edge.i != tok.i - 1:
        return None
    comma = subj.left_edge.i - 1
    if comma <= sent.start or tok.doc[comma].text != ",":
        return None
    if subj.pos_ != "PROPN" and subj.lemma_.lower() not in person_nouns() | _SAYER_HEADS:
        return None
    content = _statement_before(sent, comma)
    return (content, subj) if content is not None else None


def _according(tok) -> tuple[list, Token] | None:
    """'According to X, <clause>': the clause and X."""
    head = tok.head
    if tok.dep_ != "prep" or head.i == tok.i:
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    if pobj is None or not is_source(pobj) or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    own = {t.i for t in tok.subtree}
    return [t for t in head.subtree if t.i not in own], pobj


def _speaker_label(doc) -> Report | None:
    """'Name: words' opening a paragraph (headlines, transcripts): the named one says the words.

    Only when everything before the colon is one person or organisation name
    (or a capitalised transcript label such as 'SMITH'), so that labels like
    'Update:' or datelines are not read as speakers.
    """
    colon = next((t for t in doc[:7] if t.text == ":"), None)
    if colon is None or colon.i == 0 or len(doc) - colon.i < 4:
        return None
    label = doc[: colon.i]
    ents = [e for e in doc.ents if e.end <= colon.i]
    named = len(ents) == 1 and ents[0].label_ in ("PERSON", "ORG") and ents[0].end == colon.i
    shouted = len(label) == 1 and label[0].is_upper and label[0].is_alpha and len(label[0]) > 2
    if not (named or shouted) or doc[colon.i + 1].like_num:
        return None
    speaker = ents[0].root if named else label[0]
    start = doc[colon.i + 1].idx
    end = len(text_of(doc).rstrip().rstrip("."))
    return Report(start, end, colon, speaker)


def reported_speech(doc, inside_quote: Callable[[int], bool]) -> Iterator[Report]:
    """Reports in one paragraph's Doc whose content holds no quotation."""
    label = _speaker_label(doc)
    if label is not None and not any(inside_quote(i) for i in range(label.start, label.end)):
        yield label
    content: list | None  # the reported tokens; None (or empty) when a cue reports nothing
    for tok in doc:
        if inside_quote(tok.idx):
            continue
        if tok.lower_ == "according":
            got = _according(tok)
            if got is None:
                continue
            content, speaker = got
            cue = tok
        elif (tail := _inverted_tail(tok) or _trailing_source(tok)) is not None:
            content, speaker = tail
            cue = tok
        elif (sourced := owned_claim(tok)) is not None:
            content, speaker = sourced
            cue = tok
        elif (claim := _noun_claim(tok)) is not None:
            content, cue = claim
            if any(c.dep_ == "neg" for c in cue.children):
                continue
            speaker = speaker_of(cue)
        else:
            lemma = tok.lemma_.lower()
            if lemma not in _CUE_LEMMAS or not tok.tag_.startswith("VB"):
                continue
            blocked = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _BLOCKING_HEADS  # 'declined to say'
            if any(c.dep_ == "neg" for c in tok.children) or blocked:
                continue
            content = _content(tok) or _frame(tok, lemma)
            if not content or _relays(tok, content):
                continue
            speaker = speaker_of(tok)
            if lemma in EVIDENCE_VERBS and (speaker is None or speaker.pos_ not in ("NOUN", "PROPN")):
                continue  # 'this shows that …' has no source to name
            cue = tok
        if speaker is None or inside_quote(speaker.idx):
            continue
        content = _before_nested_cue(content, cue)
        start, end = _span(content)
        end = _past_closing_mark(text_of(doc), start, end)
        if end - start < 8 or _mostly_quoted(text_of(doc), content, start, end, inside_quote):
            continue
        yield Report(start, end, cue, speaker)


def _past_closing_mark(text: str, start: int, end: int) -> int:
    """A content that ends inside a quoted fragment ('calling “every fifteen minutes.”') runs to its closing mark."""
    inner = text[start:end]
    if inner.count("“") > inner.count("”") or inner.count('"') % 2:
        for k in range(end, min(len(text), end + 4)):
            if text[k] in '”"':
                return k + 1
    return end


def _mostly_quoted(text: str, content: list, start: int, end: int, inside_quote: Callable[[int], bool]) -> bool:
    """Content that is a quotation (or mostly one) is the quote record's; content that mixes
    the writer's words with a quoted fragment ('said the deal was “a disaster”') is a report too."""
    if inside_quote(start) or text[start : start + 1] in "“\"'‘`":
        return True
    # The writer's own words before the fragment make it a report ('says the deal was “a disaster”')
    # when they hold the clause's verb; a bare subject before a quoted predicate
    # ('the firm “will press on”') leaves the words the speaker's own.
    lead = next((i for i in range(start, end) if inside_quote(i)), end)
    if any(t.idx < lead and t.pos_ in ("VERB", "AUX") for t in content):
        return False
    quoted = sum(1 for i in range(start, end) if inside_quote(i) and not text[i].isspace())
    words = sum(1 for i in range(start, end) if not text[i].isspace())
    return quoted >= 0.5 * max(words, 1)
