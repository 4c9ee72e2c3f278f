"""The fast paths of bundle evidence (issue 9) and their fallbacks: stored members read
at their offset and checked against their local header, the evidence checked by a
thread of its own while the import goes on, and the syncs that make files durable
before anything names them."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_bundle_helpers import members, state

from evaluator_app import syncing
from evaluator_app.exchange import reader, writer
from evaluator_app.exchange.crypto import EncryptingWriter, decrypt_to
from evaluator_app.exchange.errors import BundleError
from evaluator_app.services import evidence
from evaluator_app.services.bundle_import import import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.demo import create_demo
from evaluator_app.services.errors import InvalidInput
from evaluator_app.services.operation import Context, open_context
from evaluator_app.store import evidence_packs
from evaluator_app.store.evidence_store import EvidenceFileError, EvidenceStore

SCAN = hashlib.shake_256(b"pindaian").digest(300_000)  # random bytes: stored, not deflated


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo session with a scan big enough for several reads, as the app exports it."""
    folder = tmp_path_factory.mktemp("source")
    ctx = open_context(str(folder / "data"), "alice")
    try:
        session_id = create_demo(ctx)
        scan = folder / "scan.bin"
        scan.write_bytes(SCAN)
        evidence.attach_file(ctx, session_id, "GOV.1.1", scan, "Pindaian dokumen")
        yield export_bundle(ctx, session_id, folder / "demo.evpkg").path
    finally:
        ctx.store.close()


def _scan_member() -> str:
    return "evidence/" + hashlib.sha256(SCAN).hexdigest()


def _patched(source: Path, target: Path, at: int, data: bytes) -> Path:
    raw = bytearray(source.read_bytes())
    raw[at : at + len(data)] = data
    target.write_bytes(bytes(raw))
    return target


def _header_offset(bundle: Path, name: str) -> int:
    with zipfile.ZipFile(bundle) as archive:
        return archive.getinfo(name).header_offset


def _data_offset(bundle: Path, name: str) -> int:
    with zipfile.ZipFile(bundle) as archive, bundle.open("rb", buffering=0) as raw:
        info = archive.getinfo(name)
        assert info.compress_type == zipfile.ZIP_STORED
        return reader.stored_data_offset(raw, info, archive.start_dir)


def _stored_files(ctx: Context) -> list[Path]:
    return [p for p in ctx.store.evidence.root.rglob("*") if p.is_file()]


# --- reading a stored member at its offset -------------------------------------------


def test_a_stored_member_is_read_where_its_local_header_says(bundle: Path) -> None:
    start = _data_offset(bundle, _scan_member())
    assert bundle.read_bytes()[start : start + len(SCAN)] == SCAN


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        (0, b"PK\x05\x06", "no local header"),  # the signature
        (8, struct.pack("<H", zipfile.ZIP_DEFLATED), "does not match"),  # the method
        (6, struct.pack("<H", 0x1), "does not match"),  # encrypted after all
        (18, struct.pack("<L", 12), "does not match"),  # the stored size
        (30, b"E", "does not match"),  # the name ("evidence/…" → "Evidence/…")
        (28, struct.pack("<H", 0xFFFF), "SHA-256 differs"),  # the bytes start elsewhere
    ],
)
def test_a_local_header_that_disagrees_with_the_directory_is_refused(
    bundle: Path, tmp_path: Path, ctx: Context, field: int, value: bytes, words: str
) -> None:
    at = _header_offset(bundle, _scan_member()) + field
    bad = _patched(bundle, tmp_path / "kepala.evpkg", at, value)
    before = state(ctx)
    with pytest.raises(BundleError, match=words) as refused:
        import_bundle(ctx, bad)
    assert refused.value.member == _scan_member()
    assert str(refused.value).startswith("kepala.evpkg: ")
    assert state(ctx) == before
    assert _stored_files(ctx) == []


