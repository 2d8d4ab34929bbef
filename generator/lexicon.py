"""The vocabularies in resources/<language>/words.yml (and timex_words.yml, the words only the
time-expression rules read), loaded once: one list per concept, each in one file.

An entry is a list of words; a table (word: value, as a number word and its value), whose words
are its keys; or named parts, lists whose words are all of the entry's, each part also read on its
own as ``entry.part`` (``wordset("pronouns.relative")``). Rules read a vocabulary here and nowhere
else: as a set (``wordset``), in the file's order (``wordlist``), as a table (``wordtable``) or as a
regular expression (``alternation``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).parent / "resources"
FILES = ("words.yml", "timex_words.yml")


@lru_cache(maxsize=4)
def entries(language: str = "en") -> dict[str, Any]:
    """The entries of the word files as written: each a list, a table or named sub-lists."""
    out: dict[str, Any] = {}
    for name in FILES:
        data = yaml.safe_load((RESOURCES / language / name).read_text(encoding="utf-8"))
        if set(out) & set(data):
            raise ValueError(f"{name}: {sorted(set(out) & set(data))} already in another word file")
        out.update(data)
    return out


def _parts(values: Any) -> dict[str, list] | None:
    """An entry's named parts, or None for a list or a table."""
    if isinstance(values, dict) and all(isinstance(v, list) for v in values.values()):
        return values
    return None


def _members(values: Any) -> list[str]:
    """The words of an entry (or of one part), lower case, in the file's order: a table's are its keys."""
    parts = _parts(values)
    if parts is not None:
        return [w for part in parts.values() for w in _members(part)]
    return [str(w).lower() for w in values]


@lru_cache(maxsize=4)
def words(language: str = "en") -> dict[str, frozenset[str]]:
    """Each entry as a set of lower-case words, and each named part as ``entry.part``."""
    out: dict[str, frozenset[str]] = {}
    for key, values in entries(language).items():
        out[key] = frozenset(_members(values))
        for part, members in (_parts(values) or {}).items():
            out[f"{key}.{part}"] = frozenset(_members(members))
    return out


def wordset(name: str, language: str = "en") -> frozenset[str]:
    return words(language)[name]


@lru_cache(maxsize=64)
def verb_forms(name: str, language: str = "en") -> frozenset[str]:
    """A list of verbs with their regular forms ('hope': 'hopes', 'hoped', 'hoping'), for a tagger
    that lemmatises some of them wrongly ('hoped' as 'hop')."""
    out = set()
    for verb in wordset(name, language):
        stem = verb[:-1] if verb.endswith("e") else verb
        out |= {
            verb,
            verb + "s",
            verb + "es",
            stem + "ed",
            stem + "ing",
            verb + verb[-1:] + "ed",
            verb + verb[-1:] + "ing",
        }
    return frozenset(out)


@lru_cache(maxsize=64)
def wordlist(name: str, language: str = "en") -> tuple[str, ...]:
    """An entry (or a named part, ``entry.part``) in the file's order, lower case, once each."""
    key, _, sub = name.partition(".")
    values = entries(language)[key]
    return tuple(dict.fromkeys(_members(values[sub] if sub else values)))


def wordtable(name: str, language: str = "en") -> dict[str, Any]:
    """A table (word: value) in the file's order, the words lower case."""
    return {str(w).lower(): v for w, v in entries(language)[name].items()}


def first_words(name: str, language: str = "en") -> dict[Any, str]:
    """A table's values, each to the first word listed for it: the word a page writes ('FA' -> 'autumn')."""
    out: dict[Any, str] = {}
    for word, value in wordtable(name, language).items():
        out.setdefault(value, word)
    return out


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """A regular expression for any of the words: escaped, the longest first (so 'Sept.' is
    tried before 'Sept' and 'Sep'; of one length in alphabetical order), a space matching ``space``.
    No group around it."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(space.join(map(re.escape, w.split(" "))) for w in ordered)


PRONOUN_CASES = ("subject", "object", "determiner", "possessive")
THIRD_PERSON = ("third_masculine", "third_feminine", "third_neuter", "third_plural")
GENDERED = ("third_masculine", "third_feminine")
"""Parts of words.yml's personal_pronouns: the third person, and the two of it that show a gender."""


