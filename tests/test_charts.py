"""Tests for toolkit.charts: chart specs, not pixels.

Every builder is drawn from the real logic's output on typical data and on edge data (an empty
frame, one row, missing values as pandas.NA, NaN and None), and its spec goes through
:func:`_spec`: ``to_dict()``, which validates it against Altair's Vega-Lite 5 schema, and strict
JSON. The widgets show specs without validating them again (``toolkit.widgets.common.show_chart``),
so these tests are where an invalid spec is caught.
"""

import json
import math
import re

import altair as alt
import numpy as np
import pandas as pd
import pytest
from altair.utils.schemapi import SchemaValidationError

from toolkit.analytics import load_export
from toolkit.charts import (
    TIER_COLOURS,
    daily_views_chart,
    followers_chart,
    funnel_chart,
    hashtag_mix_chart,
    pipeline_timeline_chart,
    scenario_chart,
    video_views_chart,
    viewers_chart,
)
from toolkit.hashtags import TIERS, research_sheet, suggest
from toolkit.i18n import t
from toolkit.pipeline import funnel, timeline
from toolkit.reach import bands, simulate, weekly_actuals
from toolkit.samples import SAMPLE_DIR

#: The three ways a value goes missing: load_export's nullable columns, floats, and objects.
MISSING = {"NA": pd.NA, "NaN": np.nan, "None": None}
#: What a missing value looks like once something has turned it into text.
_NAN_TEXT = re.compile(r"\b(nan|NaN|None|NaT)\b|<NA>")


def _data(spec):
    (rows,) = spec["datasets"].values()
    return rows


def _spec(chart):
    """Return the chart's spec, validated against the Vega-Lite 5 schema, as strict JSON.

    ``to_dict()`` validates by default; JSON without NaN is what a browser can parse (Jupyter
    sends a NaN that slips through as the string "nan", with a warning).
    """
    spec = chart.to_dict()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    try:
        json.dumps(spec, allow_nan=False)
    except ValueError as error:
        bad = {name: [row for row in rows if any(isinstance(v, float) and not math.isfinite(v) for v in row.values())]
               for name, rows in spec.get("datasets", {}).items()}
        pytest.fail(f"the spec is not strict JSON ({error}); rows with NaN: {bad}")
    return spec


def _rows(spec, layer=None):
    """Data rows of the chart, or of one layer of a layer chart."""
    part = spec if layer is None else spec["layer"][layer]
    name = part.get("data", spec.get("data"))["name"]
    return spec["datasets"][name]


def _marks(spec):
    """Mark types, layer by layer (through a facet's inner spec)."""
    if "spec" in spec:
        return _marks(spec["spec"])
    if "layer" in spec:
        return [mark for layer in spec["layer"] for mark in _marks(layer)]
    mark = spec["mark"]
    return [mark if isinstance(mark, str) else mark["type"]]


def _title(spec):
    title = spec.get("title") or spec["layer"][0].get("title")
    return title["text"] if isinstance(title, dict) else title


def _assert_no_missing_as_text(rows):
    texts = [(row, key, value) for row in rows for key, value in row.items()
             if isinstance(value, str) and _NAN_TEXT.search(value)]
    assert not texts, f"missing values became text: {texts[:5]}"


def _with_missing(frame, column, rows, how):
    """``frame`` with ``column`` missing in ``rows``: as pandas.NA (nullable dtype), NaN (float) or None (object)."""
    frame = frame.copy()
    if how == "NaN":
        frame[column] = frame[column].astype(float)
    elif how == "None":
        frame[column] = frame[column].astype(object)
    elif not isinstance(frame[column].dtype, pd.api.extensions.ExtensionDtype):
        frame[column] = frame[column].astype("Float64")
    frame.loc[frame.index[rows], column] = MISSING[how]
    return frame


@pytest.fixture(scope="module")
def export():
    return load_export(SAMPLE_DIR)


