"""Speed and memory of the Hashtag Lab dashboard against a minimal Voila page, in one run.

Run from the repository root (``make bench`` does the same):

    .venv/bin/python benchmarks/bench_dashboard.py

What is measured, in headless Chromium (one browser; a fresh browser context, so an empty
cache, for every page load) against real Voila servers started with
``toolkit.serve.voila_command`` on free localhost ports:

* minimal page, COLD: ``benchmarks/minimal.ipynb`` (one IntSlider, one Altair bar chart redrawn
  in an Output widget through ``show_chart``, as the tools draw) served with ``pool_size=0``,
  a fresh server for each of N loads. Time from navigation start to the slider visible and
  the chart drawn. (The notebook is served from a temporary folder of its own, so that Voila
  lists and pre-heats nothing else.)
* minimal page, PREHEATED (a reference, not a budget): the same page from a pool of pre-heated
  kernels, as the dashboard is served: the floor that Voila and this stack set for any page.
* Hashtag Lab, PREHEATED: ``workshops/dashboards/hashtag_lab.ipynb`` with a pool of pre-heated
  kernels; before every load the script waits until the pool is full (the server's kernels
  exist and have been idle for a while; Voila keeps a pool for every notebook of the folder).
  "Interactive" is the time from navigation start to Voila's spinner gone and the widget's
  root ``.stagetok-hashtag-lab`` visible with all its text fields and buttons visible and
  enabled. Separately: "first chart", from the Enter in the first posts field (after company
  and profession are entered) to the chart drawn.
* redraw: with company, profession and three post counts entered, one posts field is changed
  M times (different values, Enter). Per change: from the Enter key's ``keydown`` to the first
  new chart drawn, and to the last one once the chart is quiet (the Output widget, the
  JupyterLab Vega renderer and ipywidgets' echo can draw one change more than once; the
  number of draws per change is reported). The same is done with the minimal page's slider
  (arrow key), as a reference for what the stack allows.
* kernel memory: VmRSS from /proc/<pid>/status of the kernel serving the page, after the
  redraws. The kernel is found exactly: the page's kernel id (from its WebSocket URL) names
  the connection file ``kernel-<id>.json`` on the command line of one ipykernel child of
  the Voila server (found by walking /proc). The largest RSS over all the server's kernels is
  kept in the JSON too.

For the page loads the JSON also has a breakdown from the Navigation Timing API: when the
server's answer ended, when Voila's spinner (``#loading``) went, and how many resources loaded.

"Drawn" means Vega's ``.marks`` canvas has non-transparent pixels (or its svg has marks); an
in-page requestAnimationFrame loop records when that first holds for each new canvas, so times
are in the page's own clock (``performance.now()``, 0 = navigation start) and are rounded up to
the next frame (about 17 ms).

The three kinds of page load are interleaved (cold minimal, preheated minimal, dashboard, then
again), and each starts only when every Voila server of the run and its kernels are idle, so
that other work on the machine weighs on all of them alike.

Every page refuses all requests that are not for localhost (as the browser tests do; the route
pattern matches only non-local URLs so that local requests are not slowed down by a round trip
to this script). The refused URLs are listed in the JSON.

Budgets are printed next to the figures; the script reports and does not assert: it exits 0
unless measuring itself failed. Results: a table on stdout and JSON in benchmarks/results/.
Timings depend on what else runs on the machine: the load average and any other Voila,
kernel or Chromium processes are reported with the results.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from tests.browser.helpers import MARKS, MARKS_DRAWN_JS, close_page, enter, posts_field  # noqa: E402
from tests.browser.localhost import (  # noqa: E402
    NON_LOCAL,
    cpu_ticks,
    is_local,
    kernels_of,
    log_tail,
    processes,
    vmrss_mib,
    voila,
)
from toolkit.serve import DASHBOARDS  # noqa: E402

RESULTS = HERE / "results"
MINIMAL = HERE / "minimal.ipynb"
DASHBOARD = "hashtag_lab.ipynb"

# Budgets (docs/design.md, "Dashboards and their budgets"): reported, never asserted.
BUDGET_INTERACTIVE_S = 2.0
BUDGET_INTERACTIVE_VS_MINIMAL = 0.5
BUDGET_REDRAW_MEDIAN_MS = 150.0
BUDGET_RSS_VS_MINIMAL = 1.2

SERVER_START_TIMEOUT = 60  # s until Voila answers HTTP
SERVER_STOP_TIMEOUT = 20  # s for Voila to stop after SIGTERM
POOL_TIMEOUT = 120  # s for the kernel pool to fill and go idle
IDLE_WINDOW = 1.5  # s without CPU use that counts as idle
IDLE_TICKS = 5  # clock ticks (1/100 s) the server and its kernels may use in that window
PAGE_TIMEOUT = 90_000  # ms for a page to become ready
ACTION_TIMEOUT = 20_000  # ms for a kernel round trip and a chart
QUIET_MS = 600  # a chart counts as settled after this long without a new draw

KERNEL_WS = re.compile(r"/api/kernels/([0-9a-fA-F-]{36})/channels")
CLK_TCK = os.sysconf("SC_CLK_TCK")

#: Installed in every page before its own scripts. Records Enter/arrow keydown times, the time
#: each new Vega canvas is first seen drawn, and when the page's "ready" predicate first holds.
#: The chart selector and the "drawn" test are the browser tests' own (tests/browser/helpers.py).
INSTRUMENT = r"""
(() => {
  const MARKS = __MARKS__;
  const KEYS = new Set(['Enter', 'ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']);
  const bench = window.__bench = {keys: [], draws: [], ready: null, loadingSeen: false, loadingGone: null};
  document.addEventListener('keydown', e => { if (KEYS.has(e.key)) bench.keys.push(e.timeStamp); }, true);
  const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const drawn = __MARKS_DRAWN__;
  const usable = el => shown(el) && !el.disabled;
  const predicates = {
    minimal: () => !document.getElementById('loading')
      && shown(document.querySelector('.widget-slider .noUi-handle')) && bench.draws.length > 0,
    dashboard: () => {
      if (document.getElementById('loading')) return false;
      const root = document.querySelector('.stagetok-hashtag-lab');
      if (!shown(root)) return false;
      const fields = [...root.querySelectorAll('.widget-text input')];
      const buttons = [...root.querySelectorAll('button')];
      // The company, profession and challenge fields and every button; the sheet's other inputs
      // (a hidden one among them) are not needed to start.
      return fields.length >= 3 && buttons.length >= 1 && fields.slice(0, 3).every(usable) && buttons.every(usable);
    },
    workshop: () => {
      if (document.getElementById('loading')) return false;
      const root = document.querySelector('.stagetok-workshop');
      if (!shown(root)) return false;
      const steps = [...root.querySelectorAll('.stagetok-steps button')];
      const welcome = root.querySelector('.stagetok-step-welcome');
      const fields = welcome ? [...welcome.querySelectorAll('.widget-text input')] : [];
      const code = root.querySelector('.stagetok-team-bar .widget-text input');
      // Every step button, the team code field and the welcome step's team fields.
      return steps.length >= 11 && steps.every(usable) && usable(code) && fields.length >= 3 && fields.every(usable);
    },
  };
  let current = null, currentDrawn = false;
  const tick = () => {
    const el = document.querySelector(MARKS);
    if (el !== current) { current = el; currentDrawn = false; }
    if (el && !currentDrawn && drawn(el)) { currentDrawn = true; bench.draws.push(performance.now()); }
    if (document.getElementById('loading')) bench.loadingSeen = true;
    else if (bench.loadingSeen && bench.loadingGone === null) bench.loadingGone = performance.now();
    const ready = predicates[window.__benchMode];
    if (bench.ready === null && ready && ready()) bench.ready = performance.now();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
""".replace("__MARKS__", json.dumps(MARKS)).replace("__MARKS_DRAWN__", MARKS_DRAWN_JS)

#: Waits (in the page) until a key pressed after ``k`` keys has produced at least one draw and
#: the chart has then been quiet for QUIET_MS; returns nothing until then.
SETTLED = """([k, quiet]) => {
  const b = window.__bench;
  if (b.keys.length <= k) return false;
  const key = b.keys[k];
  const after = b.draws.filter(t => t > key);
  if (!after.length || performance.now() - after[after.length - 1] < quiet) return false;
  return {first: after[0] - key, last: after[after.length - 1] - key, draws: after.length};
}"""


#: Where a page load's time went (page clock, ms): server answer, scripts, Voila's spinner.
BREAKDOWN = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  return {
    response_start: n.responseStart, response_end: n.responseEnd,
    dom_content_loaded: n.domContentLoadedEventEnd, load_event: n.loadEventEnd,
    spinner_gone: window.__bench.loadingGone, ready: window.__bench.ready,
    resources: res.length,
    resource_kib: Math.round(res.reduce((a, r) => a + (r.decodedBodySize || 0), 0) / 1024),
  };
}"""


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- processes

def foreign_processes() -> list[str]:
    """Voila, kernel and Chromium processes that this script did not start (they skew timings)."""
    procs = list(processes())
    children: dict[int, list[int]] = {}
    for pid, ppid, _ in procs:
        children.setdefault(ppid, []).append(pid)
    ours, todo = set(), [os.getpid()]
    while todo:
        pid = todo.pop()
        if pid not in ours:
            ours.add(pid)
            todo.extend(children.get(pid, []))
    found = []
    for pid, _, cmd in procs:
        if pid in ours:
            continue
        # toolkit.voila_app is how toolkit.serve starts Voila (with StageTok's template)
        if re.search(r"-m (voila|toolkit\.voila_app)\b|ipykernel_launcher|(^|/)chrom(e|ium)\s", cmd):
            if "--type=" not in cmd:  # count browsers, not each of their helper processes
                found.append(f"{pid}: {cmd[:100]}")
    return found


# --------------------------------------------------------------------------- Voila

@dataclass
class Server:
    base_url: str
    process: subprocess.Popen
    log_path: Path
    pool_size: int
    notebooks: int  # Voila keeps a pool of pool_size kernels for each notebook in the folder

    @property
    def pooled(self) -> int:
        return self.pool_size * self.notebooks

    def log_tail(self, chars: int = 4000) -> str:
        return log_tail(self.log_path, chars)


@contextlib.contextmanager
def voila_server(notebooks: Path, *, pool_size: int, label: str, log_dir: Path):
    """Start Voila with the project's command line; always stop it and every kernel it started."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"voila-{label}.log"
    notebooks = Path(notebooks)
    count = len(list(notebooks.glob("*.ipynb"))) if notebooks.is_dir() else 1
    with voila(notebooks, pool_size=pool_size, log_path=log_path, cwd=ROOT,
               start_timeout=SERVER_START_TIMEOUT, stop_timeout=SERVER_STOP_TIMEOUT) as (base_url, process):
        yield Server(base_url, process, log_path, pool_size, count)


def wait_until_idle(servers: list[tuple[Server, int]], timeout: float = POOL_TIMEOUT) -> float:
    """Wait until every (server, kernels) has that many kernels and none of them uses CPU.

    A pre-heated kernel has executed its notebook once it is idle, so this also means "the
    pool is full". Returns the seconds waited.
    """
    start = time.monotonic()
    deadline = start + timeout
    while time.monotonic() < deadline:
        kernels = {server.process.pid: set(kernels_of(server.process.pid)) for server, _ in servers}
        if all(len(kernels[server.process.pid]) >= want for server, want in servers):
            watched = set(kernels) | set().union(*kernels.values())
            before = cpu_ticks(watched)
            time.sleep(IDLE_WINDOW)
            same = all(set(kernels_of(pid)) == pids for pid, pids in kernels.items())
            if same and cpu_ticks(watched) - before <= IDLE_TICKS * len(servers):
                return time.monotonic() - start
        else:
            time.sleep(0.25)
    raise TimeoutError(f"the Voila servers did not become idle within {timeout} s:\n"
                       + "\n".join(server.log_tail(1500) for server, _ in servers))


def kernel_memory(server: Server, kernel_id: str | None) -> dict:
    """RSS of the page's kernel (by its id), and of all the server's kernels."""
    kernels = kernels_of(server.process.pid)
    all_rss = {pid: vmrss_mib(pid) for pid in kernels}
    page_pid = next((pid for pid, cmd in kernels.items() if kernel_id and f"kernel-{kernel_id}.json" in cmd), None)
    known = [v for v in all_rss.values() if v is not None]
    return {
        "kernel_id": kernel_id,
        "page_kernel_pid": page_pid,
        "page_kernel_rss_mib": all_rss.get(page_pid) if page_pid else None,
        "max_kernel_rss_mib": max(known) if known else None,
        "kernels": {str(pid): rss for pid, rss in all_rss.items()},
        "how": "page kernel by id" if page_pid else "max over the server's kernels (page kernel not found)",
    }


def page_rss(memory: dict) -> float | None:
    return memory["page_kernel_rss_mib"] if memory["page_kernel_rss_mib"] is not None else memory["max_kernel_rss_mib"]


# --------------------------------------------------------------------------- browser

class Page:
    """A page in a fresh browser context with the network outside localhost refused."""

    def __init__(self, browser, mode: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(f"window.__benchMode = {json.dumps(mode)};")
        self.context.add_init_script(INSTRUMENT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(ACTION_TIMEOUT)
        self.blocked: list[str] = []
        self.kernel_ids: list[str] = []
        self.page.route(NON_LOCAL, self._refuse)
        self.page.route_web_socket(NON_LOCAL, self._refuse_websocket)
        self.page.on("websocket", self._websocket)

    def _refuse(self, route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()  # data: and blob: URLs match the pattern; they never leave the machine
            return
        self.blocked.append(url)
        route.abort()

    def _refuse_websocket(self, ws_route) -> None:
        self.blocked.append(ws_route.url)
        ws_route.close()

    def _websocket(self, ws) -> None:
        match = KERNEL_WS.search(ws.url)
        if match:
            self.kernel_ids.append(match.group(1))

    def open(self, url: str) -> dict:
        """Navigate; return the page-clock time (ms) at which the mode's ready predicate held."""
        started = time.perf_counter()
        response = self.page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT)
        if response is None or not response.ok:
            raise RuntimeError(f"{url} answered {response and response.status}")
        self.page.wait_for_function("() => window.__bench && window.__bench.ready !== null", timeout=PAGE_TIMEOUT)
        wall = (time.perf_counter() - started) * 1000
        return {"ready_ms": self.page.evaluate("window.__bench.ready"), "wall_ms": wall,
                "breakdown_ms": self.page.evaluate(BREAKDOWN), "load_average_1min": os.getloadavg()[0]}

    def keys(self) -> int:
        return self.page.evaluate("window.__bench.keys.length")

    def wait_settled(self, keys_before: int) -> dict:
        handle = self.page.wait_for_function(SETTLED, arg=[keys_before, QUIET_MS], timeout=ACTION_TIMEOUT)
        return handle.json_value()

    def changes(self, count: int, change) -> list[dict]:
        """Make ``count`` changes (``change(k)`` presses the key) and time each to its settled chart."""
        timings = []
        for k in range(count):
            before = self.keys()
            change(k)
            timings.append(self.wait_settled(before))
        return timings

    @property
    def kernel_id(self) -> str | None:
        return self.kernel_ids[-1] if self.kernel_ids else None

    def close(self) -> None:
        """Close with the unload handlers run, so that Voila shuts the page's kernel down."""
        close_page(self.page)
        with contextlib.suppress(Exception):
            self.context.close()


# --------------------------------------------------------------------------- measurements

def minimal_cold_load(browser, i: int, redraws: int, folder: Path, log_dir: Path) -> dict:
    """One load of the minimal page from a fresh server with no pool (pool_size=0)."""
    with voila_server(folder, pool_size=0, label=f"minimal-cold-{i}", log_dir=log_dir) as server:
        page = Page(browser, "minimal")
        try:
            run = {"load": i, **page.open(f"{server.base_url}/voila/render/{MINIMAL.name}")}
            if redraws:
                handle = page.page.locator(".widget-slider .noUi-handle")
                handle.focus()
                run["redraws"] = page.changes(redraws, lambda k: handle.press("ArrowRight"))
            run.update(memory=kernel_memory(server, page.kernel_id), blocked=page.blocked)
        finally:
            page.close()
    log(f"minimal cold load {i}: ready {run['ready_ms']:.0f} ms, kernel {page_rss(run['memory']) or 0:.0f} MiB")
    return run


def minimal_preheated_load(browser, server: Server, i: int) -> dict:
    page = Page(browser, "minimal")
    try:
        run = {"load": i, **page.open(f"{server.base_url}/voila/render/{MINIMAL.name}"), "blocked": page.blocked}
    finally:
        page.close()
    log(f"minimal preheated load {i}: ready {run['ready_ms']:.0f} ms")
    return run


def dashboard_load(browser, server: Server, i: int, redraws: int, quiet) -> dict:
    """One load of the Hashtag Lab; ``quiet()`` waits until all servers are idle."""
    page = Page(browser, "dashboard")
    try:
        run = {"load": i, **page.open(f"{server.base_url}/voila/render/{DASHBOARD}")}
        p = page.page
        enter(p.get_by_label("Bedrijf", exact=True), "Garage de Vries")
        enter(p.get_by_label("Beroep", exact=True), "monteur")
        first = posts_field(p, "#werkenbijgaragedevries")
        first.wait_for(state="visible")
        posts_field(p, "#monteurlife").wait_for(state="visible")
        before = page.keys()
        enter(first, "120.000")
        run["first_chart"] = page.wait_settled(before)
        for tag, value in (("#garagedevries", "5 mln"), ("#monteurlife", "800")):
            before = page.keys()
            enter(posts_field(p, tag), value)
            page.wait_settled(before)
        if redraws:
            # The pool refills while this page loads; let that finish, so that the redraws
            # measure the dashboard and not the refill competing for the CPUs.
            run["idle_wait_before_redraws_s"] = quiet()
            run["redraws"] = page.changes(redraws, lambda k: enter(first, f"{15_000 + 7_500 * k}"))
        run.update(memory=kernel_memory(server, page.kernel_id), blocked=page.blocked)
    finally:
        page.close()
    log(f"dashboard load {i}: interactive {run['ready_ms']:.0f} ms, first chart "
        f"{run['first_chart']['first']:.0f} ms, kernel {page_rss(run['memory']) or 0:.0f} MiB")
    return run


def measure(browser, loads: int, redraws: int, pool_size: int, log_dir: Path) -> dict:
    """Run all page loads, interleaved (cold minimal, preheated minimal, dashboard).

    Interleaving lets other work on the machine weigh on all three alike. Each load starts
    when every server is idle.
    """
    results = {"minimal": {"runs": []}, "minimal_preheated": {"pool_size": pool_size, "runs": []},
               "dashboard": {"pool_size": pool_size, "runs": []}}
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="stagetok-bench-")))
        shutil.copy2(MINIMAL, folder)  # a folder of its own: Voila lists and pre-heats nothing else
        dash = stack.enter_context(voila_server(DASHBOARDS, pool_size=pool_size, label="dashboard", log_dir=log_dir))
        mini = stack.enter_context(voila_server(folder, pool_size=pool_size, label="minimal-preheated", log_dir=log_dir))

        def quiet(extra_dashboard_kernels: int = 0) -> float:
            return wait_until_idle([(dash, dash.pooled + extra_dashboard_kernels), (mini, mini.pooled)])

        for i in range(1, loads + 1):
            last = i == loads
            quiet()
            results["minimal"]["runs"].append(
                minimal_cold_load(browser, i, redraws if last else 0, folder, log_dir))
            waited = quiet()
            results["minimal_preheated"]["runs"].append({**minimal_preheated_load(browser, mini, i),
                                                         "pool_wait_s": waited})
            waited = quiet()
            run = dashboard_load(browser, dash, i, redraws if last else 0, lambda: quiet(1))
            results["dashboard"]["runs"].append({**run, "pool_wait_s": waited})
    return results


