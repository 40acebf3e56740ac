"""The room test's light clients (benchmarks/room_clients.py), and one small room against a real server.

Framing of kernel messages, reading a page, the HTTP cache, statistics, the dashboard drivers
against the real dashboards' widgets (no server), then two participants against a real Voila.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import random
import shutil
import sys
import time
import zlib
from pathlib import Path

import altair as alt
import ipywidgets as widgets
import numpy as np
import pytest
from comm.base_comm import BaseComm
from ipywidgets.widgets.widget import _instances, _put_buffers, _remove_buffers
from jupyter_server.services.kernels.connection.base import (
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)
from tornado import web, websocket
from tornado.httpserver import HTTPServer
from tornado.httputil import HTTPHeaders
from tornado.testing import bind_unused_port

import toolkit
from tests import aio
from tests.browser.localhost import log_tail, voila
from toolkit.serve import DASHBOARDS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import room_clients as rc  # noqa: E402

KERNEL_ID = "41807c7b-2896-4fd0-a3a9-347617e3fb9b"
ROOT_WIDGET = "446be76f47684bf993a63bcbc3b579b4"
STYLE_JS = "/voila/templates/stagetok/static/voila-style.js?v=f8119197a6dca998"
INDEX_CSS = "/voila/templates/stagetok/static/index.css?v=ee8de085778696b3"
THEME_CSS = "/voila/templates/stagetok/static/theme-light.css?v=567086df184b67cc"
FONT_AWESOME = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@^5/css/all.min.css"
PAGE_URL = "http://localhost:8866/voila/render/reach_explorer.ipynb"

#: The parts of a real page Voila 0.5.13 served for the reach explorer (long hashes and the inline
#: scripts' bodies shortened), plus one stylesheet on another host that a page could name.
PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8" />
<title>reach_explorer</title>
  <script>
    const _debug = console.debug;
  </script>
    <script src="{STYLE_JS}" ></script>
<link rel="stylesheet" type="text/css" href="{INDEX_CSS}">
    <link rel="stylesheet" type="text/css" href="{THEME_CSS}">
<link rel="stylesheet" href="{FONT_AWESOME}" type="text/css" />
<script type="module">
  document.addEventListener("DOMContentLoaded", async () => {{
    const mermaid = (await import("https://cdnjs.cloudflare.com/ajax/libs/mermaid/11.10.0/mermaid.esm.min.mjs")).default;
  }});
</script>
<!-- End of mermaid configuration --></head><link rel="icon" href="data:;base64,=">
<body class="jp-Notebook theme-light" data-base-url="/voila/" data-voila="voila">
<div id="rendered_cells" style="display: none">
  <div>
    <script id="jupyter-config-data" type="application/json">
      {{"appUrl": "voila/", "appVersion": "0.5.13", "baseUrl": "/", "disabledExtensions": [], "extensionConfig": {{}},
       "federated_extensions": [{{"entrypoints": null, "extension": "./extension",
       "load": "static/remoteEntry.5cbb9d2323598fbda535.js", "name": "jupyterlab_pygments", "style": "./style"}},
       {{"entrypoints": null, "extension": "./extension", "load": "static/remoteEntry.c8c9eed2cdefdeac.js",
       "name": "@jupyter-widgets/jupyterlab-manager"}}, {{"entrypoints": null, "extension": "./extension",
       "load": "static/remoteEntry.be18471aaf567c023b03.js", "name": "@voila-dashboards/widgets-manager8"}}],
       "fullLabextensionsUrl": "/voila/labextensions", "fullMathjaxUrl": null, "fullStaticUrl": "/voila/static",
       "jupyterLabTheme": "light", "kernelId": "{KERNEL_ID}", "mathjaxConfig": null, "progressiveRendering": false,
       "terminalsAvailable": false, "themesUrl": "/voila/api/themes"}}
    </script>
    <div cell-index="1">
          <script>
            voila_process(1, 1)
          </script>
<div class="jp-OutputArea-child jp-OutputArea-executeResult">
  <script type="application/vnd.voila.cell-output+json">
    {{"data": {{"application/vnd.jupyter.widget-view+json": {{"model_id": "{ROOT_WIDGET}", "version_major": 2,
    "version_minor": 0}}, "text/plain": "ReachExplorer(children=(HBox(children=(HTML(value=\\"\\u003ch2\\u003e\
Bereik\\u003c/h2\\u003e\\"), ToggleButtons(layou\\u2026"}},
    "execution_count": 1, "metadata": {{}}, "output_type": "execute_result", "trusted": true}}
  </script>
</div>
        </div></div>
</div>
<script type="text/javascript">
  window.voila_finish();
</script>
<script src="/voila/static/voila.js"></script>
</main>
"""


# --- kernel messages on the WebSocket ---------------------------------------------------------------

def _message(buffers=()):
    msg = rc.new_message("comm_msg", {"comm_id": "abc", "data": {"method": "update", "state": {"value": 4},
                                                               "buffer_paths": [["x"]] if buffers else []}},
                         "session-1", buffers=buffers)
    msg["parent_header"] = {"msg_id": "parent-1", "msg_type": "comm_msg"}
    return msg


