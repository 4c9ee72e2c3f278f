"""Signing identities in the dialog: create (passphrase twice), export, import elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from evaluator_app.services import identities
from evaluator_app.services.operation import Context, open_context
from evaluator_app.ui.identities_dialog import IdentitiesDialog

pytestmark = pytest.mark.gui

NIP = "196803121994031005"


@pytest.fixture
def dialog(qtbot: QtBot, ctx: Context) -> IdentitiesDialog:
    shown = IdentitiesDialog(ctx)
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def other_laptop(tmp_path: Path) -> Iterator[Context]:
    context = open_context(str(tmp_path / "other-laptop"), "tester")
    yield context
    context.store.close()


def fill(dialog: IdentitiesDialog, passphrase: str, again: str) -> None:
    dialog.show_create_form("Drs. Agus Salim Harahap, M.Si.", NIP, "Pemerintah Kota Tirtamaya")
    dialog.passphrase.setText(passphrase)
    dialog.passphrase_again.setText(again)


def cells(dialog: IdentitiesDialog, row: int = 0) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def test_an_empty_laptop_says_so(dialog: IdentitiesDialog) -> None:
    assert dialog.table.isHidden()
    assert not dialog.empty_note.isHidden()
    assert not dialog.export_button.isEnabled()


def test_passphrases_that_differ_are_refused_and_nothing_is_created(
    dialog: IdentitiesDialog, ctx: Context
) -> None:
    fill(dialog, "rahasia-agus", "rahasia-agsu")
    assert dialog.create_identity() is None
    assert not dialog.message.isHidden()
    assert "differ" in dialog.message.text()
    assert dialog.name.text() == "Drs. Agus Salim Harahap, M.Si."  # what was typed stays
    assert identities.list_identities(ctx) == []


def test_a_short_passphrase_is_refused(dialog: IdentitiesDialog, ctx: Context) -> None:
    fill(dialog, "rahasia", "rahasia")
    assert dialog.create_identity() is None
    assert "at least 8 characters" in dialog.message.text()
    assert identities.list_identities(ctx) == []


def test_a_created_identity_is_listed_as_created_here(
    qtbot: QtBot, dialog: IdentitiesDialog, ctx: Context
) -> None:
    fill(dialog, "rahasia-agus", "rahasia-agus")
    with qtbot.waitSignal(dialog.identity_added) as added:
        info = dialog.create_identity()
    assert info is not None and added.args == [info]
    assert [i.id for i in identities.list_identities(ctx)] == [info.id]
    name, nip, organisation, issuer, validity, origin = cells(dialog)
    assert (name, nip, organisation) == (
        "Drs. Agus Salim Harahap, M.Si.",
        NIP,
        "Pemerintah Kota Tirtamaya",
    )
    assert issuer == "This laptop"
    assert " – " in validity
    assert origin == "Created here"
    assert dialog.selected_identity() == info
    assert dialog.export_button.isEnabled()
    assert "Created an identity" in dialog.message.text()
    assert dialog.passphrase.text() == "" and dialog.passphrase_again.text() == ""


def test_export_then_import_on_another_laptop(
    qtbot: QtBot,
    dialog: IdentitiesDialog,
    tmp_path: Path,
    other_laptop: Context,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    fill(dialog, "rahasia-agus", "rahasia-agus")
    created = dialog.create_identity()
    assert created is not None
    exported = dialog.export_selected(tmp_path / "agus.p12")
    assert exported is not None and exported.read_bytes() == created.path.read_bytes()
    assert "same passphrase" in dialog.message.text()

    elsewhere = IdentitiesDialog(other_laptop)
    qtbot.addWidget(elsewhere)
    elsewhere.show_import_form()
    assert elsewhere.import_file(exported, "not-the-passphrase") is None
    assert "Not imported" in elsewhere.message.text()
    assert elsewhere.import_path.text() == str(exported)  # kept for the next try
    assert identities.list_identities(other_laptop) == []

    imported = elsewhere.import_file(exported, "rahasia-agus")
    assert imported is not None
    assert imported.fingerprint == created.fingerprint
    assert imported.nip == NIP
    assert cells(elsewhere)[5] == "Brought"
    assert cells(elsewhere)[3].startswith("Evaluator local issuer")  # another laptop's

    assert elsewhere.import_file(exported, "rahasia-agus") is None  # once is enough
    assert "already" in elsewhere.message.text()
    assert len(identities.list_identities(other_laptop)) == 1


def test_export_to_a_folder_that_cannot_be_written_says_so(
    dialog: IdentitiesDialog, tmp_path: Path
) -> None:
    fill(dialog, "rahasia-agus", "rahasia-agus")
    dialog.create_identity()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder")
    assert dialog.export_selected(blocker / "agus.p12") is None
    assert "Not exported" in dialog.message.text()


def test_import_without_a_file_asks_for_one(dialog: IdentitiesDialog) -> None:
    dialog.show_import_form()
    assert dialog.import_file() is None
    assert "Choose the PKCS#12 file" in dialog.message.text()
