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


def _tree_claims(text: str) -> list[tuple[str, str, str]]:
    """Each line of a text tree read as written: (model above, model on the line, phrase)."""
    lines = text.splitlines()
    parents = [lines[0]]
    claims = []
    for line in lines[1:]:
        body = line.lstrip("│ ")
        depth = (len(line) - len(body)) // 4
        name, _, phrase = body[4:].removesuffix("  (shown above)").partition(", ")
        claims.append((parents[depth], name, phrase))
        del parents[depth + 1 :]
        parents.append(name)
    return claims


def _check_tree(catalog: Catalog, model: moskvitch.Model, *, up: bool) -> None:
    by_name = {m.name: m for m in catalog.models}
    claims = _tree_claims(lineage.to_text(model, up=up, catalog=catalog))
    for above, name, phrase in claims:
        newer, older = (by_name[above], by_name[name]) if up else (by_name[name], by_name[above])
        relations = {link.relation for link in newer.lineage if link.target == older.id}
        assert phrase in {lineage.tree_phrase(r, up=up) for r in relations}, (above, name, phrase)
    expected = lineage.ancestors if up else lineage.descendants
    assert {name for _, name, _ in claims} == {m.name for m in expected(model, catalog=catalog)}


def test_every_line_of_every_shipped_tree_reads_true() -> None:
    catalog = moskvitch.load()
    for model in catalog.models:
        _check_tree(catalog, model, up=True)
        _check_tree(catalog, model, up=False)


def test_trees_read_in_words_in_both_directions() -> None:
    down = lineage.to_text("412", up=False)
    assert "├── IZh-412, a licensed build of it" in down
    assert "├── Moskvich-2141, which succeeded it" in down
    assert "└── Moskvich-401, which succeeded it" in lineage.to_text("400", up=False)
    up = lineage.to_text("412", up=True)
    assert up.splitlines()[:2] == ["Moskvich-412", "├── Moskvich-408, which it was derived from"]
    assert "├── BMW 1500, the source of its engine" in up
    assert "JAC JS4, which it is a rebadge of" in lineage.to_text("Moskvich 3", up=True)
    phrases = {lineage.tree_phrase(r, up=u) for r in Relation for u in (True, False)}
    assert len(phrases) == 2 * len(Relation)  # no two lines read alike


@given(catalogs())
def test_every_line_of_a_generated_tree_reads_true(catalog: Catalog) -> None:
    for model in catalog.models[:5]:
        _check_tree(catalog, model, up=True)
        _check_tree(catalog, model, up=False)


def test_derived_from_follows_origins_not_influences() -> None:
    origins = names(lineage.derived_from("2141"))
    assert origins == ["moskvich-408", "bmw-1500", "moskvich-401", "opel-kadett-k38"]
    # They only influenced it (the Simca 1308 lent elements):
    assert {"renault-9", "opel-1962", "simca-1308"}.isdisjoint(origins)
    left_out = set(Relation) - lineage.ORIGIN_RELATIONS
    assert left_out == {Relation.SUCCESSOR_OF, Relation.INFLUENCED_BY}


@given(catalogs())
def test_derived_from_is_the_origin_links_of_the_line_it_came_from(catalog: Catalog) -> None:
    walked = [r for r in Relation if r is not Relation.INFLUENCED_BY]
    for model in catalog.models[:5]:
        heritage = (model, *lineage.ancestors(model, relations=walked, catalog=catalog))
        expected = {
            link.target
            for m in heritage
            for link in m.lineage
            if link.relation in lineage.ORIGIN_RELATIONS
        }
        assert set(names(lineage.derived_from(model, catalog=catalog))) == expected


def test_diagram_arrows_point_from_a_model_to_what_it_came_from() -> None:
    catalog = moskvitch.load()
    for model in ("412", "400", "Moskvich 3", "2141"):
        dot = lineage.to_dot(model).splitlines()
        mermaid = lineage.to_mermaid(model).splitlines()
        assert dot[1] == "  rankdir=BT;" and mermaid[0] == "graph BT"
        for line in (x for x in dot if " -> " in x):
            source, target = (part.strip(' "') for part in line.split("[")[0].split("->"))
            relation = line.split('label="')[1].split('"')[0]
            assert (target, relation) in {
                (link.target, link.relation.value) for link in catalog.model(source).lineage
            }
        for line in (x for x in mermaid if "-->" in x):
            source = line.split("[")[0].strip()
            relation, rest = line.split("-->|")[1].split("| ")
            target = rest.split("[")[0]
            assert (target, relation) in {
                (link.target, link.relation.value) for link in catalog.model(source).lineage
            }
