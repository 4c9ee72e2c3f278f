"""The start screen: the sessions on this laptop, their overview, and the ways into a meeting.

Windows built with ``open_window`` are in the app's default language (Indonesian)
as the app builds them; ``english`` builds one in the source language, for the
start screen's own words, which do not depend on the state of the translation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

import evaluator_app
from evaluator_app.domain.scoring import for_display
from evaluator_app.services.demo import DEMO_REGION
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import list_sessions, session_overview
from evaluator_app.ui.session_list_model import SessionListModel
from evaluator_app.ui.start_window import StartWindow

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., StartWindow]


@pytest.fixture
def opened() -> list[str]:
    """The sessions the start screen asked to open, in order."""
    return []


@pytest.fixture
def english(qtbot: QtBot, ctx: Context, opened: list[str]) -> OpenWindow:
    def build(session_id: str | None = None) -> StartWindow:
        window = StartWindow(ctx, "en", opened.append, session_id)
        qtbot.addWidget(window)
        return window

    return build


def listed(window: StartWindow) -> list[list[str]]:
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


def row_centre(window: StartWindow, row: int):  # type: ignore[no-untyped-def]
    view = window.session_table
    return view.visualRect(view.model().index(row, SessionListModel.REGION)).center()


def click_row(qtbot: QtBot, window: StartWindow, row: int) -> None:
    qtbot.mouseClick(
        window.session_table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(window, row)
    )


# --- the list and the overview ----------------------------------------------------------


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
    # Indonesian writes a decimal comma.
    assert details.index.text() == str(for_display(overview.scores.index)).replace(".", ",")
    assert details.index.text() == "1,33"
    assert details.predicate.text() == overview.scores.predicate.name.get("id") == "Kurang"
    assert cells(details.dimensions) == [
        ["A Tata Kelola", "1,33", "2/2"],
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
    assert window.details.index.text() == "2,00"
    assert window.details.predicate.text() == "Baik"


def test_empty_data_folder_says_there_are_no_sessions_and_how_to_start(
    english: OpenWindow, ctx: Context
) -> None:
    window = english()
    assert window.data_folder.text() == f"Data folder: {ctx.store.data_dir}"
    assert window.sessions.rowCount() == 0
    assert window.right.currentWidget() is window.placeholder
    assert window.placeholder.text().startswith("There are no evaluation sessions")
    assert "New session" in window.placeholder.text() and "Open demo" in window.placeholder.text()
    assert not window.open_button.isEnabled()  # nothing to open
    assert window.new_button.isEnabled() and window.demo_button.isEnabled()


# --- opening ------------------------------------------------------------------------------


def test_open_hands_the_selected_session_to_the_callable_and_announces_it(
    qtbot: QtBot, english: OpenWindow, opened: list[str], bandung: str, sleman: str
) -> None:
    window = english(sleman)
    with qtbot.waitSignal(window.session_chosen) as chosen:
        window.open_button.click()

    assert chosen.args == [sleman]
    assert opened == [sleman]


def test_double_click_or_enter_on_a_row_opens_that_session(
    qtbot: QtBot, english: OpenWindow, opened: list[str], bandung: str, sleman: str
) -> None:
    window = english(bandung)
    click_row(qtbot, window, 1)  # a double click is a click, then the second press
    qtbot.mouseDClick(
        window.session_table.viewport(), Qt.MouseButton.LeftButton, pos=row_centre(window, 1)
    )
    assert opened == [sleman]

    window.select_session(bandung)
    qtbot.keyClick(window.session_table, Qt.Key.Key_Return)
    assert opened == [sleman, bandung]


def test_open_demo_creates_the_demo_once_and_opens_it(
    english: OpenWindow, ctx: Context, opened: list[str], bandung: str
) -> None:
    window = english()
    window.demo_button.click()

    demos = {s.year: s.id for s in list_sessions(ctx) if s.region == DEMO_REGION}
    assert sorted(demos) == [2023, 2024]  # this year's meeting, and last year's to compare
    assert opened == [demos[2024]]
    assert window.selected_session_id() == demos[2024]  # listed and selected behind the window

    window.demo_action.trigger()  # from the File menu, a second time
    assert {s.year: s.id for s in list_sessions(ctx) if s.region == DEMO_REGION} == demos
    assert opened == [demos[2024]] * 2


def test_a_session_file_from_another_laptop_is_added_and_opened(
    english: OpenWindow, ctx: Context, opened: list[str], bandung: str, tmp_path: Path
) -> None:
    from evaluator_app.services.bundles import export_bundle
    from evaluator_app.services.operation import open_context

    bundle = tmp_path / "bandung.evpkg"
    export_bundle(ctx, bandung, bundle)
    other = open_context(str(tmp_path / "other-laptop"), "lead")
    window = StartWindow(other, "en", opened.append)
    assert window.file_action.isEnabled()
    assert window.open_session_file(bundle)
    assert opened == [bandung]
    assert [s.id for s in list_sessions(other)] == [bandung]
    broken = tmp_path / "broken.evpkg"
    broken.write_bytes(b"not a zip at all")
    assert not window.open_session_file(broken)
    assert (
        window.problem.text().startswith("Not opened: ") and "broken.evpkg" in window.problem.text()
    )
    assert [s.id for s in list_sessions(other)] == [bandung]
    window.close()
    other.store.close()


def test_new_session_from_the_start_screen_is_created_listed_and_opened(
    english: OpenWindow, ctx: Context, opened: list[str], bandung: str
) -> None:
    window = english()
    dialog = window.new_session_dialog()
    dialog.region.setText("Kota Surakarta")
    dialog.create_button.click()

    created = dialog.created_id
    assert created is not None
    assert opened == [created]
    assert window.selected_session_id() == created
    assert listed(window)[0][0] == "Kota Surakarta"


def test_a_new_session_of_a_known_region_starts_with_its_last_attendance(
    english: OpenWindow, ctx: Context, opened: list[str], bandung: str
) -> None:
    window = english()
    dialog = window.new_session_dialog()
    dialog.region.setText("Kota Bandung")
    assert dialog.copy_attendance.isChecked()
    dialog.create_button.click()

    assert dialog.copied == 3
    names = [p.name for p in session_overview(ctx, opened[0]).participants]
    assert names == ["Siti Rahmawati", "Budi Santoso", "Ema Sumarna"]


# --- menus and size -----------------------------------------------------------------------


def test_file_menu_offers_every_way_in_with_its_shortcut(english: OpenWindow) -> None:
    window = english()
    menus = window.menuBar().actions()
    assert [action.text() for action in menus] == ["&File", "&Tools", "&Help"]
    file_menu = menus[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]  # type: ignore[union-attr]
    assert texts == [
        "&New session…",
        "&Open",
        "Open &demo",
        "Open &session file…",
        "&Refresh",
        "&Quit",
    ]
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.refresh_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")


def test_about_names_the_version_and_the_data_folder(english: OpenWindow, ctx: Context) -> None:
    window = english()
    about = window.about_dialog()
    assert evaluator_app.__version__ in about.heading.text()
    assert about.data_folder.text() == str(ctx.store.data_dir)


def test_settings_are_in_the_tools_menu(english: OpenWindow) -> None:
    window = english()
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    assert window.settings_action in tools.actions()
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    assert window.settings_dialog().windowTitle() == "Settings"


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
