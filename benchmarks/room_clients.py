"""Light participants for a room test: each one speaks to Voila as a dashboard page does.

A workshop room is 10 to 30 participants opening the same dashboard within seconds. Real
browsers on the server's own machine would measure the browsers, so each participant here is
an asyncio client that does on the network what Voila 0.5.13's page does, and nothing else:

1. GET the dashboard with a browser's ``Accept-Encoding``, keeping the cookies it sets;
2. GET every static file the page loads: the scripts and stylesheets the HTML names, the lab
   extensions' ``remoteEntry`` files named in the page config, and (with a :class:`Manifest`
   recorded from a real Chromium page) the chunks the JavaScript then loads, up to six at a
   time as a browser does over HTTP/1.1. A client-side :class:`HttpCache` honours
   ``Cache-Control``, ``Expires``, ``ETag``/``Last-Modified`` (and a browser's heuristic
   freshness) on a second load of the same participant;
3. GET ``/api/kernels/<id>`` (the id is in the page config), open its ``channels`` WebSocket
   with the ``v1.kernel.websocket.jupyter.org`` protocol, send ``kernel_info_request``, then
   ask for every widget's state as ipywidgets 8's manager does in Voila: ``comm_open`` of
   ``jupyter.widget.control`` (metadata ``version 1.0.0``), ``request_states``, the answer
   ``update_states``, ``comm_close``; and when that answer takes over 4 s, as the manager does,
   ``comm_info_request`` and a ``request_state`` for every widget. Interactive = every widget
   state arrived and every static file loaded, on a page whose HTML shows a widget (a page
   without one is blank: Voila lost the cell's output, as it does when its executor waits over
   ``iopub_timeout`` for it, and the participant sees nothing);
4. change a widget as its view does (``comm_msg`` with method ``update``, the changed trait in
   ``state`` and ``buffer_paths``), one change at a time (ipywidgets waits for the kernel to
   be idle before it sends the next), and time the kernel's answer: the update that redraws
   (chosen per dashboard by a :class:`Driver`) and ``status: idle`` for the change;
5. on leaving, send Voila's ``beforeunload`` beacon (``POST voila/api/shutdown/<id>`` with the
   ``_xsrf`` form field) and close the socket.

Bytes are counted as they come over the wire: HTTP bodies before any decompression (the
client never decompresses a static file, and decodes only the dashboard's HTML to read it),
WebSocket frames as tornado's protocol counts them (``ws_wire_bytes``; ``ws_bytes`` are the
messages). Errors and hung requests (timeouts) are kept apart.

Where these clients differ from a page: no JavaScript runs (a browser spends a second or two
parsing about 6 MB of it before it opens the kernel's socket, and draws the widgets), tornado's
simple HTTP client opens a new connection for every request (a browser keeps six alive), and
without a manifest the chunks the JavaScript loads are not fetched at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import email.utils
import json
import math
import sys
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest, HTTPResponse
from tornado.simple_httpclient import HTTPTimeoutError
from tornado.websocket import WebSocketClientConnection, websocket_connect

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: What Chromium sends.
ACCEPT_ENCODING = "gzip, deflate, br"
#: The kernel WebSocket protocol JupyterLab's services (and so Voila's page) ask for first.
V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"
#: ipywidgets 8's comm targets and the control protocol's version.
WIDGET_TARGET = "jupyter.widget"
CONTROL_TARGET = "jupyter.widget.control"
CONTROL_VERSION = "1.0.0"
VEGALITE = "application/vnd.vegalite.v5+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: Seconds ipywidgets 8's manager waits for the control comm's ``update_states`` before it asks widget by widget.
CONTROL_TIMEOUT = 4.0
#: Connections a browser opens to one host over HTTP/1.1.
BROWSER_CONNECTIONS = 6
#: Share of (Date - Last-Modified) a browser treats as fresh when a response says nothing (RFC 9111 4.2.2).
HEURISTIC_SHARE = 0.1


# --------------------------------------------------------------------------- statistics

def percentile(values: Iterable[float | None], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value that ``share`` of the values are at or below.

    Parameters
    ----------
    values : iterable of float or None
        Measurements; ``None`` (no measurement) is left out.
    share : float
        Between 0 and 1: 0.95 for the p95 (0.5 gives the lower middle value of an even count).

    Returns
    -------
    float or None
        An observed value (never interpolated), or None when there is none. With fewer than 20
        values the p95 is the largest.
    """
    if not 0 <= share <= 1:
        raise ValueError(f"share must be between 0 and 1, not {share!r}")
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return None
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def median(values: Iterable[float | None]) -> float | None:
    """The median (mean of the two middle values for an even count), or None without values."""
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def summary(values: Iterable[float | None]) -> dict[str, float | int | None]:
    """Count, median, p95 (nearest rank) and maximum of the measured values."""
    measured = [v for v in values if v is not None]
    return {"n": len(measured), "median": median(measured), "p95": percentile(measured, 0.95),
            "max": max(measured) if measured else None}


# --------------------------------------------------------------------------- the page

class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.resources: list[str] = []
        self.config_text: str | None = None
        self.outputs: list[str] = []
        self._capture: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "script":
            if attributes.get("src"):
                self.resources.append(attributes["src"])
            elif attributes.get("id") == "jupyter-config-data":
                self._capture = "config"
            elif attributes.get("type") == "application/vnd.voila.cell-output+json":
                self._capture = "output"
        elif tag == "link" and attributes.get("href"):
            rel = set(attributes.get("rel", "").lower().split())
            if rel & {"stylesheet", "preload", "modulepreload"}:
                self.resources.append(attributes["href"])

    def handle_data(self, data):
        if self._capture:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._capture:
            text = "".join(self._text)
            if self._capture == "config":
                self.config_text = text
            else:
                self.outputs.append(text)
            self._capture, self._text = None, []


@dataclass(frozen=True)
class Page:
    """What a dashboard page tells its JavaScript.

    Attributes
    ----------
    url : str
        The page's own URL.
    config : dict
        The page config (``<script id="jupyter-config-data">``).
    resources : tuple of str
        Absolute URLs of the scripts and stylesheets the HTML names, on this server, in order.
    external : tuple of str
        Scripts and stylesheets on other hosts (a browser would try them; these clients do not).
    root_widgets : tuple of str
        Model ids of the widgets the cells display (their ``widget-view`` outputs).
    """

    url: str
    config: dict
    resources: tuple[str, ...]
    external: tuple[str, ...]
    root_widgets: tuple[str, ...]

    @property
    def kernel_id(self) -> str:
        """The kernel Voila started (or took from its pool) for this page."""
        kernel = self.config.get("kernelId")
        if not kernel:
            raise ValueError("the page config has no kernelId")
        return kernel

    @property
    def base_url(self) -> str:
        """Absolute URL of the server's base (``baseUrl`` of the page config)."""
        return urljoin(self.url, self.config.get("baseUrl", "/"))

    def extension_entries(self) -> list[str]:
        """The ``remoteEntry`` file of every lab extension the page config lists, as the page loads them."""
        root = urljoin(self.url, self.config.get("fullLabextensionsUrl", "/voila/labextensions")).rstrip("/")
        return [f"{root}/{extension['name']}/{extension['load']}"
                for extension in self.config.get("federated_extensions", []) if extension.get("load")]


