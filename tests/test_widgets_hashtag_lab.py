"""Hashtag Lab widget tests without a browser: set a child's value as a participant would."""

import pytest
import traitlets

from toolkit.widgets.hashtag_lab import MAX_TAGS, HashtagLab, HashtagLabModel


@pytest.fixture
def lab():
    view = HashtagLab()
    yield view
    # No callback may have failed unexpectedly (a failure shows only this friendly message).
    if not getattr(view, "expect_unexpected", False):
        assert view._general_messages.value == ""


def fill(lab, company="Garage de Vries", profession="monteur"):
    lab._company.value = company
    lab._profession.value = profession


def type_posts(lab, tag, text):
    lab._row_widgets[tag][0].value = text


def chart_rows(lab):
    (rows,) = lab.last_chart.to_dict()["datasets"].values()
    return {row["hashtag"]: row for row in rows}


def test_typing_a_company_and_profession_suggests_tags(lab):
    fill(lab)
    tags = list(lab.model.tags["hashtag"])
    assert "#werkenbijgaragedevries" in tags and "#monteurlife" in tags
    assert list(lab._row_widgets) == tags
    assert "14 hashtags" in lab._suggest_messages.value  # with the short #werkenbijdevries
    assert lab.last_chart is None and "Nog geen aantallen" in lab._chart_messages.value


def test_post_counts_give_tiers_a_mix_a_chart_and_a_caption(lab):
    fill(lab)
    type_posts(lab, "#stage", "120.000")
    type_posts(lab, "#monteurlife", "800")
    type_posts(lab, "#lovemyjob", "5 mln")
    assert lab.model.posts == {"#stage": 120_000, "#monteurlife": 800, "#lovemyjob": 5_000_000}
    assert "sweet spot" in lab._row_widgets["#stage"][1].value
    assert lab.model.mix == ["#werkenbijgaragedevries", "#stage", "#monteurlife", "#lovemyjob"]
    assert lab.model.chosen == lab.model.mix
    assert list(lab._chosen.value) == lab.model.mix
    rows = chart_rows(lab)
    assert rows["#stage"]["posts"] == 120_000 and rows["#stage"]["in_mix"] == "ja"
    lab._caption_text.value = "Mijn eerste week"
    assert lab.model.caption.startswith("Mijn eerste week\n\n#werkenbijgaragedevries #stage")
    assert "4 hashtags" in lab._caption_stats.value


def test_choosing_tags_by_hand_then_back_to_the_mix(lab):
    fill(lab)
    type_posts(lab, "#stage", "120000")
    lab._chosen.value = ("#stage", "#hbo")
    assert lab.model.chosen == ["#stage", "#hbo"] and not lab.model.follow_mix
    type_posts(lab, "#hbo", "50000")  # a new count does not overrule the team's choice
    assert lab.model.chosen == ["#stage", "#hbo"]
    assert chart_rows(lab)["#hbo"]["in_mix"] == "ja"
    lab._use_mix.click()
    assert lab.model.chosen == lab.model.mix


def test_a_wrong_post_count_gives_a_message_and_keeps_the_old_value(lab):
    fill(lab)
    type_posts(lab, "#stage", "120000")
    type_posts(lab, "#stage", "veel<b>")
    assert lab.model.posts["#stage"] == 120_000
    assert "geen aantal posts" in lab._table_messages.value
    assert "&lt;b&gt;" in lab._table_messages.value and "<b>" not in lab._table_messages.value
    type_posts(lab, "#stage", "130000")
    assert lab._table_messages.value == ""


def test_thresholds_change_tiers_and_refuse_a_wrong_order(lab):
    fill(lab)
    type_posts(lab, "#stage", "5000")
    assert lab.model.sheet.set_index("hashtag").loc["#stage", "tier"] == "niche"
    lab._sweet_spot.value = 1000
    assert lab.model.sheet.set_index("hashtag").loc["#stage", "tier"] == "sweet_spot"
    assert "1.000" in lab._threshold_rule.value
    lab._overused.value = 500
    assert lab.model.overused == 1_000_000
    assert "grenzen kloppen niet" in lab._threshold_messages.value


