"""JupyterLab as `make lab` starts it: no Jupyter news and no update checks (a room may have no internet)."""

import json
import subprocess
import sys
import time
import urllib.request

from tests.browser.localhost import free_port, http_status
from tests.conftest import ROOT
from toolkit.lab import CONFIG


def test_the_shipped_settings_switch_news_and_update_checks_off():
    overrides = json.loads((CONFIG / "labconfig" / "default_setting_overrides.json").read_text())
    assert overrides == {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false",
                                                                         "checkForUpdates": False}}


def test_jupyterlab_started_by_toolkit_lab_serves_those_settings(tmp_path):
    port, token = free_port(), "stagetok-test"
    command = [sys.executable, "-m", "toolkit.lab", "--no-browser", "--allow-root", f"--port={port}", "--ip=127.0.0.1",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT / 'workshops'}"]
    env = {"HOME": str(tmp_path), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while http_status(f"{base}/api/status?token={token}") != 200:
            assert server.poll() is None, "JupyterLab exited"
            assert time.monotonic() < deadline, "JupyterLab did not answer within 60 s"
            time.sleep(0.3)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        url = f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
        with opener.open(url, timeout=10) as response:
            settings = json.load(response)
        # The overrides become the settings' defaults, which the page uses unless a user changes them.
        defaults = {name: spec["default"] for name, spec in settings["schema"]["properties"].items()}
        assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False
    finally:
        server.terminate()
        server.wait(timeout=20)
