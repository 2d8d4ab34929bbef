"""Stories -> Markdown pages (one per story, and an index), the JSON export, and the link from
each briefing's Overview to its story. Every value from an article is escaped (see
:mod:`generator.markup`): the templates share the briefing pages' environment."""

from __future__ import annotations

import json
from pathlib import Path

from ..markup import md_escape
from ..model import Briefing
from ..render import _env
from . import Story
from .merge import StoryDigest
from .view import StoryView

TEMPLATES = Path(__file__).parent / "templates"
SUBDIR = "stories"
JSON_NAME = "stories.json"
STORY_SCHEMA_VERSION = 1


def render_stories(
    stories: list[Story],
    briefings: list[Briefing],
    digests: dict[str, StoryDigest],
    pages: set[str] | None = None,
    summary: bool = True,
) -> dict[str, str]:
    """{path under briefings/: content}: ``stories/index.md`` and ``stories.json`` (with ``summary``),
    and ``stories/<id>.md`` for every story, or for the ids in ``pages`` (a page shows its story and
    its articles only: the others are unchanged, :class:`generator.site.PageMemo`). ``digests`` holds
    what each story shows (:func:`generator.story.merge.digest`) for the stories rendered."""
    env = _env(TEMPLATES)
    by_id = {b.article.id: b for b in briefings}
    views = {s.id: StoryView(digests[s.id]) for s in stories if summary or pages is None or s.id in pages}
    out = {}
    if summary:
        out[f"{SUBDIR}/index.md"] = env.get_template("index.md.j2").render(stories=stories, briefings=by_id)
    for v in views.values():
        if pages is None or v.story.id in pages:
            out[page_name(v.story)] = env.get_template("story.md.j2").render(s=v)
    if summary:
        data = {"schema_version": STORY_SCHEMA_VERSION, "stories": [views[s.id].as_dict() for s in stories]}
        out[JSON_NAME] = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return out


def page_name(story: Story) -> str:
    return f"{SUBDIR}/{story.id}.md"


def story_line(story: Story, briefing: Briefing, by_id: dict[str, Briefing]) -> str:
    """'**Story:** [title](…) · related: [a](…), [b](…)' for a briefing's Overview."""
    related = [
        f"[{md_escape(by_id[a].article.title)}](../{a}/index.md)" for a in story.articles if a != briefing.article.id
    ]
    return (
        f"**Story:** [{md_escape(story.title)}](../{SUBDIR}/{story.id}.md) · {len(story.articles)} articles"
        + (" · **Related:** " + "; ".join(related) if related else "")
        + "\n{: .briefing-story }\n\n"
    )


def with_story(overview: str, story: Story | None, briefing: Briefing, by_id: dict[str, Briefing]) -> str:
    """The Overview with its story line after the meta line (or after the title), when it has a story."""
    if story is None:
        return overview
    line = story_line(story, briefing, by_id)
    for anchor in ("{: .briefing-meta }\n\n", "\n# "):
        at = overview.find(anchor)
        if at < 0:
            continue
        if anchor.startswith("{"):
            cut = at + len(anchor)
        else:
            end = overview.find("\n", at + 1)
            cut = len(overview) if end < 0 else end + 1
            line = "\n" + line
        return overview[:cut] + line + overview[cut:]
    return overview + "\n" + line
