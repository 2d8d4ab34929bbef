"""Writing generated pages: only when changed, never over a hand-made file."""

from __future__ import annotations

import json

import pytest

from generator.site import MANIFEST, Result, Writer, generate


def test_writer_writes_only_changes_and_keeps_hand_edits(tmp_path):
    out = tmp_path / "briefings"
    r = Result()
    w = Writer(out, r)
    w.write("a/index.md", "one")
    w.write("a/source.md", "two")
    w.finish()
    assert sorted(r.written) == ["a/index.md", "a/source.md"]
    mtime = (out / "a/index.md").stat().st_mtime_ns

    # Same content: nothing is written (mkdocs serve would otherwise rebuild forever).
    r = Result()
    w = Writer(out, r)
    w.write("a/index.md", "one")
    w.write("a/source.md", "two")
    w.finish()
    assert r.written == [] and (out / "a/index.md").stat().st_mtime_ns == mtime

    # A person edits a generated page, and adds a page of their own.
    (out / "a/source.md").write_text("my notes", encoding="utf-8")
    (out / "mine.md").write_text("hand-written", encoding="utf-8")
    r = Result()
    w = Writer(out, r)
    w.write("a/index.md", "one, changed")
    w.write("a/source.md", "two, changed")
    w.write("mine.md", "generated would clash")
    w.finish()
    assert (out / "a/source.md").read_text() == "my notes"
    assert (out / "mine.md").read_text() == "hand-written"
    assert r.written == ["a/index.md"] and len(r.kept) == 2

    # The article goes away: its generated page is removed, the edited one stays.
    r = Result()
    Writer(out, r).finish()
    assert not (out / "a/index.md").exists()
    assert (out / "a/source.md").exists() and (out / "mine.md").exists()
    assert json.loads((out / MANIFEST).read_text()) == {}


