"""Escaping article text for Markdown pages.

Article text is data, never markup: HTML is escaped and every character that
Python-Markdown or the enabled extensions give a meaning to is backslash-
escaped, so no article can add a tag, a link, an admonition or an attribute
to a page. Generated templates never start a line with article text, so the
line-start syntaxes (lists, headings, quotes) cannot be triggered either.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit, urlunsplit

# Python-Markdown's ESCAPED_CHARS plus '|' (tables). '.', '-', '+', '(' and ')'
# only have a meaning at a line start or after ']', which never happens here.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")
# What starts a block when it opens a line: a list item ('- ', '+ ', '1. ', '1) ').
# Escaped wherever text begins, so a template line that starts with a value is safe.
_LINE_START = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))")
# Characters kept as they are in an address; every other one (parentheses, quotes, brackets,
# spaces, '<', '>', '*', non-ASCII) is percent-encoded, so an address can end neither the
# Markdown link nor the HTML attribute it lands in.
_URL_SAFE = ":/?#@!$&+,;=%-._~"
_BREAKS = re.compile(r"[ \t\n\r\f\v\x1c-\x1f\x85\u2028\u2029]+")


class Raw(str):
    """Markdown written by the renderer itself: passed to the page unescaped."""


def md_escape(text: object) -> str:
    """Article text made safe and literal in Markdown (inline context)."""
    if isinstance(text, Raw):
        return text
    if text is None:
        return ""
    # A line break inside a value could start a list or a heading on the next line; two
    # spaces before one make a <br>, four at a line start a code block: runs become one space.
    # (Templates pass their own separators through here too, so a lone space must stay one.)
    escaped = html.escape(_BREAKS.sub(" ", str(text)), quote=False)
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    return _LINE_START.sub(lambda m: m[1] + (m[2] + "\\" if m[2][0].isdigit() else "\\" + m[2]), escaped)


def attr_escape(text: object) -> str:
    """Text for an HTML attribute value."""
    return html.escape("" if text is None else str(text), quote=True)


def url_escape(url: object) -> str:
    """A validated http(s) address (see :mod:`generator.meta`) for a Markdown link target."""
    parts = urlsplit("" if url is None else str(url))
    host = parts.hostname or ""
    if not host.isascii():
        netloc = parts.netloc.replace(host, host.encode("idna").decode("ascii"))
        parts = parts._replace(netloc=netloc)
    return html.escape(quote(urlunsplit(parts), safe=_URL_SAFE), quote=True)
