"""`shareguard review …` and `shareguard audit …`: click glue over `scanner.review` and
`scanner.audit`, registered on the main group by cli.py; and the recorder `check` uses."""
from __future__ import annotations

import functools
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from scanner.audit.errors import AuditError
from scanner.audit.export import export_csv
from scanner.audit.head import Head
from scanner.audit.log import AuditEntry, AuditLog
from scanner.config import Config, load_config
from scanner.errors import ShareGuardError
from scanner.record import record_outcome
from scanner.review.errors import ReviewError, ReviewFileError
from scanner.review.model import ReviewItem
from scanner.review.render import to_terminal
from scanner.review.roles import ROLES, STATUSES
from scanner.review.store import ReviewStore
from scanner.types import Outcome
from scanner.web.users import UserError, UserFileError, Users


class RefusedDecision(click.ClickException):
    """The review queue refused what was asked (no reason, wrong role, already decided): exit 2."""

    exit_code = 2


def _fail(exc: ShareGuardError) -> click.ClickException:
    refused = isinstance(exc, ReviewError) and not isinstance(exc, ReviewFileError)
    return RefusedDecision(str(exc)) if refused else click.ClickException(str(exc))


def _config(obj: dict[str, Any]) -> Config:
    return load_config(obj.get("config_dir"))


# -- recording what `check` decided ------------------------------------------------------------

class Recorder:
    """Records each outcome of a `check` run: an audit entry always, a review item when due. The
    audit trail and review queue are opened on the first outcome and kept open for the run. A
    failure to record is an error (exit 1): a decision that is not recorded does not stand."""

    def __init__(self, config: Config, obj: dict[str, Any]) -> None:
        self._config, self._obj = config, obj
        self._audit: AuditLog | None = None
        self._review: ReviewStore | None = None

    def __call__(self, outcome: Outcome, redacted_copy: Path | None = None) -> None:
        try:
            if self._audit is None:
                self._audit = AuditLog.open(self._config.audit_path(self._obj.get("audit")))
                self._review = ReviewStore.open(self._config.review_path(self._obj.get("review_db")))
            record_outcome(outcome, self._audit, self._review, redacted_copy=redacted_copy)
        except ShareGuardError as exc:
            raise click.ClickException(f"{outcome.document.path}: the decision could not be recorded ({exc})") from None

    def close(self) -> None:
        for store in (self._review, self._audit):
            if store is not None:
                store.close()
        self._audit = self._review = None


# -- shareguard review -------------------------------------------------------------------------

def with_review(decides: bool = False, create: bool = False) -> Callable[..., Any]:
    """Open the review queue (and for decisions the audit trail and share folder) and pass it first."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(**kwargs: Any) -> Any:
            obj = click.get_current_context().obj
            audit = None
            try:
                config = _config(obj)
                audit = AuditLog.open(config.audit_path(obj.get("audit"))) if decides else None
                with ReviewStore.open(config.review_path(obj.get("review_db")), audit=audit, create=create,
                                      share_root=config.share_root() if decides else None) as store:
                    return fn(store, **kwargs)
            except ShareGuardError as exc:
                raise _fail(exc) from None
            finally:
                if audit is not None:
                    audit.close()

        return wrapper

    return decorate


@click.group("review")
def review_group() -> None:
    """The review queue: documents held or flagged for the DSL or the IG lead, and their decisions.

    A DSL decides any item; an IG lead only items for the IG lead. Every decision needs a
    written reason and is recorded in the audit trail (write it without naming people). An
    approved held document moves from quarantine/ to released/<recipient>/ in the share folder.
    A refused decision ends with one `Error:` line and exit status 2; an unusable file, exit 1.
    """


@review_group.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only items with this status.")
@click.option("--role", help=f"Only items for this reviewer ({', '.join(ROLES)}).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per item (JSON Lines).")
@with_review()
def review_list(store: ReviewStore, status: str | None, role: str | None, as_json: bool) -> None:
    """Items in the queue, oldest first."""
    items = store.list(status=status, role=role)
    if as_json:
        for item in items:
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        return
    rows = [(i.id, i.status, i.reviewer, i.action, ", ".join(i.rules), i.recipient or "", i.purpose or "",
             i.created[:16], i.document) for i in items]
    click.echo(table(("ID", "STATUS", "REVIEWER", "ACTION", "RULES", "TO", "PURPOSE", "CREATED", "DOCUMENT"), rows))


@review_group.command("show")
@click.argument("item_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The item and its text as one JSON object.")
@with_review()
def review_show(store: ReviewStore, item_id: str, as_json: bool) -> None:
    """One item: the decision, its reasons, the people, the history, and the text with the
    findings highlighted."""
    item, text = store.get(item_id), store.text(item_id)
    if as_json:
        click.echo(json.dumps(item.to_dict() | {"text": text}, ensure_ascii=False))
    else:
        click.echo(to_terminal(item, text, click.style))


def decision_command(verdict: str, summary: str) -> Callable[..., Any]:
    @review_group.command(verdict, help=summary)
    @click.argument("item_id", metavar="ID")
    @click.option("--reason", required=True, help="Why, in your words (recorded in the audit trail; no names).")
    @click.option("--as", "by", envvar="SHAREGUARD_USER", default=getpass.getuser, show_default="your login name",
                  help="Who is deciding (or $SHAREGUARD_USER).")
    @click.option("--role", envvar="SHAREGUARD_ROLE", required=True,
                  help=f"The role you decide in: {', '.join(ROLES)} (or $SHAREGUARD_ROLE).")
    @with_review(decides=True, create=False)
    def command(store: ReviewStore, item_id: str, reason: str, by: str, role: str) -> None:
        item = store.decide(item_id, verdict, reason, by, role, via="cli")
        click.echo(_decided(item), err=True)

    return command


def _decided(item: ReviewItem) -> str:
    last = item.history[-1]
    where = f"; released to {item.released_path}" if item.released_path else ""
    where += f"; kept in {item.held_copy}" if item.status == "rejected" and item.held_copy else ""
    return f"{item.id} {item.status} by {last.by} ({last.role}){where}; audit entry {last.audit_seq}"


review_approve = decision_command("approve", "Let the document go; a held document is moved to released/.")
review_reject = decision_command("reject", "Keep the document back; a held document moves to quarantine/rejected/.")
review_release_redacted = decision_command(
    "release-redacted", "Release the item's verified redacted copy instead; the original stays held.")


# -- shareguard review user / serve: the review web page -----------------------------------------

def _user_fail(exc: ShareGuardError) -> click.ClickException:
    refused = isinstance(exc, UserError) and not isinstance(exc, UserFileError)
    return RefusedDecision(str(exc)) if refused else click.ClickException(str(exc))


def _users_path(override: str | None) -> Path:
    return _config(click.get_current_context().obj).users_path(override)


@review_group.group("user")
@click.option("--users", "users_path", type=click.Path(dir_okay=False),
              help="The user database (default: users.path in config, var/users.sqlite3; or $SHAREGUARD_USERS).")
@click.pass_obj
def user_group(obj: dict[str, Any], users_path: str | None) -> None:
    """The review web page's users: a name, a role (DSL or IG lead) and a password (scrypt hash)."""
    obj["users"] = users_path


