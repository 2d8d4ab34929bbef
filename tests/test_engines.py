"""The second engine: the same docs/ builds with MkDocs and with Zensical, into the same site."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_build import BIN, ROOT, make_project, run

from generator.engines import index_search, indexed_pages, searched_pages, zensical_config
from generator.evaluate.parity import broken_links, compare

SEED = "000_826671d92ab4721b"


def test_zensical_reads_mkdocs_yml_with_its_own_overrides(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "themes" / "zensical").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\n  custom_dir: themes\n")
    text = zensical_config(tmp_path / "mkdocs.yml", tmp_path / "out")
    assert "INHERIT: mkdocs.yml" in text and 'site_dir: "out"' in text
    assert str(tmp_path / "themes" / "zensical") in text and "variant: classic" in text
    (tmp_path / "themes" / "zensical").rmdir()  # no Zensical overrides: none (Material's do not fit)
    assert "custom_dir: null" in zensical_config(tmp_path / "mkdocs.yml")


def test_search_index_reads_only_the_body_less_figures_and_decorations(tmp_path):
    """engines.index_search: Pagefind reads what a page marks as its body (the overrides' main.html),
    leaves out what is marked data-pagefind-ignore (figures) and engines.SEARCH_EXCLUDE, and skips a
    page with no body (the 404 page); a second run leaves no fragment of the first behind."""
    page = (
        '<html lang="en"><body><nav>Sidebar link</nav><article><div data-pagefind-body>'
        '<h1>Harbour talks<a class="headerlink" href="#h">¶</a></h1>'
        '<p class="briefing-localnav">Overview · Actors · All briefings</p>'
        "<p>Dock workers met the mayor, Jane Roe.</p>"
        '<div class="briefing-figure" data-pagefind-ignore=""><p>Jane Roe (person, 2 mentions)</p>'
        "<svg><title>Eastbrook (city)</title></svg></div>"
        "</div></article><footer>Made with care</footer></body></html>"
    )
    (tmp_path / "briefings" / "talks").mkdir(parents=True)
    (tmp_path / "briefings" / "talks" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "404.html").write_text('<html lang="en"><body><h1>404 - Not found</h1></body></html>')
    stale = tmp_path / "pagefind" / "fragment" / "en_stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"")
    index_search(tmp_path)
    [record] = indexed_pages(tmp_path)
    assert record["url"] == "/briefings/talks/" and record["meta"]["title"] == "Harbour talks"
    assert "Dock workers met the mayor, Jane Roe." in record["content"]
    for left_out in ("mentions", "Eastbrook", "¶", "All briefings", "Sidebar", "Made with"):
        assert left_out not in record["content"], left_out
    assert not stale.exists()


def test_search_index_is_given_only_the_pages_that_mark_a_body(tmp_path):
    """Pagefind indexes only the pages that mark a body once one does: engines.index_search gives it
    only those (the others it would read only to skip them), and the index is the one of the whole
    site; with no page marked, every page is read (Pagefind's rule)."""
    body = '<html lang="en"><body><div data-pagefind-body><h1>{}</h1><p>{}</p></div></body></html>'
    bare = '<html lang="en"><body><h1>{}</h1><p>{}</p></body></html>'
    for path, template, words in (
        ("index.html", body, "Home of the Eastbrook briefings"),
        ("briefings/talks/index.html", body, "Dock workers met the mayor, Jane Roe."),
        ("briefings/talks/actors/index.html", bare, "Jane Roe, mayor of Eastbrook."),
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(template.format(words.split()[0], words), encoding="utf-8")
    assert searched_pages(tmp_path) == [tmp_path / "briefings/talks/index.html", tmp_path / "index.html"]
    index_search(tmp_path)
    assert sorted(r["url"] for r in indexed_pages(tmp_path)) == ["/", "/briefings/talks/"]
    assert not list(tmp_path.parent.glob(f".{tmp_path.name}.search-*"))  # the pages given were linked, and removed
    assert (tmp_path / "briefings/talks/actors/index.html").is_file()
    for page in ("index.html", "briefings/talks/index.html"):
        text = (tmp_path / page).read_text(encoding="utf-8").replace(" data-pagefind-body", "")
        (tmp_path / page).write_text(text, encoding="utf-8")
    assert searched_pages(tmp_path) is None
    index_search(tmp_path)
    assert len(indexed_pages(tmp_path)) == 3


def test_both_engines_have_the_same_search_partial():
    """Each engine reads only its own overrides folder: the Pagefind partial is kept in both, equal."""
    material, zensical = ROOT / "overrides" / "partials", ROOT / "overrides" / "zensical" / "partials"
    assert (material / "pagefind.html").read_text(encoding="utf-8") == (zensical / "pagefind.html").read_text(
        encoding="utf-8"
    )
    for header in (material / "header.html", zensical / "header.html"):
        text = header.read_text(encoding="utf-8")
        assert '{% include "partials/pagefind.html" %}' in text and "partials/search.html" not in text


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory) -> tuple[Path, Path, Path]:
    project = make_project(
        tmp_path_factory.mktemp("engines"),
        {
            f"{SEED}.txt": (ROOT / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8"),
            f"{SEED}.yml": (ROOT / "seeds" / f"{SEED}.yml").read_text(encoding="utf-8"),
            "council.txt": "Council approves budget\n\nThe council approved the budget on Monday, "
            '"a good day for the town," the mayor, Jane Roe, said.\n',
            "council.yml": "published: 2022-06-08\nsource: Eastbrook Gazette\n",
        },
    )
    for engine in ("mkdocs", "zensical"):
        proc = run(
            [str(BIN / "briefing"), "build", "--strict", "--engine", engine, "-d", str(project / engine)], project
        )
        assert proc.returncode == 0, proc.stderr
        assert f"with {engine}" in proc.stdout
    return project, project / "mkdocs", project / "zensical"


@pytest.mark.slow
@pytest.mark.spacy
def test_both_engines_give_the_same_pages_links_and_text(two_sites):
    project, mk, zen = two_sites
    parity = compare(mk, zen)
    assert parity.pages == 18  # home, briefings, stories, 3 gathered pages, schema, 404, 2 × 5 per briefing
    assert parity.missing == [] and parity.broken == []
    assert parity.text == {} and parity.links == {}
    assert not list(project.glob(".briefing-zensical*"))  # the derived configuration is removed


@pytest.mark.slow
@pytest.mark.spacy
def test_zensical_site_has_the_downloads_search_and_navigation(two_sites):
    _, mk, zen = two_sites
    for site in (mk, zen):
        folder = site / "briefings" / "council-approves-budget"
        data = json.loads((folder / "briefing.json").read_text(encoding="utf-8"))
        assert data["article"]["title"] == "Council approves budget"
        assert (folder / "timeline.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
        assert "events" in json.loads((folder / "timeline.json").read_text(encoding="utf-8"))
        page = (folder / "index.html").read_text(encoding="utf-8")
        assert 'class="briefing-localnav"' in page or "briefing-localnav" in page  # the briefing's own nav
        home = (site / "index.html").read_text(encoding="utf-8")
        assert "council-approves-budget/" in home  # the newest briefings, included from briefings/.home.md
    for site in (mk, zen):
        assert any("Jane Roe" in page["content"] for page in indexed_pages(site))  # Pagefind's index
    assert not list(zen.rglob(".home*")) and not list(mk.rglob(".home*"))
    assert broken_links(zen) == []


@pytest.mark.slow
@pytest.mark.spacy
def test_figures_and_decorations_stay_out_of_the_search_index(two_sites):
    """The figures' labels repeat the page and their hover text ('(person, 2 mentions)') is no
    content; the permalink marks and each briefing page's line of links are decoration: Pagefind
    indexes none of them (data-pagefind-ignore, engines.SEARCH_EXCLUDE), on either engine's site."""
    _, mk, zen = two_sites
    assert "mentions)" in (mk / "briefings" / "all-actors" / "index.html").read_text(encoding="utf-8")
    for site in (mk, zen):
        pages = {page["url"]: page["content"] for page in indexed_pages(site)}
        assert "/briefings/council-approves-budget/source/" in pages
        for unsearched in ("actors", "quotes", "timeline"):  # render.UNSEARCHED: their words are in the Source
            assert f"/briefings/council-approves-budget/{unsearched}/" not in pages, (site.name, unsearched)
        for url, content in pages.items():
            assert "mentions)" not in content, (site.name, url)
            assert "¶." not in content, (site.name, url)  # a heading's permalink mark would end it
            assert "All briefings" not in content, (site.name, url)  # the briefing's own line of links


@pytest.mark.slow
@pytest.mark.spacy
def test_search_index_is_pagefinds_in_parts_and_the_themes_is_off(two_sites):
    """Only article pages are indexed (not the 404 page), each in its own fragment, and neither
    theme writes or links its own one-file index (issue 15)."""
    _, mk, zen = two_sites
    for site in (mk, zen):
        bundle = site / "pagefind"
        assert (bundle / "pagefind-component-ui.js").is_file() and list((bundle / "index").glob("*.pf_index"))
        urls = {page["url"] for page in indexed_pages(site)}
        # The pages less 404 and each briefing's Actors, Quotes and Timeline pages (render.UNSEARCHED).
        assert len(urls) == len(list((bundle / "fragment").glob("*.pf_fragment"))) == 11
        assert "/404.html" not in urls and "/" in urls
        assert not (site / "search" / "search_index.json").exists()
        home = (site / "index.html").read_text(encoding="utf-8")
        assert "<pagefind-modal-trigger" in home and "search_index.json" not in home
    search = zen / "search.json"  # Zensical still writes an empty one, which no page asks for
    assert not search.exists() or "Jane Roe" not in search.read_text(encoding="utf-8")


class _Listing(SimpleNamespace):
    def __iter__(self):
        return iter(())  # no nested listing


def test_the_tags_listing_lists_each_tags_pages_without_indentation():
    """overrides/fragments/tags/default/listing.html (Material's, on one line): the tag's heading, then
    every page's link and title as in Material's own, with no whitespace between the elements (the
    Tags page lists thousands of them)."""
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(ROOT / "overrides")))
    env.filters["url"] = lambda value: value
    item = SimpleNamespace(url="../harbour-talks/", title="Harbour talks in Eastbrook")
    listing = _Listing(content="## Jane Roe", mappings=[SimpleNamespace(item=item)] * 2)
    html = env.get_template("fragments/tags/default/listing.html").render(listing=listing)
    link = '<li><a href="../harbour-talks/">Harbour talks in Eastbrook</a></li>'
    assert [line.strip() for line in html.strip().splitlines()] == ["## Jane Roe", f"<ul>{link}{link}</ul>"]
