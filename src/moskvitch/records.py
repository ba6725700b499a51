"""The records of the catalog: sources, engines, models, variants, plants, events and figures.

Every record is a frozen, slotted attrs class. Collections are tuples; references between
records are ids (strings) that :class:`moskvitch.Catalog` checks and resolves.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any, TypeVar

import attrs

from .dates import PartialDate, Period
from .figures import Figure

__all__ = [
    "BodyStyle",
    "Citation",
    "Claim",
    "Dispute",
    "Engine",
    "Event",
    "EventKind",
    "Fact",
    "FactKind",
    "Fuel",
    "Layout",
    "Link",
    "Measure",
    "Model",
    "ModelKind",
    "Ownership",
    "Plant",
    "PlantName",
    "ProductionRecord",
    "Relation",
    "Role",
    "Source",
    "SourceKind",
    "Unit",
    "Variant",
]


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Freeze an iterable into a tuple, refusing a bare string (it would split into letters).

    Typed with ``Any`` because the attrs mypy plugin cannot solve a generic converter; the
    fields it converts keep their precise ``tuple[X, ...]`` annotations.
    """
    if type(items) is tuple:
        return items
    if isinstance(items, str | bytes):
        raise TypeError(f"expected a sequence, not a single string: {items!r}")
    return tuple(items)


#: The longest text a record's ``repr`` shows of one field before cutting it short with "…".
_REPR_TEXT = 48


def _repr_value(value: object) -> str:
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, PartialDate | Period | Figure):
        value = str(value)
    if isinstance(value, str) and len(value) > _REPR_TEXT:
        value = value[: _REPR_TEXT - 1].rstrip() + "…"
    return repr(value)


def _short_repr(*names: str) -> Callable[[Any], str]:
    """A ``__repr__`` that fits a line or two: the record's type, the identifying fields named,
    and ``…`` when other fields hold more than their defaults.

    Dates, periods and figures are shown in their text notation, enums by value and long texts
    cut short. :func:`attrs.asdict` and the JSON export stay complete.
    """

    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={_repr_value(getattr(self, name))}" for name in names)
        more = any(
            getattr(self, field.name) != field.default
            for field in attrs.fields(type(self))
            if field.name not in names
        )
        return f"{type(self).__name__}({shown}{', …' if more else ''})"

    return __repr__


class ModelKind(StrEnum):
    """What sort of car a :class:`Model` is."""

    PRODUCTION = "production"
    """A car built in series under the Moskvich (or KIM) name."""
    PROTOTYPE = "prototype"
    """A car built in a handful for testing or show."""
    PLANNED = "planned"
    """A model announced or reported as planned, not yet known to be built."""
    RACER = "racer"
    """A competition car."""
    FOREIGN_ORIGIN = "foreign-origin"
    """A foreign design that a Moskvich model was derived from or rebadged from."""
    LICENSED_BUILD = "licensed-build"
    """A Moskvich design built under licence by another plant or brand."""
    REBADGE = "rebadge"
    """A foreign design sold under the Moskvich name."""


class BodyStyle(StrEnum):
    """A car body style."""

    SEDAN = "sedan"
    HATCHBACK = "hatchback"
    LIFTBACK = "liftback"
    WAGON = "wagon"
    CABRIOLET = "cabriolet"
    PHAETON = "phaeton"
    PICKUP = "pickup"
    VAN = "van"
    COUPE = "coupe"
    CROSSOVER = "crossover"
    SUV = "suv"


class Layout(StrEnum):
    """Where the engine sits and which wheels it drives."""

    FR = "fr"
    """Front engine, rear-wheel drive."""
    FF = "ff"
    """Front engine, front-wheel drive."""
    FOUR_WD = "4wd"
    """Four-wheel drive."""
    AWD = "awd"
    """All-wheel drive."""


class Fuel(StrEnum):
    """What an :class:`Engine` runs on."""

    PETROL = "petrol"
    DIESEL = "diesel"
    ELECTRIC = "electric"


