"""The command line, run as a user runs it: a real subprocess, real files, a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = ("Mexico broke off diplomatic relations with Ecuador on Friday after Ecuadorian "
           "police raided the Mexican Embassy in Quito.")


def dotterel(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dotterel.cli.main", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2024-04-06"}),
        "{broken json",
        json.dumps({"id": "a2", "text": 5}),
        json.dumps({"id": "a3", "text": "Russia condemned Ukraine on Monday.", "published": "2022-03-02"}),
    ]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"caf\xe9 \xff\xfe broken")
    return folder


@pytest.fixture(scope="module")
def coded(corpus, tmp_path_factory):
    out_dir = tmp_path_factory.mktemp("out")
    out, db = out_dir / "ev.jsonl", out_dir / "store.duckdb"
    proc = dotterel("code", str(corpus), "--out", str(out), "--db", str(db))
    return proc, out, db


def test_bad_records_are_reported_skipped_and_counted(coded, corpus):
    proc, out, _ = coded
    assert proc.returncode == 1, proc.stderr  # not every input was read
    assert f"{corpus / 'news.jsonl'}:2" in proc.stderr
    assert f"{corpus / 'news.jsonl'}:3" in proc.stderr
    assert "bad.txt" in proc.stderr
    assert "3 records skipped" in proc.stderr
    assert "coded 2 articles" in proc.stderr


def test_events_file_has_contract_records(coded):
    _, out, _ = coded
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    assert {r["doc_id"] for r in records} <= {"a1", "a3"}
    for r in records:
        assert r["evidence"]["sentence"] and r["cameo"] and r["source"]["code"]


def test_coding_twice_adds_no_rows(coded, corpus):
    _, out, db = coded
    import duckdb

    def count() -> tuple[int, int]:
        with duckdb.connect(str(db), read_only=True) as con:
            return (con.execute("select count(*) from documents").fetchone()[0],
                    con.execute("select count(*) from events").fetchone()[0])
    before = count()
    proc = dotterel("code", str(corpus), "--out", str(out), "--db", str(db))
    assert proc.returncode == 1
    assert count() == before


def test_events_command_prints_a_table(coded):
    _, _, db = coded
    proc = dotterel("events", "--db", str(db), "--country", "ECU")
    assert proc.returncode == 0, proc.stderr
    assert "MEX" in proc.stdout and "16" in proc.stdout
    proc = dotterel("events", "--db", str(db), "--format", "jsonl", "--code", "16")
    assert proc.returncode == 0
    assert all(json.loads(line)["cameo"].startswith("16") for line in proc.stdout.splitlines())


def test_all_good_input_exits_zero(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    proc = dotterel("code", str(tmp_path / "one.txt"), "--out", str(tmp_path / "e.jsonl"),
                    "--published", "2024-04-06")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "e.jsonl").read_text(encoding="utf-8").strip()


def test_missing_input_is_reported(tmp_path):
    proc = dotterel("code", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "e.jsonl"))
    assert proc.returncode == 1
    assert "nope.jsonl" in proc.stderr


def test_missing_dictionary_is_an_error(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    proc = dotterel("code", str(tmp_path / "one.txt"), "--out", str(tmp_path / "e.jsonl"),
                    "--actors", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert "missing.txt" in proc.stderr


def test_version():
    proc = dotterel("version")
    assert proc.returncode == 0 and proc.stdout.startswith("dotterel ")
    assert "\nbuild " in proc.stdout  # whether the coding modules run compiled


def test_quotes_are_stored_and_listed(tmp_path):
    text = ('Mexico broke off relations with Ecuador on Friday. "This is a flagrant violation '
            'of international law," President Andrés Manuel López Obrador said.')
    src = tmp_path / "q.jsonl"
    src.write_text(json.dumps({"id": "q1", "text": text, "published": "2024-04-06"}) + "\n",
                   encoding="utf-8")
    db = tmp_path / "q.duckdb"
    assert dotterel("code", str(src), "--db", str(db)).returncode == 0
    proc = dotterel("quotes", "--db", str(db), "--speaker", "obrador", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows and rows[0]["speaker_code"] == "MEXGOV"
    assert rows[0]["text"].startswith("This is a flagrant violation")
