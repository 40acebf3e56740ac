"""Tests for toolkit.advocacy and its charts: roster lines, dates, the calendar and the Touch/Tell/Sell balance."""

import datetime as dt
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile import HOSTILE
from toolkit import advocacy
from toolkit.advocacy import (
    KINDS,
    MAX_WEEKS,
    balance,
    balance_advice,
    calendar,
    check_idea,
    check_kind,
    check_person,
    check_topic,
    ideas_by_kind,
    make_post,
    parse_start,
    post_weeks,
)
from toolkit.charts import LOCALES
from toolkit.charts.advocacy import KIND_COLOURS, balance_chart, calendar_chart, week_label
from toolkit.i18n import TextError
from toolkit.workbook import Idea, Post

ROSTER = (
    Post("Sanne", "intern", "touch", "Mijn week", 1, 1, 4),
    Post("Ahmed", "employee", "tell", "Het vak", 2, 1, 4),
    Post("Lisa", "employee", "sell", "Aanmelden", 4, 4, 4),
)
MONDAY = dt.date(2026, 12, 7)


def key_of(call, *args, **kwargs):
    with pytest.raises(TextError) as error:
        call(*args, **kwargs)
    return error.value.key, error.value.params


def _spec(chart):
    """The chart's spec, validated against Altair's Vega-Lite 5 schema, as strict JSON."""
    spec = chart.to_dict()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    json.dumps(spec, allow_nan=False)
    return spec


def _rows(spec):
    (rows,) = spec["datasets"].values()
    return rows


# --- texts of a roster line ----------------------------------------------------------------------
def test_a_person_is_required_and_a_topic_is_not():
    assert check_person("  Sanne ") == "Sanne"
    assert key_of(check_person, "   ")[0] == "advocacy.person_empty"
    assert key_of(check_person, "x" * 61) == ("advocacy.too_long", {"max": advocacy.MAX_PERSON})
    assert check_topic("") == "" and check_topic(" Vrijdagmiddag ") == "Vrijdagmiddag"
    assert key_of(check_topic, "x" * (advocacy.MAX_TOPIC + 1))[0] == "advocacy.too_long"
    assert key_of(check_idea, "")[0] == "advocacy.idea_empty"
    assert key_of(check_idea, "x" * (advocacy.MAX_IDEA + 1))[0] == "advocacy.too_long"


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("check", [check_person, check_topic, check_idea])
def test_hostile_text_is_kept_as_text_or_refused_with_a_key(check, text):
    try:
        assert check(text) == text.strip()
    except TextError as error:
        assert error.key in ("advocacy.too_long", "advocacy.control")


def test_kinds_are_touch_tell_sell_and_an_idea_may_be_unsorted():
    assert KINDS == ("touch", "tell", "sell")
    assert check_kind("tell") == "tell" and check_kind(None, optional=True) is None
    for bad in (None, "Touch", "", 1, ["touch"]):
        assert key_of(check_kind, bad)[0] == "advocacy.bad_kind"


# --- roster lines ------------------------------------------------------------------------------------
def test_make_post_checks_every_field():
    post = make_post(" Sanne ", "intern", "touch", " Werkplaats ", "2", 1, "12")
    assert post == Post("Sanne", "intern", "touch", "Werkplaats", 2, 1, 12)
    assert key_of(make_post, "")[0] == "advocacy.person_empty"
    assert key_of(make_post, "Sanne", "boss")[0] == "advocacy.bad_role"
    assert key_of(make_post, "Sanne", "intern", "hire")[0] == "advocacy.bad_kind"
    assert key_of(make_post, "Sanne", "intern", "touch", "x" * 151)[0] == "advocacy.too_long"
    for every in (0, 13, "twee", 1.5, True, None, "²"):
        assert key_of(make_post, "Sanne", every_weeks=every) == ("advocacy.bad_every", {"max": MAX_WEEKS})
    for week in (0, 13, -1, "", "1e3", 10**15):
        assert key_of(make_post, "Sanne", first_week=week)[0] == "advocacy.bad_week"
        assert key_of(make_post, "Sanne", last_week=week)[0] == "advocacy.bad_week"
    assert key_of(make_post, "Sanne", first_week=5, last_week=4)[0] == "advocacy.weeks_order"


def test_post_weeks_follow_every_and_stay_within_the_roster():
    assert post_weeks(Post("A", every_weeks=3, first_week=2, last_week=11)) == [2, 5, 8, 11]
    assert post_weeks(Post("A", every_weeks=1, first_week=4, last_week=4)) == [4]
    assert post_weeks(Post("A", every_weeks=5, first_week=1, last_week=3)) == [1]
    # a line from an edited file cannot make a huge or endless calendar
    assert post_weeks(Post("A", every_weeks=0, first_week=-5, last_week=10**15)) == list(range(1, MAX_WEEKS + 1))


