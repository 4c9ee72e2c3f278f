"""Year over year in the meeting window: the dashboard and the indicator page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from evaluator_app.domain.scoring import for_display
from evaluator_app.services import assessments
from evaluator_app.services.dashboard import dashboard_data
from evaluator_app.services.demo import create_demo, create_previous_year
from evaluator_app.services.history import year_over_year
from evaluator_app.services.operation import Context, open_context
from evaluator_app.ui.session_window import SessionWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]


@pytest.fixture(scope="module")
def two_years(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Context, str, str]]:
    ctx = open_context(str(tmp_path_factory.mktemp("yoy") / "data"), "tester")
    previous = create_previous_year(ctx)
    current = create_demo(ctx)
    yield ctx, previous, current
    ctx.store.close()


def test_the_dashboard_data_carries_last_years_scores(two_years: tuple[Context, str, str]) -> None:
    ctx, _, current = two_years
    data = dashboard_data(ctx, current, "en")
    change = year_over_year(ctx, current)
    assert data.previous is not None and change is not None
    assert (data.previous.year, data.previous.index) == (2023, change.index.before)
    assert data.previous.groups == {code: g.before for code, g in change.groups.items()}


def test_the_window_shows_the_change_on_the_dashboard_and_last_time_on_the_page(
    qtbot: QtBot, two_years: tuple[Context, str, str]
) -> None:
    ctx, previous, current = two_years
    window = SessionWindow(ctx, current, "en")
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.dashboard)
    window.show()
    change = year_over_year(ctx, current)
    assert change is not None and change.index.before is not None
    before, now = for_display(change.index.before), for_display(change.index.after)  # type: ignore[arg-type]
    shown = window.dashboard.previous_index.text()
    assert shown.startswith(f"2023: {before}") and f"▲ {now - before}" in shown
    governance = window.dashboard.bars.groups[0].title
    gov = change.groups["GOV"]
    assert governance.endswith(f"▲ {for_display(gov.after) - for_display(gov.before)}")  # type: ignore[arg-type]

    code = "GOV.1.1"
    window.controller.set_current(code)
    last = change.indicators[code]
    text = window.indicator_page.last_time.text()
    assert text.startswith(f"Last time (2023): level {last.agreed_level} (")
    assert last.notes in text
    # Last year's session has no earlier one: nothing shown.
    old = SessionWindow(ctx, previous, "en")
    qtbot.addWidget(old)
    old.controller.set_current(code)
    assert not old.indicator_page.last_time.isVisibleTo(old.indicator_page)
    assert old.dashboard.previous_index.text() == ""
    window.close()
    old.close()


def test_no_earlier_session_means_no_year_over_year(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = open_context(str(tmp_path / "data"), "tester")
    sid = create_demo(ctx)
    assessments.set_notes(ctx, sid, "GOV.1.1", "x")
    assert dashboard_data(ctx, sid).previous is None
    ctx.store.close()
