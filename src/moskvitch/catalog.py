"""The :class:`Catalog`: every record, validated, with forgiving look-ups."""

import types
import typing
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Self, TypeVar

import attrs

from .dates import PartialDate, Period
from .errors import DataError, UnknownNameError
from .figures import Figure
from .names import NameKeys, close_matches, name_key
from .records import (
    Citation,
    Claim,
    Dispute,
    Engine,
    Event,
    Fact,
    Link,
    Measure,
    Model,
    Plant,
    ProductionRecord,
    Source,
    Unit,
    Variant,
)

__all__ = ["COLLECTIONS", "Catalog", "Subject"]

Subject = Model | Variant | Plant
"""Anything an event or a production figure can be about."""

SubjectRef = str | int | Model | Variant | Plant
"""A subject, or any id, name or alias of one; an int is a designation (``412``)."""

R = TypeVar("R")
S = TypeVar("S", Model, Variant, Plant)


class _Index:
    """The look-up tables of a catalog, built once with it."""

    __slots__ = (
        "by_collection",
        "by_id",
        "events_by_date",
        "facts_by_subject",
        "links_to",
        "models",
        "plants",
        "production_by_subject",
        "variants",
        "variants_by_model",
    )

    def __init__(
        self,
        *,
        models: Mapping[str, Model],
        variants: Mapping[str, Variant],
        plants: Mapping[str, Plant],
        by_id: Mapping[str, Source | Engine | Subject],
        production_by_subject: Mapping[str, tuple[ProductionRecord, ...]],
        facts_by_subject: Mapping[str, tuple[Fact, ...]],
        variants_by_model: Mapping[str, tuple[Variant, ...]],
        links_to: Mapping[str, tuple[tuple[Model, Link], ...]],
        events_by_date: tuple[Event, ...],
        by_collection: Mapping[str, Mapping[str, Any]],
    ) -> None:
        self.models = models
        self.variants = variants
        self.plants = plants
        self.by_id = by_id
        self.production_by_subject = production_by_subject
        self.facts_by_subject = facts_by_subject
        self.variants_by_model = variants_by_model
        self.links_to = links_to
        self.events_by_date = events_by_date
        self.by_collection = by_collection


def _keyed(
    records: Iterable[R], names: Callable[[R], Iterable[str]], keys: NameKeys
) -> dict[str, R]:
    """Index records by each name as written and by its forgiving key (see :func:`name_key`).

    Names as written make the common look-up a single dict access; validation guarantees that
    no name or key of one record is the key of another.
    """
    index: dict[str, R] = {}
    for record in records:
        for name in names(record):
            key = keys[name]
            if key:
                index.setdefault(name, record)
                index.setdefault(key, record)
    return index


def _grouped(records: Iterable[R], key: Callable[[R], str]) -> dict[str, tuple[R, ...]]:
    groups: defaultdict[str, list[R]] = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return {k: tuple(v) for k, v in groups.items()}


def _records(items: Any) -> Any:
    """A collection as a tuple; anything else is left for validation to report as a DataError."""
    if type(items) is tuple or isinstance(items, str | bytes) or not isinstance(items, Iterable):
        return items
    return tuple(items)


