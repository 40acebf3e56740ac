"""The one rule for a participant's text (toolkit.text), which every step applies under its own keys."""

import pytest

from toolkit.i18n import TextError
from toolkit.team import check_line
from toolkit.text import check_text

KEYS = {"too_long": "team.too_long", "control": "team.control"}


def test_a_text_is_stripped_and_kept_as_typed():
    assert check_text("  Team 🔧 <b>x</b> \u202eabc  ", 40, **KEYS) == "Team 🔧 <b>x</b> \u202eabc"
    assert check_text("", 10, **KEYS) == ""
    assert check_text("x" * 10, 10, **KEYS) == "x" * 10


@pytest.mark.parametrize(("text", "key"), [
    ("x" * 11, "team.too_long"), ("a\x00b", "team.control"), ("a\x1b[31mb", "team.control"),
    ("half \ud800", "team.control"), ("a\nb", "team.control"), ("   ", "team.empty"),
])
def test_what_does_not_fit_is_refused_with_the_callers_key(text, key):
    with pytest.raises(TextError) as refused:
        check_text(text, 10, required=True, empty="team.empty", **KEYS)
    assert refused.value.key == key
    assert refused.value.params == ({"max": 10} if key == "team.too_long" else {})


def test_a_text_of_several_lines_may_hold_line_breaks_but_no_other_control_characters():
    assert check_text("een\ntwee\r\n\tdrie", 40, multiline=True, **KEYS) == "een\ntwee\r\n\tdrie"
    with pytest.raises(TextError):
        check_text("een\x07twee", 40, multiline=True, **KEYS)


def test_a_team_name_with_a_lone_surrogate_is_refused_before_it_reaches_the_store():
    with pytest.raises(TextError) as refused:
        check_line("Team \udc00")
    assert refused.value.key == "team.control"
