"""Early-mover scan widget tests without a browser: set traits from code, or widget values as a participant."""

import dataclasses

import ipywidgets as widgets
import pytest
import traitlets

from toolkit import early, workbook
from toolkit.early import HANDLE_MAX, MAX_EMPLOYERS, MAX_NAME
from toolkit.store import Store
from toolkit.widgets.early import EXAMPLE_EMPLOYERS, EXAMPLE_HANDLE, EarlyScan, EarlyScanModel
from toolkit.widgets.workshop import WorkshopModel
from toolkit.workbook import Early, Employer

HOSTILE = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script> <b>vet</b>'
HANDLE_HOSTILE = "<b>vet</b>"  # no space, 10 characters: a handle the hard rules let through
RTL = "مرحبا بالعالم \u202eevil"
EMOJI = "Garage 🔧👩🏽‍🔧"


def html_values(widget):
    """Every value of an HTML widget inside ``widget``."""
    values = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        values += html_values(child)
    return values


def no_markup_from_participants(view) -> bool:
    """True when no HTML widget holds the participant's markup (a script, an image, bold text)."""
    return not any(tag in value for value in html_values(view) for tag in ("<script", "<img", "<b>vet"))


def chart_rows(view):
    (rows,) = view.last_chart.to_dict()["datasets"].values()
    return rows


@pytest.fixture
def view():
    scan = EarlyScan()
    yield scan
    assert scan._general_messages.value == ""  # no callback failed unexpectedly


def test_an_empty_scan_shows_no_name_no_employers_and_an_empty_chart(view):
    assert view._handle.value == "" and view._claimed.value is False
    assert "Nog geen naam" in view._handle_info.value
    assert "hoogstens 24 tekens" in view._handle_info.value and "officiële pagina" in view._handle_info.value
    assert "Nog geen werkgevers in de lijst" in view._list_count.value and view._rows_box.children == ()
    assert "Nog geen werkgevers in de lijst" in view._verdict.value
    assert "Vuistregel van deze workshop, geen meting" in view._rule.value
    assert "goedkoop" not in view._verdict.value and "budget" in view._why.value
    assert [row["employers"] for row in chart_rows(view)] == [0] * 6
    assert view._chart.outputs and not view.model.is_example
    assert [value for _, value in view._posting.options] == list(early.POSTING)
    assert view._posting.label == "weet ik nog niet"


def test_the_example_is_marked_as_invented_and_start_empty_clears_it():
    view = EarlyScan(EarlyScanModel.example())
    model = view.model
    assert model.is_example and view._example_bar.layout.display == "flex"
    assert "verzonnen" in view._example_note.value
    assert all("(verzonnen)" in employer.name for employer in model.employers)
    assert model.handle == EXAMPLE_HANDLE and view._handle.value == "@garagedevries"
    assert "Nog niet vastgelegd" in view._handle_info.value
    assert len(view._rows_box.children) == len(EXAMPLE_EMPLOYERS)
    assert model.verdict[0] == "early.verdict_few" and "Een paar actief" in view._verdict.value
    assert "Nog niet opgezocht: 1" in view._verdict.value
    view._start_empty.click()
    assert not model.is_example and view._example_bar.layout.display == "none"
    assert model.employers == () and model.handle == "" and view._rows_box.children == ()
    assert view._general_messages.value == ""


def test_traits_set_from_code_show_in_the_view(view):
    model = view.model
    model.handle = "@bakkerijjansen"
    assert model.handle == "bakkerijjansen" and view._handle.value == "@bakkerijjansen"
    assert "@bakkerijjansen: 14 van de hoogstens 24 tekens" in view._handle_info.value
    model.handle_claimed = True
    assert view._claimed.value is True and "Vastgelegd. De naam is van jullie" in view._handle_info.value
    model.employers = (Employer("Bakkerij Noord", "daily"), Employer("Bakkerij Zuid", "weekly"),
                       Employer("Lunchroom Oost", "monthly"), Employer("Hotel West", "none"))
    assert [chooser.value for chooser, _, _ in view._rows] == ["daily", "weekly", "monthly", "none"]
    assert "Bakkerij Noord" in view._rows[0][1].value and len(view._rows_box.children) == 4
    assert "Werkgevers in de lijst: 4 (hoogstens 30)" in view._list_count.value
    assert model.verdict == ("early.verdict_crowded", {"n": 4, "active": 3, "unknown": 0})
    assert "Druk." in view._verdict.value and "3 van de 4" in view._verdict.value
    assert [row["employers"] for row in chart_rows(view)] == [0, 1, 0, 1, 1, 1]
    model.employers = model.employers[:1]
    assert len(view._rows_box.children) == 1 and "Een paar actief" in view._verdict.value
    model.handle_claimed, model.handle = True, ""
    assert "Vastgelegd, maar de naam staat hier nog niet" in view._handle_info.value


