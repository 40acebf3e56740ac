"""Shared test fixtures: paths, and Dutch as the language every test starts from."""

import pathlib

import pytest

from toolkit import i18n

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORKSHOPS = ROOT / "workshops"


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
