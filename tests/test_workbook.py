"""Tests for toolkit.workbook: the JSON form without loss, strict reading, and team codes."""

import copy
import dataclasses
import json
import re
import types
import typing
from typing import Literal, Union

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import workbook
from toolkit.i18n import TextError
from toolkit.workbook import (
    CODE_ALPHABET,
    FORMAT,
    MAX_BYTES,
    MAX_ITEMS,
    MAX_TEXT,
    VERSION,
    Early,
    Employer,
    Idea,
    Pipeline,
    Team,
    Workbook,
    WorkbookError,
    from_dict,
    from_json,
    new_code,
    normalise_code,
    to_dict,
    to_json,
)

# --- strategies, built from the dataclasses' type hints ---------------------------------------
#: Texts a participant (or a hostile page) can type: markup, emoji, right-to-left, control characters.
HOSTILE = (
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)"> & &amp; "quotes" \'single\'',
    "🎉👩🏽‍🔧🇳🇱 stage!",
    "مرحبا بالطلاب",
    "שלום \u202eevil\u202c text",
    "\x00\x01\x07\x1b[31mred\r\n\t\x7f\x85",
    "\u200b\u200d\ufeff\u2028\u2029",
    "ß ﬁ İ ǅ Ⅻ ①",
    "Robert'); DROP TABLE workbooks; --",
    "x" * 10_000,
)
TEXTS = st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(exclude_categories=("Cs",)), max_size=30))


def strategy_for(kind: object) -> st.SearchStrategy:
    """A strategy for any value the workbook's type hints allow, within the reader's limits."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return st.builds(kind, **{name: strategy_for(hint) for name, hint in hints.items()})
    if origin is tuple:
        return st.lists(strategy_for(args[0]), max_size=3).map(tuple)
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (Union, types.UnionType):
        return st.one_of(*(st.none() if arg is type(None) else strategy_for(arg) for arg in args))
    if kind is str:
        return TEXTS
    if kind is bool:
        return st.booleans()
    if kind is int:
        return st.integers(-(10**15), 10**15)
    if kind is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    raise TypeError(f"no strategy for {kind!r}")


def dataclasses_in(kind: object, found: set | None = None) -> set:
    """Every dataclass reachable from ``kind`` through its type hints."""
    found = set() if found is None else found
    if dataclasses.is_dataclass(kind) and kind not in found:
        found.add(kind)
        for hint in typing.get_type_hints(kind).values():
            dataclasses_in(hint, found)
    for arg in typing.get_args(kind):
        dataclasses_in(arg, found)
    return found


WORKBOOKS = strategy_for(Workbook)


def test_the_strategies_reach_every_dataclass_of_the_workbook_module():
    defined = {value for value in vars(workbook).values()
               if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == workbook.__name__}
    assert len(defined) >= 15
    assert dataclasses_in(Workbook) == defined


# --- the JSON form keeps everything --------------------------------------------------------------
@settings(max_examples=120, deadline=None)
@given(WORKBOOKS)
def test_a_workbook_reads_back_from_its_json_without_loss(book):
    text = to_json(book)
    assert from_json(text) == book
    assert from_json(text.encode("utf-8")) == book
    assert from_json(b"\xef\xbb\xbf" + text.encode("utf-8")) == book  # as saved by a Windows editor
    plain = json.loads(json.dumps(to_dict(book), allow_nan=False))  # plain JSON data, nothing else
    assert from_dict(plain) == book


@settings(max_examples=40, deadline=None)
@given(strategy_for(Idea), strategy_for(Employer))
def test_every_section_reads_back_inside_a_workbook(idea, employer):
    book = Workbook(ideas=(idea, idea), early=Early(employers=(employer,)))
    assert from_json(to_json(book)) == book


def test_the_file_names_its_format_and_version_and_keeps_characters_readable():
    book = Workbook(team=Team(name="Café 🎉 <b>"))
    text = to_json(book)
    document = json.loads(text)
    assert document["format"] == FORMAT and document["version"] == VERSION
    assert list(document) == ["format", "version", "workbook"]
    assert list(document["workbook"]) == [f.name for f in dataclasses.fields(Workbook)]
    assert "Café 🎉 <b>" in text
    assert from_json(text) == book


def test_a_workbook_at_the_limits_reads_back():
    book = Workbook(ideas=tuple(Idea("i") for _ in range(MAX_ITEMS)), team=Team(name="n" * MAX_TEXT),
                    pipeline=Pipeline(follows=1e300, applies=-0.0), step="\U0001f600" * 100)
    assert from_json(to_json(book)) == book


# --- refused files -----------------------------------------------------------------------------
def refused(data, key: str, **params) -> WorkbookError:
    """Read ``data``; it must be refused with ``key`` and a message in Dutch and in English."""
    with pytest.raises(WorkbookError) as info:
        from_json(data) if isinstance(data, (str, bytes, bytearray, memoryview)) else from_dict(data)
    error = info.value
    assert (error.key, error.params) == (key, params)
    dutch, english = error.text("nl"), error.text("en")
    assert dutch and english and dutch != english
    assert str(error) == dutch  # the language current when it was raised
    for value in params.values():
        assert str(value) in dutch and str(value) in english
    return error


@pytest.fixture
def document() -> dict:
    """A valid workbook file's data, with one item in each list the tests change."""
    book = Workbook(team=Team(code="K7QM-3XTA"), early=Early(employers=(Employer("Bakkerij"),)),
                    ideas=(Idea("Een dag meelopen"),))
    return copy.deepcopy(to_dict(book))