@pytest.mark.parametrize("value", ["garage devries", "x" * 25, "a@b", "nul\x00"])
def test_a_handle_set_from_code_that_breaks_a_rule_is_refused(view, value):
    view.model.handle = "garage"
    with pytest.raises(traitlets.TraitError):
        view.model.handle = value
    assert view.model.handle == "garage" and view._handle.value == "@garage"


def test_employers_set_from_code_that_break_a_rule_are_refused(view):
    good = (Employer("Bakkerij"),)
    view.model.employers = good
    for bad in ((Employer(""),), (Employer("A"), Employer("a")), ("Bakkerij",), (Employer("A", "often"),),
                tuple(Employer(f"W{n}") for n in range(MAX_EMPLOYERS + 1))):
        with pytest.raises(traitlets.TraitError):
            view.model.employers = bad
    assert view.model.employers == good


def test_typing_a_handle_and_ticking_the_box_as_a_participant(view):
    revision = view.model.revision
    view._handle.value = "  garagedevries "
    assert view.model.handle == "garagedevries" and view._handle.value == "@garagedevries"
    view._claimed.value = True
    assert view.model.handle_claimed and "Vastgelegd." in view._handle_info.value
    view._handle.value = ""
    assert view.model.handle == "" and view.model.revision == revision + 3


@pytest.mark.parametrize(("typed", "message"), [
    ("garage de vries", "geen spaties"), ("x" * 10_000, "TikTok staat er hoogstens 24 toe"),
    ("@" + "x" * (HANDLE_MAX + 1), "heeft 25 tekens"), ("garage@devries", "alleen vooraan"),
    ("garage\x1b[31m", "onzichtbare tekens"), (HOSTILE, "geen spaties"),
])
def test_a_handle_that_breaks_a_rule_is_refused_and_the_earlier_one_stays(view, typed, message):
    view._handle.value = "garagedevries"
    revision = view.model.revision
    view._handle.value = typed
    assert view.model.handle == "garagedevries" and view.model.revision == revision
    assert message in view._handle_messages.value
    assert no_markup_from_participants(view)
    view._handle.value = "@garage_devries"
    assert view.model.handle == "garage_devries" and view._handle_messages.value == ""


def test_a_handle_with_unusual_characters_is_taken_with_an_assumption_beside_it(view):
    view._handle.value = HANDLE_HOSTILE
    assert view.model.handle == HANDLE_HOSTILE
    assert "Aanname" in view._handle_info.value and "&lt; &gt; /" in view._handle_info.value
    assert "&lt;b&gt;vet&lt;/b&gt;" in view._handle_info.value and no_markup_from_participants(view)
    view._handle.value = "مرحبا"  # right-to-left letters: a warning, shown isolated
    assert view.model.handle == "مرحبا" and "<bdi>" in view._handle_info.value


def test_adding_changing_and_removing_employers_as_a_participant(view):
    view._name.value, view._posting.value = "  Bakkerij Jansen ", "weekly"
    view._add.click()
    assert view.model.employers == (Employer("Bakkerij Jansen", "weekly"),)
    assert view._name.value == "" and "Bakkerij Jansen staat nu in de lijst" in view._add_messages.value
    view._name.value = "Garage Peters"
    view._add.click()
    assert view.model.employers[1] == Employer("Garage Peters", "weekly")  # the dropdown keeps its choice
    view._rows[1][0].value = "none"
    assert view.model.employers[1].posting == "none"
    assert "Een paar actief" in view._verdict.value
    view._rows[0][2].click()
    assert view.model.employers == (Employer("Garage Peters", "none"),)
    assert len(view._rows_box.children) == 1 and view._rows[0][0].value == "none"
    assert "Garage Peters" in view._rows[0][1].value and "Een leeg veld" in view._verdict.value
    assert [row["employers"] for row in chart_rows(view)] == [0, 1, 0, 0, 0, 0]


@pytest.mark.parametrize("name", [HOSTILE, RTL, EMOJI, "{name} {0} %s"])
def test_hostile_employer_names_are_kept_as_text_and_shown_escaped(view, name):
    view._name.value = name
    view._add.click()
    assert view.model.employers == (Employer(name.strip()),)
    assert no_markup_from_participants(view)
    assert view._add_messages.value and view._list_messages.value == ""
    if "<" in name:
        assert "&lt;script&gt;" in view._rows[0][1].value
    assert chart_rows(view)[0]["names"] == name.strip()


@pytest.mark.parametrize(("name", "message"), [
    ("x" * 10_000, f"langer dan {MAX_NAME} tekens"), ("", "Vul eerst de naam"),
    ("Bakkerij\x00", "onzichtbare tekens"), (" bakkerij  JANSEN", "staat al in de lijst"),
])
def test_an_employer_that_does_not_fit_is_refused_and_the_list_stays(view, name, message):
    view._name.value = "Bakkerij Jansen"
    view._add.click()
    before = view.model.employers
    view._name.value = name
    view._add.click()
    assert view.model.employers == before and message in view._add_messages.value
    assert view._name.value == name  # what was typed stays, to correct it


