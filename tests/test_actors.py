"""Actor extraction: floors on the seed gold, rule tests on invented sentences, a dev-data proxy."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, SHARED_EVAL

from generator.evaluate import POLNEAR
from generator.evaluate.actors import dev_proxy, seed_score
from generator.model import Actor, Article


def actors_of(*paragraphs: str) -> list[Actor]:
    from generator.extract.actors import extract_actors
    from generator.nlp import parse

    article = Article(id="t", title="t", published=None, source=None, url=None, tags=(), paragraphs=paragraphs)
    return extract_actors(article, parse(article))


def find(actors: list[Actor], form: str) -> Actor | None:
    hits = [a for a in actors if form == a.name or form in a.aliases]
    assert len(hits) <= 1, f"{form!r} is in several actors: {[a.id for a in hits]}"
    return hits[0] if hits else None


# --- data -------------------------------------------------------------------


def test_gazetteer_reads_the_data_file():
    from generator.extract.actors_gazetteer import gazetteer

    gaz = gazetteer()
    assert gaz.country("France") == "France"
    assert gaz.demonym("Kenyan") == "Kenya"
    assert gaz.plural_demonym("Kenyans") == "Kenya"
    assert gaz.plural_demonym("French") == "France"  # no -s after a sibilant
    assert gaz.capital_of("Nairobi") == "Kenya"
    assert gaz.codes.get("UK") == "United Kingdom"
    assert gaz.country("Atlantis") is None
    # Names written without their accents are the same places.
    assert gaz.is_city("Düsseldorf") and gaz.is_city("Dusseldorf") and gaz.is_city("Sao Paulo")


# --- seed gold --------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_scores():
    return seed_score()


@pytest.mark.spacy
def test_seed_actor_precision_recall(seed_scores):
    assert seed_scores["recall"] >= 0.95, seed_scores["false_negatives"]
    assert seed_scores["precision"] >= 0.9, seed_scores["false_positives"]


@pytest.mark.spacy
def test_seed_types_merges_roles(seed_scores):
    assert seed_scores["type_accuracy"] >= 0.95, seed_scores["wrong_types"]
    assert seed_scores["merge_same_accuracy"] >= 0.95
    assert seed_scores["merge_apart_accuracy"] >= 0.99
    assert seed_scores["role_accuracy"] >= 0.85, seed_scores["role_errors"]
    assert seed_scores["affiliation_accuracy"] >= 0.85
    assert seed_scores["capital_flags"] == "1/1"


@pytest.mark.spacy
def test_seed_people_once_each_with_their_roles():
    from generator.article import read_article
    from generator.extract import extract_briefing
    from generator.nlp import parse

    article = read_article(ROOT / "seeds" / "000_826671d92ab4721b.txt")
    b = extract_briefing(article, parse(article))
    # Named people; a described speaker ("a US embassy spokesperson") is a person the text does not name.
    people = [a for a in b.actors if a.type == "person" and not a.described]
    assert len(people) == 5
    assert all(a.roles for a in people)
    assert len({a.id for a in b.actors}) == len(b.actors)
    for a in b.actors:
        for m in a.mentions:
            assert b.article.paragraphs[m.paragraph - 1][m.start : m.end] == m.text
        for r in a.roles:
            assert b.article.paragraphs[r.paragraph - 1][r.start : r.end] == r.text


# --- rules, on invented sentences --------------------------------------------


@pytest.mark.spacy
def test_title_and_surname_merge_into_the_full_name():
    actors = actors_of(
        "Senator Jane Holloway visited the flooded valley on Monday.",
        "Ms Holloway said the repairs would take a year. Holloway later left.",
    )
    a = find(actors, "Jane Holloway")
    assert a is not None and a.type == "person"
    assert {"Senator Jane Holloway", "Ms Holloway"} <= set(a.aliases)
    assert len(a.mentions) >= 3
    assert [r.text for r in a.roles] == ["Senator"]  # "Ms" is a courtesy title, not a role


@pytest.mark.spacy
def test_shared_surname_goes_to_the_nearest_full_name():
    actors = actors_of(
        "Peter Marsh and his sister Claire Marsh run the bakery.",
        "Claire Marsh opened a second shop. Ms Marsh said business was good.",
    )
    claire = find(actors, "Claire Marsh")
    assert claire is not None and "Ms Marsh" in claire.aliases
    assert "Ms Marsh" not in find(actors, "Peter Marsh").aliases


@pytest.mark.spacy
def test_acronym_in_brackets_is_an_alias():
    actors = actors_of(
        "The National Farmers Guild (NFG) criticised the new tax.",
        "The NFG said it would appeal.",
    )
    a = find(actors, "National Farmers Guild")
    assert a is not None and a.type == "organisation"
    assert "NFG" in a.aliases
    assert len(a.mentions) == 3


@pytest.mark.spacy
def test_also_known_as_is_an_alias():
    actors = actors_of("Jonathan Reyes, also known as Johnny Blaze, was arrested in Madrid.")
    a = find(actors, "Jonathan Reyes")
    assert a is not None and "Johnny Blaze" in a.aliases


@pytest.mark.spacy
def test_demonym_group_is_affiliated_with_its_country():
    actors = actors_of("Kenyan officials said the talks had failed. Kenyan exports fell.")
    group = find(actors, "Kenyan officials")
    assert group is not None and group.type == "group"
    kenya = find(actors, "Kenya")
    assert kenya is not None and kenya.type == "country"
    assert group.affiliation == kenya.id
    # The demonym standing alone is a mention of the country; inside the group phrase it is not.
    assert [m.text for m in kenya.mentions] == ["Kenyan"]
    assert kenya.mentions[0].start > 20


@pytest.mark.spacy
def test_backed_by_a_country_is_not_an_affiliation():
    actors = actors_of("Ukraine-backed fighters attacked the convoy.")
    group = find(actors, "Ukraine-backed fighters")
    assert group is not None and group.type == "group" and group.affiliation is None


@pytest.mark.spacy
def test_capital_used_for_its_government_is_flagged_and_stays_a_place():
    actors = actors_of(
        "The delegation flew to Nairobi on Friday.",
        "Nairobi rejected the proposal, and the talks were suspended.",
    )
    city = find(actors, "Nairobi")
    assert city is not None and city.type == "place"
    assert len(city.mentions) == 2
    assert any("capital used for its government" in n and "paragraph 2" in n for n in city.notes)
    assert all("paragraph 1" not in n for n in city.notes)


@pytest.mark.spacy
def test_apposition_role_with_country_affiliation():
    actors = actors_of("Maria Lopez, Chile's foreign minister, said the border would reopen.")
    a = find(actors, "Maria Lopez")
    chile = find(actors, "Chile")
    assert a is not None and chile is not None
    assert [(r.text, r.affiliation) for r in a.roles] == [("foreign minister", chile.id)]
    assert a.affiliation == chile.id


@pytest.mark.spacy
def test_former_role_apposition():
    actors = actors_of("The plan will fail, said Tom Baker, a former ambassador.")
    a = find(actors, "Tom Baker")
    assert a is not None and [r.text for r in a.roles] == ["former ambassador"]


@pytest.mark.spacy
def test_country_organisation_phrases():
    actors = actors_of("The French foreign ministry and the Canadian embassy issued statements.")
    ministry = find(actors, "French foreign ministry")
    embassy = find(actors, "Canadian embassy")
    assert ministry is not None and ministry.type == "organisation"
    assert embassy is not None and embassy.type == "organisation"
    assert ministry.affiliation == find(actors, "France").id


@pytest.mark.spacy
def test_a_country_name_opening_an_outlet_name_is_the_outlet_not_the_country():
    actors = actors_of("Spending rose to $2.3 million, a Kenya DISPATCH analysis of new campaign filings shows.")
    assert [(a.name, a.type) for a in actors] == [("Kenya DISPATCH", "organisation")]
    # A title after the country's name is a role, and a body's head a body of that country.
    us = actors_of("The US Senate voted on Monday. US President Tom Poe spoke later.")
    assert find(us, "United States") is not None and find(us, "Tom Poe").type == "person"


@pytest.mark.spacy
def test_pronouns_dates_numbers_and_generic_nouns_are_not_actors():
    actors = actors_of("He said on Tuesday that 300 people had left. They were worried, and the company agreed.")
    assert actors == []


# --- development data proxy --------------------------------------------------


@pytest.mark.spacy
def test_dev_proxy_named_speakers_land_in_actor_mentions():
    path = SHARED_EVAL / POLNEAR
    if not path.exists():
        pytest.skip(f"development data not found at {path}")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(next(fh)) for _ in range(12)]
    d = dev_proxy(rows)
    assert d["named_speakers"] > 50
    assert d["speaker_in_person_org_group_country"] >= 0.80  # measured 0.848


@pytest.mark.spacy
def test_first_name_alone_joins_the_one_full_name_it_starts():
    actors = actors_of("Bernadette Kowalski won the race on Sunday.", "Bernadette thanked her coach.")
    a = find(actors, "Bernadette Kowalski")
    assert a is not None and "Bernadette" in a.aliases


@pytest.mark.spacy
def test_dotted_country_code_is_the_country():
    actors = actors_of("The U.S. imposed tariffs, and Canada responded.")
    us = find(actors, "United States")
    assert us is not None and us.type == "country" and "U.S." in us.aliases


@pytest.mark.spacy
def test_dateline_agency_in_brackets_is_no_alias_of_the_city():
    actors = actors_of("MADRID (AP) — The Spanish government announced new elections on Monday.")
    assert not any("AP" in a.aliases and a.type == "place" for a in actors)
    city = find(actors, "MADRID")
    assert city is None or city.type == "place"


@pytest.mark.spacy
def test_bare_generic_plurals_are_no_groups():
    assert actors_of("People were angry, and many voters stayed home.") == []
    officials = find(actors_of("Officials said the bridge would reopen."), "Officials")
    assert officials is not None and officials.type == "group"


@pytest.mark.spacy
def test_legal_form_suffix_joins_the_company():
    actors = actors_of("Halvorsen Shipping Ltd said profits rose. Shares in Halvorsen Shipping fell anyway.")
    a = find(actors, "Halvorsen Shipping Ltd")
    assert a is not None and a.type == "organisation" and "Halvorsen Shipping" in a.aliases


def test_organisation_key_drops_the_legal_form_only():
    from generator.extract.actors_mentions import _org_key

    assert _org_key("Courtney Mills PLC") == _org_key("Courtney Mills") == "courtney mills"
    assert _org_key("Co") == "co"


def test_short_name_after_of_in_a_long_country_name():
    from generator.extract.actors_gazetteer import gazetteer

    assert gazetteer().country("America") == "United States"
    assert gazetteer().country("Man") is None  # too short to trust


@pytest.mark.spacy
def test_a_name_split_into_two_touching_entities_is_joined():
    from spacy.tokens import Span

    from generator.extract.actors_mentions import _joined
    from generator.nlp import get_nlp

    doc = get_nlp()("The Northern Grain Marketing Board met in Leeds.")
    split = [Span(doc, 1, 3, label="ORG"), Span(doc, 3, 5, label="ORG"), Span(doc, 7, 8, label="GPE")]
    joined = [(e.text, e.label_) for e in _joined(split)]
    assert joined == [("Northern Grain Marketing Board", "ORG"), ("Leeds", "GPE")]
    assert [e.text for e in doc.ents] == [e.text for e in get_nlp()(doc.text).ents]  # the Doc is untouched


def test_city_table_reads_the_data_file():
    from generator.extract.actors_gazetteer import gazetteer

    assert gazetteer().is_city("Florence") and not gazetteer().is_city("Atlantis")


@pytest.mark.spacy
def test_city_tagged_as_organisation_is_a_place():
    from spacy.tokens import Span

    from generator.extract.actors_gazetteer import gazetteer
    from generator.extract.actors_mentions import mentions_in
    from generator.nlp import get_nlp

    doc = get_nlp()("Talks were held in Florence on Monday, and Acme Holdings sent a team.")
    doc.ents = [Span(doc, 4, 5, label="ORG"), Span(doc, 9, 11, label="ORG")]  # the tagger's mistake, forced
    types = {c.text: c.type for c in mentions_in(doc, 1, gazetteer())}
    assert types["Florence"] == "place"
    assert types["Acme Holdings"] == "organisation"


@pytest.mark.spacy
def test_title_after_a_demonym_takes_the_country_and_groups_take_an_organisation():
    actors = actors_of("Chilean Foreign Minister Rosa Alvarez said the border would reopen.")
    a = find(actors, "Rosa Alvarez")
    assert [(r.text, r.affiliation) for r in a.roles] == [("Foreign Minister", find(actors, "Chile").id)]
    actors = actors_of("The Atlantic Alliance (AA) met in Oslo. AA officials said the talks would resume.")
    assert find(actors, "AA officials").affiliation == find(actors, "Atlantic Alliance").id


@pytest.mark.spacy
def test_generic_possessor_is_dropped_from_a_role():
    actors = actors_of("The company's chief executive, Maria Lind, resigned. Ms Lind had led the firm for years.")
    a = find(actors, "Maria Lind")
    assert a is not None and "Ms Lind" in a.aliases
    assert [r.text for r in a.roles] == ["chief executive"]


@pytest.mark.spacy
def test_unnamed_speaker_description_becomes_the_role_of_the_named_speaker_after_the_quote():
    actors = actors_of(
        "The chief negotiator of the Harbour Workers Union said on Monday that the strike would go on. "
        "\u201cWe will not back down,\u201d said Paula Grant."
    )
    a = find(actors, "Paula Grant")
    union = find(actors, "Harbour Workers Union")
    assert a is not None and union is not None
    assert [(r.text, r.affiliation) for r in a.roles] == [("chief negotiator of the Harbour Workers Union", union.id)]
    # Someone else named in between: no role is carried over.
    actors = actors_of(
        "The chief negotiator said on Monday that Tom Reed was wrong. \u201cWe will not back down,\u201d said Paula Grant."
    )
    assert find(actors, "Paula Grant").roles == ()


@pytest.mark.spacy
def test_a_possessive_inside_the_role_keeps_the_whole_role():
    # 'the company's chief executive' drops a generic possessor; a possessive
    # further in belongs to the role ('chairman of the fishermen’s association').
    people = {
        a.name: [r.text for r in a.roles]
        for a in actors_of(
            "Tom Avery, chairman of the fishermen’s association, said the wall would cut access.",
            "Maria Lopez, the company's chief executive, said the plant would close.",
        )
        if a.type == "person"
    }
    assert people == {"Tom Avery": ["chairman of the fishermen’s association"], "Maria Lopez": ["chief executive"]}


@pytest.mark.spacy
def test_named_buildings_and_squares_are_places_but_a_court_circuit_is_not():
    actors = actors_of(
        "Passengers were delayed at Eastbrook Stadium and at the Port Ellis Tower.",
        "The Eastbrook Court of Appeals for the Ninth Circuit ruled against the state.",
    )
    assert find(actors, "Eastbrook Stadium").type == "place"
    assert find(actors, "Port Ellis Tower").type == "place"
    assert find(actors, "Eastbrook Court of Appeals").type == "organisation"


@pytest.mark.spacy
def test_a_date_or_a_count_after_a_name_is_no_role():
    actors = actors_of(
        "The rocket will launch next month from the old pad. — Tom Hale (@tomhale) December 2, 2017",
        "Delegates gave Jane Roe, 36 votes for the next mayor of Eastbrook, a win.",
    )
    assert [r.text for r in find(actors, "Tom Hale").roles] == []
    assert not any("votes" in r.text for r in find(actors, "Jane Roe").roles)


def test_an_institution_named_after_a_person_is_not_a_person():
    from generator.extract.actors_evidence import not_a_name

    assert not_a_name("Jane S. Roe Library", frozenset()) is not None
    assert not_a_name("Tom Hale Museum", frozenset()) is not None
    assert not_a_name("Jane Hill", frozenset()) is None  # a family name that is also a place word


@pytest.mark.spacy
def test_the_first_of_two_family_names_written_alone_is_the_same_person():
    b = _briefing(
        "The two pilots also died in the crash, President Luis Alberto Ferrer Ocampo said in a statement.",
        "Ferrer expressed his condolences on Twitter.",
    )
    people = [a for a in b.actors if a.type == "person"]
    assert [a.name for a in people] == ["Luis Alberto Ferrer Ocampo"], [(a.name, a.aliases) for a in b.actors]


@pytest.mark.spacy
def test_events_laws_and_works_are_not_actors():
    b = _briefing(
        "The Eastbrook Grand Prix was stopped twice. Drivers said the Clean Rivers Act would not apply.",
        "The Westfield Music Awards were cancelled, the Eastbrook Racing Club said.",
        "Crowds left the Arden Winterfest early, the organisers said.",
    )
    names = {a.name for a in b.actors}
    assert not names & {"Eastbrook Grand Prix", "Clean Rivers Act", "Westfield Music Awards", "Arden Winterfest"}, names
    assert "Eastbrook Racing Club" in names, names


@pytest.mark.spacy
def test_plural_role_before_two_names_is_both_roles_and_a_disguised_subject_is_no_role():
    b = _briefing(
        "In an interview with Morning Show hosts Tom Poe and Mary Loe, the Democratic presidential candidate"
        " stated that the remarks were unfair.",
    )
    roles = {a.name: [r.text for r in a.roles] for a in b.actors}
    assert roles.get("Tom Poe") == ["Morning Show hosts"], roles
    assert roles.get("Mary Loe") == ["Morning Show hosts"], roles  # not 'the Democratic presidential candidate'


def _person_roles(b) -> dict[str, list[str]]:
    """Each person of a briefing, with the texts of its roles."""
    return {a.name: [r.text for r in a.roles] for a in b.actors if a.type == "person"}


def _rule_spans(rule, doc, name: str | None = None) -> list[str]:
    """The role texts one rule of actors_roles reads for a person of a one-paragraph Doc (the named
    one, else the first person)."""
    from generator.extract.actors_gazetteer import gazetteer
    from generator.extract.actors_mentions import mentions_in

    cand = next(c for c in mentions_in(doc, 1, gazetteer()) if c.type == "person" and name in (None, c.name))
    return [doc[s:e].text for s, e in rule(doc, cand)]


def _briefing(*paragraphs: str):
    from generator.extract import extract_briefing
    from generator.model import Article
    from generator.nlp import parse

    art = Article(id="t", title="T", published=None, source=None, url=None, tags=(), paragraphs=paragraphs)
    return extract_briefing(art, parse(art))


@pytest.mark.spacy
def test_a_platform_that_speaks_is_its_company_and_the_it_that_follows_is_it():
    """'<Platform> said …' (the tagger gave the name no label): the company speaks, and the next
    'it said' refers to it, not to the body named paragraphs before."""
    b = _briefing(
        "Two former staff of Vistaria have started a drive to fight the habit-forming design of games.",
        "The Eastbrook Council for Quiet Media is behind the drive.",
        'It warns that games are "stealing our evenings".',
        'Reddit said it is "a welcome part of many families\' weekends".',
        '"We know Reddit can help friends stay in touch," it said in reply to the drive\'s start.',
    )
    reddit = next(a for a in b.actors if a.name == "Reddit")
    assert reddit.type == "organisation"
    said = {q.paragraph: q.speaker for q in b.quotes if q.kind != "reported"}
    assert said[4] == said[5] == reddit.id, said
    assert said[3] == next(a.id for a in b.actors if a.name.startswith("Eastbrook Council"))


@pytest.mark.spacy
def test_he_reaches_a_person_whose_full_name_the_tagger_read_as_a_body():
    """The tagger labels 'Rukshan Dissanayake' an organisation here; the actor stage knows a person
    of that full name, so the next paragraph's 'He said' is his (was: unattributed)."""
    b = _briefing(
        "There is mounting evidence from health professionals that devices harm children.",
        "In December, former Vistaria executive Rukshan Dissanayake said he felt guilty about helping create"
        ' tools that "are ripping society apart".',
        "He said he had banned his own children from using phones.",
    )
    person = next(a for a in b.actors if a.name == "Rukshan Dissanayake")
    assert person.type == "person"
    assert [q.speaker for q in b.quotes if q.paragraph == 3] == [person.id]


