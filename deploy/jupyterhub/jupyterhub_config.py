"""JupyterHub settings for StageTok on one larger server, The Littlest JupyterHub (TLJH) style.

Each participant logs in, gets a Jupyter server of their own, and lands on the workshop
dashboard, rendered by Voila inside that server. Everyone's work goes to the room's
PostgreSQL database, so that teams can come back by their code and the facilitator's board
sees every team.

How to use it (README.md next to this file says more):

* TLJH: copy this file to ``/opt/tljh/config/jupyterhub_config.d/stagetok.py`` and run
  ``sudo tljh-config reload``. TLJH keeps its own spawner (systemd, one local user per
  participant), proxy and authenticator; this file sets what StageTok needs on top and
  replaces TLJH's idle culler with the one below.
* A plain JupyterHub: ``jupyterhub -f jupyterhub_config.py`` (local users, LocalProcessSpawner).

Only the settings StageTok needs are here, in :func:`configure`; the spawner, the
authenticator, ports and the hub's own database are the deployment's choice (a test run
sets them to local ones after loading this file).

The hub reads from its own environment, at start (nothing secret is written in this file):

* ``STAGETOK_DATABASE_URL``: the room's PostgreSQL database, e.g.
  ``postgresql://stagetok:PASSWORD@db.example:5432/stagetok``. Every participant's server
  gets it, so every kernel can read it: give that role rights on the StageTok database only,
  and a new password for each event.
* ``STAGETOK_FACILITATOR_KEY_SHA256``: hex SHA-256 of the facilitator's key, which opens the
  board (``printf '%s' "$KEY" | sha256sum``, as ``toolkit.room.key_digest`` computes it).
  Only the digest is handed on; the key itself stays with the facilitator.
* ``STAGETOK_ROOM_URL`` (optional): the address participants use (the hub's), which the
  board shows large and as a QR code.
* ``STAGETOK_PROJECT_DIR`` (optional): where the project lives, if not in /opt/stagetok.
"""

import logging
import os
import sys

#: Where the StageTok project (a checkout of its repository) lives on the server, readable by
#: every participant: ``$STAGETOK_PROJECT_DIR`` in the hub's environment, else /opt/stagetok.
#: Each participant's Jupyter server starts there (its root folder), so Voila finds the
#: dashboards under ``workshops/dashboards``. The package itself is installed in the
#: participants' Python environment (TLJH: ``sudo /opt/tljh/user/bin/pip install /opt/stagetok``).
PROJECT_DIR = os.environ.get("STAGETOK_PROJECT_DIR") or "/opt/stagetok"

#: The page each participant lands on: Voila, running inside the participant's own Jupyter
#: server (as a server extension), renders ``/voila/render/<path>`` with ``<path>`` relative
#: to the server's root folder (PROJECT_DIR).
DEFAULT_URL = "/voila/render/workshops/dashboards/workshop.ipynb"

#: StageTok's settings for each participant's Jupyter server, relative to PROJECT_DIR: Voila's
#: page template, no MathJax from a CDN, idle kernels stopped (read that file for why).
SINGLEUSER_CONFIG_DIR = os.path.join("deploy", "jupyterhub", "singleuser")

#: Memory per participant, derived from measurements (JupyterHub's units: M = MiB):
#: a participant's Jupyter server (jupyterhub-singleuser with Voila: 154 MiB RSS in the hub
#: test, tests/browser/test_hub_browser.py, JupyterHub 5.5.4, and 158 MiB once its page had
#: opened every step; see docs/scaling.md) and the workshop kernel with all 11 steps open
#: (178 MiB in the workshop benchmark, docs/design.md; 163-166 MiB in the hub test, 154 MiB
#: on the first step; the largest figure is used).
SERVER_MIB = 158
KERNEL_MIB = 178
#: Guarantee: the server and one workshop kernel with every step open, 158 + 178 = 336 MiB,
#: plus about 14 % headroom, rounded up to a multiple of 64 MiB: 384M. The machine must hold
#: this much per participant: 200 participants need 200 x 384 MiB = 75 GiB.
#: Limit: the server and two such kernels (the dashboard open twice, in two tabs or on two
#: devices), 158 + 2 x 178 = 514 MiB, plus about 12 %: 576M. Past it the system stops the
#: kernel; the team opens its work again by its code. RSS counts shared libraries in each
#: process, so these are upper estimates.
#: TLJH's SystemdSpawner enforces the limits (MemoryMax, CPUQuota) and ignores the guarantees:
#: on one machine they are for planning its size. Kubernetes (values.yaml) enforces both.
MEMORY_GUARANTEE = "384M"
MEMORY_LIMIT = "576M"
#: CPU per participant (cores). Logging in, starting the server and the dashboard's kernel and
#: showing the first page cost about 7 CPU seconds (hub test); after that a step change takes
#: well under a second of one core (docs/design.md). A limit of one core keeps one busy kernel
#: from slowing everyone else. The guarantee is an assumption, not a measurement: 200 x 0.05
#: = 10 cores held for 200 participants.
CPU_GUARANTEE = 0.05
CPU_LIMIT = 1.0

