"""Whether a would-be person is one: evidence for, and shapes that rule it out.

A person actor needs a name shape (capitalised words, name particles aside, no
digits or markup, not a weekday or month, not a word the article also writes in
lower case) and evidence: a personal title, a full name (given and family name),
the language model's PERSON label, and later in the pipeline speaking or being
referred to by "he"/"she". The reasons are kept on the actor (``Actor.evidence``)
so the JSON shows why each decision was taken.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import GENDERED, calendar_words, person_nouns, pronouns, wordlist, wordset
from .actors_lexicon import CORPORATE_SUFFIXES, LOCATIVE_PREPS, ORG_HEADS, PLACE_NOUNS, TITLE_WORDS
from .names import common_adjective, common_noun, common_word, is_given_name

_MARKUP = re.compile(r"[<>|@#/\\=_*{}\[\]~^+%$&]")
TITLE = "a personal title"
FULL_NAME = "a full name"
TAGGED = "the language model's PERSON label"
SPEAKS = "speaks or is quoted"
PRONOUN = "referred to as he or she"


_DUTCH_T = re.compile(r"(?<=\s)(?:in|van|op) ['’]t(?=\s)")
"""Dutch particles with the article ''t' ('Jane in 't Roe', 'Jan van 't Hof')."""


def name_words(name: str) -> list[str]:
    """The words of a name without particles and suffixes ('Jr.')."""
    particles, suffixes = wordset("name_particles"), wordset("name_suffixes")
    # A particle is written in lower case ('van', 'al-'); 'Al' or 'Van' as written is a name.
    return [
        w
        for w in _DUTCH_T.sub(" ", name).split()
        if not (w.islower() and w.strip(".,") in particles) and w.lower().strip(".,") not in suffixes
    ]


