"""The room without a browser: teams send to the board, the facilitator's board shows them and moves the room."""

from __future__ import annotations

import base64
import re
import sqlite3

import pytest

from toolkit import room
from toolkit.store import Store
from toolkit.widgets import board as board_widgets
from toolkit.widgets.board import Board, BoardModel
from toolkit.widgets.workshop import Workshop, WorkshopModel

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>'
SECRET = "facilitator-secret-for-the-test"


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv(room.FACILITATOR_HASH_ENV, room.key_digest(SECRET))
    with Store(tmp_path / "room.sqlite3") as opened:
        yield opened


def team(store, name, tag="#monteur"):
    page = Workshop(WorkshopModel(store=store, in_room=True))
    page.model.tool("welcome").set_field("team_name", name)
    lab = page.model.tool("hashtags")
    lab.company = "Garage " + name[:20]
    lab.add_tag(tag)
    lab.choose([tag])
    return page


def test_the_board_stays_closed_without_the_facilitators_key(store):
    team(store, "Team Een").model.send_to_room()
    view = Board(BoardModel(store=store))
    assert view._room.layout.display == "none" and view._lock.layout.display == "flex"
    for key in (None, "", "wrong", SECRET + "x"):
        assert not view.model.unlock(key)
    assert view.model.entries == [] and "sleutel klopt niet" in view._key_messages.value
    view.model.open_from_query("key=nope")
    assert not view.model.unlocked
    view._key.value = SECRET
    view._unlock.click()
    assert view.model.unlocked and view._room.layout.display == "flex" and view._key.value == ""


def test_two_teams_send_and_the_board_shows_both_escaped(store):
    one, two = team(store, "Team " + HOSTILE), team(store, "Team Twee", "#zorg")
    assert one._to_board.layout.display == ""  # in a room the send button shows
    one._to_board.click()
    assert "Verstuurd" in one._team_messages.value
    two.model.send_to_room()
    view = Board(BoardModel(store=store))
    view.model.open_from_query(f"key={SECRET}")
    assert len(view.model.entries) == 2
    assert "Teams die iets stuurden: 2" in view._count.value
    assert view._cards.value.count("stagetok-card") == 2
    assert "<script>" not in view._cards.value and "&lt;script&gt;" in view._cards.value
    assert "#monteur" in view._cards.value and view._chart.outputs  # the room's hashtags chart
    # sending again replaces the team's own entry
    one.model.tool("welcome").set_field("team_name", "Team Een")
    one.model.send_to_room()
    view.model.refresh()
    assert len(view.model.entries) == 2 and "Team Een" in view._cards.value


def test_a_refresh_redraws_only_what_changed(store, monkeypatch):
    one, two = team(store, "Team Een"), team(store, "Team Twee", "#zorg")
    one.model.send_to_room()
    two.model.send_to_room()
    view = Board(BoardModel(store=store))
    view.model.unlock(SECRET)
    made, drawn = [], []
    card_html, show = view._card_html, board_widgets.show_chart
    monkeypatch.setattr(view, "_card_html", lambda entry, lang: made.append(entry.team) or card_html(entry, lang))
    monkeypatch.setattr(board_widgets, "show_chart", lambda *args, **kw: drawn.append(1) or show(*args, **kw))
    one.model.tool("welcome").set_field("team_name", "Team Eén")
    one.model.send_to_room()
    view.model.refresh()
    assert made == ["Team Eén"] and drawn == []  # one new card; the same hashtags, so the same chart
    assert "Team Eén" in view._cards.value and "Team Twee" in view._cards.value
    one.model.tool("hashtags").add_tag("#sleutelen")
    one.model.tool("hashtags").choose(["#monteur", "#sleutelen"])
    one.model.send_to_room()
    view.model.refresh()
    assert made == ["Team Eén", "Team Eén"] and drawn == [1]  # a new hashtag in the room: the chart again
    view.model.language = "en"  # every card and the chart in the other language
    assert sorted(made[2:]) == ["Team Eén", "Team Twee"] and drawn == [1, 1]
    assert "Caption:" in view._cards.value and "Teams that sent something: 2" in view._count.value


