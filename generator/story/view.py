"""The story page's view: reads a :class:`~generator.story.merge.StoryDigest`, computes nothing."""

from __future__ import annotations

from ..model import Briefing, Quote
from .merge import StoryDigest


class StoryView:
    def __init__(self, d: StoryDigest):
        self.story, self.briefings, self.cast, self.timeline = d.story, d.briefings, d.cast, d.timeline
        self.speakers, self.contests, self.unattributed = d.speakers, d.contests, d.unattributed

    @property
    def span(self) -> str:
        days = [b.article.published for b in self.briefings if b.article.published]
        if not days:
            return ""
        first, last = min(days), max(days)
        return str(first) if first == last else f"{first} to {last}"

    def quotes_by_source(self, quotes: list[tuple[Briefing, Quote]]) -> list[tuple[Briefing, list[Quote]]]:
        out: dict[str, tuple[Briefing, list[Quote]]] = {}
        for b, q in quotes:
            out.setdefault(b.article.id, (b, []))[1].append(q)
        return list(out.values())

    def as_dict(self) -> dict:
        """The story for the JSON export (no article text beyond what the briefings already export)."""
        return {
            "id": self.story.id,
            "title": self.story.title,
            "pinned": self.story.pinned,
            "articles": [
                {
                    "id": b.article.id,
                    "title": b.article.title,
                    "published": b.article.published.isoformat() if b.article.published else None,
                    "source": b.article.source,
                }
                for b in self.briefings
            ],
            "cast": [
                {
                    "name": c.name,
                    "type": c.type,
                    "anchor": c.anchor,
                    "roles": c.roles,
                    "actors": [{"article": b.article.id, "actor": a.id, "name": a.name} for b, a in c.members],
                }
                for c in self.cast
            ],
            "timeline": [
                {
                    "date": s.date.value,
                    "start": s.date.start,
                    "end": s.date.end,
                    "text": s.event.line,
                    "sources": [
                        {"article": b.article.id, "event": e.id, "paragraph": e.paragraph} for b, e in s.sources
                    ],
                }
                for s in self.timeline
            ],
            "disagreements": [
                {"article": b.article.id, "by": by.anchor, "verb": c.verb, "target": target.anchor, "quote": c.quote.id}
                for b, c, by, target in self.contests
            ],
            "quotes": [
                {
                    "speaker": c.anchor,
                    "name": c.name,
                    "quotes": [{"article": b.article.id, "quote": q.id, "kind": q.kind, "text": q.text} for b, q in qs],
                }
                for c, qs in self.speakers
            ],
        }
