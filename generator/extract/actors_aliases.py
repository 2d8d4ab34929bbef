"""Aliases the text spells out: "X (Y)", "X, also known as Y", "the X or Y".

Each rule marks the second mention as ``alias_of`` the first; merging then puts
them in one actor. Nothing here changes the Doc.
"""

from __future__ import annotations

from .actors_mentions import Candidate, _cand, _norm


def _short_name_of(short: str, name: str) -> bool:
    """An acronym whose letters follow the initials of the name in order ("EC" for "Example Council")."""
    if not short.isupper() or not 2 <= len(short) <= 8:
        return False
    initials = [w[0].upper() for w in name.replace("-", " ").split() if w[:1].isalpha()]
    k = 0
    for ch in short:
        while k < len(initials) and initials[k] != ch:
            k += 1
        if k == len(initials):
            return False
        k += 1
    return short[0] == initials[0] if initials else False


def link_aliases(doc, cands: list[Candidate]) -> None:
    """'X (Y)', 'X, also known as Y' and 'the X or Y': Y is another name of X."""
    by_start = {c.span[0]: c for c in cands}
    for c in cands:
        s, e = c.span
        if c.type not in ("organisation", "person", "place"):
            continue
        # X (Y): an organisation and its short name (not "CITY (AGENCY)" datelines or "Name (party)").
        if (
            c.type == "organisation"
            and e + 2 < len(doc)
            and doc[e].text == "("
            and doc[e + 2].text == ")"
            and _short_name_of(doc[e + 1].text, c.name)
        ):
            other = by_start.get(e + 1)
            if other is None:
                other = _cand(doc, c.paragraph, e + 1, e + 2, c.type, _norm(doc[e + 1].text), name=doc[e + 1].text)
                cands.append(other)
            other.alias_of = c.span
            continue
        # X, (also) known as Y
        j = e + (1 if e < len(doc) and doc[e].text == "," else 0)
        words = [t.lower_ for t in doc[j : j + 4]]
        for lead in (["also", "known", "as"], ["known", "as"], ["aka"], ["formerly", "known", "as"]):
            if words[: len(lead)] == lead:
                k = j + len(lead)
                while k < len(doc) and doc[k].is_punct:
                    k += 1
                other = by_start.get(k)
                if other is not None:
                    other.alias_of = c.span
                break
        # the X or Y
        if (
            c.type == "organisation"
            and e + 1 < len(doc)
            and doc[e].lower_ == "or"
            and s > 0
            and doc[s - 1].lower_ == "the"
        ):
            other = by_start.get(e + 1)
            if (
                other is not None
                and other.type in ("organisation", "place")
                and (len(other.text.split()) > 1 or len(c.text.split()) > 1)
            ):
                other.alias_of = c.span
    # The reverse "the X or Y" where X was tagged as something else (a facility, say).
    for c in cands:
        s, e = c.span
        if c.type == "organisation" and s >= 2 and doc[s - 1].lower_ == "or":
            prev = next((p for p in cands if p.span[1] == s - 1 and p.type in ("place", "organisation")), None)
            if prev is not None and prev.alias_of is None and c.alias_of is None and prev.span[0] > 0:
                first = doc[prev.span[0] - 1]
                if first.lower_ == "the" and doc[s].lower_ != "the" and prev.type != "country":
                    c.alias_of = prev.span
                    prev.type = "organisation"
