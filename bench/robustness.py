"""The whole pipeline on every development article: no crash, valid JSON, offsets that hold.

    .venv/bin/python bench/robustness.py [--limit N] [--cache FILE] [--eval DIR]

Runs extraction, page rendering and the JSON export on the PolNeAR and
TimeBank/AQUAINT articles of the evaluation data (``--eval``, else $BRIEFING_EVAL, else
../shared/eval), validates each export against the
schema and checks that every mention, role, quote and event points at its own
text. Prints counts, failures and throughput; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.evaluate import POLNEAR, TIMEBANK, add_eval_option, eval_dir  # noqa: E402


def problems(b) -> list[str]:
    """Items whose offsets do not give back their text."""
    paras = b.article.paragraphs
    out = []

    def at(p, s, e):
        return paras[p - 1][s:e] if 1 <= p <= len(paras) else None

    for a in b.actors:
        out += [f"mention {a.id} {m}" for m in a.mentions if at(m.paragraph, m.start, m.end) != m.text]
        out += [f"role {a.id} {r.text!r}" for r in a.roles if r.paragraph and at(r.paragraph, r.start, r.end) != r.text]
    out += [f"quote {q.id}" for q in b.quotes if at(q.paragraph, q.start, q.end) != q.text]
    ids = {a.id for a in b.actors}
    out += [f"quote {q.id} speaker {q.speaker}" for q in b.quotes if q.speaker and q.speaker not in ids]
    out += [f"event {e.id} actor" for e in b.events if set(e.actors) - ids]
    out += [f"event {e.id} text" for e in b.events if at(e.paragraph, e.start, e.end) != e.text]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="articles per data set")
    ap.add_argument(
        "--cache", type=Path, default=None, help="spaCy DocBin of the parses (see generator/evaluate/quotes.py)"
    )
    add_eval_option(ap)
    args = ap.parse_args()

    import jsonschema

    from generator.article import slugify
    from generator.evaluate.quotes import article_from_text, parse_many
    from generator.export import briefing_dict, load_schema
    from generator.extract import extract_briefing
    from generator.render import render_pages

    docs = []
    for name in (POLNEAR, TIMEBANK):
        with (eval_dir(args.eval) / name).open(encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        docs += rows[: args.limit] if args.limit else rows
    arts = [
        article_from_text(slugify(d["id"]), d.get("title") or d["id"], d["text"], d.get("published"))[0] for d in docs
    ]
    t = time.perf_counter()
    parsed = parse_many(arts, cache=args.cache)
    t_parse = time.perf_counter() - t
    validator = jsonschema.Draft202012Validator(load_schema())
    failures: Counter = Counter()
    counts: Counter = Counter()
    t = time.perf_counter()
    for art, pdocs in zip(arts, parsed, strict=True):
        try:
            b = extract_briefing(art, pdocs)
            render_pages(b)
            errors = [e.message for e in validator.iter_errors(briefing_dict(b))]
        except Exception:  # noqa: BLE001 - a crash on any article is what this bench looks for
            failures["crash"] += 1
            print(f"CRASH {art.id}\n{traceback.format_exc(limit=3)}")
            continue
        for e in errors[:3]:
            failures["schema"] += 1
            print(f"SCHEMA {art.id}: {e}")
        for p in problems(b)[:3]:
            failures["offsets"] += 1
            print(f"OFFSET {art.id}: {p}")
        counts.update(actors=len(b.actors), quotes=len(b.quotes), events=len(b.events))
    t_rest = time.perf_counter() - t
    words = sum(len(p.split()) for a in arts for p in a.paragraphs)
    print(f"articles: {len(arts)}, words: {words:,}")
    print(f"extracted: {counts['actors']:,} actors, {counts['quotes']:,} quotes, {counts['events']:,} events")
    print(f"failures: crash {failures['crash']}, schema {failures['schema']}, offsets {failures['offsets']}")
    print(f"spaCy parse: {t_parse:.1f} s; extraction + render + export: {t_rest:.1f} s ({words / t_rest:,.0f} words/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
