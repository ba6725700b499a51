"""Production totals on the shipped data (facts) and on generated catalogs (laws)."""

import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from moskvitch import (
    Catalog,
    Citation,
    Figure,
    Measure,
    Model,
    ModelKind,
    Period,
    ProductionRecord,
    Source,
    production,
)
from moskvitch.errors import InvalidOptionError
from moskvitch.production import DEFAULT_ERAS, Allocation, Claims, Era, PartKind, Totals
from moskvitch.testing import catalogs


def bounds(figure: Figure | None) -> tuple[int, int | None]:
    return (0, 0) if figure is None else (figure.low, figure.high)


def conserved(totals: Totals) -> bool:
    parts = [r.figure for r in (*totals.rows, totals.unallocated) if r.figure is not None]
    added = sum(parts, Figure.exact(0))
    whole = totals.grand_total.figure
    if not parts or whole is None:
        return not parts and whole is None
    # Remainders of round (interval) figures are honest intervals, so the rows may be wider
    # than the whole; they always contain it, and equal it when every figure is exact.
    return added.contains(whole) and (bounds(added) == bounds(whole) or not whole.is_exact)


def test_the_400_series_total_is_not_double_counted() -> None:
    result = production.total("Moskvich-400")
    # seed-000: "with 247,439 units built between 1946 and 1956" (the yearly figures and the
    # cabriolets are breakdowns of it).
    assert result.figure == Figure.exact(247_439)
    assert [r.id for r in result.records] == ["moskvich-400-series-built-1946-1956"]


def test_yearly_output_of_the_400() -> None:
    years = production.by_year("400")
    assert [(r.label, r.figure) for r in years.values()] == [
        ("1947", Figure.exact(1501)),
        ("1948", Figure.exact(4808)),
        ("1949", Figure.exact(19906)),
    ]


def test_measures_are_never_mixed() -> None:
    assert production.total("407").figure == Figure.parse("359,980")
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
        assert (row.inside is None) == (not row.records)
        assert all(r.measure is measure for r in row.records)


def test_the_post_war_era_holds_the_400_series_and_the_407() -> None:
    eras = production.totals_by_era()
    post_war = eras["post-war"]
    # seed-000: "247,439 units built between 1946 and 1956"; the 407's 359,980 (1958-1963).
    assert post_war.inside == Figure.exact(247_439) + Figure.parse("359,980")
    # The millionth vehicle's remainder overlaps the era: the row is a range, never exact.
    assert post_war.figure is not None and post_war.figure.kind != "exact"
    assert post_war.figure.low == post_war.inside.low
    assert post_war.figure.high is not None and post_war.figure.high > post_war.inside.high
    assert {p.record.id: p.kind for p in post_war.parts} == {
        "moskvich-400-series-built-1946-1956": PartKind.WHOLE,
        "moskvich-407-built-1958-1963": PartKind.WHOLE,
    }
    # The millionth vehicle (1946-12-04 to 1967-05-18) spans two eras: only what it holds
    # beyond its breakdowns is unallocated.
    (millionth,) = [p for p in eras.unallocated.parts if p.kind is PartKind.REMAINDER]
    assert millionth.record.id == "moscow-millionth-vehicle-1967"
    # "359,980" is a round number (359,975 to 359,985), so the remainder is an interval.
    assert millionth.figure == Figure.between(
        1_000_000 - 247_439 - 359_985, 1_000_000 - 247_439 - 359_975
    )
    assert set(millionth.less) == {
        "moskvich-400-series-built-1946-1956",
        "moskvich-407-built-1958-1963",
    }
    assert eras.overruns == ()


def test_by_model_has_rows_for_models_inside_plant_figures() -> None:
    models = production.by_model()
    assert models["moskvich-400"].figure == Figure.exact(247_439)
    assert models["moskvich-407"].figure == Figure.parse("359,980")
    assert models["moskvich-400"] == production.total("400")


