"""Actors: entities grouped into people, organisations, countries, places and groups.

The stage runs in three steps, each in its own module:

1. ``actors_mentions``: candidate mentions per paragraph (spaCy entities plus rules),
   ``actors_aliases``: aliases the text spells out, ``actors_propagate``: known
   names found again where the tagger missed them;
2. ``actors_merge``: one cluster of mentions per real-world actor;
3. ``actors_roles``: roles and titles from appositions and pre-nominal titles.

Every mention, alias and role keeps the paragraph and character span it came
from; when a rule cannot settle something (a surname shared by two people with
no earlier full name, say) the mentions stay apart rather than be guessed together.
"""

from __future__ import annotations

import re
from collections import Counter

from ..article import slugify
from ..lexicon import wordset
from ..model import Actor, Article, Mention, Role
from .actors_aliases import link_aliases
from .actors_evidence import lowercase_words, not_a_name, people_by_name, person_evidence
from .actors_gazetteer import city_names, fold, gazetteer, in_the_us, plural_form, us_states
from .actors_mentions import Candidate, mentions_in, title_key
from .actors_merge import cluster, cluster_type
from .actors_propagate import propagate
from .actors_roles import FoundRole, roles_for


def extract_actors(article: Article, docs: list, rejected: list[str] | None = None) -> list[Actor]:
    """The actors of an article; names ruled out as people are added to `rejected` with the reason."""
    gaz = gazetteer()
    cands: list[Candidate] = []
    for n, doc in enumerate(docs, start=1):
        found = mentions_in(doc, n, gaz)
        link_aliases(doc, found)
        cands.extend(found)
    people_by_name(cands, docs, gaz)  # before propagation, so a retyped person's surname is found again
    cands.extend(propagate(docs, cands))
    people_by_name(cands, docs, gaz)
    groups = cluster(cands)
    groups = _keep_needed_countries(groups, cands)
    groups = _settle_types(groups, article, rejected if rejected is not None else [])
    _us_states_named_like_countries(groups, gaz, article)
    ids = _assign_ids(groups)
    types = [cluster_type(g) for g in groups]
    country_ids = {g[0].key: ids[i] for i, g in enumerate(groups) if types[i] == "country"}
    org_ids = {c.key: ids[i] for i, g in enumerate(groups) if types[i] == "organisation" for c in g}

    def affiliation_at(paragraph: int, start: int, end: int):
        # The organisation a role names wins over a country ("British deputy
        # commander of the X coalition" is a post in the coalition); otherwise
        # the first country ("French foreign minister", "Peru's chief justice").
        best = None
        for i, g in enumerate(groups):
            if types[i] not in ("country", "organisation"):
                continue
            for c in g:
                if c.paragraph == paragraph and start <= c.start and c.end <= end:
                    rank = (types[i] != "organisation", c.start)
                    if best is None or rank < best[0]:
                        best = (rank, ids[i], (c.start, c.end))
        return (best[1], best[2]) if best else (None, None)

    actors = []
    for i, g in enumerate(groups):
        type_ = types[i]
        roles = _roles(g, docs, type_, affiliation_at)
        affiliation = _affiliation(g, roles, country_ids, ids[i], org_ids)
        actors.append(
            Actor(
                id=ids[i],
                name=_name(g, type_),
                type=type_,  # type: ignore[arg-type]
                aliases=_aliases(g, _name(g, type_)),
                roles=tuple(roles),
                mentions=tuple(
                    Mention(c.paragraph, c.start, c.end, c.text)
                    for c in sorted(g, key=lambda c: (c.paragraph, c.start))
                ),
                affiliation=affiliation,
                notes=_notes(g),
                evidence=tuple(person_evidence(g)) if type_ == "person" else (),
            )
        )
    # Most prominent first; ties keep the order of first mention.
    order = {a.id: k for k, a in enumerate(actors)}
    return sorted(actors, key=lambda a: (-len(a.mentions), order[a.id]))


