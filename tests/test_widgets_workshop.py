"""The workshop dashboard without a browser: team codes, saving, steps built on first use, the welcome step."""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import datetime
import json
import sqlite3

import pytest

from tests.hostile import HOSTILE
from toolkit import journey, workbook
from toolkit.store import Store
from toolkit.team import check_line, tiktok_figures
from toolkit.widgets import common
from toolkit.widgets.welcome import WelcomeModel, WelcomeStep, figures_html
from toolkit.widgets.workshop import Workshop, WorkshopModel


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "workshop.sqlite3") as opened:
        yield opened


@pytest.fixture
def workshop(store):
    return Workshop(WorkshopModel(store=store))


# --- the team ---------------------------------------------------------------------------------------
def test_check_line_strips_and_refuses_what_does_not_fit():
    assert check_line("  Team X  ") == "Team X"
    with pytest.raises(ValueError) as too_long:
        check_line("x" * 81)
    assert too_long.value.key == "team.too_long"
    with pytest.raises(ValueError) as control:
        check_line("a\x07b")
    assert control.value.key == "team.control"
    with pytest.raises(ValueError) as empty:
        check_line("  ", required=True)
    assert empty.value.key == "team.empty"


def test_tiktok_figures_are_sourced_and_dated():
    figures = tiktok_figures()
    assert set(figures["who"]) == {"newcom", "tiktok"}
    assert figures["cite"].str.len().min() > 10
    newcom = figures[figures["who"] == "newcom"].set_index("year")
    assert newcom.loc[2021, "users"] == 1_700_000 and newcom.loc[2020, "daily_users"] == 281_000


def test_figures_table_is_dutch_with_dutch_numbers_and_english_on_request():
    dutch = figures_html("nl")
    assert "1.700.000" in dutch and "11 % van de ondervraagden" in dutch and "145.000 erbij in een jaar" in dutch
    english = figures_html("en")
    assert "1,700,000" in english and "Counted by" in english


# --- starting, saving and joining -------------------------------------------------------------------
def test_a_team_gets_a_code_at_its_first_change_and_its_work_is_saved(workshop, store):
    model = workshop.model
    assert model.code == "" and store.codes() == []
    assert "teamcode" in workshop._team_info.value.lower()
    model.tool("welcome").set_field("team_name", "Team Werkplaats")
    assert workbook.normalise_code(model.code) == model.code
    assert store.load(model.code).team.name == "Team Werkplaats"
    assert model.code in workshop._team_info.value and "bewaard om" in workshop._team_info.value
    assert model.code in workshop._team_messages.value  # "Jullie teamcode is ..."
    assert model.code in workshop.view("welcome")._code.value  # and the welcome step shows it at once


def test_joining_by_code_brings_everything_back_in_a_new_kernel(workshop, store):
    first = workshop.model
    first.tool("welcome").set_field("company", "Garage De Vries")
    first.go("pipeline")
    first.tool("pipeline").load_example()
    first.go("hashtags")
    workshop.view("hashtags")
    first.tool("hashtags").load_example()
    # a new page (kernel restart, closed tab): a new model on the same store
    again = Workshop(WorkshopModel(store=Store(store.path)))
    again._code_field.value = first.code.lower().replace("-", " ")
    assert again.model.code == first.code
    assert again.model.step == "hashtags"
    assert again.model.book == first.book
    again.model.go("pipeline")
    assert again.model.tool("pipeline").to_sections() == first.tool("pipeline").to_sections()
    assert again.model.tool("hashtags").company == "Garage De Vries"
    assert again._code_field.value == ""  # the field empties once the team is in


@pytest.mark.parametrize("text", ["XXXX-YYYY", "not a code", "<script>", "K7QM-3XT0"])
def test_an_unknown_or_mistyped_code_changes_nothing(workshop, text):
    model = workshop.model
    model.tool("welcome").set_field("team_name", "Team A")
    before = (model.code, model.book)
    workshop._code_field.value = text
    assert (model.code, model.book) == before
    assert model.problems["team"]
    assert "<script>" not in workshop._team_messages.value


def test_two_teams_keep_their_own_work(store):
    one, two = WorkshopModel(store=store), WorkshopModel(store=store)
    one.tool("welcome").set_field("team_name", "Een")
    two.tool("welcome").set_field("team_name", "Twee")
    assert one.code != two.code
    assert store.load(one.code).team.name == "Een" and store.load(two.code).team.name == "Twee"


def test_a_new_team_starts_empty_and_the_old_work_stays(workshop, store):
    model = workshop.model
    model.tool("welcome").set_field("team_name", "Oud team")
    old = model.code
    workshop._new.click()
    assert model.code != old and model.book.team.name == "" and model.tool("welcome").team_name == ""
    assert store.load(old).team.name == "Oud team"


