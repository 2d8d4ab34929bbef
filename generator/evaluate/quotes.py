"""Score quote extraction and attribution against gold annotations.

    briefing evaluate quotes                 # seed gold + full PolNeAR dev set
    briefing evaluate quotes --limit 40      # first 40 PolNeAR documents
    briefing evaluate quotes --no-polnear    # seed only
    briefing evaluate quotes --eval DIR      # PolNeAR read from DIR (default: see generator.evaluate)

Figures (precision / recall / F1):

* spans, exact: same text once quotation marks, edge punctuation, a leading
  'that' and case are set aside, as the gold item's whole text, one piece of
  a discontinuous item, or the words inside one pair of its quotation marks
  (PolNeAR's content 'the US “will continue …”' holds the exact quotation
  'will continue …' in a framing clause); overlap: a shared character.
  Matching is many to many: a prediction is right when it matches some gold
  item, a gold item found when some prediction matches it (PolNeAR joins
  '“A,” he said, “B.”' into one item, we give two).
* attribution: a prediction counts when its span overlaps a gold span AND
  its speaker is right. Precision is over predictions that name a speaker,
  recall over gold items that have one.
  - seed: the resolved speaker (actor name when the actor stage maps one,
    else the pronoun's antecedent, else the speaker as written) must be one
    of the gold speaker's forms;
  - PolNeAR: speakers are annotated as written, without coreference
    ('he', 'who'), so our speaker span as written, or the mention we
    resolve it to, must overlap the gold one.
* rows: all items; those with quotation marks (gold has_quote_marks, our
  direct/partial quotes); reported speech without marks. Precision of a row
  is over our items of that kind, matched to any gold item.

PolNeAR annotates every attribution relation, beliefs and intentions
included ('he thinks', 'voters want'), so recall on reported speech is
bounded well below 1 for any speech-only extractor. It also misses
quotations (one annotator a document), so on the full set the script also
prints an adjudicated span precision for quotations in marks: predictions
that overlap no gold item are looked up in bench/adjudication/ (labelled
blind, both systems mixed; see its README).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.lexicon import THIRD_PERSON, pronouns

from . import POLNEAR, ROOT, add_eval_option, eval_dir, script

SEED = ROOT / "seeds" / "000_826671d92ab4721b.txt"
SEED_GOLD = ROOT / "tests" / "gold" / "seed_quotes.yml"

_EDGE = " \t\n\"“”‘’'.,;:!?—–-()[]"
_DET = re.compile(r"^(the|a|an)\s+")
# A pair of marks: curly or straight, or two apostrophes (archive text).
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]|''((?:(?!'').)+)''", re.S)


@dataclass
class Item:
    """A gold or predicted quote, in document character offsets."""

    doc: str
    spans: tuple[tuple[int, int], ...]
    text: str
    marks: bool
    speaker_spans: tuple[tuple[int, int], ...] = ()
    speaker_names: frozenset[str] = frozenset()
    optional: bool = False
    parts: frozenset[str] = frozenset()
    """Normalised texts of the pieces of a discontinuous gold item."""
    extra: dict = field(default_factory=dict)

    @property
    def has_speaker(self) -> bool:
        return bool(self.speaker_spans or self.speaker_names)


def norm_text(text: str) -> str:
    text = " ".join(text.lower().replace("’", "'").split()).strip(_EDGE)
    text = re.sub(r"^that\s+", "", text)
    return text.strip(_EDGE)


def norm_name(text: str) -> str:
    text = " ".join(text.lower().replace("’", "'").split()).strip(_EDGE)
    return _DET.sub("", text)


def _overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(golds: list[Item], preds: list[Item], exact: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, largest overlap first."""
    by_doc: dict[str, list[int]] = {}
    for j, p in enumerate(preds):
        by_doc.setdefault(p.doc, []).append(j)
    cands = []
    for i, g in enumerate(golds):
        for j in by_doc.get(g.doc, ()):
            p = preds[j]
            ov = _overlap(g.spans, p.spans)
            if ov > 0 and (not exact or g.text == p.text):
                cands.append((ov, i, j))
    cands.sort(key=lambda c: -c[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _prf(tp_p: int, n_p: int, tp_r: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def speaker_by_span(g: Item, p: Item) -> bool:
    return _overlap(g.speaker_spans, p.speaker_spans) > 0


def speaker_by_name(g: Item, p: Item) -> bool:
    return bool(g.speaker_names & p.speaker_names)


def _lenient(golds: list[Item], preds: list[Item], ok: Callable[[Item, Item], bool]) -> tuple[set[int], set[int]]:
    """(gold indices, pred indices) that take part in at least one pair satisfying `ok`."""
    by_doc: dict[str, list[int]] = {}
    for i, g in enumerate(golds):
        by_doc.setdefault(g.doc, []).append(i)
    gi: set[int] = set()
    pj: set[int] = set()
    for j, p in enumerate(preds):
        for i in by_doc.get(p.doc, ()):
            if _overlap(golds[i].spans, p.spans) > 0 and ok(golds[i], p):
                gi.add(i)
                pj.add(j)
    return gi, pj


def _exact(g: Item, p: Item) -> bool:
    return p.text == g.text or p.text in g.parts


def score(golds: list[Item], preds: list[Item], speaker_ok: Callable[[Item, Item], bool]) -> dict:
    """{row: {metric: (P, R, F1)}} for rows all / marks / reported.

    Matching is many to many: a prediction is right when it matches some gold
    item, a gold item is found when some prediction matches it (PolNeAR joins
    '“A,” he said, “B.”' into one discontinuous item; we give two).
    exact: same normalised text as the gold item or one of its parts;
    overlap: a shared character; speaker: overlap and the right speaker.
    """
    # Predictions that hit an optional gold item are neither right nor wrong.
    opt = [g for g in golds if g.optional]
    if opt:
        _, hit = _lenient(opt, preds, lambda g, p: True)
        preds = [p for j, p in enumerate(preds) if j not in hit]
        golds = [g for g in golds if not g.optional]
    found = {
        "exact": _lenient(golds, preds, _exact),
        "overlap": _lenient(golds, preds, lambda g, p: True),
        "speaker": _lenient(golds, preds, lambda g, p: g.has_speaker and p.has_speaker and speaker_ok(g, p)),
    }
    rows = {
        "all": (lambda g: True, lambda p: True),
        "marks": (lambda g: g.marks, lambda p: p.marks),
        "reported": (lambda g: not g.marks, lambda p: not p.marks),
    }
    out: dict = {}
    for row, (gsel, psel) in rows.items():
        gi = {i for i, g in enumerate(golds) if gsel(g)}
        pj = {j for j, p in enumerate(preds) if psel(p)}
        figs: dict = {"n_gold": len(gi), "n_pred": len(pj)}
        for name in ("exact", "overlap"):
            fg, fp = found[name]
            figs[name] = _prf(len(fp & pj), len(pj), len(fg & gi), len(gi))
        fg, fp = found["speaker"]
        spk_p = {j for j in pj if preds[j].has_speaker}
        spk_g = {i for i in gi if golds[i].has_speaker}
        figs["speaker"] = _prf(len(fp & spk_p), len(spk_p), len(fg & spk_g), len(spk_g))
        # Of our spans that hit a gold item with a speaker, and name one: how many name the right one.
        og, op = _lenient(golds, preds, lambda g, p: g.has_speaker and p.has_speaker)
        both = op & spk_p
        figs["speaker_acc"] = (len(fp & both), len(both))
        out[row] = figs
    return out


ADJUDICATED = ROOT / "bench" / "adjudication" / "polnear-marks-unmatched.jsonl"


def load_adjudication(path: Path = ADJUDICATED) -> dict[tuple[str, int, int], str]:
    """(doc, start, end) -> label for predicted quotations in marks that match no gold item."""
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["doc"], r["start"], r["end"]): r["label"] for r in rows}


def adjudicated_marks_precision(golds: list[Item], preds: list[Item], labels: dict) -> dict:
    """Span precision of quotations in marks, where a prediction that overlaps no gold item
    is looked up in the adjudication (bench/adjudication/README.md): right when it was
    judged a quotation ('quote' or 'unattributed'), wrong when 'not_quote' or unlabelled."""
    by_doc: dict[str, list[Item]] = {}
    for g in golds:
        by_doc.setdefault(g.doc, []).append(g)
    marks = [p for p in preds if p.marks]
    counts: dict[str, float] = {
        "n": len(marks),
        "matched": 0,
        "quote": 0,
        "unattributed": 0,
        "not_quote": 0,
        "unlabelled": 0,
    }
    for p in marks:
        if any(_overlap(g.spans, p.spans) > 0 for g in by_doc.get(p.doc, ())):
            counts["matched"] += 1
            continue
        label = labels.get((p.doc, p.spans[0][0], p.spans[0][1]), "unlabelled")
        counts[label] += 1
    right = counts["matched"] + counts["quote"] + counts["unattributed"]
    counts["precision"] = right / counts["n"] if counts["n"] else 0.0
    counts["raw_precision"] = counts["matched"] / counts["n"] if counts["n"] else 0.0
    return counts


def format_adjudicated(title: str, c: dict) -> str:
    return (
        f"{title}: marks overlap P {c['raw_precision']:.4f} raw, {c['precision']:.4f} adjudicated "
        f"({c['n']} quotations; unmatched: {c['quote']} quote, {c['unattributed']} unattributed, "
        f"{c['not_quote']} not a quotation, {c['unlabelled']} unlabelled)"
    )


def format_scores(title: str, scores: dict) -> str:
    lines = [
        title,
        f"{'row':9} {'n_gold':>6} {'n_pred':>6}   {'exact P/R/F1':>20}   {'overlap P/R/F1':>20}   {'attribution P/R/F1':>20}   speaker acc",
    ]
    for row, f in scores.items():
        cells = ["/".join(f"{x:.3f}" for x in f[m]) for m in ("exact", "overlap", "speaker")]
        ok, n = f["speaker_acc"]
        acc = f"{ok}/{n} = {ok / n:.3f}" if n else "-"
        lines.append(
            f"{row:9} {f['n_gold']:>6} {f['n_pred']:>6}   {cells[0]:>20}   {cells[1]:>20}   {cells[2]:>20}   {acc}"
        )
    return "\n".join(lines)


# --- building Articles from raw text -------------------------------------------------------------


def article_from_text(doc_id: str, title: str, text: str, published: str | None = None):
    """An Article whose paragraphs are the blank-line separated blocks of `text`,
    and the document offset of each paragraph (paragraph offsets map back by adding it)."""
    from generator.model import Article

    paragraphs: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in list(re.finditer(r"\n[ \t]*\n\s*", text)) + [None]:
        end = m.start() if m else len(text)
        block = text[pos:end]
        stripped = block.lstrip()
        start = pos + len(block) - len(stripped)
        stripped = stripped.rstrip()
        if stripped:
            # Single line breaks become spaces: same length, so offsets still hold.
            paragraphs.append(stripped.replace("\n", " "))
            offsets.append(start)
        pos = m.end() if m else len(text)
    pub = date.fromisoformat(published) if published else None
    art = Article(id=doc_id, title=title, published=pub, source=None, url=None, tags=(), paragraphs=tuple(paragraphs))
    return art, offsets


def parse_many(
    articles: list, nlp=None, batch_size: int = 64, n_process: int = 1, cache: Path | None = None
) -> list[list]:
    """Per article, one Doc per paragraph (as generator.nlp.parse), parsed in one stream.

    With `cache`, the parses are stored in (or read back from) a spaCy DocBin
    file, so that repeated runs on a busy machine skip the parsing.
    """
    from spacy.tokens import DocBin

    from generator.clean import clean
    from generator.nlp import get_nlp

    nlp = nlp or get_nlp()
    # As generator.nlp.parse: page furniture blanked, offsets unchanged.
    flat = [p for a in articles for p in clean(a).article.paragraphs]
    docs = None
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] != flat:
            docs = None  # a cache of other texts
    if docs is None:
        docs = list(nlp.pipe(flat, batch_size=batch_size, n_process=n_process))
        if cache is not None:
            DocBin(docs=docs).to_disk(cache)
    out, k = [], 0
    for a in articles:
        out.append(docs[k : k + len(a.paragraphs)])
        k += len(a.paragraphs)
    return out


