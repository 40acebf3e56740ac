"""What a checklist step shares: the ticked items, in the checklist's own order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from toolkit.i18n import TextError


def ordered_checks(checks: Iterable[str] | str, known: Sequence[str], unknown_key: str) -> tuple[str, ...]:
    """The ticked items of ``checks`` in the order of ``known``, each once.

    Raises
    ------
    TextError
        ``unknown_key`` (with ``item``) for an id that is not in ``known``.
    """
    if isinstance(checks, str):
        checks = (checks,)
    wanted = set()
    for item in checks:
        if not isinstance(item, str) or item not in known:
            raise TextError(unknown_key, item=str(item)[:40])
        wanted.add(item)
    return tuple(item for item in known if item in wanted)