def test_a_newer_version_is_refused_with_both_version_numbers(document):
    document["version"] = VERSION + 1
    error = refused(json.dumps(document), "workbook.newer", version=VERSION + 1, supported=VERSION)
    assert "nieuwere" in error.text("nl") and "newer" in error.text("en")


NOTEBOOK = {"cells": [], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
PACKAGE_JSON = {"name": "stagetok", "version": "1.0.0", "dependencies": {"left-pad": "^1.3.0"}}


@pytest.mark.parametrize(
    "data",
    [
        NOTEBOOK,
        PACKAGE_JSON,
        [1, 2, 3],
        "a workbook",
        42,
        None,
        {"format": "stagetok-notebook", "version": 1, "workbook": {}},
        {"workbook": {}},
        {"format": FORMAT},
        {"format": FORMAT, "version": "1", "workbook": {}},
        {"format": FORMAT, "version": 0, "workbook": {}},
        {"format": FORMAT, "version": True, "workbook": {}},
        {"format": FORMAT, "version": 1.0, "workbook": {}},
    ],
    ids=["notebook", "package.json", "list", "string", "number", "null", "other format", "no format",
         "no version", "version as text", "version 0", "version true", "version as float"],
)
def test_a_foreign_json_file_is_refused(data):
    refused(json.dumps(data), "workbook.foreign")
    refused(json.dumps(data).encode("utf-8"), "workbook.foreign")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        "",
        b"\xef\xbb\xbf",
        "   \n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"\xff\xfe{\x00}\x00",
        b"{\"format\": \"stagetok-workbook\", \"name\": \"caf\xe9\"}",
        "format: stagetok-workbook\nversion: 1\n",
        "{'format': 'stagetok-workbook'}",
        "[" * 100_000,
    ],
    ids=["empty bytes", "empty text", "only a byte-order mark", "only spaces", "png", "zip", "utf-16",
         "latin-1", "yaml", "python repr", "deep nesting"],
)
def test_what_is_not_json_is_refused(data):
    refused(data, "workbook.not_json")


def test_a_cut_off_workbook_file_is_refused_as_not_json():
    text = to_json(Workbook())
    refused(text[: len(text) // 2], "workbook.not_json")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    refused(b" " * 10_000_000, "workbook.too_big")
    refused(" " * 10_000_000, "workbook.too_big")
    refused(bytearray(MAX_BYTES + 1), "workbook.too_big")
    # the limit itself still reads
    text = to_json(Workbook())
    padded = text + " " * (MAX_BYTES - len(text.encode("utf-8")))
    assert from_json(padded.encode("utf-8")) == Workbook()
    refused((padded + " ").encode("utf-8"), "workbook.too_big")


def _set(document: dict, path: str, value: object) -> None:
    """Set ``workbook.early.employers.0.posting``-style paths in a file's data."""
    *parents, last = path.split(".")
    node = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[int(last) if isinstance(node, list) else last] = value


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("workbook.early.employers.0.posting", 3, "workbook.early.employers[0].posting"),
        ("workbook.early.employers.0.posting", "sometimes", "workbook.early.employers[0].posting"),
        ("workbook.early.employers.0", "Bakkerij", "workbook.early.employers[0]"),
        ("workbook.early.employers", {"0": {"name": "x"}}, "workbook.early.employers"),
        ("workbook.early", [], "workbook.early"),
        ("workbook.team.name", 12, "workbook.team.name"),
        ("workbook.team.name", None, "workbook.team.name"),
        ("workbook.team.name", ["a"], "workbook.team.name"),
        ("workbook.ideas.0.tone", True, "workbook.ideas[0].tone"),
        ("workbook.ideas.0.tone", 50.0, "workbook.ideas[0].tone"),
        ("workbook.ideas.0.tone", "50", "workbook.ideas[0].tone"),
        ("workbook.ideas.0.tone", 10**16, "workbook.ideas[0].tone"),
        ("workbook.ideas.0.kind", "shout", "workbook.ideas[0].kind"),
        ("workbook.early.handle_claimed", 1, "workbook.early.handle_claimed"),
        ("workbook.early.handle_claimed", "true", "workbook.early.handle_claimed"),
        ("workbook.pipeline.follows", True, "workbook.pipeline.follows"),
        ("workbook.pipeline.follows", "0.1", "workbook.pipeline.follows"),
        ("workbook.reach.posts_per_week", 2.5, "workbook.reach.posts_per_week"),
        ("workbook.language", "de", "workbook.language"),
        ("workbook.team.company", "x" * (MAX_TEXT + 1), "workbook.team.company"),
        ("workbook.plan.actions", ["a"] * (MAX_ITEMS + 1), "workbook.plan.actions"),
        ("workbook", None, "workbook"),
        ("workbook", [], "workbook"),
    ],
)
def test_a_field_of_the_wrong_type_is_refused_and_named(document, path, value, field):
    _set(document, path, value)
    refused(json.dumps(document), "workbook.bad_field", field=field)


