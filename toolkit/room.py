"""The workshop room on the LAN: the addresses the room can reach, their QR code, the facilitator's secret.

``make room`` serves the dashboards to every device on the room's network. Participants get an
address with the room's token in it (printed, and shown as a QR code); the facilitator's board
also needs a second secret, the facilitator's, which only the facilitator is given.

* :func:`lan_addresses` reads the computer's IPv4 addresses from its network interfaces (with
  psutil; nothing is sent on the network). Looking the address up from the host name, as is
  often done, gives ``127.0.1.1`` on most Debian and Ubuntu laptops: an address no other device
  can reach.
* :func:`room_url` and :func:`board_url` build the two addresses; :func:`qr_svg` draws an
  address as a QR code, an inline SVG made offline (segno).
* :func:`new_secret` makes a facilitator's secret; :func:`facilitator_ok` checks one given in a
  page's address against its SHA-256 digest in ``$STAGETOK_FACILITATOR_KEY_SHA256``. ``make
  room`` hands every kernel it starts that digest, never the secret itself: a participant's
  kernel holds nothing that opens the board.
"""

from __future__ import annotations

import hashlib
import io
import ipaddress
import os
import secrets
import socket
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import psutil
import segno

#: The variable in which a facilitator may choose the secret for ``make room`` (else one is made).
FACILITATOR_ENV = "STAGETOK_FACILITATOR_TOKEN"
#: The variable that holds the SHA-256 digest (hex) of the facilitator's secret, for the kernels.
FACILITATOR_HASH_ENV = "STAGETOK_FACILITATOR_KEY_SHA256"
#: The variable that holds the participants' address, for the board to show (set by ``make room``).
ROOM_URL_ENV = "STAGETOK_ROOM_URL"
#: Where the facilitator's board is served (the board dashboard, rendered by Voila).
BOARD_PATH = "/voila/render/board.ipynb"
#: The file, in the workshop data folder, with the QR code of the participants' address.
QR_FILE = "room-qr.svg"
#: Modules of white space around a QR code, as the standard asks, so that scanners find it.
_QUIET_ZONE = 4
#: Bytes of randomness in a facilitator's secret (256 bits: not to be guessed, even online).
SECRET_BYTES = 32

#: The private ranges of RFC 1918: what a room's own network (wifi or cable) usually uses.
_PRIVATE = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
_LOOPBACK = ipaddress.ip_network("127.0.0.0/8")
_LINK_LOCAL = ipaddress.ip_network("169.254.0.0/16")
#: Name prefixes of interfaces that live inside this computer or lead to a VPN (containers,
#: virtual machines, tunnels): their addresses can be private but the room cannot reach them.
_VIRTUAL = ("docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "lxc", "lxd", "podman", "cni", "flannel",
            "tun", "tap", "wg", "tailscale", "zt", "utun", "ham")


@dataclass(frozen=True)
class LanAddress:
    """One IPv4 address of this computer on a network other devices may share.

    Attributes
    ----------
    interface : str
        The network interface's name, e.g. ``wlp2s0`` or ``eth0``.
    address : str
        The IPv4 address in dotted form, e.g. ``192.168.1.23``.
    """

    interface: str
    address: str

    def __str__(self) -> str:
        return f"{self.address} ({self.interface})"


def _is_up(name: str, stats: dict) -> bool:
    """Whether the interface is up; an alias such as ``eth0:1`` follows its interface.

    An interface psutil has no state for is taken as up: its address is listed rather than lost.
    """
    state = stats.get(name) or stats.get(name.split(":", 1)[0])
    return state is None or bool(state.isup)


def _rank(lan: LanAddress) -> tuple[int, int]:
    """Sort key: private (RFC 1918) addresses first, then others; virtual interfaces after real ones."""
    ip = ipaddress.IPv4Address(lan.address)
    private = any(ip in network for network in _PRIVATE)
    virtual = lan.interface.lower().startswith(_VIRTUAL)
    return (0 if private else 1, 1 if virtual else 0)


def lan_addresses() -> list[LanAddress]:
    """The computer's IPv4 addresses the room's devices may reach, most likely first.

    Read from the network interfaces (psutil's ``net_if_addrs`` and ``net_if_stats``); no
    traffic is sent and no name is looked up. Left out: loopback (127.0.0.0/8), link-local
    (169.254.0.0/16, what a computer gives itself when no network answered), multicast and
    unspecified addresses, interfaces that are down, and IPv6 (a room's phones reach the
    laptop's IPv4 address; an IPv6 address is long to type and often temporary).

    Order: private addresses (10/8, 172.16/12, 192.168/16) first, then any other (a public or
    test network); within each, real interfaces before virtual ones (containers, virtual
    machines, VPN tunnels), then in the order the system lists the interfaces.

    Returns
    -------
    list of LanAddress
        Empty when the computer has no such address (or its interfaces cannot be read).
    """
    try:
        addresses = psutil.net_if_addrs()
        stats = psutil.net_if_stats()
    except OSError:
        return []
    found: list[LanAddress] = []
    for name, entries in addresses.items():
        if not _is_up(name, stats):
            continue
        for entry in entries:
            if entry.family != socket.AF_INET:
                continue
            try:
                ip = ipaddress.IPv4Address(entry.address)
            except ValueError:
                continue
            if ip in _LOOPBACK or ip in _LINK_LOCAL or ip.is_multicast or ip.is_unspecified:
                continue
            lan = LanAddress(interface=name, address=str(ip))
            if lan not in found:
                found.append(lan)
    return sorted(found, key=_rank)  # sorted() is stable: the system's order within a rank


