"""Temporal expressions: find them in a sentence and resolve them to dates.

``find_times`` returns every expression in a piece of text that says *when* something
happened, resolved to a :class:`~dotterel.types.TimeRef`:

* absolute expressions stand alone ("April 5, 2024", "December 2023", "in 2023");
  an all-number date ("05/04/2024") is read day or month first as the document's other
  such dates show, and is left out when it could be either;
  a date without a year ("April 5", "in early April") takes its year from publication;
* deictic expressions anchor on the publication date ("yesterday", "on Wednesday",
  "this Friday", "last week", "over the weekend", "earlier this month");
* anaphoric expressions anchor on the narrative time, the time of the events told just
  before ("the following day", "three months earlier", "later that day"), falling back to
  the publication date when there is no narrative time.

Durations, ages and hedged offsets ("for six months", "a four-year term", "a 30-year-old",
"a little over a month after") are recognised only so that nothing inside them is taken
for a point in time; they are never returned.

``find_dateline`` reads the date of a dateline at the start of an article.

Resolution choices (where English is ambiguous):

* a bare weekday ("on Wednesday") is the latest such day on or before publication, or
  the next on or after it in a future-tense sentence (also going on a story of a past
  year: news tells a day of that story by its date, and a bare weekday of this week's);
* "this Friday" is the Friday of the publication's Monday-Sunday week, "last Friday" that
  of the week before, "next Friday" that of the week after; "this past Friday" is the
  latest Friday strictly before publication;
* "last week" is publication minus 7 days at day precision (a representative day: the
  TimeRef precisions have no week), "next week" plus 7, "this week" the publication day,
  "earlier this week" the Monday of the publication week;
* "over the weekend" is the Sunday of the latest weekend (never after publication):
  weekend political events (elections, referendums, marches) are mostly on Sundays;
* "overnight", "today", "tonight", "this morning" are the publication day; "last night"
  is the day before;
* a month or day without a year takes the publication year, moved back a year when that
  would put it more than 60 days after publication in a past-tense sentence, forward a year
  when before it in a future-tense one (a month alone: when before publication's month),
  and otherwise (present tense or
  tense unknown) to whichever of the neighbouring years is nearest publication; going on
  a story of a past year, it takes the story's year (``find_times``' ``story_year``);
* a decade ("in the 1990s", "the late 1970s") is a year of it at year precision;
* an anaphoric offset keeps the anchor's precision when its unit is finer than it
  (a day offset on a month-precision anchor moves it only by whole months of 30 days);
  an offset in months gives month precision, in years year precision.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Callable, Final, Literal, Mapping, Sequence

from ..memo import remember
from ..types import Precision, TimeRef

Anchor = Literal["absolute", "published", "narrative"]
Tense = Literal["past", "present", "future"]

__all__ = ["NUMERIC_DATE_RULES", "RuleMatch", "TimeMention", "apposed_offset", "day_first_order",
           "find_dateline", "find_times", "time_matches"]


@dataclass(init=False, unsafe_hash=True)
class TimeMention:
    """One temporal expression found in a text, resolved to a date.

    ``start`` and ``end`` are character offsets in the text given to :func:`find_times`;
    ``anchor`` says what the date was resolved against: nothing (``absolute``), the
    publication date (``published``) or the narrative time (``narrative``).

    (Not frozen, as it is made for each time expression: compiled, this ``__init__`` is
    over ten times faster than a frozen dataclass's, which runs as Python. Nothing
    changes one once made; it hashes and compares as a frozen one would.)
    """

    start: int
    end: int
    text: str
    ref: TimeRef
    anchor: Anchor

    def __init__(self, start: int, end: int, text: str, ref: TimeRef, anchor: Anchor) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.ref = ref
        self.anchor = anchor


@dataclass(init=False, unsafe_hash=True)
class _Context:
    """What a resolver may anchor on.

    (Not frozen, as it is made for each sentence: compiled, this ``__init__`` is over ten
    times faster than a frozen dataclass's, which runs as Python. Nothing changes one
    once made; it hashes and compares as a frozen one would.)
    """

    published: dt.date | None
    narrative: TimeRef | None
    tense: Tense | None
    day_first: bool | None  # how the document writes all-number dates, when known
    # the story's time, when a month or day without a year takes its year from it rather
    # than from publication (a story about a past year: see find_times)
    story: TimeRef | None

    def __init__(self, published: dt.date | None, narrative: TimeRef | None,
                 tense: Tense | None, day_first: bool | None = None,
                 story: TimeRef | None = None) -> None:
        self.published = published
        self.narrative = narrative
        self.tense = tense
        self.day_first = day_first
        self.story = story


# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

_MONTHS: Final[Mapping[str, int]] = MappingProxyType({
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
})
_WEEKDAYS: Final[Mapping[str, int]] = MappingProxyType({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
})
_NUMBERS: Final[Mapping[str, int]] = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60,
})

# Holidays kept on the same day every year, by how they are written after "on" ("on
# Christmas Eve"): a date without a year, like "on December 24".
_HOLIDAYS: Final[Mapping[str, tuple[int, int]]] = MappingProxyType({
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "valentine's day": (2, 14), "halloween": (10, 31), "bastille day": (7, 14),
    "international women's day": (3, 8),
})


def _holiday_name(name: str) -> str:
    """A pattern of a holiday's name as news writes it: each word capitalised, any
    whitespace between them, either apostrophe ("New Year's Day")."""
    words = [re.escape(w[0].upper() + w[1:]).replace("'", "['’]") for w in name.split()]
    return r"\s+".join(words)


# the holidays' names, longest first so that "Christmas Eve" is not read as "Christmas"
_HOLIDAY_NAMES: Final = "|".join(_holiday_name(n) for n in sorted(_HOLIDAYS, key=len, reverse=True))

# Month and weekday names must be capitalised: "may" the verb and "march" the noun are
# common words. Abbreviations need a full stop or a day number after them, so that
# "Mar del Plata" is not March.
_MONTH_FULL: Final = r"(?:January|February|March|April|May(?!['’]s)|June|July|August|September|October|November|December)"
_MONTH_ABBR: Final = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d))"
_MONTH: Final = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})(?![\w-])"
_WD_NAME: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX: Final = rf"(?:{_WD_NAME},?\s+)?"  # "Friday, April 5": the weekday is part of the date
_DAY: Final = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_FULL_YEAR: Final = r"(?P<year>1[89]\d\d|20\d\d|2100)"
# a year in full, or by its last two digits after an apostrophe ("in '98", "March '22")
_YEAR: Final = r"(?P<year>1[89]\d\d|20\d\d|2100|['’]\d\d)"
_NUM: Final = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT: Final = r"(?:day|week|fortnight|month|year|decade)"
_PART: Final = r"(?:morning|afternoon|evening|night)"
# qualifiers that narrow a month or year without changing its precision
_QUAL: Final = (r"(?:early|late|mid|mid-|the\s+(?:end|beginning|start|middle|turn)\s+of|"
                r"(?:end|beginning|start|middle)\s+of|"
                r"the\s+(?:first|second|third|fourth|last|final)\s+(?:week|weeks|half|days|quarter)\s+of)")
# what joins the first and last days of a range: "3-5 April", "from 3 to 5 April",
# "between April 3 and 5"
_RANGE: Final = r"(?:\s*[-–]\s*|\s+(?i:to|and|until|till|through)\s+)"
_SEASON: Final = r"(?:(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?)"
# words that introduce a month or year on its own ("in April", "since 2019")
_PREP: Final = r"(?:in|since|during|until|through|from|by|of)"
_HEDGE: Final = (r"(?:a\s+little\s+(?:over|more\s+than|less\s+than|under)|just\s+(?:over|under)|"
                 r"(?:more|less|fewer)\s+than|over|under|nearly|almost|about|around|roughly|"
                 r"approximately|some|at\s+least|up\s+to|barely|only)")


_SPACES: Final = re.compile(r"\s+")


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# --------------------------------------------------------------------------------------
# Date arithmetic
# --------------------------------------------------------------------------------------

_ORDER: Final[Mapping[Precision, int]] = MappingProxyType({"day": 0, "month": 1, "year": 2})


def _truncate(value: dt.date, precision: Precision) -> TimeRef:
    """A TimeRef whose value carries no more than its precision (day 1, month 1)."""
    if precision == "year":
        return TimeRef(dt.date(value.year, 1, 1), "year")
    if precision == "month":
        return TimeRef(dt.date(value.year, value.month, 1), "month")
    return TimeRef(value, "day")


def _add_months(value: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (or before) that of ``value``."""
    index = value.year * 12 + value.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _shift(anchor: TimeRef, amount: int, unit: Precision) -> TimeRef:
    """Move ``anchor`` by ``amount`` days, months or years, keeping the coarser precision."""
    precision = anchor.precision if _ORDER[anchor.precision] >= _ORDER[unit] else unit
    if unit == "day":
        if anchor.precision == "day":
            return TimeRef(anchor.value + dt.timedelta(days=amount), "day")
        # a day offset on a coarse anchor moves it only in whole months or years
        unit, amount = ("month", int(amount / 30)) if anchor.precision == "month" else ("year", int(amount / 365))
    if unit == "month":
        if anchor.precision == "year":
            return _truncate(dt.date(anchor.value.year + int(amount / 12), 1, 1), "year")
        return _truncate(_add_months(anchor.value, amount), precision)
    return _truncate(dt.date(anchor.value.year + amount, 1, 1), precision)


