"""The Hashtag Lab: a model over :mod:`toolkit.hashtags` and a view that lays it out."""

from __future__ import annotations

import functools

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from toolkit import examples, hashtags, workbook
from toolkit.charts import TIER_COLOURS, hashtag_mix_chart
from toolkit.i18n import TextError, format_int
from toolkit.widgets.common import ToolModel, ToolView, clear_chart, fixed_look, guarded, show_chart
from toolkit.widgets.markup import assumption_html, escape, message_html

#: A field longer than this is refused before any work is done (a pasted essay, say).
MAX_FIELD_LENGTH = 500
#: Most tags a sheet can hold: the suggestions plus what a team adds by hand.
MAX_TAGS = 40


def _empty_tags() -> pd.DataFrame:
    return pd.DataFrame({"hashtag": pd.Series(dtype=str), "kind": pd.Series(dtype=str)})


class HashtagLabModel(ToolModel):
    """State of the Hashtag Lab; every rule lives in :mod:`toolkit.hashtags`.

    Setting ``company`` (or ``profession``, ``challenge``) suggests tags; setting ``tags``,
    ``posts`` or the thresholds recalculates the research sheet, the mix and the caption. A
    refused input never replaces what was there before: the action methods record a problem.
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

    @traitlets.validate("sweet_spot", "overused")
    def _validate_thresholds(self, proposal):
        limits = {"sweet_spot": self.sweet_spot, "overused": self.overused, proposal["trait"].name: proposal["value"]}
        try:
            hashtags.Thresholds(limits["sweet_spot"], limits["overused"])
        except TextError as error:
            raise traitlets.TraitError(str(error)) from error
        return proposal["value"]

    @traitlets.observe("company", "profession", "challenge")
    def _on_company(self, change):
        if self.company.strip():
            self.make_suggestions()

    @traitlets.observe("tags", "posts", "sweet_spot", "overused")
    def _on_inputs(self, change):
        self._refresh()

    @traitlets.observe("caption_text")
    def _on_caption_text(self, change):
        self._update_caption()

    # --- the team's workbook ----------------------------------------------------------------
    sections = ("hashtags",)

    def to_sections(self) -> dict[str, object]:
        """The lab's inputs and the team's choice, as the workbook's ``hashtags`` section."""
        own = tuple(self.tags.loc[self.tags["kind"] == "own", "hashtag"])
        return {"hashtags": workbook.Hashtags(
            company=self.company, profession=self.profession, challenge=self.challenge, own=own,
            posts=tuple(workbook.TagCount(tag, int(count)) for tag, count in self.posts.items()),
            chosen=tuple(self.chosen), follow_mix=self.follow_mix, caption_text=self.caption_text,
            sweet_spot=self.sweet_spot, overused=self.overused)}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the lab's inputs from the workbook: tags are suggested again, own tags added back."""
        section = book.hashtags
        self.start_empty()
        if section.sweet_spot is not None and section.overused is not None:
            self.set_thresholds(section.sweet_spot, section.overused)
        with self.hold_trait_notifications():
            self.company, self.profession, self.challenge = section.company, section.profession, section.challenge
        for tag in section.own:
            self.add_tag(tag)
        self.posts = {item.tag.casefold(): item.posts for item in section.posts}
        if not section.follow_mix:
            self.choose(list(section.chosen))
        self.caption_text = section.caption_text
        self.problems, self.notice = {}, ("", {})
        self.revision += 1

    # --- actions ---------------------------------------------------------------------------
    def load_example(self) -> None:
        """Open on the invented garage of :mod:`toolkit.examples`, with invented post counts."""
        self.start_empty()
        with self.hold_trait_notifications():
            self.company, self.profession = examples.COMPANY, examples.PROFESSION
            self.posts = {tag.casefold(): count for tag, count in examples.POSTS.items()}
            self.is_example = True

    def start_empty(self) -> None:
        """Clear everything: the team starts with its own company."""
        with self.hold_trait_notifications():
            self.company = self.profession = self.challenge = self.caption_text = ""
            self.tags, self.posts, self.problems = _empty_tags(), {}, {}
            self.follow_mix, self.notice, self.is_example = True, ("", {}), False

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
        self.notice = ("lab.suggested", {"n": len(suggested) + len(own)})
        self.tags = pd.concat([suggested, own], ignore_index=True)
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
        self.notice = ("lab.added", {"tag": tag})
        self.tags = pd.concat([self.tags, pd.DataFrame({"hashtag": [tag], "kind": ["own"]})], ignore_index=True)
        return True

    def set_posts(self, tag: str, text: str) -> bool:
        """Record the post count typed for ``tag``; an empty field clears it."""

        def values():
            value = hashtags.parse_posts(str(text)[:MAX_FIELD_LENGTH])
            posts = {key: count for key, count in self.posts.items() if key != tag.casefold()}
            return {"posts": posts if value is None else {**posts, tag.casefold(): value}}

        return self._apply("posts:" + tag.casefold(), values)

    def set_thresholds(self, sweet_spot: int, overused: int) -> bool:
        """Change the tier limits; refused limits leave the old ones in place."""

        def values():
            limits = hashtags.Thresholds(int(sweet_spot), int(overused))
            return {"sweet_spot": limits.sweet_spot, "overused": limits.overused}

        return self._apply("thresholds", values, refused=("tiers.bad_thresholds", {}))

    def choose(self, tags: list[str]) -> None:
        """The team picks its own tags for the caption (choosing what is chosen changes nothing)."""
        present = set(self.tags["hashtag"])
        chosen = [tag for tag in tags if tag in present]
        if chosen == self.chosen:
            return
        self.follow_mix = False
        self.chosen = chosen
        self._update_caption()
        self.revision += 1

    def use_mix(self) -> None:
        """Go back to the recommended mix."""
        self.follow_mix = True
        self.chosen = list(self.mix)
        self._update_caption()
        self.revision += 1

    # --- derived state ---------------------------------------------------------------------
    @property
    def thresholds(self) -> hashtags.Thresholds:
        """The tier limits as one value."""
        return hashtags.Thresholds(self.sweet_spot, self.overused)

    def caption_stats(self) -> dict:
        """Length, limit and number of hashtags of the caption (see :func:`toolkit.hashtags.caption_stats`)."""
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
    """The Hashtag Lab view: shows the model, and passes what a participant does to it."""

    title_key, intro_key, example_key, label_width = "lab.title", "lab.intro", "lab.example_note", "130px"

    def __init__(self, model: HashtagLabModel | None = None, **kwargs):
        super().__init__(model or HashtagLabModel(), **kwargs)
        self.last_chart: alt.Chart | None = None
        self._row_widgets: dict[str, tuple[widgets.Text, widgets.HTML]] = {}  # tag -> posts field, tier badge
        self._row_labels: dict[str, tuple[widgets.Label, widgets.Label, widgets.HTML]] = {}  # tag, kind, note
        text_layout = {"width": "100%", "max_width": "480px"}
        self._company, self._profession, self._challenge = (
            self._input(widgets.Text, f"lab.{name}", placeholder=f"lab.{name}_placeholder", continuous_update=False,
                        layout=text_layout)
            for name in ("company", "profession", "challenge"))
        self._suggest = self._text(fixed_look(widgets.Button, button_style="primary", layout={"width": "auto"}),
                                   "lab.suggest", "description")
        self._suggest_messages = fixed_look(widgets.HTML)
        # shown once there are tags: a layout of its own
        self._table = widgets.GridBox(layout=widgets.Layout(
            grid_template_columns="minmax(180px, 2fr) minmax(90px, 1fr) 150px minmax(140px, 1fr) minmax(0, 3fr)",
            grid_gap="2px 8px", display="none"))
        self._table_header = [self._static_text(key, tag="b") for key in (
            "lab.col_hashtag", "lab.col_kind", "lab.col_posts", "lab.col_tier", "lab.col_note")]
        self._table_messages = fixed_look(widgets.HTML)
        self._own_tag = self._input(widgets.Text, "lab.own_tag", placeholder="lab.own_tag_placeholder",
                                    continuous_update=False, layout={"width": "240px"})
        self._add = self._text(fixed_look(widgets.Button, layout={"width": "auto"}), "lab.add", "description")
        self._own_messages = fixed_look(widgets.HTML)
        number = dict(min=1, max=10**12, layout={"width": "300px"})
        self._sweet_spot = self._input(widgets.BoundedIntText, "lab.sweet_from", **number)
        self._overused = self._input(widgets.BoundedIntText, "lab.overused_from", **number)
        self._threshold_rule = fixed_look(widgets.HTML)
        self._threshold_messages = fixed_look(widgets.HTML)
        self._mix = fixed_look(widgets.HTML)
        self._use_mix = self._text(fixed_look(widgets.Button, layout={"width": "auto"}), "lab.use_mix", "description")
        # TagsInput shows no description of its own: its label is a line above it.
        self._chosen = fixed_look(widgets.TagsInput, allow_duplicates=False, layout=text_layout)
        self._caption_text = self._input(widgets.Textarea, "lab.caption", placeholder="lab.caption_placeholder",
                                         continuous_update=False,
                                         layout={"width": "100%", "max_width": "640px", "height": "90px"})
        self._caption_stats = fixed_look(widgets.HTML)
        self._caption_preview = fixed_look(widgets.HTML)
        self._chart = fixed_look(widgets.Output, layout={"min_height": "60px"})
        self._chart_messages = fixed_look(widgets.HTML)

        self._lay_out(
            self._heading("lab.step1"), self._company, self._profession, self._challenge,
            fixed_look(widgets.HBox, [self._suggest]), self._suggest_messages,
            self._heading("lab.step2"), self._table, self._table_messages,
            fixed_look(widgets.HBox, [self._own_tag, self._add]), self._own_messages,
            self._static_text("lab.thresholds", tag="b"),
            fixed_look(widgets.HBox, [self._sweet_spot, self._overused]), self._threshold_rule,
            self._threshold_messages,
            self._chart_messages, self._chart,
            self._heading("lab.step3"), self._static_text("lab.mix", tag="b"), self._mix,
            fixed_look(widgets.HBox, [self._use_mix]), self._static_text("lab.chosen", tag="b"), self._chosen,
            self._caption_text, self._caption_stats, self._caption_preview,
        )

        for name in ("company", "profession", "challenge", "caption_text"):
            self._link(name, getattr(self, f"_{name}"))
        # Both fields are read, so a limit refused a moment ago counts once the other one fits it.
        thresholds = lambda value: self.model.set_thresholds(self._sweet_spot.value, self._overused.value)  # noqa: E731
        self._link("sweet_spot", self._sweet_spot, action=thresholds)
        self._link("overused", self._overused, action=thresholds)
        # The sheet is set before the chosen tags, so the allowed tags are always up to date.
        traitlets.dlink((self.model, "sheet"), (self._chosen, "allowed_tags"), lambda sheet: list(sheet["hashtag"]))
        self._link("chosen", self._chosen, to_widget=list, action=self.model.choose)
        self.model.observe(self._on_caption, "caption")
        self._suggest.on_click(self._on_suggest)
        self._add.on_click(self._on_add)
        self._own_tag.observe(self._on_add, "value")
        self._use_mix.on_click(self._on_use_mix)
        self._start("stagetok-hashtag-lab")

    # --- participant actions -----------------------------------------------------------------
    @guarded
    def _on_suggest(self, button=None):
        self.model.make_suggestions()  # with no company this records the "fill it in" hint

    @guarded
    def _on_add(self, change=None):
        if self._own_tag.value.strip() and self.model.add_tag(self._own_tag.value):
            self._own_tag.value = ""

    @guarded
    def _on_posts(self, tag, change):
        self.model.set_posts(tag, change["new"])

    @guarded
    def _on_use_mix(self, button=None):
        self.model.use_mix()

    # --- model -> view -------------------------------------------------------------------------
    def _render(self) -> None:
        self._show_table()
        if self.model.mix:
            items = "".join(f"<li><code>{escape(tag)}</code></li>" for tag in self.model.mix)
            mix_html = f"<ol>{items}</ol><div style='color:#555'>{escape(self._t('lab.mix_rule'))}</div>"
            if len(self.model.mix) < hashtags.MIX_MIN:
                mix_html += message_html([("warning", self._t("lab.mix_short", n=len(self.model.mix)))])
            self._mix.value = mix_html
        else:
            self._mix.value = ""
        lang = self.model.language
        rule = self._t("lab.tier_rule", sweet=format_int(self.model.sweet_spot, lang),
                       over=format_int(self.model.overused, lang))
        self._threshold_rule.value = assumption_html(rule)
        self._on_caption()
        self._draw_chart()

    @guarded
    def _on_caption(self, change=None):
        lang = self.model.language
        stats = self.model.caption_stats()
        text = self._t("lab.caption_stats", length=format_int(stats["length"], lang),
                       limit=format_int(stats["limit"], lang), hashtags=stats["hashtags"])
        messages = []
        if not stats["fits"]:
            over, limit = format_int(stats["length"] - stats["limit"], lang), format_int(stats["limit"], lang)
            messages.append(("error", self._t("lab.caption_too_long", over=over, limit=limit)))
        if stats["hashtags"] > hashtags.MIX_MAX:
            messages.append(("warning", self._t("lab.caption_many_tags")))
        colour = "#d62728" if not stats["fits"] else "#333"
        stats_html = f"<span class='stagetok-caption-stats' style='color:{colour}'>{escape(text)}</span>"
        self._caption_stats.value = stats_html + message_html(messages)
        self._caption_preview.value = (
            f"<div style='color:#555'>{escape(self._t('lab.preview'))}:</div>"
            f"<div class='stagetok-caption-preview' style='white-space:pre-wrap;border:1px solid #ddd;"
            f"padding:6px;max-width:640px;overflow-wrap:anywhere'>{escape(self.model.caption)}</div>"
        ) if self.model.caption else ""

    def _show_problems(self) -> None:
        self._suggest_messages.value = self._problem_html("suggest") or self._notice_html("lab.suggested")
        self._own_messages.value = self._problem_html("own") or self._notice_html("lab.added")
        self._table_messages.value = self._problem_html("posts")
        self._threshold_messages.value = self._problem_html("thresholds")

    # --- helpers ---------------------------------------------------------------------------------
    def _tier_badge(self, tier: str) -> str:
        label = escape(self._t(f"tier.{tier}"))
        text_colour = "#000" if tier == "unknown" else "#fff"
        return (f"<span class='stagetok-tier stagetok-tier-{tier}' style='background:{TIER_COLOURS[tier]};"
                f"color:{text_colour};padding:1px 6px;border-radius:8px;white-space:nowrap'>{label}</span>")

    def _show_table(self) -> None:
        """One row per tag: the tag, its kind, a post-count field showing the model's count, its tier.

        Rows are kept per tag and only their values change, so a redraw sends the page what
        changed and nothing else; the grid is laid out again only when the tags change.
        """
        sheet, posts, lang = self.model.sheet, self.model.posts, self.model.language
        rows = {}
        for tag, kind, tier in zip(sheet["hashtag"], sheet["kind"], sheet["tier"], strict=True):
            if tag in self._row_widgets:
                posts_box, badge = self._row_widgets[tag]
                tag_label, kind_label, note = self._row_labels[tag]
            else:
                posts_box = fixed_look(widgets.Text, continuous_update=False, layout={"width": "140px"})
                posts_box.observe(functools.partial(self._on_posts, tag), "value")
                badge = fixed_look(widgets.HTML)
                # a Label shows text, never HTML
                tag_label, kind_label = fixed_look(widgets.Label, tag), fixed_look(widgets.Label)
                note = fixed_look(widgets.HTML)
            count = posts.get(tag.casefold())
            # Show the model's count, but keep the team's own way of writing it ("12,5K"), and
            # keep a refused entry in view next to its message until the team corrects it.
            refused = f"posts:{tag.casefold()}" in self.model.problems
            if not refused and _read_posts(posts_box.value) != count:
                posts_box.value = "" if count is None else format_int(count, lang)
            posts_box.placeholder = self._t("lab.posts_placeholder")
            badge.value = self._tier_badge(tier)
            kind_label.value = self._t(f"kind.{kind}")
            key = hashtags.warning(tag)
            note.value = (f"<span class='stagetok-tag-warning' style='color:#8a6100;font-size:90%'>"
                          f"{escape(self._t(key))}</span>") if key else ""
            rows[tag] = (posts_box, badge), (tag_label, kind_label, note)
        if list(rows) != list(self._row_widgets):
            cells = list(self._table_header)
            for (box, badge), (tag_label, kind_label, note) in rows.values():
                cells += [tag_label, kind_label, box, badge, note]
            self._table.children = cells
            self._table.layout.display = "grid" if rows else "none"
        self._row_widgets = {tag: cells for tag, (cells, _) in rows.items()}
        self._row_labels = {tag: labels for tag, (_, labels) in rows.items()}

    def _draw_chart(self) -> None:
        sheet = self.model.sheet
        if not sheet["posts"].notna().any():
            self._chart_messages.value = message_html([("info", self._t("lab.chart_empty"))]) if len(sheet) else ""
            clear_chart(self._chart)
            self.last_chart = None
            return
        self._chart_messages.value = ""
        self.last_chart = self.model.chart()
        show_chart(self._chart, self.last_chart)


def _read_posts(text: str) -> int | None:
    """The count a post-count field holds, or -1 when it holds no readable count."""
    try:
        return hashtags.parse_posts(text)
    except TextError:
        return -1
