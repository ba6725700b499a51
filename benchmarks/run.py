"""Benchmarks of moskvitch, with the targets they are held to.

Run from the project root, in an environment with moskvitch installed (``pip install -e
.[bench]`` adds pycountry, the library whose first answer is the yardstick)::

    python benchmarks/run.py            # everything (about four minutes)
    python benchmarks/run.py --quick    # fewer repeats, no 100,000-model catalog
    python benchmarks/run.py --profile  # where the first answer's time goes

Each figure is the median of several runs. Start-up figures are measured in fresh processes
whose byte-code caches were written by a warm-up run first, as ``pip`` writes them when it
installs a wheel. Figures compared by a ratio are measured in one interleaved run (A, B, A,
B…), so that a busy moment of the machine slows both alike. The results are printed as a
table and are not part of the pass/fail test run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable

PYTHON = sys.executable
#: Fresh processes may write byte-code caches, as an installed package has them.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

FIRST_ANSWER = "import moskvitch; moskvitch.load().model('412')"
PYCOUNTRY_ANSWER = "import pycountry; pycountry.countries.get(alpha_2='RU')"


def run_code(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return what it printed."""
    return subprocess.run(
        [PYTHON, "-c", code], capture_output=True, text=True, check=True, env=ENV
    ).stdout


