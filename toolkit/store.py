"""The workshop's store: every team's workbook, and the room's board, found again by the team's code.

One store serves the whole room: each kernel (one per participant's page, and the facilitator's
board) opens it through a :class:`Store`. It runs on one of two back ends that share one schema:

* **SQLite** (the default): one file in the workshop data folder, in WAL mode, so a team that
  reads never waits for a team that writes, and writes from different kernels queue for a
  moment (the busy timeout) instead of failing.
* **PostgreSQL**, when a database URL is configured (``$STAGETOK_DATABASE_URL``, or ``url=``):
  for a JupyterHub or several servers whose kernels run on different machines. It is reached
  through psycopg 3, with every value passed as a parameter (never written into the SQL).

Every write is one transaction: it replaces the team's record whole or not at all. Two tables
hold the team's own work (``workbooks``: :meth:`Store.save`, :meth:`Store.load`) and the room's
board (``room``: :meth:`Store.send`, :meth:`Store.entries`; ``room_step``: the facilitator's
"go to step N", :meth:`Store.push_step`, :meth:`Store.pushed_step`).

Every database failure becomes a :class:`StoreError` whose message tells the team what happened
and what to do; the workbook in memory (and so the page) is never touched by a failed write.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from toolkit.i18n import TextError
from toolkit.journey import STEP_IDS
from toolkit.workbook import VERSION, Workbook, WorkbookError, from_json, normalise_code, to_json

#: The schema version of the store's tables (not of the workbook, which has its own).
SCHEMA = 2
#: Migrations of the store's tables: schema version -> statements turning it into the next one.
#: Version 0 is a database without StageTok's tables (a new one): its step creates them. Version
#: 1 had the teams' workbooks only; its step adds the room's board. The statements are the same
#: on SQLite and PostgreSQL (TEXT and INTEGER columns, ISO 8601 times as text).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    0: (
        "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS workbooks (code TEXT PRIMARY KEY, version INTEGER, team TEXT, "
        "data TEXT NOT NULL, updated TEXT NOT NULL)",
    ),
    1: (
        "CREATE TABLE IF NOT EXISTS room (code TEXT PRIMARY KEY, version INTEGER NOT NULL, team TEXT NOT NULL, "
        "data TEXT NOT NULL, sent_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS room_step (id INTEGER PRIMARY KEY CHECK (id = 1), step TEXT NOT NULL, "
        "pushed_at TEXT NOT NULL)",
    ),
}
#: Seconds a write waits while another kernel is writing, before it gives up with ``store.locked``.
TIMEOUT = 2.0
#: The environment variable with the PostgreSQL URL (or libpq connection string) of the room's store.
DATABASE_URL = "STAGETOK_DATABASE_URL"

# Every statement is written with "?" for its parameters; the PostgreSQL back end turns each
# "?" into psycopg's "%s". None of them holds a literal "?" or "%".
_UPSERT = (
    "INSERT INTO workbooks (code, version, team, data, updated) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT(code) DO UPDATE SET version = excluded.version, team = excluded.team, "
    "data = excluded.data, updated = excluded.updated"
)
_SEND = (
    "INSERT INTO room (code, version, team, data, sent_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT(code) DO UPDATE SET version = excluded.version, team = excluded.team, "
    "data = excluded.data, sent_at = excluded.sent_at"
)
_PUSH = (
    "INSERT INTO room_step (id, step, pushed_at) VALUES (1, ?, ?) "
    "ON CONFLICT(id) DO UPDATE SET step = excluded.step, pushed_at = excluded.pushed_at"
)
_SET_SCHEMA = (
    "INSERT INTO meta (name, value) VALUES ('schema', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value"
)

# What SQLite says -> the catalogue key a team reads. The text is checked first (it is what the
# sqlite3 module has always given); the error's name (Python 3.11+) catches the rest.
_BY_TEXT = (
    ("database is locked", "store.locked"),
    ("database table is locked", "store.locked"),
    ("file is not a database", "store.corrupt"),
    ("database disk image is malformed", "store.corrupt"),
    ("attempt to write a readonly database", "store.read_only"),
    ("unable to open database file", "store.unavailable"),
    ("database or disk is full", "store.full"),
)
_BY_NAME = {
    "SQLITE_BUSY": "store.locked",
    "SQLITE_LOCKED": "store.locked",
    "SQLITE_NOTADB": "store.corrupt",
    "SQLITE_CORRUPT": "store.corrupt",
    "SQLITE_READONLY": "store.read_only",
    "SQLITE_CANTOPEN": "store.unavailable",
    "SQLITE_PERM": "store.unavailable",
    "SQLITE_IOERR": "store.unavailable",
    "SQLITE_FULL": "store.full",
}

# What PostgreSQL says (its SQLSTATE, then the class: the first two characters) -> the key.
_BY_STATE = {
    "55P03": "store.locked",  # lock_not_available: another kernel's write held the row past lock_timeout
    "40P01": "store.locked",  # deadlock_detected
    "40001": "store.locked",  # serialization_failure
    "57014": "store.locked",  # query_canceled (a statement timeout)
    "53300": "store.locked",  # too_many_connections: busy, try again
    "25006": "store.read_only",  # read_only_sql_transaction (a standby, or a read-only session)
    "42501": "store.read_only",  # insufficient_privilege: a role that may only read
    "53100": "store.full",  # disk_full
    "3D000": "store.unavailable",  # invalid_catalog_name: the database does not exist
    "3F000": "store.unavailable",  # invalid_schema_name
    "42P01": "store.unavailable",  # undefined_table: the tables were removed under the store
    "XX001": "store.corrupt",  # data_corrupted
    "XX002": "store.corrupt",  # index_corrupted
    "57P03": "store.unreachable",  # cannot_connect_now: starting up or shutting down
}
_BY_CLASS = {
    "08": "store.unreachable",  # connection exceptions
    "57": "store.unreachable",  # operator intervention: the server shut down or ended the session
    "28": "store.denied",  # invalid authorization
}
# libpq's own words when it cannot connect (no SQLSTATE then); the first that matches wins.
_BY_CONNECT_TEXT = (
    ("too many clients", "store.locked"),
    ("password authentication failed", "store.denied"),
    ("no pg_hba.conf entry", "store.denied"),
    ('role "', "store.denied"),  # role "x" does not exist
    ("does not exist", "store.unavailable"),  # database "x" does not exist
)


class StoreError(TextError):
    """The store cannot save or read; the message says what to do, in the participant's language."""

    @classmethod
    def from_sqlite(cls, error: BaseException) -> StoreError:
        """The store error for what SQLite (or the file system under it) reported.

        Parameters
        ----------
        error : BaseException
            A ``sqlite3.Error`` (or an ``OSError`` from creating the data folder).

        Returns
        -------
        StoreError
            ``store.locked``, ``store.corrupt``, ``store.read_only``, ``store.unavailable``,
            ``store.full``, or ``store.failed`` for anything else.
        """
        text = str(error).lower()
        for part, key in _BY_TEXT:
            if part in text:
                return cls(key)
        name = getattr(error, "sqlite_errorname", None) or ""
        key = _BY_NAME.get("_".join(name.split("_")[:2]))
        if key is None and isinstance(error, OSError):
            key = "store.unavailable"
        return cls(key or "store.failed")

    @classmethod
    def from_postgres(cls, error: BaseException, *, connecting: bool = False) -> StoreError:
        """The store error for what PostgreSQL (or psycopg, on the way to it) reported.

        Parameters
        ----------
        error : BaseException
            A ``psycopg.Error``; its ``sqlstate`` decides when it has one.
        connecting : bool
            True when the error came while opening the connection: one without a SQLSTATE
            (refused, no such host, timed out) then means the server cannot be reached.

        Returns
        -------
        StoreError
            ``store.locked``, ``store.read_only``, ``store.full``, ``store.unavailable``,
            ``store.corrupt``, ``store.unreachable``, ``store.denied``, or ``store.failed``.
        """
        import psycopg  # only ever called with psycopg's errors, so it is loaded already

        state = getattr(error, "sqlstate", None) or ""
        key = _BY_STATE.get(state) or _BY_CLASS.get(state[:2])
        lost = not state and isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError))
        if key is None and lost and connecting:
            text = str(error).lower()
            key = next((key for part, key in _BY_CONNECT_TEXT if part in text), "store.unreachable")
        if key is None and lost:
            key = "store.unreachable"  # the connection broke in the middle of a call
        return cls(key or "store.failed")


