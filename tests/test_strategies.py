"""The public strategies produce only valid values, and register themselves with Hypothesis."""

import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings
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


PUBLIC_ATTRS_CLASSES = [
    getattr(moskvitch, name)
    for name in moskvitch.__all__
    if isinstance(getattr(moskvitch, name), type) and attrs.has(getattr(moskvitch, name))
]


@pytest.mark.parametrize("kind", PUBLIC_ATTRS_CLASSES, ids=lambda kind: kind.__name__)
def test_from_type_resolves_every_public_attrs_class(kind: type) -> None:
    @settings(max_examples=5, database=None)
    @given(st.from_type(kind))
    def draws(value: object) -> None:
        assert isinstance(value, kind)

    draws()


def test_the_public_classes_include_the_parts_of_records() -> None:
    names = {kind.__name__ for kind in PUBLIC_ATTRS_CLASSES}
    assert {"Link", "Claim", "PlantName", "Ownership"} <= names


def test_importing_the_kit_without_hypothesis_says_what_to_install() -> None:
    code = "import sys; sys.modules['hypothesis'] = None; import moskvitch.testing"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode != 0
    assert "pip install 'moskvitch[testing]'" in run.stderr
    assert run.stderr.splitlines()[-1].startswith("ModuleNotFoundError: moskvitch.testing needs")
