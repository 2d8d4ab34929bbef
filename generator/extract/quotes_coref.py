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

from ..lexicon import THIRD_PERSON, person_nouns, pronoun_subjects, wordlist, wordset
from .actors_lexicon import TITLE_WORDS
from .common import text_of
from .names import common_adjective, common_word, gender, is_given_name
from .quotes_cues import REPORT_VERBS, SUBJECT_DEPS, np_tokens

PERSON_NOUNS = person_nouns()
CHAIN_LINKS = frozenset(pronoun_subjects("third_masculine", "third_feminine", "third_plural").values())
"""The subject pronouns an earlier mention is followed back through ('She said …', 'They wrote …')."""
MAX_LINKS = 8
"""How many such pronouns a chain is followed back through (a profile says 'he' for paragraphs on end)."""
ORG_NOUNS = wordset("organisation_nouns")
_FEMALE = wordset("female_words")
_MALE = wordset("male_words")
_HONORIFICS = wordset("honorifics")  # 'Mrs.', 'Sir': a form of address, not 'the woman <name> met'
# The third person's pronouns (subject and object forms) to the subject form, which names the kind wanted.
PRONOUNS = pronoun_subjects(*THIRD_PERSON)


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
_AGENT_SUFFIXES = tuple(e + "s" for e in wordlist("agent_noun_endings.doer"))


def _genders(docs: list) -> dict[str, str]:
    """Surname -> 'he'/'she' where the article writes the person with a gendered
    title somewhere ('Ms Roe' makes a later bare 'Roe' a she)."""
    out: dict[str, str] = {}
    for doc in docs:
        for tok in doc:
            word = tok.lower_.rstrip(".")
            if word in _FEMALE | _MALE and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper():
                name = doc[tok.i + 1]
                while name.i + 1 < len(doc) and doc[name.i + 1].ent_iob_ == "I" and doc[name.i + 1].text[:1].isupper():
                    name = doc[name.i + 1]
                g = "she" if word in _FEMALE else "he"
                out[name.lower_] = g if out.get(name.lower_, g) == g else "?"
    # A family name takes the gender of the given name before it, unless two people share it.
    fulls: dict[str, set[str]] = {}
    for doc in docs:
        for ent in doc.ents:
            words = [t for t in ent if t.tag_ != "POS" and t.lower_ not in ("'s", "’s")]
            before = words[: _family_start(words)] if words else []  # 'Roe-Poe': 'Roe' is no given name
            given = [t.text for t in before if not t.text.endswith(".") and t.lower_ not in TITLE_WORDS]
            if ent.label_ == "PERSON" and given and not _with_article(ent):
                fulls.setdefault(words[-1].lower_, set()).add(given[0])
    for last, names in fulls.items():
        # 'Jane Roe', 'Sen. Jane Roe' and 'Jane Q. Roe' are one name; 'Jane Roe' and 'Tom Roe' two people.
        family_gender = gender(next(iter(names))) if len(names) == 1 else None
        if out.get(last, family_gender) == family_gender:
            # '?' of a given name that shows no gender ('Casey Roe'); '??' of a first word that is
            # a common word ('Takes Eastbrook' in a headline), which may be no person at all.
            out[last] = family_gender or ("?" if any(_given_like(n) for n in names) else "??")
    return out  # '?', '??': a family name of unknown or mixed gender


def _family_start(tokens: list) -> int:
    """Where the last written word starts among the tokens: a hyphenated family name is one
    word ('Roe-Poe' is three tokens, and 'Roe' in it is no given name)."""
    i = len(tokens) - 1
    while i > 0 and not tokens[i - 1].whitespace_ and tokens[i - 1].i + 1 == tokens[i].i:
        i -= 1
    return i


def _given_like(word: str) -> bool:
    """A known given name, or a word no dictionary knows ('Elon'), not 'Takes' or 'Former'."""
    return is_given_name(word, max_rank=10**9) or not (common_word(word) or common_adjective(word))