@dataclass(frozen=True)
class RoomEntry:
    """What one team sent to the room's board: its latest workbook, and when it was sent.

    Attributes
    ----------
    code : str
        The team's code (its entry's key; only the team knows it).
    team : str
        The team's name as it was when sent (the workbook's ``team.name``; may be empty).
    workbook : Workbook
        The workbook as sent.
    sent_at : datetime
        When it was sent (UTC, timezone-aware).
    """

    code: str
    team: str
    workbook: Workbook
    sent_at: datetime


def data_folder() -> Path:
    """The workshop's data folder, created (readable by its owner only) if it is missing.

    ``$STAGETOK_DATA`` when set; else ``$XDG_DATA_HOME/stagetok`` (when that is an absolute
    path, as the XDG specification asks); else ``~/.local/share/stagetok``.

    Raises
    ------
    StoreError
        ``store.unavailable`` when the folder cannot be created.
    """
    if os.environ.get("STAGETOK_DATA"):
        folder = Path(os.environ["STAGETOK_DATA"]).expanduser()
    elif os.environ.get("XDG_DATA_HOME") and Path(os.environ["XDG_DATA_HOME"]).is_absolute():
        folder = Path(os.environ["XDG_DATA_HOME"]) / "stagetok"
    else:
        folder = Path.home() / ".local" / "share" / "stagetok"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError.from_sqlite(error) from error
    return folder


