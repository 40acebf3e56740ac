"""Tone scale widget tests without a browser: set traits from code, or widget values as a participant."""

import dataclasses

import ipywidgets as widgets
import pytest
import traitlets

from toolkit import irony, workbook
from toolkit.irony import DEFAULT_TONE, MAX_IDEA, MAX_IDEAS
from toolkit.store import Store
from toolkit.widgets.irony import EXAMPLE_IDEAS, ToneScale, ToneScaleModel
from toolkit.widgets.workshop import WorkshopModel
from toolkit.workbook import Idea

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script> <b>vet</b>'
RTL = "مرحبا بالعالم \u202eevil"
EMOJI = "Onze werkplaats 🔧👩🏽‍🔧"
IDEAS = (Idea("Sanne wisselt een band", 60, "touch"), Idea("Ahmed vertelt over het vak", 20, None),
         Idea("Meld je aan voor een meeloopdag", 80, "sell"))


def html_values(widget):
    """Every value of an HTML widget inside ``widget``."""
    values = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        values += html_values(child)
    return values


def no_markup_from_participants(view) -> bool:
    """True when no HTML widget holds the participant's markup (a script, an image, bold text)."""
    return not any(tag in value for value in html_values(view) for tag in ("<script", "<img", "<b>vet"))


def points(view):
    spec = view.last_chart.to_dict()
    return spec["datasets"][spec["layer"][2]["data"]["name"]]


def shown_rows(view):
    return [row for row in view._rows if row["box"] in view._rows_box.children]


@pytest.fixture
def view():
    scale = ToneScale()
    yield scale
    assert scale._general_messages.value == ""  # no callback failed unexpectedly


def test_an_empty_scale_shows_the_examples_the_question_and_three_rows_to_write_in(view):
    table = irony.examples()
    assert view._examples.value.count("<li") == len(table)
    assert "V1 · stijf (6)" in view._examples.value and table.loc[0, "text_nl"] in view._examples.value
    assert view._why_box.selected_index is None and view._why_box.get_title(0) == "Waarom staan ze daar?"
    assert table.loc[0, "why_nl"].replace("'", "&#x27;") in view._why.value
    assert "dunne lijn" in view._question.value
    rows = shown_rows(view)
    assert len(rows) == 3 and [row["text"].description for row in rows] == ["Idee 1", "Idee 2", "Idee 3"]
    assert all(row["tone"].disabled and row["tone"].value == DEFAULT_TONE for row in rows)
    assert all(row["remove"].layout.visibility == "hidden" and row["comment"].value == "" for row in rows)
    assert len(points(view)) == len(table) and view._chart.outputs
    assert "geen meting" in view._scale_note.value and "na 33 en na 66" in view._scale_note.value
    assert view._show.value is True and not view.model.is_example


def test_the_example_is_marked_as_invented_and_start_empty_clears_it():
    view = ToneScale(ToneScaleModel.example())
    model = view.model
    assert model.is_example and view._example_bar.layout.display == "flex"
    assert "verzonnen" in view._example_note.value
    assert model.ideas == EXAMPLE_IDEAS and "Garage De Vries" in model.ideas[1].text
    assert [row["text"].value for row in shown_rows(view)][:3] == [idea.text for idea in EXAMPLE_IDEAS]
    assert len(shown_rows(view)) == 4  # three ideas and one empty row
    assert model.bands() == ["self_mocking", "stiff", "ridiculous"]
    view._start_empty.click()
    assert not model.is_example and view._example_bar.layout.display == "none"
    assert model.ideas == () and len(shown_rows(view)) == 3 and shown_rows(view)[0]["text"].value == ""
    assert view._general_messages.value == ""


