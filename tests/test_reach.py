"""Tests for toolkit.reach: the views model, the simulation and its bands."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.i18n import TextError
from toolkit.reach import Audience, ViewsModel, bands, fit_views, reach_share, simulate, weekly_actuals


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
    audience = Audience(group=100_000, on_tiktok=0.5, views_per_person=2, region_share=0.1)
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