class Relation(StrEnum):
    """How a model relates to the target of a :class:`Link`; read "model *is relation* target"."""

    SUCCESSOR_OF = "successor-of"
    """The model replaced the target in production."""
    DERIVED_FROM = "derived-from"
    """The model was based on, copied or developed from the target's design."""
    REBADGE_OF = "rebadge-of"
    """The model is the target sold under another name."""
    LICENSED_BUILD_OF = "licensed-build-of"
    """The model is the target built under licence elsewhere."""
    ENGINE_FROM = "engine-from"
    """The model's engine was copied or derived from the target's."""
    INFLUENCED_BY = "influenced-by"
    """The model's design took cues from the target (styling, layout), short of a copy."""


class Role(StrEnum):
    """The part a party played at a plant in an :class:`Ownership`; the roles are distinct.

    Owning a plant, running it, managing it on another's behalf and building cars there under
    contract are different things: seed 003 says the 2022 plant was "transferred to the
    management of" the city and NAMI, who chose Kamaz "as the contractor".
    """

    OWNER = "owner"
    """Owned the plant (or the company that owned it)."""
    OPERATOR = "operator"
    """Ran production at the plant or on part of its site."""
    MANAGER = "manager"
    """Had the plant transferred to its management, without a source calling it the owner."""
    CONTRACTOR = "contractor"
    """Was chosen to build cars at the plant under contract."""


class EventKind(StrEnum):
    """What sort of thing happened in an :class:`Event`."""

    FOUNDING = "founding"
    RENAMING = "renaming"
    PRODUCTION_START = "production-start"
    PRODUCTION_END = "production-end"
    PROTOTYPE = "prototype"
    APPROVAL = "approval"
    MILESTONE = "milestone"
    OWNERSHIP_CHANGE = "ownership-change"
    RECONSTRUCTION = "reconstruction"
    BANKRUPTCY = "bankruptcy"
    AWARD = "award"
    EVACUATION = "evacuation"
    RELAUNCH = "relaunch"
    LAUNCH = "launch"
    CERTIFICATION = "certification"
    SALES_REPORT = "sales-report"
    EXPORT = "export"
    PLAN = "plan"
    """An announced intention: what was planned, not what happened."""
    OTHER = "other"


class Measure(StrEnum):
    """What a :class:`ProductionRecord` counts. Different measures are never added together."""

    BUILT = "built"
    SOLD = "sold"
    EXPORTED = "exported"
    SHIPPED = "shipped"
    """Shipped to dealers."""
    PLANNED = "planned"
    """A planned target, never an actual count."""


class Unit(StrEnum):
    """The unit of a :class:`ProductionRecord`'s figure."""

    VEHICLES = "vehicles"
    """A count of vehicles over the record's period: the only unit that is ever totalled."""
    PERCENT = "percent"
    """A share of output, e.g. the share exported."""
    PER_YEAR = "per-year"
    """A rate in vehicles a year during the record's period ("over 100,000 annually")."""
    PER_MONTH = "per-month"
    """A rate in vehicles a month during the record's period ("around 1,000 units monthly")."""


class SourceKind(StrEnum):
    """What sort of document a :class:`Source` is."""

    ARTICLE = "article"
    """An encyclopedic article, such as the one the data was first built from."""
    REFERENCE = "reference"
    """An entry of an article's reference list: a title, often a date and an excerpt."""
    NEWS = "news"
    """A news item."""
    PAGE = "page"
    """A public web page found later, cited with its address and the date it was read."""


@attrs.frozen(kw_only=True, repr=False)
class Source:
    """A document that records cite.

    :param id: a slug such as ``"ref-14"`` or ``"seed-000"``.
    :param title: the document's title.
    :param kind: what sort of document it is; a public page unless said otherwise.
    :param seed: ``True`` for the documents the data was first built from (the article, its
        reference list, whose excerpts it prints, and the news items), ``False`` for anything
        found later.
    :param publisher: the site, outlet or publisher, when known.
    :param date: the publication date, when known.
    :param url: the address at which the document can be read, when one is known.
    :param accessed: the day the page at ``url`` was read and checked against the record's
        quotes; only with a ``url``.
    :param found_in: where the address was found, e.g. a search tool's collection of pages.
    :param description: what the document is, for a reader who has not seen it.
    """

    id: str
    title: str
    kind: SourceKind = SourceKind.PAGE
    seed: bool = False
    publisher: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    accessed: PartialDate | None = None
    found_in: str | None = None
    description: str | None = None

    __repr__ = _short_repr("id", "title")


