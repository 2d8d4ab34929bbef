"""Junk audit: person and organisation actors over every development article, checked by rules.

    briefing evaluate audit [--eval DIR] [--sample 100] [--seed 7] [--out FILE] [--limit N] [--without-gold]

Each person and organisation actor is checked by shape rules that need no gold:
not a name shape (no capital, markup characters, digits, lower-case words that
are not name particles), a weekday or month, shorter than three letters, and
a common noun (one word that the article also writes in lower case, or that
the tagger never reads as a proper noun). Also counts quotes whose speaker is an
actor of a type that cannot speak (a place). Prints the counts per rule and writes
a random sample of person actors (with a sentence of context) for review by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Set
from pathlib import Path

from generator.lexicon import calendar_words, wordset

from . import ROOT, add_eval_option, eval_dir, script

_MARKUP = re.compile(r"[<>|@#/\\=_*{}\[\]~^]")


def articles(eval_dir: Path, exclude: Set[str] = frozenset()):
    from generator.article import split_paragraphs
    from generator.model import Article

    for fn in ("polnear-dev.jsonl", "newscluster-dev.jsonl", "timebank-aquaint-dev.jsonl"):
        path = eval_dir / fn
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            if r["id"] in exclude:
                continue
            paras = split_paragraphs(r["text"])
            title = r.get("title") or paras[0]
            if paras and paras[0].rstrip(".") == title.rstrip("."):
                paras = paras[1:]
            if not paras:
                continue
            pub = r.get("published") or r.get("dct")
            from datetime import date

            try:
                published = date.fromisoformat(str(pub)[:10]) if pub else None
            except ValueError:
                published = None
            yield (
                fn.split("-")[0],
                r["id"],
                Article(
                    id=re.sub(r"[^a-z0-9]+", "-", r["id"].lower())[:60].strip("-") or "a",
                    title=title,
                    published=published,
                    source=r.get("publisher") or r.get("source_domain"),
                    url=None,
                    tags=(),
                    paragraphs=paras,
                ),
            )


def gold_ids(eval_dir: Path) -> set[str]:
    """Ids of the development articles copied into the blind gold (tests/gold/articles)."""
    names = {p.stem for p in (ROOT / "tests" / "gold" / "articles").glob("*/*.txt")}
    out = set()
    for fn in ("polnear-dev.jsonl", "newscluster-dev.jsonl"):
        path = eval_dir / fn
        if path.exists():
            for line in path.open(encoding="utf-8"):
                ident = json.loads(line)["id"]
                pn = "pn-" + re.sub(r"[^a-z0-9]+", "-", ident.lower())[:60].strip("-")
                if pn in names or f"nc-{ident[:16]}" in names:
                    out.add(ident)
    return out


_FUNCTION = frozenset("of for the and on in at to de del la le du des y & a an".split())


def _allowed_lower(word: str, type_: str) -> bool:
    """Lower-case words a name may hold: particles ('van', 'al-Assad'); in an organisation's
    name also function words and the word for the body ('Council of X', 'Y administration')."""
    from generator.extract.actors_lexicon import ORG_HEADS

    w = word.lower().strip(".,’'")
    head = re.split(r"[-'’]", w, maxsplit=1)[0]
    particles = wordset("name_particles")
    if w in particles or (head in particles and head != w):
        return True
    bodies = ORG_HEADS | wordset("organisation_nouns")
    return type_ != "person" and (w in _FUNCTION or w in bodies or w.rstrip("s") in bodies)


def checks(actor, article, docs) -> list[str]:
    """The rules an actor's name breaks."""
    name = actor.name
    words = name.split()
    out = []
    if actor.described:
        # A described speaker ('a police spokesman'): its head noun must name people or a body.
        from generator.extract.actors_lexicon import GROUP_HEADS
        from generator.lexicon import person_nouns, wordset

        before = re.split(r"\s(?:for|of|at|with|from|in|on|to|by)\s", name, maxsplit=1)[0].split()
        head = re.sub(r"[^a-z-]", "", before[-1].lower()) if before else ""
        known = person_nouns() | GROUP_HEADS | wordset("organisation_nouns")
        if head not in known and head.rstrip("s") not in known:
            out.append("described speaker whose head is no noun for people or a body")
        return out
    letters = sum(ch.isalpha() for ch in name)
    if (
        not any(ch.isupper() for ch in name)
        or _MARKUP.search(name)
        or any(ch.isdigit() for ch in name)
        or any(w[:1].islower() and not _allowed_lower(w, actor.type) for w in words)
        or len(words) > 5
    ):
        out.append("not a name shape")
    if any(w.lower().strip(".,") in calendar_words() for w in words):
        out.append("weekday or month")
    if letters < 3:
        out.append("shorter than three letters")
    if len(words) == 1 and actor.type == "person":
        word = words[0].strip(".,")
        lower = re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")
        if any(lower.search(p) for p in article.paragraphs):
            out.append("common noun (also written in lower case)")
        else:
            tags = {
                t.pos_ for m in actor.mentions for t in docs[m.paragraph - 1] if m.start <= t.idx < m.end and t.is_alpha
            }
            if tags and "PROPN" not in tags:
                out.append("common noun (never a proper noun)")
    return out


