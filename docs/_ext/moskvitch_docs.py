"""Sphinx extension for the moskvitch docs.

- Generates the data pages (models, plants, timeline, conflicts, sources), the lineage diagram
  source and the production chart from the shipped catalog at build time, so they never drift.
- Writes small local intersphinx inventories: the build runs without network access, so the
  external objects the docs refer to are listed here with their public addresses.
- Resolves ``moskvitch.<module>.<Name>`` references to ``moskvitch.<Name>``, where every public
  class is documented.
"""

from __future__ import annotations

import itertools
import re
import typing
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import moskvitch
from moskvitch import lineage, production
from moskvitch.dates import Period

HERE = Path(__file__).resolve().parent.parent
GENERATED = HERE / "generated"

# name, role, address (relative to the project's root URL)
INVENTORIES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python": (
        "Python",
        "3.11",
        [
            # Checked against the real inventory of the Python 3.11 documentation: the built-in
            # types are described on stdtypes.html, the other classes on functions.html.
            *(
                (name, "py:class", f"library/functions.html#{name}")
                for name in ("int", "bool", "float", "object", "type")
            ),
            *(
                (name, "py:class", f"library/stdtypes.html#{name}")
                for name in ("str", "tuple", "list", "dict", "range", "bytes", "set", "frozenset")
            ),
            *(
                (name, "py:function", f"library/functions.html#{name}")
                for name in ("len", "iter", "sorted")
            ),
            *(
                (name, "py:exception", f"library/exceptions.html#{name}")
                for name in (
                    "ValueError",
                    "LookupError",
                    "TypeError",
                    "KeyError",
                    "Exception",
                    "RecursionError",
                    "OSError",
                    "FileExistsError",
                    "PermissionError",
                )
            ),
            ("None", "py:data", "library/constants.html#None"),
            ("decimal.Decimal", "py:class", "library/decimal.html#decimal.Decimal"),
            ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
            (
                "importlib.resources.abc.Traversable",
                "py:class",
                "library/importlib.resources.abc.html#importlib.resources.abc.Traversable",
            ),
            ("datetime.date.min", "py:attribute", "library/datetime.html#datetime.date.min"),
            ("datetime.date.max", "py:attribute", "library/datetime.html#datetime.date.max"),
            ("json.dumps", "py:function", "library/json.html#json.dumps"),
            ("sqlite3", "py:module", "library/sqlite3.html#module-sqlite3"),
            ("sys.argv", "py:data", "library/sys.html#sys.argv"),
            ("os.PathLike", "py:class", "library/os.html#os.PathLike"),
            ("enum.StrEnum", "py:class", "library/enum.html#enum.StrEnum"),
            ("typing.Any", "py:data", "library/typing.html#typing.Any"),
            ("typing.Self", "py:data", "library/typing.html#typing.Self"),
            *(
                (
                    f"collections.abc.{name}",
                    "py:class",
                    f"library/collections.abc.html#collections.abc.{name}",
                )
                for name in (
                    "Iterable",
                    "Iterator",
                    "Sequence",
                    "Mapping",
                    "Callable",
                    "Collection",
                )
            ),
        ],
    ),
    "attrs": (
        "attrs",
        "25",
        [
            ("attrs.frozen", "py:function", "api.html#attrs.frozen"),
            ("attrs.define", "py:function", "api.html#attrs.define"),
        ],
    ),
    "cattrs": (
        "cattrs",
        "25",
        [
            ("cattrs.Converter", "py:class", "cattrs.html#cattrs.Converter"),
            (
                "cattrs.Converter.structure",
                "py:method",
                "cattrs.html#cattrs.BaseConverter.structure",
            ),
            ("cattrs.transform_error", "py:function", "cattrs.html#cattrs.transform_error"),
        ],
    ),
    "hypothesis": (
        "Hypothesis",
        "6",
        [
            (
                "hypothesis.strategies.SearchStrategy",
                "py:class",
                "reference/strategies.html#hypothesis.strategies.SearchStrategy",
            ),
            (
                "hypothesis.strategies.DrawFn",
                "py:class",
                "reference/strategies.html#hypothesis.strategies.DrawFn",
            ),
            (
                "hypothesis.strategies.composite",
                "py:function",
                "reference/strategies.html#hypothesis.strategies.composite",
            ),
            (
                "hypothesis.strategies.from_type",
                "py:function",
                "reference/strategies.html#hypothesis.strategies.from_type",
            ),
            (
                "hypothesis.strategies.register_type_strategy",
                "py:function",
                "reference/strategies.html#hypothesis.strategies.register_type_strategy",
            ),
        ],
    ),
}


def write_inventories(directory: Path) -> dict[str, Path]:
    """Write one ``objects.inv`` per project into ``directory``; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, (project, version, entries) in INVENTORIES.items():
        header = (
            "# Sphinx inventory version 2\n"
            f"# Project: {project}\n# Version: {version}\n"
            "# The remainder of this file is compressed using zlib.\n"
        )
        body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in entries)
        path = directory / f"{key}.inv"
        path.write_bytes(header.encode() + zlib.compress(body.encode()))
        paths[key] = path
    return paths


# -- generated pages ---------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]], *, raw: bool = False) -> str:
    """A list-table, which copes with long cells and Cyrillic text.

    With ``raw``, cells are reST as they are (links); otherwise plain text, escaped.
    """
    cell = (lambda text: text or "\\-") if raw else _cell
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in [header, *rows]:
        lines.append(f"   * - {cell(row[0])}")
        lines += [f"     - {cell(text)}" for text in row[1:]]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("*", r"\*").replace("`", "'").replace("|", r"\|")
    return _readers(text.replace("_", r"\_")) or "\\-"


# Notes in the data send readers to "the conflicts list"; on these pages that is a link.
def _readers(text: str) -> str:
    return text.replace("the conflicts list", ":doc:`the conflicts list </generated/conflicts>`")


def _page(title: str, intro: str, body: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n{intro}\n\n{body}"


def _sources_ref(citations: Any) -> str:
    """Links to the Sources page for each cited source, each id once, in citation order."""
    ids = dict.fromkeys(c.source for c in citations)
    return ", ".join(f":ref:`{i} <source-{i}>`" for i in ids)


def _span(period: Period) -> str:
    """A period in words: ``1946-12-04 to 1954``, ``until 2001``, ``from 2022-11-23``."""
    if period.start is not None and period.start == period.end:
        return str(period.start)
    if period.start is None:
        return f"until {period.end}"
    if period.end is None:
        return f"from {period.start}"
    return f"{period.start} to {period.end}"


def _model_ref(model: Any) -> str:
    return f":ref:`{_text(model.name)} <model-{model.id}>`"


def _text(text: str) -> str:
    """Text for a paragraph or list item: one line, with reST's special characters escaped."""
    text = " ".join(text.split())
    for char in "\\*`|_":
        text = text.replace(char, "\\" + char)
    return _readers(text)


