"""The pipeline planner dashboard in headless Chromium, served by a real Voila server."""

from __future__ import annotations

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
    start_empty,
)

pytestmark = pytest.mark.browser

CHART = chart_selector(".stagetok-pipeline-planner")


def test_opens_on_the_labelled_example_with_its_charts_drawn(planner_page):
    page = planner_page.page
    expect(page.locator(".stagetok-example")).to_contain_text("verzonnen")
    page.wait_for_function(CHART_DRAWN_JS, arg=CHART)
    expect(page.locator(".stagetok-pipeline-planner .vega-embed")).to_have_count(2)  # timeline and funnel
    texts = chart_texts(page, ".stagetok-pipeline-planner")
    assert "2028" in texts and not {"2.028", "2,028"} & set(texts), f"years are years, not amounts: {texts}"
    assert "800" in texts, f"the funnel: 2 interns need 800 pupils reached (10 % x 5 % x 50 %): {texts}"
    assert_no_traceback(planner_page)
    assert_network_contained(planner_page)


def test_an_offer_gives_sentences_table_and_charts(planner_page):
    page = planner_page.page
    start_empty(page)
    expect(page.locator(".stagetok-info", has_text="Voeg eerst een stage toe")).to_be_visible()
    enter(page.get_by_label("Stagiairs per jaar", exact=True), "5")
    page.get_by_role("button", name="Stage toevoegen").click()

    # The answer first, in sentences; the detail behind a fold that opens on a click.
    expect(page.locator(".stagetok-answer")).to_contain_text("bereik nu ongeveer")
    expect(page.locator(".stagetok-sentences")).to_be_hidden()
    page.get_by_text("Wie kan wanneer beginnen?").click()
    expect(page.locator(".stagetok-sentences li").first).to_contain_text("Wie nu")
    expect(page.locator(".stagetok-sentences")).to_contain_text("bpv-stage")
    page.get_by_text("Per groep en schooljaar").click()
    expect(page.locator("table.stagetok-plan tbody tr").first).to_be_visible()
    page.wait_for_function(CHART_DRAWN_JS, arg=CHART)
    expect(page.locator(".stagetok-pipeline-planner .vega-embed")).to_have_count(2)  # timeline and funnel
    expect(page.locator(".stagetok-error")).to_have_count(0)
    assert_no_traceback(planner_page)
    assert_network_contained(planner_page)


@pytest.mark.parametrize("demand, message", [("0", "Vul minstens 1 stagiair per jaar in."),
                                              ("veel", "is geen aantal stagiairs")])
def test_bad_demand_gives_a_dutch_message(planner_page, demand, message):
    page = planner_page.page
    start_empty(page)
    enter(page.get_by_label("Stagiairs per jaar", exact=True), demand)
    page.get_by_role("button", name="Stage toevoegen").click()
    expect(page.locator(".stagetok-error", has_text=message)).to_be_visible()
    expect(page.locator(".stagetok-info", has_text="Voeg eerst een stage toe")).to_be_visible()
    assert_no_traceback(planner_page)


def test_markup_as_demand_is_shown_as_text(planner_page):
    page = planner_page.page
    enter(page.get_by_label("Stagiairs per jaar", exact=True), HOSTILE)
    page.get_by_role("button", name="Stage toevoegen").click()
    expect(page.locator(".stagetok-error", has_text="<img src=x")).to_be_visible()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    expect(page.locator("img[src='x']")).to_have_count(0)
    assert_no_traceback(planner_page)
    assert_network_contained(planner_page)
