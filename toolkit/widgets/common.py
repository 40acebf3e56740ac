"""Pieces every widget view shares: safe callbacks, escaped messages, the language switch."""

from __future__ import annotations

import functools
import html
import logging
from typing import Callable

import altair as alt
import ipywidgets as widgets
import traitlets

from toolkit.i18n import LANGUAGES, check_language, t

log = logging.getLogger("toolkit.widgets")

_LEVEL_STYLE = {
    "info": "background:#eef6fc;border-left:4px solid #1f77b4;",
    "ok": "background:#eefaf0;border-left:4px solid #2ca02c;",
    "warning": "background:#fff8e6;border-left:4px solid #e0a000;",
    "error": "background:#fdecea;border-left:4px solid #d62728;",
}


Problem = tuple[str, dict]  # a catalogue key and its parameters


class ToolModel(traitlets.HasTraits):
    """What every tool's model has: a language, and open problems kept as catalogue keys.

    Problems are stored as keys with parameters rather than sentences, so a view can show
    them in whichever language is switched on.
    """

    language = traitlets.Unicode("nl", help="Language of participant texts: nl or en.")
    problems = traitlets.Dict(help="Open problems per field: field -> list of (key, params).")

    @traitlets.validate("language")
    def _validate_language(self, proposal):
        return check_language(proposal["value"])

    def _set_problems(self, field: str, problems: list[Problem]) -> None:
        current = dict(self.problems)
        if problems:
            current[field] = list(problems)
        else:
            current.pop(field, None)
        self.problems = current


class ToolView(widgets.VBox):
    """What every tool's view has: a place for the unexpected-error message."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._general_messages = widgets.HTML()

    def _show_unexpected(self) -> None:
        self._general_messages.value = message_html([("error", t("app.unexpected", lang=self.model.language))])


def escape(text: object) -> str:
    """Escape participant text for an HTML widget, so it shows as text and never as markup."""
    return html.escape(str(text), quote=True)


def message_html(messages: list[tuple[str, str]]) -> str:
    """Render ``(level, text)`` messages as escaped HTML boxes (``role=alert`` for errors)."""
    parts = []
    for level, text in messages:
        role = ' role="alert"' if level == "error" else ""
        parts.append(
            f'<div class="stagetok-msg stagetok-{level}"{role} '
            f'style="{_LEVEL_STYLE[level]}padding:4px 8px;margin:2px 0;">{escape(text)}</div>'
        )
    return "".join(parts)


def guarded(method: Callable) -> Callable:
    """Wrap a view callback so no exception reaches the page.

    Voila prints tracebacks raised in widget callbacks into the page. A view method wrapped
    with this logs the error on the server and shows the catalogue's friendly message in the
    view's ``_show_unexpected`` instead.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception:  # noqa: BLE001 - the page must never show a traceback
            log.exception("widget callback %s failed", method.__name__)
            self._show_unexpected()
            return None

    return wrapper


def language_switch(value: str) -> widgets.ToggleButtons:
    """A small NL / EN switch."""
    return widgets.ToggleButtons(
        options=[(code.upper(), code) for code in LANGUAGES],
        value=value,
        tooltips=[t("app.language", lang=code) for code in LANGUAGES],
        style={"button_width": "48px"},
        layout=widgets.Layout(width="auto"),
    )


def show_chart(output: widgets.Output, chart: alt.TopLevelMixin) -> None:
    """Replace what ``output`` shows with ``chart``, through the renderer ``toolkit.setup`` chose.

    The chart goes into the Output widget's synced ``outputs`` state (as
    ``Output.append_display_data`` does), not through output capture: Voila can hang on a
    cold page when a notebook writes into an Output widget through capture while it runs
    (voila-dashboards/voila#1428), and one state update also redraws faster than a clear
    followed by a display. The spec is not validated again on every redraw: that costs
    about 20 ms a change, and the chart builders' specs are validated by their own tests.
    """
    bundle = alt.renderers.get()(chart.to_dict(validate=False))
    data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
    output.outputs = ({"output_type": "display_data", "data": data, "metadata": metadata},)


def clear_chart(output: widgets.Output) -> None:
    """Empty an Output widget through its state (see :func:`show_chart`)."""
    if output.outputs:
        output.outputs = ()
