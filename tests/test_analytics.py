"""Tests for toolkit.analytics against golden exports (tests/golden/make_golden.py), one per quirk."""

import datetime as dt
import importlib.util
import io
import zipfile

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from toolkit.analytics import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_ENTRIES,
    ExportError,
    load_export,
    parse_day,
    snake_case,
)
from toolkit.samples import SAMPLE_DIR, write_sample

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
    assert info.value.key == "export.too_large" and info.value.params == {"file": "huge.csv", "max": 20}
    assert "20 MB" in info.value.text("en")
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
    assert info.value.params == {"file": "bomb.zip", "max": 60} and "60 MB" in info.value.text("en")


def test_snake_case():
    assert snake_case("Video Views") == "video_views"
    assert snake_case("Difference in followers from previous day") == "difference_in_followers_from_previous_day"
    assert snake_case("Top territories") == "top_territories"
    assert snake_case(" (Total) Views % ") == "total_views"


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


# --- files made in the test, one quirk each ------------------------------------------------------------
OVERVIEW = "Date,Video Views,Profile Views,Likes,Comments,Shares"
CONTENT = "Time,Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views"


def _csv(header, *rows, bom=True):
    """CSV bytes as TikTok Studio writes them: UTF-8 with a byte order mark."""
    return (("\ufeff" if bom else "") + "\n".join([header, *rows]) + "\n").encode("utf-8")


def _zip(files, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression, compresslevel=1 if compression else None) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _xlsx(*rows):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _load(name, data):
    return load_export((name, data), exported_on=EXPORTED)


def _refused(name, data):
    with pytest.raises(ExportError) as info:
        _load(name, data)
    return info.value


SMALL_OVERVIEW = _csv(OVERVIEW, "October 1,100,7,7,1,0", "October 2,200,8,9,2,1")


def test_numbers_with_spaces_empty_and_undefined_cells():
    data = _csv(OVERVIEW, "October 1,1 234,7,,1,0", "October 2,1\u00a0234,8,undefined,2,1")
    table = _load("Overview.csv", data).overview
    assert table["video_views"].tolist() == [1234, 1234] and table["video_views"].dtype == "Int64"
    assert table["likes"].isna().all() and table["likes"].dtype == "Int64"  # missing, never 0


def test_a_column_with_fractions_stays_fractional():
    table = _load("Overview.csv", _csv(OVERVIEW, "October 1,12.5,7,7,1,0", "October 2,3,8,9,2,1")).overview
    assert table["video_views"].tolist() == [12.5, 3.0] and table["video_views"].dtype == "Float64"


def test_distribution_percentages_are_shares():
    table = _load("FollowerGender.csv", _csv("Gender,Distribution", "Female,55%", "Male,44.5%", "Other,undefined")
                  ).follower_gender
    assert table["distribution"].dtype == "Float64"
    assert table["distribution"].iloc[:2].tolist() == pytest.approx([0.55, 0.445])
    assert table["distribution"].isna().tolist() == [False, False, True]
    whole = _load("FollowerGender.csv", _csv("Gender,Distribution", "Female,100%", "Male,0%")).follower_gender
    assert whole["distribution"].dtype == "Float64" and whole["distribution"].tolist() == [1.0, 0.0]
    unknown = _load("FollowerGender.csv", _csv("Gender,Distribution", "Female,undefined", "Male,undefined"))
    assert unknown.follower_gender["distribution"].dtype == "Float64"  # a share column, even when all missing


def test_a_bad_number_names_file_column_line_and_value():
    error = _refused("Overview.csv", _csv(OVERVIEW, "October 1,100,7,7,1,0", "October 2,lots,8,9,2,1"))
    assert error.key == "export.bad_number"
    assert error.params == {"file": "Overview.csv", "column": "Video Views", "row": 3, "value": "lots"}
    long = _refused("Overview.csv", _csv(OVERVIEW, "October 1," + "x" * 50 + ",7,7,1,0"))
    assert long.params["value"] == "x" * 40


