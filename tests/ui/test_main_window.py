from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

import evaluator_app
from evaluator_app.domain.scoring import for_display
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import session_overview
from evaluator_app.ui.main_window import MainWindow
from evaluator_app.ui.session_list_model import SessionListModel

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]


def listed(window: MainWindow) -> list[list[str]]:
    model = window.session_table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.session_table
    rect = view.visualRect(view.model().index(row, SessionListModel.REGION))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_window_lists_the_sessions_as_people_read_them(
    open_window: OpenWindow, bandung: str, sleman: str
) -> None:
    window = open_window()

    assert window.windowTitle() == "Evaluator"
    rows = listed(window)
    assert rows[0] == ["Kota Bandung", "II", "2024", "29 Okt 2024", "2/3 (66%)", "Draf"]
    assert rows[1] == ["Kabupaten Sleman", "I", "2023", "", "0/3 (0%)", "Draf"]


def test_first_session_is_shown_when_none_is_asked_for(
    open_window: OpenWindow, bandung: str, sleman: str
) -> None:
    window = open_window()
    assert window.selected_session_id() == bandung
    assert window.right.currentWidget() is window.details
    assert window.details.title.text() == "Kota Bandung · 2024"


def test_window_opens_on_the_requested_session(
    open_window: OpenWindow, bandung: str, sleman: str
) -> None:
    window = open_window(sleman)
    assert window.selected_session_id() == sleman
    details = window.details
    assert details.title.text() == "Kabupaten Sleman · 2023"
    assert details.index.text() == "–"
    assert details.predicate.text() == "–"
    assert cells(details.dimensions) == [
        ["A Tata Kelola", "–", "0/2"],
        ["B Lingkungan", "–", "0/1"],
    ]


def test_selecting_a_session_shows_its_scores_as_the_overview_gives_them(
    qtbot: QtBot, open_window: OpenWindow, ctx: Context, bandung: str, sleman: str
) -> None:
    window = open_window(sleman)
    click_row(qtbot, window, 0)

    assert window.selected_session_id() == bandung
    details = window.details
    overview = session_overview(ctx, bandung, "id")
    assert overview.scores.index is not None and overview.scores.predicate is not None
    # A = (2·1 + 1·2) / 3 = 1.33; B has nothing settled and drops out of the index.
    assert details.index.text() == str(for_display(overview.scores.index)) == "1.33"
    assert details.predicate.text() == overview.scores.predicate.name.get("id") == "Kurang"
    assert cells(details.dimensions) == [
        ["A Tata Kelola", "1.33", "2/2"],
        ["B Lingkungan", "–", "0/1"],
    ]
    assert details.progress.text() == "2/3 (66%)"
    assert details.date.text() == "Selasa, 29 Oktober 2024, 09.00 WIB"
    assert details.venue.text() == "Balai Kota Bandung"
    assert cells(details.participants) == [
        ["Siti Rahmawati", "Dosen, Institut Teknologi Bandung", "Ketua tim evaluator"],
        ["Budi Santoso", "", "Evaluator"],
        ["Ema Sumarna", "Sekretaris Daerah", "Penanda tangan"],
    ]
    assert details.participants_box.title() == "Peserta (3 hadir dari 3)"


def test_refresh_shows_new_work_and_keeps_the_selection(
    open_window: OpenWindow, ctx: Context, bandung: str, sleman: str
) -> None:
    from evaluator_app.services.assessments import set_agreed_level

    window = open_window(sleman)
    set_agreed_level(ctx, sleman, "B1.1", 2)  # e.g. by the command line meanwhile
    window.refresh()

    assert window.selected_session_id() == sleman
    assert listed(window)[1][4] == "1/3 (33%)"
    assert window.details.index.text() == "2.00"
    assert window.details.predicate.text() == "Baik"


def test_empty_data_folder_says_there_are_no_sessions(
    open_window: OpenWindow, ctx: Context
) -> None:
    window = open_window()
    assert window.data_folder.text() == f"Folder data: {ctx.store.data_dir}"
    assert window.sessions.rowCount() == 0
    assert window.right.currentWidget() is window.placeholder
    assert window.placeholder.text().startswith("Belum ada sesi evaluasi di laptop ini.")


def test_menus_offer_quit_on_ctrl_q_and_about_with_the_version(
    open_window: OpenWindow,
) -> None:
    window = open_window()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Berkas", "Ban&tuan"]
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    about = window.about_box()
    assert evaluator_app.__version__ in about.text()
    assert [b.text() for b in about.buttons()] == ["Tutup"]


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_quit_closes_the_window(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_window_fits_a_1366x768_laptop_screen(
    open_window: OpenWindow, bandung: str, sleman: str
) -> None:
    window = open_window()
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1366 and minimum.height() <= 700  # less the task bar and title
