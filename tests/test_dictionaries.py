"""Tests for the PETRARCH/TABARI dictionary readers and their use through Knowledge."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dotterel.errors import DictionaryError
from dotterel.resolve.dictionaries import (parse_dictionary_date, read_actor_file,
                                           read_agent_file)
from dotterel.resolve.knowledge import Knowledge, builtin_knowledge, load_knowledge

DICTS = Path("/work/shared/benchmarks/petrarch2/dictionaries")
VALIDATE = DICTS / "udpetr_2_02"
PHOENIX = DICTS / "phoenix"
VALIDATE_ACTORS = VALIDATE / "PETR_Validate_actors_2_02.txt"
VALIDATE_AGENTS = VALIDATE / "PETR_Validate_agents_2_02.txt"
PHOENIX_ACTORS = tuple(PHOENIX / f"Phoenix.{n}.actors.txt"
                       for n in ("Countries", "International", "MilNonState"))
PHOENIX_AGENTS = PHOENIX / "Phoenix.agents.txt"

needs_validate = pytest.mark.skipif(not VALIDATE_ACTORS.exists(),
                                    reason="PETRARCH validation dictionaries not present")
needs_phoenix = pytest.mark.skipif(not PHOENIX_AGENTS.exists(),
                                   reason="Phoenix dictionaries not present")


def write(tmp_path: Path, text: str, name: str = "user.actors.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dates() -> None:
    here = Path("x")
    assert parse_dictionary_date("950601", here, 1) == dt.date(1995, 6, 1)
    assert parse_dictionary_date("070723", here, 1) == dt.date(2007, 7, 23)
    assert parse_dictionary_date("20130119", here, 1) == dt.date(2013, 1, 19)
    assert parse_dictionary_date("19990231", here, 1) == dt.date(1999, 2, 28)  # clamped
    assert parse_dictionary_date("2004017", here, 1) == dt.date(2004, 1, 7)  # published slip
    with pytest.raises(DictionaryError):
        parse_dictionary_date("12", here, 3)


def test_actor_entries_synonyms_and_codes(tmp_path: Path) -> None:
    path = write(tmp_path, """<!-- a user file -->
<!--
# spans
lines -->
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN  # a comment

ENT
\t[ENT]
ROHAN_ [ROH] # JW 9/10/91
PALESTINIAN [pse]
""")
    phrases = read_actor_file(path)
    by_words = {p.words: p for p in phrases}
    assert by_words[("minas", "tirith")].entry.code == "GON"
    assert by_words[("anorien",)].entry.name == "GONDOR"
    assert by_words[("ent",)].entry.code == "ENT"
    assert by_words[("rohan",)].stem is False
    assert by_words[("palestinian",)].entry.code == "PSE"
    assert all(p.entry.kind == "actor" for p in phrases)


def test_dated_codes_pick_the_spell_in_force(tmp_path: Path) -> None:
    path = write(tmp_path, """GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[ORCHOB 20100109-20100112]
