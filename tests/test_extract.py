"""The orchestrator: what a briefing says it could not settle."""

from __future__ import annotations

import pytest

from generator.extract import extract_briefing
from generator.model import Article
from generator.nlp import parse

pytestmark = pytest.mark.spacy


def briefing(*paragraphs: str, published=None):
    a = Article(id="x", title="T", published=published, source=None, url=None, tags=(), paragraphs=paragraphs)
    return extract_briefing(a, parse(a))


def test_no_publication_date_is_said_and_nothing_is_resolved():
    b = briefing("The minister resigned on Tuesday, officials said.")
    assert any("No publication date" in w for w in b.warnings)
    assert all(e.date is None or e.date.value is None for e in b.events)


def test_unclosed_quotation_is_reported_not_guessed():
    b = briefing("The mayor said: “we will rebuild the bridge. Nobody doubts it.")
    assert any("paragraph 1, offset 16: unclosed quotation mark" in w for w in b.warnings)
    assert not [q for q in b.quotes if q.kind == "direct"]
