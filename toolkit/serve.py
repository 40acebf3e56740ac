"""Serve the participant dashboards with Voila: on this computer, or for a room on the LAN."""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from pathlib import Path

from toolkit.voila_app import TEMPLATE

#: Folder with the participant dashboards.
DASHBOARDS = Path(__file__).resolve().parent.parent / "workshops" / "dashboards"
DEFAULT_PORT = 8866
#: Where ``make start`` keeps the teams' work unless ``--data`` or ``STAGETOK_DATA`` says otherwise.
DATA_FOLDER = Path("workshop-data")


def voila_command(
    notebooks: Path | str = DASHBOARDS,
    *,
    port: int = DEFAULT_PORT,
    pool_size: int = 2,
    room: bool = False,
    token: str | None = None,
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
    ]
    if pool_size > 0:
        command += ["--preheat_kernel=True", f"--pool_size={pool_size}"]
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


def lan_address() -> str:
    """Find the computer's first non-loopback IPv4 address, from its own host name (no traffic)."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return "127.0.0.1"
    for *_, sockaddr in infos:
        if not sockaddr[0].startswith("127."):
            return sockaddr[0]
    return "127.0.0.1"


def main(argv: list[str] | None = None) -> None:
    """Serve the dashboards: ``python -m toolkit.serve [--room] [--port N] [--pool-size N]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--pool-size", type=int, default=2)
    parser.add_argument("--room", action="store_true", help="serve the room's LAN, with a token")
    parser.add_argument("--token", default=os.environ.get("STAGETOK_TOKEN"))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("STAGETOK_DATA", DATA_FOLDER)),
                        help="folder where the teams' work is kept (default: workshop-data)")
    args = parser.parse_args(argv)
    data = use_data_folder(args.data)
    token = args.token or (secrets.token_urlsafe(12) if args.room else None)
    command = voila_command(port=args.port, pool_size=args.pool_size, room=args.room, token=token)
    host = lan_address() if args.room else "localhost"
    url = f"http://{host}:{args.port}/"
    if token:
        url += f"?token={token}"
    print(f"\nStageTok dashboards: {url}\nThe teams' work is kept in: {data}\n", flush=True)
    if args.room:
        print("Give participants this address (it has no TLS: use it only on the room's own network).", flush=True)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
