"""Tests for the CAMEO / PLOVER ontology tables and their loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.errors import DotterelError, KnowledgeError
from dotterel.ontology import CameoCode, Ontology, UnknownCodeError, data_path, load_ontology

CODEBOOK = Path("/work/shared/benchmarks/cameo/cameo_codebook_v1.1b3.jsonl")
PLOVER_TABLE = Path("/work/shared/benchmarks/plover/cameo_to_plover_2021.jsonl")
PLOVER_CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_318_codes_and_every_root(onto: Ontology) -> None:
    codes = onto.codes()
    assert len(codes) == 318 == len(set(codes))
    assert onto.roots() == [f"{i:02d}" for i in range(1, 21)]
    assert sum(len(c) == 3 for c in codes) == 149
    assert sum(len(c) == 4 for c in codes) == 149


def test_loader_is_cached() -> None:
    assert load_ontology() is load_ontology()


@pytest.mark.parametrize("root,quad", [("01", 1), ("05", 1), ("06", 2), ("09", 2),
                                       ("10", 3), ("14", 3), ("15", 4), ("20", 4)])
def test_quad_class_by_root(onto: Ontology, root: str, quad: int) -> None:
    for code in onto.codes():
        if code.startswith(root):
            assert onto.cameo(code).quad_class == quad, code


def test_cameo_record_fields(onto: Ontology) -> None:
    rec = onto.cameo("0311")
    assert isinstance(rec, CameoCode)
    assert rec.root == "03" and rec.code == "0311" and rec.quad_class == 1
    assert onto.cameo("173").name == "Arrest, detain"


@pytest.mark.skipif(not CODEBOOK.exists(), reason="shared codebook not present")
def test_goldstein_matches_codebook(onto: Ontology) -> None:
    book = {r["code"]: r for r in map(json.loads, CODEBOOK.read_text().splitlines())}
    assert set(book) == set(onto.codes())
    for code in ("161", "173", "111", "190", "057", "2042", "010"):
        assert onto.cameo(code).goldstein == book[code]["goldstein"], code
    for code, row in book.items():
        if row["goldstein"] is not None:
            assert onto.cameo(code).goldstein == row["goldstein"], code


def test_goldstein_spot_values(onto: Ontology) -> None:
    assert onto.cameo("161").goldstein == -4.0
    assert onto.cameo("173").goldstein == -5.0
    assert onto.cameo("111").goldstein == -2.0
    # 1951 is not in GDELT's table: it takes its parent's (195) weight.
    assert onto.cameo("1951").goldstein == onto.cameo("195").goldstein


def test_every_code_maps_to_a_plover_category(onto: Ontology) -> None:
    assert set(onto.plover_categories) == PLOVER_CATEGORIES
    for code in onto.codes():
        cat, mode = onto.plover(code)
        assert cat in PLOVER_CATEGORIES, code
        assert mode is None or mode in onto.plover_categories[cat], (code, mode)


def test_plover_categories_carry_modes(onto: Ontology) -> None:
    assert "visit" in onto.plover_categories["CONSULT"]
    assert "arrest" in onto.plover_categories["COERCE"]
    assert onto.plover_categories["AGREE"] == ()


@pytest.mark.parametrize("code,expected", [
    ("036", ("AGREE", None)),
    ("042", ("CONSULT", "visit")),
    ("041", ("CONSULT", "phone")),
    ("057", ("SUPPORT", None)),
    ("075", ("AID", None)),
    ("0871", ("RETREAT", "ceasefire")),
    ("0813", ("CONCEDE", None)),  # the manual: CONCEDE covers "removing curfews"
    ("0831", ("RETREAT", "resign")),  # the manual: RETREAT covers resignations
    ("111", ("ACCUSE", "disapprove")),
    ("1053", ("REQUEST", "yield")),
    ("141", ("PROTEST", "demo")),
    ("161", ("SANCTION", "withdraw")),
    ("163", ("SANCTION", "discontinue")),  # the manual: sanctions are SANCTION 'discontinue'
    ("173", ("COERCE", "arrest")),
    ("174", ("COERCE", "deport")),
    ("190", ("ASSAULT", None)),
    ("193", ("ASSAULT", "firearms")),
])
def test_well_known_mappings(onto: Ontology, code: str, expected: tuple[str, str | None]) -> None:
    assert onto.plover(code) == expected


@pytest.mark.skipif(not PLOVER_TABLE.exists(), reason="shared PLOVER table not present")
def test_categories_agree_with_plover_2021_table(onto: Ontology) -> None:
    seen: set[str] = set()
    for row in map(json.loads, PLOVER_TABLE.read_text().splitlines()):
        if row["cameo"] in seen:  # the table lists 08 and 175 twice; the first row counts
            continue
        seen.add(row["cameo"])
        if row["cameo"] in MANUAL_OVERRIDES:
            continue
        cat, _ = onto.plover(row["cameo"])
        # 1712 (destroy property) is ASSAULT in the table; we keep that too.
        assert cat == row["plover_event"], row["cameo"]


# Rows of cameo_plover.tsv with basis 'manual': the current manual's category text
# overrides the 2021 table (easing a curfew or emergency is CONCEDE, resigning RETREAT,
# international sanctions SANCTION).
MANUAL_OVERRIDES = {"0813", "0814", "0831", "163"}


def test_manual_overrides_are_marked_in_the_table() -> None:
    rows = [line.split("\t") for line in data_path("cameo_plover.tsv").read_text().splitlines()
            if line and not line.startswith(("#", "@", "code\t"))]
    assert {r[0] for r in rows if r[3] == "manual"} == MANUAL_OVERRIDES


def test_plover_falls_back_to_parent(onto: Ontology) -> None:
    assert onto.plover("0311") == ("AGREE", None)
    assert onto.plover("1834") == ("ASSAULT", "explosives")
    assert onto.parent("0311") == "031"
    assert onto.parent("031") == "03"
    assert onto.parent("03") is None
    assert onto.children("08")[0] == "080"


def test_fallback_walks_up_when_a_row_is_missing(tmp_path: Path) -> None:
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text("code\tname\tgoldstein\tquad_class\tbasis\n"
                     "03\tIntend\t4\t1\tgdelt\n031\tIntend more\t5\t1\tgdelt\n"
                     "0311\tIntend economically\t5\t1\tgdelt\n")
    plover = tmp_path / "p.tsv"
    plover.write_text("@category\tAGREE\t-\ncode\tplover\tmode\tbasis\n03\tAGREE\t-\tx\n")
    o = Ontology.from_files(cameo, plover)
    assert o.plover("0311") == ("AGREE", None)


def test_unknown_code_error(onto: Ontology) -> None:
    with pytest.raises(UnknownCodeError) as err:
        onto.cameo("0999")
    assert isinstance(err.value, KeyError) and isinstance(err.value, DotterelError)
    assert "0999" in str(err.value) and "cameo.tsv" in str(err.value)
    with pytest.raises(KeyError):
        onto.plover("21")
    assert not onto.has("0315") and onto.has("0314")
    assert "031 " in str(pytest.raises(KeyError, onto.cameo, "0315").value)


def test_malformed_cameo_table(tmp_path: Path) -> None:
    bad = tmp_path / "cameo.tsv"
    bad.write_text("# comment\ncode\tname\tgoldstein\tquad_class\tbasis\n"
                   "01\tStatement\t0\t1\tgdelt\n010\tMake statement\tzero\t1\tgdelt\n")
    with pytest.raises(KnowledgeError) as err:
        Ontology.from_files(bad, data_path("cameo_plover.tsv"))
    assert err.value.line == 4 and str(bad) in str(err.value) and "zero" in str(err.value)


def test_wrong_quad_class_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "cameo.tsv"
    bad.write_text("code\tname\tgoldstein\tquad_class\tbasis\n18\tAssault\t-9\t2\tgdelt\n")
    with pytest.raises(KnowledgeError, match="quad class"):
        Ontology.from_files(bad, data_path("cameo_plover.tsv"))


def test_plover_mode_must_belong_to_category(tmp_path: Path) -> None:
    cameo = tmp_path / "cameo.tsv"
    cameo.write_text("code\tname\tgoldstein\tquad_class\tbasis\n04\tConsult\t1\t1\tgdelt\n")
    plover = tmp_path / "p.tsv"
    plover.write_text("@category\tCONSULT\tvisit|phone\ncode\tplover\tmode\tbasis\n"
                      "04\tCONSULT\triot\tx\n")
    with pytest.raises(KnowledgeError, match="not a mode of CONSULT"):
        Ontology.from_files(cameo, plover)


def test_modal_codes_follow_the_longest_prefix() -> None:
    onto = load_ontology()
    assert onto.modal_code("071", "intent") == "0331"   # will give economic aid
    assert onto.modal_code("0711", "intent") == "0331"
    assert onto.modal_code("042", "intent") == "036"    # will visit -> intent to meet
    assert onto.modal_code("190", "intent") is None     # violence has no intent form
    assert onto.modal_code("190", "threat") == "1384"   # "will attack" is a threat
    assert onto.modal_code("1722", "threat") == "1322"
    assert onto.modal_code("060", "demand") == "101"    # "must cooperate"
    assert onto.modal_code("045", "demand") == "108"
    assert onto.modal_code("073", "refusal") == "1223"  # will not send humanitarian aid
    assert onto.modal_code("085", "refusal") == "1244"  # will not lift sanctions
    assert onto.modal_code("190", "refusal") is None
