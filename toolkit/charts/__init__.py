"""Chart builders: pandas in, ``altair.Chart`` out; nothing here displays anything."""

from __future__ import annotations

import functools
import inspect
import re

import altair as alt
import pandas as pd

from toolkit.hashtags import TIERS
from toolkit.i18n import check_language, t

#: Number and date formats per language, as d3-format and d3-time-format locales (the nl-NL and
#: en-US definitions those libraries ship). Vega-Lite passes them to Vega as ``config.locale``,
#: so a Dutch chart reads 12.500 and 1,5 and "3 okt", offline, in JupyterLab, Voila and images.
LOCALES = {
    "nl": {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]},
        "time": {
            "dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
            "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
            "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
            "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                       "oktober", "november", "december"],
            "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        },
    },
    "en": {
        "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
        "time": {
            "dateTime": "%x, %X", "date": "%-m/%-d/%Y", "time": "%-I:%M:%S %p", "periods": ["AM", "PM"],
            "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
            "shortDays": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
            "months": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December"],
            "shortMonths": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        },
    },
}

#: Axis labels for counts that span 1 to billions: each tick written in full up to 999.999,
#: then in millions or billions ("1 mln.", "2,5 mld." in Dutch; "1M", "2.5B" in English).
_COUNT_LABELS = {
    "nl": "datum.value >= 1e9 ? format(datum.value / 1e9, ',~r') + ' mld.' : datum.value >= 1e6 ? "
          "format(datum.value / 1e6, ',~r') + ' mln.' : format(datum.value, ',')",
    "en": "datum.value >= 1e9 ? format(datum.value / 1e9, ',~r') + 'B' : datum.value >= 1e6 ? "
          "format(datum.value / 1e6, ',~r') + 'M' : format(datum.value, ',')",
}


def localised(builder):
    """Give a chart builder's chart the number and date formats of its ``lang`` argument."""
    signature = inspect.signature(builder)

    @functools.wraps(builder)
    def build(*args, **kwargs):
        lang = check_language(signature.bind(*args, **kwargs).arguments.get("lang"))
        return builder(*args, **kwargs).configure(locale=LOCALES[lang])

    return build

#: Tier colours after RiteTag's convention: red crowded, green good, blue niche, grey unused.
TIER_COLOURS = {
    "overused": "#d62728",
    "sweet_spot": "#2ca02c",
    "niche": "#1f77b4",
    "unused": "#9e9e9e",
    "unknown": "#d9d9d9",
}


@localised
def hashtag_mix_chart(sheet: pd.DataFrame, mix: list[str] | None = None, lang: str | None = None) -> alt.Chart:
    """Bar chart of post counts per looked-up hashtag, coloured by tier, the mix outlined.

    Parameters
    ----------
    sheet : pandas.DataFrame
        A research sheet (columns ``hashtag``, ``kind``, ``posts``, ``tier``).
    mix : list of str, optional
        Tags chosen for the post; their bars get a black outline.
    lang : {"nl", "en"}, optional
        Language of titles and legend.

    Returns
    -------
    altair.Chart
        Horizontal bars on a symlog axis, so that 50 and 5 million posts both show. Tags not
        looked up yet are left out.
    """
    chosen = {tag.casefold() for tag in (mix or [])}
    looked_up = sheet[sheet["posts"].notna()]
    data = pd.DataFrame(
        {
            "hashtag": looked_up["hashtag"].astype(str),
            "posts": looked_up["posts"].astype("int64"),
            "tier": [t(f"tier.{tier}", lang=lang) for tier in looked_up["tier"]],
            "in_mix": [
                t("chart.yes" if tag.casefold() in chosen else "chart.no", lang=lang)
                for tag in looked_up["hashtag"]
            ],
        }
    )
    drawn_tiers = [tier for tier in TIERS if tier != "unknown"]  # only looked-up tags are drawn
    tier_labels = [t(f"tier.{tier}", lang=lang) for tier in drawn_tiers]
    top = int(data["posts"].max()) if len(data) else 0
    ticks = [0] + [10**k for k in range(1, 11) if 10 ** (k - 1) <= top]
    posts_title = t("chart.posts", lang=lang)
    tier_title = t("chart.tier", lang=lang)
    mix_title = t("chart.in_mix", lang=lang)
    yes = t("chart.yes", lang=lang)
    return (
        alt.Chart(data, title=t("lab.chart_title", lang=lang))
        .mark_bar(strokeWidth=2)
        .encode(
            y=alt.Y("hashtag:N", sort=None, title=None),
            x=alt.X(
                "posts:Q",
                scale=alt.Scale(type="symlog"),
                axis=alt.Axis(values=ticks, labelExpr=_COUNT_LABELS[check_language(lang)]),
                title=posts_title,
            ),
            color=alt.Color(
                "tier:N",
                title=tier_title,
                scale=alt.Scale(domain=tier_labels, range=[TIER_COLOURS[k] for k in drawn_tiers]),
            ),
            stroke=alt.condition(alt.datum.in_mix == yes, alt.value("black"), alt.value(None)),
            tooltip=[
                alt.Tooltip("hashtag:N", title="#"),
                alt.Tooltip("posts:Q", title=posts_title, format=","),
                alt.Tooltip("tier:N", title=tier_title),
                alt.Tooltip("in_mix:N", title=mix_title),
            ],
        )
        .properties(width=360, height=alt.Step(22))
    )


