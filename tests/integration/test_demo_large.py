"""The large demo generator, scaled down: the shape is right and the data is real."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from evaluator_app.services import demo_large
from evaluator_app.services.demo_large import (
    LargeSpec,
    create_archive,
    create_large,
    large_framework_yaml,
)
from evaluator_app.services.frameworks import read_framework_file
from evaluator_app.services.operation import Context, reading
from evaluator_app.services.sessions import list_sessions
from evaluator_app.store.models import Clarification, Evidence, Finding, Participant


def test_large_framework_has_150_indicators(tmp_path: Path) -> None:
    path = tmp_path / "large.yaml"
    path.write_text(large_framework_yaml(LargeSpec()), encoding="utf-8")
    framework = read_framework_file(path)
    assert sum(1 for _ in framework.indicators()) == 150
    assert len(framework.dimensions) == 6


def test_large_session_holds_the_scaled_records(ctx: Context) -> None:
    # A narrower framework and a hundredth of the records keep the test fast.
    spec = replace(LargeSpec(), sub_dimensions=1, indicators_per_group=2).scaled(0.01)
    session_id = create_large(ctx, spec)
    row = next(s for s in list_sessions(ctx) if s.id == session_id)
    assert row.total == 12
    with reading(ctx) as db:
        assert db.query(Participant).filter_by(session_id=session_id).count() == 8
        assert db.query(Clarification).count() == spec.clarifications
        assert db.query(Finding).filter_by(session_id=session_id).count() == spec.findings
        records = db.query(Evidence).all()
    assert len(records) == spec.evidence_records
    stored = sum(r.size or 0 for r in records if r.kind == "file")
    assert stored == spec.file_bytes


def test_archive_has_one_session_per_region_and_year(ctx: Context) -> None:
    ids = create_archive(ctx, regions=2, years=2)
    rows = [s for s in list_sessions(ctx) if s.id in ids]
    assert len(rows) == 4
    assert {(r.region, r.year) for r in rows} == {
        (f"Kabupaten Arsip {n:03d} (fiktif)", year) for n in (1, 2) for year in (2021, 2022)
    }
    assert demo_large.GENERATOR_VERSION
