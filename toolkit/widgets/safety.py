"""Safe and lawful: a model over :mod:`toolkit.safety` and a view with the grouped checklist and the account policy."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from toolkit import examples, safety, workbook
from toolkit.i18n import TextError, t
from toolkit.safety import MAX_OWNER, MAX_POLICY
from toolkit.widgets.common import ToolModel, ToolView, fixed_look, guarded
from toolkit.widgets.markup import escape, message_html
from toolkit.widgets.perfection import formatted

#: The invented example: what the example garage has arranged, who owns its account, no policy yet.
EXAMPLE_CHECKS = ("min_age", "private_13_15", "personal_data", "explicit_consent", "company_owns")
EXAMPLE_OWNER = f"{examples.COMPANY}; het wachtwoord beheert de eigenaar van de garage"


class SafetyCheckModel(ToolModel):
    """The safety checklist: what the team has arranged, who owns the account, and its account policy.

    ``still_open`` (the items not arranged yet) follows from ``checks``. A participant's input goes through
    :meth:`set_check`, :meth:`set_owner`, :meth:`set_policy` and :meth:`use_template`; a text that
    does not fit is refused with a problem and the earlier value stays.
    """

    checks = traitlets.Tuple(help="Ids of the items the team has arranged, in checklist order.")
    account_owner = traitlets.Unicode("", help="Who owns the account and keeps its password, in the team's words.")
    policy = traitlets.Unicode("", help="The team's account policy (several lines).")
    still_open = traitlets.Tuple(help="Ids of the items not arranged yet, in checklist order.")

    sections = ("safety",)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._recalculate()

    @traitlets.validate("checks")
    def _validate_checks(self, proposal):
        try:
            return safety.check_checks(proposal["value"])
        except TextError as error:
            raise traitlets.TraitError(str(error)) from error

    @traitlets.validate("account_owner", "policy")
    def _validate_text(self, proposal):
        limit = MAX_OWNER if proposal["trait"].name == "account_owner" else MAX_POLICY
        if len(proposal["value"]) > limit:
            raise traitlets.TraitError(f"{proposal['trait'].name} is longer than {limit} characters.")
        return proposal["value"]

    @traitlets.observe("checks", "account_owner", "policy")
    def _on_inputs(self, change):
        self._recalculate()
        self.revision += 1

    def _recalculate(self) -> None:
        self.still_open = tuple(safety.open_items(self.checks)["id"])

    # --- the team's workbook --------------------------------------------------------------------
    def to_sections(self) -> dict[str, object]:
        """What is arranged, the account's owner and the policy as the workbook's ``safety`` section."""
        return {"safety": workbook.Safety(checks=tuple(self.checks), account_owner=self.account_owner,
                                          policy=self.policy)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the checks, owner and policy from the workbook; items no longer on the list are left out."""
        section = book.safety
        known = set(safety.item_ids())
        with self.hold_trait_notifications():
            self.checks = tuple(item for item in section.checks if item in known)
            self.account_owner = section.account_owner[:MAX_OWNER]
            self.policy = section.policy[:MAX_POLICY]
            self.problems, self.notice, self.is_example = {}, ("", {}), False
        self.revision += 1

    # --- actions ----------------------------------------------------------------------------------
    def load_example(self) -> None:
        """Where the invented garage stands: a few items arranged, an owner, no policy yet (an example)."""
        with self.hold_trait_notifications():
            self.checks, self.account_owner, self.policy = EXAMPLE_CHECKS, EXAMPLE_OWNER, ""
            self.problems, self.notice, self.is_example = {}, ("", {}), True

    def start_empty(self) -> None:
        """Nothing arranged, no owner, no policy."""
        with self.hold_trait_notifications():
            self.checks, self.account_owner, self.policy = (), "", ""
            self.problems, self.notice, self.is_example = {}, ("", {}), False
        self.revision += 1

    def set_check(self, item: str, checked: bool) -> bool:
        """Mark one item as arranged or not; an unknown item is refused with a problem."""
        def values():
            safety.check_checks((item,))
            current = set(self.checks) | {item} if checked else set(self.checks) - {item}
            return {"checks": safety.check_checks(current)}

        return self._apply("checks", values)

    def set_checks(self, items) -> bool:
        """Mark exactly ``items`` as arranged; an unknown id is refused and nothing changes."""
        return self._apply("checks", lambda: {"checks": safety.check_checks(items)})

    def set_owner(self, text: str) -> bool:
        """Who owns the account, as the team typed it; a text that does not fit keeps the old one."""
        return self._apply("account_owner", lambda: {"account_owner": safety.check_owner(text)})

    def set_policy(self, text: str) -> bool:
        """The account policy, as the team typed it; a text that does not fit keeps the old one."""
        if not self._apply("policy", lambda: {"policy": safety.check_policy(text)}):
            return False
        if self.notice[0] == "safety.template_used":
            self.notice = ("", {})
        return True

    def use_template(self) -> bool:
        """Put the policy template (in the model's language) into an empty policy; a written policy stays."""
        if self.policy.strip():
            self._set_problems("policy", [("safety.template_not_empty", {})])
            return False
        if self._apply("policy", lambda: {"policy": safety.check_policy(t("safety.template", lang=self.language))}):
            self.notice = ("safety.template_used", {})
            return True
        return False


