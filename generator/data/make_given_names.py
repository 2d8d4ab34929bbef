"""Build given_names.tsv from the PyPI package names-dataset 3.3.1 (Apache-2.0 licence file).

    pip download --no-deps names-dataset==3.3.1 -d /tmp/nd && unzip /tmp/nd/*.whl -d /tmp/nd/x
    python generator/data/make_given_names.py /tmp/nd/x/names_dataset/v3/first_names.pkl.gz

Keeps aggregate statistics only: first names written in Latin letters that rank
among the 1,000 most common of at least one country, with the share of women
among their bearers (rounded). No person's data is kept.
"""

from __future__ import annotations

import gzip
import pickle
import re
import sys
from pathlib import Path

OUT = Path(__file__).with_name("given_names.tsv")
MAX_RANK = 1000


def main(src: str) -> None:
    with gzip.open(src) as fh:
        data = pickle.load(fh)  # noqa: S301 - the package's own data file
    rows = []
    for name, stats in data.items():
        ranks = stats.get("rank") or {}
        if not ranks or not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
            continue
        best = min(ranks.values())
        if best <= MAX_RANK:
            female = (stats.get("gender") or {}).get("F", 0.0)
            rows.append(f"{name}\t{best}\t{female:.2f}\n")
    OUT.write_text("name\tbest_rank\tfemale_share\n" + "".join(sorted(rows)), encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
