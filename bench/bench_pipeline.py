"""Timings of every stage on the seeds (prints figures; nothing here asserts).

.venv/bin/python bench/bench_pipeline.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from generator.article import read_seeds
    from generator.extract import extract_briefing
    from generator.nlp import get_nlp, model_name, parse
    from generator.render import render_pages

    t = time.perf_counter()
    nlp = get_nlp()
    print(f"model load ({model_name()}): {time.perf_counter() - t:.2f} s")
    articles, _ = read_seeds(ROOT / "seeds")
    words = sum(len(p.split()) for a in articles for p in a.paragraphs)
    print(f"seeds: {len(articles)} article(s), {words} words")

    t_parse, docs = timed(lambda: [parse(a, nlp) for a in articles], args.repeat)
    print(f"spaCy parse: {t_parse * 1000:.0f} ms ({words / t_parse:,.0f} words/s)")
    for name, fn in _stages(articles, docs):
        t_stage, _ = timed(fn, args.repeat)
        print(f"{name}: {t_stage * 1000:.1f} ms")
    t_ext, briefings = timed(lambda: [extract_briefing(a, d) for a, d in zip(articles, docs, strict=True)], args.repeat)
    print(f"all extraction (after parse): {t_ext * 1000:.1f} ms")
    t_render, _ = timed(lambda: [render_pages(b) for b in briefings], args.repeat)
    print(f"render pages: {t_render * 1000:.1f} ms")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefings"))
        shutil.copytree(ROOT / "seeds", project / "seeds")
        config = (ROOT / "mkdocs.yml").read_text().replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        (project / "mkdocs.yml").write_text(config)
        import logging

        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        for label in ("mkdocs build, cold cache", "mkdocs build, warm cache"):
            t = time.perf_counter()
            build(load_config(str(project / "mkdocs.yml")))
            print(f"{label}: {time.perf_counter() - t:.2f} s")


def _stages(articles, docs):
    from generator.extract.actors import extract_actors
    from generator.extract.quotes import extract_quotes
    from generator.extract.timeline import extract_events

    actors = [extract_actors(a, d) for a, d in zip(articles, docs, strict=True)]
    yield "actors", lambda: [extract_actors(a, d) for a, d in zip(articles, docs, strict=True)]
    yield "quotes", lambda: [extract_quotes(a, d, ac) for a, d, ac in zip(articles, docs, actors, strict=True)]
    yield "timeline", lambda: [extract_events(a, d, ac) for a, d, ac in zip(articles, docs, actors, strict=True)]


if __name__ == "__main__":
    main()
