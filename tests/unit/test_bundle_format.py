"""The bundle format below the services: schema, encryption frames, member checks, scope."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
import typing
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from evaluator_app.domain.framework import Framework, load_framework
from evaluator_app.exchange import crypto
from evaluator_app.exchange.compare import differences, summary
from evaluator_app.exchange.errors import BundleError
from evaluator_app.exchange.reader import open_bundle
from evaluator_app.exchange.schema import TABLES, AuditData, AuditEntry, SessionData
from evaluator_app.exchange.scope import ScopeError, indicators_in_scope, select_records
from evaluator_app.exchange.validation import describe
from evaluator_app.services import assessments, evidence, findings, participants, sessions
from evaluator_app.store.models import RECORD_TYPES, AuditEvent

# --- schema ---------------------------------------------------------------------


def test_every_store_column_has_its_place_in_session_json() -> None:
    entries = typing.get_type_hints(SessionData)
    for key, table in TABLES.items():
        entry = entries[key]
        entry = typing.get_args(entry)[0] if typing.get_origin(entry) is list else entry
        columns = set(RECORD_TYPES[table].__table__.columns.keys())
        assert set(entry.model_fields) == columns, table
    assert set(AuditEntry.model_fields) == set(AuditEvent.__table__.columns.keys())


def test_the_enumerations_are_the_services_own() -> None:
    fields = typing.get_type_hints(SessionData)

    def choices(key: str, field: str) -> set[str]:
        entry = fields[key]
        entry = typing.get_args(entry)[0] if typing.get_origin(entry) is list else entry
        return set(typing.get_args(entry.model_fields[field].annotation))

    assert choices("session", "status") == set(sessions.STATUSES)
    assert choices("assessments", "status") == set(assessments.STATUSES)
    assert choices("evidence", "status") == set(evidence.STATUSES)
    assert choices("findings", "priority") == set(findings.PRIORITIES)
    assert choices("participants", "role") == set(participants.ROLES)


def test_schema_errors_name_the_path_inside_the_member() -> None:
    with pytest.raises(ValidationError) as caught:
        AuditData.model_validate_json(b'{"events": [{"seq": "1"}]}', strict=True)
    text = describe(caught.value)
    assert text.startswith("events[0].id: Field required")
    assert "(and " in text
    with pytest.raises(ValidationError) as caught:
        AuditData.model_validate_json(b'{"events": [', strict=True)
    assert describe(caught.value).startswith("not valid JSON")


# --- encryption -------------------------------------------------------------------


@pytest.fixture
def cheap_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 10)  # the lowest a header may ask for


def _seal(data: bytes, passphrase: str = "rahasia", frame: int = 4096) -> bytes:
    out = io.BytesIO()
    writer = crypto.EncryptingWriter(out, passphrase, frame)
    for start in range(0, len(data), 1000):  # written in pieces, as zipfile does
        writer.write(data[start : start + 1000])
    writer.close()
    return out.getvalue()


def _open(
    sealed: bytes, tmp_path: Path, passphrase: str = "rahasia", limit: int = 1 << 30
) -> bytes:
    source = tmp_path / "sealed.bin"
    source.write_bytes(sealed)
    out = io.BytesIO()
    crypto.decrypt_to(source, out, passphrase, limit)
    return out.getvalue()


@pytest.mark.usefixtures("cheap_key")
@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 3 * 4096, 20_000])
def test_sealed_frames_open_to_the_same_bytes(size: int, tmp_path: Path) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    sealed = _seal(data)
    assert sealed.startswith(crypto.MAGIC)
    # Short plaintexts can occur in random ciphertext by chance; 16 bytes cannot.
    assert len(data) < 16 or data[:64] not in sealed[crypto.HEADER_SIZE :]
    assert _open(sealed, tmp_path) == data


@pytest.mark.usefixtures("cheap_key")
def test_passphrase_is_compared_as_normalised_unicode(tmp_path: Path) -> None:
    sealed = _seal(b"isi", "kafe\u0301")  # "kafé" with a combining accent
    assert _open(sealed, tmp_path, "kaf\u00e9") == b"isi"


def _frames(sealed: bytes, frame: int = 4096) -> tuple[bytes, list[bytes]]:
    body = sealed[crypto.HEADER_SIZE :]
    size = frame + crypto.TAG
    return sealed[: crypto.HEADER_SIZE], [body[i : i + size] for i in range(0, len(body), size)]


def _flip_in_second(sealed: bytes) -> bytes:
    spoiled = bytearray(sealed)
    spoiled[crypto.HEADER_SIZE + 4096 + crypto.TAG + 7] ^= 0x80
    return bytes(spoiled)


def _reordered(sealed: bytes) -> bytes:
    header, frames = _frames(sealed)
    return header + frames[1] + frames[0] + b"".join(frames[2:])


def _last_dropped(sealed: bytes) -> bytes:
    header, frames = _frames(sealed)
    return header + b"".join(frames[:-1])


def _salt_changed(sealed: bytes) -> bytes:
    spoiled = bytearray(sealed)
    spoiled[20] ^= 0x01
    return bytes(spoiled)


@pytest.mark.usefixtures("cheap_key")
@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (_flip_in_second, "changed or cut short (at frame 2)"),
        (_reordered, "wrong passphrase, or the bundle was changed"),
        (_last_dropped, "changed or cut short (at frame 3)"),
        (lambda s: s[:-10], "changed or cut short"),
        (lambda s: s + b"more", "changed or cut short"),
        (_salt_changed, "wrong passphrase, or the bundle was changed"),
    ],
)
def test_changed_dropped_or_reordered_frames_do_not_open(
    spoil: Callable[[bytes], bytes], words: str, tmp_path: Path
) -> None:
    sealed = _seal(bytes(3 * 4096 + 100))
    with pytest.raises(BundleError) as refused:
        _open(spoil(sealed), tmp_path)
    assert words in str(refused.value)


@pytest.mark.usefixtures("cheap_key")
def test_wrong_passphrase_and_size_limit(tmp_path: Path) -> None:
    sealed = _seal(bytes(10_000))
    with pytest.raises(BundleError, match="wrong passphrase, or the bundle was changed"):
        _open(sealed, tmp_path, "salah")
    with pytest.raises(BundleError, match="more than 5000 bytes"):
        _open(sealed, tmp_path, limit=5000)


@pytest.mark.parametrize(
    ("offset", "value", "words"),
    [(8, 2, "newer Evaluator"), (9, 30, "header is damaged"), (12, 255, "header is damaged")],
)
@pytest.mark.usefixtures("cheap_key")
def test_a_forged_header_is_refused_before_any_work(
    offset: int, value: int, words: str, tmp_path: Path
) -> None:
    sealed = bytearray(_seal(b"data"))
    sealed[offset] = value  # version; log2 n (2**30 would cost gigabytes); frame size
    with pytest.raises(BundleError, match=words):
        _open(bytes(sealed), tmp_path)


# --- members ------------------------------------------------------------------------


def _zip(tmp_path: Path, *entries: zipfile.ZipInfo | str) -> Path:
    path = tmp_path / "odd.evpkg"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name
        with zipfile.ZipFile(path, "w") as archive:
            for entry in entries:
                archive.writestr(entry, b"{}")
    return path


def _info(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    return info


@pytest.mark.parametrize(
    ("entries", "member", "words"),
    [
        (["manifest.json", "../../etc/x"], "../../etc/x", "leaves the archive"),
        (["/tmp/x"], "/tmp/x", "absolute"),
        (["c:/Windows/x"], "c:/Windows/x", "drive letter"),
        (["evidence\\x"], "evidence\\x", "backslashes"),
        ([_info("session.json", stat.S_IFLNK | 0o777)], "session.json", "symbolic link"),
        ([_info("audit.json", stat.S_IFIFO | 0o644)], "audit.json", "not a regular file"),
        (["evidence/"], "evidence/", "not a regular file"),
        (["notes.txt"], "notes.txt", "not a member an Evaluator bundle holds"),
        (["session.json", "session.json"], "session.json", "appears twice"),
        (["session.json"], "manifest.json", "missing: this is not an Evaluator bundle"),
    ],
)
def test_members_are_checked_before_anything_is_unpacked(
    entries: list[zipfile.ZipInfo | str], member: str, words: str, tmp_path: Path
) -> None:
    with pytest.raises(BundleError) as refused, open_bundle(_zip(tmp_path, *entries)):
        pass
    assert refused.value.member == member
    assert words in refused.value.problem
    assert refused.value.source == "odd.evpkg"


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="no such file"), open_bundle(tmp_path / "gone.evpkg"):
        pass


# --- scope and comparison -----------------------------------------------------------


@pytest.fixture
def tiny(data_dir: Path) -> Framework:
    return load_framework(data_dir / "frameworks" / "tiny.yaml")


def _tables() -> dict[str, typing.Any]:
    def record(n: str, **values: typing.Any) -> dict[str, typing.Any]:
        return {"id": n, **values}

    return {
        "session": record("s", region="Kota Uji"),
        "framework": record("f"),
        "participants": [record("p1", name="Rina"), record("p2", name="Hendra")],
        "assessments": [
            record("a1", indicator_code="GOV.1.1", notes=""),
            record("a2", indicator_code="GOV.1.2", notes=""),
            record("a3", indicator_code="ENV.1.1", notes=""),
        ],
        "ratings": [record("r1", assessment_id="a2", participant_id="p1")],
        "clarifications": [record("c1", assessment_id="a3", asked_by_id="p1")],
        "evidence": [record("e1", assessment_id="a1")],
        "findings": [record("f1", indicator_code="ENV.1.1"), record("f2", indicator_code=None)],
        "signoffs": [record("x1")],
        "assignments": [],
    }


def test_scope_by_dimension_and_by_evaluator(tiny: Framework) -> None:
    tables = _tables()
    assert indicators_in_scope(tables, tiny, ["GOV"], None) == {"GOV.1.1", "GOV.1.2"}
    assert indicators_in_scope(tables, tiny, None, "p1") == {"GOV.1.2", "ENV.1.1"}
    assert indicators_in_scope(tables, tiny, ["ENV"], "p1") == {"ENV.1.1"}
    assert indicators_in_scope(tables, tiny, None, "p2") == set()
    with pytest.raises(ScopeError, match="no dimension ECO in tiny 1; it has GOV, ENV"):
        indicators_in_scope(tables, tiny, ["ECO"], None)
    part = select_records(tables, {"ENV.1.1"})
    assert [a["id"] for a in part["assessments"]] == ["a3"]
    assert [c["id"] for c in part["clarifications"]] == ["c1"]
    assert [f["id"] for f in part["findings"]] == ["f1"]
    assert part["evidence"] == [] and part["signoffs"] == [] and len(part["participants"]) == 2


def test_an_evaluators_work_includes_the_dimensions_assigned_to_them(tiny: Framework) -> None:
    tables = _tables()
    tables["assignments"] = [
        {"id": "h1", "session_id": "s", "dimension_code": "ENV", "participant_id": "p2"},
        {"id": "h2", "session_id": "s", "dimension_code": "GOV", "participant_id": "p1"},
    ]
    # Hendra rated nothing and asked nothing: what he holds is his work.
    assert indicators_in_scope(tables, tiny, None, "p2") == {"ENV.1.1"}
    assert indicators_in_scope(tables, tiny, ["GOV"], "p2") == set()
    # Rina holds GOV and asked about ENV.1.1.
    assert indicators_in_scope(tables, tiny, None, "p1") == {"GOV.1.1", "GOV.1.2", "ENV.1.1"}
    # A partial bundle carries every assignment, as it carries every participant.
    part = select_records(tables, {"ENV.1.1"})
    assert [a["id"] for a in part["assignments"]] == ["h1", "h2"]


def test_differences_name_each_record_and_field() -> None:
    ours, theirs = _tables(), _tables()
    theirs["assessments"][1]["notes"] = "baru"
    theirs["findings"].pop()
    theirs["ratings"].append({"id": "r2", "assessment_id": "a1", "participant_id": "p2"})
    theirs["session"]["framework_id"] = "another id, same definition"
    found = differences(ours, theirs)
    assert found == [
        "assessment GOV.1.2: notes",
        "rating r2: only in the bundle",
        "finding f2: only on this laptop",
    ]
    assert differences(ours, _tables()) == []
    assert summary(found, limit=2).endswith("; and 1 more")


def test_the_exchange_layer_needs_no_database() -> None:
    code = (
        "import sys, evaluator_app.exchange.reader, evaluator_app.exchange.writer, "
        "evaluator_app.exchange.compare, evaluator_app.exchange.summary\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', "
        "'evaluator_app.store', 'evaluator_app.services', 'PySide6'))))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"
