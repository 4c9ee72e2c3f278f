"""The Groups and Indicators sheets: rows read into items, items into the tree.

A group row names its parent (empty for a dimension); an indicator row names
its group.  Siblings keep the order of their rows.  Codes are matched without
regard to case, as the framework's validation compares them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from evaluator_app.domain.framework import CODE_PATTERN, bad_code
from evaluator_app.domain.framework_xlsx import values
from evaluator_app.domain.framework_xlsx.cells import CellProblem, Grid, Place
from evaluator_app.domain.framework_xlsx.framework_sheet import MISSING
from evaluator_app.domain.framework_xlsx.layout import (
    AGGREGATIONS,
    GROUP_COLUMNS,
    INDICATOR_COLUMNS,
    NO_ENGLISH,
    TIERS,
)
from evaluator_app.domain.framework_xlsx.tables import Row, Table, read_table
from evaluator_app.domain.framework_xlsx.values import CellValue, CellValueError
from evaluator_app.i18n import _

MAX_DEPTH = 40
EMPTY = "has no groups or indicators"  # the framework validation's word for an empty group
T = TypeVar("T")


@dataclass(eq=False)
class Item:
    """A group or an indicator: its data for validation and the cell of each field."""

    kind: str  # group | indicator
    row: int
    code: str
    owner: str | None  # parent group's code (folded); None for a dimension
    owner_place: Place
    data: dict[str, Any]
    places: dict[str, Place]  # field path within the item -> cell
    groups: list[Item] = field(default_factory=list)
    indicators: list[Item] = field(default_factory=list)


class SheetReader:
    """Reads one table's rows into items, collecting every problem."""

    def __init__(self, table: Table, problems: list[CellProblem]) -> None:
        self.table = table
        self.problems = problems

    def problem(self, row: Row, key: str, message: str) -> None:
        self.problems.append(CellProblem(self.table.place(row.number, key), message))

    def convert(self, row: Row, key: str, how: Callable[[CellValue], T]) -> T | None:
        try:
            return how(row.cells.get(key))
        except CellValueError as error:
            self.problem(row, key, str(error))
            return None

    def text(self, row: Row, key: str) -> str | None:
        return self.convert(row, key, values.text)

    def local(self, row: Row, key: str, what: str, required: bool) -> dict[str, str] | None:
        indonesian, english = self.text(row, f"{key}.id"), self.text(row, f"{key}.en")
        if indonesian is not None:
            return {"id": indonesian} | ({"en": english} if english is not None else {})
        if f"{key}.id" not in self.table.columns:  # a missing column is reported once
            return {"id": MISSING} if required else None
        if required or english is not None:
            message = (
                _("{what} (ID) is empty")
                if required
                else _("{what} (ID) is empty while the English one is not")
            )
            self.problem(row, f"{key}.id", message.format(what=what))
            return {"id": MISSING}
        return None

    def texts(self, row: Row, key: str, what: str) -> list[dict[str, str]]:
        """A list, one item per line; the English column has a line for each item."""
        try:
            indonesian = values.lines(row.cells.get(f"{key}.id"))
        except CellValueError as error:
            self.problem(row, f"{key}.id", str(error))
            return []
        english = self.convert(row, f"{key}.en", values.lines) or []
        if english and len(english) != len(indonesian):
            self.problem(
                row,
                f"{key}.en",
                _(
                    "the English {what} have {count} line(s), the Indonesian ones"
                    " {indonesian}: write one English line for each Indonesian "
                    "line ('{no_english}' for a line without English)"
                ).format(
                    what=what, count=len(english), indonesian=len(indonesian), no_english=NO_ENGLISH
                ),
            )
            english = []
        return [
            {"id": text} | ({"en": en} if english and (en := english[n]) != NO_ENGLISH else {})
            for n, text in enumerate(indonesian)
        ]

    def weight(self, row: Row, data: dict[str, Any]) -> None:
        weight = self.convert(row, "weight", values.number)
        if weight is None:
            return
        if weight <= 0:
            self.problem(
                row,
                "weight",
                _("the weight must be greater than 0, not {weight}").format(weight=weight),
            )
        elif weight > 10**6 or weight != weight.quantize(Decimal("0.000001")):
            self.problem(
                row,
                "weight",
                _(
                    "the weight {weight} has more than 6 decimals or is above a "
                    "million: weights are relative, so 1, 1, 1 weigh the same as "
                    "1/3 each"
                ).format(weight=weight),
            )
        else:
            data["weight"] = weight

    def item(self, row: Row, kind: str, owner_key: str) -> Item | None:
        code = self.text(row, "code")
        if code is None:
            if "code" in row or "code" not in self.table.columns:  # reported already
                return None
            self.problem(
                row, "code", _("the code is empty: every {kind} needs one").format(kind=kind)
            )
            return None
        if not re.fullmatch(CODE_PATTERN, code):
            # Checked here too: a row that never reaches the tree is still read.
            self.problem(row, "code", bad_code(code))
        title = self.local(row, "title", _("the title"), required=True)
        data: dict[str, Any] = {"code": code, "title": title}
        description = self.local(row, "description", _("the description"), required=False)
        if description is not None:
            data["description"] = description
        self.weight(row, data)
        owner = self.text(row, owner_key)
        places = {
            key: self.table.place(row.number, column)
            for key, column in (
                ("", "code"),
                ("code", "code"),
                ("title", "title.id"),
                ("title.id", "title.id"),
                ("title.en", "title.en"),
                ("description", "description.id"),
                ("weight", "weight"),
            )
        }
        owner_place = self.table.place(row.number, owner_key)
        return Item(kind, row.number, code, owner, owner_place, data, places)


