"""About: the version, where the data and log are, and the licences of what ships."""

from __future__ import annotations

import importlib.metadata
from email.message import Message
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import evaluator_app
from evaluator_app.app_log import log_file
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import SessionDetails, create_session
from evaluator_app.ui import about_dialog
from evaluator_app.ui.about_dialog import BUNDLED, AboutDialog, licence_from_metadata
from evaluator_app.ui.session_window import SessionWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def dialog(qtbot: QtBot, ctx: Context) -> AboutDialog:
    shown = AboutDialog(ctx.store.data_dir)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_it_names_the_version_the_data_folder_and_the_log_file(
    dialog: AboutDialog, ctx: Context
) -> None:
    assert dialog.windowTitle() == "About Evaluator"
    assert dialog.heading.text() == f"Evaluator {evaluator_app.__version__}"
    assert dialog.data_folder.text() == str(ctx.store.data_dir)
    assert dialog.log_file.text() == str(log_file(ctx.store.data_dir))
    assert dialog.licence.text() == "Evaluator is free software under the MIT licence."


def test_every_bundled_library_and_the_fonts_have_a_licence_row(dialog: AboutDialog) -> None:
    rows = dialog.licence_rows()
    assert list(rows) == [*BUNDLED, "Liberation Sans"]
    assert rows["Liberation Sans"] == ("2.1.5", "OFL-1.1")
    assert rows["SQLAlchemy"] == (importlib.metadata.version("SQLAlchemy"), "MIT")
    assert rows["PySide6-Essentials"][1].startswith("LGPL-3.0")
    assert all(licence and licence != "–" for _, licence in rows.values())


def test_without_metadata_the_table_in_the_code_is_shown(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> None:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(about_dialog.importlib.metadata, "metadata", missing)
    shown = AboutDialog(None)
    qtbot.addWidget(shown)
    rows = shown.licence_rows()
    assert rows["pyHanko"] == ("–", "MIT")
    assert rows["cryptography"] == ("–", "Apache-2.0 OR BSD-3-Clause")
    assert shown.data_folder.text() == "not opened yet"


def metadata(**fields: str | list[str]) -> Message:
    message = Message()
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = one
    return message


def test_a_licence_is_read_from_the_expression_the_field_or_the_classifiers() -> None:
    assert licence_from_metadata(metadata(License_Expression="MIT", License="x")) == "MIT"  # type: ignore[arg-type]
    assert licence_from_metadata(metadata(License="MIT")) == "MIT"  # type: ignore[arg-type]
    long_text = "BSD license (see license.txt for details), Copyright (c) 2000-2024 ReportLab"
    classifiers = ["Programming Language :: Python", "License :: OSI Approved :: BSD License"]
    found = licence_from_metadata(metadata(License=long_text, Classifier=classifiers))  # type: ignore[arg-type]
    assert found == "BSD License"
    assert licence_from_metadata(metadata(License="UNKNOWN")) is None  # type: ignore[arg-type]


def test_the_font_licence_text_can_be_read_in_full(qtbot: QtBot, dialog: AboutDialog) -> None:
    assert not dialog.font_licence.isVisible()
    qtbot.mouseClick(dialog.font_button, Qt.MouseButton.LeftButton)

    text = dialog.font_licence.toPlainText()
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation." in text
    assert dialog.font_licence.isVisible()
    assert not dialog.table.isVisible()
    assert dialog.font_button.text() == "Hide the font licence"

    qtbot.mouseClick(dialog.font_button, Qt.MouseButton.LeftButton)
    assert dialog.table.isVisible()
    assert dialog.font_button.text() == "Show the font licence"


def test_help_about_in_the_meeting_window_opens_it(qtbot: QtBot, ctx: Context) -> None:
    session = create_session(
        ctx, "gmsc-2024-illustrative", SessionDetails(region="Kota A", year=2024)
    )
    window = SessionWindow(ctx, session, "en")
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    about = next(a for a in help_menu.actions() if a.text() == "About Evaluator")  # type: ignore[union-attr]
    about.trigger()
    assert isinstance(window.about_dialog, AboutDialog)
    assert window.about_dialog.isVisible()
    assert window.about_dialog.data_folder.text() == str(ctx.store.data_dir)
    window.about_dialog.reject()


def test_the_licence_file_ships_with_the_fonts() -> None:
    assert about_dialog.font_licence_file().is_file()
    assert (Path(about_dialog.font_licence_file()).parent / "LiberationSans-Regular.ttf").is_file()
