"""Tests for toolkit.store on both back ends: a SQLite file, and a real PostgreSQL server the run starts itself.

The tests that do not depend on the back end run on both (the ``target`` fixture); those about
SQLite's file (WAL, a damaged file, file permissions) or PostgreSQL's server (a server that is
gone, a broken connection) run on theirs. "Nothing lost" starts real processes (spawn), as the
room's kernels are.
"""

import contextlib
import copy
import dataclasses
import math
import multiprocessing
import os
import random
import re
import shutil
import sqlite3
import stat
import string
import subprocess
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from psycopg import pq
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from tests import store_workers
from tests.browser.localhost import free_port
from tests.postgres_server import PostgresServer
from tests.test_workbook import HOSTILE, WORKBOOKS
from toolkit import store as store_module
from toolkit.i18n import TextError
from toolkit.journey import STEP_IDS
from toolkit.store import SCHEMA, RoomEntry, Store, StoreError, data_folder
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

BACKENDS = ("sqlite", "postgresql")


def team_book(name: str = "Team Zuid", code: str | None = None, **sections) -> Workbook:
    return Workbook(team=Team(name=name, code=code or new_code(), company="Garage De Vries"), **sections)


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path) -> dict:
    """Where a store keeps its tables: ``Store(**target)`` on a new SQLite file, or on a new PostgreSQL schema."""
    if request.param == "sqlite":
        return {"path": tmp_path / "workshop.sqlite3"}
    return {"url": request.getfixturevalue("postgres_url")}


@pytest.fixture
def store(target):
    with Store(**target) as opened:
        yield opened


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "workshop.sqlite3"


@pytest.fixture
def sqlite_store(path):
    with Store(path) as opened:
        yield opened


def raw(target: dict, statement: str, params: tuple = ()) -> list[tuple]:
    """Run SQL on the store's database with its own driver, past the store (as a facilitator or a damage would)."""
    if "path" in target:
        with contextlib.closing(sqlite3.connect(target["path"])) as other:
            rows = other.execute(statement, params).fetchall()
            other.commit()
        return rows
    with psycopg.connect(target["url"], autocommit=True) as other:
        cursor = other.execute(statement.replace("?", "%s"), params)
        return cursor.fetchall() if cursor.description else []


