"""The one normaliser of names: how ``"Москвич-412"``, ``"Moskwitsch 412"`` and ``"412"`` meet.

:func:`fold` makes two spellings of the same words equal: case and punctuation are ignored,
Cyrillic is transliterated, and the usual Latin spellings of one Russian sound are made one.
:func:`name_key` goes further for look-ups by name: it drops spaces and the brand, which says
nothing inside a catalog of one brand. Look-up (:meth:`Catalog.model <moskvitch.Catalog.model>`
and the rest) and :func:`moskvitch.search.search` use these two functions and no other.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ["MAX_NAME_LENGTH", "NameKeys", "close_matches", "fold", "name_key", "similarity"]

MAX_NAME_LENGTH = 200
"""The longest id, name or alias a catalog accepts, in characters (as long as a search query).

Fuzzy matching compares a query with every name at a cost that grows with the product of their
lengths: a cap on both keeps every search quick.
"""

_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"
_CYRILLIC = {
    cyrillic: latin.strip("_")
    for cyrillic, latin in zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _LATIN.split(" "), strict=True)
}
# Latin spellings of one Russian sound, longest first so "tch" wins over "ch".
_SOUNDS = [("tsch", "ch"), ("tch", "ch"), ("kh", "h"), ("w", "v"), ("ks", "x"), ("j", "i")]
_WORD_RE = re.compile(r"[a-z0-9]+")
_ASCII_WORDS = {code: chr(code).lower() if chr(code).isalnum() else " " for code in range(128)}
# Every spelling of the brand, once folded: Moskvich, Moskvitch, Moskwitsch, Москвич, Moskvič…
_BRAND_RE = re.compile(r"moskvi(?:ch|ts|c)?")


def fold(text: str) -> str:
    """Fold text for comparison: lowercase Latin letters, digits and single spaces.

    :param text: any text, Latin or Cyrillic.
    :returns: the folded text.

    >>> fold("Москвич-412") == fold("Moskvitch 412") == fold("MOSKWITSCH 412")
    True
    >>> fold("Алеко")
    'aleko'
    """
    if text.isascii():
        # Nothing to decompose or transliterate, the common case: letters and digits lowered,
        # anything else a space, the words split on spaces. A sound's spelling is letters
        # only, so no replacement below spans what was punctuation.
        text = text.translate(_ASCII_WORDS)
        for spelling, sound in _SOUNDS:
            text = text.replace(spelling, sound)
        return " ".join(text.split())
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(_CYRILLIC.get(char, char) for char in text if not unicodedata.combining(char))
    for spelling, sound in _SOUNDS:
        text = text.replace(spelling, sound)
    return " ".join(_WORD_RE.findall(text))


def name_key(name: str) -> str:
    """The look-up key of a name: :func:`fold` without spaces and without the brand.

    :param name: any name or alias.
    :returns: the key; empty when the name is only the brand.

    >>> name_key("Москвич-412") == name_key("moskvitch 412") == name_key("412")
    True
    >>> name_key("Алеко") == name_key("Aleko")
    True
    """
    return _BRAND_RE.sub("", fold(name)).replace(" ", "")


class NameKeys(dict[str, str]):
    """Names mapped to their keys (see :func:`name_key`), each key computed on first use.

    Building a catalog needs the key of every name twice, once to check that no two records
    share a key and once to index them: one of these, passed to both, computes each once.

    >>> keys = NameKeys()
    >>> keys["Москвич-412"], len(keys)
    ('412', 1)
    """

    def __missing__(self, name: str) -> str:
        key = self[name] = name_key(name)
        return key


# Letters typed for the digits they look like, read as digits beside another digit: "4l2", "4O8".
_LOOKALIKE_RE = re.compile(r"(?<=[0-9])[lio]|[lio](?=[0-9])")
_LOOKALIKES = {"l": "1", "i": "1", "o": "0"}
_DIGITS_RE = re.compile(r"[0-9]+")
_BRAND = "moskvich"


def _typed_key(name: str) -> str:
    """The key a user meant: :func:`name_key`, without a misspelt brand ("Moscvich",
    "Moskvch") and with look-alike letters beside digits read as digits ("4l2" as "412")."""
    import difflib  # only a failed look-up needs it

    words = [
        word
        for word in _BRAND_RE.sub("", fold(name)).split()
        if not (len(word) > 4 and difflib.SequenceMatcher(None, word, _BRAND).ratio() >= 0.75)
    ]
    return _LOOKALIKE_RE.sub(lambda match: _LOOKALIKES[match[0]], "".join(words))


def similarity(asked: str, known: str) -> float:
    """How close a name someone typed is to a known name, from 0 to 1, as a reader means it.

    Both are compared by key (see :func:`name_key`), with the asked name read as it was meant
    (a misspelt brand dropped, ``l``, ``i`` and ``O`` beside a digit read as ``1``, ``1`` and
    ``0``). The digits of a designation weigh most: the same digits rank above a closer
    spelling with other digits, as "412" means the 412 in any spelling.

    :param asked: what was asked for.
    :param known: a known name, or its key.
    :returns: 1 for the same key; less the further apart they are.

    >>> similarity("Moskvich 4l2", "Moskvich-412")
    1.0
    >>> similarity("Moscvich 400", "Moskvich-400") > similarity("Moscvich 400", "AZLK")
    True
    """
    import difflib  # only a failed look-up needs it

    query, key = _typed_key(asked), name_key(known)
    if not query or not key:
        return 0.0
    if query == key:
        return 1.0
    ratio = difflib.SequenceMatcher(None, query, key, autojunk=False).ratio()
    digits, known_digits = _DIGITS_RE.findall(query), _DIGITS_RE.findall(key)
    if digits and digits == known_digits:
        return 0.7 + 0.29 * ratio  # the designation is right, the letters around it differ
    if digits and known_digits:
        return 0.8 * ratio  # another designation: only a near miss in its digits
    if known_digits:
        return 0.9 * ratio  # no designation asked for: a name without one is likelier
    return ratio


def close_matches(name: str, names: Mapping[str, str] | Iterable[str], limit: int = 3) -> list[str]:
    """The known names closest to ``name``, best first, ranked by :func:`similarity`.

    :param name: what was asked for.
    :param names: the known names, or a mapping from each name's key (see :func:`name_key`) to
        the name to suggest for it, so that a close alias suggests its record's display name.
    :param limit: at most this many.
    :returns: up to ``limit`` distinct names, each at least half similar and not much less
        than the best; when none is, the names whose key contains the asked key or is
        contained in it.

    >>> close_matches("Moskvich 4l2", ["Moskvich-412", "Moskvich-426", "Moskvich-424"])
    ['Moskvich-412']
    """
    if isinstance(names, Mapping):
        by_key = dict(names)
    else:
        by_key = {}
        for known in names:
            by_key.setdefault(name_key(known), known)
    best: dict[str, float] = {}
    for key, shown in by_key.items():
        score = similarity(name, key)
        if score >= 0.5 and score > best.get(shown, 0.0):
            best[shown] = score
    # Best first, ties in the known names' order; far weaker ones than the best are noise.
    ranked = sorted(best, key=lambda shown: -best[shown])
    ranked = [shown for shown in ranked if best[shown] >= best[ranked[0]] - 0.25]
    if not ranked and (key := _typed_key(name)):
        ranked = list(dict.fromkeys(v for k, v in by_key.items() if k and (key in k or k in key)))
    return ranked[:limit]
