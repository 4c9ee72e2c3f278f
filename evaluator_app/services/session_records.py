"""A session's records and audit trail as plain rows, as bundles carry them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select

from evaluator_app.exchange.schema import TABLES
from evaluator_app.exchange.scope import Tables
from evaluator_app.services.operation import to_json
from evaluator_app.store.models import RECORD_TYPES, AuditEvent

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# session.json key -> model, parents before children (the order of inserts)
MODELS = {name: RECORD_TYPES[table] for name, table in TABLES.items()}


def table(name: str) -> Table:
    model = AuditEvent if name == "audit" else MODELS[name]
    return model.metadata.tables[model.__tablename__]


def collect(db: Session, session_id: str) -> Tables:
    """Every record of a session, all columns, by session.json key (Python values)."""

    def rows(name: str, where: Any) -> list[dict[str, Any]]:
        query = select(table(name)).where(where).order_by(table(name).c.id)
        return [dict(row) for row in db.execute(query).mappings()]

    session = table("session")
    tables: Tables = {"session": rows("session", session.c.id == session_id)[0]}
    framework_id = tables["session"]["framework_id"]
    tables["framework"] = rows("framework", table("framework").c.id == framework_id)[0]
    for name in ("participants", "assessments", "findings", "signoffs", "assignments"):
        tables[name] = rows(name, table(name).c.session_id == session_id)
    assessments = table("assessments")
    ids = select(assessments.c.id).where(assessments.c.session_id == session_id)
    for name in ("ratings", "clarifications", "evidence"):
        tables[name] = rows(name, table(name).c.assessment_id.in_(ids))
    return tables


def trail(db: Session, session_id: str) -> list[dict[str, Any]]:
    audit = table("audit")
    query = select(audit).where(audit.c.session_id == session_id).order_by(audit.c.seq)
    return [dict(row) for row in db.execute(query).mappings()]


def jsonable(record: Mapping[str, Any]) -> dict[str, Any]:
    return {key: to_json(value) for key, value in record.items()}