@pytest.mark.spacy
@pytest.mark.parametrize("family", ["Hale", "Warren"])
def test_a_name_before_a_word_for_a_body_is_no_she_for_a_later_speaker(family):
    """'the Hale campaign took …' names the campaign: the next 'she said' is the woman who spoke
    before, not the candidate, nor the campaign."""
    b = _briefing(
        f"Senator Mary {family} is running for governor of Ohio this year.",
        "“The campaign is in a state of alarm,” said Ann Lee, a Cleveland-based head of the Ohio Teachers Guild.",
        f"Critics believe that the {family} campaign ignored farm towns for months and now has to hurry to win"
        " them back.",
        "“They misjudged the mood because they trusted a few ads,” she said.",
    )
    lee = next(a.id for a in b.actors if a.name == "Ann Lee")
    assert [(q.paragraph, q.speaker) for q in b.quotes] == [(2, lee), (4, lee)]


@pytest.mark.spacy
def test_a_word_for_a_doer_right_before_a_name_makes_it_a_person():
    # The tagger reads 'Jane Roe’s question' as a body's; 'moderator' says who she is.
    actors = actors_of(
        "Roe tried to court older voters at the forum in her answer to moderator Hester Holt’s question about pensions."
    )
    assert ("Hester Holt", "person") in {(a.name, a.type) for a in actors}