class Store:
    """The workbooks of every team of a workshop, and the room's board, in one database.

    Parameters
    ----------
    path : Path, optional
        The SQLite database file; default ``data_folder() / "workshop.sqlite3"``. Its folder
        must exist (the default one is created). A path always means SQLite.
    url : str, optional
        A PostgreSQL URL (``postgresql://user:password@host:port/database``) or libpq connection
        string; default ``$STAGETOK_DATABASE_URL`` when no path is given. Needs psycopg 3.
    timeout : float
        Seconds to wait for another connection's write (``store.locked`` after that).

    Notes
    -----
    Nothing is opened until the first use; the first use creates the tables, or brings older
    ones up to :data:`SCHEMA`. A store is meant for the kernel's main thread, but it may be used
    from other threads: one lock keeps its connection to one call at a time. It opens again on
    use after :meth:`close`, and is a context manager that closes it at the end of a ``with``
    block.
    """

    def __init__(self, path: Path | str | None = None, *, url: str | None = None, timeout: float = TIMEOUT) -> None:
        if path is not None and url:
            raise ValueError("A store is either a SQLite file (path) or a PostgreSQL database (url), not both.")
        if path is None and url is None:
            url = os.environ.get(DATABASE_URL) or None
        self._path = None if path is None else Path(path)
        self._url = url or None
        self._dialect: _Dialect = _POSTGRES if self._url else _SQLITE
        self._timeout = float(timeout)
        self._lock = threading.Lock()
        self._connection: Any = None
        # code -> (data, sent_at, entry) of the board's last read (entries are frozen, so shared safely)
        self._board: dict[str, tuple[object, object, RoomEntry]] = {}

    def __repr__(self) -> str:
        if self._url:
            return f"Store(url={_safe_url(self._url)!r})"
        return f"Store({str(self._path) if self._path else 'default'!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def backend(self) -> Literal["sqlite", "postgresql"]:
        """Which database the store runs on."""
        return self._dialect.name

    @property
    def path(self) -> Path | None:
        """The SQLite file (the default one is found, and its folder created, on first use); None on PostgreSQL."""
        if self._url:
            return None
        if self._path is None:
            self._path = data_folder() / Path("workshop").with_suffix(".sqlite3")
        return self._path

    # --- the team's own workbook ------------------------------------------------------------
    def save(self, workbook: Workbook) -> None:
        """Save a team's workbook under its team code, replacing what was saved before.

        Raises
        ------
        ValueError
            When the workbook has no team code (a ``TextError`` ``team.bad_code`` when the
            code is not a team code).
        StoreError
            When the store cannot save, or ``store.unsavable`` (with ``field``) when the
            workbook would not read back (a text with a lone surrogate, a number that is not
            finite, a list or text over the limits; the ``WorkbookError`` is its cause). The
            team's earlier save is kept.
        """
        code, data = _record(workbook)
        self._write(_UPSERT, (code, VERSION, _label(workbook.team.name), data, _now()))

    def load(self, code: str) -> Workbook | None:
        """The workbook saved under a team code (typed in any case, with spaces or dashes), or None.

        Raises
        ------
        TextError
            ``team.bad_code`` when the text is not a team code.
        StoreError
            When the store cannot be read, or ``store.bad_record`` when the saved workbook no
            longer reads (damaged, or written by a newer StageTok).
        """
        code = normalise_code(code)
        rows = self._read("SELECT data FROM workbooks WHERE code = ?", (code,))
        if not rows:
            return None
        data = rows[0][0]
        if not isinstance(data, (str, bytes)):
            raise StoreError("store.bad_record", code=code)
        try:
            return from_json(data)
        except WorkbookError as error:
            raise StoreError("store.bad_record", code=code) from error

    def codes(self) -> list[str]:
        """The team codes with a saved workbook, in alphabetical order."""
        return [code for (code,) in self._read("SELECT code FROM workbooks ORDER BY code")]

    # --- the room's board -------------------------------------------------------------------
    def send(self, workbook: Workbook) -> None:
        """Send a team's current workbook to the room's board, replacing the team's earlier entry.

        Only the entry under the workbook's own team code changes (one transaction); every other
        team's entry stays as it was.

        Raises
        ------
        ValueError, TextError, StoreError
            As :meth:`save`: no team code, a code that is not one, a workbook that would not read
            back (``store.unsavable``), or a store that cannot write. The board keeps the team's
            earlier entry, and the workbook object is not touched.
        """
        code, data = _record(workbook)
        self._write(_SEND, (code, VERSION, _label(workbook.team.name), data, _now()))

    def entries(self, problems: list[tuple[str, dict]] | None = None) -> list[RoomEntry]:
        """Every team's latest entry on the board, by team name (without regard to case or accents), then code.

        Parameters
        ----------
        problems : list, optional
            When given, an entry that no longer reads (damaged, or sent by a newer StageTok) is
            added to it as ``("store.bad_record", {"code": code})``. Such an entry is left out
            of the board either way, so one bad entry never hides the others.

        Raises
        ------
        StoreError
            When the store cannot be read (the board then keeps what it showed before).
        """
        rows = self._read("SELECT code, data, sent_at FROM room ORDER BY code")
        found, known = [], {}
        for code, data, sent_at in rows:
            # an entry read before, unchanged, is not parsed again (the board reads every few seconds)
            cached = self._board.get(code)
            entry = cached[2] if cached is not None and cached[:2] == (data, sent_at) else None
            if entry is None:
                book, when = _workbook(data), _moment(sent_at)
                if book is None or when is None:
                    if problems is not None:
                        problems.append(("store.bad_record", {"code": code}))
                    continue
                entry = RoomEntry(code=code, team=book.team.name, workbook=book, sent_at=when)
            known[code] = (data, sent_at, entry)
            found.append(entry)
        self._board = known
        return sorted(found, key=lambda entry: (_sort_key(entry.team), entry.code))

    def push_step(self, step_id: str) -> None:
        """Ask every team to go to a step of the journey (the facilitator's "go to step N").

        Raises
        ------
        ValueError
            When ``step_id`` is not one of :data:`toolkit.journey.STEP_IDS`.
        StoreError
            When the store cannot write.
        """
        if step_id not in STEP_IDS:
            raise ValueError(f"Unknown step {step_id!r}; expected one of {', '.join(STEP_IDS)}.")
        self._write(_PUSH, (step_id, _now()))

    def pushed_step(self) -> tuple[str, datetime] | None:
        """The step the facilitator last asked every team to go to, and when; None before the first push."""
        rows = self._read("SELECT step, pushed_at FROM room_step WHERE id = 1")
        if not rows:
            return None
        step_id, when = rows[0][0], _moment(rows[0][1])
        if step_id not in STEP_IDS or when is None:
            return None  # a step a newer StageTok knows, or a damaged row: nothing to follow
        return step_id, when

    def clear_room(self) -> None:
        """Empty the room's board for a new workshop: every entry and the pushed step go, in one transaction.

        The teams' own workbooks (:meth:`save`) stay: a team can open its work by its code and
        send it again.

        Raises
        ------
        StoreError
            When the store cannot write (the board then stays as it was).
        """
        self._write_all(("DELETE FROM room", ()), ("DELETE FROM room_step", ()))

    # --- opening and closing ----------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (a later call opens it again)."""
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        """Forget the connection, closing it quietly (lock held)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()

    def _open(self) -> Any:
        """The connection, opened and its tables brought to :data:`SCHEMA` on first use (lock held)."""
        if self._connection is not None:
            return self._connection
        connection = self._dialect.connect(self)
        try:
            _migrate(connection, self._dialect)
        except BaseException:
            with contextlib.suppress(Exception):
                connection.close()
            raise
        self._connection = connection
        return connection

    def _write(self, statement: str, params: Sequence[object]) -> None:
        """Run one statement in its own write transaction."""
        self._write_all((statement, params))

    def _write_all(self, *statements: tuple[str, Sequence[object]]) -> None:
        """Run statements, each with its parameters, in one write transaction: all of them or none."""
        dialect = self._dialect

        def work(connection: Any) -> None:
            with dialect.transaction(connection):
                for statement, params in statements:
                    dialect.execute(connection, statement, params)

        self._call(work)

    def _read(self, statement: str, params: Sequence[object] = ()) -> list[tuple]:
        """The rows one query gives."""
        dialect = self._dialect
        return self._call(lambda connection: list(dialect.execute(connection, statement, params).fetchall()))

    def _call(self, work: Callable[[Any], Any]) -> Any:
        """Run ``work`` on the connection, once more on a new connection if the old one was broken.

        Every write is an upsert of whole values, so running it again after a connection broke
        (maybe after its commit) gives the same result.
        """
        for attempt in (1, 2):
            with self._lock:
                try:
                    return work(self._open())
                except StoreError:
                    raise
                except Exception as error:
                    if not isinstance(error, self._dialect.errors()):
                        raise
                    broken = self._dialect.broken(self._connection)
                    if broken:
                        self._drop()
                    if broken and attempt == 1:
                        continue
                    raise self._dialect.store_error(error) from error
        raise AssertionError("unreachable")  # pragma: no cover


# --- the two back ends ----------------------------------------------------------------------
class _Dialect:
    """What differs between SQLite and PostgreSQL; the SQL and the schema do not."""

    name: Literal["sqlite", "postgresql"]

    def connect(self, store: Store) -> Any:
        raise NotImplementedError

    def errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def store_error(self, error: BaseException) -> StoreError:
        raise NotImplementedError

    def broken(self, connection: Any) -> bool:
        """Whether the connection can no longer be used (and a new one should be opened)."""
        return False

    def execute(self, connection: Any, statement: str, params: Sequence[object] = ()) -> Any:
        raise NotImplementedError

    def transaction(self, connection: Any) -> contextlib.AbstractContextManager:
        raise NotImplementedError

    def has_meta(self, connection: Any) -> bool:
        raise NotImplementedError

    def lock_schema(self, connection: Any) -> None:
        """Keep other kernels from migrating at the same time (inside the migration's transaction)."""


class _SQLiteDialect(_Dialect):
    name = "sqlite"

    def connect(self, store: Store) -> sqlite3.Connection:
        try:
            # isolation_level=None: no hidden transactions; every write says BEGIN and COMMIT itself.
            connection = sqlite3.connect(store.path, timeout=store._timeout, isolation_level=None,
                                         check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError.from_sqlite(error) from error
        try:
            connection.execute("PRAGMA journal_mode=WAL").fetchone()
            # With WAL, NORMAL syncs at checkpoints only: a power cut may lose the last saves,
            # never the file. A save then takes well under a millisecond instead of a disk flush.
            connection.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error as error:
            connection.close()
            raise StoreError.from_sqlite(error) from error
        return connection

    def errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.Error,)

    def store_error(self, error: BaseException) -> StoreError:
        return StoreError.from_sqlite(error)

    def execute(self, connection: sqlite3.Connection, statement: str, params: Sequence[object] = ()) -> Any:
        return connection.execute(statement, tuple(params))

    def transaction(self, connection: sqlite3.Connection) -> contextlib.AbstractContextManager:
        return _transaction(connection)

    def has_meta(self, connection: sqlite3.Connection) -> bool:
        found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        return found is not None


class _PostgresDialect(_Dialect):
    name = "postgresql"
    #: The advisory lock that one migrating kernel holds (any number; StageTok's own).
    MIGRATION_LOCK = 0x53544B01

    def __init__(self) -> None:
        self._statements: dict[str, str] = {}

    def connect(self, store: Store) -> Any:
        import psycopg

        try:
            connection = psycopg.connect(
                store._url, autocommit=True, connect_timeout=max(2, math.ceil(store._timeout)),
                application_name="stagetok",
            )
        except psycopg.Error as error:
            raise StoreError.from_postgres(error, connecting=True) from error
        try:
            # A write waits this long for a row another kernel is writing, then gives up (55P03).
            connection.execute("SELECT set_config('lock_timeout', %s, false)",
                               (f"{max(1, round(store._timeout * 1000))}ms",))
        except psycopg.Error as error:
            connection.close()
            raise StoreError.from_postgres(error) from error
        return connection

    def errors(self) -> tuple[type[BaseException], ...]:
        import psycopg

        return (psycopg.Error,)

    def store_error(self, error: BaseException) -> StoreError:
        return StoreError.from_postgres(error)

    def broken(self, connection: Any) -> bool:
        return connection is not None and bool(connection.closed or connection.broken)

    def execute(self, connection: Any, statement: str, params: Sequence[object] = ()) -> Any:
        translated = self._statements.get(statement)
        if translated is None:
            translated = self._statements[statement] = statement.replace("?", "%s")
        return connection.execute(translated, tuple(params))

    def transaction(self, connection: Any) -> contextlib.AbstractContextManager:
        return connection.transaction()

    def has_meta(self, connection: Any) -> bool:
        return connection.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]

    def lock_schema(self, connection: Any) -> None:
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (self.MIGRATION_LOCK,))


