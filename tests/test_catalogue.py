"""The catalogue of bad and hostile inputs, each run through the real CLI.

Every row: the seed files, the exit code of `briefing check` and of `briefing build`, and the
message both print (once each). After every build no page holds a javascript: link, an event
handler, a frame, or a line of a file from outside seeds/. Rows that need more than a message
(the page shows the author, the site survives a failed build …) check it in `then`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from safety import site_html, unsafe

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.slow, pytest.mark.spacy]

GOOD = "Council approves budget\n\nThe city council approved the budget on Monday, said Mayor Ann Lee.\n"
SLUG = "council-approves-budget"
FRENCH = (
    "Le conseil adopte le budget\n\nLe conseil municipal a adopté lundi le budget de la ville après un long débat. "
    "La maire a déclaré que les travaux du pont commenceront au printemps, mais les élus de l'opposition ont "
    "critiqué une hausse des impôts locaux jugée trop forte pour les familles et les commerçants du centre.\n"
)
EVIL = """Mayor <script>alert('x')</script> resigns

Mayor Ann Lee resigned on Friday. <img src=x onerror=alert(1)> She said: “I am done.”

!!! danger "Injected"
    admonition

[click](javascript:alert(1)) and {: onclick="alert(1)" } and `code` and <iframe src="http://evil.example"></iframe>
"""


class Link(str):
    """A symbolic link to this target, instead of a file."""


@dataclass
class Row:
    id: str
    files: dict = field(default_factory=dict)
    check: int = 0
    build: int = 0
    message: str | None = None
    """Printed by check and build alike, exactly once each."""
    build_message: str | None = None
    """Printed by build only (what check cannot know: extraction time)."""
    env: dict = field(default_factory=dict)
    then: object = None
    """then(project, check_proc, build_proc): further checks on the outcome."""


def page(project: Path, rel: str) -> str:
    return (project / "site" / "briefings" / rel).read_text(encoding="utf-8")


def briefing_json(project: Path, slug: str = SLUG) -> dict:
    return json.loads((project / "site" / "briefings" / slug / "briefing.json").read_text(encoding="utf-8"))


def no_text(*needles: str):
    def then(project, check, build):
        for name, html in site_html(project / "site").items():
            for needle in needles:
                assert needle not in html, f"{name} holds {needle!r}"

    return then


def no_element_with(text: str, tags=("h1", "h2", "h3", "h4", "li", "a", "script", "code", "pre")):
    """No element of these kinds was made from the injected text (its first words)."""

    def then(project, check, build):
        for name, html in site_html(project / "site").items():
            for tag, words in _first_text(html):
                assert not (tag in tags and words.startswith(text)), f"{name}: <{tag}> made of {text!r}"

    return then


def _first_text(html: str) -> list[tuple[str, str]]:
    """Each element with the first text inside it."""
    from html.parser import HTMLParser

    out: list[tuple[str, str]] = []
    open_tags: list[str] = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            open_tags.append(tag)

        def handle_data(self, data):
            if open_tags and data.strip():
                out.append((open_tags[-1], data.strip()))
                open_tags.clear()

    P().feed(html)
    return out


def overview_has(*texts: str):
    def then(project, check, build):
        html = page(project, f"{SLUG}/index.html")
        for t in texts:
            assert t in html, t

    return then


def json_has(path: list, value, slug: str = SLUG):
    def then(project, check, build):
        data = briefing_json(project, slug)
        for key in path:
            data = data[key]
        assert data == value, data

    return then


def all_of(*checks):
    def then(project, check, build):
        for c in checks:
            c(project, check, build)

    return then


def built(*slugs: str):
    def then(project, check, build):
        for slug in slugs:
            assert (project / "site" / "briefings" / slug / "index.html").exists(), slug

    return then


def side(meta: str) -> dict:
    return {"a.txt": GOOD, "a.yml": meta}


ROWS = [
    # 1 Metadata is data, never markup
    Row(
        "url-javascript-scheme",
        side("url: javascript:alert(1)\n"),
        1,
        1,
        "seeds/a.yml:1: metadata 'url' must start with http:// or https://",
    ),
    Row(
        "url-closes-link-with-space",
        side("url: https://x.org/a) [X](javascript:alert(1))\n"),
        1,
        1,
        "seeds/a.yml:1: metadata 'url' holds a space or control character",
    ),
    Row(
        "url-closes-link-no-space",
        side("url: https://x.org/a)[X](javascript:alert(1))\nsource: Gazette\n"),
        0,
        0,
        then=all_of(no_element_with("X"), overview_has("https://x.org/a%29%5BX%5D%28javascript:alert%281%29%29")),
    ),
    Row(
        "url-blank-lines-and-link",
        side("url: |\n  https://x.org/\n\n  [c](javascript:alert(1))\n"),
        1,
        1,
        "seeds/a.yml:1: metadata 'url' holds a space or control character",
    ),
    Row(
        "url-quote-breaks-attribute",
        side("url: 'https://x.org/a\"onmouseover=\"alert(1)'\n"),
        0,
        0,
        then=overview_has("https://x.org/a%22onmouseover=%22alert%281%29"),
    ),
    Row("url-no-host", side("url: https:///path\n"), 1, 1, "seeds/a.yml:1: metadata 'url' has no valid host"),
    Row(
        "url-bad-port",
        side("url: https://x.org:99999/\n"),
        1,
        1,
        "seeds/a.yml:1: metadata 'url' is not a valid address",
    ),
    Row(
        "url-upper-case-scheme",
        side("url: HTTPS://EXAMPLE.ORG/A\n"),
        0,
        0,
        then=overview_has('href="https://EXAMPLE.ORG/A"'),
    ),
    Row(
        "source-newlines-inject-list-and-heading",
        side('source: "Gazette\\n\\n- injected\\n# Heading"\n'),
        0,
        0,
        then=all_of(no_element_with("injected"), no_element_with("Heading")),
    ),
    Row(
        "md-title-newlines-inject",
        {"a.md": '---\ntitle: "T\\n# Heading\\n- item"\n---\nThe council met on Monday.\n'},
        0,
        0,
        then=all_of(no_element_with("Heading"), no_element_with("item")),
    ),
    Row(
        "title-html-and-jinja",
        {"a.txt": "Mayor <script>alert(1)</script> {{ 7*7 }} resigns\n\nThe mayor resigned.\n"},
        0,
        0,
        then=no_text("<script>alert(1)"),
    ),
    Row(
        "body-html-admonition-attr-list",
        {"evil.txt": EVIL},
        0,
        0,
        then=no_text("<script>alert", "<iframe", "admonition danger"),
    ),
    Row("tags-with-markup", side("tags: ['<b>x</b>', '{: onclick=1 }', 'a\\nb']\n"), 0, 0),
    Row(
        "control-character-in-metadata",
        side('source: "Ga\\u0007zette"\n'),
        1,
        1,
        "seeds/a.yml:1: metadata 'source' holds a control or unassigned character (U+0007)",
    ),
    Row("author-key", side("author: Ann Lee\n"), 0, 0, then=overview_has("<strong>By:</strong> Ann Lee")),
    Row(
        "authors-list-of-maps",
        side("authors:\n  - name: Ann Lee\n  - Bo Chen\n"),
        0,
        0,
        then=json_has(["article", "authors"], ["Ann Lee", "Bo Chen"]),
    ),
    Row(
        "md-author-front-matter",
        {"a.md": "---\ntitle: Council approves budget\nauthor: Ann Lee\ndate: 2020-01-01\n---\nThe council met.\n"},
        0,
        0,
        then=json_has(["article", "extra"], {"date": "2020-01-01"}),
    ),
    Row(
        "unknown-key-passed-through",
        side("license: CC-BY\n"),
        0,
        0,
        then=json_has(["article", "extra"], {"license": "CC-BY"}),
    ),
    Row(
        "misspelt-key-warned",
        side("publshed: 2019-05-15\n"),
        0,
        0,
        "seeds/a.yml:1: unknown key 'publshed' kept as extra data: did you mean 'published'?",
    ),
    # 2 Seeds stay in seeds/
    Row(
        "symlink-to-system-file",
        {"a.txt": GOOD, "pw.txt": Link("/etc/passwd")},
        1,
        1,
        "seeds/pw.txt: symbolic link to a file outside seeds/: refused",
        then=no_text("root:x:0:0"),
    ),
    Row(
        "symlink-sidecar-outside",
        {"a.txt": GOOD, "a.yml": Link("/etc/hostname")},
        1,
        1,
        "seeds/a.yml: symbolic link to a file outside seeds/: refused",
    ),
    Row("symlink-inside-seeds", {"a.txt": GOOD, "b.txt": Link("a.txt")}, 0, 0, then=built(SLUG, f"{SLUG}-2")),
    Row("upper-case-extension", {"A.TXT": GOOD}, 0, 0, then=built(SLUG)),
    Row(
        "yaml-sidecar",
        {"a.txt": GOOD, "a.yaml": "published: 2022-06-08\n"},
        0,
        0,
        then=json_has(["article", "published"], "2022-06-08"),
    ),
    Row(
        "yml-and-yaml-both",
        {"a.txt": GOOD, "a.yml": "source: A\n", "a.yaml": "source: B\n"},
        1,
        1,
        "seeds/a.txt: two metadata files for one article: a.yaml and a.yml (keep one)",
    ),
    Row("orphan-sidecar", {"a.txt": GOOD, "b.yml": "source: x\n"}, 0, 0, "not used: b.yml (orphan sidecar: no b.txt)"),
    Row("hidden-file", {"a.txt": GOOD, ".draft.txt": GOOD}, 0, 0, "not used: .draft.txt (hidden file)"),
    Row("folder-named-txt", {"a.txt": GOOD, "x.txt/": None}, 0, 0, "not used: x.txt/ (a folder, not a file)"),
    Row(
        "unknown-extension",
        {"a.txt": GOOD, "a.pdf": b"%PDF"},
        0,
        0,
        "not used: a.pdf (unknown extension: articles are .txt or .md)",
    ),
    Row(
        "all-unused-in-one-line",
        {"a.txt": GOOD, "b.yml": "x: 1\n", ".h": "", "d.txt/": None, "e.docx": b"x"},
        0,
        0,
        "not used: .h (hidden file); b.yml (orphan sidecar: no b.txt); d.txt/ (a folder, not a file); e.docx (unknown extension: articles are .txt or .md)",
    ),
    Row(
        "orphan-corrections",
        {"a.txt": GOOD, "b.corrections.yml": "actors: []\n"},
        0,
        0,
        "not used: b.corrections.yml (corrections with no article named b.txt or .md)",
    ),
    # 3 One error, once, with file and line
    Row(
        "impossible-date",
        side("source: S\npublished: 2019-02-30\n"),
        1,
        1,
        "seeds/a.yml:2: metadata 'published' is not a date (YYYY-MM-DD): '2019-02-30' (day is out of range for month)",
    ),
    Row(
        "year-one",
        side("published: 0001-01-01\n"),
        1,
        1,
        "seeds/a.yml:1: metadata 'published' 0001-01-01 is outside 1800–2199",
    ),
    Row(
        "year-9999",
        side("published: 9999-12-31\n"),
        1,
        1,
        "seeds/a.yml:1: metadata 'published' 9999-12-31 is outside 1800–2199",
    ),
    Row(
        "date-words",
        side("published: someday\n"),
        1,
        1,
        "seeds/a.yml:1: metadata 'published' is not a date (YYYY-MM-DD): 'someday'",
    ),
    Row(
        "date-with-time",
        side("published: 2019-05-15T10:00:00Z\n"),
        0,
        0,
        then=json_has(["article", "published"], "2019-05-15"),
    ),
    Row(
        "md-impossible-date",
        {"a.md": "---\ntitle: T\npublished: 2021-13-01\n---\nBody.\n"},
        1,
        1,
        "seeds/a.md:3: metadata 'published' is not a date (YYYY-MM-DD): '2021-13-01' (month must be in 1..12)",
    ),
    Row(
        "not-utf8",
        {"a.txt": b"Title\n\nok\n\xff\xfe bad\n"},
        1,
        1,
        "seeds/a.txt:4: not UTF-8 text (byte 0xff at offset 10)",
    ),
    Row("empty-file", {"a.txt": ""}, 1, 1, "seeds/a.txt: empty file: expected a title line and at least one paragraph"),
    Row("title-only", {"a.txt": "Only a title\n"}, 1, 1, "seeds/a.txt: no paragraphs after the title"),
    Row("nul-byte", {"a.txt": "T\n\nB\x00B"}, 1, 1, "seeds/a.txt:3: binary data (NUL byte) in text"),
    Row(
        "escape-character", {"a.txt": "T\n\nA \x1b[31m red\n"}, 1, 1, "seeds/a.txt:3: control character U+001B in text"
    ),
    Row(
        "malformed-yaml", side("published: 2019-05-15\nsource: [unclosed\n"), 1, 1, "seeds/a.yml:3: malformed metadata"
    ),
    Row(
        "yaml-python-tag",
        side("source: !!python/object/apply:os.system ['true']\n"),
        1,
        1,
        "seeds/a.yml:1: malformed metadata",
    ),
    Row(
        "yaml-bomb",
        side(
            "a: &a ['x','x','x','x','x','x','x','x','x']\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        ),
        1,
        1,
        "seeds/a.yml:5: metadata 'e' is nested too deeply",
    ),
    Row(
        "md-without-front-matter",
        {"a.md": "no front matter\n"},
        1,
        1,
        "seeds/a.md:1: a .md article must start with YAML front matter ('---' on line 1)",
    ),
    Row(
        "md-front-matter-open",
        {"a.md": "---\ntitle: T\n"},
        1,
        1,
        "seeds/a.md:1: front matter is not closed by a '---' line",
    ),
    Row(
        "md-no-title",
        {"a.md": "---\npublished: 2019-01-01\n---\nBody\n"},
        1,
        1,
        "seeds/a.md:1: front matter has no 'title'",
    ),
    Row(
        "bad-article-others-build",
        {"a.txt": GOOD, "b.txt": "T\n\nB", "b.yml": "published: [2019\n"},
        1,
        1,
        "seeds/b.yml:2: malformed metadata",
        then=built(SLUG),
    ),
    Row("crlf-and-bom", {"a.txt": "\ufeff" + GOOD.replace("\n", "\r\n")}, 0, 0, then=built(SLUG)),
    Row("reserved-slug", {"a.txt": "Tags\n\nThe council met.\n"}, 0, 0, then=built("tags-2")),
    # 4 Bounded work
    Row(
        "single-newline-paragraphs",
        {
            "a.txt": "Council approves budget\nThe council met on Monday.\nIt approved the budget.\nThe mayor welcomed it.\n"
        },
        0,
        0,
        then=json_has(
            ["article", "paragraphs"],
            ["The council met on Monday.", "It approved the budget.", "The mayor welcomed it."],
        ),
    ),
    Row(
        "non-english",
        {"a.txt": FRENCH},
        0,
        0,
        "seeds/a.txt: does not look like English: the briefing uses an English model, expect poor results",
    ),
    Row(
        "article-over-size-limit",
        {"a.txt": GOOD + "More words here. " * 100},
        1,
        1,
        "seeds/a.txt: article is 1,793 characters, over the limit of 1,000",
        env={"BRIEFING_MAX_ARTICLE_CHARS": "1000"},
    ),
    Row(
        "paragraph-over-size-limit",
        {"a.txt": "Council approves budget\n\n" + "The council met. It voted. " * 12 + "\n"},
        0,
        0,
        "seeds/a.txt:3: paragraph 1 is 323 characters, over the limit of 200: split into 2 paragraphs at sentence ends",
        env={"BRIEFING_MAX_PARAGRAPH_CHARS": "200"},
    ),
    Row(
        "time-budget",
        {
            "a.txt": GOOD,
            "b.txt": "Long story\n\n" + "The council met on Monday and approved the budget, said the mayor. " * 150,
        },
        0,
        1,
        build_message="seeds/b.txt: skipped: extraction ran past its time budget of 0.05 s",
        env={"BRIEFING_SECONDS_PER_ARTICLE": "0.05"},
    ),
    Row(
        "bad-limit-setting",
        {"a.txt": GOOD},
        2,
        2,
        "limits: max_article_chars (BRIEFING_MAX_ARTICLE_CHARS) must be a number, not 'lots'",
        env={"BRIEFING_MAX_ARTICLE_CHARS": "lots"},
    ),
]

QUOTED = (
    "Council approves budget\n\n“We will fix the bridge first,” said Ann Lee, the mayor. The council approved the "
    "budget on Monday.\n\nBo Chen, a councillor, said the vote was rushed.\n"
)


def fixed(corrections: str) -> dict:
    return {"a.txt": QUOTED, "a.yml": "published: 2022-06-08\n", "a.corrections.yml": corrections}


def quote_speaker(project, check, build):
    data = briefing_json(project)
    q = next(q for q in data["quotes"] if q["text"].startswith("We will fix"))
    assert q["speaker"] == "bo-chen" and q["corrected"] == ["speaker set by hand to Bo Chen"]
    assert data["corrections"] == ["quote ¶1 “We will fix”: speaker set to Bo Chen"]
    html = page(project, f"{SLUG}/quotes/index.html")
    assert "corrected by hand: speaker set by hand to Bo Chen" in html
    assert "Corrected by hand" in page(project, f"{SLUG}/index.html")


def actor_renamed(project, check, build):
    data = briefing_json(project)
    a = next(a for a in data["actors"] if a["name"] == "Ann Lee-Smith")
    assert a["corrected"] == ["renamed from Ann Lee"] and "Ann Lee" in a["aliases"]
    assert "Ann Lee-Smith" in page(project, f"{SLUG}/actors/index.html")


def event_dated_and_quote_dropped(project, check, build):
    data = briefing_json(project)
    assert [e["date"]["value"] for e in data["events"]] == ["2022-06-01"]
    assert [q["text"] for q in data["quotes"]] == ["We will fix the bridge first"]
    assert "corrected by hand: date set by hand to 2022-06-01" in page(project, f"{SLUG}/timeline/index.html")


ROWS += [
    # 6 Corrections by hand
    Row(
        "correction-sets-speaker",
        fixed("quotes:\n  - quote: {paragraph: 1, text: We will fix}\n    speaker: Bo Chen\n"),
        0,
        0,
        then=quote_speaker,
    ),
    Row(
        "correction-renames-actor",
        fixed("actors:\n  - actor: ann lee\n    rename: Ann Lee-Smith\n"),
        0,
        0,
        then=actor_renamed,
    ),
    Row(
        "correction-dates-event-drops-quote",
        fixed(
            "events:\n  - event: {paragraph: 1, text: The council approved}\n    date: 2022-06-01\nquotes:\n  - quote: {paragraph: 2, text: the vote}\n    drop: true\n"
        ),
        0,
        0,
        then=event_dated_and_quote_dropped,
    ),
    Row(
        "correction-merges-actors",
        fixed("actors:\n  - actor: Bo Chen\n    merge_into: Ann Lee\n"),
        0,
        0,
        then=json_has(["quotes", 1, "speaker"], "ann-lee"),
    ),
    Row(
        "correction-matches-nothing",
        fixed("quotes:\n  - quote: {paragraph: 1, text: Nothing like this}\n    drop: true\n"),
        1,
        1,
        "seeds/a.corrections.yml:2: quote ¶1 “Nothing like this”: matches no quote",
    ),
    Row(
        "correction-unknown-actor",
        fixed("actors:\n  - actor: Nobody Here\n    drop: true\n"),
        1,
        1,
        "seeds/a.corrections.yml:2: actor “Nobody Here”: matches no actor",
    ),
    Row(
        "correction-unknown-action",
        fixed("quotes:\n  - quote: {paragraph: 1, text: We}\n    speeker: Bo Chen\n"),
        1,
        1,
        "seeds/a.corrections.yml:2: unknown correction speeker (for quotes: speaker, drop)",
    ),
    Row(
        "correction-impossible-date",
        fixed("events:\n  - event: {paragraph: 1}\n    date: 2022-02-30\n"),
        1,
        1,
        "seeds/a.corrections.yml:2: date '2022-02-30' is not a date (day is out of range for month)",
    ),
]


def make_project(tmp_path: Path, files: dict) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefings"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    seeds = project / "seeds"
    seeds.mkdir()
    for name, data in files.items():
        path = seeds / name
        if name.endswith("/"):
            path.mkdir()
        elif isinstance(data, Link):
            path.symlink_to(data)
        elif isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return project


def run(args: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    full = {**os.environ, **(env or {})}
    return subprocess.run(
        [str(BIN / "briefing"), *args], cwd=cwd, capture_output=True, text=True, timeout=600, env=full
    )


def assert_safe_site(site: Path) -> None:
    for name, html in site_html(site).items():
        assert unsafe(html) == [], name
        assert "root:x:0:0" not in html, name


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_catalogue(tmp_path, row: Row):
    project = make_project(tmp_path, row.files)
    check = run(["check"], project, row.env)
    build = run(["build"], project, row.env)
    print(f"\n{row.id}\n--- check ({check.returncode})\n{check.stderr}--- build ({build.returncode})\n{build.stderr}")
    assert check.returncode == row.check, check.stderr
    assert build.returncode == row.build, build.stderr
    assert "Traceback" not in check.stderr + build.stderr
    if row.message:
        assert check.stderr.count(row.message) == 1, check.stderr
        assert build.stderr.count(row.message) == 1, build.stderr
    if row.build_message:
        assert build.stderr.count(row.build_message) == 1, build.stderr
    if (project / "site").exists():
        assert_safe_site(project / "site")
    if row.then:
        row.then(project, check, build)


# ---------------------------------------------------------------- rows that are commands


def test_missing_seeds_folder_is_an_error_and_keeps_the_pages(tmp_path):
    project = make_project(tmp_path, {"a.txt": GOOD})
    assert run(["build"], project).returncode == 0
    shutil.rmtree(project / "seeds")
    page_md = project / "docs" / "briefings" / SLUG / "index.md"
    check, build = run(["check"], project), run(["build"], project)
    assert (check.returncode, build.returncode) == (2, 2)
    assert check.stderr == "error: seeds: no such folder or file\n"
    assert build.stderr == "error: seeds: no such folder; nothing was built or removed\n"
    assert page_md.exists() and (project / "site" / "briefings" / SLUG / "index.html").exists()
    mkdocs = subprocess.run([str(BIN / "mkdocs"), "build"], cwd=project, capture_output=True, text=True, timeout=600)
    assert mkdocs.returncode != 0 and "seeds: no such folder" in mkdocs.stderr
    assert page_md.exists()


def test_check_and_extract_take_a_file_and_refuse_a_sidecar(tmp_path):
    project = make_project(tmp_path, {"a.txt": GOOD, "a.yml": "published: 2022-06-08\n", "b.txt": "T\n\nB\x00"})
    ok = run(["check", "seeds/a.txt"], project)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "1 of 1 article(s) OK\n", "")
    bad = run(["check", "seeds/b.txt"], project)
    assert bad.returncode == 1 and bad.stderr == "error: seeds/b.txt:3: binary data (NUL byte) in text\n"
    for target, what in (("seeds/a.yml", "a metadata sidecar"), ("seeds/a.corrections.yml", "a corrections file")):
        proc = run(["extract", target], project)
        assert proc.returncode == 1
        assert proc.stderr == f"error: {target}: {what}, not an article: give its article (a.txt or a.md)\n"
    proc = run(["extract", "seeds/a.txt", "--json"], project)
    assert proc.returncode == 0 and json.loads(proc.stdout)["article"]["published"] == "2022-06-08"


def test_version():
    proc = subprocess.run([str(BIN / "briefing"), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("briefing 0.")


def test_a_failed_build_keeps_the_last_good_site(tmp_path):
    project = make_project(tmp_path, {"a.txt": GOOD})
    assert run(["build", "--strict"], project).returncode == 0
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    (project / "docs" / "broken.md").write_text("# Broken\n\n[nowhere](missing.md)\n", encoding="utf-8")
    (project / "seeds" / "b.txt").write_text("Bridge reopens\n\nThe bridge reopened.\n", encoding="utf-8")
    failed = run(["build", "--strict"], project)
    assert failed.returncode == 2 and "the last site was kept" in failed.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == home
    assert not list(project.glob(".site.building-*"))
    (project / "docs" / "broken.md").unlink()
    assert run(["build", "--strict"], project).returncode == 0
    assert (project / "site" / "briefings" / "bridge-reopens" / "index.html").exists()


KILL_AFTER = """
import os, signal, sys
from pathlib import Path
from generator import site
real = os.replace
count = 0
def replace_then_die(src, dst):
    global count
    real(src, dst)
    count += 1
    if count == int(sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace_then_die
site.generate(Path("seeds"), Path("docs"), cache_dir=Path(".cache/briefing"))
"""


@pytest.mark.parametrize("after", [1, 2, 5])
def test_an_interrupted_build_is_recovered_by_the_next(tmp_path, after):
    """The process is killed (SIGKILL) after `after` files were renamed into place."""
    project = make_project(tmp_path, {"a.txt": GOOD})
    assert run(["build"], project).returncode == 0
    (project / "seeds" / "a.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    killed = subprocess.run(
        [sys.executable, "-c", KILL_AFTER, str(after)], cwd=project, capture_output=True, timeout=300
    )
    assert killed.returncode == -9
    again = run(["build"], project)
    assert again.returncode == 0, again.stderr
    assert "by hand" not in again.stderr
    for name in ("index.md", "source.md", "timeline.md", "briefing.json"):
        assert "Tuesday" in (project / "docs" / "briefings" / SLUG / name).read_text(encoding="utf-8"), name
    assert "Tuesday" in page(project, f"{SLUG}/source/index.html")


def test_a_page_edited_by_hand_is_kept_and_reported_once(tmp_path):
    project = make_project(tmp_path, {"a.txt": GOOD})
    assert run(["build"], project).returncode == 0
    edited = project / "docs" / "briefings" / SLUG / "source.md"
    edited.write_text("# My notes\n", encoding="utf-8")
    (project / "seeds" / "a.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    proc = run(["build"], project)
    assert proc.returncode == 0
    assert proc.stderr.count("written or edited by hand") == 1 and edited.read_text() == "# My notes\n"
