"""Tests for toolkit.handouts and the facilitator's guide: standalone, escaped, made from the toolkit's data."""

import datetime as dt
import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pandas as pd
import pytest

from tests.conftest import ROOT, WORKSHOPS
from toolkit import handouts, hashtags, journey, pipeline, safety
from toolkit.handouts import HANDOUTS, calendar_rows, recorded_school_year, render, render_markdown, write
from toolkit.i18n import format_school_year, t

FOLDER = WORKSHOPS / "facilitator"
GUIDE = FOLDER / "FACILITATOR.md"
BINDER = "https://mybinder.org/v2/gh/stagetok/stagetok/main?urlpath="
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script> & <b>vet</b> | `code` *ster*'


def escaped(text: str) -> str:
    return html.escape(text, quote=True)


# --- every hand-out ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", HANDOUTS)
def test_a_handout_is_one_standalone_page_for_a4_print(name):
    page = render(name, school_year=2026)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert "<style>" in page and "@page { size: A4" in page and "@media print" in page
    lowered = page.lower()
    for forbidden in ("<script", "http://", "https://", "<link", "<iframe", "<img", " src=", "href=", "url(",
                      "@import", "javascript:"):
        assert forbidden not in lowered, forbidden
    assert page.count("<h1>") == 1 and "</html>" in page
    assert escaped(t("handout.footer")) in page


@pytest.mark.parametrize("name", HANDOUTS)
def test_the_markdown_twin_has_the_same_title_and_no_markup_or_links(name):
    text = render_markdown(name, school_year=2026)
    page = render(name, school_year=2026)
    title = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert f"# {html.unescape(title)}" in text
    lowered = text.lower()
    for forbidden in ("<script", "<img", "http://", "https://", "javascript:"):
        assert forbidden not in lowered, forbidden


def test_text_from_the_data_is_escaped_in_html_and_markdown(monkeypatch):
    table = safety.checklist()
    table.loc[0, "text_nl"] = HOSTILE
    table.loc[1, "source"] = HOSTILE
    monkeypatch.setattr(safety, "checklist", lambda: table.copy())
    page = render("safety")
    assert escaped(HOSTILE) in page and "<script" not in page and "<img" not in page
    text = render_markdown("safety")
    assert "<script" not in text and "<img" not in text and "&lt;script&gt;" in text
    assert "&amp;" in text and "\\|" in text and "\\`code\\`" in text and "\\*ster\\*" in text
    monkeypatch.setattr(hashtags, "MISLEADING_TAGS", {"#<script>": "tag.warn_stage"})
    page = render("hashtags")
    assert "#&lt;script&gt;" in page and "<script" not in page


def test_an_unknown_handout_is_refused():
    with pytest.raises(KeyError, match="tips, hashtags, calendar, safety"):
        render("posters")
    with pytest.raises(ValueError):
        render("tips", lang="de")


def test_english_works():
    page = render("tips", lang="en")
    assert '<html lang="en">' in page and "Five tips for TikTok and interns" in page
    assert "Tip 1: be early" in page
    assert "Who can be your intern, and when?" in render_markdown("calendar", lang="en", school_year=2026)


# --- the committed files -------------------------------------------------------------------------------
def test_the_committed_handouts_are_what_the_code_makes(tmp_path):
    year = recorded_school_year((FOLDER / "handout_calendar.html").read_text(encoding="utf-8"))
    assert year is not None, "the committed calendar records its school year"
    assert recorded_school_year((FOLDER / "handout_calendar.md").read_text(encoding="utf-8")) == year
    written = write(tmp_path, school_year=year)
    assert [path.name for path in written] == [name for handout in HANDOUTS for name in handouts.file_names(handout)]
    for path in written:
        committed = FOLDER / path.name
        assert committed.exists(), f"{path.name} is missing: run python -m toolkit.handouts"
        assert committed.read_bytes() == path.read_bytes(), (
            f"{path.name} differs from what the code makes: run python -m toolkit.handouts --school-year {year}")
    stale = {p.name for p in FOLDER.glob("handout_*")} - {p.name for p in written}
    assert not stale, f"hand-outs no code makes: {stale}"


