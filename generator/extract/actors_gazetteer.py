"""Countries, demonyms and capitals, read from generator/data/countries.tsv.

The table comes from a maintained package (see generator/data/README.md); this
module only indexes it for lookups by surface form.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "countries.tsv"
CITIES_FILE = Path(__file__).resolve().parents[1] / "data" / "cities.tsv"
STATES_FILE = Path(__file__).resolve().parents[1] / "data" / "us_states.tsv"


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capitals: tuple[str, ...]
    population: int
    short_forms: tuple[str, ...]
    """Alternative spellings and codes ('US', 'USA', 'United States of America')."""


def plural_form(demonym: str) -> str:
    # English demonyms ending in a sibilant ("British", "French", "Chinese",
    # "Swiss") use the same form for the people; the others add -s.
    if demonym.endswith(("sh", "ch", "ese", "s", "x", "z")):
        return demonym
    return demonym + "s"


def fold(text: str) -> str:
    """The form names are looked up by: spaces and case aside, and accents ('Dusseldorf' is
    written for 'Düsseldorf', 'Sao Paulo' for 'São Paulo')."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(folded.replace("\u2019", "'").split()).casefold()


@dataclass
class Gazetteer:
    countries: dict[str, Country]
    names: dict[str, str]
    """Surface form (casefolded) -> country name, for names and long alternative spellings."""
    codes: dict[str, str]
    """Upper-case codes ('US', 'UK') -> country name: only trusted when the tagger marks an entity."""
    demonyms: dict[str, str]
    plurals: dict[str, str]
    capitals: dict[str, str]

    def country(self, text: str, codes: bool = True) -> str | None:
        """The country a name (or, with ``codes``, a code such as 'US') refers to."""
        key = fold(strip_article(text))
        if key in self.names:
            return self.names[key]
        if not codes:
            return None
        code = strip_article(text).strip()
        if "." in code and code.replace(".", "").isupper():
            code = code.replace(".", "")  # "U.S." is written for "US"
        return self.codes.get(code)

    def demonym(self, text: str) -> str | None:
        """The country of a demonym used as an adjective or a singular noun ('Kenyan')."""
        return self.demonyms.get(fold(text))

    def plural_demonym(self, text: str) -> str | None:
        """The country of a plural demonym naming its people ('Kenyans')."""
        return self.plurals.get(fold(text))

    def is_city(self, text: str) -> bool:
        """A large city (GeoNames, 250,000 people or more)."""
        return fold(text) in cities()

    def capital_of(self, text: str) -> str | None:
        return self.capitals.get(fold(text))

    def demonym_prefix(self, text: str) -> str | None:
        """A country whose multi-word demonym and name both start with this word.

        News writing shortens such demonyms to their first word ('New' for
        'New Zealander'); only called on spans the tagger marked as a nationality.
        """
        key = fold(text)
        found = [
            c.name
            for c in self.countries.values()
            if " " in c.demonym and fold(c.demonym).split()[0] == key and fold(c.name).split()[0] == key
        ]
        return found[0] if len(found) == 1 else None


def strip_article(text: str) -> str:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def cities() -> frozenset[str]:
    with CITIES_FILE.open(encoding="utf-8", newline="") as fh:
        return frozenset(fold(row["name"]) for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def city_names() -> dict[str, frozenset[str]]:
    """A large city's name as written -> the ISO codes of the countries with a city of that name."""
    out: dict[str, set[str]] = {}
    with CITIES_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.setdefault(row["name"], set()).add(row["country_code"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def city_countries() -> dict[str, frozenset[str]]:
    """The same by the form names are looked up by (:func:`fold`)."""
    out: dict[str, set[str]] = {}
    for name, codes in city_names().items():
        out.setdefault(fold(name), set()).update(codes)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """The names of the states of the US (GeoNames, generator/data/us_states.tsv)."""
    with STATES_FILE.open(encoding="utf-8", newline="") as fh:
        return frozenset(fold(row["name"]) for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def in_the_us(name: str, gaz: Gazetteer) -> bool:
    """A place that is only in the US: a state that is no country's name, or a large city only the
    US has; never a capital's name, which a state may share."""
    key = fold(strip_article(name))
    if key in gaz.capitals or key in gaz.names:
        return False
    return key in us_states() or city_countries().get(key) == frozenset({"US"})


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    countries: dict[str, Country] = {}
    with DATA_FILE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            alts = tuple(a for a in row["alt_names"].split("|") if a)
            countries[row["name"]] = Country(
                name=row["name"],
                demonym=row["demonym"],
                capitals=tuple(c for c in row["capital"].split("|") if c),
                population=int(row["population"] or 0),
                short_forms=alts,
            )
    # Larger countries first, so that a form shared by two entries (Macau and
    # China share "Chinese") goes to the one a news text most likely means.
    ordered = sorted(countries.values(), key=lambda c: -c.population)
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    plurals: dict[str, str] = {}
    capitals: dict[str, str] = {}
    tails: dict[str, set[str]] = {}
    for c in ordered:
        forms = [c.name, *c.short_forms]
        if ", " in c.name:  # "Korea, Republic of" style entries: the head alone
            forms.append(c.name.split(", ")[0])
        for form in forms:
            if form.isupper() and len(form) <= 4:
                codes.setdefault(form, c.name)
            elif form[:1].isupper():
                names.setdefault(fold(strip_article(form)), c.name)
        # "United States of America" is also written "America": the part after
        # the last "of" of a long name, when no other country claims it.
        for form in forms:
            if " of " in form and form[:1].isupper():
                tail = strip_article(form.rsplit(" of ", 1)[1])
                if tail[:1].isupper() and "," not in tail:
                    tails.setdefault(fold(tail), set()).add(c.name)
        if c.demonym:
            for d in c.demonym.split(", "):
                demonyms.setdefault(fold(d), c.name)
                plurals.setdefault(fold(plural_form(d)), c.name)
        for cap in c.capitals:
            capitals.setdefault(fold(cap), c.name)
            # "Washington D.C." is written "Washington" in running text.
            head = cap.split(" ")[0]
            if head != cap and all("." in w for w in cap.split(" ")[1:]):
                capitals.setdefault(fold(head), c.name)
    for tail, owners in tails.items():
        if len(owners) == 1 and len(tail) > 3 and tail not in names and tail not in capitals and tail not in demonyms:
            names[tail] = owners.pop()
    return Gazetteer(countries, names, codes, demonyms, plurals, capitals)
