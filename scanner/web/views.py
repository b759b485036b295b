"""The pages: the queue, an item (its text with the findings highlighted, the reasons, the people,
the history) and the decision form. Deciding goes through `ReviewStore.decide`, which refuses a
role that may not decide the item, records the decision in the audit trail and moves the file."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from scanner.review.errors import ReviewError, ReviewFileError
from scanner.review.model import ReviewItem, item_number
from scanner.review.roles import APPROVE, OPEN, REJECT, RELEASE_REDACTED, ROLES, STATUSES, may_decide
from scanner.review.store import ReviewStore
from scanner.web.highlight import highlighted, legend
from scanner.web.settings import review_store, settings

bp = Blueprint("review", __name__)
MAX_REASON = 2000
VERDICT_LABELS = {APPROVE: "Approve: let it go", RELEASE_REDACTED: "Release the redacted copy",
                  REJECT: "Reject: keep it back"}


@bp.get("/")
def queue() -> str:
    status = request.args.get("status", OPEN)
    role = request.args.get("role", "")
    if status not in (*STATUSES, "all") or role not in ("", *ROLES):
        abort(400, "Unknown status or role filter.")
    with review_store() as store:
        items = store.list(status=None if status == "all" else status, role=role or None)
    return render_template("queue.html", items=items, status=status, role=role, statuses=STATUSES, roles=ROLES,
                           may_decide=may_decide)


@bp.get("/items/<item>")
def item(item: str) -> str:
    with review_store() as store:
        found = _get(store, item)
        return _item_page(found, store.text(found.id))


@bp.post("/items/<item>/decide")
def decide(item: str) -> Response | tuple[str, int]:
    verdict, reason = request.form.get("verdict", ""), request.form.get("reason", "").strip()
    with review_store(decides=True) as store:
        found = _get(store, item)
        if not may_decide(g.user.role, found.reviewer):
            current_app.logger.warning("%s (%s) tried to decide %s, a %s item: refused", g.user.name, g.user.role,
                                       found.id, found.reviewer)
            abort(403, f"{found.id} must be decided by the {found.reviewer}; as {g.user.role} you may not decide it.")
        if not found.is_open:
            return _refused(store, found, f"{found.id} was already decided ({found.status}).", 409)
        if verdict not in VERDICT_LABELS:
            return _refused(store, found, "Choose approve, reject or release the redacted copy.", 400)
        if not reason:
            return _refused(store, found, "Write the reason for your decision: it is recorded in the audit trail.",
                            400, reason)
        if len(reason) > MAX_REASON:
            return _refused(store, found, f"Keep the reason under {MAX_REASON} characters.", 400, reason)
        try:
            decided = store.decide(found.id, verdict, reason, by=g.user.name, role=g.user.role, via="web")
        except ReviewFileError as exc:
            current_app.logger.error("%s: the decision by %s could not be carried out (%s)", found.id, g.user.name,
                                     exc.code)
            return _refused(store, found, str(exc), 500, reason)
        except ReviewError as exc:
            return _refused(store, found, str(exc), 400, reason)
    current_app.logger.info("%s %s by %s (%s) via the web page", decided.id, decided.status, g.user.name,
                            g.user.role)
    flash(_decided(decided))
    return redirect(url_for("review.item", item=decided.id))


def _get(store: ReviewStore, text: str) -> ReviewItem:
    try:
        return store.get(item_number(text))
    except ReviewError:
        abort(404, f"There is no item {text} in the review queue.")


def _refused(store: ReviewStore, found: ReviewItem, message: str, status: int, reason: str = "") -> tuple[str, int]:
    current = store.get(found.id)
    return _item_page(current, store.text(current.id), error=message, reason=reason), status


def _item_page(found: ReviewItem, text: str, error: str | None = None, reason: str = "") -> str:
    verdicts = [v for v in VERDICT_LABELS if v != RELEASE_REDACTED or found.redacted_copy]
    recipient = settings().config.recipients.get(found.recipient)
    purpose = settings().config.purposes.get(found.purpose)
    return render_template(
        "item.html", item=found, text=highlighted(text, found.findings), legend=legend(found.findings),
        findings=sorted(found.findings, key=lambda f: f.start), error=error, reason=reason,
        may_decide=found.is_open and may_decide(g.user.role, found.reviewer), verdicts=verdicts,
        verdict_labels=VERDICT_LABELS, recipient=recipient, purpose=purpose, shown=_shown_path,
        max_reason=MAX_REASON)


def _shown_path(path: str | None) -> str | None:
    """A path in the share folder as `quarantine/…` or `released/…`; any other as it is."""
    if not path:
        return None
    root = settings().share_root.resolve()
    resolved = Path(path).resolve()
    return str(resolved.relative_to(root)) if resolved.is_relative_to(root) else path


def _decided(decided: ReviewItem) -> str:
    last = decided.history[-1]
    where = f" Released to {_shown_path(decided.released_path)}." if decided.released_path else ""
    return f"{decided.id} {decided.status} by {last.by} ({last.role}); audit entry {last.audit_seq}.{where}"

