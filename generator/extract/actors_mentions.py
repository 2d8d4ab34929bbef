"""Candidate actor mentions in one parsed paragraph.

spaCy's entities are the starting point; rules then add what the small model
misses or mislabels: titles before a name, lower-case organisations built on a
named modifier ("US state department", "anti-X coalition"), unnamed groups
("Kenyan officials"), demonyms, and entities tagged as the wrong kind.
Nothing here changes the Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import calendar_words, person_nouns, wordset
from ..nlp import INVISIBLE_CHARS
from .actors_evidence import a_places_team
from .actors_gazetteer import Gazetteer, strip_article
from .actors_lexicon import (
    ABBREVIATIONS,
    BARE_GROUP_HEADS,
    CORPORATE_SUFFIXES,
    GROUP_HEADS,
    HONORIFICS,
    LOCATIVE_PREPS,
    ORG_HEADS,
    PLACE_NOUNS,
    PRONOUNS,
    RANK_ABBREVIATIONS,
    RANK_LEADS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from .names import common_adjective, common_noun, common_word, is_given_name

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
MODIFIER_TAGS = {"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "HYPH", "AFX"}
QUANTIFIERS = {"many", "some", "several", "few", "all", "both", "most", "any", "each", "other", "such", "no"}


@dataclass
class Candidate:
    """One mention of a would-be actor, before merging."""

    paragraph: int
    start: int
    end: int
    text: str
    type: str
    key: str
    """What mentions of one actor share: a country name, a person's name, a normalised phrase."""
    name: str = ""
    """The mention without titles or articles (the person's name, the organisation's name)."""
    title: str = ""
    title_span: tuple[int, int] | None = None
    affiliation: str | None = None
    """Country name (or org text) named inside the phrase ("Kenyan officials" -> Kenya)."""
    notes: list[str] = field(default_factory=list)
    weak: bool = False
    """Kept only if it merges with a non-weak mention (a demonym inside a group phrase)."""
    root: int = -1
    """Token index of the phrase head in the paragraph's Doc."""
    span: tuple[int, int] = (0, 0)
    """Token span [start, end) in the paragraph's Doc."""
    affiliation_org: str | None = None
    """Key of an organisation named inside the phrase ("AA officials")."""
    from_tagger: bool = False
    """An organisation only because the tagger said so (no rule evidence)."""
    label: str = ""
    """The language model's entity label for the mention, if it gave one."""
    alias_of: tuple[int, int] | None = None
    """Token span of another mention the text says this one names ("X (Y)", "X or Y")."""


def is_title_token(tok) -> bool:
    word = tok.text.rstrip(".").lower()
    if not (tok.text[:1].isupper()):
        return False
    if word in wordset("title_modifiers"):
        # 'Grand Mufti X', 'Field Marshal Y': a title only with the title it qualifies ('Grand Tourer' is none).
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (
            nxt is not None
            and nxt.text[:1].isupper()
            and nxt.lower_ not in wordset("title_modifiers")
            and is_title_token(nxt)
        )
    if word in HONORIFICS or word in TITLE_WORDS or word in ABBREVIATIONS:
        return True
    if word in RANK_ABBREVIATIONS:
        return tok.i > 0 and tok.doc[tok.i - 1].text.rstrip(".").lower() in RANK_LEADS
    # 'Founder Jane Roe', 'Coach Tom Hale': a capitalised word for a person's job before a name.
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.ent_type_ != "PERSON" or tok.ent_iob_ == "I" or is_given_name(tok.text, 10**9):
        return False
    # Inside the tagger's name only the plain job words count ('Founder Jane Roe'); nameparser's
    # list also holds ranks that are given names too ('Marquis Roe').
    return word in (wordset("person_nouns") if tok.ent_iob_ == "B" else person_nouns())


def _honorific(tok) -> bool:
    word = tok.text.rstrip(".").lower()
    return tok.text[:1].isupper() and (word in HONORIFICS or word in ABBREVIATIONS)


def title_key(text: str) -> str:
    """'Maj Gen' and 'Major General' -> 'major general'."""
    words = [w.rstrip(".").lower() for w in text.split()]
    return " ".join(ABBREVIATIONS.get(w, RANK_ABBREVIATIONS.get(w, w)) for w in words)


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and trailing possessives or punctuation from a token span."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    for i in range(start + 1, end):
        if doc[i].text == "(":  # "Atlantic Alliance (AA": the bracket starts another name
            end = i
            break
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")):
        end -= 1
    return start, end


INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
"""No part of a name ('Jane\u00adRoe' is 'JaneRoe' on screen)."""


def _norm(text: str) -> str:
    return " ".join(strip_article(INVISIBLE.sub("", text).replace("\u2019", "'")).split()).casefold()


def _org_key(text: str) -> str:
    """'Courtaulds PLC' and 'Courtaulds' are one company: the key drops the legal form."""
    words = _norm(text).split()
    while len(words) > 1 and words[-1].replace(".", "").strip(",") in CORPORATE_SUFFIXES:
        words.pop()
    return " ".join(w.rstrip(",") for w in words)


def _cand(doc, n: int, start: int, end: int, type_: str, key: str, **kw) -> Candidate:
    span = doc[start:end]
    root = kw.pop("root", span.root.i)
    if kw.get("name"):
        kw["name"] = " ".join(INVISIBLE.sub("", kw["name"]).split())
    return Candidate(
        paragraph=n,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=type_,
        key=key,
        root=root,
        span=(start, end),
        **kw,
    )