def _fact_text(fact: Any) -> str:
    value = " ".join(
        part
        for part in (
            "" if fact.figure is None else f"{fact.figure} {fact.unit or ''}".strip(),
            "" if fact.text is None else (f"({fact.text})" if fact.figure else fact.text),
        )
        if part
    )
    when = f" ({fact.date})" if fact.date is not None else ""
    hedge = " *(the source hedges this)*" if fact.uncertain else ""
    return f"{_text(fact.topic)}{when}: {_text(value)}{hedge}"


def _inference(record: Any) -> str:
    if getattr(record, "inference", None):
        return f" *(curators' inference: {_text(record.inference)})*"
    return ""


def _model_section(catalog: moskvitch.Catalog, model: Any) -> str:
    """Everything the data holds about one model, with links to its neighbours and sources."""
    cited: list[Any] = list(model.citations)
    out = [f".. _model-{model.id}:", "", _text(model.name), "-" * len(_text(model.name)), ""]
    facts = [f"**Make:** {_text(model.make)}", f"**kind:** {model.kind.value}"]
    if model.body_style:
        facts.append(f"**body:** {model.body_style.value}")
    if model.layout:
        facts.append(f"**layout:** {model.layout.value}")
    if model.production:
        facts.append(f"**built:** {_span(model.production)}")
    if model.plants:
        names = ", ".join(_plant_then(catalog.plant(p), model.production) for p in model.plants)
        facts.append(f"**plants:** {names}")
    out += ["; ".join(facts) + ".", ""]
    if model.aliases:
        out += [f"**Also known as:** {_text(', '.join(model.aliases))}.", ""]
    if model.note:
        out += [_text(model.note) + _inference(model), ""]
    elif model.inference:
        out += [_inference(model).strip(), ""]

    def bullets(title: str, items: list[str]) -> None:
        if items:
            out.extend([f"**{title}**", "", *[f"- {item}" for item in items], ""])

    engines = []
    for engine_id in model.engines:
        engine = catalog.engine(engine_id)
        cited += engine.citations
        details = [
            f"{engine.displacement} cc" if engine.displacement else "",
            f"{engine.power} hp" if engine.power else "",
            engine.fuel.value if engine.fuel else "",
        ]
        detail = ", ".join(d for d in details if d)
        engines.append(_text(engine.designation) + (f" ({_text(detail)})" if detail else ""))
    bullets("Engines", engines)
    links = []
    for link in model.lineage:
        cited += link.citations
        phrase = _this_model(lineage.tree_phrase(link.relation, up=True))
        links.append(f"{_model_ref(catalog.model(link.target))}, {phrase}{_inference(link)}")
    for source, link in catalog.links_to(model.id):
        phrase = _this_model(lineage.tree_phrase(link.relation, up=False))
        links.append(f"{_model_ref(source)}, {phrase}")
    bullets("Lineage", links)
    variants = catalog.variants_of(model.id)
    for variant in variants:
        cited += variant.citations
    bullets(
        "Variants",
        [_text(v.name) + (f", built {v.production}" if v.production else "") for v in variants],
    )
    subjects = [model.id, *(v.id for v in variants)]
    specs = []
    for subject in subjects:
        for fact in catalog.facts_of(subject):
            cited += fact.citations
            prefix = "" if subject == model.id else f"{_text(catalog.find(subject).name)}: "
            specs.append(f"{prefix}{fact.kind.value}: {_fact_text(fact)}{_inference(fact)}")
    bullets("Specifications and other facts", specs)
    figures = []
    for subject in subjects:
        for record in catalog.production_of(subject):
            cited += record.citations
            prefix = "" if subject == model.id else f"{_text(catalog.find(subject).name)}: "
            unit = {"vehicles": "", "percent": "%"}.get(record.unit.value, " " + record.unit.value)
            claim = "" if record.preferred else " *(a competing claim)*"
            figures.append(
                f"{prefix}{record.measure.value} {record.period}: {record.figure}{unit}{claim}"
            )
    total = production.total(model.id, catalog=catalog).figure
    if total is not None:
        figures.append(f"**built in all** (see :doc:`/guide-production`): {total}")
    bullets("Production", figures)
    events = []
    for event in catalog.timeline(model.id):
        cited += event.citations
        plan = " *(a plan)*" if event.kind.value == "plan" else ""
        events.append(f"{event.date}: {_text(event.summary)}{plan}")
    bullets("Events", events)
    disputes = [d for d in catalog.conflicts() if d.subject in subjects]
    conflict_items = []
    for dispute in disputes:
        for claim in dispute.claims:
            cited += claim.citations
        claims = "; ".join(
            ("**" + _text(c.value) + "** (preferred)") if c.preferred else _text(c.value)
            for c in dispute.claims
        )
        verdict = "" if dispute.decided else " Undecided."
        conflict_items.append(
            f":ref:`{_text(dispute.topic)} <conflict-{dispute.id}>`: {claims}.{verdict}"
        )
    bullets("Where the sources disagree", conflict_items)
    out += [f"**Sources:** {_sources_ref(cited)}.", ""]
    return "\n".join(out)