@pytest.mark.spacy
def test_bare_surname_stays_with_the_person_it_meant_before_relatives_are_named():
    """News style keeps the surname alone for the principal and names a wife or a father in full:
    a 'Poe said' after the relatives appear is still the senator's, not the last-named Poe's."""
    b = _briefing(
        "Senator Tom Poe spoke in the chamber on Monday.",
        '"We will not give in," Poe said at the time.',
        "His rival had attacked his wife, Ann, and his father. The rival shared a photo of Ann Poe and "
        "repeated a claim about Ray Poe.",
        '"I do not support people who attack my family," Poe said in July.',
    )
    tom = next(a for a in b.actors if a.name == "Tom Poe")
    said = [q for q in b.quotes if "attack my family" in q.text]
    assert len(said) == 1 and said[0].speaker == tom.id


def test_bare_surname_in_the_paragraph_of_a_relative_still_means_the_principal():
    actors = actors_of(
        "Senator Tom Poe spoke in Eastbrook on Monday.",
        "Poe promised lower taxes.",
        "Mary Lane said she admired his staff, but that Ann Poe's portrait of Poe was too kind.",
    )
    ann, tom = find(actors, "Ann Poe"), find(actors, "Tom Poe")
    assert [m.text for m in ann.mentions] == ["Ann Poe"]
    assert [m.paragraph for m in tom.mentions if m.text == "Poe"] == [2, 3]


