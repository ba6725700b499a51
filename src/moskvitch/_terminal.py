"""Text for a terminal: the one place where output meant for a reader is made safe to show.

The command line writes every text output (tables, trees, records, error messages) through a
:class:`TerminalStream` that wraps standard output or standard error. It changes text in two
ways, and nothing else:

- **Control characters are escaped**, so text from data cannot act on the reader's terminal: an
  ANSI or OSC sequence (``\\x1b[2J``, ``\\x1b]0;title\\x07``), a carriage return, a backspace, a
  bidirectional override (U+202E) or any other invisible format character is written as its
  Python escape, ``\\x1b``, ``\\r``, ``\\u202e``. Only the newline passes as it is.
- **What the encoding cannot show is replaced**: the signs of the figure notation by their ASCII
  spellings (``≈`` as ``~``, ``≥`` as ``>=``, ``–`` as ``-``), the tree's lines by ``|``, ``` ` ``
  and ``-``, and any other character by its escape (``\\u041c``), so that the output never fails.

:func:`width` gives the width a text takes once written, so that tables padded by it stay
aligned whatever was escaped or replaced. JSON and exported data are never written through
it: they stay exact.
"""

from __future__ import annotations

import io
import re
import sys
from typing import TextIO

__all__ = ["TerminalStream", "escape", "width"]

# Characters that act on a terminal or hide text: C0 and C1 controls (but the newline), DEL,
# the line and paragraph separators, lone surrogates, and the format characters (Unicode
# category Cf): bidirectional marks, embeddings, overrides and isolates, zero-width spaces
# and joiners, the byte order mark, tag characters. A test checks the list against the
# Unicode database.
_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff"
    "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)

# The signs of the figure notation and the tree's lines, for an encoding that lacks them.
_ASCII = {
    "≈": "~",
    "≥": ">=",
    "≤": "<=",
    "≳": ">~",
    "≲": "<~",
    "–": "-",
    "—": "-",
    "…": "...",
    "├": "|",
    "└": "`",
    "│": "|",
    "─": "-",
    "«": '"',
    "»": '"',
}


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def escape(text: str) -> str:
    """``text`` with every control and format character but the newline escaped.

    :param text: any text.
    :returns: the text, safe to show on a terminal.

    >>> print(escape("note \\x1b[2J\\u202eevil\\r"))
    note \\x1b[2J\\u202eevil\\r
    """
    return _UNSAFE.sub(_escaped, text)


class TerminalStream(io.TextIOBase):
    """A text stream that writes to ``stream`` what a terminal can show (see the module).

    :param stream: the stream to write to, such as :data:`sys.stdout`.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self._encoding = getattr(stream, "encoding", None) or "utf-8"
        self._lacking = {sign: ascii for sign, ascii in _ASCII.items() if not self._can(sign)}

    def _can(self, text: str) -> bool:
        try:
            text.encode(self._encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def render(self, text: str) -> str:
        """``text`` as it is written: escaped, and changed to what the encoding can show.

        :param text: any text.
        :returns: the text written for it.
        """
        text = escape(text)
        if self._lacking:
            text = "".join(self._lacking.get(char, char) for char in text)
        if not text.isascii() and not self._can(text):
            text = text.encode(self._encoding, "backslashreplace").decode(self._encoding)
        return text

    def write(self, text: str) -> int:
        self.stream.write(self.render(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def writable(self) -> bool:
        return True


def width(text: str) -> int:
    """How many characters ``text`` takes once written to standard output.

    :param text: any text.
    :returns: its length after the escapes and replacements of a :class:`TerminalStream`, or
        its length when standard output is not one.
    """
    stream = sys.stdout
    return len(stream.render(text) if isinstance(stream, TerminalStream) else text)
