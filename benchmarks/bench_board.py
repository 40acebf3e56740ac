"""The facilitator's board with 30 teams: one refresh in the kernel, from reading the room to the cards and chart.

Run: .venv/bin/python benchmarks/bench_board.py   (reports; asserts nothing)

30 teams with a full workbook each have sent to the room (SQLite in a temporary folder, and a
real PostgreSQL server started for the run). Per round, every team sends again (so every card
changes), then the board's ``refresh()`` is timed: the store's read, the model's update and the
view's new cards and chart spec, as the board's timer runs it every few seconds. The browser's
redraw of the page comes on top (see bench_dashboard.py for what a chart redraw costs there).
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import full_workbook  # noqa: E402

from tests.postgres_server import PostgresServer  # noqa: E402
from toolkit import room  # noqa: E402
from toolkit.store import Store  # noqa: E402
from toolkit.widgets.board import Board, BoardModel  # noqa: E402
from toolkit.workbook import Team, new_code  # noqa: E402

TEAMS = 30
ROUNDS = 15
SECRET = "bench-secret"


def measure(store: Store) -> dict:
    books = [dataclasses.replace(full_workbook(new_code()), team=Team(name=f"Team {i}", code=new_code(),
                                                                     company=f"Bedrijf {i}"))
             for i in range(TEAMS)]
    for book in books:
        store.send(book)
    board = Board(BoardModel(store=store))
    board.model.unlock(SECRET)
    changed, quiet = [], []
    for round_ in range(ROUNDS):
        for i, book in enumerate(books):
            store.send(dataclasses.replace(book, team=dataclasses.replace(book.team, name=f"Team {i} r{round_}")))
        started = time.perf_counter()
        board.model.refresh()
        changed.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        board.model.refresh()
        quiet.append((time.perf_counter() - started) * 1000)
    assert len(board.model.entries) == TEAMS and board._cards.value.count("stagetok-card") == TEAMS
    return {"changed": statistics.median(changed), "changed_max": max(changed), "quiet": statistics.median(quiet)}


def main() -> int:
    os.environ[room.FACILITATOR_HASH_ENV] = room.key_digest(SECRET)
    results = {}
    with tempfile.TemporaryDirectory(prefix="stagetok-bench-board-") as folder:
        with Store(Path(folder) / "room.sqlite3") as store:
            results["SQLite"] = measure(store)
    with PostgresServer() as server, Store(url=server.url()) as store:
        results["PostgreSQL"] = measure(store)
    print(f"{'board of 30 teams, one refresh in the kernel':<48} {'every card new (median / max)':>30} {'nothing new':>12}")
    for name, r in results.items():
        print(f"{name:<48} {r['changed']:>20.0f} / {r['changed_max']:.0f} ms {r['quiet']:>9.1f} ms")
    print("budget: a board of 30 teams refreshes in under 300 ms (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
