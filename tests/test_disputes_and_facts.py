"""Rules for disputes (decided or undecided, typed claims) and facts, on hand-made catalogs."""

import attrs
import pytest

from moskvitch import (
    Catalog,
    Citation,
    Claim,
    DataError,
    Dispute,
    Fact,
    FactKind,
    Figure,
    Model,
    ModelKind,
    Period,
    Source,
)

CITE = (Citation(source="s"),)
BASE = {
    "sources": [Source(id="s", title="A source")],
    "models": [Model(id="m", name="M", make="Moskvich", kind=ModelKind.PRODUCTION, citations=CITE)],
}


def catalog(**parts: object) -> Catalog:
    return Catalog(**{**BASE, **parts})  # type: ignore[arg-type]


def claim(value: str, **fields: object) -> Claim:
    return Claim(value=value, citations=CITE, **fields)  # type: ignore[arg-type]


def messages(**parts: object) -> list[str]:
    with pytest.raises(DataError) as error:
        catalog(**parts)
    return [p.message for p in error.value.problems]


def test_an_undecided_dispute_is_valid_and_says_so() -> None:
    dispute = Dispute(
        id="d",
        subject="m",
        topic="production end",
        claims=(
            claim("1956", date=Period.parse("1956")),
            claim("1964", date=Period.parse("1964")),
        ),
        note="Undecided: no source says which is right.",
    )
    built = catalog(disputes=[dispute])
    (found,) = built.conflicts()
    assert (found.decided, found.preferred_claim) == (False, None)


def test_at_most_one_preferred_claim_and_it_needs_a_reason() -> None:
    two = Dispute(
        id="d",
        subject="m",
        topic="t",
        claims=(claim("a", preferred=True, note="why"), claim("b", preferred=True, note="why")),
    )
    assert "at most one claim may be preferred, found 2" in messages(disputes=[two])
    bare = attrs.evolve(two, claims=(claim("a", preferred=True), claim("b")))
    assert "the preferred claim needs a reason" in messages(disputes=[bare])
    decided = attrs.evolve(two, claims=(claim("a", preferred=True, note="why"), claim("b")))
    assert catalog(disputes=[decided]).disputes[0].preferred_claim == decided.claims[0]


def test_typed_claims_use_one_unit_per_dispute() -> None:
    mixed = Dispute(
        id="d",
        subject="m",
        topic="engine displacement",
        claims=(
            claim("1.1 L", figure=Figure.between(1050, 1149), unit="cc"),
            claim("1.1 L", figure=Figure.exact(1), unit="L"),
        ),
    )
    assert any("several units" in m for m in messages(disputes=[mixed]))
    unitless = attrs.evolve(mixed, claims=(claim("660 cc", figure=Figure.exact(660)), claim("x")))
    assert "a figure needs its unit" in messages(disputes=[unitless])


def test_facts_are_reached_from_their_subject_and_checked() -> None:
    top_speed = Fact(
        id="f",
        subject="m",
        kind=FactKind.SPECIFICATION,
        topic="top speed",
        figure=Figure.approx(150),
        unit="km/h",
        citations=CITE,
    )
    assert catalog(facts=[top_speed]).facts_of("m") == (top_speed,)
    assert "unknown model, variant, plant or engine 'x'" in messages(
        facts=[attrs.evolve(top_speed, subject="x")]
    )
    assert "a figure needs its unit" in messages(facts=[attrs.evolve(top_speed, unit=None)])
    empty = attrs.evolve(top_speed, figure=None, unit=None)
    assert "a fact needs a figure, a text or both" in messages(facts=[empty])
    share = attrs.evolve(top_speed, figure=Figure.exact(120), unit="percent")
    assert any("a share above 100%" in m for m in messages(facts=[share]))
    assert "no citation: every record cites a source" in messages(
        facts=[attrs.evolve(top_speed, citations=())]
    )


def test_an_inference_must_give_its_reason() -> None:
    fact = Fact(
        id="f", subject="m", kind=FactKind.MARKET, topic="market", text="Cuba", citations=CITE
    )
    assert "an inference needs its reason" in messages(facts=[attrs.evolve(fact, inference=" ")])
    reasoned = attrs.evolve(fact, inference="The source does not name the model.")
    assert catalog(facts=[reasoned]).facts[0].inference
