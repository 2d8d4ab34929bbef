"""An article in, its finished briefing out: extraction (cached by content, under a time
budget), then the corrections by hand. This is the one place a briefing is produced, for the
site, for `briefing extract` and for `briefing check` (which checks that corrections match)."""

from __future__ import annotations

import hashlib
import json
import time
from functools import lru_cache
from pathlib import Path

from .budget import OverBudget, time_budget
from .corrections import Corrections, apply
from .export import briefing_dict, from_dict
from .model import Article, Briefing
from .problems import ArticleError

NOT_EXTRACTION = frozenset(
    {
        "cli.py",
        "engines.py",
        "export_timeline.py",
        "markup.py",
        "mkdocs_plugin.py",
        "parallel.py",
        "progress.py",
        "render.py",
        "site.py",
        "validate.py",
        "visual.py",
    }
)
"""Modules of ``generator/`` that extraction never imports (pages, engines, the command line; a test
checks it): a change to them leaves the extraction cache valid, so a change to how pages look does
not parse a thousand articles again. A module missing here only costs a needless re-extraction."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code and model name: a change invalidates the cache."""
    from .nlp import model_name

    h = hashlib.sha256(model_name().encode())
    root = Path(__file__).parent
    for path in sorted(
        [
            *(p for p in root.glob("*.py") if p.name not in NOT_EXTRACTION),
            *root.glob("extract/*.py"),
            *root.glob("data/*"),
            *root.glob("resources/*/*"),
        ]
    ):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_key(article: Article) -> str:
    fields = [article.id, article.title, str(article.published), article.source, article.url, article.tags]
    payload = json.dumps([*fields, article.paragraphs, article.authors, article.extra], default=str)
    return hashlib.sha256((code_fingerprint() + payload).encode()).hexdigest()[:24]


def cache_path(cache_dir: Path, article: Article) -> Path:
    """Where the extraction cache keeps this article's briefing (its key: content and code)."""
    return Path(cache_dir) / f"{cache_key(article)}.json"


def cached(article: Article, cache_dir: Path | None) -> Briefing | None:
    path = cache_path(cache_dir, article) if cache_dir else None
    if path and path.exists():
        try:
            return from_dict(json.loads(path.read_text(encoding="utf-8")), path=article.path)
        except Exception:  # noqa: BLE001 - a stale, broken or unreadable cache entry is simply recomputed
            return None
    return None


def extract_cached(article: Article, cache_dir: Path | None, seconds: float = 0) -> Briefing:
    """The extracted briefing (no corrections), from the cache when the same article and code
    were extracted before. Past `seconds` raises :class:`OverBudget`."""
    hit = cached(article, cache_dir)
    if hit is not None:
        return hit
    # Imported past the cache: importing extraction loads the spaCy model (its word lists are
    # read from it), 3 to 4 s that a build finding every article in the cache does not need.
    from .extract import extract_briefing
    from .nlp import get_nlp, parse

    get_nlp()  # loading the model is not the article's time
    with time_budget(seconds) as deadline:
        briefing = extract_briefing(article, parse(article, deadline=deadline))
    if cache_dir:
        path = cache_path(cache_dir, article)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(briefing_dict(briefing), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    return briefing


def produce(
    article: Article,
    corrections: Corrections | None,
    cache_dir: Path | None,
    seconds: float = 0,
    shown: str = "",
) -> tuple[Briefing | None, list[ArticleError]]:
    """The briefing with corrections applied, and the problems found on the way. An article that
    fails (or runs past its budget) gives no briefing and one error; the others are unaffected."""
    shown = shown or article.path
    started = time.monotonic()
    try:
        briefing = extract_cached(article, cache_dir, seconds)
    except OverBudget:
        spent = time.monotonic() - started
        return None, [
            ArticleError(
                shown,
                f"skipped: extraction ran past its time budget of {seconds:g} s ({spent:.0f} s spent; "
                "BRIEFING_SECONDS_PER_ARTICLE or extra.briefing_limits.seconds_per_article)",
            )
        ]
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the others
        return None, [ArticleError(shown, f"extraction failed ({type(exc).__name__}: {exc})")]
    return apply(briefing, corrections)