# the spans of 0 to 14 days, made once: a weekday is found by stepping a few days, and
# compiled, making a timedelta is a slow call (its arguments parsed by keyword)
_DAYS: Final = tuple(dt.timedelta(days=n) for n in range(15))


def _week_monday(value: dt.date) -> dt.date:
    return value - _DAYS[value.weekday()]


def _latest_on_or_before(value: dt.date, weekday: int) -> dt.date:
    return value - _DAYS[(value.weekday() - weekday) % 7]


def _latest_before(value: dt.date, weekday: int) -> dt.date:
    return value - _DAYS[(value.weekday() - weekday - 1) % 7 + 1]


def _next_on_or_after(value: dt.date, weekday: int) -> dt.date:
    return value + _DAYS[(weekday - value.weekday()) % 7]


def _next_after(value: dt.date, weekday: int) -> dt.date:
    return value + _DAYS[(weekday - value.weekday() - 1) % 7 + 1]


_MARGIN: Final = dt.timedelta(days=60)


def _infer_year(month: int, day: int | None, published: dt.date, tense: Tense | None) -> dt.date | None:
    """The date of ``month``/``day`` (day None: mid-month) in the year publication implies."""
    probe_day = day if day is not None else 15
    year = published.year

    def make(y: int) -> dt.date | None:
        try:
            return dt.date(y, month, probe_day)
        except ValueError:  # February 29 outside a leap year, April 31
            return None

    here = make(year)
    if tense == "past":
        if here is None or here > published + _MARGIN:
            return make(year - 1)
        return here
    if tense == "future":
        # a month alone before publication's is next year's ("will vote in January", told
        # in March), and so is a day before publication ("will vote on March 3", told on
        # April 10; a day's grace for time zones)
        if here is None or (day is None and month < published.month) or (
                day is not None and here < published - dt.timedelta(days=1)):
            return make(year + 1)
        return here
    # tense unknown or present: the nearest year; on a tie the earlier one (news looks back)
    options = [d for d in (make(year - 1), here, make(year + 1)) if d is not None]
    if not options:
        return None
    return min(options, key=lambda d: (abs((d - published).days), d))


def _number(word: str | None) -> int:
    if word is None:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS[word]


def _unit_offset(unit: str, amount: int) -> tuple[int, Precision]:
    """An amount of a named unit as (amount, day|month|year)."""
    unit = unit.lower()
    if unit == "day":
        return amount, "day"
    if unit == "week":
        return amount * 7, "day"
    if unit == "fortnight":
        return amount * 14, "day"
    if unit == "month":
        return amount, "month"
    if unit == "decade":
        return amount * 10, "year"
    return amount, "year"


def _direction(word: str) -> int:
    return -1 if word.lower() in ("earlier", "before", "prior", "ago", "previous", "preceding") else 1


# --------------------------------------------------------------------------------------
# Resolvers: each turns a match into (TimeRef, anchor), or None when it cannot be placed
# --------------------------------------------------------------------------------------

Resolved = tuple[TimeRef, Anchor] | None
Resolver = Callable[[re.Match[str], _Context], Resolved]


def _narrative_anchor(ctx: _Context) -> tuple[TimeRef, Anchor] | None:
    if ctx.narrative is not None:
        return ctx.narrative, "narrative"
    if ctx.published is not None:
        return TimeRef(ctx.published, "day"), "published"
    return None


def _month_of(m: re.Match[str]) -> int:
    return _MONTHS[m.group("month").rstrip(".").lower()]


def _r_iso(m: re.Match[str], ctx: _Context) -> Resolved:
    try:
        value = dt.date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    except ValueError:
        return None
    return TimeRef(value), "absolute"


def _r_numeric(m: re.Match[str], ctx: _Context) -> Resolved:
    """An all-number date ("05/04/2024", "5.4.2024"), which may be day or month first.

    A reading that names no real date (a 13th month) is out; a dotted date is day first
    (the European way of writing one); otherwise the way the document writes its other
    such dates decides, and without that, publication: an event told in the past cannot
    be after it, nor one told in the future before it. A date still both ways is left
    out rather than guessed."""
    first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    readings: dict[bool, dt.date] = {}  # day first? -> the date so read
    for day_first, (day, month) in ((True, (first, second)), (False, (second, first))):
        try:
            readings[day_first] = dt.date(year, month, day)
        except ValueError:
            pass
    dates = set(readings.values())
    if len(dates) > 1:
        day_first_known = True if m.group("sep") == "." else ctx.day_first
        if day_first_known is not None:
            dates = {readings[day_first_known]}
        elif ctx.published is not None and ctx.tense in ("past", "future"):
            grace = dt.timedelta(days=1)  # time zones
            dates = {d for d in dates if (d <= ctx.published + grace if ctx.tense == "past"
                                          else d >= ctx.published - grace)}
    return (TimeRef(dates.pop()), "absolute") if len(dates) == 1 else None


def _year_of(m: re.Match[str], ctx: _Context) -> int | None:
    """The year a match names: written in full, or by its last two digits ("'98"), the
    year so ending nearest before the anchor (up to ten years after it: "the '28
    Olympics" told in 2023); None when a short year has nothing to anchor on."""
    written = m.group("year")
    if written[0].isdigit():
        return int(written)
    base = _year_base(ctx)
    if base is None:
        return None
    anchor = base[0].year
    year = anchor - (anchor - int(written[1:])) % 100
    return year + 100 if year <= anchor - 90 else year


def _r_full_date(m: re.Match[str], ctx: _Context) -> Resolved:
    year = _year_of(m, ctx)
    if year is None:
        return None
    try:
        value = dt.date(year, _month_of(m), int(m.group("day")))
    except ValueError:
        return None
    return TimeRef(value), "absolute"


def _year_base(ctx: _Context) -> tuple[dt.date, Anchor] | None:
    """The date a year-less month or day takes its year from."""
    if ctx.published is not None:
        return ctx.published, "published"
    if ctx.narrative is not None:
        return ctx.narrative.value, "narrative"
    return None


# A month or day told after a story time in an earlier year: how much further back than
# forward it must be to be taken (a story is told mostly forward; a flashback is rarer)
_BACKWARD_WEIGHT: Final = 3


def _in_story_year(month: int, day: int | None, ctx: _Context) -> dt.date | None:
    """The date of ``month``/``day`` (day None: mid-month) in the story's year: in "Sudan's
    army clashed with the RSF in 2023. In April, it shelled Omdurman", told in 2025, April
    is 2023's. A story time of year precision gives its year; a finer one the year that
    puts the date nearest after it, or not far before it ("In December 2023 ... In
    January" is 2024's January), never after publication. None without such a story."""
    story, published = ctx.story, ctx.published
    if story is None:
        return None
    years = ([story.value.year] if story.precision == "year"
             else [story.value.year - 1, story.value.year, story.value.year + 1])
    options: list[dt.date] = []
    for year in years:
        try:
            value = dt.date(year, month, day if day is not None else 15)
        except ValueError:  # February 29 outside a leap year, April 31
            continue
        if published is None or value <= published + dt.timedelta(days=1):
            options.append(value)
    if not options:
        return None
    return min(options, key=lambda d: (d - story.value).days if d >= story.value
               else _BACKWARD_WEIGHT * (story.value - d).days)


def _r_month_day(m: re.Match[str], ctx: _Context) -> Resolved:
    base = _year_base(ctx)
    day = int(m.group("day"))
    if base is None or not 1 <= day <= 31:
        return None
    if (value := _in_story_year(_month_of(m), day, ctx)) is not None:
        return TimeRef(value), "narrative"
    value = _infer_year(_month_of(m), day, base[0], ctx.tense)
    return (TimeRef(value), base[1]) if value else None


