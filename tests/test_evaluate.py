"""`briefing evaluate <what>`: the scorers of generator/evaluate/ behind one command, and where they
read the development data (--eval, else $BRIEFING_EVAL, else ../shared/eval). The data files here
are invented and tiny, written by each test."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from generator.cli import EVALUATIONS, main
from generator.evaluate import DEFAULT_EVAL, EVAL_ENV, POLNEAR, TIMEBANK, eval_dir

TIMEX_TEXT = "The council of Eastbrook met on Monday.\n\nIt will vote on 3 March 2020, a spokesman said."


def _span(text: str, phrase: str, **fields) -> dict:
    start = text.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase), **fields}


def _timebank(folder) -> None:
    """One document, two gold expressions: 'on Monday' (wider than what we find: a relaxed match
    only) and '3 March 2020' with a wrong value on purpose (a span match with a wrong value)."""
    doc = {
        "id": "doc-1",
        "dct": "2020-02-26",
        "split": "timebank",
        "text": TIMEX_TEXT,
        "timexes": [
            _span(TIMEX_TEXT, "on Monday", type="DATE", value="2020-02-24"),
            _span(TIMEX_TEXT, "3 March 2020", type="DATE", value="2020-03-04"),
        ],
    }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / TIMEBANK).write_text(json.dumps(doc) + "\n", encoding="utf-8")


ROW = "  timebank (1 docs)              2     2  0.500 0.500 0.500  1.000 1.000 1.000  0.500 0.500"


def test_the_data_folder_is_the_option_else_the_environment_else_shared_eval(monkeypatch, tmp_path):
    monkeypatch.delenv(EVAL_ENV, raising=False)
    assert eval_dir() == DEFAULT_EVAL == ROOT.parent / "shared" / "eval"
    monkeypatch.setenv(EVAL_ENV, str(tmp_path / "env"))
    assert eval_dir() == tmp_path / "env"
    assert eval_dir(tmp_path / "given") == tmp_path / "given"


def test_evaluate_timex_scores_the_data_given_by_eval(monkeypatch, tmp_path, capsys):
    _timebank(tmp_path / "data")
    monkeypatch.setenv(EVAL_ENV, str(tmp_path / "elsewhere"))  # --eval wins over the environment
    assert main(["evaluate", "timex", "--no-spacy", "--eval", str(tmp_path / "data"), "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert ROW in out.splitlines()
    assert "timebank+aquaint dev (1)         2     2  0.500 0.500 0.500" in out
    assert "-- value errors (1)" in out and "-- missed (0)" in out and "-- spurious (0)" in out
    assert "[tense from nearby words]" in out


def test_evaluate_timex_reads_briefing_eval_without_the_option(monkeypatch, tmp_path, capsys):
    _timebank(tmp_path)
    monkeypatch.setenv(EVAL_ENV, str(tmp_path))
    assert main(["evaluate", "timex", "--no-spacy", "--limit", "1"]) == 0
    assert ROW in capsys.readouterr().out.splitlines()
    monkeypatch.setenv(EVAL_ENV, str(tmp_path / "none"))
    assert main(["evaluate", "timex", "--no-spacy"]) == 0
    assert f"(no TimeBank dev data at {tmp_path / 'none' / TIMEBANK}: skipped)" in capsys.readouterr().out


def test_bench_script_is_the_same_scorer_with_its_time(tmp_path):
    _timebank(tmp_path)
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_timex.py"), "--no-spacy", "--eval", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    lines = run.stdout.splitlines()
    assert ROW in lines
    assert lines[-1].startswith("[") and lines[-1].endswith(" s]")


@pytest.mark.parametrize("what", sorted(EVALUATIONS))
def test_every_evaluation_has_its_options_under_briefing_evaluate(what, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["evaluate", what, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: briefing evaluate {what} ")
    reads_data = what in ("quotes", "timex", "actors", "stories", "audit")
    assert ("--eval DIR" in out) == reads_data


@pytest.mark.spacy
def test_evaluate_quotes_scores_a_tiny_polnear_file(tmp_path, capsys):
    """One quotation in marks whose gold is only part of it (found by overlap, not exactly), and one
    reported statement with its speaker."""
    text = (
        "Council backs bridge\n\n"
        "\u201cWe will build the bridge this year,\u201d said Jane Roe, the mayor of Eastbrook.\n\n"
        "The council said it would meet again in May."
    )

    def quote(content: str, speaker: str, marks: bool) -> dict:
        c, s = _span(text, content), _span(text, speaker)
        return {
            "content": content,
            "content_start": c["start"],
            "content_end": c["end"],
            "speaker": speaker,
            "speaker_start": s["start"],
            "speaker_end": s["end"],
            "has_quote_marks": marks,
        }

    doc = {
        "id": "doc-1",
        "title": "Council backs bridge",
        "published": "2020-02-26",
        "text": text,
        "quotes": [
            quote("We will build the bridge", "Jane Roe", True),
            quote("it would meet again in May", "The council", False),
        ],
    }
    (tmp_path / POLNEAR).write_text(json.dumps(doc) + "\n", encoding="utf-8")
    assert main(["evaluate", "quotes", "--eval", str(tmp_path), "--limit", "1"]) == 0
    out = capsys.readouterr().out.split("PolNeAR dev: 1 docs\n")[1].splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in out[1:]}
    assert rows["marks"][:5] == ["1", "1", "0.000/0.000/0.000", "1.000/1.000/1.000", "1.000/1.000/1.000"]
    assert rows["reported"][:5] == ["1", "1", "1.000/1.000/1.000", "1.000/1.000/1.000", "1.000/1.000/1.000"]
    assert rows["all"][:2] == ["2", "2"]


def test_the_gold_scorer_maps_a_shorter_description_to_the_unnamed_gold_actor():
    from generator.evaluate.gold import _map_actors
    from generator.model import Actor

    gold = [
        {"name": "Jane Roe", "type": "person"},
        {"name": "a Roe supporter who runs the account @Example", "type": "person", "named": False},
    ]
    described = Actor(id="roe-supporter", name="Roe supporter", type="person", described=True)
    named = Actor(id="jane-roe", name="Jane Roe", type="person")
    assert _map_actors([described, named], gold) == {"roe-supporter": 1, "jane-roe": 0}
    # Only a described actor, and only at a word boundary.
    assert _map_actors([Actor(id="x", name="Roe supp", type="person", described=True)], gold) == {}


def test_the_gold_scorer_gives_a_quote_inside_another_to_the_gold_of_its_own_words():
    from types import SimpleNamespace

    from generator.evaluate.gold import _match_quotes

    para = "Jane Roe said the neighbours had told her that the bridge was closed on Friday."
    outer = {"paragraph": 1, "kind": "reported", "text": "the neighbours had told her that the bridge was closed"}
    inner = {"paragraph": 1, "kind": "reported", "text": "the bridge was closed"}
    at = para.index("the bridge")
    said = SimpleNamespace(paragraph=1, kind="reported", start=at, end=at + len("the bridge was closed on Friday"))
    # Gold order puts the outer statement first; the predicted inner one is still the inner gold's.
    assert _match_quotes([para], [outer, inner], [said]) == {1: said}
    # A quote in marks is never matched by a reported statement, and a sliver of overlap is no match.
    partial = {"paragraph": 1, "kind": "partial", "text": "the bridge was closed"}
    assert _match_quotes([para], [partial], [said]) == {}
    sliver = SimpleNamespace(paragraph=1, kind="reported", start=0, end=at + 3)
    assert _match_quotes([para], [inner], [sliver]) == {}


def test_a_role_is_stated_by_the_gold_only_with_the_same_words_in_a_row():
    from generator.evaluate.gold import _role_stated

    assert _role_stated(["secretary of state"], "former secretary of state")
    assert _role_stated(["Chief Executive"], "chief executive")
    assert not _role_stated(["president"], "vice president")
    assert not _role_stated(["chairman"], "man")
    assert not _role_stated(["chief of staff"], "staff")
    assert _role_stated(["senator"], "Eastbrook senator")
    assert not _role_stated(["president"], "vice-president of sales")
    # Abbreviated titles are the titles written out, for the gold as for the product.
    assert _role_stated(["assistant chief constable"], "Eastbrook Police Asst Ch Con")
    from types import SimpleNamespace

    from generator.evaluate.gold import _role_ok

    assert _role_ok(["then-Sen."], [SimpleNamespace(text="Senator")])
    assert not _role_stated(["general"], "Lt Col")
