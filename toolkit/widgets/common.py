"""The base of every tool: ``ToolModel`` holds the state, ``ToolView`` shows it; safe callbacks."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from typing import ClassVar

import altair as alt
import comm
import ipywidgets as widgets
import traitlets

from toolkit.i18n import LANGUAGES, TextError, check_language, t
from toolkit.widgets.markup import escape, message_html

log = logging.getLogger("toolkit.widgets")

Problem = tuple[str, dict]  # a catalogue key and its parameters


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


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop of the IPython kernel this runs in (Voila, JupyterLab), or None elsewhere.

    Only a kernel's own loop is used to build ahead: a script or a test may run someone else's
    loop in the same thread (a browser driver's, say), which is not the place for widget work.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - ipykernel brings IPython
        return None
    shell = get_ipython()
    if shell is None or getattr(shell, "kernel", None) is None:
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def later(seconds: float, callback: Callable, *args) -> bool:
    """Run ``callback(*args)`` in ``seconds`` on the kernel's event loop, between the page's messages.

    Returns False, and schedules nothing, outside a kernel (see :func:`kernel_loop`).
    """
    loop = kernel_loop()
    if loop is None:
        return False
    loop.call_later(seconds, callback, *args)
    return True


# --- shared looks ------------------------------------------------------------------------------
# ipywidgets gives every widget a Layout of its own, and most widgets a Style of their own, unless
# one is passed in: each is a model the kernel opens with a message of its own and the page builds.
# Most of a tool's widgets look like many others (the default look, "as wide as its text", "a
# label 150px wide"), so those share one Layout or Style per distinct look, made once per kernel.

#: The shared instances made so far: (how comms are made, class, traits) -> the instance.
_SHARED: dict[tuple, widgets.Widget] = {}


class SharedLookError(RuntimeError):
    """Raised when a shared Layout or Style is changed: the change would reach every widget sharing it."""


def _refuse_change(change) -> None:
    look = change["owner"]
    if getattr(look, "_putting_back", False):
        return
    look._putting_back = True
    try:
        setattr(look, change["name"], change["old"])  # the other widgets keep their look
    finally:
        look._putting_back = False
    raise SharedLookError(
        f"{type(look).__name__}.{change['name']} of a shared look was set to {change['new']!r}; a widget whose "
        f"look changes needs a Layout or Style of its own (widgets.Layout(...), not shared_layout(...)).")


def _retire(key: tuple) -> None:
    """Close a shared look the way it can be: widgets made later get a new one.

    The look itself stays open. Closing every widget of one view (or ``Widget.close_all``) would
    otherwise take the look away from the widgets of other views that show it too.
    """
    _SHARED.pop(key, None)


def _shared(look_class: type[widgets.Widget], traits: dict[str, object]) -> widgets.Widget:
    traits = {name: value for name, value in traits.items() if value is not None}  # None is the default
    unknown = sorted(set(traits) - set(look_class.class_trait_names()))
    if unknown:
        raise TypeError(f"{look_class.__name__} has no {', '.join(unknown)}")
    # Per way of making comms: a kernel has one, and a page knows every model opened through it.
    key = (comm.create_comm, look_class, tuple(sorted(traits.items())))
    look = _SHARED.get(key)
    if look is None:
        look = _SHARED[key] = look_class(**traits)
        look._shared_look = True
        look.observe(_refuse_change, names=[name for name in look.keys if not name.startswith("_")])
        look.close = functools.partial(_retire, key)
    return look


def _own_traits(look: widgets.Widget) -> dict[str, object]:
    """The synced traits of ``look`` that differ from its class's defaults."""
    return {name: getattr(look, name) for name in look.keys
            if not name.startswith("_") and getattr(look, name) != look.trait_defaults(name)}


def shared_layout(**traits: object) -> widgets.Layout:
    """The one Layout with these traits that widgets of this kernel share (the default look without any).

    A widget built with ``layout=shared_layout(width="auto")`` opens no Layout model of its own:
    one model per distinct look instead of one per widget, which keeps a step's widget tree
    (and the messages a page waits for while a step is built) small.

    Parameters
    ----------
    **traits
        Traits of :class:`ipywidgets.Layout` (``width="auto"``, ``flex="0 0 auto"``, ...); a trait
        given as None is left at its default.

    Returns
    -------
    ipywidgets.Layout
        The same instance for the same traits, every time. Never change it: a widget whose layout
        changes while the page is open (shown and hidden, a border that follows a value) gets a
        ``widgets.Layout(...)`` of its own, or is given another shared layout. Setting a trait of a
        shared layout puts the old value back and raises :class:`SharedLookError`. Closing it only
        stops handing it out (widgets made later get a new one): it stays open for the widgets
        that show it. Looks are kept per kernel (per ``comm.create_comm``, which a kernel sets
        once), so a page knows every look its widgets use.
    """
    return _shared(widgets.Layout, traits)


