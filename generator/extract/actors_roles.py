"""Roles and titles the text gives a person or an organisation.

Five shapes, all read off the dependency parse of one paragraph:

* a title before the name: "President X", "Major General X" (courtesy titles
  such as "Mr" mark a person but are no role);
* an apposition after the name: "X, US secretary of state,", "X, a former MP";
* an apposition before the name: "Peru's chief justice, X,";
* a lower-case role noun phrase right before the name: "foreign minister X";
* a relative clause with 'be': "X, who is chairman of Y,".

The affiliation is the country or organisation named inside the role
("<country>'s <role>", "<country> <role>", "<role> of <organisation>").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..lexicon import calendar_words, person_nouns, wordlist, wordset
from .actors_lexicon import HONORIFICS, ORG_HEADS, PLACE_NOUNS, TITLE_WORDS
from .actors_mentions import Candidate, title_key
from .common import text_of

STOP_AT = {",", ";", ":", "(", ")", "--", "—", "–", "which", "who", "whose", "that", "“", "”", '"'}


@dataclass(frozen=True)
class FoundRole:
    text: str
    affiliation: str | None
    paragraph: int
    start: int
    end: int


def _span_text(doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].lower_ in ("a", "an", "the") or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].tag_ == "POS"):
        e -= 1
    return s, e


def _cut(doc, head, s: int, e: int) -> int:
    """End a role after its head at the first comma or relative clause."""
    for i in range(head.i + 1, e):
        if doc[i].text in STOP_AT or doc[i].lower_ in STOP_AT:
            return i
    return e


_NP_LEFT = ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod", "case")


_POSSESSIVE_MARKS = frozenset({"'", "’", "'s", "’s"})


def _appositions(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    root = doc[cand.root]
    k = min([c.i for c in root.lefts if c.dep_ in ("det", "amod", "compound", "nmod")] + [cand.span[0]])
    after = cand.span[1]
    if k > 0 and doc[k - 1].text in ("“", '"') and after < len(doc) and doc[after].text in ("”", '"'):
        return  # 'called the senator “the next Tom Poe”': a name quoted as what someone is called
    for child in root.children:
        # A plural apposition describes several people ("X and Y, both sons of ..."), not X's role.
        if child.dep_ == "appos" and child.i > root.i and child.pos_ in ("NOUN", "PROPN") and child.tag_ != "NNS":
            s, e = child.left_edge.i, child.right_edge.i + 1
            if child.ent_type_ == "PERSON":
                continue  # another name in apposition, not a role
            if child.pos_ == "PROPN" and child.ent_type_ in ("GPE", "LOC", "FAC", "NORP"):
                continue
            if doc[s].text == "(" or s > 0 and doc[s - 1].text == "(":
                continue  # "(R-Eastbrook)": a party and state label, not a role
            if root.i + 1 < len(doc) and doc[root.i + 1].text in _POSSESSIVE_MARKS:
                continue  # "Roe’ finest year": the parse read a possessive as an apposition
            if doc[s].tag_ == "PRP$":
                continue  # "X and his wife, Y": the relation belongs to Y
            e = _cut(doc, child, s, e)
            if not _role_like(doc, s, e) or _subject_in_disguise(doc, child):
                continue
            if not _other_person(doc, child, s, e):
                yield s, e
    head = root.head
    if (
        root.dep_ == "appos"
        and head.pos_ == "PROPN"
        and head.dep_ == "pobj"
        and head.head.dep_ == "prep"
        and head.head.head.pos_ == "NOUN"
        and _people_noun(head.head.head)
    ):
        head = head.head.head  # 'a spokesman for Roe, Ann Lee,': the apposition is to the spokesman
    # 'with show hosts Jane Roe and Ann Lee': a plural person noun written right onto the names.
    first = root.head if root.dep_ == "conj" and root.head.dep_ == "appos" else root
    noun = first.head
    if (
        first.dep_ == "appos"
        and noun.i == doc[first.left_edge.i].i - 1
        and noun.tag_ == "NNS"
        and noun.text.islower()
        and _people_noun(noun)
    ):
        yield _np_start(noun), noun.i + 1
    # "Peru's chief justice, X, said": the role is a subject or object, not "In this week's episode, X";
    # after a preposition only a noun for a person ("the plan of the leading candidate, X").
    if (
        root.dep_ == "appos"
        and head.i < cand.span[0]
        and head.pos_ == "NOUN"
        and (head.dep_ != "pobj" or head.lemma_.lower() in person_nouns())
    ):
        # The noun's own modifiers only: '“…,” coach X said' hangs the quotation on 'coach' too.
        s = _np_start(head)
        relative = doc[s].tag_ == "WP$"
        if relative and s + 1 < head.i + 1:
            s += 1  # "the party, whose leader, X, …": the role is 'leader'
        e = _cut(doc, head, s, cand.span[0])
        set_off = any(doc[k].is_punct for k in range(head.i + 1, cand.span[0]))
        if relative and not set_off:
            return  # 'whose garden Roe praised': the name is the clause's subject, not an apposition
        if not set_off and not _people_noun(head) and any(c.dep_ == "det" for c in head.children):
            return  # 'the health center Roe founded': a thing and a clause about it, not a title
        if set_off and not _people_noun(head):
            return  # 'In sending out that one post, Roe proved …': a thing, then the subject; no title
        while e > s and doc[e - 1].is_punct:
            e -= 1
        if not _other_person(doc, head, s, e) and not any(t.pos_ == "VERB" and t.dep_ != "amod" for t in doc[s:e]):
            yield s, e


def second_subject(doc, root):
    """'Jane Roe, the mayor of Arden, said': the description the parse made a second subject of
    the verb instead of an apposition to the name (its head, or None). Set off by commas on both
    sides, right after the name, headed by a singular noun for a person."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    k = root.i + 1  # the name's last word is its root
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    for sib in root.head.children:
        if sib.i <= k or sib.dep_ not in ("nsubj", "nsubjpass") or sib.left_edge.i != k + 1:
            continue
        after = sib.right_edge.i  # the closing comma, whether the parse hung it on the noun or not
        after += doc[after].text != ","
        if sib.tag_ == "NN" and _person_noun(sib) and after < len(doc) and doc[after].text == ",":
            return sib
    return None


