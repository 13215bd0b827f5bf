"""A letter's history: a later letter that supersedes an earlier one, removes parties from
it, or has its reference, is linked to it, with the parties added, removed and changed; a
removal (by a letter or a reviewer) takes the party's entries off the list with an audited
decision. Deltas: several runs and reviews with exports in between, and the deltas applied in
order to the first export give the last full export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from letters_kit import MIXED, SAMPLES, draw_letter, export, planted_master, run, runner, truth, verified
from sqlalchemy import Engine, select

from redletter.cli import app
from redletter.screening.exports import apply_delta
from redletter.screening.history import diff, remove_party
from redletter.screening.screen import review
from redletter.store.db import connect, transaction
from redletter.store.history import links_of, removed_parties
from redletter.store.tables import decisions, letters, parties

INFORMED = truth("03_isinformed_plain")  # OEE-2025-3429-D
RED_FLAG = truth("22_location_plain_annex")  # OEE-2025-8640-B
SUPPLIER = truth("24_grid_twoline_header")  # OEE-2024-2760-D
NEW = ("NOVA HORIZON TRADING LLC", "Office 12, Al Quoz 3, Dubai", "United Arab Emirates")


def _row(p: dict[str, Any], address: str | None = None) -> tuple[str, str, str]:
    return (p["name"], address or p["address"] or "", p["country_printed"] or p["country"])


def _master(tmp: Path) -> Path:
    planted_master(tmp / "master.csv")
    with (tmp / "master.csv").open("a", encoding="utf-8") as fh:
        fh.write(f'K9001,{NEW[0]},"{NEW[1]}",,AE\n')
    return tmp / "master.csv"


def _superseding(tmp: Path) -> Path:
    """A new is-informed letter that supersedes 03: CADY TECH left out, VEB ASIA moved, one
    party added."""
    kept = [_row(p, "Suite 12, 9/F, Bank Tower, Central" if p["name"] == "VEB ASIA LIMITED" else None)
            for p in INFORMED["parties"] if p["name"] != "CADY TECH HK LIMITED"]
    return draw_letter(tmp / "superseding.pdf", reference="OEE-2026-0100-A",
                       subject="\"Is Informed\" Notice under 15 CFR 744.21(b)",
                       body=[f"This letter supersedes our letter {INFORMED['reference']}. You are "
                             "hereby informed that a license is required for the export of any "
                             "item subject to the EAR to the parties listed below."],
                       parties=[*kept, NEW])


def _removing(tmp: Path) -> Path:
    guron = next(p for p in RED_FLAG["parties"] if p["name"] == "GURON TRADING LIMITED")
    return draw_letter(tmp / "removing.pdf", reference="OEE-2026-0101-R",
                       subject="Red Flag Notification: correction",
                       body=["The party below is removed from the list attached to our letter "
                             f"{RED_FLAG['reference']}: it showed that it did not re-export your "
                             "items. The other red flags stand."],
                       parties=[_row(guron)])


def _second_copy(tmp: Path) -> Path:
    """A second letter under the supplier list's reference, naming two of its parties."""
    two = [_row(p) for p in SUPPLIER["parties"][:2]]
    return draw_letter(tmp / "second_copy.pdf", reference=SUPPLIER["reference"],
                       subject="Supplier list of concern (copy)",
                       body=["BIS is providing this supplier list so that your company can review "
                             "its customers."], parties=two)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Any]]:
    """Runs with exports in between: the mixed inbox; an export; the superseding letter; a
    delta; a reviewer's rejection and removal; a delta since a date; the removing letter and a
    second copy; a delta; the last full export."""
    tmp = tmp_path_factory.mktemp("history")
    db, master, inbox = tmp / "r.db", _master(tmp), tmp / "inbox"
    run(inbox, master, db, *[SAMPLES / f"{s}.pdf" for s in MIXED])
    steps: list[Any] = [export(db)]
    run(inbox, master, db, _superseding(tmp))
    steps.append(export(db, "--since", steps[0][1]))
    engine = connect(db)
    _reject(engine, "JOINT STOCK COMPANY POLIMER")
    _remove(engine, "LIMITED LIABILITY COMPANY GROSS")
    moment = dt.datetime.now(dt.UTC).isoformat()
    steps.append(export(db, "--since", moment))  # the last export before now: the delta above
    run(inbox, master, db, _removing(tmp), _second_copy(tmp))
    steps.append(export(db, "--since", steps[-1][1]))
    steps.append(export(db))
    return db, tmp, steps