# --- PolNeAR -------------------------------------------------------------------------------------


def polnear_path(eval_data: Path | None = None) -> Path:
    """The PolNeAR development file in the evaluation data (see :func:`generator.evaluate.eval_dir`)."""
    return eval_dir(eval_data) / POLNEAR


def load_polnear(limit: int | None = None, path: Path | None = None) -> list[dict]:
    path = path or polnear_path()
    docs: list[dict] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(docs) >= limit:
                break
            docs.append(json.loads(line))
    return docs


def polnear_gold(doc: dict) -> list[Item]:
    items = []
    for q in doc["quotes"]:
        if q.get("content_start") is None:
            continue  # no offsets to score against
        spans = tuple(tuple(s) for s in q.get("content_spans") or [(q["content_start"], q["content_end"])])
        spk: tuple = ()
        if q.get("speaker_start") is not None:
            spk = tuple(tuple(s) for s in q.get("speaker_spans") or [(q["speaker_start"], q["speaker_end"])])
        pieces = {norm_text(doc["text"][a:b]) for a, b in spans} if len(spans) > 1 else set()
        # The words inside each pair of marks: the exact quotation within a framing clause.
        pieces |= {norm_text(m.group(1) or m.group(2)) for a, b in spans for m in _QUOTED.finditer(doc["text"][a:b])}
        items.append(
            Item(doc["id"], spans, norm_text(q["content"]), bool(q["has_quote_marks"]), spk, parts=frozenset(pieces))
        )
    return items


