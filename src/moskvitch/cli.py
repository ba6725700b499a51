"""The ``moskvitch`` command line (standard library only)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import load
from .catalog import Catalog
from .errors import DataError, UnknownNameError

__all__ = ["main"]


def _stats(catalog: Catalog) -> list[str]:
    rows = [
        ("sources", len(catalog.sources)),
        ("engines", len(catalog.engines)),
        ("models", len(catalog.models)),
        ("variants", len(catalog.variants)),
        ("plants", len(catalog.plants)),
        ("events", len(catalog.events)),
        ("production records", len(catalog.production)),
        ("conflicts", len(catalog.conflicts())),
    ]
    width = max(len(name) for name, _ in rows)
    return [f"{name:<{width}}  {count:>5}" for name, count in rows]


def _cmd_stats(args: argparse.Namespace) -> int:
    print("\n".join(_stats(load(args.data))))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    try:
        catalog = load(args.path)
    except DataError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"{args.path}: valid ({catalog!r})")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="moskvitch", description="Cited data about the Moskvitch car brand."
    )
    parser.add_argument(
        "--data",
        metavar="PATH",
        default=None,
        help="read this data directory instead of the shipped data",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    stats = commands.add_parser("stats", help="count the records of each kind and the conflicts")
    stats.set_defaults(run=_cmd_stats)
    validate = commands.add_parser("validate", help="check a data directory and list every problem")
    validate.add_argument("path", help="a directory of TOML data files, or a JSON export")
    validate.set_defaults(run=_cmd_validate)
    parser.set_defaults(run=_cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    :param argv: the arguments, without the program name; ``None`` for :data:`sys.argv`.
    :returns: the exit status: 0 on success, 1 when data is invalid, 2 on a usage error.
    """
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except UnknownNameError as error:
        print(f"moskvitch: {error}", file=sys.stderr)
        return 2
    except DataError as error:
        print(f"moskvitch: {error}", file=sys.stderr)
        return 1
