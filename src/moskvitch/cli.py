"""The ``moskvitch`` command line (standard library only).

Run ``moskvitch --help`` or ``python -m moskvitch --help``; every command has its own ``--help``.
Every command accepts ``--json`` for machine-readable output. Usage errors (a bad option or
argument) exit with status 2 and a message on standard error; a failed look-up (an unknown
name, with suggestions on standard error), invalid data, and any other failure such as an
unwritable output file or a closed standard output, exit with status 1; an interruption
(SIGINT) exits with status 130. Text output goes through the one terminal renderer
(``moskvitch._terminal``); JSON, exports and schemas are written exactly. See :doc:`/errors`.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from . import _output, _terminal, lineage, production
from . import schema as schemas
from ._files import write_atomically
from ._version import __version__
from .catalog import COLLECTIONS, Catalog
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
from .records import (
    Citation,
    Dispute,
    Engine,
    Event,
    Fact,
    Measure,
    Model,
    Plant,
    ProductionRecord,
    Relation,
    Source,
    SourceKind,
    Variant,
)
from .search import search
from .serialization import to_json
from .tables import TABLES

__all__ = ["EXIT_FAILURE", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
"""The command did its work."""
EXIT_FAILURE = 1
"""The command could not do its work: a name it looked up is unknown (or two models have no
lineage path), the data is invalid, or its output file cannot be written."""
EXIT_USAGE = 2
"""The command line cannot be used: a bad option or argument, or options that clash."""
EXIT_INTERRUPTED = 130
"""The command was interrupted (Ctrl-C, SIGINT): 128 plus the signal's number, as shells do."""


class _UsageError(Exception):
    """An option or argument the command cannot use: exit status 2."""


class _Failure(Exception):
    """The command could not do its work, e.g. write its output file: exit status 1."""


# Every error a command may end with, and its exit status; anything else is a bug and ends in a
# traceback. DataError prints every problem, one per line; the others print one line.
_EXIT_STATUS: tuple[tuple[type[Exception], int], ...] = (
    (_UsageError, EXIT_USAGE),
    (UnknownNameError, EXIT_FAILURE),  # a failed look-up, not a malformed command line
    (NoPathError, EXIT_FAILURE),
    (InvalidQueryError, EXIT_USAGE),
    (InvalidOptionError, EXIT_USAGE),
    (InvalidDateError, EXIT_USAGE),
    (InvalidPeriodError, EXIT_USAGE),
    (DataError, EXIT_FAILURE),
    (_Failure, EXIT_FAILURE),
    (OSError, EXIT_FAILURE),  # e.g. an output file in a missing directory, a full disk
)


#: The width text output is wrapped to: prose lines longer than this continue on the next line,
#: indented under their start. Tables and trees keep their lines whole.
WIDTH = 88


