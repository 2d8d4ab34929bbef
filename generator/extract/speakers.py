"""Descriptive speakers ("a government spokesperson", "officials") as actors of their own.

The quote stage keeps such a speaker as written; when no actor covers it, this
pass makes one, typed from the phrase's head (a plural head is a group), and
affiliated with the organisation or country the phrase names. The same
description written with another determiner ("a …" / "the …") is one actor.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..article import slugify
from ..lexicon import GENDERED, person_nouns, pronoun_subjects, word_gender, wordlist, wordset
from ..model import Actor, ActorType, Article, Mention, Quote
from .actors_evidence import SPEAKING_TYPES, lowercase_words
from .actors_lexicon import GROUP_HEADS, TITLE_WORDS
from .common import actor_at
from .names import gender, is_given_name
from .quotes_cues import RELATIVES

_DETERMINER = re.compile(r"^(?:(?:even|only|also|just|still|then|now)\s+)?(?:a|an|the|one|another)\s+", re.IGNORECASE)


def _head(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _plural(head) -> bool:
    """'officials', and 'Opponents' opening a sentence, which the tagger may read as a name."""
    if head.tag_ in ("NNS", "NNPS"):
        return True
    word = head.text
    return (
        head.is_sent_start
        and not head.ent_type_
        and word[:1].isupper()
        and word.endswith("s")
        and not word.endswith(wordlist("singular_s_endings"))
    )


def role_heads_of(docs: list, actors: list[Actor]) -> dict[str, tuple[tuple[int, int], set[str]]]:
    """Per named person: where it is first named, and the words that give its role there:
    the head of each role ('secretary' of 'Secretary of State') and the two words before
    any of its mentions ('Evening Desk host Jane Roe'). Computed once per article."""
    out = {}
    for a in actors:
        if a.type != "person" or a.described or not a.mentions:
            continue
        words = {r.text.split(" of ")[0].split()[-1].strip(".,").lower() for r in a.roles if r.text.split()}
        for x in a.mentions:
            doc = docs[x.paragraph - 1]
            span = doc.char_span(x.start, x.end, alignment_mode="expand")
            if span is not None:
                # The words written onto the name ('Evening Desk host Jane Roe'), not those of
                # the phrase before it ('Through a spokesperson, Jane Roe …').
                for t in reversed(doc[max(0, span.start - 2) : span.start]):
                    if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX", "DET", "PRON", "CCONJ", "SCONJ"):
                        break
                    words |= {t.lower_, t.lemma_.lower()}
        out[a.id] = (min((x.paragraph, x.start) for x in a.mentions), words)
    return out


def nominal_antecedent(head, m: Mention, actors: list[Actor], heads: dict) -> Actor | None:
    """The one named person the article gave the description's head noun as a role,
    named before the quote ('the host said'); None if none or several."""
    found = _role_holders(head, m, actors, heads)
    return found[0] if len(found) == 1 else None


def _role_holders(head, m: Mention, actors: list[Actor], heads: dict) -> list[Actor]:
    """The named people the article gave the description's head noun as a role before the quote."""
    words = {head.lower_, head.lemma_.lower()}
    return [a for a in actors if a.id in heads and heads[a.id][0] <= (m.paragraph, m.start) and words & heads[a.id][1]]


def _recent_person(m: Mention, actors: list[Actor], quoted: list[Quote]) -> Actor | None:
    """The one named person mentioned in this paragraph before the description or in the one
    before it, of the gender its words show ('the former first lady'); None if none or several.
    A name inside quotation marks is what someone said, not the writer naming them ('“Nobody works
    harder than Tom Poe,” said the stage actor')."""
    want = next((g for w in m.text.split() if (g := word_gender(w.strip(",")))), None)
    found = []
    for a in actors:
        if a.type != "person" or a.described or len(a.name.split()) < 2:
            continue
        if not any(
            x.paragraph in (m.paragraph, m.paragraph - 1)
            and (x.paragraph, x.start) < (m.paragraph, m.start)
            and not any(q.paragraph == x.paragraph and q.start <= x.start < q.end for q in quoted)
            for x in a.mentions
        ):
            continue
        if want is not None and gender(a.name.split()[0]) not in (want, None):
            continue
        found.append(a)
    return found[0] if len(found) == 1 else None


