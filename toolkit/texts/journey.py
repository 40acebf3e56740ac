"""Texts of the workshop journey: the steps, the team code, the workbook and the store."""

CATALOGUE: dict[str, dict[str, str]] = {
    # --- the team code (toolkit.workbook.normalise_code) ----------------------------------
    "team.bad_code": {
        "nl": "Dat is geen teamcode. Een teamcode bestaat uit twee groepjes van vier letters en cijfers, "
        "bijvoorbeeld K7QM-3XTA.",
        "en": "That is not a team code. A team code is two groups of four letters and digits, "
        "for example K7QM-3XTA.",
    },
    # --- reading a workbook file (toolkit.workbook) ---------------------------------------
    "workbook.too_big": {
        "nl": "Dit bestand is te groot voor een werkboek van StageTok. Kies het werkboek dat jullie eerder "
        "hebben bewaard.",
        "en": "This file is too big to be a StageTok workbook. Choose the workbook you saved earlier.",
    },
    "workbook.not_json": {
        "nl": "Dit bestand is geen werkboek: de inhoud is niet te lezen. Kies het werkboek dat jullie eerder "
        "met StageTok hebben bewaard.",
        "en": "This file is not a workbook: its contents cannot be read. Choose the workbook you saved "
        "earlier with StageTok.",
    },
    "workbook.foreign": {
        "nl": "Dit bestand is niet door StageTok gemaakt. Kies het werkboek dat jullie eerder met StageTok "
        "hebben bewaard.",
        "en": "This file was not made by StageTok. Choose the workbook you saved earlier with StageTok.",
    },
    "workbook.newer": {
        "nl": "Dit werkboek komt uit een nieuwere versie van StageTok (versie {version}). Deze versie opent "
        "werkboeken tot en met versie {supported}. Vraag de begeleider om StageTok bij te werken.",
        "en": "This workbook comes from a newer version of StageTok (version {version}). This version opens "
        "workbooks up to version {supported}. Ask the facilitator to update StageTok.",
    },
    "workbook.bad_field": {
        "nl": "Dit werkboek is beschadigd of met de hand aangepast: het onderdeel '{field}' klopt niet. "
        "Er is niets uit het bestand overgenomen; jullie huidige werk blijft staan.",
        "en": "This workbook is damaged or was edited by hand: the part '{field}' is not right. "
        "Nothing was taken from the file; your current work stays as it is.",
    },
    # --- the workshop's store (toolkit.store): a SQLite file or a PostgreSQL database -------
    "store.corrupt": {
        "nl": "De opslag van de workshop is beschadigd, dus opslaan lukt nu niet. Wat jullie op deze pagina "
        "hebben gedaan, blijft staan. Laat het de begeleider weten.",
        "en": "The workshop's storage is damaged, so saving does not work right now. What you did on this "
        "page stays. Let the facilitator know.",
    },
    "store.locked": {
        "nl": "Opslaan lukt even niet: de opslag van de workshop is bezet. Probeer het over een paar seconden "
        "opnieuw.",
        "en": "Saving is not possible for a moment: the workshop's storage is busy. Try again in a few seconds.",
    },
    "store.read_only": {
        "nl": "Opslaan lukt niet: de opslag van de workshop mag alleen gelezen worden. Wat jullie op deze "
        "pagina hebben gedaan, blijft staan. Laat het de begeleider weten.",
        "en": "Saving does not work: the workshop's storage may only be read. What you did on this page "
        "stays. Let the facilitator know.",
    },
    "store.unavailable": {
        "nl": "Opslaan lukt niet: de opslagplek van de workshop ontbreekt of er mag niets in worden bewaard. "
        "Wat jullie op deze pagina hebben gedaan, blijft staan. Laat het de begeleider weten.",
        "en": "Saving does not work: the workshop's storage place is missing or nothing may be stored in it. "
        "What you did on this page stays. Let the facilitator know.",
    },
    "store.full": {
        "nl": "Opslaan lukt niet: de opslag van de workshop is vol. Wat jullie op deze pagina hebben gedaan, "
        "blijft staan. Laat het de begeleider weten.",
        "en": "Saving does not work: the workshop's storage is full. What you did on this page stays. "
        "Let the facilitator know.",
    },
    "store.newer": {
        "nl": "De opslag van de workshop is gemaakt door een nieuwere versie van StageTok en kan hier niet "
        "worden gebruikt. Wat jullie op deze pagina hebben gedaan, blijft staan. Laat het de begeleider weten.",
        "en": "The workshop's storage was made by a newer version of StageTok and cannot be used here. What "
        "you did on this page stays. Let the facilitator know.",
    },
    "store.unreachable": {
        "nl": "Opslaan lukt nu niet: de database van de workshop is niet bereikbaar. Wat jullie op deze "
        "pagina hebben gedaan, blijft staan. Probeer het over een minuut opnieuw; blijft het zo, laat het "
        "dan de begeleider weten.",
        "en": "Saving does not work right now: the workshop's database cannot be reached. What you did on "
        "this page stays. Try again in a minute; if it stays this way, let the facilitator know.",
    },
    "store.denied": {
        "nl": "Opslaan lukt niet: de database van de workshop laat StageTok niet binnen, want de "
        "inloggegevens kloppen niet. Wat jullie op deze pagina hebben gedaan, blijft staan. Laat het de "
        "begeleider weten.",
        "en": "Saving does not work: the workshop's database does not let StageTok in, because the login "
        "details are wrong. What you did on this page stays. Let the facilitator know.",
    },
    "store.bad_record": {
        "nl": "Het bewaarde werkboek van team {code} is niet meer te lezen. Wat jullie op deze pagina hebben "
        "gedaan, blijft staan. Laat het de begeleider weten.",
        "en": "The saved workbook of team {code} can no longer be read. What you did on this page stays. "
        "Let the facilitator know.",
    },
    "store.unsavable": {
        "nl": "Dit werkboek kan niet worden bewaard: het onderdeel '{field}' klopt niet. De vorige versie blijft "
        "bewaard en wat jullie op deze pagina hebben gedaan, blijft staan. Laat het de begeleider weten.",
        "en": "This workbook cannot be saved: the part '{field}' is not right. The previous version stays "
        "saved and what you did on this page stays. Let the facilitator know.",
    },
    "store.failed": {
        "nl": "Er ging iets mis bij het opslaan of openen van jullie werkboek. Wat jullie op deze pagina "
        "hebben gedaan, blijft staan. Probeer het nog eens; lukt het weer niet, laat het dan de "
        "begeleider weten.",
        "en": "Something went wrong while saving or opening your workbook. What you did on this page stays. "
        "Try again; if it still does not work, let the facilitator know.",
    },
}
