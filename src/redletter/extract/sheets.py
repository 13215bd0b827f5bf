"""Party lists sent as spreadsheets: XLSX (openpyxl) and CSV (any delimiter, UTF-8 or cp1252).

Each sheet becomes a virtual page (``virtual.grid_page``): the lines before the table (a title,
an instruction) as text, the table as a ruled grid, so that the table reader finds its header
and columns as on a PDF page. Cell values are shown as a spreadsheet shows them: numbers
without a trailing ".0", dates as YYYY-MM-DD.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redletter.errors import InputFileError
from redletter.extract.geometry import PageLayout
from redletter.extract.virtual import grid_page
from redletter.textfile import decode_text

MAX_CELLS = 2_000_000


def shown(value: Any) -> str:
    """A cell value as a spreadsheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def csv_rows(path: Path) -> list[list[str]]:
    """The rows of a CSV file, its delimiter guessed from the text."""
    text = decode_text(path.read_bytes(), path, "CSV file")
    if "\x00" in text:
        raise InputFileError("the CSV file holds NUL bytes; it is not a text file", path=path)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def xlsx_sheets(path: Path) -> list[list[list[str]]]:
    """The rows of each sheet of an XLSX workbook (values, not formulas)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise InputFileError(f"the workbook cannot be read ({type(exc).__name__}: {exc})",
                             path=path) from exc
    try:
        sheets, cells = [], 0
        for sheet in book.worksheets:
            rows = [[shown(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            cells += sum(len(r) for r in rows)
            if cells > MAX_CELLS:
                raise InputFileError(f"the workbook has more than {MAX_CELLS:,} cells", path=path)
            sheets.append(rows)
        return sheets
    finally:
        book.close()


def _trim(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """Rows without empty trailing cells, empty rows dropped."""
    out = []
    for row in rows:
        cells = list(row)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            out.append(cells)
    return out


def rows_to_page(rows: Sequence[Sequence[str]], number: int) -> PageLayout:
    """A virtual page: leading rows with one filled cell are the preamble; the rest the table."""
    rows = _trim(rows)
    start = next((i for i, r in enumerate(rows) if sum(1 for c in r if c) >= 2), len(rows))
    preamble = [" ".join(c for c in r if c) for r in rows[:start]]
    return grid_page(preamble, rows[start:], number)


def sheet_pages(path: Path, kind: str) -> list[PageLayout]:
    """One virtual page per sheet (per file for CSV)."""
    sheets = [csv_rows(path)] if kind == "csv" else xlsx_sheets(path)
    pages = [rows_to_page(rows, i) for i, rows in enumerate((s for s in sheets if _trim(s)), start=1)]
    if not pages:
        raise InputFileError("the spreadsheet is empty", path=path)
    return pages