def _models_page(catalog: moskvitch.Catalog) -> str:
    rows = []
    for model in catalog.models:
        built = production.total(model.id, catalog=catalog).figure
        rows.append(
            [
                _model_ref(model),
                model.kind.value,
                _span(model.production) if model.production else "",
                str(built or ""),
            ]
        )
    intro = (
        "Every model in the data: first a table of them all, then one section per model with "
        "what the sources say about it: its specifications, lineage, production figures, "
        "events, the points on which the sources disagree, and the sources themselves. "
        "*Built* is the total of the vehicles built, with the preferred figure wherever sources "
        "disagree (see :doc:`/guide-production`); *production* is the preferred span. Kinds are "
        "explained on the :doc:`family-tree` page."
    )
    sections = "\n".join(_model_section(catalog, m) for m in catalog.models)
    return _page(
        "Models",
        intro,
        _table(["Model", "Kind", "Production", "Built"], rows, raw=True) + "\n" + sections,
    )


def _plants_page(catalog: moskvitch.Catalog) -> str:
    parts = []
    for plant in catalog.plants:
        title = f"{plant.name} ({plant.city}, {plant.country})"
        text = [f".. _plant-{plant.id}:", "", title, "-" * len(title), ""]
        if plant.name_history:
            text.append(
                _table(["Period", "Name"], [[_span(n.period), n.name] for n in plant.name_history])
            )
        if plant.owners:
            text.append(
                _table(
                    ["Period", "Owner or operator", "Stake"],
                    [
                        [_span(o.period), o.owner, f"{o.stake_percent}%" if o.stake_percent else ""]
                        for o in plant.owners
                    ],
                )
            )
        if plant.note:
            text.append(_cell(plant.note) + "\n")
        text.append(f"**Sources:** {_sources_ref(_cited_citations(plant))}.\n")
        parts.append("\n".join(text))
    return _page(
        "Plants",
        "Each plant with the names it carried and its owners or operators over time. A period "
        "is as precise as its source: a year, a month or a day.",
        "\n".join(parts),
    )


def _this_model(phrase: str) -> str:
    """A tree line's words with "it" (the model above) as "this model"."""
    return re.sub(r"\bits\b", "this model's", re.sub(r"\bit\b", "this model", phrase))


def _plant_then(plant: moskvitch.Plant, when: Period | None) -> str:
    """A plant linked by the names it carried during ``when`` (its main name without one)."""
    names = plant.names_during(when) if when is not None else ()
    if not names:
        return f":ref:`{_text(plant.name)} <plant-{plant.id}>`"
    shown = _text(", then ".join(names))
    return f":ref:`{shown} <plant-{plant.id}>` (its {'name' if len(names) == 1 else 'names'} then)"


def _subject_ref(catalog: moskvitch.Catalog, subject_id: str) -> str:
    subject = catalog.find(subject_id)
    if isinstance(subject, moskvitch.Model):
        return _model_ref(subject)
    if isinstance(subject, moskvitch.Variant):
        return f"{_text(subject.name)} ({_model_ref(catalog.model(subject.model))})"
    return f":ref:`{_text(subject.name)} <plant-{subject.id}>`"


def _timeline_page(catalog: moskvitch.Catalog) -> str:
    rows = [
        [
            str(e.date),
            e.kind.value,
            _text(e.summary) + _inference(e),
            ", ".join(_subject_ref(catalog, s) for s in e.subjects),
            _sources_ref(e.citations),
        ]
        for e in catalog.timeline()
    ]
    return _page(
        "Timeline",
        f"All {len(rows)} events, by date. A date is as precise as its source: a year, a month "
        "or a day. Events of kind *plan* record what was announced, not what happened.",
        _table(["Date", "Kind", "Event", "About", "Sources"], rows, raw=True),
    )


def _conflicts_page(catalog: moskvitch.Catalog) -> str:
    parts = []
    for dispute in catalog.conflicts():
        title = f"{catalog.find(dispute.subject).name}: {dispute.topic}"
        rows = [
            [
                "**yes**" if c.preferred else "no",
                _text(c.value),
                _text(c.note or ""),
                _sources_ref(c.citations),
            ]
            for c in dispute.claims
        ]
        verdict = (
            "The claims could all hold as stated (*consistent*)."
            if dispute.consistent
            else "The claims contradict each other."
        )
        if not dispute.decided:
            verdict += " **Undecided:** the sources give no ground to prefer one claim."
            if dispute.note:
                verdict += " " + _text(dispute.note)
        parts.append(
            f".. _conflict-{dispute.id}:\n\n{_text(title)}\n{'-' * len(_text(title))}\n\n"
            f"About {_subject_ref(catalog, dispute.subject)}. {verdict}\n\n"
            + _table(
                ["Preferred", "Claim", "Why preferred, or how it differs", "Sources"],
                rows,
                raw=True,
            )
        )
    return _page(
        "Conflicting figures",
        f"The {len(parts)} points on which the sources disagree, each claim with its sources. "
        "Where one claim is preferred, the table gives the reason the sources offer for it; "
        "where they offer none, the point is left undecided and every claim stands. How a claim "
        "becomes preferred is explained in :doc:`/provenance`; the same list is "
        ":meth:`moskvitch.Catalog.conflicts`.",
        "\n".join(parts),
    )


