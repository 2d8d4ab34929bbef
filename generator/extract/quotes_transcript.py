"""Transcripts: turns written 'NAME: words' give their speaker by the label.

An interview printed as a transcript labels each turn with the speaker's name in
capitals ("ROE: We will see."). A label is taken only where the article reads as a
transcript: at least two different labels, each opening a quoted paragraph, none a
word that is no speaker (``transcript_non_speakers`` in words.yml: "NOTE", "UPDATE").
The label names the person of the article whose family name it is, or a person of
its own ('Roe'); an unlabelled quoted paragraph right after a turn continues it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..article import slugify
from ..lexicon import wordset
from ..model import Actor, Mention, Quote

_LABEL = re.compile(r"[\"“‘']?\s*([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2}):\s+")
_TRANSCRIPT = "transcript speaker label"


def _label(paragraph: str) -> tuple[str, int] | None:
    m = _LABEL.match(paragraph)
    if m is None or len(m.group(1).replace(".", "")) < 2:
        return None
    if m.group(1).lower() in wordset("transcript_non_speakers"):
        return None
    return m.group(1), m.end()


def label_turns(paragraphs, actors: list[Actor], quotes: list[Quote]) -> tuple[list[Actor], list[Quote]]:
    labels = {n: lab for n, p in enumerate(paragraphs, start=1) if (lab := _label(p)) is not None}
    quoted = {q.paragraph for q in quotes if q.kind == "direct"}
    turns = {n: lab for n, lab in labels.items() if n in quoted}
    if len({lab for lab, _ in turns.values()}) < 2:
        return actors, quotes
    actors = list(actors)
    speaker_of: dict[str, str] = {}
    for n, (label, _end) in sorted(turns.items()):
        if label in speaker_of:
            continue
        family = label.split()[-1].casefold()
        same = [
            a
            for a in actors
            if a.type == "person"
            and not a.described
            and any(name.split()[-1].casefold() == family for name in (a.name, *a.aliases) if name.split())
        ]
        if len(same) == 1:
            speaker_of[label] = same[0].id
            continue
        if same:
            continue  # two people of that name: the label does not say which
        name = " ".join(w.capitalize() for w in label.split())
        start = paragraphs[n - 1].index(label)
        ident = slugify(name)
        while any(a.id == ident for a in actors):
            ident += "-2"
        actors.append(
            Actor(
                id=ident,
                name=name,
                type="person",
                mentions=(Mention(n, start, start + len(label), label),),
                evidence=(_TRANSCRIPT,),
            )
        )
        speaker_of[label] = ident
    new: dict[str, Quote] = {}
    turn: tuple[int, str] | None = None  # (paragraph, label) of the turn running on
    for q in sorted((q for q in quotes if q.kind == "direct"), key=lambda q: (q.paragraph, q.start)):
        lab = turns.get(q.paragraph)
        if lab is not None:
            turn = (q.paragraph, lab[0])
            if lab[0] in speaker_of and (q.speaker is None or q.speaker_mention is None):
                text = paragraphs[q.paragraph - 1]
                at = text.index(lab[0])
                start = max(q.start, lab[1]) if q.start <= at else q.start
                new[q.id] = replace(
                    q,
                    start=start,
                    text=text[start : q.end] if start != q.start else q.text,
                    speaker=speaker_of[lab[0]],
                    speaker_text=lab[0],
                    speaker_inferred=False,
                    speaker_mention=Mention(q.paragraph, at, at + len(lab[0]), lab[0]),
                    speaker_antecedent=None,
                    attribution="transcript: the turn's speaker label",
                )
        elif turn is not None and q.paragraph in (turn[0], turn[0] + 1) and q.speaker is None:
            if turn[1] in speaker_of:
                new[q.id] = replace(
                    q,
                    speaker=speaker_of[turn[1]],
                    speaker_text=turn[1],
                    speaker_inferred=True,
                    attribution="transcript: continues the turn before it",
                )
            turn = (q.paragraph, turn[1])
        elif turn is not None and q.paragraph != turn[0]:
            turn = None
    return actors, [new.get(q.id, q) for q in quotes]
