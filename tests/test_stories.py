"""Stories: clustering on small synthetic texts, the stories file, and the score floor on the
development stories (slow: spaCy over 169 articles)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import SHARED_EVAL

from generator.derive import derive
from generator.evaluate import NEWSCLUSTER
from generator.model import Actor, Article, Briefing
from generator.problems import ArticleError
from generator.story import build_stories
from generator.story.cluster import Item, cluster, load_params, normal_name
from generator.story.pins import parse_stories

ROOT = Path(__file__).resolve().parents[1]
EVAL = SHARED_EVAL / NEWSCLUSTER

TEXTS = {
    "quake-1": (
        "Earthquake strikes coastal town",
        "A strong earthquake struck the coastal town of Miravel on Monday, "
        "collapsing houses and cutting power. Rescue teams searched the rubble for survivors.",
        1,
    ),
    "quake-2": (
        "Rescuers search rubble after Miravel earthquake",
        "Rescue teams in Miravel pulled survivors from the "
        "rubble of collapsed houses a day after the earthquake cut power to the coastal town.",
        2,
    ),
    "quake-3": (
        "Miravel earthquake death toll rises",
        "The death toll from the Miravel earthquake rose as rescue "
        "teams reached collapsed houses in the coastal town, where power remains cut.",
        3,
    ),
    "vote-1": (
        "Parliament passes budget after long debate",
        "Lawmakers approved the budget late on Tuesday after a "
        "long debate over taxes and spending, with the finance minister defending the cuts.",
        2,
    ),
    "vote-2": (
        "Budget vote: finance minister wins narrow majority",
        "The finance minister won a narrow majority as "
        "parliament voted on the budget, ending a debate over spending cuts and taxes.",
        3,
    ),
    "cat": (
        "Cat show crowns a fluffy champion",
        "A long-haired cat named Biscuit won the annual show, judges said, praising its fluffy coat and calm temper.",
        4,
    ),
}


def briefing(aid: str, actors: tuple[str, ...] = ()) -> Briefing:
    title, text, day = TEXTS[aid]
    art = Article(aid, title, date(2020, 3, day), None, None, (), (text,), path=f"{aid}.txt")
    return Briefing(art, actors=tuple(Actor(f"a{n}", name, "person") for n, name in enumerate(actors)))


def test_synthetic_texts_cluster_into_their_stories():
    items = [Item(a, t, x, date(2020, 3, d)) for a, (t, x, d) in TEXTS.items()]
    groups = cluster(items, load_params())
    assert sorted(groups) == [["cat"], ["quake-1", "quake-2", "quake-3"], ["vote-1", "vote-2"]]


def test_dates_far_apart_lower_the_similarity():
    p = load_params()
    near = [
        Item("a", "Budget vote", "The budget vote passed the chamber narrowly", date(2020, 1, 1)),
        Item("b", "Budget vote", "The budget vote passed the chamber narrowly", date(2020, 1, 2)),
    ]
    assert len(cluster(near, p)) == 1
    far = [near[0], Item("b", "Budget vote", "The budget vote passed the chamber narrowly", date(2021, 6, 1))]
    from generator.story.cluster import similarity

    assert similarity(far, p)[0, 1] < similarity(near, p)[0, 1]


def test_stories_have_two_or_more_articles_and_stable_ids():
    bs = [briefing(a) for a in TEXTS]
    stories, problems = build_stories(bs)
    assert not problems
    assert [s.articles for s in stories] == [("quake-1", "quake-2", "quake-3"), ("vote-1", "vote-2")]
    assert stories[0].id == "earthquake-strikes-coastal-town"


def test_pin_and_split():
    bs = [briefing(a) for a in TEXTS]
    pins = parse_stories(
        "pin:\n  - title: Cats and votes\n    articles: [cat, vote-1.txt]\nsplit:\n  - [quake-1, quake-3]\n  - [quake-2]\n"
    )
    stories, problems = build_stories(bs, pins)
    assert not problems
    got = {s.title: s.articles for s in stories}
    assert got["Cats and votes"] == ("vote-1", "cat")
    assert not any({"quake-1", "quake-3"} <= set(s) for s in got.values())
    assert not any("quake-2" in s for s in got.values())
    assert all(s.pinned == (s.title == "Cats and votes") for s in stories)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("pin: [\n", 2, "malformed YAML"),
        ("pins:\n  - [a, b]\n", 1, "unknown key 'pins'"),
        ("pin:\n  - [a, b]\n", 2, "a pin is"),
        ("pin:\n  - title: x\n", 2, "needs `articles"),
        ("split:\n  - a\n", 2, "a list of article ids"),
        ("pin:\n  - articles: [a, b]\n  - articles: [b, c]\n", 3, "pinned to two stories"),
        ("- a\n", 1, "expected a mapping"),
    ],
)
def test_a_bad_stories_file_gives_one_error_with_its_line(text, line, words):
    with pytest.raises(ArticleError) as err:
        parse_stories(text, "seeds/stories.yml")
    assert err.value.line == line and words in err.value.message
    assert str(err.value).startswith(f"seeds/stories.yml:{line}: ")


def test_an_unknown_article_is_an_error_at_its_line_and_the_rest_applies():
    bs = [briefing(a) for a in TEXTS]
    pins = parse_stories("split:\n  - [quake-1, quake-2, quake-3]\n  - [nope, cat]\n", "seeds/stories.yml")
    stories, problems = build_stories(bs, pins)
    assert [str(p) for p in problems] == [
        "seeds/stories.yml:3: no article 'nope' in seeds/ (name it by its id or its seed file name)"
    ]
    assert all(len({"quake-1", "quake-2", "quake-3"} & set(s.articles)) <= 1 for s in stories)


def test_normal_name():
    assert normal_name("The Équipe’s  Club") == normal_name("equipes club")


@pytest.mark.slow
@pytest.mark.spacy
@pytest.mark.skipif(not EVAL.exists(), reason=f"needs {EVAL}")
def test_story_clustering_floor_on_the_development_stories():
    out = subprocess.run(
        [str(Path(sys.executable).parent / "briefing"), "evaluate", "stories", "--sizes", "--eval", str(SHARED_EVAL)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ},
        timeout=3600,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("params.yml"))
    f1 = float(line.split("F1 ")[1].split()[0])
    cv = float(next(x for x in out.splitlines() if x.startswith("cross-validated")).split("F1 ")[1].split()[0])
    small = [float(x.split("F1 ")[1].split()[0]) for x in out.splitlines() if x.startswith("sites of")]
    assert f1 >= 0.85 and cv >= 0.85 and len(small) == 3 and min(small) >= 0.82, out


def _seed(seeds: Path, aid: str, title: str | None = None) -> None:
    t, text, day = TEXTS[aid]
    (seeds / f"{aid}.txt").write_text(f"{title or t}\n\n{text}\n", encoding="utf-8")
    (seeds / f"{aid}.yml").write_text(f"published: 2020-03-0{day}\nsource: Gazette {aid}\n", encoding="utf-8")


@pytest.mark.spacy
def test_site_has_story_pages_links_and_json(tmp_path):
    import json

    from generator.site import generate

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for aid in TEXTS:
        _seed(seeds, aid)
    # An article whose title is markup: it reaches the story pages escaped.
    (seeds / "vote-1.txt").write_text(
        "Parliament passes <b>budget</b> [x](javascript:alert(1)) after long debate\n\n" + TEXTS["vote-1"][1] + "\n",
        encoding="utf-8",
    )
    (seeds / "stories.yml").write_text("split:\n  - [cat]\n", encoding="utf-8")
    docs = tmp_path / "docs"
    result = generate(seeds, docs, cache_dir=tmp_path / "cache")
    assert not result.failed and not result.checked.unused, [str(e) for e in result.problems]
    assert [len(s.articles) for s in result.stories] == [3, 2]
    out = docs / "briefings"
    ids = {b.article.path.split(".")[0]: b.article.id for b in result.briefings}
    index = (out / "stories" / "index.md").read_text(encoding="utf-8")
    quake = result.stories[0]
    assert f"]({quake.id}.md)" in index
    page = (out / "stories" / f"{quake.id}.md").read_text(encoding="utf-8")
    assert "## Timeline" in page and "## Cast" in page and "## Who said what" in page
    assert f"](../{ids['quake-2']}/index.md)" in page
    overview = (out / ids["quake-2"] / "index.md").read_text(encoding="utf-8")
    assert "**Story:** [" in overview and f"](../stories/{quake.id}.md)" in overview
    assert f"](../{ids['quake-1']}/index.md)" in overview  # related briefings
    assert "**Story:**" not in (out / ids["cat"] / "index.md").read_text(encoding="utf-8")
    vote = (out / "stories" / f"{result.stories[1].id}.md").read_text(encoding="utf-8")
    assert "<b>" not in vote and "&lt;b&gt;" in vote and "\\[x\\]" in vote
    data = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["stories"]] == [s.id for s in result.stories]
    assert {a["id"] for a in data["stories"][0]["articles"]} == set(quake.articles)
    # Nothing changed: nothing is rewritten.
    assert generate(seeds, docs, cache_dir=tmp_path / "cache").written == []
    # A bad stories file: one error with file and line; the build still groups the stories.
    (seeds / "stories.yml").write_text("split:\n  - [cat]\n  - [no-such-article]\n", encoding="utf-8")
    result = generate(seeds, docs, cache_dir=tmp_path / "cache")
    assert [str(p) for p in result.problems] == [
        "seeds/stories.yml:3: no article 'no-such-article' in seeds/ (name it by its id or its seed file name)"
    ]
    assert [len(s.articles) for s in result.stories] == [3, 2]


def test_cast_merges_on_exact_names_and_alias_evidence_only():
    from generator.story.merge import merge_cast

    def b(aid, *actors):
        art = Article(aid, aid, date(2020, 1, 1), None, None, (), ("x",))
        return Briefing(art, actors=actors)

    one = b("one", Actor("p1", "Jane Roe", "person", aliases=("Roe",)), Actor("o1", "The Council", "organisation"))
    two = b(
        "two", Actor("p1", "Roe", "person"), Actor("o1", "council", "organisation"), Actor("p2", "Jane Doe", "person")
    )
    three = b("three", Actor("p1", "Jane  ROE", "person"), Actor("p2", "Doe", "person"))
    cast = {c.name: sorted((bb.article.id, a.id) for bb, a in c.members) for c in merge_cast([one, two, three])}
    assert cast["Jane Roe"] == [("one", "p1"), ("three", "p1"), ("two", "p1")]  # exact name, and alias evidence
    assert cast["The Council"] == [("one", "o1"), ("two", "o1")]
    assert cast["Jane Doe"] == [("two", "p2")] and cast["Doe"] == [("three", "p2")]  # no alias evidence: apart


def test_the_same_event_from_two_sources_is_shown_once_with_both():
    from generator.model import Event, TimeValue
    from generator.render import describe_time
    from generator.story.merge import merge_timeline

    def ev(eid, text, day, para):
        tv = TimeValue(f"2016-11-0{day}", f"2016-11-0{day}", f"2016-11-0{day}", "day", "Wednesday")
        return Event(eid, text, tv, (), para)

    def b(aid, *events):
        art = Article(aid, aid, date(2016, 11, 9), aid, None, (), ("x",) * 9)
        return Briefing(art, events=events)

    one = b("one", ev("e1", "the tram derailed near Eastbrook on Wednesday morning", 9, 2), ev("e2", "talks", 8, 3))
    two = b("two", ev("e1", "a tram derailed at Eastbrook on Wednesday", 9, 4), ev("e2", "the tram derailed", 8, 5))
    timeline = merge_timeline([one, two])
    shown = [(describe_time(s.date), [(x.article.id, e.id) for x, e in s.sources]) for s in timeline]
    assert shown == [
        ("Tuesday 8 November 2016", [("one", "e2")]),
        ("Tuesday 8 November 2016", [("two", "e2")]),  # same date, other words: two events
        ("Wednesday 9 November 2016", [("one", "e1"), ("two", "e1")]),  # one event, both sources
    ]


def test_briefing_check_reads_the_stories_file(tmp_path, capsys):
    from generator.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ok.txt").write_text("T\n\nBody.", encoding="utf-8")
    (seeds / "stories.yml").write_text("split:\n  - [ok]\n  - [gone.txt]\n", encoding="utf-8")
    assert main(["check", str(seeds)]) == 1
    out, err = capsys.readouterr()
    assert (
        err == "error: seeds/stories.yml:3: no article 'gone.txt' in seeds/ (name it by its id or its seed file name)\n"
    )
    (seeds / "stories.yml").write_text("pin: {}\n", encoding="utf-8")
    assert main(["check", str(seeds)]) == 1
    assert capsys.readouterr().err == "error: seeds/stories.yml:1: `pin:` is a list of entries\n"
    (seeds / "stories.yml").write_text("split:\n  - [ok.txt]\n", encoding="utf-8")
    assert main(["check", str(seeds)]) == 0


def _fixture_story(fixture_briefing):
    """The fixture briefing and a second telling of it from another source (same events and cast)."""
    from dataclasses import replace

    from generator.story import Story

    a = fixture_briefing.article
    other = replace(
        fixture_briefing,
        article=replace(a, id="second-telling", title="A second telling <i>of</i> it", source="Other Wire", url=None),
    )
    return Story("the-story", a.title, (a.id, "second-telling")), [fixture_briefing, other]


def _digests(stories, briefings):
    from generator.story.merge import digest

    by_id = {b.article.id: b for b in briefings}
    return {s.id: digest(s, by_id) for s in stories}


def test_story_pages_match_golden(fixture_briefing, update_goldens):
    from test_render import _check_golden

    from generator.story.pages import render_stories, with_story

    story, briefings = _fixture_story(fixture_briefing)
    pages = render_stories([story], briefings, _digests([story], briefings))
    _check_golden("story/the-story.md", pages["stories/the-story.md"], update_goldens)
    _check_golden("story/index.md", pages["stories/index.md"], update_goldens)
    _check_golden("story/stories.json", pages["stories.json"], update_goldens)
    from generator.render import render_pages

    by_id = {b.article.id: b for b in briefings}
    overview = with_story(render_pages(briefings[1])["index.md"], story, briefings[1], by_id)
    # Not a golden file: the Overview's own layout is another page's business.
    line = (
        "**Story:** [Harbour strike ends after talks](../stories/the-story.md) · 2 articles · **Related:** "
        "[Harbour strike ends after talks](../harbour-strike-ends-after-talks/index.md)\n{: .briefing-story }\n\n"
    )
    assert overview.count(line) == 1 and overview.index(line) < overview.index("## ")


def test_a_story_shows_each_event_and_speaker_once_with_both_sources(fixture_briefing):
    from generator.story.merge import digest

    story, briefings = _fixture_story(fixture_briefing)
    view = digest(story, {b.article.id: b for b in briefings})
    dated = [e for e in fixture_briefing.events if e.date and e.date.value and e.date.start]
    assert len(view.timeline) == len(dated)
    assert all(len(s.sources) == 2 for s in view.timeline)
    assert all(len({b.article.id for b, _ in c.members}) == 2 for c in view.cast)
    assert len(view.cast) == len(fixture_briefing.actors)


def test_where_they_disagree_names_the_merged_cast():
    from generator.model import Mention, Quote
    from generator.story import Story
    from generator.story.pages import render_stories

    p1 = "Roe said the port is safe."
    p2 = "Doe denied Roe's claim, saying the port is <b>not</b> safe."

    def brief(aid):
        roe = Actor("roe", "Jane Roe", "person", mentions=(Mention(1, 0, 3, "Roe"), Mention(2, 11, 14, "Roe")))
        doe = Actor("doe", "John Doe", "person", mentions=(Mention(2, 0, 3, "Doe"),))
        q1 = Quote("q1", "reported", p1[9:25], "roe", "Roe", "said", 1, 9, 25)
        at = p2.index("the port")
        q2 = Quote("q2", "reported", p2[at:], "doe", "Doe", "saying", 2, at, len(p2))
        art = Article(aid, aid.title(), date(2020, 1, 1), aid.title() + " News", None, (), (p1, p2))
        return derive(Briefing(art, actors=(roe, doe), quotes=(q1, q2)))

    bs = [brief("one"), brief("two")]
    stories = [Story("s", "S", ("one", "two"))]
    pages = render_stories(stories, bs, _digests(stories, bs))
    page = pages["stories/s.md"]
    assert "## Where they disagree" in page
    assert page.count("- **John Doe** denied **Jane Roe**: the port is &lt;b&gt;not&lt;/b&gt; safe.") == 2
    assert '"disagreements": [' in pages["stories.json"] and '"by": "john-doe"' in pages["stories.json"]
