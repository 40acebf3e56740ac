"""The Hashtag Lab dashboard in headless Chromium, served by a real Voila server.

Fixtures (server, browser, a fresh page per test with all non-localhost traffic refused)
live in conftest.py next to this file.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    CHART_DRAWN_JS,
    HOSTILE,
    assert_network_contained,
    assert_no_traceback,
    chart_selector,
    chart_texts,
    enter,
    posts_field,
    start_empty,
    tag_cell,
)
from toolkit.widgets.hashtag_lab import MAX_FIELD_LENGTH

pytestmark = pytest.mark.browser

CHART = chart_selector(".stagetok-hashtag-lab")
POSTS_PLACEHOLDER = "bijv. 12.500"


def tier_badge(page, tag: str):
    return tag_cell(page, tag).locator("xpath=following-sibling::*[3]").locator(".stagetok-tier")


def test_opens_on_the_labelled_example_with_its_chart_in_dutch_numbers(dashboard):
    page = dashboard.page
    expect(page.locator(".stagetok-example")).to_contain_text("verzonnen")
    page.wait_for_function(CHART_DRAWN_JS, arg=CHART)
    axis = chart_texts(page, ".stagetok-hashtag-lab")
    assert {"1.000", "10.000", "100.000", "1 mln."} <= set(axis), axis
    assert not {"1,000", "1M", "0M"} & set(axis), axis
    expect(page.get_by_label("Bedrijf", exact=True)).to_have_value("Garage De Vries")
    assert_no_traceback(dashboard)
    assert_network_contained(dashboard)


def test_suggestions_and_chart(dashboard):
    page = dashboard.page
    start_empty(page)
    enter(page.get_by_label("Bedrijf", exact=True), "Garage de Vries")
    enter(page.get_by_label("Beroep", exact=True), "monteur")

    expect(tag_cell(page, "#werkenbijgaragedevries")).to_be_visible()
    expect(tag_cell(page, "#monteurlife")).to_be_visible()
    expect(posts_field(page, "#monteurlife")).to_have_attribute("placeholder", POSTS_PLACEHOLDER)

    # Before any post count the lab explains that the chart needs one, and draws nothing.
    expect(page.locator(".stagetok-info", has_text="Nog geen aantallen")).to_be_visible()
    expect(page.locator(CHART)).to_have_count(0)

    for tag, posts, tier in (("#werkenbijgaragedevries", "120.000", "sweet spot"),
                             ("#garagedevries", "5 mln", "overvol"),
                             ("#monteurlife", "800", "niche")):
        enter(posts_field(page, tag), posts)
        expect(tier_badge(page, tag)).to_have_text(tier)

    page.wait_for_function(CHART_DRAWN_JS, arg=CHART)
    expect(page.locator(CHART).first).to_be_visible()
    # show_chart replaces the chart: one chart, not one per change.
    expect(page.locator(".stagetok-hashtag-lab .vega-embed")).to_have_count(1)

    expect(page.locator(".stagetok-error")).to_have_count(0)
    assert_no_traceback(dashboard)
    assert_network_contained(dashboard)


def test_hostile_input_is_text_and_refused_in_dutch(dashboard):
    page = dashboard.page
    start_empty(page)
    enter(page.get_by_label("Bedrijf", exact=True), HOSTILE)
    enter(page.get_by_label("Beroep", exact=True), "x" * 10_000)

    # The profession is far too long for a hashtag: a Dutch message, not a traceback.
    too_long = page.locator(".stagetok-error", has_text="te lang")
    expect(too_long).to_be_visible()
    expect(too_long).to_contain_text("Het beroep is te lang voor een hashtag")
    expect(too_long).to_have_attribute("role", "alert")

    # The company name still gave suggestions: its letters, shown as plain text.
    branded = page.locator(".stagetok-hashtag-lab .widget-gridbox > .widget-label").filter(
        has_text=re.compile(r"^#werkenbij"))
    expect(branded).to_have_text(re.compile(r"^#werkenbij\w+$"))
    tag = branded.inner_text()

    # The same markup as a post count is refused, and shown back as text.
    enter(posts_field(page, tag), HOSTILE)
    not_a_number = page.locator(".stagetok-error", has_text="geen aantal posts")
    expect(not_a_number).to_be_visible()
    expect(not_a_number).to_contain_text("<img src=x")

    assert page.evaluate("typeof window.__pwned") == "undefined"
    expect(page.locator("img[src='x']")).to_have_count(0)
    bold_vet = page.evaluate("[...document.querySelectorAll('b')].filter(b => b.textContent.trim() === 'vet').length")
    assert bold_vet == 0, "participant input was rendered as HTML"
    assert not [url for url in dashboard.requested if url.rstrip("/").endswith("/x")], "the <img> was loaded"
    # The field shows what the model keeps: the first MAX_FIELD_LENGTH characters, not an error page.
    expect(page.get_by_label("Beroep", exact=True)).to_have_value("x" * MAX_FIELD_LENGTH)
    assert_no_traceback(dashboard)
    assert_network_contained(dashboard)


def test_language_switch_to_english_and_back(dashboard):
    page = dashboard.page
    expect(page.get_by_label("Bedrijf", exact=True)).to_be_visible()

    page.get_by_role("button", name="EN", exact=True).click()
    expect(page.get_by_label("Company", exact=True)).to_be_visible()
    expect(page.get_by_label("Profession", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Suggest hashtags")).to_be_visible()
    expect(page.get_by_label("Bedrijf", exact=True)).to_have_count(0)

    page.get_by_role("button", name="NL", exact=True).click()
    expect(page.get_by_label("Bedrijf", exact=True)).to_be_visible()
    assert_no_traceback(dashboard)
    assert_network_contained(dashboard)


def test_sources_are_stripped(dashboard):
    assert "<html" in dashboard.html.lower()
    for source in ("from toolkit", "toolkit.setup("):
        assert source not in dashboard.html, f"Voila sent the notebook source: {source!r}"
        assert source not in dashboard.page.content()
    expect(dashboard.page.locator(".stagetok-hashtag-lab")).to_be_visible()
    assert_network_contained(dashboard)

