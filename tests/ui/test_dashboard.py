"""The dashboard tab: the index, the charts, the progress and the open items, live."""

from __future__ import annotations

import datetime as dt
import math
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from evaluator_app.services import assessments, walkthrough
from evaluator_app.services.dashboard import dashboard_data
from evaluator_app.services.demo import create_demo
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.sessions import session_overview
from evaluator_app.ui.actions import SPECS, Command
from evaluator_app.ui.dashboard import CODE_ROLE, show_on_radar
from evaluator_app.ui.labels import score_label, time_label
from evaluator_app.ui.radar_chart import RadarChart
from evaluator_app.ui.session_window import SessionWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints", "raise")]

REFERENCE = Path(__file__).parent / "reference" / "dashboard-radar-demo.png"
RADAR_SIZE = (480, 400)
# Set to write the reference image anew (then look at it before committing it).
UPDATE_REFERENCE = "EVALUATOR_UPDATE_REFERENCE"
# The meeting an hour and forty minutes in (the demo starts 09.00 WIB).
DURING_THE_MEETING = dt.datetime(2024, 10, 29, 10, 40, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo session, made once (it takes seconds); each test works on a copy."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    ctx = open_context(str(folder), "tester")
    try:
        return folder, create_demo(ctx)
    finally:
        ctx.store.close()


@pytest.fixture
def demo_ctx(tmp_path: Path, demo_folder: tuple[Path, str]) -> Iterator[Context]:
    copy = tmp_path / "demo-data"
    shutil.copytree(demo_folder[0], copy)
    ctx = open_context(str(copy), "tester")
    yield ctx
    ctx.store.close()


@pytest.fixture
def demo(demo_folder: tuple[Path, str]) -> str:
    return demo_folder[1]


@pytest.fixture
def window(qtbot: QtBot, demo_ctx: Context, demo: str) -> Iterator[SessionWindow]:
    shown = SessionWindow(demo_ctx, demo, "en")
    shown.dashboard.clock = lambda: DURING_THE_MEETING
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    if shown.presenter is not None:
        shown.presenter.close()


def open_dashboard(window: SessionWindow) -> None:
    window.commands[Command.DASHBOARD].trigger()
    assert window.tabs.currentWidget() is window.dashboard


def first_unsettled(ctx: Context, session_id: str) -> str:
    states = walkthrough.indicator_states(ctx, session_id)
    return next(code for code, state in states.items() if not state.settled)


def test_the_dashboard_is_a_tab_and_a_view_command(window: SessionWindow) -> None:
    titles = [window.tabs.tabText(n) for n in range(window.tabs.count())]
    assert "Dashboard" in titles
    assert SPECS[Command.DASHBOARD].keys == ("Ctrl+4",)
    assert window.commands[Command.DASHBOARD].text() == "Show the dashboard"
    open_dashboard(window)
    window.commands[Command.INDICATOR].trigger()
    assert window.tabs.currentWidget() is window.indicator_page


def test_it_shows_the_engines_numbers_as_the_rest_of_the_app_rounds_them(
    window: SessionWindow, demo_ctx: Context, demo: str
) -> None:
    open_dashboard(window)
    view = window.dashboard
    overview = session_overview(demo_ctx, demo, "en")
    assert view.index.text() == score_label(overview.scores.index) == "2.83"
    assert view.predicate.text() == "Good"
    assert view.self_index.text() == f"Self-assessment: {score_label(overview.self_scores.index)}"
    assert view.index.font().pixelSize() >= 3 * view.self_index.font().pixelSize()
    assert view.progress_caption.text() == f"Indicators: {overview.done} of 40 done"
    counts = {segment.label: segment.count for segment in view.progress.segments}
    assert counts == {"Done": 22, "In discussion": 1, "Not started": 17}  # no "Deferred" yet
    start, end = (DURING_THE_MEETING.replace(hour=h, minute=0) for h in (9, 12))
    assert view.time_text.text() == (
        f"{time_label(start)}–{time_label(end)} · 1 h 40 min elapsed, 1 h 20 min left"
    )
    assert view.time_meter.share == pytest.approx(100 / 180)
    notes = [[note.text for note in axis] for axis in view.radar.notes]
    assert notes[0] == [
        score_label(overview.scores.groups["GOV"].value),
        score_label(overview.self_scores.groups["GOV"].value),
    ]
    bar_texts = [bar.text for group in view.bars.groups for bar in group.bars]
    assert bar_texts[0] == score_label(overview.scores.groups["GOV.1"].value)
    assert len(bar_texts) == 18


def test_whole_dashboard_fits_the_window_at_1366_by_768(
    qtbot: QtBot, window: SessionWindow
) -> None:
    open_dashboard(window)
    view = window.dashboard
    qtbot.wait(10)  # the layout settles
    assert window.size().width() == 1366 and window.size().height() == 768
    inside = view.rect()
    for part in (view.index, view.progress, view.radar, view.bars, view.evidence):
        box = part.geometry()
        assert inside.contains(box), part
    assert view.radar.radius() > 100
    assert view.bars.text_size() >= 11


def test_a_level_change_redraws_the_open_dashboard_with_the_new_index(
    window: SessionWindow, demo_ctx: Context, demo: str
) -> None:
    open_dashboard(window)
    view = window.dashboard
    before = view.index.text()
    code = first_unsettled(demo_ctx, demo)
    dimension = next(
        n for n, d in enumerate(window.controller.framework.dimensions) if code.startswith(d.code)
    )
    old_vertex = view.radar.vertices(0)[dimension]
    assessments.set_agreed_level(demo_ctx, demo, code, 4)
    window.controller.reload()

    expected = session_overview(demo_ctx, demo).scores.index
    assert view.index.text() == score_label(expected) != before
    assert view.radar.vertices(0)[dimension] != old_vertex
    assert view.progress_caption.text() == "Indicators: 23 of 40 done"


def test_the_numbers_are_gathered_only_while_the_dashboard_is_shown(
    window: SessionWindow, demo_ctx: Context, demo: str
) -> None:
    view = window.dashboard
    assert window.tabs.currentWidget() is window.indicator_page
    assert view.rebuilds == 0 and view.data is None
    assessments.set_agreed_level(demo_ctx, demo, first_unsettled(demo_ctx, demo), 2)
    window.controller.reload()
    assert view.rebuilds == 0  # hidden: level changes do not wait for it

    open_dashboard(window)
    assert view.rebuilds == 1 and view.data is not None
    assert view.data.index == session_overview(demo_ctx, demo).scores.index
    window.controller.reload()
    assert view.rebuilds == 2  # shown: live
    window.commands[Command.ATTENDANCE].trigger()
    open_dashboard(window)
    assert view.rebuilds == 2  # nothing changed meanwhile: nothing gathered again


def test_clicking_an_open_clarification_goes_to_its_indicator(
    qtbot: QtBot, window: SessionWindow, demo_ctx: Context, demo: str
) -> None:
    open_dashboard(window)
    listed = window.dashboard.clarifications
    expected = dashboard_data(demo_ctx, demo).open_items.clarifications
    assert listed.topLevelItemCount() == len(expected) >= 2
    row = listed.topLevelItem(1)
    assert row is not None
    code = expected[1].indicator_code
    assert (row.data(0, CODE_ROLE), row.text(1)) == (code, expected[1].question)
    assert window.controller.current != code

    where = listed.visualItemRect(row).center()
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=where)

    assert window.controller.current == code
    assert window.tabs.currentWidget() is window.indicator_page
    assert window.indicator_page.code == code


