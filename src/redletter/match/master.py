"""Load the company's customer master from CSV or XLSX, whatever its column names.

Columns are found by ``--id-col`` / ``--name-col`` / ... or by their header (customer_id, name,
address, city, country and common variants). CSV is read as UTF-8 (with or without BOM) or
cp1252; a malformed row is an ``InputFileError`` naming its line. A large CSV can be read in two
halves by two processes (``csv_halves``, ``read_half``, ``joined_halves``): the same rows and
lines as one pass, or no halves (a half that is not plain is read again in one pass, which
names the fault).
"""

from __future__ import annotations

import csv
import io
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import numpy as np

from redletter.collector import no_gc
from redletter.errors import InputFileError
from redletter.nlp.countries import resolve_country
from redletter.textfile import decode_text

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


def _refuse_nul(text: str, path: Path) -> None:
    """A NUL byte means a binary or damaged file, which the CSV reader would silently cut."""
    if (at := text.find("\x00")) >= 0:
        line = text.count("\n", 0, at) + 1
        raise InputFileError(f"NUL byte at line {line}: the file is binary or damaged; export the "
                             "customer master again as CSV or XLSX", path=path)


Rows = tuple[list[str], list[list[str]], list[int]]  # header, rows, each row's line (or sheet row)


def _row_lines(text: str, delimiter: str, count: int) -> list[int]:
    """The line each row ends on: the line after the header's for each row when every row is
    one line and none is blank (the common case, told by counting newlines), else read again."""
    newlines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if newlines == count + 1:
        return list(range(2, count + 2))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader)
    return [reader.line_num for row in reader if row]


def _csv_text(path: Path) -> tuple[str, str]:
    """The file's text, checked (no NUL byte, not empty), and its delimiter."""
    text = decode_text(path.read_bytes(), path, "customer file")
    _refuse_nul(text, path)
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    if not text or text.isspace():  # (not text.strip(): a copy of the whole file)
        raise InputFileError("the customer file is empty: no header and no customers", path=path)
    return text, delimiter


def _rows_csv(path: Path) -> Rows:
    text, delimiter = _csv_text(path)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
        rows = [row for row in reader if row]
    except (csv.Error, StopIteration) as exc:
        raise InputFileError(f"malformed CSV at line {reader.line_num}: {exc}", path=path) from exc
    lines = _row_lines(text, delimiter, len(rows))
    if len(set(map(len, rows)) - {len(header)}):
        line, got = _bad_line(text, delimiter, len(header))
        raise InputFileError(f"malformed CSV at line {line}: {got} fields where the header has "
                             f"{len(header)}", path=path)
    return header, rows, lines


def _sheet_values(path: Path, *, cached: bool) -> list[tuple[Any, ...]]:
    """The first sheet's rows: the formulas as written, or the values Excel saved for them."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=cached)
    except Exception as exc:
        raise InputFileError(f"the workbook cannot be read ({exc})", path=path) from exc
    try:
        return list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def _formula_cells(written: list[tuple[Any, ...]]) -> list[tuple[int, int]]:
    return [(r, c) for r, row in enumerate(written) for c, v in enumerate(row)
            if isinstance(v, str) and v.startswith("=")]


def _check_formulas(path: Path, written: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The values to use: where cells hold formulas, the values Excel saved with them; a
    formula with no saved value (a file written by a program, never opened in Excel) is
    refused, since its value is unknown."""
    cells = _formula_cells(written)
    if not cells:
        return written
    values = _sheet_values(path, cached=True)
    for r, c in cells:
        if r >= len(values) or c >= len(values[r]) or values[r][c] is None:
            raise InputFileError(f"row {r + 1}, column {c + 1} holds a formula ({written[r][c]}) with "
                                 "no saved value; open and save the workbook in Excel, or export it "
                                 "as CSV", path=path)
    return values


