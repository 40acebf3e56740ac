"""Tests for toolkit.content: the challenge's fields, its hashtag by the Hashtag Lab's rules, and minors."""

import pytest

from tests.hostile import HOSTILE
from toolkit import content, hashtags
from toolkit.content import (
    AUDIENCE_KEYS,
    AUDIENCES,
    FORMAT_KEYS,
    FORMATS,
    check_audience,
    check_challenge_name,
    check_format,
    check_hashtag,
    check_prompt,
    check_sound,
    check_starter,
    duet_warning,
    hashtag_notes,
    includes_under_16,
    minors_notes,
    suggest_hashtag,
)
from toolkit.i18n import CATALOGUE, TextError, t

#: Texts a participant (or a hostile page) can type.


def key_of(call, *args):
    with pytest.raises(TextError) as error:
        call(*args)
    return error.value.key, error.value.params


# --- formats and audiences ----------------------------------------------------------------------
def test_every_format_and_audience_has_its_texts():
    assert set(FORMAT_KEYS) == set(FORMATS) and set(AUDIENCE_KEYS) == set(AUDIENCES)
    for name_key, hint_key in FORMAT_KEYS.values():
        assert name_key in CATALOGUE and hint_key in CATALOGUE
    assert t(FORMAT_KEYS["day_as_intern"][0]) == "Een dag als stagiair"
    assert t(FORMAT_KEYS["before_after"][0], lang="en") == "Before and after"
    assert all(key in CATALOGUE for key in AUDIENCE_KEYS.values())


def test_format_and_audience_take_only_known_ids_or_nothing():
    assert check_format("pov") == "pov" and check_format("") == ""
    assert check_audience("adults") == "adults" and check_audience("") == ""
    for bad in ("POV", "dans", None, 3, ["pov"]):
        assert key_of(check_format, bad)[0] == "content.bad_format"
        assert key_of(check_audience, bad)[0] == "content.bad_audience"


# --- text fields --------------------------------------------------------------------------------
@pytest.mark.parametrize(("check", "limit"), [
    (check_challenge_name, content.MAX_NAME), (check_sound, content.MAX_SOUND),
    (check_starter, content.MAX_STARTER), (check_prompt, content.MAX_PROMPT)])
def test_text_fields_strip_and_refuse_what_does_not_fit(check, limit):
    assert check("  Raad het onderdeel  ") == "Raad het onderdeel"
    assert check("") == ""
    assert check("x" * limit) == "x" * limit
    assert key_of(check, "x" * (limit + 1)) == ("content.too_long", {"max": limit})
    assert key_of(check, "regel\nbreuk")[0] == "content.control"
    assert key_of(check, "a\ud800b")[0] == "content.control"  # a lone surrogate cannot be saved


@pytest.mark.parametrize("text", HOSTILE)
def test_a_name_takes_hostile_text_as_text_or_refuses_it_with_a_key(text):
    try:
        assert check_challenge_name(text) == text.strip()  # kept as typed: views escape it
    except TextError as error:
        assert error.key in ("content.too_long", "content.control")
        assert len(text) > content.MAX_NAME or any(ord(ch) < 32 for ch in text)


# --- the hashtag ----------------------------------------------------------------------------------
def test_a_hashtag_is_normalised_by_the_hashtag_lab_rules():
    assert check_hashtag("raadhetonderdeel") == "#raadhetonderdeel"
    assert check_hashtag("  #RaadHetOnderdeel ") == "#RaadHetOnderdeel"
    assert check_hashtag("#monteur_life") == "#monteur_life"
    assert check_hashtag("") == "" and check_hashtag("   ") == ""


@pytest.mark.parametrize(("text", "problem"), [
    ("raad het onderdeel", "tag.spaces"), ("#raad-het", "tag.hyphen"), ("#sleutel🔧", "tag.emoji"),
    ("#", "tag.only_hash"), ("#___", "tag.no_letters"), ("#a" + "b" * 100, "tag.too_long"),
    ("<script>alert(1)</script>", "tag.punctuation"), ("a\x00b", "tag.control")])
def test_a_hashtag_that_breaks_a_rule_is_refused_and_the_lab_says_why(text, problem):
    key, params = key_of(check_hashtag, text)
    assert key == "content.hashtag_invalid"
    assert params["tag"] == hashtags.as_tag(text)
    assert problem in hashtags.problem_codes(params["tag"])
    assert hashtags.check(params["tag"], lang="nl")  # the sentences a view shows under the message


