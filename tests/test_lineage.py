"""Lineage on the shipped data (facts) and on generated catalogs (laws)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, NoPathError, Relation, UnknownNameError, lineage
from moskvitch.testing import catalogs


def names(models: tuple[moskvitch.Model, ...]) -> list[str]:
    return [m.id for m in models]


def test_the_400_descends_from_the_opel_kadett() -> None:
    assert "opel-kadett-k38" in names(lineage.ancestors("400"))
    assert names(lineage.derived_from("400")) == ["opel-kadett-k38"]


def test_the_2140_reaches_back_to_the_400() -> None:
    ancestry = names(lineage.ancestors("Moskvich-2140"))
    for model in ("moskvich-412", "moskvich-408", "moskvich-407", "moskvich-400"):
        assert model in ancestry
    assert ancestry.index("moskvich-412") < ancestry.index("moskvich-400")  # nearest first


def test_the_moskvich_3_is_a_rebadged_jac() -> None:
    assert names(lineage.ancestors("Москвич 3")) == ["jac-js4"]
    assert names(lineage.predecessors("3", relations=[Relation.REBADGE_OF])) == ["jac-js4"]
    assert names(lineage.predecessors("3", relations=[Relation.SUCCESSOR_OF])) == []


def test_the_412_has_the_2140_among_its_descendants() -> None:
    descendants = names(lineage.descendants("412"))
    assert "moskvich-2140" in descendants
    assert "izh-412" in descendants
    assert "moskvich-2140" in names(lineage.successors("412"))


def test_path_goes_up_or_down_and_fails_clearly() -> None:
    up = lineage.path("2140", "400")
    assert (up[0].id, up[-1].id) == ("moskvich-2140", "moskvich-400")
    down = lineage.path("400", "2140")
    assert names(down) == list(reversed(names(up)))
    with pytest.raises(NoPathError, match="no lineage chain between 'Moskvich 3' and 'KIM-10'"):
        lineage.path("Moskvich 3", "KIM-10")


def test_variants_of_the_400_include_the_cabriolet() -> None:
    assert "moskvich-420a" in [v.id for v in moskvitch.load().variants_of("400")]


def test_unknown_models_suggest_close_names() -> None:
    # One digit too many: the 411 and the 412 are as close.
    with pytest.raises(UnknownNameError, match=r"did you mean .*'Moskvich-412'"):
        lineage.ancestors("Moskvich-4112")


def test_diagrams_name_every_edge() -> None:
    tree = lineage.family_tree("412")
    dot = lineage.to_dot("412")
    mermaid = lineage.to_mermaid("412")
    assert dot.startswith("digraph lineage {") and dot.endswith("}")
    for edge in tree.edges:
        assert f'"{edge.source}" -> "{edge.target}" [label="{edge.relation.value}"];' in dot
        assert f"-->|{edge.relation.value}|" in mermaid
    whole = lineage.family_tree()
    assert len(whole.models) == len(moskvitch.load().models)
    assert {m.id for m in whole.roots} == {m.id for m in lineage.roots()}


@given(catalogs(), st.data())
def test_ancestors_never_include_the_model_and_invert_descendants(
    catalog: Catalog, data: st.DataObject
) -> None:
    if not catalog.models:
        return
    model = data.draw(st.sampled_from(catalog.models))
    ancestry = lineage.ancestors(model.id, catalog=catalog)
    assert model not in ancestry
    for ancestor in ancestry:
        assert model in lineage.descendants(ancestor.id, catalog=catalog)
        chain = lineage.path(model.id, ancestor.id, catalog=catalog)
        assert chain[0] == model and chain[-1] == ancestor
    assert len(set(names(ancestry))) == len(ancestry)


@given(catalogs())
def test_roots_have_no_predecessors_and_every_model_reaches_one(catalog: Catalog) -> None:
    roots = set(names(lineage.roots(catalog=catalog)))
    for model in catalog.models:
        assert (model.id in roots) == (not lineage.predecessors(model.id, catalog=catalog))
        ancestry = {model.id, *names(lineage.ancestors(model.id, catalog=catalog))}
        assert ancestry & roots


@given(catalogs())
def test_predecessors_and_successors_mirror_each_other(catalog: Catalog) -> None:
    for model in catalog.models:
        for parent in lineage.predecessors(model.id, catalog=catalog):
            assert model in lineage.successors(parent.id, catalog=catalog)