@pytest.mark.parametrize("buffers", [(), (b"\x00\x01binary", b"")])
def test_v1_frames_are_what_jupyter_server_reads_and_writes(buffers):
    msg = _message(buffers)
    channel, parts = deserialize_msg_from_ws_v1(rc.serialize_v1(msg))
    assert channel == "shell"
    assert [json.loads(part) for part in parts[:4]] == [msg["header"], msg["parent_header"], msg["metadata"],
                                                        msg["content"]]
    assert [bytes(part) for part in parts[4:]] == list(buffers)

    packed = [json.dumps(msg[key]).encode() for key in ("header", "parent_header", "metadata", "content")]
    frame = serialize_msg_to_ws_v1([*packed, *buffers], "iopub")
    read = rc.deserialize_v1(frame)
    assert read["channel"] == "iopub"
    assert {key: read[key] for key in ("header", "parent_header", "metadata", "content")} == {
        key: msg[key] for key in ("header", "parent_header", "metadata", "content")}
    assert read["buffers"] == list(buffers)


def test_v1_refuses_a_frame_that_is_not_one():
    with pytest.raises(ValueError, match="not a v1"):
        rc.deserialize_v1(b"\x02" + b"\x00" * 15)
    frame = bytearray(rc.serialize_v1(_message()))
    frame[16:24] = (10**9).to_bytes(8, "little")  # an offset past the end
    with pytest.raises(ValueError, match="out of order"):
        rc.deserialize_v1(bytes(frame))


def test_legacy_frames_are_what_jupyter_server_reads_and_writes():
    msg = _message()
    assert json.loads(rc.serialize_legacy(msg))["content"] == msg["content"]
    with_buffers = _message([b"abc", b"\xff"])
    read = deserialize_binary_message(rc.serialize_legacy(with_buffers))
    assert read["content"] == with_buffers["content"] and read["channel"] == "shell"
    assert [bytes(b) for b in read["buffers"]] == [b"abc", b"\xff"]
    server_side = {**with_buffers, "buffers": [b"abc", b"\xff"]}
    back = rc.deserialize_legacy(serialize_binary_message(server_side))
    assert back["content"] == with_buffers["content"] and back["buffers"] == [b"abc", b"\xff"]
    assert rc.deserialize_legacy(json.dumps({"header": {}, "content": {"a": 1}}))["buffers"] == []


def test_new_message_has_the_header_jupyterlab_sends():
    msg = rc.new_message("kernel_info_request", {}, "session-9")
    header = msg["header"]
    assert set(header) == {"date", "msg_id", "msg_type", "session", "username", "version"}
    assert header["version"] == "5.2" and header["username"] == "" and header["session"] == "session-9"
    assert header["date"].endswith("Z") and len(header["date"]) == len("2026-11-28T12:08:21.842Z")
    assert msg["channel"] == "shell" and msg["parent_header"] == {} and msg["buffers"] == []
    assert rc.new_message("x", {}, "s")["header"]["msg_id"] != header["msg_id"]


def test_buffers_come_out_and_go_back_as_ipywidgets_does():
    state = {"plain": [0, "text"], "x": {"ar": memoryview(b"12")}, "y": [b"a", {"z": bytearray(b"b")}], "n": None}
    ours, our_paths, our_buffers = rc.remove_buffers(state)
    theirs, their_paths, their_buffers = _remove_buffers(state)
    assert ours == theirs and our_paths == their_paths
    assert our_buffers == [bytes(b) for b in their_buffers]
    assert state["x"]["ar"] == memoryview(b"12"), "the state given is left as it was"
    restored = rc.put_buffers(json.loads(json.dumps(ours)), our_paths, our_buffers)
    expected = json.loads(json.dumps(theirs))
    _put_buffers(expected, their_paths, their_buffers)
    assert restored == {**expected, "x": {"ar": b"12"}, "y": [b"a", {"z": b"b"}]}


# --- the page -----------------------------------------------------------------------------------------

def test_parse_page_reads_what_the_page_tells_its_javascript():
    page = rc.parse_page(PAGE, PAGE_URL)
    assert page.kernel_id == KERNEL_ID
    assert page.root_widgets == (ROOT_WIDGET,)
    origin = "http://localhost:8866"
    assert page.resources == tuple(origin + path for path in (STYLE_JS, INDEX_CSS, THEME_CSS, "/voila/static/voila.js"))
    assert page.external == (FONT_AWESOME,)
    assert page.base_url == origin + "/"
    assert page.extension_entries() == [
        f"{origin}/voila/labextensions/jupyterlab_pygments/static/remoteEntry.5cbb9d2323598fbda535.js",
        f"{origin}/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/remoteEntry.c8c9eed2cdefdeac.js",
        f"{origin}/voila/labextensions/@voila-dashboards/widgets-manager8/static/remoteEntry.be18471aaf567c023b03.js",
    ]


def test_parse_page_refuses_a_page_that_is_no_dashboard():
    with pytest.raises(ValueError, match="jupyter-config-data"):
        rc.parse_page("<html><script src='/a.js'></script></html>", PAGE_URL)
    page = rc.parse_page('<script id="jupyter-config-data" type="application/json">{}</script>', PAGE_URL)
    with pytest.raises(ValueError, match="kernelId"):
        _ = page.kernel_id


