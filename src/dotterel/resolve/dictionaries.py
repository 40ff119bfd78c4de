"""Readers for user dictionaries in the PETRARCH/TABARI text format (``--actors``, ``--agents``).

Actor files
    ``NAME_WITH_UNDERSCORES [CODE]`` starts an entry; ``+SYNONYM`` lines add names to it; codes
    may also stand on following indented lines, and may be bounded by dates:
    ``[CODE <YYMMDD]`` (before), ``[CODE >YYMMDD]`` (from), ``[CODE YYMMDD-YYMMDD]`` (between,
    inclusive), with six- or eight-digit dates. An undated code is the default. A name ending
    in ``_`` must match whole words; otherwise its last word is a stem ("ARGENTIN" finds
    "Argentina"), for stems of at least five letters.
Agent files
    ``NOUN {PLURALS} [~SEC]``: ``~SEC`` is a sector added after the country of the actor the noun
    modifies, ``SEC~`` a code placed before it. ``{}`` means the noun has no regular plural;
    without braces the regular plural is added. ``!NAME! = A, B`` defines a substitution set
    used elsewhere as ``!NAME!``.
Both
    ``#`` starts a comment; ``<!-- ... -->`` blocks, which may span lines, are skipped.

The readers are lenient with quirks of the published dictionaries (codes closed with ``}``,
spaces inside brackets, seven-digit dates, names with no code before the next entry) and
raise :class:`dotterel.errors.DictionaryError` with file and line for anything else.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Literal

from dotterel.errors import DictionaryError
from dotterel.resolve.knowledge import ENGLISH_WORDS, Entry, Phrase, RoleSpell, phrase_key

STEM_MIN = 5  # shorter stems ("MALI", "IRAN") would hit too many unrelated words

_CODE_CHARS = re.compile(r"^[A-Z0-9~/+\-]+$")
_RESTRICTION = re.compile(r"^(?:([<>]?)\s*(\d+)|(\d+)\s*-\s*(\d+))$")
_MACRO_DEF = re.compile(r"^!([A-Za-z0-9_]+)!\s*=\s*(.*)$")
_MACRO_USE = re.compile(r"!([A-Za-z0-9_]+)!")
_AGENT_CODE = re.compile(r"^(~?)([A-Z0-9]+)(~?)$")


def _clean_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line that holds data: comments and comment blocks removed."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(str(path), 0, f"cannot read the file ({exc.strerror or exc})") from None
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_block:
            end = line.find("-->")
            if end < 0:
                continue
            in_block = False
            line = line[end + 3:]
        stripped = line.strip()
        if stripped.startswith("<!"):
            # "<!-- ... -->" on one line, or the start of a block (also "<! --", seen in the wild)
            if "-->" not in stripped:
                in_block = True
            continue
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at]
        if line.strip():
            yield number, line.rstrip()


def _plain_date(digits: str) -> dt.date | None:
    """A six- or eight-digit date, or ``None`` if it names no real month."""
    if len(digits) == 6:
        yy = int(digits[:2])
        year, rest = (2000 + yy if yy < 30 else 1900 + yy), digits[2:]
    elif len(digits) == 8:
        year, rest = int(digits[:4]), digits[4:]
    else:
        return None
    month, day = int(rest[:2]), int(rest[2:])
    if not 1800 <= year <= 2200 or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    # a day past the end of its month (a slip in the published files) becomes its last day
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def parse_dictionary_date(text: str, path: Path, number: int) -> dt.date:
    """A dictionary date: ``YYMMDD`` (00-29 -> 2000s) or ``YYYYMMDD``.

    The published dictionaries hold a few slips, read leniently: seven digits with a dropped
    digit ("2004017" -> 2004-01-07), nine or ten digits with an extra one ("201005011",
    "1920030320"). A day past the end of its month is clamped to the month's last day.
    """
    digits = text.strip()
    candidates: list[str] = []
    if len(digits) in (6, 8):
        candidates = [digits]
    elif len(digits) == 7:
        if digits[:2] in ("19", "20"):
            candidates.append(digits[:6] + "0" + digits[6])
        candidates += [digits[:6], digits[1:]]
    elif len(digits) in (9, 10):
        candidates = [digits[-8:], digits[:8]] if len(digits) == 10 else [digits[:8], digits[-8:]]
    for candidate in candidates:
        day = _plain_date(candidate) if candidate.isdigit() else None
        if day is not None:
            return day
    raise DictionaryError(str(path), number, f"bad date {text!r}: expected YYMMDD or YYYYMMDD")


@dataclass(frozen=True)
class CodeSpec:
    """One bracketed actor code, possibly bounded by dates (inclusive)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        """Whether a date bounds the code."""
        return self.start is not None or self.end is not None


