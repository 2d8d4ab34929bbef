"""Seeds folder -> generated Markdown pages under docs/briefings/.

Writes a file only when its content changed (so `mkdocs serve` does not
rebuild in a loop), caches extraction results by content, and never touches
a file it did not write: a manifest records what was generated and its hash,
so a hand-edited or hand-made file is left alone and reported.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .article import ArticleError, read_seeds
from .export import SCHEMA_PATH, briefing_dict, from_dict, to_json
from .model import Article, Briefing
from .render import render_collection, render_index, render_pages

log = logging.getLogger("briefing")

OUT_SUBDIR = "briefings"
GATHERED = "Across every briefing: [actors](all-actors.md) · [timeline](all-timeline.md) · [tags](tags.md)\n\n"
MANIFEST = ".generated.json"
CACHE_DIR = Path(".cache") / "briefing"


@dataclass
class Result:
    briefings: list[Briefing] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Files left alone because a person wrote or edited them."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction code and model name: a change invalidates the cache."""
    from .nlp import model_name

    h = hashlib.sha256(model_name().encode())
    root = Path(__file__).parent
    for path in sorted(
        [*root.glob("*.py"), *root.glob("extract/*.py"), *root.glob("data/*"), *root.glob("resources/*/*")]
    ):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _cache_key(article: Article) -> str:
    payload = json.dumps(
        [
            article.id,
            article.title,
            str(article.published),
            article.source,
            article.url,
            article.tags,
            article.paragraphs,
        ]
    )
    return hashlib.sha256((code_fingerprint() + payload).encode()).hexdigest()[:24]


def extract_cached(article: Article, cache_dir: Path | None) -> Briefing:
    from .extract import extract_briefing
    from .nlp import parse

    path = cache_dir / f"{_cache_key(article)}.json" if cache_dir else None
    if path and path.exists():
        try:
            return from_dict(json.loads(path.read_text(encoding="utf-8")), path=article.path)
        except (ValueError, TypeError, KeyError):
            pass  # a stale or broken cache entry is simply recomputed
    briefing = extract_briefing(article, parse(article))
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(briefing_dict(briefing), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    return briefing


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(path: Path) -> str:
    # newline="" keeps CRLF as written (the .ics export): a translated read would look hand-edited.
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        return f.read()


class Writer:
    """Writes generated files under ``out_dir``, guarding hand-made ones."""

    def __init__(self, out_dir: Path, result: Result):
        self.out = out_dir
        self.result = result
        self.manifest_path = out_dir / MANIFEST
        try:
            self.previous: dict[str, str] = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.previous = {}
        self.current: dict[str, str] = {}

    def _ours(self, rel: str, path: Path) -> bool:
        """True when the file on disk is absent or exactly what we last wrote."""
        if not path.exists():
            return True
        known = self.previous.get(rel)
        return known is not None and _sha(_read(path)) == known

    def write(self, rel: str, content: str) -> None:
        path = self.out / rel
        digest = _sha(content)
        if path.exists() and _read(path) == content:
            self.current[rel] = digest
            return
        if not self._ours(rel, path):
            self.result.kept.append(str(path))
            log.warning("briefing: left %s alone: it was written or edited by hand (delete it to regenerate)", path)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="")
        self.current[rel] = digest
        self.result.written.append(rel)

    def finish(self) -> None:
        for rel in sorted(set(self.previous) - set(self.current)):
            path = self.out / rel
            if self._ours(rel, path) and path.exists():
                path.unlink()
                self.result.removed.append(rel)
                try:
                    path.parent.rmdir()  # only succeeds once the folder is empty
                except OSError:
                    pass
        manifest = json.dumps(self.current, indent=1, sort_keys=True) + "\n"
        if not self.manifest_path.exists() or self.manifest_path.read_text(encoding="utf-8") != manifest:
            self.out.mkdir(parents=True, exist_ok=True)
            self.manifest_path.write_text(manifest, encoding="utf-8")


def extra_files(briefing: Briefing) -> dict[str, str]:
    """Other per-briefing exports beside the JSON: the timeline for TimelineJS and calendars."""
    from .export_timeline import icalendar, timelinejs

    return {
        "timeline.json": json.dumps(timelinejs(briefing), ensure_ascii=False, indent=2) + "\n",
        "timeline.ics": icalendar(briefing),
    }


def generate(seeds_dir: Path, docs_dir: Path, cache_dir: Path | None = CACHE_DIR) -> Result:
    """Read every seed, extract, and write the pages. Bad seeds are reported, not fatal."""
    result = Result()
    articles, result.errors = read_seeds(seeds_dir)
    for err in result.errors:
        log.warning("briefing: skipped %s", err)
    for article in articles:
        try:
            result.briefings.append(extract_cached(article, cache_dir))
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the others
            err = ArticleError(
                str(seeds_dir.name + "/" + article.path), f"extraction failed ({type(exc).__name__}: {exc})"
            )
            log.warning("briefing: %s", err, exc_info=True)
            result.errors.append(err)
    out = docs_dir / OUT_SUBDIR
    writer = Writer(out, result)
    for b in result.briefings:
        slug = b.article.id
        for name, text in render_pages(b).items():
            writer.write(f"{slug}/{name}", text)
        writer.write(f"{slug}/briefing.json", to_json(b))
        for name, text in extra_files(b).items():
            writer.write(f"{slug}/{name}", text)
    writer.write(
        "index.md",
        "# Briefings\n\n" + GATHERED + render_index(result.briefings, [str(e) for e in result.errors], level=2),
    )
    for name, text in render_collection(result.briefings).items():
        writer.write(name, text)
    writer.write("briefing.schema.json", SCHEMA_PATH.read_text(encoding="utf-8"))
    writer.finish()
    return result
