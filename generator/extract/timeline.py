"""Timeline: time expressions resolved against the publication date, and the events they anchor.

An event is the clause a time expression anchors: the verb the expression hangs
from in the parse, with its subject and objects, cut to a short excerpt of the
paragraph (``text == paragraph[start:end]``). Three sources of events:

* a dated expression ("on Tuesday", "last week", "late last year");
* an anchored expression that only orders the event ("days after ...",
  "since ..."): the event keeps ``date.value = None`` and the anchor as phrase;
* a vague past one ("recently"): undated, shown as such.

Durations, frequencies and present-time words ("now") anchor no event.
Nothing is ever dated by guesswork: without a publication date relative
expressions stay unresolved (``normalise`` sees ``dct=None``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..lexicon import wordset
from ..model import Actor, Article, Event, Quote, TimeValue
from .common import actor_at, overlapping, text_of
from .event_lines import finite, not_an_event, read_event
from .timex import find_timexes
from .timex_anchor import anchor_timexes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_WORDS = 25
SLACK_WORDS = 8  # a clause a few words over the limit is kept whole rather than cut mid-phrase
WORDS_BEFORE_VERB = 16
ANCHOR_WORDS = 12
# Children of the event verb that start another clause: cut off so the excerpt stays one event.
CLAUSE_DEPS = {"advcl", "relcl", "conj", "parataxis", "cc", "punct", "mark", "preconj"}
FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "PRON"}
PAST_ADVERBS = re.compile(r"(?i)(?:recently|lately|(?:in\s+)?recent\s+(?:days|weeks|months|years))$")
ANCHOR_PREPS = {"after": "AFTER", "before": "BEFORE", "since": "SINCE"}
# What a verb's line needs besides its subject to say something ('comes', 'spoke' alone do not).
COMPLEMENT_DEPS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "prep", "dative", "oprd", "agent", "prt", "obj"}


def extract_events(article: Article, docs: list, actors: list[Actor], quotes: Sequence[Quote] = ()) -> list[Event]:
    """Dated and anchored events in text order, ids e1, e2, ...

    How each reads, or why it is background, comes from :mod:`.event_lines`; ``quotes`` tell it
    which words are quoted."""
    # paragraph, start, end, date, verb index, doc, asides left out
    found: list[tuple[int, int, int, TimeValue, int, Doc, list[tuple[int, int]]]] = []
    # references back ('the following day') count from the last date before them, across paragraphs
    timexes = anchor_timexes(
        [find_timexes(doc, article.published, paragraph=n) for n, doc in enumerate(docs, start=1)], article.published
    )
    quoted = _quoted(quotes)
    for n, doc in enumerate(docs, start=1):
        seen_verbs: dict[int, int] = {}
        in_quote = lambda offset, n=n: quoted(n, offset)  # noqa: E731
        items = [(tv, None) for tv in timexes[n - 1]]
        items += list(_anchors(doc, n, {(tv.offset, tv.offset + len(tv.phrase)) for tv, _ in items}))
        for tv, anchor_tok in sorted(items, key=lambda it: it[0].offset):
            if not _anchors_event(tv, article.published):
                continue
            span = doc.char_span(tv.offset, tv.offset + len(tv.phrase), alignment_mode="expand")
            if span is None:
                continue
            verb = _governing_verb(anchor_tok if anchor_tok is not None else span.root, span)
            if verb is None:
                continue
            anchor: set[Token] = set(anchor_tok.subtree) if anchor_tok is not None else set()
            verb, keep = _lift_participle(verb, set())
            keep |= _needed_anchor(verb, anchor)
            # one event per verb: a second expression on the same verb only refines its date (and
            # an anchor it brings joins the line: 'Sunday's vote comes after …')
            if verb.i in seen_verbs:
                k = seen_verbs[verb.i]
                if found[k][3].value is None and tv.value is not None:
                    found[k] = (*found[k][:3], tv, *found[k][4:])
                if keep & anchor:
                    start, end, gaps = _clause_span(verb, keep, in_quote)
                    found[k] = (found[k][0], start, end, *found[k][3:6], gaps)
                continue
            start, end, gaps = _clause_span(verb, keep, in_quote)
            if not _says_who(verb, start, end):
                continue  # 'which holds a primary in April', 'capped by a win on Tuesday': no one acts
            if not_an_event(verb, span):
                continue  # 'if the launch goes well next month', 'as the new year arrived'
            seen_verbs[verb.i] = len(found)
            found.append((n, start, end, tv, verb.i, doc, gaps))
    events = []
    for i, (n, start, end, tv, verb_i, doc, gaps) in enumerate(sorted(found, key=lambda f: (f[0], f[1])), start=1):
        text = text_of(doc)[start:end]
        reading = read_event(doc[verb_i], start, end, n, text, docs, actors, quoted, quotes, gaps)
        who = _actors(actors, n, start, end, doc[verb_i])
        events.append(
            Event(
                id=f"e{i}",
                text=text,
                date=tv,
                actors=tuple(dict.fromkeys((reading.actor, *who))) if reading.actor else who,
                paragraph=n,
                start=start,
                end=end,
                reads=reading.reads,
                background=reading.background,
            )
        )
    return events


def _quoted(quotes) -> Callable[[int, int], bool]:
    """Whether an offset of a paragraph lies inside a direct or partial quotation."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for q in quotes:
        if q.kind != "reported":
            spans.setdefault(q.paragraph, []).append((q.start, q.end))
    return lambda paragraph, offset: any(a <= offset < b for a, b in spans.get(paragraph, ()))


