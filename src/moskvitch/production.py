"""Production totals: by model, year, plant and era, with every number traceable to its records.

How figures are combined
------------------------

- **One measure at a time.** Built, sold, exported, shipped and planned figures are never added
  together: every function takes a ``measure`` (``"built"`` by default). Only counts of vehicles
  are added; shares (``percent``) and rates (``per-year``, ``per-month``) never are.
- **No double counting.** Sources give totals and their breakdowns side by side (the 400
  series total and its yearly output; a plant's cumulative milestone and the models it built). A
  figure whose subject and period lie inside another figure's is a breakdown of it. Subjects
  nest: a plant contains the models built there, a model its variants.
- **Reconciliation.** A figure that fits a row (an era, a year, a model, a plant) counts there
  whole, breakdowns included. A wider figure that fits no row counts through its breakdowns
  that do, and only its remainder, the figure less those breakdowns, is unallocated. Every
  :class:`Total` lists its :class:`Part` s: which records counted whole, which as a remainder,
  which as a share.
- **Conflicting claims** about one quantity (records linked by ``alternative_to``) count once,
  chosen by ``claims``: the ``preferred`` figure, the ``envelope`` (the smallest range holding
  every claim), or the claim with the ``min`` or ``max`` value. The chosen figure keeps the
  preferred record's subject and period.
- **One make at a time.** A figure counts the vehicles of one make: its model's
  :attr:`~moskvitch.Model.make`, or, for a plant's figure, its own ``make`` (the Renault cars
  built on the Moscow site). Totals count the brand's own line, :data:`BRAND_MAKES`, by default;
  ``make="all"`` adds every other make on a line of its own (:attr:`Totals.other_makes`) that the
  brand's rows and grand total leave out. A plant's figure whose make is not stated is never in
  the brand's count.
- **Like with like.** Within one measure, figures of different kinds (a plan for a year's
  output, a proposed export shipment: :attr:`~moskvitch.ProductionRecord.kind`) are never added.
  Where they differ, nothing is added: :attr:`Total.unlike` lists the figures, and ``kind=``
  picks one kind to add.
- **Honest rows.** A row's ``figure`` is an interval: its low end is what lies wholly inside the
  row (:attr:`Total.inside`), its high end adds every unallocated remainder that may hold
  vehicles of the row (:attr:`Total.overlapping`): one whose period overlaps the row's, and, for
  a model or plant row, whose subject contains it. A row such figures overlap never reads as
  exact.
- **A window** (``start``, ``end``) counts the figures whose period lies inside it whole. A
  figure that overlaps it only in part is never cut by days (the sources do not say how it
  spreads over time), nor dropped: it counts as a part of kind ``partial``, from what its
  breakdowns inside the window add up to (zero if none) up to its whole figure.
- **Eras never silently absorb a figure that spans two of them.** ``allocation="strict"``
  reports such a figure (or its remainder) as unallocated, with its records; ``"proportional"``
  splits it by the days of its period that fall in each era (integer shares that add up
  exactly, marked approximate), and each era's share lies inside its strict interval. The grand
  total counts every figure once, whole, and is the same whichever breakdown or allocation is
  asked for.

>>> from moskvitch import production
>>> str(production.total("400").figure)
'247,439'
>>> eras = production.totals_by_era()
>>> str(eras["pre-war"].figure)
'≈450'
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

import attrs

from .catalog import Catalog, SubjectRef
from .dates import PartialDate, Period
from .errors import InvalidErasError, InvalidOptionError
from .figures import Figure
from .ingestion import load
from .records import Measure, Model, Plant, ProductionRecord, Unit, Variant

__all__ = [
    "BRAND_MAKES",
    "DEFAULT_ERAS",
    "Allocation",
    "Claims",
    "Era",
    "Overrun",
    "Part",
    "PartKind",
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
    Era("dormant", Period.parse("2002/2022-05-16")),
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
- *dormant* 2002 to 16 May 2022: no Moskvich in production after the last 2141s, the bankruptcy
  of the old company, and the Avtoframos / Renault plant on the site, to the sale of the plant to
  the City of Moscow (its Renault cars are another make: ``make="Renault"``);
- *revival* from 17 May 2022: the Moskvich Automobile Plant.
"""


BRAND_MAKES: tuple[str, ...] = ("Moskvich", "KIM")
"""The makes of the brand's own line, which totals count by default: the Moskvich models and
their KIM predecessor, as each :attr:`~moskvitch.Model.make` says."""

#: The ``make`` value that asks for every make.
ALL_MAKES = "all"

#: How a figure whose make is not stated is labelled in :attr:`Totals.other_makes`.
MAKE_NOT_STATED = "(make not stated)"


class PartKind(StrEnum):
    """How a record's figure counts in a :class:`Total` (see :class:`Part`)."""

    WHOLE = "whole"
    """The record's figure, counted in full, with any breakdowns inside it."""
    REMAINDER = "remainder"
    """A wider figure that fits no row, less its breakdowns that do (they count in their rows)."""
    SHARE = "share"
    """A share, by days, of a figure or remainder whose period spans several eras
    (proportional allocation); an estimate, so approximate."""
    PARTIAL = "partial"
    """A figure whose period overlaps the window only in part: it counts from what its
    breakdowns inside the window add up to (zero if none) up to its whole figure."""


@attrs.frozen
class Part:
    """One contribution to a :class:`Total`: a record's figure, its remainder, or a share.

    :param record: the record whose subject and period place the part (for conflicting claims,
        the preferred record).
    :param figure: the amount counted.
    :param kind: whether the record counted whole, as a remainder, or as a share.
    :param records: the records the figure comes from (several under the ``envelope`` policy).
    :param less: for a remainder, the ids of the breakdowns taken out of the record's figure
        because they count in rows of their own.
    """

    record: ProductionRecord
    figure: Figure
    kind: PartKind
    records: tuple[ProductionRecord, ...] = ()
    less: tuple[str, ...] = ()


