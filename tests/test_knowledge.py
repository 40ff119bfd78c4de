"""Tests for the built-in actor knowledge and its phrase matcher."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dotterel.errors import KnowledgeError
from dotterel.resolve.knowledge import (DATA_DIR, Entry, Knowledge, RoleSpell, builtin_knowledge,
                                        fold, load_knowledge, phrase_key, read_builtin,
                                        read_countries, read_people, read_sectors)


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return builtin_knowledge()


def codes(kb: Knowledge, words: list[str], lemmas: list[str] | None = None
          ) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.entry.kind, m.entry.code) for m in kb.match(words, lemmas)]


@pytest.mark.parametrize("text", [
    "the United States of America and the Kremlin said the Israeli army 's chief and "
    "Isreal 's Foreign Minister met the Gulf of Aden patrol",
    "Mexican police and the Sea of Japan fleet , the the Sudan People 's Liberation Army ,",
])
def test_a_run_that_the_scan_stops_at_has_the_matches_inside_it(kb: Knowledge, text: str) -> None:
    """The positions ``match`` reports its scan stopped at say which runs of the words
    have the matches found inside them (what DocActors reads a phrase's matches from)."""
    words = text.split()
    stops: list[int] = []
    found = kb.match(words, None, stops)
    assert kb.match(words) == found
    inner = {k for m in found for k in range(m.start + 1, m.end)}
    for start in stops:
        for end in range(start + 1, len(words) + 1):
            if end in inner or phrase_key(words[end - 1]) == ("the",):
                continue
            inside = [(m.start - start, m.end - start, m.entry) for m in found
                      if start <= m.start and m.end <= end]
            assert [(m.start, m.end, m.entry) for m in kb.match(words[start:end])] == inside


def test_fold_and_phrase_key() -> None:
    assert fold("Élysée") == "elysee"
    assert phrase_key("the U.S.") == ("the", "u", "s")
    assert phrase_key("Côte d’Ivoire") == ("cote", "d", "ivoire")
    assert phrase_key("LÓPEZ_OBRADOR's") == ("lopez", "obrador")


def test_country_adjective_and_sector(kb: Knowledge) -> None:
    assert codes(kb, ["Ecuadorian", "police"]) == [(0, 1, "country", "ECU"), (1, 2, "sector", "COP")]


def test_mexican_embassy(kb: Knowledge) -> None:
    assert codes(kb, ["the", "Mexican", "Embassy"]) == [(1, 2, "country", "MEX"),
                                                        (2, 3, "sector", "GOV")]


def test_president_then_person(kb: Knowledge) -> None:
    found = kb.match(["President", "Claudia", "Sheinbaum"])
    assert [(m.start, m.end) for m in found] == [(0, 1), (1, 3)]
    assert found[0].entry.person_role
    person = found[1].entry
    assert person.kind == "person" and person.name == "Claudia Sheinbaum"
    spell = person.code_on(dt.date(2024, 11, 1))
    assert spell is not None and spell.code == "MEXGOV" and spell.role == "president"


def test_seat_of_power(kb: Knowledge) -> None:
    found = kb.match(["the", "Kremlin"])
    assert [(m.start, m.end, m.entry.code) for m in found] == [(0, 2, "RUS")]
    assert found[0].entry.seat
    assert codes(kb, ["Downing", "Street"]) == [(0, 2, "country", "GBR")]


def test_igo(kb: Knowledge) -> None:
    found = kb.match(["Security", "Council"])
    assert len(found) == 1 and found[0].entry.kind == "igo"
    assert found[0].entry.code.startswith("IGOUNO")
    assert codes(kb, ["the", "world", "court"]) == [(0, 3, "igo", "IGOUNOJUDICJ")]


def test_possessive_and_accents(kb: Knowledge) -> None:
    for words in (["López", "Obrador", "'s"], ["Lopez", "Obrador"], ["LOPEZ", "OBRADOR", "’s"]):
        found = kb.match(words)
        assert [(m.start, m.end) for m in found] == [(0, 2)], words
        assert found[0].entry.name == "Andrés Manuel López Obrador"
    found = kb.match(["AMLO", "said"])
    assert found and found[0].entry.kind == "person"


def test_possessive_inside_and_hyphen(kb: Knowledge) -> None:
    assert codes(kb, ["the", "People", "'s", "Republic", "of", "China"]) == [
        (1, 6, "country", "CHN")]
    assert codes(kb, ["Guinea", "-", "Bissau"]) == [(0, 3, "country", "GNB")]
    assert codes(kb, ["Côte", "d'Ivoire"]) == [(0, 2, "country", "CIV")]
    assert codes(kb, ["Ivory", "Coast"]) == [(0, 2, "country", "CIV")]


def test_lemmas_let_plurals_match(kb: Knowledge) -> None:
    words = ["Iranian", "foreign", "ministers"]
    lemmas = ["iranian", "foreign", "minister"]
    assert codes(kb, words, lemmas) == [(0, 1, "country", "IRN"), (1, 3, "sector", "GOV")]
    # the regular plural is in the knowledge too, so this also works without lemmas
    assert codes(kb, words) == [(0, 1, "country", "IRN"), (1, 3, "sector", "GOV")]


def test_common_words_need_their_capitals(kb: Knowledge) -> None:
    assert codes(kb, ["tell", "us"]) == []
    assert codes(kb, ["US", "forces"]) == [(0, 1, "country", "USA"), (1, 2, "sector", "MIL")]
    assert codes(kb, ["who", "said"]) == []
    assert codes(kb, ["the", "WHO", "said"])[0][3] == "IGOUNOHLHWHO"
    assert codes(kb, ["roast", "turkey"]) == []
    assert codes(kb, ["Turkey"]) == [(0, 1, "country", "TUR")]


def test_longest_match_wins(kb: Knowledge) -> None:
    assert codes(kb, ["South", "Sudan"]) == [(0, 2, "country", "SSD")]
    assert codes(kb, ["Latin", "America"]) == [(0, 2, "region", "LAM")]
    assert codes(kb, ["the", "United", "States", "of", "America"]) == [(1, 5, "country", "USA")]
    assert codes(kb, ["the", "United", "States", "said"]) == [(0, 3, "country", "USA")]


def test_countries_cover_the_world(kb: Knowledge) -> None:
    countries = kb.entries("country")
    iso = {e.code for e in countries}
    assert len(iso) >= 195
    for code in ("PSE", "XKX", "TWN", "HKG", "RUS", "GBR", "USA", "MMR", "CIV"):
        assert code in iso
    assert kb.country_name("MEX") == "Mexico"
    assert kb.country_name("ZZZ") == "ZZZ"
    assert kb.country("mex") is not None
    for name, code in (("Burma", "MMR"), ("Britain", "GBR"), ("UK", "GBR"), ("America", "USA"),
                       ("U.S.", "USA"), ("Saudi", "SAU"), ("Britons", "GBR"),
                       ("Ecuadorean", "ECU"), ("Quito", "ECU"), ("Washington", "USA"),
                       ("the White House", "USA"), ("the Élysée", "FRA"), ("Elysee", "FRA"),
                       ("Tehran", "IRN"), ("Pyongyang", "PRK"), ("Beijing", "CHN")):
        found = kb.lookup(name)
        assert found and found[0].code == code, name


def test_igos_and_regions(kb: Knowledge) -> None:
    for name, code in (("UN", "IGOUNO"), ("U.N.", "IGOUNO"), ("United Nations", "IGOUNO"),
                       ("European Union", "IGOEUREEC"), ("NATO", "IGOWSTNAT"),
                       ("Nato", "IGOWSTNAT"), ("African Union", "IGOAFRAFU"),
                       ("ASEAN", "IGOSEAASN"), ("IAEA", "IGOUNOIAE"),
                       ("Amnesty International", "NGOHRIAMN"), ("Human Rights Watch", "NGOHRIHRW"),
                       ("the West", "WST"), ("Latin America", "LAM"), ("the Middle East", "MEA"),
                       ("the Balkans", "BLK"), ("the Caribbean", "CRB")):
        found = kb.lookup(name)
        assert found and found[0].code == code, name
    assert all(e.code.startswith(("IGO", "NGO")) for e in kb.entries("igo"))


def test_sectors(kb: Knowledge) -> None:
    sectors = kb.entries("sector")
    assert len(sectors) >= 300
    want = {"president": ("GOV", True), "prime minister": ("GOV", True),
            "ambassador": ("GOV", True), "government": ("GOV", False), "army": ("MIL", False),
            "troops": ("MIL", False), "police": ("COP", False), "court": ("JUD", False),
            "parliament": ("LEG", False), "opposition": ("OPP", False), "rebels": ("REB", False),
            "insurgents": ("INS", False), "civilians": ("CVL", False), "journalist": ("MED", True),
            "refugees": ("REF", False), "students": ("EDU", False), "clergy": ("REL", False),
            "deputy chief of mission": ("GOV", True), "consul": ("GOV", True)}
    for phrase, (code, person) in want.items():
        found = [e for e in kb.lookup(phrase) if e.kind == "sector"]
        assert found, phrase
        assert (found[0].code, found[0].person_role) == (code, person), phrase


def test_people_spells(kb: Knowledge) -> None:
    assert len(kb.entries("person")) >= 300
    glas = kb.lookup("Jorge Glas")[0]
    on = glas.code_on(dt.date(2016, 1, 1))
    assert on is not None and (on.code, on.role) == ("ECUGOV", "vice president")
    after = glas.code_on(dt.date(2024, 4, 5))
    assert after is not None and (after.code, after.role) == ("ECUELI", "former vice president")
    assert glas.code_on(None) is None and glas.code == "ECUELI"
    noboa = kb.lookup("Daniel Noboa")[0]
    assert noboa.code == "ECUGOV"
    spell = noboa.code_on(dt.date(2024, 4, 5))
    assert spell is not None and spell.role == "president"
    assert noboa.code_on(dt.date(2010, 1, 1)) is None  # before any spell: `code` applies
    barcena = kb.lookup("Alicia Bárcena")[0]
    spell = barcena.code_on(dt.date(2024, 4, 5))
    assert spell is not None and (spell.code, spell.role) == ("MEXGOV", "foreign minister")
    amlo = kb.lookup("AMLO")[0]
    assert amlo.code_on(dt.date(2024, 4, 5)) == RoleSpell("MEXGOV", "president",
                                                          dt.date(2018, 12, 1), dt.date(2024, 9, 30))
    lasso = kb.lookup("Guillermo Lasso")[0]
    assert lasso.code_on(dt.date(2022, 6, 1)).code == "ECUGOV"  # type: ignore[union-attr]
    correa = kb.lookup("Rafael Correa")[0]
    assert correa.code_on(dt.date(2010, 6, 1)).role == "president"  # type: ignore[union-attr]


@pytest.mark.parametrize("name, day, code", [
    # much-quoted spokespeople and envoys, each on a day of their office
    ("Wang Wenbin", dt.date(2021, 5, 1), "CHNGOV"),
    ("Sergei Ryabkov", dt.date(2019, 3, 1), "RUSGOV"),
    ("Vassily Nebenzia", dt.date(2022, 3, 1), "RUSGOV"),
    ("John Kirby", dt.date(2023, 1, 10), "USAGOV"),
    ("John Kirby", dt.date(2019, 1, 10), "USAELI"),  # between his offices
    ("Jen Psaki", dt.date(2024, 1, 10), "USAELI"),
    ("Ibrahim Kalin", dt.date(2024, 1, 10), "TURSPY"),
    ("Nikolai Patrushev", dt.date(2005, 1, 10), "RUSSPY"),
    ("Staffan de Mistura", dt.date(2016, 5, 1), "IGOUNO"),
    ("Agnes Callamard", dt.date(2023, 5, 1), "NGOHRIAMN"),
])
def test_spokespeople_and_envoys(kb: Knowledge, name: str, day: dt.date, code: str) -> None:
    person = [e for e in kb.lookup(name) if e.kind == "person"][0]
    spell = person.code_on(day)
    assert spell is not None and spell.code == code


def test_every_person_spell_is_well_formed(kb: Knowledge) -> None:
    for person in kb.entries("person"):
        assert person.spells, person.name
        for spell in person.spells:
            assert len(spell.code) >= 3
            if spell.start and spell.end:
                assert spell.start <= spell.end, person.name


def test_kind_priority_on_shared_phrase() -> None:
    country = Entry(kind="country", code="AAA", name="Aland")
    person = Entry(kind="person", code="AAAGOV", name="Aland",
                   spells=(RoleSpell("AAAGOV", "president", None, None),))
    from dotterel.resolve.knowledge import Phrase
    kb = Knowledge([Phrase(("aland",), country), Phrase(("aland",), person)])
    assert kb.match(["Aland"])[0].entry is person
    assert [e.kind for e in kb.lookup("aland")] == ["person", "country"]


def test_data_files_load_once_and_builtin_is_cached() -> None:
    assert builtin_knowledge() is builtin_knowledge()
    assert load_knowledge() is load_knowledge()
    assert len(read_builtin(DATA_DIR)) == len(builtin_knowledge().phrases)


def test_malformed_data_lines(tmp_path: Path) -> None:
    bad = tmp_path / "countries.tsv"
    bad.write_text("iso3\tname\tnames\tadjectives\tseats\n# ok\nMEXICO\tMexico\t\t\t\n",
                   encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        read_countries(bad)
    assert info.value.line == 3 and str(bad) in str(info.value)
    people = tmp_path / "people.tsv"
    people.write_text("name\taliases\tspells\nAna Example\t\tMEXGOV:president:2020-13-01:\n",
                      encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        read_people(people)
    assert info.value.line == 2
    sectors = tmp_path / "sectors.tsv"
    sectors.write_text("phrase\tcode\tperson_role\nboss\tGOV\tmaybe\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        read_sectors(sectors)


def _person_at(kb: Knowledge, words: list[str], day: dt.date) -> tuple[str, str, str]:
    persons = [m for m in kb.match(words) if m.entry.kind == "person"]
    assert len(persons) == 1, words
    spell = persons[0].entry.code_on(day)
    assert spell is not None, words
    return persons[0].entry.name, spell.code, spell.role


def test_office_holders_since_1975(kb: Knowledge) -> None:
    found = kb.match(["Secretary-General", "Boutros", "Boutros-Ghali"])
    assert found[-1].entry.kind == "person" and found[-1].entry.name == "Boutros Boutros-Ghali"
    assert _person_at(kb, ["Secretary-General", "Boutros", "Boutros-Ghali"],
                      dt.date(1994, 5, 1))[1:] == ("IGOUNO", "secretary-general")
    assert _person_at(kb, ["Charles", "Taylor"], dt.date(2000, 1, 1))[1:] == ("LBRGOV", "president")
    # before office Taylor led the NPFL rebels; after it he is a former president
    assert _person_at(kb, ["Charles", "Taylor"], dt.date(1992, 1, 1))[1] == "LBRREB"
    assert _person_at(kb, ["Charles", "Taylor"], dt.date(2006, 1, 1))[1:] == (
        "LBRELI", "former president")
    for words, day, code in (
            (["Javier", "Pérez", "de", "Cuéllar"], dt.date(1988, 8, 1), "IGOUNO"),
            (["Askar", "Akayev"], dt.date(2000, 1, 1), "KGZGOV"),
            (["Juvenal", "Habyarimana"], dt.date(1994, 1, 1), "RWAGOV"),
            (["Slobodan", "Milosevic"], dt.date(1999, 4, 1), "SRBGOV"),
            (["Franjo", "Tudjman"], dt.date(1995, 8, 1), "HRVGOV"),
            (["Mikhail", "Gorbachev"], dt.date(1987, 12, 8), "RUSGOV"),
            (["Helmut", "Kohl"], dt.date(1990, 10, 3), "DEUGOV"),
            (["Margaret", "Thatcher"], dt.date(1982, 4, 2), "GBRGOV"),
            (["Ronald", "Reagan"], dt.date(1986, 10, 11), "USAGOV"),
            (["Yitzhak", "Rabin"], dt.date(1993, 9, 13), "ISRGOV"),
            (["Hafez", "al-Assad"], dt.date(1990, 1, 1), "SYRGOV"),
            (["Kim", "Il", "Sung"], dt.date(1985, 1, 1), "PRKGOV"),
            (["Nursultan", "Nazarbayev"], dt.date(2005, 1, 1), "KAZGOV"),
            (["Osama", "bin", "Laden"], dt.date(2001, 9, 11), "IMGMOSALQ")):
        assert _person_at(kb, words, day)[1] == code, words
    # Carl Bildt: prime minister, then foreign minister
    assert _person_at(kb, ["Carl", "Bildt"], dt.date(1992, 1, 1))[1:] == ("SWEGOV", "prime minister")
    assert _person_at(kb, ["Carl", "Bildt"], dt.date(2010, 1, 1))[1:] == (
        "SWEGOV", "foreign minister")
    # Shimon Peres: prime minister in 1985, foreign minister in 1993, president in 2010
    roles = [_person_at(kb, ["Shimon", "Peres"], dt.date(y, 6, 1))[2] for y in (1985, 1993, 2010)]
    assert roles == ["prime minister", "foreign minister", "president"]
    assert len(kb.entries("person")) >= 1000


def test_short_forms_of_famous_names(kb: Knowledge) -> None:
    for alias, name in (("Saddam", "Saddam Hussein"), ("Kadhafi", "Muammar Gaddafi"),
                        ("Qaddafi", "Muammar Gaddafi"), ("Milosevic", "Slobodan Milošević"),
                        ("Arafat", "Yasser Arafat")):
        found = kb.lookup(alias)
        assert found and found[0].kind == "person" and found[0].name == name, alias


def test_named_groups(kb: Knowledge) -> None:
    assert codes(kb, ["Hamas"]) == [(0, 1, "actor", "PSEREBHMS")]
    found = codes(kb, ["the", "Taliban"])
    assert len(found) == 1 and found[0][2:] == ("actor", "AFGREBTAL")
    for name, code in (("Hezbollah", "LBNREBHEZ"), ("al-Qaeda", "IMGMOSALQ"),
                       ("Islamic State", "IMGMOSISL"), ("ISIS", "IMGMOSISL"),
                       ("Daesh", "IMGMOSISL"), ("FARC", "COLREBFRC"), ("Houthis", "YEMREBHTH"),
                       ("Ansar Allah", "YEMREBHTH"), ("PKK", "TURREBPKK"),
                       ("Boko Haram", "NGAREBBKH"), ("al-Shabaab", "SOMREBSHB"),
                       ("Rapid Support Forces", "SDNREBRSF"), ("M23", "CODREBM23"),
                       ("Wagner Group", "RUSUAFWAG"), ("Tamil Tigers", "LKAREBLTT"),
                       ("IRA", "GBRREBIRA"), ("ETA", "ESPREBETA"), ("Sinn Féin", "GBRPTYSNF"),
                       ("MASSOB", "NGAREBMAS")):
        found = kb.lookup(name)
        assert found and (found[0].kind, found[0].code) == ("actor", code), name
    # an acronym in capitals only; the longer name wins over the shorter one inside it
    assert codes(kb, ["eta", "of", "noon"]) == []
    assert codes(kb, ["Pakistani", "Taliban"]) == [(0, 2, "actor", "PAKREBTTP")]
    groups = kb.entries("actor")
    assert len(groups) >= 60
    for entry in groups:
        assert entry.code[:3] == "IMG" or kb.country(entry.code[:3]) is not None, entry.code


# ---------------------------------------------------------------------------------------------
# Resolving noun phrases to actors with the real parser (dotterel.resolve.actors)

def resolved(coder, text: str, word: str, day: dt.date = dt.date(2024, 4, 10)) -> list[str]:  # noqa: ANN001
    """The codes ``resolve_all`` gives the first token written ``word`` in ``text``."""
    from dotterel.resolve.actors import DocActors

    doc = coder.nlp(text)
    actors = DocActors(doc, coder.kb.knowledge, day, coder.kb.gazetteer)
    head = next(t for t in doc if t.text == word)
    return [a.code for a in actors.resolve_all(head, day)]


def test_a_title_in_the_text_beats_the_date(coder) -> None:  # noqa: ANN001
    day = dt.date(2000, 1, 1)  # Jawara's presidency ended in 1994
    assert resolved(coder, "Gambian President Dawda Jawara arrived in Senegal.", "Jawara",
                    day) == ["GMBGOV"]
    assert resolved(coder, "King Hassan of Morocco received the envoy.", "Hassan", day) == ["MARGOV"]
    assert resolved(coder, "Former President Dawda Jawara arrived in Senegal.", "Jawara",
                    day) == ["GMBELI"]


def test_a_title_before_an_unknown_name(coder) -> None:  # noqa: ANN001
    text = "Kenyan junior finance minister Wanjiru Kamau received the delegation."
    assert resolved(coder, text, "Kamau") == ["KENGOV"]


def test_a_known_name_the_parser_splits_is_still_the_person(coder) -> None:  # noqa: ANN001
    # the parser may read "dos" as a verb and cut the name in two; its last word is a
    # Brazilian city's name too
    day = dt.date(2002, 3, 4)
    assert resolved(coder, "Jose Eduardo dos Santos flew to Lisbon on Monday.", "Santos",
                    day) == ["AGOGOV"]


def test_where_a_group_acts_is_whose_it_is(coder) -> None:  # noqa: ANN001
    assert resolved(coder, "Security forces in Guinea tortured refugees.", "forces") == ["GINCOP"]
    assert resolved(coder, "Lawmakers in Peru and Chile welcomed the deal.", "Lawmakers") == [
        "PERLEG", "CHLLEG"]
    # an embassy belongs to its owner, not to its host
    assert "ECUGOV" not in resolved(coder, "Mexico said the embassy in Quito was raided.",
                                    "embassy")


def test_conjoined_heads_share_their_modifiers(coder) -> None:  # noqa: ANN001
    text = "The Norwegian press and government criticised Finland."
    assert resolved(coder, text, "government") == ["NORGOV"]


def test_people_of_a_country_and_its_hardware(coder) -> None:  # noqa: ANN001
    assert resolved(coder, "Young Algerians blocked roads.", "Algerians") == ["DZACVL"]
    assert resolved(coder, "Israeli army bulldozers demolished homes.", "bulldozers") == ["ISRMIL"]
    assert resolved(coder, "Israeli helicopters fired on the camp.", "helicopters") == ["ISRMIL"]


def test_inside_a_phrase_its_head_comes_before_its_modifiers(coder) -> None:  # noqa: ANN001
    text = "Moldova signed a trade agreement with the European Union."
    codes = resolved(coder, text, "agreement")
    assert codes and codes[0].startswith("IGOEUR"), codes


def test_lists_the_parser_reads_as_appositions(coder, shared_dir: Path) -> None:  # noqa: ANN001
    """The parser reads "Gondor, the Shire, Rohan and Bree" as a name with an apposition
    that heads a list; one state is never another's other name."""
    from dotterel.resolve.actors import DocActors

    folder = shared_dir / "benchmarks" / "petrarch2" / "dictionaries" / "udpetr_2_02"
    kb = load_knowledge((folder / "PETR_Validate_actors_2_02.txt",),
                        (folder / "PETR_Validate_agents_2_02.txt",))
    day = dt.date(2020, 1, 1)
    doc = coder.nlp("Gondor, the Shire, Rohan and Bree signed a pact.")
    actors = DocActors(doc, kb, day)
    assert [a.code for a in actors.resolve_all(doc[0], day)] == ["GON", "FRO", "ROH", "BRE"]
    # a person apposed to a country is no second state
    assert resolved(coder, "Ecuador's president, Daniel Noboa, spoke.", "president") == ["ECUGOV"]


def test_agent_codes_that_go_before_the_country(coder, tmp_path: Path) -> None:  # noqa: ANN001
    from dotterel.resolve.actors import DocActors

    actors = tmp_path / "a.txt"
    actors.write_text("ZORLAND_ [ZOR]\n", encoding="utf-8")
    agents = tmp_path / "b.txt"
    agents.write_text("WATCHDOG_GROUP [NGO~]\n", encoding="utf-8")
    kb = builtin_knowledge().with_dictionaries([actors], [agents])
    day = dt.date(2020, 1, 1)
    doc = coder.nlp("A Zorland watchdog group condemned the arrests.")
    head = next(t for t in doc if t.text == "group")
    assert [a.code for a in DocActors(doc, kb, day).resolve_all(head, day)] == ["NGOZOR"]


def test_whose_a_phrase_is(coder) -> None:  # noqa: ANN001
    text = "Kenya, a close British partner, declined to send police."
    assert resolved(coder, text, "Kenya") == ["KENGOV"]
    text = "The Hungarians of northern Serbia are seeking self-rule."
    assert resolved(coder, text, "Hungarians") == ["SRBCVL"]
    text = "Ethnic Hungarians in north Serbia are seeking self-rule."
    assert resolved(coder, text, "Hungarians") == ["SRBCVL"]


def test_a_stance_towards_a_country_is_not_membership(coder) -> None:  # noqa: ANN001
    text = "Ukraine said the missile was fired by pro-Russia rebels."
    assert resolved(coder, text, "rebels") == ["UKRREB"]


def test_territories_named_with_a_region_word_are_their_states() -> None:
    kb = builtin_knowledge()
    # "the West Bank" is no Western power and no bank; Northern Ireland is British
    assert [m.entry.code for m in kb.match(["the", "West", "Bank"])] == ["PSE"]
    assert [m.entry.code for m in kb.match(["Northern", "Ireland"])] == ["GBR"]


@pytest.mark.parametrize("word, code", [
    ("Isreal", "ISR"), ("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Phillippines", "PHL"),
    ("Isreali", "ISR"),
])
def test_a_country_name_misspelt_by_one_slip_is_read(kb: Knowledge, word: str, code: str) -> None:
    assert codes(kb, [word, "said"]) == [(0, 1, "country", code)]


@pytest.mark.parametrize("word", ["Indiana", "Columbia", "Jordon", "isreal", "Roland"])
def test_a_near_word_is_no_misspelt_country(kb: Knowledge, word: str) -> None:
    assert codes(kb, [word]) == []


def test_prisoners_and_supporters_have_sectors(kb: Knowledge) -> None:
    assert codes(kb, ["prisoners"], ["prisoner"]) == [(0, 1, "sector", "CRM")]
    assert codes(kb, ["supporters"], ["supporter"]) == [(0, 1, "sector", "CVL")]


def test_kampuchean_is_cambodian(kb: Knowledge) -> None:
    assert codes(kb, ["Kampuchean", "forces"]) == [(0, 1, "country", "KHM"), (1, 2, "sector", "MIL")]


@pytest.mark.parametrize("word, name", [
    ("Reagan", "Ronald Reagan"), ("Bouteflicka", "Abdelaziz Bouteflika"),
    ("Mitterand", "François Mitterrand"), ("Bush", None),
    # family name first: "Xi Jinping" is "Xi"; but "William Lai" is written the Western way
    ("Xi", "Xi Jinping"), ("Tsai", "Tsai Ing-wen"), ("William", None),
])
def test_a_surname_names_its_one_bearer_even_misspelt(kb: Knowledge, word: str, name: str | None) -> None:
    found = kb.surname(word)
    assert (found.name if found else None) == name


def test_names_settled_after_every_period_and_succession() -> None:
    # from this day on, actors are resolved without the succession and period tables
    from dotterel.resolve.knowledge import names_settled, period_names, successions

    settled = names_settled()
    assert all(last < settled for periods in period_names().values()
               for _, _, _, last, _ in periods)
    assert all(first <= settled for _, first in successions().values())
    # (and no later than it need be: the day after a period's end, or a state's first)
    assert settled in ({last + dt.timedelta(days=1) for periods in period_names().values()
                        for _, _, _, last, _ in periods}
                       | {first for _, first in successions().values()})
