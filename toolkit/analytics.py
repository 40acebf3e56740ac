"""Read TikTok Studio's analytics export: zips with CSV or XLSX inside, quirks and all."""

from __future__ import annotations

import datetime as _dt
import io
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from toolkit.i18n import TextError

#: Largest file (or zip) the reader accepts, in bytes.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Largest total of unpacked files inside one zip (guards against zip bombs).
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
#: Most files inside one zip.
MAX_ZIP_ENTRIES = 50
#: Most rows in one file: an export window holds about 60 days.
MAX_ROWS = 20_000

#: The export's files, recognised by their exact columns (names alone are not enough: Meta's
#: exports reuse names such as Overview.csv). Attribute name -> (file name, columns, daily?).
SCHEMAS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "overview": ("Overview", ("Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"), True),
    "follower_history": ("FollowerHistory", ("Date", "Followers", "Difference in followers from previous day"), True),
    "follower_activity": ("FollowerActivity", ("Date", "Hour", "Active followers"), True),
    "follower_gender": ("FollowerGender", ("Gender", "Distribution"), False),
    "follower_territories": ("FollowerTopTerritories", ("Top territories", "Distribution"), False),
    "viewers": ("Viewers", ("Date", "Total Viewers", "New Viewers", "Returning Viewers"), True),
    "content": ("Content", ("Time", "Video title", "Video link", "Post time", "Total likes", "Total comments",
                            "Total shares", "Total views"), False),
}
#: Columns that hold text; every other column except dates holds numbers.
TEXT_COLUMNS = {"Gender", "Top territories", "Time", "Video title", "Video link", "Post time"}

MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "oktober": 10, "mrt": 3, "okt": 10,
}


class ExportError(TextError):
    """A problem with an export file, as a sentence that names the file and what to do."""


@dataclass
class TikTokExport:
    """The tables found in an export; an attribute is ``None`` when its file was absent."""

    overview: pd.DataFrame | None = None
    follower_history: pd.DataFrame | None = None
    follower_activity: pd.DataFrame | None = None
    follower_gender: pd.DataFrame | None = None
    follower_territories: pd.DataFrame | None = None
    viewers: pd.DataFrame | None = None
    content: pd.DataFrame | None = None
    sources: dict[str, str] = field(default_factory=dict)  # attribute -> file it came from

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables that are present, by attribute name."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name != "sources" and getattr(self, f.name) is not None}

    def merge(self, other: TikTokExport) -> TikTokExport:
        """A new export with the tables of ``other`` added (``other`` wins where both have one)."""
        merged = TikTokExport(**{**self.tables(), **other.tables()})
        merged.sources = {**self.sources, **other.sources}
        return merged


def snake_case(column: str) -> str:
    """``"Video Views"`` -> ``"video_views"``."""
    return re.sub(r"[^0-9a-z]+", "_", column.strip().lower()).strip("_")


def parse_day(text: str, exported_on: _dt.date, *, file: str) -> _dt.date:
    """Parse a date as the export writes it, giving a year-less date its year.

    ISO dates (``2024-08-09``) are taken as they are. ``"August 9"``, ``"Aug 9"``,
    ``"9 augustus"`` and ``"9 aug."`` get the latest year that puts them on or before
    ``exported_on``, so a window that crosses New Year gets two years.
    """
    raw = str(text).strip()
    try:
        if re.match(r"^\d{4}-\d{2}-\d{2}", raw):
            return _dt.date.fromisoformat(raw[:10])
        return _month_day(raw, exported_on)
    except ValueError as error:
        if isinstance(error, ExportError):
            raise
        raise ExportError("export.bad_date", file=file, value=raw[:40]) from None


def _month_day(raw: str, exported_on: _dt.date) -> _dt.date:
    words = re.findall(r"[^\W\d_]+|\d+", raw.lower())
    numbers = [w for w in words if w.isdigit()]
    names = [w for w in words if not w.isdigit()]
    if len(numbers) != 1 or len(names) != 1:
        raise ValueError(raw)
    name = names[0]
    if name not in MONTHS:
        raise ExportError("export.unknown_month", file="", value=name[:30])
    month, day = MONTHS[name], int(numbers[0])
    for year in (exported_on.year, exported_on.year - 1):
        try:
            candidate = _dt.date(year, month, day)
        except ValueError:
            continue  # 29 February in a year without it
        if candidate <= exported_on:
            return candidate
    raise ValueError(raw)


def _number(value: str, *, file: str, column: str, row: int) -> float | None:
    text = str(value).strip()
    if text == "" or text.lower() == "undefined":
        return None
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1]
    try:
        number = float(cleaned)
    except ValueError:
        raise ExportError("export.bad_number", file=file, column=column, row=row, value=text[:40]) from None
    return number / 100 if percent else number


def _read_table(name: str, data: bytes) -> pd.DataFrame:
    """Read CSV or XLSX bytes into a frame of strings; ``name`` says which (by its ending)."""
    lower = name.lower()
    if not data or not data.strip():
        raise ExportError("export.empty", file=name)
    if lower.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ExportError("export.not_text", file=name) from None
        try:
            return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
        except (pd.errors.ParserError, pd.errors.EmptyDataError):
            raise ExportError("export.not_csv", file=name) from None
    if lower.endswith(".xlsx"):
        try:
            frame = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False)
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken workbook
            raise ExportError("export.not_xlsx", file=name) from None
        return frame
    raise ExportError("export.wrong_type", file=name)


