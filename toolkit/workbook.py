"""The team's workbook: one typed, versioned record of everything a team decides in the workshop.

A :class:`Workbook` is a tree of frozen dataclasses, one section per step of the journey. It
has a JSON form (:func:`to_json`, :func:`from_json`) with a format name and a schema version,
so a file from an older or a foreign program is recognised and refused with a clear message
instead of being half read. Reading is strict: every field must have its type, no field may
be unknown or missing, texts and lists have a maximum size. What a refused file holds is
never partly applied: :func:`from_json` returns a new workbook or raises.

Sections are plain data. The rules of each step (which formats a challenge can have, what a
checklist holds) live in the step's own module; the workbook only keeps the choices.
"""

from __future__ import annotations

import dataclasses
import json
import math
import secrets
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Literal, Union

from toolkit.i18n import TextError

#: The ``format`` field of a workbook file: a file without it was not written by StageTok.
FORMAT = "stagetok-workbook"
#: The schema version this code writes. Raise it when a field changes meaning or goes away,
#: and add a step to :data:`MIGRATIONS` that turns the previous version into this one.
VERSION = 1
#: Migrations: version -> function turning that version's ``workbook`` dict into the next one's.
MIGRATIONS: dict[int, typing.Callable[[dict], dict]] = {}

#: Longest text a workbook keeps in one field, in characters (a hostile 10,000-character text fits).
MAX_TEXT = 20_000
#: Most items in one list of a workbook.
MAX_ITEMS = 500
#: Largest workbook file read, in bytes.
MAX_BYTES = 5_000_000

#: Letters of a team code: no 0/O, 1/I/L, so a code read aloud or from a projector is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
#: Characters of a team code (two groups of four): 31**8, about 8.5e11 codes.
CODE_LENGTH = 8

Kind = Literal["touch", "tell", "sell"]
Posting = Literal["unknown", "none", "rarely", "monthly", "weekly", "daily"]


# --- sections --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Team:
    """Who the team is: its own name, its code, the company, sector and region."""

    name: str = ""
    code: str = ""
    company: str = ""
    sector: str = ""
    region: str = ""


@dataclass(frozen=True)
class Employer:
    """One employer in the early-mover scan, and how often it posts on TikTok."""

    name: str
    posting: Posting = "unknown"


@dataclass(frozen=True)
class Early:
    """Tip 1, be early: the account name the team claims and the employers it scanned."""

    handle: str = ""
    handle_claimed: bool = False
    employers: tuple[Employer, ...] = ()


@dataclass(frozen=True)
class Idea:
    """A post idea: its text, its place on the tone scale (0 stiff, 100 ridiculous), its role."""

    text: str
    tone: int = 50
    kind: Kind | None = None


@dataclass(frozen=True)
class Challenge:
    """Tip 3, content is king: the team's own challenge, two duet prompts, and whom it is for."""

    name: str = ""
    hashtag: str = ""
    format: str = ""
    sound: str = ""
    starter: str = ""
    duet_prompts: tuple[str, ...] = ()
    audience: str = ""


@dataclass(frozen=True)
class Post:
    """One line of the posting roster: who posts what kind of content, how often, in which weeks."""

    who: str
    role: Literal["employee", "intern"] = "employee"
    kind: Kind = "touch"
    topic: str = ""
    every_weeks: int = 1
    first_week: int = 1
    last_week: int = 6


@dataclass(frozen=True)
class Advocacy:
    """Tip 4, Touch, Tell, Sell: the posting roster (the ideas' kinds are kept with the ideas)."""

    start: str = ""
    roster: tuple[Post, ...] = ()


@dataclass(frozen=True)
class Brief:
    """A brief for a 30-second behind-the-scenes video."""

    subject: str = ""
    who: str = ""
    where: str = ""
    hook: str = ""
    ending: str = ""


@dataclass(frozen=True)
class Perfection:
    """Tip 5, perfection overboard: a draft video checked against the list, and a brief."""

    draft: str = ""
    checks: tuple[str, ...] = ()
    brief: Brief = field(default_factory=Brief)


