"""A fact sheet: facts stated by the sources, pinned onto the shipped data.

Every assertion of a fact is preceded by a comment quoting the source fragment it comes from, as
``# SOURCE-ID: "verbatim fragment"``: ``seed-000`` is the encyclopedic article, ``seed-001`` ..
``seed-003`` the news items and ``ref-N`` entry N of the article's reference list (see
``tests/seeds``). :func:`test_fact_sheet_quotes_are_verbatim` checks those quotes against the
sources, so the sheet cannot drift from them. Only facts that the sources state and the data
holds are asserted; where the sources disagree, the preferred claim of the data is pinned and
the disagreement itself is checked in :func:`test_conflicts`.
"""

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import (
    BodyStyle,
    Catalog,
    Dispute,
    Event,
    EventKind,
    Fact,
    FactKind,
    Figure,
    Fuel,
    Layout,
    Measure,
    Model,
    ModelKind,
    PartialDate,
    Period,
    ProductionRecord,
    Relation,
    Role,
    Unit,
    lineage,
)
from moskvitch.testing import events

from .conftest import normalise


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


# -- helpers -------------------------------------------------------------------------------------


def ids(models: tuple[Model, ...]) -> list[str]:
    return [m.id for m in models]


def owners(catalog: Catalog, plant: str, date: str | int) -> dict[str, int | None]:
    return {o.owner: o.stake_percent for o in catalog.plant(plant).owners_on(date)}


def same_span(period: Period, wanted: str) -> bool:
    """Whether ``period`` has the ends of ``wanted`` at the precision ``wanted`` gives them."""
    want = Period.parse(wanted)

    def agrees(have: PartialDate | None, need: PartialDate | None) -> bool:
        if have is None or need is None:
            return have is need
        return (have.year, have.month if need.month else None) == (need.year, need.month) and (
            need.day is None or have.day == need.day
        )

    return agrees(period.start, want.start) and agrees(period.end, want.end)


def records(
    catalog: Catalog, subject: str, period: str, measure: Measure = Measure.BUILT
) -> list[ProductionRecord]:
    """The records about ``subject`` for exactly ``period``, or else for a refinement of it."""
    found = [r for r in catalog.production_of(subject) if r.measure is measure]
    exact = [r for r in found if str(r.period) == period]
    return exact or [r for r in found if same_span(r.period, period)]


def preferred(
    catalog: Catalog, subject: str, period: str, measure: Measure = Measure.BUILT
) -> ProductionRecord:
    (found,) = [r for r in records(catalog, subject, period, measure) if r.preferred]
    return found


def figures(
    catalog: Catalog, subject: str, period: str, measure: Measure = Measure.BUILT
) -> set[Figure]:
    return {r.figure for r in records(catalog, subject, period, measure)}


def event(catalog: Catalog, event_id: str) -> Event:
    (found,) = [e for e in catalog.events if e.id == event_id]
    return found


def dispute(catalog: Catalog, subject: str, topic: str) -> Dispute:
    (found,) = [d for d in catalog.conflicts() if d.subject == subject and d.topic == topic]
    return found


def figure_dispute(
    catalog: Catalog, subject: str, period: str, measure: Measure = Measure.BUILT
) -> Dispute:
    """The conflict derived from the competing production records of ``subject``."""
    record = preferred(catalog, subject, period, measure)
    (found,) = [d for d in catalog.conflicts() if d.id == record.id]
    assert (found.subject, found.topic) == (subject, f"{measure.value} {record.period}")
    return found


def claims(found: Dispute) -> dict[str, bool]:
    return {c.value: c.preferred for c in found.claims}


def cited(found: Dispute, value: str) -> set[str]:
    (claim,) = [c for c in found.claims if c.value == value]
    return {c.source for c in claim.citations}


def date(text: str) -> PartialDate:
    return PartialDate.parse(text)


# -- completeness --------------------------------------------------------------------------------

MODELS = [
    "kim-10",
    "moskvich-400",
    "moskvich-401",
    "moskvich-402",
    "moskvich-403",
    "moskvich-407",
    "moskvich-408",
    "moskvich-410",
    "moskvich-411",
    "moskvich-412",
    "izh-412",
    "moskvich-2140",
    "moskvich-2141",
    "moskvich-g4",
    "moskvich-3",
    "moskvich-5",
    "moskvich-6",
    "moskvich-8",
    "moskvich-m70",
    "moskvich-m90",
    "ford-prefect",
    "opel-kadett-k38",
    "bmw-1500",
    "simca-1308",
    "jac-js4",
    "jac-sehol-a5-plus",
    "mg-rx9",
    "rila-408",
    "rila-412",
    "scaldia-412",
]
VARIANTS = [
    "kim-10-convertible",
    "moskvich-420a",
    "moskvich-421",
    "moskvich-422",
    "moskvich-423",
    "moskvich-424",
    "moskvich-431",
    "moskvich-426",
    "moskvich-2136",
    "moskvich-2137",
    "moskvich-2138",
    "moskvich-3e",
]
PLANTS = ["moscow", "izhevsk", "lovech", "belgium-scaldia", "sverdlovsk"]


def test_every_required_record_exists(catalog: Catalog) -> None:
    # seed-000: "the first Moskvich-badged car, the 400 series, entering serial production in 1946"
    assert set(MODELS) <= {m.id for m in catalog.models}
    # seed-000: "Variants included convertibles (400-420A, produced 1949-1954)"
    assert set(VARIANTS) <= {v.id for v in catalog.variants}
    # seed-000: "assembled under license by Balkancar in Lovech"
    assert set(PLANTS) <= {p.id for p in catalog.plants}
    # seed-000: "The plant that would later produce Moskvitch vehicles originated in late 1930"
    assert len(catalog.events) >= 60
    # ref-16: "a cooperation agreement signed in 1929 between Russia and the Ford Motor Company"
    assert min(e.date for e in catalog.events).year == 1929
    # ref-55: "large-scale assembly of the new M70 model by the end of 2025"
    assert max(e.date for e in catalog.events).year == 2025


# -- plants: names and owners over time ----------------------------------------------------------


def test_moscow_plant_names_over_time(catalog: Catalog) -> None:
    moscow = catalog.plant("moscow")
    # seed-000: "Named the KIM factory after the Communist Youth International () in December 1930"
    assert moscow.name_on("1930-12") == "KIM"
    # seed-000: "Prototypes emerged in April 1940"
    # seed-000: "the Komsomolsky Avtomobilny Zavod (KIM plant), precursor to Moskvitch"
    assert moscow.name_on("1940-04") == "KIM"
    # ref-11: "produced at the Plant of small cars in Moscow (ZMA, later - МЗМА) from December
    # 1946": ZMA when the 400 started, MZMA only later (not in 1945, as seed-000 says once)
    assert moscow.name_on("1946-12") == "ZMA"
    assert moscow.name_on(1945) is None
    assert moscow.name_on(1948) == "MZMA"
    # ref-2: "which was produced on MZMA plant from 1946 to 1956"
    assert moscow.name_on(1955) == "MZMA"
    # seed-000: "By 1967, the 408 series had solidified MZMA's role"
    assert moscow.name_on(1967) == "MZMA"
    # seed-000: "The factory, renamed AZLK (Avtomobilny Zavod imeni Leninskogo Komsomola) in 1968"
    assert moscow.name_on(1968) == "AZLK"
    # ref-17: "Curbside Classic: 1974 AZLK Moskvich 412"
    assert moscow.name_on(1975) == "AZLK"
    # seed-000: "in December 1991, was reorganized as OAO Moskvitch"
    assert moscow.name_on(1995) == "OAO Moskvitch"
    # seed-000: "relocated and expanded operations to the Moskvitch grounds in 2004"
    assert moscow.name_on(2006) == "Avtoframos"
    # ref-36: "sell 100% of Renault Group's shares in Renault Russia to Moscow City"
    assert moscow.name_on("2022-05-16") == "Renault Russia"
    # seed-001: "The plant, which will be renamed the Moskvich Automobile Plant" (a future)
    # ref-3 (23 November 2022): "It sold its Moscow plant, now renamed": the name is not answered
    # while Renault still ran the plant, nor before a source gives it as the plant's name.
    assert moscow.name_on("2022-02") is None
    assert moscow.name_on("2022-06") is None
    assert moscow.name_on("2022-11-23") == "Moskvich Automobile Plant"
    assert moscow.name_on(2023) == "Moskvich Automobile Plant"
    # seed-000: "with operations commencing in November of that year on a large site"
    assert moscow.city == "Moscow"


def test_plant_look_ups_by_any_name(catalog: Catalog) -> None:
    moscow = catalog.plant("moscow")
    # seed-000: "renamed the Small Car Factory (MZMA)"
    assert catalog.plant("MZMA") is moscow
    # ref-9: "produced by AZLK from 1946 to 1991"
    assert catalog.plant("AZLK") is moscow
    # seed-000: "Named the KIM factory after the Communist Youth International"
    assert catalog.plant("KIM") is moscow
    # ref-35: "which installed its Avtoframos factory there"
    assert catalog.plant("Avtoframos") is moscow
    # seed-000: "assembled under license by Balkancar in Lovech"
    assert catalog.plant("Balkancar").id == "lovech"


