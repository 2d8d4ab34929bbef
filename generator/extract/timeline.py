"""Timeline: time expressions resolved against the publication date, and the events they anchor."""

from __future__ import annotations

from ..model import Actor, Article, Event


def extract_events(article: Article, docs: list, actors: list[Actor]) -> list[Event]:
    return []
