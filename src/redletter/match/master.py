"""Load the company's customer master from CSV or XLSX, whatever its column names.

Columns are found by ``--id-col`` / ``--name-col`` / ... or by their header (customer_id, name,
address, city, country and common variants). CSV is read as UTF-8 (with or without BOM) or
cp1252; a malformed row is an ``InputFileError`` naming its line.
"""

from __future__ import annotations

import csv
import gc
import io
from array import array
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, overload

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


def _bad_line(text: str, delimiter: str, width: int) -> tuple[int, int]:
    """The line and field count of the first row whose width differs (error path only)."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader)
    for row in reader:
        if row and len(row) != width:
            return reader.line_num, len(row)
    return reader.line_num, width


def _rows_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    text = _decode(path.read_bytes(), path)
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        rows = [row for row in reader if row]
    except (csv.Error, StopIteration) as exc:
        raise InputFileError(f"malformed CSV at line {reader.line_num}: {exc}", path=path) from exc
    if any(len(row) != len(header) for row in rows):
        line, got = _bad_line(text, delimiter, len(header))
        raise InputFileError(f"malformed CSV at line {line}: {got} fields where the header has "
                             f"{len(header)}", path=path)
    return header, rows


def _rows_xlsx(path: Path) -> tuple[list[str], list[list[str]]]:
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
    width = len(values[0])
    return values[0], [(row + [""] * width)[:width] for row in values[1:] if any(row)]


class PackedColumn(Sequence[str]):
    """A column of strings kept as one string and the offsets of its values: it unpickles in
    a memory copy, where a million separate strings take a second."""

    def __init__(self, values: Sequence[str]) -> None:
        self.text = "".join(values)
        self.offsets = array("q", [0, *accumulate(len(v) for v in values)])

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return self.text[self.offsets[i]:self.offsets[i + 1]]


@dataclass
class MasterColumns:
    """The customer master column by column (cheap for a million rows); ``customer(i)``
    gives one row as a ``Customer``. Pickled with packed columns (see ``PackedColumn``)."""

    ids: Sequence[str]
    names: Sequence[str]
    addresses: Sequence[str]
    cities: Sequence[str]
    countries: Sequence[str | None]
    lines: Sequence[int]  # the row's line in the file, counting one line per row

    def __len__(self) -> int:
        return len(self.ids)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MasterColumns):
            return NotImplemented
        return all(list(getattr(self, f)) == list(getattr(other, f))
                   for f in ("ids", "names", "addresses", "cities", "countries", "lines"))

    def __getstate__(self) -> dict[str, object]:
        return {"ids": PackedColumn(self.ids), "names": PackedColumn(self.names),
                "addresses": PackedColumn(self.addresses), "cities": PackedColumn(self.cities),
                "countries": PackedColumn([c or "" for c in self.countries]),
                "lines": array("i", self.lines)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def customer(self, i: int) -> Customer:
        return Customer(self.ids[i], self.names[i], self.addresses[i], self.cities[i],
                        self.countries[i] or None, self.lines[i])


def load_columns(path: Path, columns: Columns | None = None) -> MasterColumns:
    """Every customer in the file, column by column."""
    with no_gc():
        return _load_columns(path, columns)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: a million new row lists hold no cycles, and the
    collections it would run on the way cost more than the reading. The objects made meanwhile
    live as long as the master does, so they are frozen out of later full collections too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _load_columns(path: Path, columns: Columns | None) -> MasterColumns:
    if not path.exists():
        raise InputFileError("no such file", path=path)
    reader = _rows_xlsx if path.suffix.lower() in {".xlsx", ".xlsm"} else _rows_csv
    header, rows = reader(path)
    cols = resolve_columns(header, columns or Columns(), path)
    index = {h: i for i, h in enumerate(header)}
    by_column = list(zip(*rows, strict=True)) if rows else [()] * len(header)

    def column(name: str | None) -> list[str]:
        return list(map(str.strip, by_column[index[name]])) if name is not None else [""] * len(rows)

    countries = column(cols.country)
    codes = {c: resolve_country(c) for c in set(countries)}
    return MasterColumns(column(cols.id), column(cols.name), column(cols.address),
                         column(cols.city), [codes[c] for c in countries],
                         list(range(2, len(rows) + 2)))


def load_master(path: Path, columns: Columns | None = None) -> list[Customer]:
    """Every customer in the file."""
    cols = load_columns(path, columns)
    return [cols.customer(i) for i in range(len(cols))]
