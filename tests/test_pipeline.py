"""Tests for toolkit.pipeline: the rules of the school career model and the reach it implies."""

import datetime as dt
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import pipeline
from toolkit.i18n import TextError, t
from toolkit.pipeline import (
    EDUCATIONS,
    FUNNEL_STAGES,
    INTERNSHIPS,
    MAX_INTERNS,
    TRACKS,
    Assumptions,
    cohort_sizes,
    conversion_of,
    current_school_year,
    default_assumptions,
    education_timeline,
    explain_cohort,
    first_chance,
    funnel,
    internship_windows,
    parse_interns,
    reach_needed,
    timeline,
    track_years,
)

# Every test computes what it checks (see tests/conftest.py: the mutation run needs it).
pytestmark = pytest.mark.usefixtures("cold_caches")

A = default_assumptions()
#: The bbl share of the shipped figures: 136,700 of 484,200 mbo students (toolkit/data/mbo_modes.csv).
BOL = 347_500 / 484_200


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
    assert not sizes.loc[("vmbo-b", 4), "assumed"] and not sizes.loc[("havo", 5), "assumed"]  # counted: 3-4, 3-5
    assert sizes.loc[("havo", 2), "assumed"] and not sizes.loc[("mbo-2", 2), "assumed"]
    assert sizes.loc[("vmbo-b", 3), "source"] == "ocw-leerlingen-vo"
    assert sizes.loc[("mbo-4", 1), "source"] == "ocw-mbo-prognose"
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
        ({"conversion": 0.1, "region_share": float("nan")}, "pipeline.bad_region"),
        ({"conversion": 0.1, "region_share": "0.1"}, "pipeline.bad_region"),
        ({"conversion": 0.1, "region_share": True}, "pipeline.bad_region"),
        ({"conversion": "0.1"}, "pipeline.bad_conversion"),
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
    assert info.value.params == {"max": 100_000}  # the sentence names the largest number


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
    a = default_assumptions()
    assert a.havo_to_hbo == 0.739 and a.vwo_to_wo == 0.748 and a.vwo_to_hbo == 0.086 and a.mbo4_to_hbo == 0.387
    assert a.to_mbo == {"vmbo-b": 0.9, "vmbo-k": 0.9, "vmbo-g": 0.8, "vmbo-t": 0.8} and a.vmbo_to_havo == 0.16
    assert a.mbo4_share == {"vmbo-b": 0.0, "vmbo-k": 0.27, "vmbo-g": 0.8, "vmbo-t": 0.8}
    assert math.isclose(a.bbl_share, 136_700 / (347_500 + 136_700))
    a.validate()  # the shipped figures are valid shares
    assert pipeline.load_table("mbo_levels")["assumption"].astype(str).str.lower().eq("true").all()


# --- the rules in detail, by hand -----------------------------------------------------------------
def test_education_timeline_by_hand_for_vmbo_t_3():
    timeline = education_timeline("vmbo-t", 3, 2026)
    assert list(timeline.columns) == ["education", "route", "first_school_year", "last_school_year", "share"]
    rows = {r.route: (r.education, r.first_school_year, r.last_school_year, round(r.share, 6))
            for r in timeline.itertuples()}
    # vmbo-t 4 in 2027/28; 80 % go on to mbo (80 % of them at level 4), 16 % to havo year 4.
    assert rows == {
        "vmbo-t": ("vmbo-t", 2026, 2027, 1.0),
        "vmbo-t → mbo-4": ("mbo-4", 2028, 2030, 0.64),
        "vmbo-t → mbo-3": ("mbo-3", 2028, 2030, 0.16),
        "vmbo-t → havo": ("havo", 2028, 2029, 0.16),
        "vmbo-t → mbo-4 → hbo": ("hbo", 2031, 2034, round(0.64 * 0.387, 6)),
        "vmbo-t → havo → hbo": ("hbo", 2030, 2033, round(0.16 * 0.739, 6)),
    }


def test_hbo_internships_by_course_year():
    w = windows("havo", 4)  # havo 5 in 2027/28, hbo years 1-4 from 2028/29
    got = {internship: tuple(w.loc[(internship, "havo → hbo"), ["first_school_year", "last_school_year", "share"]])
           for internship in ("hbo-snuffelstage", "hbo-meeloopstage", "hbo-afstudeerstage")}
    assert got == {"hbo-snuffelstage": (2028, 2028, 0.739), "hbo-meeloopstage": (2029, 2030, 0.739),
                   "hbo-afstudeerstage": (2031, 2031, 0.739)}
    assert set(w.index.get_level_values("internship")) == {"hbo-snuffelstage", "hbo-meeloopstage",
                                                            "hbo-afstudeerstage"}


