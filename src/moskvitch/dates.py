"""Dates known only to the year or month, and periods between them.

Historical sources rarely give a full date: "in 1939", "in May 1967", "on 4 December 1946".
:class:`PartialDate` keeps exactly the precision the source gives and :class:`Period` spans two of
them, either end possibly open.
"""

from __future__ import annotations

import datetime
import re
from typing import Self

import attrs

from .errors import InvalidDateError, InvalidPeriodError

__all__ = ["PartialDate", "Period"]

# ASCII digits only: \d would also read other scripts' digits, such as "١٩٤٦", as 1946.
_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_OPEN = ".."


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def _quote(value: object) -> str:
    """``repr(value)``, except for integers too long to write out."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"<an integer of {value.bit_length()} bits>"
    return repr(value)


def _date_problem(year: int, month: int | None, day: int | None) -> str | None:
    """Why ``year-month-day`` is not a valid partial date, or ``None`` when it is."""
    for part in (year, month, day):
        if part is not None and (type(part) is not int):
            return f"parts must be integers, not {type(part).__name__} {_quote(part)}"
    if not 1 <= year <= 9999:
        return "year out of range 1..9999"
    if month is None:
        return None if day is None else "a day needs a month"
    if not 1 <= month <= 12:
        return "month out of range 1..12"
    if day is not None:
        last = _days_in_month(year, month)
        if not 1 <= day <= last:
            return f"day out of range 1..{last}"
    return None


@attrs.frozen(eq=True, order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Partial dates are totally ordered by the middle of the span of days each may denote, the
    narrower span first when two share a middle (:attr:`sort_key`). No date comes first merely
    because it is less precise: "1940" (any day of 1940, so about 1 July) sorts after
    "1940-04" and before "1940-12". A date whose every possible day is before every possible
    day of another always sorts before it.

    >>> PartialDate.parse("1946-12-04")
    PartialDate(year=1946, month=12, day=4)
    >>> str(PartialDate(1967, 5))
    '1967-05'
    >>> dates = [PartialDate.parse(t) for t in ["1947", "1946-12", "1946-12-04", "1946"]]
    >>> [str(d) for d in sorted(dates)]
    ['1946', '1946-12-04', '1946-12', '1947']

    :param year: the year, 1 to 9999.
    :param month: the month, 1 to 12, or ``None`` when unknown.
    :param day: the day of the month, or ``None`` when unknown; requires a month.
    :raises InvalidDateError: (a :class:`ValueError`) for an impossible date, or parts that are
        not integers (``PartialDate("1946")``); the message quotes the value.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        reason = _date_problem(self.year, self.month, self.day)
        if reason is not None:
            parts = (self.year, self.month, self.day)
            if all(part is None or (type(part) is int and abs(part) < 10**6) for part in parts):
                shown = repr(self._text())
            else:  # the ISO text cannot be written: show the parts as given
                shown = f"PartialDate({', '.join(_quote(part) for part in parts)})"
            raise InvalidDateError(f"invalid date {shown}: {reason}")

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read ISO text: ``"1930"``, ``"1967-05"`` or ``"1946-12-04"``.

        :param text: the date, four-digit year first.
        :returns: the partial date, as precise as the text.
        :raises InvalidDateError: when the text is not such a date, quoting it.

        >>> PartialDate.parse("1946-13")
        Traceback (most recent call last):
          ...
        moskvitch.errors.InvalidDateError: invalid date '1946-13': month out of range 1..12
        """
        if not isinstance(text, str):
            raise InvalidDateError(f"a date must be ISO text, not {type(text).__name__}: {text!r}")
        match = _DATE_RE.fullmatch(text)
        if match is None:
            raise InvalidDateError(
                f"invalid date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. '1946-12-04'"
            )
        year, month, day = match.groups()
        # The pattern admits only the digits str() writes back, so the constructor's message
        # quotes ``text`` exactly.
        return cls(
            int(year), None if month is None else int(month), None if day is None else int(day)
        )

    @classmethod
    def of(cls, value: PartialDate | str | int) -> PartialDate:
        """A partial date from a :class:`PartialDate`, its ISO text, or a year.

        :param value: the date in any of those forms.
        :returns: the partial date.
        :raises InvalidDateError: for text that is not a date, or another type.

        >>> PartialDate.of(1955) == PartialDate.of("1955")
        True
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        raise InvalidDateError(f"expected a PartialDate, ISO text or a year, not {value!r}")

    @classmethod
    def from_date(cls, date: datetime.date) -> Self:
        """The day-precise partial date of a :class:`datetime.date`.

        :param date: any date.
        :returns: the same day as a partial date.
        """
        return cls(date.year, date.month, date.day)

    def __str__(self) -> str:
        return self._text()

    def _text(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    @property
    def sort_key(self) -> tuple[int, int]:
        """The key that orders partial dates: the middle of the span of days the date may
        denote, then the span's length (the narrower first).

        Both are counted in days (twice the middle's ordinal, to stay whole): ``(earliest +
        latest, latest - earliest)``, with the dates as ``datetime.date.toordinal()`` numbers.

        >>> PartialDate(1940, 4) < PartialDate(1940) < PartialDate(1940, 12)
        True
        """
        first, last = self.earliest().toordinal(), self.latest().toordinal()
        return (first + last, last - first)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def earliest(self) -> datetime.date:
        """The first calendar day this date may denote.

        >>> PartialDate(1967, 5).earliest()
        datetime.date(1967, 5, 1)
        """
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """The last calendar day this date may denote.

        >>> PartialDate(1967, 2).latest()
        datetime.date(1967, 2, 28)
        """
        month = self.month or 12
        day = self.day or _days_in_month(self.year, month)
        return datetime.date(self.year, month, day)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key >= other.sort_key


def _earliest_key(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 1, date.day or 1)


def _latest_key(date: PartialDate) -> tuple[int, int, int]:
    # 31 stands for "the last day of the month": only the order of keys matters here.
    return (date.year, date.month or 12, date.day or 31)


@attrs.frozen
class Period:
    """A span between two partial dates; either end may be open (``None``).

    Both ends are inclusive at their own precision: ``1946/1956`` runs from the first day of
    1946 to the last day of 1956.

    >>> p = Period.parse("1946-12-04/1956")
    >>> str(p), p.years
    ('1946-12-04/1956', range(1946, 1957))
    >>> 1950 in p, "1957" in p, Period.parse("2022/..").is_open
    (True, False, True)

    :param start: the first date, or ``None`` when the span is open towards the past.
    :param end: the last date, or ``None`` when the span is open or ongoing.
    :raises InvalidPeriodError: when an end is not a :class:`PartialDate` or ``None``, or the end
        lies before the start.
    """

    start: PartialDate | None = None
    end: PartialDate | None = None

    def __attrs_post_init__(self) -> None:
        for end in (self.start, self.end):
            if end is not None and not isinstance(end, PartialDate):
                raise InvalidPeriodError(
                    f"a period's ends are PartialDate or None, not {type(end).__name__} {end!r}"
                )
        if (
            self.start is not None
            and self.end is not None
            and _latest_key(self.end) < _earliest_key(self.start)
        ):
            raise InvalidPeriodError(f"period {str(self)!r} ends before it starts")

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read ``"START/END"`` (either side ``..`` when open) or a single date.

        :param text: e.g. ``"1946-12-04/1956"``, ``"2022-11/.."`` or ``"1947"``.
        :returns: the period; a single date gives a period starting and ending on it.
        :raises InvalidPeriodError: when either side is not a date or the order is wrong.

        >>> Period.parse("1947") == Period(PartialDate(1947), PartialDate(1947))
        True
        >>> Period.parse("1956/1946")
        Traceback (most recent call last):
          ...
        moskvitch.errors.InvalidPeriodError: period '1956/1946' ends before it starts
        """
        if not isinstance(text, str):
            raise InvalidPeriodError(f"a period must be text, not {type(text).__name__}: {text!r}")
        parts = text.split("/")
        if len(parts) > 2 or text == _OPEN:
            raise InvalidPeriodError(
                f"invalid period {text!r}: expected START/END, e.g. '1946-12-04/1956' or '2022/..'"
            )
        try:
            if len(parts) == 1:
                date = PartialDate.parse(text)
                return cls(date, date)
            start, end = (None if part == _OPEN else PartialDate.parse(part) for part in parts)
        except InvalidDateError as error:
            raise InvalidPeriodError(f"invalid period {text!r}: {error}") from None
        return cls(start, end)

    @classmethod
    def year(cls, year: int) -> Self:
        """The whole of one calendar year.

        >>> str(Period.year(1947))
        '1947'
        """
        date = PartialDate(year)
        return cls(date, date)

    def __str__(self) -> str:
        if self.start is not None and self.start == self.end:
            return str(self.start)
        start = _OPEN if self.start is None else str(self.start)
        end = _OPEN if self.end is None else str(self.end)
        return f"{start}/{end}"

    @property
    def is_open(self) -> bool:
        """Whether either end is open."""
        return self.start is None or self.end is None

    @property
    def years(self) -> range:
        """The calendar years the period touches, first to last.

        :raises InvalidPeriodError: when either end is open.
        """
        if self.start is None or self.end is None:
            raise InvalidPeriodError(f"the open period {str(self)!r} covers unbounded years")
        return range(self.start.year, self.end.year + 1)

    def earliest(self) -> datetime.date:
        """The first day the period may cover (:attr:`datetime.date.min` when open)."""
        return datetime.date.min if self.start is None else self.start.earliest()

    def latest(self) -> datetime.date:
        """The last day the period may cover (:attr:`datetime.date.max` when open)."""
        return datetime.date.max if self.end is None else self.end.latest()

    def contains(self, date: PartialDate | str | int) -> bool:
        """Whether every day ``date`` may denote falls inside the period.

        A year stands for all of that year, as a year-precise :class:`PartialDate` does; ``in``
        asks the same question. :meth:`meets` asks whether *any* day does.

        :param date: a :class:`PartialDate`, its ISO text, or a year.
        :returns: ``True`` when contained.
        :raises InvalidDateError: when given text that is not a date.

        >>> period = Period.parse("1946-12/1956")
        >>> period.contains("1946-12-04"), "1946-11" in period, 1946 in period
        (True, False, False)
        """
        partial = PartialDate.of(date)
        return self.earliest() <= partial.earliest() and partial.latest() <= self.latest()

    def meets(self, date: PartialDate | str | int) -> bool:
        """Whether any day ``date`` may denote falls inside the period.

        :param date: a :class:`PartialDate`, its ISO text, or a year.
        :returns: ``True`` when the two share at least one day.
        :raises InvalidDateError: when given text that is not a date.

        >>> period = Period.parse("1946-12/1956")
        >>> period.meets(1946), period.contains(1946)
        (True, False)
        """
        partial = PartialDate.of(date)
        return self.earliest() <= partial.latest() and partial.earliest() <= self.latest()

    def __contains__(self, date: object) -> bool:
        if not isinstance(date, PartialDate | str | int) or isinstance(date, bool):
            return False
        return self.contains(date)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day.

        >>> Period.parse("1941/1945").overlaps(Period.parse("1945/1967"))
        True
        """
        return self.earliest() <= other.latest() and other.earliest() <= self.latest()
