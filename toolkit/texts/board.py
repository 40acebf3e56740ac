"""Texts of the room's board and its exports."""

CATALOGUE: dict[str, dict[str, str]] = {
    "board.reach_scenario": {"nl": "{posts} video's per week, {weeks} weken",
                             "en": "{posts} videos a week, {weeks} weeks"},
    "board.col_team": {"nl": "Team", "en": "Team"},
    "board.col_company": {"nl": "Bedrijf", "en": "Company"},
    "board.col_challenge": {"nl": "Challenge", "en": "Challenge"},
    "board.col_hashtag": {"nl": "Hashtag van de challenge", "en": "Challenge hashtag"},
    "board.col_caption": {"nl": "Bijschrift", "en": "Caption"},
    "board.col_balance": {"nl": "Touch, Tell, Sell", "en": "Touch, Tell, Sell"},
    "board.col_interns": {"nl": "Stagiairs per jaar", "en": "Interns a year"},
    "board.col_reach": {"nl": "Bereikscenario", "en": "Reach scenario"},
    "board.col_sent": {"nl": "Verstuurd", "en": "Sent"},
    "board.export_title": {"nl": "De zaal: wat elk team koos", "en": "The room: what each team chose"},
    "board.export_meta": {"nl": "{teams} teams, gemaakt op {date}", "en": "{teams} teams, made on {date}"},
    "board.hashtags_heading": {"nl": "Hashtags in de zaal (aantal teams)",
                               "en": "Hashtags in the room (number of teams)"},
}
