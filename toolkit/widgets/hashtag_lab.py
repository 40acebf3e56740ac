"""The Hashtag Lab: a model over :mod:`toolkit.hashtags` and a view that lays it out."""

from __future__ import annotations

import functools

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from toolkit import hashtags
from toolkit.charts import TIER_COLOURS, hashtag_mix_chart
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

#: A field longer than this is refused before any work is done (a pasted essay, say).
MAX_FIELD_LENGTH = 500
#: Most tags a sheet can hold: the suggestions plus what a team adds by hand.
MAX_TAGS = 40



def _empty_tags() -> pd.DataFrame:
    return pd.DataFrame({"hashtag": pd.Series(dtype=str), "kind": pd.Series(dtype=str)})


class HashtagLabModel(ToolModel):
    """State of the Hashtag Lab; every rule lives in :mod:`toolkit.hashtags`.

    Problems are kept as catalogue keys with parameters, so the view can show them in
    either language. A refused input never replaces what was there before.
    """

    company = traitlets.Unicode("", help="Company name as typed.")
    profession = traitlets.Unicode("", help="A profession the company offers internships in.")
    challenge = traitlets.Unicode("", help="Name of the company's own challenge (optional).")
    tags = traitlets.Instance(pd.DataFrame, help="Candidate tags: columns hashtag, kind.")
    posts = traitlets.Dict(help="Post count per tag (casefolded tag -> int), as looked up on TikTok.")
    sweet_spot = traitlets.Int(10_000, help="Posts from which a tag is in the sweet spot.")
    overused = traitlets.Int(1_000_000, help="Posts from which a tag is overused.")
    sheet = traitlets.Instance(pd.DataFrame, help="Research sheet: tags with posts and tier.")
    mix = traitlets.List(traitlets.Unicode(), help="Recommended mix of 3-5 tags.")
    chosen = traitlets.List(traitlets.Unicode(), help="Tags the team puts in its caption.")
    follow_mix = traitlets.Bool(True, help="Chosen tags follow the recommended mix until the team picks its own.")
    caption_text = traitlets.Unicode("", help="Caption text without the chosen tags.")
    caption = traitlets.Unicode("", help="Caption text with the chosen tags appended.")
    notice = traitlets.Tuple(default_value=("", {}), help="Last confirmation: (key, params).")
    revision = traitlets.Int(0, help="Counts finished updates of sheet, mix and chosen tags; views redraw on it.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._refresh()

    @traitlets.default("tags")
    def _default_tags(self):
        return _empty_tags()

    @traitlets.validate("company", "profession", "challenge", "caption_text")
    def _validate_length(self, proposal):
        value = proposal["value"]
        limit = 20_000 if proposal["trait"].name == "caption_text" else MAX_FIELD_LENGTH
        # Keep what fits instead of refusing: losing a whole pasted text is worse.
        return value[:limit]

    # --- actions ---------------------------------------------------------------------------
    def make_suggestions(self) -> bool:
        """Suggest tags for the company; on a problem keep the earlier tags. True on success."""
        self._set_problems("suggest", [])
        if not self.company.strip():
            self._set_problems("suggest", [("lab.need_company", {})])
            return False
        try:
            suggested = hashtags.suggest(
                company=self.company,
                profession=self.profession or None,
                challenge=self.challenge or None,
                lang=self.language,
            )
        except TextError as error:
            self._set_problems("suggest", [(error.key, error.params)])
            return False
        own = self.tags[self.tags["kind"] == "own"]
        keys = set(suggested["hashtag"].str.casefold())
        own = own[~own["hashtag"].str.casefold().isin(keys)]
        self.tags = pd.concat([suggested, own], ignore_index=True)
        self.notice = ("lab.suggested", {"n": len(self.tags)})
        self._refresh()
        return True

    def add_tag(self, text: str) -> bool:
        """Add a tag the team thought of; problems are recorded under ``"own"``."""
        tag = hashtags.as_tag(str(text)[:MAX_FIELD_LENGTH])
        codes = hashtags.problem_codes(tag)
        if codes:
            self._set_problems("own", [(code, {"max": hashtags.MAX_TAG_LENGTH}) for code in codes])
            return False
        if tag.casefold() in set(self.tags["hashtag"].str.casefold()):
            self._set_problems("own", [("lab.already", {"tag": tag})])
            return False
        if len(self.tags) >= MAX_TAGS:
            self._set_problems("own", [("lab.too_many_tags", {"max": MAX_TAGS})])
            return False
        self._set_problems("own", [])
        row = pd.DataFrame({"hashtag": [tag], "kind": ["own"]})
        self.tags = pd.concat([self.tags, row], ignore_index=True)
        self.notice = ("lab.added", {"tag": tag})
        self._refresh()
        return True

    def set_posts(self, tag: str, text: str) -> bool:
        """Record the post count typed for ``tag``; an empty field clears it."""
        field = "posts:" + tag.casefold()
        try:
            value = hashtags.parse_posts(str(text)[:MAX_FIELD_LENGTH])
        except TextError as error:
            self._set_problems(field, [(error.key, error.params)])
            return False
        self._set_problems(field, [])
        posts = dict(self.posts)
        if value is None:
            posts.pop(tag.casefold(), None)
        else:
            posts[tag.casefold()] = value
        self.posts = posts
        self._refresh()
        return True

    def set_thresholds(self, sweet_spot: int, overused: int) -> bool:
        """Change the tier limits; refused limits leave the old ones in place."""
        try:
            hashtags.Thresholds(int(sweet_spot), int(overused))
        except (TextError, TypeError, ValueError):
            self._set_problems("thresholds", [("tiers.bad_thresholds", {})])
            return False
        self._set_problems("thresholds", [])
        with self.hold_trait_notifications():
            self.sweet_spot, self.overused = int(sweet_spot), int(overused)
        self._refresh()
        return True

    def choose(self, tags: list[str]) -> None:
        """The team picks its own tags for the caption."""
        self.follow_mix = False
        self.chosen = [tag for tag in tags if tag in set(self.tags["hashtag"])]
        self._update_caption()
        self.revision += 1

    def use_mix(self) -> None:
        """Go back to the recommended mix."""
        self.follow_mix = True
        self.chosen = list(self.mix)
        self._update_caption()
        self.revision += 1

    def set_caption_text(self, text: str) -> None:
        self.caption_text = text
        self._update_caption()

    # --- derived state ---------------------------------------------------------------------
    @property
    def thresholds(self) -> hashtags.Thresholds:
        return hashtags.Thresholds(self.sweet_spot, self.overused)

    def caption_stats(self) -> dict:
        return hashtags.caption_stats(self.caption)

    def chart(self) -> alt.Chart:
        """The chart of the research sheet with the chosen tags outlined."""
        return hashtag_mix_chart(self.sheet, self.chosen, lang=self.language)

    def _refresh(self) -> None:
        self.sheet = hashtags.research_sheet(self.tags, self.posts, self.thresholds)
        self.mix = hashtags.recommend_mix(self.sheet) if len(self.sheet) else []
        if self.follow_mix:
            self.chosen = list(self.mix)
        else:
            present = set(self.sheet["hashtag"])
            self.chosen = [tag for tag in self.chosen if tag in present]
        self._update_caption()
        self.revision += 1

    def _update_caption(self) -> None:
        self.caption = hashtags.build_caption(self.caption_text, self.chosen)



class HashtagLab(ToolView):
    """The Hashtag Lab view: lays out widgets and passes what a participant does to the model."""

    def __init__(self, model: HashtagLabModel | None = None, **kwargs):
        super().__init__(**kwargs)
        self.model = model or HashtagLabModel()
        self.last_chart: alt.Chart | None = None
        self._row_widgets: dict[str, tuple[widgets.Text, widgets.HTML]] = {}

        self._language = language_switch(self.model.language)
        self._title = widgets.HTML()
        self._intro = widgets.HTML()
        self._step1, self._step2, self._step3 = widgets.HTML(), widgets.HTML(), widgets.HTML()
        text_layout = widgets.Layout(width="100%", max_width="480px")
        self._company = widgets.Text(continuous_update=False, layout=text_layout)
        self._profession = widgets.Text(continuous_update=False, layout=text_layout)
        self._challenge = widgets.Text(continuous_update=False, layout=text_layout)
        self._suggest = widgets.Button(button_style="primary", layout=widgets.Layout(width="auto"))
        self._suggest_messages = widgets.HTML()

        self._table = widgets.GridBox(
            layout=widgets.Layout(grid_template_columns="minmax(180px, 2fr) 1fr 150px 1fr", grid_gap="2px 8px")
        )
        self._table_messages = widgets.HTML()
        self._own_tag = widgets.Text(continuous_update=False, layout=widgets.Layout(width="240px"))
        self._add = widgets.Button(layout=widgets.Layout(width="auto"))
        self._own_messages = widgets.HTML()
        self._sweet_spot = widgets.BoundedIntText(value=self.model.sweet_spot, min=1, max=10**12, layout=widgets.Layout(width="300px"))
        self._overused = widgets.BoundedIntText(value=self.model.overused, min=2, max=10**12, layout=widgets.Layout(width="300px"))
        self._threshold_title = widgets.HTML()
        self._threshold_rule = widgets.HTML()
        self._threshold_messages = widgets.HTML()

        self._mix_title = widgets.HTML()
        self._mix = widgets.HTML()
        self._use_mix = widgets.Button(layout=widgets.Layout(width="auto"))
        self._chosen = widgets.SelectMultiple(rows=6, layout=widgets.Layout(width="100%", max_width="480px"))
        self._caption_text = widgets.Textarea(layout=widgets.Layout(width="100%", max_width="640px", height="90px"))
        self._caption_stats = widgets.HTML()
        self._caption_preview = widgets.HTML()
        self._chart = widgets.Output(layout=widgets.Layout(min_height="60px"))
        self._chart_messages = widgets.HTML()

        self.children = [
            widgets.HBox([self._title, self._language], layout=widgets.Layout(justify_content="space-between", align_items="center")),
            self._intro,
            self._general_messages,
            self._step1,
            self._company,
            self._profession,
            self._challenge,
            widgets.HBox([self._suggest]),
            self._suggest_messages,
            self._step2,
            self._table,
            self._table_messages,
            widgets.HBox([self._own_tag, self._add]),
            self._own_messages,
            self._threshold_title,
            widgets.HBox([self._sweet_spot, self._overused]),
            self._threshold_rule,
            self._threshold_messages,
            self._chart_messages,
            self._chart,
            self._step3,
            self._mix_title,
            self._mix,
            widgets.HBox([self._use_mix]),
            self._chosen,
            self._caption_text,
            self._caption_stats,
            self._caption_preview,
        ]
        self.layout.max_width = "960px"
        self.add_class("stagetok-hashtag-lab")

        self._language.observe(self._on_language, "value")
        for field in (self._company, self._profession, self._challenge):
            field.observe(self._on_company_fields, "value")
        self._suggest.on_click(self._on_suggest)
        self._add.on_click(self._on_add)
        self._own_tag.observe(self._on_add, "value")
        self._sweet_spot.observe(self._on_thresholds, "value")
        self._overused.observe(self._on_thresholds, "value")
        self._use_mix.on_click(self._on_use_mix)
        self._chosen.observe(self._on_chosen, "value")
        self._caption_text.observe(self._on_caption_text, "value")

        self.model.observe(self._on_sheet, "revision")
        self.model.observe(self._on_caption, "caption")
        self.model.observe(self._on_problems, ["problems", "notice"])

        self._apply_language()
        self._rebuild_table()
        self._on_sheet()

    # --- participant actions -----------------------------------------------------------------
    @guarded
    def _on_language(self, change=None):
        self.model.language = self._language.value
        self._apply_language()
        self._rebuild_table()
        self._on_sheet()
        self._on_problems()

    def _sync_fields(self) -> None:
        with self.model.hold_trait_notifications():
            self.model.company = self._company.value
            self.model.profession = self._profession.value
            self.model.challenge = self._challenge.value

    @guarded
    def _on_company_fields(self, change=None):
        self._sync_fields()
        if self.model.company.strip():
            self.model.make_suggestions()

    @guarded
    def _on_suggest(self, button=None):
        self._sync_fields()
        self.model.make_suggestions()  # with no company this records the "fill it in" hint

    @guarded
    def _on_add(self, change=None):
        if not self._own_tag.value.strip():
            return
        if self.model.add_tag(self._own_tag.value):
            self._own_tag.value = ""

    @guarded
    def _on_posts(self, tag, change):
        self.model.set_posts(tag, change["new"])

    @guarded
    def _on_thresholds(self, change=None):
        self.model.set_thresholds(self._sweet_spot.value, self._overused.value)
        self._threshold_rule.value = self._rule_text()

    @guarded
    def _on_use_mix(self, button=None):
        self.model.use_mix()

    @guarded
    def _on_chosen(self, change=None):
        if self._updating_chosen:
            return
        self.model.choose(list(self._chosen.value))

    @guarded
    def _on_caption_text(self, change=None):
        self.model.set_caption_text(self._caption_text.value)

    # --- model -> view -------------------------------------------------------------------------
    _updating_chosen = False

    @guarded
    def _on_sheet(self, change=None):
        lang = self.model.language
        sheet = self.model.sheet
        if list(sheet["hashtag"]) != list(self._row_widgets):
            self._rebuild_table()
        for tag, tier in zip(sheet["hashtag"], sheet["tier"]):
            self._row_widgets[tag][1].value = self._tier_badge(tier)
        if self.model.mix:
            items = "".join(f"<li><code>{escape(tag)}</code></li>" for tag in self.model.mix)
            mix_html = f"<ol>{items}</ol><div style='color:#555'>{escape(t('lab.mix_rule', lang=lang))}</div>"
            if len(self.model.mix) < hashtags.MIX_MIN:
                mix_html += message_html([("warning", t("lab.mix_short", lang=lang, n=len(self.model.mix)))])
            self._mix.value = mix_html
        else:
            self._mix.value = ""
        self._updating_chosen = True
        try:
            options = list(sheet["hashtag"])
            if list(self._chosen.options) != options:
                self._chosen.options = options
            self._chosen.value = tuple(tag for tag in self.model.chosen if tag in options)
        finally:
            self._updating_chosen = False
        self._draw_chart()

    @guarded
    def _on_caption(self, change=None):
        lang = self.model.language
        stats = self.model.caption_stats()
        text = t("lab.caption_stats", lang=lang, length=format_int(stats["length"], lang),
                 limit=format_int(stats["limit"], lang), hashtags=stats["hashtags"])
        messages = []
        if not stats["fits"]:
            over = stats["length"] - stats["limit"]
            messages.append(("error", t("lab.caption_too_long", lang=lang, over=format_int(over, lang),
                                        limit=format_int(stats["limit"], lang))))
        if stats["hashtags"] > hashtags.MIX_MAX:
            messages.append(("warning", t("lab.caption_many_tags", lang=lang)))
        colour = "#d62728" if not stats["fits"] else "#333"
        self._caption_stats.value = f"<span class='stagetok-caption-stats' style='color:{colour}'>{escape(text)}</span>" + message_html(messages)
        if self.model.caption:
            self._caption_preview.value = (
                f"<div style='color:#555'>{escape(t('lab.preview', lang=lang))}:</div>"
                f"<div class='stagetok-caption-preview' style='white-space:pre-wrap;border:1px solid #ddd;"
                f"padding:6px;max-width:640px;overflow-wrap:anywhere'>{escape(self.model.caption)}</div>"
            )
        else:
            self._caption_preview.value = ""

    @guarded
    def _on_problems(self, change=None):
        lang = self.model.language
        problems = self.model.problems

        def render(field_prefix: str, level: str = "error") -> str:
            messages = []
            for field, items in problems.items():
                if field == field_prefix or field.startswith(field_prefix + ":"):
                    for key, params in items:
                        messages.append((level, t(key, lang=lang, **params)))
            return message_html(messages)

        notice_key, notice_params = self.model.notice
        suggest_html = render("suggest")
        if not suggest_html and notice_key in ("lab.suggested",):
            suggest_html = message_html([("ok", t(notice_key, lang=lang, **notice_params))])
        self._suggest_messages.value = suggest_html
        own_html = render("own")
        if not own_html and notice_key == "lab.added":
            own_html = message_html([("ok", t(notice_key, lang=lang, **notice_params))])
        self._own_messages.value = own_html
        self._table_messages.value = render("posts")
        self._threshold_messages.value = render("thresholds")

    # --- helpers ---------------------------------------------------------------------------------
    def _rule_text(self) -> str:
        lang = self.model.language
        rule = t("lab.tier_rule", lang=lang, sweet=format_int(self.model.sweet_spot, lang),
                 over=format_int(self.model.overused, lang))
        return f"<div class='stagetok-assumption' style='color:#555'>{escape(rule)}</div>"

    def _tier_badge(self, tier: str) -> str:
        label = escape(t(f"tier.{tier}", lang=self.model.language))
        colour = TIER_COLOURS[tier]
        text_colour = "#000" if tier in ("unknown",) else "#fff"
        return (f"<span class='stagetok-tier stagetok-tier-{tier}' style='background:{colour};color:{text_colour};"
                f"padding:1px 6px;border-radius:8px'>{label}</span>")

    def _apply_language(self) -> None:
        lang = self.model.language
        self._title.value = f"<h2 style='margin:4px 0'>{escape(t('lab.title', lang=lang))}</h2>"
        self._intro.value = f"<p>{escape(t('lab.intro', lang=lang))}</p>"
        self._step1.value = f"<h3>{escape(t('lab.step1', lang=lang))}</h3>"
        self._step2.value = f"<h3>{escape(t('lab.step2', lang=lang))}</h3>"
        self._step3.value = f"<h3>{escape(t('lab.step3', lang=lang))}</h3>"
        for field, name in ((self._company, "company"), (self._profession, "profession"), (self._challenge, "challenge")):
            field.description = t(f"lab.{name}", lang=lang)
            field.placeholder = t(f"lab.{name}_placeholder", lang=lang)
        self._suggest.description = t("lab.suggest", lang=lang)
        self._own_tag.description = t("lab.own_tag", lang=lang)
        self._own_tag.placeholder = t("lab.own_tag_placeholder", lang=lang)
        self._add.description = t("lab.add", lang=lang)
        self._threshold_title.value = f"<b>{escape(t('lab.thresholds', lang=lang))}</b>"
        self._sweet_spot.description = t("lab.sweet_from", lang=lang)
        self._overused.description = t("lab.overused_from", lang=lang)
        for box in (self._sweet_spot, self._overused, self._company, self._profession, self._challenge, self._own_tag):
            box.style.description_width = "130px"
        self._threshold_rule.value = self._rule_text()
        self._mix_title.value = f"<b>{escape(t('lab.mix', lang=lang))}</b>"
        self._use_mix.description = t("lab.use_mix", lang=lang)
        self._chosen.description = t("lab.chosen", lang=lang)
        self._caption_text.description = t("lab.caption", lang=lang)
        self._caption_text.placeholder = t("lab.caption_placeholder", lang=lang)
        self._chosen.style.description_width = "130px"
        self._caption_text.style.description_width = "130px"
        self._on_caption()

    def _rebuild_table(self) -> None:
        lang = self.model.language
        header = [widgets.HTML(f"<b>{escape(t(key, lang=lang))}</b>")
                  for key in ("lab.col_hashtag", "lab.col_kind", "lab.col_posts", "lab.col_tier")]
        cells: list[widgets.Widget] = list(header)
        old = self._row_widgets
        self._row_widgets = {}
        known = {tag.casefold(): value for tag, value in self.model.posts.items()}
        for tag, kind, tier in zip(self.model.sheet["hashtag"], self.model.sheet["kind"], self.model.sheet["tier"]):
            if tag in old:
                posts_box, badge = old[tag]
            else:
                value = known.get(tag.casefold())
                posts_box = widgets.Text(value="" if value is None else str(value), continuous_update=False,
                                         layout=widgets.Layout(width="140px"))
                posts_box.observe(functools.partial(self._on_posts, tag), "value")
                badge = widgets.HTML()
            posts_box.placeholder = t("lab.posts_placeholder", lang=lang)
            badge.value = self._tier_badge(tier)
            self._row_widgets[tag] = (posts_box, badge)
            # A Label shows its value as text, never as HTML.
            cells += [widgets.Label(tag), widgets.Label(t(f"kind.{'own' if kind == 'own' else kind}", lang=lang)),
                      posts_box, badge]
        self._table.children = cells if self._row_widgets else []
        self._table.layout.display = "grid" if self._row_widgets else "none"

    def _draw_chart(self) -> None:
        lang = self.model.language
        sheet = self.model.sheet
        if not sheet["posts"].notna().any():
            self._chart_messages.value = message_html([("info", t("lab.chart_empty", lang=lang))]) if len(sheet) else ""
            clear_chart(self._chart)
            self.last_chart = None
            return
        self._chart_messages.value = ""
        chart = self.model.chart()
        self.last_chart = chart
        show_chart(self._chart, chart)
