"""Roster planner widget tests without a browser: set a child's value as a participant would."""

import dataclasses
import datetime as dt

import pytest
import traitlets

from tests.hostile import HOSTILE
from toolkit import workbook
from toolkit.advocacy import MAX_LINES
from toolkit.store import Store
from toolkit.widgets.advocacy import (
    EXAMPLE_IDEAS,
    EXAMPLE_ROSTER,
    RosterPlanner,
    RosterPlannerModel,
    next_monday,
)
from toolkit.widgets.workshop import WorkshopModel
from toolkit.workbook import Idea, Post

IDEAS = (Idea("Sanne wisselt een band", 70, None), Idea("Wat doet een monteur?", 30, "tell"))


@pytest.fixture
def view():
    planner = RosterPlanner()
    yield planner
    # No callback may have failed unexpectedly (a failure shows only this friendly message).
    assert planner._general_messages.value == ""


def fill_line(view, who="Sanne", role="intern", kind="touch", topic="Werkplaats", every=1, weeks=(1, 4)):
    view._who.value, view._role.value, view._kind.value = who, role, kind
    view._topic.value, view._every.value, view._weeks.value = topic, every, weeks
    view._add_line.click()


def calendar_rows(view):
    (rows,) = view.last_calendar.to_dict()["datasets"].values()
    return rows


def page_html(view):
    parts = [view._idea_messages, view._idea_add_messages, view._ideas_summary, view._start_info,
             view._start_messages, view._roster_messages, view._balance_text, view._advice]
    parts += [label for label, _ in view._idea_rows] + [label for label, _ in view._line_rows]
    return "".join(widget.value for widget in parts)


# --- ideas ---------------------------------------------------------------------------------------------
def test_the_ideas_show_with_their_kind_and_a_chooser_sets_only_the_kind(view):
    view.model.ideas = IDEAS
    labels = [label.value for label, _ in view._idea_rows]
    assert "Sanne wisselt een band" in labels[0] and "Wat doet een monteur?" in labels[1]
    assert [chooser.value for _, chooser in view._idea_rows] == ["", "tell"]
    assert "2 ideeën" in view._ideas_summary.value and "nog niet ingedeeld: 1" in view._ideas_summary.value
    view._idea_rows[0][1].value = "touch"
    assert view.model.ideas[0] == Idea("Sanne wisselt een band", 70, "touch")  # text and tone kept
    view._idea_rows[1][1].value = ""
    assert view.model.ideas[1] == Idea("Wat doet een monteur?", 30, None)
    assert view.model.problems == {}


def test_an_idea_can_be_added_here_with_the_middle_tone(view):
    assert "Nog geen ideeën" in view._ideas_summary.value
    view._new_idea.value = "  Onze stagiair laat haar werkplek zien "
    assert view.model.ideas == (Idea("Onze stagiair laat haar werkplek zien", 50, None),)
    assert view._new_idea.value == "" and "Het idee staat erbij" in view._idea_add_messages.value
    assert len(view._ideas_box.children) == 1
    assert view._topic.options == ("Onze stagiair laat haar werkplek zien",)  # ideas are topics to choose


def test_fewer_ideas_after_a_restore_shorten_the_list(view):
    view.model.ideas = IDEAS
    view.model.restore(workbook.Workbook(ideas=IDEAS[:1]))
    assert len(view._ideas_box.children) == 1
    view._idea_rows[1][1].value = "sell"  # a leftover row is not shown and changes nothing
    assert view.model.ideas == IDEAS[:1]


def test_a_kind_for_an_idea_that_is_gone_is_refused():
    model = RosterPlannerModel(ideas=IDEAS)
    assert not model.set_kind(5, "touch") and model.problems["kind"] == [("advocacy.no_such_idea", {})]
    assert not model.set_kind(0, "hire") and model.problems["kind"] == [("advocacy.bad_kind", {})]
    assert model.ideas == IDEAS


# --- the roster ------------------------------------------------------------------------------------------
def test_a_line_goes_into_the_roster_and_shows_in_the_list_calendar_and_balance(view):
    assert view.last_calendar is None and "Nog geen regels" in view._calendar_messages.value
    fill_line(view, every=2, weeks=(1, 6))
    assert view.model.roster == (Post("Sanne", "intern", "touch", "Werkplaats", 2, 1, 6),)
    assert view._who.value == "" and "staat in het rooster" in view._roster_messages.value
    (label, remove), = view._line_rows
    assert "Sanne" in label.value and "stagiair" in label.value and "om de week" in label.value
    assert "week 1 tot en met 6" in label.value and remove.description == "Verwijderen"
    assert [row["week"] for row in calendar_rows(view)] == [1, 3, 5]
    assert "3 posts" in view._balance_text.value and "Touch 3 (100 %)" in view._balance_text.value
    assert "stagetok-ok" in view._advice.value


