"""Tip 1, be early: the team's TikTok account name and a scan of the employers already in its field.

Pure logic, no widgets. The only published figure here is the longest TikTok username, 24
characters (several secondary sources agree; no official TikTok page was found: see
``toolkit/data/SOURCES.md``). Which characters the app accepts besides that is app behaviour
seen by users, not a published rule: :func:`handle_hints` only warns about it. The verdict on
how busy the field is counts employers by a rule of thumb of this workshop, not a measurement.
"""

from __future__ import annotations

import typing
import unicodedata
from collections.abc import Iterable, Sequence

import pandas as pd

from toolkit import workbook
from toolkit.i18n import TextError, t
from toolkit.text import check_text as text_rule
from toolkit.workbook import Employer

#: How often an employer posts on TikTok, from "not looked up yet" to "(almost) every day".
POSTING: tuple[str, ...] = ("unknown", "none", "rarely", "monthly", "weekly", "daily")
#: Catalogue keys of the categories' names.
POSTING_KEYS = {
    "unknown": "early.posting_unknown",
    "none": "early.posting_none",
    "rarely": "early.posting_rarely",
    "monthly": "early.posting_monthly",
    "weekly": "early.posting_weekly",
    "daily": "early.posting_daily",
}
#: Categories of an employer that is active on TikTok: it posts at least once a month.
ACTIVE: tuple[str, ...] = ("monthly", "weekly", "daily")
#: Longest TikTok username, in characters (FACTS: several secondary sources agree; see SOURCES.md).
HANDLE_MAX = 24
#: Characters seen accepted in usernames by the app (app behaviour, not a published rule).
HANDLE_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._")
#: Most employers in one scan, and the longest name of one, in characters (choices of this workshop).
MAX_EMPLOYERS = 30
MAX_NAME = 80
#: Rule of thumb of this workshop (not a measurement): with no active employer the field is
#: empty; with up to ``FEW_ACTIVE`` it has a few; from ``FEW_ACTIVE + 1`` it is crowded.
FEW_ACTIVE = 2
#: Columns of :func:`field_summary`.
SUMMARY_COLUMNS = ("posting", "employers")

if POSTING != typing.get_args(workbook.Posting):  # pragma: no cover - a guard for whoever edits either
    raise RuntimeError("toolkit.early.POSTING must list the workbook's Posting values, in order.")


def _has_control(text: str) -> bool:
    """True for control characters and lone surrogates (which no file can store)."""
    return any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text)


def check_handle(text: object) -> str:
    """The account name the team wants, as TikTok writes it: without ``@`` and white space around it.

    Parameters
    ----------
    text : object
        What the team typed: ``@garagedevries`` or ``garagedevries``.

    Returns
    -------
    str
        The name without the leading ``@``.

    Raises
    ------
    TextError
        ``early.handle_empty`` (nothing but ``@`` or spaces), ``early.control`` (control
        characters), ``early.handle_space`` (a space inside), ``early.handle_at`` (an ``@``
        other than the first character) or ``early.handle_too_long`` (more than
        :data:`HANDLE_MAX` characters, with ``max`` and ``length``).
    """
    value = str(text).strip()
    if _has_control(value):
        raise TextError("early.control")
    value = value.removeprefix("@")
    if not value:
        raise TextError("early.handle_empty")
    if any(ch.isspace() for ch in value):
        raise TextError("early.handle_space")
    if "@" in value:
        raise TextError("early.handle_at")
    if len(value) > HANDLE_MAX:
        raise TextError("early.handle_too_long", max=HANDLE_MAX, length=len(value))
    return value


def handle_hints(handle: str) -> list[tuple[str, dict]]:
    """Warnings about a handle that passed :func:`check_handle` (app behaviour, not a published rule).

    Returns
    -------
    list of (str, dict)
        ``early.handle_characters`` with ``chars`` (the characters other than letters a-z,
        digits, ``.`` and ``_``, each once, at most ten) when there are any; else nothing.
    """
    others = list(dict.fromkeys(ch for ch in str(handle) if ch not in HANDLE_CHARACTERS))
    if not others:
        return []
    return [("early.handle_characters", {"chars": " ".join(others[:10])})]


def check_name(text: object) -> str:
    """An employer's name as typed, stripped.

    Raises
    ------
    TextError
        ``early.name_empty``, ``early.name_too_long`` (with ``max``) or ``early.control``.
    """
    return text_rule(text, MAX_NAME, too_long="early.name_too_long", control="early.control", required=True,
                     empty="early.name_empty")


def check_posting(value: object) -> str:
    """One of :data:`POSTING`.

    Raises
    ------
    TextError
        ``early.unknown_posting`` for anything else.
    """
    if not isinstance(value, str) or value not in POSTING:
        raise TextError("early.unknown_posting", value=str(value)[:40])
    return value


def _same_name(name: str) -> str:
    return " ".join(name.casefold().split())


