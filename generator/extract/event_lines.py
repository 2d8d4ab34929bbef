"""How a timeline event reads: on the timeline, in its folded background, or not at all.

The clause a date anchors is not always an event a reader can use alone:

* **not an event**: a hypothetical or a question ('if the launch goes well next month',
  'asked whether she would run in May'), or a clause whose subject is the date itself
  ('as the new year arrived');
* **background** (kept, folded under the timeline, with why): a figure or a comparison
  ('there were 40 break-ins last year', 'up 12 percent this year', 'up from 3 in 8 in 1990'),
  words inside a direct quotation (the Quotes page gives them with their speaker), and a subject
  the reader cannot place: a first-person 'I' or 'we' outside a quotation, or a pronoun no earlier
  name fits;
* **a pronoun subject** the text ties to a named actor reads with the name in brackets:
  '[Jane Roe] praised the plan on Monday'. The excerpt itself (``Event.text``) is unchanged.

The word lists are data (generator/resources/en/words.yml: hypothetical_marks, comparison_phrases).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..lexicon import THIRD_PERSON, determiner_subjects, pronouns, verb_forms, wordlist, wordset
from ..model import Actor, Mention
from .common import actor_at
from .quotes_coref import PERSON_NOUNS, PRONOUNS, resolve_pronoun
from .quotes_cues import REPORT_VERBS, np_tokens
from .speakers import named_body, nominal_antecedent, role_heads_of

HYPOTHETICAL = wordset("hypothetical_marks")
COMPARISONS = tuple(tuple(p.split()) for p in wordlist("comparison_phrases"))
CHANGE_WORDS = wordset("change_adverbs")
OWNERS = determiner_subjects(*THIRD_PERSON)  # 'his plan': 'he'
FIRST_PERSON = pronouns("first_singular", "first_plural", cases=("subject",))
# 'my', 'me', 'us' too; not 'our', which names ('the Our Town Fund') and columns ('our nearest
# star') use for everyone
FIRST_PERSON_ALL = pronouns("first_singular") | pronouns("first_plural", cases=("subject", "object"))
_SUBJECTS = ("nsubj", "nsubjpass", "expl")
FINITE = {"VBD", "VBZ", "VBP", "MD"}
DEMONSTRATIVES = wordset("pronouns.demonstrative")
FIGURE_VERBS = wordset("figure_verbs")
AMOUNT_WORDS = wordset("amount_units")
COMPARATIVES = wordset("amount_comparatives")
QUOTE_WORDS = 20  # a statement's quoted words shown on its line (up to ten more to end them)
LIST_BULLETS = tuple(wordlist("list_bullets"))
SAYING = wordset("speech_verbs.common") - wordset("speech_verbs.with_object")  # said, told, wrote; not announced


@dataclass
class Context:
    """What reading a line needs besides its clause: the article's parses, actors and quotes.
    ``quoted(paragraph, offset)`` says whether an offset lies inside a direct quotation."""

    docs: list
    actors: list[Actor]
    quoted: Callable[[int, int], bool]
    quotes: Sequence = ()
    _role_heads: dict | None = None

    @property
    def role_heads(self) -> dict:
        """Per named person, the words the text gave as its role (worked out once, when first needed)."""
        if self._role_heads is None:
            self._role_heads = role_heads_of(self.docs, self.actors)
        return self._role_heads


@dataclass(frozen=True)
class Reading:
    """What the event stage makes of a clause: ``reads`` ('' = the excerpt as it is), the actor a
    pronoun subject names (first among the event's actors) and, for background, why."""

    reads: str = ""
    actor: str | None = None
    background: str = ""


def clause_children(verb) -> list:
    """The verb's dependents, with those the parse hung on its auxiliary ('she has doubled …'
    parsed with 'has' as the head of 'she')."""
    return [*verb.children, *(g for c in verb.children if c.dep_ in ("aux", "auxpass") for g in c.children)]


_FORETELLING = verb_forms("prediction_verbs")
_UNREALISED_MODALS = frozenset({"should", "ought"})  # a wish; not a deadline's 'must', nor a 'may' ahead


def _inverted_condition(verb) -> bool:
    """'Had the board not closed the depot in 2009, …', 'Were the vote held in May, …': a condition
    written with its auxiliary before the subject, a thing that did not happen."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    first = ("had", "were", "should")
    if verb.dep_ == "ccomp" and verb.head.lower_ in first and verb.head.dep_ == "advcl":
        # the parse's 'had' as the head, the condition's verb its complement
        return verb.head.i < subject.i and not any(c.dep_ == "mark" for c in verb.children)
    if verb.dep_ != "advcl":
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in first and c.i < subject.i for c in verb.children)


def foretelling(verb) -> bool:
    """A verb of foretelling whose subject foretells ('analysts predict …'): not a schedule ('is
    expected to …'), nor an expectation denied ('few expected …', 'did not expect …')."""
    return (
        bool(_FORETELLING & {verb.lower_, verb.lemma_.lower()})
        and not any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in verb.children)
        and not any(c.dep_ == "nsubj" and c.lower_ in ("few", "nobody", "none", "no") for c in verb.children)
    )


def not_an_event(verb, timex_span) -> bool:
    """A hypothetical or a question ('if …', 'whether …', 'asked how they will vote in May'), or the
    date as the clause's subject."""
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL for c in verb.children):
        return True
    if _inverted_condition(verb):
        return True
    if any(c.dep_ == "aux" and c.lower_ in _UNREALISED_MODALS for c in verb.children):
        return True  # 'the council should sell the mill this year': a wish or a maybe, not what happened
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.i != verb.i and foretelling(verb.head):
        return True  # 'analysts predict that Roe will take the cup': foretold, not done
    if verb.dep_ in ("ccomp", "pcomp", "xcomp", "csubj", "dobj", "pobj") and any(
        c.tag_ in ("WP", "WDT", "WRB", "WP$") and c.i < verb.i for c in verb.children
    ):
        return True  # an embedded question or a free relative: what someone asks, not what happened
    inside = range(timex_span.start, timex_span.end)
    return any(c.dep_ in _SUBJECTS and c.i in inside for c in verb.children)


