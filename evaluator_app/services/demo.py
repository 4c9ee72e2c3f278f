"""A demo session: a fictional city half-way through its stage II meeting."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from evaluator_app.services import (
    assessments,
    clarifications,
    evidence,
    findings,
    participants,
    signoff,
)
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.frameworks import find_framework
from evaluator_app.services.operation import Context, operation
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session, set_session_status

DEMO_FRAMEWORK = "gmsc-2024-illustrative"
DEMO_REGION = "Kota Tirtamaya (fiktif)"

PEOPLE = [
    ("Dr. Rina Kusumawardani", None, "Ketua Tim Evaluator", "Tim Evaluator GMSC", "lead_evaluator"),
    ("Ir. Hendra Saputra, M.T.", None, "Evaluator", "Tim Evaluator GMSC", "evaluator"),
    ("Maya Lestari, S.Kom., M.Sc.", None, "Evaluator", "Tim Evaluator GMSC", "evaluator"),
    (
        "Drs. Agus Salim Harahap, M.Si.",
        "196803121994031005",
        "Sekretaris Daerah",
        "Pemerintah Kota Tirtamaya",
        "signer",
    ),
    (
        "Dewi Anggraini, S.T., M.T.",
        "197502152000032004",
        "Kepala Dinas Komunikasi dan Informatika",
        "Diskominfo Kota Tirtamaya",
        "agency_head",
    ),
    (
        "Bambang Wijaya, S.E.",
        "197811052003121002",
        "Kepala Bappeda",
        "Bappeda Kota Tirtamaya",
        "agency_head",
    ),
    ("Prof. Sri Handayani", None, "Anggota Dewan Smart City", "Dewan Smart City", "council"),
    (
        "Yusuf Pratama, S.Kom.",
        "198907222015031001",
        "Ketua Tim Pelaksana",
        "Tim Pelaksana Smart City",
        "implementation_team",
    ),
]

QUESTIONS = [
    (
        "Apakah regulasi ini sudah ditetapkan atau masih rancangan?",
        "Sudah ditetapkan melalui Peraturan Wali Kota tahun lalu.",
    ),
    (
        "Siapa perangkat daerah penanggung jawab program ini?",
        "Diskominfo sebagai koordinator, bersama Bappeda.",
    ),
    ("Apakah ada data capaian tahun berjalan?", "Ada, akan kami kirimkan laporan triwulan ketiga."),
    ("Bagaimana keterlibatan masyarakat dalam program ini?", None),
    ("Apakah anggaran tahun ini sudah terealisasi?", None),
]

RANKS = {  # pangkat/golongan by NIP
    "196803121994031005": "Pembina Utama Madya (IV/d)",
    "197502152000032004": "Pembina Tingkat I (IV/b)",
    "197811052003121002": "Pembina (IV/a)",
    "198907222015031001": "Penata (III/c)",
}

AGENCIES = [
    "Diskominfo",
    "Bappeda",
    "Dinas Pariwisata",
    "Dinas Lingkungan Hidup",
    "Dinas Kesehatan",
]


def add_demo_people(ctx: Context, session_id: str) -> list[str]:
    """The demo city's attendance (PEOPLE, in order); their participant ids."""
    return [
        participants.add_participant(
            ctx,
            session_id,
            ParticipantDetails(
                name=name,
                nip=nip,
                position=position,
                organisation=org,
                rank=RANKS.get(nip or "", ""),
                role=role,
            ),
        )
        for name, nip, position, org, role in PEOPLE
    ]


def create_demo(ctx: Context, seed: int = 2024) -> str:
    """Create the demo session; returns its id."""
    rng = random.Random(seed)
    framework = find_framework(ctx.store.data_dir, DEMO_FRAMEWORK)
    zone = ZoneInfo("Asia/Jakarta")
    session_id = create_session(
        ctx,
        DEMO_FRAMEWORK,
        SessionDetails(
            region=DEMO_REGION,
            stage=2,
            year=2024,
            starts_at=dt.datetime(2024, 10, 29, 9, 0, tzinfo=zone),
            timezone="Asia/Jakarta",
            venue="Ruang Rapat Utama Balai Kota Tirtamaya",
            evidence_deadline=dt.date(2024, 10, 30),
            document_number="001/BA-EV/SC-TRM/X/2024",
        ),
    )
    people = add_demo_people(ctx, session_id)
    evaluators = people[:3]
    set_session_status(ctx, session_id, "in_progress")
    codes = [i.code for i in framework.indicators()]
    top = framework.level_values()[-1]
    for code in codes:
        assessments.set_self_level(ctx, session_id, code, rng.randint(2, top))
    # About half of each dimension is settled, the rest still to come.
    scored = [
        indicator.code
        for dimension in framework.dimensions
        for n, indicator in enumerate(dimension.walk_indicators())
        if n % 2 == 0
    ]
    with tempfile.TemporaryDirectory() as folder:
        for n, code in enumerate(scored):
            _score_indicator(ctx, session_id, code, n, rng, top, evaluators, people, Path(folder))
    current = next(code for code in codes if code not in scored)
    assessments.set_status(ctx, session_id, current, "in_discussion")
    assessments.set_notes(ctx, session_id, current, "Sedang dibahas: menunggu penjelasan Bappeda.")
    clarifications.ask(ctx, session_id, current, QUESTIONS[4][0], evaluators[0])
    return session_id


