"""Authenticity check widget tests without a browser: set traits from code, or widget values as a participant."""

import ipywidgets as widgets
import pytest
import traitlets

from toolkit import perfection, workbook
from toolkit.perfection import BRIEF_FIELDS, MAX_BRIEF_FIELD, MAX_DRAFT
from toolkit.widgets.perfection import EXAMPLE_CHECKS, AuthenticityCheck, AuthenticityCheckModel

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script> <b>vet</b>'
RTL = "مرحبا بالعالم \u202eevil"
EMOJI = "Onze werkplaats 🔧👩🏽‍🔧"


def html_values(widget):
    """Every value of an HTML widget inside ``widget``."""
    values = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        values += html_values(child)
    return values


def no_markup_from_participants(view) -> bool:
    """True when no HTML widget holds the participant's markup (a script, an image, bold text)."""
    return not any(tag in value for value in html_values(view) for tag in ("<script", "<img", "<b>vet"))


@pytest.fixture
def view():
    check = AuthenticityCheck()
    yield check
    assert check._general_messages.value == ""  # no callback failed unexpectedly


def test_an_empty_model_shows_every_item_unchecked_and_a_zero_score(view):
    assert set(view._boxes) == set(perfection.item_ids())
    assert not any(box.value for box in view._boxes.values())
    assert "0 van de 10 punten" in view._score.value
    assert "Dit oogt nog als reclame" in view._score.value
    assert "Vuistregel van deze workshop" in view._rule.value and "75 %" in view._rule.value
    assert "nog leeg" in view._preview.value
    assert "Brief: video van 30 seconden achter de schermen" in view._preview.value


def test_reasons_are_shown_beside_the_items(view):
    table = perfection.checklist().set_index("id")
    for item, label in view._labels.items():
        assert table.loc[item, "reason_nl"].replace("'", "&#x27;") in label.value
        assert view._boxes[item].tooltip == table.loc[item, "text_nl"]


def test_ticking_a_box_checks_the_item_and_the_score_follows(view):
    revision = view.model.revision
    for item in ("phone", "vertical", "colleagues", "real_work", "hook"):
        view._boxes[item].value = True
    assert view.model.checks == ("hook", "phone", "vertical", "colleagues", "real_work")
    assert (view.model.done, view.model.total) == (5, 10)
    assert view.model.verdict[0] == "perfection.verdict_halfway"
    assert "5 van de 10 punten" in view._score.value and "width:50%" in view._score.value
    assert view.model.revision == revision + 5
    view._boxes["phone"].value = False
    assert "phone" not in view.model.checks and view.model.done == 4


def test_checks_set_from_code_show_in_the_boxes_and_unknown_ones_are_refused(view):
    view.model.checks = ("short", "hook", "phone", "vertical", "colleagues", "real_work", "own_words", "no_slogan")
    assert view._boxes["short"].value and not view._boxes["small_mistake"].value
    assert "8 van de 10 punten" in view._score.value and "Dit voelt echt" in view._score.value
    with pytest.raises(traitlets.TraitError):
        view.model.checks = ("phone", "<script>")
    assert view.model.done == 8


def test_an_unknown_item_from_an_action_is_a_problem_and_changes_nothing(view):
    view.model.set_check("phone", True)
    assert not view.model.set_check("<b>nep</b>", True)
    assert view.model.checks == ("phone",)
    assert "&lt;b&gt;nep&lt;/b&gt;" in view._checks_messages.value and "<b>nep" not in view._checks_messages.value
    assert view.model.set_check("vertical", True)
    assert view._checks_messages.value == ""


@pytest.mark.parametrize("text", [HOSTILE, RTL, EMOJI])
def test_hostile_text_is_kept_as_text_and_shown_escaped(view, text):
    view._draft.value = text
    view._fields["hook"].value = text
    assert view.model.draft == text.strip() and view.model.hook == text.strip()
    assert no_markup_from_participants(view)
    if "<" in text:
        assert "&lt;script&gt;" in view._preview.value
    assert view._draft_messages.value == "" and view._brief_messages.value == ""


def test_a_text_over_the_limit_is_refused_and_the_earlier_value_stays(view):
    view._draft.value = "Een monteur wisselt een band"
    view._draft.value = "x" * 10_000
    assert view.model.draft == "Een monteur wisselt een band"
    assert f"langer dan {MAX_DRAFT:,} tekens".replace(",", ".") in view._draft_messages.value
    view._fields["subject"].value = "Een ochtend"
    view._fields["subject"].value = "<b>" * MAX_BRIEF_FIELD
    assert view.model.subject == "Een ochtend"
    assert f"langer dan {MAX_BRIEF_FIELD} tekens" in view._brief_messages.value
    view._fields["subject"].value = "Een middag"
    assert view.model.subject == "Een middag" and view._brief_messages.value == ""


