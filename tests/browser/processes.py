"""Processes of this machine, read from /proc: the kernels a Voila server started."""

from __future__ import annotations

import re
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