def _pair(engine: Engine, party_name: str) -> tuple[int, str]:
    with engine.connect() as conn:
        r = conn.execute(select(decisions.c.party_id, decisions.c.customer_id)
                         .select_from(decisions.join(parties))
                         .where(parties.c.name == party_name).order_by(decisions.c.id)).first()
    assert r is not None, party_name
    return int(r.party_id), str(r.customer_id)


def _reject(engine: Engine, party_name: str) -> None:
    party_id, customer_id = _pair(engine, party_name)
    with transaction(engine) as conn:
        review(conn, party_id=party_id, customer_id=customer_id, approve=False, reviewer="ana",
               reason="a different company at another address")


def _remove(engine: Engine, party_name: str) -> None:
    party_id, _ = _pair(engine, party_name)
    with transaction(engine) as conn:
        assert remove_party(conn, party_id, by_letter_id=None, decided_by="ana",
                            reason="BIS confirmed by telephone that it was listed by mistake") == 1


def test_deltas_applied_in_order_give_the_last_full_export(history: tuple[Path, Path, list[Any]]) -> None:
    _, _, steps = history
    (first, first_id), *deltas, (last, _) = steps
    entries = first
    for change, export_id in deltas:
        assert change["export_id"] == export_id
        entries = apply_delta(entries, change)
    assert entries == last
    assert [d["since"] for d, _ in deltas] == [first_id, deltas[0][1], deltas[1][1]]
    d1, d2, d3 = (d for d, _ in deltas)
    assert [e["customer_name"] for e in d1["added"]] == [NEW[0]]
    assert any(e["customer_name"] == "CADY TECH HK LIMITED" for e in d1["removed"])
    assert {e["customer_name"] for e in d2["removed"]} == {"JOINT STOCK COMPANY POLIMER",
                                                          "LIMITED LIABILITY COMPANY GROSS"}
    assert [e["customer_name"] for e in d3["removed"]] == ["GURON TRADING LIMITED"]


