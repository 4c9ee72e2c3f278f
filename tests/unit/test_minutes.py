"""The minutes PDF of the demo session, read back as text the way a person reads it."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.domain.canonical import canonical_json, sha256_of
from evaluator_app.domain.framework import Framework
from evaluator_app.domain.scoring import for_display, score_framework
from evaluator_app.reports import MinutesLayout, ReportError, SignerBlock, render_minutes
from evaluator_app.reports.layout import PAGE_HEIGHT, PAGE_WIDTH
from evaluator_app.services.demo import create_demo
from evaluator_app.services.frameworks import framework_of
from evaluator_app.services.operation import open_context, reading
from evaluator_app.services.records import get
from evaluator_app.services.signoff import snapshot
from evaluator_app.store.models import EvaluationSession

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) not installed",
)
pytestmark = needs_poppler


@dataclass
class Demo:
    snapshot: dict[str, Any]
    framework: Framework


@dataclass
class Rendered:
    path: Path
    layout: MinutesLayout
    pages: list[str]  # text of each page, whitespace collapsed

    @property
    def text(self) -> str:
        return " ".join(self.pages)


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


def page_streams(path: Path) -> list[bytes]:
    """Each page's drawing instructions, decoded (pdftotext scrambles diagonal text)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.reader import PdfFileReader

    def leaves(node: Any) -> Iterator[Any]:
        if node["/Type"] == "/Pages":
            for kid in node["/Kids"]:
                yield from leaves(kid.get_object())
        else:
            yield node

    with path.open("rb") as file:
        reader = PdfFileReader(file)
        out = []
        for page in leaves(reader.root["/Pages"]):
            contents = page["/Contents"]
            if isinstance(contents, generic.ArrayObject):
                out.append(b"".join(part.get_object().data for part in contents))
            else:
                out.append(contents.data)
        return out


def render(demo: Demo, out: Path, **options: Any) -> Rendered:
    layout = render_minutes(demo.snapshot, demo.framework, out, **options)
    return Rendered(out, layout, pdf_pages(out))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    ctx = open_context(str(tmp_path_factory.mktemp("data")), "tester")
    session_id = create_demo(ctx)
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        data, framework = snapshot(session), framework_of(session)
    yield Demo(data, framework)
    ctx.store.close()


