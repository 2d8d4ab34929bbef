"""Both engines side by side at 10, 100 or 1,000 real articles: cold, warm, one article edited.

    .venv/bin/python bench/bench_engines.py [--sizes 100 1000] [--eval ../shared/eval] [--out bench/out/engines]

Prints figures; asserts nothing. The articles are the development sets in ../shared/eval
(PolNeAR, then the newscluster crawls), written as seeds into a scratch project outside the
repository (they are evaluation data: never published).

For each size, once: the extraction of every article from an empty cache (spaCy's parse plus our
rules, one process), next to raw spaCy ``nlp.pipe`` on the same texts. Then, for each engine, the
steps a user runs with ``briefing build --engine X`` (generation from the extraction cache, then the
engine's build into the site folder, in place):

* cold: no generated pages, no site, no engine cache;
* warm: the same again, nothing changed (the engine is skipped, as ``briefing build`` skips it);
* edited: one seed's text changed (its article is extracted again, its pages regenerated).

Each line gives the generation and the engine's seconds, the peak memory of the engine's process
(MkDocs runs in this one, so its figure includes the spaCy model; Zensical runs as a child, and its
figure is the largest child so far, sizes run in increasing order), the
site's size on disk, its HTML pages, the median and largest page, and the search index.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
STAMPS: dict[str, str] = {}  # engine -> fingerprint of its last build


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
    for old in project.glob("*") if project.is_dir() else ():
        if old.is_dir():  # .cache (a dot folder, not globbed) stays: --keep-cache reuses the extractions
            shutil.rmtree(old)
        else:
            old.unlink()
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefings"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("generator/mkdocs_hook.py", str(ROOT / "generator" / "mkdocs_hook.py")), encoding="utf-8"
    )
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
    return {
        "site_mb": total / 1e6,
        "pages": len(pages),
        "median_kb": statistics.median(pages) / 1e3 if pages else 0,
        "largest_kb": max(pages) / 1e3 if pages else 0,
        "search_mb": index.stat().st_size / 1e6 if index.exists() else 0,
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
    from generator import engines, site
    from generator.limits import limits_for_project
    from generator.site import CACHE_DIR, generate

    t = time.perf_counter()
    result = generate(
        project / "seeds",
        project / "docs",
        cache_dir=project / CACHE_DIR,
        limits=limits_for_project(project / "mkdocs.yml"),
    )
    generated = time.perf_counter() - t
    # As `briefing build` does: no engine run when no page changed since this engine's last build.
    stamp = engines.fingerprint(project / "mkdocs.yml", project / "docs", project / "site", engine, False)
    if (project / "site").is_dir() and STAMPS.get(engine) == stamp:
        return {
            "generate_s": generated,
            "engine_s": 0.0,
            "skipped": True,
            "peak_mb": 0.0,
            **site_figures(project / "site"),
        }
    site.RUN["result"] = result  # the hook does not generate again (as in `briefing build`)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    try:
        engines.build(engine, project / "mkdocs.yml", project / "site")
    finally:
        site.RUN.clear()
    built = time.perf_counter() - t
    STAMPS[engine] = engines.fingerprint(project / "mkdocs.yml", project / "docs", project / "site", engine, False)
    if engine == "zensical":
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak = peak if peak > before else before
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"generate_s": generated, "engine_s": built, "peak_mb": peak / 1024, **site_figures(project / "site")}


def run_size(n: int, eval_dir: Path, out: Path, keep_cache: bool = False) -> list[dict]:
    from generator.site import CACHE_DIR

    rows = load_articles(eval_dir, n)
    project = make_project(out / f"n{n}", rows)
    texts = [p.read_text(encoding="utf-8") for p in sorted((project / "seeds").glob("*.txt"))]
    print(f"\n## {n} articles ({sum(len(t) for t in texts) / 1e6:.1f} MB of text)\n")
    from generator.limits import limits_for_project
    from generator.site import generate

    if not keep_cache:
        shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    t = time.perf_counter()
    generate(
        project / "seeds",
        project / "docs",
        cache_dir=project / CACHE_DIR,
        limits=limits_for_project(project / "mkdocs.yml"),
    )
    print(
        f"extraction {'with the kept cache' if keep_cache else 'from an empty cache'}, with generation "
        f"(one process): {time.perf_counter() - t:.1f} s\n"
    )
    print(
        "| engine | step | generate s | engine s | total s | peak MB | site MB | pages | median KB | largest KB | search MB |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    results = []
    first = sorted((project / "seeds").glob("*.txt"))[0]
    original = first.read_text(encoding="utf-8")
    for engine in ("mkdocs", "zensical"):
        shutil.rmtree(project / "docs" / "briefings", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        for cached in (project / ".cache").iterdir():
            if cached.name != "briefing":
                shutil.rmtree(cached, ignore_errors=True) if cached.is_dir() else cached.unlink()  # Zensical's cache
        for step in ("cold", "warm", "edited"):
            if step == "edited":
                first.write_text(
                    original.rstrip("\n") + f"\n\nAn added closing line for the {engine} run.\n", encoding="utf-8"
                )
            r = {"n": n, "engine": engine, "step": step, **timed_build(project, engine)}
            results.append(r)
            engine_s = "skipped (no page changed)" if r.get("skipped") else f"{r['engine_s']:.1f}"
            print(
                f"| {engine} | {step} | {r['generate_s']:.1f} | {engine_s} | {r['generate_s'] + r['engine_s']:.1f} "
                f"| {r['peak_mb']:.0f} | {r['site_mb']:.1f} | {r['pages']} | {r['median_kb']:.1f} | {r['largest_kb']:.1f} "
                f"| {r['search_mb']:.2f} |",
                flush=True,
            )
        first.write_text(original, encoding="utf-8")
    # Last, so that its worker processes do not count in Zensical's peak (the children's maximum).
    limit = spacy_limit(texts)
    print(f"\nraw spaCy nlp.pipe on the same texts: {limit[1]:.1f} s (1 process), {limit[2]:.1f} s (2 processes)")
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--keep-cache", action="store_true", help="reuse the extraction cache of an earlier run")
    ap.add_argument("--out", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "briefing-bench-engines")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        results += run_size(n, args.eval, args.out, args.keep_cache)
    (args.out / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"\n(figures also in {args.out / 'results.json'})")


if __name__ == "__main__":
    main()