def test_a_bad_date_names_its_line():
    data = _csv(OVERVIEW, "October 1,1,1,1,1,1", "October 2,1,1,1,1,1", "Oktober 32,1,1,1,1,1")
    error = _refused("Overview.csv", data)
    assert error.key == "export.bad_date" and error.params == {"file": "Overview.csv", "value": "Oktober 32", "row": 4}
    month = _refused("Overview.csv", _csv(OVERVIEW, "October 1,1,1,1,1,1", "Brumaire 3,1,1,1,1,1"))
    assert month.key == "export.unknown_month"
    assert month.params == {"file": "Overview.csv", "value": "brumaire", "row": 3}


def test_daily_rows_are_sorted_by_date_keeping_the_order_within_a_day():
    data = _csv(OVERVIEW, "October 3,3,1,1,1,1", "October 1,1,1,1,1,1", "October 2,2,1,1,1,1")
    overview = _load("Overview.csv", data)
    assert overview.overview["video_views"].tolist() == [1, 2, 3]
    rows = [f"October {day},{hour},{day * 100 + hour}" for day in (2, 1) for hour in range(24)]
    activity = _load("FollowerActivity.csv", _csv("Date,Hour,Active followers", *rows)).follower_activity
    assert activity["date"].is_monotonic_increasing
    assert activity["hour"].tolist() == list(range(24)) * 2


def test_text_stays_text_quoted_and_after_spaces():
    data = _csv(CONTENT.replace(",", ", "),
                '2026-10-01, "Dag 1, de werkplaats", https://example.org/1, 10:00, 5, 1, 0, 100',
                "2026-10-02, 007, https://example.org/2, 11:00, 6, 2, 1, 200",
                "2026-10-03, NA, https://example.org/3, 12:00, 7, 3, 2, 300")
    content = _load("Content.csv", data).content
    assert content["video_title"].tolist() == ["Dag 1, de werkplaats", "007", "NA"]
    assert content["total_views"].tolist() == [100, 200, 300]
    numeric_titles = _csv(CONTENT, "2026-10-01,007,1,10:00,5,1,0,100", "2026-10-02,2024,2,11:00,6,2,1,200")
    numbers = _load("Content.csv", numeric_titles)
    assert numbers.content[["video_title", "video_link"]].to_dict("list") == {"video_title": ["007", "2024"],
                                                                              "video_link": ["1", "2"]}


def test_xlsx_text_cells_and_empty_cells():
    data = _xlsx(CONTENT.split(","), ["2026-10-01", "007", "https://example.org/1", "10:00", 5, None, 0, 100],
                 ["2026-10-02", "NA", "https://example.org/2", "11:00", 6, 2, 1, 200])
    content = _load("Content.xlsx", data).content
    assert content["video_title"].tolist() == ["007", "NA"]
    assert content["total_comments"].dtype == "Int64" and content["total_comments"].isna().tolist() == [True, False]


def test_an_iso_date_with_a_time_as_a_workbook_writes_it():
    assert parse_day("2026-08-09 00:00:00", EXPORTED, file="x.xlsx") == dt.date(2026, 8, 9)


def test_29_february_without_a_year_is_the_last_leap_day():
    assert parse_day("February 29", dt.date(2025, 3, 1), file="x") == dt.date(2024, 2, 29)
    assert parse_day("29 februari", dt.date(2024, 3, 1), file="x") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text", ["August 9 10", "9", "August", "x" * 50])
def test_a_date_needs_one_month_and_one_day(text):
    with pytest.raises(ExportError) as info:
        parse_day(text, EXPORTED, file="x.csv")
    assert info.value.key == "export.bad_date"
    assert info.value.params == {"file": "x.csv", "value": text[:40]}


def test_an_unknown_month_is_quoted_to_30_characters():
    with pytest.raises(ExportError) as info:
        parse_day("Brumaire" + "e" * 40 + " 3", EXPORTED, file="x.csv")
    assert info.value.params["value"] == ("brumaire" + "e" * 40)[:30]


