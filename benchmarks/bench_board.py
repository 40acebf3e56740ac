"""The facilitator's board with 30 teams: one refresh in the kernel, and the redraw in a real browser.

Run: .venv/bin/python benchmarks/bench_board.py [--no-browser]   (reports; asserts nothing)

30 teams with a full workbook each have sent to the room (SQLite in a temporary folder, and a
real PostgreSQL server started for the run). Two parts:

* **in the kernel**: per round, every team sends again (every card changes, and a third of the
  teams add a hashtag, so the chart changes too), then the
  board's ``refresh()`` is timed: the store's read, the model's update and the view's new cards
  and chart spec, as the board's timer runs it every few seconds.
* **in the browser**: the board dashboard served by Voila as ``make room`` serves it, opened
  with the facilitator's key in headless Chromium. Per round every team sends again; the board
  finds the change on its next look (every 3 s) and redraws. Timed in the page: from the first
  message of that refresh arriving on the kernel's websocket to the last change of the page
  (cards, counts, the chart drawn by Vega, each taken after the frame that draws it), with a
  MutationObserver. Every card gets a new name and a third of the teams a new hashtag, so the
  chart is drawn again too. A board's refresh as the
  facilitator sees it is about the kernel's part plus the browser's part (an upper bound: the
  first messages leave the kernel before its part ends).
"""

from __future__ import annotations

import argparse
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


def changed_book(book, i: int, marker: str):
    """Team ``i``'s workbook sent again: a new name on its card, and for a third of the teams a new hashtag (a new chart)."""
    tags = book.hashtags.chosen + ((f"#ronde{marker.replace(' ', '')}",) if i % 3 == 0 else ())
    return dataclasses.replace(book, team=dataclasses.replace(book.team, name=f"Team {i} {marker}"),
                               hashtags=dataclasses.replace(book.hashtags, chosen=tags))


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
            store.send(changed_book(book, i, f"r{round_}"))
        started = time.perf_counter()
        board.model.refresh()
        changed.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        board.model.refresh()
        quiet.append((time.perf_counter() - started) * 1000)
    assert len(board.model.entries) == TEAMS and board._cards.value.count("stagetok-card") == TEAMS
    return {"changed": statistics.median(changed), "changed_max": max(changed), "quiet": statistics.median(quiet)}


#: Recorded in the page from its first moment: when each websocket message arrived and when the page changed.
RECORDER = """
window.__board = {messages: [], changes: []};
const Native = window.WebSocket;
window.WebSocket = class extends Native {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", () => window.__board.messages.push(performance.now()));
  }
};
// A change counts when the browser has drawn it: the moment after the next frame (layout and paint).
new MutationObserver(() => requestAnimationFrame(() => setTimeout(() => window.__board.changes.push(performance.now()))))
  .observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""
BROWSER_ROUNDS = 8
#: Milliseconds without a page change after which a redraw is taken as finished.
SETTLED_MS = 1000


def measure_browser(url: str | None) -> list[float]:
    """Redraws of a 30-team board in Chromium (ms, one per round), with the store at ``url`` (None: SQLite)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.chromium import LAUNCH_ARGS, find_chromium
    from tests.browser.localhost import voila
    from toolkit.serve import DASHBOARDS

    with tempfile.TemporaryDirectory(prefix="stagetok-bench-board-page-") as folder:
        env = {"STAGETOK_ROOM": "1", "STAGETOK_DATA": folder, room.FACILITATOR_HASH_ENV: room.key_digest(SECRET),
               room.ROOM_URL_ENV: "http://192.0.2.2:8866/?token=zaal"}
        if url:
            env["STAGETOK_DATABASE_URL"] = url
        saved = {name: os.environ.get(name) for name in env}
        os.environ.update(env)  # the server's kernels, and this process's store, use the same room
        try:
            store = Store()
            books = [dataclasses.replace(full_workbook(new_code()), team=Team(name=f"Team {i}", code=new_code(),
                                                                             company=f"Bedrijf {i}"))
                     for i in range(TEAMS)]
            for book in books:
                store.send(book)
            log = Path(folder) / "voila.log"
            with voila(DASHBOARDS, pool_size=1, log_path=log, cwd=ROOT) as (base, _process), \
                    sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                page.add_init_script(RECORDER)
                page.goto(f"{base}/voila/render/board.ipynb?key={SECRET}", timeout=120_000)
                page.locator(".stagetok-board .stagetok-card").nth(TEAMS - 1).wait_for(timeout=120_000)
                redraws = []
                for round_ in range(BROWSER_ROUNDS):
                    page.wait_for_timeout(SETTLED_MS)
                    page.evaluate("() => { window.__board.messages = []; window.__board.changes = []; }")
                    marker = f"ronde {round_}"
                    for i, book in enumerate(books):
                        store.send(changed_book(book, i, marker))
                    page.wait_for_function(
                        "([marker, n]) => [...document.querySelectorAll('.stagetok-board .stagetok-card')]"
                        ".filter(card => card.textContent.includes(marker)).length === n",
                        arg=[marker, TEAMS], timeout=30_000)
                    # the chart is drawn after the cards: wait until the page has been still for a while
                    page.wait_for_function(
                        f"() => performance.now() - Math.max(0, ...window.__board.changes) > {SETTLED_MS}",
                        timeout=30_000)
                    first, last = page.evaluate(
                        "() => [Math.min(...window.__board.messages), Math.max(...window.__board.changes)]")
                    redraws.append(last - first)
                browser.close()
            store.close()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return redraws


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-browser", action="store_true", help="time the kernel's part only")
    args = parser.parse_args(argv)
    os.environ[room.FACILITATOR_HASH_ENV] = room.key_digest(SECRET)
    results, pages = {}, {}
    with tempfile.TemporaryDirectory(prefix="stagetok-bench-board-") as folder:
        with Store(Path(folder) / "room.sqlite3") as store:
            results["SQLite"] = measure(store)
    if not args.no_browser:
        pages["SQLite"] = measure_browser(None)
    with PostgresServer() as server:
        with Store(url=server.url()) as store:
            results["PostgreSQL"] = measure(store)
        if not args.no_browser:
            pages["PostgreSQL"] = measure_browser(server.url())
    print(f"{'board of 30 teams, one refresh':<24} {'kernel: every card new':>24} {'nothing new':>12} "
          f"{'browser redraw':>20} {'kernel + browser':>17}")
    for name, r in results.items():
        page = pages.get(name)
        browser = (f"{statistics.median(page):>10.0f} / {max(page):.0f} ms" if page else f"{'not measured':>20}")
        total = f"{r['changed'] + statistics.median(page):>14.0f} ms" if page else ""
        print(f"{name:<24} {r['changed']:>14.0f} / {r['changed_max']:.0f} ms {r['quiet']:>9.1f} ms {browser:>20} "
              f"{total:>17}")
    print("(median / max; browser redraw: first websocket message of the refresh to the page's last change)")
    print("budget: a board of 30 teams refreshes in under 300 ms (median)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
