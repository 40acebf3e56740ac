"""Tip 3, content is king: the rules of a team's own challenge, its duet prompts, and what minors can do.

Pure logic, no widgets. Hashtags follow the Hashtag Lab's rules (:mod:`toolkit.hashtags`); what
minors can do on TikTok comes from TikTok's own teen settings as the workshop's fact sheet gives
them (sources in :data:`MINORS_SOURCE` and :data:`CONSENT_SOURCE`). None of it is legal advice.
"""

from __future__ import annotations

from toolkit import hashtags
from toolkit.i18n import TextError
from toolkit.text import check_text as text_rule

#: Formats a challenge can take, in the order they are offered.
FORMATS = ("dance", "before_after", "day_as_intern", "pov", "tutorial", "quiz", "duet_chain")
#: Catalogue keys of the formats' names and of a one-line description of each.
FORMAT_KEYS = {
    "dance": ("content.format_dance", "content.format_dance_hint"),
    "before_after": ("content.format_before_after", "content.format_before_after_hint"),
    "day_as_intern": ("content.format_day_as_intern", "content.format_day_as_intern_hint"),
    "pov": ("content.format_pov", "content.format_pov_hint"),
    "tutorial": ("content.format_tutorial", "content.format_tutorial_hint"),
    "quiz": ("content.format_quiz", "content.format_quiz_hint"),
    "duet_chain": ("content.format_duet_chain", "content.format_duet_chain_hint"),
}

#: Who a challenge is meant for, in the order they are offered.
AUDIENCES = ("vmbo_13_15", "age_16_17", "adults")
#: Catalogue key of each audience's name.
AUDIENCE_KEYS = {
    "vmbo_13_15": "content.audience_vmbo_13_15",
    "age_16_17": "content.audience_16_17",
    "adults": "content.audience_adults",
}
#: Youngest age in each audience (TikTok's teen settings depend on it).
AUDIENCE_MIN_AGE = {"vmbo_13_15": 13, "age_16_17": 16, "adults": 18}
#: Age from which TikTok lets a teen use direct messages and lets others Duet or Stitch their videos.
DUET_AGE = 16

#: Where the rules for teens come from (the fact sheet's wording; no official page gives more).
MINORS_SOURCE = ("TikTok Support, 'Teen privacy and safety settings' (2026); "
                 "introduced January 2021 (nextpit.com 2021-01-13; ppc.land)")
#: Where the rule on a parent's consent comes from.
CONSENT_SOURCE = "AVG art. 8 + UAVG art. 5 (ouders.nl 2018; pcheck.nl 2019)"
#: Where the ages at which pupils start mbo come from.
AGES_SOURCE = "Eurydice NL; CBS Jeugdmonitor"

#: Longest challenge name, in characters.
MAX_NAME = 80
#: Longest text typed into the hashtag field before it is checked, in characters.
MAX_HASHTAG_INPUT = 200
#: Longest description of the sound, in characters.
MAX_SOUND = 200
#: Longest text for who starts the challenge, in characters.
MAX_STARTER = 120
#: Longest duet prompt, in characters: one sentence a viewer reads in a caption.
MAX_PROMPT = 200
#: Duet prompts a challenge has.
PROMPTS = 2


def check_text(text: object, limit: int) -> str:
    """One line of participant text, stripped; refused when too long or holding control characters.

    Parameters
    ----------
    text : object
        What was typed.
    limit : int
        Most characters, after stripping.

    Returns
    -------
    str
        The text without leading and trailing white space (an empty text is allowed).

    Raises
    ------
    TextError
        ``content.too_long`` (with ``max``) or ``content.control`` (control characters, line
        breaks or a lone surrogate, which no file can store).
    """
    return text_rule(text, limit, too_long="content.too_long", control="content.control")


def check_challenge_name(text: object) -> str:
    """The challenge's name as typed, stripped (see :func:`check_text`, at most :data:`MAX_NAME`)."""
    return check_text(text, MAX_NAME)


def check_sound(text: object) -> str:
    """Which sound or music the challenge uses (see :func:`check_text`, at most :data:`MAX_SOUND`)."""
    return check_text(text, MAX_SOUND)


def check_starter(text: object) -> str:
    """Who starts the challenge (see :func:`check_text`, at most :data:`MAX_STARTER`)."""
    return check_text(text, MAX_STARTER)


def check_prompt(text: object) -> str:
    """One duet prompt: what a viewer answers in a duet (see :func:`check_text`, at most :data:`MAX_PROMPT`)."""
    return check_text(text, MAX_PROMPT)


def check_format(value: object) -> str:
    """A format id of :data:`FORMATS`, or ``""`` for none chosen yet.

    Raises
    ------
    TextError
        ``content.bad_format`` for anything else.
    """
    if value == "" or (isinstance(value, str) and value in FORMATS):
        return value
    raise TextError("content.bad_format")


