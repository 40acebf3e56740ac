"""A full room on one computer: sizing (toolkit.capacity) and the server's care (toolkit.voila_app).

The server's parts are tested here on a kernel manager that behaves as Voila's does (pools of
tasks, kernels listed, connections counted); tests/browser/test_serving_browser.py checks them
on a real Voila server.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import datetime as dt
import gzip
import io
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
import tornado.httpclient
import tornado.httpserver
import tornado.testing
import tornado.web

from tests import aio
from toolkit import capacity, room, serve, voila_app
from toolkit.capacity import KERNEL_MIB, MIB, RESERVE_MIB, RoomPlan, plan_room
from toolkit.i18n import t

GB = 1024 * MIB


# --- sizing -------------------------------------------------------------------------------------
def test_a_room_of_30_on_a_24_gb_laptop_gets_a_warm_kernel_each_and_room_to_spare():
    plan = plan_room(30, 20 * GB, cores=2)
    assert plan.workshop_pool == 33 and plan.other_pool == 1 and not plan.short_of_memory  # 3 spare
    kernels = (20 * 1024 - RESERVE_MIB) // KERNEL_MIB
    assert plan.pools == 37 and plan.capacity == kernels - 37 >= 33  # every page fits, and more
    assert plan.memory_mib == kernels * KERNEL_MIB <= 20 * 1024 - RESERVE_MIB
    assert plan.warm_seconds == pytest.approx(37 * capacity.WARM_CORE_SECONDS / 2, abs=1)
    assert plan.kernel_pools_config() == {"default": {"pool_size": 1}, "workshop.ipynb": {"pool_size": 33}}


@pytest.mark.parametrize(("participants", "spare"), [(1, 2), (10, 2), (15, 2), (21, 3), (30, 3), (100, 10)])
def test_a_few_spare_warm_kernels_a_tenth_at_least_two(participants, spare):
    assert capacity.spare_kernels(participants) == spare
    assert plan_room(participants, 64 * GB, 2).workshop_pool == participants + spare


def test_more_cores_warm_up_sooner():
    assert plan_room(30, 20 * GB, cores=8).warm_seconds < plan_room(30, 20 * GB, cores=2).warm_seconds


def test_short_of_memory_the_pool_shrinks_and_says_so_but_pages_still_fit():
    plan = plan_room(30, 8 * GB, cores=2)
    kernels = (8 * 1024 - RESERVE_MIB) // KERNEL_MIB
    assert plan.short_of_memory and 0 < plan.workshop_pool < 30
    assert plan.pools + plan.capacity == kernels  # never more than memory holds
    assert plan.capacity >= plan.workshop_pool  # every warm kernel taken still has a page's place


@pytest.mark.parametrize("available", [0, RESERVE_MIB * MIB, (RESERVE_MIB + 3 * KERNEL_MIB) * MIB])
def test_with_almost_no_memory_nothing_is_pooled_and_nothing_goes_negative(available):
    plan = plan_room(10, available, cores=1)
    assert plan.workshop_pool >= 0 and plan.capacity >= 0 and plan.short_of_memory


@pytest.mark.parametrize(("participants", "cores"), [(0, 2), (-5, 2), (10, 0)])
def test_a_room_without_participants_or_cores_is_refused(participants, cores):
    with pytest.raises(ValueError):
        plan_room(participants, 20 * GB, cores)


def test_make_room_passes_the_sizing_to_voila_and_tells_the_facilitator(monkeypatch, capsys, tmp_path):
    for name in ("STAGETOK_DATA", "STAGETOK_TOKEN", "STAGETOK_ROOM", room.FACILITATOR_ENV, room.FACILITATOR_HASH_ENV,
                 room.ROOM_URL_ENV):
        monkeypatch.delenv(name, raising=False)
    started = []
    monkeypatch.setattr(serve.os, "execv", lambda program, command: started.append(command))
    monkeypatch.setattr(serve.psutil, "virtual_memory", lambda: SimpleNamespace(available=20 * GB))
    monkeypatch.setattr(serve.psutil, "cpu_count", lambda: 2)
    serve.main(["--room", "--participants", "30", "--data", str(tmp_path)])
    (command,) = started
    plan = plan_room(30, 20 * GB, 2)
    assert "--StageTokVoila.workshop_pool=33" in command and f"--StageTokVoila.capacity={plan.capacity}" in command
    assert "--preheat_kernel=True" in command
    assert f"--VoilaExecutor.iopub_timeout={serve.IOPUB_TIMEOUT}" in command and serve.IOPUB_TIMEOUT >= 30
    assert ("--KernelManager.transport=ipc" in command) is (serve.os.name == "posix")
    out = capsys.readouterr().out
    assert "Sized for 30 participants: 33 warm kernels for the workshop" in out
    assert f"Capacity: {plan.capacity} pages open at once" in out and f"about {plan.warm_seconds:.0f} s" in out


def test_make_start_caps_pages_by_memory_without_sizing_the_pool(monkeypatch, capsys, tmp_path):
    started = []
    monkeypatch.setattr(serve.os, "execv", lambda program, command: started.append(command))
    monkeypatch.setattr(serve.psutil, "virtual_memory", lambda: SimpleNamespace(available=20 * GB))
    serve.main(["--data", str(tmp_path)])
    (command,) = started
    assert not any(part.startswith("--StageTokVoila.workshop_pool") for part in command)
    assert any(re.fullmatch(r"--StageTokVoila\.capacity=\d+", part) for part in command)
    assert "--pool_size=2" in command and "Sized for" not in capsys.readouterr().out


def test_participants_below_zero_are_refused(capsys, tmp_path):
    with pytest.raises(SystemExit):
        serve.main(["--participants", "-1", "--data", str(tmp_path)])
    assert "--participants" in capsys.readouterr().err


# --- a kernel manager as Voila's ----------------------------------------------------------------
class FakeRenderer:
    def __init__(self, code_cells: int, executed: int):
        self.notebook = SimpleNamespace(cells=[SimpleNamespace(cell_type="code")] * code_cells
                                        + [SimpleNamespace(cell_type="markdown")])
        self.executor = SimpleNamespace(code_cells_executed=executed)


def done(value) -> concurrent.futures.Future:
    """A finished task of a pool (the same done/cancelled/exception/result as asyncio's)."""
    future = concurrent.futures.Future()
    future.set_result(value)
    return future


def pending() -> concurrent.futures.Future:
    return concurrent.futures.Future()


class FakeKernelManager:
    """Pools of tasks, kernels with their last activity, and connections, as Voila's kernel manager keeps them."""

    def __init__(self):
        self._pools: dict[str, list] = {}
        self.kernels: dict[str, SimpleNamespace] = {}
        self._kernel_connections: dict[str, int] = {}
        self.fill_delay = 1.0
        self.shut_down: list[str] = []
        self.fills: list[tuple] = []
        self._next = 0

    def list_kernel_ids(self):
        return list(self.kernels)

    def get_kernel(self, kernel_id):
        return self.kernels[kernel_id]

    def add_kernel(self, seconds_idle: float = 0, connections: int = 0) -> str:
        self._next += 1
        kernel_id = f"k{self._next}"
        self.kernels[kernel_id] = SimpleNamespace(
            last_activity=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=seconds_idle))
        self._kernel_connections[kernel_id] = connections
        return kernel_id

    async def start_kernel(self, **kwargs):
        return self.add_kernel()

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        self.shut_down.append(kernel_id)
        del self.kernels[kernel_id]

    def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
        self.fills.append((delay, notebook_name))