@user_group.command("add")
@click.argument("name")
@click.option("--role", required=True, help=f"Their role: {', '.join(ROLES)} (also ig-lead).")
@click.pass_obj
def user_add(obj: dict[str, Any], name: str, role: str) -> None:
    """Add a user; the password is asked for twice and never shown."""
    password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    try:
        with Users.open(_users_path(obj.get("users"))) as users:
            user = users.add(name, role, password)
    except ShareGuardError as exc:
        raise _user_fail(exc) from None
    click.echo(f"added {user.name} ({user.role})", err=True)


@user_group.command("remove")
@click.argument("name")
@click.pass_obj
def user_remove(obj: dict[str, Any], name: str) -> None:
    """Remove a user (a leaver, a change of job); their open sessions end at once."""
    try:
        with Users.open(_users_path(obj.get("users")), create=False) as users:
            user = users.remove(name)
    except ShareGuardError as exc:
        raise _user_fail(exc) from None
    click.echo(f"removed {user.name} ({user.role}); their sessions are ended", err=True)


@user_group.command("password")
@click.argument("name")
@click.pass_obj
def user_password(obj: dict[str, Any], name: str) -> None:
    """Set a new password for a user (asked for twice, never shown); their open sessions end."""
    try:
        with Users.open(_users_path(obj.get("users")), create=False) as users:
            users.named(name)  # an unknown name is refused before the password is asked for
            password = click.prompt("New password", hide_input=True, confirmation_prompt=True, err=True)
            user = users.set_password(name, password)
    except ShareGuardError as exc:
        raise _user_fail(exc) from None
    click.echo(f"new password set for {user.name}; their sessions are ended", err=True)


@user_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per user (JSON Lines).")
@click.pass_obj
def user_list(obj: dict[str, Any], as_json: bool) -> None:
    """The users, by name (never their password hashes)."""
    try:
        with Users.open(_users_path(obj.get("users"))) as users:
            found = users.list()
    except ShareGuardError as exc:
        raise _user_fail(exc) from None
    if as_json:
        for u in found:
            click.echo(json.dumps({"name": u.name, "role": u.role, "created": u.created}))
        return
    click.echo(table(("NAME", "ROLE", "CREATED"), [(u.name, u.role, u.created) for u in found]))


@review_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Anything but a loopback address needs --allow-remote.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--allow-remote", is_flag=True, help="Allow an address other machines can reach (printed as a warning).")
@click.option("--users", "users_path", type=click.Path(dir_okay=False),
              help="The user database (as for `review user`).")
