"""Cards reused from one indicator to the next take the height of their new text
(a refilled card once kept its old height, its lines drawn over each other)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from evaluator_app.services import clarifications
from evaluator_app.services.operation import Context
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.indicator_page import IndicatorPage
from evaluator_app.ui.level_picker import LevelCard

pytestmark = pytest.mark.gui

LONG = (
    "Diskominfo sebagai koordinator, bersama Bappeda dan Dinas Pariwisata, dengan "
    "anggaran yang disetujui DPRD pada sidang paripurna bulan Maret."
)


def _labels_fit(card: QWidget) -> list[str]:
    """The texts of ``card`` that are cut or drawn over another one."""
    shown = [
        label
        for label in card.findChildren(QLabel)
        if label.isVisible() and label.text() and label.wordWrap()
    ]
    problems = [
        label.text()[:30] for label in shown if label.height() < label.heightForWidth(label.width())
    ]
    tops = sorted((label.y(), label.y() + label.height(), label.text()[:30]) for label in shown)
    problems += [f"{a[2]!r} under {b[2]!r}" for a, b in pairwise(tops) if a[1] > b[0]]
    return problems


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen's note on show()
def test_a_refilled_clarification_card_grows_to_its_new_text(
    qtbot: QtBot, ctx: Context, bandung: str
) -> None:
    clarifications.ask(ctx, bandung, "A1.1", "Sudah?")
    answered = clarifications.ask(ctx, bandung, "A1.2", "Siapa perangkat daerah penanggung jawab?")
    clarifications.answer(ctx, answered, LONG)
    controller = SessionController(ctx, bandung, "en")
    page = IndicatorPage(controller)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    controller.set_current("A1.1")  # a short open question fills the card first
    QApplication.processEvents()
    controller.set_current("A1.2")  # the same card, refilled with the long answer
    QApplication.processEvents()
    card = page.clarifications.cards[answered]
    needed = card.heightForWidth(card.width()) if card.hasHeightForWidth() else -1
    assert card.height() >= (needed if needed > 0 else card.sizeHint().height())
    assert _labels_fit(card) == []
    level_cards = page.findChildren(LevelCard)
    assert level_cards and all(_labels_fit(level) == [] for level in level_cards)
