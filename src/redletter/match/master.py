"""Load the company's customer master from CSV or XLSX, whatever its column names.

Columns are found by ``--id-col`` / ``--name-col`` / ... or by their header (customer_id, name,
address, city, country and common variants). CSV is read as UTF-8 (with or without BOM) or
cp1252; a malformed row is an ``InputFileError`` naming its line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from redletter.errors import InputFileError
from redletter.nlp.countries import resolve_country

HEADER_GUESSES: dict[str, tuple[str, ...]] = {
    "id": ("customer_id", "customer id", "id", "customer no", "customer number", "account",
           "account number", "kunnr", "debitor", "cust_id", "code"),
    "name": ("name", "customer name", "customer", "company", "company name", "name1",
             "legal name", "account name"),
    "address": ("address", "street", "address line 1", "street address", "addr1", "address1"),
    "city": ("city", "town", "city name"),
    "country": ("country", "country code", "country_code", "land", "ctry", "iso country"),
}


@dataclass(frozen=True, slots=True)
class Customer:
    """One row of the customer master, as printed there, with its ISO country."""

    customer_id: str
    name: str
    address: str
    city: str
    country: str | None
    line: int


@dataclass(frozen=True)
class Columns:
    """Which source column holds which field (``None``: the file has no such column)."""

    id: str | None = None
    name: str | None = None
    address: str | None = None
    city: str | None = None
    country: str | None = None


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputFileError("the customer file is neither UTF-8 nor cp1252 text", path=path)


def _pick(header: list[str], wanted: str | None, field: str, path: Path) -> str | None:
    if wanted is not None:
        if wanted not in header:
            raise InputFileError(f"no column {wanted!r} (columns: {', '.join(header)})", path=path)
        return wanted
    folded = {h.strip().casefold(): h for h in header}
    return next((folded[g] for g in HEADER_GUESSES[field] if g in folded), None)


def resolve_columns(header: list[str], given: Columns, path: Path) -> Columns:
    """The columns to use: those given, else guessed from the header. Name and id are required."""
    cols = Columns(**{f: _pick(header, getattr(given, f), f, path)
                      for f in ("id", "name", "address", "city", "country")})
    if cols.name is None or cols.id is None:
        raise InputFileError("cannot tell which columns hold the customer id and name; use "
                             f"--id-col and --name-col (columns: {', '.join(header)})", path=path)
    return cols


def _rows_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    text = _decode(path.read_bytes(), path)
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        rows = [(reader.line_num, row) for row in reader if any(c.strip() for c in row)]
    except (csv.Error, StopIteration) as exc:
        raise InputFileError(f"malformed CSV at line {reader.line_num}: {exc}", path=path) from exc
    for line, row in rows:
        if len(row) != len(header):
            raise InputFileError(f"malformed CSV at line {line}: {len(row)} fields where the "
                                 f"header has {len(header)}", path=path)
    return header, rows


def _rows_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InputFileError(f"the workbook cannot be read ({exc})", path=path) from exc
    sheet = book.worksheets[0]
    values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    if not values:
        raise InputFileError("the workbook's first sheet is empty", path=path)
    return values[0], [(i, row) for i, row in enumerate(values[1:], start=2) if any(row)]


@dataclass
class MasterColumns:
    """The customer master column by column (cheap for a million rows); ``customer(i)``
    gives one row as a ``Customer``."""

    ids: list[str]
    names: list[str]
    addresses: list[str]
    cities: list[str]
    countries: list[str | None]
    lines: list[int]

    def __len__(self) -> int:
        return len(self.ids)

    def customer(self, i: int) -> Customer:
        return Customer(self.ids[i], self.names[i], self.addresses[i], self.cities[i],
                        self.countries[i], self.lines[i])


def load_columns(path: Path, columns: Columns | None = None) -> MasterColumns:
    """Every customer in the file, column by column."""
    if not path.exists():
        raise InputFileError("no such file", path=path)
    reader = _rows_xlsx if path.suffix.lower() in {".xlsx", ".xlsm"} else _rows_csv
    header, rows = reader(path)
    cols = resolve_columns(header, columns or Columns(), path)
    index = {h: i for i, h in enumerate(header)}

    def column(name: str | None) -> list[str]:
        if name is None:
            return [""] * len(rows)
        k = index[name]
        return [r[k].strip() if k < len(r) else "" for _, r in rows]

    countries = column(cols.country)
    codes = {c: resolve_country(c) for c in set(countries)}
    return MasterColumns(column(cols.id), column(cols.name), column(cols.address),
                         column(cols.city), [codes[c] for c in countries], [n for n, _ in rows])


def load_master(path: Path, columns: Columns | None = None) -> list[Customer]:
    """Every customer in the file."""
    cols = load_columns(path, columns)
    return [cols.customer(i) for i in range(len(cols))]