def _score_indicator(
    ctx: Context,
    session_id: str,
    code: str,
    n: int,
    rng: random.Random,
    top: int,
    evaluators: list[str],
    people: list[str],
    folder: Path,
) -> None:
    if n % 11 == 7:
        assessments.set_not_applicable(
            ctx, session_id, code, "Program belum menjadi kewenangan pemerintah kota."
        )
        return
    level = rng.randint(1, top)
    for evaluator in evaluators:
        own = min(top, max(1, level + rng.choice((-1, 0, 0, 1))))
        assessments.set_rating(ctx, session_id, code, evaluator, own)
    assessments.set_agreed_level(ctx, session_id, code, level)
    assessments.set_notes(
        ctx,
        session_id,
        code,
        f"Level {level} disepakati. Dokumen pendukung diperiksa bersama tim pelaksana.",
    )
    if n % 3 == 0:
        question, reply = QUESTIONS[n % len(QUESTIONS)]
        clarification = clarifications.ask(ctx, session_id, code, question, evaluators[n % 3])
        if reply:
            clarifications.answer(ctx, clarification, reply, people[4 + n % 2])
    if n % 2 == 0:
        document = folder / f"bukti-{code.replace('.', '-')}.txt"
        document.write_text(
            f"Dokumen bukti dukung untuk indikator {code} (demo).\n", encoding="utf-8"
        )
        attached = evidence.attach_file(ctx, session_id, code, document, f"Bukti dukung {code}")
        if n % 4 == 0:
            evidence.accept(ctx, attached)
    if n % 5 == 1:
        evidence.promise(ctx, session_id, code, f"Laporan capaian {code}", dt.date(2024, 10, 30))
    if n % 5 == 3:
        evidence.add_seen(
            ctx,
            session_id,
            code,
            "SK Tim Pelaksana Smart City",
            "Ditunjukkan dalam rapat; salinan menyusul.",
        )
    if n % 4 == 2:
        findings.add_finding(
            ctx,
            session_id,
            FindingDetails(
                text=f"Indikator {code} belum didukung data capaian yang terukur.",
                recommendation="Susun indikator kinerja dan laporkan capaiannya setiap triwulan.",
                indicator_code=code,
                agencies=(AGENCIES[n % len(AGENCIES)], AGENCIES[(n + 1) % len(AGENCIES)]),
                priority=("high", "medium", "low")[n % 3],
                due_date=dt.date(2024, 12, 31),
            ),
        )


def create_previous_year(ctx: Context, seed: int = 2023) -> str:
    """Last year's session of the demo city: every indicator settled, a little lower
    on the whole than this year's claims, and signed (for year over year)."""
    rng = random.Random(seed)
    framework = find_framework(ctx.store.data_dir, DEMO_FRAMEWORK)
    session_id = create_session(
        ctx,
        DEMO_FRAMEWORK,
        SessionDetails(
            region=DEMO_REGION,
            stage=2,
            year=2023,
            starts_at=dt.datetime(2023, 10, 24, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
            timezone="Asia/Jakarta",
            venue="Ruang Rapat Utama Balai Kota Tirtamaya",
            document_number="004/BA-EV/SC-TRM/X/2023",
        ),
    )
    people = add_demo_people(ctx, session_id)
    signers = [pid for pid, person in zip(people, PEOPLE, strict=True) if person[4] == "signer"]
    set_session_status(ctx, session_id, "in_progress")
    levels = framework.level_values()
    with operation(ctx, "set_agreed_level") as op:  # one transaction: the demo opens fast
        op.session_id = session_id
        for n, indicator in enumerate(framework.indicators()):
            level = rng.choice(levels[:-1])  # nobody reached the top level last year
            assessments.set_agreed_level(ctx, session_id, indicator.code, level)
            if n % 3 == 0:
                note = f"Tahun 2023: level {level}; dokumen belum lengkap."
                assessments.set_notes(ctx, session_id, indicator.code, note)
    signoff.sign_off(ctx, session_id, signers)
    return session_id


def ensure_demo(ctx: Context) -> str:
    """This laptop's demo session (the current year's), made with last year's if absent."""
    from evaluator_app.services.sessions import list_sessions

    mine = [s for s in list_sessions(ctx) if s.region == DEMO_REGION]
    if mine:
        return max(mine, key=lambda s: s.year).id
    create_previous_year(ctx)
    return create_demo(ctx)
