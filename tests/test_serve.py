"""`mkdocs serve`: editing a seed updates its page without a restart, and the server settles."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_build import make_project

pytestmark = [pytest.mark.slow, pytest.mark.spacy]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.5)
    return False


COUNCIL = {
    "a.txt": "Council approves budget\n\nThe council approved the budget on Monday.\n",
    "a.yml": "published: 2022-06-08\n",
}


def _preview_follows_seeds(tmp_path, project, command: list[str]) -> tuple[subprocess.Popen, object]:
    """Start a preview, then edit a seed and add one: both show up without a restart."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([*command, "-a", f"127.0.0.1:{port}"], cwd=project, stdout=log, stderr=subprocess.STDOUT)
    source = f"http://127.0.0.1:{port}/briefings/council-approves-budget/source/"
    try:
        assert wait_for(lambda: "approved the budget" in fetch(source), 120), (tmp_path / "serve.log").read_text()
        (project / "seeds" / "a.txt").write_text(
            "Council approves budget\n\nThe council rejected the budget on Monday.\n", encoding="utf-8"
        )
        assert wait_for(lambda: "rejected the budget" in fetch(source), 120), (tmp_path / "serve.log").read_text()
        (project / "seeds" / "b.txt").write_text("Bridge reopens\n\nThe bridge reopened.\n", encoding="utf-8")
        assert wait_for(lambda: "Bridge reopens" in fetch(f"http://127.0.0.1:{port}/"), 120)
    except BaseException:
        _stop(proc, log)
        raise
    return proc, log


def _stop(proc, log) -> None:
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


def test_serve_regenerates_on_seed_edit_without_looping(tmp_path):
    project = make_project(tmp_path, COUNCIL)
    proc, log = _preview_follows_seeds(tmp_path, project, [str(BIN / "mkdocs"), "serve"])
    try:
        # Then the server settles: no rebuild starts while nothing changes.
        time.sleep(3)
        builds = (tmp_path / "serve.log").read_text().count("Building documentation")
        time.sleep(8)
        log_text = (tmp_path / "serve.log").read_text()
        assert log_text.count("Building documentation") == builds, log_text
    finally:
        _stop(proc, log)


def test_zensical_preview_regenerates_on_seed_edit(tmp_path):
    """`briefing serve --engine zensical`: Zensical runs no hook, so our watcher regenerates the
    pages and Zensical's own watcher rebuilds them."""
    project = make_project(tmp_path, COUNCIL)
    proc, log = _preview_follows_seeds(tmp_path, project, [str(BIN / "briefing"), "serve", "--engine", "zensical"])
    _stop(proc, log)
    assert not list(project.glob(".briefing-zensical*"))  # the derived configuration is removed
    assert not (project / "site").exists()  # the preview never replaces the last build
