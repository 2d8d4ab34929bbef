"""Floors on the blind gold (tests/gold): actors and speakers on articles from other outlets.

The figures sit a little below those measured when the floors were set (see the session note);
a change that makes them worse fails here. The held-out set is scored, never tuned to.
"""

from __future__ import annotations

import pytest

from generator.evaluate.gold import run


def _rate(c, num: str, den: str) -> float:
    return c[num] / c[den] if c[den] else 0.0


@pytest.fixture(scope="module")
def tallies():
    return run("all")


@pytest.mark.spacy
def test_development_gold_floors(tallies):
    c = tallies["dev"].c
    assert c["gold people"] >= 130 and c["gold marks"] >= 150  # the gold is all there
    assert _rate(c, "people typed person", "people found") >= 0.97
    assert _rate(c, "people found", "gold people") >= 0.89
    assert c["junk persons"] <= 3
    assert _rate(c, "people split", "people found") <= 0.07
    assert _rate(c, "roles right", "people with roles") >= 0.85
    assert _rate(c, "roles given in the gold", "roles given") >= 0.70  # roles are not bought with wrong ones
    assert _rate(c, "marks right speaker", "gold marks") >= 0.70
    assert _rate(c, "marks wrong speaker", "gold marks") <= 0.045
    assert _rate(c, "reported found", "gold reported") >= 0.66
    assert _rate(c, "reported wrong speaker", "gold reported") <= 0.05
    assert c["speakers of a non-speaking type"] == 0


@pytest.mark.spacy
def test_held_out_gold_floors(tallies):
    c = tallies["test"].c
    assert c["gold people"] >= 100 and c["gold marks"] >= 120
    assert _rate(c, "people typed person", "people found") >= 0.94
    assert _rate(c, "marks right speaker", "gold marks") >= 0.63
    assert _rate(c, "marks wrong speaker", "gold marks") <= 0.11
    assert _rate(c, "reported found", "gold reported") >= 0.60
    assert c["speakers of a non-speaking type"] == 0


@pytest.mark.spacy
def test_timeline_lines_judged_readable():
    """Blind readers' judgements of the timeline lines (bench/judgements): today's lines, as judged."""
    from collections import Counter

    from generator.evaluate.events import HELD_OUT, judged_sets, tally

    total: Counter = Counter()
    for name in judged_sets():
        total.update(tally(name)[0])
    judged = total["timeline readable"] + total["timeline fragment"]
    assert judged >= 400 and total["timeline not judged"] <= 0.1 * judged  # the judgements are today's lines
    assert total["timeline readable"] / judged >= 0.74
    # dev11-dev14 were judged once, on their first run (12 untrue lines of 79, then dev14's 7 of 54): a
    # rate, not a count
    assert total["timeline untrue"] <= 0.05 * judged
    folded = total["background readable"] + total["background fragment"]
    assert total["background readable"] <= 0.25 * folded  # what folding costs: few readable lines folded
    held = tally(HELD_OUT)[0]  # the held-out set, judged once and never read line by line
    judged = held["timeline readable"] + held["timeline fragment"]
    assert judged >= 60 and held["timeline readable"] / judged >= 0.65 and held["timeline untrue"] <= 4


def test_every_gold_file_is_well_formed_and_quotes_its_article_verbatim():
    import importlib.util
    from pathlib import Path

    here = Path(__file__).parent / "gold"
    spec = importlib.util.spec_from_file_location("gold_validate", here / "validate.py")
    validate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(validate)
    files = sorted(
        [
            *here.glob("dev/*.yml"),
            *here.glob("dev2/*.yml"),
            *here.glob("dev3/*.yml"),
            *here.glob("dev4/*.yml"),
            *here.glob("dev5/*.yml"),
            *here.glob("dev6/*.yml"),
            *here.glob("dev7/*.yml"),
            *here.glob("dev8/*.yml"),
            *here.glob("dev9/*.yml"),
            *here.glob("dev10/*.yml"),
            *here.glob("dev11/*.yml"),
            *here.glob("dev12/*.yml"),
            *here.glob("dev13/*.yml"),
            *here.glob("dev14/*.yml"),
            *here.glob("dev15/*.yml"),
            *here.glob("dev16/*.yml"),
            *here.glob("dev17/*.yml"),
            *here.glob("dev18/*.yml"),
            *here.glob("dev19/*.yml"),
            *here.glob("dev20/*.yml"),
            *here.glob("dev21/*.yml"),
            *here.glob("dev22/*.yml"),
            *here.glob("test/*.yml"),
        ]
    )
    assert len(files) == 200
    problems = {f.name: validate.check(f) for f in files}
    assert not {k: v for k, v in problems.items() if v}
