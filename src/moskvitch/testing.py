"""Hypothesis strategies for the value types of :mod:`moskvitch`.

Needs Hypothesis (``pip install "moskvitch[testing]"``); importing :mod:`moskvitch` itself never
imports it.

>>> from hypothesis import given
>>> from moskvitch.testing import partial_dates
>>> @given(partial_dates())
... def test_round_trip(date):
...     assert PartialDate.parse(str(date)) == date
>>> test_round_trip()
"""

from __future__ import annotations

import calendar
import random

from hypothesis import strategies as st

from .catalog import Catalog
from .dates import PartialDate, Period
from .figures import Figure
from .records import (
    BodyStyle,
    Citation,
    Claim,
    Dispute,
    Event,
    EventKind,
    Link,
    Measure,
    Model,
    ModelKind,
    Plant,
    PlantName,
    ProductionRecord,
    Relation,
    Source,
    Unit,
    Variant,
)

__all__ = ["catalogs", "figures", "partial_dates", "periods", "synthetic_catalog"]


@st.composite
def partial_dates(draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100) -> PartialDate:
    """Valid partial dates of every precision between two years, inclusive.

    :param min_year: the earliest year.
    :param max_year: the latest year.
    :returns: a strategy of :class:`~moskvitch.PartialDate`.
    """
    year = draw(st.integers(min_year, max_year))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year)
    last = calendar.monthrange(year, month)[1]
    day = draw(st.none() | st.integers(1, last))
    return PartialDate(year, month, day)


@st.composite
def periods(
    draw: st.DrawFn, *, min_year: int = 1900, max_year: int = 2100, open_ends: bool = True
) -> Period:
    """Valid periods between two years, possibly open at either end.

    :param min_year: the earliest year of either end.
    :param max_year: the latest year of either end.
    :param open_ends: whether an end may be open (``None``).
    :returns: a strategy of :class:`~moskvitch.Period`.
    """
    ends = partial_dates(min_year=min_year, max_year=max_year)
    first, second = draw(ends), draw(ends)
    if second.latest() < first.earliest():
        first, second = second, first
    start = None if open_ends and draw(st.booleans()) and draw(st.booleans()) else first
    end = None if open_ends and draw(st.booleans()) and draw(st.booleans()) else second
    return Period(start, end)


@st.composite
def figures(draw: st.DrawFn, *, max_value: int = 10_000_000) -> Figure:
    """Valid figures of every kind: exact, approximate, lower and upper bounds, ranges.

    :param max_value: the largest bound drawn.
    :returns: a strategy of :class:`~moskvitch.Figure`.
    """
    low = draw(st.integers(0, max_value))
    kind = draw(st.sampled_from(["exact", "approx", "at_least", "at_most", "between"]))
    if kind == "exact":
        return Figure.exact(low)
    if kind == "approx":
        return Figure.approx(low)
    if kind == "at_least":
        return Figure.at_least(low)
    if kind == "at_most":
        return Figure.at_most(low)
    return Figure.between(low, draw(st.integers(low, max_value)))


def _cite(draw: st.DrawFn, sources: list[Source]) -> tuple[Citation, ...]:
    return (Citation(source=draw(st.sampled_from(sources)).id, quote=draw(st.none() | _quotes)),)


_quotes = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20)


