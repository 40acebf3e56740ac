"""The team's action plan: its whole workbook as one page to take home, in HTML (to print) or Markdown.

Both forms are made from one outline of the plan: a section per step of the journey, in
journey order, each a list of blocks (paragraphs, labelled fields, lists, tables). The HTML
page is one standalone file: its style sheet inline (with an A4 print style), no script, no
font or picture from elsewhere, and its charts drawn offline as inline SVG. Every text a team
typed is escaped: in HTML with :func:`html.escape`, in Markdown with :func:`md_escape`, so a
team's text can never become markup, a link or a picture. Nothing here shows a traceback: a
chart or a section that cannot be made is left out with a short note, and the error is logged.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as _dt
import functools
import html
import html.parser
import logging
import re
import typing
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from toolkit import (
    advocacy,
    charts,
    content,
    early,
    hashtags,
    irony,
    journey,
    perfection,
    pipeline,
    reach,
    safety,
    workbook,
)
from toolkit.i18n import TextError, check_language, format_decimal, format_int, format_percent, format_school_year, t
from toolkit.regions import NATIONAL, region_share, regions
from toolkit.workbook import Workbook

if typing.TYPE_CHECKING:
    import altair as alt

log = logging.getLogger("toolkit.plan")

#: How far ahead the plan works out an offer's school years, as the pipeline planner does.
HORIZON = 12
#: ``Reach.source`` of a scenario built on the invented sample export (the reach explorer writes it).
SAMPLE_SOURCE = "sample"
#: Names the band of the tone scale an idea's tone falls in, as ``(tone, lang) -> label``; None shows
#: the tone as a number only. Point it at the irony step's own function once that exists.
TONE_BAND: Callable[[int, str], str] | None = irony.band_label

# The day the plan is written, for the chart builders (their signature is ``(workbook, lang)``).
_TODAY: contextvars.ContextVar[_dt.date | None] = contextvars.ContextVar("plan_today", default=None)


# --- participant text, made safe --------------------------------------------------------------
_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x85\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_BIDI_CLASSES = frozenset({"R", "AL", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})


def _clean(text: object) -> str:
    """A text as one paragraph of lines: no control characters, no blank lines, no lone surrogates."""
    value = _SURROGATES.sub("\ufffd", "" if text is None else str(text))
    value = _BREAKS.sub("\n", value).replace("\t", " ")
    value = "".join(ch for ch in value if ch == "\n" or unicodedata.category(ch) != "Cc")
    return "\n".join(line.strip() for line in value.split("\n") if line.strip())


def _right_to_left(text: str) -> bool:
    """True for a text with right-to-left letters or direction marks, which could reorder what follows it."""
    return any(unicodedata.bidirectional(ch) in _BIDI_CLASSES for ch in text)


def html_text(text: object) -> str:
    """A text as escaped HTML: one paragraph, lines kept as ``<br>``, isolated when it runs right to left.

    Parameters
    ----------
    text : object
        What a team typed (or a catalogue text).

    Returns
    -------
    str
        HTML that shows the text as it is and can never be markup; safe in element content and in
        a quoted attribute (quotes are escaped too).
    """
    value = _clean(text)
    escaped = html.escape(value, quote=True).replace("\n", "<br>")
    return f"<bdi>{escaped}</bdi>" if _right_to_left(value) else escaped


_MD_ANYWHERE = re.compile(r"([\\`*_\[\]~|$])")
_MD_LINE_START = re.compile(r"^([#+\-=:])|^(\d+)([.)])")
_MD_DOMAIN_DOT = re.compile(r"\.(?=[^\W\d_])")


def md_escape(text: object, *, breaks: bool = True) -> str:
    """A text as Markdown that shows it as it is: no emphasis, link, picture, HTML, heading or list.

    Every Markdown character is escaped with a backslash, ``&``, ``<`` and ``>`` become HTML
    entities, and a dot before a letter, ``@`` and ``://`` are escaped so that a renderer which turns
    bare addresses into links (GitHub, markdown-it's linkify) does not. The text stays one
    paragraph: blank lines are dropped and each line starts safely.

    Parameters
    ----------
    text : object
        What a team typed (or a catalogue text).
    breaks : bool
        Keep line breaks as Markdown hard breaks (a backslash at the end of a line); False joins
        the lines with a space (for a table cell or a heading).

    Returns
    -------
    str
        The escaped text; wrapped in Unicode isolates when it runs right to left.
    """
    value = _clean(text)
    lines = []
    for line in value.split("\n"):
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        line = _MD_ANYWHERE.sub(r"\\\1", line)
        line = _MD_DOMAIN_DOT.sub(r"\\.", line).replace("@", "\\@").replace("://", "\\://")
        line = _MD_LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)
        lines.append(line)
    joined = ("\\\n" if breaks else " ").join(lines)
    return f"\u2068{joined}\u2069" if _right_to_left(value) else joined


def filename(workbook: Workbook, ext: str, stem: str = "actieplan") -> str:
    """A safe file name for the team's plan (or workbook): ``actieplan-garage-de-vries.html``.

    Parameters
    ----------
    workbook : Workbook
        The team's workbook; the name comes from its company, else from its team name.
    ext : str
        The extension, letters and digits only (``"html"``, ``"md"``, ``"json"``).
    stem : str
        What the file is: ``actieplan`` (the plan) or ``werkboek`` (the workbook).

    Returns
    -------
    str
        Lower-case ASCII letters, digits and dashes, at most 60 of them after ``actieplan-``;
        ``actieplan.<ext>`` when the names leave nothing.

    Raises
    ------
    ValueError
        For an extension that is not 1-10 letters or digits.
    """
    extension = str(ext).lstrip(".").lower()
    if not re.fullmatch(r"[a-z0-9]{1,10}", extension):
        raise ValueError(f"A file extension of 1 to 10 letters or digits, not {ext!r}.")
    slug = _slug(workbook.team.company) or _slug(workbook.team.name)
    if not re.fullmatch(r"[a-z]{1,20}", stem):
        raise ValueError(f"A file name stem of 1 to 20 lower-case letters, not {stem!r}.")
    return f"{stem}-{slug}.{extension}" if slug else f"{stem}.{extension}"


def _slug(text: str) -> str:
    letters = unicodedata.normalize("NFKD", _clean(text)).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", letters).strip("-")[:60].rstrip("-")


def format_date(day: _dt.date, lang: str | None = None) -> str:
    """A date as written out: nl ``28 november 2026``, en ``November 28, 2026``."""
    lang = check_language(lang)
    month = charts.LOCALES[lang]["time"]["months"][day.month - 1]
    return t("plan.date", lang=lang, day=day.day, month=month, year=day.year)


def _date_text(text: str, lang: str) -> str:
    """An ISO date written out, or the text as it is when it is not one."""
    try:
        return format_date(_dt.date.fromisoformat(text.strip()), lang)
    except ValueError:
        return text


# --- the outline ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Para:
    text: str
    style: str = ""  # "", "note" (an assumption or a caveat) or "empty"


@dataclass(frozen=True)
class _Fields:
    rows: tuple[tuple[str, str], ...]  # (label, value); an empty value reads "not filled in yet"
    title: str = ""


@dataclass(frozen=True)
class _Items:
    items: tuple[str, ...]
    title: str = ""
    ordered: bool = False


@dataclass(frozen=True)
class _Table:
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    title: str = ""


@dataclass(frozen=True)
class _Section:
    step: str
    number: int
    title: str
    blocks: tuple
    filled: bool


@dataclass(frozen=True)
class _Context:
    lang: str
    today: _dt.date

    @property
    def now(self) -> int:
        return pipeline.current_school_year(self.today)

    def t(self, key: str, **params: object) -> str:
        return t(key, lang=self.lang, **params)


#: Heading of each step's section.
_TITLES = {
    "welcome": "plan.section_welcome", "pipeline": "plan.section_pipeline", "early": "plan.section_early",
    "irony": "plan.section_irony", "content": "plan.section_content", "advocacy": "plan.section_advocacy",
    "perfection": "plan.section_perfection", "safety": "plan.section_safety", "hashtags": "plan.section_hashtags",
    "reach": "plan.section_reach", "plan": "plan.section_plan",
}


@functools.cache
def _checklist(section: str, lang: str) -> dict[str, str]:
    table = perfection.checklist() if section == "perfection" else safety.checklist()
    return dict(zip(table["id"], table[f"text_{lang}"], strict=True))


def _label(section: str, value: object, lang: str) -> str:
    """The words for a value a step stores as a code (a kind, a category, a checklist item).

    Steps whose catalogues name their choices are looked up here; any other value is shown as
    stored, until its step's labels exist.
    """
    text = "" if value is None else str(value)
    if section == "pipeline" and text in pipeline.INTERNSHIPS:
        return t(f"internship.{text}", lang=lang)
    if section == "hashtags" and text in hashtags.TIERS:
        return t(f"tier.{text}", lang=lang)
    if section in ("perfection", "safety"):
        return _checklist(section, lang).get(text, text)
    if section == "early" and text in early.POSTING_KEYS:
        return t(early.POSTING_KEYS[text], lang=lang)
    if section == "content" and text in content.FORMAT_KEYS:
        return t(content.FORMAT_KEYS[text][0], lang=lang)
    if section == "content" and text in content.AUDIENCE_KEYS:
        return t(content.AUDIENCE_KEYS[text], lang=lang)
    if section == "advocacy" and text in advocacy.KIND_KEYS:
        return t(advocacy.KIND_KEYS[text][0], lang=lang)
    if section == "advocacy" and text in advocacy.ROLE_KEYS:
        return t(advocacy.ROLE_KEYS[text], lang=lang)
    return text


def _percent(share: float, lang: str) -> str:
    """A share as a percentage, with a decimal only when it has one: ``10 %``, ``12,5 %``."""
    percent = float(share) * 100
    return format_percent(share, 0 if abs(percent - round(percent)) < 1e-9 else 1, lang)


def _region_name(region: str, ctx: _Context) -> str:
    return ctx.t("plan.whole_country") if not region or region == NATIONAL else region


# --- the sections -----------------------------------------------------------------------------
def _welcome(book: Workbook, ctx: _Context) -> list:
    team = book.team
    if not (team.name or team.company or team.sector or team.region):
        return []
    return [_Fields(((ctx.t("plan.team_name"), team.name), (ctx.t("plan.company"), team.company),
                     (ctx.t("plan.sector"), team.sector),
                     (ctx.t("plan.region"), _region_name(team.region, ctx))))]


@dataclass(frozen=True)
class _PipelinePlan:
    assumptions: pipeline.Assumptions
    region: str
    conversion: float | None
    rows: pd.DataFrame  # reach_needed's rows with ``offer`` and ``school_year``


@functools.lru_cache(maxsize=8)
def _pipeline_plan(section: workbook.Pipeline, now: int) -> _PipelinePlan:
    """Pupils to reach per offer, school year and group of today, as the pipeline planner works them out."""
    defaults = pipeline.default_assumptions()
    mbo4_k = defaults.mbo4_share["vmbo-k"] if section.mbo4_k is None else section.mbo4_k
    mbo4_gt = defaults.mbo4_share["vmbo-t"] if section.mbo4_gt is None else section.mbo4_gt
    try:
        split = {**defaults.mbo4_share, "vmbo-k": mbo4_k, "vmbo-g": mbo4_gt, "vmbo-t": mbo4_gt}
        assumptions = defaults.with_changes(mbo4_share=split,
                                            bbl_share=defaults.bbl_share if section.bbl is None else section.bbl)
    except TextError:
        assumptions = defaults
    region = section.region if section.region in regions() else NATIONAL
    try:
        conversion = pipeline.conversion_of(section.follows, section.applies, section.starts)
    except TextError:
        conversion = None
    frames = []
    for index, offer in enumerate(section.offers):
        educations = (offer.education,) if offer.education in pipeline.EDUCATIONS else None
        last = min(offer.last_year, now + HORIZON, pipeline.LAST_SCHOOL_YEAR)
        for year in range(max(offer.first_year, now), last + 1):
            try:
                rows = pipeline.reach_needed(offer.internship, offer.interns, year, conversion=conversion or 1.0,
                                             region_share=region_share(region), educations=educations, now=now,
                                             assumptions=assumptions)
            except TextError:
                break  # an offer the planner would refuse: no answer for it
            if not rows.empty:
                frames.append(rows.assign(offer=index, school_year=year))
    plan = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["offer", "school_year", "track", "grade", "age", "pupils_to_reach", "feasible"])
    return _PipelinePlan(assumptions, region, conversion, plan)


def _years(first: int, last: int) -> str:
    years = format_school_year(first)
    return years if last == first else f"{years}–{format_school_year(last)}"


def _pipeline(book: Workbook, ctx: _Context) -> list:
    section = book.pipeline
    if not section.offers:
        return []
    result = _pipeline_plan(section, ctx.now)
    all_levels = ctx.t("plan.all_levels")
    offers = tuple((_label("pipeline", offer.internship, ctx.lang), offer.education or all_levels,
                    format_int(offer.interns, ctx.lang), _years(offer.first_year, offer.last_year))
                   for offer in section.offers)
    blocks: list = [_Fields(((ctx.t("plan.region"), _region_name(result.region, ctx)),)),
                    _Table((ctx.t("plan.col_internship"), ctx.t("plan.col_level"), ctx.t("plan.col_interns"),
                            ctx.t("plan.col_years")), offers, ctx.t("plan.offers"))]
    if result.conversion is None:
        return blocks
    short: list[str] = []
    answered = False
    for index, offer in enumerate(section.offers):
        label = ctx.t("plan.offer", interns=format_int(offer.interns, ctx.lang),
                      internship=_label("pipeline", offer.internship, ctx.lang),
                      level=f" {offer.education}" if offer.education else "",
                      years=_years(offer.first_year, offer.last_year))
        answer = pipeline.summarize_offer(result.rows[result.rows["offer"] == index])
        if answer is None:
            blocks.append(_Para(ctx.t("plan.pipeline_none", offer=label)))
            continue
        answered = True
        best = answer["best"]
        blocks.append(_Para(ctx.t("plan.pipeline_answer", offer=label,
                                  reach=format_int(round(best["pupils_to_reach"]), ctx.lang),
                                  group=f"{best['track']} {best['grade']}", age=best["age"],
                                  year=format_school_year(answer["school_year"]))))
        short += [group for group in answer["short"] if group not in short]
    region = _region_name(result.region, ctx)
    if short:
        blocks.append(_Para(ctx.t("plan.pipeline_short", region=region, groups=", ".join(short))))
    elif answered:
        blocks.append(_Para(ctx.t("plan.pipeline_enough", region=region)))
    blocks.append(_Para(ctx.t("plan.pipeline_funnel", follows=_percent(section.follows, ctx.lang),
                              applies=_percent(section.applies, ctx.lang),
                              starts=_percent(section.starts, ctx.lang)), "note"))
    blocks.append(_Para(ctx.t("plan.pipeline_note"), "note"))
    return blocks


def _early(book: Workbook, ctx: _Context) -> list:
    section = book.early
    if section == workbook.Early():
        return []
    claimed = ctx.t("plan.yes" if section.handle_claimed else "plan.no")
    blocks: list = [_Fields(((ctx.t("plan.handle"), section.handle), (ctx.t("plan.handle_claimed"), claimed)))]
    if section.employers:
        blocks.append(_Table((ctx.t("plan.col_employer"), ctx.t("plan.col_posting")),
                             tuple((employer.name, _label("early", employer.posting, ctx.lang))
                                   for employer in section.employers), ctx.t("plan.employers")))
    return blocks


def _tone(tone: int, lang: str) -> str:
    band = TONE_BAND(tone, lang) if TONE_BAND is not None else ""
    if band:
        return t("plan.tone_band", lang=lang, tone=tone, band=band)
    return t("plan.tone", lang=lang, tone=tone)


def _irony(book: Workbook, ctx: _Context) -> list:
    if not book.ideas:
        return []
    rows = tuple((idea.text, _tone(idea.tone, ctx.lang), _label("advocacy", idea.kind, ctx.lang))
                 for idea in book.ideas)
    return [_Table((ctx.t("plan.col_idea"), ctx.t("plan.col_tone"), ctx.t("plan.col_kind")), rows),
            _Para(ctx.t("plan.tone_note"), "note")]


def _content(book: Workbook, ctx: _Context) -> list:
    section = book.challenge
    if section == workbook.Challenge():
        return []
    blocks: list = [_Fields(((ctx.t("plan.challenge_name"), section.name),
                             (ctx.t("plan.challenge_hashtag"), section.hashtag),
                             (ctx.t("plan.challenge_format"), _label("content", section.format, ctx.lang)),
                             (ctx.t("plan.challenge_sound"), section.sound),
                             (ctx.t("plan.challenge_starter"), section.starter),
                             (ctx.t("plan.challenge_audience"), _label("content", section.audience, ctx.lang))))]
    prompts = tuple(prompt for prompt in section.duet_prompts if _clean(prompt))
    if prompts:
        blocks.append(_Items(prompts, ctx.t("plan.duet_prompts")))
    return blocks


def _videos(post: workbook.Post) -> int:
    """Videos a roster line asks for: every ``every_weeks`` weeks from its first week to its last."""
    return len(range(post.first_week, post.last_week + 1, max(1, post.every_weeks)))


def _advocacy(book: Workbook, ctx: _Context) -> list:
    section = book.advocacy
    if section == workbook.Advocacy():
        return []
    blocks: list = [_Fields(((ctx.t("plan.roster_start"), _date_text(section.start, ctx.lang)),))]
    if section.roster:
        rows = []
        for post in section.roster:
            often = ctx.t("plan.every_week") if post.every_weeks == 1 else ctx.t("plan.every_weeks",
                                                                                 weeks=post.every_weeks)
            rows.append((post.who, _label("advocacy", post.role, ctx.lang), _label("advocacy", post.kind, ctx.lang),
                         post.topic, often, ctx.t("plan.week_range", first=post.first_week, last=post.last_week)))
        blocks.append(_Table((ctx.t("plan.col_who"), ctx.t("plan.col_role"), ctx.t("plan.col_kind"),
                              ctx.t("plan.col_topic"), ctx.t("plan.col_often"), ctx.t("plan.col_weeks")),
                             tuple(rows), ctx.t("plan.roster")))
        counts = {kind: 0 for kind in typing.get_args(workbook.Kind)}
        for post in section.roster:
            counts[post.kind] = counts.get(post.kind, 0) + _videos(post)
        shown = ", ".join(f"{_label('advocacy', kind, ctx.lang)} {format_int(number, ctx.lang)}"
                          for kind, number in counts.items())
        blocks.append(_Para(ctx.t("plan.balance", counts=shown)))
    return blocks


def _perfection(book: Workbook, ctx: _Context) -> list:
    section = book.perfection
    if section == workbook.Perfection():
        return []
    known = perfection.item_ids()
    done, total = perfection.score([item for item in section.checks if item in known])
    checked = set(section.checks)
    blocks: list = [_Fields(((ctx.t("plan.draft"), section.draft),)),
                    _Para(ctx.t("plan.score", done=done, total=total)),
                    _Para(ctx.t("plan.score_note"), "note")]
    for title, items in (("plan.checks_done", [item for item in known if item in checked]),
                         ("plan.checks_open", [item for item in known if item not in checked])):
        if items:
            blocks.append(_Items(tuple(_label("perfection", item, ctx.lang) for item in items), ctx.t(title)))
    labels = {"subject": "plan.brief_subject", "who": "plan.brief_who", "where": "plan.brief_where",
              "hook": "plan.brief_hook", "ending": "plan.brief_ending"}
    brief = tuple((ctx.t(labels[name]), getattr(section.brief, name)) for name in perfection.BRIEF_FIELDS)
    blocks.append(_Fields(brief, ctx.t("plan.brief", seconds=perfection.BRIEF_SECONDS)))
    return blocks


def _safety(book: Workbook, ctx: _Context) -> list:
    section = book.safety
    if section == workbook.Safety():
        return []
    known = safety.item_ids()
    done = safety.check_checks([item for item in section.checks if item in known])
    still_open = safety.open_items(done)
    blocks: list = [_Para(ctx.t("plan.safety_count", done=len(done), total=len(known)))]
    if done:
        blocks.append(_Items(tuple(_label("safety", item, ctx.lang) for item in done), ctx.t("plan.safety_done")))
    if len(still_open):
        rows = tuple((_label("safety", row.id, ctx.lang), ctx.t("plan.advice") if row.source == safety.ADVICE
                      else row.source) for row in still_open.itertuples())
        blocks.append(_Table((ctx.t("plan.col_point"), ctx.t("plan.col_source")), rows, ctx.t("plan.safety_open")))
    blocks.append(_Fields(((ctx.t("plan.account_owner"), section.account_owner),
                           (ctx.t("plan.policy"), section.policy))))
    blocks.append(_Para(ctx.t("plan.not_legal_advice"), "note"))
    return blocks


def _hashtag_sheet(section: workbook.Hashtags) -> pd.DataFrame:
    """The Hashtag Lab's research sheet again: the suggested tags, the team's own, and every tag it looked up."""
    tags = pd.DataFrame({"hashtag": pd.Series(dtype=str), "kind": pd.Series(dtype=str)})
    if section.company.strip():
        try:
            tags = hashtags.suggest(company=section.company, profession=section.profession or None,
                                    challenge=section.challenge or None)
        except (TextError, ValueError):
            pass  # a name the lab refuses: the team's own and looked-up tags still count
    present = set(tags["hashtag"].str.casefold())
    extra = []
    for tag in (*section.own, *(item.tag for item in section.posts)):
        if tag.casefold() not in present:
            present.add(tag.casefold())
            extra.append(tag)
    if extra:
        tags = pd.concat([tags, pd.DataFrame({"hashtag": extra, "kind": ["own"] * len(extra)})], ignore_index=True)
    thresholds = hashtags.Thresholds()
    if section.sweet_spot is not None and section.overused is not None:
        try:
            thresholds = hashtags.Thresholds(section.sweet_spot, section.overused)
        except TextError:
            pass
    return hashtags.research_sheet(tags, {item.tag: item.posts for item in section.posts}, thresholds)


def _hashtags(book: Workbook, ctx: _Context) -> list:
    section = book.hashtags
    if not (section.company or section.profession or section.challenge or section.own or section.posts
            or section.chosen or section.caption_text):
        return []
    blocks: list = [_Fields(((ctx.t("plan.company"), section.company), (ctx.t("plan.profession"), section.profession),
                             (ctx.t("plan.challenge"), section.challenge),
                             (ctx.t("plan.chosen"), " ".join(section.chosen)),
                             (ctx.t("plan.caption"), hashtags.build_caption(section.caption_text,
                                                                             list(section.chosen)))))]
    if section.posts:
        sheet = _hashtag_sheet(section)
        looked_up = sheet[sheet["posts"].notna()]
        rows = tuple((row.hashtag, format_int(int(row.posts), ctx.lang), _label("hashtags", row.tier, ctx.lang))
                     for row in looked_up.itertuples())
        blocks.append(_Table((ctx.t("plan.col_hashtag"), ctx.t("plan.col_posts"), ctx.t("plan.col_tier")), rows,
                             ctx.t("plan.looked_up")))
        blocks.append(_Para(ctx.t("plan.posts_note"), "note"))
    return blocks


@dataclass(frozen=True)
class _Scenario:
    posts_per_week: int
    weeks: int
    model: reach.ViewsModel
    audience: reach.Audience
    region: str
    band: pd.DataFrame


@functools.lru_cache(maxsize=8)
def _bands(posts_per_week: int, weeks: int, median: float, sigma: float) -> pd.DataFrame:
    # The reach explorer's runs and seed, so the plan shows the numbers the team saw.
    return reach.bands(reach.simulate(posts_per_week, weeks, reach.ViewsModel(median, sigma), runs=10_000, seed=0))


def _scenario(section: workbook.Reach) -> _Scenario | None:
    """The reach explorer's scenario from the workbook, or None when there is none (or it does not fit)."""
    if section.posts_per_week is None or section.weeks is None:
        return None
    default = reach.ViewsModel()
    try:
        model = reach.ViewsModel(default.median if section.median is None else section.median,
                                 default.sigma if section.sigma is None else section.sigma)
        region = section.region if section.region in regions() else NATIONAL
        shares = {name: getattr(section, name) for name in ("on_tiktok", "views_per_person", "in_netherlands",
                                                             "in_group") if getattr(section, name) is not None}
        audience = reach.Audience(region_share=region_share(region), **shares)
        band = _bands(section.posts_per_week, section.weeks, model.median, model.sigma)
    except TextError:
        return None
    return _Scenario(section.posts_per_week, section.weeks, model, audience, region, band)


def _reach(book: Workbook, ctx: _Context) -> list:
    section = book.reach
    if section == workbook.Reach():
        return []
    blocks: list = []
    if section.source:
        source = ctx.t("plan.reach_sample") if section.source == SAMPLE_SOURCE else section.source
        blocks.append(_Fields(((ctx.t("plan.reach_source"), source),)))
    scenario = _scenario(section)
    if scenario is None:
        return [*blocks, _Para(ctx.t("plan.reach_no_scenario"), "empty")]
    last, audience, lang = scenario.band.iloc[-1], scenario.audience, ctx.lang
    median = float(last["cumulative_median"])
    blocks.append(_Para(ctx.t("plan.reach_result", posts=scenario.posts_per_week, weeks=scenario.weeks,
                              median=format_int(round(median), lang),
                              low=format_int(round(float(last["cumulative_low"])), lang),
                              high=format_int(round(float(last["cumulative_high"])), lang))))
    blocks.append(_Para(ctx.t("plan.reach_people", people=format_int(round(float(reach.people_in_group(
        median, audience))), lang), region=_region_name(scenario.region, ctx),
        share=format_percent(float(reach.reach_share(median, audience)), 1, lang),
        reachable=format_int(round(audience.reachable), lang))))
    blocks.append(_Para(ctx.t("plan.reach_note", step=journey.number("reach"),
                              median=format_int(round(scenario.model.median), lang),
                              views_per_person=format_decimal(audience.views_per_person, 1, lang),
                              in_netherlands=_percent(audience.in_netherlands, lang),
                              in_group=_percent(audience.in_group, lang)), "note"))
    return blocks


def _actions(book: Workbook, ctx: _Context) -> list:
    section = book.plan
    if section == workbook.Plan():
        return []
    blocks: list = []
    actions = tuple(action for action in section.actions if _clean(action))
    if actions:
        blocks.append(_Items(actions, ctx.t("plan.actions"), ordered=True))
    blocks.append(_Fields(((ctx.t("plan.owner"), section.owner),
                           (ctx.t("plan.first_post"), _date_text(section.first_post, ctx.lang)))))
    return blocks


#: What each step contributes to the plan, by step id.
_SECTIONS: dict[str, Callable[[Workbook, _Context], list]] = {
    "welcome": _welcome, "pipeline": _pipeline, "early": _early, "irony": _irony, "content": _content,
    "advocacy": _advocacy, "perfection": _perfection, "safety": _safety, "hashtags": _hashtags, "reach": _reach,
    "plan": _actions,
}


def _outline(book: Workbook, ctx: _Context) -> list[_Section]:
    sections = []
    for step in journey.STEPS:
        title = ctx.t(_TITLES[step.id]) if step.id in _TITLES else step.id
        try:
            blocks = _SECTIONS[step.id](book, ctx) if step.id in _SECTIONS else []
        except Exception:  # noqa: BLE001 - one odd section must not cost the team its whole plan
            log.exception("the plan's section %s could not be made", step.id)
            blocks = [_Para(ctx.t("plan.section_failed"), "note")]
            sections.append(_Section(step.id, journey.number(step.id), title, tuple(blocks), True))
            continue
        filled = bool(blocks)
        sections.append(_Section(step.id, journey.number(step.id), title,
                                 tuple(blocks) if filled else (_Para(ctx.t("plan.empty"), "empty"),), filled))
    return sections


def _heading(book: Workbook, ctx: _Context) -> tuple[str, list[str]]:
    """The plan's title and the lines under it (the company, the date). The team code stays out."""
    team = book.team
    name = _clean(team.name) or _clean(team.company)
    title = ctx.t("plan.title_of", name=name) if name else ctx.t("plan.title")
    lines = [team.company] if _clean(team.name) and _clean(team.company) else []
    return title, [*lines, ctx.t("plan.written_on", date=format_date(ctx.today, ctx.lang))]


# --- charts -----------------------------------------------------------------------------------
def pipeline_chart(book: Workbook, lang: str) -> alt.TopLevelMixin | None:
    """The pipeline planner's timeline for the team's offers, or None without offers."""
    now = pipeline.current_school_year(_TODAY.get() or _dt.date.today())
    result = _pipeline_plan(book.pipeline, now)
    if result.rows.empty:
        return None
    pairs = result.rows[["age", "track", "grade"]].drop_duplicates().sort_values(["age", "track", "grade"])
    cohorts = [(row.track, int(row.grade)) for row in pairs.itertuples()]
    internships = tuple(dict.fromkeys(offer.internship for offer in book.pipeline.offers))
    frame = pipeline.timeline(cohorts, now, assumptions=result.assumptions, internships=internships)
    return charts.pipeline_timeline_chart(frame, lang=lang)


def hashtags_chart(book: Workbook, lang: str) -> alt.TopLevelMixin | None:
    """Posts per looked-up hashtag with the team's caption tags outlined, or None before any lookup."""
    if not book.hashtags.posts:
        return None
    return charts.hashtag_mix_chart(_hashtag_sheet(book.hashtags), list(book.hashtags.chosen), lang=lang)


def reach_chart(book: Workbook, lang: str) -> alt.TopLevelMixin | None:
    """The reach scenario's band of cumulative views, or None without a scenario."""
    scenario = _scenario(book.reach)
    return None if scenario is None else charts.scenario_chart(scenario.band, None, lang=lang)


def early_chart(book: Workbook, lang: str) -> alt.TopLevelMixin | None:
    """The early-mover scan's field of employers (``toolkit.charts.early.field_chart``)."""
    if not book.early.employers:
        return None
    from toolkit.charts.early import field_chart

    return field_chart(book.early.employers, lang)


def irony_chart(book: Workbook, lang: str) -> alt.TopLevelMixin | None:
    """The ideas on the tone scale (``toolkit.charts.irony.tone_chart``)."""
    if not book.ideas:
        return None
    from toolkit.charts.irony import tone_chart

    return tone_chart(book.ideas, examples=False, lang=lang)


def advocacy_calendar_chart(book: Workbook, lang: str) -> alt.TopLevelMixin | None:
    """The posting roster as a calendar (``toolkit.charts.advocacy.calendar_chart``; start as stored)."""
    if not book.advocacy.roster:
        return None
    from toolkit.charts.advocacy import calendar_chart

    return calendar_chart(book.advocacy.roster, book.advocacy.start, lang)


def advocacy_balance_chart(book: Workbook, lang: str) -> alt.TopLevelMixin | None:
    """Touch, Tell and Sell in the roster (``toolkit.charts.advocacy.balance_chart``)."""
    if not book.advocacy.roster:
        return None
    from toolkit.charts.advocacy import balance_chart

    return balance_chart(book.advocacy.roster, lang)


#: The plan's charts: key -> builder ``(workbook, lang) -> chart or None`` (None: no data for it).
#: A key is a step id, or ``"<step id>:<name>"`` for a step with several charts; a section shows
#: its charts in this order, after its text. Builders for the other steps are ready above and go
#: live with one line each once their chart modules exist::
#:
#:     "early": early_chart,
#:     "irony": irony_chart,
#:     "advocacy:calendar": advocacy_calendar_chart,
#:     "advocacy:balance": advocacy_balance_chart,
CHARTS: dict[str, Callable[[Workbook, str], alt.TopLevelMixin | None]] = {
    "pipeline": pipeline_chart,
    "hashtags": hashtags_chart,
    "reach": reach_chart,
    "early": early_chart,
    "irony": irony_chart,
    "advocacy:calendar": advocacy_calendar_chart,
    "advocacy:balance": advocacy_balance_chart,
}


_SVG_ELEMENTS = frozenset({
    "svg", "g", "path", "rect", "line", "text", "tspan", "circle", "ellipse", "polygon", "polyline", "defs",
    "clippath", "title", "desc", "lineargradient", "radialgradient", "stop", "mask", "pattern", "marker", "symbol",
    "use",
})
_URL = re.compile(r"url\(\s*['\"]?([^)'\"]*)", re.IGNORECASE)


class _SvgCheck(html.parser.HTMLParser):
    """Refuse an SVG with anything beyond drawing: a script, an event handler, a link or a resource from elsewhere."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SVG_ELEMENTS:
            self.problems.append(f"element {tag}")
        for name, value in attrs:
            text = (value or "").strip()
            squeezed = re.sub(r"\s+", "", text).lower()
            if name.startswith("on") or "javascript:" in squeezed or "expression(" in squeezed or "@import" in squeezed:
                self.problems.append(f"attribute {name}")
            if name in ("href", "xlink:href", "src") and not text.startswith("#"):
                self.problems.append(f"reference {name}")
            if any(not url.strip().startswith("#") for url in _URL.findall(text)):
                self.problems.append(f"url in {name}")

    handle_startendtag = handle_starttag

    def handle_decl(self, decl: str) -> None:
        self.problems.append("declaration")

    def handle_pi(self, data: str) -> None:
        self.problems.append("processing instruction")

    def unknown_decl(self, data: str) -> None:
        self.problems.append("declaration")


def safe_svg(svg: str, prefix: str = "") -> str:
    """An SVG made fit to inline in the plan: no XML declaration, its ids made unique with ``prefix``.

    Raises
    ------
    ValueError
        When the SVG holds more than a drawing (see :class:`_SvgCheck`): it is left out then.
    """
    text = re.sub(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?", "", svg, flags=re.IGNORECASE)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    if not text.startswith("<svg"):
        raise ValueError("Not an SVG drawing.")
    check = _SvgCheck()
    check.feed(text)
    check.close()
    if check.problems:
        raise ValueError(f"The SVG holds more than a drawing: {', '.join(sorted(set(check.problems)))}.")
    if prefix:
        text = re.sub(r'(\sid=")([^"]+)"', lambda m: f'{m.group(1)}{prefix}{m.group(2)}"', text)
        text = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", text)
        text = re.sub(r'(\s(?:xlink:)?href=")#([^"]+)"', lambda m: f'{m.group(1)}#{prefix}{m.group(2)}"', text)
    return text


# Characters XML does not allow, and the other control characters. vl-convert aborts the whole
# process (a Rust panic that cannot unwind, so no exception) on a text holding one of the first,
# so none may reach it.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _drawable(value: object) -> object:
    """A workbook (or a part of it) whose texts hold only characters an SVG can hold."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{field.name: _drawable(getattr(value, field.name))
                                             for field in dataclasses.fields(value) if field.init})
    if isinstance(value, tuple):
        return tuple(_drawable(item) for item in value)
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    return value