def test_part_year_figures_are_marked_partial() -> None:
    years = production.by_year()
    assert not years["1947"].partial
    # ref-48: "sold in Russia from the sales start last March": March to December 2023 only.
    assert production.by_year(measure=Measure.SOLD)["2023"].partial
    # seed-000's "around 600 vehicles in December 2022" is the plan every other source gives, not
    # output: no vehicles are counted as built in 2022.
    assert "2022" not in years
    planned = production.by_year(measure=Measure.PLANNED, kind="output")
    assert planned["2022"].figure == Figure.approx(600)


def _catalog_with(*records: ProductionRecord) -> Catalog:
    cite = (Citation(source="s"),)
    model = Model(id="m", name="M", make="Moskvich", kind=ModelKind.PRODUCTION, citations=cite)
    return Catalog(
        sources=[Source(id="s", title="S")],
        models=[model],
        production=[attrs.evolve(r, citations=cite) for r in records],
    )


def _record(record_id: str, period: str, figure: str) -> ProductionRecord:
    return ProductionRecord(
        id=record_id,
        subject="m",
        period=Period.parse(period),
        figure=Figure.parse(figure),
        measure=Measure.BUILT,
    )


def test_a_figure_that_is_not_split_stays_exact() -> None:
    catalog = _catalog_with(_record("early", "1925", "=1000"))
    for allocation in Allocation:
        totals = production.totals_by_era(allocation=allocation, catalog=catalog)
        assert totals.unallocated.figure == Figure.exact(1000)
        assert totals.grand_total.figure == Figure.exact(1000)


def test_breakdowns_beyond_their_whole_are_reported() -> None:
    catalog = _catalog_with(
        _record("series", "1950/1960", "=1000"),
        _record("year-1", "1951", "=800"),
        _record("year-2", "1952", "=700"),
    )
    totals = production.by_year(catalog=catalog)
    (overrun,) = totals.overruns
    assert overrun.record.id == "series"
    assert overrun.breakdown_total == Figure.exact(1500)
    assert "more than its =1,000" in str(overrun)
    # No negative remainder: the series counts for nothing beyond its years.
    assert totals.unallocated.figure == Figure.exact(0)


def test_remainders_are_honest_intervals() -> None:
    catalog = _catalog_with(
        _record("series", "1950/1960", "=1000"),
        _record("year", "1951", "100-300"),
    )
    totals = production.by_year(catalog=catalog)
    assert totals["1951"].figure == Figure.between(100, 300)
    assert totals.unallocated.figure == Figure.between(700, 900)
    assert totals.grand_total.figure == Figure.exact(1000)


# -- issue 21: make, honest rows, windows, like with like ------------------------------------


def test_brand_totals_leave_the_renault_cars_out() -> None:
    eras = production.totals_by_era()
    assert eras.makes == ("Moskvich", "KIM")
    ids = {r.id for r in eras.grand_total.records}
    assert not any("renault" in record_id for record_id in ids)
    assert eras.grand_total.figure == Figure(3_116_450, None, approximate=True)
    assert eras.other_makes == ()


def test_other_makes_go_on_a_line_of_their_own() -> None:
    brand = production.totals_by_era()
    everything = production.totals_by_era(make="all")
    assert everything.rows == brand.rows
    assert everything.grand_total == brand.grand_total
    (renault,) = everything.other_makes
    assert renault.label == "Renault"
    # ref-34: "It has since built 1.2m cars": 1.2 million, as precise as written.
    assert renault.figure == Figure.parse("1.2 million")
    only = production.totals_by_era(make="renault")
    assert only.makes == ("Renault",) and only.grand_total.figure == renault.figure


def test_an_unknown_make_is_refused_with_the_known_ones() -> None:
    with pytest.raises(InvalidOptionError, match="'Renault'"):
        production.totals_by_era(make="Lada")