def quote_items(doc_id: str, quotes, offsets: list[int], actors=()) -> list[Item]:
    """Our Quote records as Items in document offsets (paragraph offsets shifted)."""
    by_id = {a.id: a for a in actors}
    items = []
    for q in quotes:
        base = offsets[q.paragraph - 1]
        spk: tuple = ()
        names: set[str] = set()
        # The speaker as written, and the mention a pronoun refers to: gold
        # annotates one surface form of the speaker, either may be it.
        for m in (q.speaker_mention, q.speaker_antecedent):
            if m is not None:
                spk += ((offsets[m.paragraph - 1] + m.start, offsets[m.paragraph - 1] + m.end),)
        if q.speaker and q.speaker in by_id:
            a = by_id[q.speaker]
            names = {norm_name(a.name), *(norm_name(x) for x in a.aliases)}
        elif q.speaker_antecedent is not None:
            names = {norm_name(q.speaker_antecedent.text)}
        elif q.speaker_text and not q.speaker_inferred:
            names = {norm_name(q.speaker_text)}
        elif q.speaker_text and q.speaker_inferred and q.speaker_mention is not None:
            subjects = pronouns(*THIRD_PERSON, cases=("subject",))
            names = {norm_name(q.speaker_text)} if q.speaker_text.lower() not in subjects else set()
        items.append(
            Item(
                doc_id,
                ((base + q.start, base + q.end),),
                norm_text(q.text),
                q.kind != "reported",
                spk,
                frozenset(names),
                extra={"quote": q},
            )
        )
    return items


