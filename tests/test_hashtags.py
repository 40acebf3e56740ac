"""Tests for toolkit.hashtags: finding, checking and suggesting tags, tiers, mix and captions."""

import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import hashtags
from toolkit.hashtags import (
    CAPTION_LIMIT,
    MAX_TAG_LENGTH,
    Thresholds,
    as_tag,
    build_caption,
    caption_stats,
    check,
    extract,
    fold,
    is_valid,
    parse_posts,
    problem_codes,
    recommend_mix,
    research_sheet,
    short_name,
    suggest,
    tier,
    warning,
)
from toolkit.i18n import TextError, t


# --- extract ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "caption, expected",
    [
        ("", []),
        ("geen tags hier", []),
        ("Eerste dag! #stage #LoveMyJob", ["#stage", "#LoveMyJob"]),
        ("#LoveMyJob en #lovemyjob en #LOVEMYJOB", ["#LoveMyJob"]),
        ("#stage-week", ["#stage"]),
        ("#stage.nl, #stage!", ["#stage"]),
        ("#café #Ärger #ñandú", ["#café", "#Ärger", "#ñandú"]),
        ("#مرحبا #שלום #東京", ["#مرحبا", "#שלום", "#東京"]),
        ("#werk🔥leven", ["#werk"]),
        ("#🔥 # ## #_ #2024", ["#2024"]),
        ("a#b", ["#b"]),
        ("##dubbel", ["#dubbel"]),
        ("#mbo_stage\n#hbo\t#wo", ["#mbo_stage", "#hbo", "#wo"]),
        ("#<script>alert(1)</script>", []),
    ],
)
def test_extract_examples(caption, expected):
    assert extract(caption) == expected


def test_extract_keeps_a_decomposed_accent_with_its_letter():
    decomposed = "#cafe\u0301 #e\u0301te\u0301"  # e + combining acute accent
    assert extract(decomposed) == ["#café", "#été"]


def test_extract_stops_at_emoji_variation_selector_and_joiner():
    assert extract("#a\ufe0f #b\u200dc #1\ufe0f\u20e3") == ["#a", "#b", "#1"]


def test_extract_first_spelling_wins_in_order_of_first_appearance():
    assert extract("#B #a #b #A #c") == ["#B", "#a", "#c"]


captions = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("#  _-.!?,\n")), st.characters(codec="utf-8", exclude_categories=("Cs",))
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(captions)
def test_every_extracted_tag_passes_check(caption):
    for tag in extract(caption):
        assert check(tag) == [], (tag, check(tag))


@settings(max_examples=300, deadline=None)
@given(captions)
def test_extracted_tags_are_unique_ignoring_case_and_come_from_the_caption(caption):
    tags = extract(caption)
    keys = [tag.casefold() for tag in tags]
    assert len(keys) == len(set(keys))
    normalised = unicodedata.normalize("NFC", caption)
    for tag in tags:
        assert tag in normalised


@settings(max_examples=200, deadline=None)
@given(captions)
def test_extracting_again_from_the_tags_gives_the_same_tags(caption):
    tags = extract(caption)
    assert extract(" ".join(tags)) == tags


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100).filter(lambda s: "#" not in s))
def test_text_without_hash_has_no_tags(text):
    assert extract(text) == []


# --- check ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "tag, code",
    [
        ("", "tag.empty"),
        ("   ", "tag.empty"),
        ("#", "tag.only_hash"),
        ("stage", "tag.no_hash"),
        ("#stage lopen", "tag.spaces"),
        (" #stage", "tag.spaces"),
        ("#stage-lopen", "tag.hyphen"),
        ("#stage!", "tag.punctuation"),
        ("#a#b", "tag.punctuation"),
        ("#<b>", "tag.punctuation"),
        ("#stage🔥", "tag.emoji"),
        ("#a\u200fb", "tag.control"),
        ("#a\x00b", "tag.control"),
        ("#" + "a" * 101, "tag.too_long"),
    ],
)
def test_check_names_the_problem(tag, code):
    assert code in hashtags.problem_codes(tag)
    assert check(tag), "a problem must give at least one sentence"


@pytest.mark.parametrize("tag", ["#stage", "#LoveMyJob", "#café", "#مرحبا", "#_x", "#2024", "#" + "a" * 100])
def test_check_accepts_good_tags(tag):
    assert check(tag) == []


