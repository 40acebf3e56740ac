"""Browser-test fixtures: one Voila server and one headless Chromium per session, a new page per test.

The server is the real thing: ``toolkit.serve.voila_command`` on a free port of this
computer, with one pre-heated kernel and StageTok's page template, which asks nothing of the
internet. Every page refuses all traffic that is not for localhost, records what it refused,
and the tests assert that nothing was refused (``helpers.assert_network_contained``).
"""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.chromium import LAUNCH_ARGS, find_chromium
from tests.browser.helpers import close_page
from tests.browser.localhost import VoilaError, is_local, log_tail, refuse_outside, voila
from toolkit.serve import DASHBOARDS

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = "hashtag_lab.ipynb"
#: Seconds for Voila to answer HTTP (it answers before the pooled kernel is ready).
SERVER_START_TIMEOUT = 60
#: Seconds for a page to be usable: a cold 2-core machine needs the pooled kernel to finish.
PAGE_READY_TIMEOUT = 90_000  # ms
#: Default wait for anything on a page (kernel round trips, chart drawing).
ACTION_TIMEOUT = 20_000  # ms


@dataclass
class VoilaServer:
    base_url: str
    process: subprocess.Popen
    log_path: Path

    @property
    def dashboard_url(self) -> str:
        return self.url_of(DASHBOARD)

    def url_of(self, notebook: str) -> str:
        return f"{self.base_url}/voila/render/{notebook}"

    def log(self) -> str:
        return log_tail(self.log_path)


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory) -> VoilaServer:
    log_path = tmp_path_factory.mktemp("voila") / "voila.log"
    try:
        with voila(DASHBOARDS, pool_size=1, log_path=log_path, cwd=ROOT,
                   start_timeout=SERVER_START_TIMEOUT) as (base_url, process):
            yield VoilaServer(base_url, process, log_path)
    except VoilaError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if not executable:
        pytest.fail(
            "No Chromium found for the browser tests. Install one with 'make browser' "
            "(Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome.",
            pytrace=False,
        )
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=ACTION_TIMEOUT)  # kernel round trips on a busy 2-core machine
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Dashboard:
    """A loaded dashboard page and what happened on the network while it ran."""

    page: object
    html: str  # the HTML the server sent for the dashboard
    blocked: list[str] = field(default_factory=list)  # non-localhost URLs that were refused
    requested: list[str] = field(default_factory=list)  # every URL the page asked for
    local_failures: list[str] = field(default_factory=list)  # localhost requests that failed
    page_errors: list[str] = field(default_factory=list)  # uncaught JavaScript errors
    console: list[str] = field(default_factory=list)  # the browser console, "type: text"
    context: object = None


def watch(page, info: Dashboard) -> None:
    """Keep ``page`` on this computer and record on ``info`` its requests, errors and console."""
    refuse_outside(page, info)
    page.on("console", lambda message: info.console.append(f"{message.type}: {message.text}"))
    page.on("requestfailed", lambda req: is_local(req.url) and info.local_failures.append(f"{req.url}: {req.failure}"))


def _open(browser, server: VoilaServer, notebook: str = DASHBOARD, root: str = ".stagetok-hashtag-lab",
          query: str = "", context=None) -> Dashboard:
    context = context or browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(ACTION_TIMEOUT)
    info = Dashboard(page=page, html="")

    watch(page, info)

    try:
        url = server.url_of(notebook) + (f"?{query}" if query else "")
        response = page.goto(url, wait_until="commit", timeout=PAGE_READY_TIMEOUT)
        assert response is not None and response.ok, f"dashboard answered {response and response.status}"
        info.html = response.text()
        page.wait_for_selector("#loading", state="detached", timeout=PAGE_READY_TIMEOUT)
        page.locator(root).wait_for(state="visible", timeout=PAGE_READY_TIMEOUT)
    except Exception as error:  # noqa: BLE001 - add what the server said to the failure
        context.close()
        pytest.fail(f"The dashboard did not become ready: {error}\nBlocked: {info.blocked}\n"
                    f"Page errors: {info.page_errors}\nServer log:\n{server.log()}", pytrace=False)
    info.context = context
    return info


def open_dashboard(browser, server: VoilaServer, notebook: str, root: str, query: str = "", context=None) -> Dashboard:
    """Open a dashboard (with ``?query``) in a new page, in ``context`` or a new browser context."""
    return _open(browser, server, notebook, root, query, context)


@contextlib.contextmanager
def _opened(browser, server: VoilaServer, record_property, notebook: str, root: str):
    info = _open(browser, server, notebook, root)
    try:
        yield info
    finally:
        record_property("blocked_requests", info.blocked)
        close_page(info.page)  # best effort: the test server stops its kernels later anyway
        info.context.close()


@pytest.fixture
def dashboard(browser, voila_server, record_property):
    """A fresh page (in a fresh browser context) with the Hashtag Lab loaded and visible."""
    with _opened(browser, voila_server, record_property, DASHBOARD, ".stagetok-hashtag-lab") as info:
        yield info


@pytest.fixture
def planner_page(browser, voila_server, record_property):
    """A fresh page with the pipeline planner loaded and visible."""
    notebook, root = "pipeline_planner.ipynb", ".stagetok-pipeline-planner"
    with _opened(browser, voila_server, record_property, notebook, root) as info:
        yield info


@pytest.fixture
def explorer_page(browser, voila_server, record_property):
    """A fresh page with the reach explorer loaded and visible."""
    with _opened(browser, voila_server, record_property, "reach_explorer.ipynb", ".stagetok-reach-explorer") as info:
        yield info


@pytest.fixture
def workshop_page(browser, voila_server, record_property):
    """A fresh page with the workshop dashboard loaded at its first step."""
    with _opened(browser, voila_server, record_property, "workshop.ipynb", ".stagetok-workshop") as info:
        yield info
