"""Two laptops work on the same session offline and merge each other's bundles."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.services import assessments, clarifications, findings, participants, undo
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundle_import import ImportRefused, import_bundle, preview_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.errors import InvalidInput, SessionLocked
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.merge import Edit
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.session_records import collect
from evaluator_app.services.sessions import SessionDetails, create_session
from evaluator_app.services.signoff import sign_off
from evaluator_app.store.models import BOOKKEEPING
from tests.conftest import TINY_FRAMEWORK

_bundles = itertools.count()


def laptop(folder: Path, actor: str) -> Context:
    (folder / "frameworks").mkdir(parents=True, exist_ok=True)
    (folder / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
    return open_context(str(folder), actor)


def send(source: Context, session_id: str, target: Context, **kwargs: Any) -> Any:
    """Export from ``source``, import on ``target``; the import's summary."""
    path = source.store.data_dir.parent / f"bundle-{next(_bundles)}.evpkg"
    export_bundle(source, session_id, path)
    return import_bundle(target, path, **kwargs)


def data(ctx: Context, session_id: str) -> dict[str, Any]:
    """What people typed: every record's fields but bookkeeping and local ids."""
    with reading(ctx) as db:
        tables = collect(db, session_id)
    out: dict[str, Any] = {}
    for name, value in tables.items():
        if name == "framework":
            continue
        rows = [value] if isinstance(value, dict) else value
        out[name] = {
            r["id"]: {k: v for k, v in r.items() if k not in BOOKKEEPING | {"framework_id"}}
            for r in rows
        }
    return out


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Context, Context, str]]:
    """Laptop A with a session (a lead and an evaluator), and B with a copy of it."""
    a, b = laptop(tmp_path / "a", "alice"), laptop(tmp_path / "b", "bob")
    session_id = create_session(a, "tiny", SessionDetails(region="Kota Uji", year=2024))
    for name, role in (("Alice", "lead_evaluator"), ("Bob", "evaluator"), ("Sekda", "signer")):
        participants.add_participant(a, session_id, ParticipantDetails(name=name, role=role))
    assert send(a, session_id, b).outcome == "added"
    yield a, b, session_id
    a.store.close()
    b.store.close()


