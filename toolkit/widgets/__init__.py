"""Workshop widgets: each a traitlets model over pure logic and an ipywidgets view."""

from toolkit.widgets.hashtag_lab import HashtagLab, HashtagLabModel

__all__ = ["HashtagLab", "HashtagLabModel"]
