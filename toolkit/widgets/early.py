"""Tip 1, be early: a model over :mod:`toolkit.early` and a view to claim a name and scan the field."""

from __future__ import annotations

import functools

import altair as alt
import ipywidgets as widgets
import traitlets

from toolkit import early, examples, workbook
from toolkit.charts.early import field_chart
from toolkit.early import HANDLE_MAX, MAX_EMPLOYERS, POSTING
from toolkit.i18n import TextError, format_int
from toolkit.widgets.common import ToolModel, ToolView, fixed_look, guarded, show_chart
from toolkit.widgets.markup import assumption_html, escape, message_html

#: The invented example: the example garage's wished-for account name (``garagedevries``), not claimed yet.
EXAMPLE_HANDLE = "".join(examples.COMPANY.split()).lower()
#: Invented employers near the invented garage, each marked as such in its name.
EXAMPLE_EMPLOYERS = (
    workbook.Employer("Merkdealer in de stad (verzonnen)", "monthly"),
    workbook.Employer("Bandencentrale (verzonnen)", "none"),
    workbook.Employer("Truckgarage op het industrieterrein (verzonnen)", "rarely"),
    workbook.Employer("Installatiebedrijf dat ook mbo-techniek zoekt (verzonnen)", "weekly"),
    workbook.Employer("Schadeherstelbedrijf (verzonnen)", "none"),
    workbook.Employer("Leasebedrijf met eigen werkplaats (verzonnen)", "unknown"),
)
#: Message level of each verdict: an empty field is good news, a crowded one a warning.
VERDICT_LEVELS = {
    "early.verdict_none": "info",
    "early.verdict_unknown": "info",
    "early.verdict_empty": "ok",
    "early.verdict_few": "info",
    "early.verdict_crowded": "warning",
}


class EarlyScanModel(ToolModel):
    """The account name the team wants, whether it is claimed, and the employers already in its field.

    Inputs are ``handle``, ``handle_claimed`` and ``employers``; ``verdict`` follows from the
    employers (every rule in :mod:`toolkit.early`). A participant's input goes through the
    actions (:meth:`set_handle`, :meth:`set_claimed`, :meth:`add_employer`,
    :meth:`remove_employer`, :meth:`set_posting`), which refuse what does not fit with a
    problem and keep the earlier value.
    """

    handle = traitlets.Unicode("", help="The account name, without '@' (empty: none chosen yet).")
    handle_claimed = traitlets.Bool(False, help="True once the team has created the account in the app.")
    employers = traitlets.Tuple(help="The employers of the scan (toolkit.workbook.Employer), in the team's order.")
    verdict = traitlets.Tuple(default_value=("", {}), help="How busy the field is: (catalogue key, params).")

    sections = ("early",)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._recalculate()

    @traitlets.validate("handle")
    def _validate_handle(self, proposal):
        value = proposal["value"]
        if not value.strip():
            return ""
        try:
            return early.check_handle(value)
        except TextError as error:
            raise traitlets.TraitError(str(error)) from error

    @traitlets.validate("employers")
    def _validate_employers(self, proposal):
        try:
            return early.check_employers(proposal["value"])
        except TextError as error:
            raise traitlets.TraitError(str(error)) from error

    @traitlets.observe("handle", "handle_claimed", "employers")
    def _on_inputs(self, change):
        self._recalculate()
        self.revision += 1

    def _recalculate(self) -> None:
        self.verdict = early.field_verdict(self.employers)

    # --- the team's workbook --------------------------------------------------------------------
    def to_sections(self) -> dict[str, object]:
        """The name, whether it is claimed, and the employers, as the workbook's ``early`` section."""
        return {"early": workbook.Early(handle=self.handle, handle_claimed=self.handle_claimed,
                                        employers=tuple(self.employers))}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the scan from the workbook.

        What breaks a rule (possible only in an edited file) is left out: a name TikTok would
        not take, employers with an empty, too long or repeated name, employers beyond
        :data:`toolkit.early.MAX_EMPLOYERS`.
        """
        section = book.early
        try:
            handle = early.check_handle(section.handle) if section.handle.strip() else ""
        except TextError:
            handle = ""
        kept: tuple[workbook.Employer, ...] = ()
        for employer in section.employers:
            try:
                kept = early.add_employer(kept, employer.name, employer.posting)
            except TextError:
                continue
        self._fill(handle, bool(section.handle_claimed), kept, example=False)

    def _fill(self, handle: str, claimed: bool, employers, example: bool) -> None:
        revision = self.revision
        with self.hold_trait_notifications():
            self.handle, self.handle_claimed, self.employers = handle, claimed, tuple(employers)
            self.problems, self.notice, self.is_example = {}, ("", {}), example
        if self.revision == revision:
            self.revision += 1  # nothing changed, but the view should show the cleared problems

    # --- actions ----------------------------------------------------------------------------------
    def load_example(self) -> None:
        """The invented garage's name (not claimed yet) and invented employers nearby (marked as an example)."""
        self._fill(EXAMPLE_HANDLE, False, EXAMPLE_EMPLOYERS, example=True)

    def start_empty(self) -> None:
        """No name, nothing claimed, no employers."""
        self._fill("", False, (), example=False)

    def set_handle(self, text: str) -> bool:
        """The account name as typed (with or without '@'); empty clears it. A name that does not fit is refused."""
        value = str(text)
        return self._apply("handle", lambda: {"handle": early.check_handle(value) if value.strip() else ""})

    def set_claimed(self, claimed: bool) -> bool:
        """Whether the team has created the account in the app."""
        return self._apply("claimed", lambda: {"handle_claimed": bool(claimed)})

    def add_employer(self, name: str, posting: str = "unknown") -> bool:
        """Add an employer to the scan; a name that is empty, too long or already listed is refused."""
        def values():
            employers = early.add_employer(self.employers, name, posting)
            return {"employers": employers, "notice": ("early.added", {"name": employers[-1].name})}

        return self._apply("employer", values)

    def remove_employer(self, index: int) -> bool:
        """Take employer ``index`` off the list."""
        return self._apply("list", lambda: {"employers": early.remove_employer(self.employers, index),
                                            "notice": ("", {})})

    def set_posting(self, index: int, posting: str) -> bool:
        """How often employer ``index`` posts (one of :data:`toolkit.early.POSTING`)."""
        return self._apply("list", lambda: {"employers": early.set_posting(self.employers, index, posting)})

    # --- derived ----------------------------------------------------------------------------------
    def hints(self) -> list[tuple[str, dict]]:
        """Warnings about the name from how the app behaves (see :func:`toolkit.early.handle_hints`)."""
        return early.handle_hints(self.handle) if self.handle else []

    def summary(self):
        """Employers per posting category (see :func:`toolkit.early.field_summary`)."""
        return early.field_summary(self.employers)

    def chart(self) -> alt.LayerChart:
        """The field of employers in the model's language."""
        return field_chart(self.employers, lang=self.language)