def test_pending_evidence_is_listed_with_its_due_date(
    window: SessionWindow, demo_ctx: Context, demo: str
) -> None:
    open_dashboard(window)
    listed = window.dashboard.evidence
    expected = dashboard_data(demo_ctx, demo).open_items.evidence
    rows = [listed.topLevelItem(n) for n in range(listed.topLevelItemCount())]
    assert [(r.text(0), r.text(1), r.text(2)) for r in rows if r is not None] == [
        (e.indicator_code, e.title, "30 Oct 2024") for e in expected
    ]
    assert window.dashboard.evidence_caption.text() == f"Evidence still to come ({len(expected)})"


def test_the_presenter_shows_the_dashboard_while_the_lead_has_it_open(
    qtbot: QtBot, window: SessionWindow
) -> None:
    window.show_presenter()
    presenter = window.presenter
    assert presenter is not None and not presenter.showing_dashboard
    open_dashboard(window)
    assert presenter.showing_dashboard and presenter.dashboard is not None
    assert presenter.dashboard.index.text() == window.dashboard.index.text()
    window.commands[Command.INDICATOR].trigger()
    assert not presenter.showing_dashboard
    presenter.activateWindow()
    qtbot.waitUntil(presenter.isActiveWindow)
    qtbot.keyClick(presenter, Qt.Key.Key_D)
    assert presenter.showing_dashboard


