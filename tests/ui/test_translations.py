from __future__ import annotations

import ast
import logging
import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import evaluator_app.ui
from evaluator_app.bundled import resources_dir
from evaluator_app.ui import translations
from evaluator_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

OpenWindow = Callable[..., MainWindow]
UI_SOURCES = Path(evaluator_app.ui.__file__).parent
TS_FILE = resources_dir() / "translations" / "evaluator_id.ts"


def headers(window: MainWindow) -> list[str]:
    model = window.sessions
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


@pytest.fixture
def translations_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A translations folder holding only the .ts (as in a fresh checkout)."""
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TS_FILE, folder)
    monkeypatch.setattr(translations, "translations_dir", lambda: folder)
    return folder


def test_interface_is_in_indonesian_by_default(open_window: OpenWindow, bandung: str) -> None:
    window = open_window()
    assert headers(window) == ["Wilayah", "Tahap", "Tahun", "Tanggal", "Kemajuan", "Status"]


def test_interface_is_in_english_with_evaluator_lang_en(
    open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch, bandung: str
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en")
    window = open_window()

    assert headers(window) == ["Region", "Stage", "Year", "Date", "Progress", "Status"]
    row = [window.sessions.index(0, c).data() for c in range(6)]
    assert row == ["Kota Bandung", "II", "2024", "29 Oct 2024", "2/3 (66%)", "Draft"]
    # the framework's own texts follow the language too
    assert window.details.predicate.text() == "Poor"
    assert window.details.dimensions.item(0, 0).text() == "A Governance"


def test_unknown_language_falls_back_to_indonesian(
    open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same rule as the core's messages (evaluator_app.i18n): unknown means the default.
    monkeypatch.setenv("EVALUATOR_LANG", "fr_FR")
    assert translations.ui_language() == "id"
    window = open_window()
    assert headers(window)[0] == "Wilayah"


def test_a_language_without_a_translation_stays_english_with_a_warning(
    caplog: pytest.LogCaptureFixture, translation_cache: Path
) -> None:
    with caplog.at_level(logging.WARNING, logger=translations.__name__):
        assert translations.use_language("fr", translation_cache) == "en"
    assert "no translation for language 'fr'" in caplog.text


def test_without_lrelease_the_app_still_starts_in_english(
    open_window: OpenWindow,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    translations_copy: Path,
) -> None:
    monkeypatch.setattr(translations, "find_lrelease", lambda: None)
    monkeypatch.setattr(translations, "default_cache_dir", lambda: tmp_path / "empty-cache")
    with caplog.at_level(logging.WARNING, logger=translations.__name__):
        window = open_window()
    assert headers(window)[0] == "Region"
    assert "lrelease not found" in caplog.text


def test_bundled_lrelease_is_found() -> None:
    lrelease = translations.find_lrelease()
    assert lrelease is not None and os.access(lrelease, os.X_OK)


def test_translation_is_compiled_once_and_again_after_the_ts_changes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, translations_copy: Path
) -> None:
    cache = tmp_path / "cache"
    first = translations.compiled_translation("id", cache)
    assert first is not None and first.parent == cache and first.stat().st_size > 0

    monkeypatch.setattr(translations, "find_lrelease", lambda: None)  # must not be needed
    assert translations.compiled_translation("id", cache) == first

    monkeypatch.undo()
    monkeypatch.setattr(translations, "translations_dir", lambda: translations_copy)
    ts = translations_copy / "evaluator_id.ts"
    ts.write_text(ts.read_text(encoding="utf-8").replace(">Wilayah<", ">Daerah<"), "utf-8")
    second = translations.compiled_translation("id", cache)
    assert second is not None and second != first
    assert sorted(cache.glob("*.qm")) == [second]  # the stale one is gone


def test_shipped_qm_is_used_unless_the_ts_is_newer(tmp_path: Path, translations_copy: Path) -> None:
    compiled = translations.compiled_translation("id", tmp_path / "cache")
    assert compiled is not None
    ts = translations_copy / "evaluator_id.ts"
    shipped = shutil.copy(compiled, ts.with_suffix(".qm"))
    os.utime(ts, (1_000_000_000, 1_000_000_000))
    assert translations.compiled_translation("id", tmp_path / "cache") == Path(shipped)

    os.utime(shipped, (900_000_000, 900_000_000))  # the .ts was edited after the build
    assert translations.compiled_translation("id", tmp_path / "cache") == compiled


# --- the .ts is complete ---------------------------------------------------------

MARKERS = {"translate", "QT_TRANSLATE_NOOP"}  # (context, source, ...)


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def strings_shown_by_the_ui() -> tuple[set[tuple[str, str]], list[str]]:
    """(context, source) of every literal given to tr()/translate()/QT_TRANSLATE_NOOP, and
    the places where tr() gets something lupdate cannot read."""
    found: set[tuple[str, str]] = set()
    unreadable: list[str] = []
    for path in sorted(UI_SOURCES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
        for cls in classes:
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                ):
                    source = _text(node.args[0]) if node.args else None
                    if source is None:
                        unreadable.append(f"{path.name}:{node.lineno}")
                    else:
                        found.add((cls.name, source))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            context, source = _text(node.args[0]), _text(node.args[1])
            if name in MARKERS and context is not None and source is not None:
                found.add((context, source))
    return found, unreadable


def ts_messages(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, its type attribute: unfinished, vanished...)."""
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            # A plural ("%n …") keeps its text in numerus forms.
            forms = [form.text or "" for form in translation.iter("numerusform")]
            messages[(name, message.findtext("source", ""))] = (
                " ".join(forms) if forms else translation.text or "",
                translation.get("type"),
            )
    return messages


def test_every_string_the_ui_shows_has_an_indonesian_translation() -> None:
    shown, unreadable = strings_shown_by_the_ui()
    messages = ts_messages(TS_FILE)

    assert ("SessionListModel", "Region") in shown  # the scan does see the code
    assert ("Labels", "Awaiting sign-off") in shown
    assert unreadable == [], "tr() needs a literal string for lupdate to find it"
    missing = sorted(key for key in shown if key not in messages)
    assert missing == [], "run pyside6-lupdate (see resources/translations/README.md)"
    unfinished = sorted(
        key for key in shown if messages[key][1] is not None or not messages[key][0].strip()
    )
    assert unfinished == []
    for (context, source), (translation, _) in messages.items():
        where = f"{context}: {source!r} -> {translation!r}"
        assert set(re.findall(r"%\d", source)) == set(re.findall(r"%\d", translation)), where
        assert ("&" in source) == ("&" in translation), f"keyboard shortcut lost in {where}"
