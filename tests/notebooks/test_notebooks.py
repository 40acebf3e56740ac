"""Every workshop notebook is committed clean and runs from top to bottom without errors."""

import json
import re

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT, WORKSHOPS
from toolkit import journey

NOTEBOOKS = sorted(p for p in WORKSHOPS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
IDS = [str(p.relative_to(WORKSHOPS)) for p in NOTEBOOKS]
#: The benchmark's minimal page: committed clean too, and it must run (it is a page, not a lesson).
MINIMAL = ROOT / "benchmarks" / "minimal.ipynb"


def test_there_are_workshop_notebooks_and_dashboards():
    assert any(p.parent == WORKSHOPS for p in NOTEBOOKS), "no workshop notebook"
    assert any(p.parent.name == "dashboards" for p in NOTEBOOKS), "no dashboard"


@pytest.mark.parametrize("path", [*NOTEBOOKS, MINIMAL], ids=[*IDS, "benchmarks/minimal.ipynb"])
def test_notebook_is_committed_clean(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: outputs are committed"
            assert cell["execution_count"] is None, f"{path.name}: execution counts are committed"
        assert not cell.get("metadata"), f"{path.name}: cell metadata is committed"
    assert set(raw["metadata"]) <= {"kernelspec", "language_info"}, f"{path.name}: extra metadata (widget state?)"


def _run(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.validate(notebook)
    return notebook


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_runs_and_calls_setup(path):
    code = "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")
    assert "toolkit.setup(" in code, f"{path.name} must call toolkit.setup() for offline charts"
    assert "class " not in code and "def " not in code, f"{path.name}: notebooks import tools, never define them"
    _assert_no_errors(path, _run(path))


def test_the_benchmarks_minimal_page_draws_through_show_chart():
    notebook = _run(MINIMAL)
    assert "show_chart(" in notebook.cells[0].source and ".clear_output(" not in notebook.cells[0].source
    _assert_no_errors(MINIMAL, notebook)
    (widget_view,) = [o for o in notebook.cells[0].outputs if "application/vnd.jupyter.widget-view+json" in o["data"]]
    assert widget_view["output_type"] == "execute_result"


def _assert_no_errors(path, notebook):
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"{path.name}: {output.get('ename')}: {output.get('evalue')}"
            if output["output_type"] == "stream":
                assert output["name"] != "stderr" or "Traceback" not in output["text"], output["text"]
            data = output.get("data", {})
            assert not any("vegalite.v6" in mime for mime in data), "charts must use the offline v5 renderer"


def test_the_numbered_notebooks_are_the_journey_each_with_goal_exercise_and_its_step():
    numbered = sorted(p.name for p in WORKSHOPS.glob("[0-9][0-9]_*.ipynb"))
    assert numbered == [step.notebook for step in journey.STEPS]
    for number, step in enumerate(journey.STEPS, start=1):
        cells = nbformat.read(WORKSHOPS / step.notebook, as_version=4).cells
        first = cells[0].source
        assert cells[0].cell_type == "markdown" and first.startswith(f"# Stap {number} · "), step.notebook
        assert "**Doel:**" in first and f"**Tijd:** {step.minutes} minuten" in first, step.notebook
        markdown = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
        assert re.search(r"^## (\d+\. )?Opdracht", markdown, re.MULTILINE), f"{step.notebook}: no exercise"
        code = "\n".join(cell.source for cell in cells if cell.cell_type == "code")
        assert f'Workshop(only="{step.id}")' in code, f"{step.notebook}: the step's tool, saved under the team code"


def test_the_workshop_dashboard_opens_at_the_step_in_its_address():
    code = "\n".join(cell.source for cell in nbformat.read(WORKSHOPS / "dashboards" / "workshop.ipynb",
                                                          as_version=4).cells)
    assert "open_from_query(page_query())" in code and "Workshop()" in code
