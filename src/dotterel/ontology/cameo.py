"""Reading the CAMEO and PLOVER ontology tables (``data/cameo.tsv``, ``data/cameo_plover.tsv``).

Both files are tab-separated with one header line; ``#`` lines and blank lines are
ignored. ``cameo_plover.tsv`` also carries ``@category`` lines that list the 16 PLOVER
event categories and their modes. Every malformed line raises
:class:`dotterel.errors.KnowledgeError` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dotterel.errors import DotterelError, KnowledgeError

# A CAMEO event code: two-digit root 01..20, then optionally one or two more digits.
_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")

CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class", "basis")
PLOVER_COLUMNS = ("code", "plover", "mode", "basis")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its short name, Goldstein weight and quad class.

    ``root`` is the code's first two digits (its cue category); ``quad_class`` is
    1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    """

    code: str
    name: str
    goldstein: float
    quad_class: int
    root: str


class UnknownCodeError(KeyError, DotterelError):
    """A CAMEO code that the ontology does not list was asked for."""

    def __init__(self, code: str, hint: str = "") -> None:
        self.code = code
        self.message = (
            f"unknown CAMEO event code {code!r}: codes are 2 to 4 digits with a root "
            f"01..20 and must be listed in dotterel/data/cameo.tsv"
            + (f" ({hint})" if hint else "")
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        # KeyError would print the repr of its argument; a plain sentence reads better.
        return self.message


def is_code_shape(code: str) -> bool:
    """True when ``code`` looks like a CAMEO event code (root 01..20, 2-4 digits)."""
    return bool(_CODE_RE.match(code))


def parent_code(code: str) -> str | None:
    """The code one level up: ``0311`` -> ``031``, ``031`` -> ``03``, a root -> None."""
    if len(code) <= 2:
        return None
    return code[:-1] if len(code) == 4 else code[:2]


def quad_class_of_root(root: str) -> int:
    """The quad class CAMEO assigns to every code under ``root``."""
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 9:
        return 2
    if 10 <= r <= 14:
        return 3
    if 15 <= r <= 20:
        return 4
    raise ValueError(f"CAMEO root {root!r} is outside 01..20")


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each data line, checking the header and widths.

    Lines starting with ``@`` are yielded too (with their fields) so a caller can
    read directives; the header line itself is checked and skipped.
    """
    seen_header = False
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = [f.strip() for f in line.split("\t")]
            if line.startswith("@"):
                yield lineno, fields
                continue
            if not seen_header:
                if tuple(fields) != columns:
                    raise KnowledgeError(
                        str(path), lineno,
                        f"expected the header line {'<TAB>'.join(columns)!r}, "
                        f"found {line!r}")
                seen_header = True
                continue
            if len(fields) != len(columns):
                raise KnowledgeError(
                    str(path), lineno,
                    f"expected {len(columns)} tab-separated columns "
                    f"({', '.join(columns)}), found {len(fields)}")
            yield lineno, fields
    if not seen_header:
        raise KnowledgeError(str(path), 1, f"no header line {'<TAB>'.join(columns)!r}")


def read_cameo_table(path: Path) -> dict[str, CameoCode]:
    """Read ``cameo.tsv``-format rows into a code -> :class:`CameoCode` mapping."""
    out: dict[str, CameoCode] = {}
    for lineno, f in _rows(path, CAMEO_COLUMNS):
        if f[0].startswith("@"):
            raise KnowledgeError(str(path), lineno, f"unknown directive {f[0]!r}")
        code, name, gold, quad, _basis = f
        if not is_code_shape(code):
            raise KnowledgeError(str(path), lineno,
                                 f"{code!r} is not a CAMEO code (2-4 digits, root 01..20)")
        if code in out:
            raise KnowledgeError(str(path), lineno, f"code {code} is listed twice")
        if not name:
            raise KnowledgeError(str(path), lineno, f"code {code} has an empty name")
        try:
            goldstein = float(gold)
        except ValueError:
            raise KnowledgeError(str(path), lineno,
                                 f"Goldstein weight {gold!r} is not a number") from None
        if not -10.0 <= goldstein <= 10.0:
            raise KnowledgeError(str(path), lineno,
                                 f"Goldstein weight {goldstein} is outside -10..10")
        root = code[:2]
        expected = quad_class_of_root(root)
        if quad != str(expected):
            raise KnowledgeError(
                str(path), lineno,
                f"quad class {quad!r} for code {code}: root {root} is quad class {expected}")
        out[code] = CameoCode(code=code, name=name, goldstein=goldstein,
                              quad_class=expected, root=root)
    # Every non-root code needs its parent, or parent fallback would dead-end.
    for code in out:
        parent = parent_code(code)
        if parent is not None and parent not in out:
            raise KnowledgeError(str(path), 0,
                                 f"code {code} is listed but its parent {parent} is not")
    return out


def read_plover_table(
    path: Path, known: dict[str, CameoCode]
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, str | None]]]:
    """Read ``cameo_plover.tsv``: (category -> modes, CAMEO code -> (category, mode))."""
    categories: dict[str, tuple[str, ...]] = {}
    mapping: dict[str, tuple[str, str | None]] = {}
    pending: list[tuple[int, str, str, str]] = []
    for lineno, f in _rows(path, PLOVER_COLUMNS):
        if f[0].startswith("@"):
            if f[0] != "@category" or len(f) != 3:
                raise KnowledgeError(
                    str(path), lineno,
                    "a directive line must be '@category<TAB>NAME<TAB>mode|mode|...'")
            name, modes = f[1], f[2]
            if not name or name != name.upper():
                raise KnowledgeError(str(path), lineno,
                                     f"PLOVER category {name!r} must be upper case")
            categories[name] = () if modes == "-" else tuple(
                m.strip() for m in modes.split("|") if m.strip())
            continue
        code, cat, mode, _basis = f
        pending.append((lineno, code, cat, mode))
    # Categories may be declared anywhere in the file, so rows are checked afterwards.
    for lineno, code, cat, mode in pending:
        if code not in known:
            raise KnowledgeError(str(path), lineno,
                                 f"CAMEO code {code!r} is not listed in cameo.tsv")
        if code in mapping:
            raise KnowledgeError(str(path), lineno, f"code {code} is mapped twice")
        if cat not in categories:
            raise KnowledgeError(
                str(path), lineno,
                f"{cat!r} is not a PLOVER category; known: {', '.join(categories)}")
        m: str | None = None if mode == "-" else mode
        if m is not None and m not in categories[cat]:
            allowed = ", ".join(categories[cat]) or "none"
            raise KnowledgeError(str(path), lineno,
                                 f"{m!r} is not a mode of {cat} (its modes: {allowed})")
        mapping[code] = (cat, m)
    return categories, mapping


MODAL_COLUMNS = ("act", "intent", "demand", "threat", "refusal")
MODAL_ROOTS = {"intent": "03", "demand": "10", "threat": "13", "refusal": "12"}


def read_modal_table(path: Path, codes: dict[str, CameoCode]) -> dict[str, dict[str, str]]:
    """Read ``modal_codes.tsv``: act code (or prefix) -> {kind: code}, for the kinds
    "intent", "demand", "threat" and "refusal"."""
    out: dict[str, dict[str, str]] = {}
    for lineno, fields in _rows(path, MODAL_COLUMNS):
        act, *modal = fields
        if act not in codes:
            raise KnowledgeError(str(path), lineno, f"{act!r} is not a CAMEO code in cameo.tsv")
        row: dict[str, str] = {}
        for kind, code in zip(MODAL_COLUMNS[1:], modal):
            if code == "-":
                continue
            if code not in codes or not code.startswith(MODAL_ROOTS[kind]):
                raise KnowledgeError(str(path), lineno, f"{kind} code {code!r} is not a CAMEO "
                                     f"code under root {MODAL_ROOTS[kind]}")
            row[kind] = code
        out[act] = row
    return out
