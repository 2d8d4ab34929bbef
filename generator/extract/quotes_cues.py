"""Speech cues and the speakers they govern, read off spaCy's dependency parse.

A cue is a speech verb ("said", "told", "adding") or "according to". The
speaker is the cue's grammatical subject, found through the patterns news
writing uses: "X said", "said X" (inverted), "X, <role>, said", "according
to X", a participle ("…, saying") whose subject is the main clause's, a
conjoined or infinitival verb ("X went on to say"), a relative clause ("X,
who said"), a passive agent ("was said by X").
"""

from __future__ import annotations

from collections.abc import Iterable

from ..lexicon import person_nouns, wordset, wordtable

# Verbs that report speech or writing (lemmas). Cognition verbs ("think",
# "believe") are left out: they attribute beliefs, not words.
SPEECH_VERBS = wordset("speech_verbs")
# Particle verbs that report speech only with their particle.
PHRASAL_CUES = wordtable("phrasal_speech_verbs")
# Cues that need an object to be speech ("called the talks 'x'", "cited figures"): never content-less.
WEAK_VERBS = wordset("speech_verbs.weak")
# Verbs whose complement is a claim of the subject's, for reported speech.
REPORT_VERBS = SPEECH_VERBS - WEAK_VERBS - wordset("speech_verbs.not_claims")

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Relative pronouns: a speaker written so stands for the phrase it hangs off.
RELATIVES = wordset("pronouns.relative")
# Verbs news style puts before their subject ('…," said the minister'); the
# parser sometimes reads that subject as an object. Not 'tell' or 'ask',
# whose object is the one spoken to.
_INVERTIBLE = wordset("speech_verbs.invertible")
_NOT_WITH_INFINITIVE = wordset("speech_verbs.not_with_infinitive")
# Children dropped from a speaker's noun phrase: "Jane Moreau[, French foreign minister,]".
_NP_DROP = frozenset({"appos", "relcl", "acl", "punct", "advcl", "parataxis", "ccomp"})


def is_cue(tok) -> bool:
    if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
        return True
    if not (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")):
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 1].whitespace_:
        return False  # 'the so-called “x”', 'a self-described “y”': the writer's words
    if any(c.dep_ == "neg" for c in tok.children):
        return False  # 'Roe cannot say that “…”', 'did not say “…”': words its subject did not say
    if (
        tok.tag_ == "VBN"
        and tok.dep_ in ("acl", "advcl")
        and not any(c.dep_ in ("aux", "auxpass", "agent") for c in tok.children)
    ):
        return False  # 'Roe, asked about it, said …': the one asked speaks through another verb
    lemma = tok.lemma_.lower()
    if lemma in PHRASAL_CUES:  # 'went on', 'pointed out'
        return any((c.dep_ == "prt" or _particle(c, tok)) and c.lower_ == PHRASAL_CUES[lemma] for c in tok.children)
    if lemma == "know" and tok.dep_ == "xcomp" and tok.head.lemma_ in ("want", "wish"):
        return True  # 'he wanted to know, “…?”': a question asked
    if lemma in _NOT_WITH_INFINITIVE and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.children
    ):
        return False  # 'the two sides agreed to settle it “in good faith”': a decision, not words
    return lemma in SPEECH_VERBS


def _particle(child, verb) -> bool:
    """The particle right after its verb ('pointed out'); the parser also reads it as an adverb ('shot back')."""
    return child.i == verb.i + 1 and (child.dep_ == "prt" or child.dep_ == "advmod" and child.pos_ in ("ADV", "ADP"))


def cue_text(tok) -> str:
    if tok.lower_ == "according":
        return tok.text + " to"
    parts = [tok]
    # Keep a verb particle ("pointed out") as part of the cue as written.
    parts += [c for c in tok.children if _particle(c, tok)]
    return " ".join(t.text for t in parts)


