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
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..lexicon import alternation, month_numbers, wordset
from ..model import Actor, Article, Event, Quote, TimeValue
from .common import actor_at, overlapping, text_of
from .event_lines import Context, clause_children, foretelling, not_an_event, read_event
from .event_span import ANCHOR_PREPS, clause_span, frame, lift_participle, needed_anchor, opens_an_anchor_clause
from .quotes_cues import is_cue
from .timex import find_timexes
from .timex_anchor import anchor_timexes
from .timex_calendar import HOLIDAYS, UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ANCHOR_WORDS = 12
PAST_ADVERBS = re.compile(r"(?i)(?:recently|lately|(?:in\s+)?recent\s+(?:days|weeks|months|years))$")


def extract_events(article: Article, docs: list, actors: list[Actor], quotes: Sequence[Quote] = ()) -> list[Event]:
    """Dated and anchored events in text order, ids e1, e2, ...

    How each reads, or why it is background, comes from :mod:`.event_lines`; ``quotes`` tell it
    which words are quoted."""
    # paragraph, start, end, date, verb index, doc, asides left out
    found: list[tuple[int, int, int, TimeValue, int, Doc, list[tuple[int, int]]]] = []
    # references back ('the following day') count from the last date before them, across paragraphs
    timexes = anchor_timexes(
        [find_timexes(doc, article.published, paragraph=n) for n, doc in enumerate(docs, start=1)],
        article.published,
        [text_of(doc) for doc in docs],
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
            prep = _preposition_of(span) if anchor_tok is None else None
            if prep is not None and prep.lower_ == "since" and _a_comparison(prep):
                continue  # 'the cheapest fares since 1999': the date is what they are compared with
            if prep is not None and prep.lower_ == "of" and _generic_unit(tv, prep):
                continue  # 'the days of the week': no date at all
            if prep is not None and prep.lower_ in ("before", "after") and tv.value is not None and not _measured(prep):
                tv = _ordered_against(tv, prep, doc)  # 'before 1999': the event is ordered against the date
            verb = _governing_verb(anchor_tok if anchor_tok is not None else span.root, span)
            if verb is None:
                continue
            outer = next((t for t in _up_to(span, verb) if t.dep_ == "prep" and t.lower_ in ("before", "after")), None)
            if outer is not None and not _of_something(outer):
                outer = None  # 'spoke after a rally Tuesday': wire style for the rally's day, the act's too
            if (
                anchor_tok is None
                and outer is not None
                and outer.i < span.start
                and prep is None
                and tv.value is not None
            ):
                # 'After the sale of the mill May 2, the town hired …': after the thing the date names
                # (not 'Speaking after talks on Tuesday, …', where the date has its own preposition)
                tv = _ordered_against(tv, outer, doc)
            if _years_apart(verb) and not re.search(r"\b\d{4}\b", tv.phrase):
                continue  # 'a decade after the mill burned down on Boxing Day': not the last Boxing Day
            if (
                _of_what_was_said(span, verb)
                or _dates_a_thing(span, verb)
                or _compared_thing(span, verb)
                or _looked_back_at(span, verb)
                or _what_came_before(span, verb)
                or _topic_of(span, verb)
                or _foretold(span, verb)
            ):
                continue  # 'praised the firm's 1998 merger': the date is the merger's, not the praise's
            if in_quote(tv.offset) and not in_quote(verb.idx) and is_cue(verb):
                continue  # 'Roe said: “ten years ago we had nothing”': the quotation's time does not date the saying
            anchor: set[Token] = set(anchor_tok.subtree) if anchor_tok is not None else set()
            if opens_an_anchor_clause(verb, span):
                verb = verb.head  # 'Three weeks after the fire, Roe visited …': the event is the visit
            verb, keep = lift_participle(verb, set())
            keep |= needed_anchor(verb, anchor)
            # one event per verb: a second expression on the same verb only refines its date (and
            # an anchor it brings joins the line: 'Sunday's vote comes after …')
            if verb.i in seen_verbs:
                k = seen_verbs[verb.i]
                if found[k][3].value is None and tv.value is not None:
                    found[k] = (*found[k][:3], tv, *found[k][4:])
                elif (day := _in_year(found[k][3], tv) or _in_year(tv, found[k][3])) is not None:
                    found[k] = (*found[k][:3], day, *found[k][4:])
                if keep & anchor:
                    start, end, gaps = clause_span(verb, keep, in_quote)
                    found[k] = (found[k][0], frame(verb, start, in_quote), end, *found[k][3:6], gaps)
                continue
            if _surfacing_claim(verb):
                continue  # 'rumours spread that the ferry sank on 3 May': when the claims came is not told
            start, end, gaps = clause_span(verb, keep, in_quote)
            framed = frame(verb, start, in_quote)
            if not (framed < start and verb.head.i in seen_verbs):
                # (A report the line already dates frames no line of another date: 'On Monday Roe
                # said that the ferry sank on Friday' gives the sinking, unframed, on Friday.)
                start = framed
            if not _says_who(verb, start, end):
                continue  # 'which holds a primary in April', 'capped by a win on Tuesday': no one acts
            if not_an_event(verb, span):
                continue  # 'if the launch goes well next month', 'as the new year arrived'
            seen_verbs[verb.i] = len(found)
            found.append((n, start, end, tv, verb.i, doc, gaps))
    ctx = Context(docs, actors, quoted, quotes)
    events = []
    for i, (n, start, end, tv, verb_i, doc, gaps) in enumerate(sorted(found, key=lambda f: (f[0], f[1])), start=1):
        text = text_of(doc)[start:end]
        when = (tv.offset, tv.offset + len(tv.phrase))
        reading = read_event(doc[verb_i], start, end, n, text, ctx, gaps, when)
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


def _of_something(prep) -> bool:
    """The noun after 'after'/'before' has its own complement ('after the close of the inquiry')."""
    return any(g.dep_ == "prep" and g.lower_ == "of" for c in prep.children if c.dep_ == "pobj" for g in c.children)


def _ordered_against(tv: TimeValue, prep, doc) -> TimeValue:
    """The expression as the point an event comes before or after, from the preposition on, with no
    date of its own."""
    end = tv.offset + len(tv.phrase)
    return replace(
        tv,
        value=None,
        start=None,
        end=None,
        granularity=None,
        phrase=text_of(doc)[prep.idx : end],
        offset=prep.idx,
        modifier=ANCHOR_PREPS[prep.lower_],
    )


def _preposition_of(span):
    """The preposition right before a time expression whose object is in it ('since [May last
    year]'), or None: only one next to it, never one the parse hangs it from further away."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ in ("ADP", "SCONJ") and any(t.head.i == before.i for t in span):
        return before
    return None


def _measured(prep) -> bool:
    """A length of time right before the preposition ('ten days before', 'the day after'): the
    phrase is one date already, read as before."""
    prev = prep.doc[prep.i - 1] if prep.i > 0 else None
    return prev is not None and prev.pos_ == "NOUN" and prev.lemma_.lower() in UNITS


def _years_apart(verb) -> bool:
    """The verb's clause is set weeks or more from the sentence's ('a decade after the mill burned
    down on Boxing Day'): a date in it without its year is counted from publication, which that
    clause is not."""
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before", "since")]
    return bool(marks) and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_UNITS and c.i < marks[0].i for c in verb.children
    )


# a week or more apart; 'two days after … on Monday' keeps its Monday
_LONG_UNITS = frozenset({"week", "fortnight", "month", "year", "decade", "century"})


def _a_comparison(since) -> bool:
    """'since' measures from its date a superlative or an ordinal before it, on a verb in no
    perfect tense ('sold at the cheapest fares since', 'the first time since'); not a state that
    lasts since then ('has led the largest union since 2019')."""
    head = since.head
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in head.children):
        return False
    words = [head, *(t for t in head.subtree if head.i < t.i < since.i or t.head.i == head.i)]
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("first", "last") for t in words if t.i < since.i)


def _generic_unit(tv: TimeValue, of) -> bool:
    """'the days of the week': a unit after 'of' and a bare plural noun names no date (not 'the
    first night of the year', 'the final weeks of the year')."""
    words = tv.phrase.lower().split()
    noun = of.head
    return (
        len(words) == 2
        and words[0] == "the"
        and noun.tag_ == "NNS"
        and not any(c.dep_ in ("amod", "nummod", "compound") for c in noun.children)
        and tv.granularity in ("year", "month", "week", "day")
    )


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
        if tok.dep_ == "mark" and tok.lower_ == "since" and (_causal_since(tok.head) or _ranked_before(tok)):
            continue  # 'keeps the old route since she trusts no other pilot': because, not a time
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


def _ranked_before(since) -> bool:
    """'his first match since Lee broke her wrist', 'the highest since she took over': the clause
    measures a rank or a superlative, no time of the act."""
    words = since.doc[max(0, since.i - 4) : since.i]
    return any(t.tag_ in ("JJS", "RBS") and t.dep_ != "advmod" or t.lower_ in ("first", "last") for t in words)


def _causal_since(clause) -> bool:
    """A 'since' clause hung on a verb in the simple present or with a modal ('keeps it since she
    trusts no one', 'will win since she leads'): 'since' means because. A time from which
    ('has grown since she took over') goes with a perfect tense."""
    main = clause.head
    if main.i == clause.i or main.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in main.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxes) or main.lemma_ == "have" and main.tag_ in ("VBZ", "VBP"):
        return False
    return main.tag_ in ("VBZ", "VBP") or any(a.tag_ == "MD" for a in auxes)


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
            # 'hoped to sell the boat and buy a van in May': the second of two verbs under an
            # infinitive reads from the same verb as the first (a later date on it only refines)
            if (
                tok.dep_ == "conj"
                and tok.head.dep_ == "xcomp"
                and tok.head.head.pos_ in ("VERB", "AUX")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            ):
                return tok.head.head
            # 'she has doubled', the parse making 'has' the head: the event is the main verb's
            if tok.dep_ in ("aux", "auxpass") and tok.head.pos_ == "VERB":
                return tok.head
            return tok
        if tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


# Verbs that speak of something: a date that modifies their object dates that thing, not the act.
_SPEAKING_OF = wordset("speech_verbs") | wordset("naming_verbs")
_SPOKEN_TO = wordset("spoken_to_verbs")


def _root(span):
    """The expression's head word, a determiner the parse hung elsewhere left out ('[the afternoon]
    launch', where 'the' is the launch's)."""
    inside = range(span.start, span.end)
    return next((t for t in span if t.head.i not in inside and t.dep_ != "det"), span.root)


def _attributive(span) -> bool:
    """The expression modifies a noun ('the 1998 merger', 'Monday's rally')."""
    root = _root(span)
    return root.dep_ in ("compound", "nmod", "nummod", "poss", "amod") and root.head.pos_ in ("NOUN", "PROPN")


def _head_noun(noun):
    """The head of a run of nouns ('the council's 1998 harbour merger': 'merger')."""
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _determined(span, noun) -> bool:
    """A determiner or an owner before the date ('the 1998 merger', 'Roe's 2008 memoir'); wire style
    writes none for a day ('announced Tuesday sanctions on …' for 'announced on Tuesday')."""
    # (The parse may hang the determiner on the date: 'the [June 3, 2011,] fires'; the phrase may
    # hold it: '[the afternoon] launch'.)
    root = _root(span)
    return root.dep_ == "poss" or any(
        c.dep_ in ("det", "poss") and c.i < root.i for c in (*noun.children, *root.children)
    )


def _of_what_was_said(span, verb) -> bool:
    """The expression modifies a noun the verb speaks of ('praised the firm's 1998 merger', 'dubbed
    it the “summer deal”', 'discussed the 2015 budget'): the object's date, not the saying's."""
    if not _attributive(span) or verb.lemma_.lower() not in _SPEAKING_OF:
        return False
    noun = _head_noun(_root(span).head)
    if not _determined(span, noun):
        return False
    if noun.dep_ in ("dobj", "attr", "oprd"):  # not 'told the May 3 rally': the ones spoken to
        return noun.head.i == verb.i and verb.lemma_.lower() not in _SPOKEN_TO
    # 'described it as the …', 'spoke about the …'; not 'said at the May 3 rally'
    return noun.dep_ == "pobj" and noun.head.lower_ in ("as", "about", "of") and noun.head.head.i == verb.i


# Prepositions that set an act inside a dated thing ('spoke at Monday's rally', 'in a 2013 memo').
_SETTING = frozenset({"in", "at", "during", "on", "throughout"})
_EVIDENCE = wordset("evidence_verbs")  # 'figures show', 'a study suggests'
_OCCASIONS = wordset("occasion_nouns")
_ORDERING = wordset("ordering_verbs")
_CLAIM_NOUNS = wordset("speech_nouns") | wordset("surfacing.claims")
_SURFACING = wordset("surfacing.verbs")
_SAID_IN = _OCCASIONS | wordset("channel_nouns") | wordset("publication_nouns")  # where words are said


# A day named by its month or as a holiday (not a weekday or 'yesterday'): it has a date in any year.
_MONTH_OR_HOLIDAY = re.compile(rf"\b(?:{alternation(month_numbers())}|{alternation(HOLIDAYS)})\b", re.IGNORECASE)


def _in_year(day: TimeValue, year: TimeValue) -> TimeValue | None:
    """'three years ago, on Christmas Eve, a fire destroyed …': a day written without its year, on a verb that a
    year-level expression also dates, is that day of that year (None when the two do not combine)."""
    if day.value is None or year.value is None or year.granularity != "year" or day.granularity != "day":
        return None
    if re.search(r"\b\d{4}\b", day.phrase) or not re.fullmatch(r"\d{4}-\d\d-\d\d", day.value):
        return None
    if not _MONTH_OR_HOLIDAY.search(day.phrase):
        return None  # 'on Monday', 'yesterday': days counted from publication, whatever the year said
    value = year.value + day.value[4:]
    try:
        date.fromisoformat(value)
    except ValueError:
        return None  # 29 February of a year without it
    return replace(day, value=value, start=value, end=value, inferred=True)


def _dates_a_thing(span, verb) -> bool:
    """The expression modifies a noun that is neither the verb's subject nor where it took place
    ('blamed for the 2011 floods', 'sent an October 2 notice', 'her 2008 memoir'): it dates
    that thing, not the act. ('A 2009 study found …', 'said at Monday's rally': the act is the dated
    thing's or inside it; 'announced Tuesday sanctions': wire style for 'announced on Tuesday', no
    determiner before the date.)"""
    root = _root(span)
    if root.dep_ == "pobj" and root.head.lower_ == "for" and _for_what(root.head):
        return True  # 'chose Poe as its nominee for 2026', 'the budget for 2017': what it is for
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "PROPN":
        noun = _head_noun(root.head.head)  # 'the Harbour Act of 1997': a year in a name
    elif _attributive(span) and _determined(span, root.head):
        noun = _head_noun(root.head)
    else:
        return False
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i:
        # 'A 2009 study found', 'next month's launch will be': the thing dated acts; not 'Last
        # year's figures show', evidence read today
        return verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in _EVIDENCE
    if noun.dep_ == "dobj" and noun.head.i == verb.i and verb.lemma_.lower() in _SPOKEN_TO:
        return False  # 'told the May 3 rally': the ones spoken to, where it was said
    if noun.dep_ == "dobj" and noun.head.i == verb.i and noun.lemma_.lower() in _OCCASIONS:
        return False  # 'won Tuesday's election', 'attended Monday's meeting': the act is the occasion's
    prep = noun.head
    if not (noun.dep_ == "pobj" and prep.lower_ in _SETTING and prep.head.i == verb.i):
        return True
    # 'said in a 2013 memo', 'spoke at Monday's rally': said inside the dated thing; but 'denied any
    # part in the 2011 fires' (the parse hanging 'in' on the verb, not on its object) speaks of it.
    return (
        prep.lower_ == "in"
        and verb.lemma_.lower() in _SPEAKING_OF
        and any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children)
        and noun.lemma_.lower() not in _SAID_IN
    )


def _foretold(span, verb) -> bool:
    """The expression is inside what a verb of foretelling hopes for or expects ('hoped for a win in
    the primary on Tuesday'), not the verb's own time ('expected on Monday that …')."""
    if not foretelling(verb):
        return False
    root = _root(span)
    attached = root.head.head if root.dep_ == "pobj" else root.head
    return attached.i != verb.i and verb.is_ancestor(root)


def _for_what(prep) -> bool:
    """'for' with a date says what a thing or a past choice is for, hung on a noun ('the budget for
    2017') or on a past verb with an object ('chose Poe as its nominee for 2026'); not a day
    something is set for ('the vote was set for Tuesday')."""
    head = prep.head
    if head.pos_ == "NOUN":
        return True
    return head.tag_ == "VBD" and any(c.dep_ == "dobj" for c in head.children)


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def _surfacing_claim(verb) -> bool:
    """The dated clause is what claims or reports say, hung on a verb that only tells they came out
    ('rumours spread online that …', 'reports surfaced that …'): the line would read as the
    claims' date."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_.lower() not in _SURFACING:
        return False
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma_.lower() in _CLAIM_NOUNS


def _compared_thing(span, verb) -> bool:
    """The expression is inside what something is likened to or set apart from ('storms like those of
    June 2011 never again', 'lost for decades, with the exception of a title in 2011'): it dates that
    other thing."""
    return any(
        t.dep_ == "prep" and t.lower_ in ("like", "unlike", "except", "besides") or t.lemma_ == "exception"
        for t in _up_to(span, verb)
    )


def _looked_back_at(span, verb) -> bool:
    """'Thinking back to 2009, Roe said …': the time a participle looks back at, not the act's."""
    return any(t.lower_ == "back" and t.head.tag_ == "VBG" and t.head.dep_ == "advcl" for t in _up_to(span, verb))


_TOPIC = wordset("topic_prepositions")
_PUBLISHED_IN = wordset("channel_nouns") | wordset("publication_nouns")


def _topic_of(span, verb) -> bool:
    """The expression modifies a noun inside what the act is about or against ('dwelt on the firm's
    2009 merger', 'raised doubts about a clause in a 2012 lease'); not a time of its own
    that the parse hung there ('spoke about the ferry on Wednesday')."""
    if not _attributive(span) or _head_noun(_root(span).head).lemma_.lower() in _PUBLISHED_IN:
        return False  # 'appeared on Sunday's edition', 'spoke on Monday's call': where it happened
    return any(t.dep_ == "prep" and t.lower_ in _TOPIC for t in _up_to(span, verb))


def _up_to(span, verb):
    """The words from the expression's head up to the verb, the verb left out."""
    tok = span.root
    while tok.i != verb.i and tok.head.i != tok.i:
        yield tok
        tok = tok.head


def _what_came_before(span, verb) -> bool:
    """'the cuts followed floods in June 2011': a date inside the object of a verb of order dates
    that earlier thing, the act comes after it ('followed a loss in 2015 with a profit in 2016':
    one act after another, each dated; 'followed the car on Tuesday': the date is the act's)."""
    if verb.lemma_.lower() not in _ORDERING or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and (c.i == span.root.i or c.is_ancestor(span.root)) for c in verb.children)


def _says_who(verb, start: int, end: int) -> bool:
    """The event's line names who or what acts: the verb's subject is inside it (a relative clause,
    a participle or an infinitive without one is a fragment on a timeline, read alone)."""
    subjects = [c for c in clause_children(verb) if c.dep_ in _SUBJECTS]
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
