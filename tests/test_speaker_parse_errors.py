"""Speakers where the parse or the page misleads: the right person, or no one.

Every sentence is invented. Each case is a shape met on development gold where the product gave a
wrong speaker or an invented person (a caption between a quote and its speaker, a medal tagged as a
person, a quoted word taken for the subject, a relative clause hung on the wrong noun, two people
of one family name); each test fails on the code before its fix.
"""

from __future__ import annotations

from datetime import date

from generator import extract_article
from generator.model import Article


def _brief(*paragraphs: str):
    art = Article(id="t", title="T", published=date(2024, 5, 15), source=None, url=None, tags=(), paragraphs=paragraphs)
    return extract_article(art)


def _speaker(b, text_part: str, kind: str | None = None) -> str | None:
    hits = [q for q in b.quotes if text_part in q.text and kind in (None, q.kind)]
    assert len(hits) == 1, [q.text for q in b.quotes]
    names = {a.id: a.name for a in b.actors}
    return names.get(hits[0].speaker) if hits[0].speaker else None


def test_a_fragment_in_a_clause_someone_else_said_is_theirs():
    # The comma inside the marks hangs on the main verb; the fragment is in Roe's clause.
    b = _brief(
        'After Jane Roe said that some students might do better at "smaller schools," Tom Poe said: '
        '"I don\'t like what she said, no."'
    )
    assert _speaker(b, "smaller schools", "partial") == "Jane Roe"


def test_a_name_after_the_quote_when_the_parse_took_a_quoted_word_for_the_subject():
    b = _brief(
        "Jane Roe spoke on Monday.",
        "“Very good reporter, very good reporter this guy,” Roe, the party's frontrunner nationally and "
        "current polling leader in the state by a wide margin after winning the primaries, said when "
        "Tom Poe asked him a question.",
    )
    assert _speaker(b, "Very good reporter") == "Jane Roe"


def test_an_inverted_cue_whose_name_the_parse_hung_on_the_next_verb():
    # The cue 'said' has no subject in the parse, and 'asked' (below it) has the name: a cue below
    # one whose speaker is not found is not read, so the name after the inverted cue is.
    b = _brief(
        '"I\'m not going to say it is a mistake, so forget about it," said retired surgeon Sam Hale, '
        "asked about his claims that he had received an offer from the academy, when he hadn't applied."
    )
    assert _speaker(b, "forget about it") == "Sam Hale"


def test_who_is_the_person_named_right_before_it():
    from spacy.tokens import Doc

    from generator.extract.quotes_cues import relative_antecedent
    from generator.nlp import get_nlp

    # The parser's mistake, given by hand: the relative clause hung on the body the sentence opens with.
    words = "Vistagram was singled out by minister Jane Roe who said the app helps criminals .".split()
    doc = Doc(
        get_nlp().vocab,
        words=words,
        heads=[2, 2, 2, 2, 2, 7, 7, 4, 9, 0, 11, 12, 9, 12, 2],
        deps="nsubjpass auxpass ROOT prt agent compound compound pobj nsubj relcl det nsubj ccomp dobj punct".split(),
        tags="NNP VBD VBN RP IN NN NNP NNP WP VBD DT NN VBZ NNS .".split(),
        ents=["B-ORG", *["O"] * 5, "B-PERSON", "I-PERSON", *["O"] * 7],
    )
    assert relative_antecedent(doc[8]).text == "Roe"
    # Where the parse hangs it on a person, that person stays ('the minister, who said …').
    heads = [2, 2, 2, 2, 2, 7, 7, 4, 9, 7, 11, 12, 9, 12, 2]
    doc2 = Doc(get_nlp().vocab, words=words, heads=heads, deps=[t.dep_ for t in doc], tags=[t.tag_ for t in doc])
    assert relative_antecedent(doc2[8]).text == "Roe"