@dataclass(frozen=True)
class Safety:
    """Safe and lawful: the checklist items the team has arranged, and its account policy."""

    checks: tuple[str, ...] = ()
    account_owner: str = ""
    policy: str = ""


@dataclass(frozen=True)
class TagCount:
    """A hashtag and the number of posts the team looked up for it."""

    tag: str
    posts: int


@dataclass(frozen=True)
class Hashtags:
    """The Hashtag Lab's inputs and the team's choice."""

    company: str = ""
    profession: str = ""
    challenge: str = ""
    own: tuple[str, ...] = ()
    posts: tuple[TagCount, ...] = ()
    chosen: tuple[str, ...] = ()
    follow_mix: bool = True
    caption_text: str = ""
    sweet_spot: int | None = None
    overused: int | None = None


@dataclass(frozen=True)
class Offer:
    """An internship the company offers, as the pipeline planner holds it."""

    internship: str
    education: str
    interns: int
    first_year: int
    last_year: int


@dataclass(frozen=True)
class Pipeline:
    """The pipeline planner's inputs; ``None`` means the planner's own default assumption."""

    region: str = ""
    offers: tuple[Offer, ...] = ()
    follows: float | None = None
    applies: float | None = None
    starts: float | None = None
    mbo4_k: float | None = None
    mbo4_gt: float | None = None
    bbl: float | None = None


@dataclass(frozen=True)
class Reach:
    """The reach explorer's scenario; ``None`` means the explorer's own default assumption."""

    source: str = ""
    posts_per_week: int | None = None
    weeks: int | None = None
    median: float | None = None
    sigma: float | None = None
    on_tiktok: float | None = None
    views_per_person: float | None = None
    in_netherlands: float | None = None
    in_group: float | None = None
    region: str = ""


@dataclass(frozen=True)
class Plan:
    """The action plan: the team's next actions, who owns the account, when the first post goes out."""

    actions: tuple[str, ...] = ()
    owner: str = ""
    first_post: str = ""


@dataclass(frozen=True)
class Workbook:
    """Everything a team decides, step by step. ``step`` is the step the team was last at."""

    team: Team = field(default_factory=Team)
    early: Early = field(default_factory=Early)
    ideas: tuple[Idea, ...] = ()
    challenge: Challenge = field(default_factory=Challenge)
    advocacy: Advocacy = field(default_factory=Advocacy)
    perfection: Perfection = field(default_factory=Perfection)
    safety: Safety = field(default_factory=Safety)
    hashtags: Hashtags = field(default_factory=Hashtags)
    pipeline: Pipeline = field(default_factory=Pipeline)
    reach: Reach = field(default_factory=Reach)
    plan: Plan = field(default_factory=Plan)
    step: str = ""
    language: Literal["nl", "en"] = "nl"


#: The sections a step can own: workbook field name -> its type.
SECTIONS = {f.name: f.type for f in dataclasses.fields(Workbook)}


class WorkbookError(TextError):
    """A workbook file that cannot be read; the message says why, in the participant's language."""


# --- team codes ------------------------------------------------------------------------------
def new_code() -> str:
    """A fresh team code such as ``K7QM-3XTA`` (random, from :data:`CODE_ALPHABET`)."""
    letters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{letters[:4]}-{letters[4:]}"


def normalise_code(text: str) -> str:
    """Read a team code as typed (any case, spaces or dashes) and return it as ``ABCD-EFGH``.

    Raises
    ------
    TextError
        ``team.bad_code`` when the text is not a team code.
    """
    letters = "".join(ch for ch in str(text).upper() if not (ch.isspace() or unicodedata.category(ch) == "Pd"))
    if len(letters) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in letters):
        raise TextError("team.bad_code")
    return f"{letters[:4]}-{letters[4:]}"


