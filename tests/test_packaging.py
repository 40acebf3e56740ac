"""One source of pins: binder/ agrees with pyproject.toml, and Binder can find what it needs."""

import re
import tomllib

from tests.conftest import ROOT

BINDER = ROOT / "binder"


def _pins(lines):
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.\-]+)", line)
        assert match, f"not an exact pin: {line!r}"
        pins[match.group(1).lower()] = match.group(2)
    return pins


def test_binder_requirements_equal_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ours = _pins(project["dependencies"])
    binder = _pins((BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines())
    assert binder == ours
    assert {"jupyterlab", "ipywidgets", "pandas", "altair", "voila", "ipykernel"} <= set(ours)


def test_binder_runtime_and_postbuild():
    assert (BINDER / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.12"
    post_build = BINDER / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"
    assert "pip install" in post_build.read_text(encoding="utf-8")


def test_readme_badges_open_lab_and_the_dashboard_on_binder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "mybinder.org/v2/" in readme
    assert "urlpath=lab" in readme
    assert "urlpath=voila%2Frender%2Fworkshops%2Fdashboards%2Fhashtag_lab.ipynb" in readme
    assert (ROOT / "workshops/dashboards/hashtag_lab.ipynb").exists()
    assert "make start" in readme and "make test" in readme
