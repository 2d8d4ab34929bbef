"""Descriptive speakers ("a government spokesperson", "officials") as actors of their own.

The quote stage keeps such a speaker as written; when no actor covers it, this
pass makes one, typed from the phrase's head (a plural head is a group), and
affiliated with the organisation or country the phrase names. The same
description written with another determiner ("a …" / "the …") is one actor.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..article import slugify
from ..model import Actor, Article, Mention, Quote
from .common import actor_at
from .quotes_cues import RELATIVES

_DETERMINER = re.compile(r"^(?:a|an|the|one|another)\s+", re.IGNORECASE)


def _head(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _plural(head) -> bool:
    """'officials', and 'Opponents' opening a sentence, which the tagger may read as a name."""
    if head.tag_ in ("NNS", "NNPS"):
        return True
    word = head.text
    return (
        head.is_sent_start
        and not head.ent_type_
        and word[:1].isupper()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
    )


def add_descriptive_speakers(
    article: Article, docs: list, actors: list[Actor], quotes: list[Quote]
) -> tuple[list[Actor], list[Quote]]:
    actors = list(actors)
    by_key: dict[str, int] = {}
    out: list[Quote] = []
    given: dict[tuple[int, int, int], str] = {}
    seen_by: dict[int, set[Mention]] = {}
    added: dict[int, list[Mention]] = {}
    new_aliases: dict[int, list[str]] = {}
    for q in quotes:
        m = q.speaker_mention
        if m is not None and q.speaker_antecedent is not None and m.text.lower() in RELATIVES:
            m = q.speaker_antecedent  # 'Opponents, who called it …': the phrase the relative stands for
        if q.speaker is not None or m is None:
            out.append(q)
            continue
        if q.speaker_inferred:
            # A continuation of a quote by a described speaker stays with that speaker.
            ident = given.get((m.paragraph, m.start, m.end))
            out.append(replace(q, speaker=ident) if ident else q)
            continue
        doc = docs[m.paragraph - 1]
        head = _head(doc, m.start, m.end)
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            out.append(q)  # a pronoun or a parse we cannot read: leave it unattributed
            continue
        name = _DETERMINER.sub("", m.text).strip()
        if m.text.lower().startswith("the ") and len(name.split()) == 1:
            # 'the actress' points back at someone named earlier: not a new actor, and no guess at whom
            out.append(q)
            continue
        key = name.lower()
        if key not in by_key:
            # The organisation or country named inside the phrase, not the phrase's own head.
            head_start = head.idx
            named = [
                a
                for a in actors
                if any(
                    x.paragraph == m.paragraph
                    and m.start <= x.start
                    and x.end <= m.end
                    and not x.start <= head_start < x.end
                    for x in a.mentions
                )
            ]
            affiliation = actor_at(named, m.paragraph, m.start, m.end) if named else None
            ids = {a.id for a in actors}
            base = slugify(name)
            ident, n = base, 2
            while ident in ids:
                ident, n = f"{base}-{n}", n + 1
            actors.append(
                Actor(
                    id=ident,
                    name=name,
                    type="group" if _plural(head) else "person",
                    affiliation=affiliation.id if affiliation else None,
                    notes=("unnamed: the article describes this speaker but does not name them",),
                )
            )
            by_key[key] = len(actors) - 1
        i = by_key[key]
        actor = actors[i]
        mention = Mention(m.paragraph, m.start, m.end, m.text)
        # New mentions and aliases are gathered and joined once at the end: copying the actor's
        # mentions for every quote made a long text quadratic.
        seen = seen_by.setdefault(i, set(actor.mentions))
        if mention not in seen:
            seen.add(mention)
            added.setdefault(i, []).append(mention)
            more = new_aliases.setdefault(i, [])
            if m.text != actor.name and m.text not in actor.aliases and m.text not in more:
                more.append(m.text)
        given[(m.paragraph, m.start, m.end)] = actor.id
        out.append(replace(q, speaker=actor.id))
    for i, mentions in added.items():
        a = actors[i]
        actors[i] = replace(a, mentions=(*a.mentions, *mentions), aliases=(*a.aliases, *new_aliases.get(i, ())))
    return actors, out
