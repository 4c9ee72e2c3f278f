"""What each command does: read the arguments, call a service, print the outcome."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from evaluator_app.i18n import N_, _, format_number, ngettext

# Session statuses and participant roles as people read them (the keys stay in --json).
_SHOWN = {
    "draft": N_("draft"),
    "in_progress": N_("in progress"),
    "awaiting_signoff": N_("awaiting sign-off"),
    "signed": N_("signed"),
    "amended": N_("amended"),
}


def shown(key: str) -> str:
    """A status or role key in words of the current language; unknown keys as they are."""
    from evaluator_app.services.participants import role_name

    return _(_SHOWN[key]) if key in _SHOWN else role_name(key)


class UsageError(Exception):
    """The arguments make no sense together (exit code 2)."""


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _context(args: argparse.Namespace) -> Any:
    from evaluator_app.services.operation import open_context

    return open_context(args.data_dir, args.actor)


def _no_display() -> bool:
    # Without a display Qt aborts the process with a terse message; say it plainly.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args: argparse.Namespace) -> int:
    if _no_display():
        print(
            _("error: {message}").format(
                message=_(
                    "no display to open the window on (DISPLAY is not set); run it on a "
                    "desktop, or use the subcommands (evaluator-app --help)"
                )
            ),
            file=sys.stderr,
        )
        return 1
    from evaluator_app.collector import pause_for_start, resume_after_start

    pause_for_start()  # until the window shows (ui.app.start_gui)
    try:
        return _start_gui(args)
    finally:
        resume_after_start()


def _start_gui(args: argparse.Namespace) -> int:
    from evaluator_app.ui.first_run import maybe_run_first_run

    if not maybe_run_first_run(args.data_dir):
        return 0  # the first-run window was closed: the user chose not to start
    ctx = _context(args)
    session_id = None
    if args.demo:
        from evaluator_app.services.demo import ensure_demo

        session_id = ensure_demo(ctx)
    from evaluator_app.ui.app import run_gui

    return run_gui(ctx, session_id)


def cmd_demo(args: argparse.Namespace) -> int:
    from evaluator_app.services import demo_large
    from evaluator_app.services.demo import create_demo

    ctx = _context(args)
    size = getattr(args, "size", "normal")
    if size == "archive":
        ids = demo_large.create_archive(ctx)
        if args.json:
            _print_json({"ids": ids})
        else:
            print(ngettext("{n} session", "{n} sessions", len(ids)).format(n=len(ids)))
        return 0
    session_id = demo_large.create_large(ctx) if size == "large" else create_demo(ctx)
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
            mark = _(" (illustrative)") if row["illustrative"] else ""
            n = int(str(row["indicators"]))
            count = ngettext("{n:>4} indicator", "{n:>4} indicators", n)
            print(
                f"{row['id']:<28} {row['version']:<10} {count.format(n=row['indicators'])}  "
                f"{row['title']}{mark}"
            )
    for error in found.broken:
        print(
            _("warning: left out a framework file that does not validate:\n{error}").format(
                error=error
            ),
            file=sys.stderr,
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
            problems = ngettext("{n} problem", "{n} problems", count).format(n=count)
            print(f"{path}: {problems}", file=sys.stderr)
            print(error, file=sys.stderr)
        else:
            count = sum(1 for _indicator in framework.indicators())
            print(
                ngettext(
                    "{path}: valid ({framework} {version}, {n} indicator, content hash {hash})",
                    "{path}: valid ({framework} {version}, {n} indicators, content hash {hash})",
                    count,
                ).format(
                    path=path,
                    framework=framework.id,
                    version=framework.version,
                    n=count,
                    hash=framework.content_hash[:12],
                )
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
        print(_("no sessions yet: try `evaluator-app demo`"))
    for r in rows:
        stage = _("stage {stage}").format(stage=f"{'I' * r.stage:<2}")
        print(
            f"{r.id[:8]}  {r.region:<32} {r.year}  {stage}  "
            f"{r.done:>3}/{r.total:<3} {shown(r.status)}"
        )
    return 0


def cmd_session_show(args: argparse.Namespace) -> int:
    from evaluator_app.domain.scoring import for_display
    from evaluator_app.services.assignments import assignments
    from evaluator_app.services.sessions import session_overview

    ctx = _context(args)
    overview = session_overview(ctx, args.id, args.lang)
    held = assignments(ctx, overview.id)
    data = overview.to_json(args.lang) | {
        "assignments": [
            {"dimension": a.dimension_code, "participant_id": a.participant_id, "name": a.name}
            for a in held.values()
        ]
    }
    if args.json:
        _print_json(data)
        return 0
    index = overview.scores.index
    print(
        _("{region} — {year}, stage {stage} ({status})").format(
            region=data["region"],
            year=data["year"],
            stage="I" * overview.stage,
            status=shown(str(data["status"])),
        )
    )

    def label(text: str) -> str:  # the values line up whatever the language's word lengths
        return f"{text:<11}"

    print(
        label(_("framework")) + f"{overview.framework.id} {overview.framework.version}",
    )
    print(label(_("session")) + overview.id)
    index_text = format_number(for_display(index)) if index is not None else "–"
    predicate = f"  {data['predicate']}" if data["predicate"] else ""
    print(label(_("index")) + index_text + predicate)
    print(
        label(_("progress"))
        + _("{done}/{total} indicators settled").format(done=overview.done, total=overview.total)
    )
    for d in overview.dimensions:
        score = format_number(for_display(d.score)) if d.score is not None else "–"
        print(f"  {d.code:<8} {score:>5}  {d.done:>3}/{d.indicators:<3} {d.title}")
    print(_("participants"))
    for p in overview.participants:
        print(f"  {p.id[:8]}  {p.name:<34} {shown(p.role)}")
    if held:
        print(_("assignments"))
        for a in held.values():
            print(f"  {a.dimension_code:<8} {a.participant_id[:8]}  {a.name}")
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
        document_number=args.document_number,
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
        rank=args.rank,
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


def cmd_assign(args: argparse.Namespace) -> int:
    from evaluator_app.services.assignments import assign_dimension

    if args.none and args.participant is not None:
        raise UsageError(_("give the evaluator or --none, not both"))
    if not args.none and args.participant is None:
        raise UsageError(_("name the evaluator who holds the dimension, or give --none"))
    assign_dimension(_context(args), args.id, args.dimension, args.participant)
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
    if args.rationale is not None:
        steps.append(lambda: a.set_rationale(ctx, args.id, args.indicator, args.rationale))
    for rating in args.rating or []:
        participant, _colon, level = rating.rpartition(":")
        if not participant or not re.fullmatch(r"[0-9]{1,3}", level):
            raise UsageError(
                _("--rating takes PARTICIPANT:LEVEL, not {rating!r}").format(rating=rating)
            )
        steps.append(partial(a.set_rating, ctx, args.id, args.indicator, participant, int(level)))
    clashes = [
        ("--level", args.level is not None, "--clear-level", args.clear_level),
        ("--level", args.level is not None, "--na", args.na is not None),
        ("--na", args.na is not None, "--applicable", args.applicable),
    ]
    for first, given_first, second, given_second in clashes:
        if given_first and given_second:
            raise UsageError(
                _("{first} and {second} contradict each other; give one").format(
                    first=first, second=second
                )
            )
    if not steps:
        raise UsageError(
            _("say what to record: --level, --self-level, --na, --status, --notes, --rationale, …")
        )
    from evaluator_app.services.operation import operation

    with operation(ctx, "assess"):  # all of it, or none of it
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
            print(_("every evidence file is present and intact"))
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
    done = step(_context(args), args.id)
    print(
        (_("undo: {action}") if args.command == "undo" else _("redo: {action}")).format(action=done)
    )
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
            print(
                ngettext(
                    "audit chain intact: {n} event", "audit chain intact: {n} events", report.events
                ).format(n=report.events)
            )
        else:
            print(
                _("audit chain broken at event {seq} (id {event_id}): {problem}").format(
                    seq=report.broken_at, event_id=report.event_id, problem=report.problem
                ),
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


def cmd_config(args: argparse.Namespace) -> int:
    from evaluator_app.services import config
    from evaluator_app.store.location import data_dir

    folder = data_dir(args.data_dir)
    option = config.OPTIONS.get(args.key)
    if option is None:
        raise UsageError(
            _("unknown setting {key!r}; one of: {keys}").format(
                key=args.key, keys=", ".join(config.OPTIONS)
            )
        )
    if args.value is not None:
        config.write_option(folder, option, args.value)
    print(config.read_option(folder, option))
    return 0
