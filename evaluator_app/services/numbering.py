"""The minutes' document number, from the configured pattern."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from evaluator_app.store.models import EvaluationSession

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_GENERIC = {"KOTA", "KABUPATEN", "KAB", "FIKTIF", "ADM", "ADMINISTRASI"}


def region_code(region: str) -> str:
    """'Kota Tirtamaya (fiktif)' -> 'TIRTAMAYA'; 'Kabupaten Sleman' -> 'SLEMAN'."""
    words = [w for w in re.findall(r"[A-Za-z0-9]+", region.upper()) if w not in _GENERIC]
    return "-".join(words) or "WILAYAH"


def document_number(db: Session, session: EvaluationSession, pattern: str) -> str:
    """The next number for this session's year (sessions already numbered + 1)."""
    numbered = db.scalar(
        select(func.count()).where(
            EvaluationSession.year == session.year,
            EvaluationSession.document_number != "",
            EvaluationSession.id != session.id,
        )
    )
    start = session.starts_at.astimezone(ZoneInfo(session.timezone)) if session.starts_at else None
    month = start.month if start else 1
    return pattern.format(
        seq=int(numbered or 0) + 1,
        region=region_code(session.region),
        month=_ROMAN[month - 1],
        year=session.year,
    )
