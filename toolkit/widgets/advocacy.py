"""Tip 4, Touch, Tell, Sell: a model over :mod:`toolkit.advocacy` and a view to sort ideas and plan who posts."""

from __future__ import annotations

import datetime as _dt
import functools

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from toolkit import advocacy, examples, workbook
from toolkit.advocacy import KIND_KEYS, KINDS, MAX_LINES, MAX_WEEKS, ROLE_KEYS, ROLES
from toolkit.charts import LOCALES
from toolkit.charts.advocacy import KIND_COLOURS, balance_chart, calendar_chart
from toolkit.i18n import TextError, format_int, format_percent
from toolkit.widgets.common import ToolModel, ToolView, clear_chart, fixed_look, guarded, show_chart
from toolkit.widgets.markup import escape, message_html

#: The invented example's ideas: what the example garage could post, sorted, with their tone.
EXAMPLE_IDEAS = (
    workbook.Idea("Sanne laat zien hoe ze voor het eerst in haar eentje een band wisselt", 60, "touch"),
    workbook.Idea("Vrijdagmiddag: wie wint de bandenwissel-race in de werkplaats?", 80, "touch"),
    workbook.Idea("Ahmed beantwoordt de vraag: wat doet een monteur eigenlijk de hele dag?", 40, "tell"),
    workbook.Idea(f"Zo ziet een week van een bpv-stagiair bij {examples.COMPANY} eruit", 30, "tell"),
    workbook.Idea("Meld je aan voor een meeloopdag via de link in onze bio", 20, "sell"),
    workbook.Idea("Stagiairs geven hun begeleider een rapportcijfer", 70, None),
)
#: The invented example's roster: an intern and two employees of the example garage.
EXAMPLE_ROSTER = (
    workbook.Post("Sanne", "intern", "touch", "Mijn week in de werkplaats", 1, 1, 12),
    workbook.Post("Ahmed", "employee", "touch", "Vrijdagmiddag in de werkplaats", 2, 1, 11),
    workbook.Post("Ahmed", "employee", "tell", "Vragen van kijkers over het vak", 3, 2, 11),
    workbook.Post("Sanne", "intern", "tell", "Mijn stagedag in 30 seconden", 4, 3, 11),
    workbook.Post("Lisa van personeelszaken", "employee", "sell", "Meeloopdag en aanmelden", 4, 4, 12),
)


def next_monday(today: _dt.date | None = None) -> _dt.date:
    """The first Monday after ``today`` (default: the real today): when the example's roster starts."""
    today = today or _dt.date.today()
    return today + _dt.timedelta(days=7 - today.weekday())


def _valid_post(post: object) -> workbook.Post:
    """The roster line again, through every rule of :func:`toolkit.advocacy.make_post`."""
    if not isinstance(post, workbook.Post):
        raise TextError("advocacy.bad_line")
    return advocacy.make_post(post.who, post.role, post.kind, post.topic, post.every_weeks, post.first_week,
                              post.last_week)


