"""Processes that use the store as the room's kernels do; tests/test_store.py starts them (multiprocessing, spawn).

Each function runs in a fresh interpreter with its own connection, as a participant's kernel
does. The store needs nothing of the ``toolkit`` package's own ``__init__`` (which loads
Altair for notebooks: two seconds a process), so a worker imports ``toolkit`` as a bare
package; everything the store itself uses is imported as usual.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import types
from pathlib import Path

if "toolkit" not in sys.modules:  # a fresh worker process: import toolkit's modules without toolkit/__init__
    _package = types.ModuleType("toolkit")
    _package.__path__ = [str(Path(__file__).resolve().parent.parent / "toolkit")]
    sys.modules["toolkit"] = _package

from toolkit import store as store_module  # noqa: E402
from toolkit.store import Store, StoreError  # noqa: E402
from toolkit.workbook import VERSION, Idea, Plan, Team, Workbook, to_json  # noqa: E402


def room_book(code: str, team: int, round_: int, size: int = 0) -> Workbook:
    """Team ``team``'s workbook after its ``round_``-th change; ``size`` characters of plan make it heavy."""
    actions = tuple(f"{team}:{round_}:{part}:" + "x" * size for part in range(10)) if size else ()
    return Workbook(
        team=Team(name=f"Team {team:02d}", code=code, company="Garage De Vries"),
        ideas=(Idea(f"team {team} round {round_}"),),
        plan=Plan(actions=actions),
        step="plan",
    )


def send_many(target: dict, code: str, team: int, sends: int, start, results) -> None:
    """Open the store, wait for every other team, then send ``sends`` changed workbooks one after the other.

    Puts ``(team, None)`` on ``results`` when all went in, or ``(team, key or repr)`` of the first failure.
    """
    try:
        with Store(**target) as store:
            store.pushed_step()  # open the connection (and the tables) before the race, as a running kernel has
            start.wait(timeout=60)
            for round_ in range(sends):
                store.send(room_book(code, team, round_))
    except StoreError as error:
        results.put((team, error.key))
    except BaseException as error:  # reported to the test, which fails on it
        results.put((team, repr(error)))
    else:
        results.put((team, None))


def hold_send(target: dict, code: str, team: int, held) -> None:
    """Write a team's new entry inside a transaction, say so, and wait there (until killed).

    The statement is the one :meth:`Store.send` runs, in the store's own transaction; only the
    commit never comes.
    """
    with Store(**target) as store:
        dialect = store._dialect
        connection = store._open()
        book = room_book(code, team, 1)
        with dialect.transaction(connection):
            dialect.execute(connection, store_module._SEND,
                            (code, VERSION, book.team.name, to_json(book), store_module._now()))
            held.set()
            time.sleep(120)


def send_forever(target: dict, code: str, team: int, size: int, running) -> None:
    """Send two heavy versions of a team's workbook in turn, without end (until killed)."""
    books = [room_book(code, team, round_, size) for round_ in (1, 2)]
    with Store(**target) as store:
        store.send(books[0])
        running.set()
        while True:
            for book in books:
                store.send(book)


def kill(process) -> None:
    """Kill a worker as a crashing kernel dies: SIGKILL, no clean-up of any kind."""
    os.kill(process.pid, signal.SIGKILL)
    process.join(timeout=30)
    assert process.exitcode == -signal.SIGKILL, process.exitcode
