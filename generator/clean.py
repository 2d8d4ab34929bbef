"""Page furniture, wire markup and datelines: read, kept on the Source page, kept out of extraction.

Rules are data (``resources/en/furniture.yml``): each recognises one shape of
text that is not the story (a newsletter form, a photo credit, a dateline, a
ticker code). :func:`clean` gives the article the extractors read, with every
such span replaced by spaces of the same length, so that every offset still
points into the article as written; the spans themselves become
:class:`~generator.model.LeftOut` items, and a dateline's place and agency
become :class:`~generator.model.Dateline` metadata.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from .lexicon import wordset
from .model import Article, Dateline, LeftOut

RULES_FILE = Path(__file__).parent / "resources" / "en" / "furniture.yml"
# A table of figures: a paragraph of at least this many tokens, most of them numbers.
TABLE_MIN_TOKENS = 6
TABLE_NUMBER_SHARE = 0.5
_NUMBER = re.compile(r"^[-+(]?[$€£¥]?\d[\d.,:/%)-]*[a-z%]{0,3}$", re.IGNORECASE)
# A paragraph in another language (a helpline notice, an embedded post): at least this many words,
# few of them English function words and many of them another language's, at least twice as many
# (spaCy's stop-word lists).
OTHER_LANGUAGE_MIN_WORDS = 8
OTHER_LANGUAGE_MAX_ENGLISH = 0.15
OTHER_LANGUAGE_MIN_SHARE = 0.3
OTHER_LANGUAGE_MIN_DISTINCT = 4
OTHER_LANGUAGES = ("de", "es", "fr", "it", "nl", "pt")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    scope: str
    pattern: re.Pattern
    max_words: int | None = None
    first: int | None = None
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    out = []
    for r in data["rules"]:
        flags = 0 if r.get("case") else re.IGNORECASE
        out.append(
            Rule(
                name=r["name"],
                kind=r["kind"],
                scope=r["scope"],
                pattern=re.compile(r["pattern"], flags),
                max_words=r.get("max_words"),
                first=r.get("first"),
                examples=tuple(r.get("examples") or ()),
                counter_examples=tuple(r.get("not") or ()),
            )
        )
    return tuple(out)


def _is_table(text: str) -> bool:
    words = text.split()
    if len(words) < TABLE_MIN_TOKENS:
        return False
    numbers = sum(1 for w in words if _NUMBER.match(w.strip(".,;")))
    return numbers / len(words) >= TABLE_NUMBER_SHARE


@lru_cache(maxsize=1)
def _stop_words() -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """English function words, and each other language's that are not also English."""
    english = frozenset(importlib.import_module("spacy.lang.en.stop_words").STOP_WORDS)
    others = tuple(
        frozenset(importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS) - english
        for code in OTHER_LANGUAGES
    )
    return english, others


def _other_language(text: str) -> bool:
    """Only words in lower case count: particles of names ('de la', 'van der', 'Los') and names
    themselves say nothing of the language. A quotation is never left out this way."""
    if any(mark in text for mark in '"“”«»'):
        return False
    words = [w for w in _LETTERS.findall(text) if w[:1].islower()]
    if len(words) < OTHER_LANGUAGE_MIN_WORDS:
        return False
    english, others = _stop_words()
    in_english = sum(w in english for w in words)
    if in_english >= OTHER_LANGUAGE_MAX_ENGLISH * len(words):
        return False
    counts = [(sum(w in other for w in words), len({w for w in words if w in other})) for other in others]
    most, distinct = max(counts)
    return (
        most >= OTHER_LANGUAGE_MIN_SHARE * len(words)
        and most >= 2 * in_english
        and distinct >= OTHER_LANGUAGE_MIN_DISTINCT
    )


def find_furniture(paragraphs: tuple[str, ...] | list[str]) -> tuple[list[LeftOut], Dateline | None]:
    """Every furniture span of the article, and its dateline if it has one."""
    found: list[LeftOut] = []
    dateline: Dateline | None = None
    quotations = _quotations(paragraphs)
    links_follow = 0  # after a 'Related:' heading, the how-manieth headline of other stories (0: none)
    slides = _gallery_slides(paragraphs)
    for n, text in enumerate(paragraphs, start=1):
        stripped = text.strip()
        if not stripped:
            continue
        if n in slides:
            found.append(LeftOut(n, 0, len(text), "photo or video widget", "gallery-slide", text))
            links_follow = 0
            continue
        if links_follow and links_follow <= HEADLINE_MAX_LINKS and _headline(stripped):
            found.append(LeftOut(n, 0, len(text), "link to other content", "link-list", text))
            links_follow += 1
            continue
        whole = _whole(n, text, stripped) or _pull_quote(n, text, quotations)
        heading = whole is not None and whole.rule == "read-more" and stripped.strip("\"“”' ").endswith(":")
        links_follow = 1 if heading else 0
        if whole is not None:
            found.append(whole)
            continue
        for rule in rules():
            if rule.first is not None and n > rule.first:
                continue
            if rule.scope == "prefix":
                m = rule.pattern.match(text)
                if m and m.end() < len(text):
                    found.append(LeftOut(n, 0, m.end(), rule.kind, rule.name, text[: m.end()]))
                    if rule.kind == "dateline" and dateline is None:
                        groups = m.groupdict()
                        place = (groups.get("place") or "").strip(" ,") or None
                        dateline = Dateline(place, groups.get("agency"), n, 0, m.end())
            elif rule.scope == "suffix":
                m = rule.pattern.search(text)
                if m and m.start() > 0:
                    found.append(LeftOut(n, m.start(), m.end(), rule.kind, rule.name, text[m.start() : m.end()]))
            elif rule.scope == "inline":
                for m in rule.pattern.finditer(text):
                    found.append(LeftOut(n, m.start(), m.end(), rule.kind, rule.name, m.group(0)))
    return found, dateline


