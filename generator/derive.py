"""What is computed from extracted briefings, once: here, one cast across briefings.

Actors are merged across articles only on strong evidence (issue: one real person,
one entry): the same full name; a surname alone joins the one full name of the site
that ends with it when their roles do not conflict; organisations, countries, places
and named groups by type and name. A described actor ("an analyst", "a spokesman")
is never merged across articles: two articles' analysts are not one person.
"""

from __future__ import annotations

from collections import defaultdict

from .model import Actor, Briefing


def _unnamed(actor: Actor) -> bool:
    return actor.described


def _key(actor: Actor) -> tuple[str, str]:
    return actor.type, " ".join(actor.name.replace("\u2019", "'").casefold().split())


def _role_keys(actors: list[Actor]) -> set[str]:
    return {" ".join(r.text.casefold().split()) for a in actors for r in a.roles}


def merge_actors(briefings: list[Briefing]) -> list[list[tuple[Briefing, Actor]]]:
    """Groups of (briefing, actor) that are one real-world actor, in first-seen order."""
    groups: dict[tuple, list[tuple[Briefing, Actor]]] = {}
    for b in briefings:
        for a in b.actors:
            key = ("unnamed", b.article.id, a.id) if _unnamed(a) else _key(a)
            groups.setdefault(key, []).append((b, a))
    # A surname alone ('Reagan') joins the one full name of the site that ends with it.
    full_by_last: dict[str, list[tuple]] = defaultdict(list)
    for key in groups:
        if key[0] == "person" and len(key[1].split()) > 1:
            full_by_last[key[1].split()[-1]].append(key)
    for key in list(groups):
        if key[0] != "person" or len(key[1].split()) != 1:
            continue
        targets = full_by_last.get(key[1], [])
        if len(targets) != 1:
            continue
        short = [a for _, a in groups[key]]
        full = [a for _, a in groups[targets[0]]]
        roles_short, roles_full = _role_keys(short), _role_keys(full)
        if roles_short and roles_full and not roles_short & roles_full:
            continue  # 'Reagan, the senator' and 'Ronald Reagan, the president': not shown to be one
        groups[targets[0]].extend(groups.pop(key))
    return list(groups.values())


def best_name(group: list[tuple[Briefing, Actor]]) -> Actor:
    """The member whose name is the fullest (more words, then longer)."""
    return max((a for _, a in group), key=lambda a: (len(a.name.split()), len(a.name)))