def run_polnear(
    limit: int | None = None,
    n_process: int = 1,
    docs: list[dict] | None = None,
    cache: Path | None = None,
    path: Path | None = None,
) -> tuple[list[Item], list[Item], dict]:
    """Gold and predicted items on PolNeAR (`docs`, else the first `limit` documents of the file at
    `path`), plus the parses for reuse by other extractors."""
    from generator.clean import clean
    from generator.extract.quotes import extract_quotes

    docs = docs if docs is not None else load_polnear(limit, path)
    arts = [article_from_text(d["id"], d["title"], d["text"], d.get("published")) for d in docs]
    parsed = parse_many([a for a, _ in arts], n_process=n_process, cache=cache)
    golds: list[Item] = []
    preds: list[Item] = []
    for d, (art, offsets), pdocs in zip(docs, arts, parsed, strict=True):
        golds += polnear_gold(d)
        # Actors are left out: PolNeAR scores speakers as written, not resolved actors.
        preds += quote_items(d["id"], extract_quotes(clean(art).article, pdocs, []), offsets)
    return golds, preds, {"docs": docs, "articles": arts, "parsed": parsed}


# --- the seed ------------------------------------------------------------------------------------


def seed_gold(path: Path = SEED_GOLD) -> tuple[list[Item], dict]:
    """Gold Items for the seed (paragraph n at offset n * 100000) and the raw YAML."""
    import yaml

    from generator.article import read_article

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    art = read_article(SEED)
    items = []
    for q in data["quotes"]:
        para = art.paragraphs[q["paragraph"] - 1]
        start = para.index(q["text"])
        base = q["paragraph"] * 100000
        names = frozenset(norm_name(x) for x in [q["speaker"], *q.get("speaker_forms", [])])
        items.append(
            Item(
                "seed",
                ((base + start, base + start + len(q["text"])),),
                norm_text(q["text"]),
                q["kind"] != "reported",
                (),
                names,
                optional=bool(q.get("optional")),
                extra=q,
            )
        )
    return items, data