def test_mbo_bpv_from_the_second_course_year_bbl_from_the_first():
    w = windows("vmbo-b", 4)  # mbo-2 in 2027/28 and 2028/29
    bpv, bbl = w.loc[("mbo-bpv", "vmbo-b → mbo-2")], w.loc[("mbo-bbl", "vmbo-b → mbo-2")]
    assert (bpv["first_school_year"], bpv["last_school_year"], bpv["age_at_start"]) == (2028, 2028, 18)
    assert (bbl["first_school_year"], bbl["last_school_year"], bbl["age_at_start"]) == (2027, 2028, 17)
    assert math.isclose(bpv["share"], 0.9 * BOL) and math.isclose(bbl["share"], 0.9 * (1 - BOL))


def test_a_route_nobody_takes_is_left_out():
    routes = set(education_timeline("vmbo-t", 1, 2026, assumptions=A.with_changes(vmbo_to_havo=0.0))["route"])
    assert "vmbo-t → havo" not in routes and "vmbo-t → havo → hbo" not in routes
    assert "vmbo-t → mbo-4 → hbo" in routes


def test_shares_missing_from_the_assumptions_count_as_zero():
    assert list(education_timeline("vmbo-t", 1, 2026, assumptions=Assumptions())["route"]) == ["vmbo-t"]
    # No split over the mbo levels given: everyone who goes to mbo starts at level 3.
    timeline = education_timeline("vmbo-t", 1, 2026, assumptions=Assumptions(to_mbo={"vmbo-t": 0.8}))
    assert timeline.set_index("route")["share"].to_dict() == {"vmbo-t": 1.0, "vmbo-t → mbo-3": 0.8}


@pytest.mark.parametrize(
    "changes",
    [
        {"bbl_share": 1.5},
        {"bbl_share": -0.1},
        {"bbl_share": float("nan")},
        {"bbl_share": "0.5"},
        {"havo_to_hbo": None},
        {"mbo4_share": {**A.mbo4_share, "vmbo-k": 2}},
        {"to_mbo": {**A.to_mbo, "vmbo-g": 0.9}},  # 90 % to mbo and 16 % to havo: 106 %
        {"to_mbo": {**A.to_mbo, "vmbo-t": 0.9}},
        {"vwo_to_wo": 0.95, "vwo_to_hbo": 0.1},
    ],
)
def test_assumptions_refuse_impossible_shares(changes):
    with pytest.raises(TextError) as info:
        A.with_changes(**changes)
    assert info.value.key == "pipeline.bad_share"


def test_assumptions_accept_shares_that_add_up_to_exactly_one():
    a = A.with_changes(vwo_to_wo=0.75, vwo_to_hbo=0.25, vmbo_to_havo=0.25, bbl_share=1.0,
                       to_mbo={**A.to_mbo, "vmbo-g": 0.75, "vmbo-t": 0.75})
    assert (a.vwo_to_wo, a.vwo_to_hbo, a.to_mbo["vmbo-t"], a.vmbo_to_havo) == (0.75, 0.25, 0.75, 0.25)
    Assumptions(vmbo_to_havo=0.5).validate()  # a track missing from to_mbo sends nobody to mbo


def test_school_years_from_the_first_to_the_last_are_accepted():
    assert internship_windows("mbo-4", 3, 2015)["first_school_year"].min() == 2015
    assert internship_windows("mbo-4", 3, 2060)["first_school_year"].min() == 2060


@pytest.mark.parametrize("grade", [True, "3", "drie", None, float("nan"), float("inf"), 3.5])
def test_a_grade_is_a_whole_number_of_the_track(grade):
    with pytest.raises(TextError) as info:
        internship_windows("havo", grade, 2026)
    assert info.value.key == "pipeline.bad_grade"


@pytest.mark.parametrize("year", [True, "2026", None, float("inf"), 2026.5])
def test_a_school_year_is_a_whole_number(year):
    with pytest.raises(TextError) as info:
        internship_windows("havo", 3, year)
    assert info.value.key == "pipeline.bad_school_year"


