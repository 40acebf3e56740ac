"""Workshop widgets: each a traitlets model over pure logic and an ipywidgets view.

The classes are imported on first use (``from toolkit.widgets import HashtagLab`` works as
usual), so a page that shows one tool does not load the code of all the others.
"""

from __future__ import annotations

import importlib

#: Public class -> the module under ``toolkit.widgets`` that defines it.
_WHERE = {
    "HashtagLab": "hashtag_lab", "HashtagLabModel": "hashtag_lab",
    "PipelinePlanner": "pipeline_planner", "PipelinePlannerModel": "pipeline_planner",
    "ReachExplorer": "reach_explorer", "ReachExplorerModel": "reach_explorer",
    "Workshop": "workshop", "WorkshopModel": "workshop",
    "WelcomeStep": "welcome", "WelcomeModel": "welcome",
    "PlanStep": "plan", "PlanModel": "plan",
    "AuthenticityCheck": "perfection", "AuthenticityCheckModel": "perfection",
    "SafetyCheck": "safety", "SafetyCheckModel": "safety",
    "ChallengeDesigner": "content", "ChallengeDesignerModel": "content",
    "RosterPlanner": "advocacy", "RosterPlannerModel": "advocacy",
    "EarlyScan": "early", "EarlyScanModel": "early",
    "ToneScale": "irony", "ToneScaleModel": "irony",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f"toolkit.widgets.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'toolkit.widgets' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
