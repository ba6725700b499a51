"""Whether a dispute's claims can all hold: computed from the claims, on shipped and made data."""

import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import Claim, Dispute, Figure, Period
from moskvitch.cli import main


def dispute(*claims: Claim) -> Dispute:
    return Dispute(id="d", subject="s", topic="t", claims=claims)


def by_topic(subject: str, topic: str) -> Dispute:
    found = [d for d in moskvitch.load().conflicts() if d.subject == subject and d.topic == topic]
    assert len(found) == 1
    return found[0]


def test_claims_that_can_all_hold_are_compatible() -> None:
    # seed-000 "around 450" against "fewer than 1,000" KIM-10s.
    assert by_topic("kim-10", "built 1940/1941-06").consistent
    # seed-000 "over 900,000" against "over 800,000" 412s.
    assert by_topic("moskvich-412", "built 1967/1982").consistent


def test_claims_that_cannot_all_hold_are_contradictory() -> None:
    # seed-000 "1,501 units built in 1947" against "26,000 units by 1947".
    assert not by_topic("moskvich-400", "built 1947").consistent


def test_figures_in_one_unit() -> None:
    about_450 = Claim(value="around 450", figure=Figure.approx(450), unit="vehicles")
    at_most = Claim(value="fewer than 1,000", figure=Figure.at_most(1000), unit="vehicles")
    assert dispute(about_450, at_most).consistent
    cc_660 = Claim(value="660 cc", figure=Figure.exact(660), unit="cc")
    litres = Claim(value="1.1 L", figure=Figure.between(1050, 1149), unit="cc")
    assert not dispute(cc_660, litres).consistent
    # An approximate figure admits 5% either side: about 40 hp meets 42 hp, not 35 hp.
    about_40 = Claim(value="about 40 hp", figure=Figure.approx(40), unit="hp")
    assert dispute(about_40, Claim(value="42 hp", figure=Figure.exact(42), unit="hp")).consistent
    assert not dispute(about_40, Claim(value="35", figure=Figure.exact(35), unit="hp")).consistent
    # Different units are not compared as numbers: the worded values decide.
    assert not dispute(
        cc_660, Claim(value="0.66 L", figure=Figure.exact(660), unit="ml")
    ).consistent


def test_dates_and_spans() -> None:
    in_2006 = Claim(value="2006", date=Period.parse("2006"))
    by_2010 = Claim(value="by 2010", date=Period.parse("../2010"))
    assert dispute(in_2006, by_2010).consistent
    day = Claim(value="23 November 2022", date=Period.parse("2022-11-23"))
    december = Claim(value="December 2022", date=Period.parse("2022-12"))
    assert not dispute(day, december).consistent
    to_1954 = Claim(value="1946-1954", span=Period.parse("1946/1954"))
    to_1956 = Claim(value="1946-1956", span=Period.parse("1946/1956"))
    from_1946 = Claim(value="from 1946", span=Period.parse("1946/.."))
    assert not dispute(to_1954, to_1956).consistent
    assert dispute(to_1954, from_1946).consistent


def test_words_are_compared_after_normalisation() -> None:
    assert dispute(Claim(value="Scaldia-Volvo SA"), Claim(value="scaldia volvo sa")).consistent
    assert not dispute(Claim(value="Scaldia-Volvo SA"), Claim(value="Sobimpex")).consistent


@given(st.integers(0, 10**6), st.lists(st.integers(0, 10**6), min_size=2, max_size=3))
def test_figures_sharing_a_value_are_compatible(value: int, widths: list[int]) -> None:
    claims = [
        Claim(value=str(i), figure=Figure(max(0, value - w), value + w), unit="u")
        for i, w in enumerate(widths)
    ]
    assert dispute(*claims).consistent


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_exact_figures_that_differ_contradict(value: int, gap: int) -> None:
    claims = [
        Claim(value="a", figure=Figure.exact(value), unit="u"),
        Claim(value="b", figure=Figure.exact(value + gap), unit="u"),
    ]
    assert not dispute(*claims).consistent


def test_cli_lists_only_contradictions_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conflicts"]) == 0
    everything = capsys.readouterr().out
    assert "[compatible as stated]" in everything
    assert main(["conflicts", "--contradictory"]) == 0
    contradictions = capsys.readouterr().out
    assert "[compatible as stated]" not in contradictions
    assert "[contradictory]" in contradictions
    expected = sum(not d.consistent for d in moskvitch.load().conflicts())
    assert f"{expected} disputed values: {expected} contradictory, 0 compatible" in contradictions


# Verdicts corrected in issue 22 (kind 8), each against the quotes.


def test_a_sold_count_is_bounded_by_the_same_sources_shipped_count() -> None:
    # ref-48: "More than 15,300 Moskvich cars were sold" and "about 19,000 vehicles were
    # shipped to dealers"; seed-000: "over 40,000 units sold that year".
    sold = next(d for d in moskvitch.load().conflicts() if d.id == "moscow-sold-2023")
    preferred, other = sold.claims
    assert preferred.limit == Figure(0, 19000, approximate=True)
    assert preferred.limit_reason is not None and "ref-48" in preferred.limit_reason
    assert other.limit is None  # seed-000 gives no shipped figure
    assert sold.verdict == "contradictory"