def test_a_corrupt_store_gives_a_message_and_the_work_stays_in_the_page(tmp_path):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    workshop = Workshop(WorkshopModel(store=Store(path)))
    model = workshop.model
    assert model.tool("welcome").set_field("team_name", "Team Kapot")  # accepted, though not saved
    assert model.book.team.name == "Team Kapot"  # kept in the kernel
    assert model.problems["save"][0][0].startswith("store.")
    assert "role=\"alert\"" in workshop._team_messages.value
    assert model.download()  # and it can still be downloaded
    assert workbook.from_json(model.download()).team.name == "Team Kapot"


def test_download_and_upload_round_trip_and_a_wrong_file_changes_nothing(workshop, store):
    model = workshop.model
    model.tool("welcome").set_field("company", "Bakkerij <b>Van der Meer</b>")
    data = model.download()
    workshop._on_download()
    link = workshop._file_link.value
    assert "download='werkboek" in link and "data:application/json;base64," in link
    other = Workshop(WorkshopModel(store=store))
    for wrong in (b"", b"{}", b"not json", json.dumps({"cells": []}).encode(), b"\xff\xfe\x00", b"x" * 3_000_000):
        assert not other.model.upload(wrong)
        assert other.model.code == "" and other.model.book == workbook.Workbook()
        assert other.model.problems["upload"]
    newer = json.loads(data)
    newer["version"] = workbook.VERSION + 1
    assert not other.model.upload(json.dumps(newer).encode())
    assert other.model.problems["upload"][0][0] == "workbook.newer"
    assert other.model.upload(data)
    assert other.model.book == model.book and other.model.code == model.code


def test_upload_through_the_widget(workshop):
    book = workbook.Workbook(team=workbook.Team(name="Geüpload"))
    workshop._upload.value = ({"name": "werkboek.json", "type": "application/json", "size": 10,
                               "content": memoryview(workbook.to_json(book).encode()),
                               "last_modified": datetime.datetime(2026, 11, 28, tzinfo=datetime.UTC)},)
    assert workshop.model.book.team.name == "Geüpload" and workshop.model.code
    assert workshop._upload.value == ()


# --- steps --------------------------------------------------------------------------------------------
def test_only_the_first_step_is_built_at_start_and_each_step_once(workshop):
    assert list(workshop._views) == ["welcome"]
    assert workshop.model.opened() == ["welcome"]
    workshop.model.go(2)
    workshop.model.go("welcome")
    workshop.model.go("2")
    assert list(workshop._views) == ["welcome", "pipeline"]
    assert workshop._stage.children == (workshop._views["pipeline"],)


@pytest.mark.parametrize("key", ["0", "12", "nope", "<b>", "", "-1"])
def test_an_unknown_step_changes_nothing(workshop, key):
    workshop.model.go("early" if False else 2)
    assert not workshop.model.go(key)
    assert workshop.model.step == "pipeline"
    assert workshop.model.problems["step"]


def test_the_address_opens_a_team_at_a_step(workshop, store):
    workshop.model.tool("welcome").set_field("team_name", "Team Adres")
    code = workshop.model.code
    other = Workshop(WorkshopModel(store=store))
    other.model.open_from_query(f"team={code}&step=2")
    assert other.model.code == code and other.model.step == "pipeline"
    assert other._stage.children == (other._views["pipeline"],)
    other.model.open_from_query("step=hashtags")
    assert other.model.step == "hashtags"
    other.model.open_from_query("step=99&team=nonsense")
    assert other.model.step == "hashtags" and other.model.problems["step"] and other.model.problems["team"]
    other.model.open_from_query("")
    other.model.open_from_query(None)
    other.model.open_from_query("lang=de")
    assert other.model.language == "nl"
    other.model.open_from_query("lang=EN")  # the front door's English links carry lang=en
    assert other.model.language == "en" and other.model.tool("pipeline").language == "en"


def test_next_and_previous_buttons_walk_the_journey(workshop):
    assert workshop._previous.disabled
    for expected in journey.STEP_IDS[1:3]:
        workshop._next.click()
        assert workshop.model.step == expected
    workshop._previous.click()
    assert workshop.model.step == journey.STEP_IDS[1]
    assert workshop._steps.value == journey.STEP_IDS[1]
    workshop._steps.value = "hashtags"
    assert workshop.model.step == "hashtags"


def test_switching_language_relabels_the_steps_and_keeps_the_step(workshop):
    workshop.model.go("hashtags")
    workshop.model.language = "en"
    assert workshop.model.step == "hashtags"
    assert workshop._steps.options[0][0] == "1. Welcome"
    assert workshop.model.tool("hashtags").language == "en"
    assert "Step 9 of 11" in workshop._goal.value