def _is_pronoun(text: str) -> bool:
    return text.lower() in PRONOUNS and not text.isupper()


def _person(doc, n: int, start: int, end: int) -> Candidate | None:
    """A person mention, with any title before (or inside) the entity split off."""
    start, end = _without_glued_credit(doc, start, end)
    # Titles at the start of the entity ("Ayatollah X", "Maj Gen X").
    name_start = start
    while name_start < end - 1 and is_title_token(doc[name_start]):
        name_start += 1
    t_start = start
    while t_start > 0 and is_title_token(doc[t_start - 1]) and not doc[t_start - 1].ent_type_:
        t_start -= 1
    t_start = _title_of(doc, t_start)
    # 'Secretary-General X': a title joined by a hyphen is one title, not 'General'.
    while (
        t_start >= 2
        and doc[t_start - 1].text in ("-", "‐")
        and not doc[t_start - 1].whitespace_
        and not doc[t_start - 2].whitespace_
        and doc[t_start - 2].text[:1].isupper()
    ):
        t_start -= 2
    if name_start == start and t_start == start and _place_before_given_name(doc, start, end):
        # 'Mayor of [Eastbrook Jane Roe]' tagged as one person: the place belongs to the title.
        name_start = next(i for i in range(start + 1, end - 1) if is_given_name(doc[i].text))
        t_start = start - 2
    if t_start < start or name_start > start:
        t_start = _title_lead(doc, t_start)
    name = " ".join(doc[name_start:end].text.split())
    if _in_quote_marks(doc, start, end):
        return None  # "'Example Wars Story'": the title of a work, not a person
    if all(w.lower().rstrip("s.") in TITLE_WORDS or w.lower().rstrip(".") in TITLE_ABBREVIATIONS for w in name.split()):
        return None  # "Deputy Secretaries": titles only, no name
    if _is_pronoun(name) or not any(t.text[:1].isupper() for t in doc[name_start:end]):
        return None
    title = doc[t_start:name_start].text if t_start < name_start else ""
    cand = _cand(doc, n, t_start, end, "person", _norm(name), name=name, root=doc[end - 1].i)
    if title:
        cand.title = title
        cand.title_span = (doc[t_start].idx, doc[name_start - 1].idx + len(doc[name_start - 1]))
    return cand


def _without_glued_credit(doc, start: int, end: int) -> tuple[int, int]:
    """A crawl glues a photo credit or a headline word to a name ('GETTY Jane Roe', 'Getty Images
    Jane Roe', 'Jane Roe ENGAGED') or writes a caption's name twice ('Vistaria Vistaria'): the name
    is what is left."""
    from .actors_evidence import credit_words

    while end - start > 1:
        n = credit_words([t.text for t in doc[start:end]])
        if n:
            start += n
        elif credit_words([doc[end - 1].text]) or end - start == 2 and doc[start].text == doc[end - 1].text:
            end -= 1
        elif end - start > 2 and (doc[start].text == doc[end - 1].text or _plural_noun_before_name(doc, start)):
            start += 1  # 'out-Roe Jane Roe', 'Liberals Jane Roe and …': a word glued before the name
        else:
            break
    return start, end


def _plural_noun_before_name(doc, start: int) -> bool:
    """'Liberals Jane Roe': a capitalised plural of a common word, then a known given name."""
    word = doc[start].text
    return (
        word[:1].isupper()
        and word.endswith("s")
        and doc[start].tag_ in ("NNS", "NNPS")
        and common_word(word[:-1].lower())
        and is_given_name(doc[start + 1].text)
    )


_QUOTE_MARKS = frozenset("'\"‘’“”")


def _in_quote_marks(doc, start: int, end: int) -> bool:
    """The words start..end, with any capitalised words beside them, are all there is between two
    quotation marks ('the film 'Jane Roe'', 'a 'Star Example Story' trailer')."""
    i, j = start, end
    while i > 0 and doc[i - 1].text[:1].isupper() and start - i < 3:
        i -= 1
    while j < len(doc) and doc[j].text[:1].isupper() and j - end < 3:
        j += 1
    return i > 0 and j < len(doc) and doc[i - 1].text in _QUOTE_MARKS and doc[j].text in _QUOTE_MARKS


def _place_before_given_name(doc, start: int, end: int) -> bool:
    """'Mayor of Eastbrook Jane Roe', 'CEO of Vistacorp Jane Roe' as one entity: '<title or job>
    of' before it, three words or more, the first no given name and a later one (not the last) a
    given name."""
    return (
        start >= 2
        and end - start >= 3
        and doc[start - 1].lower_ == "of"
        and (is_title_token(doc[start - 2]) or doc[start - 2].lower_ in person_nouns())
        and not is_given_name(doc[start].text)
        and doc[end - 1].lower_ not in PLACE_NOUNS  # 'a child of New York City': a place, no name
        and any(is_given_name(doc[i].text) for i in range(start + 1, end - 1))
    )


