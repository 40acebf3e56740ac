"""Reach scenarios before a company posts: simulated views per week with uncertainty bands."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from toolkit.i18n import TextError

#: Most posts a week and weeks the simulator accepts.
MAX_POSTS_PER_WEEK, MAX_WEEKS, MAX_RUNS = 21, 104, 100_000


@dataclass(frozen=True)
class ViewsModel:
    """Views of one video: lognormal (a few videos get far more views than most).

    ``median`` is the views of a typical video; ``sigma`` the spread of log views (1.0 means
    one video in six gets more than 2.7 times the median). ``fitted`` is true when both come
    from the company's own videos, false when they are the workshop's assumption.
    """

    median: float = 300.0
    sigma: float = 1.0
    fitted: bool = False

    def __post_init__(self) -> None:
        if not (math.isfinite(self.median) and self.median > 0 and math.isfinite(self.sigma) and 0 <= self.sigma <= 4):
            raise TextError("reach.bad_model")

    @property
    def mean(self) -> float:
        """Expected views of one video."""
        return self.median * math.exp(self.sigma**2 / 2)


def fit_views(views) -> ViewsModel:
    """Fit the lognormal to a company's own views per video (videos with 0 views are left out).

    Raises ``TextError`` when fewer than three videos have views.
    """
    values = pd.to_numeric(pd.Series(views, dtype="object"), errors="coerce").dropna().astype(float)
    values = values[values > 0]
    if len(values) < 3:
        raise TextError("reach.too_few_videos", n=len(values))
    logs = np.log(values.to_numpy())
    return ViewsModel(median=float(np.exp(logs.mean())), sigma=float(min(4.0, logs.std(ddof=1))), fitted=True)


def _check_int(value, low: int, high: int, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise TextError(key, low=low, high=high)
    return int(value)


def simulate(posts_per_week: int, weeks: int, model: ViewsModel = ViewsModel(), *, runs: int = 10_000,
             seed: int = 0) -> np.ndarray:
    """Simulate views per week: ``runs`` x ``weeks`` array, the same for the same seed.

    Each week has ``posts_per_week`` videos; each video's views are drawn from ``model``.
    Views of older videos are counted in the week they were posted (TikTok views come mostly
    in the first days).
    """
    posts = _check_int(posts_per_week, 0, MAX_POSTS_PER_WEEK, "reach.bad_posts")
    weeks = _check_int(weeks, 1, MAX_WEEKS, "reach.bad_weeks")
    runs = _check_int(runs, 1, MAX_RUNS, "reach.bad_runs")
    if posts == 0:
        return np.zeros((runs, weeks))
    rng = np.random.default_rng(seed)
    # exp(mu + sigma * z) in float32, in place: a fifth faster than rng.lognormal, precise
    # enough for view counts, and within the 100 ms budget for 10,000 runs of 52 weeks.
    draws = rng.standard_normal((runs, weeks, posts), dtype=np.float32)
    draws *= model.sigma
    draws += math.log(model.median)
    np.exp(draws, out=draws)
    return draws.sum(axis=2, dtype=np.float64)


def bands(weekly: np.ndarray, low: float = 10, high: float = 90) -> pd.DataFrame:
    """Median and ``low``-``high`` percentile band of weekly and cumulative views, per week."""
    cumulative = weekly.cumsum(axis=1)
    w = np.percentile(weekly, [low, 50, high], axis=0)
    c = np.percentile(cumulative, [low, 50, high], axis=0)
    return pd.DataFrame({
        "week": np.arange(1, weekly.shape[1] + 1),
        "weekly_low": w[0], "weekly_median": w[1], "weekly_high": w[2], "weekly_mean": weekly.mean(axis=0),
        "cumulative_low": c[0], "cumulative_median": c[1], "cumulative_high": c[2],
    })


@dataclass(frozen=True)
class Audience:
    """The target group a reach is compared with; every number an assumption shown on screen.

    ``group`` defaults to the pupils aged 15 in Dutch secondary school (CBS StatLine 80041ned,
    2021/22: 85,393 vmbo + 43,860 havo + 40,234 vwo). ``on_tiktok`` is the share of them on
    TikTok (anchor: about 30% of 15-19-year-olds used it daily in 2021, Newcom). ``views_per_person``
    converts views into people: one person sees several of the videos. Not every viewer is a
    Dutch pupil of that age: ``in_netherlands`` is the share of viewers in the Netherlands (from
    the export's territory file when there is one) and ``in_group`` the share of those who belong
    to the target group (an assumption: see ``toolkit/data/SOURCES.md``, "Figures in the code").
    """

    group: int = 169_487
    on_tiktok: float = 0.30
    views_per_person: float = 3.0
    region_share: float = 1.0
    in_netherlands: float = 0.9
    in_group: float = 0.2

    def __post_init__(self) -> None:
        ok = (self.group > 0 and 0 < self.on_tiktok <= 1 and self.views_per_person >= 1
              and 0 < self.region_share <= 1 and 0 <= self.in_netherlands <= 1 and 0 <= self.in_group <= 1)
        if not ok:
            raise TextError("reach.bad_audience")

    @property
    def reachable(self) -> float:
        """People of the group on TikTok in the region."""
        return self.group * self.on_tiktok * self.region_share


def people_in_group(cumulative_views, audience: Audience = Audience()):
    """Estimate how many people of the target group ``cumulative_views`` are.

    Views become people through the views per person, then the shares of viewers in the
    Netherlands and in the target group are applied.
    """
    people = np.asarray(cumulative_views, dtype=float) / audience.views_per_person
    return people * audience.in_netherlands * audience.in_group


def reach_share(cumulative_views, audience: Audience = Audience()):
    """Share (0..1) of the reachable target group that ``cumulative_views`` could be."""
    return np.minimum(1.0, people_in_group(cumulative_views, audience) / audience.reachable)


def netherlands_share(territories: pd.DataFrame | None) -> float | None:
    """The Netherlands' share of a company's followers, from the export's territory file.

    TikTok Studio's ``FollowerTopTerritories.csv`` lists ISO country codes with their share;
    None when the file is absent or has no row for NL (then the assumption stays).
    """
    if territories is None or territories.empty:
        return None
    rows = territories[territories["top_territories"].astype(str).str.strip().str.upper() == "NL"]
    if rows.empty or pd.isna(rows["distribution"].iloc[0]):
        return None
    share = float(rows["distribution"].iloc[0])
    return share if 0 <= share <= 1 else None


def weekly_actuals(overview: pd.DataFrame) -> pd.DataFrame:
    """A company's own daily video views summed per week (week 1 starts on the first day)."""
    days = overview[["date", "video_views"]].dropna()
    if days.empty:
        return pd.DataFrame({"week": pd.Series(dtype=int), "views": pd.Series(dtype=float),
                             "cumulative": pd.Series(dtype=float)})
    week = ((days["date"] - days["date"].min()).dt.days // 7 + 1).astype(int)
    weekly = days.groupby(week)["video_views"].sum().astype(float)
    return pd.DataFrame({"week": weekly.index.astype(int), "views": weekly.to_numpy(),
                         "cumulative": weekly.cumsum().to_numpy()})