def _second_subject_role(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    root = doc[cand.root]
    if root.i != cand.span[1] - 1:
        return
    head = second_subject(doc, root)
    if head is not None and not _other_person(doc, head, head.left_edge.i, head.right_edge.i + 1):
        s = head.left_edge.i
        yield s, _cut(doc, head, s, head.right_edge.i + 1)


def _np_start(tok) -> int:
    """Where a noun's own phrase starts: its articles and modifiers, not whatever else the parse
    hung on it ('“…,” coach X said' hangs the quotation on 'coach')."""
    return min([c.left_edge.i for c in tok.lefts if c.dep_ in _NP_LEFT] + [tok.i])


def _with_prefix(doc, s: int) -> int:
    """A phrase start moved back over a prefix the parse split off at a hyphen ('co-founder')."""
    while s >= 2 and _glued_prefix(doc, s - 1):
        s -= 2
    return s


def _glued_prefix(doc, i: int) -> bool:
    """Token i is a hyphen glued to the words on both sides ('co-founder')."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_


# Verbs that hold a post 'as' it ('served as chief of staff', 'works as a nurse').
_SERVING = wordset("serving_verbs")
_HEDGING = wordset("hedging_verbs")


def _relative_role(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'X, who is chairman of Y, said': the role a relative clause gives the name with 'be'; 'X,
    who chairs the Y board, said': a verb of leading (words.yml leading_verbs) and the body it leads."""
    root = doc[cand.root]
    for clause in root.children:
        if clause.dep_ != "relcl" or clause.i < root.i:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
            continue
        if clause.lemma_.lower() in LEADING_VERBS and clause.tag_ in ("VBZ", "VBP"):  # not 'who ran the race'
            led = next((c for c in clause.children if c.dep_ == "dobj" and c.tag_ in ("NN", "NNP")), None)
            # a body ('the Y federation', an organisation's name), not 'a quiet life', 'the risk'
            if led is not None and (
                led.lemma_.lower() in ORG_HEADS | LED_BODIES or any(t.ent_type_ == "ORG" for t in led.subtree)
            ):
                yield clause.i, _cut(doc, led, clause.i, led.right_edge.i + 1)
            continue
        # 'who is a co-owner of Y', and 'who rode for X and is a co-owner of Y' (the 'be' a second verb).
        verbs = [clause] + [
            c
            for c in clause.children
            if c.dep_ == "conj" and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
        ]
        for verb in verbs:
            if verb.lemma_ in _SERVING:
                # 'who served as Roe's chief of staff', 'who works as a nurse'
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i):
                    for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
                        if _listed_person_noun(obj):  # not 'served as a warning', 'as a buffer'
                            s = obj.left_edge.i
                            yield s, _cut(doc, obj, s, obj.right_edge.i + 1)
            if verb.lemma_ != "be":
                continue
            for attr in verb.children:
                if attr.dep_ == "attr" and attr.pos_ == "NOUN" and attr.tag_ != "NNS" and attr.i > verb.i:
                    if attr.text == "-" or _glued_prefix(doc, attr.i + 1):
                        continue  # 'co' of 'co-founder', read as a word of its own
                    s = _with_prefix(doc, attr.left_edge.i)  # 'a co-owner of Y'
                    if verb is not clause and not _listed_person_noun(attr):
                        continue  # 'who built the mill and is a symbol of the town': no role
                    yield s, _cut(doc, attr, s, attr.right_edge.i + 1)


