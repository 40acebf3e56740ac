"""Write the golden TikTok exports for tests/test_analytics.py: one file per quirk.

Run ``python tests/golden/make_golden.py`` from the repository root; the files are committed.
Every figure is invented (toolkit.samples, fixed seeds).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd

from toolkit.samples import csv_bytes, sample_tables, zip_bytes

HERE = Path(__file__).resolve().parent
#: Export dates of the variants: the year crossing ends on 20 January, so its 60 days start in November.
EXPORTED = dt.date(2026, 10, 31)
NEW_YEAR = dt.date(2027, 1, 20)


def files() -> dict[str, bytes]:
    en = sample_tables(EXPORTED, language="en")
    nl = sample_tables(EXPORTED, language="nl", seed=8)
    cross = sample_tables(NEW_YEAR, language="nl", seed=9)
    out = {
        "en_overview.zip": zip_bytes({"Overview.csv": csv_bytes(en["Overview.csv"])}, EXPORTED),
        "en_followers.zip": zip_bytes({n: csv_bytes(en[n]) for n in (
            "FollowerHistory.csv", "FollowerActivity.csv", "FollowerGender.csv", "FollowerTopTerritories.csv")},
            EXPORTED),
        "en_content.zip": zip_bytes({"Content.csv": csv_bytes(en["Content.csv"])}, EXPORTED),
        "nl_viewers.zip": zip_bytes({"Viewers.csv": csv_bytes(nl["Viewers.csv"])}, EXPORTED),
        "nl_overview.csv": csv_bytes(nl["Overview.csv"]),
        "no_bom_overview.csv": csv_bytes(en["Overview.csv"], bom=False),
        "new_year_overview.zip": zip_bytes({"Overview.csv": csv_bytes(cross["Overview.csv"])}, NEW_YEAR),
        "iso_dates_history.csv": csv_bytes(en["FollowerHistory.csv"].assign(
            Date=[(EXPORTED - dt.timedelta(days=61 - i)).isoformat() for i in range(60)])),
    }
    greek = en["Overview.csv"].copy()
    greek.loc[0, "Date"] = "Αυγούστου 9"
    out["greek_month_overview.csv"] = csv_bytes(greek)
    broken = en["Overview.csv"].copy()
    broken.loc[5, "Likes"] = "12 likes"
    out["bad_number_overview.csv"] = csv_bytes(broken)
    meta = pd.DataFrame({"Date": ["2026-10-01"], "Reach": ["100"], "Impressions": ["150"]})
    out["meta_overview.zip"] = zip_bytes({"Overview.csv": csv_bytes(meta)}, EXPORTED)
    out["empty_overview.csv"] = b""
    out["corrupt.zip"] = zip_bytes({"Overview.csv": csv_bytes(en["Overview.csv"])}, EXPORTED)[:120]
    out["no_tiktok_files.zip"] = zip_bytes({"readme.txt": b"hello"}, EXPORTED)
    out["picture.png"] = b"\x89PNG\r\n\x1a\n" + bytes(64)
    return out


def write_xlsx(path: Path) -> None:
    table = sample_tables(EXPORTED, language="en")["Overview.csv"]
    buffer = io.BytesIO()
    table.to_excel(buffer, index=False)
    path.write_bytes(buffer.getvalue())


if __name__ == "__main__":
    for name, data in files().items():
        (HERE / name).write_bytes(data)
    write_xlsx(HERE / "en_overview.xlsx")
    print(f"wrote {len(files()) + 1} golden files to {HERE}")