def test_a_second_byte_order_mark_in_the_header_is_ignored():
    assert len(_load("Overview.csv", b"\xef\xbb\xbf" + SMALL_OVERVIEW).overview) == 2


def test_unknown_columns_are_listed_to_200_characters():
    assert _refused("Overview.csv", _csv("Date,Reach,Impressions", "2026-10-01,1,2")).params == {
        "file": "Overview.csv", "columns": "Date, Reach, Impressions"}
    wide = _refused("Overview.csv", _csv(",".join(f"Column {i:03}" for i in range(30)), ",".join("1" * 30)))
    assert wide.params["columns"] == ", ".join(f"Column {i:03}" for i in range(30))[:200]


@pytest.mark.parametrize(
    "name, data, key",
    [
        ("Overview.csv", b"  \r\n ", "export.empty"),
        ("Overview.csv", b"\xff\xfeD\x00a\x00t\x00e\x00", "export.not_text"),  # UTF-16
        ("Overview.csv", b"Date,Video Views\n1,2\n3,4,5,6\n", "export.not_csv"),
        ("Overview.csv", b"\xef\xbb\xbf", "export.not_csv"),  # only a byte order mark
        ("Overview.xlsx", b"PK\x03\x04 this is no workbook", "export.not_xlsx"),
        ("Overview.zip", b"not a zip at all", "export.bad_zip"),
        ("OVERVIEW.ZIP", b"not a zip at all", "export.bad_zip"),
    ],
)
def test_a_broken_file_is_a_sentence_naming_it(name, data, key):
    error = _refused(name, data)
    assert error.key == key and error.params == {"file": name}


def test_too_many_rows():
    rows = [f"g{i},0.1" for i in range(MAX_ROWS)]
    assert len(_load("FollowerGender.csv", _csv("Gender,Distribution", *rows)).follower_gender) == MAX_ROWS
    error = _refused("FollowerGender.csv", _csv("Gender,Distribution", *rows, "one,0.1"))
    assert error.key == "export.too_many_rows" and error.params == {"file": "FollowerGender.csv", "max": 20_000}


# --- zips, uploads and folders ------------------------------------------------------------------------------------
def test_a_zip_is_recognised_by_its_content_and_named_after_the_upload():
    data = _zip({"Overview.csv": SMALL_OVERVIEW})
    assert load_export(data).sources == {"overview": "upload/Overview.csv"}
    assert load_export(data, filename="download").sources == {"overview": "download/Overview.csv"}
    assert _load("OVERVIEW.ZIP", data).sources == {"overview": "OVERVIEW.ZIP/Overview.csv"}
    assert load_export(SMALL_OVERVIEW, filename="Overview.csv").sources == {"overview": "Overview.csv"}


def test_a_zip_from_a_mac_and_a_workbook_inside_a_zip():
    xlsx = (GOLDEN / "en_overview.xlsx").read_bytes()
    junk = b"\x00\x05\x16\x07 Mac OS X resource fork"
    export = _load("mac.zip", _zip({"stats/Overview.xlsx": xlsx, "stats/": b"", "__MACOSX/stats/._Overview.xlsx": junk,
                                    "._Overview.csv": junk, ".DS_Store": junk}))
    assert export.sources == {"overview": "mac.zip/Overview.xlsx"} and len(export.overview) == 60


def test_a_damaged_zip_member_is_a_sentence():
    start = 30 + len("Overview.csv")  # the first member's data follows its local header
    deflated = bytearray(_zip({"Overview.csv": SMALL_OVERVIEW}))
    deflated[start] = 0xFF  # the compressed data now starts with a block of an invalid type
    stored = bytearray(_zip({"Overview.csv": SMALL_OVERVIEW}, zipfile.ZIP_STORED))
    stored[start + 10] ^= 0xFF  # one changed byte: the checksum no longer fits
    for data in (deflated, stored):
        error = _refused("damaged.zip", bytes(data))
        assert error.key == "export.bad_zip" and error.params == {"file": "damaged.zip"}


