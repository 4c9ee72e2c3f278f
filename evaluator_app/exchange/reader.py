"""Opening a bundle: every check made before the caller may write anything.

Order: the file (encrypted → opened into a temporary file), the zip's
directory (names, kinds, sizes, compression ratios, counts: before any byte is
unpacked), the manifest (format version first), the member list against the
archive, the JSON members (hash, schema, how they fit together), and last the
evidence files (hashed while streamed, bytes counted against the sizes
declared).  Only a bundle that passes all of it is handed out.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import struct
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from evaluator_app.domain.framework import Framework
from evaluator_app.exchange.crypto import decrypt_to, is_encrypted
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.schema import (
    AUDIT,
    EVIDENCE_PREFIX,
    FORMAT_VERSION,
    MANIFEST,
    SESSION,
    AuditData,
    Manifest,
    Member,
    SessionData,
)
from evaluator_app.exchange.scope import LISTS
from evaluator_app.exchange.validation import check_consistency, parse
from evaluator_app.i18n import _, os_reason

CHUNK = 1 << 20
_CONTROL = re.compile(r"[\x00-\x1f]")
_EVIDENCE_NAME = re.compile(r"^evidence/[0-9a-f]{64}$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    struct.error,
)


@dataclass(frozen=True)
class Limits:
    """What a bundle may unpack to: guards against decompression bombs."""

    max_members: int = 100_000
    max_total_size: int = 8 << 30  # all members unpacked
    max_ratio: int = 200  # unpacked : packed, per member ...
    ratio_floor: int = 1 << 20  # ... once it unpacks to more than this
    max_json_size: int = 256 << 20  # session.json, audit.json (read into memory)
    max_manifest_size: int = 16 << 20


@dataclass
class Bundle:
    """A bundle that passed every check; its evidence can be streamed out."""

    path: Path
    manifest: Manifest
    manifest_sha256: str
    data: SessionData
    audit: AuditData
    framework: Framework
    encrypted: bool
    archive: zipfile.ZipFile
    evidence_files: dict[str, int] = field(default_factory=dict)  # SHA-256 → size
    evidence_check: _EvidenceCheck | None = None  # still running, with an evidence sink

    def evidence_checked(self) -> None:
        """Wait until every evidence file has been checked (and handed to the
        evidence sink); the BundleError of the first bad one, if any."""
        if self.evidence_check is not None:
            self.evidence_check.wait()

    def records(self) -> dict[str, Any]:
        """The records as column values by session.json key (times in UTC, as
        ``schema.Stamp`` gives them); dumped whole, not record by record (half
        the time; issue 9)."""
        dumped = self.data.model_dump()
        return {name: dumped[name] for name in ("session", "framework", *LISTS)}

    def events(self) -> list[dict[str, Any]]:
        """The audit events as column values."""
        events: list[dict[str, Any]] = self.audit.model_dump()["events"]
        return events

    def open_evidence(self, sha256: str) -> BinaryIO:
        """The file's bytes, unpacked as read (never whole in memory)."""
        info = self.archive.getinfo(EVIDENCE_PREFIX + sha256)
        return io.BufferedReader(_MemberStream(_chunks(self.archive, info)), CHUNK)