def _anchors_event(tv: TimeValue, dct) -> bool:
    """Dated expressions and anchors make events; so do past-pointing adverbs ('recently').

    An expression relative to another event ('the following day', 'a year earlier') is
    found but makes no event of its own when the article has a date: its clause would
    show with no date and no visible anchor.
    """
    if tv.kind in ("date", "time"):
        return tv.value is not None or dct is None or tv.modifier in ANCHOR_PREPS.values()
    return tv.kind == "vague" and bool(PAST_ADVERBS.match(tv.phrase))


def _anchors(doc, paragraph: int, taken: set[tuple[int, int]]):
    """'days after X', 'weeks before X', 'since X': events ordered, not dated.

    Yields an unresolved TimeValue whose phrase runs from the anchor to the end
    of its object (cut to ANCHOR_WORDS words), and the preposition's token.
    """
    for tok in doc:
        mod = ANCHOR_PREPS.get(tok.lower_)
        if mod is None or tok.dep_ not in ("prep", "mark"):
            continue
        obj = [t for t in tok.subtree if t.i > tok.i] if tok.dep_ == "prep" else list(tok.head.subtree)
        if not any(t.pos_ in ("NOUN", "PROPN", "VERB", "NUM") for t in obj):
            continue  # 'since then': the anchor is in another sentence, nothing to show
        if tok.dep_ == "mark":  # 'since X made ...': the clause is the head verb's subtree
            clause = [t for t in tok.head.subtree if t.i >= tok.i]
            anchor_tok = tok.head
        else:
            clause = [tok, *obj]
            anchor_tok = tok
        # a dated object ('since 2001', 'after Tuesday') is already a time expression
        obj_span = (clause[0].idx, clause[-1].idx + len(clause[-1]))
        if any(s < obj_span[1] and e > obj_span[0] and s > tok.idx for s, e in taken):
            continue
        # a duration right before the preposition ('days after', 'two weeks before') joins the phrase
        first = tok
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and any(s <= prev.idx < e for s, e in taken):
            first = prev
            while first.i > 0 and any(s <= doc[first.i - 1].idx < e for s, e in taken):
                first = doc[first.i - 1]
        elif tok.lower_ != "since":
            continue  # a bare 'after the meeting' orders events but is no time phrase
        words = [t for t in clause if not t.is_punct]
        last = words[min(len(words), ANCHOR_WORDS) - 1] if words else clause[-1]
        start, end = first.idx, last.idx + len(last)
        phrase = text_of(doc)[start:end]
        tv = TimeValue(
            value=None,
            start=None,
            end=None,
            granularity=None,
            phrase=phrase,
            paragraph=paragraph,
            offset=start,
            modifier=mod,
            kind="date",
        )
        yield tv, anchor_tok


def _governing_verb(tok, span):
    """The nearest verb above the expression (the expression's own tokens excluded)."""
    inside = range(span.start, span.end)
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.i not in inside:
            # 'X said on Wednesday it had ...': a time phrase before the complement's subject
            # belongs to the reporting verb (a common attachment error of the parser)
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if tok.dep_ == "ccomp" and subj is not None and span.end <= subj.left_edge.i:
                return tok.head
            # 'is planning to boycott the speech next week': the event reads from the planning verb
            if tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i != tok.i:
                return tok.head
            return tok
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def _lift_participle(verb, keep: set) -> tuple:
    """A participle without a subject ('Speaking on Friday, Roe said …', 'has been organizing and
    raising money since 2014'), or a bare infinitive ('helping the party enter parliament in May'),
    is read in the clause it hangs from, whose subject acts; its own words stay in the line."""
    for _ in range(3):
        head = verb.head
        bare = verb.tag_ == "VB" and verb.dep_ in ("ccomp", "xcomp") and not any(c.dep_ == "aux" for c in verb.children)
        if (
            (verb.dep_ not in ("advcl", "conj") and not bare)
            or head.i == verb.i
            or head.pos_ not in ("VERB", "AUX")
            or finite(verb)
            or any((c.dep_ in _SUBJECTS and not bare) or c.dep_ == "mark" for c in verb.children)
        ):
            break
        keep = keep | set(verb.subtree)
        verb = head
    return verb, keep


