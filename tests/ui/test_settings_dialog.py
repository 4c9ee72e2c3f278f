"""Settings: what is saved shows, Save writes it all at once, refusals are said here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from evaluator_app import preferences
from evaluator_app.services import identities
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import SessionDetails, create_session
from evaluator_app.ui.session_window import SessionWindow
from evaluator_app.ui.settings_dialog import SettingsDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

NAME = "Drs. Agus Salim Harahap, M.Si."
NIP = "196803121994031005"


@pytest.fixture(autouse=True)
def platform_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def dialog(qtbot: QtBot, ctx: Context) -> SettingsDialog:
    shown = SettingsDialog(ctx)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_it_shows_what_is_saved(qtbot: QtBot, ctx: Context, tmp_path: Path) -> None:
    info = identities.create_identity(ctx, NAME, NIP, "Kota Tirtamaya", "rahasia-agus")
    preferences.write_many(
        {
            preferences.USER_NAME: NAME,
            preferences.USER_NIP: NIP,
            preferences.USER_ROLE: "lead_evaluator",
            preferences.DATA_DIR: str(tmp_path / "kept"),
            preferences.KEEP_BACKUPS: "25",
            preferences.SIGNING_IDENTITY: info.id,
        }
    )
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)

    assert dialog.windowTitle() == "Settings"
    assert dialog.person.name.text() == NAME
    assert dialog.person.nip.text() == NIP
    assert dialog.person.role.currentText() == "Lead evaluator"
    assert dialog.folder.path.text() == str(tmp_path / "kept")
    assert dialog.backups.value() == 25
    assert dialog.identity.currentData() == info.id
    assert dialog.identity.currentText() == f"{NAME} · NIP {NIP}"


def test_save_writes_every_setting(qtbot: QtBot, dialog: SettingsDialog, ctx: Context) -> None:
    info = identities.create_identity(ctx, NAME, NIP, "", "rahasia-agus")
    dialog.identity.clear()
    dialog._fill_identities()  # as if opened after the identity was made
    dialog.person.name.setText(NAME)
    dialog.person.nip.setText("19680312 199403 1 005")
    dialog.person.role.setCurrentIndex(dialog.person.role.findData("observer"))
    dialog.backups.setValue(3)
    dialog.identity.setCurrentIndex(dialog.identity.findData(info.id))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert preferences.read(preferences.USER_NAME) == NAME
    assert preferences.read(preferences.USER_NIP) == NIP
    assert preferences.read(preferences.USER_ROLE) == "observer"
    assert preferences.read_int(preferences.KEEP_BACKUPS) == 3
    assert preferences.read(preferences.SIGNING_IDENTITY) == info.id
    assert preferences.read(preferences.DATA_DIR) == ""  # the platform's folder, unchanged


def test_backups_kept_stay_between_1_and_100(dialog: SettingsDialog) -> None:
    dialog.backups.setValue(500)
    assert dialog.backups.value() == 100
    dialog.backups.setValue(0)
    assert dialog.backups.value() == 1


def test_a_language_other_than_the_one_in_use_applies_at_the_next_start(
    dialog: SettingsDialog,
) -> None:
    assert not dialog.person.language_note.isVisibleTo(dialog)  # "id" saved and in use
    dialog.person.language.setCurrentIndex(dialog.person.language.findData("en"))
    assert dialog.person.language_note.isVisibleTo(dialog)
    assert dialog.person.language_note.text() == (
        "The interface changes when Evaluator starts again."
    )
    assert dialog.save()
    assert preferences.read(preferences.LANGUAGE) == "en"


def test_another_data_folder_is_for_the_next_start(
    dialog: SettingsDialog, ctx: Context, tmp_path: Path
) -> None:
    dialog.folder.path.setText(str(tmp_path / "new place"))
    dialog.folder.path.editingFinished.emit()
    assert dialog.folder.note.text().startswith("Evaluator uses this folder from its next start")
    assert str(ctx.store.data_dir) in dialog.folder.note.text()
    assert dialog.save()
    assert preferences.read(preferences.DATA_DIR) == str(tmp_path / "new place")


def test_a_folder_that_cannot_hold_the_data_and_a_bad_nip_are_refused(
    dialog: SettingsDialog, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    dialog.person.name.setText(NAME)
    dialog.folder.path.setText(str(tmp_path / "notes.txt"))
    assert not dialog.save()
    assert dialog.message.isVisibleTo(dialog)
    assert "is a file, not a folder" in dialog.message.text()

    dialog.folder.path.setText(str(tmp_path / "ok"))
    dialog.person.nip.setText("12345")
    assert not dialog.save()
    assert dialog.message.text().startswith("A NIP has 18 digits")
    assert not preferences.settings_file().exists()
    assert dialog.person.name.text() == NAME


def test_an_identity_chosen_in_another_data_folder_is_said(qtbot: QtBot, ctx: Context) -> None:
    preferences.write(preferences.SIGNING_IDENTITY, "elsewhere")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.identity.currentText() == "Not chosen"
    assert "not in this data folder" in dialog.identity_note.text()


@pytest.fixture
def meeting_window(qtbot: QtBot, ctx: Context) -> Iterator[SessionWindow]:
    session = create_session(
        ctx, "gmsc-2024-illustrative", SessionDetails(region="Kota A", year=2024)
    )
    window = SessionWindow(ctx, session, "en")
    qtbot.addWidget(window)
    yield window


def test_settings_are_in_the_meeting_windows_edit_menu(meeting_window: SessionWindow) -> None:
    edit = next(a.menu() for a in meeting_window.menuBar().actions() if a.text() == "&Edit")
    action = meeting_window.settings_action
    assert action in edit.actions()  # type: ignore[union-attr]
    assert action.text() == "&Settings…"
    assert action.shortcut() == QKeySequence("Ctrl+,")
    action.trigger()
    assert meeting_window.settings_dialog.isVisible()
    meeting_window.settings_dialog.reject()


def test_the_view_menu_shows_the_language_saved_in_settings(
    meeting_window: SessionWindow, ctx: Context
) -> None:
    def checked() -> list[str]:
        return [a.text() for a in meeting_window.language_choices.actions() if a.isChecked()]

    assert checked() == ["Bahasa Indonesia"]
    dialog = SettingsDialog(ctx, meeting_window)
    dialog.person.language.setCurrentIndex(dialog.person.language.findData("en"))
    assert dialog.save()
    meeting_window._check_chosen_language()  # as the menu does when it opens
    assert checked() == ["English"]

    meeting_window.language_choices.actions()[0].trigger()  # View → Bahasa Indonesia
    assert preferences.read(preferences.LANGUAGE) == "id"
    assert checked() == ["Bahasa Indonesia"]