def test_adding_an_own_tag(lab):
    fill(lab)
    lab._own_tag.value = "zomerstage"
    assert "#zomerstage" in list(lab.model.tags["hashtag"])
    assert lab._own_tag.value == ""
    lab._own_tag.value = "#ZomerStage"
    assert "staat al in de lijst" in lab._own_messages.value
    lab._own_tag.value = "#zomer stage🔥"
    assert "spaties" in lab._own_messages.value and "Emoji" in lab._own_messages.value
    fill(lab, company="Garage de Vries", profession="kok")  # new suggestions keep own tags
    assert "#zomerstage" in list(lab.model.tags["hashtag"])


def test_the_tag_list_is_bounded(lab):
    fill(lab)
    for i in range(MAX_TAGS + 5):
        lab._own_tag.value = f"#tag{i}"
    assert len(lab.model.tags) == MAX_TAGS
    assert str(MAX_TAGS) in lab._own_messages.value


@pytest.mark.parametrize(
    "company, expected",
    [
        ("", "Vul eerst de naam"),
        ("   ", "Vul eerst de naam"),
        ("🔥🔥", "geen bruikbare hashtag"),
        ("\u202e\u200f", "geen bruikbare hashtag"),
        ("x" * 10_000, "te lang"),
    ],
)
def test_bad_company_names_give_a_dutch_message_and_keep_earlier_tags(lab, company, expected):
    fill(lab)
    before = list(lab.model.tags["hashtag"])
    lab._company.value = company
    lab._suggest.click()
    assert expected in lab._suggest_messages.value
    assert list(lab.model.tags["hashtag"]) == before


def test_html_and_script_in_a_company_name_are_never_markup(lab):
    fill(lab, company='<img src=x onerror="alert(1)"> <b>vet</b>')
    assert all(tag.startswith("#") and "<" not in tag for tag in lab.model.tags["hashtag"])
    lab._caption_text.value = "<script>alert(1)</script>"
    assert "<script>" not in lab._caption_preview.value
    assert "&lt;script&gt;" in lab._caption_preview.value


def test_right_to_left_and_control_characters(lab):
    fill(lab, company="شركة النور", profession="طباخ\x00")
    assert "#شركةالنور" in list(lab.model.tags["hashtag"])
    assert "#طباخlife" in list(lab.model.tags["hashtag"])


def test_a_long_caption_is_flagged_not_cut(lab):
    fill(lab)
    lab._caption_text.value = "x" * 2300
    assert len(lab.model.caption_text) == 2300
    assert "te lang" in lab._caption_stats.value


def test_language_switch_translates_labels_and_messages(lab):
    fill(lab)
    type_posts(lab, "#stage", "abc")
    lab._language.value = "en"
    assert lab._company.description == "Company"
    assert "not a number of posts" in lab._table_messages.value
    assert "hashtags to look up" in lab._suggest_messages.value
    lab._language.value = "nl"
    assert lab._company.description == "Bedrijf"


