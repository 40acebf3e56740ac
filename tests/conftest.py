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
