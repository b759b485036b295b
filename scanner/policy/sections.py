"""Stable ids for the sections of the Confidentiality & Information Sharing Policy that reasons cite."""
from __future__ import annotations

POLICY = "Confidentiality & Information Sharing Policy"

SECTIONS = {
    "introduction": "Introduction: GDPR applies to personal data of living, identifiable individuals, not anonymised data",
    "rationale": "Rationale: the safety, wellbeing and protection of children are the paramount considerations",
    "definition": "Definition of Confidentiality: in most cases the confider would not be identified except in "
    "certain circumstances",
    "disclosures": "Disclosures to staff and volunteers: staff should not promise confidentiality in relation to safeguarding; "
    "information is shared on a need to know basis",
    "disclosure-procedure": "When a disclosure is being made: no leading questions; record the speaker's own words",
    "keeping-confidence": "Keeping confidence: with no child-protection reason, no valid legal reason and no consent, "
    "confidentiality must be maintained",
    "good-practice": "Good practice in information sharing: KMISA; the Designated Lead for information governance "
    "is the Company Secretary",
}


def cite(section: str) -> str:
    """'Confidentiality & Information Sharing Policy, Keeping confidence' for a section id."""
    return f"{POLICY}, {SECTIONS[section].split(':')[0]}"