def parse_page(html: str, url: str) -> Page:
    """Read a Voila dashboard page: page config, static files, the cells' widgets.

    Parameters
    ----------
    html : str
        The page as the server sent it (decoded).
    url : str
        The page's URL (relative links are resolved against it).
    """
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    if parser.config_text is None:
        raise ValueError("no jupyter-config-data in the page: is this a Voila dashboard?")
    config = json.loads(parser.config_text)
    origin = urlsplit(url)
    local, external = [], []
    for link in parser.resources:
        absolute = urljoin(url, link)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            continue
        (local if parts.netloc == origin.netloc else external).append(absolute)
    roots = []
    for text in parser.outputs:
        with contextlib.suppress(ValueError, AttributeError, TypeError):
            view = json.loads(text).get("data", {}).get(WIDGET_VIEW)
            if view and view.get("model_id"):
                roots.append(view["model_id"])
    return Page(url, config, tuple(dict.fromkeys(local)), tuple(dict.fromkeys(external)), tuple(roots))


@dataclass(frozen=True)
class Manifest:
    """The static files a real page loads after its HTML, as paths on the server (``/voila/...``).

    Attributes
    ----------
    boot : tuple of str
        Loaded before the page asks for its kernel (``GET /api/kernels/<id>``).
    late : tuple of str
        Loaded while the kernel connects (renderers, fonts, widget views).
    """

    boot: tuple[str, ...] = ()
    late: tuple[str, ...] = ()

    @classmethod
    def from_requests(cls, page_url: str, requests: Iterable[tuple[str, str]]) -> Manifest:
        """Build a manifest from the (method, URL) requests a browser made for one page load, in order.

        The page itself, the server's APIs (``/api/``, ``/voila/api/``), requests to other hosts
        and anything but GET are left out; the first ``/api/kernels/`` request splits boot
        from late files.
        """
        origin = urlsplit(page_url).netloc
        page = _path_of(page_url)
        boot: list[str] = []
        late: list[str] = []
        current = boot
        for method, url in requests:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            path = _path_of(url)
            if "/api/kernels/" in parts.path:
                current = late
                continue
            if method != "GET" or path == page or "/api/" in parts.path:
                continue
            if path not in boot and path not in late:
                current.append(path)
        return cls(tuple(boot), tuple(late))

    def to_json(self) -> dict:
        """The manifest as a JSON-ready dict."""
        return {"boot": list(self.boot), "late": list(self.late)}

    def moved(self, old_prefix: str, new_prefix: str) -> Manifest:
        """The same files under another base path, e.g. from ``/user/a/`` to ``/user/b/`` on JupyterHub."""
        def move(paths: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(new_prefix + path[len(old_prefix):] if path.startswith(old_prefix) else path
                         for path in paths)

        return Manifest(move(self.boot), move(self.late))

    @classmethod
    def from_json(cls, data: dict) -> Manifest:
        """Read a manifest written by :meth:`to_json`."""
        return cls(tuple(data.get("boot", ())), tuple(data.get("late", ())))


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def files_to_load(page: Page, manifest: Manifest | None) -> tuple[list[str], list[str]]:
    """Absolute URLs of the (boot, late) static files of a page load.

    Boot files are the HTML's scripts and stylesheets, the lab extensions' entries and the
    manifest's boot files; late files are the manifest's late ones. Each URL comes once.
    """
    boot = list(page.resources) + page.extension_entries()
    late: list[str] = []
    if manifest is not None:
        boot += [urljoin(page.url, path) for path in manifest.boot]
        late += [urljoin(page.url, path) for path in manifest.late]
    boot = list(dict.fromkeys(boot))
    return boot, [url for url in dict.fromkeys(late) if url not in boot]


def decode_body(body: bytes, encoding: str | None) -> bytes:
    """Undo an HTTP ``Content-Encoding`` (gzip, deflate, br; br needs the ``brotli`` module)."""
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("identity", ""):
        return body
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompress(body, 16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        try:
            return zlib.decompress(body)
        except zlib.error:  # some servers send a raw deflate stream
            return zlib.decompress(body, -zlib.MAX_WBITS)
    if encoding == "br":
        try:
            import brotli
        except ImportError as error:
            raise ValueError("the server answered with brotli, and the brotli module is not installed") from error
        return brotli.decompress(body)
    raise ValueError(f"unknown content encoding {encoding!r}")


# --------------------------------------------------------------------------- HTTP cache

def _cache_control(headers) -> dict[str, str | None]:
    directives: dict[str, str | None] = {}
    for header in headers.get_list("Cache-Control") if hasattr(headers, "get_list") else [headers.get("Cache-Control")]:
        for item in (header or "").split(","):
            name, _, value = item.strip().partition("=")
            if name:
                directives[name.lower()] = value.strip('"') or None
    return directives


def _http_date(value: str | None) -> float | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def freshness_lifetime(headers, status: int = 200) -> float:
    """Seconds a private (browser) cache may reuse a response without asking the server.

    ``no-cache`` (or ``Pragma: no-cache`` alone) gives 0; then ``max-age``; then ``Expires``
    minus ``Date``; else a browser's heuristic, a tenth of the time since ``Last-Modified``
    (RFC 9111 section 4.2.2; Chromium and Firefox use this share). ``immutable`` changes
    nothing here: it only spares revalidation on an explicit reload, which a second visit is not.
    """
    control = _cache_control(headers)
    if "no-cache" in control or "no-store" in control or "must-understand" in control:
        return 0.0
    if not control and "no-cache" in (headers.get("Pragma") or "").lower():
        return 0.0
    if "max-age" in control:
        try:
            return max(0.0, float(control["max-age"] or 0))
        except ValueError:
            return 0.0
    date = _http_date(headers.get("Date")) or time.time()
    if headers.get("Expires") is not None:
        expires = _http_date(headers.get("Expires"))
        return max(0.0, expires - date) if expires is not None else 0.0
    modified = _http_date(headers.get("Last-Modified"))
    if modified is not None and status in (200, 203, 204, 300, 301, 404, 405, 410, 414, 501):
        return max(0.0, HEURISTIC_SHARE * (date - modified))
    return 0.0


@dataclass
class CacheEntry:
    """A response kept by :class:`HttpCache`: its validators and until when it is fresh."""

    url: str
    etag: str | None
    last_modified: str | None
    stored_at: float
    lifetime: float
    size: int

    def fresh(self, now: float) -> bool:
        """True while the response may be reused without a request."""
        return now - self.stored_at < self.lifetime


class HttpCache:
    """A browser's private HTTP cache, reduced to what a second page load needs.

    A response is kept unless it says ``no-store``; it is reused without a request while
    fresh (:func:`freshness_lifetime`, less its ``Age``), and asked again with
    ``If-None-Match``/``If-Modified-Since`` when stale, so that the server can answer 304.

    Parameters
    ----------
    clock : callable
        Current time in seconds (``time.time`` by default; a test passes its own).
    """

    def __init__(self, clock: Callable[[], float] = time.time):
        self.clock = clock
        self.entries: dict[str, CacheEntry] = {}

    def store(self, url: str, response_headers, status: int = 200, size: int = 0) -> CacheEntry | None:
        """Keep a response (200) or refresh a kept one (304); return the entry, or None if not kept."""
        control = _cache_control(response_headers)
        if "no-store" in control:
            self.entries.pop(url, None)
            return None
        if status not in (200, 203, 304):
            return None
        age = 0.0
        with contextlib.suppress(TypeError, ValueError):
            age = float(response_headers.get("Age") or 0)
        lifetime = max(0.0, freshness_lifetime(response_headers, 200) - age)
        old = self.entries.get(url)
        if status == 304:
            if old is None:
                return None
            entry = dataclasses.replace(
                old, stored_at=self.clock(), lifetime=lifetime,
                etag=response_headers.get("ETag") or old.etag,
                last_modified=response_headers.get("Last-Modified") or old.last_modified)
        else:
            entry = CacheEntry(url, response_headers.get("ETag"), response_headers.get("Last-Modified"),
                               self.clock(), lifetime, size)
        if entry.etag is None and entry.last_modified is None and entry.lifetime <= 0:
            self.entries.pop(url, None)  # nothing to revalidate with, never fresh: useless
            return None
        self.entries[url] = entry
        return entry

    def fresh(self, url: str) -> bool:
        """True when ``url`` can be used from the cache without any request."""
        entry = self.entries.get(url)
        return entry is not None and entry.fresh(self.clock())

    def validators(self, url: str) -> dict[str, str]:
        """Conditional request headers for a stale entry (empty when there is nothing to ask with)."""
        entry = self.entries.get(url)
        headers = {}
        if entry is not None:
            if entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
        return headers


# --------------------------------------------------------------------------- kernel messages

def _dumps(value) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def new_message(msg_type: str, content: dict, session: str, *, channel: str = "shell",
                metadata: dict | None = None, buffers: Iterable[bytes] = ()) -> dict:
    """A Jupyter message as JupyterLab's services make one (protocol version 5.2, empty username)."""
    now = datetime.now(UTC)
    return {
        "channel": channel,
        "header": {"date": now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z",
                   "msg_id": str(uuid.uuid4()), "msg_type": msg_type, "session": session,
                   "username": "", "version": "5.2"},
        "parent_header": {},
        "metadata": metadata or {},
        "content": content,
        "buffers": [bytes(b) for b in buffers],
    }


def serialize_v1(msg: dict) -> bytes:
    """Frame a message for the ``v1.kernel.websocket.jupyter.org`` protocol.

    Little-endian 64-bit: the number of offsets, the offsets (channel, header, parent header,
    metadata, content, each buffer, end), then the channel name and the parts.
    """
    parts = [_dumps(msg["header"]), _dumps(msg.get("parent_header") or {}), _dumps(msg.get("metadata") or {}),
             _dumps(msg.get("content") or {}), *[bytes(b) for b in msg.get("buffers", ())]]
    channel = msg["channel"].encode("utf-8")
    offsets = [8 * (1 + 1 + len(parts) + 1)]
    offsets.append(offsets[-1] + len(channel))
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    head = len(offsets).to_bytes(8, "little") + b"".join(o.to_bytes(8, "little") for o in offsets)
    return head + channel + b"".join(parts)


def deserialize_v1(frame: bytes) -> dict:
    """Read a ``v1.kernel.websocket.jupyter.org`` frame into a message dict (with ``buffers``)."""
    frame = bytes(frame)
    count = int.from_bytes(frame[:8], "little")
    if count < 5 or len(frame) < 8 * (count + 1):
        raise ValueError(f"not a v1 kernel message: {count} offsets in {len(frame)} bytes")
    offsets = [int.from_bytes(frame[8 * (i + 1):8 * (i + 2)], "little") for i in range(count)]
    if offsets != sorted(offsets) or offsets[-1] > len(frame):
        raise ValueError("v1 kernel message with offsets out of order or past its end")
    channel = frame[offsets[0]:offsets[1]].decode("utf-8")
    parts = [frame[offsets[i]:offsets[i + 1]] for i in range(1, count - 1)]
    header, parent, metadata, content = (json.loads(part) if part else {} for part in parts[:4])
    return {"channel": channel, "header": header, "parent_header": parent, "metadata": metadata,
            "content": content, "buffers": parts[4:]}


def serialize_legacy(msg: dict) -> str | bytes:
    """Frame a message for the legacy (no subprotocol) format: JSON text, or binary with buffers."""
    body = {key: msg.get(key) or {} for key in ("header", "parent_header", "metadata", "content")}
    body["channel"] = msg["channel"]
    buffers = [bytes(b) for b in msg.get("buffers", ())]
    if not buffers:
        return json.dumps(body, separators=(",", ":"))
    parts = [_dumps(body), *buffers]
    offsets = [4 * (len(parts) + 1)]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part))
    head = len(parts).to_bytes(4, "big") + b"".join(o.to_bytes(4, "big") for o in offsets)
    return head + b"".join(parts)


