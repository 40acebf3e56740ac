"""The talent pipeline: which pupils of today can be a company's interns in which school year."""

from __future__ import annotations

import datetime as _dt
import functools
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from toolkit.i18n import TextError, format_school_year, t

DATA = Path(__file__).resolve().parent / "data"

#: Tracks a cohort of today can be in.
TRACKS = ("vmbo-b", "vmbo-k", "vmbo-g", "vmbo-t", "havo", "vwo", "mbo-2", "mbo-3", "mbo-4")
#: Internships the planner knows, in the order of the school career.
INTERNSHIPS = ("mbo-bpv", "mbo-bbl", "hbo-snuffelstage", "hbo-meeloopstage", "hbo-afstudeerstage")
#: Educations an internship can be in (mbo levels, hbo).
EDUCATIONS = ("mbo-1", "mbo-2", "mbo-3", "mbo-4", "hbo")
#: School years the model accepts (named by the calendar year they start in).
FIRST_SCHOOL_YEAR, LAST_SCHOOL_YEAR = 2015, 2060
#: Largest number of interns a year the planner accepts.
MAX_INTERNS = 100_000

_VO = ("vmbo-b", "vmbo-k", "vmbo-g", "vmbo-t", "havo", "vwo")
_MBO = ("mbo-1", "mbo-2", "mbo-3", "mbo-4")


