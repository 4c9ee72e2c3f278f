"""A batch of incoming evidence files (a bundle's): written by a thread of its own,
named only on commit, and gone again when the batch is discarded or fails."""

from __future__ import annotations

import errno
import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluator_app.store.evidence_store import EvidenceStore


def _chunks(data: bytes, size: int = 7) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_committed_files_are_stored_under_their_hash(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    contents = [b"first file", b"second, a little longer" * 50, b""]
    with store.incoming() as staged:
        for data in contents:
            sha256 = hashlib.sha256(data).hexdigest()
            assert staged.add(sha256, _chunks(data)) == len(data)
        stored = staged.commit()
    assert [s.size for s in stored] == [len(d) for d in contents]
    for data in contents:
        assert store.read_bytes(hashlib.sha256(data).hexdigest()) == data
    assert not list(store.root.glob(".incoming-*"))


def test_files_not_committed_are_removed(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    with store.incoming() as staged:
        staged.add(hashlib.sha256(b"x").hexdigest(), [b"x"])
    assert _files(store.root) == []


def test_a_source_failing_midway_leaves_no_partial_file(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")

    def broken() -> Iterator[bytes]:
        yield b"some bytes"
        raise ValueError("the bundle ended early")

    with store.incoming() as staged, pytest.raises(ValueError):
        staged.add(hashlib.sha256(b"whole").hexdigest(), broken())
    assert _files(store.root) == []


def test_a_write_failure_is_raised_by_commit_and_nothing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    real = tempfile.mkstemp
    made: list[str] = []

    def full_disk(prefix: str, dir: Path) -> tuple[int, str]:
        if made:
            raise OSError(errno.ENOSPC, "No space left on device")
        fd, name = real(prefix=prefix, dir=dir)
        made.append(name)
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", full_disk)
    with store.incoming() as staged:
        for data in (b"one", b"two", b"three"):
            staged.add(hashlib.sha256(data).hexdigest(), [data])
        with pytest.raises(OSError, match="No space left"):
            staged.commit()
    assert _files(store.root) == []