class PooledKernelManager(FakeKernelManager):
    """With pre-heated kernels: a page takes one from its pool."""

    async def get_rendered_notebook(self, notebook_name, **kwargs):
        return "task", [], self.add_kernel()


def run(coroutine):
    return aio.run(coroutine, timeout=60)


def test_pools_count_warm_kernels_including_one_waiting_for_its_page():
    km = FakeKernelManager()
    km._pools = {
        "workshop.ipynb": [
            done({"kernel_id": "a", "task": done(None), "renderer": FakeRenderer(2, 2)}),  # rendered
            done({"kernel_id": "b", "task": pending(), "renderer": FakeRenderer(2, 2)}),  # waits in its last cell
            done({"kernel_id": "c", "task": pending(), "renderer": FakeRenderer(2, 1)}),  # still running cell 1
            pending(),  # kernel not started yet
        ],
        "board.ipynb": [done({"kernel_id": "d", "task": pending(), "renderer": SimpleNamespace()})],  # no executor yet
        # a one-cell dashboard builds everything in its only cell: started is not warm
        "reach_explorer.ipynb": [done({"kernel_id": "e", "task": pending(), "renderer": FakeRenderer(1, 1)}),
                                 done({"kernel_id": "f", "task": done(None), "renderer": FakeRenderer(1, 1)})],
    }
    state = voila_app.pools(km)
    assert (state.warm, state.rendering, state.starting, state.total) == (3, 3, 1, 7)
    assert voila_app.pools(SimpleNamespace()).total == 0  # pre-heating off: no pools