@attrs.frozen
class Total:
    """A total and the records it was computed from.

    ``figure`` is an honest interval. Its low end is what the ``parts``, the figures wholly
    inside the row, add up to (:attr:`inside`); its high end adds the most that each of the
    ``overlapping`` figures may hold. A row that such figures overlap is never exact:

    >>> from moskvitch import production
    >>> row = production.totals_by_era()["post-war"]
    >>> str(row.inside), str(row.figure), [p.record.id for p in row.overlapping]
    ('607,414–607,424', '607,414–1,000,010', ['moscow-millionth-vehicle-1967'])

    :param label: what the total is of: an era's name, a year, a model or plant id, a make.
    :param figure: the total, or ``None`` when no figure is known (or, see ``unlike``, when
        the figures are of different kinds and are not added).
    :param records: every record that contributed, whole or in part.
    :param parts: how each record counted: whole, as a remainder, as a share, or in part.
    :param partial: for a year, whether the figures cover only part of it (a month, or March
        to December): the row must not be read as the whole year's output.
    :param overlapping: unallocated figures (remainders, or figures reaching outside the
        window) that may hold vehicles of this row: they widen ``figure`` up to their high
        end, and are counted in ``unallocated``, not here.
    :param unlike: figures of different kinds (a plan for a year's output, a proposed
        shipment), listed and not added; ``figure`` is then ``None``.
    """

    label: str
    figure: Figure | None
    records: tuple[ProductionRecord, ...] = ()
    parts: tuple[Part, ...] = ()
    partial: bool = False
    overlapping: tuple[Part, ...] = ()
    unlike: tuple[Part, ...] = ()

    @property
    def inside(self) -> Figure | None:
        """What the parts add up to: the figures wholly inside the row, without the
        ``overlapping`` ones; ``None`` when there are none."""
        figures = [part.figure for part in self.parts]
        return sum(figures, Figure.exact(0)) if figures else None


@attrs.frozen
class Overrun:
    """A data inconsistency: breakdowns that add up to more than the figure they break down.

    The wider figure then counts for nothing beyond its breakdowns, rather than for a negative
    remainder.

    :param record: the wider record.
    :param breakdowns: the records inside it.
    :param figure: the wider figure (as chosen by the claims policy).
    :param breakdown_total: what the breakdowns add up to.
    """

    record: ProductionRecord
    breakdowns: tuple[ProductionRecord, ...]
    figure: Figure
    breakdown_total: Figure

    def __str__(self) -> str:
        return (
            f"{self.record.id}: its breakdowns add up to {self.breakdown_total}, more than its"
            f" {self.figure} ({', '.join(r.id for r in self.breakdowns)})"
        )


@attrs.frozen
class Totals(Mapping[str, "Total"]):
    """Totals broken down by era, year, model or plant: a mapping of row labels to rows.

    ``totals["pre-war"]`` is a row, ``"pre-war" in totals`` asks whether there is one, and
    iterating gives the labels in row order, as for any mapping; ``rows`` holds the rows
    themselves. Labels are era names, years as text (``"1947"``) and model or plant ids.

    ``unallocated`` holds what could not be put in any row (a figure spanning two eras under
    strict allocation, the remainder of a plant-wide figure in :func:`by_model`, a figure
    outside every era, or one reaching outside the window); the rows' :attr:`Total.inside` and
    ``unallocated`` add up to ``grand_total``, and the grand total is the same whichever
    breakdown is asked for. Each row's ``figure`` also reaches up to what the unallocated
    figures overlapping it may hold.

    >>> from moskvitch import production
    >>> years = production.by_year("400")
    >>> len(years), list(years), "1948" in years
    (3, ['1947', '1948', '1949'], True)
    >>> [str(row.inside) for row in years.values()], str(years["1949"].figure)
    (['1,501', '4,808', '19,906'], '19,906')

    :param measure: what was counted.
    :param rows: one total per era, year, model or plant; empty when the figures are of
        different kinds (see :attr:`Total.unlike` on ``grand_total``).
    :param unallocated: what no row holds.
    :param grand_total: every counted figure added up.
    :param overruns: breakdowns that add up to more than the figure they break down; empty
        when the data is consistent.
    :param makes: the makes the rows and the grand total count (empty: every make).
    :param other_makes: when other makes are asked for alongside the brand's (``make="all"``),
        one total per other make, labelled with the make: lines of their own that the rows and
        the grand total leave out.
    """

    measure: Measure
    rows: tuple[Total, ...]
    unallocated: Total
    grand_total: Total
    overruns: tuple[Overrun, ...] = ()
    makes: tuple[str, ...] = ()
    other_makes: tuple[Total, ...] = ()

    def __getitem__(self, label: str) -> Total:
        """The row with this label (an era name, a year as text, or an id).

        :raises KeyError: when there is no such row.
        """
        for row in self.rows:
            if row.label == label:
                return row
        raise KeyError(f"no row {label!r}; rows are {', '.join(self)}")

    def __iter__(self) -> Iterator[str]:
        """Each row's label, in order (``unallocated`` and ``grand_total`` are not rows)."""
        return (row.label for row in self.rows)

    def __len__(self) -> int:
        """The number of rows."""
        return len(self.rows)


# -- selecting figures ---------------------------------------------------------------------


@attrs.frozen
class _Item:
    """One quantity to add: the preferred record's subject and period, the chosen figure."""

    record: ProductionRecord
    figure: Figure
    records: tuple[ProductionRecord, ...]
    #: the first and last day the figure counts in: its period, cut to the window.
    first: datetime.date = datetime.date.min
    last: datetime.date = datetime.date.max
    #: whether the period reaches outside the window (the figure then counts from 0).
    partial: bool = False


def _catalog(catalog: Catalog | None) -> Catalog:
    return load() if catalog is None else catalog


def _sort_low(figure: Figure) -> tuple[float | Decimal, float | Decimal]:
    return (figure.low, float("inf") if figure.high is None else figure.high)


def _sort_high(figure: Figure) -> tuple[float | Decimal, float | Decimal]:
    return (float("inf") if figure.high is None else figure.high, figure.low)


