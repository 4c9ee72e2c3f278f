"""A session travels between laptops as a bundle: whole, in part, encrypted, twice."""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_bundle_helpers import members, rezip, session_json, state, with_session_json

from evaluator_app.cli.bundle_commands import cmd_bundle
from evaluator_app.domain.framework import framework_from_data
from evaluator_app.exchange.errors import BundleError
from evaluator_app.services import assessments, evidence, signoff, undo
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundle_import import ImportRefused, import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.demo import create_demo
from evaluator_app.services.errors import InvalidInput, ServiceError
from evaluator_app.services.evidence import check_files
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import list_sessions, session_overview
from evaluator_app.services.walkthrough import indicator_states
from evaluator_app.store.engine import DATABASE_FILE

Laptop = tuple[Context, str, Path]


@pytest.fixture(scope="module")
def laptop_a(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Laptop]:
    """The lead's laptop with the demo session, and a bundle of it (never changed)."""
    folder = tmp_path_factory.mktemp("laptop-a")
    ctx = open_context(str(folder / "data"), "alice")
    session_id = create_demo(ctx)
    bundle = export_bundle(ctx, session_id, folder / "demo.evpkg").path
    yield ctx, session_id, bundle
    ctx.store.close()


@pytest.fixture
def laptop_b(tmp_path: Path) -> Iterator[Context]:
    ctx = open_context(str(tmp_path / "laptop-b"), "bob")
    yield ctx
    ctx.store.close()


def test_demo_bundle_adds_the_session_exactly_on_a_fresh_laptop(
    laptop_a: Laptop, laptop_b: Context, tmp_path: Path
) -> None:
    a, session_id, bundle = laptop_a
    result = import_bundle(laptop_b, bundle)
    assert result.outcome == "added" and result.session_id == session_id
    assert result.records["assessments"] == 40 and result.evidence_files > 0
    assert "added session" in result.message and result.author == "alice"
    assert session_overview(laptop_b, session_id).to_json() == (
        session_overview(a, session_id).to_json()
    )
    assert indicator_states(laptop_b, session_id) == indicator_states(a, session_id)
    assert check_files(laptop_b, session_id) == []
    for record in session_json(bundle)["evidence"]:
        if record["sha256"]:
            copy = laptop_b.store.evidence.read_bytes(record["sha256"])
            assert copy == a.store.evidence.read_bytes(record["sha256"])
    report = verify_chain(laptop_b, session_id)
    assert report.intact, report
    # Every record as it was: same ids, versions and times (B's export equals A's).
    again = export_bundle(laptop_b, session_id, tmp_path / "from-b.evpkg").path
    assert members(again)["session.json"] == members(bundle)["session.json"]
    events = json.loads(members(again)["audit.json"])["events"]
    assert events[:-1] == json.loads(members(bundle)["audit.json"])["events"]
    assert events[-1]["action"] == "import_bundle" and events[-1]["actor"] == "bob"


def test_importing_the_same_bundle_twice_changes_nothing(
    laptop_a: Laptop, laptop_b: Context
) -> None:
    a, _, bundle = laptop_a
    assert import_bundle(laptop_b, bundle).outcome == "added"
    before = state(laptop_b)
    second = import_bundle(laptop_b, bundle)
    assert second.outcome == "unchanged" and "nothing changed" in second.message
    assert state(laptop_b) == before
    before_a = state(a)
    assert import_bundle(a, bundle).outcome == "unchanged"  # back on the laptop that made it
    assert state(a) == before_a


def test_encrypted_bundle_round_trip(laptop_a: Laptop, laptop_b: Context, tmp_path: Path) -> None:
    a, session_id, _ = laptop_a
    sealed = export_bundle(a, session_id, tmp_path / "sealed.evpkg", passphrase="rahasia-42")
    assert sealed.encrypted
    raw = sealed.path.read_bytes()
    assert raw.startswith(b"EVPKGENC") and b"Tirtamaya" not in raw and b"session.json" not in raw
    before = state(laptop_b)
    for passphrase, problem in ((None, "give its passphrase"), ("salah", "wrong passphrase")):
        with pytest.raises(BundleError, match=problem):
            import_bundle(laptop_b, sealed.path, passphrase)
        assert state(laptop_b) == before
    result = import_bundle(laptop_b, sealed.path, "rahasia-42")
    assert result.outcome == "added" and result.encrypted
    assert session_overview(laptop_b, session_id).to_json() == (
        session_overview(a, session_id).to_json()
    )
    assert verify_chain(laptop_b, session_id).intact
    assert not list(laptop_b.store.data_dir.glob(".bundle-*"))  # the opened copy is gone