def _r_holiday(m: re.Match[str], ctx: _Context) -> Resolved:
    base = _year_base(ctx)
    if base is None:
        return None
    name = _SPACES.sub(" ", m.group("t")).replace("’", "'").lower()
    if (value := _in_story_year(*_HOLIDAYS[name], ctx)) is not None:
        return TimeRef(value), "narrative"
    value = _infer_year(*_HOLIDAYS[name], base[0], ctx.tense)
    return (TimeRef(value), base[1]) if value else None


def _r_month_year(m: re.Match[str], ctx: _Context) -> Resolved:
    year = _year_of(m, ctx)
    return (TimeRef(dt.date(year, _month_of(m), 1), "month"), "absolute") if year else None


def _r_month_deictic_year(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "in March last year", "on March 5 last year", "5 June next year": the month, or
    the day, in the year named from publication."""
    if ctx.published is None:
        return None
    year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    if m.groupdict().get("day") is None:
        return TimeRef(dt.date(year, _month_of(m), 1), "month"), "published"
    try:
        return TimeRef(dt.date(year, _month_of(m), int(m.group("day")))), "published"
    except ValueError:  # April 31, or February 29 outside a leap year
        return None


def _r_month_alone(m: re.Match[str], ctx: _Context) -> Resolved:
    base = _year_base(ctx)
    if base is None:
        return None
    month = _month_of(m)
    rel = (m.group("rel") or "").lower()
    pub = base[0]
    if rel == "last":  # the latest such month strictly before the publication month
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    elif (value := _in_story_year(month, None, ctx)) is not None:
        return TimeRef(dt.date(value.year, month, 1), "month"), "narrative"
    else:
        value = _infer_year(month, None, pub, ctx.tense)
        if value is None:
            return None
        year = value.year
    return TimeRef(dt.date(year, month, 1), "month"), base[1]


def _r_year(m: re.Match[str], ctx: _Context) -> Resolved:
    year = _year_of(m, ctx)
    return (TimeRef(dt.date(year, 1, 1), "year"), "absolute") if year else None


# how far into a decade its qualifier puts a deed: "the mid-1990s" is told by 1995
_DECADE_PARTS: Final[Mapping[str, int]] = MappingProxyType({"early": 0, "mid": 5, "late": 8})


def _r_decade(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "in the 1990s", "during the late 1970s": a year of the decade at year precision
    (its first, or the one its qualifier points to), a representative year as "last
    week" is a representative day: far closer than the story's time it would otherwise
    take."""
    part = _DECADE_PARTS[(m.group("part") or "early").lower()]
    written = m.group("decade")
    if written[0].isdigit():
        return TimeRef(dt.date(int(written) + part, 1, 1), "year"), "absolute"
    # "the '90s": the latest decade so ending that was over before the story is told
    base = _year_base(ctx)
    if base is None:  # (nothing to count it back from)
        return None
    anchor = base[0].year
    decade = anchor - (anchor - int(written[1:])) % 100
    if decade + 9 >= anchor:
        decade -= 100
    return TimeRef(dt.date(decade + part, 1, 1), "year"), "absolute"  # as "in '98" is


def _r_year_range(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "2019-20", "1991-1995": the first year, when the second is a later one; none
    when the span holds the publication date ("won in 2024-25 season play" told in
    2025: the story's own time dates it better than the span's first year)."""
    first, end = int(m.group("year")), m.group("end")
    if len(end) == 4:
        span = int(end) - first
    else:  # "1999-00": the next century's; a short one spans a few years at most
        span = (int(end) - first) % 100
        if span > 10:
            return None
    if span <= 0 or (ctx.published is not None
                     and first <= ctx.published.year <= first + span):
        return None
    return TimeRef(dt.date(first, 1, 1), "year"), "absolute"


_RELATIVE_DAYS: Final[Mapping[str, int]] = MappingProxyType({
    "the day before yesterday": -2, "the day after tomorrow": 2, "today": 0, "tonight": 0,
    "yesterday": -1, "tomorrow": 1, "this morning": 0, "this afternoon": 0,
    "this evening": 0, "last night": -1, "overnight": 0,
})


def _r_relative_day(m: re.Match[str], ctx: _Context) -> Resolved:
    if ctx.published is None:
        return None
    offset = _RELATIVE_DAYS[_SPACES.sub(" ", m.group("word").lower())]
    return TimeRef(ctx.published + dt.timedelta(days=offset)), "published"


def _r_weekday(m: re.Match[str], ctx: _Context) -> Resolved:
    weekday = _WEEKDAYS[m.group("wd").lower()]
    # "Tuesday last week" is "last Tuesday"
    rel = _SPACES.sub(" ", (m.group("rel") or m.group("week") or "").lower())
    if rel in ("the following", "the next", "the previous", "the preceding"):
        anchor = _narrative_anchor(ctx)
        if anchor is None or anchor[0].precision != "day":
            return None
        ref, label = anchor
        if rel in ("the following", "the next"):
            return TimeRef(_next_after(ref.value, weekday)), label
        return TimeRef(_latest_before(ref.value, weekday)), label
    pub = ctx.published
    if pub is None:
        return None
    if rel == "this":
        value = _week_monday(pub) + _DAYS[weekday]
        # "this Friday" looking forward from a Saturday is the coming one, and back from a
        # Wednesday the one just gone
        if ctx.tense == "future" and value < pub:
            value += _DAYS[7]
        elif ctx.tense == "past" and value > pub:
            value -= _DAYS[7]
    elif rel == "last":
        value = _week_monday(pub) - _DAYS[7 - weekday]
    elif rel == "next":
        value = _week_monday(pub) + _DAYS[7 + weekday]
    elif rel in ("past", "this past"):
        value = _latest_before(pub, weekday)
    elif ctx.tense == "future":
        value = _next_on_or_after(pub, weekday)
    else:
        value = _latest_on_or_before(pub, weekday)
    return TimeRef(value), "published"


def _r_weekend(m: re.Match[str], ctx: _Context) -> Resolved:
    pub = ctx.published
    if pub is None:
        return None
    rel = _SPACES.sub(" ", (m.group("rel") or "").lower())
    if rel in ("last", "past", "this past"):
        value = _latest_before(pub, 6)
    elif rel == "next":
        value = _week_monday(pub) + _DAYS[13]
    elif ctx.tense == "future":
        value = _next_on_or_after(pub, 6)
    else:
        # the weekend that began on the latest Saturday, up to publication at the latest
        value = min(_latest_on_or_before(pub, 5) + _DAYS[1], pub)
    return TimeRef(value), "published"


def _r_week(m: re.Match[str], ctx: _Context) -> Resolved:
    pub = ctx.published
    if pub is None:
        return None
    rel = _SPACES.sub(" ", m.group("rel").lower())
    qual = (m.group("qual") or "").lower()
    if rel in ("last", "this past", "past"):
        value = pub - _DAYS[7]
    elif rel == "next":
        value = pub + _DAYS[7]
    elif qual == "earlier":
        value = _week_monday(pub)
    else:
        value = pub
    return TimeRef(value), "published"


def _r_month_year_deictic(m: re.Match[str], ctx: _Context) -> Resolved:
    pub = ctx.published
    if pub is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    if m.group("unit").lower() == "month":
        return TimeRef(_add_months(pub, step), "month"), "published"
    return TimeRef(dt.date(pub.year + step, 1, 1), "year"), "published"


# the months a season spans in the northern hemisphere, where most news is written
_SEASONS: Final[Mapping[str, tuple[int, int]]] = MappingProxyType({
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
})


def _r_season(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "last summer", "this spring", "next autumn": the year of that season."""
    pub = ctx.published
    if pub is None:
        return None
    first, last = _SEASONS[m.group("season").lower()]
    rel = m.group("rel").lower()
    if rel == "next":
        year = pub.year if pub.month < first else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:  # the latest such season over by publication
        year = pub.year if pub.month > last else pub.year - 1
    return TimeRef(dt.date(year, 1, 1), "year"), "published"


def _r_ago(m: re.Match[str], ctx: _Context) -> Resolved:
    if ctx.published is None:
        return None
    amount, unit = _unit_offset(m.group("unit"), _number(m.group("n")))
    return _shift(TimeRef(ctx.published), -amount, unit), "published"


def _r_hours_ago(m: re.Match[str], ctx: _Context) -> Resolved:
    if ctx.published is None:
        return None
    return TimeRef(ctx.published), "published"


# "after" or "before" with what it is after or before: an event ("two days after the
# vote", "a day before rebels stormed the town"), not the end of the phrase
_COMPLEMENT: Final = re.compile(r"[ \t]+[\w“\"]")


def _relational(m: re.Match[str]) -> bool:
    """Whether an offset ends in "after" or "before" followed by the event it counts from."""
    return m.group("dir").lower() in ("after", "before") and bool(_COMPLEMENT.match(m.string, m.end()))


def _offset_from(m: re.Match[str], ctx: _Context, amount: int, unit: Precision) -> Resolved:
    """An anaphoric offset of ``amount`` units in the match's direction, from the story's
    time, or from publication when there is no story yet.

    Counted from publication, an offset to an event ("two days after rebels stormed the
    town", "a day before the vote") looks back in a past or present tense sentence: the
    later of the two events is the news, told by the publication date, and the earlier is
    the offset before it (never an offset after publication)."""
    anchor = _narrative_anchor(ctx)
    if anchor is None:
        return None
    direction = _direction(m.group("dir"))
    if anchor[1] == "published" and ctx.tense != "future" and _relational(m):
        direction = -1
    return _no_later_than_news(_shift(anchor[0], direction * amount, unit), anchor[1], ctx, m), anchor[1]


def _no_later_than_news(ref: TimeRef, anchor: Anchor, ctx: _Context, m: re.Match[str]) -> TimeRef:
    """``ref``, counted forward from ``anchor`` by the offset ``m``, bounded by the
    publication day.

    "Two weeks later, troops raided the town" with no earlier time in the story cannot be
    two weeks after the report of it, nor can a deed told in the past tense two days
    after a story time that is the publication day: the deed is news by then, so the
    publication day is the latest it can be (a careful coder's bound). Only a future
    tense, or a present one counted from a story time (a plan), looks ahead. An offset
    to another event ("two days after rebels stormed the town") is left as counted: it
    may be mirrored about a time set beside it (:func:`apposed_offset`).
    """
    if (ctx.published is None or ref.value <= ctx.published or ctx.tense == "future"
            or (anchor == "narrative" and ctx.tense != "past") or _relational(m)):
        return ref
    return _truncate(ctx.published, ref.precision)


_APPOSED: Final = re.compile(r"[\s,;—–-]*")


def apposed_offset(text: str, anchor: TimeMention, offset: TimeMention) -> TimeMention | None:
    """The time of the other event of an offset set beside the time of a sentence's own
    event: in "bombed the port on Friday, two days after rebels stormed the town" Friday
    is the bombing's and the storming was two days before it, not after.

    ``offset`` is the offset as resolved from ``anchor``, which ``text`` names just before
    it; the result is the same span, mirrored about ``anchor``. None when ``offset`` is no
    such offset ("on Friday, two days later" or "two days after." count from the anchor).
    """
    if (not _APPOSED.fullmatch(text, anchor.end, offset.start)
            or not offset.text.lower().endswith(("after", "before"))
            or not _COMPLEMENT.match(text, offset.end)):
        return None
    base = anchor.ref.value
    mirrored = _truncate(base - (offset.ref.value - base), offset.ref.precision)
    return TimeMention(offset.start, offset.end, offset.text, mirrored, offset.anchor)


def _r_offset(m: re.Match[str], ctx: _Context) -> Resolved:
    amount, unit = _unit_offset(m.group("unit"), _number(m.group("n")))
    return _offset_from(m, ctx, amount, unit)


def _r_hours_offset(m: re.Match[str], ctx: _Context) -> Resolved:
    anchor = _narrative_anchor(ctx)
    if anchor is None:
        return None
    n = m.group("n")
    days = _number(n) // 24 if n and n.lower() not in ("a", "an") else 0  # "36 hours later"
    ref = _shift(anchor[0], _direction(m.group("dir")) * days, "day")
    return _no_later_than_news(ref, anchor[1], ctx, m), anchor[1]


def _r_the_unit_rel(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "the following day", "the day before", "the next morning", "the previous year"."""
    unit = m.group("unit").lower()
    if unit in ("morning", "afternoon", "evening", "night"):
        unit = "day"
    amount, precision = _unit_offset(unit, 1)
    return _offset_from(m, ctx, amount, precision)


def _r_that_unit(m: re.Match[str], ctx: _Context) -> Resolved:
    """ "that day", "later that week", "the same month", "that year", "earlier in the day",
    "by the end of the year": the anchor itself. "The end of the year" is the story's only
    in a sentence told in the past ("by the end of the year, Niger had expelled ..."):
    else it is publication's ("will leave by the end of the year")."""
    anchor = _narrative_anchor(ctx)
    if (anchor is not None and m.group("end") and ctx.tense != "past"
            and ctx.published is not None and "that" not in m.group("end").lower()):
        anchor = TimeRef(ctx.published, "day"), "published"
    if anchor is None:
        return None
    unit = m.group("unit").lower()
    ref = anchor[0]
    if unit == "month" and ref.precision == "day":
        ref = _truncate(ref.value, "month")
    elif unit == "year":
        ref = _truncate(ref.value, "year")
    return ref, anchor[1]


def _r_suppress(m: re.Match[str], ctx: _Context) -> Resolved:
    """Stands in for the resolver of a suppressing rule, which find_times never calls."""
    return None


# --------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    """A pattern and how to resolve it; ``suppress`` rules only block what they cover.

    When the pattern has a group named ``t``, that group is the reported span (so that a
    leading "in" or "since" is not part of the expression); the whole match still decides
    overlaps.

    ``lead``, when given, is a pattern every match holds and the most words (runs of
    non-space characters) a match can begin before it: the search then starts there, not
    at the start of the text (a pattern that may begin at any word is slow to search).
    A word of the text that the pattern holds in part counts as one. With ``folded``, the
    lead is written in lower case and searched in the folded text (see :func:`_fold`):
    what a case-insensitive pattern matches, found several times faster.
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    suppress: bool = False
    lead: tuple[re.Pattern[str], int] | None = None
    folded: bool = False


def _words_before(text: str, i: int, words: int) -> int:
    """Where the word ``words`` words before position ``i`` of ``text`` begins."""
    for _ in range(words):
        while i > 0 and text[i - 1].isspace():  # what ``\s`` matches
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


def _fold(text: str) -> str:
    """``text`` in lower case, each letter at its place, and the letters outside ASCII
    that a case-insensitive pattern takes for ASCII ones made those: where a lower-case
    word is found in it, a case-insensitive pattern of that word matches the text. (Only
    "İ" lower-cases to two letters, and it is one of those made ASCII first.)"""
    if not text.isascii() and any(odd in text for odd in _ODD_CASES):
        text = text.translate(_ODD_FOLD)
    return text.lower()


def _matches(rule: _Rule, text: str, folded: str | None = None) -> list[re.Match[str]]:
    """What ``rule.pattern.finditer(text)`` gives, searched only near its ``lead``.

    Each search starts ``words`` words before the next match of the anchor (no match can
    begin earlier: a match holds the anchor, and one holding a later match of it begins
    no earlier), and the search stops when the anchor has no match left. A match is never
    empty (it holds the anchor), so each search goes on from where the last match ended.
    ``folded``: :func:`_fold` of ``text``, when already made. (A list, not a generator:
    most rules tried find nothing, and compiled, a generator is dear to make.)
    """
    if rule.lead is None:
        return list(rule.pattern.finditer(text))
    anchor, words = rule.lead
    seen = text
    if rule.folded:
        seen = _fold(text) if folded is None else folded
    out: list[re.Match[str]] = []
    pos = 0
    while (found := anchor.search(seen, pos)) is not None:
        # (from ``pos`` on, not a slice: the pattern's look-behinds and look-aheads and
        # its ``\b`` see the whole text)
        m = rule.pattern.search(text, max(pos, _words_before(text, found.start(), words)))
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


# A dateline: an upper-case place ("QUITO", "MEXICO CITY", "WASHINGTON, D.C.", "SAN JOSE,
# Costa Rica"), a date, an agency in brackets, then a dash; or the date alone on its line.
_DL_PLACE: Final = (r"(?:[A-Z][A-Z.'’\-]+(?:[ \t]+[A-Z][A-Z.'’\-]*)*"
                    r"(?:[ \t]*,[ \t]*[A-Z][A-Za-z.'’\-]*(?:[ \t]+[A-Z][A-Za-z.'’\-]*)*)*[ \t]*,[ \t]*)")
_DL_DATE: Final = (rf"(?P<date>{_WD_PREFIX}(?:{_MONTH}\s+{_DAY}(?:,?\s+{_FULL_YEAR})?"
                   rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_FULL}|{_MONTH_ABBR})(?:,?\s+(?P<year2>\d{{4}}))?"
                   r"|(?P<isoy>\d{4})-(?P<isom>\d{2})-(?P<isod>\d{2})))")
_DATELINE: Final = re.compile(
    rf"^[ \t]*{_DL_PLACE}?{_DL_DATE}(?![\w])[ \t]*(?:\([^()\n]{{1,40}}\)[ \t]*)?"
    r"(?:[-—–]+|:|\||$)", re.M)
# the same with its place or its agency, in a sentence: a date that opens a sentence
# alone ("March 3: rebels shelled the port") is the date of a timeline's entry
_DL_AGENCY: Final = r"\([^()\n]{1,40}\)"
_DATELINE_LEAD: Final = re.compile(
    rf"^[ \t]*(?P<place>{_DL_PLACE})?{_DL_DATE}(?![\w])[ \t]*"
    rf"(?(place)(?:{_DL_AGENCY}[ \t]*)?|{_DL_AGENCY}[ \t]*)(?:[-—–]+|:|\|)", re.M)


# A day and a month in either order, then a year, all in figures, with one separator
# throughout: "05/04/2024", "5-4-2024", "5.4.2024" (never part of a longer run of figures)
_NUMERIC_DATE: Final = re.compile(r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)"
                                  r"(?P<y>1[89]\d\d|20\d\d|2100)(?!\d|[./-]\d)")