#: The groups of the Sources page: which sources each holds, its heading and what they are.
SOURCE_KINDS: list[tuple[Callable[[moskvitch.Source], bool], str, str]] = [
    (
        lambda s: s.seed and s.kind is not moskvitch.SourceKind.REFERENCE,
        "The article and the news items",
        "The documents the data was first built from: an encyclopedic article on the brand "
        "and its plant, and three news items of 2022 on the revival. Each is given with the "
        "address where a copy with the same text was found and the day it was read.",
    ),
    (
        lambda s: s.seed,
        "The article's references",
        "The numbered entries of the article's reference list (ref-14 is its entry 14). Each "
        "entry gives the title of the page it refers to, often a date and a short excerpt of "
        "the page, but no address; a record that cites an entry quotes that excerpt. Where a "
        "public page with the entry's title and text was found, the entry gives its address "
        "and the day it was read; the others were not found, and no look-alike page is given "
        "in their place.",
    ),
    (
        lambda s: True,
        "Other public pages",
        "Public web pages found later and cited for facts the article leaves out or garbles, "
        "each with its address and the day it was read; every quotation from one was checked "
        "against the text of the page.",
    ),
]


def _cited_citations(value: Any) -> list[Any]:
    """Every citation anywhere in a record, in order."""
    if isinstance(value, moskvitch.Citation):
        return [value]
    if isinstance(value, tuple):
        return [c for item in value for c in _cited_citations(item)]
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return [c for f in fields for c in _cited_citations(getattr(value, f.name))]
    return []


def _cited_sources(value: Any) -> list[str]:
    """The source ids cited anywhere in a record: its own citations, its links, names, claims."""
    return [citation.source for citation in _cited_citations(value)]


def _source_kind(source: moskvitch.Source) -> int:
    """The index of the first group of ``SOURCE_KINDS`` that holds ``source``."""
    return next(i for i, (holds, _, _) in enumerate(SOURCE_KINDS) if holds(source))


def _sources_page(catalog: moskvitch.Catalog) -> str:
    cited: dict[str, int] = {}
    for collection in (
        catalog.engines,
        catalog.models,
        catalog.variants,
        catalog.plants,
        catalog.events,
        catalog.production,
        catalog.disputes,
        catalog.facts,
    ):
        for record in collection:
            for source in dict.fromkeys(_cited_sources(record)):
                cited[source] = cited.get(source, 0) + 1
    parts = []
    for index, (_, title, text) in enumerate(SOURCE_KINDS):
        sources = [s for s in catalog.sources if _source_kind(s) == index]
        if not sources:
            continue
        items = []
        for source in sources:
            details = [
                _text(source.publisher) if source.publisher else "",
                str(source.date) if source.date else "",
                f"`{source.url} <{source.url}>`__" if source.url else "",
                f"Read {source.accessed}, found in {_text(source.found_in)}"
                if source.accessed and source.found_in
                else "",
            ]
            detail = ". ".join(d for d in details if d)
            uses = cited.get(source.id, 0)
            used = (
                f" Cited by {uses} record{'s' if uses != 1 else ''}."
                if uses
                else " No record cites it."
            )
            description = f" {_text(source.description)}" if source.description else ""
            items.append(
                f".. _source-{source.id}:\n\n"
                f"**{source.id}**: *{_text(source.title)}*"
                + (f". {detail}" if detail else "")
                + "."
                + description
                + used
                + "\n"
            )
        parts.append(f"{title}\n{'-' * len(title)}\n\n{text}\n\n" + "\n".join(items))
    return _page(
        "Sources",
        "Every document the data cites, by kind. Each record of the data names its sources by "
        "these ids, usually with a short quotation; :doc:`/provenance` explains how the sources "
        "are used.",
        "\n".join(parts),
    )


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _months(period: Period) -> str:
    """``"Dec"`` or ``"Mar–Dec"``: the months a part-year figure covers."""
    first, last = period.earliest(), period.latest()
    if (first.month, last.month) == (1, 12):
        return ""
    if first.month == last.month:
        return _MONTHS[first.month - 1]
    return f"{_MONTHS[first.month - 1]}–{_MONTHS[last.month - 1]}"


#: The make of the other cars built at the plant, shown grey: not Moskvich cars.
RENAULT = "Renault"
CHART_COLOURS = {"built": "#8a1c1c", "sold": "#2f5d8a", "renault": "#8c8c8c"}


