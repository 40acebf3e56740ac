"""Texts of the content step."""

CATALOGUE: dict[str, dict[str, str]] = {
}