def test_the_facilitator_sends_the_room_to_a_step(store):
    early = team(store, "Team Vroeg")
    early.model.follow_room()  # the page looks once when it opens
    view = Board(BoardModel(store=store))
    view.model.unlock(SECRET)
    view._step.value = "content"
    view._push.click()
    assert "naar stap 5" in view._messages.value and view.model.pushed == "content"
    assert early.model.follow_room() and early.model.step == "content"
    assert "stap 5" in early._team_messages.value
    assert not early.model.follow_room()  # the same push moves a team once
    late = team(store, "Team Laat")
    late.model.follow_room()
    assert late.model.step == "welcome"  # a push from before the page opened is not followed


def test_exports_are_downloads_made_in_the_page(store):
    team(store, "Team " + HOSTILE).model.send_to_room()
    view = Board(BoardModel(store=store))
    view.model.unlock(SECRET)
    view._export.click()
    links = dict(re.findall(r"download='([^']+)' href='data:[^;]+;base64,([^']+)'", view._links.value))
    assert set(links) == {"zaal.csv", "zaal.html"}
    page = base64.b64decode(links["zaal.html"]).decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Team <script>" in base64.b64decode(links["zaal.csv"]).decode("utf-8")  # CSV is text, shown as text


def test_the_facilitator_empties_the_board_after_being_asked_once_more(store):
    one = team(store, "Team Een")
    one.model.send_to_room()
    team(store, "Team Twee").model.send_to_room()
    view = Board(BoardModel(store=store))
    view.model.unlock(SECRET)
    view.model.push("content")
    view._export.click()
    assert len(view.model.entries) == 2 and view._confirm.layout.display == "none"
    view._clear.click()  # asks first
    assert view._confirm.layout.display == "flex" and "opnieuw sturen" in view._clear_question.value
    assert len(store.entries()) == 2
    view._clear_no.click()  # cancelled: nothing happens
    assert view._confirm.layout.display == "none" and len(store.entries()) == 2
    view._clear.click()
    view._clear_yes.click()
    assert store.entries() == [] and store.pushed_step() is None
    assert view.model.entries == [] and view.model.pushed == ""
    assert "Teams die iets stuurden: 0" in view._count.value and "Het bord is leeg" in view._messages.value
    assert view._links.value == "" and view._confirm.layout.display == "none"
    assert one.model.book.team.name == "Team Een"  # the team's own work is untouched, and it can send again
    assert one.model.send_to_room()
    view.model.refresh()
    assert [entry.team for entry in view.model.entries] == ["Team Een"]
    locked = BoardModel(store=store)
    assert not locked.clear_room() and len(store.entries()) == 1  # only an opened board clears


def test_a_board_that_cannot_be_emptied_says_so_and_keeps_showing_the_room(store):
    team(store, "Team Een").model.send_to_room()
    view = Board(BoardModel(store=store))
    view.model.unlock(SECRET)
    busy = sqlite3.connect(store.path)
    busy.execute("BEGIN IMMEDIATE")  # another kernel in the middle of a write, for longer than the board waits
    view.model._store = Store(store.path, timeout=0.05)
    try:
        view._clear.click()
        view._clear_yes.click()
    finally:
        busy.rollback()
        busy.close()
        view.model.store.close()
    assert view.model.problems["clear"] and 'role="alert"' in view._messages.value
    assert len(view.model.entries) == 1 and len(store.entries()) == 1


def test_a_failing_store_keeps_the_last_good_board(store, tmp_path):
    team(store, "Team Een").model.send_to_room()
    view = Board(BoardModel(store=store))
    view.model.unlock(SECRET)
    assert len(view.model.entries) == 1
    store.close()
    store.path.write_bytes(b"no database here" * 100)
    for suffix in ("-wal", "-shm"):
        store.path.with_name(store.path.name + suffix).unlink(missing_ok=True)
    assert not view.model.refresh()
    assert len(view.model.entries) == 1 and view.model.problems["store"]
    assert 'role="alert"' in view._messages.value


def test_outside_a_room_there_is_no_send_button(store, monkeypatch):
    monkeypatch.delenv("STAGETOK_ROOM", raising=False)
    page = Workshop(WorkshopModel(store=store))
    assert not page.model.in_room and page._to_board.layout.display == "none"
