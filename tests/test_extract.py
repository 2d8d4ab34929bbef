"""The orchestrator: what a briefing says it could not settle."""

from __future__ import annotations

import pytest

from generator.extract import extract_briefing
from generator.model import Article
from generator.nlp import parse

pytestmark = pytest.mark.spacy


def briefing(*paragraphs: str, published=None):
    a = Article(id="x", title="T", published=published, source=None, url=None, tags=(), paragraphs=paragraphs)
    return extract_briefing(a, parse(a))


def test_no_publication_date_is_said_and_nothing_is_resolved():
    b = briefing("The minister resigned on Tuesday, officials said.")
    assert any("No publication date" in w.text for w in b.warnings)
    assert all(e.date is None or e.date.value is None for e in b.events)


def test_unclosed_quotation_is_reported_not_guessed():
    b = briefing("The mayor said: “we will rebuild the bridge. Nobody doubts it.")
    assert any(
        "paragraph 1, offset 16: unclosed quotation mark" in w.text and w.paragraph == 1 and w.start == 16
        for w in b.warnings
    )
    assert not [q for q in b.quotes if q.kind == "direct"]


def test_described_speaker_is_an_actor_affiliated_with_what_it_names():
    b = briefing(
        "“The plant will close,” said an Acme Corp spokesperson. “Nobody will lose their job.”",
        "The Acme Corp spokesperson said the decision was final.",
        published=None,
    )
    speakers = {q.speaker for q in b.quotes}
    assert len(speakers) == 1 and None not in speakers
    actor = b.actor(speakers.pop())
    assert actor.name == "Acme Corp spokesperson" and actor.type == "person"
    assert actor.affiliation and b.actor(actor.affiliation).name.startswith("Acme")
    assert {m.paragraph for m in actor.mentions} == {1, 2}


def test_described_plural_speaker_is_a_group():
    b = briefing("Hospital officials said the ward would reopen on Monday.")
    officials = [a for a in b.actors if a.type == "group"]
    assert [q.speaker for q in b.quotes] == [officials[0].id]


def test_described_speaker_behind_a_relative_pronoun_is_a_group():
    # 'Opponents' opens the sentence, so the tagger may read it as a name.
    b = briefing("Opponents, who called the scheme “reckless”, cheered as the vote was announced.")
    q = next(q for q in b.quotes if q.text == "reckless")
    actor = b.actor(q.speaker)
    assert (q.speaker_text, actor.name, actor.type) == ("who", "Opponents", "group")


@pytest.mark.spacy
def test_speaker_pronoun_follows_the_subject_chain_not_a_name_mentioned_beside_it():
    from generator import extract_article

    art = Article(
        id="t",
        title="T",
        published=None,
        source=None,
        url=None,
        tags=(),
        paragraphs=(
            "Jane Roe approaches it more calmly. She said she would rather see the money spent to elect Mary Poe.",
            "“They are trying to defeat the plan,” she said.",
            "Senator Bill Hart is digging in for a long fight. He is suggesting that delegates should switch sides.",
        ),
    )
    b = extract_article(art)
    names = {a.id: a.name for a in b.actors}
    said = {q.text: names.get(q.speaker) for q in b.quotes}
    assert said["They are trying to defeat the plan"] == "Jane Roe"
    assert said["delegates should switch sides"] == "Bill Hart"


def _speaker_of(b, text_part: str):
    names = {a.id: a.name for a in b.actors}
    hits = [q for q in b.quotes if text_part in q.text]
    assert len(hits) == 1, [q.text for q in b.quotes]
    return names.get(hits[0].speaker)


@pytest.mark.spacy
def test_a_particle_verb_read_as_an_adverb_is_still_a_cue_and_the_title_resolves_the_description():
    b = briefing('Senator Jane Roe has long opposed the bill. "This is a disgrace," the senator shot back on Tuesday.')
    assert _speaker_of(b, "disgrace") == "Jane Roe"


@pytest.mark.spacy
def test_the_body_named_by_its_head_noun_speaks_and_two_such_bodies_leave_it_unattributed():
    one = briefing(
        'The Eastbrook Center for Digital Policy launched a campaign on Monday. "Our towns are being emptied,"'
        " the center said in a statement."
    )
    assert _speaker_of(one, "emptied") == "Eastbrook Center for Digital Policy"
    two = briefing(
        'The Eastbrook Institute and the Westfield Institute both published reports. "We are worried," the institute said.'
    )
    assert _speaker_of(two, "worried") is None


@pytest.mark.spacy
def test_a_pronoun_for_a_description_reaches_the_body_it_describes():
    b = briefing(
        "The Eastbrook Statistics Bureau ran the count in 1940.",
        "For decades the bureau denied any role. Even so, it declared that it had never shared the lists.",
    )
    assert _speaker_of(b, "never shared") == "Eastbrook Statistics Bureau"


@pytest.mark.spacy
def test_police_are_an_organisation():
    b = briefing("Eastbrook police said a man was arrested on Tuesday.")
    types = {a.name: a.type for a in b.actors}
    assert types.get("Eastbrook police") == "organisation", types


@pytest.mark.spacy
def test_transcript_turns_take_their_speaker_from_the_label_and_run_on():
    b = briefing(
        "On Sunday's show, Governor Tom Poe spoke to the host. Partial transcript as follows:",
        '"ROE: Let me ask about the budget first. Will you cut it?',
        '"POE: Well, look, the budget is balanced. We have done the work.',
        '"And nobody else has done that work in ten years.',
        '"ROE: Do you really believe that?"',
        "NOTE: The show airs weekly.",
    )
    assert _speaker_of(b, "ask about the budget") == "Roe"
    assert _speaker_of(b, "budget is balanced") == "Tom Poe"
    assert _speaker_of(b, "ten years") == "Tom Poe"  # the turn runs on
    assert _speaker_of(b, "really believe") == "Roe"
    assert not any(a.name.lower() == "note" for a in b.actors)


