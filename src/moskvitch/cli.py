"""The ``moskvitch`` command line (standard library only).

Run ``moskvitch --help`` or ``python -m moskvitch --help``; every command has its own ``--help``.
Read commands accept ``--json`` for machine-readable output. Usage errors (a bad option, an
unknown name) exit with status 2 and a message on standard error; invalid data, and any other
failure such as an unwritable output file, exit with status 1. See :doc:`/errors`.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from . import _output, production
from . import schema as schemas
from ._files import write_atomically
from ._version import __version__
from .catalog import Catalog
from .dates import PartialDate, Period
from .errors import (
    DataError,
    InvalidDateError,
    InvalidOptionError,
    InvalidPeriodError,
    InvalidQueryError,
    NoPathError,
    UnknownNameError,
)
from .figures import Figure
from .ingestion import load
from .records import Event, Fact, Measure, Model, Plant, Relation, Variant
from .search import search
from .serialization import to_json
from .tables import TABLES

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
"""The command did its work."""
EXIT_FAILURE = 1
"""The data is invalid, or the command could not do its work (e.g. write its output file)."""
EXIT_USAGE = 2
"""The command line cannot be used: a bad option or argument, an unknown name."""


class _UsageError(Exception):
    """An option or argument the command cannot use: exit status 2."""


class _Failure(Exception):
    """The command could not do its work, e.g. write its output file: exit status 1."""


# Every error a command may end with, and its exit status; anything else is a bug and ends in a
# traceback. DataError prints every problem, one per line; the others print one line.
_EXIT_STATUS: tuple[tuple[type[Exception], int], ...] = (
    (_UsageError, EXIT_USAGE),
    (UnknownNameError, EXIT_USAGE),
    (NoPathError, EXIT_USAGE),
    (InvalidQueryError, EXIT_USAGE),
    (InvalidOptionError, EXIT_USAGE),
    (InvalidDateError, EXIT_USAGE),
    (InvalidPeriodError, EXIT_USAGE),
    (DataError, EXIT_FAILURE),
    (_Failure, EXIT_FAILURE),
    (OSError, EXIT_FAILURE),  # e.g. an output file in a missing directory, a full disk
)


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """Columns padded to their widest cell; numbers (figures) right-aligned."""
    cells = [list(header), *[list(row) for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    numeric = [all(_is_figure(row[i]) for row in rows) and bool(rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(cells):
        parts = [
            cell.rjust(width) if numeric[i] and index else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(parts).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _is_figure(text: str) -> bool:
    has_digits = any(ch.isdigit() for ch in text)
    return text == "-" or (has_digits and not any(ch.isalpha() for ch in text))


def _shorten(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _figure(figure: Figure | None) -> str:
    return "-" if figure is None else str(figure)


# -- commands -------------------------------------------------------------------------------


def _stats_rows(catalog: Catalog) -> list[tuple[str, int]]:
    return [
        ("sources", len(catalog.sources)),
        ("engines", len(catalog.engines)),
        ("models", len(catalog.models)),
        ("variants", len(catalog.variants)),
        ("plants", len(catalog.plants)),
        ("events", len(catalog.events)),
        ("production records", len(catalog.production)),
        ("disputes", len(catalog.disputes)),
        ("facts", len(catalog.facts)),
        ("conflicts", len(catalog.conflicts())),
    ]


def _cmd_stats(args: argparse.Namespace, catalog: Catalog) -> None:
    rows = _stats_rows(catalog)
    if args.json:
        # The keys of every --json output are identifiers: the collections' names.
        _print_json({name.split()[0]: count for name, count in rows})
    else:
        print(_table([(name, str(count)) for name, count in rows], ("records", "count")))


def _cmd_summary(args: argparse.Namespace, catalog: Catalog) -> None:

    print("moskvitch: cited data about the Moskvitch car brand, 1930 to the 2022 revival\n")
    _cmd_stats(args, catalog)
    print("\nLineage of the Moskvich-2140 (each line: how it relates to the model above):\n")
    print(_tree(catalog, catalog.model("2140"), up=True, relations=None))
    print("\nVehicles built at the plants, by era (see 'moskvitch totals --help'):\n")
    print(_totals_table(production.totals_by_era(catalog=catalog), "era"))


def _cmd_show(args: argparse.Namespace, catalog: Catalog) -> None:
    record = catalog.find(args.name)
    if args.json:
        data = _output.record(record)
        data["production_records"] = [_output.record(r) for r in catalog.production_of(record.id)]
        data["facts"] = [_output.record(f) for f in catalog.facts_of(record.id)]
        _print_json(data)
        return
    lines = [f"{record.name}  [{type(record).__name__.lower()} {record.id}]"]
    lines += _inferred(record.inference, "  ")
    if isinstance(record, Model):
        lines.append(f"  make: {record.make}; kind: {record.kind.value}")
        if record.aliases:
            lines.append(f"  also: {', '.join(record.aliases)}")
        for field in ("body_style", "layout"):
            value = getattr(record, field)
            if value is not None:
                lines.append(f"  {field.replace('_', ' ')}: {value.value}")
        if record.production is not None:
            lines.append(f"  production: {record.production}")
        if record.plants:
            lines.append(f"  plants: {', '.join(catalog.plant(p).name for p in record.plants)}")
        for engine_id in record.engines:
            engine = catalog.engine(engine_id)
            specs = [
                f"{engine.displacement} cc" if engine.displacement else "",
                f"{engine.power} hp" if engine.power else "",
                engine.fuel or "",
            ]
            detail = ", ".join(s for s in specs if s)
            lines.append(f"  engine: {engine.designation}" + (f" ({detail})" if detail else ""))
            lines += _inferred(engine.inference, "    ")
            lines += [f"    {_fact_line(f)}" for f in catalog.facts_of(engine.id)]
        for link in record.lineage:
            lines.append(f"  {link.relation.value} {catalog.model(link.target).name}")
            lines += _inferred(link.inference, "    ")
        for variant in catalog.variants_of(record.id):
            lines.append(f"  variant: {variant.name}")
    elif isinstance(record, Variant):
        lines.append(f"  variant of: {catalog.model(record.model).name}")
        if record.production is not None:
            lines.append(f"  production: {record.production}")
    elif isinstance(record, Plant):
        lines.append(f"  {record.city}, {record.country}")
        for name in record.name_history:
            lines.append(f"  name {name.period}: {name.name}")
            lines += _inferred(name.inference, "    ")
        for owner in record.owners:
            stake = f" ({owner.stake_percent}%)" if owner.stake_percent else ""
            lines.append(f"  owner {owner.period}: {owner.owner}{stake}")
            lines += _inferred(owner.inference, "    ")
    for figure in catalog.production_of(record.id):
        mark = "" if figure.preferred else " (alternative claim)"
        lines.append(
            f"  {figure.measure.value} {figure.period}: {figure.figure}"
            f"{'' if figure.unit.value == 'vehicles' else ' ' + figure.unit.value}{mark}"
        )
        lines += _inferred(figure.inference, "    ")
    for fact in catalog.facts_of(record.id):
        lines.append(f"  {_fact_line(fact)}")
        lines += _inferred(fact.inference, "    ")
    if record.note:
        lines.append(f"  note: {record.note}")
    for source_id in dict.fromkeys(c.source for c in record.citations):
        lines.append(f"  source: {catalog.source(source_id).title} [{source_id}]")
    print("\n".join(lines))


def _inferred(reason: str | None, indent: str) -> list[str]:
    """The visible mark of a value that is the curators' inference, not a source's statement."""
    return [] if reason is None else [f"{indent}(curators' inference: {reason})"]


def _fact_line(fact: Fact) -> str:
    value = " ".join(
        part
        for part in (
            "" if fact.figure is None else str(fact.figure),
            fact.unit or "" if fact.figure is not None else "",
            "" if fact.text is None else (f"({fact.text})" if fact.figure else fact.text),
        )
        if part
    )
    when = f" [{fact.date}]" if fact.date is not None else ""
    hedge = " (uncertain in the source)" if fact.uncertain else ""
    return f"{fact.kind.value}: {fact.topic}{when}: {value}{hedge}"


def _tree(catalog: Catalog, root: Model, *, up: bool, relations: Iterable[Relation] | None) -> str:
    chosen = None if relations is None else set(relations)
    lines = [root.name]
    seen = {root.id}

    def children(model: Model) -> list[tuple[Relation, Model]]:
        if up:
            pairs = [(link.relation, catalog.model(link.target)) for link in model.lineage]
        else:
            pairs = [(link.relation, source) for source, link in catalog.links_to(model.id)]
        return [(r, m) for r, m in pairs if chosen is None or r in chosen]

    # Depth first with an explicit stack, not recursion: a chain may be thousands deep.
    stack: list[tuple[Iterator[tuple[int, tuple[Relation, Model]]], int, str]] = []
    kids = children(root)
    stack.append((iter(enumerate(kids)), len(kids), ""))
    while stack:
        pending, count, prefix = stack[-1]
        step = next(pending, None)
        if step is None:
            stack.pop()
            continue
        index, (relation, child) = step
        last = index == count - 1
        repeated = child.id in seen
        suffix = "  (shown above)" if repeated else ""
        lines.append(f"{prefix}{'└── ' if last else '├── '}{relation.value} {child.name}{suffix}")
        if not repeated:
            seen.add(child.id)
            grandchildren = children(child)
            stack.append(
                (
                    iter(enumerate(grandchildren)),
                    len(grandchildren),
                    prefix + ("    " if last else "│   "),
                )
            )
    return "\n".join(lines)


def _cmd_lineage(args: argparse.Namespace, catalog: Catalog) -> None:
    from . import lineage

    if args.format != "tree" and args.json:
        raise _UsageError(
            f"--json prints the tree's data; it cannot be used with --format {args.format}"
        )
    if args.direction is not None and (args.format != "tree" or args.json):
        raise _UsageError("--direction applies to the text tree only (not to --json or --format)")
    direction = args.direction or "both"
    model = catalog.model(args.name)
    relations = [Relation(r) for r in args.relation] if args.relation else None
    if args.format == "dot":
        print(lineage.to_dot(model, relations=relations, catalog=catalog))
    elif args.format == "mermaid":
        print(lineage.to_mermaid(model, relations=relations, catalog=catalog))
    elif args.json:
        up = lineage.ancestors(model, relations=relations, catalog=catalog)
        down = lineage.descendants(model, relations=relations, catalog=catalog)
        tree = lineage.family_tree(model, relations=relations, catalog=catalog)
        _print_json(
            {
                "model": model.id,
                "ancestors": [m.id for m in up],
                "descendants": [m.id for m in down],
                "variants": [v.id for v in catalog.variants_of(model.id)],
                "edges": _output.plain(tree.edges),
            }
        )
    else:
        if direction in ("up", "both"):
            print(_tree(catalog, model, up=True, relations=relations))
        if direction == "both":
            print()
        if direction in ("down", "both"):
            print(_tree(catalog, model, up=False, relations=relations))


#: How figures are written, for the tables' footnote and ``totals --help``.
NOTATION = (
    "Figures: ≈ about; ≥ at least; ≤ at most; ≳ at least about; ≲ at most about;"
    " a–b between a and b."
)

#: Why a figure lands in (unallocated), by breakdown.
UNALLOCATED = {
    "era": "spans more than one era",
    "year": "spans more than one year",
    "model": "counts a whole plant, not one model",
    "plant": "is for a model built at several plants, and names none of them",
}

TOTALS_HELP = f"""\
{NOTATION}

