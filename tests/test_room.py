"""The room on the LAN: addresses read from the network interfaces, their QR code, the facilitator's secret."""

from __future__ import annotations

import ipaddress
import re
import socket
import xml.etree.ElementTree as ET
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import psutil
import pytest

from toolkit import room
from toolkit.room import LanAddress

SVG = "{http://www.w3.org/2000/svg}"


def _addr(family, address):
    return SimpleNamespace(family=family, address=address, netmask=None, broadcast=None, ptp=None)


def _v4(address):
    return _addr(socket.AF_INET, address)


def _v6(address):
    return _addr(socket.AF_INET6, address)


def _mac(address="02:00:00:00:00:01"):
    return _addr(psutil.AF_LINK, address)


def _up(isup=True):
    return SimpleNamespace(isup=isup, duplex=0, speed=0, mtu=1500, flags="up" if isup else "")


@pytest.fixture
def interfaces(monkeypatch):
    """Replace psutil's two interface functions with a made-up laptop's interfaces."""

    def install(addresses, stats):
        monkeypatch.setattr(psutil, "net_if_addrs", lambda: addresses)
        monkeypatch.setattr(psutil, "net_if_stats", lambda: stats)

    return install


def test_lan_addresses_leave_out_loopback_link_local_down_and_ipv6(interfaces):
    interfaces(
        {
            "lo": [_v4("127.0.0.1"), _v6("::1"), _mac("00:00:00:00:00:00")],
            "eth9": [_v4("192.0.2.7"), _mac()],  # a test network: reachable, but not a usual room network
            "docker0": [_v4("172.17.0.1")],  # private, but inside this computer
            "wlp2s0": [_mac(), _v6("fe80::1%wlp2s0"), _v4("192.168.1.23"), _v6("fd00::23")],
            "enp0s31f6": [_v4("10.0.0.5")],
            "eth3": [_v4("192.168.5.5")],  # down
            "eth4": [_v4("169.254.10.20"), _v6("fe80::2%eth4")],  # no network answered: link-local only
            "sit0": [_v6("2001:db8::1")],  # IPv6 only
            "lo:1": [_v4("127.0.1.1")],
            "eth5": [_v4("0.0.0.0"), _v4("not an address")],
        },
        {
            "lo": _up(), "eth9": _up(), "docker0": _up(), "wlp2s0": _up(), "enp0s31f6": _up(),
            "eth3": _up(False), "eth4": _up(), "sit0": _up(), "eth5": _up(),
        },
    )
    assert room.lan_addresses() == [
        LanAddress("wlp2s0", "192.168.1.23"),
        LanAddress("enp0s31f6", "10.0.0.5"),
        LanAddress("docker0", "172.17.0.1"),
        LanAddress("eth9", "192.0.2.7"),
    ]


def test_private_addresses_come_first_in_the_systems_order(interfaces):
    interfaces(
        {
            "eth0": [_v4("192.0.2.2")],
            "eth1": [_v4("172.31.255.1")],  # the last address of 172.16/12
            "eth2": [_v4("172.32.0.1")],  # just outside it
            "wlan0": [_v4("10.1.2.3"), _v4("192.168.0.2")],
            "eth0:1": [_v4("192.168.7.7")],  # an alias follows its interface's state
            "eth8:1": [_v4("192.168.8.8")],  # an alias of an interface that is down
            "tun0": [_v4("100.64.0.9")],
        },
        {"eth0": _up(), "eth1": _up(), "eth2": _up(), "wlan0": _up(), "eth8": _up(False), "tun0": _up()},
    )
    assert [lan.address for lan in room.lan_addresses()] == [
        "172.31.255.1", "10.1.2.3", "192.168.0.2", "192.168.7.7", "192.0.2.2", "172.32.0.1", "100.64.0.9",
    ]


def test_no_interface_no_state_or_an_error_gives_what_is_known(interfaces, monkeypatch):
    interfaces({}, {})
    assert room.lan_addresses() == []
    interfaces({"eth0": [_v4("192.168.1.2")]}, {})  # no state known: listed rather than lost
    assert room.lan_addresses() == [LanAddress("eth0", "192.168.1.2")]

    def broken():
        raise PermissionError("no access to the interfaces")

    monkeypatch.setattr(psutil, "net_if_addrs", broken)
    assert room.lan_addresses() == []


def test_lan_addresses_on_this_machine_are_reachable_ipv4_addresses():
    found = room.lan_addresses()
    for lan in found:
        ip = ipaddress.IPv4Address(lan.address)
        assert not ip.is_loopback and not ip.is_link_local, lan
        assert lan.interface in psutil.net_if_addrs()
    # Every interface that is up with a usable IPv4 address is listed (e.g. 192.0.2.2 on eth0 here).
    stats = psutil.net_if_stats()
    expected = {
        (name, entry.address)
        for name, entries in psutil.net_if_addrs().items()
        for entry in entries
        if entry.family == socket.AF_INET and stats.get(name) is not None and stats[name].isup
        and not ipaddress.IPv4Address(entry.address).is_loopback
        and not ipaddress.IPv4Address(entry.address).is_link_local
    }
    assert {(lan.interface, lan.address) for lan in found} == expected


def test_a_lan_address_reads_as_address_and_interface():
    lan = LanAddress("wlp2s0", "192.168.1.23")
    assert str(lan) == "192.168.1.23 (wlp2s0)"
    with pytest.raises(AttributeError):
        lan.address = "127.0.0.1"  # frozen