def test_a_refused_line_keeps_the_roster_and_the_form(view):
    fill_line(view)
    fill_line(view, who="   ", topic="Iets")
    assert len(view.model.roster) == 1 and "Vul in wie er post" in view._roster_messages.value
    assert view._topic.value == "Iets"  # the form keeps what was typed
    fill_line(view, who="Ahmed", role="employee", kind="tell", topic="")
    assert len(view.model.roster) == 2 and view._roster_messages.value.count("stagetok-ok") == 1


def test_a_line_can_be_removed(view):
    fill_line(view, who="Sanne")
    fill_line(view, who="Ahmed", kind="tell")
    view._line_rows[0][1].click()
    assert [post.who for post in view.model.roster] == ["Ahmed"]
    assert len(view._lines_box.children) == 1 and "Ahmed" in view._line_rows[0][0].value
    view._line_rows[0][1].click()
    assert view.model.roster == () and view.last_calendar is None
    assert "Zodra er regels" in view._advice.value


def test_a_roster_heavy_on_sell_gets_the_articles_advice(view):
    fill_line(view, who="Lisa", role="employee", kind="sell", weeks=(1, 4))
    fill_line(view, who="Sanne", kind="touch", weeks=(1, 1))
    assert "stagetok-warning" in view._advice.value and "gewicht bij Touch" in view._advice.value


def test_the_roster_has_a_limit():
    model = RosterPlannerModel()
    for number in range(MAX_LINES):
        assert model.add_post(f"Persoon {number}")
    assert not model.add_post("Nog een") and model.problems["roster"] == [("advocacy.too_many_lines", {"max": 30})]
    assert len(model.roster) == MAX_LINES


# --- the start date --------------------------------------------------------------------------------------
def test_a_start_date_names_the_weeks_the_dutch_way(view):
    fill_line(view, weeks=(1, 3))
    view._start_field.value = "9-12-2026"  # a Wednesday: its week's Monday is week 1
    assert view.model.start == "2026-12-07" and view._start_field.value == "7-12-2026"
    assert "maandag 7 december 2026" in view._start_info.value and "27 december 2026" in view._start_info.value
    assert [row["week_label"] for row in calendar_rows(view)] == ["7 dec", "14 dec", "21 dec"]
    view._start_field.value = "32-12-2026"
    assert view.model.start == "2026-12-07" and "32-12-2026" in view._start_messages.value
    assert "vorige datum blijft staan" in view._start_messages.value
    view._start_field.value = ""
    assert view.model.start == "" and view._start_info.value == "" and view._start_messages.value == ""
    assert [row["week_label"] for row in calendar_rows(view)] == ["1", "2", "3"]


def test_values_set_from_code_are_validated():
    model = RosterPlannerModel()
    with pytest.raises(traitlets.TraitError):
        model.start = "2026-12-08"  # not a Monday
    with pytest.raises(traitlets.TraitError):
        model.start = "7-12-2026"  # the model keeps ISO dates
    with pytest.raises(traitlets.TraitError):
        model.roster = (Post("Sanne", last_week=99),)
    with pytest.raises(traitlets.TraitError):
        model.roster = ("Sanne",)
    with pytest.raises(traitlets.TraitError):
        model.ideas = ("een idee",)
    assert model.roster == () and model.start == ""


# --- hostile text ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("field", ["idea", "who", "topic", "start"])
def test_every_field_takes_hostile_text_without_harm(view, field, text):
    view.model.ideas = IDEAS
    fill_line(view, who="Veilig", topic="Veilig")
    view.model.set_start("7-12-2026")
    before = view.model.to_sections()
    if field == "idea":
        view._new_idea.value = text
    elif field == "start":
        view._start_field.value = text
    else:
        fill_line(view, **{"who": "Sanne", "topic": "", field: text})
    after = view.model.to_sections()
    html = page_html(view)
    assert "<script" not in html and "<img" not in html
    if view.model.problems:
        assert after == before  # a refused text keeps every earlier value
    elif field == "idea":
        assert after["ideas"][-1] == Idea(text.strip(), 50, None)
    else:
        assert getattr(after["advocacy"].roster[-1], field) == text.strip()
        assert any(row["person"].startswith(text.strip()[:60]) or row["topics"] == text.strip()
                   for row in calendar_rows(view))
    assert view._general_messages.value == ""