def lowercase_words(paragraphs: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The words an article writes in lower case (computed once per article, not per name)."""
    return frozenset(w for p in paragraphs for w in re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'-])", p))


def not_a_name(name: str, lower_words: frozenset[str]) -> str | None:
    """Why `name` cannot be a person's name, or None (`lower_words`: :func:`lowercase_words` of the article)."""
    words = _DUTCH_T.sub(" ", name).split()
    letters = sum(ch.isalpha() for ch in name)
    if letters < 3:
        return "shorter than three letters"
    if _MARKUP.search(name) or any(ch.isdigit() for ch in name):
        return "markup, digits or symbols"
    if any(w[:1].islower() and not _particle(w) for w in words):
        return "not a name (lower-case words)"
    calendar = [w for w in words if w.lower().strip(".,’'s") in calendar_words()]
    abbreviated = [
        w
        for w in calendar
        if w.lower().strip(".,") in wordset("weekday_abbreviations") | wordset("month_abbreviations")
    ]
    if calendar and (len(words) == 1 or len(calendar) == len(words) or words[0] in calendar or abbreviated):
        return "a weekday or month"  # not 'Jane May': a family name that is also a month
    if any(w.lower().strip(".,") in ORG_HEADS | CORPORATE_SUFFIXES | wordset("institution_heads") for w in words):
        return "a word for a body ('Institute', 'Partners')"
    if len(words) > 1 and words[-1].lower().strip(".,") in wordset("site_heads"):
        return "a word for a place ('Junction', 'Airport')"
    if len(words) > 1 and words[-1].lower().strip(".,") in wordset("illness_heads"):
        return "a word for an illness ('Virus', 'Syndrome')"
    if any(re.search(r"['’]s$", w) for w in words[:-1]):
        return "a possessive inside ('Example’s Eastbrook')"
    if len(words) > 2 and _names_a_country(words):
        return "holds a country's name of two words or more ('Example Rica Civil Aviation')"
    if any(w.lower().strip(".,’'s") in wordset("platforms") for w in words) and len(words) > 1:
        return "names a platform ('X Twitter account')"
    if len(words) > 1 and _names_an_agency(words):
        return "names a news or photo agency (a credit glued to a name)"
    if len(words) > 1 and any(_capitals(w) for w in words):
        return "a word in capitals inside (a credit or a headline glued to a name)"
    if len(words) > 1 and len({w.strip(".,").lower() for w in words}) == 1:
        return "one word written twice (a caption's leftovers)"
    if len(words) > 1 and words[-1].lower().strip(".,") in wordset("thing_heads"):
        return "a word for a made thing ('Probe', 'Telescope')"
    if len(words) == 2 and a_places_team(words):
        return "a place's team ('Eastbrook Rovers')"
    if len(words) == 1:
        word = words[0].strip(".,")
        if word.isupper() and len(word) > 1:
            return "a single word in capitals"
        if word.lower() in wordset("platforms"):
            return "a platform"
        if _names_an_agency(words):
            return "a news or photo agency"
        if word.lower() in lower_words:
            return "a common noun (the article writes it in lower case)"
    return None


def _names_an_agency(words: list[str]) -> bool:
    """A news agency or picture library among the words ('Reuters', 'Getty Images')."""
    low = [w.lower().strip(".,’'s") for w in words]
    agencies = wordset("news_and_photo_agencies")
    return any(w in agencies for w in low) or any(" ".join(low[i : i + 2]) in agencies for i in range(len(low) - 1))


def credit_words(words: list[str]) -> int:
    """How many of the first words are an agency's credit or an English word in capitals ('Getty
    Images', 'REUTERS', 'ENGAGED'), glued by a crawl to the name after them; 0 for none."""
    low = [w.lower().strip(".,’'") for w in words]
    agencies = wordset("news_and_photo_agencies")
    if len(low) > 1 and " ".join(low[:2]) in agencies:
        return 2
    if low and (low[0] in agencies or _capitals(words[0])):
        return 1
    return 0


def _capitals(word: str) -> bool:
    """An English word or an agency in capitals ('ENGAGED', 'GETTY'); not a family name written
    in capitals ('Jane ROE'), nor a suffix ('III')."""
    w = word.strip(".,’'")
    if len(w) < 3 or not w.isalpha() or not w.isupper() or w.lower() in wordset("name_suffixes"):
        return False
    return common_word(w.lower()) or w.lower() in wordset("news_and_photo_agencies")


def a_places_team(words: list[str]) -> bool:
    """'Eastbrook Rovers', 'New Arden Pumas': a city, state or country, then a plural name that ends
    no place's name ('Eastbrook Falls', 'Arden Springs')."""
    from .actors_gazetteer import gazetteer

    gaz = gazetteer()
    last = words[-1].strip(".,")
    plural = last.endswith("s") and not last.endswith(wordlist("singular_s_endings"))
    if not plural or len(words) < 2 or last.lower() in wordset("place_plurals") or gaz.is_city(" ".join(words)):
        return False
    return any(
        gaz.is_city(place) or gaz.country(place, codes=False) or gaz.capital_of(place)
        for place in (" ".join(words[:k]) for k in range(1, len(words)))
    )


def _names_a_country(words: list[str]) -> bool:
    """Two or three words in a row that the gazetteer knows as a country ('New Zealand')."""
    from .actors_gazetteer import gazetteer

    gaz = gazetteer()
    return any(gaz.country(" ".join(words[i : i + n]), codes=False) for n in (2, 3) for i in range(len(words) - n + 1))


def _particle(word: str) -> bool:
    """'van', 'al-Mutlaq', 'd’Estaing': a lower-case word that belongs in a name."""
    particles = wordset("name_particles")
    word = word.strip(".,")
    head = re.split(r"[-'’]", word, maxsplit=1)[0].lower()
    return word.lower() in particles or (head in particles | {"d", "l"} and word != head)


def _full_name(name: str) -> bool:
    """A given and a family name: two or more name words, the first a known given name or
    an initial, or none of them a common English word ('App Store', 'Getty Images' are not)."""
    words = name_words(name)
    if len(words) < 2:
        return False
    first = words[0].strip(".")
    if is_given_name(first, max_rank=10**9) or re.fullmatch(r"[A-Z]", first):
        return True
    # A first name no list knows: the family name may not be a common word ('App Store'), nor
    # the first an adjective ('Disgraced Example': a headline's adjective before a company).
    return not common_word(words[-1].strip(".,’'")) and not common_adjective(first)


def person_evidence(cands) -> list[str]:
    """What in the mentions shows a person (before quotes and pronouns are read)."""
    persons = [c for c in cands if c.type == "person"]
    out = []
    if any(c.title for c in persons):
        out.append(TITLE)
    if any(_full_name(c.name) for c in persons):
        out.append(FULL_NAME)
    if any(c.label == "PERSON" for c in cands):
        out.append(TAGGED)
    return out


def strong(evidence: tuple[str, ...] | list[str]) -> bool:
    """Enough to keep a person without more: a title, a full name, speech or a pronoun."""
    return any(e in (TITLE, FULL_NAME, SPEAKS, PRONOUN) for e in evidence)


SPEAKING_TYPES = ("person", "organisation", "country", "group")
_GENDERED = pronouns(*GENDERED, cases=("subject", "object"))


def settle_people(actors: list, quotes: list, rejected: list[str], paragraphs=()) -> tuple[list, list]:
    """After the quotes: a person named by one word with no title, no full name,
    no speech and no he/she referring to it is left out (the tagger's label alone
    is not enough); a quote whose speaker cannot speak (a place) is unattributed."""
    speakers = {q.speaker for q in quotes if q.speaker}
    gendered = {q.speaker for q in quotes if q.speaker and (q.speaker_text or "").lower() in _GENDERED}
    kept, dropped = [], set()
    for a in actors:
        if a.type == "person" and not a.described:
            evidence = list(a.evidence)
            if a.id in speakers:
                evidence.append(SPEAKS)
            if a.id in gendered:
                evidence.append(PRONOUN)
            if not strong(evidence):
                dropped.add(a.id)
                why = "one name" if len(a.name.split()) == 1 else "a name with no known given name"
                rejected.append(f"{a.name!r} ({why} and no other sign of a person)")
                continue
            a = replace(a, evidence=tuple(evidence))
        kept.append(a)
    kept = _speaking_names_are_bodies(kept, quotes, paragraphs)
    types = {a.id: a.type for a in kept}
    quotes = [
        q
        if q.speaker is None or types.get(q.speaker) in SPEAKING_TYPES
        else replace(q, speaker=None, attribution=f"unattributed: the speaker found is a {types.get(q.speaker)}")
        for q in quotes
    ]
    return kept, quotes


def _speaking_names_are_bodies(actors: list, quotes: list, paragraphs) -> list:
    """'Telemundia said', 'according to Example Daily': a one- or two-word name typed a place
    that speaks, that no list knows as a country or city and that the article never writes
    as a location ('in X', 'from X'), is an organisation (a broadcaster, a paper); a place
    that 'speaks' stays a place, and its quote unattributed."""
    from .actors_gazetteer import gazetteer

    gaz = gazetteer()
    speakers = {q.speaker for q in quotes if q.speaker and q.speaker_mention is not None and not q.speaker_inferred}
    out = []
    for a in actors:
        if a.type == "place" and a.id in speakers and not a.notes:
            names = (a.name, *a.aliases)
            words = a.name.split()
            known = any(gaz.country(n, codes=False) or gaz.is_city(n) or gaz.capital_of(n) for n in names)
            placey = words[-1].lower() in PLACE_NOUNS or words[-1].lower() in wordset("facility_heads")
            located = any(_as_location(paragraphs, m) for m in a.mentions)
            if not (known or placey or located) and len(words) <= 2 and all(w[:1].isupper() for w in words):
                a = replace(a, type="organisation")
        out.append(a)
    return out


def _as_location(paragraphs, m) -> bool:
    """'in X', 'from X' (a locative preposition right before), not 'a report in X' (a publication
    noun before the preposition)."""
    if not paragraphs or not 0 < m.paragraph <= len(paragraphs):
        return True  # no text to read: keep the tagger's place
    words = paragraphs[m.paragraph - 1][max(0, m.start - 40) : m.start].lower().split()
    if words and words[-1] == "the":
        words.pop()
    if not words or words[-1] not in LOCATIVE_PREPS | {"of", "throughout"}:
        return False
    return len(words) < 2 or words[-2] not in wordset("publication_nouns")


def _name_shape(name: str, gaz, families: frozenset[str] | set[str] = frozenset()) -> bool:
    """Two to four capitalised words, the first no country, nationality or large city, the last
    no word for a body or a place and not a plural ('Panthers'), unless it is the family name of a
    person of the article ('Tom Hollers' beside 'Ann Hollers')."""
    words = name.replace("\u2019", "'").split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or _particle(w) for w in words):
        return False
    first, last = words[0], words[-1].strip(".,")
    if gaz.country(first, codes=False) or gaz.is_city(first) or gaz.capital_of(first) or gaz.demonym(first):
        return False  # 'German Red Cross': a nationality first is no given name
    low = {w.lower().strip(".,") for w in words}
    if low & (ORG_HEADS | PLACE_NOUNS | CORPORATE_SUFFIXES):
        return False
    return last in families or not (
        last.endswith("s")
        and not last.endswith(wordlist("singular_s_endings"))
        and len(words) == 2
        and last[:-1].istitle()
    )


