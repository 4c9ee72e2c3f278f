"""Frameworks from spreadsheets: what the programme office sees when it loads its own.

Most tests export a small framework with the app's own writer, change the
workbook the way a person would in a spreadsheet program (openpyxl here), and
read it back the way ``frameworks import`` does.
"""

from __future__ import annotations

import contextlib
import gc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from evaluator_app.bundled import resources_dir, shipped_frameworks_dir
from evaluator_app.domain.framework import Framework, FrameworkError, framework_from_data
from evaluator_app.domain.framework_xlsx.instructions import STEPS
from evaluator_app.domain.framework_xlsx.reader import read_framework_xlsx
from evaluator_app.domain.framework_xlsx.writer import framework_xlsx_bytes
from evaluator_app.domain.framework_yaml import dump_framework_yaml
from tests.conftest import TINY_FRAMEWORK

SHIPPED = sorted(shipped_frameworks_dir().glob("*.yaml"))
Edit = Callable[[Any], None]


def tiny() -> Framework:
    return framework_from_data(yaml.safe_load(TINY_FRAMEWORK))


def workbook_file(
    tmp_path: Path, edit: Edit | None = None, framework: Framework | None = None
) -> Path:
    """The framework (tiny by default) exported, then changed by ``edit(workbook)``."""
    path = tmp_path / "framework.xlsx"
    path.write_bytes(framework_xlsx_bytes(framework or tiny()))
    if edit is not None:
        workbook = openpyxl.load_workbook(path)
        edit(workbook)
        workbook.save(path)
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FrameworkError) as raised:
        read_framework_xlsx(path)
    return [f"{p.where}: {p.message}" for p in raised.value.problems]


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_export_then_import_gives_the_same_framework(path: Path, tmp_path: Path) -> None:
    from evaluator_app.domain.framework import load_framework

    shipped = load_framework(path)
    back = read_framework_xlsx(workbook_file(tmp_path, framework=shipped))
    assert back.content_hash == shipped.content_hash
    assert back == shipped


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_an_installed_yaml_reads_back_as_the_framework_it_was_written_from(
    path: Path, tmp_path: Path
) -> None:
    from evaluator_app.domain.framework import load_framework

    shipped = load_framework(path)
    written = tmp_path / "written.yaml"
    written.write_text(dump_framework_yaml(shipped), encoding="utf-8")
    assert load_framework(written).content_hash == shipped.content_hash


def test_the_template_holds_its_example_and_instructions_in_both_languages() -> None:
    from evaluator_app.domain.framework import load_framework

    templates = resources_dir() / "templates"
    template = templates / "framework-template.xlsx"
    example = load_framework(templates / "framework-template-example.yaml")
    # Regenerate with tools/make_framework_template.py when this fails.
    assert read_framework_xlsx(template).content_hash == example.content_hash
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames == ["Petunjuk - Instructions", "Framework", "Groups", "Indicators"]
    first = workbook.worksheets[0]
    texts = [(first.cell(r, 1).value, first.cell(r, 2).value) for r in range(1, first.max_row + 1)]
    for indonesian, english in STEPS:
        assert (indonesian.removeprefix("# "), english.removeprefix("# ")) in texts
    headings = [c.value for c in workbook["Indicators"][1]]
    assert "Level 5 (ID)" in headings  # a five-level scale needs no new columns


def test_a_dozen_mistakes_are_each_reported_at_their_cell(tmp_path: Path) -> None:
    def mistakes(workbook: Any) -> None:
        framework, groups, indicators = (workbook[n] for n in ("Framework", "Groups", "Indicators"))
        framework["B2"] = "Kerangka Baru"  # an id with capitals and a space
        framework["B3"] = None  # no version
        framework["A11"] = 2  # level 2 twice (rows 10 and 11)
        framework["A16"] = "dua"  # a predicate minimum that is no number
        groups["B3"] = "XXX"  # an unknown parent
        groups["G4"] = -1  # a negative weight
        groups["H5"] = "rata-rata"  # an unknown aggregation
        indicators["A3"] = "gov.1.1"  # the same code as A2, in other case
        indicators["B4"] = "NOPE"  # an unknown group
        indicators["O2"] = None  # level 2 criteria left empty
        indicators["G3"] = "lanjutan"  # an unknown tier
        indicators["H4"] = "banyak"  # a weight that is no number
        indicators["Z1"] = "Catatan"  # a column the template does not have

    found = problems_of(workbook_file(tmp_path, mistakes))
    assert found == [
        "Framework!B2: 'Kerangka Baru' is not a valid framework ID: use lower-case letters, "
        "digits, '.', '_' or '-', starting with a letter or digit (e.g. gmsc-2025)",
        "Framework!B3: Version is empty",
        "Framework!A11: level 2 is listed twice (first in row 10)",
        "Framework!A16: 'dua' is not a number (write it like 1.5 or 1,5)",
        "Groups!B3: parent 'XXX' is not a code on the Groups sheet",
        "Groups!G4: the weight must be greater than 0, not -1",
        "Groups!H5: 'rata-rata' is not one of: children, indicators",
        "Indicators!Z1: unknown column 'Catatan': use the headings of the template "
        "(see its first sheet) or delete the column",
        "Indicators!O2: level 2 criteria (ID) is empty",
        "Indicators!A3: the code 'gov.1.1' is already used at Indicators!A2",
        "Indicators!G3: 'lanjutan' is not one of: baseline, output, outcome, impact, quick_win",
        "Indicators!B4: group 'NOPE' is not a code on the Groups sheet",
        "Indicators!H4: 'banyak' is not a number (write it like 1.5 or 1,5)",
    ]


