"""Code mappings between framework versions: the file's rules and how codes travel."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evaluator_app.domain.framework import FrameworkError, framework_from_data
from evaluator_app.domain.framework_mapping import (
    CodeMapping,
    chain,
    code_map,
    load_code_mapping,
    mapping_from_data,
    translate,
)
from tests.conftest import TINY_FRAMEWORK


def mapping(codes: dict[str, str | None], start: str = "1", end: str = "2") -> CodeMapping:
    return CodeMapping("tiny", start, end, codes)


def test_a_mapping_file_is_checked_like_a_framework_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny-1-to-2.yaml"
    path.write_text(
        "framework: tiny\n"
        "from: '1'\n"
        "to: '1'\n"
        "note: a key it does not know\n"
        "codes:\n"
        "  GOV.1.1: GOV.2.1\n"
        "  GOV.1.2: gov.2.1\n"
        "  ENV 1: ENV.1\n",
        encoding="utf-8",
    )
    with pytest.raises(FrameworkError) as raised:
        load_code_mapping(path)
    assert [str(p.line) + ": " + p.message for p in raised.value.problems] == [
        "4: unknown key",
        "8: 'ENV 1' is not a valid code: use letters, digits, '.', '_' or '-', "
        "starting with a letter or digit",
    ]
    path.write_text(
        "framework: tiny\nfrom: '1'\nto: '1'\ncodes:\n  GOV.1.1: GOV.2.1\n  GOV.1.2: gov.2.1\n",
        encoding="utf-8",
    )
    with pytest.raises(FrameworkError) as raised:
        load_code_mapping(path)
    assert [f"{p.line}: {p.message}" for p in raised.value.problems] == [
        "3: a mapping goes from one version to another",
        "6: 'gov.2.1' is already the new code of 'GOV.1.1': a new code stands for one old code",
    ]


def test_codes_are_checked_against_the_versions_at_hand(tmp_path: Path) -> None:
    old = framework_from_data(yaml.safe_load(TINY_FRAMEWORK))
    path = tmp_path / "m.yaml"
    path.write_text(
        "framework: tiny\nfrom: '1'\nto: '2'\ncodes:\n  GOV.9: GOV.1.1\n  GOV.1.1: GOV.7\n",
        encoding="utf-8",
    )
    with pytest.raises(FrameworkError) as raised:
        load_code_mapping(path, old=lambda m: old, new=lambda m: old)
    assert [p.message for p in raised.value.problems] == [
        "version 1 has no code 'GOV.9'",
        "version 2 has no code 'GOV.7'",
    ]
    assert load_code_mapping(path).codes == {"GOV.9": "GOV.1.1", "GOV.1.1": "GOV.7"}


def test_an_unlisted_code_keeps_its_code_unless_a_listed_one_took_it() -> None:
    step = mapping({"A.1": "A.2", "A.3": None})
    assert code_map(["A.1", "A.2", "A.3", "B.1"], [step]) == {
        "A.1": "A.2",
        "A.2": None,  # its code went to A.1's successor; the file did not say where it went
        "A.3": None,
        "B.1": "B.1",
    }


def test_mappings_chain_across_versions() -> None:
    steps = [
        mapping({"A.1": "A.2"}, "2023", "2024"),
        mapping({"A.2": "X.1", "B.1": None}, "2024", "2025"),
        mapping({"X.1": "Z"}, "2024", "2026"),
        CodeMapping("other", "2025", "2026", {"X.1": "Q"}),
    ]
    path = chain(steps, "tiny", "2023", "2025")
    assert [(m.from_version, m.to_version) for m in path] == [("2023", "2024"), ("2024", "2025")]
    assert code_map(["A.1", "B.1", "C.1"], path) == {"A.1": "X.1", "B.1": None, "C.1": "C.1"}
    assert chain(steps, "tiny", "2025", "2023") == []  # mappings go one way
    assert chain(steps, "tiny", "2023", "2027") == []


def test_values_follow_their_codes_and_dropped_codes_drop_out() -> None:
    assert translate({"A.1": 1, "A.3": 3, "B.1": 4}, {"A.1": "A.2", "A.3": None}) == {
        "A.2": 1,
        "B.1": 4,
    }
    assert (
        mapping_from_data({"framework": "tiny", "from": "1", "to": "2", "codes": {}}).new_code("A")
        == "A"
    )
