"""Do two builds of the same docs/ give the same site? Pages, internal links, text.

    python -m generator.evaluate.parity SITE_A SITE_B

Used by the engine parity test (MkDocs against Zensical). A page's text is what its ``<article>``
holds, without what only one theme adds (heading permalinks, the tag chips, the table of
contents' label); its links are where they lead once resolved against the page's URL.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

SKIP_CLASSES = ("headerlink", "md-tags", "md-nav")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element inside <article>: is it skipped?
        self.in_article = 0
        self.words: list[str] = []
        self.links: list[str] = []
        self.all_links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("name"):
            self.ids.add(a["name"])
        href = a.get("href") or a.get("xlink:href")
        if href and tag == "a":
            self.all_links.append(href)
        if not self.in_article:
            if tag == "article":
                self.in_article = 1
            return
        if tag in VOID:
            return
        classes = (a.get("class") or "").split()
        skipped = tag in ("script", "style") or any(c in SKIP_CLASSES for c in classes) or any(self.stack)
        self.stack.append(skipped)
        if href and tag == "a" and not skipped:
            self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if not self.in_article or tag in VOID:
            return
        if not self.stack:
            self.in_article = 0
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_article and not any(self.stack):
            self.words += data.split()


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def resolve(site: Path, page: Path, href: str) -> tuple[str, str] | None:
    """(file under the site, fragment) for an internal link; None for an external or special one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:", "data:")):
        return None
    base = page.parent.relative_to(site).as_posix()
    path = unquote(parts.path)
    if path.startswith("/"):  # the site's root (no site_url set)
        base, path = ".", path.lstrip("/")
    target = normpath(f"{base}/{path}") if path else page.relative_to(site).as_posix()
    if path.endswith("/") or (path and (site / target).is_dir()):
        target = f"{target}/index.html"
    return target.removeprefix("./"), unquote(parts.fragment)


@dataclass
class Parity:
    missing: list[str] = field(default_factory=list)
    """Pages of one site that the other does not have ('a: x' or 'b: x')."""
    text: dict[str, str] = field(default_factory=dict)
    """Page -> the first place where the two texts part."""
    links: dict[str, list[str]] = field(default_factory=dict)
    """Page -> links whose targets differ between the two."""
    broken: list[str] = field(default_factory=list)
    """'site: page -> link' for every internal link to no file or no anchor, in either site."""
    pages: int = 0

    @property
    def ok(self) -> bool:
        return not (self.missing or self.text or self.links or self.broken)


def broken_links(site: Path) -> list[str]:
    """Every internal link in ``site``'s pages that leads to no file, or to no element with that id."""
    pages = {p.relative_to(site).as_posix(): read_page(p) for p in site.rglob("*.html")}
    out = []
    for name, page in sorted(pages.items()):
        for href in page.all_links:
            got = resolve(site, site / name, href)
            if got is None:
                continue
            target, fragment = got
            if not (site / target).exists():
                out.append(f"{site.name}: {name} -> {href}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                out.append(f"{site.name}: {name} -> {href} (no #{fragment})")
    return out


def compare(a: Path, b: Path) -> Parity:
    result = Parity()
    pages_a = {p.relative_to(a).as_posix() for p in a.rglob("*.html")}
    pages_b = {p.relative_to(b).as_posix() for p in b.rglob("*.html")}
    result.missing = [f"{a.name}: {p}" for p in sorted(pages_b - pages_a)] + [
        f"{b.name}: {p}" for p in sorted(pages_a - pages_b)
    ]
    for name in sorted(pages_a & pages_b):
        pa, pb = read_page(a / name), read_page(b / name)
        result.pages += 1
        if pa.words != pb.words:
            k = next(
                (i for i, (x, y) in enumerate(zip(pa.words, pb.words, strict=False)) if x != y),
                min(len(pa.words), len(pb.words)),
            )
            result.text[name] = f"{' '.join(pa.words[k : k + 12])!r} | {' '.join(pb.words[k : k + 12])!r}"
        ta = [resolve(a, a / name, h) for h in pa.links]
        tb = [resolve(b, b / name, h) for h in pb.links]
        if ta != tb:
            result.links[name] = sorted({str(t) for t in set(ta) ^ set(tb)})
    result.broken = broken_links(a) + broken_links(b)
    return result


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    r = compare(Path(args[0]), Path(args[1]))
    for line in r.missing:
        print("missing page", line)
    for page, where in r.text.items():
        print("text differs", page, where)
    for page, links in r.links.items():
        print("links differ", page, links)
    for line in r.broken:
        print("broken link", line)
    print(f"{r.pages} page(s) compared: {'same' if r.ok else 'different'}")
    return 0 if r.ok else 1


if __name__ == "__main__":
    sys.exit(main())
