"""Texts of the plan step: the action plan the team takes home (toolkit.plan)."""

CATALOGUE: dict[str, dict[str, str]] = {
    # --- the page ------------------------------------------------------------------------
    "plan.title": {"nl": "Actieplan", "en": "Action plan"},
    "plan.title_of": {"nl": "Actieplan van {name}", "en": "Action plan of {name}"},
    "plan.written_on": {"nl": "Gemaakt op {date}", "en": "Written on {date}"},
    "plan.date": {"nl": "{day} {month} {year}", "en": "{month} {day}, {year}"},
    "plan.made_with": {
        "nl": "Gemaakt met StageTok, de workshop over TikTok en de stagiairs van later. Alles in dit plan hebben "
        "jullie zelf gekozen; de getallen zijn schattingen op basis van de aannames die erbij staan.",
        "en": "Made with StageTok, the workshop on TikTok and the interns of later. You chose everything in this "
        "plan yourselves; the figures are estimates based on the assumptions given with them.",
    },
    "plan.empty": {"nl": "Nog niet ingevuld.", "en": "Not filled in yet."},
    "plan.not_filled": {"nl": "nog niet ingevuld", "en": "not filled in yet"},
    "plan.chart_failed": {
        "nl": "Deze grafiek kon niet worden getekend. De gegevens staan hierboven.",
        "en": "This chart could not be drawn. The figures are above.",
    },
    "plan.section_failed": {
        "nl": "Dit deel van het plan kon niet worden gemaakt. Kijk in de stap zelf wat jullie hebben ingevuld.",
        "en": "This part of the plan could not be made. Look in the step itself at what you filled in.",
    },
    "plan.yes": {"nl": "ja", "en": "yes"},
    "plan.no": {"nl": "nee", "en": "no"},
    # --- section headings ----------------------------------------------------------------
    "plan.section_welcome": {"nl": "Ons team", "en": "Our team"},
    "plan.section_pipeline": {"nl": "De stagiairs van later", "en": "The interns of later"},
    "plan.section_early": {"nl": "Er vroeg bij zijn", "en": "Being early"},
    "plan.section_irony": {"nl": "Ideeën met zelfspot", "en": "Ideas with self-mockery"},
    "plan.section_content": {"nl": "Challenge en duetten", "en": "Challenge and duets"},
    "plan.section_advocacy": {"nl": "Touch, Tell, Sell: wie post wat", "en": "Touch, Tell, Sell: who posts what"},
    "plan.section_perfection": {"nl": "Echt in plaats van perfect", "en": "Real rather than perfect"},
    "plan.section_safety": {"nl": "Veilig en volgens de regels", "en": "Safe and lawful"},
    "plan.section_hashtags": {"nl": "Hashtags en caption", "en": "Hashtags and caption"},
    "plan.section_reach": {"nl": "Verwacht bereik", "en": "Expected reach"},
    "plan.section_plan": {"nl": "De eerste acties", "en": "The first actions"},
    # --- the team ------------------------------------------------------------------------
    "plan.team_name": {"nl": "Team", "en": "Team"},
    "plan.company": {"nl": "Bedrijf", "en": "Company"},
    "plan.sector": {"nl": "Sector", "en": "Sector"},
    "plan.region": {"nl": "Regio", "en": "Region"},
    "plan.whole_country": {"nl": "heel Nederland", "en": "the whole of the Netherlands"},
    # --- the pipeline --------------------------------------------------------------------
    "plan.offers": {"nl": "Stages die jullie aanbieden", "en": "Internships you offer"},
    "plan.col_internship": {"nl": "Stage", "en": "Internship"},
    "plan.col_level": {"nl": "Niveau", "en": "Level"},
    "plan.col_interns": {"nl": "Stagiairs per jaar", "en": "Interns a year"},
    "plan.col_years": {"nl": "Schooljaren", "en": "School years"},
    "plan.all_levels": {"nl": "alle niveaus", "en": "all levels"},
    "plan.offer": {
        "nl": "{interns} × {internship}{level} in {years}",
        "en": "{interns} × {internship}{level} in {years}",
    },
    "plan.pipeline_answer": {
        "nl": "{offer}: bereik nu ongeveer {reach} leerlingen uit {group} ({age} jaar). Zij kunnen in schooljaar "
        "{year} bij jullie beginnen.",
        "en": "{offer}: reach about {reach} pupils of {group} now (aged {age}). They can start with you in school "
        "year {year}.",
    },
    "plan.pipeline_none": {
        "nl": "{offer}: geen enkele leerling van nu kan deze stage in die schooljaren doen.",
        "en": "{offer}: no pupil of today can do this internship in those school years.",
    },
    "plan.pipeline_short": {
        "nl": "In {region} zijn er te weinig leerlingen in {groups} om alle stages zo te vullen.",
        "en": "In {region} there are too few pupils in {groups} to fill every internship this way.",
    },
    "plan.pipeline_enough": {
        "nl": "In {region} zijn er genoeg leerlingen voor deze stages.",
        "en": "In {region} there are enough pupils for these internships.",
    },
    "plan.pipeline_funnel": {
        "nl": "Aanname: van de bereikte leerlingen volgt {follows} jullie, van de volgers solliciteert {applies} en "
        "van de sollicitanten begint {starts}.",
        "en": "Assumption: of the pupils reached, {follows} follow you; of the followers, {applies} apply; and of "
        "the applicants, {starts} start.",
    },
    "plan.pipeline_note": {
        "nl": "Deze aantallen zijn schattingen uit landelijke cijfers over leerlingen en hun overstappen, en uit de "
        "aannames hierboven. Ze laten zien hoe vroeg jullie moeten beginnen, niet hoeveel stagiairs er precies komen.",
        "en": "These numbers are estimates from national figures on pupils and their transitions, and from the "
        "assumptions above. They show how early to start, not exactly how many interns will come.",
    },
    # --- being early ---------------------------------------------------------------------
    "plan.handle": {"nl": "Accountnaam", "en": "Account name"},
    "plan.handle_claimed": {"nl": "Al vastgelegd", "en": "Claimed already"},
    "plan.employers": {"nl": "Andere werkgevers op TikTok", "en": "Other employers on TikTok"},
    "plan.col_employer": {"nl": "Werkgever", "en": "Employer"},
    "plan.col_posting": {"nl": "Post op TikTok", "en": "Posts on TikTok"},
    # --- irony ---------------------------------------------------------------------------
    "plan.col_idea": {"nl": "Idee", "en": "Idea"},
    "plan.col_tone": {"nl": "Toon", "en": "Tone"},
    "plan.col_kind": {"nl": "Soort", "en": "Kind"},
    "plan.tone": {"nl": "{tone} van 100", "en": "{tone} of 100"},
    "plan.tone_band": {"nl": "{tone} van 100 ({band})", "en": "{tone} of 100 ({band})"},
    "plan.tone_note": {
        "nl": "De schaal loopt van 0 (stijf) via 50 (zelfspot) naar 100 (belachelijk). Het is een hulpmiddel voor "
        "het gesprek, geen meting.",
        "en": "The scale runs from 0 (stiff) through 50 (self-mockery) to 100 (ridiculous). It helps the "
        "conversation; it is not a measurement.",
    },
    # --- content -------------------------------------------------------------------------
    "plan.challenge_name": {"nl": "Naam van de challenge", "en": "Name of the challenge"},
    "plan.challenge_hashtag": {"nl": "Hashtag", "en": "Hashtag"},
    "plan.challenge_format": {"nl": "Vorm", "en": "Format"},
    "plan.challenge_audience": {"nl": "Voor wie", "en": "For whom"},
    "plan.challenge_sound": {"nl": "Geluid", "en": "Sound"},
    "plan.challenge_starter": {"nl": "Wie start hem", "en": "Who starts it"},
    "plan.duet_prompts": {"nl": "Duet-opdrachten", "en": "Duet prompts"},
    # --- advocacy ------------------------------------------------------------------------
    "plan.roster_start": {"nl": "Het rooster begint op", "en": "The roster starts on"},
    "plan.roster": {"nl": "Rooster", "en": "Roster"},
    "plan.col_who": {"nl": "Wie", "en": "Who"},
    "plan.col_role": {"nl": "Rol", "en": "Role"},
    "plan.col_topic": {"nl": "Onderwerp", "en": "Topic"},
    "plan.col_often": {"nl": "Hoe vaak", "en": "How often"},
    "plan.col_weeks": {"nl": "Weken", "en": "Weeks"},
    "plan.every_week": {"nl": "elke week", "en": "every week"},
    "plan.every_weeks": {"nl": "elke {weeks} weken", "en": "every {weeks} weeks"},
    "plan.week_range": {"nl": "week {first} tot en met {last}", "en": "weeks {first} to {last}"},
    "plan.balance": {
        "nl": "Video's in het rooster per soort: {counts}.",
        "en": "Videos in the roster by kind: {counts}.",
    },
    # --- perfection ----------------------------------------------------------------------
    "plan.draft": {"nl": "Conceptvideo", "en": "Draft video"},
    "plan.score": {
        "nl": "{done} van de {total} punten van de lijst kloppen voor deze video.",
        "en": "{done} of the {total} points on the list are true of this video.",
    },
    "plan.score_note": {
        "nl": "Een vuistregel van deze workshop, geen meting.",
        "en": "A rule of thumb of this workshop, not a measurement.",
    },
    "plan.checks_done": {"nl": "Klopt al", "en": "True already"},
    "plan.checks_open": {"nl": "Kan nog echter", "en": "Could be more real"},
    "plan.brief": {
        "nl": "Brief voor een video van {seconds} seconden",
        "en": "Brief for a {seconds}-second video",
    },
    "plan.brief_subject": {"nl": "Onderwerp", "en": "Subject"},
    "plan.brief_who": {"nl": "Wie", "en": "Who"},
    "plan.brief_where": {"nl": "Waar", "en": "Where"},
    "plan.brief_hook": {"nl": "Eerste seconden", "en": "First seconds"},
    "plan.brief_ending": {"nl": "Einde", "en": "Ending"},
    # --- safety --------------------------------------------------------------------------
    "plan.safety_count": {
        "nl": "{done} van de {total} punten zijn geregeld.",
        "en": "{done} of the {total} points are arranged.",
    },
    "plan.safety_done": {"nl": "Al geregeld", "en": "Arranged already"},
    "plan.safety_open": {"nl": "Nog te regelen", "en": "Still to arrange"},
    "plan.col_point": {"nl": "Punt", "en": "Point"},
    "plan.col_source": {"nl": "Bron", "en": "Source"},
    "plan.advice": {
        "nl": "advies van deze workshop, geen wettelijke regel",
        "en": "advice of this workshop, not a legal rule",
    },
    "plan.account_owner": {"nl": "Eigenaar van het account", "en": "Owner of the account"},
    "plan.policy": {"nl": "Accountbeleid", "en": "Account policy"},
    "plan.not_legal_advice": {
        "nl": "Dit is geen juridisch advies. De lijst zet op een rij wat openbare bronnen zeggen. Twijfelen jullie, "
        "vraag het dan aan een jurist.",
        "en": "This is not legal advice. The list sums up what public sources say. When in doubt, ask a lawyer.",
    },
    # --- hashtags ------------------------------------------------------------------------
    "plan.profession": {"nl": "Beroep", "en": "Profession"},
    "plan.challenge": {"nl": "Challenge", "en": "Challenge"},
    "plan.chosen": {"nl": "Hashtags in de caption", "en": "Hashtags in the caption"},
    "plan.caption": {"nl": "Caption", "en": "Caption"},
    "plan.looked_up": {"nl": "Opgezochte hashtags", "en": "Hashtags looked up"},
    "plan.col_hashtag": {"nl": "Hashtag", "en": "Hashtag"},
    "plan.col_posts": {"nl": "Posts op TikTok", "en": "Posts on TikTok"},
    "plan.col_tier": {"nl": "Niveau", "en": "Tier"},
    "plan.posts_note": {
        "nl": "Aantallen posts zoals jullie ze op TikTok hebben opgezocht. Ze veranderen elke dag: zoek ze opnieuw "
        "op voordat jullie posten.",
        "en": "Post counts as you looked them up on TikTok. They change every day: look them up again before "
        "you post.",
    },
    # --- reach ---------------------------------------------------------------------------
    "plan.reach_source": {"nl": "Gebaseerd op", "en": "Based on"},
    "plan.reach_sample": {
        "nl": "de voorbeeldexport van een verzonnen garage",
        "en": "the sample export of an invented garage",
    },
    "plan.reach_result": {
        "nl": "Met {posts} video's per week, {weeks} weken lang: in het middelste geval zo'n {median} weergaven bij "
        "elkaar; in 80 % van de uitkomsten tussen {low} en {high}.",
        "en": "With {posts} videos a week for {weeks} weeks: in the middle case about {median} views in all; in 80% "
        "of the outcomes between {low} and {high}.",
    },
    "plan.reach_people": {
        "nl": "Naar schatting horen {people} kijkers bij de doelgroep in {region}: ongeveer {share} van de "
        "{reachable} leerlingen die jullie daar op TikTok kunnen bereiken.",
        "en": "An estimated {people} viewers belong to the target group in {region}: about {share} of the "
        "{reachable} pupils you can reach there on TikTok.",
    },
    "plan.reach_note": {
        "nl": "Een scenario, geen voorspelling. Aannames uit stap {step}: een gewone video krijgt {median} weergaven, "
        "één kijker ziet er gemiddeld {views_per_person}, {in_netherlands} van de kijkers woont in Nederland en "
        "{in_group} van hen hoort bij de doelgroep.",
        "en": "A scenario, not a forecast. Assumptions from step {step}: a typical video gets {median} views, one "
        "viewer sees {views_per_person} of them on average, {in_netherlands} of the viewers live in the "
        "Netherlands and {in_group} of them belong to the target group.",
    },
    "plan.reach_no_scenario": {
        "nl": "Nog geen scenario gekozen.",
        "en": "No scenario chosen yet.",
    },
    # --- the actions ---------------------------------------------------------------------
    "plan.actions": {"nl": "Acties", "en": "Actions"},
    "plan.owner": {"nl": "Beheert het account", "en": "Looks after the account"},
    "plan.first_post": {"nl": "Eerste video online op", "en": "First video online on"},
}
