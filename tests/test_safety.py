"""Tests for toolkit.safety: the checklist's items and sources, what is still open, the text limits."""

import pytest

from tests.conftest import ROOT
from toolkit import safety
from toolkit.i18n import CATALOGUE, TextError, t
from toolkit.safety import ADVICE, GROUP_KEYS, GROUPS, MAX_OWNER, MAX_POLICY, check_checks, checklist, open_items

#: The sources the workshop's fact sheet gives for minors, consent and privacy (and the workshop's own advice).
FACT_SHEET_SOURCES = {
    "TikTok Support, 'Teen privacy and safety settings' (2026)",
    "TikTok Support, 'Teen privacy and safety settings' (2026); nextpit.com 2021-01-13; ppc.land",
    "Autoriteit Persoonsgegevens, via hekkelman.nl; cyberpilot.io",
    "AWVN werkgeverslijn, 'Mag ik foto's van werknemers gebruiken op de bedrijfswebsite?'; rendement.nl 2018",
    "AVG art. 8 + UAVG art. 5 (ouders.nl 2018; pcheck.nl 2019)",
    "Auteurswet art. 21",
    ADVICE,
}


def test_the_checklist_has_its_columns_and_known_groups_in_order():
    table = checklist()
    assert list(table.columns) == ["id", "group", "text_nl", "text_en", "source"]
    assert table["id"].is_unique
    seen = list(dict.fromkeys(table["group"]))
    assert seen == list(GROUPS), "every group has items, shown in GROUPS order"
    for column in ("text_nl", "text_en", "source"):
        assert (table[column].str.strip().str.len() > 0).all(), column


def test_every_item_has_a_source_from_the_fact_sheet_and_only_the_account_policy_is_advice():
    table = checklist()
    assert set(table["source"]) <= FACT_SHEET_SOURCES, set(table["source"]) - FACT_SHEET_SOURCES
    advice = table[table["source"] == ADVICE]
    assert set(advice["group"]) == {"account"}
    assert (table.loc[table["group"] == "account", "source"] == ADVICE).all()


def test_the_checklist_says_what_the_fact_sheet_says():
    text = " ".join(checklist()["text_nl"])
    for phrase in ("13 jaar", "13- tot 15-jarigen", "privé", "Duet", "Stitch", "downloaden", "pas vanaf 16",
                   "16- en 17-jarigen", "'Niemand'", "'Vrienden'", "AVG", "uitdrukkelijk", "ingetrokken",
                   "onder druk", "ouder of voogd", "jonger dan 16", "redelijk belang", "wachtwoord", "posten",
                   "nooit online", "toestemming intrekt"):
        assert phrase in text, phrase
    sources = " ".join(checklist()["source"])
    assert "Auteurswet art. 21" in sources and "AVG art. 8 + UAVG art. 5" in sources


def test_sources_md_names_every_source_of_the_checklist():
    text = (ROOT / "toolkit" / "data" / "SOURCES.md").read_text(encoding="utf-8")
    assert "`safety.csv`" in text and "`authenticity.csv`" in text
    for source in set(checklist()["source"]):
        assert source in text, source


def test_groups_have_headings_and_the_screen_says_it_is_not_legal_advice():
    assert set(GROUP_KEYS) == set(GROUPS) and all(key in CATALOGUE for key in GROUP_KEYS.values())
    assert "geen juridisch advies" in t("safety.not_legal_advice")
    assert "not legal advice" in t("safety.not_legal_advice", lang="en")


def test_open_items_are_the_unchecked_ones_in_order():
    ids = safety.item_ids()
    assert list(open_items([])["id"]) == list(ids)
    assert list(open_items([ids[0], ids[2]])["id"]) == [ids[1], *ids[3:]]
    assert open_items(ids).empty


def test_an_unknown_item_is_refused():
    with pytest.raises(TextError) as caught:
        open_items(["min_age", "<script>"])
    assert caught.value.key == "safety.unknown_item"
    assert check_checks(["parents_consent", "min_age", "min_age"]) == ("min_age", "parents_consent")


def test_owner_and_policy_limits_and_their_keys():
    assert safety.check_owner("  Garage De Vries  ") == "Garage De Vries"
    with pytest.raises(TextError) as caught:
        safety.check_owner("x" * (MAX_OWNER + 1))
    assert caught.value.key == "safety.too_long" and caught.value.params == {"max": MAX_OWNER}
    with pytest.raises(TextError) as caught:
        safety.check_owner("regel\nregel")
    assert caught.value.key == "safety.control"
    assert safety.check_policy("Wie post: Sanne\nNooit online: klanten") == "Wie post: Sanne\nNooit online: klanten"
    with pytest.raises(TextError):
        safety.check_policy("x" * 10_000 + "y" * MAX_POLICY)


def test_the_policy_template_fits_the_limit_in_both_languages():
    for lang in ("nl", "en"):
        template = t("safety.template", lang=lang)
        assert safety.check_policy(template) == template
