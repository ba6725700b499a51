"""Compile the curated TOML files into the JSON the package loads at run time.

Run after editing anything under ``src/moskvitch/data/``::

    python scripts/compile_data.py

``tests/test_shipped_data.py`` fails while ``catalog.json`` and the TOML files disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from moskvitch import DataError, load_directory
from moskvitch._files import write_atomically
from moskvitch.serialization import to_json

DATA = Path(__file__).resolve().parent.parent / "src" / "moskvitch" / "data"


def main() -> int:
    try:
        catalog = load_directory(DATA)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    write_atomically(DATA / "catalog.json", to_json(catalog) + "\n")
    print(f"wrote {DATA / 'catalog.json'}: {catalog!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
