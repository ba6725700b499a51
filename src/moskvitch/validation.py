"""The rules every catalog obeys, checked when a :class:`~moskvitch.Catalog` is built.

:func:`problems` returns every broken rule at once, so a contributor sees the whole list in one
run rather than one error per edit.
"""

from __future__ import annotations

import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar

import attrs

from .dates import PartialDate, Period
from .errors import Problem
from .figures import Figure
from .names import MAX_NAME_LENGTH, NameKeys, name_key
from .records import (
    Citation,
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

__all__ = ["MAX_NUMBER", "number_problem", "problems"]

MAX_NUMBER = 10**15 - 1
"""The largest whole number data may hold (999,999,999,999,999, fifteen digits): a figure's
bounds, a count of cylinders, a stake. Far beyond any count of cars, it keeps every number
readable and every computation on it (sums, ratios, text) exact and quick; a larger one, or a
negative one, is a problem of the data.
"""


def number_problem(value: int | Figure) -> str | None:
    """What is wrong with a number or a figure's bounds, or ``None`` when they are in range.

    :param value: an integer, or a figure.
    :returns: the problem's message, which does not quote a huge value in full.
    """
    bounds = (value.low, value.high) if isinstance(value, Figure) else (value,)
    for bound in bounds:
        if bound is not None and not -MAX_NUMBER <= bound <= MAX_NUMBER:
            return f"a number beyond {MAX_NUMBER:,} (MAX_NUMBER), the largest data may hold"
    return None


_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)
T = TypeVar("T")


class _At:
    """Where a rule is checked: a record, and a field path inside it; called, makes a Problem.

    A plain slotted class: one is made for every record checked, and only a few make problems.
    """

    __slots__ = ("collection", "index", "prefix", "record")

    def __init__(
        self, collection: str, index: int | None = None, record: str = "", prefix: str = ""
    ) -> None:
        self.collection = collection
        self.index = index
        self.record = record
        self.prefix = prefix

    def at(self, path: str) -> _At:
        """The place ``path`` inside this one."""
        return _At(self.collection, self.index, self.record, _join(self.prefix, path))

    def __call__(self, path: str, message: str) -> Problem:
        return Problem(
            message,
            collection=self.collection,
            index=self.index,
            record=self.record,
            path=_join(self.prefix, path),
        )


def _join(prefix: str, path: str) -> str:
    return f"{prefix}.{path}" if prefix and path and not path.startswith("[") else prefix + path


Collections = Mapping[str, Sequence[Any]]
"""A catalog's collections by name (``"models"`` to its records)."""


def problems(
    collections: Collections,
    kinds: Mapping[str, type],
    *,
    typed: bool = False,
    keys: NameKeys | None = None,
    pending: Mapping[str, Collection[str]] | None = None,
) -> list[Problem]:
    """Every rule the collections break, in file order.

    Collections built in code (``Catalog(models=...)``, ``attrs.evolve``) are checked first
    for what loading guarantees: each collection is a tuple of its record type and every field
    holds its declared type. When that fails, only those problems are returned, as the rules
    assume well-typed records.

    :param collections: each collection of a catalog, by name.
    :param kinds: the record type of each collection (``moskvitch.catalog.COLLECTIONS``).
    :param typed: ``True`` when the records were built by the converter, whose strict hooks
        guarantee the types: only the rules between records are checked then.
    :param keys: where to find (and keep) the key of each name, to share with the index.
    :param pending: ids of records, by collection, that exist in the data but could not be
        structured (their own problems are reported): references to them are not reported as
        unknown, so reference problems can be listed with value problems in one run.
    :returns: the problems, empty when the records are valid.
    """
    if not typed:
        found = list(_type_problems(collections, kinds))
        if found:
            return found
    checker = _Checker(collections, NameKeys() if keys is None else keys, pending or {})
    return list(checker.run())


