"""What every document shares: the page, fonts, styles, tables, footer and writing.

The footer ("Halaman X dari Y", the document number, the snapshot hash) needs
the page count, so pages are kept until the end and stamped then (the
numbered-canvas pattern).  A file is written whole or not at all.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag

from evaluator_app.bundled import resources_dir
from evaluator_app.i18n import _, os_reason
from evaluator_app.reports.errors import ReportError
from evaluator_app.reports.texts import Texts

FONT = "LiberationSans"
FONT_BOLD = "LiberationSans-Bold"
FONT_ITALIC = "LiberationSans-Italic"
# Liberation Sans has Arial's metrics: the typeface Indonesian official letters use.
_FONT_FILES = {
    FONT: "LiberationSans-Regular.ttf",
    FONT_BOLD: "LiberationSans-Bold.ttf",
    FONT_ITALIC: "LiberationSans-Italic.ttf",
}

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 20 * mm, 20 * mm, 24 * mm
CONTENT_WIDTH = PAGE_WIDTH - LEFT - RIGHT

INK = colors.HexColor("#1A1A1A")
MUTED_HEX = "#555555"  # for <font color> in paragraph markup
MUTED = colors.HexColor(MUTED_HEX)
RULE = colors.HexColor("#8C8C8C")
HEADER_FILL = colors.HexColor("#E4E8EE")
GROUP_FILL = colors.HexColor("#F3F5F8")


@functools.cache
def register_fonts() -> None:
    """Register the bundled fonts with ReportLab once per process."""
    folder = resources_dir() / "fonts"
    for name, file in _FONT_FILES.items():
        path = folder / file
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as error:  # ReportLab raises its own TTF errors
            raise ReportError(
                _("cannot load the font {path}: {error}").format(path=path, error=error)
            ) from None
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    centred: ParagraphStyle
    heading: ParagraphStyle
    band: ParagraphStyle
    subheading: ParagraphStyle
    indicator: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    cell_bold_right: ParagraphStyle
    cell_centre: ParagraphStyle
    label: ParagraphStyle
    caption: ParagraphStyle
    sign: ParagraphStyle
    sign_name: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=10, leading=14, textColor=INK)

    def derive(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    cell = derive("cell", fontSize=8.5, leading=10.5)
    return Styles(
        body=derive("body", alignment=TA_JUSTIFY, spaceAfter=6),
        title=derive("title", fontName=FONT_BOLD, fontSize=14, leading=18, alignment=TA_CENTER),
        subtitle=derive("subtitle", fontName=FONT_BOLD, fontSize=11, leading=14.5, alignment=1),
        centred=derive("centred", alignment=TA_CENTER),
        heading=derive(
            "heading", fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=12, spaceAfter=6
        ),
        band=derive(
            "band",
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=12,
            spaceAfter=6,
            backColor=HEADER_FILL,
            borderPadding=(3, 4, 3, 4),
            leftIndent=4,
            rightIndent=4,
        ),
        subheading=derive(
            "subheading", fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3
        ),
        indicator=derive("indicator", fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceAfter=2),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=FONT_BOLD, alignment=TA_LEFT),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=2),
        cell_bold_right=ParagraphStyle(
            "cell_bold_right", parent=cell, fontName=FONT_BOLD, alignment=2
        ),
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        label=ParagraphStyle("label", parent=cell, textColor=MUTED),
        caption=derive("caption", fontName=FONT_ITALIC, fontSize=8.5, leading=11, alignment=1),
        sign=derive("sign", alignment=TA_CENTER, leading=13),
        sign_name=derive("sign_name", fontName=FONT_BOLD, alignment=TA_CENTER, leading=13),
    )


def data_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table; its header rows repeat on every page it runs onto."""
    table = Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=1,  # a cell longer than a page still breaks instead of failing
        hAlign="LEFT",
    )
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),  # of cells given as bare strings
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
    table.setStyle(TableStyle(commands + list(extra)))
    return table


# --- paragraphs ------------------------------------------------------------
#
# ReportLab parses a paragraph's markup when it is made: an HTML parser per
# paragraph, 0.15 ms each, a second of a large session's minutes (6,800 of them)
# before any layout (issue 9).  Text without markup needs no parser: its one
# fragment is the style's, with the text in it, exactly as the parser makes it.
# Markup is parsed once per text and style.  The fragments are only read while
# laying out (ReportLab's own splitting makes new ones), so paragraphs can share
# them; the file comes out byte for byte the same.


