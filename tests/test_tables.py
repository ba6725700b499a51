"""Flat rows and CSV for every collection and every nested list of records."""

import csv
import io

import attrs
import pytest
from hypothesis import given, settings

import moskvitch
from moskvitch import Catalog, Figure, Period
from moskvitch.tables import SEPARATOR, TABLES, columns, rows, to_csv
from moskvitch.testing import catalogs


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return moskvitch.load()


def test_every_collection_is_a_table() -> None:
    collections = [f.name for f in attrs.fields(Catalog) if f.init]
    assert [t for t in TABLES if "." not in t] == collections
    assert {"models.lineage", "plants.owners", "disputes.claims", "facts.citations"} <= set(TABLES)


def check_rows(catalog: Catalog) -> None:
    for table in TABLES:
        found = rows(table, catalog=catalog)
        keys = columns(table)
        assert len(keys) == len(set(keys)), table
        for row in found:
            assert list(row) == keys, table
            assert all(v is None or type(v) in (str, int, float, bool) for v in row.values()), row
            for key in keys:
                if key.endswith("_low"):
                    name = key.removesuffix("_low")
                    if row[name] is None:
                        assert row[key] is None and row[f"{name}_high"] is None
                    else:
                        figure = Figure.parse(row[name])
                        data = figure.to_data()
                        assert (row[key], row[f"{name}_high"], row[f"{name}_approximate"]) == (
                            data["low"],
                            data["high"],
                            data["approximate"],
                        )
                if key.endswith("_start") and row[key.removesuffix("_start")] is not None:
                    period = Period.parse(row[key.removesuffix("_start")])
                    assert row[key] == (None if period.start is None else str(period.start))


def test_shipped_rows_are_flat_and_agree_with_their_text(catalog: Catalog) -> None:
    check_rows(catalog)


@settings(max_examples=15)
@given(catalogs())
def test_generated_catalogs_give_flat_rows(catalog: Catalog) -> None:
    check_rows(catalog)


def test_nested_tables_hold_every_nested_record(catalog: Catalog) -> None:
    claims = rows("disputes.claims", catalog=catalog)
    assert len(claims) == sum(len(d.claims) for d in catalog.disputes)
    first = catalog.disputes[0]
    assert [c["value"] for c in claims if c["dispute"] == first.id] == [
        c.value for c in first.claims
    ]
    quotes = rows("disputes.claims.citations", catalog=catalog)
    assert len(quotes) == sum(len(c.citations) for d in catalog.disputes for c in d.claims)
    row = quotes[0]
    assert list(row)[:3] == ["dispute", "claims_index", "index"]
    assert first.claims[row["claims_index"]].citations[row["index"]].quote == row["quote"]


def test_citations_cells_list_the_source_ids(catalog: Catalog) -> None:
    model = catalog.model("412")
    row = next(r for r in rows("models", catalog=catalog) if r["id"] == model.id)
    assert row["citations"].split(SEPARATOR) == list(
        dict.fromkeys(c.source for c in model.citations)
    )
    assert row["aliases"].split(SEPARATOR) == list(model.aliases)
    detail = [r for r in rows("models.citations", catalog=catalog) if r["model"] == model.id]
    assert [r["quote"] for r in detail] == [c.quote for c in model.citations]


def test_no_shipped_name_contains_the_separator(catalog: Catalog) -> None:
    names = [n for r in (*catalog.models, *catalog.variants) for n in r.aliases]
    ids = [e for r in catalog.models for e in (*r.engines, *r.plants)]
    assert not [n for n in [*names, *ids] if SEPARATOR.strip() in n]


def test_csv_holds_the_same_rows(catalog: Catalog) -> None:
    for table in ("production", "engines", "plants.owners", "facts"):
        text = to_csv(table, catalog=catalog)
        parsed = list(csv.DictReader(io.StringIO(text)))
        expected = [
            {k: "" if v is None else str(v) for k, v in row.items()}
            for row in rows(table, catalog=catalog)
        ]
        assert parsed == expected


def test_pandas_reads_numbers_from_the_csv_and_the_rows(catalog: Catalog) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(to_csv("production", catalog=catalog)))
    assert str(frame["figure_low"].dtype) == "int64"
    assert frame["figure_approximate"].dtype == bool
    built = frame[frame["measure"] == "built"]
    assert built["figure_low"].sum() > 1_000_000
    direct = pandas.DataFrame(rows("production", catalog=catalog))
    assert list(direct.columns) == columns("production")
    assert direct["figure_low"].tolist() == frame["figure_low"].tolist()


@pytest.mark.parametrize(("table", "error"), [("model", ValueError), (3, TypeError)])
def test_unknown_tables_are_refused_quoting_the_name(table: object, error: type) -> None:
    with pytest.raises(error, match=repr(table)):
        rows(table)  # type: ignore[arg-type]
