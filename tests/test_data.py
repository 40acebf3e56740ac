"""Integrity of the shipped data: every figure has a known source, shares lie within 0..1."""

import pandas as pd
import pytest

from toolkit import pipeline
from toolkit.pipeline import DATA, load_table

TABLES = sorted(p.stem for p in DATA.glob("*.csv") if p.stem != "sources")
#: Tables of advice and checklists, not figures: they cite their sources in words (or are advice).
CHECKLISTS = ("authenticity", "safety", "tone_examples")
FIGURES = [name for name in TABLES if name not in CHECKLISTS]


def test_there_are_data_tables():
    assert {"tracks", "transitions", "mbo_levels", "pupils", "mbo_modes", "internships", "provinces"} <= set(TABLES)


def test_sources_have_publisher_year_and_licence():
    sources = load_table("sources")
    assert sources["id"].is_unique
    real = sources[sources["id"] != "assumption"]
    for column in ("publisher", "title", "page", "year", "licence"):
        assert real[column].notna().all(), column
    cbs = real[real["publisher"].str.contains("CBS")]
    assert cbs["licence"].str.contains("CC BY 4.0").all()


@pytest.mark.parametrize("name", FIGURES)
def test_every_row_names_a_known_source(name):
    table = load_table(name)
    ids = set(load_table("sources")["id"])
    columns = [column for column in table.columns if column == "source" or column.endswith("_source")]
    assert columns, f"{name} names no source"
    for column in columns:
        assert table[column].notna().all()
        assert set(table[column]) <= ids, set(table[column]) - ids


@pytest.mark.parametrize("name", ["transitions", "mbo_levels"])
def test_shares_are_within_0_and_1_and_assumptions_are_marked(name):
    table = load_table(name)
    assert table["share"].between(0, 1).all()
    flags = table["assumption"].astype(str).str.lower()
    assert flags.isin(["true", "false"]).all()
    assert (table.loc[flags == "true", "note"].str.len() > 0).all(), "an assumption says why"
    assert (table.loc[table["source"] == "assumption", "assumption"].astype(str).str.lower() == "true").all()


def test_mbo_level_split_adds_up_per_vmbo_track():
    sums = load_table("mbo_levels").groupby("from_track")["share"].sum()
    assert (sums.round(9) == 1).all()


def test_counts_are_positive_whole_numbers():
    for name, column in (("pupils", "pupils"), ("mbo_modes", "students"), ("provinces", "population")):
        values = load_table(name)[column]
        assert pd.api.types.is_integer_dtype(values) and (values > 0).all(), name


def test_provinces_add_up_to_the_national_population():
    # CBS 70072ned: Nederland, 1 January 2024: 17,947,684 inhabitants.
    assert load_table("provinces")["population"].sum() == 17_947_684


def test_sources_md_lists_every_source():
    text = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    for source_id in load_table("sources")["id"]:
        assert f"`{source_id}`" in text, source_id
    for name in TABLES:
        assert f"`{name}.csv`" in text, name


def _share_in_hbo(track: str) -> float:
    """Share of a vmbo cohort (in its last year) that the model sends on to hbo, by any route."""
    timeline = pipeline.education_timeline(track, 4, 2026)
    return float(timeline.loc[timeline["education"] == "hbo", "share"].sum())


def test_the_model_reproduces_the_sourced_vmbo_to_hbo_outcomes():
    # CBS Jeugdmonitor 2016 (cohort 2010/11, five years after vmbo): in hbo were 6 % of the
    # vmbo-b/k graduates and 35 % of the vmbo-g/t graduates. The default assumptions must give
    # the same within 1.5 and 3 percentage points (weighted by pupils on 1 October 2023).
    pupils = load_table("pupils").set_index("track")["pupils"]

    def weighted(tracks):
        return sum(_share_in_hbo(t) * pupils[t] for t in tracks) / sum(pupils[t] for t in tracks)

    assert weighted(("vmbo-b", "vmbo-k")) == pytest.approx(0.06, abs=0.015)
    assert weighted(("vmbo-g", "vmbo-t")) == pytest.approx(0.35, abs=0.03)


def test_shares_applied_to_todays_pupils_are_marked_as_assumptions():
    assert load_table("mbo_modes")["assumption"].astype(str).str.lower().eq("true").all()
    internships = load_table("internships").set_index("internship")
    assert str(internships.loc["mbo-bpv", "assumption"]).lower() == "true", "bpv from year 2 is one college's schedule"
    tracks = load_table("tracks").set_index("track")
    assert set(tracks["age_source"]) == {"derived"} and tracks["note"].str.len().gt(0).all()
    assert tracks.loc["hbo", "years_source"] != tracks.loc["mbo-4", "years_source"]


def test_internship_windows_follow_the_internships_table():
    windows = pipeline.internship_windows("mbo-4", 1, 2026)
    bpv = windows[windows["internship"] == "mbo-bpv"]
    assert set(bpv["first_school_year"]) == {2027}, "bpv from course year 2 (internships.csv)"
    entree = pipeline.internship_windows("vmbo-b", 4, 2026)
    assert not entree.empty
