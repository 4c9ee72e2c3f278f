"""The Framework sheet: a table of fields (ID, version, title…), the level scale
and the predicate bands, one after the other.

Each table starts at its heading row, recognised by the heading in column A
(``Isian / Field``, ``Level``, ``Indeks minimum / Minimum index``); rows above
the first heading are read as fields.  Empty rows anywhere are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from evaluator_app.domain.framework_xlsx import values
from evaluator_app.domain.framework_xlsx.cells import CellProblem, Grid, Place
from evaluator_app.domain.framework_xlsx.layout import (
    FIELD_HEADINGS,
    FIELDS,
    PREDICATE_COLUMNS,
    SCALE_COLUMNS,
    Column,
    fold,
)
from evaluator_app.domain.framework_xlsx.tables import heading_text
from evaluator_app.domain.framework_xlsx.values import CellValue, CellValueError
from evaluator_app.i18n import N_, _

MISSING = "?"  # stands in for a value already reported missing, so it is not reported twice
T = TypeVar("T")


@dataclass
class FrameworkSheet:
    data: dict[str, Any] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)  # tree path -> cell
    scale: list[int] = field(default_factory=list)  # the levels read, in order
    scale_ok: bool = False  # no level was refused (else level columns are not checked)


class _Reader:
    def __init__(self, grid: Grid, problems: list[CellProblem]) -> None:
        self.grid = grid
        self.problems = problems
        self.sheet = FrameworkSheet()
        self.fields: dict[str, int] = {}  # field key -> row
        self.scale_rows: list[dict[str, Any]] = []
        self.band_rows: list[dict[str, Any]] = []
        self.last_field_row = 0

    def problem(self, row: int, column: int, message: str) -> None:
        self.problems.append(CellProblem(self.grid.place(row, column), message))

    def convert(
        self, row: int, column: int, value: CellValue, how: Callable[[CellValue], T]
    ) -> T | None:
        try:
            return how(value)
        except CellValueError as error:
            self.problem(row, column, str(error))
            return None

    # --- rows -----------------------------------------------------------------

    def read(self) -> FrameworkSheet:
        section = "fields"
        columns: dict[str, int] = {}
        headings = {
            "fields": FIELD_HEADINGS[0].names(),
            "scale": SCALE_COLUMNS[0].names(),
            "predicates": PREDICATE_COLUMNS[0].names(),
        }
        for row in self.grid.rows():
            cells = self.grid.row_values(row)
            label = fold(heading_text(cells.get(1)))
            found = next((name for name, names in headings.items() if label in names), None)
            if found is not None:
                section = found
                columns = self.heading(row, cells, found)
            elif section == "fields":
                self.field_row(row, cells)
            elif section == "scale":
                self.scale_rows.append(self.table_row(row, cells, columns, "scale"))
            else:
                self.band_rows.append(self.table_row(row, cells, columns, "predicates"))
            if found == "scale":
                self.sheet.places.setdefault("scale", self.grid.place(row, 1))
            if found == "predicates":
                self.sheet.places.setdefault("predicates", self.grid.place(row, 1))
        self.finish_fields()
        self.finish_scale()
        self.finish_bands()
        return self.sheet

    def heading(self, row: int, cells: dict[int, CellValue], section: str) -> dict[str, int]:
        known: Sequence[Column] = {
            "fields": FIELD_HEADINGS,
            "scale": SCALE_COLUMNS,
            "predicates": PREDICATE_COLUMNS,
        }[section]
        names = {name: column.key for column in known for name in column.names()}
        columns: dict[str, int] = {}
        for number, value in cells.items():
            key = names.get(fold(heading_text(value)))
            if key is None:
                self.problem(
                    row,
                    number,
                    _("unknown column {heading_text!r}").format(heading_text=heading_text(value)),
                )
            else:
                columns[key] = number
        if section != "fields":
            for wanted in known[:2]:
                if wanted.key not in columns:
                    self.problem(
                        row,
                        max(cells) + 1,
                        _("the table has no column '{heading}': add it to this row").format(
                            heading=wanted.heading
                        ),
                    )
        return columns

    def field_row(self, row: int, cells: dict[int, CellValue]) -> None:
        label = heading_text(cells.get(1))
        spec = next((f for f in FIELDS if fold(label) in f.names()), None)
        if spec is None:
            names = ", ".join(f"'{f.heading}'" for f in FIELDS)
            self.problem(
                row,
                1,
                _("unknown field {label!r}: the fields are {names}").format(
                    label=label, names=names
                ),
            )
            return
        if spec.key in self.fields:
            self.problem(
                row,
                1,
                _("{english} is given twice (first in row {first})").format(
                    english=spec.english, first=self.fields[spec.key]
                ),
            )
            return
        self.fields[spec.key] = row
        self.last_field_row = max(self.last_field_row, row)
        for column in cells:
            if column > 3 or (column == 3 and not spec.bilingual):
                message = (
                    _("{field} has no English in this column: leave it empty")
                    if column == 3
                    else _("{field} has nothing in this column: leave it empty")
                )
                self.problem(row, column, message.format(field=spec.english))
        value, english = cells.get(2), cells.get(3) if spec.bilingual else None
        here = self.grid.place(row, 2)
        places = self.sheet.places
        places[spec.key] = here
        if spec.key == "illustrative":
            flag = self.convert(row, 2, value, values.boolean)
            if flag is not None:
                self.sheet.data["illustrative"] = flag
            return
        if spec.bilingual:
            places[f"{spec.key}.id"] = here
            places[f"{spec.key}.en"] = self.grid.place(row, 3)
            local = self.local_text(
                row, (2, 3), (value, english), spec.english, spec.key == "title"
            )
            if local is not None:
                self.sheet.data[spec.key] = local
            return
        single = self.convert(row, 2, value, values.text)
        if single is not None:
            self.sheet.data[spec.key] = single
        elif value is None:
            self.problem(row, 2, _("{field} is empty").format(field=spec.english))
            self.sheet.data[spec.key] = MISSING

    def local_text(
        self,
        row: int,
        columns: tuple[int, int],
        cells: tuple[CellValue, CellValue],
        what: str,
        required: bool,
    ) -> dict[str, str] | None:
        """A text in both languages from two cells (Indonesian, English)."""
        column, en_column = columns
        id_text = self.convert(row, column, cells[0], values.text)
        en_text = self.convert(row, en_column, cells[1], values.text)
        if id_text is None:
            if required or en_text is not None:
                message = (
                    _("{what} (ID) is empty")
                    if required
                    else _("{what} (ID) is empty while the English one is not")
                ).format(what=what)
                self.problem(row, column, message)
                return {"id": MISSING}
            return None
        return {"id": id_text, **({"en": en_text} if en_text is not None else {})}

    def table_row(
        self, row: int, cells: dict[int, CellValue], columns: dict[str, int], section: str
    ) -> dict[str, Any]:
        known = {number: key for key, number in columns.items()}
        for column in cells:
            if column not in known:
                self.problem(row, column, _("this column has no heading: clear the cell"))
        return {"row": row, "columns": columns} | {k: cells.get(n) for k, n in columns.items()}

    # --- the parts ------------------------------------------------------------

    def finish_fields(self) -> None:
        for spec in FIELDS:
            if spec.key not in self.fields and spec.key in ("id", "version", "title"):
                self.problem(
                    self.last_field_row + 1,
                    1,
                    _("the row '{heading}' is missing").format(heading=spec.heading),
                )
                self.sheet.data[spec.key] = {"id": MISSING} if spec.bilingual else MISSING

    def finish_scale(self) -> None:
        if "scale" not in self.sheet.places:
            self.problem(
                self.last_field_row + 2,
                1,
                "no level scale: add the table headed "
                + " | ".join(c.heading for c in SCALE_COLUMNS),
            )
            return
        seen: dict[int, int] = {}
        scale: list[dict[str, Any]] = []
        broken = False
        for item in self.scale_rows:
            row = item["row"]
            value = self.convert(row, 1, item.get("value"), values.integer)
            if value is None:
                if item.get("value") is None:
                    self.problem(row, 1, _("the level is empty: give its number, e.g. 1"))
                broken = True
                continue
            if value in seen:
                self.problem(
                    row,
                    1,
                    _("level {value} is listed twice (first in row {seen})").format(
                        value=value, seen=seen[value]
                    ),
                )
                broken = True
                continue
            seen[value] = row
            level = self.named(item, N_("level name"), {"value": value}, f"scale[{len(scale)}]")
            scale.append(level)
        self.sheet.data["scale"] = scale
        self.sheet.scale = [level["value"] for level in scale]
        self.sheet.scale_ok = not broken and len(scale) >= 2

    def finish_bands(self) -> None:
        seen: dict[Any, int] = {}
        bands: list[dict[str, Any]] = []
        for item in self.band_rows:
            row = item["row"]
            low = self.convert(row, 1, item.get("min"), values.number)
            if low is None:
                if item.get("min") is None:
                    self.problem(row, 1, _("the minimum index is empty, e.g. 2.6"))
                continue
            if low in seen:
                self.problem(
                    row,
                    1,
                    _("another band starts at {low} (row {seen})").format(low=low, seen=seen[low]),
                )
                continue
            seen[low] = row
            bands.append(
                self.named(item, N_("predicate"), {"min": low}, f"predicates[{len(bands)}]")
            )
        self.sheet.data["predicates"] = bands

    def named(self, item: dict[str, Any], what: str, data: dict[str, Any], path: str) -> Any:
        """A scale level or band with its name (and description) from ``item``'s cells."""
        row = item["row"]
        places = self.sheet.places
        places[path] = self.grid.place(row, 1)
        places[f"{path}.value"] = places[f"{path}.min"] = places[path]
        for key in ("name", "description"):
            if f"{key}.id" not in item:
                if key == "name":
                    data[key] = {"id": MISSING}
                continue
            columns = item["columns"]
            column = columns[f"{key}.id"]
            en_column = columns.get(f"{key}.en", max(columns.values()) + 1)
            places[f"{path}.{key}"] = places[f"{path}.{key}.id"] = self.grid.place(row, column)
            local = self.local_text(
                row,
                (column, en_column),
                (item[f"{key}.id"], item.get(f"{key}.en")),
                _("the {what}").format(what=_(what)),
                key == "name",
            )
            if local is not None:
                data[key] = local
        return data


def read_framework_sheet(grid: Grid, problems: list[CellProblem]) -> FrameworkSheet:
    return _Reader(grid, problems).read()