def _names_someone(m: Mention, head, actors: list[Actor], doc) -> bool:
    """The description names an actor other than its head ('the Vistaria Air spokesman') or an
    owner ('the company's chief executive'): it introduces someone, it does not point back."""
    if any(c.dep_ == "poss" for c in head.children):
        return True
    return any(
        x.paragraph == m.paragraph and m.start <= x.start and x.end <= m.end and not x.start <= head.idx < x.end
        for a in actors
        for x in a.mentions
    )


def named_body(head, m: Mention, actors: list[Actor]) -> Actor | None:
    """'the center said' after 'the Eastbrook Center for Policy': the one organisation named
    before the quote whose name holds the description's head noun; None if none or several
    ('the company' names no company by itself)."""
    words = {head.lower_, head.lemma_.lower()}
    if words & wordset("unanchored_body_nouns"):
        return None
    found = [
        a
        for a in actors
        if a.type == "organisation"
        and not a.described
        and any((x.paragraph, x.start) < (m.paragraph, m.start) for x in a.mentions)
        and any(words & {w.lower().strip(".,") for w in n.split()} for n in (a.name, *a.aliases))
    ]
    return found[0] if len(found) == 1 else None


def _through_description(ante: Mention, docs: list, actors: list[Actor], heads: dict) -> Actor | None:
    """The named actor a definite description ('the bureau', 'the senator') points back at."""
    if not ante.text.lower().startswith("the ") or len(ante.text.split()) != 2:
        return None
    head = _head(docs[ante.paragraph - 1], ante.start, ante.end)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    kind = _speaking_kind(head)
    if kind == "organisation":
        return named_body(head, ante, actors)
    if kind == "person":
        return nominal_antecedent(head, ante, actors, heads)
    return None


# What an actor publishes through: the speaker is its owner, never the channel itself.
_CHANNELS = wordset("channel_nouns")
# Endings of nouns for people by what they do ('attendant', 'resident', 'spokesperson').
_AGENT_ENDINGS = wordlist("agent_noun_endings")


def _named_speaker(m: Mention, lower: frozenset[str], actors: list[Actor]) -> Actor | None:
    """The person a proper-name speaker phrase names: a full name (two to four capitalised
    words, a person's name shape) makes a new person; a family name alone joins the one
    person of the article whose name ends with it."""
    from .actors_evidence import FULL_NAME, SPEAKS, not_a_name

    words = m.text.split()
    why = not_a_name(m.text, lower)
    if why == "a platform" and len(words) == 1:
        return _platform_owner(m, actors)  # 'Vistagram said': the company behind the platform speaks
    if not all(w[:1].isupper() for w in words) or why:
        return None
    if words[0].lower() in ("the", "a", "an", "this", "that", "these", "those"):
        return None  # 'The Example Grand Prix': a name with an article is no person's
    if len(words) == 1:
        same = [a for a in actors if a.type == "person" and len(a.name.split()) > 1 and a.name.split()[-1] == words[0]]
        return same[0] if len(same) == 1 else None
    if not 2 <= len(words) <= 4 or not is_given_name(words[0], 10**9):
        return None  # a new person needs a given name first ('Humane Design' is a slogan)
    return _speaking_actor(m, actors, "person", (FULL_NAME, SPEAKS))


