"""Extraction on a local Dask cluster gives the same JSON, byte for byte, as the single process."""

from __future__ import annotations

from datetime import date

import pytest

from generator.model import Article


def _articles() -> list[Article]:
    texts = [
        (
            "Council approves budget",
            "The city council approved the budget on Monday, Mayor Jane Roe said.",
        ),
        (
            "Storm closes port",
            "“We will reopen on Friday,” said harbour master John Smith after the storm hit Eastbrook.",
        ),
        ("Talks resume", "Negotiators from France and Germany met in Brussels last week to resume the talks."),
    ]
    return [
        Article(f"a{n}", title, date(2022, 6, n + 1), "Gazette", None, (), (text,), path=f"a{n}.txt")
        for n, (title, text) in enumerate(texts)
    ]


@pytest.mark.slow  # starts a cluster of two processes, each loading spaCy (~45 s here)
@pytest.mark.spacy
def test_local_cluster_output_is_byte_identical_to_the_single_process(tmp_path):
    from generator.distribute import extract_distributed, extract_serial

    articles = _articles()
    serial = extract_serial(articles, tmp_path / "serial")
    spread = extract_distributed(articles, tmp_path / "cluster", workers=2)
    assert [e for _, _, e in serial + spread] == [None] * 6
    assert spread == serial  # same ids, same content addresses, in the articles' order
    names = sorted(p.name for p in (tmp_path / "serial").glob("*.json"))
    assert len(names) == 3 and names == sorted(p.name for p in (tmp_path / "cluster").glob("*.json"))
    for name in names:
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "cluster" / name).read_bytes()
    # The store is the build's cache: the site is built from it without extracting again.
    from generator.produce import cached

    assert all(cached(a, tmp_path / "cluster") is not None for a in articles)


def test_a_failing_article_is_reported_not_raised(tmp_path, monkeypatch):
    import generator.produce as produce
    from generator.distribute import extract_serial

    def boom(article, cache_dir, seconds=0):
        raise RuntimeError("no model")

    monkeypatch.setattr(produce, "extract_cached", boom)
    (result,) = extract_serial(_articles()[:1], tmp_path)
    assert result[0] == "a0" and result[1].endswith(".json") and result[2] == "RuntimeError: no model"
