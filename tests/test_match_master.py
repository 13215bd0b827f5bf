"""Customer masters that must be refused, with the line or row that is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from redletter.errors import InputFileError
from redletter.match.master import load_columns, load_master


def _csv(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "customers.csv"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_header_only_master_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="header but no customer rows"):
        load_master(_csv(tmp_path, "customer_id,name,country\n"))


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff"])
def test_an_empty_file_is_refused_as_empty(tmp_path: Path, text: str) -> None:
    """Not "malformed CSV at line 0": the file has no header at all."""
    with pytest.raises(InputFileError, match="the customer file is empty"):
        load_master(_csv(tmp_path, text))


def test_blank_lines_only_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no customer rows"):
        load_master(_csv(tmp_path, "customer_id,name,country\n\n\n"))


def test_duplicate_customer_ids_name_both_lines(tmp_path: Path) -> None:
    path = _csv(tmp_path, "customer_id,name,country\n7,Alpha LLC,AE\n8,Beta LLC,AE\n7,Gamma LLC,AE\n")
    with pytest.raises(InputFileError, match=r"customer id '7' is on line 2 and again on line 4"):
        load_master(path)


def test_blank_customer_ids_are_duplicates_too(tmp_path: Path) -> None:
    path = _csv(tmp_path, "customer_id,name,country\n,Alpha LLC,AE\n,Beta LLC,AE\n")
    with pytest.raises(InputFileError, match="a blank customer id is on line 2 and again on line 3"):
        load_master(path)


def test_nul_byte_names_its_line(tmp_path: Path) -> None:
    path = _csv(tmp_path, b"customer_id,name,country\n1,Alpha LLC,AE\n2,Be\x00ta LLC,AE\n")
    with pytest.raises(InputFileError, match="NUL byte at line 3"):
        load_master(path)


def test_lines_follow_quoted_multiline_rows(tmp_path: Path) -> None:
    path = _csv(tmp_path, 'customer_id,name,address\n1,Alpha LLC,"Unit 5\nDubai"\n2,Beta LLC,x\n')
    assert list(load_columns(path).lines) == [3, 4]


def _workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "customers.xlsx"
    book.save(path)
    return path


def test_xlsx_formula_without_saved_value_is_refused(tmp_path: Path) -> None:
    # openpyxl, like many export tools, writes formulas without the value Excel would save.
    path = _workbook(tmp_path, [["ID", "Customer Name"], [1, "Alpha LLC"], [2, '=UPPER("beta llc")']])
    with pytest.raises(InputFileError, match=r"row 3, column 2 holds a formula"):
        load_master(path)


def test_xlsx_rows_keep_their_sheet_row(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["ID", "Customer Name"], [1, "Alpha LLC"], [None, None], [2, "Beta LLC"]])
    assert list(load_columns(path).lines) == [2, 4]


def test_xlsx_header_only_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no customer rows"):
        load_master(_workbook(tmp_path, [["ID", "Customer Name"]]))
