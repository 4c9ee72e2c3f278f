"""The lead assigns dimensions from the navigator; each dimension row names its holder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from evaluator_app.services.assignments import assign_dimension, assignments
from evaluator_app.services.operation import Context
from evaluator_app.services.signoff import sign_off
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.navigator import NavigatorPanel
from evaluator_app.ui.navigator_model import HOLDER_ROLE, NavigatorModel
from evaluator_app.ui.operations import operation_label

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(ctx: Context, bandung: str) -> Iterator[SessionController]:
    """Bandung: Siti leads, Budi evaluates, Ema signs."""
    yield SessionController(ctx, bandung)


@pytest.fixture
def panel(qtbot: QtBot, controller: SessionController) -> NavigatorPanel:
    widget = NavigatorPanel(controller)
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    return widget


def person(controller: SessionController, name: str) -> str:
    return next(p.id for p in controller.overview.participants if p.name == name)


def assign_menu(panel: NavigatorPanel, code: str) -> QMenu:
    (entry,) = panel.dimension_menu(code).actions()
    assert entry.text() == "Assign to"
    submenu = entry.menu()
    assert isinstance(submenu, QMenu)
    return submenu


def choices(menu: QMenu) -> list[tuple[str, bool]]:
    return [(a.text(), a.isChecked()) for a in menu.actions() if not a.isSeparator()]


def choice(menu: QMenu, text: str) -> QAction:
    return next(a for a in menu.actions() if a.text() == text)


def test_lead_assigns_a_dimension_and_its_row_names_the_holder(
    panel: NavigatorPanel, controller: SessionController, ctx: Context
) -> None:
    model = panel.model
    sid = controller.session_id
    budi = person(controller, "Budi Santoso")
    menu = assign_menu(panel, "A")
    # The evaluators of the attendance, and nobody (who holds it now); not the signer.
    assert choices(menu) == [
        ("Siti Rahmawati · Lead evaluator", False),
        ("Budi Santoso", False),
        ("Nobody", True),
    ]
    assert model.index_of("A").data() == "A  Tata Kelola"

    choice(menu, "Budi Santoso").trigger()

    assert model.index_of("A").data() == "A  Tata Kelola · Budi Santoso"
    assert model.index_of("A").data(HOLDER_ROLE) == budi
    assert "Assigned to Budi Santoso" in model.index_of("A").data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_of("B").data() == "B  Lingkungan"  # the other stays nobody's
    assert model.index_of("A1").data() == "A1  Sub A1"  # groups below are not dimensions
    held = assignments(ctx, sid)
    assert list(held) == ["A"] and held["A"].participant_id == budi
    assert choices(assign_menu(panel, "A"))[1:] == [("Budi Santoso", True), ("Nobody", False)]

    # Handing it to Siti, then to nobody.
    choice(assign_menu(panel, "A"), "Siti Rahmawati · Lead evaluator").trigger()
    assert model.index_of("A").data() == "A  Tata Kelola · Siti Rahmawati"
    assert assignments(ctx, sid)["A"].participant_id == person(controller, "Siti Rahmawati")
    choice(assign_menu(panel, "A"), "Nobody").trigger()
    assert model.index_of("A").data() == "A  Tata Kelola"
    assert assignments(ctx, sid) == {}


# The offscreen platform's notes when the menu pops up.
@pytest.mark.qt_log_ignore(r"support raise\(\)", "grabbing the keyboard")
def test_right_click_on_a_dimension_opens_the_menu_and_not_on_an_indicator(
    qtbot: QtBot, panel: NavigatorPanel
) -> None:
    tree = panel.tree
    tree.doItemsLayout()

    def right_click(code: str) -> list[list[str]]:
        """What the context menu offers to assign to (closing it again)."""
        shown: list[list[str]] = []

        def look() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMenu) and widget.isVisible():
                    submenu = widget.actions()[0].menu()
                    assert isinstance(submenu, QMenu)
                    shown.append([a.text() for a in submenu.actions() if not a.isSeparator()])
                    widget.close()

        QTimer.singleShot(50, look)
        rect = tree.visualRect(panel.filter.mapFromSource(panel.model.index_of(code)))
        assert rect.isValid()
        tree.customContextMenuRequested.emit(QPoint(rect.center()))
        qtbot.wait(100)
        return shown

    assert right_click("A1.1") == []
    assert right_click("A1") == []
    assert right_click("B") == [["Siti Rahmawati · Lead evaluator", "Budi Santoso", "Nobody"]]


def test_a_holders_name_finds_their_dimensions(
    panel: NavigatorPanel, controller: SessionController
) -> None:
    panel.assign("B", person(controller, "Budi Santoso"))
    panel.search.setText("budi")
    assert panel.shown_codes() == ["B1.1"]
    panel.assign("A", person(controller, "Budi Santoso"))
    assert panel.shown_codes() == ["A1.1", "A1.2", "B1.1"]
    panel.assign("B", None)
    assert panel.shown_codes() == ["A1.1", "A1.2"]


def test_someone_who_cannot_hold_a_dimension_is_refused_in_words(
    qtbot: QtBot,
    panel: NavigatorPanel,
    controller: SessionController,
    ctx: Context,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    with qtbot.waitSignal(controller.failed) as refused:
        assert not panel.assign("A", person(controller, "Ema Sumarna"))
    assert refused.args == [
        "Ema Sumarna takes part as signer and cannot hold a dimension; "
        "only evaluators and lead evaluators can"
    ]
    assert panel.model.index_of("A").data() == "A  Tata Kelola"
    assert assignments(ctx, controller.session_id) == {}
    assert operation_label("assign_dimension") == "Assign a dimension"


def test_a_signed_session_shows_its_holders_and_offers_no_assigning(
    qtbot: QtBot, ctx: Context, bandung: str
) -> None:
    first = SessionController(ctx, bandung)
    assign_dimension(ctx, bandung, "A", person(first, "Budi Santoso"))
    sign_off(ctx, bandung, [person(first, "Ema Sumarna")])
    controller = SessionController(ctx, bandung)
    panel = NavigatorPanel(controller)
    qtbot.addWidget(panel)
    assert controller.read_only
    assert panel.model.index_of("A").data() == "A  Tata Kelola · Budi Santoso"
    (entry,) = panel.dimension_menu("A").actions()
    assert not entry.isEnabled()


@pytest.mark.parametrize("force_py", [True, False], ids=["python-tester", "qt-tester"])
def test_model_passes_the_model_tester_while_dimensions_change_hands(
    qtmodeltester: ModelTester, controller: SessionController, force_py: bool
) -> None:
    model = NavigatorModel(controller)
    qtmodeltester.check(model, force_py=force_py)
    sid = controller.session_id
    controller.call(assign_dimension, sid, "A", person(controller, "Budi Santoso"))
    controller.call(assign_dimension, sid, "B", person(controller, "Siti Rahmawati"))
    controller.call(assign_dimension, sid, "A", None)
    assert [model.index_of(code).data() for code in ("A", "B")] == [
        "A  Tata Kelola",
        "B  Lingkungan · Siti Rahmawati",
    ]
