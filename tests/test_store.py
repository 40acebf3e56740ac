"""Tests for toolkit.store: saving and loading workbooks, and every way the SQLite file can fail."""

import contextlib
import dataclasses
import math
import os
import shutil
import sqlite3
import stat
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.test_workbook import HOSTILE, WORKBOOKS
from toolkit import store as store_module
from toolkit.i18n import TextError
from toolkit.store import SCHEMA, Store, StoreError, data_folder
from toolkit.workbook import (
    VERSION,
    Brief,
    Challenge,
    Early,
    Employer,
    Idea,
    Perfection,
    Pipeline,
    Plan,
    Team,
    Workbook,
    WorkbookError,
    new_code,
    to_json,
)


def team_book(name: str = "Team Zuid", code: str | None = None, **sections) -> Workbook:
    return Workbook(team=Team(name=name, code=code or new_code(), company="Garage De Vries"), **sections)


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "workshop.sqlite3"


@pytest.fixture
def store(path):
    with Store(path) as opened:
        yield opened


def assert_store_error(error: StoreError, key: str) -> None:
    assert error.key == key
    assert error.text("nl") and error.text("en") and error.text("nl") != error.text("en")


# --- saving and loading --------------------------------------------------------------------------
def test_a_saved_workbook_loads_back(store):
    book = team_book(ideas=(Idea("Een dag meelopen", 70, "tell"),), step="irony")
    assert store.save(book) is None
    assert store.load(book.team.code) == book
    assert store.codes() == [book.team.code]


def test_an_unknown_code_loads_nothing(store):
    assert store.load(new_code()) is None
    assert store.codes() == []


def test_two_teams_are_kept_apart(store):
    north, south = team_book("Noord", ideas=(Idea("noord"),)), team_book("Zuid", ideas=(Idea("zuid"),))
    store.save(north)
    store.save(south)
    assert store.load(north.team.code) == north
    assert store.load(south.team.code) == south
    assert store.codes() == sorted([north.team.code, south.team.code])


def test_saving_again_replaces_the_teams_record(store, path):
    first = team_book(step="early")
    second = dataclasses.replace(first, step="plan", team=dataclasses.replace(first.team, name="Team Oost"))
    store.save(first)
    store.save(second)
    assert store.load(first.team.code) == second
    assert store.codes() == [first.team.code]
    with contextlib.closing(sqlite3.connect(path)) as other:
        rows = other.execute("SELECT code, version, team, data, updated FROM workbooks").fetchall()
    assert len(rows) == 1
    code, version, team, data, updated = rows[0]
    assert (code, version, team, data) == (first.team.code, VERSION, "Team Oost", to_json(second))
    assert updated.endswith("+00:00") and updated[:4].isdigit()


def test_a_code_is_kept_and_found_in_its_normal_form(store):
    book = team_book(code="k7qm 3xta")
    store.save(book)
    assert store.codes() == ["K7QM-3XTA"]
    assert store.load("K7QM-3XTA") == book  # the workbook as the team saved it
    assert store.load(" k7-qm-3x-ta ") == book


def test_a_new_store_on_the_same_file_reads_what_was_saved(path):
    # as after a kernel restart: the first store is gone, a new one opens the file
    books = [team_book(f"Team {i}", step="welcome") for i in range(3)]
    with Store(path) as first:
        for book in books:
            first.save(book)
    with Store(path) as second:
        assert sorted(second.codes()) == sorted(book.team.code for book in books)
        assert [second.load(book.team.code) for book in books] == books


def test_two_stores_open_at_once_see_each_others_saves(path):
    # two kernels of the same room
    with Store(path) as one, Store(path) as two:
        book = team_book()
        one.save(book)
        assert two.load(book.team.code) == book
        changed = dataclasses.replace(book, step="plan")
        two.save(changed)
        assert one.load(book.team.code) == changed


def test_a_store_opens_only_when_used_and_again_after_close(path):
    opened = Store(path)
    assert not path.exists()
    book = team_book()
    opened.save(book)
    assert path.exists()
    opened.close()
    opened.close()  # twice is harmless
    assert opened.load(book.team.code) == book
    opened.close()


