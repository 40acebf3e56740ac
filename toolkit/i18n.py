"""The one catalogue of texts shown to participants: Dutch first, English available."""

from __future__ import annotations

import string

from toolkit.texts import PARTS

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_current = DEFAULT_LANGUAGE

CATALOGUE: dict[str, dict[str, str]] = {
    # --- general -------------------------------------------------------------------------
    "app.language": {"nl": "Taal", "en": "Language"},
    "app.start_empty": {"nl": "Leeg beginnen", "en": "Start empty"},
    "app.range": {"nl": "{low} tot {high}", "en": "{low} to {high}"},
    "offer.label": {"nl": "{interns} {who}{level}, {years}", "en": "{interns} {who}{level}, {years}"},
    "offer.one.mbo-bpv": {"nl": "bpv-stagiair", "en": "work-placement intern (mbo)"},
    "offer.many.mbo-bpv": {"nl": "bpv-stagiairs", "en": "work-placement interns (mbo)"},
    "offer.one.mbo-bbl": {"nl": "bbl-leerling", "en": "work-based learner (mbo)"},
    "offer.many.mbo-bbl": {"nl": "bbl-leerlingen", "en": "work-based learners (mbo)"},
    "offer.one.hbo-snuffelstage": {"nl": "snuffelstagiair (hbo)", "en": "orientation intern (hbo)"},
    "offer.many.hbo-snuffelstage": {"nl": "snuffelstagiairs (hbo)", "en": "orientation interns (hbo)"},
    "offer.one.hbo-meeloopstage": {"nl": "meeloopstagiair (hbo)", "en": "work-placement intern (hbo)"},
    "offer.many.hbo-meeloopstage": {"nl": "meeloopstagiairs (hbo)", "en": "work-placement interns (hbo)"},
    "offer.one.hbo-afstudeerstage": {"nl": "afstudeerstagiair (hbo)", "en": "graduation intern (hbo)"},
    "offer.many.hbo-afstudeerstage": {"nl": "afstudeerstagiairs (hbo)", "en": "graduation interns (hbo)"},
    "planner.answer": {
        "nl": "Voor {offer}: bereik nu ongeveer {reach} leerlingen uit {group} ({age} jaar){others}. Zij "
        "kunnen in schooljaar {year} bij jullie beginnen.",
        "en": "For {offer}: reach about {reach} pupils of {group} now (aged {age}){others}. They can start "
        "with you in school year {year}.",
    },
    "planner.answer_others": {
        "nl": "; mikken jullie op een van de andere groepen ({groups}), dan zijn het er {number}",
        "en": "; aiming at one of the other groups ({groups}), you need {number}",
    },
    "planner.answer_none": {
        "nl": "Voor {offer}: geen enkele leerling van nu kan in die schooljaren deze stage doen. Kies latere "
        "schooljaren.",
        "en": "For {offer}: no pupils of today can do this internship in those school years. Choose later "
        "years.",
    },
    "planner.answer_enough": {
        "nl": "In {region} heeft elke groep genoeg leerlingen.",
        "en": "In {region} every group has enough pupils for it.",
    },
    "planner.answer_short": {
        "nl": "In {region} zijn er te weinig leerlingen in {groups}. Kies een grotere regio of minder stagiairs, of "
        "zorg dat een groter deel van de bereikte leerlingen bij jullie begint.",
        "en": "In {region} there are too few pupils in {groups}: choose a larger region, fewer interns or a "
        "better conversion.",
    },
    "planner.bbl": {"nl": "% mbo'ers in de bbl", "en": "% of mbo in bbl"},
    "planner.modes_note": {
        "nl": "Aanname: zo'n 28 % van alle mbo-studenten volgt de bbl, de opleiding waarin studenten werken en "
        "tegelijk leren (OCW, 2022). Dat cijfer geldt voor alle leeftijden. In de bbl zitten veel volwassenen, dus "
        "bij de jongeren van nu ligt het aandeel waarschijnlijk lager. Verder laat de planner de bpv-stage in het "
        "tweede studiejaar beginnen, zoals in het stageschema van één school (Summa College); op andere scholen kan "
        "dat anders zijn.",
        "en": "Assumption: about 28% of all mbo students learn in bbl, working and learning (OCW, 2022). "
        "That counts every age; bbl has many adults, so among today's pupils it is probably lower. And "
        "the bpv placement starts here in the second year, as in one school's schedule (Summa College); "
        "other schools may differ.",
    },
    "planner.whole_country": {"nl": "heel Nederland", "en": "the whole of the Netherlands"},
    "planner.detail_sentences": {"nl": "Wie kan wanneer beginnen?", "en": "Who can start when?"},
    "planner.detail_table": {"nl": "Per groep en schooljaar", "en": "Per group and school year"},
    "planner.detail_timeline": {"nl": "Tijdlijn per groep", "en": "Timeline per group"},
    "lab.example_note": {
        "nl": "Voorbeeld: een verzonnen garage met verzonnen aantallen posts. Pas het aan, of begin leeg "
        "met jullie eigen bedrijf.",
        "en": "Example: an invented garage with invented post counts. Change it, or start empty with "
        "your own company.",
    },
    "planner.example_note": {
        "nl": "Voorbeeld: een verzonnen garage die over twee jaar wil beginnen met twee bpv-stagiairs per jaar. Pas "
        "het aan, of begin leeg met jullie eigen stages.",
        "en": "Example: an invented garage that wants two work-placement interns a year from two years "
        "from now. Change it, or start empty with your own internships.",
    },
    "explorer.example_note": {
        "nl": "Voorbeeld: een verzonnen export van een verzonnen garage. Upload jullie eigen export uit TikTok "
        "Studio, of begin leeg.",
        "en": "Example: an invented export of an invented garage. Upload your own TikTok Studio export, or start "
        "empty.",
    },
    "app.unexpected": {
        "nl": "Er ging iets mis bij het verwerken. Jullie invoer is bewaard; probeer het opnieuw of vraag de "
        "begeleider om hulp.",
        "en": "Something went wrong while processing. Your input is kept; try again or ask "
        "the facilitator for help.",
    },
    # --- checking one tag ----------------------------------------------------------------
    "tag.empty": {"nl": "De hashtag is leeg.", "en": "The hashtag is empty."},
    "tag.only_hash": {
        "nl": "Er staat alleen een #; zet er een woord achter, zoals #stagiair.",
        "en": "There is only a #; add a word after it, such as #internship.",
    },
    "tag.no_hash": {
        "nl": "Een hashtag begint met #.",
        "en": "A hashtag starts with #.",
    },
    "tag.spaces": {
        "nl": "Een hashtag heeft geen spaties: bij een spatie houdt de tag op. Plak de woorden aan elkaar, zoals "
        "#werkenbijdevries.",
        "en": "A hashtag has no spaces: a space ends the tag. Join the words, such as "
        "#workatdevries.",
    },
    "tag.hyphen": {
        "nl": "Bij een streepje (-) houdt de hashtag op. Gebruik een liggend streepje (_) of plak de woorden aan "
        "elkaar.",
        "en": "A hyphen (-) ends the hashtag. Use an underscore (_) or join the words.",
    },
    "tag.punctuation": {
        "nl": "Bij een leesteken of symbool (zoals . , ! ? & of een tweede #) houdt de hashtag op. Gebruik alleen "
        "letters, cijfers en _.",
        "en": "Punctuation and symbols (such as . , ! ? & or a second #) end the hashtag. "
        "Use only letters, digits and _.",
    },
    "tag.emoji": {
        "nl": "Emoji horen niet in een hashtag: bij een emoji houdt de tag op. Zet de emoji los in de tekst.",
        "en": "Emoji are not part of a hashtag: TikTok ends the tag at the emoji. Put the "
        "emoji in your text instead.",
    },
    "tag.control": {
        "nl": "De hashtag bevat onzichtbare tekens (bijvoorbeeld uit gekopieerde tekst). "
        "Typ hem opnieuw.",
        "en": "The hashtag contains invisible characters (for example from copied text). "
        "Type it again.",
    },
    "tag.too_long": {
        "nl": "De hashtag is langer dan {max} tekens. Kies iets korters: korte tags nemen mensen vaker over.",
        "en": "The hashtag is longer than {max} characters. Pick something shorter: short "
        "tags are copied more often.",
    },
    "tag.no_letters": {
        "nl": "Een hashtag heeft minstens één letter of cijfer nodig, niet alleen liggende streepjes (_).",
        "en": "A hashtag needs at least one letter or digit, not only underscores (_).",
    },
    "tag.warn_stage": {
        "nl": "Let op: onder #stage staan vooral Engelse video's over podia en 'stages of life', niet over "
        "stages. Het aantal posts zegt weinig over stagiairs.",
        "en": "Note: #stage is mostly English videos about stages and 'stages of life', not internships. Its "
        "post count says little about interns.",
    },
    "tag.warn_hbo": {
        "nl": "Let op: onder #hbo staan vooral video's over de Amerikaanse tv-zender HBO. Het aantal posts zegt "
        "weinig over het hbo.",
        "en": "Note: #hbo is mostly videos about the American TV channel HBO. Its post count says little about "
        "Dutch higher education.",
    },
    # --- suggestions ---------------------------------------------------------------------
    "suggest.company_unusable": {
        "nl": "Van deze bedrijfsnaam blijft geen bruikbare hashtag over: gebruik letters of "
        "cijfers.",
        "en": "This company name leaves no usable hashtag: use letters or digits.",
    },
    "suggest.company_too_long": {
        "nl": "De bedrijfsnaam is te lang voor een hashtag: zonder spaties en leestekens mag hij hoogstens {max} "
        "tekens hebben. Gebruik een kortere naam, zoals jongeren jullie bedrijf noemen.",
        "en": "The company name is too long for a hashtag (at most {max} characters once "
        "spaces and punctuation are removed). Use the name as young people say it.",
    },
    "suggest.profession_unusable": {
        "nl": "Van dit beroep blijft geen bruikbare hashtag over: gebruik letters of cijfers.",
        "en": "This profession leaves no usable hashtag: use letters or digits.",
    },
    "suggest.profession_too_long": {
        "nl": "Het beroep is te lang voor een hashtag (hoogstens {max} tekens).",
        "en": "The profession is too long for a hashtag (at most {max} characters).",
    },
    "suggest.challenge_unusable": {
        "nl": "Van deze challenge-naam blijft geen bruikbare hashtag over: gebruik letters of "
        "cijfers.",
        "en": "This challenge name leaves no usable hashtag: use letters or digits.",
    },
    "suggest.challenge_too_long": {
        "nl": "De challenge-naam is te lang voor een hashtag (hoogstens {max} tekens).",
        "en": "The challenge name is too long for a hashtag (at most {max} characters).",
    },
    "kind.branded": {"nl": "eigen merk", "en": "branded"},
    "kind.profession": {"nl": "beroep", "en": "profession"},
    "kind.challenge": {"nl": "challenge", "en": "challenge"},
    "kind.generic": {"nl": "algemeen", "en": "generic"},
    "kind.own": {"nl": "zelf toegevoegd", "en": "added by you"},
    # --- tiers and post counts -----------------------------------------------------------
    "tier.overused": {"nl": "overvol", "en": "overused"},
    "tier.sweet_spot": {"nl": "sweet spot", "en": "sweet spot"},
    "tier.niche": {"nl": "niche", "en": "niche"},
    "tier.unused": {"nl": "ongebruikt", "en": "unused"},
    "tier.unknown": {"nl": "nog niet opgezocht", "en": "not looked up yet"},
    "tiers.bad_thresholds": {
        "nl": "De grenzen kloppen niet: de sweet spot moet bij minstens 1 post beginnen, en 'overvol' moet hoger "
        "liggen dan de sweet spot.",
        "en": "The limits do not fit: the sweet spot starts at 1 post or more and 'overused' "
        "must be above the sweet spot.",
    },
    "posts.negative": {
        "nl": "Een aantal posts kan niet negatief zijn.",
        "en": "A number of posts cannot be negative.",
    },
    "posts.not_a_number": {
        "nl": "'{value}' is geen aantal posts. Typ een getal, zoals 12.500 of 1,2 mln.",
        "en": "'{value}' is not a number of posts. Type a number, such as 12,500 or 1.2M.",
    },
    # --- the talent pipeline ------------------------------------------------------------
    "pipeline.bad_track": {
        "nl": "'{value}' is geen schoolsoort die de planner kent. Kies uit: {tracks}.",
        "en": "'{value}' is not a track the planner knows. Choose from: {tracks}.",
    },
    "pipeline.bad_grade": {
        "nl": "{track} heeft de leerjaren 1 tot en met {years}; '{value}' is daar geen leerjaar.",
        "en": "{track} has course years 1 to {years}; '{value}' is not one of them.",
    },
    "pipeline.bad_school_year": {
        "nl": "Kies een schooljaar dat begint in een jaar van {first} tot en met {last}; '{value}' kan niet.",
        "en": "Choose a school year that starts in a year from {first} to {last}; '{value}' is not possible.",
    },
    "pipeline.past_school_year": {
        "nl": "Dat schooljaar is al voorbij. Kies het schooljaar dat nu loopt (begonnen in {now}) of een later "
        "schooljaar.",
        "en": "That school year is over. Choose the school year running now (it started in {now}) or a later one.",
    },
    "pipeline.bad_internship": {
        "nl": "'{value}' is geen stagesoort die de planner kent. Kies uit: {internships}.",
        "en": "'{value}' is not an internship the planner knows. Choose from: {internships}.",
    },
    "pipeline.bad_education": {
        "nl": "'{value}' is geen opleiding die de planner kent. Kies uit: {educations}.",
        "en": "'{value}' is not an education the planner knows. Choose from: {educations}.",
    },
    "pipeline.bad_interns": {
        "nl": "Vul een aantal stagiairs in van 0 tot en met {max}.",
        "en": "Fill in a number of interns from 0 to {max}.",
    },
    "pipeline.bad_conversion": {
        "nl": "De conversie moet groter zijn dan 0 % en mag hoogstens 100 % zijn: van de leerlingen die jullie "
        "bereiken, moet een deel ook solliciteren en beginnen.",
        "en": "The conversion must be above 0% and at most 100%: of those you reach, someone must "
        "apply and start.",
    },
    "pipeline.bad_region": {
        "nl": "Het aandeel van de regio moet groter zijn dan 0 % en mag hoogstens 100 % zijn.",
        "en": "The region's share must be above 0% and at most 100%.",
    },
    "pipeline.bad_share": {
        "nl": "Elk aandeel moet tussen 0 % en 100 % liggen, en de aandelen van één groep mogen samen niet "
        "boven 100 % komen.",
        "en": "Every share must lie between 0% and 100%, and shares of the same group add up to "
        "at most 100%.",
    },
    "pipeline.sentence": {
        "nl": "Wie nu {age} is en in {track} {grade} zit, kan vanaf schooljaar {year} bij jullie terecht voor een "
        "{internship} (opleiding: {educations}).",
        "en": "Who is {age} now and in {track} {grade} can do a {internship} with you from school year {year} "
        "({educations}).",
    },
    "internship.mbo-bpv": {"nl": "bpv-stage", "en": "mbo work placement (bpv)"},
    "internship.mbo-bbl": {"nl": "bbl-leerbaan", "en": "mbo work-based learning job (bbl)"},
    "internship.hbo-snuffelstage": {"nl": "snuffelstage", "en": "orientation placement"},
    "internship.hbo-meeloopstage": {"nl": "meeloopstage", "en": "work placement"},
    "internship.hbo-afstudeerstage": {"nl": "afstudeerstage", "en": "graduation placement"},
    # --- the pipeline planner widget -----------------------------------------------------
    "planner.title": {"nl": "Stagepijplijn", "en": "Internship pipeline"},
    "planner.intro": {
        "nl": "Wie nu op TikTok kijkt, kan over een paar jaar bij jullie stage lopen. Vul in welke stages jullie "
        "bieden. De planner laat zien welke leerlingen van nu daarvoor in aanmerking komen, wanneer ze kunnen "
        "beginnen en hoeveel jullie er nu moeten bereiken.",
        "en": "Who watches TikTok today can be your intern in a few years. Fill in the internships you "
        "offer; the planner shows which pupils of today those are, when, and how many you must reach now.",
    },
    "planner.step1": {"nl": "1. Welke stages bieden jullie?", "en": "1. Which internships do you offer?"},
    "planner.step2": {"nl": "2. Regio en aannames", "en": "2. Region and assumptions"},
    "planner.step3": {"nl": "3. Wie moeten jullie nu bereiken?", "en": "3. Whom must you reach now?"},
    "planner.internship": {"nl": "Stage", "en": "Internship"},
    "planner.level": {"nl": "Mbo-niveau", "en": "Mbo level"},
    "planner.all_levels": {"nl": "alle niveaus", "en": "all levels"},
    "planner.interns": {"nl": "Stagiairs per jaar", "en": "Interns a year"},
    "planner.years": {"nl": "Schooljaren", "en": "School years"},
    "planner.add": {"nl": "Stage toevoegen", "en": "Add internship"},
    "planner.offers": {"nl": "Jullie stages", "en": "Your internships"},
    "planner.remove": {"nl": "Gekozen stage verwijderen", "en": "Remove selected internship"},
    "planner.region": {"nl": "Regio", "en": "Region"},
    "planner.follows": {"nl": "% bereikt → volgt jullie", "en": "% reached → follows you"},
    "planner.applies": {"nl": "% volgt → solliciteert", "en": "% follows → applies"},
    "planner.starts": {"nl": "% solliciteert → begint", "en": "% applies → starts"},
    "planner.mbo4_k": {"nl": "% vmbo-k naar mbo-4", "en": "% vmbo-k to mbo-4"},
    "planner.mbo4_gt": {"nl": "% vmbo-g/t naar mbo-4", "en": "% vmbo-g/t to mbo-4"},
    "planner.region_note": {
        "nl": "Aanname: leerlingen wonen op dezelfde manier over het land verspreid als alle inwoners; in deze regio "
        "woont {share} van de inwoners (CBS, 1 januari 2024).",
        "en": "Assumption: pupils live spread like the population; this region has {share} of the "
        "inhabitants (CBS, 1 January 2024).",
    },
    "planner.funnel_note": {
        "nl": "Aanname: de drie percentages hierboven zijn schattingen, geen gemeten cijfers. Samen betekenen ze: "
        "van de leerlingen die jullie bereiken, begint {conversion} bij jullie.",
        "en": "Assumption: the three percentages above are estimates, not measured figures. Together: "
        "of those you reach, {conversion} start with you.",
    },
    "planner.split_note": {
        "nl": "Aanname: voor de verdeling van vmbo-leerlingen over mbo-3 en mbo-4 is geen bron gevonden. De andere "
        "cijfers komen vooral van het CBS (2016 en 2024) en het ministerie van OCW (2016, 2022 en 2023); de "
        "begeleider van de workshop heeft de volledige bronnenlijst.",
        "en": "Assumption: no source was found for how vmbo pupils split over mbo-3 and mbo-4. Other figures come "
        "mainly from CBS (2016 and 2024) and the Ministry of Education, OCW (2016, 2022 and 2023); the workshop's "
        "facilitator has the full list of sources.",
    },
    "planner.interns_not_a_number": {
        "nl": "'{value}' is geen aantal stagiairs. Typ een heel getal, zoals 3.",
        "en": "'{value}' is not a number of interns. Type a whole number, such as 3.",
    },
    "planner.interns_zero": {
        "nl": "Vul minstens 1 stagiair per jaar in.",
        "en": "Fill in at least 1 intern a year.",
    },
    "planner.bad_years": {
        "nl": "Kies schooljaren die beginnen in een jaar van {first} tot en met {last}.",
        "en": "Choose school years that start in a year from {first} to {last}.",
    },
    "planner.too_many_offers": {
        "nl": "Er staan al {max} stages in het plan; verwijder er eerst een.",
        "en": "The plan already has {max} internships; remove one first.",
    },
    "planner.bad_region": {"nl": "Kies een regio uit de lijst.", "en": "Choose a region from the list."},
    "planner.no_offers": {
        "nl": "Voeg eerst een stage toe: kies de soort, het aantal stagiairs en de schooljaren, en klik op "
        "'Stage toevoegen'.",
        "en": "First add an internship: choose the kind, the number of interns and the school years, and click "
        "'Add internship'.",
    },
    "planner.no_cohorts": {
        "nl": "Geen enkele leerling van nu kan in die schooljaren deze stage doen. Kies latere schooljaren.",
        "en": "No pupils of today can do this internship in those school years. Choose later years.",
    },
    "planner.some_infeasible": {
        "nl": "Let op: bij de rood gemarkeerde groepen moeten jullie meer leerlingen bereiken dan er in jullie regio "
        "wonen. Kies een grotere regio of minder stagiairs, of zorg dat een groter deel van de bereikte leerlingen "
        "bij jullie begint.",
        "en": "Note: for the groups marked red you would have to reach more pupils than live in your "
        "region. Choose a larger region, fewer interns or a better conversion.",
    },
    "planner.col_offer": {"nl": "Stage", "en": "Internship"},
    "planner.col_year": {"nl": "Schooljaar", "en": "School year"},
    "planner.col_cohort": {"nl": "Groep nu (leeftijd)", "en": "Group now (age)"},
    "planner.col_reach": {"nl": "Nu te bereiken", "en": "To reach now"},
    "planner.col_available": {"nl": "Leerlingen in de regio", "en": "Pupils in region"},
    "planner.col_feasible": {"nl": "Haalbaar?", "en": "Feasible?"},
    "planner.feasible": {"nl": "ja", "en": "yes"},
    "planner.infeasible": {"nl": "nee: te weinig leerlingen", "en": "no: too few pupils"},
    "planner.table_note": {
        "nl": "Elke rij rekent alsof alle stagiairs uit die ene groep komen. * = groepsgrootte geschat: in de "
        "onderbouw worden leerlingen niet per schoolsoort geteld.",
        "en": "Each row: if all interns came from that group. * = group size estimated (lower years are "
        "not counted per track).",
    },
    # --- reading a TikTok Studio export -----------------------------------------------------
    "export.missing": {
        "nl": "Het bestand of de map '{file}' bestaat niet. Controleer de naam en waar het staat.",
        "en": "The file or folder '{file}' does not exist. Check its name and place.",
    },
    "export.empty": {
        "nl": "'{file}' is leeg. Download de export opnieuw in TikTok Studio.",
        "en": "'{file}' is empty. Download the export again in TikTok Studio.",
    },
    "export.bad_zip": {
        "nl": "'{file}' is geen goed zip-bestand (misschien half gedownload). Download het opnieuw.",
        "en": "'{file}' is not a proper zip file (perhaps half downloaded). Download it again.",
    },
    "export.no_tiktok_files": {
        "nl": "In '{file}' staan geen bestanden uit TikTok Studio (CSV of XLSX). Kies de zip die jullie in TikTok "
        "Studio bij Analytics downloaden.",
        "en": "'{file}' holds no TikTok Studio files (CSV or XLSX). Choose the zip that TikTok "
        "Studio downloads from Analytics.",
    },
    "export.wrong_type": {
        "nl": "'{file}' is geen CSV-, XLSX- of zip-bestand. Kies de export uit TikTok Studio.",
        "en": "'{file}' is not a CSV, XLSX or zip file. Choose the export from TikTok Studio.",
    },
    "export.not_text": {
        "nl": "'{file}' is geen leesbaar tekstbestand (CSV). Kies de export uit TikTok Studio.",
        "en": "'{file}' is not a readable text (CSV) file. Choose the export from TikTok Studio.",
    },
    "export.not_csv": {
        "nl": "'{file}' kon niet als CSV gelezen worden. Download het opnieuw en open het niet eerst in een ander "
        "programma, zoals Excel.",
        "en": "'{file}' could not be read as CSV. Download it again and do not open it in another program, such as "
        "Excel, first.",
    },
    "export.not_xlsx": {
        "nl": "'{file}' kon niet als Excel-bestand gelezen worden. Download het opnieuw.",
        "en": "'{file}' could not be read as an Excel file. Download it again.",
    },
    "export.unknown_columns": {
        "nl": "'{file}' lijkt niet op een TikTok Studio-export (kolommen: {columns}). Exports van "
        "Instagram of Facebook gebruiken soms dezelfde bestandsnamen; kies de TikTok-export.",
        "en": "'{file}' does not look like a TikTok Studio export (columns: {columns}). Instagram or "
        "Facebook exports sometimes use the same file names; choose the TikTok export.",
    },
    "export.bad_number": {
        "nl": "In '{file}' staat in kolom '{column}', regel {row}, '{value}': dat is geen getal.",
        "en": "In '{file}', column '{column}', line {row} reads '{value}': that is not a number.",
    },
    "export.bad_date": {
        "nl": "In '{file}' staat een datum die niet te lezen is: '{value}'.",
        "en": "'{file}' holds a date that cannot be read: '{value}'.",
    },
    "export.unknown_month": {
        "nl": "In '{file}' staat de maand '{value}'. De tool kan alleen Nederlandse en Engelse maandnamen lezen. Zet "
        "de taal van TikTok op Nederlands of Engels en download de export opnieuw.",
        "en": "'{file}' holds the month '{value}'. The tool can only read Dutch and English month names. Set "
        "TikTok's language to Dutch or English and download the export again.",
    },
    "export.too_large": {
        "nl": "'{file}' is te groot (meer dan {max} MB). Een TikTok-export is veel kleiner: kies het "
        "juiste bestand.",
        "en": "'{file}' is too large (over {max} MB). A TikTok export is much smaller: choose the right file.",
    },
    "export.too_many_rows": {
        "nl": "'{file}' heeft meer dan {max} regels; een TikTok-export van 60 dagen heeft er veel "
        "minder. Kies het juiste bestand.",
        "en": "'{file}' has more than {max} lines; a 60-day TikTok export has far fewer. Choose the "
        "right file.",
    },
    # --- reach scenarios --------------------------------------------------------------------
    "reach.bad_model": {
        "nl": "Het aantal weergaven van een gewone video moet groter zijn dan 0, en de spreiding moet tussen 0 en 4 "
        "liggen.",
        "en": "The views of a typical video must be above 0, and the spread between 0 and 4.",
    },
    "reach.too_few_videos": {
        "nl": "Er zijn maar {n} video's met weergaven; voor een schatting uit jullie eigen video's zijn er minstens "
        "3 nodig. Daarom rekent deze tool voorlopig met de standaardaanname.",
        "en": "Only {n} videos have views; an estimate from your own videos needs at least 3. So for now this tool "
        "uses the default assumption.",
    },
    "reach.bad_posts": {
        "nl": "Kies {low} tot en met {high} video's per week.",
        "en": "Choose {low} to {high} videos a week.",
    },
    "reach.bad_weeks": {
        "nl": "Kies {low} tot en met {high} weken.",
        "en": "Choose {low} to {high} weeks.",
    },
    "reach.bad_runs": {
        "nl": "Het aantal simulaties moet tussen {low} en {high} liggen.",
        "en": "The number of simulations must lie between {low} and {high}.",
    },
    "reach.bad_audience": {
        "nl": "De doelgroep moet groter zijn dan 0, elk percentage (op TikTok, regio, in Nederland, in de doelgroep) "
        "moet tussen 0 % en 100 % liggen, en elke persoon ziet minstens 1 video.",
        "en": "The target group must be above 0, every percentage (on TikTok, region, in the Netherlands, in the "
        "target group) must lie between 0% and 100%, and each person sees at least 1 video.",
    },
    # --- the reach explorer widget ----------------------------------------------------------
    "explorer.title": {"nl": "Bereik", "en": "Reach"},
    "explorer.intro": {
        "nl": "Bekijk met de export uit TikTok Studio wat TikTok jullie nu oplevert, of reken met een scenario uit "
        "wat een paar video's per week kunnen opleveren.",
        "en": "See what TikTok brings you now with the export from TikTok Studio, or work out with a "
        "scenario what a few videos a week could bring.",
    },
    "explorer.step1": {"nl": "1. Jullie cijfers", "en": "1. Your figures"},
    "explorer.step2": {"nl": "2. Scenario", "en": "2. Scenario"},
    "explorer.step3": {"nl": "3. Grafiek voor jullie presentatie", "en": "3. Chart for your slides"},
    "explorer.upload": {"nl": "Export uploaden", "en": "Upload export"},
    "explorer.use_sample": {"nl": "Voorbeeld gebruiken", "en": "Use the sample"},
    "explorer.loaded": {"nl": "Geladen: {source}.", "en": "Loaded: {source}."},
    "explorer.loaded_sample": {"nl": "Het voorbeeld is geladen.", "en": "The sample is loaded."},
    "explorer.sample_warning": {
        "nl": "Let op: dit voorbeeld is verzonnen. De cijfers laten zien hoe de tool werkt, niet wat jullie mogen "
        "verwachten.",
        "en": "Note: this sample is invented. Its figures show how the tool works, not what you can expect.",
    },
    "explorer.no_export": {
        "nl": "Nog geen export geladen. Zo maken jullie er een: ga in TikTok Studio naar Analytics, kies 60 dagen en "
        "download. Of klik op 'Voorbeeld gebruiken'.",
        "en": "No export loaded yet. To make one: open Analytics in TikTok Studio, choose 60 days and download. Or "
        "click 'Use the sample'.",
    },
    "explorer.missing_tables": {
        "nl": "Niet in deze export: {names}. Upload ook de andere zips uit TikTok Studio.",
        "en": "Not in this export: {names}. Upload the other zips from TikTok Studio too.",
    },
    "explorer.chart.daily_views": {"nl": "weergaven per dag", "en": "views per day"},
    "explorer.chart.followers": {"nl": "volgers", "en": "followers"},
    "explorer.chart.video_views": {"nl": "weergaven per video", "en": "views per video"},
    "explorer.chart.viewers": {"nl": "nieuwe en terugkerende kijkers", "en": "new and returning viewers"},
    "explorer.chart.scenario": {"nl": "scenario", "en": "scenario"},
    "explorer.posts": {"nl": "Video's per week", "en": "Videos a week"},
    "explorer.weeks": {"nl": "Weken", "en": "Weeks"},
    "explorer.median": {"nl": "Weergaven van een gewone video", "en": "Views of a typical video"},
    "explorer.sigma": {"nl": "Spreiding (uitschieters)", "en": "Spread (outliers)"},
    "explorer.on_tiktok": {"nl": "% dagelijks op TikTok", "en": "% on TikTok daily"},
    "explorer.views_per_person": {"nl": "Weergaven per persoon", "en": "Views per person"},
    "explorer.model_assumed": {
        "nl": "Aanname: een gewone video krijgt {median} weergaven, en af en toe schiet er een ver boven uit "
        "(spreiding {sigma}). Upload jullie export om dit uit jullie eigen video's te schatten.",
        "en": "Assumption: a typical video gets {median} views, and now and then one shoots far above that (spread "
        "{sigma}). Upload your export to estimate this from your own videos.",
    },
    "explorer.model_fitted": {
        "nl": "Geschat uit jullie eigen video's: een gewone video krijgt {median} weergaven (spreiding {sigma}).",
        "en": "Estimated from your own videos: a typical video gets {median} views (spread {sigma}).",
    },
    "explorer.audience_note": {
        "nl": "Aanname: de doelgroep bestaat uit de {group} leerlingen van 15 jaar in het voortgezet onderwijs (CBS, "
        "schooljaar 2021/22); {on_tiktok} van hen zit dagelijks op TikTok; iemand die jullie bereiken, ziet "
        "gemiddeld {per_person} van jullie video's.",
        "en": "Assumption: the target group are the {group} pupils aged 15 in secondary school (CBS, school year "
        "2021/22); {on_tiktok} of them are on TikTok daily; a person you reach sees {per_person} of your videos on "
        "average.",
    },
    "explorer.summary": {
        "nl": "Na {weeks} weken: waarschijnlijk {median} weergaven (80 % kans tussen {low} en {high}). Naar "
        "schatting {people} kijkers horen bij de doelgroep: ongeveer {share} van de {reachable} leerlingen die "
        "jullie zo kunnen bereiken.",
        "en": "After {weeks} weeks: probably {median} views (80% chance between {low} and {high}). An "
        "estimated {people} viewers belong to the target group: about {share} of the {reachable} pupils "
        "you can reach this way.",
    },
    "explorer.on_tiktok_note": {
        "nl": "Standaard 30 %: zoveel 15- tot 19-jarigen gebruikten TikTok dagelijks in 2021 (Newcom). Nieuwere "
        "cijfers per leeftijd zijn er niet; pas het gerust aan.",
        "en": "Default 30%: that many 15-19-year-olds used TikTok daily in 2021 (Newcom). There are no newer "
        "figures by age; feel free to change it.",
    },
    "explorer.in_netherlands": {"nl": "% kijkers in Nederland", "en": "% of viewers in the Netherlands"},
    "explorer.in_group": {"nl": "% daarvan in de doelgroep", "en": "% of them in the target group"},
    "explorer.netherlands_assumed": {
        "nl": "Aanname: {share} van de kijkers woont in Nederland. Upload jullie export: het bestand met landen "
        "van jullie volgers geeft het echte aandeel.",
        "en": "Assumption: {share} of the viewers live in the Netherlands. Load your export: the file with "
        "your followers' countries gives the real share.",
    },
    "explorer.netherlands_export": {
        "nl": "Uit jullie export: {share} van jullie volgers woont in Nederland (landen van de volgers, "
        "gebruikt voor alle kijkers).",
        "en": "From your export: {share} of your followers live in the Netherlands (your followers' "
        "countries, used for all viewers).",
    },
    "explorer.in_group_note": {
        "nl": "Aanname: {share} van de Nederlandse kijkers hoort bij de doelgroep. Op TikTok kijken alle "
        "leeftijden (de groei zat in 2022 vooral bij twintigers tot veertigers, Newcom), en een bedrijf "
        "bereikt ook klanten en eigen mensen; daarom een voorzichtige schatting. De export van TikTok geeft "
        "geen leeftijden.",
        "en": "Assumption: {share} of the Dutch viewers belong to the target group. All ages watch TikTok "
        "(growth in 2022 was mostly among people in their 20s to 40s, Newcom), and a company also reaches "
        "customers and its own people; hence a cautious estimate. TikTok's export gives no ages.",
    },
    "explorer.which": {"nl": "Welke grafiek", "en": "Which chart"},
    "explorer.make_image": {"nl": "Afbeelding maken", "en": "Make image"},
    "explorer.download_link": {"nl": "{name} downloaden ({size} kB)", "en": "Download {name} ({size} kB)"},
    "explorer.no_data_for_chart": {
        "nl": "Voor die grafiek zijn nog geen gegevens: laad eerst een export of het voorbeeld.",
        "en": "That chart has no data yet: load an export or the sample first.",
    },
    # --- the Hashtag Lab widget ----------------------------------------------------------
    "lab.title": {"nl": "Hashtag Lab", "en": "Hashtag Lab"},
    "lab.intro": {
        "nl": "Vul jullie bedrijf en een beroep in. Jullie krijgen hashtags om op TikTok op te zoeken. Typ over "
        "hoeveel posts TikTok bij elke hashtag toont; het lab stelt dan een mix voor jullie video samen.",
        "en": "Fill in your company and a profession. You get hashtags to look up on TikTok. Type in how many posts "
        "TikTok shows for each; the lab then puts together a mix for your video.",
    },
    "lab.step1": {"nl": "1. Jullie bedrijf", "en": "1. Your company"},
    "lab.step2": {"nl": "2. Zoek de hashtags op", "en": "2. Look the hashtags up"},
    "lab.step3": {"nl": "3. Mix en caption", "en": "3. Mix and caption"},
    "lab.company": {"nl": "Bedrijf", "en": "Company"},
    "lab.company_placeholder": {"nl": "bijv. Garage de Vries", "en": "e.g. Garage de Vries"},
    "lab.profession": {"nl": "Beroep", "en": "Profession"},
    "lab.profession_placeholder": {"nl": "bijv. monteur", "en": "e.g. mechanic"},
    "lab.challenge": {"nl": "Challenge", "en": "Challenge"},
    "lab.challenge_placeholder": {
        "nl": "naam van jullie challenge (mag leeg blijven)",
        "en": "name of your challenge (may be empty)",
    },
    "lab.suggest": {"nl": "Suggesties maken", "en": "Suggest hashtags"},
    "lab.need_company": {
        "nl": "Vul eerst de naam van jullie bedrijf in en druk op Enter of klik op 'Suggesties maken'.",
        "en": "First fill in your company's name and press Enter or 'Suggest hashtags'.",
    },
    "lab.suggested": {
        "nl": "{n} hashtags om op te zoeken. Zoek ze op in TikTok en typ bij elke hashtag het aantal posts over.",
        "en": "{n} hashtags to look up. Search for them on TikTok and type in the number of posts.",
    },
    "lab.col_hashtag": {"nl": "Hashtag", "en": "Hashtag"},
    "lab.col_kind": {"nl": "Soort", "en": "Kind"},
    "lab.col_posts": {"nl": "Posts op TikTok", "en": "Posts on TikTok"},
    "lab.col_tier": {"nl": "Niveau", "en": "Tier"},
    "lab.col_note": {"nl": "Let op", "en": "Note"},
    "lab.posts_placeholder": {"nl": "bijv. 12.500", "en": "e.g. 12,500"},
    "lab.own_tag": {"nl": "Eigen tag", "en": "Own tag"},
    "lab.own_tag_placeholder": {"nl": "#eigentag", "en": "#yourtag"},
    "lab.add": {"nl": "Toevoegen", "en": "Add"},
    "lab.added": {"nl": "{tag} is toegevoegd.", "en": "{tag} was added."},
    "lab.too_many_tags": {
        "nl": "Er staan al {max} hashtags in de lijst; haal er eerst een paar uit jullie plan.",
        "en": "The list already has {max} hashtags; drop a few from your plan first.",
    },
    "lab.use_mix": {"nl": "Aanbevolen mix gebruiken", "en": "Use the recommended mix"},
    "lab.already": {"nl": "{tag} staat al in de lijst.", "en": "{tag} is already in the list."},
    "lab.thresholds": {
        "nl": "Grenzen tussen de niveaus (aanname, pas ze gerust aan)",
        "en": "Limits between the tiers (assumption, feel free to change)",
    },
    "lab.sweet_from": {"nl": "Sweet spot vanaf", "en": "Sweet spot from"},
    "lab.overused_from": {"nl": "Overvol vanaf", "en": "Overused from"},
    "lab.tier_rule": {
        "nl": "Aanname: 0 posts = ongebruikt; minder dan {sweet} = niche; {sweet} tot {over} = sweet spot; {over} of "
        "meer = overvol. TikTok toont sinds ongeveer 2024 per hashtag het aantal posts, niet meer het aantal "
        "weergaven.",
        "en": "Assumption: 0 posts = unused; fewer than {sweet} = niche; {sweet} to {over} = "
        "sweet spot; {over} or more = overused. Since 2024 TikTok shows the number of posts "
        "per hashtag, no longer views.",
    },
    "lab.mix": {"nl": "Aanbevolen mix", "en": "Recommended mix"},
    "lab.mix_rule": {
        "nl": "Zo kiest het lab: één tag met jullie eigen merk, dan tags uit de sweet spot, dan jullie beroep of "
        "challenge, dan niche-tags en hoogstens één overvolle tag. Jullie mogen gerust anders kiezen.",
        "en": "Rule: one branded tag, then sweet-spot tags, then your profession or challenge, "
        "then niche, and at most one overused tag. Feel free to choose otherwise.",
    },
    "lab.mix_short": {
        "nl": "Nog maar {n} tags in de mix: zoek meer hashtags op voor een mix van 3 tot 5.",
        "en": "Only {n} tags in the mix: look up more hashtags for a mix of 3 to 5.",
    },
    "lab.chosen": {"nl": "Tags in jullie caption", "en": "Tags in your caption"},
    "lab.caption": {"nl": "Caption", "en": "Caption"},
    "lab.caption_placeholder": {
        "nl": "Wat is er in de video te zien? Bijv. 'Eerste week als stagiair: zo ziet mijn werkplaats eruit'",
        "en": "What is in the video? E.g. 'First week as an intern: this is my workshop'",
    },
    "lab.caption_stats": {
        "nl": "{length} / {limit} tekens · {hashtags} hashtags",
        "en": "{length} / {limit} characters · {hashtags} hashtags",
    },
    "lab.caption_too_long": {
        "nl": "De caption is {over} tekens te lang voor TikTok (maximaal {limit}).",
        "en": "The caption is {over} characters too long for TikTok (at most {limit}).",
    },
    "lab.caption_many_tags": {
        "nl": "Meer dan 5 hashtags oogt als spam; kies jullie beste 3 tot 5.",
        "en": "More than 5 hashtags looks like spam; pick your best 3 to 5.",
    },
    "lab.preview": {"nl": "Zo ziet jullie caption eruit", "en": "Your caption will read"},
    "lab.chart_title": {"nl": "Posts per hashtag", "en": "Posts per hashtag"},
    "lab.chart_empty": {
        "nl": "Nog geen aantallen: typ bij een paar hashtags het aantal posts over.",
        "en": "No counts yet: type in the number of posts for a few hashtags.",
    },
    "chart.posts": {
        "nl": "Aantal posts (logaritmisch: elke stap is tien keer zoveel)",
        "en": "Number of posts (logarithmic: each step is ten times as many)",
    },
    "chart.tier": {"nl": "Niveau", "en": "Tier"},
    "chart.in_mix": {"nl": "In de mix", "en": "In the mix"},
    "chart.yes": {"nl": "ja", "en": "yes"},
    "chart.no": {"nl": "nee", "en": "no"},
    "chart.timeline": {
        "nl": "Wanneer kunnen de TikTok-kijkers van nu bij jullie stage lopen?",
        "en": "When can today's TikTok viewers do an internship with you?",
    },
    "chart.date": {"nl": "Datum", "en": "Date"},
    "chart.video_views": {"nl": "Weergaven", "en": "Views"},
    "chart.rolling": {"nl": "Gemiddelde over 7 dagen", "en": "7-day average"},
    "chart.daily_views": {"nl": "Weergaven per dag (lijn: gemiddelde over 7 dagen)",
                          "en": "Views per day (line: 7-day average)"},
    "chart.followers": {"nl": "Volgers", "en": "Followers"},
    "chart.views_per_video": {
        "nl": "Weergaven per video (oranje: de beste)",
        "en": "Views per video (orange: the best)",
    },
    "chart.video": {"nl": "Video", "en": "Video"},
    "chart.posted": {"nl": "Geplaatst", "en": "Posted"},
    "chart.viewers": {"nl": "Kijkers", "en": "Viewers"},
    "chart.new_viewers": {"nl": "nieuwe kijkers", "en": "new viewers"},
    "chart.returning_viewers": {"nl": "terugkerende kijkers", "en": "returning viewers"},
    "chart.week": {"nl": "Week", "en": "Week"},
    "chart.cumulative_views": {"nl": "Opgetelde weergaven", "en": "Cumulative views"},
    "chart.median": {"nl": "Middelste uitkomst", "en": "Middle outcome"},
    "chart.own_views": {"nl": "jullie eigen weergaven", "en": "your own views"},
    "chart.scenario": {
        "nl": "Scenario: opgetelde weergaven (band: 80 % van de uitkomsten, lijn: de middelste uitkomst)",
        "en": "Scenario: cumulative views (band: 80% of the outcomes, line: the middle outcome)",
    },
    "chart.years_old": {"nl": "jr", "en": "yrs"},
    "chart.school_year": {"nl": "Schooljaar (jaar waarin het begint)", "en": "School year (the year it starts in)"},
    "chart.cohort_today": {"nl": "Groep van nu (leeftijd · klas)", "en": "Group today (age · class)"},
    "chart.what": {"nl": "Wat", "en": "What"},
    "chart.route": {"nl": "Route", "en": "Route"},
    "chart.until": {"nl": "Schooljaren", "en": "School years"},
    "chart.share_percent": {"nl": "Deel van de groep (%)", "en": "Share of the group (%)"},
    "chart.education": {"nl": "Opleiding", "en": "Education"},
    "chart.internship": {"nl": "Stage", "en": "Internship"},
    "chart.funnel": {"nl": "Van bereikt tot stagiair", "en": "From reached to intern"},
    "chart.pupils": {"nl": "Aantal leerlingen", "en": "Number of pupils"},
    "funnel.reached": {"nl": "bereikt", "en": "reached"},
    "funnel.follows": {"nl": "volgt jullie", "en": "follows you"},
    "funnel.applies": {"nl": "solliciteert", "en": "applies"},
    "funnel.starts": {"nl": "begint", "en": "starts"},
}