@pytest.mark.parametrize(
    ("subject", "topic", "scope"),
    [
        # seed-000: "debuted in 1964" / "entering mass production in 1965".
        ("moskvich-408", "production start", "the start of mass production"),
        # seed-002 (20 October 2022): "will begin in December"; ref-43: relaunched 23 November.
        ("moskvich-3", "production start", "the plan announced before the launch"),
        # seed-000: the 402 "continued until 1956"; "the 402/403/407 series continued through 1964".
        ("moskvich-402", "production end", "the 402/403/407 series"),
    ],
)
def test_claims_of_different_scopes_can_all_hold(subject: str, topic: str, scope: str) -> None:
    found = by_topic(subject, topic)
    assert scope in [c.scope for c in found.claims]
    assert found.verdict == "compatible: different scopes"


def test_two_steps_of_one_transfer_can_both_hold() -> None:
    # seed-003: "the Russian state took over the Renault factory. It was then transferred to the
    # management of the city of Moscow"; ref-36: Renault sells "to Moscow City".
    found = by_topic("moscow", "who took over Renault's plant in 2022")
    assert found.consistent and found.verdict == "compatible: different scopes"


def test_a_name_with_plus_is_a_version_of_the_name() -> None:
    # ref-64 "JAC Sehol A5 Plus of 2021"; ref-65 "JAC Sehol A5".
    found = by_topic("moskvich-6", "name of the Chinese model it is based on")
    assert found.verdict == "compatible as stated"
    assert not dispute(Claim(value="JAC Sehol A5"), Claim(value="JAC Sehol A6")).consistent
    assert not dispute(Claim(value="A5"), Claim(value="A50")).consistent


def test_a_bound_for_a_larger_whole_is_still_compared() -> None:
    # ref-82 "more than 5 million cars a year" against seed-000's "below 1 million annually"
    # for all Soviet passenger cars: no scope, so still contradictory.
    found = by_topic("moscow", "the plant's yearly output around 1980")
    assert all(c.scope is None for c in found.claims)
    assert found.verdict == "contradictory"


def test_cli_prints_scopes_limits_and_three_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conflicts"]) == 0
    out = capsys.readouterr().out
    assert "      scope: the start of mass production" in out
    flat = " ".join(out.split())  # long lines wrap at 88 columns
    assert "limited by its own sources to ≲19,000 (ref-48 also gives ≈19,000 shipped" in flat
    disputes = moskvitch.load().conflicts()
    scoped = sum(d.verdict == "compatible: different scopes" for d in disputes)
    last = " ".join(out.split("\n\n")[-1].split())  # the count, wrapped over lines
    assert last.startswith(f"{len(disputes)} disputed values:")
    assert f"{scoped} compatible as scoped" in last


_FIGURE_CLAIMS = st.builds(
    lambda low, width, approx: Claim(
        value="v", figure=Figure(low, low + width, approximate=approx), unit="u"
    ),
    st.integers(0, 1000),
    st.integers(0, 1000),
    st.booleans(),
)


@given(st.lists(_FIGURE_CLAIMS, min_size=1, max_size=4), st.integers(0, 2000), st.randoms())
def test_a_limit_never_reconciles_claims(
    claims: list[Claim], ceiling: int, rng: random.Random
) -> None:
    limited = [
        Claim(value=c.value, figure=c.figure, unit=c.unit, limit=Figure.at_most(ceiling))
        if i == 0
        else c
        for i, c in enumerate(claims)
    ]
    if dispute(*limited).consistent:
        assert dispute(*claims).consistent
    shuffled = list(limited)
    rng.shuffle(shuffled)
    assert dispute(*shuffled).consistent == dispute(*limited).consistent


@given(st.lists(_FIGURE_CLAIMS, min_size=1, max_size=3), _FIGURE_CLAIMS)
def test_a_claim_of_another_scope_does_not_change_the_verdict(
    claims: list[Claim], other: Claim
) -> None:
    scoped = Claim(value=other.value, figure=other.figure, unit=other.unit, scope="another")
    assert dispute(*claims, scoped).consistent == dispute(*claims).consistent


def test_a_limit_needs_a_figure_and_a_reason() -> None:
    catalog = moskvitch.load()
    first = catalog.disputes[0]
    claim = attrs.evolve(first.claims[0], limit=Figure.at_most(2000))
    broken = attrs.evolve(first, claims=(claim, *first.claims[1:]))
    with pytest.raises(moskvitch.DataError, match="a limit needs its reason"):
        attrs.evolve(catalog, disputes=(broken, *catalog.disputes[1:]))
    text_only = attrs.evolve(claim, figure=None, unit=None, limit_reason="r")
    broken = attrs.evolve(first, claims=(text_only, *first.claims[1:]))
    with pytest.raises(moskvitch.DataError, match="a limit bounds a figure"):
        attrs.evolve(catalog, disputes=(broken, *catalog.disputes[1:]))


def test_a_count_of_vehicles_is_whole() -> None:
    catalog = moskvitch.load()
    record = attrs.evolve(catalog.production[0], figure=Figure.parse("1.5"))
    with pytest.raises(moskvitch.DataError, match="a count of vehicles is a whole number"):
        attrs.evolve(catalog, production=(record, *catalog.production[1:]))