def _rest_of_name(doc, start: int, end: int) -> int:
    """'President Luis Alberto[ Ferrer Ocampo]': a name the tagger cut short runs on over the
    capitalised proper nouns right after it that no entity claims (four words at most), and over
    a run of spaces or a no-break space inside it ('Jane  Roe', a token of its own)."""
    calendar = calendar_words()

    def goes_on(i: int) -> bool:
        tok = doc[i]
        return (
            tok.pos_ == "PROPN"
            and tok.tag_ == "NNP"
            and tok.text[:1].isupper()
            and tok.text.replace("-", "").isalpha()
            and not tok.ent_type_
            and tok.lower_ not in calendar
            and not is_title_token(tok)
        )

    words = sum(not t.is_space for t in doc[start:end])
    while end < len(doc) and words < 4 and (doc[end - 1].whitespace_ or doc[end].is_space):
        nxt = end
        if doc[nxt].is_space and words == 1 and doc[nxt].text.strip(" \u00a0") == "" and nxt + 1 < len(doc):
            # only after a name cut at its first word ('Carlos  Mendez'), and only over spaces:
            # 'Jane Roe\u00a0Tom Poe' is two people
            if doc[nxt + 1].ent_type_ == "PERSON" and doc[nxt + 1].ent_iob_ == "B":
                return nxt  # a name of its own after the spaces
            nxt += 1
        if not goes_on(nxt):
            break
        end, words = nxt + 1, words + 1
    return end


def _title_of(doc, t_start: int) -> int:
    """'Secretary of State Jane Roe', 'Minister of Foreign Affairs Jane Roe': a title with
    'of' and the capitalised body it names, right before the name."""
    i = t_start
    while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ != "of" and t_start - i < 4:
        i -= 1
    if i >= 2 and i < t_start and doc[i - 1].lower_ == "of" and is_title_token(doc[i - 2]):
        return i - 2
    return t_start


def _title_lead(doc, t_start: int) -> int:
    """Extend a title leftwards over its qualifiers and the body it names: 'Senior Colonel',
    'Former Treasury Secretary', 'Labour MP', 'regional President'."""
    qualifiers = wordset("title_qualifiers")
    honorifics = wordset("honorifics")
    i = t_start
    while i > 0:
        tok = doc[i - 1]
        word = tok.lower_.rstrip(".")
        if word in qualifiers and doc[i].lower_.rstrip(".") in honorifics:
            break  # 'the bridge opened under Mr. Roe': a preposition, not the rank of 'Under Secretary'
        if word in qualifiers or (tok.text[:1].isupper() and is_title_token(tok)):
            i -= 1
        elif tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and tok.dep_ in ("compound", "nmod", "amod"):
            i -= 1  # the body or place the title belongs to ('Treasury', 'Labour', 'Senate')
        else:
            break
    # Never start on a word that only joins ('and', 'the'); keep the qualifier run honest.
    while i < t_start and (doc[i].is_punct or doc[i].lower_ in ("the", "a", "an", "and")):
        i += 1
    return i


def _untagged_names(doc, n: int, taken: set[int]) -> Iterator[Candidate]:
    """'Jane Roe, a pollster, said' where the tagger marked nothing: two or three proper nouns
    outside any entity, the first a common given name, the others capitalised words."""
    i = 0
    while i < len(doc):
        if i in taken or doc[i].ent_type_ or doc[i].tag_ != "NNP" or not is_given_name(doc[i].text):
            i += 1
            continue
        if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            i += 1  # '5-Star Movement': the second half of a compound, not a given name
            continue
        if _after_the(doc, i):
            i += 1  # 'the Eastbrook Panthers', 'the Danish Red Cross': a name with an article names no person
            continue
        j = i + 1
        while j < len(doc) and j - i < 3 and doc[j].tag_ == "NNP" and not doc[j].ent_type_ and j not in taken:
            j += 1
            while _hyphen_join(doc, j) and not doc[j + 1].ent_type_ and j + 1 not in taken:
                j += 2  # 'Jane Roe-Poe'
        words = [t for t in doc[i:j] if t.text != "-"]
        if len(words) >= 2 and all(t.is_alpha and t.text[:1].isupper() and not is_title_token(t) for t in words):
            after = doc[j] if j < len(doc) else None
            if (after is None or after.lower_ not in ORG_HEADS) and not _qualifies(doc, j, "facility_heads"):
                cand = _person(doc, n, i, j)
                if cand is not None:
                    yield cand
        i = j


def _after_the(doc, i: int) -> bool:
    """Token i comes right after 'the', or after 'the' and one capitalised adjective that is no title
    ('the Danish Red Cross'; not 'the Rev. Jane Roe')."""
    if i > 0 and doc[i - 1].lower_ == "the":
        return True
    prev = doc[i - 1] if i > 0 else None
    return (
        i >= 2
        and doc[i - 2].lower_ == "the"
        and prev is not None
        and prev.text[:1].isupper()
        and prev.tag_ in ("JJ", "NNP", "NNPS")
        and not is_title_token(prev)
    )


def _titled_names(doc, n: int, taken: set[int]) -> Iterator[Candidate]:
    """'Mr X', 'General X' where the tagger saw no person: title + proper nouns."""
    i = 0
    while i < len(doc):
        if is_title_token(doc[i]) and i not in taken:
            j = i
            while j < len(doc) and is_title_token(doc[j]):
                j += 1
            k = j
            while k < len(doc) and doc[k].tag_ in ("NNP", "NNPS") and not is_title_token(doc[k]) and k not in taken:
                k += 1
            if k > j and not any(doc[x].ent_type_ in ("GPE", "NORP", "ORG", "LOC", "FAC") for x in range(j, k)):
                cand = _person(doc, n, i, k)
                if cand:
                    yield cand
                i = k
                continue
        i += 1


