"""Merging bundles from the meeting window: preview, conflicts side by side, result."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaluator_app.services import assessments, clarifications, minutes, signoff
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundle_import import import_bundle, preview_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.sessions import session_overview
from evaluator_app.services.walkthrough import indicator_states
from evaluator_app.store.models import AuditEvent
from evaluator_app.ui.merge_dialog import MergeDialog
from evaluator_app.ui.session_window import SessionWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]


@pytest.fixture
def laptops(tmp_path: Path, ctx: Context, bandung: str) -> Iterator[tuple[Context, Context]]:
    """The lead's laptop (``ctx``, with Bandung) and an evaluator's with a copy."""
    other = open_context(str(tmp_path / "evaluator"), "budi")
    export_bundle(ctx, bandung, tmp_path / "start.evpkg")
    import_bundle(other, tmp_path / "start.evpkg")
    yield ctx, other
    other.store.close()


def bundle_of(ctx: Context, session_id: str, name: str) -> Path:
    path = ctx.store.data_dir.parent / name
    export_bundle(ctx, session_id, path)
    return path


def when_dialog_opens(qtbot: QtBot, act: Callable[[MergeDialog], None]) -> list[MergeDialog]:
    """Run ``act`` on the merge dialog once it is shown (it runs modally)."""
    seen: list[MergeDialog] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, MergeDialog) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_the_preview_lists_each_kind_and_merge_waits_for_every_choice(
    qtbot: QtBot, laptops: tuple[Context, Context], bandung: str
) -> None:
    lead, evaluator = laptops
    assessments.set_notes(lead, bandung, "A1.1", "Catatan ketua")
    assessments.set_notes(evaluator, bandung, "A1.1", "Catatan Budi")
    assessments.set_agreed_level(evaluator, bandung, "B1.1", 2)
    clarifications.ask(evaluator, bandung, "B1.1", "Ada dokumen rencana induk?")
    preview = preview_bundle(lead, bundle_of(evaluator, bandung, "budi.evpkg"))
    dialog = MergeDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()

    tops = [dialog.summary.topLevelItem(i) for i in range(dialog.summary.topLevelItemCount())]
    assert [t.text(0) for t in tops] == [
        "Added from the bundle (1)",
        "Taken from the bundle (2)",
        "Conflicts: you choose (1)",
    ]
    assert tops[0].child(0).text(0) == "Clarification B1.1 · “Ada dokumen rencana induk?”"
    taken = [tops[1].child(i) for i in range(2)]
    assert sorted((t.text(0), t.text(1), t.text(2)) for t in taken) == [
        ("Indicator B1.1 — Agreed level", "–", "2"),
        ("Indicator B1.1 — Status", "Not started", "Done"),
    ]
    assert dialog.next.isVisible() and not dialog.merge.isVisible()

    dialog.next.click()
    (card,) = dialog.cards
    assert card.title() == "Indicator A1.1 — Notes"
    assert not dialog.merge.isEnabled()
    assert dialog.problem.text() == "1 conflict(s) still need a choice."
    card.edit.click()
    card.text.setPlainText("Catatan ketua dan Budi")
    assert dialog.merge.isEnabled() and dialog.problem.text() == ""
    assert dialog.resolutions()[card.conflict.key].value == "Catatan ketua dan Budi"
    dialog.choose_all("theirs")
    assert dialog.resolutions() == {card.conflict.key: "theirs"}


def test_importing_from_the_meeting_window_merges_and_shows_the_result(
    qtbot: QtBot, laptops: tuple[Context, Context], bandung: str
) -> None:
    lead, evaluator = laptops
    assessments.set_notes(lead, bandung, "A1.2", "Versi ketua")
    assessments.set_notes(evaluator, bandung, "A1.2", "Versi Budi")
    assessments.set_notes(evaluator, bandung, "B1.1", "Lingkungan oleh Budi")
    path = bundle_of(evaluator, bandung, "budi.evpkg")
    window = SessionWindow(lead, bandung, "en")
    qtbot.addWidget(window)

    def settle(dialog: MergeDialog) -> None:
        dialog.next.click()
        dialog.cards[0].theirs.click()
        dialog.merge.click()

    seen = when_dialog_opens(qtbot, settle)
    summary = window.import_bundle(path)
    assert seen and summary is not None and summary.outcome == "merged"
    assert window.statusBar().currentMessage().startswith("Merged budi's bundle: 0 records added")
    states = indicator_states(lead, bandung)
    assert states["A1.2"].notes == "Versi Budi" and states["B1.1"].notes == "Lingkungan oleh Budi"
    window.controller.set_current("B1.1")
    assert window.indicator_page.notes.toPlainText() == "Lingkungan oleh Budi"
    with reading(lead) as db:
        closing = db.query(AuditEvent).filter_by(session_id=bandung, change="import").all()[-1]
    assert closing.action == "merge_bundle" and '"chosen":"theirs"' in (closing.new_value or "")
    # Cancelling the dialog writes nothing.
    assessments.set_notes(evaluator, bandung, "A1.1", "Lagi")
    assessments.set_notes(lead, bandung, "A1.1", "Juga lagi")
    again = bundle_of(evaluator, bandung, "budi-2.evpkg")
    when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    assert window.import_bundle(again) is None
    assert indicator_states(lead, bandung)["A1.1"].notes == "Juga lagi"


def test_a_refused_bundle_is_said_in_the_window_and_changes_nothing(
    qtbot: QtBot, laptops: tuple[Context, Context], bandung: str, tmp_path: Path
) -> None:
    lead, _ = laptops
    broken = tmp_path / "broken.evpkg"
    broken.write_bytes(b"PK\x03\x04 not really")
    window = SessionWindow(lead, bandung, "en")
    qtbot.addWidget(window)
    assert window.import_bundle(broken) is None
    assert window.refusal_box.text().startswith("Not imported: broken.evpkg")


def test_three_evaluators_bundles_merge_on_the_leads_laptop_and_the_result_signs(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 5's "done when": the demo session, three evaluators on three dimensions,
    one shared conflict, merged through the window; then signed and exported."""
    lead = open_context(str(tmp_path / "lead"), "ketua")
    sid = create_demo(lead)
    start = bundle_of(lead, sid, "start.evpkg")
    work = {"evaluator-1": "ECO", "evaluator-2": "LIV", "evaluator-3": "ENV"}
    bundles = []
    for n, (name, dimension) in enumerate(work.items()):
        laptop = open_context(str(tmp_path / name), name)
        import_bundle(laptop, start)
        codes = [c for c in indicator_states(laptop, sid) if c.startswith(dimension)]
        for code in codes[:3]:
            assessments.set_notes(laptop, sid, code, f"Dinilai oleh {name}")
        clarifications.ask(laptop, sid, codes[0], f"Pertanyaan dari {name}")
        if n < 2:  # two of them wrote on the same indicator
            assessments.set_notes(laptop, sid, "GOV.1.1", f"Catatan bersama, versi {name}")
        bundles.append(bundle_of(laptop, sid, f"{name}.evpkg"))
        laptop.store.close()

    window = SessionWindow(lead, sid, "en")
    qtbot.addWidget(window)
    clicks = 0

    def through(dialog: MergeDialog) -> None:
        nonlocal clicks
        if dialog.cards:
            dialog.next.click()
            dialog.cards[0].ours.click()
            clicks += 2
        dialog.merge.click()
        clicks += 1

    began = time.monotonic()
    for path in bundles:
        when_dialog_opens(qtbot, through)
        summary = window.import_bundle(path)
        assert summary is not None and summary.outcome == "merged"
    elapsed = time.monotonic() - began
    assert clicks == 5  # one Merge per bundle, two to settle the one conflict
    print(f"three bundles merged in {elapsed:.1f} s of work, {clicks} clicks in dialogs")

    states = indicator_states(lead, sid)
    for name, dimension in work.items():
        mine = [c for c in states if c.startswith(dimension)][:3]
        assert all(states[c].notes == f"Dinilai oleh {name}" for c in mine)
    assert states["GOV.1.1"].notes == "Catatan bersama, versi evaluator-1"
    assert verify_chain(lead, sid).intact
    # The merged session signs and exports like any other.
    signer = next(p.id for p in session_overview(lead, sid).participants if p.role == "signer")
    signoff.sign_off(lead, sid, [signer])
    pages = minutes.export_draft(lead, sid, tmp_path / "minutes.pdf")
    assert pages >= 8 and (tmp_path / "minutes.pdf").stat().st_size > 10_000
    assert verify_chain(lead, sid).intact
    window.close()
    lead.store.close()
