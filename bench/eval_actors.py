"""Time the actor scorer: `briefing evaluate actors` (generator/evaluate/actors.py) with the seconds and
words per second of its development proxy (extraction on PolNeAR, model load left out).

    python bench/eval_actors.py [--limit N] [--no-dev] [--eval DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.evaluate import actors  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/eval_actors.py", description=__doc__.splitlines()[0])
    actors.add_arguments(ap)
    args = ap.parse_args(argv)
    actors.print_seed(actors.seed_score())
    if args.no_dev:
        return 0
    path = actors.dev_path(args.eval)
    if not path.exists():
        print(f"== Dev proxy skipped: {path} not found")
        return 0
    from generator.nlp import get_nlp

    rows = actors.load_dev(path, args.limit)
    get_nlp()  # the model load is not the proxy's time
    stats: dict = {}
    t0 = time.perf_counter()
    figures = actors.dev_proxy(rows, stats)
    dt = time.perf_counter() - t0
    figures.update(seconds=round(dt, 1), words_per_second=round(stats["words"] / dt) if dt else 0)
    actors.print_dev(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
