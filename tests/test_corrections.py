"""Corrections by hand on a fixed briefing (no spaCy): each action, and what does not match."""

from __future__ import annotations

import jsonschema
import pytest

from generator.corrections import apply, read_corrections
from generator.export import briefing_dict, load_schema
from generator.problems import ArticleError
from generator.render import render_pages


def corrections(tmp_path, text: str):
    path = tmp_path / "x.corrections.yml"
    path.write_text(text, encoding="utf-8")
    return read_corrections(path, "seeds/x.corrections.yml", tmp_path)


def test_split_role_type_and_clearing_a_speaker(tmp_path, fixture_briefing):
    fixes = corrections(
        tmp_path,
        "actors:\n"
        "  - actor: ms doe\n    role: union leader\n    type: group\n"
        "  - actor: Harbour Authority\n    split: {name: Port Board, paragraphs: [3]}\n"
        "quotes:\n  - quote: {paragraph: 2, text: We got}\n    speaker: null\n",
    )
    b, problems = apply(fixture_briefing, fixes)
    assert problems == []
    jane = b.actor("jane-doe")
    assert (jane.type, [r.text for r in jane.roles]) == ("group", ["union leader"])
    assert jane.corrected == ("type set to group", "role set to union leader")
    board = next(a for a in b.actors if a.name == "Port Board")
    assert [m.paragraph for m in board.mentions] == [3] and board.corrected == ("split from Harbour Authority",)
    assert [m.paragraph for m in b.actor("harbour-authority").mentions] == [1]
    # The quote whose speaker was named in ¶3 follows the mention to the new actor.
    assert next(q for q in b.quotes if q.id == "q3").speaker == board.id
    q1 = next(q for q in b.quotes if q.id == "q1")
    assert q1.speaker is None and q1.corrected == ("speaker cleared by hand",)
    jsonschema.validate(briefing_dict(b), load_schema())
    pages = render_pages(b)
    assert "**Corrected by hand:** type set to group; role set to union leader" in pages["actors.md"]
    assert "corrected by hand: speaker cleared by hand" in pages["quotes.md"]
    assert '!!! note "Corrected by hand"' in pages["index.md"]


def test_dropping_an_actor_unlinks_its_quotes_and_events(tmp_path, fixture_briefing):
    b, problems = apply(fixture_briefing, corrections(tmp_path, "actors:\n  - actor: Jane Doe\n    drop: true\n"))
    assert problems == [] and b.actor("jane-doe") is None
    assert all(q.speaker != "jane-doe" for q in b.quotes)
    assert b.corrections == ("actor “Jane Doe”: dropped",)


def test_an_event_date_is_set_at_its_precision_or_removed(tmp_path, fixture_briefing):
    fixes = corrections(
        tmp_path,
        "events:\n  - event: {paragraph: 1, text: dock workers}\n    date: 2021-03\n"
        "  - event: {paragraph: 3, text: losses}\n    date: null\n",
    )
    b, problems = apply(fixture_briefing, fixes)
    assert problems == []
    e1, e3 = (next(e for e in b.events if e.id == i) for i in ("e1", "e3"))
    assert (e1.date.value, e1.date.start, e1.date.end, e1.date.granularity) == (
        "2021-03",
        "2021-03-01",
        "2021-03-31",
        "month",
    )
    assert e1.date.phrase == "on Tuesday" and e3.date is None


def test_what_matches_nothing_or_too_much_is_reported_on_its_line(tmp_path, fixture_briefing):
    fixes = corrections(
        tmp_path,
        "quotes:\n  - quote: {paragraph: 2}\n    drop: true\n"
        "  - quote: {paragraph: 9, text: x}\n    drop: true\n"
        "actors:\n  - actor: Jane Doe\n    merge_into: Nobody\n",
    )
    b, problems = apply(fixture_briefing, fixes)
    assert [str(p) for p in problems] == [
        "seeds/x.corrections.yml:7: actor “Jane Doe”: merge_into “Nobody” matches no other actor(s)",
        "seeds/x.corrections.yml:2: quote ¶2: matches 2 quotes; give more of the text",
        "seeds/x.corrections.yml:4: quote ¶9 “x”: matches no quote",
    ]
    assert b.quotes == fixture_briefing.quotes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- a list\n",
            "seeds/x.corrections.yml:1: malformed corrections: expected `actors:`, `quotes:` or `events:` lists",
        ),
        ("people: []\n", "seeds/x.corrections.yml:1: unknown section 'people' (known: actors, quotes, events)"),
        ("quotes:\n  - speaker: X\n", "seeds/x.corrections.yml:2: each entry of `quotes:` starts with `quote:`"),
        (
            "quotes:\n  - quote: 3\n    drop: true\n",
            "seeds/x.corrections.yml:2: a quote is chosen by `{paragraph: N, text: first words}`",
        ),
        (
            "actors:\n  - actor: A\n    drop: true\n    rename: B\n",
            "seeds/x.corrections.yml:2: `drop: true` stands alone",
        ),
        (
            "actors:\n  - actor: A\n    type: alien\n",
            "seeds/x.corrections.yml:2: `type` is one of person, organisation, country, place, group",
        ),
        (
            "actors:\n  - actor: A\n",
            "seeds/x.corrections.yml:2: nothing to correct: give one of rename, merge_into, split, type, role, drop",
        ),
        (
            "events:\n  - event: {paragraph: 1}\n    date: 0001-01-01\n",
            "seeds/x.corrections.yml:2: date 0001-01-01 is outside 1800–2199",
        ),
        ("quotes: [\n", "seeds/x.corrections.yml:2: malformed corrections"),
    ],
)
def test_malformed_corrections_name_their_line(tmp_path, text, message):
    with pytest.raises(ArticleError) as info:
        corrections(tmp_path, text)
    assert str(info.value).startswith(message)
