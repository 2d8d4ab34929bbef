"""Timeline readability on the blind development gold: the share of events judged readable.

    briefing evaluate events [--set dev|dev8|…|all] [--list]

The timeline lines of gold articles (tests/gold/articles/<set>) were judged one by one by readers
who had not seen how they were made (bench/judgements/README.md): "readable" (a complete statement
with its actor, understood alone) or "fragment", and whether the line is true to the text. This
prints, per set with judgements (bench/judgements/events-<set>.jsonl), the share readable among
today's timeline events that were judged, the lines judged untrue, and how many of today's events
are new since the judging (not judged: judge them again when that number grows). An event is judged
as the timeline shows it (``Event.line``). The lines folded as background under the timeline
(``Event.background``) are counted apart, with how many of them a reader judged readable: what the
folding costs. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from . import ROOT, script

JUDGEMENTS = ROOT / "bench" / "judgements"
ARTICLES = ROOT / "tests" / "gold" / "articles"


HELD_OUT = "test"  # scored, never read line by line: no reasons, no list


def judged_sets() -> list[str]:
    """The development sets with judgements, in file-name order ('dev' first); not the held-out set."""
    names = [p.stem.removeprefix("events-") for p in JUDGEMENTS.glob("events-*.jsonl")]
    return sorted((n for n in names if n != HELD_OUT), key=lambda s: (s != "dev", len(s), s))


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--set", default="all", help="a judged gold set (dev, dev8, …, test) or all (default)")
    ap.add_argument("--list", action="store_true", help="list today's events judged fragments")


def _judgements(name: str) -> dict[tuple[str, int, str], list[dict]]:
    judged: dict[tuple[str, int, str], list[dict]] = {}
    for line in (JUDGEMENTS / f"events-{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            judged.setdefault((j["article"], j["paragraph"], j["event"]), []).append(j)
    return judged


def judgement_of(judged: dict[tuple[str, int, str], list[dict]], article: str, event) -> dict | None:
    """The judgement of a line as shown today: of the same words, the same date phrase and (when the
    judgement records it) the same date value (one made before judges recorded the phrase stands for
    any); None when the line is dated otherwise now ('1999' then, 'before 1999' today) or was never
    judged."""
    found = judged.get((article, event.paragraph, event.line), [])
    phrase = event.date.phrase if event.date is not None else None
    value = event.date.value if event.date is not None else None
    # Since blind-E16 a judgement records the date value it saw too: another value today is another line.
    found = [j for j in found if "date_value" not in j or j["date_value"] == value]
    same = [j for j in found if j.get("date_phrase") == phrase] or [j for j in found if j.get("date_phrase") is None]
    return same[0] if same else None


def tally(name: str, listed: list[str] | None = None) -> tuple[Counter, Counter]:
    """(counts, why) of today's lines of a judged set: 'timeline readable', 'timeline fragment',
    'timeline untrue', 'timeline not judged' and the same for 'background'; why: the fragments'
    reasons. Fragments on the timeline are added to ``listed`` when given."""
    from generator import extract_article
    from generator.article import read_article

    judged = _judgements(name)
    counts: Counter = Counter()
    why: Counter = Counter()
    for path in sorted((ARTICLES / name).glob("*.txt")):
        briefing = extract_article(read_article(path))
        for e in briefing.events:
            j = judgement_of(judged, path.stem, e)
            where = "background" if e.background else "timeline"
            if j is None:
                counts[f"{where} not judged"] += 1
                continue
            counts[f"{where} {j['label']}"] += 1
            counts[f"{where} untrue"] += j.get("right") == "no"
            if where == "timeline" and j["label"] == "fragment":
                why[j.get("why") or "?"] += 1
                if listed is not None:
                    listed.append(f"{name} {path.stem} ¶{e.paragraph}: {e.line!r} ({j.get('why')})")
    return counts, why


def run_command(args: argparse.Namespace) -> int:
    sets = judged_sets() if args.set == "all" else [args.set]
    total: Counter = Counter()
    for name in sets:
        listed: list[str] = []
        counts, why = tally(name, listed)
        if name == HELD_OUT:
            _print(name, counts)  # the held-out set: its figures only
            continue
        if args.list:
            print("\n".join(listed))
        _print(name, counts)
        total.update(counts)
        for reason, n in why.most_common(5):
            print(f"    fragment: {reason} ({n})")
    if len(sets) > 1:
        _print("all development sets", total)
        if (JUDGEMENTS / f"events-{HELD_OUT}.jsonl").exists():
            _print(f"{HELD_OUT} (held out)", tally(HELD_OUT)[0])
    return 0


def _print(name: str, c: Counter) -> None:
    judged = c["timeline readable"] + c["timeline fragment"]
    folded = c["background readable"] + c["background fragment"]
    print(
        f"{name}: timeline events judged readable {c['timeline readable']}/{judged}"
        f" = {c['timeline readable'] / max(judged, 1):.1%}, judged untrue {c['timeline untrue']}"
        f" ({c['timeline not judged']} not judged); background {folded + c['background not judged']}"
        f" lines, {c['background readable']} of the {folded} judged were judged readable"
    )


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.split("\n")[0], add_arguments, run_command, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