class RosterPlannerModel(ToolModel):
    """The team's ideas sorted into Touch, Tell and Sell, and its posting roster for the coming weeks.

    ``ideas`` is the workbook's list of ideas, written in the irony step: this step sets each
    idea's ``kind`` (text and tone stay as they are) and can add ideas. ``roster`` holds the
    lines of the posting roster, ``start`` the Monday of week 1 (ISO) or ``""``. Changes go
    through the actions, which refuse what does not fit with a problem and keep the earlier value.
    """

    ideas = traitlets.Tuple(help="The team's content ideas (toolkit.workbook.Idea), shared with the irony step.")
    start = traitlets.Unicode("", help="The Monday of week 1 as an ISO date (2026-12-07), or empty.")
    roster = traitlets.Tuple(help="Lines of the posting roster (toolkit.workbook.Post).")

    sections = ("ideas", "advocacy")
    #: The ideas come from the irony step too: the workshop gives this step the workbook each time it opens.
    reads_workbook = True

    @traitlets.validate("ideas")
    def _validate_ideas(self, proposal):
        ideas = tuple(proposal["value"])
        if len(ideas) > workbook.MAX_ITEMS or not all(isinstance(idea, workbook.Idea) for idea in ideas):
            raise traitlets.TraitError(f"ideas must be at most {workbook.MAX_ITEMS} toolkit.workbook.Idea values.")
        if any(idea.kind not in (None, *KINDS) for idea in ideas):
            raise traitlets.TraitError(f"An idea's kind is one of {', '.join(KINDS)}, or None.")
        return ideas

    @traitlets.validate("roster")
    def _validate_roster(self, proposal):
        lines = tuple(proposal["value"])
        if len(lines) > MAX_LINES:
            raise traitlets.TraitError(f"A roster has at most {MAX_LINES} lines.")
        try:
            return tuple(_valid_post(post) for post in lines)
        except TextError as error:
            raise traitlets.TraitError(str(error)) from error

    @traitlets.validate("start")
    def _validate_start(self, proposal):
        value = proposal["value"]
        if value:
            try:
                day = _dt.date.fromisoformat(value)
            except ValueError as error:
                raise traitlets.TraitError(f"start must be an ISO date or empty, not {value[:30]!r}.") from error
            if day.weekday() != 0:
                raise traitlets.TraitError("start must be a Monday.")
        return value

    @traitlets.observe("ideas", "start", "roster")
    def _on_inputs(self, change):
        self.revision += 1

    # --- the team's workbook --------------------------------------------------------------------
    def to_sections(self) -> dict[str, object]:
        """The ideas (with their kinds) and the roster, as the workbook's ``ideas`` and ``advocacy`` sections."""
        return {"ideas": tuple(self.ideas), "advocacy": workbook.Advocacy(start=self.start, roster=tuple(self.roster))}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the ideas and the roster from the workbook.

        Roster lines that break a rule (possible only in an edited file) are left out, as is
        a start that is not a date; a start that is not a Monday becomes the Monday of its week.
        """
        lines = []
        for post in book.advocacy.roster:
            try:
                lines.append(_valid_post(post))
            except TextError:
                continue
        try:
            start = advocacy.parse_start(book.advocacy.start).isoformat() if book.advocacy.start else ""
        except TextError:
            start = ""
        self._fill(tuple(book.ideas)[:workbook.MAX_ITEMS], start, tuple(lines[:MAX_LINES]), example=False)

    def _fill(self, ideas, start: str, roster, example: bool) -> None:
        with self.hold_trait_notifications():
            self.ideas, self.start, self.roster = ideas, start, roster
            self.problems, self.notice, self.is_example = {}, ("", {}), example
        self.revision += 1

    # --- actions ----------------------------------------------------------------------------------
    def load_example(self) -> None:
        """The invented garage's ideas and roster, starting next Monday (marked as an example)."""
        self._fill(EXAMPLE_IDEAS, next_monday().isoformat(), EXAMPLE_ROSTER, example=True)

    def start_empty(self) -> None:
        """No ideas, no roster, no start date."""
        self._fill((), "", (), example=False)

    def set_kind(self, index: int, kind: str | None) -> bool:
        """Sort idea ``index`` into ``kind`` (one of :data:`toolkit.advocacy.KINDS`, or None for not yet).

        Only the idea's kind changes; its text and tone stay as they are.
        """
        def values():
            position = int(index)
            if not 0 <= position < len(self.ideas):
                raise TextError("advocacy.no_such_idea")
            ideas = list(self.ideas)
            ideas[position] = workbook.Idea(text=ideas[position].text, tone=ideas[position].tone,
                                            kind=advocacy.check_kind(kind, optional=True))
            return {"ideas": tuple(ideas)}

        return self._apply("kind", values)

    def add_idea(self, text: str, kind: str | None = None) -> bool:
        """Add an idea: its text, the middle of the tone scale, and optionally its kind."""
        def values():
            if len(self.ideas) >= advocacy.MAX_IDEAS:
                raise TextError("advocacy.too_many_ideas", max=advocacy.MAX_IDEAS)
            idea = workbook.Idea(text=advocacy.check_idea(text), tone=advocacy.DEFAULT_TONE,
                                 kind=advocacy.check_kind(kind, optional=True))
            return {"ideas": (*self.ideas, idea), "notice": ("advocacy.idea_added", {})}

        return self._apply("idea", values)

    def set_start(self, text: str) -> bool:
        """The date week 1 starts, as typed (``7-12-2026``); any day gives the Monday of its week. Empty clears it."""
        def values():
            if not str(text).strip():
                return {"start": ""}
            return {"start": advocacy.parse_start(str(text)[:100]).isoformat()}

        return self._apply("start", values)

    def add_post(self, who: str, role: str = "employee", kind: str = "touch", topic: str = "",
                 every_weeks: int = 1, first_week: int = 1, last_week: int = 6) -> bool:
        """Add a line to the roster (see :func:`toolkit.advocacy.make_post`); at most :data:`MAX_LINES` lines."""
        def values():
            if len(self.roster) >= MAX_LINES:
                raise TextError("advocacy.too_many_lines", max=MAX_LINES)
            post = advocacy.make_post(who, role, kind, topic, every_weeks, first_week, last_week)
            return {"roster": (*self.roster, post), "notice": ("advocacy.line_added", {})}

        return self._apply("roster", values)

    def remove_post(self, index: int) -> bool:
        """Take line ``index`` off the roster."""
        def values():
            position = int(index)
            if not 0 <= position < len(self.roster):
                raise TextError("advocacy.no_such_line")
            return {"roster": self.roster[:position] + self.roster[position + 1:], "notice": ("", {})}

        return self._apply("roster", values)

    # --- derived ----------------------------------------------------------------------------------
    @property
    def start_date(self) -> _dt.date | None:
        """The Monday of week 1, or None."""
        return _dt.date.fromisoformat(self.start) if self.start else None

    def calendar(self) -> pd.DataFrame:
        """The roster as single posts (see :func:`toolkit.advocacy.calendar`)."""
        return advocacy.calendar(self.roster, self.start_date)

    def balance(self) -> pd.DataFrame:
        """Posts and shares per kind (see :func:`toolkit.advocacy.balance`)."""
        return advocacy.balance(self.roster)

    def advice(self) -> tuple[str, dict]:
        """What the balance says (see :func:`toolkit.advocacy.balance_advice`)."""
        return advocacy.balance_advice(self.balance())

    def calendar_chart(self) -> alt.Chart:
        """The posting calendar in the model's language."""
        return calendar_chart(self.roster, self.start_date, lang=self.language)

    def balance_chart(self) -> alt.LayerChart:
        """The Touch/Tell/Sell balance in the model's language."""
        return balance_chart(self.roster, lang=self.language)