def test_cohort_errors_name_the_value_and_the_choices():
    with pytest.raises(TextError) as info:
        internship_windows("g" * 50, 1, 2026)
    assert info.value.params == {"value": "g" * 40,  # at most 40 characters of what was typed
                                 "tracks": "vmbo-b, vmbo-k, vmbo-g, vmbo-t, havo, vwo, mbo-2, mbo-3, mbo-4"}
    with pytest.raises(TextError) as info:
        internship_windows("vmbo-t", 5, 2026)
    assert info.value.params == {"track": "vmbo-t", "years": 4, "value": "5"}
    with pytest.raises(TextError) as info:
        internship_windows("vmbo-t", 10**25, 2026)
    assert info.value.params["value"] == "1" + "0" * 19  # at most 20 characters
    with pytest.raises(TextError) as info:
        internship_windows("vmbo-t", 1, 10**25)
    assert info.value.params == {"first": 2015, "last": 2060, "value": "1" + "0" * 19}


# --- reach needed, by hand -------------------------------------------------------------------------
COLUMNS = ["track", "grade", "age", "share", "pupils_to_reach", "cohort_size", "feasible", "size_assumed", "routes"]


def test_reach_needed_by_hand_for_bpv_in_2029():
    plan = reach_needed("mbo-bpv", 5, 2029, conversion=0.02, region_share=0.1, now=2026)
    assert list(plan.columns) == COLUMNS
    # Pupils in mbo course year 2 or 3 in 2029/30, in the order of the school career.
    assert list(zip(plan["track"], plan["grade"], plan["age"], strict=True)) == [
        ("vmbo-b", 3, 15), ("vmbo-k", 3, 15), ("vmbo-k", 4, 16), ("vmbo-g", 3, 15), ("vmbo-g", 4, 16),
        ("vmbo-t", 3, 15), ("vmbo-t", 4, 16)]
    rows = plan.set_index(["track", "grade"])
    row = rows.loc[("vmbo-t", 3)]
    share = 0.8 * BOL  # to mbo (level 3 or 4), then school-based
    assert math.isclose(row["share"], share)
    assert math.isclose(row["pupils_to_reach"], 5 / (share * 0.02))  # about 435
    assert math.isclose(row["cohort_size"], 76_392 / 2 * 0.1)  # about 3,820
    assert row["feasible"] and not row["size_assumed"]
    assert row["routes"] == "vmbo-t → mbo-3; vmbo-t → mbo-4"
    assert rows.loc[("vmbo-b", 3), "routes"] == "vmbo-b → mbo-2"
    assert math.isclose(rows.loc[("vmbo-b", 3), "share"], 0.9 * BOL)


def test_reach_needed_marks_cohorts_whose_size_is_assumed():
    rows = reach_needed("mbo-bbl", 5, 2029, conversion=0.1, now=2026).set_index(["track", "grade"])
    assert rows.loc[("vmbo-t", 2), "size_assumed"]  # year 2 is not counted per track
    assert math.isclose(rows.loc[("vmbo-t", 2), "cohort_size"], 76_392 / 2)  # as large as years 3-4
    assert not rows.loc[("vmbo-t", 3), "size_assumed"]


def test_reach_needed_is_feasible_when_exactly_the_whole_cohort_must_be_reached():
    all_bbl = A.with_changes(bbl_share=1.0)  # every mbo student works and learns: a share of exactly 1
    row = reach_needed("mbo-bbl", 91_400, 2026, conversion=1, now=2026, assumptions=all_bbl).set_index(
        ["track", "grade"]).loc[("mbo-4", 1)]
    assert (row["share"], row["cohort_size"], row["pupils_to_reach"]) == (1.0, 274_200 / 3, 91_400)
    assert row["feasible"]
    one_more = reach_needed("mbo-bbl", 91_401, 2026, conversion=1, now=2026, assumptions=all_bbl)
    assert not one_more.set_index(["track", "grade"]).loc[("mbo-4", 1), "feasible"]


def test_reach_needed_leaves_out_cohorts_none_of_whom_can_do_the_internship():
    plan = reach_needed("mbo-bbl", 5, 2029, conversion=0.1, now=2026, assumptions=A.with_changes(bbl_share=0.0))
    assert plan.empty and list(plan.columns) == COLUMNS


def test_reach_needed_accepts_up_to_the_largest_number_of_interns():
    plan = reach_needed("mbo-bbl", MAX_INTERNS, 2027, conversion=1, now=2026)
    assert len(plan) and (plan["pupils_to_reach"] >= MAX_INTERNS).all()
    with pytest.raises(TextError) as info:
        reach_needed("mbo-bbl", MAX_INTERNS + 1, 2027, conversion=1, now=2026)
    assert info.value.params == {"max": 100_000}


