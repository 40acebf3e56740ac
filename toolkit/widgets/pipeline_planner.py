"""The talent pipeline planner: a model over :mod:`toolkit.pipeline` and a view that lays it out."""

from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from toolkit import examples, pipeline, workbook
from toolkit.charts import funnel_chart, pipeline_timeline_chart
from toolkit.i18n import TextError, format_int, format_percent, format_school_year, t
from toolkit.pipeline import parse_interns
from toolkit.regions import NATIONAL, region_share, regions
from toolkit.widgets.common import ToolModel, ToolView, clear_chart, fixed_look, guarded, show_chart
from toolkit.widgets.markup import assumption_html, escape, message_html

#: Most offers a plan holds.
MAX_OFFERS = 10
#: How far ahead a plan may look, in school years.
HORIZON = 12
#: Default funnel step rates: assumptions, shown as such on screen.
DEFAULT_FUNNEL = {"follows": 0.10, "applies": 0.05, "starts": 0.50}


class PipelinePlannerModel(ToolModel):
    """State of the planner: offers, region and funnel in; the plan out."""

    now = traitlets.Int(help="The school year now (the year it starts in).")
    offers = traitlets.List(traitlets.Dict(),
                            help="Internships offered: internship, education, interns, first_year, last_year.")
    region = traitlets.Unicode(NATIONAL, help="Nederland or a province.")
    follows = traitlets.Float(DEFAULT_FUNNEL["follows"], help="Share of reached pupils that follows the company.")
    applies = traitlets.Float(DEFAULT_FUNNEL["applies"], help="Share of followers that applies.")
    starts = traitlets.Float(DEFAULT_FUNNEL["starts"], help="Share of applicants that starts.")
    mbo4_k = traitlets.Float(help="Share of vmbo-k pupils going to mbo that starts at level 4 (assumption).")
    mbo4_gt = traitlets.Float(help="Share of vmbo-g/t pupils going to mbo that starts at level 4 (assumption).")
    bbl = traitlets.Float(help="Share of mbo students in work-based learning (bbl), all ages (assumption for pupils).")
    plan = traitlets.Instance(pd.DataFrame, help="Pupils to reach per offer, school year and cohort.")

    def __init__(self, **kwargs):
        defaults = pipeline.default_assumptions()
        kwargs.setdefault("now", pipeline.current_school_year())
        kwargs.setdefault("mbo4_k", defaults.mbo4_share["vmbo-k"])
        kwargs.setdefault("mbo4_gt", defaults.mbo4_share["vmbo-t"])
        kwargs.setdefault("bbl", defaults.bbl_share)
        super().__init__(**kwargs)
        self._defaults = defaults
        self._refresh()

    @traitlets.validate("region")
    def _validate_region(self, proposal):
        if proposal["value"] not in regions():
            raise traitlets.TraitError(f"Unknown region {proposal['value']!r}; choose one of {', '.join(regions())}.")
        return proposal["value"]

    @traitlets.validate("follows", "applies", "starts", "mbo4_k", "mbo4_gt", "bbl")
    def _validate_share(self, proposal):
        value = proposal["value"]
        low_ok = value >= 0 if proposal["trait"].name.startswith(("mbo4", "bbl")) else value > 0
        if not (low_ok and value <= 1):
            raise traitlets.TraitError(f"{proposal['trait'].name} must be a share between 0 and 1, not {value!r}.")
        return value

    @traitlets.observe("now", "offers", "region", "follows", "applies", "starts", "mbo4_k", "mbo4_gt", "bbl")
    def _on_inputs(self, change):
        if hasattr(self, "_defaults") and not getattr(self, "_restoring", False):  # not while starting or restoring
            self._refresh()

    # --- the team's workbook ---------------------------------------------------------------
    sections = ("pipeline",)

    def to_sections(self) -> dict[str, object]:
        """The planner's inputs as the workbook's ``pipeline`` section."""
        offers = tuple(workbook.Offer(offer["internship"], offer["education"], int(offer["interns"]),
                                      int(offer["first_year"]), int(offer["last_year"])) for offer in self.offers)
        return {"pipeline": workbook.Pipeline(
            region=self.region, offers=offers, follows=self.follows, applies=self.applies, starts=self.starts,
            mbo4_k=self.mbo4_k, mbo4_gt=self.mbo4_gt, bbl=self.bbl)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the planner's inputs from the workbook; values it refuses keep the planner's default.

        Offers outside the planner's horizon (a workbook from years ago) are left out. The plan is
        calculated once, at the end.
        """
        section, defaults = book.pipeline, pipeline.default_assumptions()
        values = {"region": section.region or NATIONAL, "follows": section.follows, "applies": section.applies,
                  "starts": section.starts, "mbo4_k": section.mbo4_k, "mbo4_gt": section.mbo4_gt, "bbl": section.bbl}
        fallback = {"region": NATIONAL, **DEFAULT_FUNNEL, "mbo4_k": defaults.mbo4_share["vmbo-k"],
                    "mbo4_gt": defaults.mbo4_share["vmbo-t"], "bbl": defaults.bbl_share}
        self._restoring = True
        try:
            for name, value in values.items():
                try:
                    setattr(self, name, fallback[name] if value is None else value)
                except traitlets.TraitError:
                    setattr(self, name, fallback[name])
            self.offers = []
            for offer in section.offers:  # through the planner's own checks
                self.add_offer(offer.internship, offer.education, str(offer.interns), offer.first_year,
                               offer.last_year)
            self.problems, self.notice, self.is_example = {}, ("", {}), False
        finally:
            self._restoring = False
        self._refresh()

    # --- actions ---------------------------------------------------------------------------
    def load_example(self) -> None:
        """Open on the invented garage of :mod:`toolkit.examples` and its internships."""
        offers = []
        for offer in examples.OFFERS:
            first, last = (self.now + years for years in offer["years_from_now"])
            offers.append({"internship": offer["internship"], "education": offer["education"],
                           "interns": offer["interns"], "first_year": first, "last_year": last})
        with self.hold_trait_notifications():
            self.offers, self.problems, self.is_example = offers, {}, True

    def start_empty(self) -> None:
        """Remove every offer: the team enters its own internships."""
        with self.hold_trait_notifications():
            self.offers, self.problems, self.is_example = [], {}, False

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
        return True

    def remove_offer(self, index: int) -> None:
        """Remove the offer at ``index`` (an index out of range changes nothing)."""
        if 0 <= index < len(self.offers):
            self.offers = [offer for i, offer in enumerate(self.offers) if i != index]

    def set_region(self, region: str) -> bool:
        """Plan for ``region`` (:data:`toolkit.regions.NATIONAL` or a province); refuse others."""

        def values():
            region_share(region)  # a KeyError for anything but Nederland or a province
            return {"region": region}

        return self._apply("region", values, refused=("planner.bad_region", {}))

    def set_funnel(self, follows: float, applies: float, starts: float) -> bool:
        """Change the funnel rates (0..1); refused rates leave the old ones in place."""

        def values():
            pipeline.conversion_of(follows, applies, starts)
            return {"follows": float(follows), "applies": float(applies), "starts": float(starts)}

        return self._apply("funnel", values)

    def set_mbo_split(self, mbo4_k: float, mbo4_gt: float) -> bool:
        """Change the assumed share of vmbo pupils who start at mbo-4; refused shares change nothing."""

        def values():
            self.assumptions(mbo4_k, mbo4_gt)
            return {"mbo4_k": float(mbo4_k), "mbo4_gt": float(mbo4_gt)}

        return self._apply("assumptions", values)

    # --- derived ---------------------------------------------------------------------------
    def assumptions(self, mbo4_k: float | None = None, mbo4_gt: float | None = None) -> pipeline.Assumptions:
        """The model's assumptions with the mbo-4 split of this plan (or of the given shares)."""
        k = self.mbo4_k if mbo4_k is None else mbo4_k
        gt = self.mbo4_gt if mbo4_gt is None else mbo4_gt
        split = {**self._defaults.mbo4_share, "vmbo-k": k, "vmbo-g": gt, "vmbo-t": gt}
        return self._defaults.with_changes(mbo4_share=split, bbl_share=self.bbl)

    @property
    def region_share(self) -> float:
        """Share of the national population in the plan's region."""
        return region_share(self.region)

    @property
    def conversion(self) -> float:
        """Share of reached pupils who start as an intern."""
        return self.follows * self.applies * self.starts

    def cohorts(self) -> list[tuple[str, int]]:
        """Cohorts of today that appear in the plan, youngest first."""
        if self.plan.empty:
            return []
        pairs = self.plan[["age", "track", "grade"]].drop_duplicates().sort_values(["age", "track", "grade"])
        return [(row.track, int(row.grade)) for row in pairs.itertuples()]

    def timeline(self) -> pd.DataFrame:
        """Each cohort's school career with the plan's internships (see :func:`toolkit.pipeline.timeline`)."""
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
        """One sentence per cohort and internship: who can start when (in the model's language)."""
        lines = []
        for offer in self.offers:
            rows = self.plan[self.plan["offer"] == self.offers.index(offer)]
            for track, grade in rows[["track", "grade"]].drop_duplicates().itertuples(index=False):
                line = pipeline.explain_cohort(track, int(grade), offer["internship"], self.now,
                                               lang=self.language, assumptions=self.assumptions())
                if line and line not in lines:
                    lines.append(line)
        return lines

    def _label(self, offer: dict) -> str:
        years = format_school_year(offer["first_year"])
        if offer["last_year"] != offer["first_year"]:
            years += f"–{format_school_year(offer['last_year'])}"
        kind = offer["internship"]
        who = t("offer.one." + kind if offer["interns"] == 1 else "offer.many." + kind, lang=self.language)
        level = f" {offer['education']}" if offer["education"] else ""
        return t("offer.label", lang=self.language, interns=offer["interns"], who=who, level=level, years=years)

    def offer_labels(self) -> list[str]:
        """A label per offer in words, as listed on screen: "2 bpv-stagiairs mbo-4, 2028/29–2029/30"."""
        return [self._label(offer) for offer in self.offers]

    def answers(self) -> list[dict]:
        """The answer per offer (:func:`toolkit.pipeline.summarize_offer`; None where no group can)."""
        return [pipeline.summarize_offer(self.plan[self.plan["offer"] == index]) for index in range(len(self.offers))]

    def _refresh(self) -> None:
        frames = []
        try:
            a = self.assumptions()
            for index, offer in enumerate(self.offers):
                for year in range(offer["first_year"], offer["last_year"] + 1):
                    rows = pipeline.reach_needed(
                        offer["internship"], offer["interns"], year, conversion=self.conversion,
                        region_share=self.region_share,
                        educations=(offer["education"],) if offer["education"] else None,
                        now=self.now, assumptions=a,
                    )
                    frames.append(rows.assign(offer=index, school_year=year, interns=offer["interns"]))
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
    """The planner view: shows the model, and passes what a participant does to it."""

    title_key, intro_key, example_key = "planner.title", "planner.intro", "planner.example_note"

    def __init__(self, model: PipelinePlannerModel | None = None, **kwargs):
        super().__init__(model or PipelinePlannerModel(), **kwargs)
        self.last_timeline: alt.TopLevelMixin | None = None
        self.last_funnel: alt.TopLevelMixin | None = None
        wide = {"width": "100%", "max_width": "520px"}
        # The offer being written: the participant's draft until it is added to the model.
        self._internship = self._input(widgets.Dropdown, "planner.internship", layout=wide)
        self._education = self._input(widgets.Dropdown, "planner.level", layout=wide)
        self._interns = self._input(widgets.Text, "planner.interns", value="2", continuous_update=False,
                                    layout={"width": "260px"})
        self._years = self._input(widgets.SelectionRangeSlider, "planner.years", options=[("", 0)],
                                  continuous_update=False, layout=wide)
        self._add = self._text(fixed_look(widgets.Button, button_style="primary", layout={"width": "auto"}),
                               "planner.add", "description")
        self._offer_messages = fixed_look(widgets.HTML)
        self._offers = self._input(widgets.Select, "planner.offers", rows=4, layout=wide)
        self._remove = self._text(fixed_look(widgets.Button, layout={"width": "auto"}), "planner.remove", "description")
        self._region = self._input(widgets.Dropdown, "planner.region", options=regions(), layout=wide)
        self._region_note = fixed_look(widgets.HTML)
        slider = dict(min=0.0, max=100.0, step=0.5, readout_format=".1f", continuous_update=False, layout=wide)
        funnel = lambda value: self.model.set_funnel(  # noqa: E731 - one line, used three times
            self._follows.value / 100, self._applies.value / 100, self._starts.value / 100)
        split = lambda value: self.model.set_mbo_split(self._mbo4_k.value / 100, self._mbo4_gt.value / 100)  # noqa: E731
        self._follows, self._applies, self._starts, self._mbo4_k, self._mbo4_gt = (
            self._link(name, self._input(widgets.FloatSlider, f"planner.{name}", **slider),
                       to_widget=_percent, action=funnel if name in DEFAULT_FUNNEL else split)
            for name in ("follows", "applies", "starts", "mbo4_k", "mbo4_gt"))
        self._bbl = self._link("bbl", self._input(widgets.FloatSlider, "planner.bbl", **slider),
                               to_widget=_percent, to_model=lambda percent: percent / 100)
        self._modes_note = self._static_text("planner.modes_note", tag="div")
        self._modes_note.add_class("stagetok-assumption")
        self._funnel_note = fixed_look(widgets.HTML)
        self._funnel_messages = fixed_look(widgets.HTML)
        self._assumption_note = self._static_text("planner.split_note", tag="div")
        self._result_messages = fixed_look(widgets.HTML)
        self._answer = fixed_look(widgets.HTML)
        self._sentences = fixed_look(widgets.HTML)
        self._table = fixed_look(widgets.HTML)
        self._timeline = fixed_look(widgets.Output)
        self._funnel = fixed_look(widgets.Output)
        # The answer first; the detail behind a fold, for who wants it.
        self._details = fixed_look(widgets.Accordion, children=[self._sentences, self._table, self._timeline],
                                   selected_index=None)

        self._lay_out(
            self._heading("planner.step1"), self._internship, self._education, self._interns, self._years,
            fixed_look(widgets.HBox, [self._add]), self._offer_messages, self._offers,
            fixed_look(widgets.HBox, [self._remove]),
            self._heading("planner.step2"), self._region, self._region_note,
            *(self._with_readout(getattr(self, f"_{name}"), name, _percent_text) for name in DEFAULT_FUNNEL),
            self._funnel_note, self._funnel_messages,
            *(self._with_readout(getattr(self, f"_{name}"), name, _percent_text) for name in ("mbo4_k", "mbo4_gt")),
            self._assumption_note,
            self._with_readout(self._bbl, "bbl", _percent_text), self._modes_note,
            self._heading("planner.step3"), self._result_messages, self._answer, self._funnel, self._details,
        )
        self._assumption_note.add_class("stagetok-assumption")

        self._link("region", self._region, action=self.model.set_region)
        self._internship.observe(self._on_internship, "value")
        self._add.on_click(self._on_add)
        self._remove.on_click(self._on_remove)
        self._start("stagetok-pipeline-planner")

    # --- participant actions ---------------------------------------------------------------
    @guarded
    def _on_internship(self, change=None):
        mbo = str(self._internship.value).startswith("mbo")
        self._education.disabled = not mbo
        if not mbo:
            self._education.value = ""

    @guarded
    def _on_add(self, button=None):
        first, last = self._years.value
        self.model.add_offer(self._internship.value, self._education.value, self._interns.value, first, last)

    @guarded
    def _on_remove(self, button=None):
        if self._offers.index is not None:
            self.model.remove_offer(self._offers.index)

    # --- model -> view ---------------------------------------------------------------------
    def _render(self) -> None:
        self._show_years()
        labels = self.model.offer_labels()
        if list(self._offers.options) != labels:
            self._offers.options = labels
        self._remove.disabled = not labels
        lang = self.model.language
        self._region_note.value = assumption_html(
            self._t("planner.region_note", share=format_percent(self.model.region_share, 1, lang)))
        self._funnel_note.value = assumption_html(
            self._t("planner.funnel_note", conversion=format_percent(self.model.conversion, 2, lang)))
        plan = self.model.plan
        if not self.model.offers:
            self._result_messages.value = message_html([("info", self._t("planner.no_offers"))])
            self._answer.value = self._sentences.value = self._table.value = ""
            clear_chart(self._timeline)
            clear_chart(self._funnel)
            self.last_timeline = self.last_funnel = None
            return
        if "plan" in self.model.problems:
            self._result_messages.value = self._problem_html("plan")
        elif plan.empty:
            self._result_messages.value = message_html([("warning", self._t("planner.no_cohorts"))])
        elif not plan["feasible"].all():
            self._result_messages.value = message_html([("warning", self._t("planner.some_infeasible"))])
        else:
            self._result_messages.value = ""
        self._answer.value = self._answer_html()
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

    def _show_problems(self) -> None:
        self._offer_messages.value = self._problem_html("offer")
        self._funnel_messages.value = self._problem_html("funnel", "assumptions", "region")

    def _on_language_extra(self) -> None:
        for index, key in enumerate(("planner.detail_sentences", "planner.detail_table", "planner.detail_timeline")):
            self._details.set_title(index, self._t(key))
        current = self._internship.value
        # "bpv-stage (mbo)": the internship in words and the school type it belongs to.
        self._internship.options = [(f"{self._t(f'internship.{i}')} ({i.split('-')[0]})", i)
                                    for i in pipeline.INTERNSHIPS]
        self._internship.value = current or pipeline.INTERNSHIPS[0]
        level = self._education.value
        self._education.options = [(self._t("planner.all_levels"), "")] + [(e, e) for e in ("mbo-2", "mbo-3", "mbo-4")]
        self._education.value = level or ""
        self._on_internship()

    # --- helpers ---------------------------------------------------------------------------
    def _show_years(self) -> None:
        """The school years an offer can span, from the model's ``now`` on."""
        now = self.model.now
        years = list(range(now, now + HORIZON + 1))
        if [value for _, value in self._years.options] != years:
            first, last = self._years.value if len(self._years.value) == 2 else (0, 0)
            first = first if first in years else now + 2
            last = last if last in years and last >= first else first + 2
            self._years.options = [(format_school_year(year), year) for year in years]
            self._years.value = (first, last)

    def _answer_html(self) -> str:
        """Two or three sentences: whom to reach now, when they can start, and whether the region has them."""
        lang, labels = self.model.language, self.model.offer_labels()
        lines, short = [], []
        for label, answer in zip(labels, self.model.answers(), strict=True):
            if answer is None:
                lines.append(self._t("planner.answer_none", offer=label))
                continue
            best = answer["best"]
            others = ""
            if answer["others_low"] is not None:
                others = self._t("planner.answer_others", groups=", ".join(answer["groups"][1:]),
                                 number=_number_range(answer["others_low"], answer["others_high"], lang))
            lines.append(self._t("planner.answer", offer=label, reach=format_int(round(best["pupils_to_reach"]), lang),
                                 group=f"{best['track']} {best['grade']}", age=best["age"], others=others,
                                 year=format_school_year(answer["school_year"])))
            short += [group for group in answer["short"] if group not in short]
        region = self._t("planner.whole_country") if self.model.region == NATIONAL else self.model.region
        if short:
            lines.append(self._t("planner.answer_short", region=region, groups=", ".join(short)))
        elif any(answer is not None for answer in self.model.answers()):
            lines.append(self._t("planner.answer_enough", region=region))
        return "<div class='stagetok-answer'>" + "".join(f"<p><b>{escape(line)}</b></p>" for line in lines) + "</div>"

    def _table_html(self, plan: pd.DataFrame) -> str:
        if plan.empty:
            return ""
        lang = self.model.language
        head = "".join(f"<th style='text-align:left;padding:2px 8px'>{escape(self._t(key))}</th>" for key in (
            "planner.col_offer", "planner.col_year", "planner.col_cohort", "planner.col_reach",
            "planner.col_available", "planner.col_feasible"))
        rows, labels = [], self.model.offer_labels()
        for row in plan.itertuples():
            ok = bool(row.feasible)
            mark = self._t("planner.feasible" if ok else "planner.infeasible")
            style = "" if ok else " style='background:#fdecea'"
            size = format_int(round(row.cohort_size), lang) + (" *" if row.size_assumed else "")
            cells = [labels[row.offer], format_school_year(row.school_year), f"{row.track} {row.grade} ({row.age})",
                     format_int(round(row.pupils_to_reach), lang), size, mark]
            rows.append(f"<tr class='{'ok' if ok else 'stagetok-infeasible'}'{style}>"
                        + "".join(f"<td style='padding:2px 8px'>{escape(c)}</td>" for c in cells) + "</tr>")
        note = f"<div style='color:#555'>{escape(self._t('planner.table_note'))}</div>"
        return (f"<table class='stagetok-plan' style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>{note}")


def _number_range(low: float, high: float, lang: str) -> str:
    """``1.742`` or ``1.742 tot 2.477``: whole numbers, the Dutch way in Dutch."""
    low_text, high_text = format_int(round(low), lang), format_int(round(high), lang)
    return low_text if low_text == high_text else t("app.range", lang=lang, low=low_text, high=high_text)


def _percent_text(share: float, lang: str) -> str:
    """A share as a slider's readout: ``12,5 %``."""
    return format_percent(share, 1, lang)


def _percent(share: float) -> float:
    """A share (0.1) as the percentage a slider shows (10.0)."""
    return round(share * 100, 6)
