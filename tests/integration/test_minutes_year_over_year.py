"""The minutes set this year's results beside last year's, and list the evaluators'
ratings when asked to — drafts, frozen sign-offs and old snapshots alike."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.cli import main
from evaluator_app.domain.scoring import for_display
from evaluator_app.reports import render_minutes
from evaluator_app.reports.inputs import parse_snapshot
from evaluator_app.services import assessments, config, identities, minutes, signoff
from evaluator_app.services.demo import create_demo, create_previous_year
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.history import previous_figures, year_over_year
from evaluator_app.services.operation import Context, open_context, reading
from evaluator_app.services.records import get
from evaluator_app.services.sessions import list_sessions, session_overview
from evaluator_app.store.models import EvaluationSession

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None and os.environ.get("CI") != "true",  # CI has poppler
    reason="poppler-utils (pdftotext) is not installed here",
)
pytestmark = needs_poppler


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-years")
    ctx = open_context(str(folder), "tester")
    create_previous_year(ctx)
    create_demo(ctx)
    ctx.store.close()
    return folder


@pytest.fixture
def years(template: Path, tmp_path: Path) -> Iterator[tuple[Context, str, str]]:
    """(context, last year's signed session, this year's session in progress)."""
    folder = tmp_path / "data"
    shutil.copytree(template, folder)
    ctx = open_context(str(folder), "tester")
    by_year = {s.year: s.id for s in list_sessions(ctx)}
    yield ctx, by_year[2023], by_year[2024]
    ctx.store.close()


def pdf_text(path: Path) -> str:
    """The PDF's words in reading order, whitespace (and no-break spaces) collapsed."""
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(out.split())


def comma(value: Decimal) -> str:
    """Two places with a decimal comma, as Indonesian documents write numbers."""
    return f"{for_display(value):.2f}".replace(".", ",")


def frozen_snapshot(ctx: Context, session_id: str) -> dict[str, Any]:
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        live = [s for s in session.signoffs if not s.superseded and s.method == "pades"]
        return dict(json.loads(live[0].snapshot))


def sign_first(ctx: Context, session_id: str) -> minutes.SignedMinutes:
    lead = next(
        p.id for p in session_overview(ctx, session_id).participants if p.role == "lead_evaluator"
    )
    identity = identities.create_identity(ctx, "Rina", None, "Tim", "rahasia-123").id
    return minutes.sign_minutes(ctx, session_id, lead, identity, "rahasia-123")


def test_draft_minutes_give_last_years_index_the_change_and_a_column_of_its_scores(
    years: tuple[Context, str, str], tmp_path: Path
) -> None:
    ctx, _, current = years
    change = year_over_year(ctx, current)
    assert change is not None and change.index.before is not None
    assert change.index.after is not None
    before, after = for_display(change.index.before), for_display(change.index.after)
    shown = after - before  # the change between the two indexes as printed
    assert shown > 0  # the demo city improved
    out = tmp_path / "draft.pdf"
    minutes.export_draft(ctx, current, out)
    text = pdf_text(out)
    assert f"indeks {comma(after)} dengan predikat" in text
    assert f"Pada tahun 2023 indeksnya {comma(before)}; naik {comma(shown)}." in text
    # The score table: a column headed by last year, its scores before this year's.
    assert "Kode Dimensi / Subdimensi 2023 Nilai disepakati" in text
    for dimension in change.dimensions:
        assert dimension.before is not None and dimension.after is not None
        row = re.search(rf"{re.escape(dimension.code)} Smart \w+ (\S+) (\S+) ", text)
        assert row is not None, dimension.code
        assert row.groups() == (comma(dimension.before), comma(dimension.after))
    assert f"Indeks {comma(before)} {comma(after)} " in text

    english = tmp_path / "draft-en.pdf"
    minutes.export_draft(ctx, current, english, "en")
    words = pdf_text(english)
    assert f"In 2023 the index was {before:.2f}; up {shown:.2f}." in words
    assert "Code Dimension / Sub-dimension 2023 Agreed score" in words


