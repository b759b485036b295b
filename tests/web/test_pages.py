"""The queue, the item page and decisions: what a reviewer sees, what each role may decide, and
what a decision does to the share folder and the audit trail."""
from __future__ import annotations

import html
import re

import pytest

from scanner.audit.log import AuditLog
from scanner.record import record_outcome
from scanner.review.store import ReviewStore
from tests.web.conftest import form_token, sign_in
from tests.web.samples import _held, case_note


def _decide(client, item: str, verdict: str, reason: str):
    page = client.get(f"/items/{item}").get_data(as_text=True)
    return client.post(f"/items/{item}/decide", data={"verdict": verdict, "reason": reason,
                                                      "csrf_token": form_token(page)})


def _rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return [[_flat(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def _flat(fragment: str) -> str:
    """The text a reader sees: tags dropped, white space as one space."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip())


def _entries(paths) -> list:
    with AuditLog.open(paths["audit"]) as audit:
        return list(audit.entries())


def test_the_queue_shows_open_items_with_what_a_reviewer_needs(client):
    sign_in(client)
    rows = _rows(client.get("/").get_data(as_text=True))
    assert rows == [
        ["R-0001", "2026-11-25 09:30", "kent-front-door", "early-help", "block", "DSL", "R2, R7", "open"],
        ["R-0002", "2026-11-25 09:30", "housing-officer", "housing-application", "block", "IG lead", "R4", "open"],
    ]


def test_the_queue_filters_by_status_and_role(client):
    sign_in(client)
    assert [r[0] for r in _rows(client.get("/?role=IG+lead").get_data(as_text=True))] == ["R-0002"]
    assert "Nothing approved" in client.get("/?status=approved").get_data(as_text=True)
    _decide(client, "R-0001", "approve", "Front door expects it.")
    assert [r[0] for r in _rows(client.get("/").get_data(as_text=True))] == ["R-0002"]
    assert [r[0] for r in _rows(client.get("/?status=approved").get_data(as_text=True))] == ["R-0001"]
    assert len(_rows(client.get("/?status=all").get_data(as_text=True))) == 2
    assert client.get("/?status=pending").status_code == 400
    assert client.get("/?role=admin").status_code == 400


def test_an_ig_lead_sees_which_items_are_not_theirs(client):
    sign_in(client, "sclarke")
    rows = _rows(client.get("/").get_data(as_text=True))
    assert rows[0][5] == "DSL (not yours)" and rows[1][5] == "IG lead"


def test_the_item_page_highlights_the_findings_by_kind_and_polarity(client):
    sign_in(client)
    page = client.get("/items/R-0001").get_data(as_text=True)
    marks = {html.unescape(text): cls for cls, text in re.findall(r'<mark class="([^"]+)" title="[^"]*">(.*?)</mark>',
                                                                  page)}
    assert marks["Jayden Smith"] == "k-personal-data"
    assert marks["943 476 5919"] == "k-personal-data"
    assert marks["asthma"] == "k-special-category"
    assert marks["hit him with a belt"] == "k-safeguarding p-affirmed"
    assert marks["No marks were seen"] == "k-safeguarding p-negated"
    assert marks["goes missing"] == "k-safeguarding p-hypothetical"
    assert marks["Did your dad hit you?"] == "k-practice"
    assert marks["I promised "] == "k-practice" and marks["Jayden"] in ("k-personal-data", "k-practice")
    assert 'title="safeguarding concern: physical_abuse (affirmed)"' in page
    text = re.search(r'<pre class="text">(.*?)</pre>', page, re.S)[1]
    assert html.unescape(re.sub(r"<[^>]+>", "", text)) == case_note.__globals__["NOTE"]


def test_the_item_page_shows_reasons_people_and_history(client):
    sign_in(client)
    page = client.get("/items/R-0001").get_data(as_text=True)
    assert "<span class=\"rule\">R2</span> An affirmed concern (physical abuse)" in page
    assert "<cite>Confidentiality &amp; Information Sharing Policy, Rationale</cite>" in page
    assert "<cite>Confidentiality &amp; Information Sharing Policy, When a disclosure is being made</cite>" in page
    people = _rows(page.split("<h2>People</h2>")[1])
    assert people == [["P-0001 Jayden Smith main subject", "child", "none", "withhold"],
                      ["P-0002 Adaeze Okafor", "parent", "none", "withhold"]]
    assert "2026-11-25 09:30 ShareGuard (automatic): open — block (rules R2, R7) [audit 1]" in _flat(page)
    assert "to kent-front-door (Kent Integrated Children's Services Front Door) for early-help" in _flat(page)
    assert "quarantine/kent-front-door/home_visit.txt" in page  # shown inside the share folder, not as a full path


def test_a_dsl_approves_and_the_file_moves_to_released_with_the_audit_chain_intact(client, queue, paths):
    sign_in(client)
    response = _decide(client, "R-0001", "approve", "Front door expects it; consent would prejudice the enquiry.")
    assert (response.status_code, response.headers["Location"]) == (302, "/items/R-0001")
    released = paths["share"] / "released" / "kent-front-door" / "home_visit.txt"
    assert released.exists() and not queue["dsl"][1].exists()
    page = client.get("/items/R-0001").get_data(as_text=True)
    assert "R-0001 approved by jholt (DSL); audit entry 3. Released to released/kent-front-door/home_visit.txt." in page
    assert '<span class="status s-approved">approved</span>' in page and "<textarea" not in page
    decision, release = _entries(paths)[2:]
    assert (decision.kind, decision.actor, decision.body["via"], decision.body["role"]) == (
        "review_decision", "jholt", "web", "DSL")
    assert (release.kind, release.actor) == ("release", "jholt")
    with AuditLog.open(paths["audit"]) as audit:
        assert audit.verify().intact


def test_an_ig_lead_is_not_offered_a_dsl_item_and_a_forged_post_is_refused(client, queue, paths):
    sign_in(client, "sclarke")
    page = client.get("/items/R-0001").get_data(as_text=True)
    assert "<textarea" not in page and 'value="approve"' not in page
    assert "This is a DSL item: only a DSL can decide it. You are signed in as IG lead." in _flat(page)
    before = len(_entries(paths))
    forged = client.post("/items/R-0001/decide", data={"verdict": "approve", "reason": "Fine.",
                                                       "csrf_token": form_token(page)})
    assert forged.status_code == 403
    assert "R-0001 must be decided by the DSL; as IG lead you may not decide it." in forged.get_data(as_text=True)
    assert queue["dsl"][1].exists() and len(_entries(paths)) == before
    assert '<span class="status s-open">open</span>' in client.get("/items/R-0001").get_data(as_text=True)


def test_an_ig_lead_rejects_an_ig_item_and_it_stays_in_quarantine(client, queue, paths):
    sign_in(client, "sclarke")
    assert _decide(client, "R-0002", "reject", "No basis to share.").status_code == 302
    assert (paths["share"] / "quarantine" / "rejected" / "housing-officer" / "housing_letter.txt").exists()
    assert not (paths["share"] / "released").exists()


def test_a_dsl_may_decide_an_ig_item(client, paths):
    sign_in(client)
    assert _decide(client, "R-0002", "approve", "Housing support agreed with the family.").status_code == 302
    assert (paths["share"] / "released" / "housing-officer" / "housing_letter.txt").exists()


@pytest.mark.parametrize("reason", ["", "   \n  "])
def test_a_decision_needs_a_written_reason(client, queue, paths, reason):
    sign_in(client)
    before = len(_entries(paths))
    response = _decide(client, "R-0001", "approve", reason)
    assert response.status_code == 400
    assert "Write the reason for your decision" in response.get_data(as_text=True)
    assert queue["dsl"][1].exists() and len(_entries(paths)) == before


def test_a_reason_has_a_length_limit_and_a_verdict_must_be_known(client, queue):
    sign_in(client)
    assert _decide(client, "R-0001", "approve", "x" * 2001).status_code == 400
    assert _decide(client, "R-0001", "delete", "Because.").status_code == 400
    assert queue["dsl"][1].exists()


def test_release_redacted_is_offered_only_with_a_redacted_copy(client, queue):
    sign_in(client)
    page = client.get("/items/R-0001").get_data(as_text=True)
    assert 'value="approve"' in page and 'value="reject"' in page and 'value="release-redacted"' not in page
    response = _decide(client, "R-0001", "release-redacted", "The redacted copy is enough.")
    assert response.status_code == 400
    assert "there is no verified redacted copy to release" in response.get_data(as_text=True)
    assert queue["dsl"][1].exists()


def test_an_item_is_decided_once(client):
    sign_in(client)
    assert _decide(client, "R-0001", "reject", "Not for early help.").status_code == 302
    page = client.get("/items/R-0001").get_data(as_text=True)
    again = client.post("/items/R-0001/decide", data={"verdict": "approve", "reason": "Changed my mind.",
                                                      "csrf_token": form_token(page)})
    assert again.status_code == 409 and "R-0001 was already decided (rejected)." in again.get_data(as_text=True)


def test_an_unknown_item_is_not_found(client):
    sign_in(client)
    assert client.get("/items/R-0099").status_code == 404
    assert client.get("/items/nonsense").status_code == 404


def test_everything_from_the_document_is_escaped(client, paths):
    hostile = '<script>alert("x")</script> Visited <img src=x onerror=alert(1)> Jayden Smith & co.\n'
    outcome, path = case_note(paths["share"] / "quarantine" / "kent-front-door", name="hostile.txt")
    outcome, path = _held(path.parent, '<b>evil.txt', hostile, outcome.decision, (), outcome.subjects,
                          "kent-front-door", "early-help")
    with AuditLog.open(paths["audit"]) as audit, ReviewStore.open(paths["review"]) as review:
        item = record_outcome(outcome, audit, review, held_copy=path).item
    sign_in(client)
    page = client.get(f"/items/{item.id}").get_data(as_text=True)
    assert "<script>" not in page and "<img" not in page and "<b>evil" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page and "&amp; co." in page
