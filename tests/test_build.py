"""Real MkDocs builds: a small fixture project, and the seed end to end."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.slow, pytest.mark.spacy]

EVIL = """Mayor <script>alert('x')</script> resigns

Mayor Ann Lee resigned on Friday. <img src=x onerror=alert(1)> She said: “I am done.”

!!! danger "Injected"
    admonition

[click](javascript:alert(1)) and {: onclick="alert(1)" } and `code` and <iframe src="http://evil.example"></iframe>
"""


def make_project(tmp_path: Path, seeds: dict[str, str | bytes]) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefings"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "seeds").mkdir()
    for name, data in seeds.items():
        path = project / "seeds" / name
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    return project


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def check_internal_links(site: Path) -> int:
    """Every internal link of every page lands on a page, and on an element with its #id."""
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # links from site_url root, checked in a served site
            continue
        links = parse(page)
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(site)}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                assert unquote(parts.fragment) in parse(target).ids, (
                    f"{page.relative_to(site)}: no #{parts.fragment} in {target.relative_to(site)}"
                )
            checked += 1
    return checked


def test_fixture_project_builds_strict_and_escapes_article_text(tmp_path):
    project = make_project(
        tmp_path,
        {
            "a.txt": "Council approves budget\n\nThe city council approved the budget on Monday, said Mayor Ann Lee.\n",
            "a.yml": "published: 2022-06-08\nsource: Example Gazette\n",
            "evil.txt": EVIL,
        },
    )
    proc = run([str(BIN / "mkdocs"), "build", "--strict"], project)
    assert proc.returncode == 0, proc.stderr
    site = project / "site"
    html = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html
    assert "admonition danger" not in html
    assert "&lt;script&gt;alert" in html
    for page in site.rglob("*.html"):
        for tag, attrs in parse(page).tags:
            assert not any(k.startswith("on") for k in attrs), f"{page}: {tag} has an event handler {attrs}"
            assert not attrs.get("href", "").startswith("javascript:"), f"{page}: javascript link"
    # No page asks another host for anything (fonts, scripts, styles).
    for page in site.rglob("*.html"):
        for tag, attrs in parse(page).tags:
            for key in ("src", "href"):
                url = attrs.get(key, "")
                if tag in ("script", "link", "img", "iframe") and url:
                    assert not re.match(r"^(https?:)?//", url), f"{page}: {tag} loads {url}"
    assert check_internal_links(site) > 20


def test_bad_article_fails_with_its_name_and_the_rest_still_builds(tmp_path):
    project = make_project(
        tmp_path,
        {
            "good.txt": "Council approves budget\n\nThe council approved the budget.\n",
            "broken.txt": "Title\n\nBody",
            "broken.yml": "published: [2019\n",
        },
    )
    proc = run([str(BIN / "briefing"), "build"], project)
    assert proc.returncode == 1
    assert "error: seeds/broken.yml:2: malformed metadata" in proc.stderr
    assert (project / "site" / "briefings" / "council-approves-budget" / "index.html").exists()
    check = run([str(BIN / "briefing"), "check"], project)
    assert check.returncode == 1 and "seeds/broken.yml:2: malformed metadata" in check.stderr
    assert "1 of 2 article(s) OK" in check.stdout


def test_rebuild_with_no_page_changed_skips_the_engine(tmp_path):
    project = make_project(tmp_path, {"a.txt": "Council approves budget\n\nThe council approved the budget.\n"})
    page = project / "site" / "briefings" / "council-approves-budget" / "source" / "index.html"
    assert run([str(BIN / "briefing"), "build"], project).returncode == 0
    built = page.stat().st_mtime_ns
    again = run([str(BIN / "briefing"), "build"], project)
    assert again.returncode == 0 and "is up to date" in again.stdout
    assert page.stat().st_mtime_ns == built  # the site was not rebuilt
    (project / "seeds" / "a.txt").write_text("Council approves budget\n\nThe council rejected the budget.\n")
    edited = run([str(BIN / "briefing"), "build"], project)
    assert edited.returncode == 0 and "built 1 briefing(s)" in edited.stdout
    assert "rejected the budget" in page.read_text(encoding="utf-8")
    other = run([str(BIN / "briefing"), "build", "--engine", "zensical"], project)
    assert "built 1 briefing(s)" in other.stdout  # another engine is another site


