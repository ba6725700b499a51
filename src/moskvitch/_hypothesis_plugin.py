"""Registers the strategies of :mod:`moskvitch.testing` with Hypothesis.

Hypothesis runs :func:`register` through the ``hypothesis`` entry point when it is imported,
so ``st.from_type(moskvitch.Model)`` works in any project that installed
``moskvitch[testing]``. The strategies are imported only when first used, which keeps the
import of Hypothesis free of circular imports.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["register"]

_STRATEGIES = {
    "PartialDate": "partial_dates",
    "Period": "periods",
    "Figure": "figures",
    "Citation": "citations",
    "Source": "sources",
    "Engine": "engines",
    "Model": "models",
    "Variant": "variants",
    "Plant": "plants",
    "Event": "events",
    "ProductionRecord": "production_records",
    "Dispute": "disputes",
    "Fact": "facts",
    "Catalog": "catalogs",
}


def _lazy(name: str) -> Any:
    def strategy(_: type) -> Any:
        return getattr(importlib.import_module("moskvitch.testing"), name)()

    return strategy


def register() -> None:
    """Register a strategy for every public class that has one."""
    from hypothesis import strategies as st

    import moskvitch

    for class_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(moskvitch, class_name), _lazy(strategy_name))
