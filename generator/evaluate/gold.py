"""Score actors and speakers on the blind gold (tests/gold/CONVENTIONS.md).

    briefing evaluate gold [--set dev|dev2|…|dev22|test|all] [--errors] [--paths] [--json FILE]

For each gold file, the article is read as a seed and run through the whole
pipeline; its actors are mapped to the gold's by shared names, and its quotes
by overlapping text, one to one, the closest pairs first. Prints, per set and source:

* people found, typed person, split into more than one entry; junk actors
  (predicted actors that are no entity of the gold), junk persons;
* roles right (people whose role the text states), and of the roles given to
  people of the gold, those the gold states too; organisations, countries
  and places typed right;
* quotes in marks: right, wrong and unattributed speaker (rates over every gold
  quote, found or not) and missed; reported statements found and with the right
  speaker; predicted quotes that match nothing.

`--errors` lists every miss (use it on the dev sets only: the test set is for scoring).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.evaluate import script
from generator.lexicon import alternation, wordset

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
# The sets that may be looked at item by item (--errors); "test" is only scored.
DEV_SETS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "dev11",
    "dev12",
    "dev13",
    "dev14",
    "dev15",
    "dev16",
    "dev17",
    "dev18",
    "dev19",
    "dev20",
    "dev21",
    "dev22",
)
# A title before a name (words.yml gold_name_titles), left out when names are compared.
_HONORIFIC = re.compile(rf"^(?:{alternation(wordset('gold_name_titles'), space=' ')})\.?\s+", re.IGNORECASE)
SPEAKING = ("person", "organisation", "country", "group")


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").strip()
    text = re.sub(r"['’]s$|'$", "", text)
    text = re.sub(r"^(?:the|a|an|one|some)\s+", "", text, flags=re.IGNORECASE)  # determiners only
    return " ".join(text.strip(' .,;:"“”').split()).casefold()


def forms(names) -> set[str]:
    out = set()
    for n in names:
        if not n:
            continue
        f = norm(n)
        if f:
            out.add(f)
            bare = norm(_HONORIFIC.sub("", n))
            if bare:
                out.add(bare)
    return out


@dataclass
class Tally:
    c: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    paths: Counter = field(default_factory=Counter)
    """(marks|reported, how the speaker was reached, right|wrong) -> count: which paths mislead."""

    def add(self, other: Tally) -> None:
        self.c.update(other.c)
        self.errors.extend(other.errors)
        self.paths.update(other.paths)


def _path(attribution: str) -> str:
    """How a speaker was reached, without the particulars ('pronoun (…)' -> 'pronoun')."""
    return attribution.split(" (")[0].split(":")[0].split(";")[0].strip()


def load_gold(set_name: str) -> list[tuple[Path, dict]]:
    sets = (*DEV_SETS, "test") if set_name == "all" else (set_name,)
    out = []
    for s in sets:
        for path in sorted((GOLD / s).glob("*.yml")):
            out.append((path, yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


def _map_actors(actors, gold_actors: list[dict]) -> dict[str, int]:
    """System actor id -> gold actor index (the gold entity it names), by shared forms."""
    gforms = [forms([g["name"], *(g.get("aliases") or [])]) for g in gold_actors]
    dforms = [forms(g.get("descriptors") or []) for g in gold_actors]
    out: dict[str, int] = {}
    for a in actors:
        sforms = forms([a.name, *a.aliases, *(m.text for m in a.mentions)])
        best = None
        for gi, gf in enumerate(gforms):
            shared = len(sforms & gf)
            if shared:
                key = (shared, gold_actors[gi]["type"] == a.type, -gi)
                if best is None or key > best[0]:
                    best = (key, gi)
        if best is None:
            for gi, df in enumerate(dforms):
                if sforms & df:
                    best = ((0, False, -gi), gi)
                    break
        if best is None and a.described:
            # An unnamed actor the gold describes at more length ('a supporter who runs the
            # account …'): the system's description is the same phrase up to its modifiers after.
            mine = norm(a.name)
            for gi, g in enumerate(gold_actors):
                if g.get("named", True) is False and mine and norm(g["name"]).startswith(mine + " "):
                    best = ((0, False, -gi), gi)
                    break
        if best is not None:
            out[a.id] = best[1]
    return out


def _role_ok(gold_roles: list[str], roles) -> bool:
    def key(t: str) -> str:
        return " ".join(_role_words(t))

    for g in gold_roles:
        for r in roles:
            gk, rk = key(g), key(r.text)
            if gk and rk and (gk == rk or gk in rk or rk in gk):
                return True
    return False


def _role_words(text: str) -> list[str]:
    """The role's words, abbreviated titles written out ('Asst Ch Con' and 'assistant chief
    constable' are one rank, for the gold as for the product)."""
    from ..extract.actors_mentions import title_key  # here: importing extraction reads the spaCy model

    return title_key(re.sub(r"[^\w\s]", " ", norm(text))).split()


