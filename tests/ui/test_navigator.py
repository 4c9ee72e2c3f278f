"""The navigator: the framework tree, its badges and filters, and following the meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from evaluator_app.services import assessments, clarifications, evidence, participants, sessions
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.navigator import (
    ALL,
    NOT_DONE,
    OPEN_CLARIFICATIONS,
    PENDING_EVIDENCE,
    NavigatorFilter,
    NavigatorPanel,
)
from evaluator_app.ui.navigator_model import (
    CODE_ROLE,
    GROUP,
    INDICATOR,
    KIND_ROLE,
    SEARCH_ROLE,
    STATE_ROLE,
    NavigatorModel,
)

pytestmark = pytest.mark.gui

DUE = dt.date(2024, 11, 15)

# Groups nested three deep, and indicators straight under a dimension (as Quick Wins).
DEEP_FRAMEWORK = """\
id: deep
version: "1"
title: Instrumen Bertingkat
scale:
  - {value: 1, name: Rendah}
  - {value: 2, name: Tinggi}
dimensions:
  - code: D
    title: {id: Dimensi, en: Dimension}
    indicators:
      - {code: D.0, title: Langsung, levels: {1: rendah, 2: tinggi}}
    groups:
      - code: D.1
        title: Sub
        groups:
          - code: D.1.1
            title: Sub sub
            indicators:
              - {code: D.1.1.1, title: Dalam sekali, levels: {1: rendah, 2: tinggi}}
              - {code: D.1.1.2, title: Dalam juga, levels: {1: rendah, 2: tinggi}}
  - code: QW
    title: Quick Wins
    indicators:
      - {code: QW.1, title: Formulasi, levels: {1: rendah, 2: tinggi}}
      - {code: QW.2, title: Daya Tarik, levels: {1: rendah, 2: tinggi}}