def test_moscow_plant_owners_over_time(catalog: Catalog) -> None:
    # No source states who owned the plant before 1991: no owner is recorded.
    assert owners(catalog, "moscow", 1960) == {}
    # seed-000: "was reorganized as OAO Moskvitch"
    assert owners(catalog, "moscow", 1995) == {"OAO Moskvitch": None}
    oao = next(o for o in catalog.plant("moscow").owners if o.owner == "OAO Moskvitch")
    # seed-000: "in December 1991, was reorganized as OAO Moskvitch": only the preceding event is
    # dated, so the start of the period is marked as the curators' inference.
    assert oao.inference and "December 1991" in oao.inference
    # seed-000: "relocated and expanded operations to the Moskvitch grounds in 2004"
    # ref-41: "a joint venture between Renault and the city of Moscow"
    avtoframos = "Avtoframos (renamed in 2008, later Renault Russia), founded as a joint venture "
    avtoframos += "of the City of Moscow and Renault"
    # Avtoframos ran the plant; no source says it owned it, so it is its operator.
    assert owners(catalog, "moscow", 2008) == {}
    operators = catalog.plant("moscow").owners_on(2008, role=Role.OPERATOR)
    assert [o.owner for o in operators] == [avtoframos]
    # seed-000: "By 2012, had acquired full ownership of Avtoframos": a deadline, not a start.
    renault = "Renault Group, full owner of Avtoframos (later Renault Russia)"
    assert owners(catalog, "moscow", 2015) == {renault: 100}
    full = next(o for o in catalog.plant("moscow").owners if o.owner == renault)
    assert full.inference and "by 2012" in full.inference
    # seed-000: "established in 1998 between the City of (holding 38% stake) and SA (62% stake)"
    # The stakes hold for 1998 only: they are facts dated 1998, not owners' stakes over time.
    stakes = {f.id: (f.figure, f.date) for f in catalog.facts_of("moscow") if f.kind == "share"}
    assert stakes["avtoframos-stake-city-1998"] == (Figure.exact(38), Period.parse("1998"))
    assert stakes["avtoframos-stake-renault-1998"] == (Figure.exact(62), Period.parse("1998"))
    # ref-36: "sell 100% of Renault Group's shares in Renault Russia to Moscow City"
    assert owners(catalog, "moscow", 2023) == {"City of Moscow": 100}
    # ref-91 (23 March 2022): "activities in its manufacturing plant in Moscow are suspended": in
    # February 2022 Renault still owned the plant and Avtoframos (Renault Russia) ran it.
    assert owners(catalog, "moscow", "2022-02") == {renault: 100}
    moscow = catalog.plant("moscow")
    assert [o.owner for o in moscow.owners_on("2022-02", role=Role.OPERATOR)] == [avtoframos]
    assert moscow.owners_on("2022-04", role=Role.OPERATOR) == ()
    # seed-003: "It was then transferred to the management of the city of Moscow and the state
    # automobile institute Nami": managers, not owners, from no earlier than the sale.
    managers = moscow.owners_on(2023, role=Role.MANAGER)
    assert [o.owner for o in managers] == ["City of Moscow", "NAMI (state automobile institute)"]
    assert all(str(o.period) == "2022-05-16/.." and o.inference for o in managers)
    assert not any(o.owner.startswith("NAMI") for o in moscow.owners_on("2022-02", role=None))
    # seed-003: "the state-owned technology company Rosteh, as the contractor."
    (kamaz,) = moscow.owners_on(2023, role=Role.CONTRACTOR)
    assert kamaz.owner == "Kamaz" and kamaz.inference and "does not date" in kamaz.inference


def test_other_plants(catalog: Catalog) -> None:
    # seed-000: "licensed to the IZh factory in Izhevsk"
    assert catalog.plant("izhevsk").city == "Izhevsk"
    lovech = catalog.plant("lovech")
    # seed-000: "assembled under license by Balkancar in Lovech during the 1960s and 1970s"
    assert (lovech.name, lovech.city) == ("Balkancar", "Lovech")
    scaldia = catalog.plant("belgium-scaldia")
    # seed-000: "by importer Scaldia-Volvo SA (formerly Sobimpex) in Seneffe"
    # The firm's name and site are disputed with the German Wikipedia page (Scaldia-Volga,
    # Antwerp): the plant carries the name both agree on.
    assert (scaldia.name, scaldia.city) == ("Scaldia", "Seneffe")
    # seed-000: "the Moskvitch factory, previously evacuated to Sverdlovsk for military production"
    assert catalog.plant("sverdlovsk").city == "Sverdlovsk"


# -- models: periods, makes, kinds, look-ups -----------------------------------------------------


def test_model_production_periods(catalog: Catalog) -> None:
    def period(name: str) -> str:
        found = catalog.model(name).production
        assert found is not None, name
        return str(found)

    # seed-000: "Prototypes emerged in April 1940, followed by serial production starting mid-year"
    # seed-000: "By June 1941, only around 450 KIM-10 sedans and convertibles had been assembled"
    assert period("kim-10") == "1940/1941-06"
    # ref-13: "On Dec. 4, 1946 the first"
    # ref-11: "from December 1946 to 1954"
    assert period("moskvich-400") == "1946-12-04/1954"
    # seed-000: "In 1954, the updated Moskvitch-401 introduced a higher-compression"
    # seed-000: "extending production of the series until 1956"
    assert period("moskvich-401") == "1954/1956"
    # seed-000: "Key variants included the 403 transitional model (1962-1964)"
    assert period("moskvich-403") == "1962/1964"
    # ref-76: "produced at MPMC (Moscow Plant of Midget Cars) since 1958 up to 1963"
    assert period("moskvich-407") == "1958/1963"
    # seed-000: "the Moskvitch-408, debuted in 1964 following prototypes from 1960"
    # ref-19: "At AZLK, both models were produced in parallel until 1976"
    assert period("moskvich-408") == "1964/1976"
    # seed-000: "In 1967, AZLK introduced the Moskvitch-412"
    # seed-000: "The 2140 series succeeded the 412 in 1976"
    assert period("moskvich-412") == "1967/1976"
    # ref-20: "The Moskvich-412 was produced from 1967-1997 (Moscow) and 2001 (Izhevsk)"
    assert period("izh-412") == "../2001"
    # ref-21: "manufactured or offered in the years 1976-1988"
    assert period("moskvich-2140") == "1976/1988"
    # ref-25: "was manufactured between 1986 and 2001 years"
    assert period("moskvich-2141") == "1986/2001"
    # seed-000: "assembled in since November 23, 2022, at the former"
    assert period("moskvich-3") == "2022-11-23/.."
    # seed-000: "a near-direct copy of the 1938-1940 Opel Kadett K38"
    assert period("opel-kadett-k38") == "1938/1940"


def test_model_makes_and_kinds(catalog: Catalog) -> None:
    def make_kind(model_id: str) -> tuple[str, ModelKind]:
        model = catalog.model(model_id)
        return model.make, model.kind

    # ref-4: "KIM-10-50 - the first Soviet serial compact car"
    assert make_kind("kim-10") == ("KIM", ModelKind.PRODUCTION)
    # seed-000: "the first Moskvich-badged car, the 400 series, entering serial production in 1946"
    assert make_kind("moskvich-400") == ("Moskvich", ModelKind.PRODUCTION)
    # ref-4: "the basis of which the design was taken by the British «Ford Prefect» of 1939"
    assert make_kind("ford-prefect") == ("Ford", ModelKind.FOREIGN_ORIGIN)
    # seed-000: "a near-direct copy of the 1938-1940 Opel Kadett K38"
    assert make_kind("opel-kadett-k38") == ("Opel", ModelKind.FOREIGN_ORIGIN)
    # ref-68: "Moskvich-412 is generally based on BMW 1500. The engine is an outright clone."
    assert make_kind("bmw-1500") == ("BMW", ModelKind.FOREIGN_ORIGIN)
    # wikipedia-aleko: "Related: Simca 1307/1308"
    assert make_kind("simca-1308") == ("Simca", ModelKind.FOREIGN_ORIGIN)
    # ref-61: "Moskvich-badged Clone of the JAC JS4 Chinese Crossover"
    assert make_kind("jac-js4") == ("JAC", ModelKind.FOREIGN_ORIGIN)
    # ref-64: "It is based on the Chinese JAC Sehol A5 Plus of 2021"
    assert make_kind("jac-sehol-a5-plus") == ("JAC", ModelKind.FOREIGN_ORIGIN)
    # ref-54: "in cooperation with the Chinese SAIC concern, based on the MG RX9 model"
    assert make_kind("mg-rx9") == ("MG", ModelKind.FOREIGN_ORIGIN)
    # ref-17: "The Izh 412 was a carbon copy"
    assert make_kind("izh-412") == ("IZh", ModelKind.LICENSED_BUILD)
    # seed-000: "assembled under license by Balkancar in Lovech"
    # seed-000: "marketed locally under the Rila brand"
    assert make_kind("rila-408") == ("Rila", ModelKind.LICENSED_BUILD)
    # seed-000: "Moskvitch 408, 412, and related models were assembled under license"
    assert make_kind("rila-412") == ("Rila", ModelKind.LICENSED_BUILD)
    # seed-000: "sold as Scaldia-badged variants"
    assert make_kind("scaldia-412") == ("Scaldia", ModelKind.LICENSED_BUILD)
    # seed-000: "victories with the lightweight G-4 racer"
    assert make_kind("moskvich-g4") == ("Moskvich", ModelKind.RACER)
    # seed-000: "The 2022 revival, rebranding Chinese JAC JS4 as the Moskvich 3"
    assert make_kind("moskvich-3") == ("Moskvich", ModelKind.REBADGE)
    # ref-63: "have been renamed the JAC JS4 and JAC Sehol A5"
    assert make_kind("moskvich-6") == ("Moskvich", ModelKind.REBADGE)


