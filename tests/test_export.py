"""The JSON export: documented schema, round trip."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.export import briefing_dict, from_dict, load_schema, to_json

ROOT = Path(__file__).resolve().parents[1]


def test_fixture_validates_and_round_trips(fixture_briefing):
    data = briefing_dict(fixture_briefing)
    jsonschema.validate(data, load_schema())
    assert from_dict(json.loads(to_json(fixture_briefing))) == fixture_briefing


def test_schema_rejects_a_bad_briefing(fixture_briefing):
    data = briefing_dict(fixture_briefing)
    data["quotes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())


def test_every_schema_field_is_documented():
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    schema = load_schema()
    fields = set(schema["properties"]) | set(schema["properties"]["article"]["properties"])
    for d in schema["$defs"].values():
        fields |= set(d.get("properties", {}))
    missing = sorted(f for f in fields if not re.search(rf"`{f}`", doc))
    assert not missing, f"fields missing from docs/schema.md: {missing}"


@pytest.mark.spacy
def test_seed_extraction_validates(seed_briefing):
    data = briefing_dict(seed_briefing)
    jsonschema.validate(data, load_schema())
    # Every extracted item points at its text.
    paras = seed_briefing.article.paragraphs
    for actor in seed_briefing.actors:
        for m in actor.mentions:
            assert paras[m.paragraph - 1][m.start : m.end] == m.text
    for q in seed_briefing.quotes:
        assert paras[q.paragraph - 1][q.start : q.end] == q.text


def test_the_plain_form_is_what_dataclasses_asdict_gives(seed_briefing, fixture_briefing):
    from dataclasses import asdict
    from datetime import date

    from generator.model import to_dict

    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, date) else value

    for b in (seed_briefing, fixture_briefing):
        assert to_dict(b) == plain(asdict(b))
        assert json.dumps(to_dict(b)) == json.dumps(plain(asdict(b)))  # the same order of keys
