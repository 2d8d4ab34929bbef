"""The built seed site in a real browser: Debian's Chromium driven by Playwright.

The site is built once into a tmp folder and served on 127.0.0.1 by a
thread-based http.server. Every request that would leave localhost is
blocked and counted as a failure. Screenshots go to tests/screenshots/tmp/
(ignored by git; a few chosen ones are committed beside it for the README).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_build import BIN, ROOT, make_project, run

pytestmark = [pytest.mark.slow, pytest.mark.spacy]

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = Path(os.environ.get("BRIEFING_SCREENSHOTS", ROOT / "tests" / "screenshots" / "tmp"))
SEED = "000_826671d92ab4721b"
SLUG = "us-evacuates-diplomatic-staff-from-iraq"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
# One of each page type: name -> path under the site root.
PAGES = {
    "home": "",
    "briefings": "briefings/",
    "overview": f"briefings/{SLUG}/",
    "actors": f"briefings/{SLUG}/actors/",
    "timeline": f"briefings/{SLUG}/timeline/",
    "quotes": f"briefings/{SLUG}/quotes/",
    "source": f"briefings/{SLUG}/source/",
    "all-actors": "briefings/all-actors/",
    "all-timeline": "briefings/all-timeline/",
    "tags": "briefings/tags/",
    "schema": "schema/",
}

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is a test extra (pip install -e .[test])"
)
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (scripts/test installs it)", allow_module_level=True)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def engine(request) -> str:
    """Every browser test runs on the site of each engine (`briefing build --engine ...`)."""
    return request.param


@pytest.fixture(scope="module")
def site(tmp_path_factory, engine) -> Path:
    tmp = tmp_path_factory.mktemp(f"browser-{engine}")
    project = make_project(tmp, {
        f"{SEED}.txt": (ROOT / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8"),
        f"{SEED}.yml": (ROOT / "seeds" / f"{SEED}.yml").read_text(encoding="utf-8"),
    })  # fmt: skip
    proc = run([str(BIN / "briefing"), "build", "--strict", "--engine", engine], project)
    assert proc.returncode == 0, proc.stderr
    return project / "site"


@pytest.fixture(scope="module")
def base_url(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


class Watch:
    """A page that records console errors, page errors and non-local requests."""

    def __init__(self, browser, base: str, **context):
        self.ctx = browser.new_context(**context)
        self.page = self.ctx.new_page()
        self.base = base
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def goto(self, path: str):
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def close(self):
        self.ctx.close()


@pytest.fixture
def watch(browser, base_url):
    w = Watch(browser, base_url, viewport={"width": 1280, "height": 900})
    yield w
    w.close()


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect();"
        " return r.height > 0 && r.top >= 0 && r.top < window.innerHeight; }",
    )


def test_every_page_type_loads_with_no_error_and_nothing_from_another_host(watch, shots):
    for name, path in PAGES.items():
        page = watch.goto(path)
        page.wait_for_timeout(300)  # let Material's scripts start (search worker, palette)
        assert page.locator("article h1").count() == 1, f"{name}: no single h1"
        assert watch.errors == [], f"{name}: {watch.errors}"
        assert watch.outside == [], f"{name}: requests leaving localhost: {watch.outside}"
        page.screenshot(path=str(shots / f"{name}.png"), full_page=name in ("overview", "quotes", "all-timeline"))


def _search_terms(site: Path) -> dict[str, tuple[str, str]]:
    """What a reader would type, from the seed's own briefing: kind -> (query, page expected in the results)."""
    data = json.loads((site / "briefings" / SLUG / "briefing.json").read_text(encoding="utf-8"))
    by_mentions = sorted(data["actors"], key=lambda a: -len(a["mentions"]))
    person = next(a["name"] for a in by_mentions if a["type"] == "person")
    place = next(a["name"] for a in by_mentions if a["type"] in ("place", "country") and " " not in a["name"])
    direct = next(q["text"] for q in data["quotes"] if q["kind"] == "direct")
    word = max(re.findall(r"[A-Za-z]{6,}", direct), key=len)
    # The Actors, Quotes and Timeline pages are not indexed (render.UNSEARCHED): the Source has their words.
    return {
        "actor": (person, f"{SLUG}/source/"),
        "place": (place, f"{SLUG}/source/"),
        "quote": (word, f"{SLUG}/source/"),
    }


def open_search(page, key: str):
    """Open the site's search (Pagefind's dialog, the same on both engines) with a shortcut key;
    return its search box."""
    page.locator("pagefind-modal-trigger button").wait_for()  # the component is ready
    page.keyboard.press(key)
    dialog = page.get_by_role("dialog", name="search")
    box = dialog.get_by_role("searchbox", name="Search this site")
    box.wait_for(state="visible")
    return box


