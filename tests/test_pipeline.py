"""Tests for toolkit.pipeline: the rules of the school career model and the reach it implies."""

import datetime as dt
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import pipeline
from toolkit.i18n import TextError
from toolkit.pipeline import (
    INTERNSHIPS,
    TRACKS,
    cohort_sizes,
    current_school_year,
    default_assumptions,
    education_timeline,
    internship_windows,
    reach_needed,
    track_years,
)

A = default_assumptions()


def windows(track, grade, year=2026):
    return internship_windows(track, grade, year).set_index(["internship", "route"])


# --- the rules of the model --------------------------------------------------------------------
def test_track_lengths_follow_the_model():
    lengths = {t: track_years(t) for t in ("vmbo-b", "havo", "vwo", "mbo-1", "mbo-2", "mbo-3", "mbo-4", "hbo", "wo")}
    assert lengths == {"vmbo-b": 4, "havo": 5, "vwo": 6, "mbo-1": 1, "mbo-2": 2, "mbo-3": 3, "mbo-4": 3,
                       "hbo": 4, "wo": 3}


def test_the_articles_example_vmbo3_today_bpv_from_2029():
    w = windows("vmbo-t", 3)
    row = w.loc[("mbo-bpv", "vmbo-t → mbo-4")]
    # vmbo-t year 3 in 2026/27: finishes end of 2027/28, mbo from 2028/29, bpv from course year 2.
    assert (row["first_school_year"], row["last_school_year"]) == (2029, 2030)
    assert row["age_at_start"] == 18
    assert math.isclose(row["share"], A.to_mbo["vmbo-t"] * A.mbo4_share["vmbo-t"] * (1 - A.bbl_share))


def test_havo4_today_goes_to_hbo_two_years_later():
    w = windows("havo", 4)
    assert w.loc[("hbo-snuffelstage", "havo → hbo"), "first_school_year"] == 2028
    assert w.loc[("hbo-meeloopstage", "havo → hbo"), ["first_school_year", "last_school_year"]].tolist() == [2029, 2030]
    assert w.loc[("hbo-afstudeerstage", "havo → hbo"), "first_school_year"] == 2031
    assert math.isclose(w.loc[("hbo-afstudeerstage", "havo → hbo"), "share"], A.havo_to_hbo)


def test_finish_rule_for_every_track_and_grade():
    for track in ("vmbo-b", "vmbo-k", "havo", "vwo", "mbo-2", "mbo-3", "mbo-4"):
        n = track_years(track)
        for grade in range(1, n + 1):
            timeline = education_timeline(track, grade, 2026)
            first = timeline.iloc[0]
            assert first["last_school_year"] == 2026 + (n - grade)
            for nxt in timeline.iloc[1:].itertuples():
                if nxt.route.count("→") == 1:
                    assert nxt.first_school_year == 2026 + (n - grade) + 1


def test_routes_follow_the_admission_rules():
    def routes(track):
        return set(education_timeline(track, 1, 2026)["route"])

    assert routes("vmbo-b") == {"vmbo-b", "vmbo-b → mbo-2"}
    assert routes("vmbo-k") == {"vmbo-k", "vmbo-k → mbo-3", "vmbo-k → mbo-4", "vmbo-k → mbo-4 → hbo"}
    assert routes("vmbo-t") == {"vmbo-t", "vmbo-t → mbo-3", "vmbo-t → mbo-4", "vmbo-t → mbo-4 → hbo",
                                "vmbo-t → havo", "vmbo-t → havo → hbo"}
    assert routes("vwo") == {"vwo", "vwo → wo", "vwo → hbo"}
    assert routes("mbo-3") == {"mbo-3"}


def test_vmbo_to_havo_enters_year_4():
    timeline = education_timeline("vmbo-g", 4, 2026).set_index("route")
    # vmbo-g year 4 finishes 2026/27; havo years 4-5 are 2027/28 and 2028/29; hbo from 2029.
    assert timeline.loc["vmbo-g → havo", ["first_school_year", "last_school_year"]].tolist() == [2027, 2028]
    assert timeline.loc["vmbo-g → havo → hbo", "first_school_year"] == 2029


