"""The CAMEO event ontology and its mapping onto PLOVER.

>>> onto = load_ontology()
>>> onto.cameo("173").name
'Arrest, detain'
>>> onto.plover("0311")
('AGREE', None)

The tables live in ``dotterel/data/cameo.tsv`` and ``dotterel/data/cameo_plover.tsv``;
both are plain tab-separated text that a user can read and extend.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from dotterel.errors import KnowledgeError
from dotterel.ontology.cameo import (
    CameoCode,
    UnknownCodeError,
    is_code_shape,
    parent_code,
    quad_class_of_root,
    read_cameo_table,
    read_modal_table,
    read_plover_table,
)

__all__ = [
    "CameoCode",
    "Ontology",
    "UnknownCodeError",
    "data_path",
    "is_code_shape",
    "load_ontology",
    "parent_code",
    "quad_class_of_root",
]

QUAD_CLASS_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def data_path(name: str) -> Path:
    """The path of a file shipped in ``dotterel/data``."""
    return Path(str(resources.files("dotterel") / "data" / name))


class Ontology:
    """CAMEO codes (name, Goldstein weight, quad class) and their PLOVER categories.

    ``plover_categories`` maps each of PLOVER's event categories to its modes.
    """

    def __init__(self, codes: dict[str, CameoCode],
                 plover_categories: dict[str, tuple[str, ...]],
                 plover_map: dict[str, tuple[str, str | None]],
                 modal_map: dict[str, dict[str, str]] | None = None) -> None:
        self._codes = dict(codes)
        self._modal = dict(modal_map or {})
        self._plover = dict(plover_map)
        self.plover_categories: dict[str, tuple[str, ...]] = dict(plover_categories)
        # Sorted once: codes() is called by validators for every lexicon line.
        self._ordered = sorted(self._codes, key=lambda c: (c[:2], c))

    @classmethod
    def from_files(cls, cameo_tsv: Path, plover_tsv: Path,
                   modal_tsv: Path | None = None) -> Ontology:
        """Build an ontology from a ``cameo.tsv``, a ``cameo_plover.tsv`` and, optionally,
        a ``modal_codes.tsv`` file."""
        codes = read_cameo_table(Path(cameo_tsv))
        categories, mapping = read_plover_table(Path(plover_tsv), codes)
        for code in codes:
            if _lookup_up(code, mapping) is None:
                raise KnowledgeError(
                    str(plover_tsv), 0,
                    f"CAMEO code {code} has no PLOVER mapping, nor has any of its parents; "
                    f"add a row for {code[:2]}")
        modal = read_modal_table(Path(modal_tsv), codes) if modal_tsv else {}
        return cls(codes, categories, mapping, modal)

    def cameo(self, code: str) -> CameoCode:
        """The :class:`CameoCode` for ``code``; raises :class:`UnknownCodeError` if unlisted."""
        try:
            return self._codes[code]
        except KeyError:
            hint = ""
            if not is_code_shape(code):
                hint = "not a well-formed code"
            elif (p := parent_code(code)) is not None and p in self._codes:
                hint = f"its parent {p} ({self._codes[p].name}) is listed"
            raise UnknownCodeError(code, hint) from None

    def has(self, code: str) -> bool:
        """True when ``code`` is a listed CAMEO event code."""
        return code in self._codes

    def plover(self, code: str) -> tuple[str, str | None]:
        """The PLOVER (category, mode) for ``code``, from the nearest mapped ancestor."""
        self.cameo(code)  # unknown codes fail with the helpful message
        found = _lookup_up(code, self._plover)
        if found is None:  # from_files guarantees a mapping; a hand-built one may not
            raise UnknownCodeError(code, "no PLOVER mapping for it or its parents")
        return found

    def modal_code(self, code: str, kind: str) -> str | None:
        """The CAMEO code for ``code`` intended (``kind="intent"``: "will give aid" ->
        033), demanded of another (``"demand"``: "must give aid" -> 103) or threatened
        (``"threat"``: "will impose sanctions" -> 1312), or declared as one the actor will
        not do (``"refusal"``: "will not give aid" -> 122), by the longest matching prefix
        in ``modal_codes.tsv``; None when the act has no such form."""
        for n in range(len(code), 1, -1):
            row = self._modal.get(code[:n])
            if row is not None:
                return row.get(kind)
        return None

    def codes(self) -> list[str]:
        """Every listed code, roots first within their family (01, 010, 011, ..., 02, ...)."""
        return list(self._ordered)

    def parent(self, code: str) -> str | None:
        """The code one level up (``0311`` -> ``031`` -> ``03`` -> None)."""
        self.cameo(code)
        return parent_code(code)

    def children(self, code: str) -> list[str]:
        """The codes directly under ``code`` (``03`` -> ``030``..``039``)."""
        self.cameo(code)
        return [c for c in self._ordered if parent_code(c) == code]

    def roots(self) -> list[str]:
        """The 20 cue categories ``01``..``20``."""
        return [c for c in self._ordered if len(c) == 2]

    def is_under(self, code: str, ancestor: str) -> bool:
        """True when ``code`` is ``ancestor`` or lies below it."""
        return code.startswith(ancestor) and self.has(code) and self.has(ancestor)

    def __len__(self) -> int:
        return len(self._codes)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes


def _lookup_up(code: str, mapping: dict[str, tuple[str, str | None]]
               ) -> tuple[str, str | None] | None:
    """Walk from ``code`` up to its root until a mapped code is found."""
    c: str | None = code
    while c is not None:
        if c in mapping:
            return mapping[c]
        c = parent_code(c)
    return None


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The built-in ontology, read once from ``dotterel/data``."""
    return Ontology.from_files(data_path("cameo.tsv"), data_path("cameo_plover.tsv"),
                               data_path("modal_codes.tsv"))
