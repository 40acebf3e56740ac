"""The talent pipeline planner: a model over :mod:`toolkit.pipeline` and a view that lays it out."""

from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from toolkit import pipeline
from toolkit.pipeline import parse_interns
from toolkit.regions import NATIONAL, region_share, regions
from toolkit.charts import funnel_chart, pipeline_timeline_chart
from toolkit.i18n import TextError, format_int, t
from toolkit.widgets.common import (
    ToolModel,
    ToolView,
    clear_chart,
    escape,
    guarded,
    language_switch,
    message_html,
    show_chart,
)

#: Most offers a plan holds.
MAX_OFFERS = 10
#: How far ahead a plan may look, in school years.
HORIZON = 12
#: Default funnel step rates: assumptions, shown as such on screen.
DEFAULT_FUNNEL = {"follows": 0.10, "applies": 0.05, "starts": 0.50}


class PipelinePlannerModel(ToolModel):
    """State of the planner: offers, region and funnel in; the plan out."""

    now = traitlets.Int(help="The school year now (the year it starts in).")
    offers = traitlets.List(traitlets.Dict(), help="Internships offered: internship, education, interns, first_year, last_year.")
    region = traitlets.Unicode(NATIONAL, help="Nederland or a province.")
    follows = traitlets.Float(DEFAULT_FUNNEL["follows"], help="Share of reached pupils that follows the company.")
    applies = traitlets.Float(DEFAULT_FUNNEL["applies"], help="Share of followers that applies.")
    starts = traitlets.Float(DEFAULT_FUNNEL["starts"], help="Share of applicants that starts.")
    mbo4_k = traitlets.Float(help="Share of vmbo-k pupils going to mbo that starts at level 4 (assumption).")
    mbo4_gt = traitlets.Float(help="Share of vmbo-g/t pupils going to mbo that starts at level 4 (assumption).")
    plan = traitlets.Instance(pd.DataFrame, help="Pupils to reach per offer, school year and cohort.")
    revision = traitlets.Int(0, help="Counts finished recalculations; views redraw on it.")

    def __init__(self, **kwargs):
        defaults = pipeline.default_assumptions()
        kwargs.setdefault("now", pipeline.current_school_year())
        kwargs.setdefault("mbo4_k", defaults.mbo4_share["vmbo-k"])
        kwargs.setdefault("mbo4_gt", defaults.mbo4_share["vmbo-t"])
        super().__init__(**kwargs)
        self._defaults = defaults
        self._refresh()

    # --- actions ---------------------------------------------------------------------------
    def add_offer(self, internship: str, education: str, interns_text: str, first_year: int, last_year: int) -> bool:
        """Add an offer; on a problem record it under ``"offer"`` and change nothing."""
        try:
            if internship not in pipeline.INTERNSHIPS:
                raise TextError("pipeline.bad_internship", value=str(internship)[:40],
                                internships=", ".join(pipeline.INTERNSHIPS))
            interns = parse_interns(interns_text)
            first, last = int(first_year), int(last_year)
            if not self.now <= first <= last <= self.now + HORIZON:
                raise TextError("planner.bad_years", first=self.now, last=self.now + HORIZON)
            if len(self.offers) >= MAX_OFFERS:
                raise TextError("planner.too_many_offers", max=MAX_OFFERS)
        except TextError as error:
            self._set_problems("offer", [(error.key, error.params)])
            return False
        education = education if internship.startswith("mbo") and education in pipeline.EDUCATIONS else ""
        self._set_problems("offer", [])
        self.offers = [*self.offers, {"internship": internship, "education": education, "interns": interns,
                                      "first_year": first, "last_year": last}]
        self._refresh()
        return True

    def remove_offer(self, index: int) -> None:
        if 0 <= index < len(self.offers):
            self.offers = [offer for i, offer in enumerate(self.offers) if i != index]
            self._refresh()

    def set_region(self, region: str) -> None:
        if region not in regions():
            self._set_problems("region", [("planner.bad_region", {})])
            return
        self._set_problems("region", [])
        self.region = region
        self._refresh()

    def set_funnel(self, follows: float, applies: float, starts: float) -> bool:
        """Change the funnel rates (0..1); refused rates leave the old ones in place."""
        try:
            pipeline.conversion_of(follows, applies, starts)
        except TextError as error:
            self._set_problems("funnel", [(error.key, error.params)])
            return False
        self._set_problems("funnel", [])
        with self.hold_trait_notifications():
            self.follows, self.applies, self.starts = float(follows), float(applies), float(starts)
        self._refresh()
        return True

    def set_mbo_split(self, mbo4_k: float, mbo4_gt: float) -> bool:
        try:
            self.assumptions(mbo4_k, mbo4_gt)
        except TextError as error:
            self._set_problems("assumptions", [(error.key, error.params)])
            return False
        self._set_problems("assumptions", [])
        with self.hold_trait_notifications():
            self.mbo4_k, self.mbo4_gt = float(mbo4_k), float(mbo4_gt)
        self._refresh()
        return True

    # --- derived ---------------------------------------------------------------------------
    def assumptions(self, mbo4_k: float | None = None, mbo4_gt: float | None = None) -> pipeline.Assumptions:
        k = self.mbo4_k if mbo4_k is None else mbo4_k
        gt = self.mbo4_gt if mbo4_gt is None else mbo4_gt
        split = {**self._defaults.mbo4_share, "vmbo-k": k, "vmbo-g": gt, "vmbo-t": gt}
        return self._defaults.with_changes(mbo4_share=split)

    @property
    def region_share(self) -> float:
        return region_share(self.region)

    @property
    def conversion(self) -> float:
        return self.follows * self.applies * self.starts

    def cohorts(self) -> list[tuple[str, int]]:
        """Cohorts of today that appear in the plan, youngest first."""
        if self.plan.empty:
            return []
        pairs = self.plan[["age", "track", "grade"]].drop_duplicates().sort_values(["age", "track", "grade"])
        return [(row.track, int(row.grade)) for row in pairs.itertuples()]

    def timeline(self) -> pd.DataFrame:
        internships = tuple(dict.fromkeys(offer["internship"] for offer in self.offers))
        return pipeline.timeline(self.cohorts(), self.now, assumptions=self.assumptions(), internships=internships)

    def funnel(self) -> pd.DataFrame:
        """Funnel for one year of all offers together (the busiest year)."""
        per_year: dict[int, int] = {}
        for offer in self.offers:
            for year in range(offer["first_year"], offer["last_year"] + 1):
                per_year[year] = per_year.get(year, 0) + offer["interns"]
        interns = max(per_year.values(), default=0)
        return pipeline.funnel(interns, self.follows, self.applies, self.starts)

    def sentences(self) -> list[str]:
        lines = []
        for offer in self.offers:
            rows = self.plan[self.plan["offer"] == self._label(offer)]
            for track, grade in rows[["track", "grade"]].drop_duplicates().itertuples(index=False):
                line = pipeline.explain_cohort(track, int(grade), offer["internship"], self.now,
                                               lang=self.language, assumptions=self.assumptions())
                if line and line not in lines:
                    lines.append(line)
        return lines

    def _label(self, offer: dict) -> str:
        education = f" {offer['education']}" if offer["education"] else ""
        return f"{offer['interns']} × {offer['internship']}{education} {offer['first_year']}–{offer['last_year']}"

    def offer_labels(self) -> list[str]:
        return [self._label(offer) for offer in self.offers]

    def _refresh(self) -> None:
        frames = []
        try:
            a = self.assumptions()
            for offer in self.offers:
                for year in range(offer["first_year"], offer["last_year"] + 1):
                    rows = pipeline.reach_needed(
                        offer["internship"], offer["interns"], year, conversion=self.conversion,
                        region_share=self.region_share, educations=(offer["education"],) if offer["education"] else None,
                        now=self.now, assumptions=a,
                    )
                    frames.append(rows.assign(offer=self._label(offer), school_year=year, interns=offer["interns"]))
            self._set_problems("plan", [])
        except TextError as error:
            self._set_problems("plan", [(error.key, error.params)])
            frames = []
        columns = ["offer", "school_year", "interns", "track", "grade", "age", "share", "pupils_to_reach",
                   "cohort_size", "feasible", "size_assumed", "routes"]
        frames = [f for f in frames if not f.empty]
        self.plan = pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)
        self.revision += 1



