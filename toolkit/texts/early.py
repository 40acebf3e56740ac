"""Texts of the early step."""

CATALOGUE: dict[str, dict[str, str]] = {
}