def read_event(
    verb,
    start: int,
    end: int,
    paragraph: int,
    text: str,
    ctx: Context,
    gaps: list[tuple[int, int]] | None = None,
    when: tuple[int, int] | None = None,
) -> Reading:
    """How the clause of ``verb`` (characters [start, end) of the paragraph, ``text``) reads.

    A statement whose words are a quotation beside the line ('“…,” Roe said on Friday') shows them
    after it.
    ``gaps``: asides (paragraph offsets, after the subject) the line leaves out, shown as '…'.
    ``when``: the date phrase's offsets ('more than last year' makes a comparison, not an event)."""
    shown = text
    for a, b in sorted(gaps or (), reverse=True):
        shown = f"{shown[: a - start].rstrip()} … {shown[b - start :].lstrip(' ,')}"
    reading = _read(verb, start, end, paragraph, shown, ctx)  # offsets into `shown` hold before its gaps
    if not reading.background and when is not None and _compared_date(verb.doc, when):
        reading = Reading(background="a comparison with another time ('more than last year')")
    elif not reading.background and when is not None and _change_since(verb, when):
        reading = Reading(background="a change measured from another time ('down 12 percent since June')")
    line = _balanced(reading.reads or shown)
    if line != text and line != reading.reads:
        reading = Reading(reads=line, actor=reading.actor, background=reading.background)
    if reading.background or verb.lemma_.lower() not in REPORT_VERBS:
        return reading
    if any(c.dep_ in ("ccomp", "xcomp") and start <= c.idx < end for c in clause_children(verb)):
        return reading  # 'said on Friday that …': the line has what was said
    words = _said_words(verb.doc.text, paragraph, start, end, ctx.quotes)
    if words is None:
        lemma = verb.lemma_.lower()
        said_something = any(c.dep_ == "dobj" for c in clause_children(verb)) and lemma != "tell"
        if lemma in SAYING and not said_something:
            return Reading(background="a statement whose words the line does not give ('Roe said')")
        return reading
    return Reading(reads=f"{line}: “{words}”", actor=reading.actor)


