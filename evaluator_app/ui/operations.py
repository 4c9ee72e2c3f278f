"""Names people read for the services' operations (Undo: "Set the agreed level")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_LABELS = {
    "edit_session": QT_TRANSLATE_NOOP("Operations", "Edit the session details"),
    "set_session_status": QT_TRANSLATE_NOOP("Operations", "Change the session status"),
    "add_participant": QT_TRANSLATE_NOOP("Operations", "Add a participant"),
    "edit_participant": QT_TRANSLATE_NOOP("Operations", "Edit a participant"),
    "remove_participant": QT_TRANSLATE_NOOP("Operations", "Remove a participant"),
    "copy_attendance": QT_TRANSLATE_NOOP("Operations", "Copy the attendance"),
    "assign_dimension": QT_TRANSLATE_NOOP("Operations", "Assign a dimension"),
    "assess": QT_TRANSLATE_NOOP("Operations", "Record an assessment"),
    "set_agreed_level": QT_TRANSLATE_NOOP("Operations", "Set the agreed level"),
    "set_self_level": QT_TRANSLATE_NOOP("Operations", "Set the self-assessed level"),
    "set_not_applicable": QT_TRANSLATE_NOOP("Operations", "Mark not applicable"),
    "clear_not_applicable": QT_TRANSLATE_NOOP("Operations", "Mark applicable again"),
    "set_status": QT_TRANSLATE_NOOP("Operations", "Change the indicator status"),
    "set_notes": QT_TRANSLATE_NOOP("Operations", "Edit the notes"),
    "set_rationale": QT_TRANSLATE_NOOP("Operations", "Explain the agreed level"),
    "set_rating": QT_TRANSLATE_NOOP("Operations", "Record an evaluator's rating"),
    "ask_clarification": QT_TRANSLATE_NOOP("Operations", "Ask a question"),
    "answer_clarification": QT_TRANSLATE_NOOP("Operations", "Answer a question"),
    "reopen_clarification": QT_TRANSLATE_NOOP("Operations", "Reopen a question"),
    "edit_clarification": QT_TRANSLATE_NOOP("Operations", "Edit a question"),
    "remove_clarification": QT_TRANSLATE_NOOP("Operations", "Remove a question"),
    "attach_evidence_file": QT_TRANSLATE_NOOP("Operations", "Attach a file"),
    "add_evidence_link": QT_TRANSLATE_NOOP("Operations", "Add a link"),
    "add_evidence_seen": QT_TRANSLATE_NOOP("Operations", "Record a document seen"),
    "promise_evidence": QT_TRANSLATE_NOOP("Operations", "Record promised evidence"),
    "mark_evidence_pending": QT_TRANSLATE_NOOP("Operations", "Mark evidence pending"),
    "accept_evidence": QT_TRANSLATE_NOOP("Operations", "Accept evidence"),
    "reject_evidence": QT_TRANSLATE_NOOP("Operations", "Reject evidence"),
    "remove_evidence": QT_TRANSLATE_NOOP("Operations", "Remove evidence"),
    "add_finding": QT_TRANSLATE_NOOP("Operations", "Add a finding"),
    "import_bundle": QT_TRANSLATE_NOOP("Operations", "Import a bundle"),
    "merge_bundle": QT_TRANSLATE_NOOP("Operations", "Merge a bundle"),
    "demo": QT_TRANSLATE_NOOP("Operations", "Create demo data"),
    "edit_finding": QT_TRANSLATE_NOOP("Operations", "Edit a finding"),
    "remove_finding": QT_TRANSLATE_NOOP("Operations", "Remove a finding"),
}


def operation_label(action: str) -> str:
    text = _LABELS.get(action)
    return QCoreApplication.translate("Operations", str(text)) if text else action
