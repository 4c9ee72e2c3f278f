"""Exporting a bundle from the window: the whole session, one dimension, one evaluator's
work, under a passphrase; refusals said in the dialog, and then nothing is written."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from evaluator_app.exchange.crypto import is_encrypted
from evaluator_app.exchange.errors import BundleError
from evaluator_app.services import assessments
from evaluator_app.services.bundle_import import preview_bundle
from evaluator_app.services.operation import Context, open_context
from evaluator_app.ui.bundle_export_dialog import BundleExportDialog
from evaluator_app.ui.controller import SessionController

pytestmark = pytest.mark.gui


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the success message box said (it is not shown: it would block)."""
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *_: said.append(text)
    )
    return said


@pytest.fixture
def dialog(qtbot: QtBot, ctx: Context, bandung: str, told: list[str]) -> BundleExportDialog:
    shown = BundleExportDialog(SessionController(ctx, bandung, "en"))
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def other_laptop(tmp_path: Path) -> Iterator[Context]:
    context = open_context(str(tmp_path / "other-laptop"), "tester")
    yield context
    context.store.close()


def session_json(bundle: Path) -> dict[str, Any]:
    with zipfile.ZipFile(bundle) as archive:
        data: dict[str, Any] = json.loads(archive.read("session.json"))
    return data


def test_the_whole_session_is_offered_with_a_name_by_region_and_year(
    dialog: BundleExportDialog,
) -> None:
    assert dialog.whole.isChecked()
    assert [c.text() for c in dialog.dimension_boxes.values()] == [
        "A — Governance",
        "B — Environment",
    ]
    assert not dialog.dimension_boxes["A"].isEnabled()
    assert [dialog.evaluator.itemText(n) for n in range(dialog.evaluator.count())] == [
        "Siti Rahmawati (Lead evaluator)",
        "Budi Santoso (Evaluator)",
    ]  # the signer does not evaluate
    assert Path(dialog.path.text()).name == "Kota-Bandung-2024-tester.evpkg"
    assert not dialog.passphrase.isEnabled()


