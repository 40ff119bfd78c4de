"""Merging reports into canonical events: under- and over-merging on team-written cases,
and incremental merging in a real store."""

from __future__ import annotations

import json
import subprocess
import sys

from dotterel.merge.canonical import merge


def report(event_id: str, doc: str, date: str, cameo: str, src: str, tgt: str,
           tgt_code: str | None = None, precision: str = "day") -> dict:
    return {"event_id": event_id, "doc_id": doc, "date": date, "date_precision": precision,
            "cameo": cameo, "negated": False, "confidence": 0.7,
            "source": {"country": src, "code": src + "GOV"},
            "target": {"country": tgt, "code": tgt_code or tgt + "GOV"},
            "evidence": {"sentence": "...", "start": 0, "trigger": cameo}}


def test_one_act_told_in_many_ways_and_articles_is_one_event():
    merged = merge([
        report("a", "d1", "2024-04-05", "170", "ECU", "MEX"),          # raided
        report("b", "d2", "2024-04-05", "190", "ECU", "MEX"),          # stormed
        report("c", "d2", "2024-04-06", "170", "ECU", "MEX"),          # a day later in print
        report("d", "d3", "2024-04", "170", "ECU", "MEX", precision="month"),
    ], outlets={"d1": "A", "d2": "B", "d3": "B"})
    assert len(merged) == 1
    ev = merged[0]
    assert (ev.n_mentions, ev.n_articles, ev.n_sources) == (4, 3, 2)
    assert ev.record["date"] == "2024-04-05"  # the day most reports give
    assert len(ev.reasons) == 3 and all("same dyad ECU-MEX" in r for r in ev.reasons)


def test_distinct_acts_stay_apart():
    merged = merge([
        report("refuge", "d1", "2023-12", "075", "MEX", "ECU", precision="month"),
        report("asylum", "d1", "2024-04-04", "075", "MEX", "ECU"),       # months apart
        report("expel", "d1", "2024-04-04", "161", "ECU", "MEX"),        # other direction
        report("break", "d1", "2024-04-05", "161", "MEX", "ECU"),
        report("grapple", "d2", "2024-04-05", "182", "ECU", "MEX", "MEX"),  # a diplomat
        report("raid", "d2", "2024-04-05", "170", "ECU", "MEX"),           # the embassy
        report("arrest", "d2", "2024-04-05", "173", "ECU", "MEX", "MEXELI"),
    ])
    assert len(merged) == 7


def test_negated_reports_are_not_events():
    rec = report("n", "d", "2024-04-05", "050", "MEX", "ECU")
    rec["negated"] = True
    assert merge([rec]) == []


ONE = ("Ecuadorian police raided the Mexican embassy in Quito on Friday, April 5, 2024. "
       "Mexico broke off diplomatic relations with Ecuador the same day.")
TWO = ("Mexico severed diplomatic relations with Ecuador on April 5, 2024, after Ecuadorian "
       "police stormed its embassy in Quito.")


def test_coding_more_articles_updates_the_canonical_events(tmp_path):
    db = tmp_path / "s.duckdb"
    run = [sys.executable, "-m", "dotterel.cli.main"]
    for i, (text, outlet) in enumerate([(ONE, "Alpha"), (TWO, "Beta")]):
        src = tmp_path / f"{i}.jsonl"
        src.write_text(json.dumps({"id": f"a{i}", "text": text, "published": "2024-04-06",
                                   "outlet": outlet}) + "\n", encoding="utf-8")
        proc = subprocess.run([*run, "code", str(src), "--db", str(db)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([*run, "events", "--db", str(db), "--merged", "--format", "jsonl",
                           "--country", "MEX"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    merged = [json.loads(line) for line in proc.stdout.splitlines()]
    breaks = [m for m in merged if m["cameo"].startswith("16")]
    assert len(breaks) == 1 and breaks[0]["n_articles"] == 2 and breaks[0]["n_sources"] == 2
    raids = [m for m in merged if m["source"]["country"] == "ECU" and m["cameo"][:2] in ("17", "19")]
    assert len(raids) == 1 and raids[0]["n_articles"] == 2