def deserialize_legacy(frame: str | bytes) -> dict:
    """Read a legacy-format frame (JSON text, or the binary format with buffers)."""
    if isinstance(frame, str):
        msg = json.loads(frame)
        msg.setdefault("buffers", [])
        return msg
    frame = bytes(frame)
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 * (i + 1):4 * (i + 2)], "big") for i in range(count)] + [len(frame)]
    parts = [frame[offsets[i]:offsets[i + 1]] for i in range(count)]
    msg = json.loads(parts[0])
    msg["buffers"] = parts[1:]
    return msg


# --------------------------------------------------------------------------- widget state

def put_buffers(state: dict, buffer_paths: list, buffers: list) -> dict:
    """Put binary buffers back into a widget state at their paths (ipywidgets' ``put_buffers``)."""
    for path, buffer in zip(buffer_paths, buffers, strict=False):
        target = state
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = buffer
    return state


def remove_buffers(state: dict) -> tuple[dict, list[list], list[bytes]]:
    """Take binary values out of a widget state: (state without them, their paths, the buffers).

    The same split as ipywidgets' ``remove_buffers``: a buffer in a list leaves ``None`` in its
    place, one in a dict is left out; the state given is not changed.
    """
    paths: list[list] = []
    buffers: list[bytes] = []

    def split(value, path):
        if isinstance(value, bytes | bytearray | memoryview):
            paths.append(path)
            buffers.append(bytes(value))
            return None, True
        if isinstance(value, dict):
            kept = {}
            for key, item in value.items():
                new, removed = split(item, [*path, key])
                if not removed:
                    kept[key] = new
            return kept, False
        if isinstance(value, list | tuple):
            return [split(item, [*path, index])[0] for index, item in enumerate(value)], False
        return value, False

    cleaned, _ = split(state, [])
    return cleaned, paths, buffers


def widget_refs(value) -> set[str]:
    """Model ids a widget state refers to (``"IPY_MODEL_<id>"`` strings, at any depth)."""
    found: set[str] = set()
    if isinstance(value, str):
        if value.startswith("IPY_MODEL_"):
            found.add(value[len("IPY_MODEL_"):])
    elif isinstance(value, dict):
        for item in value.values():
            found |= widget_refs(item)
    elif isinstance(value, list | tuple):
        for item in value:
            found |= widget_refs(item)
    return found