def test_the_spec_check_validates_against_the_schema():
    """A builder's chart made invalid after building fails in _spec the way an invalid builder would."""
    chart = funnel_chart(funnel(3, 0.1, 0.2, 0.5))
    chart.width = "wide"  # not a number, not {"step": ...}: invalid in Vega-Lite 5
    assert chart.to_dict(validate=False)["width"] == "wide"
    with pytest.raises(SchemaValidationError, match="'wide' is an invalid value for `width`"):
        _spec(chart)


def test_the_spec_check_refuses_nan():
    chart = alt.Chart(pd.DataFrame({"x": pd.array(["a", None], dtype="str")})).mark_point().encode(x="x:N")
    with pytest.raises(pytest.fail.Exception, match="not strict JSON"):
        _spec(chart)


# --- the Hashtag Lab's chart ------------------------------------------------------------------

POSTS = {"#stage": 120_000, "#koklife": 800, "#jansen": 0, "#lovemyjob": 5_000_000}


def test_hashtag_mix_chart_shows_looked_up_tags_coloured_by_tier():
    sheet = research_sheet(suggest(company="Jansen", profession="kok"), POSTS)
    spec = hashtag_mix_chart(sheet, mix=["#stage", "#koklife"], lang="nl").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["scale"]["type"] == "symlog"
    assert spec["encoding"]["color"]["scale"]["range"] == [TIER_COLOURS[k] for k in TIERS if k != "unknown"]
    assert spec["encoding"]["x"]["axis"]["values"] == [0, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]
    assert spec["title"] == "Posts per hashtag"
    rows = {row["hashtag"]: row for row in _data(spec)}
    assert set(rows) == {"#stage", "#koklife", "#jansen", "#lovemyjob"}
    assert rows["#stage"] == {"hashtag": "#stage", "posts": 120_000, "tier": "sweet spot", "in_mix": "ja"}
    assert rows["#lovemyjob"]["tier"] == "overvol" and rows["#lovemyjob"]["in_mix"] == "nee"


def test_hashtag_mix_chart_in_english():
    sheet = research_sheet(suggest(company="Jansen"), {"#stage": 0})
    spec = hashtag_mix_chart(sheet, lang="en").to_dict()
    assert _data(spec)[0]["tier"] == "unused"
    assert spec["encoding"]["color"]["title"] == "Tier"


def test_hashtag_mix_chart_with_nothing_looked_up_has_no_rows():
    sheet = research_sheet(suggest(company="Jansen"), {})
    spec = hashtag_mix_chart(sheet).to_dict()
    assert _data(spec) == []


def test_hashtag_mix_chart_of_an_empty_sheet():
    empty = pd.DataFrame({"hashtag": [], "kind": [], "posts": pd.array([], dtype="Int64"), "tier": []})
    assert _data(hashtag_mix_chart(empty).to_dict()) == []


def _sheet(case):
    full = research_sheet(suggest(company="Jansen", profession="kok"), POSTS)
    if case == "typical":
        return full, set(POSTS)
    if case == "empty":
        return research_sheet(suggest(company="Jansen").iloc[:0], {}), set()
    if case == "one row":
        return research_sheet(suggest(company="Jansen").iloc[:1], {"#werkenbijjansen": 40}), {"#werkenbijjansen"}
    how = case.split()[-1]
    looked_up = list(full.index[full["posts"].notna()])
    sheet = _with_missing(full, "posts", [looked_up[0], looked_up[2]], how)
    return sheet, set(POSTS) - {full.loc[looked_up[0], "hashtag"], full.loc[looked_up[2], "hashtag"]}


@pytest.mark.parametrize("case", ["typical", "empty", "one row", "missing NA", "missing NaN", "missing None"])
def test_hashtag_mix_chart_spec(case):
    sheet, drawn = _sheet(case)
    spec = _spec(hashtag_mix_chart(sheet, mix=["#stage"]))
    rows = _data(spec)
    assert _marks(spec) == ["bar"]
    assert _title(spec) == t("lab.chart_title")
    assert {row["hashtag"] for row in rows} == drawn and len(rows) == len(drawn)  # tags not looked up are left out
    assert all(isinstance(row["posts"], int) for row in rows)
    assert {row["tier"] for row in rows} <= {t(f"tier.{tier}") for tier in TIERS if tier != "unknown"}
    assert {row["in_mix"] for row in rows} <= {t("chart.yes"), t("chart.no")}
    assert spec["encoding"]["x"]["axis"]["values"][0] == 0
    _assert_no_missing_as_text(rows)


