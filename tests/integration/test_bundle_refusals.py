"""Every bad bundle of issue 5 is refused with a clear message, and nothing is written."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_bundle_helpers import members, rezip, state, with_session_json

from evaluator_app.exchange.crypto import FRAME_SIZE, HEADER_SIZE, TAG
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.reader import Limits
from evaluator_app.services import evidence
from evaluator_app.services.bundle_import import import_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, open_context

Source = tuple[Path, Path]  # the plain demo bundle, an encrypted one of four frames
PASSPHRASE = "kata sandi"


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Source]:
    folder = tmp_path_factory.mktemp("source")
    ctx = open_context(str(folder / "data"), "alice")
    session_id = create_demo(ctx)
    plain = export_bundle(ctx, session_id, folder / "demo.evpkg").path
    scan = folder / "scan.bin"  # makes the encrypted bundle span several frames
    scan.write_bytes(hashlib.shake_256(b"scan").digest(3 * FRAME_SIZE + 1000))
    evidence.attach_file(ctx, session_id, "GOV.1.1", scan, "Pindaian dokumen")
    sealed = export_bundle(ctx, session_id, folder / "sealed.evpkg", passphrase=PASSPHRASE).path
    yield plain, sealed
    ctx.store.close()


def _evidence_member(bundle: Path) -> str:
    return next(name for name in members(bundle) if name.startswith("evidence/"))


def _with_member(bundle: Path, target: Path, info: zipfile.ZipInfo, data: bytes) -> Path:
    with zipfile.ZipFile(bundle) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        new.writestr(info, data)
    return target


def _traversal(name: str) -> Callable[[Path, Path], Path]:
    return lambda bundle, target: rezip(bundle, target, replace={name: b"x"}, fix_manifest=False)


def _symlink(bundle: Path, target: Path) -> Path:
    info = zipfile.ZipInfo("evidence/" + "ab" * 32)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return _with_member(bundle, target, info, b"/etc/passwd")


def _same_size_change(bundle: Path, target: Path) -> Path:
    text = members(bundle)["session.json"].replace(b"Tirtamaya", b"Tirtamaye", 1)
    return rezip(bundle, target, replace={"session.json": text}, fix_manifest=False)


def _size_differs(bundle: Path, target: Path) -> Path:
    name = _evidence_member(bundle)

    def grow(manifest: dict[str, Any]) -> None:
        next(m for m in manifest["members"] if m["path"] == name)["size"] += 1

    return rezip(bundle, target, manifest=grow)


def _unlisted(bundle: Path, target: Path) -> Path:
    name = "evidence/" + hashlib.sha256(b"extra").hexdigest()

    def forget(manifest: dict[str, Any]) -> None:
        manifest["members"] = [m for m in manifest["members"] if m["path"] != name]

    return rezip(bundle, target, replace={name: b"extra"}, manifest=forget)


def _absent(bundle: Path, target: Path) -> Path:
    return rezip(bundle, target, drop=(_evidence_member(bundle),), fix_manifest=False)


def _version(value: object) -> Callable[[Path, Path], Path]:
    def build(bundle: Path, target: Path) -> Path:
        return rezip(bundle, target, manifest=lambda m: m.update(format_version=value))

    return build


def _cut(bundle: Path, target: Path) -> Path:
    data = bundle.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def _text(data: bytes) -> Callable[[Path, Path], Path]:
    def build(_bundle: Path, target: Path) -> Path:
        target.write_bytes(data)
        return target

    return build


def _bomb(bundle: Path, target: Path) -> Path:
    """200 MB of zeros, packed to about 200 kB, written in chunks."""
    with zipfile.ZipFile(bundle) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        with new.open("evidence/" + "00" * 32, "w") as member:
            zeros = bytes(1 << 20)
            for _ in range(200):
                member.write(zeros)
    return target


def _session_edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[Path, Path], Path]:
    return lambda bundle, target: with_session_json(bundle, target, edit)


def _first_settled(data: dict[str, Any]) -> dict[str, Any]:
    return next(a for a in data["assessments"] if a["agreed_level"] is not None)


def _audit_edit(bundle: Path, target: Path) -> Path:
    trail = json.loads(members(bundle)["audit.json"])
    trail["events"][3]["seq"] = "4"
    return rezip(bundle, target, replace={"audit.json": json.dumps(trail).encode()})


def _unknown_key(data: dict[str, Any]) -> None:
    data["ratings"][0]["weight"] = 2


def _missing_key(data: dict[str, Any]) -> None:
    del data["findings"][0]["priority"]


def _text_level(data: dict[str, Any]) -> None:
    _first_settled(data)["agreed_level"] = str(_first_settled(data)["agreed_level"])


def _other_level(data: dict[str, Any]) -> None:
    settled = _first_settled(data)
    settled["agreed_level"] = 1 if settled["agreed_level"] != 1 else 2


def _stranger(data: dict[str, Any]) -> None:
    data["ratings"][0]["participant_id"] = "00000000-0000-4000-8000-000000000000"


BAD: dict[str, tuple[Callable[[Path, Path], Path], str, str]] = {
    # name: (how to spoil the demo bundle, member named, words of the message)
    "parent": (_traversal("../x"), "../x", "leaves the archive"),
    "absolute": (_traversal("/abs"), "/abs", "absolute"),
    "drive": (_traversal("C:\\x"), "C:\\x", "drive letter"),
    "backslash": (_traversal("a\\..\\b"), "a\\..\\b", "backslashes"),
    "symlink": (_symlink, "evidence/abab", "symbolic link"),
    "hash": (_same_size_change, "session.json", "SHA-256 differs from the manifest"),
    "size": (_size_differs, "evidence/", "differs from the manifest's"),
    "unlisted": (_unlisted, "evidence/", "not in the manifest"),
    "absent": (_absent, "evidence/", "absent from the archive"),
    "newer": (_version(2), "manifest.json", "made by a newer Evaluator"),
    "unknown version": (_version(0), "manifest.json", "unknown bundle format version 0"),
    "version text": (_version("1"), "manifest.json", "format_version: not a whole number"),
    "truncated": (_cut, "", "incomplete or damaged"),
    "not a zip": (_text(b"Bukan arsip zip."), "", "not an Evaluator bundle"),
    "empty": (_text(b""), "", "the file is empty"),
    "bomb": (_bomb, "evidence/0000", "decompression bomb"),
    "text level": (_session_edit(_text_level), "session.json", "agreed_level: Input should be"),
    "unknown key": (_session_edit(_unknown_key), "session.json", "ratings[0].weight: unknown key"),
    "missing key": (_session_edit(_missing_key), "session.json", "findings[0].priority: Field"),
    "stranger": (_session_edit(_stranger), "session.json", "ratings[0].participant_id: no"),
    "trail": (_session_edit(_other_level), "session.json", "differs from its audit trail"),
    "audit schema": (_audit_edit, "audit.json", "events[3].seq"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_bundle_is_refused_naming_the_member_and_nothing_is_written(
    case: str, source: Source, ctx: Context, session_id: str, tmp_path: Path
) -> None:
    spoil, member, words = BAD[case]
    bad = spoil(source[0], tmp_path / "bad.evpkg")
    before = state(ctx)
    with pytest.raises(BundleError) as refused:
        import_bundle(ctx, bad)
    assert (refused.value.member or "").startswith(member), refused.value
    assert words in str(refused.value)
    assert str(refused.value).startswith("bad.evpkg: ")
    assert state(ctx) == before


@pytest.mark.parametrize(
    ("limits", "words"),
    [
        (Limits(max_total_size=100_000), "unpacks to more than 100000 bytes"),
        (Limits(max_members=5), "more than 5"),
        (Limits(max_json_size=1000), "larger than the limit"),
        (Limits(max_ratio=2, ratio_floor=0), "more than the limit 2:1"),
    ],
)
def test_bundle_beyond_the_limits_is_refused(
    limits: Limits, words: str, source: Source, ctx: Context, session_id: str
) -> None:
    before = state(ctx)
    with pytest.raises(BundleError, match=words):
        import_bundle(ctx, source[0], limits=limits)
    assert state(ctx) == before


def _frame(index: int) -> slice:
    start = HEADER_SIZE + index * (FRAME_SIZE + TAG)
    return slice(start, start + FRAME_SIZE + TAG)


def _flip(data: bytes) -> bytes:
    spoiled = bytearray(data)
    spoiled[_frame(2).start + 100] ^= 0x01
    return bytes(spoiled)


def _swap(data: bytes) -> bytes:
    return data[: _frame(1).start] + data[_frame(2)] + data[_frame(1)] + data[_frame(3).start :]


SEALED: dict[str, tuple[Callable[[bytes], bytes], str | None, str]] = {
    "wrong passphrase": (lambda d: d, "salah", "wrong passphrase, or the bundle was changed"),
    "no passphrase": (lambda d: d, None, "the bundle is encrypted: give its passphrase"),
    "flipped byte": (_flip, PASSPHRASE, "changed or cut short (at frame 3)"),
    "last frame gone": (lambda d: d[: _frame(3).start], PASSPHRASE, "changed or cut short"),
    "cut in a frame": (lambda d: d[: _frame(2).start + 500], PASSPHRASE, "changed or cut short"),
    "frames swapped": (_swap, PASSPHRASE, "changed or cut short (at frame 2)"),
    "header only": (lambda d: d[:HEADER_SIZE], PASSPHRASE, "incomplete (cut short)"),
    "header cut": (lambda d: d[:20], PASSPHRASE, "header is cut short"),
}


@pytest.mark.parametrize("case", SEALED)
def test_damaged_encrypted_bundle_is_refused_and_nothing_is_written(
    case: str, source: Source, ctx: Context, session_id: str, tmp_path: Path
) -> None:
    spoil, passphrase, words = SEALED[case]
    data = source[1].read_bytes()
    assert len(data) > HEADER_SIZE + 3 * (FRAME_SIZE + TAG)  # four frames
    bad = tmp_path / "sealed.evpkg"
    bad.write_bytes(spoil(data))
    before = state(ctx)
    with pytest.raises(BundleError, match=words.replace("(", r"\(").replace(")", r"\)")):
        import_bundle(ctx, bad, passphrase)
    assert state(ctx) == before


def test_sealed_source_opens_with_its_passphrase(source: Source, ctx: Context) -> None:
    assert import_bundle(ctx, source[1], PASSPHRASE).evidence_files > 1