def day_first_order(text: str) -> bool | None:
    """Whether ``text`` writes its all-number dates day first (True) or month first
    (False), as its dates that can be read only one way show ("13/04/2024" is day
    first, "04/13/2024" month first, and a dotted date is day first); None when none
    shows it, or they disagree."""
    orders = set()
    for m in _NUMERIC_DATE.finditer(text):
        first, second = int(m.group("a")), int(m.group("b"))
        if m.group("sep") == "." or first > 12 >= second:
            orders.add(True)
        elif second > 12 >= first:
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


_I: Final = "(?i:"  # scoped case-insensitivity: common words, but not month or weekday names

# The leads of the rules that name a month or a weekday (see _Rule): the name's first
# letters (every month's full name begins with its abbreviation), and the most words a
# match can hold before it ("Friday, the 5th of April": four; "in the first week of next
# April": six). Names are rare in a sentence, so most of it is never searched.
_MONTH_LEAD: Final = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_WEEKDAY_LEAD: Final = re.compile(_WD_NAME)
# The leads of the rules of units, years and days told in common words, searched in the
# folded text (each the end of its rule's pattern, or a word every match holds)
_LATER: Final = r"\s+(?:later|earlier|after|before|prior|on)"
_YEAR_DIGITS: Final = r"(?:1[89]\d\d|20\d\d|2100|['’]\d\d)"  # as _YEAR
_QUALIFIER_WORD: Final = r"(?:early|late|mid|of|spring|summer|fall|autumn|winter)"  # _QUAL's, _SEASON's