def _balanced(line: str) -> str:
    """The line with its quotation marks balanced: a quotation it cuts shown as cut ('“… …”'), one
    it starts inside opened ('“…,” said Roe')."""
    if line.count("“") > line.count("”"):
        return line + " …”"
    if line.count("”") > line.count("“"):
        return "“" + line
    return line + ' …"' if line.count('"') % 2 else line


def _said_words(paragraph_text: str, paragraph: int, start: int, end: int, quotes) -> str | None:
    """The words of a direct quotation just before the line ('“…,” Roe said') or opened by it
    ('Roe said on Friday: “…”'), cut to a line."""
    for q in quotes:
        if q.paragraph != paragraph or q.kind != "direct":
            continue
        # '“…,” Roe said': not a quotation that ended its sentence ('“We won.” Roe left …')
        ended = q.text.rstrip(" “”\"‘’'")[-1:] in (".", "!", "?")
        before = 0 <= start - q.end <= 4 and not ended and not any(c in paragraph_text[q.end : start] for c in ".!?")
        after = 0 <= q.start - end <= 4 and any(c in paragraph_text[end : q.start] for c in ",:")
        if before or after:
            words = q.text.strip(" “”\"‘’'.,").split()
            if not words:
                return None
            if len(words) <= QUOTE_WORDS + 10:
                return " ".join(words)
            # cut after a clause's end ('…, ' or '; ') near the limit, else at the limit
            stop = next((i for i in range(QUOTE_WORDS - 6, QUOTE_WORDS + 6) if words[i][-1] in ",;:"), QUOTE_WORDS - 1)
            return " ".join(words[: stop + 1]).rstrip(",;:") + " …"
    return None


def _read(verb, start: int, end: int, paragraph: int, text: str, ctx: Context) -> Reading:
    actors, quoted = ctx.actors, ctx.quoted
    if quoted(paragraph, verb.idx):
        if _framed_by_a_speaker(verb, start, paragraph, quoted):
            if _it_is(verb):
                return Reading(background="'it is …': no one acts")  # 'Roe said: “It is late in the day …”'
            return Reading()  # the line says who says the words: 'Roe said: “I heard …”'
        return Reading(background="in quoted words (see the Quotes page for who said them)")
    tokens = [t for t in verb.doc if start <= t.idx < end]
    if any(t.text in LIST_BULLETS for t in tokens) or any(b in text for b in LIST_BULLETS):
        return Reading(background="a listing entry, not an event told")
    mine = next(
        (t for t in tokens if t.lower_ in FIRST_PERSON_ALL and not t.ent_type_ and not quoted(paragraph, t.idx)), None
    )
    if mine is not None and mine.text != "US":
        return Reading(background=f"told in the first person ('{mine.text}') outside a quotation")
    if any(c.dep_ == "expl" for c in verb.children) and any(t.like_num for t in tokens):
        return Reading(background="a figure ('there were …'), not an act")
    if _comparison(tokens) or _figure(verb):
        return Reading(background="a figure or a comparison")
    if _a_state(verb):
        return Reading(background="a state that holds, not an act ('remains weak')")
    subject = next((c for c in clause_children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return _shared_subject(verb, start, text, actors, paragraph)
    if not start <= subject.idx < end:
        return Reading()
    if subject.lower_ in DEMONSTRATIVES or any(
        c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in subject.children
    ):
        return Reading(background=f"'{subject.text}' refers back: the line alone does not say to what")
    if subject.pos_ != "PRON":
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in OWNERS), None)
        if owner is None:
            return _described(subject, start, paragraph, text, ctx)
        reading = _pronoun(owner, "’s", start, paragraph, text, ctx, OWNERS[owner.lower_])
        return (
            Reading() if reading.background else reading
        )  # an owner left unnamed still leaves a subject  # 'his plan was …'
    word = subject.lower_
    if word in FIRST_PERSON:
        return Reading(background=f"told in the first person ('{subject.text}') outside a quotation")
    if PRONOUNS.get(word) is None:
        return Reading()
    if _it_is(verb):
        return Reading(background="'it is …': no one acts")
    return _pronoun(subject, "", start, paragraph, text, ctx, PRONOUNS[word])


