"""Rules the shipped data keeps beyond what every catalog must: quotes are verbatim, the
compiled JSON matches the TOML files, the required records exist."""

import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import moskvitch
from moskvitch import Catalog, Citation, EventKind, Measure, SourceKind
from moskvitch.catalog import COLLECTIONS
from moskvitch.serialization import to_json

from .conftest import normalise

DATA = Path(moskvitch.__file__).parent / "data"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


def citations(value: object, path: str) -> Iterator[tuple[str, Citation]]:
    """Every citation inside a record, with where it sits."""
    if isinstance(value, Citation):
        yield path, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from citations(item, f"{path}[{index}]")
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.init:
                yield from citations(getattr(value, field.name), f"{path}.{field.name}")


def all_citations(catalog: Catalog) -> list[tuple[str, Citation]]:
    return [
        found
        for name in COLLECTIONS
        if name != "sources"  # sources are what citations point at
        for found in citations(getattr(catalog, name), name)
    ]


def test_compiled_json_matches_the_toml_files(catalog: Catalog) -> None:
    from_toml = moskvitch.load_directory(DATA)
    assert from_toml == catalog, "run: python scripts/compile_data.py"
    compiled = (DATA / "catalog.json").read_text(encoding="utf-8")
    assert compiled == to_json(from_toml) + "\n", "run: python scripts/compile_data.py"


def test_every_quote_is_verbatim(catalog: Catalog, source_texts: dict[str, str]) -> None:
    wrong = [
        f"{path}: {citation.source}: {citation.quote!r}"
        for path, citation in all_citations(catalog)
        if citation.quote is not None
        and citation.source in source_texts
        and normalise(citation.quote) not in source_texts[citation.source]
    ]
    assert wrong == []


def test_most_citations_carry_a_quote(catalog: Catalog) -> None:
    found = all_citations(catalog)
    quoted = [c for _, c in found if c.quote]
    assert len(quoted) >= 0.8 * len(found)


def test_sources_are_the_seed_documents_their_references_and_public_pages(
    catalog: Catalog, source_texts: dict[str, str]
) -> None:
    ids = {s.id for s in catalog.sources}
    assert set(source_texts) <= ids
    # The seed documents, and only they, say so; each says what sort of document it is.
    assert {s.id for s in catalog.sources if s.seed} == set(source_texts)
    kinds = {s.id: s.kind for s in catalog.sources}
    assert kinds["seed-000"] is SourceKind.ARTICLE
    assert {kinds[f"seed-00{n}"] for n in (1, 2, 3)} == {SourceKind.NEWS}
    assert {kinds[f"ref-{n}"] for n in range(1, 121)} == {SourceKind.REFERENCE}


def test_every_outside_source_is_addressed_and_dated(catalog: Catalog) -> None:
    """A fact from outside the seed documents points at a public page a reader can open, with
    the day it was read and where the address was found."""
    outside = [s for s in catalog.sources if not s.seed]
    assert outside
    for source in outside:
        assert source.kind is SourceKind.PAGE, source.id
        assert source.url and source.url.startswith(("http://", "https://")), source.id
        assert source.accessed is not None and source.accessed.precision == "day", source.id
        assert source.found_in, source.id


def test_addressed_references(catalog: Catalog) -> None:
    """The reference-list entries matched to a public page (see the closing note of issue 26):
    each address is pinned, so that a change to one is a deliberate edit."""
    addressed = {s.id: s.url for s in catalog.sources if s.kind is SourceKind.REFERENCE and s.url}
    # A page that matches an entry's title only, its date and excerpt unseen, is not taken.
    assert len(addressed) == 17
    assert not {"ref-17", "ref-93", "ref-104"} & set(addressed)
    assert addressed["ref-117"] == (
        "https://www.oreanda-news.com/en/finansy/"
        "moskvich-s-net-loss-under-ras-for-2023-increased-3-6-times-to-8-6-billion-rubles/"
        "article1505838/"
    )
    assert addressed["ref-13"] == "https://www.rbth.com/history/326909-first-moskvich-400-car"
    assert addressed["ref-60"] == "https://tass.com/economy/2001145"
    for source in catalog.sources:
        if source.url is not None:
            assert source.accessed is not None, source.id


