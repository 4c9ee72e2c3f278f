"""A workbook's cells as values, the way the person who typed them sees them.

- Formulas: the result the spreadsheet program saved with the file is read.  A
  formula without a saved result (a file written by a script and never opened
  in Excel or LibreOffice) or with an error result (``#REF!``) is a problem at
  its cell, never silently empty.
- Merged cells: the value counts in every cell the merge covers (a group code
  merged down ten rows is the group of each of the ten).
- Only cells that exist are visited, so formatting a whole column does not make
  a sheet a million rows long; absurd sizes are refused before they are read.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from evaluator_app.domain.framework_xlsx.values import CellValue
from evaluator_app.i18n import _, os_reason

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # a framework of thousands of indicators is ~5 MB
MAX_CELLS = 1_000_000  # per sheet


class WorkbookError(ValueError):
    """The file cannot be read as a workbook at all (one message, no cell)."""


@dataclass(frozen=True, order=True)
class Place:
    """A cell: sheet, row and column (1-based)."""

    sheet: str
    row: int
    column: int

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}"


@dataclass
class Grid:
    """One sheet's values by row and column, merged cells filled in."""

    name: str
    by_row: dict[int, dict[int, CellValue]] = field(default_factory=dict)
    size: int = 0

    def set(self, row: int, column: int, value: CellValue) -> None:
        cells = self.by_row.setdefault(row, {})
        if column not in cells:
            self.size += 1
        cells[column] = value

    def value(self, row: int, column: int) -> CellValue:
        return self.by_row.get(row, {}).get(column)

    def place(self, row: int, column: int) -> Place:
        return Place(self.name, row, column)

    def row_values(self, row: int) -> dict[int, CellValue]:
        """The cells of ``row`` that hold anything but spaces, by column."""
        return {c: v for c, v in sorted(self.by_row.get(row, {}).items()) if not _blank(v)}

    def rows(self) -> list[int]:
        """The rows holding anything but spaces, top to bottom."""
        return sorted(
            r for r, cells in self.by_row.items() if any(not _blank(v) for v in cells.values())
        )


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.replace("\xa0", " ").strip())


@dataclass(frozen=True)
class CellProblem:
    place: Place
    message: str


def _check_container(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise WorkbookError(_("file not found")) from None
    except OSError as error:
        raise WorkbookError(
            _("cannot read: {strerror}").format(strerror=os_reason(error))
        ) from None
    if size > MAX_FILE_BYTES:
        raise WorkbookError(
            _("the file is larger than {megabytes} MB").format(megabytes=MAX_FILE_BYTES // 2**20)
        )
    not_xlsx = (
        "not an Excel workbook (.xlsx): save it from the spreadsheet program as "
        "'Excel Workbook (.xlsx)' without a password and try again"
    )
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):  # fuzz-found
        raise WorkbookError(not_xlsx) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise WorkbookError(
            _("the workbook unpacks to more than {megabytes} MB").format(
                megabytes=MAX_UNPACKED_BYTES // 2**20
            )
        )


def _open(path: Path, data_only: bool) -> Any:
    from openpyxl import load_workbook

    # Opened here, not by openpyxl: it leaves its file open when a part fails to
    # parse (fuzz-found), and a refused file must not stay locked (Windows).
    with warnings.catch_warnings(), path.open("rb") as stream:
        # openpyxl warns about features it drops (extensions, some validations):
        # they do not matter for reading values.
        warnings.simplefilter("ignore")
        try:
            return load_workbook(stream, data_only=data_only, rich_text=False)
        except Exception as error:  # openpyxl raises many kinds on a broken package
            raise WorkbookError(
                _("not a readable Excel workbook (.xlsx): {kind}: {error}").format(
                    kind=type(error).__name__, error=error
                )
            ) from None


def _is_formula(cell: Any) -> bool:
    return bool(cell.data_type == "f" or type(cell.value).__name__.endswith("Formula"))


def _formula_text(value: Any) -> str:
    text = getattr(value, "text", value)  # ArrayFormula keeps its text apart
    return str(text) if text else "a formula"


def read_grids(path: Path) -> tuple[list[Grid], list[CellProblem]]:
    """Every sheet's values (in workbook order) and the cells that cannot be read."""
    _check_container(path)
    workbook = _open(path, data_only=False)
    grids: list[Grid] = []
    problems: list[CellProblem] = []
    formulas: dict[tuple[str, int, int], str] = {}
    for sheet in workbook.worksheets:
        # ws._cells holds only the cells the file has; iter_rows() would create
        # every cell of the used rectangle.
        cells = sheet._cells
        if len(cells) > MAX_CELLS:
            raise WorkbookError(
                _("sheet {title!r} holds more than {max_cells} cells").format(
                    title=sheet.title, max_cells=MAX_CELLS
                )
            )
        grid = Grid(sheet.title)
        for (row, column), cell in cells.items():
            value = cell.value
            if value is None:
                continue
            if _is_formula(cell):
                formulas[(sheet.title, row, column)] = _formula_text(value)
                continue
            if cell.data_type == "e":
                problems.append(
                    CellProblem(
                        grid.place(row, column),
                        _("the cell holds an error ({value})").format(value=value),
                    )
                )
                continue
            grid.set(row, column, value)
        grids.append(grid)
    if formulas:
        _formula_results(path, grids, formulas, problems)
    by_name = {grid.name: grid for grid in grids}
    for sheet in workbook.worksheets:
        _fill_merged(sheet, by_name[sheet.title])
    return grids, problems


def _formula_results(
    path: Path,
    grids: list[Grid],
    formulas: dict[tuple[str, int, int], str],
    problems: list[CellProblem],
) -> None:
    """Put the saved result of each formula in its cell, or say why there is none."""
    saved = _open(path, data_only=True)
    by_name = {grid.name: grid for grid in grids}
    for (name, row, column), formula in formulas.items():
        cell = saved[name]._cells.get((row, column))
        value = None if cell is None else cell.value
        place = Place(name, row, column)
        if cell is not None and cell.data_type == "e":
            problems.append(
                CellProblem(
                    place,
                    _("the formula {formula} gives an error ({value})").format(
                        formula=formula, value=value
                    ),
                )
            )
        elif value is None and (cell is None or cell.data_type != "s"):
            problems.append(
                CellProblem(
                    place,
                    _(
                        "the formula {formula} has no saved result: open the file in "
                        "Excel or LibreOffice and save it again, or type the value "
                        "instead"
                    ).format(formula=formula),
                )
            )
        elif value is not None:
            by_name[name].set(row, column, value)


def _fill_merged(sheet: Any, grid: Grid) -> None:
    for merged in sheet.merged_cells.ranges:
        top = grid.value(merged.min_row, merged.min_col)
        if top is None:
            continue
        rows = range(merged.min_row, merged.max_row + 1)
        columns = range(merged.min_col, merged.max_col + 1)
        if len(rows) * len(columns) + grid.size > 2 * MAX_CELLS:
            raise WorkbookError(
                _("sheet {title!r}: merged range {coord} is too large").format(
                    title=sheet.title, coord=merged.coord
                )
            )
        for row in rows:
            for column in columns:
                grid.set(row, column, top)
