"""Texts of the content step."""

CATALOGUE: dict[str, dict[str, str]] = {
    "content.title": {"nl": "Content is koning: jullie eigen challenge", "en": "Content is king: your own challenge"},
    "content.intro": {
        "nl": "Zonder goede video's helpt geen enkele hashtag. Bedenk samen een challenge die bij jullie vak past: een "
        "vorm die jongeren kennen, een geluid, iemand die het spits afbijt, en twee duet-opdrachten waarop kijkers "
        "met een eigen video kunnen reageren.",
        "en": "Without good videos no hashtag helps. Design a challenge together that fits your trade: a format young "
        "people know, a sound, someone who kicks it off, and two duet prompts that viewers can answer with a video "
        "of their own.",
    },
    "content.example_note": {
        "nl": "Voorbeeld: een verzonnen challenge van een verzonnen garage. Pas hem aan, of begin leeg met jullie "
        "eigen challenge.",
        "en": "Example: an invented challenge of an invented garage. Change it, or start empty with your own "
        "challenge.",
    },
    # --- the challenge ---------------------------------------------------------------------------
    "content.step_challenge": {"nl": "1. De challenge", "en": "1. The challenge"},
    "content.name": {"nl": "Naam", "en": "Name"},
    "content.name_hint": {"nl": "Bijvoorbeeld: Raad het onderdeel", "en": "For example: Guess the part"},
    "content.hashtag": {"nl": "Hashtag", "en": "Hashtag"},
    "content.hashtag_hint": {"nl": "#jullieeigenchallenge", "en": "#yourownchallenge"},
    "content.suggest_hashtag": {"nl": "Hashtag maken van de naam", "en": "Make a hashtag from the name"},
    "content.hashtag_suggested": {
        "nl": "De hashtag is gemaakt van de naam. Pas hem gerust aan: een korte tag nemen mensen makkelijker over.",
        "en": "The hashtag is made from the name. Feel free to change it: people copy a short tag more easily.",
    },
    "content.hashtag_invalid": {
        "nl": "Zo werkt het niet als hashtag; de vorige hashtag blijft staan. Wat er mis is:",
        "en": "This does not work as a hashtag; the previous hashtag stays. What is wrong:",
    },
    "content.hashtag_too_long": {
        "nl": "Dat is te lang voor een hashtag: hoogstens {max} tekens. De vorige hashtag blijft staan.",
        "en": "That is too long for a hashtag: at most {max} characters. The previous hashtag stays.",
    },
    "content.hashtag_generic": {
        "nl": "Dit is een algemene tag die veel anderen ook gebruiken. Geef de challenge een eigen tag, dan vinden "
        "jullie alle reacties terug; de algemene tag kan er los bij.",
        "en": "This is a generic tag that many others use too. Give the challenge a tag of its own, so you can find "
        "every reply; add the generic tag separately.",
    },
    "content.name_no_tag": {
        "nl": "Van deze naam valt geen hashtag te maken: gebruik letters of cijfers.",
        "en": "This name gives no hashtag: use letters or digits.",
    },
    "content.need_name": {
        "nl": "Vul eerst een naam in; daar wordt de hashtag van gemaakt.",
        "en": "Fill in a name first; the hashtag is made from it.",
    },
    "content.format": {"nl": "Vorm", "en": "Format"},
    "content.format_none": {"nl": "Kies een vorm", "en": "Choose a format"},
    "content.bad_format": {
        "nl": "Kies een van de vormen uit de lijst.",
        "en": "Choose one of the formats in the list.",
    },
    "content.format_dance": {"nl": "Dans of transitie", "en": "Dance or transition"},
    "content.format_dance_hint": {
        "nl": "Een korte beweging of een snelle wissel van beeld op de maat van de muziek, bijvoorbeeld van "
        "werkkleding naar vrijetijdskleding.",
        "en": "A short move or a quick change of scene to the beat, for example from work clothes to everyday clothes.",
    },
    "content.format_before_after": {"nl": "Voor en na", "en": "Before and after"},
    "content.format_before_after_hint": {
        "nl": "Eerst hoe iets eruitzag, dan wat jullie ervan gemaakt hebben: een auto, een kapsel, een tuin.",
        "en": "First how something looked, then what you made of it: a car, a haircut, a garden.",
    },
    "content.format_day_as_intern": {"nl": "Een dag als stagiair", "en": "A day as an intern"},
    "content.format_day_as_intern_hint": {
        "nl": "Een stagiair neemt de kijker mee door een gewone werkdag, van de eerste koffie tot de laatste klus.",
        "en": "An intern takes the viewer through an ordinary working day, from the first coffee to the last job.",
    },
    "content.format_pov": {"nl": "POV (door iemands ogen)", "en": "POV (through someone's eyes)"},
    "content.format_pov_hint": {
        "nl": "'POV: je eerste dag in de werkplaats'. De kijker ziet alles alsof hij er zelf bij is.",
        "en": "'POV: your first day in the workshop'. The viewer sees everything as if they were there.",
    },
    "content.format_tutorial": {"nl": "Uitleg of tip", "en": "Tutorial or tip"},
    "content.format_tutorial_hint": {
        "nl": "Een handigheidje uit jullie vak, in een halve minuut uitgelegd.",
        "en": "A knack of your trade, explained in half a minute.",
    },
    "content.format_quiz": {"nl": "Raad het (quiz)", "en": "Guess what (quiz)"},
    "content.format_quiz_hint": {
        "nl": "Jullie laten iets zien en de kijker raadt wat het is, of wat er daarna gebeurt.",
        "en": "You show something and the viewer guesses what it is, or what happens next.",
    },
    "content.format_duet_chain": {"nl": "Duetketting", "en": "Duet chain"},
    "content.format_duet_chain_hint": {
        "nl": "Jullie beginnen met een vraag of opdracht; kijkers reageren met een duet, en anderen weer op hen.",
        "en": "You start with a question or a task; viewers answer with a duet, and others answer them in turn.",
    },
    "content.sound": {"nl": "Geluid of muziek", "en": "Sound or music"},
    "content.sound_hint": {
        "nl": "Welk geluid of nummer hoort erbij?",
        "en": "Which sound or song goes with it?",
    },
    "content.starter": {"nl": "Wie begint?", "en": "Who starts it?"},
    "content.starter_hint": {"nl": "Bijvoorbeeld: onze stagiair Sanne", "en": "For example: our intern Sanne"},
    "content.too_long": {
        "nl": "Deze tekst is te lang: hoogstens {max} tekens. De vorige tekst blijft staan.",
        "en": "This text is too long: at most {max} characters. The previous text stays.",
    },
    "content.control": {
        "nl": "De tekst bevat onzichtbare tekens of een regeleinde (bijvoorbeeld uit gekopieerde tekst). Typ hem "
        "opnieuw; de vorige tekst blijft staan.",
        "en": "The text contains invisible characters or a line break (for example from copied text). Type it "
        "again; the previous text stays.",
    },
    # --- the audience and what minors can do -----------------------------------------------------
    "content.step_audience": {"nl": "2. Voor wie is de challenge?", "en": "2. Who is the challenge for?"},
    "content.audience_hint": {
        "nl": "Kies de groep die jullie vooral willen bereiken. Wat jongeren op TikTok kunnen, hangt af van hun "
        "leeftijd.",
        "en": "Choose the group you mainly want to reach. What young people can do on TikTok depends on their age.",
    },
    "content.audience_none": {"nl": "Nog niet gekozen", "en": "Not chosen yet"},
    "content.audience_vmbo_13_15": {"nl": "vmbo-leerlingen, 13-15 jaar", "en": "vmbo pupils, aged 13-15"},
    "content.audience_16_17": {"nl": "16-17 jaar", "en": "aged 16-17"},
    "content.audience_adults": {"nl": "18+ (mbo, hbo)", "en": "18+ (mbo, hbo)"},
    "content.bad_audience": {
        "nl": "Kies een van de groepen uit de lijst.",
        "en": "Choose one of the groups in the list.",
    },
    "content.minors_title": {
        "nl": "Let op: wat jongeren op TikTok wel en niet kunnen",
        "en": "Note: what young people can and cannot do on TikTok",
    },
    "content.minors_13_15_duet": {
        "nl": "Jongeren van 13 tot en met 15 jaar kunnen op een challenge of duet-opdracht niet reageren met een Duet "
        "of Stitch, en anderen kunnen hun video's niet dueten, stitchen of downloaden.",
        "en": "Young people aged 13 to 15 cannot answer a challenge or duet prompt with a Duet or Stitch, and others "
        "cannot Duet, Stitch or download their videos.",
    },
    "content.minors_13_15_private": {
        "nl": "Hun account is standaard privé: hun video's zien alleen volgers die zij zelf goedkeuren, en TikTok "
        "stelt hun account niet aan anderen voor.",
        "en": "Their account is private by default: only followers they approve see their videos, and TikTok does "
        "not suggest their account to others.",
    },
    "content.minors_no_dm": {
        "nl": "Onder de {age} kunnen jongeren geen privéberichten (DM's) gebruiken.",
        "en": "Under {age}, young people cannot use direct messages.",
    },
    "content.minors_consent": {
        "nl": "Filmen jullie een stagiair jonger dan {age} en is toestemming de grondslag, dan moet ook een ouder of "
        "voogd toestemming geven. Snuffel- en meeloopstagiairs van het vmbo zijn vaak 14 of 15.",
        "en": "If you film an intern younger than {age} and consent is the basis, a parent or guardian must consent "
        "too. Orientation and work-placement interns from vmbo are often 14 or 15.",
    },
    "content.minors_16_17_duet": {
        "nl": "Bij 16- en 17-jarigen staan Duet en Stitch standaard op 'Vrienden': alleen vrienden kunnen hun video's "
        "dueten of stitchen. Privéberichten staan standaard op 'Niemand'.",
        "en": "For 16 and 17-year-olds, Duet and Stitch default to 'Friends': only friends can Duet or Stitch their "
        "videos. Direct messages default to 'No one'.",
    },
    "content.minors_16_17_private": {
        "nl": "Hun account is privé, tenzij ze bij het aanmelden voor openbaar kiezen.",
        "en": "Their account is private unless they choose public when they sign up.",
    },
    "content.minors_adults_mbo": {
        "nl": "Ook in het mbo zitten minderjarigen: wie van het vmbo komt, begint meestal rond de 16. Voor hen "
        "gelden de regels voor 16- en 17-jarigen hieronder.",
        "en": "Mbo has minors too: pupils coming from vmbo usually start at about 16. The rules for 16 and "
        "17-year-olds below apply to them.",
    },
    "content.minors_source": {"nl": "Bron: {source}.", "en": "Source: {source}."},
    "content.not_legal_advice": {
        "nl": "Dit is geen juridisch advies; twijfelen jullie, vraag het dan aan een jurist.",
        "en": "This is not legal advice; when in doubt, ask a lawyer.",
    },
    # --- duets -----------------------------------------------------------------------------------
    "content.step_duets": {"nl": "3. Twee duet-opdrachten", "en": "3. Two duet prompts"},
    "content.duets_hint": {
        "nl": "Een duet zet de video van een kijker naast die van jullie. Schrijf twee opdrachten waarop een kijker "
        "met een eigen video kan antwoorden.",
        "en": "A duet puts a viewer's video next to yours. Write two prompts a viewer can answer with a video of "
        "their own.",
    },
    "content.prompt_1": {"nl": "Duet-opdracht 1", "en": "Duet prompt 1"},
    "content.prompt_2": {"nl": "Duet-opdracht 2", "en": "Duet prompt 2"},
    "content.prompt_hint": {
        "nl": "Bijvoorbeeld: Laat zien hoe jij dit zou aanpakken",
        "en": "For example: Show how you would tackle this",
    },
    "content.duet_warning_under_16": {
        "nl": "Jullie mikken op 13- tot 15-jarigen. Zij kunnen deze opdrachten niet met een Duet of Stitch "
        "beantwoorden, en hun eigen video's zien alleen volgers die zij goedkeuren. Laat de duetten maken door "
        "jullie eigen medewerkers en stagiairs, of richt de duet-opdrachten op jongeren vanaf {age}.",
        "en": "You aim at 13 to 15-year-olds. They cannot answer these prompts with a Duet or Stitch, and only "
        "followers they approve see their own videos. Have your own employees and interns make the duets, or aim "
        "the duet prompts at young people from {age}.",
    },
    "content.duet_note_16_17": {
        "nl": "Bij 16- en 17-jarigen staan Duet en Stitch standaard op 'Vrienden', en hun account is privé tenzij ze "
        "zelf voor openbaar kozen. Reken er dus niet op dat hun antwoorden een lange, openbare duetketting worden.",
        "en": "For 16 and 17-year-olds, Duet and Stitch default to 'Friends', and their account is private unless "
        "they chose public. So do not count on their answers growing into a long, public duet chain.",
    },
    # --- preview ---------------------------------------------------------------------------------
    "content.step_preview": {"nl": "Zo ziet jullie challenge eruit", "en": "What your challenge looks like"},
    "content.preview_format": {"nl": "Vorm", "en": "Format"},
    "content.preview_starter": {"nl": "Wie begint", "en": "Started by"},
    "content.preview_duets": {"nl": "Doe mee met een duet:", "en": "Join in with a duet:"},
    "content.preview_no_name": {"nl": "(nog geen naam)", "en": "(no name yet)"},
    "content.preview_no_hashtag": {"nl": "(nog geen hashtag)", "en": "(no hashtag yet)"},
    "content.preview_no_format": {"nl": "(nog geen vorm gekozen)", "en": "(no format chosen yet)"},
    "content.preview_no_sound": {"nl": "(nog geen geluid)", "en": "(no sound yet)"},
    "content.preview_no_starter": {"nl": "(nog niemand)", "en": "(nobody yet)"},
    "content.preview_no_prompt": {"nl": "(nog geen opdracht)", "en": "(no prompt yet)"},
}