def _subject_in_disguise(doc, child) -> bool:
    """'… with Jane Roe, the Democratic candidate stated that …': the parser hangs the next
    clause's subject on the name as an apposition; a verb right after it that has no subject
    of its own shows the phrase is that subject, not a role."""
    end = child.right_edge.i + 1
    if end >= len(doc):
        return False
    verb = doc[end]
    if verb.pos_ == "ADV" and end + 1 < len(doc):
        verb = doc[end + 1]
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.dep_ in ("ROOT", "ccomp", "conj")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    )


_NOT_ROLES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _role_like(doc, s: int, e: int) -> bool:
    """A one-word apposition is a role only if it is a common noun naming a person's
    function ("spokesman"), not a proper name or a word for a body or place."""
    toks = [t for t in doc[s:e] if not t.is_punct and t.lower_ not in ("a", "an", "the")]
    if not toks or toks[0].tag_ in ("CC", "WDT", "WP", "WP$", "IN"):
        return False  # "whose son", "and Polk counties": a clause or a list, not a role
    if any(t.like_num for t in toks) and any(t.lower_ in ("percent", "%") for t in toks):
        return False
    root = doc[s:e].root
    if root.like_num or root.ent_type_ in _NOT_ROLES or root.lower_ in calendar_words():
        return False  # 'December 2' after a signature: a date, not what someone is
    if root.tag_ == "NNS" and not _people_noun(root):
        return False  # '36 votes for …': a count of things, not a role
    if len(toks) != 1:
        return True
    t = toks[0]
    word = t.lower_
    if word in TITLE_WORDS or (word.endswith("s") and word[:-1] in TITLE_WORDS):
        return True  # 'Senators X and Y': a title of several
    return t.pos_ == "NOUN" and t.text.islower() and word not in ORG_HEADS and word not in PLACE_NOUNS


