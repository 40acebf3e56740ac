"""A room's server, for real: compressed and cacheable files, and a page beyond capacity turned away.

Voila servers as ``make room`` starts them, on this computer (one with a capacity of two pages). A
browser's first page load, its second one in the same browser, and the HTTP answers themselves
are checked against what a full room on a wifi network needs.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, SERVER_START_TIMEOUT, VoilaServer
from tests.browser.helpers import close_page, start_empty
from tests.browser.localhost import VoilaError, is_local, voila
from toolkit.i18n import t
from toolkit.serve import DASHBOARDS

pytestmark = pytest.mark.browser

#: What a page downloaded before the server compressed (5.8 MB, measured with Voila 0.5.13).
UNCOMPRESSED_PAGE_BYTES = 5_800_000
EXPLORER = ".stagetok-reach-explorer"
VOILA_STATIC = Path(ROOT / ".venv/share/jupyter/voila/templates/base/static")


def _server(tmp_path_factory, **options):
    log_path = tmp_path_factory.mktemp("serving") / "voila.log"
    try:
        with voila(DASHBOARDS, pool_size=1, log_path=log_path, cwd=ROOT, start_timeout=SERVER_START_TIMEOUT,
                   **options) as (base_url, process):
            yield VoilaServer(base_url, process, log_path)
    except VoilaError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def room_server(tmp_path_factory):
    """The server as ``make room`` starts it (its capacity far above what these tests open)."""
    yield from _server(tmp_path_factory, capacity=50)


@pytest.fixture
def small_room(tmp_path_factory):
    """A server whose room holds two pages."""
    yield from _server(tmp_path_factory, capacity=2)


def fetch(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def lab_extension_files(server: VoilaServer) -> tuple[str, str]:
    """A hashed file of a lab extension the page loads, and an unhashed one, as URLs."""
    base = f"{server.base_url}/voila/labextensions/@jupyter-widgets/jupyterlab-manager/static"
    names = sorted(p.name for p in (ROOT / ".venv/share/jupyter/labextensions/@jupyter-widgets/"
                                           "jupyterlab-manager/static").iterdir())
    (entry,) = [name for name in names if re.fullmatch(r"remoteEntry\.[0-9a-f]+\.js", name)]
    return f"{base}/{entry}", f"{base}/style.js"


def test_files_are_compressed_for_a_browser_that_asks(room_server):
    url = f"{room_server.base_url}/voila/static/voila.js"
    status, headers, body = fetch(url, **{"Accept-Encoding": "gzip, deflate, br"})
    original = (VOILA_STATIC / "voila.js").read_bytes()
    assert status == 200 and headers.get("content-encoding") == "gzip" and "accept-encoding" in headers["vary"].lower()
    assert gzip.decompress(body) == original and len(body) < len(original) / 2
    status, headers, body = fetch(url)  # a client that does not ask gets the file as it is
    assert status == 200 and "content-encoding" not in headers and body == original


def test_hashed_files_are_kept_for_a_year_and_the_others_checked_again(room_server):
    hashed, plain = lab_extension_files(room_server)
    status, headers, _ = fetch(hashed)
    assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    status, headers, _ = fetch(plain)
    assert status == 200 and headers["cache-control"] == "no-cache"
    status, _, body = fetch(plain, **{"If-Modified-Since": headers["last-modified"]})
    assert status == 304 and body == b""  # unchanged: nothing sent again
    status, headers, _ = fetch(f"{room_server.base_url}/voila/static/voila.js")
    status, _, body = fetch(f"{room_server.base_url}/voila/static/voila.js", **{"If-None-Match": headers["etag"]})
    assert status == 304 and body == b""


def _load(context, url: str) -> tuple[int, int, list[str]]:
    """Open ``url`` in a new page of ``context``; bytes over the wire, requests made, requests not local."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    wire, requests, outside = [], [], []
    cdp.on("Network.loadingFinished", lambda event: wire.append(event["encodedDataLength"]))
    cdp.on("Network.requestWillBeSent", lambda event: requests.append(event["request"]["url"]))
    page.goto(url, timeout=120_000)
    page.locator(EXPLORER).wait_for(state="visible", timeout=120_000)
    expect(page.locator(f"{EXPLORER} .vega-embed").first).to_be_visible(timeout=60_000)
    page.wait_for_load_state("networkidle")
    outside = [url for url in requests if not is_local(url) and not url.startswith("data:")]
    total = sum(wire)
    close_page(page)
    page.close()
    return total, len(requests), outside


def test_a_page_downloads_a_third_of_what_it_did_and_a_second_page_a_tenth(browser, room_server):
    # No request routing here: Playwright turns the browser's cache off for a page that routes.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        url = room_server.url_of("reach_explorer.ipynb")
        first, first_requests, outside = _load(context, url)
        assert outside == []
        assert first <= UNCOMPRESSED_PAGE_BYTES / 3, f"first page load: {first:,} bytes in {first_requests} requests"
        second, second_requests, outside = _load(context, url)
        assert outside == []
        assert second <= first / 10, f"second page load: {second:,} bytes (first {first:,})"
    finally:
        context.close()


def test_a_page_beyond_the_rooms_capacity_gets_a_message_and_the_others_keep_working(browser, small_room):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages = []
    try:
        for _ in range(2):  # the two pages the room holds
            page = context.new_page()
            page.goto(small_room.url_of("reach_explorer.ipynb"), timeout=120_000)
            page.locator(EXPLORER).wait_for(state="visible", timeout=120_000)
            pages.append(page)
        full = context.new_page()
        response = full.goto(small_room.url_of("workshop.ipynb"), timeout=120_000)
        assert response.status == 503 and response.headers.get("retry-after") == "30"
        expect(full.get_by_role("heading", name=t("door.full.title"))).to_be_visible()
        expect(full.get_by_text("2 pagina's tegelijk")).to_be_visible()
        assert full.locator("script").count() == 0
        english = context.new_page()
        english.goto(small_room.url_of("workshop.ipynb") + "?lang=en", timeout=120_000)
        expect(english.get_by_role("heading", name=t("door.full.title", lang="en"))).to_be_visible()
        # the pages already open still work: a click reaches the kernel and its answer comes back
        start_empty(pages[0])
        pages[0].get_by_role("button", name="Voorbeeld gebruiken").click()
        expect(pages[0].locator(".stagetok-warning", has_text="verzonnen")).to_be_visible()
        assert "Room full: 2 pages open, capacity 2" in small_room.log()
    finally:
        for page in pages:
            close_page(page)
        context.close()


def test_a_server_without_pre_heated_kernels_serves_its_pages_too(tmp_path):
    """``make start POOL=0``: every page starts its own kernel, counted against the capacity."""
    with voila(DASHBOARDS, pool_size=0, log_path=tmp_path / "voila.log", cwd=ROOT,
               start_timeout=SERVER_START_TIMEOUT, capacity=5) as (base_url, _process):
        status, _, body = fetch(f"{base_url}/voila/render/reach_explorer.ipynb")
        assert status == 200 and b"application/vnd.jupyter.widget-view+json" in body  # the dashboard, rendered
        status, _, body = fetch(f"{base_url}/")
        assert status == 200 and b"door-card" in body
