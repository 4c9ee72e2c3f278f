"""Assigned dimensions travel between laptops, and an evaluator's bundle carries their part."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_bundle_helpers import members, session_json, state, with_session_json

from evaluator_app.cli import main
from evaluator_app.exchange.errors import BundleError
from evaluator_app.services import assessments, participants
from evaluator_app.services.assignments import assign_dimension, assignments
from evaluator_app.services.audit import verify_chain
from evaluator_app.services.bundle_import import import_bundle, preview_bundle
from evaluator_app.services.bundles import export_bundle
from evaluator_app.services.operation import Context, open_context
from evaluator_app.services.participants import ParticipantDetails
from evaluator_app.services.sessions import SessionDetails, create_session
from tests.conftest import TINY_FRAMEWORK


def laptop(folder: Path, actor: str) -> Context:
    (folder / "frameworks").mkdir(parents=True, exist_ok=True)
    (folder / "frameworks" / "tiny.yaml").write_text(TINY_FRAMEWORK, encoding="utf-8")
    return open_context(str(folder), actor)


Team = tuple[Context, Context, str, dict[str, str]]


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Team]:
    """The lead's laptop A with a session and its people; B is an evaluator's, empty."""
    a, b = laptop(tmp_path / "a", "rina"), laptop(tmp_path / "b", "hendra")
    sid = create_session(a, "tiny", SessionDetails(region="Kota Uji", year=2024))
    people = {
        key: participants.add_participant(a, sid, ParticipantDetails(name=name, role=role))
        for key, name, role in (
            ("rina", "Rina", "lead_evaluator"),
            ("hendra", "Hendra", "evaluator"),
            ("maya", "Maya", "evaluator"),
            ("sekda", "Sekda", "signer"),
        )
    }
    yield a, b, sid, people
    a.store.close()
    b.store.close()


def test_assignments_travel_in_a_whole_bundle_and_the_trail_holds(
    team: Team, tmp_path: Path
) -> None:
    a, b, sid, people = team
    assign_dimension(a, sid, "GOV", people["rina"])
    assign_dimension(a, sid, "ENV", people["hendra"])
    bundle = export_bundle(a, sid, tmp_path / "whole.evpkg")
    assert bundle.records["assignments"] == 2
    carried = session_json(bundle.path)["assignments"]
    assert {(x["dimension_code"], x["participant_id"]) for x in carried} == {
        ("GOV", people["rina"]),
        ("ENV", people["hendra"]),
    }
    result = import_bundle(b, bundle.path)
    assert result.outcome == "added" and result.records["assignments"] == 2
    assert assignments(b, sid) == assignments(a, sid)
    assert verify_chain(b, sid).intact
    assert import_bundle(b, bundle.path).outcome == "unchanged"


def test_an_evaluators_bundle_carries_the_dimension_assigned_to_them(
    team: Team, tmp_path: Path
) -> None:
    a, _b, sid, people = team
    assign_dimension(a, sid, "ENV", people["hendra"])
    assign_dimension(a, sid, "GOV", people["maya"])
    assessments.set_rating(a, sid, "GOV.1.1", people["rina"], 3)  # someone else's work
    # Hendra has rated nothing and asked nothing yet: ENV is his all the same.
    part = export_bundle(a, sid, tmp_path / "hendra.evpkg", evaluator_id=people["hendra"][:8])
    data = session_json(part.path)
    assert {x["indicator_code"] for x in data["assessments"]} == {"ENV.1.1"}
    assert data["ratings"] == []
    assert {x["dimension_code"] for x in data["assignments"]} == {"ENV", "GOV"}
    events = json.loads(members(part.path)["audit.json"])["events"]
    assert {e["record_id"] for e in events if e["record_type"] == "assignment"} == {
        x["id"] for x in data["assignments"]
    }
    assert import_bundle(a, part.path).outcome == "unchanged"
    # Maya's holds GOV, and Rina rated in it: each gets their own part.
    maya = session_json(
        export_bundle(a, sid, tmp_path / "m.evpkg", evaluator_id=people["maya"]).path
    )
    assert {x["indicator_code"] for x in maya["assessments"]} == {"GOV.1.1", "GOV.1.2"}
    rina = session_json(
        export_bundle(a, sid, tmp_path / "r.evpkg", evaluator_id=people["rina"]).path
    )
    assert {x["indicator_code"] for x in rina["assessments"]} == {"GOV.1.1"}


def test_evaluator_work_comes_back_to_the_lead_by_bundle(team: Team, tmp_path: Path) -> None:
    a, b, sid, people = team
    assign_dimension(a, sid, "ENV", people["hendra"])
    import_bundle(b, export_bundle(a, sid, tmp_path / "to-hendra.evpkg").path)
    assessments.set_rating(b, sid, "ENV.1.1", people["hendra"], 2)
    assessments.set_notes(b, sid, "ENV.1.1", "Ada RAD energi")
    part = export_bundle(b, sid, tmp_path / "from-hendra.evpkg", evaluator_id=people["hendra"])
    assert import_bundle(a, part.path).outcome == "merged"
    assert assignments(a, sid) == assignments(b, sid)
    assert verify_chain(a, sid).intact


def test_the_same_dimension_assigned_on_two_laptops_is_one_record(
    team: Team, tmp_path: Path
) -> None:
    a, b, sid, people = team
    import_bundle(b, export_bundle(a, sid, tmp_path / "copy.evpkg").path)
    assign_dimension(a, sid, "GOV", people["maya"])
    assign_dimension(b, sid, "GOV", people["maya"])
    assign_dimension(b, sid, "ENV", people["hendra"])
    assign_dimension(a, sid, "ENV", people["rina"])
    preview = preview_bundle(a, export_bundle(b, sid, tmp_path / "b.evpkg").path)
    assert preview.plan is not None
    assert not [d for d in preview.plan.added if d.record_type == "assignment"]
    (conflict,) = preview.plan.conflicts  # ENV: Rina here, Hendra there
    assert (conflict.record_type, conflict.field) == ("assignment", "participant_id")
    assert (conflict.ours, conflict.theirs) == (people["rina"], people["hendra"])
    import_bundle(a, tmp_path / "b.evpkg", resolutions={conflict.key: "theirs"})
    held = assignments(a, sid)
    assert {code: h.participant_id for code, h in held.items()} == {
        "GOV": people["maya"],
        "ENV": people["hendra"],
    }
    assert verify_chain(a, sid).intact


def test_a_bundle_written_before_assignments_still_imports(team: Team, tmp_path: Path) -> None:
    a, b, sid, _people = team
    bundle = export_bundle(a, sid, tmp_path / "now.evpkg").path

    def as_before(data: dict[str, object]) -> None:
        assert data.pop("assignments") == []

    old = with_session_json(bundle, tmp_path / "old.evpkg", as_before)
    assert "assignments" not in session_json(old)
    assert import_bundle(b, old).outcome == "added"
    assert assignments(b, sid) == {}


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda d: d["assignments"][0].update(dimension_code="ECO"),
            "assignments[0].dimension_code: ECO is not a dimension of the framework",
        ),
        (
            lambda d: d["assignments"][0].update(
                participant_id="0" * 8 + "-0000-4000-8000-" + "0" * 12
            ),
            "assignments[0].participant_id: no participant with id",
        ),
        (
            lambda d: d["assignments"].append(
                dict(d["assignments"][0], id="1" * 8 + "-1111-4111-8111-" + "1" * 12)
            ),
            "assignments[0]: dimension GOV appears 2 times",
        ),
    ],
)
def test_a_bundle_with_a_bad_assignment_is_refused_and_nothing_written(
    team: Team, tmp_path: Path, edit: object, problem: str
) -> None:
    a, b, sid, people = team
    assign_dimension(a, sid, "GOV", people["maya"])
    bundle = export_bundle(a, sid, tmp_path / "good.evpkg").path
    bad = with_session_json(bundle, tmp_path / "bad.evpkg", edit)  # type: ignore[arg-type]
    before = state(b)
    with pytest.raises(BundleError, match=re.escape(problem)):
        import_bundle(b, bad)
    assert state(b) == before


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_assign_from_the_command_line_and_see_it_in_session_show(
    capsys: pytest.CaptureFixture[str], team: Team
) -> None:
    a, _b, sid, people = team
    base = ("--data-dir", str(a.store.data_dir))
    assert run(capsys, *base, "assign", sid[:8], "ENV", people["hendra"][:8]) == (0, "", "")
    assert run(capsys, *base, "assign", sid, "GOV", people["rina"])[0] == 0
    code, out, _ = run(capsys, *base, "session", "show", sid, "--json")
    assert code == 0
    assert json.loads(out)["assignments"] == [
        {"dimension": "GOV", "participant_id": people["rina"], "name": "Rina"},
        {"dimension": "ENV", "participant_id": people["hendra"], "name": "Hendra"},
    ]
    code, out, _ = run(capsys, *base, "session", "show", sid)
    assert out.split("assignments\n")[1].splitlines() == [
        f"  GOV      {people['rina'][:8]}  Rina",
        f"  ENV      {people['hendra'][:8]}  Hendra",
    ]
    assert run(capsys, *base, "assign", sid, "GOV", "--none")[0] == 0
    code, out, _ = run(capsys, *base, "session", "show", sid, "--json")
    assert [x["dimension"] for x in json.loads(out)["assignments"]] == ["ENV"]
    code, _, err = run(capsys, *base, "assign", sid, "GOV", people["sekda"])
    assert code == 1 and "Sekda takes part as signer and cannot hold a dimension" in err
    code, _, err = run(capsys, *base, "assign", sid, "ECO", people["maya"])
    assert code == 1 and "no dimension 'ECO'" in err
    for wrong in (("assign", sid, "GOV"), ("assign", sid, "GOV", people["maya"], "--none")):
        with pytest.raises(SystemExit) as exited:
            main([*base, *wrong])
        assert exited.value.code == 2
    assert "--none" in capsys.readouterr().err
    assert [x.dimension_code for x in assignments(a, sid).values()] == ["ENV"]
