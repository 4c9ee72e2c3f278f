"""The command line's grammar: every command, option and help text in one place."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import Any

from evaluator_app import __version__
from evaluator_app.cli.backup_commands import cmd_backup, cmd_restore
from evaluator_app.cli.bundle_commands import cmd_bundle
from evaluator_app.cli.commands import (
    cmd_assess,
    cmd_assign,
    cmd_audit,
    cmd_clarify,
    cmd_config,
    cmd_demo,
    cmd_evidence,
    cmd_finding,
    cmd_frameworks_list,
    cmd_frameworks_validate,
    cmd_gui,
    cmd_participant_add,
    cmd_participant_edit,
    cmd_participant_remove,
    cmd_reopen,
    cmd_session_edit,
    cmd_session_list,
    cmd_session_new,
    cmd_session_show,
    cmd_session_status,
    cmd_undo,
)
from evaluator_app.cli.minutes_commands import (
    cmd_export,
    cmd_identity,
    cmd_signoff,
    cmd_verify,
)

Handler = Callable[[argparse.Namespace], int] | None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-10-29") from None


def _count(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to 100000")
    return int(text)


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
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="run every part of the app once in a temporary folder (offscreen) and exit",
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

    sub = add("demo", cmd_demo, "create a demo session and print its id")
    json_flag(sub)
    sub.add_argument(
        "--size",
        choices=["normal", "large", "archive"],
        default="normal",
        help="large: one session of 150 indicators with 200 MB of evidence; "
        "archive: 500 lighter sessions (100 regions x 5 years), for benchmarks",
    )

    frameworks = add("frameworks", None, "framework files").add_subparsers(
        dest="frameworks_command", required=True, metavar="ACTION"
    )
    sub = add("list", cmd_frameworks_list, "list the available frameworks", frameworks)
    json_flag(sub)
    lang_flag(sub)
    sub = add("validate", cmd_frameworks_validate, "check framework files", frameworks)
    sub.add_argument("files", nargs="+", metavar="FILE")
    from evaluator_app.cli.framework_commands import cmd_frameworks_export, cmd_frameworks_import

    sub = add(
        "import",
        cmd_frameworks_import,
        "check a framework spreadsheet (.xlsx) or YAML file whole and install it in the "
        "data folder (a version mapping .yaml too); every problem is listed by cell",
        frameworks,
    )
    sub.add_argument("file", metavar="FILE.xlsx")
    sub.add_argument(
        "--out", metavar="FILE.yaml", help="only write the framework as YAML; install nothing"
    )
    sub = add(
        "export",
        cmd_frameworks_export,
        "write a framework as a spreadsheet that imports back unchanged",
        frameworks,
    )
    sub.add_argument("id", help="framework id, e.g. gmsc-2024-illustrative")
    sub.add_argument("out", metavar="OUT.xlsx")
    sub.add_argument("--framework-version", help="this version (default: the newest)")

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
        sub.add_argument("--document-number", help="the minutes' number, e.g. 001/BA/2024")

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
        sub.add_argument("--rank", help="pangkat/golongan, shown under the signature")
        sub.add_argument("--present", action=argparse.BooleanOptionalAction, default=None)

    sub = add("add", cmd_participant_add, "add someone to the attendance", participant)
    sub.add_argument("id", help="session")
    person_flags(sub, required=True)
    sub = add("edit", cmd_participant_edit, "change someone's details", participant)
    sub.add_argument("participant")
    person_flags(sub, required=False)
    sub = add("remove", cmd_participant_remove, "remove someone", participant)
    sub.add_argument("participant")

    sub = add("assign", cmd_assign, "give a dimension to an evaluator, or take it back")
    sub.add_argument("id", help="session")
    sub.add_argument("dimension", help="dimension code, e.g. GOV")
    sub.add_argument("participant", nargs="?", help="the evaluator or lead evaluator who holds it")
    sub.add_argument("--none", action="store_true", help="nobody holds it any more")

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
    sub.add_argument("--rationale", help="why the agreed level (kept in the audit trail)")
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

    sub = add("export", cmd_export, "minutes as PDF: a draft, the signed file, or extracts")
    sub.add_argument("id", help="session")
    sub.add_argument("--pdf", required=True, metavar="OUT.pdf")
    what = sub.add_mutually_exclusive_group()
    what.add_argument("--signed", action="store_true", help="the signed minutes")
    what.add_argument("--agency", metavar="NAME", help="the findings for one agency")
    what.add_argument("--outstanding", action="store_true", help="evidence still to deliver")
    sub.add_argument(
        "--with-ratings",
        action="store_true",
        help="list each evaluator's rating per indicator in the draft minutes "
        "(else as the setting minutes_show_ratings says)",
    )
    lang_flag(sub)

    from evaluator_app.cli.results_commands import cmd_results

    sub = add("results", cmd_results, "results for the programme office: XLSX or CSV")
    sub.add_argument("id", help="session")
    out = sub.add_mutually_exclusive_group(required=True)
    out.add_argument("--xlsx", metavar="OUT.xlsx", help="indicators, scores and an About sheet")
    out.add_argument("--csv", metavar="OUT.csv", help="the indicator rows (UTF-8 with BOM)")
    json_flag(sub)

    def passphrase_flag(sub: Any) -> None:
        sub.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help="its first line is the passphrase (else you are asked)",
        )

    sub = add(
        "config",
        cmd_config,
        "show or change a shared setting, e.g. "
        "document_number_pattern ({seq:03d}, {region}, {month}, {year})",
    )
    sub.add_argument("key")
    sub.add_argument("value", nargs="?", help="the new value (omit to show the current one)")

    bundle = add("bundle", cmd_bundle, "session bundles between laptops").add_subparsers(
        dest="bundle_command", required=True, metavar="ACTION"
    )
    sub = bundle.add_parser("export", help="write a session, or part of it, to a .evpkg file")
    sub.add_argument("id", help="session")
    sub.add_argument("out", metavar="OUT.evpkg")
    sub.add_argument("--dimensions", nargs="+", metavar="CODE", help="only these, e.g. GOV ENV")
    sub.add_argument(
        "--evaluator",
        metavar="PARTICIPANT",
        help="only their work: the dimensions assigned to them and the indicators "
        "they rated or asked about",
    )
    sub.add_argument("--encrypt", action="store_true", help="protect it with a passphrase")
    passphrase_flag(sub)
    json_flag(sub)
    sub = bundle.add_parser(
        "import", help="add a session from a .evpkg file, or merge it into ours (checked first)"
    )
    sub.add_argument("file", metavar="FILE.evpkg")
    sub.add_argument(
        "--preview", action="store_true", help="only say what the import would do; write nothing"
    )
    sub.add_argument(
        "--conflicts",
        choices=("ours", "theirs"),
        help="settle every conflict this way (without it, a merge with conflicts lists them)",
    )
    passphrase_flag(sub)
    json_flag(sub)

    sub = add(
        "signoff",
        cmd_signoff,
        "sign the minutes (the first signature freezes the session); prints the snapshot hash",
    )
    sub.add_argument("id", help="session")
    sub.add_argument("--signer", required=True, metavar="PARTICIPANT")
    key = sub.add_mutually_exclusive_group()
    key.add_argument("--p12", metavar="FILE", help="the signer's PKCS#12 identity")
    key.add_argument("--identity", metavar="ID", help="an identity kept in the data folder")
    passphrase_flag(sub)
    sub.add_argument("--signature-image", metavar="PNG", help="the drawn signature")
    sub.add_argument(
        "--signers",
        nargs="+",
        metavar="PARTICIPANT",
        help="who signs these minutes (first signature only; default: the "
        "lead evaluator and the region's signer)",
    )
    sub.add_argument(
        "--with-ratings",
        action="store_true",
        help="the minutes list each evaluator's rating per indicator (first signature "
        "only; default: the setting minutes_show_ratings)",
    )
    lang_flag(sub)

    sub = add("verify", cmd_verify, "check a signed minutes PDF: signatures and snapshot")
    sub.add_argument("file", metavar="FILE.pdf")
    json_flag(sub)

    ident = add("identity", cmd_identity, "signing identities (PKCS#12)").add_subparsers(
        dest="identity_command", required=True, metavar="ACTION"
    )
    json_flag(ident.add_parser("list", help="the identities in the data folder"))
    sub = ident.add_parser("create", help="issue an identity for a person")
    sub.add_argument("--name", required=True)
    sub.add_argument("--nip")
    sub.add_argument("--organisation")
    passphrase_flag(sub)
    sub = ident.add_parser("import", help="bring in a PKCS#12 file (.p12, .pfx)")
    sub.add_argument("file")
    passphrase_flag(sub)
    sub = ident.add_parser("export", help="write an identity's PKCS#12 file")
    sub.add_argument("identity", metavar="ID")
    sub.add_argument("out", metavar="OUT.p12")
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
    sub.add_argument("--limit", type=_count, default=50, help="how many (1–100000)")
    json_flag(sub)
    sub = add("backup", cmd_backup, "copy the database (safe while the window is open)")
    sub.add_argument(
        "--out", metavar="FILE", help="where to write it (default: a dated file in <data>/backups)"
    )
    sub = add(
        "restore",
        cmd_restore,
        "replace the database with a backup; close the window first "
        "(the current database is kept in <data>/backups)",
    )
    sub.add_argument("file", metavar="FILE", help="a backup made by 'backup' or automatically")
    return parser
