"""How much work one article may ask for: its size, its paragraphs' size, its time.

Set in ``mkdocs.yml`` under ``extra: briefing_limits:`` or by environment variables, which win:

| key | variable | default |
| --- | --- | --- |
| ``max_article_chars`` | ``BRIEFING_MAX_ARTICLE_CHARS`` | 2,000,000 (over it the article is refused) |
| ``max_paragraph_chars`` | ``BRIEFING_MAX_PARAGRAPH_CHARS`` | 100,000 (over it the paragraph is split at sentence ends, with a warning) |
| ``seconds_per_article`` | ``BRIEFING_SECONDS_PER_ARTICLE`` | 300 (over it the article is skipped, with a warning) |
| ``workers`` | ``BRIEFING_WORKERS`` | 0: one process per core, at most 4, when 8 or more articles are new (:mod:`generator.parallel`) |

0 means no limit (for ``workers``: the machine decides; 1 extracts in the build's own process).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Limits:
    max_article_chars: int = 2_000_000
    max_paragraph_chars: int = 100_000
    seconds_per_article: float = 300.0
    workers: int = 0


ENV = {
    "max_article_chars": "BRIEFING_MAX_ARTICLE_CHARS",
    "max_paragraph_chars": "BRIEFING_MAX_PARAGRAPH_CHARS",
    "seconds_per_article": "BRIEFING_SECONDS_PER_ARTICLE",
    "workers": "BRIEFING_WORKERS",
}


class LimitsError(ValueError):
    pass


def limits_from(extra: Mapping | None = None) -> Limits:
    """Limits from a configuration's ``extra`` (``briefing_limits``), then the environment."""
    given = dict((extra or {}).get("briefing_limits") or {})
    unknown = sorted(set(given) - set(ENV))
    if unknown:
        raise LimitsError(f"unknown briefing_limits key(s): {', '.join(map(str, unknown))} (known: {', '.join(ENV)})")
    values: dict[str, Any] = {}  # an int for each field, a float for seconds_per_article
    for f in fields(Limits):
        raw = os.environ.get(ENV[f.name], given.get(f.name))
        if raw is None or raw == "":
            continue
        try:
            value = float(raw) if f.name == "seconds_per_article" else int(raw)
        except (TypeError, ValueError):
            raise LimitsError(f"{f.name} ({ENV[f.name]}) must be a number, not {raw!r}") from None
        if value < 0:
            zero = "one per core" if f.name == "workers" else "no limit"
            raise LimitsError(f"{f.name} ({ENV[f.name]}) must be 0 ({zero}) or more, not {raw!r}")
        values[f.name] = value
    return Limits(**values)


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml for its ``extra`` only: MkDocs' own tags (!ENV, !relative) become None."""


_Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)


def _project(config_file: Path) -> dict:
    """mkdocs.yml read without MkDocs (its !ENV tags tolerated); empty when absent or unreadable."""
    if not config_file.is_file():
        return {}
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def limits_for_project(config_file: Path = Path("mkdocs.yml")) -> Limits:
    """The limits a build of this project would use, for `briefing check` and `extract`."""
    extra = _project(config_file).get("extra") or {}
    return limits_from(extra if isinstance(extra, dict) else {})


def seeds_for_project(config_file: Path = Path("mkdocs.yml")) -> Path:
    """The seeds folder a build of this project reads: the briefing plugin's ``seeds`` option."""
    for entry in _project(config_file).get("plugins") or ():
        if isinstance(entry, dict) and isinstance(entry.get("briefing"), dict):
            seeds = entry["briefing"].get("seeds")
            if isinstance(seeds, str):
                return config_file.parent / seeds
    return config_file.parent / "seeds"
