"""Helpers for this machine only: free ports, HTTP checks without a proxy, processes from /proc.

Shared by the browser tests and the benchmarks, so both find, measure and stop Voila's
processes the same way.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
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


def kernels_of(server_pid: int) -> dict[int, str]:
    """The ipykernel children of a Voila server: pid -> command line."""
    return {pid: cmd for pid, ppid, cmd in processes() if ppid == server_pid and "ipykernel" in cmd}


def kernel_pids(server_pid: int) -> list[int]:
    """PIDs of the ipykernel processes that are children of the Voila server."""
    return list(kernels_of(server_pid))


def _proc_stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2:].split()  # fields from 3 (state) on; comm may hold spaces


def start_time(pid: int) -> int | None:
    """Start time of a process (field 22 of /proc/<pid>/stat), to never signal a reused pid."""
    fields = _proc_stat(pid)
    return int(fields[19]) if fields else None


def cpu_ticks(pids) -> int:
    """CPU time (user + system, in clock ticks) used so far by ``pids`` together."""
    total = 0
    for pid in pids:
        fields = _proc_stat(pid)
        if fields:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total


def vmrss_mib(pid: int) -> float | None:
    """Resident memory of a process in MiB (VmRSS), or None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def stop_voila(process: subprocess.Popen, timeout: float = 20) -> None:
    """Stop a Voila server started in a session of its own, and any of its kernels that outlive it."""
    kernels = {pid: start_time(pid) for pid in kernel_pids(process.pid)} if process.poll() is None else {}
    if process.poll() is None:
        process.terminate()  # Voila shuts its kernels down on SIGTERM
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # its own session: start_new_session=True
            process.wait(timeout=10)
    deadline = time.monotonic() + 5
    for pid, started in kernels.items():  # kernels run in sessions of their own
        while started is not None and start_time(pid) == started and time.monotonic() < deadline:
            time.sleep(0.1)
        if started is not None and start_time(pid) == started:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


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
