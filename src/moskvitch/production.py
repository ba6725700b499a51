"""Production totals: by model, year, plant and era, with every number traceable to its records.

How figures are combined
------------------------

- **One measure at a time.** Built, sold, exported, shipped and planned figures are never added
  together: every function takes a ``measure`` (``"built"`` by default). Only counts of vehicles
  are added; shares (``percent``) and rates (``per-year``, ``per-month``) never are.
- **No double counting.** Sources give totals and their breakdowns side by side (the 400
  series total and its yearly output; a plant's cumulative milestone and the models it built). A
  figure whose subject and period lie inside another figure's is a breakdown of it and is not
  added again. Subjects nest: a plant contains the models built there, a model its variants.
- **Conflicting claims** about one quantity (records linked by ``alternative_to``) count once,
  chosen by ``claims``: the ``preferred`` figure, the ``envelope`` (the smallest range holding
  every claim), or the claim with the ``min`` or ``max`` value. The chosen figure keeps the
  preferred record's subject and period.
- **Eras never silently absorb a figure that spans two of them.** ``allocation="strict"``
  reports such figures as unallocated, with their records; ``"proportional"`` splits them by the
  days of their period that fall in each era (integer parts that add up exactly, marked
  approximate). Either way the era totals and the unallocated part add up to the grand total.

>>> from moskvitch import production
>>> str(production.total("400").figure)
'247,439'
>>> eras = production.totals_by_era()
>>> str(eras["pre-war"].figure)
'≈450'
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import ParamSpec, TypeVar

import attrs

from ._gc import gc_paused
from .catalog import Catalog
from .dates import Period
from .figures import Figure
from .loading import load
from .records import Measure, Model, Plant, ProductionRecord, Unit, Variant

__all__ = [
    "DEFAULT_ERAS",
    "Allocation",
    "Claims",
    "Era",
    "Total",
    "Totals",
    "by_model",
    "by_plant",
    "by_year",
    "total",
    "totals_by_era",
]


class Allocation(StrEnum):
    """How :func:`totals_by_era` treats a figure whose period spans more than one era."""

    STRICT = "strict"
    """Report it as unallocated, with its records."""
    PROPORTIONAL = "proportional"
    """Split it by the days of its period in each era; the parts are approximate."""


class Claims(StrEnum):
    """Which figure counts when sources disagree about one quantity."""

    PREFERRED = "preferred"
    """The claim marked preferred."""
    ENVELOPE = "envelope"
    """The smallest range containing every claim."""
    MIN = "min"
    """The claim with the smallest value."""
    MAX = "max"
    """The claim with the largest value (an unbounded claim is the largest)."""


@attrs.frozen
class Era:
    """A named period of the brand's history.

    :param name: e.g. ``"post-war"``.
    :param period: the era's span; eras passed together must not overlap.
    """

    name: str
    period: Period

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"


DEFAULT_ERAS: tuple[Era, ...] = (
    Era("pre-war", Period.parse("1930/1941-06")),
    Era("war", Period.parse("1941-07/1945")),
    Era("post-war", Period.parse("1946/1966")),
    Era("expansion", Period.parse("1967/1991")),
    Era("post-Soviet decline", Period.parse("1992/2001")),
    Era("Renault", Period.parse("2002/2022-05-16")),
    Era("revival", Period.parse("2022-05-17/..")),
)
"""The brand's eras, chosen so that yearly figures fall in exactly one era where history allows:

- *pre-war* 1930 to June 1941: the KIM plant, until the German invasion stopped car production;
- *war* July 1941 to 1945: evacuation, military work and reconversion;
- *post-war* 1946–1966: the 400/401, 402/407/403 and 408 generations (the first 400 left the line
  in December 1946);
- *expansion* 1967–1991: from the 412 and the millionth car (1967) to the end of the USSR in
  December 1991, so that 1991 stays whole;
- *post-Soviet decline* 1992–2001: OAO Moskvitch, to the last cars of 2001;
- *Renault* 2002 to 16 May 2022: bankruptcy of the old company and the Avtoframos / Renault plant,
  to the sale of the plant to the City of Moscow;
