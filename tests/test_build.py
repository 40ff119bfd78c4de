"""The installed package runs its coding modules compiled (``setup.py``)."""

from __future__ import annotations

import ast
import os
import shutil
import sysconfig
from pathlib import Path

import pytest

import dotterel
from dotterel.compiled import is_compiled

ROOT = Path(__file__).resolve().parents[1]


def compiled_modules() -> list[str]:
    """The module names ``setup.py`` lists in ``COMPILED`` (read, not run: running it
    builds)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    listed = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets))
    paths = ast.literal_eval(listed)
    return ["dotterel." + path.removesuffix(".py").replace("/", ".") for path in paths]


def test_setup_lists_modules_that_exist() -> None:
    for name in compiled_modules():
        assert (ROOT / "src" / (name.replace(".", "/") + ".py")).is_file(), name


def can_compile() -> bool:
    """Whether this machine has what the build compiles with: a C compiler and the
    Python headers (setup.py falls back to the sources without them)."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return shutil.which(compiler) is not None and headers.is_file()


def test_the_coding_modules_run_compiled() -> None:
    if os.environ.get("DOTTEREL_PURE_PYTHON") == "1":
        pytest.skip("built as pure Python on purpose (DOTTEREL_PURE_PYTHON=1)")
    if Path(dotterel.__file__).resolve().parent == ROOT / "src" / "dotterel":
        pytest.skip("an editable install runs the sources as they are")
    if not can_compile():
        pytest.skip("no C compiler or Python headers here: the build runs the sources")
    pure = [name for name in compiled_modules() if not is_compiled(name)]
    assert not pure, f"built without mypyc (see the build's output): {pure}"


def test_the_compiled_classes_pickle_and_copy(coder) -> None:
    # spaCy's worker processes (``nlp.pipe(n_process=...)``) pickle the pipeline's
    # components, the headline one with the lexicon it holds; compiled classes are
    # unpickled only as their ``__reduce__`` says
    import copy
    import pickle

    from dotterel.extract.headlines import HeadlineVerbs
    from dotterel.extract.mentions import sentence_mentions

    lexicon = coder.kb.lexicon
    component = pickle.loads(pickle.dumps(HeadlineVerbs(lexicon)))
    assert component.lexicon.entries() == lexicon.entries()
    entry = lexicon.entries()[0]
    assert pickle.loads(pickle.dumps(entry)) == entry == copy.deepcopy(entry)
    doc = coder.nlp("Mexico broke off diplomatic relations with Ecuador on Friday.")
    mention = next(m for sent in doc.sents for m in sentence_mentions(sent, lexicon))
    assert pickle.loads(pickle.dumps(mention)) == mention == copy.deepcopy(mention)