# --- the start date ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "7-12-2026", "07-12-2026", "7/12/2026", "7.12.2026", "7-12-26", "2026-12-07", " 7 - 12 - 2026 ",
    "7 december 2026", "7 dec 2026", "7 dec. 2026", "ma 7 dec 2026", "maandag 7 December 2026",
    "9-12-2026", "13-12-2026", "7 Dec 2026"])
def test_parse_start_reads_dutch_and_iso_dates_and_gives_the_monday(text):
    assert parse_start(text) == MONDAY


def test_parse_start_reads_months_in_words():
    assert parse_start("2 mrt 2027") == dt.date(2027, 3, 1)
    assert parse_start("3 maart 2027") == dt.date(2027, 3, 1)
    assert parse_start("5 oct 2027") == parse_start("5 okt 2027") == dt.date(2027, 10, 4)
    assert parse_start("1 januari 2027") == dt.date(2026, 12, 28)  # a Friday: its week began in December


@pytest.mark.parametrize("text", [
    "31-2-2026", "32-1-2026", "7-13-2026", "morgen", "7 decembre 2026", "1-1-1999", "2100-01-04",
    "٧-١٢-٢٠٢٦", "7-12", *HOSTILE])
def test_parse_start_refuses_what_is_not_a_date(text):
    key, params = key_of(parse_start, text)
    assert key == "advocacy.bad_date"
    assert params["value"] == text.strip()[:30]


def test_parse_start_refuses_an_empty_text():
    assert key_of(parse_start, "  ")[0] == "advocacy.date_empty"


# --- calendar and balance ----------------------------------------------------------------------------
def test_calendar_has_one_row_per_post_in_week_order():
    frame = calendar(ROSTER)
    assert list(frame.columns) == ["week", "date", "who", "role", "kind", "topic"]
    assert list(frame["week"]) == [1, 1, 2, 3, 3, 4, 4]
    assert list(frame["who"][:2]) == ["Sanne", "Ahmed"]  # the roster's order within a week
    assert frame["date"].isna().all()
    dated = calendar(ROSTER, MONDAY)
    assert list(dated["date"]) == [MONDAY, MONDAY, dt.date(2026, 12, 14), dt.date(2026, 12, 21),
                                   dt.date(2026, 12, 21), dt.date(2026, 12, 28), dt.date(2026, 12, 28)]
    assert list(calendar(ROSTER, "2026-12-07")["date"]) == list(dated["date"])
    empty = calendar(())
    assert list(empty.columns) == list(advocacy.CALENDAR_COLUMNS) and len(empty) == 0


def test_balance_counts_posts_per_kind_over_the_weeks():
    table = balance(ROSTER)
    assert list(table["kind"]) == list(KINDS)
    assert list(table["posts"]) == [4, 2, 1]
    assert table["share"].tolist() == pytest.approx([4 / 7, 2 / 7, 1 / 7])
    empty = balance(())
    assert list(empty["posts"]) == [0, 0, 0] and list(empty["share"]) == [0.0, 0.0, 0.0]


@given(st.lists(st.builds(Post, who=st.just("Sanne"), kind=st.sampled_from([*KINDS, "other"]),
                          first_week=st.integers(-3, 60), last_week=st.integers(-3, 60),
                          every_weeks=st.integers(-1, 9)), max_size=12))
def test_balance_counts_what_the_calendar_lists(roster):
    # the balance counts without building the calendar; both must agree for any roster, odd lines too
    listed = calendar(roster)["kind"].value_counts()
    assert list(balance(roster)["posts"]) == [int(listed.get(kind, 0)) for kind in KINDS]


@pytest.mark.parametrize(("posts", "key"), [
    ((0, 0, 0), "advocacy.advice_empty"), ((5, 2, 1), "advocacy.advice_touch"), ((1, 0, 0), "advocacy.advice_touch"),
    ((3, 3, 1), "advocacy.advice_tie"), ((2, 1, 2), "advocacy.advice_tie"), ((1, 4, 2), "advocacy.advice_tell"),
    ((1, 2, 2), "advocacy.advice_tell"), ((0, 1, 3), "advocacy.advice_sell")])
def test_balance_advice_puts_the_weight_on_touch(posts, key):
    import pandas as pd

    table = pd.DataFrame({"kind": list(KINDS), "posts": list(posts), "share": [0.0] * 3})
    assert balance_advice(table) == (key, {})


def test_the_advice_is_the_articles_advice_not_a_figure():
    from toolkit.i18n import t

    for key in ("advocacy.advice_tell", "advocacy.advice_sell", "advocacy.advice_tie"):
        for lang in ("nl", "en"):
            text = t(key, lang=lang)
            assert "Touch" in text and "%" not in text and not any(ch.isdigit() for ch in text)


def test_ideas_by_kind_counts_the_unsorted_too():
    ideas = (Idea("a", 50, "touch"), Idea("b", 10, "touch"), Idea("c", 90, "sell"), Idea("d"))
    assert ideas_by_kind(ideas) == {"touch": 2, "tell": 0, "sell": 1, None: 1}


