"""Vocabularies the time-expression rules read, from generator/resources/en/timex_words.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "resources" / "en" / "timex_words.yml"


@lru_cache(maxsize=1)
def words() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def deferring_verbs() -> list[str]:
    """Stems of verbs of putting off ('postpon', 'extend'): a time after them and 'until' lies ahead."""
    return [w.replace(" ", r"\s+") for w in words()["deferring_verbs"]]


def ahead_words() -> list[str]:
    """Words right before a time that put it ahead of the clause's event ('payable', 'effective', 'until')."""
    return [w.replace(" ", r"\s+") for w in words()["ahead_words"]]