class Widgets:
    """The widget states a page holds, kept up to date from the kernel's messages (model id -> state)."""

    def __init__(self):
        self.states: dict[str, dict] = {}

    def load_states(self, data: dict, buffers: list[bytes]) -> None:
        """Take an ``update_states`` answer of the control comm."""
        grouped: dict[str, tuple[list, list]] = {}
        for path, buffer in zip(data.get("buffer_paths", []), buffers, strict=False):
            paths, values = grouped.setdefault(path[0], ([], []))
            paths.append(path[1:])
            values.append(buffer)
        for model_id, entry in data.get("states", {}).items():
            # ipywidgets takes the buffers out of {model id: {"model_name", ..., "state"}}: each
            # path is [model id, "state", trait, ...]
            entry = {**entry, "state": dict(entry.get("state", {}))}
            if model_id in grouped:
                put_buffers(entry, *grouped[model_id])
            self.states[model_id] = entry["state"]

    def apply(self, msg: dict) -> str | None:
        """Apply a ``comm_open``/``comm_msg``/``comm_close`` of a widget; return its model id (or None)."""
        msg_type = msg["header"].get("msg_type")
        content = msg.get("content") or {}
        comm_id = content.get("comm_id")
        data = content.get("data") or {}
        if msg_type == "comm_open" and content.get("target_name") == WIDGET_TARGET:
            state = dict(data.get("state", {}))
            put_buffers(state, data.get("buffer_paths", []), msg.get("buffers", []))
            self.states[comm_id] = state
            return comm_id
        if msg_type == "comm_msg" and comm_id in self.states and data.get("method") in ("update", "echo_update"):
            state = dict(data.get("state", {}))
            put_buffers(state, data.get("buffer_paths", []), msg.get("buffers", []))
            self.states[comm_id].update(state)
            return comm_id
        if msg_type == "comm_close" and comm_id in self.states:
            del self.states[comm_id]
            return comm_id
        return None

    def find(self, model_name: str, **traits) -> list[str]:
        """Model ids of the widgets of ``model_name`` whose traits have the given values."""
        return [model_id for model_id, state in self.states.items()
                if state.get("_model_name") == model_name
                and all(state.get(name) == value for name, value in traits.items())]

    def with_class(self, css_class: str) -> list[str]:
        """Model ids of the widgets with ``css_class`` in their ``_dom_classes``."""
        return [model_id for model_id, state in self.states.items() if css_class in (state.get("_dom_classes") or ())]

    def reachable(self, model_ids: Iterable[str]) -> set[str]:
        """The given widgets and every widget they refer to, at any depth (known or not)."""
        seen, todo = set(), list(model_ids)
        while todo:
            model_id = todo.pop()
            if model_id not in seen:
                seen.add(model_id)
                todo.extend(widget_refs(self.states.get(model_id, {})))
        return seen

    def missing(self, model_ids: Iterable[str]) -> set[str]:
        """The widgets (and the widgets they refer to, at any depth) that this page has no state for."""
        return {model_id for model_id in self.reachable(model_ids) if model_id not in self.states}


def has_mimetype(state: dict, mimetype: str = VEGALITE) -> bool:
    """True when an Output widget state (or its update) shows an output of ``mimetype``."""
    return any(isinstance(output, dict) and mimetype in (output.get("data") or {})
               for output in state.get("outputs") or ())


# --------------------------------------------------------------------------- what to change

@dataclass(frozen=True)
class Driver:
    """How to change one dashboard as a participant does, and what answer to wait for.

    Attributes
    ----------
    name : str
        Short name (``--dashboard``).
    notebook : str
        The dashboard's notebook in ``workshops/dashboards``.
    root_class : str
        CSS class of the dashboard's root widget (what a browser waits for).
    control : str
        What is changed and what answer counts, in words (for the report).
    find : callable
        ``find(widgets) -> model id`` of the control to change.
    change : callable
        ``change(widgets, model_id, i, participant) -> state`` to send for change ``i``.
    answered : callable
        ``answered(widgets, sent_state, messages) -> bool``: whether the kernel's messages for
        the change (iopub messages whose parent is the change, in order) hold the expected
        answer; called once the kernel is idle again.
    """

    name: str
    notebook: str
    root_class: str
    control: str
    find: Callable[[Widgets], str]
    change: Callable[[Widgets, str, int, int], dict]
    answered: Callable[[Widgets, dict, list[dict]], bool]


def _descriptions(key: str) -> set[str]:
    from toolkit.i18n import LANGUAGES, t

    return {t(key, lang=lang) for lang in LANGUAGES}


def _described(widgets: Widgets, model_name: str, key: str) -> str:
    texts = _descriptions(key)
    found = [model_id for model_id, state in widgets.states.items()
             if state.get("_model_name") == model_name and state.get("description") in texts]
    if len(found) != 1:
        raise LookupError(f"expected one {model_name} described {sorted(texts)}, found {len(found)}")
    return found[0]


def _updates(messages: list[dict]):
    for msg in messages:
        if msg["header"].get("msg_type") == "comm_msg":
            data = msg["content"].get("data") or {}
            if data.get("method") == "update":
                yield msg["content"].get("comm_id"), data.get("state") or {}


def _redraws_chart(widgets: Widgets, sent: dict, messages: list[dict]) -> bool:
    return any(has_mimetype(state) for _, state in _updates(messages))


def _next_slider_value(widgets: Widgets, model_id: str, i: int, participant: int) -> dict:
    state = widgets.states[model_id]
    low, high = max(int(state.get("min", 0)), 1), int(state.get("max", 100))
    value = int(state.get("value", low))
    span = high - low + 1
    return {"value": low + (value - low + 1) % span if span > 1 else low}


#: Post counts typed in turn into the Hashtag Lab's first research-sheet row (each redraws its bar).
LAB_POSTS = (1_500, 25_000, 400_000, 800, 60_000, 3_000_000, 12_000, 250, 90_000, 5_000)


def _first_posts_field(widgets: Widgets) -> str:
    grids = widgets.find("GridBoxModel")
    if len(grids) != 1:
        raise LookupError(f"expected one GridBox (the research sheet), found {len(grids)}")
    for ref in widgets.states[grids[0]].get("children") or ():
        model_id = ref.removeprefix("IPY_MODEL_")
        if widgets.states.get(model_id, {}).get("_model_name") == "TextModel":
            return model_id
    raise LookupError("the research sheet has no post-count field")


def _next_posts(widgets: Widgets, model_id: str, i: int, participant: int) -> dict:
    current = "".join(ch for ch in str(widgets.states[model_id].get("value", "")) if ch.isdigit())
    choices = [str(v) for v in LAB_POSTS if str(v) != current]
    return {"value": choices[i % len(choices)]}


def _steps(widgets: Widgets) -> str:
    found = widgets.with_class("stagetok-steps")
    if len(found) != 1:
        raise LookupError(f"expected one widget of class stagetok-steps, found {len(found)}")
    return found[0]


def _next_step(widgets: Widgets, model_id: str, i: int, participant: int) -> dict:
    state = widgets.states[model_id]
    count = len(state.get("_options_labels") or ()) or 1
    return {"index": ((state.get("index") or 0) + 1) % count}


def _step_shown(widgets: Widgets, sent: dict, messages: list[dict]) -> bool:
    stages = set(widgets.with_class("stagetok-stage"))
    for comm_id, state in _updates(messages):
        if comm_id in stages and "children" in state:
            return not widgets.missing(widget_refs(state["children"]))
    return False


def _team_name_field(widgets: Widgets) -> str:
    return _described(widgets, "TextModel", "welcome.team_name")


def _next_team_name(widgets: Widgets, model_id: str, i: int, participant: int) -> dict:
    return {"value": f"Team {participant + 1}-{i + 1}"}


def _team_bar_shows(widgets: Widgets, sent: dict, messages: list[dict]) -> bool:
    name = sent["value"]
    return any(isinstance(state.get("value"), str) and name in state["value"] and comm_id != sent.get("_field")
               for comm_id, state in _updates(messages))


