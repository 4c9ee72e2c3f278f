"""The command line, driven as a script or a person would drive it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaluator_app.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], data_dir: Path) -> tuple[Path, str]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "demo")
    assert code == 0
    return data_dir, out.strip()


def test_demo_then_show_json_gives_scores_per_dimension(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, str]
) -> None:
    data_dir, session_id = demo
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "session", "show", session_id, "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["id"] == session_id
    assert shown["framework"]["id"] == "gmsc-2024-illustrative"
    assert shown["region"] and shown["status"] == "in_progress"
    assert [d["code"] for d in shown["dimensions"]] == ["GOV", "BRD", "ECO", "LIV", "SOC", "ENV"]
    assert all(isinstance(d["score"], float) and 1 <= d["score"] <= 4 for d in shown["dimensions"])
    assert 1 <= shown["index"] <= 4 and shown["predicate"]
    progress = shown["progress"]
    assert progress["total"] == 40 and 0.4 <= progress["done"] / progress["total"] <= 0.6
    roles = {p["role"] for p in shown["participants"]}
    assert {"lead_evaluator", "evaluator", "signer"} <= roles
    assert all(set(p) >= {"id", "name", "role"} for p in shown["participants"])


def test_assess_changes_the_score_and_the_audit_chain_holds(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    base = ("--data-dir", str(data_dir))
    code, out, _ = run(
        capsys,
        *base,
        "session",
        "new",
        "--framework",
        "tiny",
        "--region",
        "Kota Uji",
        "--year",
        "2024",
        "--starts-at",
        "2024-10-29T09:00+07:00",
    )
    assert code == 0
    session_id = out.strip()
    assert run(capsys, *base, "assess", session_id[:8], "GOV.1.1", "--level", "4")[0] == 0
    code, out, _ = run(capsys, *base, "session", "show", session_id, "--json")
    shown = json.loads(out)
    assert shown["dimensions"][0]["score"] == 4.0
    assert shown["starts_at"] == "2024-10-29T09:00:00+07:00"
    code, out, _ = run(capsys, *base, "audit", "verify", session_id)
    assert code == 0 and "intact" in out
    code, out, _ = run(capsys, *base, "undo", session_id)
    assert code == 0 and "undo: assess" in out  # one command, one undo step


def test_level_outside_the_scale_exits_1_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, str]
) -> None:
    data_dir, session_id = demo
    code, _, err = run(
        capsys, "--data-dir", str(data_dir), "assess", session_id, "GOV.1.1", "--level", "7"
    )
    assert code == 1
    assert "level 7 is not on the scale" in err and "GOV.1.1" in err


def test_tampered_audit_event_makes_verify_fail_naming_the_event(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, str]
) -> None:
    data_dir, session_id = demo
    with sqlite3.connect(data_dir / "evaluator.sqlite") as connection:
        connection.execute("UPDATE audit_event SET new_value = '4' WHERE seq = 100")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "audit", "verify", session_id)
    assert code == 1
    assert "broken at event 100" in err


def test_sign_export_verify_from_the_command_line(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, str], tmp_path: Path
) -> None:
    data_dir, session_id = demo
    base = ("--data-dir", str(data_dir))
    shown = json.loads(run(capsys, *base, "session", "show", session_id, "--json")[1])
    by_role = {p["role"]: p["id"] for p in shown["participants"]}
    secret = tmp_path / "passphrase.txt"
    secret.write_text("rahasia-rapat\n")
    ids = {}
    for role in ("lead_evaluator", "signer"):
        code, out, _ = run(
            capsys, *base, "identity", "create", "--name", role, "--passphrase-file", str(secret)
        )
        assert code == 0
        ids[role] = out.strip()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("bukan-ini\n")
    code, _, err = run(
        capsys,
        *base,
        "signoff",
        session_id,
        "--signer",
        by_role["signer"],
        "--identity",
        ids["signer"],
        "--passphrase-file",
        str(wrong),
    )
    assert code == 1 and "passphrase does not open" in err
    for role in ("lead_evaluator", "signer"):
        code, out, _ = run(
            capsys,
            *base,
            "signoff",
            session_id,
            "--signer",
            by_role[role],
            "--identity",
            ids[role],
            "--passphrase-file",
            str(secret),
        )
        assert code == 0 and len(out.strip()) == 64
    code, _, err = run(capsys, *base, "assess", session_id, "GOV.1.1", "--notes", "x")
    assert code == 1 and "signed" in err
    signed = tmp_path / "signed.pdf"
    assert run(capsys, *base, "export", session_id, "--signed", "--pdf", str(signed))[0] == 0
    code, out, _ = run(capsys, *base, "verify", str(signed), "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and len(report["signatures"]) == 2
    assert all(s["intact"] for s in report["signatures"])
    data = bytearray(signed.read_bytes())
    data[len(data) // 2] ^= 0x20
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    code, _, err = run(capsys, *base, "verify", str(tampered))
    assert code == 1 and "NOT verified" in err


def test_frameworks_list_and_validate(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "frameworks", "list", "--json")
    ids = {row["id"] for row in json.loads(out)}
    assert {"gmsc-2024-illustrative", "gmsc-2022-instrument", "tiny"} <= ids
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nversion: 1\n  title: [\n")
    code, out, err = run(capsys, "frameworks", "validate", str(broken))
    assert code == 1 and "broken.yaml:3" in err and "malformed YAML" in err
    code, out, _ = run(capsys, "frameworks", "validate", str(data_dir / "frameworks/tiny.yaml"))
    assert code == 0 and "valid" in out


def test_unknown_session_and_bad_usage(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "session", "show", "abcdef12")
    assert code == 1 and "no session with id 'abcdef12'" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(data_dir), "assess", "abcd", "GOV.1.1", "--level", "x"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(
            [
                "session",
                "new",
                "--framework",
                "tiny",
                "--region",
                "X",
                "--year",
                "2024",
                "--starts-at",
                "2024-10-29T09:00",
            ]
        )
    assert "needs a UTC offset" in capsys.readouterr().err


def _python(code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"EVALUATOR_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_entry_points_work_as_installed(data_dir: Path) -> None:
    env = os.environ | {"EVALUATOR_DATA_DIR": str(data_dir)}
    version = subprocess.run(
        [sys.executable, "-m", "evaluator_app", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert version.stdout.startswith("evaluator-app ")
    listed = subprocess.run(
        ["evaluator-app", "session", "list"], capture_output=True, text=True, env=env, check=True
    )
    assert "no sessions yet" in listed.stdout


def test_everyday_commands_do_not_import_heavy_libraries(data_dir: Path) -> None:
    # Start-up cost: these cost 80–280 ms each and are only needed for export,
    # signing or a migration.
    heavy = ["pyhanko", "alembic", "reportlab", "openpyxl", "PySide6"]
    _python("from evaluator_app.cli import main; main(['session', 'list'])", data_dir)
    result = _python(
        "import sys\nfrom evaluator_app.cli import main\n"
        "main(['session', 'list', '--json'])\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)",
        data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_assess_is_all_or_nothing_and_refuses_contradictions(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, str]
) -> None:
    data_dir, session_id = demo
    base = ("--data-dir", str(data_dir))
    before = json.loads(run(capsys, *base, "audit", "log", session_id, "--json", "--limit", "1")[1])
    code, _, err = run(
        capsys, *base, "assess", session_id, "GOV.1.1", "--level", "3", "--rating", "abcd:9"
    )
    assert code == 1 and "no participant" in err
    after = json.loads(run(capsys, *base, "audit", "log", session_id, "--json", "--limit", "1")[1])
    assert after == before  # the level was not stored either
    with pytest.raises(SystemExit):
        main([*base, "assess", session_id, "GOV.1.1", "--level", "2", "--na", "x"])
    assert "contradict" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*base, "assess", session_id, "GOV.1.1", "--notes", "bad \udcff"])
    assert "not valid UTF-8" in capsys.readouterr().err


def test_a_data_folder_given_relative_to_the_working_folder_opens_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The second open looks at the existing database read-only through a file URI,
    # which a relative path cannot be.
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--data-dir", "meeting", "demo")
    assert code == 0, err
    session_id = out.strip()
    code, out, err = run(capsys, "--data-dir", "meeting", "session", "list")
    assert code == 0, err
    assert session_id[:8] in out
    assert (tmp_path / "meeting" / "evaluator.sqlite").is_file()
