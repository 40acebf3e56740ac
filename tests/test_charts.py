"""Tests for toolkit.charts: chart specs, not pixels."""

import pandas as pd

from toolkit.charts import TIER_COLOURS, hashtag_mix_chart
from toolkit.hashtags import TIERS, research_sheet, suggest


def _data(spec):
    (rows,) = spec["datasets"].values()
    return rows


def test_hashtag_mix_chart_shows_looked_up_tags_coloured_by_tier():
    sheet = research_sheet(suggest(company="Jansen", profession="kok"),
                           {"#stage": 120_000, "#koklife": 800, "#jansen": 0, "#lovemyjob": 5_000_000})
    spec = hashtag_mix_chart(sheet, mix=["#stage", "#koklife"], lang="nl").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["scale"]["type"] == "symlog"
    assert spec["encoding"]["color"]["scale"]["range"] == [TIER_COLOURS[k] for k in TIERS if k != "unknown"]
    assert spec["encoding"]["x"]["axis"]["values"] == [0, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]
    assert spec["title"] == "Posts per hashtag"
    rows = {row["hashtag"]: row for row in _data(spec)}
    assert set(rows) == {"#stage", "#koklife", "#jansen", "#lovemyjob"}
    assert rows["#stage"] == {"hashtag": "#stage", "posts": 120_000, "tier": "sweet spot", "in_mix": "ja"}
    assert rows["#lovemyjob"]["tier"] == "overvol" and rows["#lovemyjob"]["in_mix"] == "nee"


def test_hashtag_mix_chart_in_english():
    sheet = research_sheet(suggest(company="Jansen"), {"#stage": 0})
    spec = hashtag_mix_chart(sheet, lang="en").to_dict()
    assert _data(spec)[0]["tier"] == "unused"
    assert spec["encoding"]["color"]["title"] == "Tier"


def test_hashtag_mix_chart_with_nothing_looked_up_has_no_rows():
    sheet = research_sheet(suggest(company="Jansen"), {})
    spec = hashtag_mix_chart(sheet).to_dict()
    assert _data(spec) == []


def test_hashtag_mix_chart_of_an_empty_sheet():
    empty = pd.DataFrame({"hashtag": [], "kind": [], "posts": pd.array([], dtype="Int64"), "tier": []})
    assert _data(hashtag_mix_chart(empty).to_dict()) == []
