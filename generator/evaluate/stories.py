"""Score story clustering on newscluster-dev.jsonl against its gold stories (``cluster.event``).

    briefing evaluate stories [--eval DIR] [--no-actors] [--folds 5] [--sizes] [--nested] [--grid]

Prints pairwise precision, recall and F1 and the adjusted Rand index with the threshold of
``generator/story/params.yml``, the best threshold on the whole set (tuned to itself, for
reference), and a cross-validated F1: the stories are split into folds; the threshold is chosen
on the other folds' articles and the held-out fold is clustered and scored with it; the pair
counts of every held-out fold are summed. Actors come from the real extraction (spaCy, cached in
``.cache/briefing``); ``--no-actors`` scores text and dates alone. The data folder is ``--eval``,
else $BRIEFING_EVAL, else ../shared/eval. The texts are evaluation data: nothing of them is
written anywhere.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from generator.model import Article
from generator.story.cluster import Item, Params, cluster, item_of, load_params, similarity

from . import NEWSCLUSTER, ROOT, add_eval_option, eval_dir, script

THRESHOLDS = [round(0.50 + 0.01 * k, 2) for k in range(50)]


def paragraphs(text: str) -> tuple[str, ...]:
    blocks = re.split(r"\n[ \t]*\n\s*", text)
    return tuple(" ".join(b.split("\n")).strip() for b in blocks if b.strip())


def load(path: Path) -> tuple[list[Article], dict[str, str]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    articles, gold = [], {}
    for r in rows:
        aid = "nc-" + r["id"][:16]
        published = date.fromisoformat(r["published"][:10]) if r.get("published") else None
        articles.append(
            Article(aid, r["title"], published, r.get("source_domain"), r.get("url"), (), paragraphs(r["text"]))
        )
        gold[aid] = r["cluster"]["event"]
    return articles, gold


def items_for(articles: list[Article], actors: bool) -> list[Item]:
    if not actors:
        return [Item(a.id, a.title, "\n".join(a.paragraphs), a.published) for a in articles]
    from generator.produce import extract_cached

    cache = ROOT / ".cache" / "briefing"
    out = []
    for n, a in enumerate(articles, 1):
        out.append(item_of(extract_cached(a, cache)))
        if n % 25 == 0:
            print(f"  extracted {n}/{len(articles)}", file=sys.stderr)
    return out


def pair_counts(groups: list[list[str]], gold: dict[str, str]) -> tuple[int, int, int]:
    """(true positive, predicted, gold) pair counts."""
    label = {i: n for n, g in enumerate(groups) for i in g}
    ids = sorted(label)
    tp = pred = true = 0
    for a, b in combinations(ids, 2):
        same_p, same_g = label[a] == label[b], gold[a] == gold[b]
        tp += same_p and same_g
        pred += same_p
        true += same_g
    return tp, pred, true


def prf(tp: int, pred: int, true: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 1.0
    r = tp / true if true else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(groups: list[list[str]], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    label = {i: n for n, g in enumerate(groups) for i in g}
    ids = sorted(label)
    return adjusted_rand_score([gold[i] for i in ids], [label[i] for i in ids])


def score(items: list[Item], gold: dict[str, str], params: Params, sim=None) -> dict:
    groups = cluster(items, params, sim=sim)
    tp, pred, true = pair_counts(groups, gold)
    p, r, f = prf(tp, pred, true)
    return {"P": p, "R": r, "F1": f, "ARI": ari(groups, gold), "stories": len(groups), "counts": (tp, pred, true)}


def best_threshold(items: list[Item], gold: dict[str, str], params: Params) -> float:
    sim = similarity(items, params)
    scored = [(score(items, gold, replace(params, threshold=t), sim)["F1"], -t, t) for t in THRESHOLDS]
    return max(scored)[2]


GRID: list[dict[str, Any]] = [
    {"actor_weight": aw, "date_window_days": win, "date_factor": fac}
    for aw in (0.0, 0.2, 0.3)
    for win, fac in ((3, 0.5), (7, 0.5), (7, 0.7), (10000, 1.0))
]


def best_params(items: list[Item], gold: dict[str, str], params: Params) -> Params:
    """The grid point and threshold with the best F1 on `items`."""
    best: tuple[float, Params] | None = None
    for point in GRID:
        p = replace(params, **point)
        t = best_threshold(items, gold, p)
        f = score(items, gold, replace(p, threshold=t))["F1"]
        if best is None or f > best[0]:
            best = (f, replace(p, threshold=t))
    assert best is not None
    return best[1]


def cross_validated(
    items: list[Item], gold: dict[str, str], params: Params, folds: int, seed: int = 7, nested: bool = False
) -> dict:
    """Folds of whole stories: choose on the others (the threshold; with `nested`, the weights
    too), cluster and score the held-out fold alone, sum the pair counts."""
    stories = sorted(set(gold.values()))
    random.Random(seed).shuffle(stories)
    fold_of = {s: n % folds for n, s in enumerate(stories)}
    tp = pred = true = 0
    chosen: list[str | float] = []
    for k in range(folds):
        train = [i for i in items if fold_of[gold[i.id]] != k]
        test = [i for i in items if fold_of[gold[i.id]] == k]
        if nested:
            p = best_params(train, gold, params)
            chosen.append(f"t{p.threshold}/aw{p.actor_weight}/w{p.date_window_days}x{p.date_factor}")
        else:
            p = replace(params, threshold=best_threshold(train, gold, params))
            chosen.append(p.threshold)
        a, b, c = score(test, gold, p)["counts"]
        tp, pred, true = tp + a, pred + b, true + c
    prec, rec, f1 = prf(tp, pred, true)
    return {"P": prec, "R": rec, "F1": f1, "thresholds": chosen}


def add_arguments(ap: argparse.ArgumentParser) -> None:
    add_eval_option(ap)
    ap.add_argument("--no-actors", action="store_true", help="score text and dates alone (no extraction)")
    ap.add_argument("--folds", type=int, default=5, help="folds of stories for the cross-validation")
    ap.add_argument("--grid", action="store_true", help="also try actor weights and date windows")
    ap.add_argument("--sizes", action="store_true", help="also score random small sites (3, 10, 40 articles)")
    ap.add_argument("--nested", action="store_true", help="also choose the weights per fold (nested CV)")


def run_command(args: argparse.Namespace) -> int:
    path = eval_dir(args.eval) / NEWSCLUSTER
    if not path.exists():
        print(f"no development stories at {path}", file=sys.stderr)
        return 2
    articles, gold = load(path)
    items = items_for(articles, not args.no_actors)
    params = load_params()
    if args.no_actors:
        params = replace(params, actor_weight=0.0)
    print(f"{len(items)} articles, {len(set(gold.values()))} gold stories")
    s = score(items, gold, params)
    print(
        f"params.yml (threshold {params.threshold}): P {s['P']:.3f}  R {s['R']:.3f}  F1 {s['F1']:.3f}  "
        f"ARI {s['ARI']:.3f}  stories {s['stories']}"
    )
    t = best_threshold(items, gold, params)
    b = score(items, gold, replace(params, threshold=t))
    print(
        f"best on the whole set (threshold {t}): P {b['P']:.3f}  R {b['R']:.3f}  F1 {b['F1']:.3f}  ARI {b['ARI']:.3f}"
    )
    cv = cross_validated(items, gold, params, args.folds)
    print(
        f"cross-validated over {args.folds} folds of stories: P {cv['P']:.3f}  R {cv['R']:.3f}  F1 {cv['F1']:.3f}  "
        f"(thresholds {cv['thresholds']})"
    )
    if args.sizes:
        # A small site has fewer articles to compare: random subsets of the articles, scored alike.
        for n in (3, 10, 40):
            rng = random.Random(1)
            tp = pred = true = 0
            for _ in range(100):
                n_tp, n_pred, n_true = pair_counts(cluster(rng.sample(items, n), params), gold)
                tp, pred, true = tp + n_tp, pred + n_pred, true + n_true
            p_, r_, f_ = prf(tp, pred, true)
            print(f"sites of {n} random articles (100 draws): P {p_:.3f}  R {r_:.3f}  F1 {f_:.3f}")
    if args.nested:
        cv = cross_validated(items, gold, params, args.folds, nested=True)
        print(
            f"nested cross-validation (weights and threshold chosen per fold): P {cv['P']:.3f}  R {cv['R']:.3f}  "
            f"F1 {cv['F1']:.3f}  (chosen {cv['thresholds']})"
        )
    if args.grid:
        for aw in (0.0, 0.2, 0.3, 0.4, 0.5):
            for win, fac in ((3, 0.5), (7, 0.5), (7, 0.7), (14, 0.5), (10000, 1.0)):
                for tw in (1, 2, 3):
                    p = replace(params, actor_weight=aw, date_window_days=win, date_factor=fac, title_weight=tw)
                    t = best_threshold(items, gold, p)
                    b = score(items, gold, replace(p, threshold=t))
                    cv = cross_validated(items, gold, p, args.folds)
                    print(
                        f"aw {aw} win {win} fac {fac} tw {tw}: best t {t} F1 {b['F1']:.3f} ARI {b['ARI']:.3f} cv {cv['F1']:.3f}"
                    )
    return 0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.splitlines()[0], add_arguments, run_command, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