def _items(
    records: Iterable[ProductionRecord], claims: Claims, rivals: dict[str, list[ProductionRecord]]
) -> list[_Item]:
    items = []
    for record in records:
        group = [record, *rivals.get(record.id, ())]
        span = (record.period.earliest(), record.period.latest())
        if claims is Claims.PREFERRED or len(group) == 1:
            items.append(_Item(record, record.figure, (record,), *span))
        elif claims is Claims.ENVELOPE:
            figure = Figure.envelope(r.figure for r in group)
            items.append(_Item(record, figure, tuple(group), *span))
        else:
            key = _sort_low if claims is Claims.MIN else _sort_high
            pick = min if claims is Claims.MIN else max
            chosen = pick(group, key=lambda r: key(r.figure))
            items.append(_Item(record, chosen.figure, (chosen,), *span))
    return items


def _select(
    catalog: Catalog,
    measure: Measure,
    claims: Claims,
    in_scope: Callable[[ProductionRecord], bool] | None = None,
    window: Period | None = None,
) -> list[_Item]:
    """The chosen figures of one measure that ``in_scope`` keeps and that overlap the window;
    a figure reaching outside the window is cut to it and counts from 0 up to its figure."""
    counted = [
        r
        for r in catalog.production
        if r.measure is measure
        and r.unit is Unit.VEHICLES
        and (in_scope is None or in_scope(r))
        and (window is None or r.period.overlaps(window))
    ]
    rivals: dict[str, list[ProductionRecord]] = defaultdict(list)
    for record in counted:
        if record.alternative_to is not None:
            rivals[record.alternative_to].append(record)
    items = _items((r for r in counted if r.preferred), claims, rivals)
    if window is None:
        return items
    first, last = window.earliest(), window.latest()
    return [
        item
        if _within(item.record.period, window)
        else attrs.evolve(
            item,
            figure=Figure(0, item.figure.high, item.figure.approximate),
            first=max(item.first, first),
            last=min(item.last, last),
            partial=True,
        )
        for item in items
    ]


def _make_of(catalog: Catalog, record: ProductionRecord) -> str:
    """The make a figure counts: its own, else its model's; :data:`MAKE_NOT_STATED` if none."""
    if record.make is not None:
        return record.make
    subject = catalog.find(record.subject)
    if isinstance(subject, Variant):
        subject = catalog.model(subject.model)
    return subject.make if isinstance(subject, Model) else MAKE_NOT_STATED


def _containers(catalog: Catalog, subject_id: str) -> set[str]:
    """The subject and every subject that contains it (its model, that model's plants)."""
    found = {subject_id}
    subject = catalog.find(subject_id)
    if isinstance(subject, Variant):
        found.add(subject.model)
        subject = catalog.model(subject.model)
    if isinstance(subject, Model):
        found.update(subject.plants)
    return found


def _rank(catalog: Catalog, subject_id: str) -> int:
    """How wide a subject is: a variant 0, a model 1, a plant 2."""
    subject = catalog.find(subject_id)
    return 0 if isinstance(subject, Variant) else 1 if isinstance(subject, Model) else 2


def _within(inner: Period, outer: Period) -> bool:
    return outer.earliest() <= inner.earliest() and inner.latest() <= outer.latest()


def _covers(catalog: Catalog, outer: ProductionRecord, inner: ProductionRecord) -> bool:
    """Whether ``inner`` is a breakdown of ``outer``: inside its subject, plant and period."""
    if not _within(inner.period, outer.period):
        return False
    if outer.plant is not None and inner.plant not in (None, outer.plant):
        return False
    return outer.subject in _containers(catalog, inner.subject)


def _days(start: datetime.date, end: datetime.date) -> int:
    return max(0, (end - start).days + 1)


def _less(whole: Figure, parts: Figure) -> Figure | None:
    """What ``whole`` leaves once ``parts`` are taken out, or ``None`` when they exceed it.

    The interval is honest: the least the remainder can be is the least of the whole less the
    most of the parts (never below 0), the most is the most of the whole less the least of the
    parts.
    """
    if whole.high is not None and parts.low > whole.high:
        return None
    low = 0 if parts.high is None else max(0, whole.low - parts.high)
    high = None if whole.high is None else whole.high - parts.low
    return Figure(low, high, whole.approximate or parts.approximate)


@attrs.frozen
class _Tree:
    """The selected figures, each nested inside the narrowest figure that contains it."""

    items: tuple[_Item, ...]
    children: tuple[tuple[int, ...], ...]
    roots: tuple[int, ...]
    overruns: tuple[Overrun, ...]


def _tree(catalog: Catalog, items: Sequence[_Item]) -> _Tree:
    """Nest each figure inside the narrowest wider figure that contains it: the one with the
    narrowest subject (a variant, then a model, then a plant), then the shortest period."""
    by_subject: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        by_subject[item.record.subject].append(index)
    ranks = {subject: _rank(catalog, subject) for subject in by_subject}
    children: list[list[int]] = [[] for _ in items]
    roots = []
    for index, item in enumerate(items):
        record = item.record
        best: tuple[int, int, int] | None = None
        for container in _containers(catalog, record.subject):
            for other in by_subject.get(container, ()):
                outer = items[other].record
                if other == index or not _covers(catalog, outer, record):
                    continue
                # Of two records with the same subject and period, the first stands for both.
                same = outer.period == record.period and outer.subject == record.subject
                if same and other > index:
                    continue
                days = _days(outer.period.earliest(), outer.period.latest())
                candidate = (ranks[outer.subject], days, other)
                if best is None or candidate < best:
                    best = candidate
        if best is None:
            roots.append(index)
        else:
            children[best[2]].append(index)
    # Children first: a whole is at least what its breakdowns add up to at their least.
    order: list[int] = []
    pending = list(roots)
    while pending:
        index = pending.pop()
        order.append(index)
        pending.extend(children[index])
    tightened = list(items)
    overruns = []
    for index in reversed(order):
        inner = children[index]
        if not inner:
            continue
        item = tightened[index]
        breakdown_total = sum((tightened[i].figure for i in inner), Figure.exact(0))
        if _less(item.figure, breakdown_total) is None:
            overruns.append(
                Overrun(
                    item.record, tuple(items[i].record for i in inner), item.figure, breakdown_total
                )
            )
        elif breakdown_total.low > item.figure.low:
            figure = Figure(breakdown_total.low, item.figure.high, item.figure.approximate)
            tightened[index] = attrs.evolve(item, figure=figure)
    return _Tree(tuple(tightened), tuple(map(tuple, children)), tuple(roots), tuple(overruns))


