"""The CLI contract: formats, exit codes, one-line errors, batches that go on past bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode

runner = CliRunner()
GOOD = "01_supplier_grid.pdf"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_for_one_file_is_an_object(samples: Path) -> None:
    code, out, _ = run("extract", str(samples / GOOD), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"source", "pages", "ocr_pages", "letter_date", "reference", "recipient",
                         "notice_type", "parties", "items", "warnings"}
    assert data["pages"] == 1 and data["ocr_pages"] == []
    assert len(data["source"]["sha256"]) == 64
    party = data["parties"][0]
    assert set(party) >= {"name", "aliases", "address", "country", "page", "bbox", "source",
                          "confidence"}
    assert party["name"] == "VALETUDO LIMITED" and party["country"] == "HK"
    assert party["source"] == "table" and len(party["bbox"]) == 4


def test_json_for_several_files_is_an_array(samples: Path) -> None:
    code, out, _ = run("extract", str(samples / GOOD), str(samples / "07_prose_numbered.pdf"),
                       "-f", "json")
    assert code == 0
    data = json.loads(out)
    assert [len(d["parties"]) for d in data] == [6, 7]


def test_csv_has_one_row_per_party(samples: Path) -> None:
    code, out, _ = run("extract", str(samples / GOOD), "-f", "csv")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("file,sha256,row,name")
    assert len(lines) == 1 + 6
    assert "ODK-SATURN PUBLIC JOINT-STOCK COMPANY" in out


def test_table_output_names_the_parties(samples: Path) -> None:
    code, out, _ = run("extract", str(samples / GOOD))
    assert code == 0
    assert "VALETUDO LIMITED" in out and "supplier_list" in out


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("empty.pdf", ExitCode.input_file, "empty"),
        ("truncated.pdf", ExitCode.input_file, "corrupt or truncated"),
        ("garbage.pdf", ExitCode.input_file, "corrupt or truncated"),
        ("not_a_pdf.pdf", ExitCode.input_file, "named .pdf but its content is not a PDF"),
        ("encrypted.pdf", ExitCode.encrypted_pdf, "password-protected"),
    ],
)
def test_bad_input_gets_one_line_and_its_exit_code(bad_dir: Path, name: str, code: ExitCode,
                                                   words: str) -> None:
    status, out, err = run("extract", str(bad_dir / name), "-f", "json")
    assert status == code
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert name in lines[0] and words in lines[0]
    assert "Traceback" not in err


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    status, _, err = run("extract", str(tmp_path / "nope.pdf"))
    assert status == ExitCode.input_file
    assert "no such file" in err


def test_batch_goes_on_past_bad_files(samples: Path, bad_dir: Path, tmp_path: Path) -> None:
    files = [bad_dir / "encrypted.pdf", samples / GOOD, bad_dir / "empty.pdf"]
    status, out, err = run("extract", *map(str, files), "-f", "json")
    assert status == ExitCode.encrypted_pdf  # the first failure decides
    data = json.loads(out)
    assert [Path(d["source"]["path"]).name for d in data] == [GOOD]
    assert len(err.strip().splitlines()) == 2


def test_file_over_the_size_limit_is_refused(samples: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    shutil.copy(samples / "04_supplier_multipage_40.pdf", big)
    status, _, err = run("extract", str(big), "--max-file-mb", "0.001")
    assert status == ExitCode.input_file
    assert "over the limit" in err


def test_page_limit(samples: Path) -> None:
    status, _, err = run("extract", str(samples / "04_supplier_multipage_40.pdf"), "--max-pages", "1")
    assert status == ExitCode.input_file
    assert "--max-pages" in err


def test_bad_option_is_a_usage_error(samples: Path) -> None:
    status, _, _ = run("extract", str(samples / GOOD), "--format", "xml")
    assert status == ExitCode.bad_args


def _commands() -> list[tuple[str, object]]:
    """Every command as "name" or "group name", with its callback."""
    out: list[tuple[str, object]] = [(c.name or c.callback.__name__, c.callback)  # type: ignore[union-attr]
                                     for c in app.registered_commands]
    for group in app.registered_groups:
        assert group.typer_instance is not None
        out += [(f"{group.name} {c.name}", c.callback) for c in group.typer_instance.registered_commands]
    return out


def test_every_command_help_has_an_example() -> None:
    for name, callback in _commands():
        assert callback is not None
        assert "Example:" in (callback.__doc__ or ""), name


def test_readme_documents_every_command_and_option() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    for name, _ in _commands():
        assert f"redletter {name}" in readme, name
    for option in ("--format", "--max-pages", "--max-file-mb", "--ocr-timeout", "--ocr-workers"):
        assert option in readme


def test_readme_documents_every_option_of_every_command() -> None:
    import click
    from typer.main import get_command

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    missing = []

    def walk(command: click.Command, name: str) -> None:
        if hasattr(command, "commands"):  # typer's groups are not click.Group subclasses
            for sub_name, sub in command.commands.items():
                walk(sub, f"{name} {sub_name}".strip())
            return
        for param in command.params:
            for opt in getattr(param, "opts", []) + getattr(param, "secondary_opts", []):
                if opt.startswith("--") and opt not in ("--help",) and opt not in readme:
                    missing.append(f"{name}: {opt}")

    walk(get_command(app), "")
    assert not missing