# --- JSON ------------------------------------------------------------------------------------
def to_dict(workbook: Workbook) -> dict:
    """The workbook as plain JSON data, in its file envelope (format, version, workbook)."""
    return {"format": FORMAT, "version": VERSION, "workbook": _encode(workbook)}


def to_json(workbook: Workbook) -> str:
    """The workbook as a JSON text (UTF-8 characters kept readable, keys in schema order).

    Raises
    ------
    WorkbookError
        ``workbook.bad_field`` when the workbook holds what :func:`from_json` would refuse
        (a number that is not finite, a text or list over the limits), or ``workbook.too_big``
        for a file over :data:`MAX_BYTES`: a file written here always reads back.
    """
    document = to_dict(workbook)
    _decode(Workbook, document["workbook"], "workbook")
    text = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise WorkbookError("workbook.too_big")
    return text


def from_json(data: str | bytes) -> Workbook:
    """Read a workbook file written by :func:`to_json` (this or an older version).

    Raises
    ------
    WorkbookError
        With a catalogue key that says what is wrong: not JSON, not a workbook, a newer
        version, or a field that does not fit. Nothing is half read.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        if len(data) > MAX_BYTES:
            raise WorkbookError("workbook.too_big")
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise WorkbookError("workbook.not_json") from None
    if len(data) > MAX_BYTES:
        raise WorkbookError("workbook.too_big")
    try:
        document = json.loads(data.removeprefix("\ufeff"))
    except (ValueError, RecursionError):
        raise WorkbookError("workbook.not_json") from None
    return from_dict(document)


def from_dict(document: object) -> Workbook:
    """Read a workbook from the JSON data :func:`to_dict` gives (see :func:`from_json`)."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise WorkbookError("workbook.foreign")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise WorkbookError("workbook.foreign")
    if version > VERSION:
        raise WorkbookError("workbook.newer", version=version, supported=VERSION)
    body = document.get("workbook")
    for old in range(version, VERSION):
        body = MIGRATIONS[old](body)
    return _decode(Workbook, body, "workbook")


def _encode(value: object) -> object:
    if dataclasses.is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


_HINTS: dict[type, dict[str, object]] = {}


def _hints(cls: type) -> dict[str, object]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _bad(path: str) -> WorkbookError:
    return WorkbookError("workbook.bad_field", field=path)


def _decode(kind: object, value: object, path: str) -> object:  # noqa: C901 - one branch per kind of type
    origin = typing.get_origin(kind)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise _bad(path)
        hints = _hints(kind)
        unknown = set(value) - set(hints)
        if unknown:
            raise _bad(f"{path}.{sorted(unknown)[0]}")
        missing = [f.name for f in dataclasses.fields(kind) if f.name not in value]
        if missing:
            raise _bad(f"{path}.{missing[0]}")
        return kind(**{name: _decode(hints[name], value[name], f"{path}.{name}") for name in hints})
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        if not isinstance(value, list) or len(value) > MAX_ITEMS:
            raise _bad(path)
        return tuple(_decode(item_kind, item, f"{path}[{index}]") for index, item in enumerate(value))
    if origin is Literal:
        if not any(type(value) is type(choice) and value == choice for choice in typing.get_args(kind)):
            raise _bad(path)
        return value
    if origin in (Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        (inner,) = [option for option in options if option is not type(None)]
        return _decode(inner, value, path)
    if kind is str:
        if not isinstance(value, str) or len(value) > MAX_TEXT or not _encodable(value):
            raise _bad(path)
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise _bad(path)
        return value
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 10**15:
            raise _bad(path)
        return value
    if kind is float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise _bad(path)
        try:
            number = float(value)
        except OverflowError:  # an integer beyond a float's range (JSON allows any number of digits)
            raise _bad(path) from None
        if not math.isfinite(number):
            raise _bad(path)
        return number
    raise TypeError(f"The workbook has a field of a type it cannot read: {kind!r}")  # pragma: no cover


def _encodable(text: str) -> bool:
    """False for a text with a lone surrogate, which no file or database can store as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