def _it_is(verb) -> bool:
    return verb.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause_children(verb))


def _a_state(verb) -> bool:
    """'be' with an adjective, in the present or the present perfect ('prices are high', 'the fall
    has been calm'): how things stand, not something that happened."""
    if verb.lemma_ != "be" or not any(c.dep_ == "acomp" for c in verb.children):
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and any(a in ("has", "have") for a in auxes))


def _framed_by_a_speaker(verb, start: int, paragraph: int, quoted) -> bool:
    """Quoted words the line gives with who says them ('Roe said: “I heard a noise at dawn”')."""
    return any(
        t.lemma_.lower() in REPORT_VERBS and start <= t.idx < verb.idx and not quoted(paragraph, t.idx)
        for t in verb.ancestors
    )


def _described(subject, start: int, paragraph: int, text: str, ctx: Context) -> Reading:
    """'The senator from Eastbrook said …': a description whose head the text gave one named person
    as a role before ('Senator Jane Roe'): the line shows the name after it, in brackets."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) or subject.pos_ != "NOUN":
        return Reading()
    m = Mention(paragraph, subject.left_edge.idx, subject.idx + len(subject.text), subject.text)
    words = np_tokens(subject)
    speaker = _speaker_at(m, ctx)  # 'the spokeswoman said': whom the quote's attribution found
    if speaker is not None and speaker.name.lower() not in text.lower():
        cut = words[-1].idx + len(words[-1]) - start
        return Reading(reads=f"{text[:cut]} [{speaker.name}]{text[cut:]}", actor=speaker.id)
    described = " ".join(t.lower_ for t in words if t.dep_ != "det")
    actor = nominal_antecedent(subject, m, ctx.actors, ctx.role_heads)
    if actor is not None and not any(f" {described} " in f" {r.text.lower()} " for r in actor.roles):
        actor = None  # the text gave this person that role in these words ('the former mayor')
    if actor is None and len(words) == 2:
        actor = named_body(subject, m, ctx.actors)  # 'the center' after 'the Eastbrook Center for Policy'
    if actor is None or actor.name.lower() in text.lower():
        return Reading()
    cut = words[-1].idx + len(words[-1]) - start
    return Reading(reads=f"{text[:cut]} [{actor.name}]{text[cut:]}", actor=actor.id)


def _speaker_at(m: Mention, ctx: Context) -> Actor | None:
    """The named actor a quote's attribution gave the speaker written at ``m``, if any."""
    for q in ctx.quotes:
        sm = q.speaker_mention
        if (
            q.speaker
            and not q.speaker_inferred
            and sm is not None
            and sm.paragraph == m.paragraph
            and sm.start <= m.start < sm.end
        ):
            actor = next((a for a in ctx.actors if a.id == q.speaker), None)
            if actor is not None and not actor.described:
                return actor
    return None