@st.composite
def catalogs(
    draw: st.DrawFn,
    *,
    min_models: int = 0,
    max_models: int = 8,
    max_variants: int = 4,
    max_plants: int = 3,
    max_events: int = 6,
    max_records: int = 10,
    max_disputes: int = 2,
) -> Catalog:
    """Internally consistent catalogs: unique ids, resolvable references, acyclic lineage.

    Lineage links only point at models generated earlier, so the graph is acyclic; competing
    production figures share measure and unit with the preferred figure they name.

    :param min_models: the fewest models.
    :param max_models: the most models.
    :param max_variants: the most variants.
    :param max_plants: the most plants (at least one is always made).
    :param max_events: the most events.
    :param max_records: the most production records.
    :param max_disputes: the most disputes.
    :returns: a strategy of :class:`~moskvitch.Catalog`.
    """
    sources = [
        Source(id=f"source-{i}", title=f"Source {i}", date=draw(st.none() | partial_dates()))
        for i in range(draw(st.integers(1, 3)))
    ]
    plants = [
        Plant(
            id=f"plant-{i}",
            name=f"Plant {i}",
            city=f"City {i}",
            country="Country",
            names=(
                PlantName(
                    name=f"Works {i}",
                    period=draw(periods(open_ends=False)),
                    citations=_cite(draw, sources),
                ),
            ),
            citations=_cite(draw, sources),
        )
        for i in range(draw(st.integers(1, max(1, max_plants))))
    ]
    models: list[Model] = []
    for i in range(draw(st.integers(min_models, max_models))):
        earlier = st.sampled_from(models) if models else st.nothing()
        targets = draw(st.lists(earlier, max_size=2, unique_by=lambda m: m.id)) if models else []
        models.append(
            Model(
                id=f"model-{i}",
                name=f"Model {i}",
                aliases=(f"Модель {i}",) if draw(st.booleans()) else (),
                make=draw(st.sampled_from(["Moskvich", "KIM", "Opel"])),
                kind=draw(st.sampled_from(ModelKind)),
                body_style=draw(st.none() | st.sampled_from(BodyStyle)),
                production=draw(st.none() | periods()),
                plants=tuple(
                    p.id
                    for p in draw(
                        st.lists(st.sampled_from(plants), max_size=2, unique_by=lambda p: p.id)
                    )
                ),
                lineage=tuple(
                    Link(target=t.id, relation=draw(st.sampled_from(Relation))) for t in targets
                ),
                citations=_cite(draw, sources),
            )
        )
    variants = (
        [
            Variant(
                id=f"variant-{i}",
                model=draw(st.sampled_from(models)).id,
                name=f"Variant {i}",
                production=draw(st.none() | periods()),
                citations=_cite(draw, sources),
            )
            for i in range(draw(st.integers(0, max_variants)))
        ]
        if models
        else []
    )
    subjects = [*(m.id for m in models), *(v.id for v in variants), *(p.id for p in plants)]
    events = [
        Event(
            id=f"event-{i}",
            date=draw(partial_dates()),
            kind=draw(st.sampled_from(EventKind)),
            summary=f"Event {i}",
            subjects=(draw(st.sampled_from(subjects)),),
            citations=_cite(draw, sources),
        )
        for i in range(draw(st.integers(0, max_events)))
    ]
    production: list[ProductionRecord] = []
    for i in range(draw(st.integers(0, max_records))):
        preferred = [r for r in production if r.preferred]
        rival = draw(st.none() | st.sampled_from(preferred)) if preferred else None
        measure = rival.measure if rival else draw(st.sampled_from(Measure))
        production.append(
            ProductionRecord(
                id=f"record-{i}",
                subject=rival.subject if rival else draw(st.sampled_from(subjects)),
                period=rival.period if rival else draw(periods(open_ends=False)),
                figure=draw(figures(max_value=1_000_000)),
                measure=measure,
                unit=rival.unit
                if rival
                else draw(st.sampled_from(Unit).filter(lambda u: u is not Unit.PERCENT)),
                alternative_to=rival.id if rival else None,
                note=f"Record {i}",
                citations=_cite(draw, sources),
            )
        )
    disputes = [
        Dispute(
            id=f"dispute-{i}",
            subject=draw(st.sampled_from(subjects)),
            topic="a value",
            claims=tuple(
                Claim(
                    value=f"claim {k}",
                    preferred=k == 0,
                    note="reason" if k == 0 else None,
                    citations=_cite(draw, sources),
                )
                for k in range(draw(st.integers(2, 3)))
            ),
        )
        for i in range(draw(st.integers(0, max_disputes)))
    ]
    return Catalog(
        sources=sources,
        plants=plants,
        models=models,
        variants=variants,
        events=events,
        production=production,
        disputes=disputes,
    )


def synthetic_catalog(models: int, *, seed: int = 0) -> Catalog:
    """A large, valid catalog made without Hypothesis, for benchmarks and scaling tests.

    Each model links to up to two of the 50 models before it, has a production figure for one
    year, and one in four has a variant; there are ten plants and one event per model.

    :param models: how many models.
    :param seed: the random seed; the same seed gives the same catalog.
    :returns: the catalog.
    """
    rng = random.Random(seed)
    source = Source(id="synthetic", title="Synthetic data")
    cite = (Citation(source="synthetic"),)
    plants = [
        Plant(id=f"plant-{i}", name=f"Plant {i}", city="City", country="Country", citations=cite)
        for i in range(10)
    ]
    model_list = []
    for i in range(models):
        parents = rng.sample(range(max(0, i - 50), i), k=min(i, rng.randint(0, 2)))
        model_list.append(
            Model(
                id=f"model-{i}",
                name=f"Model {i}",
                aliases=(f"M-{i}",),
                make="Moskvich",
                kind=ModelKind.PRODUCTION,
                production=Period.year(1946 + i % 79),
                plants=(f"plant-{i % 10}",),
                lineage=tuple(
                    Link(target=f"model-{j}", relation=rng.choice(list(Relation))) for j in parents
                ),
                citations=cite,
            )
        )
    variants = [
        Variant(id=f"variant-{i}", model=f"model-{i}", name=f"Variant {i}", citations=cite)
        for i in range(0, models, 4)
    ]
    events = [
        Event(
            id=f"event-{i}",
            date=PartialDate(1946 + i % 79, rng.randint(1, 12)),
            kind=EventKind.PRODUCTION_START,
            summary=f"Model {i} enters production",
            subjects=(f"model-{i}",),
            citations=cite,
        )
        for i in range(models)
    ]
    production = [
        ProductionRecord(
            id=f"record-{i}",
            subject=f"model-{i}",
            period=Period.year(1946 + i % 79),
            figure=Figure.exact(rng.randint(100, 100_000)),
            measure=Measure.BUILT,
            citations=cite,
        )
        for i in range(models)
    ]
    return Catalog(
        sources=[source],
        plants=plants,
        models=model_list,
        variants=variants,
        events=events,
        production=production,
    )
