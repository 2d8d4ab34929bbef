"""Time the quote scorer: `briefing evaluate quotes` (generator/evaluate/quotes.py), then its seconds.

    python bench/eval_quotes.py [--limit N] [--no-polnear] [--n-process N] [--cache FILE] [--eval DIR]

The figures are the scorer's; this only adds how long the run took (model load included).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.evaluate import quotes  # noqa: E402

if __name__ == "__main__":
    t0 = time.perf_counter()
    status = quotes.main(prog="bench/eval_quotes.py")
    print(f"[{time.perf_counter() - t0:.1f} s]")
    sys.exit(status)