def test_manifest_splits_boot_and_late_files_at_the_kernel_request():
    origin = "http://localhost:8866"
    requests = [
        ("GET", PAGE_URL),
        ("GET", origin + INDEX_CSS),
        ("GET", origin + "/voila/static/voila.js"),
        ("GET", "https://cdn.jsdelivr.net/npm/x.css"),
        ("GET", origin + "/voila/static/8925.voila.js"),
        ("GET", origin + "/voila/static/8925.voila.js"),
        ("GET", origin + f"/api/kernels/{KERNEL_ID}?1795868437897"),
        ("GET", origin + "/voila/static/9484.voila.js"),
        ("GET", "data:font/woff2;base64,AAAA"),
        ("POST", origin + f"/voila/api/shutdown/{KERNEL_ID}"),
        ("GET", origin + "/voila/api/themes/x.css"),
        ("GET", origin + "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/121.js?v=5c5a"),
    ]
    manifest = rc.Manifest.from_requests(PAGE_URL, requests)
    assert manifest.boot == (INDEX_CSS, "/voila/static/voila.js", "/voila/static/8925.voila.js")
    assert manifest.late == ("/voila/static/9484.voila.js",
                             "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static/121.js?v=5c5a")
    assert rc.Manifest.from_json(json.loads(json.dumps(manifest.to_json()))) == manifest


def test_files_to_load_are_the_pages_the_extensions_and_the_manifests_once_each():
    page = rc.parse_page(PAGE, PAGE_URL)
    boot, late = rc.files_to_load(page, None)
    assert boot == list(page.resources) + page.extension_entries() and late == []
    manifest = rc.Manifest(boot=(INDEX_CSS, "/voila/static/1.voila.js"), late=("/voila/static/1.voila.js", "/f.woff2"))
    boot, late = rc.files_to_load(page, manifest)
    assert boot[-1] == "http://localhost:8866/voila/static/1.voila.js" and len(boot) == len(set(boot)) == 8
    assert late == ["http://localhost:8866/f.woff2"]


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "identity", None])
def test_decode_body_undoes_the_content_encoding(encoding):
    text = b"<html>" + b"voila " * 500
    body = {"gzip": gzip.compress(text), "deflate": zlib.compress(text), "identity": text, None: text,
            "raw-deflate": zlib.compress(text)[2:-4]}[encoding]
    assert rc.decode_body(body, "deflate" if encoding == "raw-deflate" else encoding) == text


def test_decode_body_refuses_what_it_cannot_read():
    with pytest.raises(ValueError, match="unknown content encoding"):
        rc.decode_body(b"x", "zstd")


# --- the HTTP cache ----------------------------------------------------------------------------------------

DATE = "Sat, 28 Nov 2026 12:00:00 GMT"


def _headers(**values) -> HTTPHeaders:
    headers = HTTPHeaders()
    for name, value in values.items():
        headers.add(name.replace("_", "-"), value)
    return headers


@pytest.mark.parametrize(("headers", "seconds"), [
    ({"Cache_Control": "max-age=315360000", "Date": DATE}, 315360000),
    ({"Cache_Control": "public, max-age=60, immutable"}, 60),
    ({"Cache_Control": "no-cache", "Last_Modified": "Sat, 21 Nov 2026 12:00:00 GMT", "Date": DATE}, 0),
    ({"Cache_Control": "no-cache, no-store, must-revalidate", "Pragma": "no-cache", "Expires": "0"}, 0),
    ({"Pragma": "no-cache", "Last_Modified": "Sat, 21 Nov 2026 12:00:00 GMT", "Date": DATE}, 0),
    ({"Expires": "Sat, 28 Nov 2026 13:00:00 GMT", "Date": DATE}, 3600),
    ({"Expires": "0", "Date": DATE}, 0),
    ({"Last_Modified": "Sat, 18 Nov 2026 12:00:00 GMT", "Date": DATE}, 86400),  # a tenth of 10 days
    ({"Etag": '"abc"', "Date": DATE}, 0),
])
def test_freshness_lifetime_follows_the_headers_as_a_browser_does(headers, seconds):
    assert rc.freshness_lifetime(_headers(**headers)) == pytest.approx(seconds)


def test_http_cache_reuses_fresh_files_revalidates_stale_ones_and_forgets_the_rest():
    now = [1000.0]
    cache = rc.HttpCache(clock=lambda: now[0])
    cache.store("/a.js", _headers(Cache_Control="max-age=60", Etag='"a1"'), 200, 10)
    cache.store("/b.js", _headers(Cache_Control="no-cache", Last_Modified=DATE), 200, 10)
    cache.store("/c.js", _headers(Cache_Control="no-store", Etag='"c"'), 200, 10)
    cache.store("/d.js", _headers(Cache_Control="no-cache"), 200, 10)  # nothing to ask again with
    cache.store("/e.js", _headers(Cache_Control="max-age=60", Age="50"), 200, 10)
    cache.store("/f.js", _headers(Cache_Control="max-age=60"), 404, 10)
    assert set(cache.entries) == {"/a.js", "/b.js", "/e.js"}
    assert cache.fresh("/a.js") and not cache.fresh("/b.js") and cache.fresh("/e.js")
    assert cache.validators("/a.js") == {"If-None-Match": '"a1"'}
    assert cache.validators("/b.js") == {"If-Modified-Since": DATE}
    assert cache.validators("/c.js") == {}
    now[0] += 30
    assert cache.fresh("/a.js") and not cache.fresh("/e.js"), "Age counts against max-age"
    now[0] += 31
    assert not cache.fresh("/a.js")
    cache.store("/a.js", _headers(Cache_Control="max-age=120"), 304)
    assert cache.fresh("/a.js") and cache.validators("/a.js") == {"If-None-Match": '"a1"'}, "a 304 refreshes the entry"
    assert cache.store("/new.js", _headers(Cache_Control="max-age=60"), 304) is None
    cache.store("/a.js", _headers(Cache_Control="no-store"), 200)
    assert "/a.js" not in cache.entries


