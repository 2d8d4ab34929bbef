"""Rebuild countries.tsv from the countryinfo package's data files.

Run by hand when the source changes; the generator only reads the TSV:

    pip download --no-deps countryinfo==1.0.1 && unzip countryinfo-1.0.1-py3-none-any.whl
    python generator/data/make_countries.py countryinfo/data > generator/data/countries.tsv

Only the fields the actor extractor needs are copied: the English name, the ISO
codes, the demonym, the capital, the population (to settle a demonym shared by
two entries) and the alternative spellings written in ASCII
(native-script spellings cannot occur in English text and are left out).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COLUMNS = ("name", "alpha2", "alpha3", "demonym", "capital", "population", "alt_names")

STYLE_NAMES = {"GB": ["Britain"]}
"""Short names news style uses that the package lacks (AP Stylebook, 'Britain': acceptable in
all references for the United Kingdom)."""


def _as_list(value) -> list[str]:
    # Some countries list several capitals.
    values = value if isinstance(value, list) else [value]
    return [v.strip() for v in values if isinstance(v, str) and v.strip()]


def _row(data: dict) -> tuple[str, ...] | None:
    name = (data.get("name") or "").strip()
    if not name:
        return None
    iso = data.get("ISO") or {}
    alts = [a.strip() for a in data.get("altSpellings") or [] if a and a.isascii() and a.strip() != name]
    alts += STYLE_NAMES.get(iso.get("alpha2") or "", [])
    return (
        name,
        iso.get("alpha2") or "",
        iso.get("alpha3") or "",
        (data.get("demonym") or "").strip(),
        "|".join(_as_list(data.get("capital"))),
        str(data.get("population") or ""),
        "|".join(dict.fromkeys(alts)),
    )


def rows(data_dir: Path) -> list[tuple[str, ...]]:
    # The package has a few entries twice (under two file names); keep, per
    # ISO code, the one that fills the most fields.
    best: dict[str, tuple[str, ...]] = {}
    for path in sorted(data_dir.glob("*.json")):
        row = _row(json.loads(path.read_text(encoding="utf-8")))
        if row is None:
            continue
        key = row[1] or row[0]
        if key not in best or sum(map(bool, row)) > sum(map(bool, best[key])):
            best[key] = row
    return sorted(best.values())


def main(argv: list[str]) -> None:
    out = sys.stdout
    out.write("\t".join(COLUMNS) + "\n")
    for row in rows(Path(argv[0])):
        out.write("\t".join(field.replace("\t", " ") for field in row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