def test_ideas_set_from_code_show_in_the_rows_the_comments_and_the_chart(view):
    view.model.ideas = IDEAS
    rows = shown_rows(view)
    assert len(rows) == 4
    assert [row["text"].value for row in rows] == [idea.text for idea in IDEAS] + [""]
    assert [row["tone"].value for row in rows] == [60, 20, 80, DEFAULT_TONE]
    assert [row["tone"].disabled for row in rows] == [False, False, False, True]
    assert rows[0]["remove"].layout.visibility == "visible" and rows[3]["remove"].layout.visibility == "hidden"
    assert "zelfspot (60): Jullie lachen om jezelf" in rows[0]["comment"].value
    assert "stijf (20): Dit leest als een folder" in rows[1]["comment"].value
    assert "belachelijk (80): Hier gaat de grap ten koste" in rows[2]["comment"].value
    assert "stagetok-band-ridiculous" in rows[2]["comment"].value
    drawn = points(view)
    assert drawn[0]["label"] == "Idee 1 · Sanne wisselt een band" and drawn[2]["tone"] == 80
    view.model.show_examples = False
    assert [row["label"] for row in points(view)] == [f"Idee {n} · {idea.text}" for n, idea in enumerate(IDEAS, 1)]
    assert view._show.value is False
    view.model.ideas = ()
    assert view.last_chart is None and view._chart.outputs == ()
    assert "Nog niets op de schaal" in view._chart_messages.value
    view._show.value = True
    assert view.model.show_examples and view.last_chart is not None and view._chart_messages.value == ""


@pytest.mark.parametrize("bad", [(Idea("x", 101),), (Idea("x", -1),), ("een idee",), (Idea("x", True),)])
def test_ideas_set_from_code_that_break_a_rule_are_refused(view, bad):
    view.model.ideas = IDEAS
    with pytest.raises(traitlets.TraitError):
        view.model.ideas = bad
    assert view.model.ideas == IDEAS


def test_writing_ideas_and_setting_their_tone_as_a_participant(view):
    rows = shown_rows(view)
    rows[0]["text"].value = "  Sanne zoekt de bougiesleutel voor links "
    assert view.model.ideas == (Idea("Sanne zoekt de bougiesleutel voor links", DEFAULT_TONE),)
    assert not shown_rows(view)[0]["tone"].disabled
    shown_rows(view)[0]["tone"].value = 58
    assert view.model.ideas[0].tone == 58 and "zelfspot (58)" in shown_rows(view)[0]["comment"].value
    # writing in the third row while the second is empty adds the idea after the first
    shown_rows(view)[2]["text"].value = "Ahmed over twintig jaar monteur"
    assert [idea.text for idea in view.model.ideas] == ["Sanne zoekt de bougiesleutel voor links",
                                                        "Ahmed over twintig jaar monteur"]
    assert shown_rows(view)[1]["text"].value == "Ahmed over twintig jaar monteur"
    assert shown_rows(view)[2]["text"].value == ""
    shown_rows(view)[1]["tone"].value = 90
    assert "belachelijk (90)" in shown_rows(view)[1]["comment"].value
    shown_rows(view)[0]["text"].value = "Sanne zoekt de linkse bougiesleutel"
    assert view.model.ideas[0] == Idea("Sanne zoekt de linkse bougiesleutel", 58)
    assert [row["label"] for row in points(view)][:2] == ["Idee 1 · Sanne zoekt de linkse bougiesleutel",
                                                          "Idee 2 · Ahmed over twintig jaar monteur"]


def test_editing_keeps_the_kind_a_later_step_gave(view):
    view.model.ideas = IDEAS
    shown_rows(view)[0]["text"].value = "Sanne wisselt haar eerste band"
    shown_rows(view)[2]["tone"].value = 40
    assert view.model.ideas == (Idea("Sanne wisselt haar eerste band", 60, "touch"), IDEAS[1],
                                Idea("Meld je aan voor een meeloopdag", 40, "sell"))
    shown_rows(view)[1]["remove"].click()
    assert [idea.kind for idea in view.model.ideas] == ["touch", "sell"]
    assert "Het idee is weggehaald" in view._ideas_messages.value
    assert len(shown_rows(view)) == 3 and shown_rows(view)[1]["text"].value == "Meld je aan voor een meeloopdag"


