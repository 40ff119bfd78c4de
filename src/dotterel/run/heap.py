"""Keep the memory allocator and the garbage collector out of coding's way.

The spaCy model, the lexicons, the gazetteer and any user dictionaries are millions of
Python objects that live as long as the process. Python's cyclic garbage collector walks
every tracked object on each full collection; once they are loaded, ``gc.freeze`` moves
them into a permanent generation it never walks again (about 5% of coding time).

Dask's nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536``, so that freed
memory goes back to the system at once. Setting that variable also switches off glibc's
adaptive threshold for serving large blocks by ``mmap``: every array of the neural
network's layers over 128 KiB is then mapped, zero-filled and unmapped again, batch
after batch. Measured here, that costs a worker about a quarter more CPU per word than a
plain process. :func:`relax_eager_trim` undoes it in such a process.

These change the whole process, so only Dotterel's own processes call them: the
``code`` command and the Dask workers it starts or joins, never the library.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os

# glibc's mallopt() parameters (malloc.h) and the values a process settles on by itself
# when nothing is forced: blocks up to 32 MiB come from the heap, which is trimmed when
# twice that lies free at its top
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 32 * 1024 * 1024
_TRIM_THRESHOLD = 2 * _MMAP_THRESHOLD


def freeze_loaded() -> None:
    """Collect what loading left over, then exempt everything alive from future scans."""
    gc.collect()
    gc.freeze()


def relax_eager_trim() -> bool:
    """Serve large blocks from the heap again when ``MALLOC_TRIM_THRESHOLD_`` was forced
    on this process (as Dask's nanny does); say if it did. Elsewhere, and on a C library
    other than glibc, nothing changes."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False  # not glibc (musl, macOS): the variable meant nothing there either
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
                and mallopt(_M_TRIM_THRESHOLD, _TRIM_THRESHOLD))
