"""General English word lists the actor rules rely on (no names from any article)."""

from __future__ import annotations

from ..lexicon import wordset

HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady madam monsieur herr mme mlle".split())
"""Courtesy titles: they mark a person but are not a role."""

# Abbreviated titles and their full forms, so "Maj Gen" and "Major General" are one role.
ABBREVIATIONS = {
    "gen": "general",
    "maj": "major",
    "lt": "lieutenant",
    "col": "colonel",
    "brig": "brigadier",
    "adm": "admiral",
    "capt": "captain",
    "cpt": "captain",
    "cmdr": "commander",
    "cdr": "commander",
    "sgt": "sergeant",
    "cpl": "corporal",
    "pte": "private",
    "pvt": "private",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "rev": "reverend",
    "revd": "reverend",
    "prof": "professor",
    "insp": "inspector",
    "supt": "superintendent",
    "det": "detective",
    "pres": "president",
    "amb": "ambassador",
    "hon": "honourable",
    "fr": "father",
}

TITLE_WORDS = frozenset(
    """
    president vice prime minister premier chancellor secretary senator representative congressman
    congresswoman governor mayor king queen prince princess emperor empress sultan emir sheikh shaikh
    crown duke duchess count countess baron baroness judge justice chief ambassador envoy consul speaker
    deputy foreign defence defense interior finance home state attorney general major lieutenant
    colonel brigadier admiral captain commander sergeant corporal private marshal field air vice rear
    commodore inspector detective superintendent constable officer
    ayatollah grand imam mullah rabbi reverend father pope cardinal archbishop bishop pastor patriarch
    metropolitan cleric mufti sayyid sister brother
    professor doctor chairman chairwoman chair councillor councilman councilwoman alderman
    commissioner director general president-elect sheriff executive
    """.split()
) | wordset("member_titles")
"""Words that can make up a title written before a name ("Major General X", "Foreign Minister Y")."""

ORG_HEADS = frozenset(
    """
    department ministry command embassy consulate coalition military army navy government administration
    agency parliament congress senate council committee commission court police party alliance
    corps guard guards service services office bureau authority authorities cabinet forces force
    assembly union federation league bank company corporation group network organisation organization
    foundation institute university regime junta media newspaper channel campaign
    partners associates holdings ventures industries enterprises technologies laboratories labs
    """.split()
)
"""Head nouns that make a named phrase an organisation ("US state department", "anti-X coalition")."""

GROUP_HEADS = frozenset(
    """
    officials official leaders protesters protestors demonstrators militias militiamen militants rebels
    fighters insurgents extremists jihadists troops soldiers forces police diplomats authorities
    residents citizens civilians people workers employees staff activists lawmakers legislators
    politicians voters students investigators prosecutors analysts experts observers critics
    supporters opponents officers commanders ministers members families villagers refugees migrants
    journalists reporters doctors negotiators mediators envoys delegates representatives senators
    aides advisers advisors donors spokesmen spokeswomen
    """.split()
)
"""Plural nouns naming unnamed collectives of people ("Kenyan officials", "protesters")."""

BARE_GROUP_HEADS = frozenset(
    """
    officials militias militiamen militants rebels protesters protestors demonstrators insurgents fighters
    extremists jihadists troops soldiers police authorities diplomats lawmakers legislators investigators
    prosecutors negotiators mediators aides advisers advisors
    """.split()
)
"""Groups that are actors even with no name attached ("officials said"); other heads
("people", "voters") need a named modifier ("Eastbrook voters") to be more than a generic noun."""

PLACE_NOUNS = frozenset(
    """
    capital city town village province region state district county port island islands sea ocean
    gulf river valley mountains border territory peninsula coast
    """.split()
)
"""An entity in apposition with one of these is a place ("X, capital of Y"), whatever the tagger said."""

CORPORATE_SUFFIXES = frozenset("plc inc corp co ltd llc llp ag sa nv gmbh bv spa".split())
"""Legal-form endings: "X PLC" and "X" are one company."""

LOCATIVE_PREPS = frozenset("in to from at near into across outside around inside through toward towards via".split())

PRONOUNS = frozenset(
    """
    i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
    this that these those who whom whose which what someone somebody anyone anybody everyone
    everybody nobody one
    """.split()
)