def _role_stated(gold_roles: list[str], given: str) -> bool:
    """A given role the gold states: the same words, or one holding the other's two or more words
    in a row ('former secretary of state' and 'secretary of state'; not 'vice president' for
    'president', nor 'man' for 'chairman')."""
    g_words = _role_words(given)

    def inside(short: list[str], long: list[str]) -> bool:
        return len(short) >= 2 and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))

    for gold in gold_roles:
        words = _role_words(gold)
        if words and (words == g_words or inside(words, g_words) or inside(g_words, words)):
            return True
        # One head noun ('senator' for 'Eastbrook senator'), unless the given role is another rank of it.
        if len(words) == 1 and g_words and g_words[-1] == words[0] and not set(g_words) & _RANKS:
            return True
    return False


_RANKS = frozenset({"vice", "deputy", "assistant", "associate", "acting", "sub", "under"})


def _locate(paragraphs, q: dict) -> tuple[int, int, int] | None:
    p = q["paragraph"]
    if not 1 <= p <= len(paragraphs):
        return None
    at = paragraphs[p - 1].find(q["text"])
    return (p, at, at + len(q["text"])) if at >= 0 else None


def _match_quotes(
    paragraphs, golds: list[dict], sys_quotes: list[Any], locs: list[tuple[int, int, int] | None] | None = None
) -> dict[int, Any]:
    """Each gold quote's predicted quote, one to one: the pairs that share most of their text
    first (overlap over union), so that a quote reported inside another ('X said Y told him
    that …') goes to the gold of its own words, not to the first gold that contains it. A pair
    must share 30 % of the shorter one; quotes in marks match only quotes in marks."""
    if locs is None:
        locs = [_locate(paragraphs, q) for q in golds]
    pairs = []
    for k, (q, loc) in enumerate(zip(golds, locs, strict=True)):
        if loc is None:
            continue
        p, s, e = loc
        for n, sq in enumerate(sys_quotes):
            if sq.paragraph != p or (q["kind"] != "reported" and sq.kind == "reported"):
                continue
            ov = min(e, sq.end) - max(s, sq.start)
            if ov <= 0 or ov < 0.3 * min(e - s, sq.end - sq.start):
                continue
            union = max(e, sq.end) - min(s, sq.start)
            pairs.append((-ov / union, k, n))
    matched: dict[int, Any] = {}
    taken: set[int] = set()
    for _, k, n in sorted(pairs):
        if k not in matched and n not in taken:
            matched[k] = sys_quotes[n]
            taken.add(n)
    return matched