def _numbers(frame: pd.DataFrame, columns: list[str], digits: int | None = None) -> pd.DataFrame:
    """A copy with ``columns`` as floats, optionally rounded.

    Missing values of any kind (None, NaN, pd.NA) become NaN, which Altair writes as ``null``;
    an object column holding None would otherwise reach the page as ``NaN``, which is not JSON.
    """
    data = frame.copy()
    for column in columns:
        values = pd.to_numeric(data[column], errors="coerce").astype("float64")
        data[column] = values if digits is None else values.round(digits)
    return data


def _span(start, end) -> str:
    """The school years from ``start`` up to (not including) ``end``: ``2026–2028``.

    Empty when either is unknown: Altair 5.5 writes a missing value in a pandas 3 text column
    as NaN, which is not JSON, so a text column never holds one.
    """
    if pd.isna(start) or pd.isna(end):
        return ""
    return f"{int(start)}–{int(end) - 1}"


def _cohort_label(frame: pd.DataFrame, lang: str | None) -> pd.Series:
    return frame["age"].astype(int).astype(str) + " " + t("chart.years_old", lang=lang) + " · " + frame["cohort"]


@localised
def pipeline_timeline_chart(frame: pd.DataFrame, lang: str | None = None) -> alt.FacetChart:
    """Who watches TikTok today, interns when: educations and internship windows per cohort.

    Parameters
    ----------
    frame : pandas.DataFrame
        As :func:`toolkit.pipeline.timeline` returns.
    lang : {"nl", "en"}, optional
        Language of titles.

    Returns
    -------
    altair.FacetChart
        One panel per cohort of today (youngest first), on one school-year axis: a bar for
        each education the cohort can be in and, in another colour, for each internship it can
        do. Opacity is the share of the cohort on that route.
    """
    layer_names = {"education": t("chart.education", lang=lang), "internship": t("chart.internship", lang=lang)}
    frame = _numbers(frame, ["start", "end", "share"])
    data = frame.assign(
        label=_cohort_label(frame, lang),
        kind=frame["layer"].map(layer_names),
        years=[_span(start, end) for start, end in zip(frame["start"], frame["end"], strict=True)],
        percent=(frame["share"] * 100).round(1),
        row=frame["name"],
    ).sort_values(["age", "cohort", "layer", "start"])
    order = list(dict.fromkeys(data["label"]))
    bars = alt.Chart().mark_bar(height={"band": 0.7}).encode(
        x=alt.X("start:Q", title=t("chart.school_year", lang=lang),
                axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False, nice=False)),
        x2="end:Q",
        y=alt.Y("row:N", sort=alt.EncodingSortField("start", op="min"), title=None),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=list(layer_names.values()),
                                                              range=["#9ecae1", "#e6550d"])),
        opacity=alt.Opacity("share:Q", scale=alt.Scale(domain=[0, 1], range=[0.3, 1]), legend=None),
        tooltip=[
            alt.Tooltip("label:N", title=t("chart.cohort_today", lang=lang)),
            alt.Tooltip("name:N", title=t("chart.what", lang=lang)),
            alt.Tooltip("route:N", title=t("chart.route", lang=lang)),
            alt.Tooltip("years:N", title=t("chart.until", lang=lang)),
            alt.Tooltip("percent:Q", title=t("chart.share_percent", lang=lang)),
        ],
    ).properties(width=520, height=alt.Step(16))
    return (
        alt.layer(bars, data=data)
        .facet(row=alt.Row("label:N", sort=order, title=t("chart.cohort_today", lang=lang),
                           header=alt.Header(labelAngle=0, labelAlign="left")))
        .resolve_scale(y="independent")
        .properties(title=t("chart.timeline", lang=lang))
    )