def test_mr_and_mrs_with_one_surname_are_two_people():
    # 'Casey' shows no gender; the article's titles do: the full name is Mrs. Roe's.
    actors = actors_of(
        "Casey Roe spoke in Eastbrook on Monday. Mrs. Roe said the plan was sound.",
        "Tom Poe attacked Mr. Roe's business after Mrs. Roe accused him of lying.",
        "Mrs. Roe smiled.",
    )
    casey = find(actors, "Casey Roe")
    assert "Mrs. Roe" in casey.aliases and "Mr. Roe" not in casey.aliases
    assert find(actors, "Mr. Roe") is not None and find(actors, "Mr. Roe").type == "person"


def test_a_place_swept_into_the_name_after_title_of_belongs_to_the_title():
    actors = actors_of("Governor of Vistaria Tariq Rahman said: “We are working hard.”")
    person = find(actors, "Tariq Rahman")
    assert person is not None and person.type == "person"
    assert [r.text for r in person.roles] == ["Governor of Vistaria"]


def test_a_given_name_the_tagger_left_out_joins_the_family_name_it_tagged():
    from spacy.tokens import Span

    from generator.extract.actors_gazetteer import gazetteer
    from generator.extract.actors_mentions import mentions_in
    from generator.nlp import get_nlp

    doc = get_nlp()("Governor of Vistaria Tariq Rahman said hello.")
    doc.ents = [Span(doc, 2, 3, "GPE"), Span(doc, 4, 5, "PERSON")]  # 'Tariq' left untagged
    people = [c for c in mentions_in(doc, 1, gazetteer()) if c.type == "person"]
    assert [(c.name, c.title) for c in people] == [("Tariq Rahman", "Governor of Vistaria")]


def test_hyphenated_family_names_and_dutch_particles_stay_one_person():
    actors = actors_of(
        "For Anita Poe-Roe, a lawyer in Eastbrook, the rule is out of date.",
        "Poe-Roe says the court will decide.",
        "“It is a risk everywhere,” said Sophie in 't Marle, a member of the Vistaria council.",
    )
    hyphen = find(actors, "Anita Poe-Roe")
    assert hyphen is not None and hyphen.type == "person" and "Poe-Roe" in hyphen.aliases
    assert find(actors, "Anita Poe") is None
    dutch = find(actors, "Sophie in 't Marle")
    assert dutch is not None and dutch.type == "person"
    assert not [a for a in actors if a.name in ("Sophie", "Marle")]


def test_the_second_half_of_a_numbered_compound_is_no_person():
    actors = actors_of(
        "In Vistaria, Prime Minister Tom Poe is rallying a coalition against the anti-EU 5-Star Movement "
        "and anti-immigration Northern Alliance."
    )
    assert [a.name for a in actors if a.type == "person"] == ["Tom Poe"]


def test_a_quoted_title_and_a_headline_adjective_are_no_people():
    actors = actors_of(
        "Trailer: A 'Star Rovers Story' trailer reveals the pilot's roots.",
        "Jane Roe was meant to spend five years in jail, however...Disgraced Vantrex boss walks free from prison.",
    )
    assert [a.name for a in actors if a.type == "person"] == ["Jane Roe"]


def test_a_headline_in_capitals_names_the_person_by_surname():
    actors = actors_of(
        "ROWENA’S LAST SPEECH “President Jane Rowena’s final address will frame the choice,” the agency writes.",
        "Aides to Rowena said the speech was short.",
    )
    person = find(actors, "Jane Rowena")
    assert person is not None and person.type == "person"
    assert {"ROWENA", "Rowena"} & set(person.aliases)
    assert not [a for a in actors if a.type == "organisation" and "rowena" in a.name.lower()]


def test_a_country_of_two_words_inside_a_name_is_no_person_and_britain_is_a_country():
    from generator.extract.actors_gazetteer import gazetteer

    actors = actors_of("Sierra Leone Civil Aviation said the plane had been inspected.")
    assert not [a for a in actors if a.type == "person"]
    assert {a.name: a.type for a in actors}.get("Sierra Leone Civil Aviation") == "organisation"
    assert gazetteer().country("Britain") == "United Kingdom"  # AP Stylebook's short name


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "“He says different things to different audiences,” Jane Roe, who is chairman of Our Values PAC, "
            "said in a statement.",
            "Jane Roe",
            "chairman of Our Values PAC",
        ),
        ("Parties want to thwart the Vistaria Front, whose leader, Anna Berg, topped a poll.", "Anna Berg", "leader"),
        (
            "The most generous is the plan of the leading Republican candidate, Tom Poe, which analysts have "
            "estimated to cost $10 trillion.",
            "Tom Poe",
            "leading Republican candidate",
        ),
    ],
)
def test_roles_from_a_relative_clause_whose_and_an_apposition_after_a_preposition(text, name, role):
    person = find(actors_of(text), name)
    assert person is not None and role in [r.text for r in person.roles]


def test_a_relative_clause_with_a_verb_of_leading_gives_a_role_but_not_a_past_deed_or_an_idiom():
    text = "Tom Poe, who runs the Vistaria cycling federation, called the plan reckless."
    person = find(actors_of(text), "Tom Poe")
    assert person is not None and [r.text for r in person.roles] == ["runs the Vistaria cycling federation"]
    for text in (
        "Tom Poe, who ran the Eastbrook marathon in May, said he was tired.",
        "Jane Roe, who leads a quiet life in Arden, said she had no plans to move.",
    ):
        person = find(actors_of(text), text.split(",")[0])
        assert person is not None and person.roles == (), text


@pytest.mark.parametrize(
    "text, not_people",
    [
        ("The president spoke at Eastbrook's Tom Poe Theater on Friday.", ["Tom Poe Theater"]),
        ("Host: Tom Poe Playing Dumb About The Vote Is ‘Disqualifying.’", ["Tom Poe Playing Dumb"]),
        ("Former Tom Poe Super PAC ‘Refurbished,’ Becomes ‘Defeat Jane PAC.’", ["Tom Poe Super PAC", "Jane PAC"]),
    ],
)
def test_a_building_a_committee_and_a_headline_verb_are_not_part_of_a_person(text, not_people):
    people = [a.name for a in actors_of(text) if a.type == "person"]
    assert not set(people) & set(not_people), people


def test_a_name_that_owns_a_building_is_no_person():
    from spacy.tokens import Span

    from generator.extract.actors_gazetteer import gazetteer
    from generator.extract.actors_mentions import mentions_in
    from generator.nlp import get_nlp

    doc = get_nlp()("A moon rises behind St Ansel's Cathedral tonight.")
    doc.ents = [Span(doc, 4, 7, "PERSON")]  # 'St Ansel 's', as the tagger takes it
    assert not [c for c in mentions_in(doc, 1, gazetteer()) if c.type == "person"]


def test_an_adjective_opening_a_sentence_before_a_role_and_name_is_no_organisation():
    actors = actors_of("~ Controversial owner Chris Poe is selling The New Ledger.", "Apple chief Tom Poe said no.")
    names = {a.name: a.type for a in actors}
    assert "Controversial" not in names and names.get("Apple") == "organisation", names


def test_a_would_be_person_ending_in_a_word_for_a_site_is_a_place():
    actors = actors_of("Trams were stopped between Eastbrook Junction and Poe Corner on Tuesday.")
    assert {a.name: a.type for a in actors} == {"Eastbrook Junction": "place", "Poe Corner": "place"}


def test_a_name_with_a_possessive_inside_is_no_person():
    from generator.extract.actors_evidence import not_a_name

    assert not_a_name("Poe’s Eastbrook", frozenset())
    assert not_a_name("Tom Poe", frozenset()) is None