@attrs.frozen(kw_only=True)
class Catalog:
    """Every record of the data set, checked for consistency when built.

    Building a catalog validates it: ids are unique, every reference resolves, every record
    cites a source, lineage has no cycles. A catalog that breaks a rule is never returned;
    :class:`~moskvitch.DataError` lists every problem instead.

    >>> import moskvitch
    >>> catalog = moskvitch.load()
    >>> catalog.model("Москвич-412") is catalog.model("moskvitch 412") is catalog.model("412")
    True
    >>> catalog.model("Moskvich 4l2")
    Traceback (most recent call last):
      ...
    moskvitch.errors.UnknownNameError: no model named 'Moskvich 4l2'; did you mean 'Moskvich-412'...

    :param sources: the documents cited.
    :param engines: the engines.
    :param models: the car models, Moskvich and foreign.
    :param variants: the body and equipment variants.
    :param plants: the plants.
    :param events: the timeline.
    :param production: the production, sales, export and planned figures.
    :param disputes: conflicting claims other than production figures.
    :param facts: other cited facts: specifications, markets, prices, workforce and more.
    :raises DataError: when any rule is broken.
    """

    sources: tuple[Source, ...] = attrs.field(default=(), converter=_records)
    engines: tuple[Engine, ...] = attrs.field(default=(), converter=_records)
    models: tuple[Model, ...] = attrs.field(default=(), converter=_records)
    variants: tuple[Variant, ...] = attrs.field(default=(), converter=_records)
    plants: tuple[Plant, ...] = attrs.field(default=(), converter=_records)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_records)
    production: tuple[ProductionRecord, ...] = attrs.field(default=(), converter=_records)
    disputes: tuple[Dispute, ...] = attrs.field(default=(), converter=_records)
    facts: tuple[Fact, ...] = attrs.field(default=(), converter=_records)
    _index: _Index = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        from .validation import problems  # only catalogs built from records need the checks

        keys = NameKeys()
        found = problems(self._collections(), COLLECTIONS, keys=keys)
        if found:
            raise DataError(found)
        self._build_index(keys)

    @classmethod
    def _of_structured(
        cls,
        collections: Mapping[str, tuple[Any, ...]],
        pending: Mapping[str, Collection[str]] | None = None,
    ) -> Self:
        """A catalog of records built by the converter, checked against every rule between
        records but not for field types, which the converter's strict hooks guarantee.

        :param collections: tuples of records by collection name; missing ones are empty.
        :param pending: ids of records that could not be structured, by collection, so that
            references to them are not reported (see :func:`moskvitch.validation.problems`).
        :returns: the validated catalog, indexed.
        :raises DataError: when any rule is broken.
        """
        from .validation import problems

        catalog = cls._assemble(collections)
        keys = NameKeys()
        found = problems(
            catalog._collections(), COLLECTIONS, typed=True, keys=keys, pending=pending
        )
        if found:
            raise DataError(found)
        catalog._build_index(keys)
        return catalog

    @classmethod
    def _of_validated(cls, collections: Mapping[str, tuple[Any, ...]]) -> Self:
        """A catalog of records known to be valid already, built without checking them again.

        Only for data that passed the same checks before: the shipped snapshot, which
        ``scripts/compile_data.py`` writes only after loading (and so validating) the TOML
        files, and which a test keeps equal to them. Every other catalog is built by the
        constructor, which validates.

        :param collections: tuples of records by collection name; missing ones are empty.
        :returns: the catalog, indexed.
        """
        catalog = cls._assemble(collections)
        catalog._build_index(NameKeys())
        return catalog

    @classmethod
    def _assemble(cls, collections: Mapping[str, tuple[Any, ...]]) -> Self:
        catalog = object.__new__(cls)
        for name in COLLECTIONS:
            object.__setattr__(catalog, name, collections.get(name, ()))
        return catalog

    def _collections(self) -> dict[str, tuple[Any, ...]]:
        return {name: getattr(self, name) for name in COLLECTIONS}

    def _build_index(self, keys: NameKeys) -> None:
        by_id: dict[str, Source | Engine | Subject] = {}
        for group in (self.sources, self.engines, self.plants, self.variants, self.models):
            by_id.update((record.id, record) for record in group)
        index = _Index(
            models=_keyed(self.models, lambda m: (m.id, *m.names), keys),
            variants=_keyed(self.variants, lambda v: (v.id, *v.names), keys),
            plants=_keyed(
                self.plants, lambda p: (p.id, p.name, *(n.name for n in p.name_history)), keys
            ),
            by_id=by_id,
            production_by_subject=_grouped(self.production, lambda r: r.subject),
            facts_by_subject=_grouped(self.facts, lambda f: f.subject),
            variants_by_model=_grouped(self.variants, lambda v: v.model),
            links_to=_grouped(
                ((m, link) for m in self.models for link in m.lineage), lambda pair: pair[1].target
            ),
            events_by_date=tuple(sorted(self.events, key=lambda e: e.date.sort_key)),
            by_collection={
                name: {record.id: record for record in getattr(self, name)}
                for name in ("events", "facts", "disputes", "production")
            },
        )
        object.__setattr__(self, "_index", index)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={len(getattr(self, name))}"
            for name in ("models", "variants", "plants", "events", "production", "sources")
        )
        return f"<Catalog {counts}>"

    # -- look-ups by name ------------------------------------------------------------------

    def model(self, name: str | int) -> Model:
        """The model with this id, name or alias.

        Case, spaces, hyphens and the spelling of the brand (Moskvich, Moskvitch, Москвич…)
        do not matter. A variant's name is not a model's: the error names the variant's model.

        >>> import moskvitch
        >>> moskvitch.load().model(412).name
        'Moskvich-412'
        >>> moskvitch.load().model("420A")
        Traceback (most recent call last):
          ...
        moskvitch.errors.UnknownNameError: no model named '420A': it is a variant of the model ...

        :param name: e.g. ``"412"``, ``412``, ``"Moskvich-412"`` or ``"Москвич-412"``.
        :returns: the model.
        :raises UnknownNameError: (a :class:`LookupError`) with close matches when none is found.
        """
        name = _checked(name, "model")
        found = self._index.models.get(name)
        if found is not None:
            return found
        try:
            return self._lookup("model", self._index.models, name)
        except UnknownNameError as error:
            variant = self._find_in(self._index.variants, name)
            if variant is None:
                raise
            model = self._index.models[variant.model]
            hint = f"it is a variant of the model {model.name!r} ({variant.name})"
            raise UnknownNameError("model", error.name, [model.name], hint=hint) from None

    def variant(self, name: str | int) -> Variant:
        """The variant with this id, name or alias (forgiving as :meth:`model`).

        :param name: e.g. ``"3e"`` or ``"Moskvich-420A"``.
        :returns: the variant.
        :raises UnknownNameError: with close matches when none is found.
        """
        return self._lookup("variant", self._index.variants, name)

    def plant(self, name: str | int) -> Plant:
        """The plant with this id or any name it carried (forgiving as :meth:`model`).

        :param name: e.g. ``"moscow"``, ``"AZLK"`` or ``"MZMA"``.
        :returns: the plant.
        :raises UnknownNameError: with close matches when none is found.
        """
        return self._lookup("plant", self._index.plants, name)

    def find(self, name: SubjectRef) -> Subject:
        """The model, variant or plant with this id, name or alias, tried in that order.

        Every method and function that takes a subject accepts what this one does.

        :param name: any id, name or alias (forgiving as :meth:`model`), or the record itself.
        :returns: the first match.
        :raises UnknownNameError: with close matches among all three when none is found.
        :raises TypeError: when ``name`` is neither a string, an int designation nor a model,
            variant or plant.
        """
        if isinstance(name, Model | Variant | Plant):
            name = name.id
        name = _checked(name, "subject")
        indexes = (self._index.models, self._index.variants, self._index.plants)
        for index in indexes:
            if (found := index.get(name)) is not None:
                return found
        key = name_key(name)
        for index in indexes:
            if (found := index.get(key)) is not None:
                return found
        known = {name_key(k): record.name for index in indexes for k, record in index.items()}
        raise UnknownNameError("model, variant or plant", name, close_matches(name, known))

    def get(self, name: str | int, default: Subject | None = None) -> Subject | None:
        """The model, variant or plant with this name, or ``default``: :meth:`find` that never
        raises for an unknown name, like ``dict.get``.

        :param name: any id, name, alias or int designation :meth:`find` accepts.
        :param default: what to return when no record has the name.
        :returns: the record, or ``default`` (``None`` unless given).
        :raises TypeError: when ``name`` is not a string or an int.

        >>> import moskvitch
        >>> moskvitch.load().get("Москвич-412")
        Model(id='moskvich-412', name='Moskvich-412', kind='production', production='1967/1976', …)
        >>> moskvitch.load().get("Moskvich-4122") is None
        True
        """
        name = _checked(name, "subject")
        try:
            return self.find(name)
        except UnknownNameError:
            return default

    def _subjects(self) -> list[Subject]:
        return [*self.models, *self.variants, *self.plants]

    def _lookup(self, kind: str, index: Mapping[str, S], name: str | int) -> S:
        name = _checked(name, kind)
        found = self._find_in(index, name)
        if found is None:
            suggestions = {name_key(key): record.name for key, record in index.items()}
            raise UnknownNameError(kind, name, close_matches(name, suggestions))
        return found

    @staticmethod
    def _find_in(index: Mapping[str, S], name: str) -> S | None:
        found = index.get(name)
        return index.get(name_key(name)) if found is None else found

    # -- look-ups by id --------------------------------------------------------------------

    def source(self, source_id: str) -> Source:
        """The source with this id.

        :param source_id: e.g. ``"ref-14"``.
        :returns: the source.
        :raises UnknownNameError: with close ids when none is found.
        """
        return self._by_id(source_id, Source, "source", (s.id for s in self.sources))

    def engine(self, engine_id: str) -> Engine:
        """The engine with this id, or with this designation (forgiving as :meth:`model`).

        >>> import moskvitch
        >>> moskvitch.load().engine("UZAM-412 1.5-litre inline-four").id
        'uzam-412'

        :param engine_id: an engine id such as ``"uzam-412"``, or its designation.
        :returns: the engine.
        :raises UnknownNameError: with close ids when none is found.
        """
        found = self._index.by_id.get(_checked_id(engine_id, "engine"))
        if isinstance(found, Engine):
            return found
        key = name_key(engine_id)
        for engine in self.engines:
            if engine.designation == engine_id or name_key(engine.designation) == key:
                return engine
        return self._by_id(engine_id, Engine, "engine", (e.id for e in self.engines))

    def event(self, event_id: str) -> Event:
        """The event with this id, as ``timeline`` prints it.

        >>> import moskvitch
        >>> moskvitch.load().event("1946-first-moskvich-400").date
        PartialDate(year=1946, month=12, day=4)

        :param event_id: e.g. ``"1946-first-moskvich-400"``.
        :returns: the event.
        :raises UnknownNameError: with close ids when none is found.
        """
        return self._in_collection("events", event_id, Event, "event")

    def fact(self, fact_id: str) -> Fact:
        """The fact with this id.

        :param fact_id: e.g. ``"moskvich-407-top-speed"``.
        :returns: the fact.
        :raises UnknownNameError: with close ids when none is found.
        """
        return self._in_collection("facts", fact_id, Fact, "fact")

    def dispute(self, dispute_id: str) -> Dispute:
        """The dispute with this id, among :meth:`conflicts`: a recorded dispute, or the dispute
        of competing production figures, whose id is the preferred figure's.

        :param dispute_id: e.g. ``"moskvich-400-engine-displacement"``.
        :returns: the dispute.
        :raises UnknownNameError: with close ids when none is found.
        """
        found = self._index.by_collection["disputes"].get(_checked_id(dispute_id, "dispute"))
        if isinstance(found, Dispute):
            return found
        conflicts = self.conflicts()
        for dispute in conflicts:
            if dispute.id == dispute_id:
                return dispute
        raise UnknownNameError(
            "dispute", dispute_id, close_matches(dispute_id, (d.id for d in conflicts))
        )

    def production_record(self, record_id: str) -> ProductionRecord:
        """The production record with this id.

        :param record_id: e.g. ``"moskvich-400-built-1947"``.
        :returns: the record.
        :raises UnknownNameError: with close ids when none is found.
        """
        return self._in_collection("production", record_id, ProductionRecord, "production record")

    def cited_by(self, source: str | Source) -> tuple[Any, ...]:
        """Every record that cites a source, itself or in a part (a lineage link, a plant name,
        an owner, a dispute's claim), in collection order.

        >>> import moskvitch
        >>> [r.id for r in moskvitch.load().cited_by("ref-13")][:2]
        ['moskvich-400', '1946-first-moskvich-400']

        :param source: the source or its id.
        :returns: the records (sources, engines, models, variants, plants, events, production
            records, disputes, facts).
        :raises UnknownNameError: when no source has that id.
        """
        found = source if isinstance(source, Source) else self.source(source)
        return tuple(
            record
            for name in COLLECTIONS
            for record in getattr(self, name)
            if found.id in _cited_sources(record)
        )

    def _in_collection(self, collection: str, record_id: str, kind: type[R], label: str) -> R:
        found = self._index.by_collection[collection].get(_checked_id(record_id, label))
        if isinstance(found, kind):
            return found
        known = list(self._index.by_collection[collection])
        raise UnknownNameError(label, record_id, close_matches(record_id, known))

    def get_source(self, source_id: str, default: Source | None = None) -> Source | None:
        """The source with this id, or ``default``: :meth:`source` that never raises for an
        unknown id, like ``dict.get``.

        >>> import moskvitch
        >>> moskvitch.load().get_source("ref-14").id
        'ref-14'
        >>> moskvitch.load().get_source("ref-999") is None
        True

        :param source_id: e.g. ``"ref-14"``.
        :param default: what to return when no source has the id.
        :returns: the source, or ``default`` (``None`` unless given).
        :raises TypeError: when ``source_id`` is not a string.
        """
        found = self._index.by_id.get(_checked_id(source_id, "source"))
        return found if isinstance(found, Source) else default

    def get_engine(self, engine_id: str, default: Engine | None = None) -> Engine | None:
        """The engine with this id, or ``default``: :meth:`engine` that never raises for an
        unknown id, like ``dict.get``.

        :param engine_id: an engine id.
        :param default: what to return when no engine has the id.
        :returns: the engine, or ``default`` (``None`` unless given).
        :raises TypeError: when ``engine_id`` is not a string.
        """
        found = self._index.by_id.get(_checked_id(engine_id, "engine"))
        return found if isinstance(found, Engine) else default

    def _by_id(self, record_id: str, kind: type[R], label: str, known: Iterable[str]) -> R:
        found = self._index.by_id.get(_checked_id(record_id, label))
        if isinstance(found, kind):
            return found
        raise UnknownNameError(label, record_id, close_matches(record_id, known))

    # -- related records -------------------------------------------------------------------

    def variants_of(self, model: str | int | Model) -> tuple[Variant, ...]:
        """The variants of a model, in data order.

        >>> import moskvitch
        >>> [v.name for v in moskvitch.load().variants_of("Moskvich 3")]
        ['Moskvich 3e']

        :param model: the model, or any name :meth:`model` accepts.
        :returns: its variants.
        :raises UnknownNameError: when no model has that name.
        """
        found = model if isinstance(model, Model) else self.model(model)
        return self._index.variants_by_model.get(found.id, ())

    def links_to(self, model: str | int | Model) -> tuple[tuple[Model, Link], ...]:
        """The lineage links that point at a model, with the models they leave.

        :param model: the target model, or any name :meth:`model` accepts.
        :returns: ``(model, link)`` pairs in data order; the reverse of ``Model.lineage``.
        :raises UnknownNameError: when no model has that name.
        """
        found = model if isinstance(model, Model) else self.model(model)
        return self._index.links_to.get(found.id, ())

    def production_of(self, subject: SubjectRef) -> tuple[ProductionRecord, ...]:
        """Every production record about a subject itself, alternatives included.

        :param subject: a model, variant or plant, or any name :meth:`find` accepts.
        :returns: the records in data order (a model's variants have their own).
        :raises UnknownNameError: when no subject has that name.
        """
        return self._index.production_by_subject.get(self.find(subject).id, ())

    def facts_of(self, subject: SubjectRef | Engine) -> tuple[Fact, ...]:
        """Every fact about a model, variant, plant or engine, in data order.

        >>> import moskvitch
        >>> [f"{f.topic}: {f.figure} {f.unit}" for f in moskvitch.load().facts_of("407")
        ...  if f.topic == "top speed"]
        ['top speed: 115 km/h']

        :param subject: the record, any name :meth:`find` accepts, or an engine's id.
        :returns: the facts.
        :raises UnknownNameError: when nothing has that name.
        """
        if isinstance(subject, Engine):
            subject_id = subject.id
        elif isinstance(subject, str) and isinstance(self._index.by_id.get(subject), Engine):
            subject_id = subject
        else:
            subject_id = self.find(subject).id
        return self._index.facts_by_subject.get(subject_id, ())

    def events_of(self, subject: SubjectRef) -> tuple[Event, ...]:
        """The events that name a subject itself, in date order (as :meth:`timeline`).

        :meth:`timeline` gathers a model's events together with its variants'.

        :param subject: a model, variant or plant, or any name :meth:`find` accepts.
        :returns: the events.
        :raises UnknownNameError: when no subject has that name.
        """
        subject_id = self.find(subject).id
        return tuple(e for e in self._index.events_by_date if subject_id in e.subjects)

    def timeline(self, subject: SubjectRef | None = None) -> tuple[Event, ...]:
        """The events of one model (with its variants), variant or plant, or all, by date.

        :param subject: a model, variant or plant, or any name :meth:`find` accepts; ``None``
            for every event.
        :returns: the events in date order: by the middle of the span of days each date may
            denote, the narrower span first when two share a middle, then in data order
            (:attr:`~moskvitch.PartialDate.sort_key`). An event dated only to a year sits at
            mid-year, so no event comes first merely because its date lacks a month or a day,
            and an event that must be earlier than another (its every possible day is before
            the other's every possible day) always comes first.
        :raises UnknownNameError: when the name is unknown.

        >>> import moskvitch
        >>> [str(e.date) for e in moskvitch.load().timeline("Moskvich-400")][:2]
        ['1945-06', '1946-12-04']
        >>> [(str(e.date), e.kind.value) for e in moskvitch.load().timeline("KIM-10")][:2]
        [('1940-04', 'prototype'), ('1940', 'production-start')]
        """
        if subject is None:
            return self._index.events_by_date
        found = self.find(subject)
        ids = {found.id}
        if isinstance(found, Model):
            ids |= {v.id for v in self.variants_of(found)}
        return tuple(e for e in self._index.events_by_date if ids.intersection(e.subjects))

    def events_between(
        self, start: PartialDate | str | int | None, end: PartialDate | str | int | None
    ) -> tuple[Event, ...]:
        """The events dated within ``start`` to ``end`` (inclusive, either may be ``None``).

        An event dated only to a year or month is included when that span meets the range.

        :param start: the first date, as a :class:`PartialDate`, ISO text or a year.
        :param end: the last date.
        :returns: the events in date order.
        :raises InvalidDateError: when a date is not valid.
        :raises InvalidPeriodError: when ``end`` is before ``start``.

        >>> import moskvitch
        >>> [e.id for e in moskvitch.load().events_between("1946-12", "1946-12")]
        ['1946-first-moskvich-400', '1946-plant-named-zma']
        """
        span = Period(*(None if d is None else PartialDate.of(d) for d in (start, end)))
        return tuple(e for e in self._index.events_by_date if span.overlaps(Period(e.date, e.date)))

    def conflicts(self) -> tuple[Dispute, ...]:
        """Every disputed value, each with its competing claims and their citations.

        Conflicting production figures (records linked by ``alternative_to``) come first, as
        disputes whose claims name their records, followed by the other disputes.

        :returns: the disputes; each has at most one preferred claim (see
            :attr:`Dispute.decided`).
        """
        alternatives = _grouped(
            (r for r in self.production if r.alternative_to is not None),
            lambda r: r.alternative_to or "",
        )
        derived = []
        for record in self.production:
            rivals = alternatives.get(record.id)
            if not rivals:
                continue
            claims = [
                Claim(
                    value=str(r.figure) + ("%" if r.unit is Unit.PERCENT else ""),
                    preferred=r.preferred,
                    note=r.note,
                    record=r.id,
                    figure=r.figure,
                    unit=r.unit.value,
                    citations=r.citations,
                    **self._limit(r),
                )
                for r in (record, *rivals)
            ]
            derived.append(
                Dispute(
                    id=record.id,
                    subject=record.subject,
                    topic=f"{record.measure.value} {record.period}",
                    claims=claims,
                )
            )
        return (*derived, *self.disputes)

    def _limit(self, record: ProductionRecord) -> dict[str, Any]:
        """The upper limit a record's own sources put on it elsewhere: a sold count is at most
        what the same source gives as shipped or built, a shipped or exported count at most
        what it gives as built, for the same subject and plant over a period containing the
        record's. Empty when no source does."""
        ceilings = _CEILINGS.get(record.measure, ())
        sources = {c.source for c in record.citations}
        limits = [
            other
            for other in self.production
            if other.measure in ceilings
            and other.subject == record.subject
            and other.plant == record.plant
            and other.unit is record.unit
            and other.figure.high is not None
            and other.period.earliest() <= record.period.earliest()
            and record.period.latest() <= other.period.latest()
            and sources & {c.source for c in other.citations}
        ]
        if not limits:
            return {}
        tightest = min(limits, key=lambda r: r.figure.high or 0)
        assert tightest.figure.high is not None
        shared = ", ".join(sorted(sources & {c.source for c in tightest.citations}))
        return {
            "limit": Figure(0, tightest.figure.high, tightest.figure.approximate),
            "limit_reason": (
                f"{shared} also gives {tightest.figure} {tightest.measure.value} in"
                f" {tightest.period}; no more can have been {record.measure.value}"
            ),
        }