def check_audience(value: object) -> str:
    """An audience id of :data:`AUDIENCES`, or ``""`` for none chosen yet.

    Raises
    ------
    TextError
        ``content.bad_audience`` for anything else.
    """
    if value == "" or (isinstance(value, str) and value in AUDIENCES):
        return value
    raise TextError("content.bad_audience")


def check_hashtag(text: object) -> str:
    """The challenge's hashtag as typed, normalised by the Hashtag Lab's rules.

    A missing ``#`` is added and surrounding spaces are dropped (:func:`toolkit.hashtags.as_tag`);
    the tag must then pass :func:`toolkit.hashtags.is_valid`. An empty field gives ``""``.

    Parameters
    ----------
    text : object
        What was typed.

    Returns
    -------
    str
        The tag, starting with ``#``, or ``""``.

    Raises
    ------
    TextError
        ``content.hashtag_too_long`` (with ``max``) for a text longer than
        :data:`MAX_HASHTAG_INPUT`; ``content.hashtag_invalid`` (with ``tag``, the normalised
        text) when the tag breaks a rule: :func:`toolkit.hashtags.check` says which.
    """
    raw = str(text)
    if len(raw.strip()) > MAX_HASHTAG_INPUT:
        raise TextError("content.hashtag_too_long", max=MAX_HASHTAG_INPUT)
    tag = hashtags.as_tag(raw)
    if not tag:
        return ""
    if not hashtags.is_valid(tag):
        raise TextError("content.hashtag_invalid", tag=tag)
    return tag


def hashtag_notes(tag: str) -> list[str]:
    """Catalogue keys of warnings about a valid challenge hashtag (empty when there is nothing to say).

    A tag whose post count misleads gets the Hashtag Lab's warning
    (:func:`toolkit.hashtags.warning`); a generic recruitment tag such as #stagiair gets a note
    that a challenge needs a tag of its own.
    """
    if not tag:
        return []
    notes = []
    warning = hashtags.warning(tag)
    if warning:
        notes.append(warning)
    if tag.casefold() in {generic.casefold() for generic in hashtags.GENERIC_TAGS}:
        notes.append("content.hashtag_generic")
    return notes


def suggest_hashtag(name: object) -> str:
    """A hashtag made from the challenge's name, the way the Hashtag Lab makes a challenge tag.

    The name is folded (:func:`toolkit.hashtags.fold`) and ends in ``challenge``:
    "Raad het onderdeel" gives ``#raadhetonderdeelchallenge``.

    Raises
    ------
    TextError
        ``content.name_no_tag`` when the name has no letters or digits, ``content.hashtag_too_long``
        when the tag would be longer than the Hashtag Lab allows.
    """
    base = hashtags.fold(str(name)[:MAX_HASHTAG_INPUT])
    if not base:
        raise TextError("content.name_no_tag")
    tag = "#" + (base if base.endswith("challenge") else base + "challenge")
    if not hashtags.is_valid(tag):
        raise TextError("content.hashtag_too_long", max=hashtags.MAX_TAG_LENGTH)
    return tag


def includes_under_16(audience: str) -> bool:
    """True when the audience has people younger than :data:`DUET_AGE` (who cannot answer with a Duet)."""
    return audience in AUDIENCE_MIN_AGE and AUDIENCE_MIN_AGE[audience] < DUET_AGE


def minors_notes(audience: str = "") -> list[tuple[str, dict]]:
    """What minors can and cannot do on TikTok, for the team's audience, most important first.

    Parameters
    ----------
    audience : str
        One of :data:`AUDIENCES`, or ``""`` when none is chosen (then every note is given).

    Returns
    -------
    list of (str, dict)
        Catalogue keys with their parameters. Every note comes from TikTok's teen settings
        (:data:`MINORS_SOURCE`), the AVG (:data:`CONSENT_SOURCE`) or the ages of the school
        system (:data:`AGES_SOURCE`); a view shows the sources with them.
    """
    age = {"age": DUET_AGE}
    under_16 = [("content.minors_13_15_duet", {}), ("content.minors_13_15_private", {}),
                ("content.minors_no_dm", age), ("content.minors_consent", age)]
    teens = [("content.minors_16_17_duet", {}), ("content.minors_16_17_private", {})]
    if audience == "vmbo_13_15":
        return under_16
    if audience == "age_16_17":
        return teens
    if audience == "adults":
        return [("content.minors_adults_mbo", {}), *teens]
    return [*under_16, *teens]


def duet_warning(audience: str) -> tuple[str, str, dict] | None:
    """The message shown next to the duet prompts for the team's audience, or None.

    Returns
    -------
    tuple of (str, str, dict) or None
        A level (``"warning"`` for an audience with under-16s, ``"info"`` for 16 and 17-year-olds),
        a catalogue key and its parameters.
    """
    if includes_under_16(audience):
        return "warning", "content.duet_warning_under_16", {"age": DUET_AGE}
    if audience == "age_16_17":
        return "info", "content.duet_note_16_17", {}
    return None