def test_a_framework_already_here_is_reused_and_the_trail_still_verifies(
    laptop_a: Laptop, laptop_b: Context
) -> None:
    _, session_id, bundle = laptop_a
    create_demo(laptop_b)  # B stored the same framework under its own record id
    result = import_bundle(laptop_b, bundle)
    assert result.outcome == "added" and result.framework_reused
    assert verify_chain(laptop_b, session_id).intact
    assert len(list_sessions(laptop_b)) == 2
    assert state(laptop_b)["rows"]["framework"][0] == 1
    assert import_bundle(laptop_b, bundle).outcome == "unchanged"


def test_dimension_bundle_carries_only_those_indicators(
    laptop_a: Laptop, laptop_b: Context, tmp_path: Path
) -> None:
    a, session_id, _ = laptop_a
    part = export_bundle(a, session_id, tmp_path / "gov.evpkg", dimensions=["GOV"])
    data = session_json(part.path)
    codes = {x["indicator_code"] for x in data["assessments"]}
    assert codes and all(code.startswith("GOV") for code in codes)
    kept = {x["id"] for x in data["assessments"]}
    assert all(r["assessment_id"] in kept for r in data["ratings"] + data["evidence"])
    assert all(f["indicator_code"] in codes for f in data["findings"])
    assert data["signoffs"] == [] and len(data["participants"]) == 8
    manifest = json.loads(members(part.path)["manifest.json"])
    assert manifest["scope"] == {"dimensions": ["GOV"], "evaluator": None}
    ids = {x["id"] for name, value in data.items() if isinstance(value, list) for x in value}
    ids |= {data["session"]["id"], data["framework"]["id"]}
    events = json.loads(members(part.path)["audit.json"])["events"]
    assert events and all(e["record_id"] in ids for e in events)
    assert import_bundle(a, part.path).outcome == "unchanged"
    before = state(laptop_b)
    with pytest.raises(ImportRefused, match="only part of session"):
        import_bundle(laptop_b, part.path)
    assert state(laptop_b) == before


def test_evaluator_bundle_carries_the_indicators_they_rated_or_asked_about(
    laptop_a: Laptop, tmp_path: Path
) -> None:
    a, session_id, bundle = laptop_a
    whole = session_json(bundle)
    evaluator = next(p["id"] for p in whole["participants"] if p["role"] == "evaluator")
    part = export_bundle(a, session_id, tmp_path / "ev.evpkg", evaluator_id=evaluator[:8])
    data = session_json(part.path)
    worked = {r["assessment_id"] for r in whole["ratings"] if r["participant_id"] == evaluator}
    worked |= {c["assessment_id"] for c in whole["clarifications"] if c["asked_by_id"] == evaluator}
    assert {x["id"] for x in data["assessments"]} == worked
    assert import_bundle(a, part.path).outcome == "unchanged"


def test_export_refuses_an_unknown_dimension_or_a_stranger(
    laptop_a: Laptop, tmp_path: Path
) -> None:
    a, session_id, _ = laptop_a
    with pytest.raises(InvalidInput, match="no dimension XYZ"):
        export_bundle(a, session_id, tmp_path / "x.evpkg", dimensions=["XYZ"])
    with pytest.raises(ServiceError):
        export_bundle(a, session_id, tmp_path / "x.evpkg", evaluator_id="ffffffff")
    assert not list(tmp_path.glob("*.evpkg*"))


def test_export_refuses_an_evaluator_of_another_session_or_an_unknown_id(tmp_path: Path) -> None:
    ctx = open_context(str(tmp_path / "data"), "alice")
    try:
        first, other = create_demo(ctx), create_demo(ctx)
        stranger = session_overview(ctx, other).participants[0]
        out = tmp_path / "x.evpkg"
        with pytest.raises(InvalidInput, match="is not a participant of this session"):
            export_bundle(ctx, first, out, evaluator_id=stranger.id)
        unknown = "0" * 8 + stranger.id[8:]  # a whole id, of no one
        with pytest.raises(ServiceError, match=unknown):
            export_bundle(ctx, first, out, evaluator_id=unknown)
        assert not list(tmp_path.glob("*.evpkg*"))
    finally:
        ctx.store.close()