# --- the workbook ------------------------------------------------------------------------------------------
def test_the_example_is_invented_marked_and_puts_the_weight_on_touch():
    view = RosterPlanner(RosterPlannerModel.example())
    model = view.model
    assert model.is_example and model.ideas == EXAMPLE_IDEAS and model.roster == EXAMPLE_ROSTER
    assert model.start == next_monday().isoformat() and dt.date.fromisoformat(model.start).weekday() == 0
    assert view._example_bar.layout.display == "flex" and "verzonnen" in view._example_note.value
    assert any("Garage De Vries" in idea.text for idea in model.ideas)
    assert model.advice() == ("advocacy.advice_touch", {})
    assert len(view._idea_rows) == 6 and len(view._line_rows) == 5
    assert view.last_calendar is not None and view.last_balance is not None
    view._start_empty.click()
    assert not model.is_example and model.to_sections() == {"ideas": (), "advocacy": workbook.Advocacy()}
    assert view._example_bar.layout.display == "none" and view.last_calendar is None


def test_next_monday_is_after_today():
    assert next_monday(dt.date(2026, 12, 7)) == dt.date(2026, 12, 14)  # a Monday: the next one
    assert next_monday(dt.date(2026, 12, 13)) == dt.date(2026, 12, 14)


def test_ideas_and_roster_round_trip_through_the_workbook():
    model = RosterPlannerModel.example()
    book = dataclasses.replace(workbook.Workbook(), **model.to_sections())
    assert book.ideas == EXAMPLE_IDEAS and book.advocacy.roster == EXAMPLE_ROSTER
    again = RosterPlannerModel()
    again.add_post("iemand anders")
    again.set_start("kapot")
    again.restore(workbook.from_json(workbook.to_json(book)))
    assert again.to_sections() == model.to_sections()
    assert not again.is_example and again.problems == {}


def test_restore_leaves_out_lines_and_dates_that_break_the_rules():
    good = Post("Sanne", "intern", "touch", "", 1, 1, 4)
    book = workbook.Workbook(advocacy=workbook.Advocacy(start="2026-12-09", roster=(
        good, Post("", "intern"), Post("Ahmed", last_week=10**15), Post("Lisa", every_weeks=0))))
    model = RosterPlannerModel()
    model.restore(book)
    assert model.roster == (good,) and model.start == "2026-12-07"
    model.restore(workbook.Workbook(advocacy=workbook.Advocacy(start="morgen")))
    assert model.start == "" and model.roster == ()


def test_the_step_reads_the_ideas_of_the_irony_step_when_it_opens(tmp_path):
    with Store(tmp_path / "workshop.sqlite3") as store:
        workshop = WorkshopModel(store=store)
        workshop.go("advocacy")
        tool = workshop.tool("advocacy")
        tool.add_post("Sanne", "intern")
        # meanwhile the irony step adds ideas to the workbook
        workshop.book = dataclasses.replace(workshop.book, ideas=IDEAS)
        workshop.go("irony")
        workshop.go("advocacy")
        assert tool.ideas == IDEAS and [post.who for post in tool.roster] == ["Sanne"]
        tool.set_kind(0, "touch")
        assert workshop.book.ideas[0] == Idea("Sanne wisselt een band", 70, "touch")
        assert store.load(workshop.code).ideas == workshop.book.ideas


def test_every_change_bumps_the_revision_the_workshop_saves_on():
    model = RosterPlannerModel(ideas=IDEAS)
    start = model.revision
    model.set_kind(0, "touch")
    model.add_idea("Nieuw")
    model.add_post("Sanne")
    model.set_start("7-12-2026")
    model.remove_post(0)
    assert model.revision == start + 5
    model.add_post("")  # refused: nothing to save
    assert model.revision == start + 5


def test_english_works():
    view = RosterPlanner(RosterPlannerModel.example())
    view.model.set_start("7-12-2026")
    view.model.language = "en"
    assert view._role.value == "employee" and view._role.label == "employee"
    assert view._every.label == "every week"
    assert "Monday 7 December 2026" in view._start_info.value
    assert calendar_rows(view)[0]["week_label"] == "Dec 7"
    assert "(intern)" in calendar_rows(view)[0]["person"]
    assert "Well done" in view._advice.value and "posts:" in view._balance_text.value
    assert "every other week" in view._line_rows[1][0].value
    assert view._idea_rows[0][1].tooltips[0] == "not sorted yet"
    assert view.model.ideas == EXAMPLE_IDEAS  # relabelling the choosers changed no idea
    assert view._general_messages.value == ""
