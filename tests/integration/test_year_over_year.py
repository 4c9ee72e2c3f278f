"""Year over year: the region's previous session of the same framework."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluator_app.services.audit import verify_chain
from evaluator_app.services.demo import DEMO_FRAMEWORK, create_demo, create_previous_year
from evaluator_app.services.history import earlier_session, year_over_year
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import SessionDetails, create_session, session_overview
from evaluator_app.services.walkthrough import indicator_states


@pytest.fixture(scope="module")
def demo_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Context, str, str]]:
    ctx = open_context(str(tmp_path_factory.mktemp("years") / "data"), "tester")
    previous = create_previous_year(ctx)
    current = create_demo(ctx)
    yield ctx, previous, current
    ctx.store.close()


def test_the_demo_city_is_compared_with_its_signed_session_of_last_year(
    demo_years: tuple[Context, str, str],
) -> None:
    ctx, previous, current = demo_years
    assert verify_chain(ctx, previous).intact
    change = year_over_year(ctx, current)
    assert change is not None
    assert (change.earlier_id, change.earlier_year, change.earlier_status) == (
        previous,
        2023,
        "signed",
    )
    before, after = session_overview(ctx, previous), session_overview(ctx, current)
    assert change.index.before == before.scores.index
    assert change.index.after == after.scores.index
    assert change.index.delta == after.scores.index - before.scores.index  # type: ignore[operator]
    assert [d.code for d in change.dimensions] == [d.code for d in after.framework.dimensions]
    for dimension, then, now in zip(
        change.dimensions, before.scores.dimensions, after.scores.dimensions, strict=True
    ):
        assert (dimension.before, dimension.after) == (then.value, now.value)
    last_year = indicator_states(ctx, previous)
    assert {code: i.agreed_level for code, i in change.indicators.items()} == {
        code: s.agreed_level for code, s in last_year.items()
    }
    assert change.indicators["GOV.1.1"].notes.startswith("Tahun 2023: level")
    # Last year's session has nothing earlier to compare with.
    assert year_over_year(ctx, previous) is None


def test_the_earlier_session_is_the_same_region_and_framework_before_this_one(
    tmp_path: Path,
) -> None:
    ctx = open_context(str(tmp_path / "data"), "tester")

    def session(region: str, year: int, stage: int = 2, framework: str = DEMO_FRAMEWORK) -> str:
        details = SessionDetails(region=region, year=year, stage=stage)
        return create_session(ctx, framework, details)

    s2022 = session("Kota Uji", 2022)
    s2023_stage1 = session("  kota  uji ", 2023, stage=1)  # spacing and case do not matter
    s2023 = session("Kota Uji", 2023)
    session("Kota Lain", 2023)  # another region
    session("Kota Uji", 2023, framework="gmsc-2022-instrument")  # another framework
    s2025 = session("Kota Uji", 2025)  # later: never "earlier"
    assert earlier_session(ctx, s2023) == s2023_stage1
    assert earlier_session(ctx, s2023_stage1) == s2022
    assert earlier_session(ctx, s2025) == s2023
    assert earlier_session(ctx, s2022) is None
    ctx.store.close()


def test_renamed_codes_are_compared_through_a_mapping(demo_years: tuple[Context, str, str]) -> None:
    ctx, _, current = demo_years
    plain = year_over_year(ctx, current)
    mapped = year_over_year(ctx, current, code_map={"GOV.1.1": "GOV.1.2", "GOV.1.2": "GOV.1.1"})
    assert plain is not None and mapped is not None
    assert mapped.indicators["GOV.1.2"] == plain.indicators["GOV.1.1"]
    assert mapped.indicators["GOV.1.1"] == plain.indicators["GOV.1.2"]