def test_zip_limits_on_entries_and_unpacked_size():
    fifty = {"Overview.csv": SMALL_OVERVIEW, **{f"note{i}.txt": b"x" for i in range(MAX_ZIP_ENTRIES - 1)}}
    assert len(_load("fifty.zip", _zip(fifty)).overview) == 2
    error = _refused("many.zip", _zip({**fifty, "one-more.txt": b"x"}))
    assert error.key == "export.too_large" and error.params == {"file": "many.zip", "max": 60}
    filler = MAX_UNPACKED_BYTES - len(SMALL_OVERVIEW) - 2 * 20 * 1024 * 1024
    files = {"Overview.csv": SMALL_OVERVIEW, "a.bin": bytes(20 * 1024 * 1024), "b.bin": bytes(20 * 1024 * 1024)}
    assert len(_load("full.zip", _zip({**files, "c.bin": bytes(filler)})).overview) == 2  # exactly 60 MB
    error = _refused("over.zip", _zip({**files, "c.bin": bytes(filler + 1)}))
    assert error.key == "export.too_large" and error.params == {"file": "over.zip", "max": 60}


def test_a_zip_member_above_the_file_limit():
    error = _refused("big.zip", _zip({"Overview.csv": bytes(MAX_FILE_BYTES + 1)}))
    assert error.key == "export.too_large" and error.params == {"file": "big.zip/Overview.csv", "max": 20}
    assert "20 MB" in error.text("en")


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    assert _refused("big.png", bytes(MAX_FILE_BYTES)).key == "export.wrong_type"  # not too large
    path = tmp_path / "big.png"
    path.write_bytes(bytes(MAX_FILE_BYTES))
    with pytest.raises(ExportError) as info:
        load_export(path)
    assert info.value.key == "export.wrong_type"
    path.write_bytes(bytes(MAX_FILE_BYTES + 1))
    with pytest.raises(ExportError) as info:
        load_export(path)
    assert info.value.key == "export.too_large" and info.value.params == {"file": "big.png", "max": 20}
    assert "20 MB" in info.value.text("en")


def test_a_folder_with_csv_and_xlsx_files(tmp_path):
    (tmp_path / "Overview.XLSX").write_bytes((GOLDEN / "en_overview.xlsx").read_bytes())
    (tmp_path / "History.csv").write_bytes((GOLDEN / "iso_dates_history.csv").read_bytes())
    (tmp_path / "notes.txt").write_text("not an export")
    (tmp_path / "old.csv").mkdir()
    export = load_export(tmp_path, exported_on=EXPORTED)
    assert export.sources == {"overview": "Overview.XLSX", "follower_history": "History.csv"}


def test_missing_and_empty_places_are_named(tmp_path):
    with pytest.raises(ExportError) as info:
        load_export(tmp_path / "nope.zip")
    assert info.value.key == "export.missing" and info.value.params == {"file": str(tmp_path / "nope.zip")}
    with pytest.raises(ExportError) as info:
        load_export("x" * 200 + ".zip")
    assert info.value.params == {"file": "x" * 120}
    (tmp_path / "leeg").mkdir()
    with pytest.raises(ExportError) as info:
        load_export(tmp_path / "leeg")
    assert info.value.key == "export.no_tiktok_files" and info.value.params == {"file": "leeg"}


def test_merge_adds_tables_and_the_other_export_wins():
    overview = load_export(GOLDEN / "en_overview.zip")
    followers = load_export(GOLDEN / "en_followers.zip")
    dutch = load_export(GOLDEN / "nl_overview.csv", exported_on=EXPORTED)
    merged = overview.merge(followers).merge(dutch)
    assert set(merged.tables()) == {"overview", *followers.tables()}
    assert merged.overview is dutch.overview
    assert merged.sources == {**followers.sources, "overview": "nl_overview.csv"}
    assert overview.sources == {"overview": "en_overview.zip/Overview.csv"}  # unchanged