@pytest.mark.parametrize("text", [HOSTILE, RTL, EMOJI, "{text} {0} %s"])
def test_hostile_text_is_kept_as_text_and_shown_escaped(view, text):
    shown_rows(view)[0]["text"].value = text
    assert view.model.ideas == (Idea(text.strip(), DEFAULT_TONE),)
    assert no_markup_from_participants(view)
    assert shown_rows(view)[0]["messages"].value == "" and view._ideas_messages.value == ""
    assert points(view)[0]["label"] == f"Idee 1 · {irony.short(text)}"


@pytest.mark.parametrize(("typed", "message"), [
    ("x" * 10_000, f"langer dan {MAX_IDEA} tekens"), ("regel\x00", "onzichtbare tekens"),
    ("regel 1\nregel 2", "onzichtbare tekens"), ("   ", "klik dan op Weghalen"),
    ("<b>vet</b>" * 100, f"langer dan {MAX_IDEA} tekens"),
])
def test_an_idea_that_does_not_fit_is_refused_and_the_earlier_one_stays(view, typed, message):
    view.model.ideas = IDEAS
    revision = view.model.revision
    shown_rows(view)[0]["text"].value = typed
    assert view.model.ideas == IDEAS and view.model.revision == revision
    assert message in shown_rows(view)[0]["messages"].value
    assert shown_rows(view)[1]["messages"].value == "" and no_markup_from_participants(view)
    shown_rows(view)[0]["text"].value = "Sanne wisselt een band, goed zo"
    assert view.model.ideas[0].text == "Sanne wisselt een band, goed zo"
    assert shown_rows(view)[0]["messages"].value == ""


def test_a_refused_new_idea_stays_in_its_row_and_an_empty_row_left_empty_is_no_problem(view):
    shown_rows(view)[1]["text"].value = "x" * (MAX_IDEA + 1)
    assert view.model.ideas == () and "langer dan 300 tekens" in shown_rows(view)[1]["messages"].value
    shown_rows(view)[1]["text"].value = ""
    assert view.model.ideas == () and view.model.problems_of("idea:1")  # the message stays until it is fixed
    shown_rows(view)[1]["text"].value = "Kort idee"
    assert view.model.ideas == (Idea("Kort idee", DEFAULT_TONE),) and view.model.problems == {}


def test_ten_ideas_fill_the_rows_and_more_ideas_from_a_later_step_are_all_shown(view):
    view.model.ideas = tuple(Idea(f"idee {n}", 5 * n) for n in range(MAX_IDEAS))
    assert len(shown_rows(view)) == MAX_IDEAS and all(not row["tone"].disabled for row in shown_rows(view))
    assert not view.model.add_idea("nog een")
    assert "al 10 ideeën" in view._ideas_messages.value
    many = tuple(Idea(f"idee {n}", 50, "tell") for n in range(25))
    view.model.ideas = many
    assert len(shown_rows(view)) == 25 and shown_rows(view)[24]["text"].value == "idee 24"
    shown_rows(view)[24]["tone"].value = 10
    assert view.model.ideas[24] == Idea("idee 24", 10, "tell") and view.model.ideas[:24] == many[:24]


def test_actions_from_code_with_a_wrong_index_are_problems():
    model = ToneScaleModel(ideas=IDEAS)
    assert not model.set_tone(7, 50) and model.problems_of("idea:7")[0][0] == "irony.no_such_idea"
    assert not model.set_tone(0, 150) and model.problems_of("idea:0")[0][0] == "irony.bad_tone"
    for bad in (-1, True, "0", None):
        assert not model.set_text(bad, "x") and not model.set_tone(bad, 10)
    assert model.problems_of("ideas")[0][0] == "irony.no_such_idea"
    assert not model.remove_idea(3) and model.ideas == IDEAS
    view = ToneScale(model)
    assert "Dat idee staat er niet" in view._ideas_messages.value  # idea:7 is no row: shown with the list
    assert view._general_messages.value == ""


