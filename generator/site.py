"""Seeds folder -> generated Markdown pages under docs/briefings/.

Writes a file only when its content changed (so `mkdocs serve` does not rebuild in a loop),
caches extraction results by content, and never touches a file it did not write: a manifest
records what was generated and its hash, so a hand-edited or hand-made file is left alone and
reported.

Writing is crash-safe: each file is written to a temporary file and renamed into place, and
before any file is replaced the manifest already lists both its old and its new hash. A build
killed half way therefore leaves files the next build still recognises as its own, and
rewrites.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from .export import SCHEMA_PATH, to_json
from .limits import Limits
from .model import Briefing
from .problems import ArticleError, ArticleWarning
from .produce import cache_key, produce
from .render import newest_first, paginate, render_collection, render_index, render_pages
from .story.site import StoryPages
from .validate import Checked, check_seeds

OUT_SUBDIR = "briefings"
GATHERED = "Across every briefing: [stories](stories/index.md) · [actors](all-actors.md) · [timeline](all-timeline.md) · [tags](tags.md)\n\n"
MANIFEST = ".generated.json"
HOME_LIST = ".home.md"
"""Under docs/briefings/: a dot name, so no engine publishes it as a page of its own."""
HOME_LATEST = 20
CACHE_DIR = Path(".cache") / "briefing"
RUN: dict = {}
"""Set by `briefing build` around the engine's build: 'result', the pages it generated, so that
the MkDocs hook does not generate them again."""


@dataclass
class Result:
    briefings: list[Briefing] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    """Articles that could not be read or extracted (listed on the Briefings page)."""
    problems: list[ArticleError] = field(default_factory=list)
    """Corrections that match nothing: the briefing builds, the build fails."""
    warnings: list[ArticleWarning] = field(default_factory=list)
    checked: Checked | None = None
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Files left alone because a person wrote or edited them."""
    stories: list = field(default_factory=list)
    """Stories of two or more articles (:mod:`generator.story`)."""

    def report(self, emit) -> None:
        """Every problem once: reading (errors, warnings, unused files), then extraction, then corrections."""
        if self.checked is not None:
            self.checked.report(emit)
        read = {id(e) for e in (self.checked.errors if self.checked else [])}
        for err in self.errors:
            if id(err) not in read:
                emit("error", str(err))
        for err in self.problems:
            emit("error", str(err))
        for path in self.kept:
            emit("warning", f"left {path} alone: it was written or edited by hand (delete it to regenerate)")

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.problems)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(path: Path) -> str:
    # newline="" keeps CRLF as written (the .ics export): a translated read would look hand-edited.
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        return f.read()