def test_model_bodies_and_layouts(catalog: Catalog) -> None:
    # seed-000: "The first postwar model, the Moskvitch-400 sedan"
    assert catalog.model("moskvich-400").body_style is BodyStyle.SEDAN
    m2141 = catalog.model("moskvich-2141")
    # seed-000: "The Moskvich 2141, unveiled in 1986 as a front-wheel-drive hatchback"
    assert (m2141.body_style, m2141.layout) == (BodyStyle.HATCHBACK, Layout.FF)
    # seed-000: "producing standardized, rear-wheel-drive sedans"
    assert catalog.model("moskvich-407").layout is Layout.FR
    # seed-000: "criticisms of outdated rear-wheel-drive layout"
    assert catalog.model("moskvich-2140").layout is Layout.FR
    # seed-000: "with the debut of the Moskvich 3 compact crossover"
    assert catalog.model("moskvich-3").body_style is BodyStyle.CROSSOVER
    # ref-64: "The Moskvich plant certified the Moskvich 6 liftback"
    assert catalog.model("moskvich-6").body_style is BodyStyle.LIFTBACK
    # ref-53: "Sales of the Moskvich 8 crossover began in Russia on July 22."
    assert catalog.model("moskvich-8").body_style is BodyStyle.CROSSOVER


def test_model_plants(catalog: Catalog) -> None:
    # seed-000: "The 412 was produced in parallel with the 408 at the Moscow plant"
    assert "moscow" in catalog.model("moskvich-412").plants
    # seed-000: "licensed to the IZh factory in Izhevsk"
    assert catalog.model("izh-412").plants == ("izhevsk",)
    # seed-000: "Moskvitch 408, 412, and related models were assembled under license by Balkancar"
    assert catalog.model("rila-408").plants == ("lovech",)
    # seed-000: "CKD assembly of Moskvitch models by importer Scaldia-Volvo SA"
    assert catalog.model("scaldia-412").plants == ("belgium-scaldia",)


def test_aliases_and_cyrillic_look_ups(catalog: Catalog) -> None:
    m412 = catalog.model("moskvich-412")
    # seed-000: "Moskvich (: Москвич) was a Soviet and automobile brand"
    assert catalog.model("Москвич-412") is m412
    # seed-000: "The 412 was produced in parallel with the 408"
    assert catalog.model("412") is m412
    # ref-19: "Moskvitch-412 - All PYRENEES"
    assert catalog.model("Moskvitch 412") is m412
    # ref-73: "This car is a member of the Moskvitch-2141 (Москвич-2141) family"
    assert catalog.model("Москвич-2141").id == "moskvich-2141"
    # ref-25: "Moskvitch 2141 Aleko - Wikicars"
    assert catalog.model("Aleko").id == "moskvich-2141"
    # ref-77: "The car exported to Western Countries was called the Moskvitch Elite"
    assert catalog.model("Moskvitch Elite").id == "moskvich-408"
    # seed-003: "the 403 model known as Moskvič Skandinavia was imported"
    assert catalog.model("Moskvič Skandinavia").id == "moskvich-403"
    # seed-001: "more than half of its M-407 models were exported"
    assert catalog.model("M-407").id == "moskvich-407"
    # ref-4: "KIM-10-50 - the first Soviet serial compact car"
    assert catalog.model("KIM-10-50").id == "kim-10"
    # ref-14: "Black Moskvitch 400-420 - All PYRENEES"
    assert catalog.model("Moskvitch 400-420").id == "moskvich-400"
    # ref-103: "an identical copy of the Sehol X4 compact crossover made by China's JAC"
    assert catalog.model("Sehol X4").id == "jac-js4"
    # ref-62: "The electric Moskvich 3 appears to be a copy of the JAC S4 from China"
    assert catalog.model("JAC S4").id == "jac-js4"
    # ref-17: "The Izh 412 was a carbon copy"
    assert catalog.model("Izh 412").id == "izh-412"


# -- variants ------------------------------------------------------------------------------------


def test_variants_and_their_models(catalog: Catalog) -> None:
    convertible = catalog.variant("kim-10-convertible")
    # seed-000: "By June 1941, only around 450 KIM-10 sedans and convertibles had been assembled"
    assert (convertible.model, convertible.body_style) == ("kim-10", BodyStyle.CABRIOLET)
    m420a = catalog.variant("420A")
    # seed-000: "Variants included convertibles (400-420A, produced 1949-1954)"
    assert (m420a.id, m420a.model, str(m420a.production)) == (
        "moskvich-420a",
        "moskvich-400",
        "1949/1954",
    )
    # seed-000: "Variants included the Moskvitch-420 cabriolet"
    assert m420a.body_style is BodyStyle.CABRIOLET
    m421 = catalog.variant("400-421")
    # seed-000: "wagons (400-421, 1948-1950)"
    assert (m421.model, m421.body_style, str(m421.production)) == (
        "moskvich-400",
        BodyStyle.WAGON,
        "1948/1950",
    )
    # seed-000: "(400-422, 1948-1956)"
    assert str(catalog.variant("400-422").production) == "1948/1956"
    # seed-000: "(400-420A, produced 1949-1954), wagons (400-421, 1948-1950), and (400-422"
    assert {v.id for v in catalog.variants_of("moskvich-400")} == {
        "moskvich-420a",
        "moskvich-421",
        "moskvich-422",
    }
    # seed-000: "the 423/424 station wagons (1958-1959, first Soviet production wagons"
    for name in ("423", "424"):
        wagon = catalog.variant(name)
        # seed-000: "Key variants included the 403 transitional model (1962-1964), the 423/424"
        assert (wagon.model, wagon.body_style, str(wagon.production)) == (
            "moskvich-407",
            BodyStyle.WAGON,
            "1958/1959",
        )
    m431 = catalog.variant("431")
    # seed-000: "and pickup trucks like the 431"
    assert (m431.model, m431.body_style) == ("moskvich-407", BodyStyle.PICKUP)
    # seed-000: "Variants such as station wagons (Moskvitch-426 and -2136)"
    assert catalog.variant("426").body_style is BodyStyle.WAGON
    # seed-000: "Variants such as station wagons (Moskvitch-426 and -2136)"
    assert catalog.variant("2136").body_style is BodyStyle.WAGON
    # ref-21: "Moskvich 2138-2140-2136-2137 data and specifications catalogue" (the variants the
    # seed documents name; public pages found later add the 2733 and 2734 vans)
    seeded = [
        v
        for v in catalog.variants_of("moskvich-2140")
        if catalog.source(v.citations[0].source).seed
    ]
    assert {v.id for v in seeded} == {
        "moskvich-2136",
        "moskvich-2137",
        "moskvich-2138",
    }
    # seed-000: "its electric variant Moskvich 3e"
    assert catalog.variant("3e").model == "moskvich-3"
    # seed-000: "electric powertrain options in the Moskvich 3e variant"
    assert catalog.variant("Moskvich 3e").id == "moskvich-3e"


# -- engines -------------------------------------------------------------------------------------


def test_engines(catalog: Catalog) -> None:
    def engines(model: str) -> list[tuple[str | None, Fuel | None]]:
        found = [catalog.engine(e) for e in catalog.model(model).engines]
        return [(None if e.power is None else str(e.power), e.fuel) for e in found]

    kim = catalog.engine(catalog.model("kim-10").engines[0])
    # seed-000: "including a 1.2-liter inline-four rated at 26 horsepower"
    assert (kim.power, kim.cylinders) == (Figure.exact(26), 4)
    # A litre figure to one decimal is the range of volumes that round to it.
    assert kim.displacement == Figure.between(1150, 1250)
    m400 = catalog.engine(catalog.model("moskvich-400").engines[0])
    # seed-000: "The initial 400 sedan featured a 1.1-liter inline-four engine producing 23"
    assert (m400.power, m400.cylinders) == (Figure.exact(23), 4)
    assert m400.displacement == Figure.between(1050, 1150)
    # seed-000: "the updated Moskvitch-401 introduced a higher-compression yielding 26 horsepower"
    assert engines("moskvich-401") == [("26", None)]
    # ref-75: "In 1958, the Russian factory produced the 45 bhp 407"
    assert engines("moskvich-407") == [("45", None)]
    # ref-18: "It was the Moskvitch 408. Power – 50 hp."
    assert engines("moskvich-408") == [("50", None)]
    # seed-000: "a new 1.5-liter inline-four engine (UZAM-412) producing 75 horsepower"
    assert catalog.model("moskvich-412").engines == ("uzam-412",)
    uzam = catalog.engine("uzam-412")
    # seed-000: "incorporated a cloned 1500-series engine producing 75 horsepower"
    assert (uzam.power, uzam.cylinders) == (Figure.exact(75), 4)
    assert uzam.displacement == Figure.between(1450, 1550)
    # seed-000: "Powered initially by a 1.5-liter carbureted delivering 75 horsepower"
    # seed-000: "later versions adopted a 1.7-liter unit with up to 80 horsepower"
    assert {hp for hp, _ in engines("moskvich-2140")} == {"75", "≤80"}
    assert catalog.engine("moskvich-2140-1-7").power == Figure.at_most(80)
    # seed-000: "a 1.5-liter turbocharged producing approximately 150 horsepower"
    # seed-000: "a single output of 174 horsepower"
    assert set(engines("moskvich-3")) == {("≈150", Fuel.PETROL), ("174", Fuel.ELECTRIC)}
    assert catalog.engine("moskvich-3-1-5t").power == Figure.approx(150)
    # seed-000: "1.5-liter turbocharged gasoline engine rated at 174 horsepower"
    assert engines("moskvich-6") == [("174", Fuel.PETROL)]
    # seed-000: "often retrofitted with 1.6-liter diesel engines (producing around 42-50 hp)"
    assert engines("scaldia-412") == [("≈42–50", Fuel.DIESEL)]
    assert catalog.engine("scaldia-1-6-diesel").displacement == Figure.between(1550, 1650)


