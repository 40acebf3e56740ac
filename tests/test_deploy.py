"""The JupyterHub deployment files (deploy/jupyterhub): valid for their tools, and in agreement with each other.

``values.yaml`` is checked as helm checks it: merged over the chart's default values, then
validated against the chart's values schema (both from chart 4.4.0, in tests/data). The
one-server configuration (``jupyterhub_config.py``) is imported as a module and applied to a
fresh traitlets configuration. A real hub running it is tested in
tests/browser/test_hub_browser.py.
"""

from __future__ import annotations

import copy
import importlib.util
import logging
from pathlib import Path

import jsonschema
import pytest
import yaml
from jupyterhub.traitlets import ByteSpecification
from traitlets import HasTraits
from traitlets.config import Config, PyFileConfigLoader

from toolkit import room, store
from toolkit.voila_app import TEMPLATE

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "jupyterhub"
DATA = Path(__file__).resolve().parent / "data"
#: Where the project lives in the participants' image (values.yaml) and by default on one server.
PROJECT = "/opt/stagetok"


def _hub_config():
    spec = importlib.util.spec_from_file_location("stagetok_jupyterhub_config", DEPLOY / "jupyterhub_config.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HUB = _hub_config()


def _yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


VALUES = _yaml(DEPLOY / "values.yaml")


def helm_merge(defaults, values):
    """``values`` over ``defaults`` as helm merges them: maps key by key, null removes a key, the rest replaces."""
    merged = copy.deepcopy(defaults)
    for key, value in values.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = helm_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def schema_errors(values) -> list[str]:
    """What the z2jh chart's schema says against ``values`` once merged over the chart's defaults."""
    schema = _yaml(DATA / "z2jh-4.4.0-values.schema.yaml")
    validator = jsonschema.validators.validator_for(schema)(schema)
    merged = helm_merge(_yaml(DATA / "z2jh-4.4.0-values.yaml"), values)
    return [f"{'.'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(merged)]


def mib(size: str) -> float:
    """A JupyterHub size ("384M") in MiB, read as JupyterHub and KubeSpawner read it."""

    class Holder(HasTraits):
        value = ByteSpecification()

    return Holder(value=size).value / 2**20


def test_the_chart_defaults_alone_are_valid_so_the_check_itself_works():
    assert schema_errors({}) == []


def test_values_yaml_is_valid_for_the_z2jh_chart():
    assert schema_errors(VALUES) == []


@pytest.mark.parametrize("path, value", [
    (("singleuser", "memroy"), {"limit": "576M"}),  # a misspelt section
    (("singleuser", "cpu", "limit"), "1 core"),
    (("cull", "timeout"), "1h"),
    (("scheduling", "userPlaceholder", "replicas"), "twenty"),
])
def test_the_schema_refuses_what_helm_would_refuse(path, value):
    broken = copy.deepcopy(VALUES)
    section = broken
    for key in path[:-1]:
        section = section[key]
    section[path[-1]] = value
    assert schema_errors(broken)


def test_memory_cpu_and_culling_are_the_same_on_one_server_and_on_kubernetes():
    single = VALUES["singleuser"]
    assert single["memory"] == {"guarantee": HUB.MEMORY_GUARANTEE, "limit": HUB.MEMORY_LIMIT}
    assert single["cpu"] == {"guarantee": HUB.CPU_GUARANTEE, "limit": HUB.CPU_LIMIT}
    assert (VALUES["cull"]["timeout"], VALUES["cull"]["every"]) == (HUB.CULL_TIMEOUT, HUB.CULL_EVERY)
    assert VALUES["cull"]["enabled"] is True


def test_memory_holds_the_measured_server_and_kernels():
    guarantee, limit = mib(HUB.MEMORY_GUARANTEE), mib(HUB.MEMORY_LIMIT)
    assert guarantee >= 1.1 * (HUB.SERVER_MIB + HUB.KERNEL_MIB)  # one workshop kernel, every step open
    assert limit >= 1.1 * (HUB.SERVER_MIB + 2 * HUB.KERNEL_MIB)  # the dashboard open twice
    assert guarantee < limit
    assert 0 < HUB.CPU_GUARANTEE < HUB.CPU_LIMIT


def test_both_routes_open_the_workshop_dashboard_with_stagetoks_settings():
    single = VALUES["singleuser"]
    assert single["defaultUrl"] == HUB.DEFAULT_URL
    assert VALUES["hub"]["config"]["KubeSpawner"]["notebook_dir"] == PROJECT == HUB.PROJECT_DIR
    notebook = HUB.DEFAULT_URL.removeprefix("/voila/render/")
    assert (ROOT / notebook).is_file(), "the default URL names the workshop dashboard, relative to the project"
    literal = {name: value for name, value in single["extraEnv"].items() if isinstance(value, str)}
    expected = HUB.participant_environment({}, PROJECT)
    assert literal == expected == {
        "STAGETOK_ROOM": "1",
        "JUPYTER_PATH": f"{PROJECT}/toolkit/share",
        "JUPYTER_CONFIG_PATH": f"{PROJECT}/deploy/jupyterhub/singleuser",
    }
    assert single["storage"]["type"] == "none"


def test_secrets_come_from_a_kubernetes_secret_never_from_the_file():
    env = VALUES["singleuser"]["extraEnv"]
    for name in (store.DATABASE_URL, room.FACILITATOR_HASH_ENV):
        assert set(env[name]) == {"valueFrom"}
        assert set(env[name]["valueFrom"]["secretKeyRef"]) >= {"name", "key"}
    text = (DEPLOY / "values.yaml").read_text(encoding="utf-8") + (DEPLOY / "jupyterhub_config.py").read_text()
    assert "user_password:" not in text and "api_token" not in text


def test_the_hub_hands_on_the_rooms_variables_from_its_own_environment_only():
    assert set(HUB.PASSED_ON) == {store.DATABASE_URL, room.FACILITATOR_HASH_ENV, room.ROOM_URL_ENV}
    hub_env = {
        store.DATABASE_URL: "postgresql://stagetok:secret@db:5432/stagetok",
        room.FACILITATOR_HASH_ENV: room.key_digest("the facilitator's key"),
        "PGPASSWORD": "not for the participants",
        "HOME": "/root",
    }
    c = Config()
    HUB.configure(c, hub_env, "/srv/stagetok")
    assert c.Spawner.environment == {
        "STAGETOK_ROOM": "1",
        "JUPYTER_PATH": "/srv/stagetok/toolkit/share",
        "JUPYTER_CONFIG_PATH": "/srv/stagetok/deploy/jupyterhub/singleuser",
        store.DATABASE_URL: hub_env[store.DATABASE_URL],
        room.FACILITATOR_HASH_ENV: hub_env[room.FACILITATOR_HASH_ENV],
    }
    assert c.Spawner.notebook_dir == "/srv/stagetok"
    assert c.Spawner.default_url == HUB.DEFAULT_URL
    assert (c.Spawner.mem_guarantee, c.Spawner.mem_limit) == (HUB.MEMORY_GUARANTEE, HUB.MEMORY_LIMIT)


def test_the_idle_culler_runs_as_a_service_with_only_the_rights_it_needs():
    c = Config()
    HUB.configure(c, {store.DATABASE_URL: "postgresql://db/stagetok"})
    (service,) = c.JupyterHub.services
    assert service["command"][1:3] == ["-m", "jupyterhub_idle_culler"]
    assert f"--timeout={HUB.CULL_TIMEOUT}" in service["command"]
    assert "admin" not in service
    (role,) = c.JupyterHub.load_roles
    assert role["services"] == [service["name"]]
    assert set(role["scopes"]) == {"list:users", "read:users:activity", "read:servers", "delete:servers"}
    assert importlib.util.find_spec("jupyterhub_idle_culler") is not None


def test_a_hub_without_the_rooms_database_says_so(caplog):
    with caplog.at_level(logging.WARNING, logger="JupyterHub"):
        HUB.configure(Config(), {})
    assert "STAGETOK_DATABASE_URL is not set" in caplog.text


def test_the_participants_server_uses_stagetoks_page_template_and_no_mathjax_from_a_cdn():
    folder = DEPLOY / "singleuser"
    c = PyFileConfigLoader("jupyter_server_config.py", path=str(folder)).load_config()
    assert c.VoilaConfiguration.template == TEMPLATE
    assert (ROOT / "toolkit" / "share" / "voila" / "templates" / TEMPLATE / "index.html.j2").is_file()
    assert (c.VoilaConfiguration.strip_sources, c.VoilaConfiguration.show_tracebacks) == (True, False)
    assert c.ServerApp.tornado_settings == {"mathjax_url": None, "mathjax_config": None, "compress_response": True}
    assert c.MappingKernelManager.cull_idle_timeout == 900
    assert folder == ROOT / HUB.SINGLEUSER_CONFIG_DIR
