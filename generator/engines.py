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
import os
import shutil
import subprocess
import sys
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
    are never read. Run after every engine build (the MkDocs hook, :func:`build` for Zensical)."""
    started = time.perf_counter()
    out = site_dir / SEARCH_DIR
    shutil.rmtree(out, ignore_errors=True)  # no fragment of an earlier index stays behind
    args = ["--site", str(site_dir), "--output-subdir", SEARCH_DIR, "--quiet"]
    args += [arg for selector in SEARCH_EXCLUDE for arg in ("--exclude-selectors", selector)]
    run = subprocess.run(
        [sys.executable, "-m", "pagefind", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    if run.returncode != 0 or not (out / "pagefind.js").is_file():
        said = (run.stderr.strip() or run.stdout.strip() or f"exit status {run.returncode}").splitlines()
        raise EngineError("pagefind: " + " | ".join(said[-6:]))
    LAST_INDEX["seconds"] = time.perf_counter() - started


def indexed_pages(site_dir: Path) -> list[dict]:
    """What Pagefind indexed, one record per page (``url``, ``content``, ``meta``...), read back from
    its fragments (gzip, a 12-byte signature, then JSON): for the tests and the benchmark."""
    records = []
    for fragment in sorted((site_dir / SEARCH_DIR / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        records.append(json.loads(data[data.index(b"{") :]))
    return records


def build(engine: str, config_file: Path, site_dir: Path, strict: bool = False) -> None:
    """Build the already generated docs/ of ``config_file``'s project into ``site_dir``."""
    if engine == "mkdocs":
        _build_mkdocs(config_file, site_dir, strict)
    elif engine == "zensical":
        _build_zensical(config_file, site_dir, strict)
    else:
        raise EngineError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")


def _build_mkdocs(config_file: Path, site_dir: Path, strict: bool) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    try:
        mkdocs_build(load_config(str(config_file), strict=strict, site_dir=str(site_dir)))
    except (MkDocsException, Abort) as err:
        raise EngineError(str(err)) from None


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


def fingerprint(config_file: Path, docs_dir: Path, site_dir: Path, engine: str, strict: bool, config=None) -> str:
    """What a site build reads: every file under docs/ (name, size, time: generation rewrites only
    what changed), the configuration as loaded (site_url from SITE_URL included), the theme
    overrides, the engine and the versions of what renders and indexes (the hook's work is the docs/ it
    writes). Equal fingerprints give the same site, search index included, so the build can be skipped."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    h.update(f"{engine}\0{strict}\0{site_dir.resolve()}\0".encode())
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
    folders = [docs_dir, root / "overrides"]
    if config is not None:
        h.update(f"{config.site_url}\0{config.theme.custom_dir}\0".encode())
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and not path.name.endswith(".tmp"):
                st = path.stat()
                h.update(f"{path.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


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