def test_pages_open_counts_the_kernels_handed_to_pages_not_the_pools():
    km = PooledKernelManager()
    voila_app.track_pages(km)
    km.add_kernel()  # a pooled kernel, never handed out
    assert voila_app.pages_open(km) == 0
    first = run(km.get_rendered_notebook("workshop.ipynb"))[2]  # a page takes a warm kernel
    cold = run(km.start_kernel(kernel_name="python3"))  # a page that found the pool empty
    assert voila_app.pages_open(km) == 2
    run(km.shutdown_kernel(first))
    assert voila_app.pages_open(km) == 1 and km.stagetok_pages == {cold}


def test_without_pools_every_page_starts_its_own_kernel_and_is_counted():
    km = FakeKernelManager()  # Voila's kernel manager without pre-heating has no get_rendered_notebook
    voila_app.track_pages(km)
    assert not hasattr(km, "get_rendered_notebook")
    run(km.start_kernel(kernel_name="python3"))
    assert voila_app.pages_open(km) == 1


def test_only_pages_gone_longer_than_the_grace_are_orphans_longest_gone_first():
    km = PooledKernelManager()
    voila_app.track_pages(km)
    pages = [run(km.get_rendered_notebook("workshop.ipynb"))[2] for _ in range(4)]
    km.kernels[pages[0]].last_activity -= dt.timedelta(seconds=300)  # tab closed 5 minutes ago
    km.kernels[pages[1]].last_activity -= dt.timedelta(seconds=30)  # wifi dropped a moment ago
    km.kernels[pages[2]].last_activity -= dt.timedelta(seconds=900)  # closed long ago
    km._kernel_connections[pages[3]] = 1  # open
    km.kernels[pages[3]].last_activity -= dt.timedelta(seconds=3600)  # open but quiet: not an orphan
    km.add_kernel(seconds_idle=5000)  # pooled (never a page): never an orphan
    assert voila_app.orphans(km) == [pages[2], pages[0]]


def test_a_full_room_first_frees_orphans_then_turns_a_page_away():
    km = PooledKernelManager()
    voila_app.track_pages(km)
    gone, *open_ = [run(km.get_rendered_notebook("workshop.ipynb"))[2] for _ in range(3)]
    km.kernels[gone].last_activity -= dt.timedelta(seconds=voila_app.ORPHAN_GRACE_SECONDS + 60)
    for kernel_id in open_:
        km._kernel_connections[kernel_id] = 1
    assert run(voila_app.make_room(km, capacity=4))  # room left: nothing shut down
    assert km.shut_down == []
    assert run(voila_app.make_room(km, capacity=3))  # full: the orphan goes, the new page fits
    assert km.shut_down == [gone] and voila_app.pages_open(km) == 2
    run(km.get_rendered_notebook("workshop.ipynb"))
    assert not run(voila_app.make_room(km, capacity=3))  # full, nobody to free: turned away
    assert km.shut_down == [gone]
    assert run(voila_app.make_room(km, capacity=0))  # no cap


def test_refills_wait_for_each_other_while_the_first_fill_starts_at_once(monkeypatch):
    km = FakeKernelManager()
    clock = [100.0]
    monkeypatch.setattr(voila_app.time, "monotonic", lambda: clock[0])
    voila_app.stagger_refills(km, gap=4.0)
    km.fill_if_needed(delay=0, notebook_name="workshop.ipynb")  # at start
    for _ in range(3):  # three pages within a second take warm kernels
        km.fill_if_needed(notebook_name="workshop.ipynb")
        clock[0] += 0.3
    clock[0] += 20  # a quiet while later, one more
    km.fill_if_needed(notebook_name="board.ipynb")
    delays = [delay for delay, _ in km.fills]
    assert delays[0] == 0
    assert delays[1:4] == pytest.approx([1.0, 4.7, 8.4])  # starts at 101, 105, 109: four seconds apart
    assert delays[4] == pytest.approx(1.0)  # nothing waiting: Voila's own delay


