"""Pick the articles of the blind gold and write them as seeds a user would drop in.

    python bench/gold_articles.py [--eval DIR] [--out tests/gold/articles]

Three sets, drawn with fixed random seeds so the choice is reproducible:

* ``dev``: 15 PolNeAR articles (two or three from each of its seven publishers)
  and 10 web crawls from newscluster-dev (ten different outlets); the gold here
  may be looked at while improving the extractors.
* ``test``: 10 more PolNeAR articles and 10 more crawls (other outlets where
  possible); only scored, never inspected item by item.
* ``dev2``: 4 more PolNeAR articles (four different publishers) and 4 more
  crawls (outlets not used by dev or test), disjoint from both, 300-1,200
  words with quotation marks, drawn with their own seed after dev and test so
  those two picks are unchanged; more gold that may be looked at.
* ``dev3``: 3 more PolNeAR articles (from the three publishers least used by
  dev, dev2 and test together, ties by name) and 3 more crawls (outlets not
  used by any earlier set), disjoint from all of them, 300-1,000 words with
  quotation marks, drawn with their own seed after the other three so their
  picks are unchanged; more gold that may be looked at.
* ``dev4``: the same draw as dev3 with four of each, after dev3, with its own seed.
* ``dev5``: the same again, four of each, after dev4, with its own seed.
* ``dev6``: the same again, four of each, after dev5, with its own seed.
* ``dev7``: four PolNeAR articles as dev3 draws them, and two crawls from any outlet (every outlet
  of the crawl has been used by now), after dev6, with its own seed.
* ``dev8``: four PolNeAR articles and four crawls, drawn as dev7, after it, with its own seed.
* ``dev9``: the same again, after dev8, with its own seed.
* ``dev10``: the same again, after dev9, with its own seed.
* ``dev11``: the same again, after dev10, with its own seed.
* ``dev12``: the same again, after dev11, with its own seed.
* ``dev13``: the same again, after dev12, with its own seed.
* ``dev14``: the same again, after dev13, with its own seed.
* ``dev15``: the same again, after dev14, with its own seed.
* ``dev16``: the same again, after dev15, with its own seed.
* ``dev17``: the same again, after dev16, with its own seed.
* ``dev18``: the same again, after dev17, with its own seed (only two crawls of at most 1,000 words were left).
* ``dev19``: the same again, after dev18, with its own seed, crawls of up to 1,400 words.
* ``dev20``: the same again, after dev19, with its own seed, crawls of up to 1,400 words (only two were left).
* ``dev21``: the same again, after dev20, with its own seed, crawls of up to 2,000 words (only three were left).
* ``dev22``: six PolNeAR articles as dev3 draws them (from the six least used publishers) and one crawl of
  up to 2,000 words, after dev21, with its own seed.

Each article becomes ``<set>/<name>.txt`` (title line, blank line, paragraphs
separated by blank lines) with a ``<name>.yml`` sidecar (published, source, url),
exactly as the reader takes seeds. Paragraph breaks are the data's blank lines; a
single line break inside a paragraph becomes a space. The texts are evaluation
data: they are never published on the site.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.evaluate import NEWSCLUSTER, POLNEAR, add_eval_option, eval_dir  # noqa: E402


def paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n[ \t]*\n\s*", text)
    return [" ".join(b.split("\n")).strip() for b in blocks if b.strip()]


def words(text: str) -> int:
    return len(text.split())


def pick_polnear(rows: list[dict], rng: random.Random) -> tuple[list[dict], list[dict]]:
    by_pub: dict[str, list[dict]] = {}
    for r in rows:
        if 250 <= words(r["text"]) <= 900 and len(r["quotes"]) >= 4:
            by_pub.setdefault(r["publisher"], []).append(r)
    pubs = sorted(by_pub)
    dev, test = [], []
    for k, pub in enumerate(pubs):
        pool = sorted(by_pub[pub], key=lambda r: r["id"])
        rng.shuffle(pool)
        n_dev = 3 if k == 0 else 2
        dev += pool[:n_dev]
        test += pool[n_dev : n_dev + (2 if k < 3 else 1)]
    return dev, test


def pick_crawls(rows: list[dict], rng: random.Random) -> tuple[list[dict], list[dict]]:
    pool = sorted((r for r in rows if 200 <= words(r["text"]) <= 1200), key=lambda r: r["id"])
    rng.shuffle(pool)
    dev, test, seen = [], [], set()
    for r in pool:
        dom = r["source_domain"]
        if dom in seen:
            continue
        seen.add(dom)
        (dev if len(dev) < 10 else test).append(r)
        if len(test) >= 10:
            break
    return dev, test


QUOTE_MARKS = re.compile(r'["\u201c\u201d]|\'\'')


def pick_dev2(
    polnear: list[dict], crawls: list[dict], taken: set[str], rng: random.Random
) -> tuple[list[dict], list[dict]]:
    """Four PolNeAR articles from four publishers and four crawls from outlets not used yet."""
    by_pub: dict[str, list[dict]] = {}
    for r in polnear:
        if r["id"] not in taken and 300 <= words(r["text"]) <= 1200 and len(r["quotes"]) >= 4:
            by_pub.setdefault(r["publisher"], []).append(r)
    pubs = sorted(by_pub)
    rng.shuffle(pubs)
    p_rows = []
    for pub in pubs[:4]:
        pool = sorted(by_pub[pub], key=lambda r: r["id"])
        rng.shuffle(pool)
        p_rows.append(pool[0])
    return p_rows, _new_outlets(crawls, taken, rng, n=4, max_words=1200)


def pick_dev3(
    polnear: list[dict], crawls: list[dict], taken: set[str], rng: random.Random, n: int = 3
) -> tuple[list[dict], list[dict]]:
    """n PolNeAR articles from the least used publishers and n crawls from new outlets."""
    counts: dict[str, int] = {}
    for r in polnear:
        counts.setdefault(r["publisher"], 0)
        if r["id"] in taken:
            counts[r["publisher"]] += 1
    by_pub: dict[str, list[dict]] = {}
    for r in polnear:
        if r["id"] not in taken and 300 <= words(r["text"]) <= 1000 and len(r["quotes"]) >= 4:
            by_pub.setdefault(r["publisher"], []).append(r)
    pubs = sorted(by_pub, key=lambda p: (counts[p], p))
    p_rows = []
    for pub in pubs[:n]:
        pool = sorted(by_pub[pub], key=lambda r: r["id"])
        rng.shuffle(pool)
        p_rows.append(pool[0])
    return p_rows, _new_outlets(crawls, taken, rng, n=n, max_words=1000)


def _new_outlets(crawls: list[dict], taken: set[str], rng: random.Random, n: int, max_words: int) -> list[dict]:
    """n crawls with quotes, each from an outlet no set has used yet, drawn in a fixed order."""
    pool = _crawl_pool(crawls, taken, rng, max_words)
    rows, seen = [], {r["source_domain"] for r in crawls if r["id"] in taken}
    for r in pool:
        if r["source_domain"] not in seen:
            seen.add(r["source_domain"])
            rows.append(r)
            if len(rows) >= n:
                break
    return rows


def _crawl_pool(crawls: list[dict], taken: set[str], rng: random.Random, max_words: int) -> list[dict]:
    """The crawls with quotes no set has used, 300 to `max_words` words, shuffled by `rng`."""
    pool = sorted(
        (
            r
            for r in crawls
            if r["id"] not in taken
            and 300 <= words(r["text"]) <= max_words
            and len(QUOTE_MARKS.findall(r["text"])) >= 4
        ),
        key=lambda r: r["id"],
    )
    rng.shuffle(pool)
    return pool


def _any_crawls(crawls: list[dict], taken: set[str], rng: random.Random, n: int, max_words: int) -> list[dict]:
    """n crawls with quotes not used by any set, from n different outlets, drawn in a fixed order."""
    pool = _crawl_pool(crawls, taken, rng, max_words)
    rows: list[dict] = []
    for r in pool:
        if r["source_domain"] not in {x["source_domain"] for x in rows}:
            rows.append(r)
            if len(rows) >= n:
                break
    return rows


def write(out: Path, name: str, title: str, paras: list[str], meta: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.txt").write_text(title.strip() + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items() if v]
    (out / f"{name}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    add_eval_option(ap)
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "gold" / "articles")
    args = ap.parse_args()
    rng = random.Random(20261201)
    data = eval_dir(args.eval)
    polnear = [json.loads(line) for line in (data / POLNEAR).open(encoding="utf-8")]
    crawls = [json.loads(line) for line in (data / NEWSCLUSTER).open(encoding="utf-8")]
    p_dev, p_test = pick_polnear(polnear, rng)
    c_dev, c_test = pick_crawls(crawls, rng)
    taken = {r["id"] for r in p_dev + p_test + c_dev + c_test}
    p_dev2, c_dev2 = pick_dev2(polnear, crawls, taken, random.Random(20261202))
    taken |= {r["id"] for r in p_dev2 + c_dev2}
    p_dev3, c_dev3 = pick_dev3(polnear, crawls, taken, random.Random(20261203))
    taken |= {r["id"] for r in p_dev3 + c_dev3}
    p_dev4, c_dev4 = pick_dev3(polnear, crawls, taken, random.Random(20261204), n=4)
    taken |= {r["id"] for r in p_dev4 + c_dev4}
    p_dev5, c_dev5 = pick_dev3(polnear, crawls, taken, random.Random(20261206), n=4)
    taken |= {r["id"] for r in p_dev5 + c_dev5}
    p_dev6, c_dev6 = pick_dev3(polnear, crawls, taken, random.Random(20261207), n=4)
    taken |= {r["id"] for r in p_dev6 + c_dev6}
    # dev7 on: four PolNeAR articles as dev3 draws them and crawls from any outlet (two for dev7,
    # four after), each set with its own seed, after the one before.
    later: dict[str, tuple[list[dict], list[dict]]] = {}
    for k, (seed, n_crawls, *cap) in enumerate(
        (
            (20261208, 2),
            (20261209, 4),
            (20261210, 4),
            (20261211, 4),
            (20261212, 4),
            (20261213, 4),
            (20261214, 4),
            (20261215, 4),
            (20261216, 4),
            (20261217, 4),
            (20261218, 4),
            (20261219, 4),
            (20261220, 4, 1400),
            (20261221, 4, 1400),
            (20261222, 4, 2000),
            (20261223, 1, 2000, 6),
        ),
        start=7,
    ):
        rng = random.Random(seed)
        p_rows, _ = pick_dev3(polnear, crawls, taken, rng, n=cap[1] if len(cap) > 1 else 4)
        c_rows = _any_crawls(crawls, taken, rng, n=n_crawls, max_words=cap[0] if cap else 1000)
        taken |= {r["id"] for r in p_rows + c_rows}
        later[f"dev{k}"] = (p_rows, c_rows)
    splits = (
        ("dev", p_dev, c_dev),
        ("test", p_test, c_test),
        ("dev2", p_dev2, c_dev2),
        ("dev3", p_dev3, c_dev3),
        ("dev4", p_dev4, c_dev4),
        ("dev5", p_dev5, c_dev5),
        ("dev6", p_dev6, c_dev6),
        *((name, *rows) for name, rows in later.items()),
    )
    for split, prows, crows in splits:
        for r in prows:
            paras = paragraphs(r["text"])
            if paras and paras[0].rstrip(".") == r["title"].rstrip("."):
                paras = paras[1:]  # PolNeAR texts open with the title
            name = "pn-" + re.sub(r"[^a-z0-9]+", "-", r["id"].lower())[:60].strip("-")
            write(args.out / split, name, r["title"], paras, {"published": r["published"], "source": r["publisher"]})
        for r in crows:
            name = "nc-" + r["id"][:16]
            meta = {"published": r["published"], "source": r["source_domain"], "url": r["url"]}
            write(args.out / split, name, r["title"], paragraphs(r["text"]), meta)
        print(split, len(prows), "PolNeAR,", len(crows), "crawls")


if __name__ == "__main__":
    main()
