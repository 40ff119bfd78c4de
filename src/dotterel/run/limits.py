"""A per-article time limit, so that one pathological article cannot hang a run.

How: a watchdog. On the main thread (the CLI's local run), ``time_limit(seconds)`` arms
``SIGALRM`` (with ``setitimer``, so fractions of a second work) and its handler raises
:class:`TimeLimitExceeded` in the code that is running. On any other thread (a Dask
worker runs its tasks on one, the web app on its pool) and where there is no
``SIGALRM`` (Windows), a timer thread raises it in the guarded thread instead, with
CPython's ``PyThreadState_SetAsyncExc``. The runner catches it between articles,
reports the article and goes on.

Why this and not a worker process: coding stays in the process that already holds the
loaded spaCy model and knowledge (a few seconds and hundreds of MB to load again), and an
article costs no pickling or inter-process traffic. The price, documented in
docs/reliability.md: Python raises either exception between bytecodes, so a single long
call into compiled code (one spaCy component on one huge batch) is interrupted only
when it returns to Python. spaCy's components return to Python between documents and
batches, so in practice the limit holds to within one component's work on one article.
A timer thread cannot interrupt a blocking wait (``time.sleep``, I/O) either, which
``SIGALRM`` does; coding does not wait on anything.
"""

from __future__ import annotations

import ctypes
import logging
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

logger = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 60.0  # seconds per article


class TimeLimitExceeded(BaseException):
    """Raised inside a guarded block when its time limit runs out.

    A ``BaseException`` (like ``KeyboardInterrupt``) on purpose: stages that catch
    ``Exception`` to survive odd input must not swallow the watchdog's signal.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"took longer than {format_seconds(seconds)} s")


def format_seconds(seconds: float) -> str:
    """``60`` for whole seconds, ``0.05`` otherwise: how a limit is shown in messages."""
    return f"{seconds:g}"


def can_enforce() -> bool:
    """Whether a limit can be enforced here: on every thread under CPython (``SIGALRM`` on
    the main thread where there is one, a timer thread elsewhere)."""
    return _on_main_thread_with_alarm() or hasattr(ctypes, "pythonapi")


def _on_main_thread_with_alarm() -> bool:
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block if it runs longer than ``seconds``.

    ``None`` or a value ``<= 0`` means no limit. Where no limit can be enforced (see
    :func:`can_enforce`) the block runs unguarded. On the main thread, a timer armed by
    someone else before is put back afterwards, less the time the block took, so
    guarded blocks can run inside code that has its own alarm.
    """
    if seconds is None or seconds <= 0:
        yield
    elif _on_main_thread_with_alarm():
        with _alarm(seconds):
            yield
    elif can_enforce():
        with _watchdog_thread(seconds):
            yield
    else:
        logger.debug("time limit of %s s not enforced: no SIGALRM and no CPython here", seconds)
        yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """The main thread's limit: ``SIGALRM``'s handler raises."""

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(seconds)

    started = time.monotonic()
    previous_delay = previous_interval = 0.0
    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    try:
        # armed inside the try: a tiny limit can fire before the block is entered, and
        # the handler must be put back all the same
        previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)  # disarm before the handler goes back
        finally:
            # nested, so the old handler is restored even if the alarm fires just as the
            # block ends and its exception interrupts the line above
            signal.signal(signal.SIGALRM, previous_handler)
            if previous_delay > 0:
                remaining = max(previous_delay - (time.monotonic() - started), 0.001)
                signal.setitimer(signal.ITIMER_REAL, remaining, previous_interval)


@contextmanager
def _watchdog_thread(seconds: float) -> Iterator[None]:
    """Any other thread's limit: a timer thread raises in the guarded one."""
    guarded = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    class Exceeded(TimeLimitExceeded):
        # the exception is raised from its class, with no arguments: bake the limit in
        def __init__(self) -> None:
            super().__init__(seconds)

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(guarded, Exceeded)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:  # after this the timer cannot fire
            state["done"] = True
            fired = state["fired"]
        timer.cancel()
        if fired:
            # the exception is delivered at the guarded thread's next bytecode; a block
            # that ended first must not get it later, in its caller's code
            _raise_in(guarded, None)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Have ``exc`` raised in the thread ``thread_id`` (``None``: cancel one pending)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None)