def test_the_server_says_when_the_room_is_ready():
    km = FakeKernelManager()
    workshop = FakeRenderer(2, 1)
    single = FakeRenderer(1, 0)
    single_task = pending()
    km._pools = {"workshop.ipynb": [done({"kernel_id": "a", "task": pending(), "renderer": workshop})],
                 "reach_explorer.ipynb": [done({"kernel_id": "b", "task": single_task, "renderer": single})]}
    out = io.StringIO()

    async def warm_up():
        waiting = asyncio.ensure_future(voila_app.announce_when_warm(km, 0.0, out=out, every=0.01,
                                                                     progress_every=0.0))
        await asyncio.sleep(0.05)
        assert "Warming up: 0 of 2 kernels ready" in out.getvalue() and "ready:" not in out.getvalue()
        workshop.executor.code_cells_executed = 2  # the workshop waits in its last cell for its page
        single.executor.code_cells_executed = 1  # a one-cell dashboard runs its only cell: not warm yet
        await asyncio.sleep(0.05)
        assert "Warming up: 1 of 2 kernels ready" in out.getvalue() and "ready:" not in out.getvalue()
        single_task.set_result(None)  # its cell has run
        return await asyncio.wait_for(waiting, 5)

    assert run(warm_up()) == 2
    assert "The room is ready: all 2 kernels are warm" in out.getvalue()
    assert run(voila_app.announce_when_warm(FakeKernelManager(), 0.0, out=out)) == 0  # no pools: nothing to wait for


# --- what a participant sees ----------------------------------------------------------------------
class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", ["nl", "en", "fr", "<script>"])
def test_the_full_room_page_says_what_happened_and_what_to_do_without_script(lang):
    page = voila_app.full_room_html(lang, 1234)
    parsed = _Text()
    parsed.feed(page)
    shown = "nl" if lang != "en" else "en"
    text = " ".join(parsed.text)
    assert t("door.full.title", lang=shown) in text
    number = "1.234" if shown == "nl" else "1,234"
    assert t("door.full.text", lang=shown, capacity=number) in page.replace("&#x27;", "'")
    assert "script" not in parsed.tags and "<script>" not in page and "http" not in page
    assert f'<html lang="{shown}">' in page


@pytest.mark.parametrize(("path", "hashed"), [
    ("/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/remoteEntry.c8c9eed2cdefdeac.js", True),
    ("/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/121.5c5a442bc10a67ee.js", True),
    ("/voila/labextensions/jupyterlab_pygments/static/568.1e2faa2ba0bbe59c4780.js", True),
    ("/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/style.js", False),
    ("/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/third-party-licenses.json", False),
    ("/voila/static/1187.voila.js", False),
    ("/voila/labextensions/x/static/deadbeef.js", False),  # too short to be a content hash
])
def test_only_file_names_with_a_content_hash_are_kept_for_a_year(path, hashed):
    assert bool(voila_app.HASHED_NAME.search(path)) is hashed


def test_plan_is_a_frozen_record():
    plan = plan_room(10, 20 * GB, 2)
    assert isinstance(plan, RoomPlan)
    with pytest.raises(AttributeError):
        plan.capacity = 1