#: The measures that bound another for the same subject, plant and period: no more cars are
#: sold than were shipped to dealers or built, no more shipped or exported than built.
_CEILINGS: Mapping[Measure, tuple[Measure, ...]] = {
    Measure.SOLD: (Measure.SHIPPED, Measure.BUILT),
    Measure.SHIPPED: (Measure.BUILT,),
    Measure.EXPORTED: (Measure.BUILT,),
}


def _cited_sources(record: object) -> set[str]:
    """The ids of the sources a record cites, itself or in any of its parts."""
    found: set[str] = set()
    pending: list[Any] = [record]
    while pending:
        value = pending.pop()
        if isinstance(value, Citation):
            found.add(value.source)
        elif isinstance(value, tuple):
            pending.extend(value)
        elif attrs.has(type(value)):
            pending.extend(getattr(value, field.name) for field in attrs.fields(type(value)))
    return found


def _checked(name: object, kind: str) -> str:
    """A name as text: a string as it is, an int as the designation it writes (``412``)."""
    if isinstance(name, str):
        return name
    if type(name) is int:
        # A designation has a few digits; a huge int names nothing, and str() of one past
        # 4,300 digits would raise.
        return str(name) if name.bit_length() <= 64 else "(a huge integer)"
    raise TypeError(
        f"a {kind} name is a string or an int designation, not {type(name).__name__}: {name!r}"
    )


def _checked_id(record_id: object, kind: str) -> str:
    if not isinstance(record_id, str):
        raise TypeError(f"a {kind} id is a string, not {type(record_id).__name__}: {record_id!r}")
    return record_id


def _collections() -> Mapping[str, type]:
    return types.MappingProxyType(
        {
            field.name: typing.get_args(field.type)[0]
            for field in attrs.fields(Catalog)
            if field.init
        }
    )


COLLECTIONS: Mapping[str, type] = _collections()
"""Each collection of a catalog, by its name, with its record type, in file order.

Derived from the fields of :class:`Catalog`, the one list of collections: loading, validation,
export, the command line and the test strategies all follow it.
"""
