"""Tests for toolkit.irony (the tone scale, its example ideas, the team's ideas) and its chart."""

import json

import pytest

from toolkit import irony
from toolkit.charts.irony import BAND_COLOURS, tone_chart
from toolkit.i18n import CATALOGUE, TextError, t
from toolkit.irony import (
    BANDS,
    COLUMNS,
    DEFAULT_TONE,
    MAX_IDEA,
    MAX_IDEAS,
    TEAM_ROWS,
    add_idea,
    band,
    band_label,
    check_idea,
    check_tone,
    comment,
    examples,
    remove_idea,
    rows,
    set_text,
    set_tone,
    short,
)
from toolkit.workbook import Idea

HOSTILE = ['<img src=x onerror="alert(1)"><script>alert(2)</script>', "مرحبا بالعالم \u202eevil",
           "Onze werkplaats 🔧👩🏽‍🔧", "x" * 10_000, "nul\x00byte", "half \ud800 surrogate", "{text} {0} %s"]
IDEAS = (Idea("Sanne wisselt een band", 60, "touch"), Idea("Ahmed vertelt over het vak", 20, None),
         Idea("Meld je aan voor een meeloopdag", 10, "sell"))


def key_of(call, *args, **kwargs):
    with pytest.raises(TextError) as error:
        call(*args, **kwargs)
    return error.value.key, error.value.params


# --- the scale ---------------------------------------------------------------------------------------
def test_the_bands_run_from_stiff_to_ridiculous_and_cover_the_scale_once():
    assert list(BANDS) == ["stiff", "self_mocking", "ridiculous"]
    covered = [tone for low, high in BANDS.values() for tone in range(low, high + 1)]
    assert covered == list(range(0, 101))
    for name in BANDS:
        assert all(key in CATALOGUE for key in irony.BAND_KEYS[name])


@pytest.mark.parametrize(("tone", "name"), [(0, "stiff"), (33, "stiff"), (34, "self_mocking"), (50, "self_mocking"),
                                             (66, "self_mocking"), (67, "ridiculous"), (100, "ridiculous"),
                                             (50.0, "self_mocking")])
def test_band_names_the_part_of_the_scale(tone, name):
    assert band(tone) == name


@pytest.mark.parametrize("tone", [-1, 101, 50.5, "50", None, True, float("nan"), 10**20])
def test_a_tone_off_the_scale_is_refused(tone):
    assert key_of(band, tone)[0] == "irony.bad_tone"
    assert band_label(tone) == ""


def test_band_labels_and_comments_in_both_languages():
    assert [band_label(tone) for tone in (10, 50, 90)] == ["stijf", "zelfspot", "belachelijk"]
    assert [band_label(tone, "en") for tone in (10, 50, 90)] == ["stiff", "self-mocking", "ridiculous"]
    assert comment(10) == ("irony.comment_stiff", {})
    assert comment(50) == ("irony.comment_self_mocking", {})
    assert comment(90) == ("irony.comment_ridiculous", {})
    assert check_tone(0) == 0 and check_tone(100.0) == 100


def test_the_scale_says_it_is_a_teaching_aid_not_a_measurement():
    assert "geen meting" in t("irony.scale_note", low=33, high=66)
    assert "not a measurement" in t("irony.scale_note", lang="en", low=33, high=66)
    assert "dunne lijn" in t("irony.question")


# --- the example ideas --------------------------------------------------------------------------------------
def test_the_examples_have_their_columns_texts_in_both_languages_and_tones_on_the_scale():
    table = examples()
    assert tuple(table.columns) == COLUMNS and table["id"].is_unique and len(table) >= 5
    for column in COLUMNS[2:]:
        assert (table[column].str.strip().str.len() > 0).all(), column
    assert table["tone"].between(0, 100).all() and str(table["tone"].dtype) == "int64"
    assert (table["short_nl"].str.len() <= 36).all() and (table["short_en"].str.len() <= 36).all()
    # every band has something to discuss, and the examples are shown from stiff to ridiculous
    assert {band(tone) for tone in table["tone"]} == set(BANDS)
    assert list(table["tone"]) == sorted(table["tone"])


def test_examples_returns_a_copy():
    table = examples()
    table.loc[0, "text_nl"] = "veranderd"
    assert examples().loc[0, "text_nl"] != "veranderd"


# --- the team's ideas ------------------------------------------------------------------------------------------
def test_check_idea_strips_and_refuses_empty_long_and_control_characters():
    assert check_idea("  Sanne wisselt een band ") == "Sanne wisselt een band"
    assert key_of(check_idea, " \n ")[0] == "irony.idea_empty"
    assert key_of(check_idea, "x" * (MAX_IDEA + 1)) == ("irony.too_long", {"max": MAX_IDEA})
    assert check_idea("x" * MAX_IDEA) == "x" * MAX_IDEA
    assert key_of(check_idea, "regel 1\nregel 2")[0] == "irony.control"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_kept_as_text_or_refused_with_a_key(text):
    try:
        value = check_idea(text)
    except TextError as error:
        assert error.key in ("irony.too_long", "irony.control") and error.key in CATALOGUE
    else:
        assert value == text.strip()


def test_add_idea_appends_at_the_middle_of_the_scale_without_a_kind():
    ideas = add_idea(IDEAS, " Nieuw idee ")
    assert ideas[:3] == IDEAS and ideas[3] == Idea("Nieuw idee", DEFAULT_TONE, None)
    assert add_idea((), "Idee", 80) == (Idea("Idee", 80),)
    assert key_of(add_idea, (), "Idee", 101)[0] == "irony.bad_tone"
    full = tuple(Idea(f"idee {n}") for n in range(MAX_IDEAS))
    assert key_of(add_idea, full, "nog een") == ("irony.too_many", {"max": MAX_IDEAS})


