"""A real JupyterHub with the shipped configuration: three participants log in and each gets the workshop.

The hub runs ``deploy/jupyterhub/jupyterhub_config.py`` as a deployment would (loaded with
``load_subconfig``), and only what a server in a room would do differently is changed for this
computer: processes of the test's own user for each participant (SimpleLocalProcessSpawner)
instead of systemd units, a shared password instead of local accounts, free ports on
localhost, the hub's database and cookie secret in a temporary folder. The room's database is
a real PostgreSQL server (tests/postgres_server.py), handed to the hub in its environment like
the facilitator's key digest, so the test sees them arrive in every participant's server.

Each participant logs in through the hub's login form in headless Chromium, with every
request that is not for this computer refused, and lands on the workshop dashboard that
Voila renders inside the participant's own Jupyter server. One hub serves the whole module;
the last test stops it and checks that no process it started lives on. The timings and
memory measured are recorded as test properties (``record_property``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ACTION_TIMEOUT, PAGE_READY_TIMEOUT, Dashboard, watch
from tests.browser.helpers import (
    CHART_DRAWN_JS,
    assert_network_contained,
    assert_no_traceback,
    chart_selector,
    close_page,
    enter,
    posts_field,
)
from tests.browser.localhost import free_port, http_status, log_tail
from tests.postgres_server import fresh_schema
from toolkit import journey, room
from toolkit.store import Store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
BIN = Path(sys.executable).parent
PARTICIPANTS = ("anouk", "bram", "chaima")
PASSWORD = "room-password-" + secrets.token_hex(4)
FACILITATOR_KEY = secrets.token_urlsafe(32)
DASHBOARD_PATH = "voila/render/workshops/dashboards/workshop.ipynb"
WORKSHOP = ".stagetok-workshop"
CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$")
#: Seconds for the hub to answer on /hub/health.
HUB_START_TIMEOUT = 60
#: Seconds for every process the hub started to be gone once it stopped.
STOP_TIMEOUT = 30

#: What this computer changes in the shipped configuration (see the module's description).
TEST_CONFIG = """\
c = get_config()  # noqa
load_subconfig({shipped!r})