def _named_modifier(doc, tok, gaz: Gazetteer) -> tuple[bool, str | None]:
    """Whether a modifier token names something, and the country it names if any."""
    if tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC") or tok.tag_ in ("NNP", "NNPS"):
        country = gaz.demonym(tok.text) or gaz.country(tok.text) or _country_of_ent(tok, gaz)
        return True, country
    return False, None


def _country_of_ent(tok, gaz: Gazetteer) -> str | None:
    if not tok.ent_type_:
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            s, e = _trim(tok.doc, ent.start, ent.end)
            text = tok.doc[s:e].text
            return gaz.country(text) or gaz.demonym(text) or (gaz.codes.get(text) if text.isupper() else None)
    return None


def _left_modifiers(doc, head) -> int:
    """First token of the contiguous modifiers before a head noun (articles, quantifiers, pronouns excluded)."""
    start = head.i
    i = head.i - 1
    while i >= 0:
        tok = doc[i]
        if tok.i < head.left_edge.i:
            break
        if tok.lower_ in ("the", "a", "an") or tok.tag_ in ("PRP$", "CD", "WDT", "DT") or tok.lower_ in QUANTIFIERS:
            break
        if tok.dep_ == "poss" and tok.tag_ != "NNP":
            break
        if tok.is_punct and tok.text not in ("-",):
            break
        if (
            tok.tag_ == "CC"
            and 0 < i < head.i - 1
            and doc[i + 1].dep_ == "conj"
            and doc[i + 1].head.i == i - 1
            and doc[i - 1].tag_ in ("JJ", "NN")
            and not doc[i - 1].ent_type_
            and doc[i - 1].dep_ in ("amod", "compound", "nmod")
            and doc[i - 1].head.i == head.i
        ):
            i -= 1  # 'harbour and customs officials': two modifiers joined, both the group's
            continue
        if tok.tag_ not in MODIFIER_TAGS and not (tok.tag_ in ("VBN", "VBG") and i > 0 and doc[i - 1].text == "-"):
            break
        if tok.tag_ == "POS":
            break
        start = i
        i -= 1
    while start < head.i and (doc[start].text == "-" or doc[start].tag_ == "HYPH"):
        start += 1
    return start


def _phrase_candidates(doc, n: int, gaz: Gazetteer, covered: set[int]) -> Iterator[Candidate]:
    """Organisations and groups built on a head noun: 'French foreign ministry', 'Kenyan officials'."""
    for tok in doc:
        lower = tok.lower_
        if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        plural = tok.tag_ in ("NNS", "NNPS")
        if plural and lower in GROUP_HEADS and (not tok.text[:1].isupper() or tok.is_sent_start):
            kind = "group"
        elif lower in ORG_HEADS or tok.lemma_.lower() in ORG_HEADS:
            kind = "organisation"
        else:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B":
            continue  # 'Example Hustle guard Jane Roe': a role before a name, not a body
        start = _left_modifiers(doc, tok)
        mods = doc[start : tok.i]
        named = [(m, *_named_modifier(doc, m, gaz)) for m in mods]
        anti = any(m.lower_ == "anti" for m in mods)
        has_name = anti or any(flag for _, flag, _ in named)
        quantified = any(c.lower_ in QUANTIFIERS or c.tag_ == "CD" for c in tok.lefts)
        if kind == "organisation":
            if not has_name or plural and lower in GROUP_HEADS:
                continue
        else:
            if tok.dep_ == "compound":
                continue  # "militia groups", "extremists X": the head is another noun
            subject = tok.dep_ in ("nsubj", "nsubjpass") and lower in BARE_GROUP_HEADS
            if not has_name and not (subject and not quantified):
                continue
            if quantified and not has_name:
                continue
        # "Chad-backed rebels" are backed by Chad, not part of it.
        country = next((c for m, flag, c in named if flag and c and not _agentive(doc, m)), None)
        s, e = _trim(doc, start, tok.i + 1)
        if s >= e:
            continue
        if kind == "group" and s == start:
            s = _possessor_start(tok, s)  # "Jane Roe's advisers": whose advisers they are is part of the name
        text = doc[s:e].text
        key = _norm(" ".join(t.lemma_.lower() if t.i == tok.i and kind == "group" else t.lower_ for t in doc[s:e]))
        org = next(
            (m for m, flag, c in named if flag and not c and m.ent_type_ != "PERSON" and not _agentive(doc, m)), None
        )
        if kind == "group" and lower in wordset("collective_bodies"):
            kind = "organisation"  # 'police said': a force, plural in grammar, one body in fact
        cand = _cand(doc, n, s, e, kind, key, name=text, affiliation=country, root=tok.i)
        if org is not None and country is None:
            cand.affiliation_org = _org_key(_ent_text(doc, org))
        yield cand


