"""The command line writes its own rotating log in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluator_app.app_log import log_file
from evaluator_app.cli import main


def test_each_command_and_its_refusal_are_in_the_data_folders_log(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "session", "list"]) == 0
    assert main(["--data-dir", str(data_dir), "session", "show", "nosuchid"]) == 1
    capsys.readouterr()

    text = log_file(data_dir).read_text(encoding="utf-8")
    assert "command: session" in text
    assert "session refused:" in text and "nosuchid" in text


def test_debug_goes_to_stderr_only_when_asked(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--data-dir", str(data_dir), "session", "list"])
    assert "command: session" not in capsys.readouterr().err
    main(["--data-dir", str(data_dir), "--log-level", "DEBUG", "session", "list"])
    assert "command: session" in capsys.readouterr().err
