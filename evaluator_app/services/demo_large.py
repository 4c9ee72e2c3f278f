"""Large demo data for benchmarks: one big session, or an archive of many sessions.

``create_large`` makes a session on a synthetic framework of 150 indicators
(6 dimensions × 5 sub-dimensions × 5 indicators) with 8 participants, 600
clarifications, 1,500 evidence records carrying 200 MB of files and 120
findings.  ``create_archive`` makes 500 lighter sessions (100 regions × 5
years) on the shipped framework.  Both go through the real services; work is
grouped inside one outer operation per group so that it takes one transaction
(and one audit batch) rather than thousands.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from evaluator_app.services import assessments, clarifications, evidence, findings
from evaluator_app.services.demo import AGENCIES, QUESTIONS, add_demo_people
from evaluator_app.services.findings import FindingDetails
from evaluator_app.services.frameworks import installed_frameworks_dir
from evaluator_app.services.operation import Context, operation
from evaluator_app.services.sessions import SessionDetails, create_session, set_session_status

# Bump when the generated data changes (benchmarks cache data by this version).
GENERATOR_VERSION = "1"

LARGE_FRAMEWORK_ID = "bench-large"
LARGE_REGION = "Kota Besar Bench (fiktif)"
ARCHIVE_FRAMEWORK = "gmsc-2024-illustrative"
DIMENSIONS = ("GOV", "BRD", "ECO", "SOC", "LIV", "ENV")
ZONE = ZoneInfo("Asia/Jakarta")
CHUNK = 1 << 20


@dataclass(frozen=True)
class LargeSpec:
    """How much the large session holds; ``scaled`` shrinks it (for tests)."""

    sub_dimensions: int = 5
    indicators_per_group: int = 5
    clarifications: int = 600
    evidence_records: int = 1500
    evidence_files: int = 1000  # of the records; the rest are links, seen, promised
    file_bytes: int = 200 * 1000 * 1000
    findings: int = 120

    def scaled(self, factor: float) -> LargeSpec:
        def n(value: int) -> int:
            return max(1, round(value * factor))

        return LargeSpec(
            sub_dimensions=self.sub_dimensions,
            indicators_per_group=self.indicators_per_group,
            clarifications=n(self.clarifications),
            evidence_records=n(self.evidence_records),
            evidence_files=n(self.evidence_files),
            file_bytes=n(self.file_bytes),
            findings=n(self.findings),
        )


def large_framework_yaml(spec: LargeSpec) -> str:
    """The synthetic framework: every dimension with the same shape, four levels."""
    lines = [
        f"id: {LARGE_FRAMEWORK_ID}",
        'version: "1"',
        "illustrative: true",
        "title: {id: Kerangka Uji Beban, en: Load Test Framework}",
        "scale:",
        "  - {value: 1, name: Rintisan}",
        "  - {value: 2, name: Berkembang}",
        "  - {value: 3, name: Terdefinisi}",
        "  - {value: 4, name: Optimal}",
        "predicates:",
        "  - {min: 0, name: {id: Kurang, en: Poor}}",
        "  - {min: 2.5, name: {id: Baik, en: Good}}",
        "dimensions:",
    ]
    for d, dimension in enumerate(DIMENSIONS, start=1):
        lines += [
            f"  - code: {dimension}",
            f"    title: {{id: Dimensi {d}, en: Dimension {d}}}",
            "    weight: 1",
            "    groups:",
        ]
        for g in range(1, spec.sub_dimensions + 1):
            lines += [
                f"      - code: {dimension}.{g}",
                f"        title: Subdimensi {dimension}.{g}",
                "        indicators:",
            ]
            for i in range(1, spec.indicators_per_group + 1):
                code = f"{dimension}.{g}.{i}"
                levels = ", ".join(
                    f"{level}: Kriteria level {level} untuk indikator {code}"
                    for level in range(1, 5)
                )
                lines.append(
                    f"          - {{code: {code}, title: Indikator {code}, levels: {{{levels}}}}}"
                )
    return "\n".join(lines) + "\n"


def install_large_framework(data_dir: Path, spec: LargeSpec) -> None:
    folder = installed_frameworks_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{LARGE_FRAMEWORK_ID}.yaml").write_text(large_framework_yaml(spec), "utf-8")


def _file_sizes(rng: random.Random, count: int, total: int) -> list[int]:
    # Mostly small documents, a few large scans: log-uniform weights, scaled to the total.
    weights = [2 ** rng.uniform(0, 10) for _ in range(count)]
    scale = total / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    sizes[0] += total - sum(sizes)
    return sizes


def write_random_file(path: Path, size: int, rng: random.Random) -> None:
    """``size`` random-ish bytes, written in chunks (never whole in memory)."""
    with path.open("wb") as out:
        left = size
        while left > 0:
            n = min(CHUNK, left)
            # A random head per chunk over a repeated random block: unique files, cheap to make.
            out.write(rng.randbytes(min(n, 64)) + os.urandom(max(0, n - 64)))
            left -= n


def _cycle(items: list[str], n: int) -> Iterator[str]:
    for k in range(n):
        yield items[k % len(items)]


def create_large(ctx: Context, spec: LargeSpec | None = None, seed: int = 150) -> str:
    """Create the large session (installing its framework); returns its id."""
    spec = spec or LargeSpec()
    rng = random.Random(seed)
    install_large_framework(ctx.store.data_dir, spec)
    session_id = create_session(
        ctx,
        LARGE_FRAMEWORK_ID,
        SessionDetails(
            region=LARGE_REGION,
            stage=2,
            year=2025,
            starts_at=dt.datetime(2025, 10, 29, 9, 0, tzinfo=ZONE),
            timezone="Asia/Jakarta",
            venue="Aula Balai Kota",
            evidence_deadline=dt.date(2025, 10, 30),
        ),
    )
    from evaluator_app.services.frameworks import find_framework

    framework = find_framework(ctx.store.data_dir, LARGE_FRAMEWORK_ID)
    codes = [i.code for i in framework.indicators()]
    with operation(ctx, "demo") as op:
        op.session_id = session_id
        people = add_demo_people(ctx, session_id)
    evaluators = people[:3]
    set_session_status(ctx, session_id, "in_progress")
    with operation(ctx, "demo") as op:
        op.session_id = session_id
        for n, code in enumerate(codes):
            assessments.set_self_level(ctx, session_id, code, rng.randint(1, 4))
            if n % 4 == 3:
                continue  # a quarter still to come
            level = rng.randint(1, 4)
            for evaluator in evaluators:
                own = min(4, max(1, level + rng.choice((-1, 0, 0, 1))))
                assessments.set_rating(ctx, session_id, code, evaluator, own)
            assessments.set_agreed_level(ctx, session_id, code, level)
            assessments.set_notes(
                ctx,
                session_id,
                code,
                f"Level {level} disepakati untuk {code}. Dokumen pendukung diperiksa "
                f"bersama tim pelaksana; catatan nomor {n} tentang regulasi dan anggaran.",
            )
    with operation(ctx, "demo") as op:
        op.session_id = session_id
        for k, code in enumerate(_cycle(codes, spec.clarifications)):
            question, reply = QUESTIONS[k % len(QUESTIONS)]
            asked = clarifications.ask(
                ctx, session_id, code, f"{question} ({k})", evaluators[k % 3]
            )
            if reply and k % 2 == 0:
                clarifications.answer(ctx, asked, reply, people[4 + k % 2])
        for k, code in enumerate(_cycle(codes, spec.findings)):
            findings.add_finding(
                ctx,
                session_id,
                FindingDetails(
                    text=f"Indikator {code} belum didukung data capaian yang terukur ({k}).",
                    recommendation="Susun indikator kinerja dan laporkan capaiannya.",
                    indicator_code=code,
                    agencies=(AGENCIES[k % len(AGENCIES)], AGENCIES[(k + 1) % len(AGENCIES)]),
                    priority=("high", "medium", "low")[k % 3],
                    due_date=dt.date(2025, 12, 31),
                ),
            )
    _add_evidence(ctx, session_id, codes, spec, rng)
    return session_id


def _add_evidence(
    ctx: Context, session_id: str, codes: list[str], spec: LargeSpec, rng: random.Random
) -> None:
    files = min(spec.evidence_files, spec.evidence_records)
    sizes = _file_sizes(rng, files, spec.file_bytes)
    batch = 100
    with tempfile.TemporaryDirectory() as folder:
        for start in range(0, spec.evidence_records, batch):
            with operation(ctx, "demo") as op:
                op.session_id = session_id
                for k in range(start, min(start + batch, spec.evidence_records)):
                    code = codes[k % len(codes)]
                    if k < files:
                        path = Path(folder) / f"bukti-{k:05d}.bin"
                        write_random_file(path, sizes[k], rng)
                        attached = evidence.attach_file(
                            ctx, session_id, code, path, f"Bukti dukung {code} #{k}"
                        )
                        path.unlink()
                        if k % 3 == 0:
                            evidence.accept(ctx, attached)
                    elif k % 3 == 0:
                        evidence.add_link(
                            ctx, session_id, code, f"https://example.org/bukti/{k}", f"Tautan {k}"
                        )
                    elif k % 3 == 1:
                        evidence.add_seen(ctx, session_id, code, f"SK {k}", "Ditunjukkan.")
                    else:
                        evidence.promise(
                            ctx, session_id, code, f"Laporan {k}", dt.date(2025, 10, 30)
                        )


def create_archive(ctx: Context, regions: int = 100, years: int = 5, seed: int = 500) -> list[str]:
    """Sessions of ``regions`` regions over ``years`` years, each lightly filled; their ids."""
    rng = random.Random(seed)
    from evaluator_app.services.frameworks import find_framework

    framework = find_framework(ctx.store.data_dir, ARCHIVE_FRAMEWORK)
    codes = [i.code for i in framework.indicators()]
    made = []
    for r in range(regions):
        region = f"Kabupaten Arsip {r + 1:03d} (fiktif)"
        for y in range(years):
            year = 2021 + y
            # One session per operation: the audit chain is per session.
            session_id = create_session(
                ctx,
                ARCHIVE_FRAMEWORK,
                SessionDetails(
                    region=region,
                    stage=1 + y % 2,
                    year=year,
                    starts_at=dt.datetime(year, 10, 1, 9, 0, tzinfo=ZONE),
                    timezone="Asia/Jakarta",
                ),
            )
            with operation(ctx, "demo") as op:
                op.session_id = session_id
                for n, code in enumerate(codes):
                    if n % 2:
                        continue
                    level = rng.randint(1, 4)
                    assessments.set_agreed_level(ctx, session_id, code, level)
                    assessments.set_notes(
                        ctx,
                        session_id,
                        code,
                        f"{region} {year}: level {level}; anggaran dan regulasi ditinjau.",
                    )
            made.append(session_id)
    return made