def test_a_pasted_essay_is_refused_before_it_is_checked():
    assert key_of(check_hashtag, "x" * 10_000) == ("content.hashtag_too_long", {"max": content.MAX_HASHTAG_INPUT})


def test_hashtag_notes_warn_about_misleading_and_generic_tags():
    assert hashtag_notes("#stage") == ["tag.warn_stage", "content.hashtag_generic"]
    assert hashtag_notes("#HBO") == ["tag.warn_hbo", "content.hashtag_generic"]
    assert hashtag_notes("#Stagiair") == ["content.hashtag_generic"]
    assert hashtag_notes("#raadhetonderdeel") == [] and hashtag_notes("") == []


def test_a_hashtag_is_suggested_from_the_name_as_the_lab_makes_a_challenge_tag():
    assert suggest_hashtag("Raad het onderdeel") == "#raadhetonderdeelchallenge"
    assert suggest_hashtag("Sleutel Challenge!") == "#sleutelchallenge"
    assert suggest_hashtag("Café Nöl") == "#cafénölchallenge"
    lab = hashtags.suggest(company="Garage De Vries", challenge="Raad het onderdeel")
    assert suggest_hashtag("Raad het onderdeel") in set(lab["hashtag"])
    assert key_of(suggest_hashtag, "!!! 🔧")[0] == "content.name_no_tag"
    assert key_of(suggest_hashtag, "a" * 95)[0] == "content.hashtag_too_long"
    for text in HOSTILE:
        try:
            assert hashtags.is_valid(suggest_hashtag(text))
        except TextError as error:
            assert error.key in ("content.name_no_tag", "content.hashtag_too_long")


# --- minors ---------------------------------------------------------------------------------------
def test_under_16_is_what_decides_about_duets():
    assert includes_under_16("vmbo_13_15")
    assert not includes_under_16("age_16_17") and not includes_under_16("adults") and not includes_under_16("")


def test_minors_notes_per_audience():
    keys = lambda audience: [key for key, _ in minors_notes(audience)]  # noqa: E731
    assert keys("vmbo_13_15") == ["content.minors_13_15_duet", "content.minors_13_15_private",
                                  "content.minors_no_dm", "content.minors_consent"]
    assert keys("age_16_17") == ["content.minors_16_17_duet", "content.minors_16_17_private"]
    assert keys("adults") == ["content.minors_adults_mbo", "content.minors_16_17_duet",
                              "content.minors_16_17_private"]
    assert set(keys("")) == set(keys("vmbo_13_15")) | set(keys("age_16_17"))
    assert dict(minors_notes("vmbo_13_15"))["content.minors_no_dm"] == {"age": 16}


def test_minors_notes_say_what_the_fact_sheet_says():
    texts = {key: t(key, **params) for key, params in minors_notes("")}
    assert "Duet of Stitch" in texts["content.minors_13_15_duet"]
    assert "downloaden" in texts["content.minors_13_15_duet"]
    assert "privé" in texts["content.minors_13_15_private"]
    assert "16" in texts["content.minors_no_dm"] and "privéberichten" in texts["content.minors_no_dm"]
    assert "'Vrienden'" in texts["content.minors_16_17_duet"]
    assert "ouder of voogd" in texts["content.minors_consent"]
    english = {key: t(key, lang="en", **params) for key, params in minors_notes("")}
    assert "Duet or Stitch" in english["content.minors_13_15_duet"]
    assert "Teen privacy and safety settings" in content.MINORS_SOURCE
    assert "AVG art. 8" in content.CONSENT_SOURCE


def test_duet_warning_for_under_16_and_a_note_for_16_and_17():
    level, key, params = duet_warning("vmbo_13_15")
    assert (level, key) == ("warning", "content.duet_warning_under_16")
    assert "Duet of Stitch" in t(key, **params) and "16" in t(key, **params)
    assert duet_warning("age_16_17")[:2] == ("info", "content.duet_note_16_17")
    assert duet_warning("adults") is None and duet_warning("") is None


def test_sources_md_names_the_sources_of_the_minors_notes():
    from tests.conftest import ROOT

    text = (ROOT / "toolkit" / "data" / "SOURCES.md").read_text(encoding="utf-8")
    assert "`toolkit/content.py`" in text and content.CONSENT_SOURCE in text
    assert "'Teen privacy and safety settings'" in text and "nextpit.com 2021-01-13" in content.MINORS_SOURCE
    assert all(part in text for part in content.AGES_SOURCE.split("; "))
