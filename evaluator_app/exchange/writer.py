"""Writing a bundle: streamed into a temporary file beside the target, then renamed.

Evidence files are copied in chunks and hashed on the way (a stored file that
no longer matches its hash stops the export); with a passphrase the zip goes
straight through the encrypting frames, so no plain copy ever touches the disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import stat
import tempfile
import time
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from evaluator_app.domain.canonical import canonical_json
from evaluator_app.exchange.crypto import FRAME_SIZE, EncryptingWriter
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.reader import Limits
from evaluator_app.exchange.schema import (
    AUDIT,
    EVIDENCE_PREFIX,
    FORMAT_VERSION,
    MANIFEST,
    SESSION,
    FrameworkRef,
    Manifest,
    Member,
    Scope,
)
from evaluator_app.i18n import _, os_reason
from evaluator_app.syncing import EarlySync, fdatasync, write_views

CHUNK = 1 << 20


@dataclass(frozen=True)
class EvidenceFile:
    """One stored evidence file to carry: where it is (a loose file, or ``size`` bytes
    at ``offset`` in a pack), and what it must hash to."""

    sha256: str
    size: int
    path: Path
    offset: int = 0


@dataclass(frozen=True)
class Header:
    """The manifest's fields that are not about the members."""

    app_version: str
    created_at: dt.datetime
    session_id: str
    device_id: str
    author: str
    framework: FrameworkRef
    scope: Scope


@dataclass(frozen=True)
class Written:
    path: Path
    size: int  # bytes on disk
    members: int


# Evidence that barely compresses (PDF, JPEG, office files) is stored: deflating
# it costs seconds per 100 MB for nothing.  What compresses extremely well is
# stored too, so that no member of ours looks like a decompression bomb to the
# importer (Limits.max_ratio); a file that shows it only after its first chunk
# is caught after writing, and the bundle is written again with it stored.
SAFE_RATIO = Limits().max_ratio // 2
RATIO_FLOOR = Limits().ratio_floor


class _TooCompressible(Exception):
    def __init__(self, key: str) -> None:
        self.key = key  # an evidence file's SHA-256, or a JSON member's name


def _too_compressible(size: int, packed: int) -> bool:
    return size > RATIO_FLOOR and size > SAFE_RATIO * max(packed, 1)


# Formats that are compressed already, known by their first bytes: stored without
# trying (PDF streams, JPEG, PNG, GIF, zip and office files, gzip, 7z, bzip2,
# xz, MP4/MOV, Matroska, MP3, OGG).
_PACKED_MAGIC = (
    b"%PDF",
    b"\xff\xd8\xff",
    b"\x89PNG",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"7z\xbc\xaf",
    b"BZh",
    b"\xfd7zXZ",
    b"\x1aE\xdf\xa3",
    b"ID3",
    b"OggS",
)
# What a trial compression reads of any other file: 1 KiB tells text from packed
# bytes as well as 16 KiB did; deflating 4 KiB of random bytes took 0.11 ms a
# file, a tenth of a second for the large benchmark session (issue 9).
SAMPLE = 1 << 10


def _method(head: bytes) -> int:
    """Stored or deflated, from the file's first chunk: a known packed format is stored
    at once; else a trial deflate of its first KiB decides (the whole first MiB,
    read a second time for the trial, was most of an export's time; issue 9)."""
    if not head or head.startswith(_PACKED_MAGIC) or head[4:8] in (b"ftyp", b"moov"):
        return zipfile.ZIP_STORED
    sample = head[:SAMPLE]
    ratio = len(sample) / len(zlib.compress(sample, 1))
    return zipfile.ZIP_DEFLATED if 1.1 <= ratio <= 20 else zipfile.ZIP_STORED