def parse_actor_code(content: str, path: Path, number: int) -> CodeSpec:
    """The inside of ``[CODE ...]``: a code and an optional date restriction."""
    parts = content.strip().split(None, 1)
    if not parts:
        raise DictionaryError(str(path), number, "empty code brackets []")
    code = parts[0].upper()
    rest = parts[1].strip() if len(parts) > 1 else ""
    if code[0] in "<>" or code[0].isdigit() and len(code) >= 6 and not rest:
        raise DictionaryError(str(path), number, f"code brackets [{content.strip()}] hold a date "
                              f"but no code: write [CODE {content.strip()}]")
    if not _CODE_CHARS.match(code):
        raise DictionaryError(str(path), number, f"bad actor code {parts[0]!r}")
    # "ELR/GAL" names several actors at once; Dotterel keeps the first
    code = code.split("/")[0] or code
    if not rest:
        return CodeSpec(code)
    m = _RESTRICTION.match(rest)
    if not m:
        raise DictionaryError(str(path), number, f"bad date restriction {rest!r}: expected "
                              "<YYMMDD, >YYMMDD or YYMMDD-YYMMDD")
    if m.group(1) == "<":
        return CodeSpec(code, end=parse_dictionary_date(m.group(2), path, number)
                        - dt.timedelta(days=1))
    if m.group(2) is not None:
        # ">D", or a bare date (a slip for ">D" in the published files): from that day on
        return CodeSpec(code, start=parse_dictionary_date(m.group(2), path, number))
    start = parse_dictionary_date(m.group(3), path, number)
    end = parse_dictionary_date(m.group(4), path, number)
    return CodeSpec(code, start=min(start, end), end=max(start, end))


def _brackets(text: str, path: Path, number: int) -> tuple[str, list[str]]:
    """Split ``NAME [A] [B ...]`` into the name and the bracket contents; ``}`` may close one."""
    at = text.find("[")
    if at < 0:
        return text.strip(), []
    name, rest, contents = text[:at].strip(), text[at:], []
    while rest.strip():
        rest = rest.strip()
        if not rest.startswith("["):
            break  # free text after the codes: an unmarked comment, common in the published files
        close = min((i for i in (rest.find("]"), rest.find("}")) if i >= 0), default=-1)
        if close < 0:
            raise DictionaryError(str(path), number, f"code bracket {rest!r} is not closed with ]")
        contents.append(rest[1:close])
        rest = rest[close + 1:]
    return name, contents


def user_case_rule(words: tuple[str, ...]) -> Literal["upper", "title", ""]:
    """Capitals a one-word user name that is also an English word needs in text.

    Dictionaries are written in capitals, so the rule goes by length: "US", "WHO", "IS" must be
    in capitals; "CHAD", "TURKEY" need an initial capital.
    """
    if len(words) != 1 or words[0] not in ENGLISH_WORDS:
        return ""
    return "upper" if len(words[0]) <= 3 else "title"


def _display(name: str) -> str:
    return " ".join(name.replace("_", " ").split())


@dataclass
class _Group:
    """An actor entry being read: its names and codes so far."""

    line: int
    names: list[str] = field(default_factory=list)
    codes: list[CodeSpec] = field(default_factory=list)


def _actor_phrases(group: _Group) -> list[Phrase]:
    defaults = [c for c in group.codes if not c.dated]
    spells = tuple(RoleSpell(code=c.code, start=c.start, end=c.end)
                   for c in group.codes if c.dated)
    if defaults:
        code = defaults[0].code
    else:
        ongoing = [s for s in spells if s.end is None]
        code = (ongoing or list(spells))[-1].code
    entry = Entry(kind="actor", code=code, name=_display(group.names[0]), spells=spells,
                  aliases=tuple(_display(n) for n in group.names[1:]))
    out: list[Phrase] = []
    seen: set[tuple[tuple[str, ...], bool]] = set()
    for name in group.names:
        words = phrase_key(name)
        stem = not name.rstrip().endswith("_") and bool(words) and len(words[-1]) >= STEM_MIN
        if words and (words, stem) not in seen:
            seen.add((words, stem))
            out.append(Phrase(words=words, entry=entry, stem=stem, case=user_case_rule(words),
                              user=True))
    return out


def read_actor_file(path: Path) -> list[Phrase]:
    """Every phrase of a PETRARCH/TABARI actor dictionary, as ``kind="actor"`` entries."""
    out: list[Phrase] = []
    group: _Group | None = None
    for number, line in _clean_lines(path):
        content = line.strip()
        if content.startswith("["):
            if group is None:
                raise DictionaryError(str(path), number, "a code line with no actor name above it")
            _, contents = _brackets(content, path, number)
            group.codes += [parse_actor_code(c, path, number) for c in contents]
            continue
        if content.startswith("+"):
            if group is None:
                raise DictionaryError(str(path), number, "a +synonym line with no actor above it")
            name, contents = _brackets(content, path, number)
            # "+A+_B" in the wild is two synonyms run together
            group.names += [n for n in name.split("+") if n.strip(" _")]
            group.codes += [parse_actor_code(c, path, number) for c in contents]
            continue
        name, contents = _brackets(content, path, number)
        if not name.strip(" _"):
            raise DictionaryError(str(path), number, "an actor line with codes but no name")
        codes = [parse_actor_code(c, path, number) for c in contents]
        if group is not None and not group.codes and not codes:
            # a name with no code followed by another: both take the codes that follow
            group.names.append(name)
            continue
        if group is not None and group.codes:
            out += _actor_phrases(group)
        # (a name whose codes never came is dropped, as PETRARCH does)
        group = _Group(line=number, names=[name], codes=codes)
    if group is not None and group.codes:
        out += _actor_phrases(group)
    return out


