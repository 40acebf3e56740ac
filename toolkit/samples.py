"""Write an invented TikTok Studio export, in the real format, for workshops and tests.

Run ``python -m toolkit.samples`` to (re)make ``toolkit/data/sample_export/``. Every figure in
it is made up by a seeded random generator: it shows how the tools work, not how TikTok works.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import io
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

SAMPLE_DIR = Path(__file__).resolve().parent / "data" / "sample_export"
SAMPLE_DATE = _dt.date(2026, 10, 31)
#: The label every sample carries, in its file names and its video titles.
LABEL = "VERZONNEN VOORBEELD / INVENTED SAMPLE"

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december"]


def month_day(day: _dt.date, language: str = "en") -> str:
    """A date the way the export writes it: "August 9" (en) or "9 augustus" (nl)."""
    if language == "nl":
        return f"{day.day} {NL_MONTHS[day.month - 1]}"
    return f"{EN_MONTHS[day.month - 1]} {day.day}"


def sample_tables(exported_on: _dt.date = SAMPLE_DATE, days: int = 60, seed: int = 7,
                  language: str = "en") -> dict[str, pd.DataFrame]:
    """The export's CSV tables as strings, exactly as TikTok Studio writes them."""
    rng = np.random.default_rng(seed)
    dates = [exported_on - _dt.timedelta(days=2 + i) for i in range(days)][::-1]  # data lags ~2 days
    labels = [month_day(d, language) for d in dates]
    posted = rng.random(days) < 0.25
    views = (rng.lognormal(5.2, 0.6, days) + posted * rng.lognormal(6.5, 1.0, days)).round().astype(int)
    overview = pd.DataFrame({
        "Date": labels,
        "Video Views": views,
        "Profile Views": (views * rng.uniform(0.02, 0.06, days)).round().astype(int),
        "Likes": (views * rng.uniform(0.03, 0.09, days)).round().astype(int),
        "Comments": (views * rng.uniform(0.002, 0.01, days)).round().astype(int),
        "Shares": (views * rng.uniform(0.001, 0.006, days)).round().astype(int),
    }).astype(str)
    overview.loc[days - 1, "Profile Views"] = "undefined"  # real exports write this for a missing number
    gained = rng.poisson(2 + posted * 6)
    followers = 310 + np.cumsum(gained)
    history = pd.DataFrame({"Date": labels, "Followers": followers,
                            "Difference in followers from previous day": gained})
    new = (views * rng.uniform(0.5, 0.8, days)).round().astype(int)
    total = (views * 0.85).round()
    viewers = pd.DataFrame({"Date": labels, "Total Viewers": total.astype(int), "New Viewers": new,
                            "Returning Viewers": (total - new).clip(0).astype(int)})
    activity_days = dates[-7:]
    activity = pd.DataFrame([{"Date": month_day(d, language), "Hour": h,
                              "Active followers": int(rng.poisson(20 + 60 * (15 <= h <= 21)))}
                             for d in activity_days for h in range(24)])
    gender = pd.DataFrame({"Gender": ["Female", "Male", "Other"], "Distribution": ["0.52", "0.46", "0.02"]})
    territories = pd.DataFrame({"Top territories": ["NL", "BE", "DE"], "Distribution": ["0.91", "0.06", "0.03"]})
    titles = ["Dag 1 als stagiair: waar is de koffie?", "Zo wissel je een band (bijna) zonder vieze handen",
              "POV: de monteur legt uit wat een distributieriem is", "Onze stagiair vs. de kantoortuin",
              "Wat je écht leert op je bpv-stage", "Bloopers van deze week", "De werkplaats om 7 uur 's ochtends",
              "Vraag het de stagiair: loon, uren, sfeer", "Challenge: #garagedevrieschallenge",
              "Van vmbo naar mbo-4: mijn route", "Eerste keer zelf een APK", "Lunchpauze-quiz",
              "Onze oudste collega reageert op TikTok-trends", "Zo ziet een werkdag eruit (in 30 sec)",
              "Tips voor je sollicitatie bij ons"]
    post_days = sorted(rng.choice(days, size=len(titles), replace=False))
    content = pd.DataFrame({
        "Time": [month_day(dates[i], language) for i in post_days],
        "Video title": [f"[verzonnen] {t}" for t in titles],
        "Video link": [f"https://www.tiktok.com/@voorbeeld/video/{7_000_000_000_000_000_000 + i}"
                       for i in range(len(titles))],
        "Post time": [f"{dates[i].isoformat()} {int(rng.integers(7, 21)):02d}:{int(rng.integers(0, 60)):02d}:00"
                      for i in post_days],
        "Total likes": rng.poisson(60, len(titles)),
        "Total comments": rng.poisson(6, len(titles)),
        "Total shares": rng.poisson(3, len(titles)),
        "Total views": rng.lognormal(7.0, 1.1, len(titles)).round().astype(int),
    }).astype(str)
    return {"Overview.csv": overview, "FollowerHistory.csv": history.astype(str),
            "FollowerActivity.csv": activity.astype(str), "FollowerGender.csv": gender,
            "FollowerTopTerritories.csv": territories, "Viewers.csv": viewers.astype(str), "Content.csv": content}


def csv_bytes(table: pd.DataFrame, bom: bool = True) -> bytes:
    """CSV as TikTok Studio writes it: UTF-8 with a byte order mark."""
    text = table.to_csv(index=False, lineterminator="\n")
    return ("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8")


ZIPS = {
    "Overview": ["Overview.csv"],
    "Followers": ["FollowerHistory.csv", "FollowerActivity.csv", "FollowerGender.csv", "FollowerTopTerritories.csv"],
    "Viewers": ["Viewers.csv"],
    "Content": ["Content.csv"],
}


def zip_bytes(files: dict[str, bytes], stamp: _dt.date) -> bytes:
    """Pack ``files`` into a zip whose entries all carry the date ``stamp`` (same bytes every run)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(stamp.year, stamp.month, stamp.day, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def write_sample(folder: Path = SAMPLE_DIR, exported_on: _dt.date = SAMPLE_DATE, **kwargs) -> list[Path]:
    """Write the four zips of an invented export into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = sample_tables(exported_on, **kwargs)
    paths = []
    for prefix, names in ZIPS.items():
        data = zip_bytes({name: csv_bytes(tables[name]) for name in names}, exported_on)
        path = folder / f"{prefix}_voorbeeld_{exported_on.isoformat()}.zip"
        path.write_bytes(data)
        paths.append(path)
    (folder / "LEESMIJ.md").write_text(
        f"# {LABEL}\n\nDeze export is verzonnen door `python -m toolkit.samples` (vaste seed). Alle "
        "cijfers zijn nep: ze laten zien hoe de workshop werkt, niet hoe TikTok werkt.\n\n"
        "This export is invented by `python -m toolkit.samples` (fixed seed). Every figure is fake.\n",
        encoding="utf-8")
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, default=SAMPLE_DIR)
    args = parser.parse_args()
    for written in write_sample(args.folder):
        print(written)
