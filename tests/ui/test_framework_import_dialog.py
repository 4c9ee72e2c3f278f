"""Importing a framework from a spreadsheet in the window: every problem listed by
cell, Install only for a clean file, the template one click away."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from evaluator_app.bundled import resources_dir
from evaluator_app.services.operation import Context
from evaluator_app.ui.framework_import_dialog import FrameworkImportDialog
from evaluator_app.ui.new_session_dialog import NewSessionDialog
from evaluator_app.ui.start_window import StartWindow

pytestmark = pytest.mark.gui

TEMPLATE = resources_dir() / "templates" / "framework-template.xlsx"


def rows(dialog: FrameworkImportDialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


@pytest.fixture
def dialog(qtbot: QtBot, ctx: Context) -> FrameworkImportDialog:
    widget = FrameworkImportDialog(ctx)
    qtbot.addWidget(widget)
    return widget


def test_every_problem_is_listed_by_cell_and_nothing_is_installed(
    dialog: FrameworkImportDialog, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    broken = tmp_path / "broken.xlsx"
    workbook = openpyxl.load_workbook(TEMPLATE)
    workbook["Indicators"]["Q3"] = None
    workbook["Groups"]["G2"] = 0
    workbook.save(broken)

    assert dialog.check(broken) is False
    assert rows(dialog) == [
        ("Groups!G2", "the weight must be greater than 0, not 0"),
        ("Indicators!Q3", "level 3 criteria (ID) is empty"),
    ]
    assert not dialog.install_button.isEnabled()
    assert dialog.verdict.text().startswith("2 problems: nothing was installed.")
    dialog.copy_problems()
    assert QGuiApplication.clipboard().text() == (
        "Groups!G2: the weight must be greater than 0, not 0\n"
        "Indicators!Q3: level 3 criteria (ID) is empty"
    )
    assert sorted(p.name for p in (ctx.store.data_dir / "frameworks").iterdir()) == ["tiny.yaml"]

    # Fixed in the spreadsheet, checked again: clean, and Install is offered.
    workbook["Indicators"]["Q3"] = "Program masterplan masuk RPJMD."
    workbook["Groups"]["G2"] = 60
    workbook.save(broken)
    dialog.check_again()
    assert dialog.table.isHidden() and dialog.install_button.isEnabled()
    assert "4 indicators" in dialog.details.text()


def test_a_clean_file_is_installed_and_offered_for_a_new_session(
    dialog: FrameworkImportDialog, ctx: Context, qtbot: QtBot
) -> None:
    assert dialog.check(TEMPLATE) is True
    with qtbot.waitSignal(dialog.installed) as installed:
        assert dialog.install() is True
    assert installed.args == ["contoh-kerangka", "2025.1"]
    assert (ctx.store.data_dir / "frameworks" / "contoh-kerangka-2025.1.yaml").is_file()
    assert dialog.verdict.text() == "Installed: it can now be chosen for a new session."
    assert not dialog.install_button.isEnabled()

    new_session = NewSessionDialog(ctx)
    qtbot.addWidget(new_session)
    assert "contoh-kerangka" in [f.id for f in new_session.frameworks]

    dialog.check(TEMPLATE)  # the same file again: nothing to do
    dialog.install()
    assert dialog.verdict.text() == "This framework is already installed; nothing was changed."


def test_the_template_can_be_saved_from_the_dialog(
    dialog: FrameworkImportDialog, tmp_path: Path
) -> None:
    out = tmp_path / "mine.xlsx"
    assert dialog.save_template(out) is True
    assert out.read_bytes() == TEMPLATE.read_bytes()
    assert dialog.check(out) is True


def test_the_start_screen_offers_the_import_in_its_tools_menu(qtbot: QtBot, ctx: Context) -> None:
    window = StartWindow(ctx, "en", lambda _id: None)
    qtbot.addWidget(window)
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    assert window.framework_import_action in tools.actions()
    opened = window.framework_import_dialog(TEMPLATE)
    qtbot.addWidget(opened)
    assert opened.install_button.isEnabled()
