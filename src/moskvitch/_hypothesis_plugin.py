"""Registers the strategies of :mod:`moskvitch.testing` with Hypothesis.

Hypothesis runs :func:`register` through the ``hypothesis`` entry point when it is imported,
so ``st.from_type(moskvitch.Model)`` works in any project that installed
``moskvitch[testing]``. The strategies module is imported only when a strategy is first drawn,
as it imports Hypothesis itself, which is still starting up when this runs.
"""

from __future__ import annotations

import importlib
from typing import Any

from .catalog import COLLECTIONS, Catalog
from .dates import PartialDate, Period
from .figures import Figure
from .records import Citation, Claim, Link, Ownership, PlantName

__all__ = ["register"]

# The collections' record types, the catalog, and the values and parts records are made of:
# every public attrs class whose fields Hypothesis cannot draw by itself.
_TYPES = (
    PartialDate,
    Period,
    Figure,
    Citation,
    Link,
    PlantName,
    Ownership,
    Claim,
    *COLLECTIONS.values(),
    Catalog,
)


def _lazy(kind: type) -> Any:
    def strategy(_: type) -> Any:
        return importlib.import_module("moskvitch.testing").strategy_for(kind)

    return strategy


def register() -> None:
    """Register a strategy for every record type, the catalog and the value types."""
    from hypothesis import strategies as st

    for kind in _TYPES:
        st.register_type_strategy(kind, _lazy(kind))