def wait_for_results(page) -> None:
    """Until the results of the whole query typed are on screen: the summary names the query in the
    box (a search of a prefix typed earlier may still be showing), and the first result is filled."""
    page.wait_for_function(
        """() => {
            const box = document.querySelector("pagefind-modal input[type=search]");
            const summary = document.querySelector("pagefind-summary");
            const link = document.querySelector("pagefind-results .pf-result-link");
            return box && summary && link && box.value && summary.textContent.includes(box.value)
                && link.textContent.trim() !== "";
        }""",
        timeout=15000,
    )


@pytest.mark.parametrize("kind", ["actor", "place", "quote"])
def test_search_finds_seed_actors_places_and_quotes(watch, site, shots, engine, kind):
    query, expected = _search_terms(site)[kind]
    page = watch.goto("")
    box = open_search(page, "s" if engine == "mkdocs" else "/")  # both keys open it, on both engines
    box.press_sequentially(query, delay=20)  # Pagefind reacts to input events, not to a value set
    results = page.locator("pagefind-results .pf-result")
    wait_for_results(page)
    text = " ".join(results.all_inner_texts())
    assert query.split()[-1].lower() in text.lower(), text
    # The results on screen fill in one by one (each loads its fragment): wait for the expected one.
    try:
        page.wait_for_function(
            "exp => [...document.querySelectorAll('pagefind-results a')].some(a => a.href.includes(exp))",
            arg=expected,
            timeout=15000,
        )
    except playwright_api.TimeoutError:
        pass
    hrefs = " ".join(page.locator("pagefind-results a").evaluate_all("els => els.map(e => e.href)"))
    assert expected in hrefs, f"{query!r}: {expected} not in the results"
    if kind == "actor":
        page.screenshot(path=str(shots / "search.png"))
    assert watch.errors == [] and watch.outside == []