def score_article(briefing, gold: dict, name: str) -> Tally:
    t = Tally()
    c = t.c
    gactors = gold.get("actors") or []
    mapping = _map_actors(briefing.actors, gactors)
    by_gold: dict[int, list] = defaultdict(list)
    for a in briefing.actors:
        if a.id in mapping:
            by_gold[mapping[a.id]].append(a)
        else:
            c["junk actors"] += 1
            if a.type == "person":
                c["junk persons"] += 1
                t.errors.append(f"{name}: junk person {a.name!r} ({', '.join(a.aliases[:3])})")
            else:
                t.errors.append(f"{name}: junk {a.type} {a.name!r}")
    c["predicted actors"] += len(briefing.actors)
    c["predicted persons"] += sum(1 for a in briefing.actors if a.type == "person")
    for gi, g in enumerate(gactors):
        found = sorted(by_gold.get(gi, []), key=lambda a: -len(a.mentions))
        gtype = g["type"]
        if gtype == "person" and g.get("named", True):
            c["gold people"] += 1
            if found:
                c["people found"] += 1
                if found[0].type == "person":
                    c["people typed person"] += 1
                else:
                    t.errors.append(f"{name}: person {g['name']!r} typed {found[0].type}")
                if len(found) > 1:
                    c["people split"] += 1
                    t.errors.append(f"{name}: person {g['name']!r} split into {[a.name for a in found]}")
                given = [r for a in found if a.type == "person" for r in a.roles]
                c["roles given"] += len(given)
                c["roles given in the gold"] += sum(1 for r in given if _role_stated(g.get("roles") or [], r.text))
                if g.get("roles"):
                    c["people with roles"] += 1
                    roles = [r for a in found for r in a.roles]
                    if _role_ok(g["roles"], roles):
                        c["roles right"] += 1
                    else:
                        t.errors.append(
                            f"{name}: role of {g['name']!r}: gold {g['roles']} got {[r.text for r in roles]}"
                        )
            else:
                t.errors.append(f"{name}: person {g['name']!r} not found")
        elif gtype in ("organisation", "country", "place"):
            c[f"gold {gtype}"] += 1
            if found:
                c[f"{gtype} found"] += 1
                if found[0].type == gtype:
                    c[f"{gtype} typed right"] += 1
                else:
                    t.errors.append(f"{name}: {gtype} {g['name']!r} typed {found[0].type}")
    # Quotes
    paragraphs = briefing.article.paragraphs
    gnames = {g["name"]: i for i, g in enumerate(gactors)}
    sys_quotes = list(briefing.quotes)
    used: set[str] = set()
    golds = gold.get("quotes") or []
    locs = [_locate(paragraphs, q) for q in golds]
    matched = _match_quotes(paragraphs, golds, sys_quotes, locs)
    for k, (q, loc) in enumerate(zip(golds, locs, strict=True)):
        group = "reported" if q["kind"] == "reported" else "marks"
        c[f"gold {group}"] += 1
        if loc is None:
            c[f"gold {group} unlocatable"] += 1
            continue
        p = loc[0]
        best = matched.get(k)
        if best is None:
            c[f"{group} missed"] += 1
            t.errors.append(f"{name}: ¶{p} {group} missed: {q['text'][:70]!r} ({q.get('speaker')})")
            continue
        used.add(best.id)
        c[f"{group} found"] += 1
        gspk = gnames.get(q.get("speaker")) if q.get("speaker") else None
        if best.speaker is None:
            if gspk is None:
                c[f"{group} right speaker"] += 1
            else:
                c[f"{group} unattributed"] += 1
                t.errors.append(
                    f"{name}: ¶{p} {group} unattributed (gold {q['speaker']!r}, written {best.speaker_text!r}): "
                    f"{q['text'][:60]!r}"
                )
        elif gspk is not None and mapping.get(best.speaker) == gspk:
            c[f"{group} right speaker"] += 1
            t.paths[(group, _path(best.attribution), "right")] += 1
        else:
            c[f"{group} wrong speaker"] += 1
            t.paths[(group, _path(best.attribution), "wrong")] += 1
            spk = briefing.actor(best.speaker)
            t.errors.append(
                f"{name}: ¶{p} {group} WRONG speaker {spk.name if spk else best.speaker!r} "
                f"(gold {q.get('speaker')!r}, written {best.speaker_text!r}): {q['text'][:60]!r}"
            )
    for sq in sys_quotes:
        if sq.id not in used:
            c["predicted quotes unmatched"] += 1
            if sq.kind != "reported":
                c["predicted marks unmatched"] += 1
            t.errors.append(f"{name}: ¶{sq.paragraph} {sq.kind} matches no gold: {sq.text[:60]!r}")
    # Speakers of a type that cannot speak.
    for sq in sys_quotes:
        a = briefing.actor(sq.speaker)
        if a is not None and a.type not in SPEAKING:
            c["speakers of a non-speaking type"] += 1
            t.errors.append(f"{name}: speaker of non-speaking type {a.type} {a.name!r}")
    return t


