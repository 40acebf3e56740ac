"""Challenge designer widget tests without a browser: set a child's value as a participant would."""

import dataclasses

import pytest
import traitlets

from tests.hostile import HOSTILE
from toolkit import content, workbook
from toolkit.widgets.content import EXAMPLE, EXAMPLE_AUDIENCE, ChallengeDesigner, ChallengeDesignerModel


@pytest.fixture
def view():
    designer = ChallengeDesigner()
    yield designer
    # No callback may have failed unexpectedly (a failure shows only this friendly message).
    assert designer._general_messages.value == ""


def all_html(view):
    return "".join(w.value for w in (view._name_messages, view._hashtag_messages, view._sound_messages,
                                     view._starter_messages, view._prompt_messages, view._prompt_warning,
                                     view._minors, view._preview))


def test_the_fields_go_to_the_model(view):
    view._name.value = "  Raad het onderdeel "
    view._hashtag.value = "raadhetonderdeel"
    view._format.value = "quiz"
    view._sound.value = "Een tikkende klok"
    view._starter.value = "Onze stagiair Sanne"
    view._prompts[0].value = "Welk onderdeel is dit?"
    view._prompts[1].value = "Laat je gereedschap zien"
    model = view.model
    assert (model.name, model.hashtag, model.format, model.sound, model.starter) == (
        "Raad het onderdeel", "#raadhetonderdeel", "quiz", "Een tikkende klok", "Onze stagiair Sanne")
    assert model.duet_prompts == ("Welk onderdeel is dit?", "Laat je gereedschap zien")
    assert view._hashtag.value == "#raadhetonderdeel"  # the field shows the tag as the model keeps it
    assert view._name.value == "Raad het onderdeel"
    assert model.problems == {}


def test_the_view_shows_what_the_model_holds(view):
    model = view.model
    with model.hold_trait_notifications():
        model.name, model.hashtag, model.format = "Voor & na", "#voorenna", "before_after"
        model.sound, model.starter, model.duet_prompts = "Tromgeroffel", "Ahmed", ("Jouw voor?", "Jouw na?")
        model.audience = "age_16_17"
    assert view._name.value == "Voor & na" and view._hashtag.value == "#voorenna"
    assert view._format.value == "before_after" and view._audience.value == "age_16_17"
    assert [field.value for field in view._prompts] == ["Jouw voor?", "Jouw na?"]
    assert "Eerst hoe iets eruitzag" in view._format_hint.value
    card = view._preview.value
    assert "Voor &amp; na" in card and "#voorenna" in card and "Voor en na" in card and "Tromgeroffel" in card
    assert "Jouw voor?" in card and "Ahmed" in card
    assert "stagetok-info" in view._prompt_warning.value and "Vrienden" in view._prompt_warning.value


def test_an_empty_challenge_shows_placeholders_in_the_card(view):
    card = view._preview.value
    assert "(nog geen naam)" in card and "(nog geen hashtag)" in card and "(nog geen opdracht)" in card
    assert view._format_hint.value == "" and view._prompt_warning.value == ""


def test_a_wrong_hashtag_gives_the_labs_reasons_and_keeps_the_old_one(view):
    view._hashtag.value = "#raadhet"
    view._hashtag.value = "raad het <b>onderdeel</b>"
    assert view.model.hashtag == "#raadhet"
    messages = view._hashtag_messages.value
    assert "werkt het niet als hashtag" in messages
    assert "geen spaties" in messages and "leesteken" in messages  # the Hashtag Lab's own sentences
    assert "<b>" not in messages
    view._hashtag.value = "#raadhetonderdeel"
    assert view._hashtag_messages.value == "" and view.model.hashtag == "#raadhetonderdeel"


def test_a_misleading_or_generic_hashtag_gets_a_warning(view):
    view._hashtag.value = "#stage"
    assert view.model.hashtag == "#stage"
    assert "theatre" not in view._hashtag_messages.value and "podia" in view._hashtag_messages.value
    assert "algemene tag" in view._hashtag_messages.value and "stagetok-warning" in view._hashtag_messages.value


def test_the_hashtag_can_be_made_from_the_name(view):
    view._suggest.click()
    assert "Vul eerst een naam in" in view._hashtag_messages.value and view.model.hashtag == ""
    view._name.value = "Raad het onderdeel"
    view._suggest.click()
    assert view.model.hashtag == "#raadhetonderdeelchallenge" == view._hashtag.value
    assert "gemaakt van de naam" in view._hashtag_messages.value