def test_a_session_with_no_earlier_one_has_no_such_sentence_or_column(
    years: tuple[Context, str, str], tmp_path: Path
) -> None:
    ctx, previous, _ = years
    assert year_over_year(ctx, previous) is None
    with reading(ctx) as db:
        assert previous_figures(db, get(db, EvaluationSession, previous)) is None
    out = tmp_path / "2023.pdf"
    minutes.export_draft(ctx, previous, out)
    text = pdf_text(out)
    assert "memperoleh indeks" in text
    assert "indeksnya" not in text and "Pada tahun" not in text
    assert "Kode Dimensi / Subdimensi Nilai disepakati" in text


def test_signed_minutes_keep_the_figures_they_showed_when_last_year_is_amended(
    years: tuple[Context, str, str], tmp_path: Path
) -> None:
    ctx, previous, current = years
    change = year_over_year(ctx, current)
    assert change is not None and change.index.before is not None
    sign_first(ctx, current)
    frozen = frozen_snapshot(ctx, current)
    assert frozen["previous"]["session_id"] == previous
    assert (frozen["previous"]["year"], frozen["previous"]["stage"]) == (2023, 2)
    assert Decimal(frozen["previous"]["index"]) == change.index.before
    assert {code: Decimal(v) for code, v in frozen["previous"]["groups"].items()} == {
        code: g.before for code, g in change.groups.items()
    }
    assert frozen["show_ratings"] is False
    assert "previous" in signoff.FROZEN_EXTRAS and "show_ratings" in signoff.FROZEN_EXTRAS
    assert signoff.current_snapshot_matches(ctx, current)

    # Last year's session is reopened and amended: its index changes.
    signoff.reopen(ctx, previous, "koreksi nilai GOV.1.1")
    for code in ("GOV.1.1", "GOV.1.2", "BRD.1.1"):
        assessments.set_agreed_level(ctx, previous, code, 4)
    amended = year_over_year(ctx, current)
    assert amended is not None and amended.index.before != change.index.before
    # This year's sign-off still holds, and its minutes still show what was signed.
    assert signoff.current_snapshot_matches(ctx, current)
    assert Decimal(frozen_snapshot(ctx, current)["previous"]["index"]) == change.index.before
    signed = tmp_path / "signed.pdf"
    minutes.export_signed(ctx, current, signed)
    assert f"indeksnya {comma(change.index.before)};" in pdf_text(signed)
    with reading(ctx) as db:
        session = get(db, EvaluationSession, current)
        again = tmp_path / "again.pdf"
        render_minutes(frozen, framework_of(session), again)
    assert f"indeksnya {comma(change.index.before)};" in pdf_text(again)
    assert amended.index.before is not None
    assert f"indeksnya {comma(amended.index.before)};" not in pdf_text(again)


def expected_ratings(ctx: Context, session_id: str) -> list[tuple[str, str, int]]:
    """(indicator, 'Name: level; …', spread) for every indicator with two or more
    ratings, in framework order, the lead evaluator first and then by name."""
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        framework = framework_of(session)
        people = {p.id: p for p in session.participants}
        by_code = {a.indicator_code: a for a in session.assessments}
        out = []
        for indicator in framework.indicators():
            record = by_code.get(indicator.code)
            if record is None or len(record.ratings) < 2:
                continue
            ratings = sorted(
                record.ratings,
                key=lambda r: (
                    people[r.participant_id].role != "lead_evaluator",
                    people[r.participant_id].name.casefold(),
                ),
            )
            listed = "; ".join(f"{people[r.participant_id].name}: {r.level}" for r in ratings)
            levels = [r.level for r in ratings]
            out.append((indicator.code, listed, max(levels) - min(levels)))
        return out


def listed_ratings(text: str, label: str, spread: str) -> list[tuple[str, int]]:
    return [
        (listed, int(n)) for listed, n in re.findall(rf"{label} (.+?) \({spread} (\d+)\)", text)
    ]


