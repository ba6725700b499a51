"""Hypothesis strategies for the value types of :mod:`moskvitch`.

Needs Hypothesis (``pip install "moskvitch[testing]"``); importing :mod:`moskvitch` itself never
imports it.

>>> from hypothesis import given
>>> from moskvitch.testing import partial_dates
>>> @given(partial_dates())
... def test_round_trip(date):
...     assert PartialDate.parse(str(date)) == date
>>> test_round_trip()
"""

from __future__ import annotations

import calendar

from hypothesis import strategies as st

from .dates import PartialDate, Period
from .figures import Figure

__all__ = ["figures", "partial_dates", "periods"]


@st.composite
def partial_dates(draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100) -> PartialDate:
    """Valid partial dates of every precision between two years, inclusive.

    :param min_year: the earliest year.
    :param max_year: the latest year.
    :returns: a strategy of :class:`~moskvitch.PartialDate`.
    """
    year = draw(st.integers(min_year, max_year))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year)
    last = calendar.monthrange(year, month)[1]
    day = draw(st.none() | st.integers(1, last))
    return PartialDate(year, month, day)


@st.composite
def periods(
    draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100, open_ends: bool = True
) -> Period:
    """Valid periods between two years, possibly open at either end.

    :param min_year: the earliest year of either end.
    :param max_year: the latest year of either end.
    :param open_ends: whether an end may be open (``None``).
    :returns: a strategy of :class:`~moskvitch.Period`.
    """
    ends = partial_dates(min_year=min_year, max_year=max_year)
    first, second = draw(ends), draw(ends)
    if second.latest() < first.earliest():
        first, second = second, first
    start = None if open_ends and draw(st.booleans()) and draw(st.booleans()) else first
    end = None if open_ends and draw(st.booleans()) and draw(st.booleans()) else second
    return Period(start, end)


@st.composite
def figures(draw: st.DrawFn, *, max_value: int = 10_000_000) -> Figure:
    """Valid figures of every kind: exact, approximate, lower and upper bounds, ranges.

    :param max_value: the largest bound drawn.
    :returns: a strategy of :class:`~moskvitch.Figure`.
    """
    low = draw(st.integers(0, max_value))
    kind = draw(st.sampled_from(["exact", "approx", "at_least", "at_most", "between"]))
    if kind == "exact":
        return Figure.exact(low)
    if kind == "approx":
        return Figure.approx(low)
    if kind == "at_least":
        return Figure.at_least(low)
    if kind == "at_most":
        return Figure.at_most(low)
    return Figure.between(low, draw(st.integers(low, max_value)))
