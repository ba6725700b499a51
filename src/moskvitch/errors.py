"""The exceptions raised by :mod:`moskvitch`.

Each failure has its own class whose message quotes the offending input, in the manner of
:class:`packaging.version.InvalidVersion`. Parsing errors subclass :class:`ValueError`, failed
look-ups subclass :class:`LookupError`, so callers may catch either the precise class or the
built-in one.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "DataError",
    "InvalidDateError",
    "InvalidErasError",
    "InvalidFigureError",
    "InvalidOptionError",
    "InvalidPeriodError",
    "InvalidQueryError",
    "NoPathError",
    "Problem",
    "UnknownNameError",
]


class InvalidDateError(ValueError):
    """A text is not an ISO partial date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""


class InvalidPeriodError(ValueError):
    """A period's text cannot be read, or its end lies before its start."""


class InvalidFigureError(ValueError):
    """A figure's text cannot be read, or its bounds are inconsistent."""


class UnknownNameError(LookupError):
    """A look-up found no record of the asked kind under the given name.

    :ivar kind: what was looked for (``"model"``, ``"plant"``…).
    :ivar name: the name that was asked for, as given.
    :ivar suggestions: close matches among the known names, best first.
    :ivar hint: what else the name is, when it names a record of another kind (``"it is a
        variant of 'Moskvich-400'"``), else ``""``.
    """

    def __init__(
        self, kind: str, name: str, suggestions: Iterable[str] = (), *, hint: str = ""
    ) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = tuple(suggestions)
        self.hint = hint
        message = f"no {kind} named {name!r}"
        if hint:
            message += f": {hint}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError would otherwise repr() the message, wrapping it in quotes.
        return str(self.args[0])


class NoPathError(LookupError):
    """Two models are not connected by lineage links in the asked direction."""


class InvalidOptionError(ValueError):
    """An option is not one of the values it allows, such as ``measure="made"``.

    :ivar option: the option's name (``"measure"``).
    :ivar value: the value given, as given.
    :ivar allowed: the values the option allows.
    """

    def __init__(self, option: str, value: object, allowed: Iterable[str]) -> None:
        self.option = option
        self.value = value
        self.allowed = tuple(allowed)
        listed = ", ".join(repr(a) for a in self.allowed)
        super().__init__(f"unknown {option} {value!r}; expected one of {listed}")


class InvalidErasError(ValueError):
    """Eras given to :func:`~moskvitch.production.totals_by_era` overlap or are empty."""


class InvalidQueryError(ValueError):
    """A search query or limit that cannot be used: empty, too long or negative."""


@attrs.frozen
class Problem:
    """One problem found in data: where it is, as separate fields, and what is wrong.

    >>> print(Problem("unknown engine 'x'", file="models.toml", collection="models", index=3,
    ...               record="moskvich-400", path="engines[0]"))
    models.toml: models[3] (moskvich-400).engines[0]: unknown engine 'x'

    :param message: what is wrong, quoting the offending value.
    :param file: the file the data came from (``"models.toml"``), or ``""`` when none.
    :param collection: the collection (``"models"``), or ``""`` for a problem with the whole
        file, such as text that is not TOML.
    :param index: the record's position in its collection, from 0, or ``None``.
    :param record: the record's id, when it has a readable one, else ``""``.
    :param path: the field inside the record (``"citations[0].source"``), or inside the
        document when there is no record; ``""`` for the record or file as a whole.
    :param line: the line of the file it is on, from 1, when known: the field's line in a
        TOML file, else its record's table header (``[[models]]``); ``None`` otherwise.
    """

    message: str
    file: str = attrs.field(default="", kw_only=True)
    collection: str = attrs.field(default="", kw_only=True)
    index: int | None = attrs.field(default=None, kw_only=True)
    record: str = attrs.field(default="", kw_only=True)
    path: str = attrs.field(default="", kw_only=True)
    line: int | None = attrs.field(default=None, kw_only=True)

    @property
    def location(self) -> str:
        """Where the problem is inside its file, e.g. ``models[3] (moskvich-400).engines[0]``."""
        where = self.collection
        if self.index is not None:
            where += f"[{self.index}]"
        if self.record:
            where += f" ({self.record})"
        if self.path:
            where += f".{self.path}" if where and not self.path.startswith("[") else self.path
        return where

    def __str__(self) -> str:
        file = self.file if self.line is None or not self.file else f"{self.file}:{self.line}"
        where = ": ".join(part for part in (file, self.location) if part)
        return f"{where}: {self.message}" if where else self.message


class DataError(Exception):
    """Curated data could not be loaded; ``problems`` lists every problem found.

    No partial catalog is ever returned alongside this error.

    :ivar problems: every :class:`Problem` found, in file order.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the data:"]
        lines += [f"  {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))
