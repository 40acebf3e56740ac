"""Reach explorer widget tests without a browser: upload, sample, scenario, download."""

import base64
import datetime as dt
import re

import pytest

from tests.conftest import ROOT
from toolkit.analytics import load_export
from toolkit.samples import SAMPLE_DIR
from toolkit.widgets.reach_explorer import CHARTS, ReachExplorer, ReachExplorerModel

GOLDEN = ROOT / "tests" / "golden"
STAMP = dt.datetime(2026, 10, 31, tzinfo=dt.UTC)


@pytest.fixture
def explorer():
    view = ReachExplorer()
    yield view
    assert view._general_messages.value == "", "a callback failed unexpectedly"


def upload(view, *names):
    view._upload.value = tuple({"name": name, "type": "", "size": len((GOLDEN / name).read_bytes()),
                                "content": memoryview((GOLDEN / name).read_bytes()), "last_modified": STAMP}
                               for name in names)


def rows(chart):
    return [row for data in chart.to_dict()["datasets"].values() for row in data]


def test_before_any_export_only_the_scenario_shows(explorer):
    assert "Nog geen export geladen" in explorer._chart_messages.value
    assert [name for name, chart in explorer.last_charts.items() if chart is not None] == ["scenario"]
    assert "Na 26 weken" in explorer._summary.value
    assert "Aanname: een gewone video krijgt 300 weergaven" in explorer._assumptions.value
    assert len(explorer._outputs["scenario"].outputs) == 1


def test_the_sample_fills_every_chart_and_is_labelled_invented(explorer):
    explorer._sample.click()
    assert all(explorer.last_charts[name] is not None for name in CHARTS)
    assert "verzonnen" in explorer._upload_messages.value
    assert explorer.model.fitted and "Geschat uit jullie eigen video" in explorer._assumptions.value
    scenario = rows(explorer.last_charts["scenario"])
    actuals = [row for row in scenario if "cumulative" in row and "cumulative_median" not in row]
    assert actuals, "the company's own weeks are drawn over the bands"


def test_uploading_zips_gives_their_charts(explorer):
    upload(explorer, "en_overview.zip", "en_content.zip")
    assert explorer.model.export.overview is not None and explorer.model.export.content is not None
    assert explorer.last_charts["daily_views"] is not None and explorer.last_charts["followers"] is None
    assert "Niet in deze export: volgers" in explorer._chart_messages.value
    daily = rows(explorer.last_charts["daily_views"])
    assert len(daily) == 60 and {"views", "rolling"} <= set(daily[0])
    assert "Geladen: en_overview.zip, en_content.zip" in explorer._upload_messages.value


@pytest.mark.parametrize("name, words", [("meta_overview.zip", "Instagram"), ("corrupt.zip", "zip"),
                                         ("picture.png", "picture.png"), ("empty_overview.csv", "leeg")])
def test_a_wrong_file_gives_the_sentence_and_keeps_the_earlier_data(explorer, name, words):
    upload(explorer, "en_overview.zip")
    before = explorer.model.export
    upload(explorer, name)
    assert words in explorer._upload_messages.value
    assert 'role="alert"' in explorer._upload_messages.value
    assert explorer.model.export is before
    assert explorer.last_charts["daily_views"] is not None


def test_titles_with_markup_stay_text(explorer, tmp_path):
    from toolkit.samples import csv_bytes, sample_tables, zip_bytes

    content = sample_tables()["Content.csv"]
    content.loc[0, "Video title"] = '<img src=x onerror="alert(1)">'
    data = zip_bytes({"Content.csv": csv_bytes(content)}, dt.date(2026, 10, 31))
    explorer._upload.value = ({"name": "Content.zip", "type": "", "size": len(data), "content": memoryview(data),
                               "last_modified": STAMP},)
    titles = [row["title"] for row in rows(explorer.last_charts["video_views"])]
    assert '<img src=x onerror="alert(1)">' in titles  # data for Vega, which draws it as text
    assert "<img" not in explorer._upload_messages.value


def test_scenario_settings_change_the_bands(explorer):
    before = explorer.model.band["cumulative_median"].iloc[-1]
    explorer._posts.value = 6
    assert explorer.model.band["cumulative_median"].iloc[-1] > before
    explorer._weeks.value = 10
    assert len(explorer.model.band) == 10 and "Na 10 weken" in explorer._summary.value
    explorer._posts.value = 0
    assert explorer.model.band["cumulative_median"].iloc[-1] == 0


def test_views_model_and_audience_are_adjustable_assumptions(explorer):
    explorer._median.value = 1000
    assert explorer.model.median == 1000 and not explorer.model.fitted
    share_before = explorer.model.summary()["share"]
    explorer._region.value = "Utrecht"
    assert explorer.model.summary()["share"] > share_before
    explorer._on_tiktok.value = 60
    assert "60 % van hen zit dagelijks op TikTok" in explorer._assumptions.value


def test_download_png_and_svg_offline(explorer):
    explorer._which.value = "scenario"
    explorer._make_image.click()
    link = explorer._download.value
    assert "download='stagetok-scenario.png'" in link
    data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)'", link).group(1))
    assert data.startswith(b"\x89PNG")
    explorer._format.value = "SVG"
    explorer._make_image.click()
    data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)'", explorer._download.value).group(1))
    assert data.lstrip().startswith(b"<svg")


