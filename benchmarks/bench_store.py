"""Budget of the workshop store: saving a team's full workbook, the way the workshop does on every change.

Run: .venv/bin/python benchmarks/bench_store.py   (reports; asserts nothing)
Budget: a save well under 20 ms (median and p95 of 200 saves of a full workbook), so saving on
every change a team makes is never felt. A save writes the JSON and reads it back once (the store
never replaces a readable record with one that would not read), so both JSON steps are in it. The file is a fresh one in a temporary folder, on the
same disk as the workshop's data folder would be; a heavy workbook (long texts, long lists)
and the JSON steps alone are measured beside it, so a slow disk shows apart from slow code.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toolkit.store import Store  # noqa: E402
from toolkit.workbook import (  # noqa: E402
    Advocacy,
    Brief,
    Challenge,
    Early,
    Employer,
    Hashtags,
    Idea,
    Offer,
    Perfection,
    Pipeline,
    Plan,
    Post,
    Reach,
    Safety,
    TagCount,
    Team,
    Workbook,
    from_json,
    new_code,
    to_json,
)

REPEAT = 200


def full_workbook(code: str, scale: int = 1) -> Workbook:
    """Every section filled as a busy team would fill it; ``scale`` multiplies lists and texts."""
    text = "Een dag meelopen in de werkplaats, met een stagiair die vertelt wat ze leert. " * scale
    return Workbook(
        team=Team(name="Team Zuid", code=code, company="Garage De Vries", sector="Techniek", region="Utrecht"),
        early=Early(
            handle="@garagedevries",
            handle_claimed=True,
            employers=tuple(Employer(f"Bedrijf {i}", "monthly") for i in range(12 * scale)),
        ),
        ideas=tuple(Idea(f"Idee {i}: {text}", tone=10 * (i % 10), kind="tell") for i in range(20 * scale)),
        challenge=Challenge("Sleutelchallenge", "#sleutelchallenge", "duet", "eigen geluid", text,
                            tuple(f"Duet {i}: {text}" for i in range(2 * scale))),
        advocacy=Advocacy("week 1", tuple(Post(f"Medewerker {i}", "employee", "touch", text, 1, 1, 6)
                                          for i in range(12 * scale))),
        perfection=Perfection(text, tuple(f"check {i}" for i in range(8 * scale)),
                              Brief(text, "Sanne", "werkplaats", text, text)),
        safety=Safety(tuple(f"regel {i}" for i in range(10 * scale)), "Sanne", text),
        hashtags=Hashtags("Garage De Vries", "monteur", "sleutelchallenge",
                          tuple(f"#eigen{i}" for i in range(5 * scale)),
                          tuple(TagCount(f"#tag{i}", 1_000 * i) for i in range(15 * scale)),
                          ("#monteur", "#stage", "#garagedevries"), True, text, 10_000, 1_000_000),
        pipeline=Pipeline("Utrecht", tuple(Offer("mbo-bpv", "mbo-4", 2, 2027, 2029) for _ in range(4 * scale)),
                          0.02, 0.1, 0.5, 0.4, 0.3, 0.2),
        reach=Reach("voorbeeld", 3, 12, 800.0, 1.2, 0.3, 1.5, 0.9, 0.2, "Utrecht"),
        plan=Plan(tuple(f"Actie {i}: {text}" for i in range(10 * scale)), "Sanne", "2026-12-01"),
        step="plan",
    )


def timed(func, repeat: int = REPEAT) -> list[float]:
    func()  # warm-up: the file's tables, the type hints' cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def main() -> None:
    code = new_code()
    full, heavy = full_workbook(code), full_workbook(code, scale=10)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.sqlite3") as store:
        counter = iter(range(10**9))

        def save_changed(workbook: Workbook) -> None:
            # a different step each time, as after a real change (same size)
            store.save(Workbook(**{**vars(workbook), "step": f"step{next(counter) % 10}"}))

        rows = [
            (f"to_json, full workbook ({len(to_json(full).encode()) // 1024} kB)", timed(lambda: to_json(full)), None),
            ("from_json, full workbook", timed(lambda: from_json(to_json(full))), None),
            ("save, full workbook", timed(lambda: save_changed(full)), 20),
            ("load, full workbook", timed(lambda: store.load(code)), None),
            # ten times every list and text: far beyond what a team writes in a workshop
            (f"save, heavy workbook ({len(to_json(heavy).encode()) // 1024} kB)", timed(lambda: save_changed(heavy)),
             None),
        ]
    print(f"{'what':44} {'median ms':>10} {'p95 ms':>8} {'budget':>10}")
    for name, times, budget in rows:
        median, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
        verdict = "" if budget is None else f"< {budget}" + (" ok" if p95 < budget else " OVER")
        print(f"{name:44} {median:10.2f} {p95:8.2f} {verdict:>10}")


if __name__ == "__main__":
    main()
