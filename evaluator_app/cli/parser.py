"""The command line's grammar: every command, option and help text in one place."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

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
from evaluator_app.i18n import N_, _

Handler = Callable[[argparse.Namespace], int] | None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date like 2024-10-29").format(text=text)
        ) from None


def _count(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a whole number from 1 to 100000").format(text=text)
        )
    return int(text)


def _datetime(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date and time like 2024-10-29T09:00+07:00").format(text=text)
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(
            _("{text!r} needs a UTC offset, e.g. +07:00").format(text=text)
        )
    return value


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in the user's language: its headings, -h and the error line (its
    own finer messages, such as an invalid choice, stay in English)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", help=_("show this help message and exit")
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        said = _("{prog}: error: {message}").format(prog=self.prog, message=_argparse_said(message))
        self.exit(2, said + "\n")


# argparse's own error sentences (Python 3.11-3.13), recognised and said again in the
# user's language; one not listed here stays in English.
_ARGPARSE_SAID = [
    (r"argument (?P<argument>.+?): (?P<detail>.*)", N_("argument {argument}: {detail}")),
    (
        r"the following arguments are required: (?P<names>.*)",
        N_("the following arguments are required: {names}"),
    ),
    (
        r"one of the arguments (?P<names>.*) is required",
        N_("one of the arguments {names} is required"),
    ),
    (r"unrecognized arguments: (?P<names>.*)", N_("unrecognized arguments: {names}")),
    (
        r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
        N_("ambiguous option: {option} could match {matches}"),
    ),
    (
        r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
        N_("invalid choice: {value} (choose from {choices})"),
    ),
    (r"invalid (?P<kind>\S+) value: (?P<value>.*)", N_("invalid {kind} value: {value}")),
    (r"expected one argument", N_("expected one argument")),
    (r"expected at least one argument", N_("expected at least one argument")),
    (r"expected at most one argument", N_("expected at most one argument")),
    (r"not allowed with argument (?P<other>.*)", N_("not allowed with argument {other}")),
]


def _argparse_said(message: str) -> str:
    for pattern, template in _ARGPARSE_SAID:
        match = re.fullmatch(pattern, message, re.DOTALL)
        if match:
            parts = match.groupdict()
            if "detail" in parts:
                parts["detail"] = _argparse_said(parts["detail"])
            return _(template).format(**parts)
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="evaluator-app",
        description=_(
            "Evaluator: offline maturity-evaluation meetings. Without a command, opens the window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"evaluator-app {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("data folder (default: $EVALUATOR_DATA_DIR or the user data folder)"),
    )
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="NAME",
        help=_("who is acting, for the audit trail (default: $EVALUATOR_USER)"),
    )
    parser.add_argument(
        "--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"]
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("open the window on the demo session (created if missing)"),
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help=_("run every part of the app once in a temporary folder (offscreen) and exit"),
    )
    parser.set_defaults(handler=cmd_gui)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str, into: Any = commands) -> Any:
        sub = into.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    def json_flag(sub: Any) -> None:
        sub.add_argument("--json", action="store_true", help=_("machine-readable output"))

    def lang_flag(sub: Any) -> None:
        sub.add_argument("--lang", choices=["id", "en"], default="id", help=_("text language"))

    sub = add("demo", cmd_demo, _("create a demo session and print its id"))
    json_flag(sub)
    sub.add_argument(
        "--size",
        choices=["normal", "large", "archive"],
        default="normal",
        help=_(
            "large: one session of 150 indicators with 200 MB of "
            "evidence; archive: 500 lighter sessions (100 regions x 5 "
            "years), for benchmarks"
        ),
    )

    frameworks = add("frameworks", None, _("framework files")).add_subparsers(
        dest="frameworks_command", required=True, metavar="ACTION"
    )
    sub = add("list", cmd_frameworks_list, _("list the available frameworks"), frameworks)
    json_flag(sub)
    lang_flag(sub)
    sub = add("validate", cmd_frameworks_validate, _("check framework files"), frameworks)
    sub.add_argument("files", nargs="+", metavar="FILE")
    from evaluator_app.cli.framework_commands import cmd_frameworks_export, cmd_frameworks_import

    sub = add(
        "import",
        cmd_frameworks_import,
        _(
            "check a framework spreadsheet (.xlsx) or YAML file whole and"
            " install it in the data folder (a version mapping .yaml "
            "too); every problem is listed by cell"
        ),
        frameworks,
    )
    sub.add_argument("file", metavar="FILE.xlsx")
    sub.add_argument(
        "--out", metavar="FILE.yaml", help=_("only write the framework as YAML; install nothing")
    )
    sub = add(
        "export",
        cmd_frameworks_export,
        _("write a framework as a spreadsheet that imports back unchanged"),
        frameworks,
    )
    sub.add_argument("id", help=_("framework id, e.g. gmsc-2024-illustrative"))
    sub.add_argument("out", metavar="OUT.xlsx")
    sub.add_argument("--framework-version", help=_("this version (default: the newest)"))

    session = add("session", None, _("evaluation sessions")).add_subparsers(
        dest="session_command", required=True, metavar="ACTION"
    )
    json_flag(add("list", cmd_session_list, _("list the sessions"), session))
    sub = add("show", cmd_session_show, _("a session's scores, progress and attendance"), session)
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
            help=_("date and time with offset, e.g. 2024-10-29T09:00+07:00"),
        )
        sub.add_argument("--timezone", help=_("IANA zone, e.g. Asia/Jakarta"))
        sub.add_argument("--venue")
        sub.add_argument("--deadline", type=_date, metavar="DATE", help=_("evidence deadline"))
        sub.add_argument("--document-number", help=_("the minutes' number, e.g. 001/BA/2024"))

    sub = add("new", cmd_session_new, _("start a session on a framework"), session)
    sub.add_argument("--framework", required=True)
    sub.add_argument("--framework-version")
    detail_flags(sub, required=True)
    sub = add("edit", cmd_session_edit, _("change a session's details"), session)
    sub.add_argument("id")
    detail_flags(sub, required=False)
    sub = add("status", cmd_session_status, _("move a session along"), session)
    sub.add_argument("id")
    sub.add_argument("status", choices=["draft", "in_progress", "awaiting_signoff"])

    participant = add("participant", None, _("attendance")).add_subparsers(
        dest="participant_command", required=True, metavar="ACTION"
    )

    def person_flags(sub: Any, required: bool) -> None:
        from evaluator_app.services.participants import ROLES

        sub.add_argument("--name", required=required)
        sub.add_argument("--role", choices=ROLES, required=required)
        sub.add_argument("--nip", help=_("18 digits; spaces allowed"))
        sub.add_argument("--position")
        sub.add_argument("--organisation")
        sub.add_argument("--rank", help=_("pangkat/golongan, shown under the signature"))
        sub.add_argument("--present", action=argparse.BooleanOptionalAction, default=None)

    sub = add("add", cmd_participant_add, _("add someone to the attendance"), participant)
    sub.add_argument("id", help=_("session"))
    person_flags(sub, required=True)
    sub = add("edit", cmd_participant_edit, _("change someone's details"), participant)
    sub.add_argument("participant")
    person_flags(sub, required=False)
    sub = add("remove", cmd_participant_remove, _("remove someone"), participant)
    sub.add_argument("participant")

    sub = add("assign", cmd_assign, _("give a dimension to an evaluator, or take it back"))
    sub.add_argument("id", help=_("session"))
    sub.add_argument("dimension", help=_("dimension code, e.g. GOV"))
    sub.add_argument(
        "participant", nargs="?", help=_("the evaluator or lead evaluator who holds it")
    )
    sub.add_argument("--none", action="store_true", help=_("nobody holds it any more"))

    sub = add("assess", cmd_assess, _("record an indicator's levels, N/A, status or notes"))
    sub.add_argument("id", help=_("session"))
    sub.add_argument("indicator", help=_("indicator code, e.g. GOV.1.1"))
    sub.add_argument("--level", type=int, help=_("the agreed level"))
    sub.add_argument("--clear-level", action="store_true")
    sub.add_argument("--self-level", type=int, help=_("the level the city claimed"))
    sub.add_argument("--na", metavar="REASON", help=_("not applicable, and why"))
    sub.add_argument("--applicable", action="store_true", help=_("undo N/A"))
    sub.add_argument("--status", choices=["not_started", "in_discussion", "done", "deferred"])
    sub.add_argument("--notes")
    sub.add_argument("--rationale", help=_("why the agreed level (kept in the audit trail)"))
    sub.add_argument(
        "--rating",
        action="append",
        metavar="PARTICIPANT:LEVEL",
        help=_("an evaluator's own level (repeatable)"),
    )

    clarify = add("clarify", cmd_clarify, _("clarifications")).add_subparsers(
        dest="clarify_command", required=True, metavar="ACTION"
    )
    sub = clarify.add_parser("ask", help=_("ask a question about an indicator"))
    sub.add_argument("id", help=_("session"))
    sub.add_argument("indicator")
    sub.add_argument("question")
    sub.add_argument("--by", metavar="PARTICIPANT")
    sub = clarify.add_parser("answer", help=_("record the answer"))
    sub.add_argument("clarification")
    sub.add_argument("answer")
    sub.add_argument("--by", metavar="PARTICIPANT")
    sub = clarify.add_parser("reopen", help=_("the question is open again"))
    sub.add_argument("clarification")

    ev = add("evidence", cmd_evidence, _("supporting evidence")).add_subparsers(
        dest="evidence_command", required=True, metavar="ACTION"
    )
    for name, what, extra in (
        ("file", _("attach a file"), "path"),
        ("link", _("add a web link"), "url"),
        ("seen", _("a document seen in the room"), "title"),
        ("promise", _("evidence to be delivered by a date"), "title"),
    ):
        sub = ev.add_parser(name, help=what)
        sub.add_argument("id", help=_("session"))
        sub.add_argument("indicator")
        sub.add_argument(extra)
        if extra != "title":
            sub.add_argument("--title")
        if name == "seen":
            sub.add_argument("--note")
        if name == "promise":
            sub.add_argument("--due", type=_date, required=True, metavar="DATE")
    sub = ev.add_parser("pending", help=_("mark as pending until a date"))
    sub.add_argument("evidence")
    sub.add_argument("--due", type=_date, required=True, metavar="DATE")
    for name, text in (
        ("accept", _("accept a piece of evidence")),
        ("reject", _("reject a piece of evidence")),
    ):
        sub = ev.add_parser(name, help=text)
        sub.add_argument("evidence")
        sub.add_argument("--note")
    sub = ev.add_parser("check", help=_("check every stored evidence file of a session"))
    sub.add_argument("id", help=_("session"))

    fi = add("finding", cmd_finding, _("findings for the city's agencies")).add_subparsers(
        dest="finding_command", required=True, metavar="ACTION"
    )

    def finding_flags(sub: Any, required: bool) -> None:
        sub.add_argument("--text", required=required)
        sub.add_argument("--recommendation")
        sub.add_argument("--indicator")
        sub.add_argument("--agency", action="append", help=_("addressed agency (repeatable)"))
        sub.add_argument("--priority", choices=["high", "medium", "low"])
        sub.add_argument("--due", type=_date, metavar="DATE")

    sub = fi.add_parser("add", help=_("leave a finding"))
    sub.add_argument("id", help=_("session"))
    finding_flags(sub, required=True)
    sub = fi.add_parser("edit", help=_("change a finding"))
    sub.add_argument("finding")
    finding_flags(sub, required=False)
    sub = fi.add_parser("remove", help=_("remove a finding"))
    sub.add_argument("finding")

    for name, about in (
        ("undo", _("undo the last change to a session")),
        ("redo", _("redo the last change undone in a session")),
    ):
        sub = add(name, cmd_undo, about)
        sub.add_argument("id", help=_("session"))

    sub = add("export", cmd_export, _("minutes as PDF: a draft, the signed file, or extracts"))
    sub.add_argument("id", help=_("session"))
    sub.add_argument("--pdf", required=True, metavar="OUT.pdf")
    what = sub.add_mutually_exclusive_group()
    what.add_argument("--signed", action="store_true", help=_("the signed minutes"))
    what.add_argument("--agency", metavar="NAME", help=_("the findings for one agency"))
    what.add_argument("--outstanding", action="store_true", help=_("evidence still to deliver"))
    sub.add_argument(
        "--with-ratings",
        action="store_true",
        help=_(
            "list each evaluator's rating per indicator in the draft "
            "minutes (else as the setting minutes_show_ratings says)"
        ),
    )
    lang_flag(sub)

    from evaluator_app.cli.results_commands import cmd_results

    sub = add("results", cmd_results, _("results for the programme office: XLSX or CSV"))
    sub.add_argument("id", help=_("session"))
    out = sub.add_mutually_exclusive_group(required=True)
    out.add_argument("--xlsx", metavar="OUT.xlsx", help=_("indicators, scores and an About sheet"))
    out.add_argument("--csv", metavar="OUT.csv", help=_("the indicator rows (UTF-8 with BOM)"))
    json_flag(sub)

    from evaluator_app.cli.search_commands import cmd_search

    sub = add(
        "search",
        cmd_search,
        _(
            "where words were written: notes, rationales, clarifications and findings of"
            " every session, best matches first"
        ),
    )
    sub.add_argument("words", nargs="+", metavar="WORD")
    sub.add_argument("--limit", type=int, default=50, help=_("at most this many hits"))
    json_flag(sub)

    def passphrase_flag(sub: Any) -> None:
        sub.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help=_("its first line is the passphrase (else you are asked)"),
        )

    sub = add(
        "config",
        cmd_config,
        _(
            "show or change a shared setting, e.g. "
            "document_number_pattern ({seq:03d}, {region}, {month}, "
            "{year})"
        ),
    )
    sub.add_argument("key")
    sub.add_argument("value", nargs="?", help=_("the new value (omit to show the current one)"))

    bundle = add("bundle", cmd_bundle, _("session bundles between laptops")).add_subparsers(
        dest="bundle_command", required=True, metavar="ACTION"
    )
    sub = bundle.add_parser("export", help=_("write a session, or part of it, to a .evpkg file"))
    sub.add_argument("id", help=_("session"))
    sub.add_argument("out", metavar="OUT.evpkg")
    sub.add_argument("--dimensions", nargs="+", metavar="CODE", help=_("only these, e.g. GOV ENV"))
    sub.add_argument(
        "--evaluator",
        metavar="PARTICIPANT",
        help=_(
            "only their work: the dimensions assigned to them and the "
            "indicators they rated or asked about"
        ),
    )
    sub.add_argument("--encrypt", action="store_true", help=_("protect it with a passphrase"))
    passphrase_flag(sub)
    json_flag(sub)
    sub = bundle.add_parser(
        "import", help=_("add a session from a .evpkg file, or merge it into ours (checked first)")
    )
    sub.add_argument("file", metavar="FILE.evpkg")
    sub.add_argument(
        "--preview", action="store_true", help=_("only say what the import would do; write nothing")
    )
    sub.add_argument(
        "--conflicts",
        choices=("ours", "theirs"),
        help=_("settle every conflict this way (without it, a merge with conflicts lists them)"),
    )
    passphrase_flag(sub)
    json_flag(sub)

    sub = add(
        "signoff",
        cmd_signoff,
        _("sign the minutes (the first signature freezes the session); prints the snapshot hash"),
    )
    sub.add_argument("id", help=_("session"))
    sub.add_argument("--signer", required=True, metavar="PARTICIPANT")
    key = sub.add_mutually_exclusive_group()
    key.add_argument("--p12", metavar="FILE", help=_("the signer's PKCS#12 identity"))
    key.add_argument("--identity", metavar="ID", help=_("an identity kept in the data folder"))
    passphrase_flag(sub)
    sub.add_argument("--signature-image", metavar="PNG", help=_("the drawn signature"))
    sub.add_argument(
        "--signers",
        nargs="+",
        metavar="PARTICIPANT",
        help=_(
            "who signs these minutes (first signature only; default: the "
            "lead evaluator and the region's signer)"
        ),
    )
    sub.add_argument(
        "--with-ratings",
        action="store_true",
        help=_(
            "the minutes list each evaluator's rating per indicator "
            "(first signature only; default: the setting "
            "minutes_show_ratings)"
        ),
    )
    lang_flag(sub)

    sub = add("verify", cmd_verify, _("check a signed minutes PDF: signatures and snapshot"))
    sub.add_argument("file", metavar="FILE.pdf")
    json_flag(sub)

    ident = add("identity", cmd_identity, _("signing identities (PKCS#12)")).add_subparsers(
        dest="identity_command", required=True, metavar="ACTION"
    )
    json_flag(ident.add_parser("list", help=_("the identities in the data folder")))
    sub = ident.add_parser("create", help=_("issue an identity for a person"))
    sub.add_argument("--name", required=True)
    sub.add_argument("--nip")
    sub.add_argument("--organisation")
    passphrase_flag(sub)
    sub = ident.add_parser("import", help=_("bring in a PKCS#12 file (.p12, .pfx)"))
    sub.add_argument("file")
    passphrase_flag(sub)
    sub = ident.add_parser("export", help=_("write an identity's PKCS#12 file"))
    sub.add_argument("identity", metavar="ID")
    sub.add_argument("out", metavar="OUT.p12")
    sub = add("reopen", cmd_reopen, _("reopen a signed session for an amendment"))
    sub.add_argument("id", help=_("session"))
    sub.add_argument("--reason", required=True)

    audit = add("audit", cmd_audit, _("the audit trail")).add_subparsers(
        dest="audit_command", required=True, metavar="ACTION"
    )
    sub = audit.add_parser("verify", help=_("prove the hash chain unbroken"))
    sub.add_argument("id", help=_("session"))
    json_flag(sub)
    sub = audit.add_parser("log", help=_("the newest changes first"))
    sub.add_argument("id", help=_("session"))
    sub.add_argument("--limit", type=_count, default=50, help=_("how many (1–100000)"))
    json_flag(sub)
    sub = add("backup", cmd_backup, _("copy the database (safe while the window is open)"))
    sub.add_argument(
        "--out",
        metavar="FILE",
        help=_("where to write it (default: a dated file in <data>/backups)"),
    )
    sub = add(
        "restore",
        cmd_restore,
        _(
            "replace the database with a backup; close the window first "
            "(the current database is kept in <data>/backups)"
        ),
    )
    sub.add_argument("file", metavar="FILE", help=_("a backup made by 'backup' or automatically"))
    return parser
