"""Forgiving name keys: how ``"Москвич-412"``, ``"moskvitch 412"`` and ``"412"`` become one key."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = ["close_matches", "name_key"]

# Separators and every spelling of the brand the sources use, Cyrillic included, are dropped
# from keys: the brand carries no information inside a catalog of one brand.
_SEPARATORS = dict.fromkeys(map(ord, " \t\n-‐‑‒–—_.,/'\"«»“”()"))
_BRAND_RE = re.compile(r"moskvit[cs]h|moskvi[cč]h?|moskvič|moskwitsch|moskvitš|москвич")


def name_key(name: str) -> str:
    """The look-up key of a name: case, spacing, hyphens and brand spelling ignored.

    :param name: any name or alias.
    :returns: the key; empty when the name is only the brand.

    >>> name_key("Москвич-412") == name_key("moskvitch 412") == name_key("412")
    True
    """
    text = name.lower() if name.isascii() else unicodedata.normalize("NFKC", name).casefold()
    text = text.translate(_SEPARATORS)
    if "mosk" in text or "моск" in text:
        text = _BRAND_RE.sub("", text)
    return text


def close_matches(name: str, names: Mapping[str, str] | Iterable[str], limit: int = 3) -> list[str]:
    """The known names closest to ``name``, best first, compared by key.

    :param name: what was asked for.
    :param names: the known names, or a mapping from each name's key (see :func:`name_key`) to
        the name to suggest for it, so that a close alias suggests its record's display name.
    :param limit: at most this many.
    :returns: up to ``limit`` distinct names.
    """
    if isinstance(names, Mapping):
        by_key = dict(names)
    else:
        by_key = {}
        for known in names:
            by_key.setdefault(name_key(known), known)
    key = name_key(name)
    matches = difflib.get_close_matches(key, list(by_key), n=limit * 3, cutoff=0.5)
    if not matches and key:
        matches = [k for k in by_key if key in k or (k and k in key)]
    return list(dict.fromkeys(by_key[m] for m in matches))[:limit]
