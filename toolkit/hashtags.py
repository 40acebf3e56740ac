"""Hashtag rules for TikTok: find, check, suggest, sort into tiers and build captions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from toolkit.i18n import TextError, t

#: Longest hashtag name (the characters after ``#``) that the lab accepts.
MAX_TAG_LENGTH = 100
#: TikTok's caption limit for posts made through its posting API (2,200 since September 2022;
#: source in toolkit/data/SOURCES.md, "Figures in the code").
CAPTION_LIMIT = 2200
#: A post's recommended number of hashtags.
MIX_MIN, MIX_MAX = 3, 5

#: Kinds of suggested tags, in the order they are shown.
KINDS = ("branded", "profession", "challenge", "generic")
#: Tiers, from most to least crowded, then the tag not yet looked up.
TIERS = ("overused", "sweet_spot", "niche", "unused", "unknown")

#: Generic recruitment tags, Dutch first, then the big English ones (#internship, #lovemyjob).
#: Their reach today is what a participant looks up on TikTok, never a figure shipped here.
GENERIC_TAGS = (
    "#stage",
    "#stagiair",
    "#stagelopen",
    "#stageplek",
    "#mbo",
    "#hbo",
    "#internship",
    "#lovemyjob",
)

# Legal forms and family or group suffixes that make poor hashtags, taken off the end one by one
# ("Bakkerij Van der Meer & Zn. B.V." -> "Bakkerij Van der Meer").
_LEGAL_SUFFIXES = re.compile(
    r"[\s,]+(?:b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|c\.?\s?v\.?|holding|groep|group"
    r"|(?:&|en)\s*(?:zn\.?|zonen|co\.?)|zn\.?)\s*$",
    re.IGNORECASE,
)
#: Words for a kind of business that young people leave out when they name the company
#: ("Bakkerij Van der Meer" is "Van der Meer"): a leading one gives a short branded variant.
TRADE_WORDS = frozenset({
    "bakkerij", "garage", "autobedrijf", "autogarage", "kapsalon", "restaurant", "café", "cafe", "hotel",
    "installatiebedrijf", "installatietechniek", "bouwbedrijf", "aannemersbedrijf", "transportbedrijf",
    "transport", "schildersbedrijf", "timmerbedrijf", "loodgietersbedrijf", "hoveniersbedrijf", "slagerij",
    "drukkerij", "apotheek", "tandartspraktijk", "fysiotherapie", "administratiekantoor", "accountantskantoor",
    "advocatenkantoor", "makelaardij", "kinderopvang", "zorgboerderij", "supermarkt", "bloemisterij",
})
#: Generic tags whose post counts say little about internships, with the catalogue key of the
#: one-line warning shown beside them.
MISLEADING_TAGS = {
    "#stage": "tag.warn_stage",  # mostly English "stage": theatre, concerts, a stage of life
    "#hbo": "tag.warn_hbo",  # mostly the American TV channel HBO
}
_ZWJ = "\u200d"

# Variation selectors are marks (category Mn) but belong to emoji, never to a word.
_VARIATION_SELECTORS = set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))


def _is_word_char(ch: str) -> bool:
    """True for a character that may start or continue a hashtag: a letter, digit or ``_``."""
    if ch == "_":
        return True
    category = unicodedata.category(ch)
    return category[0] == "L" or category == "Nd"


def _is_joining_mark(ch: str) -> bool:
    """True for a combining accent that belongs to the letter before it."""
    return unicodedata.category(ch) in ("Mn", "Mc") and ord(ch) not in _VARIATION_SELECTORS


def _scan_name(text: str, start: int) -> int:
    """Return the end of the hashtag name that starts at ``text[start]`` (``start`` if none)."""
    end = start
    while end < len(text):
        ch = text[end]
        if _is_word_char(ch) or (end > start and _is_joining_mark(ch)):
            end += 1
        else:
            break
    return end


def extract(caption: str) -> list[str]:
    """Return the hashtags in a caption, in order of first appearance.

    A hashtag is ``#`` followed by one or more letters (any script, accents included),
    digits or underscores, at least one of them not an underscore; any other character ends
    it. Tags are de-duplicated
    case-insensitively and the first spelling wins.

    Parameters
    ----------
    caption : str
        Any text. Text is normalised to Unicode NFC first, so an accent typed as a
        separate combining mark stays part of its letter.

    Returns
    -------
    list of str
        The tags, each starting with ``#``.
    """
    if not caption:
        return []
    text = unicodedata.normalize("NFC", str(caption))
    found: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(text):
        if text[i] == "#":
            end = _scan_name(text, i + 1)
            if end > i + 1:
                tag = text[i:end]
                key = tag.casefold()
                if key not in seen and set(tag[1:]) != {"_"}:  # "#_" is no tag: it needs a letter or digit
                    seen.add(key)
                    found.append(tag)
                i = end
                continue
        i += 1
    return found


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (
        unicodedata.category(ch) == "So"
        or 0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or cp in _VARIATION_SELECTORS
        or cp == 0x200D  # zero-width joiner inside emoji sequences
    )


def problem_codes(tag: str) -> list[str]:
    """Return the catalogue keys of the problems with one tag (empty when the tag is fine)."""
    if tag is None or str(tag) == "":
        return ["tag.empty"]
    text = unicodedata.normalize("NFC", str(tag))
    if not text.strip():
        return ["tag.empty"]
    codes: list[str] = []

    def add(code: str) -> None:
        if code not in codes:
            codes.append(code)

    if text != text.strip():
        add("tag.spaces")
    body = text.strip()
    if not body.startswith("#"):
        add("tag.no_hash")
    name = body[1:] if body.startswith("#") else body
    if body == "#":
        return ["tag.only_hash"]
    if name and set(name) == {"_"}:
        add("tag.no_letters")
    for i, ch in enumerate(name):
        if _is_word_char(ch) or (i > 0 and _is_joining_mark(ch)):
            continue
        category = unicodedata.category(ch)
        neighbours = name[max(i - 1, 0):i] + name[i + 1:i + 2]
        if ch.isspace():
            add("tag.spaces")
        elif ch == _ZWJ and not any(_is_emoji(other) and other != _ZWJ for other in neighbours):
            add("tag.control")  # a joiner between letters is an invisible character, not an emoji
        elif _is_emoji(ch):
            add("tag.emoji")
        elif category[0] == "C":
            add("tag.control")
        elif ch == "-":
            add("tag.hyphen")
        else:
            add("tag.punctuation")
    if len(name) > MAX_TAG_LENGTH:
        add("tag.too_long")
    return codes


def check(tag: str, lang: str | None = None) -> list[str]:
    """Return the problems with one tag as sentences a participant understands.

    Parameters
    ----------
    tag : str
        One hashtag, including its ``#``.
    lang : {"nl", "en"}, optional
        Language of the sentences; default the current language of :mod:`toolkit.i18n`.

    Returns
    -------
    list of str
        One sentence per kind of problem; an empty list means the tag is fine.
    """
    return [t(code, lang=lang, max=MAX_TAG_LENGTH) for code in problem_codes(tag)]


def is_valid(tag: str) -> bool:
    """True when :func:`check` finds nothing wrong with ``tag``."""
    return not problem_codes(tag)


def as_tag(text: str) -> str:
    """Return what a participant typed as a tag: trimmed, with a ``#`` added when missing."""
    text = unicodedata.normalize("NFC", str(text or "")).strip()
    if text and not text.startswith("#"):
        text = "#" + text
    return text


