"""Stories by hand: ``seeds/stories.yml`` pins articles into one story or keeps them apart.

    pin:                      # each entry is one story, exactly these articles
      - title: The Eastbrook bridge fire  # optional; else the first article's title
        articles: [bridge-fire-closes-road, bridge-reopens]
    split:                    # the articles of an entry are never in one story
      - [council-budget-vote, harbour-strike-ends]
      - [an-article-that-stands-alone]  # one article alone: it is a story of its own

An article is named by its id (the folder of its pages, ``briefings/<id>/``) or by its seed
file name, with or without extension (``bridge-reopens.txt``, ``bridge-reopens``). Anything wrong gives one error with the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..meta import yaml_document
from ..problems import ArticleError
from ..seeds import outside_link

STORIES_FILE = "stories.yml"
KEYS = ("pin", "split")


@dataclass(frozen=True)
class Pin:
    articles: tuple[str, ...]
    line: int
    title: str | None = None


@dataclass(frozen=True)
class Split:
    articles: tuple[str, ...]
    line: int


@dataclass
class StoriesFile:
    shown: str = STORIES_FILE
    pins: list[Pin] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)


def _line(node) -> int:
    return node.start_mark.line + 1


def _names(node, shown: str, what: str) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise ArticleError(shown, f"{what}: a list of article ids, e.g. [first-article, second-article]", _line(node))
    out = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            raise ArticleError(shown, f"{what}: each article is named by its id, as text", _line(item))
        out.append(str(item.value).strip())
    if len(set(out)) != len(out):
        raise ArticleError(shown, f"{what}: an article is named twice", _line(node))
    return tuple(out)


def parse_stories(text: str, shown: str = STORIES_FILE) -> StoriesFile:
    """The form of a stories file, checked; raises :class:`ArticleError` (file:line: cause)."""
    try:
        _, root = yaml_document(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(shown, f"malformed YAML: {problem}", mark.line + 1 if mark else None) from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise ArticleError(shown, f"malformed YAML: {exc}", 1) from None
    out = StoriesFile(shown)
    if root is None:
        return out
    if not isinstance(root, yaml.MappingNode):
        raise ArticleError(shown, "expected a mapping with `pin:` and/or `split:`", _line(root))
    for key, value in root.value:
        name = str(key.value)
        if name not in KEYS:
            raise ArticleError(shown, f"unknown key {name!r} (known: pin, split)", _line(key))
        if not isinstance(value, yaml.SequenceNode):
            raise ArticleError(shown, f"`{name}:` is a list of entries", _line(value))
        for entry in value.value:
            if name == "split":
                out.splits.append(Split(_names(entry, shown, "split"), _line(entry)))
                continue
            if not isinstance(entry, yaml.MappingNode):
                raise ArticleError(shown, "a pin is `{title: …, articles: [a, b]}`", _line(entry))
            fields = {str(k.value): (k, v) for k, v in entry.value}
            unknown = sorted(set(fields) - {"title", "articles"})
            if unknown:
                raise ArticleError(shown, f"unknown key {unknown[0]!r} in a pin (known: title, articles)", _line(entry))
            if "articles" not in fields:
                raise ArticleError(shown, "a pin needs `articles: [a, b]`", _line(entry))
            title = None
            if "title" in fields:
                tnode = fields["title"][1]
                if not isinstance(tnode, yaml.ScalarNode) or not str(tnode.value).strip():
                    raise ArticleError(shown, "a pin's title is one line of text", _line(tnode))
                title = " ".join(str(tnode.value).split())
            out.pins.append(Pin(_names(fields["articles"][1], shown, "pin"), _line(entry), title))
    seen: dict[str, int] = {}
    for pin in out.pins:
        for a in pin.articles:
            if a in seen:
                raise ArticleError(shown, f"{a} is pinned to two stories (see line {seen[a]})", pin.line)
            seen[a] = pin.line
    return out


def read_stories(seeds_dir: Path) -> StoriesFile | None:
    """``seeds/stories.yml`` (or .yaml) when there is one."""
    for name in (STORIES_FILE, "stories.yaml"):
        path = seeds_dir / name
        if path.is_symlink() and outside_link(path, seeds_dir):
            continue  # refused, and reported, when the seeds are listed
        if path.is_file():
            shown = f"{seeds_dir.name}/{name}"
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ArticleError(shown, f"cannot be read ({exc})") from None
            return parse_stories(text, shown)
    return None


def resolve(names: tuple[str, ...], known: dict[str, str], shown: str, line: int) -> list[str]:
    """Article ids for the names of a pin or split; an unknown name is an error at its line."""
    out = []
    for name in names:
        if name not in known:
            raise ArticleError(shown, f"no article {name!r} in seeds/ (name it by its id or its seed file name)", line)
        out.append(known[name])
    return out
