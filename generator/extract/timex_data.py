"""Vocabularies the time-expression rules read: timex_words.yml (through generator/lexicon.py) and holidays.yml."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..lexicon import wordlist


def deferring_verbs() -> list[str]:
    """Stems of verbs of putting off ('postpon', 'extend'): a time after them and 'until' lies ahead."""
    return [w.replace(" ", r"\s+") for w in wordlist("deferring_verbs")]


def ahead_words() -> list[str]:
    """Words right before a time that put it ahead of the clause's event ('payable', 'effective', 'until')."""
    return [w.replace(" ", r"\s+") for w in wordlist("ahead_words")]


HOLIDAYS = Path(__file__).resolve().parents[1] / "resources" / "en" / "holidays.yml"


@lru_cache(maxsize=1)
def holiday_specs() -> list[dict]:
    """The holidays of holidays.yml: names and one rule each (fixed, easter, nth_weekday)."""
    return yaml.safe_load(HOLIDAYS.read_text(encoding="utf-8"))["holidays"]


@lru_cache(maxsize=1)
def holiday_words() -> frozenset[str]:
    """Every word of a holiday's name, lower case: capitalised, they are no sign of another name."""
    return frozenset(w for spec in holiday_specs() for name in spec["names"] for w in re.findall(r"[a-z]+", name))
