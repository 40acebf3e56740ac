"""Pipeline planner widget tests without a browser: set a child's value as a participant would."""

import pytest

from toolkit.regions import NATIONAL, provinces
from toolkit.widgets.pipeline_planner import MAX_OFFERS, PipelinePlanner, PipelinePlannerModel


@pytest.fixture
def planner():
    view = PipelinePlanner(PipelinePlannerModel(now=2026))
    yield view
    assert view._general_messages.value == "", "a callback failed unexpectedly"


def offer(view, internship="mbo-bpv", interns="5", years=(2029, 2030), level=""):
    view._internship.value = internship
    view._education.value = level
    view._interns.value = interns
    view._years.value = years
    view._add.click()


def test_empty_plan_asks_for_an_offer(planner):
    assert "Voeg eerst een stage toe" in planner._result_messages.value
    assert planner.last_timeline is None and planner.last_funnel is None


def test_an_offer_gives_sentences_a_table_and_charts(planner):
    offer(planner)
    plan = planner.model.plan
    assert set(plan["school_year"]) == {2029, 2030}
    sentence = "Wie nu 15 is en in vmbo-t 3 zit, kan vanaf schooljaar 2029/30 bij jullie terecht voor een bpv-stage"
    assert sentence in planner._sentences.value
    assert "<table class='stagetok-plan'" in planner._table.value
    spec = planner.last_timeline.to_dict()
    (rows,) = spec["datasets"].values()
    assert {"vmbo-t 3", "vmbo-b 3"} <= {row["cohort"] for row in rows}
    assert {row["name"] for row in rows if row["layer"] == "internship"} == {"mbo-bpv"}
    (funnel_rows,) = planner.last_funnel.to_dict()["datasets"].values()
    assert [row["stage"] for row in funnel_rows] == ["reached", "follows", "applies", "starts"]
    assert funnel_rows[-1]["pupils"] == 5


def test_level_filter_and_hbo_offers(planner):
    offer(planner, level="mbo-2")
    assert set(planner.model.plan["track"]) == {"vmbo-b"}
    planner._internship.value = "hbo-afstudeerstage"
    assert planner._education.disabled and planner._education.value == ""
    offer(planner, internship="hbo-afstudeerstage", interns="2", years=(2032, 2032))
    assert "havo" in set(planner.model.plan["track"])


def test_region_and_funnel_change_the_numbers(planner):
    offer(planner)
    national = planner.model.plan.set_index(["school_year", "track", "grade"])
    planner._region.value = "Zeeland"
    regional = planner.model.plan.set_index(["school_year", "track", "grade"])
    share = provinces()["Zeeland"]
    assert regional["cohort_size"].round(6).equals((national["cohort_size"] * share).round(6))
    assert "CBS, 1 januari 2024" in planner._region_note.value
    before = regional["pupils_to_reach"].copy()
    planner._follows.value = 20.0  # from 10 %: half as many to reach
    after = planner.model.plan.set_index(["school_year", "track", "grade"])["pupils_to_reach"]
    assert (after * 2).round(6).equals(before.round(6))


def test_infeasible_groups_are_marked(planner):
    planner._region.value = "Zeeland"
    offer(planner, interns="5000")
    assert not planner.model.plan["feasible"].all()
    assert "stagetok-infeasible" in planner._table.value
    assert "rood gemarkeerde" in planner._result_messages.value


@pytest.mark.parametrize(
    "interns, expected",
    [("0", "minstens 1 stagiair"), ("-3", "geen aantal stagiairs"), ("veel", "geen aantal stagiairs"),
     ("", "geen aantal stagiairs"), ("99999999", "geen aantal stagiairs"), ("2.5", "geen aantal stagiairs"),
     ("<b>5</b>", "&lt;b&gt;5&lt;/b&gt;"), ("200000", "van 0 tot en met 100.000")],
)
def test_bad_demand_gives_a_dutch_message_and_keeps_the_plan(planner, interns, expected):
    offer(planner)
    before = planner.model.offer_labels()
    offer(planner, interns=interns)
    assert expected in planner._offer_messages.value.replace("100000", "100.000")
    assert planner.model.offer_labels() == before


def test_zero_conversion_is_refused_and_the_old_funnel_kept(planner):
    offer(planner)
    planner._starts.value = 0.0
    assert "groter zijn dan 0" in planner._funnel_messages.value
    assert planner.model.starts == 0.5
    planner._starts.value = 40.0
    assert planner._funnel_messages.value == ""


def test_mbo_split_is_an_assumption_that_changes_routes(planner):
    offer(planner, level="mbo-3")
    assert len(planner.model.plan)
    planner._mbo4_k.value = 100.0
    planner._mbo4_gt.value = 100.0
    assert planner.model.plan.empty
    assert "Kies latere schooljaren" in planner._result_messages.value
    assert "Aanname" in planner._assumption_note.value


def test_removing_offers_and_the_limit(planner):
    for _ in range(MAX_OFFERS):
        offer(planner)
    offer(planner)
    assert len(planner.model.offers) == MAX_OFFERS
    assert str(MAX_OFFERS) in planner._offer_messages.value
    planner._offers.index = 0
    planner._remove.click()
    assert len(planner.model.offers) == MAX_OFFERS - 1