_RULES: Final[tuple[_Rule, ...]] = (
    # ---- durations, ages, hedged or vague offsets: never a point in time -------------
    _Rule("hyphenated duration", _c(
        rf"\b[\w]+-{_I}(?:second|minute|hour|day|night|week|month|year|decade|century)s?"
        rf"(?:-old)?)(?![\w-])"), _r_suppress, True,
        lead=(_c(r"-(?:second|minute|hour|day|night|week|month|year|decade|century)"), 1),
        folded=True),
    # named days that are not "the latest Friday": "Black Friday", "Good Friday Agreement"
    _Rule("named day", _c(
        rf"\b(?:Black|Good|Cyber|Ash|Holy|Bloody|Maundy|Easter|Palm)\s+{_WD_NAME}\b"), _r_suppress, True,
        lead=(_WEEKDAY_LEAD, 1)),
    _Rule("nth weekday of", _c(
        rf"\b{_I}the\s+(?:first|second|third|fourth|last|final)\s+){_WD_NAME}\s+{_I}(?:of|in))\b"),
        _r_suppress, True, lead=(_c(rf"{_WD_NAME}\s+{_I}of|in)"), 2)),
    _Rule("age", _c(rf"\b{_I}{_NUM}\s+(?:year|month)s?\s+old)\b"), _r_suppress, True,
          lead=(_c(r"(?:year|month)s?\s+old"), 1), folded=True),
    _Rule("duration", _c(
        rf"\b{_I}(?:for|within|over|after|in|during|throughout|spanning)\s+"
        rf"(?:{_HEDGE}\s+)?(?:the\s+)?(?:(?:past|last|next|coming|following|previous|first|final|"
        rf"recent)\s+)?(?:{_NUM}\s+|few\s+|several\s+|many\s+)?"
        rf"(?:second|minute|hour|day|night|week|fortnight|month|year|decade)s?)\b"),
        # (the unit after white space, with at most eight words before it: "for a little
        # more than the past three days")
        _r_suppress, True, lead=(_c(r"\s(?:second|minute|hour|day|night|week|fortnight|month|"
                                    r"year|decade)"), 8), folded=True),
    _Rule("hedged offset", _c(
        rf"\b{_I}{_HEDGE}\s+{_NUM}\s+(?:hour|day|week|fortnight|month|year|decade)s?\s+"
        rf"(?:later|earlier|after|before|prior|ago|on))\b"), _r_suppress, True,
        # (at most five words before the unit: "a little more than three days later")
        lead=(_c(r"(?:hour|day|week|fortnight|month|year|decade)s?\s+(?:later|earlier|after|"
                 r"before|prior|ago|on)"), 5), folded=True),
    _Rule("vague offset", _c(
        rf"\b{_I}(?:(?:a\s+few|several|many|some|few)\s+)?(?:day|week|month|year|decade)s\s+"
        rf"(?:later|earlier|after|before|prior|ago|on))\b"), _r_suppress, True,
        lead=(_c(r"(?:day|week|month|year|decade)s\s+(?:later|earlier|after|before|prior|ago|on)"), 2),
        folded=True),
    # a dateline's date ("KYIV, March 3 (Reuters) -") is when the report was filed, not
    # when what it reports happened ("shelled the city on Saturday")
    _Rule("dateline", _DATELINE_LEAD, _r_suppress, True),
    # ---- absolute ----------------------------------------------------------------------
    _Rule("iso date", _c(r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?![\d-])"), _r_iso),
    _Rule("iso date slash", _c(r"(?<![\d/])(?P<y>\d{4})/(?P<mo>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"), _r_iso),
    # an all-number date; when the order of its day and month cannot be told, the rule
    # after it covers it, so that none of its numbers is read as a time of another kind
    _Rule("all-number date", _NUMERIC_DATE, _r_numeric),
    _Rule("all-number date left undated", _NUMERIC_DATE, _r_suppress, True),
    _Rule("month day year", _c(
        rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY},?\s+{_YEAR}(?![\d-])"), _r_full_date, lead=(_MONTH_LEAD, 1)),
    _Rule("day month year", _c(
        rf"\b{_WD_PREFIX}(?:{_I}the)\s+)?{_DAY}\s+(?:{_I}of)\s+)?{_MONTH},?\s+{_YEAR}(?![\d-])"),
        _r_full_date, lead=(_MONTH_LEAD, 4)),
    # a range of days is dated by its first day: "April 3-5, 2024", "14-15 April"
    _Rule("month day range year", _c(
        rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}{_RANGE}[0-3]?\d(?:st|nd|rd|th)?,?\s+{_YEAR}(?![\d-])"),
        _r_full_date, lead=(_MONTH_LEAD, 1)),
    _Rule("day range month year", _c(
        rf"(?<![\d.,])\b{_DAY}{_RANGE}[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}(?![\d-])"),
        _r_full_date, lead=(_MONTH_LEAD, 3)),
    _Rule("month day range", _c(
        rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}{_RANGE}[0-3]?\d(?:st|nd|rd|th)?(?![\d:])"), _r_month_day, lead=(_MONTH_LEAD, 1)),
    _Rule("day range month", _c(
        rf"(?<![\d.,])\b{_DAY}{_RANGE}[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH}"), _r_month_day, lead=(_MONTH_LEAD, 3)),
    _Rule("month day", _c(rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY}(?![\d:])"), _r_month_day, lead=(_MONTH_LEAD, 1)),
    _Rule("day month", _c(
        rf"(?<![\d.,])\b{_WD_PREFIX}(?:{_I}the)\s+)?{_DAY}\s+(?:{_I}of)\s+)?{_MONTH}"),
        _r_month_day, lead=(_MONTH_LEAD, 4)),
    _Rule("month year", _c(
        rf"\b(?:{_I}{_QUAL})[\s-]*)?{_MONTH},?\s+(?:{_I}of)\s+)?{_YEAR}(?![\d-])"), _r_month_year, lead=(_MONTH_LEAD, 4)),
    # a month or a day of one in a year told from publication: "in March last year"
    _Rule("month day deictic year", _c(
        rf"\b{_WD_PREFIX}{_MONTH}\s+{_DAY},?\s+{_I}(?P<rel>last|this|next)\s+year)\b"),
        _r_month_deictic_year, lead=(_MONTH_LEAD, 1)),
    # (a month alone after a preposition: "Theresa May last year said" is no date)
    _Rule("month deictic year", _c(
        rf"\b{_I}{_PREP})\s+(?P<t>{_MONTH},?\s+{_I}(?P<rel>last|this|next)\s+year))\b"),
        _r_month_deictic_year, lead=(_MONTH_LEAD, 1)),
    _Rule("day month deictic year", _c(
        rf"(?<![\d.,])\b{_WD_PREFIX}{_DAY}\s+{_MONTH},?\s+{_I}(?P<rel>last|this|next)\s+year)\b"),
        _r_month_deictic_year, lead=(_MONTH_LEAD, 2)),
    _Rule("month after preposition", _c(
        rf"\b{_I}{_PREP})\s+(?P<t>(?:{_I}{_QUAL})[\s-]*)?(?:{_I}(?P<rel>last|this|next))\s+)?"
        rf"{_MONTH})(?![ \t]*\d)"), _r_month_alone, lead=(_MONTH_LEAD, 6)),
    _Rule("qualified month", _c(
        rf"\b(?:{_I}{_QUAL})[\s-]*|{_I}(?P<rel>last|this|next))\s+){_MONTH}(?![ \t]*\d)"),
        _r_month_alone, lead=(_MONTH_LEAD, 4)),
    _Rule("year after preposition", _c(
        rf"\b{_I}{_PREP})\s+(?P<t>(?:{_I}{_QUAL})[\s-]*|{_I}{_SEASON}))?{_YEAR})"
        rf"(?![\w-]|[.,]\d)"), _r_year,
        # (the year after the word before it, with at most four words before that one: "in
        # the first week of 2020")
        lead=(_c(rf"(?:{_PREP}|{_QUALIFIER_WORD})[\s-]*{_YEAR_DIGITS}"), 4), folded=True),
    # a span of years ("in 2019-20", "during the 2019-2020 season") is dated by its first
    _Rule("year range after preposition", _c(
        rf"\b{_I}{_PREP})\s+(?P<t>(?:{_I}the)\s+)?{_FULL_YEAR}[-–/](?P<end>\d\d|\d{{4}}))"
        rf"(?![\w-]|[.,]\d)"), _r_year_range, lead=(_c(r"(?:1[89]\d\d|20\d\d|2100)[-–/]"), 2),
        folded=True),
    # a decade after a preposition of time ("in the 1990s", "since the early 2000s"), never
    # after "of" ("music of the 1990s" names a style, not when anything happened)
    _Rule("decade", _c(
        rf"\b{_I}(?:in|during|since|until|through|by|from)\s+(?P<t>the\s+"
        rf"(?:(?P<part>early|mid|late)[\s-]*)?(?P<decade>1[89]\d0|20\d0|['’]\d0)s))\b"),
        _r_decade, lead=(_c(r"(?:1[89]\d0|20\d0|['’]\d0)s"), 3), folded=True),
    _Rule("qualified year", _c(
        rf"\b(?:{_I}{_QUAL})[\s-]*|{_I}{_SEASON})){_YEAR}(?![\w-]|[.,]\d)"), _r_year,
        # (the year after the word before it, with at most three words before that one:
        # "the first week of 2020", "the spring of 2020")
        lead=(_c(rf"{_QUALIFIER_WORD}[\s-]*{_YEAR_DIGITS}"), 3), folded=True),
    # a holiday needs "on" (or "at", "over"): "a Christmas truce" names no day
    _Rule("holiday", _c(
        rf"\b{_I}on|at|over)\s+(?:{_I}the)\s+)?(?P<t>{_HOLIDAY_NAMES})\b"), _r_holiday),
    # ---- deictic: on the publication date ---------------------------------------------
    _Rule("relative day", _c(
        rf"\b{_I}(?:(?:early|late)\s+)?(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+"
        rf"tomorrow|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
        rf"last\s+night|(?<!an\s)(?<!a\s)(?<!the\s)overnight)(?:\s+{_PART})?)\b"), _r_relative_day,
        # (every one holds one of these: "early the day before yesterday" four words
        # before it, "early overnight" two, the word it is part of counting as one)
        lead=(_c(r"(?:today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)"), 4),
        folded=True),
    _Rule("weekday", _c(
        rf"\b(?:{_I}(?:early|late)\s+(?:on\s+)?))?(?:{_I}(?<!the\s)(?P<rel>this\s+past|last|this|next|"
        rf"past|the\s+following|the\s+next|the\s+previous|the\s+preceding))\s+)?"
        rf"(?P<wd>{_WD_NAME})\b(?:\s+{_I}{_PART}))?(?:\s+{_I}(?P<week>last|this|next)\s+week)\b(?!['’]))?"
        r"(?!\s+(?:Times|Telegraph|Mail|Express|Post|Herald|Mirror|Agreement|Accord|Club|Group))"),
        # (at most four words before the weekday: "early on this past Friday")
        _r_weekday, lead=(_WEEKDAY_LEAD, 4)),
    _Rule("weekend", _c(
        rf"\b{_I}(?:(?:over|during|at|on)\s+the|(?P<rel>this\s+past|past|last|this|next))\s+weekend)\b"),
        _r_weekend, lead=(_c("weekend"), 2), folded=True),
    _Rule("week", _c(
        rf"\b{_I}(?:(?P<qual>earlier|later)\s+)?(?<!the\s)(?P<rel>this\s+past|last|this|next)\s+week)\b"),
        _r_week, lead=(_c(r"(?:last|this|next|past)\s+week"), 2), folded=True),
    _Rule("month or year", _c(
        rf"\b{_I}(?:(?:earlier|later|{_QUAL})[\s-]*)?(?<!the\s)(?P<rel>last|this|next)\s+"
        rf"(?P<unit>month|year))\b"), _r_month_year_deictic,
        # (at most four words before "last": "the first week of last month")
        lead=(_c(r"(?:last|this|next)\s+(?:month|year)"), 4), folded=True),
    _Rule("season", _c(
        rf"\b{_I}(?P<rel>last|this|next|(?:this\s+)?past)\s+(?P<season>spring|summer|autumn|fall))\b"
        rf"(?!\s+{_I}in|of)\b)"), _r_season,
        lead=(_c(r"(?:last|this|next|past)\s+(?:spring|summer|autumn|fall)"), 1), folded=True),
    _Rule("ago", _c(rf"\b{_I}(?P<n>{_NUM})\s+(?P<unit>{_UNIT})s?\s+ago)\b"), _r_ago,
          lead=(_c(rf"{_UNIT}s?\s+ago"), 1), folded=True),
    _Rule("hours ago", _c(
        rf"\b{_I}(?:(?:{_NUM}|a\s+few|several|some)\s+)?(?:hour|minute|moment)s?\s+ago)\b"),
        _r_hours_ago, lead=(_c(r"(?:hour|minute|moment)s?\s+ago"), 2), folded=True),
    # ---- anaphoric: on the narrative time ---------------------------------------------
    _Rule("offset", _c(
        rf"\b{_I}(?P<n>{_NUM})\s+(?P<unit>{_UNIT})s?\s+"
        rf"(?P<dir>later|earlier|after|before|prior|on))\b"), _r_offset,
        lead=(_c(rf"{_UNIT}s?{_LATER}"), 1), folded=True),
    _Rule("hours offset", _c(
        rf"\b{_I}(?:(?P<n>{_NUM})\s+|(?:a\s+few|several|some|many)\s+)?(?:hour|minute|moment)s?\s+"
        rf"(?P<dir>later|earlier|after|before|afterwards?))\b"), _r_hours_offset,
        lead=(_c(r"(?:hour|minute|moment)s?\s+(?:later|earlier|after|before)"), 2), folded=True),
    _Rule("the unit before/after", _c(
        rf"\b{_I}the\s+(?P<unit>day|morning|night|evening|week|month|year)\s+"
        rf"(?P<dir>before|after|earlier|prior))\b(?!\s+(?:{_I}yesterday|tomorrow)))"), _r_the_unit_rel,
        lead=(_c(r"(?:day|morning|night|evening|week|month|year)\s+(?:before|after|earlier|prior)"), 1),
        folded=True),
    _Rule("the following unit", _c(
        rf"\b{_I}the\s+(?P<dir>following|next|previous|preceding|prior)\s+"
        rf"(?P<unit>day|morning|afternoon|evening|night|week|month|year))\b"), _r_the_unit_rel,
        lead=(_c(r"(?:following|next|previous|preceding|prior)\s+"
                 r"(?:day|morning|afternoon|evening|night|week|month|year)"), 1), folded=True),
    _Rule("that unit", _c(
        rf"\b{_I}(?:(?:(?:later|earlier)\s+(?:on\s+)?)?(?:that\s+(?:same\s+|very\s+)?|the\s+(?:same|very)\s+)"
        rf"|(?:later|earlier)\s+in\s+the\s+|(?P<end>the\s+end\s+of\s+(?:that|the)\s+(?=month|year)))"
        rf"(?P<unit>day|morning|afternoon|evening|night|week|month|year))\b"), _r_that_unit,
        # (the unit after the word before it, with at most three words before that one:
        # "later on that same day", "later in the day", "the end of that month")
        lead=(_c(r"(?:that|same|very|the)\s+(?:day|morning|afternoon|evening|night|week|month|year)"),
              3), folded=True),
)



# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


# What a rule cannot match without: a digit, a month's or weekday's name, or a unit or
# part of the day ("today", "overnight" and "weekend" hold one), and for some rules a
# word more ("ago", an hour). A sentence is searched once for each of these cues, and
# only the rules whose cues are all there are tried: most sentences name no time, and
# most times are of one kind. The suppressing rules (durations, ages) are cued too: they
# cost as much as the rest, and one that cannot match blocks nothing. The cues are
# substrings, so that they can only let through too much, never too little.
_DIGIT: Final = re.compile(r"\d")  # any digit a rule's \d matches, not only ASCII ones
# cues written in the text's own case (the rules match month and weekday names so)
_CASED_CUES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "month": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    # the words of a named day ("Good Friday"), which only suppresses a weekday
    "day name": ("Black", "Good", "Cyber", "Ash", "Holy", "Bloody", "Maundy", "Easter", "Palm"),
    # (a holiday's first word: "Christmas", "New", "Valentine's"...)
    "holiday": tuple(sorted({name.split()[0].split("'")[0].capitalize() for name in _HOLIDAYS})),
})
_UNIT_WORDS: Final = ("second", "minute", "hour", "day", "night", "week", "month", "year", "decade")
# cues looked for in the lower-cased text (the rules match these words in any case)
_FOLDED_CUES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "unit": ("day", "night", "week", "month", "year", "decade", "hour", "minute", "moment",
             "morning", "afternoon", "evening", "tomorrow"),
    "ago": ("ago",),
    "old": ("old",),  # an age ("a 30 year old")
    "week": ("week",),
    "weekend": ("weekend",),
    "season": ("spring", "summer", "autumn", "fall"),
    "month or year": ("month", "year"),
    # a unit in the plural ("days later", "weeks after")
    "units": ("days", "weeks", "months", "years", "decades"),
    # a day named by its distance from today, or a part of it ("last night", "overnight")
    "relative day": ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon",
                            "evening", "night"),
    "hour": ("hour", "minute", "moment"),
    # the units a duration is told in ("for a second", "over two weeks", "a fortnight")
    "duration unit": _UNIT_WORDS,
    # a hyphenated one ("a two-day visit", "a 30-year-old")
    "hyphen unit": tuple(f"-{unit}" for unit in (*_UNIT_WORDS, "century")),
})
# The only letters outside ASCII that a case-insensitive pattern takes for ASCII ones,
# though lower-casing does not make them so ("İ" lower-cases to "i" and a combining dot).
_ODD_CASES: Final = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_ODD_FOLD: Final = str.maketrans(_ODD_CASES)
_CUE_NAMES: Final = ("digit", "year", "iso", "all-number", *_CASED_CUES, *_FOLDED_CUES)
# Cues whose rules take the unit only after white space ("two days later", "for six
# months", "the following morning"): a substring found is confirmed by a search of the
# folded text with the rules' own white space, so that "Monday", "today" or "yearly"
# lets none of those rules through (each lists every unit its rules name). (The folded
# text holds in lower case, at the same place, every letter the rules' case-insensitive
# words match: a search of it in one case is several times faster.)
_SPACED_CUES: Final[Mapping[str, re.Pattern[str]]] = MappingProxyType({
    "unit": re.compile(r"\s(?:day|night|week|fortnight|month|year|decade|hour|morning|"
                              r"afternoon|evening)"),
    "duration unit": re.compile(r"\s(?:second|minute|hour|day|night|week|fortnight|month|"
                                       r"year|decade)"),
})
# Cues a pattern confirms, each looked for only once the cue named first is found: what
# a rule cannot match without, where a digit or a unit alone lets through many sentences
# the rule's own (slower) pattern searches in vain.
_PATTERN_CUES: Final[tuple[tuple[str, str, re.Pattern[str]], ...]] = (
    ("year", "digit", re.compile(r"1[89]\d\d|20\d\d|2100|['’]\d\d")),  # _YEAR, in every full date
    ("iso", "digit", re.compile(r"\d{4}[-/]\d")),  # "2024-04-05", "2024/04/05"
    ("all-number", "digit", re.compile(r"\d[./-]\d{1,2}[./-]\d{4}")),  # "05/04/2024"
)
# Each cased cue word with the cues of the cue words it starts with (itself among them),
# and one pattern that finds them all, longest first: one search of the text, not a test
# for each word. A cased cue word is capitalised, so a match can hide no other: one that
# began inside it would begin with a lower-case letter.
_CASED_WORD_CUES: Final[Mapping[str, frozenset[str]]] = MappingProxyType({
    word: frozenset(name for name, others in _CASED_CUES.items()
                           for other in others if word.startswith(other))
    for words in _CASED_CUES.values() for word in words})