\t[HOBMIL 20080120-20121109]
""")
    kb = Knowledge(read_actor_file(path))
    gollum = kb.match(["Smeagol"])[0].entry
    assert gollum.code_on(dt.date(1990, 1, 1)).code == "HOB"  # type: ignore[union-attr]
    assert gollum.code_on(dt.date(1997, 3, 3)).code == "HOBGOV"  # type: ignore[union-attr]
    assert gollum.code_on(dt.date(2005, 1, 1)).code == "HOBREB"  # type: ignore[union-attr]
    sam = kb.match(["Sam", "Gamgee"])[0].entry
    assert sam.code == "HOB"
    # the first listed restriction wins where two overlap, as in PETRARCH
    assert sam.code_on(dt.date(2010, 1, 10)).code == "ORCHOB"  # type: ignore[union-attr]
    assert sam.code_on(dt.date(2011, 1, 10)).code == "HOBMIL"  # type: ignore[union-attr]
    assert sam.code_on(dt.date(2020, 1, 1)) is None  # no restriction: the default code applies


def test_stems_and_exact_ends(tmp_path: Path) -> None:
    path = write(tmp_path, "ARGENTIN [ARG]\nARNOR_ [ARN]\nMALI [MLI]\n")
    kb = Knowledge(read_actor_file(path))
    assert kb.match(["Argentina"])[0].entry.code == "ARG"
    assert kb.match(["Argentine", "troops"])[0].entry.code == "ARG"
    assert kb.match(["Arnor"])[0].entry.code == "ARN"
    assert kb.match(["Arnorian"]) == []  # the underscore asks for the whole word
    assert kb.match(["Malik"]) == []  # stems under five letters match whole words only


@pytest.mark.parametrize("text, line, fragment", [
    ("GONDOR [GON]\nROHAN [ROH\n", 2, "not closed"),
    ("+SYNONYM_WITH_NO_ROOT\n", 1, "no actor above"),
    ("GONDOR [GON]\nROHAN [ROH 991399]\n", 2, "bad date"),
    ("GONDOR [GON]\n\n\nROHAN [ROH >banana]\n", 4, "date restriction"),
    ("GONDOR [G@N]\n", 1, "bad actor code"),
    ("\t[GON]\n", 1, "no actor name"),
])
def test_bad_actor_lines(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DictionaryError) as info:
        read_actor_file(path)
    assert info.value.line == line
    assert info.value.path == str(path)
    assert fragment in str(info.value) and f"{path}:{line}" in str(info.value)


def test_agents(tmp_path: Path) -> None:
    path = write(tmp_path, """!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINST! = MINISTER, MINISTRY
CONGRESS!PERSON! [~LEG]
!MINST!_OF_SILLY_WALKS [~GOV]
POLICE {} [ ~COP]
THIEF {THIEVES} [~CRM}
HUMAN_RIGHTS_BODY  [NGO~]
SECURITY_CHIEF [~SPY]
""", "user.agents.txt")
    phrases = read_agent_file(path)
    by_words = {p.words: p.entry for p in phrases}
    assert by_words[("congresswomen",)].code == "LEG"
    assert by_words[("ministry", "of", "silly", "walks")].code == "GOV"
    assert ("polices",) not in by_words and by_words[("police",)].code == "COP"
    assert by_words[("thieves",)].code == "CRM"
    assert by_words[("human", "rights", "body")].code == "NGO~"
    assert by_words[("security", "chiefs")].code == "SPY"
    assert all(e.kind == "sector" for e in by_words.values())


@pytest.mark.parametrize("text, line", [
    ("POLICE [~COP]\nARMY [MIL~~]\n", 2),
    ("!MINST!_OF_WAR [~GOV]\n", 1),
    ("POLICE {POLICES [~COP]\n", 1),
])
def test_bad_agent_lines(tmp_path: Path, text: str, line: int) -> None:
    with pytest.raises(DictionaryError) as info:
        read_agent_file(write(tmp_path, text, "bad.agents.txt"))
    assert info.value.line == line


def test_user_agents_inherit_person_roles(tmp_path: Path) -> None:
    agents = write(tmp_path, "DEPUTY_FOREIGN_MINISTER [~GOV]\nRIOT_SQUAD [~COP]\n", "a.txt")
    kb = builtin_knowledge().with_dictionaries(agent_files=[agents])
    deputy = [e for e in kb.lookup("deputy foreign minister") if e.kind == "sector"][0]
    assert deputy.person_role
    squad = [e for e in kb.lookup("riot squad") if e.kind == "sector"][0]
    assert not squad.person_role


def test_with_dictionaries_adds_and_keeps_builtins(tmp_path: Path) -> None:
    actors = write(tmp_path, "MEXICO [XXX]\nQUIBBLER [HGWGOVMED]\n")
    base = builtin_knowledge()
    kb = base.with_dictionaries(actor_files=[actors])
    assert kb is not base
    assert kb.match(["Quibbler"])[0].entry.code == "HGWGOVMED"
    assert base.match(["Quibbler"]) == []  # the built-in knowledge is not changed
    # a user entry outranks a built-in country on the same phrase, and the built-in stays
    assert kb.match(["Mexico"])[0].entry.code == "XXX"
    assert {e.kind for e in kb.lookup("Mexico")} == {"actor", "country"}
    assert kb.match(["Ecuadorian", "police"])[0].entry.code == "ECU"


def test_nouns_in_ss_take_es(tmp_path: Path) -> None:
    agents = write(tmp_path, "CONGRESS [~LEG]\nFORCES [~MIL]\n", "a.txt")
    spelt = {p.words for p in read_agent_file(agents)}
    assert ("congresses",) in spelt and ("forceses",) not in spelt
    assert builtin_knowledge().match(["congresses"])[0].entry.code == "LEG"


def test_user_agent_outranks_builtin_sector(tmp_path: Path) -> None:
    agents = write(tmp_path, "DEMONSTRATOR [~OPP]\n", "a.txt")
    kb = builtin_knowledge().with_dictionaries(agent_files=[agents])
    assert builtin_knowledge().match(["demonstrators"])[0].entry.code == "CVL"
    assert kb.match(["demonstrators"])[0].entry.code == "OPP"


def test_user_agent_outranks_builtin_body(tmp_path: Path) -> None:
    agents = write(tmp_path, "MSF {}  [NGO~]\n", "a.txt")
    kb = builtin_knowledge().with_dictionaries(agent_files=[agents])
    assert builtin_knowledge().match(["MSF"])[0].entry.kind == "igo"
    assert kb.match(["MSF"])[0].entry.code == "NGO~"


def test_one_name_under_two_people_takes_the_one_in_office(tmp_path: Path) -> None:
    actors = write(tmp_path, """GEORGE_BUSH_
