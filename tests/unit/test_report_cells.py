"""Short table cells are drawn as bare strings only when they fit their column."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from evaluator_app.reports.layout import paragraph, register_fonts, short_cell, styles


def test_a_word_that_fits_is_a_string_and_a_longer_text_wraps() -> None:
    register_fonts()
    cell = styles().cell
    assert short_cell("Diterima", cell, 19 * mm) == "Diterima"
    long = short_cell("Dijanjikan menyusul & belum diterima", cell, 19 * mm)
    assert isinstance(long, Paragraph)
    assert long.text == "Dijanjikan menyusul &amp; belum diterima"  # escaped as markup


TEXTS = [
    "Dokumen perencanaan",
    "  spaces\tand\nnew lines  collapse ",
    "non\u00a0breaking and é ü",
    "",
    "   ",
    "<b>1.1</b>  Perencanaan &amp; anggaran",
    "a &lt; b",
    '<font color="#555555">muted</font> tail',
]


def _fragments(made: Paragraph) -> list[dict[str, object]]:
    # Without ReportLab's notes to itself (``_fkind``, set from the fragment alone).
    return [{k: v for k, v in vars(f).items() if not k.startswith("_")} for f in made.frags]


def _lines(made: Paragraph) -> list[object]:
    """The laid-out lines: a width and words, or (with markup) the words' text and font."""
    return [
        (round(line[0], 3), list(line[1]))
        if isinstance(line, tuple)
        else (line.wordCount, [(w.text, w.fontName, w.fontSize) for w in line.words])
        for line in made.blPara.lines
    ]


def test_paragraphs_made_without_parsing_match_reportlabs_own() -> None:
    register_fonts()
    s = styles()
    for style in (s.cell, s.body, s.cell_bold, s.heading):
        for text in TEXTS:
            ours, theirs = paragraph(text, style), Paragraph(text, style)
            assert _fragments(ours) == _fragments(theirs), (text, style.name)
            assert ours.style is theirs.style or vars(ours.style) == vars(theirs.style)
            # Laid out the same: the same lines at the same width.
            assert ours.wrap(60 * mm, 500) == theirs.wrap(60 * mm, 500), text
            assert _lines(ours) == _lines(theirs), text


def test_shared_fragments_survive_layout_and_splitting() -> None:
    """A text made twice shares its parsed fragments; laying out and splitting one
    paragraph leaves the other as it was."""
    register_fonts()
    cell = styles().cell
    text = "<b>2.3</b> " + "kata " * 200
    first, second = paragraph(text, cell), paragraph(text, cell)
    assert first.frags is second.frags
    before = _fragments(second)
    first.wrap(40 * mm, 1000)
    parts = first.split(40 * mm, 60)
    assert len(parts) == 2
    assert _fragments(second) == before
    assert second.wrap(40 * mm, 1000) == first.wrap(40 * mm, 1000)