def _check_drawable(spec: object) -> None:
    """Raise ``ValueError`` when a chart's spec holds a text that would crash vl-convert."""
    stack = [spec]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, str) and _NOT_XML.search(item):
            raise ValueError("The chart holds a character that an SVG cannot hold.")


def _charts_html(step: str, book: Workbook, ctx: _Context, counter: list[int]) -> list[str]:
    """Each chart of a step as an inline SVG figure; a chart that fails becomes a note (and a log entry).

    ``book`` must be :func:`_drawable` already.
    """
    parts = []
    for key, builder in CHARTS.items():
        if key != step and not key.startswith(step + ":"):
            continue
        try:
            chart = builder(book, ctx.lang)
            if chart is None:
                continue
            _check_drawable(chart.to_dict(validate=False))
            counter[0] += 1
            svg = safe_svg(charts.chart_image(chart, "svg").decode("utf-8"), f"plan{counter[0]}-")
        except Exception:  # noqa: BLE001 - a chart that cannot be drawn is left out, never a traceback
            log.exception("the plan's chart %s could not be drawn", key)
            parts.append(f"<p class='note'>{html_text(ctx.t('plan.chart_failed'))}</p>")
            continue
        parts.append(f"<figure class='chart'>{svg}</figure>")
    return parts


# --- HTML -------------------------------------------------------------------------------------
_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 15px; line-height: 1.45;
       color: #111; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem;
       overflow-wrap: break-word; }
