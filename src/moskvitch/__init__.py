"""Typed, cited data about the Moskvitch (Moskvich) car brand, 1930 to the 2022 revival.

>>> import moskvitch
>>> catalog = moskvitch.load()
>>> catalog.model("Москвич-412").name
'Moskvich-412'
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
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
from .records import (
    BodyStyle,
    Citation,
    Claim,
    Dispute,
    Engine,
    Event,
    EventKind,
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

if TYPE_CHECKING:
    from .loading import load, load_directory


def __getattr__(name: str) -> Any:
    # The loader pulls in cattrs' converter and the JSON reader: import it on first use only,
    # so that `import moskvitch` stays cheap.
    if name in ("load", "load_directory"):
        from . import loading

        return getattr(loading, name)
    raise AttributeError(f"module 'moskvitch' has no attribute {name!r}")
