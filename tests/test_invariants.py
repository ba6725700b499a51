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
    """The laws of every production breakdown, for every measure and claims policy in use."""
    # Claims policies differ only where figures compete; measures only where figures exist.
    policies = list(Claims) if any(r.alternative_to for r in catalog.production) else []
    for measure in {r.measure for r in catalog.production}:
        for claims in policies or [Claims.PREFERRED]:
            check_production_laws(catalog, measure, claims)


def check_production_laws(catalog: Catalog, measure: moskvitch.Measure, claims: Claims) -> None:
    """The laws of every production breakdown (see the production guide)."""
    options = {"measure": measure, "claims": claims, "catalog": catalog}
    strict = production.totals_by_era(allocation="strict", **options)
    grand = strict.grand_total.figure
    breakdowns = {
        "era, strict": strict,
        "era, proportional": production.totals_by_era(allocation="proportional", **options),
        "year": production.by_year(**options),
        "model": production.by_model(**options),
        "plant": production.by_plant(**options),
    }
    for name, totals in breakdowns.items():
        # The grand total does not depend on the breakdown, exactness included.
        assert totals.grand_total.figure == grand, name
        assert totals.overruns == strict.overruns, name
        if not totals.overruns:  # parts add up to the whole where the data is consistent
            check_rows_add_up(totals, exactness=name != "era, proportional")
    # Each row equals the direct query for its label.
    for label, row in breakdowns["model"].items():
        assert production.total(label, **options) == row
    for label, row in breakdowns["plant"].items():
        assert production.total(label, **options) == row
    # Totals is a mapping of labels to rows, in row order.
    for totals in breakdowns.values():
        assert list(totals) == [row.label for row in totals.rows]
        assert all(label in totals and totals[label] is row for label, row in totals.items())
    for era, row in zip(DEFAULT_ERAS, strict.rows, strict=True):
        alone = production.totals_by_era([era], allocation="strict", **options)
        assert alone.rows[0].figure == row.figure


def check_rows_add_up(totals: production.Totals, *, exactness: bool) -> None:
    """Rows plus unallocated hold the grand total: always within their bounds, and exactly
    when the breakdowns taken out of the wider figures are exact."""
    parts = [r.figure for r in (*totals.rows, totals.unallocated) if r.figure is not None]
    added = sum(parts, Figure.exact(0)) if parts else None
    grand = totals.grand_total.figure
    assert (added is None) == (grand is None)
    if added is None or grand is None:
        return
    assert Figure(added.low, added.high).contains(Figure(grand.low, grand.high))
    everything = [p for row in (*totals.rows, totals.unallocated) for p in row.parts]
    counted = {p.record.id: p.figure for p in everything if p.kind is PartKind.WHOLE}
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


@given(catalogs(max_records=10), st.sampled_from(moskvitch.Measure), st.sampled_from(Claims))
def test_production_laws_on_generated_catalogs(
    catalog: Catalog, measure: moskvitch.Measure, claims: Claims
) -> None:
    check_production_laws(catalog, measure, claims)
