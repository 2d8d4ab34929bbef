"""Article metadata (a sidecar ``.yml`` or ``.md`` front matter) read as data, never as markup.

Every value is checked where it stands (errors give the line of the key): text is one line of
printable characters (newlines fold into spaces, so a ``source`` can never start a list or a
heading); ``published`` is a real date in a sane window; ``url`` is an http(s) address with a
host and no space or control character. Keys this tool does not know are kept: ``author`` and
``authors`` are shown on the Overview, anything else goes to the JSON under ``article.extra``. A
key that looks like a misspelt known one gets a warning.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import date, datetime
from urllib.parse import urlsplit

import yaml

from .problems import ArticleError, ArticleWarning

TEXT_KEYS = ("title", "source", "url", "id")
KNOWN_KEYS = (*TEXT_KEYS, "published", "tags", "author", "authors")
EARLIEST = date(1800, 1, 1)
LATEST = date(2199, 12, 31)
"""Publication dates outside this window are refused: relative dates ('ten years earlier') are
resolved against them, and a year 1 or 9999 runs off the calendar."""
MAX_TEXT = 1000
MAX_EXTRA_DEPTH = 4


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: a date stays text until checked here, so an impossible
    date ('2019-02-30') is a clear error on its line instead of a traceback inside PyYAML."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def yaml_document(text: str) -> tuple[object, yaml.Node | None]:
    """The one YAML document of `text` (safe tags only, dates as text) and its root node."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def load_yaml(text: str, shown: str, first_line: int = 1) -> tuple[dict, dict[str, int]]:
    """A YAML mapping and the line of each top-level key."""
    try:
        data, node = yaml_document(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(shown, f"malformed metadata: {problem}", line) from None
    except (ValueError, TypeError, RecursionError) as exc:  # a constructor's own refusal
        raise ArticleError(shown, f"malformed metadata: {exc}", first_line) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ArticleError(shown, "malformed metadata: expected a mapping of keys to values", first_line)
    assert node is not None  # the mapping was constructed from it
    lines = {}
    for key_node, _ in node.value:
        lines[str(key_node.value)] = first_line + key_node.start_mark.line
    return data, lines


def clean_text(value: object, key: str, shown: str, line: int | None) -> str:
    """One line of printable text: whitespace (newlines too) folds to single spaces."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ArticleError(shown, f"metadata '{key}' must be text, not {type(value).__name__}", line)
    text = " ".join(str(value).split())
    bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn")), None)
    if bad is not None:
        raise ArticleError(shown, f"metadata '{key}' holds a control or unassigned character (U+{ord(bad):04X})", line)
    if len(text) > MAX_TEXT:
        raise ArticleError(shown, f"metadata '{key}' is {len(text)} characters long (at most {MAX_TEXT})", line)
    return text


def check_url(text: str, shown: str, line: int | None) -> str:
    """An absolute http(s) address with a host; anything else is refused with the reason."""
    if any(c.isspace() or unicodedata.category(c) == "Cc" for c in text):
        raise ArticleError(shown, "metadata 'url' holds a space or control character", line)
    try:
        parts = urlsplit(text)
        port = parts.port  # raises on a bad port
    except ValueError as exc:
        raise ArticleError(shown, f"metadata 'url' is not a valid address ({exc})", line) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ArticleError(shown, f"metadata 'url' must start with http:// or https://: {text!r}", line)
    host = parts.hostname or ""
    if not host or not re.fullmatch(r"[\w.-]+|\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:.]+", host) or port == 0:
        raise ArticleError(shown, f"metadata 'url' has no valid host: {text!r}", line)
    return text


def check_date(value: object, shown: str, line: int | None) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        raw = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                value = date.fromisoformat(raw)
            else:
                value = datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
        except ValueError as exc:
            reason = f" ({exc})" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else ""
            raise ArticleError(
                shown, f"metadata 'published' is not a date (YYYY-MM-DD): {raw!r}{reason}", line
            ) from None
    if not isinstance(value, date) or isinstance(value, bool):
        raise ArticleError(shown, f"metadata 'published' is not a date (YYYY-MM-DD): {value!r}", line)
    if not EARLIEST <= value <= LATEST:
        raise ArticleError(
            shown, f"metadata 'published' {value.isoformat()} is outside {EARLIEST.year}–{LATEST.year}", line
        )
    return value


def _plain(value: object, depth: int = 0) -> object:
    """Extra metadata as JSON data (dates as ISO strings); deeper nesting is refused."""
    if depth > MAX_EXTRA_DEPTH:
        raise ValueError("nested too deeply")
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in value.items()}
    return str(value)


def _names(value: object, key: str, shown: str, line: int | None) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and "name" in item:  # a crawler's {name: …, url: …}
            item = item["name"]
        names.append(clean_text(item, key, shown, line))
    return [n for n in names if n]


def check_meta(meta: dict, shown: str, lines: dict[str, int] | None = None) -> tuple[dict, list[ArticleWarning]]:
    """Validated metadata, and warnings for keys that look misspelt."""
    lines = lines or {}
    out: dict = {"extra": {}}
    warnings: list[ArticleWarning] = []
    for key in meta:
        if str(key) in KNOWN_KEYS:
            continue
        line = lines.get(str(key))
        try:
            out["extra"][str(key)] = _plain(meta[key])
        except (ValueError, RecursionError):
            raise ArticleError(shown, f"metadata '{key}' is nested too deeply", line) from None
        close = difflib.get_close_matches(str(key).lower(), KNOWN_KEYS, n=1, cutoff=0.75)
        if close:
            warnings.append(
                ArticleWarning(shown, f"unknown key '{key}' kept as extra data: did you mean '{close[0]}'?", line)
            )
    published = meta.get("published")
    out["published"] = check_date(published, shown, lines.get("published")) if published is not None else None
    for key in TEXT_KEYS:
        value = meta.get(key)
        out[key] = clean_text(value, key, shown, lines.get(key)) or None if value is not None else None
    if out["url"]:
        out["url"] = check_url(out["url"], shown, lines.get("url"))
    tags = meta.get("tags") or []
    if isinstance(tags, (str, int)) and not isinstance(tags, bool):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, (str, int)) and not isinstance(t, bool) for t in tags):
        raise ArticleError(shown, "metadata 'tags' must be a list of words", lines.get("tags"))
    out["tags"] = tuple(t for t in (clean_text(t, "tags", shown, lines.get("tags")) for t in tags) if t)
    authors: list[str] = []
    for key in ("author", "authors"):
        if meta.get(key) is not None:
            authors += _names(meta[key], key, shown, lines.get(key))
    out["authors"] = tuple(dict.fromkeys(authors))
    return out, warnings