def test_an_unexpected_error_becomes_a_friendly_message(lab, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(lab.model, "make_suggestions", broken)
    lab.expect_unexpected = True
    lab._company.value = "Jansen"
    assert "Er ging iets mis" in lab._general_messages.value
    assert "boom" not in lab._general_messages.value


def test_model_validates_language_and_bounds_fields():
    model = HashtagLabModel()
    with pytest.raises(traitlets.TraitError):
        model.language = "de"
    model.company = "y" * 5000
    assert len(model.company) == 500


def test_the_view_shows_every_model_trait_set_from_code(lab):
    model = lab.model
    model.language = "en"
    assert lab._language.value == "en" and lab._company.description == "Company"
    model.company = "Garage de Vries"
    assert lab._company.value == "Garage de Vries" and "#werkenbijgaragedevries" in lab._row_widgets
    model.profession = "monteur"
    assert lab._profession.value == "monteur" and "#monteurlife" in lab._row_widgets
    model.challenge = "sleutelchallenge"
    assert lab._challenge.value == "sleutelchallenge" and "#sleutelchallenge" in lab._row_widgets
    model.posts = {"#stage": 120_000, "#monteurlife": 800}
    assert lab._row_widgets["#stage"][0].value == "120,000"  # English grouping, as the language is English
    assert "sweet spot" in lab._row_widgets["#stage"][1].value
    assert chart_rows(lab)["#stage"]["posts"] == 120_000
    model.sweet_spot = 200_000
    assert lab._sweet_spot.value == 200_000 and "200,000" in lab._threshold_rule.value
    assert "niche" in lab._row_widgets["#stage"][1].value
    model.overused = 5_000_000
    assert lab._overused.value == 5_000_000 and "5,000,000" in lab._threshold_rule.value
    model.chosen = ["#stage", "#monteurlife"]
    assert lab._chosen.value == ["#stage", "#monteurlife"]
    model.caption_text = "Onze eerste week"
    assert lab._caption_text.value == "Onze eerste week"
    assert "Onze eerste week" in lab._caption_preview.value and "#stage #monteurlife" in lab._caption_preview.value
    model.problems = {"posts:#stage": [("posts.not_a_number", {"value": "veel"})]}
    assert "not a number of posts" in lab._table_messages.value
    model.language = "nl"
    assert lab._language.value == "nl" and lab._company.description == "Bedrijf"
    assert "geen aantal posts" in lab._table_messages.value and "200.000" in lab._threshold_rule.value


def test_a_refused_threshold_stays_in_view_with_its_message_and_the_model_keeps_its_value(lab):
    lab._sweet_spot.value = 5_000_000  # above the overused limit
    assert lab.model.sweet_spot == 10_000 and "grenzen kloppen niet" in lab._threshold_messages.value
    lab._overused.value = 9_000_000  # now the typed sweet spot fits: both fields are read
    assert (lab.model.sweet_spot, lab.model.overused) == (5_000_000, 9_000_000)
    assert lab._threshold_messages.value == ""


def test_the_model_alone_suggests_and_refuses_thresholds_from_code():
    model = HashtagLabModel(company="Bakkerij Jansen")
    assert "#werkenbijbakkerijjansen" in list(model.tags["hashtag"])
    with pytest.raises(traitlets.TraitError, match="sweet spot|grenzen"):
        model.sweet_spot = 2_000_000  # above overused: a programming error, not a participant's
    assert model.sweet_spot == 10_000


def test_the_example_opens_with_a_chart_and_is_labelled_and_start_empty_clears_it():
    from toolkit import examples

    lab = HashtagLab(HashtagLabModel.example())
    assert lab.model.is_example and lab._example_bar.layout.display == "flex"
    assert "verzonnen" in lab._example_note.value
    assert lab.model.company == examples.COMPANY and lab._company.value == examples.COMPANY
    assert lab.last_chart is not None and set(chart_rows(lab)) == set(examples.POSTS)
    assert lab.model.chosen, "the example has a mix and a caption"
    lab._start_empty.click()
    assert not lab.model.is_example and lab._example_bar.layout.display == "none"
    assert lab.model.company == "" and lab.model.posts == {} and lab.model.tags.empty
    assert lab.last_chart is None and lab._company.value == ""
    assert lab._general_messages.value == ""


def test_misleading_tags_get_a_warning_beside_them(lab):
    fill(lab)
    notes = {tag: labels[2].value for tag, labels in lab._row_labels.items()}
    assert "podia" in notes["#stage"] and "HBO" in notes["#hbo"]
    assert notes["#stagiair"] == ""
    lab._language.value = "en"
    assert "TV channel" in lab._row_labels["#hbo"][2].value
