"""The thin MkDocs integration: generate pages before each build, watch seeds/.

Enabled in mkdocs.yml with ``hooks: [generator/mkdocs_hook.py]``. It only
connects MkDocs events to :func:`generator.site.generate`.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from generator.render import COLLECTION_PAGES, PAGE_TITLES, render_index
from generator.site import CACHE_DIR, OUT_SUBDIR, generate

log = logging.getLogger("mkdocs.plugins.briefing")
HOME_MARKER = "<!-- briefing:list -->"
_state: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _seeds(config) -> Path:
    return _root(config) / config.extra.get("briefing_seeds", "seeds")


def on_pre_build(config, **kwargs) -> None:
    result = generate(_seeds(config), Path(config.docs_dir), cache_dir=_root(config) / CACHE_DIR)
    for err in result.errors:
        log.warning("Article skipped: %s", err)
    _state["result"] = result
    if config.nav:
        config.nav = _with_briefings(config.nav, result.briefings)


def _with_briefings(nav: list, briefings: list) -> list:
    """Replace the 'briefings/index.md' nav entry by a section: the pages that gather every
    briefing (actors, timeline, tags), then each briefing with its five pages."""
    index = f"{OUT_SUBDIR}/index.md"
    ordered = sorted(briefings, key=lambda b: (str(b.article.published or ""), b.article.title), reverse=True)
    gathered = [{title: f"{OUT_SUBDIR}/{name}"} for name, title in COLLECTION_PAGES.items()]
    section = [index, *gathered] + [
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