# Checked as whole values: their constructors validate their own fields.
_VALUES = (PartialDate, Period, Figure)
_NAMES = {str: "a string", int: "an integer", bool: "true or false", tuple: "a tuple"}


def _type_problems(collections: Collections, kinds: Mapping[str, type]) -> Iterator[Problem]:
    for collection, kind in kinds.items():
        records = collections[collection]
        if type(records) is not tuple:
            message = f"expected a tuple of {kind.__name__}, {_found(records)}"
            yield Problem(message, collection=collection)
            continue
        for index, record in enumerate(records):
            if not _valid(kind)(record):
                record_id = getattr(record, "id", None) if isinstance(record, kind) else None
                where = _At(collection, index, record_id if type(record_id) is str else "")
                yield from _describe(record, kind, where)


def _found(value: object) -> str:
    text = repr(value) if not isinstance(value, int) or value.bit_length() <= 64 else "(huge)"
    return f"found {type(value).__name__} {text if len(text) <= 60 else text[:59] + '…'}"


def _expected(kind: Any) -> str:
    name: str = kind.__name__
    return _NAMES.get(kind) or f"{'an' if name[0] in 'AEIOU' else 'a'} {name}"


@functools.cache
def _valid(kind: Any) -> Callable[[object], bool]:
    """A fast test that ``value`` holds ``kind`` all the way down (no messages)."""
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        inner = [_valid(arg) for arg in args if arg is not type(None)]
        none_ok = type(None) in args
        return lambda value: (none_ok and value is None) or any(test(value) for test in inner)
    if typing.get_origin(kind) is tuple:
        item = _valid(args[0])
        return lambda value: type(value) is tuple and all(item(v) for v in value)
    if kind is int or kind is Figure:
        return lambda value: type(value) is kind and number_problem(value) is None
    if kind in (str, bool) or kind in _VALUES or issubclass(kind, enum.Enum):
        return lambda value: isinstance(value, kind)
    if attrs.has(kind):
        fields = [(f.name, _valid(f.type)) for f in attrs.fields(kind)]
        return lambda value: (
            isinstance(value, kind) and all(test(getattr(value, name)) for name, test in fields)
        )
    return lambda value: True  # pragma: no cover - every field type is listed above


def _describe(value: object, kind: Any, where: _At) -> Iterator[Problem]:
    """The problems of a value that failed :func:`_valid`, each at its own path."""
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (types.UnionType, typing.Union):
        inner = next(arg for arg in args if arg is not type(None))
        yield from _describe(value, inner, where)
    elif typing.get_origin(kind) is tuple:
        if type(value) is not tuple:
            yield where("", f"expected a tuple, {_found(value)}")
            return
        for index, item in enumerate(value):
            if not _valid(args[0])(item):
                yield from _describe(item, args[0], where.at(f"[{index}]"))
    elif attrs.has(kind) and kind not in _VALUES and isinstance(value, kind):
        for field in attrs.fields(kind):
            member = getattr(value, field.name)
            if not _valid(field.type)(member):
                yield from _describe(member, field.type, where.at(field.name))
    elif (kind is int or kind is Figure) and type(value) is kind:
        yield where("", number_problem(value) or "")
    else:
        yield where("", f"expected {_expected(kind)}, {_found(value)}")