def _whole(item: _Item) -> Part:
    kind = PartKind.PARTIAL if item.partial else PartKind.WHOLE
    return Part(item.record, item.figure, kind, item.records)


@attrs.frozen
class _Placement:
    """Where each figure of a tree counts: whole in a row, or as an unallocated remainder."""

    rows: dict[str, list[int]]
    #: each figure with no row, with its breakdowns that counted in rows.
    loose: list[tuple[int, list[int]]]


def _place(tree: _Tree, tops: Iterable[int], key: Callable[[_Item], str | None]) -> _Placement:
    """Put each figure whole in the row ``key`` gives it; a figure with no row counts through
    its breakdowns that have one, and its remainder is unallocated."""
    rows: dict[str, list[int]] = defaultdict(list)
    loose: list[tuple[int, list[int]]] = []
    for top in tops:
        label = key(tree.items[top])
        if label is not None:
            rows[label].append(top)
            continue
        placed: list[int] = []
        pending = list(reversed(tree.children[top]))
        while pending:
            index = pending.pop()
            inner_label = key(tree.items[index])
            if inner_label is None:
                pending.extend(reversed(tree.children[index]))
            else:
                rows[inner_label].append(index)
                placed.append(index)
        loose.append((top, placed))
    return _Placement(rows, loose)


def _remainder(tree: _Tree, top: int, placed: Sequence[int]) -> Part:
    """A figure with no row, less its breakdowns that counted in rows."""
    item = tree.items[top]
    if not placed:
        return _whole(item)
    taken = sum((tree.items[i].figure for i in placed), Figure.exact(0))
    # Breakdowns beyond their whole are reported as overruns; nothing is left over then.
    left = _less(item.figure, taken) or Figure.exact(0)
    less = tuple(tree.items[i].record.id for i in placed)
    kind = PartKind.PARTIAL if item.partial else PartKind.REMAINDER
    return Part(item.record, left, kind, item.records, less)


def _sum(
    label: str,
    parts: Iterable[Part],
    *,
    partial: bool = False,
    overlapping: Sequence[Part] = (),
) -> Total:
    """The parts added up; each overlapping part widens the sum by the most it may hold."""
    figure: Figure | None = None
    records: dict[str, ProductionRecord] = {}
    listed = tuple(parts)
    for part in listed:
        figure = part.figure if figure is None else figure + part.figure
        for record in part.records:
            records.setdefault(record.id, record)
    for part in overlapping:
        most = Figure(0, part.figure.high, part.figure.approximate)
        figure = most if figure is None else figure + most
    return Total(label, figure, tuple(records.values()), listed, partial, tuple(overlapping))


E = TypeVar("E", Measure, Claims, Allocation)


def _parse_enum(option: str, kind: type[E], value: E | str) -> E:
    try:
        return kind(value)
    except ValueError:
        raise InvalidOptionError(option, value, (m.value for m in kind)) from None


def _options(measure: Measure | str, claims: Claims | str) -> tuple[Measure, Claims]:
    return _parse_enum("measure", Measure, measure), _parse_enum("claims", Claims, claims)


# -- choosing the figures a question counts -------------------------------------------------


@attrs.frozen
class _Scope:
    """The nested figures of one question, and the topmost of those it counts."""

    tree: _Tree
    tops: tuple[int, ...]
    #: when the figures are of different kinds: each of them, listed, and nothing added.
    unlike: tuple[Part, ...] = ()
    #: each record's days: its period, cut to the window.
    spans: dict[str, tuple[datetime.date, datetime.date]] = attrs.field(
        default=attrs.Factory(
            lambda self: {item.record.id: (item.first, item.last) for item in self.tree.items},
            takes_self=True,
        ),
        eq=False,
    )

    def grand_total(self) -> Total:
        """Every counted figure, whole: the same whichever breakdown is asked for."""
        if self.unlike:
            records = tuple(dict.fromkeys(r for p in self.unlike for r in p.records))
            return Total("total", None, records, unlike=self.unlike)
        return _sum("total", (_whole(self.tree.items[i]) for i in self.tops))

    def overruns(self) -> tuple[Overrun, ...]:
        if self.unlike:
            return ()
        inside: set[int] = set()
        pending = list(self.tops)
        while pending:
            index = pending.pop()
            inside.add(index)
            pending.extend(self.tree.children[index])
        ids = {self.tree.items[i].record.id for i in inside}
        return tuple(o for o in self.tree.overruns if o.record.id in ids)

    def span(self, record: ProductionRecord) -> tuple[datetime.date, datetime.date]:
        """The days a record's figure counts in: its period, cut to the window."""
        found = self.spans.get(record.id)
        return (record.period.earliest(), record.period.latest()) if found is None else found


def _plant_key(catalog: Catalog) -> Callable[[_Item], str | None]:
    """A figure's plant: its own, its subject if a plant, or its model's only plant."""
    plant_ids = {p.id for p in catalog.plants}

    def plant_of(item: _Item) -> str | None:
        if item.record.plant is not None:
            return item.record.plant
        plants = _containers(catalog, item.record.subject) & plant_ids
        return plants.pop() if len(plants) == 1 else None

    return plant_of


def _window(start: PartialDate | str | int | None, end: PartialDate | str | int | None) -> Period:
    """The span ``start`` to ``end``, either open (see :meth:`Catalog.events_between`)."""
    return Period(*(None if d is None else PartialDate.of(d) for d in (start, end)))


#: The ``make`` argument: a make, several, ``"brand"``, ``"all"``, or ``None`` for the default.
MakeOption = str | Iterable[str] | None


@attrs.frozen
class _Makes:
    """Which makes a question adds (``None``: every make) and which it lists apart."""

    counted: frozenset[str] | None
    apart: tuple[str, ...] = ()

    def keeps(self, catalog: Catalog) -> Callable[[ProductionRecord], bool]:
        counted = self.counted
        if counted is None:
            return lambda record: True
        return lambda record: _make_of(catalog, record) in counted

    @property
    def names(self) -> tuple[str, ...]:
        if self.counted is None:
            return ()
        order = {make: index for index, make in enumerate(BRAND_MAKES)}
        return tuple(sorted(self.counted, key=lambda m: (order.get(m, len(order)), m)))


