"""`shareguard`: a thin click layer over the scanner library. No logic lives here."""
from __future__ import annotations

import functools
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

import scanner  # noqa: F401  (offline guard first)
import cli_bulk
import cli_watch
from cli_review import Recorder, audit_group, review_group
from scanner.config import load_config
from scanner.errors import ShareGuardError
from scanner.register import (
    KINDS, Consent, Register, RegisterError, RegisterFileError, consent_status, export_csv, import_csv, parse_date,
)
from scanner.register.model import AGREEMENT_KINDS, ROLES
from scanner.report import combined_exit_code, exit_code, to_json_line, to_text
from scanner.types import CONSENT_NOT_SOUGHT, ShareRequest

if TYPE_CHECKING:
    from scanner.pipeline import Scanner


def request_options(fn):  # noqa: ANN001, ANN201
    @click.option("--to", "recipient", metavar="RECIPIENT", help="Who the documents are going to (recipient id).")
    @click.option("--purpose", metavar="PURPOSE", help="Why they are being shared (purpose id).")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        return fn(*args, **kwargs)

    return wrapper


@click.group()
@click.option("--config", "config_dir", type=click.Path(file_okay=False), envvar="SHAREGUARD_CONFIG",
              help="Config directory (default: the project's config/).")
@click.option("--register", "register_path", type=click.Path(dir_okay=False), envvar="SHAREGUARD_REGISTER",
              help="The register file (default: register.path in config, var/register.sqlite3).")
@click.option("--audit", "audit_path", type=click.Path(dir_okay=False), envvar="SHAREGUARD_AUDIT",
              help="The audit trail (default: audit.path in config, var/audit.sqlite3).")
@click.option("--review-db", "review_path", type=click.Path(dir_okay=False), envvar="SHAREGUARD_REVIEW",
              help="The review queue (default: review.path in config, var/review.sqlite3).")
@click.pass_context
def cli(ctx: click.Context, config_dir: str | None, register_path: str | None, audit_path: str | None,
        review_path: str | None) -> None:
    """ShareGuard: nothing about a child or family leaves without a lawful, recorded reason."""
    ctx.ensure_object(dict)
    ctx.obj.setdefault("config_dir", config_dir)
    ctx.obj.setdefault("register", register_path)
    ctx.obj.setdefault("audit", audit_path)
    ctx.obj.setdefault("review_db", review_path)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@request_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document (JSON Lines) on stdout.")
@click.option("--no-consent-reason", type=click.Choice(sorted(CONSENT_NOT_SOUGHT)),
              help="Sharing for safeguarding without consent: why consent was not sought (recorded).")
@click.option("--redact-to", "redact_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Write a verified redacted copy of each document whose decision is redact into DIR "
                   "(a copy that cannot be verified is not written, and the document is blocked).")
@click.pass_context
def check(ctx: click.Context, files: tuple[str, ...], recipient: str | None, purpose: str | None, as_json: bool,
          no_consent_reason: str | None, redact_dir: str | None) -> None:
    """Scan FILES (or folders) before sending them, and say whether they may go."""
    engine = ctx.obj.get("engine") or _load_engine(ctx.obj["config_dir"], ctx.obj.get("register"))
    request = ShareRequest(recipient=recipient, purpose=purpose, sender=None, channel="check",
                           consent_not_sought=no_consent_reason)
    codes = []
    record = Recorder(engine.config, ctx.obj)  # every decision goes into the audit trail (and review queue)
    try:
        for outcome in engine.check_many(_expand(files), request):
            redaction = None
            if redact_dir:
                from scanner.redact import redact_to  # loads the writers only when asked

                outcome, redaction = redact_to(outcome, redact_dir, engine.config, engine.detection)
            record(outcome, redacted_copy=Path(redaction.path) if redaction is not None and redaction.path else None)
            codes.append(exit_code(outcome))
            copy = f"\n  {redaction.summary()}" if redaction is not None and redaction.verified else ""
            click.echo(to_json_line(outcome) if as_json else to_text(outcome, click.style) + copy + "\n")
    finally:
        record.close()
        if "engine" not in ctx.obj:
            engine.close()
    ctx.exit(combined_exit_code(codes))


def _load_engine(config_dir: str | None, register: str | None) -> "Scanner":
    from scanner.pipeline import Scanner  # the model and detectors load only for commands that scan

    try:
        return Scanner(load_config(config_dir), register=register)
    except ShareGuardError as exc:
        raise click.ClickException(str(exc)) from None


