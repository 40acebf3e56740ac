"""Tests for toolkit.i18n: a complete catalogue in both languages and the language switch."""

import ast
import re
from dataclasses import dataclass, field

import pytest

from tests.conftest import ROOT
from toolkit import hashtags, i18n, journey, pipeline
from toolkit.i18n import (
    CATALOGUE,
    LANGUAGES,
    TextError,
    format_decimal,
    format_int,
    format_percent,
    format_school_year,
    placeholders,
    t,
)
from toolkit.widgets import plan, reach_explorer, welcome

TOOLKIT = ROOT / "toolkit"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_text_exists_in_every_language_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert placeholders(entry["nl"]) == placeholders(entry["en"])


def test_dutch_is_the_default_and_english_is_available():
    assert i18n.get_language() == "nl"
    assert t("lab.company") == "Bedrijf"
    assert t("lab.company", lang="en") == "Company"


def test_set_language_switches_and_refuses_unknown_languages():
    try:
        i18n.set_language("EN")
        assert t("lab.company") == "Company"
        with pytest.raises(ValueError, match="nl, en"):
            i18n.set_language("de")
        assert i18n.get_language() == "en"
    finally:
        i18n.set_language("nl")


def test_text_error_keeps_its_key_and_translates():
    error = TextError("posts.not_a_number", lang="nl", value="abc")
    assert isinstance(error, ValueError)
    assert "geen aantal posts" in str(error)
    assert "not a number" in error.text("en")


def test_format_int_follows_the_language():
    assert format_int(1234567, "nl") == "1.234.567"
    assert format_int(1234567, "en") == "1,234,567"


# --- which keys the code uses -------------------------------------------------------------------
#
# Every string constant in toolkit/**/*.py that looks like a key (a dotted lower-case name whose
# first part is a first part of some catalogue key) is a use of that key, wherever it stands:
# t(...), TextError/ExportError(...), problem tuples, label dicts, class attributes. Keys built at
# run time (f"tier.{tier}", "explorer.chart." + name) are templates: when the value comes from a
# loop over a literal tuple, or from a parameter every caller passes as a literal, the template is
# expanded into exact keys; otherwise it uses every catalogue key it matches, and FAMILIES below
# names the values the code puts into it, so the catalogue can be checked to cover them.

#: First parts of the catalogue's keys: a constant whose first part is not one of them (a file
#: name such as "overview.csv", a module such as "toolkit.widgets") is not a key.
PREFIXES = frozenset(key.split(".")[0] for key in CATALOGUE)
_KEY = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)+")
_SLOT = "{}"

#: Templates whose values are only known at run time, with the values the code puts there.
FAMILIES = {
    "tier.{}": hashtags.TIERS,
    # suggested tags have one of KINDS; HashtagLabModel.add_tag gives the team's own tags "own"
    "kind.{}": (*hashtags.KINDS, "own"),
    "funnel.{}": pipeline.FUNNEL_STAGES,
    "internship.{}": pipeline.INTERNSHIPS,
    "offer.one.{}": pipeline.INTERNSHIPS,
    "offer.many.{}": pipeline.INTERNSHIPS,
    "explorer.chart.{}": reach_explorer.CHARTS,
    "step.{}.title": journey.STEP_IDS,
    "step.{}.short": journey.STEP_IDS,
    "step.{}.goal": journey.STEP_IDS,
    "welcome.part.{}": welcome.PARTS,
    "welcome.part.{}.text": welcome.PARTS,
    "planstep.action{}": tuple(str(number) for number in range(1, plan.ACTIONS + 1)),
}


def _is_key(text: str) -> bool:
    return _KEY.fullmatch(text) is not None and text.split(".")[0] in PREFIXES


def _template_pattern(template: str) -> re.Pattern:
    """Match the keys a template uses: its literal parts, anything in each slot."""
    return re.compile(".+".join(re.escape(part) for part in template.split(_SLOT)))


@dataclass(repr=False)
class Scan:
    keys: dict[str, list[str]] = field(default_factory=dict)  # key -> where: literal constants
    expanded: dict[str, list[str]] = field(default_factory=dict)  # key -> where: templates with known values
    templates: dict[str, list[str]] = field(default_factory=dict)  # template -> where: values known at run time
    export_errors: set[str] = field(default_factory=set)  # keys given to ExportError(...) as a literal

    def __repr__(self) -> str:
        return f"Scan({len(self.keys)} keys, {len(self.expanded)} expanded, templates {sorted(self.templates)})"

    def used(self) -> set[str]:
        return set(self.keys) | set(self.expanded)

    def covers(self, key: str) -> bool:
        return key in self.used() or any(_template_pattern(tp).fullmatch(key) for tp in self.templates)


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _catalogue_nodes(tree: ast.AST) -> set[ast.AST]:
    """Return the nodes of ``CATALOGUE = {...}``: its keys define texts, they do not use them."""
    inside = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        if any(isinstance(target, ast.Name) and target.id == "CATALOGUE" for target in targets):
            inside |= set(ast.walk(node))
    return inside


