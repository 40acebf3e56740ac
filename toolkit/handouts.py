"""Printable hand-outs made from the toolkit's own data and texts, so they never disagree with the tools.

Four hand-outs (:data:`HANDOUTS`): the five tips, the hashtag rules, the school-and-internship
calendar and the safety checklist. Each is one standalone HTML page (inline CSS for A4 print, no
script, nothing fetched from elsewhere, every text escaped) with a Markdown twin. Run
``python -m toolkit.handouts [folder]`` to write them (default ``workshops/facilitator/``).

The calendar depends on the school year it is made in; the files record that year (see
:func:`recorded_school_year`), so the same files can be made again later.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from toolkit import hashtags, pipeline, safety
from toolkit.i18n import check_language, format_int, format_school_year, t

#: The hand-outs, in the order a workshop uses them.
HANDOUTS = ("tips", "hashtags", "calendar", "safety")
#: Where ``python -m toolkit.handouts`` writes by default.
DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "workshops" / "facilitator"
#: The five tips: the step of the journey (:mod:`toolkit.journey`) each belongs to, whose title and
#: goal the hand-out shows, and the hand-out's own explanation and first action.
TIPS = (
    ("early", "handout.tip_early_text", "handout.tip_early_do"),
    ("irony", "handout.tip_irony_text", "handout.tip_irony_do"),
    ("content", "handout.tip_content_text", "handout.tip_content_do"),
    ("advocacy", "handout.tip_advocacy_text", "handout.tip_advocacy_do"),
    ("perfection", "handout.tip_perfection_text", "handout.tip_perfection_do"),
)
#: Tiers as the hashtag hand-out shows them, from empty to crowded: tier, name, post range, meaning.
TIER_ROWS = (
    ("unused", "tier.unused", "handout.tier_unused_range", "handout.tier_unused_means"),
    ("niche", "tier.niche", "handout.tier_niche_range", "handout.tier_niche_means"),
    ("sweet_spot", "tier.sweet_spot", "handout.tier_sweet_range", "handout.tier_sweet_means"),
    ("overused", "tier.overused", "handout.tier_overused_range", "handout.tier_overused_means"),
)
#: Name of the HTML ``meta`` element (and Markdown comment) that records the calendar's school year.
SCHOOL_YEAR_MARK = "stagetok-school-year"
_MARK = re.compile(SCHOOL_YEAR_MARK + r"""(?:" content="|: )(\d{4})""")
#: A dash for "not on this route" in the calendar.
NONE = "–"

_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.3; color: #111;
       max-width: 190mm; margin: 0 auto; padding: 8mm; }
h1 { font-size: 18pt; margin: 0 0 2.5mm; padding-bottom: 1.5mm; border-bottom: 3px solid #111; }
h2 { font-size: 12.5pt; margin: 4mm 0 1.5mm; }
p { margin: 1.5mm 0; }
ul { margin: 1mm 0 2mm; padding-left: 6mm; }
li { margin: 0.8mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 10pt; }
th, td { border: 1px solid #999; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
table.calendar { font-size: 7.5pt; line-height: 1.15; }
table.calendar td, table.calendar th { padding: 0.5mm 1.2mm; }
table.calendar small { color: #555; white-space: nowrap; }
.tip { margin: 2.5mm 0; padding: 1mm 3mm; border-left: 4px solid #111; }
.tip h2 { margin-top: 0; }
.goal { color: #444; font-style: italic; }
.do { font-weight: 600; }
.note { color: #444; font-size: 9pt; border-left: 3px solid #e0a000; padding-left: 3mm; margin: 1.5mm 0; }
.warning { background: #fff8e6; border: 1px solid #e0a000; padding: 2mm 3mm; margin: 2mm 0; font-weight: 600; }
.check { list-style: none; padding-left: 0; }
.check li { display: flex; gap: 2.5mm; margin: 1.5mm 0; }
.box { flex: 0 0 auto; width: 4mm; height: 4mm; margin-top: 0.8mm; border: 1.2px solid #111; }
.source { color: #555; font-size: 8.5pt; }
.line { border-bottom: 1px solid #777; height: 8mm; }
footer { margin-top: 4mm; padding-top: 1mm; border-top: 1px solid #ccc; font-size: 8.5pt; color: #666; }
@media print {
  body { padding: 0; max-width: none; }
  .tip, tr, .check li { break-inside: avoid; }
  h2 { break-after: avoid; }
}
""".strip()


