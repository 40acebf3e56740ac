"""Texts of the perfection step."""

CATALOGUE: dict[str, dict[str, str]] = {
}
