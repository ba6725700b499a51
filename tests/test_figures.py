import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
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


# Numbers as the source writes them (issue 22, kind 10).

_DECIMALS = st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False)


@st.composite
def decimal_figures(draw: st.DrawFn) -> Figure:
    low = draw(_DECIMALS)
    kind = draw(st.sampled_from(["exact", "approx", "at_least", "at_most", "between", "round"]))
    scale = draw(st.sampled_from([None, "thousand", "million", "billion"]))
    if kind == "round":
        step = Decimal(1).scaleb(draw(st.integers(-3, 6)))
        middle = step * draw(st.integers(1, 10**4))
        return Figure(middle - step / 2, middle + step / 2, rounded=True, scale=scale)
    built = {
        "exact": lambda: Figure(low, low),
        "approx": lambda: Figure(low, low, approximate=True),
        "at_least": lambda: Figure(low, None),
        "at_most": lambda: Figure(0, low),
        "between": lambda: Figure(low, low + draw(_DECIMALS)),
    }[kind]()
    return Figure(built.low, built.high, built.approximate, scale=scale)


@given(st.one_of(figures(), decimal_figures()))
def test_every_figure_reads_back_from_its_text_and_its_object(figure: Figure) -> None:
    text = str(figure)
    assert Figure.parse(text) == figure
    assert str(Figure.parse(text)) == text
    assert Figure.from_data(figure.to_data()) == figure
    assert Figure.from_data(json.loads(json.dumps(figure.to_data()))) == figure


@given(figures())
def test_a_round_number_stands_for_the_values_that_round_to_it(figure: Figure) -> None:
    if figure.kind == "rounded":
        assert figure.high is not None
        middle = (figure.low + figure.high) / 2
        assert figure.contains(Figure.exact(int(middle)))
        assert str(figure).replace(",", "").split(" ")[0].rstrip("0") != ""


@pytest.mark.parametrize(
    ("text", "low", "high", "kind"),
    [
        ("59.2 billion", 59_150_000_000, 59_250_000_000, "rounded"),
        ("1.7", Decimal("1.65"), Decimal("1.75"), "rounded"),
        ("2.4 thousand", 2350, 2450, "rounded"),
        ("2,400", 2350, 2450, "rounded"),
        ("216,000", 215_500, 216_500, "rounded"),
        ("5 billion", 4_500_000_000, 5_500_000_000, "rounded"),
        ("2.98 million", 2_975_000, 2_985_000, "rounded"),
        ("1,501", 1501, 1501, "exact"),
        ("38", 38, 38, "exact"),
        ("=1,000,000", 1_000_000, 1_000_000, "exact"),
        ("=5 billion", 5_000_000_000, 5_000_000_000, "exact"),
        ("≥1.6 billion", 1_600_000_000, None, "at least"),
        ("≈2.5 million", 2_500_000, 2_500_000, "approximate"),
        ("≤1,000", 0, 1000, "at most"),
    ],
)
def test_one_rule_for_round_numbers(text: str, low: object, high: object, kind: str) -> None:
    figure = Figure.parse(text)
    assert (figure.low, figure.high, figure.kind) == (low, high, kind)
    assert str(figure) == text  # printed as written


def test_the_same_number_written_two_ways_is_one_figure() -> None:
    assert Figure.parse("2.4 thousand") == Figure.parse("2,400")
    assert str(Figure.parse("2.4 thousand")) == "2.4 thousand"
    assert str(Figure.parse("2,400")) == "2,400"
    assert str(Figure.exact(2400)) == "=2,400"


def test_sums_of_round_numbers_are_ranges() -> None:
    total = Figure.parse("69,000") + Figure.parse("73,000")
    assert (total.low, total.high, total.kind) == (141_000, 143_000, "range")


def test_shipped_figures_print_as_their_sources_write_them() -> None:
    catalog = moskvitch.load()
    facts = {f.id: f for f in catalog.facts}
    # ref-49: "Revenues increased 38.9% to 59.2 billion rubles".
    assert str(facts["moscow-revenue-2023"].figure) == "59.2 billion"
    # seed-000: "where it captured a 1.7% in November 2023".
    share = facts["moscow-market-share-2023-11"]
    assert share.figure is not None and share.unit == "percent"
    assert (share.figure.low, share.figure.high) == (Decimal("1.65"), Decimal("1.75"))
    # seed-000: "annual output estimated in the low thousands": words, not 1,000-9,999.
    assert facts["lovech-408-412-assembly"].figure is None
    assert facts["lovech-408-412-assembly"].text == "in the low thousands a year"
    records = {r.id: r for r in catalog.production}
    # ref-50: "including 2.4 thousand Moskvich 6 sedans"; seed-000: "2,400".
    assert str(records["moskvich-6-sold-2024"].figure) == "2.4 thousand"
    # seed-000: "its one millionth vehicle": an ordinal, exact.
    assert records["moscow-millionth-vehicle-1967"].figure.is_exact