def _expand(text: str, macros: dict[str, list[str]], path: Path, number: int) -> list[str]:
    """Every spelling of ``text`` with each ``!NAME!`` replaced by each member of its set."""
    pieces = _MACRO_USE.split(text)
    # split gives literal, name, literal, name, ...
    choices: list[list[str]] = []
    for k, piece in enumerate(pieces):
        if k % 2 == 0:
            choices.append([piece])
        else:
            key = piece.upper()
            if key not in macros:
                raise DictionaryError(str(path), number, f"substitution set !{piece}! is not "
                                      "defined above this line (define it as !NAME! = A, B)")
            choices.append(macros[key])
    return ["".join(combo) for combo in itertools.product(*choices)]


def _regular_plural(name: str) -> str | None:
    words = name.rstrip("_ ").split("_")
    last = words[-1]
    upper = last.upper()
    if not last or not last[-1].isalpha() or (upper.endswith(("S", "MEN"))
                                              and not upper.endswith("SS")):
        return None  # already plural ("FORCES", "CONGRESSMEN"), but "CONGRESS" is not
    if re.search(r"(X|Z|CH|SH|SS)$", upper):
        plural = last + "ES"
    elif re.search(r"[^AEIOU]Y$", upper):
        plural = last[:-1] + "IES"
    elif upper.endswith("MAN"):
        plural = last[:-3] + "MEN"
    else:
        plural = last + "S"
    return "_".join([*words[:-1], plural])


def read_agent_file(path: Path) -> list[Phrase]:
    """Every phrase of a PETRARCH agent dictionary, as ``kind="sector"`` entries.

    The entry's ``code`` is the sector code ("GOV" for ``[~GOV]``); a code that goes before
    the country keeps its tilde ("NGO~" for ``[NGO~]``).
    """
    out: list[Phrase] = []
    macros: dict[str, list[str]] = {}
    for number, line in _clean_lines(path):
        content = line.strip()
        m = _MACRO_DEF.match(content)
        if m:
            members = [x.strip().replace(" ", "_") for x in m.group(2).split(",") if x.strip()]
            if not members:
                raise DictionaryError(str(path), number, f"substitution set !{m.group(1)}! is empty")
            macros[m.group(1).upper()] = members
            continue
        head, contents = _brackets(content, path, number)
        if not contents:
            continue  # a noun with no code codes nothing (one such line in the Phoenix agents)
        code_text = contents[0].replace(" ", "").upper()
        cm = _AGENT_CODE.match(code_text)
        if not cm or (cm.group(1) and cm.group(3)):
            raise DictionaryError(str(path), number, f"bad agent code [{contents[0].strip()}]: "
                                  "expected [~SEC] or [SEC~]")
        code = cm.group(2) + ("~" if cm.group(3) else "")
        plurals: list[str] = []
        auto_plural = True
        brace = head.find("{")
        if brace >= 0:
            close = head.find("}", brace)
            if close < 0:
                raise DictionaryError(str(path), number, "plural braces { are not closed with }")
            plurals = [p for p in re.split(r"[\s,]+", head[brace + 1:close]) if p]
            auto_plural = False
            head = head[:brace] + head[close + 1:]
        name = head.strip()
        if not name:
            raise DictionaryError(str(path), number, "an agent line with a code but no noun")
        forms = _expand(name, macros, path, number)
        entry = Entry(kind="sector", code=code, name=_display(forms[0]).lower())
        spellings = list(forms)
        for plural in plurals:
            spellings += _expand(plural, macros, path, number)
        if auto_plural:
            spellings += [p for p in (_regular_plural(f) for f in forms) if p]
        seen: set[tuple[str, ...]] = set()
        for spelling in spellings:
            words = phrase_key(spelling)
            if words and words not in seen:
                seen.add(words)
                out.append(Phrase(words=words, entry=entry, user=True))
    return out


def mark_person_roles(phrases: list[Phrase], is_person_noun: Callable[[str], bool]) -> list[Phrase]:
    """Set ``person_role`` on user agents whose head noun names a role a person holds."""
    changed: dict[int, Entry] = {}
    out: list[Phrase] = []
    for phrase in phrases:
        entry = phrase.entry
        if entry.kind == "sector" and not entry.person_role:
            if id(entry) not in changed:
                head = phrase_key(entry.name)[-1:] if phrase_key(entry.name) else ()
                changed[id(entry)] = (replace(entry, person_role=True)
                                      if head and is_person_noun(head[0]) else entry)
            phrase = replace(phrase, entry=changed[id(entry)])
        out.append(phrase)
    return out


__all__ = ["CodeSpec", "mark_person_roles", "parse_actor_code", "parse_dictionary_date",
           "read_actor_file", "read_agent_file", "user_case_rule"]
