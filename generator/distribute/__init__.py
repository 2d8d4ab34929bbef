"""Extraction as a map over articles on a Dask cluster (a local one by default), writing one
JSON per article to a content-addressed store: ``<store>/<key>.json``, the key a hash of the
article and of the extraction code (:func:`generator.produce.cache_key`). The store has the
layout of the build's extraction cache, so ``briefing build`` with the store as its cache
(``.cache/briefing``, the default) builds the site from it and extracts nothing again.

    python -m generator.distribute [--seeds seeds] [--store .cache/briefing] [--workers 2]
    python -m generator.distribute --scheduler tcp://scheduler:8786   # a running cluster
"""

from __future__ import annotations

from pathlib import Path

from ..model import Article

__all__ = ["extract_one", "extract_serial", "extract_distributed", "store_path"]


def store_path(store: Path, article: Article) -> Path:
    from ..produce import cache_path

    return cache_path(Path(store), article)


def extract_one(article: Article, store: str) -> tuple[str, str, str | None]:
    """Extract one article into the store (nothing to do when its key is there already).

    Returns (article id, store file name, error or None): one article's failure is reported,
    not raised, so the others go on."""
    from ..produce import extract_cached

    path = store_path(Path(store), article)
    try:
        if not path.exists():
            extract_cached(article, Path(store))
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the map
        return article.id, path.name, f"{type(exc).__name__}: {exc}"
    return article.id, path.name, None


def extract_serial(articles: list[Article], store: Path) -> list[tuple[str, str, str | None]]:
    """The single-process path: the same function, in a loop."""
    return [extract_one(a, str(store)) for a in articles]


def extract_distributed(
    articles: list[Article],
    store: Path,
    scheduler: str | None = None,
    workers: int = 2,
    progress=None,
) -> list[tuple[str, str, str | None]]:
    """Map :func:`extract_one` over the articles on a Dask cluster: the one at `scheduler`
    (whose workers see `store` on a shared file system and run this same code), or a
    :class:`~distributed.LocalCluster` of `workers` processes. Results in the articles' order."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(extract_one, articles, store=str(Path(store).resolve()), pure=False)
        done = 0
        for _ in as_completed(futures):
            done += 1
            if progress is not None:
                progress(done, len(futures))
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
