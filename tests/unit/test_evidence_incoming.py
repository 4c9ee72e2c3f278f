"""A batch of incoming evidence files (a bundle's): written by a thread of its own,
named only on commit, and gone again when the batch is discarded or fails."""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluator_app.store.evidence_packs import PackWriter, read_index
from evaluator_app.store.evidence_store import EvidenceFileError, EvidenceStore


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


@pytest.mark.parametrize("big", [False, True], ids=["gathered", "written-at-once"])
def test_a_write_failure_is_raised_by_commit_and_nothing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, big: bool
) -> None:
    # Small files fail when the gathered bytes are written (at the end here); a big
    # one as it is added, and the files after it are still read and checked.
    store = EvidenceStore(tmp_path / "evidence")
    contents = [b"one", bytes(PackWriter.GATHER) if big else b"two", b"three"]

    def full_disk(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    monkeypatch.setattr(os, "writev", full_disk)
    with store.incoming() as staged:
        sizes = [staged.add(hashlib.sha256(data).hexdigest(), [data]) for data in contents]
        assert sizes == [len(data) for data in contents]
        with pytest.raises(OSError, match="No space left"):
            staged.commit()
    assert _files(store.root) == []


# --- packs ------------------------------------------------------------------------


def _pack(store: EvidenceStore, contents: list[bytes]) -> Path:
    with store.incoming() as staged:
        for data in contents:
            staged.add(hashlib.sha256(data).hexdigest(), _chunks(data, 1000))
        staged.commit()
    packs = list((store.root / "packs").glob("*.pack"))
    assert len(packs) == 1
    return packs[0]


def test_a_batch_is_one_pack_and_each_file_reads_back_checked(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    contents = [b"first", bytes(range(256)) * 100, b""]
    pack = _pack(store, contents)
    assert _files(store.root) == [f"packs/{pack.name}"]
    assert read_index(pack).keys() == {hashlib.sha256(d).hexdigest() for d in contents}
    fresh = EvidenceStore(store.root)  # another window: finds the pack by itself
    for data in contents:
        sha256 = hashlib.sha256(data).hexdigest()
        assert fresh.read_bytes(sha256) == data
        blob = fresh.locate(sha256)
        assert blob is not None and blob.path == pack and blob.size == len(data)
        fresh.verify(sha256)


def test_a_file_here_already_is_not_written_again(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    here = store.put_file(_write(tmp_path / "ada.txt", b"already here"))
    with store.incoming() as staged:
        assert staged.add(here.sha256, [b"already ", b"here"]) == 12
        assert [s.sha256 for s in staged.commit()] == [here.sha256]
    assert not (store.root / "packs").exists()  # nothing new: no pack


def test_the_loose_files_are_listed_once_for_a_batch(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    assert store.loose_files() == set()  # no store folder yet
    first = store.put_file(_write(tmp_path / "a.txt", b"first"))
    _pack(store, [b"packed"])
    (store.root / first.sha256[:2] / ".incoming-x").write_bytes(b"half")  # not a file here
    assert store.loose_files() == {first.sha256}
    with store.incoming() as staged:
        # Stored by another window after the batch began: written again, no harm.
        later = store.put_file(_write(tmp_path / "b.txt", b"later"))
        staged.add(later.sha256, [b"later"])
        staged.commit()
    assert store.read_bytes(later.sha256) == b"later"
    store.path_for(later.sha256).unlink()
    assert EvidenceStore(store.root).read_bytes(later.sha256) == b"later"  # from the pack


def test_a_damaged_loose_copy_is_replaced_by_the_incoming_one(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    data = b"the original content"
    stored = store.put_file(_write(tmp_path / "asli.txt", data))
    store.path_for(stored.sha256).write_bytes(b"rotten")
    _pack(store, [data])
    assert store.read_bytes(stored.sha256) == data
    # Opening it puts the good bytes back under its name.
    assert store.check(stored.sha256).read_bytes() == data


def test_a_source_failing_midway_leaves_the_files_before_it_whole(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")

    def broken() -> Iterator[bytes]:
        yield b"some bytes"
        raise ValueError("the bundle ended early")

    with store.incoming() as staged:
        staged.add(hashlib.sha256(b"before").hexdigest(), [b"before"])
        with pytest.raises(ValueError):
            staged.add(hashlib.sha256(b"whole").hexdigest(), broken())
        staged.add(hashlib.sha256(b"after").hexdigest(), [b"after"])
        staged.commit()
    assert store.read_bytes(hashlib.sha256(b"before").hexdigest()) == b"before"
    assert store.read_bytes(hashlib.sha256(b"after").hexdigest()) == b"after"
    assert store.locate(hashlib.sha256(b"whole").hexdigest()) is None


def test_a_packed_file_opened_is_put_back_as_a_loose_file(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    data = b"%PDF-1.7 a report" * 1000
    sha256 = hashlib.sha256(data).hexdigest()
    _pack(store, [data])
    path = store.check(sha256)
    assert path == store.path_for(sha256)
    assert path.read_bytes() == data


def test_changed_bytes_in_a_pack_are_reported_not_served(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    data = b"agreed minutes, page one" * 100
    sha256 = hashlib.sha256(data).hexdigest()
    pack = _pack(store, [data])
    raw = bytearray(pack.read_bytes())
    at = raw.index(data) + 10
    raw[at] ^= 0xFF
    pack.write_bytes(bytes(raw))
    with pytest.raises(EvidenceFileError, match="changed") as refused:
        store.read_bytes(sha256)
    assert refused.value.path == pack  # where the changed bytes are
    with pytest.raises(EvidenceFileError, match="changed"):
        store.check(sha256)
    assert not store.path_for(sha256).exists()


def test_a_damaged_pack_is_skipped_and_its_files_are_missing(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    data = b"in a pack whose index is cut off"
    pack = _pack(store, [data])
    pack.write_bytes(pack.read_bytes()[:-10])
    with pytest.raises(ValueError, match="footer"):
        read_index(pack)
    with pytest.raises(EvidenceFileError, match="missing"):
        EvidenceStore(store.root).read_bytes(hashlib.sha256(data).hexdigest())


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_rewind_drops_bytes_already_written_out(tmp_path: Path) -> None:
    path = tmp_path / "a.pack"
    with path.open("wb") as out:
        pack = PackWriter(out.fileno())
        start = pack.begin()
        pack.write(b"k" * 10)
        pack.end(hashlib.sha256(b"k" * 10).hexdigest(), start)
        start = pack.begin()
        pack.write(bytes(PackWriter.GATHER))  # flushes and writes at once
        pack.rewind(start)
        pack.finish()
    assert read_index(path) == {hashlib.sha256(b"k" * 10).hexdigest(): (start - 10, 10)}
    assert path.stat().st_size < PackWriter.GATHER


def test_short_writes_and_a_rewind_inside_pending_chunks_keep_the_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A write may take fewer bytes than given (a full pipe, a signal): the rest of
    # the chunk goes in the next call; a rewind may fall inside a chunk not written yet.
    real_writev = os.writev
    monkeypatch.setattr(os, "writev", lambda fd, views: real_writev(fd, [views[0][:7]]))
    path = tmp_path / "b.pack"
    first = b"abcdefghij" * 3
    second = b"0123456789" * 5
    kept = second[:15] + b"not t" + second[20:]  # the rewind keeps 5 bytes of the 2nd chunk
    with path.open("wb") as out:
        pack = PackWriter(out.fileno())
        start = pack.begin()
        pack.write(first[:12])
        pack.write(memoryview(first)[12:])
        pack.end(hashlib.sha256(first).hexdigest(), start)
        start = pack.begin()
        pack.write(second[:15])
        pack.write(b"not this, nor what follows")
        pack.rewind(start + 20)  # inside the second chunk, not written out yet
        pack.write(second[20:])
        pack.end(hashlib.sha256(kept).hexdigest(), start)
        pack.finish()
    index = read_index(path)
    raw = path.read_bytes()
    for data in (first, kept):
        offset, size = index[hashlib.sha256(data).hexdigest()]
        assert raw[offset : offset + size] == data


def test_without_writev_each_buffer_is_written_in_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "writev")  # as on Windows
    store = EvidenceStore(tmp_path / "evidence")
    contents = [b"first", bytes(range(256)) * 100, b"third"]
    _pack(store, contents)
    for data in contents:
        assert EvidenceStore(store.root).read_bytes(hashlib.sha256(data).hexdigest()) == data
