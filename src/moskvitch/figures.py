"""Counts as the sources give them: exact, approximate, bounded or a range."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Self

import attrs

from .dates import _quote
from .errors import InvalidFigureError

__all__ = ["Figure"]

# ASCII digits only: \d would also read other scripts' digits, such as "١٥٠١".
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_SCALES: dict[str, int] = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_FIGURE_RE = re.compile(
    rf"(?P<exact>=)?\s*(?P<approx>[~≈])?\s*(?P<bound>>=|<=|≥|≤|≳|≲)?\s*(?P<low>{_NUMBER})"
    rf"(?:\s*[-–]\s*(?P<high>{_NUMBER}))?(?:\s+(?P<scale>thousand|million|billion))?"
)
# More digits than anyone writes; a longer number is refused before it is converted.
_MAX_DIGITS = 4000


def _number(value: Decimal) -> int | Decimal:
    """``value`` as an :class:`int` when it is whole, else as a normalised Decimal."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _step(digits: str) -> Decimal:
    """The place of the last significant digit of a number as written: ``"2.4"`` 0.1,
    ``"216,000"`` 1,000, ``"1,501"`` 1 (trailing zeros of a whole number are not significant)."""
    digits = digits.replace(",", "")
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".")[1]))
    whole = digits.lstrip("0")
    zeros = len(whole) - len(whole.rstrip("0")) if whole else 0
    return Decimal(1).scaleb(zeros)


def _render(value: int | Decimal, scale: str | None) -> str:
    """A number in the figure notation, in units of ``scale`` when given."""
    if scale is not None:
        value = _number(Decimal(value) / _SCALES[scale])
    return f"{value:,}" if isinstance(value, int) else f"{value:,f}"


