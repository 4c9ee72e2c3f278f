"""Writing a framework as a spreadsheet in the layout the reader reads.

Every value is written so that it reads back the same: texts as text (also one
starting with ``=``, which would otherwise become a formula), codes and the
version in Text-formatted cells, decimals as numbers.  Export followed by
import gives the same framework, content hash and all.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from evaluator_app.domain.framework import Framework, Group, Indicator, LocalText
from evaluator_app.domain.framework_xlsx.instructions import STEPS, TITLE
from evaluator_app.domain.framework_xlsx.layout import (
    AGGREGATIONS,
    FIELD_HEADINGS,
    FIELDS,
    GROUP_COLUMNS,
    INDICATOR_COLUMNS,
    NO_ENGLISH,
    PREDICATE_COLUMNS,
    SCALE_COLUMNS,
    SHEET_FRAMEWORK,
    SHEET_GROUPS,
    SHEET_INDICATORS,
    SHEET_INSTRUCTIONS,
    TIERS,
    Column,
    level_columns,
)

HEADING_FONT = Font(bold=True)
HEADING_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADING_BORDER = Border(bottom=Side(style="thin", color="7F9DB9"))
TOP_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
TEXT_FORMAT = "@"
ROWS_PREPARED = 1000  # Text format and pick lists reach this far below the headings


def _plain(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else Decimal(format(value, "f"))


def _put(sheet: Any, row: int, column: int, value: Any, *, as_text: bool = False) -> None:
    cell = sheet.cell(row, column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # "=..." is a text here, never a formula
    elif isinstance(value, Decimal):
        cell.value = _plain(value)
    else:
        cell.value = value
    cell.alignment = TOP_WRAP
    if as_text:
        cell.number_format = TEXT_FORMAT


def _headings(sheet: Any, row: int, columns: Sequence[Column]) -> None:
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(row, number, column.heading)
        cell.font = HEADING_FONT
        cell.fill = HEADING_FILL
        cell.border = HEADING_BORDER
        cell.alignment = TOP_WRAP
        if column.note_id:
            note = Comment(f"{column.note_id}\n\n{column.note_en}", "Evaluator")
            note.width, note.height = 260, 130
            cell.comment = note
        letter = get_column_letter(number)
        width = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(width, column.width)


def _prepare(sheet: Any, columns: Sequence[Column], first_row: int) -> None:
    """Text format for code columns, and pick lists, on the rows a user will fill."""
    for number, column in enumerate(columns, start=1):
        letter = get_column_letter(number)
        if column.as_text:
            for row in range(first_row, ROWS_PREPARED + 1):
                sheet.cell(row, number).number_format = TEXT_FORMAT
        choices = {"tier": TIERS, "aggregation": AGGREGATIONS}.get(column.key)
        if choices:
            listed = DataValidation(
                type="list", formula1=f'"{",".join(choices)}"', allow_blank=True
            )
            listed.add(f"{letter}{first_row}:{letter}{ROWS_PREPARED}")
            sheet.add_data_validation(listed)


def _fit_rows(sheet: Any, *, landscape: bool = True, one_page_wide: bool = True) -> None:
    """Rows tall enough for their wrapped text (spreadsheet programs do not always
    measure them on opening), and a printout as wide as the page (unless the sheet
    is too wide to read that way)."""
    widths = {
        letter: dimension.width or 10 for letter, dimension in sheet.column_dimensions.items()
    }
    for row in sheet.iter_rows():
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            per_line = max(int(widths.get(cell.column_letter, 10) * 1.05) - 1, 1)
            needed = sum(max(1, math.ceil(len(part) / per_line)) for part in cell.value.split("\n"))
            lines = max(lines, needed)
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = min(409, 15 * lines + 2)
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    if one_page_wide:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _texts(text: LocalText | None) -> tuple[str | None, str | None]:
    return (None, None) if text is None else (text.id, text.en)


def _lines(items: Sequence[LocalText]) -> tuple[str | None, str | None]:
    if not items:
        return None, None
    english = None
    if any(item.en for item in items):
        english = "\n".join(item.en or NO_ENGLISH for item in items)
    return "\n".join(item.id for item in items), english


def _instructions(sheet: Any) -> None:
    sheet.column_dimensions["A"].width = 80
    sheet.column_dimensions["B"].width = 80
    for column, title in enumerate(TITLE, start=1):
        cell = sheet.cell(1, column, title)
        cell.font = Font(bold=True, size=14)
        cell.alignment = TOP_WRAP
    for row, pair in enumerate(STEPS, start=3):
        for column, text in enumerate(pair, start=1):
            heading = text.startswith("# ")
            cell = sheet.cell(row, column, text.removeprefix("# "))
            cell.alignment = TOP_WRAP
            if heading:
                cell.font = Font(bold=True, size=12)
    sheet.row_dimensions[1].height = 40
    _fit_rows(sheet, landscape=True)


def _framework_sheet(sheet: Any, framework: Framework) -> None:
    _headings(sheet, 1, FIELD_HEADINGS)
    values: dict[str, tuple[Any, Any]] = {
        "id": (framework.id, None),
        "version": (framework.version, None),
        "title": _texts(framework.title),
        "description": _texts(framework.description),
        "illustrative": ("ya" if framework.illustrative else "tidak", None),
    }
    for row, field in enumerate(FIELDS, start=2):
        _put(sheet, row, 1, field.heading)
        sheet.cell(row, 1).font = HEADING_FONT
        indonesian, english = values[field.key]
        _put(sheet, row, 2, indonesian, as_text=field.key in ("id", "version"))
        _put(sheet, row, 3, english)
    illustrative = DataValidation(type="list", formula1='"ya,tidak,yes,no"', allow_blank=True)
    illustrative.add(f"B{len(FIELDS) + 1}")
    sheet.add_data_validation(illustrative)

    row = len(FIELDS) + 3
    _headings(sheet, row, SCALE_COLUMNS)
    for level in framework.scale:
        row += 1
        level_cells: tuple[Any, ...] = (
            level.value,
            *_texts(level.name),
            *_texts(level.description),
        )
        for column, value in enumerate(level_cells, start=1):
            _put(sheet, row, column, value)
    row += 2
    _headings(sheet, row, PREDICATE_COLUMNS)
    for band in framework.predicates:
        row += 1
        band_cells: tuple[Any, ...] = (band.min, *_texts(band.name))
        for column, value in enumerate(band_cells, start=1):
            _put(sheet, row, column, value)
    sheet.freeze_panes = "B2"
    _fit_rows(sheet)


def _walk(groups: Sequence[Group], parent: str | None) -> Iterator[tuple[Group, str | None]]:
    for group in groups:
        yield group, parent
        yield from _walk(group.groups, group.code)


def _groups_sheet(sheet: Any, framework: Framework) -> None:
    _headings(sheet, 1, GROUP_COLUMNS)
    for row, (group, parent) in enumerate(_walk(framework.dimensions, None), start=2):
        cells = {
            "code": group.code,
            "parent": parent,
            "weight": group.weight,
            "aggregation": group.aggregation,
        }
        cells["title.id"], cells["title.en"] = _texts(group.title)
        cells["description.id"], cells["description.en"] = _texts(group.description)
        for number, column in enumerate(GROUP_COLUMNS, start=1):
            _put(sheet, row, number, cells.get(column.key), as_text=column.as_text)
    _prepare(sheet, GROUP_COLUMNS, 2)
    sheet.freeze_panes = "B2"
    _fit_rows(sheet)


def _indicator_cells(indicator: Indicator, group: str) -> dict[str, Any]:
    cells: dict[str, Any] = {
        "code": indicator.code,
        "group": group,
        "tier": indicator.tier,
        "weight": indicator.weight,
    }
    cells["title.id"], cells["title.en"] = _texts(indicator.title)
    cells["description.id"], cells["description.en"] = _texts(indicator.description)
    for key in ("guiding_questions", "expected_evidence"):
        cells[f"{key}.id"], cells[f"{key}.en"] = _lines(getattr(indicator, key))
    for value, criteria in indicator.levels.items():
        cells[f"levels.{value}.id"], cells[f"levels.{value}.en"] = _texts(criteria)
    return cells


def _indicators_sheet(sheet: Any, framework: Framework, levels: Sequence[int]) -> None:
    columns = [*INDICATOR_COLUMNS, *(c for v in levels for c in level_columns(v))]
    _headings(sheet, 1, columns)
    row = 1
    for group, _ in _walk(framework.dimensions, None):
        for indicator in group.indicators:
            row += 1
            cells = _indicator_cells(indicator, group.code)
            for number, column in enumerate(columns, start=1):
                _put(sheet, row, number, cells.get(column.key), as_text=column.as_text)
    _prepare(sheet, columns, 2)
    sheet.freeze_panes = "C2"
    _fit_rows(sheet, one_page_wide=False)


def framework_xlsx_bytes(
    framework: Framework,
    *,
    level_values: Sequence[int] | None = None,
    created: dt.datetime | None = None,
) -> bytes:
    """The framework as an XLSX workbook: instructions, Framework, Groups, Indicators.

    ``level_values``: the levels given criteria columns (default: the scale's);
    the template adds level 5 so that a five-level scale needs no new columns.
    ``created``: the workbook's creation time (fixed for a reproducible template).
    """
    scale = framework.level_values()
    levels = sorted(set(scale) | set(level_values or ()))
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = SHEET_INSTRUCTIONS
    _instructions(instructions)
    _framework_sheet(workbook.create_sheet(SHEET_FRAMEWORK), framework)
    _groups_sheet(workbook.create_sheet(SHEET_GROUPS), framework)
    _indicators_sheet(workbook.create_sheet(SHEET_INDICATORS), framework, levels)
    when = created or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    workbook.properties.creator = "Evaluator"
    workbook.properties.created = workbook.properties.modified = when
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