def _chart(catalog: moskvitch.Catalog, path: Path) -> None:
    """The yearly figures as bars: one slot per year that has a figure, gaps between runs.

    Marked: Renault cars built at the plant (grey), part-year figures (dashed outline, the months
    under the year), approximate figures and bounds (hatched; the bar shows the lower end).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.colors
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    matplotlib.rcParams["svg.hashsalt"] = "moskvitch"  # the same file at every build
    measures = ("built", "sold")
    rows = {
        measure: {
            int(r.label): r for r in production.by_year(measure=measure, catalog=catalog).values()
        }
        for measure in measures
    }
    # The plant's Renault cars are another make: fetched on their own, drawn grey.
    renault_years = production.by_year(make=RENAULT, catalog=catalog)
    rows["built"].update({int(r.label): r for r in renault_years.values()})
    renault_ids = {r.id for row in renault_years.values() for r in row.records}
    years = sorted({year for by_year in rows.values() for year in by_year})
    positions: dict[int, float] = {}
    x = 0.0
    for index, year in enumerate(years):
        if index and year != years[index - 1] + 1:
            x += 0.7  # a gap where years are missing
        positions[year] = x
        x += 1
    width = 0.4
    canvas, axis = plt.subplots(figsize=(8, 5.2))
    for offset, measure in enumerate(measures):
        for year, row in rows[measure].items():
            figure = row.inside  # the figures given for the year, without overlapping totals
            if figure is None:
                continue
            renault = all(r.id in renault_ids for r in row.records)
            colour = CHART_COLOURS["renault" if renault else measure]
            exact = figure.kind == "exact"
            bar_x = positions[year] + (offset - 0.5) * width
            fill = colour if exact else "white"
            axis.bar(
                bar_x,
                figure.low or 0,
                width=width * 0.95,
                color=matplotlib.colors.to_rgba(fill, 0.45 if row.partial and exact else 1),
                edgecolor=colour,
                hatch=None if exact else "////",
                linewidth=1.4,
                linestyle="--" if row.partial else "-",
            )
            axis.annotate(
                str(figure),
                (bar_x, figure.low or 0),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=9,
            )
    labels = []
    for year in years:
        months = [
            _months(r.period)
            for by_year in rows.values()
            if year in by_year and by_year[year].partial
            for r in by_year[year].records
        ]
        months = [m for m in dict.fromkeys(months) if m]
        labels.append(f"{year}\n{', '.join(months)}" if months else str(year))
    axis.set_xticks([positions[y] for y in years], labels, fontsize=9)
    axis.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    axis.set_ylabel("vehicles")
    axis.set_ylim(0, axis.get_ylim()[1] * 1.1)
    axis.spines[["top", "right"]].set_visible(False)
    axis.legend(
        handles=[
            Patch(color=CHART_COLOURS["built"], label="built (Moskvich)"),
            Patch(color=CHART_COLOURS["sold"], label="sold (Moskvich)"),
            Patch(color=CHART_COLOURS["renault"], label="built under Renault: Renault cars"),
            Patch(
                facecolor="white",
                edgecolor="#444444",
                hatch="////",
                label="approximate or a bound (bar at its lower end)",
            ),
            Patch(
                facecolor="white",
                edgecolor="#444444",
                linestyle="--",
                label="part of the year only (its months under the year)",
            ),
        ],
        fontsize=9,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncol=2,
        frameon=False,
    )
    canvas.tight_layout()
    canvas.savefig(path, format="svg", metadata={"Date": None})
    plt.close(canvas)


# -- lineage pictures -----------------------------------------------------------------------------

#: How each relation's arrows are drawn: colour and line style.
EDGE_STYLES = {
    "successor-of": ("#222222", "solid"),
    "derived-from": ("#1f5fa8", "solid"),
    "licensed-build-of": ("#2e7d32", "dashed"),
    "rebadge-of": ("#c25e00", "dashed"),
    "engine-from": ("#7b1fa2", "dotted"),
    "influenced-by": ("#777777", "dotted"),
}
#: How each kind of model's box is drawn: fill colour and border style.
NODE_STYLES = {
    "production": ("#ffffff", "solid"),
    "prototype": ("#ffffff", "dashed"),
    "planned": ("#ffffff", "dashed"),
    "racer": ("#fff4c2", "solid"),
    "foreign-origin": ("#e3e3e3", "solid"),
    "licensed-build": ("#dcefdc", "solid"),
    "rebadge": ("#fde3c8", "solid"),
}
_DOT_HEADER = [
    '  graph [rankdir=RL, bgcolor="white", nodesep=0.18, ranksep=0.45, fontname="Helvetica"];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=14,'
    ' margin="0.12,0.05", height=0.3];',
    '  edge [fontname="Helvetica", fontsize=11, arrowsize=0.7];',
]


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _node(model: Any) -> str:
    fill, border = NODE_STYLES.get(model.kind.value, ("#ffffff", "solid"))
    style = "rounded,filled" + (",dashed" if border == "dashed" else "")
    name = _dot_text(model.name)
    return (
        f'  "{model.id}" [label="{name}", fillcolor="{fill}", style="{style}",'
        f' URL="../generated/models.html#model-{model.id}", target="_top", tooltip="{name}"];'
    )


def _edge(source: str, target: str, relation: str) -> str:
    colour, style = EDGE_STYLES.get(relation, ("#222222", "solid"))
    return (
        f'  "{source}" -> "{target}" [label="{relation}", color="{colour}",'
        f' fontcolor="{colour}", style="{style}"];'
    )


def lineage_families(catalog: moskvitch.Catalog) -> list[list[Any]]:
    """The linked models in groups that share no link (the families), largest first.

    Models with no link at all are left out.
    """
    tree = lineage.family_tree(catalog=catalog)
    neighbours: dict[str, set[str]] = {}
    for edge in tree.edges:
        neighbours.setdefault(edge.source, set()).add(edge.target)
        neighbours.setdefault(edge.target, set()).add(edge.source)
    families: list[list[Any]] = []
    seen: set[str] = set()
    for model in tree.models:
        if model.id in seen or model.id not in neighbours:
            continue
        family, stack = set(), [model.id]
        while stack:
            current = stack.pop()
            if current not in family:
                family.add(current)
                stack += neighbours[current]
        seen |= family
        families.append([m for m in tree.models if m.id in family])
    return sorted(families, key=len, reverse=True)


def _lineage_dot(
    catalog: moskvitch.Catalog, models: list[Any], context: set[str], rankdir: str = "RL"
) -> str:
    """One picture: ``models``, and the links between them. Models in ``context`` belong to a
    neighbouring picture and are drawn faintly, to show where the two join."""
    ids = {m.id for m in models}
    edges = [
        e for e in lineage.family_tree(catalog=catalog).edges if e.source in ids and e.target in ids
    ]
    lines = ["digraph lineage {", *_DOT_HEADER, f"  graph [rankdir={rankdir}];"]
    for model in models:
        node = _node(model)
        if model.id in context:
            node = node[:-2] + ', color="#9e9e9e", fontcolor="#616161"];'
        lines.append(node)
    lines += [_edge(e.source, e.target, e.relation.value) for e in edges]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _relation_sample_dot(relation: str) -> str:
    return (
        "\n".join(
            [
                "digraph sample {",
                *_DOT_HEADER,
                "  graph [ranksep=0.6, margin=0];",
                '  "a" [label="newer", fillcolor="white", fontsize=10];',
                '  "b" [label="older", fillcolor="white", fontsize=10];',
                _edge("a", "b", relation),
                "}",
            ]
        )
        + "\n"
    )


def _kind_sample_dot(kind: str) -> str:
    fill, border = NODE_STYLES[kind]
    style = "rounded,filled" + (",dashed" if border == "dashed" else "")
    return (
        "\n".join(
            [
                "digraph sample {",
                *_DOT_HEADER,
                "  graph [margin=0];",
                f'  "k" [label="{kind}", fillcolor="{fill}", style="{style}", fontsize=11];',
                "}",
            ]
        )
        + "\n"
    )


#: A family with more models than this is drawn in several pictures, by generation.
MAX_MODELS_PER_PICTURE = 10


def _split_family(
    catalog: moskvitch.Catalog, family: list[Any]
) -> list[tuple[list[Any], set[str]]]:
    """Cut a large family into pictures by generation of its Moskvich models.

    Each picture holds a run of the family's own models (by start of production) with the
    foreign and licensed models, prototypes and racers linked to them, plus, drawn faintly, the
    own models of the neighbouring runs they link to. The family is cut into as few pictures
    as keep each near ``MAX_MODELS_PER_PICTURE``, where the largest picture is smallest.
    """
    if len(family) <= MAX_MODELS_PER_PICTURE:
        return [(family, set())]
    own = sorted(
        (m for m in family if m.make == "Moskvich" and m.production is not None),
        key=lambda m: m.production.earliest(),
    )
    best: list[tuple[list[Any], set[str]]] = []
    for count in range(2, len(own) + 1):
        cuts = [
            _pictures(catalog, family, own, [own[a:b] for a, b in itertools.pairwise(bounds)])
            for inner in itertools.combinations(range(1, len(own)), count - 1)
            for bounds in [(0, *inner, len(own))]
        ]
        best = min(cuts, key=lambda pictures: max(len(models) for models, _ in pictures))
        if max(len(models) for models, _ in best) <= MAX_MODELS_PER_PICTURE + 3:
            break
    return best


def _pictures(
    catalog: moskvitch.Catalog, family: list[Any], own: list[Any], runs: list[list[Any]]
) -> list[tuple[list[Any], set[str]]]:
    """The pictures of ``family`` cut into ``runs`` of its own models."""
    edges = [
        e for e in lineage.family_tree(catalog=catalog).edges if e.source in {m.id for m in family}
    ]
    own_ids = {m.id for m in own}
    placed: set[str] = set()
    pictures = []
    for run in runs:
        ids = {m.id for m in run}
        members = set(ids)
        for edge in edges:
            for one, other in ((edge.source, edge.target), (edge.target, edge.source)):
                if one in ids:
                    members.add(other)
        # a racer or prototype drawn here brings the others it links to (the G5 its G4)
        grown = True
        while grown:
            more = {
                other
                for edge in edges
                for one, other in ((edge.source, edge.target), (edge.target, edge.source))
                if one in members - own_ids and other not in own_ids
            }
            grown = not more <= members
            members |= more
        # a non-Moskvich model linked to both runs is drawn in the first only
        members -= {i for i in placed if i not in own_ids}
        context = {i for i in members if i in own_ids and i not in ids}
        placed |= members
        pictures.append(([m for m in family if m.id in members], context))
    return pictures


def _render(dot_source: str, path: Path) -> None:
    """Draw DOT text as an SVG file with Graphviz's ``dot``."""
    import shutil
    import subprocess

    program = shutil.which("dot")
    if program is None:
        raise RuntimeError("the documentation needs Graphviz's 'dot' to draw the lineage")
    path.with_suffix(".dot").write_text(dot_source, encoding="utf-8")
    completed = subprocess.run(
        [program, "-Tsvg", "-o", str(path)],
        input=dot_source,
        text=True,
        capture_output=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"dot failed on {path.name}: {completed.stderr}")


