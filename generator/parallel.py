"""Extraction of many articles on the machine's cores (issue 15): a pool of worker processes, each
loading the spaCy model once, extracts the articles that are not in the cache into it; the build
then reads every briefing from the cache as it would on a rebuild, so the site is the same as with
one process. Few articles (an edit, a test) are extracted in the build's own process: starting a
worker and loading the model in it costs more than it saves.

The number of workers is ``workers`` in ``extra: briefing_limits:`` or ``BRIEFING_WORKERS``
(:mod:`generator.limits`): 0, the default, is one per core, at most :data:`MAX_AUTO`; 1 is no pool.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from .model import Article
from .problems import ArticleError

MIN_ARTICLES = 8
"""Below this many articles to extract, one process does it."""
MAX_AUTO = 4
"""At most this many workers when the count is left to the machine (each holds a model in memory)."""


def worker_count(workers: int, todo: int) -> int:
    """How many processes share ``todo`` jobs (articles to extract, pages to convert): 1 (none
    started) under :data:`MIN_ARTICLES`."""
    if todo < MIN_ARTICLES:
        return 1
    cores = os.cpu_count() or 1
    wanted = min(workers, cores) if workers else min(cores, MAX_AUTO)  # never more than the cores
    return max(1, min(wanted, todo))


def _extract(article: Article, cache_dir: str, seconds: float, shown: str) -> tuple[list[tuple], float]:
    """In a worker: extract one article into the cache. Its errors come back as plain tuples."""
    from .produce import produce

    started = time.monotonic()
    _, errors = produce(article, None, Path(cache_dir), seconds, shown)
    return [(e.path, e.message, e.line) for e in errors], time.monotonic() - started


def extract_all(
    todo: list[tuple[Article, str]],
    cache_dir: Path,
    seconds: float,
    workers: int,
    progress: Callable[[int, int, str, float | None], None],
) -> tuple[dict[str, list[ArticleError]], int]:
    """Extract (article, name shown in errors) pairs into ``cache_dir`` on ``workers`` processes.
    Returns the errors of the articles that failed, by article id (the others are in the cache),
    and how many articles a worker died on: the build extracts those in its own process."""
    failed: dict[str, list[ArticleError]] = {}
    lost = 0
    if not todo:
        return failed, lost
    progress(0, len(todo), todo[0][0].path, None)
    # 'spawn': a fresh interpreter per worker. Forking a process that runs threads (MkDocs' live
    # reload server builds in one) can leave a lock held in the child.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        jobs = {pool.submit(_extract, a, str(cache_dir), seconds, shown): a for a, shown in todo}
        for done, job in enumerate(as_completed(jobs), start=1):
            article = jobs[job]
            try:
                errors, spent = job.result()
            except Exception:  # noqa: BLE001 - a worker that died: the build extracts this one itself
                lost += 1
                progress(done, len(todo), article.path, 0.0)
                continue
            if errors:
                failed[article.id] = [ArticleError(path, message, line) for path, message, line in errors]
            progress(done, len(todo), article.path, spent)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: the queued articles are dropped
        raise
    pool.shutdown()
    return failed, lost