_GENDER_CACHE: dict = {}


def _genders_of(docs: list, people: tuple[str, ...] = ()) -> dict[str, str]:
    """:func:`_genders`, once per article (pronouns are resolved one by one), with the family
    names of the people the actor stage found in full where the tagger saw no person
    ('President Jane Q. Roe' left untagged, and a later 'Roe' read as an organisation)."""
    key = (tuple(map(id, docs)), people)
    if _GENDER_CACHE.get("key") != key:
        _GENDER_CACHE.clear()
        value = _genders(docs)
        for last, g in _people_genders(people).items():
            value.setdefault(last, g)
        _GENDER_CACHE.update(key=key, docs=docs, value=value)  # docs kept alive with their ids
    return _GENDER_CACHE["value"]


def _people_genders(people: tuple[str, ...]) -> dict[str, str]:
    """Family name -> 'he'/'she'/'?' for full names of people ('?': the given name shows no
    gender, or two of them share the family name)."""
    out: dict[str, str] = {}
    for name in people:
        words = [w for w in name.split() if w.lower().rstrip(".") not in TITLE_WORDS]
        if len(words) < 2 or not _given_like(words[0]):
            continue
        g = gender(words[0]) or "?"
        last = words[-1].lower()
        out[last] = g if out.get(last, g) == g else "?"
        out[" ".join(words).lower()] = g  # the full name too, for a tagger that read it as a body
    return out


def _kind(tokens: list, label: str | None, genders: dict[str, str] | None = None) -> set[str]:
    """The pronouns a candidate mention can be referred to by."""
    words = {t.lower_.rstrip(".") for t in tokens}
    known = genders.get(tokens[-1].lower_, "?") if genders and tokens else "?"
    if label == "PERSON" and known in ("he", "she") and not words & (_FEMALE | _MALE):
        return {known}
    root = max(tokens, key=lambda t: t.head not in tokens)
    if label == "PERSON":
        if words & _FEMALE:
            return {"she"}
        if words & _MALE:
            return {"he"}
        # A given name gives the gender ('Jane Roe', or 'Jane' alone), a family name does not.
        first = tokens[0].text
        hyphenated = len(tokens) > 1 and _family_start(tokens) == 0  # 'Roe-Poe': a family name, of no gender
        by_name = (
            gender(first)
            if not hyphenated and (len(tokens) > 1 or not (genders and first.lower() in genders))
            else None
        )
        return {by_name} if by_name else {"he", "she"}
    if label in ("ORG", "GPE"):
        if len(tokens) == 1 and known in ("he", "she"):
            return {known}  # the family name of a person the article names in full, mislabelled
        if label == "ORG" and len(tokens) == 1 and genders and genders.get(tokens[-1].lower_) == "?":
            return {"he", "she"}  # the same, of a given name that shows no gender
        full = genders.get(" ".join(t.lower_ for t in tokens)) if genders and len(tokens) > 1 else None
        if full is not None:
            return {full} if full in ("he", "she") else {"he", "she"}  # a person's full name, read as a body
        return {"it", "they"}
    if label == "NORP":
        if len(tokens) == 1 and known in ("he", "she"):
            return {known}  # 'Valerians' read as a people's name: the family name of a person named in full
        if len(tokens) == 1 and genders and genders.get(tokens[0].lower_) == "?":
            return {"he", "she"}
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


