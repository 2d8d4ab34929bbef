"""python -m generator.distribute: extract every article of seeds/ on a Dask cluster into the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..site import CACHE_DIR
from ..validate import check_seeds
from . import extract_distributed, extract_serial


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.distribute", description=__doc__.split(":", 1)[1].strip())
    ap.add_argument("--seeds", type=Path, default=Path("seeds"))
    ap.add_argument(
        "--store", type=Path, default=CACHE_DIR, help="the content-addressed store (default: the build's cache)"
    )
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    ap.add_argument("--serial", action="store_true", help="one process, no cluster")
    args = ap.parse_args(argv)
    checked = check_seeds(args.seeds)
    checked.report(lambda kind, text: print(f"{kind}: {text}", file=sys.stderr))
    articles = checked.articles
    args.store.mkdir(parents=True, exist_ok=True)

    def progress(done: int, total: int) -> None:
        if done == total or done % 100 == 0:
            print(f"extracted {done}/{total}", file=sys.stderr)

    if args.serial:
        results = extract_serial(articles, args.store)
    else:
        results = extract_distributed(articles, args.store, args.scheduler, args.workers, progress)
    failed = [(aid, err) for aid, _, err in results if err]
    for aid, err in failed:
        print(f"error: {aid}: extraction failed ({err})", file=sys.stderr)
    print(f"{len(results) - len(failed)} of {len(results)} articles in {args.store}")
    return 1 if failed or checked.errors else 0


if __name__ == "__main__":
    sys.exit(main())