def _owned_person(doc, m: Mention, body: Actor, actors: list[Actor]) -> tuple[str, Actor | None] | None:
    """When the body named in a channel phrase is the owner of a person there, other than its
    spokesperson ('the Example Board's treasurer'): that role, and the one person of the article
    who holds it at that body (None when none or several do). None when the body owns no one there."""
    inside = [t for t in doc if m.start <= t.idx < m.end]
    for tok in inside:
        if tok.dep_ != "poss" or not any(
            x.paragraph == m.paragraph and x.start <= tok.idx < x.end for x in body.mentions
        ):
            continue
        owned = tok.head
        if owned.pos_ != "NOUN" or owned.lemma_.lower() not in person_nouns() or owned.idx >= m.end:
            continue
        if owned.lower_.startswith("spokes"):
            return None  # 'a statement from the board's spokeswoman': the body speaks through her
        words = [t for t in owned.subtree if t.dep_ == "compound" and t.i < owned.i and t.i > tok.i] + [owned]
        role = " ".join(t.lower_ for t in words)

        holders = [
            a
            for a in actors
            if a.type == "person" and any(r.affiliation == body.id and _holds(r.text, role) for r in a.roles)
        ]
        return role, holders[0] if len(holders) == 1 else None
    return None


def _holds(text: str, role: str) -> bool:
    """A role as written is the role named ('treasurer of the Example Board' is a 'treasurer')."""
    text = text.lower()
    return text == role or text.startswith(role + " ") or text.endswith(" " + role)


def _platform_owner(m: Mention, actors: list[Actor]) -> Actor:
    """The organisation a platform's name stands for when it is the subject of a speech verb (a
    statement is the company's; 'said on <platform>' names no speaker and never comes here)."""
    from .actors_evidence import SPEAKS

    return _speaking_actor(m, actors, "organisation", (SPEAKS,))


def _speaking_actor(m: Mention, actors: list[Actor], type_: ActorType, evidence: tuple[str, ...]) -> Actor:
    """The actor of that type and name the article has, else a new one named by the speaker phrase."""
    existing = next((a for a in actors if a.type == type_ and a.name == m.text), None)
    if existing is not None:
        return existing
    ids = {a.id for a in actors}
    base = slugify(m.text)
    ident, n = base, 2
    while ident in ids:
        ident, n = f"{base}-{n}", n + 1
    return Actor(
        id=ident,
        name=m.text,
        type=type_,
        mentions=(Mention(m.paragraph, m.start, m.end, m.text),),
        evidence=evidence,
    )


def _name_at_end(m: Mention, actors: list[Actor], doc) -> Actor | None:
    """The one named person whose mention ends the speaker phrase right after its titles
    ('chief executive Jane Roe'; not 'a representative for Jane Roe', who speaks for her)."""
    hits = {
        a.id: a
        for a in actors
        if a.type == "person"
        and not a.described
        and any(x.paragraph == m.paragraph and m.start < x.start and x.end == m.end for x in a.mentions)
    }
    if len(hits) != 1:
        return None
    person = next(iter(hits.values()))
    x = min(
        (x for x in person.mentions if x.paragraph == m.paragraph and m.start < x.start and x.end == m.end),
        key=lambda x: x.start,
    )
    # The mention may hold its titles ('Managing Editor Jane Roe'); else the word before it must be one.
    names = set(person.name.split())
    phrase = [t for t in doc if m.start <= t.idx < m.end]
    inside = [t for t in phrase if t.idx >= x.start and t.text not in names]
    before = [t for t in phrase if t.idx + len(t) <= x.start]
    words = inside + before[-1:]
    if not any(t.lower_ in person_nouns() or t.lemma_.lower() in person_nouns() for t in words):
        return None  # 'company Example': the word before the name is no title for a person
    return person


def _names_joined(doc, m: Mention) -> bool:
    """The phrase joins names with 'and' ('Mr. Roe and Mr. Poe'), not titles ('chairman and chief Jane Roe')."""
    toks = [t for t in doc if m.start <= t.idx < m.end]
    ands = [k for k, t in enumerate(toks) if t.lower_ == "and"]
    return any(
        k > 0
        and toks[k - 1].pos_ == "PROPN"
        and toks[k - 1].lower_.rstrip(".") not in TITLE_WORDS
        and any(t.pos_ == "PROPN" for t in toks[k + 1 :])
        for k in ands
    )