def test_the_file_is_in_wal_mode_with_normal_sync(store, path):
    store.save(team_book())
    with contextlib.closing(sqlite3.connect(path)) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection = store._open()
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 2000


def test_a_save_is_one_transaction(store):
    store.save(team_book())  # the first use opens the file and creates the tables
    statements = []
    store._open().set_trace_callback(statements.append)
    store.save(team_book())
    store.save(team_book())
    words = [statement.split()[0].upper() for statement in statements]
    assert words == ["BEGIN", "INSERT", "COMMIT"] * 2


def test_hostile_texts_round_trip_through_the_store(store):
    for text in HOSTILE:
        book = team_book(
            name=text[:200],
            early=Early(handle=text, employers=(Employer(text),)),
            ideas=(Idea(text, 0, "sell"),),
            challenge=Challenge(name=text, duet_prompts=(text, text)),
            perfection=Perfection(draft=text, brief=Brief(hook=text)),
            plan=Plan(actions=(text,), owner=text),
            step=text,
        )
        store.save(book)
        assert store.load(book.team.code) == book
    assert len(store.codes()) == len(HOSTILE)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(book=WORKBOOKS)
def test_any_workbook_round_trips_through_the_store(store, book):
    book = dataclasses.replace(book, team=dataclasses.replace(book.team, code="K7QM-3XTA"))
    store.save(book)
    assert store.load("K7QM-3XTA") == book


# --- what is refused -----------------------------------------------------------------------------
def test_a_workbook_without_a_code_is_refused(store):
    with pytest.raises(ValueError, match="team code"):
        store.save(Workbook(team=Team(name="Zonder code")))
    assert store.codes() == []


@pytest.mark.parametrize("code", ["hello", "K7QM-3XT0", "", "<script>", "K7QM-3XTA-K7QM", "🎉🎉🎉🎉-🎉🎉🎉🎉"])
def test_a_code_that_is_not_a_code_is_refused(store, code):
    with pytest.raises(TextError) as info:
        store.load(code)
    assert info.value.key == "team.bad_code"
    if code:
        with pytest.raises(TextError) as info:
            store.save(Workbook(team=Team(code=code)))
        assert info.value.key == "team.bad_code"
    assert store.codes() == []


@pytest.mark.parametrize(
    "section",
    [{"pipeline": Pipeline(follows=math.nan)}, {"pipeline": Pipeline(applies=math.inf)}, {"step": "half \ud800"},
     {"plan": Plan(actions=("x",) * 501)}, {"ideas": (Idea("x", tone=10**16),)}],
    ids=["nan", "infinity", "lone surrogate", "too many items", "huge number"],
)
def test_a_workbook_that_would_not_read_back_is_refused_and_the_earlier_save_kept(store, section):
    book = team_book()
    store.save(book)
    with pytest.raises(StoreError) as info:
        store.save(dataclasses.replace(book, **section))
    assert_store_error(info.value, "store.unsavable")
    cause = info.value.__cause__
    assert isinstance(cause, WorkbookError) and cause.key == "workbook.bad_field"
    assert info.value.params == {"field": cause.params["field"]} and cause.params["field"].startswith("workbook.")
    assert cause.params["field"] in info.value.text("nl")
    assert store.load(book.team.code) == book