def np_tokens(head) -> list:
    """The tokens of the noun phrase headed by `head`, without appositions or relative clauses."""
    kept = [head]
    # 'a group of doctors in 2015': a date after the phrase is when, not who.
    # An owner's 'case' mark ('the senator’s answer') is no part of who the owner is.
    stack = [c for c in head.children if c.dep_ not in _NP_DROP and c.dep_ != "case" and not _dated(c)]
    while stack:
        t = stack.pop()
        kept.append(t)
        stack.extend(c for c in t.children if not (c.dep_ in ("relcl", "acl", "appos") and t.dep_ != "compound"))
    lo = min(t.i for t in kept)
    hi = max(t.i for t in kept)
    doc = head.doc
    # ', of which …', ', whose …': a relative clause the parse hung on the phrase ends it; so does
    # an aside set off by a comma ('The father, from Eastbrook, said'): where, not who.
    for i in range(head.i + 1, hi + 1):
        if doc[i].text == "," and (
            any(t.tag_ in ("WDT", "WP", "WP$") for t in doc[i + 1 : i + 4])
            or (i + 1 <= hi and doc[i + 1].pos_ == "ADP")
        ):
            hi = i - 1
            break
    # Keep the phrase contiguous and trim punctuation and conjunctions at the edges.
    while lo < head.i and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > head.i and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    return list(doc[lo : hi + 1])


def _dated(tok) -> bool:
    if tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME"):
        return True  # 'Roe this month told staff': when, not who
    return tok.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in tok.children)


# 'According to plan' is not a source: nouns of manner or measure, not of sayers.
NOT_SOURCES = wordset("not_sources")


def is_source(tok) -> bool:
    """Can `tok` head a source ('according to police', not 'according to plan')?"""
    return tok.lemma_.lower() not in NOT_SOURCES and tok.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X")


def named_apposition(head):
    """'the other candidate, Jane Roe, said': the name in apposition to a descriptive speaker."""
    if head.pos_ == "PROPN" or head.ent_type_:
        return head
    for c in head.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG"):
            return c
    return head


# 'was quoted as saying', 'was heard saying': the one quoted or heard speaks.
_QUOTED_AS = frozenset({"quote", "cite"}) | wordset("witnessed_speech_verbs")


def _subject(verb):
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        # Of two (a misparse of 'In Eastbrook, Oregon, Roe went'), the one next to the verb.
        before = [c for c in subjects if c.i < verb.i]
        after = [c for c in subjects if c.i > verb.i]
        if before and after and any(t.text in "”\"’'" for t in verb.doc[before[-1].i + 1 : verb.i]):
            # '“… Full crisis mode,” said Jane Roe': the parse made the quote's last words a subject
            # too; the one after the inverted verb speaks.
            return after[0]
        return before[-1] if before else subjects[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        # 'was called “a mistake” by the mayor': the parser may hang the agent
        # off the verb's complement, or read it as a plain preposition.
        for c in verb.children:
            for by in [c] if c.lower_ == "by" else [g for g in c.children if c.dep_ in ("oprd", "attr", "dobj")]:
                if by.lower_ == "by" and by.dep_ in ("prep", "agent"):
                    for g in by.children:
                        if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN", "PRON"):
                            return g
    for c in verb.children:
        # "was quoted as saying": the quoted one speaks.
        if c.dep_ == "nsubjpass" and verb.lemma_ in _QUOTED_AS:
            return c
    return None


_CAUSATIVE = wordset("causative_verbs")


def _inside_what_was_said(clause) -> bool:
    """The clause is what a cue before it reports, directly or a clause down ('said that the warning
    showed that …')."""
    for _ in range(3):
        head = clause.head
        if head.i >= clause.i:
            return False
        if head.lemma_.lower() in REPORT_VERBS | wordset("question_verbs") or is_cue(head):
            return True
        if clause.dep_ != "ccomp" or head.dep_ not in ("ccomp", "conj"):
            return False
        clause = head
    return False


def _unrealised(verb) -> bool:
    """The verb's act may not have happened: negated, under a modal, or tried ('could not force',
    'tried to force'), or its subject is no one ('nothing forced …')."""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return True
    if any(c.dep_ == "nsubj" and c.lower_ in ("nothing", "nobody", "none") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("try", "attempt", "want", "fail", "refuse", "seek")


def _object_control(verb, head):
    """The object of a causative verb an infinitive hangs from, who is the infinitive's subject
    ('prompting her to ask whether …', 'forced Roe to admit …'): a pronoun, a name or a noun for a
    person before it."""
    if verb.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if head.lemma_.lower() not in _CAUSATIVE:
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
    to = next(c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to")
    if not objects or to.i != objects[-1].right_edge.i + 1:
        return None  # 'drove Roe to the station to tell him …': a purpose, the driver's
    obj = objects[-1]
    personal = obj.pos_ == "PROPN" or obj.lemma_.lower() in person_nouns()
    if obj.pos_ == "PRON" and obj.lower_ not in ("it", "this", "that", "what", "which"):
        personal = True
    return obj if personal else None


def _quoted_as_saying(cue):
    """(True, the one quoted) for a 'quote'/'cite' cue with 'as <speech verb>ing' after it: its
    object, or None when that is no one ('quoted two of the crew as saying', words in quotation
    marks); (False, None) for any other cue."""
    if cue.lemma_.lower() not in ("quote", "cite"):
        return False, None
    if not any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.tag_ == "VBG" and is_cue(g) for g in c.children)
        for c in cue.children
    ):
        return False, None
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if any(t.text in '“”"‘’' for c in objects for t in c.subtree):
        return False, None  # 'Roe cited a “collapse in trust” as explaining …': the quoted words, Roe's
    people = [c for c in objects if c.pos_ in ("PROPN", "NOUN", "PRON")]
    return True, (people[0] if people else None)


def _referring_pronoun(subj) -> bool:
    """A pronoun subject that refers to someone: not the 'it' of 'it has been fun to …'."""
    if subj is None or subj.pos_ != "PRON":
        return False
    verb = subj.head
    dummy = subj.lower_ == "it" and verb.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in verb.children)
    return not dummy