c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
# The Python configurable-http-proxy passes each response on only once it is complete (it does not
# stream) and gives up after 20 s by default: the spawn page's progress events, and a dashboard on
# a busy machine, take longer. Node's proxy (TLJH uses Traefik, z2jh Node's proxy) streams them.
c.ConfigurableHTTPProxy.command = [{proxy!r}, "--proxy-timeout=180000"]
c.JupyterHub.db_url = "sqlite:///" + {folder!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {folder!r} + "/cookie_secret"
c.JupyterHub.pid_file = {folder!r} + "/jupyterhub.pid"

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allow_all = True

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {folder!r} + "/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = ["--allow-root"]  # the test may run as root
c.Spawner.environment["STAGETOK_DATA"] = {data!r}
# Stop quickly: a Jupyter server and the idle culler ignore the first SIGINT (10 s by default).
c.LocalProcessSpawner.interrupt_timeout = 1

# The test reads the hub's REST API with a token of its own.
c.JupyterHub.services = c.JupyterHub.services + [{{"name": "hub-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = c.JupyterHub.load_roles + [{{
    "name": "hub-test",
    "scopes": ["list:users", "read:users", "read:servers", "admin:server_state"],
    "services": ["hub-test"],
}}]
"""


@dataclass
class Hub:
    """A running JupyterHub: its address, process, log, and what the test measured."""

    base_url: str
    process: subprocess.Popen
    log_path: Path
    token: str
    database_url: str
    started_seconds: float
    #: (pid, create_time) of every process seen below the hub, to check that all of them stop.
    seen: set[tuple[int, float]] = field(default_factory=set)
    measured: dict[str, object] = field(default_factory=dict)

    def api(self, path: str):
        """GET the hub's REST API (no proxy, whatever the environment says)."""
        request = urllib.request.Request(f"{self.base_url}/hub/api/{path}",
                                         headers={"Authorization": f"token {self.token}"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=10) as response:
            return json.load(response)

    def log(self) -> str:
        return log_tail(self.log_path, 12_000)

    def descendants(self) -> list[psutil.Process]:
        """Every process below the hub now (proxy, culler, participants' servers, their kernels)."""
        try:
            found = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        for child in found:
            with contextlib.suppress(psutil.Error):
                self.seen.add((child.pid, child.create_time()))
        return found

    def stop(self) -> list[str]:
        """Stop the hub (it stops the proxy, the culler and every participant's server); return what lived on."""
        self.descendants()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        deadline = time.monotonic() + STOP_TIMEOUT
        alive = self._alive()
        while alive and time.monotonic() < deadline:
            time.sleep(0.2)
            alive = self._alive()
        for process in alive:  # never leave them behind, but report them
            with contextlib.suppress(psutil.Error):
                process.kill()
        return [" ".join(process.cmdline()[:4]) for process in alive if _readable(process)]

    def _alive(self) -> list[psutil.Process]:
        alive = []
        for pid, created in self.seen:
            with contextlib.suppress(psutil.NoSuchProcess):
                process = psutil.Process(pid)
                if process.create_time() == created and process.status() != psutil.STATUS_ZOMBIE:
                    alive.append(process)
        return alive


def _readable(process: psutil.Process) -> bool:
    with contextlib.suppress(psutil.Error):
        process.cmdline()
        return True
    return False


@pytest.fixture(scope="module")
def room_database(postgres):
    """The room's database for this module: a schema of its own on the test run's PostgreSQL server."""
    with fresh_schema(postgres, "hub") as url:
        yield url


@pytest.fixture(scope="module")
def hub(tmp_path_factory, room_database):
    """JupyterHub with the shipped configuration on free ports of localhost, stopped at the end."""
    folder = tmp_path_factory.mktemp("hub")
    data = folder / "workshop-data"
    data.mkdir()
    port, token = free_port(), secrets.token_hex(32)
    config = folder / "jupyterhub_config.py"
    config.write_text(TEST_CONFIG.format(
        shipped=str(SHIPPED_CONFIG), port=port, hub_port=free_port(), proxy_api_port=free_port(),
        proxy=str(BIN / "configurable-http-proxy"), singleuser=str(BIN / "jupyterhub-singleuser"),
        folder=str(folder), data=str(data), password=PASSWORD, token=token,
    ), encoding="utf-8")
    # The hub's own environment: what a deployment sets for it (jupyterhub_config.py reads these).
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("STAGETOK_", "JUPYTER", "CONFIGPROXY_"))}
    env.update({
        "STAGETOK_PROJECT_DIR": str(ROOT),
        "STAGETOK_DATABASE_URL": room_database,
        room.FACILITATOR_HASH_ENV: room.key_digest(FACILITATOR_KEY),
    })
    log_path = folder / "jupyterhub.log"
    started = time.monotonic()
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=folder, env=env,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    base_url = f"http://localhost:{port}"
    running = Hub(base_url, process, log_path, token, room_database, started_seconds=0.0)
    try:
        while http_status(f"http://127.0.0.1:{port}/hub/health") != 200:
            if process.poll() is not None or time.monotonic() - started > HUB_START_TIMEOUT:
                pytest.fail(f"JupyterHub did not start (exit code {process.poll()}).\nLog:\n{running.log()}",
                            pytrace=False)
            time.sleep(0.1)
        running.started_seconds = time.monotonic() - started
        yield running
    finally:
        running.stop()


def _watched(context) -> Dashboard:
    """A new page that refuses every request not for this computer and records what happened."""
    page = context.new_page()
    page.set_default_timeout(ACTION_TIMEOUT)
    info = Dashboard(page=page, html="", context=context)

    watch(page, info)
    return info


@pytest.fixture(scope="module")
def participants(browser, hub):
    """Three participants log in at the same moment; each page ends on the workshop dashboard."""
    pages: dict[str, Dashboard] = {}
    try:
        for name in PARTICIPANTS:
            info = _watched(browser.new_context(viewport={"width": 1280, "height": 900}))
            info.page.goto(f"{hub.base_url}/hub/login")
            pages[name] = info
        clicked = time.monotonic()
        for name, info in pages.items():  # the hub starts the three servers side by side
            info.page.get_by_label("Username").fill(name)
            info.page.get_by_label("Password").fill(PASSWORD)
            info.page.get_by_role("button", name="Sign in").click()
        ready = {}
        for name, info in pages.items():
            try:
                info.page.locator(WORKSHOP).wait_for(state="visible", timeout=PAGE_READY_TIMEOUT)
                info.page.wait_for_selector("#loading", state="detached", timeout=PAGE_READY_TIMEOUT)
            except Exception as error:  # noqa: BLE001 - add what the hub said to the failure
                pytest.fail(f"{name}'s dashboard did not become ready: {error}\nURL: {info.page.url}\n"
                            f"Blocked: {info.blocked}\nPage errors: {info.page_errors}\nHub log:\n{hub.log()}",
                            pytrace=False)
            ready[name] = round(time.monotonic() - clicked, 1)
        hub.measured["dashboards_ready_seconds"] = ready
        hub.descendants()
        yield pages
    finally:
        for info in pages.values():
            close_page(info.page)
            info.context.close()