# --- the radar, drawn ---------------------------------------------------------------


def demo_radar(ctx: Context, session_id: str) -> RadarChart:
    chart = RadarChart()
    chart.resize(*RADAR_SIZE)
    show_on_radar(chart, dashboard_data(ctx, session_id, "en"), "Agreed", "Self-assessment")
    return chart


def test_radar_vertices_are_where_the_scores_put_them(demo_ctx: Context, demo: str) -> None:
    chart = demo_radar(demo_ctx, demo)
    overview = session_overview(demo_ctx, demo)
    centre, radius = chart.centre(), chart.radius()
    assert 100 < radius < min(RADAR_SIZE) / 2
    dimensions = overview.framework.dimensions
    for series, card in ((0, overview.scores), (1, overview.self_scores)):
        vertices = chart.vertices(series)
        assert len(vertices) == len(dimensions) == 6
        for n, (vertex, dimension) in enumerate(zip(vertices, dimensions, strict=True)):
            value = card.groups[dimension.code].value
            assert value is not None and vertex is not None
            angle = math.radians(-90 + 360 * n / 6)  # the first up, then clockwise
            distance = radius * float(value) / 4
            expected = QPointF(
                centre.x() + distance * math.cos(angle), centre.y() + distance * math.sin(angle)
            )
            assert (vertex.x(), vertex.y()) == pytest.approx((expected.x(), expected.y()))
    # Governance's agreed 2.83 straight up from the centre, 2.83/4 of the way to the rim
    governance = chart.vertices(0)[0]
    assert governance is not None
    assert governance.x() == pytest.approx(centre.x())
    assert centre.y() - governance.y() == pytest.approx(radius * 2.8333333 / 4, rel=1e-6)


def test_radar_looks_like_the_reference(demo_ctx: Context, demo: str, tmp_path: Path) -> None:
    chart = demo_radar(demo_ctx, demo)
    image = QImage(*RADAR_SIZE, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    chart.render(image, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)  # no style backdrop
    if os.environ.get(UPDATE_REFERENCE):
        REFERENCE.parent.mkdir(exist_ok=True)
        image.save(str(REFERENCE))
        pytest.skip(f"wrote {REFERENCE}")
    reference = QImage(str(REFERENCE)).convertToFormat(QImage.Format.Format_RGB32)
    assert reference.size() == image.size()
    # At most 1% of the pixels off by more than 48 in a channel: room for anti-aliasing
    # and font rendering elsewhere, while one dimension a level off already moves ~1.6%.
    differing = differing_pixels(image, reference, threshold=48)
    share = differing / (image.width() * image.height())
    if share > 0.01:
        image.save(str(tmp_path / "radar-actual.png"))
    assert share <= 0.01, f"{share:.1%} pixels differ; see {tmp_path / 'radar-actual.png'}"
    # and the drawing is not blank: the agreed polygon's blue is there
    assert differing_pixels(image, blank(image), threshold=48) > 0.05 * image.width() * 400


def blank(like: QImage) -> QImage:
    image = QImage(like.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    return image


def differing_pixels(a: QImage, b: QImage, threshold: int) -> int:
    """Pixels where some channel differs by more than ``threshold``."""
    first, second = bytes(a.constBits()), bytes(b.constBits())
    assert len(first) == len(second)
    return sum(
        1
        for n in range(0, len(first), 4)
        if max(abs(first[n + k] - second[n + k]) for k in range(3)) > threshold
    )
