"""The one error boundary: every failure is one line and its exit code, letter text is never
read as markup, settings are refused with their name, and commands import what they use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from typer.testing import CliRunner

from redletter.cli import app
from redletter.errors import ExitCode

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
CUSTOMERS = ROOT / "samples" / "customers.csv"
NAMES = ["ACME [/HK] LTD", "[bold]x[/bold] TRADING LLC", "[link=http://e.vil]SHENZHEN NOVA CO., LTD."]


def _letter_with_brackets(path: Path) -> Path:
    rows = [["Name", "Address", "Country"]]
    rows += [[name, f"{i + 1} Harbour Road, Wan Chai", "Hong Kong"] for i, name in enumerate(NAMES)]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    SimpleDocTemplate(str(path), pagesize=letter).build([table])
    return path


def test_bracketed_names_are_shown_as_text_in_extract_and_match(tmp_path: Path) -> None:
    pdf = _letter_with_brackets(tmp_path / "brackets.pdf")
    result = runner.invoke(app, ["extract", str(pdf)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    for name in ("ACME [/HK] LTD", "[bold]x[/bold]", "[link=http://e.vil]SHENZHEN"):
        assert name in flat
    data = runner.invoke(app, ["extract", str(pdf), "-f", "json"]).stdout
    (tmp_path / "parties.json").write_text(data, "utf-8")
    assert [p["name"] for p in json.loads(data)["parties"]] == NAMES
    matched = runner.invoke(app, ["match", str(tmp_path / "parties.json"), "--customers",
                                  str(CUSTOMERS), "--no-cache"])
    assert matched.exit_code == 0, matched.stderr
    assert "3 parties" in matched.stdout


@pytest.mark.parametrize(("variable", "value", "words"), [
    ("REDLETTER_MATCH_THRESHOLD", "abc", "valid number"),
    ("REDLETTER_OCR_TIMEOUT", "inf", "finite"),
    ("REDLETTER_MAX_FILE_MB", "inf", "finite"),
    ("REDLETTER_OCR_WORKERS", "-1", "greater than or equal to 0"),
    ("REDLETTER_REVIEW_THRESHOLD", "0.95", "above the match threshold"),
])
def test_a_bad_setting_is_refused_with_its_name(samples: Path, monkeypatch: pytest.MonkeyPatch,
                                                variable: str, value: str, words: str) -> None:
    monkeypatch.setenv(variable, value)
    for args in (["extract", str(samples / "15_single_party.pdf")],
                 ["match", str(samples / "15_single_party.pdf"), "--customers", str(CUSTOMERS)]):
        result = runner.invoke(app, args)
        assert result.exit_code == ExitCode.bad_args, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], result.stderr
        assert variable in lines[0] or "threshold" in lines[0]
        assert "Traceback" not in result.stderr


def test_a_bug_is_one_line_with_exit_15(samples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("injected fault")

    monkeypatch.setattr("redletter.pipeline.extract_letters", broken)
    result = runner.invoke(app, ["extract", str(samples / "15_single_party.pdf")])
    assert result.exit_code == ExitCode.other_error
    assert result.stderr.strip().splitlines() == [
        "redletter: error: internal error (RuntimeError: injected fault); please report it "
        "(REDLETTER_DEBUG=1 shows the traceback)"]


def test_ctrl_c_exits_130(samples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("redletter.pipeline.extract_letters", interrupted)
    result = runner.invoke(app, ["extract", str(samples / "15_single_party.pdf")])
    assert result.exit_code == ExitCode.ctrl_c
    assert result.stderr.strip() == "redletter: error: interrupted"


def test_a_database_error_is_exit_7(tmp_path: Path) -> None:
    not_a_db = tmp_path / "plain.txt"
    not_a_db.write_text("this is not a database\n" * 100, "utf-8")
    result = runner.invoke(app, ["letters", "--db", str(not_a_db)])
    assert result.exit_code == ExitCode.database_error
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_version_imports_no_heavy_library() -> None:
    code = ("import sys\nfrom redletter.cli import app\n"
            "try:\n    app(['--version'])\nexcept SystemExit:\n    pass\n"
            "heavy = {'sqlalchemy', 'pdfplumber', 'spacy', 'cv2', 'numpy', 'rich', 'pydantic',"
            " 'rapidfuzz', 'fastapi'}\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["redletter 0.1.0", "[]"]


@pytest.mark.parametrize(("args", "code", "said"), [
    (["extract", "--format", "xml", "x.pdf"], 2, "Invalid value for '--format'"),
    (["nosuch"], 2, "No such command 'nosuch'"),
    (["audit", "verify", "--db", "r.db", "--against", "missing.json"], 3, "does not exist")])
def test_usage_errors_are_one_line_too(tmp_path: Path, args: list[str], code: int, said: str) -> None:
    """The program as installed (not CliRunner): the parser's errors are one line with their
    exit code, like every other error; a file argument that does not exist is exit 3."""
    done = subprocess.run([sys.executable, "-m", "redletter", *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == code
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("redletter: error: ")
    assert said in done.stderr


def test_start_up_pauses_the_collector_and_every_command_runs_with_it() -> None:
    """``run`` pauses the cyclic collector while the program starts, a command while it imports its
    library; the command's work (a long batch, ``watch``, ``serve``) runs with it on again, so
    that its garbage is still freed."""
    import gc

    from redletter.cli.boundary import guarded
    from redletter.cli.start import pause_gc
    from redletter.collector import no_gc

    seen: list[bool] = []
    command = guarded(lambda: seen.append(gc.isenabled()))
    pause_gc()
    try:
        assert not gc.isenabled()
        command()
        assert seen == [True] and gc.isenabled()
        with no_gc():
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


@pytest.mark.parametrize("name", ["extract", "match", "run", "watch", "letters", "serve", "evidence",
                                  "denylist", "audit"])
def test_a_command_alone_is_the_same_command(name: str) -> None:
    """``run`` builds only the command named on the command line: its help is the whole app's."""
    from redletter.cli.program import COMMANDS, GROUPS, make_app

    assert set(COMMANDS) | set(GROUPS) == set(COMMANDS) | set(GROUPS) | {name}
    alone = runner.invoke(make_app(name), [name, "--help"], env={"COLUMNS": "120"})
    whole = runner.invoke(app, [name, "--help"], env={"COLUMNS": "120"})
    assert alone.exit_code == whole.exit_code == 0
    assert alone.stdout == whole.stdout
