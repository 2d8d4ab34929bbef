"""Small helpers shared by the extraction stages."""

from __future__ import annotations

from bisect import bisect_left

from ..model import Actor, Mention


def overlapping(
    actors: list[Actor] | tuple[Actor, ...], paragraph: int, start: int, end: int
) -> list[tuple[Actor, Mention]]:
    """The (actor, mention) pairs of one paragraph overlapping [start, end), in actor order.

    Indexed once per actor list (mentions sorted by start, bisected): a scan of every mention
    for each quote and event made long articles quadratic. Actors are frozen, so the index holds
    while the list holds the same actors.
    """
    key = tuple(map(id, actors))
    if _index.get("key") != key:
        by_paragraph: dict[int, list[tuple[int, int, int, int, Actor, Mention]]] = {}
        for order, actor in enumerate(actors):
            for k, m in enumerate(actor.mentions):
                by_paragraph.setdefault(m.paragraph, []).append((m.start, order, k, m.end, actor, m))
        for rows in by_paragraph.values():
            rows.sort(key=lambda r: r[:3])
        _index.clear()
        _index.update(
            key=key,
            actors=list(actors),  # keeps the ids in the key alive
            rows=by_paragraph,
            starts={p: [r[0] for r in rows] for p, rows in by_paragraph.items()},
            longest={p: max(r[3] - r[0] for r in rows) for p, rows in by_paragraph.items()},
        )
    rows = _index["rows"].get(paragraph)
    if not rows:
        return []
    starts = _index["starts"][paragraph]
    lo = bisect_left(starts, start - _index["longest"][paragraph])
    hi = bisect_left(starts, end)
    hits = sorted((r for r in rows[lo:hi] if r[3] > start and r[0] < end), key=lambda r: (r[1], r[2]))
    return [(r[4], r[5]) for r in hits]


_index: dict = {}


def actor_at(actors: list[Actor] | tuple[Actor, ...], paragraph: int, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping [start, end) in the paragraph (the longest overlap wins)."""
    best, best_overlap = None, 0
    for actor, m in overlapping(actors, paragraph, start, end):
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_overlap:
            best, best_overlap = actor, overlap
    return best


def text_of(doc) -> str:
    """The Doc's text, kept once per Doc: spaCy's ``doc.text`` joins every token on each call,
    which made extraction quadratic in paragraph length (a 200 KB paragraph took minutes)."""
    text = doc.user_data.get("briefing_text")
    if text is None:
        text = doc.user_data["briefing_text"] = doc.text
    return text
