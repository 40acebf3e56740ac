"""Texts of the irony step."""

CATALOGUE: dict[str, dict[str, str]] = {
    "irony.title": {"nl": "Zelfspot: de toon tussen stijf en belachelijk",
                    "en": "Self-mockery: the tone between stiff and ridiculous"},
    "irony.intro": {
        "nl": "Een bedrijf dat zichzelf niet te serieus neemt, komt op TikTok menselijk over. Maar tussen zelfspot en "
        "jezelf belachelijk maken ligt een dunne lijn. Bespreek de voorbeelden, schrijf drie eigen ideeën en zet ze "
        "op de schaal.",
        "en": "A company that does not take itself too seriously comes across as human on TikTok. But there is a "
        "thin line between self-mockery and making a fool of yourself. Discuss the examples, write three ideas of "
        "your own and place them on the scale.",
    },
    "irony.example_note": {
        "nl": "Voorbeeld: verzonnen ideeën van een verzonnen garage. Pas ze aan of begin leeg.",
        "en": "Example: invented ideas of an invented garage. Change them, or start empty.",
    },
    # --- the examples ---------------------------------------------------------------------------
    "irony.step_examples": {"nl": "1. Bespreek de voorbeelden", "en": "1. Discuss the examples"},
    "irony.examples_hint": {
        "nl": "Verzonnen ideeën van verzonnen werkgevers, van stijf naar belachelijk. Zijn jullie het eens met waar "
        "ze op de schaal staan?",
        "en": "Invented ideas of invented employers, from stiff to ridiculous. Do you agree with where they are on "
        "the scale?",
    },
    "irony.why_heading": {"nl": "Waarom staan ze daar?", "en": "Why are they there?"},
    "irony.question": {
        "nl": "Gespreksvraag over de dunne lijn: lachen jullie om jezelf, of maken jullie het vak, een klant of een "
        "collega belachelijk? En wie zou er niet om lachen: een ouder, een docent, jullie stagebegeleider?",
        "en": "A question about the thin line: are you laughing at yourselves, or making a fool of the craft, a "
        "customer or a colleague? And who would not laugh: a parent, a teacher, your internship supervisor?",
    },
    "irony.example_line": {"nl": "V{n} · {band} ({tone})", "en": "E{n} · {band} ({tone})"},
    # --- the team's ideas -----------------------------------------------------------------------
    "irony.step_ideas": {"nl": "2. Jullie eigen ideeën", "en": "2. Your own ideas"},
    "irony.ideas_hint": {
        "nl": "Schrijf drie ideeën voor een video en zet elk idee met de schuif op de schaal: links stijf, in het "
        "midden zelfspot, rechts belachelijk.",
        "en": "Write three ideas for a video and place each one on the scale with the slider: stiff on the left, "
        "self-mockery in the middle, ridiculous on the right.",
    },
    "irony.idea_label": {"nl": "Idee {n}", "en": "Idea {n}"},
    "irony.idea_placeholder": {"nl": "Wat zien we in de video?", "en": "What do we see in the video?"},
    "irony.tone": {"nl": "Toon", "en": "Tone"},
    "irony.remove": {"nl": "Weghalen", "en": "Remove"},
    "irony.removed": {"nl": "Het idee is weggehaald.", "en": "The idea was removed."},
    "irony.row_comment": {"nl": "{band} ({tone}): {comment}", "en": "{band} ({tone}): {comment}"},
    "irony.band_stiff": {"nl": "stijf", "en": "stiff"},
    "irony.band_self_mocking": {"nl": "zelfspot", "en": "self-mocking"},
    "irony.band_ridiculous": {"nl": "belachelijk", "en": "ridiculous"},
    "irony.comment_stiff": {
        "nl": "Dit leest als een folder. Wat gebeurt er als jullie er een knipoog naar jezelf in stoppen?",
        "en": "This reads like a brochure. What happens if you add a wink at yourselves?",
    },
    "irony.comment_self_mocking": {
        "nl": "Jullie lachen om jezelf en het vak blijft heel. Laat het een jonge collega zien: lacht die mee?",
        "en": "You laugh at yourselves and the craft stays whole. Show it to a young colleague: do they laugh "
        "along?",
    },
    "irony.comment_ridiculous": {
        "nl": "Hier gaat de grap ten koste van het vak of van iemand. Wat blijft er over als jullie de grap weghalen?",
        "en": "Here the joke is at the expense of the craft or of someone. What is left if you take the joke out?",
    },
    # --- refusals -----------------------------------------------------------------------------------
    "irony.idea_empty": {
        "nl": "Een idee kan niet leeg zijn. Willen jullie het kwijt, klik dan op Weghalen.",
        "en": "An idea cannot be empty. To get rid of it, click Remove.",
    },
    "irony.too_long": {
        "nl": "Dit idee is langer dan {max} tekens. Vertel in een of twee zinnen wat we zien.",
        "en": "This idea is longer than {max} characters. Say in one or two sentences what we see.",
    },
    "irony.control": {
        "nl": "Hierin staan onzichtbare tekens (bijvoorbeeld uit een kopie). Typ de tekst opnieuw.",
        "en": "This holds invisible characters (from a copy, say). Type the text again.",
    },
    "irony.bad_tone": {
        "nl": "Een toon is een heel getal van 0 (stijf) tot 100 (belachelijk).",
        "en": "A tone is a whole number from 0 (stiff) to 100 (ridiculous).",
    },
    "irony.no_such_idea": {"nl": "Dat idee staat er niet (meer).", "en": "That idea is not there (any more)."},
    "irony.too_many": {
        "nl": "Er staan al {max} ideeën. Kies eerst de beste en haal er een weg.",
        "en": "There are {max} ideas already. Pick the best and remove one first.",
    },
    # --- the scale ----------------------------------------------------------------------------------
    "irony.step_scale": {"nl": "3. Alles op de schaal", "en": "3. Everything on the scale"},
    "irony.show_examples": {"nl": "Voorbeelden tonen", "en": "Show the examples"},
    "irony.scale_note": {
        "nl": "De schaal is een hulpmiddel voor het gesprek, geen meting. De grenzen na {low} en na {high} zijn een "
        "keuze van deze workshop.",
        "en": "The scale is an aid for the discussion, not a measurement. The limits after {low} and after {high} "
        "are a choice of this workshop.",
    },
    "irony.chart_empty": {
        "nl": "Nog niets op de schaal: schrijf een idee of toon de voorbeelden.",
        "en": "Nothing on the scale yet: write an idea or show the examples.",
    },
    "irony.chart_title": {"nl": "Van stijf naar belachelijk", "en": "From stiff to ridiculous"},
    "irony.chart_tone": {"nl": "Toon (0 = stijf, 100 = belachelijk)", "en": "Tone (0 = stiff, 100 = ridiculous)"},
    "irony.chart_who": {"nl": "Wie", "en": "Whose"},
    "irony.chart_band": {"nl": "Deel van de schaal", "en": "Part of the scale"},
    "irony.chart_idea": {"nl": "Idee", "en": "Idea"},
    "irony.chart_example": {"nl": "voorbeeld (verzonnen)", "en": "example (invented)"},
    "irony.chart_team": {"nl": "jullie idee", "en": "your idea"},
    "irony.chart_example_label": {"nl": "V{n} · {text}", "en": "E{n} · {text}"},
    "irony.chart_team_label": {"nl": "Idee {n} · {text}", "en": "Idea {n} · {text}"},
}