class _Checker:
    def __init__(
        self, collections: Collections, keys: NameKeys, pending: Mapping[str, Collection[str]]
    ) -> None:
        self.collections = collections
        self.keys = keys
        self.pending = pending
        self.sources = {s.id for s in self._of("sources", Source)} | self._pending("sources")
        self.engines = {e.id for e in self._of("engines", Engine)} | self._pending("engines")
        self.models = {m.id for m in self._of("models", Model)} | self._pending("models")
        self.plants = {p.id for p in self._of("plants", Plant)} | self._pending("plants")
        variants = {v.id for v in self._of("variants", Variant)} | self._pending("variants")
        self.subjects = self.models | self.plants | variants
        self.production = {r.id: r for r in self._of("production", ProductionRecord)}
        self.production_ids = set(self.production) | self._pending("production")

    def _pending(self, collection: str) -> set[str]:
        return set(self.pending.get(collection, ()))

    def _of(self, collection: str, kind: type[T]) -> Sequence[T]:
        """The records of one collection (``kind`` only types them: they are checked already)."""
        return self.collections.get(collection, ())

    def run(self) -> Iterator[Problem]:
        for name, records in self.collections.items():
            yield from self._ids(name, records)
        yield from self._shared_ids()
        yield from self._names("models", self._of("models", Model), lambda m: m.names)
        yield from self._names("variants", self._of("variants", Variant), lambda v: v.names)
        yield from self._names(
            "plants",
            self._of("plants", Plant),
            lambda p: (p.name, *(n.name for n in p.name_history)),
        )
        yield from self._sources()
        yield from self._engines()
        yield from self._models()
        yield from self._lineage_cycles()
        yield from self._variants()
        yield from self._plants()
        yield from self._events()
        yield from self._production()
        yield from self._disputes()
        yield from self._facts()
        yield from self._inferences()

    # -- helpers ---------------------------------------------------------------------------

    def _citations(
        self, where: _At, citations: Sequence[Citation], required: bool
    ) -> Iterator[Problem]:
        if required and not citations:
            yield where("citations", "no citation: every record cites a source")
        for index, citation in enumerate(citations):
            if citation.source not in self.sources:
                yield where(
                    f"citations[{index}].source",
                    f"unknown source {citation.source!r}",
                )

    def _ref(
        self, where: _At, path: str, value: str, known: set[str], kind: str
    ) -> Iterator[Problem]:
        if value not in known:
            yield where(path, f"unknown {kind} {value!r}")

    def _refs(
        self, where: _At, field: str, values: Sequence[str], known: set[str], kind: str
    ) -> Iterator[Problem]:
        for index, value in enumerate(values):
            if value not in known:
                yield where(f"{field}[{index}]", f"unknown {kind} {value!r}")

    # -- rules -----------------------------------------------------------------------------

    def _ids(self, collection: str, records: Sequence[_Record]) -> Iterator[Problem]:
        seen: dict[str, int] = {}
        valid = _SLUG_RE.fullmatch
        for index, record in enumerate(records):
            if not valid(record.id):
                yield _At(collection, index, record.id)(
                    "id",
                    f"invalid id {record.id!r}: use lowercase letters, digits and hyphens",
                )
            first = seen.setdefault(record.id, index)
            if first != index:
                yield _At(collection, index, record.id)(
                    "id", f"duplicate id {record.id!r} (first at {collection}[{first}])"
                )

    def _shared_ids(self) -> Iterator[Problem]:
        # An id names one record in the whole catalog: events, figures, disputes and facts
        # name their subject by id alone, and an id is looked up without saying its kind.
        first: dict[str, str] = {}
        for collection, records in self.collections.items():
            for index, record in enumerate(records):
                owner = first.setdefault(record.id, collection)
                if owner != collection:
                    where = _At(collection, index, record.id)
                    message = f"id {record.id!r} is already used in {owner}; ids are unique"
                    yield where("id", message + " across the catalog")

    def _names(
        self, collection: str, records: Sequence[R], names_of: Callable[[R], Iterable[str]]
    ) -> Iterator[Problem]:
        owners: dict[str, str] = {}
        looks: dict[str, list[tuple[int, str, str]]] = {}  # look-alike key: index, record, name
        for index, record in enumerate(records):
            where = _At(collection, index, record.id)
            for name in (record.id, *names_of(record)):
                if len(name) > MAX_NAME_LENGTH:
                    yield where(
                        "aliases" if name != record.id else "id",
                        f"a name of {len(name):,} characters; names are at most"
                        f" {MAX_NAME_LENGTH} (MAX_NAME_LENGTH)",
                    )
                    continue
                key = self.keys[name]
                if not key:
                    yield where(
                        "aliases",
                        f"name {name!r} cannot be looked up: beyond the brand, it has no Latin"
                        " or Cyrillic letters or digits",
                    )
                    continue
                owner = owners.setdefault(key, record.id)
                if owner != record.id:
                    yield where("aliases", f"name {name!r} is ambiguous: it also names {owner!r}")
                    continue
                alike = key if name.isascii() else name_key(_look_alike(name))
                looks.setdefault(alike, []).append((index, record.id, name))
        yield from self._look_alikes(collection, looks)

    def _look_alikes(
        self, collection: str, looks: Mapping[str, Sequence[tuple[int, str, str]]]
    ) -> Iterator[Problem]:
        """A name that differs from another record's only in letters of other scripts that
        look the same (a Greek omicron for a Latin o): reported on the name written in other
        scripts, once per pair of records."""
        found: dict[tuple[int, str], Problem] = {}
        for names in looks.values():
            if len({owner for _, owner, _ in names}) < 2:
                continue
            _, original_owner, original = min(names, key=lambda entry: not entry[2].isascii())
            for index, owner, name in names:
                if owner != original_owner and (index, original_owner) not in found:
                    found[(index, original_owner)] = _At(collection, index, owner)(
                        "aliases",
                        f"name {name!r} looks like {original!r}, a name of {original_owner!r}:"
                        " they differ only in letters of other scripts that look the same",
                    )
        yield from (found[key] for key in sorted(found))

    def _sources(self) -> Iterator[Problem]:
        for index, source in enumerate(self._of("sources", Source)):
            where = _At("sources", index, source.id)
            if source.url is None and (source.accessed is not None or source.found_in):
                yield where("url", "an access date or finding place needs the address it is for")

    def _engines(self) -> Iterator[Problem]:
        for index, engine in enumerate(self._of("engines", Engine)):
            where = _At("engines", index, engine.id)
            yield from self._citations(where, engine.citations, required=True)
            if engine.cylinders is not None and engine.cylinders <= 0:
                yield where("cylinders", f"must be positive, not {engine.cylinders}")
            for field in ("displacement", "power"):
                figure = getattr(engine, field)
                if figure is not None and figure.high == 0:
                    yield where(f"{field}", f"must be positive, not {figure}")

    def _models(self) -> Iterator[Problem]:
        for index, model in enumerate(self._of("models", Model)):
            where = _At("models", index, model.id)
            yield from self._citations(where, model.citations, required=True)
            yield from self._refs(where, "engines", model.engines, self.engines, "engine")
            yield from self._refs(where, "plants", model.plants, self.plants, "plant")
            for i, link in enumerate(model.lineage):
                yield from self._link(where.at(f"lineage[{i}]"), model.id, link)

    def _link(self, where: _At, model_id: str, link: Link) -> Iterator[Problem]:
        yield from self._ref(where, "target", link.target, self.models, "model")
        if link.target == model_id:
            yield where("target", f"a model cannot link to itself ({model_id!r})")
        yield from self._citations(where, link.citations, required=False)

    def _lineage_cycles(self) -> Iterator[Problem]:
        edges = {
            m.id: [link.target for link in m.lineage if link.target in self.models]
            for m in self._of("models", Model)
        }
        index_of = {m.id: i for i, m in enumerate(self._of("models", Model))}
        for cycle in _cycles(edges):
            first = cycle[0]
            chain = " -> ".join([*cycle, first])
            yield _At("models", index_of[first], first)("lineage", f"lineage cycle: {chain}")

    def _variants(self) -> Iterator[Problem]:
        for index, variant in enumerate(self._of("variants", Variant)):
            where = _At("variants", index, variant.id)
            yield from self._citations(where, variant.citations, required=True)
            yield from self._ref(where, "model", variant.model, self.models, "model")

    def _plants(self) -> Iterator[Problem]:
        for index, plant in enumerate(self._of("plants", Plant)):
            where = _At("plants", index, plant.id)
            yield from self._citations(where, plant.citations, required=True)
            for i, name in enumerate(plant.name_history):
                name_where = where.at(f"name_history[{i}]")
                yield from self._citations(name_where, name.citations, required=True)
            for i, owner in enumerate(plant.owners):
                owner_where = where.at(f"owners[{i}]")
                yield from self._citations(owner_where, owner.citations, required=True)
                stake = owner.stake_percent
                if stake is not None and not 0 < stake <= 100:
                    yield owner_where("stake_percent", f"must be in 1..100, not {stake}")

    def _events(self) -> Iterator[Problem]:
        for index, event in enumerate(self._of("events", Event)):
            where = _At("events", index, event.id)
            yield from self._citations(where, event.citations, required=True)
            if not event.subjects:
                yield where("subjects", "an event needs at least one subject")
            yield from self._refs(
                where, "subjects", event.subjects, self.subjects, "model, variant or plant"
            )

    def _production(self) -> Iterator[Problem]:
        records = self._of("production", ProductionRecord)
        challenged = {r.alternative_to for r in records if r.alternative_to}
        for index, record in enumerate(records):
            where = _At("production", index, record.id)
            yield from self._citations(where, record.citations, required=True)
            yield from self._ref(
                where, "subject", record.subject, self.subjects, "model, variant or plant"
            )
            if record.plant is not None:
                yield from self._ref(where, "plant", record.plant, self.plants, "plant")
            if record.unit is Unit.PERCENT and (record.figure.high or record.figure.low) > 100:
                yield where("figure", f"a share above 100%: {record.figure}")
            bounds = (record.figure.low, record.figure.high)
            if record.unit is not Unit.PERCENT and any(type(b) is Decimal for b in bounds):
                yield where(
                    "figure",
                    f"a count of vehicles is a whole number, not {record.figure}: write a round"
                    " number whose step is at least one vehicle",
                )
            if record.period.is_open and record.measure is not Measure.PLANNED:
                yield where(
                    "period",
                    f"an actual figure needs a closed period, not {str(record.period)!r}",
                )
            if record.id in challenged and not record.note:
                yield where("note", "a preferred claim with rivals needs a note saying why")
            if record.alternative_to is not None:
                yield from self._alternative(where, record.id, record.alternative_to)

    def _alternative(self, where: _At, record_id: str, target_id: str) -> Iterator[Problem]:
        target = self.production.get(target_id)
        record = self.production[record_id]
        if target is None and target_id in self.production_ids:
            return  # a record with problems of its own
        if target is None:
            yield where("alternative_to", f"unknown production record {target_id!r}")
        elif target_id == record_id:
            yield where("alternative_to", "a record cannot compete with itself")
        elif target.alternative_to is not None:
            yield where(
                "alternative_to",
                f"{target_id!r} is itself an alternative; point at the preferred record "
                f"{target.alternative_to!r}",
            )
        elif (target.measure, target.unit) != (record.measure, record.unit):
            # This also keeps a plan from competing with an actual: their measures differ.
            yield where(
                "alternative_to",
                f"{target_id!r} counts {target.measure} in {target.unit}, this record "
                f"{record.measure} in {record.unit}: only claims about one quantity compete",
            )

    def _disputes(self) -> Iterator[Problem]:
        disputable = self.subjects | self.engines
        for index, dispute in enumerate(self._of("disputes", Dispute)):
            where = _At("disputes", index, dispute.id)
            yield from self._ref(where, "subject", dispute.subject, disputable, "subject")
            if len(dispute.claims) < 2:
                yield where("claims", "a dispute needs at least two claims")
            preferred = [c for c in dispute.claims if c.preferred]
            if len(preferred) > 1:
                yield where(
                    "claims",
                    f"at most one claim may be preferred, found {len(preferred)}",
                )
            units = {claim.unit for claim in dispute.claims if claim.figure is not None}
            if len(units) > 1:
                listed = ", ".join(sorted(repr(u) for u in units if u))
                yield where("claims", f"the claims' figures use several units: {listed}")
            for i, claim in enumerate(dispute.claims):
                claim_where = where.at(f"claims[{i}]")
                yield from self._citations(claim_where, claim.citations, required=True)
                if claim.record is not None:
                    yield from self._ref(
                        claim_where,
                        "record",
                        claim.record,
                        self.production_ids,
                        "production record",
                    )
                if claim.preferred and not claim.note:
                    yield claim_where("note", "the preferred claim needs a reason")
                if claim.figure is not None and not claim.unit:
                    yield claim_where("unit", "a figure needs its unit")
                if claim.limit is not None and claim.figure is None:
                    yield claim_where("limit", "a limit bounds a figure: give the claim's figure")
                if claim.limit is not None and not claim.limit_reason:
                    yield claim_where("limit_reason", "a limit needs its reason, for readers")

    def _facts(self) -> Iterator[Problem]:
        about = self.subjects | self.engines
        for index, fact in enumerate(self._of("facts", Fact)):
            where = _At("facts", index, fact.id)
            yield from self._citations(where, fact.citations, required=True)
            yield from self._ref(
                where, "subject", fact.subject, about, "model, variant, plant or engine"
            )
            if fact.figure is None and not fact.text:
                yield where("", "a fact needs a figure, a text or both")
            if fact.figure is not None and not fact.unit:
                yield where("unit", "a figure needs its unit")
            if (
                fact.unit == "percent"
                and (fact.figure is not None)
                and ((fact.figure.high or fact.figure.low) > 100)
            ):
                yield where("figure", f"a share above 100%: {fact.figure}")

    def _inferences(self) -> Iterator[Problem]:
        # An inference is shown to readers as the curators' reasoning: it must say something.
        for collection, records in self.collections.items():
            for index, record in enumerate(records):
                for path, value in _inferences_of(record):
                    if not value.strip():
                        where = _At(collection, index, record.id)
                        yield where(path, "an inference needs its reason")


