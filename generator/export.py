"""Briefing -> JSON, and back (for the extraction cache and for tests)."""

from __future__ import annotations

import json
import types
import typing
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

from .model import Article, Briefing, to_dict

SCHEMA_VERSION = 2
SCHEMA_PATH = Path(__file__).parent / "schema" / "briefing.schema.json"


def briefing_dict(briefing: Briefing) -> dict:
    data = to_dict(briefing)
    data["article"].pop("path", None)
    return {"schema_version": SCHEMA_VERSION, **data}


def to_json(briefing: Briefing) -> str:
    return json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def from_plain(cls: type, data: dict):
    """A model dataclass from its plain form (what :func:`generator.model.to_dict` gives), by its
    type hints: nested dataclasses, tuples, optional values and dates are rebuilt."""
    hints = typing.get_type_hints(cls)
    return cls(**{f.name: _value(hints[f.name], data[f.name]) for f in fields(cls) if f.name in data})


def _value(hint, value):
    if value is None or is_dataclass(value):
        return value
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _value(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        return tuple(_value(args[0], v) for v in value) if args else tuple(value)
    if origin is dict or hint is dict:
        return dict(value)
    if hint is date:
        return date.fromisoformat(value)
    if is_dataclass(hint):
        return from_plain(hint, value)  # type: ignore[arg-type]
    return value


def from_dict(data: dict, path: str = "") -> Briefing:
    """The inverse of :func:`briefing_dict`; the items of further stages are read back with the item
    type their stage names (``generator.extract.STAGES``)."""
    from .extract import STAGES

    item_types = {s.name: s.item_type for s in STAGES if s.item_type is not None}
    article = from_plain(Article, {**data["article"], "path": path})
    plain = {k: v for k, v in data.items() if k not in ("schema_version", "article", "extra")}
    extra = {
        name: tuple(from_plain(item_types[name], d) if name in item_types else d for d in items)
        for name, items in (data.get("extra") or {}).items()
    }
    return from_plain(Briefing, {**plain, "article": article, "extra": extra})
