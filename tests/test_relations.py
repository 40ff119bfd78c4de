"""Relations of a country pair over time: unit cases on records, and the command on a
store coded from a team-written article."""

from __future__ import annotations

import json
import subprocess
import sys

from dotterel.merge.relations import relations


def record(date: str, cameo: str, src: str, tgt: str, trigger: str, sentence: str = "",
           **extra) -> dict:
    return {"date": date, "cameo": cameo, "doc_id": "d", "negated": False,
            "modality": "asserted", "source": {"country": src, "code": src + "GOV"},
            "target": {"country": tgt, "code": tgt + "GOV"},
            "evidence": {"trigger": trigger, "sentence": sentence or trigger}, **extra}


def test_steps_in_date_order_with_evidence():
    recs = [
        record("2024-04-06", "161", "MEX", "ECU", "broke off relations"),
        record("2024-04-04", "161", "ECU", "MEX", "declared",
               "Ecuador declared the Mexican ambassador persona non grata."),
        record("2025-04-16", "120", "MEX", "ECU", "restore relations"),
        record("2024-05-01", "161", "MEX", "ECU", "severed ties"),  # a further report
        record("2024-04-05", "190", "ECU", "MEX", "raided"),  # changes nothing
    ]
    rel = relations(recs, "mex", "ecu")
    assert [(s.date, s.status, s.confirmed) for s in rel.steps] == [
        ("2024-04-04", "downgraded", False), ("2024-04-06", "severed", False),
        ("2025-04-16", "severed", True)]
    assert len(rel.steps[1].also) == 1
    assert rel.status_on("2024-01-01") == "normal"
    assert rel.status_on("2024-04-05") == "downgraded"
    assert rel.status_on("2025-04-16") == "severed"
    assert rel.n_events == 5


def test_restoration_and_what_does_not_count():
    recs = [
        record("2016-01-03", "161", "SAU", "IRN", "cut ties"),
        record("2020-01-01", "161", "SAU", "IRN", "sever ties", modality="threatened"),
        record("2021-01-01", "050", "SAU", "IRN", "restore ties", negated=True),
        record("2023-03-10", "050", "SAU", "IRN", "restore relations"),
        record("2023-03-10", "161", "SAU", "QAT", "cut ties"),  # another pair
    ]
    rel = relations(recs, "IRN", "SAU")
    assert [(s.date, s.status) for s in rel.steps] == [("2016-01-03", "severed"),
                                                       ("2023-03-10", "restored")]
    assert rel.status_on("2022-06") == "severed"


ARTICLE = ("Colombia broke off diplomatic relations with Venezuela on February 23, 2019. "
           "Three years later, on August 28, 2022, Colombia and Venezuela restored "
           "diplomatic relations.")


def test_relations_command(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "cv", "text": ARTICLE, "published": "2022-08-30"}) + "\n",
                   encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run = [sys.executable, "-m", "dotterel.cli.main"]
    proc = subprocess.run([*run, "code", str(src), "--db", str(db)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([*run, "relations", "COL", "VEN", "--db", str(db)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "2019-02-23  severed" in proc.stdout
    assert "restored" in proc.stdout
