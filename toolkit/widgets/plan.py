"""The last step: the team's next actions, and the whole workbook as a plan to take home."""

from __future__ import annotations

import dataclasses
import datetime as _dt

import ipywidgets as widgets
import traitlets

from toolkit import journey, plan, workbook
from toolkit.i18n import t
from toolkit.team import check_line
from toolkit.widgets.common import ToolModel, ToolView, fixed_look, guarded
from toolkit.widgets.markup import download_html, escape, message_html

#: Actions a plan holds.
ACTIONS = 3
#: Longest action, in characters.
MAX_ACTION = 200


#: The workbook section a step fills, where its name is not the step's id.
_SECTION = {"welcome": "team", "irony": "ideas", "content": "challenge"}


def filled_steps(book: workbook.Workbook) -> list[tuple[str, bool]]:
    """For each step: its id and whether the team filled in anything of it."""
    empty = workbook.Workbook()

    def filled(step_id: str) -> bool:
        if step_id == "welcome":  # the code alone is not the team's doing
            return bool(book.team.name or book.team.company or book.team.sector)
        name = _SECTION.get(step_id, step_id)
        return getattr(book, name) != getattr(empty, name)

    return [(step.id, filled(step.id)) for step in journey.STEPS]


class PlanModel(ToolModel):
    """The team's actions, who owns the account, when the first video goes out; and the whole workbook."""

    actions = traitlets.List(traitlets.Unicode(), help=f"The team's next {ACTIONS} actions (empty texts allowed).")
    owner = traitlets.Unicode("", help="Who looks after the account.")
    first_post = traitlets.Unicode("", help="Date of the first video, ISO (2027-01-15), or empty.")
    book = traitlets.Instance(workbook.Workbook, help="The team's whole workbook, as the workshop last saved it.")

    sections = ("plan",)
    #: The plan shows every step: the workshop gives it the whole workbook each time the step opens.
    reads_workbook = True

    @traitlets.default("actions")
    def _default_actions(self):
        return [""] * ACTIONS

    @traitlets.default("book")
    def _default_book(self):
        return workbook.Workbook()

    def set_action(self, index: int, text: str) -> bool:
        """Set action ``index`` (0, 1, 2) from what the team typed; refused text keeps the old."""
        index = int(index)
        if not 0 <= index < ACTIONS:
            raise ValueError(f"An action number from 0 to {ACTIONS - 1}, not {index}.")

        def values():
            actions = list(self.actions)
            actions[index] = check_line(text, MAX_ACTION)
            return {"actions": actions}

        return self._changed(self._apply(f"action:{index}", values))

    def set_owner(self, text: str) -> bool:
        """Who looks after the account."""
        return self._changed(self._apply("owner", lambda: {"owner": check_line(text)}))

    def set_first_post(self, day: _dt.date | None) -> bool:
        """The date of the first video (or None)."""
        return self._changed(self._apply("first_post", lambda: {"first_post": day.isoformat() if day else ""}))

    def _changed(self, accepted: bool) -> bool:
        if accepted:
            self.is_example = False
            self.revision += 1
        return accepted

    def load_example(self) -> None:
        """Invented actions of the example garage."""
        with self.hold_trait_notifications():
            self.actions = [t(key, lang=self.language) for key in (
                "planstep.example_action1", "planstep.example_action2", "planstep.example_action3")]
            self.owner, self.first_post, self.is_example = t("planstep.example_owner", lang=self.language), "", True
        self.revision += 1

    def start_empty(self) -> None:
        """No actions yet."""
        with self.hold_trait_notifications():
            self.actions, self.owner, self.first_post = [""] * ACTIONS, "", ""
            self.problems, self.is_example = {}, False
        self.revision += 1

    def to_sections(self) -> dict[str, object]:
        """The actions as the workbook's ``plan`` section (empty actions left out)."""
        return {"plan": workbook.Plan(actions=tuple(action for action in self.actions if action),
                                      owner=self.owner, first_post=self.first_post)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the actions from the workbook, and keep the whole workbook for the plan."""
        section = book.plan
        actions = [action[:MAX_ACTION] for action in section.actions[:ACTIONS]]
        try:
            first = _dt.date.fromisoformat(section.first_post).isoformat() if section.first_post else ""
        except ValueError:
            first = ""
        with self.hold_trait_notifications():
            self.book = book
            self.actions = actions + [""] * (ACTIONS - len(actions))
            self.owner, self.first_post = section.owner[:200], first
            self.problems, self.notice, self.is_example = {}, ("", {}), False
        self.revision += 1

    def whole(self) -> workbook.Workbook:
        """The workbook with this step's latest actions in it."""
        return dataclasses.replace(self.book, **self.to_sections())

    def html(self) -> str:
        """The plan as one standalone HTML page (see :func:`toolkit.plan.to_html`)."""
        return plan.to_html(self.whole(), lang=self.language)

    def markdown(self) -> str:
        """The plan as Markdown (see :func:`toolkit.plan.to_markdown`)."""
        return plan.to_markdown(self.whole(), lang=self.language)


class PlanStep(ToolView):
    """What the team filled in, its next actions, and the plan to download."""

    title_key, intro_key, example_key = "planstep.title", "planstep.intro", "planstep.example_note"
    label_width = "190px"

    def __init__(self, model: PlanModel | None = None, **kwargs):
        super().__init__(model or PlanModel(), **kwargs)
        wide = {"width": "100%", "max_width": "560px"}
        self._overview = fixed_look(widgets.HTML)
        self._actions = []
        for index in range(ACTIONS):
            field = self._input(widgets.Text, f"planstep.action{index + 1}", continuous_update=False, layout=wide)
            self._actions.append(self._link("actions", field, to_widget=lambda actions, i=index: actions[i],
                                            action=lambda value, i=index: self.model.set_action(i, value)))
        self._owner = self._link("owner", self._input(widgets.Text, "planstep.owner", continuous_update=False,
                                                      layout=wide), action=self.model.set_owner)
        self._first_post = self._link(
            "first_post", self._input(widgets.DatePicker, "planstep.first_post", layout={"width": "auto"}),
            to_widget=lambda text: _dt.date.fromisoformat(text) if text else None, action=self.model.set_first_post)
        self._messages = fixed_look(widgets.HTML)
        self._make = self._text(fixed_look(widgets.Button, button_style="primary", icon="file-text",
                                           layout={"width": "auto"}), "planstep.make", "description")
        self._links = fixed_look(widgets.HTML)
        self._lay_out(self._heading("planstep.overview"), self._overview,
                      self._heading("planstep.actions"), *self._actions, self._owner, self._first_post, self._messages,
                      self._heading("planstep.take_home"), self._static_text("planstep.take_home_text", tag="p"),
                      self._make, self._links)
        self._make.on_click(self._on_make)
        self.model.observe(lambda change: self._forget_links(), "revision")
        self._start("stagetok-plan-step")

    @guarded
    def _on_make(self, button=None):
        whole = self.model.whole()
        html_name, md_name = plan.filename(whole, "html"), plan.filename(whole, "md")
        self._links.value = (download_html(self.model.html().encode("utf-8"), html_name, "text/html", self._t(
                             "planstep.download_html")) + download_html(self.model.markdown().encode("utf-8"), md_name,
                                                                 "text/markdown", self._t("planstep.download_md"))
                             + message_html([("info", self._t("planstep.print_hint"))]))

    def _forget_links(self) -> None:
        self._links.value = ""

    def _render(self) -> None:
        items = []
        for step_id, filled in filled_steps(self.model.whole()):
            mark, status = ("✔", "planstep.filled") if filled else ("○", "planstep.open")
            items.append(f"<li style='list-style:none'>{mark} {escape(self._t(f'step.{step_id}.title'))} "
                         f"<span style='color:#555'>({escape(self._t(status))})</span></li>")
        self._overview.value = f"<ul style='padding-left:4px'>{''.join(items)}</ul>"

    def _show_problems(self) -> None:
        self._messages.value = self._problem_html("action", "owner", "first_post")