@click.option("--tls-cert", type=click.Path(exists=True, dir_okay=False), help="Serve https with this certificate…")
@click.option("--tls-key", type=click.Path(exists=True, dir_okay=False), help="…and this private key.")
@click.option("--secure-cookies", is_flag=True, help="Mark the session cookie Secure (behind an https proxy).")
@click.pass_obj
def review_serve(obj: dict[str, Any], host: str, port: int, allow_remote: bool, users_path: str | None,
                 tls_cert: str | None, tls_key: str | None, secure_cookies: bool) -> None:
    """Serve the review web page: sign in, the queue, each item with its text highlighted, decisions."""
    from scanner.web import serve  # Flask is loaded only to serve

    if bool(tls_cert) != bool(tls_key):
        raise click.UsageError("--tls-cert and --tls-key go together")
    try:
        config = _config(obj)
        served = serve.prepare(config, config.review_path(obj.get("review_db")), config.audit_path(obj.get("audit")),
                               config.users_path(users_path), host, port, allow_remote=allow_remote,
                               tls=(Path(tls_cert), Path(tls_key)) if tls_cert and tls_key else None,
                               secure_cookies=secure_cookies)
    except ShareGuardError as exc:
        raise _user_fail(exc) from None
    if served.warning:
        click.echo(served.warning, err=True)
    click.echo(f"ShareGuard review page on {served.url} (Ctrl-C to stop)", err=True)
    try:
        serve.run(served)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None


# -- shareguard audit --------------------------------------------------------------------------

def with_audit(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Open the existing audit trail (a missing file is an error, never an empty trail) and pass it first."""

    @functools.wraps(fn)
    def wrapper(**kwargs: Any) -> Any:
        obj = click.get_current_context().obj
        try:
            with AuditLog.open(_config(obj).audit_path(obj.get("audit")), create=False) as log:
                return fn(log, **kwargs)
        except ShareGuardError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


class Anchor(click.ParamType):
    name = "SEQ:HASH"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Head:
        if isinstance(value, Head):
            return value
        seq, _, digest = str(value).partition(":")
        if not seq.isdigit() or len(digest) != 64:
            self.fail(f"expected SEQ:HASH as printed by `shareguard audit head` (got {value!r})", param, ctx)
        return Head(int(seq), digest.lower())


@click.group("audit")
def audit_group() -> None:
    """The audit trail: every sharing decision, automatic or human, hash-chained.

    It holds hashes, types, ids, rule numbers and reviewers' reasons, never the documents'
    text, names or identifiers.
    """


@audit_group.command("list")
@click.option("--since", type=click.IntRange(min=1), default=1, help="From this entry number.")
@click.option("--kind", help="Only entries of this kind (decision, review_decision, release).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entry (JSON Lines).")
@with_audit
def audit_list(log: AuditLog, since: int, kind: str | None, as_json: bool) -> None:
    """Entries, oldest first."""
    entries = log.entries(since=since, kind=kind)
    if as_json:
        for entry in entries:
            click.echo(json.dumps(entry.to_dict(), ensure_ascii=False))
        return
    rows = [(str(e.seq), e.at, e.actor, e.kind, _summary(e), e.hash[:16]) for e in entries]
    click.echo(table(("SEQ", "AT", "ACTOR", "KIND", "WHAT", "HASH"), rows))


@audit_group.command("verify")
@click.option("--anchor", "anchors", multiple=True, type=Anchor(),
              help="A head recorded earlier elsewhere (`audit head`); it must still be in the trail (repeat).")
@with_audit
def audit_verify(log: AuditLog, anchors: tuple[Head, ...]) -> None:
    """Recompute the hash chain. Exit 0 when intact; exit 1 naming the first bad entry."""
    result = log.verify(anchors)
    click.echo(str(result))
    if not result.intact:
        click.get_current_context().exit(1)


@audit_group.command("head")
@with_audit
def audit_head(log: AuditLog) -> None:
    """Print the last entry as SEQ:HASH, to keep somewhere else (for `audit verify --anchor`)."""
    head = log.head()
    if head is None:
        raise click.ClickException(f"{log.path}: the audit trail is empty")
    click.echo(str(head))


@audit_group.command("export")
@click.argument("file", default="-")
@with_audit
def audit_export(log: AuditLog, file: str) -> None:
    """The record of sharing as CSV (one row per decision) to FILE, or to stdout."""
    if file == "-":
        export_csv(log, sys.stdout)
        return
    try:
        with open(file, "w", encoding="utf-8", newline="") as out:
            count = export_csv(log, out)
    except OSError as exc:
        raise AuditError(f"{file}: cannot write the export ({exc.strerror})") from None
    click.echo(f"exported {count} decisions to {file}", err=True)


def _summary(entry: AuditEntry) -> str:
    body = entry.body
    sha = (body.get("document") or {}).get("sha256", "")[:12]
    to = f"{body.get('recipient') or '?'}/{body.get('purpose') or '?'}"
    if entry.kind == "decision":
        return f"{sha} → {to}: {body.get('action')} ({' '.join(body.get('rules') or ())})"
    if entry.kind == "review_decision":
        return f"{body.get('item')} {sha} → {to}: {body.get('verdict')} by the {body.get('role')}"
    if entry.kind == "release":
        return f"{body.get('item')} {body.get('copy')} {sha} → released/{body.get('recipient')}"
    return ""


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in (header, *rows))
