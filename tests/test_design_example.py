"""The pattern's example in docs/design.md runs as written, and behaves as the pattern says."""

import re

import ipywidgets as widgets
import pytest
import traitlets

from tests.conftest import ROOT
from toolkit import i18n
from toolkit.i18n import TextError
from toolkit.widgets.common import ToolModel, ToolView, fixed_look, is_shared
from toolkit.widgets.markup import assumption_html

TEXTS = {
    "tagline.title": ("Slogan", "Tagline"),
    "tagline.intro": ("Een zin over jullie bedrijf.", "One sentence about your company."),
    "tagline.step1": ("1. Schrijf jullie slogan", "1. Write your tagline"),
    "tagline.label": ("Slogan", "Tagline"),
    "tagline.preview": ("Zo staat het er: {text}", "This is how it reads: {text}"),
    "tagline.too_long": ("Hoogstens {max} tekens.", "At most {max} characters."),
}


@pytest.fixture
def example(monkeypatch):
    for key, (nl, en) in TEXTS.items():
        monkeypatch.setitem(i18n.CATALOGUE, key, {"nl": nl, "en": en})
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"A new tool copies this shape:\n\n```python\n(.*?)```", text, flags=re.S)
    namespace = {"traitlets": traitlets, "widgets": widgets, "ToolModel": ToolModel, "ToolView": ToolView,
                 "TextError": TextError, "assumption_html": assumption_html, "fixed_look": fixed_look}
    exec(compile(code, "docs/design.md", "exec"), namespace)  # noqa: S102 - our own documentation
    return namespace["Tagline"]


def test_the_documented_tool_follows_its_model_and_refuses_with_a_message(example):
    view = example()
    assert "Slogan" in view.children[0].children[0].value
    view.model.tagline = "Bakken met <b>lef</b>"
    assert view._field.value == "Bakken met <b>lef</b>"
    assert "&lt;b&gt;lef" in view._preview.value and "<b>" not in view._preview.value
    view._field.value = "x" * 81
    assert view.model.tagline == "Bakken met <b>lef</b>" and "Hoogstens 80 tekens" in view._messages.value
    view._field.value = "  Vers elke dag  "
    assert view.model.tagline == "Vers elke dag" and view._messages.value == ""
    view.model.language = "en"
    assert view._language.value == "en" and "This is how it reads: Vers elke dag" in view._preview.value


def test_the_documented_tool_shares_its_looks(example):
    first, second = example(), example()
    assert is_shared(first._preview.layout) and first._preview.layout is second._messages.layout
    assert is_shared(first._field.style) and first._field.style is second._field.style
    assert first._field.style.description_width == first.label_width