def test_a_delta_as_csv_and_a_bad_since(history: tuple[Path, Path, list[Any]]) -> None:
    db, _, steps = history
    result = runner.invoke(app, ["denylist", "export", "--since", steps[0][1], "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("change,customer_id,") and any(x.startswith("removed,") for x in lines)
    for since in ("EXP-999999", "last tuesday"):
        bad = runner.invoke(app, ["denylist", "export", "--since", since, "--db", str(db)])
        assert bad.exit_code == 2 and "--since" in bad.stderr
    empty, _ = export(db, "--since", "2000-01-01")  # no export before: everything is added
    assert len(empty["added"]) == len(steps[-1][0]) and empty["since"] is None


def _letter_id(engine: Engine, reference: str, nth: int = 0) -> int:
    with engine.connect() as conn:
        ids = [int(i) for i in conn.execute(select(letters.c.id).where(letters.c.reference == reference)
                                            .order_by(letters.c.id)).scalars()]
    return ids[nth]


def test_a_superseding_letter_is_linked_with_its_changes(history: tuple[Path, Path, list[Any]]) -> None:
    db, _, _ = history
    engine = connect(db)
    later = _letter_id(engine, "OEE-2026-0100-A")
    with engine.connect() as conn:
        (link,) = links_of(conn, later)
        changes = diff(conn, link)
        gone = removed_parties(conn)
    assert (link.relation, link.reference) == ("supersedes", INFORMED["reference"])
    assert [c.name for c in changes.added] == [NEW[0]]
    assert [c.name for c in changes.removed] == ["CADY TECH HK LIMITED"]
    assert [c.name for c in changes.changed] == ["VEB ASIA LIMITED"]
    assert set(changes.changed[0].fields) == {"address"}
    cady = next(r for r in gone.values() if r.decided_by == "auto" and r.by_letter_id == later)
    assert "no longer named in letter OEE-2026-0100-A" in cady.reason
    assert verified(db)


def test_a_removing_letter_and_a_second_copy(history: tuple[Path, Path, list[Any]]) -> None:
    db, _, steps = history
    engine = connect(db)
    removing = _letter_id(engine, "OEE-2026-0101-R")
    copy = _letter_id(engine, SUPPLIER["reference"], 1)
    with engine.connect() as conn:
        (link,) = links_of(conn, removing)
        assert [c.name for c in diff(conn, link).removed] == ["GURON TRADING LIMITED"]
        by_it = {p: r for p, r in removed_parties(conn).items() if r.by_letter_id == removing}
        outcomes = {p: [d.outcome for d in conn.execute(select(decisions).where(
            decisions.c.party_id == p).order_by(decisions.c.id))] for p in by_it}
        (same,) = links_of(conn, copy)
        second = diff(conn, same)
    guron, own = sorted(by_it)  # the red flag's party, and the removing letter's own
    assert outcomes == {guron: ["active", "removed"], own: []}  # its own party is never screened
    assert "named in a letter that removes it" in by_it[own].reason
    assert (same.relation, second.removed, len(second.not_repeated)) == (
        "same_reference", [], len(SUPPLIER["parties"]) - 2)
    names = {e["customer_name"] for e in steps[-1][0]}
    assert "GURON TRADING LIMITED" not in names and "BASILEVS LOJISTIK MEDIKAL TARIM TICARET VE " \
        "SANAYI LIMITED SIRKETI" in names  # a second copy removes nothing
    letters_json = json.loads(runner.invoke(app, ["letters", "--format", "json", "--db", str(db)]).stdout)
    assert {r["reference"]: r["notice_type"] for r in letters_json}["OEE-2026-0101-R"] == "red_flag"
    assert verified(db)


def test_a_removed_party_is_not_decided_again(history: tuple[Path, Path, list[Any]]) -> None:
    db, _, _ = history
    engine = connect(db)
    party_id, customer_id = _pair(engine, "LIMITED LIABILITY COMPANY GROSS")
    with pytest.raises(ValueError, match="taken off the list"), transaction(engine) as conn:
        review(conn, party_id=party_id, customer_id=customer_id, approve=True, reviewer="bo",
               reason="back on")


def test_the_letter_page_shows_the_diff(history: tuple[Path, Path, list[Any]]) -> None:
    from fastapi.testclient import TestClient

    from redletter.web.app import create_app

    db, _, _ = history
    engine = connect(db)
    client = TestClient(create_app(engine, token="t" * 20))
    client.get("/?token=" + "t" * 20)
    later = client.get(f"/letters/{_letter_id(engine, 'OEE-2026-0100-A')}").text
    assert "This letter <b>supersedes</b>" in later
    for line in (f"added: {NEW[0]}", "removed: CADY TECH HK LIMITED", "changed: VEB ASIA LIMITED (address:"):
        assert line in later
    earlier = client.get(f"/letters/{_letter_id(engine, INFORMED['reference'])}").text
    assert "a later letter,\n<b>supersedes</b>" in earlier and "Taken off the list by auto" in earlier


def test_the_evidence_of_a_customer(history: tuple[Path, Path, list[Any]], tmp_path: Path) -> None:
    """The page holds the letters' references, the party, each feature with its detail, every
    decision and the audit hashes; the PDF is printed by headless Chromium."""
    db, _, _ = history
    engine = connect(db)
    party_id, customer = _pair(engine, "VEB ASIA LIMITED")
    out = tmp_path / "evidence.html"
    result = runner.invoke(app, ["evidence", "--db", str(db), "--customer", customer, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text("utf-8")
    with engine.connect() as conn:
        made = conn.execute(select(decisions).where(decisions.c.customer_id == customer)).all()
        features = json.loads(conn.exec_driver_sql(
            "SELECT features FROM candidates WHERE party_id = ?", (party_id,)).scalar_one())
        letter_hash = conn.execute(select(letters.c.sha256).where(
            letters.c.reference == INFORMED["reference"])).scalar_one()
    for text in (INFORMED["reference"], "OEE-2026-0100-A", "VEB ASIA LIMITED", letter_hash,
                 "license_required", "15 CFR 744.21(b)", *[d.audit_hash for d in made]):
        assert text in page, text
    for f in features:
        assert f'<td class="feature">{f["name"]}</td>' in page and f["detail"].replace("'", "&#39;") in page
    assert page.count('<img class="crop" src="data:image/png;base64,') == 2  # one per letter
    assert "<link" not in page and "<script" not in page and 'src="http' not in page
    pdf = tmp_path / "evidence.pdf"
    result = runner.invoke(app, ["evidence", "--db", str(db), "--customer", customer, "-o", str(pdf),
                                 "--pdf"])
    assert result.exit_code == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 20_000
    missing = runner.invoke(app, ["evidence", "--db", str(db), "--customer", "NOBODY", "-o", str(out)])
    assert missing.exit_code == 2 and "no letter names customer 'NOBODY'" in missing.stderr