def _possessor_start(head, start: int) -> int:
    """Where a group's named possessor begins ("[Mr. Roe's] aides"), or `start` when it has none
    (a pronoun's "his aides" or a common noun's "the firm's lawyers" name nobody)."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.i < start), None)
    if poss is None or poss.pos_ != "PROPN" or not poss.ent_type_:
        return start
    first = min(t.i for t in poss.subtree)
    if any(t.is_punct and t.text != "." for t in head.doc[first : poss.i]):
        return start
    return _trim(head.doc, first, start)[0]


def _ent_text(doc, tok) -> str:
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            s, e = _trim(doc, ent.start, ent.end)
            return doc[s:e].text
    return tok.text


def _agentive(doc, tok) -> bool:
    """'Chad' in 'Chad-backed': the name is the agent of a participle, not an affiliation."""
    i = tok.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].tag_ == "VBN"


def _used_for_government(tok) -> bool:
    """A capital standing for its government: it acts, is acted on, or backs something."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
        return True
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.dep_ == "agent" or prep.lower_ in ("by", "with", "against", "between"):
            return True
        return prep.lower_ not in LOCATIVE_PREPS and prep.lower_ != "of"
    return False


def _city_as_org(doc, s: int, e: int, text: str, gaz: Gazetteer) -> bool:
    """An 'organisation' that is a city: in apposition with 'capital'/'city', a country's
    capital, or a large city whose name carries no organisation word."""
    if _appos_place(doc, s, e) or gaz.capital_of(text):
        return True
    return gaz.is_city(text) and not any(t.lower_ in ORG_HEADS for t in doc[s:e])


def _facility(doc, s: int, e: int) -> bool:
    """'Eastbrook Stadium', 'Liberty Square': a name of two words or more ending in a place's
    head noun ('The Hill', a newspaper, is one word after its article)."""
    words = [t for t in doc[s:e] if t.lower_ != "the"]
    return len(words) > 1 and words[-1].lower_ in wordset("facility_heads") and words[-1].is_title


def _after_place(doc, start: int) -> bool:
    if start < 2 or doc[start - 1].text != ",":
        return False
    prev = doc[start - 2]
    if prev.ent_type_ in ("GPE", "LOC"):
        return True
    # "Bamberg, S.C.": a dotted abbreviation after a proper noun, whatever the tagger made of it.
    return "." in doc[start].text and prev.tag_ == "NNP"


def _appos_place(doc, start: int, end: int) -> bool:
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.lower_ in PLACE_NOUNS for c in root.children)


def _joined(ents: list) -> list:
    """Re-join a name the tagger split in two touching entities of one kind, or at its particle."""
    out: list = []
    for ent in ents:
        prev = out[-1] if out else None
        doc = ent.doc
        if ent.label_ == "PERSON" and _split_at_particle(doc, ent.start):
            # 'Maria' 'do' 'Vale Sousa': a person's name split at its particle (written in lower
            # case), its given name tagged as something else or not at all
            if prev is not None and prev.end > ent.start - 2:
                out.pop()
            joined = doc[ent.start - 2 : ent.end]
            joined.label_ = "PERSON"
            out.append(joined)
            continue
        if (
            prev is not None
            and prev.end == ent.start
            and prev.label_ == ent.label_
            and ent.label_ in ("ORG", "PERSON", "FAC")
            and ent[0].tag_ != "POS"
        ):
            out[-1] = ent.doc[prev.start : ent.end]
            out[-1].label_ = ent.label_
            continue
        out.append(ent)
    return out


def _split_at_particle(doc, start: int) -> bool:
    """A name particle before the name at `start`, and a given name before it ('Jane do Vale')."""
    return (
        start >= 2
        and doc[start - 1].text in wordset("name_particles")
        and doc[start - 2].text[:1].isupper()
        and is_given_name(doc[start - 2].text)
        # 'Why did Jane do Tom Poe a favour?', 'Ask Jane do …': after a verb, 'do' is one
        and (start < 3 or doc[start - 3].pos_ not in ("AUX", "VERB"))
    )


def _hyphen_join(doc, i: int) -> bool:
    """'Roe-Poe': token i is a hyphen written without spaces between two capitalised words."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].text[:1].isupper()
        and doc[i + 1].text[:1].isupper()
        and doc[i + 1].is_alpha
    )


def _syllable_after(doc, i: int) -> bool:
    """Token i is a hyphen written without spaces after a name's short last word: see :func:`_syllable`."""
    if not (0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_):
        return False
    return _syllable(doc, i - 1, i + 1)


def _syllable_cut(doc, start: int, end: int) -> bool:
    """The entity doc[start:end] ends with a hyphen written without spaces, and the rest of the
    name follows it at once: see :func:`_syllable`."""
    if end - start < 3 or end >= len(doc) or doc[end - 1].text != "-":
        return False
    if doc[end - 2].whitespace_ or doc[end - 1].whitespace_:
        return False
    return _syllable(doc, end - 2, end)


