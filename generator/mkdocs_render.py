"""MkDocs' Markdown on every core (issue 15): a full MkDocs build converts its pages' Markdown to
HTML one after the other, and at a thousand briefings that is most of the build. Before MkDocs
reads the pages (its ``nav`` event), forked workers convert them the way MkDocs does
(:meth:`mkdocs.structure.pages.Page.render`, same extensions, same link rewriting); while MkDocs
then reads each page and runs every plugin's events as usual, its ``render`` takes the worker's
result when the page's Markdown is the one the worker converted, and converts it itself otherwise.

A page is taken from a worker only when its conversion logged nothing: a page whose links or
snippets MkDocs would warn about is converted again in the build's own process, so that warnings
(and ``--strict``) see it exactly as without workers. Workers are forked, so they see the build's
configuration and files as they are. A process running threads (``mkdocs serve`` once its server
runs) is never forked, nor is a dirty build of ``briefing build`` or one of few pages; a worker
that dies or a fork that fails leaves every page to the build's process. Those convert as MkDocs
does.

It assumes what holds for this project's configuration: Markdown extensions that keep no state
between pages and write nothing to plugin objects, and no plugin that changes a page's URL or its
snippets after the ``nav`` event; a page whose Markdown a plugin changes is converted again here.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

log = logging.getLogger("mkdocs.plugins.briefing")

MIN_PAGES = 200
"""Below this many pages the build converts them itself: forking costs more than it saves."""


@dataclass
class Rendered:
    digest: str  # of the Markdown the worker converted
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # links to anchors in other pages, by their src_uri


def _digest(markdown: str | None) -> str:
    return hashlib.blake2b((markdown or "").encode("utf-8"), digest_size=16).hexdigest()


class _Heard(logging.Handler):
    """In a worker: whether converting the page at hand logged anything."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.heard = False

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.heard = True


_SHARED: dict = {}  # the build's config and files, set before the fork


def _render(uris: list[str]) -> list[tuple[str, Rendered]]:
    """In a worker: convert these pages, leaving out any that logged something or failed."""
    config, files = _SHARED["config"], _SHARED["files"]
    heard = _Heard()
    for name in ("", "mkdocs", "MARKDOWN"):  # the build's own handlers stay silent in the worker
        logger = logging.getLogger(name)
        logger.handlers = [heard] if name == "" else []
        logger.propagate = name != ""
    done = []
    for uri in uris:
        file = files.get_file_from_path(uri)
        if file is None:
            continue
        heard.heard = False
        try:
            page = file.page if file.page is not None else Page(None, file, config)
            page.read_source(config)
            markdown = page.markdown
            page.render(config, files)
        except Exception:  # noqa: BLE001 - the build converts this page itself and reports the error
            continue
        if heard.heard:
            continue
        links = page.links_to_anchors
        done.append(
            (
                uri,
                Rendered(
                    _digest(markdown),
                    page.content or "",
                    page.toc,
                    page._title_from_render,
                    page.present_anchor_ids,
                    None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
                ),
            )
        )
    return done


def prerender(config, files, workers: int) -> dict[str, Rendered]:
    """The pages of a full build converted on ``workers`` forked processes, by src_uri; empty when
    the build should convert them itself (one worker, few pages, threads running)."""
    uris = [f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_included)]
    if workers < 2 or len(uris) < MIN_PAGES or threading.active_count() > 1:
        return {}
    if "fork" not in multiprocessing.get_all_start_methods():
        return {}
    chunks = [uris[k :: workers * 8] for k in range(workers * 8)]
    _SHARED.update(config=config, files=files)
    gc.freeze()  # the objects before the fork stay out of the workers' collections: fewer pages copied
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return {uri: got for part in pool.map(_render, chunks) for uri, got in part}
    except Exception as err:  # noqa: BLE001 - a worker killed, no fork: the build converts every page
        log.debug("briefing: pages converted in the build's process (%s)", err)
        return {}
    finally:
        gc.unfreeze()
        _SHARED.clear()


@contextmanager
def rendered_from(done: dict[str, Rendered], config, files) -> Iterator[None]:
    """While MkDocs reads the pages of this build (``config``, ``files``): a page whose Markdown is
    the one a worker converted takes the worker's HTML, table of contents, title and anchors; any
    other page, or a page of another build, is converted as usual."""
    original = Page.render

    def render(page: Page, config_now, files_now) -> None:
        got = done.pop(page.file.src_uri, None) if config_now is config and files_now is files else None
        if got is None or page.markdown is None or got.digest != _digest(page.markdown):
            original(page, config_now, files_now)
            return
        page.content, page.toc, page._title_from_render = got.content, got.toc, got.title
        page.present_anchor_ids = got.anchors
        if got.links is not None:
            page.links_to_anchors = {files_now.get_file_from_path(uri): links for uri, links in got.links.items()}

    Page.render = render  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Page.render = original  # type: ignore[method-assign,assignment]
