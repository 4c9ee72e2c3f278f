"""Mutation fuzzing of every parser that takes a file from outside.

Each target takes the bytes of one input, writes them to a file in an inbox
and hands that file to the app the way a person would (import a framework,
import a bundle, verify a PDF, import a signing identity).  The only allowed
outcomes are success or the project's own clear error; a hang (the input's
time limit), any other exception, or a file written outside the data folder
is a failure.

Inputs are mutations of real files (``seeds.py``): byte flips, inserts,
deletions, splices of other parts, interesting values; for the zip formats
(bundles and workbooks) also a mutation *inside* one member with the zip,
and for bundles the manifest's hashes, made whole again, so the input gets
past the checksums into the JSON and the validation behind them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

from tests.reliability.seeds import PASSPHRASE, Seeds

INTERESTING = [
    b"\x00",
    b"\xff",
    b"\x7f",
    b"\x80",
    b"\xff\xff\xff\xff",
    b"\x00\x00\x00\x00",
    b"\x7f\xff\xff\xff",
    b"-1",
    b"0",
    b"99999999999999999999",
    b"1e999",
    b"NaN",
    b"null",
    b"true",
    b"[]",
    b"{}",
    b'"',
    b"\\",
    b"\n",
    b"\r\n",
    b"\t",
    b" ",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"<<: *a",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{",
    b"- - - - - - - - - - - - - -",
    b"\xef\xbb\xbf",
    b"\xc3\x28",
    b"%",
    b"obj",
    b"endobj",
    b"stream",
    b"/Length 999999999",
    b"R",
    b"0 0 R",
    b"<!ENTITY x SYSTEM 'file:///etc/passwd'>",
    b"<!DOCTYPE a [<!ENTITY b 'bbbbbbbbbb'>]>",
    b"../../../../etc/passwd",
    b"A" * 300,
]


class Timeout(Exception):
    """An input took longer than its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the parser after ``seconds`` (main thread, POSIX)."""

    def _ring(_signum: int, _frame: Any) -> None:
        raise Timeout(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- mutations ----------------------------------------------------------------

Op = tuple[int, int, int, int]  # kind, position (any int), value, length


def mutate_bytes(data: bytes, ops: Sequence[Op]) -> bytes:
    """Apply byte-level mutations; positions wrap around the current length."""
    buf = bytearray(data)
    for kind, pos, value, length in ops:
        n = len(buf)
        at = pos % (n + 1)
        length = 1 + length % 64
        kind %= 9
        if kind == 0 and n:  # flip bits of one byte
            buf[at % n] ^= 1 + value % 255
        elif kind == 1 and n:  # set one byte
            buf[at % n] = value % 256
        elif kind == 2:  # insert random-ish bytes
            buf[at:at] = bytes((value + i * 31) % 256 for i in range(length))
        elif kind == 3:  # delete a run
            del buf[at : at + length]
        elif kind == 4:  # insert an interesting token
            buf[at:at] = INTERESTING[value % len(INTERESTING)]
        elif kind == 5 and n:  # duplicate a run elsewhere (splice of itself)
            src = value % n
            buf[at:at] = buf[src : src + length * 8]
        elif kind == 6:  # cut the file short
            del buf[at:]
        elif kind == 7 and n:  # overwrite with an interesting token
            token = INTERESTING[value % len(INTERESTING)]
            buf[at : at + len(token)] = token
        elif kind == 8 and n:  # change a decimal digit or a number's size
            i = at % n
            if 48 <= buf[i] <= 57:
                buf[i] = 48 + value % 10
            else:
                buf[i : i + 1] = str(value).encode()
    return bytes(buf)


def mutate_zip_member(data: bytes, member_choice: int, ops: Sequence[Op], *, rehash: bool) -> bytes:
    """Mutate one member inside a zip and write the zip whole again.

    ``rehash``: also correct ``manifest.json``'s hash and size of that member
    (a bundle), so the change survives the checksums.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    if not members:
        return data
    index = member_choice % len(members)
    info, content = members[index]
    changed = mutate_bytes(content, ops)
    members[index] = (info, changed)
    if rehash:
        for i, (other, text) in enumerate(members):
            if other.filename == "manifest.json" and other.filename != info.filename:
                members[i] = (other, _rehash(text, info.filename, changed))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content_ in members:
            archive.writestr(member.filename, content_)
    return out.getvalue()


