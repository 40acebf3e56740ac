"""Tests for the shared widget pieces: escaping, messages, guarded callbacks, chart display."""

import altair as alt
import ipywidgets as widgets
import pandas as pd
import pytest
import traitlets

import toolkit
from toolkit.widgets.common import ToolModel, ToolView, clear_chart, guarded, show_chart
from toolkit.widgets.markup import escape, message_html


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


@pytest.mark.parametrize(("renderer", "mime"),
                         [("default", "text/html"), ("mimetype", "application/vnd.vegalite.v5+json")])
def test_show_chart_puts_the_renderers_bundle_into_the_output_state(renderer, mime):
    chart = alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_bar().encode(x="a:Q")
    previous = alt.renderers.active
    output = widgets.Output()
    try:
        alt.renderers.enable(renderer)
        show_chart(output, chart)
    finally:
        alt.renderers.enable(previous)
    (item,) = output.outputs
    assert item["output_type"] == "display_data"
    assert mime in item["data"] and set(item["data"]) <= {mime, "text/plain"}
    content = item["data"][mime]
    if mime == "text/html":
        assert '"mark": {"type": "bar"}' in content and "vegaEmbed" in content
    else:
        assert content["mark"] == {"type": "bar"} and content["encoding"]["x"]["field"] == "a"


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


class _Model(ToolModel):
    word = traitlets.Unicode("", help="A word the participant types.")
    amount = traitlets.Int(1, help="A whole number the model may refuse.")

    def set_amount(self, value: int) -> bool:
        if value < 1:
            self._set_problems("amount", [("lab.need_company", {})])
            return False
        self._set_problems("amount", [])
        self.amount = value
        return True


class _View(ToolView):
    title_key, intro_key = "lab.title", "lab.intro"

    def __init__(self, model=None):
        super().__init__(model or _Model())
        self.word = self._link("word", self._describe(widgets.Text(), "lab.company"))
        self.amount = self._link("amount", widgets.IntText(), to_widget=lambda v: v * 10, to_model=lambda v: v // 10,
                                 action=self.model.set_amount)
        self.messages = widgets.HTML()
        self.renders = 0
        self._lay_out(self._heading("lab.step1"), self.word, self.amount, self.messages)

    def _render(self):
        self.renders += 1

    def _show_problems(self):
        self.messages.value = self._problem_html("amount")


def test_tool_view_links_both_ways_and_follows_the_language():
    view = _View()
    header, intro, example_bar, general, step, *_ = view.children
    assert example_bar.layout.display == "none", "not an example: no example line"
    assert "Hashtag Lab" in header.children[0].value and view._language.value == "nl"
    assert "<h3>" in step.value and view.word.description == "Bedrijf"
    view.model.word = "<b>"
    assert view.word.value == "<b>"
    view.word.value = "bakker"
    assert view.model.word == "bakker"
    view.model.language = "en"
    assert view._language.value == "en" and view.word.description == "Company"
    view._language.value = "nl"
    assert view.model.language == "nl" and view.word.description == "Bedrijf"


def test_tool_view_passes_changes_through_the_models_action_and_shows_refusals():
    view = _View()
    view.model.amount = 3
    assert view.amount.value == 30
    view.amount.value = 50
    assert view.model.amount == 5 and view.messages.value == ""
    view.amount.value = 0
    assert view.model.amount == 5 and "Vul eerst" in view.messages.value
    assert view.amount.value == 0, "the refused entry stays in view beside its message"


def test_tool_view_does_not_pass_an_echo_back():
    calls = []
    view = _View()
    view.model.set_amount = lambda value: calls.append(value) or True  # type: ignore[method-assign]
    view.model.amount = 7  # model -> widget; the widget's change must not come back as an action
    assert view.amount.value == 70 and calls == []


def test_tool_view_turns_an_error_on_the_way_back_into_the_friendly_message():
    view = _View()

    def broken(change):
        raise RuntimeError("boom")

    view.model.observe(broken, "word")
    view.word.value = "x"
    assert "Er ging iets mis" in view._general_messages.value and "boom" not in view._general_messages.value


def test_problems_of_covers_sub_fields():
    model = _Model()
    model._set_problems("posts:#stage", [("posts.not_a_number", {"value": "x"})])
    model._set_problems("own", [("lab.already", {"tag": "#a"})])
    assert model.problems_of("posts") == [("posts.not_a_number", {"value": "x"})]
    assert model.problems_of("po") == []
    model._set_problems("own", [])
    assert "own" not in model.problems
