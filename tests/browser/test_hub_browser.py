"""A real JupyterHub with the shipped configuration: three participants log in and each gets the workshop.

The hub (``tests/local_hub.py``) runs ``deploy/jupyterhub/jupyterhub_config.py`` as a deployment
would, with only what this computer does differently changed: a local spawner, a shared
password, free ports. The room's database is a real PostgreSQL server
(tests/postgres_server.py), handed to the hub in its environment like the facilitator's key
digest, so the test sees them arrive in every participant's server.

Each participant logs in through the hub's login form in headless Chromium, with every
request that is not for this computer refused, and lands on the workshop dashboard that
Voila renders inside the participant's own Jupyter server. One hub serves the whole module;
the last test stops it and checks that no process it started lives on. The timings and
memory measured are recorded as test properties (``record_property``).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import re
import secrets
import statistics
import time
import urllib.request
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
from tests.local_hub import ROOT, Hub, HubDidNotStart, start_hub
from tests.postgres_server import fresh_schema
from toolkit import journey, room
from toolkit.store import Store

pytestmark = pytest.mark.browser

PARTICIPANTS = ("anouk", "bram", "chaima")
PASSWORD = "room-password-" + secrets.token_hex(4)
FACILITATOR_KEY = secrets.token_urlsafe(32)
DASHBOARD_PATH = "voila/render/workshops/dashboards/workshop.ipynb"
WORKSHOP = ".stagetok-workshop"
CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$")


@pytest.fixture(scope="module")
def room_database(postgres):
    """The room's database for this module: a schema of its own on the test run's PostgreSQL server."""
    with fresh_schema(postgres, "hub") as url:
        yield url


@pytest.fixture(scope="module")
def hub(tmp_path_factory, room_database):
    """JupyterHub with the shipped configuration on free ports of localhost, stopped at the end."""
    try:
        running = start_hub(tmp_path_factory.mktemp("hub"), database_url=room_database, password=PASSWORD,
                            token=secrets.token_hex(32), facilitator_digest=room.key_digest(FACILITATOR_KEY))
    except HubDidNotStart as error:
        pytest.fail(str(error), pytrace=False)
    try:
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


def _listening_port(pid: int) -> int:
    (port,) = {c.laddr.port for c in psutil.Process(pid).net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN}
    return port


def test_each_participants_server_compresses_the_pages_scripts(hub, participants):
    # The Python proxy of this test unpacks what it passes on; Node's proxy and Traefik do not,
    # so what counts is what the participant's own server sends. Asked as the page asked,
    # with the page's own cookies, straight from the server.
    name = PARTICIPANTS[0]
    info = participants[name]
    scripts = [url for url in info.requested if f"/user/{name}/voila/" in url and url.split("?")[0].endswith(".js")]
    assert scripts, f"the page loaded no scripts from {name}'s server: {info.requested[:5]}"
    port = _listening_port(_servers(hub)[name]["state"]["pid"])
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in info.context.cookies())
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    sizes = {}
    for url in scripts[:3]:
        direct = f"http://127.0.0.1:{port}/" + url.split("://", 1)[1].split("/", 1)[1]
        answers = {}
        for encoding in ("gzip", "identity"):
            request = urllib.request.Request(direct, headers={"Accept-Encoding": encoding, "Cookie": cookies})
            with opener.open(request, timeout=30) as response:
                answers[encoding] = (response.headers.get("Content-Encoding"), response.read())
        assert answers["gzip"][0] == "gzip", direct
        assert answers["identity"][0] is None
        assert gzip.decompress(answers["gzip"][1]) == answers["identity"][1]
        sizes[direct.rsplit("/", 1)[1]] = (len(answers["gzip"][1]), len(answers["identity"][1]))
    assert sum(packed for packed, _ in sizes.values()) < sum(plain for _, plain in sizes.values()) / 2, sizes
    hub.measured["script_bytes_gzip_plain"] = sizes


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
