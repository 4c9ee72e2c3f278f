"""Writing a bundle: streamed into a temporary file beside the target, then renamed.

Evidence files are copied in chunks and hashed on the way (a stored file that
no longer matches its hash stops the export); with a passphrase the zip goes
straight through the encrypting frames, so no plain copy ever touches the disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import tempfile
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

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
    AuditData,
    FrameworkRef,
    Manifest,
    Member,
    Scope,
    SessionData,
)
from evaluator_app.exchange.validation import describe
from evaluator_app.i18n import _

CHUNK = 1 << 20


@dataclass(frozen=True)
class EvidenceFile:
    """One stored evidence file to carry: where it is, and what it must hash to."""

    sha256: str
    size: int
    path: Path


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


def _checked(name: str, model: type[SessionData] | type[AuditData], value: Any) -> bytes:
    """Canonical JSON, refused here already if the importer would refuse it."""
    data = canonical_json(value).encode("utf-8")
    try:
        model.model_validate_json(data, strict=True)
    except ValidationError as error:
        raise BundleError(name, describe(error)) from None
    return data


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
# What a trial compression reads of any other file: 4 KiB tells text from packed
# bytes as well as 16 KiB did, and deflating 16 KiB of random bytes took 0.5 ms a
# file, half a second for the large benchmark session (issue 9).
SAMPLE = 4 << 10


def _method(head: bytes) -> int:
    """Stored or deflated, from the file's first chunk: a known packed format is stored
    at once; else a trial deflate of its first 4 KiB decides (the whole first MiB,
    read a second time for the trial, was most of an export's time; issue 9)."""
    if not head or head.startswith(_PACKED_MAGIC) or head[4:8] in (b"ftyp", b"moov"):
        return zipfile.ZIP_STORED
    sample = head[:SAMPLE]
    ratio = len(sample) / len(zlib.compress(sample, 1))
    return zipfile.ZIP_DEFLATED if 1.1 <= ratio <= 20 else zipfile.ZIP_STORED


def _copy_evidence(archive: zipfile.ZipFile, item: EvidenceFile, store: bool) -> Member:
    name = EVIDENCE_PREFIX + item.sha256
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    info.file_size = item.size  # zipfile chooses zip64 from it for big files
    digest = hashlib.sha256()
    size = 0
    try:
        source = item.path.open("rb")
    except OSError as error:
        raise BundleError(
            name, _("the stored file cannot be read: {strerror}").format(strerror=error.strerror)
        ) from None
    with source:
        # The first chunk decides the method, and is the first one copied.
        chunk = source.read(CHUNK)
        info.compress_type = zipfile.ZIP_STORED if store else _method(chunk)
        with archive.open(info, "w") as target:
            while chunk:
                digest.update(chunk)
                size += len(chunk)
                target.write(chunk)
                chunk = source.read(CHUNK)
    if digest.hexdigest() != item.sha256 or size != item.size:
        raise BundleError(
            name, _("the stored evidence file no longer matches its hash; check the evidence store")
        )
    if info.compress_type != zipfile.ZIP_STORED and _too_compressible(size, info.compress_size):
        raise _TooCompressible(item.sha256)
    return Member(path=name, sha256=item.sha256, size=size)


class _EarlySync:
    """The bundle on its way to the disk while it is still being written: an fsync in
    the background after every ``SYNC_EVERY`` bytes, so that the fsync before the
    rename waits for the last few MiB only (for the whole of a 200 MB bundle it
    took about a second; issue 9).  A background fsync's error is raised by ``join``
    (Linux reports a failed write-back once: it must not be lost)."""

    SYNC_EVERY = 32 << 20

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._since = 0
        self._thread: threading.Thread | None = None
        self._error: OSError | None = None

    def wrote(self, count: int) -> None:
        self._since += count
        if self._since < self.SYNC_EVERY or (self._thread and self._thread.is_alive()):
            return
        self._since = 0
        self._thread = threading.Thread(target=self._sync, name="bundle-fsync", daemon=True)
        self._thread.start()

    def _sync(self) -> None:
        try:
            os.fsync(self._fd)
        except OSError as error:
            self._error = self._error or error

    def join(self) -> None:
        """Wait for the fsync in flight (before the file is closed or synced)."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error


def _write_zip(
    stream: IO[bytes],
    header: Header,
    texts: dict[str, bytes],
    evidence: Sequence[EvidenceFile],
    encrypted: bool,
    stored: set[str],
    wrote: Callable[[int], None] = lambda _count: None,
) -> int:
    members: list[Member] = []
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in texts.items():
            # Deflated once, checked after (no trial deflate first): a text that
            # turns out too compressible is written again stored, as evidence is.
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            # Level 1: some 15 % larger than the default 6, in a third of the time.
            archive.writestr(name, data, compress_type=method, compresslevel=1)
            if method != zipfile.ZIP_STORED and _too_compressible(
                len(data), archive.getinfo(name).compress_size
            ):
                raise _TooCompressible(name)
            digest = hashlib.sha256(data).hexdigest()
            members.append(Member(path=name, sha256=digest, size=len(data)))
        for item in evidence:
            members.append(_copy_evidence(archive, item, item.sha256 in stored))
            wrote(item.size)
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
    texts: dict[str, bytes],
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
                parent=out.parent, strerror=error.strerror
            ),
        ) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            early = _EarlySync(raw.fileno())
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
            os.fsync(raw.fileno())
        temp.replace(out)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BundleError(
            None, _("cannot write {out}: {reason}").format(out=out, reason=error.strerror or error)
        ) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return Written(out, out.stat().st_size, count)


def write_bundle(
    out: Path,
    header: Header,
    session: Mapping[str, Any],
    audit: Mapping[str, Any],
    evidence: Sequence[EvidenceFile],
    passphrase: str | None = None,
    *,
    frame_size: int = FRAME_SIZE,
) -> Written:
    """Write the bundle to ``out`` atomically: whole, or not at all."""
    texts = {
        SESSION: _checked(SESSION, SessionData, session),
        AUDIT: _checked(AUDIT, AuditData, audit),
    }
    stored: set[str] = set()
    while True:
        try:
            return _write_file(
                out.absolute(), header, texts, evidence, passphrase, frame_size, stored
            )
        except _TooCompressible as again:
            stored.add(again.key)
