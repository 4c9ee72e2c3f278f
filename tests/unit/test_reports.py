"""The short documents (one agency's findings, the city's missing evidence) and the
building blocks every document shares: wording, dates in words, input checks."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.domain.framework import Framework
from evaluator_app.reports import (
    ReportError,
    default_signers,
    render_agency_findings,
    render_minutes,
    render_outstanding_evidence,
)
from evaluator_app.reports.texts import TEXTS, Texts
from evaluator_app.reports.wording import clock_time, date_in_words, place_of, score_text
from evaluator_app.services.demo import create_demo
from evaluator_app.services.frameworks import find_framework, framework_of
from evaluator_app.services.operation import open_context, reading
from evaluator_app.services.records import get
from evaluator_app.services.signoff import snapshot
from evaluator_app.store.models import EvaluationSession

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"
)

Demo = tuple[dict[str, Any], Framework]


def pdf_text(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    ctx = open_context(str(tmp_path_factory.mktemp("data")), "tester")
    session_id = create_demo(ctx)
    with reading(ctx) as db:
        session = get(db, EvaluationSession, session_id)
        yield snapshot(session), framework_of(session)
    ctx.store.close()


# --- one agency's findings ------------------------------------------------


@needs_poppler
def test_agency_pdf_holds_exactly_that_agencys_findings(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    out = tmp_path / "diskominfo.pdf"
    pages = render_agency_findings(data, framework, "Diskominfo", out)
    text = pdf_text(out)
    assert pages == len(text) == 1
    page = text[0]
    assert page.startswith("TEMUAN DAN REKOMENDASI untuk Diskominfo")
    assert "Berita Acara Nomor 001/BA-EV/SC-TRM/X/2024" in page
    assert "rapat tanggal 29 Oktober 2024" in page
    assert "Halaman 1 dari 1" in page
    for finding in data["findings"]:
        mine = "Diskominfo" in finding["agencies"]
        assert (finding["text"] in page) == mine, finding["text"]
        if mine:
            title = framework.indicator(finding["indicator"]).title.get("id")
            assert finding["indicator"] in page
            assert " ".join(title.split()[:3]) in page  # the linked indicator's title
    assert "31 Des 2024" in page
    assert "Sedang" in page and "Rendah" in page  # priorities in words


@needs_poppler
def test_agency_name_matches_whatever_the_case(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    render_agency_findings(data, framework, "  diskominfo ", tmp_path / "a.pdf")
    assert "Indikator ECO.3.2 belum didukung" in pdf_text(tmp_path / "a.pdf")[0]


@needs_poppler
def test_agency_without_findings_gets_a_page_that_says_so(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    render_agency_findings(data, framework, "Dinas Perhubungan", tmp_path / "a.pdf")
    assert (
        "Tidak ada temuan yang ditujukan kepada Dinas Perhubungan."
        in pdf_text(tmp_path / "a.pdf")[0]
    )


@needs_poppler
def test_agency_pdf_in_english(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    render_agency_findings(data, framework, "Bappeda", tmp_path / "a.pdf", language="en")
    page = pdf_text(tmp_path / "a.pdf")[0]
    assert page.startswith("FINDINGS AND RECOMMENDATIONS for Bappeda")
    assert "Page 1 of 1" in page and "High" in page


def test_agency_must_be_named(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    with pytest.raises(ReportError, match="agency"):
        render_agency_findings(data, framework, " ", tmp_path / "a.pdf")


# --- the city's outstanding evidence ----------------------------------------


@needs_poppler
def test_outstanding_evidence_pdf_groups_pending_items_by_indicator(
    demo: Demo, tmp_path: Path
) -> None:
    data, framework = demo
    out = tmp_path / "pending.pdf"
    assert render_outstanding_evidence(data, framework, out) == 1
    page = pdf_text(out)[0]
    assert page.startswith("DAFTAR BUKTI DUKUNG YANG BELUM DISERAHKAN Kota Tirtamaya (fiktif)")
    assert "paling lambat tanggal 30 Oktober 2024" in page
    pending = [
        (a["indicator"], e)
        for a in data["assessments"]
        for e in a["evidence"]
        if e["status"] == "pending"
    ]
    assert pending
    order = [i.code for i in framework.indicators()]
    codes = sorted({code for code, _ in pending}, key=order.index)
    positions = [
        page.index(f"{code} {framework.indicator(code).title.get('id')}") for code in codes
    ]
    assert positions == sorted(positions)  # in the framework's order, each under its heading
    for _, evidence in pending:
        assert evidence["title"] in page
    provided = [
        e["title"] for a in data["assessments"] for e in a["evidence"] if e["status"] != "pending"
    ]
    assert not any(title in page for title in provided)


@needs_poppler
def test_outstanding_item_with_its_own_due_date_keeps_it(demo: Demo, tmp_path: Path) -> None:
    data, framework = copy.deepcopy(demo[0]), demo[1]
    item = next(e for a in data["assessments"] for e in a["evidence"] if e["status"] == "pending")
    item["due_date"] = "2024-11-15"
    render_outstanding_evidence(data, framework, tmp_path / "p.pdf")
    page = pdf_text(tmp_path / "p.pdf")[0]
    assert f"{item['title']} Berkas 15 Nov 2024" in page


@needs_poppler
def test_nothing_outstanding_says_so(demo: Demo, tmp_path: Path) -> None:
    data, framework = copy.deepcopy(demo[0]), demo[1]
    for assessment in data["assessments"]:
        for evidence in assessment["evidence"]:
            evidence["status"] = "accepted"
    render_outstanding_evidence(data, framework, tmp_path / "p.pdf", language="en")
    assert "All evidence has been delivered." in pdf_text(tmp_path / "p.pdf")[0]


def test_short_documents_refuse_an_unwritable_folder(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReportError, match="cannot write"):
        render_outstanding_evidence(data, framework, tmp_path / "file" / "p.pdf")
    with pytest.raises(ReportError, match="cannot write"):
        render_agency_findings(data, framework, "Bappeda", tmp_path / "nope" / "a.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


# --- inputs -----------------------------------------------------------------


def test_snapshot_field_of_the_wrong_shape_is_named(demo: Demo, tmp_path: Path) -> None:
    data, framework = copy.deepcopy(demo[0]), demo[1]
    data["session"]["starts_at"] = "tomorrow morning"
    with pytest.raises(ReportError, match=r"session\.starts_at"):
        render_minutes(data, framework, tmp_path / "m.pdf")
    data = copy.deepcopy(demo[0])
    data["assessments"][3]["self_level"] = "three"
    with pytest.raises(ReportError, match=r"assessments\[3\]\.self_level"):
        render_outstanding_evidence(data, framework, tmp_path / "m.pdf")
    assert not list(tmp_path.iterdir())


def test_framework_other_than_the_snapshots_is_refused(demo: Demo, tmp_path: Path) -> None:
    data, _ = demo
    other = find_framework(tmp_path, "gmsc-2022-instrument")
    with pytest.raises(ReportError, match="gmsc-2024-illustrative"):
        render_minutes(data, other, tmp_path / "m.pdf")


def test_unknown_language_is_refused(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    with pytest.raises(ReportError, match="'fr'"):
        render_minutes(data, framework, tmp_path / "m.pdf", language="fr")


def test_default_signers_are_the_lead_evaluator_then_the_regions_signer(demo: Demo) -> None:
    data, _ = demo
    signers = default_signers(data)
    assert [s.position for s in signers] == ["Ketua Tim Evaluator", "Sekretaris Daerah"]
    assert signers[1].role_label == "Pemerintah Kota Tirtamaya"


# --- wording ----------------------------------------------------------------


def test_both_languages_have_every_text() -> None:
    assert set(TEXTS["id"]) == set(TEXTS["en"])


def test_texts_escape_what_people_typed() -> None:
    texts = Texts("id")
    assert texts("agency_for", agency="A & <B>") == "untuk A &amp; &lt;B&gt;"
    assert texts.plain("agency_for", agency="A & B") == "untuk A & B"
    assert texts.code("role", "agency_head") == "Kepala Perangkat Daerah"
    assert texts.code("role", "<new>") == "&lt;new&gt;"


@pytest.mark.parametrize(
    ("day", "language", "words"),
    [
        (
            dt.date(2024, 10, 29),
            "id",
            "tanggal dua puluh sembilan bulan Oktober tahun dua ribu dua puluh empat",
        ),
        (dt.date(2025, 1, 1), "id", "tanggal satu bulan Januari tahun dua ribu dua puluh lima"),
        (
            dt.date(2024, 10, 29),
            "en",
            "the twenty-ninth day of October in the year two thousand and twenty-four",
        ),
    ],
)
def test_dates_in_words(day: dt.date, language: str, words: str) -> None:
    assert date_in_words(day, Texts(language)) == words


def test_meeting_time_in_the_regions_zone() -> None:
    from zoneinfo import ZoneInfo

    start = dt.datetime(2024, 10, 29, 2, 0, tzinfo=dt.UTC)
    assert clock_time(start.astimezone(ZoneInfo("Asia/Jakarta")), "id") == "09.00 WIB"
    assert clock_time(start.astimezone(ZoneInfo("Asia/Makassar")), "id") == "10.00 WITA"
    assert clock_time(start.astimezone(ZoneInfo("Asia/Jayapura")), "id") == "11.00 WIT"


def test_scores_half_up_with_the_languages_decimal_sign() -> None:
    from decimal import Decimal

    assert score_text(Decimal("2.505"), Texts("id")) == "2,51"
    assert score_text(Decimal("2.504"), Texts("en")) == "2.50"
    assert score_text(None, Texts("id")) == "–"


def test_place_of_the_minutes_is_the_regions_name() -> None:
    assert place_of("Kota Tirtamaya (fiktif)") == "Tirtamaya"
    assert place_of("Kabupaten Sleman") == "Sleman"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_new_document_is_readable_like_any_new_file_not_private(demo: Demo, tmp_path: Path) -> None:
    data, framework = demo
    out = tmp_path / "p.pdf"
    render_outstanding_evidence(data, framework, out)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