@functools.cache
def _read_table(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", dtype={"grades": str}, keep_default_na=False, na_values=[""])


def load_table(name: str) -> pd.DataFrame:
    """Read one shipped data table (``toolkit/data/<name>.csv``).

    The file is read once; each call returns a fresh copy, so a caller may change it freely.
    """
    return _read_table(name).copy()


@functools.cache
def _track_info() -> dict[str, tuple[int, int]]:
    """Track -> (years, typical age during the first course year)."""
    tracks = _read_table("tracks")
    return {r.track: (int(r.years), int(r.age_in_first_year)) for r in tracks.itertuples()}


def track_years(track: str) -> int:
    """Length in years of a track or education."""
    return _track_info()[track][0]


@dataclass(frozen=True)
class Assumptions:
    """Every share the model uses; sourced ones from ``toolkit/data``, the rest assumptions.

    Attributes
    ----------
    to_mbo : dict
        Share of each vmbo track's graduates that goes on to mbo.
    vmbo_to_havo : float
        Share of vmbo-g/t graduates that goes on to havo year 4.
    mbo4_share : dict
        Share of each vmbo track's mbo-starters that starts at level 4 (the rest at level 3;
        vmbo-b all at level 2). No source: an assumption the participant can change.
    havo_to_hbo, vwo_to_wo, vwo_to_hbo, mbo4_to_hbo : float
        Direct transition shares.
    bbl_share : float
        Share of mbo students in work-based learning (bbl); the rest is school-based (bol).
    """

    to_mbo: dict = field(default_factory=dict)
    vmbo_to_havo: float = 0.0
    mbo4_share: dict = field(default_factory=dict)
    havo_to_hbo: float = 0.0
    vwo_to_wo: float = 0.0
    vwo_to_hbo: float = 0.0
    mbo4_to_hbo: float = 0.0
    bbl_share: float = 0.0

    def __hash__(self) -> int:
        # The dict fields make the generated hash fail; the repr holds every share.
        return hash(repr(self))

    def with_changes(self, **changes) -> Assumptions:
        """A copy with some shares changed; every share must lie between 0 and 1."""
        changed = replace(self, **changes)
        changed.validate()
        return changed

    def validate(self) -> None:
        """Raise ``TextError`` (``pipeline.bad_share``) unless every share lies in 0..1 and each split adds up."""
        values = [self.vmbo_to_havo, self.havo_to_hbo, self.vwo_to_wo, self.vwo_to_hbo, self.mbo4_to_hbo,
                  self.bbl_share, *self.to_mbo.values(), *self.mbo4_share.values()]
        if not all(isinstance(v, (int, float)) and math.isfinite(v) and 0 <= v <= 1 for v in values):
            raise TextError("pipeline.bad_share")
        if self.vwo_to_wo + self.vwo_to_hbo > 1:
            raise TextError("pipeline.bad_share")
        for track in ("vmbo-g", "vmbo-t"):
            if self.to_mbo.get(track, 0) + self.vmbo_to_havo > 1:
                raise TextError("pipeline.bad_share")


def default_assumptions() -> Assumptions:
    """The shares from the shipped data tables (see ``toolkit/data/SOURCES.md``)."""
    flows = load_table("transitions")
    share = {(r.from_track, r.to_track): float(r.share) for r in flows.itertuples()}
    levels = load_table("mbo_levels")
    mbo4 = {r.from_track: float(r.share) for r in levels.itertuples() if r.mbo_level == "mbo-4"}
    mbo4["vmbo-b"] = 0.0
    modes = load_table("mbo_modes").set_index("mode")["students"].astype(float)
    return Assumptions(
        to_mbo={t: share[(t, "mbo")] for t in ("vmbo-b", "vmbo-k", "vmbo-g", "vmbo-t")},
        vmbo_to_havo=share[("vmbo-g", "havo")],
        mbo4_share=mbo4,
        havo_to_hbo=share[("havo", "hbo")],
        vwo_to_wo=share[("vwo", "wo")],
        vwo_to_hbo=share[("vwo", "hbo")],
        mbo4_to_hbo=share[("mbo-4", "hbo")],
        bbl_share=modes["bbl"] / modes.sum(),
    )


def current_school_year(today: _dt.date | None = None) -> int:
    """The school year running on ``today`` (a Dutch school year starts in August or September)."""
    today = today or _dt.date.today()
    return today.year if today.month >= 8 else today.year - 1


def _check_school_year(school_year) -> int:
    if isinstance(school_year, bool) or not isinstance(school_year, (int, float)) or not math.isfinite(school_year) \
            or int(school_year) != school_year or not FIRST_SCHOOL_YEAR <= school_year <= LAST_SCHOOL_YEAR:
        raise TextError("pipeline.bad_school_year", first=FIRST_SCHOOL_YEAR, last=LAST_SCHOOL_YEAR,
                        value=str(school_year)[:20])
    return int(school_year)


def _check_cohort(track: str, grade) -> int:
    if track not in TRACKS:
        raise TextError("pipeline.bad_track", value=str(track)[:40], tracks=", ".join(TRACKS))
    years = track_years(track)
    if isinstance(grade, bool) or not isinstance(grade, (int, float)) or not math.isfinite(grade) \
            or int(grade) != grade or not 1 <= grade <= years:
        raise TextError("pipeline.bad_grade", track=track, years=years, value=str(grade)[:20])
    return int(grade)


def age_in(track: str, grade: int) -> int:
    """Typical age a pupil reaches during course year ``grade`` of ``track``."""
    return _track_info()[track][1] + grade - 1


@dataclass(frozen=True)
class _Leg:
    education: str
    first_course_year: int  # the course year the cohort is in when it enters (or today)
    first_school_year: int
    share: float
    route: tuple[str, ...]

    @property
    def years(self) -> int:
        return track_years(self.education)

    def school_year_of(self, course_year: int) -> int:
        return self.first_school_year + course_year - self.first_course_year

    @property
    def next_school_year(self) -> int:
        """The school year after the last one: when the next education starts."""
        return self.school_year_of(self.years) + 1


def _next_legs(leg: _Leg, a: Assumptions) -> list[_Leg]:
    start = leg.next_school_year
    edu = leg.education

    def to(education: str, share: float, course_year: int = 1) -> _Leg:
        return _Leg(education, course_year, start, leg.share * share, leg.route + (education,))

    if edu in ("vmbo-b", "vmbo-k", "vmbo-g", "vmbo-t"):
        legs = []
        mbo = a.to_mbo.get(edu, 0.0)
        if edu == "vmbo-b":
            legs.append(to("mbo-2", mbo))
        else:
            legs.append(to("mbo-4", mbo * a.mbo4_share.get(edu, 0.0)))
            legs.append(to("mbo-3", mbo * (1 - a.mbo4_share.get(edu, 0.0))))
        if edu in ("vmbo-g", "vmbo-t"):
            legs.append(to("havo", a.vmbo_to_havo, course_year=4))
        return legs
    if edu == "havo":
        return [to("hbo", a.havo_to_hbo)]
    if edu == "vwo":
        return [to("wo", a.vwo_to_wo), to("hbo", a.vwo_to_hbo)]
    if edu == "mbo-4":
        return [to("hbo", a.mbo4_to_hbo)]
    return []


def _legs(track: str, grade: int, school_year: int, a: Assumptions) -> list[_Leg]:
    todo = [_Leg(track, grade, school_year, 1.0, (track,))]
    legs = []
    while todo:
        leg = todo.pop(0)
        legs.append(leg)
        todo.extend(nxt for nxt in _next_legs(leg, a) if nxt.share > 0)
    return legs


@functools.cache
def _internship_rules() -> tuple[tuple[str, str, str, int, int | None], ...]:
    """(internship, education, mode, first course year, last course year or None for the last)."""
    table = _read_table("internships")
    return tuple((row.internship, row.education, row.mode if isinstance(row.mode, str) else "",
                  int(row.first_course_year), None if row.last_course_year == "last" else int(row.last_course_year))
                 for row in table.itertuples())


def _internships_in(leg: _Leg, a: Assumptions) -> list[tuple[str, int, int, float]]:
    """(internship, first course year, last course year, share) possible in one leg.

    The rules come from ``toolkit/data/internships.csv``; a course shorter than an internship's
    first year (the one-year mbo entree) has it in its last year. The share of an mbo
    internship is the share of students in its mode (bol or bbl).
    """
    n = leg.years
    kind = "mbo" if leg.education in _MBO else leg.education
    shares = {"bol": 1 - a.bbl_share, "bbl": a.bbl_share, "": 1.0}
    windows = []
    for internship, education, mode, first, last in _internship_rules():
        if education == kind:
            last = n if last is None else min(last, n)
            windows.append((internship, min(first, last), last, shares[mode]))
    return windows


def internship_windows(track: str, grade: int, school_year: int, *, assumptions: Assumptions | None = None
                       ) -> pd.DataFrame:
    """When a cohort of today can be an intern, on which route, with what chance.

    Parameters
    ----------
    track : str
        One of :data:`TRACKS`, e.g. ``"vmbo-t"``.
    grade : int
        The course year the cohort is in now (1 to the track's length).
    school_year : int
        The school year now, named by the calendar year it starts in (2026 = 2026/27).
    assumptions : Assumptions, optional
        Shares to use; default :func:`default_assumptions`.

    Returns
    -------
    pandas.DataFrame
        One row per internship per route: ``internship``, ``education`` (e.g. ``mbo-4``),
        ``route`` (e.g. ``vmbo-t → mbo-4``), ``first_school_year``, ``last_school_year``,
        ``share`` (chance that a pupil of the cohort follows that route and form, 0..1),
        ``age_at_start`` (typical age during the first school year of the window).
        Windows that lie wholly before ``school_year`` are left out.

    Raises
    ------
    ValueError
        For an unknown track, a grade outside the track or a school year outside
        :data:`FIRST_SCHOOL_YEAR`..:data:`LAST_SCHOOL_YEAR`.
    """
    grade = _check_cohort(track, grade)
    school_year = _check_school_year(school_year)
    return _windows(track, grade, school_year, assumptions or default_assumptions()).copy()


@functools.lru_cache(maxsize=4096)
def _windows(track: str, grade: int, school_year: int, a: Assumptions) -> pd.DataFrame:
    age_now = age_in(track, grade)
    rows = []
    for leg in _legs(track, grade, school_year, a):
        for internship, first, last, form_share in _internships_in(leg, a):
            first = max(first, leg.first_course_year)
            if first > last:
                continue
            first_year, last_year = leg.school_year_of(first), leg.school_year_of(last)
            rows.append({
                "internship": internship,
                "education": leg.education,
                "route": " → ".join(leg.route),
                "first_school_year": first_year,
                "last_school_year": last_year,
                "share": leg.share * form_share,
                "age_at_start": age_now + first_year - school_year,
            })
    columns = ["internship", "education", "route", "first_school_year", "last_school_year", "share", "age_at_start"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["first_school_year", "internship", "route"], ignore_index=True)


def education_timeline(track: str, grade: int, school_year: int, *, assumptions: Assumptions | None = None
                       ) -> pd.DataFrame:
    """Each education a cohort of today can be in, with its school years and route share."""
    grade = _check_cohort(track, grade)
    school_year = _check_school_year(school_year)
    a = assumptions or default_assumptions()
    rows = [{"education": leg.education, "route": " → ".join(leg.route),
             "first_school_year": leg.first_school_year, "last_school_year": leg.next_school_year - 1,
             "share": leg.share} for leg in _legs(track, grade, school_year, a)]
    return pd.DataFrame(rows)


@functools.lru_cache(maxsize=64)
def _all_windows(now: int, a: Assumptions) -> pd.DataFrame:
    """Internship windows of every cohort of today, in track order."""
    frames = [_windows(track, grade, now, a).assign(track=track, grade=grade)
              for track in TRACKS for grade in range(1, track_years(track) + 1)]
    return pd.concat(frames, ignore_index=True)


@functools.cache
def _cohort_sizes() -> pd.DataFrame:
    return cohort_sizes()


def cohort_sizes() -> pd.DataFrame:
    """National pupils per track and course year, from the shipped counts.

    A count for several course years is spread evenly over them (an assumption). For vmbo,
    havo and vwo years 1-2 (the undivided lower years) no split by track exists: those
    cohorts are assumed as large as the track's upper years. Column ``assumed`` is true
    where a size rests on such an assumption beyond the even spread.
    """
    pupils = load_table("pupils").set_index("track")
    rows = []
    for track in TRACKS:
        years = track_years(track)
        first, last = (int(x) for x in str(pupils.loc[track, "grades"]).split("-"))
        per_year = float(pupils.loc[track, "pupils"]) / (last - first + 1)
        for grade in range(1, years + 1):
            rows.append({"track": track, "grade": grade, "pupils": per_year, "assumed": not first <= grade <= last,
                         "source": pupils.loc[track, "source"]})
    return pd.DataFrame(rows)


def _check_number(value, key: str, **params) -> float:
    """A finite int or float (not a bool or text), else ``TextError(key)``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise TextError(key, **params)
    return float(value)


def reach_needed(
    internship: str,
    interns: float,
    school_year: int,
    *,
    conversion: float,
    region_share: float = 1.0,
    educations: tuple[str, ...] | None = None,
    now: int | None = None,
    assumptions: Assumptions | None = None,
) -> pd.DataFrame:
    """How many pupils of each cohort of today a company must reach for its interns.

    Parameters
    ----------
    internship : str
        One of :data:`INTERNSHIPS`.
    interns : float
        Interns wanted in ``school_year`` (0 to :data:`MAX_INTERNS`).
    school_year : int
        The school year of the internships (from ``now`` on).
    conversion : float
        Share of reached pupils that, on the right route, ends up applying and starting
        (0 < conversion <= 1): the product of the funnel reached -> follows -> applies -> starts.
    region_share : float
        Share of the national cohort that lives in the company's region (0 < share <= 1).
    educations : tuple of str, optional
        Only internships in these educations (e.g. ``("mbo-3", "mbo-4")``); default all.
    now : int, optional
        The school year now; default the running one.
    assumptions : Assumptions, optional
        Route shares; default :func:`default_assumptions`.

    Returns
    -------
    pandas.DataFrame
        One row per cohort of today (``track``, ``grade``, ``age``) that can supply the
        internship in ``school_year``: ``share`` (chance a pupil of the cohort is on a
        route to it), ``pupils_to_reach`` (if all interns came from this cohort:
        ``interns / (share * conversion)``), ``cohort_size`` (national x region_share),
        ``feasible`` (pupils_to_reach <= cohort_size), ``size_assumed`` and ``routes``.
    """
    if internship not in INTERNSHIPS:
        raise TextError("pipeline.bad_internship", value=str(internship)[:40], internships=", ".join(INTERNSHIPS))
    interns = _check_number(interns, "pipeline.bad_interns", max=MAX_INTERNS)
    if not 0 <= interns <= MAX_INTERNS:
        raise TextError("pipeline.bad_interns", max=MAX_INTERNS)
    conversion = _check_number(conversion, "pipeline.bad_conversion")
    if not 0 < conversion <= 1:
        raise TextError("pipeline.bad_conversion")
    region_share = _check_number(region_share, "pipeline.bad_region")
    if not 0 < region_share <= 1:
        raise TextError("pipeline.bad_region")
    now = _check_school_year(current_school_year() if now is None else now)
    school_year = _check_school_year(school_year)
    if school_year < now:
        raise TextError("pipeline.past_school_year", now=now)
    if educations is not None:
        unknown = [e for e in educations if e not in EDUCATIONS]
        if unknown:
            raise TextError("pipeline.bad_education", value=str(unknown[0])[:40], educations=", ".join(EDUCATIONS))
    windows = _all_windows(now, assumptions or default_assumptions())
    hit = windows[(windows["internship"] == internship)
                  & (windows["first_school_year"] <= school_year)
                  & (windows["last_school_year"] >= school_year)]
    if educations is not None:
        hit = hit[hit["education"].isin(educations)]
    sizes = _cohort_sizes().set_index(["track", "grade"])
    rows = []
    for (track, grade), group in hit.groupby(["track", "grade"], sort=False):
        share = float(group["share"].sum())
        if share <= 0:
            continue
        size = sizes.loc[(track, grade)]
        cohort = float(size["pupils"]) * region_share
        to_reach = interns / (share * conversion)
        rows.append({
            "track": track, "grade": int(grade), "age": age_in(track, int(grade)),
            "share": share, "pupils_to_reach": to_reach, "cohort_size": cohort,
            "feasible": to_reach <= cohort, "size_assumed": bool(size["assumed"]),
            "routes": "; ".join(sorted(set(group["route"]))),
        })
    columns = ["track", "grade", "age", "share", "pupils_to_reach", "cohort_size", "feasible", "size_assumed", "routes"]
    return pd.DataFrame(rows, columns=columns)


def parse_interns(text: str) -> int:
    """Read a number of interns as a participant typed it.

    Parameters
    ----------
    text : str
        Digits only, such as ``"3"``; spaces around them are ignored.

    Returns
    -------
    int
        A number from 1 to :data:`MAX_INTERNS`.

    Raises
    ------
    TextError
        ``planner.interns_not_a_number``, ``planner.interns_zero`` or ``pipeline.bad_interns``.
    """
    raw = str(text or "").strip()
    if not raw.isdecimal() or len(raw) > 7:
        raise TextError("planner.interns_not_a_number", value=raw[:20])
    value = int(raw)
    if value <= 0:
        raise TextError("planner.interns_zero")
    if value > MAX_INTERNS:
        raise TextError("pipeline.bad_interns", max=MAX_INTERNS)
    return value


#: Funnel stages from reaching a pupil to an intern who starts.
FUNNEL_STAGES = ("reached", "follows", "applies", "starts")


def conversion_of(follows: float, applies: float, starts: float) -> float:
    """Overall conversion from the funnel's step rates (each 0..1): reached -> starts."""
    rates = [_check_number(r, "pipeline.bad_conversion") for r in (follows, applies, starts)]
    if not all(0 < r <= 1 for r in rates):
        raise TextError("pipeline.bad_conversion")
    return rates[0] * rates[1] * rates[2]


def funnel(interns: float, follows: float, applies: float, starts: float) -> pd.DataFrame:
    """Pupils needed at each funnel stage for ``interns`` who start (pupils on the right route).

    Returns
    -------
    pandas.DataFrame
        Columns ``stage`` (:data:`FUNNEL_STAGES`) and ``pupils``; the last stage equals ``interns``.
    """
    conversion_of(follows, applies, starts)  # checks the rates
    interns = _check_number(interns, "pipeline.bad_interns", max=MAX_INTERNS)
    starting = interns
    applying = starting / starts
    following = applying / applies
    reached = following / follows
    return pd.DataFrame({"stage": list(FUNNEL_STAGES), "pupils": [reached, following, applying, starting]})


def timeline(cohorts: list[tuple[str, int]], now: int, *, assumptions: Assumptions | None = None,
             internships: tuple[str, ...] = INTERNSHIPS) -> pd.DataFrame:
    """Tidy data for the timeline chart: educations and internship windows per cohort of today.

    Returns
    -------
    pandas.DataFrame
        Columns ``cohort`` (track and course year), ``track``, ``grade``, ``age``, ``layer``
        (``education`` or ``internship``), ``name``, ``route``, ``start`` and ``end`` (school
        years; ``end`` is exclusive) and ``share``.
    """
    a = assumptions or default_assumptions()
    rows = []
    for track, grade in cohorts:
        age = age_in(track, grade)
        label = f"{track} {grade}"
        for leg in education_timeline(track, grade, now, assumptions=a).itertuples():
            rows.append({"cohort": label, "track": track, "grade": grade, "age": age, "layer": "education",
                         "name": leg.education, "route": leg.route, "start": leg.first_school_year,
                         "end": leg.last_school_year + 1, "share": leg.share})
        w = internship_windows(track, grade, now, assumptions=a)
        w = w[w["internship"].isin(internships)]
        for item in w.groupby(["internship", "first_school_year", "last_school_year"], as_index=False).agg(
                share=("share", "sum"), route=("route", "; ".join)).itertuples():
            rows.append({"cohort": label, "track": track, "grade": grade, "age": age, "layer": "internship",
                         "name": item.internship, "route": item.route, "start": item.first_school_year,
                         "end": item.last_school_year + 1, "share": item.share})
    columns = ["cohort", "track", "grade", "age", "layer", "name", "route", "start", "end", "share"]
    return pd.DataFrame(rows, columns=columns)


def first_chance(track: str, grade: int, internship: str, now: int, *, assumptions: Assumptions | None = None
                 ) -> tuple[int, list[str]] | None:
    """First school year a cohort of today can do ``internship``, and in which educations."""
    w = internship_windows(track, grade, now, assumptions=assumptions)
    w = w[w["internship"] == internship]
    if w.empty:
        return None
    first = int(w["first_school_year"].min())
    return first, sorted(set(w.loc[w["first_school_year"] == first, "education"]))


def explain_cohort(track: str, grade: int, internship: str, now: int, *, lang: str | None = None,
                   assumptions: Assumptions | None = None) -> str | None:
    """One plain sentence: from when a cohort of today can do an internship with the company."""
    chance = first_chance(track, grade, internship, now, assumptions=assumptions)
    if chance is None:
        return None
    first, educations = chance
    return t("pipeline.sentence", lang=lang, age=age_in(track, grade), track=track, grade=grade,
             year=format_school_year(first), internship=t(f"internship.{internship}", lang=lang),
             educations=", ".join(educations))


def summarize_offer(plan: pd.DataFrame) -> dict | None:
    """The answer for one offer, from its rows of a plan: whom to reach now, and is it enough.

    Parameters
    ----------
    plan : pandas.DataFrame
        The rows of one offer, as :func:`reach_needed` gives them per school year (columns
        ``school_year``, ``track``, ``grade``, ``age``, ``pupils_to_reach``, ``feasible``).

    Returns
    -------
    dict or None
        For the offer's first school year: ``school_year``; ``best`` (the group of today that
        needs the fewest pupils reached: ``track``, ``grade``, ``age``, ``pupils_to_reach``);
        ``others_low`` and ``others_high`` (the same for the other groups, or None); ``ages``
        (sorted); ``groups`` (every group of that year, "vmbo-k 3"); and over all years of
        the offer ``short`` (groups that have fewer pupils in the region than must be reached).
        None when no group of today can do the internship in those years.
    """
    if plan.empty:
        return None
    first = int(plan["school_year"].min())
    year = plan[plan["school_year"] == first].sort_values(["pupils_to_reach", "age", "track", "grade"])
    best, others = year.iloc[0], year.iloc[1:]
    short = plan[~plan["feasible"].astype(bool)][["track", "grade"]].drop_duplicates()
    return {
        "school_year": first,
        "best": {"track": best["track"], "grade": int(best["grade"]), "age": int(best["age"]),
                 "pupils_to_reach": float(best["pupils_to_reach"])},
        "others_low": float(others["pupils_to_reach"].min()) if len(others) else None,
        "others_high": float(others["pupils_to_reach"].max()) if len(others) else None,
        "ages": sorted({int(age) for age in year["age"]}),
        "groups": [f"{row.track} {int(row.grade)}" for row in year.itertuples()],
        "short": [f"{row.track} {int(row.grade)}" for row in short.itertuples()],
    }