class SafetyCheck(ToolView):
    """The safety checklist grouped with sources, the account's owner and policy, and what is still open."""

    title_key, intro_key, example_key, label_width = "safety.title", "safety.intro", "safety.example_note", "190px"

    def __init__(self, model: SafetyCheckModel | None = None, **kwargs):
        super().__init__(model or SafetyCheckModel(), **kwargs)
        self._disclaimer = fixed_look(widgets.HTML)
        self._group_headings: dict[str, widgets.HTML] = {}
        self._boxes: dict[str, widgets.Checkbox] = {}
        self._labels: dict[str, widgets.HTML] = {}
        table = safety.checklist()
        rows = []
        for group in safety.GROUPS:
            heading = fixed_look(widgets.HTML)
            self._group_headings[group] = heading
            rows.append(heading)
            for item in table.loc[table["group"] == group, "id"]:
                box = fixed_look(widgets.Checkbox, indent=False, layout={"width": "32px", "flex": "0 0 auto"})
                self._link("checks", box, to_widget=lambda checks, item=item: item in checks,
                           action=lambda value, item=item: self.model.set_check(item, bool(value)))
                box.add_class(f"stagetok-check-{item}")
                label = fixed_look(widgets.HTML, layout={"flex": "1 1 auto"})
                self._boxes[item], self._labels[item] = box, label
                rows.append(fixed_look(widgets.HBox, [box, label], layout={"align_items": "flex-start"}))
        self._checks_messages = fixed_look(widgets.HTML)
        self._owner = self._link("account_owner", self._input(
            widgets.Text, "safety.owner", placeholder="safety.owner_hint", continuous_update=False,
            layout={"width": "100%", "max_width": "640px"}), action=self.model.set_owner)
        self._owner_messages = fixed_look(widgets.HTML)
        self._policy = self._link("policy", self._input(
            widgets.Textarea, "safety.policy", placeholder="safety.policy_hint", continuous_update=False,
            layout={"width": "100%", "max_width": "640px", "height": "150px"}), action=self.model.set_policy)
        self._template = self._text(fixed_look(widgets.Button, layout={"width": "auto"}), "safety.use_template",
                                    "description")
        self._template.on_click(self._on_template)
        self._policy_messages = fixed_look(widgets.HTML)
        self._open = fixed_look(widgets.HTML)
        self._lay_out(
            self._disclaimer,
            self._heading("safety.step_checks"), *rows, self._checks_messages,
            self._heading("safety.step_account"), self._owner, self._owner_messages,
            self._policy, fixed_look(widgets.HBox, [self._template]), self._policy_messages,
            self._heading("safety.step_open"), self._open,
        )
        self._start("stagetok-safety")

    # --- participant actions -------------------------------------------------------------------------
    @guarded
    def _on_template(self, button=None):
        self.model.use_template()

    # --- model -> view -------------------------------------------------------------------------------
    def _on_language_extra(self) -> None:
        lang = self.model.language
        self._disclaimer.value = message_html([("warning", self._t("safety.not_legal_advice"))])
        for group, heading in self._group_headings.items():
            heading.value = f"<h4 style='margin:10px 0 2px'>{escape(self._t(safety.GROUP_KEYS[group]))}</h4>"
        table = safety.checklist().set_index("id")
        for item, label in self._labels.items():
            text = table.loc[item, f"text_{lang}"]
            label.value = (f"<div class='stagetok-item'>{escape(text)}<br><span class='stagetok-source' "
                           f"style='color:#555;font-size:85%'>{escape(self._source(table.loc[item, 'source']))}"
                           f"</span></div>")
            self._boxes[item].tooltip = text

    def _source(self, source: str) -> str:
        return self._t("safety.source", source=self._t("safety.advice") if source == safety.ADVICE else source)

    def _render(self) -> None:
        model, lang = self.model, self.model.language
        table = safety.checklist().set_index("id")
        messages = []
        if model.still_open:
            messages.append(("info", self._t("safety.open_count", open=len(model.still_open), total=len(table))))
        else:
            messages.append(("ok", self._t("safety.all_done")))
        if not model.account_owner.strip():
            messages.append(("warning", self._t("safety.no_owner")))
        if not model.policy.strip():
            messages.append(("warning", self._t("safety.no_policy")))
        groups = []
        for group in safety.GROUPS:
            items = [item for item in model.still_open if table.loc[item, "group"] == group]
            if items:
                entries = "".join(f"<li>{escape(table.loc[item, f'text_{lang}'])}</li>" for item in items)
                groups.append(f"<b>{escape(self._t(safety.GROUP_KEYS[group]))}</b><ul style='margin:2px 0 6px'>"
                              f"{entries}</ul>")
        self._open.value = message_html(messages) + f"<div class='stagetok-open'>{''.join(groups)}</div>"

    def _problem_html(self, *fields: str, level: str = "error") -> str:
        """The open problems of ``fields`` as escaped message boxes, numbers in the reader's format."""
        lang = self.model.language
        return message_html([(level, self._t(key, **formatted(params, lang)))
                             for key, params in self.model.problems_of(*fields)])

    def _show_problems(self) -> None:
        self._checks_messages.value = self._problem_html("checks")
        self._owner_messages.value = self._problem_html("account_owner")
        self._policy_messages.value = self._problem_html("policy") or self._notice_html("safety.template_used")
