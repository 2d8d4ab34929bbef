"""Page furniture, wire markup and datelines: recognised by shape, kept out of extraction."""

from __future__ import annotations

import pytest

from generator.clean import clean, find_furniture, rules
from generator.model import Article


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_every_rule_matches_its_examples_and_not_its_counter_examples(rule):
    for text in rule.examples:
        found, _ = find_furniture([text])
        assert any(f.rule == rule.name for f in found) or any(f.kind == rule.kind for f in found), text
    for text in rule.counter_examples:
        found, _ = find_furniture([text, text])  # not the first paragraph only: 'first' rules aside
        assert not any(f.rule == rule.name for f in found), text


def _article(*paragraphs: str) -> Article:
    return Article(id="a", title="T", published=None, source=None, url=None, tags=(), paragraphs=paragraphs)


def test_dateline_becomes_metadata_and_is_blanked_with_offsets_kept():
    art = _article("RIVERTON (AP) — The senator said the bill would pass.", "Later she left.")
    cleaned = clean(art)
    assert cleaned.dateline is not None
    assert (cleaned.dateline.place, cleaned.dateline.agency) == ("RIVERTON", "AP")
    text = cleaned.article.paragraphs[0]
    assert len(text) == len(art.paragraphs[0])
    assert text.strip().startswith("The senator") and "RIVERTON" not in text
    assert cleaned.article.paragraphs[1] == "Later she left."


def test_story_text_is_never_furniture():
    story = (
        "More than 27 million passengers used the service in 2015, the operator said.",
        "By Tuesday the floodwaters had receded across the valley, officials said.",
        "Twitter said it would suspend the account, and Facebook followed.",
        "Reporting on the war has become dangerous, the editor said.",
    )
    found, dateline = find_furniture(story)
    assert found == [] and dateline is None


def test_ticker_markup_and_furniture_paragraphs_are_left_out():
    art = _article(
        "Example Holdings Inc <EXH.N> said on Monday it would cut 300 jobs.",
        "Invalid email address. Please re-enter.",
        "Copyright 2018 The Associated Press. All rights reserved.",
        "1.25 3.40 5.10 7.95 12.00 2.5% 4.1%",
    )
    cleaned = clean(art)
    kinds = [(f.paragraph, f.kind) for f in cleaned.left_out]
    assert (1, "wire markup") in kinds
    assert {p for p, _ in kinds} == {1, 2, 3, 4}
    assert "<EXH.N>" not in cleaned.article.paragraphs[0]
    assert cleaned.article.paragraphs[0].startswith("Example Holdings Inc")


def test_a_crosshead_in_capitals_is_left_out_but_a_transcript_speaker_stays():
    paragraphs = (
        "The council met on Monday, the clerk said.",
        '"ONE MORE WINTER"',
        "JANE ROE, HOST:",
        "Good morning from Arden.",
        '"WE WANT WATER!"',
        "EPA Administrator Jane Roe said the rule would stand",
    )
    found, _ = find_furniture(paragraphs)
    assert [(f.paragraph, f.kind) for f in found] == [(2, "heading in capitals")]


def test_a_box_of_links_under_capital_kickers_is_left_out():
    paragraphs = (
        "more on rivers and lakes FLOOD WATCH Arden braces for high water DRY SPELL Eastbrook reservoir at record low",
        "More on the reservoir will follow, the water board said.",
    )
    found, _ = find_furniture(paragraphs)
    assert [(f.paragraph, f.kind) for f in found] == [(1, "link to other content")]


def test_headlines_under_a_related_heading_are_left_out_until_the_story_resumes():
    paragraphs = (
        "The council will vote again in May, Jane Roe said.",
        '"Related:"',
        "Arden Council Backs The New Bridge Plan.",
        "Jane Roe Wins Third Term as Mayor of Eastbrook",
        "The bridge would open in 2030, officials said.",
        "Tom Poe Opens New Ferry Terminal",
    )
    found, _ = find_furniture(paragraphs)
    assert [(f.paragraph, f.rule) for f in found] == [(2, "read-more"), (3, "link-list"), (4, "link-list")]


def test_a_caption_after_its_credit_is_left_out_but_a_sentence_about_the_agency_stays():
    paragraphs = (
        "Getty Images Lanterns float over the river at the festival's close",
        "The festival drew 40,000 visitors, the organisers said.",
        "REUTERS Will the lanterns return next spring?",
        "Getty Images said on Monday it had bought the festival's archive.",
    )
    found, _ = find_furniture(paragraphs)
    assert [(f.paragraph, f.kind) for f in found] == [(1, "image credit"), (3, "image credit")]


