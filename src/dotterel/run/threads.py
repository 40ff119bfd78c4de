"""One BLAS thread per process: Dotterel's parallelism is processes, not threads.

The model's layers multiply matrices with numpy's BLAS (:mod:`dotterel.nlp.blas`), which
by default starts a thread per core for every product. Coding's products are small:
measured on 2 cores, a second thread took a single process's parse from 7.3 s to 6.1 s
but its CPU time from 7.3 s to 11.8 s, and beside a second process (``--workers 2``)
both threads only get in each other's way. Dask's nanny already starts its workers with
``OPENBLAS_NUM_THREADS=1``.

This changes the whole process, so only Dotterel's own processes call it (the ``code``
command and its benchmark), never the library; a thread count the user set in the
environment is kept.
"""

from __future__ import annotations

import os

import numpy  # noqa: F401 - loads the BLAS the limit is set on
from threadpoolctl import threadpool_limits

# the variables through which a user (or Dask's nanny) chooses BLAS threads themselves
_USER_CHOICE = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_blas_thread() -> bool:
    """Limit the process's BLAS libraries to one thread, unless the environment names a
    number; say if the limit was set."""
    if any(os.environ.get(name) for name in _USER_CHOICE):
        return False
    threadpool_limits(limits=1, user_api="blas")
    return True
