"""Chart of the early-mover scan: how many employers in the team's field post how often on TikTok."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from toolkit import early
from toolkit.charts import localised
from toolkit.i18n import check_language, t
from toolkit.workbook import Employer

#: Colours of the groups: grey not looked up, light blue silent or rarely, orange active.
GROUP_COLOURS = {"unknown": "#bdbdbd", "quiet": "#9ecae1", "active": "#e6550d"}
#: Catalogue keys of the groups.
GROUP_KEYS = {"unknown": "early.group_unknown", "quiet": "early.group_quiet", "active": "early.group_active"}
#: Longest list of names in a tooltip, in characters.
_MAX_NAMES = 300


def _group(posting: str) -> str:
    if posting == "unknown":
        return "unknown"
    return "active" if posting in early.ACTIVE else "quiet"


@localised
def field_chart(employers: Sequence[Employer], lang: str | None = None) -> alt.LayerChart:
    """Bars: how many of the scanned employers fall in each posting category, quiet to active.

    Parameters
    ----------
    employers : sequence of toolkit.workbook.Employer
        The employers of the scan.
    lang : {"nl", "en"}, optional
        Language of titles and labels.

    Returns
    -------
    altair.LayerChart
        One bar per category of :data:`toolkit.early.POSTING` (all of them, in that order, an
        empty one at zero), coloured by group (not looked up, silent or rarely, active), with
        the count beside it and the employers' names in the tooltip. Large type, for a projector.
    """
    lang = check_language(lang)
    employers = list(employers)
    summary = early.field_summary(employers)
    labels = [early.posting_label(posting, lang) for posting in early.POSTING]
    groups = {name: t(key, lang=lang) for name, key in GROUP_KEYS.items()}
    names = {posting: "; ".join(employer.name for employer in employers if employer.posting == posting)
             for posting in early.POSTING}
    data = pd.DataFrame({
        "posting": pd.array(labels, dtype="str"),
        "employers": summary["employers"].astype("int64").to_numpy(),
        "group": pd.array([groups[_group(posting)] for posting in early.POSTING], dtype="str"),
        "names": pd.array([_cut(names[posting]) for posting in early.POSTING], dtype="str"),
    })
    upper = int(data["employers"].max()) + 1  # room for the count beside the longest bar
    ticks = list(range(0, upper + 1, 1 if upper <= 10 else 5))
    count_title = t("early.chart_employers", lang=lang)
    posting_title = t("early.posting", lang=lang)
    bars = alt.Chart(data).mark_bar(cornerRadiusEnd=3).encode(
        y=alt.Y("posting:N", sort=labels, title=None,
                axis=alt.Axis(labelFontSize=15, labelLimit=300)),
        x=alt.X("employers:Q", title=count_title, scale=alt.Scale(domain=[0, upper], nice=False),
                axis=alt.Axis(values=ticks, format="d", labelFontSize=14, titleFontSize=15)),
        color=alt.Color("group:N", title=t("early.chart_group", lang=lang),
                        scale=alt.Scale(domain=list(groups.values()),
                                        range=[GROUP_COLOURS[name] for name in GROUP_KEYS]),
                        legend=alt.Legend(orient="bottom", labelFontSize=14, titleFontSize=14, labelLimit=320)),
        tooltip=[alt.Tooltip("posting:N", title=posting_title),
                 alt.Tooltip("employers:Q", title=count_title, format=","),
                 alt.Tooltip("names:N", title=t("early.chart_names", lang=lang))],
    )
    counts = bars.mark_text(align="left", dx=6, fontSize=16, fontWeight="bold").encode(
        text=alt.Text("employers:Q", format=","), color=alt.value("#333"))
    return alt.layer(bars, counts).properties(
        title=alt.Title(t("early.chart_title", lang=lang), fontSize=18, anchor="start"),
        width=440, height=alt.Step(36))


def _cut(text: str) -> str:
    return text if len(text) <= _MAX_NAMES else text[:_MAX_NAMES - 1] + "…"