def test_set_text_and_set_tone_keep_the_kind_a_later_step_gave():
    reworded = set_text(IDEAS, 0, "Sanne wisselt twee banden")
    assert reworded[0] == Idea("Sanne wisselt twee banden", 60, "touch") and reworded[1:] == IDEAS[1:]
    moved = set_tone(IDEAS, 2, 45)
    assert moved[2] == Idea("Meld je aan voor een meeloopdag", 45, "sell") and moved[:2] == IDEAS[:2]
    assert key_of(set_text, IDEAS, 0, "")[0] == "irony.idea_empty"
    assert key_of(set_tone, IDEAS, 0, 200)[0] == "irony.bad_tone"
    for bad in (3, -1, True, "0", None):
        assert key_of(set_text, IDEAS, bad, "x")[0] == "irony.no_such_idea"
        assert key_of(set_tone, IDEAS, bad, 10)[0] == "irony.no_such_idea"
        assert key_of(remove_idea, IDEAS, bad)[0] == "irony.no_such_idea"
    assert remove_idea(IDEAS, 1) == (IDEAS[0], IDEAS[2])


def test_rows_give_three_to_write_in_and_one_empty_row_until_the_limit():
    assert TEAM_ROWS == 3
    assert [rows(n) for n in (0, 1, 2, 3, 4)] == [3, 3, 3, 4, 5]
    assert rows(MAX_IDEAS - 1) == MAX_IDEAS and rows(MAX_IDEAS) == MAX_IDEAS
    assert rows(25) == 25  # ideas a later step added are all shown


def test_short_labels_fit_on_one_line():
    assert short("kort") == "kort"
    assert short("regel 1\n   regel 2") == "regel 1 regel 2"
    cut = short("x" * 100)
    assert len(cut) == 36 and cut.endswith("…")


# --- the chart ----------------------------------------------------------------------------------------------------
def _spec(chart):
    """The chart's spec, validated against Altair's Vega-Lite 5 schema, as strict JSON."""
    spec = chart.to_dict()
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v5")
    json.dumps(spec, allow_nan=False)
    return spec


def _layer_rows(spec, index):
    return spec["datasets"][spec["layer"][index]["data"]["name"]]


def test_tone_chart_shows_the_bands_the_team_ideas_and_the_examples():
    spec = _spec(tone_chart(IDEAS, lang="nl"))
    background, lines, points, names = spec["layer"]
    assert background["mark"]["type"] == "rect" and lines["mark"]["type"] == "rule"
    assert points["mark"]["type"] == "point" and names["mark"]["type"] == "text"
    bands = _layer_rows(spec, 0)
    assert [row["band"] for row in bands] == ["stijf", "zelfspot", "belachelijk"]
    assert [(row["start"], row["end"]) for row in bands] == [(0, 33.5), (33.5, 66.5), (66.5, 100)]
    assert [row["limit"] for row in _layer_rows(spec, 1)] == [33.5, 66.5]
    assert background["encoding"]["color"]["scale"]["range"] == [colour for colour, _ in BAND_COLOURS.values()]
    rows_ = _layer_rows(spec, 2)
    table = examples()
    assert len(rows_) == len(IDEAS) + len(table)
    assert rows_[0]["label"] == "Idee 1 · Sanne wisselt een band" and rows_[0]["who"] == "jullie idee"
    assert rows_[0]["tone"] == 60 and rows_[0]["band"] == "zelfspot"
    assert rows_[3]["label"] == f"V1 · {table.loc[0, 'short_nl']}" and rows_[3]["who"] == "voorbeeld (verzonnen)"
    assert points["encoding"]["y"]["sort"] == [row["label"] for row in rows_]
    assert spec["height"] == 30 * len(rows_)
    assert spec["title"]["text"] == "Van stijf naar belachelijk"
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_tone_chart_without_examples_and_with_nothing_at_all():
    spec = _spec(tone_chart(IDEAS[:1], examples=False, lang="en"))
    assert [row["label"] for row in _layer_rows(spec, 2)] == ["Idea 1 · Sanne wisselt een band"]
    assert spec["height"] == 60 and spec["title"]["text"] == "From stiff to ridiculous"
    assert [row["band"] for row in _layer_rows(spec, 0)] == ["stiff", "self-mocking", "ridiculous"]
    empty = _spec(tone_chart([], examples=False))
    assert _layer_rows(empty, 2) == [] and len(_layer_rows(empty, 0)) == 3
    only_examples = _spec(tone_chart(()))
    assert len(_layer_rows(only_examples, 2)) == len(examples())


def test_tone_chart_puts_a_tone_off_the_scale_at_its_nearest_end():
    rows_ = _layer_rows(_spec(tone_chart([Idea("te stijf", -40), Idea("te gek", 10**12)], examples=False)), 2)
    assert [row["tone"] for row in rows_] == [0, 100]
    assert [row["band"] for row in rows_] == ["stijf", "belachelijk"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_ideas_are_chart_data_not_markup(text):
    rows_ = _layer_rows(_spec(tone_chart([Idea(text, 50)], examples=False)), 2)
    assert rows_[0]["text"] == short(text, MAX_IDEA)
    assert rows_[0]["label"] == f"Idee 1 · {short(text)}"
