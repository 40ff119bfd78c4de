"""Build of Dotterel: the modules that code each document are compiled to C with mypyc.

The project's metadata is in ``pyproject.toml``; this file only adds the compiled
modules. Coding a document is pure Python work over spaCy's parse (reading the tree,
looking words up, resolving actors, dates and places); compiled, it takes a little over
half the time (``benchmarks/throughput.py`` measures it, and ``dotterel version`` says
which build is installed).

The compiled modules are built from the same sources, which the wheel also carries.
The sources run as they are:

- in an editable install (``pip install -e .``), so that an edit takes effect at once;
- where ``DOTTEREL_PURE_PYTHON=1`` is set;
- where the C compiler fails (none installed, or no Python headers): then no compiled
  module is installed, and the build's output says why.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The per-document coding stage (``CodingStage.analyse`` and what it calls), by module. What
# runs once per run (loading the data files, the command line, the store) gains nothing.
COMPILED = [
    "coding.py",
    "extract/headlines.py",
    "extract/lexicon.py",
    "extract/mentions.py",
    "extract/quotes.py",
    "memo.py",
    "nlp/arrays.py",
    "records.py",
    "resolve/actors.py",
    "resolve/dates.py",
    "resolve/gazetteer.py",
    "resolve/knowledge.py",
    "resolve/places.py",
    "resolve/timex.py",
]

# setuptools commands that read the metadata only, or make an editable install: they need
# no compiled module (and mypyc's pass over the sources takes half a minute)
NO_BUILD_COMMANDS = {"egg_info", "dist_info", "sdist", "editable_wheel"}


def _compiled_files(folder: Path) -> list[Path]:
    """The compiled modules under ``folder``."""
    return [path for path in folder.rglob("*") if path.name.endswith(tuple(EXTENSION_SUFFIXES))]


class OptionalBuildExt(build_ext):
    """Builds the compiled modules, all or none: where the C compiler fails, none is
    installed and the sources run as they are."""

    def run(self) -> None:
        # pip builds in the project's own ``build/``, whose files outlive a build: a module
        # compiled before and no longer listed would be installed along with newer sources
        wanted = {Path(path).resolve() for path in self.get_outputs()}
        for path in _compiled_files(Path(self.build_lib)):
            if path.resolve() not in wanted:
                path.unlink()
        try:
            super().run()
        except Exception as error:  # (distutils' compiler errors have no common base)
            for path in wanted:
                path.unlink(missing_ok=True)
            print(f"dotterel: the compiled modules were not built ({error}); the Python "
                  "sources will run, taking about 1.8 times as long to code", file=sys.stderr)


def ext_modules() -> list[Extension]:
    """The mypyc extensions; none for the metadata, an editable or a pure-Python install."""
    if NO_BUILD_COMMANDS & set(sys.argv):
        return []
    if os.environ.get("DOTTEREL_PURE_PYTHON") == "1":
        for lib in Path("build").glob("lib*"):
            for path in _compiled_files(lib):  # (an earlier build's, see OptionalBuildExt)
                path.unlink()
        return []
    from mypyc.build import mypycify

    return mypycify([os.path.join("src", "dotterel", path) for path in COMPILED], opt_level="3")


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