def _rows_xlsx(path: Path) -> Rows:
    values = _check_formulas(path, _sheet_values(path, cached=False))
    if not values:
        raise InputFileError("the workbook's first sheet is empty", path=path)
    width = len(values[0])
    header = ["" if v is None else str(v) for v in values[0]]
    rows, lines = [], []
    for n, row in enumerate(values[1:], start=2):
        if any(v is not None and v != "" for v in row):
            cells = ["" if v is None else str(v) for v in row]
            rows.append((cells + [""] * width)[:width])
            lines.append(n)
    if any("\x00" in v for row in rows for v in row):
        line = next(n for row, n in zip(rows, lines, strict=True) if any("\x00" in v for v in row))
        raise InputFileError(f"NUL byte in row {line}: the workbook is damaged; export it again",
                             path=path)
    return header, rows, lines


class PackedColumn(Sequence[str]):
    """A column of strings kept as one string, the values joined by NUL, and the offsets of its
    values: it pickles and unpickles in a memory copy and unpacks in one split, where a million
    separate strings take a second. (A master has no NUL; a column whose values do is unpacked
    value by value.)"""

    def __init__(self, values: Sequence[str]) -> None:
        self.text = "\0".join(values)
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
        self.offsets = array("q", np.concatenate(([0], np.cumsum(lengths))).tobytes())  # no NULs
        self.plain = self.text.count("\0") == max(0, len(values) - 1)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __iter__(self) -> Iterator[str]:
        return iter(self.tolist())

    def tolist(self) -> list[str]:
        """All the values, in one pass."""
        if not len(self):
            return []
        if self.plain:
            return self.text.split("\0")
        return [self[i] for i in range(len(self))]

    def span(self, start: int, stop: int) -> list[str]:
        """The values ``start`` to ``stop`` (``0 <= start <= stop <= len``), in one split."""
        if start >= stop:
            return []
        if not self.plain:
            return [self[i] for i in range(start, stop)]
        return self.text[self.offsets[start] + start:self.offsets[stop] + stop - 1].split("\0")

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return self.text[self.offsets[i] + i:self.offsets[i + 1] + i]


@dataclass
class MasterColumns:
    """The customer master column by column (cheap for a million rows); ``customer(i)``
    gives one row as a ``Customer``. Pickled with packed columns (see ``PackedColumn``)."""

    ids: Sequence[str]
    names: Sequence[str]
    addresses: Sequence[str]
    cities: Sequence[str]
    countries: Sequence[str | None]
    lines: Sequence[int]  # the row's line in the CSV file (where it ends), or its row in the sheet

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


def _load_columns(path: Path, columns: Columns | None) -> MasterColumns:
    if not path.exists():
        raise InputFileError("no such file", path=path)
    reader = _rows_xlsx if path.suffix.lower() in {".xlsx", ".xlsm"} else _rows_csv
    header, rows, lines = reader(path)
    if not rows:
        raise InputFileError("the customer master has a header but no customer rows", path=path)
    master = _as_columns(header, rows, lines, resolve_columns(header, columns or Columns(), path))
    _refuse_duplicate_ids(master.ids, master.lines, path)
    return master


def _as_columns(header: list[str], rows: list[list[str]], lines: Sequence[int], cols: Columns
                ) -> MasterColumns:
    """The rows (each as wide as the header) as columns, stripped, countries as ISO codes."""
    index = {h: i for i, h in enumerate(header)}
    by_column = list(zip(*rows, strict=True)) if rows else [()] * len(header)

    def column(name: str | None) -> list[str]:
        return list(map(str.strip, by_column[index[name]])) if name is not None else [""] * len(rows)

    countries = column(cols.country)
    codes = {c: resolve_country(c) for c in set(countries)}
    return MasterColumns(column(cols.id), column(cols.name), column(cols.address),
                         column(cols.city), [codes[c] for c in countries], lines)


@dataclass(frozen=True)
class CsvHalves:
    """A large CSV master to be read in two halves (by two processes): its text, delimiter,
    header and columns, and ``cut``, the start of a line near the middle with an even number of
    quotes before it. Whether the cut is a row boundary after all (not inside a quoted value
    that a stray quote made look closed) is known once the first half is read."""

    text: str
    delimiter: str
    header: list[str]
    columns: Columns
    cut: int

    @property
    def header_end(self) -> int:
        return self.text.find("\n") + 1


