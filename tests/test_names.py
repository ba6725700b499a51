"""One normaliser for names, and names accepted wherever a subject is."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, UnknownNameError, lineage, production
from moskvitch.names import fold, name_key
from moskvitch.search import search


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


def test_look_up_finds_what_search_finds(catalog: Catalog) -> None:
    assert catalog.model("Алеко") is search("Алеко")[0].record
    assert catalog.model("Moskwitsch 412") is catalog.model("Москвич-412")


@given(st.text(max_size=30))
def test_name_key_is_fold_without_spaces_and_brand(text: str) -> None:
    assert " " not in name_key(text)
    assert name_key(text) == name_key(fold(text))


SUBJECT_FUNCTIONS = [
    lambda c, name: c.production_of(name),
    lambda c, name: c.facts_of(name),
    lambda c, name: c.events_of(name),
    lambda c, name: c.timeline(name),
    lambda c, name: c.variants_of(name),
    lambda c, name: c.links_to(name),
    lambda c, name: production.total(name, catalog=c),
    lambda c, name: production.by_year(name, catalog=c),
    lambda c, name: production.totals_by_era(subject=name, catalog=c),
    lambda c, name: lineage.ancestors(name, catalog=c),
]


@pytest.mark.parametrize("ask", SUBJECT_FUNCTIONS)
def test_every_subject_parameter_takes_any_name(catalog: Catalog, ask: object) -> None:
    by_id = ask(catalog, "moskvich-400")  # type: ignore[operator]
    assert ask(catalog, "400") == by_id  # type: ignore[operator]
    assert ask(catalog, "Москвич-400") == by_id  # type: ignore[operator]
    assert ask(catalog, catalog.model("400")) == by_id  # type: ignore[operator]
    with pytest.raises(UnknownNameError, match="did you mean"):
        ask(catalog, "Moskvich-4000")  # type: ignore[operator]


@pytest.mark.parametrize("look_up", ["model", "variant", "plant", "find", "get"])
def test_a_name_that_is_not_a_string_or_an_int_is_a_type_error(
    catalog: Catalog, look_up: str
) -> None:
    with pytest.raises(TypeError, match="412"):
        getattr(catalog, look_up)(412.0)


@pytest.mark.parametrize("look_up", ["source", "engine", "get_source", "get_engine"])
def test_an_id_that_is_not_a_string_is_a_type_error(catalog: Catalog, look_up: str) -> None:
    with pytest.raises(TypeError, match="412"):
        getattr(catalog, look_up)(412)


def test_plant_names_and_name_history(catalog: Catalog) -> None:
    moscow = catalog.plant("AZLK")
    assert moscow.names[0] == moscow.name
    assert {entry.name for entry in moscow.name_history} <= set(moscow.names)
    assert moscow.name_on(1970) in moscow.names


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_any_other(text: str) -> None:
    # A combining accent is dropped by folding, and sends the text down the Unicode path.
    assert fold(text) == fold(text + "\u0301")
    assert name_key(text) == name_key(text + "\u0301")
