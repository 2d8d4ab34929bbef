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

from ..lexicon import calendar_words, wordset

_MARKUP = re.compile(r"[<>|@#/\\=_*{}\[\]~^+%$&]")
TITLE = "a personal title"
FULL_NAME = "a full name"
TAGGED = "the language model's PERSON label"
SPEAKS = "speaks or is quoted"
PRONOUN = "referred to as he or she"


def name_words(name: str) -> list[str]:
    """The words of a name without particles and suffixes ('Jr.')."""
    particles, suffixes = wordset("name_particles"), wordset("name_suffixes")
    return [w for w in name.split() if w.lower().strip(".,") not in particles | suffixes]


def not_a_name(name: str, paragraphs: tuple[str, ...] | list[str]) -> str | None:
    """Why `name` cannot be a person's name, or None."""
    words = name.split()
    letters = sum(ch.isalpha() for ch in name)
    if letters < 3:
        return "shorter than three letters"
    if _MARKUP.search(name) or any(ch.isdigit() for ch in name):
        return "markup, digits or symbols"
    if any(w[:1].islower() and not _particle(w) for w in words):
        return "not a name (lower-case words)"
    if any(w.lower().strip(".,’'s") in calendar_words() for w in words):
        return "a weekday or month"
    if len(words) == 1:
        word = words[0].strip(".,")
        if word.isupper() and len(word) > 1:
            return "a single word in capitals"
        if word.lower() in wordset("platforms"):
            return "a platform"
        lower = re.compile(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])")
        if any(lower.search(p) for p in paragraphs):
            return "a common noun (the article writes it in lower case)"
    return None


def _particle(word: str) -> bool:
    """'van', 'al-Mutlaq', 'd’Estaing': a lower-case word that belongs in a name."""
    particles = wordset("name_particles")
    word = word.strip(".,")
    head = re.split(r"[-'’]", word, maxsplit=1)[0].lower()
    return word.lower() in particles or (head in particles | {"d", "l"} and word != head)


def person_evidence(cands) -> list[str]:
    """What in the mentions shows a person (before quotes and pronouns are read)."""
    persons = [c for c in cands if c.type == "person"]
    out = []
    if any(c.title for c in persons):
        out.append(TITLE)
    if any(len(name_words(c.name)) >= 2 for c in persons):
        out.append(FULL_NAME)
    if any(c.label == "PERSON" for c in cands):
        out.append(TAGGED)
    return out


def strong(evidence: tuple[str, ...] | list[str]) -> bool:
    """Enough to keep a person without more: a title, a full name, speech or a pronoun."""
    return any(e in (TITLE, FULL_NAME, SPEAKS, PRONOUN) for e in evidence)


SPEAKING_TYPES = ("person", "organisation", "country", "group")
_GENDERED = frozenset({"he", "she", "him", "her"})


def settle_people(actors: list, quotes: list, rejected: list[str]) -> tuple[list, list]:
    """After the quotes: a person named by one word with no title, no full name,
    no speech and no he/she referring to it is left out (the tagger's label alone
    is not enough); a quote whose speaker cannot speak (a place) is unattributed."""
    speakers = {q.speaker for q in quotes if q.speaker}
    gendered = {q.speaker for q in quotes if q.speaker and (q.speaker_text or "").lower() in _GENDERED}
    kept, dropped = [], set()
    for a in actors:
        if a.type == "person" and not any(n.startswith("unnamed") for n in a.notes):
            evidence = list(a.evidence)
            if a.id in speakers:
                evidence.append(SPEAKS)
            if a.id in gendered:
                evidence.append(PRONOUN)
            if not strong(evidence):
                dropped.add(a.id)
                rejected.append(f"{a.name!r} (one name with no other sign of a person)")
                continue
            a = replace(a, evidence=tuple(evidence))
        kept.append(a)
    types = {a.id: a.type for a in kept}
    quotes = [
        q
        if q.speaker is None or types.get(q.speaker) in SPEAKING_TYPES
        else replace(q, speaker=None, attribution=f"unattributed: the speaker found is a {types.get(q.speaker)}")
        for q in quotes
    ]
    return kept, quotes
