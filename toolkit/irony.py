"""Tip 2, irony and self-mockery: a tone scale from stiff via self-mocking to ridiculous, and the team's ideas on it.

Pure logic, no widgets. The scale is a teaching aid for the discussion, not a measurement: its
three bands and their limits are a choice of this workshop, said so on screen. The example
ideas to discuss (``toolkit/data/tone_examples.csv``) are invented for the workshop.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pandas as pd

from toolkit.i18n import TextError, check_language, t
from toolkit.text import check_text as text_rule
from toolkit.workbook import Idea

DATA = Path(__file__).resolve().parent / "data"
#: The bands of the tone scale, from stiff to ridiculous, each with its tones (both ends included).
#: Equal thirds: a teaching scale for the discussion, not a measurement.
BANDS: dict[str, tuple[int, int]] = {
    "stiff": (0, 33),
    "self_mocking": (34, 66),
    "ridiculous": (67, 100),
}
#: Catalogue keys of the bands: (name, comment on an idea in the band).
BAND_KEYS = {
    "stiff": ("irony.band_stiff", "irony.comment_stiff"),
    "self_mocking": ("irony.band_self_mocking", "irony.comment_self_mocking"),
    "ridiculous": ("irony.band_ridiculous", "irony.comment_ridiculous"),
}
#: Lowest and highest tone.
TONE_MIN, TONE_MAX = 0, 100
#: Tone of a new idea: the middle of the scale.
DEFAULT_TONE = 50
#: Longest idea, in characters: one or two sentences, as long as a TikTok caption could be
#: until September 2022 (300 characters; see SOURCES.md). A choice of this workshop.
MAX_IDEA = 300
#: Most ideas a team writes in this step (the exercise asks for three; a later step may add more).
MAX_IDEAS = 10
#: Rows for the team's ideas the step shows at least: the exercise asks for three.
TEAM_ROWS = 3
#: Columns of the example ideas.
COLUMNS = ("id", "tone", "short_nl", "short_en", "text_nl", "text_en", "why_nl", "why_en")


@cache
def _table() -> pd.DataFrame:
    table = pd.read_csv(DATA / "tone_examples.csv", dtype=str, keep_default_na=False)
    if tuple(table.columns) != COLUMNS or not table["id"].is_unique:
        raise RuntimeError("toolkit/data/tone_examples.csv needs unique ids and the columns " + ", ".join(COLUMNS))
    table["tone"] = table["tone"].astype("int64")
    if not table["tone"].between(TONE_MIN, TONE_MAX).all():
        raise RuntimeError("toolkit/data/tone_examples.csv has a tone outside 0..100")
    return table


def examples() -> pd.DataFrame:
    """The invented example ideas to discuss: one row per idea, in the order they are shown.

    Returns
    -------
    pandas.DataFrame
        A fresh copy with the columns of :data:`COLUMNS`: ``id``, ``tone`` (0-100), a short
        label, the idea and why it sits where it does, each in Dutch and English.
    """
    return _table().copy()


def check_tone(value: object) -> int:
    """A tone on the scale: a whole number from 0 (stiff) to 100 (ridiculous).

    Raises
    ------
    TextError
        ``irony.bad_tone`` for anything else (a fraction, a text, a bool, a number off the scale).
    """
    if isinstance(value, bool):
        raise TextError("irony.bad_tone")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not TONE_MIN <= value <= TONE_MAX:
        raise TextError("irony.bad_tone")
    return value


def band(tone: object) -> str:
    """The band of the scale a tone falls in: ``"stiff"``, ``"self_mocking"`` or ``"ridiculous"``.

    Raises
    ------
    TextError
        ``irony.bad_tone`` for a tone that is not on the scale.
    """
    value = check_tone(tone)
    for name, (low, high) in BANDS.items():
        if low <= value <= high:
            return name
    raise AssertionError("BANDS must cover 0..100")  # pragma: no cover - checked by the tests


def band_label(tone: object, lang: str | None = None) -> str:
    """The name of the tone's band in ``lang`` (``zelfspot``), or ``""`` for a tone off the scale."""
    try:
        name = band(tone)
    except TextError:
        return ""
    return t(BAND_KEYS[name][0], lang=check_language(lang))


def comment(tone: object) -> tuple[str, dict]:
    """What to ask about an idea with this tone: a catalogue key and its parameters.

    Raises
    ------
    TextError
        ``irony.bad_tone`` for a tone that is not on the scale.
    """
    return BAND_KEYS[band(tone)][1], {}


def check_idea(text: object) -> str:
    """An idea as the team typed it, stripped.

    Raises
    ------
    TextError
        ``irony.idea_empty``, ``irony.too_long`` (with ``max``) or ``irony.control``
        (control characters or a lone surrogate).
    """
    return text_rule(text, MAX_IDEA, too_long="irony.too_long", control="irony.control", required=True,
                     empty="irony.idea_empty")


def _position(ideas: Sequence[Idea], index: object) -> int:
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(ideas):
        raise TextError("irony.no_such_idea")
    return index


def add_idea(ideas: Sequence[Idea], text: object, tone: object = DEFAULT_TONE) -> tuple[Idea, ...]:
    """``ideas`` with a new idea at the end (no kind yet: a later step sorts it).

    Raises
    ------
    TextError
        ``irony.too_many`` (with ``max``) once there are :data:`MAX_IDEAS` ideas, or as
        :func:`check_idea` and :func:`check_tone`.
    """
    if len(ideas) >= MAX_IDEAS:
        raise TextError("irony.too_many", max=MAX_IDEAS)
    return (*ideas, Idea(text=check_idea(text), tone=check_tone(tone)))


def set_text(ideas: Sequence[Idea], index: int, text: object) -> tuple[Idea, ...]:
    """``ideas`` with idea ``index`` reworded; its tone and kind stay as they are.

    Raises
    ------
    TextError
        ``irony.no_such_idea``, or as :func:`check_idea`.
    """
    position = _position(ideas, index)
    old = ideas[position]
    return (*ideas[:position], Idea(text=check_idea(text), tone=old.tone, kind=old.kind), *ideas[position + 1:])


def set_tone(ideas: Sequence[Idea], index: int, tone: object) -> tuple[Idea, ...]:
    """``ideas`` with idea ``index`` moved on the scale; its text and kind stay as they are.

    Raises
    ------
    TextError
        ``irony.no_such_idea``, or as :func:`check_tone`.
    """
    position = _position(ideas, index)
    old = ideas[position]
    return (*ideas[:position], Idea(text=old.text, tone=check_tone(tone), kind=old.kind), *ideas[position + 1:])


def remove_idea(ideas: Sequence[Idea], index: int) -> tuple[Idea, ...]:
    """``ideas`` without idea ``index``.

    Raises
    ------
    TextError
        ``irony.no_such_idea``.
    """
    position = _position(ideas, index)
    return (*ideas[:position], *ideas[position + 1:])


def rows(count: int) -> int:
    """How many rows the step shows for ``count`` ideas.

    At least :data:`TEAM_ROWS`, and one empty row to write in while there are fewer than
    :data:`MAX_IDEAS` (ideas a later step added are all shown).
    """
    count = max(0, int(count))
    return max(TEAM_ROWS, count + 1) if count < MAX_IDEAS else count


def short(text: str, limit: int = 36) -> str:
    """A label for a chart: the first ``limit`` characters of ``text`` on one line, ``…`` when cut."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"
