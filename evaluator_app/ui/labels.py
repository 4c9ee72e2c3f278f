"""What people read for the core's codes and values: statuses, roles, stages, scores."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime

from evaluator_app.domain.scoring import for_display

NOTHING = "–"  # shown where nothing is scored or known yet


# Marked for lupdate here, translated when shown (the language can be chosen at start).
_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "awaiting_signoff": QT_TRANSLATE_NOOP("Labels", "Awaiting sign-off"),
    "signed": QT_TRANSLATE_NOOP("Labels", "Signed"),
    "amended": QT_TRANSLATE_NOOP("Labels", "Amended"),
}
_ROLES = {
    "lead_evaluator": QT_TRANSLATE_NOOP("Labels", "Lead evaluator"),
    "evaluator": QT_TRANSLATE_NOOP("Labels", "Evaluator"),
    "signer": QT_TRANSLATE_NOOP("Labels", "Signer"),
    "agency_head": QT_TRANSLATE_NOOP("Labels", "Agency head"),
    "council": QT_TRANSLATE_NOOP("Labels", "Smart-city council"),
    "implementation_team": QT_TRANSLATE_NOOP("Labels", "Implementation team"),
    "observer": QT_TRANSLATE_NOOP("Labels", "Observer"),
}

_INDICATOR_STATES = {
    "not_started": QT_TRANSLATE_NOOP("Labels", "Not started"),
    "in_discussion": QT_TRANSLATE_NOOP("Labels", "In discussion"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "deferred": QT_TRANSLATE_NOOP("Labels", "Deferred"),
    "na": QT_TRANSLATE_NOOP("Labels", "Not applicable"),
}
_EVIDENCE_STATUSES = {
    "provided": QT_TRANSLATE_NOOP("Labels", "Provided"),
    "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "pending": QT_TRANSLATE_NOOP("Labels", "Pending"),
}
_CLARIFICATION_STATUSES = {
    "open": QT_TRANSLATE_NOOP("Labels", "Open"),
    "answered": QT_TRANSLATE_NOOP("Labels", "Answered"),
}


def _label(table: dict[str, object], code: str) -> str:
    # str(): the stubs type QT_TRANSLATE_NOOP's result as object.
    text = table.get(code)
    return QCoreApplication.translate("Labels", str(text)) if text else code


def status_label(status: str) -> str:
    """A session's status."""
    return _label(_STATUSES, status)


def indicator_status_label(state: str) -> str:
    """An indicator's state in the meeting ("na": not applicable)."""
    return _label(_INDICATOR_STATES, state)


def evidence_status_label(status: str) -> str:
    return _label(_EVIDENCE_STATUSES, status)


def clarification_status_label(status: str) -> str:
    return _label(_CLARIFICATION_STATUSES, status)


def role_label(role: str) -> str:
    return _label(_ROLES, role)


def stage_label(stage: int) -> str:
    return {1: "I", 2: "II"}.get(stage, str(stage))


def score_label(value: Decimal | None) -> str:
    """Half-up to two places with the language's decimal sign ("2,83" in Indonesian);
    a dash when nothing is scored."""
    if value is None:
        return NOTHING
    return str(for_display(value)).replace(".", QLocale().decimalPoint())


UP_COLOUR, DOWN_COLOUR, SAME_COLOUR = "#1b7f3b", "#b3261e", "#6b6b6b"


def change_label(delta: Decimal | None) -> tuple[str, str]:
    """('▲ 0,78', green) / ('▼ 0,12', red) / ('= 0,00', grey); ('', grey) for nothing."""
    if delta is None:
        return "", SAME_COLOUR
    if delta > 0:
        return f"▲ {score_label(delta)}", UP_COLOUR
    if delta < 0:
        return f"▼ {score_label(-delta)}", DOWN_COLOUR
    return f"= {score_label(delta)}", SAME_COLOUR


def progress_label(done: int, total: int) -> str:
    """'12/40 (30%)': settled indicators of all; 100% only when all are settled."""
    percent = 100 * done // total if total else 0
    return f"{done}/{total} ({percent}%)"


def date_label(value: dt.date, long: bool = False) -> str:
    """A date in the interface language: '29 Okt 2024', or 'Selasa, 29 Oktober 2024'."""
    date = QDate(value.year, value.month, value.day)
    locale = QLocale()
    if long:
        return locale.toString(date, QLocale.FormatType.LongFormat)
    return locale.toString(date, "d MMM yyyy")


def time_label(value: dt.datetime, seconds: bool = False) -> str:
    """A clock time in the interface language: '09.00' (or '09.00.12') in Indonesian."""
    short = QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)
    if not seconds:
        return short
    separator = next((c for c in short if not c.isdigit()), ":")
    return f"{short}{separator}{value.second:02d}"


def local_time(value: dt.datetime, timezone: str) -> dt.datetime:
    """A stored (UTC) time as the clock read in the meeting's time zone."""
    return value.astimezone(ZoneInfo(timezone))
