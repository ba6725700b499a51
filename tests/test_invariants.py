"""Laws every catalog obeys, checked on generated catalogs and on the shipped data alike."""

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, Figure, NoPathError, lineage, production
from moskvitch.production import DEFAULT_ERAS, Claims, PartKind
from moskvitch.search import search
from moskvitch.serialization import from_json, to_json
from moskvitch.testing import catalogs


def check_round_trip(catalog: Catalog) -> None:
    again = from_json(to_json(catalog))
    assert again == catalog
    assert to_json(again) == to_json(catalog)


def check_lineage(catalog: Catalog) -> None:
    for model in catalog.models:
        up = lineage.ancestors(model, catalog=catalog)
        down = lineage.descendants(model, catalog=catalog)
        assert model not in up
        assert model not in down
        assert not set(up) & set(down)  # lineage is acyclic
        for parent in lineage.predecessors(model, catalog=catalog):
            assert parent in up
            assert model in lineage.successors(parent, catalog=catalog)
        for other in catalog.models[:5]:
            try:
                chain = lineage.path(model, other, catalog=catalog)
            except NoPathError:
                assert other not in up
                assert other not in down
                assert other != model
            else:
                assert chain[0] == model
                assert chain[-1] == other


def check_production(catalog: Catalog) -> None:
    """The laws of every production breakdown, for every measure, claims policy, make option
    and kind in use."""
    # Claims policies differ only where figures compete; measures only where figures exist.
    policies = list(Claims) if any(r.alternative_to for r in catalog.production) else []
    for measure in {r.measure for r in catalog.production}:
        kinds = {r.kind for r in catalog.production if r.measure is measure} - {None}
        for claims in policies or [Claims.PREFERRED]:
            check_production_laws(catalog, measure, claims)
            check_production_laws(catalog, measure, claims, make="all")
            for kind in kinds:
                check_production_laws(catalog, measure, claims, kind=kind)


