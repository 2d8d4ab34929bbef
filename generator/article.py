"""Reading and validating one input article.

Two formats:

* ``.txt``: the first non-empty line is the title; paragraphs are separated by blank lines (a
  text with no blank line at all is read one paragraph per line, see :func:`split_paragraphs`).
  Metadata comes from a sidecar ``<stem>.yml`` (or ``.yaml``, any case).
* ``.md``: YAML front matter between ``---`` lines, then the body.

Every problem raises :class:`ArticleError`, which names the file and, where there is one, the
line; what still builds but deserves a word is added to ``warnings``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .language import looks_english
from .limits import Limits
from .meta import check_meta, load_yaml
from .model import Article
from .problems import ArticleError, ArticleWarning
from .seeds import ARTICLE_SUFFIXES, companions, outside_link, shown_path

__all__ = ["ArticleError", "ArticleWarning", "read_article", "read_seeds", "slugify", "split_paragraphs"]

# Page names the site uses beside the briefing folders (docs/briefings/<name>.md).
RESERVED_SLUGS = ("index", "all-actors", "all-timeline", "tags", "stories")
# Control characters other than line breaks and tabs: invisible on a page, and a sign of a
# binary or wrongly decoded file.
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f]")
_SENTENCE_END = re.compile(r"(?<=[.!?…”\"’)])\s+")


def slugify(text: str, max_length: int = 60) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "article"


def read_text(path: Path, shown: str, folder: Path | None = None) -> str:
    if folder is not None and outside_link(path, folder):
        raise ArticleError(shown, "symbolic link to a file outside seeds/: refused")
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ArticleError(shown, "a folder, not a file") from None
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
    control = _CONTROL.search(text)
    if control:
        line = text[: control.start()].count("\n") + 1
        hint = " (text decoded from Windows-1252?)" if "\x80" <= control[0] <= "\x9f" else ""
        raise ArticleError(shown, f"control character U+{ord(control[0]):04X} in text{hint}", line)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_paragraphs(body: str) -> tuple[str, ...]:
    return tuple(p for p, _ in _paragraphs(body))


def _paragraphs(body: str, first_line: int = 1) -> list[tuple[str, int]]:
    """Paragraphs with the line each starts on.

    Blank lines separate paragraphs and inner line breaks fold into spaces. A body with no blank
    line at all but several lines is read one paragraph per line (text pasted from a web page or
    a feed), unless its lines look hard-wrapped: most of them ending without a sentence end.
    """
    lines = body.split("\n")
    filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    has_blank = any(not line.strip() for line in lines[filled[0][0] : filled[-1][0]]) if filled else False
    if not has_blank and len(filled) > 1:
        ended = sum(1 for _, line in filled if re.search(r"[.!?…:”\"’)]$", line))
        if ended * 2 >= len(filled):
            return [(line, first_line + i) for i, line in filled]
    out: list[tuple[str, int]] = []
    block: list[str] = []
    start = 0
    for i, line in enumerate([*lines, ""]):
        if line.strip():
            if not block:
                start = i
            block.append(line.strip())
        elif block:
            out.append((" ".join(block), first_line + start))
            block = []
    return out


def _split_long(text: str, limit: int) -> list[str]:
    """A paragraph over the limit cut at sentence ends (at spaces when a sentence is longer)."""
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > limit:
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            pieces += [current] if current else []
            current = ""
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        pieces.append(current)
    return [p for p in pieces if p]


def read_article(
    path: Path,
    seeds_dir: Path | None = None,
    limits: Limits | None = None,
    warnings: list[ArticleWarning] | None = None,
) -> Article:
    """Read and validate one article file; warnings, if a list is given, are added to it."""
    limits = limits or Limits()
    warnings = warnings if warnings is not None else []
    folder = seeds_dir or path.parent
    shown = shown_path(path, seeds_dir)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(
            shown, "not an article: articles are .txt or .md files (a .yml beside a .txt is its metadata)"
        )
    text = read_text(path, shown, folder)
    if limits.max_article_chars and len(text) > limits.max_article_chars:
        raise ArticleError(
            shown,
            f"article is {len(text):,} characters, over the limit of {limits.max_article_chars:,} "
            "(BRIEFING_MAX_ARTICLE_CHARS or extra.briefing_limits.max_article_chars)",
        )
    if not text.strip():
        raise ArticleError(shown, "empty file: expected a title line and at least one paragraph")
    if path.suffix.lower() == ".md":
        raw, lines, body, body_line = _split_front_matter(text, shown)
        meta, notes = check_meta(raw, shown, lines)
        title = meta["title"]
        if not title:
            raise ArticleError(shown, "front matter has no 'title'", 1)
    else:
        raw, lines, side_shown = {}, {}, shown
        sidecars = companions(path)
        if len(sidecars) > 1:
            names = " and ".join(p.name for p in sidecars)
            raise ArticleError(shown, f"two metadata files for one article: {names} (keep one)")
        if sidecars:
            side_shown = shown_path(sidecars[0], seeds_dir)
            raw, lines = load_yaml(read_text(sidecars[0], side_shown, folder), side_shown)
        meta, notes = check_meta(raw, side_shown, lines)
        text_lines = text.split("\n")
        first = next(i for i, line in enumerate(text_lines) if line.strip())
        title = meta["title"] or " ".join(text_lines[first].split())
        body, body_line = "\n".join(text_lines[first + 1 :]), first + 2
    warnings += notes
    paragraphs = _paragraphs(body, body_line)
    if not paragraphs:
        raise ArticleError(shown, "no paragraphs after the title")
    paragraphs = _within_limit(paragraphs, limits, shown, warnings)
    if not looks_english(" ".join(p for p, _ in paragraphs[:40])):
        warnings.append(
            ArticleWarning(shown, "does not look like English: the briefing uses an English model, expect poor results")
        )
    return Article(
        id=meta["id"] and slugify(meta["id"]) or slugify(title),
        title=title,
        published=meta["published"],
        source=meta["source"],
        url=meta["url"],
        tags=meta["tags"],
        paragraphs=tuple(p for p, _ in paragraphs),
        path=path.name,
        authors=meta["authors"],
        extra=meta["extra"],
    )


def _within_limit(paragraphs: list, limits: Limits, shown: str, warnings: list) -> list[tuple[str, int]]:
    limit = limits.max_paragraph_chars
    if not limit:
        return paragraphs
    out = []
    for n, (text, line) in enumerate(paragraphs, start=1):
        if len(text) <= limit:
            out.append((text, line))
            continue
        pieces = _split_long(text, limit)
        warnings.append(
            ArticleWarning(
                shown,
                f"paragraph {n} is {len(text):,} characters, over the limit of {limit:,}: split into {len(pieces)} "
                "paragraphs at sentence ends",
                line,
            )
        )
        out += [(p, line) for p in pieces]
    return out


def _split_front_matter(text: str, shown: str) -> tuple[dict, dict, str, int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ArticleError(shown, "a .md article must start with YAML front matter ('---' on line 1)", 1)
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            meta, key_lines = load_yaml("\n".join(lines[1:i]), shown, first_line=2)
            return meta, key_lines, "\n".join(lines[i + 1 :]), i + 2
    raise ArticleError(shown, "front matter is not closed by a '---' line", 1)


def read_seeds(seeds_dir: Path, limits: Limits | None = None) -> tuple[list[Article], list[ArticleError]]:
    """Every readable article, and an error for each one that is not (see :mod:`.validate`)."""
    from .validate import check_seeds

    checked = check_seeds(seeds_dir, limits)
    return checked.articles, checked.errors


def unique_ids(articles: list[Article]) -> list[Article]:
    """Slugs made unique in file-name order (a second article with the same title gets '-2'),
    never taking a name the site uses for its own pages."""
    seen: dict[str, int] = dict.fromkeys(RESERVED_SLUGS, 1)
    out = []
    for art in articles:
        n = seen.get(art.id, 0)
        seen[art.id] = n + 1
        if n:
            art = Article(**{**art.__dict__, "id": f"{art.id}-{n + 1}"})
        out.append(art)
    return out
