"""Benchmarks of moskvitch, with the targets they are held to.

Run from the project root, in an environment with moskvitch installed::

    python benchmarks/run.py            # everything (about two minutes)
    python benchmarks/run.py --quick    # fewer repeats, no 100,000-model catalog

Each figure is the median of several runs; start-up figures are measured in fresh processes.
The results are printed as a table and are not part of the pass/fail test run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable

PYTHON = sys.executable


def fresh_process(code: str, repeats: int) -> float:
    """Median seconds reported by ``code`` (which prints one float) in fresh interpreters."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    samples = [
        float(
            subprocess.run(
                [PYTHON, "-c", code], capture_output=True, text=True, check=True, env=env
            ).stdout
        )
        for _ in range(repeats)
    ]
    return statistics.median(samples)


def import_time(modules: str, repeats: int) -> float:
    code = f"import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"
    return fresh_process(code, repeats)


def first_load(repeats: int) -> float:
    code = (
        "import time, moskvitch; t = time.perf_counter(); moskvitch.load(); "
        "print(time.perf_counter() - t)"
    )
    return fresh_process(code, repeats)


def cli_first_line(repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        with subprocess.Popen([PYTHON, "-m", "moskvitch", "stats"], stdout=subprocess.PIPE) as proc:
            assert proc.stdout is not None
            proc.stdout.readline()
            samples.append(time.perf_counter() - start)
            proc.stdout.read()
    return statistics.median(samples)


def per_call(function: Callable[[], object], repeats: int = 5) -> float:
    """Median seconds per call, timing enough calls to last about 0.2 s per repeat."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=repeats, number=number))


def once(function: Callable[[], object], repeats: int = 3) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller catalogs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    repeats = 5 if args.quick else 15

    import moskvitch
    from moskvitch import lineage, production
    from moskvitch.serialization import from_json, to_json
    from moskvitch.testing import synthetic_catalog

    rows: list[tuple[str, float, str, bool | None]] = []

    baseline = import_time("attrs, cattrs", repeats)
    ours = import_time("moskvitch", repeats)
    rows.append(("import attrs + cattrs (baseline)", baseline, "", None))
    rows.append(
        ("import moskvitch (no data loaded)", ours, "≤ 1.2 × baseline", ours <= 1.2 * baseline)
    )
    load = first_load(repeats)
    rows.append(("first load() of the shipped data", load, "≤ 30 ms", load <= 0.030))
    catalog = moskvitch.load()
    lookup = per_call(lambda: catalog.model("Москвич-412"))
    rows.append(("warm look-up by alias", lookup, "< 2 µs", lookup < 2e-6))
    fuzzy = per_call(lambda: catalog.model("moskvitch 412"))
    rows.append(("warm look-up, other spelling", fuzzy, "", None))
    up = per_call(lambda: lineage.ancestors("2140", catalog=catalog))
    rows.append(("ancestors('2140'), shipped data", up, "< 50 µs", up < 50e-6))
    eras = per_call(lambda: production.totals_by_era(catalog=catalog))
    rows.append(("totals_by_era(), shipped data", eras, "", None))
    cli = cli_first_line(repeats)
    rows.append(("CLI start-up to first line", cli, "≤ 150 ms", cli <= 0.150))

    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    scaling: dict[str, list[float]] = {"load": [], "lookup": [], "ancestors": [], "eras": []}
    for size in sizes:
        big = synthetic_catalog(size)
        text = to_json(big)
        name = f"M-{size - 1}"
        last = big.model(name)
        scaling["load"].append(once(lambda text=text: from_json(text), 1 if size >= 100_000 else 3))
        scaling["lookup"].append(per_call(lambda big=big, name=name: big.model(name)))
        scaling["ancestors"].append(
            per_call(lambda big=big, last=last: lineage.ancestors(last, catalog=big))
        )
        scaling["eras"].append(once(lambda big=big: production.totals_by_era(catalog=big)))
    for operation, timings in scaling.items():
        for size, seconds in zip(sizes, timings, strict=True):
            target, met = "", None
            if operation == "load" and size == 100_000:
                target, met = "< 5 s", seconds < 5
            rows.append((f"{operation}, {size:,} models", seconds, target, met))
        for (small, a), (large, b) in zip(
            zip(sizes, timings, strict=True),
            list(zip(sizes, timings, strict=True))[1:],
            strict=False,
        ):
            growth = b / a
            rows.append(
                (
                    f"{operation}: {large:,} vs {small:,} models",
                    growth,
                    "≤ 12× for 10× data",
                    growth <= 12,
                )
            )

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    if args.json:
        print(json.dumps({"machine": machine, "rows": rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"moskvitch {moskvitch.__version__} on {machine}\n")
    width = max(len(r[0]) for r in rows)
    for label, value, target, met in rows:
        shown = f"{value:.1f}×" if "vs" in label else fmt(value)
        verdict = "" if met is None else ("met" if met else "MISSED")
        print(f"{label:<{width}}  {shown:>10}  {target:<20} {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
