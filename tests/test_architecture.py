"""The layering of the package: values, records, catalog, ingestion, helpers, interfaces."""

import importlib.util
from pathlib import Path
from types import ModuleType

import attrs

import moskvitch
from moskvitch.catalog import COLLECTIONS, Catalog

ROOT = Path(__file__).resolve().parent.parent


def _module_graph() -> ModuleType:
    spec = importlib.util.spec_from_file_location("module_graph", ROOT / "scripts/module_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_module_has_a_layer() -> None:
    graph = _module_graph()
    placed = [m for _, modules in graph.LAYERS for m in modules]
    assert sorted(placed) == sorted(graph.imports())
    assert len(placed) == len(set(placed))


def test_no_module_imports_from_a_layer_above_it() -> None:
    graph = _module_graph()
    layer = {m: i for i, (_, modules) in enumerate(graph.LAYERS) for m in modules}
    upward = [
        f"{module} -> {target}"
        for module, targets in graph.imports().items()
        for target in targets
        if layer[target] > layer[module]
    ]
    assert upward == []


def test_no_import_cycles() -> None:
    edges = _module_graph().imports()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module not in done:
            for target in sorted(edges[module]):
                visit(target, (*path, module))
            done.add(module)

    for module in edges:
        visit(module, ())


def test_the_collections_are_the_catalog_fields() -> None:
    fields = [f.name for f in attrs.fields(Catalog) if f.init]
    assert list(COLLECTIONS) == fields
    catalog = moskvitch.load()
    for name, kind in COLLECTIONS.items():
        assert all(type(record) is kind for record in getattr(catalog, name))


def test_public_names_are_listed_once_and_importable() -> None:
    assert len(moskvitch.__all__) == len(set(moskvitch.__all__))
    public = {n for n in vars(moskvitch) if not n.startswith("_") or n == "__version__"}
    modules = {n for n, v in vars(moskvitch).items() if isinstance(v, ModuleType)}
    assert set(moskvitch.__all__) == public - modules


def test_the_architecture_page_shows_the_real_graph() -> None:
    graph = _module_graph()
    shown = (ROOT / "docs/architecture-modules.dot").read_text(encoding="utf-8")
    assert shown == graph.to_dot(graph.imports()) + "\n", (
        "run: python scripts/module_graph.py > docs/architecture-modules.dot"
    )