# --- the hand-outs' contents, as blocks both renderers understand ---------------------------------
@dataclass(frozen=True)
class Block:
    """One part of a hand-out: ``kind`` says how to lay out ``text`` and ``items``.

    Kinds: ``p`` (paragraph), ``h2`` (heading), ``ul`` (list of ``items``), ``note`` (an
    assumption or remark), ``warning``, ``tip`` (``text`` the title, ``items`` the text, the
    workshop's goal and the first action), ``table`` (``items``: a header row, then rows, a cell
    being a text or a pair of a text and a remark; ``text`` a CSS class), ``check`` (``items``:
    pairs of item and source), ``lines`` (``text`` a label, ``items`` one empty entry per line
    to write on).
    """

    kind: str
    text: str = ""
    items: tuple = ()


@dataclass(frozen=True)
class Handout:
    """A hand-out: its title, blocks, and the school year it depends on (or None)."""

    title: str
    blocks: tuple[Block, ...]
    school_year: int | None = None


def _tips(lang: str) -> Handout:
    blocks = [Block("p", t("handout.tips_intro", lang=lang))]
    do, goal = t("handout.tip_do", lang=lang), t("handout.tip_goal", lang=lang)
    for step, text, action in TIPS:
        blocks.append(Block("tip", t(f"step.{step}.title", lang=lang), (
            t(text, lang=lang), f"{goal} {t(f'step.{step}.goal', lang=lang)}", f"{do} {t(action, lang=lang)}")))
    blocks.append(Block("note", t("handout.tips_safe", lang=lang)))
    return Handout(t("handout.tips_title", lang=lang), tuple(blocks))


def _hashtags(lang: str) -> Handout:
    limits = hashtags.Thresholds()
    sweet, over = format_int(limits.sweet_spot, lang), format_int(limits.overused, lang)
    header = (t("handout.col_tier", lang=lang), t("handout.col_posts", lang=lang), t("handout.col_means", lang=lang))
    rows = tuple((t(name, lang=lang), t(posts, lang=lang, sweet=sweet, over=over), t(means, lang=lang))
                 for _tier, name, posts, means in TIER_ROWS)
    misleading = tuple(f"{tag} — {t(key, lang=lang)}" for tag, key in hashtags.MISLEADING_TAGS.items())
    blocks = (
        Block("p", t("handout.hashtags_intro", lang=lang)),
        Block("h2", t("handout.tag_rules_heading", lang=lang)),
        Block("ul", items=(t("handout.tag_rule_chars", lang=lang), t("handout.tag_rule_ends", lang=lang),
                           t("handout.tag_rule_case", lang=lang),
                           t("handout.tag_rule_length", lang=lang, max=format_int(hashtags.MAX_TAG_LENGTH, lang)))),
        Block("h2", t("handout.tiers_heading", lang=lang)),
        Block("p", t("handout.tiers_intro", lang=lang)),
        Block("table", "tiers", (header, *rows)),
        Block("note", t("handout.tiers_assumption", lang=lang)),
        Block("h2", t("handout.mix_heading", lang=lang)),
        Block("p", t("handout.mix_size", lang=lang, low=hashtags.MIX_MIN, high=hashtags.MIX_MAX)),
        Block("p", t("lab.mix_rule", lang=lang)),
        Block("h2", t("handout.misleading_heading", lang=lang)),
        Block("ul", items=misleading),
        Block("h2", t("handout.caption_heading", lang=lang)),
        Block("p", t("handout.caption_limit", lang=lang, limit=format_int(hashtags.CAPTION_LIMIT, lang))),
    )
    return Handout(t("handout.hashtags_title", lang=lang), blocks)