# -- lineage -------------------------------------------------------------------------------------


def test_lineage(catalog: Catalog) -> None:
    def relations(model: str) -> dict[str, Relation]:
        return {link.target: link.relation for link in catalog.model(model).lineage}

    # ref-4: "the basis of which the design was taken by the British «Ford Prefect» of 1939"
    assert ids(lineage.derived_from("kim-10", catalog=catalog)) == ["ford-prefect"]
    # seed-000: "a near-direct copy of the 1938-1940 Opel Kadett K38"
    assert "opel-kadett-k38" in ids(lineage.ancestors("400", catalog=catalog))
    # ref-12: "Using the schematics left over from the Opel Kadet/Olympia K38 platform"
    assert ids(lineage.derived_from("400", catalog=catalog)) == ["opel-kadett-k38"]
    # seed-000: "In 1954, the updated Moskvitch-401 introduced a higher-compression"
    assert relations("moskvich-401") == {"moskvich-400": Relation.SUCCESSOR_OF}
    # seed-000: "The next major generation, the Moskvitch-408, debuted in 1964"
    # seed-000: "was influenced by the 1962 , featuring updated styling with a boxier profile"
    assert relations("moskvich-408") == {
        "moskvich-407": Relation.SUCCESSOR_OF,
        "opel-1962": Relation.INFLUENCED_BY,
    }
    # seed-000: "which retained the Opel's influence in layout"
    assert relations("moskvich-412")["opel-1962"] is Relation.INFLUENCED_BY
    assert catalog.model("opel-1962").make == "Opel"
    # seed-000: "inspired by Western designs like the Renault 9"
    assert relations("moskvich-2141")["renault-9"] is Relation.INFLUENCED_BY
    # Neither quote on the 407 says it replaced the 402: no such link is recorded.
    assert "moskvich-402" not in relations("moskvich-407")
    # The 402's link to the 401 rests on a reading of an unnamed model: marked as inference.
    assert catalog.model("moskvich-402").lineage[0].inference
    # seed-000: "AZLK introduced the Moskvitch-412 as an upgraded variant of the 408 series"
    # seed-000: "The 412 was produced in parallel with the 408 at the Moscow plant": built alongside
    # it, so derived from the 408, not its successor.
    assert relations("moskvich-412")["moskvich-408"] is Relation.DERIVED_FROM
    # ref-68: "Moskvich-412 is generally based on BMW 1500. The engine is an outright clone."
    assert ids(lineage.predecessors("412", catalog=catalog)) == [
        "moskvich-408",
        "bmw-1500",
        "opel-1962",
    ]
    # ref-68: "The engine is an outright clone."
    assert relations("moskvich-412")["bmw-1500"] is Relation.ENGINE_FROM
    # seed-000: "The 2140 series succeeded the 412 in 1976 as a facelifted modernization"
    assert ids(lineage.predecessors("2140", catalog=catalog)) == ["moskvich-412"]
    # ref-19: "after another restyling and modernization, production continued under the"
    assert {"moskvich-412", "moskvich-408", "moskvich-407", "moskvich-400"} <= set(
        ids(lineage.ancestors("2140", catalog=catalog))
    )
    # seed-000: "The 2140 series succeeded the 412 in 1976"
    assert "moskvich-2140" in ids(lineage.descendants("412", catalog=catalog))
    # ref-69: "Moskvitch 400/420 (1946); Moskvitch 401/420 (1954)"
    assert ids(lineage.path("2140", "400", catalog=catalog))[-2:] == [
        "moskvich-401",
        "moskvich-400",
    ]
    # ref-23: "The Moskvitch 2141 was a successor to the 412"
    assert relations("moskvich-2141")["moskvich-412"] is Relation.SUCCESSOR_OF
    # seed-000: "borrowed elements from the 1308 (also known as 1308)": borrowing elements is less
    # than being derived from the design.
    assert relations("moskvich-2141")["simca-1308"] is Relation.INFLUENCED_BY
    # ref-17: "The Izh 412 was a carbon copy"
    assert relations("izh-412") == {"moskvich-412": Relation.LICENSED_BUILD_OF}
    # seed-000: "Moskvitch 408, 412, and related models were assembled under license by Balkancar"
    assert relations("rila-408") == {"moskvich-408": Relation.LICENSED_BUILD_OF}
    # seed-000: "Moskvitch 408, 412, and related models were assembled under license"
    assert relations("rila-412") == {"moskvich-412": Relation.LICENSED_BUILD_OF}
    # seed-000: "Models such as the 402, 407, and 412 were built from Soviet kits"
    assert relations("scaldia-412") == {"moskvich-412": Relation.LICENSED_BUILD_OF}
    # seed-000: "licensed to the IZh factory in Izhevsk to expand overall output"
    assert {"izh-412", "rila-412", "scaldia-412"} <= set(
        ids(lineage.successors("412", catalog=catalog))
    )
    # ref-61: "The low-cost Chinese SUV JAC JS4 assembled in the CKD collection"
    assert ids(lineage.derived_from("Moskvich 3", catalog=catalog)) == ["jac-js4"]
    # seed-000: "rebranding Chinese JAC JS4 as the Moskvich 3"
    assert relations("moskvich-3") == {"jac-js4": Relation.REBADGE_OF}
    # ref-64: "It is based on the Chinese JAC Sehol A5 Plus of 2021"
    # ref-65: "This model is a licensed copy of the Chinese liftback JAC Sehol A5."
    assert relations("moskvich-6") == {"jac-sehol-a5-plus": Relation.REBADGE_OF}
    # The name dispute is undecided, so the link's target does not take a side.
    target = catalog.model("jac-sehol-a5-plus")
    assert "JAC Sehol A5" in target.name and "A5 Plus" in target.name
    assert catalog.model("moskvich-6").lineage[0].inference
    # seed-000: "for a new M90 model based on the MG RX9"
    assert ids(lineage.derived_from("M90", catalog=catalog)) == ["mg-rx9"]


# -- events --------------------------------------------------------------------------------------


def test_event_dates_and_kinds(catalog: Catalog) -> None:
    def when(event_id: str) -> tuple[str, EventKind]:
        found = event(catalog, event_id)
        return str(found.date), found.kind

    # ref-16: "a cooperation agreement signed in 1929 between Russia and the Ford Motor Company"
    assert when("1929-ford-cooperation-agreement") == ("1929", EventKind.OTHER)
    # seed-000: "with operations commencing in November of that year"
    assert when("1930-plant-starts-operations") == ("1930-11", EventKind.FOUNDING)
    # seed-000: "Named the KIM factory after the Communist Youth International () in December 1930"
    assert when("1930-named-kim") == ("1930-12", EventKind.RENAMING)
    # seed-000: "Prototypes emerged in April 1940"
    assert when("1940-kim-10-prototypes") == ("1940-04", EventKind.PROTOTYPE)
    # ref-7: "the plant managed to assemble just 450 units before the Nazi invasion in June 1941"
    assert when("1941-kim-10-production-ends") == ("1941-06", EventKind.PRODUCTION_END)
    # ref-84: "In 1941 the plant was evacuated to Ural"
    assert when("1941-evacuation") == ("1941", EventKind.EVACUATION)
    # seed-000: "previously evacuated to Sverdlovsk for military production"
    assert "sverdlovsk" in event(catalog, "1941-evacuation").subjects
    # seed-000: "in June 1945, Joseph Stalin selected the pre-war Opel Kadett design"
    assert when("1945-stalin-chooses-kadett") == ("1945-06", EventKind.OTHER)
    # seed-000: "rolled off the assembly line on December 4, 1946"
    assert when("1946-first-moskvich-400") == ("1946-12-04", EventKind.PRODUCTION_START)
    # ref-14: "Approved for mass production by the Soviet government on 28 April 1947"
    assert when("1947-moskvich-400-approved") == ("1947-04-28", EventKind.APPROVAL)
    # seed-000: "noted for its success and award at the 1958"
    assert when("1958-moskvich-407-award") == ("1958", EventKind.AWARD)
    # seed-000: "on May 18, 1967, when it assembled its one millionth vehicle, a Moskvitch 408"
    assert when("1967-millionth-car") == ("1967-05-18", EventKind.MILESTONE)
    # ref-18: "It was the Moskvitch 408."
    assert "moskvich-408" in event(catalog, "1967-millionth-car").subjects
    # seed-000: "The factory, renamed AZLK (Avtomobilny Zavod imeni Leninskogo Komsomola) in 1968"
    assert when("1968-renamed-azlk") == ("1968", EventKind.RENAMING)
    # seed-000: "In 1968, exports accounted for 55% of output"
    assert when("1968-exports-55-percent") == ("1968", EventKind.EXPORT)
    # seed-000: "underwent major reconstruction in 1971"
    assert when("1971-reconstruction") == ("1971", EventKind.RECONSTRUCTION)
    # ref-25: "It was first announced in 1985"
    assert when("1985-moskvich-2141-announced")[0] == "1985"
    # seed-000: "in December 1991, was reorganized as OAO Moskvitch"
    assert when("1991-reorganised-oao-moskvitch") == ("1991-12", EventKind.RENAMING)
    # ref-28: "Jan 9, 1997 · RUSSIAN GOVERNMENT FAILS TO BANKRUPT TAX-DEFAULTING AUTO-MAKER."
    assert when("1997-failed-bankruptcy-attempt") == ("1997-01", EventKind.BANKRUPTCY)
    # ref-32: "The assembly line was stopped in 2001"
    assert when("2001-moskvich-production-ends") == ("2001", EventKind.PRODUCTION_END)
    # ref-29: "Unpaid bill shuts down Russian automaker - UPI.com Mar 4, 2002"
    assert when("2002-mosenergo-power-cut")[0] == "2002-03"
    # ref-32: "the company filed for bankruptcy in 2002"
    assert when("2002-bankruptcy-filing") == ("2002", EventKind.BANKRUPTCY)
    # ref-32: "was finally officially declared bankrupt in 2006"
    assert when("2006-declared-bankrupt") == ("2006", EventKind.BANKRUPTCY)
    # ref-91: "Mar 23, 2022 · Renault Group activities in its manufacturing plant in Moscow"
    assert when("2022-renault-operations-suspended")[0] == "2022-03-23"
    # ref-36: "May 16, 2022 · The Board of Directors of Renault Group unanimously approved"
    assert when("2022-sale-to-moscow") == ("2022-05-16", EventKind.OWNERSHIP_CHANGE)
    # seed-000: "Production officially commenced on November 23, , with the debut of the Moskvich 3"
    assert when("2022-moskvich-3-production-start") == ("2022-11-23", EventKind.RELAUNCH)
    # ref-64: "The Moskvich plant certified the Moskvich 6 liftback | News - Autostat Jul 26, 2023"
    # seed-000: "The Moskvitch 6, certified in July 2023": ref-64's day is its report's date.
    assert when("2023-moskvich-6-certified") == ("2023-07", EventKind.CERTIFICATION)
    # ref-53: "Sales of the Moskvich 8 crossover began in Russia on July 22."
    assert when("2025-moskvich-8-sales-start") == ("2025-07-22", EventKind.LAUNCH)
    # ref-55: "The Moskvich automobile plant plans to begin large-scale assembly of the new M70"
    assert when("2025-m70-plan") == ("2025-10-15", EventKind.PLAN)


