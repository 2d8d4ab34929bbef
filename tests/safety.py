"""What 'nothing injected' means on a page, shared by the catalogue and the property tests."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

BAD_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data|file):", re.I)
NEVER_TAGS = {"iframe", "object", "embed", "base", "frame", "applet"}  # the theme has forms and inputs of its own


class Tags(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def tags_of(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    p.close()
    return p


def structure(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """The page's shape: each element and the names of its attributes (not their values)."""
    return [(tag, tuple(sorted(attrs))) for tag, attrs in tags_of(html).tags]


def unsafe(html: str) -> list[str]:
    """Everything on a page that an article could only have smuggled in."""
    found = []
    for tag, attrs in tags_of(html).tags:
        if tag in NEVER_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                if BAD_SCHEMES.match(unquote(value).replace("\x00", "")):
                    found.append(f"<{tag} {name}={value!r}>")
    return found


def site_html(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
