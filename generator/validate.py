"""The one validation of the inputs, used by `briefing check`, `build`, `extract` and MkDocs.

It lists the seeds folder (:mod:`.seeds`), reads every article (:mod:`.article`) and parses its
corrections file (:mod:`.corrections`), so that every command agrees on what is wrong, and each
problem is found, and reported, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .article import read_article, unique_ids
from .corrections import Corrections, read_corrections
from .limits import Limits
from .model import Article
from .problems import ArticleError, ArticleWarning
from .seeds import META_SUFFIXES, companions, is_corrections, list_seeds, shown_path, unused_line


@dataclass
class Checked:
    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[ArticleWarning] = field(default_factory=list)
    unused: list[tuple[str, str]] = field(default_factory=list)
    corrections: dict[str, Corrections] = field(default_factory=dict)
    """Corrections by article id."""
    notes: dict[str, list[str]] = field(default_factory=dict)
    """Reading warnings by article id, for the briefing's own warnings."""
    files: int = 0
    """How many article files were looked at."""

    def report(self, emit) -> None:
        """Every problem once: `emit(kind, text)`, kind 'error', 'warning' or 'note' (the files not used:
        a note, so that a stray .gitkeep does not fail a strict build)."""
        for err in self.errors:
            emit("error", str(err))
        for w in self.warnings:
            emit("warning", str(w))
        if self.unused:
            emit("note", unused_line(self.unused))


def _read_one(path: Path, seeds_dir: Path | None, limits: Limits, checked: Checked) -> None:
    notes: list[ArticleWarning] = []
    try:
        article = read_article(path, seeds_dir, limits, notes)
        fixes = companions(path, corrections=True)
        if len(fixes) > 1:
            raise ArticleError(shown_path(path, seeds_dir), "two corrections files for one article: keep one")
        corrections = (
            read_corrections(fixes[0], shown_path(fixes[0], seeds_dir), seeds_dir or path.parent) if fixes else None
        )
    except ArticleError as err:
        checked.errors.append(err)
        checked.warnings += notes
        return
    checked.warnings += notes
    checked.articles.append(article)
    if notes:
        checked.notes[article.path] = [w.message for w in notes]
    if corrections is not None:
        checked.corrections[article.path] = corrections


def check_seeds(seeds_dir: Path, limits: Limits | None = None) -> Checked:
    """Every article of the seeds folder read and validated. A missing folder raises."""
    limits = limits or Limits()
    listing = list_seeds(seeds_dir)
    files = len(listing.articles) + len(listing.errors)
    checked = Checked(errors=list(listing.errors), unused=list(listing.unused), files=files)
    for path in listing.articles:
        _read_one(path, seeds_dir, limits, checked)
    _finish(checked)
    return checked


def check_file(path: Path, limits: Limits | None = None) -> Checked:
    """One article file, as `briefing check FILE` and `briefing extract FILE` see it."""
    limits = limits or Limits()
    checked = Checked(files=1)
    if path.suffix.lower() in META_SUFFIXES:
        what = "a corrections file" if is_corrections(path) else "a metadata sidecar"
        stem = path.name.split(".")[0]
        checked.errors.append(
            ArticleError(str(path), f"{what}, not an article: give its article ({stem}.txt or {stem}.md)")
        )
        return checked
    if path.is_dir():
        checked.errors.append(ArticleError(str(path), "a folder: give an article file, or use `briefing check FOLDER`"))
        return checked
    _read_one(path, None, limits, checked)
    _finish(checked)
    return checked


def _finish(checked: Checked) -> None:
    paths = [a.path for a in checked.articles]
    checked.articles = unique_ids(checked.articles)
    ids = {p: a.id for p, a in zip(paths, checked.articles, strict=True)}
    checked.corrections = {ids[p]: c for p, c in checked.corrections.items() if p in ids}
    checked.notes = {ids[p]: n for p, n in checked.notes.items() if p in ids}
