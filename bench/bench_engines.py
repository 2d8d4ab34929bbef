"""Both engines side by side at 10, 100 or 1,000 real articles: cold, warm, one article edited.

    .venv/bin/python bench/bench_engines.py [--sizes 100 1000] [--eval DIR] [--out bench/out/engines]
        [--keep-cache] [--engines mkdocs zensical] [--no-browser] [--no-spacy]

Prints figures; asserts nothing. The articles are the development sets of the evaluation data
(``--eval``, else $BRIEFING_EVAL, else ../shared/eval: PolNeAR, then the newscluster crawls),
written as seeds into a scratch project outside the repository (they are evaluation data: never
published).

For each size, once: the extraction of every article from an empty cache (spaCy's parse plus our
rules, on as many processes as a build uses: :mod:`generator.parallel`), next to raw spaCy
``nlp.pipe`` on the same texts with one and with two processes. Then, for each engine, the
steps a user runs with ``briefing build --engine X`` (generation from the extraction cache, then
:func:`generator.engines.update_site`, which skips the engine, builds dirty or in full, through a
staging folder swapped in):

* cold: no generated pages, no site, no engine cache, no record of an earlier build;
* warm: the same again, nothing changed (generation renders nothing, the engine is skipped);
* edited: one seed's text changed (its article is extracted again, its pages and the pages across
  briefings rendered again; MkDocs then builds dirty, Zensical in full with its own cache).

The engine's column says which of skip, dirty or full the build was.

Each line gives the generation and the engine's seconds, the peak memory of the engine's build
(bench/tree_peak.py: this process, where MkDocs runs with the spaCy model loaded, and every process
under it, MkDocs' forked workers and Zensical alike, summed: an upper bound), the site's size on
disk, its HTML pages, the median and largest page, and the search index. The cold extraction's
line gives the same peak over the extraction workers.

Then, per engine, the search (issue 15) on the cold build: the Pagefind index (``site/pagefind/``:
its bytes in all, and the seconds Pagefind took after the engine) and, in Debian's Chromium, the
time to the first result: a cold page (new browser context, empty cache) is opened, the search
dialog opened with "/", a query typed key by key, and the clock runs from the first key to the
first result link on screen; the median over several queries (actors, places, words of quotes of
the site), with the bytes the first query downloaded (the index parts and fragments: Pagefind's
script, WebAssembly and entry load once the page is idle, before the clock starts) and the largest
single file among them. ``--no-browser`` skips it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tree_peak import TreePeak  # noqa: E402


def load_articles(eval_dir: Path, n: int) -> list[dict]:
    rows = []
    for name in ("polnear-dev.jsonl", "newscluster-dev.jsonl"):
        with (eval_dir / name).open(encoding="utf-8") as f:
            rows += [json.loads(line) for line in f]
    if len(rows) < n:
        raise SystemExit(f"only {len(rows)} articles in {eval_dir}")
    return rows[:n]


def write_seed(seeds: Path, k: int, row: dict) -> None:
    paras = [" ".join(b.split()) for b in re.split(r"\n\s*\n", row["text"]) if b.strip()]
    if paras and paras[0].rstrip(".") == row["title"].rstrip("."):
        paras = paras[1:]
    (seeds / f"a{k:04d}.txt").write_text(row["title"].strip() + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    meta = {"published": row.get("published"), "source": row.get("publisher") or row.get("source_domain")}
    (seeds / f"a{k:04d}.yml").write_text(
        "".join(f"{key}: {json.dumps(v)}\n" for key, v in meta.items() if v), encoding="utf-8"
    )


def make_project(where: Path, rows: list[dict]) -> Path:
    project = where / "project"
    for old in project.iterdir() if project.is_dir() else ():
        if old.name.startswith("."):
            continue  # .cache stays (pathlib's glob would take it): --keep-cache reuses the extractions
        if old.is_dir():
            shutil.rmtree(old)
        else:
            old.unlink()
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefings"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "seeds").mkdir()
    for k, row in enumerate(rows):
        write_seed(project / "seeds", k, row)
    return project


def site_figures(site: Path) -> dict:
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    if not index.exists():
        index = site / "search.json"
    bundle = site / "pagefind"
    index_parts = [
        p for p in bundle.rglob("*") if p.is_file() and p.suffix in (".pf_index", ".pf_fragment", ".pf_meta")
    ]
    return {
        "pagefind_mb": sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) / 1e6,
        "pagefind_index_mb": sum(p.stat().st_size for p in index_parts) / 1e6,
        "pagefind_files": len(index_parts),
        "site_mb": total / 1e6,
        "pages": len(pages),
        "median_kb": statistics.median(pages) / 1e3 if pages else 0,
        "largest_kb": max(pages) / 1e3 if pages else 0,
        "search_mb": index.stat().st_size / 1e6 if index.exists() else 0,
    }


def search_queries(site: Path, n: int = 6) -> list[str]:
    """What a reader would type, from the site's own briefings: in turn the most mentioned person, a
    one-word place and the longest word of a direct quote, each from another briefing."""
    queries = []
    for k, path in enumerate(sorted((site / "briefings").glob("*/briefing.json"))):
        data = json.loads(path.read_text(encoding="utf-8"))
        actors = sorted(data["actors"], key=lambda a: -len(a["mentions"]))
        kind = k % 3
        if kind == 0:
            found = [a["name"] for a in actors if a["type"] == "person"]
        elif kind == 1:
            found = [a["name"] for a in actors if a["type"] in ("place", "country") and " " not in a["name"]]
        else:
            words = [w for q in data["quotes"] if q["kind"] == "direct" for w in re.findall(r"[A-Za-z]{6,}", q["text"])]
            found = [max(words, key=len)] if words else []
        if found and found[0] not in queries:
            queries.append(found[0])
        if len(queries) == n:
            break
    return queries


# In the page: the time of the last key, and of the first result link that shows for the whole query.
WATCH_RESULTS = """query => {
    const at = window.__bench = {last: null, first: null};
    document.addEventListener("keydown", () => { at.last = performance.now(); }, true);
    new MutationObserver(records => {
        if (at.first !== null || at.last === null) return;
        const summary = document.querySelector("pagefind-summary");
        if (!summary || !summary.textContent.includes(query)) return;
        for (const r of records) for (const n of r.addedNodes)
            if (n.nodeType === 1 && (n.matches(".pf-result-link") || n.querySelector(".pf-result-link"))) {
                at.first = performance.now();
                return;
            }
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""
# In the page: the dialog opened and the whole query put in at once (as a paste): until the first result.
AT_ONCE = """query => new Promise(done => {
    const t0 = performance.now();
    document.querySelector("pagefind-modal-trigger button").click();
    requestAnimationFrame(() => requestAnimationFrame(() => {
        const box = document.querySelector("pagefind-modal input[type=search]");
        box.value = query;
        box.dispatchEvent(new Event("input", {bubbles: true}));
        const seen = () => document.querySelector("pagefind-results .pf-result-link")
            && document.querySelector("pagefind-summary").textContent.includes(query);
        new MutationObserver((_, obs) => { if (seen()) { obs.disconnect(); done(performance.now() - t0); } })
            .observe(document.body, {childList: true, subtree: true, characterData: true});
    }));
})"""


def search_in_chromium(site: Path, queries: list[str]) -> dict:
    """Time to the first search result on a cold page (a new browser context each time: empty cache,
    nothing of Pagefind loaded), in Debian's Chromium, median over the queries: typed (the dialog
    opened with "/", the query typed at 30 ms a key; from the last key to the first result) and at
    once (the query put in whole as the dialog opens; from the opening). The bytes the first query
    downloaded (everything under pagefind/ fetched after the page loaded) and the largest file."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle(self):
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # a fetch that the page dropped (a search overtaken by the next key)

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    typed, at_once, downloads = [], [], []
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=args)
            for query in queries:
                for mode in ("typed", "at once"):
                    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = ctx.new_page()
                    page.goto(base, wait_until="load")
                    page.locator("pagefind-modal-trigger button").wait_for()
                    page.wait_for_load_state("networkidle")
                    requests: list = []
                    page.on("requestfinished", lambda r, seen=requests: seen.append(r))
                    if mode == "typed":
                        page.evaluate(WATCH_RESULTS, query)
                        page.keyboard.press("/")
                        box = page.locator("pagefind-modal input[type=search]")
                        box.wait_for(state="visible")
                        box.press_sequentially(query, delay=30)
                        page.wait_for_function("window.__bench.first !== null", timeout=60000)
                        typed.append(page.evaluate("window.__bench.first - window.__bench.last"))
                        page.wait_for_load_state("networkidle")
                        sizes = [r.sizes()["responseBodySize"] for r in requests if "/pagefind/" in r.url]
                        downloads.append((sum(sizes), max(sizes, default=0), len(sizes)))
                    else:
                        at_once.append(page.evaluate(AT_ONCE, query))
                    ctx.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {
        "queries": queries,
        "typed_ms": statistics.median(typed),
        "typed_max_ms": max(typed),
        "at_once_ms": statistics.median(at_once),
        "at_once_max_ms": max(at_once),
        "first_query_kb": statistics.median(d[0] for d in downloads) / 1e3,
        "first_query_largest_kb": max(d[1] for d in downloads) / 1e3,
        "first_query_files": statistics.median(d[2] for d in downloads),
    }


def spacy_limit(texts: list[str]) -> dict:
    """Raw spaCy on the same texts, the floor for any parse: nlp.pipe with 1 and 2 processes."""
    import spacy

    from generator.nlp import model_name

    nlp = spacy.load(model_name())
    out = {}
    for procs in (1, 2):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16, n_process=procs):
            pass
        out[procs] = time.perf_counter() - t
    return out


def timed_build(project: Path, engine: str) -> dict:
    """One `briefing build --engine X`: generation, then :func:`generator.engines.update_site`
    (skipped, dirty or full, through a staging folder swapped in)."""
    from mkdocs.config import load_config

    from generator import engines
    from generator.limits import limits_for_project
    from generator.site import CACHE_DIR, generate

    t = time.perf_counter()
    generate(
        project / "seeds",
        project / "docs",
        cache_dir=project / CACHE_DIR,
        limits=limits_for_project(project / "mkdocs.yml"),
    )
    generated = time.perf_counter() - t
    t = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    # generated: the plugin does not generate again (as in `briefing build`)
    with TreePeak() as peak:  # the build's process and its workers (MkDocs' forked, Zensical's own)
        mode, _ = engines.update_site(
            engine,
            project / "mkdocs.yml",
            config,
            project / "site",
            project / CACHE_DIR / engines.SITE_STATE,
            generated=True,
        )
    built = time.perf_counter() - t
    if mode == "skip":
        return {
            "generate_s": generated,
            "engine_s": built,
            "mode": mode,
            "peak_mb": 0.0,
            **site_figures(project / "site"),
        }
    indexed = engines.LAST_INDEX.pop("seconds", 0.0)
    return {
        "generate_s": generated,
        "engine_s": built,
        "mode": mode,
        "pagefind_s": indexed,
        "peak_mb": peak.mb,
        **site_figures(project / "site"),
    }


def run_size(
    n: int,
    eval_dir: Path,
    out: Path,
    keep_cache: bool = False,
    browser: bool = True,
    engines_run: tuple[str, ...] = ("mkdocs", "zensical"),
    spacy: bool = True,
) -> list[dict]:
    from generator import engines
    from generator.site import CACHE_DIR, PageMemo

    rows = load_articles(eval_dir, n)
    project = make_project(out / f"n{n}", rows)
    texts = [p.read_text(encoding="utf-8") for p in sorted((project / "seeds").glob("*.txt"))]
    print(f"\n## {n} articles ({sum(len(t) for t in texts) / 1e6:.1f} MB of text)\n")
    from generator.limits import limits_for_project
    from generator.parallel import worker_count
    from generator.site import generate

    if not keep_cache:
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    limits = limits_for_project(project / "mkdocs.yml")
    t = time.perf_counter()
    with TreePeak() as peak:
        generate(project / "seeds", project / "docs", cache_dir=project / CACHE_DIR, limits=limits)
    workers = worker_count(limits.workers, len(texts))
    print(
        f"extraction {'with the kept cache' if keep_cache else 'from an empty cache'}, with generation "
        f"({workers} process{'es' if workers > 1 else ''}, BRIEFING_WORKERS): {time.perf_counter() - t:.1f} s, "
        f"peak {peak.mb:.0f} MB (the build's process and its workers)\n"
    )
    print(
        "| engine | step | generate s | engine s (Pagefind s) | total s | peak MB | site MB | pages | median KB "
        "| largest KB | Pagefind index MB (files) | theme's index MB |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    results, searches = [], []
    first = sorted((project / "seeds").glob("*.txt"))[0]
    original = first.read_text(encoding="utf-8")
    for engine in engines_run:
        shutil.rmtree(project / "docs" / "briefings", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        for cached in (project / ".cache").iterdir():
            if cached.name != "briefing":
                shutil.rmtree(cached, ignore_errors=True) if cached.is_dir() else cached.unlink()  # Zensical's cache
        for state in (project / CACHE_DIR / engines.SITE_STATE, project / CACHE_DIR / PageMemo.NAME):
            state.unlink(missing_ok=True)  # cold: no record of an earlier build or generation
        for step in ("cold", "warm", "edited"):
            if step == "edited":
                first.write_text(
                    original.rstrip("\n") + f"\n\nAn added closing line for the {engine} run.\n", encoding="utf-8"
                )
            r = {"n": n, "engine": engine, "step": step, **timed_build(project, engine)}
            results.append(r)
            engine_s = (
                f"{r['engine_s']:.1f}, skipped (no page changed)"
                if r["mode"] == "skip"
                else f"{r['engine_s']:.1f} ({r['pagefind_s']:.1f}), {r['mode']}"
            )
            print(
                f"| {engine} | {step} | {r['generate_s']:.1f} | {engine_s} | {r['generate_s'] + r['engine_s']:.1f} "
                f"| {r['peak_mb']:.0f} | {r['site_mb']:.1f} | {r['pages']} | {r['median_kb']:.1f} | {r['largest_kb']:.1f} "
                f"| {r['pagefind_index_mb']:.2f} ({r['pagefind_files']}) | {r['search_mb']:.2f} |",
                flush=True,
            )
            if step == "cold" and browser:
                found = search_in_chromium(project / "site", search_queries(project / "site"))
                searches.append({"n": n, "engine": engine, **found})
        first.write_text(original, encoding="utf-8")
    if searches:
        print(
            f"\nSearch in Chromium, cold page, median (largest) of {len(searches[0]['queries'])} queries: "
            + ", ".join(repr(q) for q in searches[0]["queries"])
            + "\n\n| engine | first result after the last key, ms | query put in at once, ms from opening "
            "| first query downloads KB (files) | its largest file KB |\n| --- | --- | --- | --- | --- |"
        )
        for f in searches:
            print(
                f"| {f['engine']} | {f['typed_ms']:.0f} ({f['typed_max_ms']:.0f}) | {f['at_once_ms']:.0f} "
                f"({f['at_once_max_ms']:.0f}) | {f['first_query_kb']:.0f} ({f['first_query_files']:.0f}) "
                f"| {f['first_query_largest_kb']:.0f} |"
            )
        results += [{"step": "search", **f} for f in searches]
    # Last, so that its worker processes do not count in Zensical's peak (the children's maximum).
    if spacy:
        limit = spacy_limit(texts)
        print(f"\nraw spaCy nlp.pipe on the same texts: {limit[1]:.1f} s (1 process), {limit[2]:.1f} s (2 processes)")
    return results


def main() -> None:
    from generator.evaluate import add_eval_option, eval_dir

    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    add_eval_option(ap)
    ap.add_argument("--keep-cache", action="store_true", help="reuse the extraction cache of an earlier run")
    ap.add_argument("--no-browser", action="store_true", help="skip the search timings in Chromium")
    ap.add_argument("--engines", nargs="+", default=["mkdocs", "zensical"], choices=["mkdocs", "zensical"])
    ap.add_argument("--no-spacy", action="store_true", help="skip raw spaCy on the same texts")
    ap.add_argument("--out", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "briefing-bench-engines")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        results += run_size(
            n,
            eval_dir(args.eval),
            args.out,
            args.keep_cache,
            browser=not args.no_browser,
            engines_run=tuple(args.engines),
            spacy=not args.no_spacy,
        )
    (args.out / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\n(figures also in {args.out / 'results.json'})")


if __name__ == "__main__":
    main()
