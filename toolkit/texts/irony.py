"""Texts of the irony step."""

CATALOGUE: dict[str, dict[str, str]] = {
}
