"""Budgets of the reach tools: 10,000 simulated runs of 52 weeks, and loading a full export.

Run: .venv/bin/python benchmarks/bench_reach.py   (reports; asserts nothing)
Budgets: simulation under 100 ms; loading a full export (four zips) under 300 ms.
Each figure is the median of repeated runs, next to a baseline measured in the same run
(numpy drawing the same number of normal variates), so a busy machine shows in both.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.analytics import load_export  # noqa: E402
from toolkit.reach import ViewsModel, bands, simulate  # noqa: E402
from toolkit.samples import SAMPLE_DIR  # noqa: E402


def timed(func, repeat: int) -> list[float]:
    func()  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    rng = np.random.default_rng(0)
    rows = [
        ("baseline: 1.56M normal draws (numpy)", timed(lambda: rng.standard_normal((10_000, 52, 3)), 15), None),
        ("simulate 10,000 runs x 52 weeks, 3 posts/week", timed(lambda: simulate(3, 52, ViewsModel(), runs=10_000), 15), 100),
        ("simulate + 10-50-90 % bands (for the chart)", timed(lambda: bands(simulate(3, 52, ViewsModel(), runs=10_000)), 15), None),
        ("simulate 10,000 x 52, 7 posts/week", timed(lambda: simulate(7, 52, ViewsModel(), runs=10_000), 9), None),
        ("load_export: sample folder (4 zips, 7 files)", timed(lambda: load_export(SAMPLE_DIR), 15), 300),
    ]
    print(f"{'what':48} {'median ms':>10} {'p90 ms':>8} {'budget':>8}")
    for name, times, budget in rows:
        times.sort()
        p90 = times[int(0.9 * (len(times) - 1))]
        verdict = "" if budget is None else (f"< {budget}" + (" ok" if statistics.median(times) < budget else " OVER"))
        print(f"{name:48} {statistics.median(times):10.1f} {p90:8.1f} {verdict:>8}")


if __name__ == "__main__":
    main()