def _family_title(models: list[Any]) -> str:
    own = [m for m in models if m.make == "Moskvich" and m.production is not None]
    own.sort(key=lambda m: m.production.earliest())
    if len(own) >= 2:
        return f"From the {own[0].name} to the {own[-1].name}"
    named = own or [m for m in models if m.make == "Moskvich"] or models
    return f"The {named[0].name}"


#: The width of the page's text column in points (740 px in the theme at 1280 px).
COLUMN_PT = 555.0


def _render_lineage(
    catalog: moskvitch.Catalog, models: list[Any], context: set[str], path: Path
) -> str:
    """Draw one lineage picture, left to right unless top to bottom fits the column better.

    :returns: where the older models are, for the caption.
    """
    scales = {}
    for rankdir in ("RL", "BT"):
        _render(_lineage_dot(catalog, models, context, rankdir), path)
        scales[rankdir] = min(1.0, COLUMN_PT / max(_svg_width_pt(path), 1.0))
    if scales["BT"] > scales["RL"] + 0.05:
        _render(_lineage_dot(catalog, models, context, "BT"), path)
        return "are at the top"
    _render(_lineage_dot(catalog, models, context, "RL"), path)
    return "are on the left"


def _svg_width_pt(path: Path) -> float:
    match = re.search(r'<svg width="([0-9.]+)pt"', path.read_text(encoding="utf-8"))
    return float(match.group(1)) if match else 0.0