def test_a_caption_between_is_no_antecedent():
    b = _brief(
        "Tom Poe finished second and kept his lead in the championship.",
        "Sam Hale talks about how good the team is",
        'He added: "It did not go my way, but I can live with second."',
    )
    assert _speaker(b, "did not go my way") == "Tom Poe"


def test_a_name_written_with_an_article_is_no_person():
    # The tagger calls 'the Purple Medal' a person; 'she' is Roe, not the medal.
    b = _brief(
        "Jane Roe defended the candidate on the radio on Thursday.",
        "The dispute was over the Purple Medal. “I was disturbed that he was criticized for accepting it,” she said.",
    )
    assert "Purple Medal" not in {a.name for a in b.actors}
    assert _speaker(b, "I was disturbed") == "Jane Roe"


def test_two_people_of_one_family_name():
    # Both named in one paragraph: the bare family name is the one named first, and a 'she' whose
    # antecedent the tagger read as a plural noun is the one of that family whose given name is a woman's.
    b = _brief(
        "Jane Hills, whose husband, soldier Tom Hills, died in 2012, spoke on the radio on Thursday.",
        "Hills said she does not believe the family should be immune from criticism.",
        "Hills continued by responding to those who believe he should not have accepted the award.",
        "“I was disturbed that he was criticized for it,” she said.",
    )
    assert _speaker(b, "immune from criticism") == "Jane Hills"
    assert _speaker(b, "I was disturbed") == "Jane Hills"


def test_a_word_glued_before_a_name_is_not_part_of_it():
    b = _brief(
        "Tom Poe has made two picks for the board. Liberals Jane Roe and Ann Lee were replacements.",
        "He was able to out-Poe Tom Poe and won.",
        # tagged as one organisation
        "Tom Poe has made two picks for the court, neither of whom shifted its ideological balance. "
        "Liberals Nadia Kessler and Ann Lee were replacements for others who generally voted that way.",
    )
    names = {a.name for a in b.actors if a.type == "person"}
    assert {"Jane Roe", "Tom Poe", "Nadia Kessler"} <= names
    assert not {n for n in names if n.startswith(("Liberals", "Poe Tom"))}


def test_a_person_named_in_an_opening_phrase_is_not_the_subject():
    # The parse gives 'pressed' two subjects (or makes Poe an apposition of Roe): Poe is pressed.
    b = _brief(
        "Tom Poe spoke on Monday.",
        "On the topic of another tough rival, Mr. Roe, Mr. Poe was pressed on why he had said it was "
        '"a great honor" to earn the rival\'s praise last week, given that Mr. Roe backs adversaries.',
    )
    assert _speaker(b, "a great honor", "partial") == "Tom Poe"


def test_a_person_in_apposition_to_another_person_is_the_subject():
    from spacy.tokens import Doc

    from generator.extract.quotes_coref import _candidates
    from generator.nlp import get_nlp

    # The parser's mistake, given by hand: Roe the subject, Poe his apposition.
    doc = Doc(
        get_nlp().vocab,
        words="On a rival , Mr. Roe , Mr. Poe was pressed on why he had spoken .".split(),
        heads=[10, 2, 0, 10, 5, 10, 5, 8, 5, 10, 10, 10, 15, 15, 15, 11, 10],
        deps="prep det pobj punct compound nsubjpass punct compound appos auxpass ROOT prep advmod nsubj aux pcomp punct".split(),
        tags="IN DT NN , NNP NNP , NNP NNP VBD VBN IN WRB PRP VBD VBN .".split(),
        ents=[*["O"] * 4, "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", *["O"] * 8],
    )
    first = _candidates(doc, doc[:], 13, lambda off: False, {})[0]
    assert [t.text for t in first[2]] == ["Mr.", "Poe"] and first[0]