def _site(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


HARBOUR = "Harbour board approves dredging\n\nThe Eastbrook harbour board approved the dredging plan on Monday, chair Jane Roe said.\n"
LIBRARY = "Westmoor library reopens\n\nThe Westmoor library reopened on Friday after repairs, librarian Tom Poe said.\n"


def test_one_article_edited_rebuilds_only_its_pages_and_gives_the_full_builds_site(tmp_path):
    """A rebuild after one article changed renders only the pages that changed (MkDocs' dirty build
    into a copy of the last site) and gives, byte for byte, the site a full build gives: nav, tags
    page and tag links, sitemap, 404 and search index. A change of title, or an article added, builds
    in full (generator/engines.py, plan_rebuild)."""
    briefing = [str(BIN / "briefing"), "build"]
    project = make_project(tmp_path, {"harbour.txt": HARBOUR, "library.txt": LIBRARY})
    assert run(briefing, project).returncode == 0
    site = project / "site"
    other = site / "briefings" / "harbour-board-approves-dredging" / "actors" / "index.html"
    built = other.stat().st_mtime_ns

    (project / "seeds" / "library.txt").write_text(LIBRARY + "\nThe Westmoor library opens at nine, Poe said.\n")
    (project / ".site.old-1" / "a").mkdir(parents=True)  # a replaced site whose removal was cut short
    edited = run(briefing, project)
    for _ in range(600):  # removed in the background (generator.engines.remove_later)
        if not (project / ".site.old-1").exists():
            break
        time.sleep(0.1)
    assert not (project / ".site.old-1").exists()
    assert edited.returncode == 0, edited.stderr
    assert "rebuilt only the pages that changed" in edited.stdout and "dirty" not in edited.stderr
    assert other.stat().st_mtime_ns == built  # not rendered again
    page = site / "briefings" / "westmoor-library-reopens" / "source" / "index.html"
    assert "opens at nine" in page.read_text(encoding="utf-8")
    dirty = _site(site)

    shutil.rmtree(site)
    shutil.rmtree(project / "docs" / "briefings")
    full = run(briefing, project)
    assert full.returncode == 0 and "rebuilt only" not in full.stdout
    assert _site(site) == dirty

    (project / "seeds" / "library.txt").write_text(LIBRARY.replace("reopens", "reopens its doors", 1))
    retitled = run(briefing, project)
    assert retitled.returncode == 0 and "rebuilt only" not in retitled.stdout  # the title is in the nav, tags page
    (project / "seeds" / "market.txt").write_text("Market moves\n\nThe Eastbrook market moved on Sunday.\n")
    added = run(briefing, project)
    assert added.returncode == 0 and "rebuilt only" not in added.stdout


def test_seed_end_to_end(tmp_path):
    seed = "000_826671d92ab4721b"
    project = make_project(
        tmp_path,
        {
            f"{seed}.txt": (ROOT / "seeds" / f"{seed}.txt").read_text(encoding="utf-8"),
            f"{seed}.yml": (ROOT / "seeds" / f"{seed}.yml").read_text(encoding="utf-8"),
        },
    )
    proc = run([str(BIN / "briefing"), "build", "--strict"], project)
    assert proc.returncode == 0, proc.stderr
    site = project / "site"
    base = site / "briefings" / "us-evacuates-diplomatic-staff-from-iraq"
    for page in ("", "actors/", "timeline/", "quotes/", "source/"):
        assert (base / page / "index.html").exists(), page
    assert (base / "briefing.json").exists()
    source_ids = parse(base / "source" / "index.html").ids
    assert {f"p{n}" for n in range(1, 22)} <= source_ids and "p22" not in source_ids
    home = (site / "index.html").read_text(encoding="utf-8")
    assert (
        "US evacuates diplomatic staff from Iraq" in home
        and "briefings/us-evacuates-diplomatic-staff-from-iraq/" in home
    )
    assert check_internal_links(site) > 50


def test_the_plugin_is_registered_typed_and_reads_its_seeds_folder(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from generator.mkdocs_plugin import BriefingPlugin, plugin_of

    project = make_project(tmp_path, {})
    (project / "seeds").rmdir()
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "  - briefing:\n      seeds: seeds\n" in text and "hooks:" not in text
    # Found by its entry point, with a typed option.
    config_file.write_text(text.replace("      seeds: seeds\n", "      seeds: [1, 2]\n"), encoding="utf-8")
    with pytest.raises(Abort):
        load_config(str(config_file))
    config_file.write_text(text.replace("      seeds: seeds\n", "      seeds: articles\n"), encoding="utf-8")
    plugin = plugin_of(load_config(str(config_file)))
    assert isinstance(plugin, BriefingPlugin) and plugin.seeds_dir(load_config(str(config_file))) == (
        project / "articles"
    )
    # Plain `mkdocs build` generates from that folder; `briefing build` reads the same option.
    (project / "articles").mkdir()
    (project / "articles" / "a.txt").write_text(
        "Council approves budget\n\nThe city council approved the budget on Monday.\n", encoding="utf-8"
    )
    built = run([str(BIN / "mkdocs"), "build", "-q"], project)
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "briefings" / "council-approves-budget" / "index.html").is_file()
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    again = run([str(BIN / "briefing"), "check"], project)
    assert again.returncode == 0, again.stdout + again.stderr


def test_briefing_build_generates_the_pages_once(tmp_path, monkeypatch):
    """`briefing build` generates, then tells the plugin so: the MkDocs build does not generate again."""
    from generator import cli, mkdocs_plugin, site

    project = make_project(
        tmp_path, {"a.txt": "Council approves budget\n\nThe city council approved the budget on Monday.\n"}
    )
    calls = []
    real = site.generate

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(site, "generate", counting)
    monkeypatch.setattr(mkdocs_plugin, "generate", counting)
    monkeypatch.chdir(project)
    assert cli.main(["build"]) == 0
    assert len(calls) == 1 and (project / "site" / "briefings" / "council-approves-budget" / "index.html").is_file()
    # Plain `mkdocs build` has no caller to generate for it: the plugin does, once.
    calls.clear()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml")))
    assert len(calls) == 1
