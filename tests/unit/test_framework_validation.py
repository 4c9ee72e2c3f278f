"""Loading and validating framework files: what a programme office sees when a file is wrong.

Each test writes a small framework YAML into ``tmp_path`` (usually the valid minimal
framework below, mutated for the case at hand) and loads it the way the app does.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from evaluator_app.bundled import shipped_frameworks_dir
from evaluator_app.domain.framework import (
    Framework,
    FrameworkError,
    LocalText,
    Problem,
    load_framework,
)

LEVELS = {1: "Belum ada", 2: "Ada sebagian", 3: "Lengkap dan ditetapkan"}


def _indicator(code: str, **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "title": f"Indikator {code}",
        "expected_evidence": ["Peraturan kepala daerah"],
        "levels": dict(LEVELS),
        **extra,
    }


_MINIMAL: dict[str, Any] = {
    "id": "kerangka-mini",
    "version": "1",
    "title": {"id": "Kerangka Mini", "en": "Mini Framework"},
    "scale": [
        {"value": 1, "name": "Rintisan"},
        {"value": 2, "name": "Berkembang"},
        {"value": 3, "name": "Terdefinisi"},
    ],
    "predicates": [{"min": 1, "name": "Kurang"}, {"min": 2, "name": "Baik"}],
    "dimensions": [
        {
            "code": "TK",
            "title": "Tata Kelola",
            "weight": 0.1,
            "groups": [
                {
                    "code": "TK.1",
                    "title": "Layanan Publik",
                    "weight": 0.3,
                    "indicators": [_indicator("TK.1.1", weight=0.1), _indicator("TK.1.2")],
                }
            ],
        },
        {
            "code": "EK",
            "title": {"id": "Ekonomi", "en": "Economy"},
            "weight": 0.9,
            "indicators": [_indicator("EK.1"), _indicator("EK.2")],
        },
    ],
}


def minimal() -> dict[str, Any]:
    """A fresh copy of a valid framework that a test may mutate."""
    return copy.deepcopy(_MINIMAL)


Mutation = Callable[[dict[str, Any]], object]


def write_framework(
    folder: Path,
    mutate: Mutation | None = None,
    *,
    name: str = "kerangka.yaml",
    sort_keys: bool = False,
) -> Path:
    """Write the minimal framework (after ``mutate`` changed it) as YAML; return its path."""
    data = minimal()
    if mutate is not None:
        mutate(data)
    path = folder / name
    text = yaml.safe_dump(data, sort_keys=sort_keys, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_text(folder: Path, text: str, name: str = "kerangka.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    assert caught.value.source == str(path)
    return caught.value.problems


def only_problem(path: Path) -> Problem:
    problems = problems_of(path)
    assert len(problems) == 1, problems
    return problems[0]


def problem_at(problems: list[Problem], where: str) -> Problem:
    found = [p for p in problems if p.where == where]
    assert found, f"no problem at {where!r} in {problems}"
    return found[0]


def line_of(path: Path, needle: str, occurrence: int = 1, *, whole: bool = False) -> int:
    """1-based number of the ``occurrence``-th line of the file that contains ``needle``.

    With ``whole`` the line, stripped of indentation, must be exactly ``needle``.
    """
    hits = [
        number
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (line.strip() == needle if whole else needle in line)
    ]
    assert len(hits) >= occurrence, f"{needle!r} occurs {len(hits)} times"
    return hits[occurrence - 1]


INDICATOR_0 = "dimensions[0].groups[0].indicators[0]"
INDICATOR_1 = "dimensions[0].groups[0].indicators[1]"


# --- a valid file ------------------------------------------------------------


def test_valid_minimal_framework_loads_with_its_indicators_in_file_order(tmp_path: Path) -> None:
    framework = load_framework(write_framework(tmp_path))

    assert isinstance(framework, Framework)
    assert framework.id == "kerangka-mini"
    assert [i.code for i in framework.indicators()] == ["TK.1.1", "TK.1.2", "EK.1", "EK.2"]
    assert len(list(framework.indicators())) == 4
    assert framework.level_values() == [1, 2, 3]
    assert framework.dimension_of("TK.1.2").code == "TK"
    assert framework.indicator("EK.2").levels[3].id == "Lengkap dan ditetapkan"


def test_weights_are_exact_decimals_without_float_noise(tmp_path: Path) -> None:
    framework = load_framework(write_framework(tmp_path))

    tata_kelola, ekonomi = framework.dimensions
    weights = [
        tata_kelola.weight,
        ekonomi.weight,
        tata_kelola.groups[0].weight,
        framework.indicator("TK.1.1").weight,
    ]
    assert all(type(w) is Decimal for w in weights)
    # Exact decimal digits, not the binary-float expansion 0.1000000000000000055511...
    assert [str(w) for w in weights] == ["0.1", "0.9", "0.3", "0.1"]
    assert tata_kelola.weight + ekonomi.weight == Decimal(1)
    # An indicator without a weight counts once.
    assert framework.indicator("TK.1.2").weight == Decimal(1)


def test_plain_string_text_is_taken_as_indonesian(tmp_path: Path) -> None:
    framework = load_framework(write_framework(tmp_path))

    title = framework.dimensions[0].title
    assert title == LocalText(id="Tata Kelola", en=None)
    # English readers see the Indonesian text when no translation is given.
    assert title.get("en") == "Tata Kelola"
    assert framework.dimensions[1].title.get("en") == "Economy"
    assert framework.dimensions[1].title.get("id") == "Ekonomi"
    assert framework.level(2).name.id == "Berkembang"


# --- files that cannot be read or parsed --------------------------------------


def test_malformed_yaml_is_reported_with_file_name_and_line(tmp_path: Path) -> None:
    path = write_text(
        tmp_path,
        'id: kerangka-mini\nversion: "1"\ntitle: Kerangka Mini\nscale: rendah: tinggi\n',
        name="rusak.yaml",
    )

    problem = only_problem(path)

    assert problem.line == 4 == line_of(path, "scale: rendah")
    assert "malformed YAML" in problem.message
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    assert f"rusak.yaml:{problem.line}:" in str(caught.value)


def test_unclosed_bracket_is_malformed_yaml_with_a_line(tmp_path: Path) -> None:
    path = write_text(tmp_path, "id: kerangka-mini\ntitle: [Kerangka Mini\nversion: '1'\n")

    problem = only_problem(path)

    assert "malformed YAML" in problem.message
    assert problem.line is not None and problem.line >= 2


@pytest.mark.parametrize(
    "text",
    ["- satu\n- dua\n", "hanya sebuah kalimat\n", "", "# hanya komentar\n"],
    ids=["list", "scalar", "empty", "comment-only"],
)
def test_file_whose_top_is_not_a_mapping_is_refused(tmp_path: Path, text: str) -> None:
    problem = only_problem(write_text(tmp_path, text))

    assert "mapping" in problem.message
    assert problem.where == ""


def test_missing_file_is_reported_as_not_found(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.yaml"

    with pytest.raises(FrameworkError) as caught:
        load_framework(path)

    assert [p.message for p in caught.value.problems] == ["file not found"]
    assert str(path) in str(caught.value)


def test_a_folder_instead_of_a_file_cannot_be_read(tmp_path: Path) -> None:
    problem = only_problem(tmp_path)

    assert problem.message.startswith("cannot read")


def test_non_utf8_bytes_are_reported_with_their_position(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    good = b"id: kerangka\ntitle: Caf"
    path.write_bytes(good + "\u00e9\n".encode("latin-1"))

    problem = only_problem(path)

    assert "not UTF-8" in problem.message
    assert f"byte {len(good)}" in problem.message


# --- wrong types -------------------------------------------------------------


def test_weight_that_is_not_a_number_is_reported_at_its_place(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][0]["groups"][0]["indicators"][0]["weight"] = "abc"

    path = write_framework(tmp_path, mutate)
    problem = only_problem(path)

    assert problem.where == f"{INDICATOR_0}.weight"
    assert problem.message == "a number is expected"
    assert problem.line == line_of(path, "weight: abc")


def test_levels_written_as_a_list_are_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][1]["indicators"][0]["levels"] = ["Belum ada", "Ada", "Lengkap"]

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == "dimensions[1].indicators[0].levels"
    assert problem.message == "keys with values are expected here"


def test_scale_value_that_is_not_a_whole_number_is_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["scale"][0]["value"] = "x"

    path = write_framework(tmp_path, mutate)
    problem = only_problem(path)

    assert problem.where == "scale[0].value"
    assert problem.message == "a whole number is expected"
    assert problem.line == line_of(path, "value: x")


# --- unknown and missing keys -------------------------------------------------


def _set(path: str, key: str, value: Any) -> Mutation:
    """A mutation that sets ``key`` on the mapping reached by ``path`` (``dimensions.0``)."""

    def mutate(d: dict[str, Any]) -> None:
        node: Any = d
        for part in filter(None, path.split(".")):
            node = node[int(part)] if part.isdigit() else node[part]
        node[key] = value

    return mutate


@pytest.mark.parametrize(
    ("path", "where"),
    [
        ("", "bogus"),
        ("scale.0", "scale[0].bogus"),
        ("predicates.1", "predicates[1].bogus"),
        ("dimensions.1", "dimensions[1].bogus"),
        ("dimensions.0.groups.0", "dimensions[0].groups[0].bogus"),
        ("dimensions.0.groups.0.indicators.1", "dimensions[0].groups[0].indicators[1].bogus"),
        ("title", "title.bogus"),
    ],
)
def test_unknown_key_is_reported_with_its_full_path_and_line(
    tmp_path: Path, path: str, where: str
) -> None:
    file = write_framework(tmp_path, _set(path, "bogus", "nilai"))

    problem = only_problem(file)

    assert problem.message == "unknown key"
    assert problem.where == where
    assert problem.line == line_of(file, "bogus: nilai")


def test_missing_required_key_is_reported_at_the_enclosing_entry(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        del d["dimensions"][1]["indicators"][0]["levels"]

    path = write_framework(tmp_path, mutate)
    problem = only_problem(path)

    assert problem.where == "dimensions[1].indicators[0].levels"
    assert problem.message == "required key is missing"
    # The key is absent, so the line is that of the indicator it belongs to.
    assert problem.line == line_of(path, "- code: EK.1")


def test_missing_framework_id_and_title_are_both_reported(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        del d["id"]
        del d["title"]

    problems = problems_of(write_framework(tmp_path, mutate))

    assert {(p.where, p.message) for p in problems} == {
        ("id", "required key is missing"),
        ("title", "required key is missing"),
    }


# --- codes -----------------------------------------------------------------------


def test_duplicate_indicator_code_is_reported_with_both_places(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][1]["indicators"][1]["code"] = "TK.1.2"

    path = write_framework(tmp_path, mutate)
    problem = only_problem(path)

    assert problem.where == "dimensions[1].indicators[1].code"
    assert "duplicate code 'TK.1.2'" in problem.message
    assert f"{INDICATOR_1}.code" in problem.message  # where it was first used
    assert problem.line == line_of(path, "code: TK.1.2", occurrence=2)


def test_duplicate_group_code_is_reported_with_both_places(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        second = {"code": "TK.1", "title": "Kebijakan", "indicators": [_indicator("TK.2.1")]}
        d["dimensions"][0]["groups"].append(second)

    path = write_framework(tmp_path, mutate)
    problem = only_problem(path)

    assert problem.where == "dimensions[0].groups[1].code"
    assert "duplicate code 'TK.1'" in problem.message
    assert "dimensions[0].groups[0].code" in problem.message
    assert problem.line == line_of(path, "- code: TK.1", occurrence=2, whole=True)


def test_duplicate_yaml_key_is_reported_with_its_line(tmp_path: Path) -> None:
    text = (
        "id: kerangka-mini\n"
        'version: "1"\n'
        "title: Kerangka Mini\n"
        'version: "2"\n'
        "scale: []\n"
        "dimensions: []\n"
    )
    path = write_text(tmp_path, text)

    problem = only_problem(path)

    assert problem.where == "version"
    assert problem.message == "duplicate key"
    assert problem.line == 4


def test_duplicate_key_deep_in_the_tree_names_its_place(tmp_path: Path) -> None:
    path = write_framework(tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = line_of(path, "title: Indikator EK.2") - 1
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines.insert(at + 1, f"{indent}title: Lagi\n")
    path.write_text("".join(lines), encoding="utf-8")

    problem = only_problem(path)

    assert problem.where == "dimensions[1].indicators[1].title"
    assert problem.message == "duplicate key"
    assert problem.line == line_of(path, "title: Lagi")


# --- weights ---------------------------------------------------------------------


@pytest.mark.parametrize("weight", [0, -1, -0.5])
@pytest.mark.parametrize(
    ("path", "where"),
    [
        ("dimensions.0.groups.0.indicators.0", f"{INDICATOR_0}.weight"),
        ("dimensions.1.indicators.1", "dimensions[1].indicators[1].weight"),
        ("dimensions.0.groups.0", "dimensions[0].groups[0].weight"),
        ("dimensions.1", "dimensions[1].weight"),
    ],
    ids=["indicator-in-group", "indicator-in-dimension", "group", "dimension"],
)
def test_weight_must_be_positive(tmp_path: Path, path: str, where: str, weight: float) -> None:
    problem = only_problem(write_framework(tmp_path, _set(path, "weight", weight)))

    assert problem.where == where
    assert "greater than 0" in problem.message
    assert problem.line is not None


# --- levels and the scale -----------------------------------------------------------


def test_missing_level_criteria_names_the_level(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        del d["dimensions"][1]["indicators"][0]["levels"][3]

    path = write_framework(tmp_path, mutate)
    problem = only_problem(path)

    assert problem.where == "dimensions[1].indicators[0].levels"
    assert problem.message == "criteria missing for level 3"
    assert problem.line == line_of(path, "levels:", occurrence=3)


def test_level_outside_the_scale_names_the_level_and_the_scale(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][0]["groups"][0]["indicators"][1]["levels"][4] = "Optimal"

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == f"{INDICATOR_1}.levels"
    assert "level 4" in problem.message
    assert "not on the scale 1, 2, 3" in problem.message


def test_bad_level_criterion_points_at_the_line_of_that_level(tmp_path: Path) -> None:
    # A criterion must be text; here level 2 of EK.1 is a number by mistake.
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][1]["indicators"][0]["levels"][2] = 42

    path = write_framework(tmp_path, mutate)
    problem = only_problem(path)

    assert "dimensions[1].indicators[0].levels" in problem.where
    assert problem.line == line_of(path, "2: 42")


def test_empty_group_is_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][0]["groups"][0]["indicators"] = []

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == "dimensions[0].groups[0]"
    assert "'TK.1'" in problem.message
    assert "no groups or indicators" in problem.message


def test_dimension_without_groups_or_indicators_is_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"].append({"code": "LG", "title": "Lingkungan"})

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == "dimensions[2]"
    assert "'LG'" in problem.message


def test_scale_listed_out_of_order_is_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["scale"] = [d["scale"][0], d["scale"][2], d["scale"][1]]

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == "scale"
    assert "lowest to highest" in problem.message


def test_scale_with_a_repeated_level_value_is_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["scale"][2]["value"] = 2

    problems = problems_of(write_framework(tmp_path, mutate))

    assert "level values must be unique" in problem_at(problems, "scale").message


def test_scale_needs_at_least_two_levels(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["scale"] = d["scale"][:1]

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == "scale"


def test_predicate_bands_sharing_a_minimum_are_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["predicates"].append({"min": 2, "name": "Sangat Baik"})

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == "predicates"
    assert "same minimum" in problem.message


def test_predicate_bands_out_of_order_are_refused(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["predicates"] = [
            {"min": 2, "name": "Baik"},
            {"min": 1, "name": "Kurang"},
            {"min": 3, "name": "Sangat Baik"},
        ]

    problem = only_problem(write_framework(tmp_path, mutate))

    assert problem.where == "predicates"
    assert "from the lowest minimum up" in problem.message


# --- every problem at once ---------------------------------------------------------


def test_all_cross_reference_problems_in_a_file_are_reported_together(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][1]["indicators"][1]["code"] = "EK.1"
        del d["dimensions"][0]["groups"][0]["indicators"][0]["levels"][1]
        d["predicates"].append({"min": 2, "name": "Sangat Baik"})

    path = write_framework(tmp_path, mutate)
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    problems = caught.value.problems

    assert {p.where for p in problems} == {
        "predicates",
        "dimensions[1].indicators[1].code",
        f"{INDICATOR_0}.levels",
    }
    assert all(p.line is not None for p in problems)
    report = str(caught.value)
    assert report.count(str(path)) == 3
    assert "duplicate code 'EK.1'" in report
    assert "criteria missing for level 1" in report


def test_all_structural_problems_in_a_file_are_reported_together(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["scale"][0]["value"] = "x"
        d["dimensions"][0]["groups"][0]["indicators"][1]["bogus"] = 1
        d["dimensions"][1]["weight"] = 0

    problems = problems_of(write_framework(tmp_path, mutate))

    assert {p.where for p in problems} == {
        "scale[0].value",
        f"{INDICATOR_1}.bogus",
        "dimensions[1].weight",
    }


def test_problems_carry_place_message_and_line(tmp_path: Path) -> None:
    path = write_framework(tmp_path, _set("dimensions.1.indicators.0", "bogus", "nilai"))

    problem = only_problem(path)

    assert problem == Problem(
        where="dimensions[1].indicators[0].bogus",
        message="unknown key",
        line=line_of(path, "bogus: nilai"),
    )
    assert problem.describe(str(path)) == (
        f"{path}:{problem.line}: dimensions[1].indicators[0].bogus: unknown key"
    )


# --- content hash -------------------------------------------------------------------


def test_same_definition_has_the_same_content_hash(tmp_path: Path) -> None:
    first = load_framework(write_framework(tmp_path, name="a.yaml"))
    second = load_framework(write_framework(tmp_path, name="b.yaml"))

    assert first.content_hash == second.content_hash
    assert len(first.content_hash) == 64
    assert int(first.content_hash, 16) >= 0  # hex digits


def test_changed_criterion_text_changes_the_content_hash(tmp_path: Path) -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["dimensions"][1]["indicators"][1]["levels"][2] = "Ada sebagian, belum ditetapkan"

    original = load_framework(write_framework(tmp_path, name="a.yaml"))
    changed = load_framework(write_framework(tmp_path, mutate, name="b.yaml"))

    assert original.content_hash != changed.content_hash


def test_changed_weight_changes_the_content_hash(tmp_path: Path) -> None:
    original = load_framework(write_framework(tmp_path, name="a.yaml"))
    changed = load_framework(
        write_framework(tmp_path, _set("dimensions.1", "weight", 0.8), name="b.yaml")
    )

    assert original.content_hash != changed.content_hash


def test_key_order_in_the_yaml_does_not_change_the_content_hash(tmp_path: Path) -> None:
    def reverse_keys(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: reverse_keys(value[k]) for k in reversed(list(value))}
        if isinstance(value, list):
            return [reverse_keys(v) for v in value]
        return value

    def reverse_everything(d: dict[str, Any]) -> None:
        reversed_data = reverse_keys(copy.deepcopy(d))
        d.clear()
        d.update(reversed_data)

    as_written = write_framework(tmp_path, name="a.yaml")
    sorted_keys = write_framework(tmp_path, name="b.yaml", sort_keys=True)
    reversed_keys = write_framework(tmp_path, reverse_everything, name="c.yaml")
    assert as_written.read_text() != sorted_keys.read_text() != reversed_keys.read_text()

    hashes = {load_framework(p).content_hash for p in (as_written, sorted_keys, reversed_keys)}

    assert len(hashes) == 1


# --- the frameworks that ship with the app ---------------------------------------------

SHIPPED = ["gmsc-2024-illustrative.yaml", "gmsc-2022-instrument.yaml"]


def shipped(name: str) -> Framework:
    path = shipped_frameworks_dir() / name
    assert path.is_file(), f"shipped framework missing: {path}"
    return load_framework(path)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_framework_validates(name: str) -> None:
    framework = shipped(name)

    assert len(list(framework.indicators())) > 0
    assert len(framework.content_hash) == 64


def test_every_yaml_file_in_the_shipped_folder_validates() -> None:
    paths = sorted(shipped_frameworks_dir().glob("*.yaml"))

    assert paths
    ids = [load_framework(p).id for p in paths]
    assert len(set(ids)) == len(ids)


GMSC_2024_DIMENSIONS = {
    "Smart Governance": ["public service", "public policy", "bureaucra"],
    "Smart Branding": ["tourism", "business", "appearance"],
    "Smart Economy": ["industr", "welfare", "transaction"],
    "Smart Living": ["harmony", "health", "mobility"],
    "Smart Society": ["community", "education", "security"],
    "Smart Environment": ["protection", "waste", "energy"],
}


def test_gmsc_2024_illustrative_has_six_dimensions_of_three_sub_dimensions() -> None:
    framework = shipped("gmsc-2024-illustrative.yaml")

    assert [d.title.get("en") for d in framework.dimensions] == list(GMSC_2024_DIMENSIONS)
    for dimension in framework.dimensions:
        expected = GMSC_2024_DIMENSIONS[dimension.title.get("en")]
        titles = [g.title.get("en").lower() for g in dimension.groups]
        assert len(titles) == 3, dimension.code
        for keyword, title in zip(expected, titles, strict=True):
            assert keyword in title, (dimension.code, title)


def test_gmsc_2024_illustrative_has_enough_indicators_everywhere() -> None:
    framework = shipped("gmsc-2024-illustrative.yaml")

    assert len(list(framework.indicators())) >= 36
    for dimension in framework.dimensions:
        for sub in dimension.groups:
            assert len(list(sub.walk_indicators())) >= 2, sub.code


def test_gmsc_2024_illustrative_is_complete_and_marked_illustrative() -> None:
    framework = shipped("gmsc-2024-illustrative.yaml")

    assert framework.illustrative is True
    assert framework.level_values() == [1, 2, 3, 4]
    for indicator in framework.indicators():
        assert indicator.expected_evidence, indicator.code
        assert sorted(indicator.levels) == [1, 2, 3, 4], indicator.code
        assert all(text.id.strip() for text in indicator.levels.values()), indicator.code


def test_gmsc_2022_instrument_weights_its_five_dimensions_10_20_30_10_30() -> None:
    framework = shipped("gmsc-2022-instrument.yaml")

    weights = [d.weight for d in framework.dimensions]
    total = sum(weights, Decimal(0))
    assert len(weights) == 5
    assert [w / total * 100 for w in weights] == [10, 20, 30, 10, 30]


def test_gmsc_2022_instrument_has_a_quick_wins_dimension_of_ten_indicators() -> None:
    framework = shipped("gmsc-2022-instrument.yaml")

    quick_wins = [
        d
        for d in framework.dimensions
        if "quick win" in d.title.get("id").lower() or "quick win" in d.title.get("en").lower()
    ]
    assert len(quick_wins) == 1
    assert len(list(quick_wins[0].walk_indicators())) == 10