def test_to_sections_and_restore_round_trip_through_a_workbook_file():
    model = ToneScaleModel.example()
    model.set_text(3, HOSTILE)
    model.set_text(4, EMOJI)
    model.set_tone(4, 100)
    model.ideas = (*model.ideas[:4], dataclasses.replace(model.ideas[4], kind="sell"))
    sections = model.to_sections()
    assert set(sections) == set(ToneScaleModel.sections) == {"ideas"}
    assert sections["ideas"][3:] == (Idea(HOSTILE, DEFAULT_TONE), Idea(EMOJI, 100, "sell"))
    book = workbook.from_json(workbook.to_json(workbook.Workbook(ideas=sections["ideas"])))
    other = ToneScaleModel()
    other.set_text(0, "x" * 1_000)  # a problem that restoring clears
    revision = other.revision
    other.restore(book)
    assert other.to_sections() == sections
    assert not other.is_example and other.problems == {} and other.revision > revision
    view = ToneScale(other)
    assert shown_rows(view)[3]["text"].value == HOSTILE and shown_rows(view)[4]["tone"].value == 100
    assert no_markup_from_participants(view)


def test_restore_puts_tones_on_the_scale_and_cuts_long_texts_keeping_kinds():
    book = workbook.Workbook(ideas=(Idea("a" * 5_000, 500, "tell"), Idea("b", -3, None)))
    model = ToneScaleModel()
    model.restore(book)
    assert model.ideas == (Idea("a" * MAX_IDEA, 100, "tell"), Idea("b", 0, None))
    model.restore(workbook.Workbook())
    assert model.ideas == () and model.to_sections() == {"ideas": ()}


def test_every_change_bumps_the_revision_the_workshop_saves_on():
    model = ToneScaleModel()
    start = model.revision
    model.set_text(0, "Idee")
    model.set_tone(0, 30)
    model.add_idea("Nog een")
    model.set_text(1, "Nog een, anders")
    model.remove_idea(0)
    model.set_show_examples(False)
    assert model.revision == start + 6
    model.set_text(0, "")  # refused: nothing to save
    model.set_tone(0, 101)
    assert model.revision == start + 6


def test_the_step_reads_the_kinds_of_a_later_step_when_it_opens_again(tmp_path):
    with Store(tmp_path / "workshop.sqlite3") as store:
        workshop = WorkshopModel(store=store)
        workshop.go("irony")
        tool = workshop.tool("irony")
        tool.set_text(0, "Sanne wisselt een band")
        tool.set_tone(0, 60)
        assert workshop.book.ideas == (Idea("Sanne wisselt een band", 60, None),)
        workshop.go("advocacy")
        workshop.tool("advocacy").set_kind(0, "touch")
        assert workshop.book.ideas == (Idea("Sanne wisselt een band", 60, "touch"),)
        workshop.go("irony")
        assert tool.ideas == workshop.book.ideas
        tool.set_tone(0, 45)
        assert workshop.book.ideas == (Idea("Sanne wisselt een band", 45, "touch"),)
        assert store.load(workshop.code).ideas == workshop.book.ideas


def test_english_works(view):
    view.model.ideas = IDEAS
    view.model.language = "en"
    assert "Self-mockery" in view._header.children[0].value
    assert "E1 · stiff (6)" in view._examples.value and irony.examples().loc[0, "text_en"] in view._examples.value
    assert view._why_box.get_title(0) == "Why are they there?" and "thin line" in view._question.value
    rows = shown_rows(view)
    assert rows[0]["text"].description == "Idea 1" and rows[0]["tone"].description == "Tone"
    assert rows[0]["remove"].description == "Remove" and rows[0]["text"].placeholder == "What do we see in the video?"
    assert "self-mocking (60): You laugh at yourselves" in rows[0]["comment"].value
    assert "not a measurement" in view._scale_note.value and view._show.description == "Show the examples"
    assert points(view)[0]["label"] == "Idea 1 · Sanne wisselt een band" and points(view)[0]["band"] == "self-mocking"
    rows[0]["text"].value = "x" * 10_000
    assert "longer than 300 characters" in rows[0]["messages"].value
    view.model.language = "nl"
    assert "langer dan 300 tekens" in rows[0]["messages"].value
    assert view.model.ideas == IDEAS