@pytest.mark.spacy
def test_one_capitalised_label_is_no_transcript():
    b = briefing('UPDATE: "We will reopen on Monday," the mayor said.', 'BREAKING: "Stay home," officials said.')
    assert not any(a.name in ("Update", "Breaking") for a in b.actors)


@pytest.mark.spacy
def test_the_one_heard_saying_speaks_not_the_next_speaker():
    b = briefing(
        'With the storm closing in, Tom Poe was heard on the radio saying "we should turn back" while'
        ' Max Roe agreed saying, "I think we can definitely sail on".'
    )
    assert _speaker_of(b, "should turn back") == "Tom Poe"
    assert _speaker_of(b, "definitely sail") == "Max Roe"


@pytest.mark.spacy
def test_a_passive_cue_gives_no_speaker_from_the_name_before_it():
    b = briefing(
        "The only file that Bill Moe published was a note from his trainer, Harold Loe. Loe's earlier note"
        " on Moe was widely mocked for its bold forecast that Moe would be “the fastest runner"
        " ever to enter the league.”"
    )
    assert _speaker_of(b, "fastest runner") != "Bill Moe"


@pytest.mark.spacy
def test_a_report_naming_its_source_is_that_source_s_claim_and_considering_to_announce_is_no_speech():
    b = briefing(
        "Tom Poe rejected a report in the Daily Ledger that Bill Moe has been considering announcing that he will"
        " not endorse the businessman."
    )
    reported = [(q.text, {a.id: a.name for a in b.actors}.get(q.speaker)) for q in b.quotes]
    assert any(t.startswith("Bill Moe has been considering") and s == "Daily Ledger" for t, s in reported), reported
    assert not any(s == "Bill Moe" for _, s in reported), reported


@pytest.mark.spacy
def test_a_name_typed_place_that_speaks_and_is_never_a_location_is_an_organisation():
    b = briefing(
        "Floods had forced the convoy to stop at another town, Telemundia said.",
        "Rescuers reached the site in Vistaria on Monday. Vistaria said it had sent help.",
    )
    types = {a.name: a.type for a in b.actors}
    assert types.get("Telemundia") == "organisation", types
    assert types.get("Vistaria") == "place", types  # written as a location: a place, even when it 'speaks'


@pytest.mark.spacy
def test_a_pronoun_after_a_family_name_the_tagger_reads_as_an_organisation_finds_that_person():
    # The tagger labels the whole name only in part, and the family name alone later as an
    # organisation: the actor stage's full name still gives the person and their gender.
    b = briefing(
        "Tom Poe spent all of a morning with President Enrique Ibáñez Treviño - but when the two men came out,"
        " little was agreed.",
        "In the capital, Poe sat through a speech by the president, who said farming was strong. Ibáñez Treviño said"
        ' that exports doubled 5 years ago. "Our farmers are hard workers," he said.',
    )
    assert _speaker_of(b, "hard workers") == "Enrique Ibáñez Treviño"


@pytest.mark.spacy
def test_the_head_noun_alone_points_back_at_the_one_speaker_described_so():
    b = briefing(
        '"The ferry stayed in port as a precaution," the Vistaria Lines spokesman said in a statement.',
        '"The cargo was unloaded," the spokesman wrote.',
    )
    assert _speaker_of(b, "unloaded") == "Vistaria Lines spokesman"
    two = briefing(
        '"The ferry stayed in port," the Vistaria Lines spokesman said.',
        '"The harbour master was told," an Eastbrook Port spokesman said.',
        '"The cargo was unloaded," the spokesman wrote.',
    )
    assert _speaker_of(two, "unloaded") is None


@pytest.mark.spacy
def test_a_relative_or_a_friend_who_speaks_is_a_described_speaker():
    b = briefing("“He never missed a single match,” a relative told the Eastbrook Times.")
    q = next(q for q in b.quotes if "single match" in q.text)
    assert b.actor(q.speaker).name == "relative" and b.actor(q.speaker).type == "person"


@pytest.mark.spacy
def test_a_definite_description_is_the_one_person_just_named_not_a_new_one():
    one = briefing(
        "Jane Roe spoke to voters in Eastbrook on Monday.",
        '"The polls do not worry me," the cautious candidate said.',
    )
    assert _speaker_of(one, "do not worry") == "Jane Roe"
    assert [a.name for a in one.actors if a.type == "person"] == ["Jane Roe"]
    # Its words may tell which of two: 'first lady' is a woman.
    two = briefing(
        "Jane Roe and Tom Poe spoke to voters in Eastbrook on Monday.",
        '"We will win," the former queen said.',
    )
    assert _speaker_of(two, "will win") == "Jane Roe"
    # Two who fit: no guess.
    three = briefing(
        "Jane Roe and Mary Poe spoke to voters in Eastbrook on Monday.",
        '"We will win," the cautious candidate said.',
    )
    assert _speaker_of(three, "will win") not in ("Jane Roe", "Mary Poe")


def test_an_invisible_character_opening_a_paragraph_stays_out_of_every_span():
    # A soft hyphen the parse reads as a space: no mention starts on it, every span is the text as written.
    b = briefing("\u00ad The governor said the road would close in May. It was “a mistake”, she said.")
    text = b.article.paragraphs[0]
    spans = [m for a in b.actors for m in a.mentions]
    spans += [m for q in b.quotes for m in (q.speaker_mention, q.speaker_antecedent) if m is not None]
    assert spans and all(text[m.start : m.end] == m.text and m.text[0].isalnum() for m in spans)
    assert all(text[q.start : q.end] == q.text for q in b.quotes)
