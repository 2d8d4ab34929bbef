"""Many new articles are extracted on several processes (issue 15), and the site is the same as
with one: the same cache entries, byte for byte, the same pages, the same errors."""

from __future__ import annotations

import re

import pytest

from generator.limits import Limits, limits_from
from generator.parallel import MIN_ARTICLES, extract_all, worker_count
from generator.site import generate

TOWNS = ("Eastbrook", "Arden", "Westmere", "Northam", "Lowfield", "Kingsport", "Redcliff", "Ashby", "Millbury")


def _seeds(root):
    seeds = root / "seeds"
    seeds.mkdir()
    for n, town in enumerate(TOWNS):
        (seeds / f"s{n}.txt").write_text(
            f"{town} council meets\n\n"
            f"The {town} council met on Monday to discuss the bridge, Mayor Jane Roe said.\n\n"
            f"“We will decide by Friday,” said Tom Poe, a councillor in {town}.\n",
            encoding="utf-8",
        )
        (seeds / f"s{n}.yml").write_text(f"published: 2024-03-{n + 4:02d}\nsource: Gazette\n", encoding="utf-8")
    return seeds


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_few_articles_or_one_worker_start_no_pool(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 16)
    assert worker_count(0, MIN_ARTICLES - 1) == 1  # an edit, a small site: the build's own process
    assert worker_count(1, 500) == 1
    assert worker_count(3, 500) == 3
    assert worker_count(12, MIN_ARTICLES) == MIN_ARTICLES  # never more workers than articles
    assert worker_count(0, 500) == 4  # left to the machine: one per core, at most four
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert worker_count(0, 500) == 2 and worker_count(8, 500) == 2  # never more than the cores


@pytest.mark.spacy
def test_articles_a_dead_worker_left_are_extracted_by_the_build_with_a_warning(tmp_path, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    import generator.parallel as parallel

    class DeadPool:
        def __init__(self, *args, **kwargs):
            pass

        def submit(self, *args, **kwargs):
            future: Future = Future()
            future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, *args, **kwargs):
            pass

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", DeadPool)
    result = generate(_seeds(tmp_path), tmp_path / "docs", tmp_path / "cache", Limits(workers=2))
    assert not result.errors and len(result.briefings) == len(TOWNS)
    assert [w.message.split(":")[0] for w in result.warnings] == [
        f"{len(TOWNS)} article(s) were extracted in the build's own process"
    ]


def test_the_worker_count_is_a_limit_like_the_others(monkeypatch):
    assert limits_from({"briefing_limits": {"workers": 2}}).workers == 2
    monkeypatch.setenv("BRIEFING_WORKERS", "1")
    assert limits_from({"briefing_limits": {"workers": 2}}).workers == 1


@pytest.mark.slow  # two worker processes each load spaCy
@pytest.mark.spacy
def test_a_pool_of_two_builds_the_same_site_as_one_process(tmp_path, monkeypatch):
    import generator.extract
    import generator.site as site

    pools = []
    monkeypatch.setattr(site, "extract_all", lambda *a: pools.append(a[3]) or extract_all(*a))
    seeds = _seeds(tmp_path)
    one = generate(seeds, tmp_path / "one" / "docs", tmp_path / "one" / "cache", Limits(workers=1))

    def not_here(*args, **kwargs):
        raise AssertionError("extracted in the build's process, not in a worker")

    monkeypatch.setattr(generator.extract, "extract_briefing", not_here)  # the workers are other processes
    two = generate(seeds, tmp_path / "two" / "docs", tmp_path / "two" / "cache", Limits(workers=2))
    assert pools == [2] and not one.errors and not two.errors  # the second build ran a pool of two
    assert len(one.briefings) == len(two.briefings) == len(TOWNS)
    # The extraction cache: one entry per article, named by its content (the page memo beside it
    # records files' times, which differ).
    cache_one, cache_two = (
        {k: v for k, v in _files(tmp_path / run / "cache").items() if re.fullmatch(r"[0-9a-f]{24}\.json", k)}
        for run in ("one", "two")
    )
    assert len(cache_one) == len(TOWNS) and cache_one == cache_two
    assert _files(tmp_path / "one" / "docs") == _files(tmp_path / "two" / "docs")

    # Past its time budget an article is skipped in a worker as it is in one process: one error each.
    budget = Limits(workers=2, seconds_per_article=1e-6)
    late = generate(seeds, tmp_path / "late" / "docs", tmp_path / "late" / "cache", budget)
    assert not late.briefings and len(late.errors) == len(TOWNS)
    assert all("past its time budget" in str(e) and str(e).startswith("seeds/s") for e in late.errors)