def _other_person(doc, head, s: int, e: int) -> bool:
    """A person named inside the role other than through a preposition or as its owner
    ("spokesman for X", "X's campaign manager" are fine)."""
    for t in doc[s:e]:
        if t.ent_type_ != "PERSON":
            continue
        node, via_prep = t, False
        while node.i != head.i and node.head.i != node.i:
            if node.dep_ in ("prep", "pobj", "poss") and node.head.i != node.i:
                # 'X's campaign manager' (a post held for X), not 'X's team and the crew'
                owner = (
                    node.dep_ == "poss"
                    and _people_noun(node.head)
                    and not any(c.dep_ == "cc" and s <= c.i < e for c in head.children)
                )
                via_prep = via_prep or node.dep_ == "prep" or owner
            node = node.head
        if not via_prep:
            return True
    return False


SPEECH_VERBS = wordset("speech_verbs.common")
LEADING_VERBS = wordset("leading_verbs")
LED_BODIES = wordset("led_bodies")
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
# Endings of nouns for a doer ('commander', 'spokesman'), not for the one done to ('employee').
PERSON_SUFFIXES = wordlist("agent_noun_endings.doer") + wordlist("agent_noun_endings.compound")


def _person_noun(tok) -> bool:
    word = tok.lower_
    if word in ORG_HEADS or word in PLACE_NOUNS or not tok.text.islower():
        return False
    return word in TITLE_WORDS or word.endswith(PERSON_SUFFIXES)


def _people_noun(tok) -> bool:
    """A plural noun for people: 'hosts', 'contenders', 'co-founders' (words.yml, nameparser, or a
    doer's ending on its lemma), not a body or a place."""
    lemma = tok.lemma_.lower()
    if lemma in ORG_HEADS or lemma in PLACE_NOUNS:
        return False
    return lemma in person_nouns() or lemma in TITLE_WORDS or lemma.endswith(PERSON_SUFFIXES)


def _listed_person_noun(tok) -> bool:
    """A noun for a person by the lists only (words.yml, nameparser's titles), not by its ending:
    'nurse', 'co-owner', 'lawyer'; not 'disaster', 'factor', 'reminder'."""
    lemma = tok.lemma_.lower()
    listed = person_nouns() | TITLE_WORDS
    return lemma in listed or lemma.split("-")[-1] in listed


