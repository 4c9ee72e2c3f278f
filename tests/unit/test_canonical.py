"""Canonical JSON: one exact text per value, so hashes of records and frameworks are stable."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import pytest

from evaluator_app.domain.canonical import canonical_json, sha256_of


def test_keys_are_sorted_at_every_depth() -> None:
    value = {"b": 1, "a": {"d": [{"z": 1, "y": {"q": 0, "p": 1}}], "c": 2}}

    assert canonical_json(value) == '{"a":{"c":2,"d":[{"y":{"p":1,"q":0},"z":1}]},"b":1}'


def test_list_order_is_kept() -> None:
    assert canonical_json([3, 1, 2]) == "[3,1,2]"


def test_there_are_no_spaces_between_tokens() -> None:
    text = canonical_json({"a": [1, 2], "b": {"c": None, "d": True}})

    assert text == '{"a":[1,2],"b":{"c":null,"d":true}}'
    assert " " not in text and "\n" not in text


def test_indonesian_text_is_kept_as_is_not_escaped() -> None:
    value = {"judul": "Kota Tirtamaya – ringkasan", "catatan": "Perlu tindak lanjut oleh OPD"}

    text = canonical_json(value)

    assert "Kota Tirtamaya – ringkasan" in text
    assert "\\u" not in text
    assert json.loads(text) == value


def test_text_is_hashed_as_utf8() -> None:
    value = {"judul": "Kota Tirtamaya – ringkasan"}

    expected = hashlib.sha256('{"judul":"Kota Tirtamaya – ringkasan"}'.encode()).hexdigest()
    assert sha256_of(value) == expected


def test_decimal_is_written_as_its_exact_string() -> None:
    value = {"indeks": Decimal("2.504"), "tampil": Decimal("2.50"), "bobot": Decimal("0.1")}

    assert canonical_json(value) == '{"bobot":"0.1","indeks":"2.504","tampil":"2.50"}'


def test_dates_and_times_are_written_in_iso_format() -> None:
    moment = dt.datetime(2024, 5, 17, 9, 30, 15, tzinfo=dt.UTC)
    value = {"tanggal": dt.date(2024, 5, 17), "waktu": moment}

    text = canonical_json(value)

    assert text == '{"tanggal":"2024-05-17","waktu":"2024-05-17T09:30:15+00:00"}'


def test_uuid_is_written_as_its_hyphenated_string() -> None:
    ident = UUID("12345678-1234-5678-1234-567812345678")

    assert canonical_json({"id": ident}) == '{"id":"12345678-1234-5678-1234-567812345678"}'


def test_sets_are_written_sorted() -> None:
    assert canonical_json({"kode": {"B", "C", "A"}}) == '{"kode":["A","B","C"]}'
    assert canonical_json(frozenset({3, 1, 2})) == "[1,2,3]"


@pytest.mark.parametrize(
    "value",
    [object(), b"bytes", Path("berkas.pdf"), complex(1, 2)],
    ids=["object", "bytes", "path", "complex"],
)
def test_values_of_unknown_type_raise_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="not JSON-serialisable"):
        canonical_json({"x": value})


def test_hash_does_not_depend_on_dict_insertion_order() -> None:
    first = {"wilayah": "Kota Tirtamaya", "tahun": 2024, "skor": {"BSL": 1, "OUT": 2}}
    second = {"skor": {"OUT": 2, "BSL": 1}, "tahun": 2024, "wilayah": "Kota Tirtamaya"}
    assert list(first) != list(second)

    assert canonical_json(first) == canonical_json(second)
    assert sha256_of(first) == sha256_of(second)


def test_hash_is_sha256_hex_of_the_canonical_text() -> None:
    value = {"a": Decimal("1.5"), "b": [1, "dua"]}

    digest = sha256_of(value)

    assert digest == hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()
    assert len(digest) == 64
    assert digest == digest.lower()


def test_hash_changes_when_any_value_changes() -> None:
    base = {"kriteria": {"1": "Belum ada", "2": "Ada sebagian"}}
    changed = {"kriteria": {"1": "Belum ada", "2": "Ada seluruhnya"}}

    assert sha256_of(base) != sha256_of(changed)


def test_hash_is_the_same_on_every_call() -> None:
    value = {"when": dt.date(2024, 1, 2), "id": UUID(int=7), "n": Decimal("3")}

    assert sha256_of(value) == sha256_of(value)
