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

# Python-Markdown's ESCAPED_CHARS plus '|' (tables). '.', '-', '+', '(' and ')'
# only have a meaning at a line start or after ']', which never happens here.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")


class Raw(str):
    """Markdown written by the renderer itself: passed to the page unescaped."""


def md_escape(text: object) -> str:
    """Article text made safe and literal in Markdown (inline context)."""
    if isinstance(text, Raw):
        return text
    if text is None:
        return ""
    escaped = html.escape(str(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def attr_escape(text: object) -> str:
    """Text for an HTML attribute value."""
    return html.escape("" if text is None else str(text), quote=True)
