"""StageTok: workshop tools for reaching pupils and students on TikTok for internships."""

from toolkit.notebook import setup

__all__ = ["setup"]
__version__ = "0.1.0"
