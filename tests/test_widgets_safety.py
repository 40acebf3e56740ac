"""Safety check widget tests without a browser: set traits from code, or widget values as a participant."""

import ipywidgets as widgets
import pytest
import traitlets

from toolkit import safety, workbook
from toolkit.i18n import t
from toolkit.safety import MAX_OWNER, MAX_POLICY
from toolkit.widgets.safety import EXAMPLE_CHECKS, SafetyCheck, SafetyCheckModel

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script> <b>vet</b>'
RTL = "مرحبا بالعالم \u202eevil"
EMOJI = "Het account is van 🔧 Garage De Vries 👩🏽‍🔧"


def html_values(widget):
    values = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        values += html_values(child)
    return values


def page_text(view) -> str:
    return "\n".join(html_values(view))


@pytest.fixture
def view():
    check = SafetyCheck()
    yield check
    assert check._general_messages.value == ""  # no callback failed unexpectedly


def test_the_page_says_it_is_not_legal_advice_in_both_languages(view):
    assert "Dit is geen juridisch advies" in view._disclaimer.value
    assert view.children.index(view._disclaimer) < view.children.index(view._owner)
    view.model.language = "en"
    assert "This is not legal advice" in view._disclaimer.value


def test_items_are_grouped_under_headings_with_their_sources(view):
    table = safety.checklist().set_index("id")
    for group, heading in view._group_headings.items():
        assert t(safety.GROUP_KEYS[group]) in heading.value
    children = list(view.children)
    for item, label in view._labels.items():
        row = next(child for child in children if isinstance(child, widgets.HBox) and label in child.children)
        heading = view._group_headings[table.loc[item, "group"]]
        assert children.index(heading) < children.index(row), item
        source = table.loc[item, "source"]
        shown = "advies van deze workshop, geen wettelijke regel" if source == safety.ADVICE else source
        assert "Bron: " + shown.replace("'", "&#x27;") in label.value
    assert "Auteurswet art. 21" in page_text(view)


def test_everything_is_open_at_first_and_ticking_closes_items(view):
    total = len(safety.item_ids())
    assert view.model.still_open == safety.item_ids()
    assert f"Nog {total} van de {total} punten open." in view._open.value
    assert "Nog niet vastgelegd wie eigenaar" in view._open.value and "Nog geen accountbeleid" in view._open.value
    revision = view.model.revision
    view._boxes["min_age"].value = True
    view._boxes["parents_consent"].value = True
    assert view.model.checks == ("min_age", "parents_consent")
    assert "min_age" not in view.model.still_open and view.model.revision == revision + 2
    assert f"Nog {total - 2} van de {total} punten open." in view._open.value
    assert "jonger mag niet op TikTok" not in view._open.value  # the checked item left the open list
    view._boxes["min_age"].value = False
    assert view.model.checks == ("parents_consent",)


def test_checks_from_code_show_in_the_boxes_and_all_done_says_so(view):
    view.model.checks = safety.item_ids()
    assert all(box.value for box in view._boxes.values())
    assert "Alles op de lijst is geregeld." in view._open.value
    with pytest.raises(traitlets.TraitError):
        view.model.checks = ("min_age", "made_up")
    assert view.model.still_open == ()


def test_an_unknown_item_from_an_action_is_refused(view):
    assert not view.model.set_check(HOSTILE, True)
    assert view.model.checks == ()
    assert "staat niet op de checklist" in view._checks_messages.value
    assert "<script" not in view._checks_messages.value


@pytest.mark.parametrize("text", [HOSTILE, RTL, EMOJI])
def test_hostile_owner_and_policy_are_text_shown_escaped(view, text):
    view._owner.value = text
    view._policy.value = text + "\n" + text
    assert view.model.account_owner == text.strip()
    assert view.model.policy == (text + "\n" + text).strip()
    values = page_text(view)
    assert "<script" not in values and "<img" not in values and "<b>vet" not in values
    assert view._owner_messages.value == "" and view._policy_messages.value == ""
    assert "Nog niet vastgelegd wie eigenaar" not in view._open.value