def test_reach_needed_counts_from_the_running_school_year_unless_told():
    running = current_school_year()
    assert len(reach_needed("mbo-bbl", 1, running + 1, conversion=0.5))
    with pytest.raises(TextError) as info:
        reach_needed("mbo-bbl", 1, running - 1, conversion=0.5)
    assert info.value.key == "pipeline.past_school_year" and info.value.params == {"now": running}
    with pytest.raises(TextError) as info:
        reach_needed("mbo-bbl", 1, 2029, conversion=0.5, now=2030)
    assert info.value.params == {"now": 2030}


def test_reach_needed_errors_name_the_value_and_the_choices():
    with pytest.raises(TextError) as info:
        reach_needed("s" * 50, 1, 2029, conversion=0.1, now=2026)
    assert info.value.params == {
        "value": "s" * 40,
        "internships": "mbo-bpv, mbo-bbl, hbo-snuffelstage, hbo-meeloopstage, hbo-afstudeerstage"}
    with pytest.raises(TextError) as info:
        reach_needed("mbo-bpv", 1, 2029, conversion=0.1, now=2026, educations=("mbo-3", "e" * 50))
    assert info.value.params == {"value": "e" * 40, "educations": "mbo-1, mbo-2, mbo-3, mbo-4, hbo"}
    assert set(EDUCATIONS) == {"mbo-1", "mbo-2", "mbo-3", "mbo-4", "hbo"}


# --- the number of interns as typed --------------------------------------------------------------
@pytest.mark.parametrize("text, value", [("3", 3), (" 12 ", 12), ("0000001", 1), ("100000", 100_000), ("٣", 3)])
def test_parse_interns(text, value):
    assert parse_interns(text) == value


@pytest.mark.parametrize(
    "text, key",
    [
        ("", "planner.interns_not_a_number"),
        (None, "planner.interns_not_a_number"),
        ("drie", "planner.interns_not_a_number"),
        ("-1", "planner.interns_not_a_number"),
        ("1.5", "planner.interns_not_a_number"),
        ("3 stagiairs", "planner.interns_not_a_number"),
        ("²", "planner.interns_not_a_number"),  # a digit to Unicode, but not a number
        ("00000001", "planner.interns_not_a_number"),  # more than 7 characters
        ("0", "planner.interns_zero"),
        ("0000000", "planner.interns_zero"),
        ("100001", "pipeline.bad_interns"),
        ("9999999", "pipeline.bad_interns"),
    ],
)
def test_parse_interns_refuses_with_a_sentence(text, key):
    with pytest.raises(TextError) as info:
        parse_interns(text)
    assert info.value.key == key


def test_parse_interns_errors_quote_the_value_and_the_largest_number():
    with pytest.raises(TextError) as info:
        parse_interns("  veel te veel stagiairs  ")
    assert info.value.params == {"value": "veel te veel stagiai"}  # trimmed, at most 20 characters
    with pytest.raises(TextError) as info:
        parse_interns(None)
    assert info.value.params == {"value": ""}
    with pytest.raises(TextError) as info:
        parse_interns("100001")
    assert info.value.params == {"max": 100_000}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=10))
def test_parse_interns_gives_a_number_in_range_or_a_sentence(text):
    try:
        value = parse_interns(text)
    except TextError as error:
        assert error.key in {"planner.interns_not_a_number", "planner.interns_zero", "pipeline.bad_interns"}
        return
    assert 1 <= value <= MAX_INTERNS


# --- the funnel ---------------------------------------------------------------------------------------
def test_conversion_is_the_product_of_the_step_rates():
    assert math.isclose(conversion_of(0.5, 0.2, 0.5), 0.05)
    assert conversion_of(1, 1, 1) == 1.0


@pytest.mark.parametrize(
    "rates",
    [(0, 0.5, 0.5), (0.5, 0, 0.5), (0.5, 0.5, 0), (1.01, 0.5, 0.5), (0.5, 1.01, 0.5), (0.5, 0.5, 1.01),
     (-0.1, 0.5, 0.5), (float("nan"), 0.5, 0.5), (0.5, True, 0.5), (0.5, 0.5, "0.5")],
)
def test_conversion_of_refuses_rates_outside_0_to_1(rates):
    with pytest.raises(TextError) as info:
        conversion_of(*rates)
    assert info.value.key == "pipeline.bad_conversion"