def _family_tree_page(catalog: moskvitch.Catalog) -> str:
    families = lineage_families(catalog)
    linked = {m.id for family in families for m in family}
    pictures: list[tuple[str, list[Any], set[str]]] = []
    small: list[Any] = []
    for family in families:
        if len(family) <= 3:
            small += family
            continue
        for models, context in _split_family(catalog, family):
            core = [m for m in models if m.id not in context]
            pictures.append((_family_title(core), models, context))
    if small:
        pictures.append(("Smaller families", small, set()))
    parts = []
    for index, (title, models, context) in enumerate(pictures):
        name = f"lineage-{index + 1}.svg"
        direction = _render_lineage(catalog, models, context, GENERATED / name)
        names = ", ".join(m.name for m in models)
        faint = " Greyed models belong to the picture before or after this one." if context else ""
        parts.append(
            f"{title}\n{'-' * len(title)}\n\n"
            f".. figure:: {name}\n   :scale: 100%\n"
            f"   :alt: Lineage diagram of {_text(names)}.\n\n"
            f"   Older models {direction}. Click the picture to open it full size; there, click a "
            f"model to read about it.{faint}\n"
        )
    unlinked = [m for m in catalog.models if m.id not in linked]
    substitutions = []
    relation_rows = []
    for relation in moskvitch.Relation:
        _render(_relation_sample_dot(relation.value), GENERATED / f"relation-{relation.value}.svg")
        substitutions.append(
            f".. |relation-{relation.value}| image:: relation-{relation.value}.svg\n"
            f"   :alt: {relation.value}: {EDGE_STYLES[relation.value][1]} line"
        )
        relation_rows.append([f"|relation-{relation.value}|", _text(_doc(relation))])
    kind_rows = []
    for kind in moskvitch.ModelKind:
        _render(_kind_sample_dot(kind.value), GENERATED / f"kind-{kind.value}.svg")
        fill, border = NODE_STYLES[kind.value]
        substitutions.append(
            f".. |kind-{kind.value}| image:: kind-{kind.value}.svg\n"
            f"   :alt: {kind.value}: box filled {fill}, {border} border"
        )
        kind_rows.append([f"|kind-{kind.value}|", _text(_doc(kind))])
    intro = (
        "How the models relate, drawn from the data when the documentation is built. Each "
        "arrow points from a newer model back to the one it came from, and is labelled with "
        "how the two relate. Each family of linked models has its own picture; the largest is "
        "cut by generation. Older models are on the left, or at the top where that "
        "fits the page better (each caption says which)."
    )
    legend = (
        "How to read the pictures\n------------------------\n\n"
        "The line of each relation, and what it means:\n\n"
        + _table(["Relation", "The newer model…"], relation_rows, raw=True)
        + "\nThe box of each kind of model:\n\n"
        + _table(["Kind of model", "Meaning"], kind_rows, raw=True)
        + "\n"
        + "\n\n".join(substitutions)
        + "\n"
    )
    rest = ""
    if unlinked:
        rest = (
            "\nModels with no recorded links\n-----------------------------\n\n"
            "The sources link these models to no other, so they are not in the pictures: "
            + ", ".join(_model_ref(m) for m in unlinked)
            + ".\n"
        )
    return _page("Family tree", intro, legend + "\n" + "\n".join(parts) + rest)


#: The body styles a historian expects of each generation beside its saloon.
_WORKING_BODIES = (
    moskvitch.BodyStyle.WAGON,
    moskvitch.BodyStyle.VAN,
    moskvitch.BodyStyle.PICKUP,
)


def _first_date(catalog: moskvitch.Catalog, model: Any) -> Any:
    """When a model first appears: the start of its production, else its earliest event."""
    if model.production is not None and model.production.start is not None:
        return model.production.start
    dates = [e.date for e in catalog.events_of(model.id)]
    return min(dates, key=lambda d: d.sort_key) if dates else None


def _single_sourced(records: Any) -> list[Any]:
    """The records whose citations, their links', names' and claims' included, name one
    source."""
    return [r for r in records if len(set(_cited_sources(r))) == 1]


def _coverage_page(catalog: moskvitch.Catalog) -> str:
    own = [m for m in catalog.models if m.make in {"Moskvich", "KIM", "IZh"}]
    placed: dict[str, list[Any]] = {era.name: [] for era in production.DEFAULT_ERAS}
    undated = []
    for model in own:
        first = _first_date(catalog, model)
        era = next(
            (
                e
                for e in production.DEFAULT_ERAS
                if first is not None
                and e.period.earliest() <= first.earliest() <= e.period.latest()
            ),
            None,
        )
        (placed[era.name] if era else undated).append(model)
    parts = []
    for era in production.DEFAULT_ERAS:
        models = placed[era.name]
        if not models:
            continue
        rows, bodies = [], set()
        for model in models:
            variants = catalog.variants_of(model.id)
            bodies |= {b for b in [model.body_style, *(v.body_style for v in variants)] if b}
            rows.append(
                [
                    _model_ref(model),
                    model.kind.value,
                    model.body_style.value if model.body_style else "",
                    "; ".join(
                        _text(v.name) + (f" ({v.body_style.value})" if v.body_style else "")
                        for v in variants
                    ),
                ]
            )
        missing = [b.value for b in _WORKING_BODIES if b not in bodies]
        gaps = (
            f"No {', no '.join(missing)} of this era is recorded."
            if missing
            else "Estates, vans and pickups of this era are all recorded."
        )
        title = f"{era.name[0].upper()}{era.name[1:]} ({_span(era.period)})"
        parts.append(
            f"{title}\n{'-' * len(title)}\n\n"
            + _table(["Model", "Kind", "Body", "Variants"], rows, raw=True)
            + f"\n{gaps}\n"
        )
    if undated:
        parts.append(
            "Models with no date\n-------------------\n\n"
            "No source dates these models' production or any event of theirs: "
            + ", ".join(_model_ref(m) for m in undated)
            + ".\n"
        )
    no_span = [m for m in own if m.production is None and m.kind.value == "production"]
    no_body = [m for m in own if m.body_style is None and m.kind.value == "production"]
    undated_variants = [v for v in catalog.variants if v.production is None]
    missing = (
        "Known to be missing\n-------------------\n\n"
        f"- Production models with no production span (the sources give none, or disagree "
        f"without ground to choose): {', '.join(_model_ref(m) for m in no_span) or 'none'}.\n"
        f"- Production models with no body style: "
        f"{', '.join(_model_ref(m) for m in no_body) or 'none'}.\n"
        f"- Variants with no production span: {len(undated_variants)} of "
        f"{len(catalog.variants)}.\n"
    )
    collections = {
        "models": catalog.models,
        "variants": catalog.variants,
        "engines": catalog.engines,
        "events": catalog.events,
        "production figures": catalog.production,
        "facts": catalog.facts,
        "disputes": catalog.disputes,
    }
    single_rows = []
    for name, records in collections.items():
        single = _single_sourced(records)
        single_rows.append([name, str(len(records)), str(len(single))])
    single_models = _single_sourced([*catalog.models, *catalog.variants])
    single = (
        "Records resting on a single source\n----------------------------------\n\n"
        "A record rests on a single source when every citation it carries (its own, its "
        "links', its names' and its claims') names the same document. One source can be "
        "enough, but a reader should weigh such a record accordingly.\n\n"
        + _table(["Records", "In all", "On a single source"], single_rows)
        + "\nThe models and variants among them: "
        + ", ".join(_text(r.name) for r in single_models)
        + ".\n"
    )
    kinds = sorted({m.kind.value for m in own})
    intro = (
        "What the data covers, generated from it: the Moskvich (and KIM and IZh) models and "
        "their variants in each era of the brand, with their kinds and body styles, what is "
        "known to be missing, and how many records rest on a single source. The kinds of "
        f"vehicle recorded: {', '.join(kinds)}. Foreign models that Moskvich models derive from "
        "are on the :doc:`models` page."
    )
    return _page("Coverage", intro, "\n".join(parts) + "\n" + missing + "\n" + single)


