"""Shared test configuration: Hypothesis profiles and the seed documents behind the data."""

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# dev (the default, what the README's `python -m pytest` runs): quick feedback while editing.
# ci: more examples, derandomised (reproducible runs), no example database.
#
# Both must pass on a fresh clone (no .hypothesis/ directory) on a busy machine. The deadline is
# there to catch runaway work (a quadratic loop, a hang), not to time the machine: an example
# builds and validates a catalog, often writes and parses files, and takes tens of milliseconds
# warm, up to ten times that on a loaded 2-core machine. Two seconds fits that work with room;
# Hypothesis's 200 ms default does not.
EXAMPLE_DEADLINE = timedelta(seconds=2)
settings.register_profile("dev", max_examples=30, deadline=EXAMPLE_DEADLINE)
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=EXAMPLE_DEADLINE,
    # Relaxed because a generated catalog of up to a few dozen records is large for Hypothesis:
    # with 100 examples its generation time approaches the too_slow threshold on shared machines.
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