class PipelinePlanner(ToolView):
    """The planner view: lays out widgets and passes what a participant does to the model."""

    def __init__(self, model: PipelinePlannerModel | None = None, **kwargs):
        super().__init__(**kwargs)
        self.model = model or PipelinePlannerModel()
        self.last_timeline: alt.TopLevelMixin | None = None
        self.last_funnel: alt.TopLevelMixin | None = None
        now = self.model.now
        wide = widgets.Layout(width="100%", max_width="520px")
        self._language = language_switch(self.model.language)
        self._title, self._intro = widgets.HTML(), widgets.HTML()
        self._step1, self._step2, self._step3 = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self._internship = widgets.Dropdown(layout=wide)
        self._education = widgets.Dropdown(layout=wide)
        self._interns = widgets.Text(value="2", continuous_update=False, layout=widgets.Layout(width="260px"))
        self._years = widgets.IntRangeSlider(min=now, max=now + HORIZON, value=(now + 2, now + 4), layout=wide)
        self._add = widgets.Button(button_style="primary", layout=widgets.Layout(width="auto"))
        self._offer_messages = widgets.HTML()
        self._offers = widgets.Select(rows=4, layout=wide)
        self._remove = widgets.Button(layout=widgets.Layout(width="auto"))
        self._region = widgets.Dropdown(options=regions(), value=self.model.region, layout=wide)
        self._region_note = widgets.HTML()
        slider = dict(min=0.0, max=100.0, step=0.5, readout_format=".1f", continuous_update=False, layout=wide)
        self._follows = widgets.FloatSlider(value=self.model.follows * 100, **slider)
        self._applies = widgets.FloatSlider(value=self.model.applies * 100, **slider)
        self._starts = widgets.FloatSlider(value=self.model.starts * 100, **slider)
        self._funnel_note = widgets.HTML()
        self._funnel_messages = widgets.HTML()
        self._mbo4_k = widgets.FloatSlider(value=self.model.mbo4_k * 100, **slider)
        self._mbo4_gt = widgets.FloatSlider(value=self.model.mbo4_gt * 100, **slider)
        self._assumption_note = widgets.HTML()
        self._result_messages = widgets.HTML()
        self._sentences = widgets.HTML()
        self._table = widgets.HTML()
        self._timeline = widgets.Output()
        self._funnel = widgets.Output()

        self.children = [
            widgets.HBox([self._title, self._language], layout=widgets.Layout(justify_content="space-between", align_items="center")),
            self._intro, self._general_messages,
            self._step1, self._internship, self._education, self._interns, self._years,
            widgets.HBox([self._add]), self._offer_messages, self._offers, widgets.HBox([self._remove]),
            self._step2, self._region, self._region_note,
            self._follows, self._applies, self._starts, self._funnel_note, self._funnel_messages,
            self._mbo4_k, self._mbo4_gt, self._assumption_note,
            self._step3, self._result_messages, self._sentences, self._table, self._timeline, self._funnel,
        ]
        self.layout.max_width = "960px"
        self.add_class("stagetok-pipeline-planner")

        self._language.observe(self._on_language, "value")
        self._internship.observe(self._on_internship, "value")
        self._add.on_click(self._on_add)
        self._remove.on_click(self._on_remove)
        self._region.observe(self._on_region, "value")
        for box in (self._follows, self._applies, self._starts):
            box.observe(self._on_funnel, "value")
        for box in (self._mbo4_k, self._mbo4_gt):
            box.observe(self._on_split, "value")
        self.model.observe(self._on_plan, "revision")
        self.model.observe(self._on_problems, "problems")

        self._apply_language()
        self._on_plan()

    # --- participant actions ---------------------------------------------------------------
    @guarded
    def _on_language(self, change=None):
        self.model.language = self._language.value
        self._apply_language()
        self._on_plan()

    @guarded
    def _on_internship(self, change=None):
        mbo = str(self._internship.value).startswith("mbo")
        self._education.disabled = not mbo
        if not mbo:
            self._education.value = ""

    @guarded
    def _on_add(self, button=None):
        lo, hi = self._years.value
        self.model.add_offer(self._internship.value, self._education.value, self._interns.value, lo, hi)

    @guarded
    def _on_remove(self, button=None):
        if self._offers.index is not None:
            self.model.remove_offer(self._offers.index)

    @guarded
    def _on_region(self, change=None):
        self.model.set_region(self._region.value)
        self._region_note.value = self._region_text()

    @guarded
    def _on_funnel(self, change=None):
        self.model.set_funnel(self._follows.value / 100, self._applies.value / 100, self._starts.value / 100)
        self._funnel_note.value = self._funnel_text()

    @guarded
    def _on_split(self, change=None):
        self.model.set_mbo_split(self._mbo4_k.value / 100, self._mbo4_gt.value / 100)

    # --- model -> view ---------------------------------------------------------------------
    @guarded
    def _on_plan(self, change=None):
        lang = self.model.language
        labels = self.model.offer_labels()
        if list(self._offers.options) != labels:
            self._offers.options = labels
        self._remove.disabled = not labels
        plan = self.model.plan
        if not self.model.offers:
            self._result_messages.value = message_html([("info", t("planner.no_offers", lang=lang))])
            self._sentences.value = self._table.value = ""
            clear_chart(self._timeline)
            clear_chart(self._funnel)
            self.last_timeline = self.last_funnel = None
            return
        if plan.empty:
            self._result_messages.value = message_html([("warning", t("planner.no_cohorts", lang=lang))])
        elif not plan["feasible"].all():
            self._result_messages.value = message_html([("warning", t("planner.some_infeasible", lang=lang))])
        else:
            self._result_messages.value = ""
        items = "".join(f"<li>{escape(line)}</li>" for line in self.model.sentences())
        self._sentences.value = f"<ul class='stagetok-sentences'>{items}</ul>" if items else ""
        self._table.value = self._table_html(plan)
        if not plan.empty:
            self.last_timeline = pipeline_timeline_chart(self.model.timeline(), lang=lang)
            show_chart(self._timeline, self.last_timeline)
        else:
            clear_chart(self._timeline)
            self.last_timeline = None
        self.last_funnel = funnel_chart(self.model.funnel(), lang=lang)
        show_chart(self._funnel, self.last_funnel)

    @guarded
    def _on_problems(self, change=None):
        lang = self.model.language
        problems = self.model.problems

        def render(*fields: str) -> str:
            return message_html([("error", t(key, lang=lang, **params))
                                 for field in fields for key, params in problems.get(field, [])])

        self._offer_messages.value = render("offer")
        self._funnel_messages.value = render("funnel", "assumptions", "region")
        if "plan" in problems:
            self._result_messages.value = render("plan")

    # --- helpers ---------------------------------------------------------------------------
    def _table_html(self, plan: pd.DataFrame) -> str:
        if plan.empty:
            return ""
        lang = self.model.language
        head = "".join(f"<th style='text-align:left;padding:2px 8px'>{escape(t(key, lang=lang))}</th>" for key in (
            "planner.col_offer", "planner.col_year", "planner.col_cohort", "planner.col_reach",
            "planner.col_available", "planner.col_feasible"))
        rows = []
        for row in plan.itertuples():
            ok = bool(row.feasible)
            mark = t("planner.feasible" if ok else "planner.infeasible", lang=lang)
            style = "" if ok else " style='background:#fdecea'"
            size = format_int(round(row.cohort_size), lang) + (" *" if row.size_assumed else "")
            cells = [row.offer, str(row.school_year), f"{row.track} {row.grade} ({row.age})",
                     format_int(round(row.pupils_to_reach), lang), size, mark]
            rows.append(f"<tr class='{'ok' if ok else 'stagetok-infeasible'}'{style}>"
                        + "".join(f"<td style='padding:2px 8px'>{escape(c)}</td>" for c in cells) + "</tr>")
        note = (f"<div style='color:#555'>{escape(t('planner.table_note', lang=lang))}</div>")
        return (f"<table class='stagetok-plan' style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>{note}")

    def _region_text(self) -> str:
        lang = self.model.language
        share = f"{self.model.region_share * 100:.1f}".replace(".", "," if lang == "nl" else ".")
        text = t("planner.region_note", lang=lang, share=share)
        return f"<div class='stagetok-assumption' style='color:#555'>{escape(text)}</div>"

    def _funnel_text(self) -> str:
        lang = self.model.language
        conversion = f"{self.model.conversion * 100:.3g}"
        if lang == "nl":
            conversion = conversion.replace(".", ",")
        text = t("planner.funnel_note", lang=lang, conversion=conversion)
        return f"<div class='stagetok-assumption' style='color:#555'>{escape(text)}</div>"

    def _apply_language(self) -> None:
        lang = self.model.language
        self._title.value = f"<h2 style='margin:4px 0'>{escape(t('planner.title', lang=lang))}</h2>"
        self._intro.value = f"<p>{escape(t('planner.intro', lang=lang))}</p>"
        for box, key in ((self._step1, "planner.step1"), (self._step2, "planner.step2"), (self._step3, "planner.step3")):
            box.value = f"<h3>{escape(t(key, lang=lang))}</h3>"
        current = self._internship.value
        self._internship.options = [(t(f"internship.{i}", lang=lang) + f" ({i})", i) for i in pipeline.INTERNSHIPS]
        self._internship.value = current or pipeline.INTERNSHIPS[0]
        level = self._education.value
        self._education.options = [(t("planner.all_levels", lang=lang), "")] + [(e, e) for e in ("mbo-2", "mbo-3", "mbo-4")]
        self._education.value = level or ""
        labels = {self._internship: "planner.internship", self._education: "planner.level",
                  self._interns: "planner.interns", self._years: "planner.years", self._region: "planner.region",
                  self._follows: "planner.follows", self._applies: "planner.applies", self._starts: "planner.starts",
                  self._mbo4_k: "planner.mbo4_k", self._mbo4_gt: "planner.mbo4_gt", self._offers: "planner.offers"}
        for box, key in labels.items():
            box.description = t(key, lang=lang)
            box.style.description_width = "190px"
        self._add.description = t("planner.add", lang=lang)
        self._remove.description = t("planner.remove", lang=lang)
        self._region_note.value = self._region_text()
        self._funnel_note.value = self._funnel_text()
        self._assumption_note.value = (f"<div class='stagetok-assumption' style='color:#555'>"
                                       f"{escape(t('planner.split_note', lang=lang))}</div>")
        self._on_internship()
        self._on_problems()
