"""The room in headless Chromium: two teams send from their pages, the facilitator's board shows both, live."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, SERVER_START_TIMEOUT, VoilaServer, open_dashboard
from tests.browser.helpers import HOSTILE, assert_network_contained, assert_no_traceback, close_page, enter
from tests.browser.localhost import VoilaError, voila
from toolkit import room
from toolkit.i18n import t
from toolkit.serve import DASHBOARDS

pytestmark = pytest.mark.browser

SECRET = "the-facilitators-own-secret-for-this-test"
BOARD, WORKSHOP = ".stagetok-board", ".stagetok-workshop"


@pytest.fixture(scope="module")
def room_server(tmp_path_factory):
    """A Voila server as `make room` runs it: in a room, with a facilitator's secret (on localhost for the test)."""
    log_path = tmp_path_factory.mktemp("room") / "voila.log"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STAGETOK_ROOM", "1")
        patch.setenv(room.FACILITATOR_HASH_ENV, room.key_digest(SECRET))
        patch.setenv("STAGETOK_ROOM_URL", "http://192.0.2.2:8866/?token=zaal")
        patch.setenv("STAGETOK_DATA", str(tmp_path_factory.mktemp("room-data")))
        try:
            with voila(DASHBOARDS, pool_size=1, log_path=log_path, cwd=ROOT,
                       start_timeout=SERVER_START_TIMEOUT) as (base_url, process):
                patch.undo()  # the server has its environment; the tests' own stays as it was
                yield VoilaServer(base_url, process, log_path)
        except VoilaError as error:
            pytest.fail(str(error), pytrace=False)


def _team(browser, server, name: str):
    page = open_dashboard(browser, server, "workshop.ipynb", WORKSHOP)
    enter(page.page.get_by_label("Teamnaam", exact=True), name)
    expect(page.page.locator(f"{WORKSHOP} .stagetok-code")).to_have_text(re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$"))
    page.page.get_by_role("button", name="Naar het bord sturen").click()
    expect(page.page.locator(f"{WORKSHOP} .stagetok-ok", has_text="Verstuurd")).to_be_visible()
    return page


def test_two_teams_send_and_the_board_shows_both_escaped_without_a_reload(browser, room_server):
    board = open_dashboard(browser, room_server, "board.ipynb", BOARD, query=f"key={SECRET}")
    pages = [board]
    try:
        expect(board.page.locator(f"{BOARD} .stagetok-room-address")).to_contain_text("192.0.2.2")
        expect(board.page.locator(f"{BOARD} .stagetok-room-address svg")).to_have_count(1)  # the QR code
        expect(board.page.get_by_text("Teams die iets stuurden: 0")).to_be_visible()
        pages.append(_team(browser, room_server, "Team " + HOSTILE))
        pages.append(_team(browser, room_server, "Team Twee"))
        # the board refreshes itself: no reload
        expect(board.page.get_by_text("Teams die iets stuurden: 2")).to_be_visible(timeout=30_000)
        cards = board.page.locator(f"{BOARD} .stagetok-card")
        expect(cards).to_have_count(2)
        expect(cards.filter(has_text="Team <img src=x")).to_have_count(1)  # the name as text
        assert board.page.evaluate("() => window.__pwned === undefined")
        expect(board.page.locator(f"{BOARD} .stagetok-card img")).to_have_count(0)
        # "go to step N": every team's dashboard follows
        board.page.get_by_label("Alle teams naar").select_option(label=f"5. {t('step.content.title')}")
        board.page.get_by_role("button", name="Stuur iedereen").click()
        for team in pages[1:]:
            expect(team.page.locator(f"{WORKSHOP} .stagetok-step-content")).to_be_visible(timeout=30_000)
        for page in pages:
            assert_no_traceback(page)
            assert_network_contained(page)
    finally:
        for page in pages:
            close_page(page.page)
            page.page.context.close()


def test_the_board_does_not_open_without_the_facilitators_secret(browser, room_server):
    for query in ("", "key=wrong"):
        page = open_dashboard(browser, room_server, "board.ipynb", BOARD, query=query)
        try:
            expect(page.page.get_by_role("button", name="Bord openen")).to_be_visible()
            expect(page.page.locator(f"{BOARD} .stagetok-card")).to_have_count(0)
            expect(page.page.get_by_text("Teams die iets stuurden")).to_have_count(0)
            assert_no_traceback(page)
        finally:
            close_page(page.page)
            page.page.context.close()
