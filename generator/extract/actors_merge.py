"""Grouping candidate mentions into one cluster per real-world actor.

Persons merge on their name: a surname alone or a title + surname joins the
full name it ends (when two share a surname: the one the surname alone meant
before the other was named, else the nearest one before it).
Organisations merge on their text, on an acronym of their words and on the
aliases the text spells out. Countries merge on the country the gazetteer
resolves; places and groups on their normalised text.
"""

from __future__ import annotations

import re
from collections import Counter

from ..lexicon import word_gender, wordset
from .actors_lexicon import HONORIFICS
from .actors_mentions import Candidate
from .names import gender, is_given_name

STOP = {"of", "the", "and", "for", "in", "on", "to", "de", "al", "&"}


class _Clusters:
    def __init__(self, cands: list[Candidate]):
        self.parent = list(range(len(cands)))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def acronym(text: str) -> str:
    words = [w for w in text.replace("-", " ").split() if w.lower() not in STOP and w[:1].isalpha()]
    return "".join(w[0].upper() for w in words)


def _order(c: Candidate) -> tuple[int, int]:
    return (c.paragraph, c.start)


def cluster(cands: list[Candidate]) -> list[list[Candidate]]:
    """Clusters of candidates, each one actor, in order of first mention."""
    cands = sorted(cands, key=_order)
    uf = _Clusters(cands)
    index = {(c.paragraph, c.span): i for i, c in enumerate(cands)}
    # Explicit aliases from the text.
    for i, c in enumerate(cands):
        if c.alias_of is not None and (c.paragraph, c.alias_of) in index:
            uf.union(i, index[(c.paragraph, c.alias_of)])
    _names_of_organisations_tagged_as_persons(cands)
    # Same key (non-persons; persons are handled below by name).
    first_by_key: dict[tuple[str, str], int] = {}
    for i, c in enumerate(cands):
        if c.type == "person":
            continue
        k = (_family(c.type), c.key)
        if k in first_by_key:
            uf.union(i, first_by_key[k])
        else:
            first_by_key[k] = i
    _surnames_tagged_as_organisations(cands)
    _merge_persons(cands, uf)
    _merge_acronyms(cands, uf)
    _merge_cross_type(cands, uf)
    groups: dict[int, list[Candidate]] = {}
    for i, c in enumerate(cands):
        groups.setdefault(uf.find(i), []).append(c)
    # A weak mention (a demonym inside a group phrase) is no mention of an
    # actor that the text names elsewhere.
    out = [
        [c for c in g if not (c.weak and c.type in ("country", "group"))]
        for g in groups.values()
        if not all(c.weak for c in g)
    ]
    return sorted(out, key=lambda g: _order(g[0]))


def _family(type_: str) -> str:
    # An organisation and a place spelled alike are one actor mislabelled by the
    # tagger; a group is a different thing even when spelled like a place.
    return "named" if type_ in ("organisation", "place") else type_