# --- the pipeline planner's charts ------------------------------------------------------------

def _timeline(case):
    full = timeline([("vmbo-k", 3), ("havo", 4)], 2026)
    if case == "typical":
        return full
    if case == "empty":
        return timeline([], 2026)  # what the logic gives for no cohorts (object columns)
    if case == "empty typed":
        return full.iloc[:0]
    if case == "one row":
        return full.iloc[:1]
    column, how = case.split()[1:]
    return _with_missing(full, column, [1, 3], how)


@pytest.mark.parametrize("case", ["typical", "empty", "empty typed", "one row", "missing share NA",
                                  "missing share NaN", "missing share None", "missing end NaN"])
def test_pipeline_timeline_chart_spec(case):
    frame = _timeline(case)
    spec = _spec(pipeline_timeline_chart(frame))
    rows = _data(spec)
    assert _marks(spec) == ["bar"]
    assert _title(spec) == t("chart.timeline")
    assert spec["facet"]["row"]["field"] == "label" and spec["facet"]["row"]["title"] == t("chart.cohort_today")
    assert len(rows) == len(frame)
    ages = [int(label.split()[0]) for label in spec["facet"]["row"]["sort"]]
    assert ages == sorted(ages) and len(ages) == frame["cohort"].nunique()  # youngest first, one panel a cohort
    assert {row["kind"] for row in rows} <= {t("chart.education"), t("chart.internship")}
    _assert_no_missing_as_text(rows)
    # the tooltip's school years: first and last, as years ("2026–2027"), or empty when a bar has no end
    assert all(re.fullmatch(r"\d{4}–\d{4}", row["years"]) for row in rows if row["years"] != "")
    if case.startswith("missing share"):
        assert sum(row["share"] is None for row in rows) == 2
        assert all((row["percent"] is None) == (row["share"] is None) for row in rows)
    if case == "missing end NaN":
        assert sum(row["end"] is None for row in rows) == 2


def _funnel(case):
    full = funnel(3, 0.1, 0.2, 0.5)
    if case == "typical":
        return full
    if case == "no interns":
        return funnel(0, 0.1, 0.2, 0.5)
    if case == "empty":
        return full.iloc[:0]
    if case == "one row":
        return full.iloc[-1:]
    return _with_missing(full, "pupils", [1], case.split()[-1])


@pytest.mark.parametrize("case", ["typical", "no interns", "empty", "one row", "missing NA", "missing NaN",
                                  "missing None"])
def test_funnel_chart_spec(case):
    frame = _funnel(case)
    spec = _spec(funnel_chart(frame))
    rows = _data(spec)
    assert _marks(spec) == ["bar", "text"]
    assert _title(spec) == t("chart.funnel")
    assert len(rows) == len(frame)
    assert [row["label"] for row in rows] == [t(f"funnel.{stage}") for stage in frame["stage"]]
    assert spec["layer"][0]["encoding"]["y"]["sort"] == [row["label"] for row in rows]  # reached on top
    _assert_no_missing_as_text(rows)
    if case == "typical":
        assert [row["rounded"] for row in rows] == [300, 30, 6, 3]
    if case.startswith("missing"):
        assert rows[1]["pupils"] is None and rows[1]["rounded"] is None


# --- the reach explorer's charts --------------------------------------------------------------

def _table(export, name, case, column):
    full = getattr(export, name)
    if case == "typical":
        return full
    if case == "empty":
        return full.iloc[:0]
    if case == "one row":
        return full.iloc[:1]
    return _with_missing(full, column, [2, 9], case.split()[-1])


CASES = ["typical", "empty", "one row", "missing NA", "missing NaN", "missing None"]


