"""This machine only: free ports, HTTP checks without a proxy, and processes read from /proc."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from pathlib import Path


def processes():
    """(pid, ppid, command line) of every process we may read."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        ppid = re.search(r"^PPid:\s*(\d+)", status, re.MULTILINE)
        yield int(entry.name), int(ppid.group(1)) if ppid else 0, cmdline


def kernel_pids(server_pid: int) -> list[int]:
    """PIDs of the ipykernel processes that are children of the Voila server."""
    return [pid for pid, ppid, cmd in processes() if ppid == server_pid and "ipykernel" in cmd]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_status(url: str) -> int | None:
    """The HTTP status of ``url``, or None when nothing answers within 2 s."""
    # No proxy, whatever the environment says: this traffic must stay on localhost.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None