def test_an_older_bundle_changes_nothing_that_was_edited_here_since(
    laptop_a: Laptop, laptop_b: Context
) -> None:
    _, session_id, bundle = laptop_a
    import_bundle(laptop_b, bundle)
    code = next(iter(indicator_states(laptop_b, session_id)))
    assessments.set_notes(laptop_b, session_id, code, "Catatan dari laptop B.")
    before = state(laptop_b)
    result = import_bundle(laptop_b, bundle)
    assert result.outcome == "unchanged"
    assert state(laptop_b) == before


def test_signed_session_is_never_changed_by_an_import(
    laptop_a: Laptop, laptop_b: Context, tmp_path: Path
) -> None:
    _, session_id, bundle = laptop_a
    import_bundle(laptop_b, bundle)
    signed_here = open_context(str(tmp_path / "laptop-c"), "carol")
    import_bundle(signed_here, bundle)
    signer = next(p.id for p in session_overview(signed_here, session_id).participants)
    signoff.sign_off(signed_here, session_id, [signer])
    before = state(signed_here)
    # The bundle it started from holds nothing new: nothing to refuse, nothing changed.
    assert import_bundle(signed_here, bundle).outcome == "unchanged"
    # A newer one from B would change it: refused, naming what differs.
    code = next(iter(indicator_states(laptop_b, session_id)))
    assessments.set_notes(laptop_b, session_id, code, "Catatan susulan dari laptop B.")
    newer = export_bundle(laptop_b, session_id, tmp_path / "newer.evpkg").path
    with pytest.raises(ImportRefused) as refused:
        import_bundle(signed_here, newer)
    text = str(refused.value)
    assert "is signed on this laptop and an import never changes it" in text
    assert f"indicator {code}: notes" in text
    assert state(signed_here) == before
    signed_here.store.close()


def test_bundle_of_another_framework_version_for_the_same_session_is_refused(
    laptop_a: Laptop, laptop_b: Context, tmp_path: Path
) -> None:
    _, _, bundle = laptop_a
    import_bundle(laptop_b, bundle)

    def next_release(data: dict[str, object]) -> None:
        record = data["framework"]
        assert isinstance(record, dict)
        record["definition"]["version"] = record["release"] = "2025.1"
        record["content_hash"] = framework_from_data(record["definition"]).content_hash

    changed = with_session_json(bundle, tmp_path / "2025.evpkg", next_release)
    new_hash = session_json(changed)["framework"]["content_hash"]

    def name_it(manifest: dict[str, object]) -> None:
        manifest["framework"] = {
            "id": "gmsc-2024-illustrative",
            "version": "2025.1",
            "content_hash": new_hash,
        }

    changed = rezip(changed, tmp_path / "2025b.evpkg", manifest=name_it)
    before = state(laptop_b)
    with pytest.raises(ImportRefused) as refused:
        import_bundle(laptop_b, changed)
    assert "made with framework gmsc-2024-illustrative version 2025.1" in str(refused.value)
    assert "uses version 2024.1" in str(refused.value)
    assert state(laptop_b) == before


def test_undo_right_after_an_import_changes_nothing(laptop_a: Laptop, laptop_b: Context) -> None:
    _, session_id, bundle = laptop_a
    import_bundle(laptop_b, bundle)
    before = state(laptop_b)
    with pytest.raises(ServiceError):
        undo.undo(laptop_b, session_id)
    assert state(laptop_b) == before


def _args(data_dir: Path, **values: object) -> argparse.Namespace:
    base: dict[str, object] = {
        "data_dir": str(data_dir),
        "actor": "carol",
        "passphrase_file": None,
        "json": False,
        "dimensions": None,
        "evaluator": None,
        "encrypt": False,
        "preview": False,
        "conflicts": None,
    }
    return argparse.Namespace(**(base | values))