_QUANTITY_HEADS = wordset("quantity_nouns")


def _an_age(head) -> bool:
    """'the 64-year-old': a person by their age."""
    doc = head.doc
    return head.lower_ == "old" and head.i >= 2 and doc[head.i - 2].lower_ in ("year", "years")


def _speaking_kind(head) -> ActorType | None:
    """What a described speaker is, from its head noun: a person or a group of people,
    an organisation, or nothing that speaks."""
    word, lemma = head.lower_, head.lemma_.lower()
    if _an_age(head):
        return "person"  # 'the 64-year-old said'
    if lemma in _QUANTITY_HEADS:
        # 'a number of readers said': as many people as the noun after 'of' names.
        of = [g for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return "group" if of and _speaking_kind(of[0]) in ("person", "group") else None
    people = person_nouns() | GROUP_HEADS
    if word in people or lemma in people:
        return "group" if _plural(head) else "person"
    bodies = wordset("organisation_nouns") | _CHANNELS
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in head.children)
    agent = lemma.endswith(_AGENT_ENDINGS) and not lemma.endswith(("ment", "cent"))  # not 'document', 'percent'
    if head.tag_ == "NN" and indefinite and agent and lemma not in bodies and len(lemma) > 4:
        if lemma in wordset("not_person_nouns"):
            return None  # 'a banner said', 'a foreign power said': no one who speaks in person
        return "person"  # 'a flight attendant said': one person, by what they do
    if lemma in wordset("organisation_nouns") and lemma not in _CHANNELS:  # a report speaks for its publisher
        return "organisation"
    return None


