"""Run Voila with StageTok's page template (``toolkit/share``), StageTok's front door, and a room's care.

The front door is the server's first page (``/`` and ``/voila/tree``): the workshop, then each
tool, as cards in Dutch or English (``?lang=en``). It replaces Voila's list of the folder's
files, so a participant sees only the cards defined here (:data:`WORKSHOP`, :data:`TOOLS`),
never a file name, and a notebook added to the folder is not offered until it gets a card. The
page is plain HTML with inline CSS, rendered from the catalogue on the server: no script, no
request to any other host, and it works with JavaScript switched off.

For a full room (:class:`StageTokVoila` through :func:`voila_class`):

* **Compressed, cacheable front end.** Responses are gzip-compressed when the browser asks
  (:class:`CachingGzip`, Tornado's own gzip given to Voila's server before it is built), which
  makes the 5.8 MB of JavaScript a page loads about a third of that; each file is compressed
  once, not once per participant. A lab extension's file whose name carries
  its content's hash is kept by the browser for a year; Voila's own files are checked again
  (answered ``304 Not Modified`` when unchanged), so a second page in the same browser downloads
  almost nothing.
* **Capacity.** A page beyond the room's capacity (``--StageTokVoila.capacity``: pages open at
  once) is turned away with a message in Dutch and English, instead of a kernel that would run
  the computer out of memory. Before turning one away, a kernel whose page has been gone for
  :data:`ORPHAN_GRACE_SECONDS` is shut down to make room (Voila cannot shut it down when a tab
  closes: voila-dashboards/voila#1458).
* **Room-sized pools.** ``--StageTokVoila.workshop_pool`` keeps that many warm kernels for the
  workshop dashboard (one for every other dashboard); the pool refills one kernel at a time,
  :data:`REFILL_GAP_SECONDS` apart, so refilling never takes both cores from the pages being
  served. The server prints when every pooled kernel is warm: the room is ready.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import os
import re
import sys
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from jupyter_server.base.handlers import FileFindHandler, JupyterHandler
from tornado import web
from tornado.web import GZipContentEncoding

from toolkit.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_int, t
from toolkit.journey import STEPS

#: Holds ``voila/templates/stagetok``: Voila's lab page without stylesheets from a CDN.
SHARE = Path(__file__).resolve().parent / "share"
TEMPLATE = "stagetok"


@dataclass(frozen=True)
class DoorCard:
    """One card of the front door: a dashboard and the catalogue keys that name it.

    Attributes
    ----------
    dashboard : str
        The dashboard's notebook in ``workshops/dashboards``, without ``.ipynb``.
    title : str
        Catalogue key of the card's title: the name the dashboard itself shows.
    line : str
        Catalogue key of the one line that says what the dashboard is for.
    """

    dashboard: str
    title: str
    line: str


#: The workshop: the first and largest card.
WORKSHOP = DoorCard("workshop", "door.workshop.title", "door.workshop.line")
#: The tools a team can also open on their own, in this order.
TOOLS: tuple[DoorCard, ...] = (
    DoorCard("hashtag_lab", "lab.title", "door.lab.line"),
    DoorCard("pipeline_planner", "planner.title", "door.planner.line"),
    DoorCard("reach_explorer", "explorer.title", "door.explorer.line"),
)

#: The page allows itself inline styles, a blank icon, and nothing else: no script, no other host.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                           "form-action 'none'; frame-ancestors 'self'")

_CSS = """
:root { color-scheme: light; --ink: #1b2130; --muted: #454d5c; --paper: #f3f4f6; --card: #fff; --line: #cfd4dc;
  --accent: #0b5e6e; --accent-dark: #084a57; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: clamp(1.0625rem, 0.95rem + 0.35vw, 1.375rem); }
.door { max-width: 66rem; margin: 0 auto; padding: clamp(1rem, 4vw, 3rem); }
.door-languages { display: flex; justify-content: flex-end; gap: 0.5rem; flex-wrap: wrap; }
.door-languages a { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0.25rem 1rem;
  border: 2px solid var(--line); border-radius: 999px; background: var(--card); color: var(--ink);
  text-decoration: none; font-weight: 600; }
.door-languages a:hover { border-color: var(--accent); }
.door-languages a[aria-current] { background: var(--ink); border-color: var(--ink); color: #fff; }
h1 { font-size: clamp(2.5rem, 7vw, 4rem); line-height: 1.1; margin: 0.5rem 0 0.75rem; letter-spacing: -0.02em; }
.door-tagline { font-size: 1.2em; color: var(--muted); max-width: 38em; margin: 0 0 2rem; }
.door-card { display: block; height: 100%; padding: 1.25rem 1.5rem; border: 2px solid var(--line);
  border-radius: 16px; background: var(--card); color: inherit; text-decoration: none; }
.door-card:hover { border-color: var(--accent); box-shadow: 0 6px 20px rgba(20, 30, 50, 0.12); }
a:focus { outline: 4px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 8px var(--ink); }
a:focus:not(:focus-visible) { outline: none; box-shadow: none; }
.door-card-title { margin: 0 0 0.35rem; font-size: 1.4em; line-height: 1.2; color: var(--accent); }
.door-card-line { margin: 0; color: var(--muted); }
.door-workshop { padding: clamp(1.5rem, 4vw, 2.5rem); background: var(--accent); border-color: var(--accent);
  color: #fff; }
.door-workshop:hover { background: var(--accent-dark); border-color: var(--accent-dark); }
.door-workshop .door-card-title { color: #fff; font-size: clamp(1.9rem, 5vw, 2.75rem); }
.door-workshop .door-card-line { color: #fff; font-size: 1.15em; max-width: 34em; }
.door-kicker { display: block; margin-bottom: 0.5rem; font-size: 0.85em; font-weight: 700;
  letter-spacing: 0.08em; text-transform: uppercase; }
.door-action { display: inline-block; margin-top: 1.25rem; padding: 0.6rem 1.4rem; border-radius: 999px;
  background: #fff; color: var(--accent); font-weight: 700; }
.door-tools-heading { font-size: 1.3em; margin: 2.5rem 0 1rem; }
.door-tools { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
.door-tool { border-top: 8px solid var(--accent); }
@media (prefers-reduced-motion: no-preference) { .door-card { transition: border-color 0.15s; } }
"""


_CURRENT = ' aria-current="true"'


def door_language(value: object) -> str:
    """The page's language for a ``?lang=`` value: a supported code, or Dutch for anything else."""
    code = str(value or "").strip().lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def _href(path: str, **query: str | None) -> str:
    """A link for an HTML attribute: ``path`` with the non-empty ``query`` values, escaped."""
    given = {name: value for name, value in query.items() if value}
    return html.escape(path + ("?" + urlencode(given) if given else ""), quote=True)


def _text(key: str, lang: str, **params: object) -> str:
    return html.escape(t(key, lang=lang, **params), quote=True)


def _page(lang: str, title: str, body: str) -> str:
    """A whole page of StageTok's own (front door, room full): ``body`` inside the door's layout.

    ``title`` and ``body`` are HTML already escaped by the caller.
    """
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>{_CSS}</style>
</head>
<body>
<div class="door">
{body}
</div>
</body>
</html>
"""


def dashboard_url(card: DoorCard, base_url: str = "/") -> str:
    """The path that renders a card's dashboard with Voila (no query)."""
    return f"{base_url.rstrip('/')}/voila/render/{quote(card.dashboard)}.ipynb"


def front_door_html(lang: str = DEFAULT_LANGUAGE, *, token: str | None = None, base_url: str = "/") -> str:
    """Render the front door: title, one line on StageTok, the workshop card, then a card per tool.

    Parameters
    ----------
    lang : {"nl", "en"}
        The page's language; anything else gives Dutch.
    token : str, optional
        The server's token, when it has one: every link carries it (``?token=``), so a link
        works in a browser that keeps no cookie, and can be passed on within the room.
    base_url : str
        Voila's base URL (``/`` unless it runs under a prefix).

    Returns
    -------
    str
        A whole HTML document: inline CSS, no script, no link to any other host. Every text
        and link is escaped.
    """
    lang = door_language(lang)
    root = base_url.rstrip("/") + "/"
    # The dashboards are told the language too, so that one that reads ``?lang=`` opens in it.
    shown_lang = None if lang == DEFAULT_LANGUAGE else lang

    def card_href(card: DoorCard) -> str:
        return _href(dashboard_url(card, base_url), lang=shown_lang, token=token)

    switch = "\n".join(
        f'<a href="{_href(root, lang=code, token=token)}" hreflang="{code}" lang="{code}"'
        f'{_CURRENT if code == lang else ""}>{_text("door.language_name", code)}</a>'
        for code in LANGUAGES
    )
    tools = "\n".join(
        f'<li><a class="door-card door-tool" href="{card_href(card)}">'
        f'<h3 class="door-card-title">{_text(card.title, lang)}</h3>'
        f'<p class="door-card-line">{_text(card.line, lang)}</p></a></li>'
        for card in TOOLS
    )
    return _page(lang, _text("door.title", lang), f"""<header>
<nav class="door-languages" aria-label="{_text("app.language", lang)}">
{switch}
</nav>
<h1>{_text("door.title", lang)}</h1>
<p class="door-tagline">{_text("door.tagline", lang)}</p>
</header>
<main>
<a class="door-card door-workshop" href="{card_href(WORKSHOP)}">
<span class="door-kicker">{_text("door.workshop.kicker", lang)}</span>
<h2 class="door-card-title">{_text(WORKSHOP.title, lang)}</h2>
<p class="door-card-line">{_text(WORKSHOP.line, lang, steps=len(STEPS))}</p>
<span class="door-action">{_text("door.workshop.action", lang)} <span aria-hidden="true">&rarr;</span></span>
</a>
<h2 class="door-tools-heading">{_text("door.tools.heading", lang)}</h2>
<ul class="door-tools">
{tools}
</ul>
</main>""")


class FrontDoorHandler(JupyterHandler):
    """Serve the front door in place of Voila's file list; ``/voila/tree/<folder>`` is not found."""

    @web.authenticated
    def get(self, path: str = "") -> None:
        """Answer with the page in the language of ``?lang=`` (Dutch by default)."""
        if path.strip("/"):
            raise web.HTTPError(404)
        # Set here rather than as the handler's default: an error page keeps Jupyter's own policy.
        self.set_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")  # the links hold the token
        lang = door_language(self.get_argument("lang", None))
        self.finish(front_door_html(lang, token=self.token or None, base_url=self.base_url))


#: A file name with its content's hash (``remoteEntry.c8c9eed2cdefdeac.js``, ``121.5c5a442bc10a67ee.js``):
#: a new version gets a new name, so the browser may keep it as long as it likes.
HASHED_NAME = re.compile(r"[./][0-9a-f]{16,}\.(?:js|css|woff2?|ttf|svg)$")
#: Seconds a kernel's page may be gone (no websocket) before its kernel may be shut down to make
#: room for a new page: long enough for a page to reconnect after the wifi drops for a moment.
ORPHAN_GRACE_SECONDS = 120
#: Seconds between two kernels started to refill a pool. A kernel takes about 4.5 s of one core
#: to warm up (toolkit.capacity.WARM_CORE_SECONDS): one every 10 s keeps refilling under half a
#: core of a 2-core laptop, leaving the rest to the pages being served.
REFILL_GAP_SECONDS = 10.0
#: Seconds a refused participant's browser is told to wait before trying again (``Retry-After``).
RETRY_AFTER_SECONDS = 30


class CachingGzip(GZipContentEncoding):
    """Tornado's gzip encoding, keeping the compressed form of every file that does not change.

    Thirty participants load the same 5.8 MB of JavaScript within seconds: compressing it once
    instead of thirty times saves the server about 0.15 s of a core per page. A response is
    kept when it is a whole ``GET`` answered ``200`` with a validator (``Etag``, or
    ``Last-Modified`` for files): the key is the path, the validator and the length, so a
    changed file is compressed again. Streamed pages (Voila's dashboards) have no validator
    and are compressed as they go. At most :attr:`LIMIT` bytes are kept, the least used first
    to go.
    """

    LIMIT = 64 * 1024 * 1024
    _kept: OrderedDict[tuple, bytes] = OrderedDict()
    _kept_bytes = 0

    def __init__(self, request) -> None:
        super().__init__(request)
        self._get = request.method == "GET"
        self._path = request.path
        self._parts: list[bytes] | None = None  # the compressed pieces of a response to keep
        self._key: tuple | None = None
        self._replayed = False

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        """Answer with the kept compressed body, or compress (keeping the result when it may be kept)."""
        validator = headers.get("Etag") or headers.get("Last-Modified")
        if self._gzipping and self._get and status_code == 200 and validator and "Content-Encoding" not in headers:
            key = (self._path, validator, headers.get("Content-Length"))
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                self._replayed = True
                headers["Vary"] = headers["Vary"] + ", Accept-Encoding" if "Vary" in headers else "Accept-Encoding"
                headers["Content-Encoding"] = "gzip"
                headers["Content-Length"] = str(len(kept))
                return status_code, headers, kept
            self._key, self._parts = key, []
        status_code, headers, chunk = super().transform_first_chunk(status_code, headers, chunk, finishing)
        if not self._gzipping:
            self._parts = None  # not compressed (a type gzip does not help): nothing to keep
        return status_code, headers, chunk

    def transform_chunk(self, chunk: bytes, finishing: bool) -> bytes:
        """The next compressed piece (nothing after a kept body was sent whole)."""
        if self._replayed:
            return b""
        chunk = super().transform_chunk(chunk, finishing)
        if self._parts is not None and self._gzipping:
            self._parts.append(chunk)
            if finishing:
                self._keep(b"".join(self._parts))
        return chunk

    def _keep(self, body: bytes) -> None:
        cls = type(self)
        if len(body) > cls.LIMIT or self._key in cls._kept:
            return
        cls._kept[self._key] = body
        cls._kept_bytes += len(body)
        while cls._kept_bytes > cls.LIMIT:
            _, dropped = cls._kept.popitem(last=False)
            cls._kept_bytes -= len(dropped)


class LabExtensionHandler(FileFindHandler):
    """Voila's lab extensions, a file with its content's hash in its name kept by the browser for a year.

    Every other file is answered ``no-cache`` as Voila does: the browser asks again, and gets
    ``304 Not Modified`` (no body) when the file has not changed.
    """

    def set_headers(self) -> None:
        """Voila's headers, then a year's caching for a hashed file name."""
        super().set_headers()
        if HASHED_NAME.search(self.request.path):
            self.set_header("Cache-Control", "public, max-age=31536000, immutable")


def with_room_care(handlers: list[tuple]) -> list[tuple]:
    """Voila's handlers with :class:`LabExtensionHandler` and the capacity check on its dashboards.

    The lab extensions' handler is the one serving ``/voila/labextensions/``; a dashboard's page
    (``/voila/render/...``) is checked for room first (see :func:`room_page_handler`).
    """
    from voila.tornado.handler import TornadoVoilaHandler

    room_handler = room_page_handler(TornadoVoilaHandler)
    cared = []
    for spec in handlers:
        pattern, handler = spec[0], spec[1]
        if handler is FileFindHandler and pattern.endswith("/voila/labextensions/(.*)"):
            spec = (pattern, LabExtensionHandler, *spec[2:])
        elif handler is TornadoVoilaHandler:
            spec = (pattern, room_handler, *spec[2:])
        cared.append(spec)
    return cared


@dataclass(frozen=True)
class Pools:
    """What Voila's pools hold at one moment.

    A pool holds tasks: a task is done once its kernel has started; the kernel
    is warm once the rendering that task began (running the dashboard's cells) is done too, or
    waits in the last cell for its page.
    """

    warm: int  # kernels that have run their dashboard
    starting: int  # tasks whose kernel has not started yet (id unknown)
    rendering: int  # kernels started, their dashboard still running

    @property
    def total(self) -> int:
        """Every pooled kernel, warm or not."""
        return self.warm + self.starting + self.rendering


def _waits_for_its_page(renderer) -> bool:
    """Whether a pooled kernel of a dashboard of two or more cells has run all before its last, and started it.

    A dashboard that reads its page's address (``toolkit.notebook.page_query``) does so in a
    last cell of its own (the workshop, the board) and waits there until a page takes the
    kernel: that kernel is as warm as it gets. A one-cell dashboard builds everything in that
    cell, so it is warm only once the cell has run (its render task is done).
    """
    executor = getattr(renderer, "executor", None)
    notebook = getattr(renderer, "notebook", None)
    if executor is None or notebook is None:
        return False
    code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    return code_cells > 1 and getattr(executor, "code_cells_executed", 0) >= code_cells


def pools(kernel_manager) -> Pools:
    """The state of Voila's pools (all empty when pre-heating is off)."""
    warm, starting, rendering = 0, 0, 0
    for pool in getattr(kernel_manager, "_pools", {}).values():
        for task in pool:
            if not task.done():
                starting += 1
            elif not task.cancelled() and task.exception() is None:
                content = task.result()
                if content["task"].done() or _waits_for_its_page(content["renderer"]):
                    warm += 1
                else:
                    rendering += 1
    return Pools(warm, starting, rendering)


def track_pages(kernel_manager) -> None:
    """Keep, on the kernel manager, the ids of the kernels handed to a page (from a pool, or started cold).

    Voila hands a pooled kernel to a page through ``get_rendered_notebook`` and starts a cold one
    through ``start_kernel``; its pools start theirs through the base class, past these two.
    """
    pages: set[str] = set()
    kernel_manager.stagetok_pages = pages
    take = getattr(kernel_manager, "get_rendered_notebook", None)  # only with pre-heated kernels
    start = kernel_manager.start_kernel

    async def get_rendered_notebook(*args, **kwargs):
        result = await take(*args, **kwargs)
        pages.add(result[2])  # (render task, rendered cells, kernel id)
        return result

    async def start_kernel(*args, **kwargs):
        kernel_id = await start(*args, **kwargs)
        pages.add(kernel_id)
        return kernel_id

    if take is not None:
        kernel_manager.get_rendered_notebook = get_rendered_notebook
    kernel_manager.start_kernel = start_kernel


def pages_open(kernel_manager) -> int:
    """Kernels serving a page (see :func:`track_pages`) that are still running."""
    pages = getattr(kernel_manager, "stagetok_pages", set())
    pages &= set(kernel_manager.list_kernel_ids())  # forget the kernels shut down since
    return len(pages)


def orphans(kernel_manager, grace: float = ORPHAN_GRACE_SECONDS) -> list[str]:
    """Kernels whose page has been gone (no websocket) for more than ``grace`` seconds, longest gone first."""
    now = dt.datetime.now(dt.UTC)
    gone = []
    for kernel_id in getattr(kernel_manager, "stagetok_pages", set()) & set(kernel_manager.list_kernel_ids()):
        if kernel_manager._kernel_connections.get(kernel_id, 0) > 0:
            continue
        last = getattr(kernel_manager.get_kernel(kernel_id), "last_activity", None)
        if last is not None and (now - last).total_seconds() > grace:
            gone.append((last, kernel_id))
    return [kernel_id for _, kernel_id in sorted(gone)]


async def make_room(kernel_manager, capacity: int, log=None) -> bool:
    """Whether a new page fits in ``capacity``, after shutting down orphaned kernels if needed."""
    if capacity <= 0:
        return True  # no cap
    for kernel_id in orphans(kernel_manager):
        if pages_open(kernel_manager) < capacity:
            break
        if log is not None:
            log.info("Shutting down kernel %s: its page has been gone for over %s s", kernel_id,
                     ORPHAN_GRACE_SECONDS)
        try:
            await kernel_manager.shutdown_kernel(kernel_id)
        except Exception:  # already gone, or shutting down: the count below tells
            pass
    return pages_open(kernel_manager) < capacity


def full_room_html(lang: str, capacity: int) -> str:
    """The page a participant gets when the room is full: what happened and what to do, no script."""
    lang = door_language(lang)
    return _page(lang, _text("door.full.title", lang), f"""<main>
<h1>{_text("door.full.title", lang)}</h1>
<p class="door-tagline">{_text("door.full.text", lang, capacity=format_int(capacity, lang))}</p>
<p class="door-tagline">{_text("door.full.action", lang)}</p>
</main>""")


def room_page_handler(base: type) -> type:
    """Voila's dashboard handler, turning a page away with :func:`full_room_html` when the room is full."""

    class RoomPageHandler(base):
        @web.authenticated
        async def get(self, path=None):
            capacity = self.settings.get("stagetok_capacity", 0)
            if not await make_room(self.kernel_manager, capacity, self.log):
                self.log.warning("Room full: %s pages open, capacity %s", pages_open(self.kernel_manager), capacity)
                self.set_status(503)
                self.set_header("Retry-After", str(RETRY_AFTER_SECONDS))
                self.set_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                self.set_header("Cache-Control", "no-store")
                self.finish(full_room_html(self.get_argument("lang", None), capacity))
                return
            await super().get(path)

    return RoomPageHandler


def stagger_refills(kernel_manager, gap: float = REFILL_GAP_SECONDS) -> None:
    """Make Voila refill its pools one kernel at a time, ``gap`` seconds apart.

    Voila refills a pool a second after each page takes a kernel (``fill_delay``): thirty pages
    in ten seconds start thirty kernels at once, which takes both cores from the pages being
    served for a minute. Here each refill waits for the one before it.
    """
    fill = kernel_manager.fill_if_needed
    next_start = [0.0]

    def fill_if_needed(delay=None, notebook_name=None, **kwargs):
        if delay is not None:  # the first fill, at start: all at once, before the room arrives
            return fill(delay=delay, notebook_name=notebook_name, **kwargs)
        now = time.monotonic()
        start = max(now + kernel_manager.fill_delay, next_start[0] + gap)
        next_start[0] = start
        return fill(delay=start - now, notebook_name=notebook_name, **kwargs)

    kernel_manager.fill_if_needed = fill_if_needed


async def announce_when_warm(kernel_manager, started: float, out=sys.stdout, every: float = 1.0,
                             progress_every: float = 10.0) -> int:
    """Print the pools' warm-up now and then, and "the room is ready" once every pooled kernel is warm.

    Returns the number of pooled kernels (0 at once when there are no pools).
    """
    last_progress = time.monotonic()
    while True:
        state = pools(kernel_manager)
        elapsed = time.monotonic() - started
        if not state.total:
            return 0
        if state.warm == state.total:
            print(f"\nThe room is ready: all {state.total} kernels are warm after {elapsed:.0f} s. "
                  "Participants can open their address now.\n", file=out, flush=True)
            return state.total
        if time.monotonic() - last_progress >= progress_every:
            last_progress = time.monotonic()
            print(f"Warming up: {state.warm} of {state.total} kernels ready after {elapsed:.0f} s", file=out,
                  flush=True)
        await asyncio.sleep(every)


def with_front_door(handlers: list[tuple]) -> list[tuple]:
    """Voila's URL handlers with :class:`FrontDoorHandler` wherever Voila would list the folder's files."""
    from voila.treehandler import VoilaTreeHandler

    return [(spec[0], FrontDoorHandler) if isinstance(spec[1], type) and issubclass(spec[1], VoilaTreeHandler)
            else spec for spec in handlers]


def voila_class() -> type:
    """Voila's application class with the front door and the room's care (imported here: Voila takes a while)."""
    from traitlets import Float, Int
    from voila.app import Voila

    class StageTokVoila(Voila):
        """Voila, serving the front door instead of the folder's file list, sized and compressed for a room."""

        capacity = Int(0, config=True, help="Pages that may be open at once (0: no cap). A page beyond it "
                                            "gets a message; orphaned kernels are shut down first.")
        workshop_pool = Int(0, config=True, help="Warm kernels kept for the workshop dashboard (0: as "
                                                 "--pool_size). Refills are staggered.")
        refill_gap = Float(REFILL_GAP_SECONDS, config=True, help="Seconds between two kernels started to "
                                                                 "refill a pool.")

        def init_settings(self) -> dict:
            """Voila's settings with compression on, the capacity, and the workshop's own pool size."""
            if self.workshop_pool > 0:
                from toolkit.capacity import OTHER_POOL, WORKSHOP_NOTEBOOK

                self.config.VoilaKernelManager.kernel_pools_config = {
                    "default": {"pool_size": OTHER_POOL}, WORKSHOP_NOTEBOOK: {"pool_size": self.workshop_pool}}
            settings = super().init_settings()
            # Here, before Voila builds its server: Tornado takes its output transforms when the
            # server is built, so compress_response set afterwards (--Voila.tornado_settings) does
            # nothing. Voila passes these settings to tornado.web.Application, which takes
            # "transforms" as its own argument.
            settings["transforms"] = [CachingGzip]
            settings["stagetok_capacity"] = self.capacity
            track_pages(self.kernel_manager)
            if self.voila_configuration.preheat_kernel:
                stagger_refills(self.kernel_manager, self.refill_gap)
                asyncio.get_event_loop().create_task(announce_when_warm(self.kernel_manager, time.monotonic()))
            return settings

        def init_handlers(self) -> list:
            """Voila's handlers with the front door and the room's care in place."""
            return with_room_care(with_front_door(super().init_handlers()))

    return StageTokVoila


def main() -> None:
    """Run Voila's own command line with StageTok's template folder first on the search path."""
    existing = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(SHARE), *existing])
    voila_class().launch_instance()


if __name__ == "__main__":
    main()