def test_room_url_carries_the_token_encoded():
    assert room.room_url("192.168.1.23", 8866, "Ab-_9") == "http://192.168.1.23:8866/?token=Ab-_9"
    odd = "a b&c=d/é?#"
    url = room.room_url("10.0.0.5", 8871, odd, "voila/render/workshop.ipynb")
    parts = urlsplit(url)
    assert (parts.scheme, parts.hostname, parts.port, parts.path) == ("http", "10.0.0.5", 8871,
                                                                      "/voila/render/workshop.ipynb")
    assert parse_qs(parts.query) == {"token": [odd]} and " " not in url and "#" not in parts.query
    assert room.room_url("localhost", 8866, None) == "http://localhost:8866/"
    assert room.room_url("localhost", 8866, "") == "http://localhost:8866/"
    assert urlsplit(room.room_url("fd00::2", 8866, "t")).hostname == "fd00::2"


def test_board_url_has_the_token_and_the_facilitators_key():
    url = room.board_url("192.168.1.23", 8866, "room-token", "facilitator+secret")
    parts = urlsplit(url)
    assert parts.path == room.BOARD_PATH == "/voila/render/board.ipynb"
    assert parse_qs(parts.query) == {"token": ["room-token"], "key": ["facilitator+secret"]}
    assert url.startswith("http://192.168.1.23:8866/voila/render/board.ipynb?token=room-token&key=")


def _modules(svg: str, scale: int) -> int:
    root = ET.fromstring(svg)
    width, height = int(root.get("width")), int(root.get("height"))
    assert width == height and width % scale == 0
    assert root.get("viewBox") == f"0 0 {width // scale} {height // scale}"
    return width // scale


def test_qr_svg_is_an_inline_svg_with_nothing_outside_it():
    url = room.room_url("192.168.1.23", 8866, "x" * 16)
    svg = room.qr_svg(url)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg.upper()
    root = ET.fromstring(svg)  # well-formed XML, so the same text is a valid .svg file
    assert root.tag == f"{SVG}svg"
    elements = list(root.iter())
    assert {element.tag for element in elements} <= {f"{SVG}svg", f"{SVG}path"}
    assert len([e for e in elements if e.tag == f"{SVG}path"]) >= 1
    for element in elements:
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on") and "href" not in name.lower(), (name, value)
            assert "url(" not in value and "javascript:" not in value.lower(), (name, value)
    lowered = svg.lower()
    assert "script" not in lowered and "href" not in lowered and "<image" not in lowered
    assert re.findall(r"https?://[^\s\"']+", svg) == ["http://www.w3.org/2000/svg"]  # its namespace only
    # Black modules on an opaque white background: readable on a dark page or projector.
    fills = {path.get("fill") for path in root.iter(f"{SVG}path")}
    assert {"#fff", "#000"} <= fills or root.get("fill") in {"#000", None}
    # In a narrower box it shrinks, whole (the board shows it in a card).
    assert "max-width:100%" in root.get("style") and root.get("shape-rendering") == "crispEdges"
    # A full QR code (21 + 4k modules) with the quiet zone of 4 modules on each side, not a Micro QR code.
    modules = _modules(svg, 10) - 8
    assert modules >= 21 and (modules - 21) % 4 == 0
    assert _modules(room.qr_svg(url, scale=4), 4) == modules + 8


def test_qr_svg_of_hostile_text_holds_it_as_modules_not_as_markup():
    svg = room.qr_svg('"><script>alert(1)</script><a href="http://evil.example/">')
    assert "script" not in svg.lower() and "evil" not in svg and "alert" not in svg
    ET.fromstring(svg)
    short = room.qr_svg("a")
    assert (_modules(short, 10) - 8) == 21  # even one character gives a full (version 1) QR code
    assert room.qr_svg("a") == short and room.qr_svg("b") != short  # the same text, the same code


def test_new_secrets_are_long_url_safe_and_different():
    secrets = {room.new_secret() for _ in range(50)}
    assert len(secrets) == 50
    for secret in secrets:
        assert len(secret) >= 43 and re.fullmatch(r"[A-Za-z0-9_-]+", secret)


def test_facilitator_ok_only_for_the_set_secret(monkeypatch):
    monkeypatch.delenv(room.FACILITATOR_HASH_ENV, raising=False)
    monkeypatch.setenv(room.FACILITATOR_ENV, "anything")  # the secret itself, in the environment, opens nothing
    assert not room.facilitator_ok("anything") and not room.facilitator_ok("") and not room.facilitator_ok(None)
    monkeypatch.setenv(room.FACILITATOR_HASH_ENV, "")
    assert not room.facilitator_ok("") and not room.facilitator_ok(None)
    secret = room.new_secret()
    monkeypatch.setenv(room.FACILITATOR_HASH_ENV, room.key_digest(secret))
    assert room.facilitator_ok(secret)
    for wrong in ("", None, secret[:-1], secret + "x", secret.upper() if secret != secret.upper() else "x",
                  " " + secret, "é" * 43, "<script>", 12345, [secret], room.key_digest(secret)):
        assert not room.facilitator_ok(wrong), wrong
    monkeypatch.setenv(room.FACILITATOR_HASH_ENV, room.key_digest("sécret").upper())  # hex in either case
    assert room.facilitator_ok("sécret") and not room.facilitator_ok("secret")


def test_the_key_digest_is_sha256_in_hex():
    assert room.key_digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