# --- fewer messages from a full room ----------------------------------------------------------------
def _tree(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _tree(child)


def test_no_slider_or_text_field_sends_a_message_per_movement_or_keystroke(tmp_path):
    """Thirty pages at once: a slider or text field tells the kernel when it is let go, not on every step."""
    import ipywidgets as widgets

    from toolkit.journey import STEP_IDS
    from toolkit.store import Store
    from toolkit.widgets import HashtagLab, PipelinePlanner, ReachExplorer
    from toolkit.widgets.board import Board
    from toolkit.widgets.workshop import Workshop, WorkshopModel

    with Store(tmp_path / "room.sqlite3") as store:
        page = Workshop(WorkshopModel(store=store))
        views = [page.view(step_id) for step_id in STEP_IDS]
        views += [HashtagLab(), PipelinePlanner(), ReachExplorer(), Board()]
        live = [(type(view).__name__, type(widget).__name__, getattr(widget, "description", ""))
                for view in views for widget in _tree(view)
                if isinstance(widget, widgets.Widget) and getattr(widget, "continuous_update", False)]
        sliders = [w for view in views for w in _tree(view)
                   if isinstance(w, (widgets.widgets.widget_int._IntRange, widgets.FloatSlider, widgets.IntSlider,
                                     widgets.SelectionRangeSlider))]
    assert sliders, "the journey has sliders: the check must see them"
    assert live == []


# --- compressed once, sent to every participant ----------------------------------------------------
class _Streamed(tornado.web.RequestHandler):
    async def get(self):
        self.set_header("Content-Type", "text/html")
        for part in range(3):  # as a dashboard is sent: in pieces, without a validator
            self.write(f"<p>deel {part}</p>" * 200)
            await self.flush()


def _serve_files(folder, requests: list[tuple[str, str, dict]]) -> list:
    """Serve ``folder`` (and a streamed page at /page) with CachingGzip; answer each (method, path, headers)."""

    async def run():
        app = tornado.web.Application([(r"/page", _Streamed),
                                       (r"/files/(.*)", tornado.web.StaticFileHandler, {"path": str(folder)})],
                                      transforms=[voila_app.CachingGzip])
        server = tornado.httpserver.HTTPServer(app)
        sock, port = tornado.testing.bind_unused_port()
        server.add_sockets([sock])
        client = tornado.httpclient.AsyncHTTPClient()
        answers = []
        try:
            for method, path, headers in requests:
                answers.append(await client.fetch(f"http://127.0.0.1:{port}{path}", method=method, headers=headers,
                                                  decompress_response=False, raise_error=False))
        finally:
            server.stop()
        return answers

    return aio.run(run(), timeout=60)


@pytest.fixture
def fresh_gzip(monkeypatch):
    monkeypatch.setattr(voila_app.CachingGzip, "_kept", collections.OrderedDict())
    monkeypatch.setattr(voila_app.CachingGzip, "_kept_bytes", 0)
    return voila_app.CachingGzip


GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def test_a_file_is_compressed_once_and_sent_compressed_to_everyone(tmp_path, fresh_gzip):
    script = ("console.log('stagetok');\n" * 20_000).encode()
    (tmp_path / "bundle.js").write_bytes(script)
    first, second, plain, head = _serve_files(tmp_path, [("GET", "/files/bundle.js", GZIP),
                                                          ("GET", "/files/bundle.js", GZIP),
                                                          ("GET", "/files/bundle.js", {}),
                                                          ("HEAD", "/files/bundle.js", GZIP)])
    for answer in (first, second):
        assert answer.code == 200 and answer.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in answer.headers["Vary"]
        assert gzip.decompress(answer.body) == script and len(answer.body) < len(script) / 20
    assert second.body == first.body and int(second.headers["Content-Length"]) == len(second.body)
    assert len(fresh_gzip._kept) == 1 and fresh_gzip._kept_bytes == len(first.body)  # compressed once
    assert plain.code == 200 and "Content-Encoding" not in plain.headers and plain.body == script
    assert head.code == 200 and head.body == b""


def test_a_changed_file_is_compressed_again(tmp_path, fresh_gzip):
    path = tmp_path / "bundle.js"
    path.write_bytes(b"var a = 1;\n" * 5000)
    (old,) = _serve_files(tmp_path, [("GET", "/files/bundle.js", GZIP)])
    path.write_bytes(b"var b = 2;\n" * 6000)
    (new,) = _serve_files(tmp_path, [("GET", "/files/bundle.js", GZIP)])
    assert gzip.decompress(old.body) == b"var a = 1;\n" * 5000
    assert gzip.decompress(new.body) == b"var b = 2;\n" * 6000
    assert len(fresh_gzip._kept) == 2


def test_a_streamed_page_is_compressed_as_it_goes_and_not_kept(tmp_path, fresh_gzip):
    (page,) = _serve_files(tmp_path, [("GET", "/page", GZIP)])
    assert page.code == 200 and page.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(page.body).decode() == "".join(f"<p>deel {part}</p>" * 200 for part in range(3))
    assert len(fresh_gzip._kept) == 0


def test_what_is_kept_stays_within_its_limit_least_used_going_first(tmp_path, fresh_gzip, monkeypatch):
    import random

    rng = random.Random(7)
    for name in "abc":  # hard to compress: each kept body is about its file's size
        (tmp_path / f"{name}.js").write_bytes(bytes(rng.randrange(32, 127) for _ in range(30_000)))
    monkeypatch.setattr(fresh_gzip, "LIMIT", 70_000)
    answers = _serve_files(tmp_path, [("GET", f"/files/{name}.js", GZIP) for name in "aba" + "c"])
    assert all(answer.code == 200 for answer in answers)
    assert fresh_gzip._kept_bytes <= 70_000
    assert [key[0] for key in fresh_gzip._kept] == ["/files/a.js", "/files/c.js"]  # b, least used, went