_CASED_CUE_WORDS: Final = re.compile("|".join(
    re.escape(word) for word in sorted(_CASED_WORD_CUES, key=len, reverse=True)))
# each folded cue word once, with the cues it is a word of ("day" is a unit's and a
# duration's): one test for each word, not for each cue of it
_FOLDED_WORD_CUES: Final = {
    word: frozenset(name for name, words in _FOLDED_CUES.items() if word in words)
    for word in dict.fromkeys(word for words in _FOLDED_CUES.values() for word in words)}
# The cue words that hold no other ("day", "week"), each with its cues and the cue words
# that hold it ("today", "yesterday", "days", "-day"), those tested only where it is
# found: a text without "day" has none of them.
_FOLDED_CUE_WORDS: Final = tuple(
    (root, _FOLDED_WORD_CUES[root],
     tuple((word, _FOLDED_WORD_CUES[word]) for word in _FOLDED_WORD_CUES
           if word != root and max((w for w in _FOLDED_WORD_CUES if w != word and w in word),
                                   key=len, default="") == root))
    for root in _FOLDED_WORD_CUES
    if not any(w != root and w in root for w in _FOLDED_WORD_CUES))


def _cues(text: str, folded: str) -> set[str]:
    """The names of the cues ``text`` holds, ``folded`` being :func:`_fold` of it
    (substring tests: far cheaper than a case-insensitive pattern's search)."""
    found: set[str] = set()
    for word in _CASED_CUE_WORDS.findall(text):
        found |= _CASED_WORD_CUES[word]
    for root, names, holders in _FOLDED_CUE_WORDS:
        if root in folded:
            found |= names
            for word, more in holders:
                if word in folded:
                    found |= more
    for name, spaced in _SPACED_CUES.items():
        if name in found and not spaced.search(folded):
            found.discard(name)
    if _DIGIT.search(text):
        found.add("digit")
    for name, after, pattern in _PATTERN_CUES:
        if after in found and pattern.search(text):
            found.add(name)
    return found