def test_route_share_is_the_product_along_it():
    w = windows("vmbo-k", 1)
    share = w.loc[("hbo-afstudeerstage", "vmbo-k → mbo-4 → hbo"), "share"]
    assert math.isclose(share, A.to_mbo["vmbo-k"] * A.mbo4_share["vmbo-k"] * A.mbo4_to_hbo)


def test_internship_timing_rules():
    w = internship_windows("mbo-3", 1, 2026).set_index("internship")
    assert w.loc["mbo-bpv", ["first_school_year", "last_school_year"]].tolist() == [2027, 2028]
    assert w.loc["mbo-bbl", ["first_school_year", "last_school_year"]].tolist() == [2026, 2028]
    late = internship_windows("mbo-4", 3, 2026).set_index("internship")  # in its last year now
    assert late.loc["mbo-bpv", ["first_school_year", "last_school_year"]].tolist() == [2026, 2026]


def test_bpv_and_bbl_split_each_route():
    w = internship_windows("vmbo-b", 1, 2026).set_index("internship")
    assert math.isclose(w.loc["mbo-bpv", "share"] + w.loc["mbo-bbl", "share"], A.to_mbo["vmbo-b"])


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TRACKS), st.integers(1, 6), st.integers(2020, 2040))
def test_windows_are_ordered_shares_in_range(track, grade, year):
    if grade > track_years(track):
        return
    w = internship_windows(track, grade, year)
    assert (w["first_school_year"] <= w["last_school_year"]).all()
    assert (w["first_school_year"] >= year).all()
    assert w["share"].between(0, 1).all()
    assert set(w["internship"]) <= set(INTERNSHIPS)
    for internship in INTERNSHIPS:  # the routes to one internship never add up to more than everyone
        assert w.loc[w["internship"] == internship].groupby("first_school_year")["share"].sum().le(1 + 1e-9).all()


@pytest.mark.parametrize(
    "args, key",
    [
        (("gymnasium", 1, 2026), "pipeline.bad_track"),
        (("vmbo-t", 5, 2026), "pipeline.bad_grade"),
        (("havo", 0, 2026), "pipeline.bad_grade"),
        (("havo", 2.5, 2026), "pipeline.bad_grade"),
        (("havo", "3", 2026), "pipeline.bad_grade"),
        (("havo", 3, 1999), "pipeline.bad_school_year"),
        (("havo", 3, 2100), "pipeline.bad_school_year"),
        (("havo", 3, float("nan")), "pipeline.bad_school_year"),
    ],
)
def test_internship_windows_refuses_what_is_not_allowed(args, key):
    with pytest.raises(ValueError) as info:
        internship_windows(*args)
    assert info.value.key == key
    assert str(info.value)  # a sentence


def test_current_school_year_turns_in_august():
    assert current_school_year(dt.date(2026, 7, 31)) == 2025
    assert current_school_year(dt.date(2026, 8, 1)) == 2026


# --- cohort sizes ---------------------------------------------------------------------------------
def test_cohort_sizes_spread_counts_and_mark_assumptions():
    sizes = cohort_sizes().set_index(["track", "grade"])
    assert math.isclose(sizes.loc[("vmbo-b", 3), "pupils"], 31_610 / 2)
    assert not sizes.loc[("vmbo-b", 3), "assumed"]
    assert sizes.loc[("vmbo-b", 1), "assumed"]
    assert math.isclose(sizes.loc[("mbo-4", 2), "pupils"], 274_200 / 3)
    assert len(sizes) == sum(track_years(t) for t in TRACKS)


# --- reach needed ---------------------------------------------------------------------------------
def test_reach_needed_for_bpv_in_2029():
    plan = reach_needed("mbo-bpv", 5, 2029, conversion=0.02, region_share=0.1, now=2026).set_index(["track", "grade"])
    assert ("vmbo-t", 3) in plan.index and ("vmbo-b", 3) in plan.index
    row = plan.loc[("vmbo-t", 3)]
    assert math.isclose(row["pupils_to_reach"], 5 / (row["share"] * 0.02))
    assert math.isclose(row["cohort_size"], 76_392 / 2 * 0.1)
    assert row["feasible"] == (row["pupils_to_reach"] <= row["cohort_size"])
    assert row["age"] == 15


