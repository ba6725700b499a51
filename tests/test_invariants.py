"""Laws every catalog obeys, checked on generated catalogs and on the shipped data alike."""

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, Figure, NoPathError, lineage, production
from moskvitch.production import Allocation, Claims
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
    for measure in moskvitch.Measure:
        grand = None
        for allocation in Allocation:
            for claims in Claims:
                totals = production.totals_by_era(
                    measure=measure, allocation=allocation, claims=claims, catalog=catalog
                )
                parts = [r.figure for r in (*totals.rows, totals.unallocated) if r.figure]
                added = sum(parts, Figure.exact(0)) if parts else None
                assert _bounds(added) == _bounds(totals.grand_total.figure)
                for row in totals.rows:
                    figure = row.figure
                    assert figure is None or figure.high is None or figure.low <= figure.high
                if claims is Claims.PREFERRED:
                    if grand is not None:
                        assert _bounds(grand) == _bounds(totals.grand_total.figure)
                    grand = totals.grand_total.figure


def _bounds(figure: Figure | None) -> tuple[int, int | None]:
    return (0, 0) if figure is None else (figure.low, figure.high)


def check_search(catalog: Catalog) -> None:
    for record in [*catalog.models[:5], *catalog.plants[:3]]:
        hits = catalog.search(record.name)
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


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
@given(data=st.data())
def test_generated_catalogs(check: Callable[[Catalog], None], data: st.DataObject) -> None:
    check(data.draw(catalogs()))