- *revival* from 17 May 2022: the Moskvich Automobile Plant.
"""


@attrs.frozen
class Total:
    """A total and the records it was computed from.

    :param label: what the total is of: an era's name, a year, a model or plant id.
    :param figure: the total, or ``None`` when no figure is known.
    :param records: every record that contributed, whole or in part.
    """

    label: str
    figure: Figure | None
    records: tuple[ProductionRecord, ...] = ()


@attrs.frozen
class Totals:
    """Totals broken down by era, year, model or plant.

    ``unallocated`` holds what could not be put in any row (a figure spanning two eras under
    strict allocation, or a figure outside every era); the rows and ``unallocated`` add up to
    ``grand_total``.

    :param measure: what was counted.
    :param rows: one total per era, year, model or plant.
    :param unallocated: what no row holds.
    :param grand_total: every counted figure added up.
    """

    measure: Measure
    rows: tuple[Total, ...]
    unallocated: Total
    grand_total: Total

    def __getitem__(self, label: str | int) -> Total:
        """The row with this label (an era name, year, or id).

        :raises KeyError: when there is no such row.
        """
        for row in self.rows:
            if row.label == str(label):
                return row
        raise KeyError(f"no row {label!r}; rows are {', '.join(r.label for r in self.rows)}")

    def __iter__(self) -> Iterator[Total]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


# -- selecting figures ---------------------------------------------------------------------


@attrs.frozen
class _Item:
    """One quantity to add: the preferred record's subject and period, the chosen figure."""

    record: ProductionRecord
    figure: Figure
    records: tuple[ProductionRecord, ...]


P = ParamSpec("P")
T = TypeVar("T")


