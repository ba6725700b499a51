"""Sphinx extension for the moskvitch docs.

- Generates the data pages (models, plants, timeline, conflicts, sources), the lineage diagram
  source and the production chart from the shipped catalog at build time, so they never drift.
- Writes small local intersphinx inventories: the build runs without network access, so the
  external objects the docs refer to are listed here with their public addresses.
- Resolves ``moskvitch.<module>.<Name>`` references to ``moskvitch.<Name>``, where every public
  class is documented.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import moskvitch
from moskvitch import lineage, production

HERE = Path(__file__).resolve().parent.parent
GENERATED = HERE / "generated"

# name, role, address (relative to the project's root URL)
INVENTORIES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python": (
        "Python",
        "3.11",
        [
            *(
                (name, "py:class", f"library/functions.html#{name}")
                for name in (
                    "int",
                    "str",
                    "bool",
                    "float",
                    "object",
                    "type",
                    "tuple",
                    "list",
                    "dict",
                    "range",
                    "bytes",
                    "set",
                    "frozenset",
                )
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
                )
            ),
            ("None", "py:data", "library/constants.html#None"),
            ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
            ("datetime.date.min", "py:attribute", "library/datetime.html#datetime.date.min"),
            ("datetime.date.max", "py:attribute", "library/datetime.html#datetime.date.max"),
            ("json.dumps", "py:function", "library/json.html#json.dumps"),
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
                "reference/api.html#hypothesis.strategies.SearchStrategy",
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


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A list-table, which copes with long cells and Cyrillic text."""
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in [header, *rows]:
        lines.append(f"   * - {_cell(row[0])}")
        lines += [f"     - {_cell(cell)}" for cell in row[1:]]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("*", r"\*").replace("`", "'").replace("|", r"\|")
    return text.replace("_", r"\_") or "\\-"


def _page(title: str, intro: str, body: str) -> str:
    return f"{title}\n{'=' * len(title)}\n\n{intro}\n\n{body}"


def _models_page(catalog: moskvitch.Catalog) -> str:
    rows = []
    for model in catalog.models:
        engines = "; ".join(catalog.engine(e).designation for e in model.engines)
        built = production.total(model.id, catalog=catalog).figure
        plants = ", ".join(catalog.plant(p).name for p in model.plants)
        rows.append(
            [
                model.name,
                ", ".join(model.aliases[:4]),
                model.make,
                model.kind.value,
                str(model.production or ""),
                plants,
                engines,
                str(built or ""),
            ]
        )
    return _page(
        "Models",
        "Every model in the shipped data, generated from the catalog when the documentation is "
        "built. *Built* is :func:`moskvitch.production.total` with the preferred claims; the "
        "production span is the preferred one (see :doc:`conflicts`).",
        _table(
            ["Model", "Also known as", "Make", "Kind", "Production", "Plants", "Engines", "Built"],
            rows,
        ),
    )


def _plants_page(catalog: moskvitch.Catalog) -> str:
    parts = []
    for plant in catalog.plants:
        title = f"{plant.name} ({plant.city}, {plant.country})"
        text = [title, "-" * len(title), ""]
        if plant.name_history:
            text.append(
                _table(["Period", "Name"], [[str(n.period), n.name] for n in plant.name_history])
            )
        if plant.owners:
            text.append(
                _table(
                    ["Period", "Owner or operator", "Stake"],
                    [
                        [str(o.period), o.owner, f"{o.stake_percent}%" if o.stake_percent else ""]
                        for o in plant.owners
                    ],
                )
            )
        if plant.note:
            text.append(_cell(plant.note) + "\n")
        parts.append("\n".join(text))
    return _page(
        "Plants",
        "Each plant with the names it carried and its owners or operators over time.",
        "\n".join(parts),
    )


def _timeline_page(catalog: moskvitch.Catalog) -> str:
    rows = [
        [str(e.date), e.kind.value, e.summary, ", ".join(c.source for c in e.citations)]
        for e in catalog.timeline()
    ]
    return _page(
        "Timeline",
        f"All {len(rows)} events, by date. Events of kind *plan* record what was announced, not "
        "what happened.",
        _table(["Date", "Kind", "Event", "Sources"], rows),
    )


def _conflicts_page(catalog: moskvitch.Catalog) -> str:
    parts = []
    for dispute in catalog.conflicts():
        title = f"{catalog.find(dispute.subject).name}: {dispute.topic}"
        rows = [
            [
                "yes" if c.preferred else "",
                c.value,
                c.note or "",
                ", ".join(x.source for x in c.citations),
            ]
            for c in dispute.claims
        ]
        parts.append(
            f"{title}\n{'-' * len(title)}\n\n"
            + _table(["Preferred", "Claim", "Note", "Sources"], rows)
        )
    return _page(
        "Conflicting figures",
        f"The {len(parts)} values on which sources disagree, each claim with its sources; the "
        "preferred claim carries the reason it is preferred. The same list is "
        ":meth:`moskvitch.Catalog.conflicts`.",
        "\n".join(parts),
    )


def _sources_page(catalog: moskvitch.Catalog) -> str:
    rows = [
        [s.id, s.title, s.publisher or "", str(s.date or ""), s.url or ""] for s in catalog.sources
    ]
    return _page(
        "Sources",
        "The bibliography: the seed documents, the numbered references of the encyclopedic "
        "article, and public pages cited to fill its gaps.",
        _table(["Id", "Title", "Publisher", "Date", "Address"], rows),
    )


def _chart(catalog: moskvitch.Catalog, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(9, 4))
    for offset, (measure, colour) in enumerate([("built", "#8a1c1c"), ("sold", "#2f5d8a")]):
        rows = [r for r in production.by_year(measure=measure, catalog=catalog).rows if r.figure]
        years = [int(r.label) + offset * 0.4 for r in rows]
        lows = [r.figure.low for r in rows if r.figure]
        axis.bar(years, lows, width=0.4, color=colour, label=measure)
        for x, row in zip(years, rows, strict=True):
            axis.annotate(
                str(row.figure),
                (x, row.figure.low if row.figure else 0),
                ha="center",
                va="bottom",
                fontsize=7,
                rotation=90,
            )
    axis.set_xlabel("year")
    axis.set_ylabel("vehicles (lower bound)")
    axis.set_title("Yearly figures given by the sources")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, format="svg", metadata={"Date": None})
    plt.close(figure)


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
    }
    for name, build in pages.items():
        (GENERATED / f"{name}.rst").write_text(build(catalog), encoding="utf-8")
    (GENERATED / "lineage.dot").write_text(lineage.to_dot(catalog=catalog), encoding="utf-8")
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


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    app.connect("missing-reference", resolve_public_name)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
