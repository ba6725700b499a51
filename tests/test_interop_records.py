"""Python conveniences: a non-raising look-up and reprs a person can read."""

import attrs
import pytest

import moskvitch
from moskvitch import Catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


@pytest.mark.parametrize("name", ["412", "Москвич-412", "moskvitch 412", "moskvich-412"])
def test_get_accepts_every_name_find_accepts(catalog: Catalog, name: str) -> None:
    assert catalog.get(name) is catalog.find(name) is catalog.model("412")


def test_get_finds_variants_and_plants(catalog: Catalog) -> None:
    assert catalog.get("AZLK") is catalog.plant("moscow")
    assert catalog.get("3e") is catalog.variant("3e")


def test_get_returns_none_or_the_default_for_unknown_names(catalog: Catalog) -> None:
    assert catalog.get("Moskvich-4122") is None
    assert catalog.get("") is None
    fallback = catalog.model("408")
    assert catalog.get("Moskvich-4122", fallback) is fallback
    assert catalog.get("412", fallback) is catalog.model("412")


def test_get_rejects_a_name_that_is_not_text(catalog: Catalog) -> None:
    # An int is a designation (412); anything else that is not text is refused.
    assert catalog.get(412) is catalog.model("412")
    with pytest.raises(TypeError, match=r"a string or an int designation, not float: 412\.0"):
        catalog.get(412.0)  # type: ignore[arg-type]


def test_every_record_repr_fits_two_lines(catalog: Catalog) -> None:
    records = [
        record
        for name in attrs.fields_dict(Catalog)
        if not name.startswith("_")
        for record in getattr(catalog, name)
    ]
    longest = max(records, key=lambda r: len(repr(r)))
    assert len(repr(longest)) <= 200, repr(longest)
    nested = [c for r in records for c in getattr(r, "citations", ())]
    assert max(len(repr(c)) for c in nested) <= 120


def test_a_model_repr_names_it_and_marks_what_is_left_out(catalog: Catalog) -> None:
    model = catalog.model("412")
    assert repr(model) == (
        "Model(id='moskvich-412', name='Moskvich-412', kind='production',"
        " production='1967/1976', …)"
    )
    bare = moskvitch.Link(target="x", relation=moskvitch.Relation.SUCCESSOR_OF)
    assert repr(bare) == "Link(target='x', relation='successor-of')"
    cited = attrs.evolve(bare, citations=[moskvitch.Citation(source="s")])
    assert repr(cited) == "Link(target='x', relation='successor-of', …)"


def test_asdict_and_the_export_stay_complete(catalog: Catalog) -> None:
    from moskvitch.serialization import to_dict

    model = catalog.model("412")
    full = attrs.asdict(model)
    assert full["citations"][0]["quote"] == model.citations[0].quote
    assert len(str(full)) > 10 * len(repr(model))
    exported = next(m for m in to_dict(catalog)["models"] if m["id"] == model.id)
    assert exported["citations"][0]["quote"] == model.citations[0].quote