@attrs.frozen
class Figure:
    """A non-negative value known exactly, approximately, as a bound, as a range, or as a
    round number: as precise as its source writes it.

    ``low`` and ``high`` are the smallest and largest values the figure may take, ``high`` being
    ``None`` when there is no upper bound. Each is an :class:`int`, or a
    :class:`~decimal.Decimal` when it has a fraction ("1.7%" is 1.65 to 1.75).
    ``approximate`` marks a figure given as "around" or "about" a value.

    >>> str(Figure.exact(1501)), str(Figure.approx(600)), str(Figure.at_least(15300))
    ('1,501', '≈600', '≥15,300')
    >>> str(Figure.between(216_000, 248_000)), str(Figure.at_most(1000))
    ('216,000–248,000', '≤1,000')

    An approximate bound reads "at least about" (``≳``) or "at most about" (``≲``):

    >>> str(Figure(4_317_050, None, approximate=True)), str(Figure(0, 1000, approximate=True))
    ('≳4,317,050', '≲1,000')

    .. rubric:: Round numbers

    One rule reads every number a source gives as a plain value (not "about", not a bound, not
    a range): **a number is precise to its last significant digit, and stands for every value
    within half a step of it.** Trailing zeros of a whole number are not significant; digits
    after a decimal point are. So "2.4 thousand" and "2,400" both mean 2,350 to 2,450,
    "216,000" means 215,500 to 216,500, "59.2 billion" 59.15 to 59.25 billion and "1.7" 1.65
    to 1.75. A whole number whose last digit is not zero ("1,501", "38") is exact. A number a
    source *sets* rather than counts or measures (a target, an agreed sum, the ordinal of "the
    millionth car") is exact however round; the notation marks it with ``=``. Bounds, ranges and
    "about" figures are taken at the numbers as written: "over 15,300" is ``≥15,300``.

    >>> str(Figure.parse("59.2 billion")), Figure.parse("59.2 billion").low
    ('59.2 billion', 59150000000)
    >>> f = Figure.parse("1.7")
    >>> str(f), f.low, f.high, f.kind
    ('1.7', Decimal('1.65'), Decimal('1.75'), 'rounded')
    >>> Figure.parse("2.4 thousand") == Figure.parse("2,400") == Figure.between(2350, 2450)
    True
    >>> str(Figure.exact(1_000_000)), Figure.parse("=1,000,000").kind
    ('=1,000,000', 'exact')

    Two figures are equal when they allow the same values and agree on ``approximate``;
    ``rounded`` and ``scale`` only say how the figure is written.

    .. rubric:: Notation

    ==========  ===================  ====================
    symbol      reads                example
    ==========  ===================  ====================
    (none)      as written           ``1,501``, ``2.4 thousand``, ``216,000``
    ``=``       exactly              ``=1,000,000``
    ``≈``       about                ``≈600``
    ``≥``       at least             ``≥15,300``
    ``≤``       at most              ``≤1,000``
    ``≳``       at least about       ``≳4,317,050``
    ``≲``       at most about        ``≲1,000``
    ``a–b``     between a and b      ``216,000–248,000``
    ``≈a–b``    between about a, b   ``≈1,000–2,000``
    ==========  ===================  ====================

    A number may end in ``thousand``, ``million`` or ``billion``, which scales the whole
    figure: ``≥1.6 billion``, ``57.45–57.55 billion``.

    Adding figures keeps the bounds honest: bounds add, an unbounded side stays unbounded and
    anything approximate makes the sum approximate. A sum of round numbers is the range of
    their sums.

    >>> str(Figure.exact(1501) + Figure.exact(4808))
    '6,309'
    >>> str(Figure.at_least(15300) + Figure.exact(700)), str(Figure.approx(600) + Figure.exact(1))
    ('≥16,000', '≈601')
    >>> str(Figure.parse("69,000") + Figure.parse("73,000"))
    '141,000–143,000'

    :param low: the smallest value, at least 0.
    :param high: the largest value, not below ``low``; ``None`` when unbounded.
    :param approximate: whether the value is an approximation.
    :param rounded: whether the figure is a round number standing for ``low`` to ``high``
        (printed as the number, not as the range); keyword only.
    :param scale: ``"thousand"``, ``"million"`` or ``"billion"`` when the figure is written in
        such units; keyword only.
    :raises InvalidFigureError: when a bound is not an :class:`int` or a finite
        :class:`~decimal.Decimal` (``Figure(5.0, 5)``), the flag not a :class:`bool`, a bound
        is negative, ``high < low``, a rounded figure has no width or the scale is unknown.
    """

    low: int | Decimal
    high: int | Decimal | None
    approximate: bool = False
    rounded: bool = attrs.field(default=False, kw_only=True, eq=False)
    scale: str | None = attrs.field(default=None, kw_only=True, eq=False)

    def __attrs_post_init__(self) -> None:
        for name, value in (("low", self.low), ("high", self.high)):
            if name == "high" and value is None:
                continue
            if isinstance(value, Decimal) and value.is_finite():
                object.__setattr__(self, name, _number(value))
            elif type(value) is not int:
                raise InvalidFigureError(
                    f"a figure's {name} must be an integer or a Decimal, not"
                    f" {type(value).__name__} {_quote(value)}"
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
        if type(self.rounded) is not bool:
            raise InvalidFigureError(
                f"a figure's rounded flag must be a bool, not {_quote(self.rounded)}"
            )
        if self.rounded and (self.high is None or self.high == self.low):
            raise InvalidFigureError(
                f"a rounded figure stands for a range of values, not low={_quote(self.low)},"
                f" high={_quote(self.high)}"
            )
        if self.scale is not None and self.scale not in _SCALES:
            raise InvalidFigureError(
                f"a figure's scale must be 'thousand', 'million' or 'billion', not"
                f" {_quote(self.scale)}"
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
        A plain number ending in zeros or with a decimal point is a round number
        (``"2.4 thousand"``, ``"216,000"``, ``"1.7"``: see *Round numbers* above), and ``"="``
        makes it exact (``"=1000000"``). A number may have a fraction and end in ``thousand``,
        ``million`` or ``billion``.

        :param text: the figure.
        :returns: the figure.
        :raises InvalidFigureError: when the text is not such a figure, quoting it.

        >>> Figure.parse("≥15,300") == Figure.at_least(15300)
        True
        >>> Figure.parse("216,000") == Figure.between(215_500, 216_500)
        True
        >>> Figure.parse("many")
        Traceback (most recent call last):
          ...
        moskvitch.errors.InvalidFigureError: invalid figure 'many': expected e.g. '1501', ...
        """
        match = _FIGURE_RE.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise InvalidFigureError(
                f"invalid figure {text!r}: expected e.g. '1501', '~600', '>=15300', '<=1000',"
                " '216000-248000', '2.4 thousand' or '=1000'"
            )
        if len(text) > _MAX_DIGITS:
            raise InvalidFigureError(f"invalid figure {text[:40]!r}…: too many digits")
        scale = match["scale"]
        unit = _SCALES[scale] if scale else 1
        low = _number(Decimal(match["low"].replace(",", "")) * unit)
        high = (
            None
            if match["high"] is None
            else _number(Decimal(match["high"].replace(",", "")) * unit)
        )
        bound = match["bound"]
        if bound is not None and high is not None:
            raise InvalidFigureError(f"invalid figure {text!r}: a range cannot also be a bound")
        approximate = match["approx"] is not None or bound in ("≳", "≲")
        exact = match["exact"] is not None
        if exact and (approximate or bound is not None or high is not None):
            raise InvalidFigureError(
                f"invalid figure {text!r}: '=' marks a single exact number, not a bound,"
                " a range or an approximate figure"
            )
        try:
            if bound in (">=", "≥", "≳"):
                return cls(low, None, approximate, scale=scale)
            if bound in ("<=", "≤", "≲"):
                return cls(0, low, approximate, scale=scale)
            if high is not None or approximate or exact:
                return cls(low, low if high is None else high, approximate, scale=scale)
            step = _step(match["low"]) * unit
            if step == 1:  # a whole number written to the unit: exact
                return cls(low, low, scale=scale)
            return cls(low - step / 2, low + step / 2, rounded=True, scale=scale)
        except InvalidFigureError as error:
            raise InvalidFigureError(f"invalid figure {text!r}: {error}") from None

    def to_data(self) -> dict[str, Any]:
        """The figure as the JSON export and every ``--json`` output write it.

        ``low`` and ``high`` are the smallest and largest values the count may take (``high`` is
        ``None``, JSON ``null``, when unbounded; a bound with a fraction is a :class:`float`,
        JSON number), ``approximate`` says whether the source gives it as "about", and ``text``
        is the notation of the data files, which also says how the figure is written (a round
        number, its scale). :meth:`from_data` reads it back.

        :returns: a dict with the keys ``text``, ``low``, ``high`` and ``approximate``.

        >>> Figure.at_least(900_000).to_data()
        {'text': '≥900,000', 'low': 900000, 'high': None, 'approximate': False}
        >>> Figure.at_most(1000).to_data()
        {'text': '≤1,000', 'low': 0, 'high': 1000, 'approximate': False}
        >>> Figure.parse("1.7").to_data()
        {'text': '1.7', 'low': 1.65, 'high': 1.75, 'approximate': False}
        """
        return {
            "text": str(self),
            "low": _plain(self.low),
            "high": None if self.high is None else _plain(self.high),
            "approximate": self.approximate,
        }

    @classmethod
    def from_data(cls, value: object) -> Figure:
        """Read a figure in any of its plain forms: an integer (an exact count), the notation of
        the data files (``"~600"``), or the object of :meth:`to_data`.

        In the object, ``text`` may be left out; when given it must state the same figure as
        the numbers, and the figure keeps its written form (``"2.4 thousand"``). ``low`` and
        ``high`` are integers or, for a fraction, numbers (read as decimals).

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
        figure = Figure(_read(value["low"]), _read(value["high"]), value["approximate"])
        text = value.get("text")
        if text is None:
            return figure
        written = _parsed(text) if isinstance(text, str) else None
        if written != figure:
            raise InvalidFigureError(
                f"a figure's text {_quote(text)} disagrees with its numbers: low={figure.low},"
                f" high={figure.high}, approximate={figure.approximate} read {str(figure)!r}"
            )
        return written

    @property
    def kind(self) -> str:
        """``"exact"``, ``"approximate"``, ``"at least"``, ``"at most"``, ``"range"`` or
        ``"rounded"`` (a round number standing for the values that round to it)."""
        if self.high is None:
            return "at least"
        if self.low == self.high:
            return "approximate" if self.approximate else "exact"
        if self.rounded:
            return "rounded"
        return "at most" if self.low == 0 else "range"

    @property
    def is_exact(self) -> bool:
        """Whether the count is known exactly."""
        return self.kind == "exact"

    def __str__(self) -> str:
        scale = self.scale
        if self.high is None:
            return f"{'≳' if self.approximate else '≥'}{_render(self.low, scale)}{_word(scale)}"
        if self.low == 0 and self.high != 0 and not self.rounded:
            return f"{'≲' if self.approximate else '≤'}{_render(self.high, scale)}{_word(scale)}"
        prefix = "≈" if self.approximate else ""
        if self.low == self.high:
            text = f"{prefix}{_render(self.low, scale)}{_word(scale)}"
            return text if self.approximate or _parsed(text) == self else f"={text}"
        if self.rounded:
            written = _round_number(self)
            if written is not None:
                return written
        return f"{prefix}{_render(self.low, scale)}–{_render(self.high, scale)}{_word(scale)}"

    def __add__(self, other: object) -> Figure:
        if not isinstance(other, Figure):
            return NotImplemented
        high = None if self.high is None or other.high is None else self.high + other.high
        return Figure(
            self.low + other.low,
            high,
            self.approximate or other.approximate,
            scale=self.scale if self.scale == other.scale else None,
        )

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


def _word(scale: str | None) -> str:
    return "" if scale is None else f" {scale}"


def _round_number(figure: Figure) -> str | None:
    """A rounded figure written as its round number, in its own scale or another, when one
    reads back as the same values; else ``None`` (it is then written as its range)."""
    assert figure.high is not None
    middle = Decimal(figure.low + figure.high) / 2
    step = Decimal(figure.high - figure.low)
    for scale in dict.fromkeys((figure.scale, None, "thousand", "million", "billion")):
        unit = _SCALES[scale] if scale else 1
        places = max(0, -(step / unit).normalize().as_tuple().exponent)  # type: ignore[operator]
        value = (middle / unit).quantize(Decimal(1).scaleb(-places)) if places else middle / unit
        if places == 0 and value != value.to_integral_value():
            continue
        digits = f"{value:,.{places}f}"
        text = f"{digits}{_word(scale)}"
        if _parsed(text) == figure:
            return text
    return None


def _plain(value: int | Decimal) -> int | float:
    return value if isinstance(value, int) else float(value)


def _read(value: Any) -> Any:
    """A bound of the object form: floats are read as the decimals they print as."""
    if type(value) is float:
        return Decimal(repr(value)) if math.isfinite(value) else value
    return value


def _parsed(text: str) -> Figure | None:
    try:
        return Figure.parse(text)
    except InvalidFigureError:
        return None
