"""Customer masters that must be refused, with the line or row that is wrong."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from redletter.errors import InputFileError
from redletter.match.master import (
    MasterColumns,
    PackedColumn,
    csv_halves,
    joined_halves,
    load_columns,
    load_master,
    read_half,
)


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


def _same_in_halves(path: Path) -> MasterColumns:
    """The master read in halves; it must be the one read in one pass."""
    halves = csv_halves(path, None, min_lines=2)
    assert halves is not None
    first, second = read_half(halves, second=False), read_half(halves, second=True)
    assert first is not None and second is not None
    master = joined_halves(first, second, path)
    assert master == load_columns(path)
    return master


ROWS = ['{},Alpha LLC,"Unit 5\nDubai",AE', "", '{},"Beta ""B"" Ltd",x,', '{},Gamma 5" Pipes,y,DE',
        '{},"Delta, Co., Ltd.","Line 1\n\nLine 3",CN', "{},Epsilon,z,RU", "{},Zeta,,", '{},"Eta\nTheta",,TR']


@pytest.mark.parametrize("shift", range(len(ROWS)))
def test_halves_read_as_one_pass(tmp_path: Path, shift: int) -> None:
    """Quoted values over several lines, doubled and stray quotes, blank lines: wherever the
    middle falls, the halves give the rows and lines of one pass, or the file is read in one."""
    rows = (ROWS[shift:] + ROWS[:shift]) * 3
    body = "\n".join(row.replace("{}", f"C{k}") for k, row in enumerate(rows))
    path = _csv(tmp_path, f"customer_id,name,address,country\n{body}\n")
    halves = csv_halves(path, None, min_lines=2)
    assert halves is not None
    first, second = read_half(halves, second=False), read_half(halves, second=True)
    if first is not None and second is not None:  # else the cut fell inside a quoted value
        assert joined_halves(first, second, path) == load_columns(path)


def test_halves_of_a_plain_master(tmp_path: Path) -> None:
    body = "".join(f'C{i},"Company {i}, Ltd.",Street {i},City,{"AE" if i % 2 else "Germany"}\n'
                   for i in range(40))
    master = _same_in_halves(_csv(tmp_path, "customer_id,name,address,city,country\n" + body))
    assert master.countries[:2] == ["DE", "AE"] and list(master.lines[-2:]) == [40, 41]


def test_halves_refuse_duplicate_ids_across_halves(tmp_path: Path) -> None:
    body = "".join(f"C{i % 30},Company {i}\n" for i in range(40))
    halves = csv_halves(_csv(tmp_path, "customer_id,name\n" + body), None, min_lines=2)
    assert halves is not None
    first, second = read_half(halves, second=False), read_half(halves, second=True)
    assert first is not None and second is not None
    with pytest.raises(InputFileError, match="customer id 'C0' is on line 2 and again on line 32"):
        joined_halves(first, second, tmp_path / "customers.csv")


def test_no_halves_for_a_small_master_or_a_workbook(tmp_path: Path) -> None:
    assert csv_halves(_csv(tmp_path, "customer_id,name\n1,Alpha\n"), None, min_lines=100) is None
    assert csv_halves(_workbook(tmp_path, [["ID", "Name"], [1, "Alpha"]]), None, min_lines=1) is None


@pytest.mark.parametrize("values", [[], [""], ["", ""], ["a", ""], ["ab", "c\x00d", "e"], ["Ω", "x"]])
def test_packed_column_round_trip(values: list[str]) -> None:
    packed = pickle.loads(pickle.dumps(PackedColumn(values)))
    assert packed.tolist() == values and [packed[i] for i in range(len(values))] == values
    assert len(packed) == len(values) and packed[-1:] == values[-1:]
    spans = [(a, b) for a in range(len(values) + 1) for b in range(a, len(values) + 1)]
    assert all(packed.span(a, b) == values[a:b] for a, b in spans)
