"""GUI tests: offscreen Qt, a fresh data folder, settings and translation cache per test."""

from __future__ import annotations

import os

# Before anything creates the QApplication; set QT_QPA_PLATFORM=xcb to watch the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")  # the core's no-Qt run skips this folder

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from evaluator_app import i18n
from evaluator_app.services import assessments, participants, sessions
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails
from evaluator_app.ui import translations
from evaluator_app.ui.app import create_main_window
from evaluator_app.ui.main_window import MainWindow

# Two dimensions, three indicators: small enough to reason about a score by hand.
TINY_FRAMEWORK = """\
id: tiny
version: "1"
title: {id: Instrumen Uji, en: Test Instrument}
scale:
  - {value: 1, name: Rendah}
  - {value: 2, name: Tinggi}
predicates:
  - {min: 0, name: {id: Kurang, en: Poor}}
  - {min: 1.5, name: {id: Baik, en: Good}}
dimensions:
  - code: A
    title: {id: Tata Kelola, en: Governance}
    groups:
      - code: A1
        title: Sub A1
        indicators:
          - {code: A1.1, title: Satu, levels: {1: rendah, 2: tinggi}}
          - {code: A1.2, title: Dua, weight: 2, levels: {1: rendah, 2: tinggi}}
  - code: B
    title: {id: Lingkungan, en: Environment}
    groups:
      - code: B1
        title: Sub B1
        indicators:
          - {code: B1.1, title: Tiga, levels: {1: rendah, 2: tinggi}}
"""


@pytest.fixture(scope="session")
def translation_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("translation-cache")


@pytest.fixture(autouse=True)
def isolated_ui_state(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, translation_cache: Path
) -> Iterator[None]:
    """Default language, no real settings or cache touched, no translator left behind."""
    monkeypatch.delenv(translations.ENV_VAR, raising=False)
    monkeypatch.setattr(translations, "default_cache_dir", lambda: translation_cache)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    translations.use_language(translations.SOURCE_LANGUAGE)
    i18n.pin_language(None)  # the next test's core speaks as its environment says


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    data = tmp_path / "data"
    (data / "frameworks").mkdir(parents=True)
    (data / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
    context = open_context(str(data), "tester")
    yield context
    context.store.close()


@pytest.fixture
def bandung(ctx: Context) -> str:
    """Stage II in Bandung, 2024: two of three indicators settled, three people present."""
    sid = sessions.create_session(
        ctx,
        "tiny",
        SessionDetails(
            region="Kota Bandung",
            year=2024,
            stage=2,
            starts_at=dt.datetime(2024, 10, 29, 2, 0, tzinfo=dt.UTC),  # 09.00 WIB
            venue="Balai Kota Bandung",
        ),
    )
    assessments.set_agreed_level(ctx, sid, "A1.1", 2)
    assessments.set_agreed_level(ctx, sid, "A1.2", 1)
    for name, role, position, organisation in (
        ("Siti Rahmawati", "lead_evaluator", "Dosen", "Institut Teknologi Bandung"),
        ("Budi Santoso", "evaluator", "", ""),
        ("Ema Sumarna", "signer", "Sekretaris Daerah", ""),
    ):
        participants.add_participant(
            ctx,
            sid,
            ParticipantDetails(name=name, role=role, position=position, organisation=organisation),
        )
    return sid


@pytest.fixture
def sleman(ctx: Context) -> str:
    """Stage I in Sleman, 2023: nothing settled yet."""
    return sessions.create_session(
        ctx, "tiny", SessionDetails(region="Kabupaten Sleman", year=2023, stage=1)
    )


@pytest.fixture
def open_window(qtbot: QtBot, ctx: Context):  # type: ignore[no-untyped-def]
    """Builds the main window as the app does (not shown: offscreen warns on show)."""

    def build(session_id: str | None = None) -> MainWindow:
        window = create_main_window(ctx, session_id)
        qtbot.addWidget(window)
        return window

    return build