def test_check_speaks_the_chosen_language():
    assert check("#stage lopen", lang="nl")[0].startswith("Een hashtag heeft geen spaties")
    assert check("#stage lopen", lang="en")[0].startswith("A hashtag has no spaces")


def test_check_reports_each_kind_of_problem_once():
    problems = check("#a-b-c d e!")
    assert len(problems) == len(set(problems)) == 3


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_check_never_raises_and_accepts_only_what_extract_would_find(text):
    problems = check(text)
    if not problems:
        assert extract(text) == [text]


# --- fold and suggest ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name, folded",
    [
        ("Garage de Vries B.V.", "garagedevries"),
        ("Bakkerij Nöl & Zn", "bakkerijnöl"),
        ("Bakkerij Van der Meer & Zn. B.V.", "bakkerijvandermeer"),
        ("Jansen en Zonen Holding", "jansen"),
        ("Techniek Groep N.V.", "techniek"),
        ("  ASML  ", "asml"),
        ("Jansen N.V.", "jansen"),
        ("De 3 Musketiers", "de3musketiers"),
        ("🔥🔥", ""),
        ("<script>", "script"),
    ],
)
def test_fold(name, folded):
    assert fold(name) == folded


def test_suggest_covers_every_kind_and_passes_check():
    tags = suggest(company="Garage de Vries B.V.", profession="Monteur")
    assert list(tags.columns) == ["hashtag", "kind"]
    assert set(tags["kind"]) == {"branded", "profession", "challenge", "generic"}
    assert {"#werkenbijgaragedevries", "#garagedevries", "#monteurlife", "#garagedevrieschallenge"} <= set(
        tags["hashtag"]
    )
    assert {"#stage", "#stagiair", "#internship", "#lovemyjob", "#mbo", "#hbo"} <= set(tags["hashtag"])
    assert all(check(tag) == [] for tag in tags["hashtag"])


def test_suggest_orders_by_kind():
    kinds = list(suggest(company="Jansen", profession="kok")["kind"])
    order = [hashtags.KINDS.index(kind) for kind in kinds]
    assert order == sorted(order)


def test_suggest_drops_duplicates_ignoring_case_first_kind_wins():
    tags = suggest(company="Stage", profession="MBO")
    keys = tags["hashtag"].str.casefold()
    assert keys.is_unique
    assert tags.set_index("hashtag").loc["#stage", "kind"] == "branded"


def test_suggest_uses_a_named_challenge():
    tags = suggest(company="Jansen", challenge="Zo doen wij dat")
    assert tags[tags["kind"] == "challenge"]["hashtag"].tolist() == ["#zodoenwijdatchallenge"]
    tags = suggest(company="Jansen", challenge="Dansjes Challenge")
    assert tags[tags["kind"] == "challenge"]["hashtag"].tolist() == ["#dansjeschallenge"]


@pytest.mark.parametrize("company", ["", "   ", "🔥🔥🔥", "!!!", "\u202e\u200f"])
def test_suggest_refuses_a_company_name_that_leaves_nothing(company):
    with pytest.raises(ValueError, match="bedrijfsnaam"):
        suggest(company=company)


def test_suggest_refuses_a_huge_company_name_with_a_sentence():
    with pytest.raises(TextError) as info:
        suggest(company="x" * 10_000, lang="en")
    assert "too long" in str(info.value)
    assert info.value.key == "suggest.company_too_long"


def test_suggest_refuses_a_useless_profession_but_allows_none():
    with pytest.raises(ValueError):
        suggest(company="Jansen", profession="🔧")
    assert "profession" not in set(suggest(company="Jansen", profession=None)["kind"])
    assert "profession" not in set(suggest(company="Jansen", profession="  ")["kind"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=150), st.text(max_size=60))
def test_suggest_returns_only_valid_unique_tags_or_a_clear_error(company, profession):
    try:
        tags = suggest(company=company, profession=profession)
    except TextError as error:
        assert error.key.startswith("suggest.")
        return
    assert tags["hashtag"].str.casefold().is_unique
    assert all(check(tag) == [] for tag in tags["hashtag"])


# --- tiers, post counts and the research sheet ---------------------------------------------------
@pytest.mark.parametrize(
    "posts, expected",
    [(None, "unknown"), (0, "unused"), (1, "niche"), (9_999, "niche"), (10_000, "sweet_spot"),
     (999_999, "sweet_spot"), (1_000_000, "overused"), (10**9, "overused")],
)
def test_tier_default_thresholds(posts, expected):
    assert tier(posts) == expected


