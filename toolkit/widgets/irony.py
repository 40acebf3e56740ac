"""Tip 2, irony and self-mockery: a model over :mod:`toolkit.irony` and a view with the tone scale."""

from __future__ import annotations

import functools

import altair as alt
import ipywidgets as widgets
import traitlets

from toolkit import examples, irony, workbook
from toolkit.charts.irony import BAND_COLOURS, tone_chart
from toolkit.i18n import TextError
from toolkit.irony import DEFAULT_TONE, MAX_IDEA, TONE_MAX, TONE_MIN
from toolkit.widgets.common import ToolModel, ToolView, clear_chart, fixed_look, guarded, show_chart
from toolkit.widgets.markup import assumption_html, escape, message_html

#: The invented example: three post ideas of the example garage, placed on the scale (not sorted yet).
EXAMPLE_IDEAS = (
    workbook.Idea("Sanne, onze stagiair, zocht in haar eerste week naar de 'bougiesleutel voor links'. "
                  "Haar collega's lachen mee, zij het hardst.", 55),
    workbook.Idea(f"Ahmed vertelt waarom hij bij {examples.COMPANY} nog steeds blij wordt van een motor "
                  "die na uren zoeken weer loopt.", 22),
    workbook.Idea("De werkplaats pakt een nieuwe winterband uit alsof het de nieuwste telefoon is, "
                  "met spanning en applaus.", 72),
)


def _valid_idea(idea: object) -> workbook.Idea:
    if not isinstance(idea, workbook.Idea) or not isinstance(idea.text, str):
        raise traitlets.TraitError("ideas must be toolkit.workbook.Idea values.")
    try:
        irony.check_tone(idea.tone)
    except TextError as error:
        raise traitlets.TraitError(str(error)) from error
    return idea


def _is_index(index: object) -> bool:
    return isinstance(index, int) and not isinstance(index, bool) and index >= 0


def _field(index: object) -> str:
    """Where a row's problems are kept: ``idea:<index>``, or ``ideas`` for an index that is no row."""
    return f"idea:{index}" if _is_index(index) else "ideas"


