"""Texts of the workshop dashboard: its steps, the team, the welcome step and the plan step."""

CATALOGUE: dict[str, dict[str, str]] = {
    # --- the steps (titles, short names for the step buttons, goals) ---------------------------
    "step.welcome.title": {"nl": "Welkom", "en": "Welcome"},
    "step.welcome.short": {"nl": "Welkom", "en": "Welcome"},
    "step.welcome.goal": {
        "nl": "Jullie weten hoe TikTok werkt en wie het in Nederland gebruikt, en jullie team heeft een naam en "
        "een teamcode.",
        "en": "You know how TikTok works and who uses it in the Netherlands, and your team has a name and a "
        "team code.",
    },
    "step.pipeline.title": {"nl": "Waarom nu: de stagiair van later", "en": "Why now: the intern of later"},
    "step.pipeline.short": {"nl": "Waarom nu", "en": "Why now"},
    "step.pipeline.goal": {
        "nl": "Jullie zien welke leerlingen van nu over een paar jaar bij jullie stage kunnen lopen, en hoeveel "
        "jullie er moeten bereiken.",
        "en": "You see which pupils of today can do an internship with you in a few years, and how many you "
        "need to reach.",
    },
    "step.early.title": {"nl": "Tip 1: wees er vroeg bij", "en": "Tip 1: be early"},
    "step.early.short": {"nl": "Vroeg erbij", "en": "Be early"},
    "step.early.goal": {
        "nl": "Jullie leggen jullie accountnaam vast en zien hoe druk het is met werkgevers in jullie sector en regio.",
        "en": "You claim your account name and see how busy it is with employers in your sector and region.",
    },
    "step.irony.title": {"nl": "Tip 2: durf zelfspot", "en": "Tip 2: dare to mock yourselves"},
    "step.irony.short": {"nl": "Zelfspot", "en": "Self-mockery"},
    "step.irony.goal": {
        "nl": "Jullie vinden de toon tussen stijf en belachelijk, en schrijven drie eigen ideeën in die toon.",
        "en": "You find the tone between stiff and ridiculous, and write three ideas of your own in it.",
    },
    "step.content.title": {"nl": "Tip 3: content maakt het verschil", "en": "Tip 3: content makes the difference"},
    "step.content.short": {"nl": "Challenge", "en": "Challenge"},
    "step.content.goal": {
        "nl": "Jullie ontwerpen een eigen challenge met hashtag en twee duet-opdrachten, en weten wat jongeren "
        "onder de 16 wel en niet kunnen.",
        "en": "You design your own challenge with a hashtag and two duet prompts, and know what under-16s can "
        "and cannot do.",
    },
    "step.advocacy.title": {"nl": "Tip 4: Touch, Tell, Sell met jullie eigen mensen",
                            "en": "Tip 4: Touch, Tell, Sell with your own people"},
    "step.advocacy.short": {"nl": "Touch, Tell, Sell", "en": "Touch, Tell, Sell"},
    "step.advocacy.goal": {
        "nl": "Jullie verdelen jullie ideeën over Touch, Tell en Sell, en maken een rooster: wie van jullie collega's "
        "en stagiairs post wat, en wanneer.",
        "en": "You sort your ideas into Touch, Tell and Sell, and make a roster: which colleagues and interns "
        "post what, and when.",
    },
    "step.perfection.title": {"nl": "Tip 5: perfectie overboord", "en": "Tip 5: perfection overboard"},
    "step.perfection.short": {"nl": "Niet perfect", "en": "Not perfect"},
    "step.perfection.goal": {
        "nl": "Jullie toetsen een eerste video aan een lijst voor echtheid, en schrijven een opzet voor een video "
        "van 30 seconden achter de schermen.",
        "en": "You check a first video against a list for authenticity, and write a brief for a 30-second "
        "behind-the-scenes video.",
    },
    "step.safety.title": {"nl": "Veilig en volgens de regels", "en": "Safe and lawful"},
    "step.safety.short": {"nl": "Veilig", "en": "Safe"},
    "step.safety.goal": {
        "nl": "Jullie weten wat er geregeld moet zijn voordat collega's, stagiairs en jongeren in beeld komen.",
        "en": "You know what must be arranged before colleagues, interns and young people appear on screen.",
    },
    "step.hashtags.title": {"nl": "Het Hashtag Lab", "en": "The Hashtag Lab"},
    "step.hashtags.short": {"nl": "Hashtags", "en": "Hashtags"},
    "step.hashtags.goal": {
        "nl": "Jullie kiezen een mix van hashtags die bij jullie bedrijf en vak past, en schrijven er een "
        "bijschrift bij.",
        "en": "You choose a mix of hashtags that fits your company and trade, and write a caption with it.",
    },
    "step.reach.title": {"nl": "Bereik: wat levert het op?", "en": "Reach: what does it bring?"},
    "step.reach.short": {"nl": "Bereik", "en": "Reach"},
    "step.reach.goal": {
        "nl": "Jullie schatten hoeveel mensen jullie video's bereiken, met jullie eigen cijfers uit TikTok Studio "
        "als jullie die hebben.",
        "en": "You estimate how many people your videos reach, with your own figures from TikTok Studio if "
        "you have them.",
    },
    "step.plan.title": {"nl": "Actieplan", "en": "Action plan"},
    "step.plan.short": {"nl": "Actieplan", "en": "Action plan"},
    "step.plan.goal": {
        "nl": "Alles wat jullie kozen staat in één plan, met de eerste stappen en wie ze zet. Dat plan nemen "
        "jullie mee naar huis.",
        "en": "Everything you chose is in one plan, with the first actions and who takes them. You take that "
        "plan home.",
    },
    # --- the workshop page ------------------------------------------------------------------------
    "workshop.title": {"nl": "StageTok-workshop", "en": "StageTok workshop"},
    "workshop.intro": {
        "nl": "Stap voor stap naar een plan om via TikTok stagiairs te vinden. Alles wat jullie invullen wordt "
        "meteen bewaard onder jullie teamcode.",
        "en": "Step by step to a plan for finding interns through TikTok. Everything you fill in is saved at "
        "once under your team code.",
    },
    "workshop.code": {"nl": "Teamcode", "en": "Team code"},
    "workshop.code_placeholder": {"nl": "bijvoorbeeld K7QM-3XTA", "en": "for example K7QM-3XTA"},
    "workshop.join": {"nl": "Openen", "en": "Open"},
    "workshop.new": {"nl": "Nieuw team", "en": "New team"},
    "workshop.download": {"nl": "Werkboek downloaden", "en": "Download workbook"},
    "workshop.send": {"nl": "Naar het bord sturen", "en": "Send to the board"},
    "workshop.sent": {
        "nl": "Verstuurd: jullie werk staat op het bord van de zaal. Sturen jullie opnieuw, dan vervangt dat het "
        "vorige.",
        "en": "Sent: your work is on the room's board. Sending again replaces what you sent before.",
    },
    "workshop.room_moved": {"nl": "De begeleider vraagt iedereen naar stap {step}.",
                            "en": "The facilitator asks everyone to go to step {step}."},
    "workshop.upload": {"nl": "Werkboek openen", "en": "Open workbook"},
    "workshop.download_ready": {"nl": "Klik hier om het werkboek op te slaan",
                                "en": "Click here to save the workbook"},
    "workshop.previous": {"nl": "Vorige stap", "en": "Previous step"},
    "workshop.next": {"nl": "Volgende stap", "en": "Next step"},
    "workshop.step_of": {"nl": "Stap {number} van {total}:", "en": "Step {number} of {total}:"},
    "workshop.goal": {"nl": "Doel:", "en": "Goal:"},
    "workshop.saved_at": {"nl": "bewaard om {time}", "en": "saved at {time}"},
    "workshop.not_saved": {"nl": "nog niets bewaard", "en": "nothing saved yet"},
    "workshop.no_name": {"nl": "Team zonder naam", "en": "Team without a name"},
    "workshop.code_is": {"nl": "teamcode", "en": "team code"},
    "workshop.no_team": {
        "nl": "Hebben jullie al een teamcode? Vul hem hieronder in. Nieuw? Begin gewoon: bij jullie eerste keuze "
        "krijgen jullie een teamcode, en alles wordt bewaard.",
        "en": "Do you have a team code already? Enter it below. New? Just start: with your first choice you get "
        "a team code, and everything is saved.",
    },
    "workshop.code_made": {
        "nl": "Jullie teamcode is {code}. Schrijf hem op: met deze code komt al het werk terug, ook op een andere "
        "computer.",
        "en": "Your team code is {code}. Write it down: it brings your work back, on another computer too.",
    },
    "workshop.joined": {"nl": "Welkom terug: het werk van team {code} is geopend.",
                        "en": "Welcome back: the work of team {code} is open."},
    "workshop.uploaded": {"nl": "Het werkboek is geopend en bewaard onder teamcode {code}.",
                          "en": "The workbook is open and saved under team code {code}."},
    "workshop.unknown_code": {
        "nl": "Onder teamcode {code} is niets bewaard. Kijk of de code klopt, of vraag de begeleider.",
        "en": "Nothing is saved under team code {code}. Check the code, or ask the facilitator.",
    },
    "workshop.bad_step": {"nl": "Die stap bestaat niet. Kies een stap van 1 tot en met {last}.",
                          "en": "That step does not exist. Choose a step from 1 to {last}."},
    # --- the team ---------------------------------------------------------------------------------
    "team.too_long": {"nl": "Deze tekst is te lang: maximaal {max} tekens. De vorige tekst blijft staan.",
                      "en": "This text is too long: at most {max} characters. The previous text stays."},
    "team.control": {"nl": "Deze tekst bevat onzichtbare stuurtekens. Typ hem opnieuw; de vorige tekst blijft "
                     "staan.",
                     "en": "This text holds invisible control characters. Type it again; the previous text stays."},
    "team.empty": {"nl": "Vul hier iets in.", "en": "Please fill this in."},
    "team.bad_region": {"nl": "Kies een provincie of heel Nederland uit de lijst.",
                        "en": "Choose a province or the whole of the Netherlands from the list."},
    # --- the welcome step -------------------------------------------------------------------------
    "welcome.title": {"nl": "Welkom bij de workshop", "en": "Welcome to the workshop"},
    "welcome.intro": {
        "nl": "Eerst een korte rondleiding: wat is TikTok, en wie zitten er in Nederland op? Daarna geven jullie "
        "je team een naam.",
        "en": "First a short tour: what is TikTok, and who is on it in the Netherlands? Then you give your "
        "team a name.",
    },
    "welcome.example_note": {
        "nl": "Voorbeeld: een verzonnen team van een verzonnen garage. Vul jullie eigen team in.",
        "en": "Example: an invented team of an invented garage. Fill in your own team.",
    },
    "welcome.what_heading": {"nl": "Wat is TikTok?", "en": "What is TikTok?"},
    "welcome.part.for_you": {"nl": "De Voor jou-pagina.", "en": "The For You page."},
    "welcome.part.for_you.text": {
        "nl": "Wat je ziet, kiest het algoritme: op basis van wat je bekijkt, niet van wie je volgt. Ook een "
        "account zonder volgers kan dus veel kijkers krijgen.",
        "en": "What you see is chosen by the algorithm: from what you watch, not whom you follow. So an account "
        "without followers can still get many viewers.",
    },
    "welcome.part.sounds": {"nl": "Geluiden.", "en": "Sounds."},
    "welcome.part.sounds.text": {
        "nl": "Muziek en geluidsfragmenten die iedereen onder een eigen video kan zetten. Een populair geluid "
        "helpt een video op weg.",
        "en": "Music and sound clips anyone can put under their own video. A popular sound helps a video along.",
    },
    "welcome.part.hashtags": {"nl": "Hashtags.", "en": "Hashtags."},
    "welcome.part.hashtags.text": {
        "nl": "Woorden met een # ervoor. Ze vertellen TikTok waar een video over gaat en brengen video's over "
        "hetzelfde onderwerp bij elkaar.",
        "en": "Words with a # in front. They tell TikTok what a video is about and bring videos on the same "
        "topic together.",
    },
    "welcome.part.challenges": {"nl": "Challenges.", "en": "Challenges."},
    "welcome.part.challenges.text": {
        "nl": "Een opdracht met een eigen hashtag die anderen nadoen, elk op hun eigen manier.",
        "en": "A task with its own hashtag that others copy, each in their own way.",
    },
    "welcome.part.duets": {"nl": "Duetten en stitches.", "en": "Duets and stitches."},
    "welcome.part.duets.text": {
        "nl": "Een duet zet jouw video naast die van een ander, in beeld naast elkaar; een stitch plakt een stukje "
        "van een andere video voor de jouwe. Zo reageren mensen op elkaar en reist een idee verder.",
        "en": "A duet puts your video next to someone else's, side by side; a stitch puts a clip of another "
        "video before yours. That is how people answer each other and how an idea travels on.",
    },
    "welcome.figures_heading": {"nl": "TikTok in Nederland, in cijfers", "en": "TikTok in the Netherlands, in figures"},
    "welcome.col_year": {"nl": "Jaar", "en": "Year"},
    "welcome.col_who": {"nl": "Wie telde", "en": "Counted by"},
    "welcome.col_users": {"nl": "Gebruikers", "en": "Users"},
    "welcome.col_daily": {"nl": "Dagelijks", "en": "Daily"},
    "welcome.col_source": {"nl": "Bron", "en": "Source"},
    "welcome.by_newcom": {"nl": "Newcom (onderzoek onder 15+)", "en": "Newcom (survey of ages 15+)"},
    "welcome.by_tiktok": {"nl": "TikTok zelf (maandelijks)", "en": "TikTok itself (monthly)"},
    "welcome.daily_share": {"nl": "{share} van de ondervraagden", "en": "{share} of respondents"},
    "welcome.growth": {"nl": "{growth} erbij in een jaar", "en": "{growth} more in a year"},
    "welcome.figures_note": {
        "nl": "Oude cijfers naast nieuwe: TikTok telt zelf hoger dan het onafhankelijke onderzoek van Newcom. In "
        "2021 gebruikte ongeveer 30 % van de 15- tot 19-jarigen TikTok elke dag; nieuwere cijfers per leeftijd zijn "
        "er niet. En wat niet meer kan: sinds ongeveer 2024 toont een hashtagpagina het aantal posts, niet meer "
        "hoe vaak er gekeken is. Kijkcijfers halen jullie dus uit je eigen TikTok Studio.",
        "en": "Old figures next to new ones: TikTok's own count is higher than Newcom's independent survey. In "
        "2021 about 30% of 15-19-year-olds used TikTok every day; there are no newer figures by age. And what "
        "can no longer be done: since about 2024 a hashtag page shows the number of posts, not how often they "
        "were watched. So your viewing figures come from your own TikTok Studio.",
    },
    "welcome.team_heading": {"nl": "Jullie team", "en": "Your team"},
    "welcome.team_name": {"nl": "Teamnaam", "en": "Team name"},
    "welcome.team_name_placeholder": {"nl": "bijvoorbeeld Team Werkplaats", "en": "for example Team Workshop"},
    "welcome.company": {"nl": "Bedrijf", "en": "Company"},
    "welcome.company_placeholder": {"nl": "de naam van jullie bedrijf", "en": "your company's name"},
    "welcome.sector": {"nl": "Sector of vak", "en": "Sector or trade"},
    "welcome.sector_placeholder": {"nl": "bijvoorbeeld autotechniek of zorg", "en": "for example car repair or care"},
    "welcome.region": {"nl": "Regio", "en": "Region"},
    "welcome.code": {"nl": "Jullie teamcode:", "en": "Your team code:"},
    "welcome.code_hint": {
        "nl": "Schrijf hem op. Met deze code komt al het werk terug, ook als de pagina dichtgaat.",
        "en": "Write it down. With this code you find all your work again, even if the page closes.",
    },
    # --- the plan step ----------------------------------------------------------------------------
    "planstep.title": {"nl": "Jullie actieplan", "en": "Your action plan"},
    "planstep.intro": {
        "nl": "Hier komt alles samen. Kijk welke stappen nog open staan, schrijf de eerste drie acties op en "
        "download het plan.",
        "en": "Everything comes together here. See which steps are still open, write down the first three "
        "actions and download the plan.",
    },
    "planstep.example_note": {
        "nl": "Voorbeeld: verzonnen acties van een verzonnen garage. Schrijf jullie eigen acties.",
        "en": "Example: invented actions of an invented garage. Write your own actions.",
    },
    "planstep.example_action1": {"nl": "Accountnaam @garagedevries vastleggen",
                                 "en": "Claim the account name @garagedevries"},
    "planstep.example_action2": {"nl": "Stagiair Sanne maakt de eerste drie video's",
                                 "en": "Intern Sanne makes the first three videos"},
    "planstep.example_action3": {"nl": "Toestemmingsformulier voor collega's rondsturen",
                                 "en": "Send round the consent form for colleagues"},
    "planstep.example_owner": {"nl": "Sanne en Mark", "en": "Sanne and Mark"},
    "planstep.overview": {"nl": "Wat staat er al in?", "en": "What is in it already?"},
    "planstep.filled": {"nl": "ingevuld", "en": "filled in"},
    "planstep.open": {"nl": "nog open", "en": "still open"},
    "planstep.actions": {"nl": "De eerste drie acties", "en": "The first three actions"},
    "planstep.action1": {"nl": "Actie 1", "en": "Action 1"},
    "planstep.action2": {"nl": "Actie 2", "en": "Action 2"},
    "planstep.action3": {"nl": "Actie 3", "en": "Action 3"},
    "planstep.owner": {"nl": "Wie beheert het account?", "en": "Who looks after the account?"},
    "planstep.first_post": {"nl": "Eerste video online op", "en": "First video online on"},
    "planstep.take_home": {"nl": "Meenemen", "en": "Take it home"},
    "planstep.take_home_text": {
        "nl": "Het plan is één bestand dat zonder internet opent. Print het vanuit de browser als pdf, of zet de "
        "tekstversie in jullie eigen documenten.",
        "en": "The plan is one file that opens without internet. Print it from the browser as a PDF, or put the "
        "text version in your own documents.",
    },
    "planstep.make": {"nl": "Actieplan maken", "en": "Make the action plan"},
    "planstep.download_html": {"nl": "Actieplan (webpagina, om te printen)", "en": "Action plan (web page, to print)"},
    "planstep.download_md": {"nl": "Actieplan (tekst)", "en": "Action plan (text)"},
    "planstep.print_hint": {
        "nl": "Open de webpagina en kies Afdrukken en dan Opslaan als pdf: jullie krijgen een net A4-document.",
        "en": "Open the web page and choose Print, then Save as PDF: you get a clean A4 document.",
    },
}
