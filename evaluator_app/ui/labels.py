"""What people read for the core's codes and values: statuses, roles, stages, scores."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from evaluator_app.domain.scoring import for_display

NOTHING = "–"  # shown where nothing is scored or known yet


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: str) -> str:
    labels = {
        "draft": _t("Draft"),
        "in_progress": _t("In progress"),
        "awaiting_signoff": _t("Awaiting sign-off"),
        "signed": _t("Signed"),
        "amended": _t("Amended"),
    }
    return labels.get(status, status)


def role_label(role: str) -> str:
    labels = {
        "lead_evaluator": _t("Lead evaluator"),
        "evaluator": _t("Evaluator"),
        "signer": _t("Signer"),
        "agency_head": _t("Agency head"),
        "council": _t("Smart-city council"),
        "implementation_team": _t("Implementation team"),
        "observer": _t("Observer"),
    }
    return labels.get(role, role)


def stage_label(stage: int) -> str:
    return {1: "I", 2: "II"}.get(stage, str(stage))


def score_label(value: Decimal | None) -> str:
    """Half-up to two places, as the minutes show it; a dash when nothing is scored."""
    return NOTHING if value is None else str(for_display(value))


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


def time_label(value: dt.datetime) -> str:
    """A clock time in the interface language: '09.00' in Indonesian."""
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


def local_time(value: dt.datetime, timezone: str) -> dt.datetime:
    """A stored (UTC) time as the clock read in the meeting's time zone."""
    return value.astimezone(ZoneInfo(timezone))
