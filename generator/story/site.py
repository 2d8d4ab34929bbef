"""Stories in a site build: read ``seeds/stories.yml``, group the briefings, give the pages.

Used by :func:`generator.site.generate`; a problem with the stories file fails the build (as a
correction that matches nothing does) and the stories are grouped without it."""

from __future__ import annotations

from pathlib import Path

from ..problems import ArticleError
from . import Story, assign, build_stories
from .merge import digest
from .pages import SUBDIR, render_stories, story_line, with_story
from .pins import read_stories


class StoryPages:
    def __init__(self, seeds_dir: Path, briefings: list, problems: list):
        pins = None
        try:
            pins = read_stories(seeds_dir)
        except ArticleError as err:
            problems.append(err)
        self.stories, bad = build_stories(briefings, pins)
        problems += bad
        self.briefings = briefings
        self.by_id = {b.article.id: b for b in briefings}
        self.of = assign(self.stories)

    def overview(self, briefing, text: str) -> str:
        return with_story(text, self.of.get(briefing.article.id), briefing, self.by_id)

    def line(self, briefing) -> str:
        """The story line of the briefing's Overview ('' when it has no story): all that
        :meth:`overview` adds to the page."""
        story = self.of.get(briefing.article.id)
        return story_line(story, briefing, self.by_id) if story else ""

    def files(self, pages: set[str] | None = None, summary: bool = True) -> dict[str, str]:
        """The stories' index and JSON (``summary``) and pages (all, or those of the ids in ``pages``)."""
        digests = {s.id: digest(s, self.by_id) for s in self.stories if summary or pages is None or s.id in pages}
        return render_stories(self.stories, self.briefings, digests, pages, summary)


def nav_section(stories: list[Story], out_subdir: str = "briefings") -> dict:
    """The 'Stories' entry of the nav: the index alone, which lists every story (a nav entry per
    story would be printed into every page of the site, and grow it with the square of its size)."""
    return {"Stories": f"{out_subdir}/{SUBDIR}/index.md"}