def _described_speaker(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'The British deputy commander of X said ... "..." said Major General Y.'

    A quote attributed by inversion ("..., said Y") right after an unnamed,
    definite speaker ("the deputy commander of X said") of the same paragraph
    continues that speaker's words: the description is Y's role. Only when
    nobody else is named in between.
    """
    root = doc[cand.root]
    verb = root.head
    if root.dep_ != "nsubj" or verb.i > cand.span[0] or verb.lemma_ not in SPEECH_VERBS:
        return
    if not any(t.text in QUOTE_MARKS for t in doc[max(0, verb.i - 3) : verb.i]):
        return
    for tok in reversed(doc[: verb.i]):
        if tok.dep_ != "nsubj" or tok.head.lemma_ not in SPEECH_VERBS or tok.head.i >= verb.i:
            continue
        if (
            tok.tag_ != "NN"
            or not _person_noun(tok)
            or not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children)
        ):
            return
        if any(t.ent_type_ == "PERSON" for t in doc[tok.left_edge.i : verb.i]):
            return
        s = tok.left_edge.i
        yield s, _cut(doc, tok, s, tok.right_edge.i + 1)
        return


def _description_next(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'6. Jane Roe. The Eastbrook governor is in a similar place …', 'Jane Roe won the vote. The
    former minister said …': a definite description opening the next sentence, as its subject,
    points back at the one person the sentence before named (its subject, or all it says)."""
    root = doc[cand.root]
    sent = root.sent
    alone = all(t.is_punct or t.is_space or t.like_num or cand.span[0] <= t.i < cand.span[1] for t in sent)
    if not alone and root.dep_ not in ("nsubj", "nsubjpass"):
        return
    if any(t.ent_type_ == "PERSON" and not cand.span[0] <= t.i < cand.span[1] for t in sent):
        return  # two people named: the description may be either's
    nxt = doc[sent.end].sent if sent.end < len(doc) else None
    if nxt is None or nxt[0].lower_ != "the":
        return
    head = next((t for t in nxt if t.dep_ in ("nsubj", "nsubjpass") and t.left_edge.i == nxt.start), None)
    if head is None or head.tag_ != "NN" or not (_person_noun(head) or head.lemma_.lower() in person_nouns()):
        return
    if any(t.lower_ == head.lower_ for t in sent):
        return  # 'Roe met the minister. The minister said': the one just mentioned, not Roe
    if any(t.ent_type_ in ("PERSON", "ORG") for t in doc[nxt.start : head.i + 1]):
        return  # 'The Vistaria Air spokesman said': someone new, who speaks for a body
    yield nxt.start, _cut(doc, head, nxt.start, head.i + 1)


def _prenominal(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'foreign minister X': lower-case nouns modifying the name, right before it."""
    root = doc[cand.root]
    lefts = [c for c in root.lefts if c.i < cand.span[0] and c.dep_ in ("compound", "nmod", "amod", "poss")]
    # Only the run right before the name: 'beyond the harbour wall, artist X' may hang 'wall' on X too.
    lefts = [c for c in lefts if not any(doc[k].is_punct and doc[k].text != "-" for k in range(c.i, cand.span[0]))]
    if not lefts:
        return
    # Each modifier's own modifiers only: '“…,” coach X said' hangs the quotation's comma on 'coach'.
    s = _with_prefix(doc, min(_np_start(c) for c in lefts))  # 'clinic co-founders X'
    e = cand.span[0]
    toks = doc[s:e]
    if any(t.tag_ in ("WP$", "WDT", "WP") for t in toks):
        return  # 'Poe, whose garden Roe praised': a relative clause, not Roe's title
    if any(t.is_punct and t.text not in ("-",) for t in toks) or any(
        t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
        for t in toks  # 'retired surgeon X' keeps 'retired'
    ):
        return
    last = doc[e - 1]
    if toks[0].tag_ == "DT" and not _listed_person_noun(last):
        return  # 'visited the health center Roe founded': a thing and a clause about it, not a title
    if s > 0 and doc[s - 1].lower_ in ("the", "a", "an") and not _people_noun(last):
        return  # 'the Vistanet account Roe shared': the same, the article left out of the phrase
    if any(t.pos_ == "NOUN" and t.text.islower() for t in toks) or (
        last.pos_ == "ADJ" and last.text.islower() and _listed_person_noun(last)
    ):
        yield s, e  # 'his representative X': the tagger may read the noun as an adjective


def _predicate_role(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'The clinic said Jane Roe was a nurse', 'Roe is the club's head coach': a listed noun for a
    person after a form of 'be' whose one subject is the name. Not 'was not', 'if she were',
    'could be', nor a claim or a belief about the name ('police believe X was the shooter')."""
    root = doc[cand.root]
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < root.i or any(c.dep_ == "conj" for c in root.children):
        return
    if any(c.dep_ == "neg" or c.dep_ == "mark" or c.tag_ == "MD" for c in verb.children):
        return  # 'was not a doctor', 'if she were a doctor', 'could be the killer'
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in _HEDGING:
        return  # 'critics claimed X was a traitor': their claim, not what X is
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.i > verb.i), None)
    if attr is None or attr.pos_ != "NOUN" or attr.tag_ == "NNS" or not _listed_person_noun(attr):
        return
    s = attr.left_edge.i
    while s < attr.i and doc[s].tag_ in ("DT", "PRP$"):
        s += 1
    e = _cut(doc, attr, s, attr.right_edge.i + 1)
    e = min([c.i for c in attr.children if c.dep_ == "cc" and c.i > attr.i] + [e])  # 'director and one of …'
    if not _other_person(doc, attr, s, e):
        yield s, e


_IDENTIFYING = wordset("identifying_verbs")
_APPOINTING = wordset("appointing_verbs")