class ToneScaleModel(ToolModel):
    """The team's post ideas and their places on the tone scale, from stiff to ridiculous.

    ``ideas`` is the workbook's list of ideas, shared with the Touch, Tell, Sell step: this step
    writes each idea's text and tone and leaves its ``kind`` as it is. Changes go through the
    actions (:meth:`set_text`, :meth:`set_tone`, :meth:`add_idea`, :meth:`remove_idea`), which
    refuse what does not fit with a problem under ``idea:<index>`` (or ``ideas``) and keep the
    earlier value.
    """

    ideas = traitlets.Tuple(help="The team's ideas (toolkit.workbook.Idea), shared with the Touch, Tell, Sell step.")
    show_examples = traitlets.Bool(True, help="Draw the invented example ideas on the scale too.")

    sections = ("ideas",)
    #: A later step sorts the ideas (their kinds): the workshop gives this step the workbook each time it opens.
    reads_workbook = True

    @traitlets.validate("ideas")
    def _validate_ideas(self, proposal):
        ideas = tuple(proposal["value"])
        if len(ideas) > workbook.MAX_ITEMS:
            raise traitlets.TraitError(f"ideas holds at most {workbook.MAX_ITEMS} ideas.")
        return tuple(_valid_idea(idea) for idea in ideas)

    @traitlets.observe("ideas", "show_examples")
    def _on_inputs(self, change):
        self.revision += 1

    # --- the team's workbook --------------------------------------------------------------------
    def to_sections(self) -> dict[str, object]:
        """The ideas, each with the kind a later step gave it, as the workbook's ``ideas`` section."""
        return {"ideas": tuple(self.ideas)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the ideas from the workbook, kinds and all.

        A tone off the scale (possible only in an edited file) goes to the nearest end, and a
        text longer than :data:`toolkit.irony.MAX_IDEA` is cut.
        """
        ideas = tuple(workbook.Idea(text=idea.text[:MAX_IDEA], tone=min(max(idea.tone, TONE_MIN), TONE_MAX),
                                    kind=idea.kind) for idea in book.ideas[:workbook.MAX_ITEMS])
        self._fill(ideas, self.show_examples, example=False)

    def _fill(self, ideas, show_examples: bool, example: bool) -> None:
        revision = self.revision
        with self.hold_trait_notifications():
            self.ideas, self.show_examples = tuple(ideas), show_examples
            self.problems, self.notice, self.is_example = {}, ("", {}), example
        if self.revision == revision:
            self.revision += 1  # nothing changed, but the view should show the cleared problems

    # --- actions ----------------------------------------------------------------------------------
    def load_example(self) -> None:
        """Three invented ideas of the example garage on the scale, with the examples shown (marked as an example)."""
        self._fill(EXAMPLE_IDEAS, True, example=True)

    def start_empty(self) -> None:
        """No ideas; the examples stay on the scale to discuss."""
        self._fill((), True, example=False)

    def set_text(self, index: int, text: str) -> bool:
        """Write idea ``index``: reword an idea (tone and kind stay), or, past the last one, add a new idea."""
        def values():
            if not _is_index(index):
                raise TextError("irony.no_such_idea")
            if index >= len(self.ideas):
                return {"ideas": irony.add_idea(self.ideas, text), "notice": ("", {})}
            return {"ideas": irony.set_text(self.ideas, index, text), "notice": ("", {})}

        return self._apply(_field(index), values)

    def set_tone(self, index: int, tone: int) -> bool:
        """Move idea ``index`` on the scale (0 stiff to 100 ridiculous); its text and kind stay."""
        return self._apply(_field(index), lambda: {"ideas": irony.set_tone(self.ideas, index, tone)})

    def add_idea(self, text: str, tone: int = DEFAULT_TONE) -> bool:
        """Add an idea at the end, at ``tone``; refused once there are :data:`toolkit.irony.MAX_IDEAS`."""
        return self._apply("ideas", lambda: {"ideas": irony.add_idea(self.ideas, text, tone), "notice": ("", {})})

    def remove_idea(self, index: int) -> bool:
        """Take idea ``index`` away; the ideas after it move up a row."""
        if not self._apply("ideas", lambda: {"ideas": irony.remove_idea(self.ideas, index),
                                             "notice": ("irony.removed", {})}):
            return False
        # the rows' problems belonged to the old positions
        self.problems = {field: items for field, items in self.problems.items() if not field.startswith("idea:")}
        return True

    def set_show_examples(self, show: bool) -> bool:
        """Draw the invented examples on the scale, or only the team's ideas."""
        return self._apply("show_examples", lambda: {"show_examples": bool(show)})

    # --- derived ----------------------------------------------------------------------------------
    def bands(self) -> list[str]:
        """The band of each idea (see :func:`toolkit.irony.band`)."""
        return [irony.band(idea.tone) for idea in self.ideas]

    def chart(self) -> alt.LayerChart:
        """The tone scale with the ideas (and the examples, when shown) in the model's language."""
        return tone_chart(self.ideas, examples=self.show_examples, lang=self.language)


class ToneScale(ToolView):
    """The tone scale: example ideas to discuss, the team's ideas with a slider each, the chart and comments."""

    title_key, intro_key, example_key, label_width = (
        "irony.title", "irony.intro", "irony.example_note", "90px")

    def __init__(self, model: ToneScaleModel | None = None, **kwargs):
        super().__init__(model or ToneScaleModel(), **kwargs)
        self.last_chart: alt.LayerChart | None = None
        self._drawn: tuple | None = None  # ideas, examples shown and language the chart shows
        self._examples = fixed_look(widgets.HTML)
        self._why = fixed_look(widgets.HTML)
        self._why_box = fixed_look(widgets.Accordion, children=[self._why], selected_index=None)
        self._question = fixed_look(widgets.HTML)
        # one row per idea (and empty rows to write in), kept by position; only their values change
        self._rows: list[dict[str, widgets.Widget]] = []
        self._rows_box = fixed_look(widgets.VBox)
        self._ideas_messages = fixed_look(widgets.HTML)
        self._show = self._link("show_examples", self._text(
            fixed_look(widgets.Checkbox, indent=False, layout={"width": "auto"}), "irony.show_examples",
            "description"), action=self.model.set_show_examples)
        self._chart = fixed_look(widgets.Output, layout={"min_height": "40px"})
        self._chart_messages = fixed_look(widgets.HTML)
        self._scale_note = fixed_look(widgets.HTML)
        self._on_language_extra()
        self._lay_out(
            self._heading("irony.step_examples"),
            self._static_text("irony.examples_hint", tag="p"),
            self._examples, self._why_box, self._question,
            self._heading("irony.step_ideas"),
            self._static_text("irony.ideas_hint", tag="p"),
            self._rows_box, self._ideas_messages,
            self._heading("irony.step_scale"), self._show, self._chart_messages, self._chart, self._scale_note,
        )
        self._start("stagetok-irony")

    # --- participant actions ----------------------------------------------------------------------
    def _write(self, index: int, value: str) -> None:
        if index >= len(self.model.ideas) and not value.strip():
            return  # an empty row left empty
        self.model.set_text(index, value)

    @guarded
    def _on_remove(self, index: int, button=None):
        self.model.remove_idea(index)

    # --- model -> view ----------------------------------------------------------------------------
    def _on_language_extra(self) -> None:
        lang = self.model.language
        table = irony.examples()
        lines, reasons = [], []
        for number, row in enumerate(table.itertuples(index=False), start=1):
            name = irony.band(row.tone)
            head = self._t("irony.example_line", n=number, band=irony.band_label(row.tone, lang), tone=row.tone)
            text = getattr(row, f"text_{lang}")
            lines.append(f"<li style='margin:3px 0'><b style='color:{BAND_COLOURS[name][1]}'>{escape(head)}</b>: "
                         f"{escape(text)}</li>")
            why = getattr(row, f"why_{lang}")
            reasons.append(f"<li style='margin:3px 0'><b>{escape(head)}</b>: {escape(why)}</li>")
        self._examples.value = f"<ul class='stagetok-tone-examples' style='margin:2px 0'>{''.join(lines)}</ul>"
        self._why.value = f"<ul class='stagetok-tone-why' style='margin:2px 0'>{''.join(reasons)}</ul>"
        self._why_box.set_title(0, self._t("irony.why_heading"))
        self._question.value = message_html([("info", self._t("irony.question"))])
        low, high = (limit for _, limit in list(irony.BANDS.values())[:-1])
        self._scale_note.value = assumption_html(self._t("irony.scale_note", low=low, high=high))

    def _render(self) -> None:
        self._show_rows()
        self._show_chart()

    def _show_problems(self) -> None:
        shown = irony.rows(len(self.model.ideas))
        for index, row in enumerate(self._rows):
            row["messages"].value = self._problem_html(f"idea:{index}") if index < shown else ""
        # problems of rows that are not shown (an index set from code) go with the list's own
        elsewhere = [field for field in self.model.problems
                     if field.startswith("idea:") and not (field[5:].isdigit() and int(field[5:]) < shown)]
        self._ideas_messages.value = (self._problem_html("ideas", "show_examples", *elsewhere)
                                      or self._notice_html("irony.removed"))

    # --- helpers ----------------------------------------------------------------------------------
    def _make_row(self, index: int) -> dict[str, widgets.Widget]:
        text = self._link("ideas", fixed_look(
            widgets.Text, continuous_update=False, layout={"flex": "1 1 auto", "width": "auto", "max_width": "640px"},
            style={"description_width": self.label_width}),
            to_widget=lambda ideas, index=index: ideas[index].text if index < len(ideas) else "",
            action=lambda value, index=index: self._write(index, value))
        self._text(text, "irony.idea_placeholder", "placeholder")
        tone = self._link("ideas", self._input(
            widgets.IntSlider, "irony.tone", min=TONE_MIN, max=TONE_MAX, step=1, continuous_update=False,
            layout={"width": "420px"}),
            to_widget=lambda ideas, index=index: ideas[index].tone if index < len(ideas) else DEFAULT_TONE,
            action=lambda value, index=index: self.model.set_tone(index, value))
        # shown only on rows with an idea: a layout of its own
        remove = self._text(fixed_look(widgets.Button, icon="trash",
                                       layout=widgets.Layout(width="auto", flex="0 0 auto")),
                            "irony.remove", "description")
        remove.on_click(functools.partial(self._on_remove, index))
        remove.add_class("stagetok-remove-idea")
        comment, messages = fixed_look(widgets.HTML), fixed_look(widgets.HTML)
        # the border takes the colour of the idea's tone: a layout of its own
        box = widgets.VBox([fixed_look(widgets.HBox, [text, remove], layout={"align_items": "center"}),
                            tone, comment, messages],
                           layout=widgets.Layout(border_left="3px solid #ddd", padding="2px 0 2px 6px",
                                                 margin="4px 0"))
        box.add_class("stagetok-idea-row")
        return {"text": text, "tone": tone, "remove": remove, "comment": comment, "messages": messages, "box": box}

    def _show_rows(self) -> None:
        ideas = self.model.ideas
        needed = irony.rows(len(ideas))
        while len(self._rows) < needed:
            self._rows.append(self._make_row(len(self._rows)))
        lang = self.model.language
        for index, row in enumerate(self._rows[:needed]):
            row["text"].description = self._t("irony.idea_label", n=index + 1)
            written = index < len(ideas)
            row["tone"].disabled = not written
            row["remove"].layout.visibility = "visible" if written else "hidden"
            if written:
                idea = ideas[index]
                name = irony.band(idea.tone)
                key, params = irony.comment(idea.tone)
                line = self._t("irony.row_comment", band=irony.band_label(idea.tone, lang), tone=idea.tone,
                               comment=self._t(key, **params))
                row["comment"].value = (f"<div class='stagetok-tone-comment stagetok-band-{name}' "
                                        f"style='background:{BAND_COLOURS[name][0]};padding:2px 6px;"
                                        f"margin-left:94px'>{escape(line)}</div>")
                row["box"].layout.border_left = f"3px solid {BAND_COLOURS[name][1]}"
            else:
                row["comment"].value = ""
                row["box"].layout.border_left = "3px solid #ddd"
        boxes = [row["box"] for row in self._rows[:needed]]
        if list(self._rows_box.children) != boxes:
            self._rows_box.children = boxes

    def _show_chart(self) -> None:
        model, lang = self.model, self.model.language
        drawn = (model.ideas, model.show_examples, lang)
        if drawn == self._drawn:
            return
        self._drawn = drawn
        if model.ideas or model.show_examples:
            self._chart_messages.value = ""
            self.last_chart = model.chart()
            show_chart(self._chart, self.last_chart)
        else:
            self._chart_messages.value = message_html([("info", self._t("irony.chart_empty"))])
            self.last_chart = None
            clear_chart(self._chart)
