"""The plain data of the command line's ``--json`` outputs: one form for every command.

A record is written with every field present (an unset value is ``null``, an empty list
``[]``), preceded by ``"type"``, the record's type in snake case (``"model"``,
``"production_record"``). Figures are objects (:meth:`Figure.to_data`), dates and periods
their ISO text, citations objects ``{source, quote, locator}``. :mod:`moskvitch.schema`
describes each output.
"""

from __future__ import annotations

from typing import Any

from cattrs.gen import make_dict_unstructure_fn

from .figures import Figure
from .ingestion import converter
from .records import Citation

__all__ = ["figure", "plain", "record", "type_name"]

_full = converter.copy(omit_if_default=False)
_full.register_unstructure_hook(Citation, make_dict_unstructure_fn(Citation, _full))


def type_name(cls: type) -> str:
    """A record type's name in outputs: ``ProductionRecord`` is ``"production_record"``.

    :param cls: the record's class.
    :returns: the name.
    """
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in cls.__name__).lstrip("_")


def record(value: Any) -> dict[str, Any]:
    """A record with its ``type`` and every field.

    :param value: any record of a catalog.
    :returns: the plain data.
    """
    data: dict[str, Any] = _full.unstructure(value)
    return {"type": type_name(type(value)), **data}


def plain(value: Any) -> Any:
    """Any value (a nested record, a tuple of them) with every field present, without ``type``.

    :param value: the value.
    :returns: the plain data.
    """
    return _full.unstructure(value)


def figure(value: Figure | None) -> dict[str, Any] | None:
    """A figure's object, or ``None``.

    :param value: the figure.
    :returns: the plain data.
    """
    return None if value is None else value.to_data()
