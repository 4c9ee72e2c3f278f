"""Results as plain data on a tiny framework: columns, odd texts, and refusals."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from evaluator_app.services import assessments
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context
from evaluator_app.services.participants import ParticipantDetails, add_participant
from evaluator_app.services.results import export_results, session_results


def test_a_fresh_session_has_no_rating_columns_and_no_index(ctx: Context, session_id: str) -> None:
    results = session_results(ctx, session_id)
    sheet = results.indicator_sheet()
    assert [row[2] for row in sheet.rows] == ["GOV.1.1", "GOV.1.2", "ENV.1.1"]
    assert not [h for h in sheet.header if h.startswith("Rating: ")]
    assert results.index is None and results.predicate is None
    scores = results.score_sheet()
    assert [row[0] for row in scores.rows] == [
        "index",
        "dimension",
        "sub-dimension",
        "dimension",
        "sub-dimension",
    ]
    assert all(row[6] is None for row in scores.rows)


def test_summary_of_a_session_without_scores_says_so(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    summary = export_results(ctx, session_id, tmp_path / "r.xlsx", "xlsx")
    assert summary.line() == f"{tmp_path / 'r.xlsx'}: 3 indicators, 0 raters, no index yet"
    assert summary.to_json()["index"] is None


def test_two_evaluators_of_the_same_name_get_two_columns(ctx: Context, session_id: str) -> None:
    people = [
        add_participant(ctx, session_id, ParticipantDetails(name="Budi", role="evaluator"))
        for _ in range(2)
    ]
    assessments.set_rating(ctx, session_id, "GOV.1.1", people[0], 1)
    assessments.set_rating(ctx, session_id, "GOV.1.1", people[1], 4)
    results = session_results(ctx, session_id)
    columns = [r.column for r in results.raters]
    assert len(set(columns)) == 2 and all(c.startswith("Rating: Budi (") for c in columns)
    first = results.indicators[0]
    assert first.ratings == (1, 4)
    assert results.indicators[1].ratings == (None, None)


def test_text_that_looks_like_a_formula_stays_text(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    reason = '=HYPERLINK("http://example.invalid","klik")'
    assessments.set_not_applicable(ctx, session_id, "ENV.1.1", reason + "\x07")
    export_results(ctx, session_id, tmp_path / "r.xlsx", "xlsx")
    export_results(ctx, session_id, tmp_path / "r.csv", "csv")
    page = load_workbook(tmp_path / "r.xlsx")["Indicators"]
    column = [c.value for c in page[1]].index("N/A reason") + 1
    cell = page.cell(4, column)
    assert cell.value == reason and cell.data_type == "s"  # control character dropped
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"), newline="")))
    assert rows[3][column - 1] == "'" + reason


def test_unknown_format_and_a_folder_as_target_are_refused(
    ctx: Context, session_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InvalidInput, match="unknown results format 'pdf'"):
        export_results(ctx, session_id, out / "r.pdf", "pdf")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=f"cannot write {re.escape(str(out))}: it is a folder"):
        export_results(ctx, session_id, out, "csv")
    assert list(out.iterdir()) == []