def pronouns(*persons: str, cases: Iterable[str] = PRONOUN_CASES, language: str = "en") -> frozenset[str]:
    """Forms of the personal pronouns of the persons named (all when none) in the cases named:
    ``pronouns(*GENDERED, cases=("object",))`` is {'him', 'her'}."""
    table = entries(language)["personal_pronouns"]
    at = [PRONOUN_CASES.index(c) for c in cases]
    return frozenset(table[p][i] for p in (persons or table) for i in at)


def pronoun_subjects(*persons: str, language: str = "en") -> dict[str, str]:
    """Subject and object forms of the persons' pronouns (all when none) to the subject form ('him' -> 'he')."""
    table = entries(language)["personal_pronouns"]
    return {form: table[p][0] for p in (persons or table) for form in table[p][:2]}


def determiner_subjects(*persons: str, language: str = "en") -> dict[str, str]:
    """Determiner forms of the persons' pronouns to the subject form ('his' -> 'he', 'their' -> 'they')."""
    table = entries(language)["personal_pronouns"]
    return {table[p][2]: table[p][0] for p in (persons or table)}


def word_gender(word: str) -> str | None:
    """'she' or 'he' for a word that shows it ('Mrs.', 'chairwoman', 'Mr.', 'king'), else None."""
    w = word.lower().rstrip(".")
    return "she" if w in wordset("female_words") else "he" if w in wordset("male_words") else None


def calendar_words(language: str = "en") -> frozenset[str]:
    """Weekday and month names and their abbreviations."""
    w = words(language)
    return w["weekdays"] | w["weekday_abbreviations"] | w["months"] | w["month_abbreviations"]


def _numbered(names: str, abbreviations: str, first: int) -> dict[str, int]:
    """Calendar names and their abbreviations (each the name it begins) to their numbers."""
    full = {name: i for i, name in enumerate(wordlist(names), start=first)}
    short = {a: next(n for name, n in full.items() if name.startswith(a)) for a in wordlist(abbreviations)}
    return full | short


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations, lower case, to the month's number ('sept' -> 9)."""
    return _numbered("months", "month_abbreviations", 1)


@lru_cache(maxsize=1)
def weekday_numbers() -> dict[str, int]:
    """Weekday names and abbreviations, lower case, to the weekday's number ('tues' -> 1, Monday 0)."""
    return _numbered("weekdays", "weekday_abbreviations", 0)


def season_codes() -> dict[str, str]:
    """Season names to their TIMEX3 codes ('fall' -> 'FA')."""
    return wordtable("seasons")


def season_names() -> dict[str, str]:
    """TIMEX3 season codes to the name a page writes ('FA' -> 'autumn', the first listed)."""
    return first_words("seasons")


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns for people: words.yml's list, and nameparser's titles and occupations that
    are not nouns for bodies ('army') or for places."""
    from nameparser.config import titles

    skip = wordset("organisation_nouns") | wordset("not_person_nouns")
    abstract = wordlist("abstract_noun_endings")  # 'marketing', 'analytics', 'information'
    extra = {
        t
        for t in titles.TITLES
        if t.isalpha() and len(t) > 2 and t not in skip and not t.endswith(abstract) and not _adjective(t)
    }
    return wordset("person_nouns") | frozenset(extra)


def _adjective(word: str) -> bool:
    """A word the English lemmatizer's tables know as an adjective ('federal', 'british')."""
    return word in _adjectives()


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Common nouns the English lemmatizer's tables know, without those that are also given names."""
    from .extract.names import is_given_name
    from .nlp import get_nlp

    table = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for w in table["noun"] if w.isalpha() and not is_given_name(w.title(), max_rank=10**9))


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    from .nlp import get_nlp

    table = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(table["adj"])
