"""Golden-file tests: a fixed Briefing in, Markdown pages out (no spaCy)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from generator.model import TimeValue
from generator.render import PAGES, describe_time, render_index, render_pages

GOLDEN = Path(__file__).parent / "golden"


def _check_golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {name} was missing and has been written; check it and run again")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file (run pytest --update-goldens to accept)"
    )


@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_pages_match_golden(fixture_briefing, update_goldens, page):
    pages = render_pages(fixture_briefing)
    _check_golden(f"fixture/{page}", pages[page], update_goldens)


def test_index_matches_golden(fixture_briefing, update_goldens):
    text = render_index([fixture_briefing], ["seeds/bad.txt:3: malformed metadata: <oops>"], prefix="briefings/")
    _check_golden("fixture/list.md", text, update_goldens)


def test_article_text_is_escaped(fixture_briefing):
    pages = render_pages(fixture_briefing)
    for name, text in pages.items():
        assert "<script>" not in text, name
        assert not re.search(r"(?<!\\)\]\(http://evil", text), name
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["source.md"]
    assert r"\*damaging\*" in pages["source.md"]


def test_every_paragraph_has_an_anchor(fixture_briefing):
    source = render_pages(fixture_briefing)["source.md"]
    for n in range(1, len(fixture_briefing.article.paragraphs) + 1):
        assert f"{{: #p{n} .briefing-paragraph }}" in source


def test_links_point_at_source_paragraphs(fixture_briefing):
    """Quotes and events link to their own span on the Source page, named by its paragraph."""
    pages = render_pages(fixture_briefing)
    assert "[¶2](source.md#q1)" in pages["quotes.md"]
    event = fixture_briefing.events[0]
    assert f"[¶{event.paragraph}](source.md#{event.id})" in pages["timeline.md"]
    assert f'<span class="briefing-anchor" id="{event.id}"></span>' in pages["source.md"]
    assert '<mark class="briefing-quote briefing-direct" id="q1"' in pages["source.md"]
    assert "[Jane Doe](actors.md#jane-doe)" in pages["quotes.md"]


def test_unattributed_quote_says_so(fixture_briefing):
    quotes = render_pages(fixture_briefing)["quotes.md"]
    assert "unattributed: a spokesperson, not linked to a known actor" in quotes.split("## Unattributed", 1)[1]


def test_quotes_are_grouped_by_speaker_with_the_role_once(fixture_briefing):
    quotes = render_pages(fixture_briefing)["quotes.md"]
    assert quotes.count("head of the dockers' union") == 1
    section = quotes.split("## Jane Doe", 1)[1].split("\n## ", 1)[0]
    assert "We got what we came for" in section and "the deal would be put to a vote" in section
    assert section.count("<details") == 2  # how each was attributed, folded


def test_undated_event_is_not_placed(fixture_briefing):
    timeline = render_pages(fixture_briefing)["timeline.md"]
    placed, _, unplaced = timeline.partition("## Not placed on the timeline")
    assert "the vote is held" in unplaced and "the vote is held" not in placed


def test_timeline_is_chronological(fixture_briefing):
    timeline = render_pages(fixture_briefing)["timeline.md"]
    assert (
        timeline.index("## late 2020")
        < timeline.index("## week of 22 February 2021")
        < timeline.index("## Tuesday 9 March 2021")
    )


@pytest.mark.parametrize(
    ("value", "granularity", "start", "modifier", "shown"),
    [
        ("2019-05-14", "day", "2019-05-14", None, "Tuesday 14 May 2019"),
        ("2019-W19", "week", "2019-05-06", None, "week of 6 May 2019"),
        ("2019-05", "month", "2019-05-01", None, "May 2019"),
        ("2018-Q4", "quarter", "2018-10-01", None, "Q4 2018"),
        ("2018", "year", "2018-01-01", "END", "late 2018"),
        ("2018", "year", "2018-01-01", "START", "early 2018"),
        (None, None, None, None, "date unresolved"),
    ],
)
def test_dates_shown_at_their_precision(value, granularity, start, modifier, shown):
    t = TimeValue(value=value, start=start, end=start, granularity=granularity, phrase="x", modifier=modifier)
    assert describe_time(t) == shown


def test_actor_lists_what_others_said_of_it(fixture_briefing):
    from dataclasses import replace

    from generator.model import Quote

    # Jane Doe reports something about the Harbour Authority (paragraph 1, offsets 78-99).
    q = Quote(
        id="q9",
        kind="reported",
        text="the Harbour Authority agreed to a new contract",
        speaker="jane-doe",
        speaker_text="Jane Doe",
        cue="said",
        paragraph=1,
        start=74,
        end=114,
    )
    b = replace(fixture_briefing, quotes=(*fixture_briefing.quotes, q))
    actors = render_pages(b)["actors.md"]
    authority = actors[
        actors.index("### Harbour Authority") : actors.index("</div>", actors.index("### Harbour Authority"))
    ]
    assert (
        "**Said of it:**\n\n- [Jane Doe](#jane-doe): the Harbour Authority agreed to a new contract [¶1](source.md#q9)"
        in authority
    )
    jane = actors[actors.index("### Jane Doe") : actors.index("### Harbour Authority")]
    assert "Said of" not in jane


def test_key_actors_put_people_and_bodies_before_countries(fixture_briefing):
    from dataclasses import replace

    from generator.model import Actor, Mention
    from generator.render import View

    country = Actor(
        id="ruritania",
        name="Ruritania",
        type="country",
        mentions=tuple(Mention(1, 0, 5, "Dock ") for _ in range(9)),
    )
    view = View(replace(fixture_briefing, actors=(*fixture_briefing.actors, country)))
    assert view.actors_ranked[0].id == "ruritania"  # the most mentioned
    assert [a.id for a in view.key_actors] == [
        "jane-doe",
        "harbour-authority",
        "dock-workers",
        "dockers-union",
        "ruritania",
        "portville",
    ]


def test_unresolved_and_relative_speakers_say_whom_they_stand_for(fixture_briefing):
    from dataclasses import replace

    from generator.model import Mention, Quote

    base = {"kind": "partial", "speaker": None, "cue": "called", "paragraph": 1, "start": 5, "end": 12}
    relative = Quote(
        id="q8",
        text="workers",
        speaker_text="who",
        speaker_mention=Mention(1, 0, 3, "who"),
        speaker_antecedent=Mention(1, 0, 9, "Opponents"),
        **base,
    )
    pronoun = Quote(id="q9", text="workers", speaker_text="he", speaker_inferred=True, **base)
    b = replace(fixture_briefing, quotes=(*fixture_briefing.quotes, relative, pronoun))
    quotes = render_pages(b)["quotes.md"]
    unattributed = quotes.split("## Unattributed", 1)[1]
    assert "unattributed: Opponents (“who”), not linked to a known actor" in unattributed
    assert "unattributed: “he” could not be resolved" in unattributed


def test_only_the_overview_and_source_of_a_briefing_are_searched(fixture_briefing):
    """A briefing's Actors, Quotes and Timeline pages say 'search: exclude' in their front matter
    (the overrides then mark no body for Pagefind): their words are in the Source page."""
    import yaml

    from generator.render import UNSEARCHED

    pages = render_pages(fixture_briefing)
    assert set(UNSEARCHED) < set(pages)
    for name, text in pages.items():
        meta = yaml.safe_load(text.split("---\n")[1])
        assert meta.get("search") == ({"exclude": True} if name in UNSEARCHED else None), name
    for override in ("overrides/main.html", "overrides/zensical/main.html"):
        text = (ROOT / override).read_text(encoding="utf-8")
        assert "page.meta.search.exclude" in text and "data-pagefind-body" in text, override
