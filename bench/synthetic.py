"""Synthetic English text of a chosen size, for the size benchmarks and limits tests.

Sentences are assembled from varied parts (subjects, verbs, objects, time phrases, quotations,
reported speech), so the parser sees realistic and changing structure rather than one sentence
repeated. Deterministic for a given seed.
"""

from __future__ import annotations

import random

SUBJECTS = [
    "The council",
    "A spokesperson for the ministry",
    "Maria Okafor, the finance director,",
    "The regional water authority",
    "Two engineers",
    "Residents of the northern district",
    "The union",
    "Officials in the capital",
    "Dr. Peter Lindqvist",
    "The transport agency",
    "Local farmers",
    "The hospital board",
]
VERBS = [
    "approved",
    "rejected",
    "postponed",
    "criticised",
    "welcomed",
    "announced",
    "reviewed",
    "questioned",
    "funded",
    "delayed",
]
OBJECTS = [
    "the new budget",
    "a plan to repair the bridge",
    "the proposal for a second school",
    "an inquiry into the flooding",
    "the contract with the builders",
    "a report on air quality",
    "the decision to close the depot",
    "plans for cheaper buses",
]
TIMES = [
    "on Monday",
    "last week",
    "in March",
    "on 4 June 2021",
    "earlier this year",
    "two days later",
    "in the autumn",
    "",
    "",
]
SAY = ["said", "told reporters", "added", "warned", "explained"]
CLAIMS = [
    "the work would take longer than planned",
    "costs had risen sharply since the spring",
    "nobody had been consulted about the change",
    "the money was already spent",
    "the schedule could still be met",
]
QUOTES = [
    "We cannot wait another year for this",
    "The numbers simply do not add up",
    "It is a good day for the town",
    "Nobody told us anything before the vote",
]


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(4)
    subject, time = rng.choice(SUBJECTS), rng.choice(TIMES)
    if kind == 0:
        s = f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)}" + (f" {time}" if time else "") + "."
    elif kind == 1:
        s = f"{subject} {rng.choice(SAY)} that {rng.choice(CLAIMS)}."
    elif kind == 2:
        s = f"“{rng.choice(QUOTES)},” {subject[0].lower() + subject[1:] if subject.startswith('The') else subject} said."
    else:
        s = (
            f"According to {rng.choice(SUBJECTS).rstrip(',')}, {rng.choice(CLAIMS)}"
            + (f" {time}" if time else "")
            + "."
        )
    return s


def paragraph(chars: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        s = sentence(rng)
        out.append(s)
        size += len(s) + 1
    return " ".join(out)[:chars].rsplit(" ", 1)[0]


def article(chars: int, paragraph_chars: int = 800, seed: int = 0) -> str:
    """A title line and blank-line separated paragraphs adding up to about `chars` characters."""
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < chars:
        p = paragraph(rng.randrange(paragraph_chars // 2, paragraph_chars * 3 // 2), seed=rng.randrange(1 << 30))
        paras.append(p)
        size += len(p) + 2
    return "Synthetic article for the size benchmark\n\n" + "\n\n".join(paras) + "\n"
