"""Shared test configuration: Hypothesis profiles and the seed documents behind the data."""

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# dev: quick feedback while editing; ci: more examples, derandomised (reproducible runs), no
# example database, no deadline (CI machines are shared).
settings.register_profile("dev", max_examples=30)
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

SEEDS = Path(__file__).parent / "seeds"
_REFERENCE_RE = re.compile(r"^\s+(\d+)\. \[\1\]\s*$", re.MULTILINE)


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space."""
    return " ".join(text.split())


@pytest.fixture(scope="session")
def source_texts() -> dict[str, str]:
    """The whitespace-normalised text behind each source id the data may quote."""
    texts: dict[str, str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        texts[f"seed-{path.name[:3]}"] = normalise(path.read_text(encoding="utf-8"))
    article = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    marks = list(_REFERENCE_RE.finditer(article))
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else len(article)
        texts[f"ref-{mark[1]}"] = normalise(article[mark.end() : end])
    return texts
