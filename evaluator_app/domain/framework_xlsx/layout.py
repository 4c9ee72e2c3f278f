"""The spreadsheet layout of a framework: sheets, their columns and headings.

One description serves the reader and the writer, so a file written by the
exporter (and the template) always reads back.  Headings are written as
"Indonesian / English"; either half alone, or both, is accepted when reading,
without regard to case or spacing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUFFIXES = (".xlsx", ".xlsm")  # what openpyxl reads: workbooks, with or without macros

SHEET_INSTRUCTIONS = "Petunjuk - Instructions"
SHEET_FRAMEWORK = "Framework"
SHEET_GROUPS = "Groups"
SHEET_INDICATORS = "Indicators"

# Sheet names accepted on reading (folded); the first sheet of each kind found counts.
SHEET_NAMES = {
    SHEET_FRAMEWORK: ("framework", "kerangka"),
    SHEET_GROUPS: ("groups", "kelompok"),
    SHEET_INDICATORS: ("indicators", "indikator"),
}

# A list cell in the English column: this line has no English text.
NO_ENGLISH = "-"


def fold(text: str) -> str:
    """A heading or keyword as compared: spaces collapsed, case ignored."""
    return " ".join(text.replace("\xa0", " ").split()).casefold()


@dataclass(frozen=True)
class Column:
    """A column of the Groups or Indicators sheet, or of a Framework table.

    ``key`` says where the value goes: ``code``, ``title.id``, ``levels.3.en``…
    """

    key: str
    indonesian: str
    english: str
    width: int = 14
    as_text: bool = False  # formatted as Text so that 1.10 stays 1.10
    note_id: str = ""
    note_en: str = ""

    @property
    def heading(self) -> str:
        if self.indonesian == self.english:
            return self.english
        return f"{self.indonesian} / {self.english}"

    def names(self) -> set[str]:
        return {fold(self.heading), fold(self.indonesian), fold(self.english)}


def _texts(
    key: str, indonesian: str, english: str, width: int, note_id: str, note_en: str
) -> tuple[Column, Column]:
    return (
        Column(
            f"{key}.id",
            f"{indonesian} (ID)",
            f"{english} (ID)",
            width,
            note_id=note_id,
            note_en=note_en,
        ),
        Column(
            f"{key}.en",
            f"{indonesian} (EN)",
            f"{english} (EN)",
            width,
            note_id="Terjemahan bahasa Inggris (boleh kosong).",
            note_en="English translation (may be left empty).",
        ),
    )


CODE = Column(
    "code",
    "Kode",
    "Code",
    12,
    as_text=True,
    note_id="Huruf, angka, '.', '_' atau '-'; unik di seluruh berkas (huruf besar/kecil sama).",
    note_en="Letters, digits, '.', '_' or '-'; unique in the whole file (case ignored).",
)
WEIGHT = Column(
    "weight",
    "Bobot",
    "Weight",
    9,
    note_id="Angka > 0; kosong = 1. Bobot relatif: 10/20/30 sama dengan 0,1/0,2/0,3.",
    note_en="A number > 0; empty = 1. Relative: 10/20/30 weigh as 0.1/0.2/0.3.",
)

GROUP_COLUMNS: tuple[Column, ...] = (
    CODE,
    Column(
        "parent",
        "Induk",
        "Parent",
        12,
        as_text=True,
        note_id="Kosong untuk dimensi; kode kelompok induk untuk subdimensi/elemen.",
        note_en="Empty for a dimension; the parent group's code for a sub-group.",
    ),
    *_texts("title", "Judul", "Title", 30, "Nama kelompok. Wajib.", "The group's name. Required."),
    *_texts("description", "Deskripsi", "Description", 40, "Boleh kosong.", "Optional."),
    WEIGHT,
    Column(
        "aggregation",
        "Agregasi",
        "Aggregation",
        13,
        note_id="children (kosong): rata-rata tertimbang anak-anaknya; indicators: rata-rata "
        "semua indikator di bawahnya.",
        note_en="children (empty): weighted mean of its children; indicators: mean of every "
        "indicator beneath it.",
    ),
)

INDICATOR_COLUMNS: tuple[Column, ...] = (
    CODE,
    Column(
        "group",
        "Kelompok",
        "Group",
        12,
        as_text=True,
        note_id="Kode kelompok (sheet Groups) tempat indikator ini berada. Wajib.",
        note_en="The code of its group (Groups sheet). Required.",
    ),
    *_texts("title", "Judul", "Title", 30, "Wajib.", "Required."),
    *_texts("description", "Deskripsi", "Description", 36, "Boleh kosong.", "Optional."),
    Column(
        "tier",
        "Tahap",
        "Tier",
        11,
        note_id="Boleh kosong: baseline, output, outcome, impact atau quick_win.",
        note_en="Optional: baseline, output, outcome, impact or quick_win.",
    ),
    WEIGHT,
    *_texts(
        "guiding_questions",
        "Pertanyaan panduan",
        "Guiding questions",
        36,
        "Satu pertanyaan per baris dalam sel (Alt+Enter di Excel, Ctrl+Enter di LibreOffice).",
        "One question per line in the cell (Alt+Enter in Excel, Ctrl+Enter in LibreOffice).",
    ),
    *_texts(
        "expected_evidence",
        "Bukti dukung",
        "Expected evidence",
        32,
        "Satu dokumen per baris dalam sel.",
        "One document per line in the cell.",
    ),
)

TIERS = ("baseline", "output", "outcome", "impact", "quick_win")
AGGREGATIONS = ("children", "indicators")

_LEVEL = re.compile(r"^level\s*([+-]?\d+)\s*(?:\((id|en)\))?$")


def level_columns(value: int) -> tuple[Column, Column]:
    """The two columns of one level's criteria (Indonesian required, English optional)."""
    return (
        Column(
            f"levels.{value}.id",
            f"Level {value} (ID)",
            f"Level {value} (ID)",
            34,
            note_id=f"Kriteria level {value}. Wajib untuk setiap level skala.",
            note_en=f"Criteria for level {value}. Required for every level of the scale.",
        ),
        Column(
            f"levels.{value}.en",
            f"Level {value} (EN)",
            f"Level {value} (EN)",
            34,
            note_id="Boleh kosong.",
            note_en="Optional.",
        ),
    )


