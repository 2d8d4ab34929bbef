"""Score time-expression finding and normalisation, TempEval-3 style.

    briefing evaluate timex [--limit N] [--no-spacy] [--errors N] [--eval DIR]

Two gold sets:

* the seed article's hand annotation, tests/gold/seed_timeline.yml;
* timebank-aquaint-dev.jsonl of the evaluation data (TimeBank + AQUAINT from TempEval-3; the
  folder is ``--eval``, else $BRIEFING_EVAL, else ../shared/eval), where each document's
  creation time (``dct``) is the publication date.

Each document is read as the product reads it: expressions found paragraph by
paragraph, then references back ('the following day', 'a year earlier') dated
from the last date the text gave before them (generator/extract/timex_anchor.py).

Figures: span precision / recall / F1, strict (exact offsets) and relaxed (any
overlap); value accuracy on the relaxed matches; value F1 as TempEval-3 computes
its attribute F1 (a match counts only when the value is right too).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

import yaml

from generator.evaluate.timex_score import timex3_type, timex3_value
from generator.extract.common import text_of
from generator.extract.timex import find_timexes
from generator.extract.timex_anchor import anchor_timexes
from generator.model import Article, TimeValue

from . import ROOT, TIMEBANK, add_eval_option, eval_dir, script

SEED = ROOT / "seeds" / "000_826671d92ab4721b.txt"
SEED_GOLD = ROOT / "tests" / "gold" / "seed_timeline.yml"

# HeidelTime on the TempEval-3 English test set (TE3-Platinum), as published in
# UzZaman et al. (2013), "SemEval-2013 Task 1: TempEval-3", Task A results.
# Only the value F1 could be retrieved from a stored source here (a survey quoting
# "value F1 HeidelTime-t 77.61, SUTime 67.38"); the strict/relaxed span figures
# could not be checked, so they are not printed rather than quoted from memory.
HEIDELTIME_TE3 = {"value_f1": 77.61}


# ------------------------------------------------------------------ data


def split_document(text: str) -> tuple[list[str], list[int]]:
    """Paragraphs split on blank lines, with the character offset of each in ``text``.

    Inner line breaks become spaces so every paragraph offset maps back to the
    document by one addition.
    """
    paras, offsets = [], []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        block = m.group(0)
        lead = len(block) - len(block.lstrip())
        body = block.strip()
        if body:
            paras.append(body.replace("\n", " "))
            offsets.append(m.start() + lead)
    return paras, offsets


def timebank_path(eval_data: Path | None = None) -> Path:
    """The TimeBank+AQUAINT development file in the evaluation data (:func:`generator.evaluate.eval_dir`)."""
    return eval_dir(eval_data) / TIMEBANK


def timebank_docs(path: Path | None = None, ids: list[str] | None = None, limit: int | None = None) -> list[dict]:
    path = path or timebank_path()
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if ids is not None:
        wanted = set(ids)
        docs = [d for d in docs if d["id"] in wanted]
    return docs[:limit] if limit else docs


def article_of(doc: dict) -> tuple[Article, list[int]]:
    paras, offsets = split_document(doc["text"])
    dct = date.fromisoformat(doc["dct"][:10]) if doc.get("dct") else None
    art = Article(id=doc["id"], title=doc["id"], published=dct, source=None, url=None, tags=(), paragraphs=tuple(paras))
    return art, offsets


# ------------------------------------------------------------------ predicting


def predict(article: Article, docs: list | None = None) -> list[TimeValue]:
    """Every time expression in the article (paragraph-relative offsets)."""
    per_paragraph = []
    for n, para in enumerate(article.paragraphs, start=1):
        source = docs[n - 1] if docs is not None else para
        per_paragraph.append(find_timexes(source, article.published, paragraph=n))
    texts = [text_of(d) for d in docs] if docs is not None else list(article.paragraphs)
    return [tv for tvs in anchor_timexes(per_paragraph, article.published, texts) for tv in tvs]


def predict_timebank(doc: dict, nlp=None) -> list[dict]:
    art, offsets = article_of(doc)
    parsed = list(nlp.pipe(art.paragraphs)) if nlp is not None else None
    return [
        {
            "start": offsets[tv.paragraph - 1] + tv.offset,
            "end": offsets[tv.paragraph - 1] + tv.offset + len(tv.phrase),
            "text": tv.phrase,
            "value": timex3_value(tv),
            "type": timex3_type(tv),
        }
        for tv in predict(art, parsed)
    ]


# ------------------------------------------------------------------ scoring


def score(gold: list[dict], pred: list[dict]) -> dict:
    """Span P/R/F1 (strict and relaxed), value accuracy and value F1 over one or many documents.

    Items are dicts with ``doc``, ``start``, ``end``, ``value``; offsets are compared
    only within the same ``doc``.
    """
    strict_pairs = {(g["doc"], g["start"], g["end"]) for g in gold} & {(p["doc"], p["start"], p["end"]) for p in pred}
    relaxed = relaxed_matches(gold, pred)
    n_gold, n_pred = len(gold), len(pred)
    right_value = sum(1 for g, p in relaxed if same_value(g["value"], p["value"]))
    right_type = sum(1 for g, p in relaxed if g.get("type") and g.get("type") == p.get("type"))
    out: dict[str, float] = {"gold": n_gold, "pred": n_pred}
    out.update(_prf("strict", len(strict_pairs), n_gold, n_pred))
    out.update(_prf("relaxed", len(relaxed), n_gold, n_pred))
    out.update(_prf("value", right_value, n_gold, n_pred))
    out["value_accuracy"] = right_value / len(relaxed) if relaxed else 0.0
    out["type_accuracy"] = right_type / len(relaxed) if relaxed else 0.0
    return out


def same_value(gold: str | None, pred: str | None) -> bool:
    """Equal TIMEX3 values; '2000-W2' and '2000-W02' are the same week."""
    if gold is None or pred is None:
        return gold == pred
    week = re.compile(r"-W0(\d)\b")
    return week.sub(r"-W\1", gold.upper()) == week.sub(r"-W\1", pred.upper())


def relaxed_matches(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one overlap matching, longest overlap first."""
    pairs = []
    by_doc: dict = {}
    for p in pred:
        by_doc.setdefault(p["doc"], []).append(p)
    for gi, g in enumerate(gold):
        for pi, p in enumerate(by_doc.get(g["doc"], [])):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((overlap, gi, g["doc"], pi, g, p))
    used_g, used_p, out = set(), set(), []
    for _ov, gi, d, pi, g, p in sorted(pairs, key=lambda t: -t[0]):
        if gi in used_g or (d, pi) in used_p:
            continue
        used_g.add(gi)
        used_p.add((d, pi))
        out.append((g, p))
    return out


