"""The vocabularies (issue "rules as data"): every one is written once, in resources/en/*.yml, and
read through generator/lexicon.py. Each is loaded once, no list is a copy of another, a named part
is a part of what it names, a word of each list does what the list is for in one invented sentence,
and no month-name list or pronoun set is written in the code again."""

from __future__ import annotations

import ast
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import lexicon
from generator.lexicon import (
    GENDERED,
    THIRD_PERSON,
    alternation,
    first_words,
    pronoun_subjects,
    pronouns,
    wordlist,
    wordset,
)

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2019, 5, 15)  # a Wednesday


# ---------------------------------------------------------------- loaded once, written once


class _UniqueKeys(yaml.SafeLoader):
    """A loader that refuses a key written twice in one mapping (PyYAML keeps the last silently)."""


def _mapping(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    twice = [k for k, n in Counter(keys).items() if n > 1]
    assert not twice, f"written twice: {twice}"
    return loader.construct_mapping(node, deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("name", lexicon.FILES)
def test_a_word_file_names_each_list_once_and_holds_words_only(name):
    data = yaml.load((lexicon.RESOURCES / "en" / name).read_text(encoding="utf-8"), Loader=_UniqueKeys)
    for key, values in data.items():
        words = values if isinstance(values, list) else list(values)
        if isinstance(values, dict) and all(isinstance(v, list) for v in values.values()):
            words = [w for v in values.values() for w in v]
        # 'no', 'on', 'off' unquoted are YAML booleans: a word list holds strings only
        assert all(isinstance(w, str) for w in words), (key, [w for w in words if not isinstance(w, str)])


def test_each_word_file_is_read_once_however_many_lists_are_asked_for(monkeypatch):
    reads: Counter[str] = Counter()
    read_text = Path.read_text

    def counting(self, *args, **kwargs):
        if self.parent == lexicon.RESOURCES / "en":
            reads[self.name] += 1
        return read_text(self, *args, **kwargs)

    cached = (lexicon.entries, lexicon.words, lexicon.wordlist, lexicon.month_numbers, lexicon.weekday_numbers)
    for f in cached:
        f.cache_clear()
    monkeypatch.setattr(Path, "read_text", counting)
    for name in lexicon.words():
        wordset(name)
        wordlist(name)
    lexicon.month_numbers(), lexicon.weekday_numbers(), pronouns(), pronoun_subjects(), first_words("seasons")
    assert reads == dict.fromkeys(lexicon.FILES, 1)


def test_no_list_is_a_copy_of_another():
    lists = {k: v for k, v in lexicon.words().items() if "." not in k}
    names = sorted(lists)
    same = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :] if lists[a] == lists[b]]
    assert not same


def test_a_named_part_is_part_of_the_list_it_names():
    cues = wordset("speech_verbs.cues")
    for part in ("weak", "invertible", "not_claims", "with_object", "common"):
        assert wordset(f"speech_verbs.{part}") <= cues, part
    # The parts of sentence_abbreviations and gold_name_titles are named by the list they come from.
    for entry in ("sentence_abbreviations", "gold_name_titles"):
        for part, members in lexicon.entries()[entry].items():
            if part != "other":
                assert {w for m in members for w in m.split()} <= wordset(part), (entry, part)
    # The calendar's ambiguous words are calendar words.
    assert wordset("ambiguous_calendar_words") <= lexicon.calendar_words()


def test_an_alternation_is_escaped_and_tries_the_longest_first():
    rx = re.compile(f"(?:{alternation(['Sep', 'Sept.', 'Sept', 'new year'])})")
    assert rx.pattern == r"(?:new\s+year|Sept\.|Sept|Sep)"
    assert rx.match("Sept. 5")[0] == "Sept." and rx.match("Septa") and not re.fullmatch(rx, "Sept5")
    assert rx.fullmatch("new   year")


# ---------------------------------------------------------------- no list written in code again