def test_a_single_step_page_for_a_notebook(store):
    page = Workshop(WorkshopModel(store=store), only="pipeline")
    assert page.model.step == "pipeline" and list(page._views) == ["pipeline"]
    assert page._steps.layout.display == "none"
    page.model.language = "en"
    assert list(page._views) == ["pipeline"]  # relabelling did not open step 1


def test_saving_is_quick_and_records_its_time(store):
    model = WorkshopModel(store=store)
    welcome = model.tool("welcome")
    for index in range(20):
        welcome.set_field("team_name", f"Team {index}")
    assert len(model.save_seconds) == 20
    assert store.load(model.code).team.name == "Team 19"


# --- the welcome step -------------------------------------------------------------------------------
def test_welcome_shows_what_the_model_holds():
    model = WelcomeModel()
    view = WelcomeStep(model)
    model.code, model.team_name, model.company, model.sector, model.region = (
        "K7QM-3XTA", "Team <i>A</i>", "Garage", "zorg", "Utrecht")
    assert "K7QM-3XTA" in view._code.value
    assert view._fields["team_name"].value == "Team <i>A</i>"
    assert view._region.value == "Utrecht"
    assert "Voor jou-pagina" in view._parts.value and "Newcom" in view._figures.value


@pytest.mark.parametrize("text", HOSTILE)
def test_welcome_takes_hostile_text_without_harm(text):
    model = WelcomeModel()
    view = WelcomeStep(model)
    model.set_field("team_name", "Team Veilig")
    view._fields["team_name"].value = text
    if len(text.strip()) > 80 or any(ord(ch) < 32 for ch in text):
        assert model.team_name == "Team Veilig" and model.problems["team_name"]
        assert "vorige tekst blijft staan" in view._messages.value
    else:
        assert model.team_name == text.strip()
    assert "<script" not in view._messages.value and "<img" not in view._messages.value


def test_welcome_round_trips_through_the_workbook():
    model = WelcomeModel.example()
    model.code = "K7QM-3XTA"
    book = dataclasses.replace(workbook.Workbook(), **model.to_sections())
    again = WelcomeModel()
    again.restore(book)
    assert again.to_sections() == model.to_sections() and not again.is_example
    assert book.team.region == ""  # the whole country is stored as no region


def test_the_workshop_survives_a_locked_store(tmp_path):
    path = tmp_path / "locked.sqlite3"
    Store(path).save(workbook.Workbook(team=workbook.Team(code="AAAA-BBBB")))
    blocker = sqlite3.connect(path, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        model = WorkshopModel(store=Store(path, timeout=0.1))
        model.tool("welcome").set_field("team_name", "Team Wacht")
        assert model.problems["save"][0][0] == "store.locked"
        assert model.book.team.name == "Team Wacht"
    finally:
        blocker.rollback()
        blocker.close()
    model.tool("welcome").set_field("team_name", "Team Verder")
    assert "save" not in model.problems


def test_the_next_step_is_built_ahead_while_the_team_works_but_never_at_start(store, monkeypatch):
    # The kernel's event loop, played by a loop of this test's own (in a thread of its own: the
    # browser tests' Playwright may keep a loop running in this one).
    monkeypatch.setattr(common, "kernel_loop", asyncio.get_running_loop)

    async def walk():
        page = Workshop(WorkshopModel(store=store))
        page.build_ahead_delay = 0.01
        await asyncio.sleep(0.05)
        assert list(page._views) == ["welcome"]  # the first page stays light
        page.model.tool("welcome").set_field("team_name", "Team Vooruit")  # the team's first choice
        await asyncio.sleep(0.05)
        assert list(page._views) == ["welcome", "pipeline"]
        page.model.go("early")
        await asyncio.sleep(0.05)
        assert list(page._views) == ["welcome", "pipeline", "early", "irony"]
        assert page._stage.children == (page._views["early"],)  # built ahead, not shown
        page.model.go("plan")
        await asyncio.sleep(0.05)
        assert "plan" in page._views and len(page._views) == 5  # nothing after the last step
        single = Workshop(WorkshopModel(store=store), only="early")
        single.build_ahead_delay = 0.01
        single.model.go("irony")
        await asyncio.sleep(0.05)
        assert list(single._views) == ["early", "irony"]  # a notebook's page builds only what it shows

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, walk()).result(timeout=60)


def test_outside_a_kernel_there_is_no_loop_to_build_ahead_on():
    async def inside_a_loop():
        return common.kernel_loop()

    assert common.kernel_loop() is None
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, inside_a_loop()).result(timeout=10) is None  # a loop, but no kernel


def test_without_an_event_loop_steps_are_built_when_opened(workshop):
    workshop.model.tool("welcome").set_field("team_name", "Team Zonder Lus")
    workshop.model.go("pipeline")
    assert list(workshop._views) == ["welcome", "pipeline"]
