"""Charts of the posting roster: who posts what in which week, and the Touch/Tell/Sell balance."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import altair as alt
import pandas as pd

from toolkit import advocacy
from toolkit.charts import LOCALES, localised
from toolkit.i18n import check_language, format_percent, t
from toolkit.workbook import Post

#: Colours of the kinds: warm for Touch (feelings), blue for Tell (facts), green for Sell (go).
KIND_COLOURS = {"touch": "#e15759", "tell": "#4e79a7", "sell": "#59a14f"}
#: Longest name and topics drawn in a chart, in characters (labels and tooltips stay readable).
_MAX_LABEL, _MAX_TOOLTIP = 60, 300


def week_label(week: int, start: _dt.date | str | None = None, lang: str | None = None) -> str:
    """A week as a chart or a table names it: its number (``3``), or its Monday the Dutch way (``7 dec``).

    Parameters
    ----------
    week : int
        The week, 1 being the first.
    start : datetime.date or str, optional
        The Monday of week 1 (a date or its ISO text); without it the week's number is used.
    lang : {"nl", "en"}, optional
        ``7 dec`` in Dutch, ``Dec 7`` in English.
    """
    lang = check_language(lang)
    day = advocacy.week_start(_as_date(start), week)
    if day is None:
        return str(int(week))
    month = LOCALES[lang]["time"]["shortMonths"][day.month - 1]
    return t("advocacy.week_day", lang=lang, day=day.day, month=month)


def _as_date(start: _dt.date | str | None) -> _dt.date | None:
    if start in (None, ""):
        return None
    return start if isinstance(start, _dt.date) else _dt.date.fromisoformat(str(start))


def _kind_scale(lang: str) -> tuple[list[str], alt.Scale]:
    labels = [t(advocacy.KIND_KEYS[kind][0], lang=lang) for kind in advocacy.KINDS]
    return labels, alt.Scale(domain=labels, range=[KIND_COLOURS[kind] for kind in advocacy.KINDS])


@localised
def calendar_chart(roster: Iterable[Post], start: _dt.date | str | None = None, lang: str | None = None) -> alt.Chart:
    """The posting calendar: weeks across, people down, a block per post coloured by its kind.

    Parameters
    ----------
    roster : iterable of toolkit.workbook.Post
        The roster's lines.
    start : datetime.date or str, optional
        The Monday of week 1; when given the weeks are named by their Monday (``7 dec``).
    lang : {"nl", "en"}, optional
        Language of titles, labels and dates.

    Returns
    -------
    altair.Chart
        Rectangles on a grid of weeks (every week of the roster's period, or of
        :data:`toolkit.advocacy.MAX_WEEKS` for an empty roster) and people (``name (role)``,
        in roster order); within a week Touch, Tell and Sell each have their own slot.
    """
    lang = check_language(lang)
    roster = list(roster)
    first_day = _as_date(start)
    frame = advocacy.calendar(roster, first_day)
    weeks = list(range(1, (advocacy.period(roster) or advocacy.MAX_WEEKS) + 1))
    labels = [week_label(week, first_day, lang) for week in weeks]
    kind_labels, kind_scale = _kind_scale(lang)
    kind_names = dict(zip(advocacy.KINDS, kind_labels, strict=True))
    role_names = {role: t(key, lang=lang) for role, key in advocacy.ROLE_KEYS.items()}
    frame = frame.assign(person=[f"{str(who)[:_MAX_LABEL]} ({role_names.get(role, role)})"
                                 for who, role in zip(frame["who"], frame["role"], strict=True)])
    people = list(dict.fromkeys(
        f"{str(post.who)[:_MAX_LABEL]} ({role_names.get(post.role, post.role)})" for post in roster))
    rows = []
    for (person, week, kind), group in frame.groupby(["person", "week", "kind"], sort=False):
        topics = "; ".join(dict.fromkeys(topic for topic in group["topic"] if topic))
        rows.append({"person": person, "week": int(week), "week_label": labels[int(week) - 1],
                     "kind": kind_names[kind], "posts": len(group), "topics": topics[:_MAX_TOOLTIP]})
    data = pd.DataFrame(rows, columns=["person", "week", "week_label", "kind", "posts", "topics"]).astype(
        {"person": str, "week": "int64", "week_label": str, "kind": str, "posts": "int64", "topics": str})
    week_title = t("advocacy.chart_week_of" if first_day else "advocacy.chart_week", lang=lang)
    kind_title = t("advocacy.chart_kind", lang=lang)
    return (
        alt.Chart(data, title=t("advocacy.chart_calendar", lang=lang))
        .mark_rect(cornerRadius=2, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("week_label:O", sort=labels, scale=alt.Scale(domain=labels), title=week_title,
                    axis=alt.Axis(labelAngle=0, orient="top")),
            xOffset=alt.XOffset("kind:N", scale=alt.Scale(domain=kind_labels)),
            y=alt.Y("person:N", sort=people, title=None, axis=alt.Axis(labelLimit=220)),
            color=alt.Color("kind:N", title=kind_title, scale=kind_scale),
            tooltip=[
                alt.Tooltip("person:N", title=t("advocacy.chart_who", lang=lang)),
                alt.Tooltip("week_label:N", title=week_title),
                alt.Tooltip("kind:N", title=kind_title),
                alt.Tooltip("posts:Q", title=t("advocacy.chart_posts", lang=lang), format=","),
                alt.Tooltip("topics:N", title=t("advocacy.chart_topic", lang=lang)),
            ],
        )
        .properties(width=alt.Step(14), height=alt.Step(26))
    )


@localised
def balance_chart(roster: Iterable[Post], lang: str | None = None) -> alt.LayerChart:
    """Posts per kind over the roster's weeks, as bars with each kind's share beside them.

    Parameters
    ----------
    roster : iterable of toolkit.workbook.Post
        The roster's lines.
    lang : {"nl", "en"}, optional
        Language of titles and labels; shares are written the language's way (``25 %``).

    Returns
    -------
    altair.LayerChart
        One bar per kind (Touch, Tell, Sell, always all three, in that order) and its share as text.
    """
    lang = check_language(lang)
    table = advocacy.balance(list(roster))
    kind_labels, kind_scale = _kind_scale(lang)
    data = pd.DataFrame({
        "kind": kind_labels,
        "posts": table["posts"].astype("int64"),
        "share": [format_percent(share, lang=lang) for share in table["share"]],
    })
    posts_title = t("advocacy.chart_posts", lang=lang)
    bars = alt.Chart(data).mark_bar().encode(
        y=alt.Y("kind:N", sort=kind_labels, title=None),
        x=alt.X("posts:Q", title=posts_title, axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("kind:N", scale=kind_scale, legend=None),
        tooltip=[alt.Tooltip("kind:N", title=t("advocacy.chart_kind", lang=lang)),
                 alt.Tooltip("posts:Q", title=posts_title, format=","),
                 alt.Tooltip("share:N", title=t("advocacy.chart_share", lang=lang))],
    )
    text = bars.mark_text(align="left", dx=4).encode(text="share:N")
    return alt.layer(bars, text).properties(title=t("advocacy.chart_balance", lang=lang), width=360,
                                            height=alt.Step(28))