def calendar_rows(school_year: int, lang: str = "nl") -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    """The calendar's rows: per group of today its label, age and, per internship, the first school year.

    Parameters
    ----------
    school_year : int
        The school year now (2026 for 2026/27).
    lang : {"nl", "en"}
        Language of the labels.

    Returns
    -------
    list of (str, str, tuple)
        Group label (tracks whose rows are all alike share one, "vmbo gemengd / vmbo theoretisch,
        klas 3"), typical age, and one cell per internship of :data:`toolkit.pipeline.INTERNSHIPS`:
        a pair of the first school year (``2029/30``, or :data:`NONE`) and the educations it can be
        in ("mbo niveau 3 of mbo niveau 4"; empty when the column has only one education).
    """
    tracks = pipeline.load_table("tracks").set_index("track")
    labels = {track: str(tracks.loc[track, f"label_{lang}"]) for track in pipeline.TRACKS}
    chances = {(track, grade): tuple(pipeline.first_chance(track, grade, internship, school_year)
                                     for internship in pipeline.INTERNSHIPS)
               for track in pipeline.TRACKS for grade in range(1, pipeline.track_years(track) + 1)}
    several = [len({edu for (_, _), cells in chances.items() if cells[index] for edu in cells[index][1]}) > 1
               for index in range(len(pipeline.INTERNSHIPS))]
    # Tracks with the same length and the same chances in every year share their rows.
    groups: list[list[str]] = []
    for track in pipeline.TRACKS:
        column = [chances[(track, grade)] for grade in range(1, pipeline.track_years(track) + 1)]
        for group in groups:
            first = group[0]
            if [chances[(first, grade)] for grade in range(1, pipeline.track_years(first) + 1)] == column:
                group.append(track)
                break
        else:
            groups.append([track])
    word_or = t("handout.cal_or", lang=lang)
    rows = []
    for group in groups:
        name = " / ".join(labels[track] for track in group)
        for grade in range(1, pipeline.track_years(group[0]) + 1):
            key = "handout.cal_course_year" if group[0].startswith("mbo") else "handout.cal_class"
            cells = []
            for index, chance in enumerate(chances[(group[0], grade)]):
                if chance is None:
                    cells.append((NONE, ""))
                    continue
                year, educations = chance
                shown = _join_labels([labels.get(edu, edu) for edu in educations], word_or) if several[index] else ""
                cells.append((format_school_year(year), shown))
            rows.append((t(key, lang=lang, track=name, grade=grade), str(pipeline.age_in(group[0], grade)),
                         tuple(cells)))
    return rows


def _join_labels(labels: list[str], word_or: str) -> str:
    """Labels joined with "or", their shared first words written once ("mbo niveau 3 of 4")."""
    words = [label.split() for label in labels]
    shared = 0
    while all(len(w) > shared + 1 and w[shared] == words[0][shared] for w in words):
        shared += 1
    if len(labels) < 2 or not shared:
        return word_or.join(labels)
    return " ".join(words[0][:shared]) + " " + word_or.join(" ".join(w[shared:]) for w in words)


def _calendar(lang: str, school_year: int) -> Handout:
    header = (t("handout.cal_group", lang=lang), t("handout.cal_age", lang=lang),
              *(t(f"internship.{internship}", lang=lang) for internship in pipeline.INTERNSHIPS))
    rows = tuple((label, age, *cells) for label, age, cells in calendar_rows(school_year, lang))
    blocks = (
        Block("p", t("handout.calendar_intro", lang=lang, year=format_school_year(school_year))),
        Block("table", "calendar", (header, *rows)),
        Block("note", t("handout.cal_reading", lang=lang)),
        Block("note", t("handout.cal_routes", lang=lang)),
        Block("note", t("handout.cal_assumption", lang=lang)),
    )
    return Handout(t("handout.calendar_title", lang=lang), blocks, school_year)


def _safety(lang: str) -> Handout:
    table = safety.checklist()
    blocks = [Block("warning", t("safety.not_legal_advice", lang=lang)),
              Block("p", t("handout.safety_intro", lang=lang))]
    for group in safety.GROUPS:
        items = table[table["group"] == group]
        blocks.append(Block("h2", t(safety.GROUP_KEYS[group], lang=lang)))
        checks = []
        for row in items.itertuples(index=False):
            source = t("safety.advice", lang=lang) if row.source == safety.ADVICE else row.source
            checks.append((getattr(row, f"text_{lang}"), t("safety.source", lang=lang, source=source)))
        blocks.append(Block("check", items=tuple(checks)))
    blocks += [Block("h2", t("handout.safety_account", lang=lang)),
               Block("lines", t("safety.owner", lang=lang), ("",)),
               Block("lines", t("safety.policy", lang=lang), ("",) * 6)]
    return Handout(t("handout.safety_title", lang=lang), tuple(blocks))


