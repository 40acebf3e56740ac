"""Tests for toolkit.regions: the whole country or one province, and its share of the population."""

import math

import pytest

from toolkit.regions import NATIONAL, provinces, region_share, regions

# Every test computes what it checks (see tests/conftest.py: the mutation run needs it).
pytestmark = pytest.mark.usefixtures("cold_caches")

#: CBS 70072ned, 1 January 2024 (toolkit/data/provinces.csv).
INHABITANTS = 17_947_684
PROVINCES = ["Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
             "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"]


def test_regions_are_the_country_first_then_the_provinces_in_the_table_order():
    assert NATIONAL == "Nederland"
    assert regions() == [NATIONAL, *PROVINCES]


def test_province_shares_are_population_over_the_national_total():
    shares = provinces()
    assert list(shares) == PROVINCES
    assert math.isclose(shares["Utrecht"], 1_400_187 / INHABITANTS)
    assert math.isclose(shares["Zuid-Holland"], 3_840_662 / INHABITANTS)  # the largest, about 21 %
    assert math.isclose(sum(shares.values()), 1.0)
    assert all(isinstance(share, float) and 0 < share < 1 for share in shares.values())


def test_provinces_gives_a_new_dict_each_time():
    shares = provinces()
    shares["Utrecht"] = 1.0
    del shares["Zeeland"]
    assert math.isclose(provinces()["Utrecht"], 1_400_187 / INHABITANTS)
    assert "Zeeland" in provinces() and len(provinces()) == 12


def test_region_share():
    assert region_share(NATIONAL) == 1.0
    assert math.isclose(region_share("Zeeland"), 391_657 / INHABITANTS)  # about 2.2 %
    assert math.isclose(region_share("Fryslân"), 661_956 / INHABITANTS)
    assert all(region_share(region) == provinces()[region] for region in PROVINCES)


@pytest.mark.parametrize("region", ["Brabant", "nederland", "utrecht", "", "Friesland"])
def test_region_share_refuses_unknown_regions(region):
    with pytest.raises(KeyError):
        region_share(region)
