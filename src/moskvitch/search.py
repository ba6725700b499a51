"""Full-text search over models, variants, plants and events, forgiving of spelling.

Queries and texts are folded before comparison by :func:`moskvitch.names.fold`, the normaliser
that look-up by name uses too: case and punctuation are ignored, Cyrillic is transliterated, and
the usual Latin spellings of Russian sounds are made equal (Moskvitch, Moskvich and Москвич all
fold to the same letters). Each record is scored by its best match:
an exact name beats a name that starts with the query, which beats a name containing it, which
beats a near miss (a typo) or words found in an event's summary.

>>> from moskvitch.search import search
>>> [hit.record.id for hit in search("Moskwitsch 412")][:1]
['moskvich-412']
>>> search("Алеко")[0].record.name
'Moskvich-2141'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

import attrs

from .catalog import Catalog
from .errors import InvalidQueryError
from .ingestion import load
from .names import fold, similarity
from .records import Event, Model, Plant, Variant

__all__ = ["MAX_QUERY_LENGTH", "Hit", "search"]

MAX_QUERY_LENGTH = 200
"""The longest query :func:`search` accepts, in characters.

Fuzzy matching compares the query with every name, at a cost that grows with the product of
their lengths; names are short, and a longer query finds nothing more.
"""


Record = Model | Variant | Plant | Event


@attrs.frozen
class Hit:
    """One search result.

    :param record: the model, variant, plant or event found.
    :param score: how well it matched, from 0 to 1 (1 is an exact name).
    :param matched: the name or text that matched best.
    """

    record: Record
    score: float
    matched: str


def _names(record: Record) -> Iterator[str]:
    if isinstance(record, Event):
        return
    yield record.id
    yield record.name
    if isinstance(record, Model | Variant):
        yield from record.aliases
    if isinstance(record, Plant):
        yield from (n.name for n in record.name_history)


def _name_score(query: str, name: str) -> float:
    if query == name:
        return 1.0
    if query in name.split():
        return 0.9
    if name.startswith(query) or query.startswith(name):
        return 0.8 + 0.1 * min(len(query), len(name)) / max(len(query), len(name))
    if query in name:
        return 0.75
    whole = difflib.SequenceMatcher(None, query, name, autojunk=False).ratio()
    # A typo in one word of a longer name ("skaldia" for "Scaldia 412").
    word = max(
        (
            difflib.SequenceMatcher(None, query, part, autojunk=False).ratio()
            for part in name.split()
        ),
        default=0.0,
    )
    # As look-up suggestions rank names: by key, the designation's digits first, typos forgiven.
    return max(0.85 * whole, 0.8 * word, 0.9 * similarity(query, name))


def _text_score(words: list[str], text: str) -> float:
    found = set(text.split())
    hits = sum(
        1 for w in words if w in found or difflib.get_close_matches(w, found, n=1, cutoff=0.8)
    )
    return 0.6 * hits / len(words)


def _records(catalog: Catalog) -> Iterable[Record]:
    yield from catalog.models
    yield from catalog.variants
    yield from catalog.plants
    yield from catalog.events


def search(
    text: str, *, limit: int = 10, min_score: float = 0.5, catalog: Catalog | None = None
) -> tuple[Hit, ...]:
    """Models, variants, plants and events matching ``text``, best first.

    :param text: names, aliases or words, in Latin or Cyrillic script.
    :param limit: at most this many hits.
    :param min_score: drop hits scoring below this (0 to 1).
    :param catalog: the catalog; the shipped one by default.
    :returns: the hits; ties keep catalog order (models, variants, plants, events).
    :raises InvalidQueryError: (a :class:`ValueError`) when ``text`` holds no letters or
        digits, is longer than :data:`MAX_QUERY_LENGTH`, or ``limit`` is negative.
    :raises TypeError: when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"a query is a string, not {type(text).__name__}: {text!r}")
    if limit < 0:
        raise InvalidQueryError(f"limit must not be negative, not {limit}")
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidQueryError(
            f"a query of {len(text):,} characters is too long; at most {MAX_QUERY_LENGTH}"
        )
    query = fold(text)
    if not query:
        raise InvalidQueryError(f"nothing to search for in {text!r}: give a name or some words")
    words = query.split()
    hits = []
    for record in _records(load() if catalog is None else catalog):
        best, matched = 0.0, ""
        for name in _names(record):
            score = _name_score(query, fold(name))
            if score > best:
                best, matched = score, name
        summary = record.summary if isinstance(record, Event) else record.note
        if summary and best < 0.6:
            score = _text_score(words, fold(summary))
            if score > best:
                best, matched = score, summary
        if best >= min_score:
            hits.append(Hit(record, round(best, 3), matched))
    hits.sort(key=lambda hit: -hit.score)
    return tuple(hits[:limit])
