"""Score the actor stage.

Seed (gold actors in tests/gold/seed_actors.yml): actor precision, recall and F1
(an actor matches when a name or alias is shared), type accuracy, alias-merge
accuracy (pairs of gold surface forms correctly merged / kept apart), role
accuracy (text, and text with affiliation) and affiliation accuracy.

Development data (polnear-dev.jsonl of the evaluation data, no gold actors): a
PROXY only, the share of non-pronoun gold speaker strings that fall inside a
detected person/organisation/group/country mention. It says nothing about
merging or types.

    briefing evaluate actors               # seed + full dev proxy
    briefing evaluate actors --limit 100
    briefing evaluate actors --no-dev      # seed only
    briefing evaluate actors --eval DIR    # the dev data read from DIR (default: see generator.evaluate)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from generator.lexicon import pronouns, wordset

from . import POLNEAR, ROOT, add_eval_option, eval_dir, script

if TYPE_CHECKING:
    from generator.model import Actor

GOLD = ROOT / "tests" / "gold" / "seed_actors.yml"

PRONOUNS = pronouns() | wordset("pronouns")
"""Every pronoun of words.yml: a gold speaker written as one is left out of the proxy."""


def _f(text: str) -> str:
    text = text.replace("\u2019", "'")
    text = re.sub(r"'s$", "", text.strip())
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split()).casefold()


def _forms(name: str, aliases) -> set[str]:
    return {_f(name), *(_f(a) for a in aliases or ())}


def _role_key(text: str) -> str:
    from generator.extract.actors_mentions import title_key

    return title_key(_f(text))


def _role_match(gold_text: str, sys_text: str) -> bool:
    g, s = _role_key(gold_text), _role_key(sys_text)
    return g == s or g in s or s in g


def match_actors(actors: list[Actor], gold: list[dict]) -> dict[int, Actor]:
    """Gold index -> system actor, one-to-one, by shared names/aliases."""
    pairs = []
    for gi, g in enumerate(gold):
        gf = _forms(g["name"], g.get("aliases"))
        for a in actors:
            common = gf & _forms(a.name, a.aliases)
            if common:
                pairs.append((-len(common), _f(g["name"]) != _f(a.name), gi, a))
    pairs.sort(key=lambda p: (p[0], p[1], p[2]))
    used_g, used_a, out = set(), set(), {}
    for _, _, gi, a in pairs:
        if gi in used_g or a.id in used_a:
            continue
        used_g.add(gi)
        used_a.add(a.id)
        out[gi] = a
    return out


def score(actors: list[Actor], gold: list[dict]) -> dict:
    matched = match_actors(actors, gold)
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    tp = sum(1 for i in required if i in matched)
    matched_ids = {a.id for a in matched.values()}
    fp_actors = [a for a in actors if a.id not in matched_ids]
    fp = len(fp_actors)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / len(required) if required else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    types_ok = sum(1 for i, a in matched.items() if a.type == gold[i]["type"])
    type_acc = types_ok / len(matched) if matched else 0.0

    # Alias merging: every pair of gold surface forms of required actors.
    forms = [(f, i) for i in required for f in sorted(_forms(gold[i]["name"], gold[i].get("aliases")))]
    where: dict[str, set[str]] = {}
    for a in actors:
        for f in _forms(a.name, a.aliases):
            where.setdefault(f, set()).add(a.id)
    same_ok = same_n = apart_ok = apart_n = 0
    for (f1_, g1), (f2_, g2) in combinations(forms, 2):
        together = bool(where.get(f1_, set()) & where.get(f2_, set()))
        if g1 == g2:
            same_n += 1
            same_ok += together
        else:
            apart_n += 1
            apart_ok += not together

    # Roles: gold roles of required actors; a role marked optional counts only if found.
    id_of: dict[int | None, str] = {i: a.id for i, a in matched.items()}
    name_to_gold = {_f(g["name"]): i for i, g in enumerate(gold)}
    role_n = role_text_ok = role_full_ok = 0
    missed_roles, spurious_roles = [], []
    for i in required:
        found = matched.get(i)
        gold_roles = gold[i].get("roles") or []
        for gr in gold_roles:
            hit = next((r for r in (found.roles if found else ()) if _role_match(gr["text"], r.text)), None)
            if gr.get("optional") and hit is None:
                continue
            role_n += 1
            if hit is None:
                missed_roles.append(f"{gold[i]['name']}: {gr['text']}")
                continue
            role_text_ok += 1
            want = gr.get("affiliation")
            want_id = id_of.get(name_to_gold.get(_f(want))) if want else None
            if (want is None and hit.affiliation is None) or (want is not None and hit.affiliation == want_id):
                role_full_ok += 1
            else:
                missed_roles.append(f"{gold[i]['name']}: {gr['text']} affiliation {hit.affiliation!r} != {want!r}")
        for r in found.roles if found else ():
            if not any(_role_match(gr["text"], r.text) for gr in gold_roles):
                spurious_roles.append(f"{gold[i]['name']}: {r.text}")

    aff_n = aff_ok = 0
    for i in required:
        want = gold[i].get("affiliation")
        if not want or i not in matched:
            continue
        aff_n += 1
        aff_ok += matched[i].affiliation == id_of.get(name_to_gold.get(_f(want)))

    cap_n = sum(1 for i in required if gold[i].get("capital_for_government"))
    cap_ok = sum(
        1
        for i in required
        if gold[i].get("capital_for_government") and i in matched and any("capital" in n for n in matched[i].notes)
    )
    return {
        "actors_gold": len(required),
        "actors_system": len(actors),
        "tp": tp,
        "fp": fp,
        "fn": len(required) - tp,
        "precision": prec,
        "recall": rec,
        "f1": f1,
        "type_accuracy": type_acc,
        "merge_pairs_same": same_n,
        "merge_same_accuracy": same_ok / same_n if same_n else 1.0,
        "merge_pairs_apart": apart_n,
        "merge_apart_accuracy": apart_ok / apart_n if apart_n else 1.0,
        "merge_accuracy": (same_ok + apart_ok) / (same_n + apart_n) if same_n + apart_n else 1.0,
        "roles_gold": role_n,
        "role_text_accuracy": role_text_ok / role_n if role_n else 1.0,
        "role_accuracy": role_full_ok / role_n if role_n else 1.0,
        "roles_spurious": len(spurious_roles),
        "affiliation_accuracy": aff_ok / aff_n if aff_n else 1.0,
        "capital_flags": f"{cap_ok}/{cap_n}",
        "false_positives": [f"{a.name} ({a.type})" for a in fp_actors],
        "false_negatives": [gold[i]["name"] for i in required if i not in matched],
        "wrong_types": [
            f"{gold[i]['name']}: {a.type} != {gold[i]['type']}" for i, a in matched.items() if a.type != gold[i]["type"]
        ],
        "role_errors": missed_roles,
        "spurious_roles": spurious_roles,
    }


def seed_score() -> dict:
    from generator.article import read_article
    from generator.extract.actors import extract_actors
    from generator.nlp import parse

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    article = read_article(ROOT / gold["article"])
    actors = extract_actors(article, parse(article))
    return score(actors, gold["actors"])


def dev_path(eval_data: Path | None = None) -> Path:
    """The development file the proxy reads (:func:`generator.evaluate.eval_dir`)."""
    return eval_dir(eval_data) / POLNEAR


def load_dev(path: Path, limit: int = 0) -> list[dict]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def dev_proxy(rows: list[dict], stats: dict | None = None) -> dict:
    """Share of named gold speakers that land inside a detected actor mention (a proxy, not gold).
    With `stats`, the number of spaCy tokens parsed is added to its "words" (for a throughput)."""
    from generator.extract.actors import extract_actors
    from generator.model import Article
    from generator.nlp import get_nlp

    nlp = get_nlp()
    total = hit = person_hit = 0
    words = 0
    for row in rows:
        text = row["text"]
        # Paragraph offsets, so gold character offsets map onto (paragraph, offset).
        paras, starts = [], []
        for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
            if m.group().strip():
                paras.append(m.group())
                starts.append(m.start())
        article = Article(
            id=row["id"],
            title=row.get("title", ""),
            published=None,
            source=None,
            url=None,
            tags=(),
            paragraphs=tuple(paras),
        )
        docs = list(nlp.pipe(paras))
        words += sum(len(d) for d in docs)
        actors = extract_actors(article, docs)
        spans = [(m.paragraph, m.start, m.end, a.type) for a in actors for m in a.mentions]
        for q in row.get("quotes", []):
            sp = (q.get("speaker") or "").strip()
            if not sp or sp.lower() in PRONOUNS or not any(ch.isupper() for ch in sp):
                continue
            s = q["speaker_start"]
            k = max(i for i, st in enumerate(starts) if st <= s) if starts and starts[0] <= s else None
            if k is None:
                continue
            ps, pe = s - starts[k], q["speaker_end"] - starts[k]
            total += 1
            inside = [t for (p, a, b, t) in spans if p == k + 1 and a < pe and ps < b]
            if inside:
                hit += 1
                person_hit += any(t in ("person", "organisation", "group", "country") for t in inside)
    if stats is not None:
        stats["words"] = stats.get("words", 0) + words
    return {
        "articles": len(rows),
        "named_speakers": total,
        "speaker_in_actor_mention": hit / total if total else 0.0,
        "speaker_in_person_org_group_country": person_hit / total if total else 0.0,
    }


SEED_FIGURES = (
    "actors_gold",
    "actors_system",
    "tp",
    "fp",
    "fn",
    "precision",
    "recall",
    "f1",
    "type_accuracy",
    "merge_pairs_same",
    "merge_same_accuracy",
    "merge_pairs_apart",
    "merge_apart_accuracy",
    "merge_accuracy",
    "roles_gold",
    "role_text_accuracy",
    "role_accuracy",
    "roles_spurious",
    "affiliation_accuracy",
    "capital_flags",
)


def print_seed(s: dict) -> None:
    print("== Seed (gold: tests/gold/seed_actors.yml)")
    for k in SEED_FIGURES:
        v = s[k]
        print(f"  {k:24} {v:.3f}" if isinstance(v, float) else f"  {k:24} {v}")
    for k in ("false_positives", "false_negatives", "wrong_types", "role_errors", "spurious_roles"):
        if s[k]:
            print(f"  {k}: {s[k]}")


def print_dev(d: dict) -> None:
    print("== Dev PROXY (polnear-dev; no gold actors): named gold speakers inside a detected actor mention")
    for k, v in d.items():
        print(f"  {k:36} {v:.3f}" if isinstance(v, float) else f"  {k:36} {v}")


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--limit", type=int, default=0, help="dev articles to use (0 = all)")
    ap.add_argument("--no-dev", action="store_true", help="score the seed only")
    add_eval_option(ap)


def run_command(args: argparse.Namespace) -> int:
    print_seed(seed_score())
    if not args.no_dev:
        path = dev_path(args.eval)
        if not path.exists():
            print(f"== Dev proxy skipped: {path} not found")
            return 0
        print_dev(dev_proxy(load_dev(path, args.limit)))
    return 0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.splitlines()[0], add_arguments, run_command, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