class EarlyScan(ToolView):
    """The early-mover scan: the account name and its status, the list of employers, the verdict and the chart."""

    title_key, intro_key, example_key, label_width = (
        "early.title", "early.intro", "early.example_note", "150px")

    def __init__(self, model: EarlyScanModel | None = None, **kwargs):
        super().__init__(model or EarlyScanModel(), **kwargs)
        self.last_chart: alt.LayerChart | None = None
        self._drawn: tuple | None = None  # employers and language the chart shows
        self._relabelling = False
        self._handle = self._link("handle", self._input(
            widgets.Text, "early.handle", "early.handle_placeholder", continuous_update=False,
            layout={"width": "100%", "max_width": "420px"}),
            to_widget=lambda handle: f"@{handle}" if handle else "", action=self.model.set_handle)
        self._claimed = self._link("handle_claimed", self._text(
            fixed_look(widgets.Checkbox, indent=False, layout={"width": "auto", "margin": "2px 0 2px 154px"}),
            "early.claimed", "description"), action=self.model.set_claimed)
        self._handle_messages = fixed_look(widgets.HTML)
        self._handle_info = fixed_look(widgets.HTML)
        # adding an employer: what the team types stays in the view until it is added
        self._name = self._input(widgets.Text, "early.name", "early.name_placeholder", continuous_update=False,
                                 layout={"width": "100%", "max_width": "520px"})
        self._posting = self._input(widgets.Dropdown, "early.posting", layout={"width": "420px"})
        self._add = self._text(fixed_look(widgets.Button, icon="plus", button_style="primary",
                                          layout={"width": "auto", "margin": "2px 0 2px 154px"}),
                               "early.add", "description")
        self._add.on_click(self._on_add)
        self._add_messages = fixed_look(widgets.HTML)
        # the list: one row per employer, kept by position; only their values change on a redraw
        self._rows: list[tuple[widgets.Dropdown, widgets.HTML, widgets.Button]] = []
        self._rows_box = fixed_look(widgets.VBox)
        self._list_count = fixed_look(widgets.HTML)
        self._list_messages = fixed_look(widgets.HTML)
        # the field
        self._verdict = fixed_look(widgets.HTML)
        self._chart = fixed_look(widgets.Output, layout={"min_height": "40px"})
        self._why = self._static_text("early.why", tag="p")
        self._rule = fixed_look(widgets.HTML)
        self._on_language_extra()
        self._lay_out(
            self._heading("early.step_handle"), self._handle, self._claimed, self._handle_messages,
            self._handle_info,
            self._heading("early.step_scan"), self._static_text("early.scan_hint", tag="p"),
            self._name, self._posting, self._add, self._add_messages,
            self._list_count, self._rows_box, self._list_messages,
            self._heading("early.step_field"), self._verdict, self._chart, self._why, self._rule,
        )
        self._start("stagetok-early")

    # --- participant actions ----------------------------------------------------------------------
    @guarded
    def _on_add(self, button=None):
        if self.model.add_employer(self._name.value, self._posting.value or "unknown"):
            self._name.value = ""

    @guarded
    def _on_row_posting(self, index: int, change):
        if self._relabelling or index >= len(self.model.employers):
            return
        if change["new"] != self.model.employers[index].posting:
            self.model.set_posting(index, change["new"])

    @guarded
    def _on_remove(self, index: int, button=None):
        self.model.remove_employer(index)

    # --- model -> view ----------------------------------------------------------------------------
    def _posting_options(self) -> list[tuple[str, str]]:
        return [(early.posting_label(posting, self.model.language), posting) for posting in POSTING]

    def _on_language_extra(self) -> None:
        # New labels make a selection widget jump to its first option: put the value back.
        self._relabelling = True
        try:
            options = self._posting_options()
            chosen = self._posting.value or "unknown"
            self._posting.options = options
            self._posting.value = chosen
            for (chooser, _, _), employer in zip(self._rows, self.model.employers, strict=False):
                chooser.options = options
                chooser.value = employer.posting
        finally:
            self._relabelling = False
        self._rule.value = assumption_html(self._t("early.rule", few=early.FEW_ACTIVE))

    def _render(self) -> None:
        self._handle_info.value = self._handle_html()
        self._show_list()
        self._show_field()

    def _show_problems(self) -> None:
        self._handle_messages.value = self._problem_html("handle", "claimed")
        self._add_messages.value = self._problem_html("employer") or self._notice_html("early.added")
        self._list_messages.value = self._problem_html("list")

    # --- helpers ----------------------------------------------------------------------------------
    def _handle_html(self) -> str:
        model, lang = self.model, self.model.language
        parts = []
        if model.handle:
            info = self._t("early.handle_info", handle=model.handle, length=format_int(len(model.handle), lang),
                           max=HANDLE_MAX)
            parts.append(f"<div class='stagetok-handle' style='font-size:110%;overflow-wrap:anywhere'>"
                         f"<bdi>{escape(info)}</bdi></div>")
        parts.append(assumption_html(self._t("early.handle_source", max=HANDLE_MAX)))
        parts += [assumption_html(self._t(key, **params)) for key, params in model.hints()]
        if model.handle_claimed:
            status = ("ok", "early.status_claimed" if model.handle else "early.status_claimed_unnamed")
        elif model.handle:
            status = ("warning", "early.status_open")
        else:
            status = ("info", "early.status_none")
        parts.append(message_html([(status[0], self._t(status[1]))]))
        return "".join(parts)

    def _show_list(self) -> None:
        employers = self.model.employers
        while len(self._rows) < len(employers):
            index = len(self._rows)
            chooser = fixed_look(widgets.Dropdown, options=self._posting_options(), value=employers[index].posting,
                                 layout={"width": "260px", "flex": "0 0 auto"})
            chooser.observe(functools.partial(self._on_row_posting, index), "value")
            chooser.add_class("stagetok-employer-posting")
            label = fixed_look(widgets.HTML, layout={"flex": "1 1 auto", "min_width": "0"})
            remove = fixed_look(widgets.Button, icon="trash", layout={"width": "auto", "flex": "0 0 auto"})
            remove.on_click(functools.partial(self._on_remove, index))
            remove.add_class("stagetok-remove-employer")
            self._rows.append((chooser, label, remove))
        self._relabelling = True
        try:
            for (chooser, label, remove), employer in zip(self._rows, employers, strict=False):
                chooser.value = employer.posting
                label.value = (f"<div class='stagetok-employer' style='overflow-wrap:anywhere'>"
                               f"<bdi>{escape(employer.name)}</bdi></div>")
                remove.description = self._t("early.remove")
        finally:
            self._relabelling = False
        rows = [fixed_look(widgets.HBox, [chooser, label, remove], layout={"align_items": "center"})
                for chooser, label, remove in self._rows[:len(employers)]]
        if len(self._rows_box.children) != len(rows):
            self._rows_box.children = rows
        lang = self.model.language
        if employers:
            text = self._t("early.list_count", n=format_int(len(employers), lang), max=MAX_EMPLOYERS)
            self._list_count.value = f"<div class='stagetok-list-count'>{escape(text)}</div>"
        else:
            self._list_count.value = message_html([("info", self._t("early.list_empty"))])

    def _show_field(self) -> None:
        model, lang = self.model, self.model.language
        key, params = model.verdict
        shown = {name: format_int(value, lang) for name, value in params.items()}
        messages = [(VERDICT_LEVELS.get(key, "info"), self._t(key, **shown))] if key else []
        if params.get("unknown") and key != "early.verdict_unknown":
            messages.append(("info", self._t("early.unknown_note", unknown=shown["unknown"])))
        self._verdict.value = message_html(messages)
        drawn = (model.employers, lang)
        if drawn != self._drawn:
            self._drawn = drawn
            self.last_chart = model.chart()
            show_chart(self._chart, self.last_chart)