+PRESIDENT_BUSH
\t[USAGOV 890120-930120]
\t[USAELI]
GEORGE_W._BUSH_
+PRESIDENT_BUSH_
\t[USAGOV 010120-090120]
\t[USAELI]
""")
    kb = builtin_knowledge().with_dictionaries(actor_files=[actors])
    found = kb.match(["President", "Bush"])[0]
    assert found.entry_on(dt.date(1990, 5, 1)).name == "GEORGE BUSH"
    assert found.entry_on(dt.date(2008, 8, 6)).name == "GEORGE W. BUSH"
    assert found.entry_on(dt.date(2008, 8, 6)).code_on(dt.date(2008, 8, 6)).code == "USAGOV"
    assert found.entry_on(dt.date(2015, 1, 1)) is found.entry  # no one in office: the first


@needs_validate
def test_validation_dictionaries() -> None:
    kb = load_knowledge((VALIDATE_ACTORS,), (VALIDATE_AGENTS,))
    assert kb is load_knowledge((VALIDATE_ACTORS,), (VALIDATE_AGENTS,))
    arnor = kb.match(["Arnor"])
    assert arnor and arnor[0].entry.kind == "actor" and arnor[0].entry.code == "ARN"
    assert kb.match(["Quibbler"])[0].entry.code == "HGWGOVMED"
    interpol = kb.match(["Interpol"])[0].entry
    assert interpol.kind == "actor" and interpol.code == "IGOCOPITP"
    gollum = kb.match(["Gollum"])[0].entry
    assert gollum.code_on(dt.date(1997, 1, 1)).code == "HOBGOV"  # type: ignore[union-attr]
    zimbabwe = kb.match(["Zimbabwe"])[0].entry
    assert zimbabwe.kind == "actor" and zimbabwe.code == "ZBW"
    assert zimbabwe.code_on(dt.date(1975, 1, 1)).code == "RHO"  # type: ignore[union-attr]
    silly = kb.match(["Ministry", "of", "Silly", "Walks"])[0].entry
    assert (silly.kind, silly.code) == ("sector", "GOV")


@needs_phoenix
def test_phoenix_dictionaries_load() -> None:
    # how fast they load is measured in benchmarks/, never in a test
    kb = builtin_knowledge().with_dictionaries(PHOENIX_ACTORS, [PHOENIX_AGENTS])
    assert len(kb.phrases) > 40_000
    karzai = kb.lookup("Hamid Karzai")
    assert any(e.kind == "actor" for e in karzai) and karzai[0].kind == "person"
    in_2010 = {s.code for e in kb.lookup("Ban Ki-moon") if e.kind == "actor"
               for s in [e.code_on(dt.date(2010, 1, 1))] if s is not None}
    assert "IGOUNO" in in_2010
    assert kb.match(["Afghan", "National", "Army"])[0].entry.code == "AFGMIL"
