"""Chart builders: pandas in, ``altair.Chart`` out; nothing here displays anything."""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.hashtags import TIERS
from toolkit.i18n import t

#: Tier colours after RiteTag's convention: red crowded, green good, blue niche, grey unused.
TIER_COLOURS = {
    "overused": "#d62728",
    "sweet_spot": "#2ca02c",
    "niche": "#1f77b4",
    "unused": "#9e9e9e",
    "unknown": "#d9d9d9",
}


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
                axis=alt.Axis(values=ticks, format="~s"),
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


def _cohort_label(frame: pd.DataFrame, lang: str | None) -> pd.Series:
    return frame["age"].astype(int).astype(str) + " " + t("chart.years_old", lang=lang) + " · " + frame["cohort"]


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
    data = frame.assign(
        label=_cohort_label(frame, lang),
        kind=frame["layer"].map(layer_names),
        years=frame["start"].astype(str) + "–" + (frame["end"] - 1).astype(str),
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


def funnel_chart(frame: pd.DataFrame, lang: str | None = None) -> alt.Chart:
    """Horizontal funnel: pupils needed at each stage, from reached to starting intern.

    Parameters
    ----------
    frame : pandas.DataFrame
        As :func:`toolkit.pipeline.funnel` returns (columns ``stage`` and ``pupils``).
    """
    data = frame.assign(
        label=[t(f"funnel.{stage}", lang=lang) for stage in frame["stage"]],
        rounded=frame["pupils"].round(0).astype("int64"),
    )
    bars = alt.Chart(data, title=t("chart.funnel", lang=lang)).mark_bar(color="#1f77b4").encode(
        y=alt.Y("label:N", sort=list(data["label"]), title=None),
        x=alt.X("pupils:Q", title=t("chart.pupils", lang=lang)),
        tooltip=[alt.Tooltip("label:N", title=" "), alt.Tooltip("rounded:Q", title=t("chart.pupils", lang=lang), format=",")],
    )
    text = bars.mark_text(align="left", dx=4).encode(text=alt.Text("rounded:Q", format=","))
    return (bars + text).properties(width=420)
