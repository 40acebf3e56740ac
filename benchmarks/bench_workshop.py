"""Speed and memory of the workshop dashboard against the minimal Voila page, in one run.

Run from the repository root (``make bench`` does the same):

    .venv/bin/python benchmarks/bench_workshop.py

What is measured (headless Chromium, network outside localhost refused, real Voila servers
from ``toolkit.serve.voila_command`` on free ports; the helpers are bench_dashboard.py's):

* interactive, PREHEATED: ``workshops/dashboards/workshop.ipynb`` and ``benchmarks/minimal.ipynb``
  from pools of pre-heated kernels, loads interleaved, each when every server is idle. The
  workshop is interactive when Voila's spinner is gone and its eleven step buttons, the team
  code field and the welcome step's team fields are visible and enabled. Budgets: within
  2 s, and within 1.2x the minimal page of the same run.
* step change: on the last load, the team names itself and then clicks each step button in
  turn (2 to 11), spending a few seconds on each as a team reading it would (the workshop builds
  the next step's widgets meanwhile), then a round of revisits. Per click, in the page's own
  clock: from the click to the step's tool (``.stagetok-step-<id>``) visible. On the other loads
  the page jumps straight to the tone scale, a step nobody opened (nothing built ahead). Budget:
  median under 200 ms (reported for first visits, revisits and the jump separately).
* kernel memory: VmRSS of the workshop page's kernel after every step was opened, against
  the minimal page's kernel after its load. Budget: at most 1.3x.
* saving: in this process, a ``WorkshopModel`` with a store in a temporary folder; a change
  in a step's tool is timed with the store and with a store that does nothing, and the saves
  themselves (``WorkshopModel.save_seconds``). Budget: a save under 20 ms (median), and the
  change's time with saving close to the time without.

Reports, never asserts: exits 0 unless measuring failed. Writes a table on stdout and JSON in
``benchmarks/results/bench_workshop.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_dashboard import (  # noqa: E402
    MINIMAL,
    RESULTS,
    Page,
    enter,
    kernel_memory,
    log,
    median,
    p90,
    page_rss,
    versions,
    voila_server,
    wait_until_idle,
)

from tests.browser.chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from toolkit import journey  # noqa: E402
from toolkit.serve import DASHBOARDS  # noqa: E402

BUDGET_INTERACTIVE_S = 2.0
BUDGET_INTERACTIVE_VS_MINIMAL = 1.2
BUDGET_STEP_MEDIAN_MS = 200.0
BUDGET_RSS_VS_MINIMAL = 1.3
BUDGET_SAVE_MEDIAN_MS = 20.0
#: Seconds the walk spends on each step, as a team reading it would (the next step is built meanwhile).
READING_S = 2.5

#: In the page: click step button ``n`` and wait (animation frames) until ``root`` is visible; ms.
STEP = """async ([n, root]) => {
  const button = [...document.querySelectorAll('.stagetok-steps button')][n - 1];
  const shown = el => !!el && el.getClientRects().length > 0;
  const t0 = performance.now();
  button.click();
  return await new Promise(resolve => {
    const tick = () => shown(document.querySelector(root)) ? resolve(performance.now() - t0)
                                                           : requestAnimationFrame(tick);
    tick();
  });
}"""


def workshop_load(browser, server, i: int, walk: bool) -> dict:
    page = Page(browser, "workshop")
    try:
        run = {"load": i, **page.open(f"{server.base_url}/voila/render/workshop.ipynb")}
        if walk:
            first, again = [], []
            # A team names itself, then works through the steps in order, a few seconds on each.
            enter(page.page.get_by_label("Teamnaam", exact=True), "Team Meetlat")
            time.sleep(READING_S)
            for number, step in enumerate(journey.STEPS, start=1):
                if number == 1:
                    continue  # shown at start
                first.append({"step": step.id, "ms": page.page.evaluate(STEP, [number, f".stagetok-step-{step.id}"])})
                time.sleep(READING_S)
            for number, step in enumerate(journey.STEPS, start=1):
                again.append({"step": step.id, "ms": page.page.evaluate(STEP, [number, f".stagetok-step-{step.id}"])})
            run.update(first_visits=first, revisits=again)
            time.sleep(1.0)  # let the kernel settle before reading its memory
        else:
            # A jump to a step nobody has opened (the facilitator sends the room to step 4): its
            # widgets are built on the click, with nothing built ahead.
            run["jump"] = {"step": "irony", "ms": page.page.evaluate(STEP, [4, ".stagetok-step-irony"])}
        run.update(memory=kernel_memory(server, page.kernel_id), blocked=page.blocked)
    finally:
        page.close()
    log(f"workshop load {i}: interactive {run['ready_ms']:.0f} ms")
    return run


def minimal_load(browser, server, i: int) -> dict:
    page = Page(browser, "minimal")
    try:
        run = {"load": i, **page.open(f"{server.base_url}/voila/render/{MINIMAL.name}")}
        time.sleep(1.0)
        run.update(memory=kernel_memory(server, page.kernel_id), blocked=page.blocked)
    finally:
        page.close()
    log(f"minimal preheated load {i}: ready {run['ready_ms']:.0f} ms")
    return run


class _NoStore:
    """A store that keeps nothing: the time of a change without saving."""

    def save(self, workbook) -> None:
        """Keep nothing."""

    def load(self, code):
        """Find nothing."""
        return None


def saving(changes: int) -> dict:
    """Time changes in the Hashtag Lab with the real store and without one, and the saves alone."""
    from toolkit.store import Store
    from toolkit.widgets.workshop import Workshop, WorkshopModel

    results = {}
    with tempfile.TemporaryDirectory(prefix="stagetok-bench-store-") as folder:
        for label, store in (("store", Store(Path(folder) / "workshop.sqlite3")), ("no_store", _NoStore())):
            model = WorkshopModel(store=store)
            view = Workshop(model)
            model.go("hashtags")
            view.view("hashtags")
            lab = model.tool("hashtags")
            lab.company, lab.profession = "Garage De Vries", "monteur"
            times = []
            for k in range(changes):
                started = time.perf_counter()
                lab.set_posts("#monteurlife", str(1_000 + 500 * k))
                times.append(time.perf_counter() - started)
            results[label] = {"change_ms": [t * 1000 for t in times]}
            if label == "store":
                results[label]["save_ms"] = [t * 1000 for t in model.save_seconds]
    return results


def summarize(results: dict) -> dict:
    mini = [r["ready_ms"] for r in results["minimal"]]
    work = [r["ready_ms"] for r in results["workshop"]]
    walked = results["workshop"][-1]
    first = [v["ms"] for v in walked.get("first_visits", [])]
    again = [v["ms"] for v in walked.get("revisits", [])]
    mini_rss = median([page_rss(r["memory"]) for r in results["minimal"]])
    work_rss = page_rss(walked["memory"])
    store = results["saving"]["store"]
    plain = results["saving"]["no_store"]
    return {
        "minimal_interactive_ms": median(mini), "workshop_interactive_ms": median(work),
        "workshop_vs_minimal": median(work) / median(mini) if mini and work else None,
        "step_first_visit_median_ms": median(first), "step_first_visit_max_ms": max(first) if first else None,
        "step_revisit_median_ms": median(again), "step_all_median_ms": median(first + again),
        "slowest_first_visit": max(walked.get("first_visits", []), key=lambda v: v["ms"], default=None),
        "jump_to_unopened_step_median_ms": median([r["jump"]["ms"] for r in results["workshop"] if "jump" in r]),
        "minimal_kernel_mib": mini_rss, "workshop_kernel_mib": work_rss,
        "kernel_vs_minimal": work_rss / mini_rss if work_rss and mini_rss else None,
        "save_median_ms": median(store["save_ms"]), "save_p90_ms": p90(store["save_ms"]),
        "change_with_save_median_ms": median(store["change_ms"]),
        "change_without_save_median_ms": median(plain["change_ms"]),
        "blocked_requests": sorted({u for r in results["minimal"] + results["workshop"] for u in r["blocked"]}),
    }


def table(s: dict) -> str:
    def ms(value):
        return "n/a" if value is None else f"{value:,.0f} ms"

    def ratio(value):
        return "n/a" if value is None else f"{value:.2f}x"

    rows = [
        ("workshop interactive, preheated (median)", ms(s["workshop_interactive_ms"]),
         f"<= {BUDGET_INTERACTIVE_S * 1000:.0f} ms"),
        ("minimal page interactive, preheated (median)", ms(s["minimal_interactive_ms"]), "reference"),
        ("workshop / minimal", ratio(s["workshop_vs_minimal"]), f"<= {BUDGET_INTERACTIVE_VS_MINIMAL:.1f}x"),
        ("step change, first visit (median / max)",
         f"{ms(s['step_first_visit_median_ms'])} / {ms(s['step_first_visit_max_ms'])}", ""),
        ("step change, revisit (median)", ms(s["step_revisit_median_ms"]), ""),
        ("jump to a step nobody opened (tone scale, median)", ms(s["jump_to_unopened_step_median_ms"]), ""),
        ("step change, all (median)", ms(s["step_all_median_ms"]), f"< {BUDGET_STEP_MEDIAN_MS:.0f} ms"),
        ("kernel after every step / minimal kernel",
         f"{s['workshop_kernel_mib'] or 0:.0f} / {s['minimal_kernel_mib'] or 0:.0f} MiB = "
         f"{ratio(s['kernel_vs_minimal'])}", f"<= {BUDGET_RSS_VS_MINIMAL:.1f}x"),
        ("save (median / p90)", f"{s['save_median_ms']:.1f} / {s['save_p90_ms']:.1f} ms",
         f"< {BUDGET_SAVE_MEDIAN_MS:.0f} ms"),
        ("a change in the Hashtag Lab, with / without saving (median)",
         f"{s['change_with_save_median_ms']:.1f} / {s['change_without_save_median_ms']:.1f} ms", ""),
        ("requests refused (outside localhost)", str(len(s["blocked_requests"])), "0"),
    ]
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{name:<{width}}  {value:>28}  {budget}" for name, value, budget in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=3, help="page loads per page kind (default 3)")
    parser.add_argument("--changes", type=int, default=50, help="changes timed for saving (default 50)")
    parser.add_argument("--json", type=Path, default=RESULTS / "bench_workshop.json")
    args = parser.parse_args(argv)
    executable = find_chromium()
    if not executable:
        print("No Chromium: run 'make browser' first.", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    log_dir = RESULTS / "bench_workshop_logs"
    results = {"minimal": [], "workshop": []}
    with tempfile.TemporaryDirectory(prefix="stagetok-bench-") as folder, \
            tempfile.TemporaryDirectory(prefix="stagetok-bench-data-") as data:
        os.environ["STAGETOK_DATA"] = data  # the servers' kernels keep the teams' work here
        shutil.copy2(MINIMAL, folder)
        with sync_playwright() as playwright, contextlib.ExitStack() as stack:
            browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
            stack.callback(browser.close)
            dash = stack.enter_context(voila_server(DASHBOARDS, pool_size=1, label="workshop", log_dir=log_dir))
            mini = stack.enter_context(voila_server(Path(folder), pool_size=1, label="minimal", log_dir=log_dir))

            def quiet() -> float:
                return wait_until_idle([(dash, dash.pooled), (mini, mini.pooled)])

            for i in range(1, args.loads + 1):
                quiet()
                results["minimal"].append(minimal_load(browser, mini, i))
                quiet()
                results["workshop"].append(workshop_load(browser, dash, i, walk=i == args.loads))
    results["saving"] = saving(args.changes)
    summary = summarize(results)
    meta = {"date": time.strftime("%Y-%m-%d %H:%M"), "load_average": os.getloadavg(), "versions": versions(),
            "cpus": os.cpu_count()}
    print(table(summary))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"meta": meta, "summary": summary, "results": results}, indent=1, default=str))
    print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
