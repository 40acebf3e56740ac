"""Tests for the shared widget pieces: escaping, messages, guarded callbacks, chart display."""

import altair as alt
import ipywidgets as widgets
import pandas as pd
import pytest

import toolkit
from toolkit.widgets.common import clear_chart, escape, guarded, message_html, show_chart


def test_escape_and_messages_never_pass_markup():
    assert escape('<b onclick="x">&') == "&lt;b onclick=&quot;x&quot;&gt;&amp;"
    html = message_html([("error", "<script>alert(1)</script>"), ("ok", "fijn")])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'role="alert"' in html and html.count("stagetok-msg") == 2


def test_guarded_turns_an_exception_into_the_friendly_message():
    class View:
        shown = False

        def _show_unexpected(self):
            self.shown = True

        @guarded
        def callback(self):
            raise RuntimeError("boom")

    view = View()
    assert view.callback() is None
    assert view.shown


@pytest.mark.parametrize("renderer", ["default", "mimetype"])
def test_show_chart_works_with_the_default_and_the_workshop_renderer(renderer):
    chart = alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_bar().encode(x="a:Q")
    previous = alt.renderers.active
    try:
        alt.renderers.enable(renderer)
        show_chart(widgets.Output(), chart)
    finally:
        alt.renderers.enable(previous)


def test_setup_enables_the_offline_renderer():
    previous = alt.renderers.active
    try:
        toolkit.setup()
        assert alt.renderers.active == "mimetype"
        bundle, metadata = alt.renderers.get()(alt.Chart(pd.DataFrame({"a": [1]})).mark_point().to_dict())
        assert "application/vnd.vegalite.v5+json" in bundle
        actions = metadata["application/vnd.vegalite.v5+json"]["embed_options"]["actions"]
        assert actions["export"] and not actions["editor"], "no link to the online Vega Editor"
    finally:
        alt.renderers.enable(previous)


def test_show_chart_replaces_the_output_state_and_clear_chart_empties_it():
    chart = alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_bar().encode(x="a:Q")
    previous = alt.renderers.active
    output = widgets.Output()
    try:
        toolkit.setup()
        show_chart(output, chart)
        show_chart(output, chart)
        assert len(output.outputs) == 1
        (item,) = output.outputs
        assert item["output_type"] == "display_data"
        assert item["data"]["application/vnd.vegalite.v5+json"]["mark"] == {"type": "bar"}
        clear_chart(output)
        assert output.outputs == ()
    finally:
        alt.renderers.enable(previous)
