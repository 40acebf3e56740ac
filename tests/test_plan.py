"""Tests for toolkit.plan: the team's plan as standalone HTML and as Markdown, safe with any text."""

import dataclasses
import datetime as dt
import html
import logging
import re
import types
import typing
from html.parser import HTMLParser
from typing import Literal, Union
from unittest import mock

import mistune
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.test_workbook import strategy_for
from toolkit import charts, journey, perfection, plan, safety
from toolkit.i18n import t
from toolkit.workbook import (
    Advocacy,
    Brief,
    Challenge,
    Early,
    Employer,
    Hashtags,
    Idea,
    Offer,
    Perfection,
    Pipeline,
    Plan,
    Post,
    Reach,
    Safety,
    TagCount,
    Team,
    Workbook,
)

TODAY = dt.date(2026, 11, 28)
CODE = "K7QM-3XTA"

#: Distinctive participant texts, each with a character that must be escaped.
TEXTS = {
    "team": "Team <Werkplaats> & co",
    "company": "Garage \"De Vries\" & Zn",
    "sector": "auto's & <techniek>",
    "region": "Provincie <Utrecht>",
    "employer": "Autobedrijf <Jansen> & Co",
    "handle": "@garage<devries>",
    "idea": "Monteur grapt over 'vieze' handen & <olie>",
    "challenge_name": "Eén minuut <repareren>",
    "challenge_tag": "#1minuut&fix",
    "format": "tutorial <kort>",
    "sound": "Bohemian <Rhapsody> & remix",
    "starter": "Sanne & <Mark>",
    "duet1": "Wie weet wat <dit> is?",
    "duet2": "Doe het na & tag ons",
    "who": "Sanne <stagiair>",
    "topic": "werkplaats & <gereedschap>",
    "draft": "Sanne filmt haar <eerste> dag & meer",
    "subject": "Eerste <dag>",
    "brief_who": "Sanne & Mark",
    "where": "de <werkplaats>",
    "hook": "Sleutel valt & klinkt",
    "ending": "Volg ons <nu>",
    "owner": "Garage De Vries B.V. & <directie>",
    "policy_line1": "Het account is van: <bedrijf>",
    "policy_line2": "Mag posten: Sanne & Mark",
    "lab_company": "Garage De Vries & <Zonen>",
    "own_tag": "#eigen&tag",
    "profession": "monteur <apk>",
    "lab_challenge": "sleutel <challenge>",
    "caption": "Eerste week als <stagiair> & trots!",
    "source": "overview <export>.csv",
    "action1": "Account <vastleggen> & delen",
    "action2": "Toestemming regelen voor 'iedereen'",
    "plan_owner": "Sanne <en> Mark",
}


def full_workbook() -> Workbook:
    """A workbook with a distinctive value in every field, and data for the three charts."""
    return Workbook(
        team=Team(name=TEXTS["team"], code=CODE, company=TEXTS["company"], sector=TEXTS["sector"],
                  region=TEXTS["region"]),
        early=Early(handle=TEXTS["handle"], handle_claimed=True,
                    employers=(Employer(TEXTS["employer"], "weekly"), Employer("Bakkerij Bol", "none"))),
        ideas=(Idea(TEXTS["idea"], 55, "touch"), Idea("Koffieautomaat als uitdaging", 40, None)),
        challenge=Challenge(name=TEXTS["challenge_name"], hashtag=TEXTS["challenge_tag"], format=TEXTS["format"],
                            sound=TEXTS["sound"], starter=TEXTS["starter"],
                            duet_prompts=(TEXTS["duet1"], TEXTS["duet2"])),
        advocacy=Advocacy(start="2027-01-11", roster=(Post(TEXTS["who"], "intern", "touch", TEXTS["topic"], 1, 1, 6),
                                                      Post("Mark", "employee", "sell", "open dag", 3, 2, 6))),
        perfection=Perfection(draft=TEXTS["draft"], checks=("hook", "phone", "not-an-item"),
                              brief=Brief(TEXTS["subject"], TEXTS["brief_who"], TEXTS["where"], TEXTS["hook"],
                                          TEXTS["ending"])),
        safety=Safety(checks=("min_age", "unknown-item"), account_owner=TEXTS["owner"],
                      policy=f"{TEXTS['policy_line1']}\n\n{TEXTS['policy_line2']}"),
        hashtags=Hashtags(company=TEXTS["lab_company"], profession=TEXTS["profession"],
                          challenge=TEXTS["lab_challenge"], own=(TEXTS["own_tag"],),
                          posts=(TagCount("#garagedevries", 40), TagCount("#monteur", 120_000),
                                 TagCount("#mbo", 2_300_000), TagCount(TEXTS["own_tag"], 7)),
                          chosen=("#garagedevries", "#monteur"), follow_mix=False, caption_text=TEXTS["caption"],
                          sweet_spot=10_000, overused=1_000_000),
        pipeline=Pipeline(region="Utrecht", offers=(Offer("mbo-bpv", "mbo-4", 2, 2028, 2029),), follows=0.1,
                          applies=0.05, starts=0.5),
        reach=Reach(source=TEXTS["source"], posts_per_week=3, weeks=26, median=300.0, sigma=1.0, region="Utrecht"),
        plan=Plan(actions=(TEXTS["action1"], TEXTS["action2"]), owner=TEXTS["plan_owner"], first_post="2027-01-15"),
        step="plan",
    )