def test_an_unknown_field_is_refused_and_named(document):
    document["workbook"]["team"]["password"] = "hunter2"
    refused(json.dumps(document), "workbook.bad_field", field="workbook.team.password")
    del document["workbook"]["team"]["password"]
    document["workbook"]["ideas"][0]["likes"] = 3
    refused(json.dumps(document), "workbook.bad_field", field="workbook.ideas[0].likes")
    del document["workbook"]["ideas"][0]["likes"]
    document["workbook"]["scores"] = {}
    refused(json.dumps(document), "workbook.bad_field", field="workbook.scores")


def test_a_missing_field_is_refused_and_named(document):
    del document["workbook"]["reach"]["weeks"]
    refused(json.dumps(document), "workbook.bad_field", field="workbook.reach.weeks")


def test_a_missing_section_is_refused_and_named(document):
    del document["workbook"]["hashtags"]
    refused(json.dumps(document), "workbook.bad_field", field="workbook.hashtags")
    del document["workbook"]
    refused(json.dumps(document), "workbook.bad_field", field="workbook")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999", "1" + "0" * 400])
def test_a_number_that_is_not_finite_is_refused(document, number):
    text = json.dumps(document).replace('"follows": null', f'"follows": {number}')
    assert number in text
    refused(text, "workbook.bad_field", field="workbook.pipeline.follows")


def test_a_lone_surrogate_in_a_text_is_refused(document):
    text = json.dumps(document).replace('"name": "Bakkerij"', '"name": "Bakkerij \\ud800"')
    assert "\\ud800" in text
    refused(text, "workbook.bad_field", field="workbook.early.employers[0].name")


def test_a_refused_file_changes_nothing(document):
    book = Workbook(team=Team(name="Team Zuid"))
    before = copy.deepcopy(book)
    document["workbook"]["ideas"][0]["tone"] = "loud"
    with pytest.raises(WorkbookError):
        from_json(json.dumps(document))
    assert book == before


def test_integers_read_into_a_float_field_as_floats(document):
    document["workbook"]["pipeline"]["follows"] = 1
    read = from_dict(document)
    assert read.pipeline.follows == 1.0 and isinstance(read.pipeline.follows, float)


def test_the_reader_refuses_in_english_when_english_is_the_language():
    from toolkit import i18n

    i18n.set_language("en")
    with pytest.raises(WorkbookError) as info:
        from_json(b"")
    assert str(info.value) == info.value.text("en") != info.value.text("nl")


# --- team codes ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed",
    ["K7QM-3XTA", "k7qm-3xta", "K7QM3XTA", " k7qm 3xta ", "k7-qm-3x-ta", "\tK7QM\n3XTA", "K7Q M3XT A", "--k7qm3xta--"],
)
def test_a_code_is_read_in_any_case_with_spaces_or_dashes(typed):
    assert normalise_code(typed) == "K7QM-3XTA"


@pytest.mark.parametrize(
    "typed",
    ["", "K7QM", "K7QM-3XT", "K7QM-3XTAA", "K7QM-3XT0", "K7QM-3XTO", "K7QM-3XT1", "K7QM-3XTI", "K7QM-3XTL",
     "k7qm-3xto", "K7QM_3XTA", "K7QM.3XTA", "K7QM-3XT🎉", "K7QM-3XTÄ", "<b>K7QM</b>", "K7QM-3XTA\x00", None, 12345678],
)
def test_what_is_not_a_code_is_refused_with_a_message(typed):
    with pytest.raises(TextError) as info:
        normalise_code(typed)
    error = info.value
    assert error.key == "team.bad_code" and isinstance(error, ValueError)
    assert "K7QM-3XTA" in error.text("nl") and "K7QM-3XTA" in error.text("en")
    assert error.text("nl") != error.text("en")


def test_the_code_alphabet_leaves_out_letters_that_are_misread():
    assert not set("0O1IL") & set(CODE_ALPHABET)
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 31


def test_new_codes_have_the_code_form_and_are_distinct():
    pattern = re.compile(f"[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}")
    codes = [new_code() for _ in range(1_000)]
    assert all(pattern.fullmatch(code) for code in codes)
    assert all(normalise_code(code) == code for code in codes)
    assert all(normalise_code(code.lower().replace("-", " ")) == code for code in codes)
    assert len(set(codes)) == 1_000
    # every letter of the alphabet turns up: the codes are drawn from all of it
    assert set("".join(codes).replace("-", "")) == set(CODE_ALPHABET)


def test_a_workbook_too_big_to_read_back_is_not_written():
    # 300 ideas of the longest text each: every field within its limits, the file over MAX_BYTES
    book = Workbook(ideas=tuple(Idea("é" * MAX_TEXT) for _ in range(300)))
    with pytest.raises(WorkbookError) as refused:
        to_json(book)
    assert refused.value.key == "workbook.too_big"
