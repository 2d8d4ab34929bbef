"""General English word lists the actor rules rely on (no names from any article)."""

from __future__ import annotations

from ..lexicon import pronouns, wordset, wordtable

HONORIFICS = wordset("honorifics")
"""Courtesy titles: they mark a person but are not a role."""

# Abbreviated titles and their full forms, so "Maj Gen" and "Major General" are one role.
ABBREVIATIONS = wordtable("title_abbreviations")

RANK_ABBREVIATIONS = wordtable("rank_abbreviations")
"""Abbreviated ranks that are a title only after a word that opens one ("Det Con X"; "Con X" alone is a name)."""
RANK_LEADS = wordset("rank_abbreviation_leads")

TITLE_ABBREVIATIONS = frozenset(ABBREVIATIONS) | frozenset(RANK_ABBREVIATIONS)
"""Every abbreviated title word."""

TITLE_WORDS = wordset("title_words") | wordset("member_titles")
"""Words that can make up a title written before a name ("Major General X", "Foreign Minister Y")."""

ORG_HEADS = wordset("organisation_heads")
"""Head nouns that make a named phrase an organisation ("US state department", "anti-X coalition")."""

GROUP_HEADS = wordset("group_heads")
"""Plural nouns naming unnamed collectives of people ("Kenyan officials", "protesters")."""

BARE_GROUP_HEADS = wordset("bare_group_heads")
"""Groups that are actors even with no name attached ("officials said"); other heads
("people", "voters") need a named modifier ("Eastbrook voters") to be more than a generic noun."""

PLACE_NOUNS = wordset("place_nouns")
"""An entity in apposition with one of these is a place ("X, capital of Y"), whatever the tagger said."""

CORPORATE_SUFFIXES = wordset("corporate_suffixes")
"""Legal-form endings: "X PLC" and "X" are one company."""

LOCATIVE_PREPS = wordset("locative_prepositions")

PRONOUNS = pronouns() | wordset("pronouns")
"""Every form of the personal pronouns and the other pronouns (words.yml): never a name."""
