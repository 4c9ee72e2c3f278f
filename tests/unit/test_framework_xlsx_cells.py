"""Spreadsheet habits read as a careful person means them: merged cells, empty rows,
formulas, numbers typed as text, stray and non-breaking spaces, dates where codes
were meant."""

from __future__ import annotations

import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.domain.framework_xlsx.reader import read_framework_xlsx
from tests.unit.test_framework_xlsx import problems_of, tiny, workbook_file


def with_saved_results(path: Path, sheet_number: int, results: dict[str, tuple[str, str]]) -> None:
    """Give formula cells the result a spreadsheet program saves with the file:
    ``{cell: (type, value)}`` with type ``n`` (number), ``str`` or ``e`` (error)."""
    member = f"xl/worksheets/sheet{sheet_number}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[member].decode()
    for ref, (kind, value) in results.items():
        pattern = rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v></v></c>'
        kind_attribute = "" if kind == "n" else f' t="{kind}"'
        replacement = rf'<c r="{ref}"\1{kind_attribute}><f>\2</f><v>{value}</v></c>'
        xml, count = re.subn(pattern, replacement, xml)
        assert count == 1, ref
    parts[member] = xml.encode()
    rewritten = path.with_suffix(".tmp")
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    shutil.move(rewritten, path)


def test_merged_cells_count_in_every_cell_they_cover(tmp_path: Path) -> None:
    def merge(workbook: Any) -> None:
        indicators = workbook["Indicators"]
        # GOV.1.1 and GOV.1.2 share their group, and their level 1 criteria, by merging
        indicators.merge_cells("B2:B3")
        indicators["M3"] = "a"
        indicators.merge_cells("M2:M3")

    expected = tiny()
    back = read_framework_xlsx(workbook_file(tmp_path, merge))
    assert back.content_hash == expected.content_hash


def test_empty_rows_and_a_title_above_the_headings_are_skipped(tmp_path: Path) -> None:
    def spread_out(workbook: Any) -> None:
        framework, groups, indicators = (workbook[n] for n in ("Framework", "Groups", "Indicators"))
        groups.insert_rows(1, 2)
        groups["A1"] = "Daftar kelompok (dimensi dan subdimensi)"
        groups.insert_rows(6, 3)
        indicators.insert_rows(3, 5)
        framework.insert_rows(9, 2)  # inside the scale table

    assert read_framework_xlsx(workbook_file(tmp_path, spread_out)) == tiny()


def test_formulas_are_read_by_their_saved_results(tmp_path: Path) -> None:
    def formulas(workbook: Any) -> None:
        groups, indicators = workbook["Groups"], workbook["Indicators"]
        groups["G2"] = "=1+2"  # GOV's weight, 3
        indicators["A3"] = '="GOV.1."&(1+1)'  # GOV.1.2
        indicators["H3"] = "=4/2"  # weight 2

    path = workbook_file(tmp_path, formulas)
    # sheet 3 is Groups, sheet 4 Indicators (the instructions come first)
    with_saved_results(path, 3, {"G2": ("n", "3")})
    with_saved_results(path, 4, {"A3": ("str", "GOV.1.2"), "H3": ("n", "2")})
    assert read_framework_xlsx(path) == tiny()


def test_formulas_without_a_result_or_with_an_error_are_named_at_their_cell(
    tmp_path: Path,
) -> None:
    def formulas(workbook: Any) -> None:
        workbook["Groups"]["G2"] = "=1/0"
        workbook["Indicators"]["H3"] = "=SUM(H2:H2)*2"

    path = workbook_file(tmp_path, formulas)
    with_saved_results(path, 3, {"G2": ("e", "#DIV/0!")})
    assert problems_of(path) == [
        "Groups!G2: the formula =1/0 gives an error (#DIV/0!)",
        "Indicators!H3: the formula =SUM(H2:H2)*2 has no saved result: open the file in "
        "Excel or LibreOffice and save it again, or type the value instead",
    ]


def test_numbers_typed_as_text_are_numbers(tmp_path: Path) -> None:
    def as_text(workbook: Any) -> None:
        framework, groups, indicators = (workbook[n] for n in ("Framework", "Groups", "Indicators"))
        groups["G2"] = " 3 "
        indicators["H3"] = "1,5"  # the Indonesian decimal comma
        indicators["H2"] = "100%"
        framework["A12"] = "4"  # a level
        framework["A16"] = "2,5"  # a band's minimum

    back = read_framework_xlsx(workbook_file(tmp_path, as_text))
    governance = back.dimensions[0]
    assert governance.weight == 3
    assert [i.weight for i in governance.groups[0].indicators] == [1, Decimal("1.5")]
    assert back.level_values() == [1, 2, 3, 4]
    assert [band.min for band in back.predicates] == [0, Decimal("2.5")]


