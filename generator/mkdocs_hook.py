"""The thin MkDocs integration: generate pages before each build, watch seeds/.

Enabled in mkdocs.yml with ``hooks: [generator/mkdocs_hook.py]``. It only
connects MkDocs events to :func:`generator.site.generate`.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import site
from generator.limits import LimitsError, limits_from
from generator.problems import ArticleError
from generator.render import COLLECTION_PAGES, PAGE_TITLES, render_index
from generator.site import CACHE_DIR, OUT_SUBDIR, generate
from generator.story.site import nav_section

log = logging.getLogger("mkdocs.plugins.briefing")
HOME_MARKER = "<!-- briefing:list -->"
_state: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _seeds(config) -> Path:
    return _root(config) / config.extra.get("briefing_seeds", "seeds")


def _log_progress(done: int, total: int, name: str, seconds: float | None) -> None:
    if seconds is not None:
        log.info("briefing: [%d/%d] %s: %.1f s", done, total, name, seconds)
    elif done == 0:
        log.info("briefing: extracting %d article(s) (the first loads the spaCy model)", total)


def on_pre_build(config, **kwargs) -> None:
    # `briefing build` reports every problem itself, once, and shows its own progress
    # (site.RUN); under plain `mkdocs build` or `serve` the problems go to MkDocs' log.
    run = site.RUN
    try:
        limits = limits_from(config.extra)
        result = generate(
            _seeds(config),
            Path(config.docs_dir),
            cache_dir=_root(config) / CACHE_DIR,
            limits=limits,
            progress=run.get("progress") or _log_progress,
        )
    except (ArticleError, LimitsError) as err:
        # Nothing generated was touched: the last good pages stay.
        raise PluginError(f"briefing: {err}") from None
    run["result"] = result
    if not run.get("caller_reports"):
        result.report(lambda kind, text: (log.info if kind == "note" else log.warning)("briefing: %s", text))
    _state["result"] = result
    if config.nav:
        config.nav = _with_briefings(config.nav, result.briefings, result.stories)


def _with_briefings(nav: list, briefings: list, stories: list = ()) -> list:
    """Replace the 'briefings/index.md' nav entry by a section: the pages that gather every
    briefing (actors, timeline, tags), then each briefing with its five pages."""
    index = f"{OUT_SUBDIR}/index.md"
    ordered = sorted(briefings, key=lambda b: (str(b.article.published or ""), b.article.title), reverse=True)
    gathered = [{title: f"{OUT_SUBDIR}/{name}"} for name, title in COLLECTION_PAGES.items()]
    section = [index, nav_section(stories, OUT_SUBDIR), *gathered] + [
        # Material prints nav titles as HTML, unescaped.
        {
            html.escape(b.article.title): [
                # The Overview has no nav title: it is the section's index (navigation.indexes), and its
                # title comes from its front matter, so tag listings and search name the article.
                f"{OUT_SUBDIR}/{b.article.id}/index.md",
                *(
                    {title: f"{OUT_SUBDIR}/{b.article.id}/{name}"}
                    for name, title in PAGE_TITLES.items()
                    if name != "index.md"
                ),
            ]
        }
        for b in ordered
    ]
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            first = value[0] if isinstance(value, list) and value else value
            if first == index:
                item = {title: section}
        out.append(item)
    return out


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if HOME_MARKER in markdown and "result" in _state:
        result = _state["result"]
        listing = render_index(result.briefings, [str(e) for e in result.errors], prefix=f"{OUT_SUBDIR}/")
        markdown = markdown.replace(HOME_MARKER, listing)
    return markdown


def on_serve(server, config, builder, **kwargs):
    server.watch(str(_seeds(config)))
    return server
