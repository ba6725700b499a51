"""Print the graph of imports between the modules of ``moskvitch``, as Graphviz DOT or edges.

    python scripts/module_graph.py          # DOT, grouped by layer
    python scripts/module_graph.py --edges  # one "module -> module" line per import

Every import inside the package counts, at module level or deferred inside a function; only
imports under ``if TYPE_CHECKING:`` are left out, as they never run. ``tests/test_architecture.py``
checks the graph against :data:`LAYERS`, and ``docs/architecture.rst`` shows it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "moskvitch"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("values", ("_version", "_files", "_terminal", "errors", "names", "dates", "figures")),
    ("records", ("records", "validation")),
    ("catalog", ("catalog",)),
    ("ingestion", ("_readers", "_converter", "ingestion")),
    (
        "helpers",
        (
            "_output",
            "serialization",
            "search",
            "lineage",
            "production",
            "tables",
            "schema",
            "testing",
            "_hypothesis_plugin",
        ),
    ),
    ("interfaces", ("cli", "__main__", "__init__")),
)
"""The layers, lowest first, with their modules. A module imports only from its own layer or
those below it."""


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(module: str, tree: ast.AST) -> set[str]:
    found: set[str] = set()
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module:  # from .x import y
                found.add(node.module.split(".")[0])
            elif node.level == 1:  # from . import x, y
                found.update(alias.name for alias in node.names)
            elif node.module and node.module.split(".")[0] == "moskvitch":
                parts = node.module.split(".")
                found.update([parts[1]] if len(parts) > 1 else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "moskvitch" and len(parts) > 1:
                    found.add(parts[1])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Constant) and str(argument.value).startswith("moskvitch."):
                found.add(str(argument.value).split(".")[1])
        pending.extend(ast.iter_child_nodes(node))
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    return (found & modules) - {module}


def imports() -> dict[str, set[str]]:
    """Each module of the package, with the modules of the package it imports."""
    return {
        path.stem: _imported(path.stem, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.glob("*.py"))
    }


def to_dot(graph: dict[str, set[str]]) -> str:
    """The graph in DOT, one cluster per layer, arrows from importer to imported."""
    lines = ["digraph modules {", "  rankdir=BT;", '  node [shape=box, fontname="sans-serif"];']
    for index, (layer, modules) in enumerate(LAYERS):
        lines.append(f'  subgraph cluster_{index} {{ label="{layer}"; color=grey;')
        lines += [f'    "{module}";' for module in modules if module in graph]
        lines.append("  }")
    for module, targets in sorted(graph.items()):
        lines += [f'  "{module}" -> "{target}";' for target in sorted(targets)]
    lines.append("}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    graph = imports()
    if "--edges" in argv:
        for module, targets in sorted(graph.items()):
            for target in sorted(targets):
                print(f"{module} -> {target}")
    else:
        print(to_dot(graph))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
