"""Second pass: find again, anywhere in the article, the names the first pass established.

The small tagger misses many repeats of a name it tagged once ("Roe
responds ..." with no entity), and tags a lone surname inconsistently. Once a
person's full name is known, a proper noun equal to their surname is a mention
of them (unless two people share it); once an organisation, place or country
is known by a written name, the same name written again is a mention too.
"""

from __future__ import annotations

from .actors_lexicon import ABBREVIATIONS, HONORIFICS, TITLE_WORDS
from .actors_mentions import Candidate, _cand, names_no_one_person
from .common import text_of

MAX_TOKENS = 6


def _forms(cands: list[Candidate]) -> dict[str, Candidate]:
    forms: dict[str, Candidate] = {}
    surnames: dict[str, set[str]] = {}
    for c in cands:
        if c.weak and c.type != "person":
            continue
        if c.type == "person":
            words = c.name.split()
            if len(words) > 1:
                forms.setdefault(c.name, c)
                last = words[-1]
                if len(last) > 2 and last[:1].isupper() and last.lower() not in TITLE_WORDS:
                    surnames.setdefault(last, set()).add(c.key)
                    forms.setdefault(last, c)
        elif c.type in ("organisation", "place", "country") and c.text[:1].isupper():
            forms.setdefault(c.text, c)
    for last, keys in surnames.items():
        if len(keys) > 1:
            forms.pop(last, None)  # shared surname: leave it to the nearest-name rule
    return forms


def propagate(docs: list, cands: list[Candidate]) -> list[Candidate]:
    """New candidates for known names the first pass did not mark."""
    forms = _forms(cands)
    if not forms:
        return []
    covered: dict[int, set[int]] = {}
    for c in cands:
        covered.setdefault(c.paragraph, set()).update(range(*c.span))
    out: list[Candidate] = []
    for n, doc in enumerate(docs, start=1):
        taken = covered.get(n, set())
        i = 0
        while i < len(doc):
            if i in taken or not doc[i].text[:1].isupper():
                i += 1
                continue
            hit = None
            for j in range(min(len(doc), i + MAX_TOKENS), i, -1):
                if any(k in taken for k in range(i, j)):
                    continue
                text = text_of(doc)[doc[i].idx : doc[j - 1].idx + len(doc[j - 1])]
                if text in forms:
                    hit = (j, forms[text])
                    break
            if hit is None:
                i += 1
                continue
            j, src = hit
            # A sentence-initial surname is often tagged as a common noun ("Roe says").
            if src.type == "person" and j - i == 1 and doc[i].tag_ not in ("NNP", "NNPS", "NN", "NNS"):
                i += 1
                continue
            if src.type == "person" and i + 1 < len(doc) and doc[j - 1].i + 1 < len(doc):
                nxt = doc[j] if j < len(doc) else None
                if nxt is not None and nxt.tag_ in ("NNP", "NNPS") and nxt.text[:1].isupper():
                    i = j  # part of a longer name ("Roe Theatre"): not this person
                    continue
            if src.type == "person" and names_no_one_person(doc, j):
                i = j  # 'the Roe brothers', 'the Roe bridge', 'Roe's law': no mention of the one person
                continue
            start = i
            if src.type == "person":
                while start > 0 and _title(doc[start - 1]) and (start - 1) not in taken:
                    start -= 1
            cand = _cand(doc, n, start, j, src.type, src.key, name=doc[i:j].text, root=doc[j - 1].i)
            if start < i:
                cand.title = doc[start:i].text
                cand.title_span = (doc[start].idx, doc[i - 1].idx + len(doc[i - 1]))
            out.append(cand)
            taken = taken | set(range(start, j))
            i = j
    return out


def _title(tok) -> bool:
    w = tok.text.rstrip(".").lower()
    return tok.text[:1].isupper() and (w in HONORIFICS or w in ABBREVIATIONS or w in TITLE_WORDS)
