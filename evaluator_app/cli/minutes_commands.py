"""Commands for the minutes: export, sign off, verify, and signing identities."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from evaluator_app.cli.commands import UsageError, _context, _print_json
from evaluator_app.i18n import N_, _, format_date, os_reason

# How an identity came to be here, as the listing says it (--json keeps the key).
ORIGINS = {"created": N_("created here"), "imported": N_("imported")}


def _passphrase(args: argparse.Namespace, confirm: bool = False) -> str:
    """From --passphrase-file (its first line), else asked for at the terminal."""
    if args.passphrase_file:
        try:
            text = Path(args.passphrase_file).read_text(encoding="utf-8")
        except OSError as error:
            raise UsageError(
                _("cannot read {path}: {reason}").format(
                    path=args.passphrase_file, reason=os_reason(error)
                )
            ) from None
        return text.splitlines()[0] if text.strip() else ""
    if not sys.stdin.isatty():
        raise UsageError(_("give --passphrase-file, or run it at a terminal to be asked"))
    first = getpass.getpass(_("Passphrase: "))
    if confirm and getpass.getpass(_("Passphrase again: ")) != first:
        raise UsageError(_("the two passphrases differ"))
    return first


def cmd_export(args: argparse.Namespace) -> int:
    from evaluator_app.services import minutes

    ctx = _context(args)
    out = Path(args.pdf)
    if args.with_ratings and args.signed:
        raise UsageError(
            _(
                "--with-ratings is for the draft minutes: the signed minutes show what was "
                "frozen at the first signature (signoff --with-ratings)"
            )
        )
    if args.with_ratings and (args.agency or args.outstanding):
        raise UsageError(_("--with-ratings is for the minutes, not for --agency or --outstanding"))
    if args.signed:
        result = minutes.export_signed(ctx, args.id, out)
        waiting = len(result.waiting_for)
        note = _(", still to sign: {n}").format(n=waiting) if waiting else ""
        print(
            _("{path}: signed minutes, {n} signature(s)").format(path=out, n=len(result.signed))
            + note
        )
        return 0
    if args.agency:
        pages = minutes.export_agency_findings(ctx, args.id, args.agency, out, args.lang)
        what = _("findings for {agency}").format(agency=args.agency)
    elif args.outstanding:
        pages = minutes.export_outstanding(ctx, args.id, out, args.lang)
        what = _("outstanding evidence")
    else:
        # Without the flag the setting decides (None), so the flag only ever adds them.
        show = True if args.with_ratings else None
        pages = minutes.export_draft(ctx, args.id, out, args.lang, show_ratings=show)
        what = _("draft minutes")
    print(_("{path}: {what}, {n} page(s)").format(path=out, what=what, n=pages))
    return 0


def cmd_signoff(args: argparse.Namespace) -> int:
    from evaluator_app.services import minutes

    identity: str | Path
    if args.p12:
        identity = Path(args.p12)
    elif args.identity:
        identity = args.identity
    else:
        raise UsageError(_("give the signer's identity: --p12 FILE or --identity ID"))
    image = None
    if args.signature_image:
        try:
            image = Path(args.signature_image).read_bytes()
        except OSError as error:
            raise UsageError(
                _("cannot read {path}: {reason}").format(
                    path=args.signature_image, reason=os_reason(error)
                )
            ) from None
    result = minutes.sign_minutes(
        _context(args),
        args.id,
        args.signer,
        identity,
        _passphrase(args),
        signature_image=image,
        signers=args.signers,
        language=args.lang,
        show_ratings=True if args.with_ratings else None,
    )
    print(result.snapshot_hash)
    if result.waiting_for:
        print(
            _("still to sign: {n} of {total}").format(
                n=len(result.waiting_for), total=len(result.signers)
            ),
            file=sys.stderr,
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from evaluator_app.services.minutes import verify_minutes

    check = verify_minutes(_context(args), Path(args.file))
    signatures = [
        {
            "field": s.field,
            "signer": s.signer,
            "nip": s.signer_serial,
            "signed_at": s.signed_at.isoformat() if s.signed_at else None,
            "intact": s.intact,
            "later_changes": s.later_changes,
            "trusted": s.trusted,
            "trusted_by": s.trust_root,
            "problems": list(s.problems),
        }
        for s in check.report.signatures
    ]
    if args.json:
        _print_json(
            {
                "file": str(args.file),
                "ok": check.ok,
                "signatures": signatures,
                "unsigned_fields": list(check.report.unsigned_fields),
                "snapshot_sha256": check.snapshot_hash,
                "snapshot_matches": check.snapshot_matches,
                "problems": [*check.report.problems, *check.problems],
            }
        )
        return 0 if check.ok else 1
    for n, s in enumerate(check.report.signatures, start=1):
        state = _("intact") if s.intact else _("BROKEN")
        trust = (
            _("trusted by {root}").format(root=s.trust_root) if s.trusted else _("not trusted here")
        )
        when = s.signed_at.isoformat(timespec="seconds") if s.signed_at else "–"
        print(
            _("signature {n}: {signer} ({field}), {when}: {state}; {trust}").format(
                n=n, signer=s.signer, field=s.field, when=when, state=state, trust=trust
            )
        )
        for problem in s.problems:
            print(f"  {problem}")
    for field in check.report.unsigned_fields:
        print(_("not yet signed: {field}").format(field=field))
    matches = _("matches") if check.snapshot_matches else _("DOES NOT match")
    print(_("snapshot {hash}: {matches}").format(hash=check.snapshot_hash or "–", matches=matches))
    for problem in [*check.report.problems, *check.problems]:
        print(problem, file=sys.stderr)
    print(
        _("verified: every signature intact and the snapshot matches")
        if check.ok
        else _("NOT verified"),
        file=sys.stdout if check.ok else sys.stderr,
    )
    return 0 if check.ok else 1


def cmd_identity(args: argparse.Namespace) -> int:
    from evaluator_app.services import identities

    ctx = _context(args)
    action = args.identity_command
    if action == "list":
        found = identities.list_identities(ctx)
        if args.json:
            _print_json(
                [
                    {
                        "id": i.id,
                        "name": i.name,
                        "nip": i.nip,
                        "issuer": i.issuer,
                        "valid_from": i.valid_from.isoformat(),
                        "valid_to": i.valid_to.isoformat(),
                        "origin": i.origin,
                        "fingerprint": i.fingerprint,
                    }
                    for i in found
                ]
            )
        for i in [] if args.json else found:
            valid = _("valid to {date}").format(date=format_date(i.valid_to.date()))
            print(f"{i.id}  {i.name:<34} {i.nip or '':<18} {valid}  {_(ORIGINS[i.origin])}")
        return 0
    if action == "create":
        info = identities.create_identity(
            ctx, args.name, args.nip, args.organisation or "", _passphrase(args, confirm=True)
        )
    elif action == "import":
        info = identities.import_identity(ctx, Path(args.file), _passphrase(args))
    else:
        identities.export_identity(ctx, args.identity, Path(args.out))
        print(args.out)
        return 0
    print(info.id)
    return 0