def test_bundle_commands_export_and_import(
    laptop_a: Laptop, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, session_id, _ = laptop_a
    secret = tmp_path / "passphrase.txt"
    secret.write_text("kata sandi rahasia\n", encoding="utf-8")
    out = tmp_path / "cli.evpkg"
    export = _args(
        a.store.data_dir,
        bundle_command="export",
        id=session_id[:8],
        out=str(out),
        encrypt=True,
        passphrase_file=str(secret),
    )
    assert cmd_bundle(export) == 0
    assert "the whole session" in capsys.readouterr().out
    target = tmp_path / "laptop-c"
    imported = _args(
        target, bundle_command="import", file=str(out), passphrase_file=str(secret), json=True
    )
    assert cmd_bundle(imported) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["outcome"] == "added" and shown["session_id"] == session_id
    assert cmd_bundle(imported) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "unchanged"
    broken = tmp_path / "broken.evpkg"
    broken.write_bytes(b"not a bundle")
    assert cmd_bundle(_args(target, bundle_command="import", file=str(broken))) == 1
    assert "error: broken.evpkg: not an Evaluator bundle" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content",
    [
        b" " * (3 << 20),  # compresses about 1000 : 1 from its first byte
        hashlib.shake_256(b"x").hexdigest(128 << 10).encode() + bytes(40 << 20),  # ... later
        hashlib.shake_256(b"y").digest(2 << 20),  # does not compress at all
    ],
    ids=["blank", "blank-after-a-while", "random"],
)
def test_evidence_of_any_kind_makes_a_bundle_this_app_accepts(
    content: bytes, ctx: Context, session_id: str, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.tif"
    scan.write_bytes(content)
    evidence.attach_file(ctx, session_id, "GOV.1.1", scan)
    bundle = export_bundle(ctx, session_id, tmp_path / "scan.evpkg").path
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            assert info.file_size <= 100 * max(info.compress_size, 1) or info.file_size < 1 << 20
    other = open_context(str(tmp_path / "other"), "bob")
    try:
        assert import_bundle(other, bundle).evidence_files == 1
        sha256 = hashlib.sha256(content).hexdigest()
        assert other.store.evidence.read_bytes(sha256) == content
    finally:
        other.store.close()


def test_signed_session_travels_with_its_signoffs_intact(
    laptop_a: Laptop, laptop_b: Context, tmp_path: Path
) -> None:
    _, session_id, bundle = laptop_a
    import_bundle(laptop_b, bundle)
    signer = next(p.id for p in session_overview(laptop_b, session_id).participants)
    signoff.sign_off(laptop_b, session_id, [signer])
    signed = export_bundle(laptop_b, session_id, tmp_path / "signed.evpkg").path
    laptop_c = open_context(str(tmp_path / "laptop-c"), "carol")
    try:
        assert import_bundle(laptop_c, signed).records["signoffs"] == 1
        assert session_overview(laptop_c, session_id).status == "signed"
        assert signoff.current_snapshot_matches(laptop_c, session_id)
        assert verify_chain(laptop_c, session_id).intact
    finally:
        laptop_c.store.close()


def test_dimension_bundle_is_compared_only_within_its_dimensions(
    laptop_a: Laptop, laptop_b: Context, tmp_path: Path
) -> None:
    a, session_id, bundle = laptop_a
    import_bundle(laptop_b, bundle)
    elsewhere = next(c for c in indicator_states(laptop_b, session_id) if c.startswith("ENV"))
    assessments.set_notes(laptop_b, session_id, elsewhere, "Diubah di laptop B.")
    part = export_bundle(a, session_id, tmp_path / "gov.evpkg", dimensions=["GOV"]).path
    assert import_bundle(laptop_b, part).outcome == "unchanged"


@pytest.mark.parametrize("trail_kept", [True, False])
def test_records_whose_ids_belong_to_another_session_here_are_refused(
    laptop_a: Laptop, tmp_path: Path, trail_kept: bool
) -> None:
    _, session_id, bundle = laptop_a
    data_dir = tmp_path / "laptop-d"
    first = open_context(str(data_dir), "dina")
    import_bundle(first, bundle)
    first.store.close()
    # The same records here under another session id: as if a copy had been made.
    other_id = "0" * 8 + session_id[8:]
    database = sqlite3.connect(data_dir / DATABASE_FILE)
    with database:
        database.execute("PRAGMA foreign_keys = OFF")
        ids = (other_id, session_id)
        database.execute("UPDATE session SET id = ? WHERE id = ?", ids)
        for name in (
            "participant",
            "assessment",
            "finding",
            "signoff",
            "assignment",
            "audit_event",
        ):
            database.execute(f"UPDATE {name} SET session_id = ? WHERE session_id = ?", ids)
        if not trail_kept:  # then the first clash is in the records themselves
            database.execute("DELETE FROM audit_event WHERE session_id = ?", (other_id,))
    database.close()
    again = open_context(str(data_dir), "dina")
    try:
        before = state(again)
        table = "audit_event" if trail_kept else "participant"
        with pytest.raises(ImportRefused, match=f"{table} records have the ids of records"):
            import_bundle(again, bundle)
        assert state(again) == before
    finally:
        again.store.close()
