"""Stories: articles on the same affair grouped together (:mod:`.cluster`), pinned or split by
hand in ``seeds/stories.yml`` (:mod:`.pins`), and merged into one story view (:mod:`.merge`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..article import slugify
from ..problems import ArticleError
from .cluster import Params, cluster, item_of, load_params
from .pins import Pin, Split, StoriesFile, read_stories, resolve

__all__ = ["Story", "article_names", "assign", "build_stories", "check_stories", "read_stories"]


@dataclass(frozen=True)
class Story:
    id: str
    """URL-safe slug, unique among stories: ``stories/<id>.md``."""
    title: str
    articles: tuple[str, ...]
    """Article ids, oldest first."""
    pinned: bool = False


def article_names(articles: list) -> dict[str, str]:
    """Every name a stories file may give an article (its id, its seed file name with or without
    the extension) -> its id."""
    known = {}
    for a in articles:
        if a.path:
            known[Path(a.path).stem] = known[a.path] = a.id
    known.update({a.id: a.id for a in articles})
    return known


def check_stories(seeds_dir: Path, articles: list) -> list[ArticleError]:
    """What is wrong with ``seeds/stories.yml`` (for ``briefing check``): its form, and articles it
    names that are not in the folder."""
    try:
        pins = read_stories(seeds_dir)
    except ArticleError as err:
        return [err]
    if pins is None:
        return []
    known = article_names(articles)
    problems = []
    entries: list[Pin | Split] = [*pins.pins, *pins.splits]
    for entry in entries:
        try:
            resolve(entry.articles, known, pins.shown, entry.line)
        except ArticleError as err:
            problems.append(err)
    return sorted(problems, key=lambda e: e.line or 0)


def _order(briefings: dict, ids: list[str]) -> tuple[str, ...]:
    return tuple(sorted(ids, key=lambda i: (str(briefings[i].article.published or "9999"), i)))


def build_stories(
    briefings: list, pins: StoriesFile | None = None, params: Params | None = None
) -> tuple[list[Story], list[ArticleError]]:
    """Every story of two or more articles, most articles first, and the problems of the stories file
    (an unknown article: that entry is left out, the rest applies)."""
    by_id = {b.article.id: b for b in briefings}
    known = article_names([b.article for b in briefings])
    problems: list[ArticleError] = []
    groups: list[tuple[list[str], str | None, bool]] = []
    taken: set[str] = set()
    apart: list[tuple[str, str]] = []
    alone: set[str] = set()
    if pins is not None:
        for pin in pins.pins:
            try:
                ids = resolve(pin.articles, known, pins.shown, pin.line)
            except ArticleError as err:
                problems.append(err)
                continue
            groups.append((ids, pin.title, True))
            taken.update(ids)
        for split in pins.splits:
            try:
                ids = resolve(split.articles, known, pins.shown, split.line)
            except ArticleError as err:
                problems.append(err)
                continue
            if len(ids) == 1:
                alone.add(ids[0])
            apart += [(a, b) for n, a in enumerate(ids) for b in ids[n + 1 :]]
    rest = [item_of(b) for b in briefings if b.article.id not in taken and b.article.id not in alone]
    rest.sort(key=lambda i: i.id)
    groups += [(g, None, False) for g in cluster(rest, params or load_params(), apart)]
    stories: list[Story] = []
    used: set[str] = set()
    for ids, title, pinned in groups:
        if len(ids) < 2:
            continue
        ordered = _order(by_id, ids)
        title = title or by_id[ordered[0]].article.title
        slug = base = slugify(title)
        n = 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        stories.append(Story(slug, title, ordered, pinned))
    stories.sort(key=lambda s: (-len(s.articles), s.id))
    return stories, problems


def assign(stories: list[Story]) -> dict[str, Story]:
    """Article id -> its story."""
    return {a: s for s in stories for a in s.articles}


def stories_file(seeds_dir: Path) -> StoriesFile | None:
    return read_stories(seeds_dir)