def test_main_writes_every_handout_with_the_school_year_it_is_given(tmp_path, capsys):
    handouts.main([str(tmp_path / "out"), "--school-year", "2027"])
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(files) == 2 * len(HANDOUTS)
    assert recorded_school_year((tmp_path / "out" / "handout_calendar.html").read_text(encoding="utf-8")) == 2027
    assert "handout_safety.md" in capsys.readouterr().out
    assert recorded_school_year(render("tips")) is None  # only the calendar depends on the school year


# --- the contents come from the toolkit ------------------------------------------------------------------
def test_the_tips_are_the_journeys_five_tip_steps_with_their_titles_and_goals():
    steps = [step for step, _, _ in handouts.TIPS]
    assert steps == ["early", "irony", "content", "advocacy", "perfection"]
    assert all(step in journey.STEP_IDS for step in steps)
    page = render("tips")
    for step in steps:
        assert escaped(t(f"step.{step}.title")) in page and escaped(t(f"step.{step}.goal")) in page


def test_the_hashtag_rules_are_read_from_the_hashtag_module(monkeypatch):
    page = render("hashtags")
    for text in ("10.000", "1.000.000", "3 tot 5 hashtags", "2.200", "100 tekens", "#stage", "#hbo",
                 escaped(t("lab.mix_rule")), escaped(t("tag.warn_hbo")), escaped(t("tier.sweet_spot"))):
        assert text in page, text

    class Wider(hashtags.Thresholds):
        def __init__(self, sweet_spot=25_000, overused=2_500_000):
            super().__init__(sweet_spot, overused)

    monkeypatch.setattr(hashtags, "Thresholds", Wider)
    monkeypatch.setattr(hashtags, "CAPTION_LIMIT", 4000)
    monkeypatch.setattr(hashtags, "MIX_MAX", 6)
    page = render("hashtags")
    assert "25.000 tot 2.500.000" in page and "4.000" in page and "3 tot 6 hashtags" in page


def test_every_calendar_cell_is_the_pipelines_first_chance():
    now = 2026
    rows = {label: (age, cells) for label, age, cells in calendar_rows(now)}
    tracks = pipeline.load_table("tracks").set_index("track")
    checked = 0
    for track in pipeline.TRACKS:
        for grade in range(1, pipeline.track_years(track) + 1):
            (label,) = [name for name in rows if name.endswith(f"klas {grade}") or name.endswith(f"leerjaar {grade}")
                        if tracks.loc[track, "label_nl"] in name.split(",")[0].split(" / ")]
            age, cells = rows[label]
            assert age == str(pipeline.age_in(track, grade))
            for internship, (year, _) in zip(pipeline.INTERNSHIPS, cells, strict=True):
                chance = pipeline.first_chance(track, grade, internship, now)
                assert year == (handouts.NONE if chance is None else format_school_year(chance[0])), (track, grade)
                checked += 1
    assert checked == 5 * sum(pipeline.track_years(track) for track in pipeline.TRACKS)
    age, cells = rows["vmbo kader, klas 3"]
    assert age == "15" and cells[0] == ("2029/30", "mbo niveau 3 of 4")
    assert rows["vmbo gemengd / vmbo theoretisch, klas 4"][1][2] == ("2029/30", "")  # one education: not repeated
    assert rows["havo, klas 4"][1][0] == (handouts.NONE, "")