def speaker_of(cue, quote_before: bool = False):
    """The head token of the cue's speaker, or None.

    `quote_before` says the quotation precedes the cue, where news style
    inverts subject and verb ("…," said the minister) and the parser may
    read the speaker as an object.
    """
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for g in to.children:
                    if g.dep_ == "pobj" and is_source(g):
                        return g
        return None
    verb = cue
    framed, quoted = _quoted_as_saying(cue)
    if framed:
        return quoted  # '“…,” a station quoted the harbour master as warning': he speaks, or no one
    for _ in range(4):
        subj = _subject(verb)
        if subj is not None:
            return subj
        if verb.i == cue.i and quote_before and verb.lemma_.lower() in _INVERTIBLE and verb.tag_ != "VBG":
            after = [
                c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.pos_ in ("PROPN", "NOUN")
            ]
            if after:
                return after[0]
            run = _phrase_after(verb)
            if run is not None:
                return run
        # Participles, conjoined and infinitival cues share the main clause's subject.
        if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and verb.head.i != verb.i:
            nxt = verb.head
            if verb.dep_ == "conj" and nxt.dep_ == "relcl" and not is_cue(nxt):
                # 'A spokesman for X, of which Y was a member, confirmed …': the parse joined the
                # cue to the relative clause; its subject is not the cue's. Leave it unattributed.
                # ('…, which Roe had called a “disaster” and promised to “rip up”': two cues, one subject.)
                return None
            if (
                verb.dep_ == "conj"
                and nxt.dep_ == "ccomp"
                and is_cue(nxt.head)
                and nxt.head.i < nxt.i
                and any(c.dep_ == "expl" for c in nxt.children)
            ):
                # 'Roe announced there would be layoffs and labelled it “painful”': a clause with 'there'
                # for subject shares it with no verb; the parse joined Roe's second cue to it.
                verb = nxt.head
                continue
            if verb.dep_ == "conj" and nxt.dep_ == "ccomp" and _inside_what_was_said(nxt):
                # 'X claims that Y takes orders, and asserts that …': joined to the reported clause,
                # the cue may be Y's or, as often, X's (the parse cannot tell). Leave it unattributed.
                # ('Y met Z and pledged …, X reported': the frame after the clause is not in doubt.)
                return None
            clause = nxt
            while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
                # '… said people were shouting and there was …, describing', '… said Roe will have to
                # choose …, saying': up to the reported clause
                clause = clause.head
            if (
                verb.dep_ == "advcl"
                and verb.tag_ == "VBG"
                and clause.dep_ == "ccomp"
                and clause.head.i < clause.i < verb.i
                and is_cue(clause.head)
                and not _referring_pronoun(_subject(nxt))
            ):
                # 'Roe said that Poe “was wrong,” adding, “…”': the parse hangs the participle off the
                # reported clause; the one who adds is the one who said it, not the clause's subject.
                # ('Roe said it was leaving, citing …': the clause's pronoun is Roe, and read as such.)
                verb = clause.head
                continue
            controller = _object_control(verb, nxt)
            if controller is not None:
                if _unrealised(nxt):
                    return None  # 'nothing could force Roe to admit …': no one said it
                return controller
            passive_subject = next((c for c in nxt.children if c.dep_ == "nsubjpass"), None)
            if (
                verb.dep_ == "xcomp"
                and passive_subject is not None
                and not any(c.dep_ == "agent" for c in nxt.children)
            ):
                # 'Roe is said to have called …', 'Roe was asked to explain …': the infinitive's
                # subject is the passive verb's.
                return passive_subject
            if (
                verb.dep_ == "advcl"
                and verb.tag_ == "VBG"
                and nxt.dep_ == "conj"
                and nxt.head.i < nxt.i
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in nxt.children)
            ):
                # 'Roe answered charges by Poe that they were owed money, adding …': a clause that 'that'
                # opens is no main clause; the parse joined it to the one it hangs from, whose subject adds.
                verb = nxt.head
                continue
            if verb.dep_ == "pcomp" and nxt.dep_ == "prep":  # "… as saying"
                nxt = nxt.head
                quoted = [c for c in nxt.children if c.dep_ == "dobj"] if nxt.lemma_ in ("quote", "cite") else []
                if quoted:
                    return quoted[0]  # 'the agency quoted the minister as saying': the minister speaks
            verb = nxt
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and verb.head.dep_ in ("dobj", "pobj")
            and verb.head.head.pos_ == "VERB"
        ):
            noun = verb.head
            if noun.dep_ == "dobj" and (noun.pos_ == "PROPN" or noun.lemma_.lower() in person_nouns()):
                # 'He recalled the captain telling the crew: “…”', 'quoted Roe saying': the one
                # heard or quoted speaks, not the one who recalls.
                return noun
            # 'X issued a statement saying …', 'Y released an advisory warning …': X and Y speak.
            verb = verb.head.head
            continue
        break
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None  # 'X's letter was ridiculed for …': the one before a passive cue is not its speaker
    return _name_before(cue)


