"""Tests for toolkit.early (the account name and the early-mover scan) and its chart."""

import json
import typing

import pytest

from toolkit import early, workbook
from toolkit.charts.early import GROUP_COLOURS, field_chart
from toolkit.early import (
    ACTIVE,
    FEW_ACTIVE,
    HANDLE_MAX,
    MAX_EMPLOYERS,
    MAX_NAME,
    POSTING,
    add_employer,
    check_employers,
    check_handle,
    check_name,
    check_posting,
    field_summary,
    field_verdict,
    handle_hints,
    make_employer,
    posting_label,
    remove_employer,
    set_posting,
)
from toolkit.i18n import CATALOGUE, TextError, t
from toolkit.workbook import Employer

HOSTILE = ['<img src=x onerror="alert(1)"><script>alert(2)</script>', "مرحبا بالعالم \u202eevil",
           "Garage 🔧👩🏽‍🔧", "x" * 10_000, "nul\x00byte", "half \ud800 surrogate", "{name} {0} %s"]


def key_of(call, *args, **kwargs):
    with pytest.raises(TextError) as error:
        call(*args, **kwargs)
    return error.value.key, error.value.params


def scan(*postings):
    return tuple(Employer(f"Werkgever {number}", posting) for number, posting in enumerate(postings))


# --- categories ------------------------------------------------------------------------------------
def test_the_categories_are_the_workbooks_in_order_and_each_has_a_name():
    assert POSTING == typing.get_args(workbook.Posting)
    assert POSTING == ("unknown", "none", "rarely", "monthly", "weekly", "daily")
    assert set(ACTIVE) == {"monthly", "weekly", "daily"}
    for posting in POSTING:
        assert early.POSTING_KEYS[posting] in CATALOGUE
        assert posting_label(posting, "nl") != posting_label(posting, "en")
    assert posting_label("weekly") == "elke week" and posting_label("weekly", "en") == "every week"
    assert posting_label("sometimes") == "sometimes"


def test_check_posting_refuses_anything_else():
    assert check_posting("daily") == "daily"
    for bad in ("Daily", "", None, 3, "<script>"):
        assert key_of(check_posting, bad)[0] == "early.unknown_posting"


# --- the handle -------------------------------------------------------------------------------------
def test_check_handle_takes_off_the_at_sign_and_white_space():
    assert check_handle("  @garagedevries ") == "garagedevries"
    assert check_handle("garage_devries.nl") == "garage_devries.nl"
    assert check_handle("x" * HANDLE_MAX) == "x" * HANDLE_MAX
    assert HANDLE_MAX == 24  # FACTS.md: a TikTok username has at most 24 characters


@pytest.mark.parametrize(("text", "key"), [
    ("", "early.handle_empty"), ("   ", "early.handle_empty"), ("@", "early.handle_empty"),
    ("garage de vries", "early.handle_space"), ("garage\u00a0devries", "early.handle_space"),
    ("@@garage", "early.handle_at"), ("garage@devries", "early.handle_at"),
    ("x" * (HANDLE_MAX + 1), "early.handle_too_long"), ("x" * 10_000, "early.handle_too_long"),
    ("garage\x00", "early.control"), ("ga\x1b[31mrage", "early.control"), ("half\ud800", "early.control"),
])
def test_check_handle_refuses_what_tiktok_would_not_take(text, key):
    assert key_of(check_handle, text)[0] == key


def test_too_long_says_the_limit_and_the_length():
    assert key_of(check_handle, "@" + "x" * 30) == ("early.handle_too_long", {"max": 24, "length": 30})
    assert "24" in t("early.handle_too_long", max=24, length=30)


def test_handle_hints_warn_about_characters_the_app_may_refuse_and_nothing_else():
    assert handle_hints("garage_devries.nl") == []
    assert handle_hints("garage-de-vries!") == [("early.handle_characters", {"chars": "- !"})]
    assert handle_hints("<b>x</b>")[0][1]["chars"] == "< > /"
    emoji = handle_hints("garage🔧")
    assert emoji == [("early.handle_characters", {"chars": "🔧"})]
    assert len(handle_hints("éèêëàáâäôöûüçñ")[0][1]["chars"].split()) == 10  # at most ten shown
    assert "Aanname" in t("early.handle_characters", chars="-")


