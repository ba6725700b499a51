"""Each validation rule, broken once: a catalog built in code fails with the documented problem."""

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from moskvitch import (
    Catalog,
    Citation,
    DataError,
    Figure,
    PartialDate,
    Period,
)
from moskvitch.records import (
    Claim,
    Dispute,
    Engine,
    Event,
    EventKind,
    Link,
    Measure,
    Model,
    ModelKind,
    Ownership,
    Plant,
    PlantName,
    ProductionRecord,
    Relation,
    Source,
    Unit,
    Variant,
)

CITE = (Citation(source="ref-1"),)
SOURCE = Source(id="ref-1", title="A reference")
ENGINE = Engine(id="e-1", designation="E", power=Figure.exact(40), citations=CITE)
M1 = Model(
    id="m-1",
    name="M One",
    make="Moskvich",
    kind=ModelKind.PRODUCTION,
    engines=("e-1",),
    plants=("p-1",),
    citations=CITE,
)
M2 = Model(
    id="m-2",
    name="M Two",
    make="Moskvich",
    kind=ModelKind.PRODUCTION,
    lineage=(Link(target="m-1", relation=Relation.SUCCESSOR_OF),),
    citations=CITE,
)
VARIANT = Variant(id="v-1", model="m-1", name="M One Wagon", citations=CITE)
PLANT = Plant(
    id="p-1",
    name="Plant",
    city="Moscow",
    country="Russia",
    name_history=(PlantName(name="Old Plant", period=Period.parse("1930/1940"), citations=CITE),),
    owners=(
        Ownership(
            owner="State", period=Period.parse("1930/1991"), stake_percent=100, citations=CITE
        ),
    ),
    citations=CITE,
)
EVENT = Event(
    id="ev-1",
    date=PartialDate(1950),
    kind=EventKind.MILESTONE,
    summary="Something happened",
    subjects=("m-1",),
    citations=CITE,
)
PREFERRED = ProductionRecord(
    id="r-1",
    subject="m-1",
    period=Period.year(1950),
    figure=Figure.exact(100),
    measure=Measure.BUILT,
    note="two sources agree",
    citations=CITE,
)
RIVAL = ProductionRecord(
    id="r-2",
    subject="m-1",
    period=Period.year(1950),
    figure=Figure.exact(120),
    measure=Measure.BUILT,
    alternative_to="r-1",
    citations=CITE,
)
DISPUTE = Dispute(
    id="d-1",
    subject="m-1",
    topic="power",
    claims=(
        Claim(value="40 hp", preferred=True, note="the manual", record="r-1", citations=CITE),
        Claim(value="42 hp", citations=CITE),
    ),
)
VALID = Catalog(
    sources=(SOURCE,),
    engines=(ENGINE,),
    models=(M1, M2),
    variants=(VARIANT,),
    plants=(PLANT,),
    events=(EVENT,),
    production=(PREFERRED, RIVAL),
    disputes=(DISPUTE,),
)


def change(collection: str, index: int, **fields: Any) -> Callable[[], Catalog]:
    """Build VALID with one record's fields changed."""

    def build() -> Catalog:
        records = list(getattr(VALID, collection))
        records[index] = attrs.evolve(records[index], **fields)
        return attrs.evolve(VALID, **{collection: tuple(records)})

    return build


def replace(**collections: Any) -> Callable[[], Catalog]:
    return lambda: attrs.evolve(VALID, **collections)