def _listen(app: web.Application) -> tuple[HTTPServer, int]:
    """Serve ``app`` on a free port of 127.0.0.1 (bound before it is known, so nothing takes it meanwhile)."""
    sock, port = bind_unused_port()
    server = HTTPServer(app)
    server.add_sockets([sock])
    return server, port


class _Cookie(web.RequestHandler):
    def get(self):
        self.set_header("Set-Cookie", 'username-x="2|1:0|10:17|24:abc=="; HttpOnly; Path=/')
        self.write(self.request.headers.get("Cookie", ""))


def test_fetch_counts_bytes_as_sent_keeps_cookies_and_uses_its_cache(tmp_path):
    text = b"var voila = 1;\n" * 4000
    for name in ("old.js", "new.js"):
        (tmp_path / name).write_bytes(text)
    ten_days_ago = time.time() - 10 * 86400
    os.utime(tmp_path / "old.js", (ten_days_ago, ten_days_ago))  # heuristically fresh for a day
    # changed "now" as the server's clock says: no heuristic freshness at all (a second between
    # the file's time and the answer's Date would make it fresh for a tenth of a second)
    in_a_minute = time.time() + 60
    os.utime(tmp_path / "new.js", (in_a_minute, in_a_minute))

    async def scenario():
        app = web.Application([(r"/static/(.*)", web.StaticFileHandler, {"path": str(tmp_path)}),
                               (r"/cookie", _Cookie)], compress_response=True)
        server, port = _listen(app)
        person = rc.Participant(f"http://127.0.0.1:{port}/page")
        first, second = rc.PageLoad(), rc.PageLoad(second=True)
        try:
            bodies = [await person.fetch(f"http://127.0.0.1:{port}/static/{name}", first, timeout=10)
                      for name in ("old.js", "new.js")]
            for name in ("old.js", "new.js"):
                await person.fetch(f"http://127.0.0.1:{port}/static/{name}", second, timeout=10)
            await person.fetch(f"http://127.0.0.1:{port}/cookie", first, timeout=10, cacheable=False)
            echoed = await person.fetch(f"http://127.0.0.1:{port}/cookie", first, timeout=10, cacheable=False)
        finally:
            server.stop()
            person.dispose()
        return first, second, bodies, echoed, person

    first, second, bodies, echoed, person = aio.run(scenario())
    assert all(body.body[:2] == b"\x1f\x8b" for body in bodies), "the body is kept compressed, as on the wire"
    assert all(rc.decode_body(body.body, "gzip") == text for body in bodies)
    assert first.encodings == {"gzip": 2, "identity": 2} and first.requests == 4
    assert first.http_bytes == sum(len(body.body) for body in bodies) + len(echoed.body) < len(text) // 5
    assert second.requests == 1 and second.from_cache == 1 and second.not_modified == 1 and second.http_bytes == 0
    assert person.cookies == {"username-x": '"2|1:0|10:17|24:abc=="'}
    assert echoed.body == b'username-x="2|1:0|10:17|24:abc=="', "the cookie goes back as the server set it"


# --- statistics -----------------------------------------------------------------------------------------

def test_percentile_is_the_nearest_rank():
    assert rc.percentile(range(1, 11), 0.95) == 10, "with fewer than 20 values the p95 is the largest"
    assert rc.percentile(range(1, 21), 0.95) == 19
    assert rc.percentile([3, None, 1, 2], 0.5) == 2
    assert rc.percentile([7.5], 0.95) == 7.5 and rc.percentile([None], 0.95) is None and rc.percentile([], 0.5) is None
    assert rc.percentile([5, 1], 0) == 1
    with pytest.raises(ValueError):
        rc.percentile([1], 1.5)
    rng = random.Random(7)
    for _ in range(200):
        values = [rng.uniform(0, 100) for _ in range(rng.randint(1, 40))]
        share = rng.choice([0.5, 0.9, 0.95, 0.99, rng.random()])
        assert rc.percentile(values, share) == np.percentile(values, share * 100, method="inverted_cdf")


def test_median_and_summary():
    assert rc.median([4, 1, None, 3, 2]) == 2.5 and rc.median([3, 1, 2]) == 2 and rc.median([]) is None
    assert rc.summary([2.0, None, 1.0, 9.0]) == {"n": 3, "median": 2.0, "p95": 9.0, "max": 9.0}
    assert rc.summary([]) == {"n": 0, "median": None, "p95": None, "max": None}


# --- widget state ---------------------------------------------------------------------------------------

def _iopub(msg_type, content, buffers=()):
    return {"channel": "iopub", "header": {"msg_type": msg_type}, "parent_header": {}, "content": content,
            "buffers": list(buffers)}