# --------------------------------------------------------------------------- report

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def p90(values):
    values = sorted(v for v in values if v is not None)
    return values[math.ceil(0.9 * len(values)) - 1] if values else None


def redraw_stats(changes: list[dict]) -> dict:
    return {
        "n": len(changes),
        "first_median_ms": median([c["first"] for c in changes]),
        "first_p90_ms": p90([c["first"] for c in changes]),
        "settled_median_ms": median([c["last"] for c in changes]),
        "settled_p90_ms": p90([c["last"] for c in changes]),
        "draws_per_change_median": median([c["draws"] for c in changes]),
        "first_ms": [round(c["first"], 1) for c in changes],
        "draws": [c["draws"] for c in changes],
    }


def summarize(minimal: dict, minimal_preheated: dict, dashboard: dict) -> dict:
    m_runs, d_runs = minimal["runs"], dashboard["runs"]

    def breakdown(runs, key):
        return median([r["breakdown_ms"].get(key) for r in runs])

    m_ready = median([r["ready_ms"] for r in m_runs])
    d_ready = median([r["ready_ms"] for r in d_runs])
    m_rss = page_rss(m_runs[-1]["memory"])
    d_rss = page_rss(d_runs[-1]["memory"])
    d_redraw = redraw_stats(d_runs[-1]["redraws"])
    m_redraw = redraw_stats(m_runs[-1]["redraws"])
    return {
        "minimal_cold_ready_ms": m_ready,
        "minimal_cold_ready_each_ms": [r["ready_ms"] for r in m_runs],
        "dashboard_interactive_ms": d_ready,
        "dashboard_interactive_each_ms": [r["ready_ms"] for r in d_runs],
        "dashboard_response_end_ms": breakdown(d_runs, "response_end"),
        "dashboard_spinner_gone_ms": breakdown(d_runs, "spinner_gone"),
        "minimal_preheated_ready_ms": median([r["ready_ms"] for r in minimal_preheated["runs"]]),
        "minimal_preheated_response_end_ms": breakdown(minimal_preheated["runs"], "response_end"),
        "minimal_preheated_spinner_gone_ms": breakdown(minimal_preheated["runs"], "spinner_gone"),
        "dashboard_first_chart_ms": median([r["first_chart"]["first"] for r in d_runs]),
        "dashboard_first_chart_each_ms": [r["first_chart"]["first"] for r in d_runs],
        "dashboard_redraw": d_redraw,
        "minimal_redraw": m_redraw,
        "minimal_kernel_rss_mib": m_rss,
        "dashboard_kernel_rss_mib": d_rss,
        "rss_ratio": (d_rss / m_rss) if d_rss and m_rss else None,
        "budgets": {
            "interactive_abs": d_ready is not None and d_ready <= BUDGET_INTERACTIVE_S * 1000,
            "interactive_vs_minimal": None if not (d_ready and m_ready)
            else d_ready <= BUDGET_INTERACTIVE_VS_MINIMAL * m_ready,
            "redraw_median": d_redraw["first_median_ms"] is not None
            and d_redraw["first_median_ms"] < BUDGET_REDRAW_MEDIAN_MS,
            "rss_vs_minimal": None if not (d_rss and m_rss) else d_rss <= BUDGET_RSS_VS_MINIMAL * m_rss,
        },
    }