@pytest.fixture(scope="module")
def final(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render(demo, tmp_path_factory.mktemp("final") / "minutes.pdf")


@pytest.fixture(scope="module")
def draft(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render(demo, tmp_path_factory.mktemp("draft") / "minutes.pdf", draft=True)


@pytest.fixture(scope="module")
def english(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    out = tmp_path_factory.mktemp("en") / "minutes.pdf"
    return render(demo, out, language="en", draft=True)


def person(demo: Demo, role: str, position: str = "") -> dict[str, Any]:
    return next(
        p for p in demo.snapshot["participants"] if p["role"] == role and position in p["position"]
    )


def test_head_states_minutes_number_and_subject(final: Rendered, demo: Demo) -> None:
    first = final.pages[0]
    assert first.startswith("BERITA ACARA Nomor: 001/BA-EV/SC-TRM/X/2024")
    assert "EVALUASI TAHAP II GERAKAN MENUJU SMART CITY KOTA TIRTAMAYA (FIKTIF) TAHUN 2024" in first
    assert "PERUBAHAN" not in final.text


def test_opening_spells_out_the_meeting_date_and_local_time(final: Rendered) -> None:
    assert (
        "Pada hari ini Selasa, tanggal dua puluh sembilan bulan Oktober tahun dua ribu dua "
        "puluh empat (29 Oktober 2024), pukul 09.00 WIB, bertempat di Ruang Rapat Utama "
        "Balai Kota Tirtamaya" in final.pages[0]
    )
    assert "Instrumen Evaluasi Smart City 2024 (ilustratif) versi 2024.1" in final.pages[0]


def test_every_page_carries_page_of_total_number_and_snapshot_hash(
    final: Rendered, demo: Demo
) -> None:
    total = len(final.pages)
    assert final.layout.pages == total > 1
    digest = sha256_of(demo.snapshot)
    assert final.layout.snapshot_hash == digest
    for number, page in enumerate(final.pages, 1):
        assert f"Halaman {number} dari {total}" in page
        assert "Berita Acara Nomor 001/BA-EV/SC-TRM/X/2024" in page
        assert f"SHA-256 snapshot: {digest}" in page


def test_attendance_lists_every_participant_with_nip_role_and_presence(
    final: Rendered, demo: Demo
) -> None:
    attendance = final.text.split("A. Daftar Hadir")[1].split("B. Hasil Evaluasi")[0]
    for p in demo.snapshot["participants"]:
        assert p["name"] in attendance
        if p["nip"]:
            assert f"NIP. {p['nip']}" in attendance
    assert "Ketua Tim Evaluator" in attendance
    assert "Kepala Perangkat Daerah" in attendance  # the role in words, not agency_head
    assert "agency_head" not in attendance
    assert attendance.count("Hadir") == len(demo.snapshot["participants"])  # all came


def test_index_and_scores_are_the_scoring_engines(final: Rendered, demo: Demo) -> None:
    records = demo.snapshot["assessments"]
    card = score_framework(
        demo.framework,
        {a["indicator"]: a["agreed_level"] for a in records if a["agreed_level"] is not None},
        {a["indicator"] for a in records if a["not_applicable"]},
    )
    assert card.index is not None
    shown = str(for_display(card.index)).replace(".", ",")  # Indonesian decimal comma
    assert str(for_display(demo.snapshot["index"])).replace(".", ",") == shown
    assert f"memperoleh indeks {shown} dengan predikat Baik" in final.text
    results = final.text.split("B. Hasil Evaluasi")[1].split("C. Hasil per Indikator")[0]
    for dimension in card.dimensions:
        assert dimension.value is not None
        value = str(for_display(dimension.value)).replace(".", ",")
        assert re.search(rf"{dimension.code} Smart \w+ {value} ", results), dimension.code
    assert f"Indeks {shown} " in results
    assert "Gambar 1." in results  # the radar chart's caption


def test_each_indicator_appears_with_levels_clarifications_and_evidence(
    final: Rendered, demo: Demo
) -> None:
    section = final.text.split("C. Hasil per Indikator")[1].split("D. Temuan")[0]
    for indicator in demo.framework.indicators():
        assert f"{indicator.code} {indicator.title.get('id')}" in section
    assert "Level disepakati 4 – Optimal" in section
    assert "Tidak berlaku: Program belum menjadi kewenangan pemerintah kota." in section
    answered = next(
        c
        for a in demo.snapshot["assessments"]
        for c in a["clarifications"]
        if c["answer"] and c["answered_by"]
    )
    asker = next(p for p in demo.snapshot["participants"] if p["id"] == answered["asked_by"])
    answerer = next(p for p in demo.snapshot["participants"] if p["id"] == answered["answered_by"])
    assert f"Pertanyaan: {answered['question']}" in section
    assert f"ditanyakan oleh {asker['name']}; dijawab oleh {answerer['name']}" in section
    hashed = next(e for a in demo.snapshot["assessments"] for e in a["evidence"] if e["sha256"])
    assert hashed["sha256"][:12] in section
    assert hashed["sha256"][:13] not in section


def test_each_finding_appears_under_each_of_its_agencies(final: Rendered, demo: Demo) -> None:
    section = final.text.split("D. Temuan dan Rekomendasi per Perangkat Daerah")[1]
    section = section.split("E. Bukti Dukung")[0]
    agencies = sorted({a for f in demo.snapshot["findings"] for a in f["agencies"]}, key=str.lower)
    parts = {}
    for number, agency in enumerate(agencies, 1):
        head = f"{number}. {agency} "
        assert head in section
        after = section.split(head, 1)[1]
        following = f"{number + 1}. {agencies[number]} " if number < len(agencies) else None
        parts[agency] = after.split(following)[0] if following else after
    for finding in demo.snapshot["findings"]:
        assert len(finding["agencies"]) >= 1
        for agency in agencies:
            listed = finding["text"] in parts[agency]
            assert listed == (agency in finding["agencies"]), (finding["text"], agency)


def test_outstanding_evidence_is_listed_with_its_deadline(final: Rendered, demo: Demo) -> None:
    section = final.text.split("E. Bukti Dukung yang Belum Diserahkan")[1]
    section = section.split("Demikian berita acara")[0]
    assert "paling lambat tanggal 30 Oktober 2024" in section
    pending = [
        (a["indicator"], e["title"])
        for a in demo.snapshot["assessments"]
        for e in a["evidence"]
        if e["status"] == "pending"
    ]
    assert pending
    for code, title in pending:
        assert f"{code} " in section
        assert title in section
    assert section.count("30 Okt 2024") == len(pending)


def test_closing_place_date_and_signature_blocks(final: Rendered, demo: Demo) -> None:
    last = final.pages[-1]
    assert (
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
        "sebagaimana mestinya." in last
    )
    assert "Tirtamaya, 29 Oktober 2024" in last
    lead = person(demo, "lead_evaluator")
    secretary = person(demo, "signer", "Sekretaris Daerah")
    assert lead["name"] in last and secretary["name"] in last
    assert f"NIP. {secretary['nip']}" in last
    assert set(final.layout.signature_boxes) == {lead["id"], secretary["id"]}


def test_regional_secretary_signs_without_rank_and_agency_head_with_it(
    demo: Demo, tmp_path: Path
) -> None:
    secretary = person(demo, "signer", "Sekretaris Daerah")
    head = person(demo, "agency_head", "Kepala Dinas")
    assert secretary["rank"] and head["rank"]
    signers = [SignerBlock.from_participant(p) for p in (secretary, head)]
    assert not signers[0].shows_rank and signers[1].shows_rank
    rendered = render(demo, tmp_path / "m.pdf", signers=signers)
    blocks = rendered.pages[-1].split("sebagaimana mestinya.")[1]
    assert head["rank"] in blocks
    assert secretary["rank"] not in rendered.text
    assert blocks.index(head["name"]) < blocks.index(head["rank"]) < blocks.index(head["nip"])


@pytest.mark.parametrize(
    "position",
    ["Sekretaris Daerah Kota Tirtamaya", "Wali Kota Tirtamaya", "Bupati Sleman", "Wakil Walikota"],
)
def test_head_of_region_deputy_and_secretary_show_no_rank(position: str) -> None:
    block = SignerBlock("p", "Nama", "1968", position, rank="Pembina Utama (IV/e)")
    assert not block.shows_rank
    assert SignerBlock("p", "Nama", "1968", "Kepala Bappeda", rank="Pembina (IV/a)").shows_rank


def test_signature_boxes_lie_inside_the_last_page_side_by_side(final: Rendered) -> None:
    boxes = list(final.layout.signature_boxes.values())
    assert len(boxes) == 2
    for page, x1, y1, x2, y2 in boxes:
        assert page == final.layout.pages - 1
        assert 0 < x1 < x2 < PAGE_WIDTH and 0 < y1 < y2 < PAGE_HEIGHT
        assert (x2 - x1) > 100 and (y2 - y1) > 50
    (_, _, ay1, ax2, _), (_, bx1, by1, _, _) = sorted(boxes, key=lambda b: b[1])
    assert ay1 == pytest.approx(by1)  # one row
    assert ax2 < bx1  # no overlap


def test_many_signers_go_two_a_row_and_keep_their_boxes(demo: Demo, tmp_path: Path) -> None:
    signers = [SignerBlock.from_participant(p) for p in demo.snapshot["participants"][:5]]
    rendered = render(demo, tmp_path / "m.pdf", signers=signers)
    boxes = rendered.layout.signature_boxes
    assert set(boxes) == {s.participant_id for s in signers}
    rows = sorted({round(b[2]) for b in boxes.values() if b[0] == rendered.layout.pages - 1})
    assert len(rows) >= 2
    for signer in signers:
        assert signer.name in rendered.text


def test_signature_image_is_drawn_in_its_box(demo: Demo, tmp_path: Path) -> None:
    image = tmp_path / "sign.png"
    from PIL import Image

    Image.new("RGBA", (300, 100), (0, 0, 128, 255)).save(image)
    lead = person(demo, "lead_evaluator")
    rendered = render(
        demo,
        tmp_path / "m.pdf",
        signers=[SignerBlock.from_participant(lead, signature_image=image)],
    )
    assert b"/Subtype /Image" in rendered.path.read_bytes()
    assert lead["id"] in rendered.layout.signature_boxes


def test_draft_watermark_on_every_draft_page_and_never_on_final(
    final: Rendered, draft: Rendered
) -> None:
    assert all(b"(DRAF) Tj" in page for page in page_streams(draft.path))
    assert not any(b"(DRAF" in page for page in page_streams(final.path))
    assert not any("DRAF" in page for page in final.pages)
    assert draft.layout.pages == final.layout.pages


def test_english_minutes(english: Rendered, demo: Demo) -> None:
    total = len(english.pages)
    assert english.pages[0].startswith("MINUTES Number: 001/BA-EV/SC-TRM/X/2024")
    assert (
        "On Tuesday, the twenty-ninth day of October in the year two thousand and twenty-four "
        "(29 October 2024), at 09:00 Western Indonesia Time" in english.text
    )
    assert "attains an index of 2.83, rated Good." in english.text
    for heading in ("A. Attendance", "B. Results", "D. Findings and Recommendations by Agency"):
        assert heading in english.text
    assert "These minutes were made truthfully, to be used as required." in english.text
    assert all(b"(DRAFT) Tj" in page for page in page_streams(english.path))
    for number, page in enumerate(english.pages, 1):
        assert f"Page {number} of {total}" in page
    assert "Halaman" not in english.text and "Berita Acara" not in english.text


def test_amendment_says_so_in_head_and_opening(demo: Demo, tmp_path: Path) -> None:
    data = copy.deepcopy(demo.snapshot)
    data["session"]["amendment"] = 2
    amended = render_minutes(data, demo.framework, tmp_path / "a.pdf")
    text = " ".join(pdf_pages(tmp_path / "a.pdf"))
    assert text.startswith("BERITA ACARA PERUBAHAN KE-2 Nomor:")
    assert "merupakan perubahan ke-2 dan menggantikan berita acara" in text
    assert amended.snapshot_hash == sha256_of(data) != sha256_of(demo.snapshot)


def test_document_number_argument_overrides_the_sessions(demo: Demo, tmp_path: Path) -> None:
    rendered = render(demo, tmp_path / "m.pdf", document_number="007/BA/2024")
    assert "Nomor: 007/BA/2024" in rendered.pages[0]
    assert all("Berita Acara Nomor 007/BA/2024" in page for page in rendered.pages)
    assert rendered.layout.document_number == "007/BA/2024"


def test_snapshot_from_json_gives_the_same_minutes(demo: Demo, tmp_path: Path) -> None:
    as_stored = json.loads(canonical_json(demo.snapshot))
    a = render_minutes(demo.snapshot, demo.framework, tmp_path / "a.pdf")
    b = render_minutes(as_stored, demo.framework, tmp_path / "b.pdf")
    assert a.snapshot_hash == b.snapshot_hash == sha256_of(as_stored)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_signed_snapshot_hash_includes_the_audit_head(demo: Demo, tmp_path: Path) -> None:
    signed = {**demo.snapshot, "audit_head": {"seq": 41, "hash": "ab" * 32}}
    layout = render_minutes(signed, demo.framework, tmp_path / "m.pdf")
    assert layout.snapshot_hash == sha256_of(signed) != sha256_of(demo.snapshot)
    assert f"SHA-256 snapshot: {layout.snapshot_hash}" in pdf_pages(tmp_path / "m.pdf")[0]


def test_fonts_are_embedded(final: Rendered) -> None:
    listing = subprocess.run(
        ["pdffonts", str(final.path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert listing
    for row in listing:
        assert "LiberationSans" in row
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_unwritable_folder_raises_report_error_and_leaves_nothing(
    demo: Demo, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    out = blocker / "minutes.pdf"
    with pytest.raises(ReportError, match=re.escape(str(out))):
        render_minutes(demo.snapshot, demo.framework, out)
    missing = tmp_path / "missing" / "minutes.pdf"
    with pytest.raises(ReportError, match="cannot write"):
        render_minutes(demo.snapshot, demo.framework, missing)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_failure_while_rendering_keeps_the_old_file_and_no_temporary(
    demo: Demo, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"the earlier minutes")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    lead = person(demo, "lead_evaluator")
    signer = SignerBlock.from_participant(lead, signature_image=broken)
    with pytest.raises(ReportError, match=r"broken\.png"):
        render_minutes(demo.snapshot, demo.framework, out, signers=[signer])
    assert out.read_bytes() == b"the earlier minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.png", "minutes.pdf"]