# --- the file and its schema ---------------------------------------------------------------------
def test_a_new_file_gets_the_tables_and_the_schema_version(store, path):
    store.codes()
    with contextlib.closing(sqlite3.connect(path)) as other:
        tables = {name for (name,) in other.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        schema = other.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        columns = [row[1] for row in other.execute("PRAGMA table_info(workbooks)")]
    assert {"meta", "workbooks"} <= tables
    assert schema == (str(SCHEMA),)
    assert columns == ["code", "version", "team", "data", "updated"]


def test_opening_again_keeps_the_data_and_migrates_nothing(path):
    book = team_book()
    with Store(path) as first:
        first.save(book)
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as other:
        statements = []
        other.set_trace_callback(statements.append)
        store_module._migrate(other)
    assert statements and all(statement.startswith("SELECT") for statement in statements)
    with Store(path) as second:
        assert second.load(book.team.code) == book


def test_a_migration_step_brings_an_older_file_up_to_date(path, monkeypatch):
    book = team_book()
    with Store(path) as old:
        old.save(book)
    monkeypatch.setattr(store_module, "SCHEMA", SCHEMA + 1)
    monkeypatch.setitem(store_module.MIGRATIONS, SCHEMA, ("ALTER TABLE workbooks ADD COLUMN note TEXT",))
    with Store(path) as new:
        assert new.load(book.team.code) == book
        new.save(team_book())
    with contextlib.closing(sqlite3.connect(path)) as other:
        assert other.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone() == (str(SCHEMA + 1),)
        assert "note" in [row[1] for row in other.execute("PRAGMA table_info(workbooks)")]


def test_a_file_from_a_newer_store_is_refused(path):
    book = team_book()
    with Store(path) as first:
        first.save(book)
    with contextlib.closing(sqlite3.connect(path)) as other:
        other.execute("UPDATE meta SET value = ? WHERE name = 'schema'", (str(SCHEMA + 1),))
        other.commit()
    with Store(path) as newer, pytest.raises(StoreError) as info:
        newer.load(book.team.code)
    assert_store_error(info.value, "store.newer")
    with contextlib.closing(sqlite3.connect(path)) as other:
        other.execute("UPDATE meta SET value = 'one' WHERE name = 'schema'")
        other.commit()
    with Store(path) as garbled, pytest.raises(StoreError) as info:
        garbled.codes()
    assert info.value.key == "store.corrupt"


def test_a_record_that_no_longer_reads_is_reported_with_its_code(store, path):
    damaged, newer, fine = team_book("Beschadigd"), team_book("Nieuwer"), team_book("Goed")
    for book in (damaged, newer, fine):
        store.save(book)
    with contextlib.closing(sqlite3.connect(path)) as other:
        other.execute("UPDATE workbooks SET data = '{\"format\": \"stagetok-workbook\"' WHERE code = ?",
                      (damaged.team.code,))
        other.execute("UPDATE workbooks SET data = replace(data, '\"version\": 1', '\"version\": 99') WHERE code = ?",
                      (newer.team.code,))
        other.commit()
    for book, cause in ((damaged, "workbook.not_json"), (newer, "workbook.newer")):
        with pytest.raises(StoreError) as info:
            store.load(book.team.code)
        assert_store_error(info.value, "store.bad_record")
        assert info.value.params == {"code": book.team.code}
        assert book.team.code in info.value.text("nl")
        assert isinstance(info.value.__cause__, WorkbookError) and info.value.__cause__.key == cause
    assert store.load(fine.team.code) == fine  # one bad record does not spoil the others


# --- failures of the file ------------------------------------------------------------------------
def test_a_corrupt_file_gives_store_corrupt_and_leaves_the_workbook_and_the_file_alone(path):
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    book = team_book(ideas=(Idea("niet kwijtraken"),))
    before = dataclasses.replace(book)
    broken = Store(path)
    for call in (lambda: broken.save(book), lambda: broken.load(book.team.code), broken.codes):
        with pytest.raises(StoreError) as info:
            call()
        assert_store_error(info.value, "store.corrupt")
        assert isinstance(info.value.__cause__, sqlite3.DatabaseError)
    assert book == before and book.ideas[0].text == "niet kwijtraken"
    assert path.read_bytes() == garbage  # kept for the facilitator, never overwritten
    broken.close()


def test_a_file_damaged_after_opening_gives_store_corrupt(path):
    book = team_book()
    with Store(path) as first:
        first.save(book)
    size = path.stat().st_size
    path.write_bytes(b"\x00" * size)
    with Store(path) as second, pytest.raises(StoreError) as info:
        second.load(book.team.code)
    assert info.value.key == "store.corrupt"


def test_a_missing_folder_gives_store_unavailable_and_is_not_created(tmp_path):
    missing = tmp_path / "gone" / "workshop.sqlite3"
    with Store(missing) as nowhere:
        for call in (lambda: nowhere.save(team_book()), nowhere.codes):
            with pytest.raises(StoreError) as info:
                call()
            assert_store_error(info.value, "store.unavailable")
    assert not missing.parent.exists()


def test_a_folder_in_place_of_the_file_gives_store_unavailable(tmp_path):
    with Store(tmp_path) as folder, pytest.raises(StoreError) as info:
        folder.save(team_book())
    assert info.value.key == "store.unavailable"


@contextlib.contextmanager
def as_visitor():
    """Run the block as a user that file permissions apply to (root would ignore them)."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)  # nobody
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def open_folder():
    """A folder every user may enter (pytest's own tmp_path is closed to other users)."""
    folder = Path(tempfile.mkdtemp(prefix="stagetok-store-"))
    folder.chmod(0o777)
    yield folder
    folder.chmod(0o700)
    for item in folder.iterdir():
        item.chmod(stat.S_IRUSR | stat.S_IWUSR)
    shutil.rmtree(folder)


def test_a_read_only_file_loads_but_refuses_to_save(open_folder):
    path = open_folder / "workshop.sqlite3"
    book = team_book()
    with Store(path) as owner:
        owner.save(book)
    path.chmod(0o444)
    with as_visitor(), Store(path) as visitor:
        assert visitor.load(book.team.code) == book
        with pytest.raises(StoreError) as info:
            visitor.save(dataclasses.replace(book, step="plan"))
        assert_store_error(info.value, "store.read_only")
        assert visitor.load(book.team.code) == book


def test_a_read_only_folder_gives_store_unavailable(open_folder):
    open_folder.chmod(0o555)
    with as_visitor(), Store(open_folder / "workshop.sqlite3") as visitor, pytest.raises(StoreError) as info:
        visitor.save(team_book())
    assert_store_error(info.value, "store.unavailable")
    assert list(open_folder.iterdir()) == []


def test_a_locked_file_gives_store_locked_after_the_timeout(path):
    book = team_book()
    first = Store(path, timeout=0.2)
    first.save(book)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another kernel in the middle of a long write
        with Store(path, timeout=0.2) as fresh:
            for waiting in (first, fresh):  # a store opened before the lock, and one opened during it
                start = time.perf_counter()
                with pytest.raises(StoreError) as info:
                    waiting.save(dataclasses.replace(book, step="plan"))
                assert time.perf_counter() - start >= 0.15
                assert_store_error(info.value, "store.locked")
                assert waiting.load(book.team.code) == book  # reading goes on (WAL)
        holder.execute("ROLLBACK")
        first.save(dataclasses.replace(book, step="plan"))  # once free, saving works again
        assert first.load(book.team.code).step == "plan"
    finally:
        holder.close()
        first.close()


def test_a_full_disk_gives_store_full_and_keeps_the_earlier_save(store):
    book = team_book()
    store.save(book)
    connection = store._open()
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: as a full disk
    with pytest.raises(StoreError) as info:
        store.save(team_book(plan=Plan(actions=("x" * 15_000,) * 20)))
    assert_store_error(info.value, "store.full")
    assert store.load(book.team.code) == book
    assert store.codes() == [book.team.code]


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (sqlite3.OperationalError("database is locked"), "store.locked"),
        (sqlite3.OperationalError("database table is locked"), "store.locked"),
        (sqlite3.DatabaseError("file is not a database"), "store.corrupt"),
        (sqlite3.DatabaseError("database disk image is malformed"), "store.corrupt"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "store.read_only"),
        (sqlite3.OperationalError("unable to open database file"), "store.unavailable"),
        (sqlite3.OperationalError("database or disk is full"), "store.full"),
        (sqlite3.OperationalError("disk I/O error"), "store.failed"),
        (sqlite3.ProgrammingError("Cannot operate on a closed database."), "store.failed"),
        (PermissionError(13, "Permission denied"), "store.unavailable"),
    ],
)
def test_every_sqlite_error_has_its_message(error, key):
    assert_store_error(StoreError.from_sqlite(error), key)


