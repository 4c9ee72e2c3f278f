"""Short table cells are drawn as bare strings only when they fit their column."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from evaluator_app.reports.layout import register_fonts, short_cell, styles


def test_a_word_that_fits_is_a_string_and_a_longer_text_wraps() -> None:
    register_fonts()
    cell = styles().cell
    assert short_cell("Diterima", cell, 19 * mm) == "Diterima"
    long = short_cell("Dijanjikan menyusul & belum diterima", cell, 19 * mm)
    assert isinstance(long, Paragraph)
    assert long.text == "Dijanjikan menyusul &amp; belum diterima"  # escaped as markup