def people_by_name(cands: list, docs: list, gaz) -> None:
    """Mentions the tagger called a place or an organisation that are people by their name:
    a common given name before a family name, with one more sign (the tagger's PERSON label
    elsewhere, a family name another person of the article bears, a word for a person or a
    title right before it, a middle name or initial). Then a lone family name or given name
    of such a person is that person too."""
    persons = [c for c in cands if c.type == "person"]
    labelled = {c.text for c in cands if c.label == "PERSON"}
    families = {c.name.split()[-1] for c in persons if len(c.name.split()) > 1}
    # 'Roe, 43, a father of two': a name with an age is a person's, and so is every name it ends.
    aged = {c.name.split()[-1] for c in cands if _with_age(c, docs[c.paragraph - 1])}
    for c in cands:
        if c.type not in ("place", "organisation") or c.weak or not _name_shape(c.name, gaz, families):
            continue
        words = c.name.split()
        doc = docs[c.paragraph - 1]
        before = doc[c.span[0] - 1] if c.span[0] > 0 else None
        if before is not None and before.lower_ == "the":
            continue  # 'the Vistaria Red Star': a body or a thing; a person's name takes no article
        # Strong signs need no given name; the weaker ones need a common given name first.
        strong_sign = (
            (before is not None and (before.lower_ in person_nouns() or before.lower_ in TITLE_WORDS))
            or (before is not None and _doer_noun(before))
            or _listed_with_people(c, doc, persons)
            or words[-1] in aged
            or _is_a_person_noun(c, doc)
        )
        weak_sign = (
            c.text in labelled
            or words[-1] in families
            or (len(words) >= 3 and (is_given_name(words[1], 10**9) or re.fullmatch(r"[A-Z]\.", words[1]) is not None))
        )
        signs = strong_sign or (weak_sign and is_given_name(words[0]))
        if signs:
            c.type, c.key, c.from_tagger = "person", " ".join(c.name.split()).casefold(), False
            persons.append(c)
    for c in cands:
        # 'his daughter Ann', 'women like Ann Lee, Jane Roe and …': one word, but a person.
        if c.type in ("place", "organisation") and not c.weak and len(c.name.split()) == 1 and c.name.istitle():
            if gaz.country(c.name, codes=False) or gaz.is_city(c.name) or gaz.capital_of(c.name):
                continue
            doc = docs[c.paragraph - 1]
            before = doc[c.span[0] - 1] if c.span[0] > 0 else None
            kin = before is not None and before.lower_ in person_nouns() and before.tag_ in ("NN", "NNS")
            if kin or _listed_with_people(c, doc, persons):
                c.type, c.key, c.from_tagger = "person", c.name.casefold(), False
                persons.append(c)
    person_names = {c.name for c in persons if len(c.name.split()) > 1}
    for c in cands:
        # The same full name elsewhere in the article is the same person, whatever the tagger said.
        if c.type in ("place", "organisation") and not c.weak and c.name in person_names:
            c.type, c.key, c.from_tagger = "person", " ".join(c.name.split()).casefold(), False
            persons.append(c)
    for c in persons:
        # 'Jane Q. Roe' is 'Jane Roe': a middle initial does not make another person.
        words = c.name.split()
        if len(words) >= 3:
            kept = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and re.fullmatch(r"[A-Z]\.?", w))]
            c.key = " ".join(kept).casefold()
    full = [c for c in persons if len(c.name.split()) > 1]
    lasts = {c.name.split()[-1] for c in full}
    # Two family names ('Luis Alberto Ferrer Ocampo'): the first is written alone too ('Ferrer').
    lasts |= {c.name.split()[-2] for c in full if len(c.name.split()) >= 4}
    firsts: dict[str, set[str]] = {}
    for c in full:
        firsts.setdefault(c.name.split()[0], set()).add(c.key)
    for c in cands:
        if c.type not in ("place", "organisation") or c.weak or len(c.name.split()) != 1 or c.name.isupper():
            continue
        if gaz.country(c.name, codes=False) or gaz.is_city(c.name) or gaz.capital_of(c.name):
            continue
        if c.name in lasts or len(firsts.get(c.name, ())) == 1:
            c.type, c.key = "person", c.name.casefold()


