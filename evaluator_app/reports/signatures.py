"""Signature blocks: who signs, and the reserved rectangle each signature goes in.

The rectangle is a flowable that notes where it lands (page and PDF points)
while the page is drawn, so the signing module can put a signature field at
exactly that place.  Rank follows the 2023 rules for regional official
documents: the head of region, the deputy and the regional secretary sign
with name and NIP only; other officials add their rank.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from evaluator_app.i18n import _
from evaluator_app.reports.errors import ReportError
from evaluator_app.reports.layout import CONTENT_WIDTH, FONT, paragraph, styles
from evaluator_app.reports.texts import Texts

BOX_WIDTH = 62 * mm
BOX_HEIGHT = 24 * mm

# Positions whose holders sign without a rank (DOMAIN.md, "Minutes conventions").
_NO_RANK = ("sekretaris daerah", "wali kota", "walikota", "bupati", "wakil")

# (page index from 0, x1, y1, x2, y2) in PDF points, origin bottom left.
Box = tuple[int, float, float, float, float]


@dataclass(frozen=True)
class SignerBlock:
    """One signer of the minutes as the block under the text shows them."""

    participant_id: str
    name: str
    nip: str | None
    position: str
    rank: str = ""
    role_label: str = ""  # the line above the position, e.g. the side they sign for
    signature_image: Path | bytes | None = None  # drawn in drafts and previews

    @property
    def shows_rank(self) -> bool:
        position = self.position.casefold()
        return bool(self.rank) and not any(word in position for word in _NO_RANK)

    @classmethod
    def from_participant(
        cls,
        participant: Mapping[str, Any],
        *,
        role_label: str | None = None,
        signature_image: Path | bytes | None = None,
    ) -> SignerBlock:
        """From a snapshot participant row; the role line defaults to their organisation."""
        return cls(
            participant_id=str(participant["id"]),
            name=str(participant["name"]),
            nip=participant.get("nip") or None,
            position=str(participant.get("position") or ""),
            rank=str(participant.get("rank") or ""),
            role_label=str(participant.get("organisation") or "")
            if role_label is None
            else role_label,
            signature_image=signature_image,
        )


def default_signers(snapshot: Mapping[str, Any]) -> list[SignerBlock]:
    """The lead evaluator(s), then the region's signer(s), of those present."""
    people = [p for p in snapshot.get("participants") or [] if p.get("present")]
    order = ("lead_evaluator", "signer")
    chosen = sorted(
        (p for p in people if p.get("role") in order),
        key=lambda p: (order.index(p["role"]), p.get("name", "")),
    )
    return [SignerBlock.from_participant(p) for p in chosen]


class SignatureBox(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """An empty rectangle for one signature; records its place on the page when drawn."""

    def __init__(self, signer: SignerBlock, boxes: dict[str, Box]) -> None:
        super().__init__()
        self.width = BOX_WIDTH
        self.height = BOX_HEIGHT
        self.hAlign = "CENTER"
        self._id = signer.participant_id
        self._boxes = boxes
        self._image = _image(signer)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        page = self.canv.getPageNumber() - 1
        self._boxes[self._id] = (page, x, y, x + self.width, y + self.height)
        if self._image is not None:
            self.canv.drawImage(
                self._image,
                0,
                0,
                self.width,
                self.height,
                mask="auto",
                preserveAspectRatio=True,
                anchor="c",
            )


def _image(signer: SignerBlock) -> ImageReader | None:
    source = signer.signature_image
    if source is None:
        return None
    where = "given as bytes" if isinstance(source, bytes) else str(source)
    try:
        reader = ImageReader(io.BytesIO(source) if isinstance(source, bytes) else str(source))
        reader.getSize()  # reads the header: a broken file fails here, not mid-page
    except Exception as error:  # PIL and ReportLab raise many kinds
        raise ReportError(
            _("cannot read the signature image of {name} ({where}): {error}").format(
                name=signer.name, where=where, error=error
            )
        ) from None
    return reader


def _block(signer: SignerBlock, texts: Texts, boxes: dict[str, Box], top: str) -> list[Flowable]:
    s = styles()
    parts: list[Flowable] = [paragraph(top or "&nbsp;", s.sign)]
    parts.append(paragraph(escape(signer.role_label) or "&nbsp;", s.sign))
    parts.append(paragraph(f"{escape(signer.position)}," if signer.position else "&nbsp;", s.sign))
    parts += [Spacer(1, 3), SignatureBox(signer, boxes), Spacer(1, 3)]
    parts.append(paragraph(f"<u>{escape(signer.name)}</u>", s.sign_name))
    if signer.shows_rank:
        parts.append(paragraph(escape(signer.rank), s.sign))
    if signer.nip:
        parts.append(paragraph(texts("nip", nip=signer.nip), s.sign))
    return parts


def signature_rows(
    signers: Sequence[SignerBlock], texts: Texts, boxes: dict[str, Box], place_date: str
) -> list[Flowable]:
    """Two blocks a row, each row kept on one page; the date stands over the first row's right."""
    rows: list[Flowable] = []
    half = CONTENT_WIDTH / 2
    for start in range(0, len(signers), 2):
        pair = signers[start : start + 2]
        first = start == 0
        if len(pair) == 2:
            cells = [
                _block(pair[0], texts, boxes, ""),
                _block(pair[1], texts, boxes, place_date if first else ""),
            ]
            widths = [half, half]
        else:
            cells = [_block(pair[0], texts, boxes, place_date if first else "")]
            widths = [half]
        table = Table([cells], colWidths=widths, hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 8.5),  # Table's default is Helvetica
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        rows.append(KeepTogether([table, Spacer(1, 10)]))
    return rows
