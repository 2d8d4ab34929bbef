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


def reparsed(text: str, changes: dict[str, tuple[str, str]], tags: dict[str, tuple[str, str]] | None = None):
    """`text` parsed, then given the heads and labels a real article's parse had: word -> (dep, head
    word), and word -> (part of speech, tag) where the tagger read a word otherwise."""
    from spacy.tokens import Doc

    from generator.nlp import get_nlp

    good = get_nlp()(text)
    at = {t.text: t.i for t in good}
    heads = [t.head.i for t in good]
    deps = [t.dep_ for t in good]
    pos = [t.pos_ for t in good]
    tag = [t.tag_ for t in good]
    for word, (dep, head) in changes.items():
        deps[at[word]], heads[at[word]] = dep, at[head]
    for word, (p, t) in (tags or {}).items():
        pos[at[word]], tag[at[word]] = p, t
    return Doc(
        good.vocab,
        words=[t.text for t in good],
        spaces=[bool(t.whitespace_) for t in good],
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tag,
        lemmas=[t.lemma_ for t in good],
        ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "") for t in good],
    )
