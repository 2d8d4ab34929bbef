"""Property-based tests (Hypothesis) over reading, validation and rendering.

Any text and any metadata value either reads into an article or fails with a 'file:line'
error; a page rendered from any values has the very shape of a page rendered from plain words
(no element, attribute or link the article did not earn); extraction offsets give back their
text.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from safety import structure, tags_of, unsafe

from generator.article import ArticleError, read_article
from generator.derive import cast
from generator.model import Actor, Article, Briefing, Event, Mention, Problem, Quote, TimeValue
from generator.render import render_collection, render_index, render_pages

PAYLOADS = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    ") [X](javascript:alert(1))",
    "\n\n[click](javascript:alert(1))",
    '{: onclick="alert(1)" }',
    '\n!!! danger "x"\n    body',
    "\n- item\n- item",
    "\n# Heading",
    "\n1. one",
    "   \n    code",
    "  \n",
    "&lt;b&gt;",
    "&#x6A;avascript:",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "{% raw %}",
    "`code`",
    "*em* _em_ **b**",
    "| a | b |",
    "---",
    "===",
    "\\",
    "<!--",
    "]]>",
    "\u2028",
    "\x00",
    "\x07",
    "'\"",
    "https://example.org/a)(",
]
text_values = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PAYLOADS)), max_size=6).map("".join)
words = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=8)
OPTIONS = dict(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MD_EXTENSIONS = ["attr_list", "admonition", "tables", "toc"]


def _where_ok(message: str, name: str) -> bool:
    return re.match(rf"^.*{re.escape(name)}(:\d+)?: \S", message) is not None


# ---------------------------------------------------------------- reading and validation


@settings(**OPTIONS)
@given(
    body=text_values,
    meta=st.dictionaries(
        st.sampled_from(["title", "source", "url", "author", "tags", "published", "x"]),
        st.one_of(text_values, st.integers(), st.lists(text_values, max_size=3), st.none()),
        max_size=5,
    ),
)
@example(body="T\n\nB", meta={"url": "https://x.org/a)[X](javascript:alert(1))"})
@example(body="T\n\nB", meta={"source": "A\n\n- injected\n# heading"})
@example(body="T\n\nB", meta={"published": "2019-02-30"})
def test_any_sidecar_reads_or_fails_with_file_and_line(tmp_path_factory, body, meta):
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "a.txt").write_text(body, encoding="utf-8")
    (folder / "a.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    try:
        art = read_article(folder / "a.txt", folder)
    except ArticleError as err:
        assert _where_ok(str(err), "a.txt") or _where_ok(str(err), "a.yml"), str(err)
        return
    for value in (art.title, art.source or "", *art.tags, *art.authors):
        assert value == " ".join(value.split()), "metadata text is one line without runs of spaces"
        assert not any(ord(c) < 32 for c in value)
    if art.url:
        assert re.match(r"^https?://[^\s/]", art.url, re.I) and not any(c.isspace() for c in art.url)
    assert art.paragraphs and all(p.strip() == p and p for p in art.paragraphs)


@settings(**OPTIONS)
@given(raw=st.text(max_size=200))
@example(raw="published: 2019-02-30\n")
@example(raw="a: &a [*a, *a]\nb: *a\n")
@example(raw="!!python/object/apply:os.system ['true']\n")
def test_any_yaml_text_reads_or_fails_with_file_and_line(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("seeds")
    (folder / "a.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (folder / "a.yml").write_text(raw, encoding="utf-8", errors="replace")
    try:
        read_article(folder / "a.txt", folder)
    except ArticleError as err:
        assert _where_ok(str(err), "a.yml") or _where_ok(str(err), "a.txt"), str(err)


# ---------------------------------------------------------------- rendering


def _briefing(v: dict) -> Briefing:
    """One briefing with every kind of item, each value taken from `v`."""
    p1, p2 = v["p1"] or "x", v["p2"] or "x"
    article = Article(
        id="story",
        title=v["title"] or "x",
        published=None,
        source=v["source"] or None,
        url="https://example.org/a" + v["path"],
        tags=(v["tag"],) if v["tag"] else (),
        paragraphs=(p1, p2),
        authors=(v["author"],) if v["author"] else (),
    )
    tv = TimeValue("2021-03-09", "2021-03-09", "2021-03-09", "day", v["phrase"] or "x", 1, 0)
    return Briefing(
        article=article,
        actors=(
            Actor(
                "a1",
                v["name"] or "x",
                "person",
                aliases=(v["alias"],) if v["alias"] else (),
                mentions=(Mention(1, 0, 1, "x"),),
            ),
            Actor("a2", v["org"] or "x", "organisation", mentions=(Mention(2, 0, 1, "x"),)),
        ),
        quotes=(
            Quote("q1", "direct", v["quote"] or "x", "a1", v["speaker"] or "x", v["cue"] or "said", 1, 0, 1),
            Quote("q2", "reported", v["quote2"] or "x", None, v["speaker2"] or None, None, 2, 0, 1),
        ),
        events=(Event("e1", v["event"] or "x", tv, ("a1",), 1, 0, 1), Event("e2", v["event2"] or "x", None, (), 2)),
        warnings=(Problem("reading", v["warning"]),) if v["warning"] else (),
        corrections=(v["correction"],) if v["correction"] else (),
    )


KEYS = ["p1", "p2", "title", "source", "tag", "author", "phrase", "name", "alias", "org", "quote", "speaker", "cue",
        "quote2", "speaker2", "event", "event2", "warning", "correction"]  # fmt: skip


def _plain(value: str) -> str:
    """The same value as plain words: as many words, as long, nothing else."""
    if value == "":
        return ""
    n = max(1, len(value.split()))
    return " ".join(["w"] * n)


def _pages(b: Briefing) -> dict[str, str]:
    pages = render_pages(b)
    pages |= {f"all/{k}": t for k, t in render_collection([b], cast([b])).items()}
    pages["list.md"] = render_index([b], [b.article.title])
    return pages


def _html(md: str) -> tuple[dict, str]:
    front = {}
    if md.startswith("---\n"):
        head, _, md = md[4:].partition("\n---\n")
        front = yaml.safe_load(head) or {}
    return front, markdown.markdown(md, extensions=MD_EXTENSIONS)


@settings(**OPTIONS)
@given(
    values=st.fixed_dictionaries({k: text_values for k in KEYS}),
    path=st.text(alphabet="()[]<>\"' `*_{}!?#&%=;:/\\abc", max_size=12),
)
def test_any_value_renders_with_the_shape_of_plain_words(values, path):
    # The model never holds blank text (the reader strips it away) nor control characters (the reader
    # refuses the article): blank stands for absent here, and control characters are taken out.
    from generator.article import _CONTROL

    values = {k: _CONTROL.sub("", v) for k, v in values.items()}
    values = {k: v if v.strip() else "" for k, v in values.items()}
    values["path"] = quote(path, safe="/()!*'")  # a validated URL has no spaces or quotes, may have ( ) ! * '
    plain = {k: _plain(v) for k, v in values.items()} | {"path": "/" + "w" * len(values["path"])}
    real, shape = _pages(_briefing(values)), _pages(_briefing(plain))
    for name in real:
        front, html = _html(real[name])
        _, plain_html = _html(shape[name])
        assert unsafe(html) == [], name
        assert structure(html) == structure(plain_html), name
        assert isinstance(front, dict) and all(isinstance(k, str) for k in front), name
        if "title" in front:
            assert isinstance(front["title"], str)
        hrefs = [a.get("href", "") for t, a in tags_of(html).tags if t == "a"]
        assert all(h.startswith(("#", "../", "https://example.org/")) or "://" not in h for h in hrefs), name


# ---------------------------------------------------------------- extraction offsets

sentences = st.lists(
    st.sampled_from(
        [
            "The mayor said the bridge would open in June.",
            "“We are ready,” said Ann Lee, the council leader.",
            "According to officials, the work began last week.",
            "Police arrested two men on Tuesday.",
            "She told reporters: “Nothing has changed.”",
            "The union, which represents 4,000 workers, rejected the offer.",
            "Protesters gathered outside the ministry in the capital.",
            "It was “a disgrace”, he said.",
        ]
    )
    | text_values,
    min_size=1,
    max_size=6,
)


@pytest.mark.spacy
@settings(max_examples=150, deadline=None)
@given(paras=st.lists(sentences.map(" ".join), min_size=1, max_size=3))
def test_extraction_offsets_give_back_their_text(paras):
    from generator.extract import extract_briefing
    from generator.nlp import parse

    paras = [" ".join(p.split()) for p in paras]
    paras = [p for p in paras if p] or ["Nothing."]
    article = Article("t", "T", None, None, None, (), tuple(paras))
    b = extract_briefing(article, parse(article))
    text = article.paragraphs
    for a in b.actors:
        for m in a.mentions:
            assert text[m.paragraph - 1][m.start : m.end] == m.text
    for q in b.quotes:
        assert text[q.paragraph - 1][q.start : q.end] == q.text
        for m in (q.speaker_mention, q.speaker_antecedent):
            if m is not None:
                assert text[m.paragraph - 1][m.start : m.end] == m.text
    for e in b.events:
        if e.date is not None and e.date.paragraph:
            assert text[e.date.paragraph - 1][e.date.offset : e.date.offset + len(e.date.phrase)] == e.date.phrase


# ---------------------------------------------------------------- the whole way: file in, pages out


@pytest.mark.spacy
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.lists(sentences.map(" ".join), min_size=1, max_size=3).map("\n\n".join),
    title=text_values,
    meta=st.dictionaries(st.sampled_from(["source", "url", "author", "tags", "title"]), text_values, max_size=4),
)
def test_any_article_builds_pages_with_nothing_injected_or_fails_with_file_and_line(
    tmp_path_factory, body, title, meta
):
    from generator.extract import extract_briefing
    from generator.nlp import parse

    folder = tmp_path_factory.mktemp("seeds")
    (folder / "a.txt").write_text(title.replace("\n", " ") + "\n\n" + body, encoding="utf-8")
    (folder / "a.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    try:
        article = read_article(folder / "a.txt", folder)
    except ArticleError as err:
        assert _where_ok(str(err), "a.txt") or _where_ok(str(err), "a.yml"), str(err)
        return
    briefing = extract_briefing(article, parse(article))
    for name, md in _pages(briefing).items():
        front, html = _html(md)
        assert unsafe(html) == [], name
        assert not [t for t, _ in tags_of(html).tags if t in ("script", "iframe", "img", "object", "embed")], name
        hrefs = [a.get("href", "") for t, a in tags_of(html).tags if t == "a"]
        outside = [h for h in hrefs if "://" in h]
        assert all(h.startswith(("http://", "https://")) for h in outside), name
        assert len(outside) <= (2 if article.url else 0), name  # only the article's own address
