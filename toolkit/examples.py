"""The invented company every dashboard opens on, so the first screen already shows a result.

Everything here is made up and shown as such ("voorbeeld", "verzonnen"): the company, its
internships and the post counts, which were not looked up on TikTok. The reach explorer's
example is the invented export in ``toolkit/data/sample_export``.
"""

from __future__ import annotations

#: The example company and a profession it trains interns for.
COMPANY = "Garage De Vries"
PROFESSION = "monteur"

#: Invented post counts, one per tier, so the chart shows what the tiers mean. Generic tags whose
#: counts mislead (such as #stage, mostly about theatre stages) are left out.
POSTS = {
    "#werkenbijgaragedevries": 0,
    "#garagedevries": 40,
    "#monteurlife": 8_500,
    "#monteur": 120_000,
    "#stagiair": 45_000,
    "#mbo": 2_300_000,
}

#: Internships offered: two work-placement interns (bpv) at mbo level 4 a year, in the school
#: years two and three years from now.
OFFERS = ({"internship": "mbo-bpv", "education": "mbo-4", "interns": 2, "years_from_now": (2, 3)},)