def test_bytes_that_would_run_into_the_directory_are_refused(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive, bundle.open("rb", buffering=0) as raw:
        info = archive.getinfo(_scan_member())
        start = reader.stored_data_offset(raw, info, archive.start_dir)
        assert reader.stored_data_offset(raw, info, start + info.file_size) == start
        with pytest.raises(BundleError, match="past the end"):
            reader.stored_data_offset(raw, info, start + info.file_size - 1)


def test_changed_evidence_bytes_are_refused_and_nothing_is_written(
    bundle: Path, tmp_path: Path, ctx: Context
) -> None:
    # Same size, same zip directory and CRC field: only the SHA-256 can tell.
    at = _data_offset(bundle, _scan_member()) + len(SCAN) // 2
    bad = _patched(bundle, tmp_path / "ubah.evpkg", at, b"\x00\x01\x02\x03")
    before = state(ctx)
    with pytest.raises(BundleError, match="SHA-256 differs") as refused:
        import_bundle(ctx, bad)
    assert refused.value.member == _scan_member()
    assert state(ctx) == before
    assert _stored_files(ctx) == []
    assert not list(ctx.store.evidence.root.glob(".incoming-*"))


def test_a_bundle_cut_inside_an_evidence_file_is_refused(bundle: Path, tmp_path: Path) -> None:
    # The directory is intact, the bytes it points at are not all there: as a reader
    # of a file that shrank while read would see it.
    with zipfile.ZipFile(bundle) as archive, bundle.open("rb", buffering=0) as raw:
        info = archive.getinfo(_scan_member())
        start = reader.stored_data_offset(raw, info, archive.start_dir)
        shrunk = io.BytesIO(raw.read()[: start + 1000])
    short = tmp_path / "pendek.bin"
    short.write_bytes(shrunk.getvalue())
    with short.open("rb", buffering=0) as cut:
        buffer = memoryview(bytearray(4096))
        chunks = reader._read_at(cut, info, start, buffer, hashlib.sha256(), lambda: None)
        with pytest.raises(BundleError, match="cut short"):
            list(chunks)


def test_without_pread_the_evidence_is_read_by_seeking(
    bundle: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "pread", raising=False)
    monkeypatch.delattr(os, "preadv", raising=False)
    summary = import_bundle(ctx, bundle)
    assert summary.outcome == "added"
    assert ctx.store.evidence.read_bytes(hashlib.sha256(SCAN).hexdigest()) == SCAN


def test_deflated_evidence_goes_through_zipfile(bundle: Path, tmp_path: Path, ctx: Context) -> None:
    # Bundles of other writers (or older ones) may deflate anything.
    deflated = tmp_path / "kempis.evpkg"
    with zipfile.ZipFile(bundle) as old, zipfile.ZipFile(deflated, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info), zipfile.ZIP_DEFLATED)
    assert zipfile.ZipFile(deflated).getinfo(_scan_member()).compress_type == zipfile.ZIP_DEFLATED
    assert import_bundle(ctx, deflated).outcome == "added"
    assert ctx.store.evidence.read_bytes(hashlib.sha256(SCAN).hexdigest()) == SCAN


def test_members_in_any_order_import(bundle: Path, tmp_path: Path, ctx: Context) -> None:
    # This version writes the evidence first; older ones wrote the JSON first.
    found = members(bundle)
    reordered = tmp_path / "urutan.evpkg"
    with zipfile.ZipFile(reordered, "w") as archive:
        for name in sorted(found, key=lambda n: n.startswith("evidence/")):
            archive.writestr(name, found[name])
    assert import_bundle(ctx, reordered).outcome == "added"


def test_an_export_puts_the_evidence_first_and_the_manifest_last(bundle: Path) -> None:
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert names[-3:] == ["session.json", "audit.json", "manifest.json"]
    assert all(name.startswith("evidence/") for name in names[:-3])


# --- durability -----------------------------------------------------------------------


def test_incoming_files_are_synced_before_they_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    events: list[str] = []
    real_sync, real_replace = evidence_packs.fdatasync, Path.replace

    def sync(fd: int) -> None:
        events.append(f"sync {os.fstat(fd).st_size}")
        real_sync(fd)

    def replace(self: Path, target: Path) -> Path:
        events.append(f"name {self.stat().st_size}")
        return real_replace(self, target)

    monkeypatch.setattr(evidence_packs, "fdatasync", sync)
    monkeypatch.setattr(Path, "replace", replace)
    contents = [b"satu", b"dua" * 1000, b"tiga" * 100_000]
    with store.incoming() as staged:
        for data in contents:
            staged.add(hashlib.sha256(data).hexdigest(), [memoryview(data)])
        staged.commit()
    # One pack for the three, whole on disk (index and footer too) before it is named.
    (pack,) = (store.root / "packs").iterdir()
    size = pack.stat().st_size
    assert size > sum(len(data) for data in contents)
    assert events == [f"sync {size}", f"name {size}"]
    for data in contents:
        assert store.read_bytes(hashlib.sha256(data).hexdigest()) == data


