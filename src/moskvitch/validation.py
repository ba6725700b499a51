"""The rules every catalog obeys, checked when a :class:`~moskvitch.Catalog` is built.

:func:`problems` returns every broken rule at once, so a contributor sees the whole list in one
run rather than one error per edit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from .errors import Problem
from .names import name_key
from .records import Citation, Link, Measure, Unit

if TYPE_CHECKING:
    from .catalog import Catalog

__all__ = ["problems"]

_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)


def record_path(collection: str, index: int, record_id: str) -> str:
    """The path of one record in messages: ``models[3] (moskvich-400)``."""
    return f"{collection}[{index}] ({record_id})"


def problems(catalog: Catalog) -> list[Problem]:
    """Every rule the catalog breaks, in file order.

    :param catalog: the catalog to check (its fields only; no index is needed).
    :returns: the problems, empty when the catalog is valid.
    """
    return list(_Checker(catalog).run())


class _Checker:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.sources = {s.id for s in catalog.sources}
        self.engines = {e.id for e in catalog.engines}
        self.models = {m.id for m in catalog.models}
        self.plants = {p.id for p in catalog.plants}
        self.subjects = self.models | self.plants | {v.id for v in catalog.variants}
        self.production = {r.id: r for r in catalog.production}

    def run(self) -> Iterator[Problem]:
        collections: Sequence[tuple[str, Sequence[_Record]]] = [
            ("sources", self.catalog.sources),
            ("engines", self.catalog.engines),
            ("models", self.catalog.models),
            ("variants", self.catalog.variants),
            ("plants", self.catalog.plants),
            ("events", self.catalog.events),
            ("production", self.catalog.production),
            ("disputes", self.catalog.disputes),
            ("facts", self.catalog.facts),
        ]
        for name, records in collections:
            yield from self._ids(name, records)
        yield from self._shared_subject_ids()
        yield from self._names("models", self.catalog.models, lambda m: m.names)
        yield from self._names("variants", self.catalog.variants, lambda v: v.names)
        yield from self._names(
            "plants", self.catalog.plants, lambda p: (p.name, *(n.name for n in p.names))
        )
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
        self, where: str, citations: Sequence[Citation], required: bool
    ) -> Iterator[Problem]:
        if required and not citations:
            yield Problem("", f"{where}.citations", "no citation: every record cites a source")
        for index, citation in enumerate(citations):
            if citation.source not in self.sources:
                yield Problem(
                    "",
                    f"{where}.citations[{index}].source",
                    f"unknown source {citation.source!r}",
                )

    def _ref(self, where: str, value: str, known: set[str], kind: str) -> Iterator[Problem]:
        if value not in known:
            yield Problem("", where, f"unknown {kind} {value!r}")

    # -- rules -----------------------------------------------------------------------------

    def _ids(self, collection: str, records: Sequence[_Record]) -> Iterator[Problem]:
        seen: dict[str, int] = {}
        for index, record in enumerate(records):
            where = record_path(collection, index, record.id)
            if not _SLUG_RE.fullmatch(record.id):
                yield Problem(
                    "",
                    f"{where}.id",
                    f"invalid id {record.id!r}: use lowercase letters, digits and hyphens",
                )
            if record.id in seen:
                yield Problem(
                    "",
                    f"{where}.id",
                    f"duplicate id {record.id!r} (first at {collection}[{seen[record.id]}])",
                )
            seen.setdefault(record.id, index)

    def _shared_subject_ids(self) -> Iterator[Problem]:
        # Events and figures name their subject by id alone, so these ids share one namespace.
        first: dict[str, str] = {}
        groups: Sequence[tuple[str, Sequence[_Record]]] = [
            ("models", self.catalog.models),
            ("variants", self.catalog.variants),
            ("plants", self.catalog.plants),
        ]
        for collection, records in groups:
            for index, record in enumerate(records):
                owner = first.setdefault(record.id, collection)
                if owner != collection:
                    yield Problem(
                        "",
                        f"{record_path(collection, index, record.id)}.id",
                        f"id {record.id!r} is already used in {owner}",
                    )

    def _names(
        self, collection: str, records: Sequence[R], names_of: Callable[[R], Iterable[str]]
    ) -> Iterator[Problem]:
        owners: dict[str, str] = {}
        for index, record in enumerate(records):
            for name in (record.id, *names_of(record)):
                key = name_key(name)
                owner = owners.setdefault(key, record.id) if key else record.id
                if owner != record.id:
                    yield Problem(
                        "",
                        f"{record_path(collection, index, record.id)}.aliases",
                        f"name {name!r} is ambiguous: it also names {owner!r}",
                    )

    def _engines(self) -> Iterator[Problem]:
        for index, engine in enumerate(self.catalog.engines):
            where = record_path("engines", index, engine.id)
            yield from self._citations(where, engine.citations, required=True)
            if engine.cylinders is not None and engine.cylinders <= 0:
                yield Problem("", f"{where}.cylinders", f"must be positive, not {engine.cylinders}")
            for field in ("displacement", "power"):
                figure = getattr(engine, field)
                if figure is not None and figure.high == 0:
                    yield Problem("", f"{where}.{field}", f"must be positive, not {figure}")

    def _models(self) -> Iterator[Problem]:
        for index, model in enumerate(self.catalog.models):
            where = record_path("models", index, model.id)
            yield from self._citations(where, model.citations, required=True)
            for i, engine in enumerate(model.engines):
                yield from self._ref(f"{where}.engines[{i}]", engine, self.engines, "engine")
            for i, plant in enumerate(model.plants):
                yield from self._ref(f"{where}.plants[{i}]", plant, self.plants, "plant")
            for i, link in enumerate(model.lineage):
                yield from self._link(f"{where}.lineage[{i}]", model.id, link)

    def _link(self, where: str, model_id: str, link: Link) -> Iterator[Problem]:
        yield from self._ref(f"{where}.target", link.target, self.models, "model")
        if link.target == model_id:
            yield Problem("", f"{where}.target", f"a model cannot link to itself ({model_id!r})")
        yield from self._citations(where, link.citations, required=False)

    def _lineage_cycles(self) -> Iterator[Problem]:
        edges = {
            m.id: [link.target for link in m.lineage if link.target in self.models]
            for m in self.catalog.models
        }
        index_of = {m.id: i for i, m in enumerate(self.catalog.models)}
        for cycle in _cycles(edges):
            first = cycle[0]
            chain = " -> ".join([*cycle, first])
            yield Problem(
                "",
                f"{record_path('models', index_of[first], first)}.lineage",
                f"lineage cycle: {chain}",
            )

    def _variants(self) -> Iterator[Problem]:
        for index, variant in enumerate(self.catalog.variants):
            where = record_path("variants", index, variant.id)
            yield from self._citations(where, variant.citations, required=True)
            yield from self._ref(f"{where}.model", variant.model, self.models, "model")

    def _plants(self) -> Iterator[Problem]:
        for index, plant in enumerate(self.catalog.plants):
            where = record_path("plants", index, plant.id)
            yield from self._citations(where, plant.citations, required=True)
            for i, name in enumerate(plant.names):
                yield from self._citations(f"{where}.names[{i}]", name.citations, required=True)
            for i, owner in enumerate(plant.owners):
                owner_where = f"{where}.owners[{i}]"
                yield from self._citations(owner_where, owner.citations, required=True)
                stake = owner.stake_percent
                if stake is not None and not 0 < stake <= 100:
                    yield Problem(
                        "", f"{owner_where}.stake_percent", f"must be in 1..100, not {stake}"
                    )

    def _events(self) -> Iterator[Problem]:
        for index, event in enumerate(self.catalog.events):
            where = record_path("events", index, event.id)
            yield from self._citations(where, event.citations, required=True)
            if not event.subjects:
                yield Problem("", f"{where}.subjects", "an event needs at least one subject")
            for i, subject in enumerate(event.subjects):
                yield from self._ref(
                    f"{where}.subjects[{i}]", subject, self.subjects, "model, variant or plant"
                )

    def _production(self) -> Iterator[Problem]:
        challenged = {r.alternative_to for r in self.catalog.production if r.alternative_to}
        for index, record in enumerate(self.catalog.production):
            where = record_path("production", index, record.id)
            yield from self._citations(where, record.citations, required=True)
            yield from self._ref(
                f"{where}.subject", record.subject, self.subjects, "model, variant or plant"
            )
            if record.plant is not None:
                yield from self._ref(f"{where}.plant", record.plant, self.plants, "plant")
            if record.unit is Unit.PERCENT and (record.figure.high or record.figure.low) > 100:
                yield Problem("", f"{where}.figure", f"a share above 100%: {record.figure}")
            if record.period.is_open and record.measure is not Measure.PLANNED:
                yield Problem(
                    "",
                    f"{where}.period",
                    f"an actual figure needs a closed period, not {str(record.period)!r}",
                )
            if record.id in challenged and not record.note:
                yield Problem(
                    "", f"{where}.note", "a preferred claim with rivals needs a note saying why"
                )
            if record.alternative_to is not None:
                yield from self._alternative(where, record.id, record.alternative_to)

    def _alternative(self, where: str, record_id: str, target_id: str) -> Iterator[Problem]:
        target = self.production.get(target_id)
        record = self.production[record_id]
        if target is None:
            yield Problem("", f"{where}.alternative_to", f"unknown production record {target_id!r}")
        elif target_id == record_id:
            yield Problem("", f"{where}.alternative_to", "a record cannot compete with itself")
        elif target.alternative_to is not None:
            yield Problem(
                "",
                f"{where}.alternative_to",
                f"{target_id!r} is itself an alternative; point at the preferred record "
                f"{target.alternative_to!r}",
            )
        elif (target.measure, target.unit) != (record.measure, record.unit):
            yield Problem(
                "",
                f"{where}.alternative_to",
                f"{target_id!r} counts {target.measure} in {target.unit}, this record "
                f"{record.measure} in {record.unit}: only claims about one quantity compete",
            )
        elif (target.measure is Measure.PLANNED) != (record.measure is Measure.PLANNED):
            yield Problem("", f"{where}.alternative_to", "a plan cannot compete with an actual")

    def _disputes(self) -> Iterator[Problem]:
        disputable = self.subjects | self.engines
        for index, dispute in enumerate(self.catalog.disputes):
            where = record_path("disputes", index, dispute.id)
            yield from self._ref(f"{where}.subject", dispute.subject, disputable, "subject")
            if len(dispute.claims) < 2:
                yield Problem("", f"{where}.claims", "a dispute needs at least two claims")
            preferred = [c for c in dispute.claims if c.preferred]
            if len(preferred) > 1:
                yield Problem(
                    "",
                    f"{where}.claims",
                    f"at most one claim may be preferred, found {len(preferred)}",
                )
            units = {claim.unit for claim in dispute.claims if claim.figure is not None}
            if len(units) > 1:
                listed = ", ".join(sorted(repr(u) for u in units if u))
                yield Problem(
                    "", f"{where}.claims", f"the claims' figures use several units: {listed}"
                )
            for i, claim in enumerate(dispute.claims):
                claim_where = f"{where}.claims[{i}]"
                yield from self._citations(claim_where, claim.citations, required=True)
                if claim.preferred and not claim.note:
                    yield Problem("", f"{claim_where}.note", "the preferred claim needs a reason")
                if claim.figure is not None and not claim.unit:
                    yield Problem("", f"{claim_where}.unit", "a figure needs its unit")

    def _facts(self) -> Iterator[Problem]:
        about = self.subjects | self.engines
        for index, fact in enumerate(self.catalog.facts):
            where = record_path("facts", index, fact.id)
            yield from self._citations(where, fact.citations, required=True)
            yield from self._ref(
                f"{where}.subject", fact.subject, about, "model, variant, plant or engine"
            )
            if fact.figure is None and not fact.text:
                yield Problem("", where, "a fact needs a figure, a text or both")
            if fact.figure is not None and not fact.unit:
                yield Problem("", f"{where}.unit", "a figure needs its unit")
            if (
                fact.unit == "percent"
                and (fact.figure is not None)
                and ((fact.figure.high or fact.figure.low) > 100)
            ):
                yield Problem("", f"{where}.figure", f"a share above 100%: {fact.figure}")

    def _inferences(self) -> Iterator[Problem]:
        # An inference is shown to readers as the curators' reasoning: it must say something.
        collections = ("engines", "models", "variants", "plants", "events", "production")
        for collection in (*collections, "disputes", "facts"):
            for index, record in enumerate(getattr(self.catalog, collection)):
                where = record_path(collection, index, record.id)
                for path, value in _inference_fields(record, where):
                    if value is not None and not value.strip():
                        yield Problem("", path, "an inference needs its reason")


def _inference_fields(record: object, where: str) -> Iterator[tuple[str, str | None]]:
    """The ``inference`` of a record and of the parts it holds (links, names, owners, claims)."""
    yield f"{where}.inference", getattr(record, "inference", None)
    for part in ("lineage", "names", "owners", "claims"):
        for i, item in enumerate(getattr(record, part, ())):
            if not isinstance(item, str):
                yield f"{where}.{part}[{i}].inference", getattr(item, "inference", None)


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
