"""Typed, cited data about the Moskvitch (Moskvich) car brand, 1930 to the 2022 revival.

>>> import moskvitch
>>> catalog = moskvitch.load()
>>> catalog.model("Москвич-412").name
'Moskvich-412'

Importing the package reads no data: the shipped catalog is loaded on the first call to
:func:`load`. The helpers live in their own modules: :mod:`moskvitch.lineage`,
:mod:`moskvitch.production`, :mod:`moskvitch.search` and :mod:`moskvitch.serialization`.
"""

from ._version import __version__
from .catalog import Catalog, Subject
from .dates import PartialDate, Period
from .errors import (
    DataError,
    InvalidDateError,
    InvalidErasError,
    InvalidFigureError,
    InvalidOptionError,
    InvalidPeriodError,
    InvalidQueryError,
    NoPathError,
    Problem,
    UnknownNameError,
)
from .figures import Figure
from .ingestion import load, load_directory
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
    Role,
    Source,
    SourceKind,
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
    "Fact",
    "FactKind",
    "Figure",
    "Fuel",
    "InvalidDateError",
    "InvalidErasError",
    "InvalidFigureError",
    "InvalidOptionError",
    "InvalidPeriodError",
    "InvalidQueryError",
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
    "Role",
    "Source",
    "SourceKind",
    "Subject",
    "Unit",
    "UnknownNameError",
    "Variant",
    "__version__",
    "load",
    "load_directory",
]