def test_made_things_teams_agencies_and_caption_leftovers_are_no_person():
    from generator.extract.actors_evidence import credit_words, not_a_name

    assert not_a_name("Eastbrook Solar Probe", frozenset()).startswith("a word for a made thing")
    assert not_a_name("Leeds Otters", frozenset()).startswith("a place's team")
    assert not_a_name("Kyodo", frozenset()) == "a news or photo agency"
    assert not_a_name("Vistaria Vistaria", frozenset()).startswith("one word written twice")
    assert not_a_name("Jane Roe ENGAGED", frozenset()).startswith("a word in capitals")
    # Names that only look so: a family name in capitals, a given name that is a city, a plural surname.
    assert not_a_name("Jane MARCHETTI", frozenset()) is None
    assert not_a_name("Paris Hilton", frozenset()) is None
    assert not_a_name("Tom Rivers", frozenset()) is None
    assert credit_words(["GETTY", "Jane", "Roe"]) == 1
    assert credit_words(["Getty", "Images", "Jane", "Roe"]) == 2
    assert credit_words(["Jane", "Roe"]) == 0


@pytest.mark.spacy
def test_a_credit_glued_to_a_name_is_cut_off_and_the_person_kept():
    actors = actors_of("Getty Images Tom Hale was left angry after the match was twice halted.")
    assert [(a.name, a.type) for a in actors] == [("Tom Hale", "person")]
    actors = actors_of("Prince Tom and Jane Hale ENGAGED with a summer wedding planned in the capital")
    assert "Jane Hale" in {a.name for a in actors if a.type == "person"}


@pytest.mark.spacy
def test_a_definite_description_opening_the_next_sentence_is_the_role_of_the_one_named_before():
    actors = actors_of("6. Jane Roe.  The Idaho governor stands level with Tom Poe, with heavy spending on ads.")
    assert [r.text for r in find(actors, "Jane Roe").roles] == ["Idaho governor"]
    # Not when the sentence before mentions that noun, nor for someone who speaks for a body.
    other = actors_of("Tom Poe met the minister on Monday. The minister said the talks had failed.")
    assert find(other, "Tom Poe").roles == ()
    body = actors_of("Tom Poe doubts the account. The Vistaria Air spokesman described the flight as short.")
    assert find(body, "Tom Poe").roles == ()


@pytest.mark.spacy
def test_the_town_of_a_name_a_country_also_has_is_a_place():
    town = actors_of("Three riders were hurt when a coach on its way from San Carlos to the city of Chad overturned.")
    assert [a.type for a in town if a.name == "Chad"] == ["place"]
    country = actors_of("Voters in Mali went to the polls on Sunday.")
    assert [a.type for a in country if a.name == "Mali"] == ["country"]


@pytest.mark.spacy
def test_an_eponym_and_a_device_are_no_people():
    b = _briefing(
        "Funding for research into Lou Martin's disease rose sharply this year.",
        "A parcel tracker shows the van took a long detour before it arrived.",
    )
    assert [a.name for a in b.actors if a.type == "person"] == []


@pytest.mark.spacy
def test_a_name_with_and_without_its_middle_name_is_one_person():
    actors = actors_of("Jane Quincy Roe spoke on Monday.", "Later, Jane Roe met voters.")
    assert [a.name for a in actors if a.type == "person"] == ["Jane Quincy Roe"]
    # Two longer names that fit: no guess.
    two = actors_of("Jane Quincy Roe and Jane Mary Roe spoke on Monday.", "Later, Jane Roe met voters.")
    assert len([a for a in two if a.type == "person"]) == 3


@pytest.mark.spacy
def test_a_title_joined_by_a_hyphen_is_one_title():
    actors = actors_of("The Secretary-General Tom Poe opened the summit on Friday.")
    poe = find(actors, "Tom Poe")
    assert [r.text for r in poe.roles] == ["Secretary-General"]
    assert not [a for a in poe.aliases if a.startswith("General")]


@pytest.mark.spacy
def test_a_structure_named_after_a_person_is_no_person():
    b = _briefing("Traffic on the Tom Poe bridge was halted for an hour on Sunday.")
    assert [a.name for a in b.actors if a.type == "person"] == []


@pytest.mark.spacy
def test_a_company_before_its_chief_s_name_is_not_part_of_it():
    actors = actors_of(
        "Ex-CEO of Vistacorp Jane Roe appeared at an inquiry in the capital on Tuesday.",
        "Vistacorp said the leak was over.",
    )
    assert [a.name for a in actors if a.type == "person"] == ["Jane Roe"]
    assert "Vistacorp" in [a.name for a in actors if a.type == "organisation"]


@pytest.mark.spacy
def test_a_nationality_or_an_article_before_a_name_makes_no_person():
    actors = actors_of(
        "Volunteers from the Danish Red Cross handed out blankets.",
        "Nurses of the Danish Red Cross set up a tent near the station.",
        "Supporters of the Caroline Panthers marched to the ground.",
    )
    assert [a.name for a in actors if a.type == "person"] == []
    assert "Danish Red Cross" in [a.name for a in actors if a.type == "organisation"]


@pytest.mark.spacy
def test_a_job_or_an_age_shows_a_person_the_tagger_called_an_organisation():
    actors = actors_of(
        "Amanda Ostreria is the Vistaria party’s regional field director.",
        "“We will help,” Ostreria told reporters on a call.",
        "Crowds demanded answers about the arrest of Keith Lamont Kingsley on Friday.",
        "The case of Kingsley, 43, a teacher, has divided the town.",
    )
    people = {a.name: a.aliases for a in actors if a.type == "person"}
    assert set(people) == {"Amanda Ostreria", "Keith Lamont Kingsley"}, people
    assert not [a.name for a in actors if a.name in ("Ostreria", "Kingsley")]  # one entry each


@pytest.mark.spacy
def test_a_name_written_often_without_its_middle_name_is_still_one_person():
    actors = actors_of("Jane Quincy Roe spoke on Monday.", "Later, Jane Roe met voters.", "Jane Roe left on Tuesday.")
    assert [a.name for a in actors if a.type == "person"] == ["Jane Quincy Roe"]


@pytest.mark.spacy
def test_an_illness_an_assembly_title_and_a_soft_hyphen_make_no_odd_person():
    b = _briefing(
        "Voters backed Assemblywoman Jane Roeby in her race.",
        "“No one told us,” Doug \u00adAndrus, an aide to the mayor, said on Monday.",
        "Tom Poe Wants Tests For Vistaria Virus",
    )
    people = {a.name: [r.text for r in a.roles] for a in b.actors if a.type == "person"}
    assert people == {"Jane Roeby": ["Assemblywoman"], "Doug Andrus": ["aide to the mayor"], "Tom Poe": []}
    assert [q.speaker for q in b.quotes if q.text.startswith("No one")] == ["doug-andrus"]


@pytest.mark.spacy
def test_a_family_name_before_a_word_for_relatives_is_no_mention_of_one_of_them():
    actors = actors_of("The Poe brothers gave millions to the campaign.", "Dan Poe later said he had no regrets.")
    poe = find(actors, "Dan Poe")
    assert "Poe" not in poe.aliases and [m.text for m in poe.mentions] == ["Dan Poe"]


@pytest.mark.spacy
def test_a_title_and_a_shared_surname_join_no_one_the_text_never_gave_that_title():
    from datetime import date

    from generator import extract_article
    from generator.model import Article

    paragraphs = (
        "Tom Roe and his cousin, Jim Roe, opened a bakery in Eastbrook on Monday.",
        "Mr. Roe thanked the first customers. Critics recalled the decisions of Governor Roe during the flood.",
    )
    b = extract_article(Article("t", "t", date(2024, 5, 1), None, None, (), paragraphs))
    tom = next(a for a in b.actors if a.name == "Tom Roe")
    assert "Governor Roe" not in tom.aliases  # which Roe was governor the text does not say
    assert any(a.name == "Governor Roe" for a in b.actors)


