"""Scale-out on Dask and the progress line.

A ``--workers 2`` run (a real LocalCluster of two processes), and a ``--scheduler`` run on
a cluster started beforehand, give exactly what a local run gives: the same --out file,
the same store rows, the same rejects. An article a worker cannot code comes back as a
reject with its file and line. The progress line
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

from dotterel.run.cluster import (PLUGIN_NAME, ChunkResult, CoderPlugin, code_on_cluster,
                                   load_coders, prepare_shard_folder)
from dotterel.run.local import Skipped
from dotterel.run.progress import Progress, count_records
from dotterel.settings import Settings
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


@pytest.fixture(scope="module")
def local_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[subprocess.CompletedProcess, Path]:
    """A local run of the corpus: what every scaled-out run must give."""
    return _run(corpus, tmp_path_factory.mktemp("local"))


def _same_as_local(local_run: tuple[subprocess.CompletedProcess, Path],
                   scaled: tuple[subprocess.CompletedProcess, Path], store_rows) -> None:
    scaled_proc, scaled_db = scaled
    local, local_db = local_run
    assert local.returncode == scaled_proc.returncode == 1, scaled_proc.stderr  # a broken line
    summary = [line for line in local.stderr.splitlines() if "coded" in line]
    assert summary and summary[-1].replace(str(local_db.parent), "") in \
        scaled_proc.stderr.replace(str(scaled_db.parent), "")
    assert "2 records skipped (1 unreadable, 1 read but not coded" in scaled_proc.stderr
    # the same events, ids and order; the same rows in every table; the same rejects
    events = (local_db.parent / "ev.jsonl").read_text(encoding="utf-8")
    assert events and (scaled_db.parent / "ev.jsonl").read_text(encoding="utf-8") == events
    assert store_rows(scaled_db) == store_rows(local_db)
    assert ((scaled_db.parent / "rejects.jsonl").read_text(encoding="utf-8")
            == (local_db.parent / "rejects.jsonl").read_text(encoding="utf-8"))
    for line in ("news.jsonl:6: ", "news.jsonl:7: not English"):
        assert line in scaled_proc.stderr
    # the shards were taken in and removed; no progress line on a piped stderr
    assert not scaled_db.with_name(scaled_db.name + ".shards").exists()
    assert "\r" not in scaled_proc.stderr and "\r" not in local.stderr


def test_a_dask_run_gives_exactly_what_a_local_run_gives(corpus: Path, tmp_path: Path,
                                                          local_run, store_rows) -> None:
    _same_as_local(local_run, _run(corpus, tmp_path, "--workers", "2"), store_rows)


def test_a_run_on_a_running_cluster_gives_the_same(corpus: Path, tmp_path: Path,
                                                   local_run, store_rows) -> None:
    with dask.config.set({"temporary-directory": str(tmp_path / "scratch")}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:
            scaled = _run(corpus, tmp_path, "--scheduler", cluster.scheduler_address)
    _same_as_local(local_run, scaled, store_rows)


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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_a_worker_undoes_the_eager_trim_dask_forces_on_it() -> None:
    """Dask's nanny sets MALLOC_TRIM_THRESHOLD_ on its workers; Dotterel's worker plugin
    serves large blocks from the heap again there, and changes nothing elsewhere."""
    code = "from dotterel.run.heap import relax_eager_trim; print(relax_eager_trim())"
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    plain = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, timeout=60)
    forced = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**env, "MALLOC_TRIM_THRESHOLD_": "65536"}, timeout=60)
    assert (plain.stdout.strip(), forced.stdout.strip()) == ("False", "True")
    assert dask.config.get("distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_")


def test_dotterels_own_process_keeps_to_one_blas_thread_unless_told() -> None:
    """`dotterel code` limits BLAS to one thread; a number in the environment is kept."""
    code = ("from threadpoolctl import threadpool_info; from dotterel.run.threads import "
            "single_blas_thread; print(single_blas_thread(), "
            "sorted({p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'}))")
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    plain = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, timeout=60)
    told = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**env, "OPENBLAS_NUM_THREADS": "2"}, timeout=60)
    assert plain.stdout.split() == ["True", "[1]"]
    assert told.stdout.split()[0] == "False"


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


class BreakingCoderPlugin(CoderPlugin):
    """The real plugin and Coder, with one stage made to fail on the article "boom" (as
    tests/test_faults.py does for a local run)."""

    def setup(self, worker: object) -> None:
        super().setup(worker)
        assert self.coder is not None
        analyse = self.coder.analyse

        def breaking(doc, article):
            if article.id == "boom":
                raise RuntimeError("a stage broke")
            return analyse(doc, article)

        self.coder.analyse = breaking  # type: ignore[method-assign]


def test_articles_a_worker_cannot_code_are_reported_with_their_line(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": "Russia condemned Ukraine on Monday."})
                             for i in ("a", "boom", "c")) + "\n", encoding="utf-8")
    shards = prepare_shard_folder(tmp_path / "shards")
    # threads, not processes: the plugin class lives in this test module
    with dask.config.set({"temporary-directory": str(tmp_path / "scratch")}):
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            client.register_plugin(BreakingCoderPlugin(Settings.from_env()), name=PLUGIN_NAME)
            items = list(code_on_cluster(client, [src], None, shards, chunk_size=10,
                                         max_length=1_000_000))
    (chunk,) = items
    assert isinstance(chunk, ChunkResult) and chunk.articles == 2
    (reject,) = chunk.rejects
    assert (reject.origin, reject.line, reject.fatal) == (str(src), 2, False)
    assert "coding failed (RuntimeError: a stage broke)" in reject.reason