def tables(target: dict) -> set[str]:
    if "path" in target:
        return {name for (name,) in raw(target, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {name for (name,) in raw(target, "SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = current_schema()")}


def columns(target: dict, table: str) -> list[str]:
    if "path" in target:
        return [row[1] for row in raw(target, f"PRAGMA table_info({table})")]
    return [name for (name,) in raw(target, "SELECT column_name FROM information_schema.columns "
                                            "WHERE table_schema = current_schema() AND table_name = ? "
                                            "ORDER BY ordinal_position", (table,))]


def with_options(url: str, *settings: str) -> str:
    """The connection string with more server settings for the session (``-c name=value``)."""
    options = conninfo_to_dict(url).get("options") or ""
    return make_conninfo(url, options=" ".join([options, *(f"-c {setting}" for setting in settings)]).strip())


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


def test_saving_again_replaces_the_teams_record(store, target):
    first = team_book(step="early")
    second = dataclasses.replace(first, step="plan", team=dataclasses.replace(first.team, name="Team Oost"))
    store.save(first)
    store.save(second)
    assert store.load(first.team.code) == second
    assert store.codes() == [first.team.code]
    rows = raw(target, "SELECT code, version, team, data, updated FROM workbooks")
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


def test_a_new_store_on_the_same_database_reads_what_was_saved(target):
    # as after a kernel restart: the first store is gone, a new one opens the database
    books = [team_book(f"Team {i}", step="welcome") for i in range(3)]
    with Store(**target) as first:
        for book in books:
            first.save(book)
    with Store(**target) as second:
        assert sorted(second.codes()) == sorted(book.team.code for book in books)
        assert [second.load(book.team.code) for book in books] == books


def test_two_stores_open_at_once_see_each_others_saves(target):
    # two kernels of the same room
    with Store(**target) as one, Store(**target) as two:
        book = team_book()
        one.save(book)
        assert two.load(book.team.code) == book
        changed = dataclasses.replace(book, step="plan")
        two.save(changed)
        assert one.load(book.team.code) == changed


def test_a_store_opens_only_when_used_and_again_after_close(target):
    opened = Store(**target)
    assert opened._connection is None
    assert "path" not in target or not target["path"].exists()
    book = team_book()
    opened.save(book)
    assert opened._connection is not None
    assert "path" not in target or target["path"].exists()
    opened.close()
    opened.close()  # twice is harmless
    assert opened._connection is None
    assert opened.load(book.team.code) == book
    opened.close()


def test_the_file_is_in_wal_mode_with_normal_sync(sqlite_store, path):
    sqlite_store.save(team_book())
    with contextlib.closing(sqlite3.connect(path)) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection = sqlite_store._open()
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == 2000


def test_a_write_is_one_transaction_on_sqlite(sqlite_store):
    sqlite_store.save(team_book())  # the first use opens the file and creates the tables
    statements = []
    sqlite_store._open().set_trace_callback(statements.append)
    sqlite_store.save(team_book())
    sqlite_store.send(team_book())
    sqlite_store.push_step(STEP_IDS[1])
    words = [statement.split()[0].upper() for statement in statements]
    assert words == ["BEGIN", "INSERT", "COMMIT"] * 3


def test_a_write_is_one_transaction_on_postgresql(postgres_url, tmp_path):
    with Store(url=postgres_url) as store:
        store.save(team_book())  # the first use connects and creates the tables
        connection = store._open()
        with open(tmp_path / "trace", "w") as trace:
            connection.pgconn.trace(trace.fileno())
            connection.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
            store.save(team_book())
            store.send(team_book())
            store.push_step(STEP_IDS[1])
            connection.pgconn.untrace()
    # what the client sent: BEGIN and COMMIT as simple queries, each statement parsed with $1.. parameters
    texts = []
    for line in (tmp_path / "trace").read_text().splitlines():
        fields = line.split("\t", 3)
        if fields[0] == "F" and fields[2] in ("Query", "Parse"):
            quoted = re.findall(r'"((?:[^"]|"")*)"', fields[3])
            texts.append(quoted[0] if fields[2] == "Query" else quoted[1])
    words = [text.split()[0].upper() for text in texts]
    assert words == ["BEGIN", "INSERT", "COMMIT"] * 3
    assert all("$1" in text for text in texts if text.startswith("INSERT"))
    assert not any("Team Zuid" in text for text in texts)  # values travel as parameters, never in the SQL


def test_hostile_texts_round_trip_through_the_store(store, target):
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
        store.send(book)
    assert len(store.codes()) == len(HOSTILE)
    sent = {entry.code: entry for entry in store.entries()}
    assert len(sent) == len(HOSTILE)
    assert all(store.load(code) == entry.workbook and entry.team == entry.workbook.team.name
               for code, entry in sent.items())
    # the team column (for the database's own tools) has the name without NUL, which PostgreSQL refuses
    labels = dict(raw(target, "SELECT code, team FROM room"))
    assert all(labels[code] == entry.team.replace("\x00", "\ufffd") for code, entry in sent.items())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(book=WORKBOOKS)
def test_any_workbook_round_trips_through_the_store(store, book):
    book = dataclasses.replace(book, team=dataclasses.replace(book.team, code="K7QM-3XTA"))
    store.save(book)
    assert store.load("K7QM-3XTA") == book
    store.send(book)
    assert [entry.workbook for entry in store.entries()] == [book]


# --- what is refused -----------------------------------------------------------------------------
def test_a_workbook_without_a_code_is_refused(store):
    for call in (store.save, store.send):
        with pytest.raises(ValueError, match="team code"):
            call(Workbook(team=Team(name="Zonder code")))
    assert store.codes() == [] and store.entries() == []


@pytest.mark.parametrize("code", ["hello", "K7QM-3XT0", "", "<script>", "K7QM-3XTA-K7QM", "🎉🎉🎉🎉-🎉🎉🎉🎉"])
def test_a_code_that_is_not_a_code_is_refused(store, code):
    with pytest.raises(TextError) as info:
        store.load(code)
    assert info.value.key == "team.bad_code"
    if code:
        for call in (store.save, store.send):
            with pytest.raises(TextError) as info:
                call(Workbook(team=Team(code=code)))
            assert info.value.key == "team.bad_code"
    assert store.codes() == [] and store.entries() == []


@pytest.mark.parametrize(
    "section",
    [{"pipeline": Pipeline(follows=math.nan)}, {"pipeline": Pipeline(applies=math.inf)}, {"step": "half \ud800"},
     {"plan": Plan(actions=("x",) * 501)}, {"ideas": (Idea("x", tone=10**16),)}],
    ids=["nan", "infinity", "lone surrogate", "too many items", "huge number"],
)
def test_a_workbook_that_would_not_read_back_is_refused_and_the_earlier_save_kept(store, section):
    book = team_book()
    store.save(book)
    store.send(book)
    for call in (store.save, store.send):
        with pytest.raises(StoreError) as info:
            call(dataclasses.replace(book, **section))
        assert_store_error(info.value, "store.unsavable")
        cause = info.value.__cause__
        assert isinstance(cause, WorkbookError) and cause.key == "workbook.bad_field"
        assert info.value.params == {"field": cause.params["field"]} and cause.params["field"].startswith("workbook.")
        assert cause.params["field"] in info.value.text("nl")
    assert store.load(book.team.code) == book
    assert [entry.workbook for entry in store.entries()] == [book]


def test_a_store_is_a_file_or_a_database_not_both(path):
    with pytest.raises(ValueError, match="not both"):
        Store(path, url="postgresql://localhost/stagetok")


# --- the room's board ----------------------------------------------------------------------------
def test_the_board_is_empty_until_a_team_sends(store):
    assert store.entries() == []
    assert store.pushed_step() is None


def test_a_sent_workbook_shows_on_the_board(store):
    book = team_book("Team Noord", ideas=(Idea("Een dag meelopen"),), step="irony")
    before = datetime.now(UTC) - timedelta(seconds=1)
    assert store.send(book) is None
    (entry,) = store.entries()
    assert isinstance(entry, RoomEntry)
    assert (entry.code, entry.team, entry.workbook) == (book.team.code, "Team Noord", book)
    assert entry.sent_at.tzinfo is not None and before <= entry.sent_at <= datetime.now(UTC) + timedelta(seconds=1)
    assert store.codes() == []  # the board is not the team's own saved work, nor the other way round
    store.save(book)
    assert len(store.entries()) == 1


def test_sending_again_replaces_only_the_teams_own_entry(store):
    north, south = team_book("Noord"), team_book("Zuid")
    store.send(north)
    store.send(south)
    south_entry = next(entry for entry in store.entries() if entry.code == south.team.code)
    changed = dataclasses.replace(north, step="plan", team=dataclasses.replace(north.team, name="Noord-Oost"),
                                  ideas=(Idea("nieuw"),))
    time.sleep(0.01)
    store.send(changed)
    entries = {entry.code: entry for entry in store.entries()}
    assert len(entries) == 2
    assert entries[north.team.code].workbook == changed and entries[north.team.code].team == "Noord-Oost"
    assert entries[south.team.code] == south_entry  # untouched, its moment too
    assert entries[north.team.code].sent_at > south_entry.sent_at


def test_the_board_parses_only_the_entries_that_changed_since_its_last_read(target):
    north, south = team_book("Noord"), team_book("Zuid")
    with Store(**target) as board, Store(**target) as team:
        team.send(north)
        team.send(south)
        first = {entry.code: entry for entry in board.entries()}
        again = {entry.code: entry for entry in board.entries()}
        assert all(again[code] is first[code] for code in first)  # the same objects: nothing parsed again
        changed = dataclasses.replace(north, step="plan")
        team.send(changed)
        third = {entry.code: entry for entry in board.entries()}
        assert third[north.team.code].workbook == changed and third[south.team.code] is first[south.team.code]


def test_the_board_is_in_order_of_team_name_then_code(store):
    names = ["zuid", "Noord", "", "noord", "Älmhult", "Oost", "Ede"]
    for name in names:
        store.send(team_book(name))
    entries = store.entries()
    assert [entry.team.casefold() for entry in entries] == ["", "älmhult", "ede", "noord", "noord", "oost", "zuid"]
    noords = [entry.code for entry in entries if entry.team.casefold() == "noord"]
    assert noords == sorted(noords)  # the same name: by code, so the board's order never jumps


def test_an_entry_that_no_longer_reads_is_left_off_the_board_and_reported(store, target):
    damaged, fine = team_book("Beschadigd"), team_book("Goed")
    store.send(damaged)
    store.send(fine)
    raw(target, "UPDATE room SET data = '{\"format\": \"stagetok-workbook\"' WHERE code = ?", (damaged.team.code,))
    problems = []
    assert [entry.workbook for entry in store.entries(problems)] == [fine]
    assert problems == [("store.bad_record", {"code": damaged.team.code})]
    raw(target, "UPDATE room SET sent_at = 'gisteren' WHERE code = ?", (fine.team.code,))
    assert store.entries() == []
    store.send(fine)  # sending again mends the team's own entry
    assert [entry.workbook for entry in store.entries()] == [fine]


def test_the_facilitator_pushes_a_step_to_every_team(target):
    with Store(**target) as board, Store(**target) as team:
        before = datetime.now(UTC) - timedelta(seconds=1)
        board.push_step(STEP_IDS[2])
        step_id, when = team.pushed_step()
        assert step_id == STEP_IDS[2] and before <= when <= datetime.now(UTC) + timedelta(seconds=1)
        time.sleep(0.01)
        board.push_step(STEP_IDS[4])
        assert team.pushed_step()[0] == STEP_IDS[4] and team.pushed_step()[1] > when
        assert raw(target, "SELECT count(*) FROM room_step") == [(1,)]


@pytest.mark.parametrize("step_id", ["", "stap 3", "<script>", "3", None])
def test_an_unknown_step_is_not_pushed(store, step_id):
    store.push_step(STEP_IDS[0])
    with pytest.raises(ValueError, match="Unknown step"):
        store.push_step(step_id)
    assert store.pushed_step()[0] == STEP_IDS[0]


def test_a_pushed_step_this_version_does_not_know_is_ignored(store, target):
    store.push_step(STEP_IDS[0])
    raw(target, "UPDATE room_step SET step = 'step-from-a-newer-version'")
    assert store.pushed_step() is None


def test_clearing_the_room_empties_the_board_and_keeps_the_teams_own_work(target):
    north, south = team_book("Noord"), team_book("Zuid")
    with Store(**target) as board, Store(**target) as team:
        team.save(north)
        team.send(north)
        team.send(south)
        board.push_step(STEP_IDS[3])
        assert len(board.entries()) == 2
        board.clear_room()
        assert board.entries() == [] and team.entries() == [] and team.pushed_step() is None
        assert team.load(north.team.code) == north  # the team's own work stays, to send again
        team.send(north)
        assert [entry.workbook for entry in board.entries()] == [north]
        board.clear_room()
        board.clear_room()  # an empty room clears without complaint
        assert board.entries() == []


def test_a_room_that_cannot_be_cleared_stays_whole(target):
    north = team_book("Noord")
    with Store(**target) as team:
        team.send(north)
        team.push_step(STEP_IDS[1])
    # the second statement fails (its table is gone), so the first must not have happened either
    raw(target, "DROP TABLE room_step")
    with Store(**target) as board, pytest.raises(StoreError):
        board.clear_room()
    assert raw(target, "SELECT code FROM room") == [(north.team.code,)]


# --- the schema and its migrations ---------------------------------------------------------------
def test_a_new_database_gets_the_tables_and_the_schema_version(store, target):
    store.codes()
    assert {"meta", "workbooks", "room", "room_step"} <= tables(target)
    assert raw(target, "SELECT value FROM meta WHERE name = 'schema'") == [(str(SCHEMA),)]
    assert SCHEMA == 2
    assert columns(target, "workbooks") == ["code", "version", "team", "data", "updated"]
    assert columns(target, "room") == ["code", "version", "team", "data", "sent_at"]
    assert columns(target, "room_step") == ["id", "step", "pushed_at"]


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


def test_a_version_1_database_is_migrated_to_version_2_with_the_teams_work_kept(target):
    # a database as the store of schema version 1 left it: meta and workbooks, no room yet
    book = team_book("Team van gisteren", ideas=(Idea("bewaard"),))
    for statement in store_module.MIGRATIONS[0]:
        raw(target, statement)
    raw(target, "INSERT INTO meta (name, value) VALUES ('schema', '1')")
    raw(target, "INSERT INTO workbooks (code, version, team, data, updated) VALUES (?, ?, ?, ?, ?)",
        (book.team.code, VERSION, book.team.name, to_json(book), "2026-05-01T09:00:00.000+00:00"))
    assert tables(target) == {"meta", "workbooks"}
    with Store(**target) as store:
        assert store.load(book.team.code) == book
        assert store.entries() == [] and store.pushed_step() is None
        store.send(book)
        store.push_step(STEP_IDS[1])
        assert [entry.workbook for entry in store.entries()] == [book]
    assert {"meta", "workbooks", "room", "room_step"} <= tables(target)
    assert raw(target, "SELECT value FROM meta WHERE name = 'schema'") == [("2",)]
    assert raw(target, "SELECT updated FROM workbooks") == [("2026-05-01T09:00:00.000+00:00",)]


def test_many_kernels_opening_an_old_database_at_once_migrate_it_once(target):
    for statement in store_module.MIGRATIONS[0]:
        raw(target, statement)
    raw(target, "INSERT INTO meta (name, value) VALUES ('schema', '1')")
    stores = [Store(**target) for _ in range(6)]
    try:
        assert _run_in_threads(lambda own: own.entries(), stores) == []
    finally:
        for opened in stores:
            opened.close()
    assert raw(target, "SELECT value FROM meta WHERE name = 'schema'") == [("2",)]


def test_a_migration_step_brings_an_older_database_up_to_date(target, monkeypatch):
    book = team_book()
    with Store(**target) as old:
        old.save(book)
    monkeypatch.setattr(store_module, "SCHEMA", SCHEMA + 1)
    monkeypatch.setitem(store_module.MIGRATIONS, SCHEMA, ("ALTER TABLE workbooks ADD COLUMN note TEXT",))
    with Store(**target) as new:
        assert new.load(book.team.code) == book
        new.save(team_book())
    assert raw(target, "SELECT value FROM meta WHERE name = 'schema'") == [(str(SCHEMA + 1),)]
    assert "note" in columns(target, "workbooks")


def test_a_migration_that_fails_changes_nothing(target, monkeypatch):
    for statement in store_module.MIGRATIONS[0]:
        raw(target, statement)
    raw(target, "INSERT INTO meta (name, value) VALUES ('schema', '1')")
    monkeypatch.setitem(store_module.MIGRATIONS, 1, (*store_module.MIGRATIONS[1], "CREATE TABLE room (x TEXT)"))
    with Store(**target) as store, pytest.raises(StoreError) as info:
        store.codes()
    assert info.value.key == "store.failed"
    assert tables(target) == {"meta", "workbooks"}  # the room's tables came and went in one transaction
    assert raw(target, "SELECT value FROM meta WHERE name = 'schema'") == [("1",)]


def test_a_database_from_a_newer_store_is_refused(target):
    book = team_book()
    with Store(**target) as first:
        first.save(book)
    raw(target, "UPDATE meta SET value = ? WHERE name = 'schema'", (str(SCHEMA + 1),))
    with Store(**target) as newer, pytest.raises(StoreError) as info:
        newer.load(book.team.code)
    assert_store_error(info.value, "store.newer")
    raw(target, "UPDATE meta SET value = 'one' WHERE name = 'schema'")
    with Store(**target) as garbled, pytest.raises(StoreError) as info:
        garbled.codes()
    assert info.value.key == "store.corrupt"


def test_a_record_that_no_longer_reads_is_reported_with_its_code(store, target):
    damaged, newer, fine = team_book("Beschadigd"), team_book("Nieuwer"), team_book("Goed")
    for book in (damaged, newer, fine):
        store.save(book)
    raw(target, "UPDATE workbooks SET data = '{\"format\": \"stagetok-workbook\"' WHERE code = ?", (damaged.team.code,))
    raw(target, "UPDATE workbooks SET data = replace(data, '\"version\": 1', '\"version\": 99') WHERE code = ?",
        (newer.team.code,))
    for book, cause in ((damaged, "workbook.not_json"), (newer, "workbook.newer")):
        with pytest.raises(StoreError) as info:
            store.load(book.team.code)
        assert_store_error(info.value, "store.bad_record")
        assert info.value.params == {"code": book.team.code}
        assert book.team.code in info.value.text("nl")
        assert isinstance(info.value.__cause__, WorkbookError) and info.value.__cause__.key == cause
    assert store.load(fine.team.code) == fine  # one bad record does not spoil the others


# --- failures of the SQLite file -----------------------------------------------------------------
def test_a_corrupt_file_gives_store_corrupt_and_leaves_the_workbook_and_the_file_alone(path):
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    book = team_book(ideas=(Idea("niet kwijtraken"),))
    before = dataclasses.replace(book)
    broken = Store(path)
    for call in (lambda: broken.save(book), lambda: broken.load(book.team.code), broken.codes,
                 lambda: broken.send(book), broken.entries):
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
    book = team_book()
    before = copy.deepcopy(book)
    with Store(missing) as nowhere:
        for call in (lambda: nowhere.save(book), nowhere.codes, lambda: nowhere.send(book), nowhere.entries):
            with pytest.raises(StoreError) as info:
                call()
            assert_store_error(info.value, "store.unavailable")
    assert not missing.parent.exists()
    assert book == before


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
        owner.send(book)
    path.chmod(0o444)
    changed = dataclasses.replace(book, step="plan")
    before = copy.deepcopy(changed)
    with as_visitor(), Store(path) as visitor:
        assert visitor.load(book.team.code) == book
        for call in (visitor.save, visitor.send):
            with pytest.raises(StoreError) as info:
                call(changed)
            assert_store_error(info.value, "store.read_only")
        assert visitor.load(book.team.code) == book
        assert [entry.workbook for entry in visitor.entries()] == [book]  # the board keeps the last good state
    assert changed == before


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
    first.send(book)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # another kernel in the middle of a long write
        with Store(path, timeout=0.2) as fresh:
            for waiting in (first, fresh):  # a store opened before the lock, and one opened during it
                for call in (waiting.save, waiting.send):
                    start = time.perf_counter()
                    with pytest.raises(StoreError) as info:
                        call(dataclasses.replace(book, step="plan"))
                    assert time.perf_counter() - start >= 0.15
                    assert_store_error(info.value, "store.locked")
                assert waiting.load(book.team.code) == book  # reading goes on (WAL)
                assert [entry.workbook for entry in waiting.entries()] == [book]
        holder.execute("ROLLBACK")
        first.save(dataclasses.replace(book, step="plan"))  # once free, saving works again
        assert first.load(book.team.code).step == "plan"
    finally:
        holder.close()
        first.close()


def test_a_full_disk_gives_store_full_and_keeps_the_earlier_save(sqlite_store):
    book = team_book()
    sqlite_store.save(book)
    sqlite_store.send(book)
    connection = sqlite_store._open()
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: as a full disk
    heavy = team_book(plan=Plan(actions=("x" * 15_000,) * 20))
    before = copy.deepcopy(heavy)
    for call in (sqlite_store.save, sqlite_store.send):
        with pytest.raises(StoreError) as info:
            call(heavy)
        assert_store_error(info.value, "store.full")
    assert heavy == before
    assert sqlite_store.load(book.team.code) == book
    assert sqlite_store.codes() == [book.team.code]
    assert [entry.workbook for entry in sqlite_store.entries()] == [book]


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


# --- failures of the PostgreSQL database ---------------------------------------------------------
def test_a_row_another_kernel_is_writing_gives_store_locked_after_the_timeout(postgres_url):
    book = team_book()
    with Store(url=postgres_url, timeout=0.2) as first:
        first.save(book)
        first.send(book)
        with psycopg.connect(postgres_url) as holder:  # a transaction: another kernel in the middle of a write
            holder.execute("UPDATE room SET team = team WHERE code = %s", (book.team.code,))
            holder.execute("UPDATE workbooks SET team = team WHERE code = %s", (book.team.code,))
            changed = dataclasses.replace(book, step="plan")
            before = copy.deepcopy(changed)
            for call in (first.save, first.send):
                start = time.perf_counter()
                with pytest.raises(StoreError) as info:
                    call(changed)
                assert time.perf_counter() - start >= 0.15
                assert_store_error(info.value, "store.locked")
                assert isinstance(info.value.__cause__, psycopg.errors.LockNotAvailable)
            assert changed == before
            assert first.load(book.team.code) == book  # reading goes on
            assert [entry.workbook for entry in first.entries()] == [book]
            other = team_book("Ander team")
            first.send(other)  # another team's entry is not held up
            holder.rollback()
        first.send(changed)  # once free, sending works again
        assert {entry.code: entry.workbook for entry in first.entries()}[book.team.code] == changed


def test_a_read_only_database_reads_but_refuses_to_write(postgres_url):
    book = team_book()
    with Store(url=postgres_url) as owner:
        owner.save(book)
        owner.send(book)
    changed = dataclasses.replace(book, step="plan")
    before = copy.deepcopy(changed)
    # a session that may only read, as on a standby server
    with Store(url=with_options(postgres_url, "default_transaction_read_only=on")) as reader:
        assert reader.load(book.team.code) == book
        for call in (reader.save, reader.send, lambda _: reader.push_step(STEP_IDS[0])):
            with pytest.raises(StoreError) as info:
                call(changed)
            assert_store_error(info.value, "store.read_only")
            assert isinstance(info.value.__cause__, psycopg.errors.ReadOnlySqlTransaction)
        assert [entry.workbook for entry in reader.entries()] == [book]
    assert changed == before


def test_a_role_that_may_only_read_gets_store_read_only(postgres, postgres_url):
    book = team_book()
    with Store(url=postgres_url) as owner:
        owner.send(book)
    schema = conninfo_to_dict(postgres_url)["options"].split("=")[-1]
    role = f"reader_{schema}"
    raw({"url": postgres.url()}, f'CREATE ROLE "{role}" LOGIN')
    try:
        raw({"url": postgres_url}, f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"')
        raw({"url": postgres_url}, f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"')
        with Store(url=make_conninfo(postgres_url, user=role)) as reader:
            assert [entry.workbook for entry in reader.entries()] == [book]
            with pytest.raises(StoreError) as info:
                reader.send(dataclasses.replace(book, step="plan"))
            assert_store_error(info.value, "store.read_only")
    finally:
        raw({"url": postgres_url}, f'DROP OWNED BY "{role}"')
        raw({"url": postgres.url()}, f'DROP ROLE "{role}"')


def test_a_missing_database_gives_store_unavailable(postgres_url):
    book = team_book()
    before = copy.deepcopy(book)
    with Store(url=make_conninfo(postgres_url, dbname="stagetok_missing")) as nowhere:
        for call in (lambda: nowhere.send(book), nowhere.entries, lambda: nowhere.save(book)):
            with pytest.raises(StoreError) as info:
                call()
            assert_store_error(info.value, "store.unavailable")
    assert book == before


def test_an_unknown_user_gives_store_denied(postgres_url):
    with Store(url=make_conninfo(postgres_url, user="stagetok_nobody")) as stranger, pytest.raises(StoreError) as info:
        stranger.entries()
    assert_store_error(info.value, "store.denied")


def test_no_server_on_the_port_gives_store_unreachable():
    book = team_book()
    start = time.perf_counter()
    with Store(url=f"postgresql://postgres@127.0.0.1:{free_port()}/postgres") as nowhere:
        for call in (lambda: nowhere.send(book), nowhere.entries, nowhere.pushed_step):
            with pytest.raises(StoreError) as info:
                call()
            assert_store_error(info.value, "store.unreachable")
    assert time.perf_counter() - start < 5  # refused at once, not after a long wait


def test_a_broken_connection_is_opened_again_once_without_a_message(postgres, postgres_url):
    book = team_book()
    with Store(url=postgres_url) as store:
        store.send(book)
        pid = store._open().info.backend_pid
        raw({"url": postgres.url()}, "SELECT pg_terminate_backend(?)", (pid,))  # the server ends the session
        time.sleep(0.1)
        changed = dataclasses.replace(book, step="plan")
        store.send(changed)
        assert store._open().info.backend_pid != pid
        assert [entry.workbook for entry in store.entries()] == [changed]


def test_a_server_that_is_gone_gives_store_unreachable_and_the_board_keeps_its_last_state():
    book = team_book()
    with PostgresServer() as server:
        store = Store(url=server.url())
        store.send(book)
        board = store.entries()
        server.stop()  # the server is shut down while the kernel is connected
        changed = dataclasses.replace(book, step="plan")
        before = copy.deepcopy(changed)
        for call in (lambda: store.send(changed), store.entries):
            with pytest.raises(StoreError) as info:
                call()
            assert_store_error(info.value, "store.unreachable")
        assert changed == before
        assert [entry.workbook for entry in board] == [book]  # what the board showed stays as it was
        store.close()


@contextlib.contextmanager
def full_room(postgres, url):
    """The room's table on a tablespace that is full, then back to normal.

    As root: a real 1 MB tmpfs for the tablespace, so the server meets a real full disk (ENOSPC).
    A user that may not mount gets the server's own disk-full error (SQLSTATE 53100) from a trigger.
    """
    schema = conninfo_to_dict(url)["options"].split("=")[-1]
    if os.geteuid() != 0:
        raw({"url": url}, "CREATE FUNCTION disk_full() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION "
                          "'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$ "
                          "LANGUAGE plpgsql")
        raw({"url": url}, "CREATE TRIGGER disk_full BEFORE INSERT OR UPDATE ON room FOR EACH ROW "
                          "EXECUTE FUNCTION disk_full()")
        yield
        return
    folder = Path(tempfile.mkdtemp(prefix="stagetok-full-"))
    owner = postgres.data.stat()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size=1m,uid={owner.st_uid},gid={owner.st_gid},mode=0700",
                    "tmpfs", str(folder)], check=True)
    space = f"full_{schema}"
    try:
        raw({"url": postgres.url()}, f"CREATE TABLESPACE \"{space}\" LOCATION '{folder}'")
        raw({"url": url}, f'ALTER TABLE room SET TABLESPACE "{space}"')
        raw({"url": url}, f'ALTER INDEX room_pkey SET TABLESPACE "{space}"')
        yield
    finally:
        raw({"url": url}, "DROP TABLE IF EXISTS room")
        raw({"url": postgres.url()}, f'DROP TABLESPACE IF EXISTS "{space}"')
        subprocess.run(["umount", str(folder)], check=True)
        folder.rmdir()


def test_a_full_disk_gives_store_full_and_keeps_the_board(postgres, postgres_url):
    book = team_book()
    with Store(url=postgres_url) as store:
        store.send(book)
        store.push_step(STEP_IDS[0])
        with full_room(postgres, postgres_url):
            # letters at random: PostgreSQL compresses long texts, and these hardly shrink
            rng = random.Random(7)
            heavy = team_book(plan=Plan(actions=tuple("".join(rng.choices(string.ascii_letters, k=15_000))
                                                      for _ in range(150))))
            before = copy.deepcopy(heavy)
            with pytest.raises(StoreError) as info:
                store.send(heavy)
            assert_store_error(info.value, "store.full")
            assert isinstance(info.value.__cause__, psycopg.errors.DiskFull)
            assert heavy == before
            assert [entry.workbook for entry in store.entries()] == [book]
            store.push_step(STEP_IDS[1])  # the rest of the database still takes writes
            assert store.pushed_step()[0] == STEP_IDS[1]


@pytest.mark.parametrize(
    ("state", "key"),
    [("55P03", "store.locked"), ("40P01", "store.locked"), ("40001", "store.locked"), ("53300", "store.locked"),
     ("25006", "store.read_only"), ("42501", "store.read_only"), ("53100", "store.full"),
     ("3D000", "store.unavailable"), ("42P01", "store.unavailable"), ("XX001", "store.corrupt"),
     ("57P01", "store.unreachable"), ("08006", "store.unreachable"), ("28P01", "store.denied"),
     ("22P02", "store.failed"), ("53200", "store.failed")],
)
def test_every_postgresql_error_class_has_its_message(state, key):
    error = psycopg.errors.lookup(state)("what the server said")
    assert error.sqlstate == state
    assert_store_error(StoreError.from_postgres(error), key)


@pytest.mark.parametrize(
    ("text", "key"),
    [('connection failed: connection to server at "127.0.0.1", port 5 failed: Connection refused', "store.unreachable"),
     ('connection failed: FATAL:  database "x" does not exist', "store.unavailable"),
     ('connection failed: FATAL:  role "x" does not exist', "store.denied"),
     ("connection failed: FATAL:  password authentication failed for user", "store.denied"),
     ("connection failed: FATAL:  sorry, too many clients already", "store.locked"),
     ("connection timeout expired", "store.unreachable")],
)
def test_why_a_connection_failed_is_read_from_libpq(text, key):
    assert StoreError.from_postgres(psycopg.OperationalError(text), connecting=True).key == key


def test_a_broken_call_and_a_wrong_connection_string_have_their_messages():
    assert StoreError.from_postgres(psycopg.OperationalError("the connection is closed")).key == "store.unreachable"
    assert StoreError.from_postgres(psycopg.ProgrammingError('missing "=" after "x"'), connecting=True).key == \
        "store.failed"
    with Store(url="this is no connection string") as wrong, pytest.raises(StoreError) as info:
        wrong.entries()
    assert info.value.key == "store.failed"


def test_the_database_url_comes_from_the_environment_and_its_password_is_never_shown(monkeypatch, postgres_url):
    secret = "postgresql://stagetok:s3cr3t-wachtwoord@db.example.org:5433/workshop?sslmode=require"
    monkeypatch.setenv("STAGETOK_DATABASE_URL", secret)
    from_env = Store()
    assert from_env.backend == "postgresql" and from_env.path is None
    assert repr(from_env) == "Store(url='postgresql://db.example.org:5433/workshop')"
    assert "s3cr3t" not in repr(from_env) and "stagetok" not in repr(from_env).split("(", 1)[1]
    assert Store(tempfile.gettempdir() + "/x.sqlite3").backend == "sqlite"  # a path given means SQLite
    monkeypatch.setenv("STAGETOK_DATABASE_URL", postgres_url)
    with Store() as store:
        store.send(team_book())
        assert len(store.entries()) == 1
    monkeypatch.delenv("STAGETOK_DATABASE_URL")
    assert Store().backend == "sqlite"


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


def test_concurrent_saves_from_four_stores_lose_nothing(target):
    # four kernels of one room, each with its own connection, saving at the same moment
    with Store(**target) as first:
        first.codes()  # the tables exist before the race, as in a running workshop
    batches = [[team_book(f"Team {t}.{i}") for i in range(20)] for t in range(4)]

    def work(batch):
        with Store(**target) as own:
            for book in batch:
                own.save(book)

    assert _run_in_threads(work, batches) == []
    with Store(**target) as check:
        assert len(check.codes()) == 80
        assert all(check.load(book.team.code) == book for batch in batches for book in batch)


def test_the_same_team_saved_from_four_threads_keeps_one_whole_workbook(store):
    code = new_code()
    versions = [[team_book(f"Versie {t}", code=code, ideas=tuple(Idea(f"{t}-{i}") for i in range(50)))] * 10
                for t in range(4)]
    assert _run_in_threads(lambda batch: [store.save(book) for book in batch], versions) == []
    assert store.load(code) in [batch[0] for batch in versions]
    assert store.codes() == [code]


# --- nothing lost: real processes, as the room's kernels -----------------------------------------
TEAMS, SENDS = 30, 20
SPAWN = multiprocessing.get_context("spawn")


def test_thirty_teams_sending_twenty_times_at_once_lose_nothing_and_duplicate_nothing(target):
    with Store(**target) as board:
        board.entries()  # the tables exist before the race, as in a running workshop
        codes = [new_code() for _ in range(TEAMS)]
        start, results = SPAWN.Barrier(TEAMS + 1), SPAWN.Queue()
        teams = [SPAWN.Process(target=store_workers.send_many, args=(target, code, team, SENDS, start, results))
                 for team, code in enumerate(codes)]
        for process in teams:
            process.start()
        try:
            start.wait(timeout=120)  # every team has its connection open: all send at once
            outcomes = dict(results.get(timeout=120) for _ in teams)
        finally:
            for process in teams:
                process.join(timeout=60)
        assert outcomes == {team: None for team in range(TEAMS)}  # not one send failed
        assert [process.exitcode for process in teams] == [0] * TEAMS
        entries = board.entries()
        assert len(entries) == TEAMS
        assert sorted(entry.code for entry in entries) == sorted(codes)
        for team, code in enumerate(codes):  # each team's last workbook, whole
            (entry,) = [entry for entry in entries if entry.code == code]
            assert entry.workbook == store_workers.room_book(code, team, SENDS - 1)
            assert entry.team == f"Team {team:02d}"
        assert raw(target, "SELECT count(*), count(DISTINCT code) FROM room") == [(TEAMS, TEAMS)]


def test_a_kernel_killed_in_the_middle_of_a_send_leaves_the_old_entry_whole(target):
    code, other = new_code(), team_book("Buren")
    old = store_workers.room_book(code, 7, 0)
    with Store(**target, timeout=10) as board:
        board.send(old)
        board.send(other)
        held = SPAWN.Event()
        writer = SPAWN.Process(target=store_workers.hold_send, args=(target, code, 7, held))
        writer.start()
        try:
            assert held.wait(timeout=60), "the writer never reached the middle of its transaction"
            # the new entry is written but not committed: the board still reads the old one ...
            assert {entry.code: entry.workbook for entry in board.entries()}[code] == old
            # ... and the writer really holds its write: another send of the team waits, then gives up
            with Store(**target, timeout=0.2) as second, pytest.raises(StoreError) as info:
                second.send(old)
            assert info.value.key == "store.locked"
        finally:
            store_workers.kill(writer)
        entries = {entry.code: entry.workbook for entry in board.entries()}
        assert entries == {code: old, other.team.code: other}
        # the dead kernel holds nothing: the team sends again from a new kernel at once
        new = store_workers.room_book(code, 7, 2)
        board.send(new)
        assert {entry.code: entry.workbook for entry in board.entries()}[code] == new


def test_kernels_killed_at_random_moments_of_their_sends_leave_an_old_or_a_new_entry_never_a_broken_one(target):
    code, rng = new_code(), random.Random(2026)
    versions = [store_workers.room_book(code, 3, round_, 15_000) for round_ in (1, 2)]
    with Store(**target, timeout=10) as board:
        for _ in range(3):
            running = SPAWN.Event()
            writer = SPAWN.Process(target=store_workers.send_forever, args=(target, code, 3, 15_000, running))
            writer.start()
            try:
                assert running.wait(timeout=60)
                time.sleep(rng.uniform(0.02, 0.3))
            finally:
                store_workers.kill(writer)
            problems = []
            (entry,) = board.entries(problems)
            assert problems == []
            assert entry.workbook in versions
        board.send(versions[0])  # and the next send goes in
        assert [entry.workbook for entry in board.entries()] == [versions[0]]


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
    assert default.backend == "sqlite"
    assert not (tmp_path / "data").exists()  # nothing happens before the first use
    book = team_book()
    default.save(book)
    assert default.path == tmp_path / "data" / "workshop.sqlite3"
    assert (tmp_path / "data" / "workshop.sqlite3").is_file()
    default.close()
    with Store() as again:
        assert again.load(book.team.code) == book