@pytest.mark.parametrize("case", CASES)
def test_daily_views_chart_spec(export, case):
    overview = _table(export, "overview", case, "video_views")
    spec = _spec(daily_views_chart(overview))
    rows = _data(spec)
    assert _marks(spec) == ["bar", "line"]
    assert _title(spec) == t("chart.daily_views")
    assert spec["layer"][0]["encoding"]["x"]["type"] == "temporal"
    assert len(rows) == len(overview)
    missing = overview["video_views"].isna().to_numpy()
    assert [row["views"] is None for row in rows] == list(missing)
    assert all(row["rolling"] is not None for row in rows)  # the 7-day mean skips a missing day
    _assert_no_missing_as_text(rows)


@pytest.mark.parametrize("case", CASES)
def test_followers_chart_spec(export, case):
    history = _table(export, "follower_history", case, "followers")
    spec = _spec(followers_chart(history))
    rows = _data(spec)
    assert _marks(spec) == ["line"] and spec["mark"]["point"] is True
    assert _title(spec) == t("chart.followers")
    assert len(rows) == len(history)
    assert [row["followers"] is None for row in rows] == list(history["followers"].isna())
    _assert_no_missing_as_text(rows)


@pytest.mark.parametrize("case", CASES)
def test_video_views_chart_spec(export, case):
    content = _table(export, "content", case, "total_views")
    spec = _spec(video_views_chart(content, best=3))
    rows = _data(spec)
    assert _marks(spec) == ["bar"]
    assert _title(spec) == t("chart.views_per_video")
    assert len(rows) == len(content)
    assert [row["title"] for row in rows] == [title[:80] for title in content["video_title"]]
    with_views = [row for row in rows if row["views"] is not None]
    assert len(with_views) == content["total_views"].notna().sum()
    best = sorted(with_views, key=lambda row: -row["views"])[:3]
    assert [row for row in rows if row["best"] == t("chart.yes")] == [row for row in rows if row in best]
    _assert_no_missing_as_text(rows)


@pytest.mark.parametrize("case", CASES)
def test_viewers_chart_spec(export, case):
    viewers = _table(export, "viewers", case, "new_viewers")
    spec = _spec(viewers_chart(viewers))
    rows = _data(spec)
    assert _marks(spec) == ["area"]
    assert _title(spec) == t("chart.viewers")
    assert spec["encoding"]["y"]["stack"] is True
    assert len(rows) == 2 * len(viewers)  # new and returning, one row each a day
    assert {row["kind"] for row in rows} == ({t("chart.new_viewers"), t("chart.returning_viewers")} if len(rows)
                                             else set())
    assert sum(row["viewers"] is None for row in rows) == viewers["new_viewers"].isna().sum()
    _assert_no_missing_as_text(rows)


def _scenario(export, case):
    band = bands(simulate(3, 8, runs=500, seed=0))
    actual = weekly_actuals(export.overview)
    if case == "typical":
        return band, actual
    if case == "no own views":
        return band, None
    if case == "empty":
        return band.iloc[:0], weekly_actuals(export.overview.iloc[:0])
    if case == "one row":
        return bands(simulate(3, 1, runs=500, seed=0)), weekly_actuals(export.overview.iloc[:1])
    how = case.split()[-1]
    return _with_missing(band, "cumulative_median", [1], how), _with_missing(actual, "cumulative", [1], how)


@pytest.mark.parametrize("case", ["typical", "no own views", "empty", "one row", "missing NA", "missing NaN",
                                  "missing None"])
def test_scenario_chart_spec(export, case):
    band, actual = _scenario(export, case)
    spec = _spec(scenario_chart(band, actual))
    own = actual is not None and len(actual) > 0
    assert _marks(spec) == ["area", "line", "line"] if own else ["area", "line"]
    assert _title(spec) == t("chart.scenario")
    band_rows = _rows(spec, layer=0)
    assert len(band_rows) == len(band) and _rows(spec, layer=1) == band_rows
    assert [row["week"] for row in band_rows] == list(band["week"])
    _assert_no_missing_as_text(band_rows)
    if own:
        own_rows = _rows(spec, layer=2)
        assert len(own_rows) == len(actual)
        assert {row["label"] for row in own_rows} == {t("chart.own_views")}
        _assert_no_missing_as_text(own_rows)
    if case.startswith("missing"):
        assert band_rows[1]["cumulative_median"] is None and own_rows[1]["cumulative"] is None
