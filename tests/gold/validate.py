"""Check a blind gold file against its article: shape, names and exact quote texts.

    python3 tests/gold/validate.py tests/gold/dev/<name>.yml [...]

Needs only PyYAML; it never runs the product.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TYPES = {"person", "organisation", "country", "place", "group"}
KINDS = {"direct", "partial", "reported"}


def article_paragraphs(ref: str) -> list[str]:
    text = (HERE / "articles" / f"{ref}.txt").read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    return blocks[1:]  # the first block is the title


def check(path: Path) -> list[str]:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    errs: list[str] = []
    ref = gold.get("article")
    if not ref or not (HERE / "articles" / f"{ref}.txt").exists():
        return [f"article {ref!r} not found under tests/gold/articles"]
    paras = article_paragraphs(ref)
    names = set()
    for a in gold.get("actors") or []:
        if a.get("type") not in TYPES:
            errs.append(f"actor {a.get('name')!r}: type {a.get('type')!r}")
        if a.get("name") in names:
            errs.append(f"actor {a.get('name')!r} listed twice")
        names.add(a.get("name"))
        for key in ("aliases", "descriptors", "roles"):
            if not isinstance(a.get(key) or [], list):
                errs.append(f"actor {a.get('name')!r}: {key} must be a list")
    for a in gold.get("actors") or []:
        if a.get("affiliation") is not None and a["affiliation"] not in names:
            errs.append(f"actor {a['name']!r}: affiliation {a['affiliation']!r} is not an actor name")
    for k, q in enumerate(gold.get("quotes") or [], 1):
        p = q.get("paragraph")
        if not isinstance(p, int) or not 1 <= p <= len(paras):
            errs.append(f"quote {k}: paragraph {p!r} out of range 1..{len(paras)}")
            continue
        if q.get("kind") not in KINDS:
            errs.append(f"quote {k}: kind {q.get('kind')!r}")
        if not q.get("text") or q["text"] not in paras[p - 1]:
            errs.append(f"quote {k}: text not found verbatim in paragraph {p}: {str(q.get('text'))[:60]!r}")
        if q.get("speaker") is not None and q["speaker"] not in names:
            errs.append(f"quote {k}: speaker {q['speaker']!r} is not an actor name")
    return errs


def main() -> int:
    bad = 0
    for arg in sys.argv[1:]:
        errs = check(Path(arg))
        for e in errs:
            print(f"{arg}: {e}")
        bad += bool(errs)
        if not errs:
            print(f"{arg}: ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
