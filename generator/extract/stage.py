"""The one contract of an extraction stage.

A stage reads the cleaned article, its parses and what earlier stages added (``needs``), and
returns what it adds or revises (``adds``) with the problems it found: its own warnings, each with
the paragraph and offset it concerns when it concerns one place. Extraction is a loop over the
registry (``STAGES`` in :mod:`generator.extract`); a stage never changes the parses.

Actors, quotes and events are the briefing's own fields; a stage that adds anything else names
one item type (a frozen dataclass, like those of :mod:`generator.model`): its items go to
``Briefing.extra[<stage name>]``, to the JSON export and back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Article, Problem

CORE = ("actors", "quotes", "events")
"""What every briefing has, as fields of its own."""


@dataclass
class Found:
    """What extraction has so far: the cleaned article, its parses and each stage's items by name."""

    text: Article
    docs: list
    items: dict[str, list] = field(default_factory=dict)

    def __getitem__(self, name: str) -> list:
        return self.items[name]


@dataclass(frozen=True)
class Output:
    items: dict[str, list]
    """What the stage adds or revises, by name (each name one of the stage's ``adds``)."""
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    """Names earlier stages add: the stage reads them."""
    adds: tuple[str, ...]
    """Names the stage adds or revises (an earlier stage's name when it revises what that found)."""
    run: Callable[[Found], Output]
    item_type: type | None = None
    """For a stage adding a name outside ``CORE``: the dataclass of one item (the export reads it back)."""


def check_order(stages: list[Stage]) -> list[str]:
    """What a registry gets wrong: two stages of one name; a stage that needs what no earlier stage
    adds; a stage that adds again what an earlier one added without needing it (a revision reads
    what it revises); a stage's own items under another name, or with no item type."""
    problems: list[str] = []
    known: set[str] = set()
    names: set[str] = set()
    for s in stages:
        if s.name in names:
            problems.append(f"two stages are named {s.name!r}")
        names.add(s.name)
        missing = [n for n in s.needs if n not in known]
        if missing:
            problems.append(f"stage {s.name!r} needs {', '.join(missing)}, which no earlier stage adds")
        for n in s.adds:
            if n in known and n not in s.needs:
                problems.append(f"stage {s.name!r} adds {n!r} again without reading it: a revision needs it")
            if n not in CORE and n != s.name and not n.startswith("_"):
                problems.append(f"stage {s.name!r} adds {n!r}: a stage's own items carry its name")
        if s.name in s.adds and s.name not in CORE and s.item_type is None:
            problems.append(f"stage {s.name!r} adds items of its own but names no item type")
        known.update(s.adds)
    return problems


def run_stages(stages: list[Stage], found: Found) -> list[Problem]:
    """Run each stage in order on ``found`` (updated in place); the problems, in stage order."""
    problems: list[Problem] = []
    for s in stages:
        missing = [n for n in s.needs if n not in found.items]
        if missing:
            raise ValueError(f"stage {s.name!r} needs {', '.join(missing)}, which no earlier stage added")
        out = s.run(found)
        unexpected = set(out.items) - set(s.adds)
        if unexpected:
            raise ValueError(f"stage {s.name!r} returned {', '.join(sorted(unexpected))}, which it does not declare")
        found.items.update(out.items)
        problems += [p if p.stage else Problem(s.name, p.text, p.paragraph, p.start) for p in out.problems]
    return problems
