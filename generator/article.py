"""Reading and validating input articles from the seeds folder.

Two formats:

* ``.txt``: the first non-empty line is the title; paragraphs are separated by
  blank lines. Metadata comes from a sidecar ``<stem>.yml`` (or ``.yaml``).
* ``.md``: YAML front matter between ``---`` lines, then the body.

Every problem raises :class:`ArticleError`, which names the file and, where
there is one, the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .model import Article

ARTICLE_SUFFIXES = (".txt", ".md")
META_KEYS = {"title", "published", "source", "url", "tags", "id"}
# Page names the site uses beside the briefing folders (docs/briefings/<name>.md).
RESERVED_SLUGS = ("index", "all-actors", "all-timeline", "tags")


@dataclass
class ArticleError(Exception):
    """A seed that cannot be read; the message names the file and line."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def slugify(text: str, max_length: int = 60) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "article"


def find_seeds(seeds_dir: Path) -> list[Path]:
    """Article files in the seeds folder, in name order (sidecars excluded)."""
    if not seeds_dir.is_dir():
        return []
    return sorted(
        p for p in seeds_dir.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )


def _read_text(path: Path, shown: str) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(shown, f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ArticleError(shown, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})", line) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ArticleError(shown, "binary data (NUL byte) in text", line)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _load_yaml(text: str, shown: str, first_line: int = 1) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(shown, f"malformed metadata: {problem}", line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(shown, "malformed metadata: expected a mapping of keys to values", first_line)
    return data


def _check_meta(meta: dict, shown: str) -> dict:
    unknown = sorted(str(k) for k in meta if k not in META_KEYS)
    if unknown:
        raise ArticleError(
            shown, f"unknown metadata key(s): {', '.join(unknown)} (allowed: {', '.join(sorted(META_KEYS))})"
        )
    out: dict = {}
    published = meta.get("published")
    if isinstance(published, datetime):
        published = published.date()
    elif isinstance(published, str):
        try:
            published = date.fromisoformat(published.strip())
        except ValueError:
            raise ArticleError(shown, f"metadata 'published' is not a date (YYYY-MM-DD): {published!r}") from None
    elif published is not None and not isinstance(published, date):
        raise ArticleError(shown, f"metadata 'published' is not a date (YYYY-MM-DD): {published!r}")
    out["published"] = published
    for key in ("title", "source", "url", "id"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            raise ArticleError(shown, f"metadata '{key}' must be text, not {type(value).__name__}")
        out[key] = str(value).strip() if value is not None else None
    if out["url"] and not re.match(r"^https?://", out["url"]):
        raise ArticleError(shown, f"metadata 'url' must start with http:// or https://: {out['url']!r}")
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, (str, int)) for t in tags):
        raise ArticleError(shown, "metadata 'tags' must be a list of words")
    out["tags"] = tuple(str(t) for t in tags)
    return out


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Blank-line separated blocks, inner line breaks folded into spaces."""
    blocks = re.split(r"\n[ \t]*\n", body)
    paras = (" ".join(line.strip() for line in b.strip().split("\n")) for b in blocks)
    return tuple(p for p in paras if p)


def read_article(path: Path, seeds_dir: Path | None = None) -> Article:
    """Read and validate one article file."""
    shown = str(path.relative_to(seeds_dir.parent) if seeds_dir and path.is_relative_to(seeds_dir.parent) else path)
    text = _read_text(path, shown)
    if not text.strip():
        raise ArticleError(shown, "empty file: expected a title line and at least one paragraph")
    if path.suffix == ".md":
        meta, body, body_line = _split_front_matter(text, shown)
        meta = _check_meta(meta, shown)
        title = meta["title"]
        if not title:
            raise ArticleError(shown, "front matter has no 'title'", 1)
    else:
        meta = {}
        for sidecar in (path.with_suffix(".yml"), path.with_suffix(".yaml")):
            if sidecar.exists():
                side_shown = str(Path(shown).with_suffix(sidecar.suffix))
                meta = _check_meta(_load_yaml(_read_text(sidecar, side_shown), side_shown), side_shown)
                break
        else:
            meta = _check_meta({}, shown)
        lines = text.split("\n")
        first = next(i for i, line in enumerate(lines) if line.strip())
        title = meta["title"] or lines[first].strip()
        body = "\n".join(lines[first + 1 :])
    paragraphs = split_paragraphs(body)
    if not paragraphs:
        raise ArticleError(shown, "no paragraphs after the title")
    return Article(
        id=meta["id"] and slugify(meta["id"]) or slugify(title),
        title=title,
        published=meta["published"],
        source=meta["source"],
        url=meta["url"],
        tags=meta["tags"],
        paragraphs=paragraphs,
        path=path.name,
    )


def _split_front_matter(text: str, shown: str) -> tuple[dict, str, int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ArticleError(shown, "a .md article must start with YAML front matter ('---' on line 1)", 1)
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            meta = _load_yaml("\n".join(lines[1:i]), shown, first_line=2)
            return meta, "\n".join(lines[i + 1 :]), i + 2
    raise ArticleError(shown, "front matter is not closed by a '---' line", 1)


def read_seeds(seeds_dir: Path) -> tuple[list[Article], list[ArticleError]]:
    """Every readable article, and an error for each one that is not.

    Slugs are made unique in file-name order (a second article with the same
    title gets '-2'), and never take a name the site uses for its own pages.
    """
    articles: list[Article] = []
    errors: list[ArticleError] = []
    seen: dict[str, int] = dict.fromkeys(RESERVED_SLUGS, 1)
    for path in find_seeds(seeds_dir):
        try:
            art = read_article(path, seeds_dir)
        except ArticleError as err:
            errors.append(err)
            continue
        n = seen.get(art.id, 0)
        seen[art.id] = n + 1
        if n:
            art = Article(**{**art.__dict__, "id": f"{art.id}-{n + 1}"})
        articles.append(art)
    return articles, errors
