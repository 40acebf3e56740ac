"""Room test: a room of participants opens one dashboard within seconds, and how long until each can work.

Run from the repository root:

    .venv/bin/python benchmarks/bench_room.py --quick              # 10 participants, reach explorer (~3 min)
    .venv/bin/python benchmarks/bench_room.py                      # 10, 20 and 30 participants (~10 min)
    .venv/bin/python benchmarks/bench_room.py --dashboard workshop --participants 20 --pool 4
    .venv/bin/python benchmarks/bench_room.py --url 'http://host:8866/voila/render/reach_explorer.ipynb?token=...'
    .venv/bin/python benchmarks/bench_room.py --hub --dashboard workshop --participants 10   # through JupyterHub

With ``--hub`` each N runs through a local JupyterHub with deploy/jupyterhub's configuration
(``tests/local_hub.py``, the hub test's): every participant has an account, and on arriving
their own Jupyter server is started through the hub's REST API, as logging in does; the time to
interactive counts from the arrival. See :func:`run_hub`. With ``--room-sized`` and a
single-tool dashboard, that dashboard is served alone with the pool ``make room`` would give
the workshop for N.

For each number of participants N:

1. a Voila server starts as ``toolkit.serve`` starts it: ``toolkit.serve.voila_command`` with the
   sizing ``toolkit.serve`` computes (``toolkit.capacity.plan_room``: the capacity from this
   computer's free memory as ``make start`` does, and with ``--room-sized`` the workshop's pool
   for N as ``make room PARTICIPANTS=N`` does), so every change to the command, its pools or
   its handlers applies here too; on a free port of this computer, with the workshop data in a
   temporary folder. The run waits until the pool is warm: until StageTok's server prints that
   the room is ready (every pooled kernel has run its dashboard), or, for a server that does not
   say so, until Voila has logged a filled pool, the server's ipykernel children stop changing
   and the server with its kernels stays under 5 % of a core for 2 s. The warm-up time (from
   the start of the server) is reported.
2. N light participants (``room_clients.py``: protocol clients, no browser) arrive spread
   evenly over 10 s. Each loads the page and its static files, opens its kernel's WebSocket and
   gets every widget state (= interactive), then makes 10 changes, 1 s apart, of the
   dashboard's control (``room_clients.DRIVERS``) and times each to the kernel's answer.
3. Beside them one real Chromium page, arriving halfway through the 10 s, samples what a
   participant sees: the time until the dashboard is visible, then one change of the same
   control and the time until the kernel is idle after it (its round trip), measured in the
   page from the kernel's own WebSocket frames. Its interactive time is visible + round trip.
   It refuses every request outside this computer (a proxy that does not exist; only
   localhost is reached directly), and keeps its HTTP cache working (unlike request routing).
4. When all are done, every page leaves (Voila's shutdown beacon); then 3 participants open the
   dashboard a second time with what their HTTP cache kept: bytes and requests of a second load.
5. The server and every kernel it started are stopped, so that the next N starts as a room does.

Before the first N, one real Chromium page load of the dashboard, from a server of its own for
that dashboard alone (one warm kernel; stopped afterwards), records which static files the
page's JavaScript loads; the participants load the same files (``room_clients.Manifest``), and
that page's bytes and requests are shown next to the participants' (first load in a fresh
browser, second load in the same browser).

Reported for each N: time to interactive and change-to-update delay (median, p95 by nearest
rank, max), errors and hung requests (timeouts) apart, HTTP body bytes per participant as
received (compressed where the server compressed) and requests per page load, the server's and
its kernels' peak RSS (psutil: the Voila process, and its ipykernel children summed), the load
average, and the Chromium sample. A Markdown table goes to stdout and is added to
``benchmarks/RESULTS.md`` under a heading for the run's configuration, with the date and the
machine. The script reports and never asserts: it exits 0 unless measuring itself failed.

Everything runs on this one machine: the clients, the Chromium page and the server share its
cores, as the load average shows; the clients' own CPU time is reported too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as _dt
import json
import os
import platform
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import room_clients  # noqa: E402
from room_clients import DRIVERS, Driver, Manifest, Timeouts, room_summary, run_room  # noqa: E402

from tests import local_hub  # noqa: E402
from tests.browser.chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from tests.browser.localhost import free_port, http_status, is_local, log_tail, stop_voila  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402
from toolkit import capacity  # noqa: E402
from toolkit.serve import DASHBOARDS, use_data_folder, voila_command  # noqa: E402

RESULTS_MD = HERE / "RESULTS.md"
SERVER_START_TIMEOUT = 120  # s until Voila answers HTTP
WARM_TIMEOUT = 600  # s until the pool is warm
IDLE_WINDOW = 2.0  # s the server and its kernels must stay quiet
IDLE_SHARE = 0.05  # of one core, over that window
SAMPLE_EVERY = 1.0  # s between two samples of memory and load
FILLED = re.compile(r"Kernel pool of (.+?) is filled with (\d+) kernel")
#: What StageTok's server prints once every pooled kernel is warm.
READY = re.compile(r"The room is ready: all (\d+) kernels are warm after (\d+) s")
ROUND_TRIP_TIMEOUT = 60  # s for the Chromium page's change to be answered
BLANK_AFTER_MS = 10_000  # a page still without its dashboard this long after the widget states is blank


class BlankPage(RuntimeError):
    """The page came, and its widget states, but it shows no dashboard."""

#: Installed in the Chromium page before its own scripts: records (page clock, ms) when the
#: dashboard's root is visible with Voila's spinner gone, when the widget states arrive, and
#: for a change armed from Python, when the page sent its update and when the kernel was idle
#: after it. It reads the kernel's WebSocket frames (v1 protocol, or JSON text).
INSTRUMENT = r"""
(() => {
  const ROOT = __ROOT__;
  const room = window.__room = {visible: null, states: null, socket: null, fallback: null, armed: false, changes: [],
                                unread: 0};
  const decoder = new TextDecoder();
  const read = (data) => {
    if (typeof data === 'string') {
      const m = JSON.parse(data);
      return {channel: m.channel, header: m.header || {}, parent: m.parent_header || {}, content: () => m.content || {}};
    }
    const buffer = data instanceof ArrayBuffer ? data
      : (ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : null);
    if (!buffer) return null;
    const view = new DataView(buffer);
    const at = i => Number(view.getBigUint64(8 * (i + 1), true));
    const text = i => decoder.decode(new Uint8Array(buffer, at(i), at(i + 1) - at(i)));
    return {channel: text(0), header: JSON.parse(text(1)), parent: JSON.parse(text(2)), content: () => JSON.parse(text(4))};
  };
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (!String(url).includes('/channels')) return;
      room.socket = performance.now();
      this.addEventListener('message', event => {
        const now = performance.now();
        try {
          const msg = read(event.data);
          if (!msg) return;
          const type = msg.header.msg_type;
          if (type === 'comm_msg' && room.states === null) {
            const data = msg.content().data || {};
            if (data.method === 'update_states') room.states = now;
          } else if (type === 'status' && msg.channel === 'iopub') {
            const change = room.changes.find(c => c.id === msg.parent.msg_id);
            if (change && change.idle === null && msg.content().execution_state === 'idle') change.idle = now;
          }
        } catch (error) { room.unread += 1; }
      });
    }
    send(data) {
      try {
        const msg = read(data);
        const type = msg ? msg.header.msg_type : null;
        // ipywidgets' manager asks widget by widget when the control comm did not answer in 4 s.
        if (type === 'comm_info_request' && room.fallback === null) room.fallback = performance.now();
        if (room.armed && type === 'comm_msg' && (msg.content().data || {}).method === 'update') {
          room.changes.push({id: msg.header.msg_id, sent: performance.now(), idle: null});
          room.armed = false;
        }
      } catch (error) { room.unread += 1; }
      return super.send(data);
    }
  }
  window.WebSocket = Watched;
  const shown = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  // A timer, not animation frames: it runs whatever the page's rendering does.
  room.check = () => {
    if (room.visible === null && !document.getElementById('loading') && shown(document.querySelector(ROOT))) {
      room.visible = performance.now();
    }
    return room.visible !== null;
  };
  const timer = setInterval(() => { if (room.check()) clearInterval(timer); }, 25);
  // Blank: the widget states came 10 s ago, the spinner is gone, and the page still shows no dashboard
  // (Voila lost the cell's output: the HTML has no widget to draw).
  room.blank = () => room.states !== null && performance.now() - room.states > BLANK_AFTER_MS
    && !document.getElementById('loading') && !document.querySelector(ROOT)
    && !document.querySelector('.jp-OutputArea-output');
})();
"""

#: The page's own requests (Resource Timing, this host only): over the network or from the
#: cache; a revalidated file (304) brings headers only (its transfer is not larger than its body).
RESOURCES = """() => {
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter(e => /^https?:/.test(e.name) && new URL(e.name).host === location.host);
  const out = {files: entries.length, requests: 0, revalidated: 0, cached: 0, body_bytes: 0, decoded_bytes: 0};
  for (const e of entries) {
    out.decoded_bytes += e.decodedBodySize || 0;
    if (!e.transferSize) { out.cached += 1; continue; }
    out.requests += 1;
    if (e.responseStatus === 304 || e.transferSize - e.encodedBodySize < 150) out.revalidated += 1;
    else out.body_bytes += e.encodedBodySize || 0;
  }
  return out;
}"""


def log(message: str) -> None:
    print(f"[room {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- the Chromium page

async def _slide(page, driver: Driver) -> None:
    handle = page.locator(f".{driver.root_class} .widget-slider .noUi-handle").first
    await handle.focus()
    await handle.press("ArrowRight")


async def _type_posts(page, driver: Driver) -> None:
    field = page.locator(f".{driver.root_class} .widget-gridbox .widget-text input").first
    await field.fill("1234")
    await field.press("Enter")


async def _next_step(page, driver: Driver) -> None:
    await page.locator(f".{driver.root_class} .stagetok-steps button").nth(1).click()


async def _team_name(page, driver: Driver) -> None:
    field = page.locator(f".{driver.root_class} .stagetok-step-welcome .widget-text input").first
    await field.fill("Team browser")
    await field.press("Enter")


#: What the Chromium page does for each driver: the same control the participants change.
BROWSER_CHANGES = {"reach": _slide, "lab": _type_posts, "workshop": _next_step, "workshop-team": _team_name}


#: How far a page got (page clock, s), for a sample that did not become interactive.
PROGRESS = """() => {
  const n = performance.getEntriesByType('navigation')[0] || {};
  const r = window.__room || {};
  const s = v => (v === null || v === undefined) ? null : v / 1000;
  const root = document.querySelector(__ROOT__);
  return {html_received_s: s(n.responseEnd), socket_opened_s: s(r.socket), states_s: s(r.states), visible_s: s(r.visible),
          spinner: !!document.getElementById('loading'), resources: performance.getEntriesByType('resource').length,
          changes: r.changes || [], root_in_page: !!root, root_boxes: root ? root.getClientRects().length : 0,
          widgets: document.querySelectorAll('.jupyter-widgets').length,
          outputs: [...document.querySelectorAll('.jp-OutputArea-output')].map(e => e.textContent.trim().slice(0, 80))
            .slice(0, 5)};
}"""


class BrowserPage:
    """A Chromium page with the room instrument, in a context of its own (or a given one)."""

    def __init__(self, page, context, driver: Driver):
        self.page, self.context, self.driver = page, context, driver
        self.requests: list[tuple[str, str]] = []
        self.refused: list[str] = []
        self.console: list[str] = []
        page.on("request", lambda request: self.requests.append((request.method, request.url)))
        page.on("requestfailed", self._failed)
        page.on("pageerror", lambda error: self.console.append(f"pageerror: {error}"))
        page.on("console", lambda message: message.type == "error" and self.console.append(message.text[:300]))

    def _failed(self, request) -> None:
        if not is_local(request.url):
            self.refused.append(request.url)

    @classmethod
    async def open(cls, context, driver: Driver) -> BrowserPage:
        page = await context.new_page()
        return cls(page, context, driver)

    async def load(self, url: str, timeout_s: float) -> dict:
        """Navigate and wait until the dashboard is visible; page-clock seconds."""
        await self.page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        await self.page.wait_for_function("() => window.__room && (window.__room.check() || window.__room.blank())",
                                          timeout=timeout_s * 1000, polling=100)
        room = await self.page.evaluate("window.__room")
        if room["visible"] is None:
            raise BlankPage(f"no dashboard {BLANK_AFTER_MS / 1000:.0f} s after the widget states came")
        return {"visible_s": room["visible"] / 1000,
                "states_s": None if room["states"] is None else room["states"] / 1000,
                "states_by_widget": room["fallback"] is not None}

    async def change(self) -> float:
        """Make one change of the driver's control; seconds from the page's update to the kernel idle."""
        before = await self.page.evaluate("window.__room.armed = true, window.__room.changes.length")
        await BROWSER_CHANGES[self.driver.name](self.page, self.driver)
        await self.page.wait_for_function(
            "n => { const c = window.__room.changes; return c.length > n && c[n].idle !== null; }",
            arg=before, timeout=ROUND_TRIP_TIMEOUT * 1000, polling=50)
        change = (await self.page.evaluate("window.__room.changes"))[before]
        return (change["idle"] - change["sent"]) / 1000

    async def settle(self, quiet_s: float = 2.0, limit_s: float = 30.0) -> dict:
        """Wait until the page has requested nothing new for ``quiet_s``; return its resource figures."""
        deadline = time.monotonic() + limit_s
        count, since = -1, time.monotonic()
        while time.monotonic() < deadline:
            now_count = len(self.requests)
            if now_count != count:
                count, since = now_count, time.monotonic()
            elif time.monotonic() - since >= quiet_s:
                break
            await asyncio.sleep(0.2)
        return await self.page.evaluate(RESOURCES)

    async def close(self) -> None:
        """Leave as a participant does: unload handlers run, so Voila's page sends its beacon."""
        with contextlib.suppress(Exception):
            await self.page.close(run_before_unload=True)
            await asyncio.sleep(0.5)