# A photo gallery flattened into paragraphs, one per picture, each opening with its place in the
# gallery ("1/12 <date> <caption> <credit>", "2/12 …"): two or more in a row, numbered on.
_SLIDE = re.compile(r"(\d{1,3})\s*/\s*(\d{1,3})\s+\S")
_GALLERY_HEADING = re.compile(r"\bshow all\b|\bpictures\b|\bphotos\b|\bgallery\b|\bslideshow\b")


def _gallery_slides(paragraphs: tuple[str, ...] | list[str]) -> set[int]:
    """The paragraph numbers of the pictures of a flattened gallery."""
    numbered: dict[int, tuple[int, int]] = {}
    for n, text in enumerate(paragraphs, start=1):
        m = _SLIDE.match(text.strip())
        if m and 1 <= int(m.group(1)) <= int(m.group(2)) and int(m.group(2)) >= 2:
            numbered[n] = (int(m.group(1)), int(m.group(2)))
    out: set[int] = set()
    for n, (k, of) in numbered.items():
        if numbered.get(n - 1) == (k - 1, of) or numbered.get(n + 1) == (k + 1, of):
            out.add(n)
    # A run of them under the gallery's heading ('34 show all …', '… in pictures'), not a numbered
    # thread or a chronology ('1/3 Today I step down …', '3/11 the council meets').
    firsts = [n for n in sorted(out) if n - 1 not in out]
    keep: set[int] = set()
    for first in firsts:
        run = range(first, max(x for x in out if x >= first and all(y in out for y in range(first, x + 1))) + 1)
        heading = " ".join(paragraphs[max(0, first - 3) : first - 1]).lower()
        if len(run) >= 3 and (_GALLERY_HEADING.search(heading) is not None):
            keep.update(run)
    return keep


# A headline in a list of links: a few words, every longer word capitalised ("Council Backs The
# New Bridge Plan", "Jane Roe Wins Again in Arden").
HEADLINE_MAX_WORDS = 25
HEADLINE_MIN_CAPITALISED = 3
HEADLINE_SHORT_WORD = 3  # 'of', 'the', 'and' may stay lower case
HEADLINE_MAX_LINKS = 8  # a box of links is short: a crosshead after it is the story again


def _headline(text: str) -> bool:
    words = text.split()
    longer = [w for w in (w.strip("\"“”‘’'.,:;!?()") for w in words) if len(w) > HEADLINE_SHORT_WORD]
    return (
        len(words) <= HEADLINE_MAX_WORDS
        and len(longer) >= HEADLINE_MIN_CAPITALISED
        and all(w[:1].isupper() or w[:1].isdigit() for w in longer)
    )


def _whole(n: int, text: str, stripped: str) -> LeftOut | None:
    words = len(stripped.split())
    for rule in rules():
        if rule.scope != "paragraph" or (rule.max_words is not None and words > rule.max_words):
            continue
        if rule.first is not None and n > rule.first:
            continue
        if rule.pattern.fullmatch(stripped):
            return LeftOut(n, 0, len(text), rule.kind, rule.name, text)
    if _is_table(stripped):
        return LeftOut(n, 0, len(text), "table of figures", "table", text)
    if _other_language(stripped):
        return LeftOut(n, 0, len(text), "text in another language", "other-language", text)
    return None


# A pull quote: a quotation the article already gave, set again in large type, perhaps with the
# name of who said it ("<the words quoted in paragraph 3> Jane Roe, Eastbrook council").
PULL_QUOTE_MIN_WORDS = 8
PULL_QUOTE_MAX_WORDS = 60
PULL_QUOTE_MAX_TAIL = 12
_OPENING = re.compile(r"[“«]|(?:(?<=^)|(?<=\s))[\"‘']")
_QUOTE_MARKS = re.compile(r"[\"“”‘’«»]|(?<!\w)'|'(?!\w)")
_CLOSING = re.compile(r"[”»\"]")  # not ’ or ': an apostrophe ends 'the Roberts' lawyer' too
_SPEECH = wordset("speech_verbs")
_SPEECH_PAST = wordset("speech_verbs_past")
_EDGES = ".,;:!?()"  # stripped from a word's ends
# Lower-case words a credit of names may hold ('Jane Roe of the Eastbrook Council', 'Tom van Poe').
_CREDIT_JOINS = wordset("name_particles") | {"of", "the", "and", "for", "at"}


