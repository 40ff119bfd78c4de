"""Temporal expressions: finding them and resolving them (dotterel.resolve.timex)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dotterel.resolve.timex import TimeMention, day_first_order, find_dateline, find_times
from dotterel.types import TimeRef

# publication dates used below, with their weekdays checked in test_weekdays_of_fixtures
WED_2025 = dt.date(2025, 4, 16)  # Wednesday
SAT_2024 = dt.date(2024, 4, 6)  # Saturday
MON_2024 = dt.date(2024, 4, 8)  # Monday
SUN_2024 = dt.date(2024, 4, 7)  # Sunday
JAN_2025 = dt.date(2025, 1, 10)  # Friday
DEC_2024 = dt.date(2024, 12, 20)  # Friday

RAID = TimeRef(dt.date(2024, 4, 5))
LAWSUIT = TimeRef(dt.date(2024, 4, 11))
DECLARATION = TimeRef(dt.date(2024, 4, 4))

Row = tuple[str, str, str, str]  # text, iso date, precision, anchor


def times(text: str, published: dt.date | None, narrative: TimeRef | None = None,
          tense: str | None = None) -> list[Row]:
    """find_times, reduced to comparable tuples; checks each span against the text."""
    found = find_times(text, published, narrative, tense)  # type: ignore[arg-type]
    for t in found:
        assert isinstance(t, TimeMention)
        assert text[t.start:t.end] == t.text
    return [(t.text, t.ref.iso(), t.ref.precision, t.anchor) for t in found]


def test_weekdays_of_fixtures() -> None:
    assert WED_2025.strftime("%A") == "Wednesday"
    assert SAT_2024.strftime("%A") == "Saturday"
    assert MON_2024.strftime("%A") == "Monday"
    assert SUN_2024.strftime("%A") == "Sunday"
    assert JAN_2025.strftime("%A") == "Friday"
    assert DEC_2024.strftime("%A") == "Friday"


# ---------------------------------------------------------------------------- absolute

ABSOLUTE: list[tuple[str, dt.date | None, str | None, list[Row]]] = [
    ("Police raided the embassy on April 5, 2024.", WED_2025, "past",
     [("April 5, 2024", "2024-04-05", "day", "absolute")]),
    ("Police raided the embassy on 5 April 2024.", WED_2025, "past",
     [("5 April 2024", "2024-04-05", "day", "absolute")]),
    ("Police raided the embassy on April 5th, 2024.", WED_2025, "past",
     [("April 5th, 2024", "2024-04-05", "day", "absolute")]),
    ("On April 11, 2024, Paraguay lodged a complaint.", WED_2025, "past",
     [("April 11, 2024", "2024-04-11", "day", "absolute")]),
    ("The decree was signed 2024-04-05 in Quito.", WED_2025, "past",
     [("2024-04-05", "2024-04-05", "day", "absolute")]),
    ("The talks ended on the 5th of April 2024.", WED_2025, "past",
     [("the 5th of April 2024", "2024-04-05", "day", "absolute")]),
    ("The vote was held on Friday, April 5, 2024.", WED_2025, "past",
     [("Friday, April 5, 2024", "2024-04-05", "day", "absolute")]),
    ("The vote was held on Friday, 5 April 2024.", WED_2025, "past",
     [("Friday, 5 April 2024", "2024-04-05", "day", "absolute")]),
    ("The ceasefire began on Jan. 3, 2024.", WED_2025, "past",
     [("Jan. 3, 2024", "2024-01-03", "day", "absolute")]),
    ("The ceasefire began Sept. 14.", WED_2025, "past",
     [("Sept. 14", "2024-09-14", "day", "published")]),
    ("In December 2023, the governor gave the mayor leave.", WED_2025, "past",
     [("December 2023", "2023-12", "month", "absolute")]),
    ("Protests spread in December of 2023.", WED_2025, "past",
     [("December of 2023", "2023-12", "month", "absolute")]),
    ("The party was founded in 2023.", WED_2025, "past", [("2023", "2023", "year", "absolute")]),
    ("He has led the party since 2019.", WED_2025, "present",
     [("2019", "2019", "year", "absolute")]),
    ("Inflation rose sharply in late 2023.", WED_2025, "past",
     [("late 2023", "2023", "year", "absolute")]),
    ("The economy shrank in mid-2023.", WED_2025, "past",
     [("mid-2023", "2023", "year", "absolute")]),
    ("The offensive began in the spring of 2022.", WED_2025, "past",
     [("the spring of 2022", "2022", "year", "absolute")]),
    ("The treaty was signed at the end of 2021.", WED_2025, "past",
     [("the end of 2021", "2021", "year", "absolute")]),
    # a year by its last two digits: the latest so ending, up to ten years ahead
    ("Rebels first seized the town in '98.", WED_2025, "past",
     [("'98", "1998", "year", "absolute")]),
    ("The port was shelled in March '22.", WED_2025, "past",
     [("March '22", "2022-03", "month", "absolute")]),
    ("The strike began on May 5, '24.", WED_2025, "past",
     [("May 5, '24", "2024-05-05", "day", "absolute")]),
    ("The games open in '28.", WED_2025, "future", [("'28", "2028", "year", "absolute")]),
    # a span of years is dated by its first
    ("Prices doubled in the 2019-20 season.", WED_2025, "past",
     [("the 2019-20", "2019", "year", "absolute")]),
    ("Exports fell in 1999-00.", WED_2025, "past", [("1999-00", "1999", "year", "absolute")]),
    # a decade after a preposition of time: a year of it, as its qualifier points
    ("Rebels held the valley in the 1980s.", WED_2025, "past",
     [("the 1980s", "1980", "year", "absolute")]),
    ("The border was closed during the mid-1990s.", WED_2025, "past",
     [("the mid-1990s", "1995", "year", "absolute")]),
    ("The two states have quarrelled since the late 2000s.", WED_2025, "present",
     [("the late 2000s", "2008", "year", "absolute")]),
    # by its last two digits: the latest decade so ending that was over by then
    ("Rebels held the valley in the '90s.", WED_2025, "past",
     [("the '90s", "1990", "year", "absolute")]),
    ("Bootleggers ran the port in the ’20s.", WED_2025, "past",
     [("the ’20s", "1920", "year", "absolute")]),
]


@pytest.mark.parametrize(("text", "published", "tense", "expected"), ABSOLUTE,
                         ids=[c[0][:40] for c in ABSOLUTE])
def test_absolute(text: str, published: dt.date | None, tense: str | None,
                  expected: list[Row]) -> None:
    assert times(text, published, tense=tense) == expected


def test_absolute_needs_no_publication_date() -> None:
    assert times("Mexico filed a lawsuit on April 11, 2024.", None) == [
        ("April 11, 2024", "2024-04-11", "day", "absolute")]


ALL_NUMBER: list[tuple[str, str | None, bool | None, str | None]] = [
    # text, tense, the document's order (day first?), the date expected (None: undated)
    ("Troops entered the town on 23/03/2024.", "past", None, "2024-03-23"),
    ("Troops entered the town on 03/23/2024.", "past", None, "2024-03-23"),
    ("Troops entered the town on 7.3.2024.", "past", None, "2024-03-07"),
    ("Troops entered the town on 04-04-2024.", "past", None, "2024-04-04"),
    # read month first it would be after publication (April 16, 2025): only day first fits
    ("Troops entered the town on 02/05/2025.", "past", None, "2025-02-05"),
    ("Troops will leave the town on 02/05/2025.", "future", None, "2025-05-02"),
    # both readings before publication: the document's other dates decide, or none is given
    ("Troops entered the town on 03/02/2024.", "past", None, None),
    ("Troops entered the town on 03/02/2024.", "past", True, "2024-02-03"),
    ("Troops entered the town on 03/02/2024.", "past", False, "2024-03-02"),
    ("Troops entered the town on 03/02/2024.", None, None, None),
    # not dates: a 13th month either way, a score, a version, a phone number
    ("Troops entered the town on 13/13/2024.", "past", None, None),
    ("The team won 3-2 in 2024-25 season play.", "past", None, None),
    ("Call 020-555-2024 for details.", "past", None, None),
]


@pytest.mark.parametrize(("text", "tense", "day_first", "expected"), ALL_NUMBER,
                         ids=[f"{c[0][-16:]}-{c[1]}-{c[2]}" for c in ALL_NUMBER])
def test_all_number_dates(text: str, tense: str | None, day_first: bool | None,
                          expected: str | None) -> None:
    found = find_times(text, WED_2025, None, tense, day_first)  # type: ignore[arg-type]
    assert [(t.ref.iso(), t.anchor) for t in found] == (
        [(expected, "absolute")] if expected else [])


def test_day_first_order_of_a_document() -> None:
    assert day_first_order("Filed 23/03/2024; amended 03/04/2024.") is True
    assert day_first_order("Filed 03/23/2024; amended 03/04/2024.") is False
    assert day_first_order("Signed 3.4.2024 in Bonn.") is True
    assert day_first_order("Amended 03/04/2024.") is None
    assert day_first_order("Filed 23/03/2024 and 03/23/2024.") is None


def test_impossible_date_is_dropped() -> None:
    assert times("It happened on April 31, 2024.", WED_2025) == []
    assert times("It happened on 2024-02-30.", WED_2025) == []


# --------------------------------------------------------------- dates without a year

YEARLESS: list[tuple[str, dt.date, str | None, list[Row]]] = [
    ("Police raided the embassy on April 5.", SAT_2024, "past",
     [("April 5", "2024-04-05", "day", "published")]),
    ("Police raided the embassy on 5 April.", SAT_2024, "past",
     [("5 April", "2024-04-05", "day", "published")]),
    # past tense: a date more than two months after publication belongs to last year
    ("Rebels seized the town on December 20.", JAN_2025, "past",
     [("December 20", "2024-12-20", "day", "published")]),
    ("Rebels seized the town on June 5.", WED_2025, "past",
     [("June 5", "2025-06-05", "day", "published")]),
    ("Rebels seized the town on July 5.", WED_2025, "past",
     [("July 5", "2024-07-05", "day", "published")]),
    # future tense: a date well before publication belongs to next year
    ("The summit will open on January 5.", DEC_2024, "future",
     [("January 5", "2025-01-05", "day", "published")]),
    # tense unknown: the nearest year
    ("Talks on January 5.", DEC_2024, None, [("January 5", "2025-01-05", "day", "published")]),
    ("Clashes on December 28.", JAN_2025, None, [("December 28", "2024-12-28", "day", "published")]),
    ("Troops withdrew in early April.", WED_2025, "past",
     [("early April", "2025-04", "month", "published")]),
    ("Troops withdrew in April.", WED_2025, "past", [("April", "2025-04", "month", "published")]),
    ("Troops withdrew mid-April.", WED_2025, "past", [("mid-April", "2025-04", "month", "published")]),
    ("Troops withdrew in late November.", WED_2025, "past",
     [("late November", "2024-11", "month", "published")]),
    ("The law was passed last April.", WED_2025, "past",
     [("last April", "2024-04", "month", "published")]),
    # within two months of publication even a past-tense month keeps the year (the rule
    # tolerates publication dates that lag); further on it is last year's
    ("Elections were held in May.", WED_2025, "past", [("May", "2025-05", "month", "published")]),
    ("Elections were held in July.", WED_2025, "past", [("July", "2024-07", "month", "published")]),
    ("Elections will be held in February.", DEC_2024, "future",
     [("February", "2025-02", "month", "published")]),
    # a future month alone before publication's is next year's, however near
    ("Elections will be held in February.", dt.date(2025, 3, 13), "future",
     [("February", "2026-02", "month", "published")]),
]


@pytest.mark.parametrize(("text", "published", "tense", "expected"), YEARLESS,
                         ids=[c[0][:40] for c in YEARLESS])
def test_yearless(text: str, published: dt.date, tense: str | None, expected: list[Row]) -> None:
    assert times(text, published, tense=tense) == expected


def test_yearless_date_takes_the_year_of_the_date_it_is_joined_to() -> None:
    assert times("Fighting raged from April 3 to April 5, 2024.", WED_2025, None, "past") == [
        ("April 3", "2024-04-03", "day", "absolute"),
        ("April 5, 2024", "2024-04-05", "day", "absolute")]
    assert times("Talks were held on Dec. 30 and Jan. 2, 2024.", WED_2025, None, "past") == [
        ("Dec. 30", "2023-12-30", "day", "absolute"),  # the earlier date comes first
        ("Jan. 2, 2024", "2024-01-02", "day", "absolute")]


def test_a_range_of_days_is_dated_by_its_first_day() -> None:
    assert times("Fighting raged April 3-5, 2024.", WED_2025) == [
        ("April 3-5, 2024", "2024-04-03", "day", "absolute")]
    assert times("Fighting raged 3–5 April 2024.", WED_2025) == [
        ("3–5 April 2024", "2024-04-03", "day", "absolute")]
    assert times("Clashes broke out on 14-15 April.", WED_2025, None, "past") == [
        ("14-15 April", "2025-04-14", "day", "published")]
    # a range told in words is dated by its first day too, not its last
    assert times("Peace talks were held from 7 to 9 April.", WED_2025, None, "past") == [
        ("7 to 9 April", "2025-04-07", "day", "published")]
    assert times("Strikes hit the port between 2 and 4 March 2024.", WED_2025) == [
        ("2 and 4 March 2024", "2024-03-02", "day", "absolute")]
    assert times("Delegates met from May 20 through 22, 2024.", WED_2025) == [
        ("May 20 through 22, 2024", "2024-05-20", "day", "absolute")]


def test_holidays_on_a_fixed_day_are_dates_without_a_year() -> None:
    assert times("Gunmen attacked a church on Christmas Eve.", JAN_2025, None, "past") == [
        ("Christmas Eve", "2024-12-24", "day", "published")]
    assert times("The rebels promised a truce over Christmas.", DEC_2024, None, "past") == [
        ("Christmas", "2024-12-25", "day", "published")]
    assert times("Protesters will march on New Year’s Day.", DEC_2024, None, "future") == [
        ("New Year’s Day", "2025-01-01", "day", "published")]
    # without "on" the holiday names no day: a truce, a market, a message
    assert times("The army announced a Christmas truce.", DEC_2024, None, "past") == []


def test_named_days_and_newspapers_are_not_weekdays() -> None:
    assert times("The Sunday Times reported on Black Friday sales.", WED_2025) == []
    assert times("The Good Friday Agreement still holds.", WED_2025) == []


def test_may_the_verb_and_the_name_are_not_months() -> None:
    assert times("The government may impose a curfew.", WED_2025) == []
    assert times("Critics in May's cabinet resigned.", WED_2025) == []


def test_abbreviation_needs_a_dot_or_a_day() -> None:
    assert times("The delegates met in Mar del Plata.", WED_2025) == []


# ------------------------------------------------------------- deictic on publication

DEICTIC: list[tuple[str, dt.date, str | None, list[Row]]] = [
    # a month or a day of one in a year told from publication
    ("The port was shelled in March last year.", WED_2025, "past",
     [("March last year", "2024-03", "month", "published")]),
    ("The port was shelled on March 5 last year.", WED_2025, "past",
     [("March 5 last year", "2024-03-05", "day", "published")]),
    ("The port was shelled on 5 March last year.", WED_2025, "past",
     [("5 March last year", "2024-03-05", "day", "published")]),
    # a day before publication in a future-tense sentence is next year's
    ("Elections will be held on March 3.", WED_2025, "future",
     [("March 3", "2026-03-03", "day", "published")]),
    ("Elections will be held in June next year.", WED_2025, "future",
     [("June next year", "2026-06", "month", "published")]),
    ("Theresa May last year called an election.", WED_2025, "past",
     [("last year", "2024", "year", "published")]),
    ("The minister resigned today.", WED_2025, "past", [("today", "2025-04-16", "day", "published")]),
    ("The minister resigned yesterday.", WED_2025, "past",
     [("yesterday", "2025-04-15", "day", "published")]),
    ("Yesterday afternoon the minister resigned.", WED_2025, "past",
     [("Yesterday afternoon", "2025-04-15", "day", "published")]),
    ("The minister will resign tomorrow.", WED_2025, "future",
     [("tomorrow", "2025-04-17", "day", "published")]),
    ("Protesters clashed with police last night.", WED_2025, "past",
     [("last night", "2025-04-15", "day", "published")]),
    ("Rockets were fired overnight.", WED_2025, "past",
     [("overnight", "2025-04-16", "day", "published")]),
    ("The bill passed the day before yesterday.", WED_2025, "past",
     [("the day before yesterday", "2025-04-14", "day", "published")]),
    # a bare weekday: the latest on or before publication, so a Wednesday means that day
    ("Sheinbaum spoke on Wednesday.", WED_2025, "past", [("Wednesday", "2025-04-16", "day", "published")]),
    ("Sheinbaum spoke on Monday.", WED_2025, "past", [("Monday", "2025-04-14", "day", "published")]),
    # a season named from publication gives its year: the latest over, or the next to come
    ("Rebels seized the town last summer.", WED_2025, "past",
     [("last summer", "2024", "year", "published")]),
    ("Rebels seized the town last spring.", dt.date(2025, 10, 2), "past",
     [("last spring", "2025", "year", "published")]),
    ("Elections will be held next spring.", WED_2025, "future",
     [("next spring", "2026", "year", "published")]),
    # "Monday last week" is last week's Monday, "Friday next week" next week's Friday
    ("Sheinbaum spoke on Monday last week.", WED_2025, "past",
     [("Monday last week", "2025-04-07", "day", "published")]),
    ("Sheinbaum will speak on Friday next week.", WED_2025, "future",
     [("Friday next week", "2025-04-25", "day", "published")]),
    ("Sheinbaum spoke on Thursday.", WED_2025, None, [("Thursday", "2025-04-10", "day", "published")]),
    ("Sheinbaum will speak on Thursday.", WED_2025, "future",
     [("Thursday", "2025-04-17", "day", "published")]),
    ("Sheinbaum will speak on Wednesday.", WED_2025, "future",
     [("Wednesday", "2025-04-16", "day", "published")]),
    ("Gunmen attacked the bus on Sunday night.", WED_2025, "past",
     [("Sunday night", "2025-04-13", "day", "published")]),
    ("Gunmen attacked the bus Wednesday morning.", WED_2025, "past",
     [("Wednesday morning", "2025-04-16", "day", "published")]),
    ("The blast happened late on Tuesday.", WED_2025, "past",
     [("late on Tuesday", "2025-04-15", "day", "published")]),
    ("The accord was signed this past Monday.", WED_2025, "past",
     [("this past Monday", "2025-04-14", "day", "published")]),
    # this / last / next: the publication's Monday-Sunday week, the one before, the one after
    ("The police broke into the embassy this Friday.", SAT_2024, "past",
     [("this Friday", "2024-04-05", "day", "published")]),
    ("The talks resume this Friday.", WED_2025, None, [("this Friday", "2025-04-18", "day", "published")]),
    ("The court ruled last Friday.", SAT_2024, "past", [("last Friday", "2024-03-29", "day", "published")]),
    ("The court ruled last Friday.", MON_2024, "past", [("last Friday", "2024-04-05", "day", "published")]),
    ("The court will rule next Monday.", WED_2025, "future",
     [("next Monday", "2025-04-21", "day", "published")]),
    # weeks: a representative day (precisions have no week)
    ("Troops were deployed last week.", WED_2025, "past",
     [("last week", "2025-04-09", "day", "published")]),
    ("Troops were deployed earlier this week.", WED_2025, "past",
     [("earlier this week", "2025-04-14", "day", "published")]),
    ("Troops will be deployed next week.", WED_2025, "future",
     [("next week", "2025-04-23", "day", "published")]),
    ("Prices rose last month.", WED_2025, "past", [("last month", "2025-03", "month", "published")]),
    ("Prices rose last month.", JAN_2025, "past", [("last month", "2024-12", "month", "published")]),
    ("Prices rose earlier this month.", WED_2025, "past",
     [("earlier this month", "2025-04", "month", "published")]),
    ("Prices rose this month.", WED_2025, "past", [("this month", "2025-04", "month", "published")]),
    ("Prices will rise next month.", DEC_2024, "future",
     [("next month", "2025-01", "month", "published")]),
    ("The party split last year.", WED_2025, "past", [("last year", "2024", "year", "published")]),
    ("The party split late last year.", WED_2025, "past",
     [("late last year", "2024", "year", "published")]),
    ("The party split earlier this year.", WED_2025, "past",
     [("earlier this year", "2025", "year", "published")]),
    ("The party split this year.", WED_2025, "past", [("this year", "2025", "year", "published")]),
    ("The embassy closed two days ago.", WED_2025, "past",
     [("two days ago", "2025-04-14", "day", "published")]),
    ("The embassy closed a year ago.", WED_2025, "past",
     [("a year ago", "2024", "year", "published")]),
    # the weekend: its Sunday, never after publication
    ("Ortega kept his seat over the weekend.", WED_2025, "past",
     [("over the weekend", "2025-04-13", "day", "published")]),
    ("Ortega kept his seat over the weekend.", MON_2024, "past",
     [("over the weekend", "2024-04-07", "day", "published")]),
    ("Ortega kept his seat over the weekend.", SUN_2024, "past",
     [("over the weekend", "2024-04-07", "day", "published")]),
    ("Ortega kept his seat last weekend.", SUN_2024, "past",
     [("last weekend", "2024-03-31", "day", "published")]),
    ("Voters will go to the polls this weekend.", WED_2025, "future",
     [("this weekend", "2025-04-20", "day", "published")]),
]


@pytest.mark.parametrize(("text", "published", "tense", "expected"), DEICTIC,
                         ids=[f"{c[0][:40]}@{c[1]}" for c in DEICTIC])
def test_deictic(text: str, published: dt.date, tense: str | None, expected: list[Row]) -> None:
    assert times(text, published, tense=tense) == expected


def test_deictic_ignores_narrative() -> None:
    assert times("Sheinbaum spoke on Monday.", WED_2025, RAID, "past") == [
        ("Monday", "2025-04-14", "day", "published")]


def test_the_end_of_the_year_is_the_story_s_only_in_the_past() -> None:
    # a plan or a deadline ("will leave by the end of the year") is this year's
    assert times("Chile will leave the pact by the end of the year.", WED_2025, RAID,
                 "future") == [("the end of the year", "2025", "year", "published")]


def test_deictic_without_publication_date_is_dropped() -> None:
    assert times("The minister resigned yesterday.", None) == []
    assert times("Sheinbaum spoke on Wednesday.", None) == []


# ----------------------------------------------------------- anaphoric on narrative

ANAPHORIC: list[tuple[str, TimeRef | None, list[Row]]] = [
    ("Bárcena announced the cancellation of relations the following day.", RAID,
     [("the following day", "2024-04-06", "day", "narrative")]),
    ("The next day, the ministry protested.", RAID, [("The next day", "2024-04-06", "day", "narrative")]),
    ("A day later, the ministry protested.", RAID, [("A day later", "2024-04-06", "day", "narrative")]),
    ("The day before the raid, Peru had expelled the consul.", RAID,
     [("The day before", "2024-04-04", "day", "narrative")]),
    ("The day after the election, protests broke out.", RAID,
     [("The day after", "2024-04-06", "day", "narrative")]),
    ("The previous day, talks had collapsed.", RAID, [("The previous day", "2024-04-04", "day", "narrative")]),
    ("Two days later, the ambassador left.", RAID, [("Two days later", "2024-04-07", "day", "narrative")]),
    ("Earlier in the day, the ambassador left.", RAID,
     [("Earlier in the day", "2024-04-05", "day", "narrative")]),
    ("Later in the month, the ambassador left.", RAID,
     [("Later in the month", "2024-04", "month", "narrative")]),
    ("By the end of the year, the ambassador had left.", RAID,
     [("the end of the year", "2024", "year", "narrative")]),
    ("At the end of that month, the ambassador left.", RAID,
     [("the end of that month", "2024-04", "month", "narrative")]),
    ("Three days earlier, the ambassador had left.", RAID,
     [("Three days earlier", "2024-04-02", "day", "narrative")]),
    ("Two days after the raid, the ambassador left.", RAID,
     [("Two days after", "2024-04-07", "day", "narrative")]),
    ("A week later, the ICJ held hearings.", LAWSUIT, [("A week later", "2024-04-18", "day", "narrative")]),
    ("The following week, the ICJ held hearings.", LAWSUIT,
     [("The following week", "2024-04-18", "day", "narrative")]),
    ("The next week, the ICJ held hearings.", LAWSUIT,
     [("The next week", "2024-04-18", "day", "narrative")]),
    ("A month later, the ICJ ruled.", LAWSUIT, [("A month later", "2024-05", "month", "narrative")]),
    ("Three months earlier, though, Chile had openly denounced the blockade.", DECLARATION,
     [("Three months earlier", "2024-01", "month", "narrative")]),
    ("A year later, relations were still frozen.", LAWSUIT, [("A year later", "2025", "year", "narrative")]),
    ("The following month, the ICJ ruled.", LAWSUIT, [("The following month", "2024-05", "month", "narrative")]),
    ("The previous year, the two had signed a pact.", LAWSUIT,
     [("The previous year", "2023", "year", "narrative")]),
    ("Later that day, the ambassador left.", RAID, [("Later that day", "2024-04-05", "day", "narrative")]),
    ("That same day, the ambassador left.", RAID, [("That same day", "2024-04-05", "day", "narrative")]),
    ("The ambassador left the same day.", RAID, [("the same day", "2024-04-05", "day", "narrative")]),
    ("The ambassador left that day.", RAID, [("that day", "2024-04-05", "day", "narrative")]),
    ("The ambassador left that week.", RAID, [("that week", "2024-04-05", "day", "narrative")]),
    ("The ambassador left later that month.", RAID, [("later that month", "2024-04", "month", "narrative")]),
    ("Hours earlier, the ambassador had left.", RAID, [("Hours earlier", "2024-04-05", "day", "narrative")]),
    ("Hours later, the ambassador left.", RAID, [("Hours later", "2024-04-05", "day", "narrative")]),
    ("The following Monday, the ambassador left.", RAID,
     [("The following Monday", "2024-04-08", "day", "narrative")]),
]


@pytest.mark.parametrize(("text", "narrative", "expected"), ANAPHORIC,
                         ids=[c[0][:40] for c in ANAPHORIC])
def test_anaphoric(text: str, narrative: TimeRef | None, expected: list[Row]) -> None:
    assert times(text, WED_2025, narrative, "past") == expected


YEAR_2023 = TimeRef(dt.date(2023, 1, 1), "year")
DEC_2023 = TimeRef(dt.date(2023, 12, 1), "month")
MAY_2023 = TimeRef(dt.date(2023, 5, 10))


@pytest.mark.parametrize(("text", "story", "tense", "expected"), [
    # a story dated to a past year gives a month without a year its year ...
    ("In April, the militia shelled the port.", YEAR_2023, "past",
     [("April", "2023-04", "month", "narrative")]),
    ("On June 3, the militia shelled the port.", YEAR_2023, "past",
     [("June 3", "2023-06-03", "day", "narrative")]),
    # ... the one that puts it soon after the story's time, or a little before it
    ("In January, the army retook the town.", DEC_2023, "past",
     [("January", "2024-01", "month", "narrative")]),
    ("In March, the army retook the town.", MAY_2023, "past",
     [("March", "2023-03", "month", "narrative")]),
    ("In December, the army retook the town.", MAY_2023, "past",
     [("December", "2023-12", "month", "narrative")]),
    # a plan looks ahead from publication, whatever the story told before
    ("In March, the envoys will meet again.", YEAR_2023, "future",
     [("March", "2026-03", "month", "published")]),
])
def test_a_month_without_a_year_follows_a_past_story(text: str, story: TimeRef, tense: str,
                                                     expected: list[Row]) -> None:
    found = find_times(text, WED_2025, story, tense, story_year=True)  # type: ignore[arg-type]
    assert [(t.text, t.ref.iso(), t.ref.precision, t.anchor) for t in found] == expected
    # without the caller's word that the text goes on that story, publication decides
    assert times(text, WED_2025, story, tense)[0][3] == "published"


def test_anaphoric_falls_back_to_publication() -> None:
    # with no story time, a deed told "the next day" is news by the publication day: it
    # cannot be the day after it (only a future tense looks ahead)
    assert times("The next day, the ministry protested.", WED_2025) == [
        ("The next day", "2025-04-16", "day", "published")]
    assert times("The next day, the ministry will protest.", WED_2025, None, "future") == [
        ("The next day", "2025-04-17", "day", "published")]
    assert times("The next day, the ministry protested.", None) == []


@pytest.mark.parametrize(("text", "narrative", "tense", "expected"), [
    ("Two weeks later, militias torched the village.", None, "past",
     [("Two weeks later", "2025-04-16", "day", "published")]),
    ("They left, and 36 hours later militias torched the village.", None, "past",
     [("36 hours later", "2025-04-16", "day", "published")]),
    ("A month later, militias torched the village.", None, "past",
     [("A month later", "2025-04", "month", "published")]),
    # a story time that is the publication day: a past deed two days on is still news by then
    ("Two days later, militias torched the village.", TimeRef(WED_2025, "day"), "past",
     [("Two days later", "2025-04-16", "day", "narrative")]),
    # a plan counted from the story's time looks ahead
    ("Two days later, militias will leave the village.", TimeRef(WED_2025, "day"), "future",
     [("Two days later", "2025-04-18", "day", "narrative")]),
    ("Two days later, militias torched the village.", TimeRef(dt.date(2025, 4, 1), "day"), "past",
     [("Two days later", "2025-04-03", "day", "narrative")]),
])
def test_counting_forward_stops_at_publication(text: str, narrative: TimeRef | None, tense: str,
                                               expected: list[Row]) -> None:
    assert times(text, WED_2025, narrative, tense) == expected


def test_day_offset_keeps_a_coarse_anchor() -> None:
    # a day offset cannot make a month-precision anchor more precise
    april = TimeRef(dt.date(2024, 4, 1), "month")
    assert times("The day before, talks collapsed.", WED_2025, april) == [
        ("The day before", "2024-04", "month", "narrative")]
    assert times("Two days later, talks collapsed.", WED_2025, april) == [
        ("Two days later", "2024-04", "month", "narrative")]


def test_month_offset_on_a_year_anchor_gives_a_year() -> None:
    year = TimeRef(dt.date(2023, 1, 1), "year")
    assert times("A month later, talks collapsed.", WED_2025, year) == [
        ("A month later", "2023", "year", "narrative")]
    assert times("A year later, talks collapsed.", WED_2025, year) == [
        ("A year later", "2024", "year", "narrative")]


def test_offset_to_an_event_from_publication_looks_back() -> None:
    # with no story yet, the later deed is the news of the publication day
    assert times("Rebels stormed the town two days after the army withdrew.", SAT_2024,
                 None, "past") == [("two days after", "2024-04-04", "day", "published")]
    assert times("Rebels stormed the town a week before the vote.", SAT_2024, None, "past") == [
        ("a week before", "2024-03-30", "day", "published")]
    # the story's time or a future tense counts the plain way
    assert times("Rebels stormed the town two days after the army withdrew.", SAT_2024,
                 RAID, "past") == [("two days after", "2024-04-07", "day", "narrative")]
    assert times("Rebels will vote two days after the army withdraws.", SAT_2024,
                 None, "future") == [("two days after", "2024-04-08", "day", "published")]


def test_apposed_offset_mirrors_about_the_time_beside_it() -> None:
    from dotterel.resolve.timex import apposed_offset

    text = "Troops shelled the port on April 5, 2024, two days after rebels stormed the town."
    anchor, offset = find_times(text, SAT_2024, RAID, "past")
    assert offset.ref.iso() == "2024-04-07"  # as counted from the anchor
    mirrored = apposed_offset(text, anchor, offset)
    assert mirrored is not None and (mirrored.text, mirrored.ref.iso()) == (
        "two days after", "2024-04-03")
    later = "Troops shelled the port on April 5, 2024, and two days later rebels left."
    anchor, offset = find_times(later, SAT_2024, RAID, "past")
    assert apposed_offset(later, anchor, offset) is None


def test_following_weekday_needs_a_day_anchor() -> None:
    april = TimeRef(dt.date(2024, 4, 1), "month")
    assert times("The following Monday, talks collapsed.", WED_2025, april) == []


# -------------------------------------------------- not times: durations, ages, hedges

NOT_TIMES = [
    "Noboa was elected to a four-year term.",
    "This fall in oil prices hurt the budget.",
    "The state of emergency will last for six months.",
    "The suspect held hostages for 24 hours.",
    "A 30-year-old man was arrested.",
    "The victim was 30 years old.",
    "Unrest has grown over the past two years.",
    "Violence has surged in recent weeks and in the last month.",
    "Fighting continued for several days.",
    "Days later, the ambassador left.",
    "A few weeks later, the ambassador left.",
    "About a month later, the ambassador left.",
    "Music of the 1990s filled the hall.",
    "The rally drew 2000 people.",
    "The march on the last Friday of the month drew thousands.",
    "The curfew ran from 10 p.m. to 5 a.m.",
    "The government may impose an overnight curfew.",
    "Music of the '90s filled the hall.",
    "Sales in 2019-2018 are a misprint.",
]


@pytest.mark.parametrize("text", NOT_TIMES, ids=[t[:40] for t in NOT_TIMES])
def test_not_times(text: str) -> None:
    assert times(text, WED_2025, RAID, "past") == []


def test_hedged_offset_next_to_a_date() -> None:
    text = ("In December 2023 — just under six weeks after the mayor first took office — "
            "the governor let the envoy remain at the consulate.")
    assert times(text, WED_2025, RAID, "past") == [("December 2023", "2023-12", "month", "absolute")]


# ------------------------------------------------------ an article's sentences, in order

def test_election_article_2025_04_16() -> None:
    assert times("Prime Minister Lena Varga on Wednesday said Hungary sees no reason to reopen its "
                 "consulate in Grodno after President Pavel Sokol secured a second term "
                 "over the weekend.", WED_2025, None, "past") == [
        ("Wednesday", "2025-04-16", "day", "published"),
        ("over the weekend", "2025-04-13", "day", "published")]
    assert times("Sokol of the conservative Civic Union beat the centrist candidate Marta Brod "
                 "in a second round on Sunday.", WED_2025, None, "past") == [
        ("Sunday", "2025-04-13", "day", "published")]
    assert times("Ties soured after Belarusian troops searched the Hungarian consulate in Grodno "
                 "on April 5, 2024.", WED_2025, None, "past") == [
        ("April 5, 2024", "2024-04-05", "day", "absolute")]
    assert times("Then-Interior Minister Anna Kis announced the suspension of consular "
                 "ties the following day.", WED_2025, RAID, "past") == [
        ("the following day", "2024-04-06", "day", "narrative")]
    assert times("The day before the search, Belarus had expelled Hungary's consul "
                 "general", WED_2025, RAID, "past") == [
        ("The day before", "2024-04-04", "day", "narrative")]
    assert times("Three months earlier, though, Hungary had publicly criticised the border closures",
                 WED_2025, DECLARATION, "past") == [
        ("Three months earlier", "2024-01", "month", "narrative")]
    assert times("On April 11, 2024, Hungary brought a case against Belarus before an "
                 "arbitration panel in The Hague.", WED_2025, RAID, "past") == [
        ("April 11, 2024", "2024-04-11", "day", "absolute")]
    assert times("A month later, the panel ruled that it would not order interim measures.",
                 WED_2025, LAWSUIT, "past") == [("A month later", "2024-05", "month", "narrative")]


def test_consulate_article_2024_04_06() -> None:
    assert times("Friction between Hungary and Belarus came to a head this Friday when "
                 "Belarusian border guards forced their way into the Hungarian consulate in Grodno.",
                 SAT_2024, None, "past") == [("this Friday", "2024-04-05", "day", "published")]
    assert times("The search came after claims made by Hungarian Prime Minister Lena Varga "
                 "on Thursday.", SAT_2024, None, "past") == [
        ("Thursday", "2024-04-04", "day", "published")]


# --------------------------------------------------------------------- mechanics

def test_several_mentions_come_in_text_order_without_overlap() -> None:
    text = "After talks on Monday failed, troops moved in on April 3, 2024, and left two days later."
    rows = times(text, WED_2025, None, "past")
    assert rows == [("Monday", "2025-04-14", "day", "published"),
                    ("April 3, 2024", "2024-04-03", "day", "absolute"),
                    # (no later than the news; DocDates counts it from April 3)
                    ("two days later", "2025-04-16", "day", "published")]
    found = find_times(text, WED_2025, None, "past")
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_longest_expression_wins() -> None:
    # "Friday" alone would be deictic; the full date includes it
    assert times("It happened on Friday, April 5, 2024.", WED_2025) == [
        ("Friday, April 5, 2024", "2024-04-05", "day", "absolute")]
    # "the day before yesterday" is not "the day before" + "yesterday"
    assert len(times("It happened the day before yesterday.", WED_2025, RAID)) == 1


def test_case_insensitive_relative_words() -> None:
    assert times("YESTERDAY the minister resigned.", WED_2025) == [
        ("YESTERDAY", "2025-04-15", "day", "published")]


# ----------------------------------------------------------------------- datelines

DATELINES: list[tuple[str, int | None, tuple[str, str] | None]] = [
    ("QUITO, April 5 (Reuters) - Ecuadorean police broke into the Mexican embassy.", 2024,
     ("2024-04-05", "April 5")),
    ("MEXICO CITY, April 6, 2024 (AP) — Mexico broke off relations.", None, ("2024-04-06", "April 6, 2024")),
    ("April 5, 2024 — Police raided the embassy.", None, ("2024-04-05", "April 5, 2024")),
    ("Friday, 5 April 2024\nPolice raided the embassy.", None, ("2024-04-05", "Friday, 5 April 2024")),
    ("WASHINGTON, D.C., April 5 (AP) — The State Department said.", 2024, ("2024-04-05", "April 5")),
    ("SAN JOSE, Costa Rica, Jan. 3, 2024 (AP) — A quake struck.", None, ("2024-01-03", "Jan. 3, 2024")),
    ("By Jane Doe\nQUITO, April 5 (Reuters) - Police broke in.", 2024, ("2024-04-05", "April 5")),
    ("QUITO, April 5 (Reuters) - Police broke in.", None, None),  # no year to give it
    ("MEXICO CITY (AP) — Mexico broke off relations on April 6, 2024.", None, None),
    ("Police raided the embassy on April 5, 2024, officials said.", None, None),
    ("April 5 was a day of anger in Quito.", 2024, None),
]


@pytest.mark.parametrize(("text", "hint", "expected"), DATELINES, ids=[d[0][:30] for d in DATELINES])
def test_dateline(text: str, hint: int | None, expected: tuple[str, str] | None) -> None:
    got = find_dateline(text, hint)
    if expected is None:
        assert got is None
        return
    assert got is not None
    ref, start, end = got
    assert (ref.iso(), text[start:end]) == expected
    assert ref.precision == "day"


def test_a_dateline_in_a_sentence_dates_no_event() -> None:
    # the report's own date is not when what it reports happened
    assert times("LIMA, April 8 (Reuters) - Police raided the party's offices on Saturday.",
                 MON_2024, None, "past") == [("Saturday", "2024-04-06", "day", "published")]
    assert times("April 8 (AP) — Police raided the party's offices.", MON_2024, None,
                 "past") == []
    # a date that opens a sentence alone is a timeline's entry, dated as usual
    assert times("April 6 - Police raided the party's offices.", MON_2024, None, "past") == [
        ("April 6", "2024-04-06", "day", "published")]


def test_every_rule_names_its_cues() -> None:
    from dotterel.resolve.timex import _CUE_NAMES, _NEEDS, _RULES

    assert {r.name for r in _RULES} == set(_NEEDS)
    assert {cue for needs in _NEEDS.values() for cue in needs} <= set(_CUE_NAMES)
    assert all(_NEEDS.values())


def test_cased_cue_words_are_capitalised() -> None:
    # (what lets one search find them all: a match can hide no other)
    from dotterel.resolve.timex import _CASED_WORD_CUES

    assert all(word[:1].isupper() and (word[1:].islower() or not word[1:])
               for word in _CASED_WORD_CUES)


def _uncued_matches(text: str) -> list[tuple[int, re.Match[str]]]:
    """The matches in ``text`` of every rule, as if every cue were in it: what the
    cues must not change."""
    from dotterel.resolve import timex

    return [(order, m) for order in timex._rules_for(frozenset(timex._CUE_NAMES))
            for m in timex._matches(timex._RULES[order], text) if m.end() != m.start()]


def test_cues_never_change_what_is_found() -> None:
    import json
    from pathlib import Path

    samples = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"
    texts = [json.loads(line)["text"] for line in samples.read_text(encoding="utf-8").splitlines()]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
    published = dt.date(2024, 4, 10)
    with_cues = [find_times(s, published) for s in sentences]
    assert [find_times(s, published, matches=_uncued_matches(s)) for s in sentences] == with_cues
    assert sum(map(len, with_cues)) > 50


@pytest.mark.parametrize("text", [
    "They met two wee\u212as ago in Paris.",  # a Kelvin sign, taken for "k" by (?i:)
    "MİNUTES later they fired",  # a dotted capital I, taken for "i"
    "It ended three \u017feconds later.",  # a long s
    "\u0662\u0660\u0662\u0664-\u0660\u0664-\u0660\u0665 was the day",  # digits a \d matches
    "A 30-year-old man was arrested overnight, a fortnight after the vote.",
    # units after white space other than a plain space (the spaced cues' \s is the rules')
    "It lasted for six\u2003months; two\u00a0days later, the following\tmorning, they met.",
])
def test_cues_let_through_what_a_case_insensitive_rule_matches(text: str) -> None:
    published = dt.date(2024, 4, 10)
    with_cues = find_times(text, published)
    assert find_times(text, published, matches=_uncued_matches(text)) == with_cues


@pytest.mark.parametrize("text", [
    "On Friday, the 5th of April 2024, and in the first week of next April, talks resumed.",
    "the first week of-April", "mid-April", "3 – 5 April 2023", "from 3 to 5 April",
    "Friday, 5 April last year", "the end of  April", "early\nApril", "(April 3)",
    "the second Sunday of May", "Good Friday", "Good  Friday talks", "the last Friday in March",
    "on the 3rd of May, 2021", "March 3-5, 2024", "in March last year", "by late March",
    "the beginning of-June 2020", "May May 4 or 4 May be a Monday, Monday 6 May?",
    # the leads of units, years and days, searched in the folded text
    "a little more than three days later", "For a little more than the past three days",
    "later on that same day", "by the end of that month", "In the first week of-2020",
    "in the first week of 2020", "early the day before yesterday", "early overnight",
    "a two-day visit by a 30-year-old", "in the mid-1990s and in the early 1990s",
    "this past spring", "earlier this past week", "the first week of last month",
    "MİNUTES later", "two wee\u212as ago", "three \u017feconds later, in mid-2024",
    "for six\u2003months; two\u00a0days later, the following\tmorning, the day after",
    "in 2019-20, some 3 hours later, THE NEXT DAY, over the weekend, a year ago",
])
def test_leads_find_what_the_whole_search_finds(text: str) -> None:
    # a rule with a lead is searched only from the words before each name it holds:
    # what it finds must be what a search of the whole text finds
    from dotterel.resolve.timex import _RULES, _matches

    led = [rule for rule in _RULES if rule.lead is not None]
    assert len(led) > 10
    for rule in led:
        assert ([m.span() for m in _matches(rule, text)]
                == [m.span() for m in rule.pattern.finditer(text)]), rule.name


def test_leads_find_what_the_whole_search_finds_in_the_samples() -> None:
    import json
    from pathlib import Path

    from dotterel.resolve.timex import _RULES, _matches

    samples = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"
    texts = [json.loads(line)["text"] for line in samples.read_text(encoding="utf-8").splitlines()]
    found = 0
    for rule in (r for r in _RULES if r.lead is not None):
        for text in texts:
            spans = [m.span() for m in rule.pattern.finditer(text)]
            assert [m.span() for m in _matches(rule, text)] == spans, rule.name
            found += len(spans)
    assert found > 20


def test_leads_find_what_the_whole_search_finds_in_generated_phrases() -> None:
    # phrases made of the rules' own words, in any case, joined by any white space or a
    # hyphen: the leads' word bounds are met and passed
    import random

    from dotterel.resolve.timex import _RULES, _matches

    words = ("a little more than less over under just nearly some at least up to only few "
             "several for within after in during the past last next following previous first "
             "one three 30 an second minute hour day night week fortnight month year decade "
             "days weeks months hours later earlier before prior ago on afterwards old that "
             "same very end of beginning mid early late this spring fall winter weekend today "
             "tonight yesterday tomorrow morning evening overnight since by 1990s 2024 '98 "
             "Monday Friday April").split()
    joins = (" ", " ", "  ", "-", "\n", "\t", "\u00a0", ", ")
    rnd = random.Random(26)
    led = [rule for rule in _RULES if rule.lead is not None]
    found = 0
    for _ in range(3000):
        picked = [rnd.choice(words) for _ in range(rnd.randint(2, 12))]
        picked = [w.upper() if rnd.random() < 0.1 else w for w in picked]
        text = picked[0] + "".join(rnd.choice(joins) + w for w in picked[1:])
        for rule in led:
            spans = [m.span() for m in rule.pattern.finditer(text)]
            assert [m.span() for m in _matches(rule, text)] == spans, (rule.name, text)
            found += len(spans)
    assert found > 1000
