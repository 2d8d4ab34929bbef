"""Which files in the seeds folder are articles, and why every other file is not used.

Kinds are recognised whatever their case (``.TXT``, ``.Md``, ``.yaml`` beside ``.yml``). A
symbolic link that leads outside the folder is refused: a seed must never publish a file from
elsewhere on the machine. Every file that is not used is named, with the reason, so nothing is
dropped without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .problems import ArticleError

ARTICLE_SUFFIXES = (".txt", ".md")
META_SUFFIXES = (".yml", ".yaml")
STORIES_FILES = ("stories.yml", "stories.yaml")
CORRECTIONS_STEM = ".corrections"
"""``name.corrections.yml`` beside ``name.txt`` or ``name.md`` holds corrections by hand."""


@dataclass
class Listing:
    articles: list[Path] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    unused: list[tuple[str, str]] = field(default_factory=list)
    """(file name, why it is not used)."""


def shown_path(path: Path, seeds_dir: Path | None) -> str:
    """The path as a user sees it in messages: 'seeds/x.txt'."""
    if seeds_dir is not None:
        try:
            return str(path.relative_to(seeds_dir.parent))
        except ValueError:
            pass
    return str(path)


def outside_link(path: Path, folder: Path) -> bool:
    """True for a symbolic link (or a path through one) that resolves outside `folder`."""
    try:
        target = path.resolve(strict=False)
        return not target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return True


def is_corrections(path: Path) -> bool:
    return path.suffix.lower() in META_SUFFIXES and path.stem.lower().endswith(CORRECTIONS_STEM)


def article_stem(path: Path) -> str:
    """The article a sidecar or corrections file belongs to ('x' for x.yml and x.corrections.yml)."""
    stem = path.stem
    return stem[: -len(CORRECTIONS_STEM)] if is_corrections(path) else stem


def companions(article: Path, corrections: bool = False) -> list[Path]:
    """The sidecar metadata files (or corrections files) beside an article, any case."""
    try:
        stamp = article.parent.stat().st_mtime_ns
    except OSError:
        return []
    return [p for p in _sidecars(article.parent, stamp).get(article.stem, ()) if is_corrections(p) == corrections]


@lru_cache(maxsize=16)
def _sidecars(folder: Path, stamp: int) -> dict[str, list[Path]]:
    """The folder's sidecar and corrections files by the article they belong to, listed once per
    state of the folder (``stamp``, its modification time): once per article made reading a
    thousand seeds quadratic."""
    by_stem: dict[str, list[Path]] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return by_stem
    for p in entries:
        if p.suffix.lower() in META_SUFFIXES and not p.name.startswith("."):
            by_stem.setdefault(article_stem(p), []).append(p)
    return by_stem


def list_seeds(seeds_dir: Path) -> Listing:
    """Sort every entry of the seeds folder into articles, refused links and unused files."""
    if not seeds_dir.is_dir():
        raise ArticleError(str(seeds_dir), "no such folder (create it and put articles in it)")
    listing = Listing()
    _sidecars.cache_clear()  # the listing lasts one reading of the folder: a file may come within a tick
    entries = sorted(seeds_dir.iterdir())
    stems = {p.stem for p in entries if p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")}
    txt_stems = {p.stem for p in entries if p.suffix.lower() == ".txt" and not p.name.startswith(".")}
    for path in entries:
        name, kind = path.name, path.suffix.lower()
        # A sidecar or corrections file is checked (links included) when its article is read.
        belongs = kind in META_SUFFIXES and article_stem(path) in (stems if is_corrections(path) else txt_stems)
        if name.startswith("."):
            listing.unused.append((name, "hidden file"))
        elif path.is_symlink() and outside_link(path, seeds_dir) and not belongs:
            listing.errors.append(
                ArticleError(shown_path(path, seeds_dir), "symbolic link to a file outside seeds/: refused")
            )
        elif name in STORIES_FILES and not belongs:
            continue  # stories pinned or split by hand (generator.story.pins)
        elif path.is_dir():
            listing.unused.append((name + "/", "a folder, not a file"))
        elif not path.exists():
            listing.errors.append(ArticleError(shown_path(path, seeds_dir), "broken symbolic link"))
        elif kind in ARTICLE_SUFFIXES:
            listing.articles.append(path)
        elif is_corrections(path):
            if article_stem(path) not in stems:
                listing.unused.append((name, f"corrections with no article named {article_stem(path)}.txt or .md"))
        elif kind in META_SUFFIXES:
            if path.stem not in txt_stems:
                why = "metadata of a .md article (its front matter is used)" if path.stem in stems else "orphan sidecar"
                listing.unused.append((name, f"{why}: no {path.stem}.txt"))
        else:
            listing.unused.append((name, "unknown extension: articles are .txt or .md"))
    return listing


def unused_line(unused: list[tuple[str, str]]) -> str:
    """One summary line naming every file not used, with why."""
    return "not used: " + "; ".join(f"{name} ({why})" for name, why in unused)
