"""Small helpers shared by the extraction stages."""

from __future__ import annotations

from ..model import Actor


def actor_at(actors: list[Actor] | tuple[Actor, ...], paragraph: int, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping [start, end) in the paragraph (the longest overlap wins)."""
    best, best_overlap = None, 0
    for actor in actors:
        for m in actor.mentions:
            if m.paragraph != paragraph:
                continue
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
    return best