def test_tier_thresholds_are_adjustable():
    limits = Thresholds(sweet_spot=100, overused=5_000)
    assert tier(99, limits) == "niche"
    assert tier(100, limits) == "sweet_spot"
    assert tier(5_000, limits) == "overused"


@pytest.mark.parametrize("sweet, over", [(0, 10), (10, 10), (100, 50)])
def test_thresholds_must_be_ordered(sweet, over):
    with pytest.raises(ValueError):
        Thresholds(sweet, over)


@pytest.mark.parametrize(
    "text, value",
    [("12500", 12_500), ("12.500", 12_500), ("12,500", 12_500), ("12 500", 12_500), ("1.234.567", 1_234_567),
     ("1,2 mln", 1_200_000), ("3.4M", 3_400_000), ("850K", 850_000), ("2 mld", 2_000_000_000),
     ("12.5K posts", 12_500), ("0", 0), ("", None), ("   ", None)],
)
def test_parse_posts(text, value):
    assert parse_posts(text) == value


@pytest.mark.parametrize("text", ["abc", "-5", "1.2", "12,50", "1e9", "<b>5</b>", "5" * 40, "1..2"])
def test_parse_posts_refuses_with_a_sentence(text):
    with pytest.raises(TextError) as info:
        parse_posts(text)
    assert info.value.key == "posts.not_a_number"


def _sheet(posts):
    return research_sheet(suggest(company="Garage de Vries", profession="monteur"), posts)


def test_research_sheet_matches_posts_ignoring_case():
    sheet = _sheet({"#STAGE": 120_000, "#monteurlife": 800})
    row = sheet.set_index("hashtag")
    assert row.loc["#stage", "posts"] == 120_000 and row.loc["#stage", "tier"] == "sweet_spot"
    assert row.loc["#monteurlife", "tier"] == "niche"
    assert pd.isna(row.loc["#hbo", "posts"]) and row.loc["#hbo", "tier"] == "unknown"
    assert str(sheet["posts"].dtype) == "Int64"


def test_recommend_mix_follows_the_stated_rule():
    sheet = _sheet({"#garagedevries": 0, "#stage": 120_000, "#stagiair": 30_000, "#monteurlife": 800,
                    "#lovemyjob": 5_000_000, "#mbo": 2_000_000})
    mix = recommend_mix(sheet)
    assert mix == ["#werkenbijgaragedevries", "#stage", "#stagiair", "#monteurlife", "#mbo"]
    assert sum(sheet.set_index("hashtag").loc[mix, "tier"] == "overused") <= 1


def test_recommend_mix_fills_to_three_without_lookups():
    mix = recommend_mix(_sheet({}))
    assert len(mix) == 3
    assert mix[0] == "#werkenbijgaragedevries"


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from(list(suggest(company="Garage de Vries", profession="monteur")["hashtag"])),
                       st.one_of(st.none(), st.integers(0, 10**9))), st.integers(3, 5))
def test_recommend_mix_size_and_at_most_one_overused(posts, size):
    sheet = _sheet(posts)
    mix = recommend_mix(sheet, size=size)
    assert 3 <= len(mix) <= size
    assert len(set(mix)) == len(mix)
    tiers = sheet.set_index("hashtag").loc[mix, "tier"]
    assert (tiers == "overused").sum() <= 1
    assert sheet.set_index("hashtag").loc[mix[0], "kind"] == "branded"


# --- captions ---------------------------------------------------------------------------------
def test_build_caption_appends_tags_not_already_there():
    caption = build_caption("Mijn eerste dag #stage", ["#Stage", "#monteurlife"])
    assert caption == "Mijn eerste dag #stage\n\n#monteurlife"
    assert build_caption("", ["#a", "#b"]) == "#a #b"
    assert build_caption("Tekst", []) == "Tekst"


def test_caption_stats_counts_length_and_tags_and_the_limit():
    stats = caption_stats("Hoi #a #b")
    assert stats == {"length": 9, "limit": CAPTION_LIMIT, "hashtags": 2, "fits": True}
    assert caption_stats("x" * 2200)["fits"] is True
    assert caption_stats("x" * 2201)["fits"] is False


# --- more on extract and check ----------------------------------------------------------------
def test_an_accent_that_has_no_precomposed_letter_stays_with_its_letter():
    assert extract("#q\u0301 #कि") == ["#q\u0301", "#कि"]  # q + acute (Mn); Devanagari ka + vowel sign i (Mc)
    assert is_valid("#q\u0301") and is_valid("#कि")