def test_events_of_a_subject(catalog: Catalog) -> None:
    def timeline(subject: str) -> list[tuple[str, EventKind]]:
        return [(str(e.date), e.kind) for e in catalog.events_of(subject)]

    # seed-000: "Prototypes emerged in April 1940, followed by serial production starting mid-year"
    # seed-000: "By June 1941, only around 450 KIM-10 sedans and convertibles had been assembled"
    # The prototypes come first: "1940" (mid-year) is not placed before "1940-04".
    assert timeline("kim-10") == [
        ("1940-04", EventKind.PROTOTYPE),
        ("1940", EventKind.PRODUCTION_START),
        ("1941-06", EventKind.PRODUCTION_END),
    ]
    # ref-13: "On Dec. 4, 1946 the first"
    # seed-000: "was approved for mass production by Soviet authorities on April 28, 1947"
    assert timeline("moskvich-400")[-2:] == [
        ("1946-12-04", EventKind.PRODUCTION_START),
        ("1947-04-28", EventKind.APPROVAL),
    ]
    # ref-25: "It was first announced in 1985 and was manufactured between 1986 and 2001 years."
    assert [d for d, _ in timeline("moskvich-2141")][:2] == ["1985", "1986"]
    # seed-001: "The last model, Moskvich 2141, was discontinued in 2001"
    assert timeline("moskvich-2141")[-1] == ("2001", EventKind.PRODUCTION_END)
    moscow = timeline("moscow")
    # seed-000: "renamed AZLK (Avtomobilny Zavod imeni Leninskogo Komsomola) in 1968"
    assert ("1968", EventKind.RENAMING) in moscow
    # seed-000: "increasing its stake to 100%"
    assert ("2012", EventKind.OWNERSHIP_CHANGE) in moscow
    # ref-16: "The beginnings of Moskvitch lie in a cooperation agreement signed in 1929"
    assert moscow[0] == ("1929", EventKind.OTHER)


# -- production figures --------------------------------------------------------------------------


def test_moskvich_400_and_kim_10_figures(catalog: Catalog) -> None:
    first = preferred(catalog, "moskvich-400", "1947")
    # ref-14: "1,501 were built the first year, with 4,808 for 1948 and 19,906 in 1949"
    assert first.figure == Figure.exact(1501)
    # ref-14: "1,501 were built the first year"
    assert "ref-14" in {c.source for c in first.citations}
    # ref-14: "with 4,808 for 1948"
    assert preferred(catalog, "moskvich-400", "1948").figure == Figure.exact(4808)
    # ref-14: "19,906 in 1949"
    assert preferred(catalog, "moskvich-400", "1949").figure == Figure.exact(19906)
    series = preferred(catalog, "moskvich-400", "1946/1956")
    # seed-000: "with 247,439 units built between 1946 and 1956"
    assert series.figure == Figure.exact(247_439)
    # seed-000: "with a total output exceeding 200,000 units across models"
    # seed-000: "with total production exceeding 247,000 units"
    # seed-000: "yielding approximately 248,000 sedans and convertibles"
    assert {
        Figure.at_least(200_000),
        Figure.at_least(247_000),
        Figure.approx(248_000),
    } <= figures(catalog, "moskvich-400", "1946/1956")
    # The series figures cover the 400 and the 401 to 1956, though filed under the 400.
    assert series.inference and "401" in series.inference
    # seed-000: "which delivered 216,000 sedans and 17,000 cabriolets": sedans only, so not a
    # competing total of the series but a count by body style, kept out of the totals.
    assert Figure.parse("216,000") not in figures(catalog, "moskvich-400", "1946/1956")
    sedans = next(f for f in catalog.facts_of("moskvich-400") if f.kind is FactKind.OUTPUT)
    assert sedans.figure == Figure.parse("216,000") and "sedans" in sedans.topic
    # seed-000: "including over 17,000 convertibles"; "convertibles (400-420A, produced
    # 1949-1954)": the variant's count covers the variant's own years, not the series'.
    convertibles = preferred(catalog, "moskvich-420a", "1949/1954")
    assert convertibles.figure == Figure.at_least(17_000)
    assert str(convertibles.period) == "1949/1954"
    # seed-000: "By June 1941, only around 450 KIM-10 sedans and convertibles had been assembled"
    assert preferred(catalog, "kim-10", "1940/1941-06").figure == Figure.approx(450)
    (looser,) = [r for r in records(catalog, "kim-10", "1940/1941-06") if not r.preferred]
    # seed-000: "after assembling fewer than 1,000 KIM-10 vehicles"
    assert looser.figure == Figure.at_most(1000)
    # ref-7: "the plant managed to assemble just 450 units"
    assert looser.alternative_to == "kim-10-built-1940-1941"


def test_soviet_era_figures(catalog: Catalog) -> None:
    # seed-000: "the Moskvitch 407 (1958–1963) yielded 359,980 units"
    assert preferred(catalog, "moskvich-407", "1958/1963").figure == Figure.parse("359,980")
    exported = records(catalog, "moskvich-407", "1958/1963", Measure.EXPORTED)
    # seed-000: "with exports accounting for 120,903 vehicles, or roughly one-third of output"
    assert Figure.exact(120_903) in {r.figure for r in exported if r.unit is Unit.VEHICLES}
    (share,) = [r for r in exported if r.unit is Unit.PERCENT and r.preferred]
    # seed-000: "or roughly one-third of output"
    assert share.figure == Figure.approx(33)
    # seed-000: "one millionth vehicle, a Moskvitch 408 sedan"
    assert Figure.exact(1_000_000) in {r.figure for r in catalog.production_of("moscow")}
    (export_1968,) = records(catalog, "moscow", "1968", Measure.EXPORTED)
    # seed-000: "In 1968, exports accounted for 55% of output"
    assert (export_1968.figure, export_1968.unit) == (Figure.exact(55), Unit.PERCENT)
    # seed-000: "The Moskvich 412, manufactured from 1967 to 1982 with over 900,000 units produced"
    assert preferred(catalog, "moskvich-412", "1967/1982").figure == Figure.at_least(900_000)
    # seed-000: "continued until 1988, with over 500,000 units built"
    assert preferred(catalog, "moskvich-2140", "1976/1988").figure == Figure.at_least(500_000)
    # seed-000: "over 716,000 units were built until 2002"
    assert preferred(catalog, "moskvich-2141", "1986/2002").figure == Figure.at_least(716_000)
    # seed-000: "with annual output exceeding 100,000 vehicles by the early 1960s": the plant's
    # output in the 407's years, not the 407's.
    early_1960s = preferred(catalog, "moscow", "1960/1963")
    assert (early_1960s.figure, early_1960s.unit) == (Figure.at_least(100_000), Unit.PER_YEAR)
    assert early_1960s.inference  # "by the early 1960s" read as 1960-1963
    assert not [r for r in catalog.production_of("moskvich-407") if r.unit is Unit.PER_YEAR]
    # seed-000: "contributing to over 800,000 units across variants": no span in the source.
    (over_800k,) = [r for r in catalog.production_of("moskvich-412") if not r.preferred]
    assert over_800k.figure == Figure.at_least(800_000) and over_800k.inference
    # seed-000: "but output was minimal—likely fewer than 1,000 units": hedged and undated, so
    # it is an uncertain assembly fact, not a production record or a plant of the 2141.
    assert not [r for r in catalog.production_of("moskvich-2141") if r.plant == "lovech"]
    assert catalog.model("moskvich-2141").plants == ("moscow",)
    (bulgaria,) = [f for f in catalog.facts_of("moskvich-2141") if f.kind == "assembly"]
    assert (bulgaria.figure, bulgaria.uncertain, bulgaria.date) == (
        Figure.at_most(1000),
        True,
        None,
    )


