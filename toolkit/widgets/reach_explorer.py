"""The reach explorer: a model over :mod:`toolkit.analytics` and :mod:`toolkit.reach`, and its view."""

from __future__ import annotations

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from toolkit import charts, reach, workbook
from toolkit.analytics import ExportError, TikTokExport, load_export
from toolkit.i18n import TextError, format_decimal, format_int, format_percent
from toolkit.regions import NATIONAL, region_share, regions
from toolkit.samples import SAMPLE_DIR
from toolkit.widgets.common import ToolModel, ToolView, clear_chart, fixed_look, guarded, show_chart
from toolkit.widgets.markup import assumption_html, download_html, escape, message_html

#: Charts the explorer can draw, in the order shown (and offered for download).
CHARTS = ("daily_views", "followers", "video_views", "viewers", "scenario")


class ReachExplorerModel(ToolModel):
    """State of the reach explorer: an export (or none), scenario settings, and their results.

    Setting the scenario (``posts_per_week``, ``weeks``) or the views model (``median``,
    ``sigma``) simulates again; setting the audience recalculates the summary. ``fitted`` is
    true while median and spread are the ones fitted to the loaded export's own videos.
    """

    export = traitlets.Instance(TikTokExport, allow_none=True, help="The loaded export, or None.")
    source = traitlets.Unicode("", help="What was loaded: file names, or the sample.")
    is_sample = traitlets.Bool(False, help="True when the invented sample is loaded.")
    posts_per_week = traitlets.Int(3, help="Videos a week in the scenario.")
    weeks = traitlets.Int(26, help="Weeks in the scenario.")
    median = traitlets.Float(reach.ViewsModel().median, help="Views of a typical video (assumption unless fitted).")
    sigma = traitlets.Float(reach.ViewsModel().sigma, help="Spread of log views (assumption unless fitted).")
    fitted = traitlets.Bool(False, read_only=True,
                            help="True while median and sigma are the ones fitted to the export's videos.")
    on_tiktok = traitlets.Float(reach.Audience().on_tiktok, help="Share of the target group on TikTok.")
    views_per_person = traitlets.Float(reach.Audience().views_per_person, help="Views per person reached.")
    in_netherlands = traitlets.Float(reach.Audience().in_netherlands,
                                     help="Share of viewers in the Netherlands (the export's, when it has one).")
    in_group = traitlets.Float(reach.Audience().in_group, help="Share of Dutch viewers in the target group.")
    netherlands_from_export = traitlets.Bool(False, help="True while in_netherlands is the export's own figure.")
    region = traitlets.Unicode(NATIONAL, help="Nederland or a province.")
    band = traitlets.Instance(pd.DataFrame, allow_none=True, help="Simulated bands per week.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._fit: reach.ViewsModel | None = None
        self._simulated: tuple | None = None
        self._simulate()

    @traitlets.validate("posts_per_week", "weeks")
    def _validate_scenario(self, proposal):
        name = proposal["trait"].name
        low, high = (0, reach.MAX_POSTS_PER_WEEK) if name == "posts_per_week" else (1, reach.MAX_WEEKS)
        if not low <= proposal["value"] <= high:
            raise traitlets.TraitError(f"{name} must lie between {low} and {high}.")
        return proposal["value"]

    @traitlets.validate("median", "sigma", "on_tiktok", "views_per_person", "region", "in_netherlands", "in_group")
    def _validate_assumption(self, proposal):
        names = ("median", "sigma", "on_tiktok", "views_per_person", "region", "in_netherlands", "in_group")
        values = {name: getattr(self, name) for name in names}
        values[proposal["trait"].name] = proposal["value"]
        try:
            reach.ViewsModel(values["median"], values["sigma"])
            reach.Audience(on_tiktok=values["on_tiktok"], views_per_person=values["views_per_person"],
                           region_share=region_share(values["region"]), in_netherlands=values["in_netherlands"],
                           in_group=values["in_group"])
        except (TextError, KeyError) as error:
            raise traitlets.TraitError(f"{proposal['trait'].name}={proposal['value']!r} is refused: {error}") from error
        return proposal["value"]

    @traitlets.observe("posts_per_week", "weeks", "median", "sigma")
    def _on_scenario(self, change):
        if hasattr(self, "_simulated"):  # not while the constructor sets the first values
            self._simulate()

    @traitlets.observe("on_tiktok", "views_per_person", "region", "in_netherlands", "in_group")
    def _on_audience(self, change):
        self.revision += 1

    # --- the team's workbook ----------------------------------------------------------------
    sections = ("reach",)
    #: ``Reach.source`` of a scenario built on the invented sample export.
    SAMPLE = "sample"

    def to_sections(self) -> dict[str, object]:
        """The scenario as the workbook's ``reach`` section (the export itself is not kept, only its name)."""
        return {"reach": workbook.Reach(
            source=self.SAMPLE if self.is_sample else self.source, posts_per_week=self.posts_per_week,
            weeks=self.weeks, median=self.median, sigma=self.sigma, on_tiktok=self.on_tiktok,
            views_per_person=self.views_per_person, in_netherlands=self.in_netherlands, in_group=self.in_group,
            region=self.region)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the scenario from the workbook; a value the explorer refuses keeps its default.

        An uploaded export is not in the workbook: the scenario keeps the views model fitted to
        it, and the team uploads the file again to see its own charts. The sample is loaded again.
        """
        section = book.reach
        self.start_empty()
        if section.source == self.SAMPLE:
            self.load_sample()
        values = {"region": section.region or None, "on_tiktok": section.on_tiktok,
                  "views_per_person": section.views_per_person, "in_netherlands": section.in_netherlands,
                  "in_group": section.in_group}
        for name, value in values.items():
            if value is not None:
                try:
                    setattr(self, name, value)
                except traitlets.TraitError:
                    pass  # the explorer's default stays
        if section.median is not None and section.sigma is not None:
            self.set_views_model(section.median, section.sigma)
        self.set_scenario(self.posts_per_week if section.posts_per_week is None else section.posts_per_week,
                          self.weeks if section.weeks is None else section.weeks)
        self.problems, self.notice, self.is_example = {}, ("", {}), False
        self.revision += 1

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
        self.is_example = False
        return True

    def load_sample(self) -> None:
        """Load the invented sample export that ships with the toolkit."""
        self._set_problems("upload", [])
        self._use(load_export(SAMPLE_DIR), "", sample=True)

    def load_example(self) -> None:
        """Open on the invented export of the example garage (the sample export)."""
        self.load_sample()
        self.is_example = True

    def start_empty(self) -> None:
        """Forget the loaded export; the scenario goes back to the workshop's assumptions."""
        default = reach.ViewsModel()
        with self.hold_trait_notifications():
            self.export, self.source, self.is_sample, self.is_example = None, "", False, False
            self.notice, self.problems = ("", {}), {}
            self.median, self.sigma = default.median, default.sigma

    def set_scenario(self, posts_per_week: int, weeks: int) -> bool:
        """Change videos a week and weeks; refused values change nothing and record a problem."""

        def values():
            reach.simulate(posts_per_week, weeks, runs=1)
            return {"posts_per_week": int(posts_per_week), "weeks": int(weeks)}

        return self._apply("scenario", values)

    def set_views_model(self, median: float, sigma: float) -> bool:
        """Change the views of a typical video and their spread (the workshop's assumption)."""

        def values():
            model = reach.ViewsModel(float(median), float(sigma))
            return {"median": model.median, "sigma": model.sigma}

        return self._apply("model", values, refused=("reach.bad_model", {}))

    # --- derived ---------------------------------------------------------------------------
    def audience(self, on_tiktok=None, views_per_person=None, region=None) -> reach.Audience:
        """The audience assumptions of the model (or with the given values instead)."""
        on_tiktok = self.on_tiktok if on_tiktok is None else float(on_tiktok)
        views_per_person = self.views_per_person if views_per_person is None else float(views_per_person)
        region = self.region if region is None else region
        return reach.Audience(on_tiktok=on_tiktok, views_per_person=views_per_person, region_share=region_share(region),
                              in_netherlands=self.in_netherlands, in_group=self.in_group)

    def actual(self) -> pd.DataFrame | None:
        """The export's own views per week, or None without an export."""
        if self.export is None or self.export.overview is None:
            return None
        return reach.weekly_actuals(self.export.overview)

    def summary(self) -> dict:
        """The scenario's end: median and band of cumulative views, and the share of the audience."""
        last = self.band.iloc[-1]
        audience = self.audience()
        return {"weeks": self.weeks, "median": last["cumulative_median"], "low": last["cumulative_low"],
                "high": last["cumulative_high"], "share": float(reach.reach_share(last["cumulative_median"], audience)),
                "people": float(reach.people_in_group(last["cumulative_median"], audience)),
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

    @traitlets.observe("export")
    def _on_export(self, change):
        """Fit the views model to the export's own videos (when it has them) and simulate again."""
        export, self._fit = change["new"], None
        if export is not None and export.content is not None:
            try:
                self._fit = reach.fit_views(export.content["total_views"])
                self._set_problems("model", [])
            except TextError as error:
                self._set_problems("model", [(error.key, error.params)])
        netherlands = reach.netherlands_share(None if export is None else export.follower_territories)
        with self.hold_trait_notifications():
            if self._fit is not None:
                self.median, self.sigma = self._fit.median, self._fit.sigma
            if netherlands is not None:
                self.in_netherlands = netherlands
            elif self.netherlands_from_export:  # the export that gave it is gone: the assumption again
                self.in_netherlands = reach.Audience().in_netherlands
            self.netherlands_from_export = netherlands is not None
        self._simulate(force=True)

    def _simulate(self, force: bool = False) -> None:
        fitted = self._fit is not None and (self.median, self.sigma) == (self._fit.median, self._fit.sigma)
        self.set_trait("fitted", fitted)
        parameters = (self.posts_per_week, self.weeks, self.median, self.sigma)
        if parameters != self._simulated:  # several inputs set at once simulate once
            model = reach.ViewsModel(self.median, self.sigma, fitted)
            self.band = reach.bands(reach.simulate(self.posts_per_week, self.weeks, model, runs=10_000, seed=0))
            self._simulated = parameters
        elif not force:
            return
        self.revision += 1


class ReachExplorer(ToolView):
    """The reach explorer view: upload or sample, charts, scenario and image download."""

    title_key, intro_key, example_key = "explorer.title", "explorer.intro", "explorer.example_note"
    label_width = "200px"

    def __init__(self, model: ReachExplorerModel | None = None, **kwargs):
        super().__init__(model or ReachExplorerModel(), **kwargs)
        self.last_charts: dict[str, alt.TopLevelMixin | None] = {}
        wide = {"width": "100%", "max_width": "520px"}
        self._upload = self._text(fixed_look(widgets.FileUpload, accept=".zip,.csv,.xlsx", multiple=True),
                                  "explorer.upload",
                                  "description")
        self._sample = self._text(fixed_look(widgets.Button, layout={"width": "auto"}), "explorer.use_sample",
                                  "description")
        self._upload_messages = fixed_look(widgets.HTML)
        self._outputs = {name: fixed_look(widgets.Output) for name in CHARTS}
        self._chart_messages = fixed_look(widgets.HTML)
        slider = dict(continuous_update=False, layout=wide)
        scenario = lambda value: self.model.set_scenario(self._posts.value, self._weeks.value)  # noqa: E731
        views = lambda value: self.model.set_views_model(self._median.value, self._sigma.value)  # noqa: E731
        self._posts = self._link("posts_per_week", self._input(
            widgets.IntSlider, "explorer.posts", min=0, max=reach.MAX_POSTS_PER_WEEK, **slider), action=scenario)
        self._weeks = self._link("weeks", self._input(
            widgets.IntSlider, "explorer.weeks", min=1, max=reach.MAX_WEEKS, **slider), action=scenario)
        self._median = self._link("median", self._input(
            widgets.BoundedFloatText, "explorer.median", min=1, max=10**8, layout={"width": "330px"}),
            to_widget=round, action=views)
        self._sigma = self._link("sigma", self._input(
            widgets.FloatSlider, "explorer.sigma", min=0.0, max=4.0, step=0.05, readout_format=".2f", **slider),
            to_widget=lambda sigma: round(sigma, 2), action=views)
        self._on_tiktok = self._link("on_tiktok", self._input(
            widgets.FloatSlider, "explorer.on_tiktok", min=1, max=100, step=1, **slider),
            to_widget=lambda share: round(share * 100, 6), to_model=lambda percent: percent / 100)
        self._views_per_person = self._link("views_per_person", self._input(
            widgets.FloatSlider, "explorer.views_per_person", min=1, max=20, step=0.5, **slider))
        self._on_tiktok_note = self._static_text("explorer.on_tiktok_note", tag="div")
        self._on_tiktok_note.add_class("stagetok-assumption")
        share_slider = dict(min=0, max=100, step=1, **slider)
        self._in_netherlands = self._link("in_netherlands", self._input(
            widgets.FloatSlider, "explorer.in_netherlands", **share_slider),
            to_widget=lambda share: round(share * 100, 6), to_model=self._netherlands_typed)
        self._in_group = self._link(
            "in_group", self._input(widgets.FloatSlider, "explorer.in_group", **share_slider),
            to_widget=lambda share: round(share * 100, 6), to_model=lambda percent: percent / 100)
        self._region = self._link("region", self._input(widgets.Dropdown, "planner.region", options=regions(),
                                                        layout=wide))
        self._scenario_messages = fixed_look(widgets.HTML)
        self._assumptions = fixed_look(widgets.HTML)
        self._summary = fixed_look(widgets.HTML)
        self._which = self._input(widgets.Dropdown, "explorer.which", layout=wide)
        self._format = fixed_look(widgets.ToggleButtons, options=["PNG", "SVG"], value="PNG")
        self._make_image = self._text(fixed_look(widgets.Button, layout={"width": "auto"}), "explorer.make_image",
                                      "description")
        self._download = fixed_look(widgets.HTML)

        self._lay_out(
            self._heading("explorer.step1"), fixed_look(widgets.HBox, [self._upload, self._sample]),
            self._upload_messages,
            self._chart_messages, *(self._outputs[name] for name in CHARTS if name != "scenario"),
            self._heading("explorer.step2"), self._posts, self._weeks, self._median,
            self._with_readout(self._sigma, "sigma", lambda sigma, lang: format_decimal(sigma, 2, lang)),
            self._with_readout(self._on_tiktok, "on_tiktok", lambda share, lang: format_percent(share, 0, lang)),
            self._on_tiktok_note,
            self._with_readout(self._views_per_person, "views_per_person",
                               lambda views, lang: format_decimal(views, 1, lang)),
            *(self._with_readout(getattr(self, f"_{name}"), name, lambda share, lang: format_percent(share, 0, lang))
              for name in ("in_netherlands", "in_group")),
            self._region, self._assumptions, self._scenario_messages,
            self._summary, self._outputs["scenario"],
            self._heading("explorer.step3"), self._which, self._format, fixed_look(widgets.HBox, [self._make_image]),
            self._download,
        )

        self._upload.observe(self._on_upload, "value")
        self._sample.on_click(self._on_sample)
        self._make_image.on_click(self._on_make_image)
        self._start("stagetok-reach-explorer")

    # --- participant actions ---------------------------------------------------------------
    @guarded
    def _on_upload(self, change=None):
        files = [(item["name"], bytes(item["content"])) for item in self._upload.value]
        self.model.load_files(files)

    @guarded
    def _on_sample(self, button=None):
        self.model.load_sample()

    @guarded
    def _on_make_image(self, button=None):
        lang = self.model.language
        chart = self.model.chart(self._which.value)
        if chart is None:
            self._download.value = message_html([("info", self._t("explorer.no_data_for_chart"))])
            return
        fmt = self._format.value.lower()
        data = charts.chart_image(chart, fmt)
        mime = "image/png" if fmt == "png" else "image/svg+xml"
        name = f"stagetok-{self._which.value}.{fmt}"
        label = self._t("explorer.download_link", name=name, size=format_int(len(data) // 1024 + 1, lang))
        self._download.value = download_html(data, name, mime, label)

    def _netherlands_typed(self, percent: float) -> float:
        """A share the participant set by hand: from now on it is their assumption, not the export's."""
        self.model.netherlands_from_export = False
        return percent / 100

    # --- model -> view ---------------------------------------------------------------------
    def _render(self) -> None:
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
            self._chart_messages.value = message_html([("info", self._t("explorer.no_export"))])
        elif missing and missing != ["scenario"]:
            names = ", ".join(self._t(f"explorer.chart.{n}") for n in missing)
            self._chart_messages.value = message_html([("info", self._t("explorer.missing_tables", names=names))])
        else:
            self._chart_messages.value = ""
        m = self.model
        views = self._t("explorer.model_fitted" if m.fitted else "explorer.model_assumed",
                        median=format_int(round(m.median), lang), sigma=format_decimal(m.sigma, 2, lang))
        audience = self._t("explorer.audience_note", group=format_int(reach.Audience().group, lang),
                           on_tiktok=format_percent(m.on_tiktok, 0, lang),
                           per_person=format_decimal(m.views_per_person, 1, lang))
        source = "explorer.netherlands_export" if m.netherlands_from_export else "explorer.netherlands_assumed"
        netherlands = self._t(source, share=format_percent(m.in_netherlands, 0, lang))
        group = self._t("explorer.in_group_note", share=format_percent(m.in_group, 0, lang))
        self._assumptions.value = "".join(assumption_html(text) for text in (views, audience, netherlands, group))
        s = m.summary()
        text = self._t("explorer.summary", weeks=s["weeks"], median=format_int(round(s["median"]), lang),
                       low=format_int(round(s["low"]), lang), high=format_int(round(s["high"]), lang),
                       share=format_percent(s["share"], 0, lang), reachable=format_int(round(s["reachable"]), lang),
                       people=format_int(round(s["people"]), lang))
        self._summary.value = f"<p class='stagetok-summary'><b>{escape(text)}</b></p>"

    def _show_problems(self) -> None:
        messages = [("error", self._t(key, **params)) for key, params in self.model.problems_of("upload")]
        key, params = self.model.notice
        if key and self.model.export is not None:
            messages.append(("ok", self._t(key, **params)))
        if self.model.is_sample and not self.model.is_example:  # the example line says so already
            messages.append(("warning", self._t("explorer.sample_warning")))
        self._upload_messages.value = message_html(messages)
        self._scenario_messages.value = self._problem_html("scenario", "model")

    def _on_language_extra(self) -> None:
        current = self._which.value
        self._which.options = [(self._t(f"explorer.chart.{name}"), name) for name in CHARTS]
        self._which.value = current or "scenario"
