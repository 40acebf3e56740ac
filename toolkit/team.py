"""The team and the welcome step: checks of what a team types about itself, and TikTok's figures.

Pure logic, no widgets. The figures of TikTok in the Netherlands come from
``toolkit/data/tiktok_nl.csv`` (sources in ``toolkit/data/SOURCES.md``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from toolkit.text import check_text as text_rule

DATA = Path(__file__).resolve().parent / "data"
#: Longest team name, company name or sector, in characters.
MAX_NAME = 80


def check_line(text: object, limit: int = MAX_NAME, *, required: bool = False) -> str:
    """One line of participant text, stripped; refused when too long or holding control characters.

    Parameters
    ----------
    text : object
        What was typed.
    limit : int
        Most characters.
    required : bool
        Refuse an empty text.

    Raises
    ------
    TextError
        ``team.too_long`` (with ``max``), ``team.control`` or ``team.empty``.
    """
    return text_rule(text, limit, too_long="team.too_long", control="team.control", required=required,
                     empty="team.empty")


@cache
def _figures() -> pd.DataFrame:
    return pd.read_csv(DATA / "tiktok_nl.csv", dtype={"id": str, "who": str, "source": str, "cite": str})


def tiktok_figures() -> pd.DataFrame:
    """TikTok in the Netherlands: one row per count (id, year, who, users, daily_users, daily_share, growth, ...).

    ``who`` is ``newcom`` (an independent survey of Dutch people aged 15 and older) or
    ``tiktok`` (the platform's own count of monthly users); ``source`` is an id of ``sources.csv``
    and ``cite`` the citation shown. Empty cells are ``NaN``.
    """
    return _figures().copy()
