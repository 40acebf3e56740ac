"""Texts of the advocacy step."""

CATALOGUE: dict[str, dict[str, str]] = {
    "advocacy.title": {
        "nl": "Touch, Tell, Sell: laat jullie eigen mensen het vertellen",
        "en": "Touch, Tell, Sell: let your own people tell it",
    },
    "advocacy.intro": {
        "nl": "Deel jullie ideeën in als Touch, Tell of Sell, en maak een rooster: welke medewerkers en stagiairs "
        "posten wat, hoe vaak, in de komende weken?",
        "en": "Sort your ideas into Touch, Tell or Sell, and make a roster: which employees and interns post what, "
        "how often, over the coming weeks?",
    },
    "advocacy.example_note": {
        "nl": "Voorbeeld: verzonnen ideeën en een verzonnen rooster van een verzonnen garage. Pas het aan, of begin "
        "leeg.",
        "en": "Example: invented ideas and an invented roster of an invented garage. Change it, or start empty.",
    },
    # --- Touch, Tell, Sell -------------------------------------------------------------------------
    "advocacy.step_kinds": {"nl": "Touch, Tell en Sell", "en": "Touch, Tell and Sell"},
    "advocacy.kind_touch": {"nl": "Touch", "en": "Touch"},
    "advocacy.kind_tell": {"nl": "Tell", "en": "Tell"},
    "advocacy.kind_sell": {"nl": "Sell", "en": "Sell"},
    "advocacy.kind_touch_hint": {
        "nl": "hoe het voelt om bij jullie te werken: de sfeer, de collega's, de lol",
        "en": "how it feels to work with you: the atmosphere, the colleagues, the fun",
    },
    "advocacy.kind_tell_hint": {
        "nl": "wat de stage of vacature inhoudt: het werk, wat je leert, wat je nodig hebt",
        "en": "what the internship or vacancy is: the work, what you learn, what you need",
    },
    "advocacy.kind_sell_hint": {
        "nl": "het moment van solliciteren: hoe en wanneer je je aanmeldt",
        "en": "the moment of applying: how and when to sign up",
    },
    "advocacy.kind_none": {"nl": "nog niet ingedeeld", "en": "not sorted yet"},
    "advocacy.article_advice": {
        "nl": "Het advies: leg het gewicht bij Touch, en laat die video's maken door jullie eigen medewerkers en "
        "stagiairs. Wie zich bij jullie welkom voelt, kijkt daarna ook naar de stage.",
        "en": "The advice: put the weight on Touch, and have those videos made by your own employees and interns. "
        "Someone who feels welcome with you will look at the internship next.",
    },
    "advocacy.bad_kind": {"nl": "Kies Touch, Tell of Sell.", "en": "Choose Touch, Tell or Sell."},
    # --- ideas ------------------------------------------------------------------------------------
    "advocacy.step_ideas": {"nl": "1. Jullie ideeën indelen", "en": "1. Sort your ideas"},
    "advocacy.ideas_hint": {
        "nl": "Kies bij elk idee of het Touch, Tell of Sell is. De ideeën komen uit de stap over ironie; hier kunnen "
        "jullie er ook nieuwe bij zetten.",
        "en": "Choose for each idea whether it is Touch, Tell or Sell. The ideas come from the step on irony; you can "
        "add new ones here too.",
    },
    "advocacy.ideas_summary": {
        "nl": "{n} ideeën: {kinds}; nog niet ingedeeld: {open}.",
        "en": "{n} ideas: {kinds}; not sorted yet: {open}.",
    },
    "advocacy.no_ideas": {
        "nl": "Nog geen ideeën. Zet hieronder een idee neer, of bedenk er een paar in de stap over ironie.",
        "en": "No ideas yet. Add an idea below, or think of a few in the step on irony.",
    },
    "advocacy.new_idea": {"nl": "Nieuw idee", "en": "New idea"},
    "advocacy.new_idea_hint": {
        "nl": "Bijvoorbeeld: onze stagiair laat haar werkplek zien",
        "en": "For example: our intern shows her workplace",
    },
    "advocacy.add_idea": {"nl": "Idee toevoegen", "en": "Add idea"},
    "advocacy.idea_added": {
        "nl": "Het idee staat erbij. Kies nog of het Touch, Tell of Sell is.",
        "en": "The idea is added. Now choose whether it is Touch, Tell or Sell.",
    },
    "advocacy.idea_empty": {"nl": "Schrijf eerst het idee op.", "en": "Write the idea down first."},
    "advocacy.too_many_ideas": {
        "nl": "Er staan al {max} ideeën. Kies de beste uit voordat jullie er meer bij zetten.",
        "en": "There are {max} ideas already. Pick the best before you add more.",
    },
    "advocacy.no_such_idea": {
        "nl": "Dat idee staat er niet meer. Kies opnieuw.",
        "en": "That idea is no longer there. Choose again.",
    },
    # --- the roster -------------------------------------------------------------------------------
    "advocacy.step_roster": {"nl": "2. Het postrooster", "en": "2. The posting roster"},
    "advocacy.roster_hint": {
        "nl": "Wie post wat, hoe vaak en in welke weken? Eén regel per persoon en soort is genoeg. Zet er liefst "
        "stagiairs in: zij kennen TikTok het best.",
        "en": "Who posts what, how often and in which weeks? One line per person and kind is enough. Include "
        "interns if you can: they know TikTok best.",
    },
    "advocacy.start": {"nl": "Week 1 begint op", "en": "Week 1 starts on"},
    "advocacy.start_hint": {"nl": "bijvoorbeeld 7-12-2026", "en": "for example 7-12-2026"},
    "advocacy.start_info": {
        "nl": "Week 1 begint op {weekday} {day} {month} {year}; het rooster loopt tot en met {end}.",
        "en": "Week 1 starts on {weekday} {day} {month} {year}; the roster runs until {end}.",
    },
    "advocacy.date_empty": {"nl": "Vul een datum in, zoals 7-12-2026.", "en": "Fill in a date, such as 7-12-2026."},
    "advocacy.bad_date": {
        "nl": "'{value}' kunnen we niet als datum lezen. Schrijf hem als 7-12-2026; de vorige datum blijft staan.",
        "en": "'{value}' cannot be read as a date. Write it as 7-12-2026 (day-month-year); the previous date stays.",
    },
    "advocacy.new_line": {"nl": "Nieuwe regel in het rooster", "en": "New line in the roster"},
    "advocacy.who": {"nl": "Wie post?", "en": "Who posts?"},
    "advocacy.who_hint": {"nl": "Voornaam, bijvoorbeeld Sanne", "en": "First name, for example Sanne"},
    "advocacy.role": {"nl": "Rol", "en": "Role"},
    "advocacy.role_employee": {"nl": "medewerker", "en": "employee"},
    "advocacy.role_intern": {"nl": "stagiair", "en": "intern"},
    "advocacy.kind": {"nl": "Soort", "en": "Kind"},
    "advocacy.topic": {"nl": "Waarover?", "en": "About what?"},
    "advocacy.topic_hint": {"nl": "Kies een idee of typ een onderwerp", "en": "Choose an idea or type a topic"},
    "advocacy.every": {"nl": "Hoe vaak?", "en": "How often?"},
    "advocacy.every_week": {"nl": "elke week", "en": "every week"},
    "advocacy.every_other_week": {"nl": "om de week", "en": "every other week"},
    "advocacy.every_n_weeks": {"nl": "elke {n} weken", "en": "every {n} weeks"},
    "advocacy.weeks": {"nl": "In de weken", "en": "In the weeks"},
    "advocacy.add_line": {"nl": "Regel toevoegen", "en": "Add line"},
    "advocacy.line_added": {"nl": "De regel staat in het rooster.", "en": "The line is in the roster."},
    "advocacy.remove_line": {"nl": "Verwijderen", "en": "Remove"},
    "advocacy.line_weeks": {"nl": "week {first} tot en met {last}", "en": "weeks {first} to {last}"},
    "advocacy.person_empty": {"nl": "Vul in wie er post.", "en": "Fill in who posts."},
    "advocacy.bad_role": {"nl": "Kies medewerker of stagiair.", "en": "Choose employee or intern."},
    "advocacy.bad_every": {
        "nl": "Kies hoe vaak: van elke week tot eens in de {max} weken.",
        "en": "Choose how often: from every week to once in {max} weeks.",
    },
    "advocacy.bad_week": {"nl": "Kies weken van 1 tot en met {max}.", "en": "Choose weeks from 1 to {max}."},
    "advocacy.weeks_order": {
        "nl": "De eerste week mag niet na de laatste komen.",
        "en": "The first week cannot come after the last.",
    },
    "advocacy.too_many_lines": {
        "nl": "Het rooster heeft al {max} regels. Voeg regels samen of haal er een weg.",
        "en": "The roster has {max} lines already. Merge lines or remove one.",
    },
    "advocacy.no_such_line": {
        "nl": "Die regel staat niet meer in het rooster.",
        "en": "That line is no longer in the roster.",
    },
    "advocacy.bad_line": {
        "nl": "Deze regel van het rooster klopt niet.",
        "en": "This line of the roster is not valid.",
    },
    "advocacy.empty": {"nl": "Vul dit veld in.", "en": "Fill in this field."},
    "advocacy.too_long": {
        "nl": "Deze tekst is te lang: hoogstens {max} tekens. De vorige tekst blijft staan.",
        "en": "This text is too long: at most {max} characters. The previous text stays.",
    },
    "advocacy.control": {
        "nl": "De tekst bevat onzichtbare tekens of een regeleinde (bijvoorbeeld uit gekopieerde tekst). Typ hem "
        "opnieuw.",
        "en": "The text contains invisible characters or a line break (for example from copied text). Type it again.",
    },
    # --- calendar and balance -----------------------------------------------------------------------
    "advocacy.step_calendar": {"nl": "3. De kalender", "en": "3. The calendar"},
    "advocacy.calendar_empty": {
        "nl": "Nog geen regels in het rooster. Zet er hierboven een in; dan verschijnen de kalender en de balans.",
        "en": "No lines in the roster yet. Add one above; then the calendar and the balance appear.",
    },
    "advocacy.step_balance": {
        "nl": "4. De balans tussen Touch, Tell en Sell",
        "en": "4. The balance of Touch, Tell and Sell",
    },
    "advocacy.balance_text": {
        "nl": "In het rooster staan {total} posts: {parts}.",
        "en": "The roster holds {total} posts: {parts}.",
    },
    "advocacy.balance_part": {"nl": "{kind} {posts} ({share})", "en": "{kind} {posts} ({share})"},
    "advocacy.advice_empty": {
        "nl": "Zodra er regels in het rooster staan, zien jullie hier of het zwaartepunt bij Touch ligt.",
        "en": "Once the roster has lines, you see here whether the weight is on Touch.",
    },
    "advocacy.advice_touch": {
        "nl": "Goed zo: het zwaartepunt ligt bij Touch. Jullie eigen mensen laten zien hoe het is om bij jullie te "
        "werken; de stage en het solliciteren komen daarna aan bod.",
        "en": "Well done: the weight is on Touch. Your own people show what it is like to work with you; the "
        "internship and applying come after that.",
    },
    "advocacy.advice_tie": {
        "nl": "Touch deelt nu de eerste plaats. Het advies is om het gewicht echt bij Touch te leggen: laat "
        "medewerkers en stagiairs vaker zelf zien hoe het bij jullie is.",
        "en": "Touch now shares first place. The advice is to really put the weight on Touch: let employees and "
        "interns show more often what it is like with you.",
    },
    "advocacy.advice_tell": {
        "nl": "Het rooster vertelt vooral wát de stage is. Het advies is om het gewicht bij Touch te leggen: laat "
        "eerst voelen hoe het is om bij jullie te werken, gemaakt door jullie eigen mensen; de uitleg komt daarna.",
        "en": "The roster mostly tells what the internship is. The advice is to put the weight on Touch: first let "
        "people feel what it is like to work with you, made by your own people; the explanation comes after.",
    },
    "advocacy.advice_sell": {
        "nl": "Het rooster vraagt vooral om te solliciteren. Het advies is om het gewicht bij Touch te leggen: wie "
        "nog niet weet hoe het bij jullie voelt, meldt zich niet aan. Laat eerst jullie medewerkers en stagiairs "
        "zien hoe het is.",
        "en": "The roster mostly asks people to apply. The advice is to put the weight on Touch: someone who does not "
        "yet know how it feels to work with you will not sign up. Let your employees and interns show it first.",
    },
    "advocacy.chart_calendar": {"nl": "Wie post wat, per week", "en": "Who posts what, per week"},
    "advocacy.chart_week": {"nl": "Week", "en": "Week"},
    "advocacy.chart_week_of": {"nl": "Week van", "en": "Week of"},
    "advocacy.chart_kind": {"nl": "Soort", "en": "Kind"},
    "advocacy.chart_who": {"nl": "Wie", "en": "Who"},
    "advocacy.chart_posts": {"nl": "Posts", "en": "Posts"},
    "advocacy.chart_topic": {"nl": "Waarover", "en": "About"},
    "advocacy.chart_share": {"nl": "Aandeel", "en": "Share"},
    "advocacy.chart_balance": {"nl": "Posts per soort in het rooster", "en": "Posts per kind in the roster"},
    "advocacy.week_day": {"nl": "{day} {month}", "en": "{month} {day}"},
}
