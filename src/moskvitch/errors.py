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
    "InvalidFigureError",
    "InvalidPeriodError",
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
    """

    def __init__(self, kind: str, name: str, suggestions: Iterable[str] = ()) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = tuple(suggestions)
        message = f"no {kind} named {name!r}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError would otherwise repr() the message, wrapping it in quotes.
        return str(self.args[0])


class NoPathError(LookupError):
    """Two models are not connected by lineage links in the asked direction."""


@attrs.frozen
class Problem:
    """One problem found in a data directory or catalog.

    :param file: the file the record came from (``"models.toml"``), or ``""`` when unknown.
    :param path: where in the file, e.g. ``"models[3] (moskvich-400).production"``.
    :param message: what is wrong, quoting the offending value.
    """

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = ": ".join(part for part in (self.file, self.path) if part)
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