def _merge_persons(cands: list[Candidate], uf: _Clusters) -> None:
    persons = [(i, c) for i, c in enumerate(cands) if c.type == "person"]
    # Indexes by key, last word and first word: comparing every mention with every full name
    # made long articles quadratic. They give the same matches, in the same order.
    multi_last = {_words(f.name)[-1] for _, f in persons if len(f.name.split()) > 1}
    multi_last |= {_words(f.name)[-2] for _, f in persons if len(f.name.split()) >= 4}
    first: dict[str, int] = {}
    for i, c in persons:
        # One-word names are joined through the full names below: two "Roe"
        # mentions may be two different Roes.
        if len(c.name.split()) == 1 and _words(c.name)[0] in multi_last:
            continue
        if c.key in first:
            uf.union(i, first[c.key])
        else:
            first[c.key] = i
    full = [(i, c) for i, c in persons if len(c.name.split()) > 1]
    by_key: dict[str, list] = {}
    by_last: dict[str, list] = {}
    by_first: dict[str, set[str]] = {}
    for j, f in full:
        by_key.setdefault(f.key, []).append((j, f))
        by_last.setdefault(_words(f.name)[-1], []).append((j, f))
        if len(f.name.split()) >= 4:  # the first of two family names, written alone too
            by_last.setdefault(_words(f.name)[-2], []).append((j, f))
        by_first.setdefault(f.name.split()[0].casefold(), set()).add(f.key)
    holders = _surname_holders(persons)
    usual = _usual_title_genders(persons)
    if len(full) > _GROUPED:
        _match_grouped(persons, full, uf, holders, usual)
        return
    unclear: dict[str, list[int]] = {}  # the same name, meaning one of several people: one actor
    for i, c in persons:
        words = c.name.split()
        # Identical names, and full names ending with this shorter one.
        near = {j: f for j, f in (*by_key.get(c.key, ()), *(by_last.get(_words(c.name)[-1], ()) if words else ()))}
        matches = [
            (j, f)
            for j, f in sorted(near.items())
            if j != i and (f.key == c.key or (len(words) < len(f.name.split()) and _ends_with(f.name, c.name)))
        ]
        matches = [(j, f) for j, f in matches if not _other_gender(c, f, usual)]
        if len(words) == 2 and all(f.key == c.key for _, f in matches):
            # 'Jane Roe' and 'Jane Q. Roe': one name written with and without the middle one,
            # when only one such longer name is in the article (however often each is written).
            cw = _words(c.name)
            longer = [
                (j, f)
                for j, f in by_last.get(cw[-1], ())
                if len(_words(f.name)) > 2 and _words(f.name)[0] == cw[0] and _words(f.name)[-1] == cw[-1]
            ]
            if len({f.key for _, f in longer}) == 1:
                matches = longer
        if not matches and len(words) == 1 and c.title:
            matches = _paternal_match(c, full)
        if not matches and len(words) == 1:
            # A first name alone ("Jane") joins the one full name it starts; so does a title before
            # the family name of a name written family name first ('Mr. Gwak' of 'Gwak Sun-hee'), a
            # word no given name ('Ms. Kelly' is no Kelly Roe), or of a Chinese name ('Mr Gao' of
            # 'Gao Lanfen').
            firsts = by_first.get(c.name.casefold(), set())
            if len(firsts) == 1:
                full_of = list(by_key[next(iter(firsts))])
                if not c.title or not is_given_name(c.name) or _family_first(full_of[0][1].name):
                    matches = full_of
        if not matches:
            continue
        keys = {f.key for _, f in matches}
        pick = matches[0]
        if len(keys) > 1 and _role_title(c.title):
            # 'President Roe' when Jane Roe and Tom Roe are both named: the one named with that title,
            # else no one (which Roe was president is a guess: the mention stays its own actor)
            titled = [(j, f) for j, f in matches if f.title.casefold() == c.title.casefold()]
            if len({f.key for _, f in titled}) != 1:
                continue
            matches, keys = titled, {titled[0][1].key}
            pick = titled[0]
        people = _people(matches) if len(keys) > 1 else []
        if len(people) == 1:
            # One person written with more words in one place ('Billionaire Jane Roe' in a headline
            # and 'Jane Roe'): the plain full name.
            pick = min(matches, key=lambda m: (len(m[1].name.split()), _order(m[1])))
        elif people:
            # Two people share the name: the one the name alone meant before the other was named
            # (news style keeps the bare surname for them: 'Jane Roe's view of Roe'), else the one
            # just named in this paragraph, or the first of them all named in the paragraph before;
            # else which of them is meant is a guess (the one named last, or most, was as often the
            # other one), and the mention stays apart, marked so.
            before = [(j, f) for j, f in matches if _order(f) <= _order(c)]
            holder = holders.get(_words(c.name)[-1]) if len(words) == 1 else None
            if holder in keys:
                pick = next((j, f) for j, f in matches if f.key == holder)
            elif before and c.paragraph == before[-1][1].paragraph:
                pick = before[-1]
            elif (
                before
                and c.paragraph - before[-1][1].paragraph <= 1
                and all(any(f.paragraph == before[-1][1].paragraph for _, f in group) for group in people)
            ):
                # All of them named in the paragraph before ('Jane Roe and her brother, Tom Roe, …'):
                # the one named first, whom news style names first and then by the surname alone.
                pick = next((j, f) for j, f in before if f.paragraph == before[-1][1].paragraph)
            else:
                names = sorted({min((f for _, f in group), key=lambda f: len(f.name)).name for group in people})
                c.notes.append(f"which of {' and '.join(names)} this name means is not clear")
                unclear.setdefault(c.key, []).append(i)
                continue
        uf.union(i, pick[0])
    for same in unclear.values():
        for i in same[1:]:
            uf.union(same[0], i)


