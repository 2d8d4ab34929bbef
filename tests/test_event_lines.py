"""How a timeline event reads (generator/extract/event_lines.py and the line cutting in timeline.py).

Every sentence is invented. Each case is one a blind reader judged a fragment when the line was
the bare clause: a pronoun subject, figures, quoted words, a condition or a question, a verb whose
subject is in another clause, a statement without its words, a line cut inside its subject.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator import extract_article
from generator.model import Article, Briefing

pytestmark = pytest.mark.spacy


def _briefing(*paragraphs: str) -> Briefing:
    article = Article(
        id="t", title="t", published=date(2024, 5, 15), source=None, url=None, tags=(), paragraphs=paragraphs
    )
    return extract_article(article)


def _lines(b: Briefing) -> dict[str, tuple[str, str]]:
    """The date phrase of each event: (how it reads, why it is background or '')."""
    return {e.date.phrase: (e.line, e.background) for e in b.events if e.date}


def test_a_pronoun_subject_reads_as_the_name_it_refers_to():
    b = _briefing(
        "Jane Roe, the mayor of Eastbrook, opened the new bridge on Monday. "
        "She recently praised the builders for finishing early."
    )
    (e,) = [e for e in b.events if e.date and e.date.phrase == "recently"]
    assert e.text.startswith("She recently praised")  # the excerpt is the text's own words
    assert e.line == "[Jane Roe] recently praised the builders for finishing early"
    roe = next(a for a in b.actors if a.name == "Jane Roe")
    assert e.actors[0] == roe.id and not e.background


def test_a_pronoun_nothing_before_names_is_background_not_a_guess():
    (line, why) = _lines(_briefing("They voted on Tuesday to close the plant."))["Tuesday"]
    assert line.startswith("They voted") and "no earlier name" in why


def test_figures_and_comparisons_are_background():
    lines = _lines(
        _briefing(
            "There were 40 break-ins in the town last year. Sales of the Vistaria Company are up 12 percent this year.",
            "Exports rose to 2 million tonnes in 2010, up from 1 million tonnes in 2000.",
        )
    )
    for phrase in ("last year", "this year", "2010"):
        assert lines[phrase][1], (phrase, lines[phrase])


def test_dated_words_inside_a_quotation_are_background():
    (e,) = _briefing("“We will close the plant on Friday,” said Tom Poe.").events
    assert "quoted words" in e.background


def test_a_condition_or_a_question_is_no_event():
    assert _briefing("If the council approves the plan next month, the works will start.").events == ()
    assert _briefing("Reporters asked how the council will vote next week.").events == ()


def test_a_second_verb_shows_the_subject_it_shares():
    (line, why) = _lines(_briefing("The Eastbrook council met in private and on Monday approved the new budget."))[
        "Monday"
    ]
    assert line == "[The Eastbrook council] on Monday approved the new budget" and not why


def test_a_statement_shows_the_quoted_words_beside_its_clause():
    (line, _) = _lines(_briefing("“The bridge is safe,” Jane Roe said on Monday."))["Monday"]
    assert line == "Jane Roe said on Monday: “The bridge is safe”"


def test_a_long_line_leaves_out_the_aside_on_its_subject_not_its_end():
    (line, _) = _lines(
        _briefing(
            "Jane Roe, who had spent eleven years as the head of the regional transport authority before she "
            "moved into politics and then into the national parliament in the capital city of the country, "
            "said on Monday that the bridge would reopen to traffic before the end of the summer."
        )
    )["Monday"]
    assert line == "Jane Roe … said on Monday that the bridge would reopen to traffic before the end of the summer"


def test_a_verb_that_says_nothing_alone_keeps_its_anchor():
    b = _briefing("The vote comes two weeks after the mayor of Eastbrook resigned over the bridge contract.")
    (e,) = b.events
    assert e.line == "The vote comes two weeks after the mayor of Eastbrook resigned over the bridge contract"


def test_a_when_clause_reads_without_its_when():
    (line, _) = _lines(_briefing("Officials said the road will reopen when the new bridge opens next spring."))[
        "next spring"
    ]
    assert line == "the new bridge opens next spring"


def test_background_is_folded_under_the_timeline_and_kept_out_of_the_exports():
    from generator.export_timeline import icalendar, timelinejs
    from generator.render import render_pages

    b = _briefing(
        "Jane Roe opened the Eastbrook bridge on Monday.",
        "There were 40 break-ins in the town last year.",
    )
    page = render_pages(b)["timeline.md"]
    head, _, folded = page.partition('<details class="briefing-how"><summary>Background: 1 dated line')
    assert "opened the Eastbrook bridge" in head and "break-ins" not in head
    assert "There were 40 break-ins in the town last year" in folded and "a figure" in folded
    assert "break-ins" not in str(timelinejs(b)) and "break-ins" not in icalendar(b)
    assert "opened the Eastbrook bridge" in str(timelinejs(b))


def test_it_is_named_only_when_the_last_subject_before_it_is_that_name():
    b = _briefing(
        "The Vistaria ferry was designed by Eastbrook Marine. At the time, Tom Poe said it would sail in 2031."
    )
    (line, why) = _lines(b)["2031"]
    assert "[" not in line and why  # 'it' is the ferry, not the firm named last: no guess on the line


def _parsed(words: str, heads: list[int], deps: str, tags: str):
    """A parse given by hand (the parser's own mistakes, which no invented sentence reproduces)."""
    from spacy.tokens import Doc

    from generator.nlp import get_nlp

    pos = {"NNP": "PROPN", "NN": "NOUN", "NNS": "NOUN", "MD": "AUX", "VB": "VERB", "VBD": "VERB", "VBZ": "VERB"}
    pos |= {"VBN": "VERB", "VBG": "VERB", "VBP": "VERB", "PRP": "PRON", "PRP$": "PRON", "WP$": "PRON", "DT": "DET"}
    pos |= {"CD": "NUM", "JJ": "ADJ"}
    tag_list = tags.split()
    return Doc(
        get_nlp().vocab,
        words=words.split(),
        heads=heads,
        deps=deps.split(),
        tags=tag_list,
        pos=[
            pos.get(t, "ADP" if t == "IN" else "CCONJ" if t == "CC" else "PUNCT" if t == "." else "X") for t in tag_list
        ],
    )


def test_a_verb_whose_subject_the_parse_missed_shows_no_one_else_s():
    from generator.extract.event_lines import Context, read_event

    # 'retired Judge Tom Poe', parsed as a second object of 'open': 'drive' seems to share Roe's subject
    doc = _parsed(
        "Roe will open fairs and retired Judge Tom Poe will drive to Arden Friday .",
        [2, 2, 2, 2, 3, 8, 8, 8, 3, 10, 2, 10, 11, 10, 2],
        "nsubj aux ROOT dobj cc amod compound compound conj aux conj prep pobj npadvmod punct",
        "NNP MD VB NNS CC JJ NNP NNP NNP MD VB IN NNP NNP .",
    )
    travel = doc[10]
    start = doc[9].idx
    text = doc.text[start : doc[13].idx + len(doc[13])]
    reading = read_event(travel, start, start + len(text), 1, text, Context([doc], [], lambda p, o: False))
    assert not reading.reads.startswith("[Roe]") and reading.background == "the line does not show who acts"


def test_a_time_that_opens_an_anchor_clause_dates_the_main_clause():
    from generator.extract.event_span import opens_an_anchor_clause

    # 'Three weeks after wildfire Orla burned Eastbrook, Roe visited the valley.', 'after' parsed as
    # a preposition of 'weeks': the expression dates the visit, not the fire
    doc = _parsed(
        "Three weeks after wildfire Orla burned Eastbrook , Roe visited the valley .",
        [1, 5, 1, 2, 5, 9, 5, 9, 9, 9, 11, 9, 9],
        "nummod npadvmod prep pobj nsubj advcl dobj punct nsubj ROOT det dobj punct",
        "CD NNS IN NN NNP VBD NNP , NNP VBD DT NN .",
    )
    assert opens_an_anchor_clause(doc[5], doc[0:4])
    assert not opens_an_anchor_clause(doc[9], doc[0:4])


def test_a_subject_the_parse_hung_on_the_auxiliary_is_still_the_subject():
    from generator.extract.event_lines import clause_children
    from generator.extract.timeline import _governing_verb

    # 'Since Poe took charge, he has doubled its membership.', parsed with 'has' as the head of
    # 'he' and of the 'since' clause: the event is the doubling, and 'he' its subject
    doc = _parsed(
        "Since Poe took charge , he has doubled its membership .",
        [2, 2, 6, 2, 6, 6, 7, 7, 9, 7, 7],
        "mark nsubj advcl dobj punct nsubj aux ROOT poss dobj punct",
        "IN NNP VBD NN , PRP VBZ VBN PRP$ NN .",
    )
    verb = _governing_verb(doc[2], doc[0:4])
    assert verb.text == "doubled"
    assert [c.text for c in clause_children(verb) if c.dep_ == "nsubj"] == ["he"]


def test_first_person_words_outside_a_quotation_are_background():
    lines = _lines(
        _briefing(
            "Tom Poe posted on Monday: Payload will be my red car playing a song.",
            "The rules and the agency's actions in 2019 make me wary of this form.",
        )
    )
    assert "first person" in lines["2019"][1]


def test_a_possessive_pronoun_on_the_subject_reads_as_the_name():
    lines = _lines(_briefing("Tom Poe joined the Vistaria Company in 1990. In 2008, his career took a turn."))
    assert lines["2008"] == ("In 2008, [Tom Poe]’s career took a turn", "")


def test_a_subject_that_points_back_is_background():
    (line, why) = _lines(_briefing("That decision led a judge in December to dismiss the claims."))["December"]
    assert "refers back" in why


def test_figures_compared_with_another_time_are_background():
    lines = _lines(
        _briefing(
            "The harvest reached 80 tonnes, 12 tonnes more than last year.",
            "The fee amounted to 4 percent of the price in 2019.",
            "Its share is up from 22 percent in January.",
        )
    )
    assert "comparison" in lines["last year"][1]
    assert lines["2019"][1] == lines["January"][1] == "a figure or a comparison"


def test_they_names_a_plural_not_one_body():
    (line, why) = _lines(
        _briefing("After small increases, the budget office said, they will go up more sharply after 2028.")
    )["after 2028"]  # ordered after the year, not dated on it
    assert "[" not in line and why


def test_quoted_words_the_line_gives_with_who_says_them_stay_on_the_timeline():
    (line, why) = _lines(_briefing("Tom Poe, who lives near the station, said: “I heard a noise at around 6am.”"))[
        "6am"
    ]
    assert line.startswith("Tom Poe, who lives near the station, said:") and not why


def test_a_line_ends_on_a_word_not_on_and():
    (line, _) = _lines(
        _briefing("Road deaths have been on the rise lately in Eastbrook and, officials say, elsewhere.")
    )["lately"]
    assert line == "Road deaths have been on the rise lately in Eastbrook"


def test_a_description_the_text_gave_a_named_person_shows_the_name():
    lines = _lines(
        _briefing(
            "Jane Roe, the former mayor of Eastbrook, opened a school in 2019.",
            "The former mayor of Eastbrook opened the new bridge on Monday.",
        )
    )
    assert lines["Monday"][0] == "The former mayor of Eastbrook [Jane Roe] opened the new bridge on Monday"


def test_a_comma_that_closes_an_apposition_is_no_conjunction():
    from generator.extract.event_lines import Context, read_event

    # '…, whose leader, Jane Roe, topped a poll': 'topped' parsed as a second verb of the sentence's subject
    doc = _parsed(
        "Officials are considering a coalition , whose leader , Roe , topped a poll in May .",
        [2, 2, 2, 4, 2, 4, 7, 4, 7, 7, 4, 2, 13, 11, 11, 14, 2],
        "nsubj aux ROOT det dobj punct poss appos punct appos punct conj det dobj prep pobj punct",
        "NNS VBP VBG DT NN , WP$ NN , NNP , VBD DT NN IN NNP .",
    )
    topped = doc[11]
    start = topped.idx
    text = doc.text[start : doc[15].idx + len(doc[15])]
    reading = read_event(topped, start, start + len(text), 1, text, Context([doc], [], lambda p, o: False))
    assert "[Officials]" not in reading.reads and reading.background == "the line does not show who acts"


def test_a_listing_entry_is_background():
    (e,) = _briefing("● March 3 — Tom Poe reads from his poems at the Eastbrook library.").events
    assert "listing" in e.background


def test_a_statement_without_its_words_is_background():
    (line, why) = _lines(_briefing("Tom Poe said on Tuesday."))["Tuesday"]
    assert "does not give" in why


def test_a_statement_shows_a_short_quotation_whole():
    words = "we will rebuild the bridge, the school and the station before the winter comes and the river rises again next spring as it did before"
    (line, _) = _lines(_briefing(f"“{words.capitalize()},” Jane Roe said on Monday."))["Monday"]
    assert line == f"Jane Roe said on Monday: “{words.capitalize()}”"


def test_a_description_of_the_one_body_so_named_shows_its_name():
    lines = _lines(
        _briefing(
            "The Eastbrook Institute for Coastal Studies was founded by Jane Roe.",
            "The institute this week opened two new laboratories.",
        )
    )
    assert (
        lines["this week"][0]
        == "The institute [Eastbrook Institute for Coastal Studies] this week opened two new laboratories"
    )


def test_a_described_speaker_shows_the_name_the_quote_attribution_found():
    lines = _lines(
        _briefing(
            "Organizers' spokeswoman Jane Roe said on Monday: “We are ready.”",
            "“The new ferry is safe,” the spokeswoman said on Tuesday.",
        )
    )
    assert lines["Tuesday"][0] == "the spokeswoman [Jane Roe] said on Tuesday: “The new ferry is safe”"


def test_a_line_that_starts_inside_a_quotation_opens_it():
    (line, _) = _lines(_briefing("“We are ready,” said Jane Roe, the spokeswoman for the organizers, on Friday."))[
        "Friday"
    ]
    assert line.startswith("“We are ready,” said Jane Roe")


# (paragraph, date phrase, how its line starts): lines read in the clause that names who acts
# (a participle, a bare infinitive), and clauses that keep who said or made them clear
LINE_STARTS = [
    (
        "Speaking in Eastbrook on Tuesday, Jane Roe said the bridge would reopen.",
        "Tuesday",
        "Speaking in Eastbrook on Tuesday, Jane Roe said the bridge would reopen",
    ),
    (
        "The union has been organizing workers and raising money since 2019.",
        "2019",
        "The union has been organizing workers and raising money since 2019",
    ),
    (
        "Farmers switched to barley, helping the Arden mill reach record output in March.",
        "March",
        "Farmers switched to barley, helping the Arden mill reach record output",
    ),
    (
        "Tom Poe says next month's launch will be exciting.",
        "next month",
        "Tom Poe says next month's launch will be exciting",
    ),
    (
        "Jane Roe made the point that she would run for mayor in this year's race.",
        "this year",
        "Jane Roe made the point that she would run for mayor in this year's race",
    ),
    (
        "There is a chance that no Eastbrook drivers will race in 2025.",
        "2025",
        "There is a chance that no Eastbrook drivers will race in 2025",
    ),
]


@pytest.mark.parametrize(("paragraph", "phrase", "start"), LINE_STARTS)
def test_a_line_keeps_who_acts_or_speaks(paragraph, phrase, start):
    assert _lines(_briefing(paragraph))[phrase][0].startswith(start)


def test_a_date_after_no_later_than_is_no_comparison():
    (line, why) = _lines(_briefing("Tom Poe must file the papers no later than Friday."))["Friday"]
    assert line == "Tom Poe must file the papers no later than Friday" and not why


def test_a_quotation_that_ended_its_sentence_is_not_the_next_line_s_words():
    (line, _) = _lines(_briefing("Jane Roe spoke first: “We won.” Tom Poe announced on Monday his resignation."))[
        "Monday"
    ]
    assert line == "Tom Poe announced on Monday his resignation"


def test_a_name_in_brackets_lands_on_its_word_in_a_line_that_opens_a_quotation():
    lines = _lines(
        _briefing(
            "Mayor Jane Roe opened the hall on Sunday.", "“We will rebuild the bridge,” said the mayor on Monday."
        )
    )
    assert lines["Monday"][0] == "“We will rebuild the bridge,” said the mayor [Jane Roe] on Monday"


def test_the_folded_background_escapes_the_article_s_words():
    from generator.render import render_pages

    b = _briefing("There were <b>40</b> break-ins & thefts in the town last year.")
    page = render_pages(b)["timeline.md"]
    folded = page.partition('<details class="briefing-how">')[2]
    assert "&lt;b&gt;40&lt;/b&gt;" in folded and "&amp; thefts" in folded and "<b>" not in folded