def test_search_index_loads_in_small_parts_only_when_searching(watch, site):
    """Issue 15: no part of the index comes with the page; once the page is idle, Pagefind's script
    and WebAssembly load (so that the first query waits only for its part of the index); the first
    query fetches the part of the index it needs and the fragments of the results it shows, each
    small, never every fragment, and never a theme's one-file index. The list stops at the best 50,
    and says so only past them."""
    fragments = list((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    # One fragment per indexed page (a briefing's Overview and Source, the pages across briefings):
    # enough for 'never every fragment' below to mean something.
    assert len(fragments) >= 5 and list((site / "pagefind" / "index").glob("*.pf_index"))
    requests = []
    watch.page.on("requestfinished", lambda r: requests.append(r))
    page = watch.goto("")
    page.wait_for_load_state("networkidle")
    # Once the page is idle (however long a loaded machine takes to get there), Pagefind loads.
    for _ in range(300):
        if [r for r in requests if "/wasm." in r.url and r.url.endswith(".pagefind")]:
            break
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    before = [r.url for r in requests]
    assert [u for u in before if "/pagefind/pagefind.js" in u], "Pagefind not loaded once the page was idle"
    assert [u for u in before if u.endswith(".pagefind") and "/wasm." in u], before
    assert not [u for u in before if u.endswith((".pf_index", ".pf_fragment"))], "index fetched before a search"
    assert not [u for u in before if "search_index.json" in u or u.endswith("/search.json")]
    assert page.locator("pagefind-results").get_attribute("max-results") == "50"
    box = open_search(page, "/")
    box.press_sequentially(_search_terms(site)["quote"][0], delay=20)
    wait_for_results(page)
    page.wait_for_load_state("networkidle")
    assert page.locator(".briefing-search-more").is_hidden()
    fetched = [(r.url, r.sizes()["responseBodySize"]) for r in requests]
    parts = [(u, n) for u, n in fetched if "/pagefind/" in u]
    assert [u for u, _ in parts if u.endswith(".pf_index")], parts
    loaded = [u for u, _ in parts if u.endswith(".pf_fragment")]
    assert 0 < len(loaded) < len(fragments), f"{len(loaded)} of {len(fragments)} fragments"
    big = [(u, n) for u, n in fetched if n > 1_000_000]
    assert big == [], f"over 1 MB on the first query: {big}"
    assert not [u for u in fetched if "search_index.json" in u[0] or u[0].endswith("/search.json")]
    assert watch.errors == [] and watch.outside == []


def test_search_does_not_find_text_inside_figures(watch, site):
    """The actor graph's hover text ('Name (person, 3 mentions)') is in the page but not in the index:
    no result of a search for its words carries it (data-pagefind-ignore on every figure)."""
    page = watch.goto(PAGES["all-actors"])
    hover = page.locator("article .briefing-graph-figure a > title").all_text_contents()
    assert hover and all("mentions)" in t for t in hover), hover
    box = open_search(page, "/")
    box.press_sequentially("mentions", delay=20)
    wait_for_results(page)
    # Every result's whole indexed text, through Pagefind's own API in the page.
    contents = page.evaluate(
        """async () => {
            const pagefind = await import(new URL("../../pagefind/pagefind.js", location.href).href);
            const search = await pagefind.search("mentions");
            return Promise.all(search.results.map(async r => (await r.data()).content));
        }"""
    )
    assert contents, "no page found for 'mentions'"
    found = [t for t in hover if any(t in c for c in contents)]
    assert found == [], f"figure text in the index: {found[:3]}"
    assert not any("mentions)" in c for c in contents)
    assert watch.errors == [] and watch.outside == []


@pytest.mark.parametrize(
    ("page_name", "links_in"),
    [("quotes", "article"), ("timeline", "article"), ("actors", "article"), ("timeline", "article svg"),
     ("all-timeline", "article svg")],
)  # fmt: skip
def test_paragraph_links_land_on_the_paragraph(watch, page_name, links_in):
    """Quote and event links land on their own span (a mark, an anchor) inside a paragraph of the Source page."""
    page = watch.goto(PAGES[page_name])
    links = page.locator(f"{links_in} a[*|href*='source/#']")  # the figures' links are xlink:href
    assert links.count() > 0, f"{page_name}: no links to the Source page"
    # The last link: its target is far down the Source page, so landing on it means scrolling there.
    link = links.last
    want = urlsplit(link.get_attribute("href") or link.get_attribute("xlink:href")).fragment
    link.click()
    page.wait_for_url(f"**/source/#{want}")  # the SVG timeline's links are hand-made URLs: same check
    page.wait_for_timeout(300)
    target = page.evaluate("() => document.querySelector(':target') && document.querySelector(':target').id")
    assert target == want
    tag, paragraph = page.locator(f"#{want}").evaluate("el => [el.tagName, el.closest('p') && el.closest('p').id]")
    assert tag in ("P", "MARK", "SPAN") and paragraph and paragraph.startswith("p")
    top = page.locator(f"#{want}").evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 900, f"#{want} is not in the viewport ({top})"


def test_contested_statement_shows_both_sides_with_their_sources(watch):
    page = watch.goto(PAGES["overview"])
    box = page.locator("article .admonition.question").first
    assert box.is_visible()
    assert "contradicted" in box.locator(".admonition-title").inner_text()
    cells = box.locator("table td")
    assert cells.count() == 2
    left, right = (cells.nth(i).bounding_box() for i in range(2))
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"] - 2  # side by side
    sources = box.locator("a[href*='source/#p']").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(set(sources)) == 2, sources


def test_dark_mode(watch, shots):
    page = watch.goto(PAGES["overview"])
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in bg[bg.index("(") + 1 : bg.index(")")].split(",")[:3]]
    assert sum(channels) < 3 * 90, f"slate background is not dark: {bg}"
    page.screenshot(path=str(shots / "overview-dark.png"), full_page=True)
    # The choice is remembered on the next page.
    page = watch.goto(PAGES["timeline"])
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.screenshot(path=str(shots / "timeline-dark.png"))
    assert watch.errors == []


def test_phone_width_has_no_horizontal_scroll(browser, base_url, shots):
    w = Watch(
        browser, base_url, viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    try:
        for name, path in PAGES.items():
            page = w.goto(path)
            page.wait_for_timeout(200)
            wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert wide <= 1, f"{name}: {wide}px of horizontal scroll at 375px"
            if name in ("overview", "timeline", "actors"):
                page.screenshot(path=str(shots / f"phone-{name}.png"))
        assert w.errors == [] and w.outside == []
    finally:
        w.close()


def test_print_hides_navigation(watch):
    page = watch.goto(PAGES["overview"])
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("article h1").is_visible()


def _reading():
    """bench/reading.py: the same measurements, printed as figures (issue 17)."""
    spec = importlib.util.spec_from_file_location("reading", ROOT / "bench" / "reading.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: scripts/test runs npm ci in .cache/node")
@pytest.mark.parametrize("width", [1280, 375])
def test_accessibility_axe_finds_nothing_at_any_level(browser, base_url, shots, width):
    """Every page type, light and dark: no axe violation of any impact, in our content or Material's."""
    reading = _reading()
    w = Watch(browser, base_url, **reading.WIDTHS[width])
    report, found = {}, []
    try:
        for scheme in ("default", "slate"):
            for name, path in PAGES.items():
                page = w.goto(path)
                reading.set_scheme(page, scheme)
                violations = reading.axe_findings(page)
                report[f"{name}-{scheme}"] = violations
                found += [
                    f"{name} {scheme}: {v['id']} ({v['impact']}) {[n['html'] for n in v['nodes']][:2]}"
                    for v in violations
                ]
    finally:
        w.close()
    (shots / f"axe-report-{width}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(("width", "most"), [(1280, 4), (375, 3)])
def test_few_tab_stops_before_the_content(browser, base_url, width, most):
    """Skip link, logo (not at phone width), colour scheme, search: then the article (the sidebars
    follow it in the document). The search is a button at every width (Material's was an icon with
    no Tab stop on a phone)."""
    reading = _reading()
    w = Watch(browser, base_url, **reading.WIDTHS[width])
    try:
        for name in ("overview", "actors", "source"):
            page = w.goto(PAGES[name])
            page.wait_for_timeout(200)
            stops = reading.tab_stops(page)
            assert len(stops) <= most, f"{name} at {width}px: {stops}"
            assert stops and stops[0]["text"] == "Skip to content"
            assert all(s["text"] for s in stops), f"a stop without a name: {stops}"
    finally:
        w.close()


@pytest.mark.parametrize(("width", "most"), [(1280, 5000), (375, 7500)])
def test_seed_actors_page_is_short(browser, base_url, shots, width, most):
    """Main actors as cards, the others in tables: the page is read, not scrolled through (issue 17)."""
    reading = _reading()
    w = Watch(browser, base_url, **reading.WIDTHS[width])
    try:
        page = w.goto(PAGES["actors"])
        height = reading.page_height(page)
        page.screenshot(path=str(shots / f"actors-{width}.png"), full_page=True)
        assert height < most, f"Actors page is {height}px tall at {width}px"
        assert page.locator("article .briefing-card").count() >= 5
        # Every actor still has an anchor the other pages link to.
        data = json.loads(page.request.get(w.base + PAGES["overview"] + "briefing.json").text())
        ids = page.evaluate("() => [...document.querySelectorAll('article [id]')].map(e => e.id)")
        assert {a["id"] for a in data["actors"]} <= set(ids)
    finally:
        w.close()


def test_source_marks_every_quote_with_its_speaker(watch, site, shots):
    reading = _reading()
    data = json.loads((site / "briefings" / SLUG / "briefing.json").read_text(encoding="utf-8"))
    page = watch.goto(PAGES["source"])
    marks = {m["id"]: m["speaker"] for m in reading.source_marks(page) if m["id"]}
    assert {q["id"] for q in data["quotes"]} == set(marks)
    assert all(s.strip() for s in marks.values()), marks
    named = {a["id"]: a["name"] for a in data["actors"]}
    for q in data["quotes"]:
        if q["speaker"] in named:
            assert marks[q["id"]] == named[q["speaker"]]
    page.screenshot(path=str(shots / "source.png"))
    # The toggle hides the marks and the speaker labels.
    label = page.locator("article .briefing-who").first
    assert label.is_visible()
    page.locator("#briefing-marks").uncheck()
    assert not label.is_visible()
    # A quote link from the Quotes page lands on the quote's own span.
    page = watch.goto(PAGES["actors"])
    link = page.locator("article .briefing-card a[href*='source/#q']").last
    want = urlsplit(link.get_attribute("href")).fragment
    link.click()
    page.wait_for_url(f"**/source/#{want}")
    page.wait_for_timeout(300)
    assert page.locator(f"#{want}").evaluate("el => el.tagName") == "MARK"
    assert in_viewport(page, f"#{want}")


def test_map_shows_every_country_and_city_named(watch, site, shots):
    """Every country of the seed and every city the gazetteer holds is a linked shape or dot on the map."""
    data = json.loads((site / "briefings" / SLUG / "briefing.json").read_text(encoding="utf-8"))
    page = watch.goto(PAGES["actors"])
    figure = page.locator("article .briefing-map-figure")
    figure.scroll_into_view_if_needed()
    on_map = set(figure.locator("a").evaluate_all("els => els.map(e => e.getAttribute('xlink:href').slice(1))"))
    countries = {a["id"] for a in data["actors"] if a["type"] == "country"}
    assert countries <= on_map
    cities = {"tehran", "baghdad", "erbil", "basra", "sochi"}
    assert cities <= on_map
    # The places that cannot be drawn (regions, seas) are named under the map.
    places = {a["id"] for a in data["actors"] if a["type"] == "place"}
    listed = page.locator("article .briefing-map-figure ~ p.briefing-meta a").evaluate_all(
        "els => els.map(e => e.getAttribute('href').split('#')[1])"
    )
    assert places - on_map <= set(listed)
    box = figure.bounding_box()
    assert box["width"] > 600 and box["height"] > 250
    figure.screenshot(path=str(shots / "map.png"))
    assert watch.outside == []


def test_screenshots_are_committed_for_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"^!\[[^\]]*\]\(([^)]+)\)", readme, flags=re.M)
    assert shown, "README shows no screenshot"
    for rel in shown:
        assert (ROOT / rel).is_file(), rel
