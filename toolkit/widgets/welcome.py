"""The welcome step: what TikTok is, who uses it in the Netherlands, and the team names itself."""

from __future__ import annotations

import math

import ipywidgets as widgets
import traitlets

from toolkit import examples, workbook
from toolkit.i18n import TextError, format_int, format_percent, t
from toolkit.regions import NATIONAL, regions
from toolkit.team import check_line, tiktok_figures
from toolkit.widgets.common import ToolModel, ToolView, fixed_look
from toolkit.widgets.markup import escape

#: The parts of TikTok the welcome step explains, in order (catalogue keys ``welcome.part.<id>``).
PARTS = ("for_you", "sounds", "hashtags", "challenges", "duets")


class WelcomeModel(ToolModel):
    """The team as it names itself: team name, company, sector and region (the code comes from the workshop)."""

    code = traitlets.Unicode("", help="The team's code, shown so the team can write it down.")
    team_name = traitlets.Unicode("", help="The team's own name.")
    company = traitlets.Unicode("", help="The company the team works for.")
    sector = traitlets.Unicode("", help="The company's sector or trade, in the team's words.")
    region = traitlets.Unicode(NATIONAL, help="Nederland or a province.")

    sections = ("team",)

    @traitlets.validate("region")
    def _validate_region(self, proposal):
        if proposal["value"] not in regions():
            raise traitlets.TraitError(f"Unknown region {proposal['value']!r}.")
        return proposal["value"]

    def set_field(self, name: str, text: str) -> bool:
        """Set ``team_name``, ``company`` or ``sector`` from what the team typed; refused text keeps the old."""
        if name not in ("team_name", "company", "sector"):
            raise ValueError(f"Not a text field of the team: {name!r}")
        if self._apply(name, lambda: {name: check_line(text)}):
            self.is_example = False
            self.revision += 1
            return True
        return False

    def set_region(self, region: str) -> bool:
        """Choose the region the company recruits in."""
        def values():
            if region not in regions():
                raise TextError("team.bad_region")
            return {"region": region}

        if self._apply("region", values):
            self.revision += 1
            return True
        return False

    def load_example(self) -> None:
        """The invented example garage, as a team would fill it in."""
        with self.hold_trait_notifications():
            self.team_name, self.company, self.sector = "Team Werkplaats", examples.COMPANY, "autotechniek"
            self.region, self.problems, self.is_example = NATIONAL, {}, True
        self.revision += 1

    def start_empty(self) -> None:
        """Empty fields: the team fills in its own."""
        with self.hold_trait_notifications():
            self.team_name = self.company = self.sector = ""
            self.region, self.problems, self.is_example = NATIONAL, {}, False
        self.revision += 1

    def to_sections(self) -> dict[str, object]:
        """The team as the workbook's ``team`` section (with the code the workshop gave it)."""
        region = "" if self.region == NATIONAL else self.region
        return {"team": workbook.Team(name=self.team_name, code=self.code, company=self.company,
                                      sector=self.sector, region=region)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the team from the workbook."""
        team = book.team
        with self.hold_trait_notifications():
            self.code = team.code
            self.team_name, self.company, self.sector = (team.name[:200], team.company[:200], team.sector[:200])
            self.region = team.region if team.region in regions() else NATIONAL
            self.problems, self.notice, self.is_example = {}, ("", {}), False
        self.revision += 1


def figures_html(lang: str) -> str:
    """TikTok's users in the Netherlands as a small table: old next to new, each with its source."""
    rows = []
    for row in tiktok_figures().itertuples(index=False):
        users = "" if math.isnan(row.users) else format_int(row.users, lang)
        if not math.isnan(row.daily_users):
            daily = format_int(row.daily_users, lang)
        elif not math.isnan(row.daily_share):
            daily = t("welcome.daily_share", lang=lang, share=format_percent(row.daily_share, lang=lang))
        else:
            daily = ""
        if not math.isnan(row.growth):
            users = t("welcome.growth", lang=lang, growth=format_int(row.growth, lang))
        who = t("welcome.by_newcom" if row.who == "newcom" else "welcome.by_tiktok", lang=lang)
        rows.append(f"<tr><td>{row.year}</td><td>{escape(who)}</td><td style='text-align:right'>{escape(users)}</td>"
                    f"<td style='text-align:right'>{escape(daily)}</td><td style='color:#555;font-size:90%'>"
                    f"{escape(row.cite)}</td></tr>")
    head = "".join(f"<th style='text-align:left;padding-right:12px'>{escape(t(key, lang=lang))}</th>"
                   for key in ("welcome.col_year", "welcome.col_who", "welcome.col_users", "welcome.col_daily",
                               "welcome.col_source"))
    return (f"<table class='stagetok-figures' style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


class WelcomeStep(ToolView):
    """What TikTok is, TikTok's figures in the Netherlands, and the team's name, company and region."""

    title_key, intro_key, example_key, label_width = "welcome.title", "welcome.intro", "welcome.example_note", "150px"

    def __init__(self, model: WelcomeModel | None = None, **kwargs):
        super().__init__(model or WelcomeModel(), **kwargs)
        wide = {"width": "100%", "max_width": "480px"}
        self._parts = fixed_look(widgets.HTML)
        self._figures = fixed_look(widgets.HTML)
        self._figures_note = self._static_text("welcome.figures_note", tag="p")
        self._figures_note.add_class("stagetok-assumption")
        self._code = fixed_look(widgets.HTML)
        self._fields = {}
        for name, key, placeholder in (
                ("team_name", "welcome.team_name", "welcome.team_name_placeholder"),
                ("company", "welcome.company", "welcome.company_placeholder"),
                ("sector", "welcome.sector", "welcome.sector_placeholder")):
            field = self._input(widgets.Text, key, placeholder=placeholder, continuous_update=False, layout=wide)
            self._fields[name] = self._link(name, field, action=lambda value, name=name: self.model.set_field(
                name, value))
        self._region = self._link("region", self._input(widgets.Dropdown, "welcome.region", options=regions(),
                                                        layout=wide), action=self.model.set_region)
        self._messages = fixed_look(widgets.HTML)
        self._lay_out(
            self._heading("welcome.what_heading"), self._parts,
            self._heading("welcome.figures_heading"), self._figures, self._figures_note,
            self._heading("welcome.team_heading"), self._code, *self._fields.values(), self._region, self._messages,
        )
        model = self.model
        model.observe(lambda change: self._render(), "code")
        self._start("stagetok-welcome")

    def _on_language_extra(self) -> None:
        lang = self.model.language
        items = "".join(f"<li><b>{escape(self._t(f'welcome.part.{part}'))}</b> "
                        f"{escape(self._t(f'welcome.part.{part}.text'))}</li>" for part in PARTS)
        self._parts.value = f"<ul>{items}</ul>"
        self._figures.value = figures_html(lang)

    def _render(self) -> None:
        code = self.model.code
        if code:
            self._code.value = (f"<div class='stagetok-team-code' style='font-size:120%;margin:4px 0'>"
                                f"{escape(self._t('welcome.code'))} <b style='font-family:monospace;font-size:130%'>"
                                f"{escape(code)}</b><br><span style='color:#555'>"
                                f"{escape(self._t('welcome.code_hint'))}</span></div>")
        else:
            self._code.value = ""

    def _show_problems(self) -> None:
        self._messages.value = self._problem_html("team_name", "company", "sector", "region")