def room_url(host: str, port: int, token: str | None, path: str = "/", **params: str) -> str:
    """The address of a page on the room's server, with the room's token.

    Parameters
    ----------
    host : str
        An IPv4 address (from :func:`lan_addresses`), a host name, or ``localhost``.
    port : int
        The server's TCP port.
    token : str or None
        The participants' token; left out when None or empty (a server on localhost only).
    path : str
        The page's path, from the server's root.
    **params : str
        Further query parameters (e.g. ``key`` for the board), URL-encoded like the token.

    Returns
    -------
    str
        E.g. ``http://192.168.1.23:8866/?token=...``.
    """
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 literal
    if not path.startswith("/"):
        path = "/" + path
    query = {"token": token} if token else {}
    query.update({name: value for name, value in params.items() if value})
    url = f"http://{host}:{int(port)}{path}"
    return f"{url}?{urlencode(query, quote_via=quote)}" if query else url


def board_url(host: str, port: int, token: str | None, key: str) -> str:
    """The facilitator's board address: the room's token and the facilitator's secret (``key``)."""
    return room_url(host, port, token, BOARD_PATH, key=key)


def qr_svg(text: str, *, scale: int = 10) -> str:
    """A QR code of ``text`` as an SVG string, made offline, to put inside an HTML page or widget.

    Always a full QR code (never a Micro QR code, which most phone cameras cannot read), with
    error correction level M, black on white (readable on a dark page or projector too) and the
    quiet zone of four modules that scanners need. The SVG has the SVG namespace, so the same
    text is a valid ``.svg`` file, but no XML declaration (not allowed inside HTML), no script
    and no reference to anything outside it.

    Parameters
    ----------
    text : str
        What the code holds, e.g. the participants' address.
    scale : int
        Size of one module in pixels, for the SVG's width and height; in a narrower box the
        code shrinks to fit (``max-width: 100%`` with its ``viewBox``), and CSS may resize it.

    Returns
    -------
    str
        The ``<svg ...>...</svg>`` element.
    """
    code = segno.make_qr(text, error="m")  # segno raises the level further when the code's size allows
    buffer = io.BytesIO()
    # One unit per module with a viewBox (omitsize); the size in pixels is added below, so a page
    # can show the code at that size or scale it with CSS.
    code.save(buffer, kind="svg", xmldecl=False, svgns=True, nl=False, scale=1, border=_QUIET_ZONE,
              omitsize=True, dark="#000", light="#fff", svgclass="stagetok-qr", lineclass=None)
    width, height = code.symbol_size(scale=scale, border=_QUIET_ZONE)
    svg = buffer.getvalue().decode("utf-8")
    # max-width: in a narrower box (a card, a phone) the code shrinks, whole, instead of overflowing.
    size = f'width="{width}" height="{height}" style="max-width:100%;height:auto" shape-rendering="crispEdges"'
    return svg.replace("<svg ", f"<svg {size} ", 1)


def new_secret() -> str:
    """A new facilitator's secret: 32 random bytes, URL-safe (43 characters)."""
    return secrets.token_urlsafe(SECRET_BYTES)


def key_digest(key: str) -> str:
    """The SHA-256 digest of a facilitator's secret, as hex: what the kernels are given instead of it.

    A plain digest is enough here: a secret made by :func:`new_secret` has 256 random bits, so
    it cannot be found from its digest by trying. (A secret a facilitator types in
    ``$STAGETOK_FACILITATOR_TOKEN`` should be as long; the digest only keeps it out of sight.)
    """
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def facilitator_ok(given: str | None) -> bool:
    """Whether ``given`` is the facilitator's secret, checked against ``$STAGETOK_FACILITATOR_KEY_SHA256``.

    The digests are compared in constant time (:func:`secrets.compare_digest`). False when no
    digest is set (or it is empty), and when ``given`` is missing, empty or not a string.
    """
    expected = os.environ.get(FACILITATOR_HASH_ENV, "").strip().lower()
    if not expected or not isinstance(given, str) or not given:
        return False
    return secrets.compare_digest(key_digest(given), expected)
