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
