"""Tests for toolkit.perfection: the authenticity checklist, its rule-of-thumb score and the brief."""

import pytest

from toolkit import perfection
from toolkit.i18n import CATALOGUE, TextError, t
from toolkit.perfection import (
    BRIEF_FIELDS,
    MAX_BRIEF_FIELD,
    MAX_DRAFT,
    brief_gaps,
    check_checks,
    check_text,
    checklist,
    item_ids,
    make_brief,
    score,
    verdict,
)
from toolkit.workbook import Brief

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script> <b>vet</b>'
RTL = "مرحبا بالعالم \u202eevil"
EMOJI = "Onze werkplaats 🔧👩🏽‍🔧 #monteurlife"


def test_the_checklist_has_its_columns_unique_ids_and_text_in_both_languages():
    table = checklist()
    assert list(table.columns) == ["id", "text_nl", "text_en", "reason_nl", "reason_en"]
    assert table["id"].is_unique and len(table) >= 8
    for column in ("text_nl", "text_en", "reason_nl", "reason_en"):
        assert (table[column].str.strip().str.len() > 0).all(), column
    assert tuple(table["id"]) == item_ids()


def test_the_checklist_covers_what_the_tip_is_about():
    ids = set(item_ids())
    # phone, real colleagues, the work as it is, a hook, an intern, no slogan, a mistake left in, vertical, short
    assert {"phone", "colleagues", "real_work", "hook", "intern_made", "no_slogan", "small_mistake", "vertical",
            "short"} <= ids


def test_checklist_returns_a_copy():
    table = checklist()
    table.loc[0, "text_nl"] = "veranderd"
    assert checklist().loc[0, "text_nl"] != "veranderd"


def test_check_checks_orders_as_the_checklist_and_drops_repeats():
    ids = item_ids()
    assert check_checks([ids[3], ids[0], ids[3]]) == (ids[0], ids[3])
    assert check_checks([]) == ()
    assert check_checks(ids[1]) == (ids[1],)  # one id as a string is one item, not its letters


@pytest.mark.parametrize("bad", ["nope", "", HOSTILE, 3, None])
def test_an_unknown_item_is_refused_with_its_key(bad):
    with pytest.raises(TextError) as caught:
        check_checks(["phone", bad])
    assert caught.value.key == "perfection.unknown_item"
    assert len(caught.value.params["item"]) <= 40


def test_score_counts_checked_items_out_of_all():
    total = len(item_ids())
    assert score([]) == (0, total)
    assert score(["phone", "phone", "vertical"]) == (2, total)
    assert score(item_ids()) == (total, total)


@pytest.mark.parametrize(("done", "key"), [
    (10, "perfection.verdict_real"), (8, "perfection.verdict_real"), (7, "perfection.verdict_halfway"),
    (5, "perfection.verdict_halfway"), (4, "perfection.verdict_polished"), (0, "perfection.verdict_polished")])
def test_verdict_follows_the_rule_of_thumb(done, key):
    ids = item_ids()
    assert len(ids) == 10  # the boundaries below are for ten items: 75 % is 8, 50 % is 5
    assert verdict(ids[:done]) == (key, {"done": done, "total": 10})


def test_every_verdict_has_a_text_and_the_rule_of_thumb_says_it_is_one():
    for key in ("perfection.verdict_real", "perfection.verdict_halfway", "perfection.verdict_polished"):
        assert key in CATALOGUE
    rule = t("perfection.rule_of_thumb", real="75 %", halfway="50 %")
    assert "Vuistregel" in rule and "geen meting" in rule
    assert "rule of thumb" in t("perfection.rule_of_thumb", lang="en", real="75%", halfway="50%")
    assert 0 < perfection.HALFWAY_SHARE < perfection.REAL_SHARE <= 1


def test_check_text_strips_and_keeps_emoji_html_and_right_to_left_text():
    assert check_text("  hallo  ", 10) == "hallo"
    for text in (HOSTILE, RTL, EMOJI):
        assert check_text(text, 200) == text.strip()


def test_check_text_refuses_a_text_over_the_limit_with_its_key():
    with pytest.raises(TextError) as caught:
        check_text("x" * 10_000, MAX_DRAFT)
    assert caught.value.key == "perfection.too_long" and caught.value.params == {"max": MAX_DRAFT}
    assert check_text("x" * MAX_DRAFT, MAX_DRAFT) == "x" * MAX_DRAFT


@pytest.mark.parametrize("text", ["bel\x07", "nul\x00", "escape\x1b[31m", "half \ud800 surrogate"])
def test_check_text_refuses_control_characters_and_lone_surrogates(text):
    with pytest.raises(TextError) as caught:
        check_text(text, 200)
    assert caught.value.key == "perfection.control"


def test_line_breaks_only_in_a_multiline_text():
    assert check_text("regel 1\nregel 2\ttab", 200, multiline=True) == "regel 1\nregel 2\ttab"
    with pytest.raises(TextError):
        check_text("regel 1\nregel 2", 200)


def test_check_text_can_use_another_steps_keys():
    with pytest.raises(TextError) as caught:
        check_text("x" * 20, 10, too_long="safety.too_long", control="safety.control")
    assert caught.value.key == "safety.too_long"


def test_make_brief_checks_each_field_and_fills_the_rest_empty():
    brief = make_brief(subject="  Een ochtend in de werkplaats ", hook="Sanne ligt onder een auto")
    assert brief == Brief(subject="Een ochtend in de werkplaats", hook="Sanne ligt onder een auto")
    assert brief_gaps(brief) == ("who", "where", "ending")
    with pytest.raises(TextError):
        make_brief(who="x" * (MAX_BRIEF_FIELD + 1))
    with pytest.raises(TypeError):
        make_brief(budget="veel")


def test_brief_gaps_sees_white_space_as_empty_and_a_full_brief_as_complete():
    assert brief_gaps(Brief()) == BRIEF_FIELDS
    assert brief_gaps(Brief(subject=" ", who="a", where="b", hook="c", ending="d")) == ("subject",)
    assert brief_gaps(Brief(*"abcde")) == ()
    assert perfection.BRIEF_SECONDS == 30
