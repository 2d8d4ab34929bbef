"""The stage and page registries: one contract for every stage, one list of pages.

The toy stage below is what CONTRIBUTING.md's recipe adds: a module of its own (here, this file),
a template of its own, one entry in ``STAGES`` and one in ``PAGES``; nothing else is touched.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass

import jsonschema
import pytest

from generator import extract_article, render
from generator.export import briefing_dict, from_dict, from_plain, load_schema
from generator.extract import STAGES, extract_briefing
from generator.extract.stage import Found, Output, Stage, check_order, run_stages
from generator.model import Article, Problem
from generator.nlp import parse

pytestmark = pytest.mark.spacy


def _article(*paragraphs: str, published=None) -> Article:
    return Article(id="x", title="T", published=published, source=None, url=None, tags=(), paragraphs=paragraphs)


# --- a toy stage: amounts of money, with a page of their own -------------------------------------


@dataclass(frozen=True)
class Amount:
    paragraph: int
    start: int
    end: int
    text: str


_MONEY = re.compile(r"\$\d+(?:,\d{3})*(?:\.\d+)?(?: (?:million|billion))?")


def _amounts(found: Found) -> Output:
    items = [
        Amount(n, m.start(), m.end(), m.group())
        for n, para in enumerate(found.text.paragraphs, start=1)
        for m in _MONEY.finditer(para)
    ]
    problems = [] if items else [Problem("", "No amount of money was found.")]
    return Output({"amounts": items}, problems)


AMOUNTS = Stage("amounts", needs=(), adds=("amounts",), run=_amounts, item_type=Amount)
AMOUNTS_PAGE = render.BriefingPage(
    "amounts.md", "amounts.md.j2", "Amounts", "every sum of money the text names", "amounts"
)
TEMPLATE = """# Amounts: {{ a.title }}

