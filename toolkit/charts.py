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