def test_ratings_and_their_spread_appear_only_with_the_setting_or_the_flag(
    years: tuple[Context, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx, _, current = years
    expected = expected_ratings(ctx, current)
    assert len(expected) >= 10 and any(spread == 2 for _, _, spread in expected)
    plain = tmp_path / "plain.pdf"
    minutes.export_draft(ctx, current, plain)
    assert "Penilaian evaluator" not in pdf_text(plain)

    data_dir = ctx.store.data_dir
    config.write_option(data_dir, config.MINUTES_SHOW_RATINGS, "true")
    assert config.read_flag(data_dir, config.MINUTES_SHOW_RATINGS) is True
    with_setting = tmp_path / "setting.pdf"
    minutes.export_draft(ctx, current, with_setting)
    shown = listed_ratings(pdf_text(with_setting), "Penilaian evaluator", "selisih")
    assert shown == [(listed, spread) for _, listed, spread in expected]
    text = pdf_text(with_setting)
    first_code, first_listed, first_spread = expected[0]
    block = text[text.index(f"{first_code} ") :]
    assert block.index(f"Penilaian evaluator {first_listed} (selisih {first_spread})") < 400

    english = tmp_path / "setting-en.pdf"
    minutes.export_draft(ctx, current, english, "en")
    en_shown = listed_ratings(pdf_text(english), "Evaluators' ratings", "spread")
    assert en_shown == [(listed, spread) for _, listed, spread in expected]

    # Off again by the setting; the command line's flag turns them on for one export.
    config.write_option(data_dir, config.MINUTES_SHOW_RATINGS, "false")
    base = ["--data-dir", str(data_dir)]
    off = tmp_path / "cli-off.pdf"
    on = tmp_path / "cli-on.pdf"
    assert main([*base, "export", current, "--pdf", str(off)]) == 0
    assert main([*base, "export", current, "--pdf", str(on), "--with-ratings"]) == 0
    assert "Penilaian evaluator" not in pdf_text(off)
    assert listed_ratings(pdf_text(on), "Penilaian evaluator", "selisih") == shown
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:
        main([*base, "export", current, "--pdf", str(on), "--with-ratings", "--signed"])
    assert usage.value.code == 2
    assert "--with-ratings" in capsys.readouterr().err


def test_the_setting_is_true_or_false_on_the_command_line(
    years: tuple[Context, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ctx, _, _ = years
    base = ["--data-dir", str(ctx.store.data_dir)]
    assert main([*base, "config", "minutes_show_ratings"]) == 0
    assert capsys.readouterr().out.strip() == "false"
    assert main([*base, "config", "minutes_show_ratings", "Yes"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    assert main([*base, "config", "minutes_show_ratings", "sometimes"]) == 1
    assert "true or false" in capsys.readouterr().err
    assert config.read_flag(ctx.store.data_dir, config.MINUTES_SHOW_RATINGS) is True


def test_signed_minutes_record_that_ratings_were_shown_and_keep_showing_them(
    years: tuple[Context, str, str], tmp_path: Path
) -> None:
    ctx, _, current = years
    config.write_option(ctx.store.data_dir, config.MINUTES_SHOW_RATINGS, "true")
    sign_first(ctx, current)
    frozen = frozen_snapshot(ctx, current)
    assert frozen["show_ratings"] is True
    # The setting changes afterwards; the signed minutes do not.
    config.write_option(ctx.store.data_dir, config.MINUTES_SHOW_RATINGS, "false")
    signed = tmp_path / "signed.pdf"
    minutes.export_signed(ctx, current, signed)
    expected = [(listed, spread) for _, listed, spread in expected_ratings(ctx, current)]
    assert listed_ratings(pdf_text(signed), "Penilaian evaluator", "selisih") == expected
    assert signoff.current_snapshot_matches(ctx, current)


def test_old_snapshots_without_the_new_keys_still_render(
    years: tuple[Context, str, str], tmp_path: Path
) -> None:
    ctx, _, current = years
    with reading(ctx) as db:
        session = get(db, EvaluationSession, current)
        old = signoff.snapshot(session)
        framework = framework_of(session)
    for assessment in old["assessments"]:
        del assessment["ratings"]  # older still: before ratings were in the snapshot
    assert "previous" not in old and "show_ratings" not in old
    parsed = parse_snapshot(json.loads(json.dumps(old, default=str)))
    assert parsed.previous is None and parsed.show_ratings is False
    out = tmp_path / "old.pdf"
    render_minutes(old, framework, out)
    text = pdf_text(out)
    assert "memperoleh indeks" in text and "indeksnya" not in text
    assert "Penilaian evaluator" not in text
    # Asked to show ratings it has none of: the minutes simply have none to list.
    asking = copy.deepcopy(old)
    asking["show_ratings"] = True
    render_minutes(asking, framework, tmp_path / "asking.pdf")
    assert "Penilaian evaluator" not in pdf_text(tmp_path / "asking.pdf")
