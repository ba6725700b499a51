"""Every public name is documented, with a field for each parameter."""

import inspect
from collections.abc import Iterator
from typing import Any

import pytest

import moskvitch
from moskvitch import lineage, production, schema, search, serialization, tables, testing

MODULES = [lineage, production, schema, search, serialization, tables, testing]


def public_objects() -> Iterator[tuple[str, Any]]:
    for name in moskvitch.__all__:
        if name != "__version__":
            yield f"moskvitch.{name}", getattr(moskvitch, name)
    for module in MODULES:
        for name in module.__all__:
            yield f"{module.__name__}.{name}", getattr(module, name)


def parameters(obj: Any) -> list[str]:
    target = obj.__init__ if inspect.isclass(obj) else obj
    try:
        signature = inspect.signature(target)
    except (TypeError, ValueError):
        return []
    return [
        p.name
        for p in signature.parameters.values()
        if p.name not in ("self", "cls", "draw") and p.kind is not p.VAR_KEYWORD
    ]


@pytest.mark.parametrize(("name", "obj"), list(public_objects()), ids=lambda v: str(v)[:60])
def test_public_names_have_docstrings_with_their_fields(name: str, obj: Any) -> None:
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    if inspect.isfunction(obj) or (inspect.isclass(obj) and hasattr(obj, "__attrs_attrs__")):
        missing = [p for p in parameters(obj) if f":param {p}:" not in doc]
        assert not missing, f"{name} does not document {missing}"
    if inspect.isfunction(obj) and inspect.signature(obj).return_annotation not in (None, "None"):
        assert ":returns:" in doc, f"{name} does not say what it returns"
