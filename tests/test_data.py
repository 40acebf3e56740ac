"""Integrity of the shipped data: every figure has a known source, shares lie within 0..1."""

import pandas as pd
import pytest

from toolkit.pipeline import DATA, load_table

TABLES = sorted(p.stem for p in DATA.glob("*.csv") if p.stem != "sources")


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


@pytest.mark.parametrize("name", TABLES)
def test_every_row_names_a_known_source(name):
    table = load_table(name)
    ids = set(load_table("sources")["id"])
    assert "source" in table.columns
    assert table["source"].notna().all()
    assert set(table["source"]) <= ids, set(table["source"]) - ids


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
