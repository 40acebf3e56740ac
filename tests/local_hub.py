"""A real JupyterHub on this computer with StageTok's shipped configuration, for the tests and benchmarks.

The hub runs ``deploy/jupyterhub/jupyterhub_config.py`` as a deployment would (loaded with
``load_subconfig``), and only what a server in a room would do differently is changed for this
computer: processes of the current user for each participant (SimpleLocalProcessSpawner)
instead of systemd units, a shared password instead of local accounts, free ports on
localhost, the hub's database and cookie secret in a folder of the caller's. The room's
database and the facilitator's key digest reach the hub through its environment, as in a
deployment, so every participant's server gets them as the shipped configuration passes them on.

Used by ``tests/browser/test_hub_browser.py`` (three participants log in through Chromium)
and ``benchmarks/bench_room.py --hub`` (the room test through the hub). Nothing here needs
pytest.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from tests.browser.localhost import free_port, http_status, log_tail
from toolkit import room

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
BIN = Path(sys.executable).parent
#: Seconds for the hub to answer on /hub/health.
HUB_START_TIMEOUT = 60
#: Seconds for every process the hub started to be gone once it stopped.
STOP_TIMEOUT = 30
#: What the caller's own token may do in the hub's REST API (read the participants' servers).
READ_SCOPES = ("list:users", "read:users", "read:servers", "admin:server_state")

#: What this computer changes in the shipped configuration (see the module's description).
LOCAL_CONFIG = """\
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

# The caller reads (and for the room test drives) the hub's REST API with a token of its own.
c.JupyterHub.services = c.JupyterHub.services + [{{"name": "hub-test", "api_token": {token!r}}}]
c.JupyterHub.load_roles = c.JupyterHub.load_roles + [{{
    "name": "hub-test",
    "scopes": {scopes!r},
    "services": ["hub-test"],
}}]
"""


class HubDidNotStart(RuntimeError):
    """The hub stopped or did not answer in time; the message holds its log."""


@dataclass
class Hub:
    """A running JupyterHub: its address, process, log, and what was measured."""

    base_url: str
    process: subprocess.Popen
    log_path: Path
    token: str
    database_url: str
    started_seconds: float
    #: (pid, create_time) of every process seen below the hub, to check that all of them stop.
    seen: set[tuple[int, float]] = field(default_factory=set)
    measured: dict[str, object] = field(default_factory=dict)

    def api(self, path: str, method: str = "GET", body: dict | None = None):
        """Call the hub's REST API with the caller's token (no proxy, whatever the environment says)."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base_url}/hub/api/{path}", data=data, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=30) as response:
            text = response.read()
        return json.loads(text) if text else None

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


def start_hub(folder: Path, *, database_url: str, password: str, token: str, facilitator_digest: str = "",
              scopes: tuple[str, ...] = READ_SCOPES) -> Hub:
    """Start JupyterHub with the shipped configuration on free ports of localhost; return once it answers.

    ``folder`` holds the hub's configuration, database, log, the participants' home folders and
    the workshop data. The caller stops the hub with :meth:`Hub.stop`. Raises
    :class:`HubDidNotStart` (after stopping what started) when the hub fails to answer within
    :data:`HUB_START_TIMEOUT` seconds.
    """
    data = folder / "workshop-data"
    data.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = folder / "jupyterhub_config.py"
    config.write_text(LOCAL_CONFIG.format(
        shipped=str(SHIPPED_CONFIG), port=port, hub_port=free_port(), proxy_api_port=free_port(),
        proxy=str(BIN / "configurable-http-proxy"), singleuser=str(BIN / "jupyterhub-singleuser"),
        folder=str(folder), data=str(data), password=password, token=token, scopes=list(scopes),
    ), encoding="utf-8")
    # The hub's own environment: what a deployment sets for it (jupyterhub_config.py reads these).
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("STAGETOK_", "JUPYTER", "CONFIGPROXY_"))}
    env.update({"STAGETOK_PROJECT_DIR": str(ROOT), "STAGETOK_DATABASE_URL": database_url})
    if facilitator_digest:
        env[room.FACILITATOR_HASH_ENV] = facilitator_digest
    log_path = folder / "jupyterhub.log"
    started = time.monotonic()
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=folder, env=env,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    hub = Hub(f"http://localhost:{port}", process, log_path, token, database_url, started_seconds=0.0)
    while http_status(f"http://127.0.0.1:{port}/hub/health") != 200:
        if process.poll() is not None or time.monotonic() - started > HUB_START_TIMEOUT:
            code = process.poll()
            hub.stop()
            raise HubDidNotStart(f"JupyterHub did not start (exit code {code}).\nLog:\n{hub.log()}")
        time.sleep(0.1)
    hub.started_seconds = time.monotonic() - started
    return hub
