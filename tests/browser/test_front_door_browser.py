"""The front door in headless Chromium, served by a real Voila server: the first page of StageTok.

Fixtures (the server and the browser) live in conftest.py next to this file. Each page here
refuses every request that is not for this computer, and the tests assert that none was made.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PAGE_READY_TIMEOUT
from tests.browser.helpers import assert_network_contained, close_page
from tests.browser.localhost import refuse_outside
from toolkit.i18n import t
from toolkit.voila_app import TOOLS

pytestmark = pytest.mark.browser

#: Screenshots of the page, for a person to look at (overridable: STAGETOK_SCREENSHOTS=/some/dir).
SCREENSHOTS = Path(os.environ.get("STAGETOK_SCREENSHOTS", "/tmp"))
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class Door:
    """A page opened on the server's root URL, and what it asked of the network."""

    page: object
    requested: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@contextlib.contextmanager
def opened(browser, server, *, viewport=DESKTOP, javascript=True, path="/"):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    door = Door(page)

    refuse_outside(page, door)
    try:
        response = page.goto(server.base_url + path)
        assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
        yield door
    finally:
        close_page(page)  # a dashboard a test clicked through to asks for its kernel's shutdown
        context.close()


def card(page, key: str):
    """The card link whose title is the catalogue text ``key`` in the page's language."""
    lang = page.locator("html").get_attribute("lang")
    return page.locator("a.door-card").filter(has=page.get_by_role("heading", name=t(key, lang=lang), exact=True))


def test_opens_in_dutch_with_the_workshop_first_and_no_file_names(browser, voila_server):
    with opened(browser, voila_server) as door:
        page = door.page
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page).to_have_title("StageTok")
        expect(page.get_by_role("heading", level=1)).to_have_text("StageTok")
        expect(page.get_by_text(t("door.tagline", lang="nl"))).to_be_visible()
        cards = page.locator("a.door-card")
        expect(cards).to_have_count(1 + len(TOOLS))
        expect(cards.first).to_have_class(re.compile(r"\bdoor-workshop\b"))
        expect(cards.first).to_contain_text("De workshop")
        expect(cards.first).to_contain_text("Workshop starten")
        for index, (name, tool) in enumerate(zip(("Hashtag Lab", "Stagepijplijn", "Bereik"), TOOLS, strict=True), 1):
            expect(cards.nth(index).get_by_role("heading")).to_have_text(name)
            expect(cards.nth(index)).to_contain_text(t(tool.line, lang="nl"))
            expect(card(page, tool.title)).to_be_visible()
        body = page.locator("body").inner_text()
        assert ".ipynb" not in body and "Voil" not in body and "Select items" not in body
        assert page.locator("script").count() == 0
        page.screenshot(path=str(SCREENSHOTS / "front_door_nl.png"), full_page=True)
        assert not door.page_errors
        assert_network_contained(door)


def test_switches_to_english_and_the_workshop_card_opens_the_workshop(browser, voila_server):
    with opened(browser, voila_server) as door:
        page = door.page
        page.get_by_role("link", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert parse_qs(urlsplit(page.url).query)["lang"] == ["en"]
        expect(page.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")
        expect(page.locator("a.door-card").first).to_contain_text("The workshop")
        expect(card(page, "planner.title")).to_contain_text(t("door.planner.line", lang="en"))
        assert "De workshop" not in page.locator("body").inner_text()
        page.screenshot(path=str(SCREENSHOTS / "front_door_en.png"), full_page=True)

        with page.expect_response(lambda r: "/voila/render/workshop.ipynb" in r.url) as answer:
            card(page, "door.workshop.title").click()
        response = answer.value
        assert urlsplit(response.url).path == "/voila/render/workshop.ipynb"
        assert parse_qs(urlsplit(response.url).query)["lang"] == ["en"]  # the dashboard is told the language
        assert response.status == 200
        expect(page.locator(".stagetok-workshop")).to_be_visible(timeout=PAGE_READY_TIMEOUT)
        assert not door.page_errors
        assert_network_contained(door)


def test_a_tool_card_opens_its_dashboard(browser, voila_server):
    with opened(browser, voila_server) as door:
        page = door.page
        with page.expect_response(lambda r: "/voila/render/" in r.url) as answer:
            card(page, "lab.title").click()
        response = answer.value
        assert urlsplit(response.url).path == "/voila/render/hashtag_lab.ipynb"
        assert response.status == 200  # Voila renders the dashboard (its widgets are tested elsewhere)
        assert_network_contained(door)


def test_works_with_javascript_off_and_on_a_phone(browser, voila_server):
    with opened(browser, voila_server, viewport=PHONE, javascript=False, path="/voila/tree") as door:
        page = door.page
        expect(page.locator("a.door-card")).to_have_count(1 + len(TOOLS))
        tools = page.locator("a.door-tool")
        left = {round(tools.nth(i).bounding_box()["x"]) for i in range(len(TOOLS))}
        assert len(left) == 1, f"on a phone the tool cards stand under each other, not beside: {left}"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page is wider than the phone: {width}px"
        page.screenshot(path=str(SCREENSHOTS / "front_door_nl_phone.png"), full_page=True)
        page.get_by_role("link", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.locator("a.door-card").first).to_contain_text("Start the workshop")
        assert_network_contained(door)


def test_cards_are_large_targets_with_a_visible_focus_ring(browser, voila_server):
    with opened(browser, voila_server) as door:
        page = door.page
        tools = page.locator("a.door-tool")
        boxes = [tools.nth(i).bounding_box() for i in range(len(TOOLS))]
        assert len({round(box["y"]) for box in boxes}) == 1, "on a wide screen the tools stand side by side"
        assert all(box["height"] >= 100 and box["width"] >= 240 for box in boxes), boxes
        page.keyboard.press("Tab")  # Nederlands
        page.keyboard.press("Tab")  # English
        page.keyboard.press("Tab")  # the workshop
        focused = page.locator("a.door-card:focus")
        expect(focused).to_have_class(re.compile(r"\bdoor-workshop\b"))
        ring = focused.evaluate("a => [getComputedStyle(a).outlineStyle, getComputedStyle(a).boxShadow]")
        assert ring[0] == "solid" and ring[1] != "none", ring
        page.screenshot(path=str(SCREENSHOTS / "front_door_focus.png"))