def test_funnel_by_hand():
    # 10 interns start; half of the applicants start, a fifth of the followers apply, half of the reached follow.
    stages = funnel(10, 0.5, 0.2, 0.5)
    assert list(stages.columns) == ["stage", "pupils"]
    assert list(stages["stage"]) == list(FUNNEL_STAGES) == ["reached", "follows", "applies", "starts"]
    assert stages["pupils"].tolist() == pytest.approx([200, 100, 20, 10])
    assert funnel(10, 0.25, 1, 1)["pupils"].tolist() == pytest.approx([40, 10, 10, 10])
    assert funnel(10, 1, 1, 0.5)["pupils"].tolist() == pytest.approx([20, 20, 20, 10])


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 1_000), st.floats(0.01, 1), st.floats(0.01, 1), st.floats(0.01, 1))
def test_funnel_top_is_interns_over_the_conversion(interns, follows, applies, starts):
    pupils = funnel(interns, follows, applies, starts)["pupils"]
    assert pupils.iloc[-1] == interns
    assert math.isclose(pupils.iloc[0], interns / conversion_of(follows, applies, starts), rel_tol=1e-9)
    assert pupils.is_monotonic_decreasing


def test_funnel_refuses_bad_rates_and_interns():
    with pytest.raises(TextError) as info:
        funnel(10, 0.5, 0, 0.5)
    assert info.value.key == "pipeline.bad_conversion"
    with pytest.raises(TextError) as info:
        funnel("tien", 0.5, 0.5, 0.5)
    assert info.value.key == "pipeline.bad_interns" and info.value.params == {"max": 100_000}


# --- first chance and the sentence about it ----------------------------------------------------------
def test_first_chance_is_the_earliest_window_and_its_educations():
    assert first_chance("vmbo-t", 3, "mbo-bpv", 2026) == (2029, ["mbo-3", "mbo-4"])
    assert first_chance("vmbo-t", 3, "mbo-bbl", 2026) == (2028, ["mbo-3", "mbo-4"])
    assert first_chance("mbo-3", 1, "mbo-bpv", 2026) == (2027, ["mbo-3"])
    # vmbo-g 4: via havo 4-5 hbo starts in 2029, via mbo-4 only in 2030.
    assert first_chance("vmbo-g", 4, "hbo-snuffelstage", 2026) == (2029, ["hbo"])
    no_havo = A.with_changes(vmbo_to_havo=0.0)
    assert first_chance("vmbo-g", 4, "hbo-snuffelstage", 2026, assumptions=no_havo) == (2030, ["hbo"])
    assert first_chance("havo", 4, "mbo-bpv", 2026) is None  # havo leads to hbo only


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explain_cohort_says_from_when_in_the_chosen_language(lang):
    sentence = explain_cohort("vmbo-t", 3, "mbo-bpv", 2026, lang=lang)
    assert sentence == t("pipeline.sentence", lang=lang, age=15, track="vmbo-t", grade=3, year="2029/30",
                         internship=t("internship.mbo-bpv", lang=lang), educations="mbo-3, mbo-4")
    assert "2029/30" in sentence and "mbo-3, mbo-4" in sentence


def test_explain_cohort_in_the_current_language_with_the_given_assumptions():
    assert explain_cohort("vmbo-t", 3, "mbo-bpv", 2026) == explain_cohort("vmbo-t", 3, "mbo-bpv", 2026, lang="nl")
    no_havo = A.with_changes(vmbo_to_havo=0.0)
    assert "2030" in explain_cohort("vmbo-g", 4, "hbo-snuffelstage", 2026, assumptions=no_havo, lang="en")
    assert explain_cohort("havo", 4, "mbo-bpv", 2026) is None


# --- the timeline's data ------------------------------------------------------------------------------------
TIMELINE_COLUMNS = ["cohort", "track", "grade", "age", "layer", "name", "route", "start", "end", "share"]