# --- employers ----------------------------------------------------------------------------------------
def test_check_name_strips_and_refuses_empty_long_and_control_characters():
    assert check_name("  Bakkerij Jansen ") == "Bakkerij Jansen"
    assert key_of(check_name, "  ")[0] == "early.name_empty"
    assert key_of(check_name, "x" * (MAX_NAME + 1)) == ("early.name_too_long", {"max": MAX_NAME})
    assert check_name("x" * MAX_NAME) == "x" * MAX_NAME
    assert key_of(check_name, "Bakkerij\x07")[0] == "early.control"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_are_kept_as_text_or_refused_with_a_key(text):
    try:
        employer = make_employer(text, "weekly")
    except TextError as error:
        assert error.key in ("early.name_too_long", "early.control")
        assert error.key in CATALOGUE
    else:
        assert employer.name == text.strip() and employer.posting == "weekly"


def test_add_employer_appends_and_refuses_repeats_and_a_full_list():
    employers = add_employer((), "Bakkerij Jansen", "weekly")
    employers = add_employer(employers, "Garage Peters")
    assert employers == (Employer("Bakkerij Jansen", "weekly"), Employer("Garage Peters", "unknown"))
    assert key_of(add_employer, employers, "  bakkerij   JANSEN ") == ("early.duplicate", {"name": "bakkerij   JANSEN"})
    assert key_of(add_employer, employers, "Nieuw", "sometimes")[0] == "early.unknown_posting"
    full = tuple(Employer(f"Werkgever {n}") for n in range(MAX_EMPLOYERS))
    assert key_of(add_employer, full, "Nog een") == ("early.too_many", {"max": MAX_EMPLOYERS})


def test_remove_and_set_posting_change_only_the_one_employer():
    employers = scan("none", "weekly", "daily")
    assert remove_employer(employers, 1) == (employers[0], employers[2])
    changed = set_posting(employers, 0, "monthly")
    assert changed[0] == Employer("Werkgever 0", "monthly") and changed[1:] == employers[1:]
    for bad in (3, -1, True, "0", None):
        assert key_of(remove_employer, employers, bad)[0] == "early.no_such_employer"
        assert key_of(set_posting, employers, bad, "daily")[0] == "early.no_such_employer"
    assert key_of(set_posting, employers, 0, "often")[0] == "early.unknown_posting"


def test_check_employers_checks_every_one_again():
    good = scan("none", "daily")
    assert check_employers(good) == good
    assert check_employers([]) == ()
    assert key_of(check_employers, [*good, "Bakkerij"])[0] == "early.bad_employer"
    assert key_of(check_employers, [Employer(" ")])[0] == "early.name_empty"
    assert key_of(check_employers, [Employer("A"), Employer("a ")])[0] == "early.duplicate"
    assert key_of(check_employers, [Employer("A", "often")])[0] == "early.unknown_posting"
    assert key_of(check_employers, scan(*["none"] * (MAX_EMPLOYERS + 1)))[0] == "early.too_many"
    assert check_employers([Employer("  A ")]) == (Employer("A"),)


# --- the field ------------------------------------------------------------------------------------------
def test_field_summary_counts_every_category_in_order_with_zeros():
    summary = field_summary(scan("weekly", "none", "weekly", "unknown"))
    assert list(summary.columns) == list(early.SUMMARY_COLUMNS)
    assert list(summary["posting"]) == list(POSTING)
    assert list(summary["employers"]) == [1, 1, 0, 0, 2, 0]
    assert str(summary["employers"].dtype) == "int64"
    assert list(field_summary(())["employers"]) == [0] * 6


@pytest.mark.parametrize(("postings", "key", "active", "unknown"), [
    ((), "early.verdict_none", 0, 0),
    (("unknown", "unknown"), "early.verdict_unknown", 0, 2),
    (("none", "rarely", "unknown"), "early.verdict_empty", 0, 1),
    (("none", "monthly"), "early.verdict_few", 1, 0),
    (("daily", "weekly", "none", "none", "none"), "early.verdict_few", 2, 0),
    (("daily", "weekly", "monthly"), "early.verdict_crowded", 3, 0),
    (("daily",) * 5 + ("unknown",), "early.verdict_crowded", 5, 1),
])
def test_field_verdict_follows_the_rule_of_thumb(postings, key, active, unknown):
    assert FEW_ACTIVE == 2  # the cases above are for this boundary
    assert field_verdict(scan(*postings)) == (key, {"n": len(postings), "active": active, "unknown": unknown})


