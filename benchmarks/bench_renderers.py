"""Measure the chart-renderer options for offline charts on this machine.

Options (one minimal notebook each: an IntSlider and a ~20-row bar chart redrawn on change):

  A   Altair 5.5 + ``alt.renderers.enable("mimetype")``  (the project's choice; ./.venv)
  B   Altair 6.3 + ``alt.renderers.enable("jupyter", offline=True)``; the JupyterChart is
      displayed directly and its ``chart`` trait is replaced on slider change
  B2  as B, but redrawn through an ``Output`` widget like A (one new JupyterChart per change)
  C   Altair 6.3 default renderer (html): expected not to draw with the network refused

B, B2 and C run in benchmarks/.venv-altair6, created here on first use (and reused after)
with the same voila/jupyterlab/ipywidgets/pandas/ipykernel (and Jupyter plumbing) versions
as ./.venv plus altair==6.3.0, anywidget and vl-convert-python.

For each option:
  * nbclient: the notebook executed headless; JSON size of the cell outputs and of the widget
    state saved in the notebook metadata, and whether ``nbformat.validate`` accepts it;
  * Voila cold (``--pool_size=0``) and preheated (``--preheat_kernel=True --pool_size=1``,
    measured only once a pooled kernel has executed the notebook): headless Chromium with
    every non-localhost request aborted, time from navigation to the chart drawn (median of
    N loads, each in a fresh browser context, so no browser cache), kernel RSS (VmRSS of the
    Voila server's ipykernel child serving the page) after the chart is drawn, and the time
    from a slider key press to the chart redrawn (median of M changes).

Voila 0.5.13 sometimes never finishes executing a notebook that writes into an Output
widget while it runs (the page keeps its spinner: voila-dashboards/voila#1428); such a load
is recorded as "hung" and tried again (at most twice the loads). Before each execution and
page load the script waits (at most 60 s) for the CPUs to be mostly idle, and records it:
other work on this 2-core machine changes the timings a lot.

Run from the repository root:

    .venv/bin/python benchmarks/bench_renderers.py

Prints a Markdown table and writes benchmarks/results/renderers.json.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser.chromium import LAUNCH_ARGS  # noqa: E402 - the same Chromium flags as the tests
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
ALTAIR6_VENV = HERE / ".venv-altair6"
ALTAIR6_MARKER = ALTAIR6_VENV / ".bench-requirements.txt"

#: Packages pinned in the Altair 6 venv to the versions of this (the project's) venv, so
#: that only the chart stack differs between the options.
SAME_AS_PROJECT = ("voila", "jupyterlab", "ipywidgets", "pandas", "ipykernel")
#: Jupyter plumbing held to the project's versions too (as constraints, not requirements).
PLUMBING = (
    "jupyter_server", "jupyter_client", "nbclient", "nbconvert", "nbformat",
    "traitlets", "tornado", "jupyterlab_widgets", "widgetsnbextension",
)
ALTAIR6_EXTRA = ("altair==6.3.0", "anywidget", "vl-convert-python")

CHROMIUM_ARGS = LAUNCH_ARGS

# Bounds on every wait (seconds).
PIP_TIMEOUT = 900
NBCLIENT_TIMEOUT = 300
SERVER_START_TIMEOUT = 60
POOL_READY_TIMEOUT = 120
CHART_TIMEOUT = 45  # navigation -> chart drawn; past it a load counts as hung or not drawn
CHART_GRACE = 10  # at least this long for the chart once Voila has rendered the page
CHART_GRACE_EXPECTED_FAIL = 10
QUIET_CPU_PERCENT = 35  # wait (bounded) for other work on the machine to calm down ...
QUIET_MAX_WAIT = 60  # ... for at most this long before each execution and page load
REDRAW_TIMEOUT = 15
SERVER_STOP_TIMEOUT = 15


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- environments


def project_versions(names) -> dict[str, str]:
    return {name: metadata.version(name) for name in names}


def altair6_requirements() -> tuple[list[str], list[str]]:
    reqs = [f"{name}=={ver}" for name, ver in project_versions(SAME_AS_PROJECT).items()]
    reqs += list(ALTAIR6_EXTRA)
    constraints = [f"{name}=={ver}" for name, ver in project_versions(PLUMBING).items()]
    return reqs, constraints


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def ensure_altair6_venv() -> Path:
    """Create (or reuse) benchmarks/.venv-altair6 and return its python."""
    reqs, constraints = altair6_requirements()
    wanted = "\n".join(reqs + ["# constraints"] + constraints) + "\n"
    python = venv_python(ALTAIR6_VENV)
    if python.exists() and ALTAIR6_MARKER.exists() and ALTAIR6_MARKER.read_text() == wanted:
        log(f"reusing {ALTAIR6_VENV.relative_to(ROOT)}")
        return python
    log(f"creating {ALTAIR6_VENV.relative_to(ROOT)} (altair 6.3 + anywidget + vl-convert-python)")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(ALTAIR6_VENV)], check=True, timeout=120)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(constraints) + "\n")
        constraints_file = fh.name
    try:
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "-c", constraints_file, *reqs],
            check=True, timeout=PIP_TIMEOUT,
        )
    finally:
        os.unlink(constraints_file)
    ALTAIR6_MARKER.write_text(wanted)
    return python


def versions_in(python: Path) -> dict[str, str]:
    names = ["altair", "anywidget", "vl-convert-python", *SAME_AS_PROJECT,
             "nbclient", "nbformat", "jupyter_server"]
    code = textwrap.dedent(f"""
        import json
        from importlib import metadata
        out = {{}}
        for n in {names!r}:
            try:
                out[n] = metadata.version(n)
            except metadata.PackageNotFoundError:
                pass
        print(json.dumps(out))
    """)
    res = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(res.stdout)


# --------------------------------------------------------------------------- notebooks


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    env: str  # "project" or "altair6"
    renderer: str  # code line that picks the renderer ("" = Altair's default)
    layout: str  # "output": redraw in an Output widget; "jupyterchart": JupyterChart trait
    expect_drawn: bool = True
    quick: bool = False  # expected failure: one short cold load, no preheat or slider


OPTIONS = {
    "A": Option("A", "Altair 5.5.0 + mimetype renderer", "project",
                'alt.renderers.enable("mimetype")', "output"),
    "B": Option("B", "Altair 6.3.0 + jupyter renderer offline (JupyterChart shown directly)",
                "altair6",
                # The renderer switches JupyterChart to offline only when it displays a chart;
                # a JupyterChart made directly needs enable_offline() itself.
                'alt.renderers.enable("jupyter", offline=True)\nalt.JupyterChart.enable_offline()',
                "jupyterchart"),
    "B2": Option("B2", "Altair 6.3.0 + jupyter renderer offline, redrawn in an Output widget",
                 "altair6", 'alt.renderers.enable("jupyter", offline=True)', "output"),
    "C": Option("C", "Altair 6.3.0 default (html) renderer", "altair6", "", "output",
                expect_drawn=False, quick=True),
}

SETUP_CELL = '''\
import altair as alt
import ipywidgets as widgets
import pandas as pd
from IPython.display import display

{renderer}

LABELS = [f"item {{i:02d}}" for i in range(20)]


def make_chart(n):
    values = [(i * n) % 17 + 1 for i in range(1, 21)]
    df = pd.DataFrame({{"label": LABELS, "value": values}})
    return (
        alt.Chart(df, title=f"n = {{n}}")
        .mark_bar()
        .encode(x="label:N", y="value:Q")
        .properties(width=360, height=180)
    )
'''

OUTPUT_CELL = '''\
slider = widgets.IntSlider(value=3, min=1, max=40, description="n")
out = widgets.Output()


def redraw(change=None):
    with out:
        out.clear_output(wait=True)
        display(make_chart(slider.value))


slider.observe(redraw, names="value")
redraw()
display(widgets.VBox([slider, out]))
'''

JUPYTERCHART_CELL = '''\
slider = widgets.IntSlider(value=3, min=1, max=40, description="n")
chart = alt.JupyterChart(make_chart(slider.value))


def redraw(change):
    chart.chart = make_chart(change["new"])


slider.observe(redraw, names="value")
display(widgets.VBox([slider, chart]))
'''

#: Last cell: tells the benchmark which kernel process executed the notebook, and when.
READY_CELL = '''\
import os as _os, pathlib as _pathlib
if _os.environ.get("BENCH_READY_DIR"):
    _pathlib.Path(_os.environ["BENCH_READY_DIR"], f"{_os.getpid()}.done").touch()
'''


def make_notebook(option: Option):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_code_cell(SETUP_CELL.format(renderer=option.renderer or "# default renderer")),
        nbformat.v4.new_code_cell(JUPYTERCHART_CELL if option.layout == "jupyterchart" else OUTPUT_CELL),
        nbformat.v4.new_code_cell(READY_CELL),
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"bench-{i}"
    return nb


# --------------------------------------------------------------------------- nbclient

#: Runs inside the option's own python, so the kernel is that environment's ipykernel.
NBCLIENT_HELPER = r'''
import json, os, sys, time
import nbformat
from nbclient import NotebookClient

src, dst = sys.argv[1], sys.argv[2]
nb = nbformat.read(src, as_version=4)
client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                        resources={"metadata": {"path": os.path.dirname(src)}})
t0 = time.perf_counter()
client.execute()
elapsed = time.perf_counter() - t0


def size(obj):
    return len(json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode())


def mimetypes(obj, found):
    if isinstance(obj, dict):
        if isinstance(obj.get("data"), dict) and "output_type" in obj:
            found.update(obj["data"])
        for v in obj.values():
            mimetypes(v, found)
    elif isinstance(obj, list):
        for v in obj:
            mimetypes(v, found)
    return found


outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
errors = [f"{o.get('ename')}: {o.get('evalue')}" for o in outputs if o.get("output_type") == "error"]
widgets = nb.metadata.get("widgets", {})
state = widgets.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
largest = sorted(((size(m), m.get("model_name"), m.get("model_module")) for m in state.values()),
                 reverse=True)[:3]
try:
    nbformat.validate(nb)
    valid, validation_error = True, None
except nbformat.ValidationError as exc:
    valid, validation_error = False, str(exc).splitlines()[0][:300]
try:
    text = nbformat.writes(nb)
except Exception:  # noqa: BLE001 - an invalid notebook is still saved for inspection
    text = json.dumps(nb, indent=1, ensure_ascii=False)
with open(dst, "w", encoding="utf-8") as fh:
    fh.write(text)
print(json.dumps({
    "execute_s": round(elapsed, 3),
    "outputs_bytes": sum(size(o) for o in outputs),
    "widget_state_bytes": size(widgets),
    "widget_models": len(state),
    "largest_widget_models": [{"bytes": b, "model": n, "module": m} for b, n, m in largest],
    "ipynb_bytes": len(text.encode()),
    "mimetypes": sorted(mimetypes([outputs, widgets], set())),
    "errors": errors,
    "nbformat_valid": valid,
    "validation_error": validation_error,
}))
'''


def run_nbclient(python: Path, nb_path: Path) -> dict:
    dst = nb_path.with_name(nb_path.stem + ".executed.ipynb")
    try:
        res = subprocess.run([str(python), "-c", NBCLIENT_HELPER, str(nb_path), str(dst)],
                             capture_output=True, text=True, timeout=NBCLIENT_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": f"nbclient did not finish within {NBCLIENT_TIMEOUT} s"}
    if res.returncode != 0:
        return {"error": (res.stderr.strip().splitlines() or ["?"])[-1][:300]}
    data = json.loads(res.stdout.strip().splitlines()[-1])
    data["executed_notebook"] = str(dst.relative_to(ROOT))
    return data


# --------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Voila exited with code {proc.returncode} before listening")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise TimeoutError(f"Voila did not listen on port {port} within {timeout} s")


def vmrss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def kernel_children(server_pid: int) -> list:
    import psutil

    try:
        children = psutil.Process(server_pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    out = []
    for child in children:
        with contextlib.suppress(psutil.Error):
            if any("ipykernel_launcher" in part for part in child.cmdline()):
                out.append(child)
    return out


@contextlib.contextmanager
def voila_server(python: Path, nb_path: Path, *, preheat: bool, ready_dir: Path, log_path: Path):
    """Start Voila on a free localhost port; always stop it and its kernels."""
    import psutil

    port = free_port()
    cmd = [
        str(python), "-m", "voila", str(nb_path),
        f"--port={port}", "--no-browser", "--Voila.ip=127.0.0.1",
        "--show_tracebacks=False", "--strip_sources=True",
    ]
    cmd += ["--preheat_kernel=True", "--pool_size=1"] if preheat else ["--pool_size=0"]
    env = dict(os.environ, BENCH_READY_DIR=str(ready_dir), PYTHONUNBUFFERED="1")
    with open(log_path, "w") as log_fh:
        proc = subprocess.Popen(cmd, stdout=log_fh, stderr=subprocess.STDOUT, env=env,
                                cwd=str(nb_path.parent), start_new_session=True)
    seen: dict[int, float] = {}
    try:
        wait_for_port(port, proc, SERVER_START_TIMEOUT)
        yield proc, f"http://127.0.0.1:{port}/", seen
    finally:
        for child in kernel_children(proc.pid):
            with contextlib.suppress(psutil.Error):
                seen[child.pid] = child.create_time()
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # Voila stops its loop and shuts its kernels down
            try:
                proc.wait(timeout=SERVER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        # Kernels run in sessions of their own: end any that outlived the server, by pid
        # (checking the start time, so a reused pid is never hit).
        deadline = time.monotonic() + 5
        for pid, created in seen.items():
            with contextlib.suppress(psutil.Error):
                p = psutil.Process(pid)
                if p.create_time() != created:
                    continue
                p.terminate()
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(psutil.Error):
                p = psutil.Process(pid)
                if p.create_time() == created:
                    p.kill()


def ready_pids(ready_dir: Path) -> list[int]:
    return [int(p.stem) for p in sorted(ready_dir.glob("*.done"), key=lambda p: p.stat().st_mtime)]


def wait_for_ready(ready_dir: Path, exclude: set[int], timeout: float) -> int | None:
    """Pid of a kernel (not in ``exclude``) that has executed the notebook, or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = [pid for pid in ready_pids(ready_dir) if pid not in exclude]
        if fresh:
            return fresh[0]
        time.sleep(0.1)
    return None


