"""The command line: the same services as the window, for scripts and people.

``evaluator-app`` alone opens the window; subcommands work without Qt.
Exit codes: 0 done, 1 refused or failed (message on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from evaluator_app import __version__

Handler = Callable[[argparse.Namespace], int] | None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-10-29") from None


def _datetime(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time like 2024-10-29T09:00+07:00"
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs a UTC offset, e.g. +07:00")
    return value


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _context(args: argparse.Namespace) -> Any:
    from evaluator_app.services.operation import open_context

    return open_context(args.data_dir, args.actor)


# --- handlers ---------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    ctx = _context(args)
    session_id = None
    if args.demo:
        from evaluator_app.services.demo import DEMO_REGION, create_demo
        from evaluator_app.services.sessions import list_sessions

        existing = [s for s in list_sessions(ctx) if s.region == DEMO_REGION]
        session_id = existing[0].id if existing else create_demo(ctx)
    from evaluator_app.ui.app import run_gui

    return run_gui(ctx, session_id)


def cmd_demo(args: argparse.Namespace) -> int:
    from evaluator_app.services.demo import create_demo

    session_id = create_demo(_context(args))
    if args.json:
        _print_json({"id": session_id})
    else:
        print(session_id)
    return 0


def cmd_frameworks_list(args: argparse.Namespace) -> int:
    from evaluator_app.services.frameworks import catalogue
    from evaluator_app.store.location import data_dir

    found = catalogue(data_dir(args.data_dir))
    rows = [
        {
            "id": e.framework.id,
            "version": e.framework.version,
            "title": e.framework.title.get(args.lang),
            "indicators": sum(1 for _ in e.framework.indicators()),
            "illustrative": e.framework.illustrative,
            "source": e.source,
            "path": str(e.path),
        }
        for e in found.entries
    ]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            mark = " (illustrative)" if row["illustrative"] else ""
            print(
                f"{row['id']:<28} {row['version']:<10} {row['indicators']:>4} indicators  "
                f"{row['title']}{mark}"
            )
    for error in found.broken:
        print(
            f"warning: left out a framework file that does not validate:\n{error}", file=sys.stderr
        )
    return 0


def cmd_frameworks_validate(args: argparse.Namespace) -> int:
    from evaluator_app.domain.framework import FrameworkError, load_framework

    failed = False
    for path in args.files:
        try:
            framework = load_framework(Path(path))
        except FrameworkError as error:
            failed = True
            count = len(error.problems)
            print(f"{path}: {count} problem{'s' if count != 1 else ''}", file=sys.stderr)
            print(error, file=sys.stderr)
        else:
            count = sum(1 for _ in framework.indicators())
            print(
                f"{path}: valid ({framework.id} {framework.version}, {count} indicators, "
                f"content hash {framework.content_hash[:12]})"
            )
    return 1 if failed else 0


def cmd_session_list(args: argparse.Namespace) -> int:
    from evaluator_app.services.sessions import list_sessions

    rows = list_sessions(_context(args))
    if args.json:
        _print_json(
            [
                {
                    "id": r.id,
                    "framework": r.framework_id,
                    "region": r.region,
                    "stage": r.stage,
                    "year": r.year,
                    "starts_at": r.starts_at.isoformat() if r.starts_at else None,
                    "status": r.status,
                    "done": r.done,
                    "total": r.total,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("no sessions yet: try `evaluator-app demo`")
    for r in rows:
        print(
            f"{r.id[:8]}  {r.region:<32} {r.year}  stage {'I' * r.stage:<2}  "
            f"{r.done:>3}/{r.total:<3} {r.status}"
        )
    return 0


def cmd_session_show(args: argparse.Namespace) -> int:
    from evaluator_app.domain.scoring import for_display
    from evaluator_app.services.sessions import session_overview

    overview = session_overview(_context(args), args.id, args.lang)
    if args.json:
        _print_json(overview.to_json(args.lang))
        return 0
    data = overview.to_json(args.lang)
    index = overview.scores.index
    print(f"{data['region']} — {data['year']}, stage {'I' * overview.stage} ({data['status']})")
    print(f"framework  {overview.framework.id} {overview.framework.version}")
    print(f"session    {overview.id}")
    print(
        f"index      {for_display(index) if index is not None else '–'}"
        f"{'  ' + str(data['predicate']) if data['predicate'] else ''}"
    )
    print(f"progress   {overview.done}/{overview.total} indicators settled")
    for d in overview.dimensions:
        score = for_display(d.score) if d.score is not None else "–"
        print(f"  {d.code:<8} {score!s:>5}  {d.done:>3}/{d.indicators:<3} {d.title}")
    print("participants")
    for p in overview.participants:
        print(f"  {p.id[:8]}  {p.name:<34} {p.role}")
    return 0


def _session_details(args: argparse.Namespace) -> Any:
    from evaluator_app.services.sessions import SessionDetails

    return SessionDetails(
        region=args.region,
        stage=args.stage,
        year=args.year,
        starts_at=args.starts_at,
        timezone=args.timezone,
        venue=args.venue,
        evidence_deadline=args.deadline,
    )


def cmd_session_new(args: argparse.Namespace) -> int:
    from evaluator_app.services.sessions import create_session

    session_id = create_session(
        _context(args), args.framework, _session_details(args), args.framework_version
    )
    print(session_id)
    return 0


def cmd_session_edit(args: argparse.Namespace) -> int:
    from evaluator_app.services.sessions import edit_session

    edit_session(_context(args), args.id, _session_details(args))
    return 0


def cmd_session_status(args: argparse.Namespace) -> int:
    from evaluator_app.services.sessions import set_session_status

    set_session_status(_context(args), args.id, args.status)
    return 0


def _participant_details(args: argparse.Namespace) -> Any:
    from evaluator_app.services.participants import ParticipantDetails

    return ParticipantDetails(
        name=args.name,
        nip=args.nip,
        position=args.position,
        organisation=args.organisation,
        role=args.role,
        present=args.present,
    )


def cmd_participant_add(args: argparse.Namespace) -> int:
    from evaluator_app.services.participants import add_participant

    print(add_participant(_context(args), args.id, _participant_details(args)))
    return 0


def cmd_participant_edit(args: argparse.Namespace) -> int:
    from evaluator_app.services.participants import edit_participant

    edit_participant(_context(args), args.participant, _participant_details(args))
    return 0


def cmd_participant_remove(args: argparse.Namespace) -> int:
    from evaluator_app.services.participants import remove_participant

    remove_participant(_context(args), args.participant)
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    from evaluator_app.services import assessments as a

    ctx = _context(args)
    steps: list[Callable[[], None]] = []
    if args.self_level is not None:
        steps.append(lambda: a.set_self_level(ctx, args.id, args.indicator, args.self_level))
    if args.level is not None:
        steps.append(lambda: a.set_agreed_level(ctx, args.id, args.indicator, args.level))
    if args.clear_level:
        steps.append(lambda: a.set_agreed_level(ctx, args.id, args.indicator, None))
    if args.na is not None:
        steps.append(lambda: a.set_not_applicable(ctx, args.id, args.indicator, args.na))
    if args.applicable:
        steps.append(lambda: a.clear_not_applicable(ctx, args.id, args.indicator))
    if args.status is not None:
        steps.append(lambda: a.set_status(ctx, args.id, args.indicator, args.status))
    if args.notes is not None:
        steps.append(lambda: a.set_notes(ctx, args.id, args.indicator, args.notes))
    for rating in args.rating or []:
        participant, _, level = rating.rpartition(":")
        if not participant or not level.isdigit():
            raise _usage(f"--rating takes PARTICIPANT:LEVEL, not {rating!r}")
        steps.append(partial(a.set_rating, ctx, args.id, args.indicator, participant, int(level)))
    if not steps:
        raise _usage("say what to record: --level, --self-level, --na, --status, --notes, …")
    for step in steps:
        step()
    return 0


def cmd_clarify(args: argparse.Namespace) -> int:
    from evaluator_app.services import clarifications as c

    ctx = _context(args)
    if args.clarify_command == "ask":
        print(c.ask(ctx, args.id, args.indicator, args.question, args.by))
    elif args.clarify_command == "answer":
        c.answer(ctx, args.clarification, args.answer, args.by)
    else:
        c.reopen(ctx, args.clarification)
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from evaluator_app.services import evidence as e

    ctx = _context(args)
    action = args.evidence_command
    if action == "file":
        print(e.attach_file(ctx, args.id, args.indicator, Path(args.path), args.title))
    elif action == "link":
        print(e.add_link(ctx, args.id, args.indicator, args.url, args.title))
    elif action == "seen":
        print(e.add_seen(ctx, args.id, args.indicator, args.title, args.note or ""))
    elif action == "promise":
        print(e.promise(ctx, args.id, args.indicator, args.title, args.due))
    elif action == "pending":
        e.mark_pending(ctx, args.evidence, args.due)
    elif action == "accept":
        e.accept(ctx, args.evidence, args.note)
    elif action == "reject":
        e.reject(ctx, args.evidence, args.note)
    elif action == "check":
        problems = e.check_files(ctx, args.id)
        for p in problems:
            print(f"{p.indicator_code}: {p.title!r}: {p.problem} ({p.path})", file=sys.stderr)
        if not problems:
            print("every evidence file is present and intact")
        return 1 if problems else 0
    return 0


def _finding_details(args: argparse.Namespace) -> Any:
    from evaluator_app.services.findings import FindingDetails

    return FindingDetails(
        text=args.text,
        recommendation=args.recommendation,
        indicator_code=args.indicator,
        agencies=tuple(args.agency) if args.agency else None,
        priority=args.priority,
        due_date=args.due,
    )


def cmd_finding(args: argparse.Namespace) -> int:
    from evaluator_app.services import findings as f

    ctx = _context(args)
    if args.finding_command == "add":
        print(f.add_finding(ctx, args.id, _finding_details(args)))
    elif args.finding_command == "edit":
        f.edit_finding(ctx, args.finding, _finding_details(args))
    else:
        f.remove_finding(ctx, args.finding)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from evaluator_app.services import undo

    step = undo.undo if args.command == "undo" else undo.redo
    print(f"{args.command}: {step(_context(args), args.id)}")
    return 0


def cmd_signoff(args: argparse.Namespace) -> int:
    from evaluator_app.services.signoff import sign_off

    print(sign_off(_context(args), args.id, args.signer))
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from evaluator_app.services.signoff import reopen

    reopen(_context(args), args.id, args.reason)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from evaluator_app.services.audit import audit_log, verify_chain

    ctx = _context(args)
    if args.audit_command == "verify":
        report = verify_chain(ctx, args.id)
        if args.json:
            _print_json(vars(report) | {"intact": report.intact})
        elif report.intact:
            print(f"audit chain intact: {report.events} events")
        else:
            print(
                f"audit chain broken at event {report.broken_at} (id {report.event_id}): "
                f"{report.problem}",
                file=sys.stderr,
            )
        return 0 if report.intact else 1
    rows = audit_log(ctx, args.id, args.limit)
    if args.json:
        _print_json([vars(r) for r in rows])
    for r in [] if args.json else rows:
        what = f"{r.record_type}.{r.field}" if r.field else f"{r.change} {r.record_type}"
        change = f"{r.old_value} → {r.new_value}" if r.change == "update" else r.record_id[:8]
        print(f"{r.seq:>5} {r.at} {r.actor:<12} {r.action:<22} {what}: {change}")
    return 0


# --- parser -----------------------------------------------------------------


class _UsageError(Exception):
    pass


def _usage(message: str) -> _UsageError:
    return _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="evaluator-app",
        description="Evaluator: offline maturity-evaluation meetings. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"evaluator-app {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: $EVALUATOR_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="NAME",
        help="who is acting, for the audit trail (default: $EVALUATOR_USER)",
    )
    parser.add_argument(
        "--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"]
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on the demo session (created if missing)",
    )
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str, into: Any = commands) -> Any:
        sub = into.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    def json_flag(sub: Any) -> None:
        sub.add_argument("--json", action="store_true", help="machine-readable output")

    def lang_flag(sub: Any) -> None:
        sub.add_argument("--lang", choices=["id", "en"], default="id", help="text language")

    json_flag(add("demo", cmd_demo, "create a demo session and print its id"))

    frameworks = add("frameworks", None, "framework files").add_subparsers(
        dest="frameworks_command", required=True, metavar="ACTION"
    )
    sub = add("list", cmd_frameworks_list, "list the available frameworks", frameworks)
    json_flag(sub)
    lang_flag(sub)
    sub = add("validate", cmd_frameworks_validate, "check framework files", frameworks)
    sub.add_argument("files", nargs="+", metavar="FILE")

    session = add("session", None, "evaluation sessions").add_subparsers(
        dest="session_command", required=True, metavar="ACTION"
    )
    json_flag(add("list", cmd_session_list, "list the sessions", session))
    sub = add("show", cmd_session_show, "a session's scores, progress and attendance", session)
    sub.add_argument("id")
    json_flag(sub)
    lang_flag(sub)

    def detail_flags(sub: Any, required: bool) -> None:
        sub.add_argument("--region", required=required)
        sub.add_argument("--year", type=int, required=required)
        sub.add_argument("--stage", type=int, choices=[1, 2])
        sub.add_argument(
            "--starts-at",
            type=_datetime,
            metavar="ISO",
            help="date and time with offset, e.g. 2024-10-29T09:00+07:00",
        )
        sub.add_argument("--timezone", help="IANA zone, e.g. Asia/Jakarta")
        sub.add_argument("--venue")
        sub.add_argument("--deadline", type=_date, metavar="DATE", help="evidence deadline")

    sub = add("new", cmd_session_new, "start a session on a framework", session)
    sub.add_argument("--framework", required=True)
    sub.add_argument("--framework-version")
    detail_flags(sub, required=True)
    sub = add("edit", cmd_session_edit, "change a session's details", session)
    sub.add_argument("id")
    detail_flags(sub, required=False)
    sub = add("status", cmd_session_status, "move a session along", session)
    sub.add_argument("id")
    sub.add_argument("status", choices=["draft", "in_progress", "awaiting_signoff"])

    participant = add("participant", None, "attendance").add_subparsers(
        dest="participant_command", required=True, metavar="ACTION"
    )

    def person_flags(sub: Any, required: bool) -> None:
        from evaluator_app.services.participants import ROLES

        sub.add_argument("--name", required=required)
        sub.add_argument("--role", choices=ROLES, required=required)
        sub.add_argument("--nip", help="18 digits; spaces allowed")
        sub.add_argument("--position")
        sub.add_argument("--organisation")
        sub.add_argument("--present", action=argparse.BooleanOptionalAction, default=None)

    sub = add("add", cmd_participant_add, "add someone to the attendance", participant)
    sub.add_argument("id", help="session")
    person_flags(sub, required=True)
    sub = add("edit", cmd_participant_edit, "change someone's details", participant)
    sub.add_argument("participant")
    person_flags(sub, required=False)
    sub = add("remove", cmd_participant_remove, "remove someone", participant)
    sub.add_argument("participant")

    sub = add("assess", cmd_assess, "record an indicator's levels, N/A, status or notes")
    sub.add_argument("id", help="session")
    sub.add_argument("indicator", help="indicator code, e.g. GOV.1.1")
    sub.add_argument("--level", type=int, help="the agreed level")
    sub.add_argument("--clear-level", action="store_true")
    sub.add_argument("--self-level", type=int, help="the level the city claimed")
    sub.add_argument("--na", metavar="REASON", help="not applicable, and why")
    sub.add_argument("--applicable", action="store_true", help="undo N/A")
    sub.add_argument("--status", choices=["not_started", "in_discussion", "done", "deferred"])
    sub.add_argument("--notes")
    sub.add_argument(
        "--rating",
        action="append",
        metavar="PARTICIPANT:LEVEL",
        help="an evaluator's own level (repeatable)",
    )

    clarify = add("clarify", cmd_clarify, "clarifications").add_subparsers(
        dest="clarify_command", required=True, metavar="ACTION"
    )
    sub = clarify.add_parser("ask", help="ask a question about an indicator")
    sub.add_argument("id", help="session")
    sub.add_argument("indicator")
    sub.add_argument("question")
    sub.add_argument("--by", metavar="PARTICIPANT")
    sub = clarify.add_parser("answer", help="record the answer")
    sub.add_argument("clarification")
    sub.add_argument("answer")
    sub.add_argument("--by", metavar="PARTICIPANT")
    sub = clarify.add_parser("reopen", help="the question is open again")
    sub.add_argument("clarification")

    ev = add("evidence", cmd_evidence, "supporting evidence").add_subparsers(
        dest="evidence_command", required=True, metavar="ACTION"
    )
    for name, what, extra in (
        ("file", "attach a file", "path"),
        ("link", "add a web link", "url"),
        ("seen", "a document seen in the room", "title"),
        ("promise", "evidence to be delivered by a date", "title"),
    ):
        sub = ev.add_parser(name, help=what)
        sub.add_argument("id", help="session")
        sub.add_argument("indicator")
        sub.add_argument(extra)
        if extra != "title":
            sub.add_argument("--title")
        if name == "seen":
            sub.add_argument("--note")
        if name == "promise":
            sub.add_argument("--due", type=_date, required=True, metavar="DATE")
    sub = ev.add_parser("pending", help="mark as pending until a date")
    sub.add_argument("evidence")
    sub.add_argument("--due", type=_date, required=True, metavar="DATE")
    for name in ("accept", "reject"):
        sub = ev.add_parser(name, help=f"{name} a piece of evidence")
        sub.add_argument("evidence")
        sub.add_argument("--note")
    sub = ev.add_parser("check", help="check every stored evidence file of a session")
    sub.add_argument("id", help="session")

    fi = add("finding", cmd_finding, "findings for the city's agencies").add_subparsers(
        dest="finding_command", required=True, metavar="ACTION"
    )

    def finding_flags(sub: Any, required: bool) -> None:
        sub.add_argument("--text", required=required)
        sub.add_argument("--recommendation")
        sub.add_argument("--indicator")
        sub.add_argument("--agency", action="append", help="addressed agency (repeatable)")
        sub.add_argument("--priority", choices=["high", "medium", "low"])
        sub.add_argument("--due", type=_date, metavar="DATE")

    sub = fi.add_parser("add", help="leave a finding")
    sub.add_argument("id", help="session")
    finding_flags(sub, required=True)
    sub = fi.add_parser("edit", help="change a finding")
    sub.add_argument("finding")
    finding_flags(sub, required=False)
    sub = fi.add_parser("remove", help="remove a finding")
    sub.add_argument("finding")

    for name in ("undo", "redo"):
        sub = add(name, cmd_undo, f"{name} the last change to a session")
        sub.add_argument("id", help="session")

    sub = add("signoff", cmd_signoff, "sign the session off (freezes it); prints the hash")
    sub.add_argument("id", help="session")
    sub.add_argument("--signer", action="append", required=True, metavar="PARTICIPANT")
    sub = add("reopen", cmd_reopen, "reopen a signed session for an amendment")
    sub.add_argument("id", help="session")
    sub.add_argument("--reason", required=True)

    audit = add("audit", cmd_audit, "the audit trail").add_subparsers(
        dest="audit_command", required=True, metavar="ACTION"
    )
    sub = audit.add_parser("verify", help="prove the hash chain unbroken")
    sub.add_argument("id", help="session")
    json_flag(sub)
    sub = audit.add_parser("log", help="the newest changes first")
    sub.add_argument("id", help="session")
    sub.add_argument("--limit", type=int, default=50)
    json_flag(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level, format="%(levelname)s %(name)s: %(message)s")
    if args.handler is None:
        parser.parse_args([*(argv or sys.argv[1:]), "--help"])
    from evaluator_app.domain.framework import FrameworkError
    from evaluator_app.services.errors import ServiceError
    from evaluator_app.store.database import StoreError

    try:
        code: int = args.handler(args)
    except _UsageError as error:
        parser.error(str(error))
    except (ServiceError, StoreError, FrameworkError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
