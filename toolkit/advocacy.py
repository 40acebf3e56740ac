"""Tip 4, Touch, Tell, Sell: sorting content ideas and planning who posts what, week by week.

Pure logic, no widgets. Recruitment content is Touch (how people feel about the company: its
culture, its people, the fun), Tell (what the internship or vacancy is) or Sell (the moment
someone applies). The article this workshop follows advises putting the weight on Touch, made
by the company's own employees and interns; :func:`balance_advice` says whether a roster does.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from toolkit.i18n import TextError
from toolkit.text import check_text as text_rule
from toolkit.workbook import Idea, Post

#: The three kinds of recruitment content, in the order of a candidate's journey.
KINDS = ("touch", "tell", "sell")
#: Catalogue keys of the kinds' names and of a one-line explanation of each.
KIND_KEYS = {
    "touch": ("advocacy.kind_touch", "advocacy.kind_touch_hint"),
    "tell": ("advocacy.kind_tell", "advocacy.kind_tell_hint"),
    "sell": ("advocacy.kind_sell", "advocacy.kind_sell_hint"),
}
#: Who posts: an employee or an intern.
ROLES = ("employee", "intern")
#: Catalogue keys of the roles' names.
ROLE_KEYS = {"employee": "advocacy.role_employee", "intern": "advocacy.role_intern"}

#: Most lines a roster holds.
MAX_LINES = 30
#: Weeks a roster plans ahead: week 1 to this week.
MAX_WEEKS = 12
#: Longest name of the person who posts, in characters.
MAX_PERSON = 60
#: Longest topic of a roster line, in characters.
MAX_TOPIC = 150
#: Longest idea added in this step, in characters.
MAX_IDEA = 300
#: Most ideas this step lets a team reach by adding (ideas from the irony step count too).
MAX_IDEAS = 50
#: Tone of an idea added here (the middle of the irony step's scale, 0 stiff to 100 ridiculous).
DEFAULT_TONE = 50
#: Columns of :func:`calendar` and :func:`balance`.
CALENDAR_COLUMNS = ("week", "date", "who", "role", "kind", "topic")
BALANCE_COLUMNS = ("kind", "posts", "share")

_DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                 "oktober", "november", "december")
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
_WORDS = re.compile(r"(?:[a-z]+\s+)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", re.ASCII)


def check_text(text: object, limit: int, *, required: bool = False, empty: str = "advocacy.empty") -> str:
    """One line of participant text, stripped; refused when too long, empty (if required) or odd.

    Parameters
    ----------
    text : object
        What was typed.
    limit : int
        Most characters, after stripping.
    required : bool
        Refuse an empty text, with the catalogue key ``empty``.
    empty : str
        Catalogue key of the refusal of an empty text.

    Raises
    ------
    TextError
        ``advocacy.too_long`` (with ``max``), ``advocacy.control`` (control characters, line
        breaks or a lone surrogate) or ``empty``.
    """
    return text_rule(text, limit, too_long="advocacy.too_long", control="advocacy.control", required=required,
                     empty=empty)


def check_person(text: object) -> str:
    """Who posts, as typed ("Sanne", "Ahmed uit de werkplaats"): required, at most :data:`MAX_PERSON`."""
    return check_text(text, MAX_PERSON, required=True, empty="advocacy.person_empty")


def check_topic(text: object) -> str:
    """What a roster line posts about (may be empty): at most :data:`MAX_TOPIC` characters."""
    return check_text(text, MAX_TOPIC)


def check_idea(text: object) -> str:
    """The text of an idea added in this step: required, at most :data:`MAX_IDEA` characters."""
    return check_text(text, MAX_IDEA, required=True, empty="advocacy.idea_empty")


def check_kind(value: object, *, optional: bool = False) -> str | None:
    """A kind of :data:`KINDS`; with ``optional`` also None (an idea not sorted yet).

    Raises
    ------
    TextError
        ``advocacy.bad_kind`` for anything else.
    """
    if optional and value is None:
        return None
    if isinstance(value, str) and value in KINDS:
        return value
    raise TextError("advocacy.bad_kind")


def _week(value: object, key: str) -> int:
    """A week number from 1 to :data:`MAX_WEEKS` (an int, or digits as text), else ``key``."""
    if isinstance(value, bool):
        raise TextError(key, max=MAX_WEEKS)
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdigit() and len(value) <= 3):
            raise TextError(key, max=MAX_WEEKS)
        value = int(value)
    if not isinstance(value, int) or not 1 <= value <= MAX_WEEKS:
        raise TextError(key, max=MAX_WEEKS)
    return value


def make_post(who: object, role: object = "employee", kind: object = "touch", topic: object = "",
              every_weeks: object = 1, first_week: object = 1, last_week: object = 6) -> Post:
    """A roster line from what the team filled in, checked.

    Parameters
    ----------
    who : str
        Who posts (:func:`check_person`).
    role : {"employee", "intern"}
    kind : {"touch", "tell", "sell"}
    topic : str
        What about (:func:`check_topic`).
    every_weeks : int
        Posts once every so many weeks, 1 to :data:`MAX_WEEKS`.
    first_week, last_week : int
        The weeks of the first and the last post, 1 to :data:`MAX_WEEKS`, first not after last.

    Returns
    -------
    toolkit.workbook.Post

    Raises
    ------
    TextError
        The first problem found: ``advocacy.person_empty``, ``advocacy.too_long``,
        ``advocacy.control``, ``advocacy.bad_role``, ``advocacy.bad_kind``,
        ``advocacy.bad_every``, ``advocacy.bad_week`` or ``advocacy.weeks_order``.
    """
    person = check_person(who)
    if not (isinstance(role, str) and role in ROLES):
        raise TextError("advocacy.bad_role")
    kind = check_kind(kind)
    subject = check_topic(topic)
    every = _week(every_weeks, "advocacy.bad_every")
    first = _week(first_week, "advocacy.bad_week")
    last = _week(last_week, "advocacy.bad_week")
    if first > last:
        raise TextError("advocacy.weeks_order")
    return Post(who=person, role=role, kind=kind, topic=subject, every_weeks=every, first_week=first, last_week=last)


def post_weeks(post: Post) -> list[int]:
    """The weeks in which a roster line posts: its first week, then every ``every_weeks`` up to its last.

    Weeks outside 1 to :data:`MAX_WEEKS` are not planned, whatever a line holds.
    """
    every = max(int(post.every_weeks), 1)
    return list(range(max(int(post.first_week), 1), min(int(post.last_week), MAX_WEEKS) + 1, every))


def parse_start(text: object) -> _dt.date:
    """The Monday of week 1, from a date as a Dutch team types it.

    Accepts ``7-12-2026``, ``07/12/2026``, ``7.12.26``, ISO ``2026-12-07``, and the month in
    words, Dutch or English (``7 december 2026``, ``ma 7 dec 2026``). A date that is not a
    Monday gives the Monday of its week (weeks start on Monday in the Netherlands).

    Raises
    ------
    TextError
        ``advocacy.date_empty`` for an empty text, ``advocacy.bad_date`` (with ``value``) for
        anything that is not a date from 2000 to 2099.
    """
    raw = unicodedata.normalize("NFKC", str(text)).strip().casefold()
    if not raw:
        raise TextError("advocacy.date_empty")
    shown = str(text).strip()[:30]
    day = month = year = None
    if match := _ISO.fullmatch(raw):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_MONTH_YEAR.fullmatch(raw):
        day, month, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
    elif match := _WORDS.fullmatch(raw):
        day, name, year = int(match.group(1)), match.group(2), int(match.group(3))
        month = _month(name)
    if day is None or month is None or not 2000 <= year <= 2099:
        raise TextError("advocacy.bad_date", value=shown)
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        raise TextError("advocacy.bad_date", value=shown) from None
    return date - _dt.timedelta(days=date.weekday())


def _month(name: str) -> int | None:
    """The month a Dutch or English name (or its first three letters, "mrt" too) stands for."""
    for months in (_DUTCH_MONTHS, _ENGLISH_MONTHS):
        for number, month in enumerate(months, start=1):
            if name == month or (len(name) >= 3 and month.startswith(name)):
                return number
    return 3 if name == "mrt" else None


def week_start(start: _dt.date | None, week: int) -> _dt.date | None:
    """The Monday of ``week`` (1 is the first) when week 1 starts on ``start``; None without a start."""
    if start is None:
        return None
    return start + _dt.timedelta(weeks=int(week) - 1)


def _start_date(start: _dt.date | str | None) -> _dt.date | None:
    if start in (None, ""):
        return None
    if isinstance(start, _dt.date):
        return start
    return _dt.date.fromisoformat(str(start))


def calendar(roster: Iterable[Post], start: _dt.date | str | None = None) -> pd.DataFrame:
    """The roster as single posts: one row per post, in week order.

    Parameters
    ----------
    roster : iterable of toolkit.workbook.Post
    start : datetime.date or str, optional
        The Monday of week 1 (a date or its ISO text); without it the ``date`` column holds None.

    Returns
    -------
    pandas.DataFrame
        Columns ``week``, ``date`` (the Monday of the week, or None), ``who``, ``role``, ``kind``
        and ``topic``; rows sorted by week, then in roster order.
    """
    first_day = _start_date(start)
    rows = [(week, week_start(first_day, week), post.who, post.role, post.kind, post.topic)
            for post in roster for week in post_weeks(post)]
    frame = pd.DataFrame(rows, columns=list(CALENDAR_COLUMNS))
    frame = frame.astype({"week": "int64", "date": object, "who": str, "role": str, "kind": str, "topic": str})
    return frame.sort_values("week", kind="stable", ignore_index=True)


def period(roster: Iterable[Post]) -> int:
    """The roster's last week (0 for an empty roster)."""
    return max((int(post.last_week) for post in roster), default=0)