def test_two_laptops_end_with_the_same_data_apart_from_the_conflict(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    # Different indicators on each laptop ...
    assessments.set_agreed_level(a, sid, "GOV.1.1", 3)
    question = clarifications.ask(a, sid, "GOV.1.1", "Ada SK Walikota?")
    assessments.set_agreed_level(b, sid, "ENV.1.1", 2)
    findings.add_finding(b, sid, FindingDetails(text="Perlu peta jalan.", agencies=["Bappeda"]))
    # ... and the same field of the same indicator.
    assessments.set_notes(a, sid, "GOV.1.2", "Catatan A")
    assessments.set_notes(b, sid, "GOV.1.2", "Catatan B")

    a_path = a.store.data_dir.parent / "from-a.evpkg"
    b_path = b.store.data_dir.parent / "from-b.evpkg"
    export_bundle(a, sid, a_path)
    export_bundle(b, sid, b_path)

    preview = preview_bundle(a, b_path)
    assert preview.outcome == "merge" and preview.plan is not None
    (conflict,) = preview.plan.conflicts
    assert (conflict.label, conflict.field) == ("indicator GOV.1.2", "notes")
    assert (conflict.ours, conflict.theirs, conflict.kind) == (
        "Catatan A",
        "Catatan B",
        "both_changed",
    )
    assert {d.label for d in preview.plan.added} == {"session: finding “Perlu peta jalan.”"}
    assert {(d.label, d.field) for d in preview.plan.changed} >= {
        ("indicator ENV.1.1", "agreed_level")
    }

    before = data(a, sid)
    with pytest.raises(InvalidInput, match=r"1 conflict.*indicator GOV.1.2: notes"):
        import_bundle(a, b_path)
    assert data(a, sid) == before  # nothing written without a choice

    merged_a = import_bundle(a, b_path, resolutions={conflict.key: "ours"})
    merged_b = import_bundle(b, a_path, resolutions={conflict.key: "ours"})
    assert merged_a.outcome == merged_b.outcome == "merged"
    assert merged_a.merge and merged_a.merge["conflicts"] == 1

    on_a, on_b = data(a, sid), data(b, sid)
    assessment = next(k for k, v in on_a["assessments"].items() if v["indicator_code"] == "GOV.1.2")
    assert on_a["assessments"][assessment]["notes"] == "Catatan A"
    assert on_b["assessments"][assessment]["notes"] == "Catatan B"
    for side in (on_a, on_b):
        side["assessments"][assessment]["notes"] = None
    assert on_a == on_b
    assert on_a["clarifications"][question]["question"] == "Ada SK Walikota?"
    for ctx in (a, b):
        report = verify_chain(ctx, sid)
        assert report.intact, report


def test_the_same_bundle_twice_changes_nothing_and_merging_back_finds_nothing_new(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    assessments.set_notes(b, sid, "GOV.1.1", "Dari B")
    clarifications.ask(b, sid, "ENV.1.1", "Kapan dokumen dikirim?")
    b_path = b.store.data_dir.parent / "b.evpkg"
    export_bundle(b, sid, b_path)
    assert import_bundle(a, b_path).outcome == "merged"
    after = data(a, sid)
    with reading(a) as db:
        from evaluator_app.services.operation import chain_head

        head = chain_head(db, sid)
    assert import_bundle(a, b_path).outcome == "unchanged"
    assert preview_bundle(a, b_path).outcome == "unchanged"
    with reading(a) as db:
        assert chain_head(db, sid) == head  # not even an audit event
    assert data(a, sid) == after
    # B gets A's bundle back: A only holds what B already had.
    assert send(a, sid, b).outcome == "merged"  # learns what A absorbed; no field changes
    assert data(b, sid) == after
    assert send(a, sid, b).outcome == "unchanged"


def test_a_conflict_settled_on_one_laptop_travels_to_the_other(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    assessments.set_notes(a, sid, "GOV.1.1", "A")
    assessments.set_notes(b, sid, "GOV.1.1", "B")
    b_path = b.store.data_dir.parent / "b.evpkg"
    export_bundle(b, sid, b_path)
    (conflict,) = preview_bundle(a, b_path).plan.conflicts  # type: ignore[union-attr]
    import_bundle(a, b_path, resolutions={conflict.key: Edit("A dan B")})
    # B takes A's settled value without a new conflict: A had seen B's.
    result = send(a, sid, b)
    assert result.outcome == "merged" and result.merge["conflicts"] == 0
    assert data(a, sid) == data(b, sid)
    notes = {v["indicator_code"]: v["notes"] for v in data(b, sid)["assessments"].values()}
    assert notes["GOV.1.1"] == "A dan B"
    # The choice is in the audit trail.
    with reading(a) as db:
        from evaluator_app.store.models import AuditEvent

        last = db.query(AuditEvent).filter_by(session_id=sid, change="import").all()[-1]
    assert '"chosen":"edit"' in (last.new_value or "") and "A dan B" in (last.new_value or "")


def test_deletions_travel_and_a_deleted_record_changed_elsewhere_is_a_conflict(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    kept = clarifications.ask(a, sid, "GOV.1.1", "Dihapus di B, tidak diubah di A")
    edited = clarifications.ask(a, sid, "GOV.1.2", "Dihapus di B, dijawab di A")
    send(a, sid, b)
    clarifications.remove(b, kept)
    clarifications.remove(b, edited)
    clarifications.answer(a, edited, "Sudah ada.")
    b_path = b.store.data_dir.parent / "b.evpkg"
    export_bundle(b, sid, b_path)
    plan = preview_bundle(a, b_path).plan
    assert plan is not None
    assert [d.record_id for d in plan.removed] == [kept]
    (conflict,) = plan.conflicts
    assert (conflict.record_id, conflict.kind, conflict.field) == (edited, "deleted_there", None)
    assert not conflict.editable
    with pytest.raises(InvalidInput, match="cannot be typed"):
        import_bundle(a, b_path, resolutions={conflict.key: Edit("x")})
    import_bundle(a, b_path, resolutions={conflict.key: "ours"})
    left = data(a, sid)["clarifications"]
    assert kept not in left and left[edited]["answer"] == "Sudah ada."
    # On B the answered one is a conflict the other way round; restoring it agrees.
    a_path = a.store.data_dir.parent / "a.evpkg"
    export_bundle(a, sid, a_path)
    (back,) = preview_bundle(b, a_path).plan.conflicts  # type: ignore[union-attr]
    assert (back.record_id, back.kind) == (edited, "deleted_here")
    import_bundle(b, a_path, resolutions={back.key: "theirs"})
    assert data(b, sid) == data(a, sid)


def test_the_same_rating_made_on_both_laptops_is_one_record(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    bob = next(k for k, v in data(a, sid)["participants"].items() if v["name"] == "Bob")
    assessments.set_rating(a, sid, "GOV.1.1", bob, 2)
    assessments.set_rating(b, sid, "GOV.1.1", bob, 3)
    b_path = b.store.data_dir.parent / "b.evpkg"
    export_bundle(b, sid, b_path)
    (conflict,) = preview_bundle(a, b_path).plan.conflicts  # type: ignore[union-attr]
    assert (conflict.field, conflict.ours, conflict.theirs) == ("level", 2, 3)
    import_bundle(a, b_path, resolutions={conflict.key: "theirs"})
    (rating,) = data(a, sid)["ratings"].values()
    assert rating["level"] == 3


def test_a_signed_session_is_not_changed_and_a_signed_bundle_fast_forwards(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    signer = next(k for k, v in data(a, sid)["participants"].items() if v["name"] == "Sekda")
    assessments.set_notes(a, sid, "GOV.1.1", "Final")
    sign_off(a, sid, [signer])
    # B had changed nothing: it takes the signed session as it is.
    result = send(a, sid, b)
    assert result.outcome == "merged"
    assert data(b, sid) == data(a, sid)
    with pytest.raises(SessionLocked):
        assessments.set_notes(b, sid, "GOV.1.1", "Terlambat")
    assert verify_chain(b, sid).intact


def test_a_signed_bundle_is_refused_where_work_it_lacks_was_done(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    signer = next(k for k, v in data(a, sid)["participants"].items() if v["name"] == "Sekda")
    sign_off(a, sid, [signer])
    assessments.set_notes(b, sid, "ENV.1.1", "Pekerjaan B")
    before = data(b, sid)
    a_path = a.store.data_dir.parent / "a.evpkg"
    export_bundle(a, sid, a_path)
    with pytest.raises(ImportRefused, match=r"signed on the other laptop.*ENV.1.1: notes"):
        import_bundle(b, a_path)
    assert data(b, sid) == before


def test_a_dimension_bundle_merges_its_dimension_and_leaves_the_rest(
    pair: tuple[Context, Context, str],
) -> None:
    a, b, sid = pair
    assessments.set_notes(b, sid, "GOV.1.1", "GOV dari B")
    assessments.set_notes(b, sid, "ENV.1.1", "ENV dari B (tidak dikirim)")
    assessments.set_notes(a, sid, "ENV.1.1", "ENV dari A")
    path = b.store.data_dir.parent / "gov.evpkg"
    export_bundle(b, sid, path, dimensions=["GOV"])
    result = import_bundle(a, path)
    assert result.outcome == "merged" and result.merge["conflicts"] == 0
    notes = {v["indicator_code"]: v["notes"] for v in data(a, sid)["assessments"].values()}
    assert notes["GOV.1.1"] == "GOV dari B" and notes["ENV.1.1"] == "ENV dari A"


def test_merge_is_a_barrier_for_undo(pair: tuple[Context, Context, str]) -> None:
    a, b, sid = pair
    assessments.set_notes(b, sid, "GOV.1.1", "Dari B")
    send(b, sid, a)
    assert undo.history(a, sid).undo == []


def test_command_line_previews_lists_conflicts_and_settles_them(
    pair: tuple[Context, Context, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from evaluator_app.cli import main

    a, b, sid = pair
    assessments.set_notes(a, sid, "GOV.1.1", "Dari A")
    assessments.set_notes(b, sid, "GOV.1.1", "Dari B")
    assessments.set_agreed_level(b, sid, "ENV.1.1", 4)
    path = b.store.data_dir.parent / "b.evpkg"
    export_bundle(b, sid, path)
    where = ["--data-dir", str(a.store.data_dir)]
    before = data(a, sid)

    assert main([*where, "bundle", "import", str(path), "--preview"]) == 0
    shown = capsys.readouterr().out
    assert "bob's bundle would be merged into session" in shown
    assert "indicator ENV.1.1: agreed_level: null → 4" in shown
    assert "indicator GOV.1.1: notes: ours Dari A | theirs Dari B (both changed)" in shown

    assert main([*where, "bundle", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "1 conflict(s) need a choice" in err and "--conflicts ours" in err
    assert data(a, sid) == before

    assert main([*where, "bundle", "import", str(path), "--conflicts", "theirs", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["outcome"] == "merged" and result["merge"]["conflicts"] == 1
    notes = {v["indicator_code"]: v["notes"] for v in data(a, sid)["assessments"].values()}
    assert notes["GOV.1.1"] == "Dari B"
    assert main([*where, "bundle", "import", str(path), "--preview", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "unchanged"


def test_a_dimension_bundle_does_not_claim_work_outside_its_dimensions(
    pair: tuple[Context, Context, str], tmp_path: Path
) -> None:
    """B merged C's work on GOV and ENV, then sent A only GOV: A must still get
    C's ENV note later, as a conflict with A's own, never silently lose it."""
    a, b, sid = pair
    c = laptop(tmp_path / "c", "carol")
    send(a, sid, c)
    assessments.set_notes(c, sid, "GOV.1.1", "GOV dari C")
    assessments.set_notes(c, sid, "ENV.1.1", "ENV dari C")
    send(c, sid, b)
    gov_only = b.store.data_dir.parent / "gov-only.evpkg"
    export_bundle(b, sid, gov_only, dimensions=["GOV"])
    import_bundle(a, gov_only)
    assessments.set_notes(a, sid, "ENV.1.1", "ENV dari A")
    whole = b.store.data_dir.parent / "whole.evpkg"
    export_bundle(b, sid, whole)
    plan = preview_bundle(a, whole).plan
    assert plan is not None
    assert [(d.label, d.field) for d in plan.conflicts] == [("indicator ENV.1.1", "notes")]
    (conflict,) = plan.conflicts
    assert (conflict.ours, conflict.theirs) == ("ENV dari A", "ENV dari C")
    c.store.close()
