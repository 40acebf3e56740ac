"""Texts of the plan step."""

CATALOGUE: dict[str, dict[str, str]] = {
}