def _prf(name: str, hit: int, n_gold: int, n_pred: int) -> dict:
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f}


# ------------------------------------------------------------------ the two gold sets


def eval_timebank(docs: list[dict], nlp=None) -> dict:
    gold, pred = [], []
    for d in docs:
        gold += [
            {
                "doc": d["id"],
                "start": t["start"],
                "end": t["end"],
                "value": t["value"],
                "type": t["type"],
                "text": t["text"],
            }
            for t in d["timexes"]
        ]
        pred += [{**p, "doc": d["id"]} for p in predict_timebank(d, nlp)]
    result = score(gold, pred)
    result["_gold"], result["_pred"] = gold, pred
    return result


def load_seed_gold(path: Path = SEED_GOLD) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def seed_items(gold: dict, article: Article) -> list[dict]:
    """Gold timexes of the seed as scoring items (offsets located by phrase and occurrence)."""
    items = []
    for t in gold["timexes"]:
        para = article.paragraphs[t["paragraph"] - 1]
        start = _nth(para, t["phrase"], t.get("occurrence", 1))
        items.append(
            {
                "doc": t["paragraph"],
                "start": start,
                "end": start + len(t["phrase"]),
                "value": t.get("timex3", t.get("value")),
                "type": t.get("type", "DATE"),
                "text": t["phrase"],
            }
        )
    return items


def _nth(text: str, phrase: str, n: int) -> int:
    i = -1
    for _ in range(n):
        i = text.find(phrase, i + 1)
        if i < 0:
            raise ValueError(f"gold phrase {phrase!r} (occurrence {n}) not in paragraph")
    return i


