"""Texts of the early step."""

CATALOGUE: dict[str, dict[str, str]] = {
    "early.title": {"nl": "Vroeg erbij: jullie naam en jullie veld", "en": "Be early: your name and your field"},
    "early.intro": {
        "nl": "Op TikTok zijn nog weinig werkgevers actief. Leg daarom nu jullie accountnaam vast, en kijk wie er uit "
        "jullie sector en regio al is: hoe leger het veld, hoe goedkoper de aandacht.",
        "en": "Few employers are active on TikTok yet. So claim your account name now, and look at who from your "
        "sector and region is there already: the emptier the field, the cheaper the attention.",
    },
    "early.example_note": {
        "nl": "Voorbeeld: een verzonnen garage met verzonnen werkgevers in de buurt. Pas het aan of begin leeg.",
        "en": "Example: an invented garage with invented employers nearby. Change it, or start empty.",
    },
    # --- the account name ---------------------------------------------------------------------
    "early.step_handle": {"nl": "1. Leg jullie naam vast", "en": "1. Claim your name"},
    "early.handle": {"nl": "Accountnaam", "en": "Account name"},
    "early.handle_placeholder": {"nl": "bijv. @garagedevries", "en": "e.g. @garagedevries"},
    "early.claimed": {"nl": "Vastgelegd in de app", "en": "Claimed in the app"},
    "early.handle_info": {
        "nl": "@{handle}: {length} van de hoogstens {max} tekens.",
        "en": "@{handle}: {length} of at most {max} characters.",
    },
    "early.handle_source": {
        "nl": "Een TikTok-gebruikersnaam heeft hoogstens {max} tekens. Dat melden meerdere bronnen over TikTok; een "
        "officiële pagina van TikTok zelf vonden we niet.",
        "en": "A TikTok username has at most {max} characters. Several sources on TikTok report this; we found no "
        "official TikTok page saying so.",
    },
    "early.handle_characters": {
        "nl": "Aanname, naar hoe de app zich gedraagt (geen gepubliceerde regel): gebruikersnamen bestaan uit letters, "
        "cijfers, punten en liggende streepjes. Jullie naam bevat ook: {chars}. Probeer in de app of hij wordt "
        "geaccepteerd.",
        "en": "Assumption, from how the app behaves (not a published rule): usernames consist of letters, digits, "
        "full stops and underscores. Your name also has: {chars}. Try in the app whether it is accepted.",
    },
    "early.status_none": {
        "nl": "Nog geen naam. Kies een naam waarin jullie bedrijf herkenbaar is, en kijk in de app of hij vrij is.",
        "en": "No name yet. Choose a name in which your company is recognisable, and check in the app whether it "
        "is free.",
    },
    "early.status_open": {
        "nl": "Nog niet vastgelegd. Maak het account vandaag aan, ook als jullie nog niets posten: dan kan niemand "
        "anders de naam nemen.",
        "en": "Not claimed yet. Create the account today, even if you post nothing yet: then nobody else can take "
        "the name.",
    },
    "early.status_claimed": {
        "nl": "Vastgelegd. De naam is van jullie, ook als het eerste filmpje nog even op zich laat wachten.",
        "en": "Claimed. The name is yours, even if the first video takes a while.",
    },
    "early.status_claimed_unnamed": {
        "nl": "Vastgelegd, maar de naam staat hier nog niet. Vul hem in, dan staat hij ook in jullie plan.",
        "en": "Claimed, but the name is not here yet. Fill it in, so it is in your plan too.",
    },
    # --- refusals ---------------------------------------------------------------------------------
    "early.control": {
        "nl": "Hierin staan onzichtbare tekens (bijvoorbeeld uit een kopie). Typ de tekst opnieuw.",
        "en": "This holds invisible characters (from a copy, say). Type the text again.",
    },
    "early.handle_empty": {
        "nl": "Typ de naam na het @-teken, bijvoorbeeld @garagedevries.",
        "en": "Type the name after the @ sign, for example @garagedevries.",
    },
    "early.handle_space": {
        "nl": "Een gebruikersnaam heeft geen spaties. Gebruik een punt of een liggend streepje: garage_devries.",
        "en": "A username has no spaces. Use a full stop or an underscore: garage_devries.",
    },
    "early.handle_at": {
        "nl": "Het @-teken hoort alleen vooraan. Laat het verder weg.",
        "en": "The @ sign only goes in front. Leave it out elsewhere.",
    },
    "early.handle_too_long": {
        "nl": "Deze naam heeft {length} tekens; TikTok staat er hoogstens {max} toe. Maak hem korter.",
        "en": "This name has {length} characters; TikTok allows at most {max}. Make it shorter.",
    },
    "early.name_empty": {"nl": "Vul eerst de naam van de werkgever in.", "en": "Fill in the employer's name first."},
    "early.name_too_long": {
        "nl": "Die naam is langer dan {max} tekens. Kort hem in.",
        "en": "That name is longer than {max} characters. Shorten it.",
    },
    "early.unknown_posting": {
        "nl": "'{value}' staat niet in de lijst. Kies hoe vaak de werkgever post.",
        "en": "'{value}' is not in the list. Choose how often the employer posts.",
    },
    "early.bad_employer": {
        "nl": "Dit is geen werkgever van de lijst.",
        "en": "This is not an employer of the list.",
    },
    "early.too_many": {
        "nl": "Er staan al {max} werkgevers in de lijst. Haal er eerst een weg die minder belangrijk is.",
        "en": "The list has {max} employers already. Remove a less important one first.",
    },
    "early.duplicate": {"nl": "{name} staat al in de lijst.", "en": "{name} is in the list already."},
    "early.no_such_employer": {
        "nl": "Die werkgever staat niet (meer) in de lijst.",
        "en": "That employer is not in the list (any more).",
    },
    # --- the scan ---------------------------------------------------------------------------------
    "early.step_scan": {"nl": "2. Wie is er al?", "en": "2. Who is there already?"},
    "early.scan_hint": {
        "nl": "Zoek op TikTok de werkgevers uit jullie sector en regio op, en ook bedrijven die dezelfde stagiairs "
        "zoeken. Zet ze in de lijst, met hoe vaak ze posten.",
        "en": "Look up on TikTok the employers of your sector and region, and companies that look for the same "
        "interns. Put them in the list, with how often they post.",
    },
    "early.name": {"nl": "Werkgever", "en": "Employer"},
    "early.name_placeholder": {"nl": "naam van de werkgever", "en": "name of the employer"},
    "early.posting": {"nl": "Post op TikTok", "en": "Posts on TikTok"},
    "early.add": {"nl": "Werkgever toevoegen", "en": "Add employer"},
    "early.added": {"nl": "{name} staat nu in de lijst.", "en": "{name} is in the list now."},
    "early.remove": {"nl": "Weghalen", "en": "Remove"},
    "early.list_empty": {"nl": "Nog geen werkgevers in de lijst.", "en": "No employers in the list yet."},
    "early.list_count": {
        "nl": "Werkgevers in de lijst: {n} (hoogstens {max}).",
        "en": "Employers in the list: {n} (at most {max}).",
    },
    "early.posting_unknown": {"nl": "weet ik nog niet", "en": "don't know yet"},
    "early.posting_none": {"nl": "niet op TikTok", "en": "not on TikTok"},
    "early.posting_rarely": {"nl": "zelden (minder dan elke maand)", "en": "rarely (less than monthly)"},
    "early.posting_monthly": {"nl": "elke maand", "en": "every month"},
    "early.posting_weekly": {"nl": "elke week", "en": "every week"},
    "early.posting_daily": {"nl": "(bijna) elke dag", "en": "(almost) every day"},
    # --- the field ----------------------------------------------------------------------------------
    "early.step_field": {"nl": "3. Hoe druk is jullie veld?", "en": "3. How busy is your field?"},
    "early.verdict_none": {
        "nl": "Nog geen werkgevers in de lijst. Voeg de werkgevers uit jullie sector en regio toe, dan zien jullie "
        "hoe druk het is.",
        "en": "No employers in the list yet. Add the employers of your sector and region to see how busy it is.",
    },
    "early.verdict_unknown": {
        "nl": "Werkgevers in de lijst: {n}. Van geen enkele is al opgezocht hoe vaak hij post. Zoek ze op in TikTok.",
        "en": "Employers in the list: {n}. For none of them have you looked up yet how often it posts. Look them "
        "up on TikTok.",
    },
    "early.verdict_empty": {
        "nl": "Een leeg veld. Werkgevers die minstens elke maand posten: geen, van de {n} in de lijst. Hier is "
        "aandacht goedkoop: wie nu begint, valt meteen op.",
        "en": "An empty field. Employers posting at least monthly: none, of the {n} in the list. Attention is cheap "
        "here: whoever starts now stands out at once.",
    },
    "early.verdict_few": {
        "nl": "Een paar actief. Werkgevers die minstens elke maand posten: {active} van de {n}. Er is nog ruimte; "
        "wie nu begint, hoort straks bij de bekende namen.",
        "en": "A few active. Employers posting at least monthly: {active} of {n}. There is room still; whoever "
        "starts now will be one of the known names.",
    },
    "early.verdict_crowded": {
        "nl": "Druk. Werkgevers die minstens elke maand posten: {active} van de {n}. Opvallen vraagt hier meer: een "
        "eigen toon, vaste momenten en echte verhalen van jullie mensen.",
        "en": "Busy. Employers posting at least monthly: {active} of {n}. Standing out takes more here: a tone of "
        "your own, regular moments and real stories of your people.",
    },
    "early.unknown_note": {
        "nl": "Nog niet opgezocht: {unknown}. Zoek ook die werkgevers op, dan klopt het beeld beter.",
        "en": "Not looked up yet: {unknown}. Look those employers up too, so the picture is more accurate.",
    },
    "early.why": {
        "nl": "Waarom vroeg erbij loont: waar weinig werkgevers posten, strijden jullie video's niet met die van "
        "andere werkgevers om dezelfde kijkers. Een leerling die op TikTok iets over werk of stage tegenkomt, ziet "
        "dan jullie bedrijf. Daar is geen groot budget of perfecte video voor nodig. Raakt het veld voller, dan "
        "moeten jullie vaker en beter posten om op te vallen, en is de naam die jullie willen misschien al weg.",
        "en": "Why being early pays: where few employers post, your videos do not compete with other employers' "
        "for the same viewers. A pupil who comes across something about work or internships on TikTok then sees "
        "your company. That takes no big budget and no perfect video. As the field fills up, you have to post more "
        "often and better to stand out, and the name you want may be gone.",
    },
    "early.rule": {
        "nl": "Vuistregel van deze workshop, geen meting: een werkgever is actief als hij minstens elke maand post. "
        "Geen actieve werkgever: een leeg veld; 1 tot en met {few}: een paar actief; meer dan {few}: druk.",
        "en": "Rule of thumb of this workshop, not a measurement: an employer is active when it posts at least "
        "monthly. No active employer: an empty field; 1 to {few}: a few active; more than {few}: busy.",
    },
    # --- the chart ----------------------------------------------------------------------------------
    "early.chart_title": {
        "nl": "Hoe vaak posten de werkgevers in jullie veld?",
        "en": "How often do the employers in your field post?",
    },
    "early.chart_employers": {"nl": "Aantal werkgevers", "en": "Number of employers"},
    "early.chart_group": {"nl": "Op TikTok", "en": "On TikTok"},
    "early.chart_names": {"nl": "Werkgevers", "en": "Employers"},
    "early.group_unknown": {"nl": "nog niet opgezocht", "en": "not looked up yet"},
    "early.group_quiet": {"nl": "stil of zelden", "en": "silent or rarely"},
    "early.group_active": {"nl": "actief (minstens elke maand)", "en": "active (at least monthly)"},
}
