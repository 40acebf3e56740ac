"""Texts of the perfection step, and of the printable hand-outs."""

CATALOGUE: dict[str, dict[str, str]] = {
    # --- the authenticity check (toolkit/widgets/perfection.py) ---------------------------------
    "perfection.title": {"nl": "Perfectie overboord", "en": "Throw perfection overboard"},
    "perfection.intro": {
        "nl": "Een TikTok-video hoeft niet mooi te zijn, wel echt. Beschrijf jullie conceptvideo, vink aan wat al "
        "klopt en schrijf daarna een korte brief voor een video achter de schermen.",
        "en": "A TikTok video need not be pretty, it has to be real. Describe your draft video, tick what is "
        "already right, then write a short brief for a behind-the-scenes video.",
    },
    "perfection.example_note": {
        "nl": "Voorbeeld: een verzonnen conceptvideo en brief van een verzonnen garage. Pas het aan, of begin leeg.",
        "en": "Example: an invented draft video and brief of an invented garage. Change it, or start empty.",
    },
    "perfection.step_draft": {"nl": "1. Jullie conceptvideo", "en": "1. Your draft video"},
    "perfection.draft": {"nl": "Wat is er te zien?", "en": "What does it show?"},
    "perfection.draft_placeholder": {
        "nl": "Bijvoorbeeld: onze stagiair laat zien hoe hij een band wisselt, gefilmd met zijn telefoon.",
        "en": "For example: our intern shows how he changes a tyre, filmed on his phone.",
    },
    "perfection.step_checks": {"nl": "2. Hoe echt is de video?", "en": "2. How real is the video?"},
    "perfection.checks_hint": {
        "nl": "Vink aan wat klopt voor jullie video. Onder elk punt staat waarom het telt.",
        "en": "Tick what is true of your video. Under each point you find why it counts.",
    },
    "perfection.score": {"nl": "{done} van de {total} punten", "en": "{done} of {total} points"},
    "perfection.verdict_real": {
        "nl": "Dit voelt echt. Zo kan de video online.",
        "en": "This feels real. The video can go online like this.",
    },
    "perfection.verdict_halfway": {
        "nl": "Op de goede weg. Kijk bij de open punten wat nog makkelijk kan.",
        "en": "On the right track. See which open points are easy to do.",
    },
    "perfection.verdict_polished": {
        "nl": "Dit oogt nog als reclame. Kies twee of drie open punten en film opnieuw, gewoon met een telefoon.",
        "en": "This still looks like an advert. Pick two or three open points and film again, just on a phone.",
    },
    "perfection.rule_of_thumb": {
        "nl": "Vuistregel van deze workshop, geen meting: vanaf {real} van de punten voelt een video echt, vanaf "
        "{halfway} is hij op de goede weg. De score telt punten; hij voorspelt niet hoeveel mensen gaan kijken.",
        "en": "A rule of thumb of this workshop, not a measurement: from {real} of the points a video feels real, "
        "from {halfway} it is on the right track. The score counts points; it does not predict how many will watch.",
    },
    "perfection.step_brief": {
        "nl": "3. Brief voor een video van {seconds} seconden achter de schermen",
        "en": "3. Brief for a {seconds}-second behind-the-scenes video",
    },
    "perfection.brief_subject": {"nl": "Onderwerp", "en": "Subject"},
    "perfection.brief_subject_hint": {
        "nl": "Wat laten jullie zien? Bijvoorbeeld een ochtend in de werkplaats",
        "en": "What do you show? For example a morning in the workshop",
    },
    "perfection.brief_who": {"nl": "Wie", "en": "Who"},
    "perfection.brief_who_hint": {"nl": "Wie is in beeld, en wie filmt?", "en": "Who is on screen, and who films?"},
    "perfection.brief_where": {"nl": "Waar", "en": "Where"},
    "perfection.brief_where_hint": {"nl": "Waar wordt er gefilmd?", "en": "Where is it filmed?"},
    "perfection.brief_hook": {"nl": "Eerste seconden", "en": "First seconds"},
    "perfection.brief_hook_hint": {
        "nl": "Wat gebeurt er meteen aan het begin?",
        "en": "What happens straight away at the start?",
    },
    "perfection.brief_ending": {"nl": "Einde", "en": "Ending"},
    "perfection.brief_ending_hint": {
        "nl": "Hoe eindigt de video? Bijvoorbeeld met een vraag aan de kijker",
        "en": "How does the video end? For example with a question to the viewer",
    },
    "perfection.preview": {"nl": "Zo ziet jullie brief eruit", "en": "This is what your brief looks like"},
    "perfection.preview_title": {
        "nl": "Brief: video van {seconds} seconden achter de schermen",
        "en": "Brief: {seconds}-second behind-the-scenes video",
    },
    "perfection.preview_empty": {"nl": "nog leeg", "en": "still empty"},
    "perfection.brief_gaps": {"nl": "Nog in te vullen: {fields}.", "en": "Still to fill in: {fields}."},
    "perfection.brief_complete": {
        "nl": "De brief is compleet. Geef hem aan wie gaat filmen.",
        "en": "The brief is complete. Hand it to whoever films.",
    },
    "perfection.brief_tips": {"nl": "Let bij het filmen ook op:", "en": "When filming, also mind:"},
    "perfection.too_long": {
        "nl": "Deze tekst is langer dan {max} tekens. Maak hem korter; de vorige tekst blijft staan.",
        "en": "This text is longer than {max} characters. Make it shorter; the previous text stays.",
    },
    "perfection.control": {
        "nl": "De tekst bevat onzichtbare tekens (bijvoorbeeld uit gekopieerde tekst). Typ hem opnieuw; de vorige "
        "tekst blijft staan.",
        "en": "The text contains invisible characters (for example from copied text). Type it again; the "
        "previous text stays.",
    },
    "perfection.unknown_item": {
        "nl": "'{item}' staat niet op de checklist.",
        "en": "'{item}' is not on the checklist.",
    },
    # --- printable hand-outs (toolkit/handouts.py) ----------------------------------------------
    "handout.footer": {
        "nl": "Gemaakt met StageTok, uit dezelfde gegevens als de tools van de workshop.",
        "en": "Made with StageTok, from the same data as the workshop's tools.",
    },
    "handout.tips_title": {"nl": "Vijf tips voor TikTok en stagiairs", "en": "Five tips for TikTok and interns"},
    "handout.tips_intro": {
        "nl": "Vijf ideeën om jongeren op TikTok te laten zien hoe het is om bij jullie stage te lopen.",
        "en": "Five ideas for showing young people on TikTok what an internship with you is like.",
    },
    "handout.tip_do": {"nl": "Meteen te doen:", "en": "To do straight away:"},
    "handout.tip_goal": {"nl": "Doel in de workshop:", "en": "Goal in the workshop:"},
    "handout.tip_early_text": {
        "nl": "Leg jullie accountnaam en een eigen hashtag nu vast, ook als jullie nog niet posten. Kijk wie er in "
        "jullie vak al actief is: waar weinig werkgevers posten, vallen jullie sneller op. Een leerling die nu 15 "
        "is, kan over een paar jaar jullie stagiair zijn.",
        "en": "Claim your account name and a hashtag of your own now, even before you post. See who in your trade "
        "is active already: where few employers post, you stand out sooner. A pupil of 15 today can be your intern "
        "in a few years.",
    },
    "handout.tip_early_do": {
        "nl": "Zoek jullie bedrijfsnaam op TikTok en leg de naam vast.",
        "en": "Search for your company name on TikTok and claim it.",
    },
    "handout.tip_irony_text": {
        "nl": "Zelfspot maakt een bedrijf menselijk. Maar wie te ver gaat, wordt een grap in plaats van een "
        "werkgever: zoek samen waar die grens voor jullie ligt.",
        "en": "Self-mockery makes a company human. But go too far and you become a joke instead of an employer: "
        "find together where that line lies for you.",
    },
    "handout.tip_irony_do": {
        "nl": "Bedenk drie ideeën en laat twee jonge collega's zeggen welk grappig is en welk te ver gaat.",
        "en": "Think of three ideas and let two young colleagues say which is funny and which goes too far.",
    },
    "handout.tip_content_text": {
        "nl": "Zonder een goede video helpt geen enkele hashtag. Doe mee met challenges en duets, of bedenk een "
        "eigen challenge die bij jullie vak past, zoals #cheflife of #farmlife dat voor andere beroepen doen.",
        "en": "Without a good video no hashtag helps. Join challenges and duets, or create a challenge of your own "
        "that fits your trade, as #cheflife or #farmlife do for other professions.",
    },
    "handout.tip_content_do": {
        "nl": "Kies één challenge of duet die bij jullie vak past en maak er een eigen versie van.",
        "en": "Pick one challenge or duet that fits your trade and make your own version.",
    },
    "handout.tip_advocacy_text": {
        "nl": "Werven gaat in drie stappen: Touch (hoe jongeren over jullie denken), Tell (de vacature) en Sell (het "
        "moment dat iemand solliciteert). TikTok is vooral Touch: laat medewerkers en stagiairs zelf vertellen hoe "
        "het werk is.",
        "en": "Recruiting has three steps: Touch (how young people feel about you), Tell (the vacancy) and Sell "
        "(the moment someone applies). TikTok is mostly Touch: let employees and interns tell what the work is "
        "like.",
    },
    "handout.tip_advocacy_do": {
        "nl": "Maak een rooster: wie post wanneer, en is het Touch, Tell of Sell?",
        "en": "Make a roster: who posts when, and is it Touch, Tell or Sell?",
    },
    "handout.tip_perfection_text": {
        "nl": "Echt werkt beter dan gepolijst: een telefoon, echte collega's en het werk zoals het is. Laat jullie "
        "stagiairs meedenken of zelf filmen: zij kennen het platform het best.",
        "en": "Real beats polished: a phone, real colleagues and the work as it is. Let your interns help think "
        "it up or film it themselves: they know the platform best.",
    },
    "handout.tip_perfection_do": {
        "nl": "Film deze week een korte video achter de schermen, met een telefoon.",
        "en": "Film a short behind-the-scenes video this week, on a phone.",
    },
    "handout.tips_safe": {
        "nl": "En altijd: vraag toestemming aan wie herkenbaar in beeld komt. Zie de hand-out 'Veilig en volgens de "
        "regels'.",
        "en": "And always: ask for consent from everyone recognisable on screen. See the hand-out 'Safe and "
        "lawful'.",
    },
    "handout.hashtags_title": {"nl": "Hashtags: de regels op een rij", "en": "Hashtags: the rules at a glance"},
    "handout.hashtags_intro": {
        "nl": "Hashtags bepalen mee bij wie een video terechtkomt. Het Hashtag Lab van de workshop werkt met "
        "dezelfde regels.",
        "en": "Hashtags help decide whom a video reaches. The workshop's Hashtag Lab uses the same rules.",
    },
    "handout.tag_rules_heading": {"nl": "Wat mag er in een hashtag?", "en": "What may a hashtag contain?"},
    "handout.tag_rule_chars": {
        "nl": "Een hashtag is een # met daarachter letters, cijfers en liggende streepjes (_). Er moet minstens één "
        "letter of cijfer in staan.",
        "en": "A hashtag is a # followed by letters, digits and underscores (_). It needs at least one letter or "
        "digit.",
    },
    "handout.tag_rule_ends": {
        "nl": "Bij een spatie, een streepje (-), een leesteken of een emoji houdt de hashtag op: van '#werken bij' "
        "blijft alleen #werken over.",
        "en": "A space, a hyphen (-), punctuation or an emoji ends the hashtag: of '#work here' only #work is left.",
    },
    "handout.tag_rule_case": {
        "nl": "Hoofdletters maken geen verschil: #MonteurLife en #monteurlife zijn dezelfde tag. Wel lezen "
        "hoofdletters makkelijker.",
        "en": "Capitals make no difference: #MonteurLife and #monteurlife are the same tag. Capitals do read more "
        "easily.",
    },
    "handout.tag_rule_length": {
        "nl": "Het Hashtag Lab neemt hashtags aan tot {max} tekens na de #. Houd ze kort.",
        "en": "The Hashtag Lab accepts hashtags of up to {max} characters after the #. Keep them short.",
    },
    "handout.tiers_heading": {"nl": "Hoe druk is een hashtag?", "en": "How busy is a hashtag?"},
    "handout.tiers_intro": {
        "nl": "Zoek op TikTok op hoeveel posts er bij een hashtag staan. TikTok toont sinds ongeveer 2024 het aantal "
        "posts, niet meer het aantal weergaven.",
        "en": "Look up on TikTok how many posts a hashtag has. Since about 2024 TikTok shows the number of posts, "
        "no longer the number of views.",
    },
    "handout.col_tier": {"nl": "Niveau", "en": "Tier"},
    "handout.col_posts": {"nl": "Aantal posts", "en": "Posts"},
    "handout.col_means": {"nl": "Wat het betekent", "en": "What it means"},
    "handout.tier_unused_range": {"nl": "0", "en": "0"},
    "handout.tier_niche_range": {"nl": "minder dan {sweet}", "en": "fewer than {sweet}"},
    "handout.tier_sweet_range": {"nl": "{sweet} tot {over}", "en": "{sweet} to {over}"},
    "handout.tier_overused_range": {"nl": "{over} of meer", "en": "{over} or more"},
    "handout.tier_unused_means": {
        "nl": "Nog niemand gebruikt hem: geschikt als eigen merk- of challengetag.",
        "en": "Nobody uses it yet: good for a branded or challenge tag of your own.",
    },
    "handout.tier_niche_means": {
        "nl": "Een klein publiek dat er bewust naar zoekt.",
        "en": "A small audience that looks for it on purpose.",
    },
    "handout.tier_sweet_means": {
        "nl": "Genoeg mensen kijken, en een nieuwe video valt nog op.",
        "en": "Enough people watch, and a new video still stands out.",
    },
    "handout.tier_overused_means": {
        "nl": "Een nieuwe video verdwijnt tussen de rest: gebruik er hoogstens één.",
        "en": "A new video disappears among the rest: use one at most.",
    },
    "handout.tiers_assumption": {
        "nl": "Deze grenzen zijn een aanname van de workshop, geen regel van TikTok. In het Hashtag Lab kunnen "
        "jullie ze aanpassen.",
        "en": "These limits are an assumption of the workshop, not a TikTok rule. You can change them in the "
        "Hashtag Lab.",
    },
    "handout.mix_heading": {"nl": "De mix voor één video", "en": "The mix for one video"},
    "handout.mix_size": {
        "nl": "Gebruik {low} tot {high} hashtags per video.",
        "en": "Use {low} to {high} hashtags per video.",
    },
    "handout.misleading_heading": {"nl": "Tags die misleiden", "en": "Tags that mislead"},
    "handout.caption_heading": {"nl": "De tekst bij de video", "en": "The caption"},
    "handout.caption_limit": {
        "nl": "Via TikToks koppeling voor het plaatsen van video's (de API) mag een bijschrift hoogstens {limit} "
        "tekens hebben; in de app mag het langer. Het Hashtag Lab telt met {limit}, dan past het overal. De "
        "hashtags tellen mee.",
        "en": "Through TikTok's interface for posting videos (the API) a caption may have at most {limit} "
        "characters; the app allows more. The Hashtag Lab counts with {limit}, so it fits everywhere. The "
        "hashtags count too.",
    },
    "handout.calendar_title": {
        "nl": "Wie kan wanneer bij jullie stage lopen?",
        "en": "Who can be your intern, and when?",
    },
    "handout.calendar_intro": {
        "nl": "Per groep leerlingen en studenten van nu: het eerste schooljaar waarin zij bij jullie een stage kunnen "
        "doen, en in welke opleiding. Schooljaar nu: {year}.",
        "en": "For each group of pupils and students of today: the first school year in which they can do an "
        "internship with you, and in which education. School year now: {year}.",
    },
    "handout.cal_group": {"nl": "Groep van nu", "en": "Group today"},
    "handout.cal_age": {"nl": "Leeftijd", "en": "Age"},
    "handout.cal_class": {"nl": "{track}, klas {grade}", "en": "{track}, year {grade}"},
    "handout.cal_course_year": {"nl": "{track}, leerjaar {grade}", "en": "{track}, year {grade}"},
    "handout.cal_or": {"nl": " of ", "en": " or "},
    "handout.cal_reading": {
        "nl": "Zo lees je de tabel: het jaartal is het eerste schooljaar waarin het kan, als de leerling de gewone "
        "route volgt zonder vertraging; later kan ook. Een streepje betekent: op deze route niet.",
        "en": "How to read the table: the year is the first school year in which it can happen, if the pupil "
        "follows the usual route without delay; later is possible too. A dash means: not on this route.",
    },
    "handout.cal_routes": {
        "nl": "Routes: vmbo basis gaat naar mbo niveau 2; vmbo kader, gemengd en theoretisch naar mbo niveau 3 of "
        "4 (gemengd en theoretisch ook naar havo); havo naar hbo; vwo naar wo of hbo; mbo niveau 4 geeft toegang "
        "tot hbo.",
        "en": "Routes: vmbo basic goes on to mbo level 2; vmbo advanced vocational, combined and theoretical to mbo "
        "level 3 or 4 (combined and theoretical also to havo); havo to hbo; vwo to wo or hbo; mbo level 4 gives "
        "access to hbo.",
    },
    "handout.cal_assumption": {
        "nl": "Aanname: de bpv-stage begint in het tweede mbo-jaar, zoals in het stageschema van één school (Summa "
        "College); op andere scholen kan dat anders zijn. In de bbl werken studenten vanaf het eerste jaar.",
        "en": "Assumption: the bpv placement starts in the second mbo year, as in one school's schedule (Summa "
        "College); other schools may differ. In bbl students work from the first year.",
    },
    "handout.safety_title": {"nl": "Veilig en volgens de regels", "en": "Safe and lawful"},
    "handout.safety_account": {"nl": "Wie beheert het account?", "en": "Who manages the account?"},
    "handout.safety_intro": {
        "nl": "Loop deze lijst samen na voordat jullie medewerkers en stagiairs filmen en jongeren op TikTok "
        "opzoeken. Vink af wat geregeld is.",
        "en": "Go through this list together before you film employees and interns and seek out young people on "
        "TikTok. Tick off what is arranged.",
    },
}
