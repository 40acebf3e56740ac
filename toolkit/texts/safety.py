"""Texts of the safety step."""

CATALOGUE: dict[str, dict[str, str]] = {
    "safety.title": {"nl": "Veilig en volgens de regels", "en": "Safe and lawful"},
    "safety.intro": {
        "nl": "Voordat jullie medewerkers en stagiairs filmen en jongeren op TikTok opzoeken: loop samen deze lijst "
        "na, vink aan wat al geregeld is en leg vast wie het account beheert.",
        "en": "Before you film employees and interns and seek out young people on TikTok: go through this list "
        "together, tick what is arranged already and write down who manages the account.",
    },
    "safety.not_legal_advice": {
        "nl": "Dit is geen juridisch advies. De lijst zet op een rij wat openbare bronnen zeggen, met de bron bij elk "
        "punt. Twijfelen jullie, vraag het dan aan een jurist.",
        "en": "This is not legal advice. The list sums up what public sources say, with the source of each point. "
        "When in doubt, ask a lawyer.",
    },
    "safety.example_note": {
        "nl": "Voorbeeld: hoe een verzonnen garage ervoor staat. Pas het aan, of begin leeg.",
        "en": "Example: where an invented garage stands. Change it, or start empty.",
    },
    "safety.step_checks": {"nl": "1. Wat is al geregeld?", "en": "1. What is arranged already?"},
    "safety.group_tiktok": {"nl": "TikTok en tieners", "en": "TikTok and teenagers"},
    "safety.group_consent": {
        "nl": "Toestemming van medewerkers en stagiairs",
        "en": "Consent of employees and interns",
    },
    "safety.group_minors": {"nl": "Stagiairs jonger dan 16", "en": "Interns under 16"},
    "safety.group_portrait": {"nl": "Portretrecht", "en": "Portrait right"},
    "safety.group_account": {"nl": "Afspraken over het account", "en": "Agreements about the account"},
    "safety.source": {"nl": "Bron: {source}", "en": "Source: {source}"},
    "safety.advice": {
        "nl": "advies van deze workshop, geen wettelijke regel",
        "en": "advice of this workshop, not a legal rule",
    },
    "safety.step_account": {"nl": "2. Wie beheert het account?", "en": "2. Who manages the account?"},
    "safety.owner": {"nl": "Eigenaar van het account", "en": "Owner of the account"},
    "safety.owner_hint": {
        "nl": "Bijvoorbeeld: het bedrijf; wachtwoord bij de eigenaar",
        "en": "For example: the company; the password kept by the owner",
    },
    "safety.policy": {"nl": "Accountbeleid", "en": "Account policy"},
    "safety.policy_hint": {
        "nl": "Wie post er, wat gaat nooit online, wat doen we als iemand zijn toestemming intrekt?",
        "en": "Who posts, what never goes online, what do we do when someone withdraws consent?",
    },
    "safety.use_template": {"nl": "Sjabloon invullen", "en": "Fill in the template"},
    "safety.template": {
        "nl": "Het account is van: ...\nE-mailadres en wachtwoord beheert: ...\nMag posten: ...\nKijkt mee voordat "
        "iets online gaat: ...\nGaat nooit online: ...\nAls iemand toestemming intrekt: ...\nAls iemand met de "
        "inloggegevens vertrekt: ...",
        "en": "The account belongs to: ...\nE-mail address and password are managed by: ...\nMay post: ...\nLooks "
        "at a video before it goes online: ...\nNever goes online: ...\nWhen someone withdraws consent: ...\nWhen "
        "someone who knows the login leaves: ...",
    },
    "safety.template_used": {
        "nl": "Het sjabloon staat in het accountbeleid. Vul de puntjes in.",
        "en": "The template is in the account policy. Fill in the dots.",
    },
    "safety.template_not_empty": {
        "nl": "Het accountbeleid is niet leeg; het sjabloon zou jullie tekst vervangen. Maak het veld eerst leeg.",
        "en": "The account policy is not empty; the template would replace your text. Empty the field first.",
    },
    "safety.step_open": {"nl": "3. Wat staat nog open?", "en": "3. What is still open?"},
    "safety.open_count": {
        "nl": "Nog {open} van de {total} punten open.",
        "en": "{open} of {total} points still open.",
    },
    "safety.all_done": {"nl": "Alles op de lijst is geregeld.", "en": "Everything on the list is arranged."},
    "safety.no_owner": {
        "nl": "Nog niet vastgelegd wie eigenaar van het account is.",
        "en": "Not yet written down who owns the account.",
    },
    "safety.no_policy": {"nl": "Nog geen accountbeleid geschreven.", "en": "No account policy written yet."},
    "safety.too_long": {
        "nl": "Deze tekst is langer dan {max} tekens. Maak hem korter; de vorige tekst blijft staan.",
        "en": "This text is longer than {max} characters. Make it shorter; the previous text stays.",
    },
    "safety.control": {
        "nl": "De tekst bevat onzichtbare tekens (bijvoorbeeld uit gekopieerde tekst). Typ hem opnieuw; de vorige "
        "tekst blijft staan.",
        "en": "The text contains invisible characters (for example from copied text). Type it again; the "
        "previous text stays.",
    },
    "safety.unknown_item": {
        "nl": "'{item}' staat niet op de checklist.",
        "en": "'{item}' is not on the checklist.",
    },
}
