"""Issue 6's "the numbers agree everywhere they appear": window, presenter, PDF, XLSX, CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from evaluator_app.cli import main
from evaluator_app.domain.scoring import for_display
from evaluator_app.services import minutes
from evaluator_app.services.demo import ensure_demo
from evaluator_app.services.operation import open_context
from evaluator_app.services.results import export_results
from evaluator_app.ui.session_window import SessionWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("propagateSizeHints", "raise"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None and os.environ.get("CI") != "true",
        reason="poppler-utils (pdftotext) is not installed here",
    ),
]


def test_index_and_dimension_scores_agree_in_every_place(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    ctx = open_context(str(data), "tester")
    sid = ensure_demo(ctx)
    # The command line: the reference figures.
    assert main(["--data-dir", str(data), "session", "show", sid, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    index = f"{shown['index']:.2f}"
    dimensions = {d["code"]: f"{d['score']:.2f}" for d in shown["dimensions"]}

    # The XLSX for the programme office.
    export_results(ctx, sid, tmp_path / "results.xlsx", "xlsx")
    book = openpyxl.load_workbook(tmp_path / "results.xlsx", read_only=True)
    rows = list(book["Scores"].iter_rows(values_only=True))
    book.close()
    header = list(rows[0])
    kind, code, score = (header.index(h) for h in ("Kind", "Code", "Score"))
    xlsx = {r[code] or "index": f"{r[score]:.2f}" for r in rows[1:] if r[kind] != "sub-dimension"}
    assert xlsx == {"index": index} | dimensions

    # The window: status bar, dashboard, radar labels, presenter view.
    window = SessionWindow(ctx, sid, "en")
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.dashboard)
    window.show()
    assert f"index {index}" in window.progress.text()
    assert window.dashboard.index.text() == index
    radar = {d.code: d for d in window.dashboard.data.dimensions}  # type: ignore[union-attr]
    notes = window.dashboard.radar.notes
    for n, (code_, value) in enumerate(dimensions.items()):
        assert notes[n][0].text == value, code_
        assert str(for_display(radar[code_].agreed)) == value  # type: ignore[arg-type]
    window.show_presenter()
    presenter = window.presenter
    assert presenter is not None
    assert presenter.showing_dashboard and presenter.dashboard is not None
    assert presenter.dashboard.index.text() == index

    # The minutes (Indonesian: decimal comma).
    minutes.export_draft(ctx, sid, tmp_path / "minutes.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(tmp_path / "minutes.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"indeks {index.replace('.', ',')}" in " ".join(text.split()).lower()
    for code_, value in dimensions.items():
        line = next(line for line in text.splitlines() if line.strip().startswith(code_ + " "))
        assert value.replace(".", ",") in line.split(), (code_, line)
    presenter.close()
    window.close()
    ctx.store.close()