def _needed_anchor(verb, anchor: set) -> set:
    """The anchor phrase's tokens when the line needs them: 'The move comes two years after …',
    'She spoke hours after …' say nothing without it, nor does a subject it is part of ('Events
    since the vote have …'). Otherwise the anchor stays out of the line (it is shown beside it)."""
    if not anchor:
        return set()
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and anchor & set(subject.subtree):
        return anchor
    return set() if any(c.dep_ in COMPLEMENT_DEPS and c not in anchor for c in verb.children) else anchor


def _anchor_clause(tok) -> bool:
    """A clause that orders the event ('after the vote was held', 'since she left office')."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ANCHOR_PREPS for c in tok.children)


def _clause_span(
    verb, keep: set, in_quote: Callable[[int], bool] = lambda offset: False
) -> tuple[int, int, list[tuple[int, int]]]:
    """Character span of the verb's clause: its subtree without other clauses, cut to MAX_WORDS words.
    ``keep``: tokens kept though in another clause (an anchor the line needs, a lifted participle).
    ``in_quote(offset)``: whether an offset is quoted; quoted words before a speech verb ('“…,” Roe
    said on Friday') are the quotation's, not the line's. Also returns the asides a long line leaves
    out, as character spans ('Roe, who …, said' shows as 'Roe … said')."""
    subject_first = any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)
    cut: set = {
        t
        for c in verb.children
        if subject_first and c.i < verb.i and c.dep_ in ("ccomp", "parataxis") and in_quote(c.idx)
        for t in c.subtree
    }
    keep = keep | _needed_anchor(verb, {t for c in verb.children if _anchor_clause(c) for t in c.subtree})
    # a purpose ('brought her brother to vouch for her') finishes the line
    keep = keep | {t for c in verb.children if c.dep_ == "advcl" and c.left_edge.lower_ == "to" for t in c.subtree}
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS - {"punct", "cc", "conj"} and c not in keep]
    # a coordinated verb with its own subject is another event; 'reimposed and tightened sanctions' is one
    clauses += [c for c in verb.children if c.dep_ == "conj" and any(g.dep_.startswith("nsubj") for g in c.children)]
    if any(c.dep_ == "conj" for c in clauses):
        clauses += [c for c in verb.children if c.dep_ == "cc"]
    for child in clauses:
        cut.update(child.subtree)
    cut.discard(verb)  # an anchor phrase can hang off the verb's own head: the verb still makes the event
    tokens = sorted((t for t in verb.subtree if t not in cut), key=lambda t: t.i)
    # the contiguous run around the verb
    idx = [t.i for t in tokens]
    pos = idx.index(verb.i)
    lo = hi = pos
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    run = tokens[lo : hi + 1]
    while run and run[0].i != verb.i:
        # leading punctuation, conjunctions and discourse adverbs ('However,') belong to the sentence, not the event
        if run[0].is_punct or run[0].dep_ in ("cc", "mark") or (run[0].tag_ == "WRB" and run[0].head.i == verb.i):
            run = run[1:]
        elif run[0].dep_ in ("advmod", "intj") and len(run) > 2 and run[1].text == "," and run[1].i != verb.i:
            run = run[2:]
        else:
            break
    while run and run[-1].is_punct and run[-1].i != verb.i and run[-1].text not in ("”", '"', "’"):
        run = run[:-1]
    words = [t for t in run if not t.is_punct]
    gaps: list[tuple[int, int]] = []
    if len(words) > MAX_WORDS + SLACK_WORDS:
        # a long line first loses the asides on its subject ('Roe, who …, said' reads 'Roe … said')
        asides = [a for a in _asides(verb) if a[0] in run and a[-1] in run]
        gaps = [(a[0].idx, a[-1].idx + len(a[-1])) for a in asides]
        dropped = {t for a in asides for t in a}
        words = [t for t in words if t not in dropped]
    if len(words) > MAX_WORDS + SLACK_WORDS:
        gaps = []
        before = [t for t in words if t.i < verb.i]
        first = before[-min(len(before), WORDS_BEFORE_VERB)] if before else verb
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subject is not None and subject.left_edge in run:
            first = subject.left_edge  # start at the subject, not inside a phrase before it or in it
            held = [t for t in run if t in keep and t.i < first.i]
            if held:
                first = held[0]  # 'Speaking after talks on Tuesday, Roe said …': the words that date it stay
        kept = [t for t in words if t.i >= first.i][:MAX_WORDS]
        last = verb.doc[_phrase_end(verb, kept[-1].i, cut)]
        run = [t for t in run if first.i <= t.i <= last.i]
        while (
            run
            and run[-1].i != verb.i
            and (
                (run[-1].is_punct and run[-1].text not in ("”", '"', "’", ")")) or run[-1].dep_ in ("cc", "prep", "det")
            )
        ):
            run = run[:-1]  # a cut line ends on a word, not on 'and', 'of' or 'the'

    doc = verb.doc
    start = run[0].idx
    end = run[-1].idx + len(run[-1])
    # keep quotation marks balanced: drop a lone closing mark
    text = text_of(doc)[start:end]
    if (text.endswith("”") and "“" not in text) or (text.endswith('"') and text.count('"') == 1):
        end -= 1
    elif text.count("“") > text.count("”") and text_of(doc)[end : end + 1] == "”":
        end += 1  # close a quotation the excerpt opened
    elif text.count('"') % 2 == 1 and text_of(doc)[end : end + 1] == '"':
        end += 1
    return start, end, [(a, b) for a, b in gaps if start < a and b < end]


def _asides(verb) -> list[list]:
    """Asides on the verb's subject, after its head: 'Roe, who …,', 'Roe, facing …,', 'a study by
    … of …' (each with the commas around it)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None:
        return []
    doc = verb.doc
    long_subject = subject.i - subject.left_edge.i + subject.right_edge.i - subject.i > 6
    out = []
    for c in subject.children:
        if c.i < subject.i or not (c.dep_ in ("relcl", "appos", "acl") or (c.dep_ == "prep" and long_subject)):
            continue
        lo, hi = c.left_edge.i, c.right_edge.i
        if lo > 0 and doc[lo - 1].text == ",":
            lo -= 1
        if hi + 1 < verb.i and doc[hi + 1].text == ",":
            hi += 1
        out.append(list(doc[lo : hi + 1]))
    return out


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def _says_who(verb, start: int, end: int) -> bool:
    """The event's line names who or what acts: the verb's subject is inside it (a relative clause,
    a participle or an infinitive without one is a fragment on a timeline, read alone)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if verb.dep_ == "relcl" or any(
        c.lower_ in wordset("pronouns.relative") and c.tag_.startswith("W") for c in subjects
    ):
        return False
    if subjects:
        return True  # inside the line, or before a line cut for length
    # A participle or a second verb shares its clause's subject ('Speaking after talks on Tuesday,
    # Roe said …', 'arrested the man, charged him and released him'): the event stands when the
    # first verb of the chain names one.
    head = verb
    for _ in range(6):
        if head.dep_ not in ("advcl", "conj", "xcomp") or head.head.i == head.i:
            return False
        head = head.head
        if any(c.dep_ in _SUBJECTS for c in head.children):
            return any(c.dep_ in _SUBJECTS and c.pos_ in ("PROPN", "NOUN") for c in head.children)
    return False


def _phrase_end(tok, limit: int, cut: set) -> int:
    """The last token index <= limit where a phrase under ``tok`` ends (never inside a phrase)."""
    end = tok.i
    for child in tok.children:
        if child.i < tok.i or child in cut:
            continue
        if child.right_edge.i <= limit:
            end = max(end, child.right_edge.i)
            continue
        # cut inside a phrase only where what is kept still reads as one ('a leading group', not 'a sign of')
        if child.i <= limit and child.dep_ not in ("appos", "conj", "cc", "punct", "parataxis", "advcl", "relcl"):
            inner = _phrase_end(child, limit, cut)
            if not (inner == child.i and child.pos_ in FUNCTION_POS):
                end = max(end, inner)
        break
    return end


def _actors(actors: list[Actor], paragraph: int, start: int, end: int, verb) -> tuple[str, ...]:
    """Actors mentioned inside the event's excerpt, plus the main clause's subject of a participle ('Speaking ..., Mr X said')."""
    ids: list[tuple[int, str]] = []  # (offset of the first mention, actor id)
    seen: set[str] = set()
    for actor, m in overlapping(actors, paragraph, start, end):
        if actor.id not in seen:
            seen.add(actor.id)
            ids.append((m.start, actor.id))
    ordered = [a for _, a in sorted(ids)]
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if not has_subject and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
        for c in verb.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                a = actor_at(actors, paragraph, c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
                if a and a.id not in ordered:
                    ordered.append(a.id)
    return tuple(dict.fromkeys(ordered))
