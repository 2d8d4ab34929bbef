"""Where a timeline event's line starts and ends in its paragraph (for :mod:`.timeline`).

The line is the event verb's clause: its subtree without other clauses, kept whole up to a length,
with what it needs to say something ('The move comes two years after …'), who said or made clear
the clause ('Roe said the launch will be …'), and a participle read in the clause that names who
acts. A long line first leaves out the asides on its subject ('Roe, who …, said' reads 'Roe … said'),
then is cut at a phrase's end, never inside a phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from .common import text_of
from .event_lines import clause_children, finite

MAX_WORDS = 28
SLACK_WORDS = 10  # a clause a few words over the limit is kept whole rather than cut mid-phrase
WORDS_BEFORE_VERB = 16
FRAME_WORDS = 8  # 'Roe said', 'the ministry made clear that': who said or thought the clause, at most
ANCHOR_PREPS = {"after": "AFTER", "before": "BEFORE", "since": "SINCE"}
# Children of the event verb that start another clause: cut off so the excerpt stays one event.
CLAUSE_DEPS = {"advcl", "relcl", "conj", "parataxis", "cc", "punct", "mark", "preconj"}
FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "PRON"}
# What a verb's line needs besides its subject to say something ('comes', 'spoke' alone do not).
COMPLEMENT_DEPS = {"dobj", "attr", "acomp", "ccomp", "xcomp", "prep", "dative", "oprd", "agent", "obj"}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def frame(verb, start: int, in_quote: Callable[[int], bool]) -> int:
    """Where the line starts when the clause is what someone said, thought or made clear ('Roe said
    the launch will be exciting'): at that someone, when named in a few words before it."""
    head = verb.head
    if verb.dep_ in ("ccomp", "acl") and head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr"):
        head = head.head  # 'made the point that …', 'there is a chance that …'
    elif verb.dep_ != "ccomp":
        return start
    if head.i >= verb.i or head.pos_ not in ("VERB", "AUX") or not head.is_alpha:
        return start  # ('WASHINGTON ― Roe said': a dash the tagger read as a verb)
    subject = next((c for c in clause_children(head) if c.dep_ in (*_SUBJECTS, "expl") and c.i < head.i), None)
    if subject is None or (subject.pos_ == "PRON" and subject.dep_ != "expl") or in_quote(subject.idx):
        return start
    first = subject.left_edge
    if first.idx >= start or len([t for t in verb.doc[first.i : verb.left_edge.i] if not t.is_punct]) > FRAME_WORDS:
        return start
    return first.idx


def lift_participle(verb, keep: set) -> tuple:
    """A participle without a subject ('Speaking on Friday, Roe said …', 'has been organizing and
    raising money since 2014'), or a bare infinitive ('helping the mill reach record output in May'),
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


def opens_an_anchor_clause(verb, span) -> bool:
    """The expression opens an adverbial clause that orders the main one ('Two days after the storm
    hit the coast, …', 'A week before she left, …'): it dates the main clause, not the storm."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
        return False
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ANCHOR_PREPS), None)
    if mark is not None:
        return span.end <= mark.i
    return span.start <= verb.left_edge.i and any(t.lower_ in ANCHOR_PREPS for t in span)


def needed_anchor(verb, anchor: set) -> set:
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


def clause_span(
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
    keep = keep | needed_anchor(verb, {t for c in verb.children if _anchor_clause(c) for t in c.subtree})
    # a purpose ('hired a lawyer to draft the will') finishes the line
    keep = keep | {t for c in verb.children if c.dep_ == "advcl" and c.left_edge.lower_ == "to" for t in c.subtree}
    # what the parse hung on an auxiliary ('she has doubled', 'has' the head) is the verb's too
    children = clause_children(verb)
    clauses = [c for c in children if c.dep_ in CLAUSE_DEPS - {"punct", "cc", "conj"} and c not in keep]
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
    while (
        run
        and run[-1].i != verb.i
        and ((run[-1].is_punct and run[-1].text not in ("”", '"', "’")) or run[-1].dep_ in ("cc", "preconj"))
    ):
        run = run[:-1]  # 'on the rise in May and': a line ends on a word, not on 'and' or a comma
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
    doc = verb.doc
    out: list[list] = []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None:
        return out
    long_subject = subject.i - subject.left_edge.i + subject.right_edge.i - subject.i > 6
    for c in subject.children:
        if c.i < subject.i or not (c.dep_ in ("relcl", "appos", "acl") or (c.dep_ == "prep" and long_subject)):
            continue
        lo, hi = c.left_edge.i, c.right_edge.i
        words = [t for t in doc[lo : hi + 1] if not t.is_punct]
        if c.dep_ == "prep" and any(t.like_num or t.ent_type_ in ("DATE", "TIME") for t in words):
            continue  # 'in 2009': the date, no aside
        if c.dep_ == "appos" and not (lo > 0 and doc[lo - 1].text == ","):
            continue  # an apposition is an aside when set off by a comma
        if len(words) < 2:
            continue
        if lo > 0 and doc[lo - 1].text == ",":
            lo -= 1
        if hi + 1 < verb.i and doc[hi + 1].text == ",":
            hi += 1
        if out and lo <= out[-1][-1].i + 1:
            out[-1] = list(doc[out[-1][0].i : max(hi, out[-1][-1].i) + 1])  # asides that touch are one
        else:
            out.append(list(doc[lo : hi + 1]))
    return out


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
