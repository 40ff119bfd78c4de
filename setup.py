"""Build of Dotterel: the modules that code each document are compiled to C with mypyc.

The project's metadata is in ``pyproject.toml``; this file only adds the compiled
modules. Coding a document is pure Python work over spaCy's parse (reading the tree,
looking words up, resolving actors, dates and places); compiled, it takes a little over
half the time (``benchmarks/throughput.py`` measures it, and says which build ran).

The compiled modules are built from the same sources, which the wheel also carries.
The sources run as they are:

- in an editable install (``pip install -e .``), so that an edit takes effect at once;
- where ``DOTTEREL_PURE_PYTHON=1`` is set;
- where no C compiler is found: the build says so and goes on without them.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The per-document coding stage (``CodingStage.analyse`` and what it calls), by module. What
# runs once per run (loading the data files, the command line, the store) gains nothing.
COMPILED = [
    "coding.py",
    "extract/headlines.py",
    "extract/lexicon.py",
    "extract/mentions.py",
    "extract/quotes.py",
    "nlp/arrays.py",
    "resolve/actors.py",
    "resolve/dates.py",
    "resolve/gazetteer.py",
    "resolve/knowledge.py",
    "resolve/places.py",
    "resolve/timex.py",
]


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, or, where no C compiler works, leaves the sources
    to run as they are and says why."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # (distutils' compiler errors have no common base)
            self._skipped(error)

    def build_extension(self, ext) -> None:  # type: ignore[no-untyped-def]
        try:
            super().build_extension(ext)
        except Exception as error:
            self._skipped(error)

    def _skipped(self, error: Exception) -> None:
        print(f"dotterel: the compiled modules were not built ({error}); "
              "the pure-Python sources will run, taking about 1.8 times as long to code",
              file=sys.stderr)


def ext_modules() -> list:  # type: ignore[type-arg]
    """The mypyc extensions, or none for an editable or a pure-Python install."""
    if os.environ.get("DOTTEREL_PURE_PYTHON") == "1" or "editable_wheel" in sys.argv:
        return []
    from mypyc.build import mypycify

    return mypycify(["--ignore-missing-imports",
                     *(os.path.join("src", "dotterel", path) for path in COMPILED)],
                    opt_level="3")


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
