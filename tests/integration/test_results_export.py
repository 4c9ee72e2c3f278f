"""Results for the programme office: the demo session exported as XLSX and CSV,
checked against what the services and ``session show`` say."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from evaluator_app import __version__
from evaluator_app.cli import main
from evaluator_app.domain.scoring import for_display
from evaluator_app.services import assessments
from evaluator_app.services.demo import create_demo
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.participants import ParticipantDetails, add_participant
from evaluator_app.services.results import export_results
from evaluator_app.services.sessions import session_overview
from evaluator_app.services.walkthrough import indicator_detail, indicator_states

BOM = b"\xef\xbb\xbf"


class Demo:
    def __init__(self, folder: Path, ctx: Context, session_id: str, late_rater: str) -> None:
        self.folder = folder
        self.ctx = ctx
        self.session_id = session_id
        self.late_rater = late_rater  # an evaluator who rated a single indicator
        self.xlsx = folder / "out" / "results.xlsx"
        self.csv = folder / "out" / "results.csv"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """The demo session, one more evaluator who rated one indicator and one who rated
    nothing, exported once to XLSX and to CSV (the demo takes seconds to build)."""
    folder = tmp_path_factory.mktemp("results")
    ctx = open_context(str(folder / "data"), "tester")
    session_id = create_demo(ctx)
    late = add_participant(
        ctx, session_id, ParticipantDetails(name="Evaluator Tambahan", role="evaluator")
    )
    add_participant(ctx, session_id, ParticipantDetails(name="Belum Menilai", role="evaluator"))
    first = next(iter(indicator_states(ctx, session_id)))
    assessments.set_rating(ctx, session_id, first, late, 2)
    (folder / "out").mkdir()
    result = Demo(folder, ctx, session_id, late)
    export_results(ctx, session_id, result.xlsx, "xlsx")
    export_results(ctx, session_id, result.csv, "csv")
    yield result
    ctx.store.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def sheet_rows(path: Path, title: str) -> tuple[list[Any], list[tuple[Any, ...]]]:
    book = load_workbook(path)
    rows = list(book[title].iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


def by_header(header: list[Any], row: tuple[Any, ...]) -> dict[str, Any]:
    return dict(zip(header, row, strict=True))


def test_xlsx_has_one_row_per_indicator_in_framework_order_with_the_agreed_levels(
    demo: Demo,
) -> None:
    states = indicator_states(demo.ctx, demo.session_id)
    header, rows = sheet_rows(demo.xlsx, "Indicators")
    assert len(rows) == len(states) == 40
    records = [by_header(header, row) for row in rows]
    assert [r["Indicator"] for r in records] == list(states)
    for record in records:
        state = states[record["Indicator"]]
        assert record["Agreed level"] == state.agreed_level
        assert record["Self-assessed level"] == state.self_level
        assert record["Not applicable"] == ("yes" if state.not_applicable else "no")
        assert record["Status"] == state.status
        assert record["Has notes"] == ("yes" if state.notes.strip() else "no")
        assert record["Indicator"].startswith(f"{record['Dimension']}.")
        assert record["Indicator"].startswith(f"{record['Sub-dimension']}.")
        assert record["Title (id)"] and record["Title (en)"]


def test_counts_of_notes_clarifications_and_evidence_match_the_indicator_pages(
    demo: Demo,
) -> None:
    header, rows = sheet_rows(demo.xlsx, "Indicators")
    records = [by_header(header, row) for row in rows]
    assert any(r["Clarifications"] for r in records) and any(r["Evidence records"] for r in records)
    for record in records:
        detail = indicator_detail(demo.ctx, demo.session_id, record["Indicator"])
        assert record["Clarifications"] == len(detail.clarifications)
        assert record["Evidence records"] == len(detail.evidence)
        notes = 1 if detail.state.notes.strip() else 0
        assert record["Notes count (notes + clarifications)"] == notes + len(detail.clarifications)


def test_rating_columns_are_the_evaluators_who_rated_headed_with_their_names(demo: Demo) -> None:
    header, rows = sheet_rows(demo.xlsx, "Indicators")
    overview = session_overview(demo.ctx, demo.session_id)
    names = {p.id: p.name for p in overview.participants}
    rating_columns = [h for h in header if h.startswith("Rating: ")]
    assert any("Evaluator Tambahan" in h for h in rating_columns)
    assert not any("Belum Menilai" in h for h in header)
    assert len(rating_columns) == 4  # the demo's three evaluators and the late one
    for row in rows:
        record = by_header(header, row)
        detail = indicator_detail(demo.ctx, demo.session_id, record["Indicator"])
        expected = {f"Rating: {names[r.participant_id]}": r.level for r in detail.ratings}
        shown = {h: record[h] for h in rating_columns if record[h] is not None}
        assert shown == expected
    late = [r for r in rows if by_header(header, r)["Rating: Evaluator Tambahan"] is not None]
    assert len(late) == 1


def test_an_indicator_agreed_not_applicable_carries_its_reason(demo: Demo) -> None:
    header, rows = sheet_rows(demo.xlsx, "Indicators")
    records = [by_header(header, row) for row in rows]
    not_applicable = [r for r in records if r["Not applicable"] == "yes"]
    assert not_applicable
    for record in not_applicable:
        reason = indicator_detail(demo.ctx, demo.session_id, record["Indicator"]).na_reason
        assert reason and record["N/A reason"] == reason
        assert record["Agreed level"] is None
    assert all(not r["N/A reason"] for r in records if r["Not applicable"] == "no")


def test_scores_sheet_gives_the_numbers_that_session_show_gives(
    capsys: pytest.CaptureFixture[str], demo: Demo
) -> None:
    code, out, _ = run(
        capsys,
        "--data-dir",
        str(demo.folder / "data"),
        "session",
        "show",
        demo.session_id,
        "--json",
    )
    assert code == 0
    shown = json.loads(out)
    header, rows = sheet_rows(demo.xlsx, "Scores")
    records = [by_header(header, row) for row in rows]
    index = records[0]
    assert index["Kind"] == "index"
    assert isinstance(index["Score"], float) and index["Score"] == shown["index"]
    assert index["Predicate"] == shown["predicate"]
    dimensions = [r for r in records if r["Kind"] == "dimension"]
    assert [d["Code"] for d in dimensions] == [d["code"] for d in shown["dimensions"]]
    for row, expected in zip(dimensions, shown["dimensions"], strict=True):
        assert row["Score"] == expected["score"]
        assert row["Indicators"] == expected["indicators"]
        assert row["Settled"] == expected["done"]
    # Sub-dimensions and the self-assessed series: the engine's own figures, rounded half-up.
    overview = session_overview(demo.ctx, demo.session_id)

    def rounded(value: Any) -> float | None:
        return None if value is None else float(for_display(value))

    subs = [r for r in records if r["Kind"] == "sub-dimension"]
    assert len(subs) == 18
    for row in dimensions + subs:
        assert row["Score"] == rounded(overview.scores.groups[row["Code"]].value)
        assert row["Self-assessed score"] == rounded(overview.self_scores.groups[row["Code"]].value)
    assert index["Self-assessed score"] == rounded(overview.self_scores.index)
    assert all(isinstance(r["Self-assessed score"], float) for r in [index, *dimensions])


def test_about_sheet_says_where_the_results_come_from(demo: Demo) -> None:
    _, rows = sheet_rows(demo.xlsx, "About")
    about = dict(rows)
    overview = session_overview(demo.ctx, demo.session_id)
    assert about["Region"] == overview.region
    assert about["Year"] == overview.year and about["Stage"] == overview.stage
    assert about["Framework id"] == overview.framework.id == "gmsc-2024-illustrative"
    assert about["Framework version"] == overview.framework.version
    assert about["Session id"] == demo.session_id
    assert about["Status"] == overview.status
    assert __version__ in about["App version"]
    exported = dt.datetime.strptime(about["Exported at (UTC)"], "%Y-%m-%dT%H:%M:%SZ")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert dt.timedelta(0) <= now - exported < dt.timedelta(hours=1)


def test_xlsx_is_laid_out_for_people_and_holds_no_formulas(demo: Demo) -> None:
    book = load_workbook(demo.xlsx)
    assert book.sheetnames == ["Indicators", "Scores", "About"]
    for page in book:
        assert page.freeze_panes == "A2"
        assert all(cell.font.bold for cell in page[1])
        for row in page.iter_rows():
            assert all(cell.data_type != "f" for cell in row)
        widths = [page.column_dimensions[c.column_letter].width for c in page[1]]
        assert all(8 <= w <= 62 for w in widths)
    for title in ("Indicators", "Scores"):
        page = book[title]
        assert page.auto_filter.ref == f"A1:{page.cell(1, page.max_column).column_letter}" + str(
            page.max_row
        )


def test_csv_has_a_bom_and_the_same_rows_as_the_xlsx(demo: Demo) -> None:
    data = demo.csv.read_bytes()
    assert data.startswith(BOM)
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, rows = sheet_rows(demo.xlsx, "Indicators")
    assert table[0] == header
    as_text = [["" if v is None else str(v) for v in row] for row in rows]
    assert table[1:] == as_text
    assert "Rating: Ir. Hendra Saputra, M.T." in table[0]  # a comma inside a cell survives


def test_cli_prints_a_one_line_summary_or_json(
    capsys: pytest.CaptureFixture[str], demo: Demo
) -> None:
    base = ("--data-dir", str(demo.folder / "data"))
    out_file = demo.folder / "out" / "cli.xlsx"
    code, out, err = run(capsys, *base, "results", demo.session_id[:8], "--xlsx", str(out_file))
    assert code == 0, err
    _, shown, _ = run(capsys, *base, "session", "show", demo.session_id, "--json")
    show = json.loads(shown)
    assert out.strip() == (
        f"{out_file}: 40 indicators, 4 raters, index {show['index']:.2f} ({show['predicate']})"
    )
    assert load_workbook(out_file)["Indicators"].max_row == 41
    code, out, err = run(
        capsys,
        *base,
        "results",
        demo.session_id,
        "--csv",
        str(out_file.with_suffix(".csv")),
        "--json",
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["format"] == "csv" and summary["session_id"] == demo.session_id
    assert summary["indicators"] == 40 and summary["raters"] == 4
    assert summary["index"] == show["index"] and summary["predicate"] == show["predicate"]
    assert Path(summary["path"]).read_bytes().startswith(BOM)


def test_a_folder_that_cannot_be_written_gives_exit_1_naming_the_path_and_no_file(
    capsys: pytest.CaptureFixture[str], demo: Demo, tmp_path: Path
) -> None:
    base = ("--data-dir", str(demo.folder / "data"))
    not_a_folder = tmp_path / "a-file.txt"
    not_a_folder.write_text("not a folder", encoding="utf-8")
    for target in (not_a_folder / "results.xlsx", tmp_path / "missing" / "results.csv"):
        flag = "--xlsx" if target.suffix == ".xlsx" else "--csv"
        code, out, err = run(capsys, *base, "results", demo.session_id, flag, str(target))
        assert code == 1 and not out
        assert str(target) in err
        assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file.txt"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes to read-only folders"
)
def test_a_read_only_folder_gives_exit_1_and_leaves_it_empty(
    capsys: pytest.CaptureFixture[str], demo: Demo, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        target = locked / "results.xlsx"
        base = ("--data-dir", str(demo.folder / "data"))
        code, _, err = run(capsys, *base, "results", demo.session_id, "--xlsx", str(target))
        assert code == 1 and str(target) in err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_a_failed_write_leaves_the_earlier_file_as_it_was_and_no_temporary_file(
    demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "results.xlsx"
    target.write_bytes(b"earlier export")

    def refuse(self: Path, other: Any) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(InvalidInput, match=re.escape(str(target))):
        export_results(demo.ctx, demo.session_id, target, "xlsx")
    assert target.read_bytes() == b"earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["results.xlsx"]


def test_a_session_that_does_not_exist_is_refused_clearly(
    capsys: pytest.CaptureFixture[str], demo: Demo, tmp_path: Path
) -> None:
    target = tmp_path / "results.xlsx"
    code, out, err = run(
        capsys,
        "--data-dir",
        str(demo.folder / "data"),
        "results",
        "deadbeef",
        "--xlsx",
        str(target),
    )
    assert code == 1 and not out
    assert "no session with id 'deadbeef'" in err
    assert not target.exists()


def test_results_needs_exactly_one_output(capsys: pytest.CaptureFixture[str], demo: Demo) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(demo.folder / "data"), "results", demo.session_id])
    assert stopped.value.code == 2
    assert "--xlsx" in capsys.readouterr().err


def test_a_folder_without_write_permission_is_named_in_the_message(
    demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root a read-only folder is still writable, so the refusal is simulated here.
    import tempfile

    def refuse(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "results.csv"
    with pytest.raises(InvalidInput, match=f"{re.escape(str(target))}: the folder is not writable"):
        export_results(demo.ctx, demo.session_id, target, "csv")
    assert list(tmp_path.iterdir()) == []
