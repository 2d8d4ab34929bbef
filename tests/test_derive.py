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