def _syllable(doc, name_i: int, tail_i: int) -> bool:
    """A short lower-case word after a name's short last word and a hyphen ('Tae Jae-in') that is
    the rest of a given name: no participle or adjective by its tag, no word that makes a compound
    of a name (hyphen_compound_tails in words.yml: 'Roe-era', 'Roe-style'), no compound that goes on
    ('Roe-owned firms', 'Roe-in-law')."""
    name, tail = doc[name_i], doc[tail_i]
    after = doc[tail_i + 1] if tail_i + 1 < len(doc) else None
    return (
        name.text[:1].isupper()
        and len(name) <= 5
        and tail.is_alpha
        and tail.text.islower()
        and len(tail) <= 5
        and not tail.text.endswith(("ed", "ing", "ly"))
        and tail.tag_ not in ("VBN", "VBD", "JJ")
        and tail.lower_ not in wordset("hyphen_compound_tails")
        and (after is None or (after.pos_ not in ("NOUN", "ADJ", "PROPN", "NUM") and after.text != "-"))
    )


def _capitalised_modifier(doc, s: int, e: int) -> bool:
    """An adjective, capitalised only because it opens the sentence, before a lower-case noun
    right before a person's name ('Controversial owner Jane Roe'; not 'Apple chief Jane Roe')."""
    tok = doc[s]
    if e - s != 1 or any(t.is_alpha for t in doc[tok.sent.start : s]):
        return False
    if not common_adjective(tok.text) or common_noun(tok.text) or tok.dep_ not in ("compound", "amod"):
        return False
    head = tok.head
    return (
        head.i == s + 1
        and head.pos_ == "NOUN"
        and head.text.islower()
        and head.i + 1 < len(doc)
        and doc[head.i + 1].ent_type_ == "PERSON"
    )


def _names_a_building(doc, end: int) -> bool:
    """The name is the possessor of a capitalised word for a building or body ('’s Cathedral')."""
    if doc[end - 1].tag_ == "POS":
        end -= 1  # the tagger took the possessive into the name
    if end + 1 >= len(doc) or doc[end].tag_ != "POS" or not doc[end + 1].is_title:
        return False
    word = doc[end + 1].lower_
    return word in wordset("institution_heads") or word in wordset("facility_heads") or word in ORG_HEADS


def _particles_end(doc, i: int) -> int:
    """End of a run of lower-case name particles from token i ('van der', 'in 't'), or i."""
    particles = wordset("name_particles")
    j = i
    while j < len(doc) - 1:
        tok = doc[j]
        if tok.lower_ in ("in", "van", "op") and doc[j + 1].text in ("'t", "’t"):
            j += 2  # Dutch 'in 't', 'van 't'
        elif tok.lower_ in ("in", "van", "op") and doc[j + 1].text in ("'", "’") and doc[j + 2 : j + 3].text == "t":
            j += 3  # the same, tokenised apart
        elif tok.text.islower() and tok.lower_ in particles and tok.lower_ not in ("y", "do", "st", "la", "le"):
            j += 1
        else:
            break
    return j


def _person_names(ents: list) -> list:
    """Widen person names the tagger cut: a known given name left untagged before the entity
    ('Mayor of London [Jane] Roe'), a surname joined by a hyphen ('Jane Roe[-Poe]'), and
    particles between a given name and a family name ('Jane van der Roe', 'Jane in 't Roe')."""
    if not ents:
        return ents
    doc = ents[0].doc
    out: list = []
    for ent in ents:
        if ent.label_ != "PERSON":
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        if _names_a_building(doc, end):
            continue  # "St Example's Cathedral", "Example's Theater": a place named after someone
        verb = next((i for i in range(start + 1, end) if doc[i].tag_.startswith("VB") and doc[i].pos_ == "VERB"), None)
        if verb is not None:
            end = verb  # a headline's 'Jane Roe Playing Games': the name ends before the verb
        prev_end = out[-1].end if out else 0
        while (
            start - 1 >= prev_end
            and doc[start - 1].tag_ == "NNP"
            and not doc[start - 1].ent_type_
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].whitespace_
            and is_given_name(doc[start - 1].text)
            and not is_title_token(doc[start - 1])
            and end - start < 3
        ):
            start -= 1
        while _hyphen_join(doc, end) and end - start < 5:
            end += 2
        if _syllable_cut(doc, start, end):
            end += 1  # 'Tae Jae-[in]': the tagger cut a given name of two syllables after its hyphen
        elif _syllable_after(doc, end):
            end += 2  # 'Tae Jae[-in] said': the same, cut before the hyphen
        if end <= start:
            continue
        if (start, end) != (ent.start, ent.end):
            ent = doc[start:end]
            ent.label_ = "PERSON"
        out.append(ent)
    return _particle_names(out, doc)


def _particle_names(ents: list, doc) -> list:
    """'Jane van der Roe' tagged as two entities (or a wrong one and a person): one person."""
    for ent in list(ents):
        if (
            ent.end - ent.start != 1
            or not is_given_name(ent[0].text)
            or ent[0].ent_type_ not in ("PERSON", "ORG", "GPE")
        ):
            continue
        j = _particles_end(doc, ent.end)
        if j == ent.end or j >= len(doc) or not (doc[j].text[:1].isupper() and doc[j].is_alpha):
            continue
        k = j + 1
        while _hyphen_join(doc, k):
            k += 2
        joined = doc[ent.start : k]
        joined.label_ = "PERSON"
        ents = [e for e in ents if e.end <= ent.start or e.start >= k] + [joined]
        ents.sort(key=lambda e: e.start)
    return ents


