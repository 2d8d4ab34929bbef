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
import io
import json
import os
import pickle
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .derive import cast, newest_first
from .export import SCHEMA_PATH, to_json
from .limits import Limits
from .model import Briefing, Problem
from .parallel import extract_all, worker_count
from .problems import ArticleError, ArticleWarning
from .produce import cache_path, produce
from .render import paginate, render_collection, render_index, render_pages
from .story.pages import page_name
from .story.site import StoryPages
from .validate import Checked, check_seeds

OUT_SUBDIR = "briefings"
GATHERED = "Across every briefing: [stories](stories/index.md) · [actors](all-actors.md) · [timeline](all-timeline.md) · [tags](tags.md)\n\n"
MANIFEST = ".generated.json"
HOME_LIST = ".home.md"
"""Under docs/briefings/: a dot name, so no engine publishes it as a page of its own."""
HOME_LATEST = 20
CACHE_DIR = Path(".cache") / "briefing"


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
    rendered: list[str] = field(default_factory=list)
    """The groups of pages rendered (briefing ids, and ``across`` for the pages across briefings);
    the others were unchanged and kept as they were (:class:`PageMemo`)."""

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
        self.unchanged: dict[str, str] = {}
        """Files planned without their content: what is on disk is already what would be written."""

    def _ours(self, rel: str, path: Path) -> bool:
        """True when the file on disk is absent or exactly what we last wrote (or were writing)."""
        if not path.exists():
            return True
        return _sha(_read(path)) in self.previous.get(rel, ())

    def write(self, rel: str, content: str) -> None:
        self.planned[rel] = content

    def keep(self, rel: str, sha: str) -> None:
        """Plan a file whose content on disk (of hash ``sha``) is what would be written (see :class:`PageMemo`)."""
        self.unchanged[rel] = sha

    def finish(self) -> None:
        current: dict[str, str] = dict(self.unchanged)
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
        for rel in sorted(set(self.previous) - set(self.planned) - set(self.unchanged)):
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


