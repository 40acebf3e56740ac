"""The workshop dashboard in headless Chromium: a team walks the steps, comes back by its code, takes its plan home."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_dashboard
from tests.browser.helpers import (
    CHART_DRAWN_JS,
    HOSTILE,
    assert_network_contained,
    assert_no_traceback,
    chart_selector,
    close_page,
    enter,
    posts_field,
    tag_cell,
)
from toolkit import journey

pytestmark = pytest.mark.browser

ROOT = ".stagetok-workshop"
CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$")


def _step(page, number: int, name: str):
    """Click the step button ``number`` ("9. Hashtags") and wait for its title and its tool."""
    page.locator(f"{ROOT} .stagetok-steps button", has_text=re.compile(rf"^{number}\. ")).click()
    expect(page.locator(f"{ROOT} .stagetok-goal").locator("xpath=..")).to_contain_text(f"Stap {number} van 11")
    expect(page.locator(f"{ROOT} h3", has_text=name).first).to_be_visible()
    expect(page.locator(f"{ROOT} .stagetok-step-{journey.STEP_IDS[number - 1]}")).to_be_visible()
    expect(page.locator(f"{ROOT} [class*='stagetok-step-']")).to_have_count(1)  # the step before it is gone


def test_a_team_walks_the_workshop_comes_back_by_its_code_and_downloads_its_plan(
        browser, voila_server, workshop_page, tmp_path):
    page = workshop_page.page
    # The first step: what TikTok is, the figures, and the team.
    expect(page.locator(f"{ROOT} .stagetok-welcome")).to_contain_text("Voor jou-pagina")
    expect(page.locator(f"{ROOT} .stagetok-figures")).to_contain_text("1.700.000")
    expect(page.locator(f"{ROOT} .stagetok-steps button")).to_have_count(11)
    enter(page.get_by_label("Teamnaam", exact=True), "Team " + HOSTILE)
    code_element = page.locator(f"{ROOT} .stagetok-code")
    expect(code_element).to_have_text(CODE)
    code = code_element.inner_text()
    expect(page.locator(f"{ROOT} .stagetok-team-bar")).to_contain_text("Team <img src=x")  # shown as text
    expect(page.locator(f"{ROOT} .stagetok-saved")).to_contain_text("bewaard om")

    # The Hashtag Lab, embedded as step 9: the team's company suggests tags and a chart.
    _step(page, 9, "Het Hashtag Lab")
    enter(page.get_by_label("Bedrijf", exact=True), "Bakkerij Van der Meer")
    expect(tag_cell(page, "#werkenbijbakkerijvandermeer")).to_be_visible()
    enter(posts_field(page, "#werkenbijbakkerijvandermeer"), "12.000")
    page.wait_for_function(CHART_DRAWN_JS, arg=chart_selector(ROOT))

    # The page closes; a new page (with no memory of the team) finds everything by the code.
    assert_no_traceback(workshop_page)
    assert_network_contained(workshop_page)
    close_page(page)
    again = open_dashboard(browser, voila_server, "workshop.ipynb", ROOT, context=workshop_page.context)
    page = again.page
    expect(page.locator(f"{ROOT} .stagetok-code")).to_have_count(0)
    enter(page.get_by_label("Teamcode", exact=True), code.lower())
    expect(page.locator(f"{ROOT} .stagetok-code")).to_have_text(code)
    expect(page.locator(f"{ROOT} .stagetok-hashtag-lab")).to_be_visible()  # back at the step it was at
    expect(page.get_by_label("Bedrijf", exact=True)).to_have_value("Bakkerij Van der Meer")
    expect(posts_field(page, "#werkenbijbakkerijvandermeer")).to_have_value("12.000")

    # The plan, as one file to take home.
    _step(page, 11, "Actieplan")
    enter(page.get_by_label("Actie 1", exact=True), "Account vastleggen <script>alert(1)</script>")
    page.get_by_role("button", name="Actieplan maken").click()
    link = page.locator(f"{ROOT} a.stagetok-download", has_text="webpagina")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".html")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    plan = saved.read_text(encoding="utf-8")
    assert "Bakkerij Van der Meer" in plan and "&lt;script&gt;alert(1)&lt;/script&gt;" in plan
    assert "<script" not in plan.lower() and "&lt;img src=x" in plan
    assert code not in plan, "the team code is a secret: it stays out of the plan"

    assert page.evaluate("() => window.__pwned === undefined")
    assert_no_traceback(again)
    assert_network_contained(again)
    close_page(page)


def test_the_address_opens_the_team_at_a_step(browser, voila_server, workshop_page):
    page = workshop_page.page
    enter(page.get_by_label("Teamnaam", exact=True), "Team Adres")
    code = page.locator(f"{ROOT} .stagetok-code")
    expect(code).to_have_text(CODE)
    team = code.inner_text()
    other = open_dashboard(browser, voila_server, "workshop.ipynb", ROOT, query=f"step=2&team={team}")
    try:
        expect(other.page.locator(f"{ROOT} .stagetok-pipeline-planner")).to_be_visible()
        expect(other.page.locator(f"{ROOT} .stagetok-code")).to_have_text(team)
        assert_no_traceback(other)
        assert_network_contained(other)
    finally:
        close_page(other.page)
        other.page.context.close()


def test_a_wrong_step_or_code_in_the_address_gives_a_message(browser, voila_server):
    other = open_dashboard(browser, voila_server, "workshop.ipynb", ROOT, query="step=99&team=<b>x</b>")
    try:
        page = other.page
        expect(page.locator(f"{ROOT} .stagetok-welcome")).to_be_visible()
        expect(page.locator(f"{ROOT} .stagetok-error", has_text="Die stap bestaat niet")).to_be_visible()
        expect(page.locator(f"{ROOT} .stagetok-error", has_text="teamcode")).to_be_visible()
        assert_no_traceback(other)
    finally:
        close_page(other.page)
        other.page.context.close()
