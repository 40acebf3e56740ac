"""Tip 5, perfection overboard: a model over :mod:`toolkit.perfection` and a view that lays it out."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from toolkit import examples, perfection, workbook
from toolkit.i18n import TextError, format_int, format_percent
from toolkit.perfection import BRIEF_FIELDS, MAX_BRIEF_FIELD, MAX_DRAFT
from toolkit.widgets.common import ToolModel, ToolView, fixed_look
from toolkit.widgets.markup import assumption_html, escape, message_html

#: The invented example: a draft video of the example garage, what is right about it, and a brief.
EXAMPLE_DRAFT = (f"Een monteur van {examples.COMPANY} legt in de werkplaats uit hoe je remblokken vervangt. "
                 "Onze stagiair filmt met zijn telefoon, rechtop; aan het begin ons logo met muziek.")
EXAMPLE_CHECKS = ("phone", "vertical", "colleagues", "real_work", "intern_made")
EXAMPLE_BRIEF = workbook.Brief(
    subject="Een ochtend van onze bpv-stagiair in de werkplaats",
    who="Sanne (stagiair, filmt zelf) en haar begeleider Ahmed",
    where=f"de werkplaats van {examples.COMPANY}",
    hook="Sanne ligt onder een auto en zegt: 'Raad eens wat ik vandaag mocht doen.'",
    ending="Ahmed vraagt de kijker: 'Wat zou jij als eerste willen leren?'",
)
#: Catalogue keys of the brief's fields, in :data:`toolkit.perfection.BRIEF_FIELDS` order.
BRIEF_LABELS = {
    "subject": "perfection.brief_subject",
    "who": "perfection.brief_who",
    "where": "perfection.brief_where",
    "hook": "perfection.brief_hook",
    "ending": "perfection.brief_ending",
}
#: Score bar colours per verdict: green real, amber halfway, red polished.
VERDICT_COLOURS = {
    "perfection.verdict_real": "#2ca02c",
    "perfection.verdict_halfway": "#e0a000",
    "perfection.verdict_polished": "#d62728",
}


def formatted(params: dict, lang: str) -> dict:
    """A problem's parameters for the reader: whole numbers written the language's way (1.000, 1,000)."""
    return {name: format_int(value, lang) if isinstance(value, int) and not isinstance(value, bool) else value
            for name, value in params.items()}


class AuthenticityCheckModel(ToolModel):
    """A draft video checked against the authenticity checklist, its score, and a brief for a new video.

    Inputs are ``draft``, ``checks`` and the brief's fields; ``done``, ``total`` and ``verdict``
    follow from ``checks`` (every rule in :mod:`toolkit.perfection`). A participant's input goes
    through :meth:`set_draft`, :meth:`set_check` and :meth:`set_brief_field`, which refuse a text
    that does not fit with a problem and keep the earlier value.
    """

    draft = traitlets.Unicode("", help="What the draft video shows, in the team's words.")
    checks = traitlets.Tuple(help="Ids of the checklist items that are true of the draft, in checklist order.")
    subject = traitlets.Unicode("", help="Brief: what the video shows.")
    who = traitlets.Unicode("", help="Brief: who is on screen and who films.")
    where = traitlets.Unicode("", help="Brief: where it is filmed.")
    hook = traitlets.Unicode("", help="Brief: what happens in the first seconds.")
    ending = traitlets.Unicode("", help="Brief: how the video ends.")
    done = traitlets.Int(0, help="Checked items.")
    total = traitlets.Int(0, help="Items on the checklist.")
    verdict = traitlets.Tuple(default_value=("", {}), help="What the score says: (catalogue key, params).")

    sections = ("perfection",)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._recalculate()

    @traitlets.validate("checks")
    def _validate_checks(self, proposal):
        try:
            return perfection.check_checks(proposal["value"])
        except TextError as error:
            raise traitlets.TraitError(str(error)) from error

    @traitlets.validate("draft", *BRIEF_FIELDS)
    def _validate_text(self, proposal):
        limit = MAX_DRAFT if proposal["trait"].name == "draft" else MAX_BRIEF_FIELD
        if len(proposal["value"]) > limit:
            raise traitlets.TraitError(f"{proposal['trait'].name} is longer than {limit} characters.")
        return proposal["value"]

    @traitlets.observe("draft", "checks", *BRIEF_FIELDS)
    def _on_inputs(self, change):
        self._recalculate()
        self.revision += 1

    def _recalculate(self) -> None:
        self.done, self.total = perfection.score(self.checks)
        self.verdict = perfection.verdict(self.checks)

    # --- the team's workbook --------------------------------------------------------------------
    def to_sections(self) -> dict[str, object]:
        """The draft, its checks and the brief as the workbook's ``perfection`` section."""
        return {"perfection": workbook.Perfection(draft=self.draft, checks=tuple(self.checks), brief=self.brief)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the draft, checks and brief from the workbook; items no longer on the checklist are left out."""
        section = book.perfection
        known = set(perfection.item_ids())
        with self.hold_trait_notifications():
            self.draft = section.draft[:MAX_DRAFT]
            self.checks = tuple(item for item in section.checks if item in known)
            for name in BRIEF_FIELDS:
                setattr(self, name, getattr(section.brief, name)[:MAX_BRIEF_FIELD])
            self.problems, self.notice, self.is_example = {}, ("", {}), False
        self.revision += 1

    # --- actions ----------------------------------------------------------------------------------
    def load_example(self) -> None:
        """The invented garage's draft video, what is right about it, and its brief (marked as an example)."""
        with self.hold_trait_notifications():
            self.draft, self.checks = EXAMPLE_DRAFT, EXAMPLE_CHECKS
            for name in BRIEF_FIELDS:
                setattr(self, name, getattr(EXAMPLE_BRIEF, name))
            self.problems, self.notice, self.is_example = {}, ("", {}), True

    def start_empty(self) -> None:
        """Nothing described, nothing checked, an empty brief."""
        with self.hold_trait_notifications():
            self.draft, self.checks = "", ()
            for name in BRIEF_FIELDS:
                setattr(self, name, "")
            self.problems, self.notice, self.is_example = {}, ("", {}), False
        self.revision += 1

    def set_draft(self, text: str) -> bool:
        """What the draft video shows, as the team typed it; a text that does not fit keeps the old one."""
        return self._apply("draft", lambda: {"draft": perfection.check_text(text, MAX_DRAFT, multiline=True)})

    def set_check(self, item: str, checked: bool) -> bool:
        """Check or uncheck one item of the checklist; an unknown item is refused with a problem."""
        def values():
            current = set(self.checks)
            if checked:
                current.add(item)
            else:
                current.discard(item)
            perfection.check_checks((item,))
            return {"checks": perfection.check_checks(current)}

        return self._apply("checks", values)

    def set_checks(self, items) -> bool:
        """Check exactly ``items`` (ids of the checklist); an unknown id is refused and nothing changes."""
        return self._apply("checks", lambda: {"checks": perfection.check_checks(items)})

    def set_brief_field(self, name: str, text: str) -> bool:
        """Set one field of the brief (one of :data:`toolkit.perfection.BRIEF_FIELDS`) from what the team typed."""
        if name not in BRIEF_FIELDS:
            raise ValueError(f"A brief has no field {name!r}.")
        return self._apply(name, lambda: {name: perfection.check_text(text, MAX_BRIEF_FIELD)})

    # --- derived ----------------------------------------------------------------------------------
    @property
    def brief(self) -> workbook.Brief:
        """The brief as one value."""
        return workbook.Brief(**{name: getattr(self, name) for name in BRIEF_FIELDS})

    def open_items(self) -> list[str]:
        """Ids of the items not checked yet, in checklist order."""
        return [item for item in perfection.item_ids() if item not in self.checks]


class AuthenticityCheck(ToolView):
    """The authenticity check: the draft, the checklist with reasons and a score, the brief and its preview."""

    title_key, intro_key, example_key, label_width = (
        "perfection.title", "perfection.intro", "perfection.example_note", "150px")

    def __init__(self, model: AuthenticityCheckModel | None = None, **kwargs):
        super().__init__(model or AuthenticityCheckModel(), **kwargs)
        wide = {"width": "100%", "max_width": "640px"}
        self._draft = self._link("draft", self._input(
            widgets.Textarea, "perfection.draft", placeholder="perfection.draft_placeholder", continuous_update=False,
            layout={"width": "100%", "max_width": "640px", "height": "80px"}), action=self.model.set_draft)
        self._draft_messages = fixed_look(widgets.HTML)
        # One row per item: a checkbox showing whether the model has it, and the item with its reason.
        self._boxes: dict[str, widgets.Checkbox] = {}
        self._labels: dict[str, widgets.HTML] = {}
        rows = []
        for item in perfection.item_ids():
            box = fixed_look(widgets.Checkbox, indent=False, layout={"width": "32px", "flex": "0 0 auto"})
            self._link("checks", box, to_widget=lambda checks, item=item: item in checks,
                       action=lambda value, item=item: self.model.set_check(item, bool(value)))
            box.add_class(f"stagetok-check-{item}")
            label = fixed_look(widgets.HTML, layout={"flex": "1 1 auto"})
            self._boxes[item], self._labels[item] = box, label
            rows.append(fixed_look(widgets.HBox, [box, label], layout={"align_items": "flex-start"}))
        self._checks_messages = fixed_look(widgets.HTML)
        self._score = fixed_look(widgets.HTML)
        self._rule = fixed_look(widgets.HTML)
        self._brief_heading = fixed_look(widgets.HTML)
        self._fields: dict[str, widgets.Text] = {}
        for name, label_key, hint_key in (
                ("subject", "perfection.brief_subject", "perfection.brief_subject_hint"),
                ("who", "perfection.brief_who", "perfection.brief_who_hint"),
                ("where", "perfection.brief_where", "perfection.brief_where_hint"),
                ("hook", "perfection.brief_hook", "perfection.brief_hook_hint"),
                ("ending", "perfection.brief_ending", "perfection.brief_ending_hint")):
            field = self._input(widgets.Text, label_key, placeholder=hint_key, continuous_update=False, layout=wide)
            self._fields[name] = self._link(
                name, field, action=lambda value, name=name: self.model.set_brief_field(name, value))
        self._brief_messages = fixed_look(widgets.HTML)
        self._preview = fixed_look(widgets.HTML)
        self._lay_out(
            self._heading("perfection.step_draft"), self._draft, self._draft_messages,
            self._heading("perfection.step_checks"), self._static_text("perfection.checks_hint", tag="p"),
            *rows, self._checks_messages, self._score, self._rule,
            self._brief_heading, *self._fields.values(), self._brief_messages,
            self._heading("perfection.preview", level=4), self._preview,
        )
        self._start("stagetok-perfection")

    # --- model -> view -----------------------------------------------------------------------------
    def _on_language_extra(self) -> None:
        lang = self.model.language
        table = perfection.checklist().set_index("id")
        for item, label in self._labels.items():
            text, reason = table.loc[item, f"text_{lang}"], table.loc[item, f"reason_{lang}"]
            label.value = (f"<div class='stagetok-item'><b>{escape(text)}</b><br>"
                           f"<span style='color:#555;font-size:90%'>{escape(reason)}</span></div>")
            self._boxes[item].tooltip = text
        heading = self._t("perfection.step_brief", seconds=perfection.BRIEF_SECONDS)
        self._brief_heading.value = f"<h3>{escape(heading)}</h3>"
        self._rule.value = assumption_html(self._t(
            "perfection.rule_of_thumb", real=format_percent(perfection.REAL_SHARE, lang=lang),
            halfway=format_percent(perfection.HALFWAY_SHARE, lang=lang)))

    def _render(self) -> None:
        self._score.value = self._score_html()
        self._preview.value = self._preview_html()

    def _show_problems(self) -> None:
        self._draft_messages.value = self._problem_html("draft")
        self._checks_messages.value = self._problem_html("checks")
        self._brief_messages.value = self._problem_html(*BRIEF_FIELDS)

    def _problem_html(self, *fields: str, level: str = "error") -> str:
        """The open problems of ``fields`` as escaped message boxes, numbers in the reader's format."""
        lang = self.model.language
        return message_html([(level, self._t(key, **formatted(params, lang)))
                             for key, params in self.model.problems_of(*fields)])

    # --- helpers ------------------------------------------------------------------------------------
    def _score_html(self) -> str:
        model = self.model
        key, params = model.verdict
        share = model.done / model.total if model.total else 0.0
        colour = VERDICT_COLOURS.get(key, "#999")
        label = self._t("perfection.score", done=model.done, total=model.total)
        return (f"<div class='stagetok-score' style='margin:8px 0'>"
                f"<div role='progressbar' aria-valuemin='0' aria-valuemax='{model.total}' aria-valuenow='{model.done}' "
                f"aria-label='{escape(label)}' style='background:#eee;border-radius:4px;height:14px;max-width:480px'>"
                f"<div style='width:{share * 100:.0f}%;background:{colour};height:100%;border-radius:4px'></div></div>"
                f"<div><b>{escape(label)}</b>. {escape(self._t(key, **params)) if key else ''}</div></div>")

    def _preview_html(self) -> str:
        lines = []
        empty = f"<i style='color:#999'>{escape(self._t('perfection.preview_empty'))}</i>"
        for name, key in BRIEF_LABELS.items():
            value = getattr(self.model, name)
            shown = escape(value) if value else empty
            lines.append(f"<tr><th style='text-align:left;vertical-align:top;padding-right:12px;white-space:nowrap'>"
                         f"{escape(self._t(key))}</th><td style='white-space:pre-wrap;overflow-wrap:anywhere'>"
                         f"{shown}</td></tr>")
        gaps = perfection.brief_gaps(self.model.brief)
        if gaps:
            fields = ", ".join(self._t(BRIEF_LABELS[name]).lower() for name in gaps)
            status = message_html([("info", self._t("perfection.brief_gaps", fields=fields))])
        else:
            status = message_html([("ok", self._t("perfection.brief_complete"))])
        lang = self.model.language
        table = perfection.checklist().set_index("id")
        tips = "".join(f"<li>{escape(table.loc[item, f'text_{lang}'])}</li>" for item in self.model.open_items())
        tips_html = (f"<div style='margin-top:6px'>{escape(self._t('perfection.brief_tips'))}<ul style='margin:2px 0'>"
                     f"{tips}</ul></div>") if tips else ""
        title = escape(self._t("perfection.preview_title", seconds=perfection.BRIEF_SECONDS))
        return (f"<div class='stagetok-brief' style='border:1px solid #ddd;padding:8px;max-width:640px'>"
                f"<b>{title}</b><table style='margin-top:4px'>{''.join(lines)}</table>{tips_html}</div>{status}")