@localised
def funnel_chart(frame: pd.DataFrame, lang: str | None = None) -> alt.Chart:
    """Horizontal funnel: pupils needed at each stage, from reached to starting intern.

    Parameters
    ----------
    frame : pandas.DataFrame
        As :func:`toolkit.pipeline.funnel` returns (columns ``stage`` and ``pupils``).
    """
    frame = _numbers(frame, ["pupils"])
    data = frame.assign(
        label=[t(f"funnel.{stage}", lang=lang) for stage in frame["stage"]],
        rounded=frame["pupils"].round(0),
    )
    bars = alt.Chart(data, title=t("chart.funnel", lang=lang)).mark_bar(color="#1f77b4").encode(
        y=alt.Y("label:N", sort=list(data["label"]), title=None),
        x=alt.X("pupils:Q", title=t("chart.pupils", lang=lang)),
        tooltip=[alt.Tooltip("label:N", title=" "),
                 alt.Tooltip("rounded:Q", title=t("chart.pupils", lang=lang), format=",")],
    )
    text = bars.mark_text(align="left", dx=4).encode(text=alt.Text("rounded:Q", format=","))
    return (bars + text).properties(width=420)


@localised
def daily_views_chart(overview: pd.DataFrame, lang: str | None = None) -> alt.LayerChart:
    """Daily video views as bars with the 7-day rolling mean as a line (computed in pandas)."""
    data = overview[["date", "video_views"]].copy()
    data["views"] = data["video_views"].astype("Float64").astype(float)
    data["rolling"] = data["views"].rolling(7, min_periods=1).mean().round(1)
    data = data[["date", "views", "rolling"]]
    x = alt.X("date:T", title=t("chart.date", lang=lang))
    bars = alt.Chart(data).mark_bar(color="#9ecae1").encode(
        x=x, y=alt.Y("views:Q", title=t("chart.video_views", lang=lang)),
        tooltip=[alt.Tooltip("date:T", title=t("chart.date", lang=lang)),
                 alt.Tooltip("views:Q", title=t("chart.video_views", lang=lang), format=","),
                 alt.Tooltip("rolling:Q", title=t("chart.rolling", lang=lang), format=",.0f")])
    line = alt.Chart(data).mark_line(color="#08519c", strokeWidth=2).encode(x=x, y="rolling:Q")
    return (bars + line).properties(title=t("chart.daily_views", lang=lang), width=560, height=220)


@localised
def followers_chart(history: pd.DataFrame, lang: str | None = None) -> alt.Chart:
    """Followers over time."""
    data = history[["date", "followers"]].assign(followers=lambda d: d["followers"].astype("Float64").astype(float))
    return alt.Chart(data, title=t("chart.followers", lang=lang)).mark_line(point=True, color="#2ca02c").encode(
        x=alt.X("date:T", title=t("chart.date", lang=lang)),
        y=alt.Y("followers:Q", title=t("chart.followers", lang=lang), scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("date:T", title=t("chart.date", lang=lang)),
                 alt.Tooltip("followers:Q", title=t("chart.followers", lang=lang), format=",")],
    ).properties(width=560, height=180)