@functools.lru_cache(maxsize=64)
def _plain_fragment(style: ParagraphStyle) -> ParaFrag:
    (fragment,) = Paragraph("x", style).frags
    return fragment


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text, style)


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(text, style)``, made without parsing what has no markup or was
    parsed before (see above)."""
    if "<" in text or "&" in text or getattr(style, "textTransform", None):
        parsed = _parsed(text, style)
        return Paragraph(text, parsed.style, parsed.bulletText, frags=parsed.frags)
    cleaned = cleanBlockQuotedText(text)
    if not cleaned:
        return Paragraph(text, style, frags=[])
    frag = _plain_fragment(style).clone(text=cleaned, link=[], us_lines=[])
    return Paragraph(text, style, frags=[frag])


def cells(texts: Sequence[str], style: ParagraphStyle) -> list[Paragraph]:
    return [paragraph(t, style) for t in texts]


CELL_PADDING = 4  # left and right, as data_table sets them


def short_cell(text: str, style: ParagraphStyle, width: float) -> Paragraph | str:
    """Plain ``text`` for a cell of a column ``width`` wide: the bare string when it
    fits on one line (the table draws it in the same font, at a fraction of a
    paragraph's cost: a large session's minutes have 6,000 such cells; issue 9),
    else a paragraph that wraps."""
    if pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= width - 2 * CELL_PADDING:
        return text
    return paragraph(escape(text), style)


# --- pages ----------------------------------------------------------------


@dataclass(frozen=True)
class PageDecor:
    """What each page carries besides its content."""

    texts: Texts
    document_number: str | None
    snapshot_hash: str
    draft: bool


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    """Keeps the pages until the end, then stamps footer and watermark with the count."""

    def __init__(self, *args: Any, decor: PageDecor, count: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._count = count  # receives the page count
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self._count.append(total)
        for state in self._pages:
            self.__dict__.update(state)
            if self._decor.draft:
                self._watermark()
            self._footer(total)
            super().showPage()
        super().save()

    def _watermark(self) -> None:
        self.saveState()
        self.setFillColor(colors.HexColor("#9A9A9A"))
        self.setFillAlpha(0.22)
        self.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        self.rotate(50)
        self.setFont(FONT_BOLD, 120)
        self.drawCentredString(0, -40, self._decor.texts.plain("watermark"))
        self.restoreState()

    def _footer(self, total: int) -> None:
        texts = self._decor.texts
        number = self._decor.document_number or texts.plain("blank")
        page = texts.plain("footer_page", page=self._pageNumber, pages=total)
        y = BOTTOM - 9 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(LEFT, y + 9, PAGE_WIDTH - RIGHT, y + 9)
        self.setFillColor(MUTED)
        self.setFont(FONT, 7.5)
        self.drawString(LEFT, y, texts.plain("footer_number", number=number))
        self.drawRightString(PAGE_WIDTH - RIGHT, y, page)
        self.setFont(FONT, 6.5)
        self.drawString(LEFT, y - 9, texts.plain("footer_hash", hash=self._decor.snapshot_hash))
        self.restoreState()


def _render(story: list[Flowable], decor: PageDecor, title: str, subject: str) -> tuple[bytes, int]:
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        subject=subject,
        author="Evaluator",
        creator="Evaluator",
        initialFontName=FONT,  # else each page opens with an unembedded Helvetica
        lang="id-ID" if decor.texts.language == "id" else "en-GB",
        # The same snapshot gives the same bytes: no clock or random id in the file.
        invariant=True,
    )
    count: list[int] = []
    try:
        doc.build(story, canvasmaker=functools.partial(_NumberedCanvas, decor=decor, count=count))
    except LayoutError as error:  # a flowable wider or taller than any page: our bug
        raise ReportError(
            _("the document could not be laid out: {error}").format(error=error)
        ) from error
    return buffer.getvalue(), count[-1]


def write_pdf(
    story: list[Flowable], out: Path, decor: PageDecor, *, title: str, subject: str
) -> int:
    """Render ``story`` and put the file at ``out`` whole; returns the page count.

    The temporary file is made first (an unwritable folder fails before any
    work) beside ``out``, so the final rename stays on one file system; on any
    failure it is removed and ``out`` is left as it was.
    """
    out = Path(out)
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
    try:
        # 0o666 less the umask, as any new file gets (mkstemp would make it private).
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        handle = os.open(temporary, flags, 0o666)
    except OSError as error:
        raise ReportError(
            _("cannot write {out}: the folder {parent} cannot be written to ({reason})").format(
                out=out, parent=out.parent, reason=os_reason(error)
            )
        ) from None
    try:
        with os.fdopen(handle, "wb") as file:
            data, pages = _render(story, decor, title, subject)
            try:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            except OSError as error:
                raise ReportError(
                    _("cannot write {out}: {reason}").format(out=out, reason=os_reason(error))
                ) from None
        try:
            temporary.replace(out)
        except OSError as error:
            raise ReportError(
                _("cannot write {out}: {reason}").format(out=out, reason=os_reason(error))
            ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return pages
