"""Scale-out on Dask and the progress line.

A ``--workers 2`` run (a real LocalCluster of two processes) gives exactly what a local
run gives: the same --out file, the same store rows, the same rejects. The progress line
counts records, rates and an ETA, and is never written to a stderr that is not a
terminal. (Killing a --workers run and rerunning it: tests/test_faults.py.)
"""

from __future__ import annotations

import gzip
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster

from dotterel.run.cluster import ChunkResult, code_on_cluster, load_coders, prepare_shard_folder
from dotterel.run.local import Skipped
from dotterel.run.progress import Progress, count_records
from dotterel.settings import Settings
from dotterel.store import Store
from dotterel.types import Rejected

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles.jsonl"
SPANISH = ("El gobierno de México rompió relaciones diplomáticas con Ecuador el viernes, "
           "después de que la policía ecuatoriana irrumpiera en la embajada mexicana en Quito "
           "para detener a un exvicepresidente que se había refugiado allí.")


def dotterel(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dotterel.cli.main", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sample articles twice over (first paragraphs), with bad records and a repeated id
    among them, in a .jsonl file and a .txt file."""
    folder = tmp_path_factory.mktemp("scale-in")
    samples = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    lines = []
    for copy in range(2):
        for record in samples:
            lines.append(json.dumps({**record, "id": f"{record['id']}-{copy}",
                                     "text": record["text"].split("\n\n")[0]}))
    lines[5:5] = ["{broken json", json.dumps({"id": "es", "text": SPANISH})]
    # the same id again with other text: the later copy is the one kept
    lines.append(json.dumps({"id": f"{samples[0]['id']}-0", "text": "Iran accused Israel."}))
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "one.txt").write_text("Russia condemned Ukraine on Monday.", encoding="utf-8")
    return folder


def _run(corpus: Path, folder: Path, *scale: str) -> tuple[subprocess.CompletedProcess, Path]:
    db = folder / "store.duckdb"
    proc = dotterel("code", str(corpus), "--db", str(db), "--out", str(folder / "ev.jsonl"),
                    "--rejects", str(folder / "rejects.jsonl"), "--store-batch", "7", *scale)
    return proc, db


def _rows(db: Path) -> dict[str, list[str]]:
    with Store(db, read_only=True) as store:
        return {table: sorted(map(repr, store.conn.execute(
                    f"SELECT * {'EXCLUDE (coded_at)' if table == 'documents' else ''} "
                    f"FROM {table}").fetchall()))
                for table in ("documents", "events", "evidence", "quotes", "canonical_events")}


def test_a_dask_run_gives_exactly_what_a_local_run_gives(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / "dask").mkdir()
    local, local_db = _run(corpus, tmp_path / "local")
    scaled, scaled_db = _run(corpus, tmp_path / "dask", "--workers", "2")
    assert local.returncode == scaled.returncode == 1, scaled.stderr  # a broken line
    summary = [line for line in local.stderr.splitlines() if "coded" in line]
    assert summary and summary[-1].replace(str(tmp_path / "local"), "") in \
        scaled.stderr.replace(str(tmp_path / "dask"), "")
    assert "2 records skipped (1 unreadable, 1 read but not coded" in scaled.stderr
    # the same events, ids and order; the same rows in every table; the same rejects
    events = (tmp_path / "local" / "ev.jsonl").read_text(encoding="utf-8")
    assert events and (tmp_path / "dask" / "ev.jsonl").read_text(encoding="utf-8") == events
    assert _rows(scaled_db) == _rows(local_db)
    assert ((tmp_path / "dask" / "rejects.jsonl").read_text(encoding="utf-8")
            == (tmp_path / "local" / "rejects.jsonl").read_text(encoding="utf-8"))
    for line in ("news.jsonl:6: ", "news.jsonl:7: not English"):
        assert line in scaled.stderr
    # the shards were taken in and removed; no progress line on a piped stderr
    assert not (tmp_path / "dask" / "store.duckdb.shards").exists()
    assert "\r" not in scaled.stderr and "\r" not in local.stderr


def test_a_cluster_run_streams_chunks_in_input_order(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "shards" / "run-old").mkdir(parents=True)  # left by a killed run
    shards = prepare_shard_folder(tmp_path / "shards")
    assert [p.name for p in (tmp_path / "shards").iterdir()] == [shards.name]
    doc = corpus / "news.jsonl"
    stored = {f"{json.loads(SAMPLES.read_text().splitlines()[1])['id']}-0"}
    with dask.config.set({"temporary-directory": str(tmp_path / "scratch")}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            limit = load_coders(client, Settings.from_env())
            items = list(code_on_cluster(client, [doc], None, shards, chunk_size=5,
                                         max_length=limit, stored=lambda a: a.id in stored))
    chunks = [i for i in items if isinstance(i, ChunkResult)]
    assert [c.shard.name for c in chunks] == sorted(c.shard.name for c in chunks)
    assert sum(c.articles for c in chunks) == 2 * 20 + 1 - 1  # the repeat coded, one skipped
    assert [i.article.id for i in items if isinstance(i, Skipped)] == sorted(stored)
    assert [(r.line, r.fatal) for r in items if isinstance(r, Rejected)] == [(6, True),
                                                                             (7, False)]
    assert all(c.shard.path("events").is_file() for c in chunks)  # the caller takes them in


def test_progress_counts_rates_and_eta() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, total=100, enabled=True, clock=lambda: now[0])
    now[0] = 10.0
    progress.advance(20, articles=18, words=3_000)
    assert progress.line() == ("dotterel: 20/100 records, 1.8 articles/s, 300 words/s, "
                               "ETA 0:40")
    assert stream.getvalue().endswith(progress.line())
    progress.note("dotterel: stored 18 articles")
    assert stream.getvalue().endswith("\r" + " " * len(progress.line()) + "\r"
                                      "dotterel: stored 18 articles\n")
    unknown = Progress(io.StringIO(), total=None, enabled=False, clock=lambda: now[0])
    unknown.advance(5)
    assert "ETA" not in unknown.line() and unknown.stream.getvalue() == ""  # type: ignore[attr-defined]


def test_records_are_counted_without_parsing(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n{"id": 2}\n{"id": 3}', encoding="utf-8")
    (tmp_path / "b.txt").write_text("one article", encoding="utf-8")
    assert count_records([tmp_path]) == 4
    assert count_records([tmp_path, tmp_path / "missing.jsonl"]) == 5
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as fh:
        fh.write('{"id": 4}\n')
    assert count_records([tmp_path]) is None  # not known without reading it all


def test_the_progress_line_shows_on_a_terminal_only(corpus: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()  # a real terminal for the run's stderr
    try:
        proc = subprocess.run([sys.executable, "-m", "dotterel.cli.main", "code", str(corpus),
                               "--out", str(tmp_path / "ev.jsonl"), "-q"],
                              stdout=subprocess.DEVNULL, stderr=follower, timeout=300)
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:  # the terminal closed: all was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    assert proc.returncode == 1  # the broken line
    text = shown.decode("utf-8", errors="replace")
    assert "\r" in text and "/44 records" in text and "words/s" in text  # 43 lines + one .txt
    quiet = dotterel("code", str(corpus), "--out", str(tmp_path / "ev2.jsonl"), "-q")
    assert "records" not in quiet.stderr and "\r" not in quiet.stderr