# Past this many full-name mentions (no news article has them) the matching below works on groups
# of identical names: the same clusters, in time linear in the mentions.
_GROUPED = 500


def _role_title(title: str) -> bool:
    """A title that says an office ('President', 'Senator'), not a form of address ('Mr', 'Ms')."""
    words = title.casefold().replace(".", "").split()
    return bool(words) and not all(w in HONORIFICS for w in words)


def _surname_holders(persons: list) -> dict[str, str]:
    """Surname -> the key of the person that surname alone meant before a second person of that
    surname was named. News style keeps the bare surname for that person and names the others
    (a wife, a father) in full or by the first name."""
    firsts: dict[str, list] = {}
    for _, f in persons:
        if len(f.name.split()) > 1:
            firsts.setdefault(_words(f.name)[-1], []).append((_order(f), f.key))
    holders: dict[str, str | None] = {}
    for c in sorted((c for _, c in persons if len(c.name.split()) == 1), key=_order):
        word = _words(c.name)[0]
        if word in holders or word not in firsts:
            continue
        seen = {key for order, key in firsts[word] if order <= _order(c)}
        if seen:
            holders[word] = seen.pop() if len(seen) == 1 else None
    return {word: key for word, key in holders.items() if key}


def _match_grouped(persons: list, full: list, uf: _Clusters, holders: dict[str, str], usual: dict[str, str]) -> None:
    """:func:`_merge_persons`' matching, for very long texts. Mentions with one key are already
    one cluster, so only the key a mention joins matters: the groups of one key and one name
    stand for their members."""
    groups: dict[tuple, list] = {}
    for j, f in full:
        groups.setdefault((f.key, tuple(_words(f.name)), len(f.name.split())), []).append((_order(f), j, f))
    by_last: dict[str, list] = {}
    by_key: dict[str, list] = {}
    for sig, members in groups.items():
        members.sort(key=lambda m: m[0])
        by_last.setdefault(sig[1][-1], []).append(sig)
        if len(sig[1]) >= 4:
            by_last.setdefault(sig[1][-2], []).append(sig)
        by_key.setdefault(sig[0], []).append(sig)
    index = {sig: _GroupIndex(members) for sig, members in groups.items()}
    first_word: dict[str, set[str]] = {}
    for _, f in full:
        first_word.setdefault(f.name.split()[0].casefold(), set()).add(f.key)
    for i, c in persons:
        words = c.name.split()
        cw = tuple(_words(c.name))
        sigs = {*by_key.get(c.key, ()), *(by_last.get(cw[-1], ()) if words else ())}
        matching = [
            sig
            for sig in sigs
            if (sig[0] == c.key or (len(words) < sig[2] and sig[1][-len(cw) :] == cw))
            and any(j != i for _, j, _f in groups[sig][:2])
        ]
        matching = [sig for sig in matching if not _other_gender(c, groups[sig][0][2], usual)]
        if not matching and len(words) == 1 and c.title and (hits := _paternal_match(c, full)):
            matching = list(by_key[hits[0][1].key])
        if not matching and len(words) == 1 and (not c.title or not is_given_name(c.name)):
            keys = first_word.get(c.name.casefold(), set())
            matching = list(by_key[next(iter(keys))]) if len(keys) == 1 else []
        if not matching:
            continue
        keys = {sig[0] for sig in matching}
        if len(keys) > 1:
            key = _pick_key(i, c, matching, index, holders.get(cw[-1]) if len(words) == 1 else None)
        else:
            key = next(iter(keys))
        j = next(j for sig in by_key[key] for _, j, _f in groups[sig] if j != i)
        uf.union(i, j)