def _template(node: ast.AST) -> tuple[str, list[ast.expr]] | None:
    """``f"tier.{x}"`` or ``"tier." + x`` as ("tier.{}", [x]); None for anything else."""
    if isinstance(node, ast.JoinedStr):
        parts = node.values
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts, stack = [], [node]
        while stack:
            item = stack.pop()
            if isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
                stack += [item.right, item.left]
            else:
                parts.append(item)
        if not any(isinstance(p, ast.Constant) and isinstance(p.value, str) for p in parts):
            return None
    else:
        return None
    text, slots = "", []
    for part in parts:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            text += part.value.replace("{", "{{").replace("}", "}}")
        else:
            text += _SLOT
            slots.append(part.value if isinstance(part, ast.FormattedValue) else part)
    if not slots:  # "lab." + "title"
        return (text, slots) if _is_key(text) else None
    head = text.split(_SLOT, 1)[0]
    # a key's first part must be written out ("tier.", "explorer.chart."): f"{x}.title" is not seen
    if "." not in head or not _is_key(text.replace(_SLOT, "x")):
        return None
    return text, slots


def _format_template(text: str) -> str | None:
    """``"tier.{}"`` (for ``.format``) or ``"tier.%s"`` (for ``%``) as "tier.{}"; None for anything else."""
    template, fields = re.subn(r"\{[^{}]*\}|%[sdr]", _SLOT, text)
    head = template.split(_SLOT, 1)[0]
    if not fields or "." not in head or not _is_key(template.replace(_SLOT, "x")):
        return None
    return template


def _literal_strings(node: ast.AST) -> list[str] | None:
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]
    return None


def _values_of(name: ast.expr, start: ast.AST, parents: dict, tree: ast.AST) -> list[str] | None:
    """Return the values ``name`` can have at ``start`` when the code spells them out, else None.

    Found for a loop (``for``, comprehension) over a literal tuple, and for a function parameter
    that every call in the same module passes as a string literal.
    """
    if not isinstance(name, ast.Name):
        return None
    node = start
    while node in parents:
        node = parents[node]
        loops = node.generators if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)) \
            else [node] if isinstance(node, (ast.For, ast.AsyncFor)) else []
        for loop in loops:
            if isinstance(loop.target, ast.Name) and loop.target.id == name.id:
                return _literal_strings(loop.iter)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            params = [a.arg for a in node.args.posonlyargs + node.args.args]
            keyword_only = [a.arg for a in node.args.kwonlyargs]
            if name.id not in params + keyword_only:
                return None
            values = []
            for call in ast.walk(tree):
                if not isinstance(call, ast.Call):
                    continue
                func = call.func
                if not ((isinstance(func, ast.Name) and func.id == node.name)
                        or (isinstance(func, ast.Attribute) and func.attr == node.name)):
                    continue
                offset = 1 if params and params[0] in ("self", "cls") and isinstance(func, ast.Attribute) else 0
                given = {kw.arg: kw.value for kw in call.keywords}
                index = params.index(name.id) - offset if name.id in params else None
                arg = given.get(name.id)
                if arg is None and index is not None and 0 <= index < len(call.args):
                    arg = call.args[index]
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    return None
                values.append(arg.value)
            return values or None
    return None


def scan_source(source: str, where: str, scan: Scan) -> Scan:
    """Add the keys one module's source uses to ``scan``."""
    tree = ast.parse(source)
    parents, skip = _parents(tree), _catalogue_nodes(tree)
    in_template = set()
    for node in ast.walk(tree):
        if node in skip or node in in_template:
            continue
        place = f"{where}:{getattr(node, 'lineno', '?')}"
        found = _template(node)
        if found is not None:
            text, slots = found
            in_template |= set(ast.walk(node)) - {node}
            values = [] if not slots else _values_of(slots[0], node, parents, tree) if len(slots) == 1 else None
            if not slots:
                scan.keys.setdefault(text, []).append(place)
            elif values is None:
                scan.templates.setdefault(text, []).append(place)
            else:
                for value in values:
                    scan.expanded.setdefault(text.format(value), []).append(place)
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _is_key(node.value):
                scan.keys.setdefault(node.value, []).append(place)
            elif (template := _format_template(node.value)) is not None:
                scan.templates.setdefault(template, []).append(place)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ExportError"
                and node.args and isinstance(node.args[0], ast.Constant)):
            scan.export_errors.add(node.args[0].value)
    return scan


@pytest.fixture(scope="module")
def scan() -> Scan:
    result = Scan()
    for path in sorted(TOOLKIT.rglob("*.py")):
        scan_source(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), result)
    return result