def test_a_full_list_refuses_one_more(view):
    view.model.employers = tuple(Employer(f"Werkgever {n}") for n in range(MAX_EMPLOYERS))
    view._name.value = "Nog een"
    view._add.click()
    assert len(view.model.employers) == MAX_EMPLOYERS and "al 30 werkgevers" in view._add_messages.value


def test_actions_from_code_with_a_wrong_index_or_category_are_problems():
    model = EarlyScanModel(employers=(Employer("A"),))
    assert not model.remove_employer(5)
    assert [key for key, _ in model.problems_of("list")] == ["early.no_such_employer"]
    assert not model.set_posting(0, "often")
    assert [key for key, _ in model.problems_of("list")] == ["early.unknown_posting"]
    assert not model.set_posting(True, "daily")
    assert model.employers == (Employer("A"),)
    assert model.set_posting(0, "daily") and model.problems_of("list") == []


def test_to_sections_and_restore_round_trip_through_a_workbook_file():
    model = EarlyScanModel.example()
    model.set_claimed(True)
    model.add_employer(HOSTILE, "daily")
    model.add_employer(EMOJI, "rarely")
    sections = model.to_sections()
    assert set(sections) == set(EarlyScanModel.sections) == {"early"}
    section = sections["early"]
    assert isinstance(section, Early) and section.handle == EXAMPLE_HANDLE and section.handle_claimed
    assert section.employers[-2:] == (Employer(HOSTILE, "daily"), Employer(EMOJI, "rarely"))
    book = workbook.from_json(workbook.to_json(workbook.Workbook(early=section)))
    other = EarlyScanModel()
    other.set_handle("x" * 100)  # a problem that restoring clears
    revision = other.revision
    other.restore(book)
    assert other.to_sections() == sections
    assert not other.is_example and other.problems == {} and other.revision > revision
    view = EarlyScan(other)
    assert view._handle.value == "@garagedevries" and view._claimed.value is True
    assert len(view._rows_box.children) == len(EXAMPLE_EMPLOYERS) + 2 and no_markup_from_participants(view)


def test_restore_leaves_out_what_breaks_a_rule():
    book = workbook.Workbook(early=Early(handle="garage de vries", handle_claimed=True, employers=(
        Employer("Bakkerij", "daily"), Employer(""), Employer("x" * 5_000), Employer("BAKKERIJ"),
        *(Employer(f"W{n}") for n in range(MAX_EMPLOYERS + 5)))))
    model = EarlyScanModel()
    model.restore(book)
    assert model.handle == "" and model.handle_claimed
    assert len(model.employers) == MAX_EMPLOYERS and model.employers[0] == Employer("Bakkerij", "daily")
    model.restore(workbook.Workbook())
    assert model.to_sections() == {"early": Early()}


def test_every_change_bumps_the_revision_the_workshop_saves_on():
    model = EarlyScanModel()
    start = model.revision
    model.set_handle("garage")
    model.set_claimed(True)
    model.add_employer("A")
    model.set_posting(0, "weekly")
    model.remove_employer(0)
    assert model.revision == start + 5
    model.add_employer("")  # refused: nothing to save
    model.set_handle("a b")
    assert model.revision == start + 5


def test_the_workshop_saves_the_scan_in_the_workbook(tmp_path):
    with Store(tmp_path / "workshop.sqlite3") as store:
        workshop = WorkshopModel(store=store)
        workshop.go("early")
        tool = workshop.tool("early")
        tool.set_handle("@garagedevries")
        tool.add_employer("Bakkerij", "weekly")
        assert workshop.book.early == Early("garagedevries", False, (Employer("Bakkerij", "weekly"),))
        assert store.load(workshop.code).early == workshop.book.early
        # a new page for the same team gets the scan back
        again = WorkshopModel(store=store)
        assert again.join(workshop.code)
        assert again.tool("early").employers == (Employer("Bakkerij", "weekly"),)
        assert dataclasses.replace(again.book, step="", language="nl").early == workshop.book.early


def test_english_works(view):
    view.model.load_example()
    view.model.language = "en"
    assert "Be early" in view._header.children[0].value
    assert view._handle.description == "Account name" and view._claimed.description == "Claimed in the app"
    assert "13 of at most 24 characters" in view._handle_info.value and "Not claimed yet" in view._handle_info.value
    assert view._rows[0][0].label == "every month" and view._rows[0][0].value == "monthly"
    assert view._posting.label == "don't know yet"
    assert view._rows[0][2].description == "Remove" and "A few active" in view._verdict.value
    assert "Rule of thumb" in view._rule.value and "Why being early pays" in view._why.value
    assert chart_rows(view)[3]["posting"] == "every month"
    assert view.model.employers == EXAMPLE_EMPLOYERS  # relabelling the choosers changed no employer
    view._handle.value = "x" * 30
    assert "This name has 30 characters" in view._handle_messages.value
    view.model.language = "nl"
    assert "Deze naam heeft 30 tekens" in view._handle_messages.value
    assert view._rows[0][0].label == "elke maand"
