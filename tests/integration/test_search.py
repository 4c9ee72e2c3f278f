"""Searching what was written: the index follows every way of writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from evaluator_app.bundled import migrations_dir
from evaluator_app.cli import main
from evaluator_app.services import assessments, clarifications, findings, undo
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.search import search_notes


def _found(ctx: Context, words: str) -> set[tuple[str | None, str]]:
    return {(hit.indicator_code, hit.kind) for hit in search_notes(ctx, words)}


def test_each_kind_of_text_is_found_as_it_is_written(ctx: Context, session_id: str) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "Menunggu dokumen Bappeda")
    assessments.set_rationale(ctx, session_id, "GOV.1.2", "Peraturan wali kota belum terbit")
    asked = clarifications.ask(ctx, session_id, "ENV.1.1", "Berapa anggaran energi surya?")
    clarifications.answer(ctx, asked, "Dua miliar dari APBD")
    findings.add_finding(
        ctx,
        session_id,
        FindingDetails(text="Data energi tidak lengkap", recommendation="Lengkapi data surya"),
    )
    assert _found(ctx, "bappeda") == {("GOV.1.1", "assessment.notes")}
    assert _found(ctx, "wali kota") == {("GOV.1.2", "assessment.rationale")}
    assert _found(ctx, "surya") == {
        ("ENV.1.1", "clarification.question"),
        (None, "finding.recommendation"),
    }
    assert _found(ctx, "apbd") == {("ENV.1.1", "clarification.answer")}
    assert _found(ctx, "energi lengkap") == {(None, "finding.text")}  # every word, any order
    assert _found(ctx, "angg") == {("ENV.1.1", "clarification.question")}  # a word's start
    hit = search_notes(ctx, "Bappeda")[0]
    assert (hit.session_id, hit.region, hit.year) == (session_id, "Kota Uji", 2024)
    assert hit.excerpt == "Menunggu dokumen [Bappeda]"


def test_changed_removed_and_undone_text_is_found_as_it_now_stands(
    ctx: Context, session_id: str
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "rapat pertama")
    assessments.set_notes(ctx, session_id, "GOV.1.1", "rapat kedua")
    assert _found(ctx, "pertama") == set()
    assert _found(ctx, "kedua") == {("GOV.1.1", "assessment.notes")}
    asked = clarifications.ask(ctx, session_id, "ENV.1.1", "Siapa koordinatornya?")
    clarifications.remove(ctx, asked)
    assert _found(ctx, "koordinatornya") == set()
    undo.undo(ctx, session_id)  # the removal
    assert _found(ctx, "koordinatornya") == {("ENV.1.1", "clarification.question")}


def test_what_a_person_types_is_never_query_syntax(ctx: Context, session_id: str) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", 'kata "kutipan" OR NEAR bintang*')
    for typed in ['"', "OR", "NEAR(", "*", "a AND", "-", "^x", "kutipan)"]:
        search_notes(ctx, typed)  # no syntax error
    assert _found(ctx, '"kutipan"') == {("GOV.1.1", "assessment.notes")}
    assert _found(ctx, "   ") == set()


def test_text_written_before_the_index_existed_is_indexed_by_the_migration(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "catatan lama sekali")
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with ctx.store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    ctx.store.close()
    with sqlite3.connect(data_dir / "evaluator.sqlite") as raw:
        assert not raw.execute(
            "SELECT name FROM sqlite_master WHERE name = 'search_text'"
        ).fetchall()
    again = open_context(str(data_dir), "tester")  # migrates to the head again
    try:
        assert _found(again, "lama") == {("GOV.1.1", "assessment.notes")}
    finally:
        again.store.close()


def test_a_database_without_the_index_is_still_searched(
    ctx: Context, session_id: str, data_dir: Path
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "Menunggu dokumen Bappeda")
    with sqlite3.connect(data_dir / "evaluator.sqlite") as raw:
        for (trigger,) in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
        ).fetchall():
            raw.execute(f"DROP TRIGGER {trigger}")
        raw.execute("DROP TABLE search_text")
    hits = search_notes(ctx, "dokumen bappeda")
    assert [(h.indicator_code, h.kind, h.excerpt) for h in hits] == [
        ("GOV.1.1", "assessment.notes", "Menunggu dokumen Bappeda")
    ]


def test_the_command_line_lists_hits_and_says_when_there_are_none(
    ctx: Context, session_id: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessments.set_notes(ctx, session_id, "GOV.1.1", "Menunggu dokumen Bappeda")
    assert main(["--data-dir", str(data_dir), "search", "bappeda"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(session_id[:8]) and "GOV.1.1" in line
    assert line.endswith("notes: Menunggu dokumen [Bappeda]")
    assert main(["--data-dir", str(data_dir), "search", "tidakada"]) == 0
    assert capsys.readouterr().out.strip() == "nothing found"
