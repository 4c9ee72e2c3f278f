"""The command line speaks Indonesian unless told otherwise (EVALUATOR_LANG or the preference)."""

from __future__ import annotations

import argparse
import errno
import json
import os
from pathlib import Path

import pytest

from evaluator_app import preferences
from evaluator_app.cli import main
from evaluator_app.cli.parser import build_parser
from evaluator_app.i18n import os_reason


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], data_dir: Path) -> tuple[str, str]:
    code, out, _err = run(capsys, "--data-dir", str(data_dir), "demo")
    assert code == 0
    return str(data_dir), out.strip()


def test_a_refusal_is_said_in_indonesian_by_default(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EVALUATOR_LANG")
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "session", "show", "abcdef12")
    assert code == 1
    assert "tidak ada sesi dengan id 'abcdef12'" in err


def test_a_whole_id_not_found_names_the_record_in_indonesian(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A whole id is looked up directly, not by prefix: the message named the table
    # ("session") instead of the record, in the user's language.
    monkeypatch.delenv("EVALUATOR_LANG")
    missing = "00000000-0000-0000-0000-000000000000"
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "evidence", "check", missing)
    assert code == 1
    assert f"tidak ada sesi dengan id '{missing}'" in err


def test_a_refusal_is_said_in_english_when_asked(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVALUATOR_LANG", "en_US")
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "session", "show", "abcdef12")
    assert code == 1
    assert "no session with id 'abcdef12'" in err


def test_the_saved_preference_chooses_the_language_when_the_environment_is_silent(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EVALUATOR_LANG")
    preferences.write(preferences.LANGUAGE, "en")
    _code, _out, err = run(capsys, "--data-dir", str(data_dir), "session", "show", "abcdef12")
    assert "no session with id 'abcdef12'" in err


def test_session_show_writes_the_index_with_the_languages_decimal_mark(
    capsys: pytest.CaptureFixture[str], demo: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, session_id = demo
    monkeypatch.delenv("EVALUATOR_LANG")
    code, out, _err = run(capsys, "--data-dir", folder, "session", "show", session_id)
    assert code == 0
    assert "indeks     2,83  Baik" in out
    assert "kemajuan   22/40 indikator tuntas" in out
    assert ", tahap II (berlangsung)" in out

    monkeypatch.setenv("EVALUATOR_LANG", "en")
    code, out, _err = run(capsys, "--data-dir", folder, "session", "show", session_id)
    assert "index      2.83  Baik" in out
    assert "progress   22/40 indicators settled" in out
    assert ", stage II (in progress)" in out
    # The machine-readable output stays the same in every language.
    code, shown, _err = run(capsys, "--data-dir", folder, "session", "show", session_id, "--json")
    monkeypatch.setenv("EVALUATOR_LANG", "id")
    assert run(capsys, "--data-dir", folder, "session", "show", session_id, "--json")[1] == shown


def test_bad_usage_and_help_are_in_indonesian_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EVALUATOR_LANG")
    with pytest.raises(SystemExit) as exit_info:
        main(["session", "shw"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("penggunaan: evaluator-app session")
    assert "kesalahan: argumen ACTION: pilihan tidak sah: 'shw'" in err
    with pytest.raises(SystemExit):
        main(["session", "--help"])
    out = capsys.readouterr().out
    assert "skor, kemajuan, dan kehadiran suatu sesi" in out
    assert "tampilkan bantuan ini lalu keluar" in out
    monkeypatch.setenv("EVALUATOR_LANG", "en")
    with pytest.raises(SystemExit):
        main(["session", "shw"])
    assert "error: argument ACTION: invalid choice: 'shw'" in capsys.readouterr().err


def _command_help(monkeypatch: pytest.MonkeyPatch, lang: str) -> dict[str, str]:
    """Every command's and action's one-line help, keyed by its path."""
    monkeypatch.setenv("EVALUATOR_LANG", lang)
    found: dict[str, str] = {}

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    found[f"{path} {choice.dest}".strip()] = choice.help or ""
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}".strip())

    walk(build_parser(), "")
    return found


def test_every_command_is_described_in_indonesian(monkeypatch: pytest.MonkeyPatch) -> None:
    english = _command_help(monkeypatch, "en")
    indonesian = _command_help(monkeypatch, "id")
    assert english.keys() == indonesian.keys()
    assert {"undo", "redo", "session list", "bundle import"} <= english.keys()
    same = {path: text for path, text in english.items() if indonesian[path] == text}
    assert same == {}
    assert indonesian["undo"] == "batalkan perubahan terakhir pada sesi"


def test_the_systems_reason_for_a_failed_read_is_said_in_indonesian(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("EVALUATOR_LANG")
    missing = tmp_path / "absent.evpkg"
    code, _out, err = run(capsys, "--data-dir", str(data_dir), "bundle", "import", str(missing))
    assert code == 1
    assert f"{missing}: tidak dapat dibaca: berkas atau folder tidak ada" in err
    assert "No such file" not in err


@pytest.mark.parametrize(
    ("number", "indonesian", "english"),
    [
        (errno.ENOSPC, "disk penuh", "the disk is full"),
        (errno.EACCES, "akses ditolak", "permission denied"),
        (errno.EROFS, "disk hanya-baca", "the disk is read-only"),
    ],
)
def test_common_system_reasons_have_our_words(
    monkeypatch: pytest.MonkeyPatch, number: int, indonesian: str, english: str
) -> None:
    error = OSError(number, os.strerror(number))
    monkeypatch.setenv("EVALUATOR_LANG", "id")
    assert os_reason(error) == indonesian
    monkeypatch.setenv("EVALUATOR_LANG", "en")
    assert os_reason(error) == english


def test_a_rare_system_reason_is_left_as_the_system_says_it() -> None:
    error = OSError(errno.ELOOP, os.strerror(errno.ELOOP))
    assert os_reason(error) == os.strerror(errno.ELOOP)
    assert os_reason(OSError("no number")) == "no number"


def test_the_identity_list_says_where_each_came_from_in_indonesian(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("EVALUATOR_LANG")
    secret = tmp_path / "passphrase.txt"
    secret.write_text("rahasia-rapat\n")
    base = ("--data-dir", str(data_dir))
    create = ("identity", "create", "--name", "Rina", "--passphrase-file", str(secret))
    assert run(capsys, *base, *create)[0] == 0
    code, out, _err = run(capsys, *base, "identity", "list")
    assert code == 0
    assert out.rstrip().endswith("dibuat di sini"), out
    code, out, _err = run(capsys, *base, "identity", "list", "--json")
    assert json.loads(out)[0]["origin"] == "created"  # machine output keeps the key