def read_groups(grid: Grid, problems: list[CellProblem]) -> tuple[Table | None, list[Item]]:
    table = read_table(grid, GROUP_COLUMNS, problems, required=("code", "title.id"))
    if table is None:
        return None, []
    reader = SheetReader(table, problems)
    items = []
    for row in table.rows:
        item = reader.item(row, "group", "parent")
        if item is None:
            continue
        aggregation = reader.convert(row, "aggregation", lambda v: values.choice(v, AGGREGATIONS))
        if aggregation is not None:
            item.data["aggregation"] = aggregation
        item.places["aggregation"] = table.place(row.number, "aggregation")
        items.append(item)
    return table, items


def read_indicators(
    grid: Grid, problems: list[CellProblem], scale: list[int], scale_ok: bool
) -> tuple[Table | None, list[Item]]:
    table = read_table(grid, INDICATOR_COLUMNS, problems, required=("code", "group", "title.id"))
    if table is None:
        return None, []
    reader = SheetReader(table, problems)
    if scale_ok:  # a broken scale is reported on the Framework sheet
        _check_level_columns(table, scale, problems)
    items = []
    for row in table.rows:
        item = reader.item(row, "indicator", "group")
        if item is None:
            continue
        if item.owner is None and "group" not in row:
            reader.problem(row, "group", _("the group is empty: give the code of its group"))
        tier = reader.convert(row, "tier", lambda v: values.choice(v, TIERS))
        if tier is not None:
            item.data["tier"] = tier
        item.places["tier"] = table.place(row.number, "tier")
        for key, what in (
            ("guiding_questions", _("questions")),
            ("expected_evidence", _("documents")),
        ):
            item.data[key] = reader.texts(row, key, what)
            item.places[key] = table.place(row.number, f"{key}.id")
        levels: dict[int, Any] = {}
        for value in scale:
            key = f"levels.{value}"
            item.places[f"levels[{value}]"] = table.place(row.number, f"{key}.id")
            if f"{key}.id" not in table.columns:
                levels[value] = MISSING  # the missing column is reported once
                continue
            levels[value] = reader.local(
                row, key, _("level {value} criteria").format(value=value), required=True
            )
        item.data["levels"] = levels
        item.places["levels"] = item.places[""]
        items.append(item)
    return table, items


