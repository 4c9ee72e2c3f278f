"""Findings: written in the editor, addressed to agencies, listed per indicator and session."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from evaluator_app.services import findings, participants
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.signoff import sign_off
from evaluator_app.services.walkthrough import session_findings
from evaluator_app.ui.controller import SessionController
from evaluator_app.ui.findings_view import FindingEditor, FindingsList

pytestmark = pytest.mark.gui


@pytest.fixture
def controller(ctx: Context, bandung: str) -> SessionController:
    for name, organisation in (
        ("Ahmad Fauzi", "Bappeda Kota Bandung"),
        ("Rina Marlina", "Diskominfo Kota Bandung"),
    ):
        participants.add_participant(
            ctx,
            bandung,
            ParticipantDetails(name=name, role="agency_head", organisation=organisation),
        )
    controller = SessionController(ctx, bandung, "en")
    controller.set_current("A1.2")
    return controller


@pytest.fixture
def on_page(qtbot: QtBot, controller: SessionController) -> FindingsList:
    view = FindingsList(controller, indicator_only=True)
    qtbot.addWidget(view)
    return view


@pytest.fixture
def whole_session(qtbot: QtBot, controller: SessionController) -> FindingsList:
    view = FindingsList(controller, indicator_only=False)
    qtbot.addWidget(view)
    return view


def offered(editor: FindingEditor) -> dict[str, bool]:
    items = [editor.agencies.item(n) for n in range(editor.agencies.count())]
    return {i.text(): i.checkState() == Qt.CheckState.Checked for i in items}


def check(editor: FindingEditor, agency: str) -> None:
    for n in range(editor.agencies.count()):
        if editor.agencies.item(n).text() == agency:
            editor.agencies.item(n).setCheckState(Qt.CheckState.Checked)


def test_a_finding_is_addressed_to_an_offered_and_a_typed_agency(
    qtbot: QtBot, on_page: FindingsList, ctx: Context, bandung: str
) -> None:
    editor = on_page.new_finding()
    # The city's organisations are offered, the evaluators' own (ITB) are not.
    assert offered(editor) == {"Bappeda Kota Bandung": False, "Diskominfo Kota Bandung": False}
    assert editor.indicator.currentData() == "A1.2"  # the indicator under discussion

    editor.text.setPlainText("Belum ada SOP pemutakhiran data")
    editor.recommendation.setPlainText("Tetapkan SOP dan laporkan setiap triwulan")
    check(editor, "Bappeda Kota Bandung")
    qtbot.keyClicks(editor.new_agency, "Dinas Perhubungan")
    qtbot.keyClick(editor.new_agency, Qt.Key.Key_Return)
    editor.priority.setCurrentIndex(editor.priority.findData("high"))
    editor.has_due.setChecked(True)
    editor.due.setDate(QDate(2025, 3, 31))
    editor.accept()

    assert editor.result() == QDialog.DialogCode.Accepted
    [row] = session_findings(ctx, bandung)
    assert row.agencies == ("Bappeda Kota Bandung", "Dinas Perhubungan")
    assert (row.text, row.recommendation, row.priority, row.due_date, row.indicator_code) == (
        "Belum ada SOP pemutakhiran data",
        "Tetapkan SOP dan laporkan setiap triwulan",
        "high",
        dt.date(2025, 3, 31),
        "A1.2",
    )
    card = on_page.cards[row.id]
    assert card.facts.text() == (
        "To: Bappeda Kota Bandung, Dinas Perhubungan · High priority · due 31 Mar 2025"
    )
    # The typed agency is offered next time.
    assert "Dinas Perhubungan" in offered(on_page.new_finding())


def test_an_agency_typed_but_not_entered_is_still_addressed(
    on_page: FindingsList, ctx: Context, bandung: str
) -> None:
    editor = on_page.new_finding()
    editor.text.setPlainText("Data belum terbuka")
    editor.new_agency.setText("Diskominfo Kota Bandung")  # already offered: checked, not doubled
    editor.accept()
    [row] = session_findings(ctx, bandung)
    assert row.agencies == ("Diskominfo Kota Bandung",)
    assert row.due_date is None and row.priority == "medium"


def test_a_finding_without_text_is_refused_and_the_editor_stays_open(
    qtbot: QtBot,
    on_page: FindingsList,
    controller: SessionController,
    ctx: Context,
    bandung: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")  # an English window: the core speaks English too
    editor = on_page.new_finding()
    with qtbot.waitSignal(controller.failed) as refused:
        editor.accept()
    assert refused.args == ["the finding has no text"]
    assert editor.result() != QDialog.DialogCode.Accepted
    assert session_findings(ctx, bandung) == []


def test_a_finding_is_edited_and_removed(on_page: FindingsList, ctx: Context, bandung: str) -> None:
    finding = findings.add_finding(
        ctx,
        bandung,
        FindingDetails(
            text="Draf", indicator_code="A1.2", agencies=("Bappeda Kota Bandung",), priority="low"
        ),
    )
    on_page.controller.reload()
    editor = on_page.edit_finding(finding)
    assert editor.text.toPlainText() == "Draf"
    assert offered(editor)["Bappeda Kota Bandung"] is True
    assert editor.priority.currentData() == "low"

    editor.text.setPlainText("Masterplan belum ditetapkan")
    check(editor, "Diskominfo Kota Bandung")
    editor.priority.setCurrentIndex(editor.priority.findData("medium"))
    editor.accept()

    [row] = session_findings(ctx, bandung)
    assert (row.text, row.priority) == ("Masterplan belum ditetapkan", "medium")
    assert row.agencies == ("Bappeda Kota Bandung", "Diskominfo Kota Bandung")
    assert on_page.cards[finding].text.text() == "Masterplan belum ditetapkan"

    on_page.cards[finding].remove_button.click()
    assert session_findings(ctx, bandung) == []
    assert on_page.cards == {} and on_page.empty.isVisibleTo(on_page)


def test_the_indicator_list_shows_its_own_findings_and_the_session_list_all(
    on_page: FindingsList,
    whole_session: FindingsList,
    controller: SessionController,
    ctx: Context,
    bandung: str,
) -> None:
    here = on_page.new_finding()
    here.text.setPlainText("Untuk A1.2")
    here.accept()
    general = whole_session.new_finding()
    assert general.indicator.currentData() == ""  # the session as a whole
    general.text.setPlainText("Untuk seluruh sesi")
    general.accept()

    assert [c.text.text() for c in on_page.cards.values()] == ["Untuk A1.2"]
    facts = [c.facts.text() for c in whole_session.cards.values()]
    assert [f.split(" · ")[0] for f in facts] == ["A1.2", "Whole session"]

    controller.set_current("A1.1")
    assert on_page.cards == {}


def test_no_finding_is_added_edited_or_removed_in_a_signed_session(
    on_page: FindingsList,
    whole_session: FindingsList,
    controller: SessionController,
    ctx: Context,
    bandung: str,
) -> None:
    finding = findings.add_finding(
        ctx, bandung, FindingDetails(text="Final", indicator_code="A1.2")
    )
    signer = next(p.id for p in controller.overview.participants if p.role == "signer")
    sign_off(ctx, bandung, [signer])
    controller.reload()

    for view in (on_page, whole_session):
        assert not view.add_button.isEnabled()
        card = view.cards[finding]
        assert not card.edit_button.isEnabled() and not card.remove_button.isEnabled()
        assert card.text.text() == "Final"
