"""UK identifier recognizers: valid and invalid check digits, layouts, label before and after."""
from __future__ import annotations

import pytest

from tests.assertions import assert_found

pytestmark = pytest.mark.model

CASES = [
    # UK_NHS: mod-11 check digit (python-stdnum)
    ("NHS number: 943 476 5919", "UK_NHS", "943 476 5919"),
    ("nhs no 9434765919 recorded", "UK_NHS", "9434765919"),
    ("Ref 943-476-5919 (NHS)", "UK_NHS", "943-476-5919"),
    ("His number is 401 023 2137.", "UK_NHS", "401 023 2137"),
    ("NHS number: 943 476 5918", "UK_NHS", None),  # check digit wrong
    ("NHS number: 123 456 7890", "UK_NHS", None),
    ("NHS number: 000 000 0000", "UK_NHS", None),  # passes mod 11, but no such number
    ("UTR 1478641088 for the carer", "UK_NHS", None),  # a taxpayer reference passing mod 11
    # UK_NINO: valid prefixes and suffix
    ("NI number AB 12 34 56 C", "UK_NINO", "AB 12 34 56 C"),
    ("nino: JG103759A", "UK_NINO", "JG103759A"),
    ("National Insurance AZ 123 456 A.", "UK_NINO", "AZ 123 456 A"),
    ("NI number GB 12 34 56 C", "UK_NINO", None),  # GB is not an allocated prefix
    ("NI number DA 12 34 56 C", "UK_NINO", None),  # D is never a first letter
    ("NI number AB 12 34 56 E", "UK_NINO", None),  # suffix is A–D
    # UK_UPN: DfE check letter (python-stdnum)
    ("UPN B801200005001", "UK_UPN", "B801200005001"),
    ("pupil number P380200012001 on the roll", "UK_UPN", "P380200012001"),
    ("temporary UPN A80120000501A", "UK_UPN", "A80120000501A"),
    ("UPN A801200005001", "UK_UPN", None),  # wrong check letter
    ("UPN E000200005001", "UK_UPN", None),  # unknown local authority
    # UK_POSTCODE
    ("lives at 14 Acacia Avenue, Leeds LS6 2AB", "UK_POSTCODE", "LS6 2AB"),
    ("Postcode: SW1A 1AA", "UK_POSTCODE", "SW1A 1AA"),
    ("moved to M1 1AE last week", "UK_POSTCODE", "M1 1AE"),
    ("we met on the 2nd floor", "UK_POSTCODE", None),
    # PHONE_NUMBER: UK formats, not dates, not NHS numbers
    ("Mum's mobile 07700 900123", "PHONE_NUMBER", "07700 900123"),
    ("Call 0113 496 0000 (office)", "PHONE_NUMBER", "0113 496 0000"),
    ("tel: +44 20 7946 0123", "PHONE_NUMBER", "+44 20 7946 0123"),
    ("landline (01632) 960123", "PHONE_NUMBER", "(01632) 960123"),
    ("meeting on 12/03/2024 at 10:30", "PHONE_NUMBER", None),
    ("NHS number 943 476 5919", "PHONE_NUMBER", None),
    ("ring the NSPCC helpline on 0808 800 5000", "PHONE_NUMBER", None),  # allow-listed helpline
    ("Call me on 0808 800 5001", "PHONE_NUMBER", "0808 800 5001"),  # …but not its neighbour
    ("As quoted by Smith 12-15 (2009), page 4", "PHONE_NUMBER", None),
    # EMAIL_ADDRESS
    ("email adaeze.okafor@example.co.uk today", "EMAIL_ADDRESS", "adaeze.okafor@example.co.uk"),
    # CASE_REFERENCE: patterns from config/detectors.yaml
    ("Case ref CF-2024-000123", "CASE_REFERENCE", "CF-2024-000123"),
    ("MASH/2024/00123 opened", "CASE_REFERENCE", "MASH/2024/00123"),
    ("Invoice INV-2024-000123", "CASE_REFERENCE", None),
    # UK_DRIVING_LICENCE with digit check characters, spacing and the issue number
    ("Licence MORGA753116SM91J 01", "UK_DRIVING_LICENCE", "MORGA753116SM91J 01"),
    ("My DVLA NO is MORGA 753116 SM91J01 ok", "UK_DRIVING_LICENCE", "MORGA 753116 SM91J01"),
    # UK_TAX_REFERENCE: UTR with its label, TRN
    ("UTR 1478641088 for the carer", "UK_TAX_REFERENCE", "1478641088"),
    ("Please verify the TRN 99 L 999 99.", "UK_TAX_REFERENCE", "99 L 999 99"),
]


@pytest.mark.parametrize("text,type_,expected", CASES)
def test_uk_identifiers(detect, text, type_, expected):
    assert_found(detect(text), type_, expected)


def test_findings_carry_score_detector_and_explanation(detect):
    (nhs,) = [f for f in detect("NHS number: 943 476 5919") if f.type == "UK_NHS"]
    assert nhs.score == 1.0
    assert nhs.detector == "presidio.UkNhsRecognizer"
    assert "check digit valid" in nhs.explanation


@pytest.mark.parametrize(
    "text,type_,expected",
    [
        ("this is a sw1A 0AA test string", "UK_POSTCODE", "sw1A 0AA"),
        ("connecting from ::1", "IP_ADDRESS", "::1"),
        ("Call me on my cell 312.714.8142 or in my office 773.415.7432", "PHONE_NUMBER", "773.415.7432"),
    ],
)
def test_peer_layouts(detect, text, type_, expected):
    assert_found(detect(text), type_, expected)