CASES: list[tuple[str, Callable[[], Catalog], str]] = [
    # types: what loading guarantees, checked for catalogs built in code
    (
        "collection type",
        replace(models="m-1"),
        "models: expected a tuple of Model, found str 'm-1'",
    ),
    ("record type", replace(events=(M1,)), "events[0]: expected an Event, found Model Model("),
    ("field type", change("models", 0, name=400), "models[0] (m-1).name: expected a string"),
    (
        "nested type",
        change("models", 0, citations=("ref-1",)),
        "models[0] (m-1).citations[0]: expected a Citation, found str 'ref-1'",
    ),
    ("enum type", change("engines", 0, fuel="petrol"), ".fuel: expected a Fuel, found str"),
    ("value type", change("events", 0, date="1950"), ".date: expected a PartialDate, found str"),
    # ids and names
    ("invalid id", change("sources", 0, id="Ref 1"), "sources[0] (Ref 1).id: invalid id 'Ref 1'"),
    (
        "duplicate id",
        replace(models=(M1, M2, M1)),
        "models[2] (m-1).id: duplicate id 'm-1' (first at models[0])",
    ),
    (
        "shared subject id",
        change("plants", 0, id="m-2"),
        "plants[0] (m-2).id: id 'm-2' is already used in models",
    ),
    (
        "ambiguous name",
        change("models", 1, aliases=("M One",)),
        "models[1] (m-2).aliases: name 'M One' is ambiguous: it also names 'm-1'",
    ),
    # citations
    ("no citation", change("models", 0, citations=()), "models[0] (m-1).citations: no citation"),
    (
        "unknown source",
        change("engines", 0, citations=(Citation(source="ref-9"),)),
        "engines[0] (e-1).citations[0].source: unknown source 'ref-9'",
    ),
    # engines, models, variants, plants
    (
        "engine size",
        change("engines", 0, power=Figure.exact(0)),
        "engines[0] (e-1).power: must be positive",
    ),
    ("unknown engine", change("models", 0, engines=("e-9",)), ".engines[0]: unknown engine 'e-9'"),
    ("unknown plant", change("models", 0, plants=("p-9",)), ".plants[0]: unknown plant 'p-9'"),
    (
        "unknown link target",
        change("models", 1, lineage=(Link(target="m-9", relation=Relation.SUCCESSOR_OF),)),
        "models[1] (m-2).lineage[0].target: unknown model 'm-9'",
    ),
    (
        "self link",
        change("models", 1, lineage=(Link(target="m-2", relation=Relation.SUCCESSOR_OF),)),
        "models[1] (m-2).lineage[0].target: a model cannot link to itself ('m-2')",
    ),
    (
        "lineage cycle",
        change("models", 0, lineage=(Link(target="m-2", relation=Relation.DERIVED_FROM),)),
        "lineage cycle: m-1 -> m-2 -> m-1",
    ),
    (
        "variant's model",
        change("variants", 0, model="m-9"),
        "variants[0] (v-1).model: unknown model",
    ),
    (
        "stake",
        change("plants", 0, owners=(attrs.evolve(PLANT.owners[0], stake_percent=101),)),
        "plants[0] (p-1).owners[0].stake_percent: must be in 1..100, not 101",
    ),
    (
        "plant name citation",
        change("plants", 0, name_history=(attrs.evolve(PLANT.name_history[0], citations=()),)),
        "plants[0] (p-1).name_history[0].citations: no citation",
    ),
    # events
    ("no subject", change("events", 0, subjects=()), "events[0] (ev-1).subjects: an event needs"),
    (
        "unknown subject",
        change("events", 0, subjects=("x",)),
        "subjects[0]: unknown model, variant",
    ),
    # production
    (
        "figure subject",
        change("production", 0, subject="x"),
        "production[0] (r-1).subject: unknown",
    ),
    ("figure plant", change("production", 0, plant="p-9"), "(r-1).plant: unknown plant 'p-9'"),
    (
        "share",
        change("production", 1, unit=Unit.PERCENT, alternative_to=None, figure=Figure.exact(101)),
        "production[1] (r-2).figure: a share above 100%: 101",
    ),
    (
        "open period",
        change("production", 1, period=Period.parse("1950/..")),
        "production[1] (r-2).period: an actual figure needs a closed period, not '1950/..'",
    ),
    (
        "preferred without note",
        change("production", 0, note=None),
        "production[0] (r-1).note: a preferred claim with rivals needs a note saying why",
    ),
    (
        "unknown rival",
        change("production", 1, alternative_to="r-9"),
        "production[1] (r-2).alternative_to: unknown production record 'r-9'",
    ),
    (
        "competing with itself",
        change("production", 1, alternative_to="r-2"),
        "production[1] (r-2).alternative_to: a record cannot compete with itself",
    ),
    (
        "chained rivals",
        replace(production=(PREFERRED, RIVAL, attrs.evolve(RIVAL, id="r-3", alternative_to="r-2"))),
        "production[2] (r-3).alternative_to: 'r-2' is itself an alternative; point at the "
        "preferred record 'r-1'",
    ),
    (
        "different quantity",
        change("production", 1, measure=Measure.SOLD),
        "production[1] (r-2).alternative_to: 'r-1' counts built in vehicles, this record sold in "
        "vehicles: only claims about one quantity compete",
    ),
    # disputes
    ("dispute subject", change("disputes", 0, subject="x"), "disputes[0] (d-1).subject: unknown"),
    (
        "one claim",
        change("disputes", 0, claims=DISPUTE.claims[:1]),
        "disputes[0] (d-1).claims: a dispute needs at least two claims",
    ),
    (
        "two preferred",
        change("disputes", 0, claims=(DISPUTE.claims[0], DISPUTE.claims[0])),
        "disputes[0] (d-1).claims: at most one claim may be preferred, found 2",
    ),
    (
        "claim's record",
        change(
            "disputes", 0, claims=(attrs.evolve(DISPUTE.claims[0], record="r-9"), DISPUTE.claims[1])
        ),
        "disputes[0] (d-1).claims[0].record: unknown production record 'r-9'",
    ),
    (
        "preferred without reason",
        change(
            "disputes", 0, claims=(attrs.evolve(DISPUTE.claims[0], note=None), DISPUTE.claims[1])
        ),
        "disputes[0] (d-1).claims[0].note: the preferred claim needs a reason",
    ),
    (
        "access date without an address",
        change("sources", 0, accessed=PartialDate(2026, 12, 2)),
        "sources[0] (ref-1).url: an access date or finding place needs the address it is for",
    ),
    (
        "source kind type",
        change("sources", 0, kind="pamphlet"),
        "sources[0] (ref-1).kind: expected",
    ),
]


def test_the_base_catalog_is_valid() -> None:
    assert VALID.model("M One").id == "m-1"
    assert [r.id for r in VALID.production] == ["r-1", "r-2"]


@pytest.mark.parametrize(("rule", "build", "problem"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_names_its_problem(rule: str, build: Callable[[], Catalog], problem: str) -> None:
    with pytest.raises(DataError) as info:
        build()
    found = [str(p) for p in info.value.problems]
    assert any(problem in text for text in found), found