def test_a_name_the_tagger_split_at_its_particle_is_one_person():
    b = _briefing(
        # the given name is tagged as a nationality, the rest as a person
        "Its acting chief executive, Maria do Vale Sousa Jr., said sorry in a column on Friday.",
        "Little is known beyond what Ms. Sousa wrote in that column.",
    )
    people = [a for a in b.actors if a.type == "person"]
    assert [a.name for a in people] == ["Maria do Vale Sousa Jr."]
    assert len(people[0].mentions) == 2
    # a particle that is a word of the sentence, between two people
    b = _briefing("Why did Jane do Tom Poe a favour?")
    assert "Tom Poe" in {a.name for a in b.actors if a.type == "person"}


@pytest.mark.spacy
def test_a_job_title_in_capitals_is_no_actor():
    b = _briefing(
        "Jane Roe, the CTO of Vistacorp, told an IG panel on Monday that the servers were old.",
        "Tom Poe, a CFO in Arden, disagreed.",
    )
    assert sorted((a.name, a.type) for a in b.actors) == [
        ("Arden", "place"),
        ("Jane Roe", "person"),
        ("Tom Poe", "person"),
        ("Vistacorp", "organisation"),
    ]


@pytest.mark.spacy
def test_a_plural_title_before_people_named_together_is_each_one_s_role():
    b = _briefing(
        "Mayors Jane Roe and Tom Poe signed the river pact in Arden.",
        "She thanked the volunteer nurses Mary Loe and Sam Doe for their work.",
    )
    roles = _person_roles(b)
    assert roles == {
        "Jane Roe": ["Mayors"],
        "Tom Poe": ["Mayors"],
        "Mary Loe": ["volunteer nurses"],
        "Sam Doe": ["volunteer nurses"],
    }


@pytest.mark.spacy
def test_a_given_name_of_two_syllables_joined_by_a_hyphen_stays_whole():
    b = _briefing(
        "The deal was signed by Envoy Pak Su-in on Friday.",
        "Residents backed the Roe-led plan, and Jane Roe-style reforms followed. Tom Poe-run firms closed.",
    )
    people = sorted(a.name for a in b.actors if a.type == "person")
    assert people == ["Jane Roe", "Pak Su-in", "Tom Poe"]


@pytest.mark.spacy
def test_a_group_keeps_both_modifiers_joined_by_and():
    b = _briefing("Local and regional leaders told reporters in Arden that the dock would reopen.")
    groups = [a.name for a in b.actors if a.type == "group"]
    assert groups == ["Local and regional leaders"]
    (q,) = b.quotes
    assert q.speaker == b.actors[[a.name for a in b.actors].index("Local and regional leaders")].id
    # A person joined to a group is no modifier of it.
    b = _briefing("Jane Roe and party officials met the mayor of Arden.")
    assert sorted((a.name, a.type) for a in b.actors if a.type != "place") == [
        ("Jane Roe", "person"),
        ("party officials", "group"),
    ]


def test_a_name_with_two_spaces_inside_is_one_person_with_its_title():
    # The tagger stops the name at the run of spaces; the name runs on over it.
    for text in ("Rep. Carlos  Mendez trails with 9 percent.", "Rep. Carlos\u00a0 Mendez trails with 9 percent."):
        b = _briefing(text)
        assert [(a.name, [r.text for r in a.roles]) for a in b.actors if a.type == "person"] == [
            ("Carlos Mendez", ["Rep."])
        ], text
    # A whole name before the spaces is not run on into the next one.
    b = _briefing("Photo by Jane Roe\u00a0Kwame Asante spoke first.")
    assert sorted(a.name for a in b.actors if a.type == "person") == ["Jane Roe", "Kwame Asante"]


def test_a_role_owned_by_a_person_and_a_role_after_was_are_roles():
    b = _briefing(
        "Tom Poe, Jane Roe's lawyer, declined to comment.",
        "By 2019 Ann Lee was a nurse at Arden General, and Sam Doe is now the school's head teacher.",
        "Ben Cole was not a doctor, and Jane Roe and Ian Ray were neighbours.",
        "Critics claimed Lou Fry was a traitor, and Dee Orr could be the next mayor.",
        "He thanked Kit Vance, Jane Roe's team and the crew.",
    )
    roles = _person_roles(b)
    assert roles["Tom Poe"] == ["Jane Roe's lawyer"]
    assert roles["Jane Roe"] == []
    assert roles["Ann Lee"] == ["nurse"]
    assert roles["Sam Doe"] == ["head teacher"]
    assert roles["Ben Cole"] == [] and roles["Ian Ray"] == []
    assert roles.get("Lou Fry", []) == [] and roles.get("Dee Orr", []) == []  # a claim, a possibility
    assert roles.get("Kit Vance", []) == []  # a list, not a post held for Roe


def test_a_role_before_a_name_after_a_quotation_is_the_role_not_the_quotation():
    # The parse hangs the opening mark on 'coach'; the role is the noun and its own modifiers.
    b = _briefing("“It’s brutal,” coach Tom Poe said of the loss.", "“Thank you,” Arden head coach Ann Lee said.")
    roles = _person_roles(b)
    assert roles == {"Tom Poe": ["coach"], "Ann Lee": ["head coach"]}


def test_a_plural_noun_for_people_before_two_names_is_each_one_s_role():
    b = _briefing(
        "Rival bidders Tom Poe and Sam Doe met on Friday.", "The judges praised veteran growers Ann Lee and Jane Roe."
    )
    roles = _person_roles(b)
    assert roles == {
        "Tom Poe": ["Rival bidders"],
        "Sam Doe": ["Rival bidders"],
        "Ann Lee": ["veteran growers"],
        "Jane Roe": ["veteran growers"],
    }


def test_the_one_identified_as_a_name_and_the_post_a_name_is_appointed_as_are_roles():
    b = _briefing(
        "Coast guard officers identified the nurse as Tom Poe on Monday.",
        "The ship's second nurse was later identified as Ann Lee.",
        "The board appointed Sam Doe as interim chief executive.",
        "Police identified the car as a stolen one belonging to Jane Roe.",
        "The board did not appoint Ben Cole as chairman, and Lou Fry named Dee Orr as her favourite writer.",
    )
    roles = _person_roles(b)
    assert roles["Tom Poe"] == ["nurse"]
    assert roles["Ann Lee"] == ["second nurse"]
    assert roles["Sam Doe"] == ["interim chief executive"]
    assert roles["Jane Roe"] == [] and roles["Ben Cole"] == [] and roles.get("Dee Orr", []) == []


def test_a_title_noun_right_before_a_name_after_a_quotation_or_read_as_an_adjective_is_a_role():
    from conftest import reparsed

    from generator.extract.actors_roles import _prenominal

    def prenominal(doc, name):
        return _rule_spans(_prenominal, doc, name)

    # Real articles' parses: the quotation's comma hung on the title noun, and a listed noun for a
    # person tagged as an adjective.
    doc = reparsed("“We will be back,” coach Tom Poe told the crowd.", {",": ("punct", "coach")})
    assert prenominal(doc, "Tom Poe") == ["coach"]
    doc = reparsed(
        "Her representative Ann Lee told the crowd.",
        {"representative": ("compound", "Lee"), "Her": ("poss", "Lee"), "Lee": ("nsubj", "told")},
        tags={"representative": ("ADJ", "JJ")},
    )
    assert prenominal(doc, "Ann Lee") == ["Her representative"]
    doc = reparsed("A visibly defiant Tom Poe told the crowd.", {})
    assert prenominal(doc, "Tom Poe") == []  # an adjective of mood is no role


def test_a_playing_position_before_a_name_and_an_apposition_to_a_spokesman_for_someone_are_roles():
    b = _briefing(
        "The injury list now includes quarterback Tom Poe and running back Sam Doe.",
        "An attorney for Poe, Ann Lee, said the charges would be fought.",
        "The party put forward Ben Cole as its candidate, and she visited the health center Lou Fry founded.",
    )
    roles = _person_roles(b)
    assert roles["Tom Poe"] == ["quarterback"]
    assert roles["Sam Doe"] == ["running back"]
    assert roles["Ann Lee"] == ["attorney for Poe"]
    assert roles["Ben Cole"] == [] and roles["Lou Fry"] == []  # everyday words are no position


