"""Code on a Dask cluster: the same coding step as a local run, spread over workers.

The driver (this process) reads and checks the inputs as a local run does
(:func:`dotterel.run.local.checked_articles`, streaming), cuts them into chunks of
articles and submits each chunk as one task, with a bounded number in flight so that
reading never runs far ahead of coding (backpressure). A task codes its chunk with
:func:`dotterel.run.local.code_articles` - the function a local run uses - on the
worker's own ``Coder`` and writes the result as a Parquet shard
(:mod:`dotterel.store.shards`) into the shard folder; it returns only the shard's name,
its counts and its rejects. The driver yields the chunks' results in input order, so
the store takes them in, and ``--out`` is written, exactly as a local run would.

The model loads once per worker: :class:`CoderPlugin` builds the ``Coder`` when the
worker starts (and on every worker that joins later) and keeps it on the plugin, which
the worker holds. Workers must see the shard folder and any ``--actors``/``--agents``
files at the same paths as the driver (one machine, or a shared file system).

The per-article time limit holds on a worker as in a local run: tasks run on the
worker's thread pool, where :mod:`dotterel.run.limits` uses a timer thread.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import dask
from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker

from ..errors import ClusterError, ConfigError, DotterelError
from ..pipeline import Coder
from ..settings import Settings
from ..store.shards import Shard, ShardWriter
from ..types import Article, Rejected
from .heap import freeze_loaded, relax_eager_trim
from .threads import single_blas_thread
from .local import Item, Skipped, article_batches, checked_articles, code_articles, passed_over

PLUGIN_NAME = "dotterel-coder"
IN_FLIGHT_PER_THREAD = 2  # chunks queued per worker thread: one coding, one waiting
# articles a task at most: few enough that the last tasks of a run spread evenly over the
# workers (200k words in tasks of 100 articles are 13 tasks, and one of two workers idles
# through the last), as many as two nlp.pipe batches. The store still takes shards in
# --store-batch articles a transaction.
TASK_ARTICLES = 32


class CoderPlugin(WorkerPlugin):
    """Builds one ``Coder`` per worker when the worker starts; tasks find it here."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.coder: Coder | None = None
        self.shards: ShardWriter | None = None

    def setup(self, worker: object) -> None:
        """Load the model and the knowledge (seconds), once for the worker's lifetime."""
        relax_eager_trim()  # before loading: the model's arrays come from the heap too
        single_blas_thread()  # a worker started without Dask's nanny needs it too
        self.coder = Coder(self.settings)
        self.shards = ShardWriter()
        freeze_loaded()  # the worker process is Dotterel's own

    def teardown(self, worker: object) -> None:
        """Let the model and the shard writer go with the worker."""
        if self.shards is not None:
            self.shards.close()
        self.coder = self.shards = None


@dataclass(frozen=True)
class ChunkResult:
    """What a worker hands back for one chunk: its shard and what it could not code."""

    shard: Shard
    rejects: list[Rejected]
    articles: int  # coded and written to the shard
    events: int
    words: int


def _worker_plugin() -> tuple[Coder, ShardWriter]:
    """The ``Coder`` and shard writer the plugin built on the worker running this task."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    coder, shards = getattr(plugin, "coder", None), getattr(plugin, "shards", None)
    if coder is None or shards is None:
        raise ClusterError("the worker has no Coder: the dotterel-coder plugin is not set up")
    return coder, shards


def parser_limit() -> int:
    """A task: the longest text the workers' parser takes (``nlp.max_length``)."""
    return _worker_plugin()[0].nlp.max_length


def code_chunk(articles: list[Article], folder: str, name: str,
               time_limit_s: float | None) -> ChunkResult:
    """The task: code a chunk on this worker's ``Coder`` and write it as a shard."""
    coder, shards = _worker_plugin()
    rejects: list[Rejected] = []
    coded = []
    for item in code_articles(coder, articles, time_limit_s):
        if isinstance(item, Rejected):
            rejects.append(item)
        else:
            coded.append((item.article, item.events, item.quotes))
    shard = shards.write(coded, Path(folder), name, coder.coded_by)
    return ChunkResult(shard, rejects, len(coded), sum(len(c[1]) for c in coded),
                       sum(len(c[0].text.split()) for c in coded))


