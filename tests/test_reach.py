"""Tests for toolkit.reach: the views model, the simulation and its bands."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.i18n import TextError
from toolkit.reach import (
    MAX_POSTS_PER_WEEK,
    MAX_WEEKS,
    Audience,
    ViewsModel,
    bands,
    fit_views,
    netherlands_share,
    people_in_group,
    reach_share,
    simulate,
    weekly_actuals,
)


def test_simulation_repeats_with_the_same_seed_and_differs_with_another():
    a = simulate(3, 52, runs=2_000, seed=1)
    assert a.shape == (2_000, 52)
    np.testing.assert_array_equal(a, simulate(3, 52, runs=2_000, seed=1))
    assert not np.array_equal(a, simulate(3, 52, runs=2_000, seed=2))


def test_simulated_mean_matches_the_lognormal_mean():
    model = ViewsModel(median=200, sigma=0.8)
    weekly = simulate(2, 20, model, runs=20_000, seed=3)
    assert weekly.mean() == pytest.approx(2 * model.mean, rel=0.03)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10), st.integers(1, 30), st.floats(10, 5_000), st.floats(0.1, 2.0), st.integers(0, 10_000))
def test_bands_are_ordered_and_cumulative_grows(posts, weeks, median, sigma, seed):
    b = bands(simulate(posts, weeks, ViewsModel(median, sigma), runs=500, seed=seed))
    assert (b["weekly_low"] <= b["weekly_median"]).all() and (b["weekly_median"] <= b["weekly_high"]).all()
    assert (b["cumulative_low"] <= b["cumulative_median"]).all()
    assert (b["cumulative_median"] <= b["cumulative_high"]).all()
    assert b["cumulative_median"].is_monotonic_increasing
    assert list(b["week"]) == list(range(1, weeks + 1))


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 9), st.floats(10, 5_000), st.floats(0.1, 2.0))
def test_more_posts_never_fewer_views_in_expectation(posts, median, sigma):
    model = ViewsModel(median, sigma)
    fewer = simulate(posts, 12, model, runs=400, seed=5).mean()
    more = simulate(posts + 1, 12, model, runs=400, seed=5).mean()
    assert more >= fewer  # the same seed: the extra post only adds views to each week


def test_zero_posts_zero_views():
    assert simulate(0, 4, runs=10).sum() == 0


def test_fit_views_from_own_videos():
    views = np.exp(np.random.default_rng(0).normal(math.log(800), 0.9, 400))
    model = fit_views(list(views) + [0, None, "undefined"])
    assert model.fitted
    assert model.median == pytest.approx(800, rel=0.1)
    assert model.sigma == pytest.approx(0.9, rel=0.1)


def test_fit_views_needs_three_videos():
    with pytest.raises(TextError) as info:
        fit_views([100, 0, None])
    assert info.value.key == "reach.too_few_videos"


@pytest.mark.parametrize("args", [(-1, 4), (22, 4), (3, 0), (3, 200), (2.5, 4), ("3", 4), (True, 4)])
def test_simulate_refuses_bad_parameters(args):
    with pytest.raises(TextError):
        simulate(*args, runs=10)


@pytest.mark.parametrize("median, sigma", [(0, 1), (-5, 1), (100, -1), (100, 9), (float("nan"), 1)])
def test_views_model_refuses_nonsense(median, sigma):
    with pytest.raises(TextError):
        ViewsModel(median, sigma)


def test_reach_share_uses_the_stated_audience_and_is_capped():
    audience = Audience(group=100_000, on_tiktok=0.5, views_per_person=2, region_share=0.1,
                        in_netherlands=1, in_group=1)
    assert audience.reachable == 5_000
    assert reach_share(2_000, audience) == pytest.approx(0.2)
    assert reach_share(10**9, audience) == 1.0
    with pytest.raises(TextError):
        Audience(on_tiktok=0)


def test_weekly_actuals_sum_days_per_week():
    overview = pd.DataFrame({"date": pd.date_range("2026-09-01", periods=15, freq="D"),
                             "video_views": pd.array([10] * 14 + [None], dtype="Int64")})
    weekly = weekly_actuals(overview)
    assert list(weekly["week"]) == [1, 2]
    assert list(weekly["views"]) == [70, 70]
    assert list(weekly["cumulative"]) == [70, 140]


# --- the views model at its limits -------------------------------------------------------------
@pytest.mark.parametrize("median, sigma", [(1, 1), (0.5, 1), (300, 0), (300, 4)])
def test_views_model_accepts_its_limits(median, sigma):
    model = ViewsModel(median, sigma)
    assert model.mean == pytest.approx(median * math.exp(sigma**2 / 2))


@pytest.mark.parametrize("median, sigma", [(100, 4.5), (float("inf"), 1), (100, float("nan"))])
def test_views_model_refuses_beyond_its_limits(median, sigma):
    with pytest.raises(TextError) as info:
        ViewsModel(median, sigma)
    assert info.value.key == "reach.bad_model"


def test_fit_views_by_hand():
    # log views 0, ln 10 and 2 ln 10: mean ln 10, sample standard deviation ln 10.
    model = fit_views([1, 10, 100])
    assert model.median == pytest.approx(10) and model.sigma == pytest.approx(math.log(10)) and model.fitted
    assert fit_views(["1", "10", "100", "0", "undefined"]).median == pytest.approx(10)  # text from an export


def test_fit_views_caps_the_spread_at_4():
    assert fit_views([1, math.exp(20), math.exp(40)]).sigma == 4.0  # the spread of the logs is 20


def test_fit_views_says_how_many_videos_have_views():
    with pytest.raises(TextError) as info:
        fit_views([100, 0, None, 250])
    assert info.value.params == {"n": 2}


# --- the simulation by hand -----------------------------------------------------------------------------
def test_without_spread_every_video_gets_the_median():
    weekly = simulate(3, 2, ViewsModel(median=250, sigma=0), runs=5)
    assert weekly.shape == (5, 2)
    assert weekly == pytest.approx(np.full((5, 2), 750.0), rel=1e-6)
    assert simulate(1, 1, ViewsModel(median=40, sigma=0), runs=1)[0, 0] == pytest.approx(40.0, rel=1e-6)


def test_simulate_defaults_to_10_000_runs_and_is_seeded():
    weekly = simulate(1, 2)
    assert weekly.shape == (10_000, 2)
    np.testing.assert_array_equal(weekly, simulate(1, 2))


@pytest.mark.parametrize("posts, weeks, runs", [(MAX_POSTS_PER_WEEK, 1, 2), (0, MAX_WEEKS, 1), (1, 1, 1)])
def test_simulate_accepts_its_limits(posts, weeks, runs):
    assert simulate(posts, weeks, runs=runs).shape == (runs, weeks)


@pytest.mark.parametrize(
    "kwargs, key, params",
    [
        ({"posts_per_week": 22, "weeks": 4}, "reach.bad_posts", {"low": 0, "high": 21}),
        ({"posts_per_week": 3, "weeks": 105}, "reach.bad_weeks", {"low": 1, "high": 104}),
        ({"posts_per_week": 3, "weeks": 4, "runs": 0}, "reach.bad_runs", {"low": 1, "high": 100_000}),
        ({"posts_per_week": 3, "weeks": 4, "runs": 100_001}, "reach.bad_runs", {"low": 1, "high": 100_000}),
    ],
)
def test_simulate_says_what_is_allowed(kwargs, key, params):
    with pytest.raises(TextError) as info:
        simulate(**kwargs)
    assert info.value.key == key and info.value.params == params


def test_bands_by_hand():
    # 101 runs of two weeks: week 1 brings 0..100 views, week 2 twice as many.
    runs = np.arange(101.0)
    b = bands(np.column_stack([runs, 2 * runs]))
    assert list(b.columns) == ["week", "weekly_low", "weekly_median", "weekly_high", "weekly_mean",
                               "cumulative_low", "cumulative_median", "cumulative_high"]
    assert b["week"].tolist() == [1, 2]
    assert b["weekly_low"].tolist() == pytest.approx([10, 20])  # the 10-90 % band
    assert b["weekly_median"].tolist() == pytest.approx([50, 100])
    assert b["weekly_high"].tolist() == pytest.approx([90, 180])
    assert b["weekly_mean"].tolist() == pytest.approx([50, 100])
    assert b["cumulative_low"].tolist() == pytest.approx([10, 30])
    assert b["cumulative_median"].tolist() == pytest.approx([50, 150])
    assert b["cumulative_high"].tolist() == pytest.approx([90, 270])
    other = bands(np.column_stack([runs, 2 * runs]), low=25, high=75)
    assert other["weekly_low"].tolist() == pytest.approx([25, 50])
    assert other["weekly_high"].tolist() == pytest.approx([75, 150])


# --- the audience --------------------------------------------------------------------------------------------
def test_the_default_audience_is_the_pupils_aged_15():
    assert Audience().reachable == pytest.approx(169_487 * 0.30)


@pytest.mark.parametrize("kwargs", [{"group": 1}, {"on_tiktok": 1.0}, {"views_per_person": 1.0}, {"region_share": 1.0},
                                    {"region_share": 0.01}])
def test_audience_accepts_its_limits(kwargs):
    assert Audience(**kwargs).reachable > 0


@pytest.mark.parametrize("kwargs", [{"group": 0}, {"on_tiktok": 1.5}, {"views_per_person": 0.5}, {"region_share": 0},
                                    {"region_share": 1.5}])
def test_audience_refuses_the_impossible(kwargs):
    with pytest.raises(TextError) as info:
        Audience(**kwargs)
    assert info.value.key == "reach.bad_audience"


def test_reach_share_of_a_series_of_weeks():
    audience = Audience(group=1_000, on_tiktok=1, views_per_person=1, in_netherlands=1, in_group=1)
    assert reach_share([0, 500, 1_000, 5_000], audience).tolist() == [0.0, 0.5, 1.0, 1.0]


def test_not_every_viewer_is_a_dutch_pupil_of_the_target_age():
    # 30,000 views / 3 per person = 10,000 viewers; 90 % in NL and 20 % of those in the group
    # (the defaults, both assumptions) = 1,800 pupils of the 169,487 x 30 % = 50,846 reachable.
    audience = Audience()
    assert float(people_in_group(30_000, audience)) == pytest.approx(1_800)
    assert float(reach_share(30_000, audience)) == pytest.approx(1_800 / (169_487 * 0.30))
    assert float(reach_share(30_000, Audience(in_netherlands=0.5))) == pytest.approx(1_000 / (169_487 * 0.30))
    for field_value in ({"in_group": 1.5}, {"in_netherlands": -0.1}):
        with pytest.raises(TextError):
            Audience(**field_value)


def test_the_netherlands_share_comes_from_the_exports_territory_file():
    territories = pd.DataFrame({"top_territories": ["BE", "nl ", "DE"], "distribution": [0.1, 0.85, 0.05]})
    assert netherlands_share(territories) == pytest.approx(0.85)
    assert netherlands_share(territories[territories["top_territories"] != "nl "]) is None
    assert netherlands_share(None) is None
    assert netherlands_share(territories.iloc[:0]) is None


# --- the company's own weeks ------------------------------------------------------------------------------------
def test_weekly_actuals_of_a_partial_last_week_and_types():
    overview = pd.DataFrame({"date": pd.date_range("2026-09-01", periods=9, freq="D"),
                             "video_views": pd.array([10, 20, 30, 40, 50, 60, 70, 5, 5], dtype="Int64")})
    weekly = weekly_actuals(overview)
    assert weekly.to_dict("list") == {"week": [1, 2], "views": [280.0, 10.0], "cumulative": [280.0, 290.0]}
    assert weekly["week"].dtype.kind == "i" and weekly["views"].dtype == float and weekly["cumulative"].dtype == float


def test_weekly_actuals_without_days_is_empty_with_the_same_columns():
    overview = pd.DataFrame({"date": pd.to_datetime(["2026-09-01"]), "video_views": pd.array([None], dtype="Int64")})
    weekly = weekly_actuals(overview)
    assert weekly.empty and list(weekly.columns) == ["week", "views", "cumulative"]
    assert weekly["week"].dtype.kind == "i" and weekly["views"].dtype == float and weekly["cumulative"].dtype == float


@pytest.mark.parametrize(("share", "expected"), [(0.0, 0.0), (1.0, 1.0), (1.5, None), (-0.1, None)])
def test_netherlands_share_accepts_only_a_share(share, expected):
    territories = pd.DataFrame({"top_territories": ["NL"], "distribution": [share]})
    assert netherlands_share(territories) == expected


def test_audience_shares_may_be_zero_or_one_but_not_more():
    assert Audience(in_netherlands=0, in_group=0).in_group == 0
    assert Audience(in_netherlands=1, in_group=1).in_netherlands == 1
    with pytest.raises(TextError):
        Audience(in_netherlands=1.01)