def test_a_party_and_state_label_in_brackets_is_no_role_even_when_the_parse_starts_it_at_the_bracket():
    from conftest import reparsed

    from generator.extract.actors_roles import _appositions

    # A real article's parse hung the opening bracket on the label, so the label's span starts at it.
    doc = reparsed("Rep. Tom Poe (D-Md.) voted no.", {"(": ("punct", "Md."), "Md.": ("appos", "Poe")})
    assert _rule_spans(_appositions, doc) == []


def test_a_title_right_before_a_name_is_not_read_across_a_comma_the_parse_hung_on_the_name():
    from conftest import reparsed

    from generator.extract.actors_roles import _prenominal

    # A real article's parse hung 'wall' before the comma on the name as a modifier.
    doc = reparsed("Beyond the harbour wall, artist Tom Poe painted a mural.", {"wall": ("nmod", "Poe")})
    assert _rule_spans(_prenominal, doc) == ["artist"]


def test_a_relative_clause_serving_as_a_post_or_being_one_after_another_verb_gives_the_role():
    b = _briefing(
        "Ann Lee, who served as Roe's chief of staff, spoke first.",
        "Tom Poe, who rode for Arden in 2004 and is a co-owner of the Eastbrook stables, spoke next.",
        "Sam Doe, who served as a warning to others, left, and Ben Cole, who won in May and is a symbol of the town, too.",
    )
    roles = _person_roles(b)
    assert roles["Ann Lee"] == ["Roe's chief of staff"]
    assert roles["Tom Poe"] == ["co-owner of the Eastbrook stables"]
    assert roles["Sam Doe"] == [] and roles["Ben Cole"] == []


def test_a_plural_hyphenated_title_before_three_names_is_each_one_s_role():
    # The parse hangs the second name on the first as an apposition and splits 'co-founders' at the hyphen.
    b = _briefing("Tributes came from clinic co-founders Ann Lee, Jane Roe and Tess Moe.")
    roles = _person_roles(b)
    assert roles["Jane Roe"] == ["co-founders"] and roles["Tess Moe"] == ["co-founders"]
    assert roles["Ann Lee"] == ["co-founders"]


def test_no_role_from_a_possessive_read_as_an_apposition_or_a_relative_clause_s_subject():
    from conftest import reparsed

    from generator.extract.actors_roles import _appositions

    def roles(doc, name):
        return _rule_spans(_appositions, doc, name)

    # Real articles' parses: the subject of 'whose … praised' read as an apposition of the noun before it,
    # and a curly possessive read as an apposition ('Roe’ finest year').
    text = "The council honoured Tom Poe, whose garden designs Jane Roe once praised."
    doc = reparsed(text, {"Roe": ("appos", "designs"), "designs": ("nsubj", "praised")})
    assert roles(doc, "Jane Roe") == []
    doc = reparsed("Jane Roe’ finest year came in 2011.", {"year": ("appos", "Roe")})
    assert roles(doc, "Jane Roe") == []
    # With its commas, 'whose leader, X,' is X's role.
    b = _briefing("The party, whose leader, Sam Doe, spoke last, won the vote.")
    assert [r.text for a in b.actors if a.name == "Sam Doe" for r in a.roles] == ["leader"]


@pytest.mark.spacy
def test_a_description_the_parse_made_a_second_subject_is_the_role_of_the_name_before_it():
    """'X, the managing director of Y, pledged …': a real article's parse made the description a
    second subject of the verb (no apposition); it is still X's role."""
    from conftest import reparsed

    from generator.extract.actors_roles import _second_subject_role

    text = "Jane Roe, the managing director of the Arden Trust, pledged to reopen the library."
    doc = reparsed(text, {"director": ("nsubj", "pledged"), ",": ("punct", "director")})
    assert _rule_spans(_second_subject_role, doc) == ["the managing director of the Arden Trust"]
    # Without its closing comma the noun phrase is no apposition: no role from it.
    text = "Jane Roe, the managing director of the trust pledged to reopen the library."
    doc = reparsed(text, {"director": ("nsubj", "pledged")})
    assert _rule_spans(_second_subject_role, doc) == []


@pytest.mark.spacy
def test_a_preposition_before_an_honorific_is_no_rank_but_under_secretary_is():
    b = _briefing("The bridge opened under Mr. Poe in 1990. Under Secretary Jane Roe spoke.")
    roles = _person_roles(b)
    assert roles.get("Poe", roles.get("Mr. Poe")) == [], roles  # was: role 'under', alias 'under Mr. Poe'
    assert roles["Jane Roe"] == ["Under Secretary"]


@pytest.mark.spacy
def test_a_title_with_the_family_name_written_first_joins_the_full_name():
    """'Gwak Sun-hee … Mr. Gwak': a name written family name first, then referred to by it."""
    b = _briefing(
        "Gwak Sun-hee, the head of the Arden Union, spoke on Monday.",
        "The union grew while Mr. Gwak led it. Mr. Gwak said it would grow again.",
    )
    persons = [a for a in b.actors if a.type == "person"]
    assert len(persons) == 1 and persons[0].name == "Gwak Sun-hee", [(a.name, a.aliases) for a in persons]
    # A title before a given name ('Ms. Kelly') is no family name written first: no merge.
    b = _briefing("Kelly Poe runs the bakery.", "Ms. Kelly, a neighbour, said the bread was good.")
    assert len([a for a in b.actors if a.type == "person"]) == 2
    # Two full names open with the word: 'Mr. Gwak' is either, so neither.
    b = _briefing("Gwak Sun-hee and Gwak Min-jun spoke.", "Mr. Gwak said it would grow again.")
    assert sorted(a.name for a in b.actors if a.type == "person") == ["Gwak Min-jun", "Gwak Sun-hee", "Mr. Gwak"]


@pytest.mark.spacy
def test_ag_before_a_surname_is_the_attorney_general_title():
    from generator.extract.actors_roles import same_role

    assert same_role("AG", "Attorney General") and same_role("Deputy AG", "deputy attorney general")
    b = _briefing(
        "Attorney General Jane Roe sued the state.",
        "The letter went to the ministry, AG Roe, and Deputy AG Tom Poe.",
    )
    roles = _person_roles(b)
    assert sorted(roles) == ["Jane Roe", "Tom Poe"], roles  # not a person 'AG Roe' beside Jane Roe
    assert roles["Tom Poe"] == ["Deputy AG"]


@pytest.mark.spacy
def test_a_country_name_that_is_also_a_us_state_is_the_state_among_us_places(monkeypatch):
    """A name both a country's and a US state's (the GeoNames state table makes one such; here the
    table is given a second, so the test names no real case) is the state when the article names
    other places only in the US and none of the country; else the country."""
    from generator.extract import actors as A
    from generator.extract.actors_gazetteer import fold, us_states

    monkeypatch.setattr(A, "us_states", lambda: us_states() | {fold("Chad")})
    types = lambda b: {a.name: a.type for a in b.actors}  # noqa: E731
    b = _briefing("Storms hit Chad and Nevada on Monday, closing roads across Chad.")
    assert types(b)["Chad"] == "place" and types(b)["Nevada"] == "place"
    assert any("a US state here" in n for a in b.actors if a.name == "Chad" for n in a.notes)
    b = _briefing("Storms hit Chad and Nevada on Monday, and flights to N'Djamena stopped.")
    assert types(b)["Chad"] == "country"  # its capital is named: the country
    b = _briefing("Storms hit Chad on Monday, closing roads.")
    assert types(b)["Chad"] == "country"  # nothing in the US named