def check_production_laws(
    catalog: Catalog,
    measure: moskvitch.Measure,
    claims: Claims,
    *,
    make: str | None = None,
    kind: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> None:
    """The laws of every production breakdown (see the production guide)."""
    options = {
        "measure": measure,
        "claims": claims,
        "catalog": catalog,
        "make": make,
        "kind": kind,
        "start": start,
        "end": end,
    }
    strict = production.totals_by_era(allocation="strict", **options)
    proportional = production.totals_by_era(allocation="proportional", **options)
    grand = strict.grand_total.figure
    breakdowns = {
        "era, strict": strict,
        "era, proportional": proportional,
        "year": production.by_year(**options),
        "model": production.by_model(**options),
        "plant": production.by_plant(**options),
    }
    for name, totals in breakdowns.items():
        # The grand total does not depend on the breakdown, exactness included.
        assert totals.grand_total.figure == grand, name
        assert totals.overruns == strict.overruns, name
        assert totals.other_makes == strict.other_makes, name
        if not totals.overruns:  # parts add up to the whole where the data is consistent
            check_rows_add_up(totals, exactness=name != "era, proportional")
        for row in totals.rows:
            check_honest_row(row)
        if totals.grand_total.unlike:  # figures of different kinds are listed, not added
            assert (
                grand is None
                and totals.rows == ()
                and len({p.record.kind for p in totals.grand_total.unlike}) > 1
            )
    # Under proportional allocation every era's share lies inside its strict interval.
    for strict_row, share_row in zip(strict.rows, proportional.rows, strict=True):
        assert strict_row.label == share_row.label
        if share_row.figure is not None:
            assert strict_row.figure is not None
            assert strict_row.figure.contains(share_row.figure), strict_row.label
    # Each row holds what the direct query for its label gives.
    for label, row in [*breakdowns["model"].items(), *breakdowns["plant"].items()]:
        direct = production.total(label, **{**options, "make": make if make != "all" else None})
        assert direct.figure == row.inside, label
        assert direct.parts == row.parts, label
    # Other makes are lines of their own: each is that make's grand total, left out of the rows.
    for line in strict.other_makes:
        alone = production.totals_by_era(allocation="strict", **{**options, "make": line.label})
        assert alone.grand_total.figure == line.figure
        assert not {r.id for r in line.records} & {r.id for r in strict.grand_total.records}
    # Totals is a mapping of labels to rows, in row order.
    for totals in breakdowns.values():
        assert list(totals) == [row.label for row in totals.rows]
        assert all(label in totals and totals[label] is row for label, row in totals.items())
    for era, row in zip(DEFAULT_ERAS, strict.rows or [None] * len(DEFAULT_ERAS), strict=True):
        if row is None:  # figures of different kinds: no rows
            continue
        alone = production.totals_by_era([era], allocation="strict", **options)
        assert alone.rows[0].inside == row.inside


def check_honest_row(row: production.Total) -> None:
    """A row is an interval: from what lies wholly inside it up to that plus the most each
    overlapping unallocated figure may hold; overlapped, it never reads as exact."""
    inside = row.inside
    assert (row.figure is None) == (inside is None and not row.overlapping)
    if row.figure is None:
        return
    low = 0 if inside is None else inside.low
    assert row.figure.low == low
    if inside is not None:
        assert row.figure.contains(Figure(inside.low, inside.high))
    highs = [p.figure.high for p in row.overlapping]
    inside_high = 0 if inside is None else inside.high
    if inside_high is None or None in highs:
        assert row.figure.high is None
    else:
        assert row.figure.high == inside_high + sum(h for h in highs if h is not None)
    if any(h is None or h > 0 for h in highs):
        assert not row.figure.is_exact


def check_rows_add_up(totals: production.Totals, *, exactness: bool) -> None:
    """Rows (what lies wholly inside each) plus unallocated hold the grand total: always within
    their bounds, and exactly when the breakdowns taken out of the wider figures are exact."""
    parts = [r.inside for r in (*totals.rows, totals.unallocated) if r.inside is not None]
    added = sum(parts, Figure.exact(0)) if parts else None
    grand = totals.grand_total.figure
    assert (added is None) == (grand is None)
    if added is None or grand is None:
        return
    assert Figure(added.low, added.high).contains(Figure(grand.low, grand.high))
    everything = [p for row in (*totals.rows, totals.unallocated) for p in row.parts]
    counted = {
        p.record.id: p.figure for p in everything if p.kind in (PartKind.WHOLE, PartKind.PARTIAL)
    }
    taken = [counted[i] for p in everything for i in p.less]
    if all(f.low == f.high for f in taken):
        assert _bounds(added) == _bounds(grand)
        if exactness and not any(f.approximate for f in taken):
            assert added.approximate == grand.approximate


def _bounds(figure: Figure | None) -> tuple[int, int | None]:
    return (0, 0) if figure is None else (figure.low, figure.high)


def check_search(catalog: Catalog) -> None:
    for record in [*catalog.models[:5], *catalog.plants[:3]]:
        hits = search(record.name, catalog=catalog)
        assert hits
        assert hits[0].score == 1.0
        assert record in [hit.record for hit in hits if hit.score == 1.0]
    for event in catalog.events[:5]:
        assert event in catalog.events_between(event.date, event.date)
        for subject in event.subjects:
            assert event in catalog.timeline(subject)


def check_lookups(catalog: Catalog) -> None:
    for model in catalog.models:
        for name in model.names:
            assert catalog.model(name) == model
    for variant in catalog.variants:
        assert catalog.variant(variant.name) == variant
        assert variant in catalog.variants_of(variant.model)


def check_disputes_and_facts(catalog: Catalog) -> None:
    for dispute in catalog.conflicts():
        preferred = [c for c in dispute.claims if c.preferred]
        assert len(preferred) <= 1
        assert dispute.decided == bool(preferred)
        assert dispute.preferred_claim == (preferred[0] if preferred else None)
        assert all(c.note for c in preferred)
    for fact in catalog.facts:
        assert fact in catalog.facts_of(fact.subject)
        assert fact.figure is not None or fact.text


CHECKS: list[Callable[[Catalog], None]] = [
    check_round_trip,
    check_lineage,
    check_production,
    check_search,
    check_lookups,
    check_disputes_and_facts,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_shipped_data(check: Callable[[Catalog], None]) -> None:
    check(moskvitch.load())


@pytest.mark.parametrize(
    "check", [c for c in CHECKS if c is not check_production], ids=lambda c: c.__name__
)
@given(data=st.data())
def test_generated_catalogs(check: Callable[[Catalog], None], data: st.DataObject) -> None:
    check(data.draw(catalogs()))


@given(
    catalogs(max_records=10),
    st.sampled_from(moskvitch.Measure),
    st.sampled_from(Claims),
    st.sampled_from([None, "all", "brand"]),
)
def test_production_laws_on_generated_catalogs(
    catalog: Catalog, measure: moskvitch.Measure, claims: Claims, make: str | None
) -> None:
    check_production_laws(catalog, measure, claims, make=make)


@given(
    catalogs(max_records=10),
    st.sampled_from(moskvitch.Measure),
    st.integers(1930, 2030),
    st.integers(0, 30),
)
def test_production_laws_hold_in_windows(
    catalog: Catalog, measure: moskvitch.Measure, start: int, length: int
) -> None:
    check_production_laws(catalog, measure, Claims.PREFERRED, start=start, end=start + length)


@given(catalogs(max_records=10), st.integers(1930, 2030), st.integers(0, 30))
def test_a_window_never_comes_back_silently_empty(
    catalog: Catalog, start: int, length: int
) -> None:
    """Every figure that overlaps a window counts in it: whole if inside it, in part (from 0,
    up to its figure) if it reaches outside; only a window no figure meets is empty."""
    window = moskvitch.Period.parse(f"{start}/{start + length}")
    options = {"catalog": catalog, "make": "all", "start": start, "end": start + length}
    totals = production.totals_by_era(**options)
    meeting = [
        r
        for r in catalog.production
        if r.measure is moskvitch.Measure.BUILT
        and r.unit is moskvitch.Unit.VEHICLES
        and r.preferred
        and r.period.overlaps(window)
    ]
    lines = [totals.grand_total, *totals.other_makes]
    assert bool(meeting) == any(line.parts for line in lines)
    everything = production.totals_by_era(catalog=catalog, make="all")
    for line in lines:
        for part in line.parts:
            if part.kind is PartKind.PARTIAL:
                assert part.figure.high == part.record.figure.high
                assert not _within(part.record.period, window)
            else:
                assert _within(part.record.period, window)
    wholes = [everything.grand_total, *everything.other_makes]
    for windowed in lines:
        # The window never holds more than the whole.
        (whole,) = [line for line in wholes if line.label == windowed.label]
        if windowed.figure is not None and whole.figure and whole.figure.high is not None:
            assert windowed.figure.high is not None
            assert windowed.figure.high <= whole.figure.high


def _within(inner: moskvitch.Period, outer: moskvitch.Period) -> bool:
    return outer.earliest() <= inner.earliest() and inner.latest() <= outer.latest()
