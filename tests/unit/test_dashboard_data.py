"""The dashboard's numbers are the scoring engine's, its counts the walkthrough's (no Qt)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from evaluator_app.services import assessments, clarifications, evidence, walkthrough
from evaluator_app.services.dashboard import (
    PLANNED_LENGTH,
    DashboardData,
    dashboard_data,
    planned_end,
)
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import SessionDetails, create_session, session_overview

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo session, made once (it takes seconds); each test works on a copy."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    ctx = open_context(str(folder), "tester")
    try:
        return folder, create_demo(ctx)
    finally:
        ctx.store.close()


@pytest.fixture
def demo_ctx(tmp_path: Path, demo_folder: tuple[Path, str]) -> Iterator[Context]:
    copy = tmp_path / "data"
    shutil.copytree(demo_folder[0], copy)
    ctx = open_context(str(copy), "tester")
    yield ctx
    ctx.store.close()


@pytest.fixture
def demo(demo_folder: tuple[Path, str]) -> str:
    return demo_folder[1]


def test_radar_bars_and_index_are_the_scoring_engines(demo_ctx: Context, demo: str) -> None:
    data = dashboard_data(demo_ctx, demo)
    overview = session_overview(demo_ctx, demo)
    agreed, claimed = overview.scores, overview.self_scores

    assert data.index == agreed.index is not None
    assert data.self_index == claimed.index
    assert agreed.predicate is not None and data.predicate == agreed.predicate.name.get("id")
    assert data.max_level == 4
    framework = overview.framework
    assert [d.code for d in data.dimensions] == [d.code for d in framework.dimensions]
    assert len(data.dimensions) == 6
    for shown, dimension in zip(data.dimensions, framework.dimensions, strict=True):
        assert shown.title == dimension.title.get("id")
        assert shown.agreed == agreed.groups[dimension.code].value
        assert shown.self_assessed == claimed.groups[dimension.code].value
    for group, dimension in zip(data.bars, framework.dimensions, strict=True):
        assert group.dimension == next(d for d in data.dimensions if d.code == dimension.code)
        assert [b.code for b in group.bars] == [g.code for g in dimension.groups]
        for bar in group.bars:
            assert bar.agreed == agreed.groups[bar.code].value
            assert bar.self_assessed == claimed.groups[bar.code].value
    assert sum(len(g.bars) for g in data.bars) == 18
    # the demo has a sub-dimension with nothing agreed: a bar without a value, not a zero
    assert any(b.agreed is None and b.self_assessed is not None for g in data.bars for b in g.bars)


def test_texts_follow_the_language(demo_ctx: Context, demo: str) -> None:
    data = dashboard_data(demo_ctx, demo, "en")
    assert data.predicate == "Good"
    assert data.bars[0].bars[0].title == "Public Services"


def test_progress_counts_are_the_indicator_states(demo_ctx: Context, demo: str) -> None:
    progress = dashboard_data(demo_ctx, demo).progress
    statuses = Counter(s.status for s in walkthrough.indicator_states(demo_ctx, demo).values())
    assert (progress.done, progress.in_discussion, progress.deferred, progress.not_started) == (
        statuses["done"],
        statuses["in_discussion"],
        statuses["deferred"],
        statuses["not_started"],
    )
    assert progress.total == 40
    assert progress.in_discussion == 1 and progress.done > 0 and progress.not_started > 0

    code = next(c for c, s in walkthrough.indicator_states(demo_ctx, demo).items() if not s.settled)
    assessments.set_status(demo_ctx, demo, code, "deferred")
    later = dashboard_data(demo_ctx, demo).progress
    assert later.deferred == 1 and later.total == 40


def test_lists_are_the_open_clarifications_and_pending_evidence(
    demo_ctx: Context, demo: str
) -> None:
    items = dashboard_data(demo_ctx, demo).open_items
    states = walkthrough.indicator_states(demo_ctx, demo)
    expected_questions = []
    expected_evidence = []
    for code in states:  # framework order
        detail = walkthrough.indicator_detail(demo_ctx, demo, code)
        expected_questions += [
            (code, c.question) for c in detail.clarifications if c.status == "open"
        ]
        expected_evidence += [
            (code, e.title, e.due_date) for e in detail.evidence if e.status == "pending"
        ]
    shown_questions = [(q.indicator_code, q.question) for q in items.clarifications]
    shown_evidence = [(e.indicator_code, e.title, e.due_date) for e in items.evidence]
    assert shown_questions == expected_questions and len(shown_questions) >= 2
    assert shown_evidence == expected_evidence and len(shown_evidence) >= 2
    assert sum(s.open_clarifications for s in states.values()) == len(shown_questions)
    assert sum(s.pending_evidence for s in states.values()) == len(shown_evidence)


def test_an_answered_question_and_withdrawn_evidence_leave_the_lists(
    demo_ctx: Context, demo: str
) -> None:
    code = "GOV.1.1"
    question = clarifications.ask(demo_ctx, demo, code, "Sudah ada SK?")
    promised = evidence.promise(demo_ctx, demo, code, "SK Wali Kota", dt.date(2024, 11, 1))
    items = dashboard_data(demo_ctx, demo).open_items
    assert (code, "Sudah ada SK?") in [(q.indicator_code, q.question) for q in items.clarifications]
    assert (code, "SK Wali Kota") in [(e.indicator_code, e.title) for e in items.evidence]

    clarifications.answer(demo_ctx, question, "Ya, sudah.")
    evidence.remove(demo_ctx, promised)
    items = dashboard_data(demo_ctx, demo).open_items
    assert "Sudah ada SK?" not in [q.question for q in items.clarifications]
    assert "SK Wali Kota" not in [e.title for e in items.evidence]


def test_a_level_change_moves_the_index_as_the_engine_does(demo_ctx: Context, demo: str) -> None:
    before = dashboard_data(demo_ctx, demo)
    code = next(c for c, s in walkthrough.indicator_states(demo_ctx, demo).items() if not s.settled)
    assessments.set_agreed_level(demo_ctx, demo, code, 1)
    after = dashboard_data(demo_ctx, demo)
    assert after.index != before.index
    assert after.index == session_overview(demo_ctx, demo).scores.index
    assert after.progress.done == before.progress.done + 1


def test_planned_end_is_three_hours_after_the_start_for_now(demo_ctx: Context, demo: str) -> None:
    start = dt.datetime(2024, 10, 29, 9, 0, tzinfo=JAKARTA)
    assert planned_end(start) == start + dt.timedelta(hours=3) == start + PLANNED_LENGTH

    schedule = dashboard_data(demo_ctx, demo).schedule
    assert schedule is not None
    assert schedule.starts_at == start and schedule.planned_end == planned_end(start)
    assert schedule.timezone == "Asia/Jakarta"
    assert schedule.elapsed(start - dt.timedelta(minutes=5)) == dt.timedelta(0)
    assert schedule.share_elapsed(start) == 0
    assert schedule.share_elapsed(start + dt.timedelta(minutes=90)) == pytest.approx(0.5)
    assert schedule.share_elapsed(start + dt.timedelta(hours=4)) == pytest.approx(4 / 3)


def test_a_session_without_a_start_time_has_no_schedule(demo_ctx: Context) -> None:
    sid = create_session(
        demo_ctx, "gmsc-2024-illustrative", SessionDetails(region="Kota A", year=2025)
    )
    data: DashboardData = dashboard_data(demo_ctx, sid)
    assert data.schedule is None
    assert data.index is None and data.predicate is None
    assert all(d.agreed is None for d in data.dimensions)
    assert data.progress.not_started == data.progress.total == 40
    assert data.open_items.clarifications == () and data.open_items.evidence == ()


def test_a_dimension_without_sub_dimensions_is_its_own_bar(demo_ctx: Context) -> None:
    sid = create_session(
        demo_ctx, "gmsc-2022-instrument", SessionDetails(region="Kabupaten B", year=2022)
    )
    assessments.set_agreed_level(demo_ctx, sid, "QW.1", 3)
    data = dashboard_data(demo_ctx, sid)
    quick_wins = next(g for g in data.bars if g.dimension.code == "QW")
    assert quick_wins.bars == (quick_wins.dimension,)
    assert quick_wins.dimension.agreed == 3
    assert len(data.dimensions) == 5