def test_structural_mistakes_are_found_together_with_the_rest(tmp_path: Path) -> None:
    def mistakes(workbook: Any) -> None:
        groups, indicators = workbook["Groups"], workbook["Indicators"]
        # GOV.1 under ENV.1 and ENV.1 under GOV.1: a circle with no way to a dimension
        groups["B3"], groups["B5"] = "ENV.1", "GOV.1"
        indicators["A4"] = "ENV 1.1"  # a space in a code
        indicators["C3"] = None  # an indicator without a title
        indicators["B2"] = "GOV.1.2"  # an indicator as the group of another

    found = problems_of(workbook_file(tmp_path, mistakes))
    assert found == [
        "Groups!B3: groups sit inside each other in a circle (GOV.1 → ENV.1 → GOV.1): "
        "one of them needs another parent, or none",
        "Indicators!B2: 'GOV.1.2' is an indicator, not a group",
        "Indicators!C3: the title (ID) is empty",
        "Indicators!A4: 'ENV 1.1' is not a valid code: use letters, digits, '.', '_' or '-', "
        "starting with a letter or digit",
    ]


def test_the_scale_and_the_level_columns_must_agree(tmp_path: Path) -> None:
    def five_levels(workbook: Any) -> None:
        framework, indicators = workbook["Framework"], workbook["Indicators"]
        framework.insert_rows(14)
        framework["A14"], framework["B14"] = 5, "Unggul"  # a fifth level, no column for it
        indicators["U1"] = "Level 6 (ID)"  # a level not on the scale, with criteria
        indicators["U2"] = "sangat unggul"
        indicators["V1"] = "Level 7 (ID)"  # not on the scale but empty: harmless

    assert problems_of(workbook_file(tmp_path, five_levels)) == [
        "Indicators!U1: level 6 is not on the scale (1, 2, 3, 4, 5), yet 1 indicator(s) "
        "have criteria in this column: clear them, or add level 6 to the scale on the "
        "Framework sheet",
        "Indicators!W1: no column 'Level 5 (ID)' for level 5 of the scale: add it",
    ]


def test_a_file_that_is_no_workbook_or_lacks_a_sheet_says_so(tmp_path: Path) -> None:
    text = tmp_path / "framework.xlsx"
    text.write_text("id,version\nx,1\n", encoding="utf-8")
    assert problems_of(text) == [
        ": not an Excel workbook (.xlsx): save it from the spreadsheet program as "
        "'Excel Workbook (.xlsx)' without a password and try again"
    ]
    no_groups = workbook_file(tmp_path, lambda wb: wb.remove(wb["Groups"]))
    assert problems_of(no_groups) == [
        ": the workbook has no sheet 'Groups': start from the template"
    ]
    assert problems_of(tmp_path / "absent.xlsx") == [": file not found"]


def test_five_hundred_indicators_import_whole(tmp_path: Path) -> None:
    levels = {
        v: {"id": f"Kriteria level {v} yang cukup panjang", "en": f"Level {v}"} for v in range(1, 6)
    }
    dimensions = [
        {
            "code": f"D{d}",
            "title": f"Dimensi {d}",
            "weight": d + 1,
            "groups": [
                {
                    "code": f"D{d}.{g}",
                    "title": f"Kelompok {d}.{g}",
                    "indicators": [
                        {
                            "code": f"D{d}.{g}.{i}",
                            "title": {"id": f"Indikator {d}.{g}.{i}", "en": f"Indicator {i}"},
                            "description": "Uraian yang menjelaskan apa yang dinilai.",
                            "guiding_questions": ["Apa?", "Bagaimana?"],
                            "expected_evidence": ["Perwali", "SK"],
                            "levels": levels,
                        }
                        for i in range(10)
                    ],
                }
                for g in range(5)
            ],
        }
        for d in range(10)
    ]
    big = framework_from_data(
        {
            "id": "besar",
            "version": "1",
            "title": "Kerangka besar",
            "scale": [{"value": v, "name": f"Level {v}"} for v in range(1, 6)],
            "dimensions": dimensions,
        }
    )
    path = workbook_file(tmp_path, framework=big)
    back = read_framework_xlsx(path)
    assert sum(1 for _ in back.indicators()) == 500
    assert back.content_hash == big.content_hash


def _open_files() -> set[str]:
    found = set()
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(FileNotFoundError):  # the listing's own descriptor
            found.add(str(fd.readlink()))
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_workbook_with_a_broken_part_is_refused_and_left_closed(tmp_path: Path) -> None:
    # The zip is sound, one part is not XML: openpyxl fails half-way through.
    sound = workbook_file(tmp_path)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(sound) as source, zipfile.ZipFile(broken, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            target.writestr(member, b"not xml" if member.filename == "xl/workbook.xml" else data)
    gc.disable()  # a file left open would stay open until a collection
    try:
        problems = problems_of(broken)
        assert str(broken) not in _open_files()
    finally:
        gc.enable()
    assert len(problems) == 1
    assert problems[0].startswith(": not a readable Excel workbook (.xlsx): XMLSyntaxError")
    broken.unlink()  # Windows would refuse while it is open
