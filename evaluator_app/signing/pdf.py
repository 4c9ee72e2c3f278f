"""Preparing the minutes PDF for signatures, and signing it once per signer (PAdES).

Field names: letters, digits, ``-`` and ``_`` only (no dots: PDF uses them to
nest fields), unique in the document, e.g. ``signer-1`` or ``lead_evaluator``.
Rectangles are PDF points from the bottom-left corner of the page, as ReportLab
draws them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path
from typing import cast

from PIL import Image, UnidentifiedImageError
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec, embed_file
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter, append_signature_field
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
from pyhanko.stamp import TextStampStyle

from evaluator_app.i18n import _, os_reason
from evaluator_app.signing.atomic_write import write_atomically
from evaluator_app.signing.errors import SignatureFieldError, SigningError
from evaluator_app.signing.identities import LoadedSigner
from evaluator_app.signing.verify import signature_fields, verify_pdf

__all__ = ["prepare_for_signing", "sign_pdf", "signature_fields", "verify_pdf"]

FIELD_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
TEXT_SIZE = 7  # points, the line under the drawn signature

Rect = tuple[int, float, float, float, float]  # page index, x1, y1, x2, y2


def prepare_for_signing(
    pdf_in: Path,
    out: Path,
    *,
    fields: dict[str, Rect],
    attachments: list[tuple[str, bytes, str]],
) -> None:
    """Add an empty, visible signature field per signer and embed the attachments.

    ``fields`` maps a field name to ``(page index, x1, y1, x2, y2)``;
    ``attachments`` are ``(file name, data, MIME type)``, e.g. the snapshot JSON.
    The result is written to ``out`` all at once (``out`` may be ``pdf_in``).
    """
    writer = _open(pdf_in)
    existing = signature_fields(writer)
    pages = writer.root["/Pages"]["/Count"]
    for name, (page, x1, y1, x2, y2) in fields.items():
        _check_field_name(name)
        if name in existing:
            raise SignatureFieldError(
                _("{pdf} already has a signature field {field!r}").format(
                    pdf=pdf_in.name, field=name
                )
            )
        if not 0 <= page < pages:
            raise SignatureFieldError(
                _("field {name!r} is on page index {page}, but {pdf} has {pages} pages").format(
                    name=name, page=page, pdf=pdf_in.name, pages=pages
                )
            )
        if not (x2 > x1 and y2 > y1):
            raise SignatureFieldError(
                _("field {name!r} needs x1 < x2 and y1 < y2, got {box}").format(
                    name=name, box=(x1, y1, x2, y2)
                )
            )
    names = [file_name for file_name, _data, _mime in attachments]
    if len(set(names)) != len(names) or not all(names):
        raise SigningError(
            _("attachment names must be present and distinct, got {names}").format(names=names)
        )
    buffer = io.BytesIO()
    try:
        for name, (page, x1, y1, x2, y2) in fields.items():
            box = cast(tuple[int, int, int, int], (x1, y1, x2, y2))  # floats work; stub says int
            append_signature_field(writer, SigFieldSpec(sig_field_name=name, on_page=page, box=box))
        _attach(writer, attachments)
        writer.write(buffer)  # type: ignore[no-untyped-call]
    except (PdfError, NotImplementedError, ValueError, KeyError) as exc:
        raise SigningError(
            _("cannot prepare {name} for signing: {exc}").format(name=pdf_in.name, exc=exc)
        ) from exc
    write_atomically(out, buffer.getvalue())


def sign_pdf(
    pdf: Path,
    out: Path,
    *,
    field: str,
    signer: LoadedSigner,
    reason: str,
    location: str,
    signature_image: bytes | None = None,
    signer_name: str,
) -> None:
    """Sign the empty field ``field`` as an incremental PAdES update (SHA-256, no timestamp).

    The appearance shows ``signature_image`` (a PNG, transparent background) if
    given, and under it a line with ``signer_name`` and the date. The chain in
    ``signer`` is embedded. Written to ``out`` all at once; ``out`` may be ``pdf``.
    Refuses a field that does not exist or is already signed.
    """
    writer = _open(pdf)
    fields = signature_fields(writer)
    if field not in fields:
        known = ", ".join(sorted(fields)) or "none"
        raise SignatureFieldError(
            _("{name} has no signature field {field!r} (its fields: {known})").format(
                name=pdf.name, field=field, known=known
            )
        )
    if fields[field]:
        raise SignatureFieldError(
            _("the field {field!r} in {name} is already signed").format(field=field, name=pdf.name)
        )
    meta = PdfSignatureMetadata(
        field_name=field,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
        name=signer_name or None,
    )
    pdf_signer = PdfSigner(meta, signer.signer, stamp_style=_appearance(signature_image))
    buffer = io.BytesIO()
    try:
        pdf_signer.sign_pdf(
            writer,
            existing_fields_only=True,
            appearance_text_params={"signer": _plain(signer_name)},
            output=buffer,
        )
    except (PyHankoSigningError, PdfError, layout.LayoutError) as exc:
        raise SigningError(
            _("cannot sign {name} in field {field!r}: {exc}").format(
                name=pdf.name, field=field, exc=exc
            )
        ) from exc
    write_atomically(out, buffer.getvalue())


def _attach(writer: IncrementalPdfFileWriter, attachments: list[tuple[str, bytes, str]]) -> None:
    now = dt.datetime.now(dt.UTC)
    for file_name, data, mime in attachments:
        stream = EmbeddedFileObject.from_file_data(
            writer,
            data,
            mime_type=mime,
            params=EmbeddedFileParams(creation_date=now, modification_date=now),
        )
        spec = FileSpec(
            file_spec_string=file_name,
            file_name=file_name,
            embedded_data=stream,
            description=file_name,
        )
        embed_file(writer, spec)


def _open(path: Path) -> IncrementalPdfFileWriter:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(
            _("cannot read {path}: {strerror}").format(path=path, strerror=os_reason(exc))
        ) from exc
    try:
        return IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError) as exc:
        raise SigningError(
            _("{name} is not a readable PDF file: {exc}").format(name=path.name, exc=exc)
        ) from exc


def _check_field_name(name: str) -> None:
    if not FIELD_NAME.fullmatch(name):
        raise SignatureFieldError(
            _(
                "the field name {name!r} may hold only letters, digits, '-' and '_' (1-64 of them)"
            ).format(name=name)
        )


def _appearance(signature_image: bytes | None) -> TextStampStyle:
    text_band = TEXT_SIZE + 4
    background = None
    if signature_image is not None:
        try:
            image: Image.Image = Image.open(io.BytesIO(signature_image))
            image.load()
        except (UnidentifiedImageError, OSError) as exc:
            raise SigningError(_("the signature image is not a readable PNG")) from exc
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        background = PdfImage(image)
    return TextStampStyle(
        stamp_text="%(signer)s, %(ts)s",
        timestamp_format="%d-%m-%Y %H:%M %Z",
        text_box_style=TextBoxStyle(font_size=TEXT_SIZE),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MIN,
            margins=layout.Margins(left=2, right=2, top=2, bottom=2),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
        background=background,
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(left=2, right=2, top=2, bottom=text_band),
            inner_content_scaling=layout.InnerScaling.STRETCH_TO_FIT,
        ),
        border_width=0,
    )


def _plain(text: str) -> str:
    """The stamp's standard font knows only Latin-1; spell accents plainly."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return kept.encode("latin-1", "replace").decode("latin-1")