def build(name: str, lang: str = "nl", today: _dt.date | None = None, *, school_year: int | None = None) -> Handout:
    """The contents of hand-out ``name`` (one of :data:`HANDOUTS`), before layout.

    Parameters
    ----------
    name : str
        Which hand-out.
    lang : {"nl", "en"}
        Language; the printed hand-outs are Dutch.
    today : datetime.date, optional
        The day it is made, for the calendar's school year; default today.
    school_year : int, optional
        The calendar's school year (2026 for 2026/27); overrides ``today``.

    Raises
    ------
    KeyError
        For a name that is not a hand-out.
    """
    lang = check_language(lang)
    if name not in HANDOUTS:
        raise KeyError(f"No hand-out {name!r}; choose one of {', '.join(HANDOUTS)}.")
    if name == "tips":
        return _tips(lang)
    if name == "hashtags":
        return _hashtags(lang)
    if name == "calendar":
        return _calendar(lang, pipeline.current_school_year(today) if school_year is None else int(school_year))
    return _safety(lang)


# --- HTML ----------------------------------------------------------------------------------------
def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_block(block: Block) -> str:  # noqa: C901 - one branch per kind of block
    kind = block.kind
    if kind == "p":
        return f"<p>{_h(block.text)}</p>"
    if kind == "h2":
        return f"<h2>{_h(block.text)}</h2>"
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{_h(item)}</li>" for item in block.items) + "</ul>"
    if kind in ("note", "warning"):
        return f'<p class="{kind}">{_h(block.text)}</p>'
    if kind == "tip":
        text, goal, action = block.items
        return (f'<section class="tip"><h2>{_h(block.text)}</h2><p>{_h(text)}</p>'
                f'<p class="goal">{_h(goal)}</p><p class="do">{_h(action)}</p></section>')
    if kind == "table":
        header, *rows = block.items
        head = "".join(f"<th>{_h(cell)}</th>" for cell in header)
        body = "".join("<tr>" + "".join(f"<td>{_cell_html(cell)}</td>" for cell in row) + "</tr>\n" for row in rows)
        return f'<table class="{_h(block.text)}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table>'
    if kind == "check":
        items = "".join(f'<li><span class="box"></span><span>{_h(text)}<br><span class="source">{_h(source)}'
                        f"</span></span></li>\n" for text, source in block.items)
        return f'<ul class="check">\n{items}</ul>'
    if kind == "lines":
        return f"<p>{_h(block.text)}:</p>" + '<div class="line"></div>' * len(block.items)
    raise ValueError(f"Unknown kind of block: {kind!r}")


def _cell_html(cell: str | tuple[str, str]) -> str:
    """A table cell: a text, or a pair of a text and a remark in brackets on a line of its own."""
    if isinstance(cell, tuple):
        main, remark = cell
        return _h(main) + (f"<br><small>({_h(remark)})</small>" if remark else "")
    return _h(cell)


def _cell_md(cell: str | tuple[str, str]) -> str:
    if isinstance(cell, tuple):
        main, remark = cell
        return _md(main) + (f" ({_md(remark)})" if remark else "")
    return _md(cell)


def render(name: str, lang: str = "nl", today: _dt.date | None = None, *, school_year: int | None = None) -> str:
    """Hand-out ``name`` as one standalone HTML page for A4 (see :func:`build` for the parameters).

    The page has its CSS inline, no script and no reference to anything outside it; every text
    is escaped.
    """
    lang = check_language(lang)
    handout = build(name, lang, today, school_year=school_year)
    mark = (f'<meta name="{SCHOOL_YEAR_MARK}" content="{handout.school_year}">\n'
            if handout.school_year is not None else "")
    body = "\n".join(_html_block(block) for block in handout.blocks)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n{mark}'
            f"<title>{_h(handout.title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
            f"<h1>{_h(handout.title)}</h1>\n{body}\n<footer>{_h(t('handout.footer', lang=lang))}</footer>\n"
            f"</body>\n</html>\n")


