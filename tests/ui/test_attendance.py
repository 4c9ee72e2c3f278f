"""Attendance: typed in by keyboard, corrected in place, copied from an earlier session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from evaluator_app.services import participants, sessions, undo
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, session_overview
from evaluator_app.services.signoff import sign_off
from evaluator_app.ui.attendance import AttendancePanel
from evaluator_app.ui.attendance_model import AttendanceModel, nip_label
from evaluator_app.ui.controller import SessionController

pytestmark = pytest.mark.gui

NIP = "196503121990031008"
Panel = Callable[[str], AttendancePanel]
M = AttendanceModel


@pytest.fixture
def panel_for(qtbot: QtBot, ctx: Context) -> Panel:
    """The attendance tab of a session, in English (the source language), not shown."""

    def build(session_id: str) -> AttendancePanel:
        controller = SessionController(ctx, session_id, "en")
        panel = AttendancePanel(controller)
        controller.setParent(panel)
        qtbot.addWidget(panel)
        return panel

    return build


def people(ctx: Context, session_id: str) -> list[tuple[str, str | None, str, str, str, bool]]:
    return [
        (p.name, p.nip, p.position, p.organisation, p.role, p.present)
        for p in session_overview(ctx, session_id).participants
    ]


def shown(panel: AttendancePanel) -> list[list[object]]:
    model = panel.model
    return [
        [model.index(r, c).data() for c in range(M.PRESENT)]
        + [model.index(r, M.PRESENT).data(Qt.ItemDataRole.CheckStateRole)]
        for r in range(model.rowCount())
    ]


def cell(panel: AttendancePanel, row: int, column: int) -> QModelIndex:
    return panel.model.index(row, column)


def type_text(text: str) -> None:
    from PySide6.QtTest import QTest

    focus = QApplication.focusWidget()
    assert focus is not None
    QTest.keyClicks(focus, text)


def press(qtbot: QtBot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key)


# --- the model ------------------------------------------------------------------------------


def test_model_passes_the_model_tester_through_edits_additions_and_removals(
    qtmodeltester: ModelTester, ctx: Context, bandung: str
) -> None:
    controller = SessionController(ctx, bandung, "en")
    model = AttendanceModel(controller)  # no panel: the tester outlives the test's widgets
    qtmodeltester.check(model, force_py=True)

    assert model.setData(model.index(1, M.POSITION), "Dosen")
    assert not model.setData(model.index(1, M.NIP), "123")
    guest = ParticipantDetails(name="Tamu Undangan", role="observer")
    controller.call(participants.add_participant, bandung, guest)  # a row appended
    controller.call(participants.remove_participant, model.participant(0).id)  # a reset
    controller.call(undo.undo, bandung)  # and back

    assert model.rowCount() == 4
    assert "Siti Rahmawati" in [p.name for p in model.participants()]


def test_empty_attendance_is_a_valid_model(
    qtmodeltester: ModelTester, ctx: Context, sleman: str
) -> None:
    model = AttendanceModel(SessionController(ctx, sleman, "en"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_empty_attendance_invites_the_first_person(panel_for: Panel, sleman: str) -> None:
    panel = panel_for(sleman)
    assert panel.summary.text() == "0 people, 0 present"
    assert panel.role.currentData() == "lead_evaluator"


def test_table_shows_people_with_nip_grouped_and_roles_in_words(
    panel_for: Panel, ctx: Context, bandung: str
) -> None:
    pid = session_overview(ctx, bandung).participants[2].id
    participants.edit_participant(ctx, pid, ParticipantDetails(nip=NIP))
    panel = panel_for(bandung)
    checked = Qt.CheckState.Checked

    assert shown(panel) == [
        ["Siti Rahmawati", "", "Dosen", "Institut Teknologi Bandung", "Lead evaluator", checked],
        ["Budi Santoso", "", "", "", "Evaluator", checked],
        ["Ema Sumarna", "19650312 199003 1 008", "Sekretaris Daerah", "", "Signer", checked],
    ]
    assert cell(panel, 2, M.NIP).data(Qt.ItemDataRole.EditRole) == NIP
    assert cell(panel, 2, M.ROLE).data(Qt.ItemDataRole.EditRole) == "signer"
    assert panel.summary.text() == "3 people, 3 present"
    assert nip_label("12345") == "12345"  # whatever is stored is shown, grouped or not


# --- adding by keyboard -----------------------------------------------------------------------


# The offscreen platform's notes on show(), activateWindow() and a popup's keyboard grab.
@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
def test_three_people_are_added_by_keyboard_alone(
    qtbot: QtBot, panel_for: Panel, ctx: Context, sleman: str
) -> None:
    panel = panel_for(sleman)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.isActiveWindow())
    assert QApplication.focusWidget() is panel.name  # opening the tab puts the cursor there

    # Name, NIP, position, organisation, role (typing picks it), Enter.
    type_text("Siti Rahmawati")
    press(qtbot, Qt.Key.Key_Tab)
    type_text("19650312 199003 1 008")
    press(qtbot, Qt.Key.Key_Tab)
    type_text("Dosen")
    press(qtbot, Qt.Key.Key_Tab)
    type_text("Institut Teknologi Bandung")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.role
    press(qtbot, Qt.Key.Key_Home)  # the first role: lead evaluator
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.name  # ready for the next person

    type_text("Budi Santoso")  # no NIP (a guest), no position: straight to the role
    press(qtbot, Qt.Key.Key_Tab, times=4)
    type_text("E")  # Evaluator
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.name

    type_text("Ema Sumarna")
    press(qtbot, Qt.Key.Key_Tab, times=2)
    type_text("Sekretaris Daerah")
    press(qtbot, Qt.Key.Key_Return)  # Enter adds from any field; the role stays Evaluator

    assert people(ctx, sleman) == [
        ("Siti Rahmawati", NIP, "Dosen", "Institut Teknologi Bandung", "lead_evaluator", True),
        ("Budi Santoso", None, "", "", "evaluator", True),
        ("Ema Sumarna", None, "Sekretaris Daerah", "", "evaluator", True),
    ]
    assert [panel.name.text(), panel.nip.text(), panel.position.text()] == ["", "", ""]
    assert panel.model.rowCount() == 3
    assert panel.summary.text() == "3 people, 3 present"
    assert panel.message.text() == "Added Ema Sumarna."


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
def test_enter_on_a_suggested_organisation_takes_it_and_the_next_enter_adds(
    qtbot: QtBot, panel_for: Panel, ctx: Context, bandung: str
) -> None:
    panel = panel_for(bandung)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.isActiveWindow())
    panel.name.setFocus()
    type_text("Andi Wijaya")
    press(qtbot, Qt.Key.Key_Tab, times=3)
    type_text("teknologi")  # somewhere inside "Institut Teknologi Bandung"
    popup = panel.organisation_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert panel.organisation.text() == "Institut Teknologi Bandung"
    assert len(people(ctx, bandung)) == 3  # not added yet, with half a word
    press(qtbot, Qt.Key.Key_Return)
    assert people(ctx, bandung)[3][0::3] == ("Andi Wijaya", "Institut Teknologi Bandung")


def test_role_of_the_form_starts_as_the_last_persons(panel_for: Panel, bandung: str) -> None:
    assert panel_for(bandung).role.currentData() == "signer"


def test_bad_nip_in_the_form_is_explained_and_kept_for_correcting(
    panel_for: Panel, ctx: Context, sleman: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    panel = panel_for(sleman)
    panel.name.setText("Rudi Hartono")
    panel.nip.setText("1965031219900310")  # two digits short
    assert panel.add_from_form() is None

    assert not panel.message.isHidden()
    assert panel.message.text().startswith("Not added: NIP '1965031219900310' must be 18 digits")
    assert panel.name.text() == "Rudi Hartono" and panel.nip.text() == "1965031219900310"
    assert people(ctx, sleman) == []

    panel.nip.setText("1965031219900310 08")
    assert panel.add_from_form() is not None
    assert people(ctx, sleman)[0][:2] == ("Rudi Hartono", NIP)


def test_a_person_needs_a_name(panel_for: Panel, ctx: Context, sleman: str) -> None:
    panel = panel_for(sleman)
    panel.position.setText("Kepala Dinas")
    assert panel.add_from_form() is None
    assert "name" in panel.message.text()
    assert people(ctx, sleman) == []


# --- editing in place -------------------------------------------------------------------------


def test_editing_a_cell_stores_it(
    qtbot: QtBot, panel_for: Panel, ctx: Context, bandung: str
) -> None:
    panel = panel_for(bandung)
    panel.table.edit(cell(panel, 1, M.ORGANISATION))  # as F2 or a double click does
    editor = panel.table.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.setText("Universitas Padjadjaran")
    QApplication.sendEvent(editor, _key(Qt.Key.Key_Return))  # Enter commits (queued)

    qtbot.waitUntil(lambda: people(ctx, bandung)[1][3] == "Universitas Padjadjaran")
    assert cell(panel, 1, M.ORGANISATION).data() == "Universitas Padjadjaran"


def _key(key: Qt.Key):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


def test_role_is_chosen_from_the_roles_in_words(
    qtbot: QtBot, panel_for: Panel, ctx: Context, bandung: str
) -> None:
    panel = panel_for(bandung)
    panel.table.edit(cell(panel, 1, M.ROLE))
    combo = panel.table.viewport().findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Evaluator"
    assert combo.itemText(combo.count() - 1) == "Observer"
    qtbot.keyClick(combo, Qt.Key.Key_End)  # a choice stores at once

    assert people(ctx, bandung)[1][4] == "observer"
    assert cell(panel, 1, M.ROLE).data() == "Observer"


def test_bad_nip_is_explained_beside_the_table_and_the_stored_one_stays(
    panel_for: Panel, ctx: Context, bandung: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    panel = panel_for(bandung)
    nip = cell(panel, 2, M.NIP)
    assert panel.model.setData(nip, NIP)
    assert nip.data() == "19650312 199003 1 008"

    assert not panel.model.setData(nip, "19650312-1990")

    assert not panel.message.isHidden()
    text = panel.message.text()
    assert text.startswith("Not saved for Ema Sumarna: NIP '19650312-1990' must be 18 digits")
    assert people(ctx, bandung)[2][1] == NIP
    assert nip.data() == "19650312 199003 1 008"

    assert panel.model.setData(cell(panel, 2, M.POSITION), "Sekda")  # the next edit that works
    assert panel.message.isHidden()


def test_nip_is_optional_and_may_be_typed_with_spaces(
    panel_for: Panel, ctx: Context, bandung: str
) -> None:
    panel = panel_for(bandung)
    assert panel.model.setData(cell(panel, 0, M.NIP), "19650312 199003 1 008")
    assert people(ctx, bandung)[0][1] == NIP

    assert panel.model.setData(cell(panel, 0, M.NIP), "")  # a guest after all
    assert people(ctx, bandung)[0][1] is None
    assert cell(panel, 0, M.NIP).data() == ""


def test_present_is_a_checkbox(qtbot: QtBot, panel_for: Panel, ctx: Context, bandung: str) -> None:
    panel = panel_for(bandung)
    present = cell(panel, 1, M.PRESENT)
    assert panel.model.flags(present) & Qt.ItemFlag.ItemIsUserCheckable

    assert panel.model.setData(present, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert people(ctx, bandung)[1][5] is False
    assert present.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert panel.summary.text() == "3 people, 2 present"

    panel.table.setCurrentIndex(present)
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # the keyboard ticks it again
    assert people(ctx, bandung)[1][5] is True


# --- removing and copying ---------------------------------------------------------------------


def test_delete_removes_the_selected_person_and_undo_brings_them_back(
    qtbot: QtBot, panel_for: Panel, ctx: Context, bandung: str
) -> None:
    panel = panel_for(bandung)
    panel.table.selectRow(1)
    assert panel.remove_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)

    assert [p[0] for p in people(ctx, bandung)] == ["Siti Rahmawati", "Ema Sumarna"]
    assert panel.model.rowCount() == 2
    assert "Budi Santoso" in panel.message.text() and "Ctrl+Z" in panel.message.text()
    assert panel.selected_rows() == [1]  # the next person, for another Delete

    panel.controller.call(undo.undo, bandung)
    # (the services list the restored person last: ordered by when the record was made)
    assert sorted(p[0] for p in people(ctx, bandung)) == [
        "Budi Santoso",
        "Ema Sumarna",
        "Siti Rahmawati",
    ]
    assert panel.model.rowCount() == 3


def test_several_selected_people_are_removed_together(
    panel_for: Panel, ctx: Context, bandung: str
) -> None:
    panel = panel_for(bandung)
    panel.table.selectRow(0)
    selection = panel.table.selectionModel()
    selection.select(
        cell(panel, 2, 0),
        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
    )
    assert panel.remove_selected() == 2
    assert [p[0] for p in people(ctx, bandung)] == ["Budi Santoso"]


def test_attendance_is_copied_from_an_earlier_session_of_the_region(
    panel_for: Panel, ctx: Context, bandung: str, sleman: str
) -> None:
    later = sessions.create_session(
        ctx, "tiny", SessionDetails(region="Kota Bandung", year=2025, stage=2)
    )
    participants.add_participant(
        ctx, later, ParticipantDetails(name="Budi Santoso", role="lead_evaluator")
    )
    panel = panel_for(later)
    panel.copy_menu.aboutToShow.emit()
    entries = [a for a in panel.copy_menu.actions() if a.isEnabled()]
    assert len(entries) == 1  # Bandung 2024, not Sleman, not this one
    assert entries[0].text().startswith("2024 · stage II · 29 Oct 2024")
    entries[0].trigger()

    assert [(p[0], p[4]) for p in people(ctx, later)] == [
        ("Budi Santoso", "lead_evaluator"),  # already listed: left as it was
        ("Siti Rahmawati", "lead_evaluator"),
        ("Ema Sumarna", "signer"),
    ]
    assert panel.model.rowCount() == 3
    assert panel.message.text().startswith("Copied 2 people")


def test_copy_menu_says_when_the_region_has_no_other_session(
    panel_for: Panel, sleman: str, bandung: str
) -> None:
    panel = panel_for(sleman)
    panel.copy_menu.aboutToShow.emit()
    [entry] = panel.copy_menu.actions()
    assert not entry.isEnabled()
    assert entry.text() == "No other session of Kabupaten Sleman on this laptop"


# --- signed sessions --------------------------------------------------------------------------


def test_signed_session_shows_its_attendance_read_only(
    qtbot: QtBot, panel_for: Panel, ctx: Context, bandung: str
) -> None:
    signer = session_overview(ctx, bandung).participants[2].id
    sign_off(ctx, bandung, [signer])
    panel = panel_for(bandung)
    model = panel.model

    assert panel.controller.read_only
    assert panel.form.isHidden() and not panel.read_only_note.isHidden()
    assert not panel.copy_button.isEnabled()
    for column in range(model.columnCount()):
        flags = model.flags(cell(panel, 0, column))
        assert not flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
    assert not model.setData(cell(panel, 0, M.NAME), "Someone else")
    assert not model.setData(
        cell(panel, 0, M.PRESENT), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
    )
    panel.table.selectRow(0)
    assert not panel.remove_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    panel.name.setText("Late Guest")
    assert panel.add_from_form() is None

    assert [p[0] for p in people(ctx, bandung)] == ["Siti Rahmawati", "Budi Santoso", "Ema Sumarna"]
    assert all(p[5] for p in people(ctx, bandung))


def test_panel_follows_changes_made_elsewhere(panel_for: Panel, ctx: Context, bandung: str) -> None:
    panel = panel_for(bandung)
    pid = session_overview(ctx, bandung).participants[0].id
    # e.g. another tab of the session window, through the same controller
    panel.controller.call(
        participants.edit_participant, pid, ParticipantDetails(position="Guru Besar")
    )
    assert cell(panel, 0, M.POSITION).data() == "Guru Besar"