def _candidates(
    doc, sent, before: int | None, inside, genders=None, person_words: frozenset[str] = frozenset()
) -> list[tuple[bool, int, list, set[str], list]]:
    """(is_subject, position, tokens, pronouns, head tokens) for the mentions in a sentence.
    `person_words`: the words of the names of the article's persons."""
    out = []
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.start < sent.start or ent.end > sent.end or ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if before is not None and ent.end > before or inside(ent.start_char):
            continue
        toks = list(ent)
        if ent.label_ == "PERSON" and _with_article(ent):
            seen.update(t.i for t in toks)
            continue  # 'the Silver Medal', 'a Gold Cross': a person's name takes no article
        kinds = _kind(toks, ent.label_, genders)
        title = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        if ent.label_ in ("PERSON", "ORG") and title in _HONORIFICS and title in _FEMALE | _MALE:
            kinds = {"she"} if title in _FEMALE else {"he"}  # 'Mrs. [Roe]': the title outside the name
        if (
            ent.label_ == "PERSON"
            and ent.root.dep_ in SUBJECT_DEPS
            and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in ent.root.children)
        ):
            kinds = kinds | {"they"}  # 'Roe and Poe agree': a 'they', the first named for both, as at a speech verb
        if ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in PERSON_NOUNS:
            seen.update(t.i for t in toks)
            continue  # 'a letter to Harbour Board members': the members write, not the board
        if ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in ORG_NOUNS:
            # 'the Roe campaign ignored …': the body acts, not Roe, who is no 'he' or 'she' here
            # (an 'it' finds the campaign below, as a noun for a body).
            kinds -= {"he", "she"}
            if not kinds:
                continue
        owner_of_person = ent.root.dep_ == "poss" and ent.root.head.lemma_.lower() in PERSON_NOUNS
        subj = ent.root.dep_ in SUBJECT_DEPS or (
            ent.root.dep_ in ("compound", "poss") and ent.root.head.dep_ in SUBJECT_DEPS and not owner_of_person
        )  # 'Roe's lawyer said': the lawyer is the subject, not Roe
        if ent.label_ == "PERSON" and _other_person_in_apposition(ent):
            # 'On the topic of a rival, Mr. Poe, Mr. Roe was pressed …': the parse made Poe the
            # subject and Roe his apposition; one person has one name, so Roe is the subject.
            subj = ent.root.dep_ == "appos"
        out.append((subj, ent.start, toks, kinds, toks))
        seen.update(t.i for t in toks)
    for tok in sent:
        if before is not None and tok.i >= before or tok.i in seen or inside(tok.idx):
            continue
        if tok.pos_ == "PRON" and tok.dep_ in SUBJECT_DEPS and PRONOUNS.get(tok.lower_) in CHAIN_LINKS:
            # 'She said …' before: a link in a chain, followed back to the one it names.
            out.append((True, tok.i, [tok], {PRONOUNS[tok.lower_]}, [tok]))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "poss"):
            # A family name of the article's people; the tagger may read one that opens a
            # sentence as a plural noun ('Fields went on …').
            family = tok.pos_ == "PROPN" or (tok.i == sent.start and tok.dep_ in SUBJECT_DEPS)
            known = (genders or {}).get(tok.lower_) if family and tok.is_title else None
            # A family name the tagger did not label, of a person the article has named in full
            # ('?': of a given name that shows no gender).
            kinds = {"he", "she"} if known == "?" else {known} if known in ("he", "she") else _kind([tok], None)
            if (
                not kinds
                and tok.pos_ == "PROPN"
                and tok.is_title
                and tok.dep_ in SUBJECT_DEPS
                and tok.text in person_words
            ):
                kinds = {"he", "she"}  # 'Roe said …': a person's name the tagger left unlabelled here
            if not kinds and _unlabelled_speaking_name(tok, person_words):
                kinds = {"it"}  # '<Name> said …', a name the tagger left unlabelled, of no person
            if not kinds and _speaking_thing(tok):
                # 'The complaint argues … It also cites …': the 'it' is the document, no actor of
                # the article, and not a body named after it.
                kinds = {"it"}
            if kinds:
                toks = np_tokens(tok)
                out.append((tok.dep_ in SUBJECT_DEPS, toks[0].i, toks, kinds, [tok]))
    # Two subjects of one verb ('On a rival, Mr. Roe, Mr. Poe was pressed'): the parse's mistake;
    # the one next to the verb is its subject.
    verb_of = {c[1]: c[4][-1].head.i for c in out if c[0] and c[4][-1].dep_ in SUBJECT_DEPS}
    out = [
        (False, *c[1:]) if any(v == verb_of.get(c[1]) and pos > c[1] for pos, v in verb_of.items()) else c for c in out
    ]
    # Subjects first, the main clause's before a subordinate clause's ('When Roe asked, Poe said …':
    # Poe), then left to right, as a reader's attention runs.
    out.sort(key=lambda c: (not c[0], not (c[0] and _of_main_clause(c[4][-1], sent)), c[1]))
    return out