def _settle_types(groups: list[list[Candidate]], article: Article, rejected: list[str]) -> list[list[Candidate]]:
    """Drop would-be people whose name cannot be a person's (a common noun, a month,
    markup), and mentions of nothing at all; a platform named as a person is an organisation."""
    out = []
    lower: frozenset[str] | None = None
    for g in groups:
        type_ = cluster_type(g)
        name = _name(g, type_)
        if sum(ch.isalpha() for ch in name) < 2:
            rejected.append(f"{name!r} (no letters to name anything)")
            continue
        if _event_or_document(name):
            rejected.append(f"{name!r} (an event, a law or a work, not an actor)")
            continue
        if name.strip(".,").lower() in wordset("role_acronyms"):
            rejected.append(f"{name!r} (a job title's abbreviation: a role, not an actor)")
            continue
        if type_ == "person":
            if lower is None:
                lower = lowercase_words(article.paragraphs)
            why = not_a_name(name, lower)
            if why in ("a platform", "a news or photo agency") or why and why.startswith("a place's team"):
                for c in g:
                    c.type, c.key = "organisation", name.casefold()
            elif why and why.startswith("a word for a place"):
                for c in g:
                    c.type, c.key = "place", name.casefold()
            elif why and why.startswith("holds a country's name"):
                for c in g:  # 'Example Rica Civil Aviation': a body of that country
                    c.type, c.key = "organisation", name.casefold()
            elif why:
                rejected.append(f"{name!r} ({why})")
                continue
        out.append(g)
    return out


def _us_states_named_like_countries(groups: list[list[Candidate]], gaz, article: Article) -> None:
    """A country's name that is a US state's too is the state (a place) in an article that names
    other places only in the US (a state, a large city) and no place of the country (its capital,
    a large city of it) nor its people (its demonym)."""
    types = [cluster_type(g) for g in groups]
    names = [_name(g, t) for g, t in zip(groups, types, strict=True)]
    if not any(t == "country" and fold(n) in us_states() for n, t in zip(names, types, strict=True)):
        return  # the common case: no country of the article shares a state's name
    text = "\n".join(article.paragraphs)
    for g, type_, name in zip(groups, types, names, strict=True):
        country = gaz.countries.get(name) if type_ == "country" else None
        if country is None or fold(name) not in us_states():
            continue
        code = next((a for a in country.short_forms if len(a) == 2 and a.isupper()), None)
        people = [country.demonym, plural_form(country.demonym)] if country.demonym else []
        theirs = [*country.capitals, *(n for n, codes in city_names().items() if code in codes), *people]
        if any(w and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in theirs):
            continue  # its people, its capital or one of its cities: the country
        others = [
            n for n, t in zip(names, types, strict=True) if n != name and t in ("place", "country", "organisation")
        ]
        if any(in_the_us(n, gaz) for n in others):
            for c in g:
                c.type, c.key = "place", name.casefold()
                c.notes.append("a US state here: the article names other places in the US and none of the country")


def _event_or_document(name: str) -> bool:
    """'the Example Grand Prix', 'the Clean Water Act', 'New Year's Eve': a capitalised name that
    ends in the head noun of an event, a law or a work (event_and_document_heads in words.yml)."""
    words = [w.strip(".,;:’'\"") for w in name.split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w]
    if len(words) < 2 or words[0].lower() in ("the", "a", "an"):
        words = words[1:] if words and words[0].lower() in ("the", "a", "an") else words
    if len(words) < 2 or not all(
        w[:1].isupper() or w.lower() in wordset("name_particles") or w.isdigit() for w in words
    ):
        return False
    last = words[-1].lower()
    return last in wordset("event_and_document_heads") or any(
        last.endswith(end) and len(last) > len(end) for end in wordset("event_head_endings")
    )