#: Idle culling (jupyterhub-idle-culler, a hub service): a participant's server with no
#: activity for an hour is stopped (a workshop has pauses; the work is saved all along, and
#: the team opens it again by its code). Checked every 5 minutes.
CULL_TIMEOUT = 3600
CULL_EVERY = 300
CULLER = "jupyterhub-idle-culler"

#: Variables the hub hands on from its own environment to every participant's server, when set.
PASSED_ON = ("STAGETOK_DATABASE_URL", "STAGETOK_FACILITATOR_KEY_SHA256", "STAGETOK_ROOM_URL")


def participant_environment(environ=os.environ, project_dir=PROJECT_DIR):
    """The environment every participant's server gets (on top of JupyterHub's own variables).

    Parameters
    ----------
    environ : mapping
        The hub's environment, where :data:`PASSED_ON` are read.
    project_dir : str
        Where the StageTok project lives (:data:`PROJECT_DIR`).

    Returns
    -------
    dict
        ``STAGETOK_ROOM=1`` (the workshop dashboard offers "send to the board" and follows the
        facilitator's steps), ``JUPYTER_PATH`` (where Voila finds StageTok's page template,
        ``toolkit/share/voila/templates/stagetok``), ``JUPYTER_CONFIG_PATH`` (where the server
        finds :data:`SINGLEUSER_CONFIG_DIR`), and each of :data:`PASSED_ON` that is set.
    """
    env = {
        "STAGETOK_ROOM": "1",
        "JUPYTER_PATH": os.path.join(project_dir, "toolkit", "share"),
        "JUPYTER_CONFIG_PATH": os.path.join(project_dir, SINGLEUSER_CONFIG_DIR),
    }
    for name in PASSED_ON:
        if environ.get(name):
            env[name] = environ[name]
    return env


def configure(c, environ=os.environ, project_dir=PROJECT_DIR):
    """Apply StageTok's settings to the JupyterHub configuration ``c``.

    Parameters
    ----------
    c : traitlets.config.Config
        The configuration JupyterHub is loading.
    environ : mapping
        The hub's environment (see the module's description).
    project_dir : str
        Where the StageTok project lives (:data:`PROJECT_DIR`).
    """
    c.Spawner.notebook_dir = project_dir
    c.Spawner.default_url = DEFAULT_URL
    c.Spawner.environment = participant_environment(environ, project_dir)
    c.Spawner.mem_guarantee = MEMORY_GUARANTEE
    c.Spawner.mem_limit = MEMORY_LIMIT
    c.Spawner.cpu_guarantee = CPU_GUARANTEE
    c.Spawner.cpu_limit = CPU_LIMIT
    # When a whole class logs in at once, servers start side by side and take longer than
    # JupyterHub's defaults (60 s to start, 30 s to answer) on a busy server.
    c.Spawner.start_timeout = 180
    c.Spawner.http_timeout = 120

    # The idle culler, with only the rights it needs. Under TLJH this replaces TLJH's own
    # culler service (the same program), so `tljh-config set services.cull...` has no effect.
    c.JupyterHub.services = [{
        "name": CULLER,
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={CULL_TIMEOUT}", f"--cull-every={CULL_EVERY}"],
    }]
    c.JupyterHub.load_roles = [{
        "name": CULLER,
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": [CULLER],
    }]

    if not environ.get("STAGETOK_DATABASE_URL"):
        logging.getLogger("JupyterHub").warning(
            "STAGETOK_DATABASE_URL is not set: each participant's work is kept in their own home "
            "folder, teams cannot move between accounts, and the board shows no one else's work.")


# JupyterHub runs this file with `get_config` defined; a test imports it as a module instead.
if "get_config" in globals():
    configure(get_config())  # noqa: F821 - provided by JupyterHub's config loader