def _makes(
    catalog: Catalog, make: MakeOption, found: Model | Variant | Plant | None, measure: Measure
) -> _Makes:
    """The makes a question counts.

    By default the brand's (:data:`BRAND_MAKES`), or every make for a model's or variant's own
    figures (they are all of its make). ``"all"`` adds the brand's makes and lists every other
    make apart. Named makes: the brand's among them are added and the others listed apart; with
    none of the brand's, the named makes are added.
    """
    own = isinstance(found, Model | Variant)
    if make is None:
        return _Makes(None if own else frozenset(BRAND_MAKES))
    names = [make] if isinstance(make, str) else list(make)
    present = {_make_of(catalog, r) for r in catalog.production if r.measure is measure}
    known = {m.make for m in catalog.models} | present | set(BRAND_MAKES)
    folded = {name.casefold(): name for name in known}
    chosen: set[str] = set()
    for name in names:
        if not isinstance(name, str):
            raise InvalidOptionError("make", name, ("brand", ALL_MAKES, *sorted(known)))
        if name.casefold() == ALL_MAKES:
            if own:
                return _Makes(None)
            others = sorted(m for m in present if m not in BRAND_MAKES)
            return _Makes(frozenset(BRAND_MAKES), tuple(others))
        if name.casefold() == "brand":
            chosen |= set(BRAND_MAKES)
        elif name.casefold() in folded:
            chosen.add(folded[name.casefold()])
        else:
            raise InvalidOptionError("make", name, ("brand", ALL_MAKES, *sorted(known)))
    brand = chosen & set(BRAND_MAKES)
    if brand:
        return _Makes(frozenset(brand), tuple(sorted(chosen - brand)))
    return _Makes(frozenset(chosen))


def _scope(
    catalog: Catalog,
    measure: Measure,
    claims: Claims,
    subject: SubjectRef | Model | Variant | Plant | None,
    include_variants: bool,
    window: Period | None = None,
    makes: frozenset[str] | None = None,
    kind: str | None = None,
) -> tuple[_Scope, str | None]:
    """The figures a question counts; returns the scope and the subject's id.

    A model (with its variants, unless ``include_variants`` is false) or a variant counts its own
    figures. A plant counts what :func:`by_plant` puts in its row. With a ``window``, the figures
    that overlap it count, those reaching outside it only in part. Only figures of the ``makes``
    (every make when ``None``) and, when given, of the ``kind`` count.
    """
    found = None if subject is None else catalog.find(subject)
    inside = None if window is None or window == Period() else window
    keep = _Makes(makes).keeps(catalog)

    def kept(record: ProductionRecord) -> bool:
        return keep(record) and (kind is None or record.kind == kind)

    if found is None or isinstance(found, Plant):
        tree = _tree(catalog, _select(catalog, measure, claims, kept, inside))
        if found is None:
            scope = _Scope(tree, tree.roots)
        else:
            placement = _place(tree, tree.roots, _plant_key(catalog))
            scope = _Scope(tree, tuple(sorted(placement.rows.get(found.id, ()))))
    else:
        ids = {found.id}
        if isinstance(found, Model) and include_variants:
            ids |= {v.id for v in catalog.variants_of(found)}
        items = _select(catalog, measure, claims, lambda r: r.subject in ids and kept(r), inside)
        tree = _tree(catalog, items)
        scope = _Scope(tree, tree.roots)
    counted = _counted(scope)
    if kind is None and len({scope.tree.items[i].record.kind for i in counted}) > 1:
        listed = sorted(counted, key=lambda i: (scope.tree.items[i].first, i))
        scope = attrs.evolve(scope, unlike=tuple(_whole(scope.tree.items[i]) for i in listed))
    return scope, None if found is None else found.id


def _counted(scope: _Scope) -> list[int]:
    """The tops of a scope and every figure nested inside them."""
    found: list[int] = []
    pending = list(scope.tops)
    while pending:
        index = pending.pop()
        found.append(index)
        pending.extend(scope.tree.children[index])
    return sorted(found)


@attrs.frozen
class _Question:
    """One question's options, parsed once."""

    catalog: Catalog
    measure: Measure
    claims: Claims
    window: Period
    makes: _Makes
    kind: str | None

    def scope(
        self, subject: SubjectRef | None = None, include_variants: bool = True
    ) -> tuple[_Scope, str | None]:
        return _scope(
            self.catalog,
            self.measure,
            self.claims,
            subject,
            include_variants,
            self.window,
            self.makes.counted,
            self.kind,
        )

    def other_makes(self, subject: SubjectRef | None, include_variants: bool) -> tuple[Total, ...]:
        """One total per make listed apart: lines the brand's total leaves out."""
        lines = []
        for make in self.makes.apart:
            scope, _ = _scope(
                self.catalog,
                self.measure,
                self.claims,
                subject,
                include_variants,
                self.window,
                frozenset({make}),
                self.kind,
            )
            if scope.tops:
                lines.append(attrs.evolve(scope.grand_total(), label=make))
        return tuple(lines)


def _question(
    catalog: Catalog | None,
    measure: Measure | str,
    claims: Claims | str,
    start: PartialDate | str | int | None,
    end: PartialDate | str | int | None,
    make: MakeOption,
    kind: str | None,
    subject: SubjectRef | None = None,
) -> _Question:
    cat = _catalog(catalog)
    chosen_measure, chosen_claims = _options(measure, claims)
    found = None if subject is None else cat.find(subject)
    if kind is not None and not isinstance(kind, str):
        raise InvalidOptionError("kind", kind, sorted({r.kind for r in cat.production if r.kind}))
    return _Question(
        cat,
        chosen_measure,
        chosen_claims,
        _window(start, end),
        _makes(cat, make, found, chosen_measure),
        kind,
    )


#: A row's days, and the tests of whether an unallocated figure may hold its vehicles: whether
#: the figure's subject can (``may_hold``), and whether a breakdown of the figure counted in the
#: row covers all of the row's vehicles in that breakdown's days (``covers``).
@attrs.frozen
class _RowScope:
    first: datetime.date
    last: datetime.date
    may_hold: Callable[[ProductionRecord], bool]
    covers: Callable[[ProductionRecord, ProductionRecord], bool]