Each figure is counted once. A figure that breaks down a wider one (a year inside a series
total, a model inside a plant's total) is inside it: where the wider figure fits a row, it
counts there whole; where it does not (it spans two eras, say), its breakdowns count in their
own rows and only its remainder, the wider figure less those breakdowns, is (unallocated).
A year marked "(part)" has figures for only part of that year, such as one month.
'total' adds up every figure, whichever breakdown is shown.
"""


def _totals_table(totals: production.Totals, by: str) -> str:
    rows = [
        (
            f"{row.label} (part)" if row.partial else row.label,
            _figure(row.figure),
            str(len(row.records)),
        )
        for row in totals.rows
    ]
    if totals.unallocated.figure is not None:
        rows.append(
            (
                "(unallocated)",
                _figure(totals.unallocated.figure),
                str(len(totals.unallocated.records)),
            )
        )
    rows.append(("total", _figure(totals.grand_total.figure), str(len(totals.grand_total.records))))
    lines = [_table(rows, ("", totals.measure.value, "records")), "", NOTATION]
    if totals.unallocated.parts:
        lines.append(f"(unallocated): figures no row can hold, as each {UNALLOCATED[by]}:")
        for part in totals.unallocated.parts:
            lines.append(f"  {part.record.id} ({part.record.period}): {_part_text(part)}")
    lines.extend(f"warning: {overrun}" for overrun in totals.overruns)
    return "\n".join(lines)


def _part_text(part: production.Part) -> str:
    if not part.less:
        return str(part.figure)
    counted = "breakdown" if len(part.less) == 1 else "breakdowns"
    return f"{part.figure} ({part.record.figure} less {len(part.less)} {counted} counted above)"


def _cmd_totals(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.allocation is not None and args.by != "era":
        raise _UsageError(f"--allocation applies to --by era only, not to --by {args.by}")
    if args.subject is not None and args.by not in ("era", "year"):
        raise _UsageError(f"a SUBJECT's totals break down --by era or year, not --by {args.by}")
    try:
        start, end = (None if d is None else PartialDate.parse(d) for d in (args.start, args.end))
        Period(start, end)
    except ValueError as error:  # InvalidDateError, InvalidPeriodError
        raise _UsageError(str(error)) from None
    options: dict[str, Any] = {
        "measure": args.measure,
        "claims": args.claims,
        "catalog": catalog,
        "start": start,
        "end": end,
    }
    subject = None if args.subject is None else catalog.find(args.subject).id
    if args.by == "era":
        totals = production.totals_by_era(
            allocation=args.allocation or "strict", subject=subject, **options
        )
    elif args.by == "year":
        totals = production.by_year(subject, **options)
    elif args.by == "plant":
        totals = production.by_plant(**options)
    else:
        totals = production.by_model(**options)
    if args.json:
        _print_json(
            {
                "measure": totals.measure.value,
                "by": args.by,
                "subject": subject,
                "from": None if start is None else str(start),
                "to": None if end is None else str(end),
                "rows": [_total_json(row) for row in totals.rows],
                "unallocated": _total_json(totals.unallocated),
                "total": _total_json(totals.grand_total),
                "overruns": [str(overrun) for overrun in totals.overruns],
            }
        )
    else:
        print(_totals_table(totals, args.by))
        if start is not None or end is not None:
            print(
                f"Only figures dated within {start or '..'} to {end or '..'} count; a figure"
                " reaching outside is left out whole."
            )


def _total_json(total: production.Total) -> dict[str, Any]:
    return {
        "label": total.label,
        "figure": _output.figure(total.figure),
        "records": [r.id for r in total.records],
        "partial": total.partial,
        "parts": [
            {
                "record": part.record.id,
                "kind": part.kind.value,
                "figure": _output.figure(part.figure),
                "less": list(part.less),
            }
            for part in total.parts
        ],
    }


def _cmd_timeline(args: argparse.Namespace, catalog: Catalog) -> None:
    events = catalog.timeline(args.subject)
    if args.start is not None or args.end is not None:
        start, end = (None if d is None else PartialDate.parse(d) for d in (args.start, args.end))
        window = {e.id for e in catalog.events_between(start, end)}
        events = tuple(e for e in events if e.id in window)
    if args.json:
        _print_json([_output.record(event) for event in events])
    else:
        width = max((len(str(e.date)) for e in events), default=0)
        for event in events:
            plan = " [plan]" if event.kind.value == "plan" else ""
            print(f"{event.date!s:<{width}}  {event.summary}{plan}")


def _cmd_search(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.limit < 1:
        raise _UsageError(f"--limit must be at least 1, not {args.limit}")
    hits = search(args.text, limit=args.limit, catalog=catalog)
    if args.json:
        _print_json(
            [
                {
                    "type": _output.type_name(type(hit.record)),
                    "id": hit.record.id,
                    "name": _hit_name(hit.record),
                    "score": hit.score,
                    "matched": hit.matched,
                }
                for hit in hits
            ]
        )
        return
    rows = [
        (
            f"{hit.score:.2f}",
            type(hit.record).__name__.lower(),
            hit.record.id,
            _shorten(_hit_name(hit.record)),
        )
        for hit in hits
    ]
    print(_table(rows, ("score", "type", "id", "name")) if rows else "no match")


def _hit_name(record: Model | Variant | Plant | Event) -> str:
    """A hit's name: a record's display name, an event's summary."""
    return record.summary if isinstance(record, Event) else record.name


def _cmd_conflicts(args: argparse.Namespace, catalog: Catalog) -> None:
    disputes = catalog.conflicts()
    if args.contradictory:
        disputes = tuple(d for d in disputes if not d.consistent)
    if args.json:
        _print_json([{**_output.record(d), "consistent": d.consistent} for d in disputes])
        return
    for dispute in disputes:
        verdict = "compatible as stated" if dispute.consistent else "contradictory"
        name = _subject_name(catalog, dispute.subject)
        print(f"{name} ({dispute.subject}) - {dispute.topic} [{verdict}]")
        for claim in dispute.claims:
            sources = ", ".join(c.source for c in claim.citations)
            mark = "*" if claim.preferred else " "
            print(f"  {mark} {claim.value}  [{sources}]")
            if claim.preferred and claim.note:
                print(f"      why: {claim.note}")
        print()
    compatible = sum(d.consistent for d in disputes)
    print(
        f"{len(disputes)} disputed values: {len(disputes) - compatible} contradictory,"
        f" {compatible} compatible as stated (the claims differ but could all hold);"
        " * marks the preferred claim"
    )


def _cmd_export(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.format in ("datapackage", "sqlite"):
        _export_files(args, catalog)
        return
    if args.format == "json" and args.collection is not None:
        raise _UsageError("--collection applies to --format csv only")
    args.collection = args.collection or "production"
    if args.format == "json":
        text = to_json(catalog, indent=2) + "\n"
    else:
        from .tables import to_csv

        text = to_csv(args.collection, catalog=catalog)
    _write(args.output, text)


def _export_files(args: argparse.Namespace, catalog: Catalog) -> None:
    """``export --format datapackage -o DIR`` and ``--format sqlite -o FILE``: every table."""
    from . import tables

    what = "DIR" if args.format == "datapackage" else "FILE"
    if args.collection is not None:
        raise _UsageError(f"--format {args.format} writes every table: it takes no --collection")
    if not args.output:
        raise _UsageError(f"--format {args.format} needs -o {what}")
    write = tables.write_datapackage if args.format == "datapackage" else tables.write_sqlite
    try:
        write(args.output, catalog=catalog)
    except OSError as error:
        where = error.filename if isinstance(error.filename, str) else args.output
        raise _Failure(f"cannot write {where!r}: {error.strerror or error}") from None


def _cmd_schema(args: argparse.Namespace, _: Catalog | None) -> None:

    if args.data is not None:
        raise _UsageError("schema describes the formats, not a data set: it takes no --data")
    chosen = [
        option
        for option, value in (
            ("--toml", args.toml),
            ("--command", args.command_output),
            ("--table", args.table),
        )
        if value is not None
    ]
    if len(chosen) > 1:
        raise _UsageError(f"{' and '.join(chosen)} cannot be used together; choose one")
    if args.table is not None:
        document = schemas.table_schema(args.table)
    elif args.toml is not None:
        document = schemas.toml_schema(args.toml)
    elif args.command_output is not None:
        document = schemas.output_schema(args.command_output)
    else:
        document = schemas.export_schema()
    _write(args.output, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _write(output: str | None, text: str) -> None:
    """Write ``text`` to the file ``output`` atomically, or to standard output."""
    if output is None:
        sys.stdout.write(text)
        return
    if not output:
        raise _UsageError("--output needs a file name")
    try:
        write_atomically(output, text)  # the file is left intact if anything fails
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _Failure(f"cannot write {output!r}: {error.strerror or error}") from None


def _cmd_validate(args: argparse.Namespace, _: Catalog | None) -> int:
    if args.data is not None:
        raise _UsageError("validate takes the path to check as its argument, not --data")
    try:
        catalog = load(args.path)
    except DataError as error:
        print(str(error), file=sys.stderr)
        return EXIT_FAILURE
    print(f"{args.path}: valid, {catalog!r}")
    return EXIT_OK


# -- parser ---------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="moskvitch",
        description="Cited data about the Moskvitch (Moskvich) car brand, 1930 to the revival. "
        "Without a command, prints a summary.",
    )
    data_help = "read this data directory or JSON export instead of the shipped data"
    parser.add_argument("--data", metavar="PATH", help=data_help)
    parser.add_argument("--version", action="version", version=f"moskvitch {__version__}")
    # --data may also follow the command; SUPPRESS keeps a value given before it.
    data_option = argparse.ArgumentParser(add_help=False)
    data_option.add_argument("--data", metavar="PATH", default=argparse.SUPPRESS, help=data_help)
    parser.set_defaults(run=_cmd_summary, json=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str,
        run: Callable[..., Any],
        help: str,
        json_output: bool = True,
        data: bool = True,
    ) -> Any:
        parents = [data_option] if data else []
        sub = commands.add_parser(name, help=help, description=help, parents=parents)
        sub.set_defaults(run=run)
        if json_output:
            sub.add_argument("--json", action="store_true", help="print JSON for machines")
        return sub

    command("stats", _cmd_stats, "count the records of each kind and the conflicts")
    show = command("show", _cmd_show, "show a model, variant or plant with its figures and sources")
    show.add_argument("name", help="any name, alias or id, e.g. 412 or Москвич-412")
    tree = command("lineage", _cmd_lineage, "show a model's ancestors and descendants as a tree")
    tree.add_argument("name", help="a model's name, alias or id")
    tree.add_argument(
        "--direction",
        choices=["up", "down", "both"],
        help="ancestors (up), descendants (down) or both (default); text tree only",
    )
    tree.add_argument(
        "--relation",
        action="append",
        choices=[r.value for r in Relation],
        help="follow only this relation; repeat for several",
    )
    tree.add_argument(
        "--format",
        choices=["tree", "dot", "mermaid"],
        default="tree",
        help="an indented tree (default), Graphviz DOT or Mermaid",
    )
    totals = command("totals", _cmd_totals, "production totals as an aligned table")
    totals.epilog = TOTALS_HELP
    totals.formatter_class = argparse.RawDescriptionHelpFormatter
    totals.add_argument(
        "subject",
        nargs="?",
        help="only this model (with its variants), variant or plant (default: everything)",
    )
    totals.add_argument(
        "--by",
        choices=["era", "year", "plant", "model"],
        default="era",
        help="how to break the totals down (default: era)",
    )
    totals.add_argument(
        "--measure",
        choices=[m.value for m in Measure],
        default="built",
        help="what to count; measures are never mixed (default: built)",
    )
    totals.add_argument(
        "--allocation",
        choices=[a.value for a in production.Allocation],
        help="for --by era: figures spanning eras (default: strict)",
    )
    totals.add_argument(
        "--claims",
        choices=[c.value for c in production.Claims],
        default="preferred",
        help="which claim counts where sources disagree",
    )
    totals.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="count only figures whose period starts on or after DATE, e.g. 1967",
    )
    totals.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help="count only figures whose period ends on or before DATE, e.g. 1991-12",
    )
    timeline = command("timeline", _cmd_timeline, "the dated events, of everything or one subject")
    timeline.add_argument("subject", nargs="?", help="a model, variant or plant (default: all)")
    timeline.add_argument("--from", dest="start", metavar="DATE", help="first date, e.g. 1946")
    timeline.add_argument("--to", dest="end", metavar="DATE", help="last date, e.g. 1991-12")
    search = command(
        "search", _cmd_search, "find models, variants, plants and events by name or words"
    )
    search.add_argument("text", help="what to look for, in Latin or Cyrillic script")
    search.add_argument(
        "--limit", type=int, default=10, help="at most this many results, 1 or more (default: 10)"
    )
    conflicts = command(
        "conflicts", _cmd_conflicts, "list every disputed value with its competing sources"
    )
    conflicts.add_argument(
        "--contradictory",
        action="store_true",
        help="only the disputes whose claims cannot all hold (not those compatible as stated)",
    )
    export = command(
        "export",
        _cmd_export,
        "write the data as JSON, CSV, a Frictionless data package or an SQLite database",
        json_output=False,
    )
    export.add_argument(
        "--format",
        choices=["json", "csv", "datapackage", "sqlite"],
        default="json",
        help="json (default), csv (one table), datapackage (-o DIR: datapackage.json and a CSV"
        " per table) or sqlite (-o FILE: a database of every table)",
    )
    export.add_argument(
        "--collection",
        choices=TABLES,
        metavar="TABLE",
        help="for CSV: a collection such as 'models', or a nested list of records such as"
        " 'models.lineage' or 'production.citations' (default: production)",
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    schema = command(
        "schema",
        _cmd_schema,
        "print the JSON Schema of the JSON export, a TOML data file or a --json output",
        json_output=False,
        data=False,
    )
    schema.add_argument(
        "--toml",
        choices=[table for table in TABLES if "." not in table],
        metavar="COLLECTION",
        help="the schema of the data file COLLECTION.toml, e.g. models",
    )
    schema.add_argument(
        "--command",
        dest="command_output",
        choices=schemas.COMMANDS,
        metavar="COMMAND",
        help=f"the schema of 'COMMAND --json': one of {', '.join(schemas.COMMANDS)}",
    )
    schema.add_argument(
        "--table",
        choices=TABLES,
        metavar="TABLE",
        help="the schema of a row of a flat table, as 'export --format csv --collection TABLE'"
        " writes it",
    )
    schema.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    validate = command(
        "validate",
        _cmd_validate,
        "check a data directory and list every problem",
        json_output=False,
        data=False,
    )
    validate.add_argument("path", help="a directory of TOML data files, or a JSON export")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    :param argv: the arguments, without the program name; ``None`` for :data:`sys.argv`.
    :returns: the exit status: 0 on success, 2 on a usage error (a bad option or argument, an
        unknown name), 1 when data is invalid or on any other failure, such as an output file
        that cannot be written.
    """
    for stream in (sys.stdout, sys.stderr):
        # Degrade, never fail, on a terminal that cannot show Cyrillic or typographic signs:
        # characters its encoding lacks are written as escapes such as \u041c.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    try:
        if args.command == "validate":
            return _cmd_validate(args, None)
        if args.command == "schema":
            _cmd_schema(args, None)
            return 0
        catalog = load(args.data)
        args.run(args, catalog)
    except BrokenPipeError:  # e.g. piped into head: the reader has all it wanted
        sys.stderr.close()
    except Exception as error:
        status = next((code for kind, code in _EXIT_STATUS if isinstance(error, kind)), None)
        if status is None:
            raise
        if isinstance(error, DataError):
            print(f"moskvitch: {error}", file=sys.stderr)
        else:
            print(f"moskvitch: error: {_one_line(error)}", file=sys.stderr)
        return status
    return EXIT_OK


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _subject_name(catalog: Catalog, subject_id: str) -> str:
    """A dispute's subject by name: a model, variant or plant, or an engine."""
    if any(engine.id == subject_id for engine in catalog.engines):
        return catalog.engine(subject_id).designation
    return catalog.find(subject_id).name