_SQLITE = _SQLiteDialect()
_POSTGRES = _PostgresDialect()


def _schema(connection: Any, dialect: _Dialect = _SQLITE) -> int:
    """The schema version of the open database: 0 for one without StageTok's tables."""
    if not dialect.has_meta(connection):
        return 0
    row = dialect.execute(connection, "SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise StoreError("store.corrupt") from None


def _migrate(connection: Any, dialect: _Dialect = _SQLITE) -> None:
    """Bring the database's tables to :data:`SCHEMA`, in one transaction; refuse a newer one."""
    if _schema(connection, dialect) == SCHEMA:
        return
    with dialect.transaction(connection):
        dialect.lock_schema(connection)
        # Read again inside the transaction: another kernel may have migrated meanwhile.
        found = _schema(connection, dialect)
        if found > SCHEMA:
            raise StoreError("store.newer")
        for version in range(found, SCHEMA):
            for statement in MIGRATIONS[version]:
                dialect.execute(connection, statement)
        dialect.execute(connection, _SET_SCHEMA, (str(SCHEMA),))


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One SQLite write transaction: BEGIN IMMEDIATE takes the write lock first, so it waits, never deadlocks."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise
    try:
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise


# --- records --------------------------------------------------------------------------------
def _record(workbook: Workbook) -> tuple[str, str]:
    """The team's code and the workbook's JSON, checked to read back before anything is written."""
    if not workbook.team.code:
        raise ValueError("A workbook without a team code cannot be saved; give its Team a code first.")
    code = normalise_code(workbook.team.code)
    # Never replace a team's readable record with one that will not read back: to_json refuses
    # what from_json would refuse.
    try:
        data = to_json(workbook)
    except WorkbookError as error:
        raise StoreError("store.unsavable", field=error.params.get("field", "workbook")) from error
    return code, data


def _label(name: str) -> str:
    """A team's name for the ``team`` column, which people read in the database's own tools.

    The workbook's JSON keeps the name exactly; this copy has no NUL characters, which
    PostgreSQL's text columns refuse (U+FFFD stands in for each, on both back ends alike).
    """
    return name.replace("\x00", "\ufffd")


def _sort_key(name: str) -> str:
    """A team's name as the board orders it: without regard to case or accents ("Älmhult" with the a's)."""
    return "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char)).casefold()


def _workbook(data: object) -> Workbook | None:
    """The workbook a stored record holds, or None when it no longer reads."""
    if not isinstance(data, (str, bytes)):
        return None
    try:
        return from_json(data)
    except WorkbookError:
        return None


def _now() -> str:
    """The present moment in UTC as ISO 8601 text with milliseconds: it sorts as the moments do."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _moment(text: object) -> datetime | None:
    """A stored moment read back (UTC), or None when it is not one."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _safe_url(url: str) -> str:
    """A database URL to show: without its password, user name or options."""
    if "://" not in url:
        return "postgresql (connection string)"
    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"