def add_arguments(ap: argparse.ArgumentParser) -> None:
    add_eval_option(ap)
    ap.add_argument("--sample", type=int, default=100, help="person actors in the sample for review (default: 100)")
    ap.add_argument("--seed", type=int, default=7, help="a new seed draws a fresh sample for a new review")
    ap.add_argument("--out", type=Path, default=None, help="write the sample for hand review (JSON lines)")
    ap.add_argument("--limit", type=int, default=None, help="the first N articles only")
    ap.add_argument("--without-gold", action="store_true", help="leave out the articles of the blind gold")


def run_command(args: argparse.Namespace) -> int:
    data = eval_dir(args.eval)
    exclude = gold_ids(data) if args.without_gold else set()

    from generator.extract import extract_briefing
    from generator.nlp import parse

    counts: Counter = Counter()
    flagged: list[tuple[str, str, str, str]] = []
    persons: list[dict] = []
    t0 = time.time()
    n = 0
    for corpus, ident, art in articles(data, exclude):
        if args.limit and n >= args.limit:
            break
        n += 1
        docs = parse(art)
        b = extract_briefing(art, docs)
        types = {a.id: a.type for a in b.actors}
        counts["quotes"] += len(b.quotes)
        counts["quotes attributed"] += sum(1 for q in b.quotes if q.speaker)
        counts["speakers of a non-speaking type"] += sum(
            1
            for q in b.quotes
            if q.speaker and types.get(q.speaker) not in ("person", "organisation", "country", "group")
        )
        for a in b.actors:
            if a.type not in ("person", "organisation"):
                continue
            counts[f"{a.type} actors"] += 1
            broken = checks(a, art, docs)
            for rule in broken:
                counts[f"{a.type}: {rule}"] += 1
            if broken:
                counts[f"{a.type} actors flagged"] += 1
                flagged.append((corpus, ident, a.type, f"{a.name} [{'; '.join(broken)}]"))
            if a.type == "person":
                m = a.mentions[0]
                para = art.paragraphs[m.paragraph - 1]
                persons.append(
                    {
                        "article": ident,
                        "name": a.name,
                        "aliases": list(a.aliases),
                        "context": para[max(0, m.start - 120) : m.end + 120],
                    }
                )
    print(f"{n} articles in {time.time() - t0:.0f} s")
    for k, v in sorted(counts.items()):
        print(f"{k}: {v}")
    flagged.sort(key=lambda f: f[2] != "person")  # people first: they are what a reader trusts most
    for corpus, ident, type_, text in flagged[:200]:
        print(f"  {corpus} {ident[:40]} {type_}: {text}")
    if args.out:
        rng = random.Random(args.seed)
        sample = rng.sample(persons, min(args.sample, len(persons)))
        args.out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sample), encoding="utf-8")
        print(f"wrote a sample of {len(sample)} person actors to {args.out}")
    return 0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.split("\n\n")[0], add_arguments, run_command, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