def _doc(member: Any) -> str:
    """The docstring written under an enum member in the source."""
    from sphinx.pycode import ModuleAnalyzer

    cls = type(member)
    docs = ModuleAnalyzer.for_module(cls.__module__).find_attr_docs()
    return " ".join(" ".join(docs.get((cls.__qualname__, member.name), [])).split())


def generate(app: Any = None) -> None:
    """Write every generated page and picture source under ``docs/generated``."""
    catalog = moskvitch.load()
    GENERATED.mkdir(exist_ok=True)
    pages = {
        "models": _models_page,
        "plants": _plants_page,
        "timeline": _timeline_page,
        "conflicts": _conflicts_page,
        "sources": _sources_page,
        "coverage": _coverage_page,
    }
    for name, build in pages.items():
        (GENERATED / f"{name}.rst").write_text(build(catalog), encoding="utf-8")
    (GENERATED / "family-tree.rst").write_text(_family_tree_page(catalog), encoding="utf-8")
    _chart(catalog, GENERATED / "production-by-year.svg")


def resolve_public_name(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Send ``moskvitch.records.Model`` and its like to ``moskvitch.Model``."""
    parts = node.get("reftarget", "").split(".")
    if len(parts) < 3 or parts[0] != "moskvitch" or parts[-1] not in moskvitch.__all__:
        return None
    return env.get_domain("py").resolve_xref(
        env,
        node.get("refdoc"),
        app.builder,
        node.get("reftype", "class"),
        f"moskvitch.{parts[-1]}",
        node,
        contnode,
    )


# -- autodoc -------------------------------------------------------------------------------------

_PARAM_RE = re.compile(r"^:param (\w+):\s*(.*)$")

#: A value whose text is longer than this is left out of the signature of a documented constant;
#: its docstring describes it instead.
MAX_VALUE_CHARS = 60


def fields_as_attributes(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Document the fields of an attrs class as attributes, so that each has a link target.

    The record classes describe their fields as ``:param name:`` lines of the class docstring;
    each becomes a ``.. attribute:: name`` entry with the field's type, in place.
    """
    if what not in ("class", "exception") or not attrs.has(obj):
        return
    fields = {field.name for field in attrs.fields(obj)}
    try:
        hints = typing.get_type_hints(obj)
    except Exception:  # pragma: no cover - an annotation that cannot be resolved
        hints = {}
    result: list[str] = []
    index = 0
    while index < len(lines):
        match = _PARAM_RE.match(lines[index])
        if match is None or match.group(1) not in fields:
            result.append(lines[index])
            index += 1
            continue
        field, text = match.groups()
        body = [text[:1].upper() + text[1:]]
        index += 1
        while index < len(lines) and lines[index].startswith(" "):
            body.append(lines[index].strip())
            index += 1
        if result and result[-1].strip():
            result.append("")
        result.append(f".. attribute:: {field}")
        if field in hints:
            result.append(f"   :type: {_annotation(hints[field])}")
        result.append("")
        result += [f"   {line}" for line in body]
        result.append("")
    lines[:] = result


def _annotation(hint: Any) -> str:
    from sphinx.util.typing import stringify_annotation

    return stringify_annotation(hint, "smart")


def hide_long_values(app: Any, doctree: Any) -> None:
    """Leave a long value (a tuple of eras, a mapping of collections) out of a signature.

    Autodoc writes ``= <repr>`` after a documented constant; past :data:`MAX_VALUE_CHARS` the
    text is unreadable, and the constant's docstring describes the value instead.
    """
    from sphinx import addnodes

    for signature in doctree.findall(addnodes.desc_signature):
        for annotation in list(signature.findall(addnodes.desc_annotation)):
            text = annotation.astext().strip()
            if text.startswith("=") and len(text) > MAX_VALUE_CHARS:
                annotation.parent.remove(annotation)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    app.connect("missing-reference", resolve_public_name)
    app.connect("autodoc-process-docstring", fields_as_attributes)
    app.connect("doctree-read", hide_long_values)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