def test_widgets_follow_the_kernels_messages():
    registry = rc.Widgets()
    # the buffers taken out as ipywidgets' control comm does (paths [model id, "state", ...])
    states, buffer_paths, buffers = _remove_buffers({
        "box": {"model_name": "BoxModel", "state": {"_model_name": "BoxModel", "children": ["IPY_MODEL_s"],
                                                    "_dom_classes": ["stagetok-stage"]}},
        "s": {"model_name": "IntSliderModel", "state": {"_model_name": "IntSliderModel", "value": 3,
                                                        "layout": "IPY_MODEL_l", "data": {"raw": b"\x01\x02"}}},
    })
    assert buffer_paths == [["s", "state", "data", "raw"]]
    registry.load_states({"states": states, "buffer_paths": buffer_paths}, buffers)
    assert registry.states["s"]["data"] == {"raw": b"\x01\x02"}
    assert registry.missing(["box"]) == {"l"} and registry.reachable(["box"]) == {"box", "s", "l"}
    assert registry.with_class("stagetok-stage") == ["box"] and registry.find("IntSliderModel", value=3) == ["s"]
    assert registry.apply(_iopub("comm_open", {"comm_id": "l", "target_name": rc.WIDGET_TARGET, "data": {
        "state": {"_model_name": "LayoutModel", "width": None}, "buffer_paths": []}})) == "l"
    assert registry.missing(["box"]) == set()
    registry.apply(_iopub("comm_msg", {"comm_id": "s", "data": {"method": "echo_update", "state": {"value": 4},
                                                                  "buffer_paths": []}}))
    registry.apply(_iopub("comm_msg", {"comm_id": "s", "data": {"method": "update", "state": {"data": {}},
                                                                  "buffer_paths": [["data", "raw"]]}}, [b"\x03"]))
    assert registry.states["s"]["value"] == 4 and registry.states["s"]["data"] == {"raw": b"\x03"}
    assert registry.apply(_iopub("comm_open", {"comm_id": "c", "target_name": "other", "data": {}})) is None
    assert registry.apply(_iopub("comm_close", {"comm_id": "l", "data": {}})) == "l"
    assert registry.missing(["box"]) == {"l"}
    assert rc.widget_refs({"a": ["IPY_MODEL_x", {"b": "IPY_MODEL_y"}], "c": "text"}) == {"x", "y"}
    assert rc.has_mimetype({"outputs": [{"data": {rc.VEGALITE: {}, "text/plain": ""}}]})
    assert not rc.has_mimetype({"outputs": [{"data": {"text/html": ""}}]}) and not rc.has_mimetype({})


# --- the drivers, against the real dashboards' widgets ---------------------------------------------------------

class _RecordingComm(BaseComm):
    """A comm that keeps what the kernel would publish, as the iopub messages a page receives."""

    published: list[dict] = []

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        content = {"comm_id": self.comm_id, "data": data or {}}
        if "target_name" in keys:
            content["target_name"] = keys["target_name"]
        self.published.append({"channel": "iopub", "header": {"msg_type": msg_type}, "parent_header": {},
                                "metadata": metadata or {}, "content": content,
                                "buffers": [bytes(b) for b in buffers or ()]})


def _dashboard(name):
    if name == "reach":
        from toolkit.widgets import ReachExplorer, ReachExplorerModel

        return ReachExplorer(ReachExplorerModel.example())
    if name == "lab":
        from toolkit.widgets import HashtagLab, HashtagLabModel

        return HashtagLab(HashtagLabModel.example())
    from toolkit.widgets.workshop import Workshop

    return Workshop()


@pytest.fixture
def recording_comms(monkeypatch):
    """Every widget made from now on publishes into ``_RecordingComm.published``; the renderer as in a dashboard."""
    import comm

    monkeypatch.setattr(comm, "create_comm", lambda **kwargs: _RecordingComm(**kwargs))
    monkeypatch.setattr(widgets.Widget, "_control_comm", None)
    monkeypatch.setattr(_RecordingComm, "published", [])
    previous = alt.renderers.active
    toolkit.setup()
    yield _RecordingComm.published
    alt.renderers.enable(previous)


@pytest.mark.parametrize("name", sorted(rc.DRIVERS))
def test_each_driver_finds_its_control_and_sees_the_kernels_answer(name, recording_comms):
    driver = rc.DRIVERS[name]
    root = _dashboard(driver.name)
    page = rc.Widgets()
    try:
        # The page's request for every widget state, answered by ipywidgets' own control comm.
        control = _RecordingComm(target_name=rc.CONTROL_TARGET, primary=False)
        widgets.Widget.handle_control_comm_opened(control, {"metadata": {"version": rc.CONTROL_VERSION}})
        widgets.Widget._handle_control_comm_msg({"content": {"data": {"method": "request_states"}}})
        answer = recording_comms[-1]
        assert answer["content"]["data"]["method"] == "update_states"
        page.load_states(answer["content"]["data"], answer["buffers"])
        assert page.missing([root.model_id]) == set()
        mine = page.reachable([root.model_id])  # the page's own widgets (this process holds others too)
        page.states = {model_id: state for model_id, state in page.states.items() if model_id in mine}

        for i in range(2):
            model_id = driver.find(page)
            state = driver.change(page, model_id, i, 4)
            trait = next(iter(state))
            assert state[trait] != page.states[model_id][trait], "each change changes the control"
            recording_comms.clear()
            sent, paths, buffers = rc.remove_buffers(state)
            _instances[model_id]._handle_msg({"content": {"data": {"method": "update", "state": sent,
                                                                   "buffer_paths": paths}}, "buffers": buffers})
            for msg in recording_comms:
                page.apply(msg)
            echoes = [m for m in recording_comms if m["content"]["data"].get("method") == "echo_update"]
            assert echoes and echoes[0]["content"]["comm_id"] == model_id
            seen = [(m["header"]["msg_type"], sorted(m["content"]["data"].get("state", {}))) for m in recording_comms]
            assert driver.answered(page, {**state, "_field": model_id}, list(recording_comms)), (
                f"change {i + 1} of {name}: no expected answer among {seen}")
            assert not driver.answered(page, {**state, "_field": model_id}, echoes), "an echo alone is no answer"
    finally:
        for model_id in page.reachable([root.model_id]):
            if model_id in _instances:
                _instances[model_id].close()


