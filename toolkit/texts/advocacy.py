"""Texts of the advocacy step."""

CATALOGUE: dict[str, dict[str, str]] = {
}
