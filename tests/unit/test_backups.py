"""Backups are consistent copies, restore brings old data back, bad files change nothing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from evaluator_app.cli import main
from evaluator_app.services import assessments, backups, participants, signoff
from evaluator_app.services.errors import InvalidInput, StorageError
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.participants import ParticipantDetails


def _notes(database: Path) -> list[str]:
    connection = sqlite3.connect(database)
    try:
        return [
            row[0] for row in connection.execute("SELECT notes FROM assessment WHERE notes != ''")
        ]
    finally:
        connection.close()


def test_backup_while_a_write_is_open_elsewhere_holds_only_committed_work(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "saved")
    writer = sqlite3.connect(ctx.store.database_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE assessment SET notes = 'half-written'")
    try:
        copy = backups.back_up(ctx, tmp_path / "copy.sqlite")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert backups.check_backup(copy)
    assert _notes(copy) == ["saved"]
    assert not Path(str(copy) + "-wal").exists()


def test_backup_goes_to_a_stamped_file_in_the_backups_folder(ctx: Context, session_id: str) -> None:
    path = backups.back_up(ctx)
    assert path.parent == ctx.store.data_dir / "backups"
    assert path.name.startswith("evaluator-") and path.name.endswith("-manual.sqlite")


def test_restore_brings_back_the_old_data_and_keeps_a_safety_copy(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "before")
    copy = backups.back_up(ctx)
    assessments.set_notes(ctx, session_id, "GOV.1.1", "after")
    ctx.store.close()

    safety = backups.restore(data_dir, copy)

    assert safety is not None and _notes(safety) == ["after"]
    reopened = open_context(str(data_dir), "tester")
    try:
        assessments.set_rationale(reopened, session_id, "GOV.1.1", "still works")
        assert _notes(reopened.store.database_file) == ["before"]
    finally:
        reopened.store.close()


def _foreign_database(path: Path, revision: str | None) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE things (x)")
    if revision is not None:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("kind", ["garbage", "empty", "other-app", "newer-schema", "truncated"])
def test_a_bad_restore_file_is_refused_and_nothing_changes(
    ctx: Context, session_id: str, data_dir: Path, tmp_path: Path, kind: str
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "current")
    bad = tmp_path / "bad.sqlite"
    if kind == "garbage":
        bad.write_bytes(os.urandom(8192))
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "other-app":
        _foreign_database(bad, None)
    elif kind == "newer-schema":
        _foreign_database(bad, "9999")
    else:
        good = backups.back_up(ctx, tmp_path / "good.sqlite").read_bytes()
        bad.write_bytes(good[: len(good) // 2])
    ctx.store.close()
    before = (data_dir / "evaluator.sqlite").read_bytes()

    with pytest.raises(InvalidInput):
        backups.restore(data_dir, bad)

    assert (data_dir / "evaluator.sqlite").read_bytes() == before
    assert not (data_dir / "evaluator.sqlite.restoring").exists()
    assert not list((data_dir / "backups").glob("*before-restore*"))


def test_rotation_keeps_the_newest_automatic_backups_and_every_manual_one(
    ctx: Context, session_id: str
) -> None:
    folder = ctx.store.data_dir / "backups"
    manual = backups.back_up(ctx)
    folder.joinpath("before-schema-0005-from-0004-20240101T000000Z.sqlite").write_bytes(b"x")
    made = []
    for number in range(13):
        path = backups.automatic_backup(ctx, "signoff", keep=10)
        assert path is not None
        os.utime(path, ns=(number * 10**9, number * 10**9))  # distinct ages
        made.append(path)
    backups.rotate(folder, keep=10)

    assert backups.automatic_backups(folder) == made[3:]
    assert manual.exists()
    assert folder.joinpath("before-schema-0005-from-0004-20240101T000000Z.sqlite").exists()


def test_daily_backup_is_made_once_a_day(ctx: Context, session_id: str) -> None:
    first = backups.daily_backup(ctx)
    assert first is not None and first.name.endswith("-daily.sqlite")
    assert backups.daily_backup(ctx) is None


def test_sign_off_leaves_a_backup(ctx: Context, session_id: str) -> None:
    signer = participants.add_participant(
        ctx, session_id, ParticipantDetails(name="Agus", nip="196803121994031005", role="signer")
    )
    signoff.sign_off(ctx, session_id, [signer])
    found = backups.automatic_backups(ctx.store.data_dir / "backups")
    assert [path.name.endswith("-signoff.sqlite") for path in found] == [True]


def test_a_backup_into_an_unwritable_place_says_so(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match=r"(could not|cannot) be written"):
        backups.back_up(ctx, blocker / "copy.sqlite")
    assert list(tmp_path.glob("**/*.partial")) == []


def test_command_line_backs_up_and_restores(
    ctx: Context,
    session_id: str,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "before")
    ctx.store.close()
    out = tmp_path / "by-hand.sqlite"
    assert main(["--data-dir", str(data_dir), "backup", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    changed = open_context(str(data_dir), "tester")
    assessments.set_notes(changed, session_id, "GOV.1.1", "after")
    changed.store.close()

    assert main(["--data-dir", str(data_dir), "restore", str(out)]) == 0
    assert _notes(data_dir / "evaluator.sqlite") == ["before"]
    assert main(["--data-dir", str(data_dir), "restore", str(tmp_path / "missing.sqlite")]) == 1
