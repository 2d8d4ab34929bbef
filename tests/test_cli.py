"""The `briefing` command: documented, and the exact messages a user sees."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator.cli import main
from generator.export import load_schema

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def subcommands() -> list[str]:
    import argparse

    from generator import cli

    captured = {}
    original = argparse.ArgumentParser.parse_args

    def grab(self, args=None, namespace=None):
        captured["parser"] = self
        raise SystemExit(0)

    argparse.ArgumentParser.parse_args = grab
    try:
        with pytest.raises(SystemExit):
            cli.main([])
    finally:
        argparse.ArgumentParser.parse_args = original
    action = next(a for a in captured["parser"]._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert subcommands() == ["build", "check", "evaluate", "extract", "serve"]
    for name in subcommands():
        assert re.search(rf"`briefing {name}\b", readme), f"README does not document `briefing {name}`"


def test_check_names_the_bad_file(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ok.txt").write_text("T\n\nBody.", encoding="utf-8")
    (seeds / "bad.md").write_text("---\ntitle: x\npublished: someday\n---\nBody\n", encoding="utf-8")
    assert main(["check", str(seeds)]) == 1
    out, err = capsys.readouterr()
    assert err == "error: seeds/bad.md:3: metadata 'published' is not a date (YYYY-MM-DD): 'someday'\n"
    assert out == "1 of 2 article(s) OK\n"


def test_check_passes_on_the_repository_seeds(capsys):
    assert main(["check", str(ROOT / "seeds")]) == 0


def test_extract_missing_file(capsys):
    assert main(["extract", "nowhere.txt", "--json"]) == 1
    assert capsys.readouterr().err == "error: nowhere.txt: cannot read file: No such file or directory\n"


@pytest.mark.spacy
def test_extract_json_validates_against_the_schema():
    proc = subprocess.run(
        [str(BIN / "briefing"), "extract", "seeds/000_826671d92ab4721b.txt", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, load_schema())
    assert data["article"]["published"] == "2019-05-15"
    assert len(data["article"]["paragraphs"]) == 21
