"""The signature pad: strokes drawn with the mouse become a clean, cropped, transparent PNG."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from evaluator_app.ui.signature_pad import SignaturePad

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton


def draw(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    """One stroke through ``points``, as the mouse would draw it."""
    first, *rest = [QPoint(x, y) for x, y in points]
    qtbot.mousePress(pad, LEFT, pos=first)
    for point in rest:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, LEFT, pos=rest[-1] if rest else first)


def zigzag(left: int, top: int) -> list[tuple[int, int]]:
    return [(left + 20 * n, top + (30 if n % 2 else 0)) for n in range(11)]


@pytest.fixture
def pad(qtbot: QtBot) -> SignaturePad:
    widget = SignaturePad()
    widget.resize(560, 200)
    qtbot.addWidget(widget)
    return widget


def opaque_columns(image: QImage) -> list[int]:
    return [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).alpha() > 0 for y in range(0, image.height(), 2))
    ]


def test_a_stroke_drawn_with_the_mouse_is_kept_as_a_path(qtbot: QtBot, pad: SignaturePad) -> None:
    assert pad.is_empty()
    assert pad.to_png() == b""
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad, zigzag(100, 60))
    assert not pad.is_empty()
    assert len(pad.strokes) == 1
    bounds = pad.drawing_rect()
    assert 195 <= bounds.width() <= 205  # from x=100 to x=300
    assert 100 <= bounds.left() <= 101
    assert pad.clear_button.isEnabled()


def test_the_png_is_black_on_transparent_cropped_to_the_drawing(
    qtbot: QtBot, pad: SignaturePad
) -> None:
    draw(qtbot, pad, zigzag(100, 60))
    draw(qtbot, pad, [(120, 120), (280, 125)])  # an underline

    png = pad.to_png()
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert image.width() == 600
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # transparent background
    assert image.pixelColor(image.width() - 1, image.height() - 1).alpha() == 0
    inked = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert inked, "the strokes are drawn"
    assert all(c.red() == c.green() == c.blue() == 0 for c in inked)  # black
    half_inked = [  # antialiased edges
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(0, image.height(), 2)
        if 0 < image.pixelColor(x, y).alpha() < 255
    ]
    assert half_inked
    # Cropped: the drawing spans the picture but for a small margin on each side.
    columns = opaque_columns(image)
    assert 0 < columns[0] < 0.12 * image.width()
    assert 0.88 * image.width() < columns[-1] < image.width() - 1
    assert image.height() < image.width()  # signature-shaped

    assert len(pad.to_png(width_px=300)) < len(png)
    assert QImage.fromData(pad.to_png(width_px=300)).width() == 300


def test_clear_removes_the_drawing(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(qtbot, pad, zigzag(40, 40))
    with qtbot.waitSignal(pad.changed):
        qtbot.mouseClick(pad.clear_button, LEFT)
    assert pad.is_empty()
    assert pad.to_png() == b""
    assert not pad.clear_button.isEnabled()


def test_a_tap_leaves_a_dot(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(qtbot, pad, [(200, 100)])
    image = QImage.fromData(pad.to_png())
    assert not image.isNull()
    assert any(
        image.pixelColor(x, y) == QColor(0, 0, 0, 255)
        for x in range(image.width())
        for y in range(image.height())
    )


def test_the_right_button_does_not_draw(qtbot: QtBot, pad: SignaturePad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.RightButton, pos=QPoint(50, 50))
    qtbot.mouseRelease(pad, Qt.MouseButton.RightButton, pos=QPoint(80, 60))
    assert pad.is_empty()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # touch needs a window: shown offscreen
def test_a_finger_draws_too(qtbot: QtBot, pad: SignaturePad) -> None:
    pad.show()
    qtbot.waitExposed(pad)
    finger = QTest.createTouchDevice()
    QTest.touchEvent(pad, finger).press(0, QPoint(50, 50)).commit()
    QTest.touchEvent(pad, finger).move(0, QPoint(150, 80)).commit()
    QTest.touchEvent(pad, finger).release(0, QPoint(250, 60)).commit()
    assert len(pad.strokes) == 1
    assert pad.drawing_rect().width() > 150


def test_a_pen_draws_and_is_not_drawn_twice_as_a_mouse(pad: SignaturePad) -> None:
    def pen(kind: QEvent.Type, x: float, y: float, buttons: Qt.MouseButton) -> QTabletEvent:
        event = QTabletEvent(
            kind,
            QPointingDevice.primaryPointingDevice(),
            QPointF(x, y),
            QPointF(x, y),
            0.6,  # pressure
            0,
            0,
            0,
            0,
            0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            buttons,
        )
        QApplication.sendEvent(pad, event)
        return event

    pressed = pen(QEvent.Type.TabletPress, 30, 30, Qt.MouseButton.LeftButton)
    pen(QEvent.Type.TabletMove, 130, 70, Qt.MouseButton.LeftButton)
    pen(QEvent.Type.TabletRelease, 230, 40, Qt.MouseButton.NoButton)
    assert pressed.isAccepted()  # so Qt sends no mouse events for the same stroke
    assert len(pad.strokes) == 1
    assert pad.drawing_rect().left() == pytest.approx(30, abs=1)
    assert pad.drawing_rect().width() == pytest.approx(200, abs=1)
