"""The ORM session class of every store (loaded with the ORM, on first use)."""

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


class StoreSession(Session):
    """The session class of every store: the services hang their flush listeners
    on it once (listening per sessionmaker is keyed by ``id()`` in SQLAlchemy's
    registry, and a new sessionmaker at a dead one's address was taken as
    already listened to, so some stores wrote no audit events)."""


def session_factory(engine: Engine) -> sessionmaker[StoreSession]:
    return sessionmaker(engine, class_=StoreSession, expire_on_commit=False)