def level_key(heading: str) -> str | None:
    """``Level 3 (ID)`` -> ``levels.3.id`` (a plain ``Level 3`` is the Indonesian one)."""
    for part in (heading, *heading.split("/")):
        match = _LEVEL.match(fold(part))
        if match:
            return f"levels.{int(match.group(1))}.{match.group(2) or 'id'}"
    return None


# --- the Framework sheet: a table of fields, then the scale, then the predicates ---

FIELD_HEADINGS = (
    Column("field", "Isian", "Field", 22),
    Column("value.id", "Nilai (ID)", "Value (ID)", 50),
    Column("value.en", "Nilai (EN)", "Value (EN)", 50),
)


@dataclass(frozen=True)
class Field:
    key: str
    indonesian: str
    english: str
    bilingual: bool  # has an English column

    @property
    def heading(self) -> str:
        return f"{self.indonesian} / {self.english}"

    def names(self) -> set[str]:
        return {fold(self.heading), fold(self.indonesian), fold(self.english)}


FIELDS = (
    Field("id", "ID kerangka", "Framework ID", bilingual=False),
    Field("version", "Versi", "Version", bilingual=False),
    Field("title", "Judul", "Title", bilingual=True),
    Field("description", "Deskripsi", "Description", bilingual=True),
    Field("illustrative", "Ilustratif", "Illustrative", bilingual=False),
)

SCALE_COLUMNS = (
    Column("value", "Level", "Level", 22),
    Column("name.id", "Nama (ID)", "Name (ID)", 50),
    Column("name.en", "Nama (EN)", "Name (EN)", 50),
    Column("description.id", "Deskripsi (ID)", "Description (ID)", 50),
    Column("description.en", "Deskripsi (EN)", "Description (EN)", 50),
)

PREDICATE_COLUMNS = (
    Column("min", "Indeks minimum", "Minimum index", 22),
    Column("name.id", "Predikat (ID)", "Predicate (ID)", 50),
    Column("name.en", "Predikat (EN)", "Predicate (EN)", 50),
)

YES = ("ya", "yes", "y", "true", "benar", "1")
NO = ("tidak", "no", "n", "false", "salah", "0")