def _keep_needed_countries(groups: list[list[Candidate]], cands: list[Candidate]) -> list[list[Candidate]]:
    """A country named only through a demonym inside a group ('Russian leaders') still exists.

    Its mentions are those demonyms, so the group's affiliation points at an
    actor anchored in the text.
    """
    have = {g[0].key for g in groups if any(c.type == "country" for c in g)}
    needed = {c.affiliation for c in cands if c.affiliation and not c.weak}
    extra: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.type == "country" and c.weak and c.key in needed and c.key not in have:
            extra.setdefault(c.key, []).append(c)
    return groups + list(extra.values())


def _name(g: list[Candidate], type_: str) -> str:
    if type_ == "country":
        return g[0].key
    pool = [c for c in g if c.type == type_] or g
    if type_ == "person":
        name = max((c.name for c in pool), key=lambda n: (len(n.split()), len(n)))
        titled = [c.title for c in pool if c.title]
        if len(name.split()) == 1 and titled and len(titled) == len(pool) and len(set(titled)) == 1:
            return f"{titled[0]} {name}"  # 'Mr. Roe', 'President Roe': the one way the article names them
        return name
    if type_ == "group":
        counts = Counter(c.name for c in pool)
        return max(counts, key=lambda n: (counts[n], len(n)))
    names = [c.name for c in pool if not c.name.isupper()] or [c.name for c in pool]
    return max(names, key=lambda n: (len(n.split()), len(n)))


def _aliases(g: list[Candidate], name: str) -> tuple[str, ...]:
    seen = {name.casefold()}
    out = []
    for c in sorted(g, key=lambda c: (c.paragraph, c.start)):
        # Surface forms only: "Moreau" is no alias when the text always writes "Ms Moreau".
        for form in (c.text,):
            if form and form.casefold() not in seen:
                seen.add(form.casefold())
                out.append(form)
    return tuple(out)


def _roles(g, docs, type_: str, affiliation_at) -> list[Role]:
    if type_ not in ("person", "organisation"):
        return []
    found: list[FoundRole] = []
    for c in g:
        if c.type == type_:
            found.extend(roles_for(docs[c.paragraph - 1], c, affiliation_at))
    roles: list[Role] = []
    seen: dict[str, int] = {}
    for r in found:
        key = title_key(r.text)
        if key in seen:
            k = seen[key]
            if roles[k].affiliation is None and r.affiliation:
                roles[k] = Role(roles[k].text, r.affiliation, roles[k].paragraph, roles[k].start, roles[k].end)
            continue
        seen[key] = len(roles)
        roles.append(Role(r.text, r.affiliation, r.paragraph, r.start, r.end))
    return roles


def _affiliation(g, roles: list[Role], country_ids: dict[str, str], own_id: str, org_ids: dict[str, str]) -> str | None:
    for c in g:
        if c.affiliation and c.affiliation in country_ids and country_ids[c.affiliation] != own_id:
            return country_ids[c.affiliation]
    for c in g:
        if c.affiliation_org and org_ids.get(c.affiliation_org, own_id) != own_id:
            return org_ids[c.affiliation_org]
    for r in roles:
        if r.affiliation and r.affiliation != own_id:
            return r.affiliation
    return None


def _notes(g: list[Candidate]) -> tuple[str, ...]:
    notes: dict[str, list[int]] = {}
    for c in g:
        for note in c.notes:
            notes.setdefault(note, []).append(c.paragraph)
    out = []
    for note, paras in notes.items():
        ps = ", ".join(str(p) for p in sorted(set(paras)))
        out.append(f"{note}: paragraph{'s' if len(set(paras)) > 1 else ''} {ps}")
    return tuple(out)


def _assign_ids(groups: list[list[Candidate]]) -> list[str]:
    ids: list[str] = []
    used: set[str] = set()
    for g in groups:
        type_ = cluster_type(g)
        base = slugify(_name(g, type_)) or type_
        slug, k = base, 2
        while slug in used:
            slug, k = f"{base}-{k}", k + 1
        used.add(slug)
        ids.append(slug)
    return ids