def _speaking_thing(tok) -> bool:
    """A singular common noun that is the subject of a speech verb ('the complaint argues', 'the
    report says'): a document the text has speak."""
    return (
        tok.pos_ == "NOUN"
        and tok.tag_ == "NN"
        and tok.dep_ in SUBJECT_DEPS
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() in REPORT_VERBS
    )


def _of_main_clause(tok, sent) -> bool:
    """The subject (or the name in a subject: 'Roe's aide') belongs to the sentence's main verb."""
    subject = tok if tok.dep_ in SUBJECT_DEPS else tok.head
    verb = subject.head
    return verb == sent.root or (verb.dep_ == "conj" and verb.head == sent.root)


def _other_person_in_apposition(ent) -> bool:
    """A person's name in apposition to another person's name of another family name (or the
    reverse), where the first is a subject: two people the parse joined as one phrase."""
    root = ent.root
    if root.dep_ == "appos":
        other, subject = root.head, root.head
    else:
        other = next((t for t in root.children if t.dep_ == "appos" and t.i > root.i), None)
        subject = root
    if other is None or subject.dep_ not in SUBJECT_DEPS or other.ent_type_ != "PERSON":
        return False
    return other.ent_type_ == root.ent_type_ and other.text != root.text


def _no_sentence(text: str) -> bool:
    """A paragraph that ends with no full stop, question or exclamation mark, colon or closing
    bracket, before its closing quotation marks if any ('… wants “fresh eyes”' is a caption; '… said
    “No.”' and '“No,” she said.' are prose): a caption, a heading or a link, not the story's prose."""
    end = text.rstrip()
    bare = end.rstrip("\"”’'")
    if bare != end and bare[-1:].isalnum():
        return True
    return not end.endswith((".", "?", "!", ":", '"', "”", "’", "'", ")", "…"))


def _with_article(ent) -> bool:
    """The name is written with an article: 'the Silver Medal', 'a Gold Cross'."""
    if ent[0].lower_ in ("the", "a", "an"):
        return True
    return any(t.dep_ == "det" and t.lower_ in ("the", "a", "an") and t.i < ent.start for t in ent.root.children)


def _unlabelled_speaking_name(tok, person_words: frozenset[str]) -> bool:
    """'Vistagram said …' where the tagger gave the name no label: a speaker a later 'it said' may
    refer to, unless the name is a person's (a given name, or a word of a person's name)."""
    return (
        tok.pos_ == "PROPN"
        and tok.is_title
        and tok.dep_ in SUBJECT_DEPS
        and tok.head.lemma_.lower() in REPORT_VERBS
        and tok.text not in person_words
        and not is_given_name(tok.text)
    )


def _speaks(head: list) -> bool:
    """The mention is the subject of a speech verb ('Roe tweeted …')."""
    root = next((t for t in head if t.head not in head or t.head == t), head[-1])
    return root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in REPORT_VERBS


_OTHER_CLAUSES = frozenset({"conj", "parataxis", "advcl", "relcl"})


def _names_after(pronoun, paragraph: int, inside_quote) -> set[str]:
    """The names (as written, titles aside) in the pronoun's own clause after it, outside quotation
    marks: not in a clause joined to it ('…, and Roe agreed'), nor a name used as a modifier ('the
    Roe family')."""
    out: set[str] = set()
    stack = [c for c in pronoun.head.children if c.dep_ not in _OTHER_CLAUSES]
    while stack:
        t = stack.pop()
        stack.extend(c for c in t.children if c.dep_ not in _OTHER_CLAUSES)
        if t.pos_ != "PROPN" or t.i <= pronoun.i or inside_quote(paragraph, t.idx):
            continue
        if t.dep_ == "compound" or (t.dep_ in ("nmod", "amod") and t.head.pos_ == "NOUN"):
            continue
        words = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
        out.add(" ".join(w.text for w in sorted(words, key=lambda w: w.i)))
    return out


