"""Corrections by hand: ``name.corrections.yml`` beside ``name.txt`` (or ``name.md``).

Applied to the extracted briefing on every build, so they survive regeneration; shown as
corrected on the pages and in the JSON (``corrected`` on an item, ``corrections`` on the
briefing). Items are chosen by what a person can read on the pages, not by generated ids:

```yaml
actors:
  - actor: J. Doe                 # a name or alias, any case
    rename: Jane Doe
  - actor: Doe
    merge_into: Jane Doe          # its mentions, aliases and roles join Jane Doe
  - actor: Jane Doe
    split: {name: John Doe, paragraphs: [7, 8]}   # the mentions in ¶7-8 are someone else
  - actor: Acme
    type: organisation            # person, organisation, country, place or group
    role: chief executive         # replaces the roles found; null removes them
  - actor: Springfield
    drop: true
quotes:
  - quote: {paragraph: 3, text: "We will not"}    # ¶ and the start of the quoted words
    speaker: Jane Doe             # an actor's name; null clears the speaker
  - quote: {paragraph: 5, text: "It is"}
    drop: true
events:
  - event: {paragraph: 2, text: "the council approved"}   # ¶ and the start of the event's text
    date: 2021-03-09              # YYYY, YYYY-MM or YYYY-MM-DD; null leaves it undated
  - event: {paragraph: 4, text: "talks"}
    drop: true
```

`briefing check` reads the file, and reports on its line a correction that matches nothing or
more than one item; it is never silently ignored.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .corrections_read import Correction, Corrections, read_corrections
from .derive import derive
from .model import Actor, Briefing, Mention, Role, TimeValue
from .problems import ArticleError

__all__ = ["Correction", "Corrections", "apply", "read_corrections"]


def _words(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def _find_actor(actors: list[Actor], name: str) -> list[Actor]:
    want = _words(name)
    exact = [a for a in actors if _words(a.name) == want]
    return exact or [a for a in actors if want in {_words(x) for x in a.aliases}]


def _selected(items, sel: dict):
    """Quotes or events of the paragraph whose words start with the text given (any case and spacing)."""
    prefix = _words(sel.get("text") or "")
    return [x for x in items if x.paragraph == sel["paragraph"] and _words(x.text).startswith(prefix)]


def _label(c: Correction) -> str:
    if c.section == "actors":
        return f"actor “{c.selector}”"
    sel = c.selector
    assert isinstance(sel, dict)  # read_corrections checked it
    text = sel.get("text")
    return f"{c.section[:-1]} ¶{sel['paragraph']}" + (f" “{text}”" if text else "")


def _new_id(name: str, taken: set[str]) -> str:
    from .article import slugify

    base = slugify(name)
    n, out = 1, base
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


def _repointed(ids: tuple[str, ...], old: str, new: str | None) -> tuple[str, ...]:
    """Actor ids with `old` replaced by `new` (left out when there is none), each id once."""
    if not new:
        return tuple(dict.fromkeys(a for a in ids if a != old))
    return tuple(dict.fromkeys(new if a == old else a for a in ids))


def _time_value(text: str | None, old: TimeValue | None, paragraph: int) -> TimeValue | None:
    if text is None:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        start = end = date(*parts)
        gran = "day"
    elif len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        end = date.fromordinal(nxt.toordinal() - 1)
        gran = "month"
    else:
        start, end, gran = date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
    phrase = old.phrase if old else text
    offset = old.offset if old else 0
    return TimeValue(text, start.isoformat(), end.isoformat(), gran, phrase, paragraph or 0, offset)


def apply(briefing: Briefing, corrections: Corrections | None) -> tuple[Briefing, list[ArticleError]]:
    """The briefing with every correction applied, and an error for each that matches nothing
    (or more than one item). Applied in file order: actors, then quotes, then events."""
    if corrections is None or not corrections.items:
        return briefing, []
    actors, quotes, events = list(briefing.actors), list(briefing.quotes), list(briefing.events)
    log: list[str] = []
    problems: list[ArticleError] = []

    def problem(c: Correction, message: str) -> None:
        problems.append(ArticleError(corrections.path, f"{_label(c)}: {message}", c.line))

    def repoint(old: str, new: str | None) -> None:
        nonlocal quotes, events
        quotes = [replace(q, speaker=new) if q.speaker == old else q for q in quotes]
        events = [replace(e, actors=_repointed(e.actors, old, new)) for e in events]

    for c in corrections.items:
        if c.section == "actors":
            assert isinstance(c.selector, str)  # read_corrections checked it
            found = _find_actor(actors, c.selector)
            if len(found) != 1:
                problem(c, "matches no actor" if not found else f"matches {len(found)} actors; use the full name")
                continue
            a = found[0]
            k = actors.index(a)
            acts = c.actions
            if "drop" in acts:
                actors.pop(k)
                repoint(a.id, None)
                log.append(f"{_label(c)}: dropped")
                continue
            if "merge_into" in acts:
                targets = [t for t in _find_actor(actors, acts["merge_into"]) if t.id != a.id]
                if len(targets) != 1:
                    problem(
                        c,
                        f"merge_into “{acts['merge_into']}” matches {'no' if not targets else len(targets)} other actor(s)",
                    )
                    continue
                t = targets[0]
                merged = replace(
                    t,
                    aliases=tuple(dict.fromkeys([*t.aliases, a.name, *a.aliases])),
                    roles=t.roles + a.roles,
                    mentions=tuple(sorted(t.mentions + a.mentions, key=lambda m: (m.paragraph, m.start))),
                    corrected=(*t.corrected, f"merged with {a.name}"),
                )
                actors[actors.index(t)] = merged
                actors.remove(a)
                repoint(a.id, t.id)
                log.append(f"{_label(c)}: merged into {t.name}")
                continue
            changed = a
            notes: list[str] = []
            if "rename" in acts:
                name = " ".join(acts["rename"].split())
                aliases = tuple(x for x in dict.fromkeys([*a.aliases, a.name]) if x != name)
                changed, notes = replace(changed, name=name, aliases=aliases), [*notes, f"renamed from {a.name}"]
            if "type" in acts:
                changed, notes = replace(changed, type=acts["type"]), [*notes, f"type set to {acts['type']}"]
            if "role" in acts:
                role = acts["role"]
                roles = (Role(" ".join(role.split())),) if role else ()
                changed, notes = (
                    replace(changed, roles=roles),
                    [*notes, f"role set to {role}" if role else "roles removed"],
                )
            if "split" in acts:
                sp = acts["split"]
                moved = tuple(m for m in changed.mentions if m.paragraph in sp["paragraphs"])
                if not moved or len(moved) == len(changed.mentions):
                    problem(
                        c, "split: the paragraphs given hold " + ("none" if not moved else "all") + " of its mentions"
                    )
                    continue
                new = Actor(
                    id=_new_id(sp["name"], {x.id for x in actors}),
                    name=" ".join(sp["name"].split()),
                    type=changed.type,
                    mentions=moved,
                    corrected=(f"split from {a.name}",),
                )
                changed = replace(changed, mentions=tuple(m for m in changed.mentions if m not in moved))
                notes.append(f"split: {new.name} in ¶{', ¶'.join(map(str, sp['paragraphs']))}")
                actors.insert(k + 1, new)
                _move_spoken(new, moved, quotes, a.id)
            actors[k] = replace(changed, corrected=(*a.corrected, *notes))
            log.append(f"{_label(c)}: {'; '.join(notes)}")
        else:
            items = quotes if c.section == "quotes" else events
            assert isinstance(c.selector, dict)  # read_corrections checked it
            found = _selected(items, c.selector)
            if len(found) != 1:
                what = c.section[:-1]
                problem(
                    c, f"matches no {what}" if not found else f"matches {len(found)} {c.section}; give more of the text"
                )
                continue
            item = found[0]
            k = items.index(item)
            if "drop" in c.actions:
                items.pop(k)
                log.append(f"{_label(c)}: dropped")
                continue
            if c.section == "quotes":
                name = c.actions["speaker"]
                if name is None:
                    items[k] = replace(
                        item,
                        speaker=None,
                        speaker_inferred=False,
                        corrected=(*item.corrected, "speaker cleared by hand"),
                    )
                    log.append(f"{_label(c)}: speaker cleared")
                    continue
                who = _find_actor(actors, name)
                if len(who) != 1:
                    problem(c, f"speaker “{name}” matches {'no' if not who else len(who)} actor(s)")
                    continue
                items[k] = replace(
                    item,
                    speaker=who[0].id,
                    speaker_inferred=False,
                    corrected=(*item.corrected, f"speaker set by hand to {who[0].name}"),
                )
                log.append(f"{_label(c)}: speaker set to {who[0].name}")
            else:
                value = c.actions["date"]
                items[k] = replace(
                    item,
                    date=_time_value(value, item.date, item.paragraph),
                    corrected=(*item.corrected, f"date set by hand to {value}" if value else "date removed by hand"),
                )
                log.append(f"{_label(c)}: " + (f"date set to {value}" if value else "date removed"))
    out = replace(
        briefing,
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        corrections=(*briefing.corrections, *log),
    )
    return derive(out), problems


def _move_spoken(new: Actor, moved: tuple[Mention, ...], quotes: list, old_id: str) -> None:
    """Quotes whose speaker was named by a moved mention now belong to the new actor."""
    spans = {(m.paragraph, m.start, m.end) for m in moved}
    for i, q in enumerate(quotes):
        sm = q.speaker_antecedent or q.speaker_mention
        if (
            q.speaker == old_id
            and sm is not None
            and any(p == sm.paragraph and s < sm.end and sm.start < e for p, s, e in spans)
        ):
            quotes[i] = replace(q, speaker=new.id)