def make_employer(name: object, posting: object = "unknown") -> Employer:
    """An employer of the scan, from the name and the category the team chose.

    Raises
    ------
    TextError
        As :func:`check_name` and :func:`check_posting`.
    """
    return Employer(name=check_name(name), posting=check_posting(posting))


def check_employers(employers: Iterable[object]) -> tuple[Employer, ...]:
    """The scan's employers, each checked again (a list set from code or read from a file).

    Raises
    ------
    TextError
        ``early.too_many`` (more than :data:`MAX_EMPLOYERS`), ``early.bad_employer`` (not an
        :class:`~toolkit.workbook.Employer`), ``early.duplicate`` (a name twice), or as
        :func:`make_employer`.
    """
    checked: list[Employer] = []
    for employer in employers:
        if not isinstance(employer, Employer):
            raise TextError("early.bad_employer")
        if len(checked) >= MAX_EMPLOYERS:
            raise TextError("early.too_many", max=MAX_EMPLOYERS)
        made = make_employer(employer.name, employer.posting)
        if any(_same_name(made.name) == _same_name(other.name) for other in checked):
            raise TextError("early.duplicate", name=made.name)
        checked.append(made)
    return tuple(checked)


def add_employer(employers: Sequence[Employer], name: object, posting: object = "unknown") -> tuple[Employer, ...]:
    """``employers`` with one more at the end.

    Raises
    ------
    TextError
        ``early.too_many`` when the scan is full, ``early.duplicate`` for a name already in it
        (case and spaces ignored), or as :func:`make_employer`.
    """
    if len(employers) >= MAX_EMPLOYERS:
        raise TextError("early.too_many", max=MAX_EMPLOYERS)
    employer = make_employer(name, posting)
    if any(_same_name(employer.name) == _same_name(other.name) for other in employers):
        raise TextError("early.duplicate", name=employer.name)
    return (*employers, employer)


def _position(employers: Sequence[Employer], index: object) -> int:
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(employers):
        raise TextError("early.no_such_employer")
    return index


def remove_employer(employers: Sequence[Employer], index: int) -> tuple[Employer, ...]:
    """``employers`` without the one at ``index``.

    Raises
    ------
    TextError
        ``early.no_such_employer`` for an index that is not in the list.
    """
    position = _position(employers, index)
    return (*employers[:position], *employers[position + 1:])


def set_posting(employers: Sequence[Employer], index: int, posting: object) -> tuple[Employer, ...]:
    """``employers`` with the one at ``index`` posting as ``posting``.

    Raises
    ------
    TextError
        ``early.no_such_employer`` or ``early.unknown_posting``.
    """
    position = _position(employers, index)
    changed = Employer(name=employers[position].name, posting=check_posting(posting))
    return (*employers[:position], changed, *employers[position + 1:])


def field_summary(employers: Iterable[Employer]) -> pd.DataFrame:
    """How many employers of the scan are in each posting category.

    Returns
    -------
    pandas.DataFrame
        One row per category of :data:`POSTING`, in that order, zeros included: columns
        ``posting`` (the category) and ``employers`` (a whole number).
    """
    counts = {posting: 0 for posting in POSTING}
    for employer in employers:
        counts[check_posting(employer.posting)] += 1
    return pd.DataFrame({"posting": pd.array(POSTING, dtype="str"),
                         "employers": pd.array([counts[p] for p in POSTING], dtype="int64")})


def field_verdict(employers: Iterable[Employer]) -> tuple[str, dict]:
    """How busy the field is, by this workshop's rule of thumb: a catalogue key and its parameters.

    An employer is active when it posts at least monthly (:data:`ACTIVE`).

    Returns
    -------
    tuple of (str, dict)
        ``early.verdict_none`` (nobody listed yet), ``early.verdict_unknown`` (nobody looked up
        yet), ``early.verdict_empty`` (no active employer), ``early.verdict_few`` (1 to
        :data:`FEW_ACTIVE`) or ``early.verdict_crowded`` (more), with ``n`` (employers
        listed), ``active`` and ``unknown`` (not looked up yet).
    """
    summary = field_summary(employers).set_index("posting")["employers"]
    n = int(summary.sum())
    active = int(summary[list(ACTIVE)].sum())
    unknown = int(summary["unknown"])
    params = {"n": n, "active": active, "unknown": unknown}
    if n == 0:
        key = "early.verdict_none"
    elif unknown == n:
        key = "early.verdict_unknown"
    elif active == 0:
        key = "early.verdict_empty"
    elif active <= FEW_ACTIVE:
        key = "early.verdict_few"
    else:
        key = "early.verdict_crowded"
    return key, params


def posting_label(posting: str, lang: str | None = None) -> str:
    """The words for a posting category in ``lang`` (a value that is not one is shown as it is)."""
    key = POSTING_KEYS.get(str(posting))
    return t(key, lang=lang) if key else str(posting)
