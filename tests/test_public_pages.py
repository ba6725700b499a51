"""Records that rest on public pages found after the seed documents (issue 26): each added
model, variant and event is pinned with the page it cites, and the blanks those pages fill.

The quotes from these pages were checked against the text the project's search tool returned
for each page on the day given in the source's ``accessed`` field; the seed documents' quotes
are checked in ``test_shipped_data.py``.
"""

from typing import Any

import pytest

import moskvitch
from moskvitch import (
    BodyStyle,
    Catalog,
    EventKind,
    ModelKind,
    PartialDate,
    Period,
    SourceKind,
    lineage,
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


def cited(record: Any) -> set[str]:
    return {c.source for c in record.citations}


def test_every_page_cited_here_is_a_page_found_later(catalog: Catalog) -> None:
    pages = {s.id for s in catalog.sources if s.id.startswith("page-")}
    assert len(pages) == 19
    for source_id in pages:
        source = catalog.source(source_id)
        assert source.kind is SourceKind.PAGE and not source.seed
        assert source.accessed == PartialDate(2026, 12, 2)


@pytest.mark.parametrize(
    ("model_id", "kind", "body", "pages"),
    [
        ("moskvich-2142", ModelKind.PRODUCTION, BodyStyle.SEDAN, {"page-wikimili-moskvitch-2142"}),
        (
            "moskvich-2143",
            ModelKind.PROTOTYPE,
            None,
            {"page-all-andorra-2143", "page-story-cars-yauza"},
        ),
        ("moskvich-2144", ModelKind.PROTOTYPE, None, {"page-story-cars-istra", "page-vmax-istra"}),
        ("moskvich-g5", ModelKind.RACER, None, {"page-formula143-g5"}),
    ],
)
def test_added_models_and_their_pages(
    catalog: Catalog, model_id: str, kind: ModelKind, body: BodyStyle | None, pages: set[str]
) -> None:
    model = catalog.model(model_id)
    assert model.kind is kind
    assert model.body_style is body
    assert pages <= cited(model)


def test_the_2142(catalog: Catalog) -> None:
    model = catalog.model("Moskvitch 2142")
    # page-wikimili-moskvitch-2142: "Assembly | Moscow, Soviet Union/Russia Lovech, Bulgaria
    # (Balkancar) |"
    assert model.plants == ("moscow", "lovech")
    # the pages disagree on the first year: no span, an undecided dispute
    assert model.production is None
    dispute = next(d for d in catalog.disputes if d.id == "moskvich-2142-production-start")
    assert not any(c.preferred for c in dispute.claims)
    assert sorted(str(c.date) for c in dispute.claims) == ["1997", "1998"]
    # wikipedia-aleko: "Successor: Moskvitch 2142"
    assert "Moskvich-2142" in [m.name for m in lineage.successors("2141")]
    assert {v.id for v in catalog.variants_of("moskvich-2142")} == {
        "moskvich-2142-knyaz-vladimir",
        "moskvich-2142-ivan-kalita",
        "moskvich-2142-duet",
    }
    # page-wikimili-moskvitch-2142: "the Duet (executive coupé)"
    assert catalog.variant("moskvich-2142-duet").body_style is BodyStyle.COUPE


def test_the_2141_family_includes_its_later_members(catalog: Catalog) -> None:
    family = {m.id for m in lineage.descendants("2141")}
    assert {"moskvich-2142", "moskvich-2143"} <= family
    variants = {v.id: v for v in catalog.variants_of("moskvich-2141")}
    # page-geek-tips-2335: "Moskvich-2335 is a pickup truck created using components and
    # components of a Moskvich-2141 car."
    assert variants["moskvich-2335"].body_style is BodyStyle.PICKUP
    # wikipedia-aleko: "the modernised M-214145 Svyatogor ... in 1997–2002"
    assert variants["moskvich-2141-svyatogor"].production == Period.parse("1997/2002")


@pytest.mark.parametrize(
    ("variant_id", "model_id", "body", "page"),
    [
        ("moskvich-407-430", "moskvich-407", BodyStyle.VAN, "page-all-andorra-407-coupe"),
        ("moskvich-433", "moskvich-408", BodyStyle.VAN, "page-360carmuseum-408"),
        ("moskvich-426", "moskvich-408", BodyStyle.WAGON, "page-360carmuseum-408"),
        ("moskvich-2137", "moskvich-2140", BodyStyle.WAGON, "page-wikipedia-moskvitch-2140"),
        ("moskvich-427", "moskvich-412", BodyStyle.WAGON, "page-gse-moscow-automotive-plant"),
        ("moskvich-434", "moskvich-412", BodyStyle.VAN, "page-gse-moscow-automotive-plant"),
        ("moskvich-2734", "moskvich-2140", BodyStyle.VAN, "page-frwiki-moskvich-2138-2140"),
        ("moskvich-2733", "moskvich-2140", BodyStyle.VAN, "page-frwiki-moskvich-2138-2140"),
    ],
)
def test_estates_vans_and_pickups(
    catalog: Catalog, variant_id: str, model_id: str, body: BodyStyle, page: str
) -> None:
    variant = catalog.variant(variant_id)
    assert variant.model == model_id
    assert variant.body_style is body
    assert page in cited(variant)


def test_the_g5_followed_the_g4_by_the_curators_reading(catalog: Catalog) -> None:
    g5 = catalog.model("G5")
    links = {link.target: link for link in g5.lineage}
    # page-formula143-g5: "1478 cc engine from Moskvich 412 saloon car"
    assert links["moskvich-412"].relation.value == "engine-from"
    assert links["moskvich-g4"].inference is not None


def test_events_from_public_pages(catalog: Catalog) -> None:
    events = {e.id: e for e in catalog.events}
    assert events["1958-moskvich-407-brussels"].date == PartialDate(1958)
    assert events["1985-moskvich-2144-istra"].kind is EventKind.PROTOTYPE
    assert events["1991-moskvich-2143-yauza"].date == PartialDate(1991)
    assert events["1998-moskvich-2142-launch"].date == PartialDate(1998, 9)
    assert events["1999-moskvich-2142-duet"].date == PartialDate(1999, 5)


def test_blanks_filled_from_public_pages(catalog: Catalog) -> None:
    """Where the article lost a name and a page names it, the note says where the name comes
    from; where no page names it, the note says so."""
    fact = next(f for f in catalog.facts if f.id == "moskvich-2141-licensed-assembly")
    # page-mediated-wiki-aleko: "Bulgaria: Lovech (Balkancar)"
    assert "page-mediated-wiki-aleko" in cited(fact)
    assert "Lovech, Bulgaria" in (fact.note or "")
    award = next(e for e in catalog.events if e.id == "1958-moskvich-407-award")
    assert "Brussels World's Fair" in (award.note or "")
    assert "still not named" in (award.note or "")


def test_single_page_records_say_so(catalog: Catalog) -> None:
    for record in (
        catalog.model("moskvich-g5"),
        catalog.variant("moskvich-407-430"),
        catalog.variant("moskvich-2335"),
        catalog.variant("moskvich-2141-svyatogor"),
        catalog.variant("moskvich-2733"),
        catalog.variant("moskvich-2734"),
    ):
        assert "Only one page" in (record.note or ""), record.id
