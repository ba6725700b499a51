"""Compile the curated TOML files into the JSON the package loads at run time, and write the
JSON Schemas editors check the data files with (``schemas/``, see ``.taplo.toml``).

Run after editing anything under ``src/moskvitch/data/`` or the record classes::

    python scripts/compile_data.py

``tests/test_shipped_data.py`` fails while ``catalog.json`` and the TOML files disagree, and
``tests/test_schema.py`` while the schema files and the record classes do.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from moskvitch import DataError, load_directory
from moskvitch._files import write_atomically
from moskvitch.schema import export_schema, toml_schema
from moskvitch.serialization import to_json
from moskvitch.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "moskvitch" / "data"
SCHEMAS = ROOT / "schemas"


def schema_files() -> dict[str, dict[str, Any]]:
    """Each schema file of ``schemas/`` by name: the JSON export's and each TOML file's."""
    files = {"export.schema.json": export_schema()}
    for collection in (t for t in TABLES if "." not in t):
        files[f"{collection}.toml.schema.json"] = toml_schema(collection)
    return files


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    try:
        catalog = load_directory(DATA)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    write_atomically(DATA / "catalog.json", to_json(catalog) + "\n")
    print(f"wrote {DATA / 'catalog.json'}: {catalog!r}")
    SCHEMAS.mkdir(exist_ok=True)
    for name, schema in schema_files().items():
        write_atomically(SCHEMAS / name, schema_text(schema))
    print(f"wrote {len(schema_files())} schemas in {SCHEMAS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
