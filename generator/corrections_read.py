"""Reading a corrections file (``name.corrections.yml``): its form, checked with the line of
each entry. What the entries match is checked when they are applied (:mod:`.corrections`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .meta import EARLIEST, LATEST, yaml_document
from .model import ACTOR_TYPES
from .problems import ArticleError

ACTIONS = {
    "actors": ("rename", "merge_into", "split", "type", "role", "drop"),
    "quotes": ("speaker", "drop"),
    "events": ("date", "drop"),
}
SELECTOR = {"actors": "actor", "quotes": "quote", "events": "event"}


@dataclass(frozen=True)
class Correction:
    section: str
    selector: str | dict
    """An actor's name (actors); ``{paragraph: N, text: first words}`` (quotes, events)."""
    actions: dict
    line: int


@dataclass
class Corrections:
    path: str
    items: list[Correction] = field(default_factory=list)


def _fail(shown: str, line: int, message: str) -> ArticleError:
    return ArticleError(shown, message, line)


def _check_selector(section: str, sel: object, shown: str, line: int) -> str | dict:
    if section == "actors":
        if not isinstance(sel, str) or not sel.strip():
            raise _fail(shown, line, "an actor is chosen by its name: `actor: Jane Doe`")
        return sel
    if not isinstance(sel, dict) or set(sel) - {"paragraph", "text"} or not isinstance(sel.get("paragraph"), int):
        raise _fail(shown, line, f"a {section[:-1]} is chosen by `{{paragraph: N, text: first words}}`")
    if isinstance(sel.get("paragraph"), bool) or sel["paragraph"] < 1:
        raise _fail(shown, line, "paragraph numbers start at 1")
    if sel.get("text") is not None and not isinstance(sel["text"], (str, int, float)):
        raise _fail(shown, line, "`text` is the start of the words, as text")
    return sel


def _check_date(value: object, shown: str, line: int) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    try:
        if not m:
            raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
        day = date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError as exc:
        raise _fail(shown, line, f"date {text!r} is not a date ({exc})") from None
    if not EARLIEST <= day <= LATEST:
        raise _fail(shown, line, f"date {text} is outside {EARLIEST.year}–{LATEST.year}")
    return text


def _check_actions(section: str, actions: dict, shown: str, line: int) -> dict:
    unknown = sorted(set(actions) - set(ACTIONS[section]))
    if unknown:
        raise _fail(
            shown, line, f"unknown correction {', '.join(unknown)} (for {section}: {', '.join(ACTIONS[section])})"
        )
    if not actions:
        raise _fail(shown, line, f"nothing to correct: give one of {', '.join(ACTIONS[section])}")
    if "drop" in actions and (actions["drop"] is not True or len(actions) > 1):
        raise _fail(shown, line, "`drop: true` stands alone")
    for key in ("rename", "merge_into"):
        if key in actions and (not isinstance(actions[key], str) or not actions[key].strip()):
            raise _fail(shown, line, f"`{key}` takes an actor's name")
    if "type" in actions and actions["type"] not in ACTOR_TYPES:
        raise _fail(shown, line, f"`type` is one of {', '.join(ACTOR_TYPES)}")
    if "role" in actions and actions["role"] is not None and not isinstance(actions["role"], str):
        raise _fail(shown, line, "`role` takes text, or null to remove the roles")
    if "speaker" in actions and actions["speaker"] is not None and not isinstance(actions["speaker"], str):
        raise _fail(shown, line, "`speaker` takes an actor's name, or null to clear it")
    if "split" in actions:
        sp = actions["split"]
        ok = isinstance(sp, dict) and isinstance(sp.get("name"), str) and isinstance(sp.get("paragraphs"), list)
        if not ok or not all(isinstance(p, int) and not isinstance(p, bool) for p in sp["paragraphs"]):
            raise _fail(shown, line, "`split` takes {name: New name, paragraphs: [N, …]}")
    if "date" in actions:
        actions = {**actions, "date": _check_date(actions["date"], shown, line)}
    return actions


def read_corrections(path: Path, shown: str, folder: Path) -> Corrections:
    """Parse and check a corrections file (what it matches is checked by :func:`apply`)."""
    from .article import read_text

    text = read_text(path, shown, folder)
    try:
        data, root = yaml_document(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ArticleError(
            shown, f"malformed corrections: {getattr(exc, 'problem', None) or exc}", mark and mark.line + 1
        ) from None
    out = Corrections(shown)
    if data is None:
        return out
    if not isinstance(data, dict):
        raise ArticleError(shown, "malformed corrections: expected `actors:`, `quotes:` or `events:` lists", 1)
    assert root is not None  # the mapping was constructed from it
    sections = {str(k.value): (k, v) for k, v in root.value}
    for name in data:
        if name not in ACTIONS:
            line = sections[str(name)][0].start_mark.line + 1
            raise ArticleError(shown, f"unknown section '{name}' (known: actors, quotes, events)", line)
    for section in ACTIONS:
        entries = data.get(section) or []
        key_node, list_node = sections.get(section, (None, None))
        if not isinstance(entries, list):
            raise ArticleError(shown, f"`{section}:` holds a list of corrections", key_node.start_mark.line + 1)
        for entry, node in zip(entries, list_node.value if list_node is not None else [], strict=False):
            line = node.start_mark.line + 1
            if not isinstance(entry, dict) or SELECTOR[section] not in entry:
                raise _fail(shown, line, f"each entry of `{section}:` starts with `{SELECTOR[section]}:`")
            actions = {k: v for k, v in entry.items() if k != SELECTOR[section]}
            selector = _check_selector(section, entry[SELECTOR[section]], shown, line)
            out.items.append(Correction(section, selector, _check_actions(section, actions, shown, line), line))
    return out