def _same_subject(breakdown: ProductionRecord, figure: ProductionRecord) -> bool:
    return breakdown.subject == figure.subject and breakdown.plant == figure.plant


def _anything(record: ProductionRecord) -> bool:
    return True


def _time_row(first: datetime.date, last: datetime.date) -> _RowScope:
    return _RowScope(first, last, _anything, _same_subject)


def _overlaps(scope: _Scope, row: _RowScope, loose: Part, parts: Sequence[Part]) -> bool:
    """Whether an unallocated part may hold vehicles of a row: its days meet the row's, its
    subject may hold the row's, and the row's own figures of its whole subject (the model's
    for a model row, the same subject's for a time row) do not cover those days."""
    figure_first, figure_last = scope.span(loose.record)
    first, last = max(row.first, figure_first), min(row.last, figure_last)
    if first > last or not row.may_hold(loose.record):
        return False
    # A figure of the row's whole subject counts every vehicle of the row in its days.
    spans = sorted(scope.span(p.record) for p in parts if row.covers(p.record, loose.record))
    day = datetime.timedelta(days=1)
    for start, end in spans:
        if start > first:
            break
        if end >= last:
            return False
        first = max(first, end + day)
    return True


def _grouped(
    measure: Measure,
    scope: _Scope,
    key: Callable[[_Item], str | None],
    order: Sequence[str],
    row_scope: Callable[[str], _RowScope],
    partial: Callable[[str, list[Part]], bool] | None = None,
) -> Totals:
    """Totals per label of ``key``, rows in ``order``; what has no label is unallocated."""
    if scope.unlike:
        return Totals(measure, (), Total("unallocated", None), scope.grand_total())
    placement = _place(scope.tree, scope.tops, key)
    items = scope.tree.items
    rows = {
        label: [_whole(items[i]) for i in sorted(indices)]
        for label, indices in placement.rows.items()
    }
    loose = [_remainder(scope.tree, top, placed) for top, placed in placement.loose]
    return _totals(measure, scope, rows, loose, order, row_scope, partial)


def _totals(
    measure: Measure,
    scope: _Scope,
    rows: dict[str, list[Part]],
    loose: list[Part],
    order: Sequence[str],
    row_scope: Callable[[str], _RowScope],
    partial: Callable[[str, list[Part]], bool] | None = None,
    *,
    every_row: bool = False,
) -> Totals:
    """The rows in ``order`` (those with figures, or all of them with ``every_row``), each
    widened by the unallocated parts that overlap it, the unallocated parts and the grand
    total."""
    listed = []
    for label in order:
        parts = rows.get(label, [])
        row = row_scope(label)
        overlapping = [part for part in loose if _overlaps(scope, row, part, parts)]
        if not parts and not overlapping and not every_row:
            continue
        part_of_year = bool(parts) and partial is not None and partial(label, parts)
        listed.append(_sum(label, parts, partial=part_of_year, overlapping=overlapping))
    unallocated = _sum("unallocated", loose)
    return Totals(measure, tuple(listed), unallocated, scope.grand_total(), scope.overruns())


def _finish(totals: Totals, question: _Question, others: tuple[Total, ...]) -> Totals:
    return attrs.evolve(totals, makes=question.makes.names, other_makes=others)


# -- public helpers ------------------------------------------------------------------------


def total(
    subject: SubjectRef,
    *,
    measure: Measure | str = Measure.BUILT,
    include_variants: bool = True,
    claims: Claims | str = Claims.PREFERRED,
    start: PartialDate | str | int | None = None,
    end: PartialDate | str | int | None = None,
    make: MakeOption = None,
    kind: str | None = None,
    catalog: Catalog | None = None,
) -> Total:
    """The total of one model (with its variants) or plant, without double counting.

    A figure that breaks down a wider one (a year inside a series total) is inside it and is not
    added again; a plant's total is what its row of :func:`by_plant` holds
    (:attr:`Total.inside`). A figure that overlaps the window only in part counts as a
    ``partial`` part, from 0 (or what its breakdowns in the window add up to) to its figure:

    >>> row = total("412", start=1967, end=1976)
    >>> str(row.figure), [(str(p.record.period), p.kind.value) for p in row.parts]
    ('≥0', [('1967/1982', 'partial')])

    :param subject: a model, variant or plant name or id.
    :param measure: what to count.
    :param include_variants: for a model, count figures given for its variants too.
    :param claims: which claim counts where sources disagree.
    :param start: count figures whose period starts on or after this date (a
        :class:`~moskvitch.PartialDate`, ISO text or a year) whole, and those reaching
        before it in part; ``None`` for no limit.
    :param end: the same for the end of the period.
    :param make: the makes to count. A model's or variant's figures are of its make, and all
        count by default; a plant's count the brand's own line (:data:`BRAND_MAKES`) by
        default; ``"all"`` adds every make together, and a name or names picks makes.
    :param kind: add only figures of this kind (see :attr:`~moskvitch.ProductionRecord.kind`); by
        default, figures of different kinds are listed in :attr:`Total.unlike`, not added.
    :param catalog: the catalog; the shipped one by default.
    :returns: the total (``figure`` is ``None`` when no figure is known) and its records.
    :raises UnknownNameError: when the subject is unknown.
    :raises InvalidOptionError: for an unknown measure, claims policy or make.

    >>> str(total("2141").figure)
    '≥716,000'
    """
    question = _question(catalog, measure, claims, start, end, make, kind, subject)
    if question.makes.apart:  # a single total: every make asked for is added
        counted = question.makes.counted or frozenset()
        question = attrs.evolve(question, makes=_Makes(counted | set(question.makes.apart)))
    scope, found = question.scope(subject, include_variants)
    return attrs.evolve(scope.grand_total(), label=found or "")


def _partial_year(scope: _Scope) -> Callable[[str, list[Part]], bool]:
    def partial(label: str, parts: list[Part]) -> bool:
        """Whether the parts' periods leave some day of the year ``label`` uncovered."""
        year = int(label)
        day = datetime.timedelta(days=1)
        covered_to = datetime.date(year, 1, 1) - day
        for start, end in sorted(scope.span(p.record) for p in parts):
            if start > covered_to + day:
                return True
            covered_to = max(covered_to, end)
        return covered_to < datetime.date(year, 12, 31)

    return partial


