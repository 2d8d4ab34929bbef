"""The thin MkDocs integration: generate pages before each build, watch seeds/.

Enabled in mkdocs.yml with ``hooks: [generator/mkdocs_hook.py]``. It only connects MkDocs events
to :func:`generator.site.generate`; the pages and the nav it needs are engine-neutral Markdown and
mkdocs.yml, so the same docs/ also builds with Zensical (:mod:`generator.engines`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from generator import engines, site
from generator.limits import LimitsError, limits_from
from generator.problems import ArticleError
from generator.site import CACHE_DIR, generate

log = logging.getLogger("mkdocs.plugins.briefing")


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
    # Under plain `mkdocs build` or `serve` the pages are generated here and the problems go to
    # MkDocs' log; `briefing build` generates them itself, once, and reports them itself.
    run = site.RUN
    if "result" in run:
        return  # `briefing build` generated the pages before it called MkDocs
    try:
        limits = limits_from(config.extra)
        result = generate(
            _seeds(config),
            Path(config.docs_dir),
            cache_dir=_root(config) / CACHE_DIR,
            limits=limits,
            progress=_log_progress,
        )
    except (ArticleError, LimitsError) as err:
        # Nothing generated was touched: the last good pages stay.
        raise PluginError(f"briefing: {err}") from None
    result.report(lambda kind, text: (log.info if kind == "note" else log.warning)("briefing: %s", text))


def on_config(config, **kwargs):
    # The Home page includes the generated list with pymdownx.snippets; its base path is made
    # absolute so that a build started from another folder finds it.
    snippets = config.mdx_configs.get("pymdownx.snippets")
    if snippets is not None:
        snippets["base_path"] = [str(Path(config.docs_dir))]
    return config


@event_priority(150)  # before the tags plugin's (100), which lists the tags and exports them
def on_env(env, config, files, **kwargs):
    # A dirty build (generator.engines.update_site) reads only the pages that changed, and Material's
    # tags plugin knows the tags of the pages it read: the others' are given back to it here, with
    # their titles, from the last build's export (tags.json, in the copy of the last site being
    # built), in the order of a full build. The tags page itself is rendered in every dirty build.
    if not engines.DIRTY:
        return env
    plugin = config.plugins.get("material/tags") or config.plugins.get("tags")
    if plugin is None or not plugin.config.enabled:
        return env
    export = Path(config.site_dir) / plugin.config.export_file
    known = {m["item"]["url"]: m for m in json.loads(export.read_text(encoding="utf-8"))["mappings"]}
    pages = [f.page for f in files.documentation_pages() if f.page is not None]
    for page in pages:
        if page.markdown is None and page.url in known:  # not read: its source did not change
            page.markdown = ""
            page.meta = {plugin.config.tags_name_property: known[page.url]["tags"]}
            page._title_from_render = known[page.url]["item"]["title"]
            plugin.mappings.add(page, "")
    data = plugin.mappings.data
    plugin.mappings.data = {p.url: data[p.url] for p in pages if p.url in data}
    return env


def on_post_build(config, **kwargs) -> None:
    # Every MkDocs build (`briefing build`, `mkdocs build`, `serve` and `gh-deploy`) gets its
    # Pagefind search index; the Zensical build gets it from generator.engines.
    try:
        engines.index_search(Path(config.site_dir))
    except engines.EngineError as err:
        raise PluginError(f"briefing: {err}") from None


def on_serve(server, config, builder, **kwargs):
    server.watch(str(_seeds(config)))
    return server