def _split_possessives(ents: list) -> list:
    """'Example Corps’ Jane Roe' tagged as one entity: the owner, and a person after the possessive."""
    out: list = []
    for ent in ents:
        cut = next((t.i for t in ent[1:-1] if t.tag_ == "POS" or t.text in ("’", "'")), None)
        if cut is None or not all(t.text[:1].isupper() for t in ent.doc[cut + 1 : ent.end]) or ent.end - cut < 3:
            out.append(ent)
            continue
        left = ent.doc[ent.start : cut]
        left.label_ = ent.label_
        right = ent.doc[cut + 1 : ent.end]
        right.label_ = "PERSON"
        out += [left, right]
    return out


def mentions_in(doc, n: int, gaz: Gazetteer) -> list[Candidate]:
    """All candidate mentions in paragraph n (its Doc)."""
    out: list[Candidate] = []
    taken: set[int] = set()
    ents = _person_names(_split_possessives(_joined([e for e in doc.ents if e.label_ in ENTITY_LABELS])))
    for ent in ents:
        s, e = _trim(doc, ent.start, ent.end)
        if s >= e:
            continue
        text = doc[s:e].text
        if _is_pronoun(text) or not text[:1].isupper():
            continue
        if any(t.like_num for t in doc[s:e]) and any(t.lower_ in ("percent", "%", "per") for t in doc[s:e]):
            continue  # "Smith 34 percent": a figure the tagger swept into an entity
        label = ent.label_
        if (
            label != "PERSON"
            and e - s > 1
            and _honorific(doc[s])
            and all(t.tag_ in ("NNP", "NNPS") for t in doc[s + 1 : e])
        ):
            label = "PERSON"  # "Ms X" tagged as an organisation
        elif label in ("ORG", "GPE") and _place_before_given_name(doc, s, e):
            label = "PERSON"  # "Mayor of [Eastbrook Jane Roe]" tagged as an organisation
        elif (
            label in ("ORG", "GPE")
            and 3 <= e - s <= 4
            and _plural_noun_before_name(doc, s)
            and all(t.tag_ == "NNP" for t in doc[s + 1 : e])
        ):
            s, label = s + 1, "PERSON"  # "[Liberals Jane Roe] and Ann Lee" tagged as an organisation
            text = doc[s:e].text
        # Codes ("US", "NLD") only where the tagger saw a place: "NLD" tagged as an
        # organisation is a party, not the Netherlands.
        country = gaz.country(text, codes=label == "GPE") if label in ("GPE", "ORG", "NORP", "LOC") else None
        if country and text.replace(".", "").isupper() and _after_place(doc, s):
            country = None  # "Columbia, S.C.": a code after a place is part of an address
        if country and _named_as_settlement(doc, s):
            country = None  # 'the city of <name>': a place of a country's name
            label = "GPE"
        brand = _brand_end(doc, s, e, gaz) if country else e
        if brand > e:
            # "a <Country> TODAY analysis": the country's name opens a longer name, of a body.
            name = doc[s:brand].text
            out.append(_cand(doc, n, s, brand, "organisation", _org_key(name), name=name))
            taken.update(range(s, brand))
            continue
        if country:
            out.append(_cand(doc, n, s, e, "country", country, name=text))
        elif label == "NORP":
            country = gaz.demonym(text) or (gaz.demonym_prefix(text) if " " not in text else None)
            if country:
                out.append(_cand(doc, n, s, e, "country", country, name=text))
            elif homeland := gaz.plural_demonym(text):
                # The people of a country: a group affiliated with it.
                out.append(_cand(doc, n, s, e, "group", _norm(text), name=text, affiliation=homeland))
                # The country itself, kept only if the group's affiliation needs an anchor.
                out.append(_cand(doc, n, s, e, "country", homeland, name=text, weak=True))
            elif doc[e - 1].tag_ in ("NNS", "NNPS") and doc[e - 1].dep_ not in ("amod", "compound"):
                out.append(_cand(doc, n, s, e, "group", _norm(text), name=text))
            else:
                continue  # a nationality or creed used as an adjective ("Catholic") is no actor
        elif label == "PERSON":
            if names_no_one_person(doc, e):
                continue
            e = _rest_of_name(doc, s, e)
            cand = _person(doc, n, s, e)
            if cand is None:
                continue
            out.append(cand)
            s = min(s, cand.span[0])
        elif label in ("GPE", "LOC", "FAC") and a_places_team(text.split()):
            out.append(_cand(doc, n, s, e, "organisation", _org_key(text), name=text))  # 'Eastbrook Rovers'
        elif label in ("GPE", "LOC", "FAC") or (
            label == "ORG" and (_city_as_org(doc, s, e, text, gaz) or _facility(doc, s, e))
        ):
            cand = _cand(doc, n, s, e, "place", _norm(text), name=text)
            if label in ("GPE", "ORG") and gaz.capital_of(text) and _used_for_government(doc[s:e].root):
                cand.notes.append(f"capital used for its government ({gaz.capital_of(text)})")
            out.append(cand)
        elif _capitalised_modifier(doc, s, e):
            continue  # '~ Media titan Jane Roe': a sentence's first word, part of the role before a name
        else:
            out.append(_cand(doc, n, s, e, "organisation", _org_key(text), name=text, from_tagger=True))
        taken.update(range(s, e))
        if out and out[-1].span[1] == e and not out[-1].label:
            out[-1].label = ent.label_
    out.extend(_titled_names(doc, n, taken))
    out.extend(_untagged_names(doc, n, taken | {i for c in out for i in range(*c.span)}))
    for c in out:
        taken.update(range(*c.span))
    phrases = list(_phrase_candidates(doc, n, gaz, set()))
    out = _resolve_phrases(out, phrases, gaz, doc)
    out.extend(_demonym_tokens(doc, n, gaz, out))
    return out


