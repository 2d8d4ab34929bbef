"""One cast across briefings: merge on strong evidence only."""

from __future__ import annotations

from generator.derive import best_name, merge_actors
from generator.model import Actor, Article, Briefing, Role


def _b(ident: str, *actors: Actor) -> Briefing:
    art = Article(id=ident, title=ident, published=None, source=None, url=None, tags=(), paragraphs=("x",))
    return Briefing(article=art, actors=actors)


def _names(groups) -> list[set[str]]:
    return sorted(({f"{b.article.id}:{a.name}" for b, a in g} for g in groups), key=sorted)


def test_full_name_and_surname_merge_but_described_actors_never_do():
    one = _b(
        "one",
        Actor("jane-roe", "Jane Roe", "person"),
        Actor("analyst", "analyst", "person", notes=("unnamed: x",), described=True),
    )
    two = _b(
        "two",
        Actor("roe", "Roe", "person"),
        Actor("analyst", "analyst", "person", notes=("unnamed: x",), described=True),
    )
    groups = merge_actors([one, two])
    assert {"one:Jane Roe", "two:Roe"} in _names(groups)
    assert {"one:analyst"} in _names(groups) and {"two:analyst"} in _names(groups)
    assert best_name(next(g for g in groups if len(g) == 2)).name == "Jane Roe"


def test_a_surname_shared_by_two_full_names_or_with_a_conflicting_role_stays_apart():
    a = _b("a", Actor("jane-roe", "Jane Roe", "person"), Actor("tom-roe", "Tom Roe", "person"))
    b = _b("b", Actor("roe", "Roe", "person"))
    assert {"b:Roe"} in _names(merge_actors([a, b]))
    c = _b("c", Actor("jane-roe", "Jane Roe", "person", roles=(Role("mayor"),)))
    d = _b("d", Actor("roe", "Roe", "person", roles=(Role("senator"),)))
    assert {"d:Roe"} in _names(merge_actors([c, d]))


# --- one briefing: what pages and the export need, computed once -------------------------------


def _said_briefing() -> Briefing:
    from datetime import date

    from generator.model import Event, Mention, Quote, TimeValue

    text = "Jane Roe said on Tuesday that the plan was “a mistake”. Tom Poe denied Roe's claims, calling them “false”."
    art = Article("t", "T", date(2024, 3, 6), None, None, (), (text,))
    at = text.index("Roe's")
    roe = Actor(
        "jane-roe", "Jane Roe", "person", mentions=(Mention(1, 0, 8, "Jane Roe"), Mention(1, at, at + 3, "Roe"))
    )
    at = text.index("Tom Poe")
    poe = Actor("tom-poe", "Tom Poe", "person", mentions=(Mention(1, at, at + 7, "Tom Poe"),))
    first = text.index("a mistake")
    second = text.index("false")
    quotes = (
        Quote("q1", "partial", "a mistake", "jane-roe", "Jane Roe", "said", 1, first, first + 9),
        Quote("q2", "partial", "false", "tom-poe", "Tom Poe", "calling", 1, second, second + 5),
    )
    tuesday = TimeValue("2024-03-05", "2024-03-05", "2024-03-05", "day", "on Tuesday", 1, 14)
    said = Event("e1", text[: first + 10], tuesday, ("jane-roe",), 1, 0, first + 10)
    return Briefing(art, actors=(roe, poe), quotes=quotes, events=(said,))


def test_contests_relations_and_statement_dates_are_computed_once_into_the_model():
    from generator.derive import derive
    from generator.export import briefing_dict

    b = derive(_said_briefing())
    assert [(c.by, c.target, c.verb, c.quote, c.claims) for c in b.derived.contested] == [
        ("tom-poe", "jane-roe", "denied", "q2", ("q1",))
    ]
    assert ("tom-poe", "jane-roe", "contradicts", 1) in {(r.a, r.b, r.kind, r.weight) for r in b.derived.relations}
    said = {s.quote: s for s in b.derived.said}
    assert (said["q1"].event, said["q1"].date.value) == ("e1", "2024-03-05")
    assert said["q2"].date is None  # no date in its own clause: dated by publication
    exported = briefing_dict(b)["derived"]
    assert exported["contested"][0]["claims"] == ["q1"] and exported["said"][0]["event"] == "e1"


def test_pages_show_what_was_derived_and_do_no_analysis_of_their_own():
    from generator import render
    from generator.derive import derive
    from generator.render import View, render_pages

    b = _said_briefing()
    # Without the derive step nothing is contested and no statement is dated by its clause: the
    # pages read the model, they do not work it out again.
    assert View(b).contests == [] and View(b).quote_when(b.quotes[0]) == "reported Wednesday 6 March 2024"
    assert View(b).summary == []
    done = derive(b)
    assert View(done).quote_when(done.quotes[0]) == "said Tuesday 5 March 2024"
    assert View(done).summary == [(m.text, m.paragraph) for m in done.derived.summary] != []
    assert 'Contested: Tom Poe denied Jane Roe"' in render_pages(done)["quotes.md"]
    from generator.story import view as story_view

    for name in ("contests", "merge_actors", "cluster", "derive", "summary", "sentences"):
        assert not hasattr(render, name), f"render imports {name}: analysis belongs in generator/derive.py"
    for name in ("merge_cast", "merge_timeline", "digest", "View"):
        assert not hasattr(story_view, name), f"the story view has {name}: analysis belongs in story/merge.py"


def test_a_correction_by_hand_is_seen_by_what_is_derived(tmp_path):
    from generator.corrections import apply, read_corrections
    from generator.derive import derive

    b = derive(_said_briefing())
    path = tmp_path / "t.corrections.yml"
    path.write_text("actors:\n  - actor: Tom Poe\n    drop: true\n", encoding="utf-8")
    fixed, problems = apply(b, read_corrections(path, "seeds/t.corrections.yml", tmp_path))
    assert problems == [] and b.derived.contested and fixed.derived.contested == ()
    assert all("tom-poe" not in (r.a, r.b) for r in fixed.derived.relations)
