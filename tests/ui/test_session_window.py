"""The meeting window's own parts: keys, status bar, presenter view, read-only, language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget
from pytestqt.qtbot import QtBot

from evaluator_app import preferences as settings
from evaluator_app.services import assessments, participants, signoff, walkthrough
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session
from evaluator_app.ui.actions import SPECS, Command
from evaluator_app.ui.operations import operation_label
from evaluator_app.ui.session_window import SessionWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def meeting(ctx: Context) -> str:
    return create_session(ctx, "gmsc-2024-illustrative", SessionDetails(region="Kota A", year=2024))


@pytest.fixture
def window(qtbot: QtBot, ctx: Context, meeting: str) -> Iterator[SessionWindow]:
    shown = SessionWindow(ctx, meeting, "en")
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown
    if shown.presenter is not None:
        shown.presenter.close()


def key(
    qtbot: QtBot,
    window: SessionWindow,
    k: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, k, modifiers)


def test_it_opens_on_the_first_unsettled_indicator_with_focus_for_number_keys(
    qtbot: QtBot, ctx: Context, meeting: str
) -> None:
    assessments.set_agreed_level(ctx, meeting, "GOV.1.1", 2)
    window = SessionWindow(ctx, meeting, "en")
    qtbot.addWidget(window)
    assert window.controller.current == "GOV.1.2"
    assert window.indicator_page.code == "GOV.1.2"


def test_number_keys_and_navigation_keys(
    qtbot: QtBot, window: SessionWindow, ctx: Context, meeting: str
) -> None:
    key(qtbot, window, Qt.Key.Key_4)
    assert walkthrough.indicator_states(ctx, meeting)["GOV.1.1"].agreed_level == 4
    key(qtbot, window, Qt.Key.Key_9)  # not on the scale: nothing happens
    assert walkthrough.indicator_states(ctx, meeting)["GOV.1.1"].agreed_level == 4
    key(qtbot, window, Qt.Key.Key_Down, CTRL)
    key(qtbot, window, Qt.Key.Key_Down, CTRL)
    assert window.controller.current == "GOV.1.3"
    key(qtbot, window, Qt.Key.Key_Up, CTRL)
    assert window.controller.current == "GOV.1.2"
    key(qtbot, window, Qt.Key.Key_Up, CTRL | SHIFT)  # previous unsettled skips GOV.1.1
    assert window.controller.current != "GOV.1.1"
    window.controller.set_current("GOV.1.1")
    key(qtbot, window, Qt.Key.Key_Down, CTRL | SHIFT)
    assert window.controller.current == "GOV.1.2"


def test_typing_a_digit_in_the_notes_types_it(
    qtbot: QtBot, window: SessionWindow, ctx: Context, meeting: str
) -> None:
    window.indicator_page.notes.setFocus()
    qtbot.keyClicks(window.indicator_page.notes, "Ada 3 SK")
    window.flush_typing()
    state = walkthrough.indicator_states(ctx, meeting)["GOV.1.1"]
    assert (state.notes, state.agreed_level) == ("Ada 3 SK", None)


def test_ctrl_f_goes_to_search_and_f11_goes_full_screen(
    qtbot: QtBot, window: SessionWindow
) -> None:
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    assert window.navigator.search.hasFocus()
    window.navigator.tree.setFocus()
    key(qtbot, window, Qt.Key.Key_F11)
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    key(qtbot, window, Qt.Key.Key_F11)
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def test_status_bar_says_saved_progress_and_status(qtbot: QtBot, window: SessionWindow) -> None:
    assert window.saved_at.text() == ""
    key(qtbot, window, Qt.Key.Key_3)
    assert window.saved_at.text().startswith("Saved at ")
    assert window.progress.text().startswith("Settled 1/40 (2%) · index 3.00")
    assert window.status.text() == "Draft"


def test_undo_menu_names_what_it_will_undo(
    qtbot: QtBot, window: SessionWindow, ctx: Context, meeting: str
) -> None:
    undo_action = window.commands[Command.UNDO]
    assert not undo_action.isEnabled()
    key(qtbot, window, Qt.Key.Key_2)
    assert undo_action.isEnabled()
    assert undo_action.text() == f"Undo: {operation_label('set_agreed_level')}"
    key(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert walkthrough.indicator_states(ctx, meeting)["GOV.1.1"].agreed_level is None
    assert window.commands[Command.REDO].text().startswith("Redo: ")


def test_presenter_view_follows_the_indicator_in_large_type(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.show_presenter()
    presenter = window.presenter
    assert presenter is not None and presenter.isVisible()
    assert presenter.title.font().pointSize() >= 24
    first_title = presenter.title.text()
    key(qtbot, window, Qt.Key.Key_3)
    assert presenter.agreed.text() == "Agreed: level 3"
    assert [card.isVisible() for card in presenter.cards] == [True] * 4
    agreed_card = presenter.cards[2]
    assert "#1f6f3f" in agreed_card.styleSheet()
    key(qtbot, window, Qt.Key.Key_Down, CTRL)
    assert presenter.title.text() != first_title
    assert presenter.agreed.text() == "Not agreed yet"


def test_shortcuts_are_listed_from_the_same_table_the_window_obeys(
    window: SessionWindow,
) -> None:
    window.show_shortcuts()
    table = window.shortcuts_dialog.findChild(QTableWidget)
    assert table is not None
    listed = {table.item(n, 1).text() for n in range(table.rowCount())}
    assert "Set the agreed level" in listed
    assert "Next indicator" in listed and "Presenter view for the projector" in listed
    for command, action in window.commands.items():
        assert action.shortcut().toString() == SPECS[command].keys[0]
    window.shortcuts_dialog.close()


def test_a_signed_session_opens_read_only_and_says_so(
    qtbot: QtBot, ctx: Context, meeting: str
) -> None:
    pid = participants.add_participant(ctx, meeting, ParticipantDetails(name="A", role="signer"))
    signoff.sign_off(ctx, meeting, [pid])
    window = SessionWindow(ctx, meeting, "en")
    qtbot.addWidget(window)
    assert "(signed: read-only)" in window.windowTitle()
    assert window.status.text() == "Signed — read-only"
    assert not window.commands[Command.UNDO].isEnabled()
    window.set_agreed_level(3)
    assert walkthrough.indicator_states(ctx, meeting)["GOV.1.1"].agreed_level is None
    assert not window.indicator_page.notes.isEnabled() or window.indicator_page.notes.isReadOnly()


def test_language_choice_is_kept_for_the_next_start(window: SessionWindow) -> None:
    window._choose_language("en")
    assert settings.read(settings.LANGUAGE) == "en"
    window._choose_language("id")
    assert settings.read(settings.LANGUAGE) == "id"


def test_every_undoable_operation_has_a_name_people_read() -> None:
    import re
    from pathlib import Path

    import evaluator_app.services as services_package

    folder = Path(services_package.__file__).parent
    names = set()
    for source in folder.glob("*.py"):
        text = source.read_text()
        names |= set(re.findall(r'operation\(ctx, "([a-z_]+)"\)', text))
        names |= set(re.findall(r'_assessment\(ctx, "([a-z_]+)"', text))
    names |= {"accept_evidence", "reject_evidence"}  # built from the review's outcome
    barriers = {"create_session", "sign_off", "reopen_session", "undo", "redo"}
    unnamed = sorted(n for n in names - barriers if operation_label(n) == n)
    assert len(names) > 25 and unnamed == []