@contextmanager
def dask_client(*, workers: int | None = None, scheduler: str | None = None,
                scratch: Path | None = None) -> Iterator[Client]:
    """A client of a new local cluster of ``workers`` processes (one thread each), or of
    the running cluster at ``scheduler``. ``scratch`` is where a local cluster's workers
    keep their files (Dask's ``temporary-directory``)."""
    if (workers is None) == (scheduler is None):
        raise ConfigError("give either a number of workers or a scheduler address")
    with ExitStack() as stack:
        if scratch is not None:
            # the workers' scratch space goes here, not to /tmp/dask-scratch-space
            stack.enter_context(dask.config.set({"temporary-directory": str(scratch)}))
        if scheduler is not None:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except OSError as err:
                raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({err}); "
                                   f"check the address and that the scheduler runs") from None
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        yield client


def prepare_shard_folder(folder: Path) -> Path:
    """Empty ``folder`` and make in it the shard folder of this run, which it returns.

    Shards left by a killed run are removed: the store is the record of what was
    finished, and a rerun codes again what it lacks. Each run writes into a folder of
    its own, so that a task of a killed run still finishing on a remote worker cannot
    put its shard where this run looks for one: its folder is gone.
    """
    if folder.exists():
        shutil.rmtree(folder)
    run = folder / f"run-{uuid.uuid4().hex[:12]}"
    run.mkdir(parents=True)
    return run


def _result(future: Future) -> ChunkResult:
    """A chunk's result; a chunk that failed as a whole (a worker lost or out of memory,
    a shard that cannot be written) stops the run with what to do about it."""
    try:
        return future.result()
    except (DotterelError, KeyboardInterrupt):
        raise
    except Exception as err:  # noqa: BLE001 - whatever Dask or the worker raised
        raise ClusterError(f"a worker failed on a chunk ({type(err).__name__}: {err}); every "
                           f"chunk before it is stored - run the same command again to go "
                           f"on from there") from err


def load_coders(client: Client, settings: Settings) -> int:
    """Build a ``Coder`` on every worker (and on each that joins later); returns the
    longest text their parser takes (``nlp.max_length``), for the driver's checks."""
    client.register_plugin(CoderPlugin(settings), name=PLUGIN_NAME)
    return client.submit(parser_limit, pure=False).result()


def code_on_cluster(client: Client, paths: Sequence[str | Path], published: dt.date | None,
                    shard_folder: Path, *, chunk_size: int, max_length: int,
                    time_limit_s: float | None = None,
                    english_only: bool = True,
                    stored: Callable[[Article], bool] | None = None
                    ) -> Iterator[Rejected | Skipped | ChunkResult]:
    """Code every article in ``paths`` on the cluster, ``chunk_size`` articles a task.

    Yields, in input order, the rejects and skipped articles the driver meets while
    reading, and a ``ChunkResult`` per chunk (whose shard the caller takes in and then
    removes). The workers must have their coders (:func:`load_coders`), whose
    ``max_length`` the driver checks before it sends an article, as a local run does.
    The other arguments are those of :func:`dotterel.run.local.code_inputs`.
    """
    threads = max(sum(client.nthreads().values()), 1)
    limit = threads * IN_FLIGHT_PER_THREAD
    queue: deque[Rejected | Skipped | Future] = deque()
    in_flight = 0

    def drain(keep: int) -> Iterator[Rejected | Skipped | ChunkResult]:
        # oldest first, so results leave in input order; stop once few enough are running
        nonlocal in_flight
        while queue and in_flight > keep:
            head = queue.popleft()
            if isinstance(head, Future):
                in_flight -= 1
                yield _result(head)
                head.release()
            else:
                yield head
        while queue and not isinstance(queue[0], Future):
            yield cast(Rejected | Skipped, queue.popleft())  # (the loop's condition)

    items: Iterator[Item] = checked_articles(paths, published, max_length,
                                             english_only=english_only, stored=stored)
    for index, batch in enumerate(article_batches(items, chunk_size)):
        queue.extend(passed_over(batch))
        articles = [i for i in batch if isinstance(i, Article)]
        if articles:
            queue.append(client.submit(code_chunk, articles, str(shard_folder),
                                       f"{index:09d}", time_limit_s, pure=False))
            in_flight += 1
        yield from drain(limit - 1)
    yield from drain(0)