@attrs.frozen(kw_only=True, repr=False)
class Citation:
    """A pointer from a record to the :class:`Source` that supports it.

    :param source: the source's id.
    :param quote: a short verbatim excerpt of the source supporting the record.
    :param locator: where in the source, e.g. a section or page.
    """

    source: str
    quote: str | None = None
    locator: str | None = None

    __repr__ = _short_repr("source", "quote")


_Citations = tuple[Citation, ...]


@attrs.frozen(kw_only=True, repr=False)
class Engine:
    """An engine or electric motor fitted to one or more models.

    :param id: a slug such as ``"uzam-412"``.
    :param designation: the engine's name or type designation.
    :param displacement: the swept volume in cubic centimetres, as precise as the source: a
        litre figure stated to one decimal ("1.5-liter") is the range it rounds from,
        ``1450-1549``.
    :param power: the rated power in horsepower, as precise as the source: "approximately 150
        horsepower" is ``~150``, "up to 80 horsepower" is ``<=80``.
    :param fuel: petrol, diesel or electric.
    :param cylinders: the number of cylinders.
    :param note: anything a reader should know, such as a disputed value.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    id: str
    designation: str
    displacement: Figure | None = None
    power: Figure | None = None
    fuel: Fuel | None = None
    cylinders: int | None = None
    note: str | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("id", "designation")


@attrs.frozen(kw_only=True, repr=False)
class Link:
    """A typed lineage edge from a model to another: "model *relation* target".

    :param target: the other model's id.
    :param relation: how the two relate.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources for this link.
    """

    target: str
    relation: Relation
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("target", "relation")


@attrs.frozen(kw_only=True, repr=False)
class Model:
    """A car model: a Moskvich, a KIM, or a foreign design in the lineage.

    :param id: a slug such as ``"moskvich-412"``.
    :param name: the display name.
    :param make: the brand, e.g. ``"Moskvich"``, ``"Opel"``.
    :param kind: what sort of model this is.
    :param aliases: other names, spellings and export names, Cyrillic included.
    :param body_style: the main body style.
    :param layout: the drivetrain layout.
    :param engines: the ids of the engines fitted.
    :param production: the preferred production span; disputed spans are in
        :meth:`Catalog.conflicts`.
    :param plants: the ids of the plants that built it.
    :param lineage: typed links to the models it came from.
    :param note: anything a reader should know.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    id: str
    name: str
    make: str
    kind: ModelKind
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    body_style: BodyStyle | None = None
    layout: Layout | None = None
    engines: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    production: Period | None = None
    plants: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    lineage: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("id", "name", "kind", "production")

    @property
    def names(self) -> tuple[str, ...]:
        """The display name followed by every alias."""
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True, repr=False)
class Variant:
    """A body or equipment variant of a model: the 420A cabriolet of the 400, the 3e of the 3.

    :param id: a slug such as ``"moskvich-3e"``.
    :param model: the id of the model it is a variant of.
    :param name: the display name.
    :param aliases: other names.
    :param body_style: its body style.
    :param production: its production span, when cited.
    :param note: anything a reader should know.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    id: str
    model: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    body_style: BodyStyle | None = None
    production: Period | None = None
    note: str | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("id", "model", "name")

    @property
    def names(self) -> tuple[str, ...]:
        """The display name followed by every alias."""
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True, repr=False)
class PlantName:
    """A name a plant carried during a period.

    :param name: the name.
    :param period: when it carried the name.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    name: str
    period: Period
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("name", "period")


