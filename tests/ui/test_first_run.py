"""The first start: answered and started, skipped, or closed; refusals said in the dialog."""

from __future__ import annotations

import configparser
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from evaluator_app import preferences
from evaluator_app.services import identities
from evaluator_app.services.operation import open_context
from evaluator_app.signing import identities as signing_identities
from evaluator_app.ui import first_run
from evaluator_app.ui.first_run import FirstRunDialog, maybe_run_first_run
from evaluator_app.ui.translations import use_language

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

NAME = "Drs. Agus Salim Harahap, M.Si."
NIP_TYPED = "19680312 199403 1 005"
NIP = "196803121994031005"


@pytest.fixture
def platform_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No --data-dir nor EVALUATOR_DATA_DIR: the dialog offers the platform's folder."""
    monkeypatch.delenv("EVALUATOR_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return tmp_path / "xdg-data" / "Evaluator"


@pytest.fixture
def dialog(qtbot: QtBot, platform_data: Path, monkeypatch: pytest.MonkeyPatch) -> FirstRunDialog:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # as maybe_run_first_run would start it
    use_language("en")
    shown = FirstRunDialog()
    qtbot.addWidget(shown)
    shown.show()
    return shown


def saved() -> dict[str, dict[str, str]]:
    """What the preferences file holds, section by section (nothing: no file)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(preferences.settings_file(), encoding="utf-8")
    return {name: dict(parser[name]) for name in parser.sections()}


def fill(dialog: FirstRunDialog, folder: Path) -> None:
    dialog.person.name.setText(NAME)
    dialog.person.nip.setText(NIP_TYPED)
    dialog.person.role.setCurrentIndex(dialog.person.role.findData("lead_evaluator"))
    dialog.folder.path.setText(str(folder))


def create_identity(dialog: FirstRunDialog, passphrase: str, again: str) -> None:
    dialog.create_choice.click()
    dialog.passphrase.setText(passphrase)
    dialog.passphrase_again.setText(again)


def test_the_platform_folder_is_offered_and_the_identity_left_for_later(
    dialog: FirstRunDialog, platform_data: Path
) -> None:
    assert dialog.windowTitle() == "Welcome to Evaluator"
    assert dialog.folder.path.text() == str(platform_data)
    assert not dialog.folder.path.isReadOnly()
    assert dialog.later_choice.isChecked()
    assert dialog.identity_forms.currentWidget() is dialog.later_note
    assert [dialog.skip_button.text(), dialog.start_button.text()] == ["Skip", "Start"]
    roles = [dialog.person.role.itemText(i) for i in range(dialog.person.role.count())]
    assert roles[:2] == ["Evaluator", "Lead evaluator"]


def test_answers_and_start_save_the_preferences_and_create_the_identity(
    qtbot: QtBot, dialog: FirstRunDialog, tmp_path: Path
) -> None:
    folder = tmp_path / "laptop data"
    fill(dialog, folder)
    create_identity(dialog, "rahasia-agus", "rahasia-agus")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.identity is not None
    assert preferences.read(preferences.USER_NAME) == NAME
    assert preferences.read(preferences.USER_NIP) == NIP
    assert preferences.read(preferences.USER_ROLE) == "lead_evaluator"
    assert preferences.read(preferences.LANGUAGE) == "en"
    assert preferences.read(preferences.DATA_DIR) == str(folder)
    assert preferences.read(preferences.FIRST_RUN_DONE) != ""
    assert preferences.read(preferences.SIGNING_IDENTITY) == dialog.identity.id
    assert dialog.passphrase.text() == ""  # not kept in the dialog once used

    ctx = open_context(str(folder), "tester")
    try:
        [info] = identities.list_identities(ctx)
    finally:
        ctx.store.close()
    assert (info.id, info.name, info.nip) == (dialog.identity.id, NAME, NIP)


def test_the_platform_folder_is_saved_as_empty(dialog: FirstRunDialog) -> None:
    dialog.person.name.setText(NAME)
    assert dialog.start()
    assert saved()["data"] == {"folder": ""}  # the platform's folder, wherever it moves
    assert "identity" not in saved()["user"]


def test_skip_remembers_only_that_the_first_run_is_over(
    qtbot: QtBot, dialog: FirstRunDialog, tmp_path: Path
) -> None:
    fill(dialog, tmp_path / "elsewhere")
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.skipped
    assert list(saved()) == ["interface"]
    assert list(saved()["interface"]) == ["first_run_done"]
    assert preferences.read(preferences.USER_NAME) == ""
    assert not (tmp_path / "elsewhere").exists()


def test_a_folder_that_cannot_hold_the_data_is_refused_and_nothing_is_saved(
    dialog: FirstRunDialog, tmp_path: Path
) -> None:
    in_the_way = tmp_path / "notes.txt"
    in_the_way.write_text("not a folder", encoding="utf-8")
    fill(dialog, in_the_way / "data")
    create_identity(dialog, "rahasia-agus", "rahasia-agus")

    assert not dialog.start()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.folder.note.text() == (
        f"{in_the_way} is a file, not a folder. Choose another folder."
    )
    assert dialog.message.isVisible()
    assert "data folder" in dialog.message.text()
    assert not preferences.settings_file().exists()
    # what was typed stays
    assert dialog.person.name.text() == NAME
    assert dialog.passphrase.text() == "rahasia-agus"


def test_a_relative_folder_asks_for_the_full_path(
    dialog: FirstRunDialog, platform_data: Path
) -> None:
    dialog.folder.path.setText("Documents/evaluator")
    dialog.folder.path.editingFinished.emit()
    assert dialog.folder.note.text() == f"Type the full path of the folder, e.g. {platform_data}"
    assert not dialog.start()


def test_passphrases_that_differ_are_refused_and_nothing_is_created(
    dialog: FirstRunDialog, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    fill(dialog, folder)
    create_identity(dialog, "rahasia-agus", "rahasia-agsu")

    assert not dialog.start()
    assert dialog.message.text() == "The two passphrases differ; type them again."
    assert dialog.passphrase.text() == "rahasia-agus"
    assert dialog.passphrase_again.text() == ""
    assert dialog.person.nip.text() == NIP_TYPED
    assert not preferences.settings_file().exists()
    assert not (folder / "identities").exists()


def test_a_short_passphrase_and_a_missing_name_are_refused(dialog: FirstRunDialog) -> None:
    create_identity(dialog, "kunci-sangat-rahasia", "kunci-sangat-rahasia")
    assert not dialog.start()
    assert dialog.message.text() == "Type your name: the identity is made out to it."

    dialog.person.name.setText(NAME)
    create_identity(dialog, "pendek", "pendek")
    assert not dialog.start()
    assert "too short" in dialog.message.text()
    assert not preferences.settings_file().exists()


def test_a_nip_that_is_not_18_digits_is_refused(dialog: FirstRunDialog) -> None:
    dialog.person.nip.setText("1968 0312")
    assert not dialog.start()
    assert dialog.message.text().startswith("A NIP has 18 digits")
    assert not preferences.settings_file().exists()


def test_an_identity_brought_on_a_p12_file_is_imported(
    dialog: FirstRunDialog, tmp_path: Path
) -> None:
    other = open_context(str(tmp_path / "other-laptop"), "tester")
    try:
        made = identities.create_identity(other, NAME, NIP, "Kota Tirtamaya", "rahasia-agus")
        identities.export_identity(other, made.id, tmp_path / "agus.p12")
    finally:
        other.store.close()
    folder = tmp_path / "data"
    fill(dialog, folder)
    dialog.import_choice.click()
    dialog.import_path.setText(str(tmp_path / "agus.p12"))
    dialog.import_passphrase.setText("salah-sandi")

    assert not dialog.start()
    assert dialog.message.text().startswith("The identity was not imported:")
    assert not preferences.settings_file().exists()

    dialog.import_passphrase.setText("rahasia-agus")
    assert dialog.start()
    ctx = open_context(str(folder), "tester")
    try:
        [info] = identities.list_identities(ctx)
    finally:
        ctx.store.close()
    assert (info.name, info.nip, info.origin) == (NAME, NIP, "imported")
    assert preferences.read(preferences.SIGNING_IDENTITY) == info.id
    assert dialog.import_passphrase.text() == ""


def test_choosing_the_language_translates_the_dialog_at_once(
    qtbot: QtBot, platform_data: Path
) -> None:
    use_language("id")
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    assert dialog.start_button.text() == "Mulai"
    assert dialog.person.role.itemText(1) == "Ketua tim evaluator"

    dialog.person.language.setCurrentIndex(dialog.person.language.findData("en"))
    qtbot.waitUntil(lambda: dialog.start_button.text() == "Start")
    assert dialog.windowTitle() == "Welcome to Evaluator"
    assert dialog.person.role.itemText(1) == "Lead evaluator"
    assert dialog.folder.choose_button.text() == "Choose…"


def test_escape_does_not_close_it(qtbot: QtBot, dialog: FirstRunDialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()


def test_a_data_folder_given_at_start_is_shown_and_kept_out_of_the_preferences(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EVALUATOR_DATA_DIR")
    dialog = FirstRunDialog(str(tmp_path / "given"))
    qtbot.addWidget(dialog)
    assert dialog.folder.path.text() == str(tmp_path / "given")
    assert dialog.folder.path.isReadOnly()
    assert "--data-dir" in dialog.folder.note.text()
    assert dialog.start()
    assert "data" not in saved()


@pytest.fixture
def answer_when_shown() -> Iterator[list[str]]:
    """Set ``what[0]`` to "close" or "skip": done to the first-run dialog once it shows."""
    what: list[str] = []

    def act() -> None:
        shown = QApplication.activeModalWidget()
        if not isinstance(shown, FirstRunDialog):
            QTimer.singleShot(10, act)
            return
        if what[0] == "close":
            shown.close()
        else:
            shown.skip_button.click()

    QTimer.singleShot(10, act)
    yield what


def test_closing_the_first_run_window_means_quit(
    answer_when_shown: list[str], platform_data: Path
) -> None:
    answer_when_shown.append("close")
    assert maybe_run_first_run() is False
    assert not preferences.settings_file().exists()


def test_skipped_once_it_is_not_asked_again(
    answer_when_shown: list[str], platform_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_when_shown.append("skip")
    assert maybe_run_first_run() is True

    def shown_again(*_: object) -> None:
        raise AssertionError("the first-run dialog was shown again")

    monkeypatch.setattr(FirstRunDialog, "__init__", shown_again)
    assert maybe_run_first_run() is True


def test_passphrase_rule_is_the_signing_rule() -> None:
    assert first_run.MIN_PASSPHRASE_LENGTH == signing_identities.MIN_PASSPHRASE_LENGTH