def shared_style(style_class: type[widgets.Widget], **traits: object) -> widgets.Widget:
    """The one Style of ``style_class`` with these traits that widgets of this kernel share.

    Every text, button, checkbox and slider of ipywidgets has a Style model next to its Layout;
    like :func:`shared_layout`, this makes one per distinct look instead of one per widget.

    Parameters
    ----------
    style_class : type
        The widget's style class, as its ``style`` trait names it (``widgets.ButtonStyle`` for a
        button; ipywidgets does not export every one, which is why :func:`fixed_look` looks it up).
    **traits
        The style's traits (``description_width="150px"``, ``button_width="auto"``, ...).

    Returns
    -------
    ipywidgets.Style
        The same instance for the same class and traits. Never change it (see :func:`shared_layout`).
    """
    return _shared(style_class, traits)


def is_shared(look: widgets.Widget) -> bool:
    """True when ``look`` is a shared Layout or Style (see :func:`shared_layout`), which must not change."""
    return getattr(look, "_shared_look", False)


def fixed_look(widget_class: type[widgets.Widget], *args, layout: dict | widgets.Layout | None = None,
               style: dict | widgets.Widget | None = None, **kwargs) -> widgets.Widget:
    """A widget whose look stays as it is made: its Layout and Style are shared ones.

    Its value, description, options and CSS classes change as usual; only the look is shared
    (see :func:`shared_layout` for why).

    Parameters
    ----------
    widget_class : type
        An ipywidgets class: ``widgets.HTML``, ``widgets.Button``, ``widgets.HBox``, ...
    *args
        Passed on to the class (a box's children, say).
    layout : dict or ipywidgets.Layout, optional
        The layout's traits (``{"width": "auto"}``), which give the shared layout with those
        traits; a Layout instance is used as it is. The default look when not given.
    style : dict or ipywidgets Style, optional
        The style's traits, for the shared style of the widget's own style class; a Style
        instance is used as it is. The default style when not given. Widgets without a style
        (boxes, Output) take none.
    **kwargs
        The widget's other traits (``value``, ``description``, ``button_style``, ...).

    Returns
    -------
    ipywidgets.Widget
        The new widget.
    """
    if not isinstance(layout, widgets.Layout):
        layout = shared_layout(**(layout or {}))
    style_trait = widget_class.class_traits().get("style")
    if style_trait is not None:
        if style is None or isinstance(style, dict):
            style = shared_style(style_trait.klass, **(style or {}))
        kwargs["style"] = style
    elif style is not None:
        raise TypeError(f"{widget_class.__name__} has no style")
    return widget_class(*args, layout=layout, **kwargs)