def test_abbreviated_police_ranks_are_the_title_not_a_person():
    """'Asst Ch Con Tom Poe': Assistant Chief Constable is his rank (was: persons 'Asst Ch Con' and
    'Con Tom Poe'); 'Con' alone before a name is a given name."""
    b = _briefing("Eastbrook Police Asst Ch Con Tom Poe told reporters the inquiry would take weeks.")
    assert [a.name for a in b.actors if a.type == "person"] == ["Tom Poe"]
    assert _person_roles(b)["Tom Poe"] == ["Eastbrook Police Asst Ch Con"]
    b = _briefing("Det Con Ann Lee said the case was closed.")
    assert [a.name for a in b.actors if a.type == "person"] == ["Ann Lee"]
    b = _briefing("Con Ronan spoke to reporters on Friday.")
    assert [a.name for a in b.actors if a.type == "person"] == ["Con Ronan"]
    b = _briefing("Councillor Con Ryan said no.")  # after a title that opens no police rank: a name
    assert [a.name for a in b.actors if a.type == "person"] == ["Con Ryan"]


def test_a_group_keeps_the_name_of_whose_it_is():
    """'Ms. Roe's aides admitted …': the group is Ms. Roe's aides (was: 'aides'), and Ms. Roe is
    still named; a pronoun's 'his aides' names nobody."""
    b = _briefing("Ms. Roe's aides admitted on Friday that the count had gone badly.")
    assert {(a.name, a.type) for a in b.actors} == {("Ms. Roe", "person"), ("Ms. Roe's aides", "group")}
    b = _briefing("His aides said it was fine.")
    assert [a.name for a in b.actors] == ["aides"]


def test_a_title_before_the_first_of_two_family_names_is_that_person():
    """'Luis Mendaro Quesada … Mr. Mendaro': Spanish names carry two family names and the first is
    used alone (was: two persons); a middle word that is a given name stays apart."""
    b = _briefing(
        "Luis Mendaro Quesada, the director of the aviation agency, said the plane was old.",
        "Mr. Mendaro added that the pilot was experienced.",
    )
    assert [a.name for a in b.actors if a.type == "person"] == ["Luis Mendaro Quesada"]
    b = _briefing("Jane Ann Roe spoke first.", "Mr. Ann said no.")
    assert len([a for a in b.actors if a.type == "person"]) == 2


def test_a_thing_or_a_participles_object_before_a_name_is_no_role():
    """Real articles' parses: 'The Vistanet account [Poe] shared' with the account hung on the name,
    and 'In signing that single deal, Poe settled …' with the deal made an apposition to the
    name (was: roles 'Vistanet account' and 'single deal'). A person's title set off before the
    name stays."""
    from conftest import reparsed

    from generator.extract.actors_roles import _appositions, _prenominal

    doc = reparsed(
        "The Vistanet account Tom Poe shared was set up as a trap.",
        {
            "The": ("det", "Poe"),
            "account": ("compound", "Poe"),
            "Poe": ("nsubj", "shared"),
            "shared": ("nsubjpass", "set"),
        },
    )
    assert _rule_spans(_prenominal, doc, "Tom Poe") == []
    doc = reparsed(
        "In signing that single deal, Tom Poe settled the matter.",
        {
            "deal": ("nsubj", "settled"),
            "Poe": ("appos", "deal"),
            ",": ("punct", "deal"),
            "that": ("mark", "settled"),
        },
    )
    assert _rule_spans(_appositions, doc, "Tom Poe") == []
    doc = reparsed("The club's captain, Tom Poe, told the crowd.", {})
    assert _rule_spans(_appositions, doc, "Tom Poe") == ["The club's captain"]


def test_a_name_quoted_as_what_someone_is_called_gets_no_role():
    """'She called the young mayor “the new Tom Poe”': the mayor is likened to Poe, no role of
    Poe's (was: 'the young mayor')."""
    b = _briefing("She once called the young mayor “the new Tom Poe” in a speech.")
    assert _person_roles(b)["Tom Poe"] == []


def test_a_title_before_the_family_name_of_a_chinese_name_is_that_person():
    """'Mr Chen' of 'Chen Wenbo' (pinyin, family name first) is one person, though 'Chen' is a given
    name elsewhere (was: a second person 'Mr Chen'); 'Ms Kelly' is still no Kelly Roe, and 'Mr Sean'
    no Sean Chan (a given name of one gender is no family name)."""
    b = _briefing(
        "Vistacorp hired Chen Wenbo to run its new lab in Arden.",
        "Mr Chen said the first chips would ship in May.",
        "Ms Kelly said the plan was sound. Kelly Roe disagreed.",
        "Sean Chan, a teacher, joined the board. Mr Sean, the caretaker, said the roof leaked.",
    )
    persons = {a.name: a.aliases for a in b.actors if a.type == "person"}
    assert persons == {"Chen Wenbo": ("Mr Chen",), "Ms Kelly": (), "Kelly Roe": (), "Sean Chan": (), "Mr Sean": ()}


def test_a_citys_name_before_a_plural_is_a_team_but_a_place_plural_keeps_the_place():
    """'Tampere Falcons' (a city, then a plural) is a team; 'Graz Heights' and 'Kaunas Outskirts' end
    with a plural that ends places' names, and one word is no team."""
    from generator.extract.actors_evidence import a_places_team

    assert a_places_team(["Tampere", "Falcons"])
    assert not a_places_team(["Graz", "Heights"])
    assert not a_places_team(["Kaunas", "Outskirts"])
    assert not a_places_team(["Falcons"])


def test_a_plural_last_word_is_a_name_when_another_person_of_the_article_bears_it():
    """'Ray Hollers' beside 'Ann Hollers' is a name, though 'Hollers' looks like a plural; a plural no
    one bears ('Eastbrook Pumas') stays no name."""
    from generator.extract.actors_evidence import _name_shape
    from generator.extract.actors_gazetteer import gazetteer

    gaz = gazetteer()
    assert _name_shape("Ray Hollers", gaz, {"Hollers"})
    assert not _name_shape("Ray Hollers", gaz)
    assert not _name_shape("Eastbrook Pumas", gaz, {"Hollers"})


def test_a_family_name_two_people_bear_stays_apart_and_marked_when_which_one_is_not_clear():
    """Jane Roe and Tom Roe named, then 'Roe told reporters' two paragraphs on: which Roe is a guess
    (the one named most or last was as often the other), so the mention is its own actor with a
    note, not a wrong Roe's words (was: Tom Roe's). Named in the same paragraph, or the only Roe of
    the article, the name joins; a longer headline form of one name ('Billionaire Ann Lee') is the
    same person."""
    paras = (
        "Eastbrook mayor Jane Roe opened the new bridge on Monday.",
        "Her brother, Tom Roe, who runs the ferry, watched from the quay.",
        "“It was a fine day,” Tom Roe said.",
        "The council met later in the town hall.",
    )
    b = _briefing(*paras, "“Fares will rise in May,” Roe told reporters.")
    persons = {a.name: a for a in b.actors if a.type == "person"}
    assert set(persons) == {"Jane Roe", "Tom Roe", "Roe"}
    assert "not clear" in persons["Roe"].notes[0]
    speakers = {q.text: q.speaker for q in b.quotes}
    assert speakers["Fares will rise in May"] == persons["Roe"].id
    b = _briefing(*paras[:3], "“Fares will rise in May,” Tom Roe said, and Roe left.")
    assert {a.name for a in b.actors if a.type == "person"} == {"Jane Roe", "Tom Roe"}
    b = _briefing("Billionaire Ann Lee opened a fund.", "Ann Lee said it would grow.", "Lee said she was proud.")
    assert [a.name for a in b.actors if a.type == "person"] == ["Ann Lee"]
