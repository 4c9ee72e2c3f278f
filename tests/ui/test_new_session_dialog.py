"""A new session: sensible defaults, the details stored as typed, refusals said in the dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import list_sessions, session_overview
from evaluator_app.ui.new_session_dialog import NewSessionDialog

pytestmark = pytest.mark.gui

NewDialog = Callable[[], NewSessionDialog]


@pytest.fixture
def new_dialog(qtbot: QtBot, ctx: Context) -> NewDialog:
    def build() -> NewSessionDialog:
        dialog = NewSessionDialog(ctx, language="en")
        qtbot.addWidget(dialog)
        return dialog

    return build


def framework_ids(dialog: NewSessionDialog) -> list[str]:
    return [f.id for f in dialog.frameworks]


def choose_framework(dialog: NewSessionDialog, framework_id: str) -> None:
    dialog.framework.setCurrentIndex(framework_ids(dialog).index(framework_id))


def test_defaults_ask_only_for_the_region(new_dialog: NewDialog) -> None:
    dialog = new_dialog()
    today = QDate.currentDate()

    assert framework_ids(dialog)[0] == "gmsc-2024-illustrative"  # the newest first
    assert dialog.region.text() == ""
    assert dialog.stage.currentData() == 2
    assert dialog.year.value() == today.year()
    assert dialog.starts.dateTime() == QDateTime(today, QTime(9, 0))
    assert dialog.zone.currentData() == "Asia/Jakarta"
    assert [dialog.zone.itemText(i)[:4] for i in range(3)] == ["WIB ", "WITA", "WIT "]
    assert dialog.deadline.date() == today.addDays(1)
    assert dialog.copy_attendance.isHidden()
    assert dialog.problem.isHidden()
    assert dialog.created_id is None


def test_frameworks_are_offered_newest_first_and_illustrative_ones_are_marked(
    new_dialog: NewDialog,
) -> None:
    dialog = new_dialog()

    assert framework_ids(dialog) == ["gmsc-2024-illustrative", "gmsc-2022-instrument", "tiny"]
    assert (
        dialog.framework.itemText(0)
        == "Smart City Evaluation Instrument 2024 (illustrative) (2024.1)"
    )
    assert dialog.framework.itemData(0, Qt.ItemDataRole.FontRole).italic()
    assert not dialog.framework_note.isHidden()
    assert "not the official instrument" in dialog.framework_note.text()

    choose_framework(dialog, "tiny")  # not illustrative
    assert dialog.framework.itemData(2, Qt.ItemDataRole.FontRole) is None
    assert dialog.framework_note.isHidden()


def test_created_session_has_the_details_as_typed(new_dialog: NewDialog, ctx: Context) -> None:
    dialog = new_dialog()
    choose_framework(dialog, "tiny")
    dialog.region.setText("  Kota Makassar ")
    dialog.stage.setCurrentIndex(0)
    dialog.starts.setDateTime(QDateTime(QDate(2025, 3, 4), QTime(10, 30)))
    dialog.zone.setCurrentIndex(1)
    dialog.venue.setText("Balai Kota Makassar")
    dialog.deadline.setDate(QDate(2025, 3, 14))
    dialog.create_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created_id is not None
    overview = session_overview(ctx, dialog.created_id, "en")
    assert (overview.framework.id, overview.framework.version) == ("tiny", "1")
    assert overview.region == "Kota Makassar"
    assert overview.stage == 1
    assert overview.year == 2025  # followed the meeting's date
    assert overview.timezone == "Asia/Makassar"
    assert overview.local_start == dt.datetime(2025, 3, 4, 10, 30, tzinfo=ZoneInfo("Asia/Makassar"))
    assert overview.starts_at == dt.datetime(2025, 3, 4, 2, 30, tzinfo=dt.UTC)
    assert overview.venue == "Balai Kota Makassar"
    assert overview.evidence_deadline == dt.date(2025, 3, 14)
    assert overview.status == "draft"
    assert overview.participants == []


def test_deadline_and_year_follow_the_meeting_date_unless_set_otherwise(
    new_dialog: NewDialog,
) -> None:
    dialog = new_dialog()
    dialog.starts.setDate(QDate(2027, 2, 10))
    assert dialog.deadline.date() == QDate(2027, 2, 11)
    assert dialog.year.value() == 2027

    dialog.deadline.setDate(QDate(2027, 3, 1))
    dialog.year.setValue(2026)  # e.g. the 2026 round, held early in 2027
    dialog.starts.setDate(QDate(2027, 2, 12))
    assert dialog.deadline.date() == QDate(2027, 3, 1)
    assert dialog.year.value() == 2026


def test_missing_region_is_said_in_the_dialog_which_stays_open_with_what_was_typed(
    new_dialog: NewDialog, ctx: Context
) -> None:
    dialog = new_dialog()
    dialog.region.setText("   ")
    dialog.venue.setText("Pendopo Kabupaten")
    dialog.stage.setCurrentIndex(0)
    dialog.create_button.click()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.problem.isHidden()
    assert "region" in dialog.problem.text()
    assert dialog.created_id is None
    assert list_sessions(ctx) == []
    assert dialog.venue.text() == "Pendopo Kabupaten" and dialog.stage.currentData() == 1

    dialog.region.setText("Kabupaten Gresik")  # corrected, the same dialog goes on
    dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [s.region for s in list_sessions(ctx)] == ["Kabupaten Gresik"]


def test_refusal_of_the_service_is_shown_in_words_and_nothing_is_lost(
    new_dialog: NewDialog, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    dialog = new_dialog()
    choose_framework(dialog, "tiny")
    dialog.region.setText("Kota Bogor")
    # The framework file goes away while the dialog is open (another program, a sync).
    Path(ctx.store.data_dir / "frameworks" / "tiny.yaml").unlink()
    dialog.create_button.click()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text().startswith(
        "The session was not created: unknown framework 'tiny 1'"
    )
    assert list_sessions(ctx) == []
    assert dialog.region.text() == "Kota Bogor"

    choose_framework(dialog, "gmsc-2024-illustrative")  # another framework will do
    dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [s.framework_id for s in list_sessions(ctx)] == ["gmsc-2024-illustrative"]


def test_earlier_regions_are_suggested(new_dialog: NewDialog, bandung: str, sleman: str) -> None:
    dialog = new_dialog()
    completer = dialog.region.completer()
    assert completer is not None
    suggestions = completer.model()
    regions = [suggestions.index(r, 0).data() for r in range(suggestions.rowCount())]
    assert regions == ["Kabupaten Sleman", "Kota Bandung"]


def test_attendance_of_the_regions_last_session_is_offered_and_copied(
    new_dialog: NewDialog, ctx: Context, bandung: str, sleman: str
) -> None:
    dialog = new_dialog()
    dialog.region.setText("kota bandung")  # as typed, in any case

    assert dialog.earlier_session is not None and dialog.earlier_session.id == bandung
    assert not dialog.copy_attendance.isHidden() and dialog.copy_attendance.isChecked()
    assert "Kota Bandung" in dialog.copy_attendance.text()
    dialog.create_button.click()

    assert dialog.copied == 3
    assert dialog.created_id is not None
    people = session_overview(ctx, dialog.created_id).participants
    assert [(p.name, p.role, p.present) for p in people] == [
        ("Siti Rahmawati", "lead_evaluator", True),
        ("Budi Santoso", "evaluator", True),
        ("Ema Sumarna", "signer", True),
    ]


def test_attendance_is_not_copied_when_unticked_nor_offered_for_a_new_region(
    new_dialog: NewDialog, ctx: Context, bandung: str
) -> None:
    dialog = new_dialog()
    dialog.region.setText("Kota Bandung")
    dialog.copy_attendance.setChecked(False)
    dialog.region.setText("Kota Bandung Barat")  # no earlier session: nothing offered
    assert dialog.copy_attendance.isHidden()
    dialog.region.setText("Kota Bandung")
    assert not dialog.copy_attendance.isChecked()  # the choice is kept
    dialog.create_button.click()

    assert dialog.copied is None
    assert dialog.created_id is not None
    assert session_overview(ctx, dialog.created_id).participants == []


def test_time_zone_follows_the_regions_earlier_session_until_chosen(
    new_dialog: NewDialog, ctx: Context
) -> None:
    from evaluator_app.services.sessions import SessionDetails, create_session

    create_session(
        ctx, "tiny", SessionDetails(region="Kota Jayapura", year=2023, timezone="Asia/Jayapura")
    )
    dialog = new_dialog()
    dialog.region.setText("Kota Jayapura")
    assert dialog.zone.currentData() == "Asia/Jayapura"

    dialog.region.setText("")
    dialog.zone.setCurrentIndex(1)
    dialog.zone.activated.emit(1)  # as people choose it
    dialog.region.setText("Kota Jayapura")
    assert dialog.zone.currentData() == "Asia/Makassar"
