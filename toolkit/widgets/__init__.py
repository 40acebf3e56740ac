"""Workshop widgets: each a traitlets model over pure logic and an ipywidgets view."""

from toolkit.widgets.hashtag_lab import HashtagLab, HashtagLabModel
from toolkit.widgets.pipeline_planner import PipelinePlanner, PipelinePlannerModel
from toolkit.widgets.reach_explorer import ReachExplorer, ReachExplorerModel

__all__ = ["HashtagLab", "HashtagLabModel", "PipelinePlanner", "PipelinePlannerModel", "ReachExplorer",
           "ReachExplorerModel"]