def _merge(*parts: dict[str, dict[str, str]]) -> None:
    """Add the topic catalogues of :mod:`toolkit.texts`; a key defined twice is an error."""
    for part in parts:
        twice = CATALOGUE.keys() & part.keys()
        if twice:
            raise RuntimeError(f"Texts defined twice: {', '.join(sorted(twice))}")
        CATALOGUE.update(part)


_merge(*PARTS)


def set_language(lang: str) -> None:
    """Set the language for texts that are not given a language explicitly."""
    global _current
    _current = check_language(lang)


def get_language() -> str:
    """Return the current language code."""
    return _current


def check_language(lang: str | None) -> str:
    """Return a supported language code, or raise ``ValueError`` naming the supported ones."""
    if lang is None:
        return _current
    code = str(lang).strip().lower()
    if code not in LANGUAGES:
        raise ValueError(f"Unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}.")
    return code


def t(key: str, lang: str | None = None, **params: object) -> str:
    """Return the text for ``key`` in ``lang`` (default: the current language).

    Parameters
    ----------
    key : str
        A key of :data:`CATALOGUE`.
    lang : {"nl", "en"}, optional
        Language; default the one set with :func:`set_language`.
    **params
        Values for the ``{placeholders}`` in the text.
    """
    entry = CATALOGUE[key]
    return entry[check_language(lang)].format(**params)


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in a catalogue text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _localise(text: str, lang: str | None) -> str:
    """Swap Python's ``1,234.5`` separators for Dutch ``1.234,5`` when ``lang`` is Dutch."""
    if check_language(lang) != "nl":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def format_int(value: int, lang: str | None = None) -> str:
    """Format a whole number the way readers of ``lang`` expect (nl 12.500, en 12,500)."""
    return _localise(f"{int(value):,}", lang)