def _servers(hub: Hub) -> dict[str, dict]:
    """Each participant's default server, from the hub's REST API."""
    return {user["name"]: user["servers"][""] for user in hub.api("users?state=ready")
            if user["name"] in PARTICIPANTS}


def _kernels(server: psutil.Process) -> list[psutil.Process]:
    with contextlib.suppress(psutil.Error):
        return [p for p in server.children() if "ipykernel" in " ".join(p.cmdline())]
    return []


def test_the_hub_starts_with_the_shipped_configuration_and_its_idle_culler(hub):
    hub.measured["hub_start_seconds"] = round(hub.started_seconds, 2)
    culler = [p for p in hub.descendants() if "jupyterhub_idle_culler" in " ".join(p.cmdline())]
    assert len(culler) == 1, "the idle culler runs as a service of the hub"
    assert "--timeout=3600" in culler[0].cmdline()
    deadline = time.monotonic() + 20
    pattern = re.compile(r"200 GET /hub/api/users\S* \(jupyterhub-idle-culler@")
    while not pattern.search(hub.log()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert pattern.search(hub.log()), f"the culler may not list the users:\n{hub.log()}"
    assert "STAGETOK_DATABASE_URL is not set" not in hub.log()


def test_each_participant_lands_on_the_workshop_dashboard_in_a_server_of_their_own(hub, participants):
    for name, info in participants.items():
        page = info.page
        assert page.url.split("?")[0] == f"{hub.base_url}/user/{name}/{DASHBOARD_PATH}"
        expect(page.locator(f"{WORKSHOP} .stagetok-welcome")).to_contain_text("Voor jou-pagina")
        expect(page.locator(f"{WORKSHOP} .stagetok-steps button")).to_have_count(11)
        expect(page.locator(f"{WORKSHOP} .stagetok-team-bar")).to_be_visible()
        # StageTok's page template, not Voila's lab one (which links Font Awesome on a CDN)
        assert page.locator("link[href*='jsdelivr'], script[src*='cdnjs']").count() == 0
        assert_no_traceback(info)
        assert_network_contained(info)

    servers = _servers(hub)
    assert sorted(servers) == sorted(PARTICIPANTS)
    assert {servers[name]["url"] for name in PARTICIPANTS} == {f"/user/{name}/" for name in PARTICIPANTS}
    pids = {name: servers[name]["state"]["pid"] for name in PARTICIPANTS}
    assert len(set(pids.values())) == len(PARTICIPANTS), "one Jupyter server per participant"
    cpu = {}
    for name, pid in pids.items():
        server = psutil.Process(pid)
        assert "jupyterhub-singleuser" in " ".join(server.cmdline())
        assert server.environ()["JUPYTERHUB_USER"] == name
        kernels = _kernels(server)
        assert len(kernels) == 1, f"{name}'s server runs the workshop's kernel, and only that"
        cpu[name] = sum(sum(p.cpu_times()[:2]) for p in (server, *kernels))
    # CPU time one participant cost so far: the server's start, the login, the page and its kernel.
    hub.measured["cpu_seconds_per_participant"] = round(statistics.median(cpu.values()), 1)


def test_the_hub_hands_the_room_to_every_participants_server_and_kernel(hub, participants):
    expected = {
        "STAGETOK_ROOM": "1",
        "STAGETOK_DATABASE_URL": hub.database_url,
        room.FACILITATOR_HASH_ENV: room.key_digest(FACILITATOR_KEY),
        "JUPYTER_PATH": str(ROOT / "toolkit" / "share"),
        "JUPYTER_CONFIG_PATH": str(ROOT / "deploy" / "jupyterhub" / "singleuser"),
    }
    for name, server in _servers(hub).items():
        process = psutil.Process(server["state"]["pid"])
        (kernel,) = _kernels(process)
        for environ in (process.environ(), kernel.environ()):
            assert {key: environ.get(key) for key in expected} == expected, name
            assert FACILITATOR_KEY not in environ.values(), "only the key's digest reaches the participants"


def test_teams_work_in_their_dashboards_and_reach_the_rooms_database(hub, participants):
    codes = {}
    for name, info in participants.items():
        page = info.page
        enter(page.get_by_label("Teamnaam", exact=True), f"Team {name.title()}")
        expect(page.locator(f"{WORKSHOP} .stagetok-code")).to_have_text(CODE)  # the kernel made and saved it
        expect(page.locator(f"{WORKSHOP} .stagetok-saved")).to_contain_text("bewaard om")
        codes[name] = page.locator(f"{WORKSHOP} .stagetok-code").inner_text()
    first = participants[PARTICIPANTS[0]].page
    first.get_by_role("button", name="Naar het bord sturen").click()  # offered because STAGETOK_ROOM=1
    expect(first.locator(WORKSHOP)).to_contain_text("Verstuurd")

    with Store(url=hub.database_url) as store:  # the room's PostgreSQL, not a file in a home folder
        assert set(codes.values()) <= set(store.codes())
        board = store.entries()
    assert [(entry.code, entry.team) for entry in board] == [(codes[PARTICIPANTS[0]], "Team Anouk")]
    assert not list(Path(hub.log_path.parent, "workshop-data").glob("*.sqlite3"))
    for info in participants.values():
        assert_no_traceback(info)
        assert_network_contained(info)

    # What one participant costs: the Jupyter server and its workshop kernel (first step, team made).
    rss = {}
    for name, server in _servers(hub).items():
        process = psutil.Process(server["state"]["pid"])
        (kernel,) = _kernels(process)
        rss[name] = (process.memory_info().rss / 2**20, kernel.memory_info().rss / 2**20)
    hub.measured["server_rss_mib"] = round(statistics.median(s for s, _ in rss.values()), 1)
    hub.measured["kernel_rss_mib"] = round(statistics.median(k for _, k in rss.values()), 1)
    hub.measured["server_plus_kernel_rss_mib_max"] = round(max(s + k for s, k in rss.values()), 1)


def test_a_team_opens_every_step_and_draws_a_chart_through_the_hub(hub, participants):
    name = PARTICIPANTS[1]
    page = participants[name].page
    for number, step_id in enumerate(journey.STEP_IDS, start=1):
        page.locator(f"{WORKSHOP} .stagetok-steps button", has_text=re.compile(rf"^{number}\. ")).click()
        expect(page.locator(f"{WORKSHOP} .stagetok-step-{step_id}")).to_be_visible()
    # The Hashtag Lab (step 9) draws its chart with Voila's Vega renderer, served by the participant's server.
    page.locator(f"{WORKSHOP} .stagetok-steps button", has_text=re.compile(r"^9\. ")).click()
    enter(page.get_by_label("Bedrijf", exact=True), "Bakkerij Van der Meer")
    enter(posts_field(page, "#werkenbijbakkerijvandermeer"), "12.000")
    page.wait_for_function(CHART_DRAWN_JS, arg=chart_selector(WORKSHOP))
    assert_no_traceback(participants[name])
    assert_network_contained(participants[name])
    # The kernel with every step open: what jupyterhub_config.py reserves per participant.
    server = psutil.Process(_servers(hub)[name]["state"]["pid"])
    (kernel,) = _kernels(server)
    hub.measured["kernel_all_steps_rss_mib"] = round(kernel.memory_info().rss / 2**20, 1)
    hub.measured["server_all_steps_rss_mib"] = round(server.memory_info().rss / 2**20, 1)


def test_closed_pages_stop_their_kernels_and_the_stopped_hub_leaves_no_process(hub, participants, record_property):
    servers = [psutil.Process(server["state"]["pid"]) for server in _servers(hub).values()]
    for info in participants.values():
        close_page(info.page)
    # A closed page asks its server to shut its kernel down, and under the hub that works: the
    # login gave the browser the _xsrf cookie Voila wants for it (a standalone Voila refuses a page
    # opened by its address). Kernels of pages that never said goodbye are culled after 15 minutes.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_kernels(server) for server in servers):
        time.sleep(0.2)
    left_kernels = sum(len(_kernels(server)) for server in servers)
    hub.measured["load_average_1min"] = round(os.getloadavg()[0], 1)
    hub.descendants()
    assert len(hub.seen) >= 2 + 2 * len(PARTICIPANTS), "proxy, culler, and a server and a kernel per participant"
    started = time.monotonic()
    left = hub.stop()
    hub.measured["hub_stop_seconds"] = round(time.monotonic() - started, 2)
    for key, value in hub.measured.items():
        record_property(key, value)
    print(f"\nhub measurements: {json.dumps(hub.measured)}")
    assert left_kernels == 0, "a closed page shuts its kernel down"
    assert hub.process.returncode is not None
    assert not left, f"processes that outlived the hub: {left}"
