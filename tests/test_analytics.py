"""Tests for toolkit.analytics against golden exports (tests/golden/make_golden.py), one per quirk."""

import datetime as dt
import importlib.util
import zipfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.analytics import MAX_FILE_BYTES, ExportError, load_export, parse_day, snake_case
from toolkit.samples import SAMPLE_DIR, write_sample

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
EXPORTED = dt.date(2026, 10, 31)


def _golden_module():
    spec = importlib.util.spec_from_file_location("make_golden", GOLDEN / "make_golden.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_golden_files_are_what_the_script_makes():
    for name, data in _golden_module().files().items():
        assert (GOLDEN / name).read_bytes() == data, f"{name}: run tests/golden/make_golden.py"


def test_overview_zip_english_dates_bom_and_undefined():
    export = load_export(GOLDEN / "en_overview.zip")
    table = export.overview
    assert list(table.columns) == ["date", "video_views", "profile_views", "likes", "comments", "shares"]
    assert str(table["date"].dtype).startswith("datetime64")
    assert table["date"].is_monotonic_increasing and len(table) == 60
    assert table["date"].max() == pd.Timestamp(EXPORTED - dt.timedelta(days=2))  # the zip's date gives the year
    assert table["profile_views"].isna().sum() == 1  # "undefined" is missing, never 0
    assert table["video_views"].dtype == "Int64" and table["video_views"].notna().all()
    assert export.follower_history is None and export.sources == {"overview": "en_overview.zip/Overview.csv"}


def test_followers_zip_holds_four_tables():
    export = load_export(GOLDEN / "en_followers.zip")
    assert set(export.tables()) == {"follower_history", "follower_activity", "follower_gender", "follower_territories"}
    assert list(export.follower_history.columns) == ["date", "followers", "difference_in_followers_from_previous_day"]
    assert export.follower_gender["distribution"].sum() == pytest.approx(1.0)
    assert list(export.follower_territories["top_territories"]) == ["NL", "BE", "DE"]
    assert export.follower_activity["hour"].between(0, 23).all()


def test_content_keeps_titles_as_text_and_counts_as_numbers():
    content = load_export(GOLDEN / "en_content.zip").content
    assert list(content.columns) == ["time", "video_title", "video_link", "post_time", "total_likes",
                                     "total_comments", "total_shares", "total_views"]
    assert content["total_views"].dtype == "Int64" and len(content) == 15


def test_dutch_dates():
    viewers = load_export(GOLDEN / "nl_viewers.zip").viewers
    assert viewers["date"].max() == pd.Timestamp(2026, 10, 29)
    overview = load_export(GOLDEN / "nl_overview.csv", exported_on=EXPORTED).overview
    assert overview["date"].min() == pd.Timestamp(2026, 8, 31)


def test_a_window_across_new_year_gets_two_years():
    table = load_export(GOLDEN / "new_year_overview.zip").overview
    years = set(table["date"].dt.year)
    assert years == {2026, 2027}
    assert table["date"].is_monotonic_increasing
    assert table["date"].max() == pd.Timestamp(2027, 1, 18)
    assert (table["date"].diff().dropna() == pd.Timedelta(days=1)).all()


def test_iso_dates_and_a_file_without_bom():
    history = load_export(GOLDEN / "iso_dates_history.csv").follower_history
    assert history["date"].iloc[0] == pd.Timestamp(2026, 8, 31)
    overview = load_export(GOLDEN / "no_bom_overview.csv", exported_on=EXPORTED).overview
    assert len(overview) == 60


def test_xlsx_variant_reads_like_the_csv():
    from_xlsx = load_export(GOLDEN / "en_overview.xlsx", exported_on=EXPORTED).overview
    from_zip = load_export(GOLDEN / "en_overview.zip").overview
    pd.testing.assert_frame_equal(from_xlsx, from_zip)


def test_a_folder_and_uploaded_bytes():
    folder = load_export(SAMPLE_DIR)
    assert {"overview", "follower_history", "viewers", "content"} <= set(folder.tables())
    data = (GOLDEN / "en_overview.zip").read_bytes()
    assert load_export(data, filename="Overview_123.zip").overview.equals(load_export(("x.zip", data)).overview)


def test_the_shipped_sample_is_what_the_script_makes(tmp_path):
    for path in write_sample(tmp_path):
        assert path.read_bytes() == (SAMPLE_DIR / path.name).read_bytes(), "run python -m toolkit.samples"
    assert "VERZONNEN" in (SAMPLE_DIR / "LEESMIJ.md").read_text(encoding="utf-8")
    assert load_export(SAMPLE_DIR).content["video_title"].str.startswith("[verzonnen] ").all()


@pytest.mark.parametrize(
    "name, key, words",
    [
        ("empty_overview.csv", "export.empty", ["empty_overview.csv", "leeg"]),
        ("corrupt.zip", "export.bad_zip", ["corrupt.zip", "zip"]),
        ("no_tiktok_files.zip", "export.no_tiktok_files", ["no_tiktok_files.zip"]),
        ("meta_overview.zip", "export.unknown_columns", ["Overview.csv", "Reach", "Instagram"]),
        ("picture.png", "export.wrong_type", ["picture.png"]),
        ("greek_month_overview.csv", "export.unknown_month", ["αυγούστου", "greek_month_overview.csv"]),
        ("bad_number_overview.csv", "export.bad_number", ["12 likes", "Likes", "regel 7"]),
    ],
)
def test_every_problem_is_a_sentence_naming_the_file(name, key, words):
    with pytest.raises(ExportError) as info:
        load_export(GOLDEN / name, exported_on=EXPORTED)
    assert isinstance(info.value, ValueError)
    assert info.value.key == key
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_missing_path_and_oversized_input(tmp_path):
    with pytest.raises(ExportError, match="bestaat niet"):
        load_export(tmp_path / "nope.zip")
    with pytest.raises(ExportError) as info:
        load_export(b"x" * (MAX_FILE_BYTES + 1), filename="huge.csv")
    assert info.value.key == "export.too_large"
    empty_folder = tmp_path / "leeg"
    empty_folder.mkdir()
    with pytest.raises(ExportError):
        load_export(empty_folder)


def test_a_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Overview.csv", b"0" * (70 * 1024 * 1024))
    with pytest.raises(ExportError) as info:
        load_export(path)
    assert info.value.key == "export.too_large"


def test_snake_case():
    assert snake_case("Video Views") == "video_views"
    assert snake_case("Difference in followers from previous day") == "difference_in_followers_from_previous_day"
    assert snake_case("Top territories") == "top_territories"


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)), st.integers(0, 300),
       st.sampled_from(["en", "nl"]))
def test_year_inference_recovers_any_date_within_the_window(exported_on, back, language):
    from toolkit.samples import month_day

    day = exported_on - dt.timedelta(days=back)
    assert parse_day(month_day(day, language), exported_on, file="x") == day


def test_parse_day_refuses_nonsense_with_the_value():
    with pytest.raises(ExportError, match="32 augustus|niet te lezen"):
        parse_day("32 augustus", EXPORTED, file="x.csv")
    with pytest.raises(ExportError) as info:
        parse_day("Brumaire 3", EXPORTED, file="x.csv")
    assert info.value.key == "export.unknown_month" and "brumaire" in str(info.value)
