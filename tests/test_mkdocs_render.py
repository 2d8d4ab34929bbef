"""A full MkDocs build converts its pages' Markdown on forked workers (generator/mkdocs_render.py,
issue 15): the site is the same, byte for byte, as MkDocs converting them itself; a page MkDocs
would warn about is converted again in the build's process, so the warning and --strict see it;
a process running threads (mkdocs serve) forks nothing. Real MkDocs builds, no spaCy."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

import generator.mkdocs_render as mkdocs_render
from generator import engines

ROOT = Path(__file__).resolve().parents[1]
PAGES = 24


def _project(tmp_path: Path, broken: bool = False) -> Path:
    """The project's mkdocs.yml (theme, plugins, Markdown extensions) over hand-written pages."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Notes\n\n[The first note](notes/n0.md)\n", encoding="utf-8")
    (project / "docs" / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    notes = project / "docs" / "notes"
    notes.mkdir()
    for n in range(PAGES):
        (notes / f"n{n}.md").write_text(
            f"---\ntags: [harbour, note {n % 3}]\n---\n\n# Note {n} on the Eastbrook harbour\n\n"
            f"The board met on Monday [after the vote](n{(n + 1) % PAGES}.md#the-vote), chair *Jane Roe* said.\n\n"
            "## The vote\n\n| member | vote |\n| --- | --- |\n| Tom Poe | yes |\n{: .briefing-meta }\n",
            encoding="utf-8",
        )
    if broken:
        (notes / "n5.md").write_text("# Note 5\n\nSee [the minutes](minutes-that-do-not-exist.md).\n", encoding="utf-8")
    return project


def _site(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _alone(monkeypatch) -> None:
    """As in `briefing build`: no other thread (tests run earlier in this process may leave some)."""
    monkeypatch.setattr(mkdocs_render.threading, "active_count", lambda: 1)


def _build(project: Path, site: str, workers: int, monkeypatch, strict: bool = False) -> int:
    """Builds the project; returns how many pages the build's own process converted."""
    converted = []
    render = mkdocs_render.Page.render

    def counted(page, config, files):
        converted.append(page.file.src_uri)
        render(page, config, files)

    monkeypatch.setattr(mkdocs_render.Page, "render", counted)
    monkeypatch.setenv("BRIEFING_WORKERS", str(workers))
    engines.build("mkdocs", project / "mkdocs.yml", project / site, strict=strict, generated=True)
    return len(converted)


def test_workers_build_the_same_site_and_the_build_converts_only_what_they_could_not(tmp_path, monkeypatch):
    _alone(monkeypatch)
    monkeypatch.setattr(mkdocs_render, "MIN_PAGES", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    project = _project(tmp_path)
    pages = len(list((project / "docs").rglob("*.md")))
    assert _build(project, "one", 1, monkeypatch) == pages  # one process: MkDocs converts every page
    here = _build(project, "two", 2, monkeypatch)
    assert here <= 2  # the tags page, which Material's tags plugin rewrites before conversion
    assert _site(project / "one") == _site(project / "two")
    note = (project / "two" / "notes" / "n3" / "index.html").read_text(encoding="utf-8")
    assert note.count('href="../n4/#the-vote"') == 1  # links rewritten as MkDocs does


def test_a_page_mkdocs_warns_about_is_converted_in_the_build_and_strict_still_fails(tmp_path, monkeypatch):
    _alone(monkeypatch)
    monkeypatch.setattr(mkdocs_render, "MIN_PAGES", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    project = _project(tmp_path, broken=True)
    with pytest.raises(engines.EngineError, match="Aborted with 1 warnings in strict mode"):
        _build(project, "two", 2, monkeypatch, strict=True)
    assert _build(project, "lenient", 2, monkeypatch) <= 3  # the tags page and the broken one


def test_a_process_running_threads_forks_no_worker(tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_render, "MIN_PAGES", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    project = _project(tmp_path)
    pages = len(list((project / "docs").rglob("*.md")))
    stop = threading.Event()
    serving = threading.Thread(target=stop.wait)  # as mkdocs serve's server thread
    serving.start()
    try:
        assert _build(project, "site", 2, monkeypatch) == pages
    finally:
        stop.set()
        serving.join()


def test_a_worker_that_dies_leaves_every_page_to_the_build(tmp_path, monkeypatch):
    _alone(monkeypatch)
    import os

    monkeypatch.setattr(mkdocs_render, "MIN_PAGES", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr(mkdocs_render, "_render", lambda uris: os._exit(9))  # as a worker the kernel killed
    project = _project(tmp_path)
    pages = len(list((project / "docs").rglob("*.md")))
    assert _build(project, "site", 2, monkeypatch) == pages
    assert (project / "site" / "notes" / "n3" / "index.html").is_file()