def test_language_switch(planner):
    offer(planner)
    planner._language.value = "en"
    assert planner._interns.description == "Interns a year"
    assert "can do a mbo work placement (bpv) with you" in planner._sentences.value
    planner._language.value = "nl"
    assert planner._interns.description == "Stagiairs per jaar"


def test_model_refuses_unknown_region():
    model = PipelinePlannerModel(now=2026)
    model.set_region("Atlantis")
    assert model.region == NATIONAL and "region" in model.problems


def test_the_view_shows_every_model_trait_set_from_code(planner):
    model = planner.model
    model.language = "en"
    assert planner._language.value == "en" and planner._interns.description == "Interns a year"
    model.offers = [{"internship": "mbo-bpv", "education": "", "interns": 5, "first_year": 2029, "last_year": 2030}]
    assert planner._offers.options == ("5 work-placement interns (mbo), 2029/30–2030/31",)
    assert "<table class='stagetok-plan'" in planner._table.value and planner.last_timeline is not None
    model.region = "Zeeland"
    assert planner._region.value == "Zeeland" and "Zeeland" not in planner._region_note.value
    share = f"{provinces()['Zeeland'] * 100:.1f}%"
    assert f"has {share} of the inhabitants" in planner._region_note.value
    for name, slider in (("follows", planner._follows), ("applies", planner._applies), ("starts", planner._starts),
                         ("mbo4_k", planner._mbo4_k), ("mbo4_gt", planner._mbo4_gt), ("bbl", planner._bbl)):
        setattr(model, name, 0.25)
        assert slider.value == 25.0, name
    assert "1.56%" in planner._funnel_note.value  # 25 % x 25 % x 25 %
    model.now = 2030
    assert planner._years.options[0] == ("2030/31", 2030)
    model.language = "nl"
    assert "1,56 %" in planner._funnel_note.value and planner._interns.description == "Stagiairs per jaar"


def test_model_refuses_impossible_values_from_code():
    model = PipelinePlannerModel(now=2026)
    with pytest.raises(Exception, match="Atlantis"):
        model.region = "Atlantis"
    with pytest.raises(Exception, match="share between 0 and 1"):
        model.follows = 0
    assert model.region == NATIONAL and model.follows == 0.10


def test_the_example_opens_with_a_plan_and_charts_and_start_empty_clears_it():
    planner = PipelinePlanner(PipelinePlannerModel.example(now=2026))
    assert planner.model.is_example and planner._example_bar.layout.display == "flex"
    (offer,) = planner.model.offers
    assert (offer["internship"], offer["education"], offer["first_year"], offer["last_year"]) == (
        "mbo-bpv", "mbo-4", 2028, 2029)
    assert planner.last_timeline is not None and planner.last_funnel is not None
    planner._start_empty.click()
    assert not planner.model.is_example and planner.model.offers == []
    assert planner.last_timeline is None and "Voeg eerst een stage toe" in planner._result_messages.value
    assert planner._general_messages.value == ""


def test_sliders_show_their_value_the_dutch_way(planner):
    planner.model.follows = 0.125
    labels = [label.value for label, trait, _ in planner._readouts if trait == "follows"]
    assert labels == ["12,5 %"] and planner._follows.readout is False
    planner.model.language = "en"
    assert [label.value for label, trait, _ in planner._readouts if trait == "follows"] == ["12.5%"]


def test_the_answer_comes_first_and_the_detail_sits_behind_a_fold():
    planner = PipelinePlanner(PipelinePlannerModel.example(now=2026))
    (answer,) = planner.model.answers()
    best = answer["best"]
    expected = round(2 / planner.model.plan.set_index(["school_year", "track", "grade"]).loc[
        (2028, best["track"], best["grade"]), "share"] / planner.model.conversion)
    text = planner._answer.value
    reach = f"{expected:,}".replace(",", ".")
    assert f"Voor 2 bpv-stagiairs mbo-4, 2028/29–2029/30: bereik nu ongeveer {reach} leerlingen" in text
    assert "kunnen in schooljaar 2028/29 bij jullie beginnen" in text
    assert "In heel Nederland heeft elke groep genoeg leerlingen." in text
    children = planner.children
    assert children.index(planner._answer) < children.index(planner._details)
    assert planner._details.selected_index is None, "the detail is folded away"
    assert planner._details.children == (planner._sentences, planner._table, planner._timeline)
    assert planner._details.get_title(1) == "Per groep en schooljaar"


def test_the_answer_says_when_the_region_has_too_few_pupils(planner):
    offer(planner, interns="400", years=(2029, 2029))
    planner._region.value = "Zeeland"
    assert "In Zeeland zijn er te weinig leerlingen in" in planner._answer.value
    planner.model.language = "en"
    assert "In Zeeland there are too few pupils in" in planner._answer.value
    assert planner._details.get_title(0) == "Who can start when?"


def test_the_bbl_share_is_an_assumption_on_screen_that_changes_the_plan(planner):
    assert "Aanname" in planner._modes_note.value and "Summa College" in planner._modes_note.value
    offer(planner, internship="mbo-bbl", interns="2", years=(2029, 2029))
    before = planner.model.plan["pupils_to_reach"].min()
    planner._bbl.value = planner._bbl.value / 2  # half as many pupils in bbl: twice as many to reach
    assert planner.model.plan["pupils_to_reach"].min() == pytest.approx(before * 2)