#: The dashboards a room test can drive, by ``--dashboard`` name.
DRIVERS: dict[str, Driver] = {driver.name: driver for driver in (
    Driver("reach", "reach_explorer.ipynb", "stagetok-reach-explorer",
           "posts-per-week slider (IntSlider value +1); answer: an Output update with a Vega-Lite chart",
           lambda widgets: _described(widgets, "IntSliderModel", "explorer.posts"), _next_slider_value,
           _redraws_chart),
    Driver("lab", "hashtag_lab.ipynb", "stagetok-hashtag-lab",
           "post count of the research sheet's first row (Text value, a number); answer: an Output update "
           "with a Vega-Lite chart", _first_posts_field, _next_posts, _redraws_chart),
    Driver("workshop", "workshop.ipynb", "stagetok-workshop",
           "step buttons (ToggleButtons index +1: the next step); answer: the stage's children "
           "updated and the new step's widgets all arrived",
           _steps, _next_step, _step_shown),
    Driver("workshop-team", "workshop.ipynb", "stagetok-workshop",
           "welcome step's team name (Text value; the workshop saves the workbook); answer: a widget "
           "update showing the new name (the team bar)",
           _team_name_field, _next_team_name, _team_bar_shows),
)}


# --------------------------------------------------------------------------- one participant

@dataclass
class PageLoad:
    """One page load of a participant; times in seconds from the start of the load."""

    second: bool = False
    started: float = 0.0  # time.monotonic() at the start
    page_s: float | None = None  # the dashboard's HTML received
    boot_s: float | None = None  # every boot file received (or taken from the cache)
    states_s: float | None = None  # every widget state arrived
    statics_s: float | None = None  # every static file received
    interactive_s: float | None = None  # widget states and static files all there
    requests: int = 0  # HTTP requests sent (page, static files, kernel model)
    from_cache: int = 0  # static files reused from the cache without a request
    not_modified: int = 0  # 304 answers
    http_bytes: int = 0  # HTTP body bytes as received (before any decompression)
    page_bytes: int = 0  # of which the dashboard's HTML
    encodings: dict[str, int] = field(default_factory=dict)  # Content-Encoding -> responses
    status: int | None = None  # the page's HTTP status
    kernel_id: str = ""
    protocol: str = ""  # the WebSocket subprotocol the server chose
    widgets: int = 0  # widget states received
    states_by_widget: bool = False  # the control comm was too slow: states asked widget by widget
    external: int = 0  # files on other hosts the page names (not fetched)
    blank: bool = False  # the HTML shows no widget: Voila lost the cells' output (a blank page), never interactive


@dataclass
class ChangeTiming:
    """One change of the driven control; times in seconds from sending it."""

    index: int
    state: dict
    echo_s: float | None = None  # the kernel's echo_update
    answer_s: float | None = None  # the message that completed the expected answer (chart, children, ...)
    idle_s: float | None = None  # kernel status idle for the change
    answered: bool = False  # the expected answer arrived before idle
    messages: int = 0  # iopub messages for the change

    @property
    def delay_s(self) -> float | None:
        """Change to update: until the answer and the idle status have both arrived."""
        if not self.answered or self.idle_s is None:
            return None
        return max(self.idle_s, self.answer_s or 0.0)


@dataclass
class Timeouts:
    """Seconds before a wait counts as hung."""

    page: float = 300.0  # the dashboard's HTML (Voila may start and run a kernel first)
    static: float = 120.0  # one static file
    connect: float = 30.0  # a TCP connection
    states: float = 300.0  # from the socket open to every widget state
    change: float = 60.0  # from a change to the kernel idle again


class _Watch:
    def __init__(self, on_message: Callable[[dict, float], bool]):
        self.on_message = on_message
        self.done = asyncio.get_running_loop().create_future()


