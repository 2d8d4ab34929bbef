"""Given names (generator/data/given_names.tsv): evidence that a name is a person's, and of gender."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

GIVEN_NAMES_FILE = Path(__file__).resolve().parents[1] / "data" / "given_names.tsv"
COMMON_RANK = 1000
"""A given name counts as evidence of a person when it ranks this high in some country."""


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int, float]]:
    with GIVEN_NAMES_FILE.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {r["name"]: (int(r["best_rank"]), float(r["female_share"])) for r in rows}


def is_given_name(word: str, max_rank: int = COMMON_RANK) -> bool:
    hit = _table().get(word)
    return hit is not None and hit[0] <= max_rank


def gender(word: str) -> str | None:
    """'he' or 'she' when nine bearers in ten of the given name are men or women, else None."""
    hit = _table().get(word)
    if hit is None:
        return None
    if hit[1] >= 0.9:
        return "she"
    if hit[1] <= 0.1:
        return "he"
    return None


def common_word(word: str) -> bool:
    """A common English noun or adjective (the lemmatizer's tables): 'store', 'images', 'glass'."""
    return common_noun(word) or common_adjective(word)


def common_adjective(word: str) -> bool:
    """A common English adjective (the lemmatizer's tables): 'disgraced', 'former'."""
    from ..lexicon import _adjectives

    return word.lower() in _adjectives()


def common_noun(word: str) -> bool:
    """A common English noun (the lemmatizer's tables): 'media', 'apple'."""
    from ..lexicon import _nouns

    w = word.lower()
    return w in _nouns() or (w.endswith("s") and w[:-1] in _nouns())