def whole_process(code: str) -> float:
    """Seconds from starting a fresh interpreter running ``code`` until it has exited."""
    start = time.perf_counter()
    subprocess.run([PYTHON, "-c", code], check=True, env=ENV, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def interleaved(measures: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """The median of each measure, the measures taken in turn (A, B, A, B…) after a warm-up."""
    for measure in measures.values():
        measure()  # writes byte-code caches, warms the file system cache
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(repeats):
        for name, measure in measures.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


def import_time(modules: str) -> Callable[[], float]:
    code = f"import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"
    return lambda: float(run_code(code))


def first_load() -> float:
    code = (
        "import time, moskvitch; t = time.perf_counter(); moskvitch.load(); "
        "print(time.perf_counter() - t)"
    )
    return float(run_code(code))


def cli_first_line() -> float:
    start = time.perf_counter()
    with subprocess.Popen(
        [PYTHON, "-m", "moskvitch", "stats"], stdout=subprocess.PIPE, env=ENV
    ) as proc:
        assert proc.stdout is not None
        proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.stdout.read()
    return elapsed


def per_call(function: Callable[[], object], repeats: int = 5) -> float:
    """Median seconds per warm call, timing enough calls to last about 0.2 s per repeat."""
    function()  # a first call may fill caches (the lineage graph): not what is measured
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    return statistics.median(t / number for t in timer.repeat(repeat=repeats, number=number))


def load_export(path: str, repeats: int) -> float:
    """Median seconds ``from_json`` takes to read the export at ``path``, in fresh processes.

    The text is read before the clock starts; ``load(path)`` would read it the same way, but
    refuses files above ``MAX_FILE_BYTES`` (a 100,000-model export is about 50 MB). A fresh
    process holds nothing else, as a user's would: no catalog the export was made from.
    """
    code = (
        "import time; from moskvitch.serialization import from_json; "
        f"text = open({path!r}, encoding='utf-8').read(); "
        "t = time.perf_counter(); from_json(text); print(time.perf_counter() - t)"
    )
    return statistics.median(float(run_code(code)) for _ in range(repeats))


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


PHASES = """
import sys, time
t0 = time.perf_counter()
import attrs
t1 = time.perf_counter()
import moskvitch
t2 = time.perf_counter()
catalog = moskvitch.load()
t3 = time.perf_counter()
catalog.model('412')
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3, int('cattrs' in sys.modules))
"""


def profile(repeats: int) -> int:
    """Print where the whole-process first answer spends its time."""
    start_up = interleaved({"start": lambda: whole_process("pass")}, repeats)["start"]
    run_code(PHASES)
    rows = [run_code(PHASES).split() for _ in range(repeats)]
    columns = list(zip(*rows, strict=True))
    attrs_s, ours, load, look = (statistics.median(float(v) for v in c) for c in columns[:4])
    total = statistics.median([whole_process(FIRST_ANSWER) for _ in range(repeats)])
    print(f"first answer, whole process: {fmt(total)} (median of {repeats})")
    for label, value in (
        ("interpreter start-up and exit", start_up),
        ("import attrs", attrs_s),
        ("import moskvitch (its own modules)", ours),
        ("first load() of the shipped data", load),
        ("catalog.model('412')", look),
    ):
        print(f"  {label:<36} {fmt(value):>10}")
    print(f"  cattrs imported: {'yes' if columns[4][0] == '1' else 'no'}")
    print("\nload() in a fresh process, by cumulative time (cProfile):")
    print(_load_profile())
    return 0


def _load_profile() -> str:
    code = (
        "import cProfile, io, pstats, moskvitch\n"
        "profiler = cProfile.Profile()\n"
        "profiler.runcall(moskvitch.load)\n"
        "out = io.StringIO()\n"
        "pstats.Stats(profiler, stream=out).sort_stats('cumulative').print_stats(15)\n"
        "print(out.getvalue())\n"
    )
    return run_code(code)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller catalogs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", action="store_true", help="profile the first answer")
    args = parser.parse_args()
    repeats = 5 if args.quick else 15
    if args.profile:
        return profile(repeats)

    import moskvitch
    from moskvitch import lineage, production
    from moskvitch.serialization import to_json
    from moskvitch.testing import synthetic_catalog

    rows: list[tuple[str, float, str, bool | None]] = []

    answers = {"moskvitch": lambda: whole_process(FIRST_ANSWER)}
    if importlib.util.find_spec("pycountry") is not None:
        answers["pycountry"] = lambda: whole_process(PYCOUNTRY_ANSWER)
    answer = interleaved(answers, repeats)
    rows.append(("first answer, whole process", answer["moskvitch"], "", None))
    if "pycountry" in answer:
        rows.append(("pycountry's first answer, same run", answer["pycountry"], "", None))
        ratio = answer["moskvitch"] / answer["pycountry"]
        rows.append(("first answer: moskvitch vs pycountry", ratio, "≤ 1.0×", ratio <= 1.0))
    else:
        rows.append(("pycountry's first answer (pip install pycountry)", float("nan"), "", None))

    imports = interleaved(
        {"baseline": import_time("attrs, cattrs"), "ours": import_time("moskvitch")}, repeats
    )
    rows.append(("import attrs, cattrs (baseline)", imports["baseline"], "", None))
    rows.append(("import moskvitch (no data loaded)", imports["ours"], "", None))
    ratio = imports["ours"] / imports["baseline"]
    rows.append(("import: moskvitch vs attrs, cattrs", ratio, "≤ 1.2×", ratio <= 1.2))
    load = interleaved({"load": first_load}, repeats)["load"]
    rows.append(("first load() of the shipped data", load, "≤ 30 ms", load <= 0.030))
    cli = interleaved({"cli": cli_first_line}, repeats)["cli"]
    rows.append(("CLI start-up to first line", cli, "≤ 150 ms", cli <= 0.150))

    catalog = moskvitch.load()
    lookup = per_call(lambda: catalog.model("Москвич-412"))
    rows.append(("warm look-up by alias", lookup, "< 2 µs", lookup < 2e-6))
    fuzzy = per_call(lambda: catalog.model("moskvitch 412"))
    rows.append(("warm look-up, other spelling", fuzzy, "", None))
    up = per_call(lambda: lineage.ancestors("2140", catalog=catalog))
    rows.append(("ancestors('2140'), shipped data", up, "< 50 µs", up < 50e-6))
    eras = per_call(lambda: production.totals_by_era(catalog=catalog))
    rows.append(("totals_by_era(), shipped data", eras, "", None))

    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    scaling: dict[str, list[float]] = {"load": [], "lookup": [], "ancestors": [], "eras": []}
    exports = tempfile.TemporaryDirectory()
    for size in sizes:
        big = synthetic_catalog(size)
        path = os.path.join(exports.name, f"{size}.json")
        with open(path, "w", encoding="utf-8") as file:
            file.write(to_json(big))
        name = f"M-{size - 1}"
        last = big.model(name)
        scaling["load"].append(load_export(path, 3))
        scaling["lookup"].append(per_call(lambda big=big, name=name: big.model(name)))
        scaling["ancestors"].append(
            per_call(lambda big=big, last=last: lineage.ancestors(last, catalog=big))
        )
        scaling["eras"].append(
            once(lambda big=big: production.totals_by_era(catalog=big), 1 if size >= 100_000 else 3)
        )
        del big, last
    exports.cleanup()
    targets = {("load", 100_000): 5.0, ("eras", 100_000): 2.0}
    for operation, timings in scaling.items():
        for size, seconds in zip(sizes, timings, strict=True):
            limit = targets.get((operation, size))
            target, met = ("", None) if limit is None else (f"< {limit:g} s", seconds < limit)
            rows.append((f"{operation}, {size:,} models", seconds, target, met))
        for (small, a), (large, b) in zip(
            zip(sizes, timings, strict=True),
            list(zip(sizes, timings, strict=True))[1:],
            strict=False,
        ):
            growth = b / a
            target, met = (
                ("≤ 12× for 10× data", growth <= 12) if operation == "load" else ("", None)
            )
            rows.append((f"{operation}: {large:,} vs {small:,} models", growth, target, met))

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    if args.json:
        print(json.dumps({"machine": machine, "rows": rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"moskvitch {moskvitch.__version__} on {machine}\n")
    width = max(len(r[0]) for r in rows)
    for label, value, target, met in rows:
        shown = f"{value:.2f}×" if "vs" in label else fmt(value)
        verdict = "" if met is None else ("met" if met else "MISSED")
        print(f"{label:<{width}}  {shown:>10}  {target:<20} {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
