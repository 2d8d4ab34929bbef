"""Reading features without spaCy: contested statements, SVG figures, tags, the pages that gather briefings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

from generator.contested import contests
from generator.derive import cast, derive
from generator.model import Actor, Article, Briefing, Event, Mention, Quote, TimeValue
from generator.render import View, clean_tag, front_matter, render_collection, render_pages
from generator.visual import Row, actor_edges, actor_graph_svg, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"  # what both engines leave as written (see visual.py)


def _briefing(p2: str, cue: str = "said") -> Briefing:
    """Two actors: A claims something in ¶1, B answers in ¶2 (the text of ¶2 is the variable)."""
    p1 = "Officials from Alpha said there was a new threat. “The danger is growing,” said Alpha."
    paragraphs = (p1, p2)
    a_mentions = (Mention(1, 15, 20, "Alpha"), Mention(1, 81, 86, "Alpha"))
    b_mentions = (Mention(2, 4, 8, "Beta"),)
    alpha_in_p2 = p2.find("Alpha")
    if alpha_in_p2 >= 0:
        a_mentions += (Mention(2, alpha_in_p2, alpha_in_p2 + 5, "Alpha"),)
    quote_start = p2.find("“") + 1
    quote_end = p2.find("”")
    return derive(
        Briefing(
            article=Article("t", "Title", date(2024, 3, 6), None, None, (), paragraphs),
            actors=(
                Actor("alpha", "Alpha", "organisation", mentions=a_mentions),
                Actor("beta", "Beta", "organisation", mentions=b_mentions),
            ),
            quotes=(
                Quote("q1", "direct", "The danger is growing,", "alpha", "Alpha", "said", 1, 51, 73),
                Quote("q2", "partial", p2[quote_start:quote_end], "beta", "Beta", cue, 2, quote_start, quote_end),
            ),
        )
    )


def test_a_contradiction_of_another_actor_is_contested():
    b = _briefing("The Beta agency contradicted Alpha, saying its claims were “not supported by any evidence”.")
    found = contests(b)
    assert len(found) == 1
    c = found[0]
    assert (c.by, c.target, c.verb) == ("beta", "alpha", "contradicted")
    assert [q.id for q in c.claims] == ["q1"]
    page = render_pages(b)["quotes.md"]
    assert '!!! question "Contested: Beta contradicted Alpha"' in page
    assert "[¶1](source.md#p1)" in page and "[¶2](source.md#p2)" in page


def test_denials_and_disputes_count_but_agreement_and_unnamed_targets_do_not():
    assert contests(_briefing("The Beta agency denied Alpha's account, calling it “a fabrication from start to end”."))
    # Same sentence shape, no contradiction verb.
    assert (
        contests(_briefing("The Beta agency supported Alpha, saying its claims were “well founded and urgent”.")) == []
    )
    # A contradiction verb whose object is not an actor with statements of their own.
    assert (
        contests(
            _briefing("The Beta agency rejected the report entirely, calling it “a fabrication from start to end”.")
        )
        == []
    )


def test_contested_needs_the_target_to_have_spoken_first():
    b = _briefing("The Beta agency contradicted Alpha, saying its claims were “not supported by any evidence”.")
    alpha_silent = replace(b, quotes=b.quotes[1:])
    assert contests(alpha_silent) == []


def test_timeline_svg_is_well_formed_escaped_and_titled():
    rows = [
        Row("Tuesday 5 March 2024", (("Troops <script>alert(1)</script> & tanks moved " + "x" * 100, "../source/#p3"),))
    ]
    svg = timeline_svg(rows, 'Timeline of "A & B"')
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "\n\n" not in svg  # one raw HTML block for Markdown
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}svg/{SVG}title").text == 'Timeline of "A & B"'
    link = root.find(f".//{SVG}a")
    assert link.get(XLINK_HREF) == "../source/#p3"
    assert link.find(f"{SVG}title").text.startswith("Troops <script>")  # the full text, as data
    assert link.find(f"{SVG}text").text.endswith("…")  # shortened on the picture
    assert timeline_svg([], "empty") == ""


def test_actor_graph_draws_quotes_contradictions_and_links_each_actor():
    b = _briefing("The Beta agency contradicted Alpha, saying its claims were “not supported by any evidence”.")
    edges = actor_edges(b.derived.relations)
    assert ("beta", "alpha", "contradicts") in {(e.a, e.b, e.kind) for e in edges}
    svg = actor_graph_svg(list(b.actors), edges, "Actors & links")
    root = ET.fromstring(svg)
    hrefs = {a.get(XLINK_HREF) for a in root.iter(f"{SVG}a")}
    assert hrefs == {"#alpha", "#beta"}
    assert root.findall(f".//{SVG}line[@class='ag-edge ag-contradicts']")
    assert actor_graph_svg(list(b.actors[:1]), edges, "one actor") == ""


def test_tags_are_words_only_and_valid_front_matter():
    assert clean_tag("Mayor <script>alert('x')</script>") == "Mayor script alert 'x' script"
    fm = front_matter(["Iran", "Iran", 'A "quoted" tag', "{: onclick }"])
    assert fm.startswith("---\ntags:\n") and fm.endswith("---\n\n")
    import yaml

    assert yaml.safe_load(fm.split("---")[1])["tags"] == ["Iran", "A quoted tag", "onclick"]
    assert front_matter([]) == ""


def test_quote_is_dated_by_its_speech_clause_only():
    b = _briefing("The Beta agency contradicted Alpha, saying its claims were “not supported by any evidence”.")
    said = Event(
        "e1",
        "Beta agency contradicted Alpha, saying",
        TimeValue("2024-03-05", "2024-03-05", "2024-03-05", "day", "on Tuesday"),
        ("beta",),
        2,
        4,
        80,
    )
    other = Event(
        "e2", "the claims were made", TimeValue("2023", "2023-01-01", "2023-12-31", "year", "last year"), (), 2, 4, 60
    )
    view = View(derive(replace(b, events=(other,))))
    assert view.quote_when(b.quotes[1]) == "reported Wednesday 6 March 2024"
    b2 = replace(b, quotes=(b.quotes[0], replace(b.quotes[1], cue="saying")), events=(said,))
    assert View(derive(b2)).quote_when(b2.quotes[1]) == "said Tuesday 5 March 2024"


def test_collection_pages_merge_actors_and_events_across_briefings(fixture_briefing):
    other = replace(
        fixture_briefing,
        article=replace(fixture_briefing.article, id="second", title="Second story", published=date(2021, 3, 12)),
    )
    pages = render_collection([fixture_briefing, other], cast([fixture_briefing, other]))
    actors = pages["all-actors.md"]
    # Jane Doe appears once, with both briefings listed under her.
    assert actors.count("### Jane Doe { #jane-doe }") == 1
    jane = actors.split("### Jane Doe")[1].split("###")[0]
    assert "(second/actors.md#jane-doe)" in jane and f"({fixture_briefing.article.id}/actors.md#jane-doe)" in jane
    timeline = pages["all-timeline.md"]
    headings = re.findall(r"^## (.+)$", timeline, flags=re.M)
    assert headings == sorted(set(headings), key=headings.index)  # each date once
    assert timeline.index("late 2020") < timeline.index("Tuesday 9 March 2021")
    assert "(second/source.md#p1)" in timeline
    assert "<!-- material/tags -->" in pages["tags.md"]


def test_a_contradiction_verb_inside_the_quoted_words_is_not_a_contest():
    # Alpha is named right after the verb, but the verb is part of what Beta said.
    b = _briefing("The Beta agency answered, saying: “Nobody contradicted Alpha about the threat at all”.")
    assert contests(b) == []


def test_overview_title_in_front_matter_is_html_escaped():
    import yaml

    fm = front_matter([], title="Mayor <script>alert('x')</script> & co")
    assert yaml.safe_load(fm.split("---")[1]) == {"title": "Mayor &lt;script&gt;alert('x')&lt;/script&gt; &amp; co"}


def test_source_marks_quotes_with_their_speaker_and_links_mentions(fixture_briefing):
    page = render_pages(fixture_briefing)["source.md"]
    p2 = next(line for line in page.splitlines() if line.startswith("**[¶2]"))
    assert '<mark class="briefing-quote briefing-direct" id="q1" data-quote="q1"' in p2
    assert '<span class="briefing-who">[Jane Doe](actors.md#jane-doe)' in p2
    assert "[Jane Doe](actors.md#jane-doe) head" not in p2
    assert p2.count("<mark ") == p2.count("</mark>") == 2
    p3 = next(line for line in page.splitlines() if line.startswith("**[¶3]"))
    assert "<script>" not in p3 and "&lt;script&gt;" in p3 and "\\[millions\\]" in p3
    assert '<span class="briefing-who">speaker unknown' in p3 or "q4" in p3


def test_source_marks_nest_and_cut_crossing_quotes(fixture_briefing):
    from generator.model import Quote

    text = fixture_briefing.article.paragraphs[1]
    crossing = Quote("q8", "reported", text[10:60], "jane-doe", "she", "said", 2, 10, 60)
    b = replace(fixture_briefing, quotes=(*fixture_briefing.quotes, crossing))
    line = next(x for x in render_pages(b)["source.md"].splitlines() if x.startswith("**[¶2]"))
    assert line.count("<mark ") == line.count("</mark>") == 3
    # Well-formed: every mark closes after the ones opened inside it.
    depth = 0
    for tag in re.findall(r"</?mark", line):
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    assert depth == 0


def test_what_happened_is_the_articles_own_sentences_without_captions_or_quotes_alone():
    paragraphs = (
        "In this file photo, the mayor poses for photographers at the town hall in Portville on Monday.",
        "Dock workers in Portville ended a two-week strike on Tuesday after the Harbour Authority agreed to a new"
        " contract. “It is over and we are glad to be back at work,” said Jane Doe.",
        "The deal raises pay by four percent over the next three years for every docker in the port.",
    )
    b = Briefing(
        article=Article("t", "Strike ends", date(2024, 3, 6), None, None, (), paragraphs),
        events=(Event("e1", "Dock workers in Portville ended a two-week strike on Tuesday", None, (), 2, 0, 60),),
    )
    from generator.render import View

    b = derive(b)
    summary = View(b).summary
    assert [n for _, n in summary] == [2, 3]
    assert summary[0][0].startswith("Dock workers") and summary[0][0].endswith("new contract.")
    assert all(text in paragraphs[n - 1] for text, n in summary)
    page = render_pages(b)["index.md"]
    assert "## What happened\n\nDock workers in Portville" in page and "[¶2](source.md#p2)" in page


def test_map_draws_every_country_and_city_it_knows_and_lists_the_rest():
    from generator.visual import locate, map_svg

    actors = [
        Actor("iraq", "Iraq", "country", mentions=(Mention(1, 0, 4, "Iraq"),)),
        Actor("basra", "Basra", "place", mentions=(Mention(1, 5, 10, "Basra"),)),
        Actor("gulf", "Gulf", "place", mentions=(Mention(1, 11, 15, "Gulf"),)),
        Actor("x", "Evil <script>", "place", aliases=("Baghdad",), mentions=(Mention(1, 0, 1, "x"),)),
        Actor("jane", "Jane Doe", "person", mentions=(Mention(1, 0, 1, "x"),)),
    ]
    spots, missing = locate(actors)
    assert [(s.actor.id, s.kind, s.code) for s in spots] == [("iraq", "country", "IQ"), ("basra", "city", "IQ"),
                                                           ("x", "city", "IQ")]  # fmt: skip
    assert [a.id for a in missing] == ["gulf"]
    svg = map_svg(spots, "Places & <more>")
    assert "<script>" not in svg and "Evil &lt;script&gt;" in svg and "\n\n" not in svg
    root = ET.fromstring(svg)
    assert {a.get(XLINK_HREF) for a in root.iter(f"{SVG}a")} == {"#iraq", "#basra", "#x"}
    assert root.find(f"{SVG}svg/{SVG}title").text == "Places & <more>"
    assert map_svg([], "none") == ""


def test_gathered_lists_go_on_over_pages_with_links_that_still_resolve(fixture_briefing, monkeypatch):
    """Past PAGE_SIZE entries the gathered Actors and Timeline go on in <name>/2.md …: each page
    links to the others, and its links to briefings climb out of the extra folder."""
    import generator.render as render

    monkeypatch.setattr(render, "PAGE_SIZE", 2)
    other = replace(
        fixture_briefing,
        article=replace(fixture_briefing.article, id="second", title="Second story", published=date(2021, 3, 12)),
    )
    pages = render_collection([fixture_briefing, other], cast([fixture_briefing, other]))
    actor_pages = sorted(k for k in pages if k.startswith("all-actors"))
    assert actor_pages[0] == "all-actors.md" and "all-actors/2.md" in actor_pages
    assert "Pages: **1** · [2](all-actors/2.md)" in pages["all-actors.md"]
    second = pages["all-actors/2.md"]
    assert "[1](../all-actors.md)" in second and "**2**" in second
    assert "](../second/actors.md#" in second and "](second/actors.md#" not in second
    assert "](../" not in pages["all-actors.md"]
    timeline_pages = [k for k in pages if k.startswith("all-timeline")]
    assert "all-timeline/2.md" in timeline_pages
    assert "/source.md#p" in pages["all-timeline/2.md"] and "](../" in pages["all-timeline/2.md"]


def test_described_actors_are_not_gathered(fixture_briefing):
    from generator.model import Actor

    described = Actor(id="an-analyst", name="an analyst", type="person", notes=("unnamed: described",), described=True)
    b = replace(fixture_briefing, actors=(*fixture_briefing.actors, described))
    assert "### an analyst" not in render_collection([b], cast([b]))["all-actors.md"]


def test_the_gathered_graph_links_only_to_actors_on_its_page(fixture_briefing, monkeypatch):
    import generator.render as render

    monkeypatch.setattr(render, "PAGE_SIZE", 2)
    pages = render_collection([fixture_briefing], cast([fixture_briefing]))
    first = pages["all-actors.md"]
    anchors = set(re.findall(r"\{ #([\w-]+) \}", first))
    linked = set(re.findall(r'xlink:href="#([\w-]+)"', first))
    assert linked and linked <= anchors


def test_an_actor_in_many_briefings_lists_the_newest_and_counts_the_rest(fixture_briefing, monkeypatch):
    import generator.render as render

    monkeypatch.setattr(render, "BRIEFINGS_PER_ACTOR", 1)
    other = replace(
        fixture_briefing,
        article=replace(fixture_briefing.article, id="second", title="Second story", published=date(2031, 3, 12)),
    )
    jane = (
        render_collection([fixture_briefing, other], cast([fixture_briefing, other]))["all-actors.md"]
        .split("### Jane Doe")[1]
        .split("###")[0]
    )
    assert "(second/actors.md#jane-doe)" in jane  # the newest
    assert f"({fixture_briefing.article.id}/actors.md" not in jane
    assert "and 1 earlier briefing (2 in all)" in jane