def _pronoun(pronoun, ending: str, start: int, paragraph: int, text: str, ctx: Context, want: str) -> Reading:
    """The line with the name a pronoun refers to in brackets ('[Jane Roe] praised …', with
    ``ending`` "’s" for 'her plan'), or background when no name fits without a guess."""
    docs, actors, quoted = ctx.docs, ctx.actors, ctx.quoted
    people = tuple(a.name for a in actors if a.type == "person")
    ante = resolve_pronoun(pronoun, paragraph, docs, quoted, people=people, want=want)
    actor = actor_at(actors, ante.paragraph, ante.head_start, ante.head_end) if ante is not None else None
    if ante is None or actor is None or ((want == "it") == (actor.type == "person") and want != "they"):
        return Reading(background=f"'{pronoun.text}': no earlier name it refers to")
    if ante.paragraph == paragraph and start <= ante.start < pronoun.idx:
        return Reading(actor=actor.id)  # 'Roe made clear that she …': the line names her already
    if not _last_subject_is(ante, pronoun, want, paragraph, docs, quoted) or not _agrees_in_number(
        want, ante, docs, actor
    ):
        return Reading(background=f"'{pronoun.text}': the text does not make clear who or what it is")
    s = pronoun.idx - start
    return Reading(reads=f"{text[:s]}[{actor.name}]{ending}{text[s + len(pronoun.text) :]}", actor=actor.id)


def _agrees_in_number(want: str, ante, docs: list, actor: Actor) -> bool:
    """'they' names a group or a plural ('the deficits', 'officials'), not one body ('the office')."""
    if want != "they":
        return True
    doc = docs[ante.paragraph - 1]
    head = next((t for t in doc if t.idx == ante.head_start), None)
    return actor.type == "group" or (head is not None and (head.tag_ in ("NNS", "NNPS") or head.ent_type_ == "NORP"))


def _compared_date(doc, when: tuple[int, int]) -> bool:
    """The date is what something is compared with ('$5 billion more than last year')."""
    first = next((t for t in doc if t.idx >= when[0]), None)
    if first is None:
        return False
    before = [t.lower_ for t in doc[max(0, first.i - 3) : first.i]]
    if "than" not in before:
        return False
    word = before[before.index("than") - 1] if before.index("than") > 0 else ""
    return word in COMPARATIVES  # '12 tonnes more than last year'; not 'no later than Friday'


def _change_since(verb, when: tuple[int, int]) -> bool:
    """A figure's change measured from the date ('the fare has fallen 12 percent since June'): the date is
    the base of a comparison, not when anything happened."""
    doc = verb.doc
    first = next((t for t in doc if t.idx >= when[0]), None)
    if first is None or first.i == 0 or doc[first.i - 1].lower_ != "since":
        return False
    return any(
        _an_amount(list(c.subtree)) for c in verb.children if c.dep_ in ("dobj", "npadvmod", "attr", "acomp", "advmod")
    )


def _figure(verb) -> bool:
    """A clause that states a figure ('The fee amounted to 4 percent', 'is expected to be
    80 tonnes'): a verb of being or amounting whose complement is an amount."""
    if verb.lemma_.lower() not in FIGURE_VERBS:
        return False
    return any(
        _an_amount(list(c.subtree)) for c in verb.children if c.dep_ in ("attr", "acomp", "dobj", "xcomp", "prep")
    )


def _an_amount(words: list) -> bool:
    """A number with a unit, a scale or a currency ('4 percent', '$5 billion', '80 tonnes')."""
    return any(t.like_num for t in words) and any(t.lower_ in AMOUNT_WORDS or t.text == "$" for t in words)