class Participant:
    """One participant's browser: a cookie jar, an HTTP cache, and one dashboard page at a time.

    Parameters
    ----------
    url : str
        The dashboard's URL (with ``?token=`` when the server wants one).
    index : int
        The participant's number in the room (0-based); used in values it types.
    driver : Driver, optional
        What to change; without one, :meth:`change` cannot be used.
    manifest : Manifest, optional
        The static files the JavaScript loads, recorded from a real page; without one only
        the files the HTML and the page config name are loaded.
    timeouts : Timeouts, optional
        When a wait counts as hung.
    connections : int
        Parallel HTTP requests (a browser opens six per host).
    headers : dict, optional
        Sent with every request and the WebSocket's opening, e.g. ``Authorization: token ...``
        for a participant's own server behind JupyterHub (which ignores ``?token=`` on pages).
    subprotocols : sequence of str
        The kernel WebSocket protocols offered, as JupyterLab's page offers them; empty for
        Jupyter's older JSON text protocol only (for a proxy that does not pass binary frames on).
    """

    def __init__(self, url: str, index: int = 0, *, driver: Driver | None = None, manifest: Manifest | None = None,
                 timeouts: Timeouts | None = None, connections: int = BROWSER_CONNECTIONS,
                 headers: dict[str, str] | None = None, subprotocols: Sequence[str] = (V1_PROTOCOL,)):
        self.url = url
        self.headers = dict(headers or {})
        self.subprotocols = list(subprotocols)
        self.index = index
        self.driver = driver
        self.manifest = manifest
        self.timeouts = timeouts or Timeouts()
        self.cache = HttpCache()
        self.cookies: dict[str, str] = {}
        self.loads: list[PageLoad] = []
        self.changes: list[ChangeTiming] = []
        self.errors: list[str] = []
        self.hung: list[str] = []
        self.shutdowns: list[int] = []  # HTTP status of each beacon sent on leaving
        self.turned_away = 0  # pages the server turned away as the room was full (503)
        self.ws_bytes = 0  # WebSocket message bytes received, all loads
        self.ws_wire_bytes = 0  # the same as framed on the wire (tornado's count), all loads
        self.widgets = Widgets()
        self.page: Page | None = None
        self._limit = asyncio.Semaphore(connections)
        self._http = AsyncHTTPClient(force_instance=True, max_clients=connections + 2)
        self._socket: WebSocketClientConnection | None = None
        self._reader: asyncio.Task | None = None
        self._session = ""
        self._watches: dict[str, list[_Watch]] = {}
        self._protocol = ""
        self._load: PageLoad | None = None

    # --- HTTP ---------------------------------------------------------------------------------
    def _cookie_header(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}

    def _keep_cookies(self, response: HTTPResponse) -> None:
        for header in response.headers.get_list("Set-Cookie"):
            jar = SimpleCookie()
            try:
                jar.load(header)
            except CookieError:
                continue
            for name, morsel in jar.items():
                self.cookies[name] = morsel.coded_value

    async def fetch(self, url: str, load: PageLoad, *, timeout: float, cacheable: bool = True,
                    method: str = "GET", body: bytes | None = None, headers: dict | None = None,
                    what: str = "") -> HTTPResponse | None:
        """One request as a browser makes it, counted in ``load``; None when it failed or came from the cache.

        A fresh cached response is used without a request; a stale one is asked again with its
        validators. The body is kept as it came over the wire (never decompressed here); a
        timeout counts as hung, any other failure as an error. A response with an error status
        is returned for the caller to judge.
        """
        if cacheable and method == "GET" and self.cache.fresh(url):
            load.from_cache += 1
            return None
        request_headers = {"Accept-Encoding": ACCEPT_ENCODING, **self.headers, **self._cookie_header(),
                           **(headers or {})}
        if cacheable and method == "GET":
            request_headers.update(self.cache.validators(url))
        request = HTTPRequest(url, method=method, body=body, headers=request_headers, decompress_response=False,
                              connect_timeout=self.timeouts.connect, request_timeout=timeout,
                              follow_redirects=True, user_agent="StageTok room client")
        name = what or _path_of(url)
        async with self._limit:
            load.requests += 1
            try:
                response = await self._http.fetch(request, raise_error=False)
            except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the room
                self.errors.append(f"{name}: {type(error).__name__}: {error}")
                return None
        self._keep_cookies(response)
        if response.code == 599:
            if isinstance(response.error, HTTPTimeoutError) or "Timeout" in str(response.error):
                self.hung.append(f"{name}: no answer within {timeout:.0f} s")
            else:
                self.errors.append(f"{name}: {response.error}")
            return None
        size = len(response.body or b"")
        load.http_bytes += size
        encoding = (response.headers.get("Content-Encoding") or "identity").lower()
        load.encodings[encoding] = load.encodings.get(encoding, 0) + 1
        if response.code == 304:
            load.not_modified += 1
            self.cache.store(url, response.headers, 304)
            return response
        if isinstance(response.error, HTTPClientError) and response.code >= 400:
            return response  # the caller decides whether this status is an error
        if cacheable and method == "GET":
            self.cache.store(url, response.headers, response.code, size)
        return response

    async def _load_files(self, urls: list[str], load: PageLoad) -> None:
        async def one(url):
            response = await self.fetch(url, load, timeout=self.timeouts.static)
            if response is not None and response.code >= 400:
                self.errors.append(f"{_path_of(url)}: HTTP {response.code}")

        await asyncio.gather(*(one(url) for url in urls))

    # --- the page -----------------------------------------------------------------------------
    async def open(self) -> PageLoad:
        """Load the dashboard as a page does and wait until it is interactive (or failed)."""
        second = bool(self.loads)
        load = PageLoad(second=second, started=time.monotonic())
        self.loads.append(load)
        self._load = load
        self.widgets = Widgets()
        response = await self.fetch(self.url, load, timeout=self.timeouts.page, cacheable=False, what="page")
        if response is None:
            return load
        load.status = response.code
        if response.code == 503:  # StageTok's server turns a page away when the room is full
            self.turned_away += 1
            return load
        if response.code >= 400:
            self.errors.append(f"page: HTTP {response.code}")
            return load
        load.page_bytes = len(response.body or b"")
        load.page_s = time.monotonic() - load.started
        try:
            html = decode_body(response.body, response.headers.get("Content-Encoding")).decode("utf-8", "replace")
            self.page = page = parse_page(html, response.effective_url or self.url)
            load.kernel_id = page.kernel_id
        except (ValueError, zlib.error) as error:
            self.errors.append(f"page: {error}")
            return load
        load.external = len(page.external)
        boot, late = files_to_load(page, self.manifest)
        await self._load_files(boot, load)
        load.boot_s = time.monotonic() - load.started
        late_files = asyncio.ensure_future(self._load_files(late, load))
        try:
            if await self._connect(page, load):
                await self._request_states(load)
        except Exception as error:  # noqa: BLE001 - e.g. the socket closed under a send: counted, the room goes on
            self.errors.append(f"kernel connection: {type(error).__name__}: {error}")
        finally:
            await late_files
            load.statics_s = time.monotonic() - load.started
        load.blank = not page.root_widgets
        if load.states_s is not None and not load.blank:
            load.interactive_s = max(load.states_s, load.statics_s)
        return load

    async def _connect(self, page: Page, load: PageLoad) -> bool:
        kernel_url = urljoin(page.base_url, f"api/kernels/{page.kernel_id}")
        response = await self.fetch(kernel_url, load, timeout=self.timeouts.static, cacheable=False,
                                     what="kernel model")
        if response is None:
            return False
        if response.code >= 400:
            self.errors.append(f"kernel model: HTTP {response.code}")
            return False
        self._session = str(uuid.uuid4())
        parts = urlsplit(kernel_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        ws_url = urlunsplit((scheme, parts.netloc, parts.path + "/channels",
                             urlencode({"session_id": self._session}), ""))
        origin = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        request = HTTPRequest(ws_url, headers={**self.headers, **self._cookie_header(), "Origin": origin},
                              connect_timeout=self.timeouts.connect, request_timeout=self.timeouts.connect)
        try:
            # Offering permessage-deflate as a browser does (the server decides whether to use it).
            self._socket = await websocket_connect(request, subprotocols=self.subprotocols or None, ping_interval=None,
                                                   max_message_size=1 << 30, compression_options={})
        except Exception as error:  # noqa: BLE001 - counted
            if "Timeout" in str(error):
                self.hung.append(f"websocket: no answer within {self.timeouts.connect:.0f} s")
            else:
                self.errors.append(f"websocket: {type(error).__name__}: {error}")
            return False
        self._protocol = load.protocol = self._socket.selected_subprotocol or ""
        self._reader = asyncio.ensure_future(self._read(self._socket))
        return True

    async def _read(self, socket: WebSocketClientConnection) -> None:
        decode = deserialize_v1 if self._protocol == V1_PROTOCOL else deserialize_legacy
        protocol = socket.protocol  # tornado lets go of it when the socket closes
        while True:
            frame = await socket.read_message()
            if frame is None:
                break
            self.ws_bytes += len(frame)
            now = time.monotonic()
            try:
                msg = decode(frame)
            except (ValueError, UnicodeDecodeError) as error:
                self.errors.append(f"websocket: unreadable message ({error})")
                continue
            self.widgets.apply(msg)
            parent = (msg.get("parent_header") or {}).get("msg_id")
            for watch in list(self._watches.get(parent, ())):
                if not watch.done.done() and watch.on_message(msg, now):
                    watch.done.set_result(now)
        self.ws_wire_bytes += getattr(protocol, "_wire_bytes_in", 0) or 0
        for watches in self._watches.values():  # the socket closed: nothing more will come
            for watch in watches:
                if not watch.done.done():
                    watch.done.set_exception(ConnectionError("the kernel's WebSocket closed"))

    def _watch(self, msg: dict, on_message: Callable[[dict, float], bool]) -> _Watch:
        watch = _Watch(on_message)
        self._watches.setdefault(msg["header"]["msg_id"], []).append(watch)
        return watch

    def _unwatch(self, msg: dict) -> None:
        self._watches.pop(msg["header"]["msg_id"], None)

    async def send(self, msg_type: str, content: dict, *, metadata: dict | None = None,
                   buffers: Iterable[bytes] = ()) -> dict:
        """Send a shell message on the kernel's socket; return it (its header has the msg_id)."""
        if self._socket is None:
            raise ConnectionError("no kernel connection")
        msg = new_message(msg_type, content, self._session, metadata=metadata, buffers=buffers)
        frame = serialize_v1(msg) if self._protocol == V1_PROTOCOL else serialize_legacy(msg)
        await self._socket.write_message(frame, binary=not isinstance(frame, str))
        return msg

    async def _wait(self, watch: _Watch, timeout: float, what: str) -> float | None:
        try:
            return await asyncio.wait_for(asyncio.shield(watch.done), timeout)
        except TimeoutError:
            self.hung.append(f"{what}: no answer within {timeout:.0f} s")
        except ConnectionError as error:
            self.errors.append(f"{what}: {error}")
        return None

    async def _request_states(self, load: PageLoad) -> None:
        opened = time.monotonic()
        deadline = opened + self.timeouts.states
        info = await self.send("kernel_info_request", {})
        reply = self._watch(info, lambda msg, now: msg["header"].get("msg_type") == "kernel_info_reply")
        if await self._wait(reply, self.timeouts.states, "kernel_info") is None:
            return
        self._unwatch(info)
        comm_id = str(uuid.uuid4())
        await self.send("comm_open", {"comm_id": comm_id, "target_name": CONTROL_TARGET, "data": {}},
                        metadata={"version": CONTROL_VERSION})
        request = await self.send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})

        def states_arrived(msg, now):
            content = msg.get("content") or {}
            data = content.get("data") or {}
            if msg["header"].get("msg_type") == "comm_msg" and data.get("method") == "update_states":
                self.widgets.load_states(data, msg.get("buffers", []))
                return True
            return False

        watch = self._watch(request, states_arrived)
        try:
            arrived = await asyncio.wait_for(asyncio.shield(watch.done), CONTROL_TIMEOUT)
        except TimeoutError:
            arrived = None
        except ConnectionError as error:
            self.errors.append(f"widget states: {error}")
            return
        finally:
            self._unwatch(request)
        if arrived is None:
            # As ipywidgets 8's manager: the control comm did not answer in time (it is left open, and
            # a late answer is ignored); ask the kernel for its widgets' comms and each one's state.
            load.states_by_widget = True
            arrived = await self._states_one_by_one(deadline)
            if arrived is None:
                return
        else:
            await self.send("comm_close", {"comm_id": comm_id, "data": {}})
        load.states_s = arrived - load.started
        load.widgets = len(self.widgets.states)
        missing = self.widgets.missing(self.page.root_widgets if self.page else ())
        if missing:
            self.errors.append(f"widget states: {len(missing)} widget(s) of the page missing")

    async def _states_one_by_one(self, deadline: float) -> float | None:
        """The manager's fallback: ``comm_info_request``, then ``request_state`` for every widget at once."""
        comms: dict = {}

        def listed(msg, now):
            if msg["header"].get("msg_type") == "comm_info_reply":
                comms.update((msg.get("content") or {}).get("comms") or {})
                return True
            return False

        info = await self.send("comm_info_request", {"target_name": WIDGET_TARGET})
        watch = self._watch(info, listed)
        arrived = await self._wait(watch, max(1.0, deadline - time.monotonic()), "comm info")
        self._unwatch(info)
        if arrived is None:
            return None
        requests = []
        for comm_id in comms:
            def answered(msg, now, comm_id=comm_id):
                data = (msg.get("content") or {}).get("data") or {}
                if msg["header"].get("msg_type") == "comm_msg" and data.get("method") == "update":
                    state = dict(data.get("state") or {})
                    put_buffers(state, data.get("buffer_paths", []), msg.get("buffers", []))
                    self.widgets.states[comm_id] = state
                    return True
                return False

            request = await self.send("comm_msg", {"comm_id": comm_id, "data": {"method": "request_state"}})
            requests.append((request, self._watch(request, answered)))
        for request, watch in requests:
            arrived = await self._wait(watch, max(1.0, deadline - time.monotonic()), "widget state")
            self._unwatch(request)
            if arrived is None:
                return None
        return max([arrived, *(w.done.result() for _, w in requests)])

    # --- changes --------------------------------------------------------------------------------
    async def change(self, index: int) -> ChangeTiming:
        """Make change ``index`` of the driver's control and wait for the kernel's answer."""
        if self.driver is None:
            raise ValueError("a participant without a driver makes no changes")
        try:
            model_id = self.driver.find(self.widgets)
            state = self.driver.change(self.widgets, model_id, index, self.index)
        except (LookupError, KeyError, TypeError, ValueError) as error:
            self.errors.append(f"change {index + 1}: {error}")
            return ChangeTiming(index, {})
        sent_state, paths, buffers = remove_buffers(state)
        timing = ChangeTiming(index, state)
        self.changes.append(timing)
        messages: list[dict] = []
        started = time.monotonic()

        def observe(msg, now):
            if msg.get("channel") != "iopub":
                return False
            msg["_arrived"] = now
            messages.append(msg)
            kind = msg["header"].get("msg_type")
            data = (msg.get("content") or {}).get("data") or {}
            if kind == "comm_msg" and data.get("method") == "echo_update" and timing.echo_s is None:
                timing.echo_s = now - started
            if kind != "status" or msg["content"].get("execution_state") != "idle":
                return False
            timing.idle_s = now - started
            timing.messages = len(messages)
            sent = {**state, "_field": model_id}
            for count in range(1, len(messages) + 1):  # the first message with which the answer is complete
                if self.driver.answered(self.widgets, sent, messages[:count]):
                    timing.answered = True
                    timing.answer_s = messages[count - 1]["_arrived"] - started
                    break
            return True

        try:
            msg = await self.send("comm_msg", {"comm_id": model_id, "data": {
                "method": "update", "state": sent_state, "buffer_paths": paths}}, buffers=buffers)
        except Exception as error:  # noqa: BLE001 - a closed socket among others: counted
            self.errors.append(f"change {index + 1}: {type(error).__name__}: {error}")
            return timing
        watch = self._watch(msg, observe)
        done = await self._wait(watch, self.timeouts.change, f"change {index + 1}")
        self._unwatch(msg)
        if done is not None and not timing.answered:
            self.errors.append(f"change {index + 1}: the kernel went idle without the expected answer")
        return timing

    @property
    def connected(self) -> bool:
        """True while the page's kernel socket is open."""
        return self._socket is not None and self._reader is not None and not self._reader.done()

    # --- leaving --------------------------------------------------------------------------------
    async def close(self) -> None:
        """Leave the page: Voila's beforeunload beacon (shutdown of the kernel), then close the socket."""
        page, load = self.page, self._load or PageLoad()
        if page is not None and load.kernel_id:
            boundary = f"----StageTokRoom{uuid.uuid4().hex}"
            xsrf = self.cookies.get("_xsrf", "")
            body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_xsrf\"\r\n\r\n{xsrf}\r\n"
                    f"--{boundary}--\r\n").encode()
            url = urljoin(page.base_url, f"voila/api/shutdown/{load.kernel_id}")
            beacon = PageLoad()  # the beacon is not part of a page load's requests and bytes
            response = await self.fetch(url, beacon, timeout=self.timeouts.static, cacheable=False, method="POST",
                                         body=body, what="shutdown beacon",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
            if response is not None:
                self.shutdowns.append(response.code)
        if self._socket is not None:
            with contextlib.suppress(Exception):
                self._socket.close()
            self._socket = None
        if self._reader is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._reader, 5)
            self._reader = None
        self._watches.clear()

    def dispose(self) -> None:
        """Release the HTTP client (after the last :meth:`close`)."""
        self._http.close()