"""


@pytest.fixture
def controller(ctx: Context, bandung: str) -> Iterator[SessionController]:
    """Bandung: A1.1 at 2 and A1.2 at 1 settled, B1.1 still open."""
    yield SessionController(ctx, bandung)


@pytest.fixture
def panel(qtbot: QtBot, controller: SessionController) -> NavigatorPanel:
    widget = NavigatorPanel(controller)
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    return widget


@pytest.fixture
def deep(ctx: Context) -> SessionController:
    (ctx.store.data_dir / "frameworks" / "deep.yaml").write_text(DEEP_FRAMEWORK, encoding="utf-8")
    sid = sessions.create_session(ctx, "deep", SessionDetails(region="Kota Deep", year=2024))
    return SessionController(ctx, sid)


@pytest.fixture
def instrument(ctx: Context) -> SessionController:
    """A session on the shipped GMSC 2022 instrument (scale 1–4, Quick Wins flat)."""
    sid = sessions.create_session(
        ctx, "gmsc-2022-instrument", SessionDetails(region="Kota Semarang", year=2022)
    )
    return SessionController(ctx, sid, "en")


def tree(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[object]:
    """The model as nested lists: a code, or (code, [children]) for a group."""
    parent = parent or QModelIndex()
    rows: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(KIND_ROLE) == GROUP:
            rows.append((index.data(CODE_ROLE), tree(model, index)))
        else:
            rows.append(index.data(CODE_ROLE))
    return rows


def row_texts(model: NavigatorModel, code: str) -> list[str]:
    """What each cell says (the badges, drawn as a picture, in words as read out)."""
    cells = [model.index_of(code, column) for column in range(3)]
    return [cell.data(Qt.ItemDataRole.AccessibleTextRole) or cell.data() or "" for cell in cells]


def selected_codes(panel: NavigatorPanel) -> list[str]:
    return [i.data(CODE_ROLE) for i in panel.tree.selectionModel().selectedRows(0)]


# --- the model -------------------------------------------------------------


@pytest.mark.parametrize("force_py", [True, False], ids=["python-tester", "qt-tester"])
def test_model_passes_the_model_tester_while_the_session_changes(
    qtmodeltester: ModelTester, controller: SessionController, force_py: bool
) -> None:
    model = NavigatorModel(controller)
    qtmodeltester.check(model, force_py=force_py)

    sid = controller.session_id
    controller.call(assessments.set_agreed_level, sid, "B1.1", 2)
    controller.call(clarifications.ask, sid, "A1.1", "Sudah ditetapkan?")
    controller.call(assessments.set_not_applicable, sid, "A1.2", "Tidak ada program")
    controller.call(assessments.set_notes, sid, "A1.1", "Catatan baru")

    assert row_texts(model, "B1.1") == ["B1.1  Tiga", "2", ""]


@pytest.mark.parametrize("force_py", [True, False], ids=["python-tester", "qt-tester"])
def test_filter_passes_the_model_tester_through_every_mode_and_change(
    qtmodeltester: ModelTester, controller: SessionController, force_py: bool
) -> None:
    model = NavigatorModel(controller)
    proxy = NavigatorFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=force_py)

    sid = controller.session_id
    for mode in (NOT_DONE, OPEN_CLARIFICATIONS, PENDING_EVIDENCE, ALL):
        proxy.set_mode(mode)
        controller.call(clarifications.ask, sid, "B1.1", f"Pertanyaan {mode}?")
    proxy.set_mode(NOT_DONE)
    controller.call(assessments.set_agreed_level, sid, "B1.1", 1)  # leaves the filter
    proxy.set_query("satu")
    controller.call(assessments.set_agreed_level, sid, "A1.1", None)  # comes back
    proxy.set_query("")

    assert tree(proxy) == [("A", [("A1", ["A1.1"])])]


def test_tree_holds_dimensions_groups_and_indicators_in_framework_order(
    controller: SessionController, deep: SessionController
) -> None:
    assert tree(NavigatorModel(controller)) == [
        ("A", [("A1", ["A1.1", "A1.2"])]),
        ("B", [("B1", ["B1.1"])]),
    ]
    # Own indicators first, then sub-groups: the order Ctrl+Down walks.
    assert tree(NavigatorModel(deep)) == [
        ("D", ["D.0", ("D.1", [("D.1.1", ["D.1.1.1", "D.1.1.2"])])]),
        ("QW", ["QW.1", "QW.2"]),
    ]
    walked = [i.code for i in deep.framework.indicators()]
    assert walked == ["D.0", "D.1.1.1", "D.1.1.2", "QW.1", "QW.2"]


def test_shipped_instrument_shows_quick_wins_straight_under_their_dimension(
    instrument: SessionController,
) -> None:
    model = NavigatorModel(instrument)
    shape = tree(model)

    assert [row[0] for row in shape if isinstance(row, tuple)] == ["BSL", "OUT", "OTC", "IMP", "QW"]
    assert shape[0] == (
        "BSL",
        [("BSL.1", ["BSL.1.1", "BSL.1.2"]), ("BSL.2", ["BSL.2.1", "BSL.2.2"])],
    )
    assert shape[4] == ("QW", [f"QW.{n}" for n in range(1, 11)])
    assert model.index_of("BSL.1.1").data() == "BSL.1.1  Legal status of the smart-city masterplan"
    assert model.index_of("QW", 2).data() == "0/10"
    assert model.index_of("QW.3").data(KIND_ROLE) == INDICATOR
    assert model.index_of("QW").data(KIND_ROLE) == GROUP


def test_rows_say_code_title_level_and_progress(controller: SessionController) -> None:
    model = NavigatorModel(controller)

    assert row_texts(model, "A") == ["A  Tata Kelola", "1.33", "2/2"]
    assert row_texts(model, "A1") == ["A1  Sub A1", "1.33", "2/2"]
    assert row_texts(model, "A1.1") == ["A1.1  Satu", "2", ""]
    assert row_texts(model, "B") == ["B  Lingkungan", "", "0/1"]
    assert row_texts(model, "B1.1") == ["B1.1  Tiga", "", ""]
    assert model.index_of("A1.1").data(STATE_ROLE) == "done"
    assert model.index_of("B1.1").data(STATE_ROLE) == "not_started"
    assert model.index_of("A").data(Qt.ItemDataRole.ToolTipRole) == (
        "A  Tata Kelola\n2 of 2 indicators settled\nScore: 1.33"
    )


def test_each_state_has_its_own_mark(controller: SessionController) -> None:
    model = NavigatorModel(controller)
    sid = controller.session_id
    controller.call(assessments.set_status, sid, "B1.1", "deferred")
    controller.call(assessments.set_not_applicable, sid, "A1.2", "Tidak relevan")
    controller.call(assessments.set_agreed_level, sid, "A1.1", None)  # back to in discussion

    states = {code: model.index_of(code).data(STATE_ROLE) for code in ("A1.1", "A1.2", "B1.1")}
    assert states == {"A1.1": "in_discussion", "A1.2": "na", "B1.1": "deferred"}
    icons = [model.index_of(code).data(Qt.ItemDataRole.DecorationRole) for code in states]
    images = [icon.toImage() for icon in icons]
    assert all(not icon.isNull() for icon in icons)
    assert len({bytes(image.constBits()) for image in images}) == 3  # three different marks
    assert row_texts(model, "A1.2")[1] == "N/A"
    assert model.index_of("A1", 2).data() == "1/2"


def test_changes_show_in_place_without_a_reset_and_keep_the_selection(
    qtbot: QtBot, panel: NavigatorPanel, controller: SessionController
) -> None:
    model = panel.model
    sid = controller.session_id
    controller.set_current("B1.1")
    assert selected_codes(panel) == ["B1.1"]

    changed_rows: list[str] = []
    model.dataChanged.connect(
        lambda first, _last, _roles: changed_rows.append(first.data(CODE_ROLE))
    )
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.assertNotEmitted(model.layoutChanged),
        qtbot.assertNotEmitted(model.rowsRemoved),
        qtbot.assertNotEmitted(panel.filter.modelReset),
    ):
        controller.call(clarifications.ask, sid, "B1.1", "Siapa penanggung jawabnya?")
        controller.call(clarifications.ask, sid, "B1.1", "Kapan ditetapkan?")
        controller.call(evidence.promise, sid, "B1.1", "SK Wali Kota", DUE)
        controller.call(assessments.set_agreed_level, sid, "B1.1", 2)

    assert row_texts(model, "B1.1") == ["B1.1  Tiga", "2", "?2 ▤1"]
    assert model.index_of("B1.1").data(Qt.ItemDataRole.ToolTipRole) == (
        "B1.1  Tiga\nDone · level 2 (Tinggi)\n2 open clarifications, 1 pending evidence"
    )
    assert row_texts(model, "B") == ["B  Lingkungan", "2.00", "1/1"]
    # the indicator on each call; its groups when their progress or score moved
    assert changed_rows[:3] == ["B1.1"] * 3
    assert sorted(changed_rows[3:]) == ["B", "B1", "B1.1"]
    assert selected_codes(panel) == ["B1.1"]
    assert controller.current == "B1.1"


def test_one_open_question_is_said_in_the_singular(controller: SessionController) -> None:
    model = NavigatorModel(controller)
    controller.call(clarifications.ask, controller.session_id, "A1.1", "Sudah?")
    tip = model.index_of("A1.1", 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "1 open clarification"


def test_evaluators_two_levels_apart_are_marked(instrument: SessionController) -> None:
    model = NavigatorModel(instrument)
    sid = instrument.session_id
    people = [
        participants.add_participant(
            instrument.ctx, sid, ParticipantDetails(name=name, role="evaluator")
        )
        for name in ("Andi", "Bela")
    ]
    instrument.call(assessments.set_rating, sid, "OUT.1.1", people[0], 2)
    instrument.call(assessments.set_rating, sid, "OUT.1.1", people[1], 3)
    assert row_texts(model, "OUT.1.1")[2] == ""  # one level apart is ordinary

    instrument.call(assessments.set_rating, sid, "OUT.1.1", people[1], 4)

    assert row_texts(model, "OUT.1.1")[2] == "Δ2"
    tip = model.index_of("OUT.1.1").data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "Evaluators' ratings differ by 2 levels"


def test_search_text_holds_code_both_titles_and_notes(controller: SessionController) -> None:
    model = NavigatorModel(controller)
    controller.call(assessments.set_notes, controller.session_id, "A1.2", "Menunggu Bappeda")
    assert model.index_of("A").data(SEARCH_ROLE).split("\n") == ["A", "Tata Kelola", "Governance"]
    assert model.index_of("A1.2").data(SEARCH_ROLE).split("\n") == [
        "A1.2",
        "Dua",
        "Menunggu Bappeda",
    ]


# --- the filter ------------------------------------------------------------


def test_each_filter_mode_shows_exactly_its_indicators(
    panel: NavigatorPanel, controller: SessionController
) -> None:
    sid = controller.session_id
    controller.call(clarifications.ask, sid, "A1.1", "Sudah ditetapkan?")
    answered = controller.call(clarifications.ask, sid, "A1.2", "Siapa?")
    controller.call(clarifications.answer, answered, "Diskominfo")
    controller.call(evidence.promise, sid, "B1.1", "Laporan", DUE)

    expected = {
        ALL: ["A1.1", "A1.2", "B1.1"],
        NOT_DONE: ["B1.1"],
        OPEN_CLARIFICATIONS: ["A1.1"],
        PENDING_EVIDENCE: ["B1.1"],
    }
    for mode, codes in expected.items():
        panel.set_mode(mode)
        assert panel.filter.mode == mode
        assert panel.shown_codes() == codes, mode
    panel.set_mode(NOT_DONE)
    assert tree(panel.filter) == [("B", [("B1", ["B1.1"])])]  # groups only above a match
    assert panel.shown.text() == "Showing 1 of 3 indicators"


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("", ["A1.1", "A1.2", "B1.1"]),
        ("a1.2", ["A1.2"]),  # code, any case
        ("TIGA", ["B1.1"]),  # Indonesian title
        ("environment", ["B1.1"]),  # English title of its dimension
        ("governance", ["A1.1", "A1.2"]),  # a group's title shows all beneath it
        ("bappeda", ["A1.2"]),  # notes
        ("CAFE", ["B1.1"]),  # accents ignored: the note says "café"
        ("menunggu dua", ["A1.2"]),  # every word must be found
        ("menunggu tiga", []),
        ("zzz", []),
    ],
)
def test_text_search_finds_codes_titles_and_notes(
    panel: NavigatorPanel, controller: SessionController, query: str, codes: list[str]
) -> None:
    sid = controller.session_id
    controller.call(assessments.set_notes, sid, "A1.2", "Menunggu penjelasan Bappeda")
    controller.call(assessments.set_notes, sid, "B1.1", "Dibahas di Café Braga")

    panel.search.setText(query)

    assert panel.filter.query == query
    assert panel.shown_codes() == codes
    if not codes:
        assert panel.shown.text() == "No indicator matches."


def test_search_and_mode_combine(panel: NavigatorPanel, controller: SessionController) -> None:
    controller.call(assessments.set_agreed_level, controller.session_id, "A1.1", None)
    panel.search.setText("governance")
    panel.set_mode(NOT_DONE)
    assert panel.shown_codes() == ["A1.1"]


def test_a_row_that_changes_enters_and_leaves_the_filter(
    panel: NavigatorPanel, controller: SessionController
) -> None:
    sid = controller.session_id
    panel.set_mode(NOT_DONE)
    controller.set_current("B1.1")

    controller.call(assessments.set_agreed_level, sid, "B1.1", 2)
    assert panel.shown_codes() == []
    assert controller.current == "B1.1"  # settled and hidden, but still under discussion
    assert selected_codes(panel) == []

    controller.call(assessments.set_agreed_level, sid, "B1.1", None)
    assert panel.shown_codes() == ["B1.1"]
    assert selected_codes(panel) == ["B1.1"]
    b1 = panel.filter.mapFromSource(panel.model.index_of("B1"))
    assert panel.tree.isExpanded(b1)

    panel.search.setText("catatan")
    controller.call(assessments.set_notes, sid, "A1.1", "Catatan rapat")
    controller.call(assessments.set_agreed_level, sid, "A1.1", None)
    assert panel.shown_codes() == ["A1.1"]  # its note now matches and it is not done


# --- the panel -------------------------------------------------------------


def test_clicking_an_indicator_makes_it_current(
    qtbot: QtBot, panel: NavigatorPanel, controller: SessionController
) -> None:
    view = panel.tree
    index = panel.filter.mapFromSource(panel.model.index_of("A1.2"))
    with qtbot.waitSignal(controller.current_changed) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert blocker.args == ["A1.2"]
    assert controller.current == "A1.2"


def test_clicking_a_group_leaves_the_current_indicator(
    qtbot: QtBot, panel: NavigatorPanel, controller: SessionController
) -> None:
    controller.set_current("B1.1")
    view = panel.tree
    index = panel.filter.mapFromSource(panel.model.index_of("A"))
    with qtbot.assertNotEmitted(controller.current_changed):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert controller.current == "B1.1"


def test_tree_follows_the_current_indicator_set_elsewhere(
    qtbot: QtBot, panel: NavigatorPanel, controller: SessionController
) -> None:
    b = panel.filter.mapFromSource(panel.model.index_of("B"))
    panel.tree.collapse(b)
    emitted: list[str] = []
    controller.current_changed.connect(emitted.append)

    controller.move(1)  # Ctrl+Down from nothing: the first indicator
    controller.move(1, not_done_only=True)  # Ctrl+Shift+Down: the next one not settled

    assert emitted == ["A1.1", "B1.1"]  # once each: the tree does not echo
    assert selected_codes(panel) == ["B1.1"]
    assert panel.tree.isExpanded(b)
    current = panel.tree.currentIndex()
    assert current.data(CODE_ROLE) == "B1.1"


def test_panel_built_for_a_current_indicator_selects_it(
    qtbot: QtBot, controller: SessionController
) -> None:
    controller.set_current("A1.2")
    panel = NavigatorPanel(controller)
    qtbot.addWidget(panel)
    assert selected_codes(panel) == ["A1.2"]


def test_hidden_current_indicator_stays_current_and_returns_selected(
    panel: NavigatorPanel, controller: SessionController
) -> None:
    controller.set_current("A1.1")

    panel.set_mode(NOT_DONE)
    assert controller.current == "A1.1"
    assert selected_codes(panel) == []

    panel.set_mode(ALL)
    assert selected_codes(panel) == ["A1.1"]
    assert panel.shown.isHidden()


def test_search_keys_step_through_what_is_shown(
    qtbot: QtBot, panel: NavigatorPanel, controller: SessionController
) -> None:
    controller.set_current("B1.1")
    qtbot.keyClicks(panel.search, "satu dua")  # no match: nothing moves
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert controller.current == "B1.1"

    panel.search.setText("sub a1")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert controller.current == "A1.1"
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert controller.current == "A1.2"
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # stays on the last one shown
    assert controller.current == "A1.2"
    qtbot.keyClick(panel.search, Qt.Key.Key_Up)
    assert controller.current == "A1.1"

    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    assert panel.shown_codes() == ["A1.1", "A1.2", "B1.1"]


def test_focus_search_selects_what_was_typed(panel: NavigatorPanel) -> None:
    panel.search.setText("tata")
    panel.focus_search()
    assert panel.search.selectedText() == "tata"
    assert panel.search.placeholderText() == "Search codes, titles, notes…"
    assert panel.search.isClearButtonEnabled()


def test_progress_line_says_settled_index_and_predicate(
    panel: NavigatorPanel, controller: SessionController
) -> None:
    # A = (2·1 + 1·2) / 3 = 1.33; B has nothing settled and drops out of the index.
    assert panel.progress.text() == "Settled 2/3 (66%) · index 1.33 Kurang"

    controller.call(assessments.set_agreed_level, controller.session_id, "B1.1", 2)

    # (1.33 + 2) / 2 = 1.67: "Baik" from 1.5
    assert panel.progress.text() == "Settled 3/3 (100%) · index 1.67 Baik"


def test_progress_line_without_a_score(qtbot: QtBot, ctx: Context, sleman: str) -> None:
    panel = NavigatorPanel(SessionController(ctx, sleman))
    qtbot.addWidget(panel)
    assert panel.progress.text() == "Settled 0/3 (0%) · index –"


def test_tree_is_open_and_compact_from_the_start(panel: NavigatorPanel) -> None:
    view = panel.tree
    for code in ("A", "A1", "B", "B1"):
        assert view.isExpanded(panel.filter.mapFromSource(panel.model.index_of(code)))
    assert view.uniformRowHeights()
    header = view.header()
    assert header.sectionResizeMode(0) == header.ResizeMode.Stretch
    # The level column fits its widest cell (fitted when rows change, not measured per scroll).
    assert header.sectionResizeMode(1) == header.ResizeMode.Fixed
    level_cells = [panel.filter.mapFromSource(panel.model.index_of(c, 1)) for c in ("A", "A1")]
    assert header.sectionSize(1) >= max(view.sizeHintForIndex(i).width() for i in level_cells)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen's note on show()
def test_panel_paints_badges_and_marks(
    qtbot: QtBot, panel: NavigatorPanel, controller: SessionController
) -> None:
    sid = controller.session_id
    controller.call(clarifications.ask, sid, "B1.1", "Apa?")
    controller.call(evidence.promise, sid, "B1.1", "Laporan", DUE)
    controller.set_current("B1.1")
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)

    badges = panel.filter.mapFromSource(panel.model.index_of("B1.1", 2))
    hint = panel.tree.sizeHintForIndex(badges)
    assert hint.width() > QFontMetrics(panel.tree.font()).horizontalAdvance("?1 ▤1")
    # The pills in their own colours, whole, on the selected row too (not tinted by
    # the selection), centred in their column.
    cell = panel.tree.visualRect(badges)
    image = panel.tree.viewport().grab(cell).toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(cell.width()) for y in range(cell.height())
    }
    assert {"#f2a900", "#2f64c8"} <= colours
    columns = [
        x
        for x in range(cell.width())
        if any(
            image.pixelColor(x, y).name() in ("#f2a900", "#2f64c8") for y in range(cell.height())
        )
    ]
    assert columns[0] > 0 and columns[-1] < cell.width() - 1  # nothing cut off
    assert abs(columns[0] - (cell.width() - 1 - columns[-1])) <= 2
    assert panel.model.index_of("B1.1", 2).data(Qt.ItemDataRole.AccessibleTextRole) == "?1 ▤1"