def _noun_span(doc, heads: list) -> tuple[int, int] | None:
    """The noun phrase of a head (or of tokens the parse split it into, 'co - pilot'), articles dropped."""
    noun = max(heads, key=lambda t: t.i)
    if noun.pos_ != "NOUN" or noun.tag_ == "NNS":
        return None
    if not _listed_person_noun(noun):
        return None
    for c in noun.lefts:
        if c.tag_ == "PRP$" and "Neut" not in c.morph.get("Gender") and "Plur" not in c.morph.get("Number"):
            return None  # 'her favourite writer': someone's view, not a post ('its next coach' is one)
    s = min([_np_start(noun)] + [h.i for h in heads])
    while s < noun.i and doc[s].tag_ in ("DT", "PRP$"):  # articles and possessive pronouns
        s += 1
    return s, noun.i + 1


def _identified_as(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'Officers identified the nurse as Jane Roe', 'The ship's nurse was identified as Tom Poe': the
    one identified is the role the name is given; 'The club named Jane Roe as its new coach': the
    one named to is."""
    root = doc[cand.root]
    verb = root.head
    lemma = verb.lemma_.lower()
    act = verb.head if root.dep_ == "pobj" else verb
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in act.children) or act.dep_ == "xcomp":
        return  # 'did not appoint X as', 'is expected to name X as': no post given
    if root.dep_ == "pobj" and verb.lower_ == "as" and verb.dep_ == "prep" and verb.head.lemma_.lower() in _IDENTIFYING:
        verb = verb.head
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        want = "nsubjpass" if passive else "dobj"
        heads = [c for c in verb.children if c.dep_ == want and c.pos_ == "NOUN"]
        span = _noun_span(doc, heads) if heads else None
        if span is not None:
            yield span
    elif root.dep_ in ("dobj", "oprd") and lemma in _APPOINTING:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > root.i):
            heads = [c for c in prep.children if c.dep_ == "pobj"]
            span = _noun_span(doc, heads) if heads else None
            if span is not None:
                yield span


_POSITIONS = wordset("player_positions")


def _position_before(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'quarterback Jane Roe', 'running back Tom Poe': a playing position in lower case right
    before the name, however the tagger read it (words.yml player_positions)."""
    start = cand.span[0]
    for n in (3, 2, 1):
        s = start - n
        if s < 0:
            continue
        words = doc[s:start]
        if s > 0 and doc[s - 1].tag_ in ("DT", "PRP$"):
            continue  # 'the rookie Jane Roe signed': perhaps a clause about the thing, not a title
        if (
            all(t.text.islower() and t.whitespace_ for t in words)
            and " ".join(t.text for t in words).replace(" - ", "-") in _POSITIONS
        ):
            yield s, start
            return


def _list_title(doc, cand: Candidate) -> Iterator[tuple[int, int]]:
    """'the candidates X and Y', 'Senators X and Y': a plural title right before the first of
    people named together is each one's role (as written)."""
    first = doc[cand.root]
    # 'co-founders A, B and C': the parse may hang B on A as an apposition and C on B.
    while first.dep_ in ("conj", "appos") and first.head.i < first.i and first.head.ent_type_ == "PERSON":
        first = first.head
    ents = [e for e in doc.ents if e.start <= first.i < e.end and e.label_ == "PERSON"]
    if not ents or ents[0].start == 0:
        return
    if first.i == cand.root and not any(
        c.dep_ in ("conj", "appos") and c.ent_type_ == "PERSON" for c in first.children
    ):
        return  # a lone name: its title is read elsewhere
    title = doc[ents[0].start - 1]
    lemma = title.lemma_.lower()
    if lemma == title.lower_ and title.tag_ == "NNPS" and lemma.endswith("s"):
        lemma = lemma[:-1]  # 'Senators': the tagger leaves a capitalised plural as it is
    plural = title.tag_ in ("NNS", "NNPS") and title.lower_ != lemma
    if not plural or not (lemma in TITLE_WORDS or lemma in person_nouns()):
        return
    if title.dep_ == "compound" and title.head.i != first.i:
        return
    if title.dep_ != "compound" and not (first.dep_ == "appos" and first.head.i == title.i):
        return
    mods = [c for c in title.lefts if c.dep_ in ("amod", "compound")]
    yield _with_prefix(doc, min(c.left_edge.i for c in mods) if mods else title.i), title.i + 1  # 'co-founders'


def roles_for(
    doc, cand: Candidate, affiliation_at: Callable[[int, int, int], tuple[str | None, tuple[int, int] | None]]
) -> list[FoundRole]:
    """Roles of one person/organisation mention.

    ``affiliation_at(paragraph, start, end)`` gives the actor id of a country or
    organisation mentioned inside a character span, and that mention's span.
    """
    found: list[FoundRole] = []
    positions: list[tuple[int, int]] = []  # read from the list, whatever the tagger made of them
    if cand.title and cand.title_span:
        words = [w for w in cand.title.split() if w.rstrip(".").lower() not in HONORIFICS]
        if words:
            text = " ".join(words)
            s_char = cand.title_span[0] + cand.title.index(words[0])
            aff, _ = affiliation_at(cand.paragraph, s_char, s_char + len(text))  # 'Treasury Secretary'
            first = doc[cand.span[0]]
            if aff is None and first.i > 0:
                aff, _ = affiliation_at(
                    cand.paragraph, doc[first.i - 1].idx, doc[first.i - 1].idx + len(doc[first.i - 1])
                )
            found.append(FoundRole(text, aff, cand.paragraph, s_char, s_char + len(text)))
    spans = list(_appositions(doc, cand))
    if cand.type == "person":
        spans += list(_second_subject_role(doc, cand))
        spans += list(_prenominal(doc, cand)) + list(_relative_role(doc, cand)) + list(_list_title(doc, cand))
        spans += list(_predicate_role(doc, cand)) + list(_identified_as(doc, cand))
        if not spans and not cand.title:
            positions = list(_position_before(doc, cand))
            spans += positions
        if not spans:
            spans += list(_described_speaker(doc, cand))
        if not spans:
            spans += list(_description_next(doc, cand))
    else:
        # An organisation's apposition is a role only when it names a kind of body ("Peru's elite police unit").
        spans = [(s, e) for s, e in spans if any(t.lower_ in ORG_HEADS for t in doc[s:e])]
    for s, e in spans:
        s, e = _span_text(doc, s, e)
        if s >= e or ((s, e) not in positions and not _role_like(doc, s, e)):
            continue
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        aff, aff_span = affiliation_at(cand.paragraph, start, end)
        compound = any(t.idx == aff_span[1] and t.text == "-" for t in doc[s:e]) if aff_span else False
        if aff_span and aff_span[0] == start and not compound:  # keep "Cuban-born minister" whole
            # "<country>'s <role>" / "<country> <role>": the role is what follows.
            i = s
            while i < e and doc[i].idx < aff_span[1]:
                i += 1
            while i < e and (doc[i].tag_ == "POS" or doc[i].text in ("'s", "’s")):
                i += 1
            if i < e:
                start = doc[i].idx
        else:
            # "The company's chief executive": a generic possessor adds nothing to the role.
            # Only the role's own possessor: not 'chairman of the fishermen's association'.
            pos = next((t for t in doc[s:e] if t.tag_ == "POS"), None)
            roots = [t for t in doc[s:e] if not s <= t.head.i < e or t.head.i == t.i]
            owns_role = pos is not None and any(pos.head.head.i == r.i or pos.head.i == r.i for r in roots)
            if owns_role and pos is not None and pos.i + 1 < e and all(t.text.islower() for t in doc[s : pos.i]):
                start = doc[pos.i + 1].idx
        text = text_of(doc)[start:end]
        if not any(ch.isalpha() for ch in text):
            continue
        found.append(FoundRole(text, aff, cand.paragraph, start, end))
    return found


def same_role(a: str, b: str) -> bool:
    return title_key(a) == title_key(b)