def fold(text: str) -> str:
    """Fold free text to a hashtag-safe name: lower case, only letters, digits and ``_``.

    Spaces, punctuation, emoji and control characters are dropped and accents kept
    ("Bakkerij Café Nöl" -> "bakkerijcafénöl"). Legal suffixes such as B.V. are removed.
    """
    text = _without_legal_form(unicodedata.normalize("NFC", str(text or "")).strip())
    kept: list[str] = []
    for ch in text:
        if _is_word_char(ch) or (kept and _is_joining_mark(ch)):
            kept.append(ch)
    return "".join(kept).casefold()


def _without_legal_form(text: str) -> str:
    """Take legal forms and family suffixes off the end of a company name, one after the other."""
    while (shorter := _LEGAL_SUFFIXES.sub("", text)) != text:
        text = shorter
    return text


def short_name(company: str) -> str | None:
    """The company name without a leading trade word, folded ("Bakkerij Van der Meer" -> "vandermeer").

    Returns None when the name does not start with one of :data:`TRADE_WORDS` or nothing is left.
    """
    words = _without_legal_form(unicodedata.normalize("NFC", str(company or "")).strip()).split()
    if len(words) < 2 or fold(words[0]) not in TRADE_WORDS:
        return None
    return fold(" ".join(words[1:])) or None


def warning(tag: str) -> str | None:
    """Catalogue key of the warning for a tag whose post count misleads (see :data:`MISLEADING_TAGS`)."""
    return MISLEADING_TAGS.get(str(tag).casefold())


def _name_or_error(text: str, what: str, room: int, lang: str | None) -> str:
    """Fold ``text`` and check that the name fits in ``room`` characters."""
    name = fold(text)
    if not name:
        raise TextError(f"suggest.{what}_unusable", lang=lang)
    if len(name) > room:
        raise TextError(f"suggest.{what}_too_long", lang=lang, max=room)
    return name