def _shared_subject(verb, start: int, text: str, actors: list[Actor], paragraph: int) -> Reading:
    """A second verb shares the first one's subject ('The council met in May and on Monday approved
    …'): the line shows that subject in brackets when the excerpt leaves it out."""
    if not finite(verb):
        return Reading()  # 'and raising …', 'and propel …': a participle or an infinitive, no event alone
    unclear = Reading(background="the line does not show who acts")
    if not _right_after_a_conjunction(verb):
        return unclear  # 'and former President Roe will travel': a subject the parse missed
    head = verb
    for _ in range(4):
        if head.dep_ != "conj" or head.head.i == head.i or not finite(head.head):
            return Reading()
        head = head.head
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if subject.idx >= start or subject.pos_ not in ("PROPN", "NOUN") or head.sent != verb.sent:
            return Reading()
        doc = verb.doc
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i != head.i for t in doc[head.i + 1 : verb.i]):
            return unclear  # another clause with its own subject between: the parse's link is a guess
        words = np_tokens(subject)
        doc = verb.doc
        phrase = doc.text[words[0].idx : words[-1].idx + len(words[-1])]
        if len(words) > 8:
            return Reading()
        actor = actor_at(actors, paragraph, subject.idx, subject.idx + len(subject.text))
        return Reading(reads=f"[{phrase}] {text}", actor=actor.id if actor else None)
    return Reading()


def _last_subject_is(ante, pronoun, want: str, paragraph: int, docs: list, quoted) -> bool:
    """Whether the last subject before the pronoun that could be it ('it': no person; 'he', 'she':
    a person) is the antecedent found, or the same pronoun again. A name the resolver reached over
    another subject ('The ferry … Eastbrook Marine … it would sail') is a guess: a line shows no guess."""
    for p in range(paragraph, max(0, ante.paragraph - 1), -1):
        doc = docs[p - 1]
        tokens = [t for t in doc if p != paragraph or t.i < pronoun.i]
        for t in reversed(tokens):
            if t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ in ("WDT", "WP") or quoted(p, t.idx):
                continue
            if t.lower_ in PRONOUNS or t.lower_ in FIRST_PERSON:
                if PRONOUNS.get(t.lower_) == want:
                    continue  # the same pronoun: a link of the same chain
                if want in ("he", "she") and PRONOUNS.get(t.lower_) in ("it", "they"):
                    continue
                return False
            person = t.ent_type_ == "PERSON" or t.lower_ in PERSON_NOUNS
            if want in ("he", "she") and not person and t.pos_ != "PROPN":
                continue  # 'the plan was …': no 'he'
            if want == "it" and person:
                continue
            return p == ante.paragraph and ante.start <= t.idx < max(ante.end, ante.head_end)
    return False


def finite(verb) -> bool:
    """A verb that makes a clause: a tensed form, or any form with a tensed auxiliary."""
    return verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in verb.children)


def _right_after_a_conjunction(verb) -> bool:
    """'… and on Monday approved', '…, but this week announced': between the coordinator and the
    verb only auxiliaries, adverbs and time or place phrases, no noun a subject could be."""
    for t in reversed(verb.doc[max(0, verb.i - 12) : verb.i]):
        if t.dep_ == "cc" or t.text == ";":
            return True
        if t.text == ",":  # a comma that closes an apposition ('…, whose leader, Roe, topped') is no 'and'
            prev = verb.doc[t.i - 1] if t.i > 0 else None
            return prev is not None and not any(a.dep_ == "appos" for a in (prev, *prev.ancestors))
        if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ not in ("pobj", "npadvmod", "compound", "poss"):
            return False
        if t.dep_ in ("compound", "poss") and t.head.dep_ not in ("pobj", "npadvmod"):
            return False
    return False


def _comparison(tokens) -> bool:
    """'up from …', 'compared with …', or a change in a figure ('is up 30 percent', 'down 2%')."""
    words = [t.lower_ for t in tokens]
    for phrase in COMPARISONS:
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            return True
    for i, t in enumerate(tokens[:-1]):
        if t.lower_ in CHANGE_WORDS and t.dep_ in ("advmod", "prt", "acomp"):
            rest = tokens[i + 1 : i + 5]
            if any(r.like_num for r in rest) and any(r.lower_ in ("percent", "%", "per") for r in rest):
                return True
    return False
