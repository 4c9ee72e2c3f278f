"""The minutes' number: from the configured pattern, counted per year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from evaluator_app.cli import main
from evaluator_app.services import config
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.numbering import document_number, region_code
from evaluator_app.services.operation import Context, reading
from evaluator_app.services.records import get
from evaluator_app.services.sessions import SessionDetails, create_session, edit_session
from evaluator_app.store.models import EvaluationSession


def test_region_codes_drop_the_kind_of_region() -> None:
    assert region_code("Kota Tirtamaya (fiktif)") == "TIRTAMAYA"
    assert region_code("Kabupaten Sleman") == "SLEMAN"
    assert region_code("Kab. Kepulauan Seribu") == "KEPULAUAN-SERIBU"


def test_number_follows_the_pattern_month_and_year(ctx: Context, session_id: str) -> None:
    start = dt.datetime(2024, 10, 29, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    edit_session(ctx, session_id, SessionDetails(starts_at=start))
    numbered = create_session(
        ctx, "tiny", SessionDetails(region="Kota Lain", year=2024, document_number="001/X/2024")
    )
    assert numbered
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        pattern = config.read_option(ctx.store.data_dir, config.DOCUMENT_NUMBER)
        assert document_number(db, session, pattern) == "002/BA-EV/UJI/X/2024"
        assert document_number(db, session, "{seq}-{year}") == "2-2024"


def test_pattern_is_kept_in_the_data_folder_and_checked(data_dir: Path) -> None:
    assert config.read_option(data_dir, config.DOCUMENT_NUMBER) == config.DOCUMENT_NUMBER.default
    config.write_option(data_dir, config.DOCUMENT_NUMBER, "{seq}/BA/{year}")
    assert config.read_option(data_dir, config.DOCUMENT_NUMBER) == "{seq}/BA/{year}"
    with pytest.raises(InvalidInput, match="does not work"):
        config.write_option(data_dir, config.DOCUMENT_NUMBER, "{nomor}/{year}")
    assert config.read_option(data_dir, config.DOCUMENT_NUMBER) == "{seq}/BA/{year}"
    (data_dir / "config.json").write_text("{broken")
    with pytest.raises(InvalidInput, match="cannot be read"):
        config.read_option(data_dir, config.DOCUMENT_NUMBER)


def test_the_pattern_is_set_from_the_command_line(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    base = ["--data-dir", str(data_dir), "config", "document_number_pattern"]
    assert main([*base, "{seq:02d}/BA/{region}/{year}"]) == 0
    assert main(base) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "{seq:02d}/BA/{region}/{year}"
    assert main([*base, "{oops}"]) == 1
    assert "does not work" in capsys.readouterr().err