def test_the_whole_session_is_written_and_another_laptop_would_add_it(
    qtbot: QtBot, dialog: BundleExportDialog, other_laptop: Context, told: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out" / "bandung.evpkg"
    out.parent.mkdir()
    dialog.set_path(out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == BundleExportDialog.DialogCode.Accepted
    assert dialog.summary is not None and dialog.summary.path == out
    preview = preview_bundle(other_laptop, out)
    assert (preview.outcome, preview.region, preview.year) == ("add", "Kota Bandung", 2024)
    assert len(session_json(out)["assessments"]) == 3
    assert told and told[0].startswith(f"Saved to {out}\n")
    assert "0 evidence files" in told[0]


def test_one_dimension_carries_only_its_assessments(
    dialog: BundleExportDialog, tmp_path: Path
) -> None:
    dialog.by_dimension.setChecked(True)
    dialog.dimension_boxes["B"].setChecked(True)
    assert Path(dialog.path.text()).name == "Kota-Bandung-2024-B.evpkg"
    dialog.set_path(tmp_path / "environment")  # the suffix is added

    summary = dialog.export()
    assert summary is not None and summary.path == tmp_path / "environment.evpkg"
    data = session_json(summary.path)
    assert [a["indicator_code"] for a in data["assessments"]] == ["B1.1"]
    assert summary.scope == {"dimensions": ["B"], "evaluator": None}


def test_one_evaluators_work_carries_what_they_rated(
    ctx: Context, bandung: str, qtbot: QtBot, told: list[str], tmp_path: Path
) -> None:
    controller = SessionController(ctx, bandung, "en")
    budi = next(p for p in controller.overview.participants if p.name == "Budi Santoso")
    assessments.set_rating(ctx, bandung, "A1.2", budi.id, 2)
    dialog = BundleExportDialog(controller)
    qtbot.addWidget(dialog)
    dialog.by_evaluator.setChecked(True)
    dialog.evaluator.setCurrentIndex(dialog.evaluator.findData(budi.id))
    assert Path(dialog.path.text()).name == "Kota-Bandung-2024-Budi-Santoso.evpkg"
    dialog.set_path(tmp_path / "budi.evpkg")

    summary = dialog.export()
    assert summary is not None
    data = session_json(summary.path)
    assert [a["indicator_code"] for a in data["assessments"]] == ["A1.2"]
    assert [r["participant_id"] for r in data["ratings"]] == [budi.id]


def test_a_protected_bundle_needs_its_passphrase(
    dialog: BundleExportDialog, other_laptop: Context, told: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "secret.evpkg"
    dialog.set_path(out)
    dialog.protect.setChecked(True)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    dialog.passphrase.setText("rahasia-bandung")
    dialog.confirmation.setText("rahasia-bandung")

    summary = dialog.export()
    assert summary is not None and summary.encrypted and is_encrypted(out)
    assert "Protected with a passphrase" in told[0]
    with pytest.raises(BundleError):
        preview_bundle(other_laptop, out)
    assert preview_bundle(other_laptop, out, "rahasia-bandung").encrypted


@pytest.mark.parametrize(
    ("passphrase", "confirmation", "said"),
    [("rahasia-bandung", "rahasia-bandnug", "differ"), ("", "", "Type a passphrase")],
)
def test_passphrases_that_differ_or_are_empty_are_refused_and_nothing_written(
    dialog: BundleExportDialog, tmp_path: Path, passphrase: str, confirmation: str, said: str
) -> None:
    out = tmp_path / "secret.evpkg"
    dialog.set_path(out)
    dialog.protect.setChecked(True)
    dialog.passphrase.setText(passphrase)
    dialog.confirmation.setText(confirmation)

    assert dialog.export() is None
    assert not dialog.problem.isHidden() and said in dialog.problem.text()
    assert dialog.result() != BundleExportDialog.DialogCode.Accepted
    assert not out.exists()
    assert dialog.passphrase.text() == passphrase  # what was typed stays


def test_no_dimension_ticked_is_refused_and_nothing_written(
    dialog: BundleExportDialog, tmp_path: Path
) -> None:
    dialog.by_dimension.setChecked(True)
    dialog.set_path(tmp_path / "none.evpkg")
    assert dialog.export() is None
    assert "at least one dimension" in dialog.problem.text()
    assert list(tmp_path.glob("*.evpkg")) == []


def test_a_folder_that_cannot_be_written_is_said_in_the_dialog(
    dialog: BundleExportDialog, tmp_path: Path
) -> None:
    dialog.set_path(tmp_path / "missing" / "bundle.evpkg")
    assert dialog.export() is None
    assert dialog.problem.text().startswith("Not exported: ")
    assert not (tmp_path / "missing").exists()


def test_the_next_export_starts_in_the_folder_used_last(
    qtbot: QtBot, dialog: BundleExportDialog, told: list[str], tmp_path: Path
) -> None:
    dialog.set_path(tmp_path / "first.evpkg")
    assert dialog.export() is not None
    again = BundleExportDialog(dialog.controller)
    qtbot.addWidget(again)
    assert Path(again.path.text()).parent == tmp_path


def test_the_file_chooser_sets_where_to_save(
    dialog: BundleExportDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []

    def choose(_parent: object, _title: str, start: str, filter: str) -> tuple[str, str]:
        asked.extend([start, filter])
        return str(tmp_path / "chosen.evpkg"), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog.choose_path()
    assert asked[1] == "Evaluator session files (*.evpkg)"
    assert asked[0].endswith("Kota-Bandung-2024-tester.evpkg")
    assert dialog.path.text() == str(tmp_path / "chosen.evpkg")
    dialog.by_dimension.setChecked(True)  # a chosen file is not renamed
    assert dialog.path.text() == str(tmp_path / "chosen.evpkg")
