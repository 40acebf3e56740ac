"""The reach explorer: a model over :mod:`toolkit.analytics` and :mod:`toolkit.reach`, and its view."""

from __future__ import annotations

import base64
import html

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from toolkit import charts, reach
from toolkit.analytics import ExportError, TikTokExport, load_export
from toolkit.i18n import TextError, format_int, t
from toolkit.regions import NATIONAL, region_share, regions
from toolkit.samples import SAMPLE_DIR
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

#: Charts the explorer can draw, in the order shown (and offered for download).
CHARTS = ("daily_views", "followers", "video_views", "viewers", "scenario")


class ReachExplorerModel(ToolModel):
    """State of the reach explorer: an export (or none), scenario settings, and their results."""

    export = traitlets.Instance(TikTokExport, allow_none=True, help="The loaded export, or None.")
    source = traitlets.Unicode("", help="What was loaded: file names, or the sample.")
    is_sample = traitlets.Bool(False, help="True when the invented sample is loaded.")
    posts_per_week = traitlets.Int(3, help="Videos a week in the scenario.")
    weeks = traitlets.Int(26, help="Weeks in the scenario.")
    median = traitlets.Float(reach.ViewsModel().median, help="Views of a typical video (assumption unless fitted).")
    sigma = traitlets.Float(reach.ViewsModel().sigma, help="Spread of log views (assumption unless fitted).")
    fitted = traitlets.Bool(False, help="True when median and sigma come from the company's own videos.")
    on_tiktok = traitlets.Float(reach.Audience().on_tiktok, help="Share of the target group on TikTok.")
    views_per_person = traitlets.Float(reach.Audience().views_per_person, help="Views per person reached.")
    region = traitlets.Unicode(NATIONAL, help="Nederland or a province.")
    band = traitlets.Instance(pd.DataFrame, allow_none=True, help="Simulated bands per week.")
    notice = traitlets.Tuple(default_value=("", {}), help="Last confirmation: (key, params).")
    revision = traitlets.Int(0, help="Counts finished recalculations; views redraw on it.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._simulate()

    # --- actions ---------------------------------------------------------------------------
    def load_files(self, files: list[tuple[str, bytes]]) -> bool:
        """Load uploaded files; a wrong file leaves the earlier data in place."""
        if not files:
            return False
        try:
            loaded = TikTokExport()
            for name, data in files:
                loaded = loaded.merge(load_export(bytes(data), filename=name))
        except ExportError as error:
            self._set_problems("upload", [(error.key, error.params)])
            return False
        self._set_problems("upload", [])
        self._use(loaded, ", ".join(name for name, _ in files), sample=False)
        return True

    def load_sample(self) -> None:
        self._set_problems("upload", [])
        self._use(load_export(SAMPLE_DIR), "", sample=True)

    def set_scenario(self, posts_per_week: int, weeks: int) -> bool:
        try:
            reach.simulate(posts_per_week, weeks, runs=1)
        except TextError as error:
            self._set_problems("scenario", [(error.key, error.params)])
            return False
        self._set_problems("scenario", [])
        with self.hold_trait_notifications():
            self.posts_per_week, self.weeks = int(posts_per_week), int(weeks)
        self._simulate()
        return True

    def set_views_model(self, median: float, sigma: float) -> bool:
        try:
            reach.ViewsModel(float(median), float(sigma))
        except (TextError, TypeError, ValueError):
            self._set_problems("model", [("reach.bad_model", {})])
            return False
        self._set_problems("model", [])
        with self.hold_trait_notifications():
            self.median, self.sigma, self.fitted = float(median), float(sigma), False
        self._simulate()
        return True

    def set_audience(self, on_tiktok: float, views_per_person: float, region: str) -> bool:
        try:
            self.audience(on_tiktok, views_per_person, region)
        except (TextError, KeyError):
            self._set_problems("audience", [("reach.bad_audience", {})])
            return False
        self._set_problems("audience", [])
        with self.hold_trait_notifications():
            self.on_tiktok, self.views_per_person, self.region = float(on_tiktok), float(views_per_person), region
        self.revision += 1
        return True

    # --- derived ---------------------------------------------------------------------------
    def audience(self, on_tiktok=None, views_per_person=None, region=None) -> reach.Audience:
        region = self.region if region is None else region
        share = region_share(region)
        return reach.Audience(on_tiktok=self.on_tiktok if on_tiktok is None else float(on_tiktok),
                              views_per_person=self.views_per_person if views_per_person is None else float(views_per_person),
                              region_share=share)

    def actual(self) -> pd.DataFrame | None:
        if self.export is None or self.export.overview is None:
            return None
        return reach.weekly_actuals(self.export.overview)

    def summary(self) -> dict:
        """The scenario's end: median and band of cumulative views, and the share of the audience."""
        last = self.band.iloc[-1]
        audience = self.audience()
        return {"weeks": self.weeks, "median": last["cumulative_median"], "low": last["cumulative_low"],
                "high": last["cumulative_high"], "share": float(reach.reach_share(last["cumulative_median"], audience)),
                "reachable": audience.reachable}

    def chart(self, name: str) -> alt.TopLevelMixin | None:
        """One of :data:`CHARTS`, or None when its data is absent."""
        lang, export = self.language, self.export
        if name == "scenario":
            return charts.scenario_chart(self.band, self.actual(), lang=lang)
        table = {"daily_views": "overview", "followers": "follower_history", "video_views": "content",
                 "viewers": "viewers"}[name]
        frame = None if export is None else getattr(export, table)
        if frame is None or frame.empty:
            return None
        builder = {"daily_views": charts.daily_views_chart, "followers": charts.followers_chart,
                   "video_views": charts.video_views_chart, "viewers": charts.viewers_chart}[name]
        return builder(frame, lang=lang)

    def _use(self, export: TikTokExport, source: str, sample: bool) -> None:
        with self.hold_trait_notifications():
            self.export, self.source, self.is_sample = export, source, sample
            self.notice = ("explorer.loaded_sample" if sample else "explorer.loaded", {"source": source})
            if export.content is not None:
                try:
                    fit = reach.fit_views(export.content["total_views"])
                    self.median, self.sigma, self.fitted = fit.median, fit.sigma, True
                except TextError as error:
                    self._set_problems("model", [(error.key, error.params)])
        self._simulate()

    def _simulate(self) -> None:
        model = reach.ViewsModel(self.median, self.sigma, self.fitted)
        self.band = reach.bands(reach.simulate(self.posts_per_week, self.weeks, model, runs=10_000, seed=0))
        self.revision += 1



class ReachExplorer(ToolView):
    """The reach explorer view: upload or sample, charts, scenario and image download."""

    def __init__(self, model: ReachExplorerModel | None = None, **kwargs):
        super().__init__(**kwargs)
        self.model = model or ReachExplorerModel()
        self.last_charts: dict[str, alt.TopLevelMixin | None] = {}
        wide = widgets.Layout(width="100%", max_width="520px")
        self._language = language_switch(self.model.language)
        self._title, self._intro = widgets.HTML(), widgets.HTML()
        self._step1, self._step2, self._step3 = widgets.HTML(), widgets.HTML(), widgets.HTML()
        self._upload = widgets.FileUpload(accept=".zip,.csv,.xlsx", multiple=True)
        self._sample = widgets.Button(layout=widgets.Layout(width="auto"))
        self._upload_messages = widgets.HTML()
        self._outputs = {name: widgets.Output() for name in CHARTS}
        self._chart_messages = widgets.HTML()
        self._posts = widgets.IntSlider(min=0, max=14, value=self.model.posts_per_week, continuous_update=False, layout=wide)
        self._weeks = widgets.IntSlider(min=4, max=52, value=self.model.weeks, continuous_update=False, layout=wide)
        self._median = widgets.BoundedFloatText(min=1, max=10**8, value=round(self.model.median), layout=widgets.Layout(width="330px"))
        self._sigma = widgets.FloatSlider(min=0.1, max=3.0, step=0.1, value=self.model.sigma, continuous_update=False, layout=wide)
        self._on_tiktok = widgets.FloatSlider(min=1, max=100, step=1, value=self.model.on_tiktok * 100, continuous_update=False, layout=wide)
        self._views_per_person = widgets.FloatSlider(min=1, max=20, step=0.5, value=self.model.views_per_person, continuous_update=False, layout=wide)
        self._region = widgets.Dropdown(options=regions(), value=self.model.region, layout=wide)
        self._scenario_messages = widgets.HTML()
        self._assumptions = widgets.HTML()
        self._summary = widgets.HTML()
        self._which = widgets.Dropdown(layout=wide)
        self._format = widgets.ToggleButtons(options=["PNG", "SVG"], value="PNG")
        self._make_image = widgets.Button(layout=widgets.Layout(width="auto"))
        self._download = widgets.HTML()

        self.children = [
            widgets.HBox([self._title, self._language], layout=widgets.Layout(justify_content="space-between", align_items="center")),
            self._intro, self._general_messages,
            self._step1, widgets.HBox([self._upload, self._sample]), self._upload_messages, self._chart_messages,
            *(self._outputs[name] for name in CHARTS if name != "scenario"),
            self._step2, self._posts, self._weeks, self._median, self._sigma,
            self._on_tiktok, self._views_per_person, self._region, self._assumptions, self._scenario_messages,
            self._summary, self._outputs["scenario"],
            self._step3, self._which, self._format, widgets.HBox([self._make_image]), self._download,
        ]
        self.layout.max_width = "960px"
        self.add_class("stagetok-reach-explorer")

        self._language.observe(self._on_language, "value")
        self._upload.observe(self._on_upload, "value")
        self._sample.on_click(self._on_sample)
        self._posts.observe(self._on_scenario, "value")
        self._weeks.observe(self._on_scenario, "value")
        self._median.observe(self._on_model, "value")
        self._sigma.observe(self._on_model, "value")
        for box in (self._on_tiktok, self._views_per_person, self._region):
            box.observe(self._on_audience, "value")
        self._make_image.on_click(self._on_make_image)
        self.model.observe(self._on_revision, "revision")
        self.model.observe(self._on_problems, ["problems", "notice"])

        self._apply_language()
        self._on_revision()

    # --- participant actions ---------------------------------------------------------------
    @guarded
    def _on_language(self, change=None):
        self.model.language = self._language.value
        self._apply_language()
        self._on_revision()

    @guarded
    def _on_upload(self, change=None):
        files = [(item["name"], bytes(item["content"])) for item in self._upload.value]
        self.model.load_files(files)

    @guarded
    def _on_sample(self, button=None):
        self.model.load_sample()

    @guarded
    def _on_scenario(self, change=None):
        self.model.set_scenario(self._posts.value, self._weeks.value)

    @guarded
    def _on_model(self, change=None):
        if self._syncing:
            return
        self.model.set_views_model(self._median.value, self._sigma.value)

    @guarded
    def _on_audience(self, change=None):
        self.model.set_audience(self._on_tiktok.value / 100, self._views_per_person.value, self._region.value)

    @guarded
    def _on_make_image(self, button=None):
        lang = self.model.language
        chart = self.model.chart(self._which.value)
        if chart is None:
            self._download.value = message_html([("info", t("explorer.no_data_for_chart", lang=lang))])
            return
        fmt = self._format.value.lower()
        data = charts.chart_image(chart, fmt)
        mime = "image/png" if fmt == "png" else "image/svg+xml"
        name = f"stagetok-{self._which.value}.{fmt}"
        href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        label = escape(t("explorer.download_link", lang=lang, name=name, size=format_int(len(data) // 1024 + 1, lang)))
        self._download.value = (f"<a class='stagetok-download' download='{html.escape(name)}' href='{href}'>{label}</a>")

    # --- model -> view ---------------------------------------------------------------------
    _syncing = False

    @guarded
    def _on_revision(self, change=None):
        lang = self.model.language
        missing = []
        for name in CHARTS:
            chart = self.model.chart(name)
            self.last_charts[name] = chart
            if chart is None:
                clear_chart(self._outputs[name])
                missing.append(name)
            else:
                show_chart(self._outputs[name], chart)
        if self.model.export is None:
            self._chart_messages.value = message_html([("info", t("explorer.no_export", lang=lang))])
        elif len(missing) > 0 and missing != ["scenario"]:
            names = ", ".join(t(f"explorer.chart.{n}", lang=lang) for n in missing)
            self._chart_messages.value = message_html([("info", t("explorer.missing_tables", lang=lang, names=names))])
        else:
            self._chart_messages.value = ""
        self._syncing = True
        try:
            self._median.value = round(self.model.median)
            self._sigma.value = round(min(3.0, max(0.1, self.model.sigma)), 1)
        finally:
            self._syncing = False
        self._assumptions.value = self._assumption_text()
        s = self.model.summary()
        text = t("explorer.summary", lang=lang, weeks=s["weeks"], median=format_int(round(s["median"]), lang),
                 low=format_int(round(s["low"]), lang), high=format_int(round(s["high"]), lang),
                 share=f"{s['share'] * 100:.0f}", reachable=format_int(round(s["reachable"]), lang))
        self._summary.value = f"<p class='stagetok-summary'><b>{escape(text)}</b></p>"

    @guarded
    def _on_problems(self, change=None):
        lang = self.model.language
        problems = self.model.problems

        def render(*fields: str, level: str = "error") -> list[tuple[str, str]]:
            return [(level, t(key, lang=lang, **params)) for field in fields for key, params in problems.get(field, [])]

        messages = render("upload")
        key, params = self.model.notice
        if key and self.model.export is not None:
            messages.append(("ok", t(key, lang=lang, **params)))
        if self.model.is_sample:
            messages.append(("warning", t("explorer.sample_warning", lang=lang)))
        self._upload_messages.value = message_html(messages)
        self._scenario_messages.value = message_html(render("scenario", "model", "audience"))

    # --- helpers ---------------------------------------------------------------------------
    def _assumption_text(self) -> str:
        lang = self.model.language
        m = self.model
        views = t("explorer.model_fitted" if m.fitted else "explorer.model_assumed", lang=lang,
                  median=format_int(round(m.median), lang), sigma=f"{m.sigma:.2f}")
        audience = t("explorer.audience_note", lang=lang, group=format_int(reach.Audience().group, lang),
                     on_tiktok=f"{m.on_tiktok * 100:.0f}", per_person=f"{m.views_per_person:g}")
        return (f"<div class='stagetok-assumption' style='color:#555'>{escape(views)}</div>"
                f"<div class='stagetok-assumption' style='color:#555'>{escape(audience)}</div>")

    def _apply_language(self) -> None:
        lang = self.model.language
        self._title.value = f"<h2 style='margin:4px 0'>{escape(t('explorer.title', lang=lang))}</h2>"
        self._intro.value = f"<p>{escape(t('explorer.intro', lang=lang))}</p>"
        for box, key in ((self._step1, "explorer.step1"), (self._step2, "explorer.step2"), (self._step3, "explorer.step3")):
            box.value = f"<h3>{escape(t(key, lang=lang))}</h3>"
        self._upload.description = t("explorer.upload", lang=lang)
        self._sample.description = t("explorer.use_sample", lang=lang)
        labels = {self._posts: "explorer.posts", self._weeks: "explorer.weeks", self._median: "explorer.median",
                  self._sigma: "explorer.sigma", self._on_tiktok: "explorer.on_tiktok",
                  self._views_per_person: "explorer.views_per_person", self._region: "planner.region",
                  self._which: "explorer.which"}
        for box, key in labels.items():
            box.description = t(key, lang=lang)
            box.style.description_width = "200px"
        current = self._which.value
        self._which.options = [(t(f"explorer.chart.{name}", lang=lang), name) for name in CHARTS]
        self._which.value = current or "scenario"
        self._make_image.description = t("explorer.make_image", lang=lang)
        self._on_problems()