def csv_halves(path: Path, columns: Columns | None, *, min_lines: int,
               second_share: float = 0.5) -> CsvHalves | None:
    """The halves of a CSV master of ``min_lines`` lines or more, the second about
    ``second_share`` of the text; ``None`` for a workbook, a smaller file, or one whose header
    or middle is not plain (it is read in one process, which names any fault)."""
    if not path.is_file() or path.suffix.lower() in {".xlsx", ".xlsm"}:
        return None
    text, delimiter = _csv_text(path)
    header_end = text.find("\n") + 1
    if text.count("\n") < min_lines or not header_end:
        return None
    try:
        header = next(csv.reader([text[:header_end]], delimiter=delimiter, strict=True))
        cols = resolve_columns(header, columns or Columns(), path)
    except (csv.Error, StopIteration, InputFileError):
        return None
    cut = _even_cut(text, header_end + int((len(text) - header_end) * (1 - second_share)))
    return CsvHalves(text, delimiter, header, cols, cut) if cut else None


def _even_cut(text: str, at: int, *, tries: int = 1000) -> int:
    """The start of a line at or after ``at`` with an even number of quotes before it (0: none
    in ``tries`` lines)."""
    cut = text.find("\n", at) + 1
    quotes = text.count('"', 0, cut)
    for _ in range(tries):
        if not cut or cut >= len(text):
            return 0
        if quotes % 2 == 0:
            return cut
        after = text.find("\n", cut) + 1
        quotes += text.count('"', cut, after)
        cut = after
    return 0


def read_half(halves: CsvHalves, *, second: bool) -> MasterColumns | None:
    """The rows of one half as columns (lines as in the file); ``None`` when the half is not
    plain: a malformed row, one of another width, no row, or a first half that ends inside a
    quoted value (read strictly to tell). The file is then read in one process."""
    start, stop = (halves.cut, len(halves.text)) if second else (halves.header_end, halves.cut)
    text = halves.text[start:stop]
    reader = csv.reader(io.StringIO(text), delimiter=halves.delimiter, strict=not second)
    try:
        rows = [row for row in reader if row]
    except csv.Error:
        return None
    if not rows or len(set(map(len, rows)) - {len(halves.header)}):
        return None
    before = halves.text.count("\n", 0, start)
    lines = _part_lines(text, halves.delimiter, len(rows), before)
    return _as_columns(halves.header, rows, lines, halves.columns)


def _part_lines(text: str, delimiter: str, count: int, before: int) -> list[int]:
    """The line each row of a part of the file ends on (``before``: the lines before it)."""
    newlines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if newlines == count:
        return list(range(before + 1, before + count + 1))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [before + reader.line_num for row in reader if row]


def joined_halves(first: MasterColumns, second: MasterColumns, path: Path) -> MasterColumns:
    """The master of two halves read apart, its customer ids checked as ``load_columns`` does."""
    master = MasterColumns([*first.ids, *second.ids], [*first.names, *second.names],
                           [*first.addresses, *second.addresses], [*first.cities, *second.cities],
                           [c or None for part in (first, second) for c in part.countries],
                           array("i", [*first.lines, *second.lines]))
    _refuse_duplicate_ids(master.ids, master.lines, path)
    return master


def _refuse_duplicate_ids(ids: Sequence[str], lines: Sequence[int], path: Path) -> None:
    """Each customer needs its own id: decisions, the review queue and the ERP export are keyed
    by it, and a second row with the same id would silently take the first one's place."""
    if len(set(ids)) == len(ids):
        return
    seen: dict[str, int] = {}
    for customer_id, line in zip(ids, lines, strict=True):
        if customer_id in seen:
            what = f"customer id {customer_id!r}" if customer_id else "a blank customer id"
            raise InputFileError(f"{what} is on line {seen[customer_id]} and again on line {line}; "
                                 "each customer needs its own id (choose the id column with "
                                 "--id-col)", path=path)
        seen[customer_id] = line


def load_master(path: Path, columns: Columns | None = None) -> list[Customer]:
    """Every customer in the file."""
    cols = load_columns(path, columns)
    return [cols.customer(i) for i in range(len(cols))]