def _words(text: str) -> list[str]:
    return [w.strip(_EDGES) for w in _QUOTE_MARKS.sub(" ", text).lower().split()]


def _quotations(paragraphs) -> dict[tuple[str, ...], list[tuple[int, int, list[str]]]]:
    """Every quotation of the article, its first words from its opening mark on (as many as a pull
    quote can repeat), by its first eight words, with its paragraph's number and length in words."""
    index: dict[tuple[str, ...], list[tuple[int, int, list[str]]]] = {}
    for k, p in enumerate(paragraphs, start=1):
        size = len(p.split())
        for m in _OPENING.finditer(p):
            words = _words(p[m.end() : m.end() + 12 * (PULL_QUOTE_MAX_WORDS + 1)])[: PULL_QUOTE_MAX_WORDS + 1]
            if len(words) >= PULL_QUOTE_MIN_WORDS:
                index.setdefault(tuple(words[:PULL_QUOTE_MIN_WORDS]), []).append((k, size, words))
    return index


def _pull_quote(
    n: int, text: str, quotations: dict[tuple[str, ...], list[tuple[int, int, list[str]]]]
) -> LeftOut | None:
    """The paragraph repeats, from its first word, at least eight words that a longer paragraph
    quotes (right after its opening quotation mark), before or after it, and a credit at most
    follows them: a name, inside the quotation marks or with none ('… Jane Roe, Eastbrook council'),
    or only names after the closing mark; never 'Jane Roe told reporters'."""
    words = _words(text)
    if not PULL_QUOTE_MIN_WORDS <= len(words) <= PULL_QUOTE_MAX_WORDS:
        return None
    size, k = len(text.split()), 0
    for where, length, quoted in quotations.get(tuple(words[:PULL_QUOTE_MIN_WORDS]), ()):
        if where != n and length > size:
            pairs = zip(words, quoted, strict=False)
            k = max(k, next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(words), len(quoted))))
    if k < PULL_QUOTE_MIN_WORDS or len(words) - k > PULL_QUOTE_MAX_TAIL:
        return None
    written = _QUOTE_MARKS.sub(" ", text).split()[k:]  # the words after the repeated ones, as written
    tail = [w for w in (w.strip(_EDGES) for w in written) if w]
    if not tail:
        return LeftOut(n, 0, len(text), "pull quote", "pull-quote", text)
    # a credit: a name, then at most a description after a comma ('Jane Roe, head of the council');
    # after a closing mark only names, for words of the writer's follow it ('” Roe told reporters')
    raw = text.rstrip(" .\"”’»'")
    ends = next((i for i, w in enumerate(written) if w.endswith(",")), len(written) - 1)
    name = [w.strip(_EDGES) for w in written[: ends + 1]]
    names = len(name) >= 2 and all(not w or w[0].isupper() or w in _CREDIT_JOINS for w in name)
    # after the name a description at most ('Tom Poe, drivers' union'), not a sentence going on
    # ('Jane Roe, the mayor, disagreed'); inside or without marks, never a speech verb ('… Roe argued')
    commas = sum(w.endswith(",") for w in written)
    spoken = any(_speech_form(w) for w in tail if w.islower())
    described = not spoken and (commas <= 1 if _CLOSING.search(raw) else True)
    return LeftOut(n, 0, len(text), "pull quote", "pull-quote", text) if names and described else None


def _speech_form(word: str) -> bool:
    """'said', 'tells', 'added': a form of a speech verb (words.yml speech_verbs and its past forms)."""
    w = word.lower()
    return w in _SPEECH or w in _SPEECH_PAST or any(w.endswith(e) and w[: -len(e)] in _SPEECH for e in ("s", "d", "ed"))


def _masked(text: str, spans: list[LeftOut]) -> str:
    chars = list(text)
    for s in spans:
        for i in range(s.start, s.end):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


@dataclass(frozen=True)
class Cleaned:
    article: Article
    """The article the extractors read: furniture replaced by spaces, offsets unchanged."""
    left_out: tuple[LeftOut, ...]
    dateline: Dateline | None


def clean(article: Article) -> Cleaned:
    paragraphs, found, dateline = _clean_paragraphs(tuple(article.paragraphs))
    if not found:
        return Cleaned(article, (), dateline)
    return Cleaned(replace(article, paragraphs=paragraphs), found, dateline)


@lru_cache(maxsize=256)
def _clean_paragraphs(paragraphs: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[LeftOut, ...], Dateline | None]:
    found, dateline = find_furniture(paragraphs)
    by_para: dict[int, list[LeftOut]] = {}
    for f in found:
        by_para.setdefault(f.paragraph, []).append(f)
    masked = tuple(_masked(text, by_para[n]) if n in by_para else text for n, text in enumerate(paragraphs, start=1))
    return masked, tuple(found), dateline
