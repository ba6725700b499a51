"""Lineage: which model came from which, over typed links.

A :class:`~moskvitch.Link` on a model points at the model it came from, with a
:class:`~moskvitch.Relation` ("successor of", "derived from", "rebadge of", "licensed build of",
"engine from", "influenced by"). *Predecessors* of a model are the targets of its links;
*successors* are the models whose links point at it. Every function takes the catalog as a
keyword argument that defaults to the shipped one, and accepts a model, its id, or any of its
names.

Diagrams (:func:`to_dot`, :func:`to_mermaid`) have one arrow direction: every arrow leaves a
model and points at the model it came from, labelled with the relation, and reads "model
*relation* target". Text trees (:func:`to_text`) name a model on each line and say in words how
it relates to the model on the line above (:data:`TREE_NOTATION`).

>>> from moskvitch import lineage
>>> [m.name for m in lineage.ancestors("2140")][:3]
['Moskvich-412', 'Moskvich-408', 'BMW 1500']
>>> print(lineage.to_mermaid("Moskvich 3"))
graph BT
  moskvich-3["Moskvich 3"] -->|rebadge-of| jac-js4["JAC JS4"]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator

import attrs

from .catalog import Catalog
from .errors import InvalidOptionError, NoPathError
from .ingestion import load
from .records import Model, ModelKind, Relation

__all__ = [
    "ORIGIN_RELATIONS",
    "TREE_NOTATION",
    "Edge",
    "FamilyTree",
    "ModelRef",
    "Relations",
    "ancestors",
    "derived_from",
    "descendants",
    "family_tree",
    "path",
    "predecessors",
    "roots",
    "successors",
    "to_dot",
    "to_mermaid",
    "to_text",
    "tree_phrase",
]

ModelRef = Model | str | int
"""A model, its id, any of its names, or its designation as an int (``412``)."""

Relations = Relation | Iterable[Relation | str] | None
"""The relations to follow: one :class:`~moskvitch.Relation`, or several, each a member or
its value (``["successor-of"]``); ``None`` for all. A bare string is refused: write
``["successor-of"]`` or ``Relation.SUCCESSOR_OF``."""


@attrs.frozen
class Edge:
    """One lineage link: ``source`` *relation* ``target`` (the target is the older model).

    :param source: the id of the model that carries the link.
    :param target: the id of the model it came from.
    :param relation: how they relate.
    """

    source: str
    target: str
    relation: Relation


@attrs.frozen
class FamilyTree:
    """The lineage graph (or a part of it) as an immutable structure.

    :param models: the models in the graph, in catalog order.
    :param edges: the links between them, in catalog order.
    """

    models: tuple[Model, ...]
    edges: tuple[Edge, ...]

    @property
    def roots(self) -> tuple[Model, ...]:
        """The models of the graph with no predecessor inside it."""
        has_parent = {edge.source for edge in self.edges}
        return tuple(m for m in self.models if m.id not in has_parent)


def _catalog(catalog: Catalog | None) -> Catalog:
    return load() if catalog is None else catalog


def _model(catalog: Catalog, model: ModelRef) -> Model:
    return model if isinstance(model, Model) else catalog.model(model)


def _allowed(relations: Relations) -> Callable[[Relation], bool]:
    if relations is None:
        return lambda _: True
    if isinstance(relations, Relation):
        relations = (relations,)
    elif isinstance(relations, str):
        raise TypeError(
            f"relations takes a collection of relations, not the bare string {relations!r}: "
            f"write relations=[{relations!r}]"
        )
    chosen: Collection[Relation] = frozenset(_relation(r) for r in relations)
    return lambda relation: relation in chosen


def _relation(value: Relation | str) -> Relation:
    try:
        return Relation(value)
    except ValueError:
        raise InvalidOptionError("relation", value, (r.value for r in Relation)) from None


def _up(catalog: Catalog, model: Model, allowed: Callable[[Relation], bool]) -> Iterator[Model]:
    for link in model.lineage:
        if allowed(link.relation):
            yield catalog.model(link.target)


def _down(catalog: Catalog, model: Model, allowed: Callable[[Relation], bool]) -> Iterator[Model]:
    for source, link in catalog.links_to(model):
        if allowed(link.relation):
            yield source


def _unique(models: Iterable[Model]) -> tuple[Model, ...]:
    return tuple({m.id: m for m in models}.values())


def predecessors(
    model: ModelRef, *, relations: Relations = None, catalog: Catalog | None = None
) -> tuple[Model, ...]:
    """The models this one came from directly, in the order of its links.

    :param model: a model, its id, or any name.
    :param relations: only follow links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the direct predecessors.
    :raises UnknownNameError: when the model is unknown.

    >>> [m.name for m in predecessors("412")]
    ['Moskvich-408', 'BMW 1500', 'Opel of 1962']
    """
    cat = _catalog(catalog)
    return _unique(_up(cat, _model(cat, model), _allowed(relations)))


def successors(
    model: ModelRef, *, relations: Relations = None, catalog: Catalog | None = None
) -> tuple[Model, ...]:
    """The models that came from this one directly, in catalog order.

    :param model: a model, its id, or any name.
    :param relations: only follow links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the direct successors.
    :raises UnknownNameError: when the model is unknown.
    """
    cat = _catalog(catalog)
    return _unique(_down(cat, _model(cat, model), _allowed(relations)))


def _walk(
    cat: Catalog,
    start: Model,
    step: Callable[[Catalog, Model, Callable[[Relation], bool]], Iterator[Model]],
    allowed: Callable[[Relation], bool],
) -> tuple[Model, ...]:
    """Breadth-first: nearest first, ties in the order the steps yield them."""
    seen = {start.id}
    found: list[Model] = []
    queue = deque([start])
    while queue:
        for nxt in step(cat, queue.popleft(), allowed):
            if nxt.id not in seen:
                seen.add(nxt.id)
                found.append(nxt)
                queue.append(nxt)
    return tuple(found)


def ancestors(
    model: ModelRef, *, relations: Relations = None, catalog: Catalog | None = None
) -> tuple[Model, ...]:
    """Every model this one came from, transitively, nearest first.

    :param model: a model, its id, or any name.
    :param relations: only follow links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the ancestors, never including the model itself.
    :raises UnknownNameError: when the model is unknown.

    >>> "Opel Kadett K38" in [m.name for m in ancestors("400")]
    True
    """
    cat = _catalog(catalog)
    return _walk(cat, _model(cat, model), _up, _allowed(relations))


def descendants(
    model: ModelRef, *, relations: Relations = None, catalog: Catalog | None = None
) -> tuple[Model, ...]:
    """Every model that came from this one, transitively, nearest first.

    :param model: a model, its id, or any name.
    :param relations: only follow links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the descendants, never including the model itself.
    :raises UnknownNameError: when the model is unknown.

    >>> "Moskvich-2140" in [m.name for m in descendants("412")]
    True
    """
    cat = _catalog(catalog)
    return _walk(cat, _model(cat, model), _down, _allowed(relations))


def derived_from(model: ModelRef, *, catalog: Catalog | None = None) -> tuple[Model, ...]:
    """The foreign or earlier designs the model was based on, rebadged, licensed or took an
    engine from.

    Walks up from the model through its ancestors over every relation except "influenced by"
    (a design that only gave cues is not an origin, nor are its own origins), and returns the
    targets of their "derived from", "rebadge of", "licensed build of" and "engine from" links:
    every relation except "successor of" and "influenced by". So the 400's answer is the Opel
    Kadett K38, and the 2141's includes the Kadett through the 412's line of predecessors, but
    not the Renault 9, which only influenced it.

    :param model: a model, its id, or any name.
    :param catalog: the catalog; the shipped one by default.
    :returns: the origins, nearest first.
    :raises UnknownNameError: when the model is unknown.

    >>> [m.name for m in derived_from("Moskvich 3")]
    ['JAC JS4']
    """
    cat = _catalog(catalog)
    start = _model(cat, model)
    walked = _allowed(r for r in Relation if r is not Relation.INFLUENCED_BY)
    origin = _allowed(r for r in ORIGIN_RELATIONS)
    heritage = (start, *_walk(cat, start, _up, walked))
    return _unique(target for m in heritage for target in _up(cat, m, origin))


#: The relations :func:`derived_from` returns the targets of.
ORIGIN_RELATIONS = frozenset(Relation) - {Relation.SUCCESSOR_OF, Relation.INFLUENCED_BY}


def path(
    start: ModelRef,
    end: ModelRef,
    *,
    relations: Relations = None,
    catalog: Catalog | None = None,
) -> tuple[Model, ...]:
    """The shortest lineage chain between two models, both included.

    The chain goes from ``start`` up through its ancestors to ``end``, or down through its
    descendants when ``end`` descends from ``start``.

    :param start: a model, its id, or any name.
    :param end: another model.
    :param relations: only follow links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the chain, ``start`` first and ``end`` last.
    :raises NoPathError: when neither model descends from the other.
    :raises UnknownNameError: when either model is unknown.

    >>> print(" -> ".join(m.name for m in path("2140", "400")))
    Moskvich-2140 -> Moskvich-412 -> Moskvich-408 -> Moskvich-407 -> Moskvich-401 -> Moskvich-400
    """
    cat = _catalog(catalog)
    first, last = _model(cat, start), _model(cat, end)
    allowed = _allowed(relations)
    for step in (_up, _down):
        chain = _shortest(cat, first, last, step, allowed)
        if chain is not None:
            return chain
    raise NoPathError(
        f"no lineage chain between {first.name!r} and {last.name!r}: neither descends from "
        "the other"
    )


def _shortest(
    cat: Catalog,
    first: Model,
    last: Model,
    step: Callable[[Catalog, Model, Callable[[Relation], bool]], Iterator[Model]],
    allowed: Callable[[Relation], bool],
) -> tuple[Model, ...] | None:
    parent: dict[str, Model | None] = {first.id: None}
    queue = deque([first])
    while queue:
        current = queue.popleft()
        if current.id == last.id:
            chain = [current]
            while (previous := parent[chain[-1].id]) is not None:
                chain.append(previous)
            return tuple(reversed(chain))
        for nxt in step(cat, current, allowed):
            if nxt.id not in parent:
                parent[nxt.id] = current
                queue.append(nxt)
    return None


def roots(*, relations: Relations = None, catalog: Catalog | None = None) -> tuple[Model, ...]:
    """The models with no predecessor, in catalog order.

    :param relations: only count links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the roots of the lineage graph.
    """
    cat = _catalog(catalog)
    allowed = _allowed(relations)
    return tuple(m for m in cat.models if not any(allowed(link.relation) for link in m.lineage))


def family_tree(
    model: ModelRef | None = None,
    *,
    relations: Relations = None,
    catalog: Catalog | None = None,
) -> FamilyTree:
    """The lineage graph: all of it, or one model with its ancestors and descendants.

    :param model: the model to centre on; ``None`` for the whole graph.
    :param relations: only keep links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the graph.
    :raises UnknownNameError: when the model is unknown.
    """
    cat = _catalog(catalog)
    allowed = _allowed(relations)
    if model is None:
        members = {m.id for m in cat.models}
    else:
        centre = _model(cat, model)
        related = (
            *_walk(cat, centre, _up, allowed),
            *_walk(cat, centre, _down, allowed),
        )
        members = {centre.id, *(m.id for m in related)}
    models = tuple(m for m in cat.models if m.id in members)
    edges = tuple(
        Edge(m.id, link.target, link.relation)
        for m in models
        for link in m.lineage
        if allowed(link.relation) and link.target in members
    )
    return FamilyTree(models, edges)


# Foreign designs are shaded and announced models dashed, so the Moskvich line stands out.
_DOT_STYLE = {
    ModelKind.FOREIGN_ORIGIN: ", style=filled, fillcolor=lightgrey",
    ModelKind.PLANNED: ", style=dashed",
}


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(
    model: ModelRef | None = None,
    *,
    relations: Relations = None,
    catalog: Catalog | None = None,
) -> str:
    """The lineage graph (or one model's family) in Graphviz DOT, older models at the top.

    Every arrow leaves a model and points at the model it came from, labelled with the
    relation: ``"moskvich-3" -> "jac-js4" [label="rebadge-of"]`` reads "the Moskvich 3 is a
    rebadge of the JAC JS4". Foreign designs are shaded and planned models drawn dashed.

    :param model: the model to centre on; ``None`` for the whole graph.
    :param relations: only draw links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the DOT source.
    :raises UnknownNameError: when the model is unknown.
    """
    tree = family_tree(model, relations=relations, catalog=catalog)
    lines = ["digraph lineage {", "  rankdir=BT;", "  node [shape=box];"]
    lines += [
        f'  "{m.id}" [label="{_quoted(m.name)}"{_DOT_STYLE.get(m.kind, "")}];' for m in tree.models
    ]
    lines += [f'  "{e.source}" -> "{e.target}" [label="{e.relation.value}"];' for e in tree.edges]
    lines.append("}")
    return "\n".join(lines)


def to_mermaid(
    model: ModelRef | None = None,
    *,
    relations: Relations = None,
    catalog: Catalog | None = None,
) -> str:
    """The lineage graph (or one model's family) as a Mermaid flowchart, older models at the top.

    Arrows point as in :func:`to_dot`: from a model to the model it came from, labelled with
    the relation, reading "model *relation* target".

    :param model: the model to centre on; ``None`` for the whole graph.
    :param relations: only draw links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the Mermaid source.
    :raises UnknownNameError: when the model is unknown.
    """
    tree = family_tree(model, relations=relations, catalog=catalog)
    names = {m.id: f'{m.id}["{m.name.replace(chr(34), "#quot;")}"]' for m in tree.models}
    linked = {e.source for e in tree.edges} | {e.target for e in tree.edges}
    lines = ["graph BT"]
    lines += [f"  {names[e.source]} -->|{e.relation.value}| {names[e.target]}" for e in tree.edges]
    lines += [f"  {names[m.id]}" for m in tree.models if m.id not in linked]
    return "\n".join(lines)


# How each relation reads on a line of a text tree: (going up, going down). The line names a
# model; "it" is the model on the line above.
_PHRASES: dict[Relation, tuple[str, str]] = {
    Relation.SUCCESSOR_OF: ("which it succeeded", "which succeeded it"),
    Relation.DERIVED_FROM: ("which it was derived from", "derived from it"),
    Relation.REBADGE_OF: ("which it is a rebadge of", "a rebadge of it"),
    Relation.LICENSED_BUILD_OF: ("which it is a licensed build of", "a licensed build of it"),
    Relation.ENGINE_FROM: ("the source of its engine", "whose engine came from it"),
    Relation.INFLUENCED_BY: ("which influenced it", "influenced by it"),
}

#: How to read a line of a text tree, for ``lineage --help`` and the guide.
TREE_NOTATION = (
    "Each line of a tree names a model and says how it relates to the model on the line"
    " above, which 'it' stands for. Going up (what a model came from): 'Moskvich-408, which"
    " it succeeded' under the Moskvich-412. Going down (what came after it): 'IZh-412, a"
    " licensed build of it' under the Moskvich-412. A model reached twice is marked"
    " '(shown above)'."
)


def tree_phrase(relation: Relation | str, *, up: bool) -> str:
    """How a relation reads on a line of a text tree, with "it" for the model above.

    :param relation: a :class:`~moskvitch.Relation` or its value.
    :param up: ``True`` for a tree of ancestors (the line's model is the link's target),
        ``False`` for a tree of descendants (the line's model carries the link).
    :returns: the words after the line's model name.
    :raises ValueError: for a value that is not a relation.

    >>> tree_phrase("licensed-build-of", up=False), tree_phrase("licensed-build-of", up=True)
    ('a licensed build of it', 'which it is a licensed build of')
    """
    return _PHRASES[Relation(relation)][0 if up else 1]


def to_text(
    model: ModelRef,
    *,
    up: bool,
    relations: Relations = None,
    catalog: Catalog | None = None,
) -> str:
    """One model's ancestors (``up``) or descendants as an indented text tree.

    The first line is the model; each other line names a related model and says how it
    relates to the model on the line above (:data:`TREE_NOTATION`). A model reached twice is
    marked ``(shown above)`` and not expanded again. Printed without recursion, so a chain of
    any depth prints.

    :param model: a model, its id, or any name.
    :param up: ``True`` for what the model came from, ``False`` for what came after it.
    :param relations: only follow links of these relations; ``None`` for all.
    :param catalog: the catalog; the shipped one by default.
    :returns: the tree, one line per model, without a trailing newline.
    :raises UnknownNameError: when the model is unknown.

    >>> print(to_text("412", up=False, relations=["licensed-build-of"]))
    Moskvich-412
    ├── IZh-412, a licensed build of it
    ├── Rila 412, a licensed build of it
    └── Scaldia 412, a licensed build of it
    """
    cat = _catalog(catalog)
    root = _model(cat, model)
    allowed = _allowed(relations)

    def children(parent: Model) -> list[tuple[Relation, Model]]:
        if up:
            pairs = [(link.relation, cat.model(link.target)) for link in parent.lineage]
        else:
            pairs = [(link.relation, source) for source, link in cat.links_to(parent)]
        return [(r, m) for r, m in pairs if allowed(r)]

    lines = [root.name]
    seen = {root.id}
    # Depth first with an explicit stack, not recursion: a chain may be thousands deep.
    first = children(root)
    stack: list[tuple[Iterator[tuple[int, tuple[Relation, Model]]], int, str]] = [
        (iter(enumerate(first)), len(first), "")
    ]
    while stack:
        pending, count, prefix = stack[-1]
        step = next(pending, None)
        if step is None:
            stack.pop()
            continue
        index, (relation, child) = step
        last = index == count - 1
        repeated = child.id in seen
        suffix = "  (shown above)" if repeated else ""
        branch = "└── " if last else "├── "
        lines.append(f"{prefix}{branch}{child.name}, {tree_phrase(relation, up=up)}{suffix}")
        if not repeated:
            seen.add(child.id)
            below = children(child)
            stack.append(
                (iter(enumerate(below)), len(below), prefix + ("    " if last else "│   "))
            )
    return "\n".join(lines)