@pytest.fixture(scope="module")
def full() -> Workbook:
    return full_workbook()


@pytest.fixture(scope="module")
def full_html(full) -> str:
    return plan.to_html(full, lang="nl", today=TODAY)


@pytest.fixture(scope="module")
def full_md(full) -> str:
    return plan.to_markdown(full, lang="nl", today=TODAY)


class Page(HTMLParser):
    """What an HTML page holds: its elements with their attributes, its text and its style sheets."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)

    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]


def assert_loads_nothing(page_html: str) -> None:
    """No script, no frame, no link to a resource; every reference points inside the page."""
    page = Page(page_html)
    forbidden = {"script", "link", "iframe", "object", "embed", "img", "image", "audio", "video", "source", "base",
                 "foreignobject", "form", "input", "a"}
    assert not forbidden & set(page.tags()), forbidden & set(page.tags())
    for tag, attrs in page.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name == "xmlns" or name.startswith("xmlns:"):
                continue  # a namespace's name, not something to load
            if name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
                assert (value or "").startswith("#"), (tag, name, value)
            assert not re.search(r"^\s*(https?:|//|data:|javascript:)", value or "", re.IGNORECASE), (tag, name)
            assert not re.search(r"url\(\s*['\"]?\s*(?!#)", value or ""), (tag, name, value)
        if tag == "meta":
            assert "http-equiv" not in attrs
    style = "".join(page.styles)
    assert "url(" not in style and "@import" not in style and "http" not in style
    assert "<script" not in page_html.lower()


# --- the full plan -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_text_of_the_workbook_is_in_the_page_escaped(full_html, name):
    assert html.escape(TEXTS[name], quote=True) in full_html
    assert TEXTS[name] not in full_html or TEXTS[name] == html.escape(TEXTS[name], quote=True)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_text_of_the_workbook_is_in_the_markdown_escaped(full_md, name):
    assert plan.md_escape(TEXTS[name]) in full_md


def test_the_team_code_stays_out_of_the_plan(full_html, full_md):
    assert CODE not in full_html and CODE not in full_md
    assert CODE.replace("-", "") not in full_html


def test_the_page_has_every_step_in_journey_order_with_its_content(full_html):
    places = [full_html.index(f"id='step-{step.id}'") for step in journey.STEPS]
    assert places == sorted(places)
    assert full_html.count("<section ") == len(journey.STEPS)
    for step in journey.STEPS:
        assert f"<h2>{journey.number(step.id)}. " in full_html
    assert "Nog niet ingevuld." not in full_html  # every step has something


def test_the_header_names_team_and_company_and_the_date_the_dutch_way(full_html, full_md):
    assert "<h1>Actieplan van Team &lt;Werkplaats&gt; &amp; co</h1>" in full_html
    assert "Gemaakt op 28 november 2026" in full_html and "Gemaakt op 28 november 2026" in full_md
    assert full_md.startswith("# Actieplan van Team &lt;Werkplaats&gt; &amp; co\n")
    assert "<title>Actieplan van Team &lt;Werkplaats&gt; &amp; co</title>" in full_html


def test_the_english_plan_writes_its_own_texts_and_dates_in_english(full):
    page = plan.to_html(full, lang="en", today=TODAY)
    assert "Written on November 28, 2026" in page and "Action plan of" in page
    assert "First video online on" in page and "January 15, 2027" in page
    assert "<html lang='en'>" in page and "Gemaakt op" not in page


def test_steps_show_what_was_chosen_in_words(full_html):
    # pipeline: the offer in words, the answer and its assumptions
    assert "bpv-stage" in full_html and "2028/29–2029/30" in full_html
    assert "bereik nu ongeveer" in full_html and "Aanname: van de bereikte leerlingen volgt 10 %" in full_html
    # early, advocacy and irony
    assert "Al vastgelegd</th><td>ja" in full_html
    assert "11 januari 2027" in full_html and "elke 3 weken" in full_html and "week 2 tot en met 6" in full_html
    assert html.escape("Video's in het rooster per soort: Touch 6, Tell 0, Sell 2.") in full_html
    assert "55 van 100 (zelfspot)" in full_html
    # perfection: the score counts known items only; the checked items by their text
    done, total = perfection.score(("hook", "phone"))
    assert f"{done} van de {total} punten" in full_html
    texts = perfection.checklist().set_index("id")["text_nl"]
    assert html.escape(texts["hook"]) in full_html and html.escape(texts["vertical"]) in full_html
    # safety: what is arranged, what is still open with its source, and that it is not legal advice
    items = safety.checklist().set_index("id")
    assert f"1 van de {len(items)} punten zijn geregeld." in full_html
    assert html.escape(items.loc["private_13_15", "text_nl"], quote=True) in full_html
    assert "Dit is geen juridisch advies." in full_html
    # the policy's lines stay lines, one paragraph
    assert f"{html.escape(TEXTS['policy_line1'])}<br>{html.escape(TEXTS['policy_line2'])}" in full_html
    # hashtags: chosen tags, the caption with them, and the counts the Dutch way with their tier
    assert "#garagedevries #monteur" in full_html and "120.000" in full_html and "sweet spot" in full_html
    assert "2.300.000" in full_html and "overvol" in full_html
    # reach: the scenario and its assumptions
    assert html.escape("Met 3 video's per week, 26 weken lang") in full_html
    assert "Een scenario, geen voorspelling. Aannames uit stap 10" in full_html
    # actions in order, the owner and the first post written out
    assert re.search(r"<ol><li>Account &lt;vastleggen&gt; &amp; delen</li><li>Toestemming", full_html)
    assert "15 januari 2027" in full_html


def test_the_charts_are_inline_svg_drawn_offline(full_html):
    assert full_html.count("<figure class='chart'><svg") == len(plan.CHARTS)  # the full workbook has data for each
    for step in {key.split(":")[0] for key in plan.CHARTS}:
        section = full_html.split(f"id='step-{step}'")[1].split("</section>")[0]
        assert "<svg" in section, step
    assert "<?xml" not in full_html and "<!DOCTYPE svg" not in full_html
    assert_loads_nothing(full_html)


def test_a_step_without_data_for_its_chart_has_no_chart():
    book = Workbook(hashtags=Hashtags(company="Garage De Vries"), reach=Reach(source="export.csv"),
                    pipeline=Pipeline(offers=(Offer("mbo-bpv", "mbo-4", 2, 2020, 2021),), follows=0.1, applies=0.1,
                                      starts=0.5))
    page = plan.to_html(book, today=TODAY)
    assert "<svg" not in page
    assert "Nog geen scenario gekozen." in page
    assert "geen enkele leerling van nu kan deze stage in die schooljaren doen" in page


def test_the_page_loads_nothing_from_elsewhere_and_has_a_print_style(full_html):
    assert_loads_nothing(full_html)
    style = "".join(Page(full_html).styles)
    assert "@page" in style and "size: A4" in style and "@media print" in style
    assert "font-size: 11pt" in style and "break-inside: avoid" in style
    assert full_html.startswith("<!DOCTYPE html>") and "<meta charset='utf-8'>" in full_html


def test_the_markdown_renders_to_the_same_sections_without_markup_from_the_team(full_md):
    rendered = MarkdownIt("gfm-like").render(full_md)
    assert rendered.count("<h2>") == len(journey.STEPS) and rendered.count("<h1>") == 1
    assert "<table>" in rendered and "<ol>" in rendered and "<a " not in rendered and "<img" not in rendered
    assert "Garage &quot;De Vries&quot; &amp; Zn" in rendered or "Garage \"De Vries\" &amp; Zn" in rendered
    assert "<script" not in full_md and "<svg" not in full_md


# --- an empty workbook --------------------------------------------------------------------------
@pytest.mark.parametrize(("lang", "empty", "title"), [("nl", "Nog niet ingevuld.", "<h1>Actieplan</h1>"),
                                                      ("en", "Not filled in yet.", "<h1>Action plan</h1>")])
def test_an_empty_workbook_renders_and_says_every_step_is_still_empty(lang, empty, title):
    page = plan.to_html(Workbook(), lang=lang, today=TODAY)
    assert page.count(empty) == len(journey.STEPS) and title in page and "<svg" not in page
    assert_loads_nothing(page)
    text = plan.to_markdown(Workbook(), lang=lang, today=TODAY)
    assert text.count(f"*{plan.md_escape(empty)}*") == len(journey.STEPS)
    assert text.count("\n## ") == len(journey.STEPS)


def test_a_step_with_some_fields_shows_the_rest_as_not_filled_in():
    page = plan.to_html(Workbook(team=Team(company="Bakkerij Bol")), today=TODAY)
    assert "<h1>Actieplan van Bakkerij Bol</h1>" in page
    assert "<td class='empty'>nog niet ingevuld</td>" in page
    assert "Sector" in page and "heel Nederland" in page


# --- hostile text -------------------------------------------------------------------------------
HOSTILE = (
    "<b>vet</b> & <i>schuin</i>",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "emoji 🎉👩🏽‍🔧🇳🇱",
    "\u202egnp.exe",
    "x" * 10_000,
    "ctrl\x00\x07\x1b[31m\x7f\x9b end",
    "[link](javascript:alert(1)) ![img](http://evil.example/x.png) <http://evil.example> https://evil.example "
    "www.evil.example a@evil.example",
    "# heading\n- list\n1. one\n===\n    code\n> quote\n<!-- c -->\n| a | b |\n---\n`code` $x$ ~~s~~ *e* _e_",
)


def _fill(kind: object, text: str, owner: str = "", name: str = ""):
    """A value of ``kind`` with ``text`` in every text field, and numbers the steps accept."""
    numbers = {"first_year": 2028, "last_year": 2029, "last_week": 4, "sweet_spot": 10_000, "overused": 1_000_000,
               "views_per_person": 2.0, "weeks": 4, "posts": 1234}
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _fill(hints[f.name], text, kind.__name__, f.name) for f in dataclasses.fields(kind)})
    if origin is tuple:
        return (_fill(args[0], text, owner, name),)
    if origin is Literal:
        return args[0] if name != "language" else "nl"
    if origin in (Union, types.UnionType):
        return _fill(next(option for option in args if option is not type(None)), text, owner, name)
    if kind is str:
        return text
    if kind is bool:
        return True
    return numbers.get(name, 2 if kind is int else 0.5)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_every_field_is_escaped_in_the_page(text):
    book = _fill(Workbook, text)
    page = plan.to_html(book, today=TODAY)
    assert_loads_nothing(page)
    lowered = page.lower()
    assert "<img" not in lowered and "<b>" not in lowered and "<i>" not in lowered and "<svg onload" not in lowered
    assert "\x00" not in page and "\x1b" not in page and "\x9b" not in page
    assert plan.html_text(text) in page
    assert page.count("<section ") == len(journey.STEPS)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_every_field_is_escaped_in_the_markdown(text, lang):
    book = _fill(Workbook, text)
    document = plan.to_markdown(book, lang=lang, today=TODAY)
    assert "<script" not in document and "<img" not in document and "<svg" not in document
    assert "\x00" not in document and "\x1b" not in document
    assert plan.md_escape(text) in document
    for rendered in (MarkdownIt("gfm-like").render(document), mistune.html(document)):
        assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
        assert "<b>" not in rendered and "<pre" not in rendered and "<blockquote" not in rendered
        assert rendered.count("<h1") == 1 and rendered.count("<h2") == len(journey.STEPS)
        assert rendered.count("<hr") == 1


def test_right_to_left_text_is_isolated_so_it_cannot_reorder_the_page():
    assert plan.html_text("\u202egnp.exe") == "<bdi>\u202egnp.exe</bdi>"
    assert plan.html_text("gewoon") == "gewoon"
    assert plan.md_escape("\u202egnp.exe") == "\u2068\u202egnp\\.exe\u2069"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book=strategy_for(Workbook))
def test_any_workbook_the_reader_accepts_renders_without_markup_from_the_team(book):
    with mock.patch.dict(plan.CHARTS, clear=True):
        page = plan.to_html(book, today=TODAY)
    assert_loads_nothing(page)
    document = plan.to_markdown(book, lang="en", today=TODAY)
    rendered = MarkdownIt("gfm-like").render(document)
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered


# --- escaping helpers ---------------------------------------------------------------------------
class Text(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "br":
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


LINE = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINE, min_size=1, max_size=3))
def test_escaped_markdown_shows_exactly_the_text_as_typed(lines):
    text = "\n".join(lines)
    expected = plan._clean(text)
    rendered = MarkdownIt("gfm-like").render(plan.md_escape(text))
    shown = Text(rendered)
    assert shown.tags <= {"p", "br"}, (text, rendered)
    text_shown = re.sub(r"\n+", "\n", "".join(shown.parts)).strip("\n").replace("\u2068", "").replace("\u2069", "")
    assert text_shown == expected, (text, rendered)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.text(max_size=40), min_size=1, max_size=3))
def test_escaped_html_shows_exactly_the_text_as_typed(lines):
    text = "\n".join(lines)
    shown = Text(plan.html_text(text))
    assert shown.tags <= {"br", "bdi"}
    assert "".join(shown.parts) == plan._clean(text)


@pytest.mark.parametrize("text", ["https://evil.example", "www.evil.example", "evil.example", "a@evil.example",
                                  "[x](http://evil.example)", "![x](http://evil.example/a.png)", "<http://e.example>",
                                  "<img src=x>", "&lt;img src=x&gt;", "&#60;script&#62;"])
def test_markdown_makes_no_link_picture_or_markup_from_an_address(text):
    for rendered in (MarkdownIt("gfm-like").render(plan.md_escape(text)), mistune.html(plan.md_escape(text))):
        assert "<a " not in rendered and "<img" not in rendered and "<script" not in rendered, rendered


def test_markdown_keeps_line_breaks_inside_one_paragraph():
    rendered = MarkdownIt("commonmark").render(plan.md_escape("regel één\n\n\n# twee\r\n- drie\u2028vier"))
    assert rendered.count("<p>") == 1 and rendered.count("<br") == 3 and "<h1>" not in rendered
    assert "<li>" not in rendered
    assert plan.md_escape("een\ntwee", breaks=False) == "een twee"


# --- charts -------------------------------------------------------------------------------------
def test_a_chart_that_cannot_be_drawn_is_left_out_with_a_note_and_logged(full, caplog):
    def broken(book, lang):
        raise RuntimeError("no chart today")

    with mock.patch.dict(plan.CHARTS, {"early": broken}), caplog.at_level(logging.ERROR, logger="toolkit.plan"):
        page = plan.to_html(full, today=TODAY)
    section = page.split("id='step-early'")[1].split("</section>")[0]
    assert "Deze grafiek kon niet worden getekend." in section and "<svg" not in section
    assert "Traceback" not in page and "no chart today" not in page
    assert any("early" in record.getMessage() for record in caplog.records)
    assert page.count("<svg") == len(plan.CHARTS) - 1  # the other charts are still there


def test_a_section_that_cannot_be_made_is_left_out_with_a_note_and_logged(full, caplog):
    def broken(book, ctx):
        raise KeyError("odd workbook")

    with mock.patch.dict(plan._SECTIONS, {"early": broken}), caplog.at_level(logging.ERROR, logger="toolkit.plan"):
        page = plan.to_html(full, today=TODAY)
        document = plan.to_markdown(full, today=TODAY)
    section = page.split("id='step-early'")[1].split("</section>")[0]
    assert "Dit deel van het plan kon niet worden gemaakt." in section and "odd workbook" not in page
    assert "*Dit deel van het plan kon niet worden gemaakt. Kijk in de stap zelf" in document
    assert page.count("<section ") == len(journey.STEPS) and html.escape(TEXTS["idea"], quote=True) in page
    assert any("early" in record.getMessage() for record in caplog.records)


def test_a_step_can_have_several_charts_in_registry_order(full):
    def first(book, lang):
        return plan.reach_chart(book, lang).properties(title="EERSTE")

    def second(book, lang):
        return plan.reach_chart(book, lang).properties(title="TWEEDE")

    with mock.patch.dict(plan.CHARTS, {"advocacy:calendar": first, "advocacy:balance": second}):
        page = plan.to_html(full, today=TODAY)
    section = page.split("id='step-advocacy'")[1].split("</section>")[0]
    assert section.count("<svg") == 2 and section.index("EERSTE") < section.index("TWEEDE")


def test_an_svg_with_a_script_is_refused_and_left_out(full, caplog):
    evil = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1"/></svg>'
    with mock.patch.object(charts, "chart_image", return_value=evil), caplog.at_level(logging.ERROR):
        page = plan.to_html(full, today=TODAY)
    assert "<script" not in page and "<svg" not in page
    assert page.count("Deze grafiek kon niet worden getekend.") == len(plan.CHARTS)


@pytest.mark.parametrize("svg", [
    '<svg><script>alert(1)</script></svg>',
    '<svg onload="alert(1)"><rect/></svg>',
    '<svg><image href="http://evil.example/x.png"/></svg>',
    '<svg><use xlink:href="http://evil.example/s.svg#a"/></svg>',
    '<svg><rect style="fill:url(http://evil.example/p)"/></svg>',
    '<svg><rect fill="url(\'https://evil.example/p\')"/></svg>',
    '<svg><foreignObject><div>x</div></foreignObject></svg>',
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><style>@import url(http://evil.example/s.css);</style></svg>',
    '<html><body>no drawing</body></html>',
])
def test_safe_svg_refuses_more_than_a_drawing(svg):
    with pytest.raises(ValueError):
        plan.safe_svg(svg)


def test_safe_svg_drops_the_xml_declaration_and_makes_ids_unique():
    svg = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg" '
           'xmlns:xlink="http://www.w3.org/1999/xlink"><defs><clipPath id="clip1"><rect/></clipPath></defs>'
           '<g clip-path="url(#clip1)"><use xlink:href="#clip1"/></g></svg>')
    safe = plan.safe_svg(svg, "plan2-")
    assert safe.startswith("<svg") and 'id="plan2-clip1"' in safe and "url(#plan2-clip1)" in safe
    assert 'xlink:href="#plan2-clip1"' in safe


def test_a_chart_with_a_character_an_svg_cannot_hold_is_left_out_not_drawn(full):
    # vl-convert aborts the whole process on such a text; the plan must never hand it one
    def ringing(book, lang):
        return plan.reach_chart(book, lang).properties(title="bel\x07\ufffe")

    with mock.patch.dict(plan.CHARTS, {"early": ringing}):
        page = plan.to_html(full, today=TODAY)
    section = page.split("id='step-early'")[1].split("</section>")[0]
    assert "Deze grafiek kon niet worden getekend." in section and "<svg" not in section


def test_hostile_hashtags_reach_the_chart_as_text_only():
    book = Workbook(hashtags=Hashtags(posts=(TagCount("<script>alert(1)</script>", 5),
                                             TagCount('"><img src=x onerror=alert(1)>', 50_000),
                                             TagCount("#bel\x07\x1b[31m\ufffe\x9b", 7))))
    page = plan.to_html(book, today=TODAY)
    section = page.split("id='step-hashtags'")[1].split("</section>")[0]
    assert "<svg" in section and "#bel[31m" in section and "\x1b" not in page and "\x9b" not in page
    assert_loads_nothing(page)


# --- labels, hooks and dates -------------------------------------------------------------------
def test_labels_come_from_the_steps_that_name_their_choices():
    assert plan._label("pipeline", "mbo-bpv", "nl") == "bpv-stage"
    assert plan._label("hashtags", "sweet_spot", "nl") == "sweet spot"
    assert plan._label("safety", "min_age", "en").startswith("We aim at young people")
    assert plan._label("perfection", "hook", "nl") == perfection.checklist().set_index("id").loc["hook", "text_nl"]
    assert plan._label("advocacy", "touch", "nl") == "Touch"
    assert plan._label("advocacy", "intern", "nl") == t("advocacy.role_intern", lang="nl")
    assert plan._label("early", "weekly", "en") == t("early.posting_weekly", lang="en")
    assert plan._label("content", "dance", "nl") == t("content.format_dance", lang="nl")
    assert plan._label("content", "vmbo_13_15", "nl") == t("content.audience_vmbo_13_15", lang="nl")
    assert plan._label("advocacy", "something else", "nl") == "something else"  # anything unknown as stored
    assert plan._label("advocacy", None, "nl") == ""


def test_the_tone_band_hook_names_the_band(full, monkeypatch):
    monkeypatch.setattr(plan, "TONE_BAND", lambda tone, lang: "zelfspot" if 40 <= tone <= 60 else "stijf")
    page = plan.to_html(full, today=TODAY)
    assert "55 van 100 (zelfspot)" in page


@pytest.mark.parametrize(("day", "lang", "text"), [(dt.date(2026, 11, 28), "nl", "28 november 2026"),
                                                  (dt.date(2027, 3, 1), "nl", "1 maart 2027"),
                                                  (dt.date(2026, 11, 28), "en", "November 28, 2026")])
def test_dates_are_written_out(day, lang, text):
    assert plan.format_date(day, lang) == text


def test_a_stored_date_that_is_not_a_date_is_shown_as_typed():
    page = plan.to_html(Workbook(plan=Plan(first_post="na de zomer <ooit>")), today=TODAY)
    assert "na de zomer &lt;ooit&gt;" in page


# --- file names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("team", "ext", "name"), [
    (Team(company="Garage De Vries"), "html", "actieplan-garage-de-vries.html"),
    (Team(name="Team Zuid"), "md", "actieplan-team-zuid.md"),
    (Team(name="Team Zuid", company="Café Ünïcode B.V."), "json", "actieplan-cafe-unicode-b-v.json"),
    (Team(company="../../etc/passwd"), "html", "actieplan-etc-passwd.html"),
    (Team(company="C:\\Windows\\System32\\con"), "html", "actieplan-c-windows-system32-con.html"),
    (Team(company="🎉 <script>", name="👩‍🔧"), "html", "actieplan-script.html"),
    (Team(company="🎉", name="مرحبا"), "html", "actieplan.html"),
    (Team(), ".HTML", "actieplan.html"),
])
def test_file_names_are_safe(team, ext, name):
    assert plan.filename(Workbook(team=team), ext) == name


@given(name=st.text(), company=st.text())
def test_any_name_gives_a_safe_file_name(name, company):
    result = plan.filename(Workbook(team=Team(name=name, company=company)), "html")
    assert re.fullmatch(r"actieplan(-[a-z0-9]+)*\.html", result) and len(result) <= len("actieplan-.html") + 60


@pytest.mark.parametrize("ext", ["", "../x", "h tml", "x" * 11, "html/"])
def test_a_file_extension_that_is_not_one_is_refused(ext):
    with pytest.raises(ValueError):
        plan.filename(Workbook(), ext)