class RosterPlanner(ToolView):
    """The roster planner: ideas with a Touch/Tell/Sell choice each, the roster, its calendar and balance."""

    title_key, intro_key, example_key, label_width = (
        "advocacy.title", "advocacy.intro", "advocacy.example_note", "150px")

    def __init__(self, model: RosterPlannerModel | None = None, **kwargs):
        super().__init__(model or RosterPlannerModel(), **kwargs)
        self.last_calendar: alt.Chart | None = None
        self.last_balance: alt.LayerChart | None = None
        self._relabelling = False
        self._drawn: tuple | None = None  # roster, start and language the results show
        self._kinds_explained = fixed_look(widgets.HTML)
        # ideas: one row per idea, kept by position; only their values change on a redraw
        self._idea_rows: list[tuple[widgets.HTML, widgets.ToggleButtons]] = []
        self._ideas_box = fixed_look(widgets.VBox)
        self._ideas_summary = fixed_look(widgets.HTML)
        self._idea_messages = fixed_look(widgets.HTML)
        self._new_idea = self._input(widgets.Text, "advocacy.new_idea", "advocacy.new_idea_hint",
                                     continuous_update=False, layout={"width": "100%", "max_width": "520px"})
        self._add_idea = self._text(fixed_look(widgets.Button, icon="plus", layout={"width": "auto"}),
                                    "advocacy.add_idea", "description")
        self._add_idea.on_click(self._on_add_idea)
        self._new_idea.observe(self._on_add_idea, "value")
        self._idea_add_messages = fixed_look(widgets.HTML)
        # roster
        self._start_field = self._link("start", self._input(
            widgets.Text, "advocacy.start", "advocacy.start_hint", continuous_update=False, layout={"width": "320px"}),
            to_widget=self._start_text, action=self.model.set_start)
        self._start_info = fixed_look(widgets.HTML)
        self._start_messages = fixed_look(widgets.HTML)
        text = {"width": "100%", "max_width": "480px"}
        self._who = self._input(widgets.Text, "advocacy.who", "advocacy.who_hint", continuous_update=False, layout=text)
        self._role = self._input(widgets.ToggleButtons, "advocacy.role", style={"button_width": "auto"})
        self._kind = self._input(widgets.ToggleButtons, "advocacy.kind",
                                 options=[(self._t(KIND_KEYS[k][0]), k) for k in KINDS], style={"button_width": "auto"})
        self._topic = self._input(widgets.Combobox, "advocacy.topic", "advocacy.topic_hint", ensure_option=False,
                                  continuous_update=False, layout=text)
        self._every = self._input(widgets.Dropdown, "advocacy.every", layout={"width": "320px"})
        self._weeks = self._input(widgets.IntRangeSlider, "advocacy.weeks", min=1, max=MAX_WEEKS, value=(1, 6), step=1,
                                  continuous_update=False, layout={"width": "480px"})
        self._add_line = self._text(fixed_look(widgets.Button, icon="plus", button_style="primary",
                                               layout={"width": "auto"}), "advocacy.add_line", "description")
        self._add_line.on_click(self._on_add_line)
        self._roster_messages = fixed_look(widgets.HTML)
        self._line_rows: list[tuple[widgets.HTML, widgets.Button]] = []
        self._lines_box = fixed_look(widgets.VBox)
        # results
        self._calendar = fixed_look(widgets.Output, layout={"min_height": "40px"})
        self._calendar_messages = fixed_look(widgets.HTML)
        self._balance_text = fixed_look(widgets.HTML)
        self._balance = fixed_look(widgets.Output, layout={"min_height": "40px"})
        self._advice = fixed_look(widgets.HTML)
        self._on_language_extra()
        self._lay_out(
            self._heading("advocacy.step_kinds"), self._kinds_explained,
            self._heading("advocacy.step_ideas"), self._static_text("advocacy.ideas_hint", tag="p"),
            self._ideas_box, self._idea_messages, self._ideas_summary,
            fixed_look(widgets.HBox, [self._new_idea, self._add_idea], layout={"align_items": "center"}),
            self._idea_add_messages,
            self._heading("advocacy.step_roster"), self._static_text("advocacy.roster_hint", tag="p"),
            self._start_field, self._start_info, self._start_messages,
            self._static_text("advocacy.new_line", tag="b"),
            self._who, self._role, self._kind, self._topic, self._every, self._weeks,
            fixed_look(widgets.HBox, [self._add_line]), self._roster_messages, self._lines_box,
            self._heading("advocacy.step_calendar"), self._calendar_messages, self._calendar,
            self._heading("advocacy.step_balance"), self._balance_text, self._advice, self._balance,
        )
        self._start("stagetok-advocacy")

    # --- participant actions ----------------------------------------------------------------------
    @guarded
    def _on_add_idea(self, change=None):
        if self._new_idea.value.strip() and self.model.add_idea(self._new_idea.value):
            self._new_idea.value = ""

    @guarded
    def _on_idea_kind(self, index: int, change):
        if self._relabelling or index >= len(self.model.ideas):
            return
        kind = change["new"] or None
        if kind != self.model.ideas[index].kind:
            self.model.set_kind(index, kind)

    @guarded
    def _on_add_line(self, button=None):
        first, last = self._weeks.value
        if self.model.add_post(self._who.value, self._role.value, self._kind.value, self._topic.value,
                               self._every.value, first, last):
            self._who.value = self._topic.value = ""

    @guarded
    def _on_remove_line(self, index: int, button=None):
        self.model.remove_post(index)

    # --- model -> view ----------------------------------------------------------------------------
    def _start_text(self, start: str) -> str:
        """The start date as a Dutch team writes it (7-12-2026), or empty."""
        if not start:
            return ""
        day = _dt.date.fromisoformat(start)
        return f"{day.day}-{day.month}-{day.year}"

    def _on_language_extra(self) -> None:
        self._relabelling = True
        try:
            role = self._role.value or ROLES[0]
            self._role.options = [(self._t(ROLE_KEYS[name]), name) for name in ROLES]
            self._role.value = role
            every = self._every.value or 1
            self._every.options = [(self._t("advocacy.every_week"), 1), (self._t("advocacy.every_other_week"), 2)] + [
                (self._t("advocacy.every_n_weeks", n=n), n) for n in range(3, MAX_WEEKS + 1)]
            self._every.value = every
            self._kind.tooltips = [self._t(KIND_KEYS[kind][1]) for kind in KINDS]
            for _, chooser in self._idea_rows:
                self._label_chooser(chooser)
        finally:
            self._relabelling = False
        items = "".join(
            f"<li><b style='color:{KIND_COLOURS[kind]}'>{escape(self._t(KIND_KEYS[kind][0]))}</b>: "
            f"{escape(self._t(KIND_KEYS[kind][1]))}</li>" for kind in KINDS)
        self._kinds_explained.value = (f"<ul style='margin:2px 0'>{items}</ul>"
                                       f"<p>{escape(self._t('advocacy.article_advice'))}</p>")

    def _label_chooser(self, chooser: widgets.ToggleButtons) -> None:
        chooser.tooltips = [self._t("advocacy.kind_none")] + [self._t(KIND_KEYS[kind][1]) for kind in KINDS]

    def _render(self) -> None:
        self._show_ideas()
        self._show_lines()
        self._show_start()
        self._show_results()

    def _show_problems(self) -> None:
        self._idea_messages.value = self._problem_html("kind")
        self._idea_add_messages.value = self._problem_html("idea") or self._notice_html("advocacy.idea_added")
        self._start_messages.value = self._problem_html("start")
        self._roster_messages.value = self._problem_html("roster") or self._notice_html("advocacy.line_added")

    # --- helpers ----------------------------------------------------------------------------------
    def _show_ideas(self) -> None:
        ideas = self.model.ideas
        while len(self._idea_rows) < len(ideas):
            index = len(self._idea_rows)
            label = fixed_look(widgets.HTML, layout={"flex": "1 1 auto", "min_width": "0"})
            chooser = fixed_look(widgets.ToggleButtons,
                                 options=[("\u2013", "")] + [(self._t(KIND_KEYS[k][0]), k) for k in KINDS],
                                 value="", style={"button_width": "64px"}, layout={"flex": "0 0 auto"})
            self._label_chooser(chooser)
            chooser.observe(functools.partial(self._on_idea_kind, index), "value")
            chooser.add_class("stagetok-idea-kind")
            self._idea_rows.append((label, chooser))
        self._relabelling = True
        try:
            for (label, chooser), idea in zip(self._idea_rows, ideas, strict=False):
                label.value = (f"<div class='stagetok-idea' style='overflow-wrap:anywhere;max-height:6em;"
                               f"overflow:auto'><bdi>{escape(idea.text)}</bdi></div>")
                chooser.value = idea.kind or ""
        finally:
            self._relabelling = False
        rows = [fixed_look(widgets.HBox, [chooser, label], layout={"align_items": "center"})
                for label, chooser in self._idea_rows[:len(ideas)]]
        if len(self._ideas_box.children) != len(rows):
            self._ideas_box.children = rows
        counts = advocacy.ideas_by_kind(ideas)
        if ideas:
            parts = [f"{escape(self._t(KIND_KEYS[kind][0]))} {counts[kind]}" for kind in KINDS]
            summary = self._t("advocacy.ideas_summary", n=len(ideas), kinds=", ".join(parts), open=counts[None])
            self._ideas_summary.value = f"<div class='stagetok-ideas-summary'>{escape(summary)}</div>"
        else:
            self._ideas_summary.value = message_html([("info", self._t("advocacy.no_ideas"))])
        options = [idea.text for idea in ideas if 0 < len(idea.text) <= advocacy.MAX_TOPIC]
        if list(self._topic.options) != options:
            self._topic.options = options

    def _show_lines(self) -> None:
        roster = self.model.roster
        while len(self._line_rows) < len(roster):
            index = len(self._line_rows)
            label = fixed_look(widgets.HTML, layout={"flex": "1 1 auto", "min_width": "0"})
            remove = fixed_look(widgets.Button, icon="trash", layout={"width": "auto", "flex": "0 0 auto"})
            remove.on_click(functools.partial(self._on_remove_line, index))
            remove.add_class("stagetok-remove-line")
            self._line_rows.append((label, remove))
        for (label, remove), post in zip(self._line_rows, roster, strict=False):
            label.value = self._line_html(post)
            remove.description = self._t("advocacy.remove_line")
        rows = [fixed_look(widgets.HBox, [remove, label], layout={"align_items": "center"})
                for label, remove in self._line_rows[:len(roster)]]
        if len(self._lines_box.children) != len(rows):
            self._lines_box.children = rows

    def _line_html(self, post: workbook.Post) -> str:
        kind = self._t(KIND_KEYS[post.kind][0])
        how_often = self._every_text(post.every_weeks)
        weeks = self._t("advocacy.line_weeks", first=post.first_week, last=post.last_week)
        topic = f" \u2013 <bdi>{escape(post.topic)}</bdi>" if post.topic else ""
        return (f"<div class='stagetok-line' style='overflow-wrap:anywhere'>"
                f"<span style='background:{KIND_COLOURS[post.kind]};color:#fff;padding:1px 6px;border-radius:8px'>"
                f"{escape(kind)}</span> <b><bdi>{escape(post.who)}</bdi></b> "
                f"({escape(self._t(ROLE_KEYS[post.role]))}){topic}; {escape(how_often)}, {escape(weeks)}</div>")

    def _every_text(self, every: int) -> str:
        if every == 1:
            return self._t("advocacy.every_week")
        if every == 2:
            return self._t("advocacy.every_other_week")
        return self._t("advocacy.every_n_weeks", n=every)

    def _show_start(self) -> None:
        day = self.model.start_date
        if day is None:
            self._start_info.value = ""
            return
        lang = self.model.language
        names = LOCALES[lang]["time"]
        end = advocacy.week_start(day, advocacy.period(self.model.roster) or MAX_WEEKS) + _dt.timedelta(days=6)
        text = self._t("advocacy.start_info", weekday=names["days"][1], day=day.day,
                       month=names["months"][day.month - 1], year=day.year,
                       end=f"{end.day} {names['months'][end.month - 1]} {end.year}")
        self._start_info.value = f"<div class='stagetok-start-info' style='color:#555'>{escape(text)}</div>"

    def _show_results(self) -> None:
        model, lang = self.model, self.model.language
        drawn = (model.roster, model.start, lang)
        if drawn == self._drawn:
            return  # only the ideas changed: the charts stay as they are
        self._drawn = drawn
        if model.roster:
            self._calendar_messages.value = ""
            self.last_calendar = model.calendar_chart()
            show_chart(self._calendar, self.last_calendar)
            self.last_balance = model.balance_chart()
            show_chart(self._balance, self.last_balance)
            table = model.balance()
            parts = [self._t("advocacy.balance_part", kind=self._t(KIND_KEYS[kind][0]), posts=format_int(posts, lang),
                             share=format_percent(share, lang=lang))
                     for kind, posts, share in zip(table["kind"], table["posts"], table["share"], strict=True)]
            total = format_int(int(table["posts"].sum()), lang)
            text = self._t("advocacy.balance_text", total=total, parts="; ".join(parts))
            self._balance_text.value = f"<div class='stagetok-balance'>{escape(text)}</div>"
        else:
            self._calendar_messages.value = message_html([("info", self._t("advocacy.calendar_empty"))])
            self.last_calendar = self.last_balance = None
            clear_chart(self._calendar)
            clear_chart(self._balance)
            self._balance_text.value = ""
        key, params = model.advice()
        level = "ok" if key == "advocacy.advice_touch" else "info" if key == "advocacy.advice_empty" else "warning"
        self._advice.value = message_html([(level, self._t(key, **params))])
