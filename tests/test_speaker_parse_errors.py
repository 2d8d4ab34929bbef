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
        'After Jane Roe said that some drivers would be safer on "quieter roads," Tom Poe said: '
        '"I disagree with her, frankly."'
    )
    assert _speaker(b, "quieter roads", "partial") == "Jane Roe"


def test_a_name_after_the_quote_when_the_parse_took_a_quoted_word_for_the_subject():
    b = _brief(
        "Jane Roe spoke on Monday.",
        "“Great question, great question from this lady,” Roe, the league's top scorer this season and "
        "current record holder in the region by a long way after winning the cup, said when "
        "Ann Lee asked him about the final.",
    )
    assert _speaker(b, "Great question") == "Jane Roe"


def test_an_inverted_cue_whose_name_the_parse_hung_on_the_next_verb():
    # The cue 'said' has no subject in the parse, and 'asked' (below it) has the name: a cue below
    # one whose speaker is not found is not read, so the name after the inverted cue is.
    b = _brief(
        '"I will not call it an error, so let it go," said retired pilot Sam Hale, '
        "asked about his claims that he had flown for the navy, when he never had."
    )
    assert _speaker(b, "let it go") == "Sam Hale"


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
        "Tom Poe came third and kept his place in the standings.",
        "Sam Hale explains why the squad played so well",
        'He added: "It was not my day, but third is fine."',
    )
    assert _speaker(b, "not my day") == "Tom Poe"


def test_a_name_written_with_an_article_is_no_person():
    # The tagger calls 'the Purple Medal' a person; 'she' is Roe, not the medal.
    b = _brief(
        "Jane Roe backed the mayor in an interview on Thursday.",
        "The row was over the Purple Medal. “It upset me that people attacked him for taking it,” she said.",
    )
    assert "Purple Medal" not in {a.name for a in b.actors}
    assert _speaker(b, "It upset me") == "Jane Roe"


def test_two_people_of_one_family_name():
    # Both named in one paragraph: the bare family name is the one named first, and a 'she' whose
    # antecedent the tagger read as a plural noun is the one of that family whose given name is a woman's.
    b = _brief(
        "Jane Hills, whose husband, firefighter Tom Hills, died in 2015, spoke to a local paper on Friday.",
        "Hills said she does not think the council is above reproach.",
        "Hills went on by answering critics who say he should have refused the medal.",
        "“It hurt me to see him attacked for it,” she said.",
    )
    assert _speaker(b, "above reproach") == "Jane Hills"
    assert _speaker(b, "It hurt me") == "Jane Hills"


def test_a_word_glued_before_a_name_is_not_part_of_it():
    b = _brief(
        "Tom Poe named two people to the board. Liberals Jane Roe and Ann Lee took the seats.",
        "The rookie managed to out-Poe Tom Poe in the debate.",
        # tagged as one organisation
        "Tom Poe named two judges to the bench, and neither changed its political tilt. "
        "Liberals Nadia Kessler and Ann Lee took seats once held by others who ruled the same way.",
    )
    names = {a.name for a in b.actors if a.type == "person"}
    assert {"Jane Roe", "Tom Poe", "Nadia Kessler"} <= names
    assert not {n for n in names if n.startswith(("Liberals", "Poe Tom"))}


def test_a_person_named_in_an_opening_phrase_is_not_the_subject():
    # The parse gives 'pressed' two subjects (or makes Poe an apposition of Roe): Poe is pressed.
    b = _brief(
        "Tom Poe spoke on Monday.",
        "On the matter of an old rival, Mr. Roe, Mr. Poe was questioned on why he had called it "
        '"a real privilege" to win the rival\'s support last month.',
    )
    assert _speaker(b, "a real privilege", "partial") == "Tom Poe"


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
        'Appearing on Vistanet\'s "The Jane Roe Hour" on Friday, Ann Lee said she was pleased.',
        "When Roe noted that the bill was popular, Lee agreed at once.",
        '"Any other season they would be top picks for the role," Roe said of a group that '
        "included Vistaria Sen. Mary Poe and Arden Gov. Sue Hale.",
        "She then asked whether Lee would rule out a woman as her deputy.",
    )
    assert _speaker(b, "Any other season") == "Roe"
    assert _speaker(b, "rule out a woman") != "Mary Poe"


def test_the_main_clause_subject_before_a_subordinate_one():
    b = _brief(
        "Sue Hale arrived on Monday.",
        "When Ann Lee noted that the tax was unpopular, Jane Roe jumped on the remark, restating her "
        'party\'s position. "It will not work if the cities run it," she said.',
    )
    assert _speaker(b, "cities run it") == "Jane Roe"


def test_a_title_before_the_name_gives_its_gender():
    from generator.extract.quotes_coref import _candidates
    from generator.nlp import get_nlp

    doc = get_nlp()("Senator Tom Poe favours new rail lines; Mrs. Roe prefers more buses.")
    kinds = {
        " ".join(t.text for t in c[2]): c[3] for c in _candidates(doc, doc[:], None, lambda off: False, {"roe": "?"})
    }
    assert kinds["Roe"] == {"she"}


def test_a_cue_joined_to_a_clause_another_cue_reports_has_no_speaker_from_it():
    b = _brief(
        "Jane Roe sued Tom Poe.",
        "The letter asked why Jane Roe had kept silent for a decade and said several emails show "
        "Roe and Tom Poe were on “friendly terms” for years.",
    )
    assert _speaker(b, "friendly terms", "partial") is None


def test_a_quoted_term_is_no_speaker_of_its_own_relative_clause():
    b = _brief(
        'Jane Roe has proposed hiring a "housing tsar" who reports directly to the mayor, and called for '
        'doubling "the number of inspectors so we can act before landlords break the rules."'
    )
    assert not [a for a in b.actors if "tsar" in a.name]
    assert _speaker(b, "housing tsar", "partial") is None


def test_a_family_name_read_as_a_people_s_name_is_the_person():
    # 'Valerians' is tagged as a nationality or religion (a plural in -ians).
    b = _brief(
        "Tom Valerians, a well-known figure in the sport, is stepping down as coach after six years.",
        "Valerians said he informed the squad of his choice on Saturday after the victory.",
        "“They kept it quiet for me,” he said.",
    )
    assert not [a for a in b.actors if a.type == "group"]
    assert _speaker(b, "informed the squad") == "Tom Valerians"
    from generator.extract.quotes_coref import _candidates
    from generator.nlp import get_nlp

    doc = get_nlp()("Valerians said he informed the squad of his choice on Saturday after the victory.")
    assert doc.ents[0].label_ == "NORP"
    first = _candidates(doc, doc[:], 2, lambda off: False, {"valerians": "he"})[0]
    assert first[3] == {"he"}


def test_a_participle_after_a_reported_clause_is_the_reporter_s():
    # 'saying' hangs on 'choose', inside what the adviser said: the adviser says it.
    b = _brief(
        "Jane Roe met party leaders.",
        "Alongside the protests, even a senior party adviser said Roe will have to choose which camp she "
        "is in, saying, “Sooner or later, she’s going to have to speak up.”",
    )
    assert "adviser" in (_speaker(b, "speak up") or "")


def test_a_pronoun_that_fits_the_subject_and_an_object_alike_is_no_one():
    b = _brief(
        "Casey Roe campaigned in the state.",
        "Casey Roe's campaign dropped the mayor of Eastbrook from its advisory board in March after he "
        "suggested that old army barracks could be used to house migrants.",
    )
    assert _speaker(b, "old army barracks", "reported") is None