def test_download_without_data_says_so(explorer):
    explorer._which.value = "followers"
    explorer._make_image.click()
    assert "laad eerst een export" in explorer._download.value


def test_language_switch(explorer):
    explorer._language.value = "en"
    assert explorer._posts.description == "Videos a week"
    assert "After 26 weeks" in explorer._summary.value
    explorer._language.value = "nl"


def test_sample_folder_is_what_the_button_loads():
    assert sorted(p.name for p in SAMPLE_DIR.glob("*.zip"))[0].startswith("Content_")


def test_the_view_shows_every_model_trait_set_from_code(explorer):
    model = explorer.model
    model.language = "en"
    assert explorer._language.value == "en" and explorer._posts.description == explorer._t("explorer.posts")
    model.export = load_export(SAMPLE_DIR)
    assert explorer.last_charts["daily_views"] is not None and "No export loaded" not in explorer._chart_messages.value
    assert model.fitted and "Estimated from your own videos" in explorer._assumptions.value
    model.posts_per_week = 7
    assert explorer._posts.value == 7 and explorer.model.band is not None
    model.weeks = 80  # beyond what the old slider could show: the slider follows the model's range
    assert explorer._weeks.value == 80 and "After 80 weeks" in explorer._summary.value
    model.median = 1234.4
    assert explorer._median.value == 1234 and "1,234 views" in explorer._assumptions.value
    model.sigma = 1.37
    assert explorer._sigma.value == 1.37 and "1.37" in explorer._assumptions.value
    model.on_tiktok = 0.42
    assert explorer._on_tiktok.value == 42 and "42%" in explorer._assumptions.value
    model.views_per_person = 2.5
    assert explorer._views_per_person.value == 2.5 and "2.5" in explorer._assumptions.value
    model.region = "Utrecht"
    assert explorer._region.value == "Utrecht"
    model.language = "nl"
    assert "1.234 weergaven" in explorer._assumptions.value and "1,37" in explorer._assumptions.value
    assert "42 %" in explorer._assumptions.value


def test_a_fitted_views_model_stays_fitted_until_someone_changes_it(explorer):
    explorer._sample.click()
    assert explorer.model.fitted
    fitted_median = explorer.model.median
    explorer._language.value = "en"  # a redraw echoes the rounded values back: not a change
    assert explorer.model.fitted and explorer.model.median == fitted_median
    explorer._sigma.value = 0.5
    assert not explorer.model.fitted and "Assumption" in explorer._assumptions.value


def test_the_example_opens_on_the_invented_export_and_start_empty_clears_it():
    explorer = ReachExplorer(ReachExplorerModel.example())
    assert explorer.model.is_example and explorer._example_bar.layout.display == "flex"
    assert all(explorer.last_charts[name] is not None for name in CHARTS)
    assert "verzonnen" in explorer._example_note.value and explorer.model.fitted
    explorer._start_empty.click()
    assert not explorer.model.is_example and explorer.model.export is None and not explorer.model.fitted
    assert explorer.last_charts["scenario"] is not None and explorer.last_charts["daily_views"] is None
    assert "Nog geen export geladen" in explorer._chart_messages.value
    assert explorer.model.median == 300 and explorer._general_messages.value == ""


def test_readouts_use_a_decimal_comma_in_dutch(explorer):
    explorer.model.sigma = 1.25
    explorer.model.views_per_person = 2.5
    readouts = {trait: label.value for label, trait, _ in explorer._readouts}
    assert readouts == {"sigma": "1,25", "on_tiktok": "30 %", "views_per_person": "2,5", "in_netherlands": "90 %",
                        "in_group": "20 %"}


def test_the_share_of_the_target_group_says_where_each_figure_comes_from(explorer):
    assert "Aanname: 90 % van de kijkers woont in Nederland" in explorer._assumptions.value
    assert "Aanname: 20 % van de Nederlandse kijkers hoort bij de doelgroep" in explorer._assumptions.value
    assert "2021 (Newcom)" in explorer._on_tiktok_note.value
    assert explorer._on_tiktok.description == "% dagelijks op TikTok"
    summary = explorer.model.summary()
    assert summary["people"] == pytest.approx(summary["median"] / 3 * 0.9 * 0.2)
    explorer._sample.click()  # the invented export: 91 % of its followers in NL
    assert explorer.model.in_netherlands == pytest.approx(0.91) and explorer.model.netherlands_from_export
    assert "Uit jullie export: 91 % van jullie volgers woont in Nederland" in explorer._assumptions.value
    explorer._in_netherlands.value = 50  # the team overrules it: now it is their assumption
    assert explorer.model.in_netherlands == 0.5 and not explorer.model.netherlands_from_export
    assert "Aanname: 50 %" in explorer._assumptions.value


def test_an_export_without_territories_keeps_the_assumption(explorer):
    upload(explorer, "en_overview.zip")
    assert explorer.model.in_netherlands == 0.9 and not explorer.model.netherlands_from_export
