"""Issue 10, item 5: automatic backups before a migration, at sign-off and daily;
rotated to the number the user chose; restorable, with the data found again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, select

from evaluator_app import preferences
from evaluator_app.services import assessments, backups
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.participants import ParticipantDetails, add_participant
from evaluator_app.services.signoff import sign_off
from evaluator_app.store import migrations
from evaluator_app.store.engine import sqlite_url
from evaluator_app.store.models import Assessment


def assessment(ctx: Context, sid: str, code: str) -> tuple[str, int | None]:
    with reading(ctx) as db:
        row = db.execute(
            select(Assessment.notes, Assessment.agreed_level).where(
                Assessment.session_id == sid, Assessment.indicator_code == code
            )
        ).one()
    return row[0], row[1]


def notes_of(ctx: Context, sid: str, code: str) -> str:
    return assessment(ctx, sid, code)[0]


def downgrade(database: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from evaluator_app.bundled import migrations_dir

    engine = create_engine(sqlite_url(database))
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def test_a_migration_backs_up_first_and_the_copy_restores(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "sebelum migrasi")
    ctx.store.close()
    older = migrations.KNOWN_REVISIONS[-2]
    downgrade(data_dir / "evaluator.sqlite", older)  # as an older Evaluator left it

    upgraded = open_context(str(data_dir), "tester")  # migrates, copying the file first
    assert notes_of(upgraded, session_id, "GOV.1.1") == "sebelum migrasi"
    assessments.set_notes(upgraded, session_id, "GOV.1.1", "sesudah migrasi")
    upgraded.store.close()
    (copy,) = (data_dir / "backups").glob(f"before-schema-*-from-{older}-*.sqlite")
    assert backups.check_backup(copy) == older

    safety = backups.restore(data_dir, copy)
    assert safety is not None and safety.is_file()
    again = open_context(str(data_dir), "tester")  # migrates the restored copy again
    try:
        assert notes_of(again, session_id, "GOV.1.1") == "sebelum migrasi"
    finally:
        again.store.close()


def test_sign_off_and_daily_backups_rotate_to_the_preference(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    preferences.write(preferences.KEEP_BACKUPS, "3")
    assert backups.kept_automatic() == 3
    folder = backups.backups_dir(data_dir)
    assert backups.daily_backup(ctx) is not None
    assert backups.daily_backup(ctx) is None  # once a day
    for _ in range(4):
        assert backups.automatic_backup(ctx, "signoff") is not None
    kept = backups.automatic_backups(folder)
    assert len(kept) == 3
    manual = backups.back_up(ctx)  # never rotated away
    signer = add_participant(ctx, session_id, ParticipantDetails(name="Budi", role="signer"))
    sign_off(ctx, session_id, [signer])
    after = backups.automatic_backups(folder)
    assert len(after) == 3 and after[-1] not in kept  # the sign-off's copy is the newest
    assert manual.is_file()

    preferences.write(preferences.KEEP_BACKUPS, "0")  # nonsense: at least one is kept
    assert backups.kept_automatic() == 1
    preferences.write(preferences.KEEP_BACKUPS, "many")
    assert backups.kept_automatic() == 10


def test_restoring_a_daily_backup_brings_the_data_back(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", 3)
    assessments.set_notes(ctx, session_id, "ENV.1.1", "bukti lengkap")
    copy = backups.daily_backup(ctx)
    assert copy is not None
    assessments.set_notes(ctx, session_id, "ENV.1.1", "terhapus tak sengaja")
    assessments.set_agreed_level(ctx, session_id, "GOV.1.1", None)
    ctx.store.close()

    backups.restore(data_dir, copy)
    restored = open_context(str(data_dir), "tester")
    try:
        assert notes_of(restored, session_id, "ENV.1.1") == "bukti lengkap"
        assert assessment(restored, session_id, "GOV.1.1")[1] == 3
        from evaluator_app.services.audit import verify_chain

        assert verify_chain(restored, session_id).intact
    finally:
        restored.store.close()