{% for x in b.extra["amounts"] %}
- {{ x.text }} ({{ x.paragraph | para }})
{% endfor %}
"""


@pytest.fixture
def toy(monkeypatch, tmp_path):
    monkeypatch.setattr("generator.extract.STAGES", [*STAGES, AMOUNTS])
    monkeypatch.setattr(render, "PAGES", [*render.PAGES, AMOUNTS_PAGE])
    (tmp_path / "amounts.md.j2").write_text(TEMPLATE, encoding="utf-8")
    return tmp_path


def test_a_new_stage_with_its_own_page_goes_through_extraction_pages_and_export(toy):
    art = _article(
        "Jane Roe said on Monday the council of Eastbrook would spend $4.5 million on the bridge.",
        "The old plan cost $900,000, she said.",
    )
    b = extract_article(art)
    assert [x.text for x in b.extra["amounts"]] == ["$4.5 million", "$900,000"]
    assert all(art.paragraphs[x.paragraph - 1][x.start : x.end] == x.text for x in b.extra["amounts"])
    # Its page exists, the overview and every page's line of links point at it.
    pages = render.render_pages(b, templates_dir=toy)
    assert set(pages) == {"index.md", "actors.md", "timeline.md", "quotes.md", "source.md", "amounts.md"}
    assert "- $4.5 million ([¶1](source.md#p1))" in pages["amounts.md"]
    assert "- [Amounts](amounts.md): every sum of money the text names" in pages["index.md"]
    assert all("[Amounts](amounts.md)" in text for name, text in pages.items() if name != "amounts.md")
    assert "**Amounts**" in pages["amounts.md"]
    # The export carries its items, validates, and reads back as the same briefing.
    data = briefing_dict(b)
    jsonschema.validate(data, load_schema())
    assert data["extra"]["amounts"][0] == {"paragraph": 1, "start": 61, "end": 73, "text": "$4.5 million"}
    assert from_dict(json.loads(json.dumps(data))) == b
    # A briefing the stage did not run on has no such page and no link to it.
    plain = extract_briefing(art, parse(art), stages=STAGES)
    assert "amounts" not in plain.extra
    assert "amounts.md" not in render.render_pages(plain, templates_dir=toy)
    assert "[Amounts]" not in render.render_pages(plain, templates_dir=toy)["index.md"]
    # Nor one where it ran and found nothing.
    none = extract_article(_article("The council met on Monday."))
    assert none.extra == {"amounts": ()} and "amounts.md" not in render.render_pages(none, templates_dir=toy)


def test_a_stage_owns_its_warnings(toy):
    b = extract_article(_article("The mayor said: “we will rebuild the bridge. Nobody doubts it."))
    by_stage = {w.stage: w for w in b.warnings}
    assert by_stage["amounts"].text == "No amount of money was found."
    unclosed = by_stage["quotes"]
    assert "unclosed quotation mark" in unclosed.text and (unclosed.paragraph, unclosed.start) == (1, 16)
    assert by_stage["events"].text.startswith("No publication date")


# --- the registry itself ---------------------------------------------------------------------------


def test_the_stages_run_in_an_order_where_each_has_what_it_needs():
    assert check_order(STAGES) == []
    assert [s.name for s in STAGES] == ["actors", "quotes", "speakers", "events"]


def test_a_registry_out_of_order_or_untyped_is_refused():
    quotes_first = [STAGES[1], STAGES[0], *STAGES[2:]]
    assert check_order(quotes_first)[0] == "stage 'quotes' needs actors, which no earlier stage adds"
    untyped = Stage("amounts", needs=(), adds=("amounts",), run=_amounts)
    assert check_order([*STAGES, untyped]) == ["stage 'amounts' adds items of its own but names no item type"]
    art = _article("Nothing happened.")
    with pytest.raises(ValueError, match="stage 'quotes' needs actors"):
        run_stages(quotes_first, Found(art, parse(art)))
    late = Stage("late", needs=(), adds=("actors",), run=_amounts)
    assert check_order([*STAGES, late]) == ["stage 'late' adds 'actors' again without reading it: a revision needs it"]
    assert check_order([*STAGES, STAGES[-1]])[0] == "two stages are named 'events'"
    liar = Stage("liar", needs=(), adds=(), run=_amounts, item_type=Amount)
    with pytest.raises(ValueError, match="stage 'liar' returned amounts, which it does not declare"):
        run_stages([liar], Found(art, parse(art)))


def test_every_page_of_the_registry_is_rendered_and_linked(fixture_briefing):
    pages = render.render_pages(fixture_briefing)
    assert list(pages) == [p.file for p in render.PAGES]
    for p in render.PAGES[1:]:
        assert f"- [{p.title}]({p.file}): {p.about}" in pages["index.md"]


def test_the_extraction_package_is_not_shadowed():
    import types

    import generator
    import generator.extract.actors as actors_module

    assert isinstance(generator.extract, types.ModuleType) and generator.extract.STAGES is STAGES
    assert actors_module.extract_actors is not None and callable(generator.extract_article)


def test_the_reader_refuses_another_version_and_types_it_cannot_rebuild(fixture_briefing):
    data = json.loads(json.dumps(briefing_dict(fixture_briefing)))
    with pytest.raises(ValueError, match="schema version 1"):
        from_dict({**data, "schema_version": 1})

    @dataclass(frozen=True)
    class Odd:
        pair: tuple[int, str]

    with pytest.raises(TypeError, match="tuple"):
        from_plain(Odd, {"pair": [1, "x"]})


def test_reading_a_cached_briefing_loads_no_language_model(fixture_briefing, tmp_path):
    import subprocess

    path = tmp_path / "b.json"
    path.write_text(json.dumps(briefing_dict(fixture_briefing)), encoding="utf-8")
    code = (
        "import json, sys; from generator.export import from_dict; "
        f"b = from_dict(json.load(open({str(path)!r}))); print(len(b.actors), 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == [str(len(fixture_briefing.actors)), "False"]


def test_a_briefing_found_in_the_cache_loads_no_language_model(fixture_briefing, tmp_path):
    """A build that finds every article in the extraction cache neither imports the extraction nor
    loads spaCy (importing the extraction loads the model: its word lists are read from it)."""
    import pickle
    import subprocess

    from generator.produce import cache_key

    (tmp_path / f"{cache_key(fixture_briefing.article)}.json").write_text(
        json.dumps(briefing_dict(fixture_briefing)), encoding="utf-8"
    )
    article = tmp_path / "article.pickle"
    article.write_bytes(pickle.dumps(fixture_briefing.article))
    code = (
        "import pickle, sys; from pathlib import Path; from generator.produce import extract_cached; "
        f"b = extract_cached(pickle.loads(Path({str(article)!r}).read_bytes()), Path({str(tmp_path)!r})); "
        "print(len(b.actors), 'spacy' in sys.modules, 'generator.extract.quotes' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == [str(len(fixture_briefing.actors)), "False", "False"]
