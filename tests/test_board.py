"""The room's board without widgets: hashtags across the room, each team's card, the CSV and HTML exports."""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser

import pytest

from toolkit import board
from toolkit.workbook import Advocacy, Challenge, Hashtags, Offer, Pipeline, Post, Reach, Team, Workbook

SENT = datetime(2026, 11, 28, 10, 30)
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> 🔧 \u202eabc'


@dataclass(frozen=True)
class Entry:
    code: str
    team: str
    workbook: Workbook
    sent_at: datetime = SENT


def entry(code, name, tags=(), challenge_tag="", **sections):
    book = Workbook(team=Team(name=name, code=code, company=f"{name} BV"),
                    hashtags=Hashtags(chosen=tuple(tags), caption_text=f"Eerste week bij {name}"),
                    challenge=Challenge(name=f"{name} challenge", hashtag=challenge_tag), **sections)
    return Entry(code, name, book)


def test_hashtags_are_counted_once_per_team_whatever_their_case():
    entries = [entry("AAAA-AAAA", "Een", ["#monteur", "#MBO"], "#eenchallenge"),
               entry("BBBB-BBBB", "Twee", ["#Monteur", "#mbo", "#monteur"]),
               entry("CCCC-CCCC", "Drie", ["#zorg"], "#niet geldig")]
    counts = board.hashtag_counts(entries)
    assert counts.to_dict("records") == [
        {"hashtag": "#MBO", "teams": 2}, {"hashtag": "#monteur", "teams": 2},
        {"hashtag": "#eenchallenge", "teams": 1}, {"hashtag": "#zorg", "teams": 1}]
    assert board.hashtag_counts([]).empty


def test_a_card_shows_the_challenge_caption_balance_target_and_scenario():
    roster = (Post("Sanne", "intern", "touch", "werkplaats", 1, 1, 4), Post("Ahmed", "employee", "sell", "x", 4, 1, 4))
    item = entry("AAAA-AAAA", "Een", ["#monteur"], "#eenchallenge", advocacy=Advocacy(roster=roster),
                 pipeline=Pipeline(offers=(Offer("mbo-bpv", "mbo-4", 2, 2028, 2029),
                                           Offer("mbo-bbl", "", 1, 2028, 2028))),
                 reach=Reach(posts_per_week=3, weeks=26))
    card = board.card(item)
    assert (card.team, card.challenge, card.hashtag) == ("Een", "Een challenge", "#eenchallenge")
    assert card.caption.startswith("Eerste week bij Een") and card.caption.endswith("#monteur")
    assert card.balance == "Touch 80 %, Tell 0 %, Sell 20 %"
    assert card.interns == 3 and card.reach == "3 video's per week, 26 weken"
    empty = board.card(Entry("DDDD-DDDD", "Vier", Workbook()))
    assert (empty.team, empty.balance, empty.reach, empty.interns) == ("Vier", "", "", 0)


def test_the_csv_has_one_row_per_team_and_no_formula_a_spreadsheet_would_run():
    entries = [entry("AAAA-AAAA", "=HYPERLINK(\"http://evil\")", ["#monteur"]), entry("BBBB-BBBB", HOSTILE),
               entry("CCCC-CCCC", "@SUM(1)"), entry("DDDD-DDDD", "-2+3")]
    rows = list(csv.reader(io.StringIO(board.to_csv(entries))))
    assert rows[0][0] == "Team" and len(rows) == 5
    assert [row[0] for row in rows[1:]] == ["'=HYPERLINK(\"http://evil\")", HOSTILE, "'@SUM(1)", "'-2+3"]
    assert rows[1][-1] == "2026-11-28 10:30"
    assert list(csv.reader(io.StringIO(board.to_csv(entries, "en"))))[0][1] == "Company"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_html_page_is_standalone_and_shows_participant_text_as_text(lang):
    entries = [entry("AAAA-AAAA", HOSTILE, ["#monteur"], "#eenchallenge"), entry("BBBB-BBBB", "Twee", ["#monteur"])]
    page = board.to_html(entries, lang, today=SENT)
    parser = _Tags()
    parser.feed(page)
    tags = {tag for tag, _ in parser.tags}
    assert not {"script", "img", "link", "iframe", "object", "embed"} & tags
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert "http" not in page and html.escape(HOSTILE, quote=True) in page
    assert "#monteur: 2" in page and "2026-11-28 10:30" in page
    assert ("2 teams, gemaakt op" if lang == "nl" else "2 teams, made on") in page
    assert board.to_html([], lang).count("<tr>") == 1  # the header only