def _check_level_columns(table: Table, scale: list[int], problems: list[CellProblem]) -> None:
    """A column for every level of the scale; criteria only for levels of the scale."""
    for value in scale:
        if f"levels.{value}.id" not in table.columns:
            problems.append(
                CellProblem(
                    table.heading(f"levels.{value}.id"),
                    _(
                        "no column 'Level {value} (ID)' for level {value} of the scale: add it"
                    ).format(value=value),
                )
            )
    shown = ", ".join(str(v) for v in scale)
    for key, column in sorted(table.columns.items(), key=lambda kv: kv[1]):
        if not key.startswith("levels."):
            continue
        value = int(key.split(".")[1])
        used = sum(1 for row in table.rows if key in row)
        if value not in scale and used:
            problems.append(
                CellProblem(
                    table.grid.place(table.heading_row, column),
                    _(
                        "level {value} is not on the scale ({shown}), yet {used} "
                        "indicator(s) have criteria in this column: clear them, or "
                        "add level {value} to the scale on the Framework sheet"
                    ).format(value=value, shown=shown, used=used),
                )
            )


def build_tree(
    groups: list[Item], indicators: list[Item], problems: list[CellProblem]
) -> list[Item]:
    """The dimensions, each group and indicator under its owner, in row order."""
    known: dict[str, Item] = {}
    for item in [*groups, *indicators]:
        first = known.get(item.code.casefold())
        if first is not None:
            problems.append(
                CellProblem(
                    item.places["code"],
                    _("the code {code!r} is already used at {ref}").format(
                        code=item.code, ref=first.places["code"].ref
                    ),
                )
            )
            item.owner = "\0"  # out of the tree
        else:
            known[item.code.casefold()] = item
    dimensions: list[Item] = []
    for item in [*groups, *indicators]:
        if item.owner == "\0":
            continue
        if item.owner is None:
            if item.kind == "group":
                dimensions.append(item)
            continue
        owner = known.get(item.owner.casefold())
        if owner is None:
            where = "parent" if item.kind == "group" else "group"
            problems.append(
                CellProblem(
                    item.owner_place,
                    _("{where} {owner!r} is not a code on the Groups sheet").format(
                        where=where, owner=item.owner
                    ),
                )
            )
        elif owner.kind == "indicator":
            problems.append(
                CellProblem(
                    item.owner_place,
                    _("{owner!r} is an indicator, not a group").format(owner=item.owner),
                )
            )
        elif owner is item:
            problems.append(CellProblem(item.owner_place, _("a group cannot be its own parent")))
        else:
            (owner.groups if item.kind == "group" else owner.indicators).append(item)
    _check_reachable(groups, dimensions, known, problems)
    return dimensions


def _check_reachable(
    groups: list[Item], dimensions: list[Item], known: dict[str, Item], problems: list[CellProblem]
) -> None:
    """Groups that sit inside each other in a circle never reach a dimension; say so
    once per circle.  Absurd nesting is refused too."""
    reached: set[int] = set()

    def visit(item: Item, depth: int) -> None:
        reached.add(id(item))
        if depth > MAX_DEPTH:
            problems.append(
                CellProblem(
                    item.owner_place,
                    _("groups are nested more than {max_depth} deep").format(max_depth=MAX_DEPTH),
                )
            )
            return
        for child in item.groups:
            visit(child, depth + 1)

    for dimension in dimensions:
        visit(dimension, 1)
    reported: set[int] = set()
    for item in groups:
        if id(item) in reached or id(item) in reported or item.owner in (None, "\0"):
            continue
        chain: list[Item] = []
        current: Item | None = item
        while current is not None and current not in chain and current.owner not in (None, "\0"):
            chain.append(current)
            current = known.get((current.owner or "").casefold())
        if current is None or current not in chain:
            continue  # hangs under a circle reported on its own, or an unknown parent
        circle = chain[chain.index(current) :]
        if any(id(c) in reported for c in circle):
            continue
        reported.update(id(c) for c in circle)
        first = min(circle, key=lambda c: c.row)
        path = " → ".join(c.code for c in [*circle, circle[0]])
        problems.append(
            CellProblem(
                first.owner_place,
                _(
                    "groups sit inside each other in a circle ({path}): one of "
                    "them needs another parent, or none"
                ).format(path=path),
            )
        )