def _info(name: str, when: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _member_info(item: EvidenceFile, when: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = _info(EVIDENCE_PREFIX + item.sha256, when)
    info.file_size = item.size  # zipfile chooses zip64 from it for big files
    return info


def _open_stored(item: EvidenceFile) -> io.FileIO:
    try:
        source = item.path.open("rb", buffering=0)
    except OSError as error:
        raise BundleError(
            EVIDENCE_PREFIX + item.sha256,
            _("the stored file cannot be read: {strerror}").format(strerror=os_reason(error)),
        ) from None
    if item.offset:
        source.seek(item.offset)
    return source


def _check_stored(item: EvidenceFile, digest: str, size: int) -> None:
    """A stored file that no longer matches its hash stops the export (the store is
    content-addressed, but its files can rot or be changed)."""
    if digest != item.sha256 or size != item.size:
        raise BundleError(
            EVIDENCE_PREFIX + item.sha256,
            _("the stored evidence file no longer matches its hash; check the evidence store"),
        )


@dataclass(frozen=True)
class _Ready:
    """A small evidence file read, hashed and made ready for the zip (its CRC-32,
    and deflated if worth it) by the read-ahead thread."""

    digest: str
    size: int
    crc: int
    method: int
    payload: bytes  # as it goes into the zip


def _ready(data: bytes, method: int, level: int = zlib.Z_DEFAULT_COMPRESSION) -> _Ready:
    payload = data
    if method == zipfile.ZIP_DEFLATED:  # as zipfile deflates (raw)
        packer = zlib.compressobj(level, zlib.DEFLATED, -15)
        payload = packer.compress(data) + packer.flush()
    return _Ready(hashlib.sha256(data).hexdigest(), len(data), zlib.crc32(data), method, payload)


def _prepare(item: EvidenceFile, store: bool) -> _Ready:
    """A small stored file read whole (a loose file one byte past its recorded size,
    so that one grown since shows), hashed, and packed for the zip."""
    with _open_stored(item) as source:
        data = source.read(item.size + (0 if item.offset else 1))
    return _ready(data, zipfile.ZIP_STORED if store else _method(data[:SAMPLE]))


class _SmallMembers:
    """Small members written by hand into ``archive`` (evidence files, and the JSON
    made while they were copied): each one's local header and bytes gathered and
    written a few MiB at a time through the archive's own file (in one ``writev``,
    uncopied, when that is a plain file); zipfile writes the directory at the end.
    Through zipfile a member cost five calls to the file (a seek back to rewrite
    its header, flushes around it), each a wait for the GIL while the main thread
    encodes the JSON (issue 9).  The bundle is the same: the sizes and CRC are
    known before the header is written."""

    GATHER = 4 << 20

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        self._pieces: list[bytes] = []
        self._size = 0

    def add(self, info: zipfile.ZipInfo, ready: _Ready) -> None:
        archive = self._archive
        info.compress_type = ready.method
        info.CRC = ready.crc
        info.file_size = ready.size
        info.compress_size = len(ready.payload)
        info.header_offset = archive.start_dir + self._size
        header = info.FileHeader(False)
        self._pieces += (header, ready.payload)
        self._size += len(header) + len(ready.payload)
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
        if self._size >= self.GATHER:
            self.flush()

    def flush(self) -> None:
        """Write what is gathered (before zipfile writes a member itself, and at the end)."""
        if not self._pieces:
            return
        archive, pieces, size = self._archive, self._pieces, self._size
        self._pieces, self._size = [], 0
        assert archive.fp is not None  # an open archive
        if isinstance(archive.fp, io.FileIO):  # where zipfile left it: at start_dir
            write_views(archive.fp.fileno(), pieces)
        else:  # the encrypting stream, which takes the bytes whole
            archive.fp.write(b"".join(pieces))
        archive.start_dir += size
        archive._didModify = True  # type: ignore[attr-defined]  # its directory is written


def _add_small(
    members: _SmallMembers,
    item: EvidenceFile,
    ready: _Ready,
    when: tuple[int, int, int, int, int, int],
) -> Member:
    """A small evidence file, made ready already (``_prepare``), into the zip."""
    _check_stored(item, ready.digest, ready.size)
    if ready.method != zipfile.ZIP_STORED and _too_compressible(ready.size, len(ready.payload)):
        raise _TooCompressible(item.sha256)
    members.add(_member_info(item, when), ready)
    return Member.model_construct(
        path=EVIDENCE_PREFIX + item.sha256, sha256=item.sha256, size=item.size
    )


def _copy_evidence(
    archive: zipfile.ZipFile,
    item: EvidenceFile,
    store: bool,
    buffer: memoryview,
    when: tuple[int, int, int, int, int, int],
) -> Member:
    """A big evidence file into the zip, read into ``buffer`` (reused: no copy per
    chunk) and hashed on the way."""
    info = _member_info(item, when)
    digest = hashlib.sha256()
    size = 0
    with _open_stored(item) as source:
        if item.offset:  # a packed file: its bytes only (a loose one is read to its end)
            buffer = buffer[: min(len(buffer), item.size)]
        # The first chunk decides the method, and is the first one copied.
        count = source.readinto(buffer) or 0
        chunk = buffer[:count]
        info.compress_type = zipfile.ZIP_STORED if store else _method(bytes(chunk[:SAMPLE]))
        with archive.open(info, "w") as target:
            while count:
                digest.update(chunk)
                size += count
                target.write(chunk)
                if item.offset:
                    buffer = buffer[: min(len(buffer), item.size - size)]
                count = (source.readinto(buffer) or 0) if buffer else 0
                chunk = buffer[:count]
    _check_stored(item, digest.hexdigest(), size)
    if info.compress_type != zipfile.ZIP_STORED and _too_compressible(size, info.compress_size):
        raise _TooCompressible(item.sha256)
    return Member(path=info.filename, sha256=item.sha256, size=size)


# Files up to this size are read, hashed and packed ahead by ``READERS`` threads
# of their own while the zip is written (opening, reading and hashing a thousand
# files was most of the export's evidence thread; one reader left the writer
# waiting half the time: issue 9), at most ``AHEAD`` bytes in advance.
WHOLE = 4 << 20
AHEAD = 32 << 20
READERS = 2


def _copy_all_evidence(
    archive: zipfile.ZipFile,
    evidence: Sequence[EvidenceFile],
    stored: set[str],
    wrote: Callable[[int], None],
) -> list[Member]:
    buffer = memoryview(bytearray(CHUNK))
    when = time.localtime()[:6]
    members = []
    small = iter([item for item in evidence if item.size <= WHOLE])
    ahead: deque[Future[_Ready]] = deque()
    reading = 0  # bytes read ahead, not yet written
    gathered = _SmallMembers(archive)
    with ThreadPoolExecutor(READERS, thread_name_prefix="evidence-read") as reader:
        try:
            for item in evidence:
                while reading < AHEAD and (upcoming := next(small, None)) is not None:
                    as_is = upcoming.sha256 in stored  # stored, not deflated
                    ahead.append(reader.submit(_prepare, upcoming, as_is))
                    reading += upcoming.size
                if item.size <= WHOLE:
                    ready = ahead.popleft().result()
                    reading -= item.size
                    members.append(_add_small(gathered, item, ready, when))
                else:
                    gathered.flush()
                    as_is = item.sha256 in stored
                    members.append(_copy_evidence(archive, item, as_is, buffer, when))
                wrote(item.size)
            gathered.flush()
        finally:
            reader.shutdown(cancel_futures=True)
    return members


_fdatasync = fdatasync  # the final sync before the rename (tests watch it)


def _write_zip(
    stream: IO[bytes],
    header: Header,
    texts: Callable[[], dict[str, bytes]],
    evidence: Sequence[EvidenceFile],
    encrypted: bool,
    stored: set[str],
    wrote: Callable[[int], None] = lambda _count: None,
) -> int:
    """The evidence first, copied by a thread of its own while ``texts`` makes the
    JSON members (reading, hashing, the zip's CRC and writing release the GIL; the
    JSON is Python's work; issue 9), then the JSON, then the manifest."""
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        with ThreadPoolExecutor(1, thread_name_prefix="bundle-evidence") as pool:
            copied = pool.submit(_copy_all_evidence, archive, evidence, stored, wrote)
            try:
                # Made, hashed and deflated while the evidence is copied (zlib and
                # hashlib let go of the GIL): written after it, they held up the
                # end of an export by some 40 ms (issue 9).  Deflated once, checked
                # after: a text that turns out too compressible is written again
                # stored, as evidence is.  Level 1: some 15 % larger than the
                # default 6, in a third of the time.
                packed = {}
                for name, data in texts().items():
                    method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
                    packed[name] = _ready(data, method, level=1)
            finally:
                wait([copied])  # the archive is the thread's until here
            members = copied.result()
        gathered = _SmallMembers(archive)
        when = time.localtime()[:6]
        for name, ready in packed.items():
            if ready.method != zipfile.ZIP_STORED and _too_compressible(
                ready.size, len(ready.payload)
            ):
                raise _TooCompressible(name)
            gathered.add(_info(name, when), ready)
            members.append(Member(path=name, sha256=ready.digest, size=ready.size))
        gathered.flush()
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            app_version=header.app_version,
            created_at=header.created_at,
            session_id=header.session_id,
            device_id=header.device_id,
            author=header.author,
            framework=header.framework,
            scope=header.scope,
            members=members,
            encrypted=encrypted,
        )
        archive.writestr(MANIFEST, manifest.model_dump_json(indent=2))
    return len(members) + 1


def _write_file(
    out: Path,
    header: Header,
    texts: Callable[[], dict[str, bytes]],
    evidence: Sequence[EvidenceFile],
    passphrase: str | None,
    frame_size: int,
    stored: set[str],
) -> Written:
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    except OSError as error:
        raise BundleError(
            None,
            _("cannot write in {parent}: {strerror}").format(
                parent=out.parent, strerror=os_reason(error)
            ),
        ) from None
    temp = Path(temp_name)
    try:
        # Unbuffered: the gathered evidence goes to the file in one call, uncopied
        # (``_SmallMembers``); zipfile's own writes are few but for its directory.
        with os.fdopen(fd, "wb", buffering=0) as raw:
            early = EarlySync(raw.fileno())
            try:
                if passphrase is None:
                    count = _write_zip(raw, header, texts, evidence, False, stored, early.wrote)
                else:
                    sealed = EncryptingWriter(raw, passphrase, frame_size)
                    # zipfile accepts any object with write/flush (it tracks the offset itself).
                    count = _write_zip(
                        sealed,  # type: ignore[arg-type]
                        header,
                        texts,
                        evidence,
                        True,
                        stored,
                        early.wrote,
                    )
                    sealed.close()
            finally:
                early.join()
            raw.flush()
            _fdatasync(raw.fileno())  # whole before it has its name
        temp.replace(out)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BundleError(
            None, _("cannot write {out}: {reason}").format(out=out, reason=os_reason(error))
        ) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return Written(out, out.stat().st_size, count)


def write_bundle(
    out: Path,
    header: Header,
    session: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
    audit: Mapping[str, Any] | Callable[[], Mapping[str, Any] | str],
    evidence: Sequence[EvidenceFile],
    passphrase: str | None = None,
    *,
    frame_size: int = FRAME_SIZE,
) -> Written:
    """Write the bundle to ``out`` atomically: whole, or not at all.  ``session`` and
    ``audit`` may be given as functions that make them: they are called while the
    evidence is being copied; ``audit``'s may give its canonical JSON text made
    already."""
    made: dict[str, bytes] = {}

    def texts() -> dict[str, bytes]:
        if not made:  # once, also when the bundle is written again
            # Not validated against the schema here: the importer does, and what
            # the store holds passes (tests/integration/test_bundle_property.py);
            # validating our own output was a fifth of an export (issue 9).
            session_data = session() if callable(session) else session
            made[SESSION] = canonical_json(session_data).encode("utf-8")
            audit_data = audit() if callable(audit) else audit
            if not isinstance(audit_data, str):
                audit_data = canonical_json(audit_data)
            made[AUDIT] = audit_data.encode("utf-8")
        return made

    stored: set[str] = set()
    while True:
        try:
            return _write_file(
                out.absolute(), header, texts, evidence, passphrase, frame_size, stored
            )
        except _TooCompressible as again:
            stored.add(again.key)