class _MemberStream(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if not self._pending:
            self._pending = next(self._chunks, b"")
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def _chunks(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, hashed: bool = False
) -> Iterator[bytes]:
    """A member's bytes, unpacked chunk by chunk, never more than it declared.

    ``hashed``: the caller checks the bytes against the SHA-256 the manifest
    gives them, so the zip's own CRC-32 need not be computed as well (a third of
    the CPU time of reading the evidence back; issue 9)."""
    count = 0
    try:
        with archive.open(info) as stream:
            if hashed and hasattr(stream, "_expected_crc"):
                stream._expected_crc = None  # zipfile's way of reading without a CRC
            while chunk := stream.read(CHUNK):
                count += len(chunk)
                if count > info.file_size:
                    raise BundleError(
                        info.filename,
                        _("unpacks to more than its declared size (a decompression bomb?)"),
                    )
                yield chunk
    except _ZIP_ERRORS as error:
        raise BundleError(info.filename, _("damaged ({error})").format(error=error)) from None


def _hash(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, keep: bool, checked: bool = False
) -> tuple[str, int, bytes]:
    digest = hashlib.sha256()
    size = 0
    kept = bytearray()
    for chunk in _chunks(archive, info, hashed=checked):
        digest.update(chunk)
        size += len(chunk)
        if keep:
            kept += chunk
    return digest.hexdigest(), size, bytes(kept)


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    problem = ""
    if _DRIVE.match(name):
        problem = _("its path starts with a drive letter, outside the archive")
    elif "\\" in name:
        problem = _("its path has backslashes (a Windows path that may leave the archive)")
    elif name.startswith("/"):
        problem = _("its path is absolute, outside the archive")
    elif ".." in name.split("/"):
        problem = _("its path leaves the archive ('..')")
    elif _CONTROL.search(name):
        problem = _("its name has control characters")
    if problem:
        raise BundleError(name, problem)
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0: no Unix file type recorded
    if kind == stat.S_IFLNK:
        raise BundleError(name, _("is a symbolic link, not a file"))
    if info.is_dir() or kind not in (0, stat.S_IFREG) or info.external_attr & 0x10:
        raise BundleError(name, _("is not a regular file"))
    if name not in (MANIFEST, SESSION, AUDIT) and not _EVIDENCE_NAME.match(name):
        raise BundleError(name, _("is not a member an Evaluator bundle holds"))
    if info.flag_bits & 0x1:
        raise BundleError(name, _("is encrypted inside the zip (not supported)"))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise BundleError(
            name,
            _("uses an unsupported compression method ({compress_type})").format(
                compress_type=info.compress_type
            ),
        )


def _scan(archive: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """The zip's directory checked before anything is unpacked."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise BundleError(
            None,
            _("holds {count} members, more than {max_members}").format(
                count=len(infos), max_members=limits.max_members
            ),
        )
    found: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        _check_name(info)
        if info.filename in found:
            raise BundleError(info.filename, _("appears twice in the archive"))
        found[info.filename] = info
        total += info.file_size
        if total > limits.max_total_size:
            raise BundleError(
                None,
                _(
                    "unpacks to more than {max_total_size} bytes, the limit (a decompression bomb?)"
                ).format(max_total_size=limits.max_total_size),
            )
        packed = max(info.compress_size, 1)
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * packed:
            raise BundleError(
                info.filename,
                _(
                    "is compressed {ratio}:1, more than the limit {max_ratio}:1 "
                    "(a decompression bomb?)"
                ).format(ratio=info.file_size // packed, max_ratio=limits.max_ratio),
            )
    return found


def _manifest(
    archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], limits: Limits
) -> tuple[Manifest, str]:
    info = infos.get(MANIFEST)
    if info is None:
        raise BundleError(MANIFEST, _("missing: this is not an Evaluator bundle"))
    if info.file_size > limits.max_manifest_size:
        raise BundleError(
            MANIFEST,
            _("larger than the limit of {max_manifest_size} bytes").format(
                max_manifest_size=limits.max_manifest_size
            ),
        )
    digest, _size, raw = _hash(archive, info, keep=True)
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise BundleError(MANIFEST, _("not valid JSON ({error})").format(error=error)) from None
    if not isinstance(value, dict):
        raise BundleError(MANIFEST, _("not a JSON object"))
    if "format_version" not in value:
        raise BundleError(MANIFEST, _("format_version: missing"))
    version = value["format_version"]
    if type(version) is not int:
        raise BundleError(MANIFEST, _("format_version: not a whole number"))
    if version > FORMAT_VERSION:
        raise BundleError(
            MANIFEST,
            _(
                "made by a newer Evaluator (bundle format {version}; this app"
                " reads format {format_version}): update Evaluator to import "
                "it"
            ).format(version=version, format_version=FORMAT_VERSION),
        )
    if version < 1:
        raise BundleError(
            MANIFEST, _("unknown bundle format version {version}").format(version=version)
        )
    return parse(MANIFEST, Manifest, raw), digest


def _listed(manifest: Manifest, infos: dict[str, zipfile.ZipInfo]) -> dict[str, Member]:
    listed: dict[str, Member] = {}
    for n, member in enumerate(manifest.members):
        if member.path == MANIFEST:
            raise BundleError(
                MANIFEST, _("members[{n}]: the manifest cannot list itself").format(n=n)
            )
        if member.path in listed:
            raise BundleError(
                MANIFEST,
                _("members[{n}].path: {path} is listed twice").format(n=n, path=member.path),
            )
        listed[member.path] = member
    for name in infos:
        if name != MANIFEST and name not in listed:
            raise BundleError(name, _("is in the archive but not in the manifest"))
    for name in listed:
        if name not in infos:
            raise BundleError(name, _("is named in the manifest but absent from the archive"))
    for name in (SESSION, AUDIT):
        if name not in listed:
            raise BundleError(name, _("missing: the bundle has no session data"))
    for name, member in listed.items():
        if name.startswith(EVIDENCE_PREFIX) and name != EVIDENCE_PREFIX + member.sha256:
            raise BundleError(name, _("its name is not the SHA-256 the manifest gives it"))
        if infos[name].file_size != member.size:
            raise BundleError(
                name,
                _("size {file_size} differs from the manifest's {size}").format(
                    file_size=infos[name].file_size, size=member.size
                ),
            )
    return listed


class EvidenceSink(Protocol):
    """Where an importer wants the evidence bytes as they are checked: one pass over
    each file instead of a check, then a copy (``store.evidence_store.IncomingFiles``).
    ``add`` consumes ``chunks`` at once, in the calling thread, but may keep them
    (views of the reader's buffers, not copies) until ``release``, which the reader
    calls before it reads into a buffer it handed out."""

    def add(self, sha256: str, chunks: Iterable[bytes | memoryview]) -> int: ...

    def release(self) -> None: ...


def _verified(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    member: Member,
    keep: bool,
) -> bytes:
    digest, size, data = _hash(archive, info, keep, checked=True)
    _compare(info, member, size, digest)
    return data


def _compare(info: zipfile.ZipInfo, member: Member, size: int, digest: str) -> None:
    if size != member.size:
        raise BundleError(
            info.filename,
            _("size {size} differs from the manifest's {expected}").format(
                size=size, expected=member.size
            ),
        )
    if digest != member.sha256:
        raise BundleError(info.filename, _("its SHA-256 differs from the manifest's (changed?)"))


_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # zipfile.structFileHeader
_LOCAL_MAGIC = b"PK\x03\x04"
_DATA_DESCRIPTOR = 0x08  # sizes and CRC follow the data, not in the local header
_UTF8_NAME = 0x800
_ZIP64_SIZE = 0xFFFFFFFF


def stored_data_offset(
    raw: io.FileIO,
    info: zipfile.ZipInfo,
    data_end: int,
    read: Callable[[io.FileIO, int, int], bytes] | None = None,
) -> int:
    """Where a stored member's bytes start in the zip, after checking its local
    header against the directory entry: the signature, the method, no encryption,
    the same name, the sizes (unless they follow the data), and that the bytes lie
    before the directory.  Reading them there directly skips zipfile's CRC-32 and
    its small copies: the caller hashes the bytes against the manifest's SHA-256,
    a stronger check than the CRC (issue 9).  ``read(raw, offset, size)`` reads the
    header (default: ``os.pread``)."""
    read = read or _read_block
    name = info.filename

    # A function: translating looks the language up (a file read unless the window
    # pinned it), once per member of a thousand if made here each time (issue 9).
    def damaged() -> str:
        return _("damaged (its local header does not match the zip's directory)")

    stored = info.compress_type == zipfile.ZIP_STORED and info.compress_size == info.file_size
    if not stored or info.header_offset < 0:
        raise BundleError(name, damaged())
    # The header and (usually) the whole name in one read: each call costs the GIL
    # twice while the import's main thread works on (issue 9).
    block = read(raw, info.header_offset, _LOCAL_HEADER.size + len(info.orig_filename))
    head = block[: _LOCAL_HEADER.size]
    if len(head) != _LOCAL_HEADER.size:
        raise BundleError(name, _("damaged (cut short before its bytes)"))
    fields = _LOCAL_HEADER.unpack(head)
    magic, flags, method, packed, size = fields[0], fields[3], fields[4], fields[8], fields[9]
    name_length, extra_length = fields[10], fields[11]
    if magic != _LOCAL_MAGIC:
        raise BundleError(name, _("damaged (no local header where the directory points)"))
    if method != zipfile.ZIP_STORED or flags & 0x1:
        raise BundleError(name, damaged())
    sizes_here = not flags & _DATA_DESCRIPTOR and _ZIP64_SIZE not in (packed, size)
    if sizes_here and (packed, size) != (info.compress_size, info.file_size):
        raise BundleError(name, damaged())
    raw_name = block[_LOCAL_HEADER.size : _LOCAL_HEADER.size + name_length]
    if len(raw_name) != name_length:
        raw_name = read(raw, info.header_offset + _LOCAL_HEADER.size, name_length)
    try:
        local_name = raw_name.decode("utf-8" if flags & _UTF8_NAME else "cp437")
    except UnicodeDecodeError:
        raise BundleError(name, damaged()) from None
    if local_name != info.orig_filename:
        raise BundleError(name, damaged())
    start: int = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    if start + info.compress_size > data_end:
        raise BundleError(name, _("damaged (its bytes run past the end of the data)"))
    return start


class _Window:
    """A file read in big blocks, for the many small members that lie one after the
    other: one read per few MiB instead of two per member.  Each read costs the
    evidence thread the GIL twice while the import's main thread works on (issue 9).
    A view is good until the window reads again, which it does only after calling
    ``release`` (the sink is done with the views given so far)."""

    def __init__(self, raw: io.FileIO, buffer: memoryview, release: Callable[[], None]) -> None:
        self._raw = raw
        self._buffer = buffer
        self._release = release  # the sink is done with the views given so far
        self._start = 0
        self._length = 0

    def fits(self, length: int) -> bool:
        return length <= len(self._buffer)

    def view(self, offset: int, length: int) -> memoryview:
        """``length`` bytes at ``offset``, fewer only at the end of the file."""
        if offset < self._start or offset + length > self._start + self._length:
            self._release()
            self._start, self._length = offset, 0
            while self._length < len(self._buffer):  # a read may stop short of its size
                count = _read_into(self._raw, self._buffer[self._length :], offset + self._length)
                if not count:  # the end of the file
                    break
                self._length += count
        at = offset - self._start
        return self._buffer[at : min(at + length, self._length)]

    def read(self, _raw: io.FileIO, offset: int, length: int) -> bytes:
        return bytes(self.view(offset, length))


class _EvidenceCheck:
    """Every evidence file hashed against the manifest, in the zip's order, each
    handed to the sink as it is read.  With a sink this runs in a thread of its own
    while the caller checks the JSON and the trail and prepares the database rows
    (issue 9): ``wait`` gives its result.  Stored members are read at their offset
    into one reused buffer (``stored_data_offset``); deflated ones through zipfile,
    from a second ZipFile of their own (a ZipFile is not shared between threads)."""

    BUFFER = 4 << 20

    def __init__(
        self,
        plain: Path,
        archive: zipfile.ZipFile,
        members: list[tuple[zipfile.ZipInfo, Member]],
        sink: EvidenceSink | None,
    ) -> None:
        self._plain = plain
        self._archive = archive
        self._members = sorted(members, key=lambda pair: pair[0].header_offset)
        self._sink = sink
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._inflating: zipfile.ZipFile | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="bundle-evidence", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.run()
        except OSError as error:  # reading the bundle (the sink keeps its own errors)
            self._error = BundleError(
                None, _("cannot read it: {reason}").format(reason=os_reason(error))
            )
        except BaseException as error:  # given to the caller by wait()
            self._error = error

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        if self._stop.is_set():
            raise RuntimeError("the evidence check was cancelled before it finished")

    def _release(self) -> None:
        if self._sink is not None:
            self._sink.release()

    def cancel(self) -> None:
        """Stop after the file in hand (the import was refused meanwhile) and wait."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def run(self) -> None:
        data_end = getattr(self._archive, "start_dir", None)
        buffer = memoryview(bytearray(self.BUFFER))
        with ExitStack() as stack:
            raw = stack.enter_context(self._plain.open("rb", buffering=0))
            if not isinstance(data_end, int):
                data_end = raw.seek(0, os.SEEK_END)
            window = _Window(raw, memoryview(bytearray(self.BUFFER)), self._release)
            for info, member in self._members:
                if self._stop.is_set():
                    return
                try:
                    self._check(stack, raw, info, member, buffer, data_end, window)
                except _DAMAGED as error:  # a directory that lies; the file changed meanwhile
                    raise BundleError(
                        info.filename, _("damaged ({error})").format(error=error)
                    ) from None

    def _check(
        self,
        stack: ExitStack,
        raw: io.FileIO,
        info: zipfile.ZipInfo,
        member: Member,
        buffer: memoryview,
        data_end: int,
        window: _Window,
    ) -> None:
        digest = hashlib.sha256()
        chunks: Iterable[bytes | memoryview]
        if info.compress_type == zipfile.ZIP_STORED and window.fits(info.compress_size):
            # Most evidence: the header and the bytes from the window, in one piece.
            start = stored_data_offset(raw, info, data_end, window.read)
            data = window.view(start, info.compress_size)
            if len(data) != info.compress_size:
                raise BundleError(info.filename, _("damaged (cut short in its bytes)"))
            digest.update(data)
            chunks = (data,)
        elif info.compress_type == zipfile.ZIP_STORED:
            start = stored_data_offset(raw, info, data_end)
            chunks = _read_at(raw, info, start, buffer, digest, self._release)
        else:
            if self._inflating is None:
                self._inflating = stack.enter_context(_open_zip(self._plain))
            mine = self._inflating.getinfo(info.filename)  # the same directory, read again
            chunks = _hashed(_chunks(self._inflating, mine, hashed=True), digest)
        if self._sink is None:
            size = sum(len(chunk) for chunk in chunks)
        else:
            size = self._sink.add(member.sha256, chunks)
        _compare(info, member, size, digest.hexdigest())


_DAMAGED = (KeyError, ValueError, struct.error, EOFError, zipfile.BadZipFile, zlib.error)


def _read_block(raw: io.FileIO, offset: int, size: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(raw.fileno(), size, offset)
    raw.seek(offset)  # Windows
    return raw.read(size) or b""


def _read_into(raw: io.FileIO, buffer: memoryview, offset: int) -> int:
    if hasattr(os, "preadv"):
        return os.preadv(raw.fileno(), [buffer], offset)
    raw.seek(offset)  # Windows
    return raw.readinto(buffer) or 0


def _read_at(
    raw: io.FileIO,
    info: zipfile.ZipInfo,
    start: int,
    buffer: memoryview,
    digest: Any,
    release: Callable[[], None],
) -> Iterator[memoryview]:
    """A stored member's bytes from ``start``, hashed as they go by (``release``
    before each read: the buffer is used again)."""
    left = info.compress_size
    offset = start
    while left:
        release()
        count = _read_into(raw, buffer[: min(left, len(buffer))], offset)
        offset += count
        if not count:
            raise BundleError(info.filename, _("damaged (cut short in its bytes)"))
        chunk = buffer[:count]
        digest.update(chunk)
        left -= count
        yield chunk


def _hashed(chunks: Iterator[bytes], digest: Any) -> Iterator[bytes]:
    for chunk in chunks:
        digest.update(chunk)
        yield chunk


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except _ZIP_ERRORS:
        pass
    with path.open("rb") as stream:
        head = stream.read(4)
    if not head:
        raise BundleError(None, _("the file is empty"))
    if head == b"PK\x03\x04":
        raise BundleError(
            None, _("the file is incomplete or damaged (cut short?): not a whole zip")
        )
    raise BundleError(None, _("not an Evaluator bundle (not a zip file)"))


def _validate(
    archive: zipfile.ZipFile,
    path: Path,
    plain: Path,
    encrypted: bool,
    limits: Limits,
    sink: EvidenceSink | None = None,
) -> Bundle:
    infos = _scan(archive, limits)
    manifest, manifest_sha256 = _manifest(archive, infos, limits)
    listed = _listed(manifest, infos)
    files = {m.sha256: m.size for name, m in listed.items() if name.startswith(EVIDENCE_PREFIX)}
    members = [
        (infos[EVIDENCE_PREFIX + sha256], listed[EVIDENCE_PREFIX + sha256]) for sha256 in files
    ]
    check = _EvidenceCheck(plain, archive, members, sink)
    if sink is not None:
        check.start()  # the evidence streams into the sink while the JSON is checked
    try:
        texts = {}
        for name in (SESSION, AUDIT):
            if infos[name].file_size > limits.max_json_size:
                raise BundleError(
                    name,
                    _("larger than the limit of {max_json_size} bytes").format(
                        max_json_size=limits.max_json_size
                    ),
                )
            texts[name] = _verified(archive, infos[name], listed[name], keep=True)
        data = parse(SESSION, SessionData, texts.pop(SESSION))
        audit = parse(AUDIT, AuditData, texts.pop(AUDIT))
        framework = check_consistency(manifest, data, audit, files)
        if sink is None:
            check.run()
    except BaseException:
        check.cancel()
        raise
    return Bundle(
        path,
        manifest,
        manifest_sha256,
        data,
        audit,
        framework,
        encrypted,
        archive,
        files,
        check if sink is not None else None,
    )


@contextmanager
def open_bundle(
    path: Path,
    passphrase: str | None = None,
    *,
    limits: Limits | None = None,
    work_dir: Path | None = None,
    evidence_sink: EvidenceSink | None = None,
) -> Iterator[Bundle]:
    """Check a bundle completely and yield it; BundleError says what is wrong where.

    An encrypted bundle is opened into a temporary file in ``work_dir`` (the
    system's temporary folder if None), removed again on leaving.  With an
    ``evidence_sink`` each evidence file is handed to it as it is hashed (what it
    got is only good once ``Bundle.evidence_checked`` has returned: the evidence is
    checked by a thread of its own while the caller goes on, and its BundleError,
    if any, comes from there).  Leaving the block stops and waits for that thread.
    """
    limits = limits or Limits()
    with ExitStack() as stack:
        try:
            if not path.is_file():
                raise BundleError(None, _("no such file"))
            encrypted = is_encrypted(path)
            plain = path
            if encrypted:
                if passphrase is None:
                    raise BundleError(None, _("the bundle is encrypted: give its passphrase"))
                fd, name = tempfile.mkstemp(prefix=".bundle-", suffix=".zip", dir=work_dir)
                plain = Path(name)
                stack.callback(plain.unlink, missing_ok=True)
                with os.fdopen(fd, "wb") as target:
                    decrypt_to(path, target, passphrase, limits.max_total_size + (64 << 20))
            archive = stack.enter_context(_open_zip(plain))
            bundle = _validate(archive, path, plain, encrypted, limits, evidence_sink)
            if bundle.evidence_check is not None:
                stack.callback(bundle.evidence_check.cancel)  # before the file goes
        except BundleError as error:
            raise error.at(path.name) from None
        except OSError as error:
            raise BundleError(
                None,
                _("cannot read it: {reason}").format(reason=os_reason(error)),
                path.name,
            ) from None
        yield bundle