def test_surrounding_and_non_breaking_spaces_are_ignored(tmp_path: Path) -> None:
    def spaces(workbook: Any) -> None:
        framework, groups, indicators = (workbook[n] for n in ("Framework", "Groups", "Indicators"))
        framework["B2"] = "tiny\xa0"
        framework["B3"] = " 1 "
        groups["C2"] = "Tata\xa0Kelola  "  # a non-breaking space inside, spaces after
        groups["B3"] = "\xa0GOV"
        indicators["A2"] = "GOV.1.1 "
        indicators["B2"] = "gov.1"  # codes are matched without regard to case
        indicators["C2"] = "  Satu\u200b"
        indicators["M2"] = "a\xa0\xa0\n"

    assert read_framework_xlsx(workbook_file(tmp_path, spaces)) == tiny()


def test_codes_typed_as_numbers_keep_their_digits(tmp_path: Path) -> None:
    def numbers(workbook: Any) -> None:
        groups, indicators = workbook["Groups"], workbook["Indicators"]
        groups["A3"], indicators["B2"], indicators["B3"] = 1.1, 1.1, "1.1"
        indicators["A4"] = 7

    back = read_framework_xlsx(workbook_file(tmp_path, numbers))
    assert back.dimensions[0].groups[0].code == "1.1"
    assert [i.code for i in back.dimensions[0].groups[0].indicators] == ["GOV.1.1", "GOV.1.2"]
    assert back.dimensions[1].groups[0].indicators[0].code == "7"


def test_a_date_where_a_code_was_meant_is_refused(tmp_path: Path) -> None:
    import datetime as dt

    def date(workbook: Any) -> None:
        workbook["Indicators"]["A4"] = dt.datetime(2025, 1, 10)

    assert problems_of(workbook_file(tmp_path, date)) == [
        "Indicators!A4: the spreadsheet turned what was typed into a date or time "
        "(2025-01-10): format the cell as Text and type it again"
    ]


def test_lists_pair_english_lines_with_indonesian_ones(tmp_path: Path) -> None:
    def lists(workbook: Any) -> None:
        indicators = workbook["Indicators"]
        indicators["I2"] = "Apa?\n\nBagaimana?\nKapan?"  # a blank line is no item
        indicators["J2"] = "What?\n-\nWhen?"  # '-': this one has no English
        indicators["K2"] = "Perwali\nSK"
        indicators["L2"] = "Regulation"  # one English line for two documents

    path = workbook_file(tmp_path, lists)
    assert problems_of(path) == [
        "Indicators!L2: the English documents have 1 line(s), the Indonesian ones 2: write "
        "one English line for each Indonesian line ('-' for a line without English)"
    ]

    def fixed(workbook: Any) -> None:
        lists(workbook)
        workbook["Indicators"]["L2"] = None

    indicator = read_framework_xlsx(workbook_file(tmp_path, fixed)).indicator("GOV.1.1")
    assert [(q.id, q.en) for q in indicator.guiding_questions] == [
        ("Apa?", "What?"),
        ("Bagaimana?", None),
        ("Kapan?", "When?"),
    ]
    assert [(e.id, e.en) for e in indicator.expected_evidence] == [("Perwali", None), ("SK", None)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("ya", True), ("Yes", True), (True, True), ("tidak", False), (None, False), (0, False)],
)
def test_illustrative_is_yes_or_no_in_either_language(
    tmp_path: Path, typed: object, expected: bool
) -> None:
    def mark(workbook: Any) -> None:
        workbook["Framework"]["B6"] = typed

    assert read_framework_xlsx(workbook_file(tmp_path, mark)).illustrative is expected


def test_headings_in_other_order_or_in_one_language_are_found(tmp_path: Path) -> None:
    def reorder(workbook: Any) -> None:
        groups = workbook["Groups"]
        groups.move_range("A1:A5", cols=10)  # the code column moved to the far right
        groups["K1"] = "KODE"
        groups["C1"] = "Title (ID)"

    assert read_framework_xlsx(workbook_file(tmp_path, reorder)) == tiny()


def test_text_in_a_column_without_heading_is_not_lost_silently(tmp_path: Path) -> None:
    def stray(workbook: Any) -> None:
        workbook["Groups"]["K4"] = "catatan pribadi"

    assert problems_of(workbook_file(tmp_path, stray)) == [
        "Groups!K4: this column has no heading, so what it holds would be lost: give it a "
        "heading from the template or clear it"
    ]