_MONTH_RULES: Final = ("month day year", "day month year", "month day range year",
                       "day range month year", "month day range", "day range month", "month day",
                       "day month", "month year", "month after preposition", "qualified month")
_UNIT_RULES: Final = ("offset", "the unit before/after", "the following unit", "that unit")
# the cues each rule needs, every one of them
_NEEDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "hyphenated duration": ("hyphen unit",), "named day": ("weekday", "day name"),
    "nth weekday of": ("weekday",), "age": ("month or year", "old"),
    "duration": ("duration unit",), "hedged offset": ("unit",), "vague offset": ("units",),
    "relative day": ("relative day",), "weekend": ("weekend",), "week": ("week",),
    "month or year": ("month or year",),
    "iso date": ("iso",), "iso date slash": ("iso",), "all-number date": ("all-number",),
    "all-number date left undated": ("all-number",), "year after preposition": ("year",),
    "year range after preposition": ("year",),
    "qualified year": ("year",), "decade": ("year",),
    "weekday": ("weekday",), "holiday": ("holiday",),
    "dateline": ("digit",), "season": ("season",),
    "ago": ("unit", "ago"), "hours ago": ("hour", "ago"), "hours offset": ("hour",),
    **{name: ("month",) for name in _MONTH_RULES}, **{name: ("unit",) for name in _UNIT_RULES},
    # the rules of a full date or a month's year
    **{name: ("month", "year") for name in _MONTH_RULES if "year" in name},
    "month deictic year": ("month", "month or year"),
    "month day deictic year": ("month", "month or year"),
    "day month deictic year": ("month", "month or year"),
    # (and a day's number: "April 5", "5-7 April")
    **{name: ("month", "digit") for name in ("month day range", "day range month", "month day",
                                             "day month")},
})


