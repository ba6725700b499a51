"""Look-ups that find what a user means: typos, designations as ints, variants, defaults."""

from __future__ import annotations

import pytest

import moskvitch
from moskvitch import Catalog, InvalidOptionError, Relation, UnknownNameError, lineage
from moskvitch.names import close_matches, similarity
from moskvitch.search import search


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


# Real typos, and the record a reader means by each: the first suggestion must be it.
TYPOS = [
    ("Moscvich 400", "Moskvich-400"),  # the brand misspelt
    ("Mosqvich 408", "Moskvich-408"),
    ("Moskvch 412", "Moskvich-412"),
    ("Moskvich 4l2", "Moskvich-412"),  # l for 1
    ("Moskwitsch 4l2", "Moskvich-412"),
    ("Moskvich-40l", "Moskvich-401"),
    ("Moskvich 2l4l", "Moskvich-2141"),
    ("Moskvich 4O8", "Moskvich-408"),  # O for 0
    ("Moskvich 4O3", "Moskvich-403"),
    ("Moskvich M7O", "Moskvich M70"),
    ("KIM l0", "KIM-10"),
    ("Moskvitch Aleco", "Moskvich-2141"),  # the folded name, one letter off
    ("Skaldia 412", "Scaldia 412"),
    ("Izh 4l2", "IZh-412"),
    ("AZLC", "AZLK"),
    ("Moskvich-421x", "Moskvich-400-421"),
]


@pytest.mark.parametrize(("typed", "meant"), TYPOS)
def test_a_typo_suggests_the_record_meant_first(catalog: Catalog, typed: str, meant: str) -> None:
    with pytest.raises(UnknownNameError) as caught:
        catalog.find(typed)
    assert caught.value.suggestions[0] == meant


@pytest.mark.parametrize(("typed", "meant"), [t for t in TYPOS if t[1] != "AZLK"])
def test_a_typo_finds_the_record_meant_first_in_search(typed: str, meant: str) -> None:
    assert search(typed)[0].record.name == meant


def test_the_same_digits_outrank_a_closer_spelling_of_others() -> None:
    assert similarity("Moskvich 4l2", "Moskvich-412") == 1.0
    assert similarity("Moscvich 400", "Moskvich-400") > similarity("Moscvich 400", "Moskvich-401")
    assert close_matches("Moskvich 4l2", ["Moskvich-426", "Moskvich-424", "Moskvich-412"]) == [
        "Moskvich-412"
    ]


def test_suggestions_leave_out_names_far_weaker_than_the_best(catalog: Catalog) -> None:
    with pytest.raises(UnknownNameError) as caught:
        catalog.find("AZLC")
    assert caught.value.suggestions == ("AZLK",)


def test_search_ranks_the_aleko_above_the_3e() -> None:
    names = [hit.record.name for hit in search("Moskvitch Aleco")]
    assert names.index("Moskvich-2141") < names.index("Moskvich 3e")


# -- a variant where a model is asked for ---------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        lambda c: c.model("420A"),
        lambda c: lineage.ancestors("420A", catalog=c),
        lambda c: lineage.descendants("Moskvich-423", catalog=c),
        lambda c: c.variants_of("3e"),
    ],
)
def test_a_variant_given_for_a_model_names_its_model(catalog: Catalog, ask: object) -> None:
    with pytest.raises(UnknownNameError, match="it is a variant of the model") as caught:
        ask(catalog)  # type: ignore[operator]
    model = catalog.find(caught.value.name)
    assert isinstance(model, moskvitch.Variant)
    assert caught.value.suggestions == (catalog.model(model.model).name,)
    assert caught.value.kind == "model"


def test_an_unknown_name_that_is_no_variant_has_no_hint(catalog: Catalog) -> None:
    with pytest.raises(UnknownNameError) as caught:
        catalog.model("Moskvich-4000")
    assert caught.value.hint == ""


# -- int designations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        lambda c, n: c.model(n),
        lambda c, n: c.find(n),
        lambda c, n: c.get(n),
        lambda c, n: c.production_of(n),
        lambda c, n: c.timeline(n),
        lambda c, n: c.variants_of(n),
        lambda c, n: lineage.ancestors(n, catalog=c),
        lambda c, n: moskvitch.production.total(n, catalog=c),
    ],
)
def test_an_int_designation_is_a_model_name(catalog: Catalog, ask: object) -> None:
    assert ask(catalog, 412) == ask(catalog, "412")  # type: ignore[operator]


def test_a_bool_or_a_huge_int_is_not_a_designation(catalog: Catalog) -> None:
    with pytest.raises(TypeError, match="bool"):
        catalog.model(True)
    with pytest.raises(UnknownNameError, match="huge"):
        catalog.model(10**5000)


# -- get with a default for sources and engines ------------------------------------------------


def test_get_source_and_get_engine_return_the_default_for_unknown_ids(catalog: Catalog) -> None:
    source, engine = catalog.sources[0], catalog.engines[0]
    assert catalog.get_source(source.id) is source
    assert catalog.get_engine(engine.id) is engine
    assert catalog.get_source("no-such-source") is None
    assert catalog.get_engine("no-such-engine", engine) is engine
    # An id of another kind is not a source.
    assert catalog.get_source(engine.id) is None


# -- relations --------------------------------------------------------------------------------


def test_relations_take_one_relation_or_several_values() -> None:
    as_list = lineage.ancestors("2140", relations=["successor-of"])
    assert lineage.ancestors("2140", relations=[Relation.SUCCESSOR_OF]) == as_list
    assert lineage.ancestors("2140", relations=Relation.SUCCESSOR_OF) == as_list
    assert lineage.ancestors("2140", relations=("successor-of",)) == as_list


def test_a_bare_string_of_relations_is_refused_with_the_fix() -> None:
    with pytest.raises(TypeError, match=r"write relations=\['successor-of'\]"):
        lineage.ancestors("2140", relations="successor-of")


def test_an_unknown_relation_lists_the_allowed_values() -> None:
    with pytest.raises(InvalidOptionError, match="expected one of 'successor-of'") as caught:
        lineage.ancestors("2140", relations=["succesor-of"])
    assert caught.value.option == "relation"
    assert set(caught.value.allowed) == {r.value for r in Relation}
