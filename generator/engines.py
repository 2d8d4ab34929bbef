"""The engines that turn docs/ into a site: MkDocs (the default) and Zensical.

Generation (:func:`generator.site.generate`) writes engine-neutral Markdown under docs/, and
mkdocs.yml holds the nav (sections only) and the Markdown extensions, so both engines read the
same input. This module only runs one of them, into a folder of the caller's choice, and, for
a preview, keeps the pages in step with seeds/ where the engine cannot call us (Zensical runs no
MkDocs hooks).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ENGINES = ("mkdocs", "zensical")
ZENSICAL_CONFIG = ".briefing-zensical-{pid}.yml"
"""Written beside mkdocs.yml for one Zensical build or preview (Zensical reads INHERIT, and wants
every folder inside the project), named by process so that a build beside a preview does not take
its file, and removed afterwards."""


def zensical_config_path(root: Path) -> Path:
    return root / ZENSICAL_CONFIG.format(pid=os.getpid())


class EngineError(Exception):
    """The engine failed; the message says why, in the engine's words."""


SEARCH_DIR = "pagefind"
"""The search index in the built site: Pagefind's bundle, split into many small files that a search
downloads as it needs them (issue 15)."""
SEARCH_EXCLUDE = (".headerlink", ".briefing-localnav")
"""Decorations that Pagefind leaves out, beside the figures (``data-pagefind-ignore`` in their markup):
the headings' permalink marks and each briefing page's line of links to its other pages."""
LAST_INDEX: dict[str, float] = {}
"""The seconds of the last :func:`index_search` in this process (for bench/bench_engines.py)."""