class _GroupIndex:
    """One group's mentions sorted by position, with what :func:`_pick_key` asks in O(log n)."""

    def __init__(self, members: list):
        self.members = members
        self.orders = [m[0] for m in members]
        self.prefix_max: list[int] = []  # index of the member with the largest j so far
        for k, m in enumerate(members):
            best = self.prefix_max[-1] if self.prefix_max else k
            self.prefix_max.append(k if m[1] >= members[best][1] else best)
        self.js = {m[1] for m in members}
        self.smallest = sorted(m[1] for m in members)[:2]

    def latest_up_to(self, order, i: int):
        """The member with the largest j among those at or before `order`, other than i."""
        from bisect import bisect_right

        k = bisect_right(self.orders, order)
        while k > 0:
            m = self.members[self.prefix_max[k - 1]]
            if m[1] != i:
                return m
            k = self.prefix_max[k - 1]  # i is the best so far: look before it
        return None


def _pick_key(i: int, c, matching: list, index: dict, holder: str | None = None) -> str:
    """As in :func:`_merge_persons`: the holder of the surname, else the one just named in this
    paragraph, else the one just named (previous paragraph), else the one named most, else the first."""
    if holder is not None and holder in {sig[0] for sig in matching}:
        return holder
    latest = None
    for sig in matching:
        m = index[sig].latest_up_to(_order(c), i)
        if m is not None and (latest is None or m[1] > latest[1]):
            latest = m
    if latest is not None and c.paragraph == latest[2].paragraph:
        return latest[2].key
    if latest is not None and c.paragraph - latest[2].paragraph <= 1:
        return latest[2].key
    counts: Counter = Counter()
    firsts: dict[str, int] = {}
    for sig in matching:
        g = index[sig]
        counts[sig[0]] += len(g.js) - (i in g.js)
        first = next(j for j in g.smallest if j != i)
        firsts[sig[0]] = min(firsts.get(sig[0], first), first)
    top = max(counts.values())
    return min((k for k in counts if counts[k] == top), key=lambda k: firsts[k])


def _names_of_organisations_tagged_as_persons(cands: list[Candidate]) -> None:
    """'Acme Shipping' tagged as a person where 'Acme Shipping Ltd' is an organisation."""
    from .actors_mentions import _org_key

    orgs = {c.key for c in cands if c.type == "organisation" and not c.weak}
    for c in cands:
        if c.type == "person" and not c.title and _org_key(c.name) in orgs:
            c.type = "organisation"
            c.key = _org_key(c.name)


def _surnames_tagged_as_organisations(cands: list[Candidate]) -> None:
    """The tagger often calls a lone surname an organisation: if a person of the
    article has that surname (and no organisation rule backs the label), it is that person."""
    names = [c.name for c in cands if c.type == "person" and len(c.name.split()) > 1]
    for c in cands:
        # A word in capitals is an acronym unless a headline writes a surname so ('ROE’S PLAN').
        if c.type == "organisation" and c.from_tagger and (not c.name.isupper() or len(c.name) >= 5):
            if any(len(c.name.split()) < len(n.split()) and _ends_with(n, c.name) for n in names):
                c.type = "person"
        elif c.type == "group" and c.affiliation is None and len(c.name.split()) == 1 and c.name.istitle():
            # 'Valerians' read as a people's name (a plural in -ians): the family name of a person named in full
            if any(_ends_with(n, c.name) for n in names):
                c.type, c.key = "person", c.name.casefold()


def _people(matches: list) -> list[list]:
    """The matches grouped by person: a full name that ends with another of two or more words is
    the same person ('Billionaire Jane Roe', 'Jane Roe')."""
    groups: list[list] = []
    for m in sorted(matches, key=lambda m: len(m[1].name.split())):
        home = next((g for g in groups if len(g[0][1].name.split()) >= 2 and _ends_with(m[1].name, g[0][1].name)), None)
        if home is not None:
            home.append(m)
        else:
            groups.append([m])
    return groups


def _ends_with(full: str, short: str) -> bool:
    """'Roe' ends 'Jane Roe'; so does the first of two family names ('Ferrer' of 'Luis Ferrer Ocampo')."""
    fw, sw = _words(full), _words(short)
    if fw[-len(sw) :] == sw:
        return True
    return len(sw) == 1 and len(fw) >= 4 and fw[-2] == sw[0] and fw[-2] not in wordset("name_particles")