def by_year(
    subject: SubjectRef | None = None,
    *,
    measure: Measure | str = Measure.BUILT,
    include_variants: bool = True,
    claims: Claims | str = Claims.PREFERRED,
    start: PartialDate | str | int | None = None,
    end: PartialDate | str | int | None = None,
    make: MakeOption = None,
    kind: str | None = None,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per calendar year, from the figures the sources give for single years or less.

    Figures spanning several years are never spread over the years: what they hold beyond the
    yearly figures inside them (their remainder) is unallocated, and widens the rows of the
    years it overlaps. A row whose figures cover only part of its year (a month, or March to
    December) is marked ``partial``.

    :param subject: a model, variant or plant name or id; ``None`` for everything.
    :param measure: what to count.
    :param include_variants: for a model, count figures given for its variants too.
    :param claims: which claim counts where sources disagree.
    :param start: count figures whose period starts on or after this date (a
        :class:`~moskvitch.PartialDate`, ISO text or a year) whole, and those reaching before
        it in part; ``None`` for no limit.
    :param end: the same for the end of the period.
    :param make: the makes to count: by default the brand's own line
        (:data:`BRAND_MAKES`); ``"all"`` for every make, the others on lines of their own
        (:attr:`Totals.other_makes`); or a make (``"Renault"``) or several.
    :param kind: add only figures of this kind; by default, figures of different kinds are
        not added (the rows are empty and ``grand_total.unlike`` lists them).
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per year with figures, in year order.

    >>> [(label, str(row.figure)) for label, row in by_year("400").items()]
    [('1947', '1,501'), ('1948', '4,808'), ('1949', '19,906')]
    >>> list(by_year("400", start=1948))
    ['1948', '1949']
    """
    question = _question(catalog, measure, claims, start, end, make, kind, subject)
    scope, _ = question.scope(subject, include_variants)

    def year_of(item: _Item) -> str | None:
        return str(item.first.year) if item.first.year == item.last.year else None

    years = sorted({item.first.year for item in scope.tree.items if year_of(item)})

    def row_scope(label: str) -> _RowScope:
        year = int(label)
        return _time_row(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    order = [str(year) for year in years]
    totals = _grouped(question.measure, scope, year_of, order, row_scope, _partial_year(scope))
    return _finish(totals, question, question.other_makes(subject, include_variants))


def by_model(
    *,
    measure: Measure | str = Measure.BUILT,
    claims: Claims | str = Claims.PREFERRED,
    start: PartialDate | str | int | None = None,
    end: PartialDate | str | int | None = None,
    make: MakeOption = None,
    kind: str | None = None,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per model (variants counted with their model); each row holds what
    :func:`total` of the model gives (:attr:`Total.inside`).

    A plant-wide figure counts here through its breakdowns by model; what it holds beyond them
    is unallocated, and widens the row of each model built at the plant whose production it
    overlaps, unless the model's own figures inside it cover those days.

    :param measure: what to count.
    :param claims: which claim counts where sources disagree.
    :param start: count figures whose period starts on or after this date (a
        :class:`~moskvitch.PartialDate`, ISO text or a year) whole, and those reaching before
        it in part; ``None`` for no limit.
    :param end: the same for the end of the period.
    :param make: the makes to count: by default the brand's own line
        (:data:`BRAND_MAKES`); ``"all"`` for every make, the others on lines of their own
        (:attr:`Totals.other_makes`); or a make (``"Renault"``) or several.
    :param kind: add only figures of this kind; by default, figures of different kinds are
        not added.
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per model id with figures, in catalog order.
    """
    question = _question(catalog, measure, claims, start, end, make, kind)
    cat = question.catalog
    scope, _ = question.scope()

    def model_of(item: _Item) -> str | None:
        subject = cat.find(item.record.subject)
        if isinstance(subject, Variant):
            return subject.model
        return subject.id if isinstance(subject, Model) else None

    def row_scope(label: str) -> _RowScope:
        model = cat.model(label)
        first, last = datetime.date.min, datetime.date.max
        if model.production is not None:
            first, last = model.production.earliest(), model.production.latest()
        containers = _containers(cat, model.id)

        def covers(breakdown: ProductionRecord, figure: ProductionRecord) -> bool:
            return breakdown.subject == model.id and breakdown.plant in (None, figure.plant)

        def may_hold(figure: ProductionRecord) -> bool:
            # A plant's figure holds the model's vehicles only if it counts the model's make.
            return figure.subject in containers and _make_of(cat, figure) == model.make

        return _RowScope(first, last, may_hold, covers)

    order = [m.id for m in cat.models]
    totals = _grouped(question.measure, scope, model_of, order, row_scope)
    return _finish(totals, question, question.other_makes(None, True))


def by_plant(
    *,
    measure: Measure | str = Measure.BUILT,
    claims: Claims | str = Claims.PREFERRED,
    start: PartialDate | str | int | None = None,
    end: PartialDate | str | int | None = None,
    make: MakeOption = None,
    kind: str | None = None,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per plant: a figure's own plant, its subject if a plant, or its model's only
    plant; each row holds what :func:`total` of that plant gives (:attr:`Total.inside`).

    :param measure: what to count.
    :param claims: which claim counts where sources disagree.
    :param start: count figures whose period starts on or after this date (a
        :class:`~moskvitch.PartialDate`, ISO text or a year) whole, and those reaching before
        it in part; ``None`` for no limit.
    :param end: the same for the end of the period.
    :param make: the makes to count: by default the brand's own line
        (:data:`BRAND_MAKES`); ``"all"`` for every make, the others on lines of their own
        (:attr:`Totals.other_makes`); or a make (``"Renault"``) or several.
    :param kind: add only figures of this kind; by default, figures of different kinds are
        not added.
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per plant id with figures, in catalog order; figures of models built at
        several plants, with no plant of their own, count through their breakdowns, and their
        remainder is unallocated and widens the rows of those plants.
    """
    question = _question(catalog, measure, claims, start, end, make, kind)
    cat = question.catalog
    scope, _ = question.scope()

    def row_scope(label: str) -> _RowScope:
        def may_hold(record: ProductionRecord) -> bool:
            return record.plant == label or (
                record.plant is None and label in _containers(cat, record.subject)
            )

        def covers(breakdown: ProductionRecord, figure: ProductionRecord) -> bool:
            return breakdown.subject in (figure.subject, label) and breakdown.plant in (None, label)

        return _RowScope(datetime.date.min, datetime.date.max, may_hold, covers)

    order = [p.id for p in cat.plants]
    totals = _grouped(question.measure, scope, _plant_key(cat), order, row_scope)
    return _finish(totals, question, question.other_makes(None, True))


def totals_by_era(
    eras: Iterable[Era] | None = None,
    *,
    measure: Measure | str = Measure.BUILT,
    allocation: Allocation | str = Allocation.STRICT,
    claims: Claims | str = Claims.PREFERRED,
    subject: SubjectRef | None = None,
    include_variants: bool = True,
    start: PartialDate | str | int | None = None,
    end: PartialDate | str | int | None = None,
    make: MakeOption = None,
    kind: str | None = None,
    catalog: Catalog | None = None,
) -> Totals:
    """Totals per era of the brand's history.

    A figure inside one era counts whole in that era. A wider figure spanning several eras
    counts through its breakdowns, each in its own era; what it holds beyond them (its
    remainder) is unallocated under ``"strict"`` allocation, and widens the row of every era it
    overlaps; under ``"proportional"`` it is split over the eras by days, and each era's share
    lies inside the era's strict interval.

    :param eras: the eras, which must not overlap; :data:`DEFAULT_ERAS` by default.
    :param measure: what to count.
    :param allocation: what to do with a figure spanning several eras.
    :param claims: which claim counts where sources disagree.
    :param subject: only this model (with its variants) or plant; ``None`` for everything.
    :param include_variants: for a model, count figures given for its variants too.
    :param start: count figures whose period starts on or after this date (a
        :class:`~moskvitch.PartialDate`, ISO text or a year) whole, and those reaching before
        it in part; ``None`` for no limit.
    :param end: the same for the end of the period.
    :param make: the makes to count: by default the brand's own line
        (:data:`BRAND_MAKES`); ``"all"`` for every make, the others on lines of their own
        (:attr:`Totals.other_makes`); or a make (``"Renault"``) or several.
    :param kind: add only figures of this kind; by default, figures of different kinds are
        not added (the rows are empty and ``grand_total.unlike`` lists them).
    :param catalog: the catalog; the shipped one by default.
    :returns: one row per era, in the order given, plus the unallocated part.
    :raises InvalidErasError: when eras overlap.
    :raises InvalidOptionError: when an option is unknown.

    >>> str(totals_by_era(allocation="strict")["expansion"].figure)
    '≥1,400,000'
    """
    chosen_eras = tuple(DEFAULT_ERAS if eras is None else eras)
    _check_eras(chosen_eras)
    question = _question(catalog, measure, claims, start, end, make, kind, subject)
    chosen_allocation = _parse_enum("allocation", Allocation, allocation)
    scope, _ = question.scope(subject, include_variants)
    others = question.other_makes(subject, include_variants)
    if scope.unlike:
        unlike = Totals(question.measure, (), Total("unallocated", None), scope.grand_total())
        return _finish(unlike, question, others)
    spans = {era.name: (era.period.earliest(), era.period.latest()) for era in chosen_eras}

    def era_of(item: _Item) -> str | None:
        return next(
            (
                name
                for name, (start, end) in spans.items()
                if start <= item.first and item.last <= end
            ),
            None,
        )

    placement = _place(scope.tree, scope.tops, era_of)
    items = scope.tree.items
    rows: dict[str, list[Part]] = {
        label: [_whole(items[i]) for i in sorted(indices)]
        for label, indices in placement.rows.items()
    }
    loose: list[Part] = []
    for top, placed in placement.loose:
        part = _remainder(scope.tree, top, placed)
        first, last = scope.span(part.record)
        if chosen_allocation is Allocation.STRICT or part.record.period.is_open:
            loose.append(part)
            continue
        shares, outside = _split(part.figure, first, last, chosen_eras)
        kind_of = PartKind.SHARE if len(shares) + (outside is not None) > 1 else part.kind
        for era, share in shares:
            rows.setdefault(era.name, []).append(attrs.evolve(part, figure=share, kind=kind_of))
        if outside is not None:
            loose.append(attrs.evolve(part, figure=outside, kind=kind_of))

    def row_scope(label: str) -> _RowScope:
        return _time_row(*spans[label])

    order = [era.name for era in chosen_eras]
    result = _totals(question.measure, scope, rows, loose, order, row_scope, every_row=True)
    return _finish(result, question, others)


def _check_eras(eras: Sequence[Era]) -> None:
    for index, era in enumerate(eras):
        for other in eras[index + 1 :]:
            if era.period.overlaps(other.period):
                raise InvalidErasError(
                    f"eras {era.name!r} ({era.period}) and {other.name!r} ({other.period}) "
                    "overlap; give eras that share no day, e.g. '1946/1966' and '1967/1991'"
                )


def _split(
    figure: Figure, first: datetime.date, last: datetime.date, eras: Sequence[Era]
) -> tuple[list[tuple[Era, Figure]], Figure | None]:
    """Split a figure over eras by days, with parts that add up exactly (largest remainder)."""
    total_days = _days(first, last)
    weights = [
        _days(max(first, era.period.earliest()), min(last, era.period.latest())) for era in eras
    ]
    weights.append(total_days - sum(weights))  # the days outside every era
    # Production figures are counts: whole numbers (checked at validation).
    lows = _apportion(int(figure.low), weights)
    spreads = None if figure.high is None else _apportion(int(figure.high - figure.low), weights)
    pieces = [
        Figure(low, None if spreads is None else low + spreads[i], approximate=True)
        for i, low in enumerate(lows)
    ]
    if sum(1 for w in weights if w > 0) == 1:
        # Not split at all (e.g. wholly outside every era): the figure keeps its exactness.
        pieces = [figure] * len(pieces)
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