def _paused(function: Callable[P, T]) -> Callable[P, T]:
    """Run a totalling function with the cyclic garbage collector paused (see :mod:`._gc`)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        with gc_paused():
            return function(*args, **kwargs)

    return wrapper


def _catalog(catalog: Catalog | None) -> Catalog:
    return load() if catalog is None else catalog


def _sort_low(figure: Figure) -> tuple[int, float]:
    return (figure.low, float("inf") if figure.high is None else figure.high)


def _sort_high(figure: Figure) -> tuple[float, int]:
    return (float("inf") if figure.high is None else figure.high, figure.low)


def _items(
    records: Iterable[ProductionRecord], claims: Claims, rivals: dict[str, list[ProductionRecord]]
) -> list[_Item]:
    items = []
    for record in records:
        group = [record, *rivals.get(record.id, ())]
        if claims is Claims.PREFERRED or len(group) == 1:
            items.append(_Item(record, record.figure, (record,)))
        elif claims is Claims.ENVELOPE:
            items.append(_Item(record, Figure.envelope(r.figure for r in group), tuple(group)))
        else:
            key = _sort_low if claims is Claims.MIN else _sort_high
            pick = min if claims is Claims.MIN else max
            chosen = pick(group, key=lambda r: key(r.figure))
            items.append(_Item(record, chosen.figure, (chosen,)))
    return items


def _select(
    catalog: Catalog,
    measure: Measure,
    claims: Claims,
    in_scope: Callable[[ProductionRecord], bool] | None = None,
) -> list[_Item]:
    counted = [
        r
        for r in catalog.production
        if r.measure is measure and r.unit is Unit.VEHICLES and (in_scope is None or in_scope(r))
    ]
    rivals: dict[str, list[ProductionRecord]] = defaultdict(list)
    for record in counted:
        if record.alternative_to is not None:
            rivals[record.alternative_to].append(record)
    return _items((r for r in counted if r.preferred), claims, rivals)


def _containers(catalog: Catalog, subject_id: str) -> set[str]:
    """The subject and every subject that contains it (its model, that model's plants)."""
    found = {subject_id}
    subject = catalog.subject(subject_id)
    if isinstance(subject, Variant):
        found.add(subject.model)
        subject = catalog.subject(subject.model)
    if isinstance(subject, Model):
        found.update(subject.plants)
    return found


def _within(inner: Period, outer: Period) -> bool:
    return outer.earliest() <= inner.earliest() and inner.latest() <= outer.latest()


def _covers(catalog: Catalog, outer: ProductionRecord, inner: ProductionRecord) -> bool:
    """Whether ``inner`` is a breakdown of ``outer``: inside its subject, plant and period."""
    if not _within(inner.period, outer.period):
        return False
    if outer.plant is not None and inner.plant not in (None, outer.plant):
        return False
    return outer.subject in _containers(catalog, inner.subject)


def _outermost(catalog: Catalog, items: Sequence[_Item]) -> list[_Item]:
    """Drop every item that is a breakdown of another (inside its subject and period)."""
    by_subject: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        by_subject[item.record.subject].append(index)
    kept = []
    for index, item in enumerate(items):
        record = item.record
        candidates = (
            other
            for container in _containers(catalog, record.subject)
            for other in by_subject.get(container, ())
            if other != index
        )
        # Of two records with the same subject and period, the first stands for both.
        covered = any(
            _covers(catalog, items[other].record, record)
            and (
                items[other].record.period != record.period
                or items[other].record.subject != record.subject
                or other < index
            )
            for other in candidates
        )
        if not covered:
            kept.append(item)
    return kept


def _sum(
    label: str, items: Iterable[tuple[Figure, ProductionRecord | Sequence[ProductionRecord]]]
) -> Total:
    figure: Figure | None = None
    records: dict[str, ProductionRecord] = {}
    for part, source in items:
        figure = part if figure is None else figure + part
        for record in (source,) if isinstance(source, ProductionRecord) else source:
            records.setdefault(record.id, record)
    return Total(label, figure, tuple(records.values()))


E = TypeVar("E", Measure, Claims, Allocation)


def _parse_enum(kind: type[E], value: E | str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise ValueError(
            f"unknown {kind.__name__.lower()} {value!r}; expected one of {allowed}"
        ) from None


def _options(measure: Measure | str, claims: Claims | str) -> tuple[Measure, Claims]:
    return _parse_enum(Measure, measure), _parse_enum(Claims, claims)


# -- public helpers ------------------------------------------------------------------------


@_paused
def total(
    subject: str,
    *,
    measure: Measure | str = Measure.BUILT,
    include_variants: bool = True,
    claims: Claims | str = Claims.PREFERRED,
    catalog: Catalog | None = None,
) -> Total:
    """The total of one model (with its variants) or plant, without double counting.

    :param subject: a model, variant or plant name or id.
    :param measure: what to count.
    :param include_variants: for a model, count figures given for its variants too.
    :param claims: which claim counts where sources disagree.
    :param catalog: the catalog; the shipped one by default.
    :returns: the total (``figure`` is ``None`` when no figure is known) and its records.
    :raises UnknownNameError: when the subject is unknown.
    :raises ValueError: for an unknown measure or claims policy.

    >>> str(total("2141").figure)
    '≥716,000'
    """
    cat = _catalog(catalog)
    chosen_measure, chosen_claims = _options(measure, claims)
    scope = _scope(cat, subject, include_variants)
    items = _outermost(cat, _select(cat, chosen_measure, chosen_claims, scope))
    return _sum(cat.find(subject).id, ((i.figure, i.records) for i in items))


@_paused
def by_year(
    subject: str | None = None,
    *,
    measure: Measure | str = Measure.BUILT,
    include_variants: bool = True,
    claims: Claims | str = Claims.PREFERRED,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per calendar year, from the figures the sources give for single years or less.

    A month's figure inside a year's figure is a breakdown and is not added again. Figures
    spanning several years are never spread over the years: those that contain none of the
    yearly figures are reported as unallocated, and those that do (a series total around its
    yearly output) are left out, since the rows already count part of them.

    :param subject: a model, variant or plant name or id; ``None`` for everything.
    :param measure: what to count.
    :param include_variants: for a model, count figures given for its variants too.
    :param claims: which claim counts where sources disagree.
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per year with figures, in year order.

    >>> [(row.label, str(row.figure)) for row in by_year("400")]
    [('1947', '1,501'), ('1948', '4,808'), ('1949', '19,906')]
    """
    cat = _catalog(catalog)
    chosen_measure, chosen_claims = _options(measure, claims)
    items = _select(cat, chosen_measure, chosen_claims, _scope(cat, subject, include_variants))
    yearly = _outermost(cat, [i for i in items if _single_year(i.record.period) is not None])
    groups: dict[int, list[_Item]] = defaultdict(list)
    for item in yearly:
        groups[_single_year(item.record.period) or 0].append(item)
    rows = tuple(
        _sum(str(year), ((i.figure, i.records) for i in groups[year])) for year in sorted(groups)
    )
    # Figures spanning years are not spread over them; those that contain a yearly row are
    # summaries of what the rows already count, and are left out rather than added again.
    spanning = [
        i
        for i in _outermost(cat, [i for i in items if _single_year(i.record.period) is None])
        if not any(_covers(cat, i.record, y.record) for y in yearly)
    ]
    unallocated = _sum("unallocated", ((i.figure, i.records) for i in spanning))
    return _totals(chosen_measure, rows, unallocated)


def _single_year(period: Period) -> int | None:
    if period.start is None or period.end is None or period.start.year != period.end.year:
        return None
    return period.start.year


def _scope(
    catalog: Catalog, subject: str | None, include_variants: bool
) -> Callable[[ProductionRecord], bool] | None:
    """Which records count for ``subject``: a model (with its variants), a variant, or a plant
    (everything built there: its own figures, and those of models it built)."""
    if subject is None:
        return None
    found = catalog.find(subject)
    if isinstance(found, Plant):
        plant = found.id
        return lambda r: (
            r.plant == plant or (r.plant is None and plant in _containers(catalog, r.subject))
        )
    ids = {found.id}
    if isinstance(found, Model) and include_variants:
        ids |= {v.id for v in catalog.variants_of(found.id)}
    return lambda r: r.subject in ids


def _totals(measure: Measure, rows: tuple[Total, ...], unallocated: Total) -> Totals:
    parts: list[tuple[Figure, Sequence[ProductionRecord]]] = [
        (row.figure, row.records) for row in (*rows, unallocated) if row.figure is not None
    ]
    grand = _sum("total", parts)
    return Totals(measure, rows, unallocated, grand)


def _grouped_totals(
    catalog: Catalog,
    measure: Measure,
    claims: Claims,
    key: Callable[[ProductionRecord], str | None],
    order: Sequence[str],
) -> Totals:
    """Totals per label of ``key``, rows in ``order``; records without a label are unallocated."""
    groups: dict[str, list[_Item]] = defaultdict(list)
    loose: list[_Item] = []
    for item in _outermost(catalog, _select(catalog, measure, claims)):
        label = key(item.record)
        (loose if label is None else groups[label]).append(item)
    rows = tuple(
        _sum(label, ((i.figure, i.records) for i in groups[label]))
        for label in order
        if label in groups
    )
    unallocated = _sum("unallocated", ((i.figure, i.records) for i in loose))
    return _totals(measure, rows, unallocated)


@_paused
def by_model(
    *,
    measure: Measure | str = Measure.BUILT,
    claims: Claims | str = Claims.PREFERRED,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per model (variants counted with their model); plant-wide figures are unallocated.

    :param measure: what to count.
    :param claims: which claim counts where sources disagree.
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per model id with figures, in catalog order.
    """
    cat = _catalog(catalog)
    chosen_measure, chosen_claims = _options(measure, claims)

    def model_of(record: ProductionRecord) -> str | None:
        subject = cat.subject(record.subject)
        if isinstance(subject, Variant):
            return subject.model
        return subject.id if isinstance(subject, Model) else None

    order = [m.id for m in cat.models]
    return _grouped_totals(cat, chosen_measure, chosen_claims, model_of, order)


@_paused
def by_plant(
    *,
    measure: Measure | str = Measure.BUILT,
    claims: Claims | str = Claims.PREFERRED,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per plant: a figure's own plant, its subject if a plant, or its model's only plant.

    :param measure: what to count.
    :param claims: which claim counts where sources disagree.
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per plant id with figures, in catalog order; figures of models built at
        several plants are unallocated.
    """
    cat = _catalog(catalog)
    chosen_measure, chosen_claims = _options(measure, claims)

    order = [p.id for p in cat.plants]
    plant_ids = set(order)

    def plant_of(record: ProductionRecord) -> str | None:
        if record.plant is not None:
            return record.plant
        plants = _containers(cat, record.subject) & plant_ids
        return plants.pop() if len(plants) == 1 else None

    return _grouped_totals(cat, chosen_measure, chosen_claims, plant_of, order)


@_paused
def totals_by_era(
    eras: Iterable[Era] | None = None,
    *,
    measure: Measure | str = Measure.BUILT,
    allocation: Allocation | str = Allocation.STRICT,
    claims: Claims | str = Claims.PREFERRED,
    subject: str | None = None,
    include_variants: bool = True,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per era of the brand's history.

    :param eras: the eras, which must not overlap; :data:`DEFAULT_ERAS` by default.
    :param measure: what to count.
    :param allocation: what to do with a figure spanning several eras.
    :param claims: which claim counts where sources disagree.
    :param subject: only this model (with its variants) or plant; ``None`` for everything.
    :param include_variants: for a model, count figures given for its variants too.
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per era, in the order given, plus the unallocated part.
    :raises ValueError: when eras overlap or an option is unknown.

    >>> str(totals_by_era(allocation="strict")["expansion"].figure)
    '≥1,400,000'
    """
    chosen_eras = tuple(DEFAULT_ERAS if eras is None else eras)
    _check_eras(chosen_eras)
    cat = _catalog(catalog)
    chosen_measure, chosen_claims = _options(measure, claims)
    chosen_allocation = _parse_enum(Allocation, allocation)
    items = _outermost(
        cat, _select(cat, chosen_measure, chosen_claims, _scope(cat, subject, include_variants))
    )
    parts: dict[str, list[tuple[Figure, tuple[ProductionRecord, ...]]]] = defaultdict(list)
    loose: list[tuple[Figure, tuple[ProductionRecord, ...]]] = []
    spans = [(era, era.period.earliest(), era.period.latest()) for era in chosen_eras]
    for item in items:
        first, last = item.record.period.earliest(), item.record.period.latest()
        home = next((era for era, start, end in spans if start <= first and last <= end), None)
        if home is not None:
            parts[home.name].append((item.figure, item.records))
        elif chosen_allocation is Allocation.STRICT or item.record.period.is_open:
            loose.append((item.figure, item.records))
        else:
            shares, outside = _split(item.figure, item.record.period, chosen_eras)
            for era, share in shares:
                parts[era.name].append((share, item.records))
            if outside is not None:
                loose.append((outside, item.records))
    rows = tuple(_sum(era.name, parts.get(era.name, ())) for era in chosen_eras)
    return _totals(chosen_measure, rows, _sum("unallocated", loose))


def _check_eras(eras: Sequence[Era]) -> None:
    for index, era in enumerate(eras):
        for other in eras[index + 1 :]:
            if era.period.overlaps(other.period):
                raise ValueError(
                    f"eras {era.name!r} ({era.period}) and {other.name!r} ({other.period}) "
                    "overlap; give eras that share no day, e.g. '1946/1966' and '1967/1991'"
                )


def _days(start: datetime.date, end: datetime.date) -> int:
    return max(0, (end - start).days + 1)


def _split(
    figure: Figure, period: Period, eras: Sequence[Era]
) -> tuple[list[tuple[Era, Figure]], Figure | None]:
    """Split a figure over eras by days, with parts that add up exactly (largest remainder)."""
    first, last = period.earliest(), period.latest()
    total_days = _days(first, last)
    weights = [
        _days(max(first, era.period.earliest()), min(last, era.period.latest())) for era in eras
    ]
    weights.append(total_days - sum(weights))  # the days outside every era
    lows = _apportion(figure.low, weights)
    spreads = None if figure.high is None else _apportion(figure.high - figure.low, weights)
    pieces = [
        Figure(low, None if spreads is None else low + spreads[i], approximate=True)
        for i, low in enumerate(lows)
    ]
    shares = [(era, pieces[i]) for i, era in enumerate(eras) if weights[i] > 0]
    outside = pieces[-1] if weights[-1] > 0 else None
    return shares, outside


def _apportion(amount: int, weights: Sequence[int]) -> list[int]:
    """Split ``amount`` in proportion to ``weights`` into integers that add up to it."""
    total = sum(weights)
    quotas = [amount * w // total for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for i in remainders[: amount - sum(quotas)]:
        quotas[i] += 1
    return quotas
