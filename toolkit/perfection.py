"""Tip 5, throw perfection overboard: the authenticity checklist, its rule-of-thumb score and a video brief.

Pure logic, no widgets. The checklist's items and the reasons behind them are advice of this
workshop, not measurements: they live in ``toolkit/data/authenticity.csv`` (Dutch and English),
and the score that counts them is a rule of thumb, said so on screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from toolkit.checklist import ordered_checks
from toolkit.text import check_text as text_rule
from toolkit.workbook import Brief

DATA = Path(__file__).resolve().parent / "data"
#: Longest description of a draft video, in characters.
MAX_DRAFT = 1_000
#: Longest field of a brief (subject, who, where, hook, ending), in characters.
MAX_BRIEF_FIELD = 200
#: Fields of a brief, in the order a video runs: what, who, where, the opening, the close.
BRIEF_FIELDS = ("subject", "who", "where", "hook", "ending")
#: Length of the behind-the-scenes video the brief is for, in seconds.
BRIEF_SECONDS = 30
#: Rule of thumb of this workshop (not a measurement): from this share of the items checked a
#: draft reads as real, from ``HALFWAY_SHARE`` as halfway; below that as polished.
REAL_SHARE, HALFWAY_SHARE = 0.75, 0.5
#: Columns of the checklist.
COLUMNS = ("id", "text_nl", "text_en", "reason_nl", "reason_en")


@cache
def _table() -> pd.DataFrame:
    table = pd.read_csv(DATA / "authenticity.csv", dtype=str, keep_default_na=False)
    if tuple(table.columns) != COLUMNS or not table["id"].is_unique:
        raise RuntimeError("toolkit/data/authenticity.csv needs unique ids and the columns " + ", ".join(COLUMNS))
    return table


def checklist() -> pd.DataFrame:
    """The authenticity checklist: one row per item (``id``, ``text_nl``, ``text_en``, ``reason_nl``, ``reason_en``).

    Returns a fresh copy, in the order the items are shown.
    """
    return _table().copy()


def item_ids() -> tuple[str, ...]:
    """Ids of the checklist's items, in order."""
    return tuple(_table()["id"])


def check_checks(checks: Iterable[str]) -> tuple[str, ...]:
    """The checked items as the checklist orders them, each once.

    Parameters
    ----------
    checks : iterable of str
        Ids of checked items, in any order, possibly repeated.

    Returns
    -------
    tuple of str
        The same ids in checklist order, without repeats.

    Raises
    ------
    TextError
        ``perfection.unknown_item`` for an id that is not on the checklist.
    """
    return ordered_checks(checks, item_ids(), "perfection.unknown_item")


def score(checks: Iterable[str]) -> tuple[int, int]:
    """How many of the checklist's items are checked: ``(done, total)``.

    Raises
    ------
    TextError
        ``perfection.unknown_item`` for an id that is not on the checklist.
    """
    return len(check_checks(checks)), len(item_ids())


def verdict(checks: Iterable[str]) -> tuple[str, dict]:
    """What the score says, by this workshop's rule of thumb: a catalogue key and its parameters.

    Returns
    -------
    tuple of (str, dict)
        ``perfection.verdict_real`` (at least :data:`REAL_SHARE` of the items),
        ``perfection.verdict_halfway`` (at least :data:`HALFWAY_SHARE`) or
        ``perfection.verdict_polished``, with ``done`` and ``total``.
    """
    done, total = score(checks)
    share = done / total if total else 0.0
    if share >= REAL_SHARE:
        key = "perfection.verdict_real"
    elif share >= HALFWAY_SHARE:
        key = "perfection.verdict_halfway"
    else:
        key = "perfection.verdict_polished"
    return key, {"done": done, "total": total}


def check_text(text: object, limit: int, *, multiline: bool = False, too_long: str = "perfection.too_long",
               control: str = "perfection.control") -> str:
    """A participant's text, stripped; refused when too long or holding control characters.

    Parameters
    ----------
    text : object
        What was typed.
    limit : int
        Most characters (after stripping).
    multiline : bool
        Allow line breaks and tabs (a text area).
    too_long, control : str
        Catalogue keys of the two refusals (another step passes its own).

    Returns
    -------
    str
        The text without leading and trailing white space.

    Raises
    ------
    TextError
        ``too_long`` (with ``max``) or ``control`` (also for a lone surrogate, which no file can store).
    """
    return text_rule(text, limit, too_long=too_long, control=control, multiline=multiline)


def make_brief(**fields: object) -> Brief:
    """A brief from what the team typed in its fields (any of :data:`BRIEF_FIELDS`; the rest empty).

    Raises
    ------
    TextError
        As :func:`check_text`, for the first field that does not fit.
    TypeError
        For a field that a brief does not have.
    """
    unknown = set(fields) - set(BRIEF_FIELDS)
    if unknown:
        raise TypeError(f"A brief has no field {sorted(unknown)[0]!r}.")
    return Brief(**{name: check_text(fields.get(name, ""), MAX_BRIEF_FIELD) for name in BRIEF_FIELDS})


def brief_gaps(brief: Brief) -> tuple[str, ...]:
    """The fields of ``brief`` that are still empty, in :data:`BRIEF_FIELDS` order."""
    return tuple(name for name in BRIEF_FIELDS if not getattr(brief, name).strip())
