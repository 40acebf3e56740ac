"""The one rule for a participant's text: stripped, within its limit, no invisible control characters.

Every step checks what a team types with :func:`check_text`, under its own catalogue keys, so
a message names the field's own limit in the step's own words.
"""

from __future__ import annotations

import unicodedata

from toolkit.i18n import TextError

#: Characters a text of several lines may hold besides printable ones.
LINE_BREAKS = "\n\r\t"


def check_text(text: object, limit: int, *, too_long: str, control: str, required: bool = False,
               empty: str = "", multiline: bool = False) -> str:
    """Return ``text`` stripped, or raise a ``TextError`` with the caller's catalogue key.

    Parameters
    ----------
    text : object
        What was typed.
    limit : int
        Most characters, after stripping.
    too_long, control : str
        Catalogue keys for a text over ``limit`` (given ``max``) and for one holding a control
        character or a lone surrogate (which no file or database can store as UTF-8).
    required : bool
        Refuse an empty text, with the key ``empty``.
    multiline : bool
        Allow line breaks and tabs.
    """
    value = str(text).strip()
    if required and not value:
        raise TextError(empty)
    if len(value) > limit:
        raise TextError(too_long, max=limit)
    allowed = LINE_BREAKS if multiline else ""
    if any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in value):
        raise TextError(control)
    return value