def format_decimal(value: float, digits: int = 1, lang: str | None = None) -> str:
    """Format a number with ``digits`` decimals: nl ``1.234,50``, en ``1,234.50``.

    Parameters
    ----------
    value : float
        The number.
    digits : int
        Decimals shown; trailing zeros are kept, so a column of numbers lines up.
    lang : {"nl", "en"}, optional
        Language; default the current one.
    """
    return _localise(f"{float(value):,.{digits}f}", lang)


def format_percent(share: float, digits: int = 0, lang: str | None = None) -> str:
    """Format a share (0.25) as a percentage: nl ``25 %``, en ``25%``.

    Dutch puts a space before the sign (Taalunie's advice); English writes it closed up. A
    share too small to show with ``digits`` decimals is shown with more, so 0.0003 reads
    ``0,03 %`` rather than ``0 %``.
    """
    percent = float(share) * 100
    while digits < 4 and percent != 0 and abs(percent) < 10 ** -digits:
        digits += 1
    number = format_decimal(percent, digits, lang)
    return f"{number} %" if check_language(lang) == "nl" else f"{number}%"


def format_school_year(year: int) -> str:
    """Name a school year the Dutch way, by the year it starts in: 2029 -> ``2029/30``."""
    year = int(year)
    return f"{year}/{(year + 1) % 100:02d}"


class TextError(ValueError):
    """A ``ValueError`` whose message comes from the catalogue and can be re-translated.

    ``str(error)`` is the sentence in the language current when it was raised;
    :meth:`text` gives it in another language, so a widget can switch language and keep
    showing the same problem.
    """

    def __init__(self, key: str, lang: str | None = None, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, lang=lang, **params))

    def text(self, lang: str | None = None) -> str:
        """Return the message in ``lang``."""
        return t(self.key, lang=lang, **self.params)
