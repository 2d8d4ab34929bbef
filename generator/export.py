"""Briefing -> JSON, and back (for the extraction cache and for tests)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .model import Actor, Article, Briefing, Dateline, Event, LeftOut, Mention, Quote, Role, TimeValue, to_dict

SCHEMA_VERSION = 1
SCHEMA_PATH = Path(__file__).parent / "schema" / "briefing.schema.json"


def briefing_dict(briefing: Briefing) -> dict:
    data = to_dict(briefing)
    data["article"].pop("path", None)
    return {"schema_version": SCHEMA_VERSION, **data}


def to_json(briefing: Briefing) -> str:
    return json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2) + "\n"


def load_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _mention(d: dict | None) -> Mention | None:
    return Mention(**d) if d else None


def from_dict(data: dict, path: str = "") -> Briefing:
    """The inverse of :func:`briefing_dict`."""
    art = dict(data["article"])
    art["published"] = date.fromisoformat(art["published"]) if art.get("published") else None
    art["tags"] = tuple(art.get("tags") or ())
    art["paragraphs"] = tuple(art["paragraphs"])
    art["authors"] = tuple(art.get("authors") or ())
    art["extra"] = dict(art.get("extra") or {})
    article = Article(**art, path=path)
    actors = tuple(
        Actor(
            **{
                **a,
                "aliases": tuple(a.get("aliases", ())),
                "roles": tuple(Role(**r) for r in a.get("roles", ())),
                "mentions": tuple(Mention(**m) for m in a.get("mentions", ())),
                "notes": tuple(a.get("notes", ())),
                "evidence": tuple(a.get("evidence", ())),
                "corrected": tuple(a.get("corrected", ())),
            }
        )
        for a in data.get("actors", ())
    )
    quotes = tuple(
        Quote(
            **{
                **q,
                "speaker_mention": _mention(q.get("speaker_mention")),
                "speaker_antecedent": _mention(q.get("speaker_antecedent")),
                "corrected": tuple(q.get("corrected", ())),
            }
        )
        for q in data.get("quotes", ())
    )
    events = tuple(
        Event(
            **{
                **e,
                "date": TimeValue(**e["date"]) if e.get("date") else None,
                "actors": tuple(e.get("actors", ())),
                "corrected": tuple(e.get("corrected", ())),
            }
        )
        for e in data.get("events", ())
    )
    return Briefing(
        article=article,
        actors=actors,
        quotes=quotes,
        events=events,
        warnings=tuple(data.get("warnings", ())),
        left_out=tuple(LeftOut(**f) for f in data.get("left_out", ())),
        dateline=Dateline(**data["dateline"]) if data.get("dateline") else None,
        corrections=tuple(data.get("corrections", ())),
    )
