"""``evaluator-app --self-check``: everything the app reads at run time, used once.

Meant for a fresh install or a frozen build: in a temporary data folder it runs
the migrations, creates the demo, draws the windows offscreen, renders, signs and
verifies the minutes, writes a bundle and reads it back, and exports the
results.  A data file missing from the build (a framework, a font, a migration,
a translation, a Qt plugin, a module PyInstaller did not see) fails a step here
rather than in a meeting.  Exit code 0 only when every step passed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

PASSPHRASE = "self-check-passphrase"


class _Steps:
    def __init__(self) -> None:
        self.failed: list[str] = []

    def run(self, name: str, step: Callable[[], str | None]) -> None:
        started = time.perf_counter()
        try:
            detail = step()
        except Exception:
            self.failed.append(name)
            print(f"FAIL  {name}", flush=True)
            traceback.print_exc(file=sys.stdout)
            return
        took = time.perf_counter() - started
        print(f"ok    {name} ({took:.2f} s){f': {detail}' if detail else ''}", flush=True)


def run_self_check(keep: Path | None = None) -> int:
    """Run every step in a temporary data folder (kept at ``keep`` when given)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = keep or Path(tempfile.mkdtemp(prefix="evaluator-self-check-"))
    # Nothing may touch the user's own data or preferences.
    os.environ["EVALUATOR_DATA_DIR"] = str(folder / "data")
    os.environ["EVALUATOR_CONFIG_DIR"] = str(folder / "config")
    from evaluator_app import __version__

    print(f"Evaluator {__version__} self-check in {folder}", flush=True)
    steps = _Steps()
    state: dict[str, Any] = {}
    try:
        for name, step in _steps(folder, state):
            steps.run(name, step)
            if steps.failed and name in _NEEDED_BY_THE_REST:
                break
    finally:
        ctx = state.get("ctx")
        if ctx is not None:
            ctx.store.close()
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    if steps.failed:
        print(f"self-check FAILED: {', '.join(steps.failed)}", flush=True)
        return 1
    print("self-check passed", flush=True)
    return 0


_NEEDED_BY_THE_REST = {"open the data folder (migrations)", "create the demo session"}


def _steps(folder: Path, state: dict[str, Any]) -> list[tuple[str, Callable[[], str | None]]]:
    out = folder / "out"

    def open_data() -> str:
        from evaluator_app.services.operation import open_context

        state["ctx"] = open_context(str(folder / "data"), "self-check")
        return str(state["ctx"].store.data_dir)

    def frameworks() -> str:
        from evaluator_app.services.frameworks import catalogue

        found = catalogue(state["ctx"].store.data_dir)
        shipped = [e for e in found.entries if e.source == "shipped"]
        if found.broken or len(shipped) < 2:
            raise RuntimeError(f"shipped frameworks: {len(shipped)}, broken: {found.broken}")
        return ", ".join(sorted(e.framework.id for e in shipped))

    def demo() -> str:
        from evaluator_app.services.demo import ensure_demo

        state["session"] = ensure_demo(state["ctx"])
        return str(state["session"])[:8]

    def windows() -> str:
        return _draw_windows(state["ctx"], state["session"], out)

    def draft() -> str:
        from evaluator_app.services.minutes import export_draft

        pages = export_draft(state["ctx"], state["session"], out / "draft.pdf")
        return f"{pages} pages"

    def sign() -> str:
        return _sign_and_verify(state["ctx"], state["session"], out)

    def bundle() -> str:
        from evaluator_app.services.bundle_import import preview_bundle
        from evaluator_app.services.bundles import export_bundle

        path = out / "session.evpkg"
        export_bundle(state["ctx"], state["session"], path, passphrase=PASSPHRASE)
        preview_bundle(state["ctx"], path, PASSPHRASE)
        return f"{path.stat().st_size // 1024} KiB, encrypted, read back"

    def results() -> str:
        from evaluator_app.services.results import export_results

        export_results(state["ctx"], state["session"], out / "results.xlsx")
        return "xlsx"

    return [
        ("open the data folder (migrations)", open_data),
        ("shipped frameworks", frameworks),
        ("create the demo session", demo),
        ("draw the windows (Qt, translations, fonts)", windows),
        ("draft minutes (ReportLab, fonts)", draft),
        ("sign and verify the minutes (pyHanko)", sign),
        ("bundle out and back (zip, AES-GCM)", bundle),
        ("results spreadsheet (openpyxl)", results),
    ]


def _draw_windows(ctx: Any, session_id: str, out: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from evaluator_app.ui.app import Windows, application
    from evaluator_app.ui.translations import use_language

    app = application()
    shown = []
    for language in ("id", "en"):
        in_use = use_language(language)
        if in_use != language:
            raise RuntimeError(f"the {language} interface translation did not load")
        windows = Windows(ctx)
        window = windows.open_session(session_id)
        window.resize(1366, 768)
        QApplication.processEvents()
        out.mkdir(parents=True, exist_ok=True)
        picture = out / f"window-{language}.png"
        if not window.grab().save(str(picture)):
            raise RuntimeError(f"could not draw the window into {picture}")
        window.close()
        windows.start.close()
        QApplication.processEvents()
        shown.append(language)
    app.processEvents()
    return "meeting window in " + ", ".join(shown)


def _sign_and_verify(ctx: Any, session_id: str, out: Path) -> str:
    from evaluator_app.services import identities, minutes
    from evaluator_app.services.sessions import session_overview

    participants = session_overview(ctx, session_id).participants
    signers = [p.id for p in participants if p.role in ("lead_evaluator", "signer")]
    if not signers:
        raise RuntimeError("the demo session has nobody to sign")
    for index, signer in enumerate(signers):
        identity = identities.create_identity(
            ctx, f"Penanda Tangan {index + 1}", None, "Tim", PASSPHRASE
        )
        minutes.sign_minutes(ctx, session_id, signer, identity.id, PASSPHRASE)
    signed = minutes.export_signed(ctx, session_id, out / "signed.pdf")
    check = minutes.verify_minutes(ctx, out / "signed.pdf")
    if not check.ok:
        raise RuntimeError(f"the signed minutes do not verify: {check.problems}")
    return f"{len(signed.signed)} signatures verified"
