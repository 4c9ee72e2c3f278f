"""Reading a framework spreadsheet: every problem at its cell, all at once.

The sheets are read into the same data a YAML file gives, remembering the cell
of every place in the tree; the framework's own validation then runs on it
(``framework_from_data``), and each problem it finds is put back at its cell.
Problems the spreadsheet itself causes (an empty criterion, an unknown parent,
a formula without a result) are found while reading, so everything wrong is
reported in one go, sorted by sheet, row and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evaluator_app.domain.framework import Framework, FrameworkError, Problem, framework_from_data
from evaluator_app.domain.framework_xlsx.cells import (
    CellProblem,
    Grid,
    Place,
    WorkbookError,
    read_grids,
)
from evaluator_app.domain.framework_xlsx.framework_sheet import read_framework_sheet
from evaluator_app.domain.framework_xlsx.layout import SHEET_NAMES, fold
from evaluator_app.domain.framework_xlsx.tree_sheets import (
    EMPTY,
    Item,
    build_tree,
    read_groups,
    read_indicators,
)
from evaluator_app.i18n import _


def _sheets(grids: list[Grid]) -> tuple[dict[str, Grid], list[str]]:
    found: dict[str, Grid] = {}
    for kind, names in SHEET_NAMES.items():
        for grid in grids:
            if fold(grid.name) in names:
                found[kind] = grid
                break
    missing = [kind for kind in SHEET_NAMES if kind not in found]
    return found, missing


def _tree_data(
    items: list[Item], path: str, places: dict[str, Place], kind: str
) -> list[dict[str, Any]]:
    """The items as framework data; ``places`` learns the cell of every path."""
    out = []
    for n, item in enumerate(items):
        here = f"{path}[{n}]" if path else f"{kind}[{n}]"
        for key, place in item.places.items():
            places[f"{here}.{key}" if key else here] = place
        data = dict(item.data)
        if item.kind == "group":
            data["groups"] = _tree_data(item.groups, f"{here}.groups", places, "groups")
            data["indicators"] = _tree_data(
                item.indicators, f"{here}.indicators", places, "indicators"
            )
        out.append(data)
    return out


def _nearest(places: dict[str, Place], where: str) -> tuple[Place | None, bool]:
    """The cell of ``where`` or of the nearest enclosing place; True if exact."""
    exact = True
    while where:
        if where in places:
            return places[where], exact
        exact = False
        cut = max(where.rfind("."), where.rfind("["))
        where = where[:cut] if cut > 0 else ""
    return None, False


def _located(error: FrameworkError, places: dict[str, Place], fallback: Place) -> list[CellProblem]:
    out = []
    for problem in error.problems:
        place, exact = _nearest(places, problem.where)
        message = problem.message
        if not exact and problem.where:
            message = f"{problem.where}: {message}"  # the cell's row, and the part within it
        out.append(CellProblem(place or fallback, message))
    return out


def _order(sheet_order: list[str]) -> Any:
    def key(problem: CellProblem) -> tuple[int, int, int, str]:
        place = problem.place
        rank = sheet_order.index(place.sheet) if place.sheet in sheet_order else len(sheet_order)
        return rank, place.row, place.column, problem.message

    return key


def read_framework_xlsx(path: Path) -> Framework:
    """Read and validate a framework spreadsheet, or raise FrameworkError listing
    every problem as ``Sheet!A1: message``."""
    source = str(path)
    try:
        grids, problems = read_grids(path)
    except WorkbookError as error:
        raise FrameworkError(source, [Problem("", str(error))]) from None
    sheets, missing = _sheets(grids)
    if missing:
        names = ", ".join(repr(kind) for kind in missing)
        raise FrameworkError(
            source,
            [
                Problem(
                    "",
                    _("the workbook has no sheet {names}: start from the template").format(
                        names=names
                    ),
                )
            ],
        )
    framework_sheet = read_framework_sheet(sheets["Framework"], problems)
    groups_table, groups = read_groups(sheets["Groups"], problems)
    _table, indicators = read_indicators(
        sheets["Indicators"], problems, framework_sheet.scale, framework_sheet.scale_ok
    )
    dimensions = build_tree(groups, indicators, problems)

    places = dict(framework_sheet.places)
    data = dict(framework_sheet.data)
    data["dimensions"] = _tree_data(dimensions, "", places, "dimensions")
    groups_heading = sheets["Groups"].place(groups_table.heading_row if groups_table else 1, 1)
    places["dimensions"] = groups_heading
    fallback = sheets["Framework"].place(1, 1)
    framework: Framework | None = None
    try:
        framework = framework_from_data(data, source)
    except FrameworkError as error:
        tree_sheets = {sheets["Groups"].name, sheets["Indicators"].name}
        if any(p.place.sheet in tree_sheets for p in problems):
            # A row that could not be placed may belong in a group that looks empty:
            # empty groups are told once the rows of those sheets are right.
            error.problems[:] = [p for p in error.problems if not p.message.endswith(EMPTY)]
        reported = {p.place for p in problems}
        # A problem found while reading already speaks for its cell.
        problems += [p for p in _located(error, places, fallback) if p.place not in reported]
    if problems or framework is None:
        order = [sheets[kind].name for kind in SHEET_NAMES]
        problems.sort(key=_order(order))
        raise FrameworkError(source, [Problem(p.place.ref, p.message) for p in problems])
    return framework