# --- Markdown ------------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(text: object) -> str:
    """Text for Markdown: no markup of its own, on one line.

    ``&``, ``<`` and ``>`` become character references (so no renderer sees a tag), and the
    characters that start Markdown emphasis, code, links or table cells get a backslash.
    """
    line = " ".join(str(text).split())
    line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", line)


def _md_block(block: Block) -> str:  # noqa: C901 - one branch per kind of block
    kind = block.kind
    if kind == "p":
        return _md(block.text)
    if kind == "h2":
        return f"## {_md(block.text)}"
    if kind == "ul":
        return "\n".join(f"- {_md(item)}" for item in block.items)
    if kind == "note":
        return f"> {_md(block.text)}"
    if kind == "warning":
        return f"> **{_md(block.text)}**"
    if kind == "tip":
        text, goal, action = block.items
        return f"## {_md(block.text)}\n\n{_md(text)}\n\n*{_md(goal)}*\n\n**{_md(action)}**"
    if kind == "table":
        header, *rows = block.items
        lines = ["| " + " | ".join(_md(cell) for cell in header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(_cell_md(cell) for cell in row) + " |" for row in rows]
        return "\n".join(lines)
    if kind == "check":
        return "\n".join(f"- [ ] {_md(text)}  \n  *{_md(source)}*" for text, source in block.items)
    if kind == "lines":
        return f"{_md(block.text)}:\n\n" + "\n".join("\\_" * 60 for _ in block.items)
    raise ValueError(f"Unknown kind of block: {kind!r}")


def render_markdown(name: str, lang: str = "nl", today: _dt.date | None = None, *,
                    school_year: int | None = None) -> str:
    """Hand-out ``name`` as Markdown, the twin of :func:`render` (same contents, escaped)."""
    lang = check_language(lang)
    handout = build(name, lang, today, school_year=school_year)
    mark = f"<!-- {SCHOOL_YEAR_MARK}: {handout.school_year} -->\n\n" if handout.school_year is not None else ""
    body = "\n\n".join(_md_block(block) for block in handout.blocks)
    return f"{mark}# {_md(handout.title)}\n\n{body}\n\n---\n\n*{_md(t('handout.footer', lang=lang))}*\n"


# --- files ---------------------------------------------------------------------------------------
def file_names(name: str) -> tuple[str, str]:
    """The HTML and Markdown file names of hand-out ``name``."""
    return f"handout_{name}.html", f"handout_{name}.md"


def write(folder: Path | str = DEFAULT_FOLDER, *, school_year: int | None = None, lang: str = "nl") -> list[Path]:
    """Write every hand-out as HTML and Markdown into ``folder``.

    Parameters
    ----------
    folder : path
        Where to write (made when missing).
    school_year : int, optional
        The calendar's school year; default the running one. The calendar's files record it.
    lang : {"nl", "en"}
        Language of the hand-outs.

    Returns
    -------
    list of pathlib.Path
        The files written, two per hand-out in :data:`HANDOUTS` order.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    year = pipeline.current_school_year() if school_year is None else int(school_year)
    written = []
    for name in HANDOUTS:
        html_name, md_name = file_names(name)
        for file_name, text in ((html_name, render(name, lang, school_year=year)),
                                (md_name, render_markdown(name, lang, school_year=year))):
            path = folder / file_name
            path.write_text(text, encoding="utf-8", newline="\n")
            written.append(path)
    return written


def recorded_school_year(text: str) -> int | None:
    """The school year a written hand-out records (its ``meta`` element or Markdown comment), or None."""
    match = _MARK.search(text)
    return int(match.group(1)) if match else None


def main(argv: list[str] | None = None) -> None:
    """Write the hand-outs: ``python -m toolkit.handouts [folder] [--school-year 2026]``."""
    parser = argparse.ArgumentParser(description="Write StageTok's printable hand-outs (HTML and Markdown).")
    parser.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER), help="where to write them")
    parser.add_argument("--school-year", type=int, default=None,
                        help="the calendar's school year, by the year it starts in (default: the running one)")
    args = parser.parse_args(argv)
    for path in write(args.folder, school_year=args.school_year):
        print(path)


if __name__ == "__main__":
    main()
