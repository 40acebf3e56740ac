"""Page helpers shared by the browser tests and the benchmark: typing, fields, charts, checks."""

from __future__ import annotations

import contextlib
import re

from playwright.sync_api import expect

#: Output that Voila (or JupyterLab's output area) shows for stderr, tracebacks and JS errors.
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
HOSTILE = '<img src=x onerror="window.__pwned=1">' + " <b>vet</b>"


#: A chart in an output area: the ``marks`` class is Vega's own canvas (or svg); a bare
#: ``.vega-embed svg`` would also match the "..." actions icon.
MARKS = ".jp-OutputArea-output .vega-embed .chart-wrapper > .marks"

#: JavaScript: true once a Vega ``marks`` element has pixels (canvas) or marks (svg): drawn,
#: not just inserted.
MARKS_DRAWN_JS = """marks => {
    if (marks.tagName.toLowerCase() === 'svg') return marks.querySelector('path, rect') !== null;
    if (!marks.width || !marks.height) return false;
    const pixels = marks.getContext('2d').getImageData(0, 0, marks.width, marks.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
}"""

#: JavaScript: true once the first chart that ``selector`` finds is drawn.
CHART_DRAWN_JS = f"""selector => {{
    const marks = document.querySelector(selector);
    return !!marks && marks.isConnected && ({MARKS_DRAWN_JS})(marks);
}}"""


def chart_selector(root: str) -> str:
    """Select a Vega chart's marks inside the widget ``root`` (see ``MARKS``)."""
    return f"{root} {MARKS}"


def tag_cell(page, tag: str):
    """The Hashtag Lab's research-sheet cell that shows ``tag`` (a Label: text, never HTML)."""
    return page.locator(".stagetok-hashtag-lab .widget-gridbox > .widget-label").filter(
        has_text=re.compile(rf"^{re.escape(tag)}$")
    )


def posts_field(page, tag: str):
    """The posts input in the row of ``tag``: rows are tag, kind, posts, tier."""
    return tag_cell(page, tag).locator("xpath=following-sibling::*[2]").locator("input")


def chart_texts(page, root: str) -> list[str]:
    """Every text drawn in the charts inside ``root``: axis labels, titles, legends (SVG text)."""
    return page.eval_on_selector_all(f"{root} .vega-embed svg text", "texts => texts.map(t => t.textContent)")


def start_empty(page) -> None:
    """Leave the example a dashboard opens on, as a team does with its own company."""
    page.locator(".stagetok-example").get_by_role("button").click()
    expect(page.locator(".stagetok-example")).to_be_hidden()


def close_page(page) -> None:
    """Close a page with its unload handlers run, so that Voila's page asks for its kernel's shutdown.

    Best effort: Voila 0.5.13 refuses that shutdown (403) when the browser has no _xsrf
    cookie, as for a page opened by its URL; toolkit.serve culls such kernels, and a test or
    benchmark server stops them all when it stops.
    """
    with contextlib.suppress(Exception):
        if not page.is_closed():
            with page.expect_event("close", timeout=5_000):
                page.close(run_before_unload=True)


def enter(field, text: str) -> None:
    """Type into a text widget and press Enter (continuous_update=False sends on Enter)."""
    field.fill(text)
    field.press("Enter")


def assert_no_traceback(dashboard) -> None:
    page = dashboard.page
    expect(page.locator(STDERR_OUTPUT)).to_have_count(0)
    expect(page.locator(".jp-OutputArea-output", has_text=re.compile(r"\bError\b"))).to_have_count(0)
    body = page.locator("body").inner_text()
    assert "Traceback" not in body
    assert not [line for line in dashboard.console if "Traceback" in line], dashboard.console
    assert not dashboard.page_errors, f"uncaught JavaScript errors: {dashboard.page_errors}"
    assert not dashboard.local_failures, f"localhost requests failed: {dashboard.local_failures}"


def assert_network_contained(dashboard) -> None:
    """The page asked nothing of the internet: every request went to this computer.

    Voila's own template asks a CDN for Font Awesome; StageTok's template (toolkit/share)
    leaves that out, because a stylesheet whose host never answers blocks the whole page in
    a room where the internet is gone.
    """
    assert all(url.startswith(("http://localhost", "ws://localhost", "data:", "blob:"))
               for url in dashboard.requested if url not in dashboard.blocked)
    assert not dashboard.blocked, f"the page asked the internet for: {dashboard.blocked}"