# --------------------------------------------------------------------------- a room

@dataclass
class ParticipantResult:
    """What one participant measured."""

    index: int
    arrival_s: float
    loads: list[PageLoad]
    changes: list[ChangeTiming]
    errors: list[str]
    hung: list[str]
    shutdowns: list[int]
    ws_bytes: int
    turned_away: int = 0
    ws_wire_bytes: int = 0
    #: Seconds from arriving to opening the page (e.g. a server of one's own starting), or None.
    arrive_s: float | None = None

    def to_json(self) -> dict:
        """A JSON-ready dict (change states left out)."""
        data = dataclasses.asdict(self)
        for change, timing in zip(data["changes"], self.changes, strict=True):
            change["delay_s"] = timing.delay_s
        return data


async def run_room(url: str | Sequence[str], participants: int, *, driver: Driver | None, changes: int = 10,
                   window: float = 10.0, think: float = 1.0, manifest: Manifest | Sequence[Manifest] | None = None,
                   reloads: int = 0, timeouts: Timeouts | None = None,
                   log: Callable[[str], None] | None = None,
                   headers: Sequence[dict[str, str]] | None = None,
                   arrive: Callable[[int], Awaitable[None]] | None = None,
                   subprotocols: Sequence[str] = (V1_PROTOCOL,)) -> list[ParticipantResult]:
    """Run a room: ``participants`` arrive spread evenly over ``window`` seconds, then each changes.

    Every participant opens the dashboard, waits until it is interactive, makes ``changes``
    changes (``think`` seconds apart) and keeps its page open until everyone is done; then
    all leave (Voila's beacon, socket closed) and the first ``reloads`` participants open the
    dashboard a second time with what their cache kept, and leave again.

    Parameters
    ----------
    url : str or sequence of str
        The dashboard's URL, or one per participant (each their own server, as on JupyterHub).
    manifest : Manifest or sequence of Manifest, optional
        The static files a page loads (see :class:`Participant`), or one manifest per participant.
    headers : sequence of dict, optional
        Extra request headers per participant (see :class:`Participant`).
    arrive : coroutine function, optional
        Awaited with the participant's index when they arrive, before the page is opened
        (e.g. starting their own server); its duration is the result's ``arrive_s`` and counts
        in the time to interactive. If it raises, the participant records the error and stops.
    subprotocols : sequence of str
        The kernel WebSocket protocols every participant offers (see :class:`Participant`).

    Returns
    -------
    list of ParticipantResult
        One per participant, in arrival order.
    """
    log = log or (lambda message: None)
    urls = [url] * participants if isinstance(url, str) else list(url)
    extra = list(headers) if headers is not None else [{}] * participants
    manifests = [manifest] * participants if manifest is None or isinstance(manifest, Manifest) else list(manifest)
    if not len(urls) == len(extra) == len(manifests) == participants:
        raise ValueError(f"{participants} participants need as many URLs, headers and manifests, "
                         f"not {len(urls)}, {len(extra)} and {len(manifests)}")
    people = [Participant(urls[i], i, driver=driver, manifest=manifests[i], timeouts=timeouts, headers=extra[i],
                          subprotocols=subprotocols)
              for i in range(participants)]
    arrivals = [window * i / participants for i in range(participants)]
    arrived: dict[int, float] = {}
    start = time.monotonic()

    async def visit(person: Participant, arrival: float) -> None:
        await asyncio.sleep(max(0.0, start + arrival - time.monotonic()))
        try:
            await use(person)
        except Exception as error:  # noqa: BLE001 - one participant's failure is a result, not the room's end
            person.errors.append(f"unexpected: {type(error).__name__}: {error}")

    async def use(person: Participant) -> None:
        if arrive is not None:
            began = time.monotonic()
            try:
                await arrive(person.index)
            except Exception as error:  # noqa: BLE001 - e.g. the server did not start: counted
                person.errors.append(f"arriving: {type(error).__name__}: {error}")
                log(f"participant {person.index + 1}: could not arrive ({error})")
                return
            arrived[person.index] = time.monotonic() - began
        load = await person.open()
        if load.interactive_s is None:
            why = "a blank page" if load.blank else (person.errors + person.hung)[-1:]
            log(f"participant {person.index + 1}: not interactive ({why})")
            return
        log(f"participant {person.index + 1}: interactive after {load.interactive_s:.1f} s")
        if driver is None:
            return
        for i in range(changes):
            await person.change(i)
            if not person.connected:
                break
            await asyncio.sleep(think)

    await asyncio.gather(*(visit(p, a) for p, a in zip(people, arrivals, strict=True)))
    await asyncio.gather(*(p.close() for p in people))
    for person in people[:reloads]:
        load = await person.open()
        log(f"participant {person.index + 1}: second load interactive after "
            f"{'-' if load.interactive_s is None else f'{load.interactive_s:.1f} s'}")
        await person.close()
    for person in people:
        person.dispose()
    return [ParticipantResult(p.index, a, p.loads, p.changes, p.errors, p.hung, p.shutdowns, p.ws_bytes,
                              p.turned_away, p.ws_wire_bytes, arrived.get(p.index))
            for p, a in zip(people, arrivals, strict=True)]