@pytest.mark.spacy
def test_no_item_reads_furniture_and_the_overview_skips_it():
    from datetime import date

    from generator import extract_article
    from generator.render import render_pages

    art = Article(
        id="a",
        title="Ferries collide",
        published=date(2017, 12, 27),
        source="Example",
        url=None,
        tags=(),
        paragraphs=(
            "News Email Enter your email address Please enter an email address Email address is invalid",
            "PORT ELLIS (AP) — Two ferries collided in the harbour on Wednesday, injuring one sailor, officials said.",
            "Copyright 2017 The Associated Press. All rights reserved.",
        ),
    )
    b = extract_article(art)
    assert b.dateline is not None and (b.dateline.place, b.dateline.agency) == ("PORT ELLIS", "AP")
    items = [*b.quotes, *b.events]
    assert items and all(not x.text.startswith("PORT ELLIS") for x in items)
    assert all(x.text == art.paragraphs[x.paragraph - 1][x.start : x.end] for x in items)
    assert all(m.paragraph == 2 for a in b.actors for m in a.mentions)
    overview = render_pages(b)["index.md"]
    assert "## What happened\n\nTwo ferries collided" in overview and "(AP)" in overview
    assert "Enter your email" not in overview.split("## Source", 1)[0]


def test_a_pull_quote_is_left_out_but_the_paragraph_it_repeats_and_attributed_repeats_stay():
    """A quotation set again in large type, alone or with a credit naming its speaker, before or
    after the longer paragraph that quotes it; not the same words with the writer's attribution."""
    source = (
        "At the Arden ferry terminal on a wet morning, the harbour master spoke for twenty minutes. "
        "“Nobody in Arden should pay more for a ferry ticket than a bus fare across the river,” Tom Poe "
        "told the crowd before the vote."
    )
    paragraphs = (
        "“Nobody in Arden should pay more for a ferry ticket than a bus fare across the river.” "
        "Tom Poe, Arden Harbour Board",
        source,
        "Fares rose twice in the last decade.",
        "Nobody in Arden should pay more for a ferry ticket than a bus fare across the river",
        "“Nobody in Arden should pay more for a ferry ticket than a bus fare across the river,” Poe told reporters.",
        "“Nobody in Arden should pay more for a ferry ticket than a bus fare across the river.” Jane Roe, "
        "the mayor, disagreed.",
        "Nobody in Arden should pay more for a ferry ticket than a bus fare across the river Tom Poe argued",
    )
    found, _ = find_furniture(paragraphs)
    assert [(f.paragraph, f.kind) for f in found] == [(1, "pull quote"), (4, "pull quote")]
    assert find_furniture(paragraphs[1:3])[0] == []  # the quoting paragraph itself stays


def test_a_paragraph_in_another_language_is_left_out_but_english_with_foreign_words_stays():
    german = (
        "Die Stadt hat beschlossen, dass die alte Brücke bis zum Ende des Jahres für den Verkehr gesperrt bleibt,"
        " weil sie nicht mehr sicher ist."
    )
    spanish = "Las autoridades confirmaron que el puente estará cerrado durante toda la semana por las obras."
    english = (
        "Eastbrook Mayor Vows To Fight Port Plan As Costs Soar",
        "Jane Roe said the Festival de la Música del Sur had drawn crowds to the old port of Arden.",
        "“No es posible,” Tom Poe said of the plan, and the council agreed with him.",
        "Starters: Luis de la Rosa, Ana dos Santos, Pedro del Rio, Jose de Souza and Maria da Costa.",
        "“Viva la fiesta, viva el pueblo, viva la patria,” the crowd in the square chanted.",
    )
    found, _ = find_furniture([german, spanish, *english])
    assert [(f.paragraph, f.kind) for f in found] == [(1, "text in another language"), (2, "text in another language")]


def test_the_pictures_of_a_flattened_gallery_are_left_out_but_a_fraction_in_the_story_stays():
    paragraphs = (
        "Jane Roe opened the Eastbrook bridge on Monday.",
        "Arden in pictures",
        "12 show all Arden in pictures",
        "1/12 4 March 2019 Tom Poe and Ann Lee wait outside the Arden town hall Vistaria Photos",
        "2/12 3 March 2019 Protesters march through Eastbrook during a rally PA",
        "3/12 2 March 2019 A veteran lays a wreath at the memorial Getty Images",
        "9/11 changed the way Eastbrook thinks about its bridges, Jane Roe said.",
        "3/4 of the town voted for the plan.",
    )
    found, _ = find_furniture(paragraphs)
    assert [f.paragraph for f in found if f.rule == "gallery-slide"] == [4, 5, 6]
    assert not {f.paragraph for f in found} & {1, 7, 8}
    # A numbered thread a person posted, or a chronology, is no gallery: no gallery heading above it.
    thread = (
        "Jane Roe posted her reasons on Monday.",
        "1/3 Today I am stepping down as chair of the harbour board.",
        "2/3 I thank the crews and the staff.",
        "3/3 The board will choose my successor in May.",
    )
    assert [f for f in find_furniture(thread)[0] if f.rule == "gallery-slide"] == []
