"""Tests of ``dotterel export``: each format written from a real store and read back."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dotterel.cli import export as export_cli
from dotterel.cli.main import main
from dotterel.errors import ConfigError
from dotterel.export.gdelt import (GDELT_COLUMNS, GeoCodes, doc_info, global_event_id,
                                   split_actor_code)
from dotterel.export.plover import plover_record
from dotterel.store import Store
from dotterel.types import Actor, Article, Event, Evidence, Place, TimeRef

USA = Actor(code="USAGOV", country="USA", sector="GOV", name="Joe Biden", text="President Biden")
MEX = Actor(code="MEXGOV", country="MEX", sector="GOV", name="Mexico", text="Mexico")
RUS = Actor(code="RUSMIL", country="RUS", sector="MIL", name="Russian armed forces",
            text="Russian troops")
UNO = Actor(code="IGOUNO", country="IGO", sector="UNO", name="United Nations", text="the UN")
MEXICO_CITY = Place(name="Mexico City", country="MEX", lat=19.4285, lon=-99.1277,
                    geonameid=3530597)
MEXICO = Place(name="Mexico", country="MEX", lat=23.6, lon=-102.5, geonameid=3996063)

A1_TEXT = ("President Biden visited Mexico City.\n"
           "Russian troops shelled Kharkiv on Tuesday.")
B2_TEXT = "Mexico threatened sanctions. Mexico did not attack."


def event(event_id: str, doc_id: str, sentence: str, start: int, *, source: Actor | None,
          target: Actor | None, cameo: str, quad: int, date: TimeRef | None,
          negated: bool = False, location: Place | None = None) -> Event:
    """One hand-built event (the trigger is the sentence's second word)."""
    trigger = sentence.split()[1]
    return Event(event_id=event_id, doc_id=doc_id, date=date, date_basis="text",
                 source=source, target=target, cameo=cameo, plover="CONSULT",
                 plover_mode="visit", goldstein=1.9, quad_class=quad,
                 evidence=Evidence(sentence=sentence, start=start,
                                   end=start + len(sentence), trigger=trigger),
                 negated=negated, location=location)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with two articles, four events: a city and a country location, a month
    date, a year date, a negated event and an international body."""
    path = tmp_path_factory.mktemp("store") / "events.duckdb"
    a1 = Article(id="a1", text=A1_TEXT, published=dt.date(2024, 4, 6), title="Visit",
                 url="https://example.org/a1", outlet="Example", published_basis="input")
    b2 = Article(id="b2", text=B2_TEXT, published=dt.date(2024, 3, 2), title="Sanctions",
                 url="https://example.org/b2", outlet="Example", published_basis="input")
    a1_events = [
        event("0123456789abcdef", "a1", "President Biden visited Mexico City.", 0,
              source=USA, target=MEX, cameo="042", quad=1,
              date=TimeRef(dt.date(2024, 4, 5)), location=MEXICO_CITY),
        event("fedcba9876543210", "a1", "Russian troops shelled Kharkiv on Tuesday.", 37,
              source=RUS, target=UNO, cameo="1823", quad=4,
              date=TimeRef(dt.date(2024, 4, 2))),
    ]
    b2_events = [
        event("b2-e1", "b2", "Mexico threatened sanctions.", 0, source=MEX, target=USA,
              cameo="163", quad=3, date=TimeRef(dt.date(2024, 3, 1), "month"),
              location=MEXICO),
        event("b2-e2", "b2", "Mexico did not attack.", 29, source=MEX, target=USA,
              cameo="190", quad=4, date=TimeRef(dt.date(2023, 1, 1), "year"), negated=True),
    ]
    with Store(path) as store:
        store.add_many([(a1, a1_events), (b2, b2_events)])
    return path


def export(db: Path, fmt: str, out: Path, *extra: str) -> int:
    return main(["export", "--format", fmt, "--out", str(out), "--db", str(db), *extra])


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return header, [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


# -- jsonl --------------------------------------------------------------------------------


def test_jsonl_round_trips_the_contract_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.jsonl"
    assert export(db, "jsonl", out) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with Store(db, read_only=True) as store:
        assert records == store.events()
    assert [r["event_id"] for r in records] == ["b2-e1", "fedcba9876543210", "0123456789abcdef"]


def test_negated_events_only_on_request(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.jsonl"
    assert export(db, "jsonl", out, "--negated") == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4 and any(r["negated"] for r in records)


@pytest.mark.parametrize("args, expected", [
    (["--actor", "RUS"], {"fedcba9876543210"}),
    (["--country", "MEX"], {"0123456789abcdef", "b2-e1"}),
    (["--code", "16"], {"b2-e1"}),
    (["--quad", "4"], {"fedcba9876543210"}),
    (["--since", "2024-04"], {"0123456789abcdef", "fedcba9876543210"}),
    (["--until", "2024-03"], {"b2-e1"}),
    (["--text", "KHARKIV"], {"fedcba9876543210"}),
    (["--quad", "4", "--negated"], {"fedcba9876543210", "b2-e2"}),
])
def test_filters_apply(db: Path, tmp_path: Path, args: list[str], expected: set[str]) -> None:
    out = tmp_path / "ev.jsonl"
    assert export(db, "jsonl", out, *args) == 0
    got = {json.loads(line)["event_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert got == expected


# -- gdelt --------------------------------------------------------------------------------


def test_gdelt_has_61_named_columns_on_every_line(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.tsv"
    assert export(db, "gdelt", out) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4  # the header and three events
    assert all(len(line.split("\t")) == 61 for line in lines)
    header = lines[0].split("\t")
    assert header == list(GDELT_COLUMNS)
    assert header[:5] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    assert header[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                             "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                             "NumArticles", "AvgTone"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"]
    assert header.index("ActionGeo_Lat") == 56


def test_gdelt_values(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.tsv"
    assert export(db, "gdelt", out) == 0
    _, rows = read_tsv(out)
    by_id = {row["GlobalEventID"]: row for row in rows}

    visit = by_id[str(int("0123456789abcde", 16))]
    assert (visit["Day"], visit["MonthYear"], visit["Year"]) == ("20240405", "202404", "2024")
    assert visit["FractionDate"].startswith("2024.")
    assert (visit["EventCode"], visit["EventBaseCode"], visit["EventRootCode"]) == \
        ("042", "042", "04")
    assert visit["Actor1Code"] == "USAGOV" and visit["Actor1CountryCode"] == "USA"
    assert visit["Actor1Type1Code"] == "GOV" and visit["Actor1Name"] == "Joe Biden"
    assert visit["Actor2CountryCode"] == "MEX"
    assert visit["QuadClass"] == "1" and float(visit["GoldsteinScale"]) == 1.9
    assert (visit["NumMentions"], visit["NumSources"], visit["NumArticles"]) == ("1", "1", "1")
    assert visit["AvgTone"] == ""
    assert visit["IsRootEvent"] == "1"  # its sentence opens the article
    assert visit["ActionGeo_Type"] == "4"  # a city outside the US
    assert float(visit["ActionGeo_Lat"]) == pytest.approx(19.4285)
    assert float(visit["ActionGeo_Long"]) == pytest.approx(-99.1277)
    assert visit["ActionGeo_FeatureID"] == "3530597"
    assert visit["ActionGeo_CountryCode"] == "MX"  # FIPS 10-4, as GDELT writes it
    assert visit["ActionGeo_FullName"] == "Mexico City, Mexico"
    assert visit["SOURCEURL"] == "https://example.org/a1"
    assert len(visit["DATEADDED"]) == 14 and visit["DATEADDED"].isdigit()
    assert visit["Actor1Geo_Type"] == "" and visit["Actor2Geo_Lat"] == ""

    shelling = by_id[str(int("fedcba987654321", 16))]
    assert (shelling["EventCode"], shelling["EventBaseCode"], shelling["EventRootCode"]) == \
        ("1823", "182", "18")
    assert shelling["IsRootEvent"] == "0"  # second paragraph
    assert shelling["ActionGeo_Type"] == "" and shelling["ActionGeo_Lat"] == ""
    # An international body: no country, its body a type, the UN its known group.
    assert shelling["Actor2Code"] == "IGOUNO" and shelling["Actor2CountryCode"] == ""
    assert shelling["Actor2Type1Code"] == "IGO" and shelling["Actor2KnownGroupCode"] == "UNO"

    threat = by_id[str(global_event_id("b2-e1"))]
    assert threat["Day"] == "20240301"  # a month-precision date as its first day
    assert threat["ActionGeo_Type"] == "1" and threat["ActionGeo_FeatureID"] == "3996063"
    assert threat["SOURCEURL"] == "https://example.org/b2"


def test_gdelt_filters_apply(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.tsv"
    assert export(db, "gdelt", out, "--code", "18") == 0
    _, rows = read_tsv(out)
    assert [row["EventCode"] for row in rows] == ["1823"]


def test_global_event_id_is_stable_and_fits_64_bits() -> None:
    assert global_event_id("0123456789abcdef") == int("0123456789abcde", 16)
    assert global_event_id("not hex") == global_event_id("not hex")
    assert 0 <= global_event_id("not hex") < 2 ** 63


def test_split_actor_code() -> None:
    parts = split_actor_code("PSEREBHMS")
    assert (parts.country, parts.types, parts.known_group) == ("PSE", ("REB",), "HMS")
    parts = split_actor_code("IMGMOSALQ")
    assert (parts.country, parts.types, parts.religions, parts.known_group) == \
        ("", ("IMG",), ("MOS",), "ALQ")
    assert split_actor_code("IGOWSTNAT").known_group == "NAT"
    assert split_actor_code("").country == ""


def test_doc_info_reads_the_lead_and_the_coding_time() -> None:
    info = doc_info({"url": "u", "coded_at": "2024-04-06T12:30:05.123", "text": "ab\ncd"})
    assert (info.url, info.added, info.lead_end) == ("u", "20240406123005", 2)


def test_geo_codes_know_countries_and_us_states() -> None:
    geo = GeoCodes.load()
    assert 3996063 in geo.country_ids  # Mexico
    assert geo.fips["DEU"] == "GM"
    assert "TX" in set(geo.us_states.values())


# -- plover -------------------------------------------------------------------------------


def test_plover_lines(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.plover.jsonl"
    assert export(db, "plover", out) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    visit = next(r for r in records if r["id"] == "0123456789abcdef")
    assert set(visit) == {"id", "date", "event_type", "mode", "context", "actor", "recipient",
                          "location", "source_text", "trigger", "doc_id", "cameo",
                          "goldstein", "negated", "modality"}
    assert visit["event_type"] == "CONSULT" and visit["mode"] == "visit"
    assert visit["context"] == []
    assert visit["actor"] == {"name": "Joe Biden", "country": "USA", "sector": "GOV",
                              "code": "USAGOV"}
    assert visit["recipient"]["code"] == "MEXGOV"
    assert visit["location"] == {"name": "Mexico City", "country": "MEX", "lat": 19.4285,
                                 "lon": -99.1277, "geonameid": 3530597}
    assert visit["source_text"] == "President Biden visited Mexico City."
    assert visit["trigger"] == "Biden"
    assert (visit["doc_id"], visit["cameo"], visit["date"]) == ("a1", "042", "2024-04-05")
    assert visit["negated"] is False and visit["modality"] == "asserted"
    shelling = next(r for r in records if r["id"] == "fedcba9876543210")
    assert shelling["location"] is None
    threat = next(r for r in records if r["id"] == "b2-e1")
    assert threat["date"] == "2024-03"  # the month, not a made-up day


def test_plover_record_without_actors() -> None:
    record = {"event_id": "x", "doc_id": "d", "date": None, "source": None, "target": None,
              "cameo": "010", "plover": "CONSULT", "evidence": {}}
    out = plover_record(record)
    assert out["actor"] is None and out["recipient"] is None and out["source_text"] == ""


# -- parquet ------------------------------------------------------------------------------


def test_parquet_reads_back_with_duckdb(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.parquet"
    assert export(db, "parquet", out, "--negated") == 0
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM read_parquet('{out}')")
    names = rel.columns
    rows = [dict(zip(names, row)) for row in rel.fetchall()]
    with Store(db, read_only=True) as store:
        expected = store.events(include_negated=True)
        table_columns = [c[0] for c in store.conn.execute("DESCRIBE events").fetchall()]
    assert names == table_columns  # the events table's columns, in its order
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in expected]
    assert [json.loads(r["record"]) for r in rows] == expected
    visit = next(r for r in rows if r["event_id"] == "0123456789abcdef")
    assert visit["date_start"] == dt.date(2024, 4, 5)
    assert (visit["cameo"], visit["cameo_root"], visit["source_country"]) == ("042", "04", "USA")
    assert visit["lat"] == pytest.approx(19.4285) and visit["geonameid"] == 3530597
    month = next(r for r in rows if r["event_id"] == "b2-e1")
    assert month["date"] == "2024-03" and month["date_start"] == dt.date(2024, 3, 1)


def test_parquet_filters_and_empty_result(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.parquet"
    assert export(db, "parquet", out, "--country", "RUS") == 0
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}')").fetchone() == (1,)
    assert export(db, "parquet", out, "--actor", "nobody") == 0
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}')").fetchone() == (0,)


# -- errors -------------------------------------------------------------------------------


def test_unknown_format_exits_2(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ev.xml"
    assert export(db, "xml", out) == 2
    err = capsys.readouterr().err
    assert "unknown export format 'xml'" in err and "jsonl" in err
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_unwritable_out_exits_2(db: Path, tmp_path: Path, capsys, fmt: str) -> None:
    assert export(db, fmt, tmp_path / "missing" / "ev.out") == 2
    assert "does not exist" in capsys.readouterr().err
    assert export(db, fmt, tmp_path) == 2  # a folder
    assert "is a folder" in capsys.readouterr().err
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    assert export(db, fmt, afile / "ev.out") == 2
    assert "not a folder" in capsys.readouterr().err


def test_unwritable_folder_exits_2_and_leaves_nothing(db: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if _can_write(folder):
            pytest.skip("running as a user who can write anywhere (root)")
        assert export(db, "gdelt", folder / "ev.tsv") == 2
        assert "cannot write" in capsys.readouterr().err
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def _can_write(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_missing_store_and_bad_date_exit_2(tmp_path: Path, capsys, db: Path) -> None:
    assert export(tmp_path / "none.duckdb", "jsonl", tmp_path / "ev.jsonl") == 2
    assert "does not exist" in capsys.readouterr().err
    assert export(db, "jsonl", tmp_path / "ev.jsonl", "--since", "April") == 2
    assert "YYYY" in capsys.readouterr().err


def test_a_failed_export_keeps_the_earlier_file(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "ev.jsonl"
    out.write_text("earlier\n", encoding="utf-8")

    def half_written(records, fmt, path, documents):  # the disk fills up mid-file
        path.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_cli, "_write", half_written)
    with pytest.raises(ConfigError, match="No space left"):
        export_cli.export_records([{"event_id": "x"}], "jsonl", out)
    assert out.read_text(encoding="utf-8") == "earlier\n"
    assert [f.name for f in tmp_path.iterdir()] == ["ev.jsonl"]  # no partial file left


def test_the_command_exits_2_as_a_process(db: Path, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "dotterel.cli.main", "export", "--format",
                           "csv", "--out", str(tmp_path / "ev.csv"), "--db", str(db)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert "dotterel: error: unknown export format 'csv'" in proc.stderr