def _doer_noun(tok) -> bool:
    """'moderator Jane Roe', 'driver Tom Poe': a lower-case common noun for someone who does
    something, right before the name (not a body's or a place's word: 'council', 'river')."""
    word = tok.lower_
    if not tok.text.islower() or word in ORG_HEADS or word in PLACE_NOUNS:
        return False
    if tok.tag_ != "NN" and not common_noun(word):
        return False  # the tagger may read 'moderator' as a verb; the word list knows the noun
    return len(word) > 4 and word.endswith(wordlist("agent_noun_endings.doer")) and not common_adjective(word)


def _with_age(c, doc) -> bool:
    """'Roe, 43,': the name followed by an age set off by commas."""
    e = c.span[1]
    return (
        e + 2 < len(doc)
        and doc[e].text == ","
        and doc[e + 1].like_num
        and doc[e + 1].text.isdigit()
        and 0 < int(doc[e + 1].text) < 120
        and doc[e + 2].text == ","
    )


def _is_a_person_noun(c, doc) -> bool:
    """'Jane Roe is the club's head coach': the subject of 'be' whose complement is a
    word for a person's job."""
    head = doc[c.root]
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < head.i:
        return False
    return any(t.dep_ == "attr" and t.lower_ in person_nouns() and t.tag_ == "NN" for t in verb.children)


def _listed_with_people(c, doc, persons: list) -> bool:
    """In a list with named people ('Jane Roe, Tom Hale and Ann Lee'): the head is a conjunct of,
    or the head of a conjunct that is, a person's name in the same paragraph."""
    head = doc[c.root]
    linked = [t for t in (head.head, *head.children) if t.dep_ == "conj" or head.dep_ == "conj"]
    if not linked:
        return False
    tokens = {i for p in persons if p.paragraph == c.paragraph and len(p.name.split()) > 1 for i in range(*p.span)}
    return any(t.i in tokens for t in linked)
