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
import datetime
import itertools
import random
from collections.abc import Callable, Sequence
from typing import Any

import attrs

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as error:  # pragma: no cover - tested in a subprocess
    if error.name != "hypothesis":
        raise
    raise ModuleNotFoundError(
        "moskvitch.testing needs Hypothesis: install it with pip install 'moskvitch[testing]'",
        name="hypothesis",
    ) from None

from .catalog import Catalog
from .dates import PartialDate, Period
from .figures import Figure
from .records import (
    BodyStyle,
    Citation,
    Claim,
    Dispute,
    Engine,
    Event,
    EventKind,
    Fact,
    FactKind,
    Fuel,
    Layout,
    Link,
    Measure,
    Model,
    ModelKind,
    Ownership,
    Plant,
    PlantName,
    ProductionRecord,
    Relation,
    Role,
    Source,
    SourceKind,
    Unit,
    Variant,
)

__all__ = [
    "catalogs",
    "citations",
    "claims",
    "disputes",
    "engines",
    "events",
    "facts",
    "figures",
    "links",
    "models",
    "ownerships",
    "partial_dates",
    "periods",
    "plant_names",
    "plants",
    "production_records",
    "sources",
    "strategy_for",
    "synthetic_catalog",
    "variants",
]


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
    """Valid figures of every kind: exact, approximate, lower and upper bounds, ranges and
    round numbers (``216,000``: 215,500 to 216,500), all with whole-number bounds.

    :param max_value: the largest bound drawn.
    :returns: a strategy of :class:`~moskvitch.Figure`.
    """
    low = draw(st.integers(0, max_value))
    kind = draw(st.sampled_from(["exact", "approx", "at_least", "at_most", "between", "round"]))
    if kind == "round" and max_value >= 15:
        # The largest step whose first round number still fits: 1.5 steps up to max_value.
        steps = [10**k for k in range(1, len(str(max_value)) + 1) if 3 * 10**k <= 2 * max_value]
        step = draw(st.sampled_from(steps))
        middle = step * draw(st.integers(1, (max_value - step // 2) // step))
        scale = draw(st.sampled_from([None, "thousand", "million"]))
        return Figure(middle - step // 2, middle + step // 2, rounded=True, scale=scale)
    if kind == "round":
        kind = "exact"
    if kind == "exact":
        return Figure.exact(low)
    if kind == "approx":
        return Figure.approx(low)
    if kind == "at_least":
        return Figure.at_least(low)
    if kind == "at_most":
        return Figure.at_most(low)
    return Figure.between(low, draw(st.integers(low, max_value)))


def _positive(low: int, high: int) -> st.SearchStrategy[Figure]:
    """Figures of a specification: exact, approximate, bounded or a range, never zero."""
    return figures(max_value=high).filter(lambda f: f.low >= low or (f.high or 0) >= low)


_INFERENCES = st.none() | st.just("the curators' inference: the source gives no date")

_IDS = st.from_regex(r"[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
# Latin, Cyrillic, digits and punctuation: enough variety for names and quotes, cheap to draw.
_TEXT = st.text(
    "abcdefghijklmnopqrstuvwxyz ABCKMZ Москвичалеко-0123456789.,'«»ё", min_size=1, max_size=12
).filter(str.strip)


def _ids(ids: Sequence[str] | None) -> st.SearchStrategy[str]:
    return _IDS if ids is None else st.sampled_from(list(ids))


@st.composite
def citations(draw: st.DrawFn, *, source_ids: Sequence[str] = ("source-0",)) -> Citation:
    """Citations of one of ``source_ids``, with or without a quote.

    :param source_ids: the ids a citation may point at.
    :returns: a strategy of :class:`~moskvitch.Citation`.
    """
    return Citation(
        source=draw(st.sampled_from(list(source_ids))),
        quote=draw(st.none() | _TEXT),
        locator=draw(st.none() | st.just("p. 1")),
    )


def _cited(source_ids: Sequence[str]) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.tuples(citations(source_ids=source_ids))


@st.composite
def sources(draw: st.DrawFn, *, ids: Sequence[str] | None = None) -> Source:
    """Sources of every kind with a title and, sometimes, a publisher, date and address (with
    the day it was read and where it was found).

    :param ids: the ids to choose from; any slug when ``None``.
    :returns: a strategy of :class:`~moskvitch.Source`.
    """
    url = draw(st.none() | st.just("https://example.org/page"))
    return Source(
        id=draw(_ids(ids)),
        title=draw(_TEXT),
        kind=draw(st.sampled_from(SourceKind)),
        seed=draw(st.booleans()),
        publisher=draw(st.none() | _TEXT),
        date=draw(st.none() | partial_dates()),
        url=url,
        accessed=None if url is None else draw(st.none() | partial_dates()),
        found_in=None if url is None else draw(st.none() | _TEXT),
        description=draw(st.none() | _TEXT),
    )


@st.composite
def engines(
    draw: st.DrawFn, *, ids: Sequence[str] | None = None, source_ids: Sequence[str] = ("source-0",)
) -> Engine:
    """Engines with plausible, positive specifications.

    :param ids: the ids to choose from; any slug when ``None``.
    :param source_ids: the sources they may cite.
    :returns: a strategy of :class:`~moskvitch.Engine`.
    """
    return Engine(
        id=draw(_ids(ids)),
        designation=draw(_TEXT),
        displacement=draw(st.none() | _positive(500, 3000)),
        power=draw(st.none() | _positive(10, 300)),
        fuel=draw(st.none() | st.sampled_from(Fuel)),
        cylinders=draw(st.none() | st.integers(1, 8)),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def models(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    kinds: Sequence[ModelKind] | None = None,
    source_ids: Sequence[str] = ("source-0",),
    plant_ids: Sequence[str] = (),
    engine_ids: Sequence[str] = (),
    lineage_targets: Sequence[str] = (),
) -> Model:
    """Models whose references are drawn from the given ids.

    :param ids: the ids to choose from; any slug when ``None``.
    :param kinds: the allowed kinds; all when ``None``.
    :param source_ids: the sources they may cite.
    :param plant_ids: the plants they may name.
    :param engine_ids: the engines they may name.
    :param lineage_targets: the models their lineage links may point at.
    :returns: a strategy of :class:`~moskvitch.Model`.
    """
    model_id = draw(_ids(ids))
    targets = [t for t in lineage_targets if t != model_id]
    return Model(
        id=model_id,
        name=f"Model {model_id}",
        aliases=(f"Модель {model_id}",) if draw(st.booleans()) else (),
        make=draw(st.sampled_from(["Moskvich", "KIM", "Opel", "JAC"])),
        kind=draw(st.sampled_from(list(kinds) if kinds else list(ModelKind))),
        body_style=draw(st.none() | st.sampled_from(BodyStyle)),
        layout=draw(st.none() | st.sampled_from(Layout)),
        engines=tuple(draw(st.lists(st.sampled_from(engine_ids), max_size=2, unique=True)))
        if engine_ids
        else (),
        production=draw(st.none() | periods()),
        plants=tuple(draw(st.lists(st.sampled_from(plant_ids), max_size=2, unique=True)))
        if plant_ids
        else (),
        lineage=tuple(
            draw(links(target_ids=(target,), source_ids=source_ids))
            for target in (
                draw(st.lists(st.sampled_from(targets), max_size=2, unique=True)) if targets else []
            )
        ),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def variants(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    model_ids: Sequence[str] = ("model-0",),
    source_ids: Sequence[str] = ("source-0",),
) -> Variant:
    """Variants of one of ``model_ids``.

    :param ids: the ids to choose from; any slug when ``None``.
    :param model_ids: the models they may belong to.
    :param source_ids: the sources they may cite.
    :returns: a strategy of :class:`~moskvitch.Variant`.
    """
    variant_id = draw(_ids(ids))
    return Variant(
        id=variant_id,
        model=draw(st.sampled_from(list(model_ids))),
        name=f"Variant {variant_id}",
        body_style=draw(st.none() | st.sampled_from(BodyStyle)),
        production=draw(st.none() | periods()),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def plants(
    draw: st.DrawFn, *, ids: Sequence[str] | None = None, source_ids: Sequence[str] = ("source-0",)
) -> Plant:
    """Plants with successive names and owners over time.

    :param ids: the ids to choose from; any slug when ``None``.
    :param source_ids: the sources they may cite.
    :returns: a strategy of :class:`~moskvitch.Plant`.
    """
    plant_id = draw(_ids(ids))
    years = sorted(draw(st.lists(st.integers(1900, 2100), min_size=1, max_size=3, unique=True)))
    spans = [Period(PartialDate(a), PartialDate(b - 1)) for a, b in itertools.pairwise(years)]
    spans.append(Period(PartialDate(years[-1]), None))
    return Plant(
        id=plant_id,
        name=f"Plant {plant_id}",
        city="City",
        country="Country",
        name_history=tuple(
            PlantName(name=f"Works {plant_id} {i}", period=span, citations=draw(_cited(source_ids)))
            for i, span in enumerate(spans)
        ),
        owners=tuple(draw(ownerships(spans=[span], source_ids=source_ids)) for span in spans),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def events(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    subject_ids: Sequence[str] = ("model-0",),
    source_ids: Sequence[str] = ("source-0",),
    kinds: Sequence[EventKind] | None = None,
    min_year: int = 1900,
    max_year: int = 2100,
) -> Event:
    """Events about one or more of ``subject_ids``.

    :param ids: the ids to choose from; any slug when ``None``.
    :param subject_ids: the models, variants or plants they may concern.
    :param source_ids: the sources they may cite.
    :param kinds: the allowed kinds; all when ``None``.
    :param min_year: the earliest year of their dates.
    :param max_year: the latest year of their dates.
    :returns: a strategy of :class:`~moskvitch.Event`.
    """
    return Event(
        id=draw(_ids(ids)),
        date=draw(partial_dates(min_year=min_year, max_year=max_year)),
        kind=draw(st.sampled_from(list(kinds) if kinds else list(EventKind))),
        summary=draw(_TEXT),
        subjects=tuple(
            draw(st.lists(st.sampled_from(list(subject_ids)), min_size=1, max_size=2, unique=True))
        ),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def production_records(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    subject_ids: Sequence[str] = ("model-0",),
    plant_ids: Sequence[str] = (),
    source_ids: Sequence[str] = ("source-0",),
    measures: Sequence[Measure] | None = None,
    units: Sequence[Unit] = (Unit.VEHICLES,),
) -> ProductionRecord:
    """Preferred production records (``alternative_to`` is left empty).

    :param ids: the ids to choose from; any slug when ``None``.
    :param subject_ids: the models, variants or plants they may count.
    :param plant_ids: the plants they may name.
    :param source_ids: the sources they may cite.
    :param measures: the allowed measures; all when ``None``.
    :param units: the allowed units (percent figures are kept to 100 or less).
    :returns: a strategy of :class:`~moskvitch.ProductionRecord`.
    """
    unit = draw(st.sampled_from(list(units)))
    subject = draw(st.sampled_from(list(subject_ids)))
    return ProductionRecord(
        id=draw(_ids(ids)),
        subject=subject,
        plant=draw(st.none() | st.sampled_from(list(plant_ids))) if plant_ids else None,
        # A plant's figure may state its make; a model's counts the model's.
        make=draw(st.none() | st.sampled_from(["Moskvich", "Renault"]))
        if subject in plant_ids
        else None,
        period=draw(periods(open_ends=False)),
        figure=draw(figures(max_value=100 if unit is Unit.PERCENT else 1_000_000)),
        measure=draw(st.sampled_from(list(measures) if measures else list(Measure))),
        unit=unit,
        note=draw(st.none() | _TEXT),
        inference=draw(_INFERENCES),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def links(
    draw: st.DrawFn,
    *,
    target_ids: Sequence[str] = ("model-0",),
    source_ids: Sequence[str] = ("source-0",),
) -> Link:
    """Lineage links to one of ``target_ids``, cited or not.

    :param target_ids: the models they may point at.
    :param source_ids: the sources they may cite.
    :returns: a strategy of :class:`~moskvitch.Link`.
    """
    return Link(
        target=draw(st.sampled_from(list(target_ids))),
        relation=draw(st.sampled_from(Relation)),
        citations=draw(st.just(()) | _cited(source_ids)),
    )


@st.composite
def plant_names(
    draw: st.DrawFn,
    *,
    spans: Sequence[Period] | None = None,
    source_ids: Sequence[str] = ("source-0",),
) -> PlantName:
    """Names a plant carried over a period, cited.

    :param spans: the periods to choose from; any period when ``None``.
    :param source_ids: the sources they may cite.
    :returns: a strategy of :class:`~moskvitch.PlantName`.
    """
    return PlantName(
        name=f"Works {draw(_TEXT)}",
        period=draw(periods() if spans is None else st.sampled_from(list(spans))),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def ownerships(
    draw: st.DrawFn,
    *,
    spans: Sequence[Period] | None = None,
    source_ids: Sequence[str] = ("source-0",),
) -> Ownership:
    """Owners, operators, managers or contractors of a plant over a period, with a stake of 1 to
    100 percent or none, cited.

    :param spans: the periods to choose from; any period when ``None``.
    :param source_ids: the sources they may cite.
    :returns: a strategy of :class:`~moskvitch.Ownership`.
    """
    return Ownership(
        owner=draw(_TEXT),
        period=draw(periods() if spans is None else st.sampled_from(list(spans))),
        role=draw(st.sampled_from(Role)),
        stake_percent=draw(st.none() | st.integers(1, 100)),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def claims(
    draw: st.DrawFn,
    *,
    preferred: bool | None = None,
    units: Sequence[str] = ("cc", "hp", "people"),
    source_ids: Sequence[str] = ("source-0",),
) -> Claim:
    """Claims of a dispute; a preferred one always says why in its note.

    :param preferred: whether the claims are preferred; either when ``None``.
    :param units: the units a claim's figure may be in.
    :param source_ids: the sources they may cite.
    :returns: a strategy of :class:`~moskvitch.Claim`.
    """
    chosen = draw(st.booleans()) if preferred is None else preferred
    figure = draw(st.none() | figures(max_value=1000))
    return Claim(
        value=draw(_TEXT),
        preferred=chosen,
        note=draw(_TEXT) if chosen else draw(st.none() | _TEXT),
        inference=draw(_INFERENCES),
        figure=figure,
        unit=None if figure is None else draw(st.sampled_from(list(units))),
        date=draw(st.none() | periods()),
        citations=draw(_cited(source_ids)),
    )


@st.composite
def disputes(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    subject_ids: Sequence[str] = ("model-0",),
    source_ids: Sequence[str] = ("source-0",),
) -> Dispute:
    """Disputes with two or three claims, at most one preferred (and explained).

    :param ids: the ids to choose from; any slug when ``None``.
    :param subject_ids: the records they may be about.
    :param source_ids: the sources the claims may cite.
    :returns: a strategy of :class:`~moskvitch.Dispute`.
    """
    count = draw(st.integers(2, 3))
    chosen = draw(st.none() | st.integers(0, count - 1))
    unit = draw(st.sampled_from(["cc", "hp", "people"]))  # one unit per dispute
    return Dispute(
        id=draw(_ids(ids)),
        subject=draw(st.sampled_from(list(subject_ids))),
        topic=draw(_TEXT),
        claims=tuple(
            draw(claims(preferred=k == chosen, units=(unit,), source_ids=source_ids))
            for k in range(count)
        ),
        note=draw(st.none() | _TEXT),
    )


@st.composite
def facts(
    draw: st.DrawFn,
    *,
    ids: Sequence[str] | None = None,
    subject_ids: Sequence[str] = ("model-0",),
    source_ids: Sequence[str] = ("source-0",),
    kinds: Sequence[FactKind] | None = None,
) -> Fact:
    """Facts with a figure and its unit, a text, or both, about one of ``subject_ids``.

    :param ids: the ids to choose from; any slug when ``None``.
    :param subject_ids: the models, variants, plants or engines they may be about.
    :param source_ids: the sources they may cite.
    :param kinds: the allowed kinds; all when ``None``.
    :returns: a strategy of :class:`~moskvitch.Fact`.
    """
    unit = draw(st.sampled_from(["km/h", "L/100 km", "kg", "percent", "rubles", "people"]))
    figure = draw(st.none() | figures(max_value=100 if unit == "percent" else 1_000_000))
    text = draw(_TEXT) if figure is None else draw(st.none() | _TEXT)
    return Fact(
        id=draw(_ids(ids)),
        subject=draw(st.sampled_from(list(subject_ids))),
        kind=draw(st.sampled_from(list(kinds) if kinds else list(FactKind))),
        topic=draw(_TEXT),
        figure=figure,
        unit=unit if figure is not None else None,
        text=text,
        date=draw(st.none() | periods()),
        uncertain=draw(st.booleans()),
        note=draw(st.none() | _TEXT),
        inference=draw(_INFERENCES),
        citations=draw(_cited(source_ids)),
    )


def _numbered(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{i}" for i in range(count)]


@st.composite
def _sub_periods(draw: st.DrawFn, outer: Period) -> Period:
    """A period inside a closed ``outer`` one: a day, a month, a year or a span of its days."""
    first, last = outer.earliest().toordinal(), outer.latest().toordinal()
    start = draw(st.integers(first, last))
    end = draw(st.integers(start, min(last, start + 800)))
    as_days = Period(
        PartialDate.from_date(datetime.date.fromordinal(start)),
        PartialDate.from_date(datetime.date.fromordinal(end)),
    )
    year = datetime.date.fromordinal(start).year
    whole_year = Period.year(year)
    if outer.earliest() <= whole_year.earliest() and whole_year.latest() <= outer.latest():
        return draw(st.sampled_from([as_days, whole_year]))
    return as_days


@st.composite
def catalogs(
    draw: st.DrawFn,
    *,
    min_models: int = 0,
    max_models: int = 6,
    max_variants: int = 3,
    max_plants: int = 2,
    max_events: int = 4,
    max_records: int = 8,
    max_disputes: int = 2,
    max_facts: int = 3,
) -> Catalog:
    """Internally consistent catalogs: unique ids, resolvable references, acyclic lineage.

    Lineage links only point at models generated earlier, so the graph is acyclic; competing
    production figures share measure, unit, subject and period with the preferred figure they
    name. For thousands of models use :func:`synthetic_catalog`, which needs no Hypothesis.

    :param min_models: the fewest models.
    :param max_models: the most models.
    :param max_variants: the most variants (none without models).
    :param max_plants: the most plants (at least one is always made).
    :param max_events: the most events.
    :param max_records: the most production records.
    :param max_disputes: the most disputes.
    :param max_facts: the most facts.
    :returns: a strategy of :class:`~moskvitch.Catalog`.
    """
    source_ids = _numbered("source", draw(st.integers(1, 3)))
    plant_ids = _numbered("plant", draw(st.integers(1, max(1, max_plants))))
    engine_ids = _numbered("engine", draw(st.integers(0, 2)))
    model_ids = _numbered("model", draw(st.integers(min_models, max(min_models, max_models))))
    variant_ids = _numbered("variant", draw(st.integers(0, max_variants))) if model_ids else []
    subject_ids = [*model_ids, *variant_ids, *plant_ids]
    record_list: list[ProductionRecord] = []
    for record_id in _numbered("record", draw(st.integers(0, max_records))):
        preferred = [r for r in record_list if r.preferred]
        rival = draw(st.none() | st.sampled_from(preferred)) if preferred else None
        record = draw(
            production_records(
                ids=[record_id],
                subject_ids=subject_ids,
                plant_ids=plant_ids,
                units=list(Unit),
                source_ids=source_ids,
            )
        )
        outer = draw(st.none() | st.sampled_from(preferred)) if preferred else None
        if rival is None and outer is not None and not outer.period.is_open:
            # A breakdown: the same quantity for part of the wider record's period.
            record = attrs.evolve(
                record,
                subject=outer.subject,
                plant=outer.plant,
                make=outer.make,
                period=draw(_sub_periods(outer.period)),
                measure=outer.measure,
                unit=outer.unit,
                figure=draw(figures(max_value=100 if outer.unit is Unit.PERCENT else 1_000_000)),
            )
        if rival is not None:
            record = attrs.evolve(
                record,
                subject=rival.subject,
                period=rival.period,
                measure=rival.measure,
                unit=rival.unit,
                figure=draw(figures(max_value=100 if rival.unit is Unit.PERCENT else 1_000_000)),
                alternative_to=rival.id,
            )
        record_list.append(record)
    # A preferred record that has rivals must say why it is preferred.
    challenged = {r.alternative_to for r in record_list}
    record_list = [
        attrs.evolve(r, note=r.note or "preferred") if r.id in challenged else r
        for r in record_list
    ]
    return Catalog(
        sources=[draw(sources(ids=[i])) for i in source_ids],
        engines=[draw(engines(ids=[i], source_ids=source_ids)) for i in engine_ids],
        plants=[draw(plants(ids=[i], source_ids=source_ids)) for i in plant_ids],
        models=[
            draw(
                models(
                    ids=[m],
                    plant_ids=plant_ids,
                    engine_ids=engine_ids,
                    lineage_targets=model_ids[:index],
                    source_ids=source_ids,
                )
            )
            for index, m in enumerate(model_ids)
        ],
        variants=[
            draw(variants(ids=[v], model_ids=model_ids, source_ids=source_ids)) for v in variant_ids
        ],
        events=[
            draw(events(ids=[e], subject_ids=subject_ids, source_ids=source_ids))
            for e in _numbered("event", draw(st.integers(0, max_events)))
        ],
        production=record_list,
        disputes=[
            draw(disputes(ids=[d], subject_ids=subject_ids, source_ids=source_ids))
            for d in _numbered("dispute", draw(st.integers(0, max_disputes)))
        ],
        facts=[
            draw(facts(ids=[f], subject_ids=[*subject_ids, *engine_ids], source_ids=source_ids))
            for f in _numbered("fact", draw(st.integers(0, max_facts)))
        ],
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


_DEFAULTS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    PartialDate: partial_dates,
    Period: periods,
    Figure: figures,
    Citation: citations,
    Link: links,
    PlantName: plant_names,
    Ownership: ownerships,
    Claim: claims,
    Source: sources,
    Engine: engines,
    Model: models,
    Variant: variants,
    Plant: plants,
    Event: events,
    ProductionRecord: production_records,
    Dispute: disputes,
    Fact: facts,
    Catalog: catalogs,
}


def strategy_for(kind: type) -> st.SearchStrategy[Any]:
    """The default strategy of a public class: what ``st.from_type(kind)`` draws from.

    Every public attrs class of :mod:`moskvitch` whose fields Hypothesis cannot draw on its
    own has one: the record types of ``moskvitch.catalog.COLLECTIONS``, the parts they are
    made of (citations, links, claims, plant names and owners), the catalog, dates, periods
    and figures.

    :param kind: the class, e.g. :class:`~moskvitch.Model`.
    :returns: a strategy of its instances.
    :raises KeyError: when the class has no strategy here.
    """
    return _DEFAULTS[kind]()
