"""Tests for the trigger lexicon (data/triggers.tsv) and its loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.errors import KnowledgeError
from dotterel.extract.lexicon import Lexicon, TriggerEntry, load_lexicon, word_runs
from dotterel.ontology import load_ontology


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def _codes(lex: Lexicon, pos: str, lemma: str) -> list[str]:
    return [e.code for e in lex.candidates(pos, lemma)]


def test_builtin_file_parses_and_is_cached(lex: Lexicon) -> None:
    assert len(lex) >= 900
    assert load_lexicon() is lex


def test_coverage_of_roots_and_codes(lex: Lexicon) -> None:
    codes = lex.codes()
    roots = {c[:2] for c in codes}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(codes) >= 280, f"only {len(codes)} distinct codes"
    # Coverage of the codes that are not bare roots: report what is left, fail if much.
    onto = load_ontology()
    specific = [c for c in onto.codes() if len(c) > 2]
    missing = [c for c in specific if c not in codes]
    assert len(missing) <= 10, f"codes without a trigger: {missing}"


def test_every_code_exists_in_ontology(lex: Lexicon) -> None:
    onto = load_ontology()
    for entry in lex.entries():
        assert onto.has(entry.code), entry
        if entry.neg_code is not None:
            assert onto.has(entry.neg_code), entry


def test_report_verbs_are_010(lex: Lexicon) -> None:
    for lemma in ("say", "tell", "announce", "state", "report", "add", "note", "write"):
        entries = lex.candidates("VERB", lemma)
        assert any(e.is_report and e.code == "010" for e in entries), lemma
    assert all(e.code == "010" for e in lex.entries() if e.is_report)


def test_sever_relations(lex: Lexicon) -> None:
    entries = lex.candidates("VERB", "sever")
    hit = [e for e in entries if e.code == "161"]
    assert hit and {"relation", "tie"} <= hit[0].objects
    assert hit[0].object_matches("tie") and not hit[0].object_matches("contract")


def test_nominalisations(lex: Lexicon) -> None:
    assert "raid" in lex.lemmas("NOUN")
    assert "173" in _codes(lex, "NOUN", "arrest")
    assert "115" in _codes(lex, "NOUN", "lawsuit")
    assert "174" in _codes(lex, "NOUN", "expulsion")
    assert "195" in _codes(lex, "NOUN", "airstrike")
    assert "163" in _codes(lex, "NOUN", "sanction")
    assert "040" in _codes(lex, "NOUN", "talk")


def test_condemn_is_speech_disapproval(lex: Lexicon) -> None:
    entries = lex.candidates("VERB", "condemn")
    bare = [e for e in entries if e.specificity == 0]
    assert bare and bare[0].code == "111" and "speech" in bare[0].flags


@pytest.mark.parametrize("pos,lemma,objects,code", [
    ("VERB", "cut", "tie", "161"),
    ("VERB", "hold", "talk", "040"),
    ("VERB", "grant", "asylum", "075"),
    ("VERB", "impose", "sanction", "163"),
    ("VERB", "express", "concern", "012"),
    ("VERB", "cast", "doubt", "111"),
    ("VERB", "sign", "agreement", "057"),
    ("VERB", "open", "fire", "193"),
    ("VERB", "launch", "airstrike", "195"),
    ("VERB", "impose", "curfew", "1723"),
    ("VERB", "release", "hostage", "0841"),
    ("VERB", "lift", "sanction", "085"),
    ("VERB", "recall", "ambassador", "161"),
    # a visit called off reduces relations; talks called off halt negotiations
    ("VERB", "cancel", "visit", "161"),
    ("VERB", "cancel", "talk", "164"),
    ("VERB", "renounce", "violence", "087"),
    ("VERB", "forsake", "programme", "080"),
    ("VERB", "return", "helicopter", "0842"),
    # recognizing a rival's victory yields to them
    ("VERB", "recognize", "victory", "083"),
    # a court's hearings boycotted are a refusal to take part, not a protest
    ("VERB", "boycott", "hearing", "120"),
    # sanctions blocked are vetoed, not imposed
    ("VERB", "block", "sanction", "129"),
    # ramming a ship is force used on it
    ("VERB", "ram", "vessel", "190"),
])
def test_verb_object_constructions(lex: Lexicon, pos: str, lemma: str, objects: str,
                                   code: str) -> None:
    matching = [e for e in lex.candidates(pos, lemma)
                if objects in e.objects and e.particle is None and not e.context]
    assert matching and matching[0].code == code, [str(e) for e in matching]


def test_phrasal_verbs(lex: Lexicon) -> None:
    off = [e for e in lex.candidates("VERB", "break") if e.particle == "off"]
    assert any(e.code == "161" and "tie" in e.objects for e in off)
    assert any(e.particle == "down" and e.code == "0831" for e in lex.candidates("VERB", "step"))
    assert any(e.particle == "up" and e.code == "173" for e in lex.candidates("VERB", "round"))


def test_context_entries(lex: Lexicon) -> None:
    declare = [e for e in lex.candidates("VERB", "declare") if "persona non grata" in e.context]
    assert declare and declare[0].code == "161"
    assert declare[0].context_matches("Iran declared the envoy persona non grata")
    call = [e for e in lex.candidates("VERB", "call") if e.code == "0256"]
    assert call and call[0].context_matches("called for an immediate ceasefire in Gaza")
    assert not call[0].context_matches("called a meeting")


def test_context_matches_whole_words_and_all_of() -> None:
    entry = TriggerEntry("195", "NOUN", "strike", None, frozenset(), ("air", "hunger+resign"),
                         ("on",), frozenset(), None, "x:1")
    assert entry.context_matches("an air strike on the town")
    assert not entry.context_matches("a strike at the airport")
    assert entry.context_matches("a hunger strike to demand he resign")
    assert not entry.context_matches("a hunger strike over wages")
    # a phrase's first word is found whole, after a hyphen or bracket too, never inside
    # another word
    cease = TriggerEntry("074", "VERB", "agree", None, frozenset(), ("fire", "u.s. envoy"),
                         (), frozenset(), None, "x:2")
    assert cease.context_matches("agreed to a (fire") and cease.context_matches("the U.S. envoy")
    assert not cease.context_matches("agreed to a cease-fire")
    assert not cease.context_matches("agreed to a ceasefire") and not cease.context_matches("us envoy")
    # the sentence test only rules out a text with none of the phrases' first words
    # anywhere in it (of an "a+b" one, of its first part)
    assert entry.context_possible("the hunger was over") and entry.context_possible("fair")
    assert not entry.context_possible("a strike over wages, then resign")
    assert cease.context_possible("the u.s. said") and not cease.context_possible("a deal")
    assert cease.context_leads == {"fire", "u"} and entry.context_leads is not None


def test_word_runs_are_every_run_a_clause_can_have() -> None:
    # "a cease-fire by the u.s." as tokens: "cease", "-" and "fire" written with no space
    # between; "u.s." one token, "." another
    text = "a cease-fire by the u.s.."
    runs = word_runs(text, ["a", "cease", "-", "fire", "by", "the", "u.s.", "."], [7, 8, 23])
    assert {"cease-fire", "cease", "cease-", "-", "-fire", "fire", "u", "s"} <= runs
    assert "ceasefire" not in runs and "eas" not in runs


def test_candidates_most_specific_first(lex: Lexicon) -> None:
    for pos in ("VERB", "NOUN", "ADJ"):
        for lemma in lex.lemmas(pos):
            specs = [e.specificity for e in lex.candidates(pos, lemma)]
            assert specs == sorted(specs, reverse=True), (pos, lemma)


def test_negation_and_intent_flags(lex: Lexicon) -> None:
    restore = [e for e in lex.candidates("VERB", "restore") if "relation" in e.objects]
    assert restore[0].code == "050" and restore[0].neg_code is not None
    assert restore[0].neg_code.startswith("12")
    assert any("intent" in e.flags for e in lex.candidates("VERB", "promise"))
    assert any("threat" in e.flags for e in lex.candidates("VERB", "threaten"))
    # a head word's flags are those of all its entries together
    for pos in ("VERB", "NOUN", "ADJ"):
        for lemma in lex.lemmas(pos):
            assert lex.flags(pos, lemma) == {f for e in lex.candidates(pos, lemma) for f in e.flags}
    assert lex.flags("VERB", "Promise") == lex.flags("verb", "promise") and not lex.flags("VERB", "xyz")


def test_extra_file_adds_entries(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my additions\n"
                     "code\tpos\tlemma\tparticle\tobjects\tcontext\ttarget\tflags\n"
                     "111\tVERB\tpillory\t-\t-\t-\tobj\tspeech\n"
                     "173\tNOUN\tdragnet\n")
    lex = Lexicon.load([extra])
    assert [e.code for e in lex.candidates("VERB", "pillory")] == ["111"]
    dragnet = lex.candidates("NOUN", "dragnet")[0]
    assert dragnet.target == () and dragnet.flags == frozenset()
    assert dragnet.origin == f"{extra}:4"
    # built-in entries are still there
    assert "161" in _codes(lex, "VERB", "sever")
    assert len(lex) == len(load_lexicon()) + 2
    assert load_lexicon((extra,)).candidates("VERB", "pillory")


def test_extra_entry_wins_ties(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("110\tVERB\tcondemn\t-\t-\t-\tobj\tspeech\n")
    lex = Lexicon.load([extra])
    bare = [e for e in lex.candidates("VERB", "condemn") if e.specificity == 0]
    assert bare[0].code == "110" and bare[1].code == "111"


@pytest.mark.parametrize("line,fragment", [
    ("999\tVERB\tfoo\t-\t-\t-\t-\t-", "unknown CAMEO event code"),
    ("111\tADV\tfoo\t-\t-\t-\t-\t-", "VERB, NOUN or ADJ"),
    ("111 VERB foo", "at least 3"),
    ("111\tVERB\tBreak Off\t-\t-\t-\t-\t-", "lemma"),
    ("111\tVERB\tfoo\t-\t-\t-\tagianst\t-", "agianst"),
    ("111\tVERB\tfoo\t-\t-\t-\tobj\tloud", "unknown flag"),
    ("111\tVERB\tfoo\t-\t-\t-\tobj\tneg=777", "neg=777"),
    ("111\tVERB\tfoo\t-\tcut ties\t-\tobj\t-", "objects"),
    ("111\tVERB\tfoo\t-\t-\t-\tobj\treport", "010"),
    ("111\tVERB\tfoo\t-\t-\t-\tobj\t-\textra", "at most 8"),
    ("111\tNOUN\tfoo\toff\t-\t-\tobj\t-", "particle"),
])
def test_malformed_extra_file(tmp_path: Path, line: str, fragment: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# header comment\n\n" + line + "\n")
    with pytest.raises(KnowledgeError) as err:
        Lexicon.load([bad])
    assert err.value.line == 3
    assert str(bad) in str(err.value) and ":3:" in str(err.value)
    assert fragment in str(err.value)


def test_duplicate_of_builtin_line_is_an_error(tmp_path: Path) -> None:
    extra = tmp_path / "dup.tsv"
    extra.write_text("161\tVERB\tsever\t-\trelation|tie|link|contact\t-\twith\t-\n")
    with pytest.raises(KnowledgeError, match="repeats"):
        Lexicon.load([extra])


def test_lemmas_and_codes(lex: Lexicon) -> None:
    verbs = lex.lemmas("VERB")
    assert {"sever", "arrest", "raid", "condemn", "say"} <= verbs
    assert {"lawsuit", "raid", "arrest", "airstrike"} <= lex.lemmas("NOUN")
    assert "pessimistic" in lex.lemmas("ADJ")
    assert lex.lemmas("ADV") == frozenset()
    assert lex.candidates("VERB", "nonexistentword") == []


def test_refusing_to_resign_rejects_the_demand(lex: Lexicon) -> None:
    assert lex.candidates("VERB", "resign")[0].neg_code == "1231"
    meet = [e for e in lex.candidates("VERB", "meet") if "demand" in e.objects]
    assert meet and meet[0].code == "083" and meet[0].neg_code == "120"