def test_the_calendar_shows_the_school_year_of_the_day_it_is_made():
    page = render("calendar", today=dt.date(2030, 9, 1))
    assert "Schooljaar nu: 2030/31" in page and recorded_school_year(page) == 2030
    assert recorded_school_year(render("calendar", today=dt.date(2031, 3, 1))) == 2030
    assert recorded_school_year(render("calendar", today=dt.date(2031, 3, 1), school_year=2028)) == 2028
    page = render("calendar", school_year=2026)
    assert escaped(t("internship.hbo-afstudeerstage")) in page and "2029/30" in page
    assert "Aanname" in page  # the placement schedule of one college is an assumption, and says so


def test_the_safety_handout_lists_every_item_with_its_source_and_says_it_is_not_legal_advice():
    page = render("safety")
    assert "Dit is geen juridisch advies" in page
    table: pd.DataFrame = safety.checklist()
    for row in table.itertuples():
        assert escaped(row.text_nl) in page, row.id
        source = t("safety.advice") if row.source == safety.ADVICE else row.source
        assert escaped(t("safety.source", source=source)) in page
    assert page.count('class="box"') == len(table)


# --- the facilitator's guide ------------------------------------------------------------------------------
def _clock(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def agenda_rows() -> list[dict]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## Agenda", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == ["Tijd", "Minuten", "Onderdeel", "Stap", "Openen"]
    assert set(lines[1].replace("|", "").replace("-", "")) <= {" ", ""}
    rows = []
    for line in lines[2:]:
        cells = dict(zip(header, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
        start, end = cells["Tijd"].split("–")
        rows.append({"start": _clock(start), "end": _clock(end), "minutes": int(cells["Minuten"]),
                     "what": cells["Onderdeel"], "step": cells["Stap"].strip("`"), "open": cells["Openen"]})
    return rows


def test_the_agenda_adds_up_to_three_hours_and_its_times_follow_on():
    rows = agenda_rows()
    assert sum(row["minutes"] for row in rows) == 180
    assert rows[0]["start"] == 0 and rows[-1]["end"] == 180
    for before, after in zip(rows, rows[1:], strict=False):
        assert after["start"] == before["end"], after
    for row in rows:
        assert row["end"] - row["start"] == row["minutes"], row


def test_the_agenda_is_the_journey_plus_a_break_and_a_close():
    rows = agenda_rows()
    steps = [row for row in rows if row["step"] != "–"]
    assert [row["step"] for row in steps] == list(journey.STEP_IDS)
    assert sum(step.minutes for step in journey.STEPS) == 160
    for row, step in zip(steps, journey.STEPS, strict=True):
        assert row["minutes"] == step.minutes, step.id
        assert row["what"] == t(f"step.{step.id}.title"), step.id
        assert row["open"] == f"`?step={step.id}`"
    others = [(row["what"], row["minutes"]) for row in rows if row["step"] == "–"]
    assert others == [("Pauze", 15), ("Afsluiting", 5)]


def test_the_guide_links_to_dashboards_and_handouts_that_exist():
    text = GUIDE.read_text(encoding="utf-8")
    links = re.findall(r"https?://[^\s>)]+", text)
    binder = [link for link in links if link.startswith("https://mybinder.org")]
    assert len(binder) >= 5 and all(link.startswith(BINDER) for link in binder)
    for link in binder:
        urlpath = unquote(parse_qs(urlsplit(link).query)["urlpath"][0])
        if urlpath.startswith("voila/render/"):
            notebook, _, query = urlpath.removeprefix("voila/render/").partition("?")
            assert (ROOT / notebook).exists(), notebook
            if query:
                journey.step(parse_qs(query)["step"][0])  # a step that exists
    assert "workshops/dashboards/workshop.ipynb" in text
    for dashboard in re.findall(r"workshops/dashboards/\w+\.ipynb", text):
        assert (ROOT / dashboard).exists(), dashboard
    for name in HANDOUTS:
        assert handouts.file_names(name)[0] in text
    for needed in ("make room", "token", "teamcode", "python -m toolkit.handouts", "geen juridisch advies",
                   "?step=early", "TikTok", "schermafbeeldingen"):
        assert needed in text, needed
