"""The framework tree is plain dataclasses built from validated data: what the store
keeps is what pydantic's schema would write, so content hashes of stored sessions
do not move, and reading it back gives the same tree without pydantic."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from evaluator_app.bundled import shipped_frameworks_dir
from evaluator_app.domain.framework import (
    FrameworkError,
    framework_from_data,
    framework_from_stored,
    load_framework,
)
from evaluator_app.domain.framework_schema import _Framework

_FULL: dict[str, Any] = {
    "id": "kerangka-lengkap",
    "version": "2025.1",
    "title": {"id": "Kerangka Lengkap", "en": "Full Framework"},
    "description": "Semua bagian terisi",
    "illustrative": True,
    "scale": [
        {"value": 0, "name": "Tidak ada", "description": {"id": "Belum", "en": "Not yet"}},
        {"value": 1, "name": "Rintisan"},
        {"value": 2, "name": {"id": "Berkembang", "en": "Developing"}},
    ],
    "predicates": [{"min": 0, "name": "Kurang"}, {"min": "1.250", "name": "Baik"}],
    "dimensions": [
        {
            "code": "TK",
            "title": "Tata Kelola",
            "weight": "0.10",
            "aggregation": "indicators",
            "groups": [
                {
                    "code": "TK.1",
                    "title": "Layanan",
                    "description": {"id": "Layanan publik", "en": "Public services"},
                    "indicators": [
                        {
                            "code": "TK.1.1",
                            "title": {"id": "Perda", "en": "Regulation"},
                            "description": "Ada perda",
                            "tier": "outcome",
                            "guiding_questions": ["Sudah ditetapkan?", {"id": "Kapan?"}],
                            "expected_evidence": ["Peraturan daerah"],
                            "weight": 1.50,
                            "levels": {"0": "Belum", 1: "Draf", 2: "Ditetapkan"},
                        }
                    ],
                }
            ],
            "indicators": [
                {"code": "TK.2", "title": "Anggaran", "levels": {0: "a", 1: "b", 2: "c"}}
            ],
        }
    ],
}


def test_stored_data_is_what_the_schema_writes_and_reads_back_the_same_tree() -> None:
    framework = framework_from_data(_FULL)
    assert framework.to_data() == _Framework.model_validate(_FULL).model_dump(mode="json")
    assert framework_from_stored(framework.to_data()) == framework
    indicator = framework.indicator("TK.1.1")
    assert indicator.weight == Decimal("1.5") and indicator.tier == "outcome"
    assert list(indicator.levels) == [0, 1, 2]
    assert indicator.guiding_questions[1].get("en") == "Kapan?"  # no English: Indonesian
    assert framework.dimensions[0].groups[0].description is not None
    assert framework.dimensions[0].groups[0].description.get("en") == "Public services"
    assert framework.predicates[1].min == Decimal("1.25")
    assert [i.code for i in framework.indicators()] == ["TK.2", "TK.1.1"]


@pytest.mark.parametrize(
    ("name", "digest"),
    [
        # The hashes the shipped files had when the tree was pydantic models: sessions
        # in the store point at their frameworks by these.
        (
            "gmsc-2022-instrument.yaml",
            "01d10449dc50f7a03f0ce1afcf1a3fc13f96a00156d4651eb9333c8890821b23",
        ),
        (
            "gmsc-2024-illustrative.yaml",
            "f928c4778accefe30ef329ed73b198b552cb60b9df561c77e3511b5613713c66",
        ),
    ],
)
def test_shipped_frameworks_keep_their_content_hash(name: str, digest: str) -> None:
    framework = load_framework(shipped_frameworks_dir() / name)
    assert framework.content_hash == digest
    assert framework_from_stored(framework.to_data()) == framework


def test_frameworks_are_immutable() -> None:
    framework = framework_from_data(_FULL)
    with pytest.raises(AttributeError):
        framework.id = "other"  # type: ignore[misc]


def test_bad_files_are_still_refused_with_every_problem() -> None:
    bad = dict(_FULL, id="Bad ID", scale=[{"value": 1, "name": ""}])
    with pytest.raises(FrameworkError) as caught:
        framework_from_data(bad)
    assert [p.where for p in caught.value.problems] == ["id", "scale[0].name.id"]


def test_opening_a_stored_framework_does_not_import_pydantic(tmp_path: Path) -> None:
    data = load_framework(shipped_frameworks_dir() / "gmsc-2022-instrument.yaml").to_data()
    stored = tmp_path / "definition.json"
    stored.write_text(json.dumps(data))
    script = (
        "import json, sys\n"
        "from evaluator_app.domain.framework import framework_from_stored\n"
        "framework = framework_from_stored(json.loads(open(sys.argv[1]).read()))\n"
        "assert sum(1 for _ in framework.indicators()) > 10\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(stored)], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_structure_problems_are_said_in_our_words_in_either_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = dict(
        _FULL,
        illustrative="mungkin",
        scale=[{"value": "satu", "name": ""}, {"value": 2, "name": "Dua"}],
        predicates=[{"min": "banyak", "name": "Kurang"}],
        dimensions=[dict(_FULL["dimensions"][0], weight=-1)],
    )
    found = {}
    for language in ("en", "id"):
        monkeypatch.setenv("EVALUATOR_LANG", language)
        with pytest.raises(FrameworkError) as caught:
            framework_from_data(bad)
        found[language] = {p.where: p.message for p in caught.value.problems}
    expected = {
        "illustrative": (
            "yes or no (true or false) is expected",
            "harus ya atau tidak (true atau false)",
        ),
        "scale[0].value": ("a whole number is expected", "harus bilangan bulat"),
        "scale[0].name.id": ("may not be empty", "tidak boleh kosong"),
        "predicates[0].min": ("a number is expected", "harus berupa angka"),
        "dimensions[0].weight": ("must be greater than 0", "harus lebih dari 0"),
    }
    for where, (english, indonesian) in expected.items():
        assert (found["en"][where], found["id"][where]) == (english, indonesian), where