def test_every_verdict_has_a_text_and_the_rule_says_it_is_one_of_thumb():
    for key in ("early.verdict_none", "early.verdict_unknown", "early.verdict_empty", "early.verdict_few",
                "early.verdict_crowded"):
        assert t(key, n=3, active=1, unknown=0) and t(key, lang="en", n=3, active=1, unknown=0)
    rule = t("early.rule", few=FEW_ACTIVE)
    assert "Vuistregel" in rule and "geen meting" in rule
    assert "rule of thumb" in t("early.rule", lang="en", few=FEW_ACTIVE).lower()
    assert "goedkoop" in t("early.verdict_empty", n=4) and "goedkoop" not in t("early.verdict_crowded", n=4, active=3)


def test_the_why_explains_cheap_attention_without_figures():
    for lang in ("nl", "en"):
        text = t("early.why", lang=lang)
        assert not any(ch.isdigit() for ch in text)
    assert "kijkers" in t("early.why") and "budget" in t("early.why")


# --- the chart ---------------------------------------------------------------------------------------------
def _spec(chart):
    """The chart's spec, validated against Altair's Vega-Lite 5 schema, as strict JSON."""
    spec = chart.to_dict()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    json.dumps(spec, allow_nan=False)
    return spec


def _rows(spec):
    (rows,) = spec["datasets"].values()
    return rows


def test_field_chart_for_a_typical_scan():
    employers = (Employer("Bakkerij Jansen", "weekly"), Employer("Garage Peters", "none"),
                 Employer("Kapsalon Noord", "weekly"), Employer("Hotel Zuid", "unknown"))
    spec = _spec(field_chart(employers, lang="nl"))
    rows = _rows(spec)
    assert [row["posting"] for row in rows] == [posting_label(p, "nl") for p in POSTING]
    assert [row["employers"] for row in rows] == [1, 1, 0, 0, 2, 0]
    assert rows[4]["names"] == "Bakkerij Jansen; Kapsalon Noord" and rows[2]["names"] == ""
    assert rows[4]["group"] == "actief (minstens elke maand)" and rows[1]["group"] == "stil of zelden"
    bars, text = spec["layer"]
    assert bars["mark"]["type"] == "bar" and text["mark"]["type"] == "text"
    assert bars["encoding"]["color"]["scale"]["range"] == list(GROUP_COLOURS.values())
    assert bars["encoding"]["y"]["sort"] == [row["posting"] for row in rows]
    assert bars["encoding"]["x"]["axis"]["values"] == [0, 1, 2, 3]
    assert spec["title"]["text"] == "Hoe vaak posten de werkgevers in jullie veld?"
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert bars["encoding"]["y"]["axis"]["labelFontSize"] >= 14  # readable on a projector


def test_field_chart_for_an_empty_scan_and_one_employer():
    empty = _spec(field_chart([]))
    assert [row["employers"] for row in _rows(empty)] == [0] * 6
    assert empty["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 1]
    one = _spec(field_chart([Employer("Bakkerij", "daily")], "en"))
    assert [row["employers"] for row in _rows(one)] == [0, 0, 0, 0, 0, 1]
    assert _rows(one)[5]["posting"] == "(almost) every day" and one["title"]["text"].startswith("How often")
    assert one["config"]["locale"]["number"]["decimal"] == "."


def test_field_chart_of_a_full_scan_has_readable_ticks():
    spec = _spec(field_chart(scan(*["daily"] * MAX_EMPLOYERS)))
    assert spec["layer"][0]["encoding"]["x"]["axis"]["values"] == [0, 5, 10, 15, 20, 25, 30]


@pytest.mark.parametrize("text", [value for value in HOSTILE if len(value) <= MAX_NAME and "\x00" not in value
                                  and "\ud800" not in value])
def test_hostile_names_are_chart_data_not_markup(text):
    rows = _rows(_spec(field_chart([Employer(text, "rarely")])))
    assert rows[2]["names"] == text


def test_field_chart_cuts_a_long_list_of_names():
    employers = tuple(Employer(f"{n:02d} " + "x" * 70, "weekly") for n in range(MAX_EMPLOYERS))
    names = _rows(_spec(field_chart(employers)))[4]["names"]
    assert len(names) == 300 and names.endswith("…")
