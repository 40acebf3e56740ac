"""Chart of the tone scale: stiff, self-mocking and ridiculous, with example ideas and the team's ideas on it."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from toolkit import irony
from toolkit.charts import localised
from toolkit.i18n import check_language, t
from toolkit.workbook import Idea

#: Background and text colours of the bands: cool for stiff, green for self-mocking, red for ridiculous.
BAND_COLOURS = {
    "stiff": ("#deebf7", "#2b6ca3"),
    "self_mocking": ("#e5f5e0", "#2f8a3e"),
    "ridiculous": ("#fee0d2", "#c0392b"),
}
#: Colours of the points: grey for the examples, dark purple for the team's own ideas.
EXAMPLE_COLOUR, TEAM_COLOUR = "#737373", "#54278f"
#: Height of one idea's row, in pixels; the plot is never lower than ``_MIN_HEIGHT``.
_ROW, _MIN_HEIGHT = 30, 60
#: Longest text of an idea in a tooltip, in characters.
_MAX_TOOLTIP = irony.MAX_IDEA


def _clamped(tone: object) -> int:
    try:
        value = int(tone)
    except (TypeError, ValueError, OverflowError):
        return irony.DEFAULT_TONE
    return min(max(value, irony.TONE_MIN), irony.TONE_MAX)


def _rows(ideas: Sequence[Idea], examples: bool, lang: str) -> pd.DataFrame:
    team, sample = t("irony.chart_team", lang=lang), t("irony.chart_example", lang=lang)
    rows = []
    for number, idea in enumerate(ideas, start=1):
        tone = _clamped(idea.tone)
        rows.append({"label": t("irony.chart_team_label", lang=lang, n=number, text=irony.short(idea.text)),
                     "who": team, "tone": tone, "band": irony.band_label(tone, lang),
                     "text": irony.short(idea.text, _MAX_TOOLTIP)})
    if examples:
        table = irony.examples()
        for number, row in enumerate(table.itertuples(index=False), start=1):
            rows.append({"label": t("irony.chart_example_label", lang=lang, n=number,
                                    text=getattr(row, f"short_{lang}")),
                         "who": sample, "tone": int(row.tone), "band": irony.band_label(row.tone, lang),
                         "text": getattr(row, f"text_{lang}")})
    return pd.DataFrame({
        "label": pd.array([row["label"] for row in rows], dtype="str"),
        "who": pd.array([row["who"] for row in rows], dtype="str"),
        "tone": pd.array([row["tone"] for row in rows], dtype="int64"),
        "band": pd.array([row["band"] for row in rows], dtype="str"),
        "text": pd.array([row["text"] for row in rows], dtype="str"),
    })


@localised
def tone_chart(ideas: Sequence[Idea], examples: bool = True, lang: str | None = None) -> alt.LayerChart:
    """The tone scale with its three bands, and ideas on it as labelled points, one row each.

    Parameters
    ----------
    ideas : sequence of toolkit.workbook.Idea
        The team's ideas (a tone off the scale is drawn at its nearest end).
    examples : bool
        Also draw the invented example ideas of ``toolkit/data/tone_examples.csv``.
    lang : {"nl", "en"}, optional
        Language of titles and labels.

    Returns
    -------
    altair.LayerChart
        Three coloured bands across 0-100 (stiff, self-mocking, ridiculous) named above the
        plot, dashed lines at the two limits, and a point per idea on its own row: the team's
        first, numbered ("Idee 1 · ..."), then the examples ("V1 · ..."). Idea texts are chart
        data, drawn as text, never as markup.
    """
    lang = check_language(lang)
    data = _rows(list(ideas), examples, lang)
    names = {name: t(irony.BAND_KEYS[name][0], lang=lang) for name in irony.BANDS}
    limits = [high + 0.5 for _, high in list(irony.BANDS.values())[:-1]]
    edges = [irony.TONE_MIN, *limits, irony.TONE_MAX]
    bands = pd.DataFrame({
        "band": pd.array(list(names.values()), dtype="str"),
        "start": [float(edge) for edge in edges[:-1]],
        "end": [float(edge) for edge in edges[1:]],
        "middle": [(low + high) / 2 for low, high in zip(edges[:-1], edges[1:], strict=True)],
    })
    band_title = t("irony.chart_band", lang=lang)
    tone_title = t("irony.chart_tone", lang=lang)
    x_scale = alt.Scale(domain=[irony.TONE_MIN, irony.TONE_MAX], nice=False)
    background = alt.Chart(bands).mark_rect().encode(
        x=alt.X("start:Q", scale=x_scale, title=tone_title,
                axis=alt.Axis(values=[0, 25, 50, 75, 100], labelFontSize=14, titleFontSize=15, grid=False)),
        x2="end:Q",
        color=alt.Color("band:N", scale=alt.Scale(domain=list(names.values()),
                                                  range=[BAND_COLOURS[name][0] for name in names]), legend=None),
        tooltip=[alt.Tooltip("band:N", title=band_title)],
    )
    band_names = alt.Chart(bands).mark_text(fontSize=16, fontWeight="bold", baseline="bottom", dy=-6).encode(
        x=alt.X("middle:Q", scale=x_scale),
        y=alt.value(0),
        text="band:N",
        color=alt.Color("band:N", scale=alt.Scale(domain=list(names.values()),
                                                  range=[BAND_COLOURS[name][1] for name in names]), legend=None),
    )
    lines = alt.Chart(pd.DataFrame({"limit": limits})).mark_rule(strokeDash=[6, 4], color="#555").encode(
        x=alt.X("limit:Q", scale=x_scale))
    # the legend names only what is drawn: the team's ideas, and the examples when they are shown
    who = [t("irony.chart_team", lang=lang), t("irony.chart_example", lang=lang)][:2 if examples else 1]
    points = alt.Chart(data).mark_point(filled=True, size=220, opacity=1).encode(
        x=alt.X("tone:Q", scale=x_scale),
        y=alt.Y("label:N", sort=list(data["label"]), title=None,
                axis=alt.Axis(labelFontSize=14, labelLimit=360, domain=False, ticks=False)),
        color=alt.Color("who:N", title=t("irony.chart_who", lang=lang),
                        scale=alt.Scale(domain=who, range=[TEAM_COLOUR, EXAMPLE_COLOUR][:len(who)]),
                        legend=alt.Legend(orient="bottom", labelFontSize=14, titleFontSize=14)),
        shape=alt.Shape("who:N", scale=alt.Scale(domain=who, range=["diamond", "circle"][:len(who)]), legend=None),
        tooltip=[alt.Tooltip("text:N", title=t("irony.chart_idea", lang=lang)),
                 alt.Tooltip("band:N", title=band_title),
                 alt.Tooltip("tone:Q", title=t("irony.tone", lang=lang))],
    )
    height = max(_MIN_HEIGHT, _ROW * len(data))
    return alt.layer(background, lines, points, band_names).properties(
        title=alt.Title(t("irony.chart_title", lang=lang), fontSize=18, anchor="start", offset=28),
        width=520, height=height,
    ).resolve_scale(color="independent", shape="independent")