@attrs.frozen(kw_only=True, repr=False)
class Ownership:
    """A party's role at a plant during a period: owner, operator, manager or contractor.

    The period starts no earlier than the event that began the role, at the precision the
    source gives; where a source does not date the start, ``inference`` says how it was set.

    :param owner: the party that held the role (the field keeps its name from when every entry
        was an owner).
    :param period: when it held the role.
    :param role: the role held; :attr:`Role.OWNER` unless given.
    :param stake_percent: the share held, when a source states it.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    owner: str
    period: Period
    role: Role = Role.OWNER
    stake_percent: int | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("owner", "period", "role")


@attrs.frozen(kw_only=True, repr=False)
class Plant:
    """A factory that built Moskvich cars, or a site in their history.

    :param id: a slug such as ``"moscow"``.
    :param name: the best-known name.
    :param city: the city.
    :param country: the country, by today's name.
    :param name_history: the names it carried over time, each with its period.
    :param owners: the parties that owned, ran, managed or built at it over time, each with its
        :class:`Role`.
    :param note: anything a reader should know.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    id: str
    name: str
    city: str
    country: str
    name_history: tuple[PlantName, ...] = attrs.field(default=(), converter=_tuple)
    owners: tuple[Ownership, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("id", "name", "city")

    def name_on(self, date: PartialDate | str | int) -> str | None:
        """The name the plant carried on ``date``.

        When a year-precise date falls in a year of renaming, the name taken that year wins.

        :param date: a :class:`PartialDate`, its ISO text, or a year.
        :returns: the name, or ``None`` when no recorded name covers the date.
        :raises InvalidDateError: when given text that is not a date.
        """
        names = _current(self.name_history, PartialDate.of(date))
        return names[-1].name if names else None

    def names_during(self, period: Period) -> tuple[str, ...]:
        """The names the plant carried at any time during ``period``, earliest first.

        >>> import moskvitch
        >>> moskvitch.load().plant("moscow").names_during(moskvitch.Period.parse("1967/1976"))
        ('MZMA', 'AZLK')

        :param period: the span, e.g. a model's production.
        :returns: the names whose periods overlap it; empty when none is recorded.
        """
        ordered = sorted(self.name_history, key=lambda n: n.period.earliest())
        return tuple(dict.fromkeys(n.name for n in ordered if n.period.overlaps(period)))

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it goes by: the main name, then those of ``name_history``."""
        return tuple(dict.fromkeys((self.name, *(n.name for n in self.name_history))))

    def owners_on(
        self, date: PartialDate | str | int, role: Role | None = Role.OWNER
    ) -> tuple[Ownership, ...]:
        """The parties holding ``role`` at the plant on ``date``, earliest first.

        :param date: a :class:`PartialDate`, its ISO text, or a year.
        :param role: the role asked about, owners by default; ``None`` for every role.
        :returns: every entry of that role whose period covers the date.
        :raises InvalidDateError: when given text that is not a date.
        """
        entries = (e for e in self.owners if role is None or e.role is role)
        return tuple(_current(entries, PartialDate.of(date)))


_Dated = TypeVar("_Dated", PlantName, Ownership)


def _current(entries: Iterable[_Dated], date: PartialDate) -> list[_Dated]:
    """The entries whose period covers ``date``, ordered by start; exact containment first."""
    contained = [e for e in entries if e.period.contains(date)]
    if not contained:
        span = Period(date, date)
        contained = [e for e in entries if e.period.overlaps(span)]
    return sorted(contained, key=lambda e: e.period.earliest())


@attrs.frozen(kw_only=True, repr=False)
class Event:
    """A dated event in the brand's history.

    :param id: a slug such as ``"1946-first-moskvich-400"``.
    :param date: when it happened (or, for a plan, when it was announced).
    :param kind: what sort of event.
    :param summary: one sentence.
    :param subjects: the ids of the models, variants or plants it concerns.
    :param note: anything a reader should know.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    id: str
    date: PartialDate
    kind: EventKind
    summary: str
    subjects: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("id", "date", "kind")


@attrs.frozen(kw_only=True, repr=False)
class ProductionRecord:
    """A production, sales, export or planned figure, as one source states it.

    Competing claims about the same quantity are separate records: the preferred one has
    ``alternative_to=None`` and a ``note`` saying why it is preferred; each other one names the
    preferred record in ``alternative_to``.

    :param id: a slug such as ``"moskvich-400-built-1947"``.
    :param subject: the id of the model, variant or plant (for plant- or brand-wide figures).
    :param period: the span or single year the figure covers.
    :param figure: the count.
    :param measure: what is counted.
    :param unit: vehicles, or a percentage share.
    :param plant: the id of the plant, when the figure is for one plant.
    :param make: the make of the vehicles counted, for a figure whose subject is a plant
        (``"Renault"`` for the Logans built on the Moscow site); a model's or variant's figure
        counts that model's :attr:`Model.make`, and this field, if given, takes precedence.
        ``None`` for a plant's figure: the make is not stated, and brand totals leave it out.
    :param kind: what sort of thing the figure counts, within its measure, where figures of one
        measure count different things: ``"output"`` for a plan for a year's output,
        ``"export shipment"`` for a proposed shipment. Totals add only figures of one kind.
    :param alternative_to: the id of the preferred record this one competes with.
    :param note: why preferred, or how this claim differs.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    id: str
    subject: str
    period: Period
    figure: Figure
    measure: Measure
    unit: Unit = Unit.VEHICLES
    plant: str | None = None
    make: str | None = None
    kind: str | None = None
    alternative_to: str | None = None
    note: str | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("id", "subject", "period", "figure", "measure")

    @property
    def preferred(self) -> bool:
        """Whether this is the preferred claim (it competes with no other as an alternative)."""
        return self.alternative_to is None


@attrs.frozen(kw_only=True, repr=False)
class Claim:
    """One side of a :class:`Dispute`.

    ``value`` is the claim as the source words it. The typed fields say the same thing in a form
    the catalog can compare, which is how :meth:`Dispute.consistent` decides whether the claims
    can all hold at once; a claim with none of them is compared by its text.

    :param value: the claimed value, as the source words it.
    :param preferred: whether this is the claim the catalog uses.
    :param note: for the preferred claim, why it is preferred; for another, how it differs.
    :param inference: when the claim is the curators' reading rather than a source's statement,
        the reason (see :doc:`/data-format`).
    :param record: the production record's id, when the claim is a production figure.
    :param figure: the value as a number, when it is one ("about 40 hp" is ``≈40``).
    :param unit: the unit of ``figure``, e.g. ``"cc"``, ``"hp"``, ``"km/h"``, ``"people"``.
    :param date: when the claim is a date, the window it falls in: ``1947`` for "in 1947",
        ``../2010`` for "by 2010".
    :param span: when the claim is a span, its start and end (an open end: not stated).
    :param scope: what the claim states when it is not the topic's own value: a step such as
        ``"mass production"`` beside a debut, ``"a plan announced in October 2022"`` beside
        what happened, ``"the 402/403/407 series"`` beside one model. Claims of different
        scopes state different things and are not compared (see :attr:`Dispute.consistent`).
        A claim that bounds the topic's value, though stated for a larger whole (all Soviet
        cars bound one plant's output), has no scope: it is compared.
    :param limit: the values the claim's own sources allow elsewhere, in the unit of
        ``figure``: ref-48 gives more than 15,300 sold and about 19,000 shipped to dealers, so
        its sold figure is at most about 19,000 (``≲19,000``).
    :param limit_reason: where ``limit`` comes from, for readers.
    :param citations: the sources making the claim.
    """

    value: str
    preferred: bool = False
    note: str | None = None
    inference: str | None = None
    record: str | None = None
    figure: Figure | None = None
    unit: str | None = None
    date: Period | None = None
    span: Period | None = None
    scope: str | None = None
    limit: Figure | None = None
    limit_reason: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("value", "preferred")


@attrs.frozen(kw_only=True, repr=False)
class Dispute:
    """Sources that disagree about one value, each claim kept with its citations.

    A dispute is *decided* when one claim is preferred for a reason the sources give (its
    ``note``), and *undecided* when the sources give no ground to prefer any: then no claim is
    preferred, and none is invented.

    :param id: a slug such as ``"moskvich-400-engine-displacement"``.
    :param subject: the id of the record the dispute is about.
    :param topic: what is disputed, e.g. ``"engine displacement"``.
    :param claims: the competing claims; at most one is preferred.
    :param note: anything a reader should know, e.g. why the dispute is left undecided.
    """

    id: str
    subject: str
    topic: str
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None

    __repr__ = _short_repr("id", "subject", "topic")

    @property
    def consistent(self) -> bool:
        """Whether every claim could hold at once: the claims differ, but need not contradict
        each other ("around 450" and "fewer than 1,000").

        Computed from the claims' typed values, never typed into the data. Claims are first
        grouped by their ``scope``: claims of different scopes state different things (a debut
        and the start of mass production, a plan and what happened, one model and its series)
        and are not compared with each other. Within a group:

        - **figures** (all claims have a ``figure`` in one ``unit``): each claim allows the
          values of its figure that its own ``limit`` also allows (what its sources state
          elsewhere: a sold count is at most the count the same source gives as shipped);
          an approximate figure or limit admits 5% either side. The claims are consistent when
          each allows some value and the values they allow meet;
        - **dates** (all have a ``date``): when their windows share a day;
        - **spans** (all have a ``span``): when their starts' windows share a day and so do their
          ends' (an open end states nothing);
        - anything else (a name, a place, a description): when the worded values are equal once
          case, spaces and punctuation are ignored, or each is the longest one cut short after a
          word ("JAC Sehol A5" and "JAC Sehol A5 Plus": a version of a model is that model).

        >>> a = Claim(value="around 450", figure=Figure.approx(450))
        >>> b = Claim(value="fewer than 1,000", figure=Figure.at_most(1000))
        >>> Dispute(id="d", subject="kim-10", topic="built", claims=(a, b)).consistent
        True
        >>> sold = Claim(value="over 15,300", figure=Figure.at_least(15300),
        ...              limit=Figure(0, 19000, approximate=True))
        >>> other = Claim(value="over 40,000", figure=Figure.at_least(40000))
        >>> Dispute(id="d", subject="moscow", topic="sold", claims=(sold, other)).consistent
        False
        """
        return all(_consistent(group) for group in _scopes(self.claims).values())

    @property
    def verdict(self) -> str:
        """The verdict in words, as ``moskvitch conflicts`` prints it: ``"contradictory"``,
        ``"compatible as stated"``, or ``"compatible: different scopes"`` when the claims hold
        together because they state different things (see :attr:`consistent`)."""
        if not self.consistent:
            return "contradictory"
        return (
            "compatible: different scopes"
            if len(_scopes(self.claims)) > 1
            else ("compatible as stated")
        )

    @property
    def preferred_claim(self) -> Claim | None:
        """The claim marked preferred, or ``None`` when the dispute is undecided."""
        for claim in self.claims:
            if claim.preferred:
                return claim
        return None

    @property
    def decided(self) -> bool:
        """Whether one claim is preferred (for the reason in its ``note``)."""
        return self.preferred_claim is not None


#: An approximate figure admits values this far either side of it, as a fraction.
APPROXIMATE_TOLERANCE = Decimal("0.05")


def _scopes(claims: tuple[Claim, ...]) -> dict[str | None, tuple[Claim, ...]]:
    groups: dict[str | None, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.scope, []).append(claim)
    return {scope: tuple(group) for scope, group in groups.items()}


def _allowed(figure: Figure) -> tuple[Decimal, Decimal | None]:
    """The values a figure allows, an approximate one widened by the tolerance."""
    slack = APPROXIMATE_TOLERANCE if figure.approximate else Decimal(0)
    high = None if figure.high is None else figure.high * (1 + slack)
    return figure.low * (1 - slack), high


def _consistent(claims: tuple[Claim, ...]) -> bool:
    figures = [c.figure for c in claims]
    if all(f is not None for f in figures) and len({c.unit for c in claims}) == 1:
        intervals = []
        for claim in claims:
            assert claim.figure is not None
            low, high = _allowed(claim.figure)
            if claim.limit is not None:
                limit_low, limit_high = _allowed(claim.limit)
                low = max(low, limit_low)
                high = (
                    limit_high
                    if high is None
                    else high
                    if limit_high is None
                    else min(high, limit_high)
                )
            intervals.append((low, high))
        highs = [high for _, high in intervals if high is not None]
        return max(low for low, _ in intervals) <= min(highs, default=Decimal("Infinity"))
    if len(claims) < 2:
        return True
    dates = [c.date for c in claims]
    if all(d is not None for d in dates):
        return _windows_meet([d for d in dates if d is not None])
    spans = [c.span for c in claims]
    if all(s is not None for s in spans):
        closed = [s for s in spans if s is not None]
        starts = [Period(s.start, s.start) for s in closed if s.start is not None]
        ends = [Period(s.end, s.end) for s in closed if s.end is not None]
        return _windows_meet(starts) and _windows_meet(ends)
    keys = sorted((_text_key(c.value) for c in claims), key=len)
    longest = keys[-1]
    return all(longest == key or longest.startswith(key + " ") for key in keys)


def _windows_meet(windows: list[Period]) -> bool:
    """Whether the periods share at least one day (no periods: nothing is stated)."""
    if not windows:
        return True
    return max(w.earliest() for w in windows) <= min(w.latest() for w in windows)


def _text_key(value: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in value.casefold()).split())


class FactKind(StrEnum):
    """What sort of thing a :class:`Fact` states."""

    SPECIFICATION = "specification"
    """A technical value: top speed, fuel consumption, payload, gearbox, parts in common."""
    MARKET = "market"
    """Where a model was exported or sold, with a volume when a source gives one."""
    ASSEMBLY = "assembly"
    """Assembly abroad or by another firm, or the method of assembly (kit type)."""
    PRODUCT = "product"
    """A model a plant built under another brand (the Renault era)."""
    CAPACITY = "capacity"
    """What a plant could build."""
    SHARE = "share"
    """A share: of a market, of a company, of parts made locally."""
    PRICE = "price"
    """A price asked for a car."""
    FINANCE = "finance"
    """Money other than prices: investment, revenue, costs, profit and loss."""
    WORKFORCE = "workforce"
    """How many people worked at a plant, were hired, or were expected to be."""
    PARTNER = "partner"
    """A firm negotiated or worked with."""
    PLAN = "plan"
    """An announced intention or target: not what happened."""
    DEAL = "deal"
    """An agreement between owners, such as a sale with a buy-back option."""
    OUTPUT = "output"
    """A count of part of a model's output, such as one body style, that lies inside a total the
    production records hold; kept out of the totals so that nothing is counted twice."""
    QUALITY = "quality"
    """Build quality, reliability and reputation."""
    CONTEXT = "context"
    """The plant's industrial context: the industry, the economy and the planning around it."""
    CULTURE = "culture"
    """The cars' place in culture: films, symbols, what owning one meant."""


@attrs.frozen(kw_only=True, repr=False)
class Fact:
    """A cited fact about a model, variant, plant or engine that is not a production figure.

    A fact holds a number (``figure`` with its ``unit``), a worded value (``text``), or both:
    "a top speed of 115 km/h" is ``figure=115, unit="km/h"``; "a four-speed manual
    transmission" is ``text="four-speed manual"``. Numbers are as precise as the source, as in
    production figures: "near 150 km/h" is ``~150``, "8-10 liters per 100 km" is ``8-10``.

    :param id: a slug such as ``"moskvich-407-top-speed"``.
    :param subject: the id of the model, variant, plant or engine it is about.
    :param kind: what sort of fact.
    :param topic: what is stated, e.g. ``"top speed"``, ``"export market"``.
    :param figure: the value as a number.
    :param unit: the unit of ``figure``, e.g. ``"km/h"``, ``"L/100 km"``, ``"percent"``,
        ``"rubles"``, ``"people"``, ``"vehicles a year"``.
    :param text: the value in words: a place, a firm, a gearbox, a kit type.
    :param date: when the fact holds or was stated, as a span or a single date.
    :param uncertain: whether the source hedges it ("likely", "or affiliated facilities").
    :param note: anything a reader should know.
    :param inference: when a value is the curators' inference rather than a source's
        statement, the reason (see :doc:`/data-format`).
    :param citations: the sources.
    """

    id: str
    subject: str
    kind: FactKind
    topic: str
    figure: Figure | None = None
    unit: str | None = None
    text: str | None = None
    date: Period | None = None
    uncertain: bool = False
    note: str | None = None
    inference: str | None = None
    citations: _Citations = attrs.field(default=(), converter=_tuple)

    __repr__ = _short_repr("id", "subject", "topic")
