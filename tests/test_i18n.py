"""Tests for toolkit.i18n: a complete catalogue in both languages and the language switch."""

import pytest

from toolkit import i18n
from toolkit.i18n import CATALOGUE, LANGUAGES, TextError, format_int, placeholders, t


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_text_exists_in_every_language_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert placeholders(entry["nl"]) == placeholders(entry["en"])


def test_dutch_is_the_default_and_english_is_available():
    assert i18n.get_language() == "nl"
    assert t("lab.company") == "Bedrijf"
    assert t("lab.company", lang="en") == "Company"


def test_set_language_switches_and_refuses_unknown_languages():
    try:
        i18n.set_language("EN")
        assert t("lab.company") == "Company"
        with pytest.raises(ValueError, match="nl, en"):
            i18n.set_language("de")
        assert i18n.get_language() == "en"
    finally:
        i18n.set_language("nl")


def test_text_error_keeps_its_key_and_translates():
    error = TextError("posts.not_a_number", lang="nl", value="abc")
    assert isinstance(error, ValueError)
    assert "geen aantal posts" in str(error)
    assert "not a number" in error.text("en")


def test_format_int_follows_the_language():
    assert format_int(1234567, "nl") == "1.234.567"
    assert format_int(1234567, "en") == "1,234,567"


def test_every_key_used_in_the_code_is_in_the_catalogue():
    import pathlib
    import re

    used = set()
    for path in pathlib.Path("toolkit").rglob("*.py"):
        used |= set(re.findall(r"""t\(\s*["']([a-z_]+\.[a-z_0-9]+)["']""", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"""TextError\(\s*["']([a-z_]+\.[a-z_0-9]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "the scan found no keys: the pattern is wrong"
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))