def test_the_minors_note_is_marked_and_sourced_and_follows_the_audience(view):
    note = view._minors.value
    assert "stagetok-minors" in note and "Let op" in note and "Teen privacy and safety settings" in note
    assert "geen juridisch advies" in note
    assert "Duet of Stitch" in note and "Vrienden" in note  # no audience yet: every rule
    view._audience.value = "vmbo_13_15"
    assert view.model.audience == "vmbo_13_15"
    assert "ouder of voogd" in view._minors.value and "AVG art. 8" in view._minors.value
    assert "Vrienden" not in view._minors.value
    warning = view._prompt_warning.value
    assert "stagetok-warning" in warning and "13- tot 15-jarigen" in warning and "Duet of Stitch" in warning
    view._audience.value = "adults"
    assert view._prompt_warning.value == ""
    assert "rond de 16" in view._minors.value and "Eurydice" in view._minors.value


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("field", ["name", "hashtag", "sound", "starter", "prompt0", "prompt1"])
def test_every_field_takes_hostile_text_without_harm(view, field, text):
    widget = view._prompts[int(field[-1])] if field.startswith("prompt") else getattr(view, f"_{field}")
    widget.value = "Veilig"
    before = view.model.to_sections()
    widget.value = text
    after = view.model.to_sections()["challenge"]
    html = all_html(view)
    assert "<script" not in html and "<img" not in html
    refused = view.model.problems
    if refused:
        assert after == before["challenge"]  # a refused text keeps the earlier value
        assert "blijft staan" in html
    elif field == "hashtag":
        assert after.hashtag == content.check_hashtag(text)
    elif field.startswith("prompt"):
        assert after.duet_prompts[int(field[-1])] == text.strip()
    else:
        assert getattr(after, field) == text.strip()
    assert len(view._preview.value) < 5_000  # a 10,000-character text never reaches the card


def test_long_and_odd_texts_are_refused_with_a_message(view):
    view._name.value = "Raad het onderdeel"
    view._name.value = "x" * 81
    assert view.model.name == "Raad het onderdeel" and "hoogstens 80 tekens" in view._name_messages.value
    view._prompts[1].value = "regel\u0007"
    assert view.model.duet_prompts == ("", "") and "onzichtbare tekens" in view._prompt_messages.value


def test_values_set_from_code_are_validated():
    model = ChallengeDesignerModel()
    for name, value in [("format", "film"), ("audience", "kids"), ("name", "x" * 81),
                        ("duet_prompts", ("x" * 201, ""))]:
        with pytest.raises(traitlets.TraitError):
            setattr(model, name, value)
    assert not model.set_format("film") and model.problems["format"] == [("content.bad_format", {})]
    with pytest.raises(ValueError):
        model.set_prompt(2, "x")


def test_the_example_is_an_invented_challenge_marked_as_such():
    view = ChallengeDesigner(ChallengeDesignerModel.example())
    model = view.model
    assert model.is_example and model.challenge == dataclasses.replace(EXAMPLE, audience=EXAMPLE_AUDIENCE)
    assert content.check_hashtag(EXAMPLE.hashtag) == EXAMPLE.hashtag and EXAMPLE.format in content.FORMATS
    assert view._example_bar.layout.display == "flex" and "verzonnen" in view._example_note.value
    assert "Garage De Vries" in model.starter
    assert "stagetok-warning" in view._prompt_warning.value  # aimed at vmbo pupils: the duets warning shows
    view._start_empty.click()
    assert not model.is_example and model.challenge == workbook.Challenge() and model.audience == ""
    assert view._example_bar.layout.display == "none"


def test_the_challenge_round_trips_through_the_workbook():
    model = ChallengeDesignerModel.example()
    book = dataclasses.replace(workbook.Workbook(), **model.to_sections())
    assert book.challenge == dataclasses.replace(EXAMPLE, audience=EXAMPLE_AUDIENCE)
    again = ChallengeDesignerModel()
    again.set_name("iets anders")
    again.set_format("kapot")
    again.restore(workbook.from_json(workbook.to_json(book)))
    assert again.to_sections() == model.to_sections()
    assert not again.is_example and again.problems == {} and again.audience == EXAMPLE_AUDIENCE  # kept


def test_restore_leaves_out_what_no_longer_fits():
    book = workbook.Workbook(challenge=workbook.Challenge(
        name="x" * 500, hashtag="#niet geldig", format="opera", sound="s", starter="t",
        duet_prompts=("een", "twee", "drie")))
    model = ChallengeDesignerModel()
    model.restore(book)
    assert len(model.name) == content.MAX_NAME and model.hashtag == "" and model.format == ""
    assert model.duet_prompts == ("een", "twee")
    one = ChallengeDesignerModel()
    one.restore(workbook.Workbook(challenge=workbook.Challenge(duet_prompts=("alleen",))))
    assert one.duet_prompts == ("alleen", "")


def test_every_change_bumps_the_revision_the_workshop_saves_on():
    model = ChallengeDesignerModel()
    start = model.revision
    model.set_name("A")
    model.set_prompt(0, "B")
    model.set_audience("adults")
    assert model.revision == start + 3
    model.set_name("x" * 500)  # refused: nothing to save
    assert model.revision == start + 3


def test_english_works_and_choices_keep_their_values():
    view = ChallengeDesigner(ChallengeDesignerModel.example())
    view.model.language = "en"
    assert view._format.value == "quiz" and view.model.format == "quiz"
    assert view._audience.value == "vmbo_13_15" and view.model.audience == "vmbo_13_15"
    assert view._format.label == "Guess what (quiz)"
    assert "Duet or Stitch" in view._minors.value and "Source:" in view._minors.value
    assert "You aim at 13 to 15-year-olds" in view._prompt_warning.value
    assert "Join in with a duet" in view._preview.value and view._name.description == "Name"
    view.model.language = "nl"
    assert view._format.label == "Raad het (quiz)" and view.model.format == "quiz"
    assert view._general_messages.value == ""
