"""Regions of the Netherlands: the whole country or one province, and its share of people."""

from __future__ import annotations

import functools

from toolkit.pipeline import load_table

#: The region that means the whole country.
NATIONAL = "Nederland"


@functools.cache
def _province_shares() -> dict[str, float]:
    table = load_table("provinces")
    total = table["population"].sum()
    return {row.province: float(row.population / total) for row in table.itertuples()}


def provinces() -> dict[str, float]:
    """Province -> share of the national population (CBS 70072ned, 1 January 2024).

    Returns
    -------
    dict
        A new dict on each call, in the order of ``toolkit/data/provinces.csv``.
    """
    return dict(_province_shares())


def regions() -> list[str]:
    """Every region a participant can pick: :data:`NATIONAL` first, then the provinces."""
    return [NATIONAL, *_province_shares()]


def region_share(region: str) -> float:
    """Share of the national population living in ``region`` (1.0 for :data:`NATIONAL`).

    Raises
    ------
    KeyError
        When ``region`` is neither :data:`NATIONAL` nor a province.
    """
    if region == NATIONAL:
        return 1.0
    return _province_shares()[region]
