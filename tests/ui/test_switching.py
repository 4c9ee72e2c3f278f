"""Switching indicators in the meeting: what is cut from each switch still shows and stores
what the evaluators expect (issue 9)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QEnterEvent, QFont, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from evaluator_app.services import evidence, sessions
from evaluator_app.services.indicator_view import indicator_detail
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import SessionDetails
from evaluator_app.ui.card_painting import paint_card
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.indicator_page import IndicatorPage
from evaluator_app.ui.selectable_label import SelectableLabel, WrappedLabel

pytestmark = pytest.mark.gui

LONG = (
    "Peraturan Wali Kota tentang rencana induk kota cerdas ditetapkan, dengan Diskominfo "
    "sebagai koordinator bersama Bappeda, dan anggarannya disetujui DPRD pada sidang "
    "paripurna bulan Maret."
)


def _plain(text: str, font: QFont) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(font)
    return label


@pytest.mark.parametrize("kind", [WrappedLabel, SelectableLabel])
def test_a_wrapped_label_is_as_tall_as_a_plain_one_for_every_text_width_and_font(
    qtbot: QtBot, kind: type[WrappedLabel]
) -> None:
    label = kind("Sudah?")
    qtbot.addWidget(label)
    for width in (120, 300, 800, 120):  # asked again for a width it has measured
        assert label.heightForWidth(width) == _plain("Sudah?", label.font()).heightForWidth(width)

    label.setText(LONG)  # a new text is measured anew: it wraps onto more lines
    plain = _plain(LONG, label.font())
    for width in (120, 300, 800):
        assert label.heightForWidth(width) == plain.heightForWidth(width)
    assert label.heightForWidth(120) > label.heightForWidth(800) > 0

    bigger = QFont(label.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    label.setFont(bigger)  # so is a new font
    assert label.heightForWidth(300) == _plain(LONG, bigger).heightForWidth(300)
    label.setContentsMargins(0, 10, 0, 10)  # and new margins
    plain = _plain(LONG, bigger)
    plain.setContentsMargins(0, 10, 0, 10)
    assert label.heightForWidth(300) == plain.heightForWidth(300)


@pytest.fixture
def page(qtbot: QtBot, ctx: Context, bandung: str) -> IndicatorPage:
    controller = SessionController(ctx, bandung, "en")
    page = IndicatorPage(controller)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    return page


def test_switching_without_typing_asks_no_field_to_store(qtbot: QtBot, page: IndicatorPage) -> None:
    controller = page.controller
    controller.set_current("A1.1")
    page.notes_autosave.load("Stored earlier")  # what a reload shows is not typing
    with qtbot.assertNotEmitted(controller.flush_requested):
        controller.set_current("A1.2")
        controller.set_current("B1.1")


def test_notes_typed_just_before_a_switch_stay_with_their_indicator(
    qtbot: QtBot, page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    controller = page.controller
    controller.set_current("A1.1")
    page.notes.setPlainText("Dokumen diperiksa bersama tim")  # the pause has not passed yet

    with qtbot.waitSignal(controller.flush_requested):
        controller.set_current("B1.1")

    assert indicator_detail(ctx, bandung, "A1.1").state.notes == "Dokumen diperiksa bersama tim"
    assert page.notes.toPlainText() == ""  # B1.1's own (none)
    with qtbot.assertNotEmitted(controller.flush_requested):  # nothing left to store
        controller.set_current("A1.2")


def test_evidence_of_an_indicator_shows_when_its_tab_is_opened(
    page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    first = evidence.add_link(ctx, bandung, "A1.2", "https://bandung.go.id/sk", "SK Wali Kota")
    evidence.add_link(ctx, bandung, "A1.2", "https://bandung.go.id/perda", "Perda 2023")
    controller = page.controller
    page.tabs.setCurrentWidget(page.clarifications)
    controller.set_current("A1.1")
    controller.set_current("A1.2")
    assert page.tabs.tabText(page.tabs.indexOf(page.evidence)) == "Evidence (2)"

    page.tabs.setCurrentWidget(page.evidence)
    QApplication.processEvents()

    tree = page.evidence.tree
    items = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    titles = [item.text(page.evidence.TITLE) for item in items if item is not None]
    assert titles == ["SK Wali Kota", "Perda 2023"]
    page.evidence.select(first)
    assert page.evidence.selected_id() == first
    assert page.evidence.open_button.isEnabled()

    # A change while another tab is shown keeps the piece selected for when it is back.
    page.tabs.setCurrentWidget(page.clarifications)
    evidence.add_link(ctx, bandung, "A1.2", "https://bandung.go.id/rpjmd", "RPJMD")
    controller.reload()
    assert page.evidence.selected_id() == first
    page.tabs.setCurrentWidget(page.evidence)
    assert tree.topLevelItemCount() == 3
    assert [item.text(page.evidence.TITLE) for item in tree.selectedItems()] == ["SK Wali Kota"]


def test_switching_back_and_forth_shows_each_indicator_whole(
    qtbot: QtBot, page: IndicatorPage
) -> None:
    controller = page.controller
    for code in ("A1.1", "B1.1", "A1.2", "A1.1"):
        controller.set_current(code)
        indicator = controller.framework.indicator(code)
        assert page.heading.text() == f"{code}  {controller.text(indicator.title)}"
        assert [c.heading.text() for c in page.levels.cards] == [
            f"{level.value}  {controller.text(level.name)}" for level in controller.framework.scale
        ]


def test_the_guidance_fold_shows_the_current_indicators_questions(
    qtbot: QtBot, ctx: Context
) -> None:
    sid = sessions.create_session(
        ctx, "gmsc-2022-instrument", SessionDetails(region="Kota Semarang", year=2022)
    )
    controller = SessionController(ctx, sid, "en")
    page = IndicatorPage(controller)
    qtbot.addWidget(page)
    with_questions = [i for i in controller.framework.indicators() if i.guiding_questions]
    first, second = with_questions[0], with_questions[1]
    controller.set_current(first.code)
    assert page.guidance_toggle.isEnabled()

    page.guidance_toggle.setChecked(True)  # opened: the first indicator's questions
    assert not page.guidance.isHidden()
    assert controller.text(first.guiding_questions[0]) in page.questions.text()

    controller.set_current(second.code)  # switching while open: the new ones
    assert controller.text(second.guiding_questions[0]) in page.questions.text()

    page.guidance_toggle.setChecked(False)
    controller.set_current(first.code)  # switching while folded, then opening
    page.guidance_toggle.setChecked(True)
    assert controller.text(first.guiding_questions[0]) in page.questions.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen's note on show()
def test_a_level_card_lights_up_under_the_mouse(qtbot: QtBot, page: IndicatorPage) -> None:
    page.controller.set_current("B1.1")  # nothing agreed yet: every card can be chosen
    page.show()
    qtbot.waitExposed(page)
    card = page.levels.cards[0]
    plain = card.grab().toImage()

    QApplication.sendEvent(card, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    assert card.hovered
    assert card.grab().toImage() != plain  # the hover border

    QApplication.sendEvent(card, QEvent(QEvent.Type.Leave))
    assert not card.hovered
    assert card.grab().toImage() == plain


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen's note on show()
def test_the_page_fills_its_place_as_the_window_is_resized(
    qtbot: QtBot, ctx: Context, bandung: str
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    page = IndicatorPage(SessionController(ctx, bandung, "en"))
    QVBoxLayout(window).addWidget(page)
    page.controller.set_current("A1.2")
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    for size in ((1000, 700), (1300, 850), (900, 650)):
        window.resize(*size)
        QApplication.processEvents()
        assert page.body.geometry() == page.rect()
        assert page.levels.isVisible() and page.levels.width() > 0
    # The window cannot be made smaller than the page can be.
    assert window.minimumSizeHint().width() >= page.body.minimumSizeHint().width()
    assert window.minimumSizeHint().height() >= page.body.minimumSizeHint().height()


class _Framed(QWidget):
    def paintEvent(self, event: QPaintEvent) -> None:
        paint_card(self, QColor("#204080"), width=3, radius=6, background=QColor("#ffffff"))


def test_a_card_frame_follows_the_card_as_it_grows(qtbot: QtBot) -> None:
    card = _Framed()
    qtbot.addWidget(card)
    for width, height in ((200, 80), (200, 140), (260, 140), (200, 80)):
        card.resize(width, height)
        image = card.grab().toImage()
        assert image.size().width() == width and image.size().height() == height
        middle = height // 2
        # the border on every side of the card as it is now, the inside filled
        for x, y in ((1, middle), (width - 2, middle), (width // 2, 1), (width // 2, height - 2)):
            assert image.pixelColor(x, y).name() == "#204080", (width, height, x, y)
        assert image.pixelColor(width // 2, middle).name() == "#ffffff"