@localised
def video_views_chart(content: pd.DataFrame, best: int = 3, lang: str | None = None) -> alt.Chart:
    """Views per video, the ``best`` ones coloured; titles are data (drawn as text, never HTML)."""
    data = content[["video_title", "total_views", "post_time"]].copy()
    data["views"] = data["total_views"].astype("Float64").astype(float)
    data["title"] = data["video_title"].astype(str).str.slice(0, 80)
    ranks = data["views"].rank(ascending=False, method="first")
    data["best"] = [t("chart.yes" if r <= best else "chart.no", lang=lang) for r in ranks]
    data = data[["title", "views", "post_time", "best"]]
    yes = t("chart.yes", lang=lang)
    return alt.Chart(data, title=t("chart.views_per_video", lang=lang)).mark_bar().encode(
        y=alt.Y("title:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("views:Q", title=t("chart.video_views", lang=lang)),
        color=alt.condition(alt.datum.best == yes, alt.value("#e6550d"), alt.value("#9ecae1")),
        tooltip=[alt.Tooltip("title:N", title=t("chart.video", lang=lang)),
                 alt.Tooltip("views:Q", title=t("chart.video_views", lang=lang), format=","),
                 alt.Tooltip("post_time:N", title=t("chart.posted", lang=lang))],
    ).properties(width=420, height=alt.Step(16))


@localised
def viewers_chart(viewers: pd.DataFrame, lang: str | None = None) -> alt.Chart:
    """New and returning viewers per day, stacked (long format made in pandas)."""
    data = viewers[["date", "new_viewers", "returning_viewers"]].melt("date", var_name="kind", value_name="viewers")
    data["viewers"] = data["viewers"].astype("Float64").astype(float)
    data["kind"] = data["kind"].map({"new_viewers": t("chart.new_viewers", lang=lang),
                                     "returning_viewers": t("chart.returning_viewers", lang=lang)})
    return alt.Chart(data, title=t("chart.viewers", lang=lang)).mark_area().encode(
        x=alt.X("date:T", title=t("chart.date", lang=lang)),
        y=alt.Y("viewers:Q", stack=True, title=t("chart.viewers", lang=lang)),
        color=alt.Color("kind:N", title=None, scale=alt.Scale(range=["#fd8d3c", "#6baed6"])),
        tooltip=[alt.Tooltip("date:T", title=t("chart.date", lang=lang)), alt.Tooltip("kind:N", title=" "),
                 alt.Tooltip("viewers:Q", title=t("chart.viewers", lang=lang), format=",")],
    ).properties(width=560, height=180)


@localised
def scenario_chart(band: pd.DataFrame, actual: pd.DataFrame | None = None, lang: str | None = None) -> alt.LayerChart:
    """Cumulative views: the simulated 10-90 % band and median, with the company's own weeks drawn over it."""
    data = _numbers(band[["week", "cumulative_low", "cumulative_median", "cumulative_high"]],
                    ["cumulative_low", "cumulative_median", "cumulative_high"], digits=0)
    x = alt.X("week:Q", title=t("chart.week", lang=lang), axis=alt.Axis(tickMinStep=1))
    area = alt.Chart(data).mark_area(opacity=0.3, color="#6baed6").encode(
        x=x, y=alt.Y("cumulative_low:Q", title=t("chart.cumulative_views", lang=lang)), y2="cumulative_high:Q",
        tooltip=[alt.Tooltip("week:Q", title=t("chart.week", lang=lang)),
                 alt.Tooltip("cumulative_low:Q", title="10 %", format=",.0f"),
                 alt.Tooltip("cumulative_median:Q", title=t("chart.median", lang=lang), format=",.0f"),
                 alt.Tooltip("cumulative_high:Q", title="90 %", format=",.0f")])
    line = alt.Chart(data).mark_line(color="#08519c").encode(x=x, y="cumulative_median:Q")
    layers = [area, line]
    if actual is not None and len(actual):
        own = _numbers(actual[["week", "cumulative"]], ["cumulative"]).assign(label=t("chart.own_views", lang=lang))
        layers.append(alt.Chart(own).mark_line(point=True, color="#e6550d", strokeDash=[4, 2]).encode(
            x=x, y="cumulative:Q",
            tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("week:Q", title=t("chart.week", lang=lang)),
                     alt.Tooltip("cumulative:Q", title=t("chart.cumulative_views", lang=lang), format=",.0f")]))
    return alt.layer(*layers).properties(title=t("chart.scenario", lang=lang), width=560, height=240)


#: Characters XML does not allow: vl-convert's SVG writer aborts the whole process on them (an
#: abort, not an exception), so they are taken out of every text before a chart is drawn.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _drawable(value):
    """The spec with every text freed of characters XML does not allow (see ``_NOT_IN_XML``)."""
    if isinstance(value, str):
        return _NOT_IN_XML.sub("", value)
    if isinstance(value, dict):
        return {_drawable(key): _drawable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_drawable(item) for item in value]
    return value


#: Vega-Lite version of Altair 5.5's specs, for vl-convert.
VEGALITE_VERSION = "v" + alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0].replace(".", "_")


def chart_image(chart: alt.TopLevelMixin, fmt: str = "png", scale: float = 2.0) -> bytes:
    """Draw a chart to PNG or SVG bytes for a slide, offline (vl-convert, no browser).

    Parameters
    ----------
    chart : altair chart
    fmt : {"png", "svg"}
    scale : float
        Pixel scale of a PNG (2 gives sharp slides).
    """
    import vl_convert as vlc  # imported here: only exports need its 80 MB engine in memory

    spec = _drawable(chart.to_dict())
    if fmt == "png":
        return vlc.vegalite_to_png(spec, vl_version=VEGALITE_VERSION, scale=scale)
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec, vl_version=VEGALITE_VERSION).encode("utf-8")
    raise ValueError(f"Unknown image format {fmt!r}; use 'png' or 'svg'.")