def _eponym(doc, end: int) -> bool:
    """'<Name>'s disease', '<Name>'s law': a possessive before a word that names a thing after a person."""
    k = end
    if k < len(doc) and (doc[k].tag_ == "POS" or doc[k].text in ("'s", "’s")):
        k += 1
    return k > end and k < len(doc) and doc[k].lower_ in wordset("eponym_heads")


def names_no_one_person(doc, end: int) -> bool:
    """The name ending before token `end` is not a mention of one person: "<Name>'s disease" (an
    eponym), "the <Name> bridge" (a structure named after them), "the <Name> brothers" (several)."""
    return _eponym(doc, end) or _qualifies(doc, end, "facility_heads") or _qualifies(doc, end, "family_group_nouns")


def _qualifies(doc, end: int, heads: str) -> bool:
    """The name ending before token `end` is the parse's compound of that lower-case word, one of
    the list `heads` of words.yml."""
    return (
        0 < end < len(doc)
        and doc[end].is_lower
        and doc[end].lower_ in wordset(heads)
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
    )


def _named_as_settlement(doc, s: int) -> bool:
    """'the city of <name>': the name after it is that place's, even when a country has it too."""
    return s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in wordset("settlement_nouns")


@lru_cache(maxsize=1)
def _not_brand_words() -> frozenset[str]:
    """Words that end a name a country's name opens: titles, heads of bodies and places, dates."""
    return TITLE_WORDS | ORG_HEADS | PLACE_NOUNS | wordset("institution_heads") | calendar_words()


def _brand_end(doc, s: int, e: int, gaz: Gazetteer) -> int:
    """The end of the name a country's name opens ('<Country> TODAY', '<Country> Daily'): the
    proper nouns the tagger left untagged right after it, where the country's name is
    their modifier and none of them is a title, a body's or a place's head, a date
    word, a given name or another country; `e` when there is none."""
    if doc[e - 1].dep_ != "compound" or doc[e - 1].head.i < e:
        return e
    stop = _not_brand_words()
    end = e
    while (
        end < len(doc)
        and doc[end].tag_ in ("NNP", "NNPS")
        and not doc[end].ent_type_
        and doc[end].text[:1].isupper()
        and doc[end].lower_.rstrip(".") not in stop
        and not is_given_name(doc[end].text, 10**9)
        and not gaz.country(doc[end].text)
        and not gaz.demonym(doc[end].text)
    ):
        end += 1
    return end if doc[e - 1].head.i < end else e


def _resolve_phrases(ents: list[Candidate], phrases: list[Candidate], gaz: Gazetteer, doc) -> list[Candidate]:
    """Let rule phrases absorb the entities inside them, where that is right.

    A phrase that merely repeats an entity (the tagger already has the whole
    organisation) is dropped. Inside a phrase, a person's name ("X
    administration") and a demonym ("Kenyan officials") belong to the phrase;
    a country's name stays a mention of that country too ("US" in "US embassy").
    """
    kept = []
    for p in phrases:
        inside = [c for c in ents if c.span[0] >= p.span[0] and c.span[1] <= p.span[1]]
        crossing = [c for c in ents if c.span[0] < p.span[1] and p.span[0] < c.span[1] and c not in inside]
        if crossing:
            continue
        if any(c.span == p.span for c in inside):
            continue
        if any(c.root == p.root for c in inside):
            continue
        kept.append(p)
        for c in inside:
            if c.type == "person":
                # "X administration": the phrase is the organisation, but the name still
                # tells who X is, and counts as a mention if X is named elsewhere too.
                # "X's aides" names X in full: a mention of X like any other.
                c.weak = not (c.span[1] < p.span[1] and doc[c.span[1]].tag_ == "POS")
            elif c.type in ("organisation", "place") and p.type == "organisation":
                c.weak = True
                c.notes.append("inside")
            elif c.type == "country" and gaz.country(c.text) is None and not c.text.isupper():
                c.weak = True  # a demonym used inside the phrase
            elif c.type == "group":
                c.weak = True
    # Drop nested phrases (a group inside a larger group phrase).
    kept = [
        p
        for p in kept
        if not any(q is not p and q.span[0] <= p.span[0] and p.span[1] <= q.span[1] and q.span != p.span for q in kept)
    ]
    result = [c for c in ents if not (c.weak and "inside" in c.notes)]
    for c in result:
        if "inside" in c.notes:
            c.notes.remove("inside")
    return result + kept


def _demonym_tokens(doc, n: int, gaz: Gazetteer, found: list[Candidate]) -> Iterator[Candidate]:
    """Demonyms the tagger did not mark ('Kenyan tea')."""
    covered = {i for c in found for i in range(*c.span)}
    for tok in doc:
        if tok.i in covered or not tok.text[:1].isupper():
            continue
        country = gaz.demonym(tok.text)
        if country:
            yield _cand(doc, n, tok.i, tok.i + 1, "country", country, name=tok.text)
