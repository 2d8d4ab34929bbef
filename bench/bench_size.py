"""Time of large inputs: one long paragraph, and a long article (prints figures; asserts nothing).

.venv/bin/python bench/bench_size.py [--paragraph-kb 200] [--article-mb 5] [--skip-article]

The text is synthetic (bench/synthetic.py: varied English sentences). The paragraph is parsed
and extracted as one paragraph (the paragraph limit lifted); the article is read through the
reader with its default limits (what a build would do) and then, limits lifted, extracted.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def extract_timed(article) -> tuple[float, float, object]:
    from generator.extract import extract_briefing
    from generator.nlp import parse

    t = time.perf_counter()
    docs = parse(article)
    parsed = time.perf_counter() - t
    t = time.perf_counter()
    briefing = extract_briefing(article, docs)
    return parsed, time.perf_counter() - t, briefing


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraph-kb", type=int, default=200)
    ap.add_argument("--article-mb", type=float, default=5)
    ap.add_argument("--skip-article", action="store_true")
    args = ap.parse_args()

    from synthetic import article as make_article
    from synthetic import paragraph

    from generator.article import ArticleError, read_article
    from generator.limits import Limits
    from generator.model import Article
    from generator.nlp import get_nlp

    t = time.perf_counter()
    get_nlp()
    print(f"model load: {time.perf_counter() - t:.2f} s")

    text = paragraph(args.paragraph_kb * 1000)
    art = Article("p", "Long paragraph", None, None, None, (), (text,))
    parsed, extracted, b = extract_timed(art)
    print(
        f"{len(text):,}-character paragraph: parse {parsed:.2f} s + extract {extracted:.2f} s = "
        f"{parsed + extracted:.2f} s ({len(b.actors)} actors, {len(b.quotes)} quotes, {len(b.events)} events)"
    )
    if args.skip_article:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(make_article(int(args.article_mb * 1_000_000)), encoding="utf-8")
        size = path.stat().st_size
        t = time.perf_counter()
        try:
            read_article(path, limits=Limits())
            print("default limits: read")
        except ArticleError as err:
            print(f"default limits: refused in {time.perf_counter() - t:.2f} s: {err}")
        t = time.perf_counter()
        big = read_article(path, limits=Limits(max_article_chars=0))
        read = time.perf_counter() - t
        parsed, extracted, b = extract_timed(big)
        print(
            f"{size / 1e6:.1f} MB article, {len(big.paragraphs):,} paragraphs, limits lifted: read {read:.2f} s + "
            f"parse {parsed:.1f} s + extract {extracted:.1f} s = {read + parsed + extracted:.1f} s "
            f"({len(b.actors)} actors, {len(b.quotes)} quotes, {len(b.events)} events; pid {os.getpid()})"
        )


if __name__ == "__main__":
    main()