def _name_before(cue):
    """When the parse gives the cue no subject: a name written right before it
    ('Jane Roe (D-NY) said'), skipping a parenthesis and adverbs such as 'also'."""
    doc = cue.doc
    i = cue.i - 1
    depth = 0
    while i >= 0:
        t = doc[i]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0 and t.pos_ not in ("ADV", "AUX", "PART"):
            break
        i -= 1
    if i < 0 or depth:
        return None
    t = doc[i]
    owner = t.head if t.dep_ == "pobj" and t.head.lower_ in ("for", "of") else None
    if owner is not None and owner.head.pos_ == "NOUN" and owner.head.lower_ in person_nouns():
        return owner.head  # 'a rep for Roe said': the rep speaks, for Roe
    if t.ent_type_ in ("PERSON", "ORG", "NORP") or (t.pos_ == "PROPN" and t.is_title):
        return t
    return None


def relative_antecedent(subj):
    """For 'who'/'which'/'that' subjects of a relative clause: the noun it refers to."""
    verb = subj.head
    if subj.lower_ in RELATIVES and verb.dep_ == "relcl":
        if subj.lower_ == "who" and not _personal(verb.head):
            # 'X was named by minister Jane Roe who said …': the parse hung the clause on a
            # body far back; 'who' is the person named right before it (a comma may sit between).
            before = subj.nbor(-1) if subj.i > 0 else None
            if before is not None and before.text == "," and before.i > 0:
                before = before.nbor(-1)
            if before is not None and _personal(before):
                return before
        return verb.head
    return None


def _phrase_after(verb):
    """'“…,” said retired pilot Jane Roe, asked about …': the parse gave the inverted cue no
    subject and hung the name on the next verb. The words right after the cue, up to a comma, that
    end in a person's name or a word for a person: their last word."""
    doc = verb.doc
    run = []
    for tok in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
        if tok.is_punct or not (tok.pos_ in ("PROPN", "NOUN", "ADJ", "DET") or tok.dep_ in ("amod", "compound")):
            break
        run.append(tok)
    if not run or run[-1].pos_ not in ("PROPN", "NOUN") or not _personal(run[-1]):
        return None
    following = doc[run[-1].i + 1] if run[-1].i + 1 < len(doc) else None
    return run[-1] if following is None or following.is_punct else None


def _personal(tok) -> bool:
    """A person's name or a word for a person ('Roe', 'the minister')."""
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in person_nouns()


def cue_tokens(tokens: Iterable) -> list:
    return [t for t in tokens if is_cue(t)]
