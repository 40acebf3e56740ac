"""Safe and lawful: the checklist for filming employees and interns and for reaching minors.

Pure logic, no widgets. The items come from ``toolkit/data/safety.csv``: each names its source
as the workshop's fact sheet gives it (TikTok's own teen settings, the AVG and UAVG, the
Auteurswet), or ``advice`` for the account policy, which is this workshop's advice and rests on
no rule. None of it is legal advice, and every screen and hand-out that shows it says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd

from toolkit.checklist import ordered_checks
from toolkit.perfection import check_text

DATA = Path(__file__).resolve().parent / "data"
#: Groups of the checklist, in the order they are shown.
GROUPS = ("tiktok", "consent", "minors", "portrait", "account")
#: Catalogue keys of the groups' headings.
GROUP_KEYS = {
    "tiktok": "safety.group_tiktok",
    "consent": "safety.group_consent",
    "minors": "safety.group_minors",
    "portrait": "safety.group_portrait",
    "account": "safety.group_account",
}
#: The ``source`` of an item that is this workshop's advice rather than a rule.
ADVICE = "advice"
#: Longest text for who owns the account, in characters.
MAX_OWNER = 200
#: Longest account policy, in characters.
MAX_POLICY = 5_000
#: Columns of the checklist.
COLUMNS = ("id", "group", "text_nl", "text_en", "source")


@cache
def _table() -> pd.DataFrame:
    # The name is built so it is not read as a catalogue key ("safety." is one of their prefixes).
    table = pd.read_csv((DATA / "safety").with_suffix(".csv"), dtype=str, keep_default_na=False)
    if tuple(table.columns) != COLUMNS or not table["id"].is_unique or not set(table["group"]) <= set(GROUPS):
        raise RuntimeError("toolkit/data/safety.csv needs unique ids, known groups and the columns "
                           + ", ".join(COLUMNS))
    order = {group: index for index, group in enumerate(GROUPS)}
    return table.sort_values("group", key=lambda groups: groups.map(order), kind="stable", ignore_index=True)


def checklist() -> pd.DataFrame:
    """The safety checklist: one row per item (``id``, ``group``, ``text_nl``, ``text_en``, ``source``).

    Rows come grouped in :data:`GROUPS` order; a fresh copy each call.
    """
    return _table().copy()


def item_ids() -> tuple[str, ...]:
    """Ids of the checklist's items, in order."""
    return tuple(_table()["id"])


def check_checks(checks: Iterable[str]) -> tuple[str, ...]:
    """The checked items as the checklist orders them, each once.

    Raises
    ------
    TextError
        ``safety.unknown_item`` for an id that is not on the checklist.
    """
    return ordered_checks(checks, item_ids(), "safety.unknown_item")


def open_items(checks: Iterable[str]) -> pd.DataFrame:
    """The items not yet arranged: the checklist's rows whose id is not in ``checks``.

    Raises
    ------
    TextError
        ``safety.unknown_item`` for an id that is not on the checklist.
    """
    done = set(check_checks(checks))
    table = checklist()
    return table[~table["id"].isin(done)].reset_index(drop=True)


def check_owner(text: object) -> str:
    """Who owns the account (one line), as typed; refused when too long or holding control characters."""
    return check_text(text, MAX_OWNER, too_long="safety.too_long", control="safety.control")


def check_policy(text: object) -> str:
    """The account policy (several lines), as typed; refused when too long or holding control characters."""
    return check_text(text, MAX_POLICY, multiline=True, too_long="safety.too_long", control="safety.control")