async def _launch(playwright, executable: str):
    # A proxy that does not exist: every request outside this computer fails, localhost goes direct.
    proxy = {"server": f"http://127.0.0.1:{free_port()}", "bypass": "localhost,127.0.0.1,[::1]"}
    return await playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True, proxy=proxy)


async def _new_context(browser, driver: Driver, headers: dict[str, str] | None = None):
    # headers: e.g. a participant's token for their own server behind JupyterHub
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, extra_http_headers=headers or {})
    await context.add_init_script(INSTRUMENT.replace("__ROOT__", json.dumps("." + driver.root_class))
                                  .replace("BLANK_AFTER_MS", str(BLANK_AFTER_MS)))
    return context


async def record_page(executable: str, url: str, driver: Driver, timeout_s: float,
                      headers: dict[str, str] | None = None) -> tuple[Manifest, dict]:
    """One real page load (fresh browser) and a second one in the same browser: the manifest and their figures."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await _launch(playwright, executable)
        try:
            context = await _new_context(browser, driver, headers)
            first = await BrowserPage.open(context, driver)
            times = await first.load(url, timeout_s)
            round_trip = await first.change()
            first_load = await first.settle()
            manifest = Manifest.from_requests(url, first.requests)
            await first.close()
            second = await BrowserPage.open(context, driver)
            second_times = await second.load(url, timeout_s)
            second_load = await second.settle()
            await second.close()
            await context.close()
        finally:
            await browser.close()
    return manifest, {"first": {**first_load, **times, "round_trip_s": round_trip},
                      "second": {**second_load, **second_times},
                      "manifest_files": len(manifest.boot) + len(manifest.late),
                      "refused": sorted(set(first.refused + second.refused)), "chromium": browser.version}


async def chromium_sample(browser, url: str, driver: Driver, delay: float, timeout_s: float,
                          screenshot: Path | None = None, headers: dict[str, str] | None = None) -> dict:
    """The room's real page: arrives after ``delay`` s, is visible, makes one change (a screenshot if it fails)."""
    await asyncio.sleep(delay)
    context = await _new_context(browser, driver, headers)
    page = await BrowserPage.open(context, driver)
    result: dict = {"arrival_s": delay}
    try:
        result.update(await page.load(url, timeout_s))
        result["round_trip_s"] = await page.change()
        result["interactive_s"] = result["visible_s"] + result["round_trip_s"]
        result["load"] = await page.settle(quiet_s=1.0)
    except Exception as error:  # noqa: BLE001 - the sample failing is a result too
        result["error"] = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        result["blank"] = isinstance(error, BlankPage)
        with contextlib.suppress(Exception):
            result["progress"] = await page.page.evaluate(PROGRESS.replace("__ROOT__", json.dumps("." + driver.root_class)))
        if screenshot is not None:
            with contextlib.suppress(Exception):
                await page.page.screenshot(path=str(screenshot), full_page=True)
                result["screenshot"] = str(screenshot)
    finally:
        await page.close()
        with contextlib.suppress(Exception):
            await context.close()
    result["refused"] = page.refused
    result["console"] = page.console[:20]
    return result