def test_a_driver_says_so_when_its_control_is_not_there():
    with pytest.raises(LookupError):
        rc.DRIVERS["reach"].find(rc.Widgets())
    with pytest.raises(LookupError):
        rc.DRIVERS["workshop"].find(rc.Widgets())


# --- one participant against a kernel that answers as ipykernel and ipywidgets do ---------------------------

KERNEL_STATES = {
    "root": {"_model_name": "VBoxModel", "children": ["IPY_MODEL_slider", "IPY_MODEL_chart"]},
    "slider": {"_model_name": "IntSliderModel", "value": 3, "min": 0, "max": 10, "raw": None},
    "chart": {"_model_name": "OutputModel", "outputs": []},
}
FAKE_PAGE = """<html><head><script src="/static/app.js"></script></head><body>
<script id="jupyter-config-data" type="application/json">{"baseUrl": "/", "kernelId": "k1",
 "fullLabextensionsUrl": "/voila/labextensions", "federated_extensions": [{"name": "ext", "load": "static/entry.1.js"}]}
</script>
<script type="application/vnd.voila.cell-output+json">{"data": {"application/vnd.jupyter.widget-view+json":
 {"model_id": "root"}}}</script></body></html>"""


#: Moves the fake page's slider one up and waits for the chart, as the reach explorer's driver does.
FAKE_DRIVER = rc.Driver("fake", "x.ipynb", "root", "the slider", lambda page: page.find("IntSliderModel")[0],
                        lambda page, model_id, i, who: {"value": page.states[model_id]["value"] + 1},
                        rc.DRIVERS["reach"].answered)


class _Kernel(websocket.WebSocketHandler):
    """A kernel's channels socket that answers as ipywidgets does, through jupyter_server's own codecs.

    The v1 protocol when the client offers it, else Jupyter's older JSON protocol (binary
    frames only for messages with buffers).
    """

    def initialize(self, answer_control: bool, heard: list, authorizations: list | None = None):
        self.answer_control, self.heard = answer_control, heard
        if authorizations is not None:
            authorizations.append(("websocket", self.request.headers.get("Authorization")))

    def select_subprotocol(self, subprotocols):
        return rc.V1_PROTOCOL if rc.V1_PROTOCOL in subprotocols else None

    def send(self, channel, msg_type, parent, content, buffers=()):
        header = {"msg_id": os.urandom(8).hex(), "msg_type": msg_type, "session": "kernel", "username": "",
                  "version": "5.3", "date": "2026-11-28T12:00:00.000000Z"}
        if self.selected_subprotocol != rc.V1_PROTOCOL:
            msg = {"channel": channel, "header": header, "parent_header": parent, "metadata": {},
                   "content": content, "buffers": list(buffers)}
            self.write_message(serialize_binary_message(msg) if buffers else json.dumps(msg), binary=bool(buffers))
            return
        parts = [json.dumps(part).encode() for part in (header, parent, {}, content)]
        self.write_message(serialize_msg_to_ws_v1([*parts, *buffers], channel), binary=True)

    def on_message(self, frame):
        if self.selected_subprotocol != rc.V1_PROTOCOL:
            msg = json.loads(frame) if isinstance(frame, str) else deserialize_binary_message(frame)
            channel, header, content = msg["channel"], msg["header"], msg["content"]
        else:
            channel, parts = deserialize_msg_from_ws_v1(frame)
            header, content = json.loads(parts[0]), json.loads(parts[3])
        kind, data = header["msg_type"], content.get("data") or {}
        self.heard.append((channel, kind, data.get("method") or content.get("target_name")))
        self.send("iopub", "status", header, {"execution_state": "busy"})
        if kind == "kernel_info_request":
            self.send("shell", "kernel_info_reply", header, {"status": "ok", "protocol_version": "5.3"})
        elif kind == "comm_info_request":
            self.send("shell", "comm_info_reply", header, {"status": "ok", "comms": {
                model_id: {"target_name": rc.WIDGET_TARGET} for model_id in KERNEL_STATES}})
        elif kind == "comm_msg" and data["method"] == "request_states" and self.answer_control:
            states = {model_id: {"model_name": state["_model_name"], "model_module": "@jupyter-widgets/controls",
                                 "model_module_version": "2.0.0", "state": state}
                      for model_id, state in KERNEL_STATES.items()}
            self.send("iopub", "comm_msg", header, {"comm_id": content["comm_id"], "data": {
                "method": "update_states", "states": states, "buffer_paths": [["slider", "state", "raw"]]}}, [b"\x01"])
        elif kind == "comm_msg" and data["method"] == "request_state":
            self.send("iopub", "comm_msg", header, {"comm_id": content["comm_id"], "data": {
                "method": "update", "state": KERNEL_STATES[content["comm_id"]], "buffer_paths": []}})
        elif kind == "comm_msg" and data["method"] == "update":
            self.send("iopub", "comm_msg", header, {"comm_id": content["comm_id"], "data": {
                "method": "echo_update", "state": data["state"], "buffer_paths": []}})
            chart = {"output_type": "display_data", "data": {rc.VEGALITE: {"mark": "bar"}}, "metadata": {}}
            self.send("iopub", "comm_msg", header, {"comm_id": "chart", "data": {
                "method": "update", "state": {"outputs": [chart]}, "buffer_paths": []}})
        self.send("iopub", "status", header, {"execution_state": "idle"})


