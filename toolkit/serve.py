"""Serve the participant dashboards with Voila: on this computer, or for a room on the LAN."""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

import psutil

from toolkit import capacity, room
from toolkit.voila_app import TEMPLATE

#: Folder with the participant dashboards.
DASHBOARDS = Path(__file__).resolve().parent.parent / "workshops" / "dashboards"
DEFAULT_PORT = 8866
#: Seconds Voila waits for a cell's output after the cell has run before it sends the page.
IOPUB_TIMEOUT = 60
#: Where ``make start`` keeps the teams' work unless ``--data`` or ``STAGETOK_DATA`` says otherwise.
DATA_FOLDER = Path("workshop-data")


def voila_command(
    notebooks: Path | str = DASHBOARDS,
    *,
    port: int = DEFAULT_PORT,
    pool_size: int = 2,
    room: bool = False,
    token: str | None = None,
    workshop_pool: int = 0,
    capacity: int = 0,
) -> list[str]:
    """Return the Voila command line for the dashboards.

    Parameters
    ----------
    notebooks : path
        A folder of dashboards or one notebook.
    port : int
        TCP port.
    pool_size : int
        Pre-heated kernels per dashboard; 0 switches pre-heating off. Each kernel costs
        about 150 MB; on a 2-core machine a large pool slows the first pages down.
    room : bool
        Listen on every network interface (the workshop room's LAN) instead of localhost.
    token : str, optional
        Token participants must have in their URL; required when ``room`` is true.
    workshop_pool : int
        Pre-heated kernels for the workshop dashboard (the others keep one each); 0 gives it
        ``pool_size`` like the others. See :func:`toolkit.capacity.plan_room`.
    capacity : int
        Pages that may be open at once; a page beyond it gets a message (0: no cap).
    """
    if room and not token:
        raise ValueError("A room server needs a token, so that only the room can use it.")
    command = [
        # toolkit.voila_app is Voila with our page template (no CDN stylesheets) and StageTok's front door at /
        # instead of the file list.
        sys.executable, "-m", "toolkit.voila_app", str(notebooks),
        f"--template={TEMPLATE}",
        f"--port={port}",
        "--no-browser",
        f"--Voila.ip={'0.0.0.0' if room else 'localhost'}",
        "--show_tracebacks=False",
        "--strip_sources=True",
        # A page opened by its own URL has no _xsrf cookie, so Voila 0.5.13 refuses the kernel
        # shutdown it sends on close (403) and the kernel (~150 MB) would live on. Cull kernels
        # idle for 15 minutes with no page connected; open pages and the pool are never culled.
        "--MappingKernelManager.cull_idle_timeout=900",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
        # Voila waits 4 s (nbclient's default) for a cell's output after the cell has run, then
        # sends the page without it: on a busy 2-core laptop, with a room arriving at once, that
        # gave blank pages. A page that takes longer is better than a page without its dashboard.
        f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT}",
    ]
    if os.name == "posix":
        # Kernels talk to the server over Unix sockets instead of TCP ports on 127.0.0.1: a room's
        # pool starts dozens of kernels at once, and two picking the same free port killed one
        # ("Address already in use") and broke the page that took it. Windows has TCP only.
        command.append("--KernelManager.transport=ipc")
    if pool_size > 0 or workshop_pool > 0:
        command += ["--preheat_kernel=True", f"--pool_size={max(pool_size, 1)}"]
    if workshop_pool > 0:
        command.append(f"--StageTokVoila.workshop_pool={workshop_pool}")
    if capacity > 0:
        command.append(f"--StageTokVoila.capacity={capacity}")
    if token:
        command.append(f"--token={token}")
    return command


def use_data_folder(folder: Path | str) -> Path:
    """Create the workshop data folder and give its path to the kernels (``STAGETOK_DATA``).

    The kernels Voila starts inherit the variable, so every dashboard saves the teams'
    workbooks in the same store (see :mod:`toolkit.store`).
    """
    path = Path(folder).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    os.environ["STAGETOK_DATA"] = str(path)
    return path


