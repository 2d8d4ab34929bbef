"""The vocabularies in resources/<language>/words.yml, loaded once: one list per concept."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

RESOURCES = Path(__file__).parent / "resources"


@lru_cache(maxsize=4)
def words(language: str = "en") -> dict[str, frozenset[str]]:
    """Each list of words.yml as a set of lower-case words."""
    data = yaml.safe_load((RESOURCES / language / "words.yml").read_text(encoding="utf-8"))
    return {key: frozenset(str(w).lower() for w in values) for key, values in data.items()}


def wordset(name: str, language: str = "en") -> frozenset[str]:
    return words(language)[name]


def word_gender(word: str) -> str | None:
    """'she' or 'he' for a word that shows it ('Mrs.', 'chairwoman', 'Mr.', 'king'), else None."""
    w = word.lower().rstrip(".")
    return "she" if w in wordset("female_words") else "he" if w in wordset("male_words") else None


def calendar_words(language: str = "en") -> frozenset[str]:
    """Weekday and month names and their abbreviations."""
    w = words(language)
    return w["weekdays"] | w["weekday_abbreviations"] | w["months"] | w["month_abbreviations"]


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns for people: words.yml's list, and nameparser's titles and occupations that
    are not nouns for bodies ('army') or for places."""
    from nameparser.config import titles

    skip = wordset("organisation_nouns") | wordset("not_person_nouns")
    extra = {
        t
        for t in titles.TITLES
        if t.isalpha() and len(t) > 2 and t not in skip and not t.endswith(_ABSTRACT) and not _adjective(t)
    }
    return wordset("person_nouns") | frozenset(extra)


# Endings of abstract nouns and fields ('marketing', 'analytics', 'information').
_ABSTRACT = ("ing", "ics", "tion", "sion", "ment", "ism", "ness", "ity", "ance", "ence", "ogy")


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
