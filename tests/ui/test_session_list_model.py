from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.modeltest import ModelTester

from evaluator_app.services import sessions
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ROLES
from evaluator_app.services.sessions import STATUSES, SessionDetails
from evaluator_app.ui.labels import progress_label, role_label, status_label
from evaluator_app.ui.session_list_model import SessionListModel

pytestmark = pytest.mark.gui


def texts(model: SessionListModel, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_model_passes_the_model_tester_through_a_refresh(
    qtmodeltester: ModelTester, ctx: Context, bandung: str, sleman: str
) -> None:
    model = SessionListModel(ctx)
    qtmodeltester.check(model, force_py=True)

    sessions.create_session(ctx, "tiny", SessionDetails(region="Kota Surakarta", year=2025))
    model.refresh()  # the tester keeps watching: the reset must be well-formed

    assert model.rowCount() == 3
    assert model.index(0, SessionListModel.REGION).data() == "Kota Surakarta"


def test_empty_store_gives_an_empty_valid_model(qtmodeltester: ModelTester, ctx: Context) -> None:
    model = SessionListModel(ctx)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_rows_read_newest_first_with_progress(ctx: Context, bandung: str, sleman: str) -> None:
    model = SessionListModel(ctx)

    assert texts(model, 0)[:3] + texts(model, 0)[4:5] == ["Kota Bandung", "II", "2024", "2/3 (66%)"]
    assert texts(model, 1)[:3] + texts(model, 1)[4:5] == [
        "Kabupaten Sleman",
        "I",
        "2023",
        "0/3 (0%)",
    ]
    assert model.index(0, 0).data(SessionListModel.SessionIdRole) == bandung
    assert model.index(1, SessionListModel.DATE).data() == ""  # Sleman has no date yet


def test_meeting_date_is_the_day_in_indonesia(ctx: Context) -> None:
    # 23.30 UTC on the 28th is 06.30 WIB on the 29th.
    starts = dt.datetime(2024, 10, 28, 23, 30, tzinfo=dt.UTC)
    sessions.create_session(
        ctx, "tiny", SessionDetails(region="Kota Bogor", year=2024, starts_at=starts)
    )
    model = SessionListModel(ctx)
    assert model.index(0, SessionListModel.DATE).data().startswith("29 ")


def test_progress_reaches_100_percent_only_when_all_are_settled() -> None:
    assert progress_label(12, 40) == "12/40 (30%)"
    assert progress_label(39, 40) == "39/40 (97%)"
    assert progress_label(40, 40) == "40/40 (100%)"
    assert progress_label(0, 0) == "0/0 (0%)"


def test_every_status_and_role_of_the_core_has_a_label(qapp: object) -> None:
    for status in STATUSES:
        assert status_label(status) != status
    for role in ROLES:
        assert role_label(role) != role