def test_control_characters_are_refused_with_a_message(view):
    view._fields["who"].value = "Sanne"
    view._fields["who"].value = "Sanne\x00\x1b[31m"
    assert view.model.who == "Sanne"
    assert "onzichtbare tekens" in view._brief_messages.value
    view._draft.value = "regel 1\nregel 2"  # a text area may have line breaks
    assert view.model.draft == "regel 1\nregel 2"


def test_the_brief_preview_shows_the_fields_and_what_is_missing(view):
    view._fields["subject"].value = "Een ochtend in de werkplaats"
    view._fields["hook"].value = "Sanne ligt onder een auto"
    preview = view._preview.value
    assert "Een ochtend in de werkplaats" in preview and "Sanne ligt onder een auto" in preview
    assert "Nog in te vullen: wie, waar, einde." in preview
    for name in ("who", "where", "ending"):
        view._fields[name].value = "ingevuld"
    assert "De brief is compleet" in view._preview.value
    # unchecked items return as tips for the film
    assert "Let bij het filmen ook op:" in view._preview.value
    view.model.checks = perfection.item_ids()
    assert "Let bij het filmen ook op:" not in view._preview.value


def test_the_example_is_marked_as_invented_and_start_empty_clears_it():
    view = AuthenticityCheck(AuthenticityCheckModel.example())
    model = view.model
    assert model.is_example and view._example_bar.layout.display == "flex"
    assert "verzonnen" in view._example_note.value
    assert model.checks == perfection.check_checks(EXAMPLE_CHECKS) and "Garage De Vries" in model.draft
    assert all(getattr(model, name) for name in BRIEF_FIELDS)
    view._start_empty.click()
    assert not model.is_example and view._example_bar.layout.display == "none"
    assert model.checks == () and model.draft == "" and not any(getattr(model, name) for name in BRIEF_FIELDS)
    assert view._general_messages.value == ""


def test_to_sections_and_restore_round_trip_through_a_workbook_file():
    model = AuthenticityCheckModel.example()
    model.set_draft(HOSTILE)
    model.set_brief_field("ending", EMOJI)
    sections = model.to_sections()
    assert set(sections) == set(AuthenticityCheckModel.sections) == {"perfection"}
    section = sections["perfection"]
    assert isinstance(section, workbook.Perfection) and section.brief.ending == EMOJI
    book = workbook.from_json(workbook.to_json(workbook.Workbook(perfection=section)))
    other = AuthenticityCheckModel()
    other.set_draft("x" * (MAX_DRAFT + 1))  # a problem that restoring clears
    revision = other.revision
    other.restore(book)
    assert other.to_sections() == sections
    assert not other.is_example and other.problems == {} and other.revision > revision
    view = AuthenticityCheck(other)
    assert view._boxes["phone"].value and view._draft.value == HOSTILE and view._fields["ending"].value == EMOJI
    assert no_markup_from_participants(view)


def test_restore_leaves_out_unknown_items_and_cuts_texts_that_are_too_long():
    book = workbook.Workbook(perfection=workbook.Perfection(
        draft="d" * 20_000, checks=("phone", "retired_item"), brief=workbook.Brief(subject="s" * 5_000)))
    model = AuthenticityCheckModel()
    model.restore(book)
    assert model.checks == ("phone",)
    assert len(model.draft) == MAX_DRAFT and len(model.subject) == MAX_BRIEF_FIELD


def test_english_works(view):
    view.model.language = "en"
    assert "Throw perfection overboard" in view._header.children[0].value
    assert "Filmed on a phone" in view._labels["phone"].value
    assert "0 of 10 points" in view._score.value
    assert "rule of thumb" in view._rule.value
    assert view._fields["hook"].description == "First seconds"
    assert "Brief: 30-second behind-the-scenes video" in view._preview.value
    view._draft.value = "x" * 10_000
    assert "longer than 1,000 characters" in view._draft_messages.value
    view.model.language = "nl"
    assert "langer dan 1.000 tekens" in view._draft_messages.value


def test_set_brief_field_refuses_a_field_a_brief_does_not_have():
    with pytest.raises(ValueError, match="no field"):
        AuthenticityCheckModel().set_brief_field("budget", "veel")


def test_set_checks_replaces_the_checks_or_changes_nothing():
    model = AuthenticityCheckModel()
    assert model.set_checks(["short", "hook"]) and model.checks == ("hook", "short")
    assert not model.set_checks(["short", "nope"]) and model.checks == ("hook", "short")
    assert model.problems_of("checks") == [("perfection.unknown_item", {"item": "nope"})]
    assert model.open_items() == [item for item in perfection.item_ids() if item not in ("hook", "short")]
