"""How `make start` and `make room` serve the dashboards: the command line and the teams' data folder."""

from __future__ import annotations

import hashlib
import os
import re

import pytest

from toolkit import room, serve
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


@pytest.fixture
def room_env(monkeypatch):
    """Start from no data folder, token or facilitator's secret in the environment, and restore it afterwards."""
    for name in ("STAGETOK_DATA", "STAGETOK_TOKEN", "STAGETOK_ROOM", room.FACILITATOR_ENV, room.FACILITATOR_HASH_ENV,
                 room.ROOM_URL_ENV):
        monkeypatch.setenv(name, "placeholder")  # so that the test's own value is undone afterwards
        monkeypatch.delenv(name)
    started = []
    monkeypatch.setattr(os, "execv", lambda program, command: started.append(command))
    return started


LAPTOP = [room.LanAddress("wlp2s0", "192.168.1.23"), room.LanAddress("enp0s31f6", "10.0.0.5")]


def test_a_room_prints_every_lan_address_and_the_board_address_with_its_own_secret(tmp_path, monkeypatch, capsys,
                                                                                  room_env):
    monkeypatch.setattr(room, "lan_addresses", lambda: list(LAPTOP))
    data = tmp_path / "data"
    serve.main(["--room", "--port", "8871", "--pool-size", "0", "--data", str(data)])
    out = capsys.readouterr().out
    (command,) = room_env
    (token,) = [c.removeprefix("--token=") for c in command if c.startswith("--token=")]
    (key,) = re.findall(r"&key=([\w-]+)", out)
    assert len(key) >= 43 and key != token
    # The kernels Voila starts get the secret's digest only: a participant's kernel cannot open the board.
    assert os.environ[room.FACILITATOR_HASH_ENV] == hashlib.sha256(key.encode()).hexdigest()
    assert room.FACILITATOR_ENV not in os.environ and key not in os.environ.values()
    assert room.facilitator_ok(key) and not room.facilitator_ok(os.environ[room.FACILITATOR_HASH_ENV])
    lines = out.splitlines()
    for lan in LAPTOP:
        (line,) = [line for line in lines if f"http://{lan.address}:8871/?token={token}" in line]
        assert lan.interface in line and "key=" not in line
    board = f"http://192.168.1.23:8871/voila/render/board.ipynb?token={token}&key={key}"
    (board_line,) = [i for i, line in enumerate(lines) if board in line]
    assert "keep this address to yourself" in lines[board_line - 1]
    assert sum(key in line for line in lines) == 1  # the secret is printed once, in the board address only
    assert "127.0." not in out and "localhost" not in out
    qr = data.resolve() / "room-qr.svg"
    assert f"QR code of the participants' address: {qr}" in out
    assert qr.read_text(encoding="utf-8") == room.qr_svg(f"http://192.168.1.23:8871/?token={token}")
    assert os.environ[room.ROOM_URL_ENV] == f"http://192.168.1.23:8871/?token={token}"  # for the board
    assert os.environ["STAGETOK_ROOM"] == "1"  # the teams' dashboards offer "send to the board"
    assert key not in qr.read_text(encoding="utf-8")
    assert "--Voila.ip=0.0.0.0" in command and "--port=8871" in command


def test_a_room_keeps_a_facilitators_secret_given_in_the_environment(tmp_path, monkeypatch, capsys, room_env):
    monkeypatch.setattr(room, "lan_addresses", lambda: LAPTOP[:1])
    monkeypatch.setenv(room.FACILITATOR_ENV, "our-own-facilitator-secret")
    monkeypatch.setenv("STAGETOK_TOKEN", "room-token")
    serve.main(["--room", "--pool-size", "0", "--data", str(tmp_path)])
    out = capsys.readouterr().out
    assert room.FACILITATOR_ENV not in os.environ  # taken out of what the kernels inherit
    assert room.facilitator_ok("our-own-facilitator-secret") and not room.facilitator_ok("our-own")
    assert "http://192.168.1.23:8866/voila/render/board.ipynb?token=room-token&key=our-own-facilitator-secret" in out
    assert "--token=room-token" in room_env[0]


def test_a_facilitators_secret_equal_to_the_room_token_is_refused(tmp_path, monkeypatch, capsys, room_env):
    monkeypatch.setattr(room, "lan_addresses", lambda: LAPTOP)
    monkeypatch.setenv(room.FACILITATOR_ENV, "same")
    with pytest.raises(SystemExit):
        serve.main(["--room", "--token", "same", "--data", str(tmp_path)])
    assert room.FACILITATOR_ENV in capsys.readouterr().err and room_env == []


def test_a_room_without_a_lan_address_says_so_and_serves_localhost(tmp_path, monkeypatch, capsys, room_env):
    monkeypatch.setattr(room, "lan_addresses", lambda: [])
    serve.main(["--room", "--pool-size", "0", "--data", str(tmp_path)])
    out = capsys.readouterr().out
    (key,) = re.findall(r"&key=([\w-]+)", out)
    assert room.facilitator_ok(key)
    assert "No LAN address found" in out
    assert re.search(r"http://localhost:8866/\?token=[\w-]+\n", out)
    assert "http://localhost:8866/voila/render/board.ipynb?token=" in out and f"&key={key}" in out
    assert (tmp_path / "room-qr.svg").read_text(encoding="utf-8").startswith("<svg")


def test_a_room_starts_when_its_qr_code_cannot_be_written(tmp_path, monkeypatch, capsys, room_env):
    monkeypatch.setattr(room, "lan_addresses", lambda: LAPTOP)
    (tmp_path / "room-qr.svg").mkdir()  # a folder where the file should go
    serve.main(["--room", "--pool-size", "0", "--data", str(tmp_path)])
    assert "QR code of the participants' address: not written" in capsys.readouterr().out
    assert len(room_env) == 1


def test_a_room_on_this_machine_prints_a_reachable_address(tmp_path, capsys, room_env):
    serve.main(["--room", "--pool-size", "0", "--data", str(tmp_path)])
    out = capsys.readouterr().out
    assert "127.0." not in out  # the old host name look-up printed 127.0.1.1 on Debian laptops
    for lan in room.lan_addresses():
        assert f"http://{lan.address}:8866/?token=" in out and f"[{lan.interface}]" in out


def test_make_start_stays_on_localhost_without_a_facilitators_secret(tmp_path, capsys, room_env):
    serve.main(["--pool-size", "0", "--data", str(tmp_path)])
    out = capsys.readouterr().out
    assert "StageTok dashboards: http://localhost:8866/\n" in out and "board.ipynb" not in out and "key=" not in out
    assert room.FACILITATOR_HASH_ENV not in os.environ and room.ROOM_URL_ENV not in os.environ
    assert not (tmp_path / "room-qr.svg").exists()
