"""Production totals on the shipped data (facts) and on generated catalogs (laws)."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moskvitch import Catalog, Figure, Measure, Period, production
from moskvitch.production import DEFAULT_ERAS, Allocation, Claims, Era, Totals
from moskvitch.testing import catalogs


def bounds(figure: Figure | None) -> tuple[int, int | None]:
    return (0, 0) if figure is None else (figure.low, figure.high)


def conserved(totals: Totals) -> bool:
    parts = [r.figure for r in (*totals.rows, totals.unallocated) if r.figure is not None]
    added = sum(parts, Figure.exact(0))
    return bounds(added if parts else None) == bounds(totals.grand_total.figure)


def test_the_400_series_total_is_not_double_counted() -> None:
    result = production.total("Moskvich-400")
    # seed-000: "with 247,439 units built between 1946 and 1956" (the yearly figures and the
    # cabriolets are breakdowns of it).
    assert result.figure == Figure.exact(247_439)
    assert [r.id for r in result.records] == ["moskvich-400-series-built-1946-1956"]


def test_yearly_output_of_the_400() -> None:
    years = production.by_year("400")
    assert [(r.label, r.figure) for r in years] == [
        ("1947", Figure.exact(1501)),
        ("1948", Figure.exact(4808)),
        ("1949", Figure.exact(19906)),
    ]


def test_measures_are_never_mixed() -> None:
    assert production.total("407").figure == Figure.exact(359_980)
    assert production.total("407", measure="exported").figure == Figure.exact(120_903)
    sold = production.by_year(measure=Measure.SOLD)
    assert sold["2024"].figure == Figure.at_least(23_000)  # the 3e and 6 are parts of it
    with pytest.raises(ValueError, match="unknown measure 'made'"):
        production.total("407", measure="made")


def test_claim_policies_on_a_conflict() -> None:
    # ref-48: "More than 15,300 Moskvich cars were sold"; seed-000: "over 40,000 units sold".
    preferred = production.by_year(measure="sold", claims="preferred")["2023"].figure
    maximum = production.by_year(measure="sold", claims="max")["2023"].figure
    envelope = production.by_year(measure="sold", claims="envelope")["2023"].figure
    assert preferred == Figure.at_least(15_300)
    assert maximum == Figure.at_least(40_000)
    assert envelope is not None and envelope.contains(preferred) and envelope.contains(maximum)


def test_default_eras_cover_the_history_without_overlap() -> None:
    assert DEFAULT_ERAS[0].name == "pre-war"
    for first, second in itertools.pairwise(DEFAULT_ERAS):
        assert not first.period.overlaps(second.period)
        assert first.period.latest().toordinal() + 1 == second.period.earliest().toordinal()


def test_strict_era_totals_report_spanning_figures() -> None:
    eras = production.totals_by_era(allocation="strict")
    assert eras["pre-war"].figure == Figure.approx(450)
    unallocated = {r.id for r in eras.unallocated.records}
    assert "moscow-millionth-vehicle-1967" in unallocated
    assert conserved(eras)


def test_proportional_era_totals_split_and_mark_approximate() -> None:
    eras = production.totals_by_era(allocation=Allocation.PROPORTIONAL)
    post_war = eras["post-war"].figure
    assert post_war is not None and post_war.approximate
    assert eras.unallocated.figure is None
    assert conserved(eras)


def test_overlapping_eras_are_rejected() -> None:
    eras = [Era("a", Period.parse("1940/1950")), Era("b", Period.parse("1950/1960"))]
    with pytest.raises(ValueError, match=r"eras 'a' .* and 'b' .* overlap"):
        production.totals_by_era(eras)


def test_unknown_row_lists_the_rows() -> None:
    with pytest.raises(KeyError, match="pre-war"):
        _ = production.totals_by_era()["prewar"]


policies = st.sampled_from(Claims)
allocations = st.sampled_from(Allocation)
measures = st.sampled_from(Measure)


@given(catalogs(max_records=14), allocations, policies, measures)
def test_era_totals_conserve_the_grand_total(
    catalog: Catalog, allocation: Allocation, claims: Claims, measure: Measure
) -> None:
    totals = production.totals_by_era(
        allocation=allocation, claims=claims, measure=measure, catalog=catalog
    )
    assert conserved(totals)
    assert [r.label for r in totals.rows] == [e.name for e in DEFAULT_ERAS]


@given(catalogs(max_records=14), allocations, measures)
def test_allocations_agree_on_the_grand_total(
    catalog: Catalog, allocation: Allocation, measure: Measure
) -> None:
    strict = production.totals_by_era(allocation="strict", measure=measure, catalog=catalog)
    other = production.totals_by_era(allocation=allocation, measure=measure, catalog=catalog)
    assert bounds(strict.grand_total.figure) == bounds(other.grand_total.figure)


@given(catalogs(max_records=14), measures)
def test_the_envelope_contains_every_single_claim(catalog: Catalog, measure: Measure) -> None:
    envelope = production.totals_by_era(claims="envelope", measure=measure, catalog=catalog)
    for policy in ("preferred", "min", "max"):
        single = production.totals_by_era(claims=policy, measure=measure, catalog=catalog)
        for wide, narrow in zip(envelope.rows, single.rows, strict=True):
            if narrow.figure is not None:
                assert wide.figure is not None and wide.figure.contains(narrow.figure)


@given(catalogs(max_records=14), measures)
def test_results_carry_their_records(catalog: Catalog, measure: Measure) -> None:
    by_era = production.totals_by_era(measure=measure, catalog=catalog)
    for row in (*by_era.rows, by_era.unallocated):
        assert (row.figure is None) == (not row.records)
        assert all(r.measure is measure for r in row.records)
