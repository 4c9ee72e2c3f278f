"""The Indonesian interface is complete and current: Qt's own lupdate finds nothing new
in the code, and the shipped ``.qm`` is exactly the compiled ``.ts``."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from evaluator_app.bundled import resources_dir
from evaluator_app.ui.translations import find_lrelease
from tests.ui.test_translations import ts_messages

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "translations" / "evaluator_id.ts"
QM = TS.with_suffix(".qm")
LUPDATE_OPTIONS = ("-target-language", "id_ID", "-no-obsolete", "-locations", "none", "-silent")


def test_lupdate_finds_no_new_string_and_none_gone(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate")
    assert lupdate is not None, "pyside6-lupdate comes with PySide6-Essentials"
    fresh = tmp_path / TS.name
    shutil.copyfile(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "evaluator_app" / "ui").glob("*.py"))
    subprocess.run(
        [lupdate, *sources, "-ts", str(fresh), *LUPDATE_OPTIONS],
        check=True,
        capture_output=True,
        timeout=120,
    )
    committed, current = ts_messages(TS), ts_messages(fresh)

    new = sorted(key for key in current if key not in committed)
    gone = sorted(key for key in committed if key not in current)
    untranslated = sorted(key for key, (text, kind) in current.items() if kind or not text)
    hint = "run pyside6-lupdate and translate (resources/translations/README.md)"
    assert new == [], hint
    assert gone == [], hint
    assert untranslated == [], hint


def test_the_shipped_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    lrelease = find_lrelease()
    assert lrelease is not None
    compiled = tmp_path / QM.name
    subprocess.run(
        [str(lrelease), "-silent", str(TS), "-qm", str(compiled)], check=True, timeout=60
    )
    assert QM.is_file(), f"{QM.name} is missing: pyside6-lrelease {TS.name}"
    assert QM.read_bytes() == compiled.read_bytes(), f"{QM.name} is stale: run pyside6-lrelease"


@pytest.mark.usefixtures("qapp")
def test_qts_own_buttons_and_menus_speak_indonesian_too() -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    from evaluator_app.ui.translations import use_language

    assert use_language("id") == "id"
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel
        )
        buttons = box.standardButtons()
        close = box.button(QDialogButtonBox.StandardButton.Close)
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert buttons and close is not None and cancel is not None
        assert (close.text(), cancel.text()) == ("Tutup", "Batal")
        field = QLineEdit()
        menu = field.createStandardContextMenu()
        assert menu is not None
        texts = [action.text().split("\t")[0] for action in menu.actions()]
        assert "&Salin" in texts and "T&empel" in texts and "Pilih Semua" in texts
    finally:
        use_language("en")