def _listed_words(tree: ast.AST):
    """The words of each collection literal, '… '.split() string and regex alternation of a module."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple, ast.Dict)):
            elts = node.elts if not isinstance(node, ast.Dict) else [*node.keys, *node.values]
            yield (
                node.lineno,
                {e.value.lower() for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)},
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            for run in re.findall(r"[A-Za-z]+(?:\|[A-Za-z]+)+", node.value):
                yield node.lineno, set(run.lower().split("|"))
            words = node.value.split()
            if len(words) > 2 and all(re.fullmatch(r"[\w&'.-]+", w) for w in words):
                yield node.lineno, {w.lower() for w in words}


def test_no_month_weekday_or_pronoun_list_is_written_in_the_code():
    """Three month names, weekday names, month abbreviations or personal pronouns in one literal
    (a set, a list, a '… '.split() string or a regex alternation) are a list that belongs in words.yml."""
    vocabularies = {
        "months": wordset("months"),
        "month abbreviations": wordset("month_abbreviations") - wordset("ambiguous_calendar_words"),
        "weekdays": wordset("weekdays"),
        "personal pronouns": pronouns(),
    }
    found = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for line, words in _listed_words(ast.parse(path.read_text(encoding="utf-8"))):
            for concept, vocabulary in vocabularies.items():
                if len(words & vocabulary) >= 3:
                    found.append(f"{path.relative_to(ROOT)}:{line}: {concept} {sorted(words & vocabulary)}")
    assert not found, "\n".join(found)


def test_the_source_check_finds_a_list_written_in_code():
    listed = [w for _, w in _listed_words(ast.parse('X = {"he", "she", "they"}\nY = r"(?:Jan|March|May)\\.?"\n'))]
    assert {"he", "she", "they"} in listed and {"jan", "march", "may"} in listed


# ---------------------------------------------------------------- each list at work: time words


def _timex(text: str):
    from generator.extract.timex import find_timexes

    return [(tv.phrase, tv.value) for tv in find_timexes(text, DAY)]


def test_months_and_their_abbreviations():
    for n, month in enumerate(wordlist("months"), start=1):
        assert _timex(f"The fair opens on {month.capitalize()} 3, 2020.") == [
            (f"{month.capitalize()} 3, 2020", f"2020-{n:02d}-03")
        ]
    assert _timex("The fair opens on Sept. 3, 2020.") == [("Sept. 3, 2020", "2020-09-03")]
    from generator.export_timeline import MONTH_NAMES

    assert MONTH_NAMES[2] == wordlist("months")[2].capitalize() == "March"


def test_ambiguous_calendar_words_need_a_cue():
    assert _timex("Jane Roe may sell the farm.") == []
    assert _timex("Jane Roe sold the farm in May.") == [("May", "2019-05")]
    assert _timex("The Eastbrook Sun. reported it.") == []  # 'Sun.' is no Sunday


def test_weekdays_and_their_abbreviations():
    assert _timex("The council met on Tuesday.") == [("Tuesday", "2019-05-14")]
    # An abbreviation with its full stop, before the date it names: the weekday tells the year.
    assert _timex("The vote is on Thurs., May 16.") == [("Thurs., May 16", "2019-05-16")]


def test_seasons():
    assert _timex("The park reopens next spring.") == [("next spring", "2020-SP")]
    assert _timex("The fall of the old mill was sudden.") == []  # 'fall' after 'the' is no season
    from generator.export_timeline import SEASON_NAMES

    assert SEASON_NAMES["FA"] == "autumn"


def test_number_amount_and_ordinal_words():
    from generator.evaluate.timex_score import timex3_value

    assert _timex("The talks lasted seventeen days.") == [("seventeen days", "P17D")]
    assert _timex("The mill closed twenty-one years ago.") == [("twenty-one years ago", "1998")]
    assert _timex("The farm was sold a dozen years ago.") == [("a dozen years ago", "2007")]
    assert _timex("Prices rose in the third quarter of 2018.") == [("the third quarter of 2018", "2018-Q3")]
    assert _timex("Jane Roe grew up in the nineties.") == [("the nineties", "199")]
    (tv,) = [tv for tv in __import__("generator.extract.timex", fromlist=["x"]).find_timexes("On Tuesday night.", DAY)]
    assert timex3_value(tv) == "2019-05-14TNI"  # parts_of_day


def test_period_modifiers_and_frequency_adverbs():
    from generator.export_timeline import display_date
    from generator.extract.timex import find_timexes

    (early,) = find_timexes("The mill reopened in early 2018.", DAY)
    assert (early.value, early.modifier, display_date(early)) == ("2018", "START", "early 2018")
    (hourly,) = find_timexes("The ferry to Eastbrook runs hourly.", DAY)
    assert (hourly.kind, hourly.value) == ("set", "PT1H")


# ---------------------------------------------------------------- each list at work: pronouns, verbs, nouns


def test_pronoun_picks():
    assert pronoun_subjects(*GENDERED) == {"he": "he", "him": "he", "she": "she", "her": "she"}
    assert pronouns(*THIRD_PERSON, cases=("determiner",)) == {"his", "her", "its", "their"}
    from generator.extract.actors_lexicon import PRONOUNS

    assert {"whom", "nobody", "theirs"} <= PRONOUNS


def test_common_words_tell_english_text():
    from generator.language import looks_english

    english = (
        "Jane Roe said that they would open the new bridge in Eastbrook before the end of the year, "
        "and that her team had done all it could to keep the work on time for the people who use it."
    )
    assert looks_english(english)
    assert not looks_english("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do " * 4)


def test_titles_abbreviations_and_captions():
    from generator.evaluate.gold import _HONORIFIC
    from generator.extract.actors_mentions import title_key
    from generator.summary import story_sentence as _story_sentence

    assert title_key("Maj. Gen.") == title_key("Major General") == "major general"
    assert _HONORIFIC.sub("", "Vice President Jane Roe") == "Jane Roe"
    assert not _story_sentence("In this file photo, the mayor of Eastbrook opens the new bridge over the river.")
    assert _story_sentence("On Tuesday, the mayor of Eastbrook opened the new bridge over the river.")


def test_singular_s_endings():
    from generator.extract.actors_evidence import _name_shape
    from generator.extract.actors_gazetteer import gazetteer

    # A name ending in -s is a plural (a team, not a person) unless it ends as 'Ross' does.
    assert not _name_shape("Eastbrook Otters", gazetteer()) and _name_shape("Jane Ross", gazetteer())


def test_contradiction_verbs():
    from generator.contested import CONTRADICTION

    assert [m[0] for m in CONTRADICTION.finditer("Jane Roe rebutted it, then denied it; a counter-claim.")] == [
        "rebutted",
        "denied",
    ]


@pytest.mark.spacy
class TestInASentence:
    @staticmethod
    def briefing(*paragraphs: str):
        from generator.extract import extract_briefing
        from generator.model import Article
        from generator.nlp import parse

        a = Article(id="x", title="T", published=DAY, source=None, url=None, tags=(), paragraphs=paragraphs)
        return extract_briefing(a, parse(a))

    def quote(self, *paragraphs: str, text: str):
        b = self.briefing(*paragraphs)
        q = next(q for q in b.quotes if q.text == text)
        return b, q, b.actor(q.speaker)

    def test_a_personal_pronoun_finds_the_person_of_its_gender(self):
        _, q, who = self.quote(
            "Jane Roe arrived in Eastbrook on Monday. “We will rebuild the bridge,” she said.",
            text="We will rebuild the bridge",
        )
        assert (q.speaker_text, who.name) == ("she", "Jane Roe")

    def test_a_relative_pronoun_speaks_for_the_phrase_it_hangs_off(self):
        _, q, who = self.quote("Residents, who called the plan “a disgrace”, gathered outside.", text="a disgrace")
        assert (q.speaker_text, who.name, who.type) == ("who", "Residents", "group")

    def test_an_unresolved_pronoun_is_said_so_on_the_page(self):
        from generator.render import View

        b, q, who = self.quote("“We will not move,” they said.", text="We will not move")
        assert who is None and View(b).unattributed_text(q) == "“they” could not be resolved"

    def test_speech_verbs_and_their_parts(self):
        assert self.quote("“It will reopen,” said Jane Roe.", text="It will reopen")[2].name == "Jane Roe"  # invertible
        assert self.quote("Jane Roe confirmed the closure of the mill.", text="the closure of the mill")[1].kind == (
            "reported"  # with_object
        )
        assert self.quote("“We will win,” Jane Roe hit back.", text="We will win")[2].name == "Jane Roe"  # phrasal
        assert self.quote("The Eastbrook Times called the plan “a disgrace”.", text="a disgrace")[1].kind == "partial"

    def test_a_common_speech_verb_gives_the_next_named_speaker_the_description(self):
        said, reiterated = (
            self.briefing(
                f"The deputy commander of the Eastbrook garrison {verb} the troops would stay. "
                "“We are not leaving,” said Major General Jane Roe."
            )
            for verb in ("said", "reiterated")  # a common cue, and a cue not in speech_verbs.common
        )
        roles = [[r.text for a in b.actors if a.name == "Jane Roe" for r in a.roles] for b in (said, reiterated)]
        assert roles == [["Major General", "deputy commander of the Eastbrook garrison"], ["Major General"]]

    def test_an_abstract_noun_of_nameparser_is_no_noun_for_people(self):
        from nameparser.config import titles

        from generator.lexicon import person_nouns

        assert "marketing" in titles.TITLES and "marketing" not in person_nouns()

    def test_agent_and_quantity_nouns_make_described_speakers(self):
        _, _, one = self.quote("A flight attendant said the plane was late.", text="the plane was late")
        _, _, many = self.quote("A number of residents said the road was unsafe.", text="the road was unsafe")
        assert (one.type, many.type) == ("person", "group")

    def test_work_nouns_and_naming_participles_mark_titles_not_quotes(self):
        assert not self.briefing("Her novel, “Blue Hour”, sold well in Eastbrook.").quotes
        assert not self.briefing("The troupe staged a play called “Night Shift” in Eastbrook.").quotes

    def test_a_plan_verb_looks_ahead(self):
        b = self.briefing("The strike is planned for Friday, the union said.")
        assert [e.date.value for e in b.events] == ["2019-05-17"]

    def test_a_contradiction_verb_makes_a_contest(self):
        from generator.contested import contests

        b = self.briefing("Jane Roe said the dam was safe.", "John Doe contradicted Roe, saying “the dam is cracked”.")
        assert [(c.by, c.target, c.verb) for c in contests(b)] == [("john-doe", "jane-roe", "contradicted")]

    def test_a_full_stop_after_an_abbreviation_ends_no_sentence(self):
        from generator.summary import sentences

        b = self.briefing("Mr. Roe opened the bridge on Jan. 5 at dawn. The crowd in Eastbrook cheered.")
        assert len(sentences(b, 1)) == 2