def write_atomic(path: Path, content: str) -> None:
    """Write through a temporary file renamed into place: a reader (or a crash) sees the old
    file or the new one, never half of one. The dot name keeps MkDocs from reading it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Writer:
    """Writes generated files under ``out_dir``, guarding hand-made ones.

    :meth:`write` plans a file; :meth:`finish` writes the plan (see the module's docstring)."""

    def __init__(self, out_dir: Path, result: Result):
        self.out = out_dir
        self.result = result
        self.manifest_path = out_dir / MANIFEST
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            self.previous: dict[str, list[str]] = {
                k: [v] if isinstance(v, str) else list(v) for k, v in data.items() if isinstance(k, str)
            }
        except (OSError, ValueError, AttributeError):
            self.previous = {}
        self.planned: dict[str, str] = {}

    def _ours(self, rel: str, path: Path) -> bool:
        """True when the file on disk is absent or exactly what we last wrote (or were writing)."""
        if not path.exists():
            return True
        return _sha(_read(path)) in self.previous.get(rel, ())

    def write(self, rel: str, content: str) -> None:
        self.planned[rel] = content

    def finish(self) -> None:
        current: dict[str, str] = {}
        todo: list[tuple[str, str]] = []
        for rel, content in self.planned.items():
            path = self.out / rel
            if path.exists() and _read(path) == content:
                current[rel] = _sha(content)
            elif self._ours(rel, path):
                todo.append((rel, content))
            else:
                self.result.kept.append(str(path))
        if todo:
            # Phase one: the manifest owns both versions of every file about to change.
            pending = {rel: hashes for rel, hashes in self.previous.items()}
            for rel, content in todo:
                pending[rel] = [*pending.get(rel, []), _sha(content)]
            write_atomic(self.manifest_path, json.dumps(pending, indent=1, sort_keys=True) + "\n")
        for rel, content in todo:
            write_atomic(self.out / rel, content)
            current[rel] = _sha(content)
            self.result.written.append(rel)
        for rel in sorted(set(self.previous) - set(self.planned)):
            path = self.out / rel
            if self._ours(rel, path) and path.exists():
                path.unlink()
                self.result.removed.append(rel)
                try:
                    path.parent.rmdir()  # only succeeds once the folder is empty
                except OSError:
                    pass
        manifest = json.dumps(current, indent=1, sort_keys=True) + "\n"
        if not self.manifest_path.exists() or self.manifest_path.read_text(encoding="utf-8") != manifest:
            write_atomic(self.manifest_path, manifest)


def home_list(result: Result, latest: int = HOME_LATEST) -> str:
    """What the Home page includes (``--8<-- "briefings/.home.md"``, pymdownx.snippets, which every
    engine runs): the newest briefings, with links relative to the Home page, and the way to all."""
    ordered = newest_first(result.briefings)
    shown = render_index(ordered[:latest], [str(e) for e in result.errors], prefix=f"{OUT_SUBDIR}/", level=3)
    if len(ordered) > latest:
        shown += f"[All {len(ordered)} briefings]({OUT_SUBDIR}/index.md)\n"
    return shown


def briefing_index(result: Result) -> dict[str, str]:
    """The Briefings page, newest first, going on in ``index/2.md`` … past PAGE_SIZE briefings."""
    ordered = newest_first(result.briefings)
    errors = [str(e) for e in result.errors]
    out = {}
    for page in paginate("index", ordered):
        heading = "# Briefings" + (f" ({page.number} of {page.count})" if page.count > 1 else "")
        gathered = GATHERED.replace("](", f"]({page.up}") if page.up else GATHERED
        listing = render_index(page.items, errors if page.number == 1 else [], prefix=page.up, level=2)
        out[page.file] = f"{heading}\n\n{gathered}{page.pager}\n{listing}\n{page.pager}"
    return out


def extra_files(briefing: Briefing) -> dict[str, str]:
    """Other per-briefing exports beside the JSON: the timeline for TimelineJS and calendars."""
    from .export_timeline import icalendar, timelinejs

    return {
        "timeline.json": json.dumps(timelinejs(briefing), ensure_ascii=False, indent=2) + "\n",
        "timeline.ics": icalendar(briefing),
    }


def _silent(done: int, total: int, name: str, seconds: float | None) -> None:
    pass


def generate(
    seeds_dir: Path,
    docs_dir: Path,
    cache_dir: Path | None = CACHE_DIR,
    limits: Limits | None = None,
    progress=_silent,
) -> Result:
    """Read every seed, extract, and write the pages. Bad seeds are reported, not fatal.

    A missing seeds folder raises :class:`ArticleError` before anything is written or removed.
    `progress(done, total, name, seconds)` is called before (seconds None) and after each
    article that is not in the cache.
    """
    limits = limits or Limits()
    checked = check_seeds(seeds_dir, limits)
    result = Result(checked=checked, errors=list(checked.errors), warnings=list(checked.warnings))
    # Which articles need the parser (the first loads the model): a look at the cache's file names,
    # not a read of every entry (produce reads each once, below).
    todo = [a for a in checked.articles if not (cache_dir and (cache_dir / f"{cache_key(a)}.json").exists())]
    for article in checked.articles:
        shown = f"{seeds_dir.name}/{article.path}"
        slow = article in todo
        if slow:
            progress(todo.index(article), len(todo), article.path, None)
        started = time.monotonic()
        briefing, problems = produce(
            article, checked.corrections.get(article.id), cache_dir, limits.seconds_per_article, shown
        )
        if slow:
            progress(todo.index(article) + 1, len(todo), article.path, time.monotonic() - started)
        if briefing is None:
            result.errors += problems
            continue
        result.problems += problems
        notes = checked.notes.get(article.id, [])
        result.briefings.append(replace(briefing, warnings=(*notes, *briefing.warnings)) if notes else briefing)
    out = docs_dir / OUT_SUBDIR
    writer = Writer(out, result)
    stories = StoryPages(seeds_dir, result.briefings, result.problems)
    result.stories = stories.stories
    for b in result.briefings:
        slug = b.article.id
        for name, text in render_pages(b).items():
            writer.write(f"{slug}/{name}", stories.overview(b, text) if name == "index.md" else text)
        writer.write(f"{slug}/briefing.json", to_json(b))
        for name, text in extra_files(b).items():
            writer.write(f"{slug}/{name}", text)
    writer.write(HOME_LIST, home_list(result))
    for name, text in briefing_index(result).items():
        writer.write(name, text)
    for name, text in render_collection(result.briefings).items():
        writer.write(name, text)
    for name, text in stories.files().items():
        writer.write(name, text)
    writer.write("briefing.schema.json", SCHEMA_PATH.read_text(encoding="utf-8"))
    writer.finish()
    return result
