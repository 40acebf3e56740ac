"""Texts of the workshop journey: the steps, the team code, the workbook and the store."""

CATALOGUE: dict[str, dict[str, str]] = {
}
