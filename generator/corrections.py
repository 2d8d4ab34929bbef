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

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml

from .meta import EARLIEST, LATEST, _Loader
from .model import ACTOR_TYPES, Actor, Briefing, Mention, Role, TimeValue
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
    selector: object
    actions: dict
    line: int


@dataclass
class Corrections:
    path: str
    items: list[Correction] = field(default_factory=list)


def _fail(shown: str, line: int, message: str) -> ArticleError:
    return ArticleError(shown, message, line)


def _words(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def _check_selector(section: str, sel: object, shown: str, line: int) -> object:
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
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
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
    text = c.selector.get("text")
    return f"{c.section[:-1]} ¶{c.selector['paragraph']}" + (f" “{text}”" if text else "")


def _new_id(name: str, taken: set[str]) -> str:
    from .article import slugify

    base = slugify(name)
    n, out = 1, base
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


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
        events = [
            replace(e, actors=tuple(dict.fromkeys(new if a == old else a for a in e.actors if new or a != old)))
            for e in events
        ]

    for c in corrections.items:
        if c.section == "actors":
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
            changed, notes = a, []
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
    return out, problems


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