_PINYIN = re.compile(
    f"(?:{'|'.join(sorted(wordset('pinyin_syllables'), key=len, reverse=True))}){{1,2}}", re.IGNORECASE
)


def _family_first(name: str) -> bool:
    """A two-word Chinese name in pinyin ('Gao Lanfen'), written family name first."""
    words = name.replace("-", "").split()
    # ('Sean Chan' is pinyin too: a first word that is a given name of one gender is no family name.)
    return len(words) == 2 and all(_PINYIN.fullmatch(w) for w in words) and gender(words[0]) is None


def _paternal_match(c: Candidate, full: list) -> list:
    """'Mr. Mendaro' of 'Luis Mendaro Quesada': a title before the first of two family names (Spanish and
    Portuguese names carry both), when one three-word name of the article has it second and none ends
    with it; else no match."""
    word = _words(c.name)[0]
    if len(word.rstrip(".")) < 2 or word in wordset("name_particles") or is_given_name(c.name):
        return []  # ('Ms. Ann' of 'Jane Ann Roe': a middle name, no family name)
    hits = [(j, f) for j, f in full if len(_words(f.name)) == 3 and _words(f.name)[1] == word]
    if len({f.key for _, f in hits}) != 1 or _other_gender(c, hits[0][1], {}):
        return []
    return hits


def _title_gender(c: Candidate) -> str | None:
    return word_gender(c.title.split()[-1]) if c.title else None


def _other_gender(c: Candidate, full: Candidate, usual: dict[str, str]) -> bool:
    """'Mr. Roe' is not 'Jane Roe' (her husband, say): the title's gender against the full
    name's title, its given name, or else the gender the article's titles give that surname
    most ('Mrs. Roe' twelve times, 'Mr. Roe' once: the full name is hers)."""
    mine = _title_gender(c)
    if mine is None:
        return False
    theirs = _title_gender(full) or gender(full.name.split()[0]) or usual.get(_words(full.name)[-1])
    return theirs is not None and theirs != mine


def _usual_title_genders(persons: list) -> dict[str, str]:
    """Surname -> the gender of most of its titled mentions, where both genders are titled."""
    counts: dict[str, Counter] = {}
    for _, c in persons:
        g = _title_gender(c)
        if g is not None and c.name.split():
            counts.setdefault(_words(c.name)[-1], Counter())[g] += 1
    out = {}
    for last, n in counts.items():
        if len(n) == 2 and n["he"] != n["she"]:
            out[last] = n.most_common(1)[0][0]
    return out


def _words(name: str) -> list[str]:
    return name.replace("\u2019", "'").casefold().split()


def _merge_acronyms(cands: list[Candidate], uf: _Clusters) -> None:
    longs = [(i, c) for i, c in enumerate(cands) if c.type == "organisation" and len(c.name.split()) > 1]
    for i, c in enumerate(cands):
        if c.type not in ("organisation", "place") or not c.name.isupper() or not 2 <= len(c.name) <= 6:
            continue
        hits = {uf.find(j) for j, f in longs if acronym(f.name) == c.name}
        if len(hits) == 1:
            uf.union(i, hits.pop())


def _merge_cross_type(cands: list[Candidate], uf: _Clusters) -> None:
    """A one-word 'person' spelled like an organisation or place is that actor (tagger noise)."""
    by_key: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.type in ("organisation", "place") and not c.weak:
            by_key.setdefault(c.key, i)
    for i, c in enumerate(cands):
        if c.type == "person" and not c.title and len(c.name.split()) == 1 and c.key in by_key:
            uf.union(i, by_key[c.key])


def cluster_type(group: list[Candidate]) -> str:
    """The actor's type: by vote, with rule evidence (aliases, country data) winning ties."""
    types = Counter(c.type for c in group if not c.weak) or Counter(c.type for c in group)
    if "country" in types:
        return "country"
    if "person" in types and any(c.title or len(c.name.split()) > 1 for c in group if c.type == "person"):
        return "person"
    order = ["organisation", "group", "place", "person"]
    return max(types, key=lambda t: (types[t], -order.index(t) if t in order else -9))
