"""A cheap guess at whether a text is English: the extraction uses an English model only."""

from __future__ import annotations

import re

# The commonest English function words: in English prose they make up well over a fifth of
# the words; in other languages (or in other scripts) they are rare.
_COMMON = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but from or have an "
    "they which one you were her all she there would their we him been has when who will more no if out so "
    "said what up its about into than them can only other new some could time these two may then do first "
    "any my now such like our over man me even most made after also did many before must through back years "
    "where much your way well down should because each just those people how too little state good very make "
    "world still own see men work long get here between both life being under never day same another know "
    "while last might us great old year off come since against go came right used take three".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def looks_english(text: str, min_words: int = 30) -> bool:
    """False when a text of some length has few common English words (too short to tell: True)."""
    words = _WORD.findall(text.lower())
    if len(words) < min_words:
        # Scripts without spaces give few 'words': judge by the letters instead.
        letters = [c for c in text if c.isalpha()]
        return len(letters) < 200 or sum(c.isascii() for c in letters) > len(letters) / 2
    return sum(w in _COMMON for w in words) / len(words) >= 0.12