@pytest.mark.spacy
def test_generate_builds_good_articles_and_reports_bad_ones(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(
        "Council approves budget\n\nThe city council approved the budget on Monday.\n", encoding="utf-8"
    )
    (seeds / "good.yml").write_text("published: 2022-06-08\n", encoding="utf-8")
    (seeds / "bad.txt").write_bytes(b"Title\n\n\xc3\x28 broken")
    docs = tmp_path / "docs"
    result = generate(seeds, docs, cache_dir=tmp_path / "cache")
    assert [b.article.id for b in result.briefings] == ["council-approves-budget"]
    assert [str(e) for e in result.errors] == ["seeds/bad.txt:3: not UTF-8 text (byte 0xc3 at offset 7)"]
    pages = sorted(p.name for p in (docs / "briefings" / "council-approves-budget").iterdir())
    assert pages == [
        "actors.md",
        "briefing.json",
        "index.md",
        "quotes.md",
        "source.md",
        "timeline.ics",
        "timeline.json",
        "timeline.md",
    ]
    index = (docs / "briefings" / "index.md").read_text(encoding="utf-8")
    assert (
        "bad.txt:3: not UTF-8 text" in index and "[Council approves budget](council-approves-budget/index.md)" in index
    )
    # A second run uses the cache and writes nothing.
    again = generate(seeds, docs, cache_dir=tmp_path / "cache")
    assert again.written == [] and len(list((tmp_path / "cache").glob("*[0-9a-f].json"))) == 1


@pytest.mark.spacy
def test_an_extraction_failure_skips_only_that_article(tmp_path, monkeypatch):
    import sys

    extract_package = sys.modules["generator.extract"]  # the name generator.extract is the extract() function

    real = extract_package.extract_briefing

    def fail_on_one(article, docs):
        if article.title == "Broken story":
            raise RuntimeError("parser surprise")
        return real(article, docs)

    monkeypatch.setattr(extract_package, "extract_briefing", fail_on_one)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Broken story\n\nSomething happened.\n", encoding="utf-8")
    (seeds / "b.txt").write_text("Fine story\n\nSomething else happened.\n", encoding="utf-8")
    result = generate(seeds, tmp_path / "docs", cache_dir=None)
    assert [b.article.title for b in result.briefings] == ["Fine story"]
    assert [str(e) for e in result.errors] == ["seeds/a.txt: extraction failed (RuntimeError: parser surprise)"]


def test_the_briefings_page_goes_on_over_pages(monkeypatch):
    from datetime import date

    import generator.render as render
    from generator.model import Article, Briefing
    from generator.site import Result, briefing_index

    monkeypatch.setattr(render, "PAGE_SIZE", 2)
    briefings = [
        Briefing(
            article=Article(f"a{i}", f"Story {i}", date(2020, 1, i + 1), None, None, (), ("Text.",)),
            actors=(),
            quotes=(),
            events=(),
        )
        for i in range(5)
    ]
    pages = briefing_index(Result(briefings=briefings))
    assert sorted(pages) == ["index.md", "index/2.md", "index/3.md"]
    assert "(a4/index.md)" in pages["index.md"] and "(a0/index.md)" not in pages["index.md"]
    assert "(../a0/index.md)" in pages["index/3.md"] and "[1](../index.md)" in pages["index/3.md"]
    assert "(../all-actors.md)" in pages["index/2.md"]


def test_extraction_never_imports_the_modules_its_cache_key_leaves_out(tmp_path):
    """The extraction cache's key hashes generator/ less NOT_EXTRACTION (pages, engines, the command
    line), so that changing how pages look re-extracts nothing; extracting an article must then never
    import one of them, or a change there would leave a stale extraction in the cache."""
    import subprocess
    import sys

    from conftest import ROOT

    from generator.produce import NOT_EXTRACTION, code_fingerprint

    assert "site.py" in NOT_EXTRACTION and "produce.py" not in NOT_EXTRACTION
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Council approves budget\n\nMayor Jane Roe said on Monday that the council approved the budget.\n",
        encoding="utf-8",
    )
    script = f"""
import sys
from pathlib import Path
from generator.article import read_article
from generator.produce import extract_cached
article = read_article(Path({str(seeds / "a.txt")!r}), Path({str(seeds)!r}))
extract_cached(article, Path({str(tmp_path / "cache")!r}))
print(" ".join(sorted(m for m in sys.modules if m.startswith("generator."))))
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    imported = {m.split(".", 1)[1] + ".py" for m in run.stdout.split()}
    assert "nlp.py" in imported and "produce.py" in imported
    assert not imported & NOT_EXTRACTION
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    assert len(code_fingerprint()) == 16


def _tree(folder) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


SEEDS = {
    "harbour.txt": "Harbour board approves dredging\n\nThe Eastbrook harbour board approved the dredging plan on "
    "Monday, chair Jane Roe said.\n\n“We will start in May,” Roe said.\n",
    "harbour-2.txt": "Dredging of Eastbrook harbour starts\n\nDredging began in Eastbrook harbour on Tuesday, "
    "chair Jane Roe said, a week after the board approved it.\n",
    "library.txt": "Westmoor library reopens\n\nThe Westmoor library reopened on Friday after repairs, "
    "librarian Tom Poe said.\n",
}


def test_generation_renders_only_what_changed_and_writes_what_a_full_build_writes(tmp_path):
    """With nothing changed no page is rendered again; with one article edited only its briefing and
    the pages across briefings are; either way docs/ is byte for byte what a generation from
    nothing writes, and files whose content did not change are not rewritten (their times stay)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in SEEDS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    first = generate(seeds, docs, cache_dir=cache)
    assert sorted(first.rendered) == sorted([*(b.article.id for b in first.briefings), "across"])
    again = generate(seeds, docs, cache_dir=cache)
    assert again.rendered == [] and again.written == [] and again.removed == []
    assert len(again.briefings) == 3

    times = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    (seeds / "library.txt").write_text(SEEDS["library.txt"] + "\nThe Westmoor library opens at nine.\n")
    edited = generate(seeds, docs, cache_dir=cache)
    assert edited.rendered == ["westmoor-library-reopens", "across"]
    assert "westmoor-library-reopens/source.md" in edited.written
    assert not [w for w in edited.written if w.startswith(("harbour-", "dredging-"))]
    others = [p for p in times if p.parent.name.startswith(("harbour-", "dredging-"))]
    story = docs / "briefings" / "stories" / "dredging-of-eastbrook-harbour-starts.md"  # the harbour pair's
    assert len(others) == 16 and all(p.stat().st_mtime_ns == times[p] for p in [*others, story])

    full = tmp_path / "full"
    generate(seeds, full, cache_dir=None)
    assert _tree(docs) == _tree(full)

    # An article of a story edited: its story's page is rendered again, and still as in a full build.
    (seeds / "harbour.txt").write_text(SEEDS["harbour.txt"] + "\nDredging will cost less than planned, Roe said.\n")
    assert "harbour-board-approves-dredging/index.md" in generate(seeds, docs, cache_dir=cache).written
    assert "Dredging will cost less than planned" in story.read_text(encoding="utf-8")
    generate(seeds, full, cache_dir=None)
    assert _tree(docs) == _tree(full)

    # A generated file deleted or edited behind the memo's back is not taken as unchanged.
    (docs / "briefings" / "westmoor-library-reopens" / "quotes.md").unlink()
    (docs / "briefings" / "all-actors.md").write_text("edited by hand\n", encoding="utf-8")
    repaired = generate(seeds, docs, cache_dir=cache)
    assert repaired.rendered == ["westmoor-library-reopens", "across"]
    assert repaired.written == ["westmoor-library-reopens/quotes.md"]
    assert repaired.kept == [str(docs / "briefings" / "all-actors.md")]
    assert generate(seeds, docs, cache_dir=cache).rendered == ["across"]  # the hand-edited file stays a reason