def test_timeline_by_hand_for_one_cohort():
    rows = timeline([("vmbo-t", 3)], 2026)
    assert list(rows.columns) == TIMELINE_COLUMNS
    cohorts = set(zip(rows["cohort"], rows["track"], rows["grade"], rows["age"], strict=True))
    assert cohorts == {("vmbo-t 3", "vmbo-t", 3, 15)}
    educations = rows[rows["layer"] == "education"]
    assert [(r.name, r.route, r.start, r.end) for r in educations.itertuples()] == [  # end is exclusive
        ("vmbo-t", "vmbo-t", 2026, 2028), ("mbo-4", "vmbo-t → mbo-4", 2028, 2031),
        ("mbo-3", "vmbo-t → mbo-3", 2028, 2031), ("havo", "vmbo-t → havo", 2028, 2030),
        ("hbo", "vmbo-t → mbo-4 → hbo", 2031, 2035), ("hbo", "vmbo-t → havo → hbo", 2030, 2034)]
    assert math.isclose(educations["share"].iloc[1], 0.64)
    jobs = rows[rows["layer"] == "internship"].set_index(["name", "start"])
    assert len(jobs) == 8  # bpv and bbl (level 3 and 4 together), three hbo internships on two routes
    bpv = jobs.loc[("mbo-bpv", 2029)]  # routes with the same years are one bar, their shares added
    assert (bpv["end"], bpv["route"]) == (2031, "vmbo-t → mbo-3; vmbo-t → mbo-4")
    assert math.isclose(bpv["share"], 0.8 * BOL)
    bbl = jobs.loc[("mbo-bbl", 2028)]
    assert bbl["end"] == 2031 and math.isclose(bbl["share"], 0.8 * (1 - BOL))
    snuffel = jobs.loc[("hbo-snuffelstage", 2030)]
    assert (snuffel["end"], snuffel["route"]) == (2031, "vmbo-t → havo → hbo")
    assert math.isclose(snuffel["share"], 0.16 * 0.739)
    assert jobs.loc[("hbo-meeloopstage", 2032), "end"] == 2034
    assert math.isclose(jobs.loc[("hbo-afstudeerstage", 2034), "share"], 0.64 * 0.387)


def test_timeline_keeps_cohorts_apart_filters_internships_and_uses_the_assumptions():
    rows = timeline([("vmbo-t", 3), ("havo", 4)], 2026, internships=("mbo-bpv",),
                    assumptions=A.with_changes(vmbo_to_havo=0.0))
    jobs = rows[rows["layer"] == "internship"]
    assert list(zip(jobs["cohort"], jobs["name"], strict=True)) == [("vmbo-t 3", "mbo-bpv")]  # havo leads to no bpv
    assert "vmbo-t → havo" not in set(rows["route"])
    havo = rows[rows["cohort"] == "havo 4"]
    assert list(havo["name"]) == ["havo", "hbo"] and set(havo["age"]) == {16} and set(havo["grade"]) == {4}
    assert list(timeline([], 2026).columns) == TIMELINE_COLUMNS
    half_bbl = timeline([("vmbo-t", 3)], 2026, internships=("mbo-bpv",), assumptions=A.with_changes(bbl_share=0.5))
    assert math.isclose(half_bbl.loc[half_bbl["layer"] == "internship", "share"].item(), 0.8 * 0.5)


def test_summarize_offer_gives_the_answer_for_the_first_school_year():
    plan = pd.DataFrame({
        "school_year": [2029, 2029, 2029, 2030],
        "track": ["vmbo-t", "vmbo-k", "mbo-4", "vmbo-t"],
        "grade": [3, 3, 1, 2],
        "age": [15, 15, 17, 14],
        "pupils_to_reach": [900.0, 1_400.0, 2_000.0, 800.0],
        "feasible": [True, False, True, False],
    })
    answer = pipeline.summarize_offer(plan)
    assert answer["school_year"] == 2029
    assert answer["best"] == {"track": "vmbo-t", "grade": 3, "age": 15, "pupils_to_reach": 900.0}
    assert (answer["others_low"], answer["others_high"]) == (1_400.0, 2_000.0)
    assert answer["ages"] == [15, 17]
    assert answer["groups"] == ["vmbo-t 3", "vmbo-k 3", "mbo-4 1"]
    assert answer["short"] == ["vmbo-k 3", "vmbo-t 2"], "every year counts for the region's shortfall"


def test_summarize_offer_of_one_group_and_of_none():
    one = pd.DataFrame({"school_year": [2029], "track": ["havo"], "grade": [4], "age": [16],
                        "pupils_to_reach": [120.0], "feasible": [True]})
    answer = pipeline.summarize_offer(one)
    assert answer["others_low"] is None and answer["others_high"] is None and answer["short"] == []
    assert pipeline.summarize_offer(one.iloc[:0]) is None
