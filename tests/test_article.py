"""Reading and validating seeds: formats, metadata and the errors a user sees."""

from __future__ import annotations

from datetime import date

import pytest

from generator.article import ArticleError, read_article, read_seeds, slugify, split_paragraphs


def write(tmp_path, name, data):
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_txt_with_sidecar(tmp_path):
    write(tmp_path, "a.txt", "Title here\n\nFirst para\ncontinues.\n\n\nSecond para.\n")
    write(tmp_path, "a.yml", "published: 2019-05-15\nsource: Example\nurl: https://example.org/a\ntags: [x, y]\n")
    art = read_article(tmp_path / "a.txt")
    assert art.title == "Title here"
    assert art.published == date(2019, 5, 15)
    assert art.paragraphs == ("First para continues.", "Second para.")
    assert (art.source, art.url, art.tags, art.id) == ("Example", "https://example.org/a", ("x", "y"), "title-here")


def test_txt_without_sidecar_has_no_date(tmp_path):
    write(tmp_path, "a.txt", "\n\nTitle\n\nBody.")
    art = read_article(tmp_path / "a.txt")
    assert art.published is None and art.title == "Title" and art.paragraphs == ("Body.",)


def test_md_with_front_matter(tmp_path):
    write(tmp_path, "b.md", "---\ntitle: A story\npublished: '2020-01-02'\n---\nPara one.\n\nPara two.\n")
    art = read_article(tmp_path / "b.md")
    assert (art.title, art.published, art.paragraphs) == ("A story", date(2020, 1, 2), ("Para one.", "Para two."))


def test_crlf_and_bom_are_accepted(tmp_path):
    write(tmp_path, "c.txt", "\ufeffTitle\r\n\r\nBody line.\r\n")
    assert read_article(tmp_path / "c.txt").paragraphs == ("Body line.",)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"x.txt": b"Title\n\nok\n\xff\xfe bad\n"}, "x.txt:4: not UTF-8 text (byte 0xff at offset 10)"),
        ({"x.txt": ""}, "x.txt: empty file: expected a title line and at least one paragraph"),
        ({"x.txt": "   \n\n"}, "x.txt: empty file: expected a title line and at least one paragraph"),
        ({"x.txt": "Only a title\n"}, "x.txt: no paragraphs after the title"),
        ({"x.txt": "T\n\nB", "x.yml": "published: 2019-05-15\nsource: [unclosed\n"}, "x.yml:3: malformed metadata"),
        (
            {"x.txt": "T\n\nB", "x.yml": "published: 15/05/2019\n"},
            "x.yml:1: metadata 'published' is not a date (YYYY-MM-DD): '15/05/2019'",
        ),
        (
            {"x.txt": "T\n\nB", "x.yml": "source: S\npublished: 2019-02-30\n"},
            "x.yml:2: metadata 'published' is not a date (YYYY-MM-DD): '2019-02-30' (day is out of range for month)",
        ),
        (
            {"x.txt": "T\n\nB", "x.yml": "published: 0001-01-01\n"},
            "x.yml:1: metadata 'published' 0001-01-01 is outside 1800–2199",
        ),
        ({"x.txt": "T\n\nB", "x.yml": "- a list\n"}, "x.yml:1: malformed metadata: expected a mapping"),
        (
            {"x.txt": "T\n\nB", "x.yml": "url: javascript:alert(1)\n"},
            "x.yml:1: metadata 'url' must start with http:// or https://",
        ),
        ({"x.md": "no front matter\n"}, "x.md:1: a .md article must start with YAML front matter"),
        ({"x.md": "---\ntitle: T\n"}, "x.md:1: front matter is not closed by a '---' line"),
        ({"x.md": "---\npublished: 2019-01-01\n---\nBody\n"}, "x.md:1: front matter has no 'title'"),
        ({"x.md": "---\ntitle: T\nbad: [\n---\nBody\n"}, "x.md:3: malformed metadata"),
        ({"x.txt": "T\n\nB\x00B"}, "x.txt:3: binary data (NUL byte) in text"),
    ],
)
def test_bad_input_names_file_and_line(tmp_path, files, message):
    for name, data in files.items():
        write(tmp_path, name, data)
    target = next(n for n in files if n.endswith((".txt", ".md")))
    with pytest.raises(ArticleError) as info:
        read_article(tmp_path / target)
    assert str(info.value).replace(str(tmp_path) + "/", "").startswith(message)


