"""The reach explorer dashboard in headless Chromium: uploading an export, offline."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    CHART_DRAWN_JS,
    assert_network_contained,
    assert_no_traceback,
    chart_selector,
    chart_texts,
    start_empty,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

ROOT_CLASS = ".stagetok-reach-explorer"
GOLDEN = ROOT / "tests" / "golden"


def upload(page, *names: str) -> None:
    """Click the upload button as a participant would and pick files in the file chooser."""
    with page.expect_file_chooser() as chooser:
        page.locator(ROOT_CLASS).get_by_role("button", name=re.compile(r"Export uploaden")).click()
    chooser.value.set_files([str(GOLDEN / name) for name in names])


def drawn_charts(page) -> int:
    return page.evaluate(
        """root => [...document.querySelectorAll(root + ' .vega-embed .chart-wrapper > .marks')]
        .filter(m => m.tagName.toLowerCase() === 'svg' || (m.width && m.height)).length""", ROOT_CLASS)


def test_opens_on_the_invented_export_with_every_chart_drawn_in_dutch(explorer_page):
    page = explorer_page.page
    expect(page.locator(".stagetok-example")).to_contain_text("verzonnen")
    page.wait_for_function("""root => [...document.querySelectorAll(root + ' .vega-embed .chart-wrapper > .marks')]
        .filter(m => m.querySelector('path, rect')).length >= 5""", arg=ROOT_CLASS)
    texts = chart_texts(page, ROOT_CLASS)
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", t) for t in texts), f"no Dutch thousands (1.000): {texts}"
    assert any(t in ("sep", "okt") or re.fullmatch(r"\d+ (sep|okt)|(sep|okt) \d+", t) for t in texts), texts
    assert_no_traceback(explorer_page)
    assert_network_contained(explorer_page)


def test_uploading_an_export_draws_its_charts(explorer_page):
    page = explorer_page.page
    start_empty(page)
    page.wait_for_function(CHART_DRAWN_JS, arg=chart_selector(ROOT_CLASS))  # the scenario, before any upload
    expect(page.locator(".stagetok-info", has_text="Nog geen export geladen")).to_be_visible()

    upload(page, "en_overview.zip", "en_content.zip", "nl_viewers.zip")

    expect(page.locator(".stagetok-ok", has_text="Geladen: en_overview.zip")).to_be_visible()
    page.wait_for_function(f"() => document.querySelectorAll('{ROOT_CLASS} .vega-embed').length >= 4")
    page.wait_for_function(
        """root => [...document.querySelectorAll(root + ' .vega-embed .chart-wrapper > .marks')]
        .filter(m => m.tagName.toLowerCase() === 'svg' || (m.width && m.height)).length >= 4""", arg=ROOT_CLASS)
    assert drawn_charts(page) >= 4  # daily views, views per video, viewers, scenario with actuals
    expect(page.locator(".stagetok-summary")).to_contain_text("Na 26 weken")
    expect(page.locator(".stagetok-error")).to_have_count(0)
    assert_no_traceback(explorer_page)
    assert_network_contained(explorer_page)


def test_a_wrong_file_keeps_the_earlier_data(explorer_page):
    page = explorer_page.page
    start_empty(page)
    upload(page, "en_overview.zip")
    expect(page.locator(".stagetok-ok", has_text="Geladen: en_overview.zip")).to_be_visible()
    page.wait_for_function(f"() => document.querySelectorAll('{ROOT_CLASS} .vega-embed').length >= 2")

    upload(page, "meta_overview.zip")
    expect(page.locator(".stagetok-error", has_text="Instagram")).to_be_visible()
    assert page.locator(f"{ROOT_CLASS} .vega-embed").count() >= 2  # the earlier charts stay
    assert_no_traceback(explorer_page)


def test_sample_and_offline_download_link(explorer_page):
    page = explorer_page.page
    start_empty(page)
    page.get_by_role("button", name="Voorbeeld gebruiken").click()
    expect(page.locator(".stagetok-warning", has_text="verzonnen")).to_be_visible()
    page.get_by_role("button", name="Afbeelding maken").click()
    link = page.locator("a.stagetok-download")
    expect(link).to_have_attribute("download", "stagetok-scenario.png")
    assert link.get_attribute("href").startswith("data:image/png;base64,")
    assert_no_traceback(explorer_page)
    assert_network_contained(explorer_page)
