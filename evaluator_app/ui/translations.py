"""The interface language: Qt Linguist translations, compiled on first use.

Source strings are English; ``resources/translations/evaluator_<lang>.ts``
holds a translation.  Qt loads only compiled ``.qm`` files, which are not in
the repository: a build may ship one beside the ``.ts``; otherwise the ``.ts``
is compiled with PySide6's bundled ``lrelease`` into the user cache folder,
keyed by the ``.ts`` content so that an edited translation is recompiled.
Without a usable translation the interface stays in English.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from evaluator_app import i18n
from evaluator_app.bundled import resources_dir

log = logging.getLogger(__name__)

ENV_VAR = "EVALUATOR_LANG"
DEFAULT_LANGUAGE = "id"
SOURCE_LANGUAGE = "en"
LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))  # each in its own language
APP_NAME = "Evaluator"


def ui_language() -> str:
    """``EVALUATOR_LANG`` ("id_ID" -> "id") if set, else the saved setting, else "id".

    The same answer as the core's messages (``evaluator_app.i18n``), so the window
    and what the core says in it never differ.
    """
    from evaluator_app import i18n

    return i18n.language()


def translations_dir() -> Path:
    return resources_dir() / "translations"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations"


def find_lrelease() -> Path | None:
    """PySide6's own lrelease (PySide6-Essentials ships it), else one on PATH."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / name
    if bundled.is_file():
        return bundled
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return Path(found) if found else None


def _compile(lrelease: Path, ts: Path, qm: Path) -> None:
    """Compile to a temporary name and rename, so a reader never sees half a file."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=qm.stem, suffix=".part", dir=qm.parent)
    os.close(fd)
    try:
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", partial],
            check=True,
            capture_output=True,
            timeout=60,
            # no console window flashing up on Windows
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        Path(partial).replace(qm)
    finally:
        Path(partial).unlink(missing_ok=True)
    for stale in qm.parent.glob(f"{ts.stem}-*.qm"):
        if stale != qm:
            stale.unlink(missing_ok=True)


def compiled_translation(language: str, cache_dir: Path | None = None) -> Path | None:
    """The ``.qm`` for ``language``, compiling it if needed; None when there is none."""
    ts = translations_dir() / f"evaluator_{language}.ts"
    shipped = ts.with_suffix(".qm")
    if shipped.is_file() and (not ts.is_file() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.is_file():
        log.warning("no translation for language %r (looked for %s)", language, ts)
        return None
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    cached = (cache_dir or default_cache_dir()) / f"{ts.stem}-{digest}.qm"
    if cached.is_file():
        return cached
    lrelease = find_lrelease()
    if lrelease is None:
        log.warning("cannot compile %s: lrelease not found; the interface stays in English", ts)
        return None
    try:
        _compile(lrelease, ts, cached)
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        log.warning(
            "cannot compile %s into %s: %s %s; the interface stays in English",
            ts,
            cached,
            error,
            detail.decode(errors="replace").strip(),
        )
        return None
    return cached


_installed: QTranslator | None = None


def use_language(language: str, cache_dir: Path | None = None) -> str:
    """Install the translator for ``language`` on the application; returns the language in use.

    Replaces a translator installed earlier by this function.  Widgets built
    afterwards show the new language.
    """
    global _installed
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    in_use = SOURCE_LANGUAGE
    if language != SOURCE_LANGUAGE:
        qm = compiled_translation(language, cache_dir)
        translator = QTranslator(app)
        if qm is not None and translator.load(str(qm)):
            app.installTranslator(translator)
            _installed = translator
            in_use = language
        elif qm is not None:
            log.warning("cannot load translation %s; the interface stays in English", qm)
    QLocale.setDefault(QLocale(in_use))
    # The core's messages follow the window's language, not a preference changed since.
    i18n.pin_language(in_use)
    return in_use