def test_a_text_over_the_limit_is_refused_and_the_earlier_value_stays(view):
    view._owner.value = "Garage De Vries"
    view._owner.value = "x" * 10_000
    assert view.model.account_owner == "Garage De Vries"
    assert f"langer dan {MAX_OWNER} tekens" in view._owner_messages.value
    view._policy.value = "Wie post: Sanne"
    view._policy.value = "x" * (MAX_POLICY + 1)
    assert view.model.policy == "Wie post: Sanne"
    assert "langer dan 5.000 tekens" in view._policy_messages.value
    view._owner.value = "Henk\x00"
    assert view.model.account_owner == "Garage De Vries" and "onzichtbare tekens" in view._owner_messages.value
    view._owner.value = "Henk de Vries"
    assert view.model.account_owner == "Henk de Vries" and view._owner_messages.value == ""


def test_the_template_fills_an_empty_policy_but_never_replaces_one(view):
    view._template.click()
    assert view.model.policy == t("safety.template")
    assert "Het sjabloon staat in het accountbeleid" in view._policy_messages.value
    assert view._policy.value == view.model.policy
    view._policy.value = view.model.policy.replace("Mag posten: ...", "Mag posten: Sanne en Ahmed")
    assert view._policy_messages.value == ""  # the notice goes once the team writes
    written = view.model.policy
    view._template.click()
    assert view.model.policy == written
    assert "niet leeg" in view._policy_messages.value


def test_the_template_follows_the_language():
    model = SafetyCheckModel(language="en")
    assert model.use_template() and model.policy.startswith("The account belongs to:")


def test_the_example_is_marked_as_invented_and_start_empty_clears_it():
    view = SafetyCheck(SafetyCheckModel.example())
    model = view.model
    assert model.is_example and view._example_bar.layout.display == "flex"
    assert "verzonnen" in view._example_note.value
    assert model.checks == safety.check_checks(EXAMPLE_CHECKS) and "Garage De Vries" in model.account_owner
    view._start_empty.click()
    assert not model.is_example and model.checks == () and model.account_owner == "" and model.policy == ""
    assert view._general_messages.value == ""


def test_to_sections_and_restore_round_trip_through_a_workbook_file():
    model = SafetyCheckModel.example()
    model.set_policy(HOSTILE + "\n" + RTL)
    sections = model.to_sections()
    assert set(sections) == set(SafetyCheckModel.sections) == {"safety"}
    assert isinstance(sections["safety"], workbook.Safety)
    book = workbook.from_json(workbook.to_json(workbook.Workbook(safety=sections["safety"])))
    other = SafetyCheckModel()
    other.set_owner("x" * (MAX_OWNER + 1))  # a problem that restoring clears
    revision = other.revision
    other.restore(book)
    assert other.to_sections() == sections
    assert not other.is_example and other.problems == {} and other.revision > revision
    view = SafetyCheck(other)
    assert view._policy.value == HOSTILE + "\n" + RTL and view._boxes["company_owns"].value
    assert "<script" not in page_text(view)


def test_restore_leaves_out_unknown_items_and_cuts_texts_that_are_too_long():
    model = SafetyCheckModel()
    model.restore(workbook.Workbook(safety=workbook.Safety(
        checks=("min_age", "gone"), account_owner="o" * 1_000, policy="p" * 19_000)))
    assert model.checks == ("min_age",)
    assert len(model.account_owner) == MAX_OWNER and len(model.policy) == MAX_POLICY


def test_english_works(view):
    view.model.language = "en"
    assert "Safe and lawful" in view._header.children[0].value
    assert "TikTok and teenagers" in view._group_headings["tiktok"].value
    assert "younger children may not use TikTok" in view._labels["min_age"].value
    assert "Source: advice of this workshop" in view._labels["company_owns"].value
    assert "points still open" in view._open.value
    assert view._owner.description == "Owner of the account"
    view._policy.value = "x" * 10_000
    assert "longer than 5,000 characters" in view._policy_messages.value
