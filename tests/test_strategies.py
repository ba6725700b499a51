"""The public strategies produce only valid values, and register themselves with Hypothesis."""

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

import moskvitch
from moskvitch import Catalog, Model, testing
from moskvitch.serialization import from_dict, to_dict


@given(st.from_type(Catalog))
def test_from_type_builds_valid_catalogs(catalog: Catalog) -> None:
    assert isinstance(catalog, Catalog)
    assert from_dict(to_dict(catalog)) == catalog


@given(st.from_type(Model), st.from_type(moskvitch.Figure), st.from_type(moskvitch.Period))
def test_from_type_covers_records_and_values(
    model: Model, figure: moskvitch.Figure, period: moskvitch.Period
) -> None:
    assert model.citations
    assert figure.high is None or figure.low <= figure.high
    assert period.start is None or period.end is None or period.start.earliest() <= period.latest()


@given(testing.catalogs(min_models=3, max_models=6))
def test_size_controls_are_honoured(catalog: Catalog) -> None:
    assert 3 <= len(catalog.models) <= 6


@given(testing.partial_dates(min_year=1946, max_year=1956))
def test_date_bounds_are_honoured(date: moskvitch.PartialDate) -> None:
    assert 1946 <= date.year <= 1956


@given(testing.events(kinds=[moskvitch.EventKind.PLAN], subject_ids=["moscow"]))
def test_kinds_are_honoured(event: moskvitch.Event) -> None:
    assert event.kind is moskvitch.EventKind.PLAN
    assert event.subjects == ("moscow",)


def test_synthetic_catalogs_scale_and_are_deterministic() -> None:
    big = testing.synthetic_catalog(2000, seed=1)
    assert len(big.models) == 2000
    assert big == testing.synthetic_catalog(2000, seed=1)
    assert big.model("M-1999").id == "model-1999"


def test_importing_moskvitch_never_imports_hypothesis() -> None:
    code = "import sys, moskvitch; moskvitch.load(); print('hypothesis' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@given(st.data())
def test_every_collection_has_a_strategy(data: st.DataObject) -> None:
    from moskvitch.catalog import COLLECTIONS

    for kind in COLLECTIONS.values():  # registered by the plugin, from the one list
        assert isinstance(data.draw(st.from_type(kind)), kind)