class _Text(web.RequestHandler):
    def initialize(self, body: str, status: int = 200, heard: list | None = None, authorizations: list | None = None):
        self.body, self.status, self.heard, self.authorizations = body, status, heard, authorizations

    def get(self):
        if self.authorizations is not None:
            self.authorizations.append((self.request.path, self.request.headers.get("Authorization")))
        self.finish(self.body)

    def post(self):
        self.heard.append(self.request.body)
        self.set_status(self.status)
        self.finish(self.body)


def _voila_routes(kernel: dict, page: str = FAKE_PAGE, base: str = "", authorizations: list | None = None) -> list:
    """The fake Voila under ``base``: the dashboard's page, its kernel's model and the kernel's socket."""
    asked = {} if authorizations is None else {"authorizations": authorizations}
    return [
        (rf"{base}/voila/render/x.ipynb", _Text, {"body": page, **asked}),
        (rf"{base}/api/kernels/k1", _Text, {"body": '{"id": "k1"}', **asked}),
        (rf"{base}/api/kernels/k1/channels", _Kernel, {**kernel, **asked}),
    ]


#: The page's script and its lab extension's entry, at the server's root.
STATIC_ROUTES = [(r"/static/app.js", _Text, {"body": "var app = 1;"}),
                 (r"/voila/labextensions/ext/static/entry.1.js", _Text, {"body": "var ext = 1;"})]



@pytest.mark.parametrize("control_answers", [True, False], ids=["control comm", "widget by widget"])
def test_a_participant_opens_changes_and_leaves_as_a_page_does(control_answers, monkeypatch):
    monkeypatch.setattr(rc, "CONTROL_TIMEOUT", 0.3)  # ipywidgets waits 4 s before asking widget by widget
    heard, beacons = [], []
    driver = FAKE_DRIVER

    async def scenario():
        app = web.Application([
            *_voila_routes({"answer_control": control_answers, "heard": heard}), *STATIC_ROUTES,
            (r"/voila/api/shutdown/k1", _Text, {"body": "no _xsrf", "status": 403, "heard": beacons}),
        ])
        server, port = _listen(app)
        person = rc.Participant(f"http://127.0.0.1:{port}/voila/render/x.ipynb", driver=driver,
                                timeouts=rc.Timeouts(page=10, static=10, connect=10, states=10, change=10))
        try:
            load = await person.open()
            changes = [await person.change(i) for i in range(2)]
            await person.close()
        finally:
            person.dispose()
            server.stop()
        return person, load, changes

    person, load, changes = aio.run(scenario())
    assert not person.errors and not person.hung
    assert load.interactive_s is not None and load.protocol == rc.V1_PROTOCOL
    assert load.states_by_widget is not control_answers
    assert load.requests == 4 and load.http_bytes == len(FAKE_PAGE + "var app = 1;var ext = 1;" + '{"id": "k1"}')
    assert set(person.widgets.states) == set(KERNEL_STATES) and load.widgets == 3
    assert person.widgets.states["slider"]["raw"] == (b"\x01" if control_answers else None)
    assert person.widgets.states["slider"]["value"] == 5, "the echoes of both changes are applied"
    assert [change.state for change in changes] == [{"value": 4}, {"value": 5}]
    assert all(c.answered and 0 < c.echo_s <= c.answer_s <= c.idle_s == c.delay_s for c in changes)
    asked = [("shell", "kernel_info_request", None), ("shell", "comm_open", rc.CONTROL_TARGET),
             ("shell", "comm_msg", "request_states")]
    if control_answers:
        asked.append(("shell", "comm_close", None))
    else:  # the control comm stays open; every widget is asked for on its own
        asked += [("shell", "comm_info_request", rc.WIDGET_TARGET)] + [("shell", "comm_msg", "request_state")] * 3
    assert heard == [*asked, ("shell", "comm_msg", "update"), ("shell", "comm_msg", "update")]
    assert person.shutdowns == [403] and len(beacons) == 1 and b'name="_xsrf"' in beacons[0]
    assert 0 < person.ws_bytes <= person.ws_wire_bytes


def test_a_page_without_its_widget_output_is_blank_and_never_interactive():
    heard = []
    blank_page = FAKE_PAGE.split('<script type="application/vnd.voila.cell-output+json">')[0] + "</body></html>"

    async def scenario():
        app = web.Application([*_voila_routes({"answer_control": True, "heard": heard}, blank_page),
                               *STATIC_ROUTES])
        server, port = _listen(app)
        try:
            results = await rc.run_room(f"http://127.0.0.1:{port}/voila/render/x.ipynb", 1,
                                        driver=rc.DRIVERS["reach"], changes=2, window=0, think=0)
        finally:
            server.stop()
        return results

    (result,) = aio.run(scenario())
    (load,) = result.loads
    assert load.blank and load.interactive_s is None and load.widgets == 3, "the states came, the page shows nothing"
    assert result.changes == [], "nobody changes what they cannot see"
    summary = rc.room_summary([result])
    assert summary["blank"] == 1 and summary["not_interactive"] == 1 and summary["interactive_s"]["n"] == 0


