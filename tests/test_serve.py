"""How `make start` and `make room` serve the dashboards: the command line and the teams' data folder."""

from __future__ import annotations

import os

import pytest

from toolkit import serve
from toolkit.store import Store, data_folder
from toolkit.workbook import Team, Workbook


def test_the_data_folder_is_created_and_handed_to_the_kernels(tmp_path, monkeypatch):
    monkeypatch.delenv("STAGETOK_DATA", raising=False)
    folder = serve.use_data_folder(tmp_path / "room" / "workshop-data")
    assert folder.is_dir() and folder.is_absolute()
    assert os.environ["STAGETOK_DATA"] == str(folder)
    assert data_folder() == folder  # what a kernel started from here uses
    Store().save(Workbook(team=Team(code="K7QM-3XTA", name="Team")))
    assert (folder / "workshop.sqlite3").is_file()


def test_main_prints_the_address_and_the_data_folder(tmp_path, monkeypatch, capsys):
    started = []
    monkeypatch.setenv("STAGETOK_DATA", os.environ.get("STAGETOK_DATA", ""))  # restored after the test
    monkeypatch.delenv("STAGETOK_DATA")
    monkeypatch.setattr(os, "execv", lambda program, command: started.append(command))
    serve.main(["--port", "8999", "--pool-size", "0", "--data", str(tmp_path / "data")])
    out = capsys.readouterr().out
    assert "http://localhost:8999/" in out and str((tmp_path / "data").resolve()) in out
    (command,) = started
    assert "--port=8999" in command and "--Voila.ip=localhost" in command and not any("preheat" in c for c in command)


def test_a_room_needs_a_token():
    with pytest.raises(ValueError, match="token"):
        serve.voila_command(room=True)
    command = serve.voila_command(room=True, token="s3cret")
    assert "--token=s3cret" in command and "--Voila.ip=0.0.0.0" in command
