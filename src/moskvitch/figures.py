"""Counts as the sources give them: exact, approximate, bounded or a range."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Self

import attrs

from .dates import _quote
from .errors import InvalidFigureError

__all__ = ["Figure"]

# ASCII digits only: \d would also read other scripts' digits, such as "١٥٠١".
_NUMBER = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
_FIGURE_RE = re.compile(
    rf"(?P<approx>[~≈])?\s*(?P<bound>>=|<=|≥|≤|≳|≲)?\s*(?P<low>{_NUMBER})"
    rf"(?:\s*[-–]\s*(?P<high>{_NUMBER}))?"
)


@attrs.frozen
class Figure:
    """A non-negative count known exactly, approximately, as a bound or as a range.

    ``low`` and ``high`` are the smallest and largest values the count may take, ``high`` being
    ``None`` when there is no upper bound. ``approximate`` marks a figure given as "around" or
    "about" a value.

    >>> str(Figure.exact(1501)), str(Figure.approx(600)), str(Figure.at_least(15300))
    ('1,501', '≈600', '≥15,300')
    >>> str(Figure.between(216_000, 248_000)), str(Figure.at_most(1000))
    ('216,000–248,000', '≤1,000')

    An approximate bound reads "at least about" (``≳``) or "at most about" (``≲``):

    >>> str(Figure(4_317_050, None, approximate=True)), str(Figure(0, 1000, approximate=True))
    ('≳4,317,050', '≲1,000')

    .. rubric:: Notation

    ========  ===================  ============
    symbol    reads                example
    ========  ===================  ============
    (none)    exactly              ``1,501``
    ``≈``     about                ``≈600``
    ``≥``     at least             ``≥15,300``
    ``≤``     at most              ``≤1,000``
    ``≳``     at least about       ``≳4,317,050``
    ``≲``     at most about        ``≲1,000``
    ``a–b``   between a and b      ``216,000–248,000``
    ``≈a–b``  between about a, b   ``≈1,000–2,000``
    ========  ===================  ============

    Adding figures keeps the bounds honest: bounds add, an unbounded side stays unbounded and
    anything approximate makes the sum approximate.

    >>> str(Figure.exact(1501) + Figure.exact(4808))
    '6,309'
    >>> str(Figure.at_least(15300) + Figure.exact(700)), str(Figure.approx(600) + Figure.exact(1))
    ('≥16,000', '≈601')

    :param low: the smallest value, at least 0.
    :param high: the largest value, not below ``low``; ``None`` when unbounded.
    :param approximate: whether the value is an approximation.
    :raises InvalidFigureError: when a bound is not an :class:`int` (``Figure(5.0, 5)``), the flag
        not a :class:`bool`, a bound is negative or ``high < low``.
    """

    low: int
    high: int | None
    approximate: bool = False

    def __attrs_post_init__(self) -> None:
        for name, value in (("low", self.low), ("high", self.high)):
            if type(value) is not int and not (name == "high" and value is None):
                raise InvalidFigureError(
                    f"a figure's {name} must be an integer, not {type(value).__name__} "
                    f"{_quote(value)}"
                )
        if type(self.approximate) is not bool:
            raise InvalidFigureError(
                f"a figure's approximate flag must be a bool, not {_quote(self.approximate)}"
            )
        if self.low < 0:
            raise InvalidFigureError(f"a figure cannot be negative: low={_quote(self.low)}")
        if self.high is not None and self.high < self.low:
            raise InvalidFigureError(
                f"a figure's high {_quote(self.high)} is below its low {_quote(self.low)}"
            )

    @classmethod
    def exact(cls, value: int) -> Self:
        """A count known exactly: "1,501 were built"."""
        return cls(value, value)

    @classmethod
    def approx(cls, value: int) -> Self:
        """A count given approximately: "around 600"."""
        return cls(value, value, approximate=True)

    @classmethod
    def at_least(cls, value: int) -> Self:
        """A lower bound: "over 15,300"."""
        return cls(value, None)

    @classmethod
    def at_most(cls, value: int) -> Self:
        """An upper bound: "fewer than 1,000"."""
        return cls(0, value)

    @classmethod
    def between(cls, low: int, high: int) -> Self:
        """A range: "216,000 to 248,000".

        :raises InvalidFigureError: when ``high < low``.
        """
        return cls(low, high)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read the notation of the data files and of ``str(figure)``.

        ``"1501"``/``"1,501"`` exact, ``"~600"``/``"≈600"`` approximate, ``">=15300"``/``"≥15,300"``
        lower bound, ``"<=1000"``/``"≤1,000"`` upper bound, ``"216000-248000"`` range;
        ``"≳15,300"`` and ``"≲1,000"`` (or ``"~>=15300"``, ``"~<=1000"``) approximate bounds.

        :param text: the figure.
        :returns: the figure.
        :raises InvalidFigureError: when the text is not such a figure, quoting it.

        >>> Figure.parse("≥15,300") == Figure.at_least(15300)
        True
        >>> Figure.parse("many")
        Traceback (most recent call last):
          ...
        moskvitch.errors.InvalidFigureError: invalid figure 'many': expected e.g. '1501', ...
        """
        match = _FIGURE_RE.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise InvalidFigureError(
                f"invalid figure {text!r}: expected e.g. '1501', '~600', '>=15300', '<=1000'"
                " or '216000-248000'"
            )
        try:
            low = int(match["low"].replace(",", ""))
            high = None if match["high"] is None else int(match["high"].replace(",", ""))
        except ValueError:  # more digits than int() reads
            raise InvalidFigureError(f"invalid figure {text[:40]!r}…: too many digits") from None
        bound = match["bound"]
        if bound is not None and high is not None:
            raise InvalidFigureError(f"invalid figure {text!r}: a range cannot also be a bound")
        approximate = match["approx"] is not None or bound in ("≳", "≲")
        try:
            if bound in (">=", "≥", "≳"):
                return cls(low, None, approximate)
            if bound in ("<=", "≤", "≲"):
                return cls(0, low, approximate)
            return cls(low, low if high is None else high, approximate)
        except InvalidFigureError as error:
            raise InvalidFigureError(f"invalid figure {text!r}: {error}") from None

    def to_data(self) -> dict[str, Any]:
        """The figure as the JSON export and every ``--json`` output write it.

        ``low`` and ``high`` are the smallest and largest values the count may take (``high`` is
        ``None``, JSON ``null``, when unbounded), ``approximate`` says whether the source gives it
        as "about", and ``text`` is the notation of the data files. :meth:`from_data` reads it
        back.

        :returns: a dict with the keys ``text``, ``low``, ``high`` and ``approximate``.

        >>> Figure.at_least(900_000).to_data()
        {'text': '≥900,000', 'low': 900000, 'high': None, 'approximate': False}
        >>> Figure.at_most(1000).to_data()
        {'text': '≤1,000', 'low': 0, 'high': 1000, 'approximate': False}
        """
        return {
            "text": str(self),
            "low": self.low,
            "high": self.high,
            "approximate": self.approximate,
        }

    @classmethod
    def from_data(cls, value: object) -> Figure:
        """Read a figure in any of its plain forms: an integer (an exact count), the notation of
        the data files (``"~600"``), or the object of :meth:`to_data`.

        In the object, ``text`` may be left out; when given it must state the same figure as
        the numbers.

        :param value: the plain figure.
        :returns: the figure.
        :raises InvalidFigureError: when the value is none of those forms, quoting it.

        >>> Figure.from_data({"low": 600, "high": 600, "approximate": True}) == Figure.approx(600)
        True
        >>> Figure.from_data({"text": "≈600", "low": 600, "high": 700, "approximate": True})
        Traceback (most recent call last):
          ...
        moskvitch.errors.InvalidFigureError: a figure's text '≈600' disagrees with its numbers: ...
        """
        if type(value) is int:
            return cls.exact(value)
        if isinstance(value, str):
            return cls.parse(value)
        if not isinstance(value, Mapping):
            raise InvalidFigureError(
                "expected a figure: an integer, text such as '~600' or an object"
                f" {{low, high, approximate, text}}, not {type(value).__name__} {_quote(value)}"
            )
        unknown = sorted(str(key) for key in value if key not in _DATA_KEYS)
        if unknown:
            names = ", ".join(repr(key) for key in unknown)
            raise InvalidFigureError(f"unknown key {names} in figure {_quote(dict(value))}")
        missing = [key for key in ("low", "high", "approximate") if key not in value]
        if missing:
            names = ", ".join(repr(key) for key in missing)
            raise InvalidFigureError(f"figure {_quote(dict(value))} lacks {names}")
        figure = Figure(value["low"], value["high"], value["approximate"])
        text = value.get("text")
        if text is not None and (not isinstance(text, str) or _parsed(text) != figure):
            raise InvalidFigureError(
                f"a figure's text {_quote(text)} disagrees with its numbers: low={figure.low},"
                f" high={figure.high}, approximate={figure.approximate} read {str(figure)!r}"
            )
        return figure

    @property
    def kind(self) -> str:
        """``"exact"``, ``"approximate"``, ``"at least"``, ``"at most"`` or ``"range"``."""
        if self.high is None:
            return "at least"
        if self.low == self.high:
            return "approximate" if self.approximate else "exact"
        return "at most" if self.low == 0 else "range"

    @property
    def is_exact(self) -> bool:
        """Whether the count is known exactly."""
        return self.kind == "exact"

    def __str__(self) -> str:
        if self.high is None:
            return f"{'≳' if self.approximate else '≥'}{self.low:,}"
        if self.low == 0 and self.high != 0:
            return f"{'≲' if self.approximate else '≤'}{self.high:,}"
        prefix = "≈" if self.approximate else ""
        if self.low == self.high:
            return f"{prefix}{self.low:,}"
        return f"{prefix}{self.low:,}–{self.high:,}"

    def __add__(self, other: object) -> Figure:
        if not isinstance(other, Figure):
            return NotImplemented
        high = None if self.high is None or other.high is None else self.high + other.high
        return Figure(self.low + other.low, high, self.approximate or other.approximate)

    def __radd__(self, other: object) -> Figure:
        # Lets the built-in sum() start from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def contains(self, other: Figure) -> bool:
        """Whether every value ``other`` allows is also allowed by this figure.

        >>> Figure.between(10, 20).contains(Figure.exact(15))
        True
        >>> Figure.exact(5).contains(Figure.at_least(5))
        False
        """
        if other.low < self.low:
            return False
        if self.high is None:
            return True
        return other.high is not None and other.high <= self.high

    @classmethod
    def envelope(cls, figures: Iterable[Figure]) -> Figure:
        """The smallest figure containing all of ``figures``: the range across competing claims.

        :param figures: at least one figure.
        :returns: the envelope, approximate when any input is.
        :raises ValueError: when ``figures`` is empty.

        >>> str(Figure.envelope([Figure.exact(247_439), Figure.at_least(200_000)]))
        '≥200,000'
        """
        items = list(figures)
        if not items:
            raise ValueError("the envelope of no figures is undefined")
        highs = [f.high for f in items]
        return Figure(
            min(f.low for f in items),
            None if None in highs else max(h for h in highs if h is not None),
            any(f.approximate for f in items),
        )


_DATA_KEYS = frozenset({"text", "low", "high", "approximate"})


def _parsed(text: str) -> Figure | None:
    try:
        return Figure.parse(text)
    except InvalidFigureError:
        return None