def test_renault_era_and_revival_figures(catalog: Catalog) -> None:
    # seed-000: "reaching 69,000 vehicles in 2007"
    assert preferred(catalog, "moscow", "2007").figure == Figure.parse("69,000")
    # seed-000: "and 73,000 in 2008"
    assert preferred(catalog, "moscow", "2008").figure == Figure.parse("73,000")
    # ref-34: "It has since built 1.2m cars"
    assert preferred(catalog, "moscow", "2005/2019").figure == Figure.parse("1.2 million")
    # ref-44: "it hoped to produce about 600 cars this year, including 200 electric vehicles"
    assert preferred(catalog, "moscow", "2022", Measure.PLANNED).figure == Figure.approx(600)
    # seed-000: "The plant targeted output of 600 units by December , including 200 electric models"
    # No source names the model of the 200 electric vehicles: a plan of the plant, not the 3e's.
    assert not catalog.production_of("moskvich-3e") or all(
        r.measure is not Measure.PLANNED or r.period != Period.parse("2022")
        for r in catalog.production_of("moskvich-3e")
    )
    electric = [f for f in catalog.facts_of("moscow") if f.id == "revival-electric-plan-2022"]
    assert [f.figure for f in electric] == [Figure.exact(200)]
    # ref-44: "and 50,000 cars in 2023"
    assert preferred(catalog, "moscow", "2023", Measure.PLANNED).figure == Figure.exact(50_000)
    sold_2023 = preferred(catalog, "moscow", "2023-03/2023-12", Measure.SOLD)
    # ref-48: "More than 15,300 Moskvich cars were sold in Russia from the sales start last March"
    assert sold_2023.figure == Figure.at_least(15_300)
    # ref-48: "Over 15000 Moskvich cars sold from March 2023 - TASS"
    assert "ref-48" in {c.source for c in sold_2023.citations}
    shipped = preferred(catalog, "moscow", "2023-03/2023-12", Measure.SHIPPED)
    # ref-48: "about 19,000 vehicles were shipped to dealers"
    assert shipped.figure == Figure.approx(19_000)
    # ref-50: "sold more than 23 thousand cars in 2024"
    assert preferred(catalog, "moscow", "2024", Measure.SOLD).figure == Figure.at_least(23_000)
    # ref-50: "including 2.4 thousand Moskvich 6 sedans": to the hundred, so 2,350-2,449.
    sold_6 = preferred(catalog, "moskvich-6", "2024", Measure.SOLD)
    assert sold_6.figure == Figure.parse("2.4 thousand")
    # ref-50: "1.3 thousand Moskvich 3e electric"
    sold_3e = preferred(catalog, "moskvich-3e", "2024", Measure.SOLD)
    assert sold_3e.figure == Figure.parse("1.3 thousand")
    # ref-51: "Moskvich car sales stood at 2,200 units in April 2024"
    assert preferred(catalog, "moscow", "2024-04", Measure.SOLD).figure == Figure.parse("2,200")
    # ref-52: "In June 2025, 1,100 Moskvich cars were sold in Russia"
    assert preferred(catalog, "moscow", "2025-06", Measure.SOLD).figure == Figure.parse("1,100")
    h1 = preferred(catalog, "moscow", "2025-01/2025-06", Measure.SOLD)
    # ref-52: "in the first half of 2025, 7,400 units were sold"
    assert h1.figure == Figure.parse("7,400")
    # ref-80: "Moscow is considering sending 50 vehicles, 25 of which are the Moskvitch 3"
    assert preferred(catalog, "moscow", "2025", Measure.PLANNED).figure == Figure.exact(50)
    # ref-80: "25 of which are the Moskvitch 3 fuel-powered models"
    assert preferred(catalog, "moskvich-3", "2025", Measure.PLANNED).figure == Figure.exact(25)


# -- conflicts -----------------------------------------------------------------------------------


def test_conflicts(catalog: Catalog) -> None:
    displacement = dispute(catalog, "moskvich-400", "engine displacement")
    # seed-000: "The initial 400 sedan featured a 1.1-liter inline-four engine"
    # seed-000: "This four-seater compact featured a 660 cc inline-four engine"
    assert claims(displacement) == {"1.1 L": True, "660 cc": False}
    # seed-000: "This four-seater compact featured a 660 cc inline-four engine"
    assert cited(displacement, "660 cc") == {"seed-000"}
    total = figure_dispute(catalog, "moskvich-400", "1946/1956")
    # seed-000: "with 247,439 units built between 1946 and 1956"
    assert total.preferred_claim is not None and total.preferred_claim.value == "247,439"
    # seed-000: "total production exceeding 247,000 units, including over 17,000 convertibles"
    assert {"≥200,000", "≥247,000", "≈248,000"} <= set(claims(total))
    # seed-000: "which delivered 216,000 sedans and 17,000 cabriolets": sedans only, no claim on
    # the series total.
    assert "216,000" not in claims(total)
    first_year = figure_dispute(catalog, "moskvich-400", "1947")
    # ref-14: "1,501 were built the first year"
    # seed-000: "achieving 26,000 units by 1947 despite material shortages"
    assert claims(first_year) == {"1,501": True, "26,000": False}
    sales = figure_dispute(catalog, "moscow", "2023-03/2023-12", Measure.SOLD)
    # ref-48: "More than 15,300 Moskvich cars were sold in Russia"
    # seed-000: "with over 40,000 units sold that year"
    assert claims(sales) == {"≥15,300": True, "≥40,000": False}
    # ref-48: "More than 15,300 Moskvich cars were sold in Russia"
    assert "ref-48" in cited(sales, "≥15,300")
    power = dispute(catalog, "moskvich-407", "engine power")
    # ref-75: "In 1958, the Russian factory produced the 45 bhp 407"
    # seed-000: "a 1.2-liter delivering about 40 horsepower"
    assert claims(power) == {"45 bhp": True, "about 40 hp": False, "35 hp": False}
    # ref-75: "In 1958, the Russian factory produced the 45 bhp 407"
    assert cited(power, "45 bhp") == {"ref-75"}
    span_407 = dispute(catalog, "moskvich-407", "production span")
    # ref-76: "since 1958 up to 1963"
    # seed-000: "totaling 120,903 units over its run from 1958 to 1964"
    assert claims(span_407) == {"1958-1963": True, "1958-1964": False}
    start_408 = dispute(catalog, "moskvich-408", "production start")
    # seed-000: "The Moskvich 408, entering production in 1964"
    # seed-000: "The 408, entering mass production in 1965"
    assert claims(start_408) == {"1964": True, "1965": False}
    end_2141 = dispute(catalog, "moskvich-2141", "production end")
    # seed-001: "The last model, Moskvich 2141, was discontinued in 2001"
    # seed-000: "over 716,000 units were built until 2002"
    assert claims(end_2141) == {"2001": True, "2002": False}
    mzma = dispute(catalog, "moscow", "date of the MZMA name (founding of the Small Car Factory)")
    # ref-11: "(ZMA, later - МЗМА) from December 1946": the one reference dating the name argues
    # against the article's 1945 ("Postwar reconversion began in 1945"), which is not preferred.
    assert mzma.preferred_claim is not None
    assert mzma.preferred_claim.value == "after 1946 (ZMA in December 1946, later MZMA)"
    assert "ref-11" in cited(mzma, mzma.preferred_claim.value)
    assert claims(mzma)["1945"] is False
    # seed-000: "In 1939, the facility was reorganized and renamed the Small Car Factory (MZMA)"
    assert claims(mzma)["1939"] is False
    # The 1939 claim cites only what supports it (not the KIM plant's 1941 stop).
    assert len(next(c for c in mzma.claims if c.value == "1939").citations) == 1
    # seed-000: "The establishment of the Small Automobile Plant (MZMA) in the late"
    plan = next(c for c in mzma.claims if "five-year plan" in c.value)
    assert plan.date == Period.parse("1933/1937")
    workforce = dispute(catalog, "moscow", "workforce kept at the 2022 handover")
    # ref-90: "There are 2,045 people working at Moskvich today."
    assert workforce.preferred_claim is not None
    assert workforce.preferred_claim.value == "2,045 people"


def fact(catalog: Catalog, subject: str, topic: str) -> Fact:
    (found,) = [f for f in catalog.facts_of(subject) if f.topic == topic]
    return found