@pytest.mark.parametrize("released", [True, False], ids=["released", "not-released"])
def test_a_chunk_is_kept_as_given_until_it_is_released(tmp_path: Path, released: bool) -> None:
    # Chunks are views, not copies, written out a few MiB at a time: a reader that
    # fills its buffer again releases first (as the bundle reader does), or the
    # pack gets the newer bytes, and the file is refused as changed.
    store = EvidenceStore(tmp_path / "evidence")
    data = bytes(range(256)) * 40

    with store.incoming() as staged:

        def chunks() -> Iterator[memoryview]:
            buffer = bytearray(1000)
            for start in range(0, len(data), 1000):
                if released:
                    staged.release()
                part = data[start : start + 1000]
                buffer[: len(part)] = part
                yield memoryview(buffer)[: len(part)]

        assert staged.add(hashlib.sha256(data).hexdigest(), chunks()) == len(data)
        staged.commit()
    if released:
        assert store.read_bytes(hashlib.sha256(data).hexdigest()) == data
    else:
        with pytest.raises(EvidenceFileError, match="changed"):
            store.read_bytes(hashlib.sha256(data).hexdigest())


def test_the_bundle_is_synced_after_its_last_byte_and_before_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = open_context(str(tmp_path / "data"), "alice")
    try:
        session_id = create_demo(ctx)
        events: list[str] = []
        real_sync, real_replace = writer._fdatasync, Path.replace

        def sync(fd: int) -> None:
            events.append(f"sync {os.fstat(fd).st_size}")
            real_sync(fd)

        def replace(self: Path, target: Path) -> Path:
            events.append(f"name {self.stat().st_size}")
            return real_replace(self, target)

        monkeypatch.setattr(writer, "_fdatasync", sync)
        monkeypatch.setattr(Path, "replace", replace)
        out = export_bundle(ctx, session_id, tmp_path / "demo.evpkg").path
        size = out.stat().st_size
        assert events[-2:] == [f"sync {size}", f"name {size}"]
    finally:
        ctx.store.close()


def test_a_failed_background_sync_fails_the_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Linux reports a failed write-back once: the early syncs' error must not be lost.
    calls = []

    def failing(fd: int) -> None:
        calls.append(fd)
        raise OSError(5, "Input/output error")

    early = syncing.EarlySync(0)
    monkeypatch.setattr(syncing, "fdatasync", failing)
    early.wrote(syncing.EarlySync.SYNC_EVERY)
    for _wait in range(500):  # the sync runs in the background
        if calls:
            break
        time.sleep(0.01)
    assert calls
    with pytest.raises(OSError, match="Input/output"):
        early.join()


def test_the_background_sync_waits_for_enough_new_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each sync is a journal commit: not one per evidence file.
    calls: list[int] = []
    monkeypatch.setattr(syncing, "fdatasync", calls.append)
    early = syncing.EarlySync(0)
    for _file in range(100):
        early.wrote(1000)
    early.join()
    assert calls == []