# Letters of the Greek and Cyrillic scripts that look like a Latin one, and that letter.
_LOOK_ALIKES = str.maketrans(
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορυχАВЕКМНОРСТХаеорсухіјѕ",
    "ABEZHIKMNOPTYXaiknopuxABEKMHOPCTXaeopcyxijs",
)


def _look_alike(name: str) -> str:
    """``name`` with each letter that looks like a Latin one written as that Latin letter."""
    return name.translate(_LOOK_ALIKES)


@functools.cache
def _inference_fields(kind: Any) -> tuple[bool, tuple[str, ...]]:
    """Whether a record type has an ``inference``, and which of its fields hold parts that
    have their own (links, names, owners, claims)."""
    names = {field.name for field in attrs.fields(kind)}
    parts = ("lineage", "name_history", "owners", "claims")
    return "inference" in names, tuple(part for part in parts if part in names)


def _inferences_of(record: Any) -> Iterator[tuple[str, str]]:
    """The ``inference`` of a record and of the parts it holds, each with its path, where one
    is given."""
    own, parts = _inference_fields(record.__class__)
    if own and record.inference is not None:
        yield "inference", record.inference
    for part in parts:
        for index, item in enumerate(getattr(record, part)):
            if item.inference is not None:
                yield f"{part}[{index}].inference", item.inference


def _cycles(edges: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    """Yield one cycle per strongly tangled group, found by iterative depth-first search."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for root in edges:
        if root in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(edges.get(root, ())))]
        state[root] = 1
        path.append(root)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                yield path[path.index(child) :]
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(edges.get(child, ()))))