def test_an_error_is_also_recognised_by_its_sqlite_name():
    error = sqlite3.OperationalError("something new")
    error.sqlite_errorname = "SQLITE_BUSY_SNAPSHOT"
    assert StoreError.from_sqlite(error).key == "store.locked"
    error.sqlite_errorname = "SQLITE_IOERR_WRITE"
    assert StoreError.from_sqlite(error).key == "store.unavailable"


def test_a_store_error_is_a_text_error_in_the_current_language():
    from toolkit import i18n

    error = StoreError("store.locked")
    assert isinstance(error, TextError) and isinstance(error, ValueError)
    assert str(error) == error.text("nl")
    i18n.set_language("en")
    assert str(StoreError("store.locked")) == error.text("en")


# --- threads -------------------------------------------------------------------------------------
def _run_in_threads(work, batches) -> list[BaseException]:
    errors, barrier = [], threading.Barrier(len(batches))

    def run(batch):
        barrier.wait()
        try:
            work(batch)
        except BaseException as error:  # collected: a thread's exception would be lost otherwise
            errors.append(error)

    threads = [threading.Thread(target=run, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_concurrent_saves_from_four_threads_lose_nothing(store):
    batches = [[team_book(f"Team {t}.{i}", step=str(i)) for i in range(25)] for t in range(4)]
    errors = _run_in_threads(lambda batch: [store.save(book) for book in batch], batches)
    assert errors == []
    books = [book for batch in batches for book in batch]
    assert store.codes() == sorted(book.team.code for book in books)
    assert all(store.load(book.team.code) == book for book in books)


def test_concurrent_saves_from_four_stores_lose_nothing(path):
    # four kernels of one room, each with its own connection, saving at the same moment
    with Store(path) as first:
        first.codes()  # the tables exist before the race, as in a running workshop
    batches = [[team_book(f"Team {t}.{i}") for i in range(20)] for t in range(4)]

    def work(batch):
        with Store(path) as own:
            for book in batch:
                own.save(book)

    assert _run_in_threads(work, batches) == []
    with Store(path) as check:
        assert len(check.codes()) == 80
        assert all(check.load(book.team.code) == book for batch in batches for book in batch)


def test_the_same_team_saved_from_four_threads_keeps_one_whole_workbook(store):
    code = new_code()
    versions = [[team_book(f"Versie {t}", code=code, ideas=tuple(Idea(f"{t}-{i}") for i in range(50)))] * 10
                for t in range(4)]
    assert _run_in_threads(lambda batch: [store.save(book) for book in batch], versions) == []
    assert store.load(code) in [batch[0] for batch in versions]
    assert store.codes() == [code]


# --- the data folder -----------------------------------------------------------------------------
def test_the_data_folder_comes_from_stagetok_data(tmp_path, monkeypatch):
    monkeypatch.setenv("STAGETOK_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    folder = data_folder()
    assert folder == tmp_path / "data" and folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_data_folder_follows_xdg_then_home(tmp_path, monkeypatch):
    monkeypatch.delenv("STAGETOK_DATA", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_folder() == tmp_path / "xdg" / "stagetok"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # the XDG specification says: ignore it
    assert data_folder() == tmp_path / "home" / ".local" / "share" / "stagetok"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert data_folder() == tmp_path / "home" / ".local" / "share" / "stagetok"
    assert (tmp_path / "home" / ".local" / "share" / "stagetok").is_dir()


def test_a_data_folder_that_cannot_be_made_gives_store_unavailable(tmp_path, monkeypatch):
    (tmp_path / "a file").write_text("x")
    monkeypatch.setenv("STAGETOK_DATA", str(tmp_path / "a file" / "data"))
    with pytest.raises(StoreError) as info:
        data_folder()
    assert_store_error(info.value, "store.unavailable")
    with Store() as default, pytest.raises(StoreError) as info:  # the default store says the same on use
        default.save(team_book())
    assert info.value.key == "store.unavailable"


def test_the_default_store_lives_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("STAGETOK_DATA", str(tmp_path / "data"))
    default = Store()
    assert not (tmp_path / "data").exists()  # nothing happens before the first use
    book = team_book()
    default.save(book)
    assert default.path == tmp_path / "data" / "workshop.sqlite3"
    assert (tmp_path / "data" / "workshop.sqlite3").is_file()
    default.close()
    with Store() as again:
        assert again.load(book.team.code) == book