def test_read_seeds_keeps_going_after_a_bad_file(tmp_path):
    write(tmp_path, "1.txt", "Good one\n\nBody.")
    write(tmp_path, "2.txt", b"\xff")
    write(tmp_path, "3.txt", "Good one\n\nOther body.")
    write(tmp_path, "3.yml", "published: 2020-02-02\n")
    articles, errors = read_seeds(tmp_path)
    assert [a.id for a in articles] == ["good-one", "good-one-2"]
    assert len(errors) == 1 and errors[0].path.endswith("2.txt")


def test_slugs_never_clash_with_site_pages(tmp_path):
    write(tmp_path, "t.txt", "Tags\n\nBody.")
    write(tmp_path, "u.txt", "All actors\n\nBody.")
    write(tmp_path, "v.txt", "Stories\n\nBody.")  # the folder of the story pages
    articles, _ = read_seeds(tmp_path)
    assert [a.id for a in articles] == ["tags-2", "all-actors-2", "stories-2"]


def test_slugify_and_paragraphs():
    assert slugify("Ünïcode: “quoted” title!") == "unicode-quoted-title"
    assert slugify("!!!") == "article"
    assert split_paragraphs("a\nb\n\n  \n c \n") == ("a b", "c")


def test_unknown_keys_are_kept_and_a_misspelt_one_is_named(tmp_path):
    write(tmp_path, "x.txt", "T\n\nB")
    write(tmp_path, "x.yml", "author: Ann Lee\npublshed: 2019-05-15\nlicense: CC-BY\n")
    warnings = []
    art = read_article(tmp_path / "x.txt", warnings=warnings)
    assert art.authors == ("Ann Lee",) and art.published is None
    assert art.extra == {"publshed": "2019-05-15", "license": "CC-BY"}
    assert [str(w).replace(str(tmp_path) + "/", "") for w in warnings] == [
        "x.yml:2: unknown key 'publshed' kept as extra data: did you mean 'published'?"
    ]


def test_single_newline_paragraphs_and_hard_wrapped_text():
    assert split_paragraphs("One sentence.\nAnother one.\nA third.") == ("One sentence.", "Another one.", "A third.")
    wrapped = "This line is wrapped by an editor at a fixed\nwidth and goes on in the next line until it\nends here."
    assert split_paragraphs(wrapped) == (" ".join(wrapped.split("\n")),)


def test_limits_come_from_the_configuration_and_the_environment_wins(monkeypatch):
    from generator.limits import Limits, LimitsError, limits_from

    assert limits_from({}) == Limits()
    assert limits_from({"briefing_limits": {"max_paragraph_chars": 500}}).max_paragraph_chars == 500
    monkeypatch.setenv("BRIEFING_MAX_PARAGRAPH_CHARS", "700")
    assert limits_from({"briefing_limits": {"max_paragraph_chars": 500}}).max_paragraph_chars == 700
    with pytest.raises(LimitsError, match="unknown briefing_limits key"):
        limits_from({"briefing_limits": {"max_paragraphs": 1}})


def test_a_long_paragraph_is_split_at_sentence_ends(tmp_path):
    from generator.limits import Limits

    write(tmp_path, "a.txt", "T\n\n" + "One sentence here. " * 20 + "\n\nShort.\n")
    warnings = []
    art = read_article(tmp_path / "a.txt", limits=Limits(max_paragraph_chars=100), warnings=warnings)
    assert all(len(p) <= 100 for p in art.paragraphs) and art.paragraphs[-1] == "Short."
    assert "".join(art.paragraphs[:-1]).replace(" ", "") == ("One sentence here." * 20).replace(" ", "")
    assert len(warnings) == 1 and "paragraph 1 is 379 characters, over the limit of 100: split into 4" in str(
        warnings[0]
    )


def test_addresses_cannot_end_their_link():
    from generator.markup import md_escape, url_escape

    assert (
        url_escape("https://x.org/a)[X](javascript:alert(1))")
        == "https://x.org/a%29%5BX%5D%28javascript:alert%281%29%29"
    )
    assert url_escape('https://x.org/?q="a"&b=<c>') == "https://x.org/?q=%22a%22&amp;b=%3Cc%3E"
    assert url_escape("https://bücher.example/ä") == "https://xn--bcher-kva.example/%C3%A4"
    assert [md_escape(t) for t in ("- a", "1. b", "a\n# b")] == ["\\- a", "1\\. b", "a \\# b"]