def _rate(c: Counter, num: str, den: str) -> str:
    return f"{c[num] / c[den]:.1%} ({c[num]}/{c[den]})" if c[den] else "n/a"


def report(c: Counter) -> dict[str, str]:
    return {
        "people found": _rate(c, "people found", "gold people"),
        "people typed person": _rate(c, "people typed person", "people found"),
        "people split": _rate(c, "people split", "people found"),
        "junk persons": f"{c['junk persons']} of {c['predicted persons']} predicted persons",
        "junk actors": f"{c['junk actors']} of {c['predicted actors']} predicted actors",
        "roles right": _rate(c, "roles right", "people with roles"),
        "roles given that the gold states": _rate(c, "roles given in the gold", "roles given"),
        "organisations typed right": _rate(c, "organisation typed right", "organisation found"),
        "countries typed right": _rate(c, "country typed right", "country found"),
        "places typed right": _rate(c, "place typed right", "place found"),
        "orgs+places+countries typed right": f"{_orgplace(c)}",
        "marks: right speaker": _rate(c, "marks right speaker", "gold marks"),
        "marks: wrong speaker": _rate(c, "marks wrong speaker", "gold marks"),
        "marks: unattributed": _rate(c, "marks unattributed", "gold marks"),
        "marks: missed": _rate(c, "marks missed", "gold marks"),
        "marks: right speaker of found": _rate(c, "marks right speaker", "marks found"),
        "reported: found": _rate(c, "reported found", "gold reported"),
        "reported: right speaker": _rate(c, "reported right speaker", "gold reported"),
        "reported: wrong speaker": _rate(c, "reported wrong speaker", "gold reported"),
        "predicted quotes matching no gold": f"{c['predicted quotes unmatched']} ({c['predicted marks unmatched']} in marks)",
        "speakers of a non-speaking type": str(c["speakers of a non-speaking type"]),
    }


def _orgplace(c: Counter) -> str:
    num = sum(c[f"{t} typed right"] for t in ("organisation", "country", "place"))
    den = sum(c[f"{t} found"] for t in ("organisation", "country", "place"))
    return f"{num / den:.1%} ({num}/{den})" if den else "n/a"


def run(set_name: str = "dev") -> dict[str, Tally]:
    from generator import extract_article
    from generator.article import read_article

    tallies: dict[str, Tally] = defaultdict(Tally)
    for _path, gold in load_gold(set_name):
        ref = gold["article"]
        art_path = GOLD / "articles" / f"{ref}.txt"
        briefing = extract_article(read_article(art_path))
        t = score_article(briefing, gold, ref)
        split, name = ref.split("/")
        for key in ("all", split, f"{split}/{name[:2]}"):
            tallies[key].add(t)
    return tallies


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--set", default="dev", choices=(*DEV_SETS, "test", "all"), help="the gold set (default: dev)")
    ap.add_argument("--errors", action="store_true", help="list every miss (dev sets only)")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    ap.add_argument("--paths", action="store_true", help="right and wrong speakers by how they were reached")


def run_command(args: argparse.Namespace) -> int:
    tallies = run(args.set)
    table = {k: report(t.c) for k, t in sorted(tallies.items())}
    keys = list(next(iter(table.values())).keys()) if table else []
    cols = sorted(table)
    print("| measure | " + " | ".join(cols) + " |")
    print("| --- |" + " --- |" * len(cols))
    for k in keys:
        print(f"| {k} | " + " | ".join(table[c][k] for c in cols) + " |")
    if args.paths:
        paths = tallies["all"].paths
        print("\n| quotes | speaker reached by | right | wrong |\n| --- | --- | --- | --- |")
        for group, path in sorted({(g, p) for g, p, _ in paths}):
            print(f"| {group} | {path} | {paths[(group, path, 'right')]} | {paths[(group, path, 'wrong')]} |")
    if args.errors:
        if args.set not in DEV_SETS:
            print("errors are listed for the dev sets only", file=sys.stderr)
        else:
            for e in tallies["all"].errors:
                print(e)
    if args.json:
        args.json.write_text(json.dumps({k: dict(t.c) for k, t in tallies.items()}, indent=1), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.split("\n\n")[0], add_arguments, run_command, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