def suggest(
    *,
    company: str,
    profession: str | None = None,
    challenge: str | None = None,
    generic: tuple[str, ...] = GENERIC_TAGS,
    lang: str | None = None,
) -> pd.DataFrame:
    """Suggest a balanced set of candidate hashtags for a company.

    Parameters
    ----------
    company : str
        The company name as people know it, e.g. "Garage de Vries B.V.".
    profession : str, optional
        A profession the company offers internships in, e.g. "monteur" (gives
        ``#monteurlife`` in the style of #scrublife and #cheflife).
    challenge : str, optional
        A name for the company's own challenge; default the company name.
    generic : tuple of str
        Generic recruitment tags to add (Dutch and English).
    lang : {"nl", "en"}, optional
        Language of error messages.

    Returns
    -------
    pandas.DataFrame
        Columns ``hashtag`` and ``kind`` (one of :data:`KINDS`), ordered by kind. Every tag
        passes :func:`check`; no two tags are equal ignoring case.

    Raises
    ------
    ValueError
        When the company name (or profession, or challenge) leaves nothing usable for a
        hashtag, or is too long for one.
    """
    name = _name_or_error(company, "company", MAX_TAG_LENGTH - len("werkenbij"), lang)
    rows = [("#werkenbij" + name, "branded")]
    short = short_name(company)
    if short and short != name and len("werkenbij" + short) <= MAX_TAG_LENGTH:
        rows.append(("#werkenbij" + short, "branded"))
    rows.append(("#" + name, "branded"))
    if profession and str(profession).strip():
        job = _name_or_error(profession, "profession", MAX_TAG_LENGTH - len("life"), lang)
        rows.append(("#" + job + "life", "profession"))
        rows.append(("#" + job, "profession"))
    if challenge and str(challenge).strip():
        base = _name_or_error(challenge, "challenge", MAX_TAG_LENGTH, lang)
        challenge_tag = base if base.endswith("challenge") else base + "challenge"
        if len(challenge_tag) > MAX_TAG_LENGTH:
            raise TextError("suggest.challenge_too_long", lang=lang, max=MAX_TAG_LENGTH)
    else:
        challenge_tag = name[: MAX_TAG_LENGTH - len("challenge")] + "challenge"
    rows.append(("#" + challenge_tag, "challenge"))
    rows.extend((tag, "generic") for tag in generic)

    seen: set[str] = set()
    unique = []
    for tag, kind in rows:
        key = tag.casefold()
        if key in seen or not is_valid(tag):
            continue
        seen.add(key)
        unique.append((tag, kind))
    return pd.DataFrame(unique, columns=["hashtag", "kind"])


@dataclass(frozen=True)
class Thresholds:
    """Post-count limits between tiers; an assumption the participant can change.

    A tag with 0 posts is unused; below ``sweet_spot`` posts it is niche; from
    ``sweet_spot`` up to ``overused`` it is in the sweet spot; from ``overused`` on, a new
    video drowns among the others.
    """

    sweet_spot: int = 10_000
    overused: int = 1_000_000

    def __post_init__(self) -> None:
        if self.sweet_spot < 1 or self.overused <= self.sweet_spot:
            raise TextError("tiers.bad_thresholds")


def tier(posts: float | None, thresholds: Thresholds = Thresholds()) -> str:
    """Return the tier of a tag from its post count (``"unknown"`` when not looked up)."""
    if posts is None or pd.isna(posts):
        return "unknown"
    if posts < 0:
        raise TextError("posts.negative")
    if posts == 0:
        return "unused"
    if posts < thresholds.sweet_spot:
        return "niche"
    if posts < thresholds.overused:
        return "sweet_spot"
    return "overused"


_NUMBER = re.compile(r"^(\d+(?:[.,\s]\d+)*)\s*(k|m|mln|mld|b|bn|miljoen|miljard|duizend)?\.?$", re.IGNORECASE)
_MULTIPLIERS = {None: 1, "k": 1_000, "duizend": 1_000, "m": 1_000_000, "mln": 1_000_000, "miljoen": 1_000_000,
                "mld": 1_000_000_000, "miljard": 1_000_000_000, "b": 1_000_000_000, "bn": 1_000_000_000}