def kernel_info(server_pid: int, pid: int | None) -> dict:
    import psutil

    if pid is None:
        return {"kernel_pid": None}
    info = {"kernel_pid": pid, "rss_kb": vmrss_kb(pid)}
    with contextlib.suppress(psutil.Error):
        proc = psutil.Process(pid)
        info["kernel_is_child_of_voila"] = proc.ppid() == server_pid
        info["kernel_python"] = proc.cmdline()[0]
    return info


# --------------------------------------------------------------------------- browser

#: Installed in every page before its own scripts: detects a drawn chart, and a redraw.
PAGE_HELPERS = r"""
(() => {
  const marks = () => Array.from(document.querySelectorAll('.vega-embed .marks'));
  const drawn = (m) => {
    if (m.tagName.toLowerCase() === 'svg') return m.querySelector('path, rect') !== null;
    if (!m.width || !m.height) return false;
    try {
      const d = m.getContext('2d').getImageData(0, 0, m.width, m.height).data;
      for (let i = 3; i < d.length; i += 16) if (d[i] !== 0) return true;
    } catch (e) { return true; }
    return false;
  };
  const sig = (m) => {
    if (m.tagName.toLowerCase() === 'svg') return m.innerHTML;
    try {
      const d = m.getContext('2d').getImageData(0, 0, m.width, m.height).data;
      let h = 0;
      for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] + 7 * d[i + 1] + 13 * d[i + 2]) | 0;
      return m.width + 'x' + m.height + ':' + h;
    } catch (e) { return ''; }
  };
  const bench = {
    t0: null, t1: null, armed: false, old: new Map(),
    chartDrawn: () => marks().some(drawn),
    arm() {
      this.t0 = null; this.t1 = null; this.old = new Map();
      for (const m of marks()) this.old.set(m, sig(m));
      this.armed = true;
      const step = () => {
        if (!this.armed) return;
        if (this.t0 !== null) {
          for (const m of marks()) {
            if (drawn(m) && (!this.old.has(m) || this.old.get(m) !== sig(m))) {
              this.t1 = performance.now(); this.armed = false; return;
            }
          }
        }
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    },
  };
  window.__bench = bench;
  document.addEventListener('keydown', () => {
    if (bench.armed && bench.t0 === null) bench.t0 = performance.now();
  }, true);
})();
"""