def _wrap(text: str, *, hang: int = 4) -> str:
    """``text`` with each line longer than :data:`WIDTH` wrapped at spaces, its continuation
    indented ``hang`` columns more than the line's own indentation."""
    out = []
    for line in text.split("\n"):
        if len(line) <= WIDTH:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = line[: len(line) - len(body)]
        out.append(
            textwrap.fill(
                body,
                WIDTH,
                initial_indent=indent,
                subsequent_indent=indent + " " * hang,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


def _print_json(data: object) -> None:
    """JSON as text, or with ``\\uXXXX`` escapes on a stream that cannot encode all of Unicode
    (a C or cp1252 locale), so that it stays valid, exact JSON either way."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    print(json.dumps(data, ensure_ascii=not encoding.startswith("utf"), indent=2))


def _table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """Columns padded to their widest cell; numbers (figures) right-aligned."""
    cells = [list(header), *[list(row) for row in rows]]
    # Widths as written to the terminal, where escapes and ASCII spellings may be longer.
    shown = [[_terminal.width(cell) for cell in row] for row in cells]
    widths = [max(row[i] for row in shown) for i in range(len(header))]
    numeric = [all(_is_figure(row[i]) for row in rows) and bool(rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(cells):
        pads = [" " * (width - w) for width, w in zip(widths, shown[index], strict=True)]
        parts = [
            pad + cell if numeric[i] and index else cell + pad
            for i, (cell, pad) in enumerate(zip(row, pads, strict=True))
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
    print("\nWhat the Moskvich-2140 came from ('it' is the model on the line above):\n")
    print(lineage.to_text("2140", up=True, catalog=catalog))
    print(
        "\nMoskvich and KIM vehicles built, by era (other makes built at the plants are left"
        " out;\nsee 'moskvitch totals --help'):\n"
    )
    print(_totals_table(production.totals_by_era(catalog=catalog), "era", catalog))


def _shown(catalog: Catalog, name: str) -> Any:
    """The record ``show`` opens for ``name``: a model, variant or plant by any name first, then
    the id of a source, an engine (or its designation), an event, a fact, a production record
    or a dispute."""
    lookups: tuple[Callable[[str], Any], ...] = (
        catalog.find,
        catalog.source,
        catalog.engine,
        catalog.event,
        catalog.fact,
        catalog.production_record,
        catalog.dispute,
    )
    suggestions: list[str] = []
    for lookup in lookups:
        try:
            return lookup(name)
        except UnknownNameError as error:
            if not suggestions:  # the names of models, variants and plants first
                suggestions = list(error.suggestions)
    raise UnknownNameError("record", name, suggestions)


def _cmd_show(args: argparse.Namespace, catalog: Catalog) -> None:
    record = _shown(catalog, args.name)
    if args.json:
        data = _output.record(record)
        if isinstance(record, Model | Variant | Plant | Engine):
            if not isinstance(record, Engine):
                data["production_records"] = [
                    _output.record(r) for r in catalog.production_of(record.id)
                ]
            data["facts"] = [_output.record(f) for f in catalog.facts_of(record.id)]
        elif isinstance(record, Source):
            data["cited_by"] = [
                {"type": _output.type_name(type(r)), "id": r.id} for r in catalog.cited_by(record)
            ]
        _print_json(data)
        return
    if isinstance(record, Model | Variant | Plant):
        lines = _show_subject(catalog, record)
    else:
        lines = _SHOW[type(record)](catalog, record)
    print(_wrap("\n".join(lines)))


def _show_subject(catalog: Catalog, record: Model | Variant | Plant) -> list[str]:
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
            lines.append(
                f"  built at: {_plants_then(catalog, record.plants, _dated(catalog, record))}"
            )
        for engine_id in record.engines:
            engine = catalog.engine(engine_id)
            specs = [
                f"{engine.displacement} cc" if engine.displacement else "",
                f"{engine.power} hp" if engine.power else "",
                engine.fuel or "",
            ]
            detail = ", ".join(s for s in specs if s)
            lines.append(
                f"  engine: {engine.designation}"
                + (f" ({detail})" if detail else "")
                + f"  [{engine.id}]"
            )
            lines += _inferred(engine.inference, "    ")
            lines += [f"    {_fact_line(f)}  [{f.id}]" for f in catalog.facts_of(engine.id)]
        for link in record.lineage:
            lines.append(
                f"  {link.relation.value.replace('-', ' ')}: {catalog.model(link.target).name}"
            )
            lines += _inferred(link.inference, "    ")
        for variant in catalog.variants_of(record.id):
            lines.append(f"  variant: {variant.name}")
    elif isinstance(record, Variant):
        lines.append(f"  variant of: {catalog.model(record.model).name}")
        if record.production is not None:
            lines.append(f"  production: {record.production}")
        model = catalog.model(record.model)
        if model.plants:
            when = _dated(catalog, record) or _dated(catalog, model)
            lines.append(f"  built at: {_plants_then(catalog, model.plants, when)}")
    elif isinstance(record, Plant):
        lines.append(f"  {record.city}, {record.country}")
        for name in record.name_history:
            lines.append(f"  name {name.period}: {name.name}")
            lines += _inferred(name.inference, "    ")
        for owner in record.owners:
            stake = f" ({owner.stake_percent}%)" if owner.stake_percent else ""
            lines.append(f"  {owner.role.value} {owner.period}: {owner.owner}{stake}")
            lines += _inferred(owner.inference, "    ")
    for figure in catalog.production_of(record.id):
        mark = "" if figure.preferred else " (alternative claim)"
        lines.append(
            f"  {figure.measure.value} {figure.period}: {figure.figure}"
            f"{'' if figure.unit.value == 'vehicles' else ' ' + figure.unit.value}{mark}"
            f"  [{figure.id}]"
        )
        lines += _inferred(figure.inference, "    ")
        span = record.production if isinstance(record, Model | Variant) else None
        if figure.preferred and figure.note and span is not None and _outside(figure.period, span):
            # A preferred figure whose span runs past the model's says why, where it is printed.
            lines.append(f"    (runs past the production span {span}: {figure.note})")
    for fact in catalog.facts_of(record.id):
        lines.append(f"  {_fact_line(fact)}  [{fact.id}]")
        lines += _inferred(fact.inference, "    ")
    if record.note:
        lines.append(f"  note: {record.note}")
    lines += _sources(catalog, record.citations)
    return lines


def _dated(catalog: Catalog, record: Model | Variant) -> tuple[Period, str] | None:
    """When a model or variant was around, and how that is known: its production span, else
    the span of its recorded events."""
    if record.production is not None:
        return record.production, "during the production"
    events = catalog.timeline(record.id)
    if not events:
        return None
    return Period(events[0].date, events[-1].date), "at the recorded events"


def _plants_then(
    catalog: Catalog, plant_ids: Iterable[str], dated: tuple[Period, str] | None
) -> str:
    """The plants by the names they carried during a record's span (:meth:`Plant.name_on`)."""
    shown = []
    when, why = (None, "") if dated is None else dated
    for plant_id in plant_ids:
        plant = catalog.plant(plant_id)
        if not plant.name_history:
            names = [plant.name]
        elif when is None:
            names = []
        else:  # every name it carried while the record was current
            names = list(plant.names_during(when))
        if names:
            called = "its name" if len(names) == 1 else "its names"
            dates = "" if when is None or not plant.name_history else f"; {called} {why}, {when}"
            shown.append(f"{', then '.join(names)} ({plant.city}{dates}) [{plant.id}]")
        elif when is None:
            shown.append(
                f"the plant at {plant.city} (no date recorded for this record) [{plant.id}]"
            )
        else:
            shown.append(f"the plant at {plant.city} (no name recorded for {when}) [{plant.id}]")
    return "; ".join(shown)


def _sources(catalog: Catalog, citations: Iterable[Citation], indent: str = "  ") -> list[str]:
    return [
        f"{indent}source: {_source_line(catalog.source(source_id))}"
        for source_id in dict.fromkeys(c.source for c in citations)
    ]


def _subject_line(catalog: Catalog, subject_id: str, date: PartialDate | None = None) -> str:
    """A subject by name and id; a plant by the name it carried on ``date``."""
    if any(engine.id == subject_id for engine in catalog.engines):
        return f"{catalog.engine(subject_id).designation} [engine {subject_id}]"
    record = catalog.find(subject_id)
    name = record.name
    if isinstance(record, Plant) and date is not None:
        name = record.name_on(date) or name
    return f"{name} [{type(record).__name__.lower()} {subject_id}]"


def _footer(catalog: Catalog, record: Any) -> list[str]:
    lines = _inferred(getattr(record, "inference", None), "  ")
    if getattr(record, "note", None):
        lines.append(f"  note: {record.note}")
    return lines + _sources(catalog, record.citations)


#: How ``show`` labels a source's fields; any other field is shown under its own name.
_SOURCE_LABELS = {"description": "what it is", "found_in": "found in"}
#: The fields ``show`` prints on its own lines (kind and address) or not at all.
_SOURCE_OWN_LINES = ("id", "title", "kind", "seed", "url", "accessed")


def _show_source(catalog: Catalog, source: Source) -> list[str]:
    origin = "one of the documents the data was first built from" if source.seed else "found later"
    lines = [
        f"{source.title}  [source {source.id}]",
        f"  kind: {_SOURCE_KINDS[source.kind]} ({origin})",
    ]
    if source.url is None:
        lines.append("  address: none recorded")
    else:
        read = f" (read {source.accessed})" if source.accessed is not None else ""
        lines.append(f"  address: {source.url}{read}")
    for field in attrs.fields(Source):
        value = getattr(source, field.name)
        if field.name in _SOURCE_OWN_LINES or value in (None, ""):
            continue
        lines.append(f"  {_SOURCE_LABELS.get(field.name, field.name.replace('_', ' '))}: {value}")
    citing = catalog.cited_by(source)
    by_type: dict[str, list[str]] = {}
    for record in citing:
        by_type.setdefault(_output.type_name(type(record)).replace("_", " "), []).append(record.id)
    lines.append(f"  cited by {len(citing)} record{'' if len(citing) == 1 else 's'}:")
    for kind, ids in by_type.items():
        lines += textwrap.wrap(
            f"{kind}: {', '.join(ids)}", 100, initial_indent="    ", subsequent_indent="      "
        )
    return lines


def _show_engine(catalog: Catalog, engine: Engine) -> list[str]:
    lines = [f"{engine.designation}  [engine {engine.id}]"]
    for label, value, unit in (
        ("displacement", engine.displacement, " cc"),
        ("power", engine.power, " hp"),
        ("fuel", engine.fuel, ""),
        ("cylinders", engine.cylinders, ""),
    ):
        if value is not None:
            lines.append(f"  {label}: {value}{unit}")
    fitted = [m for m in catalog.models if engine.id in m.engines]
    if fitted:
        lines.append(f"  fitted to: {', '.join(f'{m.name} [{m.id}]' for m in fitted)}")
    lines += [f"  {_fact_line(f)}  [{f.id}]" for f in catalog.facts_of(engine.id)]
    return lines + _footer(catalog, engine)


def _show_event(catalog: Catalog, event: Event) -> list[str]:
    lines = [f"{event.date}  {event.summary}  [event {event.id}]", f"  kind: {event.kind.value}"]
    lines += [f"  about: {_subject_line(catalog, s, event.date)}" for s in event.subjects]
    return lines + _footer(catalog, event)


def _show_fact(catalog: Catalog, fact: Fact) -> list[str]:
    lines = [f"{fact.topic}  [fact {fact.id}]", f"  about: {_subject_line(catalog, fact.subject)}"]
    lines.append(f"  {_fact_line(fact)}")
    return lines + _footer(catalog, fact)


def _show_figure(catalog: Catalog, figure: ProductionRecord) -> list[str]:
    unit = "" if figure.unit.value == "vehicles" else f" {figure.unit.value}"
    lines = [
        f"{figure.measure.value} {figure.period}: {figure.figure}{unit}"
        f"  [production record {figure.id}]",
        f"  about: {_subject_line(catalog, figure.subject)}",
    ]
    if figure.plant is not None:
        plant = catalog.plant(figure.plant)
        start = figure.period.start
        name = (plant.name_on(start) if start is not None else None) or plant.name
        lines.append(f"  plant: {name} [plant {plant.id}]")
    if figure.alternative_to is not None:
        lines.append(f"  an alternative claim to: {figure.alternative_to}")
    rivals = [r.id for r in catalog.production if r.alternative_to == figure.id]
    if rivals:
        lines.append(f"  competing claims: {', '.join(rivals)}")
    return lines + _footer(catalog, figure)


def _show_dispute(catalog: Catalog, dispute: Dispute) -> list[str]:
    verdict = "compatible as stated" if dispute.consistent else "contradictory"
    state = "decided" if dispute.decided else "undecided"
    lines = [
        f"{dispute.topic}  [dispute {dispute.id}]",
        f"  about: {_subject_line(catalog, dispute.subject)}",
        f"  {verdict}; {state} (* marks the preferred claim)",
    ]
    for claim in dispute.claims:
        sources = ", ".join(dict.fromkeys(c.source for c in claim.citations))
        record = f" (production record {claim.record})" if claim.record else ""
        lines.append(f"  {'*' if claim.preferred else ' '} {claim.value}  [{sources}]{record}")
        if claim.note:
            lines.append(f"      {'why' if claim.preferred else 'note'}: {claim.note}")
        lines += _inferred(claim.inference, "      ")
    if dispute.note:
        lines.append(f"  note: {dispute.note}")
    return lines


_SHOW: dict[type, Callable[[Catalog, Any], list[str]]] = {
    Source: _show_source,
    Engine: _show_engine,
    Event: _show_event,
    Fact: _show_fact,
    ProductionRecord: _show_figure,
    Dispute: _show_dispute,
}


def _outside(period: Period, span: Period) -> bool:
    """Whether ``period`` runs before or past ``span`` (an open end of ``span`` never ends)."""
    early = span.start is not None and period.earliest() < span.earliest()
    late = span.end is not None and period.latest() > span.latest()
    return early or late


_SOURCE_KINDS = {
    SourceKind.ARTICLE: "article",
    SourceKind.REFERENCE: "entry of the article's reference list",
    SourceKind.NEWS: "news item",
    SourceKind.PAGE: "public page",
}


def _source_line(source: Source) -> str:
    """A source as ``show`` prints it: its title and id, what sort of document it is, whether
    it is one the data was first built from, and the address with the day it was read."""
    origin = "" if source.seed else ", found later"
    line = f"{source.title} [{source.id}] ({_SOURCE_KINDS[source.kind]}{origin})"
    if source.url is not None:
        read = f" (read {source.accessed})" if source.accessed is not None else ""
        line += f": {source.url}{read}"
    return line


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


def _trees(
    catalog: Catalog, model: Model, direction: str, relations: Sequence[Relation] | None
) -> str:
    """The headed text trees of ``lineage``: what the model came from, what came after it."""
    from . import lineage

    only = "" if not relations else f" ({', '.join(r.value for r in relations)} links only)"
    headings = {
        True: f"What the {model.name} came from",
        False: f"What came after the {model.name}",
    }
    parts = []
    for up in {"up": (True,), "down": (False,), "both": (True, False)}[direction]:
        tree = lineage.to_text(model, up=up, relations=relations, catalog=catalog)
        if "\n" not in tree:
            tree += "\n    (none recorded)"
        parts.append(f"{headings[up]}{only}:\n{tree}")
    return "\n\n".join(parts)


def _cmd_lineage(args: argparse.Namespace, catalog: Catalog) -> None:
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
        print(_trees(catalog, model, direction, relations))


def _up_words(relation: Relation) -> str:
    return lineage.tree_phrase(relation, up=True)


#: ``lineage --help``: how to read a tree and a diagram.
LINEAGE_HELP = "\n".join(
    [
        *textwrap.wrap(lineage.TREE_NOTATION, 92),
        "",
        "How each --relation reads, going up and going down:",
        *(
            f"  {r.value:<18}  up: {_up_words(r)}; down: {lineage.tree_phrase(r, up=False)}"
            for r in Relation
        ),
        "",
        *textwrap.wrap(
            "In --format dot and mermaid, every arrow leaves a model and points at the model it"
            " came from, labelled with the relation: 'A -> B [rebadge-of]' reads 'A is a"
            " rebadge of B'. Older models are at the top.",
            92,
        ),
    ]
)

#: How figures are written, for the tables' footnote and ``totals --help``.
NOTATION = (
    "Figures: ≈ about; ≥ at least; ≤ at most; ≳ at least about; ≲ at most about;"
    " a–b between a and b; =n exactly n (a round number the source gives as exact);"
    " - no figure in the data."
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
A row is a range: from what lies wholly inside it up to that plus the most each unallocated
figure that overlaps it ([1], [2], ... in the last column) may hold.
A year marked "(part)" has figures for only part of that year, such as one month.
'total' adds up every figure, whichever breakdown is shown.

Totals count the brand's own line, Moskvich and KIM vehicles, by default. --make all adds
every other make built at the plants (the Renault cars, chiefly Logans, built on the Moscow
site from 2005) on a line of its own, which the total leaves out; --make Renault counts one
make.
Figures of different kinds (a plan for a year's output, a proposed export shipment) are never
added: they are listed; --kind picks one kind to add.
With --from/--to, a figure inside the window counts whole; one that overlaps it only in part
counts from 0 (or from its breakdowns inside the window) up to its whole figure, and is named.
"""


def _era_label(name: str) -> str:
    """An era's name with its years: ``post-war (1946–1966)``."""
    era = next((era for era in production.DEFAULT_ERAS if era.name == name), None)
    if era is None:
        return name
    start, end = era.period.start, era.period.end
    if end is None:
        return f"{name} (from {start})"
    return f"{name} ({start}–{end})"


def _row_label(row: production.Total, by: str, catalog: Catalog) -> str:
    if by == "era":
        return _era_label(row.label)
    if by in ("model", "plant"):
        return catalog.find(row.label).name
    return f"{row.label} (part)" if row.partial else row.label


def _makes_text(makes: Sequence[str]) -> str:
    return " and ".join(makes) if len(makes) <= 2 else ", ".join(makes)


def _stated(part: production.Part) -> Figure:
    """A part's figure as its records state it (the envelope of competing claims)."""
    return Figure.envelope(r.figure for r in part.records or (part.record,))


def _totals_table(totals: production.Totals, by: str, catalog: Catalog) -> str:
    if totals.grand_total.unlike:
        return _unlike_text(totals)
    loose = list(totals.unallocated.parts)
    marks = {id(part): f"[{i}]" for i, part in enumerate(loose, 1)}

    def overlapped(row: production.Total) -> str:
        return " ".join(marks.get(id(part), "") for part in row.overlapping).strip()

    rows: list[tuple[str, ...]] = [
        (
            _row_label(row, by, catalog),
            _figure(row.figure),
            str(len(row.records)),
            overlapped(row),
        )
        for row in totals.rows
    ]
    if totals.unallocated.figure is not None:
        rows.append(
            (
                "(unallocated)",
                _figure(totals.unallocated.figure),
                str(len(totals.unallocated.records)),
                "",
            )
        )
    makes = _makes_text(totals.makes)
    rows.append(
        (
            f"total ({makes})" if totals.makes else "total",
            _figure(totals.grand_total.figure),
            str(len(totals.grand_total.records)),
            "",
        )
    )
    for line in totals.other_makes:
        rows.append(
            (f"{line.label} (not in the total)", _figure(line.figure), str(len(line.records)), "")
        )
    header: tuple[str, ...] = ("", totals.measure.value, "records", "overlapped by")
    if not any(row[3] for row in rows):
        rows = [row[:3] for row in rows]
        header = header[:3]
    table = _table(rows, header)
    lines = [NOTATION]
    if totals.makes:
        lines.append(
            f"Counts {makes} vehicles only"
            + (
                "; other makes are on lines of their own."
                if totals.other_makes
                else "; other makes built at the plants are left out (--make all shows them)."
            )
        )
    if any(row.overlapping for row in totals.rows):
        lines.append(
            "A row with [n] is a range: what lies wholly inside it, up to that plus the most"
            " the unallocated figure [n] may hold."
        )
    if loose:
        lines.append(f"(unallocated): figures no row can hold, as each {UNALLOCATED[by]}:")
        for index, part in enumerate(loose, 1):
            lines.append(f"  [{index}] {part.record.id} ({part.record.period}): {_part_text(part)}")
    lines.extend(f"warning: {overrun}" for overrun in totals.overruns)
    return table + "\n\n" + _wrap("\n".join(lines))


def _unlike_text(totals: production.Totals) -> str:
    parts = totals.grand_total.unlike
    kinds = sorted({part.record.kind or "kind not stated" for part in parts})
    lines = [
        _wrap(
            f"{totals.measure.value} figures of different kinds ({', '.join(kinds)}) are not"
            " added up; each as its source gives it:"
        )
    ]
    rows = [
        (part.record.id, str(part.record.period), part.record.kind or "-", str(_stated(part)))
        for part in parts
    ]
    lines.append(_table(rows, ("record", "period", "kind", totals.measure.value)))
    lines.append("")
    lines.append(f"Add one kind with --kind, e.g. --kind {kinds[0]!r}.")
    return "\n".join(lines)


def _part_text(part: production.Part) -> str:
    if part.kind is production.PartKind.PARTIAL:
        text = f"{part.figure} (its {_stated(part)} overlaps the window in part)"
        return text if not part.less else f"{text[:-1]}; less {len(part.less)} counted above)"
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
        "make": args.make,
        "kind": args.kind,
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
                "makes": list(totals.makes),
                "rows": [_total_json(row) for row in totals.rows],
                "unallocated": _total_json(totals.unallocated),
                "total": _total_json(totals.grand_total),
                "other_makes": [_total_json(line) for line in totals.other_makes],
                "overruns": [str(overrun) for overrun in totals.overruns],
            }
        )
        return
    print(_totals_table(totals, args.by, catalog))
    if start is None and end is None:
        return
    window = f"{start or '..'} to {end or '..'}"
    lines = [totals.grand_total, *totals.other_makes]
    partial = [p for line in lines for p in line.parts if p.kind is production.PartKind.PARTIAL]
    if not any(line.parts or line.unlike for line in lines):
        print(f"No {totals.measure.value} figure overlaps the window {window}.")
        return
    print(f"Figures dated within {window} count whole.")
    if partial:
        count = "1 figure overlaps" if len(partial) == 1 else f"{len(partial)} figures overlap"
        named = ", ".join(f"{p.record.period} {_stated(p)}" for p in partial)
        print(
            _wrap(
                f"{count} the window in part: {named}; each counts from 0 (or from its"
                " breakdowns inside the window) up to its whole figure."
            )
        )


def _part_json(part: production.Part) -> dict[str, Any]:
    return {
        "record": part.record.id,
        "kind": part.kind.value,
        "figure": _output.figure(part.figure),
        "less": list(part.less),
    }


def _total_json(total: production.Total) -> dict[str, Any]:
    return {
        "label": total.label,
        "figure": _output.figure(total.figure),
        "inside": _output.figure(total.inside),
        "records": [r.id for r in total.records],
        "partial": total.partial,
        "parts": [_part_json(part) for part in total.parts],
        "overlapping": [part.record.id for part in total.overlapping],
        "unlike": [_part_json(part) for part in total.unlike],
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
            line = f"{event.date!s:<{width}}  {event.summary}{plan}  [{event.id}]"
            print(_wrap(line, hang=width + 2))


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
        _print_json(
            [
                {**_output.record(d), "consistent": d.consistent, "verdict": d.verdict}
                for d in disputes
            ]
        )
        return
    for dispute in disputes:
        name = _subject_name(catalog, dispute.subject)
        lines = [
            f"{name} ({dispute.subject}) - {dispute.topic} [{dispute.verdict}]  [{dispute.id}]"
        ]
        for claim in dispute.claims:
            sources = ", ".join(c.source for c in claim.citations)
            mark = "*" if claim.preferred else " "
            lines.append(f"  {mark} {claim.value}  [{sources}]")
            if claim.scope:
                lines.append(f"      scope: {claim.scope}")
            if claim.limit is not None:
                reason = f" ({claim.limit_reason})" if claim.limit_reason else ""
                lines.append(f"      limited by its own sources to {claim.limit}{reason}")
            if claim.preferred and claim.note:
                lines.append(f"      why: {claim.note}")
        print(_wrap("\n".join(lines)) + "\n")
    scoped = sum(d.verdict == "compatible: different scopes" for d in disputes)
    compatible = sum(d.consistent for d in disputes) - scoped
    print(
        _wrap(
            f"{len(disputes)} disputed values: {len(disputes) - compatible - scoped} contradictory,"
            f" {compatible} compatible as stated (the claims differ but could all hold),"
            f" {scoped} compatible as scoped (the claims state different things);"
            " * marks the preferred claim"
        )
    )


def _cmd_export(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.json:
        if args.format not in (None, "json"):
            raise _UsageError(
                f"--json and --format {args.format} cannot be used together; choose one"
            )
        args.format = "json"
    args.format = args.format or "json"
    if args.format in ("datapackage", "sqlite"):
        _export_files(args, catalog)
        return
    if args.format == "json" and args.collection is not None:
        if args.collection not in COLLECTIONS:
            raise _UsageError(
                f"--collection {args.collection} is a CSV table; for JSON, choose a collection:"
                f" {', '.join(COLLECTIONS)}"
            )
        from .serialization import to_dict

        text = json.dumps(
            {args.collection: to_dict(catalog)[args.collection]}, ensure_ascii=False, indent=2
        )
        _write(args.output, text + "\n")
        return
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
        if args.json:
            problems = [
                {
                    "file": p.file,
                    "line": p.line,
                    "collection": p.collection,
                    "index": p.index,
                    "record": p.record,
                    "path": p.path,
                    "message": p.message,
                }
                for p in error.problems
            ]
            _print_json({"path": args.path, "valid": False, "counts": None, "problems": problems})
        else:
            print(str(error), file=sys.stderr)
        return EXIT_FAILURE
    counts = {name: len(getattr(catalog, name)) for name in COLLECTIONS}
    if args.json:
        _print_json({"path": args.path, "valid": True, "counts": counts, "problems": []})
    else:
        listed = ", ".join(f"{count:,} {_plural(name, count)}" for name, count in counts.items())
        print(_wrap(f"{args.path}: valid, no problems: {listed}"))
    return EXIT_OK


def _plural(collection: str, count: int) -> str:
    """A collection's records named for a count: ``1 model``, ``48 production records``."""
    name = "production record" if collection == "production" else collection.removesuffix("s")
    return name if count == 1 else f"{name}s"


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
    show = command(
        "show",
        _cmd_show,
        "show a model, variant or plant with its figures and sources, or any other record"
        " by the id other commands print: a source, engine, event, fact, production record"
        " or dispute",
    )
    show.add_argument(
        "name",
        type=_text,
        help="any name, alias or id, e.g. 412, Москвич-412, ref-19, uzam-412 or"
        " 1946-first-moskvich-400",
    )
    tree = command("lineage", _cmd_lineage, "show a model's ancestors and descendants as a tree")
    tree.epilog = LINEAGE_HELP
    tree.formatter_class = argparse.RawDescriptionHelpFormatter
    tree.add_argument("name", type=_text, help="a model's name, alias or id")
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
        type=_text,
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
        "--make",
        action="append",
        metavar="MAKE",
        help="count this make: 'brand' (default: Moskvich and KIM), 'all' (other makes on lines"
        " of their own), or a make such as Renault; repeat for several",
    )
    totals.add_argument(
        "--kind",
        metavar="KIND",
        help="add only figures of this kind, e.g. 'output' or 'export shipment' for --measure"
        " planned (default: figures of different kinds are listed, not added)",
    )
    totals.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="count figures from DATE on, e.g. 1967 (those reaching before it in part)",
    )
    totals.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help="count figures up to DATE, e.g. 1991-12 (those reaching after it in part)",
    )
    timeline = command("timeline", _cmd_timeline, "the dated events, of everything or one subject")
    timeline.add_argument(
        "subject", nargs="?", type=_text, help="a model, variant or plant (default: all)"
    )
    timeline.add_argument("--from", dest="start", metavar="DATE", help="first date, e.g. 1946")
    timeline.add_argument("--to", dest="end", metavar="DATE", help="last date, e.g. 1991-12")
    search = command(
        "search", _cmd_search, "find models, variants, plants and events by name or words"
    )
    search.add_argument("text", type=_text, help="what to look for, in Latin or Cyrillic script")
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
    )
    export.add_argument(
        "--format",
        choices=["json", "csv", "datapackage", "sqlite"],
        help="json (default), csv (one table), datapackage (-o DIR: datapackage.json and a CSV"
        " per table) or sqlite (-o FILE: a database of every table)",
    )
    export.add_argument(
        "--collection",
        choices=TABLES,
        metavar="TABLE",
        help="only this collection, such as 'models'; for CSV also a nested list of records"
        " such as 'models.lineage' or 'production.citations' (CSV default: production;"
        " JSON default: everything)",
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    schema = command(
        "schema",
        _cmd_schema,
        "print the JSON Schema of the JSON export, a TOML data file or a --json output",
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
        data=False,
    )
    validate.add_argument("path", help="a directory of TOML data files, or a JSON export")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    :param argv: the arguments, without the program name; ``None`` for :data:`sys.argv`.
    :returns: the exit status: 0 on success, 2 on a usage error (a bad option or argument),
        1 on a failed look-up (an unknown name), when data is invalid, or on any other failure,
        such as an output file that cannot be written or a closed standard output, 130 when
        interrupted (SIGINT).
    """
    streams = sys.stdout, sys.stderr
    try:
        return _main(argv)
    except KeyboardInterrupt:
        sys.stdout, sys.stderr = streams
        if sys.stderr is not None:
            print("moskvitch: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: Sequence[str] | None) -> int:
    raw, errors = sys.stdout, sys.stderr
    for stream in (sys.stdout, sys.stderr):
        # Degrade, never fail, on a terminal that cannot show Cyrillic or typographic signs:
        # characters its encoding lacks are written as escapes such as \u041c.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    # Text for readers goes through the one terminal renderer (see moskvitch._terminal):
    # errors and help at once, standard output unless the command writes data (below).
    if sys.stderr is not None:
        sys.stderr = _terminal.TerminalStream(sys.stderr)
    if raw is not None:
        sys.stdout = _terminal.TerminalStream(raw)
    args = _parser().parse_args(argv)
    writes_data = getattr(args, "json", False) or args.command in ("export", "schema")
    if writes_data:
        sys.stdout = raw  # JSON, CSV and schemas stay exact
    try:
        if raw is None and getattr(args, "output", None) is None:
            raise _Failure("standard output is closed: nothing can be written (see --output)")
        if args.command == "validate":
            return _cmd_validate(args, None)
        if args.command == "schema":
            _cmd_schema(args, None)
            return 0
        catalog = load(args.data)
        args.run(args, catalog)
        if sys.stdout is not None:
            sys.stdout.flush()  # a write error (a full disk) ends here, not at exit
    except BrokenPipeError:  # e.g. piped into head: the reader has all it wanted
        if errors is not None:
            errors.close()
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


def _text(value: str) -> str:
    """An argument that is text (a name, a query), as the user typed it.

    Under a locale that is not UTF-8 (``LC_ALL=C``), Python decodes arguments as ASCII and
    keeps each other byte as a surrogate escape: the bytes are recovered as the file system
    encoding would write them (:func:`os.fsencode`) and read as UTF-8. Paths are left as
    given, so that they still name their files.
    """
    if value.isascii() or not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    import os

    try:
        return os.fsencode(value).decode("utf-8")
    except UnicodeError:
        return value


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _subject_name(catalog: Catalog, subject_id: str) -> str:
    """A dispute's subject by name: a model, variant or plant, or an engine."""
    if any(engine.id == subject_id for engine in catalog.engines):
        return catalog.engine(subject_id).designation
    return catalog.find(subject_id).name