def test_an_accent_cannot_start_a_tag():
    assert extract("#\u0301abc") == []
    assert problem_codes("#\u0301abc") == ["tag.punctuation"]


@pytest.mark.parametrize(
    "tag, codes",
    [
        (None, ["tag.empty"]),
        ("-stage", ["tag.no_hash", "tag.hyphen"]),  # the first character is checked too when # is missing
        ("s" * 101, ["tag.no_hash", "tag.too_long"]),
        ("#" + "a" * 100, []),
        ("#a\u2197", ["tag.emoji"]),  # an arrow: a symbol (So) outside the emoji blocks
        ("#a\u2776", ["tag.emoji"]),  # Dingbats block (U+2600-27BF), though a number (No)
        ("#a\u27c0", ["tag.punctuation"]),  # just after the Dingbats block
        ("#a\U0001f100", ["tag.emoji"]),  # emoji blocks (U+1F000-1FAFF), though a number (No)
        ("#a\U0001faff", ["tag.emoji"]),  # last of the emoji blocks, not yet assigned
        ("#a\ufe0f", ["tag.emoji"]),  # a variation selector belongs to an emoji
        ("#a\u200db", ["tag.control"]),  # a zero-width joiner between letters is invisible, not an emoji
        ("#a👨\u200d🔧", ["tag.emoji"]),  # inside an emoji sequence it is part of the emoji
        ("#_", ["tag.no_letters"]),
        ("#__", ["tag.no_letters"]),
        ("#_a", []),
        ("#a\u200eb", ["tag.control"]),  # its neighbour, a direction mark, is invisible
    ],
)
def test_problem_codes_exactly(tag, codes):
    assert problem_codes(tag) == codes


@pytest.mark.parametrize(
    "tag, codes",
    [
        ("#a🔥\u200db", ["tag.emoji"]),  # an emoji just before the joiner
        ("#a\u200d🔥", ["tag.emoji"]),  # an emoji just after it
        ("#🔥\u200da", ["tag.emoji"]),  # the emoji is the name's first character
        ("#\u200d🔥ab", ["tag.emoji"]),  # the joiner is the name's first character
        ("#🔥a\u200db", ["tag.emoji", "tag.control"]),  # the emoji is two characters away: between letters
        ("#a\u200db🔥", ["tag.control", "tag.emoji"]),
    ],
)
def test_a_joiner_counts_as_emoji_only_right_beside_one(tag, codes):
    assert problem_codes(tag) == codes


def test_check_names_the_longest_tag_in_its_sentence():
    assert MAX_TAG_LENGTH == 100
    assert "100" in check("#" + "a" * 101, lang="en")[0]


# --- as_tag -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, tag",
    [("stage", "#stage"), ("  #Stage ", "#Stage"), ("", ""), (None, ""), ("   ", ""), ("cafe\u0301", "#café"),
     ("#", "#"), ("##x", "##x"), ("stage lopen", "#stage lopen")],
)
def test_as_tag_trims_and_adds_the_hash(typed, tag):
    assert as_tag(typed) == tag


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_as_tag_gives_nothing_or_a_tag_that_starts_with_a_hash(text):
    tag = as_tag(text)
    assert tag == "" or tag.startswith("#")
    assert tag == tag.strip() and as_tag(tag) == tag


# --- suggest, at the limits ------------------------------------------------------------------------
def test_suggest_by_hand():
    tags = suggest(company="Stage", profession="MBO")
    # #stage (generic) and #mbo (generic) repeat a branded and a profession tag: the first wins, the rest stay.
    assert list(zip(tags["hashtag"], tags["kind"], strict=True)) == [
        ("#werkenbijstage", "branded"), ("#stage", "branded"), ("#mbolife", "profession"), ("#mbo", "profession"),
        ("#stagechallenge", "challenge"), ("#stagiair", "generic"), ("#stagelopen", "generic"),
        ("#stageplek", "generic"), ("#hbo", "generic"), ("#internship", "generic"), ("#lovemyjob", "generic")]


def test_names_fit_exactly_into_the_longest_tag():
    tags = set(suggest(company="a" * 91, profession="b" * 96, challenge="c" * 91)["hashtag"])
    assert {"#werkenbij" + "a" * 91, "#" + "b" * 96 + "life", "#" + "c" * 91 + "challenge"} <= tags
    assert "#" + "d" * 91 + "challenge" in set(suggest(company="Jansen", challenge="d" * 91 + "challenge")["hashtag"])
    assert max(len(tag) for tag in tags) == 1 + MAX_TAG_LENGTH