_RULE_NEEDS: Final = tuple(frozenset(_NEEDS[rule.name]) for rule in _RULES)  # in _RULES' order
# the positions in ``_RULES`` of the rules of all-number dates: the only ones whose
# reading depends on how a document writes them (``day_first``)
NUMERIC_DATE_RULES: Final = frozenset(order for order, rule in enumerate(_RULES)
                                      if rule.pattern is _NUMERIC_DATE)


# the rules of each set of cues met so far (few sets come up; a bounded memo:
# :mod:`dotterel.memo`)
_RULES_OF_CUES: Final[dict[frozenset[str], tuple[int, ...]]] = {}


def _rules_for(cues: frozenset[str]) -> tuple[int, ...]:
    """The positions in ``_RULES`` of the rules whose cues are all in ``cues``; none when
    only suppressing rules are (nothing could yield a time). Remembered: few sets of
    cues come up, and every sentence asks."""
    found = _RULES_OF_CUES.get(cues)
    if found is None:
        tried = tuple(order for order, needs in enumerate(_RULE_NEEDS) if needs <= cues)
        found = remember(_RULES_OF_CUES, cues,
                         tried if any(not _RULES[order].suppress for order in tried) else (),
                         1024)
    return found


# A match of one of the rules, with the rule's position in ``_RULES``.
RuleMatch = tuple[int, re.Match[str]]


def time_matches(text: str) -> list[RuleMatch]:
    """The matches in ``text`` of the rules its cues let through, in the order the rules
    are listed: what :func:`find_times` resolves. They do not depend on the story's
    time or tense, so a sentence read again with others need not be searched again."""
    folded = _fold(text)
    return [(order, m) for order in _rules_for(frozenset(_cues(text, folded)))
            for m in _matches(_RULES[order], text, folded) if m.end() != m.start()]


def find_times(text: str, published: dt.date | None, narrative: TimeRef | None = None,
               tense: Tense | None = None, day_first: bool | None = None,
               matches: Sequence[RuleMatch] | None = None,
               story_year: bool = False) -> list[TimeMention]:
    """Every temporal expression in ``text`` that names when something happened, resolved.

    Absolute expressions stand alone; deictic ones ("on Wednesday", "last week") anchor on
    ``published``; anaphoric ones ("the following day", "a month later") anchor on
    ``narrative``, or on ``published`` when ``narrative`` is None. ``tense`` is the tense of
    the sentence's main verb, when known: it decides whether a bare weekday or a year-less
    date looks back or forward. ``day_first`` is how the whole document writes all-number
    dates (see :func:`day_first_order`), when known. Expressions that cannot be placed (no anchor, an impossible
    date) are left out, as are durations and ages. Mentions never overlap: the longest
    expression wins. They come back in text order. ``matches``: the rules' matches in
    ``text`` (:func:`time_matches`), when already found. ``story_year``: the text goes on
    a story told just before it (the caller knows); when that story's time, ``narrative``,
    is in a year before publication's, a month or day without a year ("in April", "on
    May 3") is of the story's year, not of the one publication implies (never in a
    future-tense sentence, which looks ahead from publication).
    """
    if matches is None:
        matches = time_matches(text)
    if not matches:
        return []  # nothing here could yield a time
    story = (narrative if story_year and narrative is not None and published is not None
             and narrative.value.year < published.year and tense != "future" else None)
    ctx = _Context(published, narrative, tense, day_first, story)
    # (whole-match start, end, rule order, match, resolution)
    found: list[tuple[int, int, int, re.Match[str], Resolved]] = []
    for order, m in matches:
        rule = _RULES[order]
        if rule.suppress:
            found.append((m.start(), m.end(), order, m, None))
            continue
        resolved = rule.resolve(m, ctx)
        if resolved is not None:
            found.append((m.start(), m.end(), order, m, resolved))
    # longest first, then leftmost, then the rule listed first; suppressors hold their
    # place in this contest but produce nothing
    found.sort(key=lambda f: (f[0] - f[1], f[0], f[2]))
    taken: list[tuple[int, int]] = []
    out: list[TimeMention] = []
    # (where each year-less date starts, not the mention: a TimeMention's hash is Python
    # code, and the mentions never overlap)
    yearless: set[int] = set()
    for start, end, order, m, resolved in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        if _RULES[order].suppress or resolved is None:
            continue
        s, e = m.span("t") if "t" in m.re.groupindex and m.group("t") else (start, end)
        mention = TimeMention(s, e, text[s:e], resolved[0], resolved[1])
        out.append(mention)
        if _RULES[order].name in _YEARLESS_RULES:
            yearless.add(s)
    out.sort(key=lambda t: t.start)
    return _share_years(text, out, yearless)


_YEARLESS_RULES: Final = frozenset({"month day", "day month", "month day range", "day range month"})
_JOINER: Final = re.compile(r"\s*,?\s*(?:(?i:to|through|until|till|and|or)|[-–—])\s*")


def _share_years(text: str, mentions: list[TimeMention], yearless: set[int]) -> list[TimeMention]:
    """Give a year-less date (one that starts at a position in ``yearless``) the year of
    the full date it is joined to.

    In "from April 3 to April 5, 2024" the first date has the second's year, whatever
    the publication date suggests.
    """
    out = list(mentions)
    for i in range(len(out) - 1, -1, -1):
        cur = out[i]
        if cur.start not in yearless or i + 1 >= len(out):
            continue
        nxt = out[i + 1]
        if nxt.anchor != "absolute" or nxt.ref.precision != "day":
            continue
        if not _JOINER.fullmatch(text, cur.end, nxt.start):
            continue
        # the earlier date comes first: "Dec. 30 and Jan. 2, 2024" spans a new year
        year = nxt.ref.value.year - (1 if (cur.ref.value.month, cur.ref.value.day) >
                                     (nxt.ref.value.month, nxt.ref.value.day) else 0)
        try:
            value = cur.ref.value.replace(year=year)
        except ValueError:  # February 29
            continue
        out[i] = TimeMention(cur.start, cur.end, cur.text, TimeRef(value), "absolute")
    return out


_DATELINE_WINDOW: Final = 300  # a dateline opens the article: look only at its first lines


def find_dateline(text: str, year_hint: int | None = None) -> tuple[TimeRef, int, int] | None:
    """The date of the dateline that opens an article, with the date's character span.

    Reads "QUITO, April 5 (Reuters) -", "MEXICO CITY, April 6, 2024 (AP) —",
    "April 5, 2024 —" and "Friday, 5 April 2024" (on a line of its own) at the start of
    one of the article's first lines. A date without a year takes ``year_hint``; without
    one it cannot be placed and None is returned, as it is when there is no dateline or
    its date is impossible. The span returned is that of the date itself (weekday
    included), not of the place or agency.
    """
    for m in _DATELINE.finditer(text):
        if m.start() > _DATELINE_WINDOW:
            break
        if m.group("isoy"):
            parts: tuple[str | None, ...] = (m.group("isoy"), m.group("isom"), m.group("isod"))
            year, month, day = (int(p) for p in parts if p is not None)
        else:
            name = m.group("month") or m.group("month2")
            month = _MONTHS[name.rstrip(".").lower()]
            day = int(m.group("day") or m.group("day2"))
            year_text = m.group("year") or m.group("year2")
            if year_text is None and year_hint is None:
                return None
            year = int(year_text) if year_text else int(year_hint)  # type: ignore[arg-type]
        try:
            value = dt.date(year, month, day)
        except ValueError:
            return None
        start, end = m.span("date")
        return TimeRef(value), start, end
    return None
