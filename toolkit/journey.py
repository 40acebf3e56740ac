"""The workshop's journey: its steps in order, each with its notebook and its tool.

A step's tool is named as ``"module:ViewClass:ModelClass"`` under :mod:`toolkit.widgets`, so
the workshop dashboard imports a step's code only when a team first opens that step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One step of the workshop.

    Attributes
    ----------
    id : str
        Short name, used in URLs (``?step=early``), catalogue keys (``step.early.title``)
        and the workbook (``Workbook.step``).
    notebook : str
        The step's notebook in ``workshops/``.
    tool : str
        ``"module:View:Model"``: the widget module under ``toolkit.widgets`` and its classes.
    minutes : int
        Time the facilitator's agenda gives the step.
    """

    id: str
    notebook: str
    tool: str
    minutes: int


STEPS: tuple[Step, ...] = (
    Step("welcome", "01_welkom.ipynb", "welcome:WelcomeStep:WelcomeModel", 15),
    Step("pipeline", "02_pipeline.ipynb", "pipeline_planner:PipelinePlanner:PipelinePlannerModel", 10),
    Step("early", "03_vroeg_erbij.ipynb", "early:EarlyScan:EarlyScanModel", 10),
    Step("irony", "04_ironie.ipynb", "irony:ToneScale:ToneScaleModel", 15),
    Step("content", "05_content.ipynb", "content:ChallengeDesigner:ChallengeDesignerModel", 20),
    Step("advocacy", "06_touch_tell_sell.ipynb", "advocacy:RosterPlanner:RosterPlannerModel", 20),
    Step("perfection", "07_perfectie.ipynb", "perfection:AuthenticityCheck:AuthenticityCheckModel", 15),
    Step("safety", "08_veilig.ipynb", "safety:SafetyCheck:SafetyCheckModel", 10),
    Step("hashtags", "09_hashtags.ipynb", "hashtag_lab:HashtagLab:HashtagLabModel", 15),
    Step("reach", "10_bereik.ipynb", "reach_explorer:ReachExplorer:ReachExplorerModel", 10),
    Step("plan", "11_actieplan.ipynb", "plan:PlanStep:PlanModel", 20),
)

#: Step ids in order.
STEP_IDS = tuple(step.id for step in STEPS)


def step(key: str | int) -> Step:
    """The step with id ``key``, or number ``key`` (1 is the first step).

    Raises
    ------
    KeyError
        For an id or number that is not a step.
    """
    if isinstance(key, int) and not isinstance(key, bool):
        if 1 <= key <= len(STEPS):
            return STEPS[key - 1]
        raise KeyError(key)
    for candidate in STEPS:
        if candidate.id == key:
            return candidate
    raise KeyError(key)


def number(step_id: str) -> int:
    """The step's number in the journey, from 1."""
    return STEP_IDS.index(step_id) + 1
