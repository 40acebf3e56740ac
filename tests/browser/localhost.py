"""Helpers for this machine only: free ports, HTTP checks without a proxy, processes from /proc.

Shared by the browser tests and the benchmarks, so both start, find, measure and stop Voila's
processes the same way, and tell local URLs from the rest alike.
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
from urllib.parse import urlsplit

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
#: Every URL that is not on this computer: for Playwright routes, so that only these are
#: intercepted and local requests are not slowed down by a round trip to Python. (data: and
#: blob: URLs match too; :func:`is_local` tells them apart.)
NON_LOCAL = re.compile(r"^(?!(https?|wss?)://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?([/?#]|$))")


class VoilaError(RuntimeError):
    """Voila exited or did not answer; the message ends with the tail of its log."""


def is_local(url: str) -> bool:
    """True for a URL on this computer (and for data:/blob: URLs, which never leave it)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return True
    return (parts.hostname or "") in LOCAL_HOSTS


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


def log_tail(path: Path, chars: int = 8000) -> str:
    """The end of a log file, or a note that there is none."""
    try:
        return Path(path).read_text(errors="replace")[-chars:]
    except OSError:
        return "(no server log)"


@contextlib.contextmanager
def voila(notebooks: Path | str, *, pool_size: int, log_path: Path, cwd: Path,
          start_timeout: float = 60, stop_timeout: float = 20, **options):
    """Run Voila with the project's command line on a free port; yield (base URL, process).

    Waits until the server answers on its tree page (which uses no kernel: asking for a
    dashboard here would use up a pre-heated kernel), raises :class:`VoilaError` when Voila
    exits or does not answer within ``start_timeout`` seconds, and always stops the server
    and every kernel it started. ``options`` go to ``voila_command`` (e.g. ``capacity``).
    """
    # Imported here: ``toolkit`` loads Altair, and the port and /proc helpers need none of it.
    from toolkit.serve import voila_command

    port = free_port()
    command = voila_command(notebooks, port=port, pool_size=pool_size, **options)
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base_url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while http_status(f"{base_url}/") != 200:
            if process.poll() is not None:
                raise VoilaError(f"Voila exited with code {process.returncode} before answering.\n"
                                 f"Command: {' '.join(command)}\nServer log:\n{log_tail(log_path)}")
            if time.monotonic() > deadline:
                raise VoilaError(f"Voila did not answer on {base_url} within {start_timeout} s.\n"
                                 f"Command: {' '.join(command)}\nServer log:\n{log_tail(log_path)}")
            time.sleep(0.2)
        yield base_url, process
    finally:
        stop_voila(process, timeout=stop_timeout)


def refuse_outside(page, record) -> None:
    """Let ``page`` reach only this computer, keeping on ``record`` what it asked and what was refused.

    ``record`` has lists ``requested`` (every URL), ``blocked`` (refused: not for localhost,
    websockets included) and ``page_errors`` (uncaught JavaScript errors). Every request is
    routed, so that ``requested`` lists them all; Playwright turns the browser's cache off for
    a page that routes.
    """

    def refuse_non_local(route):
        record.requested.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            record.blocked.append(route.request.url)
            route.abort()

    def refuse_websocket(ws_route):
        record.blocked.append(ws_route.url)
        ws_route.close()

    page.route("**/*", refuse_non_local)
    page.route_web_socket(NON_LOCAL, refuse_websocket)  # the kernel's own socket is local: not routed
    page.on("pageerror", lambda error: record.page_errors.append(str(error)))