def run_seed(with_actors: bool = False) -> tuple[list[Item], list[Item]]:
    from generator.article import read_article
    from generator.extract.quotes import extract_quotes
    from generator.nlp import parse

    art = read_article(SEED)
    docs = parse(art)
    actors = []
    if with_actors:
        from generator.extract.actors import extract_actors

        actors = extract_actors(art, docs)
    quotes = extract_quotes(art, docs, actors)
    offsets = [n * 100000 for n in range(1, len(art.paragraphs) + 1)]
    return seed_gold()[0], quote_items("seed", quotes, offsets, actors)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--limit", type=int, default=None, help="score only the first N PolNeAR documents")
    ap.add_argument("--no-polnear", action="store_true", help="score the seed only")
    ap.add_argument("--n-process", type=int, default=1, help="spaCy processes parsing PolNeAR")
    ap.add_argument("--cache", type=Path, default=None, help="spaCy DocBin file to keep the PolNeAR parses in")
    add_eval_option(ap)


def run_command(args: argparse.Namespace) -> int:
    g, p = run_seed()
    print(
        format_scores(
            "seed (speaker = pronoun antecedent or speaker as written; no actor stage)", score(g, p, speaker_by_name)
        )
    )
    try:
        g2, p2 = run_seed(with_actors=True)
        print(
            format_scores(
                "seed (speaker = actor from the actor stage where it maps one)", score(g2, p2, speaker_by_name)
            )
        )
    except Exception as exc:  # the actor stage is developed separately
        print(f"seed with actors: not scored ({type(exc).__name__}: {exc})")
    if args.no_polnear:
        return 0
    path = polnear_path(args.eval)
    if not path.exists():
        print(f"PolNeAR not found at {path}: skipped")
        return 0
    golds, preds, ctx = run_polnear(args.limit, args.n_process, cache=args.cache, path=path)
    n = len(ctx["docs"])
    print(format_scores(f"PolNeAR dev: {n} docs", score(golds, preds, speaker_by_span)))
    if args.limit is None:
        print(format_adjudicated("adjudicated", adjudicated_marks_precision(golds, preds, load_adjudication())))
    return 0


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    return script(__doc__.split("\n")[0], add_arguments, run_command, argv, prog)


if __name__ == "__main__":
    sys.exit(main())
