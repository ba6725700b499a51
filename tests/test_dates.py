import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from moskvitch import InvalidDateError, InvalidPeriodError, PartialDate, Period
from moskvitch.testing import partial_dates, periods


@given(partial_dates())
def test_parse_inverts_str(date: PartialDate) -> None:
    assert PartialDate.parse(str(date)) == date


@given(partial_dates(), partial_dates())
def test_order_agrees_with_calendar(a: PartialDate, b: PartialDate) -> None:
    if a < b:  # never against the calendar: a may fall before b
        assert a.earliest() <= b.latest()
    if a.latest() < b.earliest():
        assert a < b
    assert (a < b) + (a == b) + (a > b) == 1


@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_transitive(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    if a <= b and b <= c:
        assert a <= c


@given(partial_dates())
def test_earliest_never_after_latest(date: PartialDate) -> None:
    assert date.earliest() <= date.latest()
    assert date.earliest().year == date.latest().year == date.year


def test_a_date_sorts_by_the_middle_of_its_span() -> None:
    # A date is not first merely for lacking a month: "1946" is about mid-year.
    assert PartialDate(1946, 1, 1) < PartialDate(1946, 1) < PartialDate(1946, 2) < PartialDate(1946)
    assert PartialDate(1946) < PartialDate(1946, 7, 3) < PartialDate(1946, 12)
    assert PartialDate(1946, 7, 2) < PartialDate(1946)  # same middle: the narrower span first
    assert PartialDate(1946, 12, 31) < PartialDate(1947, 1) < PartialDate(1947)


@pytest.mark.parametrize("text", ["1946-13", "1946-02-30", "46", "", "1946-1", "1946/12", "0000"])
def test_bad_dates_raise_value_error_quoting_the_text(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text).replace("/", ".")) as info:
        PartialDate.parse(text)
    assert isinstance(info.value, InvalidDateError)


def test_non_text_date_is_rejected() -> None:
    with pytest.raises(InvalidDateError, match="1946"):
        PartialDate.parse(1946)  # type: ignore[arg-type]


def test_day_without_month_is_rejected() -> None:
    with pytest.raises(InvalidDateError, match="a day needs a month"):
        PartialDate(1946, None, 4)


def test_dates_are_frozen() -> None:
    date = PartialDate(1946)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        date.year = 1947  # type: ignore[misc]


@given(periods())
def test_period_parse_inverts_str(period: Period) -> None:
    assert Period.parse(str(period)) == period


@given(periods(), periods())
def test_overlap_is_symmetric(a: Period, b: Period) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(periods(open_ends=False), st.integers(1800, 2200))
def test_years_agree_with_meets(period: Period, year: int) -> None:
    assert (year in period.years) == period.meets(year)
    assert (year in period) == period.contains(year) == period.contains(str(year))


@given(periods(), partial_dates())
def test_contained_dates_overlap(period: Period, date: PartialDate) -> None:
    if period.contains(date):
        assert period.overlaps(Period(date, date))


def test_end_before_start_is_rejected() -> None:
    with pytest.raises(InvalidPeriodError, match="'1956/1946' ends before it starts"):
        Period.parse("1956/1946")
    with pytest.raises(ValueError, match="ends before"):
        Period(PartialDate(1956), PartialDate(1946))


def test_same_year_at_different_precision_is_a_valid_period() -> None:
    period = Period.parse("1946-12/1946")
    assert period.years == range(1946, 1947)


@pytest.mark.parametrize("text", ["", "..", "1946/1950/1960", "1946/19x0", "x"])
def test_bad_periods_quote_the_text(text: str) -> None:
    with pytest.raises(InvalidPeriodError, match="invalid period"):
        Period.parse(text)


def test_open_periods() -> None:
    revival = Period.parse("2022-11/..")
    assert revival.is_open
    assert revival.contains("2025-06")
    assert not revival.contains("2022-10")
    assert revival.latest() == datetime.date.max
    with pytest.raises(InvalidPeriodError, match="unbounded"):
        _ = revival.years


def test_year_containment_counts_partial_years() -> None:
    postwar = Period.parse("1946-12-04/1956")
    assert postwar.meets(1946)
    assert 1946 not in postwar
    assert not postwar.contains(1946)
    assert not postwar.contains("1946")
    assert postwar.contains("1946-12-05")
    assert not postwar.contains("1946-12")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: PartialDate("1946"),
            "invalid date PartialDate('1946', None, None): parts must be",
        ),
        (lambda: PartialDate(1946, 5.0), "parts must be integers, not float 5.0"),
        (lambda: PartialDate(True), "parts must be integers, not bool True"),
        (lambda: PartialDate(10**5000), "PartialDate(<an integer of 16610 bits>, None, None)"),
        (lambda: PartialDate.parse("١٩٤٦"), "invalid date '١٩٤٦': expected YYYY"),
        (lambda: PartialDate.parse("1946-1٢"), "invalid date '1946-1٢': expected YYYY"),
    ],
)
def test_dates_of_the_wrong_type_are_refused_quoting_the_value(build: object, message: str) -> None:
    with pytest.raises(InvalidDateError) as info:
        build()  # type: ignore[operator]
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("1946", None, "a period's ends are PartialDate or None, not str '1946'"),
        (PartialDate(1946), 1956, "a period's ends are PartialDate or None, not int 1956"),
    ],
)
def test_periods_of_the_wrong_type_are_refused(start: object, end: object, message: str) -> None:
    with pytest.raises(InvalidPeriodError, match=message):
        Period(start, end)  # type: ignore[arg-type]
    with pytest.raises(InvalidPeriodError, match="invalid period '١٩٤٦/1950'"):
        Period.parse("١٩٤٦/1950")


def _never_against_the_calendar(dates: list[PartialDate]) -> None:
    """No date is placed before one that every day it may denote is after."""
    for i, first in enumerate(dates):
        for then in dates[i + 1 :]:
            assert not first.earliest() > then.latest(), (str(first), str(then))


@given(st.lists(partial_dates(min_year=1990, max_year=1992), max_size=30))
def test_sorted_dates_never_contradict_the_calendar(dates: list[PartialDate]) -> None:
    _never_against_the_calendar(sorted(dates))


@given(partial_dates(min_year=1990, max_year=1990), partial_dates(min_year=1990, max_year=1990))
def test_a_vaguer_date_is_not_first_for_lacking_a_month(a: PartialDate, b: PartialDate) -> None:
    # b lies wholly in the first half of the days a may denote: a is most likely later.
    first, last = a.earliest().toordinal(), a.latest().toordinal()
    if first <= b.earliest().toordinal() and 2 * b.latest().toordinal() < first + last:
        assert b < a