# --------------------------------------------------------------------------- the server

def kernel_processes(server: psutil.Process) -> list[psutil.Process]:
    """The ipykernel processes the Voila server started."""
    found = []
    for child in server.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "ipykernel" in " ".join(child.cmdline()):
                found.append(child)
    return found


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def wait_warm(pid: int, pool: int, log_path: Path, started: float, timeout: float = WARM_TIMEOUT) -> tuple[float, str]:
    """Wait until Voila's pool is warm; return (seconds from ``started``, the server's start, to warm; how told).

    Warm: StageTok's server printed that the room is ready (every pooled kernel has run its
    dashboard); or, from a server that does not say so, Voila logged a filled pool, the server's
    kernels are the same before and after a window of ``IDLE_WINDOW`` seconds, and the server with
    its kernels used less than ``IDLE_SHARE`` of a core in it.
    """
    server = psutil.Process(pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_tail(log_path, 500_000)
        if READY.search(text):
            return time.monotonic() - started, "the server said the room is ready"
        kernels = kernel_processes(server)
        if pool == 0 or (kernels and FILLED.search(text)):
            window_start = time.monotonic()
            before = _cpu_seconds([server, *kernels])
            time.sleep(IDLE_WINDOW)
            after_kernels = kernel_processes(server)
            used = _cpu_seconds([server, *after_kernels]) - before
            quiet = {k.pid for k in after_kernels} == {k.pid for k in kernels} and used < IDLE_SHARE * IDLE_WINDOW
            if quiet and not READY.search(log_tail(log_path, 500_000)) and "Warming up" not in text:
                return window_start - started, "its kernels went idle"
        else:
            time.sleep(0.5)
    raise TimeoutError(f"the kernel pool was not warm within {timeout:.0f} s:\n{log_tail(log_path, 3000)}")


class Sampler(threading.Thread):
    """Samples the server's and its kernels' memory, the load average and Chromium's CPU, every second."""

    def __init__(self, server_pid: int | None):
        super().__init__(daemon=True)
        self.server = psutil.Process(server_pid) if server_pid else None
        self.stop = threading.Event()
        self.peak = {"server_rss_mb": 0.0, "kernels_rss_mb": 0.0, "kernels": 0, "load_1min": 0.0}
        self.last = dict(self.peak)
        self.chromium_cpu: dict[int, float] = {}

    def sample(self) -> None:
        values = {"load_1min": os.getloadavg()[0]}
        if self.server is not None:
            with contextlib.suppress(psutil.Error):
                kernels = kernel_processes(self.server)
                # the server, and on a hub its proxy, culler and every participant's Jupyter server
                kernel_pids = {kernel.pid for kernel in kernels}
                others = [self.server, *(p for p in self.server.children(recursive=True) if p.pid not in kernel_pids)]
                server_rss = 0
                for process in others:
                    with contextlib.suppress(psutil.Error):
                        server_rss += process.memory_info().rss
                values["server_rss_mb"] = server_rss / 2**20
                rss = 0
                for kernel in kernels:
                    with contextlib.suppress(psutil.Error):
                        rss += kernel.memory_info().rss
                values["kernels_rss_mb"], values["kernels"] = rss / 2**20, len(kernels)
        for child in psutil.Process().children(recursive=True):
            with contextlib.suppress(psutil.Error):
                if "chrom" in child.name().lower():
                    times = child.cpu_times()
                    self.chromium_cpu[child.pid] = times.user + times.system
        self.last.update(values)
        for key, value in values.items():
            self.peak[key] = max(self.peak[key], value)

    def run(self) -> None:
        while not self.stop.wait(SAMPLE_EVERY):
            self.sample()

    def finish(self) -> dict:
        self.stop.set()
        self.join(5)
        self.sample()
        return {"peak": self.peak, "end": self.last, "chromium_cpu_s": sum(self.chromium_cpu.values())}


def log_problems(log_path: Path | None, since: int = 0) -> int:
    """Lines of the server log that report an error or a traceback (from byte ``since`` on)."""
    return log_count(log_path, r"\[E |ERROR|Traceback", since)


def log_count(log_path: Path | None, pattern: str, since: int = 0) -> int:
    """Lines of the server log that match ``pattern`` (from byte ``since`` on)."""
    if log_path is None:
        return 0
    try:
        with open(log_path, "rb") as log:
            log.seek(since)
            text = log.read().decode("utf-8", "replace")
    except OSError:
        return 0
    return sum(1 for line in text.splitlines() if re.search(pattern, line))


#: What Voila's executor (nbclient) logs when it stops waiting for a cell's output (``iopub_timeout``, 4 s):
#: the cell is rendered without it, and a page served from that rendering shows nothing.
IOPUB_TIMEOUT = r"Timeout waiting for IOPub output"


def foreign_voila_processes() -> int:
    """Voila servers and kernels on this machine that this run did not start (they share the cores)."""
    ours = {p.pid for p in psutil.Process().children(recursive=True)} | {os.getpid()}
    count = 0
    for process in psutil.process_iter(["pid", "cmdline"]):
        cmd = " ".join(process.info.get("cmdline") or ())
        if process.info["pid"] not in ours and re.search(r"-m (voila|toolkit\.voila_app)\b|ipykernel_launcher", cmd):
            count += 1
    return count


# --------------------------------------------------------------------------- one room

async def room(url: str | list[str], participants: int, driver: Driver, manifest: Manifest | list[Manifest] | None,
               args, executable: str | None, server_pid: int | None, *, headers: list[dict] | None = None,
               arrive=None, sample_url: str | None = None, sample_headers: dict | None = None,
               subprotocols: tuple[str, ...] = (room_clients.V1_PROTOCOL,)) -> dict:
    """Run one room against ``url``: the participants and (with a browser) the Chromium sample.

    On a hub, ``url``, ``manifest`` and ``headers`` are one per participant, ``arrive`` starts a
    participant's own server, and the Chromium sample opens ``sample_url`` with ``sample_headers``.
    """
    sampler = Sampler(server_pid)
    load_before = os.getloadavg()
    timeouts = Timeouts(page=args.timeout, states=args.timeout, change=ROUND_TRIP_TIMEOUT)
    browser = playwright = None
    if executable:
        from playwright.async_api import async_playwright

        playwright = await async_playwright().start()
        browser = await _launch(playwright, executable)
        await asyncio.sleep(1.0)  # the browser's own start is not part of the room
    client_cpu = psutil.Process().cpu_times()
    sampler.start()
    started = time.monotonic()
    try:
        screenshot = args.work / f"chromium-n{participants}.png"
        sample = (asyncio.ensure_future(chromium_sample(browser, sample_url or url, driver, args.window / 2,
                                                        args.timeout, screenshot, sample_headers))
                  if browser else None)
        results = await run_room(url, participants, driver=driver, changes=args.changes, window=args.window,
                                 think=args.think, manifest=manifest, reloads=min(args.reloads, participants),
                                 timeouts=timeouts, log=log if args.verbose else None, headers=headers,
                                 arrive=arrive, subprotocols=subprotocols)
        sample_result = await sample if sample else None
    finally:
        duration = time.monotonic() - started
        resources = sampler.finish()
        if browser:
            await browser.close()
            await playwright.stop()
    cpu = psutil.Process().cpu_times()
    return {
        "participants": participants,
        "summary": room_summary(results),
        "sample": sample_result,
        "resources": resources,
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "duration_s": duration,
        "timeout": args.timeout,
        "client_cpu_s": (cpu.user + cpu.system) - (client_cpu.user + client_cpu.system),
        "results": [r.to_json() for r in results],
    }


def server_options(pool: int, participants: int = 0) -> dict:
    """The sizing ``toolkit.serve`` gives ``voila_command``: as ``make start`` (``participants`` 0) or ``make room``.

    The room's capacity always follows this computer's free memory; the workshop's own pool only
    when the room is sized for ``participants`` (``make room PARTICIPANTS=N``).
    """
    plan = capacity.plan_room(participants or max(pool, 1), psutil.virtual_memory().available,
                              psutil.cpu_count() or 1)
    return {"capacity": max(plan.capacity, 1), "workshop_pool": plan.workshop_pool if participants else 0}


@contextlib.contextmanager
def server(pool: int, work: Path, label: str, participants: int = 0, notebooks: Path = DASHBOARDS):
    """Run the dashboards' Voila (``toolkit.serve.voila_command``, sized as ``toolkit.serve`` does) on a free port.

    Yields (base URL, process, log path, start time, options); always stops the server and
    every kernel it started.
    """
    use_data_folder(work / f"data-{label}")
    log_path = work / f"voila-{label}.log"
    options = server_options(pool, participants)
    port = free_port()
    command = voila_command(notebooks, port=port, pool_size=pool, **options)
    started = time.monotonic()
    with open(log_path, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    base_url = f"http://localhost:{port}"
    try:
        while http_status(f"{base_url}/") != 200:  # the front door: no kernel is used
            if process.poll() is not None or time.monotonic() - started > SERVER_START_TIMEOUT:
                raise RuntimeError(f"Voila did not start: {' '.join(command)}\n{log_tail(log_path, 3000)}")
            time.sleep(0.2)
        yield base_url, process, log_path, started, options
    finally:
        stop_voila(process)


def run_local(args, driver: Driver, executable: str | None, work: Path) -> tuple[list[dict], dict | None]:
    """Every N against fresh local servers (and the recording of a real page first)."""
    manifest, recording = None, None
    if executable:
        log("recording a real page load of the dashboard (a server of its own, for this dashboard alone)")
        alone = work / "alone"
        alone.mkdir(exist_ok=True)
        shutil.copy(DASHBOARDS / driver.notebook, alone)
        with server(1, work, "recording", notebooks=alone) as (base_url, process, log_path, started, _):
            wait_warm(process.pid, 1, log_path, started)
            url = f"{base_url}/voila/render/{driver.notebook}"
            manifest, recording = asyncio.run(record_page(executable, url, driver, args.timeout))
        log(f"the page loads {recording['first']['files']} files; {recording['manifest_files']} after its HTML")
    rows = []
    for n in args.participants:
        sized, pool, notebooks = (n if args.room_sized else 0), args.pool, DASHBOARDS
        if sized and driver.notebook != capacity.WORKSHOP_NOTEBOOK:
            # make room sizes the workshop's pool only; a single-tool dashboard gets that pool
            # (as if the room used it instead of the workshop), served alone
            pool = capacity.plan_room(n, psutil.virtual_memory().available, psutil.cpu_count() or 1).workshop_pool
            sized, notebooks = 0, work / "alone"
            notebooks.mkdir(exist_ok=True)
            shutil.copy(DASHBOARDS / driver.notebook, notebooks)
        with server(pool, work, f"n{n}", sized, notebooks) as (base_url, process, log_path, started, options):
            log(f"N={n}: server on {base_url} ({options}); waiting for the pool to be warm")
            warm, told = wait_warm(process.pid, pool, log_path, started)
            log(f"N={n}: warm after {warm:.0f} s ({told}); {n} participants arrive over {args.window:g} s")
            url = f"{base_url}/voila/render/{driver.notebook}"
            row = asyncio.run(room(url, n, driver, manifest, args, executable, process.pid))
            row.update(warmup_s=warm, warm_told=told, server_options={**options, "pool_size": pool}, log_problems=log_problems(log_path),
                       iopub_timeouts=log_count(log_path, IOPUB_TIMEOUT), log=str(log_path),
                       pooled=pooled_kernels(log_path))
        log(f"N={n}: done in {row['duration_s']:.0f} s")
        rows.append(row)
    return rows, recording


def pooled_kernels(log_path: Path) -> int | None:
    """The pooled kernels the server said it warmed, or None when it did not say."""
    found = READY.search(log_tail(log_path, 5_000_000))
    return int(found.group(1)) if found else None


def run_remote(args, driver: Driver, executable: str | None) -> tuple[list[dict], dict | None]:
    """Every N against an already running server (``--url``); nothing is started or stopped."""
    manifest, recording = None, None
    if executable:
        log("recording a real page load of the dashboard (it uses one of the server's kernels)")
        manifest, recording = asyncio.run(record_page(executable, args.url, driver, args.timeout))
    rows = []
    for n in args.participants:
        row = asyncio.run(room(args.url, n, driver, manifest, args, executable, None))
        row.update(warmup_s=None, log_problems=None)
        rows.append(row)
        log(f"N={n}: done in {row['duration_s']:.0f} s")
    return rows, recording


#: What the room test's own token may do on the hub: add the participants, start their servers,
#: give each a token for their own server (as logging in gives a cookie), read their state.
HUB_SCOPES = (*local_hub.READ_SCOPES, "admin:users", "servers", "tokens")
#: The Python configurable-http-proxy (the local hub's; deployments use Node's proxy or Traefik)
#: passes a client's binary WebSocket frames on as text, which Jupyter's v1 kernel protocol
#: cannot read: through it the clients speak the JSON text protocol, as a page does when the
#: server does not agree to v1.
HUB_SUBPROTOCOLS: tuple[str, ...] = ()
#: Seconds between two looks at whether a participant's server is ready.
SPAWN_POLL = 0.5


def start_server(hub: local_hub.Hub, name: str, timeout: float) -> float:
    """Start ``name``'s server through the hub's REST API, as logging in does; seconds until it is ready."""
    started = time.monotonic()
    hub.api(f"users/{name}/server", "POST", {})
    while time.monotonic() - started < timeout:
        server = hub.api(f"users/{name}").get("servers", {}).get("")
        if server and server.get("ready"):
            return time.monotonic() - started
        if server is None and time.monotonic() - started > 5:
            raise RuntimeError(f"the hub stopped starting {name}'s server")
        time.sleep(SPAWN_POLL)
    raise TimeoutError(f"{name}'s server was not ready within {timeout:.0f} s")


def run_hub(args, driver: Driver, executable: str | None, work: Path) -> tuple[list[dict], dict | None]:
    """Every N through a local JupyterHub with the shipped configuration (``tests/local_hub.py``).

    Each participant has an account and a token for their own server; on arriving, their
    server is started through the hub's REST API (as logging in does) and, once it is ready,
    the participant opens the dashboard in it through the hub's proxy. Time to interactive
    counts from the arrival. The room's database is a PostgreSQL server of the run's own. With
    a browser, one more account's page is recorded first (the manifest, moved to each
    participant's path) and another's is the room's Chromium sample, its server started
    before the room.
    """
    rows, recording = [], None
    for n in args.participants:
        row, recording = hub_room(args, driver, executable, work, n)
        log(f"N={n}: done in {row['duration_s']:.0f} s")
        rows.append(row)
    return rows, recording


def hub_room(args, driver: Driver, executable: str | None, work: Path, n: int) -> tuple[dict, dict | None]:
    """One room of ``n`` participants through a fresh local JupyterHub (see :func:`run_hub`)."""
    path = f"voila/render/{DASHBOARDS.relative_to(ROOT).as_posix()}/{driver.notebook}"
    names = [f"deelnemer-{i + 1:02d}" for i in range(n)]
    extra = ["opname", "steekproef"] if executable else []
    recording = None
    with PostgresServer() as database:
        log(f"N={n}: starting JupyterHub (the room's database on PostgreSQL, port {database.port})")
        hub = local_hub.start_hub(work / f"hub-n{n}", database_url=database.url(),
                                  password=secrets.token_urlsafe(12), token=secrets.token_hex(32), scopes=HUB_SCOPES)

        def url_of(name: str) -> str:
            return f"{hub.base_url}/user/{name}/{path}"

        async def arrive(i: int) -> None:
            await asyncio.to_thread(start_server, hub, names[i], args.timeout)

        try:
            hub.api("users", "POST", {"usernames": names + extra})
            auth = {name: {"Authorization": "token " + hub.api(f"users/{name}/tokens", "POST", {
                "note": "room test", "expires_in": 4 * 3600})["token"]} for name in names + extra}
            manifests = None
            if executable:
                start_server(hub, "opname", args.timeout)
                log(f"N={n}: recording a real page load through the hub")
                manifest, recording = asyncio.run(record_page(executable, url_of("opname"), driver, args.timeout,
                                                              auth["opname"]))
                hub.api("users/opname/server", "DELETE")
                manifests = [manifest.moved("/user/opname/", f"/user/{name}/") for name in names]
                start_server(hub, "steekproef", args.timeout)
            log(f"N={n}: {n} participants arrive over {args.window:g} s; each server starts on arrival")
            # the room's own lines: not the proxy's 404s while the hub started, nor the recording's
            since = hub.log_path.stat().st_size
            row = asyncio.run(room([url_of(name) for name in names], n, driver, manifests, args, executable,
                                   hub.process.pid, headers=[auth[name] for name in names], arrive=arrive,
                                   sample_url=url_of("steekproef") if executable else None,
                                   sample_headers=auth.get("steekproef"), subprotocols=HUB_SUBPROTOCOLS))
            row.update(warmup_s=None, hub_start_s=hub.started_seconds, log=str(hub.log_path),
                       log_problems=log_problems(hub.log_path, since),
                       iopub_timeouts=log_count(hub.log_path, IOPUB_TIMEOUT, since))
        finally:
            left = hub.stop()
        row["left_running"] = left
    return row, recording


# --------------------------------------------------------------------------- report

def _s(value, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _spread(stats: dict, digits: int = 1) -> str:
    return " / ".join(_s(stats[key], digits) for key in ("median", "p95", "max"))


def _mb(value) -> str:
    return "–" if value is None else f"{value / 1e6:.2f}"


def _n(value) -> str:
    return "–" if value is None else f"{value:g}"


def _interactive(s: dict) -> dict:
    """Time to interactive: from arriving when participants had to wait for a server of their own (hub)."""
    arrive = s.get("arrive_s") or {}
    return s["from_arrival_s"] if arrive.get("n") else s["interactive_s"]


def markdown_table(rows: list[dict]) -> str:
    header = ["N", "warm-up s", "interactive s (median / p95 / max)", "change → update s (median / p95 / max)",
              "changes answered", "errors / hung / blank / turned away", "1st load: MB, requests", "2nd load: MB, requests (from cache)",
              "server RSS MB", "kernels RSS MB (kernels)", "load avg (before / peak)",
              "Chromium: visible + round trip s"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        s, res, sample = row["summary"], row["resources"], row.get("sample")
        first, second = s["first_load"], s["second_load"]
        if sample is None:
            chromium = "–"
        elif "error" in sample:
            progress = sample.get("progress") or {}
            got = (f"HTML {_s(progress.get('html_received_s'))}, states {_s(progress.get('states_s'))}, "
                   f"visible {_s(progress.get('visible_s'))}")
            chromium = (f"blank page ({got})" if sample.get("blank")
                        else f"not interactive within {row.get('timeout', 0):.0f} s ({got})")
        else:
            chromium = f"{_s(sample['visible_s'])} + {sample['round_trip_s']:.2f} = {_s(sample['interactive_s'])}"
        peak = res["peak"]
        server_rss = "–" if row.get("warmup_s") is None and not peak["server_rss_mb"] else f"{peak['server_rss_mb']:.0f}"
        kernels = "–" if not peak["kernels"] else f"{peak['kernels_rss_mb']:.0f} ({peak['kernels']})"
        cells = [
            str(row["participants"]), _s(row.get("warmup_s")),
            _spread(_interactive(s)) + (f" ({s['not_interactive']} never)" if s["not_interactive"] else ""),
            _spread(s["change_s"], 2), f"{s['changes_answered']} / {s['changes_sent']}",
            f"{s['errors']} / {s['hung']} / {s['blank']} / {s['turned_away']}",
            f"{_mb(first['http_bytes'])}, {_n(first['requests'])}",
            f"{_mb(second['http_bytes'])}, {_n(second['requests'])} ({_n(second['from_cache'])})" if second["n"] else "–",
            server_rss, kernels, f"{row['load_before'][0]:.2f} / {peak['load_1min']:.2f}", chromium,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def code_version() -> str:
    """The commit the server's code comes from, and whether ``toolkit/`` has changes not committed."""
    def git(*arguments: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *arguments], capture_output=True, text=True,
                              timeout=10, check=False).stdout.strip()

    try:
        head, changed = git("rev-parse", "--short", "HEAD"), git("status", "--porcelain", "--", "toolkit")
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return (head or "unknown") + (" with uncommitted changes in toolkit/" if changed else "")


def machine(args) -> dict:
    versions = {}
    for name in ("voila", "jupyter_server", "ipywidgets", "ipykernel", "tornado", "playwright"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return {
        "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "memory_gib": psutil.virtual_memory().total / 2**30,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "load_average": os.getloadavg(),
        "foreign_voila_processes": foreign_voila_processes(),
        "code": code_version(),
    }


def heading(args, driver: Driver) -> str:
    if args.hub:
        where = "through a local JupyterHub (a Jupyter server of one's own per participant, started on arrival)"
    elif args.url:
        where = f"the server at {urlsplit(args.url).netloc}"
    elif args.room_sized and driver.notebook != capacity.WORKSHOP_NOTEBOOK:
        where = "served alone with the pool make room PARTICIPANTS=N gives the workshop"
    elif args.room_sized:
        where = f"pools sized as make room PARTICIPANTS=N (--pool {args.pool})"
    else:
        where = f"pool {args.pool} per dashboard (make start)"
    return (f"## {driver.notebook}, {where}: arrivals over {args.window:g} s, "
            f"{args.changes} changes {args.think:g} s apart")


def notes(args, driver: Driver, rows: list[dict], recording: dict | None, info: dict, run_s: float) -> list[str]:
    load = info["load_average"]
    out = [
        f"{info['date']}: {info['cores']} cores, {info['memory_gib']:.1f} GiB, Python {info['python']}, "
        f"Voila {info['versions'].get('voila', '?')}, {info['platform']}; load average at the start "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}; other Voila servers and kernels on the machine: "
        f"{info['foreign_voila_processes']}; code {info['code']}. Run time {run_s / 60:.1f} min.",
        "",
        f"Control changed: {driver.control}. Each N: N light protocol clients (benchmarks/room_clients.py) plus "
        f"one real Chromium page arriving at {args.window / 2:g} s; {args.reloads} of the participants load the "
        "page a second time with their HTTP cache. Bytes: HTTP bodies as received per page load (compressed if the "
        "server compressed); requests: HTTP requests of one page load (page, static files, kernel model; not "
        "the WebSocket). RSS: peaks during the room. p95 by nearest rank (the slowest participant below 20).",
    ]
    if recording:
        first, second = recording["first"], recording["second"]
        out.append("")
        out.append(
            f"A real Chromium page ({recording['chromium']}), same dashboard, "
            f"{'on the given server' if args.url else 'alone on a server of its own'}: "
            f"first load {first['requests']} requests, {first['body_bytes'] / 1e6:.2f} MB bodies "
            f"({first['decoded_bytes'] / 1e6:.2f} MB decoded); second load in the same browser "
            f"{second['requests']} requests ({second['revalidated']} revalidated, {second['cached']} files from its "
            f"cache), {second['body_bytes'] / 1e6:.2f} MB. Refused requests outside this computer: "
            f"{len(recording['refused'])}.")
    for row in rows:
        s = row["summary"]
        sample = row.get("sample") or {}
        extra = []
        if (s.get("arrive_s") or {}).get("n"):
            extra.append(f"own Jupyter server ready {_spread(s['arrive_s'])} s after arriving, then the page "
                         f"interactive after {_spread(s['interactive_s'])} s (both in the interactive column)")
        if row.get("left_running"):
            extra.append(f"processes left running after the hub stopped: {row['left_running']}")
        extra += [f"HTML received after {_spread(s['page_s'])} s and widget states after {_spread(s['states_s'])} s "
                 f"(median / p95 / max); kernel's echo of a change after {_spread(s['echo_s'], 2)} s",
                 f"widget states asked widget by widget (ipywidgets' fallback when the control comm takes over 4 s): "
                 f"{s.get('states_by_widget', 0)} of {s['participants']} participants"
                 + (", and the Chromium page" if sample.get("states_by_widget") else ""),
                 f"WebSocket per participant {_mb(s.get('ws_wire_bytes') or s['ws_bytes'])} MB"]
        if s["error_examples"]:
            extra.append("errors: " + "; ".join(s["error_examples"][:3]))
        if s["hung_examples"]:
            extra.append("hung: " + "; ".join(s["hung_examples"][:3]))
        if s.get("blank"):
            extra.append(f"{s['blank']} blank pages (HTML without the dashboard's widget)")
        if row.get("iopub_timeouts"):
            extra.append(f"the server log has {row['iopub_timeouts']} 'Timeout waiting for IOPub output' (Voila's "
                         "executor gave up waiting 4 s for a cell's output and rendered the cell without it)")
        if row.get("log_problems"):
            extra.append(f"{row['log_problems']} error lines in the server log")
        extra.append(f"room {row['duration_s']:.0f} s, clients' CPU {row['client_cpu_s']:.1f} s, Chromium's CPU "
                     f"{row['resources']['chromium_cpu_s']:.1f} s, load average after "
                     f"{row['load_after'][0]:.2f}, encodings {s['first_load']['encodings']}, "
                     f"shutdown beacons {s['shutdown_statuses']}")
        out.append("")
        out.append(f"N={row['participants']}: " + "; ".join(extra) + ".")
    return out


def write_results(path: Path, head: str, block: str) -> None:
    """Add a run under its configuration's heading (made at the end when new)."""
    text = path.read_text(encoding="utf-8") if path.exists() else (
        "# Room test results\n\nWritten by `benchmarks/bench_room.py`; newest run last under each configuration.\n")
    lines = text.rstrip("\n").split("\n")
    if head in lines:
        start = lines.index(head)
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        lines[end:end] = ["", *block.split("\n"), ""] if end < len(lines) else ["", *block.split("\n")]
        text = "\n".join(lines)
    else:
        text = "\n".join(lines) + f"\n\n{head}\n\n{block}"
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", default="10,20,30", help="room sizes, comma separated (default 10,20,30)")
    parser.add_argument("--dashboard", default="reach", choices=sorted(DRIVERS), help="dashboard and control to drive")
    parser.add_argument("--pool", type=int, default=2, help="pre-heated kernels per dashboard (make start: 2)")
    parser.add_argument("--room-sized", action="store_true",
                        help="size each server for its N as 'make room PARTICIPANTS=N' does (the workshop's pool)")
    parser.add_argument("--quick", action="store_true", help="10 participants only")
    parser.add_argument("--url", help="drive this dashboard URL of a running server instead of starting one")
    parser.add_argument("--hub", action="store_true",
                        help="through a local JupyterHub with deploy/jupyterhub's configuration (one server each)")
    parser.add_argument("--changes", type=int, default=10, help="changes per participant (default 10)")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between a participant's changes")
    parser.add_argument("--window", type=float, default=10.0, help="seconds over which the participants arrive")
    parser.add_argument("--reloads", type=int, default=3, help="participants who load the page a second time")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before a page load counts as hung")
    parser.add_argument("--no-browser", action="store_true", help="no Chromium: no recording, no sample page")
    parser.add_argument("--results", type=Path, default=RESULTS_MD, help="Markdown file the run is added to")
    parser.add_argument("--json", type=Path, help="also write every measurement to this JSON file")
    parser.add_argument("--verbose", action="store_true", help="log every participant")
    args = parser.parse_args(argv)
    try:
        args.participants = [10] if args.quick else [int(n) for n in args.participants.split(",") if n.strip()]
    except ValueError:
        parser.error("--participants takes numbers separated by commas, e.g. 10,20,30")
    if not args.participants or min(args.participants) < 1 or args.pool < 0 or args.changes < 0:
        parser.error("participants must be at least 1, --pool and --changes not negative")
    driver = DRIVERS[args.dashboard]
    if args.url and urlsplit(args.url).path.rsplit("/", 1)[-1] != driver.notebook:
        log(f"note: --url does not end in {driver.notebook}; driving it as --dashboard {driver.name}")
    executable = None
    if not args.no_browser:
        executable = find_chromium()
        if not executable:
            log("no Chromium found ('make browser' installs one): running without the real page")

    info = machine(args)
    log(f"{info['cores']} cores, load average {info['load_average'][0]:.2f}; "
        f"{info['foreign_voila_processes']} other Voila/kernel processes on the machine")
    started = time.monotonic()
    work = args.work = Path(tempfile.mkdtemp(prefix="stagetok-room-"))
    try:
        if args.hub:
            rows, recording = run_hub(args, driver, executable, work)
        elif args.url:
            rows, recording = run_remote(args, driver, executable)
        else:
            rows, recording = run_local(args, driver, executable, work)
    except Exception as error:  # noqa: BLE001 - measuring failed: say why, exit 1
        log(f"measuring failed: {type(error).__name__}: {error}")
        log(f"server logs: {work}")
        return 1
    run_s = time.monotonic() - started

    head = heading(args, driver)
    table = markdown_table(rows)
    lines = notes(args, driver, rows, recording, info, run_s)
    block = "\n".join([f"### Run of {info['date']}", "", lines[0], "", table, "", *lines[2:]])
    print(f"\n{head}\n\n{block}\n")
    write_results(args.results, head, block)
    log(f"added to {args.results}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": info, "recording": recording, "rooms": rows,
                                         "manifest_module": room_clients.__name__}, indent=1, default=str))
        log(f"JSON: {args.json}")
    for data in work.glob("data-*"):
        shutil.rmtree(data, ignore_errors=True)
    log(f"server logs: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