def table(s: dict, meta: dict) -> str:
    def ms(v):
        return "–" if v is None else (f"{v / 1000:.2f} s" if v >= 1000 else f"{v:.0f} ms")

    def ok(flag):
        return "–" if flag is None else ("ok" if flag else "OVER")

    b = s["budgets"]
    dr, mr = s["dashboard_redraw"], s["minimal_redraw"]
    m_ready, m_rss = s["minimal_cold_ready_ms"], s["minimal_kernel_rss_mib"]
    rows = [
        ("minimal page, cold (pool 0): slider + chart drawn, median", ms(m_ready), "reference", ""),
        ("    each load", ", ".join(ms(v) for v in s["minimal_cold_ready_each_ms"]), "", ""),
        (f"minimal page: slider redraw, median / p90 ({mr['n']} changes)",
         f"{ms(mr['first_median_ms'])} / {ms(mr['first_p90_ms'])}", "reference", ""),
        ("    settled median, draws per change", f"{ms(mr['settled_median_ms'])}, {mr['draws_per_change_median']}", "", ""),
        (f"dashboard, preheated (pool {meta['pool_size']}): interactive, median", ms(s["dashboard_interactive_ms"]),
         f"<= {BUDGET_INTERACTIVE_S:.1f} s", ok(b["interactive_abs"])),
        ("", "", f"<= {BUDGET_INTERACTIVE_VS_MINIMAL} x minimal = {ms(m_ready * BUDGET_INTERACTIVE_VS_MINIMAL) if m_ready else '–'}",
         ok(b["interactive_vs_minimal"])),
        ("    each load", ", ".join(ms(v) for v in s["dashboard_interactive_each_ms"]), "", ""),
        ("    server answered / Voila spinner gone, median",
         f"{ms(s['dashboard_response_end_ms'])} / {ms(s['dashboard_spinner_gone_ms'])}", "", ""),
        (f"minimal page, preheated (pool {meta['pool_size']}): slider + chart drawn, median",
         ms(s["minimal_preheated_ready_ms"]), "reference", ""),
        ("    server answered / Voila spinner gone, median",
         f"{ms(s['minimal_preheated_response_end_ms'])} / {ms(s['minimal_preheated_spinner_gone_ms'])}", "", ""),
        ("dashboard: first chart (Enter in 1st posts field -> drawn), median", ms(s["dashboard_first_chart_ms"]), "reported", ""),
        ("    each load", ", ".join(ms(v) for v in s["dashboard_first_chart_each_ms"]), "", ""),
        (f"dashboard: redraw (Enter -> new chart drawn), median ({dr['n']} changes)", ms(dr["first_median_ms"]),
         f"< {BUDGET_REDRAW_MEDIAN_MS:.0f} ms", ok(b["redraw_median"])),
        ("dashboard: redraw p90", ms(dr["first_p90_ms"]), "reported", ""),
        ("    settled (last draw) median / p90", f"{ms(dr['settled_median_ms'])} / {ms(dr['settled_p90_ms'])}", "", ""),
        ("    draws per change, median", f"{dr['draws_per_change_median']}", "", ""),
        ("kernel RSS, minimal page (after its redraws)", f"{m_rss:.0f} MiB" if m_rss else "–", "reference", ""),
        ("kernel RSS, dashboard (page's kernel, after its redraws)",
         f"{s['dashboard_kernel_rss_mib']:.0f} MiB" if s["dashboard_kernel_rss_mib"] else "–",
         f"<= {BUDGET_RSS_VS_MINIMAL} x minimal = {m_rss * BUDGET_RSS_VS_MINIMAL:.0f} MiB" if m_rss else "",
         ok(b["rss_vs_minimal"])),
        ("    ratio dashboard / minimal", f"{s['rss_ratio']:.2f}" if s["rss_ratio"] else "–", f"<= {BUDGET_RSS_VS_MINIMAL}", ""),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    header = ("measure", "value", "budget", "")
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines)


