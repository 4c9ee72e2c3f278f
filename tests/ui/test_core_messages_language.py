"""What the core says in the window follows the interface language (Indonesian by default)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from evaluator_app.services import evidence
from evaluator_app.services.operation import Context
from evaluator_app.ui import translations
from evaluator_app.ui.session_window import SessionWindow

# The refusal box opens for real; offscreen notes it cannot size a window hint.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def refusal_of_a_bad_link(qtbot: QtBot, ctx: Context, session_id: str, language: str) -> str:
    window = SessionWindow(ctx, session_id, language)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.failed):
        window.controller.call(evidence.add_link, session_id, "B1.1", "bappeda.example", "RPJMD")
    return window.refusal_box.text()


def test_a_core_refusal_is_shown_in_indonesian_by_default(
    qtbot: QtBot, ctx: Context, bandung: str, translation_cache: Path
) -> None:
    assert translations.use_language(translations.ui_language(), translation_cache) == "id"
    shown = refusal_of_a_bad_link(qtbot, ctx, bandung, "id")
    assert shown == "'bappeda.example' bukan alamat web (http:// atau https://)"


def test_a_core_refusal_is_shown_in_english_when_chosen(
    qtbot: QtBot, ctx: Context, bandung: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(translations.ENV_VAR, "en")
    assert translations.ui_language() == "en"
    shown = refusal_of_a_bad_link(qtbot, ctx, bandung, "en")
    assert shown == "'bappeda.example' is not a web address (http:// or https://)"