def test_specifications(catalog: Catalog) -> None:
    def spec(subject: str, topic: str) -> tuple[Figure | None, str | None]:
        found = fact(catalog, subject, topic)
        assert found.kind is FactKind.SPECIFICATION
        return found.figure, found.unit or found.text

    # seed-000: "such as a top speed of 85 km/h"
    assert spec("kim-10", "top speed") == (Figure.exact(85), "km/h")
    # seed-000: "of 8-10 liters per 100 km"
    assert spec("kim-10", "fuel consumption") == (Figure.between(8, 10), "L/100 km")
    # seed-000: "producing 23 horsepower, achieving a top speed of 90 km/h"
    assert spec("moskvich-400", "top speed") == (Figure.parse("90"), "km/h")
    # seed-000: "achieving approximately 97% parts commonality with the original"
    topic = "parts in common with the Opel Kadett K38"
    assert spec("moskvich-400", topic) == (Figure.approx(97), "percent")
    # seed-000: "This four-seater compact featured a 660 cc inline-four engine"
    assert spec("moskvich-400", "seats") == (Figure.exact(4), "seats")
    # seed-000: "featuring a unibody construction"
    assert spec("moskvich-408", "body construction") == (None, "unibody")
    # seed-000: "hatchback styling and independent front suspension"
    assert spec("moskvich-2141", "front suspension") == (None, "independent")
    # seed-000: "a 1.2-liter delivering about 40 horsepower, and a top speed of 115 km/h"
    assert spec("moskvich-407", "top speed") == (Figure.exact(115), "km/h")
    # seed-000: "incorporating hydraulic drum brakes and improved suspension"
    assert spec("moskvich-407", "brakes") == (None, "hydraulic drum brakes")
    # seed-000: "first Soviet production wagons capable of carrying 250 kg"
    assert spec("moskvich-423", "payload") == (Figure.parse("250"), "kg")
    assert spec("moskvich-424", "payload") == (Figure.parse("250"), "kg")
    # seed-000: "a top speed of 130 km/h"
    assert spec("moskvich-408", "top speed") == (Figure.parse("130"), "km/h")
    # seed-000: "and four-speed manual transmission"
    assert spec("moskvich-408", "gearbox") == (None, "four-speed manual")
    # seed-000: "achieving top speeds near 150 km/h"
    assert spec("moskvich-412", "top speed") == (Figure.approx(150), "km/h")
    # seed-000: "paired with a four-speed ."
    assert spec("moskvich-2140", "gearbox") == (None, "four-speed")
    # seed-000: "and front disc brakes for better handling"
    assert spec("moskvich-2140", "brakes") == (None, "front disc brakes")
    # seed-000: "projected real-world fuel consumption of 11-12 liters per 100 km"
    topic = "projected real-world fuel consumption"
    assert spec("moskvich-3", topic) == (Figure.between(11, 12), "L/100 km")


def test_markets_and_assembly_abroad(catalog: Catalog) -> None:
    # seed-001: "and sold in the UK, Norway, Finland and France"
    assert (
        fact(catalog, "moskvich-407", "export markets").text == "the UK, Norway, Finland and France"
    )
    # seed-003: "when the 403 model known as Moskvič Skandinavia was imported"
    finland = fact(catalog, "moskvich-403", "export market")
    assert finland.text == "Finland, as the Moskvič Skandinavia"
    assert finland.date == Period.parse("1960/1969")
    # ref-77: "The car exported to Western Countries was called the Moskvitch Elite"
    assert "Moskvitch Elite" in (fact(catalog, "moskvich-408", "export markets").text or "")
    # ref-78: "arrived to Cuba by the thousands"
    cuba = fact(catalog, "moscow", "export market")
    assert (cuba.text, cuba.figure) == ("Cuba", Figure.at_least(1000))
    # seed-000: "to support growing domestic demand and exports to Eastern Bloc countries"
    assert fact(catalog, "moscow", "export markets").text == "the Eastern Bloc countries"
    # seed-000: "Efforts to penetrate the U.S. in the late and faltered amid quality concerns"
    assert "United States" in (fact(catalog, "moscow", "attempted export market").text or "")
    # ref-79: "successfully exported to Egypt - and even 'capitalist' France"
    assert fact(catalog, "moscow", "early export markets").text == "Egypt and France"
    # seed-000: "with annual output estimated in the low thousands"
    (lovech,) = [f for f in catalog.facts_of("lovech") if f.kind is FactKind.ASSEMBLY]
    assert (lovech.figure, lovech.text) == (None, "in the low thousands a year")
    # seed-000: "Annual assembly volumes reached several hundred units in peak years"
    (scaldia,) = [f for f in catalog.facts_of("belgium-scaldia") if f.kind is FactKind.ASSEMBLY]
    assert (scaldia.figure, scaldia.text) == (None, "several hundred a year in peak years")
    # seed-000: "again by Balkancar or affiliated facilities"
    (aleko,) = [f for f in catalog.facts_of("moskvich-2141") if f.kind is FactKind.ASSEMBLY]
    assert aleko.uncertain


def test_renault_era_facts(catalog: Catalog) -> None:
    # ref-34: "started off building the Renault Logan (a rebadged Dacia)"
    products = [f.text or "" for f in catalog.facts_of("moscow") if f.kind is FactKind.PRODUCT]
    assert any("Renault Logan" in text for text in products)
    # seed-000: "models like the Sandero and later the Duster"
    assert any("Duster" in text for text in products)
    # seed-000: "Annual capacity expanded to around 200,000 units by the mid-2010s"
    capacity = fact(catalog, "moscow", "annual capacity under Renault")
    assert (capacity.figure, capacity.unit) == (Figure.approx(200_000), "vehicles a year")
    # seed-000: "contributing to Renault's peak market share in exceeding 30%"
    assert fact(catalog, "moscow", "Renault's peak market share").figure == Figure.at_least(30)


def test_revival_facts(catalog: Catalog) -> None:
    # seed-001: "including Jianghuai Automobile, FAW Group, and BYD"
    talks = "Chinese makers the Moscow government and the Ministry of Industry and Trade "
    talks += "negotiated with"
    assert "BYD" in (fact(catalog, "moscow", talks).text or "")
    # seed-000: "full localization remains limited to under 20%"
    assert fact(catalog, "moscow", "localisation reached").figure == Figure.at_most(20)
    # seed-000: "localization efforts aim to increase content to 50% by 2026"
    target = [f for f in catalog.facts_of("moscow") if f.kind is FactKind.PLAN and f.figure]
    assert any(f.figure == Figure.exact(50) and str(f.date) == "../2026" for f in target)
    # seed-000: "with base prices starting near 2.5 million rubles in 2023"
    price = fact(catalog, "moskvich-3", "base price")
    assert (price.figure, price.unit) == (Figure.approx(2_500_000), "rubles")
    # ref-53: "The basic version of the model was estimated at 2.98 million rubles."
    assert fact(catalog, "moskvich-8", "base price").figure == Figure.parse("2.98 million")
    # ref-49: "Revenues increased 38.9% to 59.2 billion rubles"
    revenue = fact(catalog, "moscow", "revenue").figure
    assert revenue == Figure.between(59_150_000_000, 59_250_000_000)
    assert str(revenue) == "59.2 billion"
    # ref-49: "Moskvich RAS net loss increases 3.6-fold in 2023 to 8.6 bln rubles"
    loss = fact(catalog, "moscow", "net loss (Russian accounting standards)")
    assert loss.kind is FactKind.FINANCE and str(loss.date) == "2023"
    # seed-002: "reached an agreement in August to invest 5 billion rubles ($81.4 million)"
    investment = fact(catalog, "moscow", "investment agreed by the city and Kamaz").figure
    assert investment == Figure.exact(5_000_000_000)
    # seed-003: "plans to put together a subcontracting chain"
    assert fact(catalog, "moscow", "subcontracting").kind is FactKind.PLAN
    # seed-002: "When handing over the assets, Renault sold a majority stake in Avtovaz"
    avtovaz = "sale of Renault's majority stake in Avtovaz, with the plant"
    assert fact(catalog, "moscow", avtovaz).kind is FactKind.DEAL
    # seed-002: "Moscow has enough expertise to become a center of the electric vehicle industry"
    ev_aim = "aim for Moscow's electric-vehicle industry"
    assert fact(catalog, "moscow", ev_aim).kind is FactKind.PLAN
    # ref-51: "Moskvich car sales stood at 2,200 units in April 2024"
    assert preferred(catalog, "moscow", "2024-04", Measure.SOLD).figure == Figure.parse("2,200")


def test_workforce(catalog: Catalog) -> None:
    def people(topic: str) -> tuple[Figure | None, str]:
        found = fact(catalog, "moscow", topic)
        return found.figure, str(found.date)

    # seed-000: "rapid hiring of over 1,500 new workers at Moskvich"
    assert people("new workers hired") == (Figure.at_least(1500), "1950/1959")
    # ref-82: "By 1980, 30,000 people worked at the plant"
    assert people("people working at the plant") == (Figure.parse("30,000"), "1980")
    # ref-90: "Their average age is 38 years, with 8 years"
    assert people("average age of the workforce") == (Figure.exact(38), "2022-11")
    # seed-000: "Industry Ministry projections claimed full-scale production could add 40,000 jobs"
    assert fact(catalog, "moscow", "jobs full-scale production could add").figure == Figure.parse(
        "40,000"
    )