def test_a_model_of_another_make_counts_its_own_figures() -> None:
    # A model's figures are all of its make: total() of any model counts them by default.
    assert production.total("2141").figure == Figure.at_least(716_000)


def test_proportional_allocation_puts_no_2141_into_renault_cars() -> None:
    eras = production.totals_by_era(allocation="proportional")
    assert "Renault" not in eras
    dormant = eras["dormant"]
    # Only the 2141's share of 2002 (its figure runs 'until 2002'); no Renault record.
    assert {p.record.id for p in dormant.parts} == {"moskvich-2141-built-1986-2002"}


def test_every_era_row_shows_what_overlaps_it() -> None:
    eras = production.totals_by_era()
    decline = eras["post-Soviet decline"]
    # The 2141's 1986-2002 figure overlaps the 1990s: the row is not "nothing built".
    assert decline.figure == Figure.at_least(0)
    assert [p.record.id for p in decline.overlapping] == ["moskvich-2141-built-1986-2002"]
    assert eras["war"].figure is None and eras["war"].overlapping == ()
    assert {p.record.id for p in eras["expansion"].overlapping} == {
        "moscow-millionth-vehicle-1967",
        "moskvich-2141-built-1986-2002",
    }


def test_proportional_shares_lie_inside_the_strict_intervals() -> None:
    strict = production.totals_by_era(allocation="strict")
    shared = production.totals_by_era(allocation="proportional")
    for row in shared.rows:
        if row.figure is not None:
            interval = strict[row.label].figure
            assert interval is not None and interval.contains(row.figure), row.label


def test_a_year_covered_by_its_own_figure_is_not_widened() -> None:
    years = production.by_year(make="Renault")
    # seed-000: "69,000 vehicles in 2007": the 2005-2019 remainder holds none of 2007's cars.
    assert years["2007"].figure == Figure.parse("69,000")
    assert years["2007"].overlapping == ()


def test_model_rows_are_labelled_and_widened_only_where_the_model_is_not_covered() -> None:
    models = production.by_model()
    # The 400 series figure covers the 400's whole production span: exact.
    assert models["moskvich-400"].figure == Figure.exact(247_439)
    # The 401 has no figure of its own; the millionth vehicle's remainder may hold it.
    assert models["moskvich-401"].figure == Figure.at_most(392_586)


def test_a_window_keeps_a_figure_that_overlaps_it_in_part() -> None:
    row = production.total("412", start=1967, end=1976)
    (part,) = row.parts
    assert part.kind is PartKind.PARTIAL
    assert str(part.record.period) == "1967/1982"
    assert row.figure == Figure.at_least(0)
    assert row.records == (part.record,)


def test_a_partial_figure_counts_at_least_its_breakdowns_in_the_window() -> None:
    # The 400 series (1946-12-04/1956, 247,439) reaches outside 1948-1949; its 1948 and 1949
    # figures lie inside: the window holds 4,808 + 19,906 up to the whole series.
    row = production.total("400", start=1948, end=1949)
    assert row.figure == Figure.between(4_808 + 19_906, 247_439)
    assert [p.kind for p in row.parts] == [PartKind.PARTIAL]


def test_plans_of_different_kinds_are_listed_not_added() -> None:
    eras = production.totals_by_era(measure="planned")
    assert eras.grand_total.figure is None and eras.rows == ()
    kinds = {p.record.kind for p in eras.grand_total.unlike}
    assert kinds == {"output", "export shipment"}
    output = production.totals_by_era(measure="planned", kind="output")
    # ref-44: "about 600 cars this year ... and 50,000 cars in 2023".
    assert output.grand_total.figure == Figure(50_600, 50_600, approximate=True)
    shipment = production.totals_by_era(measure="planned", kind="export shipment")
    # ref-80: "sending 50 vehicles, 25 ... Moskvitch 3 ... and another 25 Moskvitch 3e".
    assert shipment.grand_total.figure == Figure.exact(50)
