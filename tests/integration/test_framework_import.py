"""Frameworks from spreadsheets, end to end on the command line: a new user fills the
template, imports it, starts a session on it and scores it; a broken file installs
nothing; a new version sits beside the old one; mappings carry year over year
across versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from evaluator_app.bundled import resources_dir
from evaluator_app.cli import main
from evaluator_app.services.frameworks import find_framework
from evaluator_app.services.history import previous_figures, year_over_year
from evaluator_app.services.operation import open_context, reading
from evaluator_app.services.records import get
from evaluator_app.store.models import EvaluationSession

TEMPLATE = resources_dir() / "templates" / "framework-template.xlsx"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def fill_template(path: Path, version: str = "2025.1", indicator: str = "KP.1.1") -> Path:
    """The template filled in as a person would, following its first sheet: the
    example rows replaced by a framework of their own."""
    shutil.copy(TEMPLATE, path)
    workbook = openpyxl.load_workbook(path)
    framework, groups, indicators = (workbook[n] for n in ("Framework", "Groups", "Indicators"))
    framework["B2"], framework["B3"] = "kota-pintar-jabar", version
    framework["B4"], framework["C4"] = "Instrumen Kota Pintar Jawa Barat", "West Java Smart City"
    framework["B5"] = framework["C5"] = None
    framework["B6"] = "tidak"
    # Scale 1-4 and the bands stay as in the example; the groups and indicators are new.
    groups.delete_rows(2, groups.max_row)
    for row, cells in enumerate(
        [
            ["KP", None, "Kebijakan Publik", "Public Policy", None, None, 70, None],
            ["KP.1", "KP", "Regulasi", "Regulation", None, None, None, None],
            ["LY", None, "Layanan", "Services", None, None, 30, "indicators"],
        ],
        start=2,
    ):
        for column, value in enumerate(cells, start=1):
            groups.cell(row, column, value)
    indicators.delete_rows(2, indicators.max_row)
    levels = ["Belum ada", "Draf", "Ditetapkan", "Dievaluasi"]
    rows: list[list[Any]] = [
        [indicator, "KP.1", "Perda smart city", None, None, None, "output", None,
         "Sudah ada perda?\nKapan ditetapkan?", None, "Perda", None],
        ["LY.1", "LY", "Layanan daring", "Online services", None, None, "outcome", "1,5",
         None, None, None, None],
        ["LY.2", "LY", "Kepuasan warga", None, None, None, None, None,
         None, None, None, None],
    ]  # fmt: skip
    for row, cells in enumerate(rows, start=2):
        for column, value in enumerate(cells + [x for level in levels for x in (level, None)], 1):
            indicators.cell(row, column, value)
    workbook.save(path)
    return path


def test_a_new_user_fills_the_template_imports_it_and_scores_a_session_on_it(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    filled = fill_template(tmp_path / "jabar.xlsx")
    code, out, err = run(capsys, data_dir, "frameworks", "import", str(filled))
    assert (code, err) == (0, "")
    assert "installed (kota-pintar-jabar 2025.1, 3 indicators" in out
    assert (data_dir / "frameworks" / "kota-pintar-jabar-2025.1.yaml").is_file()
    code, out, _ = run(capsys, data_dir, "frameworks", "list", "--json")
    listed = {row["id"]: row for row in json.loads(out)}
    assert listed["kota-pintar-jabar"]["source"] == "installed"
    assert listed["kota-pintar-jabar"]["illustrative"] is False

    code, out, _ = run(
        capsys, data_dir, "session", "new", "--framework", "kota-pintar-jabar",
        "--region", "Kota Bogor", "--year", "2025",
    )  # fmt: skip
    session = out.strip()
    for indicator, level in (("KP.1.1", "3"), ("LY.1", "4"), ("LY.2", "2")):
        assert run(capsys, data_dir, "assess", session, indicator, "--level", level)[0] == 0
    code, out, _ = run(capsys, data_dir, "session", "show", session, "--json")
    shown = json.loads(out)
    assert shown["framework"]["id"] == "kota-pintar-jabar"
    # KP = 3; LY = plain mean of its indicators by weight, (1.5*4 + 1*2) / 2.5 = 3.2;
    # index = (70*3 + 30*3.2) / 100 = 3.06 -> Baik (from 2.50)
    assert [(d["code"], d["score"]) for d in shown["dimensions"]] == [("KP", 3.0), ("LY", 3.2)]
    assert (shown["index"], shown["predicate"]) == (3.06, "Baik")


def test_a_file_with_problems_lists_them_all_and_installs_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    filled = fill_template(tmp_path / "jabar.xlsx")
    workbook = openpyxl.load_workbook(filled)
    workbook["Indicators"]["Q3"] = None  # level 3 criteria of LY.1
    workbook["Groups"]["B3"] = "KX"  # a parent that does not exist
    workbook.save(filled)
    before = sorted((data_dir / "frameworks").iterdir())
    code, out, err = run(capsys, data_dir, "frameworks", "import", str(filled))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"{filled}: 2 problems; nothing installed",
        f"{filled}: Groups!B3: parent 'KX' is not a code on the Groups sheet",
        f"{filled}: Indicators!Q3: level 3 criteria (ID) is empty",
    ]
    assert sorted((data_dir / "frameworks").iterdir()) == before


def test_out_writes_yaml_only(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    filled = fill_template(tmp_path / "jabar.xlsx")
    out_file = tmp_path / "jabar.yaml"
    code, out, _ = run(
        capsys, data_dir, "frameworks", "import", str(filled), "--out", str(out_file)
    )
    assert code == 0 and f"written to {out_file}" in out
    assert not (data_dir / "frameworks" / "kota-pintar-jabar-2025.1.yaml").exists()
    code, out, _ = run(capsys, data_dir, "frameworks", "validate", str(out_file))
    assert code == 0 and "valid (kota-pintar-jabar 2025.1, 3 indicators" in out


@pytest.mark.parametrize("framework_id", ["gmsc-2024-illustrative", "gmsc-2022-instrument"])
def test_export_then_import_gives_the_shipped_framework_back(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, framework_id: str
) -> None:
    sheet = tmp_path / f"{framework_id}.xlsx"
    code, out, _ = run(capsys, data_dir, "frameworks", "export", framework_id, str(sheet))
    shipped = find_framework(data_dir, framework_id)
    assert code == 0 and f"content hash {shipped.content_hash[:12]}" in out
    code, out, _ = run(capsys, data_dir, "frameworks", "import", str(sheet))
    assert code == 0 and "already available" in out  # the very same definition
    assert f"content hash {shipped.content_hash[:12]}" in out
    code, _, err = run(capsys, data_dir, "frameworks", "export", "no-such", str(sheet))
    assert code == 1 and "unknown framework 'no-such'" in err


def test_a_new_version_is_a_new_framework_and_sessions_keep_theirs(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert (
        run(capsys, data_dir, "frameworks", "import", str(fill_template(tmp_path / "a.xlsx")))[0]
        == 0
    )
    code, out, _ = run(
        capsys, data_dir, "session", "new", "--framework", "kota-pintar-jabar",
        "--region", "Kota Bogor", "--year", "2025",
    )  # fmt: skip
    old_session = out.strip()
    # Changed content under the same version is refused...
    changed = fill_template(tmp_path / "b.xlsx", indicator="KP.1.9")
    code, _, err = run(capsys, data_dir, "frameworks", "import", str(changed))
    assert (
        code == 1
        and "already installed" in err
        and "give the changed framework a new version" in err
    )
    # ...and installed beside the old one under a new version.
    renumbered = fill_template(tmp_path / "c.xlsx", version="2026.1", indicator="KP.1.9")
    assert run(capsys, data_dir, "frameworks", "import", str(renumbered))[0] == 0
    code, out, _ = run(capsys, data_dir, "frameworks", "list", "--json")
    versions = sorted(r["version"] for r in json.loads(out) if r["id"] == "kota-pintar-jabar")
    assert versions == ["2025.1", "2026.1"]
    code, out, _ = run(
        capsys, data_dir, "session", "new", "--framework", "kota-pintar-jabar",
        "--region", "Kota Bogor", "--year", "2026",
    )  # fmt: skip
    new_session = out.strip()
    # Even with the old file gone, the old session has its own framework.
    (data_dir / "frameworks" / "kota-pintar-jabar-2025.1.yaml").unlink()
    for session, version, code_of_kp in (
        (old_session, "2025.1", "KP.1.1"),
        (new_session, "2026.1", "KP.1.9"),
    ):
        code, out, _ = run(capsys, data_dir, "session", "show", session, "--json")
        assert json.loads(out)["framework"]["version"] == version
        assert run(capsys, data_dir, "assess", session, code_of_kp, "--level", "2")[0] == 0


def test_a_mapping_carries_year_over_year_across_versions(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert (
        run(capsys, data_dir, "frameworks", "import", str(fill_template(tmp_path / "a.xlsx")))[0]
        == 0
    )
    renumbered = fill_template(tmp_path / "b.xlsx", version="2026.1", indicator="KP.1.9")
    assert run(capsys, data_dir, "frameworks", "import", str(renumbered))[0] == 0
    sessions = []
    for year in ("2025", "2026"):
        code, out, _ = run(
            capsys, data_dir, "session", "new", "--framework", "kota-pintar-jabar",
            "--framework-version", f"{year}.1", "--region", "Kota Bogor", "--year", year,
        )  # fmt: skip
        sessions.append(out.strip())
    assert run(capsys, data_dir, "assess", sessions[0], "KP.1.1", "--level", "3")[0] == 0
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "framework: kota-pintar-jabar\nfrom: '2025.1'\nto: '2026.1'\n"
        "codes:\n  KP.1.1: KP.1.9\n  LY.2: null\n",
        encoding="utf-8",
    )
    ctx = open_context(str(data_dir), "tester")
    before = year_over_year(ctx, sessions[1])
    assert before is not None and "KP.1.9" not in before.indicators  # not matched by code
    code, out, _ = run(capsys, data_dir, "frameworks", "import", str(mapping))
    assert code == 0 and "installed the mapping of kota-pintar-jabar 2025.1 -> 2026.1" in out
    installed = data_dir / "frameworks" / "mappings" / "kota-pintar-jabar-2025.1-to-2026.1.yaml"
    assert installed.is_file()
    after = year_over_year(ctx, sessions[1])
    assert after is not None
    assert after.indicators["KP.1.9"].agreed_level == 3
    assert "KP.1.1" not in after.indicators and "LY.2" not in after.indicators
    with reading(ctx) as db:
        figures = previous_figures(db, get(db, EvaluationSession, sessions[1]))
    assert figures is not None and figures["groups"]["KP"] == 3
    ctx.store.close()
    # A mapping naming a code neither version has is refused, and nothing is written.
    mapping.write_text(
        "framework: kota-pintar-jabar\nfrom: '2025.1'\nto: '2026.1'\ncodes:\n  KP.1.5: KP.1.9\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, data_dir, "frameworks", "import", str(mapping))
    assert code == 1 and "mapping.yaml:5: codes.KP.1.5: version 2025.1 has no code 'KP.1.5'" in err
    assert "KP.1.1: KP.1.9" in installed.read_text(encoding="utf-8")
