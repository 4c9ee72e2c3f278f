"""Scoring a framework: the numbers an evaluation team reads out at the end of a meeting.

Vectors come from ``/work/shared/DOMAIN.md``: the GMSC 2022 worked example and the
SPBE 2020 predicate bands and weighted index.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pytest

from evaluator_app.bundled import shipped_frameworks_dir
from evaluator_app.domain.framework import (
    Framework,
    FrameworkError,
    framework_from_data,
    load_framework,
)
from evaluator_app.domain.scoring import (
    GroupScore,
    ScoreCard,
    for_display,
    predicate_for,
    score_framework,
    weighted_mean,
)

D = Decimal


# --- building frameworks in code ---------------------------------------------------


def indicator(code: str, weight: Any = None, scale: range = range(1, 5)) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": code,
        "title": f"Pertanyaan {code}",
        "levels": {v: f"Kriteria level {v}" for v in scale},
    }
    if weight is not None:
        data["weight"] = weight
    return data


def group(
    code: str,
    *,
    weight: Any = None,
    indicators: list[dict[str, Any]] | None = None,
    groups: list[dict[str, Any]] | None = None,
    aggregation: str | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {"code": code, "title": f"Kelompok {code}"}
    if weight is not None:
        data["weight"] = weight
    if indicators:
        data["indicators"] = indicators
    if groups:
        data["groups"] = groups
    if aggregation:
        data["aggregation"] = aggregation
    return data


def framework(
    dimensions: list[dict[str, Any]],
    *,
    scale: range = range(1, 5),
    predicates: Sequence[tuple[str, str]] = (),
) -> Framework:
    return framework_from_data(
        {
            "id": "uji",
            "version": "1",
            "title": "Kerangka uji",
            "scale": [{"value": v, "name": f"Level {v}"} for v in scale],
            "predicates": [{"min": m, "name": n} for m, n in predicates],
            "dimensions": dimensions,
        }
    )


def one_indicator_per_dimension(weights: dict[str, Any], **kwargs: Any) -> Framework:
    """Dimension ``X`` holds the single indicator ``X.1``."""
    scale = kwargs.get("scale", range(1, 5))
    return framework(
        [
            group(code, weight=weight, indicators=[indicator(f"{code}.1", scale=scale)])
            for code, weight in weights.items()
        ],
        **kwargs,
    )


def all_values(card: ScoreCard) -> list[Decimal | None]:
    return [card.index] + [g.value for g in card.groups.values()]


# --- GMSC 2022 worked example ------------------------------------------------------

GMSC_2022_WEIGHTS = {"BSL": 10, "OUT": 20, "OTC": 30, "IMP": 10, "QW": 30}
GMSC_2022_EXAMPLE = {"BSL": "1.40", "OUT": "1.54", "OTC": "2.92", "IMP": "2.56", "QW": "3.08"}


def test_gmsc_2022_worked_example_gives_index_2_504_shown_as_2_50() -> None:
    fw = one_indicator_per_dimension(GMSC_2022_WEIGHTS)
    levels = {f"{code}.1": D(value) for code, value in GMSC_2022_EXAMPLE.items()}

    card = score_framework(fw, levels)

    assert card.index == D("2.504")
    assert for_display(card.index) == D("2.50")
    assert str(for_display(card.index)) == "2.50"
    assert [d.value for d in card.dimensions] == [D(v) for v in GMSC_2022_EXAMPLE.values()]


def test_gmsc_2022_weights_as_fractions_give_the_same_index() -> None:
    fractions = {code: D(w) / 100 for code, w in GMSC_2022_WEIGHTS.items()}
    fw = one_indicator_per_dimension(fractions)
    levels = {f"{code}.1": D(value) for code, value in GMSC_2022_EXAMPLE.items()}

    assert score_framework(fw, levels).index == D("2.504")


# --- SPBE predicate bands ------------------------------------------------------------

SPBE_BANDS = [
    ("0", "Kurang"),
    ("1.8", "Cukup"),
    ("2.6", "Baik"),
    ("3.5", "Sangat Baik"),
    ("4.2", "Memuaskan"),
]


def spbe_single_indicator() -> Framework:
    return one_indicator_per_dimension({"SPBE": 1}, scale=range(1, 6), predicates=SPBE_BANDS)


@pytest.mark.parametrize(
    ("index", "band"),
    [
        ("2.34", "Cukup"),  # national figure
        ("2.79", "Baik"),  # national figure
        ("3.12", "Baik"),  # national figure
        ("4.2", "Memuaskan"),
        ("5.0", "Memuaskan"),
        ("1.0", "Kurang"),
        ("1.79", "Kurang"),
        ("1.8", "Cukup"),
        ("2.6", "Baik"),
        ("3.5", "Sangat Baik"),
        ("4.19", "Sangat Baik"),
    ],
)
def test_spbe_index_falls_in_its_predicate_band(index: str, band: str) -> None:
    card = score_framework(spbe_single_indicator(), {"SPBE.1": D(index)})

    assert card.index == D(index)
    assert card.predicate is not None
    assert card.predicate.name.id == band


def test_band_is_chosen_on_the_displayed_value_so_3_499_reads_3_50_sangat_baik() -> None:
    card = score_framework(spbe_single_indicator(), {"SPBE.1": D("3.499")})

    assert card.index == D("3.499")  # the stored value is not rounded...
    assert for_display(card.index) == D("3.50")  # ...people read 3.50...
    assert card.predicate is not None
    assert card.predicate.name.id == "Sangat Baik"  # ...and see the band of 3.50


def test_value_just_below_a_band_after_rounding_stays_in_the_lower_band() -> None:
    card = score_framework(spbe_single_indicator(), {"SPBE.1": D("3.494")})

    assert for_display(card.index) == D("3.49")
    assert card.predicate is not None
    assert card.predicate.name.id == "Baik"


def test_predicate_bands_listed_highest_first_are_refused() -> None:
    with pytest.raises(FrameworkError, match="from the lowest minimum up"):
        one_indicator_per_dimension(
            {"SPBE": 1}, scale=range(1, 6), predicates=list(reversed(SPBE_BANDS))
        )


def test_index_below_the_lowest_band_has_no_predicate() -> None:
    fw = spbe_single_indicator()
    bands = [p for p in fw.predicates if p.min > 0]

    assert predicate_for(bands, D("1.2")) is None
    assert predicate_for(fw.predicates, None) is None
    assert predicate_for([], D("3")) is None


def test_framework_without_bands_gives_an_index_but_no_predicate() -> None:
    card = score_framework(one_indicator_per_dimension({"A": 1}), {"A.1": 3})

    assert card.index == 3
    assert card.predicate is None


# --- SPBE-style weighted index -------------------------------------------------------


def test_spbe_index_as_sum_of_value_times_weight_equals_the_weighted_mean() -> None:
    # Domain weights 13 %, 25 %, 16.5 %, 45.5 % (they sum to 1).
    weights = {"KB": D("0.13"), "TK": D("0.25"), "MJ": D("0.165"), "LY": D("0.455")}
    values = {"KB": D(3), "TK": D("2.5"), "MJ": D(4), "LY": D("1.75")}
    assert sum(weights.values()) == 1
    fw = one_indicator_per_dimension(weights, scale=range(1, 6))

    card = score_framework(fw, {f"{code}.1": value for code, value in values.items()})

    by_hand = sum(values[c] * weights[c] for c in weights)
    assert by_hand == D("2.47125")  # 0.39 + 0.625 + 0.66 + 0.79625
    assert card.index == by_hand


def test_indicator_weights_inside_an_aspect_give_sum_of_weight_times_value_over_weights() -> None:
    # An aspect's index is sum(value * weight) / sum(weight) over its indicators.
    fw = framework(
        [
            group(
                "ASP",
                indicators=[
                    indicator("ASP.1", weight="0.12", scale=range(1, 6)),
                    indicator("ASP.2", weight="0.045", scale=range(1, 6)),
                ],
            )
        ],
        scale=range(1, 6),
    )

    card = score_framework(fw, {"ASP.1": 4, "ASP.2": 2})

    expected = (D(4) * D("0.12") + D(2) * D("0.045")) / (D("0.12") + D("0.045"))
    assert card.groups["ASP"].value == expected
    assert card.index == expected


# --- N/A and unscored -----------------------------------------------------------------


def three_question_dimension() -> Framework:
    return framework([group("DIM", indicators=[indicator("Q1"), indicator("Q2"), indicator("Q3")])])


def test_not_applicable_indicator_drops_out_instead_of_counting_as_zero() -> None:
    card = score_framework(three_question_dimension(), {"Q1": 4, "Q2": 2}, not_applicable={"Q3"})

    assert card.groups["DIM"].value == 3  # (4 + 2) / 2, not (4 + 2 + 0) / 3


def test_level_given_for_a_not_applicable_indicator_is_ignored() -> None:
    card = score_framework(
        three_question_dimension(), {"Q1": 4, "Q2": 2, "Q3": 1}, not_applicable=["Q3"]
    )

    assert card.groups["DIM"].value == 3
    assert card.groups["DIM"].scored == 2
    assert card.groups["DIM"].not_applicable == 1


def two_element_dimension() -> Framework:
    return framework(
        [
            group(
                "DIM",
                groups=[
                    group("E1", indicators=[indicator("E1.1"), indicator("E1.2")]),
                    group("E2", indicators=[indicator("E2.1"), indicator("E2.2")]),
                ],
            ),
            group("LAIN", indicators=[indicator("LAIN.1")]),
        ]
    )


def test_element_with_everything_not_applicable_drops_out_of_its_dimension() -> None:
    card = score_framework(
        two_element_dimension(),
        {"E2.1": 2, "E2.2": 4, "LAIN.1": 1},
        not_applicable={"E1.1", "E1.2"},
    )

    assert card.groups["E1"].value is None
    assert card.groups["E2"].value == 3
    assert card.groups["DIM"].value == 3  # not (0 + 3) / 2


def test_element_with_nothing_scored_yet_drops_out_of_its_dimension() -> None:
    card = score_framework(two_element_dimension(), {"E2.1": 2, "E2.2": 4})

    assert card.groups["E1"].value is None
    assert card.groups["DIM"].value == 3


def test_dimension_with_nothing_scored_drops_out_of_the_index() -> None:
    card = score_framework(two_element_dimension(), {"LAIN.1": 2})

    assert card.groups["DIM"].value is None
    assert card.index == 2


def test_nothing_scored_gives_no_index_and_no_predicate() -> None:
    fw = one_indicator_per_dimension({"A": 1, "B": 2}, predicates=[("0", "Kurang")])

    card = score_framework(fw, {})

    assert card.index is None
    assert card.predicate is None
    assert all(value is None for value in all_values(card))
    assert card.indicators == 2
    assert card.done == 0


def test_everything_not_applicable_gives_no_index_but_counts_as_done() -> None:
    fw = one_indicator_per_dimension({"A": 1, "B": 2}, predicates=[("0", "Kurang")])

    card = score_framework(fw, {}, not_applicable={"A.1", "B.1"})

    assert card.index is None
    assert card.predicate is None
    assert card.done == 2


# --- aggregation: indicators --------------------------------------------------------


def uneven_elements(aggregation: str | None) -> Framework:
    # Element E1 has one question, element E2 has three.
    return framework(
        [
            group(
                "DIM",
                aggregation=aggregation,
                groups=[
                    group("E1", indicators=[indicator("E1.1")]),
                    group("E2", indicators=[indicator(f"E2.{n}") for n in (1, 2, 3)]),
                ],
            )
        ]
    )


UNEVEN_LEVELS = {"E1.1": 4, "E2.1": 1, "E2.2": 1, "E2.3": 1}


def test_aggregation_indicators_is_the_plain_mean_of_every_question_beneath() -> None:
    card = score_framework(uneven_elements("indicators"), UNEVEN_LEVELS)

    assert card.groups["DIM"].value == D("1.75")  # (4 + 1 + 1 + 1) / 4
    assert card.groups["E1"].value == 4  # elements are still scored for display
    assert card.groups["E2"].value == 1


def test_default_aggregation_is_the_mean_of_element_means() -> None:
    card = score_framework(uneven_elements(None), UNEVEN_LEVELS)

    assert card.groups["DIM"].value == D("2.5")  # (4 + 1) / 2


def test_aggregation_indicators_leaves_out_not_applicable_questions() -> None:
    card = score_framework(uneven_elements("indicators"), UNEVEN_LEVELS, not_applicable={"E2.3"})

    assert card.groups["DIM"].value == 2  # (4 + 1 + 1) / 3


# --- display, types and counts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2.505", "2.51"),
        ("2.504", "2.50"),
        ("2.515", "2.52"),
        ("2.525", "2.53"),  # half-up, not banker's rounding (which gives 2.52)
        ("2.5049999", "2.50"),
        ("3", "3.00"),
        ("1.995", "2.00"),
    ],
)
def test_display_rounds_half_up_to_two_places(value: str, shown: str) -> None:
    assert str(for_display(D(value))) == shown


def test_display_of_a_computed_third_is_two_places() -> None:
    card = score_framework(three_question_dimension(), {"Q1": 1, "Q2": 1, "Q3": 2})

    assert card.index is not None
    assert str(for_display(card.index)) == "1.33"


def test_results_are_decimals_never_floats() -> None:
    fw = framework(
        [
            group("A", weight="0.1", groups=[group("A.1", indicators=[indicator("A.1.1")])]),
            group("B", weight="0.9", indicators=[indicator("B.1"), indicator("B.2")]),
        ]
    )

    card = score_framework(fw, {"A.1.1": 3, "B.1": 1, "B.2": D("2.5")})

    values = all_values(card)
    assert values and all(type(v) is Decimal for v in values)
    assert card.index == D("0.3") + D("0.9") * D("1.75")


def test_weighted_mean_skips_missing_values_and_is_none_when_empty() -> None:
    assert weighted_mean([(D(1), D(2)), (D(3), None), (D(1), D(4))]) == 3
    assert weighted_mean([(D(1), None)]) is None
    assert weighted_mean([]) is None


def test_unscored_indicators_count_towards_indicators_but_not_scored() -> None:
    fw = framework(
        [
            group(
                "DIM",
                groups=[
                    group("E1", indicators=[indicator("E1.1"), indicator("E1.2")]),
                    group("E2", indicators=[indicator("E2.1"), indicator("E2.2")]),
                ],
            ),
        ]
    )

    card = score_framework(fw, {"E1.1": 3}, not_applicable={"E2.1"})

    dim = card.groups["DIM"]
    assert dim == GroupScore(code="DIM", value=D(3), indicators=4, scored=1, not_applicable=1)
    assert dim.done == 2  # scored + N/A
    assert card.groups["E1"].done == 1
    assert card.groups["E2"].done == 1
    assert card.indicators == 4
    assert card.done == 2
    assert card.dimensions == [dim]


def test_every_group_is_reported_by_code() -> None:
    card = score_framework(two_element_dimension(), {})

    assert set(card.groups) == {"DIM", "E1", "E2", "LAIN"}
    assert [d.code for d in card.dimensions] == ["DIM", "LAIN"]


# --- the shipped GMSC 2022 instrument --------------------------------------------------------


@pytest.fixture
def gmsc_2022() -> Framework:
    path = shipped_frameworks_dir() / "gmsc-2022-instrument.yaml"
    assert path.is_file(), f"shipped framework missing: {path}"
    return load_framework(path)


def test_gmsc_2022_instrument_with_every_question_at_level_3_scores_exactly_3(
    gmsc_2022: Framework,
) -> None:
    codes = [i.code for i in gmsc_2022.indicators()]

    card = score_framework(gmsc_2022, dict.fromkeys(codes, 3))

    assert card.index == 3
    assert str(for_display(card.index)) == "3.00"
    assert all(d.value == 3 for d in card.dimensions)
    assert card.done == card.indicators == len(codes)


# Weights 10/20/30/10/30: one dimension at 4 and the rest at 1 gives
# (4·w + 1·(100 − w)) / 100, i.e. 1 + 3·w/100.
@pytest.mark.parametrize(
    ("position", "expected"),
    [(0, "1.3"), (1, "1.6"), (2, "1.9"), (3, "1.3"), (4, "1.9")],
    ids=["baseline", "output", "outcome", "impact", "quick-wins"],
)
def test_gmsc_2022_instrument_one_dimension_at_4_and_the_rest_at_1(
    gmsc_2022: Framework, position: int, expected: str
) -> None:
    top = gmsc_2022.dimensions[position]
    top_codes = {i.code for i in top.walk_indicators()}
    levels = {i.code: (4 if i.code in top_codes else 1) for i in gmsc_2022.indicators()}

    card = score_framework(gmsc_2022, levels)

    assert card.index == D(expected)
    assert [d.value for d in card.dimensions] == [4 if n == position else 1 for n in range(5)]