def room_summary(results: list[ParticipantResult]) -> dict:
    """Aggregate a room: interactive and change delays (median, p95, max), errors, bytes, requests."""
    first = [r.loads[0] for r in results if r.loads]
    second = [r.loads[1] for r in results if len(r.loads) > 1]
    delays = [c.delay_s for r in results for c in r.changes]
    return {
        "participants": len(results),
        "interactive_s": summary(load.interactive_s for load in first),
        "not_interactive": sum(1 for load in first if load.interactive_s is None),
        "blank": sum(1 for load in first if load.blank),
        "states_by_widget": sum(1 for load in first if load.states_by_widget),
        "arrive_s": summary(r.arrive_s for r in results),
        # from arriving (before the server of one's own started, on a hub) to interactive
        "from_arrival_s": summary(_from_arrival(r) for r in results),
        "page_s": summary(load.page_s for load in first),
        "states_s": summary(load.states_s for load in first),
        "change_s": summary(delays),
        "changes_sent": len(delays),
        "changes_answered": sum(1 for d in delays if d is not None),
        "echo_s": summary(c.echo_s for r in results for c in r.changes),
        "errors": sum(len(r.errors) for r in results),
        "hung": sum(len(r.hung) for r in results),
        "turned_away": sum(r.turned_away for r in results),
        "error_examples": sorted({e for r in results for e in r.errors})[:10],
        "hung_examples": sorted({e for r in results for e in r.hung})[:10],
        "first_load": _load_summary(first),
        "second_load": _load_summary(second),
        "ws_bytes": median(r.ws_bytes for r in results),
        "ws_wire_bytes": median(r.ws_wire_bytes for r in results),
        "shutdown_statuses": dict(Counter(code for r in results for code in r.shutdowns)),
        "protocols": dict(Counter(load.protocol for load in first)),
    }


def _from_arrival(result: ParticipantResult) -> float | None:
    if result.arrive_s is None or not result.loads or result.loads[0].interactive_s is None:
        return None
    return result.arrive_s + result.loads[0].interactive_s


def _load_summary(loads: list[PageLoad]) -> dict:
    encodings: Counter = Counter()
    for load in loads:
        encodings.update(load.encodings)
    return {
        "n": len(loads),
        "http_bytes": median(load.http_bytes for load in loads),
        "page_bytes": median(load.page_bytes for load in loads),
        "requests": median(load.requests for load in loads),
        "from_cache": median(load.from_cache for load in loads),
        "not_modified": median(load.not_modified for load in loads),
        "interactive_s": summary(load.interactive_s for load in loads),
        "widgets": median(load.widgets for load in loads),
        "blank": sum(1 for load in loads if load.blank),
        "encodings": dict(encodings),
    }