def _expand(files: tuple[str, ...]) -> list[str]:
    """Folders stand for every file below them (sorted); anything else is checked as given."""
    out: list[str] = []
    for name in files:
        path = Path(name)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file())
        else:
            out.append(name)
    return out


# -- shareguard register ------------------------------------------------------------------------

class RefusedInput(click.ClickException):
    """The register refused what was typed: exit status 2 like a usage error, one `Error:` line."""

    exit_code = 2


class IsoDate(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


DATE = IsoDate()


def with_register(fn):  # noqa: ANN001, ANN201
    """Open the register the command names (`--register`, $SHAREGUARD_REGISTER, config) and pass
    it first; a refused input exits 2, an unusable register or config exits 1."""

    @functools.wraps(fn)
    def wrapper(**kwargs):  # noqa: ANN003, ANN202
        obj = click.get_current_context().obj
        try:
            with Register.open(load_config(obj["config_dir"]).register_path(obj.get("register"))) as register:
                return fn(register, **kwargs)
        except RegisterFileError as exc:
            raise click.ClickException(str(exc)) from None
        except RegisterError as exc:
            raise RefusedInput(str(exc)) from None
        except ShareGuardError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


@cli.group("register")
def register_group() -> None:
    """Record people, consents and legal bases (agreements) in the register.

    Anything the register refuses (an invalid NHS number, consent from someone without parental
    responsibility, a bad CSV row…) ends with one `Error:` line and exit status 2; a register
    file or config that cannot be used, with exit status 1.
    """


@register_group.group("person")
def person_group() -> None:
    """People in a case, their identifiers, and who holds parental responsibility."""


@person_group.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option("--alias", "aliases", multiple=True, help="Another name they are known by (repeat).")
@click.option("--dob", type=DATE, help="Date of birth.")
@click.option("--nhs", help="NHS number (checked).")
@click.option("--upn", help="Unique Pupil Number (checked).")
@click.option("--case-ref", "case_refs", multiple=True, help="A case reference (repeat).")
@click.option("--competent", is_flag=True, help="A child recorded as competent to consent for themself.")
@click.option("--responsible-for", "responsible_for", multiple=True, metavar="PERSON",
              help="A child (person id) this person holds parental responsibility for (repeat).")
@with_register
def person_add(register: Register, **fields: object) -> None:
    """Record a person; prints the new id."""
    click.echo(register.add_person(**fields).id)


@person_group.command("list")
@with_register
def person_list(register: Register) -> None:
    """Everyone in the register."""
    rows = [(p.id, p.name, p.role, _iso(p.dob), ", ".join(p.aliases)) for p in register.people()]
    click.echo(_table(("ID", "NAME", "ROLE", "DOB", "ALIASES"), rows))


@person_group.command("show")
@click.argument("person_id", metavar="ID")
@with_register
def person_show(register: Register, person_id: str) -> None:
    """One person: identifiers, parental responsibility, and the consents about them."""
    p = register.person(person_id)
    holders = ", ".join(f"{h.id} {h.name}" for h in register.holders_of(p.id))
    click.echo(_table(("id", p.id), [
        ("name", p.name), ("role", p.role), ("aliases", ", ".join(p.aliases)), ("dob", _iso(p.dob)),
        ("nhs", p.nhs or ""), ("upn", p.upn or ""), ("case refs", ", ".join(p.case_refs)),
        ("competent", "yes" if p.competent else "no"), ("parental responsibility held by", holders),
        ("responsible for", ", ".join(p.responsible_for))]))
    click.echo("\nConsents about them:\n" + _consent_table(register, register.consents(p.id)))


@register_group.group("consent")
def consent_group() -> None:
    """Consent to share: who gave it, to whom, for what, until when, and withdrawal."""


@consent_group.command("add")
@click.option("--subject", required=True, metavar="PERSON", help="Whose data (person id).")
@click.option("--given-by", required=True, metavar="PERSON",
              help="The subject, or a person with parental responsibility for them.")
@click.option("--to", "recipients", required=True, multiple=True, metavar="RECIPIENT",
              help="Recipient id, type:<type> or * (repeat).")
@click.option("--purpose", "purposes", required=True, multiple=True, help="Purpose id or * (repeat).")
@click.option("--category", "categories", multiple=True,
              help="personal_data (default), a special category such as HEALTH, or * (repeat).")
@click.option("--explicit", is_flag=True, help="Explicit consent (needed for special categories).")
@click.option("--given", required=True, type=DATE)
@click.option("--expires", type=DATE)
@click.option("--evidence", required=True, help="Where the signed form or recorded conversation is.")
@with_register
def consent_add(register: Register, **fields: object) -> None:
    """Record a consent; prints the new id."""
    click.echo(register.add_consent(**fields).id)


@consent_group.command("list")
@click.option("--subject", metavar="PERSON", help="Only the consents about this person.")
@with_register
def consent_list(register: Register, subject: str | None) -> None:
    """Consents, with their status today: in force, not yet, expired or withdrawn."""
    click.echo(_consent_table(register, register.consents(subject)))


@consent_group.command("withdraw")
@click.argument("consent_id", metavar="ID")
@click.option("--reason", required=True, help="Why, as the person said it (recorded).")
@click.option("--on", type=DATE, default=date.today, show_default="today", help="The day it stops counting.")
@with_register
def consent_withdraw(register: Register, consent_id: str, reason: str, on: date) -> None:
    """Record that a consent was withdrawn."""
    register.withdraw_consent(consent_id, on, reason)
    click.echo(f"{consent_id} withdrawn from {on.isoformat()}", err=True)


@register_group.group("agreement")
def agreement_group() -> None:
    """Legal bases a recipient holds: information-sharing agreements, statutory duties, court orders."""


@agreement_group.command("add")
@click.option("--to", "recipient", required=True, metavar="RECIPIENT", help="Recipient id, type:<type> or *.")
@click.option("--purpose", "purposes", required=True, multiple=True, help="Purpose id or * (repeat).")
@click.option("--category", "categories", multiple=True, help="personal_data (default), a special category, or *.")
@click.option("--kind", required=True, type=click.Choice(AGREEMENT_KINDS))
@click.option("--reference", required=True, help="The agreement, statute or order, as cited.")
@click.option("--from", "valid_from", required=True, type=DATE)
@click.option("--until", "valid_to", type=DATE)
@with_register
def agreement_add(register: Register, **fields: object) -> None:
    """Record a legal basis; prints the new id."""
    click.echo(register.add_agreement(**fields).id)


@agreement_group.command("list")
@with_register
def agreement_list(register: Register) -> None:
    """Every recorded legal basis."""
    rows = [(a.id, a.recipient, a.kind, a.reference, ", ".join(a.purposes), ", ".join(a.categories),
             _iso(a.valid_from), _iso(a.valid_to)) for a in register.agreements()]
    click.echo(_table(("ID", "TO", "KIND", "REFERENCE", "PURPOSES", "CATEGORIES", "FROM", "UNTIL"), rows))


@register_group.command("import")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@with_register
def register_import(register: Register, kind: str, file: str) -> None:
    """Add the rows of a CSV FILE (columns: see README); all rows or none."""
    click.echo(f"imported {import_csv(register, kind, file)} {kind} from {file}", err=True)


@register_group.command("export")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("file", default="-")
@with_register
def register_export(register: Register, kind: str, file: str) -> None:
    """Write KIND as CSV to FILE, or to stdout."""
    count = export_csv(register, kind, sys.stdout if file == "-" else file)
    if file != "-":
        click.echo(f"exported {count} {kind} to {file}", err=True)


def _consent_table(register: Register, consents: tuple[Consent, ...]) -> str:
    today, reasons = date.today(), register.withdrawal_reasons()
    rows = [(c.id, c.subject, c.given_by, consent_status(c, today), ", ".join(c.recipients), ", ".join(c.purposes),
             ", ".join(c.categories) + (" (explicit)" if c.explicit else ""), _iso(c.given), _iso(c.expires),
             reasons.get(c.id, "")) for c in consents]
    return _table(("ID", "SUBJECT", "GIVEN BY", "STATUS", "TO", "PURPOSES", "CATEGORIES", "GIVEN", "EXPIRES",
                   "WITHDRAWN BECAUSE"), rows)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in (header, *rows))


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


cli.add_command(review_group)
cli.add_command(audit_group)
cli_bulk.register(cli)
cli_watch.register(cli)


def main() -> None:
    cli(prog_name="shareguard")


if __name__ == "__main__":
    sys.exit(main())