def test_new_disputes(catalog: Catalog) -> None:
    def undecided(subject: str, topic: str) -> Dispute:
        found = dispute(catalog, subject, topic)
        assert not found.decided and found.preferred_claim is None and found.note
        return found

    # seed-000: "Production of variants like the 400, 401, and 402 continued until 1956"
    # seed-000: "Production of the 402/403/407 series continued through 1964"
    end_402 = undecided("moskvich-402", "production end")
    assert {str(c.date) for c in end_402.claims} == {"1956", "1964"}
    # ref-90: "Sergei Sobyanin opens serial production at Moskvich plant - mos.ru Nov 27, 2022"
    serial = undecided("moscow", "start of serial production in November 2022")
    assert {str(c.date) for c in serial.claims} == {"2022-11-23", "2022-11-27"}
    # seed-000: "prioritizing compact, rear-engine designs"
    assert len(undecided("moskvich-400", "engine position").claims) == 2
    # seed-000: "transfer of tooling, blueprints, and expertise from Opel's Brandenburg plant"
    assert len(undecided("moskvich-400", "where the Kadett tooling came from").claims) == 3
    # seed-000: "adapting prewar KIM designs"
    assert len(undecided("moskvich-400", "what the 400 was developed from").claims) == 2
    # seed-003: "the Russian state took over the Renault factory"
    buyer = undecided("moscow", "who took over Renault's plant in 2022")
    assert set(claims(buyer)) == {"the City of Moscow", "the Russian state"}
    # seed-000: "semi-knocked-down (SKD) assembly of imported components"
    assert len(undecided("moskvich-3", "kit type of the 2022 assembly").claims) == 3
    # ref-65: "This model is a licensed copy of the Chinese liftback JAC Sehol A5."
    undecided("moskvich-6", "name of the Chinese model it is based on")
    # seed-000: "importer Scaldia-Volvo SA (formerly Sobimpex)"
    name = undecided("belgium-scaldia", "name of the Belgian importer and assembler")
    assert cited(name, "Sobimpex N.V. until 1965, then Scaldia-Volga S.A.") == {
        "wikipedia-de-scaldia"
    }
    undecided("belgium-scaldia", "where the Belgian assembly took place")
    # seed-000: "The establishment of the Small Automobile Plant (MZMA) in the late"
    # ref-82: "which produced more than 5 million cars a year"
    five_million = dispute(catalog, "moscow", "the plant's yearly output around 1980")
    assert "cumulative total, not yearly output" not in claims(five_million)
    # seed-000: "total Soviet passenger car production hovered below 1 million annually": the
    # article's own bound rules the 5 million out, so it is not preferred, nor a production figure.
    assert claims(five_million)["more than 5 million cars a year (1980)"] is False
    assert five_million.preferred_claim is not None
    assert five_million.preferred_claim.figure == Figure.at_most(1_000_000)
    assert not any(r.figure == Figure.at_least(5_000_000) for r in catalog.production)
    # Every stored claim carries a typed field, except names, places and descriptions.
    typed = [c for d in catalog.disputes for c in d.claims if c.figure or c.date or c.span]
    assert len(typed) >= 50
    assert all(c.unit for d in catalog.disputes for c in d.claims if c.figure)
    # seed-000: "The initial 400 sedan featured a 1.1-liter inline-four engine"
    displacement = dispute(catalog, "moskvich-400", "engine displacement")
    assert {c.value: (c.figure, c.unit) for c in displacement.claims} == {
        "1.1 L": (Figure.between(1050, 1150), "cc"),
        "660 cc": (Figure.parse("660"), "cc"),
    }
    # ref-62: "which Kamaz will only assemble at the plant starting this December"
    # ref-62 is about the electric Moskvich 3: it does not date the petrol car's start.
    start_3 = dispute(catalog, "moskvich-3", "production start")
    assert "ref-62" not in {c.source for claim in start_3.claims for c in claim.citations}


def test_sources_and_notes_speak_to_readers(catalog: Catalog) -> None:
    article = catalog.source("seed-000")
    assert "encyclopedic article" in article.title
    assert article.description and "120 references" in article.description
    # The third news item's title is given in plain English.
    assert catalog.source("seed-003").title.startswith("The Mosse, lost to history in 2001")
    notes = [
        text
        for group in (
            catalog.engines,
            catalog.models,
            catalog.variants,
            catalog.plants,
            catalog.events,
            catalog.production,
            catalog.facts,
        )
        for record in group
        for text in (record.note, record.inference)
        if text
    ]
    notes += [c.note for d in catalog.disputes for c in d.claims if c.note]
    assert not [n for n in notes if re.search(r"\bgap\b|blank|the body(?! style| type)\b", n, re.I)]


# -- sources -------------------------------------------------------------------------------------


def test_sources(catalog: Catalog) -> None:
    ref14 = catalog.source("ref-14")
    # ref-14: "Black Moskvitch 400-420 - All PYRENEES Jul 24, 2018"
    assert (ref14.title, ref14.publisher) == (
        "Black Moskvitch 400-420 - All PYRENEES",
        "All PYRENEES",
    )
    # ref-14: "Jul 24, 2018"
    assert ref14.date == date("2018-07-24")
    # ref-13: "Dec 4, 2017 · On Dec. 4, 1946 the first"
    assert catalog.source("ref-13").date == date("2017-12-04")
    # ref-36: "May 16, 2022 · The Board of Directors of Renault Group"
    assert catalog.source("ref-36").date == date("2022-05-16")
    ref48 = catalog.source("ref-48")
    # ref-48: "Over 15000 Moskvich cars sold from March 2023 - TASS Jan 9, 2024"
    assert (ref48.publisher, ref48.date) == ("TASS", date("2024-01-09"))
    # ref-25: "Moskvitch 2141 Aleko - Wikicars Aug 24, 2010"
    assert catalog.source("ref-25").publisher == "Wikicars"
    ref90 = catalog.source("ref-90")
    # ref-90: "Sergei Sobyanin opens serial production at Moskvich plant - mos.ru Nov 27, 2022"
    assert (ref90.publisher, ref90.date) == ("mos.ru", date("2022-11-27"))
    # ref-101: "Ukraine war: Russia nationalises Renault's Moscow plant - BBC May 16, 2022"
    assert catalog.source("ref-101").publisher == "BBC"


# -- the fact sheet itself -----------------------------------------------------------------------

_QUOTE_RE = re.compile(r'^\s*# ([a-z0-9-]+): "(.+)"\s*$', re.MULTILINE)


def test_fact_sheet_quotes_are_verbatim(catalog: Catalog, source_texts: dict[str, str]) -> None:
    """Every quote in this file's comments is in its source, or cited with it by the data."""
    quoted = _QUOTE_RE.findall(Path(__file__).read_text(encoding="utf-8"))
    assert len(quoted) >= 70
    wrong = []
    for source, fragment in quoted:
        catalog.source(source)  # the id is a real source
        if source in source_texts:
            ok = normalise(fragment) in source_texts[source]
        else:  # a public page: the data quotes it, so the fragment must be in one of its quotes
            ok = any(
                c.source == source and c.quote and fragment in c.quote
                for m in catalog.models
                for c in (*m.citations, *(c for link in m.lineage for c in link.citations))
            )
        if not ok:
            wrong.append(f"{source}: {fragment!r}")
    assert wrong == []


_SOURCE = moskvitch.Source(id="source-0", title="A source")
_MODELS = tuple(
    Model(
        id=f"model-{i}",
        name=f"Model {i}",
        make="Moskvich",
        kind=ModelKind.PRODUCTION,
        citations=[moskvitch.Citation(source="source-0")],
    )
    for i in range(2)
)


@given(
    st.lists(
        # Dates within two years, so that years, months and days often overlap.
        events(subject_ids=[m.id for m in _MODELS], min_year=1940, max_year=1941),
        max_size=12,
        unique_by=lambda e: e.id,
    )
)
def test_a_timeline_never_puts_an_event_before_one_it_must_follow(drawn: list[Event]) -> None:
    catalog = Catalog(sources=[_SOURCE], models=_MODELS, events=drawn)
    everything = catalog.timeline()
    assert sorted(e.id for e in everything) == sorted(e.id for e in drawn)
    for in_order in (everything, *(catalog.timeline(m) for m in _MODELS)):
        for i, first in enumerate(in_order):
            for then in in_order[i + 1 :]:
                assert not first.date.earliest() > then.date.latest(), (first.id, then.id)


def test_kim_10_prototypes_of_april_1940_come_before_its_1940_serial_production(
    catalog: Catalog,
) -> None:
    ids = [e.id for e in catalog.timeline("KIM-10")]
    kinds = {e.id: e.kind for e in catalog.timeline("KIM-10")}
    prototype = next(i for i in ids if kinds[i] is EventKind.PROTOTYPE)
    serial = next(i for i in ids if kinds[i] is EventKind.PRODUCTION_START)
    assert ids.index(prototype) < ids.index(serial)


def test_every_record_is_found_by_its_id(catalog: Catalog) -> None:
    for event in catalog.events:
        assert catalog.event(event.id) is event
    for fact in catalog.facts:
        assert catalog.fact(fact.id) is fact
    for record in catalog.production:
        assert catalog.production_record(record.id) is record
    for dispute in catalog.conflicts():  # recorded ones and those of competing figures
        assert catalog.dispute(dispute.id) == dispute
    for engine in catalog.engines:
        assert catalog.engine(engine.id) is catalog.engine(engine.designation) is engine
    with pytest.raises(moskvitch.UnknownNameError, match="did you mean '1940-kim-10-prototypes'"):
        catalog.event("1940-kim-10-prototype")
    with pytest.raises(moskvitch.UnknownNameError, match="no dispute named 'moskvich-400'"):
        catalog.dispute("moskvich-400")


def test_cited_by_finds_citations_inside_records(catalog: Catalog) -> None:
    for source in catalog.sources[:20]:
        citing = catalog.cited_by(source.id)
        assert citing == catalog.cited_by(source)
        for record in citing:
            assert source.id in repr(attrs.asdict(record))  # the id occurs in the record
    # ref-19 is cited by a dispute's claim only, not by the dispute itself
    dispute = catalog.dispute("moskvich-412-production-span")
    assert dispute in catalog.cited_by("ref-19")


def test_plant_names_during_a_span(catalog: Catalog) -> None:
    moscow = catalog.plant("moscow")
    # seed-000: KIM from December 1930 (to June 1941), ZMA from December 1946 (ref-11), MZMA
    # from 1947, AZLK from 1968; no name is recorded for the war years.
    assert moscow.names_during(Period.parse("1940/1941-06")) == ("KIM",)
    assert moscow.names_during(Period.parse("1967/1976")) == ("MZMA", "AZLK")
    assert moscow.names_during(Period.parse("2009/2021")) == ()  # no name recorded then
    for year in range(1931, 2008):
        name = moscow.name_on(year)
        during = moscow.names_during(Period.year(year))
        assert name in during if name is not None else year in range(1942, 1946)
