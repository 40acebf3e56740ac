"""Workshop widgets: each a traitlets model over pure logic and an ipywidgets view."""

from toolkit.widgets.hashtag_lab import HashtagLab, HashtagLabModel
from toolkit.widgets.pipeline_planner import PipelinePlanner, PipelinePlannerModel

__all__ = ["HashtagLab", "HashtagLabModel", "PipelinePlanner", "PipelinePlannerModel"]
