"""The workshop's store: every team's workbook in one SQLite file, found again by the team's code.

One file serves the whole room: each kernel (one per participant's page) opens it through a
:class:`Store`. The file is in WAL mode, so a team that reads never waits for a team that
saves, and saves from different kernels queue for a moment (the busy timeout) instead of
failing. A save is one transaction: it replaces the team's record whole or not at all.

Every SQLite failure becomes a :class:`StoreError` whose message tells the team what happened
and what to do; the workbook in memory (and so the page) is never touched by a failed save.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from toolkit.i18n import TextError
from toolkit.workbook import VERSION, Workbook, WorkbookError, from_json, normalise_code, to_json

#: The schema version of the store's tables (not of the workbook, which has its own).
SCHEMA = 1
#: Migrations of the store's tables: schema version -> statements turning it into the next one.
#: Version 0 is a file without StageTok's tables (a new file): its step creates them.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    0: (
        "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS workbooks (code TEXT PRIMARY KEY, version INTEGER, team TEXT, "
        "data TEXT NOT NULL, updated TEXT NOT NULL)",
    ),
}
#: Seconds a save waits while another kernel is saving, before it gives up with ``store.locked``.
TIMEOUT = 2.0

_UPSERT = (
    "INSERT INTO workbooks (code, version, team, data, updated) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT(code) DO UPDATE SET version = excluded.version, team = excluded.team, "
    "data = excluded.data, updated = excluded.updated"
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
    """The workbooks of every team of a workshop, in one SQLite file.

    Parameters
    ----------
    path : Path, optional
        The database file; default ``data_folder() / "workshop.sqlite3"``. Its folder must
        exist (the default one is created). Nothing is opened until the first use.
    timeout : float
        Seconds to wait for another connection's save (``store.locked`` after that).

    Notes
    -----
    A store is meant for the kernel's main thread, but it may be used from other threads:
    one lock keeps its connection to one call at a time. It opens again on use after
    :meth:`close`, and is a context manager that closes it at the end of a ``with`` block.
    """

    def __init__(self, path: Path | str | None = None, *, timeout: float = TIMEOUT) -> None:
        self._path = None if path is None else Path(path)
        self._timeout = float(timeout)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def __repr__(self) -> str:
        return f"Store({str(self._path) if self._path else 'default'!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        """The database file (the default one is found, and its folder created, on first use)."""
        if self._path is None:
            self._path = data_folder() / Path("workshop").with_suffix(".sqlite3")
        return self._path

    # --- the public calls -------------------------------------------------------------------
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
        if not workbook.team.code:
            raise ValueError("A workbook without a team code cannot be saved; give its Team a code first.")
        code = normalise_code(workbook.team.code)
        # Never replace a team's readable record with one that will not read back.
        try:
            data = to_json(workbook)
            from_json(data)
        except WorkbookError as error:
            raise StoreError("store.unsavable", field=error.params.get("field", "workbook")) from error
        updated = datetime.now(UTC).isoformat(timespec="milliseconds")
        with self._lock, _mapped():
            connection = self._open()
            with _transaction(connection):
                connection.execute(_UPSERT, (code, VERSION, workbook.team.name, data, updated))

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
        with self._lock, _mapped():
            row = self._open().execute("SELECT data FROM workbooks WHERE code = ?", (code,)).fetchone()
        if row is None:
            return None
        data = row[0]
        if not isinstance(data, (str, bytes)):
            raise StoreError("store.bad_record", code=code)
        try:
            return from_json(data)
        except WorkbookError as error:
            raise StoreError("store.bad_record", code=code) from error

    def codes(self) -> list[str]:
        """The team codes with a saved workbook, in alphabetical order."""
        with self._lock, _mapped():
            rows = self._open().execute("SELECT code FROM workbooks ORDER BY code").fetchall()
        return [code for (code,) in rows]

    def close(self) -> None:
        """Close the connection (a later call opens it again)."""
        with self._lock:
            connection, self._connection = self._connection, None
            if connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    connection.close()

    # --- opening and migrating --------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        """The connection, opened and its tables brought to :data:`SCHEMA` on first use (lock held)."""
        if self._connection is not None:
            return self._connection
        # isolation_level=None: no hidden transactions; every save says BEGIN and COMMIT itself.
        connection = sqlite3.connect(
            self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False
        )
        try:
            connection.execute("PRAGMA journal_mode=WAL").fetchone()
            # With WAL, NORMAL syncs at checkpoints only: a power cut may lose the last saves,
            # never the file. A save then takes well under a millisecond instead of a disk flush.
            connection.execute("PRAGMA synchronous=NORMAL")
            _migrate(connection)
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        return connection


def _schema(connection: sqlite3.Connection) -> int:
    """The schema version of the open file: 0 for a file without StageTok's tables."""
    found = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if found is None:
        return 0
    row = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise StoreError("store.corrupt") from None


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring the file's tables to :data:`SCHEMA`, in one transaction; refuse a newer file."""
    if _schema(connection) == SCHEMA:
        return
    with _transaction(connection):
        # Read again inside the transaction: another kernel may have migrated the file meanwhile.
        found = _schema(connection)
        if found > SCHEMA:
            raise StoreError("store.newer")
        for version in range(found, SCHEMA):
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
        connection.execute(
            "INSERT INTO meta (name, value) VALUES ('schema', ?) "
            "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            (str(SCHEMA),),
        )


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: BEGIN IMMEDIATE takes the write lock first, so it waits, never deadlocks."""
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


@contextlib.contextmanager
def _mapped() -> Iterator[None]:
    """Turn a SQLite error into a :class:`StoreError` a team can read."""
    try:
        yield
    except sqlite3.Error as error:
        raise StoreError.from_sqlite(error) from error