h1 { font-size: 1.8em; margin: 0 0 .2em; }
.meta { color: #444; margin: 0; }
header { margin-bottom: 1.2em; }
section { border-top: 2px solid #1f77b4; margin-top: 1.4em; padding-top: .3em; }
h2 { font-size: 1.3em; margin: .3em 0 .5em; }
h3 { font-size: 1em; margin: .9em 0 .3em; }
p { margin: .4em 0; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: .25em .5em; border-bottom: 1px solid #ccc;
         overflow-wrap: anywhere; hyphens: auto; }
thead th { border-bottom: 2px solid #888; }
table.fields th { width: 32%; font-weight: 600; }
ul, ol { margin: .3em 0 .8em; padding-left: 1.4em; }
.note { color: #555; font-size: .92em; }
.empty { color: #666; font-style: italic; }
figure.chart { margin: .8em 0; }
figure.chart svg { max-width: 100%; height: auto; }
footer { margin-top: 2em; padding-top: .5em; border-top: 1px solid #ccc; color: #555; font-size: .9em; }
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
@media print {
  body { font-size: 11pt; color: #000; background: #fff; max-width: none; margin: 0; padding: 0; }
  section { border-top: 1pt solid #000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, tr, ul, ol { break-inside: avoid; page-break-inside: avoid; }
  .note, .empty, .meta, footer { color: #000; }
}
"""


def _block_html(block: object, ctx: _Context) -> str:
    title = f"<h3>{html_text(block.title)}</h3>" if getattr(block, "title", "") else ""
    if isinstance(block, _Para):
        css = f" class='{block.style}'" if block.style else ""
        return f"<p{css}>{html_text(block.text)}</p>"
    if isinstance(block, _Fields):
        rows = []
        for label, value in block.rows:
            cell = (f"<td>{html_text(value)}</td>" if _clean(value)
                    else f"<td class='empty'>{html_text(ctx.t('plan.not_filled'))}</td>")
            rows.append(f"<tr><th scope='row'>{html_text(label)}</th>{cell}</tr>")
        return f"{title}<table class='fields'><tbody>{''.join(rows)}</tbody></table>"
    if isinstance(block, _Items):
        tag = "ol" if block.ordered else "ul"
        return f"{title}<{tag}>{''.join(f'<li>{html_text(item)}</li>' for item in block.items)}</{tag}>"
    if isinstance(block, _Table):
        head = "".join(f"<th scope='col'>{html_text(cell)}</th>" for cell in block.head)
        body = "".join("<tr>" + "".join(f"<td>{html_text(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return f"{title}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    raise TypeError(f"Not a block of the plan: {block!r}")  # pragma: no cover


def to_html(workbook: Workbook, lang: str = "nl", today: _dt.date | None = None) -> str:
    """The team's plan as one standalone HTML page, ready to print (A4) or to keep.

    Parameters
    ----------
    workbook : Workbook
        The team's workbook.
    lang : {"nl", "en"}
        Language of the plan's own texts (the team's texts stay as typed).
    today : datetime.date, optional
        The day the plan is written (default today): its date, and the school year the pipeline
        counts from.

    Returns
    -------
    str
        An HTML document with an inline style sheet and inline SVG charts; no script and nothing
        loaded from elsewhere. A step the team did not fill in says so.
    """
    ctx = _Context(check_language(lang), today or _dt.date.today())
    token = _TODAY.set(ctx.today)
    try:
        title, lines = _heading(workbook, ctx)
        counter, drawable = [0], _drawable(workbook)
        plain_title = html.escape(_clean(title).replace("\n", " "), quote=True)
        parts = [f"<!DOCTYPE html>\n<html lang='{ctx.lang}'>\n<head>\n<meta charset='utf-8'>\n"
                 f"<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
                 f"<title>{plain_title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<header>"
                 f"<h1>{html_text(title)}</h1>"
                 + "".join(f"<p class='meta'>{html_text(line)}</p>" for line in lines) + "</header>\n"]
        for section in _outline(workbook, ctx):
            body = "".join(_block_html(block, ctx) for block in section.blocks)
            figures = "".join(_charts_html(section.step, drawable, ctx, counter)) if section.filled else ""
            parts.append(f"<section id='step-{section.step}'><h2>{section.number}. {html_text(section.title)}</h2>"
                         f"{body}{figures}</section>\n")
        parts.append(f"<footer><p>{html_text(ctx.t('plan.made_with'))}</p></footer>\n</body>\n</html>\n")
        return "".join(parts)
    finally:
        _TODAY.reset(token)


# --- Markdown ---------------------------------------------------------------------------------
def _indent(text: str) -> str:
    """Continue a list item's text on its next lines."""
    return text.replace("\n", "\n  ")


def _block_md(block: object, ctx: _Context) -> str:
    title = f"**{md_escape(block.title, breaks=False)}**\n\n" if getattr(block, "title", "") else ""
    if isinstance(block, _Para):
        text = md_escape(block.text)
        return f"*{text}*" if block.style else text
    if isinstance(block, _Fields):
        lines = []
        for label, value in block.rows:
            shown = _indent(md_escape(value)) if _clean(value) else f"*{md_escape(ctx.t('plan.not_filled'))}*"
            lines.append(f"- **{md_escape(label, breaks=False)}:** {shown}")
        return title + "\n".join(lines)
    if isinstance(block, _Items):
        marks = [f"{number}." if block.ordered else "-" for number in range(1, len(block.items) + 1)]
        return title + "\n".join(f"{mark} {_indent(md_escape(item))}" for mark, item in zip(marks, block.items,
                                                                                           strict=True))
    if isinstance(block, _Table):
        def row(cells: tuple[str, ...]) -> str:
            return "| " + " | ".join(md_escape(cell, breaks=False) or " " for cell in cells) + " |"

        lines = [row(block.head), "|" + "|".join(" --- " for _ in block.head) + "|", *(row(r) for r in block.rows)]
        return title + "\n".join(lines)
    raise TypeError(f"Not a block of the plan: {block!r}")  # pragma: no cover


def to_markdown(workbook: Workbook, lang: str = "nl", today: _dt.date | None = None) -> str:
    """The team's plan as Markdown: the same sections and texts as :func:`to_html`, without charts.

    Parameters
    ----------
    workbook : Workbook
        The team's workbook.
    lang : {"nl", "en"}
        Language of the plan's own texts.
    today : datetime.date, optional
        The day the plan is written (default today).

    Returns
    -------
    str
        CommonMark with GitHub tables. Every text is escaped with :func:`md_escape`.
    """
    ctx = _Context(check_language(lang), today or _dt.date.today())
    title, lines = _heading(workbook, ctx)
    parts = [f"# {md_escape(title, breaks=False)}", "\n\n".join(md_escape(line) for line in lines)]
    for section in _outline(workbook, ctx):
        parts.append(f"## {section.number}. {md_escape(section.title, breaks=False)}")
        parts.extend(_block_md(block, ctx) for block in section.blocks)
    parts.append("---")
    parts.append(f"*{md_escape(ctx.t('plan.made_with'))}*")
    return "\n\n".join(parts) + "\n"
