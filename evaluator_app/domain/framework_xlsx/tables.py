"""Tables of the Groups and Indicators sheets: a heading row, then one row per item.

Columns are found by their headings, so they may be in any order; rows before
the heading row (a title, a note) and empty rows are skipped.  A heading that
is not a known column is a problem (a misspelt optional column would otherwise
be dropped without a word), and so is anything typed in a column without a
heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from evaluator_app.domain.framework_xlsx.cells import CellProblem, Grid, Place
from evaluator_app.domain.framework_xlsx.layout import Column, fold, level_key
from evaluator_app.domain.framework_xlsx.values import CellValue, CellValueError, text
from evaluator_app.i18n import _

HEADING_SEARCH_ROWS = 20


@dataclass
class Row:
    number: int
    cells: dict[str, CellValue]  # by column key; only the non-empty ones

    def __contains__(self, key: str) -> bool:
        return key in self.cells


@dataclass
class Table:
    grid: Grid
    heading_row: int
    columns: dict[str, int]  # column key -> column number
    rows: list[Row] = field(default_factory=list)

    def place(self, row: int, key: str) -> Place:
        """The cell of ``key`` in ``row`` (the first free column if there is no such column)."""
        return self.grid.place(row, self.columns.get(key, self.free_column))

    def heading(self, key: str) -> Place:
        return self.place(self.heading_row, key)

    @property
    def free_column(self) -> int:
        return max(self.columns.values(), default=0) + 1

    def level_values(self) -> set[int]:
        return {int(key.split(".")[1]) for key in self.columns if key.startswith("levels.")}


def _names(columns: Sequence[Column]) -> dict[str, str]:
    return {name: column.key for column in columns for name in column.names()}


def read_table(
    grid: Grid,
    columns: Sequence[Column],
    problems: list[CellProblem],
    required: Sequence[str] = (),
) -> Table | None:
    """The table on ``grid``; None (and a problem) when it has no heading row."""
    names = _names(columns)
    code_names = columns[0].names()
    content = grid.rows()
    heading_row = next(
        (
            row
            for row in content[:HEADING_SEARCH_ROWS]
            if any(
                isinstance(v, str) and fold(v) in code_names for v in grid.row_values(row).values()
            )
        ),
        None,
    )
    if heading_row is None:
        problems.append(
            CellProblem(
                grid.place(1, 1),
                _(
                    "no heading row with a '{heading}' column: keep the "
                    "template's headings in the first row"
                ).format(heading=columns[0].heading),
            )
        )
        return None
    table = Table(grid, heading_row, {})
    for column, value in grid.row_values(heading_row).items():
        heading = heading_text(value)
        key = names.get(fold(heading)) or level_key(heading)
        place = grid.place(heading_row, column)
        if key is None:
            problems.append(
                CellProblem(
                    place,
                    _(
                        "unknown column {heading!r}: use the headings of the template"
                        " (see its first sheet) or delete the column"
                    ).format(heading=heading),
                )
            )
        elif key in table.columns:
            first = grid.place(heading_row, table.columns[key]).ref
            problems.append(
                CellProblem(
                    place,
                    _("a second {heading!r} column (first at {first})").format(
                        heading=heading, first=first
                    ),
                )
            )
        else:
            table.columns[key] = column
    for key in required:
        if key not in table.columns:
            heading = next(c.heading for c in columns if c.key == key)
            problems.append(
                CellProblem(
                    table.heading(key),
                    _("the column '{heading}' is missing: add it").format(heading=heading),
                )
            )
    keys = {number: key for key, number in table.columns.items()}
    headless: set[int] = set()
    for row in content:
        if row <= heading_row:
            continue
        cells: dict[str, CellValue] = {}
        for column, value in grid.row_values(row).items():
            key = keys.get(column)
            if key is not None:
                cells[key] = value
            elif column not in headless and not _unknown_heading(grid, heading_row, column):
                headless.add(column)
                problems.append(
                    CellProblem(
                        grid.place(row, column),
                        _(
                            "this column has no heading, so what it holds would be lost: "
                            "give it a heading from the template or clear it"
                        ),
                    )
                )
        if cells:
            table.rows.append(Row(row, cells))
    return table


def _unknown_heading(grid: Grid, heading_row: int, column: int) -> bool:
    # Under an unknown heading the heading itself is reported, once.
    return grid.value(heading_row, column) is not None


def heading_text(value: CellValue) -> str:
    try:
        return text(value) or ""
    except CellValueError:
        return str(value)


def cell_text(table: Table, row: Row, key: str, problems: list[CellProblem]) -> str | None:
    """The text of ``key`` in ``row``, or None (a problem if the cell cannot be read)."""
    try:
        return text(row.cells.get(key))
    except CellValueError as error:
        problems.append(CellProblem(table.place(row.number, key), str(error)))
        return None