def post_counts(roster: Iterable[Post]) -> dict[str, int]:
    """Posts per kind over the roster's weeks, in the order of :data:`KINDS` (a line of another kind is not counted).

    Counted from the weeks each line posts in, without building the calendar: the room's board
    asks this of every team at each refresh.
    """
    counts = dict.fromkeys(KINDS, 0)
    for post in roster:
        if post.kind in counts:
            counts[post.kind] += len(post_weeks(post))
    return counts


def balance(roster: Iterable[Post]) -> pd.DataFrame:
    """Posts per kind over the roster's weeks, and each kind's share of all posts.

    Returns
    -------
    pandas.DataFrame
        One row per kind of :data:`KINDS`, in that order: ``kind``, ``posts`` (int) and
        ``share`` (0 to 1; 0 for every kind when there are no posts).
    """
    counts = post_counts(roster)
    posts = [counts[kind] for kind in KINDS]
    total = sum(posts)
    shares = [count / total if total else 0.0 for count in posts]
    return pd.DataFrame({"kind": list(KINDS), "posts": posts, "share": shares}).astype(
        {"kind": str, "posts": "int64", "share": "float64"})


def balance_advice(table: pd.DataFrame) -> tuple[str, dict]:
    """What the balance says, in the spirit of the article's advice: a catalogue key and its parameters.

    Parameters
    ----------
    table : pandas.DataFrame
        As :func:`balance` returns.

    Returns
    -------
    tuple of (str, dict)
        ``advocacy.advice_empty`` (no posts planned), ``advocacy.advice_touch`` (Touch has the
        most posts), or, when it has not, ``advocacy.advice_tell`` or ``advocacy.advice_sell``
        (the kind with the most posts; Tell when they tie) or ``advocacy.advice_tie`` (Touch
        ties for the most).
    """
    posts = {kind: int(count) for kind, count in zip(table["kind"], table["posts"], strict=True)}
    touch, tell, sell = (posts.get(kind, 0) for kind in KINDS)
    if touch + tell + sell == 0:
        return "advocacy.advice_empty", {}
    if touch > max(tell, sell):
        return "advocacy.advice_touch", {}
    if touch == max(tell, sell):
        return "advocacy.advice_tie", {}
    if tell >= sell:
        return "advocacy.advice_tell", {}
    return "advocacy.advice_sell", {}


def ideas_by_kind(ideas: Iterable[Idea]) -> dict[str | None, int]:
    """How many ideas are sorted into each kind, and how many are not sorted yet (key None)."""
    counts: dict[str | None, int] = {kind: 0 for kind in KINDS}
    counts[None] = 0
    for idea in ideas:
        counts[idea.kind if idea.kind in KINDS else None] += 1
    return counts