def parse_posts(text: str) -> int | None:
    """Read a post count as a participant types it; ``None`` for an empty field.

    Accepts what TikTok's Dutch and English apps show and people write: "12500", "12.500",
    "12 500", "12,5K", "850K", "1,2 mln.", "3,4 mld.", "1.2M", "2 miljoen" ("posts" may follow).
    Raises ``ValueError`` with a sentence for anything else.
    """
    raw = str(text or "").strip().replace("\u00a0", " ")
    raw = re.sub(r"\s*(posts?|berichten|video'?s)$", "", raw, flags=re.IGNORECASE)
    if not raw:
        return None
    match = _NUMBER.match(raw)
    if not match or len(raw) > 30:
        raise TextError("posts.not_a_number", value=raw[:30])
    digits, suffix = match.group(1), match.group(2)
    factor = _MULTIPLIERS[suffix.lower() if suffix else None]
    groups = re.split(r"[.,\s]", digits)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and factor == 1:
        value = float("".join(groups))  # thousands separators: "12.500"
    elif len(groups) == 2 and factor > 1:
        value = float(groups[0] + "." + groups[1])  # a decimal with a unit: "1,2 mln"
    elif len(groups) == 1:
        value = float(groups[0])
    else:
        raise TextError("posts.not_a_number", value=raw[:30])
    return int(round(value * factor))


def research_sheet(
    tags: pd.DataFrame, posts: dict[str, int | None], thresholds: Thresholds = Thresholds()
) -> pd.DataFrame:
    """Combine candidate tags with the post counts a participant looked up.

    Parameters
    ----------
    tags : pandas.DataFrame
        Columns ``hashtag`` and ``kind``, as :func:`suggest` returns.
    posts : dict
        Post count per tag (matched case-insensitively); a missing tag is not looked up.
    thresholds : Thresholds
        Limits between tiers.

    Returns
    -------
    pandas.DataFrame
        Columns ``hashtag``, ``kind``, ``posts`` (nullable integer) and ``tier``.
    """
    by_key = {str(k).casefold(): v for k, v in posts.items()}
    sheet = tags[["hashtag", "kind"]].copy()
    sheet["posts"] = pd.array([by_key.get(tag.casefold()) for tag in sheet["hashtag"]], dtype="Int64")
    sheet["tier"] = [tier(None if pd.isna(p) else int(p), thresholds) for p in sheet["posts"]]
    return sheet.reset_index(drop=True)


def recommend_mix(sheet: pd.DataFrame, size: int = MIX_MAX) -> list[str]:
    """Recommend 3-5 tags for one post from a research sheet.

    The rule, in order: one branded tag (a company owns its own tag, even unused);
    then sweet-spot tags, busiest first; then the profession or challenge tag; then niche
    tags; at most one overused tag, for discoverability. Tags not looked up are only used
    when nothing else fills the mix to three.

    Parameters
    ----------
    sheet : pandas.DataFrame
        As :func:`research_sheet` returns.
    size : int
        Largest number of tags, 3 to 5.

    Returns
    -------
    list of str
        The chosen tags, in the order above (fewer than three only when the sheet is short).
    """
    size = max(MIX_MIN, min(MIX_MAX, int(size)))
    tiers = dict(zip(sheet["hashtag"], sheet["tier"], strict=True))
    chosen: list[str] = []

    def take(rows: pd.DataFrame, limit: int) -> None:
        for tag in rows["hashtag"]:
            if len(chosen) >= size or limit <= 0:
                return
            crowded = tiers[tag] == "overused" and any(tiers[c] == "overused" for c in chosen)
            if tag not in chosen and not crowded:
                chosen.append(tag)
                limit -= 1

    known = sheet[sheet["tier"] != "unknown"]
    take(sheet[sheet["kind"] == "branded"], 1)
    take(known[known["tier"] == "sweet_spot"].sort_values("posts", ascending=False), size)
    own = known[known["kind"].isin(["profession", "challenge"]) & (known["tier"] != "overused")]
    take(own, 1)
    take(known[known["tier"] == "niche"].sort_values("posts", ascending=False), size)
    take(known[known["tier"] == "overused"].sort_values("posts"), 1)
    if len(chosen) < MIX_MIN:
        take(sheet[sheet["kind"].isin(["profession", "challenge", "generic"])], MIX_MIN - len(chosen))
    return chosen


def build_caption(text: str, tags: list[str]) -> str:
    """Return the caption text with the chosen tags appended (tags already in it are not repeated)."""
    body = str(text or "").rstrip()
    present = {tag.casefold() for tag in extract(body)}
    extra = [tag for tag in tags if tag.casefold() not in present]
    if not extra:
        return body
    return (body + "\n\n" if body else "") + " ".join(extra)


def caption_stats(caption: str) -> dict:
    """Length, hashtag count and whether a caption fits TikTok's posting limit."""
    caption = str(caption or "")
    length = len(caption)
    return {
        "length": length,
        "limit": CAPTION_LIMIT,
        "hashtags": len(extract(caption)),
        "fits": length <= CAPTION_LIMIT,
    }
