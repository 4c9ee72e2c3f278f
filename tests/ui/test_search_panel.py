"""The start screen's search: typed words, the hits in place of the overview, and
a hit that opens its session at its indicator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from evaluator_app.services import assessments, clarifications
from evaluator_app.services.operation import Context
from evaluator_app.ui.app import Windows
from evaluator_app.ui.translations import use_language

pytestmark = pytest.mark.gui


def _rows(windows: Windows) -> list[list[str]]:
    tree = windows.start.search.results
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")  # offscreen's notes on show()
def test_typed_words_find_notes_and_a_hit_opens_its_indicator(
    qtbot: QtBot, ctx: Context, bandung: str, sleman: str
) -> None:
    use_language("en")
    assessments.set_notes(ctx, bandung, "A1.2", "Menunggu dokumen Bappeda")
    asked = clarifications.ask(ctx, sleman, "A1.1", "Apakah Bappeda sudah menetapkan?")
    clarifications.answer(ctx, asked, "Belum")
    windows = Windows(ctx)
    qtbot.addWidget(windows.start)
    start = windows.start
    start.show()
    assert start.right.currentWidget() is start.details

    qtbot.keyClicks(start.search.field, "bappeda")
    assert start.right.currentWidget() is start.search  # at the first key
    qtbot.waitUntil(lambda: start.search.results.topLevelItemCount() == 2)
    assert sorted(_rows(windows)) == [
        ["Kabupaten Sleman · 2023", "A1.1", "Question", "Apakah [Bappeda] sudah menetapkan?"],
        ["Kota Bandung · 2024", "A1.2", "Notes", "Menunggu dokumen [Bappeda]"],
    ]
    assert start.search.summary.text() == "2 place(s), best matches first."

    tree = start.search.results
    bandung_row = next(
        tree.topLevelItem(r)
        for r in range(tree.topLevelItemCount())
        if tree.topLevelItem(r).text(0).startswith("Kota Bandung")
    )
    tree.setCurrentItem(bandung_row)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    meeting = windows.sessions[bandung]
    qtbot.addWidget(meeting)
    assert meeting.controller.current == "A1.2"

    start.search.field.clear()
    assert start.right.currentWidget() is start.details
    qtbot.keyClicks(start.search.field, "tidakada")
    start.search.search_now()
    assert start.search.results.topLevelItemCount() == 0
    assert start.search.summary.text() == "Nothing written matches “tidakada”."
