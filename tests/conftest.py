from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.evaluate import eval_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SHARED_EVAL = eval_dir()
"""The development data, as `briefing evaluate` finds it: $BRIEFING_EVAL, else ../shared/eval beside the
project. Tests that need it skip when it is absent."""
# The commands the tests run (`briefing`, `mkdocs` and its plugin) import this checkout's generator,
# not the one the environment was installed from (a second work tree shares one environment).
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture
def fixture_briefing():
    from generator.export import from_dict

    return from_dict(json.loads((FIXTURES / "briefing.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def seed_briefing():
    """The seed article's briefing, extracted once per test session (needs spaCy)."""
    from generator import extract_article

    return extract_article(ROOT / "seeds" / "000_826671d92ab4721b.txt")
