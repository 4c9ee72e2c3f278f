"""Issue 10, item 4: one changed byte is found by the matching check, and said where.

* an evidence file: the store's read names the file and says it changed;
* an audit event (one character of any column, in the database): the chain
  check names the event (its number) and what is wrong;
* a bundle: the import refuses it naming the member, or (a byte of zip
  bookkeeping that carries no content: a member's time stamp, a version
  field) the import gives exactly what the untouched bundle gives;
* a signed PDF: verification fails, naming the signature and the problem.

CI changes bytes at positions spread over each whole file; RELIABILITY_FULL=1
changes every byte (the signed PDF: every 61st, as each check of it takes ~0.3 s).
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from random import Random

import pytest

from evaluator_app.exchange.errors import BundleError
from evaluator_app.services import minutes
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundle_import import import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context, open_context
from evaluator_app.store.evidence_store import EvidenceFileError, EvidenceStore
from tests.conftest import TINY_FRAMEWORK
from tests.reliability.conftest import FULL
from tests.reliability.seeds import Seeds, small_session


def positions(size: int, sample: int, stride: int = 1) -> list[int]:
    """Every ``stride``-th byte on demand; else ``sample`` spread evenly plus random ones."""
    if FULL:
        return list(range(0, size, stride))
    rng = Random(size)
    even = {round(i * (size - 1) / (sample - 1)) for i in range(sample)}
    return sorted(even | {rng.randrange(size) for _ in range(sample // 4)})


def flipped(data: bytes, at: int, rng: Random) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 1 << rng.randrange(8)
    return bytes(changed)


# --- evidence files -------------------------------------------------------------


def test_any_changed_byte_of_an_evidence_file_is_refused(seeds: Seeds, tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    original = seeds.evidence.read_bytes()
    stored = store.put_stream(__import__("io").BytesIO(original))
    path = store.path_for(stored.sha256)
    rng = Random(4)
    checked = 0
    for at in positions(len(original), 48):
        path.write_bytes(flipped(original, at, rng))
        with pytest.raises(EvidenceFileError) as raised:
            store.read_bytes(stored.sha256)
        assert raised.value.path == path
        assert raised.value.problem == "the file was changed after it was stored"
        assert stored.sha256[:12] in str(raised.value) and str(path) in str(raised.value)
        checked += 1
    path.write_bytes(original)
    assert store.read_bytes(stored.sha256) == original  # the check can also say yes
    print(f"\nevidence: {checked} single-byte changes of a {len(original)}-byte file, all refused")


# --- audit events ---------------------------------------------------------------

COLUMNS = (
    "id",
    "session_id",
    "seq",
    "at",
    "actor",
    "operation_id",
    "action",
    "target_operation_id",
    "record_type",
    "record_id",
    "change",
    "field",
    "old_value",
    "new_value",
    "prev_hash",
    "hash",
)


def one_character_changed(value: object, rng: Random) -> object:
    if value is None:
        return "x"  # a NULL that gets a value
    if isinstance(value, int):
        return value + 100  # another number, not one taken (seq is unique per session)
    text = str(value)
    if not text:
        return "x"
    at = rng.randrange(len(text))
    replacement = "0" if text[at] != "0" else "1"
    return text[:at] + replacement + text[at + 1 :]


@pytest.fixture
def audited(data_dir: Path, tmp_path: Path) -> Iterator[tuple[Context, str]]:
    evidence = tmp_path / "sk.bin"
    evidence.write_bytes(b"surat keputusan")
    ctx = open_context(str(data_dir), "tester")
    yield ctx, small_session(ctx, evidence)
    ctx.store.close()


def test_any_changed_character_of_an_audit_event_is_found_and_placed(
    audited: tuple[Context, str], data_dir: Path
) -> None:
    ctx, sid = audited
    assert verify_chain(ctx, sid).intact
    database = data_dir / "evaluator.sqlite"
    connection = sqlite3.connect(database, isolation_level=None)
    rows = connection.execute(
        "SELECT seq, " + ", ".join(COLUMNS) + " FROM audit_event WHERE session_id = ? ORDER BY seq",
        (sid,),
    ).fetchall()
    last = rows[-1][0]
    rng = Random(7)
    sample = rows if FULL else [rows[0], rows[1], rows[len(rows) // 2], rows[-1]]
    cases = 0
    try:
        for row in sample:
            seq, values = row[0], dict(zip(COLUMNS, row[1:], strict=True))
            for column in COLUMNS:
                changed = one_character_changed(values[column], rng)
                connection.execute(
                    f"UPDATE audit_event SET {column} = ? WHERE id = ?", (changed, values["id"])
                )
                where = values["id"] if column != "id" else changed
                try:
                    report = verify_chain(ctx, sid)
                finally:
                    connection.execute(
                        f"UPDATE audit_event SET {column} = ? WHERE id = ?", (values[column], where)
                    )
                assert not report.intact, (seq, column)
                if report.broken_at is not None:
                    # placed at the event itself, or (its own hash, or a number that
                    # now collides) at the next one whose link no longer matches
                    assert report.broken_at in (seq, seq + 1), (seq, column, report)
                    assert report.problem
                else:  # the event left this session's trail: what it did no longer shows
                    assert column == "session_id" and seq == last, (column, report)
                    assert report.mismatches, report
                cases += 1
    finally:
        connection.close()
    assert verify_chain(ctx, sid).intact
    print(f"\naudit: {cases} single-character changes over {len(sample)} events, all found")


def test_an_audit_time_that_is_no_longer_a_time_is_reported_not_a_crash(
    audited: tuple[Context, str], data_dir: Path
) -> None:
    ctx, sid = audited
    connection = sqlite3.connect(data_dir / "evaluator.sqlite", isolation_level=None)
    try:
        connection.execute(
            "UPDATE audit_event SET at = 'kemarin' WHERE session_id = ? AND seq = 2", (sid,)
        )
    finally:
        connection.close()
    try:
        report = verify_chain(ctx, sid)
    except InvalidInput as error:  # refused in words is fine too
        assert "audit" in str(error)
    else:
        assert not report.intact and report.broken_at == 2


# --- bundles --------------------------------------------------------------------


def bundle_content(ctx: Context, sid: str, out: Path) -> dict[str, object]:
    """What an import left: the session's data and trail, but the import's own
    event (its id, time and hash are new at every import)."""
    export_bundle(ctx, sid, out)
    with zipfile.ZipFile(out) as archive:
        content: dict[str, object] = {
            n: archive.read(n)
            for n in archive.namelist()
            if n not in ("manifest.json", "audit.json")
        }
        events = json.loads(archive.read("audit.json"))["events"]
    own = {"id", "at", "hash", "operation_id"}
    content["audit.json"] = [
        {k: v for k, v in e.items() if not (k in own and e["action"].startswith("import"))}
        for e in events
    ]
    return content


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("empty-store")
    (folder / "frameworks").mkdir()
    (folder / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
    open_context(str(folder), "tester").store.close()
    return folder


def test_any_changed_byte_of_a_bundle_is_refused_or_changes_nothing(
    seeds: Seeds, empty_store: Path, tmp_path: Path
) -> None:
    original = seeds.bundle.read_bytes()
    reference_dir = tmp_path / "reference"
    shutil.copytree(empty_store, reference_dir)
    reference = open_context(str(reference_dir), "tester")
    sid = import_bundle(reference, seeds.bundle).session_id
    expected = bundle_content(reference, sid, tmp_path / "reference.evpkg")
    reference.store.close()

    rng = Random(11)
    refused: dict[str, int] = {}
    harmless = 0
    tampered = tmp_path / "tampered.evpkg"
    for at in positions(len(original), 40):
        tampered.write_bytes(flipped(original, at, rng))
        target = tmp_path / f"import-{at}"
        shutil.copytree(empty_store, target)
        ctx = open_context(str(target), "tester")
        try:
            try:
                import_bundle(ctx, tampered)
            except BundleError as error:
                assert error.source == "tampered.evpkg" and error.problem, error
                where = error.member or "(the file)"
                key = where.split(":")[0].split("/")[0]
                refused[key] = refused.get(key, 0) + 1
                continue
            # accepted: only if the byte carried no content at all
            assert bundle_content(ctx, sid, tmp_path / "again.evpkg") == expected, at
            assert verify_chain(ctx, sid).intact
            harmless += 1
        finally:
            ctx.store.close()
            shutil.rmtree(target)
    print(
        f"\nbundle: {sum(refused.values())} refused {refused},",
        f"{harmless} harmless (zip bookkeeping)",
    )
    assert sum(refused.values()) > harmless


# --- signed PDFs ----------------------------------------------------------------


def signature_containers(pdf: bytes) -> list[range]:
    """The bytes of each signature's /Contents: the gap its /ByteRange leaves out."""
    found = re.finditer(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", pdf)
    return [range(int(m[1]) + int(m[2]), int(m[3])) for m in found]


def test_any_changed_byte_of_signed_minutes_fails_verification(
    seeds_copy: Seeds, tmp_path: Path
) -> None:
    """Every signed byte: verification fails, naming the signature and the problem.

    The only bytes a signature does not cover are its own container (the hex
    /Contents: the CMS, then zero padding).  A change there that still verifies
    left the signed content and the signature value as they were (else the
    hash or the signature check fails): padding, a hex digit's case, or an
    embedded copy of a certificate that the check takes from the trust roots
    instead.  Those are counted apart; a change anywhere else must fail.
    """
    ctx = open_context(str(seeds_copy.data_dir), "tester")
    original = seeds_copy.pdf.read_bytes()
    assert minutes.verify_minutes(ctx, seeds_copy.pdf).ok
    containers = signature_containers(original)
    assert len(containers) == 2
    rng = Random(13)
    tampered = tmp_path / "berita-acara.pdf"
    outcomes: dict[str, int] = {}
    unused = 0
    try:
        for at in positions(len(original), 24, stride=61):
            tampered.write_bytes(flipped(original, at, rng))
            try:
                check = minutes.verify_minutes(ctx, tampered)
            except InvalidInput as error:
                assert "berita-acara.pdf" in str(error)
                outcomes["unreadable"] = outcomes.get("unreadable", 0) + 1
                continue
            if check.ok:
                assert any(at in gap for gap in containers), f"byte {at} changed, still verifies"
                unused += 1
                continue
            named = [f"{s.field}: {p}" for s in check.report.signatures for p in s.problems]
            said = named + list(check.report.problems) + check.problems
            assert said, at
            first = (named or said)[0].split(": ", 1)[-1][:40]
            outcomes[first] = outcomes.get(first, 0) + 1
    finally:
        ctx.store.close()
    print(
        f"\nsigned PDF: {sum(outcomes.values())} single-byte changes failed: {outcomes};",
        f"{unused} in a signature's own container left what is proven unchanged",
    )
