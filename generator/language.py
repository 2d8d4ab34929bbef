"""A cheap guess at whether a text is English: the extraction uses an English model only."""

from __future__ import annotations

import re

from .lexicon import pronouns, wordset

# The commonest English words (words.yml common_words, and the personal pronouns' subject, object
# and possessive determiner forms): in English prose they make up well over a fifth of the words; in other
# languages (or in other scripts) they are rare.
_COMMON = wordset("common_words") | pronouns(cases=("subject", "object", "determiner"))
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str, min_words: int = 30) -> bool:
    """False when a text of some length has few common English words (too short to tell: True)."""
    words = _WORD.findall(text.lower())
    if len(words) < min_words:
        # Scripts without spaces give few 'words': judge by the letters instead.
        letters = [c for c in text if c.isalpha()]
        return len(letters) < 200 or sum(c.isascii() for c in letters) > len(letters) / 2
    return sum(w in _COMMON for w in words) / len(words) >= 0.12
