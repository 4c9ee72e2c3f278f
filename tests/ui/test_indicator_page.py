"""The indicator page: settling levels, N/A, status, notes, clarifications, read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaluator_app.services import assessments, clarifications, findings
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context
from evaluator_app.services.sessions import session_overview
from evaluator_app.services.signoff import sign_off
from evaluator_app.services.walkthrough import indicator_detail, indicator_states
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.indicator_page import IndicatorPage
from evaluator_app.ui.level_picker import LevelCard
from evaluator_app.ui.ratings_panel import ratings_label, short_name

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(ctx: Context, bandung: str) -> SessionController:
    controller = SessionController(ctx, bandung, "en")
    controller.set_current("B1.1")
    return controller


@pytest.fixture
def page(qtbot: QtBot, controller: SessionController) -> IndicatorPage:
    page = IndicatorPage(controller)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    return page


def person(controller: SessionController, name: str) -> str:
    return next(p.id for p in controller.overview.participants if p.name == name)


def click(qtbot: QtBot, card: LevelCard) -> None:
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=card.rect().center())


def test_page_shows_the_current_indicator_and_follows_it(
    page: IndicatorPage, controller: SessionController
) -> None:
    assert page.heading.text() == "B1.1  Tiga"
    assert [(c.value, c.heading.text(), c.criterion.text()) for c in page.levels.cards] == [
        (1, "1  Rendah", "rendah"),
        (2, "2  Tinggi", "tinggi"),
    ]
    assert not any(card.agreed for card in page.levels.cards)

    controller.set_current("A1.1")  # settled at 2 by the fixture

    assert page.heading.text() == "A1.1  Satu"
    assert page.levels.card(2).agreed and page.levels.card(2).agreed_tag.isVisibleTo(page)
    assert not page.levels.card(1).agreed
    assert page.status.currentData() == "done"


def test_no_indicator_chosen_shows_a_hint(qtbot: QtBot, ctx: Context, bandung: str) -> None:
    controller = SessionController(ctx, bandung, "en")
    page = IndicatorPage(controller)
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.placeholder
    assert not page.set_agreed_level(1)

    controller.set_current("B1.1")
    assert page.stack.currentIndex() == 1


def test_clicking_a_level_settles_the_indicator_and_moves_the_highlight(
    qtbot: QtBot, page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    click(qtbot, page.levels.card(1))

    assert indicator_states(ctx, bandung)["B1.1"].agreed_level == 1
    assert session_overview(ctx, bandung).done == 3
    assert page.levels.card(1).agreed and not page.levels.card(2).agreed
    assert page.status.currentData() == "done"

    click(qtbot, page.levels.card(2))
    assert indicator_states(ctx, bandung)["B1.1"].agreed_level == 2
    assert page.levels.card(2).agreed and not page.levels.card(1).agreed

    click(qtbot, page.levels.card(2))  # the agreed level again: kept, never unsettled by accident
    assert indicator_states(ctx, bandung)["B1.1"].agreed_level == 2

    qtbot.mouseClick(page.levels.clear_button, Qt.MouseButton.LeftButton)
    assert indicator_states(ctx, bandung)["B1.1"].agreed_level is None
    assert not any(card.agreed for card in page.levels.cards)
    assert not page.levels.clear_button.isEnabled()


def test_number_keys_set_levels_on_the_scale_only(
    page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    assert page.set_agreed_level(2)
    assert indicator_states(ctx, bandung)["B1.1"].agreed_level == 2
    assert not page.set_agreed_level(7)  # the tiny scale is 1–2
    assert indicator_states(ctx, bandung)["B1.1"].agreed_level == 2


def test_self_assessment_is_tagged_on_its_level(
    page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    combo = page.levels.self_combo
    assert combo.currentText() == "–"
    combo.setCurrentIndex(combo.findData(2))
    combo.activated.emit(combo.currentIndex())

    assert indicator_states(ctx, bandung)["B1.1"].self_level == 2
    assert page.levels.card(2).self_assessed and page.levels.card(2).self_tag.isVisibleTo(page)
    assert not page.levels.card(1).self_assessed
    assert indicator_states(ctx, bandung)["B1.1"].agreed_level is None  # a claim, not a level


def test_not_applicable_is_stored_with_its_reason(
    qtbot: QtBot, page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    page.not_applicable.click()
    # Ticked without a reason: nothing stored yet, the reason field waits.
    assert page.not_applicable.isChecked() and page.na_reason.isEnabled()
    assert not indicator_states(ctx, bandung)["B1.1"].not_applicable

    qtbot.keyClicks(page.na_reason, "Bukan kewenangan kota")
    qtbot.waitUntil(lambda: indicator_states(ctx, bandung)["B1.1"].not_applicable)
    assert indicator_detail(ctx, bandung, "B1.1").na_reason == "Bukan kewenangan kota"
    assert page.not_applicable.isChecked()

    page.not_applicable.click()
    assert not indicator_states(ctx, bandung)["B1.1"].not_applicable
    assert page.na_reason.text() == "" and not page.na_reason.isEnabled()


def test_not_applicable_without_a_reason_is_refused_with_the_message(
    qtbot: QtBot,
    page: IndicatorPage,
    controller: SessionController,
    ctx: Context,
    bandung: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    with qtbot.waitSignal(controller.failed) as refused:
        assert not page.mark_not_applicable("  ")
    assert refused.args == ["say why indicator B1.1 does not apply"]
    assert not indicator_states(ctx, bandung)["B1.1"].not_applicable

    # Emptying the reason of an N/A indicator is refused too, and the reason is kept.
    assert page.mark_not_applicable("Tidak relevan")
    page.na_reason.clear()
    with qtbot.waitSignal(controller.failed) as refused:
        page.flush()
    assert refused.args == ["say why indicator B1.1 does not apply"]
    assert indicator_detail(ctx, bandung, "B1.1").na_reason == "Tidak relevan"


def test_status_is_chosen_from_the_combo(page: IndicatorPage, ctx: Context, bandung: str) -> None:
    assert [page.status.itemText(n) for n in range(page.status.count())] == [
        "Not started",
        "In discussion",
        "Done",
        "Deferred",
    ]
    page.status.setCurrentIndex(page.status.findData("deferred"))
    page.status.activated.emit(page.status.currentIndex())
    assert indicator_states(ctx, bandung)["B1.1"].status == "deferred"


def test_notes_store_themselves_after_a_pause(
    qtbot: QtBot, page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    qtbot.keyClicks(page.notes, "Perlu data capaian")
    assert indicator_states(ctx, bandung)["B1.1"].notes == ""  # not on every keystroke
    qtbot.waitUntil(lambda: indicator_states(ctx, bandung)["B1.1"].notes == "Perlu data capaian")


def test_notes_are_stored_on_flush(page: IndicatorPage, ctx: Context, bandung: str) -> None:
    page.notes.setPlainText("Ditutup sebelum jeda")
    page.flush()
    assert indicator_states(ctx, bandung)["B1.1"].notes == "Ditutup sebelum jeda"


def test_a_reload_never_overwrites_notes_being_typed(
    qtbot: QtBot, page: IndicatorPage, ctx: Context, bandung: str
) -> None:
    qtbot.keyClicks(page.notes, "Sedang diketik")
    page.set_agreed_level(1)  # a change elsewhere reloads the page
    assert page.notes.toPlainText() == "Sedang diketik"
    page.flush()
    assert indicator_states(ctx, bandung)["B1.1"].notes == "Sedang diketik"


def test_notes_typed_are_stored_for_their_indicator_when_moving_on(
    qtbot: QtBot, page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    assessments.set_notes(ctx, bandung, "A1.1", "Catatan A1.1")
    qtbot.keyClicks(page.notes, "Catatan B1.1")
    controller.set_current("A1.1")

    states = indicator_states(ctx, bandung)
    assert states["B1.1"].notes == "Catatan B1.1"
    assert states["A1.1"].notes == "Catatan A1.1"
    assert page.notes.toPlainText() == "Catatan A1.1"


def test_notes_changed_elsewhere_are_shown(
    page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    assessments.set_notes(ctx, bandung, "B1.1", "Dari laptop lain")
    controller.reload()
    assert page.notes.toPlainText() == "Dari laptop lain"


def test_evaluators_ratings_are_side_by_side_and_recorded_from_the_page(
    page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    siti, budi = person(controller, "Siti Rahmawati"), person(controller, "Budi Santoso")
    panel = page.ratings
    assert panel.isVisibleTo(page) and list(panel.boxes) == [siti, budi]  # evaluators only
    assert [b.currentText() for b in panel.boxes.values()] == ["–", "–"]
    assessments.set_rating(ctx, bandung, "B1.1", siti, 2)  # e.g. arriving by bundle
    controller.reload()
    assert panel.boxes[siti].currentText() == "2" and panel.spread.text() == ""
    box = panel.boxes[budi]
    box.setCurrentIndex(box.findData(1))
    box.activated.emit(box.currentIndex())  # as a person's choice does
    ratings = {r.participant_id: r.level for r in indicator_detail(ctx, bandung, "B1.1").ratings}
    assert ratings == {siti: 2, budi: 1}
    assert panel.spread.text() == "spread 1" and "bold" not in panel.spread.styleSheet()
    box.setCurrentIndex(0)
    box.activated.emit(0)  # "–" withdraws it
    assert {r.participant_id for r in indicator_detail(ctx, bandung, "B1.1").ratings} == {siti}


def test_short_names_leave_out_titles_and_keep_names_apart() -> None:
    assert short_name("Ir. Hendra Saputra, M.T.") == "Hendra"
    assert short_name("Dr. Rina Kusumawardani") == "Rina"
    from evaluator_app.services.walkthrough import RatingRow

    rows = [RatingRow("1", "Dr. Rina Sari", 3), RatingRow("2", "Rina Wati, S.T.", 4)]
    assert ratings_label(rows) == "Rina Sari 3 · Rina Wati 4"


def test_a_question_is_asked_and_answered_with_who_and_when(
    qtbot: QtBot, page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    view = page.clarifications
    asked_by = view.asked_by
    assert asked_by.itemText(0) == "Siti Rahmawati"  # the lead evaluator first
    asked_by.setCurrentIndex(asked_by.findData(person(controller, "Budi Santoso")))
    qtbot.keyClicks(view.question, "Apakah sudah ada Perwali?")
    qtbot.keyClick(view.question, Qt.Key.Key_Return)

    [row] = indicator_detail(ctx, bandung, "B1.1").clarifications
    assert (row.question, row.status, row.asked_by) == (
        "Apakah sudah ada Perwali?",
        "open",
        "Budi Santoso",
    )
    assert view.question.text() == ""
    card = view.cards[row.id]
    assert card.state.text() == "Open"
    assert card.asked.text().startswith("Asked by Budi Santoso · ")
    assert "1 open" in page.tabs.tabText(page.tabs.indexOf(view))

    qtbot.mouseClick(card.answer_button, Qt.MouseButton.LeftButton)
    editor = card.editor
    answerers = [editor.answered_by.itemText(n) for n in range(editor.answered_by.count())]
    assert answerers == ["Ema Sumarna", "(not recorded)"]  # the city answers
    editor.answered_by.setCurrentIndex(0)
    qtbot.keyClicks(editor.text, "Sudah, Perwali No. 5 Tahun 2023")
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)

    [row] = indicator_detail(ctx, bandung, "B1.1").clarifications
    assert (row.status, row.answer, row.answered_by) == (
        "answered",
        "Sudah, Perwali No. 5 Tahun 2023",
        "Ema Sumarna",
    )
    card = view.cards[row.id]
    assert card.state.text() == "Answered"
    assert card.answer.text() == "Sudah, Perwali No. 5 Tahun 2023"
    assert card.answered.text().startswith("Answered by Ema Sumarna · ")
    assert "open" not in page.tabs.tabText(page.tabs.indexOf(view))


def test_an_answered_question_can_be_reopened(
    qtbot: QtBot, page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    asked = clarifications.ask(ctx, bandung, "B1.1", "Ada datanya?")
    clarifications.answer(ctx, asked, "Ada", person(controller, "Ema Sumarna"))
    controller.reload()
    qtbot.mouseClick(page.clarifications.cards[asked].reopen_button, Qt.MouseButton.LeftButton)

    [row] = indicator_detail(ctx, bandung, "B1.1").clarifications
    assert row.status == "open" and row.answer == "Ada"
    card = page.clarifications.cards[asked]
    assert card.state.text() == "Open"
    assert card.answered.text().startswith("Earlier answer by Ema Sumarna")


def test_an_empty_question_is_refused_with_the_message(
    qtbot: QtBot,
    page: IndicatorPage,
    controller: SessionController,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    with qtbot.waitSignal(controller.failed) as refused:
        qtbot.mouseClick(page.clarifications.add_button, Qt.MouseButton.LeftButton)
    assert refused.args == ["the question is empty"]


def test_an_answer_being_typed_survives_other_changes(
    qtbot: QtBot, page: IndicatorPage, ctx: Context, bandung: str, controller: SessionController
) -> None:
    first = clarifications.ask(ctx, bandung, "B1.1", "Pertama?")
    controller.reload()
    view = page.clarifications
    view.start_answer(first)
    qtbot.keyClicks(view.cards[first].editor.text, "Jawaban setengah")

    page.set_agreed_level(2)  # reloads, clarifications unchanged: the card is left alone
    assert view.cards[first].editor.text.text() == "Jawaban setengah"
    view.ask("Kedua?", None)  # clarifications changed: cards rebuilt, the draft carried over
    assert view.cards[first].editor.isVisibleTo(view.cards[first])
    assert view.cards[first].editor.text.text() == "Jawaban setengah"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_ctrl_enter_puts_the_cursor_in_the_new_question(qtbot: QtBot, page: IndicatorPage) -> None:
    page.tabs.setCurrentWidget(page.evidence)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.start_new_question()
    assert page.tabs.currentWidget() is page.clarifications
    qtbot.waitUntil(page.clarifications.question.hasFocus)


def test_a_signed_session_is_shown_read_only(
    qtbot: QtBot, page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    asked = clarifications.ask(ctx, bandung, "B1.1", "Sudah?")
    assessments.set_notes(ctx, bandung, "B1.1", "Catatan akhir")
    sign_off(ctx, bandung, [person(controller, "Ema Sumarna")])
    controller.reload()
    assert controller.read_only

    assert page.notes.isReadOnly() and page.notes.toPlainText() == "Catatan akhir"
    assert not page.status.isEnabled()
    assert not page.not_applicable.isEnabled()
    assert not page.levels.self_combo.isEnabled()
    assert not any(card.interactive for card in page.levels.cards)
    click(qtbot, page.levels.card(1))
    assert indicator_states(ctx, bandung)["B1.1"].agreed_level is None
    assert not page.set_agreed_level(1)
    view = page.clarifications
    assert not view.question.isEnabled() and not view.add_button.isEnabled()
    assert not view.cards[asked].answer_button.isEnabled()
    assert view.cards[asked].question.text() == "Sudah?"  # still legible
    assert not page.acceptDrops() and not page.evidence.acceptDrops()
    assert not page.findings.add_button.isEnabled()


def test_the_rationale_for_the_agreed_level_is_stored_as_typed_and_shown_again(
    qtbot: QtBot, page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    qtbot.keyClicks(page.rationale, "Budi 1, Siti 2: disepakati 2 karena SK sudah ada")
    page.flush()
    detail = indicator_detail(ctx, bandung, "B1.1")
    assert detail.rationale == "Budi 1, Siti 2: disepakati 2 karena SK sudah ada"
    controller.set_current("A1.1")
    assert page.rationale.text() == ""
    controller.set_current("B1.1")
    assert page.rationale.text() == detail.rationale


def test_findings_of_the_indicator_are_shown_when_their_tab_is_opened_after_switching(
    qtbot: QtBot, page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    findings.add_finding(ctx, bandung, FindingDetails(text="Untuk A1.2", indicator_code="A1.2"))
    findings.add_finding(ctx, bandung, FindingDetails(text="Untuk B1.1", indicator_code="B1.1"))
    page.tabs.setCurrentWidget(page.findings)
    controller.reload()
    assert [c.text.text() for c in page.findings.cards.values()] == ["Untuk B1.1"]

    page.tabs.setCurrentWidget(page.clarifications)  # the findings tab hidden
    controller.set_current("A1.2")
    assert page.tabs.tabText(page.tabs.indexOf(page.findings)) == "Findings (1)"
    page.tabs.setCurrentWidget(page.findings)
    shown = [c for c in page.findings.cards.values() if c.isVisibleTo(page)]
    assert [c.text.text() for c in shown] == ["Untuk A1.2"]

    page.tabs.setCurrentWidget(page.clarifications)
    controller.set_current("A1.1")
    page.tabs.setCurrentWidget(page.findings)
    assert page.findings.cards == {} and page.findings.empty.isVisibleTo(page)


def test_a_question_and_its_answer_can_be_selected_with_the_mouse(
    page: IndicatorPage, controller: SessionController, ctx: Context, bandung: str
) -> None:
    asked = clarifications.ask(ctx, bandung, "B1.1", "Ada datanya?")
    clarifications.answer(ctx, asked, "Ada, di portal data")
    controller.reload()
    card = page.clarifications.cards[asked]
    for label, text in ((card.question, "Ada datanya?"), (card.answer, "Ada, di portal data")):
        centre = QPointF(label.rect().center())
        QApplication.sendEvent(label, QEnterEvent(centre, centre, label.mapToGlobal(centre)))
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        label.setSelection(0, 3)
        assert label.selectedText() == text[:3]
