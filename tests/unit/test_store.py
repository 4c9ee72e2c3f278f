"""The store: durable SQLite settings, data folder, migrations, evidence files."""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from evaluator_app.bundled import migrations_dir
from evaluator_app.store import location, migrations
from evaluator_app.store.database import StoreError, open_store
from evaluator_app.store.engine import make_engine, sqlite_url
from evaluator_app.store.evidence_store import EvidenceFileError, EvidenceStore


def test_database_is_durable_wal_with_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000
    store.close()


def test_data_folder_comes_from_override_then_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EVALUATOR_DATA_DIR", str(tmp_path / "from-env"))
    assert location.data_dir(str(tmp_path / "given")) == tmp_path / "given"
    assert location.data_dir() == tmp_path / "from-env"
    monkeypatch.delenv("EVALUATOR_DATA_DIR")
    assert location.data_dir().name == "Evaluator"


def test_schema_head_constant_matches_newest_migration_script() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == migrations.SCHEMA_HEAD
    revisions = sorted(s.revision for s in scripts.walk_revisions())
    assert tuple(revisions) == migrations.KNOWN_REVISIONS


def test_old_database_is_backed_up_then_upgraded_with_its_data(tmp_path: Path) -> None:
    database = tmp_path / "evaluator.sqlite"
    engine = make_engine(sqlite_url(database))
    migrations.run_alembic(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO framework (id, code, release, title, content_hash, definition,"
                " created_at, updated_at, updated_by, version)"
                " VALUES ('f1', 'old', '1', 'Lama', 'abc', '{}',"
                " '2024-01-01', '2024-01-01', 'x', 1)"
            )
        )
    engine.dispose()

    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == migrations.SCHEMA_HEAD
        )
        assert connection.execute(text("SELECT title FROM framework")).scalar() == "Lama"
        connection.execute(text("SELECT count(*) FROM rating")).scalar()  # new table exists
    store.close()
    backups = list(
        (tmp_path / "backups").glob(f"before-schema-{migrations.SCHEMA_HEAD}-from-0001-*.sqlite")
    )
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT title FROM framework").fetchone() == ("Lama",)


def test_current_database_is_opened_without_backup_or_alembic(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    open_store(tmp_path).close()
    assert not (tmp_path / "backups").exists()


def test_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    database = tmp_path / "evaluator.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    before = database.read_bytes()
    with pytest.raises(StoreError, match=r"schema 0099.*newer"):
        open_store(tmp_path)
    assert database.read_bytes() == before


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "evaluator.sqlite") as connection:
        connection.execute("CREATE TABLE photos (id INTEGER)")
    with pytest.raises(StoreError, match="not Evaluator's"):
        open_store(tmp_path)


def test_unusable_data_folder_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        open_store(blocker / "data")


# --- evidence files ----------------------------------------------------------


def test_evidence_file_is_stored_by_hash_and_read_back(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    stored = store.put_stream(io.BytesIO(b"Perwali 12/2023"))
    assert stored.size == 15
    path = store.path_for(stored.sha256)
    assert path.parent.name == stored.sha256[:2] and path.name == stored.sha256[2:]
    assert store.read_bytes(stored.sha256) == b"Perwali 12/2023"
    assert store.put_stream(io.BytesIO(b"Perwali 12/2023")) == stored  # stored once


def test_changed_evidence_file_is_reported_not_served(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    stored = store.put_stream(io.BytesIO(b"asli"))
    store.path_for(stored.sha256).write_bytes(b"palsu")
    with pytest.raises(EvidenceFileError, match="changed after it was stored"):
        store.read_bytes(stored.sha256)


def test_missing_evidence_file_is_reported(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    stored = store.put_stream(io.BytesIO(b"asli"))
    store.path_for(stored.sha256).unlink()
    with pytest.raises(EvidenceFileError, match="missing"):
        store.check(stored.sha256)


def test_failed_copy_leaves_no_partial_file(tmp_path: Path) -> None:
    class Breaks(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            if self.tell() > 4:
                raise OSError("cable pulled")
            return super().read(4)

    store = EvidenceStore(tmp_path / "evidence")
    with pytest.raises(OSError, match="cable pulled"):
        store.put_stream(Breaks(b"0123456789"))
    assert [p for p in (tmp_path / "evidence").rglob("*") if p.is_file()] == []


def test_evidence_paths_refuse_anything_but_a_hash(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path)
    with pytest.raises(ValueError, match="not a SHA-256"):
        store.path_for("../../etc/passwd")
    assert re.fullmatch(r"[0-9a-f]{62}", store.path_for("a" * 64).name)


def test_readers_do_not_wait_for_a_writer(ctx: object, session_id: str) -> None:
    import time

    from evaluator_app.services.operation import Context, operation
    from evaluator_app.services.sessions import list_sessions

    assert isinstance(ctx, Context)
    with operation(ctx, "hold_the_write_lock") as op:
        op.db.execute(text("UPDATE session SET venue = 'x'"))
        started = time.monotonic()
        assert list_sessions(ctx)[0].region == "Kota Uji"  # the committed state
        waited = time.monotonic() - started
    # A reader blocked by the writer would wait the busy timeout (5 s) and fail.
    assert waited < 4


def test_second_writer_waits_for_the_first_instead_of_failing(ctx: object, session_id: str) -> None:
    import threading

    from evaluator_app.services import assessments
    from evaluator_app.services.operation import Context, operation
    from evaluator_app.services.sessions import session_overview

    assert isinstance(ctx, Context)
    errors: list[BaseException] = []

    def second_writer() -> None:
        try:
            assessments.set_agreed_level(ctx, session_id, "ENV.1.1", 2)
        except BaseException as error:  # reported below
            errors.append(error)

    with operation(ctx, "first_writer") as op:
        op.db.execute(text("UPDATE session SET venue = 'x'"))
        thread = threading.Thread(target=second_writer)
        thread.start()
        thread.join(0.3)  # it is waiting on the lock
        assert thread.is_alive()
    thread.join(10)
    assert errors == []
    assert session_overview(ctx, session_id).dimensions[1].score == 2
