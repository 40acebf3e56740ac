"""The plan step without a browser: the team's actions, what is filled in, and the plan's downloads."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import re

import pytest

from toolkit import journey, workbook
from toolkit.widgets.plan import ACTIONS, MAX_ACTION, PlanModel, PlanStep, filled_steps

HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "🔧 \u202eabc", "x" * 10_000, "a\x00b"]


def test_an_empty_workbook_has_every_step_open_and_a_filled_section_shows():
    assert filled_steps(workbook.Workbook()) == [(step.id, False) for step in journey.STEPS]
    book = workbook.Workbook(team=workbook.Team(code="K7QM-3XTA"), ideas=(workbook.Idea("Een idee"),),
                             challenge=workbook.Challenge(name="Raad het onderdeel"))
    filled = dict(filled_steps(book))
    assert not filled["welcome"]  # a code alone is not the team's doing
    assert filled["irony"] and filled["content"] and not filled["plan"]
    assert dict(filled_steps(dataclasses.replace(book, team=workbook.Team(name="Team"))))["welcome"]


def test_the_view_shows_what_the_model_holds():
    model = PlanModel()
    view = PlanStep(model)
    model.actions, model.owner, model.first_post = ["Een", "Twee", ""], "Sanne", "2027-01-15"
    assert [field.value for field in view._actions] == ["Een", "Twee", ""]
    assert view._owner.value == "Sanne" and view._first_post.value == dt.date(2027, 1, 15)
    view._actions[2].value = "Drie"
    assert model.actions == ["Een", "Twee", "Drie"]
    assert model.to_sections()["plan"] == workbook.Plan(actions=("Een", "Twee", "Drie"), owner="Sanne",
                                                        first_post="2027-01-15")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_kept_as_text_or_refused_keeping_the_earlier_action(text):
    model = PlanModel()
    view = PlanStep(model)
    model.set_action(0, "Eerder")
    view._actions[0].value = text
    if len(text) > MAX_ACTION or "\x00" in text:
        assert model.actions[0] == "Eerder" and model.problems
        assert "vorige tekst blijft staan" in view._messages.value
    else:
        assert model.actions[0] == text
    assert "<script" not in view._messages.value and "<img" not in view._messages.value


def test_the_plan_is_made_on_request_with_the_latest_actions_and_forgotten_on_a_change():
    model = PlanModel()
    view = PlanStep(model)
    model.restore(workbook.Workbook(team=workbook.Team(name="Team <b>X</b>", company="Garage"),
                                    plan=workbook.Plan(actions=("Oud",))))
    model.set_action(1, "Account <script>vastleggen</script>")
    assert "Welkom" in view._overview.value and "✔" in view._overview.value  # welcome and plan are filled
    view._make.click()
    links = dict(re.findall(r"download='([^']+)' href='data:[^;]+;base64,([^']+)'", view._links.value))
    assert set(links) == {"actieplan-garage.html", "actieplan-garage.md"}
    page = base64.b64decode(links["actieplan-garage.html"]).decode("utf-8")
    assert "&lt;script&gt;vastleggen" in page and "<script" not in page and "Oud" in page
    model.set_owner("Sanne")
    assert view._links.value == ""  # a plan made before the change is not offered any more


def test_restore_keeps_what_fits_and_the_example_is_marked():
    model = PlanModel()
    model.restore(workbook.Workbook(plan=workbook.Plan(actions=("a", "b", "c", "d"), owner="o" * 500,
                                                       first_post="niet een datum")))
    assert model.actions == ["a", "b", "c"] and len(model.owner) == 200 and model.first_post == ""
    assert len(model.actions) == ACTIONS and not model.is_example
    example = PlanModel.example()
    assert example.is_example and all(example.actions)
    view = PlanStep(example)
    assert view._example_bar.layout.display == "flex"
    view._start_empty.click()
    assert model.to_sections()["plan"].actions == ("a", "b", "c") and example.actions == [""] * ACTIONS