@pytest.mark.parametrize(
    "kwargs, key, room",
    [
        ({"company": "a" * 92}, "suggest.company_too_long", 91),  # room for #werkenbij<name>
        ({"company": "Jansen", "profession": "b" * 97}, "suggest.profession_too_long", 96),  # #<job>life
        ({"company": "Jansen", "challenge": "c" * 92}, "suggest.challenge_too_long", 100),  # #<name>challenge
        ({"company": "Jansen", "challenge": "c" * 101}, "suggest.challenge_too_long", 100),
    ],
)
def test_suggest_refuses_names_one_character_too_long(kwargs, key, room):
    with pytest.raises(TextError) as info:
        suggest(**kwargs, lang="en")
    assert info.value.key == key and info.value.params == {"max": room}
    assert str(info.value) == info.value.text("en") != info.value.text("nl")  # in the language asked for


@pytest.mark.parametrize(
    "kwargs, key",
    [
        ({"company": "!!!"}, "suggest.company_unusable"),
        ({"company": "Jansen", "profession": "🔧"}, "suggest.profession_unusable"),
        ({"company": "Jansen", "challenge": "!!!"}, "suggest.challenge_unusable"),
    ],
)
def test_suggest_says_which_name_is_unusable_in_the_language_asked_for(kwargs, key):
    with pytest.raises(TextError) as info:
        suggest(**kwargs, lang="en")
    assert info.value.key == key
    assert str(info.value) == info.value.text("en") != info.value.text("nl")


def test_suggest_uses_the_company_challenge_when_the_challenge_is_blank():
    tags = suggest(company="Jansen", challenge="   ")
    assert tags[tags["kind"] == "challenge"]["hashtag"].tolist() == ["#jansenchallenge"]


# --- tiers and post counts at the limits -------------------------------------------------------------
def test_the_sweet_spot_can_start_at_one_post():
    limits = Thresholds(sweet_spot=1, overused=2)
    assert [tier(posts, limits) for posts in (0, 1, 2)] == ["unused", "sweet_spot", "overused"]


@pytest.mark.parametrize("posts", [None, float("nan"), pd.NA])
def test_tier_of_a_count_not_looked_up_is_unknown(posts):
    assert tier(posts) == "unknown"


def test_tier_refuses_a_negative_count():
    with pytest.raises(TextError) as info:
        tier(-1)
    assert info.value.key == "posts.negative"


@pytest.mark.parametrize(
    "text, value",
    [("12\u00a0500", 12_500), ("850K Posts", 850_000), ("3 Berichten", 3), ("12 video's", 12),
     ("0" * 29 + "1", 1)],  # 30 characters: the longest accepted
)
def test_parse_posts_more(text, value):
    assert parse_posts(text) == value


@pytest.mark.parametrize("text, quoted", [("0" * 30 + "1", "0" * 30), ("5" * 40, "5" * 30), ("1.2", "1.2"),
                                          ("12,50", "12,50")])
def test_parse_posts_quotes_at_most_30_characters(text, quoted):
    with pytest.raises(TextError) as info:
        parse_posts(text)
    assert info.value.params == {"value": quoted}


# --- the research sheet and the mix, by hand ------------------------------------------------------------
def _looked_up(*rows):
    """A research sheet from (tag, kind, posts) rows; posts None: not looked up."""
    tags = pd.DataFrame([(tag, kind) for tag, kind, _ in rows], columns=["hashtag", "kind"])
    return research_sheet(tags, {tag: posts for tag, _, posts in rows if posts is not None})


def test_research_sheet_without_lookups_and_with_own_thresholds():
    tags = suggest(company="Jansen")
    sheet = research_sheet(tags[tags["kind"] == "generic"], {})
    assert list(sheet.columns) == ["hashtag", "kind", "posts", "tier"]
    assert list(sheet.index) == list(range(len(sheet)))  # numbered from 0 again
    assert str(sheet["posts"].dtype) == "Int64" and set(sheet["tier"]) == {"unknown"}
    own = research_sheet(tags, {"#stage": 150, "#mbo": 5_000}, Thresholds(sweet_spot=100, overused=1_000))
    assert own.set_index("hashtag").loc[["#stage", "#mbo"], "tier"].tolist() == ["sweet_spot", "overused"]