def find_chromium() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise SystemExit("No Chromium found: install Debian's chromium or set CHROMIUM=/path/to/chrome")


#: Every URL that is not on this machine. A regular expression (not a Python callable) so
#: that Playwright matches it in its driver: localhost requests, among them Voila's streamed
#: page, are then never held up by a round trip through this script.
NON_LOCAL = re.compile(
    r"^(?!(?:https?|wss?)://(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?(?:/|$)|data:|blob:)"
)


def open_page(browser, url: str, timeout: float, grace: float, expect_drawn: bool = True) -> dict:
    """Navigate a fresh context to ``url``; time until a chart is drawn (or the timeout)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.add_init_script(PAGE_HELPERS)
    aborted: list[str] = []
    console_errors: list[str] = []

    def refuse(route):
        aborted.append(route.request.url)
        route.abort()

    page.route(NON_LOCAL, refuse)
    page.on("console", lambda m: console_errors.append(m.text[:300]) if m.type == "error" else None)
    page.on("pageerror", lambda e: console_errors.append(f"pageerror: {str(e)[:300]}"))
    result = {"context": context, "page": page, "aborted": aborted, "console_errors": console_errors}
    t0 = time.perf_counter()
    try:
        page.goto(url, wait_until="commit", timeout=timeout * 1000)
        remaining = max(1.0, timeout - (time.perf_counter() - t0))
        # Either the chart is drawn, or Voila has finished (spinner gone, slider shown) ...
        page.wait_for_function(
            "() => window.__bench && (window.__bench.chartDrawn() || (!document.getElementById("
            "'loading') && document.querySelector('.noUi-handle') !== null))",
            polling="raf", timeout=remaining * 1000)
        # ... and then the chart may still be on its way: wait for it a little longer.
        remaining = max(grace, timeout - (time.perf_counter() - t0)) if expect_drawn else grace
        page.wait_for_function("() => window.__bench.chartDrawn()", polling="raf",
                               timeout=remaining * 1000)
        result["to_chart_s"] = round(time.perf_counter() - t0, 3)
        result["outcome"] = "drawn"
    except Exception as exc:  # noqa: BLE001 - a chart that never draws is a result
        result["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
        state = {}
        with contextlib.suppress(Exception):
            state = page.evaluate("""() => ({
                loading: !!document.getElementById('loading'),
                loadingText: (document.getElementById('loading_text') || {}).textContent || null,
                sliders: document.querySelectorAll('.noUi-handle').length,
                vegaEmbeds: document.querySelectorAll('.vega-embed').length,
                text: document.body ? document.body.innerText : '',
            })""")
        # Voila never finished executing the notebook (its spinner is still up): see
        # voila-dashboards/voila#1428. Otherwise the page is there but the chart is not.
        result["outcome"] = "hung" if state.get("loading") else "not drawn"
        result["voila_spinner_text"] = state.get("loadingText")
        result["sliders"] = state.get("sliders")
        result["vega_embeds"] = state.get("vegaEmbeds")
        hits = [line.strip() for line in (state.get("text") or "").splitlines() if "rror" in line]
        result["page_error_text"] = hits[:3]
    return result


def measure_slider(page, changes: int) -> dict:
    """Press ArrowRight on the focused slider handle; time key press -> chart redrawn."""
    samples, failures = [], []
    page.locator(".noUi-handle").first.focus(timeout=5000)
    start_value = page.locator(".widget-readout").first.inner_text(timeout=5000)
    for _ in range(changes):
        page.evaluate("window.__bench.arm()")
        page.keyboard.press("ArrowRight")
        try:
            page.wait_for_function("() => window.__bench.t1 !== null", polling=20,
                                   timeout=REDRAW_TIMEOUT * 1000)
            samples.append(round(page.evaluate("window.__bench.t1 - window.__bench.t0"), 1))
        except Exception as exc:  # noqa: BLE001
            failures.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
            page.evaluate("window.__bench.armed = false")
        page.wait_for_timeout(300)
    end_value = page.locator(".widget-readout").first.inner_text(timeout=5000)
    return {
        "redraw_ms": samples,
        "redraw_ms_median": round(statistics.median(samples), 1) if samples else None,
        "failures": failures,
        "slider_from_to": [start_value, end_value],
    }


def summarize_loads(loads: list[dict]) -> dict:
    times = [s["to_chart_s"] for s in loads if s.get("outcome") == "drawn"]
    rss = [s["rss_kb"] for s in loads if s.get("outcome") == "drawn" and s.get("rss_kb")]
    outcomes = [s.get("outcome") for s in loads]
    return {
        "to_chart_s_median": round(statistics.median(times), 3) if times else None,
        "to_chart_s": times,
        "attempts": len(loads),
        "drawn": outcomes.count("drawn"),
        "hung": outcomes.count("hung"),
        "not_drawn": outcomes.count("not drawn"),
        "rss_mb_median": round(statistics.median(rss) / 1024, 1) if rss else None,
    }


def measure_voila(browser, python: Path, nb_path: Path, option: Option, *, preheat: bool,
                  loads: int, slider_changes: int, workdir: Path) -> dict:
    """Load the Voila page until ``loads`` loads have finished rendering (at most 2x tries).

    A load where Voila never finishes executing the notebook ("hung") is recorded and
    tried again; so, for an option that is expected to draw, is a load without a chart.
    """
    mode = "preheated" if preheat else "cold"
    ready_dir = Path(tempfile.mkdtemp(prefix=f"ready-{option.key}-{mode}-", dir=workdir))
    log_path = workdir / f"voila-{option.key}-{mode}.log"
    grace = CHART_GRACE if option.expect_drawn else CHART_GRACE_EXPECTED_FAIL
    samples: list[dict] = []
    out: dict = {"log": str(log_path.relative_to(ROOT)), "loads": samples}
    max_attempts = 2 * loads if option.expect_drawn else loads + 2
    with voila_server(python, nb_path, preheat=preheat, ready_dir=ready_dir, log_path=log_path) as (
        server, url, _seen,
    ):
        used: set[int] = set()
        done = 0
        slider_done = False
        for attempt in range(max_attempts):
            if done >= loads:
                break
            pool_pid = None
            if preheat:
                pool_pid = wait_for_ready(ready_dir, used, POOL_READY_TIMEOUT)
                if pool_pid is None:
                    out["error"] = f"no pre-heated kernel ready within {POOL_READY_TIMEOUT} s"
                    break
                time.sleep(1.0)  # let Voila take the pooled kernel's last output in
            quiet = wait_for_quiet()
            before = {k.pid for k in kernel_children(server.pid)}
            res = open_page(browser, url, CHART_TIMEOUT, grace, option.expect_drawn)
            log(f"{option.key} {mode}: load {attempt + 1}: {res['outcome']} "
                f"{res.get('to_chart_s', '')}")
            sample = {k: v for k, v in res.items() if k not in ("context", "page", "aborted")}
            sample["aborted_requests"] = len(res["aborted"])
            sample["aborted_hosts"] = sorted({urlparse(u).hostname or u for u in res["aborted"]})
            sample["aborted_sample"] = res["aborted"][:4]
            sample["console_errors"] = res["console_errors"][:5]
            sample["quiet_before"] = quiet
            if preheat:
                kpid = pool_pid
            else:  # pool_size=0: the kernel that appeared for this page
                new = [k.pid for k in kernel_children(server.pid) if k.pid not in before]
                kpid = new[0] if new else None
            if kpid is not None:
                used.add(kpid)
            sample.update(kernel_info(server.pid, kpid))
            if slider_changes and not slider_done and res["outcome"] == "drawn":
                slider_done = True
                log(f"{option.key} {mode}: {slider_changes} slider changes")
                try:
                    sample["slider"] = measure_slider(res["page"], slider_changes)
                except Exception as exc:  # noqa: BLE001
                    sample["slider"] = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
                if kpid is not None:
                    sample["rss_kb_after_slider"] = vmrss_kb(kpid)
            samples.append(sample)
            with contextlib.suppress(Exception):
                res["context"].close()
            if res["outcome"] == "drawn" or (res["outcome"] == "not drawn" and not option.expect_drawn):
                done += 1
        out["kernels_at_end"] = [
            {"pid": k.pid, "rss_kb": vmrss_kb(k.pid)} for k in kernel_children(server.pid)
        ]
    out.update(summarize_loads(samples))
    return out


def wait_for_quiet(max_wait: float = QUIET_MAX_WAIT) -> dict:
    """Wait (bounded) until the CPUs are mostly idle: other work on this machine skews timings."""
    import psutil

    start = time.monotonic()
    samples = []
    quiet_in_a_row = 0
    while time.monotonic() - start < max_wait:
        samples.append(psutil.cpu_percent(interval=1.0))
        quiet_in_a_row = quiet_in_a_row + 1 if samples[-1] < QUIET_CPU_PERCENT else 0
        if quiet_in_a_row >= 3:
            break
    waited = round(time.monotonic() - start, 1)
    if quiet_in_a_row < 3:
        log(f"machine still busy after {waited} s (cpu {samples[-3:]} %): measuring anyway")
    return {"waited_s": waited, "quiet": quiet_in_a_row >= 3, "last_cpu_percent": samples[-3:]}


def machine_load() -> dict:
    """Load average, and Voila/ipykernel processes on this machine that are not ours."""
    import psutil

    mine = {p.pid for p in psutil.Process().children(recursive=True)} | {os.getpid()}
    foreign = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmd = " ".join(proc.info.get("cmdline") or [])
        if proc.info["pid"] not in mine and ("voila" in cmd or "ipykernel_launcher" in cmd):
            foreign.append(cmd[:120])
    return {"loadavg": [round(x, 2) for x in os.getloadavg()], "other_jupyter_processes": foreign}


# --------------------------------------------------------------------------- report


def fmt(value, spec="{}", missing="–"):
    return missing if value is None else spec.format(value)


def markdown_table(results: dict) -> str:
    head = ("| Option | Stack | Chart drawn offline (Voila cold loads) | Kernel RSS after chart, MB "
            "| nbclient: outputs + widget state, KB | nbformat.validate "
            "| Voila cold → chart, s (median) | Voila preheated → chart, s (median) "
            "| Slider → redraw, ms (median of n) |")
    rows = [head, "|" + "---|" * 9]
    for key, r in results.items():
        nbc = r.get("nbclient", {})
        cold = r.get("voila_cold", {})
        pre = r.get("voila_preheated", {})
        slider = next((s["slider"] for s in cold.get("loads", []) if "slider" in s), {})
        nb_kb = None
        if "outputs_bytes" in nbc:
            nb_kb = f"{nbc['outputs_bytes'] / 1024:.1f} + {nbc['widget_state_bytes'] / 1024:.1f}"
        valid = nbc.get("nbformat_valid")
        drawn = "–"
        if "attempts" in cold:
            drawn = f"{cold['drawn']}/{cold['attempts']}"
            if cold["hung"]:
                drawn += f" ({cold['hung']} hung in Voila)"
        rss = [x for x in (cold.get("rss_mb_median"), pre.get("rss_mb_median")) if x]
        rss_txt = " / ".join(f"{x:.0f}" for x in rss) + (" (cold / preheated)" if len(rss) == 2 else "")
        pre_txt = "not run" if not pre else fmt(pre.get("to_chart_s_median"), "{:.2f}", "not drawn")
        if pre.get("hung"):
            pre_txt += f" ({pre['hung']} hung)"
        cold_txt = "–" if not cold else fmt(cold.get("to_chart_s_median"), "{:.2f}", "not drawn")
        n = len(slider.get("redraw_ms", []))
        slider_txt = fmt(slider.get("redraw_ms_median"), "{:.0f}") + (f" (n={n})" if n else "")
        rows.append("| " + " | ".join([
            key,
            r["label"],
            drawn,
            rss_txt or "–",
            nb_kb or ("error: " + nbc.get("error", "?")),
            "–" if valid is None else ("yes" if valid else "no: " + (nbc.get("validation_error") or "")[:80]),
            cold_txt,
            pre_txt,
            slider_txt,
        ]) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--options", default="A,B,B2,C", help="comma-separated: A,B,B2,C")
    parser.add_argument("--loads", type=int, default=3, help="page loads per Voila mode")
    parser.add_argument("--slider-changes", type=int, default=10)
    parser.add_argument("--out", type=Path, default=RESULTS / "renderers.json")
    args = parser.parse_args(argv)
    keys = [k.strip() for k in args.options.split(",") if k.strip()]
    unknown = [k for k in keys if k not in OPTIONS]
    if unknown:
        parser.error(f"unknown option(s): {unknown}")

    import nbformat
    from playwright.sync_api import sync_playwright

    def stop(signum, frame):  # run the finally blocks (servers, browser) on SIGTERM too
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)

    workdir = RESULTS / "renderers"
    workdir.mkdir(parents=True, exist_ok=True)
    pythons = {"project": Path(sys.executable)}
    if any(OPTIONS[k].env == "altair6" for k in keys):
        pythons["altair6"] = ensure_altair6_venv()
    env_versions = {name: versions_in(py) for name, py in pythons.items()}

    chromium = find_chromium()
    results: dict = {}
    started = time.time()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            browser_version = browser.version
            for key in keys:
                option = OPTIONS[key]
                python = pythons[option.env]
                nb_path = workdir / f"renderer-{key}.ipynb"
                nbformat.write(make_notebook(option), nb_path)
                entry: dict = {
                    "label": option.label,
                    "python": str(python.relative_to(ROOT)) if python.is_relative_to(ROOT) else str(python),
                    "versions": env_versions[option.env],
                    "renderer_code": option.renderer or "(default)",
                    "layout": option.layout,
                    "notebook": str(nb_path.relative_to(ROOT)),
                }
                results[key] = entry
                entry["machine_load_before"] = machine_load()
                entry["quiet_before_nbclient"] = wait_for_quiet()
                log(f"{key}: nbclient")
                entry["nbclient"] = run_nbclient(python, nb_path)
                loads = 1 if option.quick else args.loads
                slider = 0 if option.quick else args.slider_changes
                for preheat in ((False,) if option.quick else (False, True)):
                    name = "voila_preheated" if preheat else "voila_cold"
                    try:
                        entry[name] = measure_voila(
                            browser, python, nb_path, option, preheat=preheat, loads=loads,
                            slider_changes=0 if preheat else slider, workdir=workdir,
                        )
                    except Exception as exc:  # noqa: BLE001 - record and go on
                        entry[name] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}
                    log(f"{key} {name}: {json.dumps({k: v for k, v in entry[name].items() if k != 'loads'})[:300]}")
        finally:
            browser.close()

    report = {
        "generated": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).relative_to(ROOT).as_posix()
                             if Path(sys.executable).is_relative_to(ROOT) else sys.executable,
                             "benchmarks/bench_renderers.py", *(argv if argv is not None else sys.argv[1:])]),
        "duration_s": round(time.time() - started, 1),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "chromium": browser_version,
            "chromium_args": CHROMIUM_ARGS,
        },
        "method": {
            "loads_per_mode": args.loads,
            "slider_changes": args.slider_changes,
            "network": "every non-localhost request aborted (page.route with a regular "
                       "expression, matched in Playwright's driver)",
            "attempts": "a load on which Voila never finished executing the notebook (spinner "
                        "still up after the timeout, voila-dashboards/voila#1428) counts as "
                        "'hung' and is tried again, up to 2x the loads",
            "to_chart": "navigation start -> a drawn canvas/svg .marks inside .vega-embed; fresh "
                        "browser context per load (no cache)",
            "preheated": "measured once the pooled kernel has executed the notebook (its last "
                         "cell writes a marker) plus 1 s",
            "rss": "VmRSS of the ipykernel process that served the page, right after the chart "
                   "was drawn",
            "slider": "keydown ArrowRight on the slider handle -> next animation frame with a "
                      "new or changed chart, on the first cold load that drew",
        },
        "options": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(markdown_table(results))
    print()
    print(f"JSON: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
