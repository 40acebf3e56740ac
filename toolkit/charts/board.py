"""Chart of the room's board: the hashtags the teams chose, and how many teams chose each."""

from __future__ import annotations

import altair as alt
import pandas as pd

from toolkit.charts import localised
from toolkit.i18n import t

#: Most hashtags the chart shows (the most used ones); the export has them all.
TOP = 15


@localised
def room_hashtags_chart(counts: pd.DataFrame, lang: str | None = None) -> alt.Chart:
    """Horizontal bars: each hashtag of ``counts`` (columns ``hashtag``, ``teams``), most teams first.

    Large type for a projector; at most :data:`TOP` bars. Empty counts give an empty chart.
    """
    data = counts.head(TOP)[["hashtag", "teams"]].copy()
    data["teams"] = data["teams"].astype(int)
    axis_title = t("board.chart_teams", lang=lang)
    bars = alt.Chart(data).mark_bar(color="#1f77b4").encode(
        x=alt.X("teams:Q", title=axis_title, axis=alt.Axis(tickMinStep=1, format="d", labelFontSize=14,
                                                         titleFontSize=14)),
        y=alt.Y("hashtag:N", sort=list(data["hashtag"]), title=None, axis=alt.Axis(labelFontSize=16, labelLimit=360)),
        tooltip=[alt.Tooltip("hashtag:N", title=t("board.col_hashtag", lang=lang)),
                 alt.Tooltip("teams:Q", title=axis_title)],
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=16).encode(text="teams:Q")
    return alt.layer(bars, labels).properties(width=520, height=alt.Step(28))
