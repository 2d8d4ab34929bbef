"""Reading figures of the built seed site, measured in Debian's Chromium (issue 17).

    .venv/bin/python bench/reading.py            # builds the seed into a temporary folder
    .venv/bin/python bench/reading.py SITE_DIR   # measures a site already built
    .venv/bin/python bench/reading.py --summaries [N]   # the Overview's "What happened" of N dev articles

Prints, as JSON: axe violations by level on every page type (light and dark, 1280 and 375 px),
Tab stops before the main content at both widths, the height of the Actors page at both widths,
and how many of the briefing's quotes the Source page marks with their speaker.
tests/test_browser.py asserts the same figures with the functions below.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
SEED = "000_826671d92ab4721b"
SLUG = "us-evacuates-diplomatic-staff-from-iraq"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
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
WIDTHS = {
    1280: {"viewport": {"width": 1280, "height": 900}},
    375: {"viewport": {"width": 375, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}

AXE_RUN = (
    "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
    " nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 160)}))}))"
)
# Press Tab until focus is inside the page's content; every stop is recorded (tag, text, visible).
TAB_STOP = (
    "() => { const el = document.activeElement; if (!el || el === document.body) return null;"
    " const r = el.getBoundingClientRect(); const s = getComputedStyle(el);"
    " return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || el.title || '').trim().slice(0, 40),"
    " inside: !!el.closest('.md-content'), visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden'"
    " && s.opacity !== '0'}; }"
)
MARKS = (
    "() => [...document.querySelectorAll('article mark.briefing-quote')].map(m => ({id: m.dataset.quote,"
    " speaker: ((m.querySelector('.briefing-who') || {}).firstChild || {}).textContent || ''}))"
)


def set_scheme(page, scheme: str) -> None:
    """Light ('default') or dark ('slate'), through the palette toggle a reader would use."""
    if page.get_attribute("body", "data-md-color-scheme") != scheme:
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{scheme}'")


def axe_findings(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


def tab_stops(page, limit: int = 80) -> list[dict]:
    """The focus stops a keyboard reader passes before reaching the content, in order."""
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); }")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP)
        if stop is None:
            continue
        if stop["inside"]:
            return stops
        stops.append(stop)
    return stops


def page_height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def source_marks(page) -> list[dict]:
    return page.evaluate(MARKS)


def serve(site: Path):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(browser, base: str, site: Path) -> dict:
    quotes = json.loads((site / "briefings" / SLUG / "briefing.json").read_text(encoding="utf-8"))["quotes"]
    out: dict = {"axe": {}, "tab_stops": {}, "actors_height": {}, "source_marks": {}}
    for width, context in WIDTHS.items():
        ctx = browser.new_context(**context)
        page = ctx.new_page()
        for scheme in ("default", "slate"):
            for name, path in PAGES.items():
                page.goto(base + path, wait_until="load")
                set_scheme(page, scheme)
                for v in axe_findings(page):
                    key = f"{v['impact']}"
                    out["axe"].setdefault(key, []).append(f"{name} {scheme} {width}: {v['id']} {v['nodes'][0]['html']}")
        page.goto(base + PAGES["overview"], wait_until="load")
        page.wait_for_timeout(300)
        out["tab_stops"][width] = tab_stops(page)
        page.goto(base + PAGES["actors"], wait_until="load")
        out["actors_height"][width] = page_height(page)
        ctx.close()
    ctx = browser.new_context(**WIDTHS[1280])
    page = ctx.new_page()
    page.goto(base + PAGES["source"], wait_until="load")
    marks = source_marks(page)
    ctx.close()
    marked = {m["id"] for m in marks if m["speaker"].strip()}
    out["source_marks"] = {"quotes": len(quotes), "marked_with_speaker": len({q["id"] for q in quotes} & marked)}
    return out


def build_seed(tmp: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_build import BIN, make_project, run

    project = make_project(
        tmp, {n: (ROOT / "seeds" / n).read_text(encoding="utf-8") for n in (f"{SEED}.txt", f"{SEED}.yml")}
    )
    proc = run([str(BIN / "briefing"), "build", "--strict"], project)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return project / "site"


def summaries(n: int = 5) -> list[dict]:
    """The Overview's "What happened" sentences for the first article of each of the first ``n``
    stories of the development crawl (file order: no choosing), to be judged by a reader. The crawl
    is read from $BRIEFING_EVAL, else ../shared/eval."""
    from datetime import date

    from generator import extract_article
    from generator.article import Article
    from generator.evaluate import NEWSCLUSTER, eval_dir
    from generator.render import View

    picked, seen = [], set()
    for line in (eval_dir() / NEWSCLUSTER).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["cluster"]["event"] in seen:
            continue
        seen.add(row["cluster"]["event"])
        picked.append(row)
        if len(picked) == n:
            break
    out = []
    for row in picked:
        paragraphs = tuple(p.strip() for p in row["text"].split("\n") if p.strip())
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        art = Article(row["id"][:16], row["title"], published, row.get("source_domain"), None, (), paragraphs)
        view = View(extract_article(art))
        out.append({"title": row["title"], "story": row["cluster"]["event"], "summary": view.summary})
    return out


def main(argv: list[str]) -> None:
    if argv[:1] == ["--summaries"]:
        for item in summaries(int(argv[1]) if len(argv) > 1 else 5):
            print(f"## {item['title']} ({item['story']})")
            for text, paragraph in item["summary"]:
                print(f"  ¶{paragraph} {text}")
            print()
        return
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(argv[0]) if argv else build_seed(Path(tmp))
        server, base = serve(site)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
                figures = measure(browser, base, site)
                browser.close()
        finally:
            server.shutdown()
    summary = {
        "axe_findings_by_level": {k: len(v) for k, v in figures["axe"].items()} or "none",
        "tab_stops_before_content": {w: len(s) for w, s in figures["tab_stops"].items()},
        "actors_height_px": figures["actors_height"],
        "source_marks": figures["source_marks"],
    }
    print(json.dumps({"summary": summary, "detail": figures}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
