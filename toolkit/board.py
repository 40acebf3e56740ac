"""The room's board: what every team sent, side by side, and the whole room as one file.

Pure logic, no widgets. A room entry is anything with ``code``, ``team``, ``workbook`` (a
:class:`toolkit.workbook.Workbook`) and ``sent_at`` (a datetime), as the store returns it.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import pandas as pd

from toolkit import advocacy, hashtags
from toolkit.i18n import format_int, format_percent, t
from toolkit.workbook import Workbook

#: Cells of a CSV export that a spreadsheet would run as a formula start with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Entry(Protocol):
    """What the board needs of a team's room entry."""

    code: str
    team: str
    workbook: Workbook
    sent_at: datetime


@dataclass(frozen=True)
class Card:
    """One team on the board: the fields the facilitator shows on the projector."""

    team: str
    company: str
    challenge: str
    hashtag: str
    caption: str
    balance: str
    interns: int
    reach: str
    sent_at: datetime


def team_name(book: Workbook) -> str:
    """The name a team goes by on the board: its own name, else its company, else ``""``."""
    return book.team.name or book.team.company


def hashtag_counts(entries: Sequence[Entry]) -> pd.DataFrame:
    """How many teams use each hashtag (the Hashtag Lab's choice and their challenge's tag).

    Returns
    -------
    pandas.DataFrame
        ``hashtag`` (as the first team wrote it) and ``teams``, most used first, then by name.
    """
    seen: dict[str, str] = {}
    counts: dict[str, int] = {}
    for entry in entries:
        tags = [*entry.workbook.hashtags.chosen, entry.workbook.challenge.hashtag]
        own = {hashtags.fold(tag): tag for tag in tags if tag and hashtags.is_valid(tag)}
        for key, tag in own.items():
            seen.setdefault(key, tag)
            counts[key] = counts.get(key, 0) + 1
    frame = pd.DataFrame({"hashtag": [seen[key] for key in counts], "teams": list(counts.values())},
                         columns=["hashtag", "teams"])
    return frame.sort_values(["teams", "hashtag"], ascending=[False, True], ignore_index=True)


def _balance(book: Workbook, lang: str) -> str:
    counts = advocacy.post_counts(book.advocacy.roster)
    total = sum(counts.values())
    if not total:
        return ""
    return ", ".join(f"{t(advocacy.KIND_KEYS[kind][0], lang=lang)} {format_percent(posts / total, lang=lang)}"
                     for kind, posts in counts.items())


def _reach(book: Workbook, lang: str) -> str:
    section = book.reach
    if section.posts_per_week is None or section.weeks is None:
        return ""
    return t("board.reach_scenario", lang=lang, posts=format_int(section.posts_per_week, lang),
             weeks=format_int(section.weeks, lang))


def card(entry: Entry, lang: str = "nl") -> Card:
    """The board's card of one team."""
    book = entry.workbook
    return Card(
        team=team_name(book) or entry.team, company=book.team.company, challenge=book.challenge.name,
        hashtag=book.challenge.hashtag, caption=hashtags.build_caption(book.hashtags.caption_text,
                                                                       list(book.hashtags.chosen)),
        balance=_balance(book, lang), interns=sum(offer.interns for offer in book.pipeline.offers),
        reach=_reach(book, lang), sent_at=entry.sent_at)


#: Columns of the room's CSV export: catalogue key of the header -> Card field.
COLUMNS = (("board.col_team", "team"), ("board.col_company", "company"), ("board.col_challenge", "challenge"),
           ("board.col_hashtag", "hashtag"), ("board.col_caption", "caption"), ("board.col_balance", "balance"),
           ("board.col_interns", "interns"), ("board.col_reach", "reach"), ("board.col_sent", "sent_at"))


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: a cell that would start a formula gets a quote first."""
    text = value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(entries: Sequence[Entry], lang: str = "nl") -> str:
    """The whole room as CSV: one row per team, headers in ``lang``, safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t(key, lang=lang) for key, _ in COLUMNS])
    for entry in entries:
        item = card(entry, lang)
        writer.writerow([_cell(getattr(item, name)) for _, name in COLUMNS])
    return out.getvalue()


def to_html(entries: Sequence[Entry], lang: str = "nl", today: datetime | None = None) -> str:
    """The whole room as one standalone HTML page: no script, nothing external, every text escaped."""
    def esc(value: object) -> str:
        return html.escape(str(value), quote=True)

    today = today or datetime.now()
    head = "".join(f"<th scope='col'>{esc(t(key, lang=lang))}</th>" for key, _ in COLUMNS)
    rows = []
    for entry in entries:
        item = card(entry, lang)
        cells = "".join(f"<td>{esc(_cell(getattr(item, name)) if name == 'sent_at' else getattr(item, name))}</td>"
                        for _, name in COLUMNS)
        rows.append(f"<tr>{cells}</tr>")
    counts = hashtag_counts(entries)
    tags = "".join(f"<li>{esc(row.hashtag)}: {esc(format_int(row.teams, lang))}</li>"
                   for row in counts.itertuples(index=False))
    title = t("board.export_title", lang=lang)
    meta = t("board.export_meta", lang=lang, teams=format_int(len(entries), lang),
             date=today.strftime("%Y-%m-%d %H:%M"))
    return (f"<!DOCTYPE html>\n<html lang='{esc(lang)}'><head><meta charset='utf-8'><title>{esc(title)}</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}"
            "table{border-collapse:collapse;width:100%;table-layout:fixed}"
            "th,td{border-bottom:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top;"
            "overflow-wrap:anywhere}@page{size:A4 landscape}</style></head><body>"
            f"<h1>{esc(title)}</h1><p>{esc(meta)}</p>"
            f"<h2>{esc(t('board.hashtags_heading', lang=lang))}</h2><ul>{tags}</ul>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></body></html>\n")
