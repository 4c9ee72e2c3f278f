"""Persistence: SQLAlchemy models, engine, migrations, evidence files."""