def test_the_scanner_sees_every_way_of_using_a_key():
    source = '''
CATALOGUE = {"lab.title": {"nl": "x", "en": "x"}}
def f(what):
    t("lab.company")
    raise ExportError("export.missing", file="x")
problems = [("lab.need_company", {})]
labels = {"a": "planner.col_offer"}
key = "explorer.loaded_sample" if sample else "explorer.loaded"
t(f"tier.{tier}")
t("explorer.chart." + name)
t("funnel.{}".format(stage)), t("kind.%s" % kind), t("lab." + "step1")
for name in ("company", "profession"):
    t(f"lab.{name}_placeholder")
def g(what):
    return f"suggest.{what}_unusable"
g("company"); g(what="challenge")
files = ["overview.csv", "toolkit.widgets", "lab", "lab.", "Lab.Title", "no key.here"]
spec = f"{value:,.0f}"
'''
    result = scan_source(source, "example.py", Scan())
    assert set(result.keys) == {"lab.company", "export.missing", "lab.need_company", "planner.col_offer",
                                "explorer.loaded_sample", "explorer.loaded", "lab.step1"}
    assert result.export_errors == {"export.missing"}
    assert set(result.templates) == {"tier.{}", "explorer.chart.{}", "funnel.{}", "kind.{}"}
    assert set(result.expanded) == {"lab.company_placeholder", "lab.profession_placeholder",
                                    "suggest.company_unusable", "suggest.challenge_unusable"}
    assert result.covers("tier.sweet_spot") and result.covers("explorer.chart.scenario")
    assert not result.covers("tiers.bad_thresholds") and not result.covers("lab.title")


def test_the_scan_of_the_toolkit_finds_plausibly_many_keys(scan):
    assert len(scan.used()) >= 150, f"the scan found only {len(scan.used())} keys: it is broken"
    # every ExportError in toolkit/analytics.py names its key as a literal; all of them must be found
    analytics = ast.parse((TOOLKIT / "analytics.py").read_text(encoding="utf-8"))
    export_keys = {call.args[0].value for call in ast.walk(analytics) if isinstance(call, ast.Call)
                   and getattr(call.func, "id", None) == "ExportError" and call.args
                   and isinstance(call.args[0], ast.Constant)}
    assert len(export_keys) >= 10 and {"export.bad_number", "export.missing", "export.bad_zip"} <= export_keys
    assert export_keys <= scan.export_errors and export_keys <= set(scan.keys)
    # a problem tuple, a conditional, a class attribute, and keys built in a loop over literals
    assert {"lab.need_company", "tiers.bad_thresholds", "explorer.loaded_sample", "lab.title"} <= set(scan.keys)
    assert {"lab.company_placeholder", "suggest.company_unusable", "planner.mbo4_gt"} <= set(scan.expanded)
    assert {"tier.{}", "explorer.chart.{}", "internship.{}", "funnel.{}", "kind.{}"} <= set(scan.templates)
    # the catalogue's own keys are definitions, and names of files and modules are not keys
    assert "toolkit.widgets" not in scan.keys and "toolkit.voila_app" not in scan.keys
    assert all(not place.startswith("toolkit/i18n.py") for places in scan.keys.values() for place in places)


def test_every_key_used_in_the_code_is_in_the_catalogue(scan):
    places = {key: scan.keys.get(key, []) + scan.expanded.get(key, []) for key in scan.used()}
    missing = {key: where for key, where in sorted(places.items()) if key not in CATALOGUE}
    assert not missing, f"keys used in the code but not in CATALOGUE: {missing}"


def test_every_key_built_at_run_time_has_its_values_named(scan):
    undeclared = {tp: places for tp, places in scan.templates.items() if tp not in FAMILIES}
    assert not undeclared, f"name the values of these built keys in FAMILIES: {undeclared}"
    stale = set(FAMILIES) - set(scan.templates)
    assert not stale, f"FAMILIES names templates the code no longer builds: {sorted(stale)}"


@pytest.mark.parametrize("template", sorted(FAMILIES))
def test_the_catalogue_covers_every_value_of_a_built_key(template):
    values = FAMILIES[template]
    assert values, template
    missing = [template.format(value) for value in values if template.format(value) not in CATALOGUE]
    assert not missing, f"values of {template} without a text: {missing}"


def test_no_catalogue_key_is_unused(scan):
    unused = sorted(key for key in CATALOGUE if not scan.covers(key))
    assert not unused, f"keys in CATALOGUE that no code uses: {unused}"


@pytest.mark.parametrize(
    ("value", "digits", "nl", "en"),
    [(1.0, 2, "1,00", "1.00"), (1234.5, 1, "1.234,5", "1,234.5"), (-0.25, 2, "-0,25", "-0.25"), (2.5, 0, "2", "2")],
)
def test_format_decimal_uses_a_decimal_comma_in_dutch(value, digits, nl, en):
    assert format_decimal(value, digits, "nl") == nl
    assert format_decimal(value, digits, "en") == en


@pytest.mark.parametrize(
    ("share", "digits", "nl", "en"),
    [(0.25, 0, "25 %", "25%"), (0.0156, 1, "1,6 %", "1.6%"), (0.0003, 0, "0,03 %", "0.03%"), (0, 0, "0 %", "0%"),
     (1, 1, "100,0 %", "100.0%")],
)
def test_format_percent_in_both_languages_and_small_shares_stay_visible(share, digits, nl, en):
    assert format_percent(share, digits, "nl") == nl
    assert format_percent(share, digits, "en") == en


def test_format_school_year_is_written_the_dutch_way():
    assert format_school_year(2029) == "2029/30"
    assert format_school_year(2099) == "2099/00"
    assert format_school_year(2009) == "2009/10"