def _rehash(manifest_text: bytes, name: str, content: bytes) -> bytes:
    try:
        manifest = json.loads(manifest_text)
        for entry in manifest.get("members", manifest.get("files", [])):
            if isinstance(entry, dict) and entry.get("name", entry.get("path")) == name:
                entry["sha256"] = hashlib.sha256(content).hexdigest()
                entry["size"] = len(content)
        return json.dumps(manifest).encode("utf-8")
    except (ValueError, AttributeError):
        return manifest_text


# --- targets ------------------------------------------------------------------


@dataclass
class Target:
    name: str
    suffix: str
    seeds: Callable[[Seeds], list[bytes]]
    run: Callable[[Any, Path], object]  # (context, input file) -> anything
    allowed: tuple[type[BaseException], ...]
    zip_kind: str | None = None  # "bundle" | "xlsx": members can be mutated inside
    seconds: float = 30.0  # generous: a loaded CI machine is slow, a hang is for ever


def _allowed() -> dict[str, tuple[type[BaseException], ...]]:
    from evaluator_app.domain.framework import FrameworkError
    from evaluator_app.exchange.errors import BundleError
    from evaluator_app.services.errors import ServiceError
    from evaluator_app.signing.errors import SigningError

    return {
        "framework": (FrameworkError, ServiceError),
        "bundle": (BundleError, ServiceError),
        "signing": (ServiceError, SigningError),
    }


def _framework(ctx: Any, path: Path) -> object:
    from evaluator_app.services.frameworks import read_framework_file

    return read_framework_file(path)


def _bundle(ctx: Any, path: Path) -> object:
    from evaluator_app.services.bundle_import import import_bundle

    return import_bundle(ctx, path)


def _verify(ctx: Any, path: Path) -> object:
    from evaluator_app.services.minutes import verify_minutes

    return verify_minutes(ctx, path)


def _p12(ctx: Any, path: Path) -> object:
    from evaluator_app.services.identities import import_identity

    return import_identity(ctx, path, PASSPHRASE)


def targets() -> dict[str, Target]:
    allowed = _allowed()
    return {
        t.name: t
        for t in (
            Target(
                "framework-yaml",
                ".yaml",
                lambda s: [s.yaml.read_bytes(), s.tiny_yaml.read_bytes()],
                _framework,
                allowed["framework"],
            ),
            Target(
                "framework-xlsx",
                ".xlsx",
                lambda s: [s.xlsx.read_bytes()],
                _framework,
                allowed["framework"],
                zip_kind="xlsx",
                seconds=60.0,
            ),
            Target(
                "bundle",
                ".evpkg",
                lambda s: [s.bundle.read_bytes()],
                _bundle,
                allowed["bundle"],
                zip_kind="bundle",
            ),
            Target(
                "pdf-verify",
                ".pdf",
                lambda s: [s.pdf.read_bytes()],
                _verify,
                allowed["signing"],
                seconds=60.0,
            ),
            Target(
                "pkcs12",
                ".p12",
                lambda s: [s.p12_fast.read_bytes(), s.p12.read_bytes()],
                _p12,
                allowed["signing"],
            ),
        )
    }


def make_input(target: Target, seeds: list[bytes], choice: int, ops: Sequence[Op]) -> bytes:
    """One input: a seed mutated; a zip format is mutated inside a member half the time."""
    seed = seeds[choice % len(seeds)]
    if target.zip_kind and ops and ops[0][0] % 2 == 0:
        try:
            return mutate_zip_member(
                seed, ops[0][1], ops[1:] or ops, rehash=target.zip_kind == "bundle"
            )
        except (zipfile.BadZipFile, ValueError):
            pass
    return mutate_bytes(seed, ops)


# --- running ------------------------------------------------------------------


@dataclass
class Failure:
    target: str
    kind: str  # "exception" | "hang" | "outside write"
    detail: str
    input_file: Path | None = None