# --- charts --------------------------------------------------------------------------------------------
def test_week_labels_are_numbers_or_mondays_the_dutch_way():
    assert week_label(3) == "3"
    assert week_label(1, MONDAY, "nl") == "7 dec" and week_label(5, MONDAY, "nl") == "4 jan"
    assert week_label(1, MONDAY, "en") == "Dec 7"
    assert week_label(13, "2026-12-07", "nl") == "1 mrt"  # the Dutch short month from the chart locale
    assert LOCALES["nl"]["time"]["shortMonths"][2] == "mrt"


def test_calendar_chart_for_a_typical_roster():
    spec = _spec(calendar_chart(ROSTER, MONDAY, lang="nl"))
    assert spec["mark"]["type"] == "rect"
    assert spec["encoding"]["x"]["scale"]["domain"] == ["7 dec", "14 dec", "21 dec", "28 dec"]
    assert spec["encoding"]["x"]["title"] == "Week van"
    assert spec["encoding"]["y"]["sort"] == ["Sanne (stagiair)", "Ahmed (medewerker)", "Lisa (medewerker)"]
    assert spec["encoding"]["color"]["scale"] == {"domain": ["Touch", "Tell", "Sell"],
                                                  "range": [KIND_COLOURS[k] for k in KINDS]}
    assert spec["encoding"]["xOffset"]["field"] == "kind"
    rows = _rows(spec)
    assert len(rows) == 7
    assert {"person": "Lisa (medewerker)", "week": 4, "week_label": "28 dec", "kind": "Sell", "posts": 1,
            "topics": "Aanmelden"} in rows
    assert spec["config"]["locale"] == LOCALES["nl"]


def test_calendar_chart_numbers_the_weeks_without_a_start_and_speaks_english():
    spec = _spec(calendar_chart(ROSTER, lang="en"))
    assert spec["encoding"]["x"]["scale"]["domain"] == ["1", "2", "3", "4"]
    assert spec["encoding"]["x"]["title"] == "Week" and spec["title"] == "Who posts what, per week"
    assert "Sanne (intern)" in spec["encoding"]["y"]["sort"]
    assert spec["config"]["locale"] == LOCALES["en"]


def test_calendar_chart_for_an_empty_roster_and_one_line():
    empty = _spec(calendar_chart((), lang="nl"))
    assert _rows(empty) == [] and len(empty["encoding"]["x"]["scale"]["domain"]) == MAX_WEEKS
    one = _spec(calendar_chart((Post("Sanne", "intern", "touch", "", 1, 2, 2),), "2026-12-07", lang="nl"))
    assert _rows(one) == [{"person": "Sanne (stagiair)", "week": 2, "week_label": "14 dec", "kind": "Touch",
                           "posts": 1, "topics": ""}]
    assert one["encoding"]["x"]["scale"]["domain"] == ["7 dec", "14 dec"]


def test_two_lines_of_one_person_in_one_week_add_up():
    roster = (Post("Sanne", "intern", "touch", "A", 1, 1, 1), Post("Sanne", "intern", "touch", "B", 1, 1, 1))
    (row,) = _rows(_spec(calendar_chart(roster)))
    assert row["posts"] == 2 and row["topics"] == "A; B"


@pytest.mark.parametrize("text", HOSTILE[:4])
def test_hostile_names_are_chart_data_not_markup(text):
    roster = (Post(text, "intern", "touch", text, 1, 1, 2),)
    spec = _spec(calendar_chart(roster))
    assert {row["person"] for row in _rows(spec)} == {f"{text[:60]} (stagiair)"}


def test_balance_chart_for_a_typical_roster():
    spec = _spec(balance_chart(ROSTER, lang="nl"))
    assert spec["title"] == "Posts per soort in het rooster"
    rows = _rows(spec)
    assert rows == [{"kind": "Touch", "posts": 4, "share": "57 %"}, {"kind": "Tell", "posts": 2, "share": "29 %"},
                    {"kind": "Sell", "posts": 1, "share": "14 %"}]
    bars, text = spec["layer"]
    assert bars["mark"]["type"] == "bar" and text["mark"]["type"] == "text"
    assert bars["encoding"]["y"]["sort"] == ["Touch", "Tell", "Sell"]
    english = _rows(_spec(balance_chart(ROSTER, lang="en")))
    assert english[0]["share"] == "57%"


def test_balance_chart_for_an_empty_roster_and_one_line():
    rows = _rows(_spec(balance_chart(())))
    assert [row["posts"] for row in rows] == [0, 0, 0] and {row["share"] for row in rows} == {"0 %"}
    rows = _rows(_spec(balance_chart([Post("Lisa", "employee", "sell", "", 1, 3, 5)])))
    assert [row["posts"] for row in rows] == [0, 0, 3] and rows[2]["share"] == "100 %"
    assert all(not (isinstance(v, float) and math.isnan(v)) for row in rows for v in row.values())