def test_recommend_mix_never_adds_a_second_overused_tag_not_even_to_fill():
    sheet = _looked_up(("#b", "branded", 5_000_000), ("#o", "generic", 2_000_000), ("#s", "generic", 50_000))
    assert recommend_mix(sheet) == ["#b", "#s"]


def test_recommend_mix_takes_niche_tags_busiest_first_and_no_unknown_own_tag():
    sheet = _looked_up(("#b", "branded", 0), ("#p", "profession", None), ("#n1", "generic", 500),
                       ("#n2", "generic", 400), ("#n3", "generic", 300), ("#n4", "generic", 200))
    assert recommend_mix(sheet) == ["#b", "#n1", "#n2", "#n3", "#n4"]


@pytest.mark.parametrize("kind", ["profession", "challenge"])
def test_recommend_mix_takes_one_own_tag_before_the_niche_tags(kind):
    sheet = _looked_up(("#b", "branded", 0), ("#s", "generic", 50_000), ("#own", kind, 100), ("#n", "generic", 5_000))
    assert recommend_mix(sheet) == ["#b", "#s", "#own", "#n"]
    two = _looked_up(("#b", "branded", 0), ("#p", "profession", 100), ("#c", "challenge", 50), ("#n", "generic", 5_000))
    assert recommend_mix(two) == ["#b", "#p", "#n", "#c"]  # the second own tag waits with the niche tags


def test_recommend_mix_an_overused_own_tag_comes_last():
    sheet = _looked_up(("#b", "branded", 0), ("#p", "profession", 3_000_000), ("#n", "generic", 5_000))
    assert recommend_mix(sheet) == ["#b", "#n", "#p"]


@pytest.mark.parametrize("kind", ["profession", "challenge", "generic"])
def test_recommend_mix_fills_to_three_with_tags_not_looked_up(kind):
    sheet = _looked_up(("#b", "branded", None), ("#x", kind, None), ("#g", "generic", None), ("#h", "generic", None))
    assert recommend_mix(sheet) == ["#b", "#x", "#g"]


def test_recommend_mix_size_is_kept_between_three_and_five():
    sheet = _looked_up(("#b", "branded", 0), *((f"#n{i}", "generic", 100 + i) for i in range(8)))
    assert len(recommend_mix(sheet, size=9)) == 5
    assert len(recommend_mix(sheet, size=0)) == 3
    assert len(recommend_mix(sheet, size=4)) == 4


# --- captions at the edges ---------------------------------------------------------------------------
def test_build_caption_trims_only_the_end_of_the_text():
    assert build_caption("  Hoi  \n", ["#a"]) == "  Hoi\n\n#a"
    assert build_caption(None, ["#a"]) == "#a"


def test_caption_stats_of_nothing():
    assert caption_stats(None) == caption_stats("") == {"length": 0, "limit": CAPTION_LIMIT, "hashtags": 0,
                                                        "fits": True}


def test_branded_tags_drop_legal_forms_and_offer_a_short_variant():
    tags = list(suggest(company="Bakkerij Van der Meer & Zn. B.V.")["hashtag"])
    assert tags[:3] == ["#werkenbijbakkerijvandermeer", "#werkenbijvandermeer", "#bakkerijvandermeer"]
    assert all(is_valid(tag) for tag in tags)
    assert short_name("Albert Heijn") is None, "no trade word in front: no short variant"
    assert short_name("Garage") is None
    assert short_name("Kapsalon Knip & Co B.V.") == "knip"


@pytest.mark.parametrize(
    ("text", "posts"),
    [("1,2 mln.", 1_200_000), ("1,2 mln", 1_200_000), ("3,4 mld.", 3_400_000_000), ("12,5K", 12_500),
     ("12,5 k", 12_500), ("1.2M", 1_200_000), ("850K posts", 850_000), ("2 miljoen", 2_000_000),
     ("12.500", 12_500), ("1.2B", 1_200_000_000)],
)
def test_parse_posts_reads_what_the_dutch_and_english_apps_show(text, posts):
    assert parse_posts(text) == posts


def test_misleading_generic_tags_carry_a_warning_in_both_languages():
    assert warning("#stage") == "tag.warn_stage" and warning("#HBO") == "tag.warn_hbo"
    assert warning("#stagiair") is None
    assert "podia" in t("tag.warn_stage") and "stages" in t("tag.warn_stage", lang="en")
