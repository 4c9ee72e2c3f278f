"""Passphrase encryption of a whole bundle: AES-256-GCM in frames, key from scrypt.

Layout: a 44-byte header (magic ``EVPKGENC``, version, scrypt log2 n, r, p,
frame size, 16-byte salt, 12-byte base nonce), then frames.  Every frame but
the last holds exactly ``frame size`` bytes of the zip, the last one fewer (or
none); each is sealed with its own nonce (base nonce XOR frame index) and with
the header, the frame index and a final flag as associated data, so a frame
changed, dropped, reordered or cut off fails to open.  Both directions stream:
one frame in memory at a time.
"""

from __future__ import annotations

import os
import struct
import unicodedata
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from evaluator_app.exchange.errors import BundleError
from evaluator_app.i18n import _

MAGIC = b"EVPKGENC"
VERSION = 1
FRAME_SIZE = 1 << 20
SCRYPT_LOG2_N = 15
SCRYPT_R = 8
SCRYPT_P = 1
_HEADER = struct.Struct(">8sBBBBI16s12s")
HEADER_SIZE = _HEADER.size
TAG = 16

# Bounds on what a header may ask for: a forged header must not make us spend
# gigabytes of memory or minutes of CPU on the key.
_LOG2_N = range(10, 21)
_R = range(1, 33)
_P = range(1, 17)
_FRAMES = range(4096, (16 << 20) + 1)
# and together: scrypt takes 128·r·N bytes and ~N·r·p units of work.  This app
# writes N = 2^15, r = 8, p = 1 (32 MiB, half a second); a forged header with
# N = 2^20, r = 32 asked for 4 GiB and a minute (found by fuzzing).
_MAX_MEMORY = 256 << 20
_MAX_WORK = 1 << 22  # 16 times what this app writes

WRONG = "wrong passphrase, or the bundle was changed"


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(MAGIC)) == MAGIC


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(secret)


def _nonce(base: bytes, index: int) -> bytes:
    return (int.from_bytes(base, "big") ^ index).to_bytes(12, "big")


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + struct.pack(">QB", index, final)


class EncryptingWriter:
    """A write-only stream that seals what it is given into frames on ``raw``.

    ``close`` writes the final frame; it does not close ``raw``.
    """

    def __init__(self, raw: BinaryIO, passphrase: str, frame_size: int = FRAME_SIZE) -> None:
        if frame_size not in _FRAMES:
            raise ValueError(f"frame size {frame_size} outside {_FRAMES}")
        salt, base = os.urandom(16), os.urandom(12)
        self._header = _HEADER.pack(
            MAGIC, VERSION, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, frame_size, salt, base
        )
        self._aes = AESGCM(_key(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P))
        self._base = base
        self._raw = raw
        self._frame = frame_size
        self._buffer = bytearray()
        self._index = 0
        self._closed = False
        raw.write(self._header)

    def _seal(self, data: bytes, final: bool) -> None:
        aad = _aad(self._header, self._index, final)
        self._raw.write(self._aes.encrypt(_nonce(self._base, self._index), data, aad))
        self._index += 1

    def write(self, data: bytes) -> int:
        self._buffer += data
        # Strictly more than a frame: the last full frame may turn out final.
        while len(self._buffer) > self._frame:
            self._seal(bytes(self._buffer[: self._frame]), final=False)
            del self._buffer[: self._frame]
        return len(data)

    def flush(self) -> None:
        self._raw.flush()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._raw.flush()


def _read_header(stream: BinaryIO) -> tuple[bytes, int, int, int, int, bytes, bytes]:
    header = stream.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise BundleError(None, _("the encrypted bundle is incomplete (its header is cut short)"))
    _magic, version, log2_n, r, p, frame, salt, base = _HEADER.unpack(header)
    if version > VERSION:
        raise BundleError(
            None,
            _(
                "encrypted by a newer Evaluator (encryption version "
                "{version}; this app reads version {supported}): update "
                "Evaluator to open it"
            ).format(version=version, supported=VERSION),
        )
    if version < 1 or log2_n not in _LOG2_N or r not in _R or p not in _P or frame not in _FRAMES:
        raise BundleError(None, _("the encrypted bundle's header is damaged"))
    if 128 * r * 2**log2_n > _MAX_MEMORY or 2**log2_n * r * p > _MAX_WORK:
        raise BundleError(None, _("the encrypted bundle's header is damaged"))
    return header, log2_n, r, p, frame, salt, base


def decrypt_to(source: Path, target: BinaryIO, passphrase: str, max_size: int) -> int:
    """Open ``source`` into ``target`` frame by frame; returns the bytes written.

    Raises BundleError for a wrong passphrase, a changed or cut-off file, or a
    plain text larger than ``max_size``.
    """
    written = 0
    with source.open("rb") as stream:
        header, log2_n, r, p, frame, salt, base = _read_header(stream)
        aes = AESGCM(_key(passphrase, salt, log2_n, r, p))
        block = stream.read(frame + TAG)
        index = 0
        while True:
            following = stream.read(frame + TAG)
            final = not following
            if len(block) < TAG:
                raise BundleError(None, _("the encrypted bundle is incomplete (cut short)"))
            try:
                plain = aes.decrypt(_nonce(base, index), block, _aad(header, index, final))
            except InvalidTag:
                if index == 0:
                    raise BundleError(None, WRONG) from None
                raise BundleError(
                    None,
                    _("the encrypted bundle was changed or cut short (at frame {frame})").format(
                        frame=index + 1
                    ),
                ) from None
            written += len(plain)
            if written > max_size:
                raise BundleError(
                    None,
                    _(
                        "the encrypted bundle opens to more than {max_size} bytes (the limit)"
                    ).format(max_size=max_size),
                )
            target.write(plain)
            if final:
                return written
            block, index = following, index + 1