def eval_seed(nlp=None) -> dict:
    from generator.article import read_article

    article = read_article(SEED)
    docs = list(nlp.pipe(article.paragraphs)) if nlp is not None else None
    gold = seed_items(load_seed_gold(), article)
    pred = [
        {
            "doc": tv.paragraph,
            "start": tv.offset,
            "end": tv.offset + len(tv.phrase),
            "value": timex3_value(tv),
            "type": timex3_type(tv),
            "text": tv.phrase,
        }
        for tv in predict(article, docs)
    ]
    result = score(gold, pred)
    result["_gold"], result["_pred"] = gold, pred
    return result


# ------------------------------------------------------------------ report


def _row(name: str, r: dict) -> str:
    return (
        f"{name:<28} {r['gold']:>5} {r['pred']:>5}  "
        f"{r['strict_p']:.3f} {r['strict_r']:.3f} {r['strict_f1']:.3f}  "
        f"{r['relaxed_p']:.3f} {r['relaxed_r']:.3f} {r['relaxed_f1']:.3f}  "
        f"{r['value_accuracy']:.3f} {r['value_f1']:.3f}"
    )


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--limit", type=int, default=None, help="first N TimeBank documents only")
    ap.add_argument("--no-spacy", action="store_true", help="tense from nearby words instead of the parse")
    ap.add_argument("--errors", type=int, default=0, help="print up to N value errors and misses")
    add_eval_option(ap)


def run_command(args: argparse.Namespace) -> int:
    nlp = None
    if not args.no_spacy:
        from generator.nlp import get_nlp

        nlp = get_nlp()
    header = f"{'set':<28} {'gold':>5} {'pred':>5}  {'strict P/R/F1':<17}  {'relaxed P/R/F1':<17}  {'valAcc':<6} {'valF1':<6}"
    print(header)
    seed = eval_seed(nlp)
    print(_row("seed (hand gold)", seed))
    path = timebank_path(args.eval)
    if path.exists():
        docs = timebank_docs(path, limit=args.limit)
        tb = eval_timebank(docs, nlp)
        for split in ("timebank", "aquaint"):
            part = [g for g in tb["_gold"] if _split_of(docs, g["doc"]) == split]
            pred = [p for p in tb["_pred"] if _split_of(docs, p["doc"]) == split]
            if part:
                n = len({g["doc"] for g in part})
                print(_row(f"  {split} ({n} docs)", score(part, pred)))
        print(_row(f"timebank+aquaint dev ({len(docs)})", tb))
        if args.errors:
            _print_errors(tb, args.errors)
    else:
        print(f"(no TimeBank dev data at {path}: skipped)")
    print(
        "HeidelTime (HeidelTime-t) on the TempEval-3 English test set, TE3-Platinum (UzZaman et al. 2013, Task A): "
        f"value F1 {HEIDELTIME_TE3['value_f1']:.2f}; its strict/relaxed span figures could not be retrieved here.\n"
        "Not the same documents: our dev set is TempEval-3's TimeBank+AQUAINT training data."
    )
    print(f"[tense from {'spaCy parse' if nlp else 'nearby words'}]")
    return 0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.split("\n\n")[0], add_arguments, run_command, argv, prog)


def _split_of(docs: list[dict], doc_id: str) -> str:
    global _SPLITS
    if _SPLITS is None or doc_id not in _SPLITS:
        _SPLITS = {d["id"]: d.get("split", "") for d in docs}
    return _SPLITS.get(doc_id, "")


_SPLITS: dict | None = None


def _print_errors(result: dict, n: int) -> None:
    matched = relaxed_matches(result["_gold"], result["_pred"])
    wrong = [(g, p) for g, p in matched if not same_value(g["value"], p["value"])]
    print(f"\n-- value errors ({len(wrong)})")
    for g, p in wrong[:n]:
        print(f"  {g['doc'][:24]:<24} {g['text']!r:<28} gold={g['value']:<14} ours={p['value']} ({p['text']!r})")
    gm = {id(g) for g, _ in matched}
    pm = {id(p) for _, p in matched}
    misses = [g for g in result["_gold"] if id(g) not in gm]
    extras = [p for p in result["_pred"] if id(p) not in pm]
    print(f"\n-- missed ({len(misses)})")
    for g in misses[:n]:
        print(f"  {g['text']!r} {g['type']} {g['value']}")
    print(f"\n-- spurious ({len(extras)})")
    for p in extras[:n]:
        print(f"  {p['text']!r} {p['value']}")


if __name__ == "__main__":
    sys.exit(main())