def _recognise(name: str, frame: pd.DataFrame) -> str:
    columns = tuple(unicodedata.normalize("NFC", str(c)).replace("\ufeff", "").strip() for c in frame.columns)
    for attribute, (_, expected, _) in SCHEMAS.items():
        if columns == expected:
            return attribute
    raise ExportError("export.unknown_columns", file=name, columns=", ".join(columns)[:200])


def _convert(attribute: str, name: str, frame: pd.DataFrame, exported_on: _dt.date) -> pd.DataFrame:
    _, expected, daily = SCHEMAS[attribute]
    frame = frame.copy()
    frame.columns = list(expected)
    if len(frame) > MAX_ROWS:
        raise ExportError("export.too_many_rows", file=name, max=MAX_ROWS)
    out = pd.DataFrame(index=frame.index)
    for column in expected:
        key = snake_case(column)
        values = frame[column]
        if column == "Date":
            days = []
            for row, value in enumerate(values, start=2):
                try:
                    days.append(parse_day(value, exported_on, file=name))
                except ExportError as error:
                    raise ExportError(error.key, **{**error.params, "file": name, "row": row}) from None
            out["date"] = pd.to_datetime(pd.Series(days, index=frame.index, dtype="object")).astype("datetime64[ns]")
        elif column in TEXT_COLUMNS:
            out[key] = values.astype(str)
        else:
            numbers = [_number(v, file=name, column=column, row=row) for row, v in enumerate(values, start=2)]
            series = pd.array(numbers, dtype="Float64")
            if all(n is None or float(n).is_integer() for n in numbers) and column != "Distribution":
                series = pd.array([None if n is None else int(n) for n in numbers], dtype="Int64")
            out[key] = series
    if daily and "date" in out:
        out = out.sort_values("date", kind="stable")
    return out.reset_index(drop=True)


def _add(export: TikTokExport, name: str, data: bytes, exported_on: _dt.date) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise ExportError("export.too_large", file=name, max=MAX_FILE_BYTES // (1024 * 1024))
    frame = _read_table(name, data)
    attribute = _recognise(name, frame)
    setattr(export, attribute, _convert(attribute, name, frame, exported_on))
    export.sources[attribute] = name


def _zip_members(name: str, data: bytes) -> tuple[list[tuple[str, bytes]], _dt.date | None]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ExportError("export.bad_zip", file=name) from None
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir() and not Path(i.filename).name.startswith((".", "__"))]
        if len(infos) > MAX_ZIP_ENTRIES or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            raise ExportError("export.too_large", file=name, max=MAX_UNPACKED_BYTES // (1024 * 1024))
        wanted = [i for i in infos if i.filename.lower().endswith((".csv", ".xlsx"))]
        if not wanted:
            raise ExportError("export.no_tiktok_files", file=name)
        try:
            members = [(f"{name}/{Path(i.filename).name}", archive.read(i)) for i in wanted]
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError):
            raise ExportError("export.bad_zip", file=name) from None
        newest = max((_dt.date(*i.date_time[:3]) for i in wanted), default=None)
    return members, newest


def load_export(source, *, exported_on: _dt.date | None = None, filename: str | None = None) -> TikTokExport:
    """Read a TikTok Studio export.

    Parameters
    ----------
    source : path, bytes or (name, bytes)
        A zip, a CSV or XLSX file, a folder holding any of these, or the bytes of an upload
        (then give ``filename``, or pass a ``(name, bytes)`` pair).
    exported_on : datetime.date, optional
        When the export was made; gives year-less dates their year. Default: the newest file
        date inside the zips, else today.
    filename : str, optional
        The upload's file name, when ``source`` is bytes.

    Returns
    -------
    TikTokExport
        Tables with snake_case columns, a ``date`` column (datetime64) in daily files, numbers
        as numbers and ``undefined`` as missing.

    Raises
    ------
    ExportError
        With a sentence that names the file and what is wrong: a missing path, an empty
        file, a broken zip, a zip without TikTok files, a file that is not CSV or XLSX, a
        look-alike with other columns, a file above the size limit, a row that cannot be read.
    """
    items = _collect(source, filename)
    unpacked: list[tuple[str, bytes]] = []
    newest: list[_dt.date] = []
    for name, data in items:
        if len(data) > MAX_FILE_BYTES:
            raise ExportError("export.too_large", file=name, max=MAX_FILE_BYTES // (1024 * 1024))
        if name.lower().endswith(".zip") or data[:4] == b"PK\x03\x04" and not name.lower().endswith(".xlsx"):
            members, date = _zip_members(name, data)
            unpacked.extend(members)
            if date:
                newest.append(date)
        else:
            unpacked.append((name, data))
    day = exported_on or (max(newest) if newest else _dt.date.today())
    export = TikTokExport()
    for name, data in unpacked:
        _add(export, name, data, day)
    if not export.tables():
        raise ExportError("export.no_tiktok_files", file=filename or str(source)[:80])
    return export


def _collect(source, filename: str | None) -> list[tuple[str, bytes]]:
    if isinstance(source, tuple) and len(source) == 2:
        filename, source = source
    if isinstance(source, (bytes, bytearray, memoryview)):
        return [(Path(filename or "upload").name, bytes(source))]
    path = Path(source)
    if not path.exists():
        raise ExportError("export.missing", file=str(source)[:120])
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".zip", ".csv", ".xlsx") and p.is_file())
        if not files:
            raise ExportError("export.no_tiktok_files", file=path.name)
        return [(p.name, _read_bytes(p)) for p in files]
    return [(path.name, _read_bytes(path))]


def _read_bytes(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ExportError("export.too_large", file=path.name, max=MAX_FILE_BYTES // (1024 * 1024))
    return path.read_bytes()