def add_descriptive_speakers(
    article: Article, docs: list, actors: list[Actor], quotes: list[Quote]
) -> tuple[list[Actor], list[Quote]]:
    actors = list(actors)
    by_key: dict[str, int] = {}
    described_heads: dict[str, str] = {}  # a described person's key -> the lemma of its head noun
    out: list[Quote] = []
    given: dict[tuple[int, int, int], str] = {}
    seen_by: dict[int, set[Mention]] = {}
    role_heads: dict | None = None
    lower: frozenset[str] | None = None
    added: dict[int, list[Mention]] = {}
    new_aliases: dict[int, list[str]] = {}
    in_marks = [x for x in quotes if x.kind != "reported"]  # a name inside them is no mention by the writer
    for q in quotes:
        m = q.speaker_mention
        if m is not None and q.speaker_antecedent is not None and m.text.lower() in RELATIVES:
            m = q.speaker_antecedent  # 'Opponents, who called it …': the phrase the relative stands for
        if q.speaker is not None or m is None:
            out.append(q)
            continue
        if q.speaker_inferred:
            # A continuation of a quote by a described speaker stays with that speaker.
            ident = given.get((m.paragraph, m.start, m.end))
            if ident:
                out.append(replace(q, speaker=ident, attribution="continues a described speaker"))
                continue
            if q.speaker_antecedent is not None and q.speaker_antecedent != m:
                # 'it declared …' where 'it' stands for 'the bureau', itself the one body so named.
                if role_heads is None:
                    role_heads = role_heads_of(docs, actors)
                named = _through_description(q.speaker_antecedent, docs, actors, role_heads)
                if named is not None:
                    given[(m.paragraph, m.start, m.end)] = named.id
                    note = f"pronoun, resolved to “{q.speaker_antecedent.text}”, a nominal reference"
                    out.append(replace(q, speaker=named.id, attribution=note))
                    continue
            out.append(q)
            continue
        doc = docs[m.paragraph - 1]
        head = _head(doc, m.start, m.end)
        known = [
            a
            for a in actors
            if not a.described
            and m.text[:1].isupper()
            and (m.text in (a.name, *a.aliases) or a.type == "person" and a.name.split()[-1] == m.text)
        ]
        if len(known) == 1 and known[0].type in SPEAKING_TYPES:
            # 'Roe this month told staff', the tagger reading 'Roe' as a verb: a name (or the family name) the
            # article gave one actor.
            given[(m.paragraph, m.start, m.end)] = known[0].id
            out.append(
                replace(q, speaker=known[0].id, attribution="named at the speech verb (a name the article gave)")
            )
            continue
        if head is None or head.pos_ not in ("NOUN", "PROPN") and not _an_age(head):
            out.append(q)  # a pronoun or a parse we cannot read: leave it unattributed
            continue
        if _names_joined(doc, m):
            out.append(q)  # 'Both Mr. Roe and Mr. Poe said': several named people, not one described
            continue
        titled = _name_at_end(m, actors, doc)
        if titled is not None:
            # '… said company chairman and chief executive Jane Roe': titles, then the person.
            given[(m.paragraph, m.start, m.end)] = titled.id
            out.append(replace(q, speaker=titled.id, attribution="named at the speech verb (after its titles)"))
            continue
        if head.lemma_.lower() in ("government", "regime") and m.text.lower().startswith(("the ", "its ")) is False:
            # "Iran's government said": the country speaks (a government is its country's voice).
            owner = next((c for c in head.children if c.dep_ in ("poss", "amod", "compound")), None)
            named = actor_at(actors, m.paragraph, owner.idx, owner.idx + len(owner)) if owner is not None else None
            if named is not None and named.type == "country":
                given[(m.paragraph, m.start, m.end)] = named.id
                out.append(replace(q, speaker=named.id, attribution=f"its government (“{m.text}”)"))
                continue
        if head.lemma_.lower() in _CHANNELS:
            # "Example Corp's website says", "a Reuters survey found", "a study by X found": the one
            # who publishes speaks through it, when the phrase names exactly one.
            inside = {
                a.id: a
                for a in actors
                if a.type in ("organisation", "person", "country")
                and not a.described
                and any(x.paragraph == m.paragraph and m.start <= x.start and x.end <= m.end for x in a.mentions)
            }
            named = next(iter(inside.values())) if len(inside) == 1 else None
            staff = _owned_person(doc, m, named, actors) if named is not None else None
            if staff is not None and named is not None:
                # 'a report from the Example Board's auditor': the auditor's, not the board's; the
                # one person the article gives that role at that body, or no one.
                role, holder = staff
                if holder is not None:
                    given[(m.paragraph, m.start, m.end)] = holder.id
                    how = f"through its {head.lower_}, by the {role} of {named.name} (“{m.text}”)"
                    out.append(replace(q, speaker=holder.id, attribution=how))
                else:
                    out.append(q)
            elif named is not None:
                given[(m.paragraph, m.start, m.end)] = named.id
                out.append(replace(q, speaker=named.id, attribution=f"through its {head.lower_} (“{m.text}”)"))
            else:
                out.append(q)
            continue
        kind = _speaking_kind(head)
        if kind is None and head.pos_ == "PROPN":
            # '“…,” Jane Roe remarked': a name the tagger missed, that speaks, is a person.
            if lower is None:
                lower = lowercase_words(article.paragraphs)
            named = _named_speaker(m, lower, actors)
            if named is not None:
                if named not in actors:
                    actors.append(named)
                else:
                    k = actors.index(named)
                    named = replace(named, mentions=(*named.mentions, Mention(m.paragraph, m.start, m.end, m.text)))
                    actors[k] = named
                given[(m.paragraph, m.start, m.end)] = named.id
                out.append(
                    replace(q, speaker=named.id, attribution="named at the speech verb (a name the tagger missed)")
                )
                continue
        if kind is None:
            out.append(q)  # 'a new poll', 'the truth': nothing that can speak; the quote stays unattributed
            continue
        name = _DETERMINER.sub("", m.text).strip()
        if name == m.text and len(name.split()) == 1 and kind == "person":
            out.append(q)  # 'President vows …' in a crosshead: a bare title is nobody in particular
            continue
        # 'a spokesperson said …' then 'the spokesperson said': the one described before (below).
        if m.text.lower().startswith("the ") and name.lower() not in by_key:
            # 'the host said', 'the Democratic candidate said': someone named earlier, if the
            # article gave exactly one named person that role. ('the company said' stays
            # unattributed: measured on the blind gold, the nearest organisation was wrong as often as right.)
            if role_heads is None:
                role_heads = role_heads_of(docs, actors)
            named = nominal_antecedent(head, m, actors, role_heads)
            if named is not None:
                given[(m.paragraph, m.start, m.end)] = named.id
                out.append(
                    replace(q, speaker=named.id, attribution=f"nominal reference (“{m.text}”) to a role given earlier")
                )
                continue
            body = named_body(head, m, actors) if kind == "organisation" and len(name.split()) == 1 else None
            if body is not None:
                given[(m.paragraph, m.start, m.end)] = body.id
                out.append(
                    replace(q, speaker=body.id, attribution=f"nominal reference (“{m.text}”) to the one body so named")
                )
                continue
            if len(name.split()) == 1 and not _an_age(head):
                # 'A Vistaria spokesman said …' then 'the spokesman wrote': the one speaker described
                # before with that head noun, when no named person was given the role.
                same = [k for k, lemma in described_heads.items() if lemma == head.lemma_.lower()]
                if len(same) == 1 and not _role_holders(head, m, actors, role_heads):
                    i = by_key[same[0]]
                    given[(m.paragraph, m.start, m.end)] = actors[i].id
                    note = f"nominal reference (“{m.text}”) to the one speaker described so before"
                    out.append(replace(q, speaker=actors[i].id, attribution=note))
                    continue
                out.append(q)  # 'the actress' points back at someone, but at whom is a guess
                continue
            if kind == "person" and not _plural(head) and not _names_someone(m, head, actors, doc):
                # 'the former first lady said', 'the cautious candidate said': a description of
                # someone the article has named, when only one person fits where it stands.
                named = _recent_person(m, actors, in_marks)
                if named is not None:
                    given[(m.paragraph, m.start, m.end)] = named.id
                    note = f"nominal reference (“{m.text}”) to the one person named just before"
                    out.append(replace(q, speaker=named.id, attribution=note))
                    continue
            if _an_age(head):
                out.append(q)  # 'the 64-year-old said' with two people named just before: a guess
                continue
        key = name.lower()
        if key not in by_key:
            # The organisation or country named inside the phrase, not the phrase's own head.
            head_start = head.idx
            within = [
                a
                for a in actors
                if any(
                    x.paragraph == m.paragraph
                    and m.start <= x.start
                    and x.end <= m.end
                    and not x.start <= head_start < x.end
                    for x in a.mentions
                )
            ]
            affiliation = actor_at(within, m.paragraph, m.start, m.end) if within else None
            definite = m.text.lower().startswith("the ") and not set(name.lower().split()) & _NOT_THE_SAME
            holder = (
                _role_match(name, head, affiliation, actors)
                if kind == "person" and definite and not _plural(head)
                else None
            )
            if holder is not None:
                # 'An Example Air spokesman said …' and 'Example Air spokesman Jane Roe': the one
                # named person the article gives that very role.
                k = actors.index(holder)
                seen = seen_by.setdefault(k, set(holder.mentions))
                mention = Mention(m.paragraph, m.start, m.end, m.text)
                if mention not in seen:
                    seen.add(mention)
                    added.setdefault(k, []).append(mention)
                given[(m.paragraph, m.start, m.end)] = holder.id
                note = f"description (“{m.text}”) of the one person the article gives that role"
                out.append(replace(q, speaker=holder.id, attribution=note))
                continue
            ids = {a.id for a in actors}
            base = slugify(name)
            ident, n = base, 2
            while ident in ids:
                ident, n = f"{base}-{n}", n + 1
            actors.append(
                Actor(
                    id=ident,
                    name=name,
                    type=kind,
                    affiliation=affiliation.id if affiliation else None,
                    notes=("unnamed: the article describes this speaker but does not name them",),
                    described=True,
                )
            )
            by_key[key] = len(actors) - 1
            if kind == "person":
                described_heads[key] = head.lemma_.lower()
        i = by_key[key]
        actor = actors[i]
        mention = Mention(m.paragraph, m.start, m.end, m.text)
        # New mentions and aliases are gathered and joined once at the end: copying the actor's
        # mentions for every quote made a long text quadratic.
        seen = seen_by.setdefault(i, set(actor.mentions))
        if mention not in seen:
            seen.add(mention)
            added.setdefault(i, []).append(mention)
            more = new_aliases.setdefault(i, [])
            if m.text != actor.name and m.text not in actor.aliases and m.text not in more:
                more.append(m.text)
        given[(m.paragraph, m.start, m.end)] = actor.id
        out.append(replace(q, speaker=actor.id, attribution="described speaker (the article does not name them)"))
    for i, mentions in added.items():
        a = actors[i]
        actors[i] = replace(a, mentions=(*a.mentions, *mentions), aliases=(*a.aliases, *new_aliases.get(i, ())))
    return actors, _through_resolved_mentions(out, actors)


