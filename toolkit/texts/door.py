"""Texts of the front door: the first page of the StageTok server, with the workshop and the tools."""

CATALOGUE: dict[str, dict[str, str]] = {
    "door.title": {"nl": "StageTok", "en": "StageTok"},
    "door.full.title": {"nl": "De zaal is even vol", "en": "The room is full for a moment"},
    "door.full.text": {
        "nl": "Deze computer kan {capacity} pagina's tegelijk openhouden, en die zijn nu allemaal in gebruik. "
              "Jullie werk is niet weg: wat een team opsloeg, staat onder zijn teamcode.",
        "en": "This computer can keep {capacity} pages open at once, and all of them are in use now. "
              "Your work is not lost: what a team saved is kept under its team code.",
    },
    "door.full.action": {
        "nl": "Probeer het over een halve minuut opnieuw, of werk samen op de pagina van een teamgenoot. "
              "Blijft dit zo, zeg het dan tegen de begeleider.",
        "en": "Try again in half a minute, or work together on a teammate's page. "
              "If it stays this way, tell the facilitator.",
    },
    "door.tagline": {
        "nl": "StageTok helpt bedrijven om via TikTok leerlingen en studenten te bereiken voor hun stageplekken.",
        "en": "StageTok helps companies reach pupils and students on TikTok for their internships.",
    },
    # Each language's own name, shown in the language switch whatever the page's language is.
    "door.language_name": {"nl": "Nederlands", "en": "English"},
    "door.workshop.kicker": {"nl": "Begin hier", "en": "Start here"},
    "door.workshop.title": {"nl": "De workshop", "en": "The workshop"},
    "door.workshop.line": {
        "nl": "Werk als team in {steps} stappen de hele workshop door, van het eerste idee tot jullie eigen "
        "actieplan.",
        "en": "Work through the whole workshop as a team in {steps} steps, from the first idea to your own "
        "action plan.",
    },
    "door.workshop.action": {"nl": "Workshop starten", "en": "Start the workshop"},
    "door.tools.heading": {"nl": "Of open één tool", "en": "Or open a single tool"},
    "door.lab.line": {
        "nl": "Zoek hashtags voor jullie video's en kies een goede mix van grote en kleine.",
        "en": "Find hashtags for your videos and choose a good mix of big and small ones.",
    },
    "door.planner.line": {
        "nl": "Zie welke leerlingen van nu over een paar jaar bij jullie stage kunnen lopen, en hoeveel jullie er "
        "nu moeten bereiken.",
        "en": "See which pupils of today can be your interns in a few years, and how many you need to reach now.",
    },
    "door.explorer.line": {
        "nl": "Lees jullie cijfers uit TikTok Studio, of reken uit hoeveel kijkers een paar video's per week "
        "kunnen opleveren.",
        "en": "Read your figures from TikTok Studio, or work out how many viewers a few videos a week could bring.",
    },
}