def test_text_evidence_is_deflated_and_packed_or_random_bytes_are_stored(
    tmp_path: Path,
) -> None:
    text = ("Notulen rapat evaluasi: indikator tata kelola dibahas bersama OPD.\n" * 500).encode()
    pdf = b"%PDF-1.7\n" + text  # compressible inside, but a packed format: stored as is
    kinds = {"text": text, "pdf": pdf, "random": SCAN}
    store = EvidenceStore(tmp_path / "evidence")
    files = []
    for name, data in kinds.items():
        stored = store.put_file(_written(tmp_path / name, data))
        files.append(writer.EvidenceFile(stored.sha256, stored.size, store.path_for(stored.sha256)))
    out = tmp_path / "jenis.zip"
    with zipfile.ZipFile(out, "w") as archive:
        members = writer._copy_all_evidence(archive, files, set(), lambda _count: None)
    methods = {}
    with zipfile.ZipFile(out) as archive:
        for (name, data), member in zip(kinds.items(), members, strict=True):
            assert archive.read(member.path) == data
            methods[name] = archive.getinfo(member.path).compress_type
    assert methods == {
        "text": zipfile.ZIP_DEFLATED,
        "pdf": zipfile.ZIP_STORED,
        "random": zipfile.ZIP_STORED,
    }


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "encrypted"])
def test_small_members_written_by_hand_make_a_valid_zip_among_big_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sealed: bool
) -> None:
    # Small members are gathered and written by hand (header, then bytes), big ones
    # by zipfile itself; flushing every few members and a big one between them,
    # through a seekable file and the encrypting stream (zipfile cannot seek back).
    monkeypatch.setattr(writer._SmallMembers, "GATHER", 5000)
    monkeypatch.setattr(writer, "WHOLE", 20_000)
    store = EvidenceStore(tmp_path / "evidence")
    contents = [SCAN[n * 1000 : n * 1000 + 1500 + 97 * n] for n in range(12)]
    contents[5] = SCAN[:60_000]  # big: zipfile's own path, between small ones
    notes = "".join(f"Rapat {n}: OPD {n * 7 % 31} hadir, skor {n % 5}.\n" for n in range(300))
    contents[8] = notes.encode()  # text: deflated
    files = []
    for n, data in enumerate(contents):
        stored = store.put_file(_written(tmp_path / f"f{n}", data))
        files.append(writer.EvidenceFile(stored.sha256, stored.size, store.path_for(stored.sha256)))
    out = tmp_path / "campur.zip"
    with out.open("wb") as raw:
        stream = EncryptingWriter(raw, "rahasia-42", 4096) if sealed else raw
        with zipfile.ZipFile(stream, "w") as archive:
            members = writer._copy_all_evidence(archive, files, set(), lambda _count: None)
            archive.writestr("after.json", b"{}")
        if sealed:
            stream.close()
    if sealed:
        plain = tmp_path / "campur-plain.zip"
        with plain.open("wb") as target:
            decrypt_to(out, target, "rahasia-42", 1 << 30)
        out = plain
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None  # every member's CRC-32 checks
        names = [info.filename for info in archive.infolist()]
        assert names == [m.path for m in members] + ["after.json"]
        for data, member in zip(contents, members, strict=True):
            assert archive.read(member.path) == data
            assert member.sha256 == hashlib.sha256(data).hexdigest()
        assert archive.getinfo(members[8].path).compress_type == zipfile.ZIP_DEFLATED
        with out.open("rb", buffering=0) as file:  # each local header as the directory says
            for info in archive.infolist()[:-1]:
                if info.compress_type == zipfile.ZIP_STORED:
                    start = reader.stored_data_offset(file, info, archive.start_dir)
                    assert os.pread(file.fileno(), 8, start) == archive.read(info)[:8]


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_reads_that_stop_short_of_their_size_are_continued(
    bundle: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read may return fewer bytes than asked (a signal, a network disk): the
    # window reads on rather than calling the member cut short.
    real = reader._read_into

    def short(raw: io.FileIO, buffer: memoryview, offset: int) -> int:
        return real(raw, buffer[:1000], offset)

    monkeypatch.setattr(reader, "_read_into", short)
    assert import_bundle(ctx, bundle).outcome == "added"
    assert ctx.store.evidence.read_bytes(hashlib.sha256(SCAN).hexdigest()) == SCAN


@pytest.mark.parametrize("damage", ["missing", "changed"])
def test_an_export_with_a_missing_or_changed_stored_file_is_refused(
    tmp_path: Path, damage: str
) -> None:
    # The store's files are listed once for an export; one gone or rotten since it
    # was stored stops the export, named, and leaves no bundle behind.
    ctx = open_context(str(tmp_path / "data"), "alice")
    try:
        session_id = create_demo(ctx)
        scan = _written(tmp_path / "scan.bin", SCAN)
        evidence.attach_file(ctx, session_id, "GOV.1.1", scan, "Pindaian dokumen")
        stored = ctx.store.evidence.path_for(hashlib.sha256(SCAN).hexdigest())
        if damage == "missing":
            stored.unlink()
            expected: type[Exception] = InvalidInput
            message = "'Pindaian dokumen' is missing from the evidence store"
        else:
            stored.write_bytes(SCAN[:-1] + b"x")
            expected, message = BundleError, "no longer matches its hash"
        out = tmp_path / "out" / "sesi.evpkg"
        out.parent.mkdir()
        with pytest.raises(expected, match=message):
            export_bundle(ctx, session_id, out)
        assert list(out.parent.iterdir()) == []
    finally:
        ctx.store.close()


def test_json_that_packs_too_well_is_written_again_stored(
    tmp_path: Path, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The JSON is deflated while the evidence is copied, and checked after: a member
    # that packs past half the importer's ratio limit would look like a
    # decompression bomb there, so the bundle is written again with it stored.
    monkeypatch.setattr(writer, "SAFE_RATIO", 2)
    monkeypatch.setattr(writer, "RATIO_FLOOR", 0)
    session_id = create_demo(ctx)
    out = export_bundle(ctx, session_id, tmp_path / "lagi.evpkg").path
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        methods = {name: archive.getinfo(name).compress_type for name in archive.namelist()}
        assert archive.namelist()[-3:] == ["session.json", "audit.json", "manifest.json"]
    assert methods["session.json"] == methods["audit.json"] == zipfile.ZIP_STORED
    other = open_context(str(tmp_path / "other"), "bob")
    try:
        assert import_bundle(other, out).outcome == "added"
    finally:
        other.store.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".lagi")] == []