_NOT_THE_SAME = frozenset({"former", "another", "other", "second", "ex"})


def _role_match(name: str, head, affiliation: Actor | None, actors: list[Actor]) -> Actor | None:
    """The one named person whose role is the description: the same words ('Eastbrook harbour master'), or the
    same head noun at the body the description names ('an Example Air spokesman' and a spokesman of
    Example Air); None if none or several."""
    words = name.lower().split()
    found = []
    for a in actors:
        if a.type != "person" or a.described:
            continue
        for r in a.roles:
            text = r.text.lower().split()
            same_words = len(words) >= 2 and text == words
            same_post = (
                affiliation is not None
                and r.affiliation == affiliation.id
                and text[-1:] in ([head.lower_], [head.lemma_.lower()])
            )
            if same_words or same_post:
                found.append(a)
                break
    return found[0] if len(found) == 1 else None


_GENDERED_SUBJECTS = pronoun_subjects(*GENDERED)  # 'he', 'him' -> 'he'; 'she', 'her' -> 'she'


def _agrees(pronoun: str | None, known: str | None) -> bool:
    p = (pronoun or "").lower()
    return known is None or p not in _GENDERED_SUBJECTS or _GENDERED_SUBJECTS[p] == known


def _through_resolved_mentions(quotes: list[Quote], actors: list[Actor]) -> list[Quote]:
    """'“…,” the host said. … he wanted to know': a pronoun whose antecedent is a speaker
    phrase already resolved ('the host' -> Jane Roe) speaks for the same actor, if the
    pronoun agrees with the gender the actor's given name shows."""
    genders = {a.id: gender(a.name.split()[0]) for a in actors if a.type == "person" and len(a.name.split()) > 1}
    resolved: dict[tuple[int, int, int], str] = {}
    out = []
    for q in quotes:
        ante = q.speaker_antecedent
        if q.speaker is None and ante is not None:
            who = resolved.get((ante.paragraph, ante.start, ante.end))
            if who is not None and _agrees(q.speaker_text, genders.get(who)):
                q = replace(q, speaker=who, attribution=f"pronoun, through “{ante.text}”, resolved before")
        m = q.speaker_mention
        if q.speaker is not None and m is not None:
            resolved[(m.paragraph, m.start, m.end)] = q.speaker
        out.append(q)
    return out
