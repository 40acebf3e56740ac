"""Texts of the safety step."""

CATALOGUE: dict[str, dict[str, str]] = {
}