def language_switch(value: str) -> widgets.ToggleButtons:
    """A small NL / EN switch."""
    return fixed_look(
        widgets.ToggleButtons,
        options=[(code.upper(), code) for code in LANGUAGES],
        value=value,
        tooltips=[t("app.language", lang=code) for code in LANGUAGES],
        style={"button_width": "48px"},
        layout={"width": "auto"},
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


class ToolModel(traitlets.HasTraits):
    """What every tool's model has: a language, open problems, a notice and a revision.

    The model is the single source of truth: a view shows the model's traits and nothing of
    its own, so a notebook or a test can drive a tool through its model alone. Problems are
    stored as catalogue keys with parameters rather than sentences, so a view can show them in
    whichever language is switched on. ``revision`` counts finished recalculations; views
    redraw their results on it, once per change.
    """

    language = traitlets.Unicode("nl", help="Language of participant texts: nl or en.")
    problems = traitlets.Dict(help="Open problems per field: field -> list of (key, params).")
    notice = traitlets.Tuple(default_value=("", {}), help="Last confirmation: (key, params), or ('', {}).")
    revision = traitlets.Int(0, help="Counts finished recalculations; views redraw on it.")
    is_example = traitlets.Bool(False, help="True while the tool shows the invented example company.")

    #: Sections of the team's workbook (fields of :class:`toolkit.workbook.Workbook`) this tool
    #: keeps. A tool with sections implements :meth:`to_sections` and :meth:`restore`, and ends
    #: every change the team makes with ``revision += 1``, which is when the workshop saves.
    sections: ClassVar[tuple[str, ...]] = ()

    def to_sections(self) -> dict[str, object]:
        """The tool's state as workbook sections: section name -> its value (a workbook dataclass)."""
        raise NotImplementedError

    def restore(self, workbook) -> None:
        """Take the tool's state from its sections of ``workbook`` (a :class:`toolkit.workbook.Workbook`).

        Restoring is not a change by the team: it leaves the example mode and clears problems,
        and it may bump ``revision`` (which saves the same state again).
        """
        raise NotImplementedError

    @classmethod
    def example(cls, **kwargs) -> ToolModel:
        """A model that opens on the worked example (see :mod:`toolkit.examples`)."""
        model = cls(**kwargs)
        model.load_example()
        return model

    def load_example(self) -> None:
        """Fill the tool with the invented example company, marked as an example."""
        raise NotImplementedError

    def start_empty(self) -> None:
        """Leave the example: an empty tool for the team's own company."""
        raise NotImplementedError

    @traitlets.validate("language")
    def _validate_language(self, proposal):
        try:
            return check_language(proposal["value"])
        except ValueError as error:
            raise traitlets.TraitError(str(error)) from error

    def _set_problems(self, field: str, problems: list[Problem]) -> None:
        current = dict(self.problems)
        if problems:
            current[field] = list(problems)
        else:
            current.pop(field, None)
        self.problems = current

    def _apply(self, field: str, values: Callable[[], dict], refused: Problem | None = None) -> bool:
        """Set the traits that ``values()`` returns, together, or record why not.

        ``values`` reads and checks a participant's input; when it raises a ``TextError`` (or
        another ``ValueError``, ``TypeError`` or ``KeyError``) nothing changes and the problem
        is recorded under ``field``: the error's own key, or ``refused`` when given. On success
        the field's problems are cleared. Returns True when the values were set.
        """
        try:
            changes = values()
        except (ValueError, TypeError, KeyError) as error:
            if refused is None and not isinstance(error, TextError):
                raise
            self._set_problems(field, [refused or (error.key, error.params)])
            return False
        self._set_problems(field, [])
        with self.hold_trait_notifications():
            for name, value in changes.items():
                setattr(self, name, value)
        return True

    def problems_of(self, *fields: str) -> list[Problem]:
        """Open problems of ``fields``; a field covers its sub-fields (``posts`` covers ``posts:#stage``)."""
        return [problem for name, items in self.problems.items()
                if any(name == field or name.startswith(field + ":") for field in fields)
                for problem in items]


class ToolView(widgets.VBox):
    """What every tool's view has: a header with the language switch, and texts that follow it.

    The base also shows problem messages and has a place for the unexpected-error message. A
    subclass passes its model, declares its widgets, registers the texts that come from the
    catalogue with :meth:`_text` (or :meth:`_heading`, :meth:`_static_text`, :meth:`_describe`,
    :meth:`_input`), links widget values to model traits with :meth:`_link`, and puts what
    depends on results into :meth:`_render`, which runs after every recalculation
    (``revision``) and every change of language. Widgets whose look never changes are made with
    :func:`fixed_look`, so they share their Layout and Style models.
    """

    model: ToolModel
    #: Catalogue keys of the tool's title (every tool has one) and introduction (optional).
    title_key: str
    intro_key = ""
    #: Width of the labels in front of inputs.
    label_width = "190px"
    #: Catalogue key of the line that says the tool shows the invented example.
    example_key = ""

    def __init__(self, model: ToolModel, **kwargs):
        kwargs.setdefault("layout", shared_layout(max_width="960px"))
        super().__init__(**kwargs)
        self.model = model
        self._texts: list[tuple[widgets.Widget, str, str, str]] = []
        self._general_messages = fixed_look(widgets.HTML)
        self._language = self._link("language", language_switch(model.language))
        self._header = fixed_look(widgets.HBox, [self._heading(self.title_key, level=2), self._language],
                                  layout={"justify_content": "space-between", "align_items": "center"})
        self._intro = self._static_text(self.intro_key, tag="p") if self.intro_key else None
        self._readouts: list[tuple[widgets.Label, str, Callable]] = []
        self._example_note = self._static_text(self.example_key, tag="span") if self.example_key else None
        self._start_empty = self._text(
            fixed_look(widgets.Button, icon="eraser",
                       layout={"width": "auto", "min_width": "max-content", "flex": "0 0 auto"}),
            "app.start_empty", "description")
        self._start_empty.on_click(self._on_start_empty)
        # Shown and hidden with the example: a layout of its own.
        self._example_bar = widgets.HBox(
            [self._example_note or fixed_look(widgets.HTML), self._start_empty],
            layout=widgets.Layout(justify_content="space-between", align_items="center", padding="2px 8px",
                                  border_left="4px solid #e0a000", margin="4px 0"),
        )
        self._example_bar.add_class("stagetok-example")
        model.observe(self._on_example, "is_example")
        self._on_example()
        model.observe(self._on_language, "language")
        model.observe(self._on_revision, "revision")
        model.observe(self._on_problems, ["problems", "notice"])

    # --- building blocks ---------------------------------------------------------------------
    def _link(self, trait: str, widget: widgets.Widget, *, to_widget: Callable | None = None,
              to_model: Callable | None = None, action: Callable | None = None) -> widgets.Widget:
        """Show the model's ``trait`` in ``widget.value`` and pass the participant's changes back.

        Like ``traitlets.link`` (with ``to_widget``/``to_model`` as its transform), with two
        differences a participant's page needs: the way back is guarded (an unexpected error
        becomes the friendly message, never a traceback), and it can go through an ``action``
        of the model, which may refuse the value and record a problem instead. A change that
        only echoes the model's own value back is not passed on, so nothing loops.
        """
        to_widget = to_widget or (lambda value: value)
        traitlets.dlink((self.model, trait), (widget, "value"), to_widget)
        widget.observe(functools.partial(self._from_widget, trait, to_widget, to_model, action), "value")
        return widget

    @guarded
    def _from_widget(self, trait, to_widget, to_model, action, change) -> None:
        if change["new"] == to_widget(getattr(self.model, trait)):
            return  # the widget shows the model's value already
        value = to_model(change["new"]) if to_model else change["new"]
        if action is not None:
            action(value)
        else:
            setattr(self.model, trait, value)

    def _text(self, widget: widgets.Widget, key: str, attribute: str = "value", tag: str = "") -> widgets.Widget:
        """Show the catalogue text ``key`` in ``widget.<attribute>``, in the model's language.

        With ``tag`` the text goes into an HTML element of that name (escaped); registered
        texts are set again whenever the language changes.
        """
        self._texts.append((widget, attribute, key, tag))
        self._set_text(widget, attribute, key, tag)
        return widget

    def _heading(self, key: str, level: int = 3) -> widgets.HTML:
        """A heading (``h2``, ``h3``, ...) with the catalogue text ``key``."""
        return self._static_text(key, tag=f"h{level}")

    def _static_text(self, key: str, tag: str = "p") -> widgets.HTML:
        """The catalogue text ``key`` in an element ``tag`` (``p``, ``b``, ``div``), with the shared look."""
        # Made with its text, so the page gets the widget in one message rather than two.
        return self._text(fixed_look(widgets.HTML, value=self._catalogue_text(key, tag)), key, tag=tag)

    def _describe(self, widget: widgets.Widget, key: str, placeholder: str = "") -> widgets.Widget:
        """Label an input with the catalogue text ``key`` (and optionally a placeholder key).

        The label is ``label_width`` wide. A widget with a shared style (:func:`fixed_look`) is
        given the shared style of that width rather than having its style changed;
        :meth:`_input` makes such a widget with the right style from the start.
        """
        style = widget.style
        if style.description_width != self.label_width:
            if is_shared(style):
                traits = {**_own_traits(style), "description_width": self.label_width}
                widget.style = shared_style(type(style), **traits)
            else:
                style.description_width = self.label_width
        self._text(widget, key, attribute="description")
        if placeholder:
            self._text(widget, placeholder, attribute="placeholder")
        return widget

    def _input(self, widget_class: type[widgets.Widget], key: str, placeholder: str = "", *,
               layout: dict | widgets.Layout | None = None, style: dict | None = None, **kwargs) -> widgets.Widget:
        """A labelled input of ``widget_class`` with a shared look (see :func:`fixed_look` and :meth:`_describe`).

        ``layout`` and ``style`` are the traits of its look (the label width is added to the
        style); ``kwargs`` are the widget's own traits (``continuous_update``, ``options``, ...).
        """
        texts = {"description": self._catalogue_text(key)}  # made with its texts: no second message
        if placeholder:
            texts["placeholder"] = self._catalogue_text(placeholder)
        widget = fixed_look(widget_class, layout=layout, style={"description_width": self.label_width, **(style or {})},
                            **texts, **kwargs)
        return self._describe(widget, key, placeholder)

    def _catalogue_text(self, key: str, tag: str = "") -> str:
        """The catalogue text ``key`` in the model's language; with ``tag``, escaped in that HTML element."""
        text = t(key, lang=self.model.language)
        if tag:
            style = " style='margin:4px 0'" if tag == "h2" else ""
            text = f"<{tag}{style}>{escape(text)}</{tag}>"
        return text

    def _set_text(self, widget, attribute: str, key: str, tag: str) -> None:
        setattr(widget, attribute, self._catalogue_text(key, tag))

    def _with_readout(self, widget: widgets.Widget, trait: str, fmt: Callable[[object, str], str]) -> widgets.HBox:
        """A slider with its value written the participant's way (``fmt(value, language)``).

        ipywidgets writes a slider's value with a fixed, English number format; this hides it
        and shows the model's value beside the slider instead (``1,5``, ``25 %``).
        """
        widget.readout = False
        label = fixed_look(widgets.Label, layout={"min_width": "70px"})
        self._readouts.append((label, trait, fmt))
        self.model.observe(lambda change: self._show_readouts(), trait)
        self._show_readouts()
        return fixed_look(widgets.HBox, [widget, label], layout={"align_items": "center"})

    def _show_readouts(self) -> None:
        for label, trait, fmt in self._readouts:
            label.value = fmt(getattr(self.model, trait), self.model.language)

    def _start(self, css_class: str) -> None:
        """Finish building: mark the root for styles and tests, then show the model's state."""
        self.add_class(css_class)
        self._on_example()
        self._on_language_extra()
        self._render()
        self._show_problems()

    def _lay_out(self, *children: widgets.Widget) -> None:
        """Set the view's children: header, introduction, example line, error place, then ``children``."""
        top = [self._header, *([self._intro] if self._intro else []), self._example_bar, self._general_messages]
        self.children = [*top, *children]

    def hide_language_switch(self) -> None:
        """Hide the tool's own language switch, when a page around it has one (the workshop).

        The switch's look is shared, so it is given the hidden look rather than changed.
        """
        self._language.layout = shared_layout(width="auto", display="none")

    def _t(self, key: str, **params) -> str:
        """The catalogue text ``key`` in the model's language."""
        return t(key, lang=self.model.language, **params)

    def _problem_html(self, *fields: str, level: str = "error") -> str:
        """The open problems of ``fields`` as escaped message boxes."""
        return message_html([(level, self._t(key, **params)) for key, params in self.model.problems_of(*fields)])

    def _notice_html(self, *keys: str) -> str:
        """The model's notice as an "ok" box when it is one of ``keys``, else nothing."""
        key, params = self.model.notice
        return message_html([("ok", self._t(key, **params))]) if key in keys else ""

    # --- model -> view -----------------------------------------------------------------------
    @guarded
    def _on_language(self, change=None):
        for widget, attribute, key, tag in self._texts:
            self._set_text(widget, attribute, key, tag)
        self._show_readouts()
        self._on_language_extra()
        self._render()
        self._show_problems()

    @guarded
    def _on_revision(self, change=None):
        self._render()

    @guarded
    def _on_problems(self, change=None):
        self._show_problems()

    @guarded
    def _on_example(self, change=None):
        self._example_bar.layout.display = "flex" if self.model.is_example else "none"

    @guarded
    def _on_start_empty(self, button=None):
        self.model.start_empty()

    def _on_language_extra(self) -> None:
        """Language-dependent parts that are not plain catalogue texts (options, say)."""

    def _render(self) -> None:
        """Show the model's results; runs after every recalculation and change of language."""

    def _show_problems(self) -> None:
        """Show the model's problems and notice next to the inputs they concern."""

    def _show_unexpected(self) -> None:
        self._general_messages.value = message_html([("error", self._t("app.unexpected"))])