def test_reach_needed_filters_by_education():
    plan = reach_needed("mbo-bpv", 5, 2029, conversion=0.02, educations=("mbo-2",), now=2026)
    assert set(plan["track"]) == {"vmbo-b"}


def test_reach_needed_flags_what_is_not_feasible():
    plan = reach_needed("hbo-afstudeerstage", 50_000, 2032, conversion=0.001, region_share=0.02, now=2026)
    assert len(plan) and not plan["feasible"].any()


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(INTERNSHIPS), st.integers(2026, 2034), st.floats(0.5, 500), st.floats(0.001, 1),
       st.floats(1.5, 10))
def test_reach_needed_is_linear_in_interns_and_inverse_conversion(internship, year, interns, conversion, factor):
    base = reach_needed(internship, interns, year, conversion=conversion, now=2026)
    more = reach_needed(internship, interns * factor, year, conversion=conversion, now=2026)
    pd.testing.assert_series_equal(more["pupils_to_reach"], base["pupils_to_reach"] * factor, rtol=1e-9)
    if conversion / factor > 0:
        lower = reach_needed(internship, interns, year, conversion=conversion / factor, now=2026)
        pd.testing.assert_series_equal(lower["pupils_to_reach"], base["pupils_to_reach"] * factor, rtol=1e-9)
        assert (lower["pupils_to_reach"] >= base["pupils_to_reach"]).all()


def test_reach_needed_for_zero_interns_is_zero():
    plan = reach_needed("mbo-bbl", 0, 2027, conversion=0.1, now=2026)
    assert len(plan) and (plan["pupils_to_reach"] == 0).all() and plan["feasible"].all()


@pytest.mark.parametrize(
    "kwargs, key",
    [
        ({"conversion": 0}, "pipeline.bad_conversion"),
        ({"conversion": -0.1}, "pipeline.bad_conversion"),
        ({"conversion": 1.5}, "pipeline.bad_conversion"),
        ({"conversion": float("nan")}, "pipeline.bad_conversion"),
        ({"conversion": 0.1, "region_share": 0}, "pipeline.bad_region"),
        ({"conversion": 0.1, "region_share": 2}, "pipeline.bad_region"),
        ({"conversion": 0.1, "educations": ("mbo-9",)}, "pipeline.bad_education"),
    ],
)
def test_reach_needed_refuses_bad_parameters(kwargs, key):
    with pytest.raises(ValueError) as info:
        reach_needed("mbo-bpv", 5, 2029, now=2026, **kwargs)
    assert info.value.key == key


@pytest.mark.parametrize("interns", [-1, float("inf"), 10**9, "veel", None, True])
def test_reach_needed_refuses_bad_demand(interns):
    with pytest.raises(TextError) as info:
        reach_needed("mbo-bpv", interns, 2029, conversion=0.1, now=2026)
    assert info.value.key == "pipeline.bad_interns"


def test_reach_needed_refuses_unknown_internships_and_past_years():
    with pytest.raises(TextError, match="stagesoort"):
        reach_needed("snuffel", 1, 2029, conversion=0.1, now=2026)
    with pytest.raises(TextError) as info:
        reach_needed("mbo-bpv", 1, 2025, conversion=0.1, now=2026)
    assert info.value.key == "pipeline.past_school_year"


# --- assumptions ---------------------------------------------------------------------------------------
def test_assumptions_can_change_and_are_checked():
    changed = A.with_changes(mbo4_share={**A.mbo4_share, "vmbo-k": 1.0})
    w = internship_windows("vmbo-k", 3, 2026, assumptions=changed)
    assert "vmbo-k → mbo-3" not in set(w["route"])
    with pytest.raises(TextError):
        A.with_changes(vmbo_to_havo=1.5)
    with pytest.raises(TextError):
        A.with_changes(vwo_to_wo=0.95, vwo_to_hbo=0.1)


def test_default_assumptions_come_from_the_data_files():
    assert A.havo_to_hbo == 0.739 and A.vwo_to_wo == 0.748 and A.mbo4_to_hbo == 0.387
    assert math.isclose(A.bbl_share, 136_700 / (347_500 + 136_700))
    assert pipeline.load_table("mbo_levels")["assumption"].astype(str).str.lower().eq("true").all()