def test_a_room_of_servers_of_their_own_each_with_its_token_and_its_arrival():
    """As on JupyterHub: a URL, a manifest and a token per participant; their server starts on arriving."""
    heard, authorizations, arrived = [], [], []

    async def arrive(i):
        arrived.append(i)
        if i == 2:
            raise RuntimeError("the server did not start")
        await asyncio.sleep(0.2)

    async def scenario():
        routes = list(STATIC_ROUTES)
        for who in ("a", "b", "c"):
            base = f"/user/{who}"
            page = FAKE_PAGE.replace('"baseUrl": "/"', f'"baseUrl": "{base}/"')
            routes += [*_voila_routes({"answer_control": True, "heard": heard}, page, base, authorizations),
                       (rf"{base}/static/late.js", _Text, {"body": "var late = 1;", "authorizations": authorizations})]
        server, port = _listen(web.Application(routes))
        recorded = rc.Manifest(late=("/user/rec/static/late.js",))
        try:
            return await rc.run_room(
                [f"http://127.0.0.1:{port}/user/{who}/voila/render/x.ipynb" for who in "abc"], 3,
                driver=FAKE_DRIVER, changes=1, window=0, think=0,
                manifest=[recorded.moved("/user/rec/", f"/user/{who}/") for who in "abc"],
                headers=[{"Authorization": f"token {who}-token"} for who in "abc"], arrive=arrive, subprotocols=())
        finally:
            server.stop()

    results = aio.run(scenario())
    assert sorted(arrived) == [0, 1, 2]
    a, b, c = results
    assert c.errors == ["arriving: RuntimeError: the server did not start"] and c.loads == [] and c.arrive_s is None
    for result in (a, b):
        assert not result.errors and not result.hung, (result.errors, result.hung)
        (load,) = result.loads
        assert load.protocol == "" and load.interactive_s is not None, "the JSON protocol, when v1 is not offered"
        assert 0.2 <= result.arrive_s < 5
        assert len(result.changes) == 1 and result.changes[0].answered
    asked = {(path, token) for path, token in authorizations}
    for who in "ab":
        for path in ("voila/render/x.ipynb", "static/late.js", "api/kernels/k1"):
            assert (f"/user/{who}/{path}", f"token {who}-token") in asked
        assert ("websocket", f"token {who}-token") in asked
    assert all(token != "token c-token" for _, token in asked), "who did not arrive asked nothing"
    summary = rc.room_summary(results)
    assert summary["arrive_s"]["n"] == 2 and summary["from_arrival_s"]["n"] == 2
    assert summary["from_arrival_s"]["max"] == max(r.arrive_s + r.loads[0].interactive_s for r in (a, b))
    with pytest.raises(ValueError, match="as many URLs"):
        aio.run(rc.run_room(["http://127.0.0.1:1/x"], 2, driver=None))


def test_a_manifest_moves_to_another_participants_path_and_leaves_other_paths():
    manifest = rc.Manifest(("/user/rec/voila/static/a.js", "/static/b.js"), ("/user/rec/voila/c.woff",))
    moved = manifest.moved("/user/rec/", "/user/anouk/")
    assert moved == rc.Manifest(("/user/anouk/voila/static/a.js", "/static/b.js"), ("/user/anouk/voila/c.woff",))


# --- one small room against a real server ----------------------------------------------------------------------

@pytest.mark.browser
def test_two_participants_against_a_real_voila_server(tmp_path):
    folder = tmp_path / "dashboards"
    folder.mkdir()
    driver = rc.DRIVERS["reach"]
    shutil.copy(DASHBOARDS / driver.notebook, folder)  # only this dashboard: a pool of one kernel
    log_path = tmp_path / "voila.log"
    with voila(folder, pool_size=1, log_path=log_path, cwd=ROOT, start_timeout=60) as (base_url, _):
        results = aio.run(rc.run_room(
            f"{base_url}/voila/render/{driver.notebook}", 2, driver=driver, changes=2, window=1.0, think=0.2,
            reloads=1, timeouts=rc.Timeouts(page=60, states=60, change=30)))
    problems = [(r.index, r.errors, r.hung) for r in results if r.errors or r.hung]
    assert not problems, f"{problems}\nServer log:\n{log_tail(log_path)}"
    for result in results:
        first = result.loads[0]
        assert first.interactive_s is not None and first.protocol == rc.V1_PROTOCOL
        assert first.widgets > 50 and result.ws_bytes > 10_000
        assert first.http_bytes > first.page_bytes > 1000 and first.requests >= 6
        assert len(result.changes) == 2 and all(change.answered and change.delay_s > 0 for change in result.changes)
        assert all(change.echo_s is not None for change in result.changes)
        assert result.shutdowns, "each page sent Voila's beacon on leaving"
    first, second = results[0].loads
    assert second.interactive_s is not None
    assert second.from_cache + second.not_modified > 0 and second.http_bytes < first.http_bytes
