"""Timeline readability on the blind development gold: the share of events judged readable.

    briefing evaluate events [--judgements bench/judgements/events-dev.jsonl] [--list]

Every timeline event of the dev gold articles (tests/gold/articles/dev) was judged by a reader who
had not seen how it was made (bench/judgements/README.md): "readable" (a complete statement with its
actor, understood alone) or "fragment". This prints the share readable among today's events that were
judged, and how many of today's events are new since the judging (not judged: judge them again when
that number grows). An event is judged as the timeline shows it (``Event.line``); the lines folded as
background under the timeline (``Event.background``) are counted apart. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from . import ROOT, script

JUDGEMENTS = ROOT / "bench" / "judgements" / "events-dev.jsonl"
ARTICLES = ROOT / "tests" / "gold" / "articles" / "dev"


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS, help="the judgements (JSON lines)")
    ap.add_argument("--list", action="store_true", help="list today's events judged fragments")


def run_command(args: argparse.Namespace) -> int:
    from generator import extract_article
    from generator.article import read_article

    judged = {}
    for line in args.judgements.read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            judged[(j["article"], j["paragraph"], j["event"])] = j
    counts: Counter = Counter()
    why: Counter = Counter()
    for path in sorted(ARTICLES.glob("*.txt")):
        briefing = extract_article(read_article(path))
        for e in briefing.events:
            if e.background:
                counts["background"] += 1  # folded under the timeline, with why: not a timeline event
                continue
            j = judged.get((path.stem, e.paragraph, e.line))
            if j is None:
                counts["not judged"] += 1
                continue
            counts[j["label"]] += 1
            if j["label"] == "fragment":
                why[j.get("why") or "?"] += 1
                if args.list:
                    print(f"{path.stem} ¶{e.paragraph}: {e.line!r} ({j.get('why')})")
    total = counts["readable"] + counts["fragment"]
    print(
        f"events judged readable: {counts['readable']}/{total} = {counts['readable'] / max(total, 1):.1%}"
        f" ({counts['not judged']} of today's events not judged; {counts['background']} lines folded as background)"
    )
    for reason, n in why.most_common(8):
        print(f"  fragment: {reason} ({n})")
    return 0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.split("\n")[0], add_arguments, run_command, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