@lru_cache(maxsize=1)
def render_fingerprint() -> str:
    """Everything that renders pages besides a briefing itself: the code, templates and data of the
    whole ``generator/`` package, and the versions of Python and Jinja2."""
    import platform

    import jinja2

    h = hashlib.sha256(f"{platform.python_version()}\0{jinja2.__version__}\0".encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(f"{path.relative_to(root)}\0".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class PageMemo:
    """Which generated files a group of pages (one briefing's, or the pages across briefings) gave
    for which inputs, so that an unchanged group is neither rendered nor compared again (issue 15:
    at 1,000 articles rendering every page took 26 s with nothing changed).

    A group's key hashes all it is rendered from: for a briefing, the briefing itself as produced
    (pickled: article, extraction, corrections and reading notes), its story line, and
    :func:`render_fingerprint`; for the pages across briefings, the keys of every briefing in
    order, the errors listed and the stories. A group is kept as it is only when its key is the one
    recorded and each of its files is on disk as recorded (same size and time, or failing that the
    same hash): whatever is kept is then byte for byte what rendering would write. Anything else
    (a new key, a file missing, edited or hand-made) renders the group as before, and the
    :class:`Writer` decides what to write. No memo without a cache folder."""

    NAME = "pages.json"

    def __init__(self, cache_dir: Path | None, out: Path):
        self.path = cache_dir / self.NAME if cache_dir else None
        self.out = out
        self.old: dict = {}
        if self.path is not None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.old = data.get("groups", {}) if data.get("render") == render_fingerprint() else {}
            except (OSError, ValueError, AttributeError):
                self.old = {}
        self.new: dict[str, tuple[str, list[str]]] = {}

    @staticmethod
    def key(*parts: object) -> str:
        """A hash of the values: equal values give equal keys whether their objects are shared or
        copies (pickled without its memo: a briefing just extracted and one read from the cache)."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # no memo: the same bytes for an object met twice and for two equal copies
        pickler.dump(parts)
        return hashlib.sha256(buffer.getvalue()).hexdigest()

    def keep(self, group: str, key: str, writer: Writer) -> bool:
        """Plan the group's files as they are, when its key and files are as recorded."""
        if self.path is None:
            return False
        old = self.old.get(group)
        if not old or old.get("key") != key:
            return False
        files = old.get("files", {})
        for rel, (sha, size, mtime) in files.items():
            try:
                st = (self.out / rel).stat()
            except OSError:
                return False
            if (st.st_size, st.st_mtime_ns) != (size, mtime) and _sha(_read(self.out / rel)) != sha:
                return False
        for rel, (sha, _, _) in files.items():
            writer.keep(rel, sha)
        self.new[group] = (key, list(files))
        return True

    def rendered(self, group: str, key: str, files: list[str]) -> None:
        self.new[group] = (key, files)

    def save(self, writer: Writer) -> None:
        """Record every group whose files are all on disk as planned (a file kept by hand is not)."""
        if self.path is None:
            return
        manifest = json.loads(writer.manifest_path.read_text(encoding="utf-8")) if writer.manifest_path.exists() else {}
        groups = {}
        for group, (key, rels) in self.new.items():
            files = {}
            for rel in rels:
                path = self.out / rel
                try:
                    st = path.stat()
                except OSError:
                    break
                if str(path) in writer.result.kept or rel not in manifest:
                    break
                files[rel] = [manifest[rel], st.st_size, st.st_mtime_ns]
            else:
                groups[group] = {"key": key, "files": files}
        data = json.dumps({"render": render_fingerprint(), "groups": groups}, sort_keys=True)
        write_atomic(self.path, data + "\n")


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


def _shown(seeds_dir: Path, article) -> str:
    """An article's file as its errors name it: 'seeds/<file>'."""
    return f"{seeds_dir.name}/{article.path}"


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
    todo = [a for a in checked.articles if not (cache_dir and cache_path(cache_dir, a).exists())]
    pooled: dict[str, list[ArticleError]] = {}
    workers = worker_count(limits.workers, len(todo)) if cache_dir else 1
    if cache_dir and workers > 1:
        # Many new articles: extracted into the cache on every core first, then read from it below.
        named = [(a, _shown(seeds_dir, a)) for a in todo]
        pooled, lost = extract_all(named, cache_dir, limits.seconds_per_article, workers, progress)
        if lost:
            result.warnings.append(
                ArticleWarning(
                    str(seeds_dir),
                    f"{lost} article(s) were extracted in the build's own process: "
                    "a worker process stopped (BRIEFING_WORKERS=1 uses none)",
                )
            )
        todo = [a for a in todo if a.id not in pooled and not cache_path(cache_dir, a).exists()]
    for article in checked.articles:
        shown = _shown(seeds_dir, article)
        if article.id in pooled:
            result.errors += pooled[article.id]
            continue
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
        if notes:
            briefing = replace(briefing, warnings=(*(Problem("reading", n) for n in notes), *briefing.warnings))
        result.briefings.append(briefing)
    out = docs_dir / OUT_SUBDIR
    writer = Writer(out, result)
    memo = PageMemo(cache_dir, out)
    stories = StoryPages(seeds_dir, result.briefings, result.problems)
    result.stories = stories.stories
    keys = []
    for b in result.briefings:
        slug = b.article.id
        key = memo.key(render_fingerprint(), b, stories.line(b))
        keys.append(key)
        if memo.keep(f"briefing:{slug}", key, writer):
            continue
        files = {f"{slug}/{name}": text for name, text in render_pages(b).items()}
        files[f"{slug}/index.md"] = stories.overview(b, files[f"{slug}/index.md"])
        files[f"{slug}/briefing.json"] = to_json(b)
        files.update((f"{slug}/{name}", text) for name, text in extra_files(b).items())
        for rel, text in files.items():
            writer.write(rel, text)
        memo.rendered(f"briefing:{slug}", key, list(files))
        result.rendered.append(slug)
    # A story's page shows that story and its articles only: one group per story. The stories' index
    # and JSON go with the pages across briefings.
    key_of = {b.article.id: k for b, k in zip(result.briefings, keys, strict=True)}
    story_keys = {s.id: memo.key(render_fingerprint(), s, [key_of[a] for a in s.articles]) for s in stories.stories}
    stale = {sid for sid, k in story_keys.items() if not memo.keep(f"story:{sid}", k, writer)}
    key = memo.key(render_fingerprint(), keys, [str(e) for e in result.errors], stories.stories)
    across: dict[str, str] = {}
    if not memo.keep("across", key, writer):
        across = {HOME_LIST: home_list(result)}
        across.update(briefing_index(result))
        across.update(render_collection(result.briefings, cast(result.briefings)))
        across.update(stories.files(stale))
        across["briefing.schema.json"] = SCHEMA_PATH.read_text(encoding="utf-8")
        result.rendered.append("across")
    elif stale:
        across = stories.files(stale, summary=False)
    for s in stories.stories:
        if s.id in stale:
            writer.write(page_name(s), across.pop(page_name(s)))
            memo.rendered(f"story:{s.id}", story_keys[s.id], [page_name(s)])
    for rel, text in across.items():
        writer.write(rel, text)
    if "across" in result.rendered:
        memo.rendered("across", key, list(across))
    writer.finish()
    memo.save(writer)
    return result