def versions() -> dict:
    out = {"python": platform.python_version()}
    for name in ("voila", "jupyterlab", "ipywidgets", "ipykernel", "altair", "pandas", "playwright"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[name] = metadata.version(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=3, help="page loads per page kind (default 3)")
    parser.add_argument("--redraws", type=int, default=15, help="posts/slider changes (default 15)")
    parser.add_argument("--pool-size", type=int, default=1, choices=(1, 2), help="dashboard kernel pool")
    parser.add_argument("--json", type=Path, default=RESULTS / "bench_dashboard.json")
    args = parser.parse_args(argv)
    if not 1 <= args.loads <= 10 or not 1 <= args.redraws <= 100:
        parser.error("--loads must be 1-10 and --redraws 1-100")

    chromium = find_chromium()
    if not chromium:
        print("No Chromium found: run 'make browser' or set CHROMIUM=/path/to/chrome.", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    log_dir = RESULTS / "bench_dashboard_logs"
    meta = {
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "chromium": chromium,
        "versions": versions(),
        "loads": args.loads,
        "redraws": args.redraws,
        "pool_size": args.pool_size,
        "load_average_before": os.getloadavg(),
        "foreign_processes_before": foreign_processes(),
    }
    if meta["foreign_processes_before"]:
        log(f"warning: {len(meta['foreign_processes_before'])} other Voila/kernel/Chromium process(es) "
            "are running; timings will be slower than on an idle machine")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS, headless=True)
            meta["chromium_version"] = browser.version
            try:
                results = measure(browser, args.loads, args.redraws, args.pool_size, log_dir)
            finally:
                browser.close()
    except Exception as error:  # noqa: BLE001 - measuring failed: say why, exit 1
        log(f"measuring failed: {type(error).__name__}: {error}")
        return 1
    meta["load_average_after"] = os.getloadavg()
    meta["foreign_processes_after"] = foreign_processes()
    minimal, minimal_preheated, dashboard = (results["minimal"], results["minimal_preheated"],
                                             results["dashboard"])
    summary = summarize(minimal, minimal_preheated, dashboard)

    print(f"\nStageTok dashboard benchmark, {meta['date']}: {meta['cpus']} CPUs, Chromium "
          f"{meta['chromium_version']}, voila {meta['versions'].get('voila')}, altair "
          f"{meta['versions'].get('altair')}; N={args.loads} loads, {args.redraws} redraws")
    load = meta["load_average_before"]
    print(f"load average before {load[0]:.2f}, after {meta['load_average_after'][0]:.2f}; other "
          f"Voila/kernel/Chromium processes: {len(meta['foreign_processes_before'])} before, "
          f"{len(meta['foreign_processes_after'])} after\n")
    print(table(summary, meta))
    runs = minimal["runs"] + minimal_preheated["runs"] + dashboard["runs"]
    blocked = sorted({url for run in runs for url in run.get("blocked", [])})
    print(f"\nrefused non-localhost requests: {blocked or 'none'}")
    print("kernel RSS: VmRSS of the page's own kernel: its id (from the page's WebSocket URL) names "
          "kernel-<id>.json on the command line of one ipykernel child of the Voila server.")
    print("redraw: keydown of Enter (arrow key for the slider) -> first new Vega canvas with pixels, "
          "to the next animation frame; 'settled' = the last draw before the chart stays quiet.")

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"meta": meta, "summary": summary, "minimal": minimal,
                                     "minimal_preheated": minimal_preheated, "dashboard": dashboard},
                                    indent=2, default=str))
    print(f"JSON: {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