def room_notice(port: int, token: str, key: str, data: Path, addresses: list[room.LanAddress],
                qr: Path | str) -> str:
    """The text ``make room`` prints for the facilitator: both addresses, the QR code's file.

    Parameters
    ----------
    port : int
        The server's TCP port.
    token : str
        The participants' token.
    key : str
        The facilitator's secret.
    data : Path
        The workshop data folder.
    addresses : list of LanAddress
        The computer's LAN addresses (:func:`toolkit.room.lan_addresses`); the board address
        and the QR code use the first; none gives localhost addresses and a warning.
    qr : Path or str
        The QR code's file, or why it could not be written.
    """
    lines = ["", "StageTok room"]
    if addresses:
        lines.append("Participants' address (hand it out or show the QR code; use one the room's devices can reach):")
        lines += [f"  {room.room_url(lan.address, port, token)}   [{lan.interface}]" for lan in addresses]
        host = addresses[0].address
    else:
        lines.append("No LAN address found: is this computer connected to the room's network (wifi or cable)?")
        lines.append("Until it is, the dashboards open only on this computer:")
        host = "localhost"
        lines.append(f"  {room.room_url(host, port, token)}")
    lines += [
        f"QR code of the participants' address: {qr}",
        "It has no TLS: use it only on the room's own network.",
        "",
        "Facilitator's board (keep this address to yourself: it holds the facilitator's secret):",
        f"  {room.board_url(host, port, token, key)}",
        f"The teams' work is kept in: {data}",
        "",
    ]
    return "\n".join(lines)


def sizing_notice(plan: capacity.RoomPlan) -> str:
    """What the facilitator reads about the room's size: pools, capacity, memory and warm-up."""
    lines = [f"Sized for {plan.participants} participants: {plan.workshop_pool} warm kernels for the workshop, "
             f"{plan.other_pool} for each other dashboard ({plan.pools} in all).",
             f"Capacity: {plan.capacity} pages open at once; a page beyond that gets a message to try again.",
             f"Memory: up to {plan.memory_mib / 1024:.1f} GB. Warming up takes about {plan.warm_seconds:.0f} s; "
             "the server says when the room is ready."]
    if plan.short_of_memory:
        lines.append(f"Not enough free memory for {plan.participants} warm kernels: the first "
                     f"{plan.workshop_pool} participants open at once, later ones wait for a kernel to start.")
    return "\n".join(lines)


def write_qr(data: Path, url: str) -> Path:
    """Write the QR code of ``url`` to ``room-qr.svg`` in the data folder; return the file's path."""
    path = data / room.QR_FILE
    path.write_text(room.qr_svg(url), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    """Serve the dashboards: ``python -m toolkit.serve [--room] [--port N] [--pool-size N]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--pool-size", type=int, default=2, help="warm kernels per dashboard")
    parser.add_argument("--participants", type=int, default=0,
                        help="participants expected: sizes the workshop's pool and the room's capacity")
    parser.add_argument("--room", action="store_true", help="serve the room's LAN, with a token")
    parser.add_argument("--token", default=os.environ.get("STAGETOK_TOKEN"))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("STAGETOK_DATA", DATA_FOLDER)),
                        help="folder where the teams' work is kept (default: workshop-data)")
    args = parser.parse_args(argv)
    data = use_data_folder(args.data)
    token = args.token or (secrets.token_urlsafe(12) if args.room else None)
    if args.participants < 0:
        parser.error("--participants must be 0 (not sized) or more.")
    # The capacity always follows the free memory; the workshop's own pool only when the room is sized.
    sized = capacity.plan_room(args.participants or max(args.pool_size, 1), psutil.virtual_memory().available,
                               psutil.cpu_count() or 1)
    plan = sized if args.participants else None
    command = voila_command(port=args.port, pool_size=args.pool_size, room=args.room, token=token,
                            workshop_pool=plan.workshop_pool if plan else 0, capacity=max(sized.capacity, 1))
    if args.room:
        # The facilitator's secret opens the board. The kernels Voila starts inherit its digest (and
        # the room's address), never the secret: a participant's kernel holds nothing that opens the board.
        key = os.environ.pop(room.FACILITATOR_ENV, "") or room.new_secret()
        if key == token:
            parser.error(f"{room.FACILITATOR_ENV} must differ from the participants' token.")
        os.environ[room.FACILITATOR_HASH_ENV] = room.key_digest(key)
        os.environ["STAGETOK_ROOM"] = "1"  # the workshop dashboard offers "send to the board" and follows the room
        addresses = room.lan_addresses()
        host = addresses[0].address if addresses else "localhost"
        participants = room.room_url(host, args.port, token)
        os.environ[room.ROOM_URL_ENV] = participants  # the board shows it, large and as a QR code
        try:
            qr: Path | str = write_qr(data, participants)
        except OSError as error:  # the room can run without it
            qr = f"not written ({error})"
        print(room_notice(args.port, token, key, data, addresses, qr), flush=True)
        if plan:
            print(sizing_notice(plan) + "\n", flush=True)
    else:
        url = room.room_url("localhost", args.port, token)
        print(f"\nStageTok dashboards: {url}\nThe teams' work is kept in: {data}\n", flush=True)
        if plan:
            print(sizing_notice(plan) + "\n", flush=True)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
