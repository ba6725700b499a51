"""Typed, cited data about the Moskvitch (Moskvich) car brand, 1930 to the 2022 revival.

>>> import moskvitch
>>> catalog = moskvitch.load()
>>> catalog.model("Москвич-412").name
'Moskvich-412'

Importing the package loads nothing: each public name is imported from its module on first
use, and the data on the first call to :func:`load`.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .catalog import Catalog, Subject
    from .dates import PartialDate, Period
    from .errors import (
        DataError,
        InvalidDateError,
        InvalidFigureError,
        InvalidPeriodError,
        NoPathError,
        Problem,
        UnknownNameError,
    )
    from .figures import Figure
    from .loading import load, load_directory
    from .records import (
        BodyStyle,
        Citation,
        Claim,
        Dispute,
        Engine,
        Event,
        EventKind,
        Fact,
        FactKind,
        Fuel,
        Layout,
        Link,
        Measure,
        Model,
        ModelKind,
        Ownership,
        Plant,
        PlantName,
        ProductionRecord,
        Relation,
        Source,
        Unit,
        Variant,
    )

_MODULES = {
    "catalog": ("Catalog", "Subject"),
    "dates": ("PartialDate", "Period"),
    "errors": (
        "DataError",
        "InvalidDateError",
        "InvalidFigureError",
        "InvalidPeriodError",
        "NoPathError",
        "Problem",
        "UnknownNameError",
    ),
    "figures": ("Figure",),
    "loading": ("load", "load_directory"),
    "records": (
        "BodyStyle",
        "Citation",
        "Claim",
        "Dispute",
        "Engine",
        "Event",
        "EventKind",
        "Fact",
        "FactKind",
        "Fuel",
        "Layout",
        "Link",
        "Measure",
        "Model",
        "ModelKind",
        "Ownership",
        "Plant",
        "PlantName",
        "ProductionRecord",
        "Relation",
        "Source",
        "Unit",
        "Variant",
    ),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "BodyStyle",
    "Catalog",
    "Citation",
    "Claim",
    "DataError",
    "Dispute",
    "Engine",
    "Event",
    "EventKind",
    "Fact",
    "FactKind",
    "Figure",
    "Fuel",
    "InvalidDateError",
    "InvalidFigureError",
    "InvalidPeriodError",
    "Layout",
    "Link",
    "Measure",
    "Model",
    "ModelKind",
    "NoPathError",
    "Ownership",
    "PartialDate",
    "Period",
    "Plant",
    "PlantName",
    "Problem",
    "ProductionRecord",
    "Relation",
    "Source",
    "Subject",
    "Unit",
    "UnknownNameError",
    "Variant",
    "__version__",
    "load",
    "load_directory",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'moskvitch' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
