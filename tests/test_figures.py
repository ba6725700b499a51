import pytest
from hypothesis import given

from moskvitch import Figure, InvalidFigureError
from moskvitch.testing import figures


@given(figures())
def test_parse_inverts_str(figure: Figure) -> None:
    assert Figure.parse(str(figure)) == figure


@given(figures(), figures(), figures())
def test_addition_is_associative(a: Figure, b: Figure, c: Figure) -> None:
    assert (a + b) + c == a + (b + c)


@given(figures(), figures())
def test_addition_is_commutative_and_keeps_bounds_ordered(a: Figure, b: Figure) -> None:
    total = a + b
    assert total == b + a
    assert total.high is None or total.low <= total.high
    assert total.low == a.low + b.low


@given(figures(), figures())
def test_unbounded_side_stays_unbounded(a: Figure, b: Figure) -> None:
    assert ((a + b).high is None) == (a.high is None or b.high is None)


@given(figures(), figures())
def test_approximation_is_contagious(a: Figure, b: Figure) -> None:
    assert (a + b).approximate == (a.approximate or b.approximate)


@given(figures())
def test_sum_starts_from_zero(figure: Figure) -> None:
    assert sum([figure]) == figure


@given(figures(), figures())
def test_envelope_contains_every_figure(a: Figure, b: Figure) -> None:
    envelope = Figure.envelope([a, b])
    assert envelope.contains(a)
    assert envelope.contains(b)


@pytest.mark.parametrize(
    ("figure", "text", "kind"),
    [
        (Figure.exact(1501), "1,501", "exact"),
        (Figure.approx(600), "≈600", "approximate"),
        (Figure.at_least(15300), "≥15,300", "at least"),
        (Figure.at_most(1000), "≤1,000", "at most"),
        (Figure.between(216_000, 248_000), "216,000–248,000", "range"),
    ],
)
def test_figures_read_naturally(figure: Figure, text: str, kind: str) -> None:
    assert str(figure) == text
    assert figure.kind == kind


def test_bounds_are_exposed() -> None:
    assert (Figure.at_least(15300).low, Figure.at_least(15300).high) == (15300, None)
    assert (Figure.exact(1501).low, Figure.exact(1501).high) == (1501, 1501)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1501", Figure.exact(1501)),
        ("~600", Figure.approx(600)),
        (">=15300", Figure.at_least(15300)),
        ("<=1000", Figure.at_most(1000)),
        ("216000-248000", Figure.between(216000, 248000)),
        ("≈ 19,000", Figure.approx(19000)),
    ],
)
def test_data_file_notation(text: str, expected: Figure) -> None:
    assert Figure.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "many", "-5", "1,50", "10-5", ">=5-10", "1.5.0", "=~5", "=5-6", "2 dozen"]
)
def test_bad_figures_quote_the_text(text: str) -> None:
    with pytest.raises(InvalidFigureError, match="invalid figure"):
        Figure.parse(text)


def test_inconsistent_bounds_are_rejected() -> None:
    with pytest.raises(InvalidFigureError, match="below its low"):
        Figure.between(10, 5)
    with pytest.raises(InvalidFigureError, match="negative"):
        Figure.exact(-1)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Figure(5.0, 5), "a figure's low must be an integer or a Decimal, not float 5.0"),
        (lambda: Figure(5, "6"), "a figure's high must be an integer or a Decimal, not str '6'"),
        (lambda: Figure(True, 5), "a figure's low must be an integer or a Decimal, not bool True"),
        (lambda: Figure(1, 2, 1), "a figure's approximate flag must be a bool, not 1"),
        (lambda: Figure(-(10**5000), None), "cannot be negative: low=<an integer of 16610 bits>"),
        (lambda: Figure.parse("9" * 5000), "too many digits"),
        (lambda: Figure.parse("١٥٠١"), "invalid figure '١٥٠١': expected"),
        (lambda: Figure.parse("~1,٥01"), "invalid figure '~1,٥01': expected"),
    ],
)
def test_wrong_types_and_digits_are_refused_quoting_the_value(build: object, message: str) -> None:
    with pytest.raises(InvalidFigureError) as info:
        build()  # type: ignore[operator]
    assert message in str(info.value)