def test_every_source_is_cited(catalog: Catalog) -> None:
    cited = {c.source for _, c in all_citations(catalog)}
    uncited = {s.id for s in catalog.sources} - cited
    # References whose snippets state nothing the data records stay listed for completeness.
    assert len(uncited) < len(catalog.sources) / 2


def test_planned_figures_never_compete_with_actuals(catalog: Catalog) -> None:
    by_id = {r.id: r for r in catalog.production}
    for record in catalog.production:
        if record.alternative_to is not None:
            rival = by_id[record.alternative_to]
            assert (record.measure is Measure.PLANNED) == (rival.measure is Measure.PLANNED)


def test_production_starts_fall_in_production_periods(catalog: Catalog) -> None:
    for event in catalog.events:
        if event.kind is not EventKind.PRODUCTION_START:
            continue
        for subject_id in event.subjects:
            subject = catalog.find(subject_id)
            period = getattr(subject, "production", None)
            if period is not None and period.start is not None:
                assert period.meets(event.date.year), (event.id, subject_id)


def test_moskvich_events_happen_after_the_plant_was_founded(catalog: Catalog) -> None:
    founding = min(e.date for e in catalog.events if e.kind is EventKind.FOUNDING)
    moskvich = {m.id for m in catalog.models if m.make == "Moskvich"}
    for event in catalog.events:
        if moskvich & set(event.subjects):
            assert event.date >= founding, event.id


def test_notes_speak_to_readers_not_to_curators(catalog: Catalog) -> None:
    texts = [
        text
        for records in (getattr(catalog, name) for name in COLLECTIONS)
        for record in records
        for text in (getattr(record, "note", None), getattr(record, "description", None))
        if text
    ]
    assert texts
    assert not [t for t in texts if re.search(r"\.toml\b|conflicts\(\)|\bcurators?\b", t)]


#: For each name and role of the Moscow plant, the event that began it. A name or role may start
#: on that event's date or later, never before: the plant is not called the Moskvich Automobile
#: Plant, nor managed by NAMI, while Renault still ran it (ref-91: suspended on 23 March 2022).
BEGUN_BY = {
    ("name", "KIM"): "1930-named-kim",
    ("name", "ZMA"): "1946-plant-named-zma",
    ("name", "AZLK"): "1968-renamed-azlk",
    ("name", "OAO Moskvitch"): "1991-reorganised-oao-moskvitch",
    ("name", "Avtoframos"): "2004-avtoframos-moves-to-site",
    ("name", "Moskvich Automobile Plant"): "2022-plant-renamed-moskvich",
    ("owner", "OAO Moskvitch"): "1991-reorganised-oao-moskvitch",
    ("operator", "Avtoframos (renamed in 2008"): "2004-avtoframos-moves-to-site",
    ("owner", "Renault Group"): "2012-renault-full-ownership",
    ("owner", "City of Moscow"): "2022-sale-to-moscow",
    ("manager", "City of Moscow"): "2022-sale-to-moscow",
    ("manager", "NAMI"): "2022-sale-to-moscow",
    ("contractor", "Kamaz"): "2022-kamaz-investment-agreement",
}


def test_plant_names_and_roles_start_no_earlier_than_the_events_that_began_them(
    catalog: Catalog,
) -> None:
    moscow = catalog.plant("moscow")
    events = {event.id: event for event in catalog.events}
    entries = [("name", n.name, n.period) for n in moscow.name_history]
    entries += [(o.role.value, o.owner, o.period) for o in moscow.owners]
    checked = set()
    for kind, holder, period in entries:
        key = next(((k, h) for k, h in BEGUN_BY if k == kind and holder.startswith(h)), None)
        if key is None:
            continue
        checked.add(key)
        event = events[BEGUN_BY[key]]
        assert period.start is not None
        assert period.start.earliest() >= event.date.earliest(), (kind, holder, event.id)
    assert checked == set(BEGUN_BY)
    # Every role of the revival starts no earlier than Renault's suspension of 23 March 2022.
    suspended = events["2022-renault-operations-suspended"].date
    for owner in moscow.owners:
        if owner.period.start is not None and owner.period.start.year == 2022:
            assert owner.period.start.earliest() >= suspended.earliest(), owner
