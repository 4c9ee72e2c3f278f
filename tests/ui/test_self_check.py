"""``evaluator-app --self-check``: passes on a sound install, names the step that breaks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evaluator_app import self_check

pytestmark = pytest.mark.gui


def test_the_installed_app_passes_its_self_check(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "evaluator_app", "--self-check"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-check passed"
    assert any("2 signatures verified" in line for line in lines)
    assert any("meeting window in id, en" in line for line in lines)
    assert not [line for line in lines if line.startswith("FAIL")]


def test_a_missing_data_file_fails_the_step_that_needs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "no-frameworks"
    empty.mkdir()
    monkeypatch.setattr("evaluator_app.services.frameworks.shipped_frameworks_dir", lambda: empty)
    kept = tmp_path / "kept"

    assert self_check.run_self_check(keep=kept) == 1

    out = capsys.readouterr().out
    assert "FAIL  shipped frameworks" in out
    assert "FAIL  create the demo session" in out
    assert out.rstrip().endswith("self-check FAILED: shipped frameworks, create the demo session")
    # It worked in its own folder only.
    assert (kept / "data").is_dir()