@dataclass
class Stats:
    inputs: int = 0
    ok: int = 0
    refused: int = 0
    seconds: float = 0.0
    slowest: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)  # refusal kinds seen


class Sandbox:
    """A data folder, an inbox for the inputs, and watched places around them.

    The temporary folder and the working directory of the process point into
    the sandbox while a target runs; after each input they must be empty, and
    nothing may appear in the sandbox outside ``data/`` and ``inbox/``.
    """

    def __init__(self, root: Path, seeds: Seeds) -> None:
        from evaluator_app.services.operation import open_context
        from tests.conftest import TINY_FRAMEWORK

        self.root = root
        self.data = root / "data"
        self.inbox = root / "inbox"
        self.tmp = root / "tmp"
        self.cwd = root / "cwd"
        for folder in (self.inbox, self.tmp, self.cwd, self.data / "frameworks"):
            folder.mkdir(parents=True, exist_ok=True)
        (self.data / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
        # the minutes' signers are trusted here as where they were signed
        issuer = seeds.data_dir / "identities" / "local-issuer"
        target = self.data / "identities" / "local-issuer"
        if issuer.is_dir() and not target.exists():
            target.mkdir(parents=True)
            for item in issuer.iterdir():
                (target / item.name).write_bytes(item.read_bytes())
        self.ctx = open_context(str(self.data), "penguji")
        self.outside = self._outside()

    def _outside(self) -> set[str]:
        found = set()
        for path in self.root.iterdir():
            if path.name not in ("data", "inbox"):
                found |= {str(p.relative_to(self.root)) for p in path.rglob("*")}
                found.add(path.name)
        return found

    @contextmanager
    def watched(self) -> Iterator[None]:
        old_tmp, old_cwd = tempfile.tempdir, Path.cwd()
        saved_env = {k: os.environ.get(k) for k in ("TMPDIR", "TEMP", "TMP")}
        tempfile.tempdir = str(self.tmp)
        os.environ["TMPDIR"] = str(self.tmp)
        os.chdir(self.cwd)
        try:
            yield
        finally:
            os.chdir(old_cwd)
            tempfile.tempdir = old_tmp
            for key, value in saved_env.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value

    def stray_files(self) -> list[str]:
        return sorted(self._outside() - self.outside)

    def close(self) -> None:
        self.ctx.store.close()


def run_one(target: Target, sandbox: Sandbox, data: bytes, stats: Stats, keep: Path | None) -> None:
    """Feed one input; count it, and record a failure with the input kept for replay."""
    path = sandbox.inbox / f"input{target.suffix}"
    path.write_bytes(data)
    start = time.perf_counter()
    failure = None
    try:
        with sandbox.watched(), time_limit(target.seconds):
            target.run(sandbox.ctx, path)
        stats.ok += 1
    except target.allowed as error:
        stats.refused += 1
        message = str(error)
        if not message.strip():
            failure = Failure(target.name, "empty message", type(error).__name__)
        name = type(error).__name__
        stats.errors[name] = stats.errors.get(name, 0) + 1
    except Timeout as error:
        failure = Failure(target.name, "hang", str(error))
    except Exception as error:  # the point: anything else is a failure
        failure = Failure(target.name, "exception", f"{type(error).__name__}: {error}"[:500])
    elapsed = time.perf_counter() - start
    stats.inputs += 1
    stats.seconds += elapsed
    stats.slowest = max(stats.slowest, elapsed)
    stray = sandbox.stray_files()
    if stray:
        failure = failure or Failure(target.name, "outside write", ", ".join(stray[:5]))
        for name in stray:  # report once, then carry on from a clean state
            item = sandbox.root / name
            if item.is_file():
                item.unlink()
        sandbox.outside = sandbox._outside()
    if failure is not None:
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256(data).hexdigest()[:16]
            failure.input_file = keep / f"{target.name}-{digest}{target.suffix}"
            failure.input_file.write_bytes(data)
        stats.failures.append(failure)


def random_ops(rng: Random) -> list[Op]:
    return [
        (
            rng.randrange(1 << 16),
            rng.randrange(1 << 31),
            rng.randrange(1 << 16),
            rng.randrange(1 << 8),
        )
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 5, 8)))
    ]