def index_search(site_dir: Path) -> None:
    """Index the built site with Pagefind into ``site_dir/pagefind/``. Only what the pages mark as
    their body (``data-pagefind-body``, set by both engines' overrides on the article's content) is
    indexed, less the figures and :data:`SEARCH_EXCLUDE`; the JSON and iCal exports are not HTML and
    are never read. Run after every engine build (the MkDocs plugin's on_post_build, :func:`build` for Zensical)."""
    started = time.perf_counter()
    out = site_dir / SEARCH_DIR
    shutil.rmtree(out, ignore_errors=True)  # no fragment of an earlier index stays behind
    pages = searched_pages(site_dir)
    # Pagefind reads the pages it is given: only those that mark a body, linked into a folder of
    # their own (same paths, so the same URLs). A page without one it would read only to skip it,
    # and reading took its time (issue 15: 5,191 pages at 1,000 articles, 2,970 of them unsearched).
    shown = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.search-", dir=site_dir.parent)) if pages else site_dir
    try:
        for page in pages or ():
            _link(page, shown / page.relative_to(site_dir))
        args = ["--site", str(shown), "--output-path", str(out.resolve()), "--quiet"]
        args += [arg for selector in SEARCH_EXCLUDE for arg in ("--exclude-selectors", selector)]
        run = subprocess.run(
            [sys.executable, "-m", "pagefind", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        if shown != site_dir:
            shutil.rmtree(shown, ignore_errors=True)
    if run.returncode != 0 or not (out / "pagefind.js").is_file():
        said = (run.stderr.strip() or run.stdout.strip() or f"exit status {run.returncode}").splitlines()
        raise EngineError("pagefind: " + " | ".join(said[-6:]))
    LAST_INDEX["seconds"] = time.perf_counter() - started


BODY_MARK = b"data-pagefind-body"


def searched_pages(site_dir: Path) -> list[Path] | None:
    """The HTML pages Pagefind indexes: those that mark a body, since one does (Pagefind's own rule;
    None when none does: Pagefind then reads every page)."""
    pages = [p for p in sorted(site_dir.rglob("*.html")) if not p.is_relative_to(site_dir / SEARCH_DIR)]
    marked = [p for p in pages if BODY_MARK in p.read_bytes()]
    return marked or None


def _link(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def indexed_pages(site_dir: Path) -> list[dict]:
    """What Pagefind indexed, one record per page (``url``, ``content``, ``meta``...), read back from
    its fragments (gzip, a 12-byte signature, then JSON): for the tests and the benchmark."""
    records = []
    for fragment in sorted((site_dir / SEARCH_DIR / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        records.append(json.loads(data[data.index(b"{") :]))
    return records


def build(engine: str, config_file: Path, site_dir: Path, strict: bool = False, generated: bool = False) -> None:
    """Build docs/ of ``config_file``'s project into ``site_dir``; with ``generated``, the pages were
    generated by the caller and the MkDocs plugin does not generate them again."""
    if engine == "mkdocs":
        _build_mkdocs(config_file, site_dir, strict, generated=generated)
    elif engine == "zensical":
        _build_zensical(config_file, site_dir, strict)
    else:
        raise EngineError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")


class _NotDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave the navigation wrong: :func:`plan_rebuild`
    builds dirty only when no page but the changed ones can differ."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def _build_mkdocs(
    config_file: Path, site_dir: Path, strict: bool, dirty: set[str] | None = None, generated: bool = False
) -> None:
    """A full build, or with ``dirty`` (docs/ paths) a dirty one into a copy of the last site, where
    the output of each of these files is deleted first so that MkDocs renders it again."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException
    from mkdocs.structure.files import File

    from .mkdocs_plugin import plugin_of

    quiet = _NotDirtyWarning()
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(site_dir))
        for rel in dirty or ():
            out = File(rel, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path
            Path(out).unlink(missing_ok=True)
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        plugin = plugin_of(config)
        if plugin is not None:
            plugin.generated, plugin.dirty = generated, set(dirty or ())
        mkdocs_build(config, dirty=dirty is not None)
    except (MkDocsException, Abort) as err:
        raise EngineError(str(err)) from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)


def _build_zensical(config_file: Path, site_dir: Path, strict: bool) -> None:
    root = config_file.resolve().parent
    derived = zensical_config_path(root)
    site = site_dir.resolve()
    if not site.is_relative_to(root):
        raise EngineError(f"Zensical builds only inside the project: {site_dir} is outside {root}")
    try:
        derived.write_text(zensical_config(config_file, site), encoding="utf-8")
        run = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "-f", str(derived), *(["--strict"] if strict else [])],
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        derived.unlink(missing_ok=True)
    if run.returncode != 0 or not (site / "index.html").exists():
        said = (run.stderr.strip() or run.stdout.strip() or f"exit status {run.returncode}").splitlines()
        raise EngineError("zensical: " + " | ".join(said[-6:]))
    index_search(site)  # Zensical runs no MkDocs hook: the search index is built here


def zensical_config(config_file: Path, site_dir: Path | None = None) -> str:
    """mkdocs.yml as Zensical should read it: the site folder, the theme's classic look (Material's),
    and Zensical's own template overrides (``<custom_dir>/zensical``, or none: Material's partials do
    not fit Zensical's theme)."""
    from mkdocs.config import load_config

    root = config_file.resolve().parent
    custom = load_config(str(config_file)).theme.custom_dir
    ours = Path(custom) / "zensical" if custom else None
    lines = [
        "# Written by `briefing build|serve --engine zensical`; removed after it.",
        f"INHERIT: {config_file.resolve().name}",
        "theme:",
        "  variant: classic",
        f"  custom_dir: {json.dumps(str(ours)) if ours and ours.is_dir() else 'null'}",
    ]
    if site_dir is not None:
        lines.append(f"site_dir: {json.dumps(site_dir.relative_to(root).as_posix())}")
    return "\n".join(lines) + "\n"


def site_inputs(config_file: Path, site_dir: Path, engine: str, strict: bool, config=None) -> str:
    """What a site build reads besides docs/: the configuration as loaded (site_url from SITE_URL
    included), the theme overrides, the engine, strict mode, the versions of what renders and
    indexes, and our own code (the plugin and this module run in the build)."""
    from importlib.metadata import PackageNotFoundError, version

    from .site import render_fingerprint

    h = hashlib.sha256()
    h.update(f"{engine}\0{strict}\0{site_dir.resolve()}\0{render_fingerprint()}\0".encode())
    for package in (
        "mkdocs",
        "mkdocs-material",
        "zensical",
        "pymdown-extensions",
        "markdown",
        "briefing",
        "pagefind",  # the search index is built with the site, and skipped with it
        "pagefind-bin-extended",
    ):
        try:
            h.update(f"{package}={version(package)}\0".encode())
        except PackageNotFoundError:
            pass
    h.update(config_file.read_bytes())
    root = config_file.resolve().parent
    folders = [root / "overrides"]
    if config is not None:
        h.update(f"{config.site_url}\0{config.theme.custom_dir}\0".encode())
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
    for folder in folders:
        for path, size, mtime in _files(folder):
            h.update(f"{path}\0{size}\0{mtime}\0".encode())
    return h.hexdigest()


def _files(folder: Path):
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file() and not path.name.endswith(".tmp"):
            st = path.stat()
            yield path.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns


def docs_state(docs_dir: Path) -> dict[str, list]:
    """Every file under docs/ (dot files included: the Home page includes one): [size, time]."""
    return {rel: [size, mtime] for rel, size, mtime in _files(docs_dir)}


def fingerprint(config_file: Path, docs_dir: Path, site_dir: Path, engine: str, strict: bool, config=None) -> str:
    """What a site build reads: :func:`site_inputs` and every file under docs/ (name, size, time:
    generation rewrites only what changed; the plugin's work is the docs/ it writes). Equal
    fingerprints give the same site, search index included, so the build can be skipped."""
    inputs = site_inputs(config_file, site_dir, engine, strict, config)
    docs = json.dumps(docs_state(docs_dir), sort_keys=True)
    return hashlib.sha256(f"{inputs}\0{docs}".encode()).hexdigest()


def seeds_state(seeds: Path) -> tuple:
    """What changes when a user edits, adds or removes a seed: names, sizes and times."""
    found = []
    for path in sorted(seeds.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            st = path.stat()
            found.append((str(path.relative_to(seeds)), st.st_size, st.st_mtime_ns))
    return tuple(found)


def watch(seeds: Path, regenerate: Callable[[], None], alive: Callable[[], bool], every: float = 1.0) -> None:
    """Call ``regenerate`` whenever seeds/ changes, while ``alive()``: the preview server then
    sees the new Markdown and rebuilds on its own."""
    last = seeds_state(seeds)
    while alive():
        time.sleep(every)
        now = seeds_state(seeds)
        if now != last:
            last = now
            regenerate()


# Builds proportional to the change (issue 15) ------------------------------------------------------
#
# `briefing build` builds into a staging folder and swaps it in, so that a failed build keeps the last
# good site. A rebuild compares what the site is built from with what the last build recorded
# (SITE_STATE, beside the extraction cache) and then either:
#
# * skips the engine: nothing under docs/ changed, nor the configuration, theme, versions or code;
# * builds "dirty" (MkDocs only): the last site is copied into the staging folder and MkDocs'
#   ``build(config, dirty=True)`` renders again only the pages whose source changed (each of them is
#   forced: its old output is deleted first, so no file time can hide a change), then the theme's
#   templates (404, sitemap) and the Pagefind index, which are always rebuilt whole;
# * builds in full, whenever a page that did not change could be affected, that is when:
#   - there is no record of the last build of this site, or the site was changed since (its home
#     page is not the one recorded), or the configuration, theme overrides, versions, engine, strict
#     mode or our code changed (every page shows the nav and the theme);
#   - a file under docs/ was added or removed (the nav's sections, the sitemap, the tags page and
#     links between pages depend on which pages exist);
#   - a changed page's head changed: everything up to its first '# ' heading, front matter
#     included (its title shows in the nav and on the tags page, its tags on the tags page);
#   - strict mode (links to another page's anchors are checked on all pages, which a dirty build
#     does not read);
#   - the engine is Zensical (it has no such mode here: its own cache speeds up its full build).
# A page that includes another file (pymdownx.snippets: the Home page's list of the newest
# briefings) or lists the tags (Material's tags plugin) is rebuilt in every dirty build; the tags of
# the pages that a dirty build does not read are given to the tags plugin from the last build's
# export (tags.json; generator/mkdocs_plugin.py), so that the tags page, the tag links on the pages
# rendered again and the export are those of a full build. tests/test_build.py checks that a dirty build gives
# the site a full build gives, byte for byte.

SITE_STATE = "site-state.json"
TAGS_MARK = "<!-- material/tags"
INCLUDE_MARK = "--8<--"


def page_head(path: Path) -> tuple[str, bool]:
    """A Markdown page's head (a hash of everything up to and including its first '# ' heading, or
    of the whole page without one: what other pages show of it), and whether it includes another
    file or lists the tags (it then depends on more than its own source)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    heading = re.search(r"^# .*$", text, re.M)
    head = text[: heading.end()] if heading else text
    return hashlib.sha256(head.encode()).hexdigest()[:16], INCLUDE_MARK in text or TAGS_MARK in text


def plan_rebuild(previous: dict | None, inputs: str, home: int, docs: dict, docs_dir: Path, engine: str, strict: bool):
    """('skip' | 'dirty' | 'full', the reason, the docs/ files to render again), by the rules above."""
    if not previous or previous.get("inputs") != inputs or previous.get("home") != home or not home:
        return "full", "first build, or the configuration, theme, versions or code changed", set()
    before = previous.get("docs", {})
    if set(before) != set(docs):
        return "full", "a file under docs/ was added or removed", set()
    changed = {rel for rel, state in docs.items() if before[rel][:2] != state}
    if not changed:
        return "skip", "no page changed", set()
    if engine != "mkdocs":
        return "full", f"{engine} builds in full", changed
    if strict:
        return "full", "strict mode checks every page", changed
    for rel in sorted(changed):
        if rel.endswith(".md") and not rel.rsplit("/", 1)[-1].startswith("."):
            head, depends = page_head(docs_dir / rel)
            if head != before[rel][2]:
                return "full", f"{rel}: its title or front matter changed", changed
    including = {rel for rel, state in before.items() if len(state) > 3 and state[3]}
    return "dirty", f"{len(changed)} file(s) under docs/ changed", changed | including


def record_docs(docs: dict, docs_dir: Path, previous: dict | None, changed: set[str] | None) -> dict:
    """docs_state with each page's head and whether it depends on other files: read again only for
    the files that changed (all of them after a full build)."""
    before = (previous or {}).get("docs", {})
    out = {}
    for rel, state in docs.items():
        old = before.get(rel)
        if changed is not None and rel not in changed and old and old[:2] == state and len(old) == 4:
            out[rel] = old
        elif rel.endswith(".md") and not rel.rsplit("/", 1)[-1].startswith("."):
            out[rel] = [*state, *page_head(docs_dir / rel)]
        else:
            out[rel] = [*state, "", False]
    return out


def update_site(
    engine: str,
    config_file: Path,
    config,
    site_dir: Path,
    state_file: Path,
    strict: bool = False,
    generated: bool = False,
) -> tuple[str, str]:
    """Bring ``site_dir`` up to date with docs/ as `briefing build` does: skip, dirty or full (see the
    rules above), always through a staging folder swapped in at the end. Returns (mode, reason);
    raises :class:`EngineError` with the last site kept."""
    final = site_dir
    for stale in final.parent.glob(f".{final.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    for stale in final.parent.glob(f".{final.name}.old-*"):
        remove_later(stale)  # a replaced site whose removal did not finish (or is still running)
    docs_dir = Path(config.docs_dir)
    states = _read_state(state_file)
    key = str(final.resolve())
    previous = states.get(key)
    inputs = site_inputs(config_file, final, engine, strict, config)
    docs = docs_state(docs_dir)
    home = _mtime(final / "index.html") if final.is_dir() else 0
    mode, reason, forced = plan_rebuild(previous, inputs, home, docs, docs_dir, engine, strict)
    tags = config.plugins.get("material/tags") or config.plugins.get("tags")
    if mode == "dirty" and tags is not None and tags.config.enabled:
        if not tags.config.export or not (final / tags.config.export_file).is_file():
            mode, reason = "full", "the tags of the last build are not exported"
    if mode == "skip":
        return mode, reason
    staging = final.with_name(f".{final.name}.building-{os.getpid()}")
    try:
        if mode == "dirty":
            # A copy (times kept), not links: MkDocs writes into files in place, and the last site must
            # stay whole if this build fails. The search index is rebuilt whole in any case.
            shutil.copytree(final, staging, ignore=lambda d, names: [SEARCH_DIR] if Path(d) == final else [])
            _build_mkdocs(config_file, staging, strict, dirty=forced, generated=generated)
        else:
            build(engine, config_file, staging, strict=strict, generated=generated)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    remove_later(old)
    states[key] = {
        "inputs": inputs,
        "home": _mtime(final / "index.html"),
        "docs": record_docs(docs, docs_dir, previous, forced if mode == "dirty" else None),
    }
    state_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = state_file.with_name(f".{state_file.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(states, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, state_file)
    return mode, reason


def remove_later(folder: Path) -> None:
    """Remove a replaced site in a process of its own that outlives this one: the new site is in
    place already, and removing 10,000 files took 10 s of a one-article rebuild at 1,000 articles.
    What a removal cut short leaves is removed by the next build."""
    if not folder.exists():
        return
    subprocess.Popen(
        [sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _read_state(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
