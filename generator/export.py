"""Briefing -> JSON, and back (for the extraction cache and for tests)."""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
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
    type hints: nested dataclasses, tuples, optional values and dates are rebuilt; a field of a type
    it cannot rebuild raises TypeError (a cached briefing is then extracted again)."""
    return cls(**{name: decode(data[name]) for name, decode in _decoders(cls) if name in data})


@cache
def _decoders(cls: type) -> tuple[tuple[str, Callable], ...]:
    """Each field's name and its decoder, worked out once per class (reading a cached site reads
    thousands of mentions)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in fields(cls))


def _same(value):
    return value


def _decoder(hint) -> Callable:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"cannot read back a field of type {hint}")
        decode = _decoder(inner[0])
        return lambda v: None if v is None else decode(v)
    if origin is tuple:
        if args and (len(args) != 2 or args[1] is not Ellipsis):
            raise TypeError(f"cannot read back a field of type {hint}: use tuple[X, ...]")
        item = _decoder(args[0]) if args else _same
        return lambda v: tuple(item(x) for x in v)
    if hint is dict or origin is dict:
        if args and is_dataclass(args[1]):
            raise TypeError(f"cannot read back a field of type {hint}")
        return dict
    if hint is date:
        return lambda v: v if isinstance(v, date) else date.fromisoformat(v)
    if is_dataclass(hint):
        return lambda v: v if is_dataclass(v) else from_plain(hint, v)  # type: ignore[arg-type]
    if origin is typing.Literal or hint in (str, int, float, bool, typing.Any):
        return _same
    raise TypeError(f"cannot read back a field of type {hint}")


def from_dict(data: dict, path: str = "") -> Briefing:
    """The inverse of :func:`briefing_dict`; the items of further stages are read back with the item
    type their stage names (``generator.extract.STAGES``). A document of another schema version is
    refused (ValueError)."""
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"schema version {data.get('schema_version')!r}, not {SCHEMA_VERSION}")
    extra = {}
    if data.get("extra"):
        from .extract import STAGES  # the stages' modules, only for a briefing that has such items

        item_types = {s.name: s.item_type for s in STAGES if s.item_type is not None}
        extra = {
            name: tuple(from_plain(item_types[name], d) if name in item_types else d for d in items)
            for name, items in data["extra"].items()
        }
    article = from_plain(Article, {**data["article"], "path": path})
    plain = {k: v for k, v in data.items() if k not in ("schema_version", "article", "extra")}
    return from_plain(Briefing, {**plain, "article": article, "extra": extra})