def resolve_pronoun(
    pronoun,
    paragraph: int,
    docs: list,
    inside_quote,
    depth: int = 0,
    people: tuple[str, ...] = (),
    want: str | None = None,
) -> Antecedent | None:
    """The mention a speaker pronoun refers to, or None when no earlier mention fits.

    `inside_quote(paragraph, offset)` says whether an offset lies in a quotation.
    A subject pronoun of the same gender met first ('Jane Roe … She said she would
    elect Mary Poe. “…,” she said') is the chain's earlier link: followed back, so
    the subject is preferred over a name merely mentioned beside it. `people`: the full
    names of the persons the actor stage found.
    """
    want = want or PRONOUNS.get(pronoun.lower_)  # `want`: the subject form, for a possessive ('his': 'he')
    if want is None:
        return None
    # Genders for every pronoun: an 'it' or a 'they' is never a person the tagger read as a body
    # ('<Surname> goes through …' of someone the article names in full).
    genders = _genders_of(docs, people)
    person_words = frozenset(w for name in people for w in name.split())
    # 'He declared Roe the winner': a subject pronoun is none of the names its own clause holds after
    # it (not '“Roe's plan will work,” he said', where the name comes first), written the same.
    named_here = _names_after(pronoun, paragraph, inside_quote) if pronoun.dep_ in SUBJECT_DEPS else set()
    found: Antecedent | None = None
    found_speaks = False
    looked = 0
    for p in range(paragraph, max(0, paragraph - 4), -1):
        doc = docs[p - 1]
        if p != paragraph and _no_sentence(text_of(doc)):
            continue  # a caption or a heading between ('Roe talks about the race'): no one speaks there
        sents = list(doc.sents)
        if p == paragraph:
            sents = [s for s in sents if s.start <= pronoun.i]
        for sent in reversed(sents):
            before = pronoun.i if p == paragraph and sent.start <= pronoun.i < sent.end else None
            inside = lambda off, p=p: inside_quote(p, off)  # noqa: E731
            for _subj, _pos, toks, kinds, head in _candidates(doc, sent, before, inside, genders, person_words):
                if want not in kinds or " ".join(t.text for t in toks) in named_here:
                    continue
                if toks[0].pos_ == "PRON":
                    if found is not None:
                        continue
                    return (
                        resolve_pronoun(toks[0], p, docs, inside_quote, depth + 1, people)
                        if depth < MAX_LINKS
                        else None
                    )
                start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
                if found is None:
                    found = Antecedent(
                        p, start, end, text_of(doc)[start:end], head[0].idx, head[-1].idx + len(head[-1])
                    )
                    found_speaks = _speaks(head)
                    if want not in ("he", "she") or kinds != {"he", "she"}:
                        return found
                elif (
                    before is not None
                    and not found_speaks
                    and kinds == {"he", "she"}
                    and not _subj
                    and head[-1].dep_ in ("dobj", "pobj", "appos")
                    and text_of(doc)[start:end] != found.text
                ):
                    # In the pronoun's own sentence, the subject and an object both fit, neither
                    # of a known gender ('Roe's campaign removed the mayor after he suggested …'):
                    # two readings, so no guess.
                    return None
                elif kinds == {want} and text_of(doc)[start:end] != found.text:
                    if found_speaks and not _subj:
                        continue  # the one who just spoke, over a name merely mentioned before
                    # The nearest fits only because its gender is unknown, and someone the article
                    # writes as a "he"/"she" is just before: two readings, so no guess.
                    return None
            if found is not None:
                looked += 1
                if looked > 1:
                    return found
    return found