def test_a_person_the_tagger_left_unmarked_in_one_place_is_still_that_person():
    # 'Roe' is tagged once; where the tagger leaves it unmarked, 'Roe said' is still Roe, and a
    # later 'She' is not the first woman of the list Roe spoke of.
    b = _brief(
        'Sitting down with Vistanet\'s "The Jane Roe Show" on Thursday, Ann Lee remarked she was surprised.',
        "When Roe pointed out that the plan was popular, Lee seized upon the point.",
        '"In any other year they would definitely be short-listed for the job," Roe said of a list that '
        "included Vistaria Sen. Mary Poe and Arden Gov. Sue Hale.",
        "She then asked if it is out of the question for Lee to choose a female running mate.",
    )
    assert _speaker(b, "In any other year") == "Roe"
    assert _speaker(b, "out of the question") != "Mary Poe"


def test_the_main_clause_subject_before_a_subordinate_one():
    b = _brief(
        "Sue Hale arrived on Monday.",
        "When Ann Lee pointed out that the plan was popular, Jane Roe seized upon the point, repeating her "
        'campaign\'s line. "It is not the same if you hand it to the states," she said.',
    )
    assert _speaker(b, "hand it to the states") == "Jane Roe"


def test_a_title_before_the_name_gives_its_gender():
    from generator.extract.quotes_coref import _candidates
    from generator.nlp import get_nlp

    doc = get_nlp()("Senator Tom Poe wants higher taxes; Mrs. Roe seeks more revenue.")
    kinds = {
        " ".join(t.text for t in c[2]): c[3] for c in _candidates(doc, doc[:], None, lambda off: False, {"roe": "?"})
    }
    assert kinds["Roe"] == {"she"}


def test_a_cue_joined_to_a_clause_another_cue_reports_has_no_speaker_from_it():
    b = _brief(
        "Jane Roe sued Tom Poe.",
        "The statement questioned why Jane Roe waited 25 years to make her allegations public and said "
        "numerous photographs show Roe and Tom Poe had a “strong relationship” for many years.",
    )
    assert _speaker(b, "strong relationship", "partial") is None


def test_a_quoted_term_is_no_speaker_of_its_own_relative_clause():
    b = _brief(
        'Jane Roe has proposed appointing a "chief trade prosecutor" who reports directly to the president, '
        'and called for tripling "the number of trade officers so we can intervene before violations cost jobs."'
    )
    assert not [a for a in b.actors if "prosecutor" in a.name]
    assert _speaker(b, "chief trade prosecutor", "partial") is None


def test_a_family_name_read_as_a_people_s_name_is_the_person():
    # 'Valerians' is tagged as a nationality or religion (a plural in -ians).
    b = _brief(
        "Tom Valerians, one of the league's biggest personalities, is retiring from coaching after five seasons.",
        "Valerians said he told the players of his decision Sunday after the team's win.",
        "“And they lied to you because of that,” he said.",
    )
    assert not [a for a in b.actors if a.type == "group"]
    assert _speaker(b, "told the players") == "Tom Valerians"
    from generator.extract.quotes_coref import _candidates
    from generator.nlp import get_nlp

    doc = get_nlp()("Valerians said he told the players of his decision Sunday after the win.")
    assert doc.ents[0].label_ == "NORP"
    first = _candidates(doc, doc[:], 2, lambda off: False, {"valerians": "he"})[0]
    assert first[3] == {"he"}


def test_a_participle_after_a_reported_clause_is_the_reporter_s():
    # 'saying' hangs on 'choose', inside what the strategist said: the strategist says it.
    b = _brief(
        "Jane Roe met party leaders.",
        "Alongside calls for action, even a top party strategist said Roe will have to choose whose side "
        "she’s on, saying, “At some point, she’s going to have to come out.”",
    )
    assert "strategist" in (_speaker(b, "come out") or "")


def test_a_pronoun_that_fits_the_subject_and_an_object_alike_is_no_one():
    b = _brief(
        "Casey Roe campaigned in the state.",
        "Casey Roe's campaign removed the mayor of Eastbrook from its state team in November after he "
        "suggested that the wartime camps could be a model for housing refugees.",
    )
    assert _speaker(b, "wartime camps", "reported") is None
